//! Bytes in, positioned trees out: front-matter split, YAML with positions, Markdown bodies
//! (outline, safe HTML and plain text, in one pass). No domain knowledge lives here.

pub mod controls;
pub mod frontmatter;
pub mod keys;
pub mod lines;
pub mod markdown;
pub mod yaml;
