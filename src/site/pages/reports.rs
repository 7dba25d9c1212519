//! `/bao-cao/` and `/bao-cao/<id>/`: periodic reports (form 03), when `publish_reports`.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::content::date::Date;
use crate::content::report::{Period, Report};
use crate::derive::calendar::report_deadline;
use crate::derive::party_document::{DocumentKind, Filing, PartyDocument, party_document};
use crate::office::form03::report_docx;
use crate::render::context::PageMeta;
use crate::render::context::model::RecognitionRow;
use crate::render::context::report::{EntryRow, ReportPage, ReportRow, ReportYear, ReportsPage, ValueRow};
use crate::render::format::{number, quoted};
use crate::site::context::BuildContext;
use crate::site::job::{Job, Shared};
use crate::site::pages::model::recognition_row;
use crate::site::urls;

/// Decimal places kept when showing reported values.
const DECIMALS: usize = 2;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    if !cx.config.publish_reports {
        return Vec::new();
    }
    let mut jobs = vec![Job::page(urls::REPORTS.to_owned(), "reports.html", move || {
        let mut meta = cx.meta(urls::REPORTS, "Báo cáo định kỳ", "bao-cao");
        meta.history = cx.combined_history(cx.corpus.reports.iter().map(|r| r.path.as_str()));
        (meta, reports_page(cx))
    })];
    for r in &cx.corpus.reports {
        let context = Shared::new(move || report_page(cx, r));
        let for_docx = Arc::clone(&context);
        jobs.push(Job::page(urls::report(&r.id), "report.html", move || (report_meta(cx, r), context.get())));
        let inputs = move || {
            let date = r.report_date.or(cx.corpus.catalog.as_of).map(|d| d.iso()).unwrap_or_default();
            (for_docx.get(), r.body.blocks_of(None).collect::<Vec<_>>(), date)
        };
        jobs.push(Job::document(urls::report_docx(&r.id), inputs, |(page, text, date)| {
            Ok::<_, std::convert::Infallible>(report_docx(&page, &text, date))
        }));
    }
    jobs
}

/// A report's title: "Báo cáo 6 tháng đầu năm 2023 – ĐB Cục Thuế".
pub fn title_of(cx: &BuildContext, report: &Report) -> String {
    let period = report.period(&cx.corpus.catalog.periods).map_or_else(|| report.id.clone(), |p| p.label());
    match report.org.as_deref().and_then(|id| cx.corpus.unit(id)) {
        Some(unit) => format!("Báo cáo {period} – {}", unit.display_name()),
        None => format!("Báo cáo {period}"),
    }
}

/// A period as a heading or table cell: "6 tháng đầu năm 2023", "Cả năm 2023".
pub fn period_heading(period: Period) -> String {
    format!("{} {}", period.kind.label(), period.year)
}

/// A report as a row of a list (also on unit pages and the home page).
pub fn report_row(cx: &BuildContext, report: &Report) -> ReportRow {
    let org = report.org.as_deref().unwrap_or_default();
    ReportRow {
        link: cx.link(title_of(cx, report), &urls::report(&report.id)),
        org: cx.unit_short_link(org).unwrap_or_else(|| cx.link(org, &urls::unit(org))),
        period: report.period(&cx.corpus.catalog.periods).map_or_else(String::new, period_heading),
        report_date: report.report_date.map(|d| d.to_string()),
        models: report.entries.len(),
    }
}

fn reports_page(cx: &BuildContext) -> ReportsPage {
    let unit_order =
        |report: &Report| report.org.as_deref().and_then(|id| cx.corpus.unit_order(id)).unwrap_or(usize::MAX);
    let mut by_year: BTreeMap<i32, Vec<&Report>> = BTreeMap::new();
    for report in &cx.corpus.reports {
        by_year.entry(report.year.unwrap_or_default()).or_default().push(report);
    }
    ReportsPage {
        years: by_year
            .into_iter()
            .rev()
            .map(|(year, mut reports)| {
                reports.sort_by_cached_key(|r| {
                    (std::cmp::Reverse(r.period(&cx.corpus.catalog.periods)), unit_order(r), r.id.clone())
                });
                ReportYear { year, reports: reports.iter().map(|r| report_row(cx, r)).collect() }
            })
            .collect(),
    }
}

/// The form's Party document layout: issued by the reporting unit.
pub fn report_document(cx: &BuildContext, report: &Report) -> PartyDocument {
    let subject = format!(
        "kết quả xây dựng, củng cố, nâng cao chất lượng và nhân rộng mô hình, điển hình học tập và làm theo \
         tư tưởng, đạo đức, phong cách Hồ Chí Minh {}",
        report.period(&cx.corpus.catalog.periods).map(Period::label).unwrap_or_default()
    );
    party_document(
        cx.corpus,
        cx.config,
        Filing {
            kind: DocumentKind::Report,
            unit: report.org.as_deref().unwrap_or_default(),
            number: report.number.as_deref(),
            date: report.report_date,
            signer_title: report.signer_title.as_deref(),
            signer_name: report.signer_name.as_deref(),
            recipients: &report.recipients,
            subject: subject.trim_end().to_owned(),
        },
    )
}

/// Part II: the recognitions of the report's models dated within its period (read from the
/// model files, never typed twice), then the report's own `recognitions`, by date.
fn period_recognitions(cx: &BuildContext, report: &Report) -> Vec<RecognitionRow> {
    let mut rows: Vec<(Option<Date>, RecognitionRow)> = Vec::new();
    if let Some(period) = report.period(&cx.corpus.catalog.periods) {
        for model in report.entries.iter().filter_map(|e| cx.corpus.model(&e.model)) {
            for r in model.recognitions_between(period.start(), period.end()) {
                let mut row = recognition_row(cx.corpus, r);
                row.subject = Some(format!("{} (mô hình {})", model.subject.name, quoted(&model.title)));
                rows.push((r.date, row));
            }
        }
    }
    rows.extend(report.recognitions.iter().map(|r| (r.date, recognition_row(cx.corpus, r))));
    rows.sort_by_key(|(date, _)| *date);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The page's head, breadcrumbs, edit link and Git history.
fn report_meta(cx: &BuildContext, report: &Report) -> PageMeta {
    let mut meta = cx.meta(&urls::report(&report.id), title_of(cx, report), "bao-cao");
    meta.breadcrumbs = vec![cx.link("Báo cáo", urls::REPORTS)];
    meta.edit_href = cx.edit_href(&report.path);
    meta.history = cx.history_of(&report.path, true);
    meta
}

fn report_page(cx: &BuildContext, report: &Report) -> ReportPage {
    let entries = report
        .entries
        .iter()
        .map(|entry| {
            let model = cx.corpus.model(&entry.model);
            EntryRow {
                model: cx
                    .model_link(&entry.model)
                    .unwrap_or_else(|| cx.link(entry.model.clone(), &urls::model(&entry.model))),
                progress: entry.progress.map(|p| p.label().to_owned()),
                awareness: entry.awareness.clone(),
                attitude: entry.attitude.clone(),
                action: entry.action.clone(),
                values: entry
                    .values
                    .iter()
                    .map(|v| {
                        let indicator =
                            model.and_then(|m| m.effectiveness.indicators.iter().find(|i| i.code == v.indicator));
                        ValueRow {
                            indicator: indicator.map_or_else(|| v.indicator.clone(), |i| i.name.clone()),
                            unit: indicator.map(|i| i.unit.clone()).unwrap_or_default(),
                            baseline: indicator.and_then(|i| i.baseline).map(|x| number(x, DECIMALS)),
                            value: v.value.map(|x| number(x, DECIMALS)),
                            target: indicator.and_then(|i| i.target).map(|x| number(x, DECIMALS)),
                        }
                    })
                    .collect(),
                highlights: entry.highlights.clone(),
                propose_replication: entry.propose_replication.iter().filter_map(|id| cx.unit_link(id)).collect(),
            }
        })
        .collect();
    let deadline = report.period(&cx.corpus.catalog.periods).map(|p| report_deadline(&cx.corpus.catalog, p));
    ReportPage {
        id: report.id.clone(),
        title: title_of(cx, report),
        org: report.org.as_deref().and_then(|id| cx.unit_link(id)),
        period: report.period(&cx.corpus.catalog.periods).map(period_heading),
        report_date: report.report_date.map(|d| d.to_string()),
        number: report.number.clone(),
        signer_name: report.signer_name.clone(),
        signer_title: report.signer_title.clone(),
        entries,
        recognitions: period_recognitions(cx, report),
        difficulties: report.difficulties.clone(),
        proposals: report.proposals.clone(),
        body_html: report.body.html.clone(),
        document: report_document(cx, report),
        range: report.period(&cx.corpus.catalog.periods).map(|p| format!("từ {} đến {}", p.start(), p.end())),
        docx_href: cx.href(&urls::report_docx(&report.id)),
        deadline: deadline.map(|d| d.to_string()),
        late: report.report_date.zip(deadline).is_some_and(|(date, deadline)| date > deadline),
    }
}
