//! YAML text into a tree that keeps the line and column of every key and value.
//!
//! Scalars stay text: a date or a number is interpreted later by the reader that knows what
//! the field should hold, so `31/02/2023` can be reported as an invalid date, never as a YAML
//! error. Anchors, aliases and tags are refused (P-YAML-FEATURE), duplicate keys are errors
//! (P-DUP-KEY), and nesting is bounded so hostile input cannot exhaust the stack.

use std::collections::HashSet;
use std::sync::Arc;

use granit_parser::{Event, Parser, ScalarStyle, Span};

use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::controls::{has_xml_forbidden, is_xml_forbidden};

mod explain;
mod fast;

/// Deepest nesting of collections accepted in front matter.
const MAX_DEPTH: usize = 64;

/// A YAML node with the position where its value starts. The trees of every file are held
/// until the checker is done, so they keep no spare capacity (boxed slices and strings).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

/// The value of a node. Plain scalars that spell null (`~`, `null`, empty) become `Null`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Scalar(Scalar),
    Seq(Box<[Node]>),
    Map(Box<[Entry]>),
}

/// A scalar as written, and whether it was plain (unquoted), which decides whether it may
/// be read as a number or a boolean.
#[derive(Clone, Debug, PartialEq)]
pub struct Scalar {
    pub text: Box<str>,
    pub plain: bool,
}

/// One `key: value` pair of a mapping; equal keys share one string (see `keys`).
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: Arc<str>,
    pub key_pos: Pos,
    pub value: Node,
}

impl Node {
    /// The entries of a mapping; empty for any other value.
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The entry for `key` of a mapping.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| *e.key == *key)
    }

    /// The value of `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The items of a sequence; empty for any other value.
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    pub fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }

    pub fn is_seq(&self) -> bool {
        matches!(self.value, Value::Seq(_))
    }

    /// The text of a scalar, quoted or not (numbers and dates included).
    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) => Some(&s.text),
            _ => None,
        }
    }

    /// Whether the value is a scalar written without quotes.
    pub fn is_plain(&self) -> bool {
        matches!(&self.value, Value::Scalar(s) if s.plain)
    }

    /// A string value: any scalar that is not a plain boolean.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) if !(s.plain && parse_bool(&s.text).is_some()) => Some(&s.text),
            _ => None,
        }
    }

    /// A YAML integer (plain scalar only).
    pub fn as_int(&self) -> Option<i64> {
        match &self.value {
            Value::Scalar(s) if s.plain => parse_int(&s.text),
            _ => None,
        }
    }

    /// A YAML number, int or float with a dot decimal (plain scalar only).
    pub fn as_number(&self) -> Option<f64> {
        match &self.value {
            Value::Scalar(s) if s.plain => parse_number(&s.text),
            _ => None,
        }
    }

    /// A YAML boolean (plain `true`/`false`).
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Scalar(s) if s.plain => parse_bool(&s.text),
            _ => None,
        }
    }

    /// A short Vietnamese name of the kind of value, for type errors.
    pub fn kind_label(&self) -> &'static str {
        match &self.value {
            Value::Null => "rỗng",
            Value::Scalar(s) if s.plain && parse_bool(&s.text).is_some() => "đúng/sai",
            Value::Scalar(s) if s.plain && parse_number(&s.text).is_some() => "số",
            Value::Scalar(_) => "chuỗi",
            Value::Seq(_) => "danh sách",
            Value::Map(_) => "nhóm trường",
        }
    }
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn parse_int(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn parse_number(text: &str) -> Option<f64> {
    if let Some(i) = parse_int(text) {
        return Some(i as f64);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let valid = !unsigned.is_empty()
        && unsigned.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && unsigned.bytes().next().is_some_and(|b| b.is_ascii_digit() || b == b'.')
        && unsigned.bytes().filter(|&b| b == b'.').count() <= 1;
    if !valid {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Parses YAML `text` whose first line is line `first_line` of the file at `path`.
///
/// Problems are pushed to `out`. Returns `None` when the text is not valid YAML (P-YAML);
/// an empty document gives a `Null` node. Usual front matter is read by a fast path
/// ([`fast`]); anything else, and every problem, goes through the full event parser.
pub fn parse_yaml(text: &str, first_line: usize, path: &str, out: &mut Vec<Diagnostic>) -> Option<Node> {
    let node = fast::parse(text, first_line).or_else(|| parse_events(text, first_line, path, out))?;
    // Only an escape (`"\x01"`) puts a control character in a value: YAML refuses them as written.
    if text.contains('\\') {
        report_controls(&node, path, out);
    }
    Some(node)
}

/// P-YAML for every value holding a character that has no place in text (`parse::controls`),
/// written as an escape: it shows nowhere and the feed and Word files leave it out.
fn report_controls(node: &Node, path: &str, out: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Scalar(scalar) if has_xml_forbidden(&scalar.text) => {
            let found = scalar.text.chars().find(|&c| is_xml_forbidden(c)).unwrap_or_default();
            out.push(
                Diagnostic::new(
                    Code::PYaml,
                    path,
                    node.pos,
                    format!(
                        "Giá trị chứa ký tự điều khiển U+{:04X} (viết bằng mã thoát `\\`), không hiển thị được",
                        u32::from(found)
                    ),
                )
                .with_hint("xóa mã thoát đó khỏi giá trị; xuống dòng thì dùng khối `|`"),
            );
        }
        Value::Seq(items) => items.iter().for_each(|item| report_controls(item, path, out)),
        Value::Map(entries) => entries.iter().for_each(|entry| report_controls(&entry.value, path, out)),
        _ => {}
    }
}

/// [`parse_yaml`] through the full event parser: any YAML, with its diagnostics.
fn parse_events(text: &str, first_line: usize, path: &str, out: &mut Vec<Diagnostic>) -> Option<Node> {
    let mut builder = Builder { text, first_line, path, out, stack: Vec::new(), root: None };
    let mut parser = Parser::new_from_str(text);
    while let Some(result) = parser.next_event() {
        match result {
            Ok((event, span)) => {
                if let Err(stop) = builder.event(event, span) {
                    builder.out.push(stop);
                    return None;
                }
            }
            Err(error) => {
                let marker = error.marker();
                let pos = Pos::new(marker.line() + first_line - 1, marker.col() + 1);
                let (problem, fix) = explain::explain(&error.info());
                builder.out.push(
                    Diagnostic::new(
                        Code::PYaml,
                        path,
                        pos,
                        format!("Lỗi cú pháp YAML tại dòng {}: {problem}", pos.line),
                    )
                    .with_hint(fix),
                );
                return None;
            }
        }
    }
    Some(builder.root.unwrap_or(Node { pos: Pos::new(first_line, 1), value: Value::Null }))
}

/// An open collection while events stream in.
enum Frame {
    Seq {
        pos: Pos,
        items: Vec<Node>,
    },
    /// `keys` holds the keys of `entries`, so a duplicate is found at once however many
    /// keys a hostile mapping has.
    Map {
        pos: Pos,
        entries: Vec<Entry>,
        keys: HashSet<Box<str>>,
        key: Option<(Box<str>, Pos)>,
    },
}

struct Builder<'a> {
    text: &'a str,
    first_line: usize,
    path: &'a str,
    out: &'a mut Vec<Diagnostic>,
    stack: Vec<Frame>,
    root: Option<Node>,
}

impl Builder<'_> {
    fn pos(&self, span: &Span) -> Pos {
        Pos::new(span.start.line() + self.first_line - 1, span.start.col() + 1)
    }

    /// Where the marker (`&` of an anchor, `!` of a tag) of the node starting at `span`
    /// (position `pos`) stands: the first of the nearest run of markers before the node on
    /// its line; `pos` itself when the marker is on an earlier line. The scan goes back from
    /// the node and stops at the marker or the line's start, so a file of many anchors costs
    /// no more than its length.
    fn marker_pos(&self, span: &Span, pos: Pos, marker: u8) -> Pos {
        let Some(end) = span.start.byte_offset().filter(|&end| self.text.is_char_boundary(end)) else { return pos };
        let before = &self.text.as_bytes()[..end];
        let nearest = before.iter().rposition(|&b| b == marker || b == b'\n');
        let Some(mut at) = nearest.filter(|&at| before[at] == marker) else { return pos };
        while at > 0 && before[at - 1] == marker {
            at -= 1;
        }
        let distance = self.text[at..end].chars().count() as u32;
        Pos { line: pos.line, column: pos.column.saturating_sub(distance) }
    }

    /// P-YAML-FEATURE for the anchor or tag (written with `marker`) of the node at `span`.
    fn marked(&mut self, span: &Span, marker: u8, what: &str) {
        let at = self.marker_pos(span, self.pos(span), marker);
        self.feature(at, what);
    }

    fn feature(&mut self, pos: Pos, what: &str) {
        self.out.push(
            Diagnostic::new(
                Code::PYamlFeature,
                self.path,
                pos,
                format!("Không dùng {what} trong phần khai báo đầu tệp"),
            )
            .with_hint("viết đầy đủ giá trị tại chỗ; không dùng `&`, `*` hoặc `!`"),
        );
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), Diagnostic> {
        let pos = self.pos(&span);
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 {
                    self.marked(&span, b'&', "neo (anchor `&`)");
                }
                if tag.is_some() {
                    self.marked(&span, b'!', "thẻ kiểu (tag `!`)");
                }
                let plain = style == ScalarStyle::Plain;
                let value = if plain && matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL") {
                    Value::Null
                } else {
                    Value::Scalar(Scalar { text: text.into(), plain })
                };
                self.push(Node { pos, value })
            }
            Event::Alias(_) => {
                self.feature(pos, "bí danh (alias `*`)");
                self.push(Node { pos, value: Value::Null })
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 {
                    self.marked(&span, b'&', "neo (anchor `&`)");
                }
                if tag.is_some() {
                    self.marked(&span, b'!', "thẻ kiểu (tag `!`)");
                }
                if self.stack.len() >= MAX_DEPTH {
                    return Err(Diagnostic::new(
                        Code::PYaml,
                        self.path,
                        pos,
                        format!("Lỗi cú pháp YAML tại dòng {}: lồng nhau quá {MAX_DEPTH} cấp", pos.line),
                    ));
                }
                self.stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq { pos, items: Vec::new() }
                } else {
                    Frame::Map { pos, entries: Vec::new(), keys: HashSet::new(), key: None }
                });
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Frame::Seq { pos, items }) => Node { pos, value: Value::Seq(items.into_boxed_slice()) },
                    Some(Frame::Map { pos, entries, .. }) => {
                        Node { pos, value: Value::Map(entries.into_boxed_slice()) }
                    }
                    None => return Ok(()),
                };
                self.push(node)
            }
            Event::DocumentStart(..) if self.root.is_some() => Err(Diagnostic::new(
                Code::PYaml,
                self.path,
                pos,
                format!("Lỗi cú pháp YAML tại dòng {}: chỉ được có một tài liệu YAML", pos.line),
            )),
            _ => Ok(()),
        }
    }

    /// Places a finished node into its parent (or as the root).
    fn push(&mut self, node: Node) -> Result<(), Diagnostic> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map { entries, keys, key, .. }) => match key.take() {
                Some((name, key_pos)) => {
                    if !keys.insert(name.clone()) {
                        self.out.push(
                            Diagnostic::new(
                                Code::PDupKey,
                                self.path,
                                key_pos,
                                format!("Khóa `{name}` khai báo hai lần"),
                            )
                            .with_hint("xóa một trong hai dòng hoặc gộp nội dung vào một khóa"),
                        );
                    } else {
                        entries.push(Entry { key: crate::parse::keys::share(&name), key_pos, value: node });
                    }
                    Ok(())
                }
                None => match node.value {
                    Value::Scalar(s) => {
                        *key = Some((s.text, node.pos));
                        Ok(())
                    }
                    Value::Null => {
                        *key = Some((Box::default(), node.pos));
                        Ok(())
                    }
                    _ => Err(Diagnostic::new(
                        Code::PYaml,
                        self.path,
                        node.pos,
                        format!("Lỗi cú pháp YAML tại dòng {}: khóa phải là một chuỗi", node.pos.line),
                    )),
                },
            },
        }
    }
}

#[cfg(test)]
mod tests;
