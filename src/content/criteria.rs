//! The five criteria of the guidance (HD §II) as they appear in a model's body: their names,
//! and which `##` section names which criterion (SPEC §2: leading numbering ignored, prefix
//! match after NFC and case folding). The checker and the model page both read sections
//! through this one definition.

use unicode_normalization::UnicodeNormalization;

use crate::content::schema::plain_nfc_len;
use crate::search::fold;

/// The names of the criteria 1–5, as headings show them.
pub const CRITERIA: [&str; 5] =
    ["Nội dung học tập Bác", "Sự cần thiết", "Biện pháp", "Hiệu quả", "Tính khả thi nhân rộng"];

/// "1 = Nội dung học tập Bác; 2 = Sự cần thiết; …": what each criterion number stands for,
/// for messages and form hints.
pub fn legend() -> String {
    CRITERIA.iter().enumerate().map(|(i, name)| format!("{} = {name}", i + 1)).collect::<Vec<_>>().join("; ")
}

/// The heading prefixes of each criterion (1–5), NFC and lower case.
const PREFIXES: [(u8, &str); 7] = [
    (1, "nội dung học tập và làm theo bác"),
    (1, "nội dung học tập bác"),
    (2, "sự cần thiết"),
    (3, "biện pháp"),
    (4, "hiệu quả"),
    (5, "tính khả thi nhân rộng"),
    (5, "khả năng nhân rộng"),
];

/// The length of the longest prefix, in characters.
const LONGEST_PREFIX: usize = 32;

/// The criterion (1–5) a section heading names, if any.
pub fn criterion_of(heading: &str) -> Option<u8> {
    let heading = strip_numbering(heading);
    let name: String = if plain_nfc_len(heading).is_some() {
        // Such text is NFC, and so is its lower case (tested below): no normalization pass.
        // As far as the longest prefix reaches: headings can be long.
        heading.chars().flat_map(char::to_lowercase).take(LONGEST_PREFIX).collect()
    } else {
        heading.nfc().flat_map(char::to_lowercase).nfc().collect()
    };
    PREFIXES.iter().find(|(_, prefix)| name.starts_with(prefix)).map(|(number, _)| *number)
}

/// The criterion (1–5) a heading would name with its diacritics right (`4 Hieu qua`, `2. Sự
/// càn thiết`): a near miss the checker points at, as SPEC §2 matches diacritics exactly.
pub fn criterion_of_folded(heading: &str) -> Option<u8> {
    let name = fold(strip_numbering(heading));
    PREFIXES.iter().find(|(_, prefix)| name.starts_with(&fold(prefix))).map(|(number, _)| *number)
}

/// The number a heading starts with (`4.`, `(4)`, `IV-`), if any.
pub fn leading_number(heading: &str) -> Option<u32> {
    let heading = heading.trim_start();
    let inner = heading.strip_prefix('(').unwrap_or(heading);
    let digits = inner.find(|c: char| !c.is_ascii_digit()).unwrap_or(inner.len());
    if digits > 0 {
        return inner[..digits].parse().ok();
    }
    let roman = inner.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'i' | 'v' | 'x')).unwrap_or(inner.len());
    if roman == 0 || !inner[roman..].starts_with(['.', ')', '-', ':', '–']) {
        return None;
    }
    const ROMAN: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    let numeral = inner[..roman].to_ascii_lowercase();
    ROMAN.iter().position(|r| *r == numeral).map(|i| i as u32 + 1)
}

/// Drops leading numbering such as `1.`, `(1)`, `2)`, `IV-` or `iv.` from a heading (the
/// model page numbers criteria itself: "Tiêu chí 1. Nội dung học tập Bác").
pub fn strip_numbering(heading: &str) -> &str {
    let heading = heading.trim_start();
    let inner = heading.strip_prefix('(').unwrap_or(heading);
    let digits = inner.find(|c: char| !c.is_ascii_digit()).unwrap_or(inner.len());
    let roman = inner.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'i' | 'v' | 'x')).unwrap_or(inner.len());
    let rest = if digits > 0 {
        &inner[digits..]
    } else if roman > 0 && inner[roman..].starts_with(['.', ')', '-', ':', '–']) {
        &inner[roman..]
    } else {
        return heading;
    };
    rest.trim_start_matches(|c: char| matches!(c, '.' | ')' | ':' | '-' | '–' | '—') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::plainly_nfc;

    #[test]
    fn the_longest_prefix_is_known() {
        assert_eq!(PREFIXES.iter().map(|(_, p)| p.chars().count()).max(), Some(LONGEST_PREFIX));
    }

    #[test]
    fn the_lower_case_of_plainly_nfc_text_is_nfc() {
        for c in (0..=0x2FFFF).filter_map(char::from_u32).filter(|&c| plainly_nfc(c)) {
            let lower: String = c.to_lowercase().collect();
            assert_eq!(lower.nfc().collect::<String>(), lower, "U+{:04X}", c as u32);
        }
        assert_eq!(criterion_of("4. HIỆU QUẢ ĐẠT ĐƯỢC"), Some(4));
        assert_eq!(criterion_of("4. HIE\u{323}\u{302}U QUẢ"), Some(4));
    }

    #[test]
    fn matches_headings_as_editors_write_them() {
        assert_eq!(criterion_of("1. Nội dung học tập Bác"), Some(1));
        assert_eq!(criterion_of("(1) NỘI DUNG HỌC TẬP VÀ LÀM THEO BÁC"), Some(1));
        assert_eq!(criterion_of("Nội dung học tập và làm theo Bác"), Some(1));
        assert_eq!(criterion_of("2) SỰ CẦN THIẾT"), Some(2));
        assert_eq!(criterion_of("II- Sự cần thiết".nfd().collect::<String>().as_str()), Some(2));
        assert_eq!(criterion_of("3. Biện pháp thực hiện"), Some(3));
        assert_eq!(criterion_of("3) Biện pháp triển khai"), Some(3));
        assert_eq!(criterion_of("IV. Hiệu quả"), Some(4));
        assert_eq!(criterion_of("4 Hiệu quả mô hình"), Some(4));
        assert_eq!(criterion_of("5 Khả năng nhân rộng"), Some(5));
        let nfd: String = "4. Hiệu quả".nfd().collect();
        assert_eq!(criterion_of(&nfd), Some(4));
    }

    #[test]
    fn near_misses_name_their_criterion_once_folded() {
        assert_eq!(criterion_of_folded("4 Hieu qua"), Some(4));
        assert_eq!(criterion_of_folded("2. Sự càn thiết"), Some(2));
        assert_eq!(criterion_of_folded("III. BIEN PHAP"), Some(3));
        assert_eq!(criterion_of_folded("6. Kết luận"), None);
        assert_eq!(leading_number("4. Kết quả"), Some(4));
        assert_eq!(leading_number("(2) Lý do"), Some(2));
        assert_eq!(leading_number("IV- Hiệu quả"), Some(4));
        assert_eq!(leading_number("Hiệu quả"), None);
        assert_eq!(leading_number("Vì sao"), None);
    }

    #[test]
    fn other_headings_name_no_criterion() {
        for heading in ["6. Kết luận", "Ghi chú về hiệu quả", "Ví dụ", "Xây dựng", "Su can thiet"] {
            assert_eq!(criterion_of(heading), None, "{heading}");
        }
    }
}
