//! Throwaway Git repositories for the git tests, built with git2: commits with fixed
//! author names and fixed times, so every date the tests read is deterministic.

#![allow(dead_code)]

use std::path::PathBuf;

use git2::{IndexAddOption, Oid, Repository, Signature, Time};
use guong::content::date::Date;

use crate::common::{Run, TempSite, copy_dir, fixture, guong};

/// Vietnam's UTC offset, in minutes.
const OFFSET_MINUTES: i32 = 7 * 60;

/// A repository in a temp folder, with the site root at its top or in a sub-folder.
pub struct GitSite {
    pub temp: TempSite,
    pub repo: Repository,
    /// The site root's folder inside the work tree (`""` at the top).
    pub prefix: String,
}

impl GitSite {
    /// An empty repository whose top folder is the site root.
    pub fn empty() -> GitSite {
        GitSite::in_folder("")
    }

    /// An empty repository whose site root is `prefix` (`""` for the top).
    pub fn in_folder(prefix: &str) -> GitSite {
        let temp = TempSite::empty();
        let repo = Repository::init(&temp.dir).expect("git init");
        let site = GitSite { temp, repo, prefix: prefix.to_owned() };
        std::fs::create_dir_all(site.root()).unwrap();
        site
    }

    /// A repository holding a copy of the valid `tests/sites/minimal` fixture, not yet
    /// committed.
    pub fn minimal() -> GitSite {
        let site = GitSite::empty();
        copy_dir(&fixture("minimal"), &site.root());
        site
    }

    /// The site root.
    pub fn root(&self) -> PathBuf {
        if self.prefix.is_empty() { self.temp.dir.clone() } else { self.temp.dir.join(&self.prefix) }
    }

    /// Writes a file relative to the site root.
    pub fn write(&self, path: &str, text: &str) -> &Self {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
        self
    }

    /// Reads a file relative to the site root.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap()
    }

    /// Creates a symbolic link at `path` (relative to the site root) holding `target` as
    /// written (relative or absolute; it need not exist).
    pub fn link(&self, path: &str, target: &str) -> &Self {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, full).unwrap();
        self
    }

    /// Removes a file relative to the site root.
    pub fn remove(&self, path: &str) -> &Self {
        std::fs::remove_file(self.root().join(path)).unwrap();
        self
    }

    /// Moves a file relative to the site root.
    pub fn rename(&self, from: &str, to: &str) -> &Self {
        let target = self.root().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::rename(self.root().join(from), target).unwrap();
        self
    }

    /// Commits the whole work tree on top of HEAD as `author` on `date` (`YYYY-MM-DD`,
    /// 09:00 in Vietnam) and moves HEAD to it.
    pub fn commit(&self, author: &str, date: &str, message: &str) -> Oid {
        let parents: Vec<Oid> = self.head().into_iter().collect();
        self.commit_with_parents(author, date, message, &parents, true)
    }

    /// Commits the whole work tree with the given parents; moves HEAD only when asked
    /// (a side branch is a commit nobody's HEAD points at until merged).
    pub fn commit_with_parents(
        &self,
        author: &str,
        date: &str,
        message: &str,
        parents: &[Oid],
        move_head: bool,
    ) -> Oid {
        let mut index = self.repo.index().unwrap();
        index.add_all(["*"], IndexAddOption::DEFAULT, None).unwrap();
        index.update_all(["*"], None).unwrap();
        index.write().unwrap();
        let tree = self.repo.find_tree(index.write_tree().unwrap()).unwrap();
        let day = Date::parse(date).expect("test date");
        let seconds = (day.ordinal() - 719_162) * 86_400 + 2 * 3600;
        let email = format!("{}@example.org", author.split_whitespace().last().unwrap_or("x").to_lowercase());
        let signature = Signature::new(author, &email, &Time::new(seconds, OFFSET_MINUTES)).unwrap();
        let parents: Vec<_> = parents.iter().map(|id| self.repo.find_commit(*id).unwrap()).collect();
        let parents: Vec<_> = parents.iter().collect();
        let update = if move_head { Some("HEAD") } else { None };
        self.repo.commit(update, &signature, &signature, message, &tree, &parents).unwrap()
    }

    /// The commit HEAD points at.
    pub fn head(&self) -> Option<Oid> {
        self.repo.head().ok().and_then(|head| head.target())
    }

    /// Runs `guong --root <site root> args…`.
    pub fn run(&self, args: &[&str]) -> Run {
        let root = self.root();
        let mut all = vec!["--root", root.to_str().unwrap()];
        all.extend_from_slice(args);
        guong(&all)
    }
}

/// A fresh clone of a committed site, as CI checks it out: the work tree holds exactly
/// what was committed (symbolic links included, as links).
pub struct Clone {
    /// Holds the clone (`clone/`) and anything the test places beside it.
    pub temp: TempSite,
    /// The site root inside the clone.
    pub root: PathBuf,
}

impl GitSite {
    /// Clones the repository into `clone/` of a new temp folder.
    pub fn clone_fresh(&self) -> Clone {
        let temp = TempSite::empty();
        let url = format!("file://{}", self.temp.dir.display());
        Repository::clone(&url, temp.dir.join("clone")).expect("git clone");
        let root =
            if self.prefix.is_empty() { temp.dir.join("clone") } else { temp.dir.join("clone").join(&self.prefix) };
        Clone { temp, root }
    }
}

impl Clone {
    /// The minimal site with `links` (path → target, as written) committed by an attacker,
    /// cloned fresh.
    pub fn minimal_with_links(links: &[(&str, &str)]) -> Clone {
        let site = GitSite::minimal();
        for (path, target) in links {
            site.link(path, target);
        }
        site.commit("Kẻ tấn công", "2024-05-01", "Thêm liên kết");
        site.clone_fresh()
    }

    /// Runs `guong --root <the clone's site root> args…`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all = vec!["--root", self.root.to_str().unwrap()];
        all.extend_from_slice(args);
        guong(&all)
    }
}
