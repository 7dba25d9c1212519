//! `guong check`: print every diagnostic in the chosen format; exit 1 on errors.
//!
//! `--rev REV` checks the tree of commit REV instead of the work tree (see `site_root`).
//!
//! `--changed-since REV` (for pull-request annotations) checks everything as usual, then
//! lists only the diagnostics the change since REV accounts for. The change is REV's tree
//! compared with the checked tree (the work tree, or the `--rev` commit): every file under
//! `content/` added, modified or deleted, compared by content. A diagnostic is listed iff
//! 1. it is on a changed file; or
//! 2. its code is a cross-file one (its rule reads other files: M-ID-DUP, M-PERIOD,
//!    M-PERIOD-END, M-ORG-UNKNOWN, M-ORG-ROOT, M-ORG-INACTIVE, M-GROUP, C1-TOPIC,
//!    C1-TOPIC-YEAR, C1-TOPIC-KIND, C3-MILESTONE-RANGE, C4-NO-RESULT, C5-TARGET-UNKNOWN,
//!    A-REVISION, A-SOURCE, A-SOURCE-RETIRED, S-RETIRE, S-REPLACEMENT, S-PERIOD-OVER,
//!    R-ID-DUP, R-ORG, R-DUP, R-PERIOD, R-LATE, R-MODEL-UNKNOWN, R-MODEL-SCOPE,
//!    R-MODEL-INACTIVE, R-MODEL-MISSING, R-STATUS-MISMATCH, R-VALUES, R-ORG-REF, V-UNIT-YEAR,
//!    V-REPORT-MISSING) and the change touches what it is about:
//!    - `danh-muc.yml` changed `as_of`, `coverage_from`, `report_grace_days` or `periods`
//!      (every cross-file diagnostic depends on them); or
//!    - it is on the file of a model or report whose id is touched; or
//!    - its message, or the source line it points at, names a touched id or a changed
//!      path as a whole word.
//!
//!    The touched ids are gathered from both versions (REV's and the checked one) of each
//!    changed file: for a model, its id (the file name) and its `org`; for a report, its
//!    id, its `org` and the models it reports on; for `to-chuc.yml`, the units added,
//!    removed or edited; for `danh-muc.yml`, the groups and topics added, removed or edited.
//!
//! So a new model of unit `x` brings the coverage warning of `x` on `to-chuc.yml` and the
//! "model missing from the report" warnings naming it; deleting a model brings the reports
//! and models that still refer to it. The summary line counts the listed diagnostics, and
//! the exit code follows them: errors elsewhere do not fail the pull request's check (the
//! full `check` and `build` still do). A REV that names no commit is a usage error (exit
//! 2); a REV from before the site existed leaves every file changed. A file the source
//! skips (P-LINK, P-SPECIAL, P-SIZE, P-READ) counts as changed unless REV's tree skips it
//! for the same reason.

use std::io::Write;
use std::path::Path;

use crate::check::changed::caused_by;
use crate::check::check_files;
use crate::check::format::{Format, github, human, json, sources_for, step_summary};
use crate::cli::{Failure, SiteRoot, colored, leave_for_exit};
use crate::diagnostic::{Severity, Summary};
use crate::parse::markdown::Reading;
use crate::source::git::{GitError, changed_since as git_changed_since};

pub fn run(
    root: &Path,
    format: Format,
    rev: Option<&str>,
    changed_since: Option<&str>,
    deny_warnings: bool,
) -> Result<(), Failure> {
    // Without --changed-since the sources are not needed again: each is read while loading
    // and freed once parsed.
    let mut site = if changed_since.is_some() { SiteRoot::open(root, rev)? } else { SiteRoot::open_unread(root, rev)? };
    let changes = match changed_since {
        Some(since) => Some(git_changed_since(&site.dir, since, &site.files).map_err(|error| match error {
            GitError::Git(_) => Failure::Io(format!("--changed-since: {error}")),
            _ => Failure::Usage(format!("--changed-since: {error}")),
        })?),
        None => None,
    };
    let (checked, scoped) = match &changes {
        Some(changes) => {
            let checked = check_files(&site.files).with_skipped(&site.skipped);
            // A skipped file (a link, a FIFO) is news of the change unless REV skipped it alike.
            let mut paths = changes.paths.clone();
            paths.extend(site.skipped.iter().filter(|s| !changes.skipped.contains(s)).map(|s| s.path.clone()));
            let scoped = caused_by(&checked, &site.files, &paths, &changes.before);
            (checked, Some(scoped))
        }
        None => (site.check(Reading::Check), None),
    };
    let diagnostics = scoped.as_ref().unwrap_or(&checked.diagnostics);
    let summary = Summary::of(diagnostics, checked.corpus.files);
    let text = match format {
        Format::Human => {
            let sources = if site.files.is_empty() {
                SiteRoot::reread_sources(root, rev, diagnostics)
            } else {
                sources_for(&site.files, diagnostics)
            };
            human(diagnostics, summary, &sources, colored(&std::io::stdout()))
        }
        Format::Json => json(diagnostics, summary),
        Format::Github => {
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
                let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
                file.write_all(step_summary(diagnostics, summary).as_bytes())?;
            }
            github(diagnostics)
        }
    };
    std::io::stdout().write_all(text.as_bytes())?;
    let failing = summary.errors > 0 || (deny_warnings && diagnostics.iter().any(|d| d.severity == Severity::Warning));
    leave_for_exit((checked, scoped, site));
    if failing { Err(Failure::Content) } else { Ok(()) }
}
