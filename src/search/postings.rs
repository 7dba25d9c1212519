//! Posting lists (document number, value) and their compact JSON form, read back by the script.
//!
//! A list is written either *dense*, as a string with one character per document of the index
//! (the value in base 62, `0` = absent), or *sparse*, as a flat array
//! `[first doc, value, gap, value, …]`, whichever is shorter. Common syllables of a large site are
//! in most documents: their dense form costs one character per document and gzips well.

use serde::Serialize;

/// Characters of the dense form: the value `v` is `DIGITS[min(v, 61)]`.
pub const DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Largest value a posting keeps (term frequencies saturate long before).
pub const MAX_VALUE: u32 = 61;

/// `(document number, value)` pairs in ascending document order, values ≥ 1.
pub type Postings = Vec<(u32, u32)>;

/// The JSON form of a posting list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Encoded {
    /// One base-62 character per document of the index.
    Dense(String),
    /// `[first doc, value, gap, value, …]`.
    Sparse(Vec<u32>),
}

/// Encodes `postings` for an index of `docs` documents, in the shorter of the two forms.
pub fn encode(postings: &[(u32, u32)], docs: u32) -> Encoded {
    let mut sparse = Vec::with_capacity(postings.len() * 2);
    let mut sparse_len = 0;
    let mut previous = 0;
    for &(doc, value) in postings {
        let value = value.clamp(1, MAX_VALUE);
        let gap = doc - previous;
        previous = doc;
        sparse_len += digits(gap) + digits(value) + 2;
        sparse.push(gap);
        sparse.push(value);
    }
    if sparse_len <= docs as usize + 2 {
        return Encoded::Sparse(sparse);
    }
    let mut dense = vec![DIGITS[0]; docs as usize];
    for &(doc, value) in postings {
        if let Some(slot) = dense.get_mut(doc as usize) {
            *slot = DIGITS[value.clamp(1, MAX_VALUE) as usize];
        }
    }
    Encoded::Dense(dense.into_iter().map(char::from).collect())
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Sums several posting lists document by document (values saturate at [`MAX_VALUE`]).
pub fn union<'a>(lists: impl IntoIterator<Item = &'a Postings>, docs: u32) -> Postings {
    let mut sums = vec![0u32; docs as usize];
    for list in lists {
        for &(doc, value) in list {
            if let Some(sum) = sums.get_mut(doc as usize) {
                *sum = (*sum + value).min(MAX_VALUE);
            }
        }
    }
    sums.into_iter().enumerate().filter(|&(_, v)| v > 0).map(|(doc, v)| (doc as u32, v)).collect()
}

#[cfg(test)]
mod tests;
