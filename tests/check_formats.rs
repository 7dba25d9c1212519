//! `guong check` as CI and editors see it: the three output formats, the step summary, exit
//! codes, and robustness against hostile files (every file is still checked, nothing panics).

mod checker;
mod common;

use std::process::Command;

use checker::*;
use common::TempSite;

/// The minimal site with one error (M-GROUP at 10:8) and one warning (C5-SPREAD at 50:1).
fn broken() -> TempSite {
    let site = site();
    edit(&site, MODEL, "group: cai-cach-hanh-chinh", "group: khong-ro");
    edit(&site, MODEL, "  spread: \"Sơ kết 6 tháng, giới thiệu trên Trang thông tin điện tử của Đảng ủy Khối.\"\n", "");
    site
}

#[test]
fn human_format_shows_the_line_a_caret_a_hint_and_the_summary() {
    let site = broken();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{MODEL}:10:8: LỖI [M-GROUP] Nhóm mô hình `khong-ro` không có trong danh mục `nhom_mo_hinh` (`group` (Nhóm mô hình))"
        )
    );
    assert_eq!(lines[1], "   |");
    assert_eq!(lines[2], "10 | group: khong-ro");
    assert_eq!(lines[3], "   |        ^");
    assert!(lines[4].starts_with("  gợi ý: chọn một trong: cai-cach-hanh-chinh, "), "{}", lines[4]);
    assert!(lines[5].starts_with(&format!("{MODEL}:50:1: CẢNH BÁO [C5-SPREAD] ")), "{}", lines[5]);
    assert_eq!(lines[6..9], ["   |", "50 | replication:", "   | ^"]);
    assert_eq!(lines.last(), Some(&"1 lỗi, 1 cảnh báo, 10 tệp"));
    assert!(!run.stdout.contains('\x1b'), "no colour when not on a terminal");
}

#[test]
fn json_format_has_the_documented_shape() {
    let site = broken();
    let document = check_json(&site);
    let keys = |v: &serde_json::Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&document), ["diagnostics", "summary"]);
    assert_eq!(document["summary"], serde_json::json!({"errors": 1, "warnings": 1, "files": 10}));
    let first = &document["diagnostics"][0];
    assert_eq!(keys(first), ["code", "column", "hint", "line", "message", "path", "severity"]);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "M-GROUP");
    assert_eq!(first["path"], MODEL);
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(10), Some(8)));
    assert!(first["hint"].is_string());
    assert_eq!(document["diagnostics"][1]["severity"], "warning");
    let clean = check_json(&checker::site());
    assert_eq!(clean, serde_json::json!({"diagnostics": [], "summary": {"errors": 0, "warnings": 0, "files": 10}}));
}

#[test]
fn github_format_escapes_data_and_properties() {
    let site = broken();
    site.write("content/trang/a,b:c.md", "---\ntype: trang\ntitle: x\n---\n");
    edit(&site, MODEL, "cost: thap", "cost: \"50%\"");
    let run = site.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert!(
        lines[0].starts_with(&format!("::error file={MODEL},line=10,col=8,title=M-GROUP::Nhóm mô hình `khong-ro`"))
    );
    assert!(lines[0].contains("%0Agợi ý: chọn một trong"), "{}", lines[0]);
    assert!(lines[1].starts_with(&format!("::warning file={MODEL},line=50,col=1,title=C5-SPREAD::")));
    assert!(
        lines[2].starts_with(&format!("::error file={MODEL},line=56,col=9,title=C5-LEVEL::Giá trị `50%25`")),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("::error file=content/trang/a%2Cb%3Ac.md,line=1,col=1,title=P-ID::"), "{}", lines[3]);
}

#[test]
fn github_format_appends_the_full_table_to_the_step_summary() {
    let site = broken();
    let summary = site.dir.join("step-summary.md");
    std::fs::write(&summary, "# Bước trước\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_guong"))
        .args(["--root", site.dir.to_str().unwrap(), "check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("# Bước trước\n### guong check: 1 lỗi, 1 cảnh báo, 10 tệp\n"), "{text}");
    assert!(text.contains("| Mức | Mã | Vị trí | Nội dung | Cách sửa |\n|---|---|---|---|---|\n"), "{text}");
    let row = text.lines().find(|l| l.starts_with("| LỖI | `M-GROUP` |")).expect("the M-GROUP row");
    assert!(row.starts_with(&format!("| LỖI | `M-GROUP` | `{MODEL}:10:8` | Nhóm mô hình `khong-ro`")), "{row}");
    assert!(row.contains(" | chọn một trong"), "the hint is the last column: {row}");
    assert!(text.contains(&format!("| CẢNH BÁO | `C5-SPREAD` | `{MODEL}:50:1` |")), "{text}");
}

/// Control characters of content (an escape sequence, a carriage return) reach neither the
/// annotations nor the step summary's Markdown: they are shown escaped.
#[test]
fn github_format_shows_control_characters_of_content_escaped() {
    let site = broken();
    edit(&site, MODEL, "cost: thap", "cost: \"x\\e]0;PWNED\\a\\r\\r# Tiêu đề chèn\\r\"");
    let summary = site.dir.join("step-summary.md");
    let output = Command::new(env!("CARGO_BIN_EXE_guong"))
        .args(["--root", site.dir.to_str().unwrap(), "check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let table = std::fs::read_to_string(&summary).unwrap();
    for text in [&stdout, &table] {
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    }
    assert!(stdout.contains("x\\u{1b}]0;PWNED\\u{7}\\u{d}\\u{d}# Tiêu đề chèn\\u{d}"), "{stdout}");
    let row = table.lines().find(|l| l.contains("`C5-LEVEL`")).expect("the C5-LEVEL row");
    assert!(row.contains("x\\u{1b}]0;PWNED\\u{7}\\u{d}\\u{d}# Tiêu đề chèn"), "{row}");
}

#[test]
fn exit_codes_for_warnings_errors_and_missing_site() {
    let site = checker::site();
    edit(&site, MODEL, "  spread: \"Sơ kết 6 tháng, giới thiệu trên Trang thông tin điện tử của Đảng ủy Khối.\"\n", "");
    assert_eq!(site.run(&["check"]).code, 0);
    assert_eq!(site.run(&["check", "--deny-warnings"]).code, 1);
    assert_eq!(site.run(&["check", "--format", "json", "--deny-warnings"]).code, 1);
    assert_eq!(checker::site().run(&["check", "--deny-warnings"]).code, 0);
    assert_eq!(broken().run(&["check"]).code, 1);
    let empty = TempSite::empty();
    let run = empty.run(&["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("site.yml"), "{}", run.stderr);
    assert_eq!(site.run(&["check", "--format", "xml"]).code, 2);
}

#[test]
fn hostile_files_are_reported_and_every_other_file_still_checked() {
    let site = checker::site();
    let model = site.read(MODEL);
    let cut = model.find("measures:").unwrap();
    site.write("content/mo-hinh/cut.md", &model[..cut]);
    site.write_bytes("content/mo-hinh/binary.md", b"---\ntype: mo_hinh\n\x00\x9f\x92\x96\xff\xfe---\n");
    site.write("content/trang/huge.md", &format!("---\ntype: trang\ntitle: x\n---\n{}", "a".repeat(5 * 1024 * 1024)));
    site.write(
        "content/trang/deep.md",
        &format!("---\ntype: trang\ntitle: x\nx: {}{}\n---\n", "[".repeat(5000), "]".repeat(5000)),
    );
    site.write("content/trang/deep-body.md", &format!("---\ntype: trang\ntitle: x\n---\n{}a\n", "> ".repeat(5000)));
    site.write("content/trang/alias.md", "---\ntype: trang\ntitle: &t x\ndescription: *t\n---\n");
    site.write("content/trang/dup.md", "---\ntype: trang\ntitle: x\ntitle: y\n---\n");
    site.write_bytes("content/trang/bom.md", "\u{feff}---\ntype: trang\ntitle: x\n---\n".as_bytes());
    site.write(MODEL, &model.replace('\n', "\r\n"));
    site.write(UNITS, &site.read(UNITS).replace('\n', "\r\n"));
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let found = common::diagnostics(&run);
    let codes_of = |path: &str| -> Vec<&str> { found.iter().filter(|d| d.2 == path).map(|d| d.1.as_str()).collect() };
    assert_eq!(codes_of("content/mo-hinh/cut.md"), ["P-FM-UNCLOSED"]);
    assert_eq!(codes_of("content/mo-hinh/binary.md"), ["P-ENCODING"]);
    assert_eq!(codes_of("content/trang/huge.md"), ["P-SIZE"]);
    assert_eq!(codes_of("content/trang/deep.md"), ["P-YAML"]);
    assert!(codes_of("content/trang/alias.md").iter().all(|c| *c == "P-YAML-FEATURE"));
    assert!(!codes_of("content/trang/alias.md").is_empty());
    assert_eq!(codes_of("content/trang/dup.md"), ["P-DUP-KEY"]);
    assert_eq!(codes_of("content/trang/bom.md"), ["P-BOM"]);
    assert!(codes_of(MODEL).is_empty() && codes_of(UNITS).is_empty(), "CRLF files are valid: {found:?}");
    assert!(codes_of("content/trang/deep-body.md").is_empty());
    let summary: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(summary["summary"]["files"], 18);
}

#[test]
fn bundled_content_has_no_error() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if !root.join("site.yml").is_file() {
        return;
    }
    let run = common::guong(&["--root", root.to_str().unwrap(), "check", "--format", "json"]);
    let errors: Vec<_> = common::diagnostics(&run).into_iter().filter(|d| d.0 == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(run.code, 0);
}

#[test]
fn out_of_range_catalog_settings_are_errors_without_side_effects() {
    let site = checker::site();
    edit(
        &site,
        CATALOG,
        "coverage_from: 2022\nreport_grace_days: 15",
        "coverage_from: -2147483648\nreport_grace_days: 9223372036854775807",
    );
    expect(&site, &[(E, "F-TYPE", CATALOG, 2), (E, "F-TYPE", CATALOG, 3)]);
}

/// On a terminal (`script` gives the command one), the human format is coloured unless
/// `NO_COLOR` is set (no-color.org).
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let site = checker::site();
    edit(&site, MODEL, "approach: xay_moi", "approach: xay_moii");
    let on_terminal = |no_color: Option<&str>| {
        let command = format!("{} --root {} check", env!("CARGO_BIN_EXE_guong"), site.dir.display());
        let mut script = Command::new("script");
        script.args(["-qec", &command, "/dev/null"]).env_remove("NO_COLOR");
        if let Some(value) = no_color {
            script.env("NO_COLOR", value);
        }
        let output = script.output().expect("run script (util-linux)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(on_terminal(None).contains("\u{1b}[1;31mLỖI\u{1b}[0m [F-ENUM]"), "{}", on_terminal(None));
    let plain = on_terminal(Some("1"));
    assert!(plain.contains(":11:11: LỖI [F-ENUM]") && !plain.contains('\u{1b}'), "{plain}");
}
