//! An indicator's results for its model page: the chart (baseline → reported values →
//! target) and the rows of the table beside it.

use crate::content::vocab::PeriodKind;
use crate::derive::results::IndicatorResult;
use crate::render::chart::{Column, ColumnKind, indicator_chart};
use crate::render::context::results::ResultRow;
use crate::render::format::number;
use crate::site::context::BuildContext;
use crate::site::pages::reports::period_heading;
use crate::site::urls;

/// Decimal places kept when showing indicator values.
const DECIMALS: usize = 2;

/// The chart of an indicator with at least one reported value; empty otherwise.
pub fn indicator_chart_html(result: &IndicatorResult) -> String {
    if result.points.is_empty() {
        return String::new();
    }
    let baseline = result.baseline.map(|value| Column {
        name: "trước khi thực hiện".to_owned(),
        label: "Trước".to_owned(),
        sublabel: "thực hiện".to_owned(),
        value,
        value_text: number(value, DECIMALS),
        kind: ColumnKind::Baseline,
    });
    let reported = result.points.iter().map(|p| Column {
        name: p.period().label(),
        label: match p.period {
            PeriodKind::SauThang => "6 tháng".to_owned(),
            PeriodKind::CaNam => "Cả năm".to_owned(),
        },
        sublabel: p.year.to_string(),
        value: p.value,
        value_text: number(p.value, DECIMALS),
        kind: ColumnKind::Reported,
    });
    let columns: Vec<Column> = baseline.into_iter().chain(reported).collect();
    let title = if result.unit.is_empty() { result.name.clone() } else { format!("{} ({})", result.name, result.unit) };
    let target = result.target.map(|t| (t, number(t, DECIMALS)));
    indicator_chart(&title, &columns, target.as_ref().map(|(t, text)| (*t, text.as_str())))
}

/// The reported values of an indicator of `model`, in period order, each linked to its
/// report ("Báo cáo của ĐB Cục Thuế") when reports are published.
pub fn result_rows(cx: &BuildContext, model: &str, result: &IndicatorResult) -> Vec<ResultRow> {
    let mentions = cx.reports.mentions(model);
    result
        .points
        .iter()
        .map(|p| {
            let org = mentions
                .iter()
                .find(|m| m.report.id == p.report)
                .and_then(|m| cx.corpus.unit(m.report.org.as_deref()?))
                .map(|u| u.display_name());
            let text = org.map_or_else(|| format!("Báo cáo {}", p.report), |org| format!("Báo cáo của {org}"));
            ResultRow {
                period: period_heading(p.period()),
                value: number(p.value, DECIMALS),
                report: cx.config.publish_reports.then(|| cx.link(text, &urls::report(&p.report))),
            }
        })
        .collect()
}
