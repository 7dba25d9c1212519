//! `--format json`: one document with every diagnostic and the summary.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Summary};

#[derive(Serialize)]
struct Document<'a> {
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

/// The JSON document of SPEC §4.
pub fn json(diagnostics: &[Diagnostic], summary: Summary) -> String {
    let mut text = serde_json::to_string_pretty(&Document { diagnostics, summary }).unwrap_or_default();
    text.push('\n');
    text
}
