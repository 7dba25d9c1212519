//! Organisational change (SPEC §8.2) on the minimal site: O-SUCCESSOR with its exact
//! positions, and a merged unit's running model reported by its successor.

mod checker;
mod common;

use checker::*;

/// The last line of cb-cdc's entry (line 20); what follows it lands on lines 21, 22, ….
const CDC_LAST: &str = "    sector: y_te";

fn merge_cdc(site: &common::TempSite, lines: &str) {
    edit(site, UNITS, CDC_LAST, &format!("{CDC_LAST}\n{lines}"));
}

#[test]
fn o_successor_unknown_suggests_an_id() {
    let site = site();
    merge_cdc(&site, "    active_to: 2022-06-30\n    successor: db-so-tai-chin");
    expect(&site, &[(E, "O-SUCCESSOR", UNITS, 22)]);
    assert_eq!(position(&site, "O-SUCCESSOR"), (22, 16));
    let (message, hint) = message(&site, "O-SUCCESSOR");
    assert_eq!(message, "Đơn vị kế thừa `db-so-tai-chin` không có trong danh sách tổ chức");
    assert_eq!(hint.as_deref(), Some("có phải `db-so-tai-chinh`?"));
}

#[test]
fn o_successor_itself_the_root_or_without_active_to() {
    let site = site();
    merge_cdc(&site, "    active_to: 2022-06-30\n    successor: cb-cdc");
    expect(&site, &[(E, "O-SUCCESSOR", UNITS, 22)]);
    assert!(message(&site, "O-SUCCESSOR").0.contains("không thể kế thừa chính nó"));
    let site = checker::site();
    merge_cdc(&site, "    active_to: 2022-06-30\n    successor: dang-bo-khoi");
    expect(&site, &[(E, "O-SUCCESSOR", UNITS, 22)]);
    let site = checker::site();
    merge_cdc(&site, "    successor: db-so-tai-chinh");
    expect(&site, &[(E, "O-SUCCESSOR", UNITS, 21)]);
    assert_eq!(position(&site, "O-SUCCESSOR"), (21, 16));
    assert!(message(&site, "O-SUCCESSOR").1.unwrap().contains("active_to"));
}

#[test]
fn a_model_starting_after_its_unit_merged_is_told_the_successor_to_name() {
    let site = site();
    merge_cdc(&site, "    active_to: 2022-01-31\n    successor: db-so-tai-chinh");
    let (message, hint) = message(&site, "M-ORG-INACTIVE");
    assert!(message.starts_with("Đơn vị `cb-cdc` đã kết thúc hoạt động ngày 31/01/2022"), "{message}");
    assert_eq!(
        hint.as_deref(),
        Some(
            "`cb-cdc` đã sáp nhập, hợp nhất vào `db-so-tai-chinh` (Đảng bộ Sở Tài chính): ghi \
             `org: db-so-tai-chinh`, hoặc sửa `start` nếu mô hình bắt đầu trước ngày đó"
        )
    );
}

#[test]
fn the_successor_named_is_the_one_at_work_at_the_start_along_a_chain() {
    let site = site();
    merge_cdc(&site, "    active_to: 2022-01-31\n    successor: cb-trung-gian");
    let units = site.read(UNITS);
    site.write(
        UNITS,
        &format!(
            "{units}  - id: cb-trung-gian\n    kind: chi_bo_co_so\n    name: \"Chi bộ Trung gian\"\n    parent: \
             dang-bo-khoi\n    sector: y_te\n    active_to: 2022-02-28\n    successor: db-so-tai-chinh\n"
        ),
    );
    let (_, hint) = message(&site, "M-ORG-INACTIVE");
    assert!(hint.as_deref().unwrap().contains("ghi `org: db-so-tai-chinh`"), "{hint:?}");
}

#[test]
fn o_successor_closing_before_the_unit_it_takes_over() {
    let site = site();
    edit(&site, UNITS, "    sector: thue_tai_chinh", "    sector: thue_tai_chinh\n    active_to: 2022-05-31");
    // cb-cdc's entry moved one line down: its new lines are 22 and 23.
    merge_cdc(&site, "    active_to: 2022-06-30\n    successor: db-so-tai-chinh");
    expect_includes(&site, &[(E, "O-SUCCESSOR", UNITS, 23)]);
    assert_eq!(
        message(&site, "O-SUCCESSOR").0,
        "Đơn vị kế thừa `db-so-tai-chinh` kết thúc hoạt động ngày 31/05/2022, trước đơn vị `cb-cdc` (30/06/2022)"
    );
}

#[test]
fn o_successor_on_every_unit_of_a_loop() {
    let site = site();
    edit(
        &site,
        UNITS,
        "    sector: thue_tai_chinh",
        "    sector: thue_tai_chinh\n    active_to: 2022-06-30\n    successor: cb-cdc",
    );
    merge_cdc(&site, "    active_to: 2022-06-30\n    successor: db-so-tai-chinh");
    expect_includes(&site, &[(E, "O-SUCCESSOR", UNITS, 12), (E, "O-SUCCESSOR", UNITS, 24)]);
    assert!(message(&site, "O-SUCCESSOR").0.contains("quay vòng"));
}

#[test]
fn the_successor_reports_the_running_model_of_a_merged_unit() {
    let site = site();
    merge_cdc(&site, "    active_to: 2022-06-30\n    successor: db-so-tai-chinh");
    // The CDC model runs on after 30/06/2022: the yearly report of the Sở must list it.
    expect(&site, &[(W, "R-MODEL-MISSING", REPORT_YEAR, 12)]);
    assert!(message(&site, "R-MODEL-MISSING").0.contains("`mh-mot-cua-than-thien-cdc` của đơn vị `cb-cdc`"));
    let entry = "  - model: mh-mot-cua-than-thien-cdc
    progress: dung_tien_do
    assessment:
      awareness: \"Cán bộ Trung tâm hiểu rõ trách nhiệm phục vụ người đến làm việc.\"
      attitude: \"Tinh thần tận tình, hướng dẫn một lần đầy đủ.\"
      action: \"Rút ngắn thời gian chờ, công khai quy trình tại Trung tâm.\"
    values:
      - indicator: thoi-gian-cho
        value: 15
---";
    let text = site.read(REPORT_YEAR);
    site.write(REPORT_YEAR, &text.replacen("---", "\u{0}", 1).replacen("---", entry, 1).replacen('\u{0}', "---", 1));
    // Listed by the successor: in scope (no R-MODEL-SCOPE), nothing missing.
    expect(&site, &[]);
    // Before the merge the Sở may not report it: the first-half report is out of scope.
    let text = site.read(REPORT);
    site.write(REPORT, &text.replacen("---", "\u{0}", 1).replacen("---", entry, 1).replacen('\u{0}', "---", 1));
    expect_includes(&site, &[(E, "R-MODEL-SCOPE", REPORT, 31)]);
}
