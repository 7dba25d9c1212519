//! The tree of a Git commit as a source: `--rev REV` checks and builds what was committed,
//! read straight from the object database (never by spawning `git`), whatever the work
//! tree holds.
//!
//! Like the working tree, it yields the files under `content/` except hidden ones.
//! Symbolic links are followed only to files inside the site root, in that same commit;
//! a link that leaves the root, or points at a folder, is skipped.

mod changes;
mod site_repo;

use std::io;
use std::path::Path;
use std::sync::Mutex;

use git2::{ObjectType, Oid, Repository, TreeWalkMode, TreeWalkResult};
use rayon::prelude::*;

pub use changes::{Changes, changed_since};
pub use site_repo::{GitError, SiteRepo, is_not_found, subtree};

use super::{Source, SourceFile, is_safe_relative};

/// File mode of a symbolic link in a Git tree.
const MODE_LINK: i32 = 0o120000;
/// Links followed one after another before giving up (cycles end here).
const MAX_LINK_HOPS: usize = 8;

/// The site root as committed in one commit.
pub struct GitSource {
    repo: Mutex<Repository>,
    /// The tree of the site root in that commit.
    site_tree: Oid,
    commit: Oid,
}

impl GitSource {
    /// The site at `site_root` as committed in `rev`.
    pub fn open(site_root: &Path, rev: &str) -> Result<GitSource, GitError> {
        let site = SiteRepo::require(site_root)?;
        let commit = site.resolve(rev)?;
        let site_tree = site.site_tree(commit, rev)?;
        Ok(GitSource { repo: Mutex::new(site.into_repository()), site_tree, commit })
    }

    /// The commit this source reads.
    pub fn commit(&self) -> Oid {
        self.commit
    }

    fn repo(&self) -> io::Result<std::sync::MutexGuard<'_, Repository>> {
        self.repo.lock().map_err(|_| io::Error::other("kho Git bị khóa sau một lỗi trước đó"))
    }
}

/// A file of `content/` in the commit.
struct Entry {
    /// Path relative to the site root.
    path: String,
    id: Oid,
    mode: i32,
}

impl GitSource {
    /// The files under `content/` in the commit, except hidden ones and unsafe paths, in
    /// tree order.
    fn entries_under(&self, repo: &Repository, folder: &str) -> Result<Vec<Entry>, git2::Error> {
        let Some(content) = subtree(repo, self.site_tree, &[folder])? else {
            return Ok(Vec::new());
        };
        let mut entries = Vec::new();
        repo.find_tree(content)?.walk(TreeWalkMode::PreOrder, |dir, entry| {
            let Ok(name) = entry.name() else { return TreeWalkResult::Skip };
            if name.starts_with('.') {
                return TreeWalkResult::Skip;
            }
            let path = format!("{folder}/{dir}{name}");
            if entry.kind() == Some(ObjectType::Blob) && is_safe_relative(&path) {
                entries.push(Entry { path, id: entry.id(), mode: entry.filemode() });
            }
            TreeWalkResult::Ok
        })?;
        Ok(entries)
    }

    /// The bytes of `entries`, sorted by path; links that lead nowhere are left out.
    /// Blobs are inflated in parallel, one repository handle per worker (a handle is not
    /// shared between threads).
    fn read_entries(&self, git_dir: &Path, entries: Vec<Entry>) -> io::Result<Vec<SourceFile>> {
        let site_tree = self.site_tree;
        let mut files = entries
            .into_par_iter()
            .map_init(
                || Repository::open(git_dir),
                |opened, entry| -> io::Result<Option<SourceFile>> {
                    let repo = opened.as_ref().map_err(|error| io::Error::other(error.message().to_owned()))?;
                    let bytes = if entry.mode == MODE_LINK {
                        follow_link(repo, site_tree, &entry.path).map_err(io::Error::other)?
                    } else {
                        Some(repo.find_blob(entry.id).map_err(io::Error::other)?.content().to_vec())
                    };
                    Ok(bytes.map(|bytes| SourceFile { path: entry.path, bytes }))
                },
            )
            .filter_map(Result::transpose)
            .collect::<io::Result<Vec<_>>>()?;
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}

impl Source for GitSource {
    fn files_under(&self, folder: &str) -> io::Result<Vec<SourceFile>> {
        if !is_safe_relative(folder) || folder.contains('/') {
            return Ok(Vec::new());
        }
        let repo = self.repo()?;
        let entries = self.entries_under(&repo, folder).map_err(io::Error::other)?;
        self.read_entries(repo.path(), entries)
    }

    fn read(&self, path: &str) -> io::Result<Option<Vec<u8>>> {
        if !is_safe_relative(path) {
            return Ok(None);
        }
        let repo = self.repo()?;
        follow_link(&repo, self.site_tree, path).map_err(io::Error::other)
    }
}

/// The bytes of the file at `path` in the site tree, following symbolic links that stay
/// inside it; `None` when missing, a folder, or a link that leaves the root.
fn follow_link(repo: &Repository, site_tree: Oid, path: &str) -> Result<Option<Vec<u8>>, git2::Error> {
    let tree = repo.find_tree(site_tree)?;
    let mut current = path.to_owned();
    for _ in 0..MAX_LINK_HOPS {
        let entry = match tree.get_path(Path::new(&current)) {
            Ok(entry) => entry,
            Err(error) if is_not_found(&error) => return Ok(None),
            Err(error) => return Err(error),
        };
        if entry.kind() != Some(ObjectType::Blob) {
            return Ok(None);
        }
        let blob = repo.find_blob(entry.id())?;
        if entry.filemode() != MODE_LINK {
            return Ok(Some(blob.content().to_vec()));
        }
        let Ok(target) = std::str::from_utf8(blob.content()) else { return Ok(None) };
        let Some(next) = link_target(&current, target) else { return Ok(None) };
        current = next;
    }
    Ok(None)
}

/// Where a link at `link_path` pointing at `target` leads, relative to the site root;
/// `None` when the target is absolute or climbs out of the root.
fn link_target(link_path: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = link_path.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    is_safe_relative(&joined).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::link_target;

    #[test]
    fn link_targets_stay_inside_the_root() {
        assert_eq!(link_target("content/mo-hinh/a.md", "b.md").as_deref(), Some("content/mo-hinh/b.md"));
        assert_eq!(link_target("content/mo-hinh/a.md", "../trang/./b.md").as_deref(), Some("content/trang/b.md"));
        assert_eq!(link_target("content/a.md", "../../etc/passwd"), None);
        assert_eq!(link_target("content/a.md", "/etc/passwd"), None);
        assert_eq!(link_target("content/a.md", ".."), None);
    }
}
