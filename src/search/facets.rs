//! The facet table of the gallery filters (SPEC §3 "Publishing rules", §5): for each facet its
//! values with Vietnamese labels and, per document, the values it carries. The script counts
//! and filters from it: AND across facets, OR within one.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::model::Model;
use crate::content::vocab::{APPROACHES, EVALUATION_RESULTS, SECTORS, STATUSES, SUBJECT_TYPES, Status};
use crate::derive::period_summary::NOT_EVALUATED;
use crate::search::postings::{Packed, pack};

/// URL parameter of the status facet, and the status code of retired models: the script hides
/// those unless this filter holds it.
pub const STATUS_KEY: &str = "trang-thai";

/// Label of the retired status in the filters: SPEC §3 and §5 name the filter "Đã dừng";
/// the status is "loại bỏ" everywhere else (the guidance's word), so the label says both.
pub const RETIRED_LABEL: &str = "Đã dừng (loại bỏ)";

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
    /// Whether a document may carry several values (years, topics).
    #[serde(rename = "m", serialize_with = "as_flag")]
    pub multi: bool,
    /// Per document: the sorted indexes of its values (in `values`).
    #[serde(skip)]
    pub indexes: Vec<Vec<u32>>,
    /// The same, as written for the script.
    #[serde(rename = "d")]
    pub column: Column,
}

fn as_flag<S: serde::Serializer>(flag: &bool, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u8(u8::from(*flag))
}

/// The values of every document in one facet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Column {
    /// One fixed-width base-62 number per document (see `postings::pack`): value index + 1
    /// (0 = none) for a single-valued facet, the bit set of value indexes for a multi-valued one.
    Packed(Packed),
    /// Lists of value indexes (a multi-valued facet with more than [`MAX_BITS`] values).
    Lists(Vec<Vec<u32>>),
    /// Read through another single-valued facet's column (the sector of the base unit).
    Derived(Derived),
}

/// A single-valued facet whose value follows from another's: `map[i]` is the value index for
/// value `i` of facet `of` (`-1` for none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Derived {
    pub of: &'static str,
    pub map: Vec<i64>,
}

/// Most values a multi-valued facet may have to be written as bit sets (the script reads them
/// as 32-bit integers).
pub const MAX_BITS: usize = 30;

impl Column {
    fn new(indexes: &[Vec<u32>], multi: bool, values: usize) -> Column {
        if multi && values > MAX_BITS {
            return Column::Lists(indexes.to_vec());
        }
        let numbers: Vec<u64> = indexes
            .iter()
            .map(|list| match (multi, list.first()) {
                (true, _) => list.iter().fold(0, |bits, &i| bits | 1 << i),
                (false, Some(&first)) => u64::from(first) + 1,
                (false, None) => 0,
            })
            .collect();
        Column::Packed(pack(&numbers))
    }
}

/// What a document carries in every facet, as codes.
#[derive(Clone, Debug, Default)]
struct DocValues {
    period: Option<String>,
    years: Vec<String>,
    base_unit: Option<String>,
    sector: Option<String>,
    group: Option<String>,
    approach: Option<String>,
    subject: Option<String>,
    status: Option<String>,
    topics: Vec<String>,
    evaluation: Option<String>,
}

/// The last year the year facet offers: the last year a period covers, or year(as_of) if
/// earlier (a model with no end is not "active" in a year that has not come yet).
fn last_year(corpus: &Corpus) -> Option<i32> {
    let last = corpus.catalog.periods.last_year()?;
    Some(corpus.catalog.as_of.map_or(last, |as_of| as_of.year.min(last)))
}

fn doc_values(corpus: &Corpus, model: &Model) -> DocValues {
    let base = model.org.as_deref().and_then(|org| corpus.base_unit_of(org));
    let years = match (model.start, model.effective_end(), last_year(corpus)) {
        (Some(start), Some(end), Some(last)) => (start.year..=end.year.min(last)).map(|y| y.to_string()).collect(),
        _ => Vec::new(),
    };
    DocValues {
        period: model
            .period
            .filter(|_| model.is_dated())
            .and_then(|slot| corpus.catalog.periods.at(slot))
            .map(|p| p.id.clone()),
        years,
        base_unit: base.map(|u| u.id.clone()),
        sector: base.and_then(|u| u.sector.clone()),
        group: model.group.clone(),
        approach: model.approach.map(|a| a.code().to_owned()),
        subject: model.subject.kind.map(|k| k.code().to_owned()),
        status: model.status.map(|s| s.code().to_owned()),
        topics: model.learning.topics.clone(),
        evaluation: Some(
            corpus.latest_evaluation(&model.id).and_then(|e| e.result).map_or(NOT_EVALUATED, |r| r.code()).to_owned(),
        ),
    }
}

/// Builds a facet from each document's codes (in index order), values ordered as `order`
/// lists them (`[code, label]`); a code absent from `order` is kept, after the others, by code.
fn facet(
    key: &'static str,
    label: &'static str,
    multi: bool,
    order: Vec<(String, String)>,
    per_doc: Vec<Vec<String>>,
) -> Facet {
    let present: BTreeSet<&String> = per_doc.iter().flatten().collect();
    let mut values: Vec<(String, String)> = order.into_iter().filter(|(code, _)| present.contains(code)).collect();
    let known: BTreeSet<String> = values.iter().map(|(c, _)| c.clone()).collect();
    values.extend(present.into_iter().filter(|c| !known.contains(*c)).map(|c| (c.clone(), c.clone())));
    let mut place: HashMap<&str, u32> = HashMap::new();
    for (i, (value, _)) in values.iter().enumerate() {
        place.entry(value.as_str()).or_insert(i as u32);
    }
    let indexes: Vec<Vec<u32>> = per_doc
        .iter()
        .map(|codes| {
            let mut list: Vec<u32> = codes.iter().filter_map(|c| place.get(c.as_str()).copied()).collect();
            list.sort_unstable();
            list.dedup();
            list
        })
        .collect();
    let column = Column::new(&indexes, multi, values.len());
    Facet { key, label, values, multi, indexes, column }
}

fn vocab(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect()
}

/// The nine facets of the gallery for `models`, in filter order.
pub fn facets(corpus: &Corpus, models: &[&Model]) -> Vec<Facet> {
    let values: Vec<DocValues> = models.iter().map(|m| doc_values(corpus, m)).collect();
    let column = |pick: &dyn Fn(&DocValues) -> Vec<String>| values.iter().map(pick).collect::<Vec<_>>();
    let one = |value: &Option<String>| value.iter().cloned().collect::<Vec<_>>();

    let periods = &corpus.catalog.periods;
    let covered =
        periods.first_year().zip(last_year(corpus)).map_or_else(Vec::new, |(a, b)| periods.covered_years(a, b));
    let years = covered.into_iter().rev().map(|y| (y.to_string(), y.to_string())).collect();
    let programme = periods.chronological().rev().map(|p| (p.id.clone(), p.name.clone())).collect();
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
    let mut evaluations = vocab(EVALUATION_RESULTS);
    evaluations.push((NOT_EVALUATED.to_owned(), "Chưa đánh giá".to_owned()));
    let base = facet("don-vi", "Đảng bộ, chi bộ cơ sở", false, base_units, column(&|d| one(&d.base_unit)));
    let mut sector = facet("linh-vuc", "Lĩnh vực", false, vocab(SECTORS), column(&|d| one(&d.sector)));
    // The sector is the base unit's: the script reads it through the base unit column.
    let map = base
        .values
        .iter()
        .map(|(id, _)| {
            let code = corpus.unit(id).and_then(|u| u.sector.as_deref());
            code.and_then(|c| sector.values.iter().position(|(v, _)| v == c)).map_or(-1, |i| i as i64)
        })
        .collect();
    sector.column = Column::Derived(Derived { of: base.key, map });

    vec![
        facet("giai-doan", "Giai đoạn", false, programme, column(&|d| one(&d.period))),
        facet("nam", "Năm", true, years, column(&|d| d.years.clone())),
        base,
        sector,
        facet("nhom", "Nhóm mô hình", false, groups, column(&|d| one(&d.group))),
        facet("cach-thuc", "Cách thức", false, vocab(APPROACHES), column(&|d| one(&d.approach))),
        facet("chu-the", "Chủ thể", false, vocab(SUBJECT_TYPES), column(&|d| one(&d.subject))),
        facet(STATUS_KEY, "Trạng thái", false, statuses, column(&|d| one(&d.status))),
        facet("chuyen-de", "Chuyên đề", true, topics, column(&|d| d.topics.clone())),
        facet("danh-gia", "Kết quả đánh giá", false, evaluations, column(&|d| one(&d.evaluation))),
    ]
}

#[cfg(test)]
mod tests;
