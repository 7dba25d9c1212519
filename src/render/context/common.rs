//! Pieces every page shares: links, coded values with labels, the site and page metadata.

use serde::{Serialize, Serializer};

use crate::render::context::history::PageHistory;

/// A part of a page made from `inputs` by `make` only when the page is rendered (a chart):
/// a page kept from the previous build never makes it. `make` must be a pure function of
/// `inputs`: a page's fingerprint encodes the inputs (its encoder is the one serializer that
/// is not human-readable), the rendered page the HTML `make` returns.
#[derive(Clone, Debug)]
pub struct OnRender<I> {
    inputs: I,
    make: fn(&I) -> String,
}

impl<I> OnRender<I> {
    /// The part `make` makes from `inputs`, when the page is rendered.
    pub fn new(inputs: I, make: fn(&I) -> String) -> OnRender<I> {
        OnRender { inputs, make }
    }
}

impl<I: Serialize> Serialize for OnRender<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.serialize_str(&(self.make)(&self.inputs))
        } else {
            self.inputs.serialize(serializer)
        }
    }
}

/// A link: its text and an address that already includes the base path.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
}

/// A value of a closed vocabulary: its code (for CSS classes, e.g. `status-dang_thuc_hien`)
/// and its Vietnamese label.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Coded {
    pub code: String,
    pub label: String,
}

/// The site, the same for every page (template variable `site`).
#[derive(Clone, Debug, Serialize)]
pub struct SiteInfo {
    pub title: String,
    pub description: Option<String>,
    /// Language code for `<html lang>`.
    pub language: String,
    /// Path prefix of every internal address: `/` or `/sub/path/`.
    pub base: String,
    /// Absolute address of the home page, ending with `/`.
    pub base_url: String,
    pub repo_url: Option<String>,
    /// Main navigation, in order.
    pub nav: Vec<NavItem>,
    /// Free pages, by weight then title (for the footer).
    pub pages: Vec<Link>,
    /// Address of the Atom feed.
    pub feed_href: String,
    /// The catalog's `as_of` date (the "today" of the data), dd/mm/yyyy.
    pub as_of: Option<String>,
    /// The root unit (the đảng bộ above the base units), for text that names the whole
    /// organisation: guong itself never writes an organisation's name.
    pub organisation: Option<Organisation>,
}

/// How pages name the root unit (`to-chuc.yml`, `kind: dang_bo_khoi`).
#[derive(Clone, Debug, Serialize)]
pub struct Organisation {
    pub name: String,
    /// `short_name`, else the name.
    pub short_name: String,
    /// The committee (`committee`, else "Đảng ủy …" from the name).
    pub committee: String,
}

/// One entry of the main navigation.
#[derive(Clone, Debug, Serialize)]
pub struct NavItem {
    pub text: String,
    pub href: String,
    /// The section key pages name in [`PageMeta::section`] to mark this entry current.
    pub section: String,
}

/// This page's metadata (template variable `meta`).
#[derive(Clone, Debug, Serialize, Default)]
pub struct PageMeta {
    /// The page's own title (the layout adds the site title to `<title>`).
    pub title: String,
    pub description: Option<String>,
    /// This page's address (with base path).
    pub href: String,
    /// This page's absolute address, for `<link rel="canonical">`.
    pub canonical: String,
    /// Navigation section this page belongs to (`mo-hinh`, `don-vi`, …; empty for none).
    pub section: String,
    /// Parents of this page, outermost first (the home page is implied).
    pub breadcrumbs: Vec<Link>,
    /// Previous and next page of a paginated list.
    pub prev: Option<String>,
    pub next: Option<String>,
    /// "Sửa trang này": the source file in the repository's editor, when `edit_url` is set.
    pub edit_href: Option<String>,
    /// Git history of the page's source: dates, contributors, changes (SPEC §6).
    pub history: Option<PageHistory>,
}
