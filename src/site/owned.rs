//! Folders guong made beside the output, and may therefore reuse, empty or delete: a real
//! folder (never a link, which is never followed) holding guong's marker file for that
//! purpose. Anything else found at such a place (a link, a file, a folder without the
//! marker, committed by someone or left by another tool) is not guong's: it is refused and
//! left untouched.
//!
//! A repository is untrusted, so this is what stops a committed `.public.guong-prev ->
//! ../other-project` from making a build empty another folder. A marker can be committed
//! too, but only inside a real folder of the site, which holds nothing of anyone else's.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Name of the marker file inside a folder guong owns.
pub const MARKER: &str = ".guong-owned";

/// Why guong made a folder; the marker names it, so a folder made for one purpose is never
/// taken for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A built site that is not the output: the staging folder of a running build, the
    /// displaced previous output, and `.<output>.guong-prev`, the next build's start.
    BuildOutput,
    /// `.<output>.guong-cache`: what each file of the output was made from (see
    /// `site::cache`).
    BuildCache,
}

impl Purpose {
    /// The marker file's text.
    fn marker_text(self) -> &'static str {
        match self {
            Purpose::BuildOutput => "guong: bản dựng trang; guong tự tạo, dùng lại và xóa thư mục này\n",
            Purpose::BuildCache => "guong: bộ nhớ đệm của bản dựng; guong tự tạo, dùng lại và xóa thư mục này\n",
        }
    }
}

/// What stands at a place where guong keeps one of its folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing.
    Absent,
    /// A real folder with guong's marker for the purpose.
    Owned,
    /// Something that is not guong's.
    Foreign(Foreign),
}

/// Why what stands there is not guong's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// A symbolic link (to anything, or dangling).
    Link,
    /// A file, FIFO, socket or device.
    NotAFolder,
    /// A real folder without guong's marker for the purpose.
    Unmarked,
}

impl fmt::Display for Foreign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Foreign::Link => "là một liên kết (symlink)",
            Foreign::NotAFolder => "không phải thư mục",
            Foreign::Unmarked => "là thư mục không do guong tạo (không có tệp đánh dấu của guong)",
        })
    }
}

/// What stands at `dir`, without following a link there.
pub fn inspect(dir: &Path, purpose: Purpose) -> Found {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(error) if matches!(error.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            return Found::Absent;
        }
        Err(_) => return Found::Foreign(Foreign::NotAFolder),
    };
    if meta.file_type().is_symlink() {
        return Found::Foreign(Foreign::Link);
    }
    if !meta.is_dir() {
        return Found::Foreign(Foreign::NotAFolder);
    }
    let marker = dir.join(MARKER);
    let marked = fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file())
        && fs::read(&marker).is_ok_and(|text| text == purpose.marker_text().as_bytes());
    if marked { Found::Owned } else { Found::Foreign(Foreign::Unmarked) }
}

/// Marks the real folder `dir` (which guong just made or took over) as guong's.
pub fn mark(dir: &Path, purpose: Purpose) -> io::Result<()> {
    write_new(&dir.join(MARKER), purpose.marker_text().as_bytes())
}

/// Writes `bytes` into a new file at `path`, in a folder guong owns, after removing whatever
/// stands there. A link found there (a repository may hold one where guong writes) is
/// removed, never followed: the file is created with `create_new`, which refuses links.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        remove_entry(path)?;
    }
    fs::OpenOptions::new().write(true).create_new(true).open(path)?.write_all(bytes)
}

/// Creates `dir` as a new folder owned by guong; fails if anything stands there.
pub fn create(dir: &Path, purpose: Purpose) -> io::Result<()> {
    fs::create_dir(dir)?;
    mark(dir, purpose)
}

/// Removes `dir` if guong owns it; anything else is left untouched. Returns whether it
/// was removed.
pub fn remove(dir: &Path, purpose: Purpose) -> io::Result<bool> {
    if inspect(dir, purpose) != Found::Owned {
        return Ok(false);
    }
    fs::remove_dir_all(dir)?;
    Ok(true)
}

/// Removes a file, link or folder (a link itself, never what it points at).
fn remove_entry(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() { fs::remove_dir_all(path) } else { fs::remove_file(path) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn writing_a_new_file_replaces_a_link_without_following_it() {
        let dir = std::env::temp_dir().join(format!("guong-write-new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("victim");
        fs::write(&victim, "keep").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join(".gitignore")).unwrap();
        write_new(&dir.join(".gitignore"), b"*\n").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert!(fs::symlink_metadata(dir.join(".gitignore")).unwrap().is_file());
        assert_eq!(fs::read_to_string(dir.join(".gitignore")).unwrap(), "*\n");
        write_new(&dir.join("fresh"), b"x").unwrap();
        assert_eq!(fs::read_to_string(dir.join("fresh")).unwrap(), "x");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_marked_real_folders_are_guongs() {
        let dir = std::env::temp_dir().join(format!("guong-owned-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let purpose = Purpose::BuildOutput;
        let ours = dir.join("ours");
        assert_eq!(inspect(&ours, purpose), Found::Absent);
        create(&ours, purpose).unwrap();
        assert_eq!(inspect(&ours, purpose), Found::Owned);

        let other = dir.join("other");
        fs::create_dir(&other).unwrap();
        fs::write(other.join("keep.txt"), "x").unwrap();
        assert_eq!(inspect(&other, purpose), Found::Foreign(Foreign::Unmarked));
        assert!(!remove(&other, purpose).unwrap());
        assert!(other.join("keep.txt").is_file());

        // A link to a marked folder is still a link: never followed, never removed.
        let link = dir.join("link");
        std::os::unix::fs::symlink(&ours, &link).unwrap();
        assert_eq!(inspect(&link, purpose), Found::Foreign(Foreign::Link));
        assert!(!remove(&link, purpose).unwrap());
        assert!(ours.join(MARKER).is_file());

        fs::write(dir.join("file"), "x").unwrap();
        assert_eq!(inspect(&dir.join("file"), purpose), Found::Foreign(Foreign::NotAFolder));
        // A marker that is a link does not count.
        fs::remove_file(ours.join(MARKER)).unwrap();
        std::os::unix::fs::symlink(other.join("keep.txt"), ours.join(MARKER)).unwrap();
        assert_eq!(inspect(&ours, purpose), Found::Foreign(Foreign::Unmarked));
        mark(&ours, purpose).unwrap();
        assert!(remove(&ours, purpose).unwrap());
        assert!(!ours.exists() && other.join("keep.txt").is_file());
        fs::remove_dir_all(&dir).unwrap();
    }
}
