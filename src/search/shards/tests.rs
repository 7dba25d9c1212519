use super::*;

fn term(folded: &str, size: usize, docs: &[u32]) -> IndexedTerm {
    IndexedTerm { folded: folded.to_owned(), json: vec![b'0'; size], postings: docs.iter().map(|&d| (d, 1)).collect() }
}

fn keys(shards: &[Shard]) -> Vec<(&str, bool)> {
    shards.iter().map(|s| (s.key.as_str(), s.leaf)).collect()
}

#[test]
fn a_small_dictionary_is_one_shard() {
    let terms = [term("bac", 10, &[0]), term("hoc", 10, &[1])];
    let shards = shard(&terms, 2, 1000);
    assert_eq!(keys(&shards), [("", true)]);
    assert_eq!(String::from_utf8_lossy(&shards[0].bytes), "{\"t\":{\"bac\":0000000000,\"hoc\":0000000000}}");
}

#[test]
fn large_prefixes_split_with_a_summary() {
    let terms = [
        term("ha", 30, &[0]),
        term("hanh", 30, &[1]),
        term("hoa", 30, &[2]),
        term("hoc", 30, &[2, 3]),
        term("tap", 10, &[3]),
    ];
    let shards = shard(&terms, 1000, 100);
    assert_eq!(keys(&shards), [("h", false), ("ha", true), ("ho", true), ("t", true)]);
    // The split prefix `h` has no own term, and every document with an h… term in its summary.
    assert_eq!(String::from_utf8_lossy(&shards[0].bytes), "{\"t\":{},\"s\":[0,1,1,1,1,2,1,1]}");
}

#[test]
fn a_term_too_large_alone_keeps_its_own_shard() {
    let terms = [term("ha", 300, &[0]), term("hai", 10, &[1]), term("han", 10, &[1])];
    let shards = shard(&terms, 2, 100);
    assert_eq!(keys(&shards), [("h", false), ("ha", false), ("hai", true), ("han", true)]);
    let own = String::from_utf8_lossy(&shards[1].bytes).into_owned();
    assert!(own.starts_with("{\"t\":{\"ha\":"), "{own}");
    // Dense when shorter: document 0 holds one h… term, document 1 two.
    assert!(own.ends_with(",\"s\":\"12\"}"), "{own}");
}

#[test]
fn file_names_are_safe() {
    assert_eq!(file_name(""), "s-.json");
    assert_eq!(file_name("ho"), "s-ho.json");
    assert_eq!(file_name("../"), "h-2e2e2f.json");
    assert_eq!(file_name("中"), "h-e4b8ad.json");
}
