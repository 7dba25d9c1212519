//! Measured results of models: for each indicator its baseline, the values reported per
//! period (form 03), the latest value and the target. Model pages chart them; report pages
//! show a report's values next to baseline and target.

use std::collections::HashMap;

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::model::{Indicator, Model};
use crate::content::report::{Entry, Period, Report};
use crate::content::vocab::PeriodKind;

/// One report's mention of a model: the report, its period and the model's entry.
#[derive(Clone, Copy, Debug)]
pub struct Mention<'a> {
    pub period: Period,
    pub report: &'a Report,
    pub entry: &'a Entry,
}

/// Every report entry of every model, indexed once so a site of 10,000 models does not
/// scan all reports per model.
#[derive(Debug, Default)]
pub struct ReportIndex<'a> {
    by_model: HashMap<&'a str, Vec<Mention<'a>>>,
}

impl<'a> ReportIndex<'a> {
    /// Indexes the entries of every report with a valid period.
    pub fn new(corpus: &'a Corpus) -> ReportIndex<'a> {
        let mut by_model: HashMap<&str, Vec<Mention>> = HashMap::new();
        for report in &corpus.reports {
            let Some(period) = report.period(&corpus.catalog.periods) else { continue };
            for entry in &report.entries {
                by_model.entry(entry.model.as_str()).or_default().push(Mention { period, report, entry });
            }
        }
        for mentions in by_model.values_mut() {
            mentions.sort_by(|a, b| (a.period, &a.report.id).cmp(&(b.period, &b.report.id)));
        }
        ReportIndex { by_model }
    }

    /// The reports mentioning `model`, in period order (then report id).
    pub fn mentions(&self, model: &str) -> &[Mention<'a>] {
        self.by_model.get(model).map_or(&[], Vec::as_slice)
    }
}

/// A value reported for one indicator in one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub year: i32,
    pub period: PeriodKind,
    /// The id of the report holding the value.
    pub report: String,
    pub value: f64,
}

impl Point {
    /// The period of this value.
    pub fn period(&self) -> Period {
        Period { year: self.year, kind: self.period }
    }
}

/// One indicator of a model with what was measured against it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub code: String,
    pub name: String,
    pub unit: String,
    /// Value before the model (Trước khi thực hiện).
    pub baseline: Option<f64>,
    pub baseline_date: Option<Date>,
    /// Reported values in period order.
    pub points: Vec<Point>,
    pub target: Option<f64>,
}

impl IndicatorResult {
    /// The most recent reported value.
    pub fn latest(&self) -> Option<&Point> {
        self.points.last()
    }

    /// The value reported in `period`, if any.
    pub fn value_in(&self, period: Period) -> Option<f64> {
        self.points.iter().rev().find(|p| p.period() == period).map(|p| p.value)
    }
}

/// The results of every indicator of `model`, in the model's order.
pub fn indicator_results(index: &ReportIndex, model: &Model) -> Vec<IndicatorResult> {
    let mentions = index.mentions(&model.id);
    model.effectiveness.indicators.iter().map(|indicator| result_of(indicator, mentions)).collect()
}

fn result_of(indicator: &Indicator, mentions: &[Mention]) -> IndicatorResult {
    let points = mentions
        .iter()
        .filter_map(|m| {
            let value = m.entry.values.iter().find(|v| v.indicator == indicator.code)?.value?;
            Some(Point { year: m.period.year, period: m.period.kind, report: m.report.id.clone(), value })
        })
        .collect();
    IndicatorResult {
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        unit: indicator.unit.clone(),
        baseline: indicator.baseline,
        baseline_date: indicator.baseline_date,
        points,
        target: indicator.target,
    }
}

/// The latest reported value of each indicator of `model` (code → point), for the
/// before/after comparison (SPEC §2: baseline vs the values of the latest period).
pub fn latest_values(index: &ReportIndex, model: &Model) -> Vec<(String, Option<Point>)> {
    indicator_results(index, model).into_iter().map(|r| (r.code.clone(), r.latest().cloned())).collect()
}

/// Whether `model` has any numeric value in a report entry whose progress is running
/// (đúng/chậm tiến độ, hoàn thành): the measure behind C4-NO-RESULT.
pub fn has_running_result(index: &ReportIndex, model: &str) -> bool {
    index
        .mentions(model)
        .iter()
        .any(|m| m.entry.progress.is_some_and(|p| p.is_running()) && m.entry.values.iter().any(|v| v.value.is_some()))
}

#[cfg(test)]
mod tests;
