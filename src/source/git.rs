//! The tree of a Git commit as a source: `--rev REV` checks and builds what was committed,
//! read straight from the object database (never by spawning `git`), whatever the work
//! tree holds.
//!
//! It is a [`Tree`] read by the same rules as the working tree ([`trust`]): a symbolic link
//! is a blob (mode 120000) holding its target, resolved inside this commit's site tree,
//! never on disk; one that leaves the site root or enters a hidden path is skipped and
//! reported. An absolute target never resolves (the commit does not know where it will be
//! checked out). A file's size is read from the object header before its blob is inflated.

mod changes;
mod site_repo;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use git2::{ObjectType, Oid, Repository, TreeEntry};

pub use changes::{Changes, changed_since};
pub use site_repo::{GitError, SiteRepo, is_not_found, subtree};

use super::trust::{Children, Entry, Special, Tree};

/// The longest link target read, in bytes (Linux's `PATH_MAX`, terminator included).
const LINK_TARGET_MAX: usize = 4096;

/// File mode of a symbolic link in a Git tree.
const MODE_LINK: i32 = 0o120000;
/// File mode of a submodule (a commit of another repository) in a Git tree.
const MODE_SUBMODULE: i32 = 0o160000;

/// The site root as committed in one commit.
pub struct GitSource {
    /// Open handles of the repository, one per thread reading at a time (a handle is not
    /// shared between threads).
    handles: Mutex<Vec<Repository>>,
    git_dir: PathBuf,
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
        let repo = site.into_repository();
        let git_dir = repo.path().to_path_buf();
        Ok(GitSource { handles: Mutex::new(vec![repo]), git_dir, site_tree, commit })
    }

    /// The commit this source reads.
    pub fn commit(&self) -> Oid {
        self.commit
    }

    /// Runs `work` with a repository handle of its own.
    fn with_repo<T>(&self, work: impl FnOnce(&Repository) -> Result<T, git2::Error>) -> io::Result<T> {
        let taken = self.handles.lock().map_err(|_| io::Error::other("kho Git bị khóa sau một lỗi trước đó"))?.pop();
        let repo = match taken {
            Some(repo) => repo,
            None => Repository::open(&self.git_dir).map_err(io::Error::other)?,
        };
        let result = work(&repo).map_err(io::Error::other);
        if let Ok(mut handles) = self.handles.lock() {
            handles.push(repo);
        }
        result
    }

    /// The tree entry at `path` below the site tree; `None` when missing.
    fn tree_entry<'r>(&self, repo: &'r Repository, path: &str) -> Result<Option<TreeEntry<'r>>, git2::Error> {
        match repo.find_tree(self.site_tree)?.get_path(Path::new(path)) {
            Ok(entry) => Ok(Some(entry.to_owned())),
            Err(error) if is_not_found(&error) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// The id of the blob at `path` (a regular file, found by a listing).
    fn blob_id(&self, path: &str) -> io::Result<Oid> {
        self.with_repo(|repo| {
            self.tree_entry(repo, path)?.map(|entry| entry.id()).ok_or_else(|| git2::Error::from_str("không thấy tệp"))
        })
    }
}

/// What a tree entry is.
fn entry_of(repo: &Repository, entry: &TreeEntry) -> Result<Entry, git2::Error> {
    Ok(match (entry.kind(), entry.filemode()) {
        (Some(ObjectType::Tree), _) => Entry::Folder,
        // No file system holds a link whose target is longer than `LINK_TARGET_MAX`: a
        // commit's longer one is not a link anyone could check out, and is never loaded.
        (Some(ObjectType::Blob), MODE_LINK) if repo.odb()?.read_header(entry.id())?.0 > LINK_TARGET_MAX => {
            Entry::Special(Special::Other)
        }
        (Some(ObjectType::Blob), MODE_LINK) => {
            match String::from_utf8(repo.find_blob(entry.id())?.content().to_vec()) {
                Ok(target) => Entry::Link { target },
                Err(_) => Entry::Special(Special::BadName),
            }
        }
        // An object whose header cannot be read is reported when its bytes are read.
        (Some(ObjectType::Blob), _) => {
            Entry::File { size: repo.odb()?.read_header(entry.id()).map_or(0, |h| h.0 as u64) }
        }
        (_, MODE_SUBMODULE) => Entry::Special(Special::Submodule),
        _ => Entry::Special(Special::Other),
    })
}

impl Tree for GitSource {
    fn entry(&self, path: &str) -> io::Result<Entry> {
        if path.is_empty() {
            return Ok(Entry::Folder);
        }
        self.with_repo(|repo| match self.tree_entry(repo, path)? {
            Some(entry) => entry_of(repo, &entry),
            None => Ok(Entry::Missing),
        })
    }

    fn children(&self, path: &str) -> io::Result<Children> {
        self.with_repo(|repo| {
            let parts: Vec<&str> = if path.is_empty() { Vec::new() } else { path.split('/').collect() };
            let Some(id) = subtree(repo, self.site_tree, &parts)? else { return Ok(Vec::new()) };
            let mut children = Vec::new();
            for entry in repo.find_tree(id)?.iter() {
                let kind = entry_of(repo, &entry)?;
                let (name, kind) = match entry.name() {
                    Ok(name) => (name.to_owned(), kind),
                    Err(_) => {
                        (String::from_utf8_lossy(entry.name_bytes()).into_owned(), Entry::Special(Special::BadName))
                    }
                };
                children.push((name, kind));
            }
            children.sort_by(|a, b| a.0.cmp(&b.0));
            Ok(children)
        })
    }

    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        self.with_repo(|repo| {
            let entry = self.tree_entry(repo, path)?.ok_or_else(|| git2::Error::from_str("không thấy tệp"))?;
            let blob = repo.find_blob(entry.id())?;
            let content = blob.content();
            Ok(content[..content.len().min(limit.saturating_add(1) as usize)].to_vec())
        })
    }

    fn relative_target(&self, _absolute: &str) -> Option<String> {
        None
    }
}
