use super::*;

#[test]
fn edit_distance_and_suggestions() {
    assert_eq!(edit_distance("featurd", "featured"), 1);
    assert_eq!(did_you_mean("featurd", ["title", "featured"].into_iter()), Some("featured"));
    assert_eq!(did_you_mean("zzzz", ["title"].into_iter()), None);
    let reasons = ["nhiem_vu_chinh_tri", "khac_phuc_han_che", "khac"];
    assert_eq!(did_you_mean("khac_phuc", reasons.into_iter()), Some("khac_phuc_han_che"));
    // An id written without its prefix.
    let topics = ["cd-2022", "tp-dan-van", "toan-khoa-xiii"];
    assert_eq!(did_you_mean("dan-van", topics.into_iter()), Some("tp-dan-van"));
    assert_eq!(did_you_mean("an-van", topics.into_iter()), None, "a suffix counts only from a hyphen");
}

/// The cheap bounds never hide a suggestion the full distance would make.
#[test]
fn quick_bounds_keep_every_suggestion() {
    let ids: Vec<String> = (0..3000).map(|i| format!("cb-{i}")).chain(["dang-bo-khoi".to_owned()]).collect();
    for word in ["cb-12", "cb-1299x", "dang-bo-khio", "db-12", "xb-77", "Đảng-bộ"] {
        let limit = (word.chars().count() / 3).max(1);
        let expected = ids
            .iter()
            .map(|c| {
                let unprefixed = c.strip_suffix(word).is_some_and(|head| head.ends_with('-'));
                let whole = word.chars().count() >= 4 && (c.starts_with(word) || unprefixed);
                (if whole { 0 } else { edit_distance(word, c) }, c.as_str())
            })
            .filter(|&(d, _)| d <= limit)
            .min_by_key(|&(d, c)| (d, c))
            .map(|(_, c)| c);
        assert_eq!(did_you_mean(word, ids.iter().map(String::as_str)), expected, "{word}");
    }
}

/// What [`did_you_mean`] answers over every id.
fn full_scan<'a>(word: &str, ids: &'a [String]) -> Option<&'a str> {
    did_you_mean(word, ids.iter().map(String::as_str))
}

/// Ids shaped like a large site's models: a unit, a number, a slug.
fn model_ids() -> Vec<String> {
    let slugs = ["mot-cua", "dan-van-kheo", "tiet-kiem", "so-hoa-ho-so", "ren-luyen-dao-duc", "nu-cuoi-benh-vien"];
    (0..10_000).map(|i| format!("mh-cb-{}-{}-{}", i % 97, slugs[i % slugs.len()], i / 97)).collect()
}

#[test]
fn an_indexed_small_list_answers_as_the_full_scan() {
    let ids: Vec<String> = ["dang-bo-khoi", "db-so-tai-chinh", "cb-phong-ngan-sach", "cb-cdc"].map(String::from).into();
    let suggester = Suggester::new(ids.iter().map(String::as_str));
    for word in ["cb-phong-ngan-sch", "db-so-tai-chin", "cb-cd", "cb-phong", "zzzz", "dang-bo-khoi"] {
        assert_eq!(suggester.suggest(word), full_scan(word, &ids), "{word}");
    }
    assert_eq!(suggester.suggest_other_than("cb-cdx", Some("cb-cdc")), None);
}

/// Typos of `id`: a letter changed, dropped, added or two swapped, at the start, in the
/// middle and at the end.
fn typos(id: &str) -> Vec<String> {
    let chars: Vec<char> = id.chars().collect();
    let mut found = Vec::new();
    for at in [0, chars.len() / 2, chars.len() - 2] {
        let edit = |f: &dyn Fn(&mut Vec<char>)| {
            let mut c = chars.clone();
            f(&mut c);
            c.into_iter().collect::<String>()
        };
        found.push(edit(&|c| c[at] = 'q'));
        found.push(edit(&|c| {
            c.remove(at);
        }));
        found.push(edit(&|c| c.insert(at, 'x')));
        found.push(edit(&|c| c.swap(at, at + 1)));
    }
    found
}

/// Beyond the full scan, the typical typos of a large site still find what the full scan
/// finds, and one-letter typos find the id they damage (or one as close, or one they begin).
#[test]
fn typical_typos_among_ten_thousand_ids_find_the_full_scan_answer() {
    let ids = model_ids();
    let suggester = Suggester::new(ids.iter().map(String::as_str));
    for id in ids.iter().step_by(997) {
        for (n, word) in typos(id).iter().enumerate() {
            assert_eq!(suggester.suggest(word), full_scan(word, &ids), "{word}");
            if n % 4 != 3 && !ids.contains(word) {
                let found = suggester.suggest(word).unwrap();
                let close = edit_distance(word, found) <= 1 || found.starts_with(word.as_str());
                assert!(found == id || close, "{word} → {found}");
            }
        }
    }
    assert_eq!(suggester.suggest("zz-khong-giong-gi-ca"), None);
}

/// The shape of a hostile registry: every unknown parent one letter off a unit's id.
#[test]
fn fourteen_thousand_near_misses_each_find_their_id() {
    let ids: Vec<String> = (0..14_000).map(|i| format!("u{i}")).collect();
    let suggester = Suggester::new(ids.iter().map(String::as_str));
    for i in (0..14_000).step_by(7) {
        assert_eq!(suggester.suggest(&format!("x{i}")), Some(ids[i].as_str()));
    }
}

#[test]
fn words_longer_than_any_id_get_no_suggestion() {
    let long = "a".repeat(LONGEST + 1);
    let ids = [long.clone(), "a".repeat(LONGEST)];
    assert_eq!(did_you_mean(&long, ids.iter().map(String::as_str)), None);
    assert_eq!(Suggester::new(ids.iter().map(String::as_str)).suggest("aaaa"), Some(ids[1].as_str()));
}
