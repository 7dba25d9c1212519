//! Office documents, rendered like HTML from the same facts: Word files (`.docx`) for forms
//! 01 and 03 and Excel workbooks (`.xlsx`) for form 02 and the period summary, written by the
//! build beside each page. Both are byte-identical from one build to the next.

pub mod cell;
pub mod csv;
pub mod docx;
pub mod form01;
pub mod form02;
pub mod form03;
pub mod party;
pub mod period;
pub mod xlsx;

/// zlib's fastest level, for every zip part guong writes: a document is mostly repeated
/// markup, which it already shrinks to about a fifth, at a fraction of the default level's
/// time (a build writes thousands of documents, and form 02 workbooks list every model).
pub const DEFLATE_LEVEL: u8 = 1;
