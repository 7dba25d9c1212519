//! `/khen-thuong/` (template `commendations.html`): every recognition of every model and
//! report (QĐ 3116-QĐ/TU), newest first.

use serde::Serialize;

use crate::render::context::common::Link;

/// One recognition as the list shows it.
#[derive(Clone, Debug, Serialize)]
pub struct CommendationRow {
    pub date: Option<String>,
    pub level: Option<String>,
    pub form: Option<String>,
    pub decision: Option<String>,
    /// Who was recognised: the model's subject, or the subject a report names.
    pub subject: Option<String>,
    /// The model recognised, when the recognition is typed on a model.
    pub model: Option<Link>,
    /// The report listing it, when typed on a report (and reports are published).
    pub report: Option<Link>,
    /// The unit of the model or report (short name).
    pub unit: Option<Link>,
}

/// How many recognitions one level gave.
#[derive(Clone, Debug, Serialize)]
pub struct LevelCount {
    pub level: String,
    pub count: String,
}

/// `/khen-thuong/`.
#[derive(Clone, Debug, Serialize)]
pub struct CommendationsPage {
    pub rows: Vec<CommendationRow>,
    /// Recognitions by level, in the vocabulary's order (levels never given are left out).
    pub by_level: Vec<LevelCount>,
    /// Models with at least one recognition.
    pub models: String,
}
