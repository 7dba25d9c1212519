//! The facet table of the gallery filters (SPEC §3 "Publishing rules", §5): for each facet its
//! values with Vietnamese labels and, per document, the values it carries. The script counts
//! and filters from it: AND across facets, OR within one.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::model::{Model, PERIOD_END, PERIOD_START};
use crate::content::vocab::{APPROACHES, SECTORS, STATUSES, SUBJECT_TYPES, Status};

/// URL parameter of the status facet, and the status code of retired models: the script hides
/// those unless this filter holds it.
pub const STATUS_KEY: &str = "trang-thai";

/// Label of the retired status in the filters (SPEC §3: the "Đã dừng" filter).
pub const RETIRED_LABEL: &str = "Đã dừng";

/// One facet: its URL parameter, label, values and the values of each document.
#[derive(Clone, Debug, Serialize)]
pub struct Facet {
    /// URL parameter (`nhom`, `don-vi`, …).
    #[serde(rename = "k")]
    pub key: &'static str,
    #[serde(rename = "l")]
    pub label: &'static str,
    /// `[code, label]` of each value present, in display order.
    #[serde(rename = "v")]
    pub values: Vec<(String, String)>,
    /// Per document: the indexes of its values (in `values`).
    #[serde(rename = "d")]
    pub docs: Vec<DocFacet>,
}

/// The values of one document in one facet: a bare index when there is exactly one (the common
/// case, and the smaller JSON), `-1` when there is none, a list otherwise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DocFacet {
    One(i64),
    Many(Vec<u32>),
}

impl DocFacet {
    fn new(mut indexes: Vec<u32>) -> DocFacet {
        indexes.sort_unstable();
        indexes.dedup();
        match indexes[..] {
            [] => DocFacet::One(-1),
            [one] => DocFacet::One(i64::from(one)),
            _ => DocFacet::Many(indexes),
        }
    }
}

/// What a document carries in every facet, as codes.
#[derive(Clone, Debug, Default)]
struct DocValues {
    years: Vec<String>,
    base_unit: Option<String>,
    sector: Option<String>,
    group: Option<String>,
    approach: Option<String>,
    subject: Option<String>,
    status: Option<String>,
    topics: Vec<String>,
}

fn doc_values(corpus: &Corpus, model: &Model) -> DocValues {
    let base = model.org.as_deref().and_then(|org| corpus.base_unit_of(org));
    let years = match model.start {
        Some(start) => {
            let from = start.year.max(PERIOD_START.year);
            let to = model.effective_end().year.min(PERIOD_END.year);
            (from..=to).map(|y| y.to_string()).collect()
        }
        None => Vec::new(),
    };
    DocValues {
        years,
        base_unit: base.map(|u| u.id.clone()),
        sector: base.and_then(|u| u.sector.clone()),
        group: model.group.clone(),
        approach: model.approach.map(|a| a.code().to_owned()),
        subject: model.subject.kind.map(|k| k.code().to_owned()),
        status: model.status.map(|s| s.code().to_owned()),
        topics: model.learning.topics.clone(),
    }
}

/// Builds the facets of `models` (in index order), values ordered as `order` lists them
/// (`[code, label]`); a code absent from `order` is kept, after the others, by code.
fn facet(key: &'static str, label: &'static str, order: Vec<(String, String)>, per_doc: Vec<Vec<String>>) -> Facet {
    let present: BTreeSet<&String> = per_doc.iter().flatten().collect();
    let mut values: Vec<(String, String)> = order.into_iter().filter(|(code, _)| present.contains(code)).collect();
    let known: BTreeSet<String> = values.iter().map(|(c, _)| c.clone()).collect();
    values.extend(present.into_iter().filter(|c| !known.contains(*c)).map(|c| (c.clone(), c.clone())));
    let docs = per_doc
        .iter()
        .map(|codes| {
            DocFacet::new(
                codes.iter().filter_map(|c| values.iter().position(|(v, _)| v == c)).map(|i| i as u32).collect(),
            )
        })
        .collect();
    Facet { key, label, values, docs }
}

fn vocab(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect()
}

/// The eight facets of the gallery for `models`, in filter order.
pub fn facets(corpus: &Corpus, models: &[&Model]) -> Vec<Facet> {
    let values: Vec<DocValues> = models.iter().map(|m| doc_values(corpus, m)).collect();
    let column = |pick: &dyn Fn(&DocValues) -> Vec<String>| values.iter().map(pick).collect::<Vec<_>>();
    let one = |value: &Option<String>| value.iter().cloned().collect::<Vec<_>>();

    let years = (PERIOD_START.year..=PERIOD_END.year).rev().map(|y| (y.to_string(), y.to_string())).collect();
    let base_units = corpus.units.iter().filter(|u| u.is_base()).map(|u| (u.id.clone(), u.name.clone())).collect();
    let groups = corpus.catalog.groups.iter().map(|g| (g.id.clone(), g.label.clone())).collect();
    let topics = corpus.catalog.topics.iter().map(|t| (t.id.clone(), t.title.clone())).collect();
    let statuses = STATUSES
        .iter()
        .map(|(code, label)| {
            let label = if *code == Status::LoaiBo.code() { RETIRED_LABEL } else { label };
            (code.to_string(), label.to_string())
        })
        .collect();
    let sectors = vocab(SECTORS);

    vec![
        facet("nam", "Năm", years, column(&|d| d.years.clone())),
        facet("don-vi", "Đơn vị cơ sở", base_units, column(&|d| one(&d.base_unit))),
        facet("linh-vuc", "Lĩnh vực", sectors, column(&|d| one(&d.sector))),
        facet("nhom", "Nhóm mô hình", groups, column(&|d| one(&d.group))),
        facet("cach-thuc", "Cách thức", vocab(APPROACHES), column(&|d| one(&d.approach))),
        facet("chu-the", "Chủ thể", vocab(SUBJECT_TYPES), column(&|d| one(&d.subject))),
        facet(STATUS_KEY, "Trạng thái", statuses, column(&|d| one(&d.status))),
        facet("chuyen-de", "Chuyên đề", topics, column(&|d| d.topics.clone())),
    ]
}

#[cfg(test)]
mod tests;
