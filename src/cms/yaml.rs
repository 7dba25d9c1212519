//! A small ordered YAML tree and its block-style text, for the Decap CMS configuration:
//! keys keep the order they were written in (label, name, widget first reads best), and
//! strings are quoted only when plain text could be read as something else.

use std::fmt::Write;

/// A YAML value, with mappings in insertion order.
#[derive(Clone, Debug, PartialEq)]
pub enum Yaml {
    Str(String),
    Int(i64),
    Bool(bool),
    Seq(Vec<Yaml>),
    Map(Vec<(&'static str, Yaml)>),
}

impl Yaml {
    /// An empty mapping, to fill with [`Yaml::with`].
    pub fn map() -> Yaml {
        Yaml::Map(Vec::new())
    }

    /// The mapping with `key: value` appended.
    pub fn with(mut self, key: &'static str, value: impl Into<Yaml>) -> Yaml {
        if let Yaml::Map(entries) = &mut self {
            entries.push((key, value.into()));
        }
        self
    }

    /// The value of `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Str(text) => Some(text),
            _ => None,
        }
    }

    /// The document as block-style YAML text, ending with a newline.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        match self {
            Yaml::Map(entries) if !entries.is_empty() => write_map(&mut out, entries, 0, false),
            Yaml::Seq(items) if !items.is_empty() => write_seq(&mut out, items, 0),
            scalar => {
                out.push_str(&inline(scalar));
                out.push('\n');
            }
        }
        out
    }
}

impl From<&str> for Yaml {
    fn from(text: &str) -> Yaml {
        Yaml::Str(text.to_owned())
    }
}

impl From<String> for Yaml {
    fn from(text: String) -> Yaml {
        Yaml::Str(text)
    }
}

impl From<bool> for Yaml {
    fn from(value: bool) -> Yaml {
        Yaml::Bool(value)
    }
}

impl From<i64> for Yaml {
    fn from(value: i64) -> Yaml {
        Yaml::Int(value)
    }
}

impl From<usize> for Yaml {
    fn from(value: usize) -> Yaml {
        Yaml::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<Vec<Yaml>> for Yaml {
    fn from(items: Vec<Yaml>) -> Yaml {
        Yaml::Seq(items)
    }
}

/// Whether a value is written on its key's line (`key: value`).
fn is_inline(value: &Yaml) -> bool {
    match value {
        Yaml::Seq(items) => items.is_empty(),
        Yaml::Map(entries) => entries.is_empty(),
        _ => true,
    }
}

fn inline(value: &Yaml) -> String {
    match value {
        Yaml::Str(text) => scalar(text),
        Yaml::Int(n) => n.to_string(),
        Yaml::Bool(b) => b.to_string(),
        Yaml::Seq(_) => "[]".to_owned(),
        Yaml::Map(_) => "{}".to_owned(),
    }
}

/// Writes `entries` at `indent`; `after_dash`: the first one follows a sequence's `- `.
fn write_map(out: &mut String, entries: &[(&'static str, Yaml)], indent: usize, after_dash: bool) {
    for (index, (key, value)) in entries.iter().enumerate() {
        if index > 0 || !after_dash {
            out.push_str(&" ".repeat(indent));
        }
        if is_inline(value) {
            let _ = writeln!(out, "{key}: {}", inline(value));
            continue;
        }
        let _ = writeln!(out, "{key}:");
        match value {
            Yaml::Map(inner) => write_map(out, inner, indent + 2, false),
            Yaml::Seq(items) => write_seq(out, items, indent + 2),
            _ => {}
        }
    }
}

fn write_seq(out: &mut String, items: &[Yaml], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            Yaml::Map(entries) if !entries.is_empty() => write_map(out, entries, indent + 2, true),
            Yaml::Seq(inner) if !inner.is_empty() => {
                out.push('\n');
                write_seq(out, inner, indent + 2);
            }
            scalar => {
                out.push_str(&inline(scalar));
                out.push('\n');
            }
        }
    }
}

/// A string as a YAML scalar: plain when it cannot be misread, else double-quoted (JSON
/// escapes are valid YAML).
fn scalar(text: &str) -> String {
    const RESERVED: [&str; 11] = ["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", ""];
    let plain = text.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '/')
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "_-./*".contains(c))
        && !RESERVED.contains(&text.to_ascii_lowercase().as_str());
    if plain { text.to_owned() } else { serde_json::Value::String(text.to_owned()).to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_blocks_in_order_and_reads_back() {
        let doc = Yaml::map()
            .with("backend", Yaml::map().with("name", "github").with("repo", "btg/mo-hinh"))
            .with("local_backend", true)
            .with(
                "fields",
                vec![
                    Yaml::map().with("label", "Tên mô hình").with("name", "title").with("min", 5_usize),
                    Yaml::map().with("name", "tags").with("options", vec![Yaml::from("a"), Yaml::from("yes")]),
                    Yaml::map().with("name", "empty").with("fields", Vec::<Yaml>::new()).with("o", Yaml::map()),
                ],
            )
            .with("pattern", vec![Yaml::from("^[a-z0-9]+(-[a-z0-9]+)*$"), Yaml::from("mã: \"x\"\n")]);
        let text = doc.to_text();
        assert_eq!(
            text,
            "backend:\n  name: github\n  repo: btg/mo-hinh\nlocal_backend: true\nfields:\n  - label: \"Tên mô hình\"\n    name: title\n    min: 5\n  - name: tags\n    options:\n      - a\n      - \"yes\"\n  - name: empty\n    fields: []\n    o: {}\npattern:\n  - \"^[a-z0-9]+(-[a-z0-9]+)*$\"\n  - \"mã: \\\"x\\\"\\n\"\n"
        );
        let back: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(back["fields"][0]["label"], "Tên mô hình");
        assert_eq!(back["fields"][1]["options"][1], "yes");
        assert_eq!(back["pattern"][1], "mã: \"x\"\n");
        assert_eq!(back["local_backend"], true);
    }
}
