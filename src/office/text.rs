//! Markdown bodies as plain paragraphs for Word files: headings, paragraphs and list items
//! become paragraphs of text (raw HTML is dropped, as it is escaped on pages).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// One paragraph of a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Heading(String),
    Text(String),
    Item(String),
}

/// The paragraphs of `markdown`, in order.
pub fn pieces(markdown: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut in_item = 0usize;
    let flush = |text: &mut String, out: &mut Vec<Piece>, make: fn(String) -> Piece| {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            out.push(make(trimmed.to_owned()));
        }
        text.clear();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Item) => {
                flush(&mut text, &mut out, Piece::Text);
                in_item += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut text, &mut out, Piece::Item);
                in_item = in_item.saturating_sub(1);
            }
            Event::End(TagEnd::Heading(_)) => flush(&mut text, &mut out, Piece::Heading),
            Event::End(TagEnd::Paragraph) if in_item == 0 => flush(&mut text, &mut out, Piece::Text),
            Event::End(TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => flush(&mut text, &mut out, Piece::Text),
            _ => {}
        }
    }
    flush(&mut text, &mut out, Piece::Text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_items_become_plain_pieces() {
        let got = pieces("## Kết quả\n\nMột **hai** ba.\n\n- mục `một`\n- mục hai\n\n<script>x</script>\n");
        assert_eq!(
            got,
            vec![
                Piece::Heading("Kết quả".into()),
                Piece::Text("Một hai ba.".into()),
                Piece::Item("mục một".into()),
                Piece::Item("mục hai".into()),
            ]
        );
    }
}
