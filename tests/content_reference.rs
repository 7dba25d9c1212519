//! `docs/content.md` is exactly what `guong schema --markdown` prints: the reference of the
//! content format cannot drift from the declarations the checker uses.

mod common;

use common::guong;

#[test]
fn docs_content_md_is_the_output_of_schema_markdown() {
    let run = guong(&["schema", "--markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/content.md")).unwrap_or_default();
    if committed != run.stdout {
        let line = committed
            .lines()
            .zip(run.stdout.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| committed.lines().count().min(run.stdout.lines().count()) + 1, |index| index + 1);
        panic!(
            "docs/content.md differs from `guong schema --markdown` (first at line {line}); rewrite it with\n    \
             cargo run --release -- schema --markdown > docs/content.md"
        );
    }
}

#[test]
fn schema_markdown_of_one_kind_and_json_of_the_new_kinds() {
    let run = guong(&["schema", "report", "--markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\n## Báo cáo định kỳ (biểu mẫu 03) — `content/bao-cao/**/<id>.md`\n"));
    assert!(!run.stdout.contains("\n## Mô hình"), "only the kind asked for");
    let page: serde_json::Value = serde_json::from_str(&guong(&["schema", "page"]).stdout).unwrap();
    assert_eq!(page["properties"]["type"]["const"], "trang");
    let site: serde_json::Value = serde_json::from_str(&guong(&["schema", "site"]).stdout).unwrap();
    assert_eq!(site["required"], serde_json::json!(["title"]));
    assert_eq!(site["properties"]["per_page"]["minimum"], 1);
    let unknown = guong(&["schema", "danh-sach"]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
}
