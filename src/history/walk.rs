//! One walk over the history of a site: every commit is compared with its parents once,
//! by pruned tree comparison of the `content/` folder, and each file change is credited
//! to the file as it is named where the walk started.
//!
//! The walk goes newest first (topological, then by time). Rules, in that order:
//! - a merge commit is credited only with files that differ from *every* parent (what the
//!   merge itself changed), as `git log` does;
//! - a file deleted in one commit and added under another path with the very same content
//!   in that commit was renamed: older commits of the old path belong to the new one;
//! - once the walk reaches the commit that added a file, older commits of that path are
//!   an earlier life of another file (deleted since) and are not credited;
//! - a missing parent (shallow clone) ends the history there, as if the commit were the
//!   first one.

use std::collections::{HashMap, HashSet};

use git2::{Commit, Mailmap, Oid, Repository, Sort};

use super::Revision;
use super::tree_diff::{Change, changed_files};
use crate::content::date::Date;
use crate::source::git::{is_not_found, subtree};

/// The history of every file the walk touched, with the commits in walk order.
pub struct Walked {
    /// Commits that touched at least one file, newest first.
    pub revisions: Vec<Revision>,
    /// Per file (path relative to the site root): indexes into `revisions`, newest first.
    pub files: Vec<(String, Vec<usize>)>,
}

/// Walks the history of `start`, crediting changes under the folder `content` (the parts
/// of its path from the top of the repository) to paths `content/…`.
pub fn walk(repo: &Repository, start: Oid, content: &[&str]) -> Result<Walked, git2::Error> {
    let mailmap = repo.mailmap().ok();
    let mut revwalk = repo.revwalk()?;
    revwalk.set_sorting(Sort::TOPOLOGICAL | Sort::TIME)?;
    revwalk.push(start)?;
    let mut folders = ContentFolders { repo, content, known: HashMap::new() };
    let mut ledger = Ledger::default();
    let mut revisions = Vec::new();
    for id in revwalk {
        let commit = repo.find_commit(id?)?;
        let changes = commit_changes(repo, &commit, &mut folders)?;
        if changes.is_empty() {
            continue;
        }
        ledger.credit(revisions.len(), &changes);
        revisions.push(revision(&commit, mailmap.as_ref()));
    }
    Ok(Walked { revisions, files: ledger.into_files() })
}

/// The `content/` folder of commits, remembered for parents until the walk reaches them.
struct ContentFolders<'r> {
    repo: &'r Repository,
    content: &'r [&'r str],
    known: HashMap<Oid, Option<Oid>>,
}

impl ContentFolders<'_> {
    /// The tree id of `content/` in a commit (removing it from memory: asked for the last
    /// time when the walk reaches the commit itself).
    fn take(&mut self, commit: &Commit<'_>) -> Result<Option<Oid>, git2::Error> {
        match self.known.remove(&commit.id()) {
            Some(folder) => Ok(folder),
            None => subtree(self.repo, commit.tree_id(), self.content),
        }
    }

    /// The tree id of `content/` in the parent `id` (`Some(None)` when it has none);
    /// `None` when the parent is missing from the repository (shallow clone).
    fn of_parent(&mut self, id: Oid) -> Result<Option<Option<Oid>>, git2::Error> {
        if let Some(folder) = self.known.get(&id) {
            return Ok(Some(*folder));
        }
        let commit = match self.repo.find_commit(id) {
            Ok(commit) => commit,
            Err(error) if is_not_found(&error) => return Ok(None),
            Err(error) => return Err(error),
        };
        let folder = subtree(self.repo, commit.tree_id(), self.content)?;
        self.known.insert(id, folder);
        Ok(Some(folder))
    }
}

/// The files a commit changed, by the merge rule of the module doc.
fn commit_changes(
    repo: &Repository,
    commit: &Commit<'_>,
    folders: &mut ContentFolders<'_>,
) -> Result<Vec<Change>, git2::Error> {
    let own = folders.take(commit)?;
    let mut parents = Vec::new();
    for id in commit.parent_ids() {
        if let Some(folder) = folders.of_parent(id)? {
            parents.push(folder);
        }
    }
    let mut changes = Vec::new();
    let Some((&first, others)) = parents.split_first() else {
        changed_files(repo, None, own, "content/", &mut changes)?;
        return Ok(changes);
    };
    changed_files(repo, first, own, "content/", &mut changes)?;
    for &other in others {
        if changes.is_empty() {
            break;
        }
        let mut against_other = Vec::new();
        changed_files(repo, other, own, "content/", &mut against_other)?;
        let differing: HashSet<&str> = against_other.iter().map(|c| c.path.as_str()).collect();
        changes.retain(|c| differing.contains(c.path.as_str()));
    }
    Ok(changes)
}

/// Date, author and subject of a commit, as shown in a page's revision history. The date
/// is the author's, in the author's own time zone; names go through `.mailmap`.
fn revision(commit: &Commit<'_>, mailmap: Option<&Mailmap>) -> Revision {
    let author = match mailmap.map(|m| commit.author_with_mailmap(m)) {
        Some(Ok(signature)) => signature,
        _ => commit.author().to_owned(),
    };
    let name = String::from_utf8_lossy(author.name_bytes()).trim().to_owned();
    let when = author.when();
    let subject = commit.summary_bytes().map(|s| String::from_utf8_lossy(s).trim().to_owned()).unwrap_or_default();
    Revision {
        date: date_of(when.seconds(), when.offset_minutes()),
        author: if name.is_empty() { "Không rõ tên".to_owned() } else { name },
        subject,
        commit: commit.id().to_string(),
    }
}

/// The calendar day of a Unix time at a UTC offset, clamped to years 1–9999.
fn date_of(seconds: i64, offset_minutes: i32) -> Date {
    const UNIX_EPOCH_ORDINAL: i64 = 719_162;
    const LAST_ORDINAL: i64 = 3_652_058;
    let local = seconds.saturating_add(i64::from(offset_minutes) * 60);
    let ordinal = UNIX_EPOCH_ORDINAL.saturating_add(local.div_euclid(86_400));
    Date::from_ordinal(ordinal.clamp(0, LAST_ORDINAL))
}

/// Which file each path stands for at the current point of the walk, and the commits
/// credited to each file so far.
#[derive(Default)]
struct Ledger {
    /// Path as named at this point of the walk → index in `files`, or `None` when older
    /// commits of that path no longer belong to any file.
    slots: HashMap<String, Option<usize>>,
    files: Vec<(String, Vec<usize>)>,
}

impl Ledger {
    /// Credits `revision` to the files `changes` touched, then follows renames and closes
    /// the paths the commit added.
    fn credit(&mut self, revision: usize, changes: &[Change]) {
        let renamed = renames(changes);
        for change in changes {
            if change.new.is_none() {
                continue;
            }
            let file = match self.slots.get(&change.path) {
                Some(None) => continue,
                Some(Some(file)) => *file,
                None => {
                    self.files.push((change.path.clone(), Vec::new()));
                    let file = self.files.len() - 1;
                    self.slots.insert(change.path.clone(), Some(file));
                    file
                }
            };
            self.files[file].1.push(revision);
        }
        for change in changes {
            match (change.old, change.new) {
                (None, Some(_)) => {
                    let file = self.slots.insert(change.path.clone(), None).flatten();
                    if let (Some(file), Some(from)) = (file, renamed.get(change.path.as_str())) {
                        self.slots.insert((*from).to_owned(), Some(file));
                    }
                }
                (Some(_), None) if !renamed.values().any(|from| *from == change.path) => {
                    self.slots.insert(change.path.clone(), None);
                }
                _ => {}
            }
        }
    }

    fn into_files(self) -> Vec<(String, Vec<usize>)> {
        self.files.into_iter().filter(|(_, revisions)| !revisions.is_empty()).collect()
    }
}

/// Exact renames of a commit: added path → deleted path with the same content. Each
/// deleted path pairs with one added path, preferring the same file name, then path order.
fn renames(changes: &[Change]) -> HashMap<&str, &str> {
    let mut deleted: HashMap<Oid, Vec<&str>> = HashMap::new();
    for change in changes {
        if let (Some(old), None) = (change.old, change.new) {
            deleted.entry(old).or_default().push(&change.path);
        }
    }
    let mut pairs = HashMap::new();
    if deleted.is_empty() {
        return pairs;
    }
    let mut added: Vec<&Change> = changes.iter().filter(|c| c.old.is_none() && c.new.is_some()).collect();
    added.sort_by(|a, b| a.path.cmp(&b.path));
    for change in added {
        let Some(candidates) = change.new.and_then(|id| deleted.get_mut(&id)) else { continue };
        if candidates.is_empty() {
            continue;
        }
        candidates.sort_unstable();
        let name = file_name(&change.path);
        let pick = candidates.iter().position(|c| file_name(c) == name).unwrap_or(0);
        pairs.insert(change.path.as_str(), candidates.remove(pick));
    }
    pairs
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(path: &str, old: Option<u8>, new: Option<u8>) -> Change {
        let id = |n: u8| Oid::from_bytes(&[n; 20]).unwrap();
        Change { path: path.to_owned(), old: old.map(id), new: new.map(id) }
    }

    #[test]
    fn dates_use_the_author_time_zone() {
        // 2023-05-31T20:00:00Z is already 1 June in Vietnam (UTC+7).
        assert_eq!(date_of(1_685_563_200, 0).to_string(), "31/05/2023");
        assert_eq!(date_of(1_685_563_200, 420).to_string(), "01/06/2023");
        assert_eq!(date_of(0, 0).to_string(), "01/01/1970");
        assert_eq!(date_of(i64::MIN, 0).to_string(), "01/01/0001");
    }

    #[test]
    fn renames_pair_same_content_preferring_the_same_name() {
        let changes = [
            change("content/a/x.md", Some(1), None),
            change("content/a/y.md", Some(1), None),
            change("content/b/y.md", None, Some(1)),
            change("content/c.md", None, Some(2)),
        ];
        let pairs = renames(&changes);
        assert_eq!(pairs.get("content/b/y.md"), Some(&"content/a/y.md"));
        assert_eq!(pairs.len(), 1);
    }

    #[test]
    fn ledger_follows_renames_and_stops_at_creation() {
        let mut ledger = Ledger::default();
        ledger.credit(0, &[change("content/new.md", Some(1), Some(2))]);
        ledger.credit(1, &[change("content/old.md", Some(1), None), change("content/new.md", None, Some(1))]);
        ledger.credit(2, &[change("content/old.md", Some(3), Some(1))]);
        ledger.credit(3, &[change("content/old.md", None, Some(3))]);
        ledger.credit(4, &[change("content/old.md", Some(9), Some(8))]);
        assert_eq!(ledger.into_files(), vec![("content/new.md".to_owned(), vec![0, 1, 2, 3])]);
    }
}
