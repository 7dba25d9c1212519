//! The site kept in memory while serving: configuration, theme and the checked corpus, kept
//! up to date file by file. An edit of a model, report or page re-reads only that file; the
//! cross-file rules run again over the whole corpus, the per-model rules only for the models
//! the edit can affect. A change that fails the check is undone in memory, so the last good
//! site stays served until the content is fixed. Any other change (`site.yml`, registries,
//! moved folders) reads the whole site again.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::check::{Checked, ModelFindings, check_loaded_cached, skipped};
use crate::cli::{Failure, SiteRoot};
use crate::content::corpus::Corpus;
use crate::content::load::{FileKind, Loaded, Record, load, read_file};
use crate::content::model::Model;
use crate::content::site_config::SiteConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::history::History;
use crate::parse::markdown::Reading;
use crate::render::theme::Theme;
use crate::serve::overlay::Problem;
use crate::serve::watch::CONFIG_FILE;
use crate::site::build::{Listing, Prepared};
use crate::source::disk::DiskSource;
use crate::source::{Refusal, Source, SourceFile};

/// The served site and what it was read from.
pub struct Session {
    root: PathBuf,
    base_url: String,
    /// Whether the CMS saves through `guong serve` (serving on loopback).
    local_backend: bool,
    /// Settings from `site.yml`, with the local address as `base_url` (and the local
    /// backend switched on for the CMS when serving on loopback).
    pub config: SiteConfig,
    pub theme: Theme,
    /// Git data of the site's files (read when the whole site is read).
    pub history: Option<History>,
    /// The last corpus that passed the check (`None` until one does).
    pub good: Option<Corpus>,
    /// Warnings of the good corpus, for the compliance page.
    pub warnings: Vec<Diagnostic>,
    /// Content files on disk as of `good`.
    paths: BTreeSet<String>,
    /// File and field diagnostics of each file, as of `good`.
    file_diagnostics: BTreeMap<String, Vec<Diagnostic>>,
    /// Findings of the per-model rules, as of `good`.
    model_findings: ModelFindings,
    /// A hash of each content file as of `good`, to skip saves that change nothing.
    fingerprints: HashMap<String, u64>,
    /// Paths changed on disk since `good` was checked.
    pending: BTreeSet<String>,
    /// Whether the latest change failed (the overlay is showing).
    failing: bool,
    /// Whether the files on disk must all be read again (the last full read failed).
    stale: bool,
}

/// What a change did to the served site.
#[derive(Debug)]
pub enum Outcome {
    /// Nothing the site is made of changed (no reload needed).
    Unchanged,
    /// The site was rebuilt from the change.
    Built,
    /// The change does not check or compile; the last good site stays.
    Failed(Problem),
}

impl From<Result<(), Problem>> for Outcome {
    fn from(result: Result<(), Problem>) -> Self {
        match result {
            Ok(()) => Outcome::Built,
            Err(problem) => Outcome::Failed(problem),
        }
    }
}

/// Records of one path before a change, to undo it.
struct Undo {
    path: String,
    record: Option<Record>,
    diagnostics: Option<Vec<Diagnostic>>,
    present: bool,
}

impl Session {
    /// Reads and checks the whole site at `root`, served at `base_url`; with
    /// `local_backend`, the CMS saves through this server. Fails only when the site cannot
    /// be opened at all (no `site.yml`); content errors are in the outcome.
    pub fn open(root: &Path, base_url: &str, local_backend: bool) -> Result<(Session, Outcome), String> {
        let site = SiteRoot::open(root, None).map_err(failure_text)?;
        let mut session = Session {
            root: root.to_path_buf(),
            base_url: base_url.to_owned(),
            local_backend,
            config: served(site.config.clone(), base_url, local_backend),
            theme: Theme::default_theme(),
            history: None,
            good: None,
            warnings: Vec::new(),
            paths: BTreeSet::new(),
            file_diagnostics: BTreeMap::new(),
            model_findings: ModelFindings::new(),
            fingerprints: HashMap::new(),
            pending: BTreeSet::new(),
            failing: false,
            stale: true,
        };
        let outcome = session.reload_all().into();
        Ok((session, outcome))
    }

    /// Takes the changed `paths` (relative to the root) into account.
    pub fn apply(&mut self, paths: &[String]) -> Outcome {
        // `content` itself (deleted, moved away or back) is a change of every content file.
        let (content, theme): (Vec<&String>, Vec<&String>) =
            paths.iter().partition(|p| p.starts_with("content/") || *p == "content");
        let full =
            paths.iter().any(|p| p == CONFIG_FILE) || self.stale || content.iter().any(|p| !self.is_incremental(p));
        if full {
            return self.reload_all().into();
        }
        self.pending.extend(content.into_iter().filter(|p| FileKind::of(p).is_some()).cloned());
        let mut outcome = Outcome::Unchanged;
        if !theme.is_empty() {
            if let Err(problem) = self.reload_theme() {
                return Outcome::Failed(problem);
            }
            outcome = Outcome::Built;
        }
        // Editors often write a file twice per save, or save it unchanged: only files whose
        // bytes differ from the good corpus are read again. A file that became a link, a
        // special file or too large is for the full read to report.
        let Ok(source) = DiskSource::new(&self.root) else { return self.reload_all().into() };
        let mut edited: Vec<(String, Option<Vec<u8>>)> = Vec::new();
        for path in &self.pending {
            let bytes = match source.read(path) {
                Ok(bytes) => Some(bytes),
                Err(Refusal::Missing) => None,
                Err(_) => return self.reload_all().into(),
            };
            if bytes.as_deref().map(fingerprint) != self.fingerprints.get(path).copied() {
                edited.push((path.clone(), bytes));
            }
        }
        if !edited.is_empty() {
            return self.recheck(edited).into();
        }
        self.pending.clear();
        if std::mem::take(&mut self.failing) { Outcome::Built } else { outcome }
    }

    /// Whether a change at `path` can be applied file by file: a model, report or page, not
    /// a folder (a moved folder changes many files at once) nor a Markdown file guong does
    /// not read.
    fn is_incremental(&self, path: &str) -> bool {
        match FileKind::of(path) {
            Some(FileKind::Model | FileKind::Report | FileKind::Page | FileKind::Evaluation) => {
                !self.root.join(path).is_dir()
            }
            Some(_) => false,
            // A Markdown file outside the content folders is only reported (P-IGNORED,
            // P-TYPE-MISMATCH), by the full read.
            None if path.ends_with(".md") => false,
            None => {
                let folder = format!("{path}/");
                !self.root.join(path).is_dir() && !self.paths.iter().any(|p| p.starts_with(&folder))
            }
        }
    }

    /// Reads configuration, theme and every content file again. Until that succeeds, the
    /// previous good site stays served and every change reads the whole site again.
    fn reload_all(&mut self) -> Result<(), Problem> {
        self.stale = true;
        let site = SiteRoot::open(&self.root, None).map_err(|f| Problem::Other(failure_text(f)))?;
        let config = served(site.config, &self.base_url, self.local_backend);
        let theme = site.theme;
        // The history walk reads only Git objects: it runs beside the loading.
        let base_path = config.base_path();
        let reading = Reading::Publish { base_path: &base_path };
        let (Loaded { corpus, mut diagnostics }, history) = std::thread::scope(|scope| {
            let history = scope.spawn(|| History::read(&site.dir, None));
            (load(&site.files, reading), history.join().ok().flatten())
        });
        skipped::merge(&mut diagnostics, &site.skipped);
        let mut file_diagnostics: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for diagnostic in diagnostics {
            file_diagnostics.entry(diagnostic.path.clone()).or_default().push(diagnostic);
        }
        // A file too large or failing to read is a model that could not be read, when it is
        // one: references to it are not reported again.
        let unread = site.skipped.iter().filter(|s| skipped::is_error(s)).map(|s| s.path.clone());
        let paths: BTreeSet<String> = site.files.iter().map(|f| f.path.clone()).chain(unread).collect();
        let (checked, findings) = check(&paths, &file_diagnostics, corpus, &ModelFindings::new(), &|_| true);
        if checked.has_errors() {
            self.failing = true;
            return Err(Problem::Content(checked.diagnostics));
        }
        let warnings: Vec<Diagnostic> =
            checked.diagnostics.into_iter().filter(|d| d.severity == Severity::Warning).collect();
        Prepared::new(&theme, &checked.corpus, &warnings, history.as_ref(), &config)
            .map_err(|e| Problem::Other(e.to_string()))?;
        self.fingerprints = site.files.iter().map(|f| (f.path.clone(), fingerprint(&f.bytes))).collect();
        self.config = config;
        self.theme = theme;
        self.history = history;
        self.paths = paths;
        self.file_diagnostics = file_diagnostics;
        self.model_findings = findings;
        self.warnings = warnings;
        self.good = Some(checked.corpus);
        self.pending.clear();
        self.stale = false;
        self.failing = false;
        Ok(())
    }

    /// Reads the `edited` files (path, bytes or `None` when deleted) into the good corpus and
    /// checks it; undoes the change when the check fails.
    fn recheck(&mut self, edited: Vec<(String, Option<Vec<u8>>)>) -> Result<(), Problem> {
        let Some(mut corpus) = self.good.take() else { return self.reload_all() };
        let mut undo = Vec::new();
        let mut affected = Affected::default();
        let base_path = self.config.base_path();
        let reading = Reading::Publish { base_path: &base_path };
        for (path, bytes) in &edited {
            let record = take(&mut corpus, path);
            affected.note(path, record.as_ref());
            let diagnostics = self.file_diagnostics.remove(path);
            let present = self.paths.contains(path);
            undo.push(Undo { path: path.clone(), record, diagnostics, present });
            match bytes {
                Some(bytes) => {
                    let (record, diagnostics) =
                        read_file(&SourceFile { path: path.clone(), bytes: bytes.clone() }, reading);
                    affected.note(path, Some(&record));
                    insert(&mut corpus, path, record);
                    if !diagnostics.is_empty() {
                        self.file_diagnostics.insert(path.clone(), diagnostics);
                    }
                    self.paths.insert(path.clone());
                }
                None => {
                    self.paths.remove(path);
                }
            }
        }
        let corpus = reindexed(corpus, self.counted());
        let known: HashSet<String> = corpus.models.iter().map(|m| m.id.clone()).collect();
        let (checked, findings) =
            check(&self.paths, &self.file_diagnostics, corpus, &self.model_findings, &|m| affected.reaches(m, &known));
        if !checked.has_errors() {
            self.model_findings = findings;
            for (path, bytes) in &edited {
                match bytes {
                    Some(bytes) => self.fingerprints.insert(path.clone(), fingerprint(bytes)),
                    None => self.fingerprints.remove(path),
                };
            }
            self.pending.clear();
            self.accept(checked);
            return Ok(());
        }
        let Checked { mut corpus, diagnostics } = checked;
        for step in undo.into_iter().rev() {
            drop(take(&mut corpus, &step.path));
            if let Some(record) = step.record {
                insert(&mut corpus, &step.path, record);
            }
            match step.diagnostics {
                Some(found) => self.file_diagnostics.insert(step.path.clone(), found),
                None => self.file_diagnostics.remove(&step.path),
            };
            if step.present {
                self.paths.insert(step.path);
            } else {
                self.paths.remove(&step.path);
            }
        }
        self.good = Some(reindexed(corpus, self.counted()));
        self.failing = true;
        Err(Problem::Content(diagnostics))
    }

    /// Reloads templates and static files; a theme that does not compile is refused and the
    /// previous one kept. A theme folder holding files the source skips (links, special
    /// files) reads the whole site again, which reports them.
    fn reload_theme(&mut self) -> Result<(), Problem> {
        let source = DiskSource::new(&self.root).map_err(|e| Problem::Other(e.to_string()))?;
        let (theme, skipped) = Theme::load(&source).map_err(|e| Problem::Other(e.to_string()))?;
        if !skipped.is_empty() {
            return self.reload_all();
        }
        if let Some(corpus) = &self.good {
            let site = Prepared::new(&theme, corpus, &self.warnings, self.history.as_ref(), &self.config)
                .map_err(|e| Problem::Other(e.to_string()))?;
            site.jobs(Listing::All).map_err(|e| Problem::Other(e.to_string()))?;
        }
        self.theme = theme;
        Ok(())
    }

    /// Number of content files guong reads.
    fn counted(&self) -> usize {
        self.paths.iter().filter(|p| FileKind::of(p).is_some()).count()
    }

    fn accept(&mut self, checked: Checked) {
        self.warnings = checked.diagnostics.into_iter().filter(|d| d.severity == Severity::Warning).collect();
        self.good = Some(checked.corpus);
    }
}

/// The settings of `site.yml` as served: at the local address, the CMS on the local backend.
fn served(mut config: SiteConfig, base_url: &str, local_backend: bool) -> SiteConfig {
    base_url.clone_into(&mut config.base_url);
    if let Some(cms) = &mut config.cms {
        cms.local_backend = local_backend;
    }
    config
}

fn failure_text(failure: Failure) -> String {
    match failure {
        Failure::Usage(message) | Failure::Io(message) => message,
        Failure::Content => "nội dung có lỗi".to_owned(),
    }
}

/// Runs the rules over `corpus` (indexed), read from the content files at `paths`, with
/// their file diagnostics; the per-model rules run only for the models `recheck` selects.
fn check(
    paths: &BTreeSet<String>,
    file_diagnostics: &BTreeMap<String, Vec<Diagnostic>>,
    corpus: Corpus,
    cached: &ModelFindings,
    recheck: &(dyn Fn(&Model) -> bool + Sync),
) -> (Checked, ModelFindings) {
    let diagnostics = file_diagnostics.values().flatten().cloned().collect();
    check_loaded_cached(paths.iter().map(String::as_str), Loaded { corpus, diagnostics }, cached, recheck)
}

/// What an edit touched, to know which models' own rules must run again: the edited model
/// files, models referring to an edited model (by its old or new id, or its file name), and
/// models named in an edited report (their results may have changed).
#[derive(Default)]
struct Affected {
    paths: HashSet<String>,
    ids: HashSet<String>,
    reported: HashSet<String>,
}

impl Affected {
    /// Notes the record of `path` before or after the edit.
    fn note(&mut self, path: &str, record: Option<&Record>) {
        self.paths.insert(path.to_owned());
        if FileKind::of(path) == Some(FileKind::Model)
            && let Some(stem) = path.rsplit('/').next().and_then(|name| name.strip_suffix(".md"))
        {
            self.ids.insert(stem.to_owned());
        }
        match record {
            Some(Record::Model(model)) => {
                self.ids.insert(model.id.clone());
            }
            Some(Record::Report(report)) => self.reported.extend(report.entries.iter().map(|e| e.model.clone())),
            _ => {}
        }
    }

    /// Whether the rules of `model` may find something else after the edit. A reference to
    /// a model that does not exist is rechecked too: its did-you-mean hint depends on every id.
    fn reaches(&self, model: &Model, known: &HashSet<String>) -> bool {
        let refers = |id: &String| self.ids.contains(id) || !known.contains(id);
        self.paths.contains(&model.path)
            || self.reported.contains(&model.id)
            || model.source_model.as_ref().is_some_and(refers)
            || model.retirement.as_ref().and_then(|r| r.replacement.as_ref()).is_some_and(refers)
            || model.revision.as_ref().and_then(|r| r.previous_model.as_ref()).is_some_and(refers)
    }
}

/// A hash of a file's bytes (stable within one run).
fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The corpus with its indexes rebuilt after records were added or removed.
fn reindexed(corpus: Corpus, files: usize) -> Corpus {
    let Corpus { catalog, units, units_node, models, reports, pages, evaluations, .. } = corpus;
    Corpus::new(catalog, units, units_node, models, reports, pages, files).with_evaluations(evaluations)
}

/// Adds a record at its place in path order.
fn insert(corpus: &mut Corpus, path: &str, record: Record) {
    match record {
        Record::Model(model) => {
            let at = corpus.models.partition_point(|m| m.path.as_str() < path);
            corpus.models.insert(at, *model);
        }
        Record::Report(report) => {
            let at = corpus.reports.partition_point(|r| r.path.as_str() < path);
            corpus.reports.insert(at, *report);
        }
        Record::Page(page) => {
            let at = corpus.pages.partition_point(|p| p.path.as_str() < path);
            corpus.pages.insert(at, page);
        }
        Record::Evaluation(evaluation) => {
            let at = corpus.evaluations.partition_point(|e| e.path.as_str() < path);
            corpus.evaluations.insert(at, *evaluation);
        }
        Record::Catalog(_) | Record::Units(..) | Record::Nothing => {}
    }
}

/// Removes the record read from `path`, if any.
fn take(corpus: &mut Corpus, path: &str) -> Option<Record> {
    if let Some(at) = corpus.models.iter().position(|m| m.path == path) {
        return Some(Record::Model(Box::new(corpus.models.remove(at))));
    }
    if let Some(at) = corpus.reports.iter().position(|r| r.path == path) {
        return Some(Record::Report(Box::new(corpus.reports.remove(at))));
    }
    if let Some(at) = corpus.evaluations.iter().position(|e| e.path == path) {
        return Some(Record::Evaluation(Box::new(corpus.evaluations.remove(at))));
    }
    let at = corpus.pages.iter().position(|p| p.path == path)?;
    Some(Record::Page(corpus.pages.remove(at)))
}
