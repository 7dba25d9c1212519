//! The search index of the gallery, written by `guong build` under `/tim-kiem/`:
//!
//! - `meta.json`: document count, average length, display chunk size, shard keys, and a
//!   version (a hash of every other file, appended to their URLs so caches never mix builds);
//! - `facets.json`: the facet table (see `facets`) and each document's length;
//! - `shards/<name>.json`: terms by folded prefix (see `shards`): for each folded syllable,
//!   postings per spelling (`v`), title postings (`ti`) and title/summary bigrams (`b`);
//! - `docs/<n>.json`: display data of documents `n*CHUNK …`: `[id, title, unit, subject, summary]`.
//!
//! Document numbers follow the order of the models given (the gallery's order). Every path is
//! built from numbers and folded prefixes, never from content as written; the bytes depend
//! only on the corpus, so two builds give the same files.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::model::Model;
use crate::search::document::{DocTerms, Fields};
use crate::search::facets::{Facet, facets};
use crate::search::postings::{Encoded, Postings, encode, union};
use crate::search::shards::{IndexedTerm, SHARD_LIMIT, file_name, shard};
use crate::search::tokenize::markdown_text;

/// Folder of the index in the output, under the site's base path.
pub const INDEX_DIR: &str = "tim-kiem";

/// Documents per display chunk (`docs/<n>.json`): small, so a page of results costs little.
pub const CHUNK: usize = 16;

/// Characters of a summary kept for display in results.
pub const SNIPPET_CHARS: usize = 160;

/// Builds every file of the index of `models` (in gallery order): `(path under the output
/// folder, bytes)`, sorted by path.
pub fn build_index(corpus: &Corpus, models: &[&Model]) -> Vec<(String, Vec<u8>)> {
    let docs = models.len() as u32;
    let doc_terms: Vec<DocTerms> = models
        .par_iter()
        .map(|model| {
            let body = markdown_text(&model.body.markdown);
            DocTerms::read(&fields(corpus, model, &body))
        })
        .collect();
    let lengths: Vec<u32> = doc_terms.iter().map(|d| d.length).collect();

    let terms = merge(doc_terms);
    let indexed: Vec<IndexedTerm> = terms.into_par_iter().map(|(folded, acc)| acc.indexed(folded, docs)).collect();
    let shards = shard(&indexed, docs, SHARD_LIMIT);

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for chunk_start in (0..models.len()).step_by(CHUNK) {
        let chunk: Vec<Display> =
            models[chunk_start..(chunk_start + CHUNK).min(models.len())].iter().map(|m| display(corpus, m)).collect();
        files.push((format!("{INDEX_DIR}/docs/{}.json", chunk_start / CHUNK), to_json(&chunk)));
    }
    files.push((
        format!("{INDEX_DIR}/facets.json"),
        to_json(&FacetTable { facets: facets(corpus, models), lengths: &lengths }),
    ));
    let mut leaves = Vec::new();
    let mut splits = Vec::new();
    for shard in shards {
        if shard.leaf { &mut leaves } else { &mut splits }.push(shard.key.clone());
        files.push((format!("{INDEX_DIR}/shards/{}", file_name(&shard.key)), shard.bytes));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));

    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    let meta = Meta {
        version: version(&files),
        docs,
        average_length: if docs == 0 { 0 } else { (total / u64::from(docs)) as u32 },
        chunk: CHUNK,
        leaves,
        splits,
    };
    files.push((format!("{INDEX_DIR}/meta.json"), to_json(&meta)));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// What search reads of a model: title, summary, body, org and subject names.
fn fields<'a>(corpus: &'a Corpus, model: &'a Model, body: &'a str) -> Fields<'a> {
    let mut names = vec![model.subject.name.as_str()];
    if let Some(unit) = model.org.as_deref().and_then(|org| corpus.unit(org)) {
        names.push(&unit.name);
        names.extend(unit.short_name.as_deref());
    }
    Fields { title: &model.title, summary: model.learning.summary.as_deref().unwrap_or_default(), body, names }
}

/// Postings of one folded term, being gathered document by document.
#[derive(Default)]
struct TermPostings {
    spellings: BTreeMap<String, Postings>,
    title: Postings,
    bigrams: BTreeMap<String, Postings>,
}

/// The JSON entry of a term in its shard.
#[derive(Serialize)]
struct TermEntry {
    v: BTreeMap<String, Encoded>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ti: Option<Encoded>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    b: BTreeMap<String, Encoded>,
}

impl TermPostings {
    fn indexed(self, folded: String, docs: u32) -> IndexedTerm {
        let entry = TermEntry {
            v: self.spellings.iter().map(|(s, p)| (s.clone(), encode(p, docs))).collect(),
            ti: (!self.title.is_empty()).then(|| encode(&self.title, docs)),
            b: self.bigrams.iter().map(|(s, p)| (s.clone(), encode(p, docs))).collect(),
        };
        let postings = if self.spellings.len() == 1 {
            self.spellings.into_values().next().unwrap_or_default()
        } else {
            union(self.spellings.values(), docs)
        };
        IndexedTerm { folded, json: to_json(&entry), postings }
    }
}

/// Gathers the terms of every document (in document order, so postings come out sorted).
fn merge(doc_terms: Vec<DocTerms>) -> BTreeMap<String, TermPostings> {
    let mut terms: BTreeMap<String, TermPostings> = BTreeMap::new();
    for (doc, doc_terms) in doc_terms.into_iter().enumerate() {
        let doc = doc as u32;
        for term in doc_terms.terms {
            let acc = terms.entry(term.folded).or_default();
            for (spelling, tf) in term.spellings {
                acc.spellings.entry(spelling).or_default().push((doc, tf));
            }
            if term.in_title > 0 {
                acc.title.push((doc, term.in_title));
            }
        }
        for (first, second, flags) in doc_terms.bigrams {
            terms.entry(first).or_default().bigrams.entry(second).or_default().push((doc, flags));
        }
    }
    terms
}

/// Display data of a result: `[id, title, unit name, subject name, summary snippet]`.
type Display = [String; 5];

fn display(corpus: &Corpus, model: &Model) -> Display {
    let unit = model.org.as_deref().and_then(|org| corpus.unit(org)).map(|u| u.name.clone()).unwrap_or_default();
    let summary = model.learning.summary.as_deref().unwrap_or_default();
    [model.id.clone(), model.title.clone(), unit, model.subject.name.clone(), snippet(summary, SNIPPET_CHARS)]
}

/// The first `max` characters of `text`, cut at a space, with an ellipsis when cut.
pub fn snippet(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > max / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':'))
}

#[derive(Serialize)]
struct FacetTable<'a> {
    #[serde(rename = "f")]
    facets: Vec<Facet>,
    #[serde(rename = "len")]
    lengths: &'a [u32],
}

#[derive(Serialize)]
struct Meta {
    #[serde(rename = "v")]
    version: String,
    #[serde(rename = "n")]
    docs: u32,
    #[serde(rename = "avg")]
    average_length: u32,
    chunk: usize,
    leaves: Vec<String>,
    splits: Vec<String>,
}

/// A 64-bit FNV-1a hash of every path and file, in hex.
fn version(files: &[(String, Vec<u8>)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (path, bytes) in files {
        for &byte in path.as_bytes().iter().chain([0u8].iter()).chain(bytes).chain([0u8].iter()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // Serializing plain structs, strings and numbers cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests;
