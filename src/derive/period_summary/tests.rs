//! Two periods, a unit merged in 2025 with a model running on past the merge.

use super::*;
use crate::derive::fixture::{CATALOG, corpus_with, model};

/// cb-b merged into cb-a2 (under db-a) on 30/06/2025.
const UNITS: &str = "units:
  - {id: duk, kind: dang_bo_khoi, name: Đảng bộ Khối thử}
  - {id: db-a, kind: dang_bo_co_so, name: Đảng bộ A, parent: duk, sector: y_te}
  - {id: cb-a2, kind: chi_bo_truc_thuoc, name: Chi bộ A2, parent: db-a}
  - {id: cb-b, kind: chi_bo_co_so, name: \"=Chi bộ B, trường\", parent: duk, sector: giao_duc, active_to: 2025-06-30, successor: cb-a2}
  - {id: cb-c, kind: chi_bo_co_so, name: Chi bộ C, parent: duk, sector: khac}
";

const PERIODS: &str = "periods:
  - {id: 2021-2025, name: Giai đoạn 2021–2025, from: 2021-01-01, to: 2025-12-31}
  - {id: 2026-2030, name: Giai đoạn 2026–2030, from: 2026-01-01, to: 2030-12-31, guidance: Hướng dẫn mới}
";

fn two_periods() -> Corpus {
    let catalog = format!("{}{PERIODS}", CATALOG.replace("as_of: 2023-07-20", "as_of: 2026-07-20"));
    corpus_with(
        &catalog,
        UNITS,
        vec![
            model(
                "mh-cu",
                "cb-b",
                "xay_moi",
                "tap_the",
                "dang_thuc_hien",
                "2022-03-01",
                "recognition:\n  - {date: 2024-05-01, level: co_so, form: Giấy khen}\n  - {date: 2023-01-10, level: tinh, form: Bằng khen}\n",
            ),
            model("mh-xong", "cb-b", "xay_moi", "ca_nhan", "hoan_thanh", "2021-02-01", "end: 2024-12-31\n"),
            model(
                "mh-c",
                "cb-c",
                "nhan_rong",
                "tap_the",
                "loai_bo",
                "2023-01-01",
                "retirement: {date: 2024-03-01, reason: Không còn phù hợp với nhiệm vụ}\n",
            ),
            model(
                "mh-moi",
                "cb-a2",
                "cung_co",
                "tap_the",
                "dang_thuc_hien",
                "2026-03-01",
                "revision: {since: 2026, previous_model: mh-cu}\n",
            ),
            model("mh-lac", "cb-c", "xay_moi", "tap_the", "dang_thuc_hien", "2019-03-01", ""),
        ],
    )
}

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
    // mh-cu ran past cb-b's merge: at the period's end it counts under cb-a2, base db-a;
    // mh-xong ended before the merge and stays with cb-b.
    let cu = &first.models[1];
    assert_eq!((cu.unit.as_deref(), cu.base_unit.as_deref()), (Some("cb-a2"), Some("db-a")));
    assert_eq!(first.models[0].base_unit.as_deref(), Some("cb-b"));
    let bases: Vec<(&str, usize, usize)> =
        first.base_units.iter().map(|b| (b.id.as_str(), b.counts.models, b.commended)).collect();
    assert_eq!(bases, [("db-a", 1, 1), ("cb-b", 1, 0), ("cb-c", 1, 0)]);
    assert_eq!(first.base_units.iter().map(|b| b.counts.models).sum::<usize>(), first.totals.models);
    assert_eq!(first.commended, 1);
    // Recognitions by date; the model's period caps its effective end.
    assert_eq!(cu.recognition.iter().map(|r| r.date.unwrap().iso()).collect::<Vec<_>>(), ["2023-01-10", "2024-05-01"]);
    assert_eq!(cu.end.unwrap().iso(), "2025-12-31");
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
