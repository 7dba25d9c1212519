use super::*;

fn read(title: &str, summary: &str, body: &str, names: &[&str]) -> DocTerms {
    DocTerms::read(&Fields { title, summary, body, names: names.to_vec() })
}

#[test]
fn counts_each_spelling_under_its_folded_term() {
    let doc = read("Dân vận khéo", "Dân vận và dẫn dắt", "Dần dần, dân vận.", &["Chi bộ Dân"]);
    let dan = doc.terms.iter().find(|t| t.folded == "dan").expect("dan is indexed");
    assert_eq!(dan.spellings, [("dân".to_owned(), 4), ("dần".to_owned(), 2), ("dẫn".to_owned(), 1)]);
    assert_eq!(dan.in_title, 1);
    assert_eq!(doc.length, 3 + 5 + 4 + 3);
    let folded: Vec<&str> = doc.terms.iter().map(|t| t.folded.as_str()).collect();
    assert_eq!(folded, ["bo", "chi", "dan", "dat", "kheo", "va", "van"]);
}

#[test]
fn bigrams_come_from_title_and_summary_only() {
    let doc = read("Học tập Bác", "Làm theo Bác, học tập", "tập làm", &[]);
    let pairs: Vec<(&str, &str, u32)> = doc.bigrams.iter().map(|(a, b, f)| (a.as_str(), b.as_str(), *f)).collect();
    assert_eq!(
        pairs,
        [
            ("bac", "hoc", IN_SUMMARY),
            ("hoc", "tap", IN_TITLE | IN_SUMMARY),
            ("lam", "theo", IN_SUMMARY),
            ("tap", "bac", IN_TITLE),
            ("theo", "bac", IN_SUMMARY),
        ]
    );
}

#[test]
fn d_with_stroke_folds_to_d() {
    let doc = read("Đạo đức", "", "", &[]);
    let folded: Vec<&str> = doc.terms.iter().map(|t| t.folded.as_str()).collect();
    assert_eq!(folded, ["dao", "duc"]);
}
