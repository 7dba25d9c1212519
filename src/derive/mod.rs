//! Facts computed from a checked corpus: the periods covered, form 02 tables, measured
//! results of models. Pure functions of the corpus: the checker and the site both call them,
//! so every number is computed once.

pub mod calendar;
pub mod commendation;
pub mod counting;
pub mod coverage;
pub mod form02;
pub mod party_document;
pub mod period_summary;
pub mod results;

#[cfg(test)]
mod fixture;
