//! Vietnamese folding (for matching typed-without-diacritics text) and collation (for sorting names).
//!
//! `fold` is mirrored by `themes/default/static/search.js`; both are tested against the shared
//! vectors in `tests/vectors/fold.json`, so the index and the browser agree on every syllable.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: canonical decomposition (NFD), combining marks dropped, `đ`/`Đ` read
/// as `d`, then lowercased. "Đạo đức" and "dao duc" fold to the same "dao duc".
///
/// The steps run in the same order as the script's `fold` (`normalize('NFD')`, strip `\p{M}`,
/// `đ→d`, `toLowerCase()`), so both give the same bytes for the same input.
pub fn fold(text: &str) -> String {
    let stripped: String =
        text.nfd().filter(|&c| !is_combining_mark(c)).map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c }).collect();
    stripped.to_lowercase()
}

/// A sort key for Vietnamese text: letters in the Vietnamese alphabet order
/// (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; f j w z where Latin puts them),
/// tones as a secondary key (ngang, huyền, hỏi, ngã, sắc, nặng), lowercase before uppercase
/// third, and the text itself last so that the order is total.
///
/// "Dũng" sorts before "Đặng" (d before đ), and "An" < "Anh" < "Ánh" < "Ba".
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CollationKey {
    primary: Vec<u32>,
    tones: Vec<u8>,
    cases: Vec<u8>,
    text: String,
}

/// The collation key of `text`: use it with `sort_by_cached_key` to sort names the Vietnamese way.
pub fn collation_key(text: &str) -> CollationKey {
    let mut key = CollationKey { primary: Vec::new(), tones: Vec::new(), cases: Vec::new(), text: text.to_owned() };
    let mut chars = text.nfd().peekable();
    while let Some(base) = chars.next() {
        if is_combining_mark(base) {
            // A mark with no base letter (text starting with a mark): no weight.
            continue;
        }
        let mut quality = None;
        let mut tone = 0;
        while let Some(&mark) = chars.peek().filter(|&&m| is_combining_mark(m)) {
            chars.next();
            match tone_of(mark) {
                Some(t) => tone = t,
                None => quality = quality.or(Some(mark)),
            }
        }
        let lower = base.to_lowercase().next().unwrap_or(base);
        key.primary.push(primary_weight(lower, quality));
        key.tones.push(tone);
        key.cases.push(u8::from(lower != base));
    }
    key
}

/// The sort key of a title: its [`collation_key`], ignoring leading quotes and punctuation
/// (`“Bữa cơm…”` sorts under B).
pub fn title_key(title: &str) -> CollationKey {
    collation_key(title.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// Tone marks in their traditional order: huyền, hỏi, ngã, sắc, nặng (ngang = 0).
fn tone_of(mark: char) -> Option<u8> {
    match mark {
        '\u{300}' => Some(1),
        '\u{309}' => Some(2),
        '\u{303}' => Some(3),
        '\u{301}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// The Vietnamese alphabet with f, j, w, z inserted where the Latin alphabet has them.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q',
    'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// Weight of a lowercase base character with its vowel-quality mark (breve, circumflex, horn):
/// spaces, then punctuation, then digits, then letters in alphabet order, then other letters by
/// code point.
fn primary_weight(base: char, quality: Option<char>) -> u32 {
    if base.is_whitespace() {
        return 1;
    }
    if let Some(digit) = base.to_digit(10) {
        return 10 + digit;
    }
    let letter = match (base, quality) {
        ('a', Some('\u{306}')) => 'ă',
        ('a', Some('\u{302}')) => 'â',
        ('e', Some('\u{302}')) => 'ê',
        ('o', Some('\u{302}')) => 'ô',
        ('o', Some('\u{31B}')) => 'ơ',
        ('u', Some('\u{31B}')) => 'ư',
        _ => base,
    };
    match ALPHABET.iter().position(|&l| l == letter) {
        Some(i) => 100 + i as u32,
        None if base.is_alphanumeric() => 1_000 + base as u32,
        None => 2,
    }
}

#[cfg(test)]
mod tests;
