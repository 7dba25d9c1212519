//! The working tree as a [`Tree`]: entries read with `symlink_metadata` (a link is never
//! followed by the file system, only by [`trust::resolve`]), and the one place that says
//! where a site file may be written ([`DiskSource::writable`]).

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use super::is_safe_relative;
use super::trust::{self, Children, Entry, Refusal, Special, Tree};

/// A site root on disk.
pub struct DiskSource {
    /// The root with every link in it resolved (where the user's `--root` leads).
    root: PathBuf,
}

impl DiskSource {
    /// A source reading the site at `root`.
    pub fn new(root: &Path) -> io::Result<DiskSource> {
        Ok(DiskSource { root: root.canonicalize()? })
    }

    /// The site root, links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn full(&self, path: &str) -> PathBuf {
        if path.is_empty() { self.root.clone() } else { self.root.join(path) }
    }

    /// Where the site file at `path` (relative to the root) may be written, for `guong new`
    /// and the CMS backend: `path` is a plain relative path (no `..`, nothing hidden); it
    /// leads, through links that stay inside the root and out of hidden names (see
    /// [`trust::resolve_new`]), to a regular file or to nothing yet.
    pub fn writable(&self, path: &str) -> Result<PathBuf, Refusal> {
        if !is_safe_relative(path) {
            return Err(Refusal::Invalid);
        }
        let real = trust::resolve_new(self, path)?;
        match self.entry(&real)? {
            Entry::Missing | Entry::File { .. } => Ok(self.full(&real)),
            Entry::Special(kind) => Err(Refusal::Special(kind)),
            Entry::Folder | Entry::Link { .. } => Err(Refusal::Invalid),
        }
    }

    /// Writes `bytes` to the site file at `path` (see [`DiskSource::writable`]), creating
    /// its folders; with `create_new`, fails if the file exists.
    pub fn write(&self, path: &str, bytes: &[u8], create_new: bool) -> Result<PathBuf, Refusal> {
        let full = self.writable(path)?;
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent)?;
        }
        // Checked again now the folders exist: one of them may have been replaced meanwhile.
        let full = self.writable(path)?;
        let mut options = fs::OpenOptions::new();
        options.write(true);
        if create_new {
            options.create_new(true);
        } else {
            options.create(true).truncate(true);
        }
        let mut file = match options.open(&full) {
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Err(Refusal::Exists),
            opened => opened?,
        };
        io::Write::write_all(&mut file, bytes)?;
        Ok(full)
    }
}

/// What the file-system entry of type `kind` at `full` is.
fn entry_of(full: &Path, meta: &fs::Metadata) -> io::Result<Entry> {
    let kind = meta.file_type();
    Ok(if kind.is_dir() {
        Entry::Folder
    } else if kind.is_file() {
        Entry::File { size: meta.len() }
    } else if kind.is_symlink() {
        match fs::read_link(full)?.into_os_string().into_string() {
            Ok(target) => Entry::Link { target },
            Err(_) => Entry::Special(Special::BadName),
        }
    } else if kind.is_fifo() {
        Entry::Special(Special::Fifo)
    } else if kind.is_socket() {
        Entry::Special(Special::Socket)
    } else if kind.is_block_device() || kind.is_char_device() {
        Entry::Special(Special::Device)
    } else {
        Entry::Special(Special::Other)
    })
}

impl Tree for DiskSource {
    fn entry(&self, path: &str) -> io::Result<Entry> {
        let full = self.full(path);
        match fs::symlink_metadata(&full) {
            Ok(meta) => entry_of(&full, &meta),
            Err(error) if matches!(error.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
                Ok(Entry::Missing)
            }
            Err(error) => Err(error),
        }
    }

    fn children(&self, path: &str) -> io::Result<Children> {
        let mut children = Vec::new();
        for child in fs::read_dir(self.full(path))? {
            let child = child?;
            let full = child.path();
            let name = child.file_name().into_string();
            // `DirEntry::metadata` does not follow a link.
            let entry = match (&name, child.metadata()) {
                (Err(_), _) => Entry::Special(Special::BadName),
                (Ok(_), Ok(meta)) => entry_of(&full, &meta)?,
                (Ok(_), Err(error)) => return Err(error),
            };
            let name = name.unwrap_or_else(|raw| raw.to_string_lossy().into_owned());
            children.push((name, entry));
        }
        children.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(children)
    }

    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        let file = fs::File::open(self.full(path))?;
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "không phải tệp thường"));
        }
        // Room for the whole file and one byte more, so it is read in one call (and one that
        // finds its end) instead of a buffer grown from a few bytes.
        let expected = metadata.len().min(limit).saturating_add(1);
        let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    fn relative_target(&self, absolute: &str) -> Option<String> {
        let relative = Path::new(absolute).strip_prefix(&self.root).ok()?;
        relative.to_str().map(|p| p.replace(std::path::MAIN_SEPARATOR, "/"))
    }
}
