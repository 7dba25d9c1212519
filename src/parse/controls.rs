//! Characters that have no place in text: the control characters (but tab, line feed and
//! carriage return) and the noncharacters U+FFFE and U+FFFF. XML forbids most of them and
//! discourages the rest, and none shows on a page. YAML's escapes (`"\x01"`) are the one way
//! content can hold them: the YAML reader reports them (P-YAML), and the XML writers leave
//! them out all the same.

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
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|next| (0x80..=0x9F).contains(next)),
        0xEF => bytes.get(i + 1..i + 3).is_some_and(|next| next == [0xBF, 0xBE] || next == [0xBF, 0xBF]),
        _ => false,
    })
}
