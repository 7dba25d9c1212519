//! Git metadata of a site's pages (SPEC §6): per file under `content/`, the dates it was
//! created and last updated, its contributors and its revision history, all from one
//! walk over history (see [`walk`] for the exact rules).
//!
//! Dates come from commits, never from the clock, so output stays deterministic. Files
//! not committed yet have no history; outside a repository there is no history at all.

mod tree_diff;
mod walk;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::content::date::Date;
use crate::source::git::SiteRepo;

pub use tree_diff::{Change, changed_files};

/// One commit as shown in a page's revision history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// The author's date (dd/mm/yyyy when serialized).
    pub date: Date,
    /// The author's name, after `.mailmap`.
    pub author: String,
    /// The first line of the commit message.
    pub subject: String,
    /// The full commit id, for links to the repository.
    pub commit: String,
}

/// The Git history of one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathHistory {
    /// Date of the oldest commit that touched the file ("Ngày tạo").
    pub created: Date,
    /// Date of the newest commit that touched the file ("Cập nhật").
    pub updated: Date,
    /// Author names in order of first contribution ("Người đóng góp").
    pub contributors: Vec<String>,
    /// Commits that touched the file, newest first ("Lịch sử chỉnh sửa").
    pub revisions: Vec<Revision>,
}

impl PathHistory {
    /// The history made of `revisions` (newest first); `None` when there is none.
    fn of_revisions(revisions: Vec<Revision>) -> Option<PathHistory> {
        let created = revisions.iter().map(|r| r.date).min()?;
        let updated = revisions.iter().map(|r| r.date).max()?;
        let mut contributors: Vec<String> = Vec::new();
        for revision in revisions.iter().rev() {
            if !contributors.contains(&revision.author) {
                contributors.push(revision.author.clone());
            }
        }
        Some(PathHistory { created, updated, contributors, revisions })
    }
}

/// The history of every committed file of a site, by path relative to the site root.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    files: BTreeMap<String, PathHistory>,
}

impl History {
    /// The history of the site at `site_root` up to commit `rev` (HEAD when `None`);
    /// `None` outside a repository, before the first commit, or when the repository
    /// cannot be read.
    pub fn read(site_root: &Path, rev: Option<&str>) -> Option<History> {
        let site = SiteRepo::discover(site_root)?;
        let start = match rev {
            Some(rev) => site.resolve(rev).ok()?,
            None => site.head()?,
        };
        let mut content: Vec<&str> = site.prefix().iter().map(String::as_str).collect();
        content.push("content");
        let walked = walk::walk(site.repository(), start, &content).ok()?;
        Some(History::from_walk(walked))
    }

    fn from_walk(walked: walk::Walked) -> History {
        let files = walked
            .files
            .into_iter()
            .filter_map(|(path, indexes)| {
                let revisions = indexes.iter().map(|&i| walked.revisions[i].clone()).collect();
                Some((path, PathHistory::of_revisions(revisions)?))
            })
            .collect();
        History { files }
    }

    /// The history of the file at `path` (relative to the site root, `/`-separated).
    pub fn of(&self, path: &str) -> Option<&PathHistory> {
        self.files.get(path)
    }

    /// The history of several files taken together (a unit's models and reports): every
    /// commit that touched one of them once, newest first; `None` when none has a history.
    pub fn combined<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Option<PathHistory> {
        let mut revisions: Vec<&Revision> =
            paths.into_iter().filter_map(|p| self.of(p)).flat_map(|h| &h.revisions).collect();
        revisions.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.commit.cmp(&b.commit)));
        revisions.dedup_by(|a, b| a.commit == b.commit);
        PathHistory::of_revisions(revisions.into_iter().cloned().collect())
    }

    /// Every file with a history, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&str, &PathHistory)> {
        self.files.iter().map(|(path, history)| (path.as_str(), history))
    }
}
