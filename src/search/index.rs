//! The search index of the gallery, written by `guong build` under `/tim-kiem/`:
//!
//! - `meta.json`: document count, average length, display chunk size, the shard keys of the
//!   terms, and a version (a hash of every other file, appended to their
//!   URLs so caches never mix two builds);
//! - `facets.json`: the facet table (see `facets`) and each document's length level;
//! - `shards/<name>.json`: folded syllables by prefix (see `shards`): for each, its frequency
//!   level per document (`f`), the documents with it in their title (`ti`) and where the
//!   bigrams it starts are (`bg`);
//! - `exact/<name>.json`: the same keys, with the spellings of each syllable and the documents
//!   of each (`1` when there is one spelling), fetched only for queries typed with diacritics;
//! - `bigrams/<name>.json`: adjacent syllables of every field (`"hoc tap"`), with the flags of
//!   the fields where they stand together (see `document`: 1 summary, 2 title, 4 names, 8
//!   topics and tags, 16 body), for phrase matching; sharded per first syllable, so only its
//!   own entry lists their keys and `meta.json` stays small;
//! - `docs/<n>.json`: display data of documents `n*CHUNK …`: `[id, title, unit, subject,
//!   summary]` (a result matched in its body takes its snippet from the model page).
//!
//! Document numbers follow the order of the models given (the gallery's order). Every path is
//! built from numbers and folded prefixes, never from content as written; the bytes depend
//! only on the corpus, so two builds give the same files.

use rayon::prelude::*;
use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::model::Model;
use crate::search::bigrams::{BigramShards, Bigrams, TermPair};
use crate::search::digest::Digest;
use crate::search::document::{DocTerms, Fields};
use crate::search::facets::{Facet, facets};
use crate::search::fasthash::FastMap;
use crate::search::fold::fold;
use crate::search::memo::{Key, Memo, decode, key};
use crate::search::postings::{Encoded, Gathered, Packed, encode, pack, tf_level, union};
use crate::search::shards::{file_name, keys, plan, shard_json};
use crate::search::tokenize::spelling;

/// A file of the index: path under the output folder, bytes.
type OutputFile = (String, Vec<u8>);

/// A file of the index: its path under the output folder, what makes its bytes (at once,
/// or when the build writes it) and, for a file made only from a few entries of the index,
/// a digest of them: a build keeps the previous file when its digest did not change.
pub struct IndexFile {
    pub path: String,
    pub digest: Option<Digest>,
    make: Box<dyn FnOnce() -> Vec<u8> + Send>,
}

impl IndexFile {
    /// A file whose bytes are made when asked for.
    pub fn later(path: String, make: impl FnOnce() -> Vec<u8> + Send + 'static) -> IndexFile {
        IndexFile { path, digest: None, make: Box::new(make) }
    }

    /// A file whose bytes are made when asked for, from inputs whose digest is `digest`.
    pub fn digested(path: String, digest: Digest, make: impl FnOnce() -> Vec<u8> + Send + 'static) -> IndexFile {
        IndexFile { path, digest: Some(digest), make: Box::new(make) }
    }

    /// The file's bytes.
    pub fn bytes(self) -> Vec<u8> {
        (self.make)()
    }
}

/// Folder of the index in the output, under the site's base path.
pub const INDEX_DIR: &str = "tim-kiem";

/// Documents per display chunk (`docs/<n>.json`): small, so a page of results costs little.
pub const CHUNK: usize = 8;

/// Target size of a term shard, in bytes of JSON before compression.
pub const TERM_SHARD_LIMIT: usize = 24 * 1024;

/// Models read at once: bounds the memory of the per-document terms.
const BATCH: usize = 512;

/// Everything the index of a list of models is made from: the index is a function of these
/// alone, so their fingerprint tells whether a previous build's index can be kept.
#[derive(Serialize)]
pub struct IndexInputs<'a> {
    #[serde(skip)]
    fields: Vec<Fields<'a>>,
    /// The [`memo::key`](crate::search::memo::key) of each document's fields, a digest of
    /// them all, made on every core: a fingerprint encodes these instead of the whole texts
    /// again, one after the other, and the memo looks documents up by them.
    keys: Vec<Key>,
    display: Vec<Display<'a>>,
    facets: Vec<Facet>,
}

impl<'a> IndexInputs<'a> {
    /// What the index of `models` (in gallery order) reads of them and of `corpus`.
    pub fn read(corpus: &'a Corpus, models: &[&'a Model]) -> IndexInputs<'a> {
        let fields: Vec<Fields> = models.par_iter().map(|model| fields(corpus, model)).collect();
        IndexInputs {
            keys: fields.par_iter().map(key).collect(),
            fields,
            display: models.iter().map(|model| display(corpus, model)).collect(),
            facets: facets(corpus, models),
        }
    }
}

/// Builds every file of the index, sorted by path; the bigram shards are made when written.
/// Each document's syllables are taken from `memo` when it holds them, and kept there.
pub fn build_index(inputs: IndexInputs<'_>, mut memo: Memo) -> Vec<IndexFile> {
    let IndexInputs { fields, keys, display, facets } = inputs;
    let docs = fields.len() as u32;
    let mut dictionary = Dictionary::default();
    let mut bigrams = Bigrams::default();
    let mut lengths = Vec::with_capacity(fields.len());
    // The syllables of a batch are added while the bigrams of the batch before it are (into
    // two tables, side by side): no two lanes touch the same table.
    let mut pending: Vec<(u32, Vec<TermPair>)> = Vec::new();
    for (batch_number, (batch, keys)) in fields.chunks(BATCH).zip(keys.chunks(BATCH)).enumerate() {
        let memoized: Vec<(&Key, Vec<u8>)> = if memo.is_active() {
            keys.par_iter().zip(batch).map(|(key, fields)| (key, memo.terms(key, fields))).collect()
        } else {
            Vec::new()
        };
        let doc_terms: Vec<DocTerms> = if memo.is_active() {
            (memoized.par_iter().zip(batch))
                .map(|((_, bytes), fields)| decode(bytes).unwrap_or_else(|| DocTerms::read(fields)))
                .collect()
        } else {
            batch.par_iter().map(DocTerms::read).collect()
        };
        let first = (batch_number * BATCH) as u32;
        let (added, ()) = rayon::join(
            || {
                (doc_terms.iter().zip(first..))
                    .map(|(terms, doc)| {
                        lengths.push(terms.length);
                        (doc, dictionary.add(doc, terms))
                    })
                    .collect()
            },
            || bigrams.add_all(&pending),
        );
        pending = added;
        memoized.iter().for_each(|(key, bytes)| memo.keep(key, bytes));
    }
    bigrams.add_all(&pending);
    memo.finish();
    drop(fields);
    dictionary.finish_reading();

    let folded: Vec<String> = dictionary.terms.iter().map(|t| t.folded.clone()).collect();
    let bigrams = bigrams.write(&folded, docs);
    drop(folded);
    for (first, shards) in bigrams.shards {
        dictionary.terms[first as usize].bigrams = Some(shards);
    }
    let mut files: Vec<OutputFile> = Vec::new();
    let (term_leaves, term_splits) = dictionary.write_terms(docs, &mut files);
    for (n, chunk) in display.chunks(CHUNK).enumerate() {
        files.push((format!("{INDEX_DIR}/docs/{n}.json"), to_json(&chunk)));
    }
    let levels: Vec<u64> = lengths.iter().map(|&l| u64::from(length_level(l))).collect();
    let table = FacetTable { facets, lengths: pack(&levels) };
    files.push((format!("{INDEX_DIR}/facets.json"), to_json(&table)));
    files.sort_by(|a, b| a.0.cmp(&b.0));

    let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
    let meta = Meta {
        version: version(&files, bigrams.hash),
        docs,
        average_length: if docs == 0 { 0 } else { (total / u64::from(docs)) as u32 },
        chunk: CHUNK,
        terms: Keys { leaves: term_leaves, splits: term_splits },
    };
    files.push((format!("{INDEX_DIR}/meta.json"), to_json(&meta)));
    let mut all: Vec<IndexFile> =
        files.into_iter().map(|(path, bytes)| IndexFile::later(path, move || bytes)).chain(bigrams.files).collect();
    all.sort_by(|a, b| a.path.cmp(&b.path));
    all
}

/// The level of a document length: `round(4·log2(length))` (at most 61), read back as
/// `2^(level/4)`.
pub fn length_level(length: u32) -> u32 {
    if length == 0 { 0 } else { ((4.0 * f64::from(length).log2()).round() as u32).min(61) }
}

/// What search reads of a model: title, summary, body, names (subject, unit and base unit,
/// id), topic titles and tags.
fn fields<'a>(corpus: &'a Corpus, model: &'a Model) -> Fields<'a> {
    let mut names = vec![model.subject.name.as_str(), model.id.as_str()];
    let unit = model.org.as_deref().and_then(|org| corpus.unit(org));
    let base = model.org.as_deref().and_then(|org| corpus.base_unit_of(org));
    let base = base.filter(|b| unit.is_none_or(|u| u.id != b.id));
    for unit in unit.into_iter().chain(base) {
        names.push(&unit.name);
        names.extend(unit.short_name.as_deref());
    }
    let topics = model.learning.topics.iter().filter_map(|id| corpus.catalog.topic(id)).map(|t| t.title.as_str());
    Fields {
        title: &model.title,
        summary: model.learning.summary.as_deref().unwrap_or_default(),
        body: &model.body.text,
        names,
        topics: topics.chain(model.tags.iter().map(String::as_str)).collect(),
    }
}

/// Postings of one folded syllable.
struct TermPostings {
    folded: String,
    /// Per spelling, its frequencies; while there is only one, they are `all` and its list
    /// stays empty.
    spellings: Vec<(String, Gathered)>,
    /// Frequencies of all spellings together.
    all: Gathered,
    title: Gathered,
    /// Where its bigrams are written (set once they are planned).
    bigrams: Option<BigramShards>,
}

/// Every syllable and bigram of the site, gathered document by document (in document order,
/// so postings come out sorted).
#[derive(Default)]
struct Dictionary {
    /// Run as written → (term, spelling) indexes, or `None` for a run that folds to nothing.
    runs: FastMap<Box<str>, Option<(u32, u32)>>,
    term_index: FastMap<String, u32>,
    terms: Vec<TermPostings>,
}

/// The JSON entry of a syllable in its shard.
#[derive(Serialize)]
struct TermEntry<'a> {
    f: Encoded,
    #[serde(skip_serializing_if = "Option::is_none")]
    ti: Option<Encoded>,
    /// Where the bigrams starting with this syllable are, if there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    bg: Option<&'a BigramShards>,
}

/// The spellings of a syllable: `1` for the only one, else the documents of each.
#[derive(Serialize)]
#[serde(untagged)]
enum Spelling {
    Only(u8),
    Each(Encoded),
}

impl Dictionary {
    /// The (term, spelling) of a run as written, folded once per site.
    fn resolve(&mut self, run: &str) -> Option<(u32, u32)> {
        if let Some(&known) = self.runs.get(run) {
            return known;
        }
        let spelling = spelling(run);
        let folded = fold(&spelling);
        let resolved = (!folded.is_empty()).then(|| {
            let term = match self.term_index.get(&folded) {
                Some(&term) => term,
                None => {
                    let term = self.terms.len() as u32;
                    self.term_index.insert(folded.clone(), term);
                    self.terms.push(TermPostings {
                        folded,
                        spellings: Vec::new(),
                        all: Gathered::default(),
                        title: Gathered::default(),
                        bigrams: None,
                    });
                    term
                }
            };
            let TermPostings { spellings, all, .. } = &mut self.terms[term as usize];
            let index = match spellings.iter().position(|(s, _)| *s == spelling) {
                Some(index) => index,
                None => {
                    if let [(_, first)] = &mut spellings[..] {
                        // Until now every occurrence was of the first spelling.
                        *first = all.clone();
                    }
                    spellings.push((spelling, Gathered::default()));
                    spellings.len() - 1
                }
            };
            (term, index as u32)
        });
        self.runs.insert(run.into(), resolved);
        resolved
    }

    /// Frees what only reading needed: the lookups of runs and terms, and the spare capacity
    /// of the postings (grown by doubling), before the files are made.
    fn finish_reading(&mut self) {
        self.runs = FastMap::default();
        self.term_index = FastMap::default();
        for term in &mut self.terms {
            term.all.shrink_to_fit();
            term.title.shrink_to_fit();
            for (_, postings) in &mut term.spellings {
                postings.shrink_to_fit();
            }
        }
    }

    /// Adds the syllables of document `doc`; returns its bigrams as pairs of terms, for
    /// [`Bigrams::add_all`].
    fn add(&mut self, doc: u32, terms: &DocTerms) -> Vec<TermPair> {
        let resolved: Vec<Option<(u32, u32)>> = terms.runs.iter().map(|&(run, _)| self.resolve(run)).collect();
        for (&(_, n), resolved) in terms.runs.iter().zip(&resolved) {
            if let &Some((term, spelling)) = resolved {
                let postings = &mut self.terms[term as usize];
                postings.all.add(doc, n, |a, b| a + b);
                if postings.spellings.len() > 1 {
                    postings.spellings[spelling as usize].1.add(doc, n, |a, b| a + b);
                }
            }
        }
        for &run in &terms.title {
            if let Some((term, _)) = resolved[run as usize] {
                self.terms[term as usize].title.add(doc, 1, |_, _| 1);
            }
        }
        let term = |run: u32| resolved[run as usize].map(|(term, _)| term);
        (terms.bigrams.iter()).filter_map(|&(a, b, flags)| Some((term(a)?, term(b)?, flags))).collect()
    }

    /// Writes `shards/` and `exact/`; returns the leaf and split keys.
    fn write_terms(&mut self, docs: u32, files: &mut Vec<OutputFile>) -> (Vec<String>, Vec<String>) {
        let mut terms: Vec<(String, TermPostings)> =
            self.terms.drain(..).map(|mut t| (std::mem::take(&mut t.folded), t)).collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let encoded: Vec<(Vec<u8>, Vec<u8>)> = terms
            .par_iter_mut()
            .map(|(_, t)| {
                t.spellings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                let entry = TermEntry {
                    f: encode(t.all.iter(), docs, tf_level),
                    ti: (!t.title.is_empty()).then(|| encode(t.title.iter(), docs, |n| n)),
                    bg: t.bigrams.as_ref(),
                };
                let spellings: Vec<(&str, Spelling)> = match &t.spellings[..] {
                    [(only, _)] => vec![(only.as_str(), Spelling::Only(1))],
                    many => {
                        many.iter().map(|(s, p)| (s.as_str(), Spelling::Each(encode(p.iter(), docs, |_| 1)))).collect()
                    }
                };
                (to_json(&entry), to_json(&spellings.into_iter().collect::<std::collections::BTreeMap<_, _>>()))
            })
            .collect();
        let sizes: Vec<(&str, usize)> =
            terms.iter().zip(&encoded).map(|((k, _), (e, _))| (k.as_str(), e.len())).collect();
        let plans = plan(&sizes, "", TERM_SHARD_LIMIT, |_| true);
        let written: Vec<[(String, Vec<u8>); 2]> = plans
            .par_iter()
            .map(|p| {
                let summary = (!p.leaf).then(|| {
                    let all = union(terms[p.summary.clone()].iter().map(|(_, t)| t.all.iter()), docs, |a, b| a + b);
                    to_json(&encode(all, docs, tf_level))
                });
                let held = || terms[p.holds.clone()].iter().zip(&encoded[p.holds.clone()]);
                let name = file_name(&p.key);
                [
                    (
                        format!("{INDEX_DIR}/shards/{name}"),
                        shard_json(held().map(|((k, _), (e, _))| (k.as_str(), e.as_slice())), summary.as_deref()),
                    ),
                    (
                        format!("{INDEX_DIR}/exact/{name}"),
                        shard_json(held().map(|((k, _), (_, x))| (k.as_str(), x.as_slice())), None),
                    ),
                ]
            })
            .collect();
        files.extend(written.into_iter().flatten());
        keys(&plans)
    }
}

/// Display data of a result: `[id, title, unit name, subject name, summary]` (the script cuts
/// the summary around the words found).
type Display<'a> = [&'a str; 5];

fn display<'a>(corpus: &'a Corpus, model: &'a Model) -> Display<'a> {
    let unit = model.org.as_deref().and_then(|org| corpus.unit(org)).map_or("", |u| u.name.as_str());
    let summary = model.learning.summary.as_deref().unwrap_or_default().trim();
    [&model.id, &model.title, unit, &model.subject.name, summary]
}

#[derive(Serialize)]
struct FacetTable {
    #[serde(rename = "f")]
    facets: Vec<Facet>,
    /// Length level of each document (see [`length_level`]).
    #[serde(rename = "len")]
    lengths: Packed,
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
    terms: Keys,
}

/// Shard keys of one dictionary.
#[derive(Serialize)]
struct Keys {
    leaves: Vec<String>,
    splits: Vec<String>,
}

/// A 64-bit FNV-1a hash of every path and file, and of the bigram shards' content, in hex.
fn version(files: &[(String, Vec<u8>)], bigrams: u64) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ bigrams;
    for (path, bytes) in files {
        for &byte in path.as_bytes().iter().chain([0u8].iter()).chain(bytes).chain([0u8].iter()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The JSON of a value of the index.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    // Serializing plain structs, strings and numbers cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests;
