//! Counting with merged units: a chain cb-d → cb-b → cb-a2 (a chi bộ trực thuộc of db-a).

use std::collections::HashMap;

use super::*;
use crate::content::report::Period;
use crate::content::vocab::PeriodKind::{CaNam, SauThang};
use crate::derive::calendar::coverage_periods;
use crate::derive::coverage::{due_reports, units_without_model};
use crate::derive::fixture::{corpus_with_units, model, period};
use crate::derive::form02::form02;

/// cb-d merged into cb-b on 31/03/2022, cb-b into cb-a2 (under db-a) on 30/06/2022.
const MERGED: &str = "units:
  - {id: duk, kind: dang_bo_khoi, name: Đảng bộ Khối thử}
  - {id: db-a, kind: dang_bo_co_so, name: Đảng bộ A, parent: duk, sector: y_te}
  - {id: cb-a2, kind: chi_bo_truc_thuoc, name: Chi bộ A2, parent: db-a}
  - {id: cb-b, kind: chi_bo_co_so, name: Chi bộ B, parent: duk, sector: giao_duc, active_to: 2022-06-30, successor: cb-a2}
  - {id: cb-d, kind: chi_bo_co_so, name: Chi bộ D, parent: duk, sector: khac, active_to: 2022-03-31, successor: cb-b}
";

fn merged() -> Corpus {
    corpus_with_units(
        MERGED,
        vec![
            model("mh-mot", "cb-d", "xay_moi", "tap_the", "dang_thuc_hien", "2021-05-01", ""),
            model("mh-hai", "cb-d", "xay_moi", "tap_the", "hoan_thanh", "2021-02-01", "end: 2022-02-28\n"),
            model(
                "mh-ba",
                "cb-b",
                "cung_co",
                "ca_nhan",
                "loai_bo",
                "2021-06-01",
                "retirement: {date: 2022-09-30, reason: Không còn phù hợp sau khi sáp nhập}\n",
            ),
            model("mh-bon", "db-a", "nhan_rong", "tap_the", "dang_thuc_hien", "2022-01-01", ""),
        ],
    )
}

/// The models each unit row of form 02 counts in `period`, by unit id.
fn rows(corpus: &Corpus, period: Period) -> HashMap<String, usize> {
    let table = form02(corpus, period);
    table.base_units.iter().flat_map(|b| &b.units).map(|u| (u.id.clone(), u.counts.models)).collect()
}

#[test]
fn a_model_still_running_after_a_merge_counts_under_the_successor() {
    let corpus = merged();
    let unit_of = |id: &str, end: &str| {
        counting_unit(&corpus, corpus.model(id).unwrap(), Date::parse(end).unwrap()).map(|u| u.id.clone())
    };
    assert_eq!(unit_of("mh-mot", "2022-03-31").as_deref(), Some("cb-d"));
    assert_eq!(unit_of("mh-mot", "2022-06-30").as_deref(), Some("cb-b"));
    assert_eq!(unit_of("mh-mot", "2022-12-31").as_deref(), Some("cb-a2"), "chains are followed");
    assert_eq!(unit_of("mh-hai", "2022-12-31").as_deref(), Some("cb-d"), "it ended before the merge");
    assert_eq!(unit_of("mh-ba", "2022-12-31").as_deref(), Some("cb-a2"), "retired after the merge");
    let base = counting_base(&corpus, corpus.model("mh-mot").unwrap(), Date::parse("2022-12-31").unwrap());
    assert_eq!(base.map(|b| b.id.as_str()), Some("db-a"));
}

#[test]
fn form02_rows_follow_the_merges() {
    let corpus = merged();
    let first = rows(&corpus, period(2022, SauThang));
    assert_eq!(first.get("cb-b"), Some(&2), "mh-mot (from cb-d) and mh-ba: {first:?}");
    assert_eq!(first.get("cb-d"), Some(&1), "mh-hai ended before cb-d merged: {first:?}");
    assert_eq!(first.get("db-a"), Some(&1));
    let year = rows(&corpus, period(2022, CaNam));
    assert_eq!(year.get("cb-a2"), Some(&2), "{year:?}");
    assert_eq!(year.get("cb-b"), None, "merged, nothing left to count: not listed");
    assert_eq!(year.get("cb-d"), Some(&1), "still counts mh-hai, active in 2022");
    let later = rows(&corpus, period(2023, CaNam));
    assert_eq!((later.get("cb-a2"), later.get("cb-d")), (Some(&1), None), "{later:?}");
}

/// Every model active in a period is counted once: the form 02 total equals the number of
/// active models, and each is counted in the row of its counting unit, which is listed.
pub fn assert_every_active_model_counted_once(corpus: &Corpus, periods: &[Period]) {
    assert!(!periods.is_empty());
    for &period in periods {
        let table = form02(corpus, period);
        let active: Vec<&Model> = corpus.models.iter().filter(|m| m.active_during(period)).collect();
        assert_eq!(table.totals.counts.models, active.len(), "{period:?}");
        let rows = rows(corpus, period);
        let row_sum: usize = rows.values().sum();
        assert_eq!(row_sum, active.len(), "{period:?}");
        let mut expected: HashMap<String, usize> = HashMap::new();
        for model in active {
            let unit = counting_unit(corpus, model, period.end()).expect("every active model has a unit");
            *expected.entry(unit.id.clone()).or_default() += 1;
        }
        for (unit, count) in expected {
            assert_eq!(rows.get(&unit), Some(&count), "{unit} in {period:?}");
        }
    }
}

#[test]
fn no_model_is_counted_twice_or_lost_with_merges() {
    let corpus = merged();
    let periods: Vec<Period> =
        [2021, 2022, 2023, 2024, 2025].into_iter().flat_map(|y| [period(y, SauThang), period(y, CaNam)]).collect();
    assert_every_active_model_counted_once(&corpus, &periods);
}

#[test]
fn no_model_is_counted_twice_or_lost_in_the_bundled_sample() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = crate::source::disk::DiskSource::new(root).unwrap();
    use crate::source::Source;
    let corpus =
        crate::content::load::load(&source.content_files().unwrap().files, crate::parse::markdown::Reading::Check)
            .corpus;
    let periods = corpus.catalog.periods.clone();
    let years = periods.covered_years(periods.first_year().unwrap(), periods.last_year().unwrap());
    assert_every_active_model_counted_once(&corpus, &Period::all(years.into_iter()));
    assert!(!coverage_periods(&corpus.catalog).is_empty());
}

#[test]
fn merged_units_owe_no_report_and_need_no_model_after_the_merge() {
    let corpus = merged();
    let due: Vec<(&str, Period)> = due_reports(&corpus).iter().map(|d| (d.unit.id.as_str(), d.period)).collect();
    assert_eq!(
        due,
        [
            ("db-a", period(2022, SauThang)),
            ("cb-b", period(2022, SauThang)),
            ("db-a", period(2022, CaNam)),
            ("db-a", period(2023, SauThang)),
        ]
    );
    let gaps: Vec<(i32, &str)> = units_without_model(&corpus).iter().map(|g| (g.year, g.unit.id.as_str())).collect();
    assert_eq!(gaps, [], "cb-a2 carries mh-mot and mh-ba");
}
