//! `/bao-cao/` and `/bao-cao/<id>/`: periodic reports (form 03) and where models appear in them.

use serde::Serialize;

use crate::derive::party_document::PartyDocument;
use crate::render::context::common::Link;
use crate::render::context::model::RecognitionRow;

/// A report in a list.
#[derive(Clone, Debug, Serialize)]
pub struct ReportRow {
    pub link: Link,
    pub org: Link,
    /// "6 tháng đầu năm 2023", "năm 2023".
    pub period: String,
    pub report_date: Option<String>,
    /// Number of models the report covers.
    pub models: usize,
}

/// `/bao-cao/`: every report, newest period first (template `reports.html`).
#[derive(Clone, Debug, Serialize)]
pub struct ReportsPage {
    pub years: Vec<ReportYear>,
}

/// The reports of one year.
#[derive(Clone, Debug, Serialize)]
pub struct ReportYear {
    pub year: i32,
    pub reports: Vec<ReportRow>,
}

/// `/bao-cao/<id>/`: one report (template `report.html`).
#[derive(Clone, Debug, Serialize)]
pub struct ReportPage {
    pub id: String,
    pub title: String,
    pub org: Option<Link>,
    pub period: Option<String>,
    pub report_date: Option<String>,
    pub number: Option<String>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    pub entries: Vec<EntryRow>,
    pub recognitions: Vec<RecognitionRow>,
    pub difficulties: Option<String>,
    pub proposals: Option<String>,
    pub body_html: String,
    /// The printed form's header, title, signature and "Nơi nhận" (HD 36-HD/VPTW).
    pub document: PartyDocument,
    /// "từ 01/01/2023 đến 30/06/2023".
    pub range: Option<String>,
    /// The Word file (`.docx`) beside the page.
    pub docx_href: String,
    /// Last day the report was on time (period end + grace days).
    pub deadline: Option<String>,
    /// Filed after `deadline` (R-LATE).
    pub late: bool,
}

/// One model's results in a report.
#[derive(Clone, Debug, Serialize)]
pub struct EntryRow {
    pub model: Link,
    pub progress: Option<String>,
    pub awareness: Option<String>,
    pub attitude: Option<String>,
    pub action: Option<String>,
    pub values: Vec<ValueRow>,
    pub highlights: Option<String>,
    pub propose_replication: Vec<Link>,
}

/// A reported value next to the indicator's baseline and target.
#[derive(Clone, Debug, Serialize)]
pub struct ValueRow {
    pub indicator: String,
    pub unit: String,
    pub baseline: Option<String>,
    pub value: Option<String>,
    pub target: Option<String>,
}

/// A report mentioning a model, as shown on the model's page.
#[derive(Clone, Debug, Serialize)]
pub struct ReportMention {
    pub link: Link,
    pub period: String,
    pub progress: Option<String>,
    pub highlights: Option<String>,
}
