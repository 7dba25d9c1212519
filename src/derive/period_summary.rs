//! The summary of one programme period (tổng kết giai đoạn, SPEC §8.1): the models that
//! belong to it (the period holds their `start`), totalled by approach, subject, phase,
//! status, group and base unit, listed one by one, and those commended.
//!
//! The page `/giai-doan/<id>/`, its JSON file ([`PeriodSummary`] serialized as is) and its
//! CSV ([`PeriodSummary::to_csv`], one row per model) all come from [`period_summary`], so
//! any other export of the period (a workbook) reads the same facts.

use std::collections::HashMap;

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::model::Model;
use crate::content::period::ProgrammePeriod;
use crate::content::vocab::{Approach, EvaluationResult, Status, SubjectType};
use crate::derive::commendation::{Commendation, commendations};
use crate::derive::counting::counting_base;
use crate::derive::form02::{Counts, Tally, group_tally, iso};
use crate::office::csv::Csv;

/// The summary of one programme period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodSummary {
    pub id: String,
    pub name: String,
    #[serde(serialize_with = "iso_day")]
    pub from: Date,
    #[serde(serialize_with = "iso_day")]
    pub to: Date,
    pub guidance: Option<String>,
    /// The catalog's `as_of`, written ISO `YYYY-MM-DD`.
    #[serde(serialize_with = "iso")]
    pub as_of: Option<Date>,
    /// Every model of the period; `in_progress`, `completed` and `retired` are the phases at
    /// the period's end (or at `as_of`, the status being today's); `commended` the models
    /// with at least one recognition, whenever dated.
    pub totals: Counts,
    /// Models of the period with at least one recognition (= `totals.commended`).
    pub commended: usize,
    /// Models by today's status, every status in vocabulary order.
    pub by_status: Vec<Tally>,
    /// Models by group, every group of the catalog in catalog order.
    pub by_group: Vec<Tally>,
    /// Models by the result of their latest evaluation (SPEC §8.4), every result in
    /// vocabulary order, then `chua_danh_gia` for models never evaluated.
    pub by_evaluation: Vec<Tally>,
    /// The base units counting a model of the period, in registry order.
    pub base_units: Vec<BaseTotals>,
    /// The models, by start date then id.
    pub models: Vec<PeriodModel>,
}

/// A base unit's models in the period: its own and its subtree's, plus those it carries on
/// for units merged into it (SPEC §8.2).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BaseTotals {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// One model of the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodModel {
    pub id: String,
    pub title: String,
    /// The unit that carries it (its `org`), even when that unit merged into a successor.
    pub unit: Option<String>,
    /// The base unit that counts it at the period's end: `unit`'s, or its successor's when
    /// the unit merged first (SPEC §8.2: only where a model is counted changes).
    pub base_unit: Option<String>,
    pub group: Option<String>,
    pub approach: Option<Approach>,
    pub subject: Option<SubjectType>,
    pub status: Option<Status>,
    #[serde(serialize_with = "iso")]
    pub start: Option<Date>,
    /// Its own end: `end` or the retirement date, whichever is first; none while it runs on
    /// (the period's `to` is not the model's end).
    #[serde(serialize_with = "iso")]
    pub end: Option<Date>,
    /// The model of an earlier period this one carries on (`revision.previous_model`).
    pub previous_model: Option<String>,
    /// Its recognitions, by date.
    pub recognition: Vec<Commendation>,
    /// The result of its latest evaluation, if any.
    pub evaluation: Option<EvaluationResult>,
}

/// Computes the summary of `period`. A model belongs to it when the period holds its
/// `start` and its dates are valid; a model with invalid dates belongs to no period.
pub fn period_summary(corpus: &Corpus, period: &ProgrammePeriod) -> PeriodSummary {
    let catalog = &corpus.catalog;
    let index = catalog.periods.list().iter().position(|p| p.id == period.id);
    let mut members: Vec<&Model> = corpus
        .models
        .iter()
        .filter(|m| m.is_dated() && m.period.is_some_and(|slot| Some(slot.index) == index))
        .collect();
    members.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    let mut totals = Counts::default();
    let mut bases: Vec<BaseTotals> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for model in &members {
        let commended = usize::from(!model.recognition.is_empty());
        totals.add_model_between(model, period.from, period.to);
        totals.commended += commended;
        let Some(base) = counting_base(corpus, model, period.to) else { continue };
        let i = *slot.entry(base.id.as_str()).or_insert_with(|| {
            bases.push(BaseTotals { id: base.id.clone(), name: base.name.clone(), counts: Counts::default() });
            bases.len() - 1
        });
        bases[i].counts.add_model_between(model, period.from, period.to);
        bases[i].counts.commended += commended;
    }
    bases.sort_by_cached_key(|b| corpus.unit_order(&b.id));
    let by_status = Status::ALL
        .iter()
        .map(|s| Tally {
            id: s.code().to_owned(),
            label: s.label().to_owned(),
            models: members.iter().filter(|m| m.status == Some(*s)).count(),
        })
        .collect();
    let by_group = group_tally(corpus, &members);
    let latest: Vec<Option<EvaluationResult>> =
        members.iter().map(|m| corpus.latest_evaluation(&m.id).and_then(|e| e.result)).collect();
    let by_evaluation = EvaluationResult::ALL
        .iter()
        .map(|r| (r.code(), r.label(), Some(*r)))
        .chain([(NOT_EVALUATED, "Chưa đánh giá", None)])
        .map(|(id, label, result)| Tally {
            id: id.to_owned(),
            label: label.to_owned(),
            models: latest.iter().filter(|l| **l == result).count(),
        })
        .collect();
    PeriodSummary {
        id: period.id.clone(),
        name: period.name.clone(),
        from: period.from,
        to: period.to,
        guidance: period.guidance.clone(),
        as_of: catalog.as_of,
        totals,
        commended: totals.commended,
        by_status,
        by_group,
        by_evaluation,
        base_units: bases,
        models: members.iter().zip(latest).map(|(m, evaluation)| period_model(corpus, m, period, evaluation)).collect(),
    }
}

/// One model of the period's list; `evaluation` is the result of its latest evaluation.
fn period_model(
    corpus: &Corpus,
    model: &Model,
    period: &ProgrammePeriod,
    evaluation: Option<EvaluationResult>,
) -> PeriodModel {
    PeriodModel {
        id: model.id.clone(),
        title: model.title.clone(),
        unit: model.org.clone(),
        base_unit: counting_base(corpus, model, period.to).map(|u| u.id.clone()),
        group: model.group.clone(),
        approach: model.approach,
        subject: model.subject.kind,
        status: model.status,
        start: model.start,
        end: model.own_end(),
        previous_model: model.revision.as_ref().and_then(|r| r.previous_model.clone()),
        recognition: commendations(model.recognition.iter()),
        evaluation,
    }
}

/// The code of a model never evaluated, as the gallery's "Kết quả đánh giá" facet writes it.
pub const NOT_EVALUATED: &str = "chua_danh_gia";

/// The CSV header: Vietnamese column names, in the order of [`PeriodSummary::to_csv`] rows.
pub const CSV_HEADER: [&str; 14] = [
    "Mã giai đoạn",
    "Mã mô hình",
    "Tên mô hình",
    "Mã đơn vị cơ sở",
    "Mã đơn vị",
    "Tên đơn vị",
    "Nhóm mô hình",
    "Cách thức",
    "Chủ thể",
    "Trạng thái",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Tiếp nối mô hình",
    "Số lần khen thưởng",
];

impl PeriodSummary {
    /// The CSV file (UTF-8 with BOM, CRLF, formulas made inert): a Vietnamese header row, then
    /// one row per model, in the order of the page; dates `dd/mm/yyyy`.
    pub fn to_csv(&self, corpus: &Corpus) -> String {
        let mut csv = Csv::with_header(&CSV_HEADER);
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        for m in &self.models {
            let unit_name = m.unit.as_deref().and_then(|id| corpus.unit(id)).map(|u| u.name.clone());
            let group = m.group.as_deref().and_then(|id| corpus.catalog.group(id)).map(|g| g.label.clone());
            csv.row([
                self.id.clone(),
                m.id.clone(),
                m.title.clone(),
                m.base_unit.clone().unwrap_or_default(),
                m.unit.clone().unwrap_or_default(),
                unit_name.unwrap_or_default(),
                group.or_else(|| m.group.clone()).unwrap_or_default(),
                m.approach.map_or("", Approach::label).to_owned(),
                m.subject.map_or("", SubjectType::label).to_owned(),
                m.status.map_or("", Status::label).to_owned(),
                date(m.start),
                date(m.end),
                m.previous_model.clone().unwrap_or_default(),
                m.recognition.len().to_string(),
            ]);
        }
        csv.finish()
    }

    /// The JSON file (pretty-printed, stable key order).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn iso_day<S: serde::Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&date.iso())
}

#[cfg(test)]
mod tests;
