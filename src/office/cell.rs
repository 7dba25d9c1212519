//! Spreadsheet text cells made inert: a cell whose text starts with `=`, `+`, `-`, `@`, a
//! tab or a carriage return would be read as a formula by some programs (OWASP "CSV
//! injection"), so such text gets a leading apostrophe. Content comes from pull requests.

use std::borrow::Cow;

/// `text` safe to put in a spreadsheet cell (CSV field or `.xlsx` text cell).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn leading_formula_characters_get_an_apostrophe() {
        for text in ["=1+1", "+84", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(text), format!("'{text}"));
        }
        assert_eq!(neutralise("Chi bộ = 2"), "Chi bộ = 2");
        assert_eq!(neutralise(""), "");
    }
}
