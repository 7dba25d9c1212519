//! Finding the Git repository that holds a site root, where the site sits inside it, and
//! which commit a `--rev` names.

use std::fmt;
use std::path::{Path, PathBuf};

use git2::{ErrorCode, ObjectType, Oid, Repository};

/// A site root inside a Git work tree.
pub struct SiteRepo {
    repo: Repository,
    /// Folders from the top of the work tree down to the site root (empty at the top).
    prefix: Vec<String>,
}

/// Why a site cannot be read from Git.
#[derive(Debug)]
pub enum GitError {
    /// The site root is not inside a Git work tree.
    NotARepository(PathBuf),
    /// The repository belongs to another user and Git's `safe.directory` does not list it.
    NotOwned(PathBuf),
    /// The revision names no commit (`shallow`: the clone holds only recent history).
    BadRevision { rev: String, shallow: bool },
    /// The commit exists but does not hold the site's folder.
    SiteMissing { rev: String, prefix: String },
    /// The repository could not be read.
    Git(git2::Error),
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::NotARepository(dir) => {
                write!(
                    f,
                    "thư mục `{}` không nằm trong kho Git nào nên không thể đọc phiên bản đã commit",
                    dir.display()
                )
            }
            GitError::NotOwned(dir) => write!(
                f,
                "kho Git chứa `{0}` thuộc người dùng khác nên không được đọc; nếu tin cậy kho này, chạy `git config --global --add safe.directory <thư mục kho>`",
                dir.display()
            ),
            GitError::BadRevision { rev, shallow } => {
                write!(
                    f,
                    "không tìm thấy commit `{rev}` trong kho Git; hãy kiểm tra tên nhánh, thẻ hoặc mã commit (ví dụ `main`, `HEAD~1`, `a1b2c3d`)"
                )?;
                if *shallow {
                    write!(
                        f,
                        ". Kho này chỉ tải một phần lịch sử (shallow clone): trong CI hãy lấy đủ lịch sử, ví dụ `fetch-depth: 0`"
                    )?;
                }
                Ok(())
            }
            GitError::SiteMissing { rev, prefix } => {
                write!(f, "commit `{rev}` không chứa thư mục `{prefix}` của trang")
            }
            GitError::Git(error) => write!(f, "không đọc được kho Git: {}", error.message()),
        }
    }
}

impl From<git2::Error> for GitError {
    fn from(error: git2::Error) -> Self {
        GitError::Git(error)
    }
}

impl SiteRepo {
    /// The repository whose work tree holds `site_root`; `None` outside a repository (or
    /// in a bare one, which has no work tree to place the site in).
    pub fn discover(site_root: &Path) -> Option<SiteRepo> {
        SiteRepo::require(site_root).ok()
    }

    /// Like [`SiteRepo::discover`], but says why there is no repository.
    pub fn require(site_root: &Path) -> Result<SiteRepo, GitError> {
        // Objects are read without hashing them again, as `git` itself reads them: checking
        // every tree against its id took half the time of the history walk.
        git2::opts::strict_hash_verification(false);
        let not_a_repository = || GitError::NotARepository(site_root.to_path_buf());
        let repo = Repository::discover(site_root).map_err(|error| match error.code() {
            ErrorCode::Owner => GitError::NotOwned(site_root.to_path_buf()),
            _ => not_a_repository(),
        })?;
        let workdir = repo.workdir().and_then(|dir| dir.canonicalize().ok()).ok_or_else(not_a_repository)?;
        let site = site_root.canonicalize().map_err(|_| not_a_repository())?;
        let relative = site.strip_prefix(&workdir).map_err(|_| not_a_repository())?;
        let prefix = relative
            .components()
            .map(|part| part.as_os_str().to_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(not_a_repository)?;
        Ok(SiteRepo { repo, prefix })
    }

    pub fn repository(&self) -> &Repository {
        &self.repo
    }

    /// The repository itself, for a reader that keeps it.
    pub fn into_repository(self) -> Repository {
        self.repo
    }

    /// Folders from the top of the work tree down to the site root.
    pub fn prefix(&self) -> &[String] {
        &self.prefix
    }

    /// The site root's folder inside the work tree, `/`-separated (`.` at the top).
    pub fn prefix_display(&self) -> String {
        if self.prefix.is_empty() { ".".to_owned() } else { self.prefix.join("/") }
    }

    /// The commit `rev` names (a branch, tag, hash, `HEAD~2`…).
    pub fn resolve(&self, rev: &str) -> Result<Oid, GitError> {
        let bad = || GitError::BadRevision { rev: rev.to_owned(), shallow: self.repo.is_shallow() };
        let object = self.repo.revparse_single(rev).map_err(|_| bad())?;
        Ok(object.peel_to_commit().map_err(|_| bad())?.id())
    }

    /// The commit HEAD points at; `None` before the first commit.
    pub fn head(&self) -> Option<Oid> {
        self.repo.head().ok()?.peel_to_commit().ok().map(|commit| commit.id())
    }

    /// The tree of the site root in `commit`, or `SiteMissing` when the commit lacks it.
    pub fn site_tree(&self, commit: Oid, rev: &str) -> Result<Oid, GitError> {
        let root = self.repo.find_commit(commit)?.tree_id();
        let parts: Vec<&str> = self.prefix.iter().map(String::as_str).collect();
        subtree(&self.repo, root, &parts)?
            .ok_or_else(|| GitError::SiteMissing { rev: rev.to_owned(), prefix: self.prefix_display() })
    }
}

/// The id of the tree at `parts` below the tree `root`; `None` when a part is missing or
/// is not a folder.
pub fn subtree(repo: &Repository, root: Oid, parts: &[&str]) -> Result<Option<Oid>, git2::Error> {
    let mut current = root;
    for part in parts {
        let tree = repo.find_tree(current)?;
        match tree.get_name(part) {
            Some(entry) if entry.kind() == Some(ObjectType::Tree) => current = entry.id(),
            _ => return Ok(None),
        }
    }
    Ok(Some(current))
}

/// Whether a libgit2 error only says that something does not exist.
pub fn is_not_found(error: &git2::Error) -> bool {
    error.code() == ErrorCode::NotFound
}
