//! Where the bytes of a site come from: the working tree or the tree of a Git commit,
//! behind one small trait so `--rev` and tests need no checkout.

pub mod disk;
pub mod git;
pub mod resolve;

use std::io;

/// One file of the site, with its path relative to the site root (`/`-separated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A readable site tree.
pub trait Source: Sync {
    /// Every file under the site folder `folder` (`content`, `templates`, `static`), sorted
    /// by path; hidden files and links leading outside the root are left out.
    fn files_under(&self, folder: &str) -> io::Result<Vec<SourceFile>>;

    /// Every file under `content/`, sorted by path.
    fn content_files(&self) -> io::Result<Vec<SourceFile>> {
        self.files_under("content")
    }

    /// One file by its path relative to the root; `None` when absent.
    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>>;
}

/// Whether a relative path stays inside the root: no `..`, no absolute part, no empty or
/// `.` segments, no backslashes.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}
