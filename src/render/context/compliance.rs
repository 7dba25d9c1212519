//! `/kiem-tra/`: compliance at `as_of` (units without a model per year, missing and late
//! form 03 reports, every warning of the checker grouped by unit), when `publish_compliance`.

use serde::Serialize;

use crate::render::context::common::{Coded, Link};

/// The compliance page (template `compliance.html`).
#[derive(Clone, Debug, Serialize)]
pub struct CompliancePage {
    pub as_of: Option<String>,
    /// Years checked for coverage, e.g. "các năm 2022–2023" or "năm 2022" (empty without `as_of`).
    pub years_checked: String,
    /// Headline counts: unit-years without a model, missing reports, late reports, warnings.
    pub units_without_model: String,
    pub reports_missing: String,
    pub reports_late: String,
    pub warnings: String,
    /// Units without a model, per coverage year (years with none are left out).
    pub years: Vec<YearGaps>,
    /// Due reports not filed or filed late, period by period.
    pub reports: Vec<ReportGap>,
    /// Every warning, grouped by the unit whose file holds it.
    pub groups: Vec<WarningGroup>,
    /// How many warnings of one code are listed per file.
    pub listed_per_code: usize,
}

/// The units without a model in one year.
#[derive(Clone, Debug, Serialize)]
pub struct YearGaps {
    pub year: i32,
    pub units: Vec<GapUnit>,
}

/// A unit without a model.
#[derive(Clone, Debug, Serialize)]
pub struct GapUnit {
    pub unit: Link,
    pub kind: Option<String>,
    /// Its base unit, when it is not one itself.
    pub base: Option<Link>,
}

/// A due report that is missing or was filed late.
#[derive(Clone, Debug, Serialize)]
pub struct ReportGap {
    pub unit: Link,
    /// "6 tháng đầu năm 2023", "Cả năm 2023".
    pub period: String,
    /// Last day it was on time.
    pub deadline: String,
    /// `chua_nop` or `tre_han` with its label.
    pub state: Coded,
    /// The late report (linked when reports are published).
    pub report: Option<Link>,
    pub report_date: Option<String>,
}

/// The warnings of one unit's files (or of the shared files: catalog, free pages).
#[derive(Clone, Debug, Serialize)]
pub struct WarningGroup {
    /// Anchor on the page (`canh-bao-<unit id>`, `canh-bao-chung`).
    pub anchor: String,
    /// The unit's full name, or "Danh mục, tổ chức và trang chung".
    pub title: String,
    /// The unit's page, when the group is a unit.
    pub unit: Option<Link>,
    pub count: String,
    pub files: Vec<WarningFile>,
}

/// The warnings of one file.
#[derive(Clone, Debug, Serialize)]
pub struct WarningFile {
    /// Path relative to the site root (`content/mo-hinh/x.md`): the file to change.
    pub path: String,
    /// "Sửa tệp này" in the repository's editor, when the site sets `edit_url`.
    pub edit_href: Option<String>,
    /// The page built from the file (model, report), when there is one.
    pub page: Option<Link>,
    /// The first warnings of each code, in the checker's order.
    pub warnings: Vec<WarningRow>,
    /// How many more warnings the file has beyond those listed (formatted), when any.
    pub more: Option<String>,
}

/// One warning.
#[derive(Clone, Debug, Serialize)]
pub struct WarningRow {
    /// Rule code, e.g. `C4-NO-RESULT`.
    pub code: String,
    pub line: usize,
    pub column: usize,
    /// The message as HTML (escaped; `names` as `<code>`).
    pub message_html: String,
    /// The hint as HTML, likewise.
    pub hint_html: Option<String>,
}
