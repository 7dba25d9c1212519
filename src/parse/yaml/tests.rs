use super::*;

fn parse(text: &str) -> (Option<Node>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let node = parse_yaml(text, 2, "x.md", &mut out);
    (node, out)
}

#[test]
fn keeps_positions_of_keys_and_values() {
    let (node, out) = parse("title: Học tập\nlearning:\n  topics: [a, b]\n");
    assert!(out.is_empty());
    let node = node.unwrap();
    let learning = node.entry("learning").unwrap();
    assert_eq!(learning.key_pos, Pos::new(3, 1));
    let topics = learning.value.get("topics").unwrap();
    assert_eq!(topics.items()[1].pos, Pos::new(4, 15));
    assert_eq!(node.get("title").unwrap().as_str(), Some("Học tập"));
}

#[test]
fn scalars_stay_text_and_types_are_read_on_demand() {
    let (node, _) = parse("a: 2023-02-31\nb: \"12\"\nc: 86.5\nd: ~\ne: true\nf: 86,5\n");
    let node = node.unwrap();
    assert_eq!(node.get("a").unwrap().as_text(), Some("2023-02-31"));
    assert_eq!(node.get("b").unwrap().as_int(), None);
    assert_eq!(node.get("c").unwrap().as_number(), Some(86.5));
    assert!(node.get("d").unwrap().is_null());
    assert_eq!(node.get("e").unwrap().as_bool(), Some(true));
    assert_eq!(node.get("f").unwrap().as_number(), None);
}

#[test]
fn duplicate_keys_anchors_aliases_and_tags_are_reported() {
    let (_, out) = parse("org: a\nx: &k 1\ny: *k\nz: !!str 3\norg: b\n");
    let found: Vec<_> = out.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(found, [(Code::PYamlFeature, 3), (Code::PYamlFeature, 4), (Code::PYamlFeature, 5), (Code::PDupKey, 6)]);
    assert_eq!(out[3].message, "Khóa `org` khai báo hai lần");
}

#[test]
fn anchors_and_tags_are_reported_where_their_marker_stands() {
    let (_, out) = parse("a&b: &k 1\ncost:   !!str thap\nlist: !t [1]\nx: [&m 2, 'q!' ]\nm: &n\n  k: v\n");
    let found: Vec<_> = out.iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(found, [(2, 6), (3, 9), (4, 7), (5, 5), (7, 3)], "the text starts on line 2");
    let (_, out) = parse("tiêu đề:  !!str Đạo\n");
    assert_eq!((out[0].line, out[0].column), (2, 11), "columns count characters");
}

#[test]
fn syntax_errors_give_the_file_line() {
    let (node, out) = parse("a: 1\nb: [1, 2\n");
    assert!(node.is_none());
    assert_eq!(out[0].code, Code::PYaml);
    assert!(out[0].line >= 3, "{:?}", out[0]);
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let deep = "[".repeat(100_000);
    let (node, out) = parse(&deep);
    assert!(node.is_none());
    assert_eq!(out[0].code, Code::PYaml);
}

/// A mapping with 200,000 keys: each duplicate is found at once (comparing each key with
/// every earlier one, as before, would not finish within the test harness's patience).
#[test]
fn duplicates_among_a_hostile_number_of_keys_are_found_at_once() {
    let mut text: String = (0..200_000).map(|i| format!("k{i}: x\n")).collect();
    text.push_str("k7: y\nk199999: z\n");
    let (node, out) = parse(&text);
    let found: Vec<_> = out.iter().map(|d| (d.code, d.line, d.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (Code::PDupKey, 200_002, "Khóa `k7` khai báo hai lần"),
            (Code::PDupKey, 200_003, "Khóa `k199999` khai báo hai lần")
        ]
    );
    assert_eq!(node.unwrap().entries().len(), 200_000);
}

/// The mistakes editors make, as the UX review found them: each gets a Vietnamese message
/// naming it and the fix for it, never the parser's English.
#[test]
fn common_syntax_mistakes_are_explained_in_vietnamese() {
    let cases = [
        ("title: Đổi mới: một cửa thân thiện\n", "ngoặc kép", "title: \"Đổi mới: một cửa thân thiện\""),
        ("title: \"Đổi mới \"một cửa\" thân thiện\"\n", "ngoặc đóng", "ngoặc đơn"),
        ("a: 1\n\tb: 2\n", "tab", "hai dấu cách"),
        ("a:\n  b: 1\n c: 2\n", "thẳng cột", "cùng một cột"),
        ("a: 1\ngroup:cai-cach-hanh-chinh\nb: 2\n", "dấu `:`", "khóa: giá trị"),
        ("learning:\n  topics: [cd-2022, tp-dan-van\n  summary: x\n", "chưa đóng", "topics: [cd-2022, tp-dan-van]"),
        ("title: 'Đổi mới\n", "chưa được đóng", "ngoặc đóng"),
        ("title: \"a\\xzz\"\n", "`\\`", "ngoặc đơn"),
    ];
    for (text, problem, fix) in cases {
        let (node, out) = parse(text);
        assert!(node.is_none(), "{text:?}");
        let [d] = &out[..] else { panic!("{text:?}: {out:?}") };
        assert_eq!(d.code, Code::PYaml, "{text:?}");
        assert!(d.message.starts_with("Lỗi cú pháp YAML tại dòng "), "{text:?}: {}", d.message);
        assert!(d.message.contains(problem), "{text:?}: {}", d.message);
        assert!(!d.message.contains("bộ đọc YAML báo"), "{text:?} is not explained: {}", d.message);
        assert!(d.hint.as_deref().unwrap_or_default().contains(fix), "{text:?}: {:?}", d.hint);
    }
}

#[test]
fn control_characters_written_as_escapes_are_reported_where_the_value_stands() {
    let (node, out) = parse("title: \"Bộ\\x01 phận\"\nok: \"a\\tb\\nc\"\nlist:\n  - \"x\\uFFFE\"\n  - 'y\\x01'\n");
    let found: Vec<_> = out.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(found, [(Code::PYaml, 2, 8), (Code::PYaml, 5, 5)], "single quotes keep `\\x01` as written");
    assert_eq!(out[0].message, "Giá trị chứa ký tự điều khiển U+0001 (viết bằng mã thoát `\\`), không hiển thị được");
    assert_eq!(out[1].message.split(" (").next(), Some("Giá trị chứa ký tự điều khiển U+FFFE"));
    assert_eq!(node.unwrap().get("ok").unwrap().as_text(), Some("a\tb\nc"), "tabs and line feeds are text");
}
