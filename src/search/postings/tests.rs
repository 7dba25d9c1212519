use super::*;

#[test]
fn rare_terms_are_sparse_with_gaps() {
    assert_eq!(encode(&[(3, 1), (10, 2), (11, 1)], 1000), Encoded::Sparse(vec![3, 1, 7, 2, 1, 1]));
    assert_eq!(serde_json::to_string(&encode(&[(0, 4)], 50)).unwrap(), "[0,4]");
}

#[test]
fn common_terms_are_dense_one_character_per_document() {
    let postings: Postings = vec![(0, 1), (1, 12), (3, 70), (4, 36)];
    assert_eq!(encode(&postings, 5), Encoded::Dense("1c0ZA".to_owned()));
}

#[test]
fn values_saturate() {
    assert_eq!(encode(&[(0, 500)], 100), Encoded::Sparse(vec![0, MAX_VALUE]));
}

#[test]
fn union_sums_per_document() {
    let a: Postings = vec![(0, 1), (2, 60)];
    let b: Postings = vec![(2, 5), (3, 1)];
    assert_eq!(union([&a, &b], 4), vec![(0, 1), (2, MAX_VALUE), (3, 1)]);
}
