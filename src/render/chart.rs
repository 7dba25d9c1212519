//! Charts as inline SVG, drawn at build time: no script, no library, nothing to download.
//!
//! Each chart is an `<svg role="img">` with an `aria-label` and a `<title>` stating its
//! numbers in words; pages put the same numbers in a table next to it. Widths are
//! percentages and text is in pixels, so a chart fills a phone or a page without scaling its
//! lettering down. Colours come from classes (`chart-*`) styled by the theme, with
//! presentation attributes as a fallback.

use std::fmt::Write;

use crate::render::escape::escape_html as escape;

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

/// Height of one bar row (label line + bar), in pixels.
const ROW: usize = 40;
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
    let height = bars.len() * ROW + 4;
    let mut svg = open_svg("chart chart-bars", height, &summary);
    for (i, bar) in bars.iter().enumerate() {
        let top = i * ROW;
        let scale = |v: f64| if max > 0.0 { (v.max(0.0) / max * BAR_SPAN).min(BAR_SPAN) } else { 0.0 };
        let width = scale(bar.value);
        let _ = write!(
            svg,
            r##"<text class="chart-label" x="0" y="{}" fill="#1f2937" font-size="13">{}</text>"##,
            top + 14,
            escape(&shorten(&bar.label, LABEL_CHARS))
        );
        if let Some(whole) = bar.of {
            let _ = write!(
                svg,
                r##"<rect class="chart-rest" x="0" y="{}" width="{:.2}%" height="14" fill="#e5e7eb"/>"##,
                top + 20,
                scale(whole)
            );
        }
        let _ = write!(
            svg,
            r##"<rect class="chart-bar" x="0" y="{}" width="{width:.2}%" height="14" fill="#1f5fa8"/>"##,
            top + 20
        );
        let end = bar.of.map_or(width, scale);
        let _ = write!(
            svg,
            r##"<text class="chart-value" x="{end:.2}%" dx="6" y="{}" fill="#1f2937" font-size="13">{}</text>"##,
            top + 32,
            escape(&bar.value_text)
        );
    }
    svg.push_str("</svg>");
    svg
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

/// Height of an indicator chart, in pixels.
const CHART_HEIGHT: f64 = 200.0;
/// Space above the plot for value labels.
const PLOT_TOP: f64 = 22.0;
/// Bottom of the plot (zero line); the axis labels go below it.
const PLOT_BOTTOM: f64 = 164.0;
/// Columns at least this tall carry their value inside.
const INSIDE_LABEL: f64 = 20.0;

/// A column chart of one indicator: the baseline, then each reported value in period order,
/// with the target as a dashed line. `title` names the indicator and its unit;
/// `target` is the value and its printed form.
pub fn indicator_chart(title: &str, columns: &[Column], target: Option<(f64, &str)>) -> String {
    let mut words: Vec<String> = columns.iter().map(|c| format!("{}: {}", c.name, c.value_text)).collect();
    if let Some((_, text)) = target {
        words.push(format!("mục tiêu: {text}"));
    }
    let summary = format!("{title}. {}", words.join("; "));
    let values = columns.iter().map(|c| c.value).chain(target.map(|(v, _)| v));
    let (low, high) = values.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = Some((high - low) * 1.1).filter(|s| s.is_finite() && *s > 0.0).unwrap_or(1.0);
    let y_of = |v: f64| PLOT_BOTTOM - (v - low) / span * (PLOT_BOTTOM - PLOT_TOP);
    let mut svg = open_svg("chart chart-indicator", CHART_HEIGHT as usize, &summary);
    let zero = y_of(0.0);
    let _ = write!(
        svg,
        r##"<line class="chart-axis" x1="0" x2="100%" y1="{zero:.1}" y2="{zero:.1}" stroke="#6b7280" stroke-width="1"/>"##
    );
    let slot = 100.0 / columns.len().max(1) as f64;
    for (i, column) in columns.iter().enumerate() {
        let (class, fill) = match column.kind {
            ColumnKind::Baseline => ("chart-baseline", "#6b7280"),
            ColumnKind::Reported => ("chart-bar", "#1f5fa8"),
        };
        let top = y_of(column.value).min(zero);
        let height = (y_of(column.value) - zero).abs();
        let center = slot * (i as f64 + 0.5);
        let _ = write!(
            svg,
            r#"<rect class="{class}" x="{:.2}%" y="{top:.1}" width="{:.2}%" height="{height:.1}" fill="{fill}"/>"#,
            slot * (i as f64 + 0.25),
            slot * 0.5
        );
        // Inside the top of a tall enough column (clear of the target line), else above it.
        let (class, y, fill) = if height >= INSIDE_LABEL {
            ("chart-value chart-value-inside", top + 15.0, "#ffffff")
        } else {
            ("chart-value", top - 5.0, "#1f2937")
        };
        let _ = write!(
            svg,
            r##"<text class="{class}" x="{center:.2}%" y="{y:.1}" text-anchor="middle" fill="{fill}" font-size="12" font-weight="700">{}</text>"##,
            escape(&column.value_text)
        );
        for (line, text) in [(PLOT_BOTTOM + 16.0, &column.label), (PLOT_BOTTOM + 30.0, &column.sublabel)] {
            if !text.is_empty() {
                let _ = write!(
                    svg,
                    r##"<text class="chart-label" x="{center:.2}%" y="{line:.1}" text-anchor="middle" fill="#1f2937" font-size="11">{}</text>"##,
                    escape(text)
                );
            }
        }
    }
    if let Some((value, text)) = target {
        let y = y_of(value);
        let _ = write!(
            svg,
            r##"<line class="chart-target" x1="0" x2="100%" y1="{y:.1}" y2="{y:.1}" stroke="#166534" stroke-width="2" stroke-dasharray="6 4"/><text class="chart-target-label" x="100%" y="{:.1}" text-anchor="end" fill="#166534" font-size="12">Mục tiêu {}</text>"##,
            (y - 4.0).max(11.0),
            escape(text)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The opening tag and title of a chart `height` pixels tall, described by `summary`.
fn open_svg(class: &str, height: usize, summary: &str) -> String {
    let summary = escape(summary);
    format!(
        r#"<svg class="{class}" role="img" aria-label="{summary}" width="100%" height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{summary}</title>"#
    )
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ' ']);
    format!("{cut}…")
}

#[cfg(test)]
mod tests;
