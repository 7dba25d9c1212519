use super::*;
use crate::parse::yaml::parse_yaml;

fn registry(yaml: &str) -> (Vec<Unit>, HashMap<String, usize>) {
    let node = parse_yaml(yaml, 1, "content/to-chuc.yml", &mut Vec::new()).unwrap();
    let units: Vec<Unit> = node.items().iter().filter_map(Unit::read).collect();
    let index = units.iter().enumerate().map(|(i, u)| (u.id.clone(), i)).collect();
    (units, index)
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn a_chain_is_followed_as_far_as_the_date_reaches() {
    let (units, index) = registry(
        "- {id: a, name: Đơn vị A, active_to: 2025-06-30, successor: b}
- {id: b, name: Đơn vị B, active_to: 2027-12-31, successor: c}
- {id: c, name: Đơn vị C}
- {id: d, name: Đơn vị D}
",
    );
    let chains = Succession::new(&units, &index);
    let holder = |u: &str, d: &str| units[chains.holder(&units, index[u], date(d))].id.as_str();
    assert_eq!(holder("a", "2025-06-30"), "a", "on its last day the unit still holds its models");
    assert_eq!(holder("a", "2025-07-01"), "b");
    assert_eq!(holder("a", "2027-12-31"), "b");
    assert_eq!(holder("a", "2028-01-01"), "c");
    assert_eq!(holder("b", "2030-12-31"), "c");
    assert_eq!(holder("d", "2030-12-31"), "d");
    assert_eq!(chains.predecessors(index["b"]).collect::<Vec<_>>(), [index["a"]]);
    assert_eq!(chains.successor(index["c"]), None);
    assert!(chains.loops().is_empty());
}

#[test]
fn a_long_chain_is_walked_in_logarithmic_steps_and_cycles_end() {
    let mut yaml = String::new();
    for i in 0..1000 {
        yaml.push_str(&format!("- {{id: u{i}, name: Đơn vị {i}, active_to: 2025-01-01, successor: u{}}}\n", i + 1));
    }
    yaml.push_str("- {id: u1000, name: Đơn vị cuối}\n");
    let (units, index) = registry(&yaml);
    let chains = Succession::new(&units, &index);
    assert_eq!(units[chains.holder(&units, 0, date("2026-01-01"))].id, "u1000");
    // A loop of equal dates (an O-SUCCESSOR error) still gives an answer.
    let (units, index) = registry(
        "- {id: a, name: Đơn vị A, active_to: 2025-06-30, successor: b}
- {id: b, name: Đơn vị B, active_to: 2025-06-30, successor: a}
",
    );
    let chains = Succession::new(&units, &index);
    let held = chains.holder(&units, 0, date("2026-01-01"));
    assert!(held < 2);
    assert_eq!(chains.loops(), [0, 1]);
}

#[test]
fn unknown_or_self_successors_are_not_links() {
    let (units, index) = registry(
        "- {id: a, name: Đơn vị A, active_to: 2025-06-30, successor: a}
- {id: b, name: Đơn vị B, active_to: 2025-06-30, successor: khong-co}
",
    );
    let chains = Succession::new(&units, &index);
    assert_eq!((chains.successor(0), chains.successor(1)), (None, None));
    assert_eq!(chains.holder(&units, 1, date("2026-01-01")), 1);
}
