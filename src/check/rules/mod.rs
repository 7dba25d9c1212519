//! The rule families of SPEC §3 after parsing: one module per family, each rule a small
//! function named after its code.

use crate::content::corpus::Corpus;
use crate::diagnostic::Diagnostic;

/// Runs every family over the corpus.
pub fn run(_corpus: &Corpus, _out: &mut Vec<Diagnostic>) {}
