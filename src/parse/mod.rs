//! Bytes in, positioned trees out: front-matter split, YAML with positions, Markdown bodies
//! (outline, safe HTML and plain text, in one pass). No domain knowledge lives here.

pub mod controls;
pub mod frontmatter;
pub mod keys;
pub mod lines;
pub mod markdown;
pub mod yaml;

/// The bytes of `bytes` for which `holds` is true, counted 255 at a time in one byte each,
/// which the compiler turns into wide vector adds (a `usize` count per byte would widen
/// every lane and run several times slower).
pub fn count_bytes(bytes: &[u8], holds: impl Fn(u8) -> bool) -> usize {
    bytes.chunks(255).map(|chunk| chunk.iter().fold(0u8, |n, &b| n + u8::from(holds(b))) as usize).sum()
}
