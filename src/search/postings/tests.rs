use super::*;

fn raw(v: u32) -> u32 {
    v
}

#[test]
fn rare_terms_are_sparse_with_gaps() {
    // Width 1; gaps 3, 7, 1 with values 1, 2, 1.
    assert_eq!(encode([(3, 1), (10, 2), (11, 1)], 1000, raw), Encoded::Sparse("~1317211".to_owned()));
    assert_eq!(serde_json::to_string(&encode([(0, 4)], 50, raw)).unwrap(), "\"~104\"");
    // A gap of 62 or more takes two digits for every posting: 70 = "18", 3843 = "ZZ".
    assert_eq!(encode([(5, 3), (75, 1), (3918, 9)], 10_000, raw), Encoded::Sparse("~2053181ZZ9".to_owned()));
    assert_eq!(encoded_len([(5, 3), (75, 1), (3918, 9)], 10_000), "\"~2053181ZZ9\"".len());
    assert_eq!(encoded_len([(0, 1), (1, 1)], 3), "\"110\"".len());
}

#[test]
fn common_terms_are_dense_one_character_per_document() {
    // Sparse would take 2 + 4 × 2 characters, dense 5.
    let postings: Postings = vec![(0, 1), (1, 12), (3, 70), (4, 36)];
    assert_eq!(encode(postings.iter().copied(), 5, raw), Encoded::Dense("1c0ZA".to_owned()));
    assert_eq!(encode(postings.iter().copied(), 5, tf_level), Encoded::Dense("16088".to_owned()));
}

#[test]
fn frequencies_are_written_as_levels() {
    let levels: Vec<u32> = [0, 1, 2, 3, 4, 5, 6, 8, 9, 13, 14, 20, 21, 500].into_iter().map(tf_level).collect();
    assert_eq!(levels, [0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8]);
    assert_eq!(encode([(0, 500)], 100, raw), Encoded::Sparse("~10Z".to_owned()));
}

#[test]
fn union_combines_per_document() {
    let a: Postings = vec![(0, 1), (2, 60)];
    let b: Postings = vec![(2, 5), (3, 1)];
    assert_eq!(union([a.iter().copied(), b.iter().copied()], 4, |x, y| x + y), vec![(0, 1), (2, 65), (3, 1)]);
    assert_eq!(union([a.iter().copied(), b.iter().copied()], 4, |x, y| x | y), vec![(0, 1), (2, 61), (3, 1)]);
}

#[test]
fn columns_pack_at_the_width_of_the_largest_number() {
    assert_eq!(pack(&[0, 5, 61]), Packed { w: 1, s: "05Z".to_owned() });
    assert_eq!(pack(&[62, 1, 3843]), Packed { w: 2, s: "1001ZZ".to_owned() });
    assert_eq!(pack(&[3844]), Packed { w: 3, s: "100".to_owned() });
    assert_eq!(pack(&[]), Packed { w: 1, s: String::new() });
}

#[test]
fn gathered_postings_read_back_as_added_with_the_last_document_combined() {
    let mut gathered = Gathered::default();
    assert!(gathered.is_empty());
    assert_eq!(gathered.iter().count(), 0);
    let added = [(0, 2), (0, 3), (5, 1), (200, 300), (200, 1), (70_000, 9), (u32::MAX, 1)];
    for (doc, value) in added {
        gathered.add(doc, value, |a, b| a + b);
    }
    let expected: Postings = vec![(0, 5), (5, 1), (200, 301), (70_000, 9), (u32::MAX, 1)];
    assert_eq!(gathered.iter().collect::<Postings>(), expected);
    // Read twice, and cloned mid-way, as the shard writer does.
    let mut postings = gathered.iter();
    postings.next();
    assert_eq!(postings.clone().collect::<Postings>(), expected[1..]);
    drop(postings);
    gathered.shrink_to_fit();
    assert_eq!(gathered.iter().collect::<Postings>(), expected);
    assert_eq!(encode(gathered.iter(), 10, |n| n), encode(expected, 10, |n| n));
}
