//! The build cache beside the output, `.<output>.guong-cache/`: for every file of the
//! current output that has a fingerprint, the fingerprint and which file on disk it is, so
//! the next build keeps a file whose fingerprint did not change instead of making it again;
//! and for every folder made as a whole (the search index), the fingerprint of what it was
//! made from, so the next build keeps all its files when that did not change.
//!
//! The cache is a hint, never a source of truth: it is used only when it is guong's (a real
//! folder with guong's marker, see [`owned`]), was written by this very guong executable,
//! describes the output folder that is there now, and the kept file itself is still the
//! file it describes (same inode, length and modification time). Anything else (missing,
//! corrupt, from another guong, an output edited by hand) means the file is made again.
//!
//! A folder job may also keep a memo there ([`memo_place`]): what it computed, for the same
//! guong's later builds to reuse (the search index keeps each document's syllables).

use std::collections::HashMap;
use std::fmt::Write;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::site::fingerprint::Fingerprint;
use crate::site::owned::{self, Found, Purpose};

/// The purpose of the cache folder.
pub const CACHE: Purpose = Purpose::BuildCache;

/// Name of the file holding the manifest, inside the cache folder.
const MANIFEST: &str = "manifest";

/// First line of a manifest: its format.
const FORMAT: &str = "guong-cache 2";

/// Which file (or folder) on disk: a file edited, replaced or removed since is another one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

impl FileId {
    /// The file at `path` (a link is not followed, and is never a file of the output).
    pub fn of(path: &Path) -> Option<FileId> {
        let meta = fs::symlink_metadata(path).ok()?;
        if meta.file_type().is_symlink() {
            return None;
        }
        let mtime_ns = i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec());
        Some(FileId { dev: meta.dev(), ino: meta.ino(), len: meta.len(), mtime_ns })
    }

    /// Whether `self` and `other` are the same inode (a folder, or a file linked twice).
    pub fn same_inode(self, other: FileId) -> bool {
        self.dev == other.dev && self.ino == other.ino
    }
}

/// One file of an output: what it was made from, and which file it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub fingerprint: Fingerprint,
    pub file: FileId,
}

/// A folder of an output made as a whole: what it was made from, and how many files it
/// holds (a manifest missing one of them does not describe it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folder {
    pub fingerprint: Fingerprint,
    pub files: usize,
}

/// The fingerprinted files of one output folder, by path relative to it, and its folders
/// made as a whole.
#[derive(Debug, Default, PartialEq)]
pub struct Manifest {
    pub entries: HashMap<String, Entry>,
    pub folders: HashMap<String, Folder>,
}

/// `.<name>.guong-cache`, beside the target.
pub fn cache_of(target: &Path) -> PathBuf {
    let name = target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.guong-cache"))
}

/// The guong build a cache belongs to: its version and its executable (length and time), so
/// a rebuilt or upgraded guong never trusts what another one made. `None` (no cache at all)
/// when the executable cannot be found.
fn build_key() -> Option<&'static str> {
    static KEY: OnceLock<Option<String>> = OnceLock::new();
    KEY.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let meta = fs::metadata(exe).ok()?;
        let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(format!("{} {} {}", env!("CARGO_PKG_VERSION"), meta.len(), modified.as_nanos()))
    })
    .as_deref()
}

/// The manifest of `target` as it is now, when the cache beside it can be trusted.
pub fn load(target: &Path) -> Option<Manifest> {
    let cache = cache_of(target);
    if owned::inspect(&cache, CACHE) != Found::Owned {
        return None;
    }
    // Only a regular file: a link is never followed, and a FIFO there would block the build.
    let manifest = cache.join(MANIFEST);
    if !fs::symlink_metadata(&manifest).ok()?.is_file() {
        return None;
    }
    let text = fs::read_to_string(manifest).ok()?;
    let mut lines = text.split('\n');
    if lines.next()? != FORMAT || lines.next()?.strip_prefix("build ")? != build_key()? {
        return None;
    }
    let root = FileId::of(target)?;
    let (dev, ino) = lines.next()?.strip_prefix("root ")?.split_once(' ')?;
    if (dev.parse().ok()?, ino.parse().ok()?) != (root.dev, root.ino) {
        return None;
    }
    let mut manifest = Manifest::default();
    for line in lines.filter(|line| !line.is_empty()) {
        if let Some(folder) = line.strip_prefix("folder ") {
            let mut fields = folder.splitn(3, ' ');
            let fingerprint = Fingerprint::from_hex(fields.next()?)?;
            let files = fields.next()?.parse().ok()?;
            manifest.folders.insert(fields.next()?.to_owned(), Folder { fingerprint, files });
        } else {
            let (path, entry) = parse_entry(line)?;
            manifest.entries.insert(path.to_owned(), entry);
        }
    }
    Some(manifest)
}

/// `<fingerprint> <dev> <ino> <len> <mtime ns> <path>`.
fn parse_entry(line: &str) -> Option<(&str, Entry)> {
    let mut fields = line.splitn(6, ' ');
    let fingerprint = Fingerprint::from_hex(fields.next()?)?;
    let mut number = || fields.next()?.parse::<u64>().ok();
    let (dev, ino, len) = (number()?, number()?, number()?);
    let mtime_ns = fields.next()?.parse().ok()?;
    let path = fields.next()?;
    Some((path, Entry { fingerprint, file: FileId { dev, ino, len, mtime_ns } }))
}

/// The cache folder of `target`, created when there is none; `None` when its place is taken
/// by something that is not guong's (left alone).
fn cache_folder(target: &Path) -> io::Result<Option<PathBuf>> {
    let cache = cache_of(target);
    match owned::inspect(&cache, CACHE) {
        Found::Owned => {}
        Found::Absent => {
            owned::create(&cache, CACHE)?;
            owned::write_new(&cache.join(".gitignore"), b"*\n")?;
        }
        Found::Foreign(_) => return Ok(None),
    }
    Ok(Some(cache))
}

/// Writes the manifest of `target`, whose folder is `root`. Creates the cache folder when
/// there is none; leaves a place taken by something that is not guong's alone.
pub fn save(target: &Path, root: FileId, manifest: &Manifest) -> io::Result<()> {
    let Some(key) = build_key() else { return Ok(()) };
    let Some(cache) = cache_folder(target)? else { return Ok(()) };
    let one_line = |path: &&String| !path.contains(['\n', '\r']);
    let mut text = format!("{FORMAT}\nbuild {key}\nroot {} {}\n", root.dev, root.ino);
    let mut folders: Vec<&String> = manifest.folders.keys().filter(one_line).collect();
    folders.sort();
    for folder in folders {
        let Folder { fingerprint, files } = manifest.folders[folder];
        let _ = writeln!(text, "folder {} {files} {folder}", fingerprint.to_hex());
    }
    let mut paths: Vec<&String> = manifest.entries.keys().filter(one_line).collect();
    paths.sort();
    for path in paths {
        let Entry { fingerprint, file } = manifest.entries[path];
        let FileId { dev, ino, len, mtime_ns } = file;
        let _ = writeln!(text, "{} {dev} {ino} {len} {mtime_ns} {path}", fingerprint.to_hex());
    }
    let temp = cache.join(format!("{MANIFEST}.tmp-{}", std::process::id()));
    owned::write_new(&temp, text.as_bytes())?;
    fs::rename(temp, cache.join(MANIFEST))
}

/// Where a folder job of the output keeps what it computed, for later builds of the same
/// guong: a file of the cache folder, which the job reads only when `reuse` allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoPlace {
    pub path: PathBuf,
    /// The guong build writing it (a memo of another build is not read).
    pub build: &'static str,
    /// Whether the memo there may be read (not with `--no-cache`).
    pub reuse: bool,
}

/// The memo of the folder job of `folder` (`memo-tim-kiem`), in the cache folder of `target`
/// (created when there is none); `None` when the cache folder is not guong's or the guong
/// build is unknown.
pub fn memo_place(target: &Path, folder: &str, reuse: bool) -> Option<MemoPlace> {
    let build = build_key()?;
    let name = format!("memo-{}", folder.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_"));
    let cache = cache_folder(target).ok()??;
    Some(MemoPlace { path: cache.join(name), build, reuse })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_is_read_back_only_for_the_folder_it_describes() {
        let dir = std::env::temp_dir().join(format!("guong-cache-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let target = dir.join("public");
        fs::create_dir_all(&target).unwrap();
        fs::write(target.join("a.html"), "a").unwrap();
        let file = FileId::of(&target.join("a.html")).unwrap();
        let fingerprint = Fingerprint::of(&[], "a").unwrap();
        let entry = Entry { fingerprint, file };
        let folder = Folder { fingerprint, files: 12 };
        let manifest = Manifest {
            entries: HashMap::from([("a b.html".to_owned(), entry), ("x\ny".to_owned(), entry)]),
            folders: HashMap::from([("tim kiem".to_owned(), folder), ("x\ny".to_owned(), folder)]),
        };
        assert_eq!(load(&target), None);
        save(&target, FileId::of(&target).unwrap(), &manifest).unwrap();
        let read = load(&target).unwrap();
        assert_eq!(read.entries, HashMap::from([("a b.html".to_owned(), entry)]));
        assert_eq!(read.folders, HashMap::from([("tim kiem".to_owned(), folder)]));
        assert_eq!(fs::read_to_string(cache_of(&target).join(".gitignore")).unwrap(), "*\n");

        // Another folder in the output's place (a fresh build, a copy): not described.
        fs::rename(&target, dir.join("moved")).unwrap();
        fs::create_dir(&target).unwrap();
        assert_eq!(load(&target), None);
        fs::remove_dir(&target).unwrap();
        fs::rename(dir.join("moved"), &target).unwrap();
        assert!(load(&target).is_some());

        // Corrupt, or without the marker: ignored.
        let path = cache_of(&target).join(MANIFEST);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace(&fingerprint.to_hex(), "nope")).unwrap();
        assert_eq!(load(&target), None);
        fs::write(&path, &text).unwrap();
        // A link or a FIFO in the manifest's place: not followed, never waited on.
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(dir.join("elsewhere"), &path).unwrap();
        fs::write(dir.join("elsewhere"), &text).unwrap();
        assert_eq!(load(&target), None);
        fs::remove_file(&path).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(&path).status().unwrap().success());
        assert_eq!(load(&target), None);
        fs::remove_file(&path).unwrap();
        fs::write(&path, &text).unwrap();
        assert!(load(&target).is_some());
        fs::remove_file(cache_of(&target).join(owned::MARKER)).unwrap();
        assert_eq!(load(&target), None);
        fs::remove_dir_all(&dir).unwrap();
    }
}
