//! Characters that have no place in text: the control characters (but tab, line feed and
//! carriage return) and the noncharacters U+FFFE and U+FFFF. XML forbids most of them and
//! discourages the rest, and none shows on a page. Written as YAML escapes (`"\x01"`) they
//! are P-YAML; a Markdown body may hold them as they are, so the body's HTML and the XML
//! writers (feed, sitemap, Word files) leave them out ([`without_xml_forbidden`]).

use std::borrow::Cow;

use crate::parse::count_bytes;

/// Whether `c` is left out of XML: what XML 1.0 forbids (the C0 control characters but tab,
/// line feed and carriage return; the noncharacters U+FFFE and U+FFFF) and the controls it
/// discourages (DEL, C1). Content can hold them (as YAML escapes, `"\u0001"`), and one of
/// them makes a feed or a Word file unreadable.
pub fn is_xml_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Whether `text` holds a character [`is_xml_forbidden`]: a scan of its bytes (such text is
/// rare, and a document's characters need not all be decoded).
pub fn has_xml_forbidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The bytes that can start one are counted first, in wide vector passes: most text has none.
    let suspects = count_bytes(bytes, |b| matches!(b, 0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F | 0xC2 | 0xEF));
    suspects > 0
        && bytes.iter().enumerate().any(|(i, &b)| match b {
            b'\t' | b'\n' | b'\r' => false,
            0..=0x1F | 0x7F => true,
            0xC2 => bytes.get(i + 1).is_some_and(|next| (0x80..=0x9F).contains(next)),
            0xEF => bytes.get(i + 1..i + 3).is_some_and(|next| next == [0xBF, 0xBE] || next == [0xBF, 0xBF]),
            _ => false,
        })
}

/// `text` without the characters [`is_xml_forbidden`] (borrowed when it has none).
pub fn without_xml_forbidden(text: &str) -> Cow<'_, str> {
    if has_xml_forbidden(text) { Cow::Owned(text.replace(is_xml_forbidden, "")) } else { Cow::Borrowed(text) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_forbids_are_found_and_left_out() {
        let text = "Tiêu\u{1}đề\u{b}\u{1b}[31m\u{7f}\u{85}\u{fffe}\u{ffff}\0 ổn\t\n\r\u{fffd}";
        assert!(has_xml_forbidden(text));
        assert_eq!(without_xml_forbidden(text), "Tiêuđề[31m ổn\t\n\r\u{fffd}");
        for clean in ["Đạo đức, ổn định\t\n", "\u{fffd}\u{fdd0}\u{a0}", ""] {
            assert!(!has_xml_forbidden(clean), "{clean:?}");
        }
        for c in ['\u{1}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}', '\u{fffe}', '\u{ffff}'] {
            assert!(has_xml_forbidden(&c.to_string()) && is_xml_forbidden(c), "{c:?}");
        }
    }
}
