//! Pages that list models: model cards, the paginated gallery, models by group and by
//! topic, and the home page. List pages carry titles, links and summaries, never bodies.

use serde::Serialize;

use crate::render::context::common::{Coded, Link};
use crate::render::context::report::ReportRow;

/// A model as a card in a list.
#[derive(Clone, Debug, Serialize)]
pub struct ModelCard {
    pub id: String,
    pub title: String,
    pub href: String,
    /// The TC1 summary ("Nội dung làm theo").
    pub summary: Option<String>,
    /// Short name of the unit carrying the model.
    pub org: Option<String>,
    /// Name of the collective or person.
    pub subject: String,
    pub subject_kind: Option<Coded>,
    pub group: Option<String>,
    pub approach: Option<Coded>,
    pub status: Option<Coded>,
    /// Start date, dd/mm/yyyy.
    pub start: Option<String>,
    /// The years of the model's period, "Giai đoạn 2021–2025" (tells a model from the one
    /// carrying it on in the next period).
    pub period: Option<String>,
    pub retired: bool,
    pub featured: bool,
}

/// Links between the pages of a paginated list.
#[derive(Clone, Debug, Serialize)]
pub struct Pagination {
    /// 1-based number of this page.
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Pages to link, in order: the first, the last and those around the current one, with
    /// a gap entry where numbers are skipped.
    pub pages: Vec<PageLink>,
}

/// One page of a paginated list, or a gap ("…") between shown page numbers.
#[derive(Clone, Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
    pub gap: bool,
}

/// `/mo-hinh/` and `/mo-hinh/trang-N/`: one page of the gallery (template `gallery.html`).
#[derive(Clone, Debug, Serialize)]
pub struct GalleryPage {
    /// Published (not retired) models in the gallery, all pages together.
    pub total: usize,
    /// Number of retired models hidden from the gallery.
    pub retired: usize,
    /// 1-based index of this page's first card in the gallery.
    pub first: usize,
    pub cards: Vec<ModelCard>,
    pub pagination: Pagination,
}

/// `/nhom/<id>/` and `/chuyen-de/<id>/` (paginated like the gallery): the models of one
/// group or topic (templates `group.html`, `topic.html`).
#[derive(Clone, Debug, Serialize)]
pub struct ModelListPage {
    pub id: String,
    pub title: String,
    /// Facts about the group or topic (kind, year, issued).
    pub facts: Vec<Fact>,
    /// Published models (not retired) of the group or topic, all pages together.
    pub total: usize,
    /// This page's models still running or completed, in title order.
    pub cards: Vec<ModelCard>,
    /// Retired models, in title order (on the first page only).
    pub retired: Vec<ModelCard>,
    pub pagination: Pagination,
}

/// A labelled value.
#[derive(Clone, Debug, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// `/nhom/` and `/chuyen-de/`: an index of groups or topics (templates `groups.html`,
/// `topics.html`).
#[derive(Clone, Debug, Serialize)]
pub struct IndexPage {
    /// Sections in order (topics are grouped by kind; groups have one section).
    pub sections: Vec<IndexSection>,
}

/// A titled list of entries in an index page.
#[derive(Clone, Debug, Serialize)]
pub struct IndexSection {
    pub title: String,
    pub entries: Vec<IndexEntry>,
}

/// A group or topic with its number of published models.
#[derive(Clone, Debug, Serialize)]
pub struct IndexEntry {
    pub link: Link,
    pub models: usize,
    /// Extra text (year, issuing document).
    pub note: Option<String>,
}

/// `/`: the home page (template `index.html`).
#[derive(Clone, Debug, Serialize)]
pub struct HomePage {
    /// The current programme period (the one holding `as_of`, else the latest that started
    /// before it), when there is one.
    pub current_period: Option<CurrentPeriod>,
    /// Models marked `featured`, not retired, in title order.
    pub featured: Vec<ModelCard>,
    /// Key counts, in order.
    pub stats: Vec<Stat>,
    /// The most recently started models, leaving out those in `featured`.
    pub newest: Vec<ModelCard>,
    /// What `stats`, `groups` and `approaches` span: every period, "từ 2021 đến nay" (from
    /// the first period's year).
    pub scope: Option<String>,
    /// The most recent reports (empty when reports are not published).
    pub reports: Vec<ReportRow>,
    /// Groups with their model counts.
    pub groups: Vec<IndexEntry>,
    /// Approaches (xây dựng mới, củng cố, nhân rộng) with their model counts; no page (`href` empty).
    pub approaches: Vec<IndexEntry>,
    /// Inline SVG charts of `groups` and `approaches` (safe HTML).
    pub chart_groups_html: String,
    pub chart_approaches_html: String,
}

/// The current programme period on the home page.
#[derive(Clone, Debug, Serialize)]
pub struct CurrentPeriod {
    /// Its name, linking to its summary (`/giai-doan/<id>/`).
    pub link: Link,
    /// "01/01/2026 – 31/12/2030".
    pub range: String,
    pub guidance: Option<String>,
    /// How many models it holds, written the Vietnamese way.
    pub models: String,
    /// The gallery filtered to its models (`/mo-hinh/?giai-doan=<id>`).
    pub gallery_href: String,
}

/// A labelled count.
#[derive(Clone, Debug, Serialize)]
pub struct Stat {
    pub label: String,
    /// The number, written the Vietnamese way.
    pub value: String,
    pub href: Option<String>,
}
