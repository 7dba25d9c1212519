use super::*;
use crate::derive::fixture::{corpus, model, report};

#[test]
fn units_without_a_model_are_listed_per_coverage_year() {
    let corpus = corpus(vec![
        model("mh-a", "db-a", "xay_moi", "tap_the", "dang_thuc_hien", "2022-03-01", ""),
        model("mh-a1", "cb-a1", "xay_moi", "tap_the", "dang_thuc_hien", "2023-02-01", ""),
        model("mh-b", "cb-b", "xay_moi", "tap_the", "hoan_thanh", "2021-05-01", "end: 2022-06-30\n"),
    ]);
    let found: Vec<(i32, &str)> = units_without_model(&corpus).iter().map(|m| (m.year, m.unit.id.as_str())).collect();
    assert_eq!(
        found,
        [
            (2022, "bp-a"),
            (2022, "cb-a1"),
            (2022, "cb-a2"),
            (2022, "cb-c"),
            (2023, "bp-a"),
            (2023, "cb-a2"),
            (2023, "cb-b"),
        ]
    );
}

#[test]
fn due_reports_follow_deadlines_and_unit_activity() {
    let corpus = corpus(vec![
        report("bc-a-2022-6", "db-a", 2022, "sau_thang", "2022-07-10", "  []\n"),
        report("bc-a-2022-12", "db-a", 2022, "ca_nam", "2023-02-01", "  []\n"),
    ]);
    let due: Vec<(&str, Period, ReportState)> =
        due_reports(&corpus).iter().map(|d| (d.unit.id.as_str(), d.period, d.state)).collect();
    let period = |year, kind| Period { year, kind };
    use crate::content::vocab::PeriodKind::{CaNam, SauThang};
    assert_eq!(
        due,
        [
            ("db-a", period(2022, SauThang), ReportState::DungHan),
            ("cb-b", period(2022, SauThang), ReportState::ChuaNop),
            ("cb-c", period(2022, SauThang), ReportState::ChuaNop),
            ("db-a", period(2022, CaNam), ReportState::TreHan),
            ("cb-b", period(2022, CaNam), ReportState::ChuaNop),
            ("cb-c", period(2022, CaNam), ReportState::ChuaNop),
            ("db-a", period(2023, SauThang), ReportState::ChuaNop),
            ("cb-b", period(2023, SauThang), ReportState::ChuaNop),
        ]
    );
    assert_eq!(missing_reports(&corpus).len(), 6);
    let late: Vec<&str> = late_reports(&corpus).iter().map(|r| r.id.as_str()).collect();
    assert_eq!(late, ["bc-a-2022-12"]);
    assert_eq!(due_reports(&corpus)[3].deadline.to_string(), "15/01/2023");
}
