//! `/`: featured models, key counts, the newest models and reports.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use crate::content::model::Model;
use crate::content::vocab::{Approach, Status};
use crate::render::chart::{Bar, bar_chart};
use crate::render::context::Link;
use crate::render::context::lists::{CurrentPeriod, HomePage, IndexEntry, Stat};
use crate::render::format::count;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::pages::reports::report_row;
use crate::site::pages::taxonomy::group_entries;
use crate::site::urls;

/// How many of the newest models and reports the home page shows.
const NEWEST: usize = 6;
/// How many featured models the home page shows.
const FEATURED: usize = 12;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    vec![Job::page(urls::HOME.to_owned(), "index.html", move || {
        let mut meta = cx.meta(urls::HOME, cx.config.title.clone(), "");
        meta.description = cx.config.description.clone();
        meta.history = cx.content_history();
        (meta, home(cx))
    })]
}

fn home(cx: &BuildContext) -> HomePage {
    let published: Vec<_> = cx.published().collect();
    let featured: Vec<&Model> = published.iter().copied().filter(|m| m.featured).take(FEATURED).collect();
    // A model shown among the featured ones is not shown again among the newest.
    let mut newest: Vec<&Model> =
        published.iter().copied().filter(|m| !featured.iter().any(|f| f.id == m.id)).collect();
    newest.sort_by_key(|m| Reverse(m.start));
    let mut reports: Vec<_> = if cx.config.publish_reports { cx.corpus.reports.iter().collect() } else { Vec::new() };
    reports.sort_by(|a, b| (b.report_date, &a.id).cmp(&(a.report_date, &b.id)));
    let with_status = |status| published.iter().filter(|m| m.status == Some(status)).count();
    let units = current_units_with_models(cx, &published);
    let mut stats = vec![
        Stat {
            label: "Mô hình, điển hình".into(), value: count(published.len()), href: Some(cx.href(urls::GALLERY))
        },
        Stat { label: "Đang thực hiện".into(), value: count(with_status(Status::DangThucHien)), href: None },
        Stat { label: "Đã hoàn thành".into(), value: count(with_status(Status::HoanThanh)), href: None },
        Stat {
            label: "Chi bộ, đảng bộ có mô hình".into(),
            value: count(units.len()),
            href: Some(cx.href(urls::UNITS)),
        },
    ];
    if cx.config.publish_reports {
        stats.push(Stat {
            label: "Báo cáo định kỳ".into(),
            value: count(cx.corpus.reports.len()),
            href: Some(cx.href(urls::REPORTS)),
        });
    }
    let groups = group_entries(cx);
    let approaches: Vec<IndexEntry> = Approach::ALL
        .iter()
        .map(|&a| IndexEntry {
            link: Link { text: a.label().to_owned(), href: String::new() },
            models: published.iter().filter(|m| m.approach == Some(a)).count(),
            note: None,
        })
        .collect();
    HomePage {
        current_period: current_period(cx),
        chart_groups_html: count_chart("Số mô hình theo nhóm", &groups),
        chart_approaches_html: count_chart("Số mô hình theo cách thức", &approaches),
        featured: featured.iter().map(|m| cx.card(m)).collect(),
        stats,
        newest: newest.iter().take(NEWEST).map(|m| cx.card(m)).collect(),
        scope: scope(cx),
        reports: reports.iter().take(NEWEST).map(|r| report_row(cx, r)).collect(),
        groups,
        approaches,
    }
}

/// The units that have a model today: the unit carrying each model, or the successor a
/// merged unit handed its work to; a unit closed by `as_of` is not a current one.
fn current_units_with_models<'a>(cx: &'a BuildContext, published: &[&'a Model]) -> BTreeSet<&'a str> {
    let as_of = cx.corpus.catalog.as_of;
    published
        .iter()
        .filter_map(|m| m.org.as_deref())
        .filter_map(|org| match as_of {
            Some(today) => cx.corpus.holder_at(org, today),
            None => cx.corpus.unit(org),
        })
        .filter(|unit| as_of.is_none_or(|today| unit.active_to.is_none_or(|to| to >= today)))
        .map(|unit| unit.id.as_str())
        .collect()
}

/// What the key counts and charts span, every period: "từ 2021 đến nay".
fn scope(cx: &BuildContext) -> Option<String> {
    cx.corpus.catalog.periods.first_year().map(|year| format!("từ {year} đến nay"))
}

/// The current period (SPEC §8.1), from `as_of`.
fn current_period(cx: &BuildContext) -> Option<CurrentPeriod> {
    let periods = &cx.corpus.catalog.periods;
    let period = cx.corpus.catalog.current_period()?;
    let held =
        |m: &&Model| m.is_dated() && m.period.and_then(|slot| periods.at(slot)).is_some_and(|p| p.id == period.id);
    Some(CurrentPeriod {
        link: cx.link(period.name.clone(), &urls::period(&period.id)),
        range: format!("{} – {}", period.from, period.to),
        guidance: period.guidance.clone(),
        models: count(cx.corpus.models.iter().filter(held).count()),
        gallery_href: format!("{}?giai-doan={}", cx.href(urls::GALLERY), period.id),
    })
}

/// A bar chart of entries and their model counts.
fn count_chart(title: &str, entries: &[IndexEntry]) -> String {
    let bars: Vec<Bar> = entries
        .iter()
        .map(|e| Bar { label: e.link.text.clone(), value: e.models as f64, value_text: count(e.models), of: None })
        .collect();
    bar_chart(title, &bars)
}
