//! Text cut to a length at a word boundary, with an ellipsis: card summaries (the `excerpt`
//! filter of the templates) and chart labels. The search script cuts its snippets the same way.

/// `text` (trimmed) cut to at most `max` characters before the ellipsis, at the last space
/// when there is one in the second half, without trailing punctuation: "một hai ba…".
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if cut[..space].chars().count() >= max / 2 => &cut[..space],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '–' | '-')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_a_space_without_trailing_punctuation() {
        assert_eq!(excerpt("ngắn ", 10), "ngắn");
        assert_eq!(excerpt("một hai ba bốn năm sáu", 12), "một hai ba…");
        assert_eq!(excerpt("một, hai, ba bốn", 10), "một, hai…");
        // No space in the second half: the word is cut.
        assert_eq!(excerpt("mộthaibabốn", 5), "mộtha…");
        assert_eq!(excerpt("a mộthaibabốnnăm", 8), "a mộthai…");
    }
}
