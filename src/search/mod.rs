//! Site search: Vietnamese folding and collation, the tokenizer, and the sharded index and facet
//! table that `guong build` writes under `/tim-kiem/` for the gallery's script
//! (`themes/default/static/search.js`).

pub mod bigrams;
pub mod digest;
pub mod document;
pub mod facets;
pub mod fasthash;
pub mod fold;
pub mod index;
pub mod memo;
pub mod postings;
pub mod shards;
pub mod tokenize;
pub mod varint;

pub use fold::{CollationKey, fold, title_key};
pub use index::build_index;
