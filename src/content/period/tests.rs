use super::*;

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn period(id: &str, from: &str, to: &str) -> ProgrammePeriod {
    ProgrammePeriod {
        id: id.into(), name: format!("Giai đoạn {id}"), from: date(from), to: date(to), guidance: None
    }
}

fn two() -> Periods {
    // Catalog order is not time order: lookups must not depend on it.
    Periods::new(vec![period("2026-2030", "2026-01-01", "2030-12-31"), period("2021-2025", "2021-01-01", "2025-12-31")])
}

#[test]
fn holding_finds_the_period_of_a_date() {
    let periods = two();
    let of = |d: &str| periods.holding(date(d)).and_then(|s| periods.at(s)).map(|p| p.id.as_str());
    assert_eq!(of("2021-01-01"), Some("2021-2025"));
    assert_eq!(of("2025-12-31"), Some("2021-2025"));
    assert_eq!(of("2026-01-01"), Some("2026-2030"));
    assert_eq!(of("2020-12-31"), None);
    assert_eq!(of("2031-01-01"), None);
    assert_eq!(periods.holding(date("2026-03-01")).map(|s| s.to), Some(date("2030-12-31")));
}

#[test]
fn a_gap_between_periods_holds_nothing_and_covers_no_year_inside_it() {
    let periods = Periods::new(vec![period("a", "2021-01-01", "2022-12-31"), period("b", "2024-07-01", "2025-06-30")]);
    assert_eq!(periods.holding(date("2023-05-01")), None);
    assert_eq!(periods.holding(date("2024-06-30")), None);
    assert!(periods.covers_year(2022) && !periods.covers_year(2023) && periods.covers_year(2024));
    assert_eq!(periods.covered_years(2022, 2030), [2022, 2024, 2025]);
    assert_eq!(periods.describe_years(), "2021–2022, 2024–2025");
}

#[test]
fn covered_years_merge_adjacent_periods() {
    let periods = two();
    assert!(periods.covers_year(2021) && periods.covers_year(2030));
    assert!(!periods.covers_year(2020) && !periods.covers_year(2031) && !periods.covers_year(i64::MAX));
    assert_eq!(periods.describe_years(), "2021–2030");
    assert_eq!((periods.first_year(), periods.last_year()), (Some(2021), Some(2030)));
    assert_eq!(periods.covered_years(2024, 2027), [2024, 2025, 2026, 2027]);
}

#[test]
fn current_period_holds_as_of_or_started_last_before_it() {
    let periods = Periods::new(vec![period("a", "2021-01-01", "2025-12-31"), period("b", "2027-01-01", "2030-12-31")]);
    let current = |d: &str| periods.current(date(d)).map(|p| p.id.as_str());
    assert_eq!(current("2023-01-01"), Some("a"));
    assert_eq!(current("2026-06-01"), Some("a"), "between periods: the one that started last");
    assert_eq!(current("2031-06-01"), Some("b"));
    assert_eq!(current("2020-06-01"), None);
}

#[test]
fn periods_with_dates_out_of_order_hold_nothing() {
    let periods = Periods::new(vec![period("x", "2025-01-01", "2021-01-01")]);
    assert!(periods.is_empty());
    assert_eq!(periods.holding(date("2022-01-01")), None);
}

#[test]
fn messages_name_a_period_by_its_years_and_dates() {
    assert_eq!(default_period().to_string(), "2021–2025 (01/01/2021 – 31/12/2025)");
    assert_eq!(period("y", "2026-01-01", "2026-06-30").span(), "2026");
    assert_eq!(two().describe(), "2021–2025 (01/01/2021 – 31/12/2025), 2026–2030 (01/01/2026 – 31/12/2030)");
}

#[test]
fn years_text_joins_consecutive_years() {
    assert_eq!(years_text(&[2022, 2023, 2024, 2026]), "2022–2024, 2026");
    assert_eq!(years_text(&[2025]), "2025");
    assert_eq!(years_text(&[]), "");
}
