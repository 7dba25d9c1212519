//! `/nhom/`, `/nhom/<id>/`, `/chuyen-de/`, `/chuyen-de/<id>/`: models by group and by
//! learning topic, for every group and topic of the catalog.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::model::Model;
use crate::content::vocab::TopicKind;
use crate::render::context::lists::{Fact, IndexEntry, IndexPage, IndexSection, ModelListPage};
use crate::site::context::BuildContext;
use crate::site::job::Job;
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
    let (by_group, by_topic) = (Arc::new(by_group), Arc::new(by_topic));
    let catalog = &cx.corpus.catalog;
    let mut jobs = Vec::new();

    jobs.push(Job::page(urls::GROUPS.to_owned(), "groups.html", move || {
        let meta = cx.meta(urls::GROUPS, "Nhóm mô hình", "nhom");
        (meta, IndexPage { sections: vec![IndexSection { title: String::new(), entries: group_entries(cx) }] })
    }));
    for group in &catalog.groups {
        let by_group = Arc::clone(&by_group);
        jobs.push(Job::page(urls::group(&group.id), "group.html", move || {
            let mut meta = cx.meta(&urls::group(&group.id), group.label.clone(), "nhom");
            meta.breadcrumbs = vec![cx.link("Nhóm mô hình", urls::GROUPS)];
            (meta, list_page(cx, &group.id, &group.label, Vec::new(), &by_group))
        }));
    }

    let topic_counts = Arc::clone(&by_topic);
    jobs.push(Job::page(urls::TOPICS.to_owned(), "topics.html", move || {
        let meta = cx.meta(urls::TOPICS, "Chuyên đề, tác phẩm học tập", "chuyen-de");
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
        let by_topic = Arc::clone(&by_topic);
        jobs.push(Job::page(urls::topic(&topic.id), "topic.html", move || {
            let mut meta = cx.meta(&urls::topic(&topic.id), topic.title.clone(), "chuyen-de");
            meta.breadcrumbs = vec![cx.link("Chuyên đề", urls::TOPICS)];
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
            (meta, list_page(cx, &topic.id, &topic.title, facts, &by_topic))
        }));
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

fn list_page(cx: &BuildContext, id: &str, title: &str, facts: Vec<Fact>, by: &ModelsBy) -> ModelListPage {
    let models = by.get(id).map_or(&[][..], Vec::as_slice);
    ModelListPage {
        id: id.to_owned(),
        title: title.to_owned(),
        facts,
        cards: models.iter().filter(|m| !m.is_retired()).map(|m| cx.card(m)).collect(),
        retired: models.iter().filter(|m| m.is_retired()).map(|m| cx.card(m)).collect(),
    }
}
