use std::collections::HashMap;

use super::*;

/// A hierarchy of units named by their ids, `(id, parent, is_base)`.
fn hierarchy(units: &[(&str, Option<&str>, bool)]) -> Hierarchy {
    let index: HashMap<String, usize> = units.iter().enumerate().map(|(i, u)| (u.0.to_owned(), i)).collect();
    let parents: Vec<Option<&str>> = units.iter().map(|u| u.1).collect();
    let bases: Vec<bool> = units.iter().map(|u| u.2).collect();
    Hierarchy::new(&parents, &index, &bases)
}

#[test]
fn answers_subtrees_children_and_base_units() {
    let h = hierarchy(&[
        ("khoi", None, false),
        ("db-a", Some("khoi"), true),
        ("cb-a1", Some("db-a"), false),
        ("cb-b", Some("khoi"), true),
        ("cb-a2", Some("db-a"), false),
        ("mo-coi", Some("khong-co"), false),
    ]);
    assert_eq!(h.subtree(0), [0, 1, 2, 3, 4]);
    assert_eq!(h.subtree(1), [1, 2, 4]);
    assert_eq!(h.children(1).collect::<Vec<_>>(), [2, 4]);
    assert!(h.in_subtree(4, 1) && h.in_subtree(4, 0) && h.in_subtree(1, 1));
    assert!(!h.in_subtree(3, 1) && !h.in_subtree(0, 1) && !h.in_subtree(5, 0));
    assert_eq!((h.base(2), h.base(1), h.base(0), h.base(5)), (Some(1), Some(1), None, None));
    assert_eq!((h.parent(4), h.parent(0), h.parent(5)), (Some(1), None, None));
    assert!(!(0..6).any(|u| h.on_cycle(u)));
}

#[test]
fn cycles_are_marked_and_cut_at_their_first_unit() {
    let h = hierarchy(&[
        ("khoi", None, false),
        ("c", Some("b"), false),
        ("a", Some("c"), false),
        ("b", Some("a"), false),
        ("duoi", Some("b"), false),
        ("tu-than", Some("tu-than"), false),
    ]);
    assert_eq!((0..6).filter(|&u| h.on_cycle(u)).collect::<Vec<_>>(), [1, 2, 3, 5]);
    assert_eq!(h.parent(1), None, "cut at `c`, first in registry order");
    assert_eq!((h.parent(2), h.parent(3)), (Some(1), Some(2)));
    assert!(h.in_subtree(4, 1) && h.in_subtree(4, 3));
    assert_eq!(h.parent(5), None, "a unit under itself is cut too");
}

#[test]
fn a_chain_as_long_as_a_hostile_registry_is_indexed_without_recursion() {
    let ids: Vec<String> = (0..200_000).map(|i| format!("u{i}")).collect();
    let units: Vec<(&str, Option<&str>, bool)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i.checked_sub(1).map(|p| ids[p].as_str()), i == 1))
        .collect();
    let h = hierarchy(&units);
    let last = ids.len() - 1;
    assert!(h.in_subtree(last, 0) && h.in_subtree(last, 1) && !h.in_subtree(1, last));
    assert_eq!(h.base(last), Some(1));
    assert_eq!(h.subtree(last - 1), [last - 1, last]);
}
