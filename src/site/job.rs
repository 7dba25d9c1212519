//! A unit of output: one file of the published site, produced on demand (in parallel, by
//! the build) from a page context and template, or from any function returning bytes.

use serde::Serialize;

use crate::render::context::PageMeta;
use crate::render::{RenderError, Renderer};
use crate::site::urls::file_of;

type Produce<'a> = Box<dyn FnOnce(&Renderer) -> Result<Vec<u8>, RenderError> + Send + 'a>;

/// One output file, not yet produced. Families of pages return jobs; the build runs them.
pub struct Job<'a> {
    /// Path of the file relative to the output folder (`mo-hinh/x/index.html`).
    pub path: String,
    /// The page's address relative to the base path, when it belongs in the sitemap.
    pub sitemap: Option<String>,
    /// Whether the file is an HTML page (counted as a page in the summary).
    pub is_page: bool,
    produce: Produce<'a>,
}

impl<'a> Job<'a> {
    /// An HTML page at `url` (`mo-hinh/x/`), rendered from `template` with the context that
    /// `make` builds when the job runs (so contexts live only while their page renders).
    pub fn page<T, F>(url: String, template: &'static str, make: F) -> Job<'a>
    where
        T: Serialize,
        F: FnOnce() -> (PageMeta, T) + Send + 'a,
    {
        Job {
            path: file_of(&url),
            sitemap: Some(url),
            is_page: true,
            produce: Box::new(move |renderer| {
                let (meta, page) = make();
                renderer.render(template, &meta, &page)
            }),
        }
    }

    /// A file at `path` rendered from `template` (XML, text) with the context `make` builds.
    pub fn templated<T, F>(path: &str, template: &'static str, make: F) -> Job<'a>
    where
        T: Serialize,
        F: FnOnce() -> (PageMeta, T) + Send + 'a,
    {
        Job { sitemap: None, is_page: false, ..Job::page(path.to_owned(), template, make) }
    }

    /// Any file: `make` returns its bytes (search index shards, CSV, JSON, static files).
    pub fn file<F>(path: String, make: F) -> Job<'a>
    where
        F: FnOnce() -> Vec<u8> + Send + 'a,
    {
        Job { path, sitemap: None, is_page: false, produce: Box::new(move |_| Ok(make())) }
    }

    /// A file whose writer may fail (office documents); the failure stops the build with
    /// its message.
    pub fn fallible_file<F, E>(path: String, make: F) -> Job<'a>
    where
        F: FnOnce() -> Result<Vec<u8>, E> + Send + 'a,
        E: std::fmt::Display,
    {
        let shown = path.clone();
        let produce = move |_: &Renderer| {
            make().map_err(|e| RenderError { message: format!("không ghi được tệp `{shown}`: {e}") })
        };
        Job { path: path.clone(), sitemap: None, is_page: false, produce: Box::new(produce) }
    }

    /// Keeps a page out of the sitemap (e.g. `404.html`).
    pub fn unlisted(mut self) -> Job<'a> {
        self.sitemap = None;
        self
    }

    /// Produces the file's bytes.
    pub fn run(self, renderer: &Renderer) -> Result<Vec<u8>, RenderError> {
        (self.produce)(renderer)
    }
}
