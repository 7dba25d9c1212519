//! What of a body may hold HTML or script, as the HTML rule reads it: raw HTML (a block's
//! lines together), link and image destinations that name a scheme, and runs of text that
//! hold a `<` (Markdown did not take them for HTML, the page escapes them, but a hidden tag
//! is still worth an error). Code spans and code blocks are left out. Most bodies have none.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// One thing of a body the HTML rule inspects. Offsets are bytes of the body's Markdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Raw HTML: an inline tag, or the lines of an HTML block, each with its offset.
    Html(Vec<(usize, String)>),
    /// The destination of a link or image, with the offset of the link.
    Link { offset: usize, destination: String },
    /// Text that Markdown kept as text but that holds a `<`.
    Text(Range<usize>),
}

/// Gathers markup while the pass reads events.
#[derive(Default)]
pub struct Collector {
    found: Vec<Markup>,
    /// The HTML block being read.
    block: Option<Vec<(usize, String)>>,
    /// The run of adjacent text events being read.
    text: Option<Range<usize>>,
    in_code: bool,
    /// Text runs to keep if they hold a `<` (known once the Markdown is at hand).
    runs: Vec<(usize, Range<usize>)>,
}

impl Collector {
    pub fn see(&mut self, event: &Event, range: &Range<usize>) {
        if let Event::Text(_) = event {
            if !self.in_code {
                self.text = Some(match self.text.take() {
                    Some(open) if open.end == range.start => open.start..range.end,
                    Some(open) => {
                        self.end_text(open);
                        range.clone()
                    }
                    None => range.clone(),
                });
            }
            return;
        }
        if let Some(open) = self.text.take() {
            self.end_text(open);
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            Event::Start(Tag::HtmlBlock) => self.block = Some(Vec::new()),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(lines) = self.block.take() {
                    self.found.push(Markup::Html(lines));
                }
            }
            Event::Html(html) => match self.block.as_mut() {
                Some(lines) => lines.push((range.start, html.to_string())),
                None => self.found.push(Markup::Html(vec![(range.start, html.to_string())])),
            },
            Event::InlineHtml(html) => self.found.push(Markup::Html(vec![(range.start, html.to_string())])),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if dest_url.contains(':') => {
                self.found.push(Markup::Link { offset: range.start, destination: dest_url.to_string() });
            }
            _ => {}
        }
    }

    /// A run of text ended; where it stands among the other findings is kept.
    fn end_text(&mut self, run: Range<usize>) {
        self.runs.push((self.found.len(), run));
    }

    /// The markup found in `markdown`, in the order of the body.
    pub fn finish(mut self, markdown: &str) -> Vec<Markup> {
        if let Some(open) = self.text.take() {
            self.end_text(open);
        }
        let holds_tag = |run: &Range<usize>| markdown.get(run.clone()).is_some_and(|t| t.contains('<'));
        if !self.runs.iter().any(|(_, run)| holds_tag(run)) {
            return self.found;
        }
        let mut out = Vec::with_capacity(self.found.len() + self.runs.len());
        let mut runs = self.runs.into_iter().filter(|(_, run)| holds_tag(run)).peekable();
        for (index, markup) in self.found.into_iter().enumerate() {
            while let Some((_, run)) = runs.next_if(|(at, _)| *at <= index) {
                out.push(Markup::Text(run));
            }
            out.push(markup);
        }
        out.extend(runs.map(|(_, run)| Markup::Text(run)));
        out
    }
}
