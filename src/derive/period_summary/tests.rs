//! Two periods, a unit merged in 2025 with a model running on past the merge.

use super::*;
use crate::derive::fixture::two_periods;

#[test]
fn a_period_holds_the_models_it_starts_counted_where_they_ended_up() {
    let corpus = two_periods();
    let first = period_summary(&corpus, &corpus.catalog.periods.list()[0]);
    let ids: Vec<&str> = first.models.iter().map(|m| m.id.as_str()).collect();
    // By start date; mh-lac starts before every period and belongs to none.
    assert_eq!(ids, ["mh-xong", "mh-cu", "mh-c"]);
    assert_eq!(first.totals.models, 3);
    assert_eq!((first.totals.xay_moi, first.totals.nhan_rong, first.totals.ca_nhan), (2, 1, 1));
    assert_eq!((first.totals.in_progress, first.totals.completed, first.totals.retired), (1, 1, 1));
    // mh-cu ran past cb-b's merge: it stays cb-b's model, counted at the period's end under
    // cb-a2's base db-a; mh-xong ended before the merge and is counted with cb-b.
    let cu = &first.models[1];
    assert_eq!((cu.unit.as_deref(), cu.base_unit.as_deref()), (Some("cb-b"), Some("db-a")));
    assert_eq!(first.models[0].base_unit.as_deref(), Some("cb-b"));
    let bases: Vec<(&str, usize, usize)> =
        first.base_units.iter().map(|b| (b.id.as_str(), b.counts.models, b.counts.commended)).collect();
    assert_eq!(bases, [("db-a", 1, 1), ("cb-b", 1, 0), ("cb-c", 1, 0)]);
    assert_eq!(first.base_units.iter().map(|b| b.counts.models).sum::<usize>(), first.totals.models);
    assert_eq!((first.commended, first.totals.commended), (1, 1), "any recognition, dated in the period or not");
    // Recognitions by date; a model running on has no end of its own (the period's is not it).
    assert_eq!(cu.recognition.iter().map(|r| r.date.unwrap().iso()).collect::<Vec<_>>(), ["2023-01-10", "2024-05-01"]);
    assert_eq!(cu.end, None);
    assert_eq!(first.models[0].end.map(|d| d.iso()).as_deref(), Some("2024-12-31"));
    let status: Vec<(&str, usize)> = first.by_status.iter().map(|t| (t.id.as_str(), t.models)).collect();
    assert_eq!(status, [("ke_hoach", 0), ("dang_thuc_hien", 1), ("hoan_thanh", 1), ("loai_bo", 1)]);

    let second = period_summary(&corpus, &corpus.catalog.periods.list()[1]);
    assert_eq!(second.models.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["mh-moi"]);
    assert_eq!(second.models[0].previous_model.as_deref(), Some("mh-cu"));
    assert_eq!(second.guidance.as_deref(), Some("Hướng dẫn mới"));
}

#[test]
fn csv_and_json_hold_the_models() {
    let corpus = two_periods();
    let first = period_summary(&corpus, &corpus.catalog.periods.list()[0]);
    let csv = first.to_csv(&corpus);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}Mã giai đoạn,Mã mô hình,Tên mô hình,"));
    assert_eq!(lines.len(), 5, "header, three models, the final line end");
    // A unit name starting with "=" is made inert and quoted for its comma.
    assert_eq!(
        lines[1],
        "2021-2025,mh-xong,Mô hình mh-xong,cb-b,cb-b,\"'=Chi bộ B, trường\",Nhóm một,Xây dựng mới,Cá nhân,Hoàn thành,01/02/2021,31/12/2024,,0"
    );
    let json: serde_json::Value = serde_json::from_str(&first.to_json()).unwrap();
    assert_eq!(json["id"], "2021-2025");
    assert_eq!(json["from"], "2021-01-01");
    assert_eq!(json["as_of"], "2026-07-20");
    assert_eq!(json["totals"]["models"], 3);
    assert_eq!(json["commended"], 1);
    assert_eq!(json["base_units"][0]["id"], "db-a");
    assert_eq!(json["base_units"][0]["models"], 1);
    assert_eq!(json["models"][1]["status"], "dang_thuc_hien");
    assert_eq!(json["models"][1]["recognition"][0]["level"], "tinh");
}
