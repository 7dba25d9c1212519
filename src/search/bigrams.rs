//! Pairs of adjacent syllables (bigrams) for phrase matching: gathered document by document
//! with the flags of the fields where the two stand together (see `document`), then sharded
//! per first syllable below the prefix `"a "` (only that syllable's entry lists its shards, so
//! `meta.json` stays small). Shards are planned from exact sizes and each file is written only
//! when the build asks for it: the bodies' bigrams are the largest part of the index, and their
//! JSON never sits in memory all at once.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::search::digest::{Digest, Digester};
use crate::search::document::FIELD_BITS;
use crate::search::fasthash::{FastMap, FxHasher};
use crate::search::index::{INDEX_DIR, IndexFile, to_json};
use crate::search::postings::{encode, encoded_len, union};
use crate::search::shards::{ShardPlan, file_name, keys, plan, shard_json};
use crate::search::varint;

/// Target size of a bigram shard: one is fetched per adjacent pair of the query.
pub const BIGRAM_SHARD_LIMIT: usize = 8 * 1024;

const FLAGS: u32 = (1 << FIELD_BITS) - 1;

/// The terms `(a, b)` of a bigram of a document and the flags of the fields where they stand
/// together.
pub type TermPair = (u32, u32, u32);

/// Every bigram of the site, with its postings, in two tables by the parity of its first
/// term: each filled on its own core.
#[derive(Default)]
pub struct Bigrams {
    halves: [FastMap<(u32, u32), Packed>; 2],
}

/// The postings of one bigram, compact while the whole site is read (the bodies' bigrams are
/// millions of postings at 10,000 models): per document, `gap << FIELD_BITS | flags` as a
/// LEB128 varint, mostly two bytes, the gap taken from the previous document.
#[derive(Clone, Debug, Default)]
struct Packed {
    /// The last document added.
    last: u32,
    bytes: Vec<u8>,
}

impl Packed {
    fn add(&mut self, doc: u32, flags: u32) {
        if !self.bytes.is_empty() && doc == self.last {
            // The same document again (another spelling of the pair): its flags are in the
            // low bits of the last varint's first byte.
            let start = self.bytes[..self.bytes.len() - 1].iter().rposition(|b| b & 0x80 == 0).map_or(0, |i| i + 1);
            self.bytes[start] |= flags as u8;
            return;
        }
        let gap = if self.bytes.is_empty() { doc } else { doc - self.last };
        varint::put(&mut self.bytes, u64::from(gap) << FIELD_BITS | u64::from(flags));
        self.last = doc;
    }

    /// `(document, flags)` of each posting, in order.
    fn postings(&self) -> impl Iterator<Item = (u32, u32)> + Clone + '_ {
        let mut at = 0;
        let mut doc = 0u32;
        std::iter::from_fn(move || {
            // The bytes were written by `add`: they always read back.
            let value = varint::read(&self.bytes, &mut at)?;
            doc += (value >> FIELD_BITS) as u32;
            Some((doc, value as u32 & FLAGS))
        })
    }
}

/// The shards of the bigrams of one syllable `a`: `1` for the single file of `"a "`, else the
/// leaf and split keys below `"a "`, written without that prefix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum BigramShards {
    One(u8),
    Split { l: Vec<String>, s: Vec<String> },
}

/// What [`Bigrams::write`] gives: the shards of each first syllable (by term number), the
/// files, and a hash of everything the files will hold (for the index version).
pub struct Written {
    pub shards: Vec<(u32, BigramShards)>,
    pub files: Vec<IndexFile>,
    pub hash: u64,
}

/// The sorted bigrams, shared by the files that write them.
struct Table {
    keys: Vec<String>,
    postings: Vec<Packed>,
    docs: u32,
}

impl Table {
    fn postings(&self, i: usize) -> impl Iterator<Item = (u32, u32)> + Clone + '_ {
        self.postings[i].postings()
    }

    /// A digest of everything [`Table::shard`] reads for the same arguments: the document
    /// count, the keys and postings of `holds`, and the postings of `summary`.
    fn digest(&self, holds: Range<usize>, summary: Option<Range<usize>>) -> Digest {
        let mut digest = Digester::default();
        let mut part = |bytes: &[u8]| digest.part(bytes);
        part(&self.docs.to_le_bytes());
        for i in holds {
            part(self.keys[i].as_bytes());
            part(&self.postings[i].bytes);
        }
        if let Some(summary) = summary {
            part(b"summary");
            summary.for_each(|i| part(&self.postings[i].bytes));
        }
        digest.finish()
    }

    /// The JSON of the shard holding entries `holds`, with the summary of `summary` if split.
    fn shard(&self, holds: Range<usize>, summary: Option<Range<usize>>) -> Vec<u8> {
        let summary = summary.map(|range| {
            let all = union(range.map(|i| self.postings(i)), self.docs, |a, b| a | b);
            to_json(&encode(all, self.docs, |f| f))
        });
        let entries: Vec<(&str, Vec<u8>)> =
            holds.map(|i| (self.keys[i].as_str(), to_json(&encode(self.postings(i), self.docs, |f| f)))).collect();
        shard_json(entries.iter().map(|(k, e)| (*k, e.as_slice())), summary.as_deref())
    }
}

impl Bigrams {
    /// Adds the pairs of each document (documents in ascending order, each after those of
    /// the calls before), the two tables side by side.
    pub fn add_all(&mut self, documents: &[(u32, Vec<TermPair>)]) {
        let fill = |half: &mut FastMap<(u32, u32), Packed>, parity: u32| {
            for (doc, pairs) in documents {
                for &(a, b, flags) in pairs.iter().filter(|(a, ..)| a & 1 == parity) {
                    half.entry((a, b)).or_default().add(*doc, flags);
                }
            }
        };
        let [even, odd] = &mut self.halves;
        rayon::join(|| fill(even, 0), || fill(odd, 1));
    }

    /// Plans the shards of every first syllable; `folded[t]` is the folded text of term `t`.
    pub fn write(self, folded: &[String], docs: u32) -> Written {
        let [even, odd] = self.halves;
        let mut sorted: Vec<(u32, String, Packed)> = (even.into_iter().chain(odd))
            .map(|((a, b), mut postings)| {
                postings.bytes.shrink_to_fit();
                (a, format!("{} {}", folded[a as usize], folded[b as usize]), postings)
            })
            .collect();
        sorted.sort_unstable_by(|x, y| x.1.cmp(&y.1));
        let mut firsts = Vec::with_capacity(sorted.len());
        let mut names = Vec::with_capacity(sorted.len());
        let mut postings = Vec::with_capacity(sorted.len());
        for (first, key, list) in sorted {
            firsts.push(first);
            names.push(key);
            postings.push(list);
        }
        let table = Arc::new(Table { keys: names, postings, docs });
        // Sorted by key, the bigrams of one first syllable `a` (all starting with "a ") are contiguous.
        let mut groups = Vec::new();
        let mut start = 0;
        while start < firsts.len() {
            let end = firsts[start..].iter().position(|&f| f != firsts[start]).map_or(firsts.len(), |n| start + n);
            groups.push(start..end);
            start = end;
        }
        let planned: Vec<(u32, BigramShards, Vec<ShardPlan>)> = groups
            .par_iter()
            .map(|group| {
                let first = firsts[group.start];
                let root = format!("{} ", folded[first as usize]);
                let sizes: Vec<(&str, usize)> =
                    group.clone().map(|i| (table.keys[i].as_str(), encoded_len(table.postings(i), docs))).collect();
                let mut plans = plan(&sizes, &root, BIGRAM_SHARD_LIMIT, |_| true);
                for p in &mut plans {
                    p.holds = p.holds.start + group.start..p.holds.end + group.start;
                    p.summary = p.summary.start + group.start..p.summary.end + group.start;
                }
                let shards = match &plans[..] {
                    [only] if only.leaf && only.key == root => BigramShards::One(1),
                    _ => {
                        let (leaves, splits) = keys(&plans);
                        let relative =
                            |keys: Vec<String>| keys.into_iter().map(|k| k[root.len()..].to_owned()).collect();
                        BigramShards::Split { l: relative(leaves), s: relative(splits) }
                    }
                };
                (first, shards, plans)
            })
            .collect();
        let mut shards = Vec::with_capacity(planned.len());
        let mut plans = Vec::new();
        for (first, first_shards, first_plans) in planned {
            shards.push((first, first_shards));
            plans.extend(first_plans);
        }
        let files = plans
            .into_par_iter()
            .map(|p| {
                let summary = (!p.leaf).then_some(p.summary);
                let digest = table.digest(p.holds.clone(), summary.clone());
                let table = Arc::clone(&table);
                let path = format!("{INDEX_DIR}/bigrams/{}", file_name(&p.key));
                IndexFile::digested(path, digest, move || table.shard(p.holds, summary))
            })
            .collect::<Vec<_>>();
        Written { hash: content_hash(&files), shards, files }
    }
}

/// A hash of every file's path and digest: the files are a function of them.
fn content_hash(files: &[IndexFile]) -> u64 {
    let mut hasher = FxHasher::default();
    for file in files {
        hasher.write(file.path.as_bytes());
        hasher.write_u8(0);
        hasher.write(file.digest.as_ref().map_or(&[][..], |digest| digest.as_slice()));
    }
    hasher.finish()
}

#[cfg(test)]
mod tests;
