//! Lenient readers from a positioned YAML tree into typed values: a value that cannot be
//! read is simply absent (the schema rules already reported why), never a panic.

use crate::content::date::Date;
use crate::content::schema::is_placeholder;
use crate::diagnostic::Pos;
use crate::parse::yaml::Node;

/// The node at a dotted `path` (`learning.topics`, `models.2.values`; numeric parts index
/// sequences from 0).
pub fn at<'a>(node: &'a Node, path: &str) -> Option<&'a Node> {
    // Paths are short: a plain loop finds their dots faster than a memchr search set up for each.
    path.split(['.']).filter(|p| !p.is_empty()).try_fold(node, |node, part| {
        match part.starts_with(|c: char| c.is_ascii_digit()).then(|| part.parse::<usize>()) {
            Some(Ok(index)) if node.is_seq() => node.items().get(index),
            _ => node.get(part),
        }
    })
}

/// Where to point for `path`: the value if present, else the key of the nearest existing
/// ancestor, else line 1.
pub fn pos_of(node: &Node, path: &str) -> Pos {
    let mut parts: Vec<&str> = path.split('.').filter(|p| !p.is_empty()).collect();
    while !parts.is_empty() {
        let joined = parts.join(".");
        if let Some(found) = at(node, &joined) {
            return found.pos;
        }
        parts.pop();
    }
    Pos::START
}

/// Where the key of `path` stands (the key line is where editors look for a field).
pub fn key_pos_of(node: &Node, path: &str) -> Pos {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let parent_node = if parent.is_empty() { Some(node) } else { at(node, parent) };
    match parent_node.and_then(|p| p.entry(key)) {
        Some(entry) => entry.key_pos,
        None => pos_of(node, path),
    }
}

/// A trimmed string that is not a placeholder.
pub fn string(node: &Node, path: &str) -> Option<String> {
    at(node, path)
        .and_then(Node::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty() && !is_placeholder(s))
        .map(str::to_owned)
}

/// A calendar date.
pub fn date(node: &Node, path: &str) -> Option<Date> {
    at(node, path).and_then(Node::as_text).and_then(Date::parse)
}

/// A YAML integer.
pub fn int(node: &Node, path: &str) -> Option<i64> {
    at(node, path).and_then(Node::as_int)
}

/// A YAML number.
pub fn number(node: &Node, path: &str) -> Option<f64> {
    at(node, path).and_then(Node::as_number)
}

/// A YAML boolean.
pub fn boolean(node: &Node, path: &str) -> Option<bool> {
    at(node, path).and_then(Node::as_bool)
}

/// The readable strings of a list.
pub fn strings(node: &Node, path: &str) -> Vec<String> {
    at(node, path)
        .map(|list| {
            list.items()
                .iter()
                .filter_map(Node::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty() && !is_placeholder(s))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The items of a list at `path`.
pub fn items<'a>(node: &'a Node, path: &str) -> &'a [Node] {
    at(node, path).map_or(&[], Node::items)
}

/// A code of a closed vocabulary, read through `from_code`.
pub fn code<T>(node: &Node, path: &str, from_code: fn(&str) -> Option<T>) -> Option<T> {
    at(node, path).and_then(Node::as_str).and_then(|s| from_code(s.trim()))
}
