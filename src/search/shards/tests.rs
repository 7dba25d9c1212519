use super::*;

fn plans(entries: &[(&str, usize)], limit: usize) -> Vec<(String, bool, Range<usize>, Range<usize>)> {
    plan(entries, "", limit, |_| true).into_iter().map(|p| (p.key, p.leaf, p.holds, p.summary)).collect()
}

#[test]
fn a_small_dictionary_is_one_shard() {
    assert_eq!(plans(&[("bac", 10), ("hoc", 10)], 1000), [("".into(), true, 0..2, 0..0)]);
}

#[test]
fn large_prefixes_split_with_a_summary() {
    let entries = [("ha", 30), ("hanh", 30), ("hoa", 30), ("hoc", 30), ("tap", 10)];
    assert_eq!(
        plans(&entries, 100),
        [
            // `h` is no term itself and has two longer prefixes: its shard holds their summary.
            ("h".into(), false, 0..0, 0..4),
            ("ha".into(), true, 0..2, 0..0),
            ("ho".into(), true, 2..4, 0..0),
            ("t".into(), true, 4..5, 0..0),
        ]
    );
}

#[test]
fn an_entry_too_large_alone_keeps_its_own_shard() {
    let entries = [("ha", 300), ("hai", 10), ("han", 10)];
    assert_eq!(
        plans(&entries, 100),
        [("ha".into(), false, 0..1, 0..3), ("hai".into(), true, 1..2, 0..0), ("han".into(), true, 2..3, 0..0),]
    );
}

#[test]
fn the_bigrams_of_a_syllable_shard_below_it() {
    let entries = [("hoc tap", 60), ("hoc theo", 60), ("hoc tot", 10)];
    let keys = |limit| plan(&entries, "hoc ", limit, |_| true).into_iter().map(|p| p.key).collect::<Vec<_>>();
    assert_eq!(keys(1000), ["hoc "]);
    // Below the root, only prefixes with several longer ones (or a key of their own) get shards.
    assert_eq!(keys(100), ["hoc t", "hoc ta", "hoc th", "hoc to"]);
}

#[test]
fn shard_json_lists_entries_and_the_summary() {
    let a: &[u8] = b"[0,1]";
    assert_eq!(shard_json([("hoc", a)], None), b"{\"t\":{\"hoc\":[0,1]}}");
    assert_eq!(shard_json([], Some(b"\"10\"")), b"{\"t\":{},\"s\":\"10\"}");
}

#[test]
fn file_names_are_safe() {
    assert_eq!(file_name(""), "s-.json");
    assert_eq!(file_name("ho"), "s-ho.json");
    assert_eq!(file_name("hoc t"), "s-hoc_t.json");
    assert_eq!(file_name("../"), "h-2e2e2f.json");
    assert_eq!(file_name("中"), "h-e4b8ad.json");
}
