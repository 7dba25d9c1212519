//! A fast path for the YAML people actually write in front matter: block mappings with plain
//! keys, block sequences (`- ` items, mappings among them), one-line flow sequences of plain
//! words and double-quoted strings, one-line plain and double-quoted scalars, empty values and
//! `# comments`.
//!
//! It builds exactly the tree the event parser would build, positions included, or declines
//! (`None`) at the first thing it does not fully handle: tabs, control characters, anchors,
//! aliases, tags, single quotes, block scalars, flow mappings, nested flow, multi-line
//! scalars, indentless sequences, empty sequence items, uncommon escapes, duplicate keys,
//! document markers, directives, unusual keys, deep nesting. Declined text goes through the
//! event parser, which gives every diagnostic; the fast path never gives one.

use super::{Entry, Node, Scalar, Value};
use crate::diagnostic::Pos;

/// Deepest nesting of collections the fast path builds.
const MAX_DEPTH: usize = 32;

/// Most entries of one mapping: duplicates are found by comparing with every earlier key.
const MAX_KEYS: usize = 64;

/// Longest key, in bytes (YAML bounds implicit keys at 1024 characters).
const MAX_KEY_LEN: usize = 128;

/// The tree of `text`, whose first line is line `first_line` of its file, when the text
/// stays within the subset above and is a non-empty block mapping; `None` otherwise.
pub(super) fn parse(text: &str, first_line: usize) -> Option<Node> {
    if !simple_characters(text.as_bytes()) {
        return None;
    }
    let mut reader = Reader { rest: text, index: 0, peeked: None, first_line, entries: Vec::new(), items: Vec::new() };
    let first = reader.next_line()?;
    if first.indent != 0 {
        return None;
    }
    reader.map(first, 0, 1)
}

/// Whether `bytes` hold no tab, CR, other control character, BOM, C1 control, non-character
/// or Unicode line separator: text the event parser might read differently or refuse.
fn simple_characters(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let refused = match b {
            b'\n' | 0x20..=0x7e => false,
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            0xe2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)),
            0xef => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
            ),
            0x80..=0xff => false,
            _ => true,
        };
        if refused {
            return false;
        }
        i += 1;
    }
    true
}

/// One line that holds more than blanks and a comment.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    /// Line number within the YAML text, from 0.
    index: usize,
    /// Leading spaces.
    indent: usize,
}

struct Reader<'a> {
    /// Text after the lines read so far.
    rest: &'a str,
    /// Index of the first line of `rest`.
    index: usize,
    peeked: Option<Line<'a>>,
    first_line: usize,
    /// Entries of the open mappings, innermost last: each mapping is moved into a vector of
    /// its exact size when it ends (the trees of a whole site are held at once).
    entries: Vec<Entry>,
    /// Items of the open sequences, the same way.
    items: Vec<Node>,
}

impl<'a> Reader<'a> {
    /// The next line with content, without consuming it.
    fn peek(&mut self) -> Option<Line<'a>> {
        if self.peeked.is_none() {
            self.peeked = self.scan();
        }
        self.peeked
    }

    /// The next line with content, consumed.
    fn next_line(&mut self) -> Option<Line<'a>> {
        self.peek();
        self.peeked.take()
    }

    fn scan(&mut self) -> Option<Line<'a>> {
        while !self.rest.is_empty() {
            let (text, rest) = match memchr::memchr(b'\n', self.rest.as_bytes()) {
                Some(end) => (&self.rest[..end], &self.rest[end + 1..]),
                None => (self.rest, ""),
            };
            self.rest = rest;
            let index = self.index;
            self.index += 1;
            let indent = text.len() - text.trim_start_matches(' ').len();
            if indent < text.len() && text.as_bytes()[indent] != b'#' {
                return Some(Line { text, index, indent });
            }
        }
        None
    }

    /// The position of the character at `column` (from 1) of `line`. Before a block value
    /// there are only spaces, `- ` and ASCII keys, so its byte offset plus one is its column.
    fn pos(&self, line: Line<'_>, column: usize) -> Pos {
        Pos::new(line.index + self.first_line, column)
    }

    /// The block mapping whose first key starts at byte `indent` of `line` (consumed), with
    /// every following line of that indentation and the lines nested below them.
    fn map(&mut self, mut line: Line<'a>, indent: usize, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let pos = self.pos(line, indent + 1);
        let start = self.entries.len();
        loop {
            let key_len = key_len(&line.text[indent..])?;
            let key = &line.text[indent..indent + key_len];
            if self.entries.len() - start >= MAX_KEYS || self.entries[start..].iter().any(|e| &*e.key == key) {
                return None;
            }
            let colon = indent + key_len;
            let after = colon + 1;
            let value_at = after + (line.text.len() - after - line.text[after..].trim_start_matches(' ').len());
            let value = if value_at == line.text.len() || line.text.as_bytes()[value_at] == b'#' {
                match self.peek() {
                    Some(next) if next.indent > indent => {
                        self.next_line();
                        self.block(next, depth + 1)?
                    }
                    Some(next) if next.indent == indent && is_item(&next.text[indent..]) => return None,
                    _ => Node { pos: self.pos(line, colon + 1), value: Value::Null },
                }
            } else {
                self.inline(line, value_at)?
            };
            self.entries.push(Entry {
                key: crate::parse::keys::share(key),
                key_pos: self.pos(line, indent + 1),
                value,
            });
            match self.peek() {
                Some(next) if next.indent == indent => line = self.next_line()?,
                Some(next) if next.indent > indent => return None,
                _ => break,
            }
        }
        Some(Node { pos, value: Value::Map(self.entries.drain(start..).collect()) })
    }

    /// The collection that starts on `line` (consumed), more indented than its key.
    fn block(&mut self, line: Line<'a>, depth: usize) -> Option<Node> {
        if is_item(&line.text[line.indent..]) { self.seq(line, depth) } else { self.map(line, line.indent, depth) }
    }

    /// The block sequence whose first `- ` is on `line` (consumed).
    fn seq(&mut self, mut line: Line<'a>, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let indent = line.indent;
        let pos = self.pos(line, indent + 1);
        let start = self.items.len();
        loop {
            let after = indent + 1;
            let at = after + (line.text.len() - after - line.text[after..].trim_start_matches(' ').len());
            let rest = &line.text[at..];
            if rest.is_empty() || rest.starts_with('#') {
                return None;
            }
            let item = if key_len(rest).is_some() { self.map(line, at, depth + 1)? } else { self.inline(line, at)? };
            self.items.push(item);
            match self.peek() {
                Some(next) if next.indent == indent && is_item(&next.text[indent..]) => line = self.next_line()?,
                Some(next) if next.indent >= indent => return None,
                _ => break,
            }
        }
        Some(Node { pos, value: Value::Seq(self.items.drain(start..).collect()) })
    }

    /// The value that starts at byte `at` of `line` and ends the line (a comment may follow).
    fn inline(&mut self, line: Line<'_>, at: usize) -> Option<Node> {
        let text = &line.text[at..];
        let pos = self.pos(line, at + 1);
        let value = match text.as_bytes() {
            [b'"', ..] => {
                let (value, len) = quoted(text)?;
                if !comment_or_nothing(&text[len..]) {
                    return None;
                }
                value
            }
            [b'[', ..] => return self.flow(line, at),
            [b'-'] | [b'-', b' ', ..] => return None,
            [
                b'\'' | b'|' | b'>' | b'&' | b'*' | b'!' | b'{' | b'}' | b']' | b'%' | b'@' | b'`' | b',' | b'?' | b':',
                ..,
            ] => {
                return None;
            }
            _ => plain(text)?,
        };
        Some(Node { pos, value })
    }

    /// The one-line flow sequence of plain words and double-quoted strings whose `[` is at
    /// byte `at` of `line`.
    fn flow(&mut self, line: Line<'_>, at: usize) -> Option<Node> {
        let bytes = line.text.as_bytes();
        // Columns are counted in characters, from the last item on, so a long line is read once.
        let (mut counted, mut col) = (at, at + 1);
        let pos = self.pos(line, col);
        let first = self.items.len();
        let mut i = at + 1;
        loop {
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            if self.items.len() == first && bytes.get(i) == Some(&b']') {
                break;
            }
            let start = i;
            col += line.text[counted..start].chars().count();
            counted = start;
            let pos = self.pos(line, col);
            if bytes.get(i) == Some(&b'"') {
                let (value, len) = quoted(&line.text[i..])?;
                i += len;
                while bytes.get(i) == Some(&b' ') {
                    i += 1;
                }
                let end = *bytes.get(i).filter(|b| matches!(b, b',' | b']'))?;
                self.items.push(Node { pos, value });
                i += 1;
                if end == b']' {
                    break;
                }
                continue;
            }
            match bytes.get(i) {
                None | Some(b' ' | b',' | b'?' | b'&' | b'*' | b'!' | b'|' | b'>' | b'%' | b'@' | b'`') => return None,
                Some(b'-') if matches!(bytes.get(i + 1), None | Some(b' ' | b',' | b']')) => return None,
                _ => {}
            }
            while let Some(&b) = bytes.get(i) {
                match b {
                    b',' | b']' => break,
                    b'[' | b'{' | b'}' | b'#' | b':' | b'"' | b'\'' => return None,
                    _ => i += 1,
                }
            }
            let end = bytes.get(i).copied()?;
            let word = line.text[start..i].trim_end_matches(' ');
            if word.is_empty() {
                return None;
            }
            self.items.push(Node { pos, value: plain_value(word) });
            i += 1;
            if end == b']' {
                break;
            }
        }
        if !comment_or_nothing(&line.text[i..]) {
            return None;
        }
        Some(Node { pos, value: Value::Seq(self.items.drain(first..).collect()) })
    }
}

/// Length of the plain key that starts `text` when a `:` and a space or the line end follow
/// it: ASCII letters, digits, `_`, `-` and `.`, starting with a letter, a digit or `_`, and
/// not a spelling of null.
fn key_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.first().is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
        return None;
    }
    let len = bytes.iter().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))?;
    let ends = bytes[len] == b':' && matches!(bytes.get(len + 1), None | Some(b' '));
    (ends && len <= MAX_KEY_LEN && !matches!(&text[..len], "null" | "Null" | "NULL")).then_some(len)
}

/// Whether `text` (from a line's indentation on) is a block sequence entry.
fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// Whether `rest`, after a value, holds only spaces, possibly then a comment.
fn comment_or_nothing(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.len() < rest.len() && trimmed.starts_with('#'))
}

/// A plain scalar running to the end of the line or to ` #`.
fn plain(text: &str) -> Option<Value> {
    let end = text.find(" #").unwrap_or(text.len());
    let text = text[..end].trim_end_matches(' ');
    if text.ends_with(':') || text.contains(": ") {
        return None;
    }
    Some(plain_value(text))
}

fn plain_value(text: &str) -> Value {
    if matches!(text, "~" | "null" | "Null" | "NULL") {
        Value::Null
    } else {
        Value::Scalar(Scalar { text: text.into(), plain: true })
    }
}

/// The double-quoted scalar that starts `text` and closes on its line, with only the escapes
/// `\"`, `\\`, `\/`, `\n` and `\t`, and its length in bytes, quotes included.
fn quoted(text: &str) -> Option<(Value, usize)> {
    let bytes = text.as_bytes();
    let mut unescaped = String::new();
    let (mut start, mut i) = (1, 1);
    loop {
        match bytes.get(i)? {
            b'"' => break,
            b'\\' => {
                let escaped = match bytes.get(i + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'n' => '\n',
                    b't' => '\t',
                    _ => return None,
                };
                unescaped.push_str(&text[start..i]);
                unescaped.push(escaped);
                i += 2;
                start = i;
            }
            _ => i += 1,
        }
    }
    let value = if unescaped.is_empty() {
        text[start..i].to_owned()
    } else {
        unescaped.push_str(&text[start..i]);
        unescaped
    };
    Some((Value::Scalar(Scalar { text: value.into_boxed_str(), plain: false }), i + 1))
}

#[cfg(test)]
mod tests;
