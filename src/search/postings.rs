//! Posting lists (document number, value) and their compact JSON form, read back by the script.
//!
//! A list is written either *dense*, as a string with one character per document of the index
//! (the value in base 62, `0` = absent), or *sparse*, as a flat array
//! `[first doc, value, gap, value, …]`, whichever is shorter. Common syllables of a large site are
//! in most documents: their dense form costs one character per document and gzips well.
//! Term frequencies are written as [`tf_level`]s: ranking needs their order of magnitude, and
//! eight levels compress far better than exact counts.

use serde::Serialize;

/// Characters of the dense form: the value `v` is `DIGITS[min(v, 61)]`.
pub const DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Largest value a posting list can write.
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

/// The level (1–8) of a term frequency: 1, 2, 3, 4–5, 6–8, 9–13, 14–20, 21 and more.
/// The script reads level `l` back as the frequency `[0, 1, 2, 3, 4.5, 7, 11, 17, 25][l]`.
pub fn tf_level(tf: u32) -> u32 {
    match tf {
        0 => 0,
        1..=3 => tf,
        4..=5 => 4,
        6..=8 => 5,
        9..=13 => 6,
        14..=20 => 7,
        _ => 8,
    }
}

/// Encodes `postings` for an index of `docs` documents, in the shorter of the two forms,
/// mapping each value through `value` (e.g. [`tf_level`]) and saturating at [`MAX_VALUE`].
pub fn encode(postings: &[(u32, u32)], docs: u32, value: impl Fn(u32) -> u32) -> Encoded {
    let mut sparse = Vec::with_capacity(postings.len() * 2);
    let mut sparse_len = 0;
    let mut previous = 0;
    for &(doc, raw) in postings {
        let v = value(raw).clamp(1, MAX_VALUE);
        let gap = doc - previous;
        previous = doc;
        sparse_len += digits(gap) + digits(v) + 2;
        sparse.push(gap);
        sparse.push(v);
    }
    if sparse_len <= docs as usize + 2 {
        return Encoded::Sparse(sparse);
    }
    let mut dense = vec![DIGITS[0]; docs as usize];
    for &(doc, raw) in postings {
        if let Some(slot) = dense.get_mut(doc as usize) {
            *slot = DIGITS[value(raw).clamp(1, MAX_VALUE) as usize];
        }
    }
    Encoded::Dense(dense.into_iter().map(char::from).collect())
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Numbers written in base 62 with the same number of digits each, most significant first:
/// `{"w": width, "s": digits}`. Columns of small numbers (one per document) stay compact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Packed {
    pub w: usize,
    pub s: String,
}

/// Packs `numbers` at the width of the largest.
pub fn pack(numbers: &[u64]) -> Packed {
    let max = numbers.iter().copied().max().unwrap_or(0);
    let mut width = 1;
    while 62u64.checked_pow(width as u32).is_some_and(|limit| max >= limit) {
        width += 1;
    }
    let mut s = String::with_capacity(numbers.len() * width);
    let mut digits = vec![0u8; width];
    for &n in numbers {
        let mut rest = n;
        for slot in digits.iter_mut().rev() {
            *slot = DIGITS[(rest % 62) as usize];
            rest /= 62;
        }
        s.extend(digits.iter().map(|&b| char::from(b)));
    }
    Packed { w: width, s }
}

/// Combines several posting lists document by document with `combine` (a sum, a bitwise or…).
pub fn union<'a>(
    lists: impl IntoIterator<Item = &'a Postings>,
    docs: u32,
    combine: impl Fn(u32, u32) -> u32,
) -> Postings {
    let mut values = vec![0u32; docs as usize];
    for list in lists {
        for &(doc, value) in list {
            if let Some(slot) = values.get_mut(doc as usize) {
                *slot = combine(*slot, value);
            }
        }
    }
    values.into_iter().enumerate().filter(|&(_, v)| v > 0).map(|(doc, v)| (doc as u32, v)).collect()
}

#[cfg(test)]
mod tests;
