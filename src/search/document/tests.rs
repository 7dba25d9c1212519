use super::*;

/// What a document read gives, with runs written out: sorted runs and counts, the title's runs,
/// sorted bigrams with their flags, the length.
struct Read {
    runs: Vec<(String, u32)>,
    title: Vec<String>,
    bigrams: Vec<(String, String, u32)>,
    length: u32,
}

fn read(fields: &Fields) -> Read {
    let doc = DocTerms::read(fields);
    let run = |i: u32| doc.runs[i as usize].0.to_owned();
    let mut runs: Vec<(String, u32)> = doc.runs.iter().map(|(r, n)| (r.to_string(), *n)).collect();
    runs.sort_unstable();
    let title = doc.title.iter().map(|&i| run(i)).collect();
    let mut bigrams: Vec<_> = doc.bigrams.iter().map(|&(a, b, f)| (run(a), run(b), f)).collect();
    bigrams.sort_unstable();
    Read { runs, title, bigrams, length: doc.length }
}

fn pair(a: &str, b: &str, flags: u32) -> (String, String, u32) {
    (a.to_owned(), b.to_owned(), flags)
}

#[test]
fn counts_runs_of_every_field_as_written() {
    let fields = Fields {
        title: "Dân vận khéo",
        summary: "Dân vận",
        body: "dân, dần.",
        names: vec!["Chi bộ Dân"],
        topics: vec!["dan-van"],
    };
    let Read { runs, title, length, .. } = read(&fields);
    assert_eq!(
        runs,
        [("Chi", 1), ("Dân", 3), ("bộ", 1), ("dan", 1), ("dân", 1), ("dần", 1), ("khéo", 1), ("van", 1), ("vận", 2)]
            .map(|(r, n)| (r.to_owned(), n))
    );
    assert_eq!(title, ["Dân", "vận", "khéo"]);
    assert_eq!(length, 3 + 2 + 3 + 2 + 2);
}

#[test]
fn pairs_side_by_side_carry_the_flags_of_their_fields() {
    let fields = Fields {
        title: "Dân vận khéo",
        summary: "Dân vận",
        body: "Học tập\ndân vận, khéo léo",
        names: vec!["Chi bộ Dân", "vận"],
        topics: vec![],
    };
    let bigrams = read(&fields).bigrams;
    assert_eq!(
        bigrams,
        [
            pair("Chi", "bộ", IN_NAMES),
            pair("Dân", "vận", IN_TITLE | IN_SUMMARY),
            pair("Học", "tập", IN_BODY),
            pair("bộ", "Dân", IN_NAMES),
            pair("dân", "vận", IN_BODY),
            pair("khéo", "léo", IN_BODY),
            pair("vận", "khéo", IN_TITLE | IN_BODY),
        ]
    );
    // No pair across two names ("Dân vận") or two lines of the body ("tập dân").
}

#[test]
fn empty_fields_give_nothing() {
    assert_eq!(DocTerms::read(&Fields::default()), DocTerms::default());
}
