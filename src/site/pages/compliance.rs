//! `/kiem-tra/`: the compliance page, from `derive::coverage` and the checker's warnings;
//! not published when `publish_compliance: false`.

use std::collections::{BTreeMap, HashMap};

use crate::content::corpus::UNITS_PATH;
use crate::content::period::years_text;
use crate::content::unit::Unit;
use crate::derive::calendar::coverage_years;
use crate::derive::coverage::{due_reports, units_without_model};
use crate::derive::form02::ReportState;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::render::context::compliance::{
    CompliancePage, GapUnit, ReportGap, WarningFile, WarningGroup, WarningRow, YearGaps,
};
use crate::render::context::{Link, PageMeta};
use crate::render::escape::{escape_html, message_html, message_html_naming};
use crate::render::format::count;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::links::coded;
use crate::site::pages::reports::period_heading;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    if !cx.config.publish_compliance {
        return Vec::new();
    }
    vec![Job::page(urls::COMPLIANCE.to_owned(), "compliance.html", move || page(cx))]
}

fn page(cx: &BuildContext) -> (PageMeta, CompliancePage) {
    let mut meta = cx.meta(urls::COMPLIANCE, "Theo dõi thực hiện", "kiem-tra");
    meta.history = cx.content_history();
    meta.description =
        Some("Đơn vị chưa có mô hình, báo cáo chưa nộp hoặc nộp trễ và các cảnh báo của công cụ kiểm tra.".to_owned());
    let corpus = cx.corpus;
    let gaps = units_without_model(corpus);
    let mut years: Vec<YearGaps> = Vec::new();
    for gap in &gaps {
        let unit = GapUnit {
            unit: cx.link(gap.unit.name.clone(), &urls::unit(&gap.unit.id)),
            kind: gap.unit.kind.map(|k| k.label().to_owned()),
            base: corpus
                .base_unit_of(&gap.unit.id)
                .filter(|b| b.id != gap.unit.id)
                .map(|b| cx.link(b.name.clone(), &urls::unit(&b.id))),
        };
        match years.last_mut() {
            Some(y) if y.year == gap.year => y.units.push(unit),
            _ => years.push(YearGaps { year: gap.year, units: vec![unit] }),
        }
    }
    let reports: Vec<ReportGap> = due_reports(corpus)
        .into_iter()
        .filter(|d| matches!(d.state, ReportState::ChuaNop | ReportState::TreHan))
        .map(|d| ReportGap {
            unit: cx.link(d.unit.name.clone(), &urls::unit(&d.unit.id)),
            period: period_heading(d.period),
            deadline: d.deadline.to_string(),
            state: coded(d.state.code(), d.state.label()),
            report: d.report.map(|r| report_link(cx, &r.id)),
            report_date: d.report.and_then(|r| r.report_date).map(|date| date.to_string()),
        })
        .collect();
    let warnings: Vec<&Diagnostic> = cx.diagnostics.iter().filter(|d| d.severity == Severity::Warning).collect();
    let covered = coverage_years(&corpus.catalog);
    let years_checked = match covered.len() {
        0 => String::new(),
        1 => format!("năm {}", years_text(&covered)),
        _ => format!("các năm {}", years_text(&covered)),
    };
    let page = CompliancePage {
        as_of: corpus.catalog.as_of.map(|d| d.to_string()),
        years_checked,
        units_without_model: count(gaps.len()),
        reports_missing: count(reports.iter().filter(|r| r.report.is_none()).count()),
        reports_late: count(reports.iter().filter(|r| r.report.is_some()).count()),
        warnings: count(warnings.len()),
        years,
        reports,
        groups: warning_groups(cx, &warnings),
        listed_per_code: LISTED_PER_CODE,
    };
    (meta, page)
}

/// A link to a report's page, or its id alone when reports are not published.
fn report_link(cx: &BuildContext, id: &str) -> Link {
    if cx.config.publish_reports {
        cx.link(id, &urls::report(id))
    } else {
        Link { text: id.to_owned(), href: String::new() }
    }
}

/// The unit a file belongs to and the page built from it.
struct Owner<'a> {
    unit: Option<&'a Unit>,
    page: Option<Link>,
}

/// The warnings of one code listed for one file; the page says how many more there are (a
/// hostile file with 100,000 findings keeps the page small).
pub const LISTED_PER_CODE: usize = 20;

/// Groups warnings by the unit owning their file: a model's or report's `org`; for the
/// organisation tree, the unit entry the warning points into. Units in registry order, the
/// shared files last; files by path, warnings by position (the checker's order).
fn warning_groups(cx: &BuildContext, warnings: &[&Diagnostic]) -> Vec<WarningGroup> {
    let corpus = cx.corpus;
    let mut owners: HashMap<&str, Owner> = HashMap::new();
    for model in &corpus.models {
        let unit = model.org.as_deref().and_then(|id| corpus.unit(id));
        owners.insert(&model.path, Owner { unit, page: cx.model_link(&model.id) });
    }
    for report in &corpus.reports {
        let unit = report.org.as_deref().and_then(|id| corpus.unit(id));
        let page =
            cx.config.publish_reports.then(|| cx.link(format!("Báo cáo {}", report.id), &urls::report(&report.id)));
        owners.insert(&report.path, Owner { unit, page });
    }
    let order: HashMap<&str, usize> = corpus.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect();
    let mut groups: BTreeMap<usize, (Option<&Unit>, BTreeMap<&str, WarningFile>)> = BTreeMap::new();
    let mut listed: HashMap<(&str, Code), usize> = HashMap::new();
    let mut hidden: HashMap<&str, usize> = HashMap::new();
    for warning in warnings {
        let (unit, page) = match owners.get(warning.path.as_str()) {
            Some(owner) => (owner.unit, owner.page.clone()),
            None if warning.path == UNITS_PATH => (unit_at_line(&corpus.units, warning.line), None),
            None => (None, None),
        };
        let rank = unit.and_then(|u| order.get(u.id.as_str()).copied()).unwrap_or(usize::MAX);
        let (_, files) = groups.entry(rank).or_insert_with(|| (unit, BTreeMap::new()));
        let file = files.entry(warning.path.as_str()).or_insert_with(|| WarningFile {
            path: warning.path.clone(),
            edit_href: cx.edit_href(&warning.path),
            page,
            warnings: Vec::new(),
            more: None,
        });
        let listed = listed.entry((warning.path.as_str(), warning.code)).or_insert(0);
        *listed += 1;
        if *listed > LISTED_PER_CODE {
            *hidden.entry(warning.path.as_str()).or_insert(0) += 1;
            continue;
        }
        file.warnings.push(WarningRow {
            code: warning.code.as_str().to_owned(),
            line: warning.line,
            column: warning.column,
            message_html: message_html_naming(&warning.message, |id| named(cx, id)),
            hint_html: warning.hint.as_deref().map(message_html),
        });
    }
    groups
        .into_values()
        .map(|(unit, files)| {
            let mut files: Vec<WarningFile> = files.into_values().collect();
            let mut total = 0;
            for file in &mut files {
                let more = hidden.get(file.path.as_str()).copied().unwrap_or(0);
                total += file.warnings.len() + more;
                file.more = (more > 0).then(|| count(more));
            }
            WarningGroup {
                anchor: unit.map_or_else(|| "canh-bao-chung".to_owned(), |u| format!("canh-bao-{}", u.id)),
                title: unit.map_or_else(|| "Danh mục, tổ chức và trang chung".to_owned(), |u| u.name.clone()),
                unit: unit.map(|u| cx.link(u.name.clone(), &urls::unit(&u.id))),
                count: count(total),
                files,
            }
        })
        .collect()
}

/// The unit whose entry in `to-chuc.yml` holds `line`: the last one starting at or before it
/// (units are in file order, so a binary search).
fn unit_at_line(units: &[Unit], line: usize) -> Option<&Unit> {
    units.get(units.partition_point(|u| u.node.pos.line() <= line).checked_sub(1)?)
}

/// A model or unit a warning names by its id, as a link with its title or name (readers are
/// never shown ids).
fn named(cx: &BuildContext, id: &str) -> Option<String> {
    let link = cx.model_link(id).or_else(|| cx.unit_link(id))?;
    Some(format!("<a href=\"{}\">{}</a>", escape_html(&link.href), escape_html(&link.text)))
}
