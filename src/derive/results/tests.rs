use super::*;
use crate::derive::fixture::{corpus, model, report};

#[test]
fn values_come_in_period_order_with_baseline_latest_and_target() {
    let corpus = corpus(vec![
        model("mh-mot", "db-a", "xay_moi", "tap_the", "dang_thuc_hien", "2022-03-01", ""),
        report(
            "a-bc-2023",
            "db-a",
            2023,
            "sau_thang",
            "2023-07-10",
            "  - {model: mh-mot, progress: dung_tien_do, values: [{indicator: ty-le, value: 86.5}]}\n",
        ),
        report(
            "z-bc-2022",
            "db-a",
            2022,
            "ca_nam",
            "2023-01-05",
            "  - {model: mh-mot, progress: cham_tien_do, values: [{indicator: ty-le, value: 78}]}\n",
        ),
        report("b-bc-2022-st", "db-a", 2022, "sau_thang", "2022-07-05", "  - {model: mh-mot, progress: tam_dung}\n"),
    ]);
    let index = ReportIndex::new(&corpus);
    let model = corpus.model("mh-mot").unwrap();
    let ids: Vec<&str> = index.mentions("mh-mot").iter().map(|m| m.report.id.as_str()).collect();
    assert_eq!(ids, ["b-bc-2022-st", "z-bc-2022", "a-bc-2023"]);
    let results = indicator_results(&index, model);
    assert_eq!(results.len(), 1);
    let r = &results[0];
    assert_eq!((r.baseline, r.target), (Some(70.0), Some(90.0)));
    let values: Vec<f64> = r.points.iter().map(|p| p.value).collect();
    assert_eq!(values, [78.0, 86.5]);
    assert_eq!(r.latest().map(|p| p.report.as_str()), Some("a-bc-2023"));
    assert_eq!(r.value_in(Period { year: 2022, kind: PeriodKind::CaNam }), Some(78.0));
    assert_eq!(latest_values(&index, model)[0].1.as_ref().map(|p| p.value), Some(86.5));
    assert!(has_running_result(&index, "mh-mot"));
    assert!(!has_running_result(&index, "mh-khac"));
}
