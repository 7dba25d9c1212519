//! The syllables of each document, kept between builds in the build cache: reading every
//! document's syllables is most of the index's work, and an edit changes a few documents. An
//! entry is found by a hash of the document's fields ([`key`]), so it serves only the very
//! same texts; a memo of another guong build, a damaged entry or a damaged file is not read,
//! and the document is read again. The index made with the memo is the index made without.
//!
//! The file: a header (its format and the guong build), each document's terms ([`encode`]),
//! then a table of `(key, offset, length, checksum)` and, in its last 16 bytes, the table's
//! offset and number of entries. A build writes a new memo of the documents it indexed,
//! beside the old one, and puts it in the old one's place when done.

use std::fs::{self, File, OpenOptions};
use std::hash::Hasher;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use crate::search::digest::{Digest, Digester};
use crate::search::document::{DocTerms, Fields};
use crate::search::fasthash::{FastMap, FxHasher};
use crate::search::varint;

/// The first line of a memo: its format.
const FORMAT: &str = "guong-search-terms 1";

/// A document's key: the digest of its fields.
pub type Key = Digest;

/// Bytes of a table entry: key, offset (u64), length (u32), checksum (u64).
const ENTRY: usize = 16 + 8 + 4 + 8;

/// The memo of one index: the previous build's (read) and this build's (written).
#[derive(Default)]
pub struct Memo {
    previous: Option<Previous>,
    next: Option<Next>,
}

impl Memo {
    /// No memo: every document is read (`guong serve`, a build without a cache).
    pub fn none() -> Memo {
        Memo::default()
    }

    /// The memo at `path`, written by the guong build `build`: read when `reuse` allows and
    /// it is there, and written anew as documents are indexed.
    pub fn open(path: &Path, build: &str, reuse: bool) -> Memo {
        let header = format!("{FORMAT}\n{build}\n");
        let previous = if reuse { Previous::open(path, &header) } else { None };
        Memo { previous, next: Next::create(path, &header) }
    }

    /// Whether the memo is read or written at all.
    pub fn is_active(&self) -> bool {
        self.previous.is_some() || self.next.is_some()
    }

    /// The encoded terms of a document whose fields have the [`key`] `key`: the previous
    /// build's when it read the same fields, else read now.
    pub fn terms(&self, key: &Key, fields: &Fields) -> Vec<u8> {
        match self.previous.as_ref().and_then(|previous| previous.get(key)) {
            Some(bytes) => bytes,
            None => encode(&DocTerms::read(fields)),
        }
    }

    /// Adds the terms of the next document to this build's memo.
    pub fn keep(&mut self, key: &Key, bytes: &[u8]) {
        let failed = self.next.as_mut().is_some_and(|next| next.add(key, bytes).is_err());
        if failed && let Some(next) = self.next.take() {
            next.abandon();
        }
    }

    /// Puts this build's memo in place of the previous one (a memo that cannot be written
    /// only makes the next build read every document).
    pub fn finish(self) {
        if let Some(next) = self.next {
            next.finish();
        }
    }
}

/// The key of a document: its fields, each length-prefixed.
pub fn key(fields: &Fields) -> Key {
    let mut digest = Digester::default();
    let mut text = |text: &str| digest.part(text.as_bytes());
    text(fields.title);
    text(fields.summary);
    text(fields.body);
    for list in [&fields.names, &fields.topics] {
        text(&list.len().to_string());
        list.iter().for_each(|t| text(t));
    }
    digest.finish()
}

/// A 64-bit checksum of an entry (damage, not tampering: the cache folder is guong's own).
fn checksum(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    hasher.finish()
}

/// The terms of a document as bytes: LEB128 numbers: the length; the runs, each its byte
/// length, its bytes and its count; the title's run indexes; the bigrams, sorted, each the
/// difference of its first run index with the previous bigram's, its second, its flags.
pub fn encode(terms: &DocTerms) -> Vec<u8> {
    let mut out = Vec::with_capacity(terms.runs.len() * 8 + terms.bigrams.len() * 4 + 16);
    put(&mut out, terms.length);
    put(&mut out, terms.runs.len() as u32);
    for (run, count) in &terms.runs {
        put(&mut out, run.len() as u32);
        out.extend_from_slice(run.as_bytes());
        put(&mut out, *count);
    }
    put(&mut out, terms.title.len() as u32);
    terms.title.iter().for_each(|&i| put(&mut out, i));
    put(&mut out, terms.bigrams.len() as u32);
    let mut last = 0;
    for &(a, b, flags) in &terms.bigrams {
        put(&mut out, a - last);
        put(&mut out, b);
        put(&mut out, flags);
        last = a;
    }
    out
}

/// The terms [`encode`] wrote, borrowing their runs from `bytes`; `None` when the bytes are
/// not such terms (every index is checked, so the index never reads a run that is not there).
pub fn decode(bytes: &[u8]) -> Option<DocTerms<'_>> {
    let mut reader = Cursor { bytes, at: 0 };
    let length = reader.number()?;
    let count = reader.number()? as usize;
    let mut runs = Vec::with_capacity(count.min(bytes.len()));
    for _ in 0..count {
        let len = reader.number()? as usize;
        let run = std::str::from_utf8(reader.take(len)?).ok()?;
        runs.push((run, reader.number()?));
    }
    let known = |i: u32| ((i as usize) < runs.len()).then_some(i);
    let count = reader.number()? as usize;
    let title = (0..count).map(|_| known(reader.number()?)).collect::<Option<Vec<u32>>>()?;
    let count = reader.number()? as usize;
    let mut bigrams = Vec::with_capacity(count.min(bytes.len()));
    let mut last = 0u32;
    for _ in 0..count {
        let a = known(last.checked_add(reader.number()?)?)?;
        bigrams.push((a, known(reader.number()?)?, reader.number()?));
        last = a;
    }
    (reader.at == bytes.len()).then_some(DocTerms { runs, title, bigrams, length })
}

fn put(out: &mut Vec<u8>, value: u32) {
    varint::put(out, u64::from(value));
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn number(&mut self) -> Option<u32> {
        u32::try_from(varint::read(self.bytes, &mut self.at)?).ok()
    }

    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(taken)
    }
}

/// The previous build's memo: its file and table.
struct Previous {
    file: File,
    table: FastMap<Key, (u64, u32, u64)>,
}

impl Previous {
    /// The memo at `path` when it is a file starting with `header` and ending with a table
    /// that fits it.
    fn open(path: &Path, header: &str) -> Option<Previous> {
        if !fs::symlink_metadata(path).ok()?.is_file() {
            return None;
        }
        let file = File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        let mut start = vec![0; header.len()];
        file.read_exact_at(&mut start, 0).ok()?;
        let mut end = [0; 16];
        if start != header.as_bytes() || len < (header.len() + end.len()) as u64 {
            return None;
        }
        file.read_exact_at(&mut end, len - 16).ok()?;
        let at = u64::from_le_bytes(end[..8].try_into().ok()?);
        let count = u64::from_le_bytes(end[8..].try_into().ok()?);
        let table_len = count.checked_mul(ENTRY as u64)?;
        if at < header.len() as u64 || at.checked_add(table_len)?.checked_add(16)? != len {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(table_len).ok()?];
        file.read_exact_at(&mut bytes, at).ok()?;
        let mut table = FastMap::with_capacity_and_hasher(bytes.len() / ENTRY, Default::default());
        for entry in bytes.chunks_exact(ENTRY) {
            let key: Key = entry[..16].try_into().ok()?;
            let offset = u64::from_le_bytes(entry[16..24].try_into().ok()?);
            let length = u32::from_le_bytes(entry[24..28].try_into().ok()?);
            let sum = u64::from_le_bytes(entry[28..].try_into().ok()?);
            if offset < header.len() as u64 || offset.checked_add(u64::from(length))? > at {
                return None;
            }
            table.insert(key, (offset, length, sum));
        }
        Some(Previous { file, table })
    }

    /// The terms kept under `key`, when their checksum holds.
    fn get(&self, key: &Key) -> Option<Vec<u8>> {
        let &(offset, length, sum) = self.table.get(key)?;
        let mut bytes = vec![0; length as usize];
        self.file.read_exact_at(&mut bytes, offset).ok()?;
        (checksum(&bytes) == sum).then_some(bytes)
    }
}

/// This build's memo, written beside the previous one.
struct Next {
    file: BufWriter<File>,
    temp: PathBuf,
    path: PathBuf,
    at: u64,
    table: Vec<u8>,
}

impl Next {
    fn create(path: &Path, header: &str) -> Option<Next> {
        let name = path.file_name()?.to_string_lossy();
        let temp = path.with_file_name(format!("{name}.tmp-{}", std::process::id()));
        if fs::symlink_metadata(&temp).is_ok() {
            fs::remove_file(&temp).ok()?;
        }
        // `create_new` never follows a link standing at `temp`.
        let file = OpenOptions::new().write(true).create_new(true).open(&temp).ok()?;
        let mut next = Next { file: BufWriter::new(file), temp, path: path.to_owned(), at: 0, table: Vec::new() };
        match next.write(header.as_bytes()) {
            Ok(()) => Some(next),
            Err(_) => {
                next.abandon();
                None
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)?;
        self.at += bytes.len() as u64;
        Ok(())
    }

    fn add(&mut self, key: &Key, bytes: &[u8]) -> io::Result<()> {
        let length = u32::try_from(bytes.len()).map_err(|_| io::ErrorKind::InvalidInput)?;
        self.table.extend_from_slice(key);
        self.table.extend_from_slice(&self.at.to_le_bytes());
        self.table.extend_from_slice(&length.to_le_bytes());
        self.table.extend_from_slice(&checksum(bytes).to_le_bytes());
        self.write(bytes)
    }

    fn finish(mut self) {
        let at = self.at;
        let count = (self.table.len() / ENTRY) as u64;
        let table = std::mem::take(&mut self.table);
        let written = self.write(&table).and_then(|()| {
            self.write(&[at.to_le_bytes(), count.to_le_bytes()].concat())?;
            self.file.flush()?;
            fs::rename(&self.temp, &self.path)
        });
        if written.is_err() {
            self.abandon();
        }
    }

    fn abandon(self) {
        let _ = fs::remove_file(&self.temp);
    }
}

#[cfg(test)]
mod tests;
