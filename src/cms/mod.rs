//! The browser editor (SPEC §8.5): Decap CMS at `/admin/`, configured from the same field
//! declarations as the checker and the JSON Schema, so its forms never drift from the rules.

pub mod config;
pub mod fields;
pub mod page;
pub mod yaml;

use crate::content::forms::{FILE_FORMS, FileForm};

/// The folder of the editor in the output (`/admin/`).
pub const ADMIN_FOLDER: &str = "admin/";

/// The editor page, relative to the output folder.
pub const ADMIN_PAGE: &str = "admin/index.html";

/// The CMS configuration, relative to the output folder.
pub const ADMIN_CONFIG: &str = "admin/config.yml";

/// Where the files of a kind live, relative to the site root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// Markdown files with front matter, anywhere below this folder.
    Folder(&'static str),
    /// One YAML file.
    File(&'static str),
}

/// A kind of content file the CMS edits: its form and where its files live.
#[derive(Clone, Copy, Debug)]
pub struct Editable {
    pub form: &'static FileForm,
    pub location: Location,
}

impl Editable {
    /// The collection's name: the folder's (`mo-hinh`) or the file's (`to-chuc`).
    pub fn name(&self) -> &'static str {
        let path = match self.location {
            Location::Folder(folder) => folder,
            Location::File(file) => file.rsplit_once('.').map_or(file, |(stem, _)| stem),
        };
        path.rsplit('/').next().unwrap_or(path)
    }
}

/// The kinds of [`FILE_FORMS`] that live in `content/` (not `site.yml`), Markdown kinds
/// first: a kind added there gets its collection, and the local backend may write it.
pub fn editable() -> Vec<Editable> {
    let located = FILE_FORMS.iter().filter_map(|form| {
        let path = form.path.strip_prefix("content/").map(|_| form.path)?;
        let location = match path.split_once("/**/") {
            Some((folder, _)) => Location::Folder(folder),
            None => Location::File(path),
        };
        Some(Editable { form, location })
    });
    let (mut folders, files): (Vec<_>, Vec<_>) = located.partition(|e| matches!(e.location, Location::Folder(_)));
    folders.extend(files);
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_the_content_kinds_markdown_first() {
        let kinds: Vec<_> = editable().iter().map(|e| (e.name(), e.location)).collect();
        assert_eq!(
            kinds[..6],
            [
                ("mo-hinh", Location::Folder("content/mo-hinh")),
                ("bao-cao", Location::Folder("content/bao-cao")),
                ("danh-gia", Location::Folder("content/danh-gia")),
                ("trang", Location::Folder("content/trang")),
                ("danh-muc", Location::File("content/danh-muc.yml")),
                ("to-chuc", Location::File("content/to-chuc.yml")),
            ]
        );
        assert!(kinds.iter().all(|(name, _)| *name != "site"), "site.yml is never edited in the browser");
    }
}
