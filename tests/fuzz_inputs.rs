//! A deterministic mutation fuzzer over front matter and Markdown: thousands of damaged
//! variants of real files go through the whole checker, which must never panic. (The
//! coverage-guided target for `cargo fuzz` is in `fuzz/`; this runs in every `cargo test`.)

use guong::check::check_files;
use guong::content::forms;
use guong::content::schema::{Field, Kind};
use guong::diagnostic::Severity;
use guong::source::SourceFile;

const MODEL: &str = r#"---
type: mo_hinh
id: mh-thu
title: "Mô hình thử nghiệm một cửa"
org: cb-mot
subject: {type: ca_nhan, name: "Nguyễn Văn An", position: "Bí thư chi bộ"}
group: cai-cach-hanh-chinh
approach: cung_co
status: dang_thuc_hien
start: 05/01/2022
learning:
  topics: [toan-khoa-xiii]
  summary: "Học tập phong cách làm việc khoa học, gần dân, trọng dân."
necessity: {reasons: [khac_phuc_han_che], identified_in: "Nghị quyết chi bộ"}
measures:
  kinds: [quan_triet_tuyen_truyen]
  responsible: "Chi ủy chi bộ"
  milestones:
    - {date: 2022-02-01, task: "Triển khai kế hoạch"}
effectiveness:
  expected: {awareness: "Nhận thức nâng lên rõ", attitude: "Thái độ niềm nở hơn", action: "Giải quyết đúng hạn"}
  indicators:
    - {code: dung-han, name: "Hồ sơ đúng hạn", unit: "%", baseline: 80, target: 98.5}
replication:
  targets: [{name: "Các chi bộ khác", similarity: "Cùng nhiệm vụ tiếp nhận hồ sơ"}]
  cost: thap
  requirements: pho_thong
revision: {since: 2020, previous: "Mô hình cũ", changes: [{criterion: 1, text: "Bổ sung chuyên đề mới"}]}
---
## 1. Nội dung học tập Bác
Nội dung <b>đậm</b> và [liên kết](javascript:alert(1)) `<script>`.

## 2. Sự cần thiết
| a | b |
|---|---|
| 1 | 2 |
"#;

const UNITS: &str = "units:\n  - {id: duk, kind: dang_bo_khoi, name: \"Đảng bộ Khối\"}\n  - {id: cb-mot, kind: chi_bo_co_so, name: \"Chi bộ Một\", parent: duk, sector: khac}\n";

const CATALOG: &str = "as_of: 2023-07-20\nnhom_mo_hinh: [{id: cai-cach-hanh-chinh, label: \"Cải cách\"}]\nchuyen_de: [{id: toan-khoa-xiii, kind: toan_khoa, title: \"Chuyên đề toàn khóa\"}]\n";

/// Tokens that tend to break parsers.
const TOKENS: &[&[u8]] = &[
    b"---",
    b"\n---\n",
    b":",
    b": ",
    b"&a ",
    b"*a",
    b"!!str ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\t",
    b"\r\n",
    b"\r",
    b"<script>",
    b"<iframe src=x>",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\"",
    b"'",
    b"#",
    b"- ",
    b"\n  ",
    b"~",
    b"? ",
    b"|\n",
    b">\n",
    b"```",
    b"## ",
    b"%YAML 1.2\n",
    b"\x00",
    b"\xe1\xba",
    b"31/02/2023",
    b"-1e999",
    b"..",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            1 => bytes.truncate(at),
            2 if at < bytes.len() => bytes[at] = rng.next() as u8,
            3 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                let from = rng.below(bytes.len());
                let end = (from + rng.below(60)).min(bytes.len());
                let chunk = bytes[from..end].to_vec();
                bytes.splice(at..at, chunk);
            }
        }
    }
    bytes
}

fn site(model: Vec<u8>, units: Vec<u8>, catalog: Vec<u8>) -> Vec<SourceFile> {
    vec![
        SourceFile { path: "content/danh-muc.yml".into(), bytes: catalog },
        SourceFile { path: "content/mo-hinh/mh-thu.md".into(), bytes: model },
        SourceFile { path: "content/to-chuc.yml".into(), bytes: units },
    ]
}

#[test]
fn damaged_files_never_panic_and_always_produce_a_verdict() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..3000 {
        let (mut model, mut units, mut catalog) =
            (MODEL.as_bytes().to_vec(), UNITS.as_bytes().to_vec(), CATALOG.as_bytes().to_vec());
        match round % 3 {
            0 => model = mutate(&mut rng, &model),
            1 => units = mutate(&mut rng, &units),
            _ => catalog = mutate(&mut rng, &catalog),
        }
        let checked = check_files(&site(model, units, catalog));
        for d in &checked.diagnostics {
            assert!(d.line >= 1 && d.column >= 1, "round {round}: {d:?}");
        }
    }
}

#[test]
fn pathological_inputs_are_reported_not_fatal() {
    let deep = format!("---\na: {}\n---\n", "[".repeat(50_000));
    let huge = format!("---\ntype: mo_hinh\n---\n{}", "x".repeat(5 * 1024 * 1024));
    let aliases = "---\na: &x [1, 2]\nb: [*x, *x, *x]\n---\n".to_owned();
    for text in [deep, huge, aliases, "---".into(), "".into(), "\u{feff}---\r\n---\r\n".into()] {
        let checked = check_files(&site(text.into_bytes(), UNITS.into(), CATALOG.into()));
        assert!(
            checked.diagnostics.iter().any(|d| d.path == "content/mo-hinh/mh-thu.md" && d.severity == Severity::Error)
        );
    }
}

/// Every key of the schemas (models, reports, pages, registry, catalog) and near misses,
/// for generated front matter.
fn keys() -> Vec<&'static str> {
    fn collect(fields: &'static [Field], out: &mut Vec<&'static str>) {
        for field in fields {
            out.push(field.key);
            let mut kind = &field.kind;
            while let Kind::List { item, .. } = kind {
                kind = item;
            }
            if let Kind::Map(inner) = kind {
                collect(inner, out);
            }
        }
    }
    let mut keys = vec!["titel", "orgg", "x", ""];
    for form in [forms::MODEL, forms::REPORT, forms::PAGE, forms::UNITS, forms::CATALOG] {
        collect(form, &mut keys);
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Values that are wrong in every way a pull request could make them.
const VALUES: &[&str] = &[
    "mo_hinh",
    "bao_cao",
    "trang",
    "mh-thu",
    "cb-mot",
    "duk",
    "2023",
    "31/02/2023",
    "2023-13-01",
    "01/01/2022",
    "-1",
    "1e400",
    "NaN",
    "0x10",
    "~",
    "null",
    "true",
    "\"\"",
    "'='",
    "\"=HYPERLINK(\\\"x\\\")\"",
    "../../etc",
    "\"<script>alert(1)</script>\"",
    "\"javascript:alert(1)\"",
    "\"\\u0000\"",
    "\"Đảng bộ Khối\"",
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "|\n  dòng\n  dòng",
    "&a x",
    "*a",
    "!!binary x",
    "? x",
    "\"\\ud800\"",
    "9999999999999999999999",
];

/// A random YAML value of at most `depth` levels, indented by `indent`.
fn value(rng: &mut Rng, keys: &[&str], depth: usize, indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    match (rng.below(6), depth) {
        (0, 1..) => {
            let items: String =
                (0..rng.below(4)).map(|_| format!("\n{pad}- {}", value(rng, keys, depth - 1, indent + 2))).collect();
            if items.is_empty() { "[]".into() } else { items }
        }
        (1, 1..) => {
            let entries: String = (0..1 + rng.below(4))
                .map(|_| format!("\n{pad}{}: {}", keys[rng.below(keys.len())], value(rng, keys, depth - 1, indent + 2)))
                .collect();
            entries
        }
        _ => VALUES[rng.below(VALUES.len())].to_owned(),
    }
}

/// Front matter of random keys and values, some repeated, then a body with HTML and links.
fn random_file(rng: &mut Rng, keys: &[&str]) -> Vec<u8> {
    let mut text = String::from("---\n");
    for _ in 0..rng.below(30) {
        text.push_str(&format!("{}: {}\n", keys[rng.below(keys.len())], value(rng, keys, 3, 0)));
    }
    if rng.below(8) > 0 {
        text.push_str("---\n");
    }
    for _ in 0..rng.below(6) {
        let piece =
            ["## 1. Nội dung học tập Bác\n", "<b onclick=x>", "[a](javascript:x)", "\n```\n", "<svg", "\r\n", "đ"];
        text.push_str(piece[rng.below(piece.len())]);
    }
    text.into_bytes()
}

/// A registry of random units whose parents form chains, cycles and dangling links.
fn random_units(rng: &mut Rng) -> Vec<u8> {
    let count = 1 + rng.below(40);
    let mut text = String::from("units:\n  - {id: duk, kind: dang_bo_khoi, name: \"Đảng bộ Khối\"}\n");
    let kinds = ["dang_bo_co_so", "chi_bo_co_so", "dang_bo_bo_phan", "chi_bo_truc_thuoc", "khong_biet"];
    for i in 0..count {
        let parent = match rng.below(4) {
            0 => "duk".to_owned(),
            1 => format!("u{}", rng.below(count)),
            2 => format!("khong-co-{i}"),
            _ => format!("u{i}"),
        };
        text.push_str(&format!(
            "  - {{id: u{}, kind: {}, name: \"U{i}\", parent: {parent}, sector: khac, active_to: {}}}\n",
            if rng.below(10) == 0 { rng.below(count) } else { i },
            kinds[rng.below(kinds.len())],
            VALUES[rng.below(VALUES.len())].replace(['\n', '{', '}', '[', ']', ','], " "),
        ));
    }
    text.into_bytes()
}

/// Generated front matter of every file kind and generated registries (chains, cycles,
/// duplicates, dangling parents) through the whole checker and the human format: never a
/// panic, every position inside the file.
#[test]
fn random_front_matter_and_registries_never_panic() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let keys = keys();
    for round in 0..1500 {
        let files = vec![
            SourceFile { path: "content/danh-muc.yml".into(), bytes: CATALOG.into() },
            SourceFile { path: "content/mo-hinh/mh-thu.md".into(), bytes: random_file(&mut rng, &keys) },
            SourceFile { path: "content/bao-cao/bc-thu.md".into(), bytes: random_file(&mut rng, &keys) },
            SourceFile { path: "content/trang/thu.md".into(), bytes: random_file(&mut rng, &keys) },
            SourceFile { path: "content/to-chuc.yml".into(), bytes: random_units(&mut rng) },
        ];
        let checked = check_files(&files);
        let sources = guong::check::format::sources_for(&files, &checked.diagnostics);
        let _ = guong::check::format::human(&checked.diagnostics, checked.summary(), &sources, false);
        for d in &checked.diagnostics {
            let file = files.iter().find(|f| f.path == d.path);
            let lines = file.map_or(usize::MAX, |f| f.bytes.split(|&b| b == b'\n').count());
            assert!(d.line >= 1 && d.column >= 1 && d.line <= lines.max(1), "round {round}: {d:?}");
        }
    }
}
