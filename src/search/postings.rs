//! Posting lists (document number, value) and their compact JSON form, read back by the script.
//!
//! A list is written as a string, either *dense*, one character per document of the index (the
//! value in base 62, `0` = absent), or *sparse*, `~` then the width `w` of its gaps (one base-62
//! digit), then for each posting its gap from the previous document (the first: its number) in
//! `w` base-62 digits and its value in one: whichever is shorter. Common syllables of a large
//! site are in most documents: their dense form costs one character per document and gzips
//! well; a rare one costs `w + 1` characters per document holding it. Term frequencies are
//! written as [`tf_level`]s: ranking needs their order of magnitude, and eight levels compress
//! far better than exact counts.

use serde::Serialize;

use crate::search::varint;

/// Characters of base-62 numbers: the value `v` is `DIGITS[min(v, 61)]`.
pub const DIGITS: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Largest value a posting list can write.
pub const MAX_VALUE: u32 = 61;

/// First character of the sparse form (never a digit of the dense form).
pub const SPARSE: char = '~';

/// `(document number, value)` pairs in ascending document order, values ≥ 1.
pub type Postings = Vec<(u32, u32)>;

/// A posting list being gathered document by document, in ascending order: the postings
/// before the last as varints of the document gap and the value (two or three bytes each,
/// not eight: the syllables of 10,000 models are millions of postings), the last one open,
/// as its document may still add to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gathered {
    bytes: Vec<u8>,
    /// Document of the last posting written into `bytes` (0 before the first: the first
    /// gap is its document).
    written_doc: u32,
    last: Option<(u32, u32)>,
}

impl Gathered {
    /// Adds `value` for `doc`: combined with `combine` into the last posting when it is of
    /// the same document, else a new posting (`doc` is not before the last one's).
    pub fn add(&mut self, doc: u32, value: u32, combine: impl Fn(u32, u32) -> u32) {
        match &mut self.last {
            Some((last_doc, last_value)) if *last_doc == doc => *last_value = combine(*last_value, value),
            _ => {
                if let Some((last_doc, last_value)) = self.last.replace((doc, value)) {
                    varint::put(&mut self.bytes, u64::from(last_doc - self.written_doc));
                    varint::put(&mut self.bytes, u64::from(last_value));
                    self.written_doc = last_doc;
                }
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.last.is_none()
    }

    /// The postings, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32)> + Clone + '_ {
        let mut at = 0;
        let mut doc = 0u32;
        let written = std::iter::from_fn(move || {
            // The bytes were written by `add`: they always read back.
            let gap = varint::read(&self.bytes, &mut at)?;
            let value = varint::read(&self.bytes, &mut at)?;
            doc += gap as u32;
            Some((doc, value as u32))
        });
        written.chain(self.last)
    }

    /// Frees the spare capacity left by growing.
    pub fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
    }
}

/// The JSON form of a posting list (a string either way).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Encoded {
    /// One base-62 character per document of the index.
    Dense(String),
    /// `~`, the gap width, then gap and value of each posting.
    Sparse(String),
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

/// The form a list takes: sparse with gaps of that many digits, or dense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Sparse(usize),
    Dense,
}

/// The shorter form of `postings` in an index of `docs` documents, and its length in characters.
fn form<I: Iterator<Item = (u32, u32)>>(postings: I, docs: u32) -> (Form, usize) {
    let mut previous = 0;
    let mut widest = 0;
    let mut count = 0;
    for (doc, _) in postings {
        widest = widest.max(doc - previous);
        previous = doc;
        count += 1;
    }
    let width = base62_width(u64::from(widest));
    let sparse = 2 + count * (width + 1);
    if sparse <= docs as usize { (Form::Sparse(width), sparse) } else { (Form::Dense, docs as usize) }
}

/// Bytes of the JSON string [`encode`] writes for `postings`, quotes included, without writing it.
pub fn encoded_len<I>(postings: I, docs: u32) -> usize
where
    I: IntoIterator<Item = (u32, u32)>,
{
    form(postings.into_iter(), docs).1 + 2
}

/// Encodes `postings` (ascending documents) for an index of `docs` documents, in the shorter
/// of the two forms, mapping each value through `value` (e.g. [`tf_level`]) and saturating at
/// [`MAX_VALUE`].
pub fn encode<I>(postings: I, docs: u32, value: impl Fn(u32) -> u32) -> Encoded
where
    I: IntoIterator<Item = (u32, u32)>,
    I::IntoIter: Clone,
{
    let postings = postings.into_iter();
    let digit = |raw: u32| DIGITS[value(raw).clamp(1, MAX_VALUE) as usize];
    match form(postings.clone(), docs) {
        (Form::Sparse(width), len) => {
            let mut sparse = String::with_capacity(len);
            sparse.push(SPARSE);
            sparse.push(char::from(DIGITS[width]));
            let mut previous = 0;
            for (doc, raw) in postings {
                push_base62(&mut sparse, u64::from(doc - previous), width);
                sparse.push(char::from(digit(raw)));
                previous = doc;
            }
            Encoded::Sparse(sparse)
        }
        (Form::Dense, _) => {
            let mut dense = vec![DIGITS[0]; docs as usize];
            for (doc, raw) in postings {
                if let Some(slot) = dense.get_mut(doc as usize) {
                    *slot = digit(raw);
                }
            }
            Encoded::Dense(dense.into_iter().map(char::from).collect())
        }
    }
}

/// Base-62 digits needed to write `n` (at least one).
fn base62_width(n: u64) -> usize {
    let mut width = 1;
    while 62u64.checked_pow(width as u32).is_some_and(|limit| n >= limit) {
        width += 1;
    }
    width
}

/// Appends `n` in exactly `width` base-62 digits, most significant first.
fn push_base62(out: &mut String, n: u64, width: usize) {
    for place in (0..width).rev() {
        let digit = n / 62u64.pow(place as u32) % 62;
        out.push(char::from(DIGITS[digit as usize]));
    }
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
    let width = base62_width(numbers.iter().copied().max().unwrap_or(0));
    let mut s = String::with_capacity(numbers.len() * width);
    for &n in numbers {
        push_base62(&mut s, n, width);
    }
    Packed { w: width, s }
}

/// Combines several posting lists document by document with `combine` (a sum, a bitwise or…).
pub fn union<L>(lists: impl IntoIterator<Item = L>, docs: u32, combine: impl Fn(u32, u32) -> u32) -> Postings
where
    L: IntoIterator<Item = (u32, u32)>,
{
    let mut values = vec![0u32; docs as usize];
    for list in lists {
        for (doc, value) in list {
            if let Some(slot) = values.get_mut(doc as usize) {
                *slot = combine(*slot, value);
            }
        }
    }
    values.into_iter().enumerate().filter(|&(_, v)| v > 0).map(|(doc, v)| (doc as u32, v)).collect()
}

#[cfg(test)]
mod tests;
