//! The theme: the default theme built into the binary (`themes/default/`), overlaid by the
//! site's own `templates/` and `static/` folders, where a file with the same relative path
//! wins.

use std::collections::BTreeMap;
use std::fmt;

use crate::source::{FolderRefused, Skipped, Source};

/// A theme file built into the binary: path under `themes/default/` and contents.
pub type ThemeFile = (&'static str, &'static [u8]);

macro_rules! default_theme {
    ($($path:literal),* $(,)?) => {
        /// Every file of `themes/default/`, built into the binary so any site can use it.
        pub const DEFAULT_THEME: &[ThemeFile] =
            &[$(($path, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $path))),)*];
    };
}

default_theme!(
    "static/apple-touch-icon.png",
    "static/favicon.ico",
    "static/favicon.svg",
    "static/og-image.png",
    "static/search.js",
    "static/style.css",
    "templates/404.html",
    "templates/base.html",
    "templates/commendations.html",
    "templates/compliance.html",
    "templates/evaluations.html",
    "templates/feed.xml",
    "templates/form02-index.html",
    "templates/form02.html",
    "templates/gallery.html",
    "templates/group.html",
    "templates/groups.html",
    "templates/index.html",
    "templates/model.html",
    "templates/page.html",
    "templates/partials/cards.html",
    "templates/partials/evaluation.html",
    "templates/partials/form02-cells.html",
    "templates/partials/history.html",
    "templates/partials/merge.html",
    "templates/partials/model-list.html",
    "templates/partials/pagination.html",
    "templates/partials/party-document.html",
    "templates/partials/reports-table.html",
    "templates/partials/unit-tree.html",
    "templates/period.html",
    "templates/periods.html",
    "templates/report.html",
    "templates/reports.html",
    "templates/robots.txt",
    "templates/sitemap.xml",
    "templates/topic.html",
    "templates/topics.html",
    "templates/unit.html",
    "templates/units.html",
);

/// Why the theme could not be read.
#[derive(Debug)]
pub enum ThemeError {
    /// A template is not UTF-8 text.
    NotText(String),
    /// The site's `templates/` or `static/` folder is a link guong refuses to follow.
    Folder(FolderRefused),
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeError::NotText(path) => write!(f, "mẫu giao diện `{path}` không phải văn bản UTF-8"),
            ThemeError::Folder(refused) => write!(f, "{refused}"),
        }
    }
}

/// Templates and static files of a site, sorted by path.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    /// Templates by name (path under `templates/`, e.g. `partials/cards.html`).
    pub templates: BTreeMap<String, String>,
    /// Static files by path under `static/`.
    pub statics: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The default theme alone.
    pub fn default_theme() -> Theme {
        let mut theme = Theme::default();
        for (path, bytes) in DEFAULT_THEME {
            if let Some(name) = path.strip_prefix("templates/") {
                theme.templates.insert(name.to_owned(), String::from_utf8_lossy(bytes).into_owned());
            } else if let Some(name) = path.strip_prefix("static/") {
                theme.statics.insert(name.to_owned(), bytes.to_vec());
            }
        }
        theme
    }

    /// The default theme overlaid by the site's `templates/` and `static/` files, read from
    /// `source` (the working tree, or the commit of `--rev`), and the files of those folders
    /// the source skipped.
    pub fn load(source: &dyn Source) -> Result<(Theme, Vec<Skipped>), ThemeError> {
        let mut theme = Theme::default_theme();
        let mut skipped = Vec::new();
        for folder in ["templates", "static"] {
            let listing = source.files_under(folder).map_err(ThemeError::Folder)?;
            for file in listing.files {
                theme.add(&file.path, file.bytes)?;
            }
            skipped.extend(listing.skipped);
        }
        Ok((theme, skipped))
    }

    /// Adds or replaces `path` (`templates/…` or `static/…`).
    fn add(&mut self, path: &str, bytes: Vec<u8>) -> Result<(), ThemeError> {
        if let Some(name) = path.strip_prefix("templates/") {
            let text = String::from_utf8(bytes).map_err(|_| ThemeError::NotText(path.to_owned()))?;
            self.templates.insert(name.to_owned(), text);
        } else if let Some(name) = path.strip_prefix("static/") {
            self.statics.insert(name.to_owned(), bytes);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    use walkdir::WalkDir;

    use super::*;
    use crate::source::disk::DiskSource;

    /// Every file of `themes/default/` is built in (add new theme files to `default_theme!`).
    #[test]
    fn built_in_list_matches_the_theme_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk: Vec<String> = WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&dir).unwrap().to_str().unwrap().replace('\\', "/"))
            .collect();
        on_disk.sort();
        let built_in: Vec<&str> = DEFAULT_THEME.iter().map(|(path, _)| *path).collect();
        assert_eq!(built_in, on_disk);
    }

    #[test]
    fn site_files_override_and_extend_the_default_theme() {
        let root = std::env::temp_dir().join(format!("guong-theme-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("templates/partials")).unwrap();
        fs::create_dir_all(root.join("static/img")).unwrap();
        fs::write(root.join("templates/partials/cards.html"), "riêng").unwrap();
        fs::write(root.join("static/style.css"), "body{}").unwrap();
        fs::write(root.join("static/img/logo.png"), [1, 2]).unwrap();
        fs::write(root.join("static/.hidden"), "x").unwrap();
        let (theme, skipped) = Theme::load(&DiskSource::new(&root).unwrap()).unwrap();
        assert_eq!(skipped, []);
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(theme.templates["partials/cards.html"], "riêng");
        assert!(theme.templates.contains_key("base.html"));
        assert_eq!(theme.statics["style.css"], b"body{}");
        assert_eq!(theme.statics["img/logo.png"], [1, 2]);
        assert!(!theme.statics.contains_key(".hidden"));
    }
}
