//! Decap CMS's local backend protocol, as `decap-server` answers it: `POST /api/v1` with
//! `{action, params}`, so an editor running only `guong serve` edits the files of the site
//! from `/admin/`.
//!
//! Only when `guong serve` is bound to loopback. Reads and writes stay in the content files
//! guong reads (a Markdown file with a valid id in a content folder, or a registry) and the
//! media folder; every path passes [`resolve_inside`], so nothing leaves the site root or
//! enters a hidden folder, through `..` or through a link. The site thread is told of each
//! write, which it checks like any other edit (the error overlay shows what is wrong).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};
use walkdir::WalkDir;

use crate::cms::{Location, editable};
use crate::content::schema::is_slug;
use crate::serve::base64;
use crate::site::assets::content_hash;
use crate::source::resolve::resolve_inside;

/// The folder of every content file the CMS edits.
const CONTENT_FOLDER: &str = "content";

/// Largest content file the backend writes (SPEC §2: 1 MiB per file).
const MAX_CONTENT: usize = 1024 * 1024;

/// Largest media file the backend writes.
pub const MAX_MEDIA: usize = 10 * 1024 * 1024;

/// The site's files as the CMS may see and change them.
pub struct LocalBackend {
    root: PathBuf,
    /// The media folder, relative to the root, without a trailing slash.
    media_folder: String,
}

/// An answer: HTTP status and JSON body.
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    /// Files written or deleted (relative to the root), for the site thread to check.
    pub changed: Vec<String>,
}

impl Answer {
    fn ok(body: Value) -> Answer {
        Answer { status: 200, body, changed: Vec::new() }
    }

    fn error(status: u16, message: impl Into<String>) -> Answer {
        Answer { status, body: json!({ "error": message.into() }), changed: Vec::new() }
    }
}

/// What the CMS may reach at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    /// A content file guong reads: a registry, or `<slug>.md` below a content folder.
    Content,
    /// A file of the media folder.
    Media,
}

#[derive(Deserialize)]
struct Call {
    action: String,
    #[serde(default)]
    params: Value,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ByFolder {
    folder: String,
    #[serde(default)]
    extension: String,
    #[serde(default = "one")]
    depth: usize,
}

fn one() -> usize {
    1
}

#[derive(Deserialize)]
struct FileRef {
    path: String,
    #[serde(default)]
    label: Option<String>,
}

#[derive(Deserialize)]
struct ByFiles {
    files: Vec<FileRef>,
}

#[derive(Deserialize)]
struct OnePath {
    path: String,
}

#[derive(Deserialize)]
struct Paths {
    paths: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DataFile {
    path: String,
    raw: String,
    #[serde(default)]
    new_path: Option<String>,
}

#[derive(Deserialize)]
struct Asset {
    path: String,
    content: String,
    #[serde(default)]
    encoding: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Persist {
    #[serde(default)]
    entry: Option<DataFile>,
    #[serde(default)]
    data_files: Option<Vec<DataFile>>,
    #[serde(default)]
    assets: Vec<Asset>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MediaFolder {
    media_folder: String,
}

#[derive(Deserialize)]
struct PersistMedia {
    asset: Asset,
}

impl LocalBackend {
    /// The backend of the site at `root`, with its media folder (relative to the root).
    pub fn new(root: &Path, media_folder: &str) -> LocalBackend {
        LocalBackend { root: root.to_path_buf(), media_folder: media_folder.trim_end_matches('/').to_owned() }
    }

    /// Answers one request body.
    pub fn answer(&self, body: &[u8]) -> Answer {
        let call: Call = match serde_json::from_slice(body) {
            Ok(call) => call,
            Err(error) => return Answer::error(422, format!("yêu cầu không hợp lệ: {error}")),
        };
        let result = match call.action.as_str() {
            "info" => Ok(Answer::ok(json!({
                "repo": self.root.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned()),
                "publish_modes": ["simple"],
                "type": "local_fs",
            }))),
            "entriesByFolder" => params(call.params).and_then(|p: ByFolder| self.entries_by_folder(&p)),
            "entriesByFiles" => params(call.params).and_then(|p: ByFiles| {
                let entries =
                    p.files.iter().map(|f| self.entry(&f.path, f.label.as_deref())).collect::<Result<Vec<_>, _>>();
                entries.map(|e| Answer::ok(Value::Array(e)))
            }),
            "getEntry" => params(call.params).and_then(|p: OnePath| self.entry(&p.path, None).map(Answer::ok)),
            "persistEntry" => params(call.params).and_then(|p: Persist| self.persist_entry(p)),
            "getMedia" => params(call.params).and_then(|p: MediaFolder| self.media_list(&p.media_folder)),
            "getMediaFile" => params(call.params).and_then(|p: OnePath| self.media_file(&p.path).map(Answer::ok)),
            "persistMedia" => params(call.params).and_then(|p: PersistMedia| self.persist_media(&p.asset)),
            "deleteFile" => params(call.params).and_then(|p: OnePath| self.delete(&[p.path])),
            "deleteFiles" => params(call.params).and_then(|p: Paths| self.delete(&p.paths)),
            "getDeployPreview" => Ok(Answer::ok(Value::Null)),
            other => Err(Answer::error(422, format!("hành động `{other}` không được hỗ trợ"))),
        };
        result.unwrap_or_else(|refusal| refusal)
    }

    /// The area of `path`, or a refusal naming why the CMS may not touch it.
    fn area(&self, path: &str) -> Result<Area, Answer> {
        let refused = |why: &str| Err(Answer::error(403, format!("Không được phép truy cập `{path}`: {why}")));
        if let Some(name) = path.strip_prefix(&self.media_folder).and_then(|rest| rest.strip_prefix('/')) {
            return if name.contains('/') || name.starts_with('.') || name.is_empty() {
                refused("chỉ các tệp nằm ngay trong thư mục tệp đính kèm")
            } else {
                Ok(Area::Media)
            };
        }
        for kind in editable() {
            match kind.location {
                Location::File(file) if path == file => return Ok(Area::Content),
                Location::Folder(folder) => {
                    let Some(rest) = path.strip_prefix(folder).and_then(|rest| rest.strip_prefix('/')) else {
                        continue;
                    };
                    let stem = rest.rsplit('/').next().and_then(|name| name.strip_suffix(".md"));
                    let folders_ok = rest.split('/').rev().skip(1).all(is_folder_name);
                    return match stem {
                        Some(stem) if is_slug(stem) && folders_ok => Ok(Area::Content),
                        _ => refused("tệp nội dung phải là <mã>.md, mã gồm chữ thường không dấu, số, gạch nối"),
                    };
                }
                Location::File(_) => {}
            }
        }
        refused("chỉ được sửa các tệp nội dung trong content/ và tệp đính kèm")
    }

    /// The path on disk of `path`, checked for `area`. A link is followed only while it
    /// stays in the area's folder (`content/`, the media folder): a link in `content/` to
    /// `site.yml` or a template is neither read nor written through.
    fn disk_path(&self, path: &str, area: Area) -> Result<PathBuf, Answer> {
        let refused =
            |why: &dyn std::fmt::Display| Answer::error(403, format!("Không được phép truy cập `{path}`: {why}"));
        if self.area(path)? != area {
            return Err(Answer::error(403, format!("Không được phép truy cập `{path}`")));
        }
        let folder = match area {
            Area::Content => CONTENT_FOLDER,
            Area::Media => &self.media_folder,
        };
        let full = resolve_inside(&self.root, path).map_err(|why| refused(&why))?;
        let inside = resolve_inside(&self.root, folder).map_err(|why| refused(&why))?;
        if !full.starts_with(&inside) {
            return Err(refused(&format!("liên kết dẫn ra ngoài thư mục {folder}/")));
        }
        Ok(full)
    }

    fn entries_by_folder(&self, params: &ByFolder) -> Result<Answer, Answer> {
        let folder = params.folder.trim_end_matches('/');
        let known = editable().iter().any(|kind| matches!(kind.location, Location::Folder(f) if f == folder));
        if !known {
            return Err(Answer::error(403, format!("Không được phép liệt kê `{folder}`")));
        }
        let Ok(start) = resolve_inside(&self.root, folder) else {
            return Err(Answer::error(403, format!("Không được phép liệt kê `{folder}`")));
        };
        let mut entries = Vec::new();
        for path in files_below(&start, folder, params.depth.max(1)) {
            if path.ends_with(params.extension.as_str()) && self.area(&path).is_ok() {
                entries.push(self.entry(&path, None)?);
            }
        }
        Ok(Answer::ok(Value::Array(entries)))
    }

    /// One entry: its text and an id that changes with it; `data: null` when absent.
    fn entry(&self, path: &str, label: Option<&str>) -> Result<Value, Answer> {
        let full = self.disk_path(path, Area::Content)?;
        let (data, id) = match fs::read(&full) {
            Ok(bytes) => (Value::String(String::from_utf8_lossy(&bytes).into_owned()), Value::String(file_id(&bytes))),
            Err(_) => (Value::Null, Value::Null),
        };
        let mut file = json!({ "path": path, "id": id });
        if let Some(label) = label {
            file["label"] = Value::String(label.to_owned());
        }
        Ok(json!({ "data": data, "file": file }))
    }

    fn persist_entry(&self, params: Persist) -> Result<Answer, Answer> {
        let files: Vec<DataFile> = match (params.entry, params.data_files) {
            (Some(entry), None) => vec![entry],
            (None, Some(files)) if !files.is_empty() => files,
            _ => return Err(Answer::error(422, "cần đúng một trong `entry` hoặc `dataFiles`")),
        };
        // Everything is checked before anything is written.
        let mut writes = Vec::new();
        for file in &files {
            if file.raw.len() > MAX_CONTENT {
                return Err(Answer::error(413, format!("Tệp `{}` quá lớn; giới hạn 1 MB", file.path)));
            }
            let target = file.new_path.as_deref().unwrap_or(&file.path);
            writes.push((target.to_owned(), self.disk_path(target, Area::Content)?, file.raw.as_bytes().to_vec()));
            if file.new_path.is_some() {
                self.disk_path(&file.path, Area::Content)?;
            }
        }
        for asset in &params.assets {
            writes.push((asset.path.clone(), self.disk_path(&asset.path, Area::Media)?, decode_asset(asset)?));
        }
        let mut changed = Vec::new();
        for (path, full, bytes) in writes {
            write_file(&full, &bytes).map_err(|e| io_error(&path, &e))?;
            changed.push(path);
        }
        for file in files.iter().filter(|f| f.new_path.as_ref().is_some_and(|new| *new != f.path)) {
            let old = self.disk_path(&file.path, Area::Content)?;
            if old.is_file() {
                fs::remove_file(&old).map_err(|e| io_error(&file.path, &e))?;
            }
            changed.push(file.path.clone());
        }
        Ok(Answer { status: 200, body: json!({ "message": "entry persisted" }), changed })
    }

    fn media_list(&self, folder: &str) -> Result<Answer, Answer> {
        if folder.trim_end_matches('/') != self.media_folder {
            return Err(Answer::error(403, format!("Không được phép liệt kê `{folder}`")));
        }
        let Ok(start) = resolve_inside(&self.root, &self.media_folder) else {
            return Err(Answer::error(403, format!("Không được phép liệt kê `{folder}`")));
        };
        let files = files_below(&start, &self.media_folder, 1);
        files
            .iter()
            .map(|path| self.media_file(path))
            .collect::<Result<Vec<_>, _>>()
            .map(|m| Answer::ok(Value::Array(m)))
    }

    fn media_file(&self, path: &str) -> Result<Value, Answer> {
        let full = self.disk_path(path, Area::Media)?;
        let bytes = fs::read(&full).map_err(|e| io_error(path, &e))?;
        let name = path.rsplit('/').next().unwrap_or(path);
        Ok(json!({
            "id": file_id(&bytes),
            "content": base64::encode(&bytes),
            "encoding": "base64",
            "path": path,
            "name": name,
        }))
    }

    fn persist_media(&self, asset: &Asset) -> Result<Answer, Answer> {
        let full = self.disk_path(&asset.path, Area::Media)?;
        let bytes = decode_asset(asset)?;
        write_file(&full, &bytes).map_err(|e| io_error(&asset.path, &e))?;
        let file = self.media_file(&asset.path)?;
        Ok(Answer { status: 200, body: file, changed: vec![asset.path.clone()] })
    }

    fn delete(&self, paths: &[String]) -> Result<Answer, Answer> {
        let mut targets = Vec::new();
        for path in paths {
            let area = self.area(path)?;
            targets.push((path.clone(), self.disk_path(path, area)?));
        }
        for (path, full) in &targets {
            if full.is_file() {
                fs::remove_file(full).map_err(|e| io_error(path, &e))?;
            }
        }
        let changed = targets.into_iter().map(|(path, _)| path).collect::<Vec<_>>();
        let message = format!("deleted files {}", changed.join(", "));
        Ok(Answer { status: 200, body: json!({ "message": message }), changed })
    }
}

fn params<T: for<'de> Deserialize<'de>>(params: Value) -> Result<T, Answer> {
    serde_json::from_value(params).map_err(|e| Answer::error(422, format!("tham số không hợp lệ: {e}")))
}

/// A folder name the backend walks into or creates: not hidden, no odd characters.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['\\', ':', '\0'])
}

/// The files below `start` (the folder `relative`, already resolved), `depth` levels deep,
/// as paths relative to the root; hidden files and folders and links are skipped.
fn files_below(start: &Path, relative: &str, depth: usize) -> Vec<String> {
    let walk = WalkDir::new(start).follow_links(false).max_depth(depth).sort_by_file_name();
    let entries =
        walk.into_iter().filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let inside = e.path().strip_prefix(start).ok()?.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
            Some(format!("{relative}/{inside}"))
        })
        .collect()
}

fn decode_asset(asset: &Asset) -> Result<Vec<u8>, Answer> {
    if asset.encoding.as_deref().is_some_and(|e| e != "base64") {
        return Err(Answer::error(422, "tệp đính kèm phải mã hóa base64"));
    }
    let bytes = base64::decode(&asset.content)
        .ok_or_else(|| Answer::error(422, format!("nội dung tệp `{}` không phải base64", asset.path)))?;
    if bytes.len() > MAX_MEDIA {
        return Err(Answer::error(413, format!("Tệp `{}` quá lớn; giới hạn 10 MB", asset.path)));
    }
    Ok(bytes)
}

/// Writes `bytes` at `full` through a temporary file beside it, so a reader (the watcher,
/// the checker) never sees half a file.
fn write_file(full: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent)?;
    }
    let (temporary, mut file) = new_temporary(full)?;
    let written = file.write_all(bytes).and_then(|()| fs::rename(&temporary, full));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Tries for a temporary file beside `full`.
const TEMPORARY_TRIES: usize = 64;

/// A new, empty temporary file beside `full`, hidden (the loader skips it), at a name where
/// nothing stands: it is created with `create_new`, which never follows a link, and a name
/// that is taken (a repository may hold a link there) is passed over, never removed.
fn new_temporary(full: &Path) -> io::Result<(PathBuf, fs::File)> {
    let name = full.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for attempt in 0..TEMPORARY_TRIES {
        let temporary = full.with_file_name(format!(".{name}.{}-{attempt}.guong-tmp", std::process::id()));
        match fs::OpenOptions::new().write(true).create_new(true).open(&temporary) {
            Ok(file) => return Ok((temporary, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "không tạo được tệp tạm: mọi tên đều đã có"))
}

fn io_error(path: &str, error: &io::Error) -> Answer {
    Answer::error(500, format!("Không ghi/đọc được `{path}`: {error}"))
}

/// An id that changes with the file's bytes (the CMS caches entries by it).
fn file_id(bytes: &[u8]) -> String {
    format!("{}-{}", content_hash(bytes), bytes.len())
}

#[cfg(test)]
mod tests;
