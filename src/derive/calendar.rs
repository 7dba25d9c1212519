//! Which years and periods the derived tables cover, and when each period's report is due:
//! everything is measured against the catalog's `as_of`, never the clock.

use crate::content::catalog::Catalog;
use crate::content::date::Date;
use crate::content::report::Period;

/// Coverage years: the years a programme period covers, from `coverage_from` to
/// year(as_of) (SPEC §3 V-UNIT-YEAR, §2 (d), §8.1). Empty when the catalog has no `as_of`.
pub fn coverage_years(catalog: &Catalog) -> Vec<i32> {
    match catalog.as_of {
        Some(as_of) => catalog.periods.covered_years(catalog.coverage_from, as_of.year),
        None => Vec::new(),
    }
}

/// Both periods of every coverage year, in time order: the form 02 tables that exist.
pub fn coverage_periods(catalog: &Catalog) -> Vec<Period> {
    Period::all(coverage_years(catalog).into_iter())
}

/// The last day a report for `period` is on time: the period's end plus the grace days.
pub fn report_deadline(catalog: &Catalog, period: Period) -> Date {
    period.end().add_days(catalog.report_grace_days)
}

/// Whether `period`'s report is overdue at `as_of`: its deadline has passed (SPEC
/// V-REPORT-MISSING: due date + grace ≤ as_of).
pub fn report_overdue(catalog: &Catalog, period: Period) -> bool {
    catalog.as_of.is_some_and(|as_of| report_deadline(catalog, period) <= as_of)
}
