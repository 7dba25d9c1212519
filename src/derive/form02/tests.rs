use super::*;
use crate::derive::fixture::{corpus, model, period, report, two_periods};

fn sample() -> Corpus {
    corpus(vec![
        model("mh-mot", "db-a", "xay_moi", "tap_the", "dang_thuc_hien", "2022-03-01", ""),
        model("mh-hai", "cb-a1", "cung_co", "ca_nhan", "hoan_thanh", "2022-02-01", "end: 2023-03-31\n"),
        model(
            "mh-ba",
            "cb-a1",
            "nhan_rong",
            "tap_the",
            "loai_bo",
            "2022-01-10",
            "retirement: {date: 2023-05-10, reason: Không còn phù hợp với nhiệm vụ}\n",
        ),
        model("mh-bon", "cb-b", "xay_moi", "tap_the", "ke_hoach", "2023-09-01", ""),
        report(
            "bc-a-2023-st",
            "db-a",
            2023,
            "sau_thang",
            "2023-07-10",
            "  - {model: mh-hai, progress: hoan_thanh, values: [{indicator: ty-le, value: 85}]}\n",
        ),
        report("bc-b-2023-st", "cb-b", 2023, "sau_thang", "2023-07-18", "  []\n"),
    ])
}

fn counts(models: usize, approach: [usize; 3], subject: [usize; 2], phase: [usize; 3]) -> Counts {
    Counts {
        models,
        xay_moi: approach[0],
        cung_co: approach[1],
        nhan_rong: approach[2],
        tap_the: subject[0],
        ca_nhan: subject[1],
        in_progress: phase[0],
        completed: phase[1],
        retired: phase[2],
        commended: 0,
    }
}

#[test]
fn counts_each_unit_and_sums_the_subtree() {
    let table = form02(&sample(), period(2023, PeriodKind::SauThang));
    let ids: Vec<&str> = table.base_units.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["db-a", "cb-b"], "cb-c was dissolved in 2022 and has no model");
    let a = &table.base_units[0];
    let rows: Vec<(&str, usize, bool, bool)> =
        a.units.iter().map(|u| (u.id.as_str(), u.counts.models, u.reported, u.no_model)).collect();
    assert_eq!(
        rows,
        [("db-a", 1, false, false), ("bp-a", 0, false, true), ("cb-a1", 2, true, false), ("cb-a2", 0, false, true)]
    );
    assert_eq!(a.units[2].counts, counts(2, [0, 1, 1], [1, 1], [0, 1, 1]));
    assert_eq!(a.counts, counts(3, [1, 1, 1], [2, 1], [1, 1, 1]));
    assert_eq!((a.reported, a.units_without_model), (1, 2));
    assert_eq!(a.report_state, ReportState::DungHan);
    assert_eq!(a.report, Some(FiledReport { id: "bc-a-2023-st".into(), date: Date::new(2023, 7, 10) }));
    let b = &table.base_units[1];
    assert!(b.units[0].no_model, "mh-bon starts in September");
    assert_eq!(b.report_state, ReportState::TreHan, "filed 18/07, deadline 15/07");
    let t = &table.totals;
    assert_eq!(t.counts, a.counts);
    assert_eq!((t.units, t.units_without_model, t.reported), (5, 3, 1));
    assert_eq!((t.reports_submitted, t.reports_late, t.reports_missing), (2, 1, 0));
}

#[test]
fn phases_follow_the_period_not_todays_status() {
    let corpus = sample();
    let early = form02(&corpus, period(2022, PeriodKind::SauThang));
    assert_eq!(early.totals.counts, counts(3, [1, 1, 1], [2, 1], [3, 0, 0]), "all three were running in 2022");
    let late = form02(&corpus, period(2023, PeriodKind::CaNam));
    assert_eq!(late.totals.counts.models, 4);
    assert_eq!((late.totals.counts.in_progress, late.totals.counts.completed, late.totals.counts.retired), (2, 1, 1));
    assert_eq!(late.totals.reports_missing, 0, "the 2023 report is not due before 15/01/2024");
    assert!(late.base_units.iter().all(|b| b.report_state == ReportState::ChuaDenHan));
}

#[test]
fn dissolved_unit_is_listed_while_active_and_its_report_is_missing() {
    let table = form02(&sample(), period(2022, PeriodKind::CaNam));
    let c = table.base_units.iter().find(|b| b.id == "cb-c").unwrap();
    assert!(c.units[0].no_model);
    assert_eq!(c.report_state, ReportState::ChuaNop);
    assert_eq!(table.totals.reports_missing, 3);
    assert_eq!(table.by_group[0], Tally { id: "nhom-mot".into(), label: "Nhóm một".into(), models: 3 });
    assert_eq!(table.by_group[1].models, 0);
    assert_eq!((table.by_topic[0].models, table.by_topic[1].models), (3, 0));
}

#[test]
fn json_has_the_spec_shape() {
    let table = form02(&sample(), period(2023, PeriodKind::SauThang));
    let json: serde_json::Value = serde_json::from_str(&table.to_json()).unwrap();
    assert_eq!(json["year"], 2023);
    assert_eq!(json["period"], "sau_thang");
    assert_eq!(json["as_of"], "2023-07-20");
    let base = &json["base_units"][0];
    for key in ["id", "name", "models", "xay_moi", "cung_co", "nhan_rong", "tap_the", "ca_nhan", "in_progress"] {
        assert!(base.get(key).is_some(), "{key}");
    }
    assert_eq!(base["retired"], 1);
    assert_eq!(base["reported"], 1);
    let unit = &base["units"][2];
    assert_eq!(unit["id"], "cb-a1");
    assert_eq!(unit["kind"], "chi_bo_truc_thuoc");
    assert_eq!(unit["completed"], 1);
    assert_eq!(unit["reported"], true);
    assert_eq!(base["units"][1]["no_model"], true);
    assert_eq!(json["totals"]["models"], 3);
    assert_eq!(json["totals"]["reports_late"], 1);
}

#[test]
fn csv_has_a_bom_the_json_keys_and_the_json_rows() {
    let table = form02(&sample(), period(2023, PeriodKind::SauThang));
    let csv = table.to_csv();
    assert!(csv.starts_with("\u{feff}year,period,level,base_unit,id,name,kind,models,"));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    let units: usize = table.base_units.iter().map(|b| b.units.len()).sum();
    assert_eq!(lines.len(), 1 + table.base_units.len() + units + 1);
    assert!(lines.contains(&"2023,sau_thang,unit,db-a,cb-a1,Chi bộ A1,chi_bo_truc_thuoc,2,0,1,1,1,1,0,1,1,0,1,0"));
    assert!(lines.last().unwrap().starts_with("2023,sau_thang,totals,,,Tổng cộng,,"));
}

/// A listed model: id, unit, phase, recognitions in the period.
type Listed<'a> = (&'a str, &'a str, &'a str, usize);

/// The listed models of each base unit.
fn lists(table: &Form02) -> Vec<(&str, Vec<Listed<'_>>)> {
    table
        .base_units
        .iter()
        .map(|b| {
            let list =
                b.model_list.iter().map(|m| (m.id.as_str(), m.unit.as_str(), m.phase.code(), m.recognition.len()));
            (b.id.as_str(), list.collect())
        })
        .collect()
}

#[test]
fn models_are_listed_under_their_counting_unit_and_commended_within_the_period() {
    let corpus = two_periods();
    // 2023: mh-cu (cb-b) has its 10/01/2023 recognition in the year, not in 2024's first half.
    let year = form02(&corpus, period(2023, PeriodKind::CaNam));
    assert_eq!(
        lists(&year),
        [
            ("db-a", vec![]),
            ("cb-b", vec![("mh-xong", "cb-b", "in_progress", 0), ("mh-cu", "cb-b", "in_progress", 1)]),
            ("cb-c", vec![("mh-c", "cb-c", "in_progress", 0)]),
        ]
    );
    assert_eq!((year.base_units[1].counts.commended, year.totals.counts.commended), (1, 1));
    assert!(!year.base_units[1].has_own_form(), "a chi bộ cơ sở");
    let half = form02(&corpus, period(2024, PeriodKind::SauThang));
    assert_eq!(half.totals.counts.commended, 1, "the 01/05/2024 recognition");
    assert_eq!(half.base_units[1].model_list[1].recognition[0].date, Date::new(2024, 5, 1));
    // cb-b merged into cb-a2 on 30/06/2025: mh-cu runs on, listed and counted under db-a.
    let merged = form02(&corpus, period(2025, PeriodKind::CaNam));
    assert_eq!(lists(&merged), [("db-a", vec![("mh-cu", "cb-a2", "in_progress", 0)]), ("cb-c", vec![]),]);
    assert!(merged.base_units[0].has_own_form());
    assert_eq!(merged.base_units[0].model_list[0].unit_name, "Chi bộ A2");
    assert_eq!(merged.totals.counts.models, 1, "the total is the models active in 2025");
    let json: serde_json::Value = serde_json::from_str(&year.to_json()).unwrap();
    let listed = &json["base_units"][1]["model_list"][1];
    assert_eq!(listed["id"], "mh-cu");
    assert_eq!(listed["subject"], "Tập thể thử");
    assert_eq!((listed["subject_type"].as_str(), listed["approach"].as_str()), (Some("tap_the"), Some("xay_moi")));
    assert_eq!(listed["recognition"][0]["level"], "tinh");
    assert_eq!(json["totals"]["commended"], 1);
}
