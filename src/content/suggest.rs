//! "Did you mean" suggestions for unknown names: the known id closest to a typo. Fixed
//! lists (schema keys, vocabulary codes) are searched whole by [`did_you_mean`]; ids that
//! content declares (units, models, catalog entries) are indexed once by a [`Suggester`], so
//! each lookup compares a bounded number of them however many the content declares.

use std::collections::HashMap;

/// The longest word [`did_you_mean`] looks for (ids are at most 80 characters).
pub const LONGEST: usize = 100;

/// Known ids up to which a [`Suggester`] compares a word with every one of them.
pub const FULL_SCAN: usize = 512;

/// Ids compared on each side of a word's place in each of the two sorted orders when a
/// [`Suggester`] holds more than [`FULL_SCAN`] ids.
const WINDOW: usize = FULL_SCAN / 4;

/// Content-declared ids indexed once for "did you mean" lookups.
///
/// Up to [`FULL_SCAN`] ids, a lookup is [`did_you_mean`] over all of them. Beyond, it
/// compares the word with at most 2 × [`FULL_SCAN`] ids, so unknown references by the ten
/// thousand stay linear:
/// - the ids one letter away (changed, missing or extra), found through an index of every
///   id with each of its letters deleted: a one-letter typo is always found (unless more
///   than [`FULL_SCAN`] ids share that index's entries for the word, which no real list
///   does);
/// - the ids nearest to the word in alphabetical order and in the order of their reversed
///   spelling ([`WINDOW`] on each side of each): a typo of several letters keeps either the
///   beginning or the end of the id it damages;
/// - the first id the word begins (`khac_phuc` → `khac_phuc_han_che`).
pub struct Suggester<'a> {
    /// The ids, sorted and without repeats.
    ids: Vec<&'a str>,
    /// The ids spelled backwards, sorted (empty up to [`FULL_SCAN`] ids).
    reversed: Vec<(String, &'a str)>,
    /// Each id (by its place in `ids`) under itself and under each spelling of it with one
    /// letter deleted (empty up to [`FULL_SCAN`] ids).
    deletions: HashMap<String, Vec<usize>>,
}

impl<'a> Suggester<'a> {
    /// Indexes `ids` (those longer than [`LONGEST`], invalid anyway, are never suggested).
    pub fn new(ids: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut ids: Vec<&str> = ids.into_iter().filter(|id| id.chars().count() <= LONGEST).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut reversed = Vec::new();
        let mut deletions: HashMap<String, Vec<usize>> = HashMap::new();
        if ids.len() > FULL_SCAN {
            reversed = ids.iter().map(|id| (backwards(id), *id)).collect();
            reversed.sort_unstable();
            for (i, id) in ids.iter().enumerate() {
                for spelling in one_deleted(id) {
                    deletions.entry(spelling).or_default().push(i);
                }
            }
        }
        Suggester { ids, reversed, deletions }
    }

    /// The known id `word` is likely a typo of, as [`did_you_mean`] finds it.
    pub fn suggest(&self, word: &str) -> Option<&'a str> {
        self.suggest_other_than(word, None)
    }

    /// Like [`Suggester::suggest`], never suggesting `except` (a model or unit naming itself).
    pub fn suggest_other_than(&self, word: &str, except: Option<&str>) -> Option<&'a str> {
        let wanted = |id: &&'a str| Some(*id) != except;
        if self.reversed.is_empty() || word.chars().count() > LONGEST {
            return did_you_mean(word, self.ids.iter().copied().filter(wanted));
        }
        let at = self.ids.partition_point(|id| *id < word);
        let abbreviated = self.ids[at..].iter().copied().find(wanted).filter(|id| id.starts_with(word));
        if word.chars().count() >= 4 && abbreviated.is_some() {
            return abbreviated; // distance 0 and the first in order: nothing can beat it
        }
        let one_away = one_deleted(word)
            .filter_map(|spelling| self.deletions.get(&spelling))
            .flatten()
            .take(FULL_SCAN)
            .map(|&i| self.ids[i]);
        let back = backwards(word);
        let at_back = self.reversed.partition_point(|(r, _)| *r < back);
        let near = around(&self.ids, at).iter().copied();
        let near_back = around(&self.reversed, at_back).iter().map(|(_, id)| *id);
        did_you_mean(word, one_away.chain(near).chain(near_back).filter(wanted))
    }
}

/// `word` itself, then `word` with each of its letters deleted in turn.
fn one_deleted(word: &str) -> impl Iterator<Item = String> + '_ {
    let starts = word.char_indices().map(|(at, c)| (at, at + c.len_utf8()));
    std::iter::once(word.to_owned()).chain(starts.map(|(start, end)| format!("{}{}", &word[..start], &word[end..])))
}

/// The [`WINDOW`] items on each side of position `at`.
fn around<T>(sorted: &[T], at: usize) -> &[T] {
    &sorted[at.saturating_sub(WINDOW)..(at + WINDOW).min(sorted.len())]
}

fn backwards(word: &str) -> String {
    word.chars().rev().collect()
}

/// The candidate closest to `word` by edit distance, when close enough to be a typo, or
/// the one `word` abbreviates (`khac_phuc` → `khac_phuc_han_che`). Ties go to the first in
/// alphabetical order, so the answer does not depend on the candidates' order.
///
/// Candidates are first measured by cheap lower bounds of the distance (length, letters),
/// so the full distance is computed only for the few that could be close; a word longer than
/// [`LONGEST`] (no id is) gets no suggestion, so no comparison costs more than a short one.
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let length = word.chars().count();
    if length > LONGEST {
        return None;
    }
    let limit = (length / 3).max(1);
    let letters = Letters::of(word);
    candidates
        .filter_map(|c| {
            // An id begun (`mh-mot`) or written without its prefix (`dan-van` for `tp-dan-van`).
            let unprefixed = || c.strip_suffix(word).is_some_and(|head| head.ends_with('-'));
            if length >= 4 && (c.starts_with(word) || unprefixed()) {
                return Some((0, c));
            }
            if c.chars().count().abs_diff(length) > limit || letters.distance(c) > limit {
                return None;
            }
            Some((edit_distance(word, c), c)).filter(|&(d, _)| d <= limit)
        })
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// How many times each letter occurs in a word, letters folded into 64 buckets: the
/// letters one word has more of than the other never exceed the edit distance between them.
struct Letters([i32; 64]);

impl Letters {
    fn of(word: &str) -> Letters {
        let mut counts = [0; 64];
        for c in word.chars() {
            counts[c as usize % 64] += 1;
        }
        Letters(counts)
    }

    /// A lower bound of the edit distance between the word and `other`.
    fn distance(&self, other: &str) -> usize {
        let mut counts = self.0;
        for c in other.chars() {
            counts[c as usize % 64] -= 1;
        }
        let (more, fewer) = counts.iter().fold((0, 0), |(m, f), &n| if n > 0 { (m + n, f) } else { (m, f - n) });
        more.max(fewer) as usize
    }
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
