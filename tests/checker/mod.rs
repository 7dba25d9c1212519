//! Helpers for the `check_*` integration tests: edit one file of the valid minimal site and
//! compare the diagnostics `guong check --format json` prints.

#![allow(dead_code)]

use crate::common::TempSite;

/// The xay_moi model of the minimal site (org db-so-tai-chinh).
pub const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";
/// The cung_co model (ca_nhan, org cb-phong-ngan-sach).
pub const CUNG_CO: &str = "content/mo-hinh/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen.md";
/// The nhan_rong model (org cb-cdc, source MODEL).
pub const NHAN_RONG: &str = "content/mo-hinh/mh-mot-cua-than-thien-cdc.md";
/// The 2022 first-half report of db-so-tai-chinh (entries MODEL, CUNG_CO).
pub const REPORT: &str = "content/bao-cao/bc-db-so-tai-chinh-2022-sau-thang.md";
/// The 2022 yearly report of db-so-tai-chinh.
pub const REPORT_YEAR: &str = "content/bao-cao/bc-db-so-tai-chinh-2022-ca-nam.md";
/// The 2022 first-half report of cb-cdc (entry NHAN_RONG).
pub const REPORT_CDC: &str = "content/bao-cao/bc-cb-cdc-2022-sau-thang.md";
/// The 2022 yearly report of cb-cdc.
pub const REPORT_CDC_YEAR: &str = "content/bao-cao/bc-cb-cdc-2022-ca-nam.md";
pub const UNITS: &str = "content/to-chuc.yml";
pub const CATALOG: &str = "content/danh-muc.yml";
pub const PAGE: &str = "content/trang/gioi-thieu.md";

pub const E: &str = "error";
pub const W: &str = "warning";

/// (severity, code, path, line)
pub type Found = (String, String, String, u64);

/// A copy of the minimal site.
pub fn site() -> TempSite {
    TempSite::minimal()
}

/// Replaces the one occurrence of `from` in the file at `path` with `to`.
pub fn edit(site: &TempSite, path: &str, from: &str, to: &str) {
    let text = site.read(path);
    assert_eq!(text.matches(from).count(), 1, "`{from}` must occur once in {path}");
    site.write(path, &text.replacen(from, to, 1));
}

/// Runs `check --format json` and returns every diagnostic.
pub fn check(site: &TempSite) -> Vec<Found> {
    crate::common::diagnostics(&site.run(&["check", "--format", "json"]))
}

/// Runs `check --format json` and returns the whole document.
pub fn check_json(site: &TempSite) -> serde_json::Value {
    let run = site.run(&["check", "--format", "json"]);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr))
}

fn owned(expected: &[(&str, &str, &str, u64)]) -> Vec<Found> {
    expected.iter().map(|&(s, c, p, l)| (s.to_owned(), c.to_owned(), p.to_owned(), l)).collect()
}

/// Asserts the site's diagnostics are exactly `expected` (in output order: path, line).
pub fn expect(site: &TempSite, expected: &[(&str, &str, &str, u64)]) {
    assert_eq!(check(site), owned(expected));
}

/// Asserts the site's diagnostics include every one of `expected`.
pub fn expect_includes(site: &TempSite, expected: &[(&str, &str, &str, u64)]) {
    let found = check(site);
    for wanted in owned(expected) {
        assert!(found.contains(&wanted), "missing {wanted:?} in {found:#?}");
    }
}

/// The message and hint of the first diagnostic with `code`.
pub fn message(site: &TempSite, code: &str) -> (String, Option<String>) {
    let document = check_json(site);
    let found = document["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["code"] == code).cloned())
        .unwrap_or_else(|| panic!("no {code} in {document:#}"));
    (found["message"].as_str().unwrap_or_default().to_owned(), found["hint"].as_str().map(str::to_owned))
}

/// The line and column of the first diagnostic with `code`.
pub fn position(site: &TempSite, code: &str) -> (u64, u64) {
    let document = check_json(site);
    let found = document["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["code"] == code).cloned())
        .unwrap_or_else(|| panic!("no {code} in {document:#}"));
    (found["line"].as_u64().unwrap_or_default(), found["column"].as_u64().unwrap_or_default())
}
