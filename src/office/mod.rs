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
