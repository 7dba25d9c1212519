//! `/giai-doan/<id>/`: the summary of one programme period (tổng kết giai đoạn). Counts are
//! written the Vietnamese way.

use serde::Serialize;

use crate::render::context::common::{Coded, Link};
use crate::render::context::form02::{CountsText, PeriodLink, TallyRow};
use crate::render::context::model::RecognitionRow;

/// `/giai-doan/`: every programme period, by start date (template `periods.html`).
#[derive(Clone, Debug, Serialize)]
pub struct PeriodsPage {
    pub periods: Vec<PeriodItem>,
}

/// One period in the list of `/giai-doan/`.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodItem {
    /// Its name, linking to its summary page.
    pub link: Link,
    /// "01/01/2021 – 31/12/2025".
    pub range: String,
    pub guidance: Option<String>,
    /// At `as_of`: `dang_dien_ra`, `da_ket_thuc` or `chua_bat_dau`, with its label.
    pub state: Option<Coded>,
    pub current: bool,
    /// Models registered in it, and those commended.
    pub models: String,
    pub commended: String,
    pub xlsx_href: String,
    pub csv_href: String,
    pub json_href: String,
}

/// `/giai-doan/<id>/` (template `period.html`).
#[derive(Clone, Debug, Serialize)]
pub struct PeriodPage {
    pub id: String,
    pub name: String,
    /// "01/01/2021 – 31/12/2025".
    pub range: String,
    pub guidance: Option<String>,
    pub as_of: Option<String>,
    /// At `as_of`: `dang_dien_ra` (holds it), `da_ket_thuc` or `chua_bat_dau`, with its label.
    pub state: Option<Coded>,
    /// Whether it is the current period (SPEC §8.1).
    pub current: bool,
    pub csv_href: String,
    pub json_href: String,
    /// The workbook (`.xlsx`) beside the page.
    pub xlsx_href: String,
    pub totals: CountsText,
    /// Models with a recognition.
    pub commended: String,
    pub by_approach: Vec<TallyRow>,
    pub by_subject: Vec<TallyRow>,
    pub by_status: Vec<TallyRow>,
    pub by_group: Vec<TallyRow>,
    /// By the latest evaluation's result, "Chưa đánh giá" last.
    pub by_evaluation: Vec<TallyRow>,
    pub base_units: Vec<PeriodBaseRow>,
    pub models: Vec<PeriodModelRow>,
    pub commended_models: Vec<CommendedModel>,
    /// The form 02 tables of the period's years, newest first.
    pub form02: Vec<Link>,
    /// Every period, by start date; `current` marks this one.
    pub periods: Vec<PeriodLink>,
}

/// A base unit's models in the period.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodBaseRow {
    pub link: Link,
    /// Its counts, `commended` included.
    pub counts: CountsText,
}

/// One model of the period.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodModelRow {
    pub link: Link,
    /// The unit counting it at the period's end.
    pub unit: Option<Link>,
    pub approach: Option<Coded>,
    pub status: Option<Coded>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// The model of an earlier period it carries on.
    pub previous: Option<Link>,
}

/// A commended model with its recognitions, by date.
#[derive(Clone, Debug, Serialize)]
pub struct CommendedModel {
    pub link: Link,
    pub unit: Option<Link>,
    pub recognition: Vec<RecognitionRow>,
}
