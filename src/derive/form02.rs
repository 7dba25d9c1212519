//! Form 02 (Tổng hợp mẫu 02), computed from the corpus for one period: one row per unit of
//! each base unit's subtree, a row per base unit summing its subtree, the Khối totals, counts
//! by group and by topic, and the state of each base unit's form 03 report.
//!
//! The JSON file published beside the page is this module's [`Form02`] serialized as is;
//! the CSV ([`Form02::to_csv`]) holds its unit rows.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::model::Model;
use crate::content::report::{Period, Report};
use crate::content::unit::Unit;
use crate::content::vocab::{Approach, PeriodKind, Status, SubjectType, UnitKind};
use crate::derive::calendar::{report_deadline, report_overdue};
use crate::derive::commendation::{Commendation, commendations};
use crate::derive::counting::counting_unit;
use crate::office::csv::Csv;

/// The counts of one row. `models` counts the models active in the period; the other
/// counts split it (by approach, by subject, by phase), and `commended` counts those of them
/// recognised (biểu dương, khen thưởng).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub models: usize,
    pub xay_moi: usize,
    pub cung_co: usize,
    pub nhan_rong: usize,
    pub tap_the: usize,
    pub ca_nhan: usize,
    /// Not completed nor retired by the end of the period (ke_hoach, dang_thuc_hien).
    pub in_progress: usize,
    /// Status `hoan_thanh` with an end on or before the end of the period.
    pub completed: usize,
    /// Retirement date inside the period.
    pub retired: usize,
    /// With a recognition dated within the period (form 02; the period summary counts any
    /// recognition of its models).
    pub commended: usize,
}

/// Where a model stands at the end of a period in which it is active.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Registered or running (`ke_hoach`, `dang_thuc_hien`, or finished/retired later).
    InProgress,
    /// `hoan_thanh`, ended by the end of the period (or without an end date).
    Completed,
    /// Retired (`loai_bo`) with a retirement date inside the period.
    Retired,
}

/// The phase of `model` in `period`. The status is today's; a model completed or retired
/// after the period was still running during it, so it counts as in progress there.
pub fn phase_in(model: &Model, period: Period) -> Phase {
    phase_between(model, period.start(), period.end())
}

/// The phase of `model` at the end of `[from, to]` (a reporting period or a programme
/// period), as [`phase_in`].
pub fn phase_between(model: &Model, from: Date, to: Date) -> Phase {
    let within = |date: Date| from <= date && date <= to;
    match model.status {
        Some(Status::LoaiBo) => match model.retirement.as_ref().and_then(|r| r.date) {
            Some(date) if !within(date) => Phase::InProgress,
            _ => Phase::Retired,
        },
        Some(Status::HoanThanh) if model.end.is_none_or(|end| end <= to) => Phase::Completed,
        _ => Phase::InProgress,
    }
}

impl Phase {
    /// The code as written in the JSON file: the name of the count it adds to.
    pub fn code(self) -> &'static str {
        match self {
            Phase::InProgress => "in_progress",
            Phase::Completed => "completed",
            Phase::Retired => "retired",
        }
    }

    /// The Vietnamese label, as the form's column heads.
    pub fn label(self) -> &'static str {
        match self {
            Phase::InProgress => "Đang thực hiện",
            Phase::Completed => "Hoàn thành",
            Phase::Retired => "Loại bỏ trong kỳ",
        }
    }
}

impl Serialize for Phase {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Whether `model` has a recognition dated within `period` (as the report's part II reads).
pub fn commended_in(model: &Model, period: Period) -> bool {
    model.recognitions_between(period.start(), period.end()).next().is_some()
}

impl Counts {
    /// The JSON keys of the ten counts, in the order of [`Counts::in_order`].
    pub const KEYS: [&'static str; 10] = [
        "models",
        "xay_moi",
        "cung_co",
        "nhan_rong",
        "tap_the",
        "ca_nhan",
        "in_progress",
        "completed",
        "retired",
        "commended",
    ];

    /// The ten counts, in the order of the JSON and of every table.
    pub fn in_order(&self) -> [usize; 10] {
        [
            self.models,
            self.xay_moi,
            self.cung_co,
            self.nhan_rong,
            self.tap_the,
            self.ca_nhan,
            self.in_progress,
            self.completed,
            self.retired,
            self.commended,
        ]
    }

    /// Counts one model active in `period`, commended when recognised within it.
    pub fn add_model(&mut self, model: &Model, period: Period) {
        self.add_model_between(model, period.start(), period.end());
        self.commended += usize::from(commended_in(model, period));
    }

    /// Counts one model active in `[from, to]`: every count but `commended`, which is the
    /// caller's (what counts as commended depends on the table).
    pub fn add_model_between(&mut self, model: &Model, from: Date, to: Date) {
        self.models += 1;
        match model.approach {
            Some(Approach::XayMoi) => self.xay_moi += 1,
            Some(Approach::CungCo) => self.cung_co += 1,
            Some(Approach::NhanRong) => self.nhan_rong += 1,
            None => {}
        }
        match model.subject.kind {
            Some(SubjectType::TapThe) => self.tap_the += 1,
            Some(SubjectType::CaNhan) => self.ca_nhan += 1,
            None => {}
        }
        match phase_between(model, from, to) {
            Phase::InProgress => self.in_progress += 1,
            Phase::Completed => self.completed += 1,
            Phase::Retired => self.retired += 1,
        }
    }

    /// Adds another row's counts to this one.
    pub fn add(&mut self, other: &Counts) {
        self.models += other.models;
        self.xay_moi += other.xay_moi;
        self.cung_co += other.cung_co;
        self.nhan_rong += other.nhan_rong;
        self.tap_the += other.tap_the;
        self.ca_nhan += other.ca_nhan;
        self.in_progress += other.in_progress;
        self.completed += other.completed;
        self.retired += other.retired;
        self.commended += other.commended;
    }
}

/// One unit's row (the base unit itself, a đảng bộ bộ phận or a chi bộ trực thuộc): the
/// models whose `org` is exactly this unit, and those it carries on for units merged into it
/// (see `derive::counting`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitRow {
    pub id: String,
    pub name: String,
    pub kind: Option<UnitKind>,
    #[serde(flatten)]
    pub counts: Counts,
    /// Whether a form 03 report of the period holds a value for one of this unit's models.
    pub reported: bool,
    /// "Chưa có mô hình": no model of this unit is active in the period.
    pub no_model: bool,
}

/// Where a base unit's form 03 report for the period stands at `as_of`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportState {
    /// Filed on or before the deadline (period end + grace days).
    DungHan,
    /// Filed after the deadline.
    TreHan,
    /// Not filed and the deadline has passed.
    ChuaNop,
    /// Not filed and not yet due.
    ChuaDenHan,
}

impl ReportState {
    /// The code as written in the JSON file (`dung_han`, …).
    pub fn code(self) -> &'static str {
        match self {
            ReportState::DungHan => "dung_han",
            ReportState::TreHan => "tre_han",
            ReportState::ChuaNop => "chua_nop",
            ReportState::ChuaDenHan => "chua_den_han",
        }
    }

    /// The Vietnamese label.
    pub fn label(self) -> &'static str {
        match self {
            ReportState::DungHan => "Đã nộp đúng hạn",
            ReportState::TreHan => "Nộp trễ hạn",
            ReportState::ChuaNop => "Chưa nộp",
            ReportState::ChuaDenHan => "Chưa đến hạn",
        }
    }
}

impl Serialize for ReportState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The form 03 report a base unit filed for the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FiledReport {
    pub id: String,
    /// `report_date`, written ISO `YYYY-MM-DD`.
    #[serde(serialize_with = "iso")]
    pub date: Option<Date>,
}

/// A base unit's row: the sum of its subtree, its unit rows and its report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BaseRow {
    pub id: String,
    pub name: String,
    pub kind: Option<UnitKind>,
    #[serde(flatten)]
    pub counts: Counts,
    /// How many units of the subtree have a value in a form 03 report of the period.
    pub reported: usize,
    /// How many units of the subtree have no model active in the period.
    pub units_without_model: usize,
    /// The report filed for the period, if any.
    pub report: Option<FiledReport>,
    pub report_state: ReportState,
    /// The subtree, the base unit first, in registry order.
    pub units: Vec<UnitRow>,
    /// The models counted in `units`, listed below the counts (SPEC §8.3): by unit row, then
    /// by start date and id.
    pub model_list: Vec<ListedModel>,
}

impl BaseRow {
    /// Whether the base unit has a form 02 of its own: a đảng bộ cơ sở (đảng ủy cơ sở) does;
    /// a chi bộ cơ sở does not, its models are listed under the Khối table (SPEC §8.3).
    pub fn has_own_form(&self) -> bool {
        self.kind == Some(UnitKind::DangBoCoSo)
    }
}

/// One model in a base unit's list: the columns STT (its place in the list), chi bộ, tên mô
/// hình, chủ thể, cách thức, tình trạng, khen thưởng.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListedModel {
    pub id: String,
    pub title: String,
    /// The unit whose row counts it: its `org`, or the successor of a unit merged before the
    /// period ended.
    pub unit: String,
    pub unit_name: String,
    /// Who carries it (`subject.name`) and whether a collective or a person.
    pub subject: String,
    pub subject_type: Option<SubjectType>,
    pub approach: Option<Approach>,
    /// Where it stands at the end of the period (the count it adds to).
    pub phase: Phase,
    /// Its recognitions dated within the period, by date; not empty for a commended model.
    pub recognition: Vec<Commendation>,
}

/// The Khối totals: the sum of the base unit rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    #[serde(flatten)]
    pub counts: Counts,
    /// Units with a value in a form 03 report of the period.
    pub reported: usize,
    /// Units listed.
    pub units: usize,
    /// Units without a model active in the period.
    pub units_without_model: usize,
    /// Base units whose report is filed (on time or late).
    pub reports_submitted: usize,
    /// Of those, filed after the deadline.
    pub reports_late: usize,
    /// Base units whose report is overdue and not filed.
    pub reports_missing: usize,
}

/// Models of one group or one learning topic active in the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tally {
    pub id: String,
    pub label: String,
    pub models: usize,
}

/// The computed form 02 of one period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Form02 {
    pub year: i32,
    /// `sau_thang` or `ca_nam`.
    pub period: PeriodKind,
    /// The catalog's `as_of`, written ISO `YYYY-MM-DD`.
    #[serde(serialize_with = "iso")]
    pub as_of: Option<Date>,
    pub base_units: Vec<BaseRow>,
    pub totals: Totals,
    /// Every group of the catalog, in catalog order.
    pub by_group: Vec<Tally>,
    /// Every learning topic of the catalog, in catalog order (a model counts once per topic).
    pub by_topic: Vec<Tally>,
}

/// Computes form 02 for `period`.
///
/// Base units and their subtrees come in registry order. A unit inactive during the period
/// (`active_from`/`active_to`), or merged into a successor before it ended, is listed only
/// when it still counts a model active in it.
pub fn form02(corpus: &Corpus, period: Period) -> Form02 {
    let active: Vec<&Model> = corpus.models.iter().filter(|m| m.active_during(period)).collect();
    // Each model once, under the unit that counts it in this period (its own, or the
    // successor of a unit merged before the period ended).
    let mut by_unit: HashMap<&str, (Counts, Vec<&Model>)> = HashMap::new();
    for model in &active {
        if let Some(unit) = counting_unit(corpus, model, period.end()) {
            let (counts, models) = by_unit.entry(unit.id.as_str()).or_default();
            counts.add_model(model, period);
            models.push(model);
        }
    }
    let reported = reported_units(corpus, period);
    let filed = reports_filed(corpus, period);
    let mut subtrees: Vec<(&Unit, Vec<&Unit>)> =
        corpus.units.iter().filter(|u| u.is_base()).map(|b| (b, vec![])).collect();
    let slot: HashMap<&str, usize> = subtrees.iter().enumerate().map(|(i, (b, _))| (b.id.as_str(), i)).collect();
    for unit in &corpus.units {
        let base = corpus.base_unit_of(&unit.id).and_then(|b| slot.get(b.id.as_str()));
        if let Some(&i) = base {
            subtrees[i].1.push(unit);
        }
    }
    let mut totals = Totals::default();
    let mut base_units = Vec::new();
    for (base, members) in subtrees {
        let mut model_list = Vec::new();
        let units: Vec<UnitRow> = members
            .into_iter()
            .filter_map(|unit| {
                let (counts, mut models) = by_unit.remove(unit.id.as_str()).unwrap_or_default();
                let running =
                    unit.active_between(period.start(), period.end()) && !corpus.merged_before(&unit.id, period.end());
                let listed = running || counts.models > 0;
                models.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
                model_list.extend(models.into_iter().map(|m| listed_model(m, unit, period)));
                listed.then(|| UnitRow {
                    id: unit.id.clone(),
                    name: unit.name.clone(),
                    kind: unit.kind,
                    counts,
                    reported: reported.contains(unit.id.as_str()),
                    no_model: counts.models == 0,
                })
            })
            .collect();
        if units.is_empty() {
            continue;
        }
        let row = base_row(corpus, base, filed.get(base.id.as_str()).copied(), period, units, model_list);
        totals.counts.add(&row.counts);
        totals.reported += row.reported;
        totals.units += row.units.len();
        totals.units_without_model += row.units_without_model;
        match row.report_state {
            ReportState::DungHan => totals.reports_submitted += 1,
            ReportState::TreHan => {
                totals.reports_submitted += 1;
                totals.reports_late += 1;
            }
            ReportState::ChuaNop => totals.reports_missing += 1,
            ReportState::ChuaDenHan => {}
        }
        base_units.push(row);
    }
    let catalog = &corpus.catalog;
    let by_group = group_tally(corpus, &active);
    let mut studied: HashMap<&str, usize> = HashMap::new();
    for model in &active {
        let topics: HashSet<&str> = model.learning.topics.iter().map(String::as_str).collect();
        for topic in topics {
            *studied.entry(topic).or_default() += 1;
        }
    }
    let by_topic = catalog
        .topics
        .iter()
        .map(|t| Tally {
            id: t.id.clone(),
            label: t.title.clone(),
            models: studied.get(t.id.as_str()).copied().unwrap_or_default(),
        })
        .collect();
    Form02 { year: period.year, period: period.kind, as_of: catalog.as_of, base_units, totals, by_group, by_topic }
}

/// `models` by group: every group of the catalog, in catalog order.
pub fn group_tally(corpus: &Corpus, models: &[&Model]) -> Vec<Tally> {
    let mut counted: HashMap<&str, usize> = HashMap::new();
    for group in models.iter().filter_map(|m| m.group.as_deref()) {
        *counted.entry(group).or_default() += 1;
    }
    corpus
        .catalog
        .groups
        .iter()
        .map(|g| Tally {
            id: g.id.clone(),
            label: g.label.clone(),
            models: counted.get(g.id.as_str()).copied().unwrap_or_default(),
        })
        .collect()
}

/// The list entry of `model`, counted by `unit` in `period`.
fn listed_model(model: &Model, unit: &Unit, period: Period) -> ListedModel {
    ListedModel {
        id: model.id.clone(),
        title: model.title.clone(),
        unit: unit.id.clone(),
        unit_name: unit.name.clone(),
        subject: model.subject.name.clone(),
        subject_type: model.subject.kind,
        approach: model.approach,
        phase: phase_in(model, period),
        recognition: commendations(model.recognitions_between(period.start(), period.end())),
    }
}

/// The row of `base`: its unit rows summed, its models, and the report it `filed` for the
/// period.
fn base_row(
    corpus: &Corpus,
    base: &Unit,
    filed: Option<&Report>,
    period: Period,
    units: Vec<UnitRow>,
    model_list: Vec<ListedModel>,
) -> BaseRow {
    let mut counts = Counts::default();
    for unit in &units {
        counts.add(&unit.counts);
    }
    BaseRow {
        id: base.id.clone(),
        name: base.name.clone(),
        kind: base.kind,
        counts,
        reported: units.iter().filter(|u| u.reported).count(),
        units_without_model: units.iter().filter(|u| u.no_model).count(),
        report: filed.map(|r| FiledReport { id: r.id.clone(), date: r.report_date }),
        report_state: report_state(corpus, filed, period),
        units,
        model_list,
    }
}

/// The report each base unit filed for `period` (its first in path order), by unit id.
fn reports_filed(corpus: &Corpus, period: Period) -> HashMap<&str, &Report> {
    let mut filed = HashMap::new();
    for report in corpus.reports.iter().filter(|r| r.period(&corpus.catalog.periods) == Some(period)) {
        if let Some(org) = report.org.as_deref() {
            filed.entry(org).or_insert(report);
        }
    }
    filed
}

/// Where a base unit's report for `period` stands at `as_of`, given the report it filed.
pub fn report_state(corpus: &Corpus, filed: Option<&Report>, period: Period) -> ReportState {
    let catalog = &corpus.catalog;
    match filed {
        Some(report) if report.report_date.is_some_and(|d| d > report_deadline(catalog, period)) => ReportState::TreHan,
        Some(_) => ReportState::DungHan,
        None if report_overdue(catalog, period) => ReportState::ChuaNop,
        None => ReportState::ChuaDenHan,
    }
}

/// Units one of whose models has a numeric value in a report of `period`.
fn reported_units(corpus: &Corpus, period: Period) -> HashSet<&str> {
    corpus
        .reports
        .iter()
        .filter(|r| r.period(&corpus.catalog.periods) == Some(period))
        .flat_map(|r| &r.entries)
        .filter(|e| e.values.iter().any(|v| v.value.is_some()))
        .filter_map(|e| Some(counting_unit(corpus, corpus.model(&e.model)?, period.end())?.id.as_str()))
        .collect()
}

/// The CSV columns before the counts: the JSON's keys (SPEC §5: the CSV holds the JSON's
/// rows). `level` tells a row of `base_units` (`base_unit`) from a row of its `units`
/// (`unit`) and from `totals`.
const CSV_FIRST: [&str; 7] = ["year", "period", "level", "base_unit", "id", "name", "kind"];

/// The CSV columns after the counts.
const CSV_LAST: [&str; 2] = ["reported", "no_model"];

impl Form02 {
    /// The period this table covers.
    pub fn period(&self) -> Period {
        Period { year: self.year, kind: self.period }
    }

    /// The CSV file: UTF-8 with a byte-order mark (so spreadsheet programs read the
    /// diacritics), the JSON's keys as header, then the JSON's rows in its order: each base
    /// unit's row followed by its units' rows, and the totals last; CRLF line ends (RFC 4180).
    /// Every number column adds up: `reported` and `no_model` are 1 or 0 on a unit's row and
    /// the count of such units on a base unit's row and on the totals, so a base unit's row is
    /// the sum of its units' rows and the totals the sum of the base units' rows.
    pub fn to_csv(&self) -> String {
        let header: Vec<&str> = CSV_FIRST.into_iter().chain(Counts::KEYS).chain(CSV_LAST).collect();
        let mut csv = Csv::with_header(&header);
        let (year, period) = (self.year.to_string(), self.period.code());
        let mut row = |level: &str, base: &str, id: &str, name: &str, kind: &str, c: &Counts, flags: [usize; 2]| {
            let counts = c.in_order();
            let texts = [year.as_str(), period, level, base, id, name, kind].map(str::to_owned);
            csv.row(texts.into_iter().chain(counts.into_iter().chain(flags).map(|n| n.to_string())));
        };
        let code = |kind: Option<UnitKind>| kind.map_or("", UnitKind::code);
        for base in &self.base_units {
            let flags = [base.reported, base.units_without_model];
            row("base_unit", &base.id, &base.id, &base.name, code(base.kind), &base.counts, flags);
            for unit in &base.units {
                let flags = [usize::from(unit.reported), usize::from(unit.no_model)];
                row("unit", &base.id, &unit.id, &unit.name, code(unit.kind), &unit.counts, flags);
            }
        }
        let totals = &self.totals;
        row("totals", "", "", "Tổng cộng", "", &totals.counts, [totals.reported, totals.units_without_model]);
        csv.finish()
    }

    /// The JSON file (pretty-printed, stable key order).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Writes a date the machine-readable way (`YYYY-MM-DD`), `null` when absent.
pub(crate) fn iso<S: serde::Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_str(&date.iso()),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests;
