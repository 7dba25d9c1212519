//! The files that differ between two trees, found by comparing entry ids and descending
//! only into folders whose ids differ: an unchanged folder costs one id comparison,
//! however many files it holds (`diff_tree_to_tree` per commit was ten times slower).

use std::cmp::Ordering;

use git2::{Oid, Repository, Tree, TreeEntry};

/// A file added (`old` = None), deleted (`new` = None) or modified between two trees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Path of the file, `base` of the comparison included.
    pub path: String,
    pub old: Option<Oid>,
    pub new: Option<Oid>,
}

/// File mode of a folder in a Git tree.
const MODE_TREE: i32 = 0o040000;
/// File mode of a submodule (a commit of another repository), which holds no file of ours.
const MODE_SUBMODULE: i32 = 0o160000;

/// Appends to `out` every file that differs between the trees `old` and `new` (either may
/// be absent: everything is then added or deleted), with paths prefixed by `base`
/// (`"content/"`). Names that are not UTF-8 are skipped: no content file can have them.
pub fn changed_files(
    repo: &Repository,
    old: Option<Oid>,
    new: Option<Oid>,
    base: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    if old == new {
        return Ok(());
    }
    let old_tree = old.map(|id| repo.find_tree(id)).transpose()?;
    let new_tree = new.map(|id| repo.find_tree(id)).transpose()?;
    let mut old_entries = entries(old_tree.as_ref());
    let mut new_entries = entries(new_tree.as_ref());
    let mut old_next = old_entries.next();
    let mut new_next = new_entries.next();
    loop {
        let order = match (&old_next, &new_next) {
            (None, None) => return Ok(()),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(a), Some(b)) => git_order(a, b),
        };
        match order {
            Ordering::Less => {
                if let Some(entry) = old_next.take() {
                    one_side(repo, &entry, base, Side::Old, out)?;
                }
                old_next = old_entries.next();
            }
            Ordering::Greater => {
                if let Some(entry) = new_next.take() {
                    one_side(repo, &entry, base, Side::New, out)?;
                }
                new_next = new_entries.next();
            }
            Ordering::Equal => {
                if let (Some(a), Some(b)) = (old_next.take(), new_next.take()) {
                    both_sides(repo, &a, &b, base, out)?;
                }
                old_next = old_entries.next();
                new_next = new_entries.next();
            }
        }
    }
}

/// Which tree an entry present on one side only comes from.
#[derive(Clone, Copy)]
enum Side {
    Old,
    New,
}

fn entries<'t>(tree: Option<&'t Tree<'_>>) -> impl Iterator<Item = TreeEntry<'t>> {
    tree.into_iter().flat_map(|tree| tree.iter()).filter(|entry| entry.filemode() != MODE_SUBMODULE)
}

fn is_folder(entry: &TreeEntry<'_>) -> bool {
    entry.filemode() == MODE_TREE
}

/// Git's order of tree entries: by name bytes, a folder's name read as if it ended in `/`.
fn git_order(a: &TreeEntry<'_>, b: &TreeEntry<'_>) -> Ordering {
    let (x, y) = (a.name_bytes(), b.name_bytes());
    let common = x.len().min(y.len());
    x[..common].cmp(&y[..common]).then_with(|| {
        let end = |name: &[u8], folder: bool| name.get(common).copied().or(folder.then_some(b'/'));
        end(x, is_folder(a)).cmp(&end(y, is_folder(b)))
    })
}

fn one_side(
    repo: &Repository,
    entry: &TreeEntry<'_>,
    base: &str,
    side: Side,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    let Ok(name) = std::str::from_utf8(entry.name_bytes()) else { return Ok(()) };
    let path = format!("{base}{name}");
    let id = Some(entry.id());
    let (old, new) = match side {
        Side::Old => (id, None),
        Side::New => (None, id),
    };
    if is_folder(entry) {
        changed_files(repo, old, new, &format!("{path}/"), out)
    } else {
        out.push(Change { path, old, new });
        Ok(())
    }
}

fn both_sides(
    repo: &Repository,
    old: &TreeEntry<'_>,
    new: &TreeEntry<'_>,
    base: &str,
    out: &mut Vec<Change>,
) -> Result<(), git2::Error> {
    if old.id() == new.id() {
        return Ok(());
    }
    let Ok(name) = std::str::from_utf8(new.name_bytes()) else { return Ok(()) };
    if is_folder(new) {
        changed_files(repo, Some(old.id()), Some(new.id()), &format!("{base}{name}/"), out)
    } else {
        out.push(Change { path: format!("{base}{name}"), old: Some(old.id()), new: Some(new.id()) });
        Ok(())
    }
}
