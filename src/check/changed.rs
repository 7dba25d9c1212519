//! The diagnostics a change accounts for (`check --changed-since REV`): those on the
//! changed files, plus the cross-file ones those files cause. The exact rule is the
//! contract of the command and is documented in `cli/check_cmd.rs`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::check::Checked;
use crate::content::corpus::Corpus;
use crate::content::load::{FileKind, load};
use crate::diagnostic::{Code, Diagnostic};
use crate::parse::markdown::Reading;
use crate::source::SourceFile;

/// The diagnostics of `checked` that the change accounts for. `files` are the checked
/// files, `changed` the paths added, modified or deleted since REV, and `before` REV's
/// version of the changed files it holds.
pub fn caused_by(
    checked: &Checked,
    files: &[SourceFile],
    changed: &BTreeSet<String>,
    before: &[SourceFile],
) -> Vec<Diagnostic> {
    let old = load(before, Reading::Check).corpus;
    let touched = Touched::new(&checked.corpus, &old, changed);
    let texts: HashMap<&str, &[u8]> = files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())).collect();
    checked
        .diagnostics
        .iter()
        .filter(|d| {
            changed.contains(&d.path)
                || (is_cross_file(d.code)
                    && (touched.everything
                        || touched.defining_paths.contains(&d.path)
                        || touched.mentioned_in(&d.message)
                        || texts.get(d.path.as_str()).is_some_and(|text| touched.mentioned_in(&line(text, d.line)))))
        })
        .cloned()
        .collect()
}

/// What a change touches beyond its own files.
struct Touched<'a> {
    /// Ids defined or referenced by the changed files (both versions).
    ids: BTreeSet<String>,
    /// Changed paths, named in messages like "đã được dùng ở tệp `…`".
    paths: &'a BTreeSet<String>,
    /// Current files of the models and reports whose id is touched.
    defining_paths: BTreeSet<String>,
    /// Whether a setting every cross-file rule depends on changed (`as_of`,
    /// `coverage_from`, `report_grace_days`, `periods`).
    everything: bool,
}

impl<'a> Touched<'a> {
    fn new(now: &Corpus, old: &Corpus, changed: &'a BTreeSet<String>) -> Touched<'a> {
        let mut ids = BTreeSet::new();
        let mut everything = false;
        for path in changed {
            match FileKind::of(path) {
                Some(FileKind::Model | FileKind::Report) => ids.extend(stem(path)),
                Some(FileKind::Units) => {
                    ids.extend(differing(entries(&now.units, |u| &u.id), entries(&old.units, |u| &u.id)));
                }
                Some(FileKind::Catalog) => {
                    let (a, b) = (&now.catalog, &old.catalog);
                    everything |= (a.as_of, a.coverage_from, a.report_grace_days, &a.periods)
                        != (b.as_of, b.coverage_from, b.report_grace_days, &b.periods);
                    ids.extend(differing(entries(&a.groups, |g| &g.id), entries(&b.groups, |g| &g.id)));
                    ids.extend(differing(entries(&a.topics, |t| &t.id), entries(&b.topics, |t| &t.id)));
                }
                _ => {}
            }
        }
        for corpus in [now, old] {
            file_references(corpus, changed, &mut ids);
        }
        let defining_paths = now
            .models
            .iter()
            .filter(|m| ids.contains(&m.id))
            .map(|m| m.path.clone())
            .chain(now.reports.iter().filter(|r| ids.contains(&r.id)).map(|r| r.path.clone()))
            .collect();
        Touched { ids, paths: changed, defining_paths, everything }
    }

    /// Whether `text` names a touched id (as a whole word) or a changed path.
    fn mentioned_in(&self, text: &str) -> bool {
        words(text).any(|word| self.ids.contains(word) || self.paths.contains(word))
    }
}

/// The ids the changed model and report files refer to: their units, and for a report the
/// models it reports on (one pass over the corpus, however many files changed).
fn file_references(corpus: &Corpus, changed: &BTreeSet<String>, ids: &mut BTreeSet<String>) {
    for model in corpus.models.iter().filter(|m| changed.contains(&m.path)) {
        ids.insert(model.id.clone());
        ids.extend(model.org.clone());
    }
    for report in corpus.reports.iter().filter(|r| changed.contains(&r.path)) {
        ids.insert(report.id.clone());
        ids.extend(report.org.clone());
        ids.extend(report.entries.iter().map(|e| e.model.clone()));
    }
}

/// Registry entries by id, each as its serialized value (positions left out).
fn entries<T: Serialize>(items: &[T], id: fn(&T) -> &String) -> BTreeMap<String, String> {
    items.iter().map(|item| (id(item).clone(), serde_json::to_string(item).unwrap_or_default())).collect()
}

/// Ids present in only one of two registries, or whose entries differ.
fn differing(a: BTreeMap<String, String>, b: BTreeMap<String, String>) -> Vec<String> {
    a.keys().chain(b.keys()).filter(|id| a.get(*id) != b.get(*id)).cloned().collect()
}

/// The file name of `path` without its extension (a model's or report's id).
fn stem(path: &str) -> Option<String> {
    let name = path.rsplit('/').next()?;
    Some(name.strip_suffix(".md").unwrap_or(name).to_owned())
}

/// Line `number` (1-based) of a file, lossily decoded.
fn line(text: &[u8], number: usize) -> String {
    let line = text.split(|&b| b == b'\n').nth(number.saturating_sub(1)).unwrap_or_default();
    String::from_utf8_lossy(line).into_owned()
}

/// The id-like words of a text: runs of ASCII letters, digits, `-`, `_`, `.` and `/` (so
/// paths stay whole), with trailing punctuation trimmed.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
        .map(|word| word.trim_end_matches(['.', '/']))
        .filter(|word| !word.is_empty())
}

/// Whether a code's rule reads more than the file it reports on (SPEC §3), so that a change
/// elsewhere can cause it. Every other code depends on its own file only.
fn is_cross_file(code: Code) -> bool {
    use Code::*;
    matches!(
        code,
        MIdDup
            | MPeriod
            | MPeriodEnd
            | MOrgUnknown
            | MOrgRoot
            | MOrgInactive
            | MGroup
            | C1Topic
            | C1TopicYear
            | C1TopicKind
            | C3MilestoneRange
            | C4NoResult
            | C5TargetUnknown
            | ARevision
            | ASource
            | ASourceRetired
            | SRetire
            | SReplacement
            | SPeriodOver
            | RIdDup
            | ROrg
            | RDup
            | RPeriod
            | RLate
            | RModelUnknown
            | RModelScope
            | RModelInactive
            | RModelMissing
            | RStatusMismatch
            | RValues
            | ROrgRef
            | VUnitYear
            | VReportMissing
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_ids_and_paths_whole() {
        let found: Vec<&str> =
            words("Mã mô hình `mh-a` đã được dùng ở tệp `content/mo-hinh/mh-a.md`. Đơn vị cb-x.").collect();
        assert!(found.contains(&"mh-a"));
        assert!(found.contains(&"content/mo-hinh/mh-a.md"));
        assert!(found.contains(&"cb-x"));
        assert!(!words("mh-a-b").any(|w| w == "mh-a"));
    }

    #[test]
    fn lines_are_one_based() {
        assert_eq!(line(b"a\nb: c\n", 2), "b: c");
        assert_eq!(line(b"a", 9), "");
    }
}
