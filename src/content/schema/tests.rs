use super::*;
use crate::content::forms;
use crate::parse::yaml::parse_yaml;

fn check(yaml: &str, fields: &[Field]) -> Vec<(Code, usize, usize)> {
    let mut out = Vec::new();
    let node = parse_yaml(yaml, 2, "m.md", &mut out).unwrap();
    Validator { path: "m.md", out: &mut out }.check_root(&node, fields);
    out.iter().map(|d| (d.code, d.line, d.column)).collect()
}

#[test]
fn unknown_keys_suggest_the_closest_field() {
    let mut out = Vec::new();
    let node = parse_yaml("type: trang\ntitle: A\nweigth: 2\n", 2, "p.md", &mut out).unwrap();
    Validator { path: "p.md", out: &mut out }.check_root(&node, forms::PAGE);
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].code, out[0].line), (Code::PUnknownKey, 4));
    assert_eq!(out[0].message, "Trường `weigth` không có trong lược đồ (có phải `weight`?)");
}

/// The diagnostics of `yaml` checked against `fields`, with their messages and hints.
fn said(yaml: &str, fields: &[Field]) -> Vec<(Code, usize, String, Option<String>)> {
    let mut out = Vec::new();
    let node = parse_yaml(yaml, 2, "m.md", &mut out).unwrap();
    Validator { path: "m.md", out: &mut out }.check_root(&node, fields);
    out.into_iter().map(|d| (d.code, d.line, d.message, d.hint)).collect()
}

#[test]
fn a_key_written_as_its_vietnamese_label_is_named() {
    let fields = &[Field::req("title", "Tên mô hình", text(1, 50)), Field::req("status", "Trạng thái", Kind::Year)];
    let found = said("title: Mô hình\ntrang_thai: 2024\n", fields);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, Code::PUnknownKey);
    assert_eq!(found[0].1, 3);
    assert_eq!(found[0].2, "Trường `trang_thai` không có trong lược đồ (có phải `status`?)");
    assert_eq!(found[1].0, Code::FRequired);
    assert_eq!(found[1].3.as_deref(), Some("dòng 3 viết `trang_thai`: đổi tên trường thành `status`"));
    // Written with its marks and spaces, too.
    assert_eq!(
        said("title: A\nTrạng thái: 2024\n", fields)[0].2,
        "Trường `Trạng thái` không có trong lược đồ (có phải `status`?)"
    );
}

#[test]
fn a_year_in_quotes_and_a_list_written_as_text_get_what_to_write() {
    let fields = &[
        Field::req("year", "Năm", Kind::Year),
        Field::opt("topics", "Chuyên đề", Kind::List { item: &Kind::Ref(Registry::Topic), min: 0 }),
    ];
    let found = said("year: \"2024\"\ntopics: cd-2024, tp-dan-van\n", fields);
    assert_eq!(
        found[0].3.as_deref(),
        Some("chỉ ghi số, không kèm đơn vị hay chữ và không đặt trong ngoặc kép: `2024`")
    );
    assert_eq!(found[1].3.as_deref(), Some("viết thành danh sách trong ngoặc vuông: `topics: [cd-2024, tp-dan-van]`"));
    let answer = &[Field::opt("featured", "Được giới thiệu", Kind::Bool)];
    assert_eq!(
        said("featured: Có\n", answer)[0].3.as_deref(),
        Some("ghi `featured: true` (không đặt trong ngoặc kép)")
    );
    assert_eq!(
        said("featured: không\n", answer)[0].3.as_deref(),
        Some("ghi `featured: false` (không đặt trong ngoặc kép)")
    );
    let long = vec!["tp-dan-van"; 40].join(", ");
    assert_eq!(said(&format!("year: 2024\ntopics: {long}\n"), fields)[0].3, None, "no hint as long as the value");
    // Text that a bracketed list cannot hold as written gets the list's own form only.
    let found = said("year: 2024\ntopics: \"a: b, c\"\n", fields);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].3, None);
}

fn model_field(key: &str) -> Field {
    *forms::MODEL.iter().find(|f| f.key == key).unwrap()
}

#[test]
fn criterion_fields_report_their_criterion_code() {
    let found = check("necessity:\n  reasons: [nhiem_vu, khac]\n", &[model_field("necessity")]);
    assert_eq!(found, [(Code::C2Reason, 3, 13)]);
    let found = check("learning:\n  topics: []\n  summary: ngắn\n", &[model_field("learning")]);
    assert_eq!(found, [(Code::C1Topic, 3, 3), (Code::C1Summary, 4, 12)]);
}

#[test]
fn generic_field_rules() {
    let fields = &[
        Field::req("title", "Tên", text(5, 10)),
        Field::req("start", "Ngày", Kind::Date),
        Field::req("n", "Số", Kind::Number),
        Field::opt("flag", "Cờ", Kind::Bool),
        Field::req("org", "Đơn vị", Kind::Ref(Registry::Unit)),
    ];
    let found = check("title: abc\nstart: 31/02/2023\nn: \"86,5\"\nflag: có\n", fields);
    assert_eq!(
        found,
        [(Code::FLength, 2, 8), (Code::FDate, 3, 8), (Code::FType, 4, 4), (Code::FType, 5, 7), (Code::FRequired, 1, 1),]
    );
}

#[test]
fn placeholders_are_reported_alone() {
    let found = check("start: \"«Cần điền: ngày bắt đầu»\"\n", &[Field::req("start", "Ngày", Kind::Date)]);
    assert_eq!(found, [(Code::FPlaceholder, 2, 8)]);
}

#[test]
fn plainly_nfc_characters_are_nfc_alone_and_compose_with_nothing() {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    let plain: Vec<char> = (0..=0x2FFFF).filter_map(char::from_u32).filter(|&c| plainly_nfc(c)).collect();
    assert!(plain.len() > 1000 && plain.contains(&'ệ') && plain.contains(&'“') && !plain.contains(&'\u{301}'));
    for c in plain {
        assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "U+{:04X}", c as u32);
        assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
    }
    // The byte reading agrees with `plainly_nfc` on every character, alone and in a text.
    for c in (0..=0x2FFFF).filter_map(char::from_u32) {
        assert_eq!(plain_nfc_len(&format!("a{c}b")), plainly_nfc(c).then_some(3), "U+{:04X}", c as u32);
    }
    assert_eq!(plain_nfc_len("Tiết kiệm – “điện”…"), Some(19));
    assert_eq!(plain_nfc_len("Tiê\u{301}t"), None);
    // Decomposed text still counts in NFC code points.
    assert_eq!(text_len("Tiê\u{301}t kiệm"), text_len("Tiết kiệm"));
    assert_eq!(text_len(" Tiết kiệm – “điện” "), 18);
}

/// A criterion is its number 1–5; a name or heading written instead gets the number.
#[test]
fn a_criterion_is_its_number_and_a_name_gets_the_number_to_write() {
    let fields = &[Field::req("criterion", "Tiêu chí", Kind::Criterion)];
    let found = |yaml: &str| {
        let mut out = Vec::new();
        let node = parse_yaml(yaml, 2, "m.md", &mut out).unwrap();
        Validator { path: "m.md", out: &mut out }.check_root(&node, fields);
        out.into_iter().map(|d| (d.code, d.line, d.message, d.hint)).collect::<Vec<_>>()
    };
    assert_eq!(found("criterion: 4\n"), []);
    let [(code, line, message, hint)] = &found("criterion: \"4. Hiệu quả\"\n")[..] else { panic!() };
    assert_eq!((*code, *line), (Code::FType, 2));
    assert_eq!(message, "Trường `criterion` phải là số thứ tự tiêu chí (1–5), không phải chuỗi");
    assert_eq!(hint.as_deref(), Some("ghi số thứ tự của tiêu chí, không ghi tên: `4`"));
    let [(_, _, _, hint)] = &found("criterion: tiêu chí bốn\n")[..] else { panic!() };
    assert_eq!(
        hint.as_deref(),
        Some(
            "ghi số thứ tự của tiêu chí: 1 = Nội dung học tập Bác; 2 = Sự cần thiết; 3 = Biện pháp; 4 = Hiệu quả; \
             5 = Tính khả thi nhân rộng"
        )
    );
    let [(_, _, message, hint)] = &found("criterion: 6\n")[..] else { panic!() };
    assert_eq!(message, "Giá trị 6 của `criterion` (Tiêu chí) không phải số thứ tự tiêu chí (1–5)");
    assert!(hint.as_deref().unwrap().starts_with("ghi số thứ tự của tiêu chí: 1 = Nội dung học tập Bác"));
    let hint_of = |yaml: &str| found(yaml).into_iter().next().and_then(|(_, _, _, hint)| hint);
    assert_eq!(hint_of("criterion: \"3\"\n").as_deref(), Some("chỉ ghi số, không đặt trong ngoặc kép: `3`"));
    assert_eq!(hint_of("criterion: Tiêu chí 5\n").as_deref(), Some("ghi số thứ tự của tiêu chí, không ghi tên: `5`"));
    assert_eq!(hint_of("criterion: 4.0\n").as_deref(), Some("ghi số nguyên, không có phần thập phân: `4`"));
}

/// Numbers as editors write them: with a decimal comma, a unit, a word or quotes, each with
/// the hint that fixes it.
#[test]
fn numbers_written_otherwise_get_the_number_to_write() {
    let fields = &[Field::req("n", "Số", Kind::Number), Field::opt("m", "Số người", Kind::Int { min: 0, max: 1000 })];
    let hints = |yaml: &str| {
        let mut out = Vec::new();
        let node = parse_yaml(yaml, 2, "m.md", &mut out).unwrap();
        Validator { path: "m.md", out: &mut out }.check_root(&node, fields);
        out.into_iter().map(|d| (d.code, d.hint)).collect::<Vec<_>>()
    };
    let only = |hint: &str| Some(hint.to_owned());
    assert_eq!(
        hints("n: \"86,5\"\n"),
        [(Code::FType, only("dùng dấu chấm thập phân và không đặt trong ngoặc kép, ví dụ 86.5"))]
    );
    let plain = "chỉ ghi số, không kèm đơn vị hay chữ và không đặt trong ngoặc kép: ";
    assert_eq!(hints("n: 80%\n"), [(Code::FType, only(&format!("{plain}`80`")))]);
    assert_eq!(hints("n: \"92.5 %\"\n"), [(Code::FType, only(&format!("{plain}`92.5`")))]);
    assert_eq!(hints("n: 1\nm: \"10 người\"\n"), [(Code::FType, only(&format!("{plain}`10`")))]);
    assert_eq!(hints("n: nhiều\n"), [(Code::FType, None)]);
    // Thousands set apart as Vietnamese writes them: the whole number, never `1.500` (1.5).
    let grouped = "chỉ ghi số, không kèm đơn vị hay chữ và không đặt trong ngoặc kép, không ngăn hàng nghìn bằng dấu chấm hay dấu cách: ";
    assert_eq!(hints("n: \"1.500 người\"\n"), [(Code::FType, only(&format!("{grouped}`1500`")))]);
    assert_eq!(hints("n: 1 000\n"), [(Code::FType, only(&format!("{grouped}`1000`")))]);
    assert_eq!(hints("n: 12 000 000 đồng\n"), [(Code::FType, only(&format!("{grouped}`12000000`")))]);
    // A number the field does not take (too large for an integer) has no number to suggest.
    assert_eq!(hints("n: 1\nm: 99999999999999999999\n"), [(Code::FType, None)]);
    // Numbers YAML reads another way: never a fragment of them as the number to write.
    assert_eq!(hints("n: 1_000\n"), [(Code::FType, only("viết số liền, không có dấu `_`: `1000`"))]);
    let decimal = "ghi số thập phân bằng chữ số, ví dụ `86.5` (không dùng `.inf`, `0x…` hay dấu `_`)";
    for written in ["0x10", ".inf", "-.inf", ".nan"] {
        assert_eq!(hints(&format!("n: {written}\n")), [(Code::FType, only(decimal))], "{written}");
    }
}

#[test]
fn a_nested_value_is_named_by_its_whole_path() {
    let yaml = "measures:\n  milestones:\n    - date: 2024-01-02\n      task: Họp chi bộ\n    - date: ngày mai\n      task: 7\n      \
                extra: x\n    -\n";
    let measures: Vec<Field> = forms::MODEL.iter().filter(|f| f.key == "measures").copied().collect();
    let found = said(yaml, &measures);
    let messages: Vec<&str> = found.iter().map(|(_, _, message, _)| message.as_str()).collect();
    assert_eq!(
        messages[2..],
        [
            "Trường `measures.milestones[2].extra` không có trong lược đồ",
            "Ngày không hợp lệ: `ngày mai`",
            "Trường `measures.milestones[2].task` (Công việc) dài 1 ký tự; cần từ 5 đến 300 ký tự",
            "Mục `measures.milestones[3]` để trống",
        ]
    );
    assert_eq!(messages[0], "Thiếu trường bắt buộc `measures.kinds` (Nhóm biện pháp)");
}
