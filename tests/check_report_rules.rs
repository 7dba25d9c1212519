//! Report, registry and coverage rules of SPEC §3 (R-*, O-*, D-ID-DUP, V-*): one broken
//! file of the minimal site per test, with the exact diagnostics it must produce.

mod checker;
mod common;

use checker::*;

const COPY: &str = "content/bao-cao/z/bc-db-so-tai-chinh-2022-sau-thang.md";

#[test]
fn r_id_dup_on_the_later_file_and_r_dup_on_both() {
    let site = site();
    site.write(COPY, &site.read(REPORT));
    expect(&site, &[(E, "R-DUP", REPORT, 4), (E, "R-ID-DUP", COPY, 3), (E, "R-DUP", COPY, 4)]);
}

#[test]
fn r_dup_same_unit_and_period_in_two_files() {
    let site = site();
    let other = "content/bao-cao/bc-db-so-tai-chinh-2022-sau-thang-bo-sung.md";
    site.write(
        other,
        &site
            .read(REPORT)
            .replace("id: bc-db-so-tai-chinh-2022-sau-thang", "id: bc-db-so-tai-chinh-2022-sau-thang-bo-sung"),
    );
    expect(&site, &[(E, "R-DUP", other, 4), (E, "R-DUP", REPORT, 4)]);
    assert!(message(&site, "R-DUP").0.contains("6 tháng đầu năm 2022"));
}

#[test]
fn r_org_unknown_or_not_a_base_unit() {
    let site = site();
    edit(&site, REPORT_CDC, "org: cb-cdc", "org: cb-cdd");
    expect(&site, &[(E, "R-ORG", REPORT_CDC, 4), (W, "V-REPORT-MISSING", UNITS, 15)]);
    assert_eq!(message(&site, "R-ORG").1.as_deref(), Some("có phải `cb-cdc`?"));
    edit(&site, REPORT_CDC, "org: cb-cdd", "org: cb-phong-ngan-sach");
    expect(&site, &[(E, "R-ORG", REPORT_CDC, 4), (W, "V-REPORT-MISSING", UNITS, 15)]);
}

#[test]
fn r_period_skips_the_period_checks() {
    let site = site();
    edit(&site, REPORT, "year: 2022", "year: 2020");
    expect(&site, &[(E, "R-PERIOD", REPORT, 5), (W, "V-REPORT-MISSING", UNITS, 6)]);
    edit(&site, REPORT, "year: 2020\nperiod: sau_thang", "year: 2022\nperiod: quy_1");
    expect(&site, &[(E, "R-PERIOD", REPORT, 6), (W, "V-REPORT-MISSING", UNITS, 6)]);
}

#[test]
fn r_date_before_the_period_and_r_late_after_the_deadline() {
    let site = site();
    edit(&site, REPORT, "report_date: 2022-07-08", "report_date: 2021-12-31");
    expect(&site, &[(E, "R-DATE", REPORT, 7)]);
    edit(&site, REPORT, "report_date: 2021-12-31", "report_date: 2022-07-16");
    expect(&site, &[(W, "R-LATE", REPORT, 7)]);
    assert_eq!(message(&site, "R-LATE").0, "Báo cáo 6 tháng đầu năm 2022 nộp ngày 16/07/2022, sau hạn 15/07/2022");
    edit(&site, REPORT, "report_date: 2022-07-16", "report_date: 2022-07-15");
    expect(&site, &[]);
}

#[test]
fn r_empty_and_the_models_it_misses() {
    let site = site();
    let text = site.read(REPORT_CDC);
    let (start, end) = (text.find("models:").unwrap(), text.find("---\n\nBáo cáo").unwrap());
    site.write(REPORT_CDC, &format!("{}models: []\n{}", &text[..start], &text[end..]));
    expect(&site, &[(W, "R-EMPTY", REPORT_CDC, 12), (W, "R-MODEL-MISSING", REPORT_CDC, 12)]);
}

#[test]
fn r_model_unknown_with_a_suggestion() {
    let site = site();
    edit(&site, REPORT_CDC, "  - model: mh-mot-cua-than-thien-cdc", "  - model: mh-mot-cua-than-thien-cd");
    expect(&site, &[(W, "R-MODEL-MISSING", REPORT_CDC, 12), (E, "R-MODEL-UNKNOWN", REPORT_CDC, 13)]);
    let (text, hint) = message(&site, "R-MODEL-UNKNOWN");
    assert!(text.starts_with("Báo cáo dẫn chiếu mô hình không tồn tại"), "{text}");
    assert_eq!(hint.as_deref(), Some("có phải `mh-mot-cua-than-thien-cdc`?"));
}

#[test]
fn r_model_scope_and_dup() {
    let site = site();
    let entry = "  - model: mh-mot-cua-than-thien\n    progress: tam_dung\n";
    edit(&site, REPORT_CDC, "---\n\nBáo cáo", &format!("{entry}---\n\nBáo cáo"));
    expect(&site, &[(E, "R-MODEL-SCOPE", REPORT_CDC, 22)]);
    let site = checker::site();
    let entry = "  - model: mh-mot-cua-than-thien-cdc\n    progress: tam_dung\n";
    edit(&site, REPORT_CDC, "---\n\nBáo cáo", &format!("{entry}---\n\nBáo cáo"));
    expect(&site, &[(E, "R-MODEL-DUP", REPORT_CDC, 22)]);
}

#[test]
fn r_assess_required_unless_paused_or_dropped() {
    let site = site();
    let text = site.read(REPORT_CDC);
    let (start, end) = (text.find("    assessment:").unwrap(), text.find("    values:").unwrap());
    site.write(REPORT_CDC, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(E, "R-ASSESS", REPORT_CDC, 13)]);
    edit(&site, REPORT_CDC, "progress: dung_tien_do", "progress: tam_dung");
    expect(&site, &[]);
    edit(&site, REPORT_CDC, "progress: tam_dung", "progress: dung_tien_do\n    assessment:\n      awareness: \"Ngắn\"");
    expect(&site, &[(E, "R-ASSESS", REPORT_CDC, 15), (E, "R-ASSESS", REPORT_CDC, 15), (E, "R-ASSESS", REPORT_CDC, 16)]);
}

#[test]
fn r_values_required_numeric_and_declared() {
    let site = site();
    edit(&site, REPORT_CDC, "    values:\n      - indicator: thoi-gian-cho\n        value: 30\n", "");
    expect(&site, &[(E, "R-VALUES", REPORT_CDC, 13)]);
    let site = checker::site();
    edit(&site, REPORT_CDC, "value: 30", "value: \"30 phút\"");
    expect(&site, &[(E, "R-VALUES", REPORT_CDC, 21)]);
    edit(
        &site,
        REPORT_CDC,
        "indicator: thoi-gian-cho\n        value: \"30 phút\"",
        "indicator: thoi-gian-ch\n        value: 30",
    );
    expect(&site, &[(E, "R-VALUES", REPORT_CDC, 20)]);
    assert_eq!(message(&site, "R-VALUES").1.as_deref(), Some("có phải `thoi-gian-cho`?"));
}

#[test]
fn r_org_ref_in_propose_replication() {
    let site = site();
    edit(
        &site,
        REPORT_CDC,
        "        value: 30\n",
        "        value: 30\n    propose_replication: [db-so-tai-chinh, cb-khong-co]\n",
    );
    expect(&site, &[(E, "R-ORG-REF", REPORT_CDC, 22)]);
}

#[test]
fn r_model_inactive_in_the_period() {
    let site = site();
    edit(&site, NHAN_RONG, "start: 2022-04-01", "start: 2022-07-01");
    edit(&site, NHAN_RONG, "date: 2022-04-15", "date: 2022-07-15");
    expect(&site, &[(W, "R-MODEL-INACTIVE", REPORT_CDC, 13)]);
}

#[test]
fn r_model_missing_from_the_report_of_its_base_unit() {
    let site = site();
    let text = site.read(REPORT);
    let start = text.find("  - model: mh-tiet-kiem-chi-thuong-xuyen").unwrap();
    let end = text.find("---\n\nBáo cáo").unwrap();
    site.write(REPORT, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(W, "R-MODEL-MISSING", REPORT, 12)]);
    assert!(
        message(&site, "R-MODEL-MISSING").0.contains("`mh-tiet-kiem-chi-thuong-xuyen` của đơn vị `cb-phong-ngan-sach`")
    );
}

#[test]
fn r_status_mismatch_both_ways() {
    let site = site();
    edit(&site, REPORT_CDC, "progress: dung_tien_do", "progress: loai_bo");
    expect(&site, &[(W, "R-STATUS-MISMATCH", REPORT_CDC, 14)]);
    let site = checker::site();
    edit(
        &site,
        NHAN_RONG,
        "status: dang_thuc_hien",
        "status: loai_bo\nretirement:\n  date: 2022-11-30\n  reason: \"Không còn phù hợp sau khi sáp nhập đơn vị\"\n  replacement: mh-mot-cua-than-thien",
    );
    expect(&site, &[(W, "R-STATUS-MISMATCH", REPORT_CDC_YEAR, 14), (W, "V-UNIT-YEAR", UNITS, 15)]);
}

#[test]
fn o_id_dup_and_root() {
    let site = site();
    let units = site.read(UNITS);
    site.write(UNITS, &format!("{units}  - id: cb-cdc\n    kind: chi_bo_co_so\n    name: \"Chi bộ trùng mã\"\n    parent: dang-bo-khoi\n    sector: khac\n"));
    expect(&site, &[(E, "O-ID-DUP", UNITS, 21)]);
    site.write(
        UNITS,
        &format!("{units}  - id: dang-bo-khoi-2\n    kind: dang_bo_khoi\n    name: \"Đảng bộ Khối thứ hai\"\n"),
    );
    expect(&site, &[(E, "O-ROOT", UNITS, 22)]);
    site.write(UNITS, &units.replace("kind: dang_bo_khoi", "kind: dang_bo_co_so\n    sector: khac"));
    expect_includes(&site, &[(E, "O-ROOT", UNITS, 1), (E, "F-REQUIRED", UNITS, 2)]);
}

#[test]
fn o_parent_unknown_or_wrong_kind_and_parent_required() {
    let site = site();
    edit(&site, UNITS, "parent: db-so-tai-chinh", "parent: db-so-tai-chinhh");
    expect(&site, &[(E, "O-PARENT", UNITS, 14)]);
    assert_eq!(message(&site, "O-PARENT").1.as_deref(), Some("có phải `db-so-tai-chinh`?"));
    edit(&site, UNITS, "parent: db-so-tai-chinhh", "parent: cb-cdc");
    expect_includes(&site, &[(E, "O-PARENT", UNITS, 14), (E, "R-MODEL-SCOPE", REPORT, 22)]);
    edit(&site, UNITS, "    parent: cb-cdc\n", "");
    expect(&site, &[(E, "F-REQUIRED", UNITS, 11)]);
}

#[test]
fn o_cycle_on_every_unit_of_the_loop() {
    let site = site();
    edit(
        &site,
        UNITS,
        "    name: \"Đảng bộ Sở Tài chính\"\n    parent: dang-bo-khoi",
        "    name: \"Đảng bộ Sở Tài chính\"\n    parent: cb-phong-ngan-sach",
    );
    expect_includes(&site, &[(E, "O-CYCLE", UNITS, 9), (E, "O-PARENT", UNITS, 9), (E, "O-CYCLE", UNITS, 14)]);
}

#[test]
fn o_dates_and_sector_required_for_base_units() {
    let site = site();
    edit(&site, UNITS, "    sector: y_te", "    sector: y_te\n    active_from: 2021-01-01\n    active_to: 2020-12-31");
    expect_includes(&site, &[(E, "O-DATES", UNITS, 22)]);
    let site = checker::site();
    edit(&site, UNITS, "    sector: y_te\n", "");
    expect(&site, &[(E, "F-REQUIRED", UNITS, 15)]);
}

#[test]
fn d_id_dup_and_yearly_topic_year() {
    let site = site();
    edit(&site, CATALOG, "  - id: san-xuat-kinh-doanh", "  - id: xay-dung-dang");
    expect(&site, &[(E, "D-ID-DUP", CATALOG, 15)]);
    let site = checker::site();
    edit(&site, CATALOG, "    year: 2022\n", "");
    expect(&site, &[(E, "F-REQUIRED", CATALOG, 37)]);
    let site = checker::site();
    edit(&site, CATALOG, "    issued: \"1947\"", "    issued: \"1947\"\n    year: 2022");
    expect(&site, &[(W, "P-UNKNOWN-KEY", CATALOG, 25)]);
}

#[test]
fn v_unit_year_once_per_unit_and_year() {
    let site = site();
    let units = site.read(UNITS);
    site.write(UNITS, &format!("{units}  - id: cb-phong-tin-hoc\n    kind: chi_bo_truc_thuoc\n    name: \"Chi bộ Phòng Tin học\"\n    parent: db-so-tai-chinh\n"));
    expect(&site, &[(W, "V-UNIT-YEAR", UNITS, 21), (W, "V-UNIT-YEAR", UNITS, 21)]);
    assert_eq!(message(&site, "V-UNIT-YEAR").0, "Đơn vị `cb-phong-tin-hoc` chưa có mô hình nào trong năm 2022");
    site.write(UNITS, &format!("{units}  - id: cb-phong-tin-hoc\n    kind: chi_bo_truc_thuoc\n    name: \"Chi bộ Phòng Tin học\"\n    parent: db-so-tai-chinh\n    active_from: 2023-01-01\n"));
    expect(&site, &[(W, "V-UNIT-YEAR", UNITS, 21)]);
}

#[test]
fn v_report_missing_at_the_base_unit() {
    let site = site();
    site.remove(REPORT_CDC_YEAR);
    expect(&site, &[(W, "V-REPORT-MISSING", UNITS, 15)]);
    assert_eq!(message(&site, "V-REPORT-MISSING").0, "Đơn vị `cb-cdc` chưa nộp báo cáo năm 2022 (hạn 15/01/2023)");
    edit(&site, CATALOG, "as_of: 2023-01-31", "as_of: 2023-01-14");
    expect(&site, &[]);
}

#[test]
fn v_agg_manual_folder_and_type() {
    let site = site();
    site.write("content/tong-hop/2022-ca-nam.md", "---\ntype: trang\ntitle: Tổng hợp\n---\n");
    site.write("content/trang/tong-hop.md", "---\ntype: tong_hop\ntitle: Tổng hợp\n---\n");
    expect(
        &site,
        &[
            (E, "V-AGG-MANUAL", "content/tong-hop/2022-ca-nam.md", 1),
            (E, "V-AGG-MANUAL", "content/trang/tong-hop.md", 2),
        ],
    );
}

#[test]
fn an_unreadable_registry_or_catalog_is_reported_once() {
    let site = site();
    site.remove(UNITS);
    expect(&site, &[(E, "F-REQUIRED", UNITS, 1)]);
    let site = checker::site();
    edit(&site, UNITS, "  - id: cb-cdc", "  - id: [cb-cdc");
    expect(&site, &[(E, "P-YAML", UNITS, 16)]);
    let site = checker::site();
    edit(&site, CATALOG, "nhom_mo_hinh:", "nhom_mo_hinh: {");
    expect(&site, &[(E, "P-YAML", CATALOG, 5)]);
}

#[test]
fn a_year_that_wraps_around_32_bits_is_still_invalid() {
    let site = site();
    edit(&site, REPORT, "year: 2022", "year: 4294969318");
    expect(&site, &[(E, "R-PERIOD", REPORT, 5), (W, "V-REPORT-MISSING", UNITS, 6)]);
}
