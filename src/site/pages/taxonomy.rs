//! `/nhom/`, `/nhom/<id>/`, `/chuyen-de/`, `/chuyen-de/<id>/`: models by group and by
//! learning topic, for every group and topic of the catalog.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::model::Model;
use crate::content::vocab::TopicKind;
use crate::render::context::lists::{Fact, IndexEntry, IndexPage, IndexSection, ModelListPage};
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::pages::paginate::{pagination, split};
use crate::site::urls;

/// Models by group or topic id, in title order.
type ModelsBy<'a> = HashMap<&'a str, Vec<&'a Model>>;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let mut by_group: ModelsBy = HashMap::new();
    let mut by_topic: ModelsBy = HashMap::new();
    for model in cx.models.iter().copied() {
        if let Some(group) = model.group.as_deref() {
            by_group.entry(group).or_default().push(model);
        }
        let mut topics: Vec<&str> = model.learning.topics.iter().map(String::as_str).collect();
        topics.sort_unstable();
        topics.dedup();
        for topic in topics {
            by_topic.entry(topic).or_default().push(model);
        }
    }
    let by_topic = Arc::new(by_topic);
    let catalog = &cx.corpus.catalog;
    let mut jobs = Vec::new();

    jobs.push(Job::page(urls::GROUPS.to_owned(), "groups.html", move || {
        let mut meta = cx.meta(urls::GROUPS, "Nhóm mô hình", GROUP.section);
        meta.history = cx.content_history();
        (meta, IndexPage { sections: vec![IndexSection { title: String::new(), entries: group_entries(cx) }] })
    }));
    for group in &catalog.groups {
        jobs.extend(list_pages(cx, List::new(&GROUP, &group.id, &group.label), Vec::new(), &by_group));
    }

    let topic_counts = Arc::clone(&by_topic);
    jobs.push(Job::page(urls::TOPICS.to_owned(), "topics.html", move || {
        let mut meta = cx.meta(urls::TOPICS, "Chuyên đề, tác phẩm học tập", TOPIC.section);
        meta.history = cx.content_history();
        let sections = TopicKind::ALL
            .iter()
            .map(|&kind| IndexSection {
                title: kind.label().to_owned(),
                entries: catalog
                    .topics
                    .iter()
                    .filter(|t| t.kind == Some(kind))
                    .map(|t| IndexEntry {
                        link: cx.link(t.title.clone(), &urls::topic(&t.id)),
                        models: published(&topic_counts, &t.id),
                        note: t.issued.clone().or_else(|| t.year.map(|y| format!("Năm {y}"))),
                    })
                    .collect(),
            })
            .filter(|s| !s.entries.is_empty())
            .collect();
        (meta, IndexPage { sections })
    }));
    for topic in &catalog.topics {
        let mut facts = Vec::new();
        if let Some(kind) = topic.kind {
            facts.push(Fact { label: "Loại".into(), value: kind.label().into() });
        }
        if let Some(year) = topic.year {
            facts.push(Fact { label: "Năm".into(), value: year.to_string() });
        }
        if let Some(issued) = &topic.issued {
            facts.push(Fact { label: "Ban hành".into(), value: issued.clone() });
        }
        jobs.extend(list_pages(cx, List::new(&TOPIC, &topic.id, &topic.title), facts, &by_topic));
    }
    jobs
}

/// Every group with its number of published models (also shown on the home page).
pub fn group_entries(cx: &BuildContext) -> Vec<IndexEntry> {
    cx.corpus
        .catalog
        .groups
        .iter()
        .map(|g| IndexEntry {
            link: cx.link(g.label.clone(), &urls::group(&g.id)),
            models: cx.published().filter(|m| m.group.as_deref() == Some(g.id.as_str())).count(),
            note: None,
        })
        .collect()
}

fn published(by: &ModelsBy, id: &str) -> usize {
    by.get(id).map_or(0, |models| models.iter().filter(|m| !m.is_retired()).count())
}

/// What the pages of one group and of one topic differ in.
struct Kind {
    /// Navigation section, shared with the index page.
    section: &'static str,
    template: &'static str,
    /// URL of the index page, and the breadcrumb text leading back to it.
    index: &'static str,
    crumb: &'static str,
    /// URL of the first page for an id.
    url: fn(&str) -> String,
}

/// The pages of a group: `/nhom/<id>/`.
const GROUP: Kind =
    Kind { section: "nhom", template: "group.html", index: urls::GROUPS, crumb: "Nhóm mô hình", url: urls::group };

/// The pages of a learning topic: `/chuyen-de/<id>/`.
const TOPIC: Kind =
    Kind {
        section: "chuyen-de", template: "topic.html", index: urls::TOPICS, crumb: "Chuyên đề", url: urls::topic
    };

/// A group or topic whose models are listed.
struct List<'a> {
    kind: &'static Kind,
    id: &'a str,
    first_url: String,
    title: &'a str,
}

impl<'a> List<'a> {
    /// The list of `kind` for the catalog entry `id`, shown as `title`.
    fn new(kind: &'static Kind, id: &'a str, title: &'a str) -> Self {
        List { kind, id, first_url: (kind.url)(id), title }
    }
}

/// The pages listing the models of one group or topic, `per_page` a page.
fn list_pages<'a>(cx: &'a BuildContext<'a>, list: List<'a>, facts: Vec<Fact>, by: &ModelsBy<'a>) -> Vec<Job<'a>> {
    let parent = cx.link(list.kind.crumb, list.kind.index);
    let models = by.get(list.id).map_or(&[][..], Vec::as_slice);
    let published: Arc<Vec<&Model>> = Arc::new(models.iter().copied().filter(|m| !m.is_retired()).collect());
    let retired: Vec<&Model> = models.iter().copied().filter(|m| m.is_retired()).collect();
    let history = cx.combined_history(models.iter().map(|m| m.path.as_str()));
    let pages = split(published.len(), cx.config.per_page);
    let total_pages = pages.len();
    let list = Arc::new(list);
    pages
        .into_iter()
        .map(|(number, range)| {
            let (list, published, facts, parent, history) =
                (Arc::clone(&list), Arc::clone(&published), facts.clone(), parent.clone(), history.clone());
            let retired = if number == 1 { retired.clone() } else { Vec::new() };
            let url = urls::paged(&list.first_url, number);
            Job::page(url.clone(), list.kind.template, move || {
                let title = match number {
                    1 => list.title.to_owned(),
                    n => format!("{} – trang {n}", list.title),
                };
                let pagination = pagination(cx, &list.first_url, number, total_pages);
                let mut meta = cx.meta(&url, title, list.kind.section);
                meta.breadcrumbs = vec![parent];
                meta.prev = pagination.prev.clone();
                meta.next = pagination.next.clone();
                meta.history = history;
                let page = ModelListPage {
                    id: list.id.to_owned(),
                    title: list.title.to_owned(),
                    facts,
                    total: published.len(),
                    cards: published[range].iter().map(|m| cx.card(m)).collect(),
                    retired: retired.iter().map(|m| cx.card(m)).collect(),
                    pagination,
                };
                (meta, page)
            })
        })
        .collect()
}
