//! A Markdown body read in one pass of pulldown-cmark: its outline (the level-2 sections with
//! their lines and lengths, so the checker finds the five criteria and pages place facts
//! beside them), the markup the HTML rule inspects, and, for publishing, its safe HTML and
//! plain text (search, Word files), each split at the same section boundaries.

mod markup;
mod plain;
mod safe;

use std::cell::Cell;
use std::fmt;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::parse::count_bytes;

pub use markup::Markup;
pub use plain::{Block, BlockKind};

/// How much of a body to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading<'a> {
    /// What the checker needs: the outline and the markup of the HTML rule.
    Check,
    /// Also what the site shows: safe HTML, where site-absolute links (`/mo-hinh/x/`) get
    /// `base_path` (`/` or `/sub/path/`) in front, and plain text.
    Publish { base_path: &'a str },
}

/// A body as written, with the file line it starts on, and what one pass read from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    /// The Markdown; emptied by [`Body::release_markdown`] once the checker is done.
    pub markdown: String,
    /// File line of the first body line.
    pub first_line: usize,
    /// The level-2 headings at the top level (not inside a quote or list), in order.
    pub sections: Vec<Section>,
    /// The top-level headings of other levels (`#`, `###`…), in order: a criterion's heading
    /// written at the wrong level is told apart from a missing one. Only the checker reads
    /// them; [`Body::release_markdown`] frees them.
    pub other_headings: Vec<OtherHeading>,
    /// Raw HTML, link destinations with a scheme and text holding `<` (see [`Markup`]).
    pub markup: Vec<Markup>,
    /// Safe HTML of the whole body (empty unless read for publishing).
    pub html: String,
    /// The part of `html` before the first section.
    pub intro_html: Range<usize>,
    /// Plain text, one block (paragraph, heading, list item, table row) a line (empty unless
    /// read for publishing).
    pub text: String,
    /// The blocks of `text`, in order.
    pub blocks: Vec<Block>,
    /// The blocks before the first section.
    pub intro_blocks: Range<usize>,
}

/// A top-level heading that is not `## `.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OtherHeading {
    /// Its level: the number of `#` (or 1 and 2 for setext underlines).
    pub level: u8,
    /// The heading text.
    pub title: String,
    /// File line of the heading.
    pub line: usize,
}

/// One `## ` section of a body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    /// The heading text.
    pub title: String,
    /// File line of the heading.
    pub line: usize,
    /// Byte range of the section's Markdown in the body, heading excluded (see
    /// [`Body::text_of`]).
    pub range: Range<usize>,
    /// Count of non-whitespace characters of the section's text.
    pub length: usize,
    /// The heading's HTML in the body's HTML.
    pub heading_html: Range<usize>,
    /// The section's HTML (heading excluded) in the body's HTML.
    pub html: Range<usize>,
    /// The section's blocks (heading excluded) in the body's blocks.
    pub blocks: Range<usize>,
}

/// Markdown extensions guong enables everywhere.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

impl Body {
    /// Reads the outline and markup of `markdown`, whose first line is file line `first_line`.
    pub fn new(markdown: String, first_line: usize) -> Body {
        Body::read(markdown, first_line, Reading::Check)
    }

    /// Reads `markdown` (file line `first_line` onwards) in one pass, as much as `reading` asks.
    pub fn read(markdown: String, first_line: usize, reading: Reading) -> Body {
        let publish = reading != Reading::Check;
        let mut pass = Pass::new(&markdown, first_line, publish);
        let mut html = String::new();
        let events = Parser::new_ext(&markdown, options()).into_offset_iter();
        match reading {
            Reading::Check => events.for_each(|(event, range)| pass.see(&event, range, 0)),
            Reading::Publish { base_path } => {
                html.reserve(markdown.len() + markdown.len() / 4);
                let written = Cell::new(0);
                let safe = events.map(|(event, range)| {
                    pass.see(&event, range, written.get());
                    safe::make_safe(event, base_path)
                });
                let counted = Counted { out: &mut html, written: &written };
                // Writing into a String cannot fail.
                let _ = pulldown_cmark::html::write_html_fmt(counted, safe);
            }
        }
        html.shrink_to_fit();
        let read = pass.finish(html.len());
        Body {
            markdown,
            first_line,
            sections: read.sections,
            other_headings: read.other_headings,
            markup: read.markup,
            html,
            intro_html: read.intro_html,
            text: read.text,
            blocks: read.blocks,
            intro_blocks: read.intro_blocks,
        }
    }

    /// The Markdown of one of this body's sections, heading excluded.
    pub fn text_of(&self, section: &Section) -> &str {
        self.markdown.get(section.range.clone()).unwrap_or_default()
    }

    /// The safe HTML of the body before its first section.
    pub fn intro_html(&self) -> &str {
        self.html.get(self.intro_html.clone()).unwrap_or_default()
    }

    /// The safe HTML of one of this body's sections, heading excluded.
    pub fn html_of(&self, section: &Section) -> &str {
        self.html.get(section.html.clone()).unwrap_or_default()
    }

    /// The plain text blocks of one section (heading excluded), or of the whole body.
    pub fn blocks_of(&self, section: Option<&Section>) -> impl Iterator<Item = (BlockKind, &str)> {
        let range = section.map_or(0..self.blocks.len(), |s| s.blocks.clone());
        self.blocks.get(range).unwrap_or_default().iter().map(|b| (b.kind, b.text_in(&self.text)))
    }

    /// Frees the Markdown, which only the checker reads: a build drops it before rendering
    /// (the HTML and text read from it stay).
    pub fn release_markdown(&mut self) {
        self.markdown = String::new();
        self.other_headings = Vec::new();
    }
}

/// An HTML buffer that counts what it was given, so the pass knows where each section's
/// HTML starts while pulldown-cmark writes it.
struct Counted<'a> {
    out: &'a mut String,
    written: &'a Cell<usize>,
}

impl fmt::Write for Counted<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.push_str(s);
        self.written.set(self.out.len());
        Ok(())
    }
}

/// A heading being read.
struct OpenHeading {
    heading: Heading,
    /// Whether its end event was seen (the end of its HTML is known at the next event).
    ended: bool,
}

/// A top-level `##` heading: where it stands in the Markdown, the HTML and the blocks.
struct Heading {
    title: String,
    line: usize,
    source: Range<usize>,
    html: Range<usize>,
    /// Index its own block has (or would have, when empty) among the blocks.
    block: usize,
    /// Index of the first block after it.
    next_block: usize,
}

/// What one pass read, besides the HTML.
struct Read {
    sections: Vec<Section>,
    other_headings: Vec<OtherHeading>,
    markup: Vec<Markup>,
    intro_html: Range<usize>,
    text: String,
    blocks: Vec<Block>,
    intro_blocks: Range<usize>,
}

/// What the pass has read so far.
struct Pass<'m> {
    markdown: &'m str,
    line: usize,
    counted_to: usize,
    /// Containers (quotes, lists, items, footnotes) the current event is in.
    depth: usize,
    open: Option<OpenHeading>,
    headings: Vec<Heading>,
    /// The heading of another level being read, and those read.
    open_other: Option<OtherHeading>,
    other_headings: Vec<OtherHeading>,
    markup: markup::Collector,
    /// Plain text and blocks, when publishing.
    plain: Option<plain::Collector>,
}

impl<'m> Pass<'m> {
    fn new(markdown: &'m str, first_line: usize, publish: bool) -> Pass<'m> {
        Pass {
            markdown,
            line: first_line,
            counted_to: 0,
            depth: 0,
            open: None,
            headings: Vec::new(),
            open_other: None,
            other_headings: Vec::new(),
            markup: markup::Collector::default(),
            plain: publish.then(plain::Collector::default),
        }
    }

    fn next_block(&self) -> usize {
        self.plain.as_ref().map_or(0, plain::Collector::next)
    }

    /// Takes in one event at `range` of the Markdown; `html_at` is the length of the HTML
    /// written before it.
    fn see(&mut self, event: &Event, range: Range<usize>, html_at: usize) {
        if self.open.as_ref().is_some_and(|open| open.ended) {
            self.close_heading(html_at);
        }
        self.markup.see(event, &range);
        if let Some(plain) = self.plain.as_mut() {
            plain.see(event);
        }
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) if self.depth == 0 => {
                let heading = Heading {
                    title: String::new(),
                    line: self.line_of(range.start),
                    source: range.clone(),
                    html: html_at..html_at,
                    block: self.next_block(),
                    next_block: 0,
                };
                self.open = Some(OpenHeading { heading, ended: false });
            }
            Event::Start(Tag::Heading { level, .. }) if self.depth == 0 => {
                let line = self.line_of(range.start);
                self.open_other = Some(OtherHeading { level: *level as u8, title: String::new(), line });
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(open) = self.open.as_mut().filter(|open| !open.ended) {
                    open.heading.title.push_str(text);
                } else if let Some(other) = self.open_other.as_mut() {
                    other.title.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                if let Some(open) = self.open.as_mut().filter(|_| self.depth == 0) {
                    open.heading.source.end = range.end;
                    open.ended = true;
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut other) = self.open_other.take() {
                    other.title = other.title.trim().to_owned();
                    self.other_headings.push(other);
                }
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_)) => {
                self.depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition) => {
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    /// Records the open heading, whose HTML ends at `html_at`.
    fn close_heading(&mut self, html_at: usize) {
        if let Some(OpenHeading { mut heading, .. }) = self.open.take() {
            heading.html.end = html_at;
            heading.next_block = self.next_block();
            self.headings.push(heading);
        }
    }

    /// File line of a Markdown offset at or after every offset asked before.
    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.markdown.len());
        self.line +=
            self.markdown.as_bytes()[self.counted_to.min(offset)..offset].iter().filter(|&&b| b == b'\n').count();
        self.counted_to = offset;
        self.line
    }

    fn finish(mut self, html_len: usize) -> Read {
        self.close_heading(html_len);
        let markdown = self.markdown;
        let (text, blocks) = self.plain.take().map(plain::Collector::finish).unwrap_or_default();
        let sections = self
            .headings
            .iter()
            .enumerate()
            .map(|(index, heading)| {
                let next = self.headings.get(index + 1);
                let next_start = next.map_or(markdown.len(), |h| h.source.start);
                let range = heading.source.end.min(next_start)..next_start;
                let next_html = next.map_or(html_len, |h| h.html.start);
                let next_block = next.map_or(blocks.len(), |h| h.block);
                Section {
                    title: heading.title.trim().to_owned(),
                    line: heading.line,
                    length: non_space_len(&markdown[range.clone()]),
                    range,
                    heading_html: heading.html.clone(),
                    html: heading.html.end.min(next_html)..next_html,
                    blocks: heading.next_block.min(next_block)..next_block,
                }
            })
            .collect();
        let first = self.headings.first();
        Read {
            sections,
            other_headings: self.other_headings,
            markup: self.markup.finish(markdown),
            intro_html: 0..first.map_or(html_len, |h| h.html.start),
            intro_blocks: 0..first.map_or(blocks.len(), |h| h.block),
            text,
            blocks,
        }
    }
}

/// Count of characters of `text` that are not whitespace (`char::is_whitespace`).
///
/// Works on bytes in passes the compiler vectorises (see [`count_bytes`]): UTF-8 lead bytes
/// that are not ASCII whitespace are counted, less the few non-ASCII whitespace characters.
/// Those are looked for only when a byte that may start or follow their lead occurs (rare in
/// Vietnamese text, apart from the curly quotes and dashes that share the `0xE2` lead), and
/// then only where such a lead stands (the `0xE1` of Vietnamese letters only when the Ogham
/// space's `9A 80` occurs). Section lengths are computed for every body on every check.
pub fn non_space_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let visible = count_bytes(bytes, |b| (b as i8) >= -0x40 && !matches!(b, b'\t'..=b'\r' | b' '));
    if count_bytes(bytes, |b| matches!(b, 0xC2 | 0xE2 | 0xE3 | 0x9A)) == 0 {
        return visible;
    }
    let ogham = bytes.iter().zip(bytes.iter().skip(1)).any(|(&a, &b)| a == 0x9A && b == 0x80);
    let lead = |b: u8| matches!(b, 0xC2 | 0xE2 | 0xE3) || (ogham && b == 0xE1);
    visible - bytes.iter().enumerate().filter(|&(i, &b)| lead(b) && is_unicode_space(&bytes[i..])).count()
}

/// Whether the UTF-8 sequence at the start of `bytes` is non-ASCII whitespace.
fn is_unicode_space(bytes: &[u8]) -> bool {
    match bytes {
        [0xC2, 0x85 | 0xA0, ..] | [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] | [0xE2, 0x81, 0x9F, ..] => true,
        [0xE2, 0x80, third, ..] => matches!(third, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
