//! What templates see: one plain, serializable struct per page kind, plus the pieces they
//! share. Every page template receives three variables:
//!
//! - `site` ([`SiteInfo`]): the site's title, base path, navigation (same on every page);
//! - `meta` ([`PageMeta`]): this page's title, canonical address, breadcrumbs, edit link;
//! - `page`: the page kind's own struct, named in each template's header comment.
//!
//! Text is plain (templates escape it); fields ending in `_html` are already safe HTML.
//! Dates are `dd/mm/yyyy` strings, numbers are written the Vietnamese way (`88,2`), and every
//! `href` already starts with the site's base path. Lists are in display order.
//!
//! Templates also get the function `asset(path="style.css")`, the address of a static file
//! with its content hash (`/style.3f9a1c2b.css`).

pub mod commendation;
pub mod common;
pub mod compliance;
pub mod evaluation;
pub mod feeds;
pub mod form02;
pub mod history;
pub mod lists;
pub mod model;
pub mod period;
pub mod report;
pub mod results;
pub mod text;
pub mod unit;

pub use common::{Coded, Link, OnRender, PageMeta, SiteInfo};
