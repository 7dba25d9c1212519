//! Which unit counts a model in a period (SPEC §8.2): the model's own unit, or, for a model
//! still running after its unit merged into another (`successor`, `active_to`), the unit that
//! carries it on for every period that ends after the merge. Form 02, coverage and the report
//! rules all count through here, so a model is counted once, under one unit, in every period.

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::model::Model;
use crate::content::unit::Unit;

/// The unit whose row counts `model` in a period ending on `end`: the model's `org`, passed
/// along the successor chain while the unit holding it closed before both `end` and the
/// model's effective end (the model still ran after the merge). `None` for a model without a
/// known unit or valid dates.
pub fn counting_unit<'a>(corpus: &'a Corpus, model: &Model, end: Date) -> Option<&'a Unit> {
    let until = end.min(model.effective_end()?);
    corpus.holder_at(model.org.as_deref()?, until)
}

/// The base unit (đảng bộ cơ sở / chi bộ cơ sở) that counts `model` in a period ending on
/// `end`: the base unit of [`counting_unit`].
pub fn counting_base<'a>(corpus: &'a Corpus, model: &Model, end: Date) -> Option<&'a Unit> {
    corpus.base_unit_of(&counting_unit(corpus, model, end)?.id)
}

#[cfg(test)]
mod tests;
