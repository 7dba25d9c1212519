//! `check --changed-since REV`: only the diagnostics of files changed since REV, plus the
//! cross-file ones those files cause (rule in `src/cli/check_cmd.rs`).

mod common;
mod git_support;

use common::diagnostics;
use git_support::GitSite;

const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen.md";
const UNITS: &str = "content/to-chuc.yml";
/// A committed page with an error (no title), unrelated to every change below.
const OLD_PAGE: &str = "content/trang/cu.md";

/// The minimal site plus a committed page with an error.
fn site_with_an_old_error() -> GitSite {
    let site = GitSite::minimal();
    site.write(OLD_PAGE, "---\ntype: trang\n---\n\nTrang cũ chưa có tiêu đề.\n");
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    let full = site.run(&["check", "--format", "json"]);
    let found = diagnostics(&full);
    assert!(found.iter().any(|(_, code, path, _)| code == "F-REQUIRED" && path == OLD_PAGE), "{found:?}");
    assert!(found.iter().all(|(_, _, path, _)| path == OLD_PAGE), "{found:?}");
    site
}

fn changed_since(site: &GitSite, rev: &str) -> (i32, Vec<(String, String, String, u64)>) {
    let run = site.run(&["check", "--format", "json", "--changed-since", rev]);
    assert!(run.code == 0 || run.code == 1, "{}{}", run.stdout, run.stderr);
    (run.code, diagnostics(&run))
}

#[test]
fn nothing_changed_lists_nothing_even_with_old_errors() {
    let site = site_with_an_old_error();
    let (code, found) = changed_since(&site, "HEAD");
    assert_eq!((code, found), (0, vec![]));
}

#[test]
fn only_the_changed_file_is_listed() {
    let site = site_with_an_old_error();
    let text = site.read(MODEL).replace("approach: cung_co", "approach: cung_cô");
    site.write(MODEL, &text);
    let (code, found) = changed_since(&site, "HEAD");
    assert_eq!(code, 1);
    assert!(found.iter().any(|(_, c, path, _)| c == "F-ENUM" && path == MODEL), "{found:?}");
    assert!(found.iter().all(|(_, _, path, _)| path == MODEL), "{found:?}");

    let full = diagnostics(&site.run(&["check", "--format", "json"]));
    assert!(full.iter().any(|(_, _, path, _)| path == OLD_PAGE));
}

#[test]
fn a_new_file_with_errors_is_listed_and_warnings_alone_exit_zero() {
    let site = site_with_an_old_error();
    site.write("content/trang/moi.md", "---\ntype: trang\ntitle: \"Trang mới\"\nmau_sac: do\n---\n\nNội dung.\n");
    let (code, found) = changed_since(&site, "HEAD");
    assert_eq!(code, 0);
    assert_eq!(found, [("warning".to_owned(), "P-UNKNOWN-KEY".to_owned(), "content/trang/moi.md".to_owned(), 4)]);
}

#[test]
fn deleting_a_model_lists_the_reports_that_still_refer_to_it() {
    let site = site_with_an_old_error();
    site.remove(MODEL);
    let (code, found) = changed_since(&site, "HEAD");
    assert_eq!(code, 1);
    for report in
        ["content/bao-cao/bc-db-so-tai-chinh-2022-ca-nam.md", "content/bao-cao/bc-db-so-tai-chinh-2022-sau-thang.md"]
    {
        assert!(found.iter().any(|(_, c, path, _)| c == "R-MODEL-UNKNOWN" && path == report), "{report}: {found:?}");
    }
    assert!(found.iter().all(|(_, _, path, _)| path != OLD_PAGE), "{found:?}");
}

#[test]
fn moving_a_model_to_another_unit_lists_the_coverage_of_the_unit_it_left() {
    let site = site_with_an_old_error();
    let text = site.read(MODEL).replace("org: cb-phong-ngan-sach", "org: db-so-tai-chinh");
    site.write(MODEL, &text);
    let (_, found) = changed_since(&site, "HEAD");
    assert!(found.iter().any(|(_, c, path, _)| c == "V-UNIT-YEAR" && path == UNITS), "{found:?}");
    assert!(found.iter().all(|(_, _, path, _)| path != OLD_PAGE), "{found:?}");
    let full = diagnostics(&site.run(&["check", "--format", "json"]));
    assert!(full.len() > found.len());
}

#[test]
fn a_duplicate_id_reported_on_an_unchanged_file_is_listed() {
    let site = site_with_an_old_error();
    let copy = "content/mo-hinh/a-ban-sao/mh-tiet-kiem-chi-thuong-xuyen.md";
    site.write(copy, &site.read(MODEL));
    let (code, found) = changed_since(&site, "HEAD");
    assert_eq!(code, 1);
    assert!(found.iter().any(|(_, c, path, _)| c == "M-ID-DUP" && path == MODEL), "{found:?}");
}

#[test]
fn changed_since_compares_with_the_rev_being_checked() {
    let site = site_with_an_old_error();
    let good = site.read(MODEL);
    site.write(MODEL, &good.replace("approach: cung_co", "approach: cung_cô"));
    site.commit("Trần Thị Bình", "2023-02-01", "Sửa cách thức");
    site.write(MODEL, &good);
    let run = site.run(&["check", "--format", "json", "--rev", "HEAD", "--changed-since", "HEAD~1"]);
    let found = diagnostics(&run);
    assert_eq!(run.code, 1);
    assert!(found.iter().any(|(_, c, path, _)| c == "F-ENUM" && path == MODEL), "{found:?}");
    assert!(found.iter().all(|(_, _, path, _)| path == MODEL), "{found:?}");
    assert_eq!(changed_since(&site, "HEAD~1"), (0, vec![]));
}

#[test]
fn a_bad_rev_is_a_usage_error() {
    let site = site_with_an_old_error();
    let run = site.run(&["check", "--changed-since", "nhanh-khong-co"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("không tìm thấy commit `nhanh-khong-co`"), "{}", run.stderr);
    let outside = common::TempSite::minimal();
    let run = outside.run(&["check", "--changed-since", "HEAD"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("không nằm trong kho Git"), "{}", run.stderr);
}

#[test]
fn github_annotations_cover_only_the_change() {
    let site = site_with_an_old_error();
    let text = site.read(MODEL).replace("approach: cung_co", "approach: cung_cô");
    site.write(MODEL, &text);
    let run = site.run(&["check", "--format", "github", "--changed-since", "HEAD"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.lines().all(|l| l.contains(&format!("file={MODEL},"))), "{}", run.stdout);
}
