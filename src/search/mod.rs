//! Site search: Vietnamese folding and collation, the tokenizer, and the sharded index and facet
//! table that `guong build` writes under `/tim-kiem/` for the gallery's script.

pub mod fold;

pub use fold::{CollationKey, collation_key, fold};
