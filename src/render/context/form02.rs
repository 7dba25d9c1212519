//! `/tong-hop/` and `/tong-hop/<year>/<period>/`: the computed form 02 (Tổng hợp mẫu 02),
//! at Khối level and per base unit, with its charts. Counts are written the Vietnamese way.

use serde::Serialize;

use crate::render::context::common::{Coded, Link};

/// `/tong-hop/`: the computed tables grouped by programme period, newest period and year
/// first (template `form02-index.html`).
#[derive(Clone, Debug, Serialize)]
pub struct Form02Index {
    pub periods: Vec<Form02PeriodGroup>,
    /// `/giai-doan/`, the list of periods.
    pub periods_href: String,
}

/// One programme period and the years of its tables (a year two periods touch is under both).
#[derive(Clone, Debug, Serialize)]
pub struct Form02PeriodGroup {
    /// The period's name, linking to its summary (`/giai-doan/<id>/`).
    pub link: Link,
    pub id: String,
    /// "01/01/2021 – 31/12/2025".
    pub range: String,
    /// Whether it is the current period.
    pub current: bool,
    pub years: Vec<Form02Year>,
}

/// The periods of one year.
#[derive(Clone, Debug, Serialize)]
pub struct Form02Year {
    pub year: i32,
    pub periods: Vec<Form02Summary>,
}

/// One period's table in the index: a link and its headline numbers.
#[derive(Clone, Debug, Serialize)]
pub struct Form02Summary {
    /// To the period's page; text "6 tháng đầu năm 2023".
    pub link: Link,
    pub models: String,
    pub units: String,
    pub units_without_model: String,
    pub reports_submitted: String,
    pub reports_late: String,
    pub reports_missing: String,
    /// Whether `as_of` falls before the end of the period (figures still moving).
    pub ongoing: bool,
    pub csv_href: String,
    pub json_href: String,
    /// The workbook (`.xlsx`) beside the page.
    pub xlsx_href: String,
}

/// `/tong-hop/<year>/<period>/` (template `form02.html`).
#[derive(Clone, Debug, Serialize)]
pub struct Form02Page {
    pub year: i32,
    /// `sau_thang` / `ca_nam` with its label.
    pub period: Coded,
    /// "6 tháng đầu năm 2023".
    pub period_label: String,
    /// "01/01/2023 – 30/06/2023".
    pub range: String,
    /// Last day a form 03 report for the period is on time.
    pub deadline: String,
    pub as_of: Option<String>,
    /// Whether `as_of` falls before the end of the period.
    pub ongoing: bool,
    pub csv_href: String,
    pub json_href: String,
    /// The workbook (`.xlsx`) beside the page.
    pub xlsx_href: String,
    /// Khối level: one row per base unit.
    pub khoi: Vec<BaseSummary>,
    pub totals: TotalsRow,
    /// The models of the chi bộ cơ sở, listed under the Khối table (a chi bộ cơ sở has no
    /// form 02 of its own, SPEC §8.3), numbered from 1.
    pub chi_bo_models: Vec<ListedRow>,
    /// One form 02 per đảng bộ cơ sở: its units' counts and its models.
    pub bases: Vec<BaseTable>,
    /// Models by group (every group of the catalog).
    pub by_group: Vec<TallyRow>,
    /// Models by learning topic (topics with at least one model).
    pub by_topic: Vec<TallyRow>,
    /// Models by approach (xây dựng mới, củng cố, nhân rộng).
    pub by_approach: Vec<TallyRow>,
    /// Units with a model out of all units, per base unit.
    pub coverage: Vec<CoverageRow>,
    /// Units flagged "Chưa có mô hình", in table order.
    pub units_without_model: Vec<UnitFlag>,
    /// Inline SVG charts (safe HTML); their numbers are in `by_group`, `by_approach`, `coverage`.
    pub chart_groups_html: String,
    pub chart_approaches_html: String,
    pub chart_coverage_html: String,
    /// Every period with a table, for moving between them, by year (oldest first); the
    /// current one has `current`.
    pub periods: Vec<PeriodYearLinks>,
}

/// The periods of one year in form 02's period switcher.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodYearLinks {
    pub year: i32,
    /// Its periods, named without the year ("6 tháng đầu năm", "Cả năm").
    pub periods: Vec<PeriodLink>,
}

/// The counts of a row, in the order of the form's columns.
#[derive(Clone, Debug, Serialize)]
pub struct CountsText {
    pub models: String,
    pub xay_moi: String,
    pub cung_co: String,
    pub nhan_rong: String,
    pub tap_the: String,
    pub ca_nhan: String,
    pub in_progress: String,
    pub completed: String,
    pub retired: String,
    /// Models recognised (biểu dương, khen thưởng).
    pub commended: String,
}

/// A base unit's row at Khối level.
#[derive(Clone, Debug, Serialize)]
pub struct BaseSummary {
    /// To the unit's page, full name.
    pub link: Link,
    /// Anchor of its own table on this page (`dv-<id>`).
    pub anchor: String,
    pub counts: CountsText,
    /// Units of the subtree with a value in a form 03 report of the period.
    pub reported: String,
    /// Units listed in its table.
    pub units: String,
    pub units_without_model: String,
    /// The report filed for the period (linked when reports are published).
    pub report: Option<Link>,
    pub report_date: Option<String>,
    /// `dung_han`, `tre_han`, `chua_nop`, `chua_den_han` with its label.
    pub report_state: Coded,
}

/// One base unit's table.
#[derive(Clone, Debug, Serialize)]
pub struct BaseTable {
    pub anchor: String,
    pub link: Link,
    pub rows: Vec<UnitLine>,
    /// The base unit's sum of its subtree.
    pub subtotal: CountsText,
    pub reported: String,
    /// Its models, numbered from 1.
    pub models: Vec<ListedRow>,
}

/// One model in a form 02 list: STT, chi bộ, tên mô hình, chủ thể, cách thức, tình trạng,
/// khen thưởng.
#[derive(Clone, Debug, Serialize)]
pub struct ListedRow {
    /// STT, from 1.
    pub number: usize,
    /// The unit counting it.
    pub unit: Link,
    pub model: Link,
    /// The subject's name.
    pub subject: String,
    /// Tập thể / cá nhân.
    pub subject_type: Option<Coded>,
    pub approach: Option<Coded>,
    /// Where it stands at the end of the period (`in_progress`, `completed`, `retired`).
    pub phase: Coded,
    /// Its recognitions within the period, one line each ("28/12/2022: Giấy khen … (Đảng ủy
    /// Khối …)").
    pub recognition: Vec<String>,
}

/// One unit's line in a base unit's table.
#[derive(Clone, Debug, Serialize)]
pub struct UnitLine {
    pub link: Link,
    /// Kind of organisation.
    pub kind: Option<Coded>,
    /// 0 for the base unit, 1 below it, 2 under a đảng bộ bộ phận (for indentation).
    pub depth: usize,
    pub counts: CountsText,
    /// "Có số liệu trong mẫu 03 kỳ này".
    pub reported: bool,
    /// "Chưa có mô hình".
    pub no_model: bool,
}

/// The Khối totals.
#[derive(Clone, Debug, Serialize)]
pub struct TotalsRow {
    pub counts: CountsText,
    pub reported: String,
    pub units: String,
    pub units_without_model: String,
    pub reports_submitted: String,
    pub reports_late: String,
    pub reports_missing: String,
}

/// A count of models for one group, topic or approach.
#[derive(Clone, Debug, Serialize)]
pub struct TallyRow {
    /// To the group's or topic's page; approaches have no page (`href` empty).
    pub link: Link,
    pub models: String,
}

/// How many units of a base unit's subtree have a model.
#[derive(Clone, Debug, Serialize)]
pub struct CoverageRow {
    pub link: Link,
    pub with_model: String,
    pub units: String,
    /// Share with a model, e.g. "75%".
    pub percent: String,
}

/// A unit without a model in the period.
#[derive(Clone, Debug, Serialize)]
pub struct UnitFlag {
    pub unit: Link,
    /// Its base unit, when it is not one itself.
    pub base: Option<Link>,
}

/// A period in the period switcher.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodLink {
    pub link: Link,
    pub current: bool,
}
