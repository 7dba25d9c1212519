//! P-HTML-UNSAFE and P-HTML-RAW: HTML in Markdown bodies. Raw HTML is never passed through
//! (the renderer escapes it), so plain tags only warn; script-capable tags, `on…=` event
//! attributes and `javascript:`/`vbscript:`/`data:` URLs (in HTML attributes and in Markdown
//! link and image destinations) are errors. Code spans and code blocks are ignored.

use std::collections::HashSet;
use std::ops::Range;

use crate::content::corpus::Corpus;
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::lines::Lines;
use crate::parse::markdown::{Body, Markup};

/// Tags that can run code or change the page around them.
const UNSAFE_TAGS: &[&str] = &[
    "script", "iframe", "object", "embed", "style", "form", "input", "button", "link", "meta", "base", "frame",
    "frameset", "svg", "math",
];

/// URL schemes that run code or smuggle content.
const UNSAFE_SCHEMES: &[&str] = &["javascript:", "vbscript:", "data:"];

/// Attributes holding plain text, where a leading `data:` is prose, not a URL.
const TEXT_ATTRIBUTES: &[&str] = &["title", "alt", "aria-label", "placeholder"];

/// The bodies of reports and free pages (model bodies are checked with their model).
pub fn check_pages(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for report in &corpus.reports {
        check_body(&report.path, &report.body, out);
    }
    for page in &corpus.pages {
        check_body(&page.path, &page.body, out);
    }
    for evaluation in &corpus.evaluations {
        check_body(&evaluation.path, &evaluation.body, out);
    }
}

/// Checks one Markdown body of the file at `path`, from the markup its reading found.
pub fn check_body(path: &str, body: &Body, out: &mut Vec<Diagnostic>) {
    if body.markup.is_empty() {
        return;
    }
    let mut findings = Vec::new();
    for markup in &body.markup {
        match markup {
            Markup::Text(range) => scan_text(&body.markdown, range.clone(), &mut findings),
            Markup::Html(lines) => {
                let mut fragment = Fragment::default();
                for (offset, text) in lines {
                    fragment.push(text, *offset);
                }
                fragment.scan(&mut findings);
            }
            Markup::Link { offset, destination } => {
                if let Some(scheme) = unsafe_scheme(destination) {
                    findings.push(Finding { offset: *offset, unsafe_text: Some(scheme.to_owned()), tag: None });
                }
            }
        }
    }
    report(path, body, findings, out);
}

/// Text that Markdown does not take for HTML (`< script>`, `<svg/onload=…>`) is escaped
/// anyway, but an unsafe tag hidden behind spaces or control characters is still an error.
fn scan_text(markdown: &str, range: Range<usize>, findings: &mut Vec<Finding>) {
    let Some(text) = markdown.get(range.clone()).filter(|t| t.contains('<')) else { return };
    for (tag_range, tag) in tags(text) {
        if let Some((offset, unsafe_text)) = tag.unsafe_at() {
            let at = range.start + tag_range.start + offset;
            findings.push(Finding { offset: at, unsafe_text: Some(unsafe_text), tag: None });
        }
    }
}

/// One thing found in a body: an unsafe construct, or a plain tag.
struct Finding {
    /// Byte offset in the body.
    offset: usize,
    /// What makes it unsafe, as shown to the editor (`<script`, `onerror=`, `javascript:`).
    unsafe_text: Option<String>,
    /// The tag as written, for raw-HTML warnings.
    tag: Option<String>,
}

/// HTML text gathered from one or more events, with a map back to body offsets.
#[derive(Default)]
struct Fragment {
    text: String,
    /// (offset in `text`, offset in the body) of each piece.
    pieces: Vec<(usize, usize)>,
}

impl Fragment {
    fn push(&mut self, text: &str, body_offset: usize) {
        self.pieces.push((self.text.len(), body_offset));
        self.text.push_str(text);
    }

    fn body_offset(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|&(start, _)| start <= offset).saturating_sub(1);
        self.pieces.get(index).map_or(0, |&(start, body)| body + (offset - start))
    }

    fn scan(&self, findings: &mut Vec<Finding>) {
        for (range, tag) in tags(&self.text) {
            let written = self.text.get(range.clone()).unwrap_or_default().trim_end();
            let shown: String = written.chars().take(40).collect();
            let (offset, unsafe_text) = match tag.unsafe_at() {
                Some((offset, text)) => (range.start + offset, Some(text)),
                None => (range.start, None),
            };
            findings.push(Finding { offset: self.body_offset(offset), unsafe_text, tag: Some(shown) });
        }
    }
}

/// A tag read leniently: its lowercase name and attributes (name, value, offset in the tag).
struct TagInfo {
    name: String,
    attributes: Vec<(String, String, usize)>,
}

impl TagInfo {
    /// What makes the tag unsafe, and where it stands (byte offset from the tag's start).
    fn unsafe_at(&self) -> Option<(usize, String)> {
        if UNSAFE_TAGS.contains(&self.name.as_str()) {
            return Some((0, format!("<{}", self.name)));
        }
        for (name, value, offset) in &self.attributes {
            if name.len() > 2 && name.starts_with("on") {
                return Some((*offset, format!("{name}=")));
            }
            if let Some(scheme) = unsafe_scheme(&decode_entities(value))
                && (scheme != "data:" || !TEXT_ATTRIBUTES.contains(&name.as_str()))
            {
                return Some((*offset, scheme.to_owned()));
            }
        }
        None
    }
}

/// Every tag, comment or declaration in an HTML fragment, with its byte range.
fn tags(html: &str) -> Vec<(Range<usize>, TagInfo)> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(step) = html.get(i..).and_then(|rest| rest.find('<')) {
        let start = i + step;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            found.push((start..end, TagInfo { name: "!--".to_owned(), attributes: Vec::new() }));
            i = end;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map_or(html.len(), |e| start + e + 1);
            found.push((start..end, TagInfo { name: rest[1..2].to_owned(), attributes: Vec::new() }));
            i = end;
            continue;
        }
        let mut cursor = Cursor { text: html, at: start + 1 };
        cursor.skip(|c| c.is_whitespace() || c.is_control() || c == '/');
        let name = cursor.take(|c| c.is_alphanumeric() || c == '-' || c == ':' || (c.is_control() && c != '\n'));
        let name = strip(&name);
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            i = start + 1;
            continue;
        }
        let mut attributes = Vec::new();
        loop {
            cursor.skip(|c| c.is_whitespace() || c.is_control() || c == '/');
            match cursor.peek() {
                None => break,
                Some('>') => {
                    cursor.at += 1;
                    break;
                }
                Some(_) => {}
            }
            let attribute_at = cursor.at - start;
            let attribute = strip(&cursor.take(|c| !(c.is_whitespace() || c == '/' || c == '>' || c == '=')));
            cursor.skip(char::is_whitespace);
            let mut value = String::new();
            if cursor.peek() == Some('=') {
                cursor.at += 1;
                cursor.skip(char::is_whitespace);
                value = match cursor.peek() {
                    Some(quote @ ('"' | '\'')) => {
                        cursor.at += 1;
                        let value = cursor.take(|c| c != quote);
                        cursor.at = (cursor.at + 1).min(bytes.len());
                        value
                    }
                    _ => cursor.take(|c| !(c.is_whitespace() || c == '>')),
                };
            }
            if attribute.is_empty() && value.is_empty() {
                cursor.at += cursor.peek().map_or(1, char::len_utf8);
            } else {
                attributes.push((attribute, value, attribute_at));
            }
        }
        found.push((start..cursor.at, TagInfo { name, attributes }));
        i = cursor.at.max(start + 1);
    }
    found
}

/// A read position in a fragment.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at..).and_then(|rest| rest.chars().next())
    }

    fn skip(&mut self, while_: impl Fn(char) -> bool) {
        while let Some(c) = self.peek().filter(|&c| while_(c)) {
            self.at += c.len_utf8();
        }
    }

    fn take(&mut self, while_: impl Fn(char) -> bool) -> String {
        let start = self.at;
        self.skip(while_);
        self.text.get(start..self.at).unwrap_or_default().to_owned()
    }
}

/// Lowercase with spaces and control characters removed: how browsers see a scheme or name.
fn strip(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !c.is_control()).flat_map(char::to_lowercase).collect()
}

/// The unsafe scheme a URL starts with, if any.
fn unsafe_scheme(url: &str) -> Option<&'static str> {
    let url = strip(url);
    UNSAFE_SCHEMES.iter().copied().find(|scheme| url.starts_with(scheme))
}

/// Decodes the character references browsers decode in attribute values before reading a
/// URL (`&#58;`, `&#x3A;`, `&#58` without its `;`, `&colon;`, `&Tab;`, `&NewLine;`), in
/// one pass: each `&` looks at a bounded number of bytes beyond its own reference.
fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Longest named reference decoded, `&` and `;` included (`&NewLine;`).
const NAMED_MAX: usize = 13;

/// The character of the reference `text` starts with (`&…`) and the reference's length.
/// Numeric references need no `;` (browsers decode `&#58` too) and may have any number of
/// leading zeros.
fn reference(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let (radix, start) = if matches!(bytes.get(2), Some(b'x' | b'X')) { (16, 3) } else { (10, 2) };
        let digits = bytes[start.min(bytes.len())..].iter().take_while(|b| char::from(**b).is_digit(radix)).count();
        if digits == 0 {
            return None;
        }
        let significant = text[start..start + digits].trim_start_matches('0');
        let value = if significant.is_empty() { 0 } else { u32::from_str_radix(significant, radix).ok()? };
        let c = char::from_u32(value)?;
        let end = start + digits;
        return Some((c, if bytes.get(end) == Some(&b';') { end + 1 } else { end }));
    }
    let end = bytes.iter().take(NAMED_MAX).position(|&b| b == b';')?;
    let c = match text[1..end].to_ascii_lowercase().as_str() {
        "colon" => ':',
        "tab" => '\t',
        "newline" => '\n',
        _ => return None,
    };
    Some((c, end + 1))
}

/// Turns findings into diagnostics: every unsafe construct is an error; plain tags warn once
/// per line (and not on a line that already has an error).
fn report(path: &str, body: &Body, findings: Vec<Finding>, out: &mut Vec<Diagnostic>) {
    let mut error_lines = HashSet::new();
    let offsets: Vec<usize> = findings.iter().map(|f| f.offset).collect();
    let positioned: Vec<(Pos, Finding)> = positions(body, &offsets).into_iter().zip(findings).collect();
    let mut reported: HashSet<(usize, &str)> = HashSet::new();
    for (pos, finding) in &positioned {
        if let Some(text) = &finding.unsafe_text {
            if !reported.insert((pos.line(), text.as_str())) {
                continue;
            }
            error_lines.insert(pos.line);
            out.push(
                Diagnostic::new(
                    Code::PHtmlUnsafe,
                    path,
                    *pos,
                    format!("Nội dung chứa mã HTML/JavaScript không được phép: `{text}`"),
                )
                .with_hint("xóa đoạn mã này; nội dung chỉ viết bằng Markdown, liên kết dùng địa chỉ http(s)"),
            );
        }
    }
    let mut warned_lines = HashSet::new();
    for (pos, finding) in &positioned {
        let Some(tag) = finding.tag.as_deref().filter(|_| finding.unsafe_text.is_none()) else { continue };
        if error_lines.contains(&pos.line) || !warned_lines.insert(pos.line) {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::PHtmlRaw,
                path,
                *pos,
                format!("Nội dung chứa mã HTML `{tag}`; mã HTML không được xử lý mà hiện nguyên văn"),
            )
            .with_hint("dùng cú pháp Markdown: **đậm**, *nghiêng*, [liên kết](https://…), ![ảnh](tệp.jpg)"),
        );
    }
}

/// File line and column of each byte offset of the body, in one pass over it whatever the
/// order or number of the offsets (100,000 findings on one line stay linear).
fn positions(body: &Body, offsets: &[usize]) -> Vec<Pos> {
    let markdown = body.markdown.as_str();
    let lines = Lines::new(markdown);
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut found = vec![Pos::START; offsets.len()];
    // The last offset placed, its line and column: the next one on that line counts on.
    let (mut at, mut line, mut column) = (0, usize::MAX, 1);
    for i in order {
        let mut offset = offsets[i].min(markdown.len());
        while !markdown.is_char_boundary(offset) {
            offset -= 1;
        }
        let n = lines.line_of(offset);
        if n != line {
            (at, line, column) = (lines.start(n), n, 1);
        }
        column += markdown[at..offset].chars().count();
        at = offset;
        found[i] = Pos::new(body.first_line + n, column);
    }
    found
}

#[cfg(test)]
mod tests;
