//! A deterministic mutation fuzzer over front matter and Markdown: thousands of damaged
//! variants of real files go through the whole checker, which must never panic. (The
//! coverage-guided target for `cargo fuzz` is in `fuzz/`; this runs in every `cargo test`.)

use guong::check::check_files;
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
