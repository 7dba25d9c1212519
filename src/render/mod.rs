//! Rendering: Markdown to safe HTML, the Tera environment (default theme plus site
//! overrides), and the page contexts templates see, documented for theme authors.

pub mod chart;
pub mod context;
pub mod engine;
pub mod escape;
pub mod excerpt;
pub mod format;
pub mod markdown;
pub mod theme;

pub use engine::{RenderError, Renderer};
