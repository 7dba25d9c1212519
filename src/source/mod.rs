//! Where the bytes of a site come from: the working tree or the tree of a Git commit,
//! behind one small trait so `--rev` and tests need no checkout. Every path is resolved by
//! [`trust`], the one gate that refuses what leaves the site root or enters a hidden path.

pub mod disk;
pub mod git;
pub mod resolve;
pub mod trust;

pub use trust::{FolderRefused, Listing, Located, Refusal, Skip, Skipped};

use trust::Tree;

/// Largest text file read: content files (SPEC §2, "max 1 MiB per file") and templates.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;
/// Largest file of `static/` (images, documents) read.
pub const MAX_STATIC_BYTES: u64 = 32 * 1024 * 1024;

/// One file of the site, with its path relative to the site root (`/`-separated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A readable site tree: any [`Tree`], read through the rules of [`trust`].
pub trait Source: Sync {
    /// Every file under the site folder `folder` (`content`, `templates`, `static`), sorted
    /// by path, and the files skipped (links that lead outside the root or into hidden
    /// paths, special files, files over the folder's size limit, unreadable files); hidden
    /// names are left out. Fails only when the folder itself is refused.
    fn files_under(&self, folder: &str) -> Result<Listing, FolderRefused>;

    /// Every file under `content/`, sorted by path, and those skipped.
    fn content_files(&self) -> Result<Listing, FolderRefused> {
        self.files_under("content")
    }

    /// Every file under `content/`, sorted by path, found but not read (read each with
    /// [`Source::read_content`]), and those skipped.
    fn find_content(&self) -> Result<(Vec<Located>, Vec<Skipped>), FolderRefused>;

    /// The bytes of one file given by [`Source::find_content`], or why it is skipped after
    /// all (unreadable, or grown past the limit since it was found).
    fn read_content(&self, found: Located) -> Result<SourceFile, Skipped>;

    /// The bytes of every file given by [`Source::find_content`], read in parallel; those
    /// that cannot be read after all join `skipped` (kept in path order).
    fn read_found(&self, found: Vec<Located>, skipped: &mut Vec<Skipped>) -> Vec<SourceFile>;

    /// One text file by its path relative to the root (links followed by the rules of
    /// [`trust`]); `Err(Refusal::Missing)` when absent.
    fn read(&self, path: &str) -> Result<Vec<u8>, Refusal>;
}

impl<T: Tree> Source for T {
    fn files_under(&self, folder: &str) -> Result<Listing, FolderRefused> {
        trust::list(self, folder, size_limit(folder))
    }

    fn find_content(&self) -> Result<(Vec<Located>, Vec<Skipped>), FolderRefused> {
        trust::find(self, "content", size_limit("content"))
    }

    fn read_content(&self, found: Located) -> Result<SourceFile, Skipped> {
        trust::read_located(self, found, size_limit("content"))
    }

    fn read_found(&self, found: Vec<Located>, skipped: &mut Vec<Skipped>) -> Vec<SourceFile> {
        trust::read_found(self, found, size_limit("content"), skipped)
    }

    fn read(&self, path: &str) -> Result<Vec<u8>, Refusal> {
        trust::read(self, path, MAX_TEXT_BYTES)
    }
}

/// The largest file read under the site folder `folder`.
pub fn size_limit(folder: &str) -> u64 {
    if folder == "static" || folder.starts_with("static/") { MAX_STATIC_BYTES } else { MAX_TEXT_BYTES }
}

/// Whether a relative path stays inside the root: no `..`, no absolute part, no empty or
/// `.` segments, no backslashes.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
}
