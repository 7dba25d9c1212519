//! Diagnostic output formats of `guong check --format`: human, json, github.

mod github;
mod human;
mod json;
pub mod visible;

pub use github::{github, step_summary};
pub use human::{human, sources_for};
pub use json::json;

/// Output format chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}
