//! One hostile file of each shape that once made a check superlinear (a 14,000-unit parent
//! chain, 110,000 raw HTML lines, 80,000 event attributes, 100,000 unknown keys, …) is
//! checked in every output format and built: each gives its findings at their exact
//! positions and `/kiem-tra/` lists a few per code and says how many more. The inputs are
//! large enough that a quadratic check would not finish within the harness's patience;
//! the times themselves are measured by `bench/hostile.sh`, never asserted here.

mod common;
#[path = "hostile/shapes.rs"]
mod shapes;

use common::{Run, TempSite};

/// The minimal site with the file of `shape` written in.
fn site_with(shape: &shapes::Shape) -> TempSite {
    let site = TempSite::minimal();
    site.write(shape.path, &shape.text);
    site
}

fn shape(name: &str) -> shapes::Shape {
    shapes::all().into_iter().find(|s| s.name == name).unwrap()
}

/// Runs `check` in the three formats; each must end with `code`. The human output.
fn check_all_formats(site: &TempSite, code: i32) -> String {
    for format in ["json", "github"] {
        let run = site.run(&["check", "--format", format]);
        assert_eq!(run.code, code, "{format}: {}", run.stderr);
    }
    let run = site.run(&["check"]);
    assert_eq!(run.code, code, "{}", run.stderr);
    run.stdout + &run.stderr
}

fn count(run: &str, needle: &str) -> usize {
    run.matches(needle).count()
}

#[test]
fn a_parent_chain_as_long_as_a_file_allows_is_checked_unit_by_unit() {
    let shape = shape("parent-chain");
    let units = shape.text.matches("\n  - ").count();
    let out = check_all_formats(&site_with(&shape), 1);
    assert_eq!(count(&out, "LỖI [O-PARENT]"), units - 5, "every chained unit but the first is misplaced");
    assert!(out.contains("content/to-chuc.yml:7:"), "{}", &out[..out.len().min(2000)]);
    assert!(!out.contains("[O-CYCLE]"));
}

#[test]
fn unknown_parents_by_the_ten_thousand_each_get_their_did_you_mean() {
    let shape = shape("unknown-parents");
    let units = shape.text.matches(", parent: x").count();
    let out = check_all_formats(&site_with(&shape), 1);
    assert_eq!(count(&out, "LỖI [O-PARENT]"), units);
    assert_eq!(count(&out, "gợi ý: có phải `u"), units, "a hint for each");
    let last = units - 1;
    let finding = format!("[O-PARENT] Đơn vị cấp trên `x{last}` (Trực thuộc) không có trong danh sách tổ chức");
    let at = out.find(&finding).expect("the last unit's finding");
    let hint = out[at..].lines().nth(4).unwrap();
    assert_eq!(hint, format!("  gợi ý: có phải `u{last}`?"));
}

#[test]
fn raw_html_on_every_line_warns_per_line_and_the_compliance_page_stays_short() {
    let shape = shape("raw-html-lines");
    let lines = shape.text.matches("<b>").count();
    let site = site_with(&shape);
    let out = check_all_formats(&site, 0);
    assert_eq!(count(&out, "CẢNH BÁO [P-HTML-RAW]"), lines);
    let run: Run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("public/kiem-tra/index.html");
    assert_eq!(page.matches("<span class=\"code\">P-HTML-RAW</span>").count(), 20);
    assert!(page.contains(&format!("và {} cảnh báo khác trong tệp này", dotted(lines - 20))), "no count of the rest");
    assert!(page.len() < 200_000, "the page lists {} bytes", page.len());
}

#[test]
fn event_attributes_by_the_ten_thousand_are_each_an_error_at_its_column() {
    let shape = shape("event-attributes");
    let tags = shape.text.matches("<b on").count();
    let out = check_all_formats(&site_with(&shape), 1);
    assert_eq!(count(&out, "LỖI [P-HTML-UNSAFE]"), tags);
    assert!(out.contains(
        "content/trang/su-kien.md:5:4: LỖI [P-HTML-UNSAFE] Nội dung chứa mã HTML/JavaScript không được phép: `on0=`"
    ));
}

#[test]
fn unknown_keys_by_the_hundred_thousand_warn_each_and_the_page_stays_short() {
    let shape = shape("unknown-keys");
    let keys = shape.text.matches("\nk").count();
    let site = site_with(&shape);
    let out = check_all_formats(&site, 0);
    assert_eq!(count(&out, "CẢNH BÁO [P-UNKNOWN-KEY]"), keys);
    assert!(out.contains(&format!("content/trang/khoa-la.md:{}:1:", keys + 3)));
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("public/kiem-tra/index.html");
    assert_eq!(page.matches("<span class=\"code\">P-UNKNOWN-KEY</span>").count(), 20);
    assert!(page.contains(&format!("và {} cảnh báo khác trong tệp này", dotted(keys - 20))));
}

#[test]
fn anchors_and_tags_by_the_ten_thousand_are_each_reported_at_their_marker() {
    let out = check_all_formats(&site_with(&shape("anchors")), 1);
    assert_eq!(count(&out, "LỖI [P-YAML-FEATURE]"), 40_000);
    assert!(out.contains("content/trang/neo.md:4:5:"), "the first anchor's `&`");
    let last = 4 + 20_000;
    let column = 5 + "!!str 0, ".len() * 10 + "!!str 10, ".len() * 90 + "!!str 100, ".len() * 900;
    assert!(out.contains(&format!("content/trang/neo.md:{last}:{column}:")), "the 1,001st tag's `!`");
}

#[test]
fn a_megabyte_line_shows_a_bounded_excerpt_under_its_error() {
    let out = check_all_formats(&site_with(&shape("long-line")), 1);
    let error = out.lines().position(|l| l.contains("[P-HTML-UNSAFE]")).expect("the error");
    let shown = out.lines().nth(error + 2).unwrap();
    assert!(shown.starts_with("5 | chữ chữ") && shown.chars().count() < 250, "{}", shown.len());
}

/// `n` with dots between thousands, as the pages write counts.
fn dotted(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}
