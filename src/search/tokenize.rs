//! Syllables of a text for the index: runs of letters, digits and marks, each kept both as
//! written (lowercase NFC, for "exact diacritics" ranking) and folded (for matching).
//!
//! `themes/default/static/search.js` splits queries the same way; the shared vectors in
//! `tests/vectors/fold.json` pin both.

use pulldown_cmark::{Event, Parser};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::parse::markdown::options;
use crate::search::fold::fold;

/// Longest syllable kept, in characters: longer runs are codes or noise, not words.
pub const MAX_SYLLABLE_CHARS: usize = 40;

/// Whether `c` belongs to a syllable (letters, digits and combining marks).
fn in_syllable(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// `text` in NFC, borrowed when it already is.
fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    }
}

/// Calls `each(exact)` for every syllable of `text`, in order, with the syllable in lowercase
/// NFC; syllables longer than [`MAX_SYLLABLE_CHARS`] are skipped.
pub fn for_each_syllable(text: &str, mut each: impl FnMut(&str)) {
    let text = nfc(text);
    let mut lower = String::new();
    for run in text.split(|c: char| !in_syllable(c)).filter(|run| !run.is_empty()) {
        if run.chars().nth(MAX_SYLLABLE_CHARS).is_some() {
            continue;
        }
        lower.clear();
        if run.is_ascii() {
            lower.push_str(run);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&run.to_lowercase());
        }
        each(&lower);
    }
}

/// The folded syllables of `text`, in order (empty folds, such as a lone mark, dropped).
pub fn folded_syllables(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_syllable(text, |exact| {
        let folded = fold(exact);
        if !folded.is_empty() {
            out.push(folded);
        }
    });
    out
}

/// The readable text of a Markdown body: text and code spans, one space between blocks.
/// Raw HTML is left out (the site shows it escaped, but it is markup, not words).
pub fn markdown_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::End(_) | Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
