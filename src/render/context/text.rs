//! Pages of free text: `/trang/<slug>/` and `/404.html`.

use serde::Serialize;

/// `/trang/<slug>/`: a free page (template `page.html`).
#[derive(Clone, Debug, Serialize)]
pub struct FreePage {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub body_html: String,
}

/// `/404.html` (template `404.html`): nothing beyond `site` and `meta`.
#[derive(Clone, Debug, Serialize)]
pub struct NotFoundPage {}
