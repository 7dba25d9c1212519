//! The output writer: a build fills a staging folder beside the output and only a complete
//! build is swapped in, so readers never see half a site, a failed build leaves the previous
//! output untouched and no stale file survives.
//!
//! The staging folder starts as a copy of the site two builds ago, kept beside the output as
//! `.<name>.guong-prev` (a cache, like a compiler's target folder): a file whose bytes did
//! not change is left as it is, changed files are replaced, files no page produced are
//! removed. After the swap, the displaced output becomes the next build's starting point. A
//! rebuild that changes a few pages therefore touches a few files, instead of creating and
//! deleting the whole tree (most of a large site's build time on a real file system).
//!
//! With the build cache (`site::cache`), a file whose fingerprint did not change is not made
//! at all: the output's file is linked into the staging folder (a hard link, or a copy where
//! links are not possible), unless the staging folder already holds that very file. Files
//! are never rewritten in place, so a file linked into both folders is never changed
//! through one of them.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::site::cache::{self, CACHE, Entry, FileId, Folder, Manifest, MemoPlace};
use crate::site::fingerprint::Fingerprint;
use crate::site::job::{LaterFile, Previous};
use crate::site::owned::{self, Found, Purpose};
use crate::source::is_safe_relative;

/// The purpose of every folder this module keeps.
const BUILD: Purpose = Purpose::BuildOutput;

/// A folder being filled, swapped into place by [`Staging::commit`]; kept as the next
/// build's starting point when dropped uncommitted.
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    /// Paths written by this build (relative, `/`), with what fingerprinted ones were made
    /// from: everything else in `temp` is stale.
    written: Mutex<HashMap<String, Option<Entry>>>,
    /// Folders made (or kept) as a whole by this build.
    folders: Mutex<HashMap<String, Folder>>,
    /// The cache of the output being replaced, when it can be used.
    previous: Option<Manifest>,
    /// Whether what the cache holds may be reused (not with `--no-cache`).
    use_cache: UseCache,
    committed: bool,
}

/// Whether a build may keep files from the previous output (`guong build --no-cache` may
/// not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UseCache {
    Yes,
    No,
}

impl Staging {
    /// Starts a build of `target`: its staging folder is the cached previous site, or empty.
    /// A cache or staging folder that is not guong's (see [`owned`]) is refused, untouched.
    /// With `use_cache`, files whose fingerprint did not change may be kept (see
    /// [`Staging::keep`]).
    pub fn begin(target: &Path, use_cache: UseCache) -> io::Result<Staging> {
        let temp = sibling(target, "tmp");
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        if fs::symlink_metadata(target).is_ok_and(|meta| !meta.is_dir()) {
            let message = format!("`{}` là liên kết hoặc tệp, không phải thư mục xuất", target.display());
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, message));
        }
        remove_abandoned(target);
        let cache = cache_of(target);
        for (folder, purpose) in [(&temp, BUILD), (&cache, BUILD), (&cache::cache_of(target), CACHE)] {
            if let Found::Foreign(why) = owned::inspect(folder, purpose) {
                return Err(io::Error::new(io::ErrorKind::AlreadyExists, not_ours(folder, why)));
            }
        }
        owned::remove(&temp, BUILD)?;
        if !(owned::inspect(&cache, BUILD) == Found::Owned && fs::rename(&cache, &temp).is_ok()) {
            owned::create(&temp, BUILD)?;
        }
        let previous = if use_cache == UseCache::Yes { cache::load(target) } else { None };
        Ok(Staging {
            target: target.to_path_buf(),
            temp,
            written: Mutex::default(),
            folders: Mutex::default(),
            previous,
            use_cache,
            committed: false,
        })
    }

    /// Keeps the output's file at `path` when it was made from `fingerprint` and is still
    /// the file the cache describes: it is linked (or copied) into the staging folder, unless
    /// that already holds it. Returns whether it was kept; when not, the caller makes it.
    pub fn keep(&self, path: &str, fingerprint: Fingerprint) -> bool {
        let Some(entry) = self.previous.as_ref().and_then(|m| m.entries.get(path)) else { return false };
        if entry.fingerprint != fingerprint || !is_safe_relative(path) {
            return false;
        }
        let source = self.target.join(path);
        if FileId::of(&source) != Some(entry.file) {
            return false;
        }
        let full = self.temp.join(path);
        let placed = FileId::of(&full).is_some_and(|held| held == entry.file)
            || (make_room(&self.temp, path).is_ok()
                && (fs::hard_link(&source, &full).is_ok() || fs::copy(&source, &full).is_ok()));
        let Some(file) = placed.then(|| FileId::of(&full)).flatten() else { return false };
        self.record(path, Some(Entry { fingerprint, file }));
        true
    }

    /// Keeps every file of the folder `folder` when the output's cache says the folder was
    /// made from `fingerprint` and describes each of its files, each still the file it
    /// describes; returns how many, or `None` (nothing kept) when the folder was made from
    /// something else, holds no file, or one cannot be kept.
    pub fn keep_folder(&self, folder: &str, fingerprint: Fingerprint) -> Option<usize> {
        let previous = self.previous.as_ref()?;
        let made = previous.folders.get(folder).filter(|made| made.fingerprint == fingerprint)?;
        let prefix = format!("{folder}/");
        // Every file recorded under the folder is the folder job's: no other job may write there.
        let held: Vec<(&str, Fingerprint)> = (previous.entries.iter())
            .filter(|(path, _)| path.starts_with(&prefix))
            .map(|(path, entry)| (path.as_str(), entry.fingerprint))
            .collect();
        let whole = !held.is_empty() && held.len() == made.files;
        if !whole || !held.par_iter().all(|&(path, own)| self.keep(path, own)) {
            let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
            for (path, _) in &held {
                written.remove(*path);
            }
            return None;
        }
        self.record_folder(folder, Folder { fingerprint, files: held.len() });
        Some(held.len())
    }

    /// Writes the files of the folder job of `folder`, made from `fingerprint` when it has
    /// one: a file with a fingerprint of its own is kept when that did not change (see
    /// [`Staging::keep`]), and made otherwise. Returns how many files the folder holds.
    pub fn write_folder(
        &self,
        folder: &str,
        files: Vec<LaterFile>,
        fingerprint: Option<Fingerprint>,
    ) -> io::Result<usize> {
        let count = files.len();
        files.into_par_iter().try_for_each(|file| {
            if file.fingerprint.is_some_and(|own| self.keep(&file.path, own)) {
                return Ok(());
            }
            self.write(&file.path, &(file.make)(), file.fingerprint.or(fingerprint))
        })?;
        if let Some(fingerprint) = fingerprint {
            // A file whose entry could not be recorded leaves the folder short of it: the
            // next build does not keep the folder whole.
            self.record_folder(folder, Folder { fingerprint, files: count });
        }
        Ok(count)
    }

    /// Records the folder `folder`, made as a whole (see [`Staging::keep_folder`]).
    fn record_folder(&self, folder: &str, made: Folder) {
        self.folders.lock().unwrap_or_else(|e| e.into_inner()).insert(folder.to_owned(), made);
    }

    fn record(&self, path: &str, entry: Option<Entry>) {
        self.written.lock().unwrap_or_else(|e| e.into_inner()).insert(path.to_owned(), entry);
    }

    /// Writes one file, made from `fingerprint` when it has one; `path` is relative and must
    /// stay inside the folder. A file already holding exactly `bytes` is left untouched.
    pub fn write(&self, path: &str, bytes: &[u8], fingerprint: Option<Fingerprint>) -> io::Result<()> {
        if !is_safe_relative(path) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("đường dẫn xuất không hợp lệ: `{path}`")));
        }
        let full = self.temp.join(path);
        if !unchanged(&full, bytes) {
            make_room(&self.temp, path)?;
            // A new file, never an in-place rewrite: the old one may be linked from elsewhere.
            fs::write(&full, bytes)?;
        }
        let entry = fingerprint.and_then(|fingerprint| Some(Entry { fingerprint, file: FileId::of(&full)? }));
        self.record(path, entry);
        Ok(())
    }

    /// Removes what this build did not write, puts the new folder in place of the old one,
    /// and keeps the old one as the next build's starting point.
    pub fn commit(mut self) -> io::Result<()> {
        let written = std::mem::take(&mut *self.written.lock().unwrap_or_else(|e| e.into_inner()));
        remove_stale(&self.temp, "", &written)?;
        let root = FileId::of(&self.temp);
        let old = sibling(&self.target, "old");
        let had_previous = fs::symlink_metadata(&self.target).is_ok();
        if had_previous {
            if let Found::Foreign(why) = owned::inspect(&old, BUILD) {
                return Err(io::Error::new(io::ErrorKind::AlreadyExists, not_ours(&old, why)));
            }
            owned::remove(&old, BUILD)?;
            fs::rename(&self.target, &old)?;
            owned::mark(&old, BUILD)?;
        }
        if let Err(error) = fs::rename(&self.temp, &self.target) {
            if had_previous {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(error);
        }
        self.committed = true;
        if had_previous {
            keep_as_cache(&old, &cache_of(&self.target));
        }
        // The site is published whatever happens to the cache: a cache that cannot be
        // written only makes the next build a full one.
        let entries = written.into_iter().filter_map(|(path, entry)| Some((path, entry?))).collect();
        let folders = std::mem::take(&mut *self.folders.lock().unwrap_or_else(|e| e.into_inner()));
        if let Some(root) = root {
            let _ = cache::save(&self.target, root, &Manifest { entries, folders });
        }
        Ok(())
    }
}

impl Previous for Staging {
    fn keep(&self, path: &str, fingerprint: Fingerprint) -> bool {
        Staging::keep(self, path, fingerprint)
    }

    fn keep_folder(&self, folder: &str, fingerprint: Fingerprint) -> Option<usize> {
        Staging::keep_folder(self, folder, fingerprint)
    }

    fn memo(&self, folder: &str) -> Option<MemoPlace> {
        cache::memo_place(&self.target, folder, self.use_cache == UseCache::Yes)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            keep_as_cache(&self.temp, &cache_of(&self.target));
        }
    }
}

/// Makes `folder` (a folder guong owns) the cache of the next build, whatever it holds:
/// the next build compares every file and removes what it does not write. Removes it
/// instead when the cache's place is taken. The cache holds a `.gitignore` of `*`, so Git
/// never offers it for a commit.
fn keep_as_cache(folder: &Path, cache: &Path) {
    let kept = owned::inspect(cache, BUILD) == Found::Absent
        && fs::rename(folder, cache).is_ok()
        && owned::write_new(&cache.join(".gitignore"), b"*\n").is_ok();
    if !kept {
        let _ = owned::remove(folder, BUILD);
        let _ = owned::remove(cache, BUILD);
    }
}

/// Why guong will not touch `folder`, for the user.
fn not_ours(folder: &Path, why: owned::Foreign) -> String {
    format!(
        "`{}` {why}; guong chỉ dùng thư mục đệm do chính nó tạo nên không đọc, ghi hay xóa gì ở đó. \
         Hãy kiểm tra rồi tự xóa nó nếu không cần",
        folder.display()
    )
}

/// `.<name>.guong-prev`, beside the target.
fn cache_of(target: &Path) -> PathBuf {
    let name = target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.guong-prev"))
}

/// Whether `full` holds exactly `bytes`. The file is compared a block at a time through one
/// buffer per thread: a build compares thousands of files, and reading each whole into new
/// memory made the kernel clear that memory first.
fn unchanged(full: &Path, bytes: &[u8]) -> bool {
    const BLOCK: usize = 64 * 1024;
    thread_local! {
        static BUFFER: RefCell<Vec<u8>> = RefCell::new(vec![0; BLOCK]);
    }
    let same_size = fs::symlink_metadata(full).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
    let Some(mut file) = same_size.then(|| File::open(full).ok()).flatten() else { return false };
    BUFFER.with_borrow_mut(|buffer| {
        bytes.chunks(BLOCK).all(|expected| {
            let held = &mut buffer[..expected.len()];
            file.read_exact(held).is_ok() && held == expected
        }) && file.read(&mut buffer[..1]).is_ok_and(|n| n == 0)
    })
}

/// Clears the way for a file at `path` under `root`: creates the folders on its way (other
/// threads may be creating them too), replacing files of the cached site that stand where a
/// folder must be, and removes whatever stands at `path` itself.
fn make_room(root: &Path, path: &str) -> io::Result<()> {
    let mut current = root.to_path_buf();
    let mut parts = path.split('/').peekable();
    while let Some(part) = parts.next() {
        current.push(part);
        if parts.peek().is_none() {
            return match fs::symlink_metadata(&current) {
                Ok(meta) if meta.is_dir() => fs::remove_dir_all(&current),
                Ok(_) => fs::remove_file(&current),
                Err(_) => Ok(()),
            };
        }
        if let Err(error) = fs::create_dir(&current) {
            let is_dir = fs::symlink_metadata(&current).is_ok_and(|meta| meta.is_dir());
            if error.kind() != io::ErrorKind::AlreadyExists {
                return Err(error);
            }
            if !is_dir {
                fs::remove_file(&current)?;
                fs::create_dir(&current)?;
            }
        }
    }
    Ok(())
}

/// Removes every file under `dir` (at `prefix` in the site) that is not in `written`, and
/// the folders left empty. Returns whether `dir` is now empty.
fn remove_stale<T: Sync>(dir: &Path, prefix: &str, written: &HashMap<String, T>) -> io::Result<bool> {
    let entries = fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    // Folders are walked in parallel: a large site's output holds tens of thousands.
    let kept = entries.par_iter().map(|entry| -> io::Result<bool> {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        if entry.file_type()?.is_dir() {
            let empty = remove_stale(&entry.path(), &path, written)?;
            if empty {
                fs::remove_dir(entry.path())?;
            }
            Ok(!empty)
        } else if written.contains_key(&path) {
            Ok(true)
        } else {
            fs::remove_file(entry.path())?;
            Ok(false)
        }
    });
    let kept: Vec<bool> = kept.collect::<io::Result<_>>()?;
    Ok(!kept.contains(&true))
}

/// Removes staging folders left beside `target` by builds that were killed (their process
/// is gone). Only where running processes can be listed (`/proc`); elsewhere they stay.
fn remove_abandoned(target: &Path) {
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else { return };
    let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
    let processes = Path::new("/proc");
    let Ok(entries) = fs::read_dir(parent) else { return };
    if !processes.join("self").exists() {
        return;
    }
    let name = name.to_string_lossy();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let pid = ["tmp", "old"].iter().find_map(|what| file_name.strip_prefix(&format!("{name}.{what}-")));
        let is_pid = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if pid.filter(is_pid).is_some_and(|pid| !processes.join(pid).exists()) {
            let _ = owned::remove(&entry.path(), BUILD);
        }
    }
}

/// `<target>.<what>-<pid>`, beside the target.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!("{name}.{what}-{}", std::process::id()))
}

/// Refuses output folders a build must never replace: the site root or a folder holding
/// it, the site's sources, an existing folder that is not a built site, a link (or a path
/// through a link inside the site root), and an output whose cache place beside it holds
/// something that is not guong's.
pub fn check_output(root: &Path, output: &Path) -> Result<(), String> {
    let shown = output.display();
    through_link(root, output)?;
    let root = root.canonicalize().map_err(|e| format!("không mở được thư mục gốc: {e}"))?;
    let output = resolve(output).ok_or_else(|| format!("thư mục xuất `{shown}` không hợp lệ"))?;
    if root.starts_with(&output) {
        return Err(format!("thư mục xuất `{shown}` chứa thư mục gốc của trang; chọn thư mục khác"));
    }
    if ["content", "templates", "static", "themes"].iter().any(|f| output.starts_with(root.join(f))) {
        return Err(format!("thư mục xuất `{shown}` nằm trong thư mục nguồn của trang; chọn thư mục khác"));
    }
    if output.is_file() {
        return Err(format!("`{shown}` là một tệp, không phải thư mục"));
    }
    let not_a_site = output.is_dir()
        && !output.join("index.html").is_file()
        && fs::read_dir(&output).map_or(true, |mut entries| entries.next().is_some());
    if not_a_site {
        return Err(format!(
            "thư mục xuất `{shown}` đã có dữ liệu không phải trang đã dựng (không có index.html); \
             chọn thư mục khác hoặc tự xóa nó"
        ));
    }
    for (folder, purpose) in [(cache_of(&output), BUILD), (cache::cache_of(&output), CACHE)] {
        if let Found::Foreign(why) = owned::inspect(&folder, purpose) {
            return Err(not_ours(&folder, why));
        }
    }
    Ok(())
}

/// Refuses an output that is a link, or is reached through a link below the site root (a
/// committed `public -> ../other` must not redirect the build). Links above the root, or in
/// an output path outside it, are the user's own choice on the command line.
fn through_link(root: &Path, output: &Path) -> Result<(), String> {
    let shown = output.display();
    let is_link = |path: &Path| fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    if is_link(output) {
        return Err(format!("thư mục xuất `{shown}` là một liên kết (symlink); guong không ghi qua liên kết"));
    }
    let (Ok(root), Ok(output)) = (std::path::absolute(root), std::path::absolute(output)) else { return Ok(()) };
    let Ok(below) = output.strip_prefix(&root) else { return Ok(()) };
    let mut current = root.clone();
    for part in below.components() {
        current.push(part);
        if is_link(&current) {
            return Err(format!(
                "thư mục xuất `{shown}` đi qua liên kết `{}`; guong không ghi qua liên kết",
                current.display()
            ));
        }
    }
    Ok(())
}

/// The absolute form of `path` with links resolved in the part that exists.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    for part in rest.iter().rev() {
        match Path::new(part).components().next() {
            Some(Component::Normal(_)) => resolved.push(part),
            _ => return None,
        }
    }
    Some(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("guong-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_committed_build_replaces_everything_and_an_abandoned_one_nothing() {
        let dir = temp("swap");
        let out = dir.join("public");
        let first = Staging::begin(&out, UseCache::Yes).unwrap();
        first.write("index.html", b"1", None).unwrap();
        first.write("cu/index.html", b"old", None).unwrap();
        first.commit().unwrap();
        let second = Staging::begin(&out, UseCache::Yes).unwrap();
        second.write("index.html", b"2", None).unwrap();
        drop(second);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"1");
        let third = Staging::begin(&out, UseCache::Yes).unwrap();
        third.write("index.html", b"3", None).unwrap();
        assert!(third.write("../thoat.html", b"x", None).is_err());
        third.commit().unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"3");
        assert!(!out.join("cu").exists());
        let mut leftovers: Vec<_> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        leftovers.sort();
        assert_eq!(leftovers, [".public.guong-cache", ".public.guong-prev", "public"]);

        // A killed build's folders (no such process) go; a live one's stay, and so does a
        // folder guong did not make, whatever its name.
        let dead = u32::MAX;
        owned::create(&dir.join(format!("public.tmp-{dead}")), BUILD).unwrap();
        owned::create(&dir.join(format!("public.old-{dead}")), BUILD).unwrap();
        owned::create(&dir.join("public.tmp-1"), BUILD).unwrap();
        fs::create_dir(dir.join(format!("public.tmp-{}", dead - 1))).unwrap();
        Staging::begin(&out, UseCache::Yes).unwrap().commit().unwrap();
        let mut leftovers: Vec<_> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        leftovers.sort();
        let foreign = format!("public.tmp-{}", dead - 1);
        assert_eq!(
            leftovers,
            [".public.guong-cache", ".public.guong-prev", "public", "public.tmp-1", foreign.as_str()]
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    fn later(path: &str, own: Option<&str>, bytes: &'static [u8]) -> LaterFile {
        let fingerprint = own.map(|own| Fingerprint::of(&[b"own"], own).unwrap());
        LaterFile { path: path.to_owned(), fingerprint, make: Box::new(move || bytes.to_vec()) }
    }

    /// A file that must be kept, never made.
    fn kept(path: &str, own: &str) -> LaterFile {
        let fingerprint = Some(Fingerprint::of(&[b"own"], own).unwrap());
        LaterFile { path: path.to_owned(), fingerprint, make: Box::new(|| panic!("made again")) }
    }

    #[test]
    fn a_folder_keeps_the_files_whose_own_inputs_did_not_change() {
        use std::os::unix::fs::MetadataExt;
        let dir = temp("folder");
        let out = dir.join("public");
        let inode = |path: &str| fs::metadata(out.join(path)).unwrap().ino();
        let (one, two) = (Fingerprint::of(&[], "1").unwrap(), Fingerprint::of(&[], "2").unwrap());
        let first = Staging::begin(&out, UseCache::Yes).unwrap();
        let files = vec![later("idx/a", Some("a"), b"A"), later("idx/b", Some("b"), b"B"), later("idx/m", None, b"M")];
        assert_eq!(first.write_folder("idx", files, Some(one)).unwrap(), 3);
        first.commit().unwrap();
        let a = inode("idx/a");

        // Made again from other inputs: `a` did not change and is kept, `b` and `m` are made.
        let second = Staging::begin(&out, UseCache::Yes).unwrap();
        assert_eq!(second.keep_folder("idx", two), None, "the folder was made from other inputs");
        let files = vec![kept("idx/a", "a"), later("idx/b", Some("b2"), b"B2"), later("idx/m", None, b"M2")];
        second.write_folder("idx", files, Some(two)).unwrap();
        second.commit().unwrap();
        assert_eq!(inode("idx/a"), a);
        assert_eq!(
            (fs::read(out.join("idx/b")).unwrap(), fs::read(out.join("idx/m")).unwrap()),
            (b"B2".to_vec(), b"M2".to_vec())
        );

        // Its inputs unchanged, the folder is kept whole, whatever its files' own fingerprints.
        let third = Staging::begin(&out, UseCache::Yes).unwrap();
        assert_eq!(third.keep_folder("idx", one), None, "an older folder's inputs");
        assert_eq!(third.keep_folder("idx", two), Some(3));
        third.commit().unwrap();
        assert_eq!((inode("idx/a"), fs::read(out.join("idx/b")).unwrap()), (a, b"B2".to_vec()));

        // A manifest short of one of the folder's files does not describe the folder.
        let manifest = dir.join(".public.guong-cache/manifest");
        let text = fs::read_to_string(&manifest).unwrap();
        let short: String =
            text.lines().filter(|line| !line.ends_with(" idx/m")).map(|line| format!("{line}\n")).collect();
        assert_ne!(short, text);
        fs::write(&manifest, short).unwrap();
        let fourth = Staging::begin(&out, UseCache::Yes).unwrap();
        assert_eq!(fourth.keep_folder("idx", two), None, "a file of the folder is not described");
        drop(fourth);
        fs::write(&manifest, &text).unwrap();

        // Without the cache, every file is made (these bytes differ from the kept ones).
        let fifth = Staging::begin(&out, UseCache::No).unwrap();
        assert_eq!(fifth.keep_folder("idx", two), None);
        let files = vec![later("idx/a", Some("a"), b"A5"), later("idx/b", Some("b2"), b"B5")];
        fifth.write_folder("idx", files, Some(two)).unwrap();
        fifth.commit().unwrap();
        assert_eq!(fs::read(out.join("idx/a")).unwrap(), b"A5");
        assert!(!out.join("idx/m").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn refuses_outputs_that_would_destroy_sources() {
        let root = temp("guard");
        fs::create_dir_all(root.join("content")).unwrap();
        fs::create_dir_all(root.join("docs")).unwrap();
        fs::write(root.join("docs/notes.txt"), "x").unwrap();
        assert!(check_output(&root, &root).is_err());
        assert!(check_output(&root, root.parent().unwrap()).is_err());
        assert!(check_output(&root, &root.join("content/out")).is_err());
        assert!(check_output(&root, &root.join("docs")).is_err());
        assert!(check_output(&root, &root.join("public")).is_ok());
        assert!(check_output(&root, &root.join("../guong-khac-public")).is_ok());
        fs::create_dir_all(root.join("public")).unwrap();
        fs::write(root.join("public/index.html"), "x").unwrap();
        assert!(check_output(&root, &root.join("public")).is_ok());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_file_is_unchanged_only_when_every_byte_is_the_same() {
        let root = temp("unchanged");
        let file = root.join("f");
        // Longer than one comparison block, so a difference in the second block counts.
        let bytes: Vec<u8> = (0..150_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&file, &bytes).unwrap();
        assert!(unchanged(&file, &bytes));
        let mut other = bytes.clone();
        other[100_000] ^= 1;
        assert!(!unchanged(&file, &other));
        assert!(!unchanged(&file, &bytes[..bytes.len() - 1]));
        fs::write(&file, b"").unwrap();
        assert!(unchanged(&file, b""));
        assert!(!unchanged(&root.join("missing"), b""));
        #[cfg(unix)]
        {
            fs::write(root.join("target"), b"x").unwrap();
            std::os::unix::fs::symlink(root.join("target"), root.join("link")).unwrap();
            assert!(!unchanged(&root.join("link"), b"x"), "a link is never the file");
        }
        fs::remove_dir_all(&root).unwrap();
    }
}
