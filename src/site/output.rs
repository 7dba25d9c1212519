//! The output writer: a build renders into a fresh sibling folder (`public.tmp-<pid>`) and
//! only a complete build is swapped in, so readers never see half a site, a failed build
//! leaves the previous output untouched and no stale file survives.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::source::is_safe_relative;

/// A folder being filled, swapped into place by [`Staging::commit`]; removed when dropped
/// uncommitted.
pub struct Staging {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
}

impl Staging {
    /// Starts a build of `target`: creates its empty sibling folder.
    pub fn begin(target: &Path) -> io::Result<Staging> {
        let temp = sibling(target, "tmp");
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        remove_abandoned(target);
        if temp.exists() {
            fs::remove_dir_all(&temp)?;
        }
        fs::create_dir(&temp)?;
        Ok(Staging { target: target.to_path_buf(), temp, committed: false })
    }

    /// Writes one file; `path` is relative and must stay inside the folder.
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_safe_relative(path) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("đường dẫn xuất không hợp lệ: `{path}`")));
        }
        let full = self.temp.join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent)?;
        }
        let previous = self.target.join(path);
        if unchanged(&previous, bytes) && fs::hard_link(&previous, &full).is_ok() {
            return Ok(());
        }
        fs::write(full, bytes)
    }

    /// Puts the new folder in place of the old one, then deletes the old one.
    pub fn commit(mut self) -> io::Result<()> {
        let old = sibling(&self.target, "old");
        let had_previous = self.target.exists();
        if had_previous {
            if old.exists() {
                fs::remove_dir_all(&old)?;
            }
            fs::rename(&self.target, &old)?;
        }
        if let Err(error) = fs::rename(&self.temp, &self.target) {
            if had_previous {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(error);
        }
        self.committed = true;
        if had_previous { remove_tree(&old) } else { Ok(()) }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.temp);
        }
    }
}

/// Whether the previous output holds exactly `bytes` at `previous`. Such a file is linked
/// into the new folder instead of written: its content cannot change (new content always
/// goes to a new file), and a rebuild that changes a few pages then creates only those,
/// which on a large site saves most of the file-system work.
fn unchanged(previous: &Path, bytes: &[u8]) -> bool {
    fs::symlink_metadata(previous).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(previous).is_ok_and(|old| old == bytes)
}

/// Deletes a folder tree, its sub-folders in parallel (a previous site holds one folder
/// per page; deleting them one by one is most of a rebuild's system time).
fn remove_tree(dir: &Path) -> io::Result<()> {
    let mut folders = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            for inner in fs::read_dir(entry.path())? {
                folders.push(inner?.path());
            }
        }
    }
    folders.par_iter().try_for_each(|path| {
        if fs::symlink_metadata(path)?.is_dir() { fs::remove_dir_all(path) } else { fs::remove_file(path) }
    })?;
    fs::remove_dir_all(dir)
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
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// `<target>.<what>-<pid>`, beside the target.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!("{name}.{what}-{}", std::process::id()))
}

/// Refuses output folders a build must never replace: the site root or a folder holding
/// it, the site's sources, or an existing folder that is not a built site.
pub fn check_output(root: &Path, output: &Path) -> Result<(), String> {
    let shown = output.display();
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
        let first = Staging::begin(&out).unwrap();
        first.write("index.html", b"1").unwrap();
        first.write("cu/index.html", b"old").unwrap();
        first.commit().unwrap();
        let second = Staging::begin(&out).unwrap();
        second.write("index.html", b"2").unwrap();
        drop(second);
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"1");
        let third = Staging::begin(&out).unwrap();
        third.write("index.html", b"3").unwrap();
        assert!(third.write("../thoat.html", b"x").is_err());
        third.commit().unwrap();
        assert_eq!(fs::read(out.join("index.html")).unwrap(), b"3");
        assert!(!out.join("cu").exists());
        let leftovers: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(leftovers, ["public"]);

        // A killed build's folders (no such process) go; a live one's stay.
        let dead = u32::MAX;
        fs::create_dir(dir.join(format!("public.tmp-{dead}"))).unwrap();
        fs::create_dir(dir.join(format!("public.old-{dead}"))).unwrap();
        fs::create_dir(dir.join("public.tmp-1")).unwrap();
        Staging::begin(&out).unwrap().commit().unwrap();
        let mut leftovers: Vec<_> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        leftovers.sort();
        assert_eq!(leftovers, ["public", "public.tmp-1"]);
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
}
