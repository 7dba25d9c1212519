//! `guong check`: print every diagnostic in the chosen format; exit 1 on errors.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::check::check_files;
use crate::check::format::{Format, github, human, json, step_summary};
use crate::cli::{Failure, SiteRoot};
use crate::diagnostic::Severity;

pub fn run(
    root: &Path,
    format: Format,
    rev: Option<&str>,
    changed_since: Option<&str>,
    deny_warnings: bool,
) -> Result<(), Failure> {
    if changed_since.is_some() {
        return Err(Failure::Usage("--changed-since chưa được hỗ trợ".to_owned()));
    }
    let site = SiteRoot::open(root, rev)?;
    let checked = check_files(&site.files);
    let summary = checked.summary();
    let diagnostics = &checked.diagnostics;
    let text = match format {
        Format::Human => {
            let sources: HashMap<String, String> = site
                .files
                .iter()
                .filter(|f| diagnostics.iter().any(|d| d.path == f.path))
                .map(|f| (f.path.clone(), String::from_utf8_lossy(&f.bytes).replace("\r\n", "\n")))
                .collect();
            human(diagnostics, summary, &sources, std::io::stdout().is_terminal())
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
    if failing { Err(Failure::Content) } else { Ok(()) }
}
