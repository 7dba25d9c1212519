//! The one gate between a path the site names and the files behind it. Content comes from
//! pull requests, so every name and every link in the repository is untrusted: each path
//! guong reads (from the working tree or from a commit's tree, see [`Tree`]) goes through
//! [`resolve`], and each path it writes into the site (`guong new`, the CMS backend) through
//! [`resolve_new`], by way of [`crate::source::disk::DiskSource::writable`] (write with
//! [`crate::source::disk::DiskSource::write`]) or [`crate::source::resolve::resolve_inside`].
//! No other code opens a site file by name.
//!
//! The rules, the same for the working tree and for `--rev`:
//! - a path is relative to the site root; `..` may not climb above the root;
//! - no part of it, nor of where it leads, may be hidden (a name starting with `.`: `.git`,
//!   dotfiles);
//! - a symbolic link is followed one step at a time, each step decided on where the link
//!   resolves: inside the root and outside hidden names, or refused. An absolute target is
//!   allowed only when it names a place inside the root. Links in a commit's tree are blobs
//!   holding their target: they are resolved inside that tree, never on disk;
//! - only regular files are read, and never more than a limit checked from the metadata (a
//!   FIFO, socket or device is refused; a huge file is not read).
//!
//! A listing ([`list`]) walks a site folder with these rules and reports every file it
//! skips ([`Skipped`]), so a refused link or a FIFO is a warning naming the file, never
//! silent.

use std::fmt;
use std::io;

use rayon::iter::Either;
use rayon::prelude::*;

use super::SourceFile;
use crate::io_text::io_text;

/// Links followed while resolving one path before giving up (a cycle ends here).
const MAX_LINK_HOPS: usize = 40;

/// What one name in a tree is, without following it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Folder,
    /// A regular file of `size` bytes.
    File {
        size: u64,
    },
    /// A symbolic link holding `target` as written.
    Link {
        target: String,
    },
    /// Anything else: nothing guong reads.
    Special(Special),
    Missing,
}

/// Kinds of entries that are neither files, folders nor links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Fifo,
    Socket,
    Device,
    /// A Git submodule: another repository, not part of the site (skipped silently, as
    /// its uninitialised folder is empty in a work tree).
    Submodule,
    /// A name that is not UTF-8.
    BadName,
    Other,
}

impl Special {
    /// The Vietnamese name of the kind, for messages.
    pub fn label(self) -> &'static str {
        match self {
            Special::Fifo => "ống dẫn có tên (FIFO)",
            Special::Socket => "socket",
            Special::Device => "tệp thiết bị",
            Special::Submodule => "submodule Git",
            Special::BadName => "tệp có tên không phải UTF-8",
            Special::Other => "tệp đặc biệt",
        }
    }
}

/// A tree of files below a site root: the working tree, or the tree of a commit. Paths
/// are relative to the root, `/`-separated, without `.` or `..` parts (`""` is the root);
/// [`resolve`] only ever asks for such paths.
pub trait Tree: Sync {
    /// What stands at `path`, not following a link there.
    fn entry(&self, path: &str) -> io::Result<Entry>;

    /// The names in the folder at `path` with what each is, sorted by name.
    fn children(&self, path: &str) -> io::Result<Children>;

    /// The bytes of the regular file at `path`, at most `limit` of them (a file that grew
    /// beyond it since its size was read is cut there and then refused by the reader).
    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>>;

    /// The root-relative form of an absolute link target, when it lies inside the root.
    fn relative_target(&self, absolute: &str) -> Option<String>;
}

/// Where a path leads, once every link on the way is followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The real path, relative to the root, without links.
    pub path: String,
    /// A folder or a file (never a link, special file or missing).
    pub entry: Entry,
}

/// Why a path gives nothing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing there (or a link to nothing).
    Missing,
    /// The path, or a link on the way, leads outside the site root.
    Outside,
    /// The path, or a link on the way, enters a hidden name (`.git`, a dotfile).
    Hidden,
    /// Links lead to links too many times (a cycle).
    Loop,
    /// A file that must be new already exists.
    Exists,
    /// Not a file or folder.
    Special(Special),
    /// A file used as a folder, or a name that cannot be a site path.
    Invalid,
    /// A file larger than the limit of what is read there.
    TooLarge { size: u64, limit: u64 },
    /// The file system or repository failed, with its message.
    Unreadable(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Missing => f.write_str("không tồn tại"),
            Refusal::Outside => f.write_str("dẫn ra ngoài thư mục gốc của trang"),
            Refusal::Hidden => f.write_str("dẫn vào tệp hoặc thư mục ẩn (tên bắt đầu bằng `.`, như `.git`)"),
            Refusal::Loop => f.write_str("là vòng lặp liên kết"),
            Refusal::Exists => f.write_str("đã có; guong không ghi đè"),
            Refusal::Special(kind) => write!(f, "là {}, không phải tệp thường", kind.label()),
            Refusal::Invalid => f.write_str("không phải đường dẫn hợp lệ trong trang"),
            Refusal::TooLarge { size, limit } => write!(f, "quá lớn ({size} byte; giới hạn {limit} byte)"),
            Refusal::Unreadable(message) => write!(f, "không đọc được: {message}"),
        }
    }
}

impl From<io::Error> for Refusal {
    fn from(error: io::Error) -> Self {
        Refusal::Unreadable(io_text(&error))
    }
}

/// Whether a name is hidden (`.git`, `.env`, `.`, `..`).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Follows `path` (relative to the root) through every link on the way, one part at a
/// time, and says where it leads: a folder or regular file inside the root, reached
/// without entering a hidden name; anything else is refused. The path itself may not
/// hold `..`; a link's target may, as long as it stays inside the root.
pub fn resolve(tree: &dyn Tree, path: &str) -> Result<Resolved, Refusal> {
    if path.starts_with('/') || path.contains('\\') || path.split('/').any(|part| part == "..") {
        return Err(Refusal::Invalid);
    }
    // Parts still to walk, last first, and the real folders walked so far.
    let mut pending: Vec<String> = path.split('/').rev().map(str::to_owned).collect();
    let mut real: Vec<String> = Vec::new();
    let mut hops = 0;
    while let Some(part) = pending.pop() {
        match part.as_str() {
            "" | "." => continue,
            ".." => {
                real.pop().ok_or(Refusal::Outside)?;
                continue;
            }
            name if is_hidden(name) => return Err(Refusal::Hidden),
            _ => {}
        }
        real.push(part);
        let here = real.join("/");
        match tree.entry(&here)? {
            Entry::Folder => {}
            Entry::File { .. } if pending.iter().all(|p| p.is_empty() || p == ".") => {}
            Entry::File { .. } => return Err(Refusal::Invalid),
            Entry::Link { target } => {
                hops += 1;
                if hops > MAX_LINK_HOPS {
                    return Err(Refusal::Loop);
                }
                real.pop();
                let relative = if target.starts_with('/') {
                    real.clear();
                    tree.relative_target(&target).ok_or(Refusal::Outside)?
                } else {
                    target
                };
                pending.extend(relative.split('/').rev().map(str::to_owned));
            }
            Entry::Special(kind) => return Err(Refusal::Special(kind)),
            Entry::Missing => return Err(Refusal::Missing),
        }
    }
    let path = real.join("/");
    let entry = if path.is_empty() { Entry::Folder } else { tree.entry(&path)? };
    Ok(Resolved { path, entry })
}

/// Where `path` leads when its last parts may not exist yet (a file or folders a write
/// will create): the part that exists is followed by the rules of [`resolve`], the rest
/// appended as written (it holds no link, since it does not exist; nothing hidden either).
/// A dangling link on the way is refused (writing would create its target), and so is an
/// existing special file at the end. Returns the real path, relative to the root.
pub fn resolve_new(tree: &dyn Tree, path: &str) -> Result<String, Refusal> {
    let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty() && *part != ".").collect();
    if parts.iter().any(|part| is_hidden(part)) {
        return Err(if parts.contains(&"..") { Refusal::Invalid } else { Refusal::Hidden });
    }
    let mut real = String::new();
    for (index, part) in parts.iter().enumerate() {
        let next = if real.is_empty() { (*part).to_owned() } else { format!("{real}/{part}") };
        match resolve(tree, &next) {
            Ok(resolved) => real = resolved.path,
            Err(Refusal::Missing) if tree.entry(&next)? == Entry::Missing => {
                return Ok([next.as_str()]
                    .into_iter()
                    .chain(parts[index + 1..].iter().copied())
                    .collect::<Vec<_>>()
                    .join("/"));
            }
            Err(Refusal::Missing) => return Err(Refusal::Outside),
            Err(refusal) => return Err(refusal),
        }
    }
    Ok(real)
}

/// A file of a site folder that was not read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The path as the site names it, relative to the root.
    pub path: String,
    pub reason: Skip,
}

/// Why a file was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// A link holding `target` that leads nowhere guong may read.
    Link { target: String, refusal: Refusal },
    /// A link to a folder already listed (a cycle, or a second way to the same files).
    LinkToListed { target: String },
    /// A FIFO, socket, device or other non-regular file.
    Special(Special),
    /// Larger than the folder's limit.
    TooLarge { size: u64, limit: u64 },
    /// Reading it failed.
    Unreadable(String),
    /// A folder whose entries could not be listed: nothing in it was read.
    UnreadableFolder(String),
}

/// The files of one site folder, and those skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Files read, sorted by path.
    pub files: Vec<SourceFile>,
    /// Files not read, sorted by path.
    pub skipped: Vec<Skipped>,
}

/// A file found by a walk, not yet read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    /// The path as the site names it.
    pub path: String,
    /// Where it really is, relative to the root (links resolved).
    pub real: String,
    pub size: u64,
}

/// The site folder `folder` itself refused (e.g. `static -> /etc`): the whole folder is
/// not read, and the site cannot be built as its author meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderRefused {
    pub folder: String,
    pub refusal: Refusal,
}

impl fmt::Display for FolderRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "thư mục `{}` của trang {}; guong chỉ đọc tệp nằm trong thư mục gốc của trang, ngoài các thư mục ẩn",
            self.folder, self.refusal
        )
    }
}

/// The entries of a folder, as [`Tree::children`] gives them.
pub type Children = Vec<(String, Entry)>;

/// Every file under the site folder `folder` (`content`, `templates`, `static`; itself
/// possibly a link that resolves inside the root), found with the rules of this module and
/// sorted by path, and the files skipped, sorted by path. Hidden names are left out
/// silently; files over `limit` bytes are skipped by their size, unread. A link to a folder
/// is followed when it resolves inside the root, outside hidden names and outside the
/// folders already listed (a link to its own folder, a parent or a sibling already walked
/// would list files twice or loop). A missing folder lists nothing; a folder that cannot be
/// read is skipped as a whole, except the top one, which is refused.
pub fn find(tree: &dyn Tree, folder: &str, limit: u64) -> Result<(Vec<Located>, Vec<Skipped>), FolderRefused> {
    let refused = |refusal| FolderRefused { folder: folder.to_owned(), refusal };
    let start = match resolve(tree, folder) {
        Ok(Resolved { path, entry: Entry::Folder }) => path,
        Ok(_) | Err(Refusal::Missing) => return Ok((Vec::new(), Vec::new())),
        Err(refusal) => return Err(refused(refusal)),
    };
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    // Real folders whose whole subtree is listed.
    let mut listed = vec![start.clone()];
    // Folders still to list, each with its listing once made: the subfolders of a folder are
    // listed on every core as soon as it is walked, then walked in the same order as ever.
    let mut folders: Vec<(String, String, Option<io::Result<Children>>)> = vec![(folder.to_owned(), start, None)];
    while let Some((shown, real, listing)) = folders.pop() {
        let waiting = folders.len();
        let children = match listing.unwrap_or_else(|| tree.children(&real)) {
            Ok(children) => children,
            Err(error) if shown == folder => return Err(refused(error.into())),
            Err(error) => {
                skipped.push(Skipped { path: shown, reason: Skip::UnreadableFolder(io_text(&error)) });
                continue;
            }
        };
        for (name, entry) in children {
            if is_hidden(&name) {
                continue;
            }
            let path = format!("{shown}/{name}");
            let real_path = if real.is_empty() { name.clone() } else { format!("{real}/{name}") };
            let mut skip = |reason| skipped.push(Skipped { path: path.clone(), reason });
            let (real_path, size) = match entry {
                Entry::Folder => {
                    folders.push((path.clone(), real_path, None));
                    continue;
                }
                Entry::File { size } => (real_path, size),
                Entry::Link { target } => match resolve(tree, &real_path) {
                    Ok(Resolved { path: to, entry: Entry::File { size } }) => (to, size),
                    Ok(Resolved { path: to, .. }) if listed.iter().any(|done| overlap(done, &to)) => {
                        skip(Skip::LinkToListed { target });
                        continue;
                    }
                    Ok(Resolved { path: to, .. }) => {
                        listed.push(to.clone());
                        folders.push((path.clone(), to, None));
                        continue;
                    }
                    Err(refusal) => {
                        skip(Skip::Link { target, refusal });
                        continue;
                    }
                },
                Entry::Special(Special::Submodule) | Entry::Missing => continue,
                Entry::Special(kind) => {
                    skip(Skip::Special(kind));
                    continue;
                }
            };
            if size > limit {
                skip(Skip::TooLarge { size, limit });
            } else {
                found.push(Located { path, real: real_path, size });
            }
        }
        let fresh = &mut folders[waiting..];
        let listings: Vec<io::Result<Children>> = fresh.par_iter().map(|(_, real, _)| tree.children(real)).collect();
        for (folder, listing) in fresh.iter_mut().zip(listings) {
            folder.2 = Some(listing);
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((found, skipped))
}

/// Whether one of two real folders holds the other (or they are the same).
fn overlap(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        outer.is_empty() || inner == outer || inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('/'))
    };
    within(a, b) || within(b, a)
}

/// Reads one file `found`, at most `limit` bytes; a file that cannot be read (or grew past
/// the limit since it was found) is skipped instead.
pub fn read_located(tree: &dyn Tree, found: Located, limit: u64) -> Result<SourceFile, Skipped> {
    match tree.read(&found.real, limit) {
        Ok(bytes) if bytes.len() as u64 > limit => {
            Err(Skipped { path: found.path, reason: Skip::TooLarge { size: bytes.len() as u64, limit } })
        }
        Ok(bytes) => Ok(SourceFile { path: found.path, bytes }),
        Err(error) => Err(Skipped { path: found.path, reason: Skip::Unreadable(io_text(&error)) }),
    }
}

/// Reads the files `found`, in parallel (see [`read_located`]); those that cannot be read
/// are added to `skipped`.
pub fn read_found(tree: &dyn Tree, found: Vec<Located>, limit: u64, skipped: &mut Vec<Skipped>) -> Vec<SourceFile> {
    let (files, unread): (Vec<SourceFile>, Vec<Skipped>) =
        found.into_par_iter().map(|file| read_located(tree, file, limit)).partition_map(either);
    if !unread.is_empty() {
        skipped.extend(unread);
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
    }
    files
}

/// A result as the side rayon's `partition_map` puts it on: values left, errors right (in
/// the order of the iterator on each side).
pub fn either<T, E>(result: Result<T, E>) -> Either<T, E> {
    match result {
        Ok(value) => Either::Left(value),
        Err(error) => Either::Right(error),
    }
}

/// Every file under `folder`, read (see [`find`] and [`read_found`]).
pub fn list(tree: &dyn Tree, folder: &str, limit: u64) -> Result<Listing, FolderRefused> {
    let (found, mut skipped) = find(tree, folder, limit)?;
    let files = read_found(tree, found, limit, &mut skipped);
    Ok(Listing { files, skipped })
}

/// The bytes of the site file at `path` (links followed by the rules of this module), if
/// it holds at most `limit` of them; `Err(Refusal::Missing)` when there is none (or a
/// folder).
pub fn read(tree: &dyn Tree, path: &str, limit: u64) -> Result<Vec<u8>, Refusal> {
    let resolved = resolve(tree, path)?;
    let Entry::File { size } = resolved.entry else { return Err(Refusal::Missing) };
    let bytes = if size <= limit { tree.read(&resolved.path, limit)? } else { Vec::new() };
    let size = size.max(bytes.len() as u64);
    if size > limit { Err(Refusal::TooLarge { size, limit }) } else { Ok(bytes) }
}

#[cfg(test)]
mod tests;
