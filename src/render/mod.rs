//! Rendering: the Tera environment (default theme plus site overrides), the page contexts
//! templates see, documented for theme authors, and SVG charts. Bodies come already as safe
//! HTML (`parse::markdown`, read once with the rest of the body).

pub mod chart;
pub mod context;
pub mod engine;
pub mod escape;
pub mod excerpt;
pub mod format;
pub mod theme;

pub use engine::{RenderError, Renderer};
