//! The plain text of a body: text and code spans, one block (paragraph, heading, list item,
//! table row) a line, table cells apart by a space, raw HTML left out (the site shows it
//! escaped, but it is markup, not words). Search reads the lines (a phrase never runs across
//! one); Word files make a paragraph of each block.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// What a line of plain text was in the Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum BlockKind {
    Heading,
    /// A paragraph or line inside a list item.
    Item,
    /// Anything else: a paragraph, a table row, a code block, a quote.
    Text,
}

/// One line of a body's plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range of the line in the text (without its line break).
    pub range: Range<usize>,
}

impl Block {
    /// The block's text, from the body's plain `text`.
    pub fn text_in<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.clone()).unwrap_or_default()
    }
}

/// Builds the text and its blocks while the pass reads events.
#[derive(Default)]
pub struct Collector {
    text: String,
    blocks: Vec<Block>,
    /// Where the current block starts in `text`.
    start: usize,
    /// List items the current event is in.
    items: usize,
}

impl Collector {
    /// Index the next block will have.
    pub fn next(&self) -> usize {
        self.blocks.len()
    }

    pub fn see(&mut self, event: &Event) {
        match event {
            Event::Text(text) | Event::Code(text) => self.text.push_str(text),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell) => self.text.push(' '),
            Event::Start(Tag::Item) => {
                self.end_block(self.kind());
                self.items += 1;
            }
            Event::End(TagEnd::Item) => {
                self.end_block(BlockKind::Item);
                self.items = self.items.saturating_sub(1);
            }
            Event::End(TagEnd::Heading(_)) => self.end_block(BlockKind::Heading),
            Event::End(end) if is_block(*end) => self.end_block(self.kind()),
            _ => {}
        }
    }

    /// The kind of a paragraph or line ending here.
    fn kind(&self) -> BlockKind {
        if self.items > 0 { BlockKind::Item } else { BlockKind::Text }
    }

    /// Ends the current block, if it holds any text.
    fn end_block(&mut self, kind: BlockKind) {
        let start = self.start.min(self.text.len());
        let kept = start + self.text[start..].trim_end().len();
        self.text.truncate(kept);
        let leading = self.text[start..].len() - self.text[start..].trim_start().len();
        if self.text.len() > start + leading {
            self.blocks.push(Block { kind, range: start + leading..self.text.len() });
            self.text.push('\n');
        }
        self.start = self.text.len();
    }

    /// The text (without a final line break) and its blocks.
    pub fn finish(mut self) -> (String, Vec<Block>) {
        self.end_block(BlockKind::Text);
        self.text.truncate(self.text.trim_end().len());
        // Held with the body until the site is written: no spare capacity.
        self.text.shrink_to_fit();
        self.blocks.shrink_to_fit();
        (self.text, self.blocks)
    }
}

/// Whether a tag ends a block of text (inline tags such as emphasis and links do not).
fn is_block(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}
