//! Coverage at `as_of`: units without a model in a coverage year (HD §IV.1: every chi bộ and
//! đảng bộ carries at least one model) and the state of every due form 03 report. The
//! checker turns these into V-UNIT-YEAR and V-REPORT-MISSING warnings; the compliance page
//! lists them.

use std::collections::{HashMap, HashSet};

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::report::{Period, Report};
use crate::content::unit::Unit;
use crate::content::vocab::UnitKind;
use crate::derive::calendar::{coverage_periods, coverage_years, report_deadline, report_overdue};
use crate::derive::counting::counting_unit;
use crate::derive::form02::{ReportState, report_state};

/// A unit with no model active during a coverage year.
#[derive(Clone, Copy, Debug)]
pub struct UnitWithoutModel<'a> {
    pub unit: &'a Unit,
    pub year: i32,
}

/// A base unit's form 03 report for a period whose deadline has passed at `as_of`.
#[derive(Clone, Copy, Debug)]
pub struct DueReport<'a> {
    /// The base unit that must file it.
    pub unit: &'a Unit,
    pub period: Period,
    /// The last day it is on time (period end + grace days).
    pub deadline: Date,
    /// The report filed for the period (the first in path order), if any.
    pub report: Option<&'a Report>,
    /// Filed on time, filed late, or missing.
    pub state: ReportState,
}

/// One coverage year: how many models active in it each unit counts (its own, and those it
/// carries on for a unit merged into it), and the units that must carry one and count none.
#[derive(Debug)]
pub struct YearCoverage<'a> {
    pub year: i32,
    counted: HashMap<&'a str, usize>,
    /// Units without a model they must carry, in registry order.
    pub missing: Vec<&'a Unit>,
    lacking: HashSet<&'a str>,
}

impl YearCoverage<'_> {
    /// How many models active in the year `unit` counts.
    pub fn models_of(&self, unit: &str) -> usize {
        self.counted.get(unit).copied().unwrap_or(0)
    }

    /// Whether `unit` must carry a model in the year and counts none.
    pub fn lacks(&self, unit: &str) -> bool {
        self.lacking.contains(unit)
    }
}

/// Every coverage year in order (empty without `as_of`). A unit must carry a model in a year
/// when it is not the root, is active in it, and was not merged into a successor before the
/// year ended (the successor carries its work). Left out as well: a unit with a model whose
/// own dates are invalid (that model's error comes first, and once fixed it may well cover
/// the year).
pub fn yearly_coverage(corpus: &Corpus) -> Vec<YearCoverage<'_>> {
    let undated: HashSet<&str> =
        corpus.models.iter().filter(|m| !m.is_dated()).filter_map(|m| m.org.as_deref()).collect();
    coverage_years(&corpus.catalog)
        .into_iter()
        .map(|year| {
            let (from, to) = year_bounds(year);
            let mut counted: HashMap<&str, usize> = HashMap::new();
            for model in corpus.models.iter().filter(|m| m.active_in(from, to)) {
                if let Some(unit) = counting_unit(corpus, model, to) {
                    *counted.entry(unit.id.as_str()).or_default() += 1;
                }
            }
            let needs_model = |unit: &Unit| {
                unit.kind.is_some_and(|k| k != UnitKind::DangBoKhoi)
                    && unit.active_between(from, to)
                    && !corpus.merged_before(&unit.id, to)
                    && !undated.contains(unit.id.as_str())
            };
            let missing: Vec<&Unit> =
                corpus.units.iter().filter(|u| needs_model(u) && !counted.contains_key(u.id.as_str())).collect();
            let lacking = missing.iter().map(|u| u.id.as_str()).collect();
            YearCoverage { year, counted, missing, lacking }
        })
        .collect()
}

/// Every unit without a model it must carry in a coverage year: years in order, units in
/// registry order (V-UNIT-YEAR; see [`yearly_coverage`]).
pub fn units_without_model(corpus: &Corpus) -> Vec<UnitWithoutModel<'_>> {
    yearly_coverage(corpus)
        .into_iter()
        .flat_map(|year| year.missing.into_iter().map(move |unit| UnitWithoutModel { unit, year: year.year }))
        .collect()
}

/// Every form 03 report due at `as_of`: for each coverage period whose deadline has passed,
/// each base unit active during it and not merged into a successor before it ended (the
/// successor reports its models). Periods in time order, units in registry order.
pub fn due_reports(corpus: &Corpus) -> Vec<DueReport<'_>> {
    let catalog = &corpus.catalog;
    let mut filed: HashMap<(&str, Period), &Report> = HashMap::new();
    for report in &corpus.reports {
        if let (Some(org), Some(period)) = (report.org.as_deref(), report.period(&corpus.catalog.periods)) {
            filed.entry((org, period)).or_insert(report);
        }
    }
    let mut due = Vec::new();
    for period in coverage_periods(catalog).into_iter().filter(|&p| report_overdue(catalog, p)) {
        let owes = |u: &Unit| {
            u.is_base() && u.active_between(period.start(), period.end()) && !corpus.merged_before(&u.id, period.end())
        };
        for unit in corpus.units.iter().filter(|u| owes(u)) {
            let report = filed.get(&(unit.id.as_str(), period)).copied();
            let state = report_state(corpus, report, period);
            due.push(DueReport { unit, period, deadline: report_deadline(catalog, period), report, state });
        }
    }
    due
}

/// The due reports that were not filed (V-REPORT-MISSING).
pub fn missing_reports(corpus: &Corpus) -> Vec<DueReport<'_>> {
    due_reports(corpus).into_iter().filter(|d| d.report.is_none()).collect()
}

/// Reports filed after their period's deadline (R-LATE), in path order.
pub fn late_reports(corpus: &Corpus) -> Vec<&Report> {
    corpus
        .reports
        .iter()
        .filter(|r| {
            r.period(&corpus.catalog.periods)
                .zip(r.report_date)
                .is_some_and(|(period, date)| date > report_deadline(&corpus.catalog, period))
        })
        .collect()
}

/// 1 January and 31 December of `year`.
pub fn year_bounds(year: i32) -> (Date, Date) {
    (Date { year, month: 1, day: 1 }, Date { year, month: 12, day: 31 })
}

#[cfg(test)]
mod tests;
