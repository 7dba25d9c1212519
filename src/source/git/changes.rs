//! The files of `content/` that differ between a commit and the files being checked, for
//! `check --changed-since REV`: REV's tree is compared with the checked tree by blob ids,
//! whether the checked tree is the work tree or another commit.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use git2::{ObjectType, Oid};
use rayon::prelude::*;

use super::{GitError, GitSource};
use crate::source::trust::{find, read_found};
use crate::source::{Skipped, SourceFile, size_limit};

/// What changed since a commit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Paths (relative to the site root) added, modified or deleted since the commit.
    pub paths: BTreeSet<String>,
    /// The commit's version of the changed files it holds (modified and deleted ones).
    pub before: Vec<SourceFile>,
    /// The files the commit's own listing of `content/`, `templates/` and `static/` skips
    /// (links, special files, files too large): the same skip in the checked tree is not
    /// news of the change.
    pub skipped: Vec<Skipped>,
}

/// The files of `content/` that differ between commit `rev` and `files` (the checked
/// tree). A commit from before the site existed leaves every file changed.
pub fn changed_since(site_root: &Path, rev: &str, files: &[SourceFile]) -> Result<Changes, GitError> {
    let source = match GitSource::open(site_root, rev) {
        Ok(source) => source,
        Err(GitError::SiteMissing { .. }) => {
            return Ok(Changes {
                paths: files.iter().map(|f| f.path.clone()).collect(),
                before: Vec::new(),
                skipped: Vec::new(),
            });
        }
        Err(error) => return Err(error),
    };
    source.changes(files).map_err(|error| GitError::Git(git2::Error::from_str(&error.to_string())))
}

impl GitSource {
    /// The files of `content/` that differ between this commit and `files`.
    fn changes(&self, files: &[SourceFile]) -> io::Result<Changes> {
        let listing = |folder| find(self, folder, size_limit(folder)).map_err(|e| io::Error::other(e.to_string()));
        let (located, mut skipped) = listing("content")?;
        let committed: BTreeMap<&str, Oid> = located
            .par_iter()
            .map(|file| Ok((file.path.as_str(), self.blob_id(&file.real)?)))
            .collect::<io::Result<_>>()?;
        let checked: BTreeMap<&str, Oid> =
            files.par_iter().map(|file| Ok((file.path.as_str(), blob_id(&file.bytes)?))).collect::<io::Result<_>>()?;
        let paths: BTreeSet<String> = committed
            .keys()
            .chain(checked.keys())
            .filter(|path| committed.get(*path) != checked.get(*path))
            .map(|path| (*path).to_owned())
            .collect();
        let changed = located.iter().filter(|file| paths.contains(&file.path)).cloned().collect();
        let before = read_found(self, changed, size_limit("content"), &mut skipped);
        for folder in ["templates", "static"] {
            skipped.extend(listing(folder)?.1);
        }
        Ok(Changes { paths, before, skipped })
    }
}

/// The id Git gives a file with these bytes.
fn blob_id(bytes: &[u8]) -> io::Result<Oid> {
    Oid::hash_object(ObjectType::Blob, bytes).map_err(io::Error::other)
}
