//! The office downloads of the bundled site, opened by LibreOffice as a cadre would open
//! them: form 02 workbooks hold the numbers of the JSON beside them.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::office::xlsx_sheets;
use common::tools::tool_test;
use common::{TempSite, guong};

/// The bundled site (the repository's own `content/`), built once for every test here.
fn built() -> &'static Path {
    static SITE: OnceLock<(TempSite, PathBuf)> = OnceLock::new();
    let (_, out) = SITE.get_or_init(|| {
        let site = TempSite::empty();
        let out = site.dir.join("public");
        let root = env!("CARGO_MANIFEST_DIR");
        let run = guong(&["--root", root, "build", "--output", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        (site, out)
    });
    out
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn number(cell: &str) -> u64 {
    cell.parse().unwrap_or_else(|_| panic!("`{cell}` is not a number"))
}

const COUNT_KEYS: [&str; 9] =
    ["models", "xay_moi", "cung_co", "nhan_rong", "tap_the", "ca_nhan", "in_progress", "completed", "retired"];

tool_test! {
/// Form 02's workbook: the Khối sheet and the per-unit sheet hold the JSON's counts.
fn form02_workbook_holds_the_json_numbers_under_merged_heads() needs ["libreoffice"] {
    let folder = built().join("tong-hop/2023/sau-thang");
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(
        page.contains("href=\"/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.xlsx\" download>Tải về bản Excel</a>")
    );
    let data = json(&folder.join("tong-hop-2023-sau-thang.json"));
    let sheets = xlsx_sheets(&folder.join("tong-hop-2023-sau-thang.xlsx"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Chi tiết theo đơn vị", "Tổng hợp"]);
    let summary = &sheets[1].1;
    let heads = summary.iter().position(|r| r[0] == "Đảng bộ, chi bộ cơ sở").expect("head row");
    assert_eq!(summary[heads][1..=2], ["Tổng số mô hình".to_owned(), "Cách thức".to_owned()]);
    assert_eq!(summary[heads + 1][2..=4], ["Xây dựng mới", "Củng cố, nâng cao", "Nhân rộng"].map(String::from));
    let bases = data["base_units"].as_array().unwrap();
    for (i, base) in bases.iter().enumerate() {
        let row = &summary[heads + 2 + i];
        assert_eq!(row[0], base["name"].as_str().unwrap());
        for (k, key) in COUNT_KEYS.iter().enumerate() {
            assert_eq!(number(&row[1 + k]), base[key].as_u64().unwrap(), "{key} of {}", row[0]);
        }
    }
    let totals = &summary[heads + 2 + bases.len()];
    assert_eq!(totals[0], "Tổng cộng");
    for (k, key) in COUNT_KEYS.iter().enumerate() {
        assert_eq!(number(&totals[1 + k]), data["totals"][key].as_u64().unwrap(), "total {key}");
    }
    let detail = &sheets[0].1;
    for unit in bases.iter().flat_map(|b| b["units"].as_array().unwrap()) {
        let row = detail.iter().find(|r| r[0] == unit["name"].as_str().unwrap() && !r[1].is_empty()).expect("unit row");
        assert_eq!(number(&row[1]), unit["models"].as_u64().unwrap());
    }
}
}

#[test]
fn office_files_are_byte_identical_across_builds() {
    let site = TempSite::empty();
    let root = env!("CARGO_MANIFEST_DIR");
    let out = site.dir.join("again");
    let run = guong(&["--root", root, "build", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = common::snapshot(built());
    let second = common::snapshot(&out);
    let office: Vec<&String> = first.keys().filter(|p| p.ends_with(".xlsx") || p.ends_with(".docx")).collect();
    assert!(!office.is_empty());
    for path in office {
        assert!(first[path] == second[path], "{path} differs between builds");
    }
}
