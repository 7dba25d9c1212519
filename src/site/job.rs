//! A unit of output: one file of the published site, produced on demand (in parallel, by
//! the build) from a page context and template, or from any function returning bytes.
//!
//! Pages and documents have a fingerprint (see `site::fingerprint`): everything they are
//! made from, computed before making them; when the previous file made from the same
//! fingerprint can be kept, it is not made again. A folder made as a whole (the search
//! index) has one fingerprint for all its files, and a file of it may have one of its own, of
//! the fewer inputs it is made from (kept when the folder is made again). Other files (static
//! files, tables) name no inputs and are made every time.

use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::render::context::PageMeta;
use crate::render::{RenderError, Renderer};
use crate::site::cache::MemoPlace;
use crate::site::fingerprint::Fingerprint;
use crate::site::urls::file_of;

type Produce<'a> = Box<dyn FnOnce(&Renderer, &dyn Previous, &str) -> Result<Made, RenderError> + Send + 'a>;

/// A file of a folder job: its path relative to the output, what makes its bytes and, when
/// they are a function of fewer inputs than the whole folder's, the fingerprint of those: a
/// folder made again then keeps each such file whose fingerprint did not change.
pub struct LaterFile {
    pub path: String,
    pub fingerprint: Option<Fingerprint>,
    pub make: Box<dyn FnOnce() -> Vec<u8> + Send>,
}

/// Where a job may find the file it would make, made before from the same fingerprint.
pub trait Previous: Sync {
    /// Whether the file at `path` made from `fingerprint` is kept, so need not be made.
    fn keep(&self, path: &str, fingerprint: Fingerprint) -> bool;

    /// Keeps every file of the folder `folder` when the folder was made before from
    /// `fingerprint`, and returns how many; `None` (nothing kept) unless every one of them can
    /// be kept.
    fn keep_folder(&self, _folder: &str, _fingerprint: Fingerprint) -> Option<usize> {
        None
    }

    /// Where the folder job of `folder` may keep what it computed for later builds (see
    /// [`MemoPlace`]); `None`: nowhere.
    fn memo(&self, _folder: &str) -> Option<MemoPlace> {
        None
    }
}

/// No previous files: every job makes its file.
pub struct NoPrevious;

impl Previous for NoPrevious {
    fn keep(&self, _: &str, _: Fingerprint) -> bool {
        false
    }
}

/// What running a job gave.
pub enum Made {
    /// The file's bytes, with the fingerprint they were made from when the job has one.
    Bytes(Vec<u8>, Option<Fingerprint>),
    /// The previous file made from the same fingerprint was kept.
    Kept,
    /// The files of a folder job, made from the folder's fingerprint when it has one (and
    /// some from their own, see [`LaterFile`]).
    Folder(Vec<LaterFile>, Option<Fingerprint>),
    /// This many files of a folder, made before from the same fingerprint, were kept.
    KeptFolder(usize),
}

/// One output file, not yet produced. Families of pages return jobs; the build runs them.
pub struct Job<'a> {
    /// Path of the file relative to the output folder (`mo-hinh/x/index.html`).
    pub path: String,
    /// The page's address relative to the base path, when it belongs in the sitemap.
    pub sitemap: Option<String>,
    /// Whether the file is an HTML page (counted as a page in the summary).
    pub is_page: bool,
    /// Whether `path` is a folder whose every file this job makes (see [`Job::folder`]).
    pub is_folder: bool,
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
            is_folder: false,
            produce: Box::new(move |renderer, previous, path| {
                let (meta, page) = make();
                let fingerprint = renderer.fingerprint(template, &meta, &page);
                if fingerprint.is_some_and(|f| previous.keep(path, f)) {
                    return Ok(Made::Kept);
                }
                Ok(Made::Bytes(renderer.render(template, &meta, &page)?, fingerprint))
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
        let produce = Box::new(move |_: &Renderer, _: &dyn Previous, _: &str| Ok(Made::Bytes(make(), None)));
        Job { path, sitemap: None, is_page: false, is_folder: false, produce }
    }

    /// A document (Word, Excel) written by `write` from `inputs`, which must hold everything
    /// it is made from: their fingerprint decides whether the previous file is kept.
    pub fn document<T, I, W, E>(path: String, inputs: I, write: W) -> Job<'a>
    where
        T: Serialize,
        I: FnOnce() -> T + Send + 'a,
        W: FnOnce(T) -> Result<Vec<u8>, E> + Send + 'a,
        E: std::fmt::Display,
    {
        let produce = move |_: &Renderer, previous: &dyn Previous, path: &str| {
            let inputs = inputs();
            let fingerprint = Fingerprint::of(&[b"document", path.as_bytes()], &inputs).ok();
            if fingerprint.is_some_and(|f| previous.keep(path, f)) {
                return Ok(Made::Kept);
            }
            let bytes = write(inputs)
                .map_err(|e| RenderError { message: format!("không ghi được tệp `{path}`: {e}") })?;
            Ok(Made::Bytes(bytes, fingerprint))
        };
        Job { path, sitemap: None, is_page: false, is_folder: false, produce: Box::new(produce) }
    }

    /// Every file of the folder `path` (`tim-kiem`), made together by `make` from `inputs`,
    /// which must hold everything they are made from: when their fingerprint did not change,
    /// the previous files are kept. `make` is also given the place of the folder's memo, when
    /// there is one. No other job may write inside the folder.
    pub fn folder<T, I, M>(path: String, inputs: I, make: M) -> Job<'a>
    where
        T: Serialize,
        I: FnOnce() -> T + Send + 'a,
        M: FnOnce(T, Option<MemoPlace>) -> Vec<LaterFile> + Send + 'a,
    {
        let produce = move |_: &Renderer, previous: &dyn Previous, path: &str| {
            let inputs = inputs();
            let fingerprint = Fingerprint::of(&[b"folder", path.as_bytes()], &inputs).ok();
            if let Some(kept) = fingerprint.and_then(|f| previous.keep_folder(path, f)) {
                return Ok(Made::KeptFolder(kept));
            }
            let files = make(inputs, previous.memo(path));
            let prefix = format!("{path}/");
            if let Some(stray) = files.iter().find(|file| !file.path.starts_with(&prefix)) {
                let stray = &stray.path;
                return Err(RenderError { message: format!("tệp `{stray}` nằm ngoài thư mục `{path}`") });
            }
            Ok(Made::Folder(files, fingerprint))
        };
        Job { path, sitemap: None, is_page: false, is_folder: true, produce: Box::new(produce) }
    }

    /// Keeps a page out of the sitemap (e.g. `404.html`).
    pub fn unlisted(mut self) -> Job<'a> {
        self.sitemap = None;
        self
    }

    /// Produces the file, or keeps the previous one when `previous` holds it.
    pub fn run(self, renderer: &Renderer, previous: &dyn Previous) -> Result<Made, RenderError> {
        (self.produce)(renderer, previous, &self.path)
    }
}

/// A context two jobs are made from (a page and its Word file), made by whichever of them runs
/// first and shared with the other. List the two jobs side by side: the build runs neighbours
/// together, so the context is dropped soon after it is made.
pub struct Shared<T, F> {
    make: F,
    made: OnceLock<Arc<T>>,
}

impl<T, F: Fn() -> T> Shared<T, F> {
    /// A context that `make` builds when a job first asks for it.
    pub fn new(make: F) -> Arc<Self> {
        Arc::new(Shared { make, made: OnceLock::new() })
    }

    /// The context, made now when no job asked for it before.
    pub fn get(&self) -> Arc<T> {
        Arc::clone(self.made.get_or_init(|| Arc::new((self.make)())))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::Shared;

    #[test]
    fn a_shared_context_is_made_once_whichever_job_asks_first() {
        let made = AtomicUsize::new(0);
        let shared = Shared::new(|| {
            made.fetch_add(1, Ordering::Relaxed);
            vec!["ngữ cảnh".to_owned()]
        });
        let (first, second) = (shared.get(), shared.get());
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(made.load(Ordering::Relaxed), 1);
        assert_eq!(first[0], "ngữ cảnh");
    }
}
