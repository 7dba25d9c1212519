//! `/mo-hinh/<id>/`: one model (template `model.html`), with the five criteria each holding
//! its structured facts and the matching section of the body.

use serde::Serialize;

use crate::derive::party_document::PartyDocument;
use crate::derive::results::IndicatorResult;
use crate::render::context::common::{Coded, Link, OnRender};
use crate::render::context::evaluation::EvaluationCard;
use crate::render::context::report::ReportMention;
use crate::render::context::results::ResultRow;
use crate::render::context::unit::Merge;

/// A model page.
#[derive(Clone, Debug, Serialize)]
pub struct ModelPage {
    pub id: String,
    pub title: String,
    pub status: Option<Coded>,
    pub approach: Option<Coded>,
    /// The unit carrying the model (full name).
    pub org: Option<Link>,
    /// The base unit above it, when the model belongs to a sub-unit.
    pub base_unit: Option<Link>,
    /// The unit `org` merged into (SPEC §8.2), and from when.
    pub merged_into: Option<Merge>,
    /// Whether the model ran past that merge, so the successor carries it on and counts it.
    pub carried_on: bool,
    pub subject: SubjectFacts,
    pub group: Option<Link>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// "Số 12-KH/CB, ngày 15/02/2023" when the plan's registration is given.
    pub registration: Option<String>,
    /// The printed plan's header, title, signature and "Nơi nhận" (HD 36-HD/VPTW).
    pub document: PartyDocument,
    /// The Word file (`.docx`, biểu mẫu 01) beside the page.
    pub docx_href: String,
    pub featured: bool,
    pub tags: Vec<String>,
    /// The body text before its first `##` section.
    pub intro_html: String,
    /// TC1 Nội dung học tập Bác.
    pub learning: Criterion<LearningFacts>,
    /// TC2 Sự cần thiết.
    pub necessity: Criterion<NecessityFacts>,
    /// TC3 Biện pháp.
    pub measures: Criterion<MeasuresFacts>,
    /// TC4 Hiệu quả.
    pub effectiveness: Criterion<EffectivenessFacts>,
    /// TC5 Tính khả thi nhân rộng.
    pub replication: Criterion<ReplicationFacts>,
    /// Body sections that are not one of the five criteria, in body order.
    pub other_sections: Vec<BodySection>,
    /// What a consolidated (củng cố) model changed.
    pub revision: Option<RevisionFacts>,
    /// The model this one replicates (nhân rộng).
    pub source_model: Option<Link>,
    /// Models that replicate this one.
    pub replicas: Vec<Link>,
    /// The programme period holding the model's start, linking to its summary.
    pub period: Option<Link>,
    /// The model of an earlier period this one carries on (`revision.previous_model`), with
    /// that period's name.
    pub previous_model: Option<Link>,
    /// The models of later periods carrying this one on, with their periods' names.
    pub carried_on_by: Vec<Link>,
    pub retirement: Option<RetirementFacts>,
    pub recognition: Vec<RecognitionRow>,
    /// The department's latest evaluation of the model (`/danh-gia/`).
    pub evaluation: Option<EvaluationCard>,
    /// Reports (form 03) that mention the model, oldest period first.
    pub reports: Vec<ReportMention>,
}

/// Who carries the model.
#[derive(Clone, Debug, Serialize)]
pub struct SubjectFacts {
    pub kind: Option<Coded>,
    pub name: String,
    pub position: Option<String>,
    /// "Đảng viên" / "Quần chúng" for a person, when given.
    pub party_member: Option<String>,
    pub members: Option<String>,
    pub mass_org: Option<String>,
}

/// One of the five criteria: its heading, the editor's text and the structured facts.
#[derive(Clone, Debug, Serialize)]
pub struct Criterion<F> {
    /// 1–5.
    pub number: u8,
    /// Anchor id (`tieu-chi-1`).
    pub anchor: String,
    /// The body heading without its leading numbering (or the criterion's name when the body
    /// has none): the page prints "Tiêu chí N." before it.
    pub heading: String,
    /// The body section, rendered.
    pub html: String,
    pub facts: F,
}

/// A body section outside the five criteria.
#[derive(Clone, Debug, Serialize)]
pub struct BodySection {
    pub heading: String,
    pub html: String,
}

/// TC1 facts.
#[derive(Clone, Debug, Serialize)]
pub struct LearningFacts {
    /// Topics and works studied (title, link to the topic's page).
    pub topics: Vec<Link>,
    pub summary: Option<String>,
    pub quote: Option<String>,
    /// Labels of what the model is aligned with.
    pub alignment: Vec<String>,
}

/// TC2 facts.
#[derive(Clone, Debug, Serialize)]
pub struct NecessityFacts {
    pub reasons: Vec<Coded>,
    pub other: Option<String>,
    pub identified_in: Option<String>,
}

/// TC3 facts.
#[derive(Clone, Debug, Serialize)]
pub struct MeasuresFacts {
    pub kinds: Vec<Coded>,
    pub responsible: Option<String>,
    pub milestones: Vec<MilestoneRow>,
}

/// A dated step of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct MilestoneRow {
    pub date: Option<String>,
    pub task: Option<String>,
}

/// TC4 facts.
#[derive(Clone, Debug, Serialize)]
pub struct EffectivenessFacts {
    pub awareness: Option<String>,
    pub attitude: Option<String>,
    pub action: Option<String>,
    pub indicators: Vec<IndicatorRow>,
    pub social_effect: Option<String>,
}

/// An indicator with its baseline and target (numbers written the Vietnamese way).
#[derive(Clone, Debug, Serialize)]
pub struct IndicatorRow {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub baseline: Option<String>,
    pub baseline_date: Option<String>,
    pub target: Option<String>,
    /// The latest reported value and its period ("6 tháng đầu năm 2023"), if any.
    pub latest: Option<String>,
    pub latest_period: Option<String>,
    /// Every reported value, in period order.
    pub results: Vec<ResultRow>,
    /// Chart of baseline → reported values → target (inline SVG, safe HTML); empty when
    /// nothing was reported yet.
    pub chart_html: OnRender<IndicatorResult>,
}

/// TC5 facts.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicationFacts {
    pub targets: Vec<TargetRow>,
    pub cost: Option<Coded>,
    pub requirements: Option<Coded>,
    pub spread: Option<String>,
}

/// A place the model could be replicated to: a registered unit or a named place.
#[derive(Clone, Debug, Serialize)]
pub struct TargetRow {
    pub org: Option<Link>,
    pub name: Option<String>,
    pub similarity: Option<String>,
}

/// What consolidation changed.
#[derive(Clone, Debug, Serialize)]
pub struct RevisionFacts {
    pub since: Option<i64>,
    pub previous: Option<String>,
    pub changes: Vec<ChangeRow>,
}

/// One change, by criterion.
#[derive(Clone, Debug, Serialize)]
pub struct ChangeRow {
    pub criterion: Option<i64>,
    /// "Tiêu chí 1. Nội dung học tập Bác".
    pub criterion_label: String,
    pub text: Option<String>,
}

/// Why and when the model was dropped.
#[derive(Clone, Debug, Serialize)]
pub struct RetirementFacts {
    pub date: Option<String>,
    pub reason: Option<String>,
    pub replacement: Option<Link>,
}

/// A recognition or award.
#[derive(Clone, Debug, Serialize)]
pub struct RecognitionRow {
    /// Who was recognised (reports only).
    pub subject: Option<String>,
    pub date: Option<String>,
    pub level: Option<String>,
    pub form: Option<String>,
    pub decision: Option<String>,
}
