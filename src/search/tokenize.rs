//! Syllables of a text for the index: runs of letters, digits and marks, each kept both as
//! written (lowercase NFC, for "exact diacritics" ranking) and folded (for matching).
//!
//! `themes/default/static/search.js` splits queries the same way; the shared vectors in
//! `tests/vectors/fold.json` pin both.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::search::fold::fold;

/// Longest syllable kept, in characters: longer runs are codes or noise, not words.
pub const MAX_SYLLABLE_CHARS: usize = 40;

/// Whether `c` belongs to a syllable (letters, digits and combining marks). Vietnamese letters
/// (Latin-1, Latin Extended-A/B, Latin Extended Additional) are answered without table lookups.
fn in_syllable(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1EA0}'..='\u{1EF9}') && c != '\u{D7}' && c != '\u{F7}'
        || c.is_alphanumeric()
        || is_combining_mark(c)
}

/// Calls `each(run)` for every syllable of `text` as written (any case, any normalization form),
/// in order; runs longer than [`MAX_SYLLABLE_CHARS`] are skipped.
pub fn for_each_run<'a>(text: &'a str, mut each: impl FnMut(&'a str)) {
    let mut start = None;
    let mut chars = 0;
    for (i, c) in text.char_indices() {
        if in_syllable(c) {
            start.get_or_insert(i);
            chars += 1;
        } else if let Some(s) = start.take() {
            if chars <= MAX_SYLLABLE_CHARS {
                each(&text[s..i]);
            }
            chars = 0;
        }
    }
    if let Some(s) = start
        && chars <= MAX_SYLLABLE_CHARS
    {
        each(&text[s..]);
    }
}

/// A run as a spelling: lowercase, in NFC.
pub fn spelling(run: &str) -> String {
    if run.is_ascii() {
        return run.to_ascii_lowercase();
    }
    let lower: String = run.chars().flat_map(char::to_lowercase).collect();
    if lower.chars().any(|c| c >= '\u{300}' && is_combining_mark(c)) { lower.nfc().collect() } else { lower }
}

/// The folded syllables of `text`, in order (empty folds, such as a lone mark, dropped).
pub fn folded_syllables(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_run(text, |run| {
        let folded = fold(run);
        if !folded.is_empty() {
            out.push(folded);
        }
    });
    out
}

#[cfg(test)]
mod tests;
