//! `guong`: a Git-backed static site generator for the programme of exemplary models of
//! studying and following Hồ Chí Minh's thought, ethics and style.
//!
//! Data flows one way: `source` → `parse` → `content` → `check` / `derive` → `render` →
//! `site` (output). See DESIGN.md for the why.

pub mod check;
pub mod cli;
pub mod cms;
pub mod content;
pub mod derive;
pub mod diagnostic;
pub mod history;
pub mod io_text;
pub mod office;
pub mod parse;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
