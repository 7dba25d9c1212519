//! `--format github`: workflow commands that annotate the pull request, and the Markdown
//! table appended to `GITHUB_STEP_SUMMARY` (GitHub shows only 10 annotations per kind).

use std::fmt::Write;

use crate::check::format::visible::visible;
use crate::diagnostic::{Diagnostic, Severity, Summary};

/// Escapes a workflow-command message (`%`, CR, LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow-command property (also `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error …::message` line per diagnostic.
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Content's own control characters are shown escaped; the line break before the
        // hint is the command's.
        let mut message = visible(&d.message).into_owned();
        if let Some(hint) = &d.hint {
            message.push_str("\ngợi ý: ");
            message.push_str(&visible(hint));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&visible(&d.path)),
            d.line,
            d.column,
            escape_property(d.code.as_str()),
            escape_data(&message)
        );
    }
    out
}

/// The full list as a Markdown table, with how to fix each finding, for the job's step
/// summary.
pub fn step_summary(diagnostics: &[Diagnostic], summary: Summary) -> String {
    let mut out =
        format!("### guong check: {} lỗi, {} cảnh báo, {} tệp\n\n", summary.errors, summary.warnings, summary.files);
    if diagnostics.is_empty() {
        return out;
    }
    out.push_str("| Mức | Mã | Vị trí | Nội dung | Cách sửa |\n|---|---|---|---|---|\n");
    let cell = |text: &str| visible(&text.replace('\n', " ")).replace('|', "\\|");
    for d in diagnostics {
        let _ = writeln!(
            out,
            "| {} | `{}` | `{}:{}:{}` | {} | {} |",
            d.severity.label(),
            d.code,
            cell(&d.path),
            d.line,
            d.column,
            cell(&d.message),
            cell(d.hint.as_deref().unwrap_or_default())
        );
    }
    out
}
