//! The site: which pages exist and what each shows (`pages/`), the build orchestration
//! (parallel rendering with rayon) and the output writer (staging folder, swap, hashed
//! asset names).

pub mod assets;
pub mod build;
pub mod cache;
pub mod context;
pub mod fingerprint;
mod history;
pub mod job;
mod links;
pub mod output;
pub mod owned;
pub mod pages;
pub mod urls;

pub use build::{BuildError, Built, build};
pub use context::BuildContext;
pub use job::Job;
pub use links::{AsCoded, coded};
