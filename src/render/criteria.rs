//! Which of the five criteria a body section is about, read from its `##` heading as SPEC §2
//! describes: leading numbering ignored, prefix match after NFC and case folding.

use unicode_normalization::UnicodeNormalization;

/// The heading prefixes of each criterion (1–5), already NFC and lower case.
const PREFIXES: [(u8, &str); 7] = [
    (1, "nội dung học tập và làm theo bác"),
    (1, "nội dung học tập bác"),
    (2, "sự cần thiết"),
    (3, "biện pháp"),
    (4, "hiệu quả"),
    (5, "tính khả thi nhân rộng"),
    (5, "khả năng nhân rộng"),
];

/// The criterion (1–5) a section heading names, if any.
pub fn criterion_of(heading: &str) -> Option<u8> {
    let folded: String = heading.nfc().collect::<String>().to_lowercase();
    let name = strip_numbering(folded.trim());
    PREFIXES.iter().find(|(_, prefix)| name.starts_with(prefix)).map(|(number, _)| *number)
}

/// Drops a leading `1.`, `1)`, `1 -` or `I.` style number.
fn strip_numbering(heading: &str) -> &str {
    let rest = heading.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if rest.len() == heading.len() { heading.trim_start_matches(['i', 'v', 'x']) } else { rest };
    if rest.len() == heading.len() {
        return heading;
    }
    match rest.trim_start().strip_prefix(['.', ')', '-', ':', '–']) {
        Some(after) => after.trim_start(),
        None if rest.starts_with(char::is_whitespace) && rest.len() < heading.len() => rest.trim_start(),
        None => heading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_headings_as_editors_write_them() {
        assert_eq!(criterion_of("1. Nội dung học tập Bác"), Some(1));
        assert_eq!(criterion_of("Nội dung học tập và làm theo Bác"), Some(1));
        assert_eq!(criterion_of("2) SỰ CẦN THIẾT"), Some(2));
        assert_eq!(criterion_of("3. Biện pháp thực hiện"), Some(3));
        assert_eq!(criterion_of("IV. Hiệu quả"), Some(4));
        assert_eq!(criterion_of("5 Khả năng nhân rộng"), Some(5));
        // Decomposed input (NFD) still matches.
        let nfd: String = "4. Hiệu quả".nfd().collect();
        assert_eq!(criterion_of(&nfd), Some(4));
    }

    #[test]
    fn other_headings_name_no_criterion() {
        assert_eq!(criterion_of("6. Kết luận"), None);
        assert_eq!(criterion_of("Ghi chú về hiệu quả"), None);
        assert_eq!(criterion_of("Ví dụ"), None);
    }
}
