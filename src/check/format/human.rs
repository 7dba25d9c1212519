//! `--format human`: `path:line:col: LỖI [CODE] message`, the source line with a caret, a
//! `gợi ý:` hint, colour on a terminal, and a summary line.

use std::collections::HashMap;
use std::fmt::Write;

use crate::diagnostic::{Diagnostic, Severity, Summary};

/// Renders diagnostics for people. `sources` gives the text of each path (for the caret
/// line); `colour` adds ANSI colours.
pub fn human(diagnostics: &[Diagnostic], summary: Summary, sources: &HashMap<String, String>, colour: bool) -> String {
    let paint = |code: &str, text: &str| if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() };
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => paint("1;31", d.severity.label()),
            Severity::Warning => paint("1;33", d.severity.label()),
        };
        let _ = writeln!(
            out,
            "{}: {severity} [{}] {}",
            paint("1", &format!("{}:{}:{}", d.path, d.line, d.column)),
            d.code,
            d.message
        );
        if let Some(line) = sources.get(&d.path).and_then(|text| text.lines().nth(d.line - 1)) {
            let number = d.line.to_string();
            let gutter = " ".repeat(number.len());
            let shown: String = line.chars().take(200).collect();
            let caret_at = shown.chars().take(d.column - 1).map(|c| if c == '\t' { '\t' } else { ' ' });
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {shown}");
            let _ = writeln!(out, "{gutter} | {}{}", caret_at.collect::<String>(), paint("1;31", "^"));
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "  {} {hint}", paint("1;36", "gợi ý:"));
        }
    }
    let _ = writeln!(out, "{} lỗi, {} cảnh báo, {} tệp", summary.errors, summary.warnings, summary.files);
    out
}
