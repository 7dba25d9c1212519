//! `/don-vi/` (the organisation tree in registry order) and `/don-vi/<id>/` (a unit's
//! models, sub-units, reports and yearly coverage).

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::model::Model;
use crate::content::report::Report;
use crate::content::unit::Unit;
use crate::content::vocab::{SECTORS, label_of};
use crate::derive::counting::counting_unit;
use crate::derive::coverage::{YearCoverage, year_bounds, yearly_coverage};
use crate::render::context::PageMeta;
use crate::render::context::unit::{CoverageYear, Merge, UnitCount, UnitModels, UnitNode, UnitPage, UnitsPage};
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::pages::reports::report_row;
use crate::site::urls;

/// Models by the id of the unit carrying them, in title order.
type ModelsByUnit<'a> = HashMap<&'a str, Vec<&'a Model>>;

/// What the unit pages share, computed once for all of them: the models of each unit and
/// those it carries on for merged units, the reports of each unit (listed on its page when
/// reports are published; their history counts in any case) and the coverage years.
struct UnitModelsIndex<'a> {
    own: ModelsByUnit<'a>,
    carried: ModelsByUnit<'a>,
    reports: HashMap<&'a str, Vec<&'a Report>>,
    coverage: Vec<YearCoverage<'a>>,
}

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let mut own: ModelsByUnit = HashMap::new();
    let mut carried: ModelsByUnit = HashMap::new();
    for model in cx.models.iter().copied() {
        let Some(org) = model.org.as_deref() else { continue };
        own.entry(org).or_default().push(model);
        // The unit counting the model at its end: another one when its unit merged first.
        let holder = model.effective_end().and_then(|end| counting_unit(cx.corpus, model, end));
        if let Some(holder) = holder.filter(|h| h.id != org) {
            carried.entry(holder.id.as_str()).or_default().push(model);
        }
    }
    let mut reports: HashMap<&str, Vec<&Report>> = HashMap::new();
    for report in &cx.corpus.reports {
        if let Some(org) = report.org.as_deref() {
            reports.entry(org).or_default().push(report);
        }
    }
    let coverage = yearly_coverage(cx.corpus);
    let by_unit = Arc::new(UnitModelsIndex { own, carried, reports, coverage });
    let mut jobs = Vec::with_capacity(cx.corpus.units.len() + 1);
    let tree_models = Arc::clone(&by_unit);
    jobs.push(Job::page(urls::UNITS.to_owned(), "units.html", move || {
        let mut meta = cx.meta(urls::UNITS, "Chi bộ, đảng bộ", "don-vi");
        meta.history = cx.content_history();
        let roots =
            cx.corpus.units.iter().filter(|u| is_root(cx, u)).map(|u| node(cx, u, &tree_models.own, 0)).collect();
        (meta, UnitsPage { roots })
    }));
    for unit in &cx.corpus.units {
        let by_unit = Arc::clone(&by_unit);
        jobs.push(Job::page(urls::unit(&unit.id), "unit.html", move || unit_page(cx, unit, &by_unit)));
    }
    jobs
}

/// A unit without a (known) parent heads a tree.
fn is_root(cx: &BuildContext, unit: &Unit) -> bool {
    unit.parent.as_deref().is_none_or(|p| cx.corpus.unit(p).is_none())
}

/// Depth limit of the tree (the registry allows 4 levels; cycles are errors but never loop here).
const MAX_DEPTH: usize = 8;

fn node(cx: &BuildContext, unit: &Unit, by_unit: &ModelsByUnit, depth: usize) -> UnitNode {
    let children = if depth < MAX_DEPTH {
        cx.corpus.children(&unit.id).into_iter().map(|c| node(cx, c, by_unit, depth + 1)).collect()
    } else {
        Vec::new()
    };
    UnitNode {
        link: cx.link(unit.name.clone(), &urls::unit(&unit.id)),
        kind: unit.kind.map(|k| k.label().to_owned()),
        models: published_count(by_unit, &unit.id),
        merged_note: merged_note(cx, unit),
        children,
    }
}

fn published_count(by_unit: &ModelsByUnit, unit: &str) -> usize {
    by_unit.get(unit).map_or(0, |models| models.iter().filter(|m| !m.is_retired()).count())
}

fn unit_page(cx: &BuildContext, unit: &Unit, index: &UnitModelsIndex) -> (PageMeta, UnitPage) {
    let by_unit = &index.own;
    let url = urls::unit(&unit.id);
    let mut meta = cx.meta(&url, unit.name.clone(), "don-vi");
    let mut crumbs = vec![cx.link("Chi bộ, đảng bộ", urls::UNITS)];
    crumbs.extend(cx.corpus.ancestors(&unit.id).iter().rev().map(|a| cx.link(a.display_name(), &urls::unit(&a.id))));
    meta.breadcrumbs = crumbs;
    meta.edit_href = cx.edit_href(crate::content::corpus::UNITS_PATH);
    let own = by_unit.get(unit.id.as_str()).map_or(&[][..], Vec::as_slice);
    let own_reports = index.reports.get(unit.id.as_str()).map_or(&[][..], Vec::as_slice);
    let paths = own.iter().map(|m| m.path.as_str()).chain(own_reports.iter().map(|r| r.path.as_str()));
    let heads_tree = cx.corpus.root_unit().is_some_and(|root| root.id == unit.id);
    // The root's page stands for the whole tree: every content file's history.
    meta.history = if heads_tree { cx.content_history() } else { cx.combined_history(paths) };

    let cards = |id: &str| -> Vec<_> {
        let models = by_unit.get(id).map_or(&[][..], Vec::as_slice);
        let (active, retired): (Vec<&&Model>, Vec<&&Model>) = models.iter().partition(|m| !m.is_retired());
        active.into_iter().chain(retired).map(|m| cx.card(m)).collect()
    };
    // Below a base unit the lists stay short; the root's whole tree is the gallery's job.
    let subunit_models = if cx.corpus.base_unit_of(&unit.id).is_some() {
        cx.corpus
            .subtree(&unit.id)
            .iter()
            .skip(1)
            .filter(|u| by_unit.contains_key(u.id.as_str()))
            .map(|u| UnitModels { unit: cx.link(u.name.clone(), &urls::unit(&u.id)), models: cards(&u.id) })
            .collect()
    } else {
        Vec::new()
    };
    let children = cx
        .corpus
        .children(&unit.id)
        .into_iter()
        .map(|child| UnitCount {
            link: cx.link(child.name.clone(), &urls::unit(&child.id)),
            kind: child.kind.map(|k| k.label().to_owned()),
            models: cx.corpus.subtree(&child.id).iter().map(|u| published_count(by_unit, &u.id)).sum(),
            merged_note: merged_note(cx, child),
        })
        .collect();
    let mut reports = if cx.config.publish_reports { own_reports.to_vec() } else { Vec::new() };
    reports.sort_by(|a, b| {
        (b.period(&cx.corpus.catalog.periods), &a.id).cmp(&(a.period(&cx.corpus.catalog.periods), &b.id))
    });
    let page = UnitPage {
        id: unit.id.clone(),
        name: unit.name.clone(),
        short_name: unit.short_name.clone(),
        kind: unit.kind.map(|k| k.label().to_owned()),
        sector: unit.sector.as_deref().map(|s| label_of(SECTORS, s).to_owned()).filter(|s| !s.is_empty()),
        parent: unit.parent.as_deref().and_then(|p| cx.unit_link(p)),
        active_from: unit.active_from.map(|d| d.to_string()),
        active_to: unit.active_to.map(|d| d.to_string()),
        merged_into: cx.corpus.successor_of(&unit.id).and_then(|successor| merge(cx, successor, unit)),
        taken_over: cx.corpus.predecessors_of(&unit.id).into_iter().filter_map(|p| merge(cx, p, p)).collect(),
        carried_models: index
            .carried
            .get(unit.id.as_str())
            .map_or_else(Vec::new, |models| models.iter().map(|m| cx.card(m)).collect()),
        models: cards(&unit.id),
        heads_tree,
        subunit_models,
        children,
        reports: reports.iter().map(|r| report_row(cx, r)).collect(),
        coverage: coverage(cx, unit, heads_tree, &index.coverage),
    };
    (meta, page)
}

/// The unit's row of each coverage year it was active in; for the unit heading the tree
/// (`whole_tree`), the models of every unit below it.
fn coverage(cx: &BuildContext, unit: &Unit, whole_tree: bool, years: &[YearCoverage]) -> Vec<CoverageYear> {
    let children = cx.corpus.children(&unit.id);
    let counted = if whole_tree { cx.corpus.subtree(&unit.id) } else { vec![unit] };
    years
        .iter()
        .filter_map(|y| {
            let (from, end) = year_bounds(y.year);
            if !unit.active_between(from, end) {
                return None;
            }
            let models = counted.iter().map(|u| y.models_of(&u.id)).sum();
            let lacking = y.lacks(&unit.id);
            let state = match cx.corpus.successor_of(&unit.id) {
                _ if lacking => "Chưa có mô hình".to_owned(),
                Some(successor) if cx.corpus.merged_before(&unit.id, end) => {
                    format!("Đã hợp nhất vào {}", successor.name)
                }
                _ if models > 0 => "Có mô hình".to_owned(),
                _ => String::new(),
            };
            let subunits_without_model = children
                .iter()
                .filter(|c| y.lacks(&c.id))
                .map(|c| cx.link(c.name.clone(), &urls::unit(&c.id)))
                .collect();
            Some(CoverageYear { year: y.year, models, state, lacking, subunits_without_model })
        })
        .collect()
}

/// "đã hợp nhất vào … từ ngày …" for a unit merged into a successor.
fn merged_note(cx: &BuildContext, unit: &Unit) -> Option<String> {
    let merge = merge(cx, cx.corpus.successor_of(&unit.id)?, unit)?;
    Some(format!("đã hợp nhất vào {} từ ngày {}", merge.unit.text, merge.from))
}

/// A merge as a page shows it: a link to `other` and the day after `merged`'s `active_to`.
pub fn merge(cx: &BuildContext, other: &Unit, merged: &Unit) -> Option<Merge> {
    let closed = merged.active_to?;
    Some(Merge { unit: cx.link(other.name.clone(), &urls::unit(&other.id)), from: closed.add_days(1).to_string() })
}
