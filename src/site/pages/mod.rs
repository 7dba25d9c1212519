//! The page families: each module decides which addresses it owns and what each shows, and
//! returns them as [`Job`]s. To add a family (search index, form 02, compliance, …), write a
//! module with `pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>>` and list it in
//! [`FAMILIES`]; it may return pages (`Job::page`) and any other files (`Job::file`).

pub mod admin;
mod commendations;
mod compliance;
mod evaluations;
mod form02;
mod free;
mod gallery;
mod home;
mod model;
mod paginate;
mod period;
mod reports;
mod results;
mod search;
pub mod special;
mod taxonomy;
mod units;

use crate::site::context::BuildContext;
use crate::site::job::Job;

/// A family of pages.
pub type Family = for<'a> fn(&'a BuildContext<'a>) -> Vec<Job<'a>>;

/// Every family. The output does not depend on the order, but the time does: on two cores
/// the build runs the two halves of the list side by side, each in order, the first core free
/// taking what is left of the other. The search index, long and mostly on one core, starts
/// right after form 02 so that it does not end the build alone; starting it beside the model
/// pages instead would hold both at once and raise the peak memory.
pub const FAMILIES: &[Family] = &[
    home::jobs,
    gallery::jobs,
    model::jobs,
    units::jobs,
    taxonomy::jobs,
    reports::jobs,
    free::jobs,
    special::jobs,
    form02::jobs,
    search::jobs,
    period::jobs,
    compliance::jobs,
    commendations::jobs,
    evaluations::jobs,
];
