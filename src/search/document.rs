//! The searchable text of one model and the terms it contributes to the index: syllable
//! frequencies per spelling, title syllables, and title/summary bigrams for phrase ranking.

use std::collections::HashMap;

use crate::search::fold::fold;
use crate::search::tokenize::for_each_syllable;

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

/// A folded syllable with the frequency of each spelling of it in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub folded: String,
    /// `(lowercase spelling, frequency)`, sorted by spelling.
    pub spellings: Vec<(String, u32)>,
    /// Occurrences in the title.
    pub in_title: u32,
}

/// What one document contributes to the index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocTerms {
    /// Terms sorted by folded form.
    pub terms: Vec<Term>,
    /// `(first, second, flags)` of adjacent folded syllables of the title and summary, sorted.
    pub bigrams: Vec<(String, String, u32)>,
    /// Number of syllables of all fields.
    pub length: u32,
}

impl DocTerms {
    /// Reads the terms of a document's fields.
    pub fn read(fields: &Fields) -> DocTerms {
        let mut spellings: HashMap<String, u32> = HashMap::new();
        let mut length = 0u32;
        let mut count = |text: &str| {
            for_each_syllable(text, |exact| {
                length += 1;
                match spellings.get_mut(exact) {
                    Some(n) => *n += 1,
                    None => {
                        spellings.insert(exact.to_owned(), 1);
                    }
                }
            })
        };
        count(fields.title);
        count(fields.summary);
        count(fields.body);
        for name in &fields.names {
            count(name);
        }

        let mut by_fold: HashMap<String, Term> = HashMap::new();
        for (exact, n) in spellings {
            let folded = fold(&exact);
            if folded.is_empty() {
                continue;
            }
            let term =
                by_fold.entry(folded.clone()).or_insert_with(|| Term { folded, spellings: Vec::new(), in_title: 0 });
            term.spellings.push((exact, n));
        }
        let title = folded_list(fields.title);
        for syllable in &title {
            if let Some(term) = by_fold.get_mut(syllable) {
                term.in_title += 1;
            }
        }
        let mut terms: Vec<Term> = by_fold.into_values().collect();
        for term in &mut terms {
            term.spellings.sort();
        }
        terms.sort_by(|a, b| a.folded.cmp(&b.folded));

        let mut bigrams: HashMap<(String, String), u32> = HashMap::new();
        for (syllables, flag) in [(title, IN_TITLE), (folded_list(fields.summary), IN_SUMMARY)] {
            for pair in syllables.windows(2) {
                *bigrams.entry((pair[0].clone(), pair[1].clone())).or_insert(0) |= flag;
            }
        }
        let mut bigrams: Vec<(String, String, u32)> = bigrams.into_iter().map(|((a, b), f)| (a, b, f)).collect();
        bigrams.sort();
        DocTerms { terms, bigrams, length }
    }
}

fn folded_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_syllable(text, |exact| {
        let folded = fold(exact);
        if !folded.is_empty() {
            out.push(folded);
        }
    });
    out
}

#[cfg(test)]
mod tests;
