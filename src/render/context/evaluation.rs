//! `/danh-gia/` (template `evaluations.html`) and the latest evaluation on a model page: the
//! department's surveys of the models' quality (HD §IV.3).

use serde::Serialize;

use crate::render::context::common::{Coded, Link};

/// One evaluation as pages show it.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationCard {
    /// The fragment of `/danh-gia/` holding it (the evaluation's id).
    pub anchor: String,
    /// Its address on `/danh-gia/` (with base path and fragment).
    pub href: String,
    pub date: Option<String>,
    pub model: Option<Link>,
    /// The unit carrying the model (short name).
    pub unit: Option<Link>,
    /// Who evaluated.
    pub by: Option<String>,
    pub result: Option<Coded>,
    pub criteria: Vec<CriterionAssessment>,
    /// "Đề nghị nhân rộng".
    pub recommend_replication: bool,
    /// The body (remarks), as HTML.
    pub html: String,
}

/// One criterion's assessment.
#[derive(Clone, Debug, Serialize)]
pub struct CriterionAssessment {
    /// "Tiêu chí 3. Biện pháp".
    pub criterion: String,
    pub result: Option<Coded>,
    pub note: Option<String>,
}

/// How many evaluations gave one result.
#[derive(Clone, Debug, Serialize)]
pub struct ResultCount {
    pub result: Coded,
    pub count: String,
}

/// `/danh-gia/`: every evaluation, newest first.
#[derive(Clone, Debug, Serialize)]
pub struct EvaluationsPage {
    pub evaluations: Vec<EvaluationCard>,
    /// Models evaluated (at least once).
    pub models: String,
    /// Evaluations by result, in the vocabulary's order (results never given are left out).
    pub by_result: Vec<ResultCount>,
    /// Evaluations recommending replication.
    pub recommended: String,
}
