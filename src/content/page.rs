//! Free pages (`content/trang/**/<slug>.md`).

use serde::Serialize;

use crate::content::read::{int, string};
use crate::parse::markdown::Body;
use crate::parse::yaml::Node;

/// A free page.
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// The file stem, a validated slug.
    pub slug: String,
    pub path: String,
    pub title: String,
    pub weight: i64,
    pub description: Option<String>,
    #[serde(skip)]
    pub body: Body,
}

impl Page {
    /// Reads a page's front matter and body.
    pub fn read(slug: String, path: String, front: Node, body: Body) -> Page {
        Page {
            slug,
            path,
            title: string(&front, "title").unwrap_or_default(),
            weight: int(&front, "weight").unwrap_or(0),
            description: string(&front, "description"),
            body,
        }
    }
}
