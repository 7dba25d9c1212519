//! The searchable text of one model and what it contributes to the index: how often each
//! syllable occurs (as written), and the syllables of its title and summary in order (for title
//! matches and bigrams). Reading is done in parallel; normalizing and folding each distinct
//! spelling happens once per site, when the index merges documents.

use crate::search::fasthash::FastMap;
use crate::search::tokenize::for_each_run;

/// The texts of a model that search reads (SPEC §3 "Publishing rules": title, summary, body,
/// org and subject names).
#[derive(Clone, Debug, Default)]
pub struct Fields<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// Readable text of the body (see `tokenize::markdown_text`).
    pub body: &'a str,
    /// Names of the carrying unit and of the subject.
    pub names: Vec<&'a str>,
}

/// Bigram flag: the two syllables stand together in the summary.
pub const IN_SUMMARY: u32 = 1;
/// Bigram flag: the two syllables stand together in the title.
pub const IN_TITLE: u32 = 2;

/// The syllables of one document, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocTerms<'a> {
    /// Each distinct run (any case) with its number of occurrences in all fields, in no
    /// particular order (the index sorts what it writes).
    pub runs: Vec<(&'a str, u32)>,
    /// Runs of the title, in order.
    pub title: Vec<&'a str>,
    /// Runs of the summary, in order.
    pub summary: Vec<&'a str>,
    /// Number of syllables of all fields.
    pub length: u32,
}

impl<'a> DocTerms<'a> {
    /// Reads the syllables of a document's fields.
    pub fn read(fields: &Fields<'a>) -> DocTerms<'a> {
        let mut counts: FastMap<&'a str, u32> = FastMap::with_capacity_and_hasher(512, Default::default());
        let mut length = 0u32;
        let mut title = Vec::new();
        let mut summary = Vec::new();
        for_each_run(fields.title, |run| title.push(run));
        for_each_run(fields.summary, |run| summary.push(run));
        for run in title.iter().chain(&summary) {
            *counts.entry(run).or_insert(0) += 1;
        }
        length += (title.len() + summary.len()) as u32;
        for text in std::iter::once(&fields.body).chain(&fields.names) {
            for_each_run(text, |run| {
                length += 1;
                *counts.entry(run).or_insert(0) += 1;
            });
        }
        DocTerms { runs: counts.into_iter().collect(), title, summary, length }
    }
}

#[cfg(test)]
mod tests;
