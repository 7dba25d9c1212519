//! Bytes in, positioned trees out: front-matter split, YAML with positions, Markdown
//! outline. No domain knowledge lives here.

pub mod frontmatter;
pub mod markdown;
pub mod yaml;
