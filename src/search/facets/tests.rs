use super::*;
use crate::search::index::tests::corpus;
use crate::search::postings::{Packed, pack};

fn built() -> Vec<Facet> {
    let corpus = corpus();
    let models: Vec<&Model> = corpus.models.iter().collect();
    facets(&corpus, &models)
}

fn find<'a>(facets: &'a [Facet], key: &str) -> &'a Facet {
    facets.iter().find(|f| f.key == key).unwrap_or_else(|| panic!("facet {key}"))
}

fn codes(facet: &Facet) -> Vec<&str> {
    facet.values.iter().map(|(c, _)| c.as_str()).collect()
}

#[test]
fn nine_facets_in_filter_order() {
    let keys: Vec<&str> = built().iter().map(|f| f.key).collect();
    assert_eq!(
        keys,
        [
            "giai-doan",
            "nam",
            "don-vi",
            "linh-vuc",
            "nhom",
            "cach-thuc",
            "chu-the",
            "trang-thai",
            "chuyen-de",
            "danh-gia"
        ]
    );
}

#[test]
fn the_period_facet_holds_each_model_in_the_period_of_its_start() {
    let facets = built();
    let period = find(&facets, "giai-doan");
    // The catalog has no `periods`: the one default period, labelled by its name.
    assert_eq!(period.values, [("2021-2025".to_owned(), "Giai đoạn 2021–2025".to_owned())]);
    assert!(!period.multi);
    assert!(period.indexes.iter().all(|i| i == &[0]), "{:?}", period.indexes);
}

#[test]
fn years_are_the_years_a_model_is_active_newest_first_up_to_as_of() {
    let facets = built();
    let years = find(&facets, "nam");
    // as_of is 2024-12-31: no 2025 yet.
    assert_eq!(codes(years), ["2024", "2023", "2022", "2021"]);
    // mh-tiet-kiem started 2022-01-10, retired 2023-06-30: active in 2022 and 2023.
    assert_eq!(years.indexes[2], [1, 2]);
    // mh-mot-cua runs from 2021 on: every year up to as_of.
    assert_eq!(years.indexes[1], [0, 1, 2, 3]);
    // Bit sets of value indexes (2024 is bit 0): 2022–2024 = 7, all = 15 = "f", 2022–2023 = 6.
    assert_eq!(years.column, Column::Packed(Packed { w: 1, s: "7f6".to_owned() }));
}

#[test]
fn base_unit_and_sector_come_from_the_base_unit() {
    let facets = built();
    let base = find(&facets, "don-vi");
    assert_eq!(
        base.values,
        [("db-thue".into(), "Đảng bộ Cục Thuế".into()), ("cb-benh-vien".into(), "Chi bộ Bệnh viện Đa khoa".into())]
    );
    // The chi bộ trực thuộc's model counts for its đảng bộ cơ sở.
    assert_eq!(base.indexes, [[0], [0], [1]]);
    assert_eq!(base.column, Column::Packed(Packed { w: 1, s: "112".to_owned() }));
    let sector = find(&facets, "linh-vuc");
    assert_eq!(codes(sector), ["thue_tai_chinh", "y_te"]);
    assert_eq!(sector.indexes, [[0], [0], [1]]);
    assert_eq!(sector.column, Column::Derived(Derived { of: "don-vi", map: vec![0, 1] }));
    assert_eq!(sector.values[1].1, "Y tế");
}

#[test]
fn only_values_in_use_are_listed_with_labels() {
    let facets = built();
    assert_eq!(codes(find(&facets, "nhom")), ["cai-cach-hanh-chinh", "tiet-kiem-doan-ket"]);
    assert_eq!(codes(find(&facets, "cach-thuc")), ["xay_moi"]);
    let status = find(&facets, STATUS_KEY);
    assert_eq!(
        status.values,
        [
            ("dang_thuc_hien".into(), "Đang thực hiện".into()),
            ("hoan_thanh".into(), "Hoàn thành".into()),
            ("loai_bo".into(), RETIRED_LABEL.into())
        ]
    );
    let topics = find(&facets, "chuyen-de");
    assert_eq!(topics.indexes[1], [0, 1]);
    let json = serde_json::to_value(topics).unwrap();
    assert_eq!(json["m"], 1);
    assert_eq!(json["d"], serde_json::json!({"w": 1, "s": "132"}));
}

#[test]
fn many_valued_facets_with_many_values_are_written_as_lists() {
    let indexes = vec![vec![0, 40], vec![], vec![31]];
    assert_eq!(Column::new(&indexes, true, 41), Column::Lists(indexes.clone()));
    assert_eq!(Column::new(&[vec![29], vec![]], true, 30), Column::Packed(pack(&[1 << 29, 0])));
}
