use super::*;

/// The vectors shared with the script's tests (`node --test tests/js/`).
fn vectors() -> Vec<(String, String)> {
    let text = include_str!("../../../tests/vectors/fold.json");
    let doc: serde_json::Value = serde_json::from_str(text).expect("fold.json is valid JSON");
    let list = doc["vectors"].as_array().expect("fold.json has a `vectors` list");
    list.iter()
        .map(|pair| {
            let input = pair[0].as_str().expect("input is a string");
            let folded = pair[1].as_str().expect("folded is a string");
            (input.to_owned(), folded.to_owned())
        })
        .collect()
}

#[test]
fn folds_every_shared_vector() {
    let vectors = vectors();
    assert!(vectors.len() >= 10);
    for (input, folded) in vectors {
        assert_eq!(fold(&input), folded, "fold({input:?})");
    }
}

#[test]
fn fold_is_idempotent() {
    for (input, _) in vectors() {
        let once = fold(&input);
        assert_eq!(fold(&once), once);
    }
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    names.sort_by_cached_key(|n| collation_key(n));
    names
}

#[test]
fn d_with_stroke_sorts_after_d() {
    assert!(collation_key("Dũng") < collation_key("Đặng"));
    assert!(collation_key("Dương") < collation_key("Đào"));
    assert!(collation_key("Đức") < collation_key("Em"));
    assert_eq!(sorted(&["Đặng", "Em", "Dũng", "Cường"]), ["Cường", "Dũng", "Đặng", "Em"]);
}

#[test]
fn tones_are_secondary() {
    assert_eq!(sorted(&["Ba", "Ánh", "An", "Anh"]), ["An", "Anh", "Ánh", "Ba"]);
    // ngang, huyền, hỏi, ngã, sắc, nặng
    assert_eq!(sorted(&["mạ", "má", "mã", "mả", "mà", "ma"]), ["ma", "mà", "mả", "mã", "má", "mạ"]);
    // A tone never outweighs a letter: "Ánh" before "Bà", "Lý" before "Mai".
    assert!(collation_key("Ánh") < collation_key("Bà"));
    assert!(collation_key("Lý") < collation_key("Mai"));
}

#[test]
fn vowel_qualities_are_letters_of_their_own() {
    assert_eq!(sorted(&["ân", "an", "ăn", "bê"]), ["an", "ăn", "ân", "bê"]);
    assert_eq!(sorted(&["ơn", "ôn", "on"]), ["on", "ôn", "ơn"]);
    assert_eq!(sorted(&["ưu", "uy", "vũ"]), ["uy", "ưu", "vũ"]);
    // Both precomposed and decomposed spellings collate alike.
    assert_eq!(collation_key("Tr\u{1b0}\u{1edd}ng").primary, collation_key("Tru\u{31b}o\u{31b}\u{300}ng").primary);
}

#[test]
fn shorter_and_spaced_names_come_first() {
    assert_eq!(sorted(&["Lê Văn", "Lê", "Lêa"]), ["Lê", "Lê Văn", "Lêa"]);
}

#[test]
fn lowercase_before_uppercase_and_order_is_total() {
    assert!(collation_key("an") < collation_key("An"));
    assert_ne!(collation_key("a!"), collation_key("a?"));
    assert_eq!(collation_key("Hà"), collation_key("Hà"));
}
