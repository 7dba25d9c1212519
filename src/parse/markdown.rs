//! The outline of a Markdown body: its level-2 sections with their lines and text, so the
//! checker can find the five criteria sections and the renderer can place facts beside them.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A body as written, with the file line it starts on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    pub markdown: String,
    /// File line of the first body line.
    pub first_line: usize,
    pub sections: Vec<Section>,
}

/// One `## ` section of a body.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The heading text.
    pub title: String,
    /// File line of the heading.
    pub line: usize,
    /// Byte range of the section's Markdown in the body, heading excluded (see
    /// [`Body::text_of`]).
    pub range: std::ops::Range<usize>,
    /// Count of non-whitespace characters of the section's text.
    pub length: usize,
}

/// Markdown extensions guong enables everywhere.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

impl Body {
    /// Reads the outline of `markdown`, whose first line is file line `first_line`.
    pub fn new(markdown: String, first_line: usize) -> Body {
        let sections = outline(&markdown, first_line);
        Body { markdown, first_line, sections }
    }

    /// The Markdown of one of this body's sections, heading excluded.
    pub fn text_of(&self, section: &Section) -> &str {
        self.markdown.get(section.range.clone()).unwrap_or_default()
    }

    /// Non-whitespace length of the whole body.
    pub fn length(&self) -> usize {
        non_space_len(&self.markdown)
    }
}

/// Count of characters of `text` that are not whitespace (`char::is_whitespace`).
///
/// Works on bytes in a few passes the compiler vectorises: UTF-8 lead bytes are characters;
/// ASCII whitespace and the few non-ASCII whitespace characters (found by their encodings)
/// are subtracted. Section lengths are computed for every body on every check.
pub fn non_space_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    let ascii_spaces = bytes.iter().filter(|&&b| matches!(b, b'\t'..=b'\r' | b' ')).count();
    let other_spaces =
        bytes.windows(3).filter(|w| matches!(w[0], 0xC2 | 0xE1 | 0xE2 | 0xE3) && is_unicode_space(w)).count();
    let last_two = bytes.len().checked_sub(2).is_some_and(|i| is_unicode_space(&bytes[i..]));
    chars - ascii_spaces - other_spaces - usize::from(last_two)
}

/// Whether the UTF-8 sequence at the start of `bytes` is non-ASCII whitespace.
fn is_unicode_space(bytes: &[u8]) -> bool {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] | [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] | [0xE2, 0x81, 0x9F, ..] => true,
        [0xE2, 0x80, third, ..] => matches!(third, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
        _ => false,
    }
}

fn outline(markdown: &str, first_line: usize) -> Vec<Section> {
    if !markdown.contains("##") && !markdown.contains("\n--") {
        return Vec::new();
    }
    let (mut counted_to, mut line) = (0, first_line);
    let mut line_of = |offset: usize| {
        line += markdown.as_bytes()[counted_to..offset].iter().filter(|&&b| b == b'\n').count();
        counted_to = offset;
        line
    };
    let mut headings: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut current: Option<(String, usize, usize)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => {
                current = Some((String::new(), range.start, range.end));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((title, _, _)) = current.as_mut() {
                    title.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some((title, start, end)) = current.take() {
                    headings.push((title.trim().to_owned(), line_of(start), start, end));
                }
            }
            _ => {}
        }
    }
    let mut sections = Vec::with_capacity(headings.len());
    for (index, (title, line, _, end)) in headings.iter().enumerate() {
        let next = headings.get(index + 1).map_or(markdown.len(), |h| h.2);
        let text = &markdown[(*end).min(next)..next];
        sections.push(Section {
            title: title.clone(),
            line: *line,
            range: (*end).min(next)..next,
            length: non_space_len(text),
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_h2_sections_with_lines_and_lengths() {
        let body = Body::new(
            "Mở đầu\n\n## 1. Nội dung học tập Bác\n\nHọc tập.\n\n### Chi tiết\nabc\n## 2. Sự cần thiết\n".into(),
            10,
        );
        let titles: Vec<_> = body.sections.iter().map(|s| (s.title.as_str(), s.line)).collect();
        assert_eq!(titles, [("1. Nội dung học tập Bác", 12), ("2. Sự cần thiết", 18)]);
        assert_eq!(body.sections[0].length, "Họctập.###Chitiếtabc".chars().count());
        assert_eq!(body.sections[1].length, 0);
    }

    #[test]
    fn non_space_length_matches_char_is_whitespace() {
        let samples = [
            "",
            "a b\tc\n",
            "Học tập\u{a0}và\u{2003}làm\u{3000}theo\u{85}Bác\u{202f}!",
            "\u{1680}x\u{2029}\u{205f}y\u{b}",
            "\u{a0}",
            "ạ\u{a0}",
        ];
        for text in samples {
            assert_eq!(non_space_len(text), text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
        }
    }

    #[test]
    fn headings_inside_code_blocks_are_not_sections() {
        let body = Body::new("```\n## không phải\n```\n".into(), 1);
        assert!(body.sections.is_empty());
    }
}
