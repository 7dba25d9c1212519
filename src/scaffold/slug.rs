//! Ids for new files: the folded title as a slug (SPEC §2), cut at a hyphen to fit, made
//! unique with a numeric suffix.

use crate::search::fold;

use crate::content::schema::SLUG_MAX;

/// `text` folded as search folds it (no diacritics, `đ→d`, lowercase) with every run of other
/// characters turned into one hyphen, then cut to at most `max` bytes at a hyphen.
pub fn slugify(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    truncate_at_hyphen(slug.trim_end_matches('-'), max)
}

/// `slug` cut to at most `max` bytes, at a hyphen when one is in reach.
fn truncate_at_hyphen(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_owned();
    }
    let head = &slug[..max];
    if slug.as_bytes()[max] == b'-' {
        return head.to_owned();
    }
    match head.rfind('-') {
        Some(cut) if cut > 0 => head[..cut].to_owned(),
        _ => head.trim_end_matches('-').to_owned(),
    }
}

/// `base` itself when free, else `base-2`, `base-3`, … (shortened so the result stays within
/// `SLUG_MAX`).
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            format!("{}{suffix}", truncate_at_hyphen(base, SLUG_MAX - suffix.len()))
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_titles() {
        assert_eq!(slugify("Một cửa thân thiện – Đổi mới!", 80), "mot-cua-than-thien-doi-moi");
        assert_eq!(slugify("  «Học tập» và làm theo Bác  ", 80), "hoc-tap-va-lam-theo-bac");
        assert_eq!(slugify("!!!", 80), "");
    }

    #[test]
    fn cuts_at_a_hyphen() {
        assert_eq!(slugify("mot hai ba bon", 10), "mot-hai-ba");
        assert_eq!(slugify("mot hai ba bon", 9), "mot-hai");
        assert_eq!(slugify("abcdefghijkl", 5), "abcde");
    }

    #[test]
    fn adds_a_numeric_suffix_when_taken() {
        let taken = ["mh-a", "mh-a-2"];
        assert_eq!(unique("mh-b", |s| taken.contains(&s)), "mh-b");
        assert_eq!(unique("mh-a", |s| taken.contains(&s)), "mh-a-3");
        let long = "a".repeat(40) + "-" + &"b".repeat(39);
        assert_eq!(unique(&long, |s| s == long), "a".repeat(40) + "-2");
    }
}
