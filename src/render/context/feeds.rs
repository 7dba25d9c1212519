//! Machine-read files: `/feed.xml` (Atom), `/sitemap.xml`, `/robots.txt`. Addresses here are
//! absolute (with the base URL), dates are RFC 3339.

use serde::Serialize;

/// `/feed.xml` (template `feed.xml`): one entry per published model.
#[derive(Clone, Debug, Serialize)]
pub struct FeedPage {
    /// Absolute address of the feed itself.
    pub self_url: String,
    /// The newest entry date (or the catalog's `as_of`).
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

/// A model in the feed.
#[derive(Clone, Debug, Serialize)]
pub struct FeedEntry {
    pub title: String,
    pub url: String,
    /// The latest of the model's own dates (start, end, retirement, recognition) up to `as_of`.
    pub updated: String,
    pub summary: Option<String>,
    pub author: Option<String>,
}

/// `/sitemap.xml` (template `sitemap.xml`).
#[derive(Clone, Debug, Serialize)]
pub struct SitemapPage {
    /// Absolute addresses of every listed page, sorted.
    pub urls: Vec<String>,
}

/// `/robots.txt` (template `robots.txt`).
#[derive(Clone, Debug, Serialize)]
pub struct RobotsPage {
    pub sitemap_url: String,
}
