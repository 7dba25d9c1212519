//! `/giai-doan/`, the list of programme periods, and `/giai-doan/<id>/`: the summary of every
//! period (tổng kết giai đoạn), with `giai-doan-<id>.csv`, `.json` and `.xlsx` beside it, all
//! from `derive::period_summary`.

use std::sync::Arc;

use crate::content::date::Date;
use crate::content::period::ProgrammePeriod;
use crate::content::vocab::{Approach, Status, SubjectType};
use crate::derive::calendar::coverage_periods;
use crate::derive::period_summary::{PeriodModel, PeriodSummary, period_summary};
use crate::office::period::{BookModel, PeriodBook, period_workbook};
use crate::render::context::form02::{PeriodLink, TallyRow};
use crate::render::context::model::RecognitionRow;
use crate::render::context::period::{
    CommendedModel, PeriodBaseRow, PeriodItem, PeriodModelRow, PeriodPage, PeriodsPage,
};
use crate::render::context::{Coded, Link, PageMeta};
use crate::render::format::count;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::links::{AsCoded, coded};
use crate::site::pages::form02::{approach_rows, commendation_text, counts_text};
use crate::site::pages::model::recognition_level_label;
use crate::site::pages::reports::period_heading;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let periods = cx.corpus.catalog.periods.list();
    let summaries: Arc<Vec<PeriodSummary>> = Arc::new(periods.iter().map(|p| period_summary(cx.corpus, p)).collect());
    let all = Arc::clone(&summaries);
    let mut jobs = vec![Job::page(urls::PERIODS.to_owned(), "periods.html", move || index(cx, &all))];
    for (i, period) in periods.iter().enumerate() {
        let summary = Arc::clone(&summaries);
        jobs.push(Job::page(urls::period(&period.id), "period.html", move || page(cx, period, &summary[i])));
        let summary = Arc::clone(&summaries);
        jobs.push(Job::file(urls::period_file(&period.id, "csv"), move || summary[i].to_csv(cx.corpus).into_bytes()));
        let summary = Arc::clone(&summaries);
        jobs.push(Job::file(urls::period_file(&period.id, "json"), move || summary[i].to_json().into_bytes()));
        let summary = Arc::clone(&summaries);
        jobs.push(Job::document(
            urls::period_file(&period.id, "xlsx"),
            move || book(cx, period, &summary[i]),
            |book| period_workbook(&book),
        ));
    }
    jobs
}

/// The workbook's content: the summary with names and labels resolved as on the page.
fn book(cx: &BuildContext, period: &ProgrammePeriod, summary: &PeriodSummary) -> PeriodBook {
    let corpus = cx.corpus;
    let unit_name = |id: Option<&str>| id.and_then(|id| corpus.unit(id)).map(|u| u.name.clone()).unwrap_or_default();
    let mut subtitle = format!("Từ {} đến {}", period.from, period.to);
    if let Some(as_of) = corpus.catalog.as_of {
        subtitle.push_str(&format!("; số liệu đến ngày {as_of}"));
    }
    PeriodBook {
        organisation: corpus.root_unit().map(|u| u.name.clone()).unwrap_or_default(),
        title: title_of(period),
        subtitle,
        date: corpus.catalog.as_of,
        base_units: summary.base_units.iter().map(|b| (b.name.clone(), b.counts)).collect(),
        totals: summary.totals,
        by_status: summary
            .by_status
            .iter()
            .map(|s| (Status::from_code(&s.id).map_or("", Status::label).to_owned(), s.models))
            .collect(),
        by_group: summary.by_group.iter().map(|g| (g.label.clone(), g.models)).collect(),
        by_evaluation: summary.by_evaluation.iter().map(|e| (e.label.clone(), e.models)).collect(),
        models: summary
            .models
            .iter()
            .map(|m| BookModel {
                title: m.title.clone(),
                unit: unit_name(m.unit.as_deref()),
                group: m
                    .group
                    .as_deref()
                    .and_then(|id| corpus.catalog.group(id))
                    .map(|g| g.label.clone())
                    .unwrap_or_default(),
                approach: m.approach.map_or("", Approach::label).to_owned(),
                subject: m.subject.map_or("", SubjectType::label).to_owned(),
                status: m.status.map_or("", Status::label).to_owned(),
                start: m.start.map(|d| d.to_string()).unwrap_or_default(),
                end: m.end.map(|d| d.to_string()).unwrap_or_default(),
                previous: m
                    .previous_model
                    .as_deref()
                    .and_then(|id| corpus.model(id))
                    .map(|p| p.title.clone())
                    .unwrap_or_default(),
                recognition: m.recognition.iter().map(|c| commendation_text(corpus, c)).collect(),
            })
            .collect(),
    }
}

/// "Tổng kết giai đoạn 2021–2025".
fn title_of(period: &ProgrammePeriod) -> String {
    format!("Tổng kết {}", lower_first(&period.name))
}

/// Title of `/giai-doan/`.
const PERIODS_TITLE: &str = "Các giai đoạn thực hiện";

/// `/giai-doan/`: every period by start date, with its dates, state and counts.
fn index(cx: &BuildContext, summaries: &[PeriodSummary]) -> (PageMeta, PeriodsPage) {
    let mut meta = cx.meta(urls::PERIODS, PERIODS_TITLE, "tong-hop");
    meta.breadcrumbs = vec![cx.link("Tổng hợp", urls::FORM02)];
    meta.history = cx.content_history();
    let catalog = &cx.corpus.catalog;
    let current = catalog.current_period().map(|p| p.id.as_str());
    let periods = (catalog.periods.chronological())
        .filter_map(|period| Some((period, summaries.iter().find(|s| s.id == period.id)?)))
        .map(|(period, summary)| PeriodItem {
            link: cx.link(period.name.clone(), &urls::period(&period.id)),
            range: format!("{} – {}", period.from, period.to),
            guidance: period.guidance.clone(),
            state: state_at(catalog.as_of, period),
            current: current == Some(period.id.as_str()),
            models: count(summary.totals.models),
            commended: count(summary.commended),
            xlsx_href: cx.href(&urls::period_file(&period.id, "xlsx")),
            csv_href: cx.href(&urls::period_file(&period.id, "csv")),
            json_href: cx.href(&urls::period_file(&period.id, "json")),
        })
        .collect();
    (meta, PeriodsPage { periods })
}

/// Where `period` stands at `as_of`: under way, ended or not yet begun.
fn state_at(as_of: Option<Date>, period: &ProgrammePeriod) -> Option<Coded> {
    as_of.map(|as_of| match () {
        _ if as_of < period.from => coded("chua_bat_dau", "Chưa bắt đầu"),
        _ if as_of > period.to => coded("da_ket_thuc", "Đã kết thúc"),
        _ => coded("dang_dien_ra", "Đang diễn ra"),
    })
}

fn page(cx: &BuildContext, period: &ProgrammePeriod, summary: &PeriodSummary) -> (PageMeta, PeriodPage) {
    let url = urls::period(&period.id);
    let mut meta = cx.meta(&url, title_of(period), "tong-hop");
    meta.breadcrumbs = vec![cx.link("Tổng hợp", urls::FORM02), cx.link(PERIODS_TITLE, urls::PERIODS)];
    meta.history = cx.models_history(summary.models.iter().map(|m| m.id.as_str()));
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
        state: state_at(catalog.as_of, period),
        current,
        csv_href: cx.href(&urls::period_file(&period.id, "csv")),
        json_href: cx.href(&urls::period_file(&period.id, "json")),
        xlsx_href: cx.href(&urls::period_file(&period.id, "xlsx")),
        totals: counts_text(t),
        commended: count(summary.commended),
        by_approach: approach_rows(cx, t),
        by_subject: plain_rows(SubjectType::ALL.iter().map(|s| s.label()).zip([t.tap_the, t.ca_nhan])),
        by_status: plain_rows(
            summary.by_status.iter().map(|s| (Status::from_code(&s.id).map_or("", Status::label), s.models)),
        ),
        by_evaluation: plain_rows(summary.by_evaluation.iter().map(|e| (e.label.as_str(), e.models))),
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
