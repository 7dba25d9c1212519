use super::*;

fn spellings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_run(text, |run| out.push(spelling(run)));
    out
}

#[test]
fn splits_on_spaces_and_punctuation_keeping_diacritics() {
    assert_eq!(spellings("Học tập, làm theo Bác!"), ["học", "tập", "làm", "theo", "bác"]);
    assert_eq!(spellings("Chỉ thị 05-CT/TW"), ["chỉ", "thị", "05", "ct", "tw"]);
    assert_eq!(spellings("ÁNH × Đông"), ["ánh", "đông"]);
}

#[test]
fn decomposed_input_gives_composed_spellings() {
    assert_eq!(spellings("Thue\u{302}\u{301}"), ["thuế"]);
    assert_eq!(spellings("Thue\u{302}\u{301}"), spellings("Thuế"));
}

#[test]
fn folded_syllables_match_the_shared_vectors() {
    let text = include_str!("../../../tests/vectors/fold.json");
    let doc: serde_json::Value = serde_json::from_str(text).expect("fold.json is valid JSON");
    let list = doc["syllables"].as_array().expect("fold.json has a `syllables` list");
    assert!(!list.is_empty());
    for pair in list {
        let input = pair[0].as_str().expect("input is a string");
        let expected: Vec<&str> =
            pair[1].as_array().expect("syllables are a list").iter().filter_map(|s| s.as_str()).collect();
        assert_eq!(folded_syllables(input), expected, "syllables of {input:?}");
    }
}

#[test]
fn overlong_runs_are_skipped() {
    let long = "a".repeat(MAX_SYLLABLE_CHARS + 1);
    assert_eq!(folded_syllables(&format!("mô {long} hình {long}")), ["mo", "hinh"]);
    let longest = "ư".repeat(MAX_SYLLABLE_CHARS);
    assert_eq!(folded_syllables(&longest), ["u".repeat(MAX_SYLLABLE_CHARS)]);
}
