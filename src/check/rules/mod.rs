//! The rule families of SPEC §3 after parsing: one module per family, each rule a small
//! function named after its code. The file and field rules (P-*, F-*) and the criterion codes
//! of missing or malformed fields come from the loader and its schema; these modules add the
//! conditional, cross-field and cross-file rules.

mod approach;
mod coverage;
mod criteria;
mod evaluations;
mod html;
mod ids;
mod model;
mod placeholder;
mod registry;
mod reports;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::content::corpus::Corpus;
use crate::content::model::Model;
use crate::content::read::{at, key_pos_of, pos_of};
use crate::content::schema::{Field, Kind};
use crate::content::suggest::{Suggester, did_you_mean};
use crate::derive::results::ReportIndex;
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::yaml::Node;

/// Findings of the per-model rules, by model file path. `guong serve` keeps them between
/// checks and re-runs the per-model rules only for the models an edit can affect.
pub type ModelFindings = HashMap<String, Vec<Diagnostic>>;

/// Runs every family over the corpus.
pub fn run(corpus: &Corpus, unreadable_models: &HashSet<String>, out: &mut Vec<Diagnostic>) {
    let index = Index::new(corpus, unreadable_models);
    let (per_model, across) = rayon::join(
        || corpus.models.par_iter().flat_map_iter(|m| check_model(&index, m)).collect::<Vec<_>>(),
        || cross_file(&index),
    );
    out.extend(per_model);
    out.extend(across);
}

/// Like [`run`], but the per-model rules run only for the models `recheck` selects and those
/// missing from `cached`; the other models' findings are taken from `cached`. Returns the
/// per-model findings of this run.
pub fn run_cached(
    corpus: &Corpus,
    unreadable_models: &HashSet<String>,
    cached: &ModelFindings,
    recheck: &(dyn Fn(&Model) -> bool + Sync),
    out: &mut Vec<Diagnostic>,
) -> ModelFindings {
    let index = Index::new(corpus, unreadable_models);
    let per_model = || {
        corpus
            .models
            .par_iter()
            .map(|model| {
                let found = match cached.get(&model.path) {
                    Some(found) if !recheck(model) => found.clone(),
                    _ => check_model(&index, model),
                };
                (model.path.clone(), found)
            })
            .collect::<ModelFindings>()
    };
    let (findings, across) = rayon::join(per_model, || cross_file(&index));
    out.extend(findings.values().flatten().cloned());
    out.extend(across);
    findings
}

/// A family of rules that reads several files.
type CrossFile = fn(&Index, &mut Vec<Diagnostic>);

/// The families that read several files: registry, duplicates, ids, reports, coverage,
/// evaluations, and the bodies of reports, pages and evaluations.
const CROSS_FILE: [CrossFile; 8] = [
    registry::check,
    |index, out| model::check_duplicates(index.corpus, out),
    |index, out| ids::check(index.corpus, out),
    reports::check,
    coverage::check,
    evaluations::check,
    |index, out| html::check_pages(index.corpus, out),
    placeholders_outside_models,
];

/// The findings of every [`CROSS_FILE`] family, in that order (the families run in parallel).
fn cross_file(index: &Index) -> Vec<Diagnostic> {
    let found: Vec<Vec<Diagnostic>> = CROSS_FILE
        .par_iter()
        .map(|family| {
            let mut out = Vec::new();
            family(index, &mut out);
            out
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// Placeholder text left in the body of a report, page or evaluation.
fn placeholders_outside_models(index: &Index, out: &mut Vec<Diagnostic>) {
    let corpus = index.corpus;
    for report in &corpus.reports {
        placeholder::check_body(&report.path, &report.body, out);
    }
    for page in &corpus.pages {
        placeholder::check_body(&page.path, &page.body, out);
    }
    for evaluation in &corpus.evaluations {
        placeholder::check_body(&evaluation.path, &evaluation.body, out);
    }
}

/// Every per-model rule of one model (models are checked in parallel).
fn check_model(index: &Index, model: &Model) -> Vec<Diagnostic> {
    let mut at = At { model, out: Vec::new() };
    model::check(index, &mut at);
    criteria::check(index, &mut at);
    approach::check(index, &mut at);
    html::check_body(&model.path, &model.body, &mut at.out);
    placeholder::check_body(&model.path, &model.body, &mut at.out);
    at.out
}

/// Lookups built once per check so that no rule is quadratic in models or reports.
pub(crate) struct Index<'a> {
    pub corpus: &'a Corpus,
    /// Report entries by model.
    pub reports: ReportIndex<'a>,
    /// The ids references may name, for did-you-mean hints.
    pub known: Known<'a>,
    unreadable_models: &'a HashSet<String>,
}

impl<'a> Index<'a> {
    fn new(corpus: &'a Corpus, unreadable_models: &'a HashSet<String>) -> Index<'a> {
        Index { corpus, reports: ReportIndex::new(corpus), known: Known::new(corpus), unreadable_models }
    }

    /// Whether the organisation tree could be read. When it could not, references to units
    /// are not checked: the error in `to-chuc.yml` is the one to fix.
    pub fn units_read(&self) -> bool {
        !self.corpus.units.is_empty()
    }

    /// Whether a reference to model `id` is unknown: no model has it and no unreadable model
    /// file is named after it.
    pub fn unknown_model(&self, id: &str) -> bool {
        self.corpus.model(id).is_none() && !self.unreadable_models.contains(id)
    }
}

/// The ids that content declares and references name, each indexed for did-you-mean hints
/// the first time a reference to it is unknown (at most once per check).
pub(crate) struct Known<'a> {
    corpus: &'a Corpus,
    units: OnceLock<Suggester<'a>>,
    base_units: OnceLock<Suggester<'a>>,
    models: OnceLock<Suggester<'a>>,
    topics: OnceLock<Suggester<'a>>,
    groups: OnceLock<Suggester<'a>>,
}

impl<'a> Known<'a> {
    fn new(corpus: &'a Corpus) -> Known<'a> {
        let none = OnceLock::new;
        Known { corpus, units: none(), base_units: none(), models: none(), topics: none(), groups: none() }
    }

    /// Every unit of `to-chuc.yml`.
    pub fn units(&self) -> &Suggester<'a> {
        self.units.get_or_init(|| Suggester::new(self.corpus.units.iter().map(|u| u.id.as_str())))
    }

    /// The base units (đảng bộ cơ sở, chi bộ cơ sở), which write reports.
    pub fn base_units(&self) -> &Suggester<'a> {
        self.base_units
            .get_or_init(|| Suggester::new(self.corpus.units.iter().filter(|u| u.is_base()).map(|u| u.id.as_str())))
    }

    /// Every model.
    pub fn models(&self) -> &Suggester<'a> {
        self.models.get_or_init(|| Suggester::new(self.corpus.models.iter().map(|m| m.id.as_str())))
    }

    /// The catalog's topics (`chuyen_de`).
    pub fn topics(&self) -> &Suggester<'a> {
        self.topics.get_or_init(|| Suggester::new(self.corpus.catalog.topics.iter().map(|t| t.id.as_str())))
    }

    /// The catalog's model groups (`nhom_mo_hinh`).
    pub fn groups(&self) -> &Suggester<'a> {
        self.groups.get_or_init(|| Suggester::new(self.corpus.catalog.groups.iter().map(|g| g.id.as_str())))
    }
}

/// Diagnostics on one model file, positioned on its front matter.
pub(crate) struct At<'m> {
    pub model: &'m Model,
    pub out: Vec<Diagnostic>,
}

impl At<'_> {
    /// A diagnostic at the value of `path` (or its nearest existing ancestor).
    pub fn value(&self, code: Code, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, &self.model.path, pos_of(&self.model.front, path), message)
    }

    /// A diagnostic at the key of `path` (or its nearest existing ancestor).
    pub fn key(&self, code: Code, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, &self.model.path, key_pos_of(&self.model.front, path), message)
    }

    /// A diagnostic for a missing `path`: at its key if written (empty), else at the key
    /// of its nearest existing parent, as the schema reports missing fields.
    pub fn missing(&self, code: Code, path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, &self.model.path, missing_pos(&self.model.front, path), message)
    }

    /// A diagnostic at a node of the front matter.
    pub fn node(&self, code: Code, node: &Node, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(code, &self.model.path, node.pos, message)
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }
}

/// Where a missing field is reported: its key when written (empty), a list item's start,
/// else the key of the nearest existing parent, else line 1.
pub(crate) fn missing_pos(front: &Node, path: &str) -> Pos {
    let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
    let parent_node = if parent.is_empty() { Some(front) } else { at(front, parent) };
    if let Some(node) = parent_node {
        if let Some(entry) = node.entry(key) {
            return entry.key_pos;
        }
        if let Some(item) = key.parse::<usize>().ok().and_then(|i| node.items().get(i)) {
            return item.pos;
        }
    }
    if parent.is_empty() { Pos::START } else { missing_pos(front, parent) }
}

/// `` `path` (Label) `` for a field of a schema table, e.g. `` `org` (Chi bộ/đảng bộ thực hiện) ``.
pub(crate) fn field(fields: &'static [Field], path: &str) -> String {
    match label(fields, path) {
        Some(label) => format!("`{path}` ({label})"),
        None => format!("`{path}`"),
    }
}

/// The Vietnamese label of the field at dotted `path` (list indexes skipped) in a schema.
pub(crate) fn label(fields: &'static [Field], path: &str) -> Option<&'static str> {
    let mut current = fields;
    let mut found = None;
    for part in path.split('.').filter(|p| p.parse::<usize>().is_err()) {
        let field = current.iter().find(|f| f.key == part)?;
        found = Some(field.label);
        current = match field.kind {
            Kind::Map(inner) => inner,
            Kind::List { item: Kind::Map(inner), .. } => inner,
            _ => &[],
        };
    }
    found
}

/// "có phải `x`?" when an id is a likely typo of a known one.
pub(crate) fn did_you_mean_hint<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<String> {
    typo_hint(did_you_mean(word, candidates))
}

/// Items a hint lists before saying how many more there are.
const LISTED: usize = 10;

/// `a, b, c` for a message: the first [`LISTED`] of the `total` items, then "… và N `noun`
/// khác", so a text repeated on each of many findings never grows with the content's size.
pub(crate) fn listing<S: AsRef<str>>(items: impl Iterator<Item = S>, total: usize, noun: &str) -> String {
    let shown: Vec<S> = items.take(LISTED).collect();
    let shown: Vec<&str> = shown.iter().map(AsRef::as_ref).collect();
    match total.saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{}, … và {more} {noun} khác", shown.join(", ")),
    }
}

/// "có phải `x`?" for the id a [`Suggester`] found.
pub(crate) fn typo_hint(guess: Option<&str>) -> Option<String> {
    guess.map(|guess| format!("có phải `{guess}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::forms::MODEL;

    #[test]
    fn labels_follow_nested_fields_and_skip_indexes() {
        assert_eq!(label(MODEL, "org"), Some("Chi bộ/đảng bộ thực hiện"));
        assert_eq!(label(MODEL, "measures.milestones.2.date"), Some("Ngày"));
        assert_eq!(label(MODEL, "learning.nope"), None);
        assert_eq!(field(MODEL, "learning.topics"), "`learning.topics` (Chuyên đề, tác phẩm học tập)");
    }
}
