//! `/giai-doan/<id>/`: the summary of every programme period (tổng kết giai đoạn), with
//! `giai-doan-<id>.csv` and `.json` beside it, all from `derive::period_summary`.

use std::sync::Arc;

use crate::content::period::ProgrammePeriod;
use crate::content::vocab::{Approach, Status, SubjectType};
use crate::derive::calendar::coverage_periods;
use crate::derive::period_summary::{PeriodModel, PeriodSummary, period_summary};
use crate::render::context::form02::{PeriodLink, TallyRow};
use crate::render::context::model::RecognitionRow;
use crate::render::context::period::{CommendedModel, PeriodBaseRow, PeriodModelRow, PeriodPage};
use crate::render::context::{Link, PageMeta};
use crate::render::format::count;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::links::{AsCoded, coded};
use crate::site::pages::form02::{approach_rows, counts_text};
use crate::site::pages::model::recognition_level_label;
use crate::site::pages::reports::period_heading;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let periods = cx.corpus.catalog.periods.list();
    let summaries: Arc<Vec<PeriodSummary>> = Arc::new(periods.iter().map(|p| period_summary(cx.corpus, p)).collect());
    let mut jobs = Vec::new();
    for (i, period) in periods.iter().enumerate() {
        let summary = Arc::clone(&summaries);
        jobs.push(Job::page(urls::period(&period.id), "period.html", move || page(cx, period, &summary[i])));
        let summary = Arc::clone(&summaries);
        jobs.push(Job::file(urls::period_file(&period.id, "csv"), move || summary[i].to_csv(cx.corpus).into_bytes()));
        let summary = Arc::clone(&summaries);
        jobs.push(Job::file(urls::period_file(&period.id, "json"), move || summary[i].to_json().into_bytes()));
    }
    jobs
}

fn page(cx: &BuildContext, period: &ProgrammePeriod, summary: &PeriodSummary) -> (PageMeta, PeriodPage) {
    let url = urls::period(&period.id);
    let mut meta = cx.meta(&url, format!("Tổng kết {}", lower_first(&period.name)), "tong-hop");
    meta.breadcrumbs = vec![cx.link("Tổng hợp", urls::FORM02)];
    meta.description = Some(format!(
        "{}: {} mô hình, điển hình; {} mô hình được biểu dương, khen thưởng.",
        period.name,
        count(summary.totals.models),
        count(summary.commended)
    ));
    let catalog = &cx.corpus.catalog;
    let current = catalog.current_period().is_some_and(|p| p.id == period.id);
    let t = &summary.totals;
    let page = PeriodPage {
        id: period.id.clone(),
        name: period.name.clone(),
        range: format!("{} – {}", period.from, period.to),
        guidance: period.guidance.clone(),
        as_of: catalog.as_of.map(|d| d.to_string()),
        state: catalog.as_of.map(|as_of| match () {
            _ if as_of < period.from => coded("chua_bat_dau", "Chưa bắt đầu"),
            _ if as_of > period.to => coded("da_ket_thuc", "Đã kết thúc"),
            _ => coded("dang_dien_ra", "Đang diễn ra"),
        }),
        current,
        csv_href: cx.href(&urls::period_file(&period.id, "csv")),
        json_href: cx.href(&urls::period_file(&period.id, "json")),
        totals: counts_text(t),
        commended: count(summary.commended),
        by_approach: approach_rows(cx, t),
        by_subject: plain_rows(SubjectType::ALL.iter().map(|s| s.label()).zip([t.tap_the, t.ca_nhan])),
        by_status: plain_rows(
            summary.by_status.iter().map(|s| (Status::from_code(&s.id).map_or("", Status::label), s.models)),
        ),
        by_group: summary
            .by_group
            .iter()
            .map(|g| TallyRow { link: cx.link(g.label.clone(), &urls::group(&g.id)), models: count(g.models) })
            .collect(),
        base_units: summary
            .base_units
            .iter()
            .map(|b| PeriodBaseRow {
                link: cx.link(b.name.clone(), &urls::unit(&b.id)),
                counts: counts_text(&b.counts),
            })
            .collect(),
        models: summary.models.iter().map(|m| model_row(cx, m)).collect(),
        commended_models: summary
            .models
            .iter()
            .filter(|m| !m.recognition.is_empty())
            .map(|m| CommendedModel {
                link: cx.link(m.title.clone(), &urls::model(&m.id)),
                unit: m.unit.as_deref().and_then(|id| cx.unit_link(id)),
                recognition: m
                    .recognition
                    .iter()
                    .map(|r| RecognitionRow {
                        subject: None,
                        date: r.date.map(|d| d.to_string()),
                        level: r.level.as_deref().map(|code| recognition_level_label(cx.corpus, code)),
                        form: r.form.clone(),
                        decision: r.decision.clone(),
                    })
                    .collect(),
            })
            .collect(),
        form02: coverage_periods(catalog)
            .into_iter()
            .rev()
            .filter(|p| (period.from.year..=period.to.year).contains(&p.year))
            .map(|p| cx.link(period_heading(p), &urls::form02(p)))
            .collect(),
        periods: catalog
            .periods
            .chronological()
            .map(|p| PeriodLink { link: cx.link(p.name.clone(), &urls::period(&p.id)), current: p.id == period.id })
            .collect(),
    };
    (meta, page)
}

/// "Giai đoạn 2021–2025" → "giai đoạn 2021–2025", for use inside a title.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// Rows of labelled counts without links.
fn plain_rows<'a>(rows: impl Iterator<Item = (&'a str, usize)>) -> Vec<TallyRow> {
    rows.map(|(label, n)| TallyRow { link: Link { text: label.to_owned(), href: String::new() }, models: count(n) })
        .collect()
}

fn model_row(cx: &BuildContext, m: &PeriodModel) -> PeriodModelRow {
    PeriodModelRow {
        link: cx.link(m.title.clone(), &urls::model(&m.id)),
        unit: m.unit.as_deref().and_then(|id| cx.unit_link(id)),
        approach: m.approach.map(Approach::coded),
        status: m.status.map(Status::coded),
        start: m.start.map(|d| d.to_string()),
        end: m.end.map(|d| d.to_string()),
        previous: m.previous_model.as_deref().and_then(|id| cx.model_link(id)),
    }
}
