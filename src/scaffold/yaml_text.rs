//! Writing values and comments into YAML templates safely.

use crate::scaffold::placeholder;

/// `text` as a double-quoted YAML scalar (JSON string syntax is valid YAML).
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// A placeholder as a quoted YAML scalar.
pub fn fill(what: &str) -> String {
    quoted(&placeholder(what))
}

/// `text` made safe for a one-line YAML comment (content may hold line breaks).
pub fn comment(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The codes of a vocabulary joined for guidance: `a, b hoặc c`.
pub fn choices<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let codes: Vec<&str> = codes.into_iter().collect();
    match codes.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} hoặc {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_owned(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_cleans() {
        assert_eq!(quoted("Tên \"A\"\nB"), r#""Tên \"A\"\nB""#);
        assert_eq!(fill("ngày"), "\"«Cần điền: ngày»\"");
        assert_eq!(comment("a\nb\tc"), "a b c");
        assert_eq!(choices(["a", "b", "c"]), "a, b hoặc c");
        assert_eq!(choices(["a"]), "a");
    }
}
