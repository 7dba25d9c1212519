//! `/tong-hop/` and `/tong-hop/<year>/<period>/`: the computed form 02 of every coverage
//! period, as a page with charts and, beside it, `tong-hop-<year>-<period>.csv` and `.json`.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::report::Period;
use crate::content::unit::Unit;
use crate::content::vocab::{Approach, SubjectType};
use crate::derive::calendar::{coverage_periods, report_deadline};
use crate::derive::commendation::Commendation;
use crate::derive::form02::{BaseRow, Counts, Form02, ListedModel, UnitRow, form02};
use crate::office::form02::form02_workbook;
use crate::render::chart::{Bar, bar_chart};
use crate::render::context::form02::{
    BaseSummary, BaseTable, CountsText, CoverageRow, Form02Index, Form02Page, Form02PeriodGroup, Form02Summary,
    Form02Year, ListedRow, PeriodLink, PeriodYearLinks, TallyRow, TotalsRow, UnitFlag, UnitLine,
};
use crate::render::context::history::PageHistory;
use crate::render::context::{Link, PageMeta};
use crate::render::format::{count, number};
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::links::{AsCoded, coded};
use crate::site::pages::model::recognition_level_label;
use crate::site::pages::reports::period_heading;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let tables: Arc<Vec<Form02>> =
        Arc::new(coverage_periods(&cx.corpus.catalog).into_iter().map(|p| form02(cx.corpus, p)).collect());
    let mut jobs = Vec::new();
    let all = Arc::clone(&tables);
    jobs.push(Job::page(urls::FORM02.to_owned(), "form02-index.html", move || {
        let mut meta = cx.meta(urls::FORM02, "Tổng hợp mô hình, điển hình (mẫu 02)", "tong-hop");
        meta.history = cx.content_history();
        (meta, index(cx, &all))
    }));
    for i in 0..tables.len() {
        let period = tables[i].period();
        let (table, all) = (Arc::clone(&tables), Arc::clone(&tables));
        jobs.push(Job::page(urls::form02(period), "form02.html", move || page(cx, &table[i], &all)));
        let table = Arc::clone(&tables);
        jobs.push(Job::file(urls::form02_file(period, "csv"), move || table[i].to_csv().into_bytes()));
        let table = Arc::clone(&tables);
        jobs.push(Job::file(urls::form02_file(period, "json"), move || table[i].to_json().into_bytes()));
        let table = Arc::clone(&tables);
        jobs.push(Job::document(
            urls::form02_file(period, "xlsx"),
            move || workbook_inputs(cx, &table[i]),
            |book| form02_workbook(&book.table, &book.title, &book.organisation, &|c| book.describe(c)),
        ));
    }
    jobs
}

/// The history of a period's form 02: its models' and its reports' files, taken together.
fn form_history(cx: &BuildContext, table: &Form02) -> Option<PageHistory> {
    let period = table.period();
    let models = table.base_units.iter().flat_map(|b| &b.model_list).filter_map(|m| cx.corpus.model(&m.id));
    let reports = (cx.corpus.reports.iter()).filter(|r| r.period(&cx.corpus.catalog.periods) == Some(period));
    cx.combined_history(models.map(|m| m.path.as_str()).chain(reports.map(|r| r.path.as_str())))
}

/// "Tổng hợp mô hình, điển hình 6 tháng đầu năm 2023".
fn title_of(period: Period) -> String {
    format!("Tổng hợp mô hình, điển hình {}", period_heading(period).to_lowercase())
}

/// Whether `as_of` falls before the end of the period.
fn ongoing(cx: &BuildContext, period: Period) -> bool {
    cx.corpus.catalog.as_of.is_some_and(|as_of| as_of < period.end())
}

fn index(cx: &BuildContext, tables: &[Form02]) -> Form02Index {
    let mut years: Vec<Form02Year> = Vec::new();
    for table in tables.iter().rev() {
        let period = table.period();
        let t = &table.totals;
        let summary = Form02Summary {
            link: cx.link(period_heading(period), &urls::form02(period)),
            models: count(t.counts.models),
            units: count(t.units),
            units_without_model: count(t.units_without_model),
            reports_submitted: count(t.reports_submitted),
            reports_late: count(t.reports_late),
            reports_missing: count(t.reports_missing),
            ongoing: ongoing(cx, period),
            csv_href: cx.href(&urls::form02_file(period, "csv")),
            json_href: cx.href(&urls::form02_file(period, "json")),
            xlsx_href: cx.href(&urls::form02_file(period, "xlsx")),
        };
        match years.last_mut() {
            Some(year) if year.year == period.year => year.periods.push(summary),
            _ => years.push(Form02Year { year: period.year, periods: vec![summary] }),
        }
    }
    for year in &mut years {
        year.periods.reverse();
    }
    let catalog = &cx.corpus.catalog;
    let current = catalog.current_period().map(|p| p.id.as_str());
    let periods = catalog
        .periods
        .chronological()
        .rev()
        .map(|p| Form02PeriodGroup {
            link: cx.link(p.name.clone(), &urls::period(&p.id)),
            id: p.id.clone(),
            range: format!("{} – {}", p.from, p.to),
            current: current == Some(p.id.as_str()),
            years: years.iter().filter(|y| (p.from.year..=p.to.year).contains(&y.year)).cloned().collect(),
        })
        .collect();
    Form02Index { periods, periods_href: cx.href(urls::PERIODS) }
}

fn page(cx: &BuildContext, table: &Form02, all: &[Form02]) -> (PageMeta, Form02Page) {
    let period = table.period();
    let url = urls::form02(period);
    let mut meta = cx.meta(&url, title_of(period), "tong-hop");
    meta.breadcrumbs = vec![cx.link("Tổng hợp", urls::FORM02)];
    meta.history = form_history(cx, table);
    meta.description = Some(format!(
        "Biểu tổng hợp mẫu 02: {} mô hình, điển hình của {} đơn vị; {} đơn vị chưa có mô hình.",
        count(table.totals.counts.models),
        count(table.totals.units),
        count(table.totals.units_without_model)
    ));
    let t = &table.totals;
    let by_approach = approach_rows(cx, &t.counts);
    let coverage: Vec<CoverageRow> = table.base_units.iter().map(|b| coverage_row(cx, b)).collect();
    let by_group: Vec<TallyRow> = table
        .by_group
        .iter()
        .map(|g| TallyRow { link: cx.link(g.label.clone(), &urls::group(&g.id)), models: count(g.models) })
        .collect();
    let page = Form02Page {
        year: period.year,
        period: coded(period.kind.code(), period.kind.label()),
        period_label: period_heading(period),
        range: format!("{} – {}", period.start(), period.end()),
        deadline: report_deadline(&cx.corpus.catalog, period).to_string(),
        as_of: cx.corpus.catalog.as_of.map(|d| d.to_string()),
        ongoing: ongoing(cx, period),
        csv_href: cx.href(&urls::form02_file(period, "csv")),
        json_href: cx.href(&urls::form02_file(period, "json")),
        xlsx_href: cx.href(&urls::form02_file(period, "xlsx")),
        khoi: table.base_units.iter().map(|b| base_summary(cx, b)).collect(),
        totals: TotalsRow {
            counts: counts_text(&t.counts),
            reported: count(t.reported),
            units: count(t.units),
            units_without_model: count(t.units_without_model),
            reports_submitted: count(t.reports_submitted),
            reports_late: count(t.reports_late),
            reports_missing: count(t.reports_missing),
        },
        chi_bo_models: listed_rows(
            cx,
            table.base_units.iter().filter(|b| !b.has_own_form()).flat_map(|b| &b.model_list),
        ),
        bases: table.base_units.iter().filter(|b| b.has_own_form()).map(|b| base_table(cx, b)).collect(),
        chart_groups_html: bar_chart(
            "Số mô hình theo nhóm",
            &table.by_group.iter().map(|g| bar(&g.label, g.models, None)).collect::<Vec<_>>(),
        ),
        chart_approaches_html: bar_chart(
            "Số mô hình theo cách thức",
            &Approach::ALL
                .iter()
                .zip(approach_counts(&t.counts))
                .map(|(a, n)| bar(a.label(), n, None))
                .collect::<Vec<_>>(),
        ),
        chart_coverage_html: bar_chart(
            "Số đơn vị có mô hình trên tổng số đơn vị, theo đơn vị cơ sở",
            &table
                .base_units
                .iter()
                .map(|b| {
                    let name = cx.corpus.unit(&b.id).map_or(b.name.as_str(), Unit::display_name);
                    let with_model = b.units.len() - b.units_without_model;
                    Bar {
                        label: name.to_owned(),
                        value: with_model as f64,
                        value_text: format!("{}/{}", count(with_model), count(b.units.len())),
                        of: Some(b.units.len() as f64),
                    }
                })
                .collect::<Vec<_>>(),
        ),
        by_group,
        by_topic: table
            .by_topic
            .iter()
            .filter(|t| t.models > 0)
            .map(|t| TallyRow { link: cx.link(t.label.clone(), &urls::topic(&t.id)), models: count(t.models) })
            .collect(),
        by_approach,
        coverage,
        units_without_model: table
            .base_units
            .iter()
            .flat_map(|b| b.units.iter().filter(|u| u.no_model).map(move |u| (b, u)))
            .map(|(b, u)| UnitFlag {
                unit: unit_link(cx, &u.id, &u.name),
                base: (b.id != u.id).then(|| unit_link(cx, &b.id, &b.name)),
            })
            .collect(),
        periods: period_years(cx, all, period),
    };
    (meta, page)
}

/// The periods of `all` grouped by year, in their order, `current` marked.
fn period_years(cx: &BuildContext, all: &[Form02], current: Period) -> Vec<PeriodYearLinks> {
    let mut years: Vec<PeriodYearLinks> = Vec::new();
    for p in all.iter().map(Form02::period) {
        let link = PeriodLink { link: cx.link(p.kind.label(), &urls::form02(p)), current: p == current };
        match years.last_mut() {
            Some(year) if year.year == p.year => year.periods.push(link),
            _ => years.push(PeriodYearLinks { year: p.year, periods: vec![link] }),
        }
    }
    years
}

/// A bar of a count chart.
fn bar(label: &str, n: usize, of: Option<usize>) -> Bar {
    Bar { label: label.to_owned(), value: n as f64, value_text: count(n), of: of.map(|w| w as f64) }
}

/// Counts by approach, in the order of [`Approach::ALL`].
fn approach_counts(c: &Counts) -> [usize; 3] {
    [c.xay_moi, c.cung_co, c.nhan_rong]
}

/// Counts by approach, then the total (linking to the gallery).
pub(crate) fn approach_rows(cx: &BuildContext, c: &Counts) -> Vec<TallyRow> {
    Approach::ALL
        .iter()
        .zip(approach_counts(c))
        .map(|(a, n)| TallyRow { link: Link { text: a.label().to_owned(), href: String::new() }, models: count(n) })
        .chain(std::iter::once(TallyRow { link: cx.link("Tổng số", urls::GALLERY), models: count(c.models) }))
        .collect()
}

/// The counts of a row, written the Vietnamese way (shared with the period summary).
pub(crate) fn counts_text(c: &Counts) -> CountsText {
    CountsText {
        models: count(c.models),
        xay_moi: count(c.xay_moi),
        cung_co: count(c.cung_co),
        nhan_rong: count(c.nhan_rong),
        tap_the: count(c.tap_the),
        ca_nhan: count(c.ca_nhan),
        in_progress: count(c.in_progress),
        completed: count(c.completed),
        retired: count(c.retired),
        commended: count(c.commended),
    }
}

/// A link to a unit's page with its full name.
fn unit_link(cx: &BuildContext, id: &str, name: &str) -> Link {
    cx.link(name, &urls::unit(id))
}

/// Anchor of a base unit's table.
fn anchor(id: &str) -> String {
    format!("dv-{id}")
}

/// Anchor of the list of the chi bộ cơ sở's models, under the Khối table.
const CHI_BO_MODELS: &str = "mo-hinh-chi-bo-co-so";

/// The rows of a model list, numbered from 1.
fn listed_rows<'a>(cx: &BuildContext, models: impl Iterator<Item = &'a ListedModel>) -> Vec<ListedRow> {
    models
        .enumerate()
        .map(|(i, m)| ListedRow {
            number: i + 1,
            unit: unit_link(cx, &m.unit, &m.unit_name),
            model: cx.link(m.title.clone(), &urls::model(&m.id)),
            subject: m.subject.clone(),
            subject_type: m.subject_type.map(SubjectType::coded),
            approach: m.approach.map(Approach::coded),
            phase: coded(m.phase.code(), m.phase.label()),
            recognition: m.recognition.iter().map(|c| commendation_text(cx.corpus, c)).collect(),
        })
        .collect()
}

/// "28/12/2022: Giấy khen của Ban Thường vụ Đảng ủy Khối (Đảng ủy Khối …)": a recognition
/// in one line, as the form's last column shows it.
pub(crate) fn commendation_text(corpus: &Corpus, c: &Commendation) -> String {
    described(c, &|level| recognition_level_label(corpus, level))
}

/// A recognition as one line of text, its level named by `level_label`.
fn described(c: &Commendation, level_label: &dyn Fn(&str) -> String) -> String {
    let mut text = c.date.map(|d| format!("{d}: ")).unwrap_or_default();
    text.push_str(c.form.as_deref().unwrap_or("Khen thưởng"));
    if let Some(level) = c.level.as_deref() {
        text.push_str(&format!(" ({})", level_label(level)));
    }
    text
}

/// Everything the form 02 workbook of one period is made from (its fingerprint decides
/// whether the previous file is kept): the table, its headings and the label of every
/// recognition level it names.
#[derive(Serialize)]
struct WorkbookInputs {
    table: Form02,
    title: String,
    organisation: String,
    level_labels: BTreeMap<String, String>,
}

impl WorkbookInputs {
    fn describe(&self, c: &Commendation) -> String {
        described(c, &|level| self.level_labels.get(level).cloned().unwrap_or_else(|| level.to_owned()))
    }
}

fn workbook_inputs(cx: &BuildContext, table: &Form02) -> WorkbookInputs {
    let levels = table.base_units.iter().flat_map(|b| &b.model_list).flat_map(|m| &m.recognition);
    let level_labels = levels
        .filter_map(|c| c.level.as_deref())
        .map(|level| (level.to_owned(), recognition_level_label(cx.corpus, level)))
        .collect();
    WorkbookInputs {
        table: table.clone(),
        title: title_of(table.period()),
        organisation: cx.corpus.root_unit().map_or_else(String::new, |u| u.name.clone()),
        level_labels,
    }
}

fn base_summary(cx: &BuildContext, b: &BaseRow) -> BaseSummary {
    BaseSummary {
        link: unit_link(cx, &b.id, &b.name),
        anchor: if b.has_own_form() { anchor(&b.id) } else { CHI_BO_MODELS.to_owned() },
        counts: counts_text(&b.counts),
        reported: count(b.reported),
        units: count(b.units.len()),
        units_without_model: count(b.units_without_model),
        report: b.report.as_ref().map(|r| {
            let text = "Báo cáo mẫu 03".to_owned();
            if cx.config.publish_reports {
                cx.link(text, &urls::report(&r.id))
            } else {
                Link { text, href: String::new() }
            }
        }),
        report_date: b.report.as_ref().and_then(|r| r.date).map(|d| d.to_string()),
        report_state: coded(b.report_state.code(), b.report_state.label()),
    }
}

fn base_table(cx: &BuildContext, b: &BaseRow) -> BaseTable {
    BaseTable {
        anchor: anchor(&b.id),
        link: unit_link(cx, &b.id, &b.name),
        rows: b.units.iter().map(|u| unit_line(cx, &b.id, u)).collect(),
        subtotal: counts_text(&b.counts),
        reported: count(b.reported),
        models: listed_rows(cx, b.model_list.iter()),
    }
}

fn unit_line(cx: &BuildContext, base: &str, u: &UnitRow) -> UnitLine {
    let depth = cx.corpus.ancestors(&u.id).iter().position(|a| a.id == base).map_or(0, |i| i + 1);
    UnitLine {
        link: unit_link(cx, &u.id, &u.name),
        kind: u.kind.map(|k| coded(k.code(), k.label())),
        depth,
        counts: counts_text(&u.counts),
        reported: u.reported,
        no_model: u.no_model,
    }
}

fn coverage_row(cx: &BuildContext, b: &BaseRow) -> CoverageRow {
    let units = b.units.len();
    let with_model = units - b.units_without_model;
    let share = if units > 0 { with_model as f64 * 100.0 / units as f64 } else { 0.0 };
    CoverageRow {
        link: unit_link(cx, &b.id, &b.name),
        with_model: count(with_model),
        units: count(units),
        percent: format!("{}%", number(share, 0)),
    }
}
