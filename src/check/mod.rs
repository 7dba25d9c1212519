//! The rules of SPEC §3 over a whole corpus, one module per family, and the output formats.

pub mod changed;
pub mod format;
mod rules;
pub mod skipped;

pub use rules::ModelFindings;

use std::collections::HashSet;

use crate::content::corpus::Corpus;
use crate::content::load::{FileKind, Loaded, load, load_found};
use crate::content::model::Model;
use crate::diagnostic::{Diagnostic, Summary, sort_diagnostics};
use crate::parse::markdown::Reading;
use crate::source::{Located, Skipped, Source, SourceFile};

/// The outcome of checking a site: its corpus and every diagnostic, sorted.
pub struct Checked {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn summary(&self) -> Summary {
        Summary::of(&self.diagnostics, self.corpus.files)
    }

    /// Whether any diagnostic is an error (the site must not be published).
    pub fn has_errors(&self) -> bool {
        self.summary().errors > 0
    }

    /// Adds the diagnostics of the files the source skipped (see [`skipped::merge`]); the
    /// content files among them count as checked files.
    pub fn with_skipped(mut self, skipped: &[Skipped]) -> Checked {
        self.corpus.files += skipped.iter().filter(|s| FileKind::of(&s.path).is_some()).count();
        skipped::merge(&mut self.diagnostics, skipped);
        sort_diagnostics(&mut self.diagnostics);
        self
    }
}

/// Reads and checks every content file.
pub fn check_files(files: &[SourceFile]) -> Checked {
    check_loaded(files.iter().map(|f| f.path.as_str()), load(files, Reading::Check))
}

/// Reads and checks the content files `found` in `source`: each is read inside the parallel
/// load and its bytes freed once parsed (see [`load_found`]); bodies are read as much as
/// `reading` asks (a build reads their HTML and text in the same pass). Files that cannot be
/// read after all join `skipped` (kept in path order), reported with the others.
pub fn check_found(source: &dyn Source, found: Vec<Located>, skipped: &mut Vec<Skipped>, reading: Reading) -> Checked {
    let (loaded, paths, unread) = load_found(found, |file| source.read_content(file), reading);
    if !unread.is_empty() {
        skipped.extend(unread);
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
    }
    // A model file too large or failing to read is a model that could not be read, as much
    // as one that did not parse.
    let unread = skipped.iter().filter(|s| skipped::is_error(s)).map(|s| s.path.as_str());
    check_loaded(paths.iter().map(String::as_str).chain(unread), loaded).with_skipped(skipped)
}

/// Runs the rules over a corpus already loaded from the content files at `paths` (`guong
/// serve` keeps one up to date file by file); the diagnostics of `loaded` are kept.
pub fn check_loaded<'p>(paths: impl Iterator<Item = &'p str>, loaded: Loaded) -> Checked {
    let Loaded { corpus, mut diagnostics } = loaded;
    rules::run(&corpus, &unreadable_models(paths, &corpus), &mut diagnostics);
    finish(corpus, diagnostics)
}

/// Like [`check_loaded`], but the per-model rules run again only for the models `recheck`
/// selects (and those not in `cached`); see [`rules::run_cached`]. Also returns the
/// per-model findings, to pass as `cached` next time.
pub fn check_loaded_cached<'p>(
    paths: impl Iterator<Item = &'p str>,
    loaded: Loaded,
    cached: &ModelFindings,
    recheck: &(dyn Fn(&Model) -> bool + Sync),
) -> (Checked, ModelFindings) {
    let Loaded { corpus, mut diagnostics } = loaded;
    let unreadable = unreadable_models(paths, &corpus);
    let findings = rules::run_cached(&corpus, &unreadable, cached, recheck, &mut diagnostics);
    (finish(corpus, diagnostics), findings)
}

fn finish(corpus: Corpus, mut diagnostics: Vec<Diagnostic>) -> Checked {
    supersede_placeholders(&mut diagnostics);
    sort_diagnostics(&mut diagnostics);
    Checked { corpus, diagnostics }
}

/// The cross-field and cross-file rules (everything after the file and field rules).
pub fn check_corpus(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    rules::run(corpus, &HashSet::new(), &mut out);
    out
}

/// Ids (file stems) of model files that could not be read. The broken file is already
/// reported; references to it from reports and other models are not reported again.
fn unreadable_models<'p>(paths: impl Iterator<Item = &'p str>, corpus: &Corpus) -> HashSet<String> {
    paths
        .filter(|path| FileKind::of(path) == Some(FileKind::Model))
        .filter_map(|path| path.rsplit('/').next()?.strip_suffix(".md"))
        .filter(|stem| corpus.model(stem).is_none())
        .map(str::to_owned)
        .collect()
}

/// A value still holding `guong new` placeholder text is reported once, as F-PLACEHOLDER;
/// other findings on that same line are consequences of it and are dropped.
fn supersede_placeholders(diagnostics: &mut Vec<Diagnostic>) {
    let placeholder_lines: HashSet<(String, usize)> = diagnostics
        .iter()
        .filter(|d| d.code == crate::diagnostic::Code::FPlaceholder)
        .map(|d| (d.path.clone(), d.line))
        .collect();
    if placeholder_lines.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        d.code == crate::diagnostic::Code::FPlaceholder || !placeholder_lines.contains(&(d.path.clone(), d.line))
    });
}
