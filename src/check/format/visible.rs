//! Text taken from content, made safe to print: control characters (tab aside) shown
//! escaped, so an escape sequence committed in a file or a file name never reaches a terminal
//! or a CI log as a command.

use std::borrow::Cow;

/// Whether `c` would act on the terminal instead of showing (control characters, tab
/// aside) or reorder what is shown around it (the bidirectional controls of "Trojan Source",
/// CVE-2021-42574): content comes from pull requests, and an escape sequence in a file must
/// not recolour, retitle or clear the terminal of whoever runs `guong check`, nor make a line
/// of a CI log read otherwise than it is.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How a hidden character is shown: `\u{1b}`.
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// `text` with every hidden character shown escaped.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if is_hidden(c) { escaped(c) } else { c.to_string() }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(visible("Hiệu quả\tx"), "Hiệu quả\tx");
        assert!(matches!(visible("abc"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}]0;x\u{7}\rb\u{9b}"), "a\\u{1b}]0;x\\u{7}\\u{d}b\\u{9b}");
        assert_eq!(visible("Trạng\u{202e}thái\u{2066}"), "Trạng\\u{202e}thái\\u{2066}");
    }
}
