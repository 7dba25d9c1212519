//! The files of `content/` that differ between a commit and the files being checked, for
//! `check --changed-since REV`: REV's tree is compared with the checked tree by blob ids,
//! whether the checked tree is the work tree or another commit.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::Path;

use git2::{ObjectType, Oid};
use rayon::prelude::*;

use super::{GitError, GitSource, MODE_LINK, follow_link};
use crate::source::SourceFile;

/// What changed since a commit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Paths (relative to the site root) added, modified or deleted since the commit.
    pub paths: BTreeSet<String>,
    /// The commit's version of the changed files it holds (modified and deleted ones).
    pub before: Vec<SourceFile>,
}

/// The files of `content/` that differ between commit `rev` and `files` (the checked
/// tree). A commit from before the site existed leaves every file changed.
pub fn changed_since(site_root: &Path, rev: &str, files: &[SourceFile]) -> Result<Changes, GitError> {
    let source = match GitSource::open(site_root, rev) {
        Ok(source) => source,
        Err(GitError::SiteMissing { .. }) => {
            return Ok(Changes { paths: files.iter().map(|f| f.path.clone()).collect(), before: Vec::new() });
        }
        Err(error) => return Err(error),
    };
    source.changes(files).map_err(|error| GitError::Git(git2::Error::from_str(&error.to_string())))
}

impl GitSource {
    /// The files of `content/` that differ between this commit and `files`.
    fn changes(&self, files: &[SourceFile]) -> io::Result<Changes> {
        let repo = self.repo()?;
        let entries = self.entries_under(&repo, "content").map_err(io::Error::other)?;
        let mut committed: BTreeMap<&str, Oid> = BTreeMap::new();
        for entry in &entries {
            let id = if entry.mode == MODE_LINK {
                match follow_link(&repo, self.site_tree, &entry.path).map_err(io::Error::other)? {
                    Some(bytes) => blob_id(&bytes)?,
                    None => continue,
                }
            } else {
                entry.id
            };
            committed.insert(&entry.path, id);
        }
        let checked: BTreeMap<&str, Oid> =
            files.par_iter().map(|file| Ok((file.path.as_str(), blob_id(&file.bytes)?))).collect::<io::Result<_>>()?;
        let paths: BTreeSet<String> = committed
            .keys()
            .chain(checked.keys())
            .filter(|path| committed.get(*path) != checked.get(*path))
            .map(|path| (*path).to_owned())
            .collect();
        let changed_entries = entries.into_iter().filter(|entry| paths.contains(&entry.path)).collect();
        let before = self.read_entries(repo.path(), changed_entries)?;
        Ok(Changes { paths, before })
    }
}

/// The id Git gives a file with these bytes.
fn blob_id(bytes: &[u8]) -> io::Result<Oid> {
    Oid::hash_object(ObjectType::Blob, bytes).map_err(io::Error::other)
}
