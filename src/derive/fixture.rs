//! A small corpus for the derive tests, built from in-memory files.

use crate::content::corpus::Corpus;
use crate::content::load::load;
use crate::content::report::Period;
use crate::content::vocab::PeriodKind;
use crate::parse::markdown::Reading;
use crate::source::SourceFile;

/// Registry: root `duk`; base `db-a` with ĐBBP `bp-a` (chi bộ `cb-a1`) and chi bộ `cb-a2`;
/// base `cb-b`; base `cb-c` dissolved at the end of 2022.
pub const UNITS: &str = "units:
  - {id: duk, kind: dang_bo_khoi, name: Đảng bộ Khối thử}
  - {id: db-a, kind: dang_bo_co_so, name: Đảng bộ A, parent: duk, sector: y_te}
  - {id: bp-a, kind: dang_bo_bo_phan, name: Đảng bộ bộ phận A, parent: db-a}
  - {id: cb-a1, kind: chi_bo_truc_thuoc, name: Chi bộ A1, parent: bp-a}
  - {id: cb-a2, kind: chi_bo_truc_thuoc, name: Chi bộ A2, parent: db-a}
  - {id: cb-b, kind: chi_bo_co_so, name: Chi bộ B, parent: duk, sector: giao_duc}
  - {id: cb-c, kind: chi_bo_co_so, name: Chi bộ C, parent: duk, sector: khac, active_to: 2022-12-31}
";

/// Catalog with `as_of` 2023-07-20 (so 2023 sáu tháng is overdue on 2023-07-15 + …).
pub const CATALOG: &str = "as_of: 2023-07-20
coverage_from: 2022
report_grace_days: 15
nhom_mo_hinh:
  - {id: nhom-mot, label: Nhóm một}
  - {id: nhom-hai, label: Nhóm hai}
chuyen_de:
  - {id: cd-chung, kind: toan_khoa, title: Chuyên đề chung}
  - {id: tp-dan-van, kind: tac_pham, title: Dân vận}
";

/// A model file with the fields derive reads; `extra` is appended to the front matter.
pub fn model(id: &str, org: &str, approach: &str, subject: &str, status: &str, start: &str, extra: &str) -> SourceFile {
    let text = format!(
        "---\ntype: mo_hinh\nid: {id}\ntitle: Mô hình {id}\norg: {org}\nsubject: {{type: {subject}, name: Tập thể thử}}\n\
         group: nhom-mot\napproach: {approach}\nstatus: {status}\nstart: {start}\nlearning: {{topics: [cd-chung]}}\n\
         effectiveness:\n  indicators:\n    - {{code: ty-le, name: Tỷ lệ hài lòng, unit: '%', baseline: 70, target: 90}}\n{extra}---\nNội dung.\n"
    );
    SourceFile { path: format!("content/mo-hinh/{id}.md"), bytes: text.into_bytes() }
}

/// A report file of `org` for `year`/`period` dated `date`, with `models` as its front-matter list.
pub fn report(id: &str, org: &str, year: i32, period: &str, date: &str, models: &str) -> SourceFile {
    let text = format!(
        "---\ntype: bao_cao\nid: {id}\norg: {org}\nyear: {year}\nperiod: {period}\nreport_date: {date}\nmodels:\n{models}---\n"
    );
    SourceFile { path: format!("content/bao-cao/{id}.md"), bytes: text.into_bytes() }
}

/// The corpus of the fixture registry and catalog plus `files`.
pub fn corpus(files: Vec<SourceFile>) -> Corpus {
    corpus_with_units(UNITS, files)
}

/// The corpus of the fixture catalog, the registry `units` and `files`.
pub fn corpus_with_units(units: &str, files: Vec<SourceFile>) -> Corpus {
    corpus_with(CATALOG, units, files)
}

/// The corpus of the catalog `catalog`, the registry `units` and `files`.
pub fn corpus_with(catalog: &str, units: &str, files: Vec<SourceFile>) -> Corpus {
    let mut all = vec![
        SourceFile { path: "content/danh-muc.yml".into(), bytes: catalog.as_bytes().to_vec() },
        SourceFile { path: "content/to-chuc.yml".into(), bytes: units.as_bytes().to_vec() },
    ];
    all.extend(files);
    all.sort_by(|a, b| a.path.cmp(&b.path));
    load(&all, Reading::Publish { base_path: "/" }).corpus
}

/// The reporting period `kind` of `year`.
pub fn period(year: i32, kind: PeriodKind) -> Period {
    Period { year, kind }
}

/// cb-b merged into cb-a2 (under db-a) on 30/06/2025.
const MERGED_UNITS: &str = "units:
  - {id: duk, kind: dang_bo_khoi, name: Đảng bộ Khối thử}
  - {id: db-a, kind: dang_bo_co_so, name: Đảng bộ A, parent: duk, sector: y_te}
  - {id: cb-a2, kind: chi_bo_truc_thuoc, name: Chi bộ A2, parent: db-a}
  - {id: cb-b, kind: chi_bo_co_so, name: \"=Chi bộ B, trường\", parent: duk, sector: giao_duc, active_to: 2025-06-30, successor: cb-a2}
  - {id: cb-c, kind: chi_bo_co_so, name: Chi bộ C, parent: duk, sector: khac}
";

const PERIODS: &str = "periods:
  - {id: 2021-2025, name: Giai đoạn 2021–2025, from: 2021-01-01, to: 2025-12-31}
  - {id: 2026-2030, name: Giai đoạn 2026–2030, from: 2026-01-01, to: 2030-12-31, guidance: Hướng dẫn mới}
";

/// Two programme periods (2021–2025, 2026–2030), `as_of` 2026-07-20, the registry above and
/// five models: mh-cu of cb-b runs past the merge (two recognitions, 2023 and 2024).
pub fn two_periods() -> Corpus {
    let catalog = format!("{}{PERIODS}", CATALOG.replace("as_of: 2023-07-20", "as_of: 2026-07-20"));
    corpus_with(
        &catalog,
        MERGED_UNITS,
        vec![
            model(
                "mh-cu",
                "cb-b",
                "xay_moi",
                "tap_the",
                "dang_thuc_hien",
                "2022-03-01",
                "recognition:\n  - {date: 2024-05-01, level: co_so, form: Giấy khen}\n  - {date: 2023-01-10, level: tinh, form: Bằng khen}\n",
            ),
            model("mh-xong", "cb-b", "xay_moi", "ca_nhan", "hoan_thanh", "2021-02-01", "end: 2024-12-31\n"),
            model(
                "mh-c",
                "cb-c",
                "nhan_rong",
                "tap_the",
                "loai_bo",
                "2023-01-01",
                "retirement: {date: 2024-03-01, reason: Không còn phù hợp với nhiệm vụ}\n",
            ),
            model(
                "mh-moi",
                "cb-a2",
                "cung_co",
                "tap_the",
                "dang_thuc_hien",
                "2026-03-01",
                "revision: {since: 2026, previous_model: mh-cu}\n",
            ),
            model("mh-lac", "cb-c", "xay_moi", "tap_the", "dang_thuc_hien", "2019-03-01", ""),
        ],
    )
}
