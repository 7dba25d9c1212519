use super::*;

fn folded() -> Vec<String> {
    ["dan", "van", "kheo", "hoc"].iter().map(|s| s.to_string()).collect()
}

fn files(written: Written) -> Vec<(String, String)> {
    written.files.into_iter().map(|f| (f.path.clone(), String::from_utf8(f.bytes()).unwrap())).collect()
}

#[test]
fn pairs_of_one_document_combine_their_fields() {
    let mut bigrams = Bigrams::default();
    // The pair of an odd first term goes to the other table.
    bigrams.add_all(&[(0, vec![(0, 1, 2), (0, 1, 16)]), (1, vec![(1, 2, 16)])]);
    bigrams.add_all(&[(2, vec![(0, 1, 1)])]);
    let written = bigrams.write(&folded(), 3);
    assert_eq!(written.shards, [(0, BigramShards::One(1)), (1, BigramShards::One(1))]);
    assert_eq!(
        files(written),
        [
            ("tim-kiem/bigrams/s-dan_.json".to_owned(), r#"{"t":{"dan van":"i01"}}"#.to_owned()),
            ("tim-kiem/bigrams/s-van_.json".to_owned(), r#"{"t":{"van kheo":"0g0"}}"#.to_owned()),
        ]
    );
}

#[test]
fn many_bigrams_of_one_syllable_are_split_below_it() {
    let mut bigrams = Bigrams::default();
    bigrams.add_all(&(0..5000).map(|doc| (doc, vec![(0, 1, 16), (0, 3, 16)])).collect::<Vec<_>>());
    let written = bigrams.write(&folded(), 5000);
    // Two dense lists of 5000 characters do not fit in one shard: one each, below "dan ".
    assert_eq!(written.shards, [(0, BigramShards::Split { l: vec!["h".into(), "v".into()], s: vec![] })]);
    let files = files(written);
    assert_eq!(
        files.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        ["tim-kiem/bigrams/s-dan_h.json", "tim-kiem/bigrams/s-dan_v.json"]
    );
    assert!(files[1].1.starts_with(r#"{"t":{"dan van":"ggg"#));
}

#[test]
fn the_hash_follows_the_content() {
    let hash = |flags: u32| {
        let mut bigrams = Bigrams::default();
        bigrams.add_all(&[(0, vec![(0, 1, flags)])]);
        bigrams.write(&folded(), 1).hash
    };
    assert_eq!(hash(2), hash(2));
    assert_ne!(hash(2), hash(16));
}

#[test]
fn a_shard_digest_follows_its_own_entries_only() {
    // Enough documents that the bigrams of "dan" are split into two shards ("dan h", "dan v").
    let write = |extra: Option<u32>| {
        let mut bigrams = Bigrams::default();
        let mut docs: Vec<(u32, Vec<TermPair>)> = (0..5000).map(|doc| (doc, vec![(0, 1, 16), (0, 3, 16)])).collect();
        if let Some(doc) = extra {
            docs[doc as usize].1.push((0, 3, 2));
        }
        bigrams.add_all(&docs);
        bigrams
            .write(&folded(), 5000)
            .files
            .into_iter()
            .map(|f| (f.path.clone(), f.digest, f.bytes()))
            .collect::<Vec<_>>()
    };
    let (before, again, after) = (write(None), write(None), write(Some(7)));
    assert_eq!(before.len(), 2);
    assert_eq!(before, again);
    // Flags added to one posting of "dan hoc": its shard changes, the other shard does not.
    assert_eq!(after[1], before[1]);
    assert_ne!(after[0].1, before[0].1);
    assert_ne!(after[0].2, before[0].2);
    assert!(before.iter().all(|(_, digest, _)| digest.is_some()));

    // The same pairs among more documents: every posting list is encoded against that count.
    let mut bigrams = Bigrams::default();
    bigrams.add_all(&(0..5000).map(|doc| (doc, vec![(0, 1, 16), (0, 3, 16)])).collect::<Vec<_>>());
    let more: Vec<_> = bigrams.write(&folded(), 5001).files.into_iter().map(|f| f.digest).collect();
    assert!(more.iter().zip(&before).all(|(more, (_, digest, _))| more != digest));
}

#[test]
fn postings_are_varints_of_gaps_and_flags() {
    let mut packed = Packed::default();
    packed.add(3, 16);
    packed.add(3, 2);
    packed.add(10, 1);
    packed.add(10_000, 4);
    // 3 << 5 | 18 = 114: one byte; 7 << 5 | 1 = 225: two; 9990 << 5 | 4: three.
    assert_eq!(packed.bytes.len(), 1 + 2 + 3);
    assert_eq!(packed.postings().collect::<Vec<_>>(), [(3, 18), (10, 1), (10_000, 4)]);
    // A document whose first posting takes two bytes keeps its flags in the first one.
    let mut wide = Packed::default();
    wide.add(500, 16);
    wide.add(500, 8);
    assert_eq!(wide.postings().collect::<Vec<_>>(), [(500, 24)]);
}
