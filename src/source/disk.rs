//! The working tree as a source: files under `<root>/content` (and the theme overrides),
//! refusing links that leave the root.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{Source, SourceFile, is_safe_relative};

/// A site root on disk.
pub struct DiskSource {
    root: PathBuf,
    canonical_root: PathBuf,
}

impl DiskSource {
    /// A source reading the site at `root`.
    pub fn new(root: &Path) -> io::Result<DiskSource> {
        Ok(DiskSource { root: root.to_path_buf(), canonical_root: root.canonicalize()? })
    }

    /// Whether `path` (possibly through links) resolves inside the root.
    fn inside_root(&self, path: &Path) -> bool {
        path.canonicalize().is_ok_and(|real| real.starts_with(&self.canonical_root))
    }
}

impl Source for DiskSource {
    fn files_under(&self, folder: &str) -> io::Result<Vec<SourceFile>> {
        let content = self.root.join(folder);
        if !is_safe_relative(folder) || !content.is_dir() {
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        for entry in WalkDir::new(&content).follow_links(false).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            let is_link = entry.path_is_symlink();
            if entry.file_type().is_dir() || (is_link && entry.path().is_dir()) {
                continue;
            }
            if is_link && !self.inside_root(entry.path()) {
                continue;
            }
            let Ok(relative) = entry.path().strip_prefix(&self.root) else { continue };
            let Some(relative) = relative.to_str().map(|p| p.replace(std::path::MAIN_SEPARATOR, "/")) else {
                continue;
            };
            if relative.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            files.push((relative, entry.into_path()));
        }
        files.sort();
        files.into_par_iter().map(|(path, full)| Ok(SourceFile { bytes: fs::read(full)?, path })).collect()
    }

    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        if !is_safe_relative(path) {
            return Ok(None);
        }
        let full = self.root.join(path);
        if !full.is_file() || !self.inside_root(&full) {
            return Ok(None);
        }
        fs::read(full).map(Some)
    }
}
