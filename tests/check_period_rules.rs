//! Programme periods (SPEC §8.1) on the minimal site: without `periods` the one default
//! period 2021–2025 applies (the other check tests are that site's v1 diagnostics); with
//! `periods` every period rule follows the model's own period. Each new code is tested with
//! its exact line and column.

mod checker;
mod common;

use checker::*;
use common::{periods_yaml, two_periods};

#[test]
fn two_periods_keep_the_minimal_site_clean() {
    let site = site();
    site.set_periods(&two_periods());
    expect(&site, &[]);
}

#[test]
fn m_period_lists_the_periods_and_does_not_cascade() {
    let site = site();
    site.set_periods(&two_periods());
    edit(&site, MODEL, "start: 2022-03-01", "start: 2031-01-01");
    // The unit loses its only model and two reports list it: neither is reported again.
    expect(&site, &[(E, "M-PERIOD", MODEL, 13)]);
    assert_eq!(position(&site, "M-PERIOD"), (13, 8));
    let (message, hint) = message(&site, "M-PERIOD");
    assert_eq!(
        message,
        "Ngày bắt đầu 01/01/2031 nằm ngoài giai đoạn 2021–2025 (01/01/2021 – 31/12/2025), 2026–2030 (01/01/2026 – 31/12/2030)"
    );
    assert!(hint.unwrap().contains("`periods`"));
}

#[test]
fn a_start_before_the_programme_is_said_to_be_the_date_to_check() {
    let site = site();
    edit(&site, MODEL, "start: 2022-03-01", "start: 2020-12-31");
    expect(&site, &[(E, "M-PERIOD", MODEL, 13)]);
    assert_eq!(
        message(&site, "M-PERIOD").1.as_deref(),
        Some("chương trình bắt đầu từ 01/01/2021: kiểm tra lại ngày bắt đầu của mô hình")
    );
}

#[test]
fn an_unreadable_start_does_not_cascade_either() {
    let site = site();
    edit(&site, MODEL, "start: 2022-03-01", "start: 2022-02-30");
    expect(&site, &[(E, "F-DATE", MODEL, 13)]);
}

#[test]
fn a_model_of_the_new_period_is_in_its_period() {
    let site = site();
    edit(&site, NHAN_RONG, "start: 2022-04-01", "start: 2026-03-01");
    expect_includes(&site, &[(E, "M-PERIOD", NHAN_RONG, 13)]);
    site.set_periods(&two_periods());
    let found = check(&site);
    assert!(!found.iter().any(|f| f.1 == "M-PERIOD"), "{found:?}");
}

#[test]
fn m_period_end_uses_the_model_period() {
    let site = site();
    site.set_periods(&two_periods());
    edit(&site, MODEL, "start: 2022-03-01", "start: 2022-03-01\nend: 2026-06-30");
    expect(&site, &[(W, "M-PERIOD-END", MODEL, 14)]);
    assert_eq!(position(&site, "M-PERIOD-END"), (14, 6));
    let (message, hint) = message(&site, "M-PERIOD-END");
    assert_eq!(message, "Ngày kết thúc 30/06/2026 sau khi giai đoạn 2021–2025 (01/01/2021 – 31/12/2025) kết thúc");
    assert!(hint.unwrap().contains("revision.previous_model: mh-mot-cua-than-thien"));
}

#[test]
fn d_period_when_to_is_before_from() {
    let site = site();
    site.set_periods(&two_periods().replace("to: 2030-12-31", "to: 2025-12-31"));
    expect(&site, &[(E, "D-PERIOD", CATALOG, 11)]);
    assert_eq!(position(&site, "D-PERIOD"), (11, 11));
    assert_eq!(
        message(&site, "D-PERIOD").0,
        "Giai đoạn `2026-2030` kết thúc ngày 31/12/2025, trước ngày bắt đầu 01/01/2026"
    );
}

#[test]
fn d_period_on_the_later_of_two_overlapping_periods() {
    let site = site();
    // Written out of order: the later period (by start) is the first in the list.
    site.set_periods(&periods_yaml(&[
        ("2025-2030", "2025-07-01", "2030-12-31"),
        ("2021-2025", "2021-01-01", "2025-12-31"),
    ]));
    expect(&site, &[(E, "D-PERIOD", CATALOG, 7)]);
    assert_eq!(position(&site, "D-PERIOD"), (7, 11));
    assert!(message(&site, "D-PERIOD").0.contains("trùng thời gian với giai đoạn `2021-2025`"));
}

#[test]
fn d_period_for_an_empty_list_and_nothing_else() {
    let site = site();
    site.set_periods("periods: []\n");
    expect(&site, &[(E, "D-PERIOD", CATALOG, 4)]);
    assert_eq!(position(&site, "D-PERIOD"), (4, 1));
    assert!(message(&site, "D-PERIOD").1.unwrap().contains("2021–2025 (01/01/2021 – 31/12/2025)"));
}

#[test]
fn d_id_dup_for_periods() {
    let site = site();
    site.set_periods(&two_periods().replace("id: 2026-2030", "id: 2021-2025"));
    expect(&site, &[(E, "D-ID-DUP", CATALOG, 9)]);
    assert_eq!(position(&site, "D-ID-DUP"), (9, 9));
}

#[test]
fn period_ids_may_be_short_but_keep_the_slug_pattern() {
    // SPEC §8.1 gives period ids the slug pattern with no minimum length.
    let site = site();
    site.set_periods(&periods_yaml(&[("v1", "2021-01-01", "2025-12-31"), ("2", "2026-01-01", "2030-12-31")]));
    expect(&site, &[]);
    let site = self::site();
    site.set_periods(&periods_yaml(&[("V1", "2021-01-01", "2025-12-31"), ("2", "2026-01-01", "2030-12-31")]));
    expect(&site, &[(E, "P-ID", CATALOG, 5)]);
    assert_eq!(position(&site, "P-ID"), (5, 9));
    assert!(message(&site, "P-ID").0.contains("1–80 ký tự"), "{:?}", message(&site, "P-ID"));
}

#[test]
fn s_period_over_when_the_period_ended_before_as_of() {
    let site = site();
    site.set_periods(&periods_yaml(&[
        ("2021-2022", "2021-01-01", "2022-12-31"),
        ("2023-2025", "2023-01-01", "2025-12-31"),
    ]));
    expect_includes(
        &site,
        &[(W, "S-PERIOD-OVER", NHAN_RONG, 12), (W, "S-PERIOD-OVER", MODEL, 12), (W, "S-PERIOD-OVER", CUNG_CO, 13)],
    );
    assert_eq!(position(&site, "S-PERIOD-OVER"), (12, 9));
    let (message, hint) = message(&site, "S-PERIOD-OVER");
    assert_eq!(
        message,
        "Mô hình vẫn `status: dang_thuc_hien` nhưng giai đoạn 2021–2022 (01/01/2021 – 31/12/2022) đã kết thúc trước ngày chốt số liệu 31/01/2023"
    );
    let hint = hint.unwrap();
    for part in ["`status: hoan_thanh` với `end: 2022-12-31`", "`status: loai_bo`", "giai đoạn 2023–2025"] {
        assert!(hint.contains(part), "{part} not in {hint}");
    }
    // A finished model is not over.
    edit(&site, NHAN_RONG, "status: dang_thuc_hien", "status: hoan_thanh\nend: 2022-12-31");
    assert!(!check(&site).iter().any(|f| f.1 == "S-PERIOD-OVER" && f.2 == NHAN_RONG));
}

#[test]
fn s_period_over_is_a_rule_of_sites_that_list_their_periods() {
    // A version 1 site (no `periods`) checked after 2025 keeps exactly its diagnostics.
    let site = site();
    edit(&site, CATALOG, "as_of: 2023-01-31", "as_of: 2026-03-01");
    let v1 = check(&site);
    assert!(!v1.iter().any(|f| f.1 == "S-PERIOD-OVER"), "{v1:?}");
    // The same single period, listed, is version 2: the models still running are reported.
    site.set_periods(&periods_yaml(&[("2021-2025", "2021-01-01", "2025-12-31")]));
    let v2 = check(&site);
    let over: Vec<&str> = v2.iter().filter(|f| f.1 == "S-PERIOD-OVER").map(|f| f.2.as_str()).collect();
    assert_eq!(over, [NHAN_RONG, MODEL, CUNG_CO]);
    let others = |found: &[Found]| -> Vec<Found> { found.iter().filter(|f| f.1 != "S-PERIOD-OVER").cloned().collect() };
    assert_eq!(others(&v2), others(&v1));
}

#[test]
fn a_revision_previous_model_must_exist() {
    let site = site();
    let previous = "  previous: \"Phòng Ngân sách tiết kiệm văn phòng phẩm\"\n";
    edit(&site, CUNG_CO, previous, &format!("{previous}  previous_model: mh-mot-cua-than-thein\n"));
    expect(&site, &[(E, "A-REVISION", CUNG_CO, 50)]);
    assert_eq!(position(&site, "A-REVISION"), (50, 19));
    let (message, hint) = message(&site, "A-REVISION");
    assert!(message.contains("`mh-mot-cua-than-thein` không tồn tại"), "{message}");
    assert_eq!(hint.as_deref(), Some("có phải `mh-mot-cua-than-thien`?"));
    edit(&site, CUNG_CO, "previous_model: mh-mot-cua-than-thein", "previous_model: mh-tiet-kiem-chi-thuong-xuyen");
    expect(&site, &[(E, "A-REVISION", CUNG_CO, 50)]);
    edit(&site, CUNG_CO, "previous_model: mh-tiet-kiem-chi-thuong-xuyen", "previous_model: mh-mot-cua-than-thien");
    expect(&site, &[]);
}

#[test]
fn r_period_for_a_year_no_period_covers() {
    let site = site();
    site.set_periods(&two_periods());
    edit(&site, REPORT, "year: 2022", "year: 2031");
    expect(&site, &[(E, "R-PERIOD", REPORT, 5), (W, "V-REPORT-MISSING", UNITS, 6)]);
    assert_eq!(position(&site, "R-PERIOD"), (5, 7));
    assert!(message(&site, "R-PERIOD").0.contains("2026–2030 (01/01/2026 – 31/12/2030)"));
    // 2026 is covered: the period checks run (the dates are now wrong for it), R-PERIOD does not.
    edit(&site, REPORT, "year: 2031", "year: 2026");
    let found = check(&site);
    assert!(found.iter().any(|f| f.1 == "R-DATE" && f.2 == REPORT), "{found:?}");
    assert!(!found.iter().any(|f| f.1 == "R-PERIOD"), "{found:?}");
}

#[test]
fn years_in_the_catalog_must_be_covered() {
    let site = site();
    site.set_periods(&two_periods());
    let text = site.read(CATALOG);
    let topic_year = text.lines().position(|l| l == "    year: 2022").unwrap() as u64 + 1;
    edit(&site, CATALOG, "    year: 2022", "    year: 2031");
    edit(&site, CATALOG, "coverage_from: 2022", "coverage_from: 2031");
    expect_includes(&site, &[(E, "F-TYPE", CATALOG, 2), (E, "F-TYPE", CATALOG, topic_year)]);
    assert_eq!(position(&site, "F-TYPE"), (2, 16));
    // 2026 is a covered year: a yearly topic of 2026 is fine in the catalog.
    edit(&site, CATALOG, "    year: 2031", "    year: 2026");
    edit(&site, CATALOG, "coverage_from: 2031", "coverage_from: 2022");
    assert!(!check(&site).iter().any(|f| f.2 == CATALOG), "{:?}", check(&site));
}

#[test]
fn s_retire_range_ends_with_the_model_period() {
    let site = site();
    site.set_periods(&two_periods());
    edit(
        &site,
        NHAN_RONG,
        "status: dang_thuc_hien",
        "status: loai_bo\nretirement:\n  date: 2026-02-01\n  reason: \"Không còn phù hợp sau khi sáp nhập đơn vị\"\n  replacement: mh-mot-cua-than-thien",
    );
    expect_includes(&site, &[(E, "S-RETIRE", NHAN_RONG, 14)]);
    assert!(message(&site, "S-RETIRE").0.contains("đến 31/12/2025 (hết giai đoạn của mô hình)"));
}

#[test]
fn d_period_for_a_period_longer_than_ten_years() {
    let site = site();
    site.set_periods(&periods_yaml(&[
        ("2021-2025", "2021-01-01", "2025-12-31"),
        ("2026-2040", "2026-01-01", "2040-12-31"),
    ]));
    expect(&site, &[(E, "D-PERIOD", CATALOG, 12)]);
    assert_eq!(position(&site, "D-PERIOD"), (12, 9));
    let (message, hint) = message(&site, "D-PERIOD");
    assert_eq!(message, "Giai đoạn `2026-2040` kéo dài 15 năm (2026 – 2040), dài hơn mức tối đa 10 năm");
    assert!(hint.unwrap().contains("thường 5 năm"));
}

#[test]
fn d_period_for_more_than_twenty_periods_on_the_first_one_too_many() {
    let site = site();
    // The programme's period, then twenty one-year periods after it.
    let years: Vec<(String, String, String)> =
        (2026..2046).map(|y| (format!("nam-{y}"), format!("{y}-01-01"), format!("{y}-12-31"))).collect();
    let later = years.iter().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()));
    let periods: Vec<(&str, &str, &str)> =
        std::iter::once(("2021-2025", "2021-01-01", "2025-12-31")).chain(later).collect();
    site.set_periods(&periods_yaml(&periods));
    // Lines 5–84 hold the first twenty periods; the 21st starts on line 85.
    expect(&site, &[(E, "D-PERIOD", CATALOG, 85)]);
    assert_eq!(position(&site, "D-PERIOD"), (85, 5));
    assert_eq!(message(&site, "D-PERIOD").0, "Danh sách `periods` có 21 giai đoạn, nhiều hơn mức tối đa 20");
    let site = self::site();
    site.set_periods(&periods_yaml(&periods[..20]));
    expect(&site, &[]);
}

#[test]
fn a_broken_period_is_the_one_error_not_every_file_it_held() {
    let site = site();
    site.set_periods(&two_periods().replace("to: 2030-12-31", "to: 2025-12-31"));
    // A model and a report of the broken period 2026–2030.
    edit(&site, MODEL, "start: 2022-03-01", "start: 2026-03-01");
    let report = site.read("content/bao-cao/bc-db-so-tai-chinh-2022-sau-thang.md");
    let report = report.replace("2022-sau-thang", "2026-sau-thang").replace("year: 2022", "year: 2026");
    site.write("content/bao-cao/bc-db-so-tai-chinh-2026-sau-thang.md", &report);
    expect(&site, &[(E, "D-PERIOD", CATALOG, 11)]);
}
