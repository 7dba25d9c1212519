//! The usual files: `/404.html`, `/feed.xml` (Atom), `/robots.txt` and `/sitemap.xml`
//! (built last, from every other page's address).

use std::cmp::Reverse;

use crate::content::date::Date;
use crate::content::model::Model;
use crate::render::context::PageMeta;
use crate::render::context::feeds::{FeedEntry, FeedPage, RobotsPage, SitemapPage};
use crate::render::context::text::NotFoundPage;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::urls;

/// Entries in the feed: the most recently updated models.
const FEED_ENTRIES: usize = 50;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    vec![
        Job::page("404.html".to_owned(), "404.html", move || {
            (cx.meta("404.html", "Không tìm thấy trang", ""), NotFoundPage {})
        })
        .unlisted(),
        Job::templated(urls::FEED, "feed.xml", move || (PageMeta::default(), feed(cx))),
        Job::templated("robots.txt", "robots.txt", move || {
            (PageMeta::default(), RobotsPage { sitemap_url: cx.absolute(urls::SITEMAP) })
        }),
    ]
}

/// `/sitemap.xml` listing `urls` (addresses relative to the base path).
pub fn sitemap<'a>(cx: &'a BuildContext<'a>, mut pages: Vec<String>) -> Job<'a> {
    pages.sort();
    Job::templated(urls::SITEMAP, "sitemap.xml", move || {
        (PageMeta::default(), SitemapPage { urls: pages.iter().map(|u| cx.absolute(u)).collect() })
    })
}

fn feed(cx: &BuildContext) -> FeedPage {
    let catalog = &cx.corpus.catalog;
    let as_of = catalog.as_of;
    // A date for what records none: the data's "today", else the programme's first day.
    let fallback = as_of.or(catalog.periods.chronological().next().map(|p| p.from)).unwrap_or(Date::EPOCH);
    let mut models: Vec<(Date, &Model)> = cx.published().map(|m| (updated(m, as_of).unwrap_or(fallback), m)).collect();
    models.sort_by_key(|(date, _)| Reverse(*date));
    models.truncate(FEED_ENTRIES);
    let newest = models.first().map_or(fallback, |(d, _)| *d);
    FeedPage {
        self_url: cx.absolute(urls::FEED),
        updated: rfc3339(newest),
        entries: models
            .iter()
            .map(|(date, m)| FeedEntry {
                title: m.title.clone(),
                url: cx.absolute(&urls::model(&m.id)),
                updated: rfc3339(*date),
                summary: m.learning.summary.clone(),
                author: m.org.as_deref().and_then(|id| cx.corpus.unit(id)).map(|u| u.name.clone()),
            })
            .collect(),
    }
}

/// The latest date a model records about itself (start, end, retirement, recognition),
/// never after the catalog's `as_of`: deterministic, no clock.
fn updated(model: &Model, as_of: Option<Date>) -> Option<Date> {
    let dates = [model.start, model.end, model.retirement.as_ref().and_then(|r| r.date)]
        .into_iter()
        .chain(model.recognition.iter().map(|r| r.date))
        .flatten()
        .filter(|d| as_of.is_none_or(|limit| *d <= limit));
    dates.max().or(model.start)
}

fn rfc3339(date: Date) -> String {
    format!("{}T00:00:00Z", date.iso())
}
