//! A model's recognitions (biểu dương, khen thưởng) as the published files write them: the
//! period summary lists all of a model's recognitions, form 02 those dated within its period.

use serde::Serialize;

use crate::content::date::Date;
use crate::content::model::Recognition;
use crate::derive::form02::iso;

/// One recognition of a model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Commendation {
    #[serde(serialize_with = "iso")]
    pub date: Option<Date>,
    /// The level's code (`co_so`, `dang_uy_khoi`, …).
    pub level: Option<String>,
    pub form: Option<String>,
    pub decision: Option<String>,
}

/// `recognitions` as written in the files, by date (undated first, then in file order).
pub fn commendations<'a>(recognitions: impl Iterator<Item = &'a Recognition>) -> Vec<Commendation> {
    let mut list: Vec<Commendation> = recognitions
        .map(|r| Commendation {
            date: r.date,
            level: r.level.clone(),
            form: r.form.clone(),
            decision: r.decision.clone(),
        })
        .collect();
    list.sort_by_key(|c| c.date);
    list
}
