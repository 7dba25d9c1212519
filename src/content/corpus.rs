//! The corpus: every record of a site, in a stable order (registry order for units, path
//! order for files), with lookups by id.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::content::catalog::Catalog;
use crate::content::date::Date;
use crate::content::evaluation::Evaluation;
use crate::content::hierarchy::Hierarchy;
use crate::content::model::Model;
use crate::content::page::Page;
use crate::content::report::Report;
use crate::content::succession::Succession;
use crate::content::unit::Unit;
use crate::content::vocab::UnitKind;
use crate::parse::yaml::Node;

/// Everything a site holds, read from its files.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub catalog: Catalog,
    /// Units in registry order (the display order).
    pub units: Vec<Unit>,
    /// The `to-chuc.yml` tree, for positions.
    pub units_node: Node,
    /// Models in path order.
    pub models: Vec<Model>,
    /// Reports in path order.
    pub reports: Vec<Report>,
    /// Free pages in path order.
    pub pages: Vec<Page>,
    /// The department's evaluations of models, in path order.
    pub evaluations: Vec<Evaluation>,
    /// Number of content files read.
    pub files: usize,
    unit_index: HashMap<String, usize>,
    /// The root unit's place in `units`.
    root: Option<usize>,
    model_index: HashMap<String, usize>,
    /// The latest evaluation of each evaluated model, by model id.
    latest_evaluations: HashMap<String, usize>,
    succession: Succession,
    hierarchy: Hierarchy,
}

/// Path of the catalog file, relative to the site root.
pub const CATALOG_PATH: &str = "content/danh-muc.yml";
/// Path of the organisation tree, relative to the site root.
pub const UNITS_PATH: &str = "content/to-chuc.yml";

impl Corpus {
    /// Assembles a corpus and its indexes (the first record of a duplicated id wins), and
    /// resolves once what depends on several files: the programme period of each model and
    /// the successor chains of the units.
    pub fn new(
        catalog: Catalog,
        units: Vec<Unit>,
        units_node: Node,
        mut models: Vec<Model>,
        reports: Vec<Report>,
        pages: Vec<Page>,
        files: usize,
    ) -> Corpus {
        let mut unit_index = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            unit_index.entry(unit.id.clone()).or_insert(i);
        }
        let mut model_index = HashMap::new();
        for (i, model) in models.iter_mut().enumerate() {
            model_index.entry(model.id.clone()).or_insert(i);
            model.period = model.start.and_then(|start| catalog.periods.holding(start));
        }
        let root = units.iter().position(|u| u.parent.is_none() && u.kind == Some(UnitKind::DangBoKhoi));
        let succession = Succession::new(&units, &unit_index);
        let parents: Vec<Option<&str>> = units.iter().map(|u| u.parent.as_deref()).collect();
        let bases: Vec<bool> = units.iter().map(Unit::is_base).collect();
        let hierarchy = Hierarchy::new(&parents, &unit_index, &bases);
        Corpus {
            catalog,
            units,
            units_node,
            models,
            reports,
            pages,
            evaluations: Vec::new(),
            files,
            unit_index,
            root,
            model_index,
            latest_evaluations: HashMap::new(),
            succession,
            hierarchy,
        }
    }

    /// The corpus with its evaluations (kept apart from [`Corpus::new`], which most callers
    /// use without any), each model's latest one found once.
    pub fn with_evaluations(mut self, evaluations: Vec<Evaluation>) -> Corpus {
        let mut latest_evaluations: HashMap<String, usize> = HashMap::new();
        for (i, evaluation) in evaluations.iter().enumerate() {
            let Some(model) = &evaluation.model else { continue };
            let held = latest_evaluations.entry(model.clone()).or_insert(i);
            let other = &evaluations[*held];
            if (evaluation.date, &evaluation.path) > (other.date, &other.path) {
                *held = i;
            }
        }
        self.evaluations = evaluations;
        self.latest_evaluations = latest_evaluations;
        self
    }

    /// The latest evaluation of a model (by date, then path).
    pub fn latest_evaluation(&self, model: &str) -> Option<&Evaluation> {
        self.latest_evaluations.get(model).map(|&i| &self.evaluations[i])
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }

    /// The place of unit `id` in registry order (to sort by it).
    pub fn unit_order(&self, id: &str) -> Option<usize> {
        self.unit_index.get(id).copied()
    }

    pub fn model(&self, id: &str) -> Option<&Model> {
        self.model_index.get(id).map(|&i| &self.models[i])
    }

    /// The root unit (`kind: dang_bo_khoi`, the đảng bộ cấp trên cơ sở), if the registry has one.
    pub fn root_unit(&self) -> Option<&Unit> {
        self.root.map(|i| &self.units[i])
    }

    /// The ancestors of a unit, nearest first (a cycle is cut, see [`Hierarchy`]).
    pub fn ancestors(&self, id: &str) -> Vec<&Unit> {
        let mut chain = Vec::new();
        let mut current = self.unit_index.get(id).and_then(|&u| self.hierarchy.parent(u));
        while let Some(u) = current {
            chain.push(&self.units[u]);
            current = self.hierarchy.parent(u);
        }
        chain
    }

    /// The base unit (đảng bộ cơ sở / chi bộ cơ sở) of a unit: itself or an ancestor.
    pub fn base_unit_of(&self, id: &str) -> Option<&Unit> {
        self.hierarchy.base(*self.unit_index.get(id)?).map(|b| &self.units[b])
    }

    /// Whether `id` is `ancestor` or lies below it.
    pub fn in_subtree(&self, id: &str, ancestor: &str) -> bool {
        match (self.unit_index.get(id), self.unit_index.get(ancestor)) {
            (Some(&u), Some(&a)) => self.hierarchy.in_subtree(u, a),
            _ => id == ancestor,
        }
    }

    /// The units of the subtree of `id`, itself first, in registry order.
    pub fn subtree(&self, id: &str) -> Vec<&Unit> {
        let Some(&u) = self.unit_index.get(id) else { return Vec::new() };
        self.hierarchy.subtree(u).into_iter().map(|v| &self.units[v]).collect()
    }

    /// The unit `id` merged into (its `successor`), when that is another known unit.
    pub fn successor_of(&self, id: &str) -> Option<&Unit> {
        let at = *self.unit_index.get(id)?;
        self.succession.successor(at).map(|s| &self.units[s])
    }

    /// The units merged into `id` (whose `successor` is `id`), in registry order.
    pub fn predecessors_of(&self, id: &str) -> Vec<&Unit> {
        let Some(&at) = self.unit_index.get(id) else { return Vec::new() };
        self.succession.predecessors(at).map(|p| &self.units[p]).collect()
    }

    /// The unit holding the models of unit `id` still running at `until`: `id` itself, or the
    /// successor it merged into before `until` (followed along the chain, SPEC §8.2).
    pub fn holder_at(&self, id: &str, until: Date) -> Option<&Unit> {
        let at = *self.unit_index.get(id)?;
        Some(&self.units[self.succession.holder(&self.units, at, until)])
    }

    /// The units on a loop of successors (an O-SUCCESSOR error), in registry order.
    pub fn successor_loops(&self) -> Vec<&Unit> {
        self.succession.loops().into_iter().map(|u| &self.units[u]).collect()
    }

    /// Whether unit `id` merged into a successor before `end`: from a period ending then on,
    /// its successor carries its work (it files no report and needs no model of its own).
    pub fn merged_before(&self, id: &str, end: Date) -> bool {
        self.unit(id).is_some_and(|u| u.active_to.is_some_and(|to| to < end)) && self.successor_of(id).is_some()
    }

    /// Direct children of a unit, in registry order.
    pub fn children(&self, id: &str) -> Vec<&Unit> {
        let Some(&u) = self.unit_index.get(id) else { return Vec::new() };
        self.hierarchy.children(u).map(|c| &self.units[c]).collect()
    }

    /// Whether the unit's `parent` chain comes back to it (O-CYCLE).
    pub fn on_cycle(&self, id: &str) -> bool {
        self.unit_index.get(id).is_some_and(|&u| self.hierarchy.on_cycle(u))
    }

    /// Frees what only the checker reads: the front-matter trees of models and reports (for
    /// positions) and the Markdown of bodies (their HTML and text stay). A build drops them
    /// before rendering to stay small on large sites.
    ///
    /// Each model and report is then copied and the original dropped: it was read in among
    /// its tree's thousands of small nodes, and what the freed trees leave is mostly memory
    /// pages with a few live values each, which stay resident. The copies are packed together
    /// (about 60 MB less resident memory while a 10,000-model site renders).
    pub fn release_sources(&mut self) {
        let empty = || Node { pos: crate::diagnostic::Pos::START, value: crate::parse::yaml::Value::Null };
        self.models.par_iter_mut().for_each(|m| {
            m.front = empty();
            m.body.release_markdown();
        });
        self.reports.par_iter_mut().for_each(|r| {
            r.front = empty();
            r.body.release_markdown();
        });
        self.models.par_iter_mut().for_each(|m| *m = m.clone());
        self.reports.par_iter_mut().for_each(|r| *r = r.clone());
        self.pages.iter_mut().for_each(|p| p.body.release_markdown());
        self.evaluations.iter_mut().for_each(|e| e.body.release_markdown());
    }
}
