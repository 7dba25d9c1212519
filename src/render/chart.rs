//! Charts drawn at build time as HTML and CSS: no script, no library, nothing to download.
//!
//! Each chart is a `<div role="img">` whose `aria-label` states its numbers in words; pages put
//! the same numbers in a table next to it. Bars are boxes sized in percentages, so a chart
//! fills a phone or a page; every text is HTML on the page's own background (never inside a
//! picture), so its contrast can be checked like any text, and no label is drawn over a bar.
//! Colours come from classes (`chart-*`) styled by the theme.

use std::fmt::Write;

use crate::render::escape::escape_html as escape;
use crate::render::excerpt::excerpt;

/// One bar: a labelled value, optionally a part of a whole (`of`), e.g. 3 of 4 units.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as printed (`3`, `86,5`, `3/4`).
    pub value_text: String,
    /// The whole the value is a part of; the bar then shows the part against the whole.
    pub of: Option<f64>,
}

/// Bars use at most this share of the width, leaving room for the value after them.
const BAR_SPAN: f64 = 80.0;
/// Labels longer than this are shortened in the drawing (the table has them in full).
const LABEL_CHARS: usize = 44;

/// A horizontal bar chart: one row per bar, its label above it and its value after it.
/// Bars are scaled to the largest value, or to their whole when `of` is set.
pub fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let summary = format!(
        "{title}: {}",
        bars.iter().map(|b| format!("{} {}", b.label, b.value_text)).collect::<Vec<_>>().join("; ")
    );
    let max = bars.iter().map(|b| b.of.unwrap_or(b.value)).fold(0.0_f64, f64::max);
    let scale = |v: f64| if max > 0.0 { (v.max(0.0) / max * BAR_SPAN).min(BAR_SPAN) } else { 0.0 };
    let mut html = open_chart("chart chart-bars", &summary);
    for bar in bars {
        let _ = write!(
            html,
            r#"<div class="chart-row"><span class="chart-label">{}</span><span class="chart-track">"#,
            escape(&excerpt(&bar.label, LABEL_CHARS - 1))
        );
        if let Some(whole) = bar.of {
            let _ = write!(html, r#"<span class="chart-rest" style="width:{:.2}%"></span>"#, scale(whole));
        }
        let end = bar.of.map_or(scale(bar.value), scale);
        let _ = write!(
            html,
            r#"<span class="chart-bar" style="width:{:.2}%"></span><span class="chart-value" style="left:{end:.2}%">{}</span></span></div>"#,
            scale(bar.value),
            escape(&bar.value_text)
        );
    }
    html.push_str("</div>");
    html
}

/// What a column of an indicator chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// The value before the model (Trước khi thực hiện).
    Baseline,
    /// A value reported in a form 03 report.
    Reported,
}

/// One column of an indicator chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// What the column is, in words (`trước khi thực hiện`, `6 tháng đầu năm 2023`).
    pub name: String,
    /// First line under the column (`Trước`, `6 tháng`, `Cả năm`).
    pub label: String,
    /// Second line (`2023`), may be empty.
    pub sublabel: String,
    pub value: f64,
    pub value_text: String,
    pub kind: ColumnKind,
}

/// Room above the highest value, as a share of the plot's height.
const HEADROOM: f64 = 1.1;

/// A column chart of one indicator: the baseline, then each reported value in period order,
/// with the target as a dashed line. `title` names the indicator and its unit; `target` is the
/// value and its printed form. Each column's value and period are written under the plot, the
/// target's value in a key above it: no text stands over a column.
pub fn indicator_chart(title: &str, columns: &[Column], target: Option<(f64, &str)>) -> String {
    let mut words: Vec<String> = columns.iter().map(|c| format!("{}: {}", c.name, c.value_text)).collect();
    if let Some((_, text)) = target {
        words.push(format!("mục tiêu: {text}"));
    }
    let summary = format!("{title}. {}", words.join("; "));
    let values = columns.iter().map(|c| c.value).chain(target.map(|(v, _)| v));
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = Some((high - low) * HEADROOM).filter(|s| s.is_finite() && *s > 0.0).unwrap_or(1.0);
    // Height above the bottom of the plot, in percent.
    let level = |v: f64| (v - low) / span * 100.0;
    let mut html = open_chart("chart chart-indicator", &summary);
    if let Some((_, text)) = target {
        let _ =
            write!(html, r#"<p class="chart-key"><span class="chart-key-target"></span>Mục tiêu {}</p>"#, escape(text));
    }
    let zero = level(0.0);
    let _ = write!(html, r#"<div class="chart-plot"><span class="chart-axis" style="bottom:{zero:.2}%"></span>"#);
    let slot = 100.0 / columns.len().max(1) as f64;
    for (i, column) in columns.iter().enumerate() {
        let class = match column.kind {
            ColumnKind::Baseline => "chart-baseline",
            ColumnKind::Reported => "chart-bar",
        };
        let _ = write!(
            html,
            r#"<span class="chart-column {class}" style="left:{:.2}%;width:{:.2}%;bottom:{:.2}%;height:{:.2}%"></span>"#,
            slot * (i as f64 + 0.25),
            slot * 0.5,
            level(column.value.min(0.0)),
            (level(column.value) - zero).abs()
        );
    }
    if let Some((value, _)) = target {
        let _ = write!(html, r#"<span class="chart-target" style="bottom:{:.2}%"></span>"#, level(value));
    }
    html.push_str(r#"</div><div class="chart-columns">"#);
    for column in columns {
        let _ = write!(
            html,
            r#"<p class="chart-label" style="width:{slot:.2}%"><strong class="chart-value">{}</strong>"#,
            escape(&column.value_text)
        );
        for text in [&column.label, &column.sublabel] {
            if !text.is_empty() {
                let _ = write!(html, "<span>{}</span>", escape(text));
            }
        }
        html.push_str("</p>");
    }
    html.push_str("</div></div>");
    html
}

/// The opening tag of a chart described by `summary`.
fn open_chart(class: &str, summary: &str) -> String {
    format!(r#"<div class="{class}" role="img" aria-label="{}">"#, escape(summary))
}

#[cfg(test)]
mod tests;
