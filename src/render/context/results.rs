//! Measured results as model pages show them: each reported value of an indicator, with
//! the report it comes from.

use serde::Serialize;

use crate::render::context::common::Link;

/// A value reported for an indicator in one period.
#[derive(Clone, Debug, Serialize)]
pub struct ResultRow {
    /// "6 tháng đầu năm 2023".
    pub period: String,
    /// The value, written the Vietnamese way.
    pub value: String,
    /// The report holding it (when reports are published).
    pub report: Option<Link>,
}
