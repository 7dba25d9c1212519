//! Splitting a sorted dictionary into shards by prefix, so that a query downloads only the few
//! files holding its syllables, whatever the size of the site.
//!
//! The shards form a trie: a prefix whose entries fit in the size limit is one *leaf* shard
//! holding all of them; a larger one is *split*: its own entry (the prefix itself, if it is a
//! key) and a summary posting list (every document holding an entry that starts with the
//! prefix, for a last syllable typed only that far) go in its own shard, and each longer prefix
//! is sharded again. A split prefix with no entry of its own gets no shard when a single longer
//! prefix lies below it, or when no query can end with it (a bigram prefix without its space). The script finds the shard of a key from the two key lists of `meta.json`:
//! the longest listed prefix of the key, else (for a typed prefix) the shortest key below it.

use std::fmt::Write;
use std::ops::Range;

/// One shard to write: which entries of the dictionary it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardPlan {
    /// The prefix it stands for.
    pub key: String,
    /// Whether it holds every entry with that prefix (leaf) or only the prefix itself and the
    /// summary of the entries below it (split).
    pub leaf: bool,
    /// The entries it holds (indexes into the dictionary).
    pub holds: Range<usize>,
    /// The entries its summary covers (split shards only; empty for leaves).
    pub summary: Range<usize>,
}

/// The file name of the shard of `key`: `s-<key>.json` when the key has only ASCII letters,
/// digits and spaces (a space written `_`), else `h-<hex of the UTF-8 bytes>.json`. Names never
/// come from content as written, so they are always safe; the script derives them the same way.
pub fn file_name(key: &str) -> String {
    if key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ') {
        format!("s-{}.json", key.replace(' ', "_"))
    } else {
        let mut name = String::from("h-");
        for byte in key.bytes() {
            let _ = write!(name, "{byte:02x}");
        }
        name.push_str(".json");
        name
    }
}

/// Plans the shards of a dictionary given as `(key, size in bytes)` sorted by key, every key
/// starting with `root`, so that a leaf holds at most `limit` bytes unless a single entry is
/// larger. A split prefix with no entry of its own gets a shard only if a query may end with it
/// (`typed_prefix`); `root` itself gets one only as a leaf or when it is a key.
pub fn plan(entries: &[(&str, usize)], root: &str, limit: usize, typed_prefix: fn(&str) -> bool) -> Vec<ShardPlan> {
    let mut out = Vec::new();
    split(entries, 0, root, &Limits { limit, typed_prefix, root }, &mut out);
    out
}

struct Limits<'a> {
    limit: usize,
    typed_prefix: fn(&str) -> bool,
    root: &'a str,
}

fn split(entries: &[(&str, usize)], offset: usize, prefix: &str, limits: &Limits, out: &mut Vec<ShardPlan>) {
    if entries.is_empty() {
        return;
    }
    let size: usize = entries.iter().map(|(key, size)| size + key.len() + 4).sum();
    let own = usize::from(entries[0].0 == prefix);
    let all = offset..offset + entries.len();
    if size <= limits.limit || own == entries.len() {
        out.push(ShardPlan { key: prefix.to_owned(), leaf: true, holds: all, summary: 0..0 });
        return;
    }
    let depth = prefix.chars().count();
    let mut children = Vec::new();
    let mut start = own;
    while start < entries.len() {
        let child: String = entries[start].0.chars().take(depth + 1).collect();
        let end =
            entries[start..].iter().position(|(key, _)| !key.starts_with(&child)).map_or(entries.len(), |n| start + n);
        children.push((child, start..end));
        start = end;
    }
    // A prefix with no entry of its own and a single longer prefix below it would only repeat
    // that one's summary: it gets no shard (the script then looks for the shortest longer key).
    if own == 1 || prefix != limits.root && children.len() > 1 && (limits.typed_prefix)(prefix) {
        out.push(ShardPlan { key: prefix.to_owned(), leaf: false, holds: offset..offset + own, summary: all });
    }
    for (child, range) in children {
        split(&entries[range.clone()], offset + range.start, &child, limits, out);
    }
}

/// The leaf and split keys of planned shards.
pub fn keys(plans: &[ShardPlan]) -> (Vec<String>, Vec<String>) {
    let (leaves, splits): (Vec<_>, Vec<_>) = plans.iter().partition(|p| p.leaf);
    (leaves.into_iter().map(|p| p.key.clone()).collect(), splits.into_iter().map(|p| p.key.clone()).collect())
}

/// The JSON of a shard: `{"t":{key: entry, …}}`, with `"s": summary` for a split shard.
pub fn shard_json<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [u8])>, summary: Option<&[u8]>) -> Vec<u8> {
    let mut bytes = b"{\"t\":{".to_vec();
    for (i, (key, json)) in entries.into_iter().enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        bytes.extend(serde_json::to_vec(key).unwrap_or_default());
        bytes.push(b':');
        bytes.extend(json);
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
