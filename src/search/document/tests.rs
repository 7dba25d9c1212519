use super::*;

#[test]
fn counts_runs_of_every_field_as_written() {
    let fields =
        Fields { title: "Dân vận khéo", summary: "Dân vận", body: "dân, dần.", names: vec!["Chi bộ Dân"] };
    let mut doc = DocTerms::read(&fields);
    doc.runs.sort_unstable();
    assert_eq!(doc.runs, [("Chi", 1), ("Dân", 3), ("bộ", 1), ("dân", 1), ("dần", 1), ("khéo", 1), ("vận", 2)]);
    assert_eq!(doc.title, ["Dân", "vận", "khéo"]);
    assert_eq!(doc.summary, ["Dân", "vận"]);
    assert_eq!(doc.length, 3 + 2 + 2 + 3);
}

#[test]
fn empty_fields_give_nothing() {
    assert_eq!(DocTerms::read(&Fields::default()), DocTerms::default());
}
