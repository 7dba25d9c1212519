//! Splitting the term dictionary into shards by folded prefix, so that a query downloads only
//! the few files holding its syllables, whatever the size of the site.
//!
//! The shards form a trie: a prefix whose terms fit in [`SHARD_LIMIT`] bytes is one *leaf*
//! shard holding all of them; a larger one is *split*: its own term (the prefix itself, if it
//! is a term) and a summary posting list (every document holding a term that starts with the
//! prefix, for a last syllable typed only that far) go in its own shard, and each longer prefix
//! is sharded again. The script finds the shard of a term from the two key lists of `meta.json`.

use std::fmt::Write;

use crate::search::postings::{Postings, encode, union};

/// Target size of a shard, in bytes of JSON before compression.
pub const SHARD_LIMIT: usize = 24 * 1024;

/// A term ready to be written: its folded form, the JSON of its entry, and its postings over
/// all spellings (for the summaries of split prefixes).
#[derive(Clone, Debug)]
pub struct IndexedTerm {
    pub folded: String,
    pub json: Vec<u8>,
    pub postings: Postings,
}

/// One shard file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shard {
    /// The folded prefix it stands for.
    pub key: String,
    /// Whether it holds every term with that prefix (leaf) or only the prefix itself and the
    /// summary (split).
    pub leaf: bool,
    pub bytes: Vec<u8>,
}

/// The file name of the shard of `key`: `s-<key>.json` for ASCII letters and digits, else
/// `h-<hex of the UTF-8 bytes>.json`. Names never come from content as written, so they are
/// always safe; the script derives them the same way.
pub fn file_name(key: &str) -> String {
    if key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        format!("s-{key}.json")
    } else {
        let mut name = String::from("h-");
        for byte in key.bytes() {
            let _ = write!(name, "{byte:02x}");
        }
        name.push_str(".json");
        name
    }
}

/// Splits `terms` (sorted by folded form) into shards for an index of `docs` documents.
pub fn shard(terms: &[IndexedTerm], docs: u32, limit: usize) -> Vec<Shard> {
    let mut out = Vec::new();
    split(terms, "", docs, limit, &mut out);
    out
}

fn split(terms: &[IndexedTerm], prefix: &str, docs: u32, limit: usize, out: &mut Vec<Shard>) {
    if terms.is_empty() {
        return;
    }
    let size: usize = terms.iter().map(|t| t.json.len() + t.folded.len() + 4).sum();
    let (own, longer) = match terms.first() {
        Some(first) if first.folded == prefix => terms.split_at(1),
        _ => terms.split_at(0),
    };
    if size <= limit || longer.is_empty() {
        out.push(Shard { key: prefix.to_owned(), leaf: true, bytes: shard_json(terms, None) });
        return;
    }
    if !prefix.is_empty() {
        let summary = union(terms.iter().map(|t| &t.postings), docs);
        let summary = serde_json::to_vec(&encode(&summary, docs)).unwrap_or_default();
        out.push(Shard { key: prefix.to_owned(), leaf: false, bytes: shard_json(own, Some(&summary)) });
    }
    let depth = prefix.chars().count();
    let mut rest = longer;
    while let Some(first) = rest.first() {
        let child: String = first.folded.chars().take(depth + 1).collect();
        let end = rest.iter().position(|t| !t.folded.starts_with(&child)).unwrap_or(rest.len());
        split(&rest[..end], &child, docs, limit, out);
        rest = &rest[end..];
    }
}

/// `{"t":{term: entry, …}, "s": summary}`.
fn shard_json(terms: &[IndexedTerm], summary: Option<&[u8]>) -> Vec<u8> {
    let mut bytes = b"{\"t\":{".to_vec();
    for (i, term) in terms.iter().enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        bytes.extend(serde_json::to_vec(&term.folded).unwrap_or_default());
        bytes.push(b':');
        bytes.extend(&term.json);
    }
    bytes.push(b'}');
    if let Some(summary) = summary {
        bytes.extend(b",\"s\":");
        bytes.extend(summary);
    }
    bytes.push(b'}');
    bytes
}

#[cfg(test)]
mod tests;
