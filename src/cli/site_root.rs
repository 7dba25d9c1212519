//! Opening a site root: `site.yml` plus the content source (working tree or a commit).
//!
//! With `--rev REV` everything (site.yml included) comes from the tree of commit REV in
//! the repository holding the site root; a REV that names no commit is a usage error
//! (exit 2) with a Vietnamese message. Every file is read through [`crate::source::trust`]:
//! a `site.yml`, `content/`, `templates/` or `static/` that is a link leading outside the
//! root or into a hidden path is a usage error; files skipped inside them are kept in
//! [`SiteRoot::skipped`], for the checker to report.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::check::format::sources_for;
use crate::check::{Checked, check_found};
use crate::cli::Failure;
use crate::content::site_config::SiteConfig;
use crate::diagnostic::Diagnostic;
use crate::parse::frontmatter::{UTF8_HINT, invalid_utf8_at, not_utf8};
use crate::parse::markdown::Reading;
use crate::render::theme::Theme;
use crate::source::disk::DiskSource;
use crate::source::git::{GitError, GitSource};
use crate::source::{Located, Refusal, Skipped, Source, SourceFile};

/// An opened site: its folder, configuration and content files.
pub struct SiteRoot {
    pub dir: PathBuf,
    pub config: SiteConfig,
    /// The content files, read by [`SiteRoot::open`]; empty after [`SiteRoot::open_unread`].
    pub files: Vec<SourceFile>,
    /// Files of `content/`, `templates/` and `static/` not read (links leading outside the
    /// root or into hidden paths, special files, files too large or unreadable).
    pub skipped: Vec<Skipped>,
    /// The default theme with the site's `templates/` and `static/` overrides (from the same
    /// tree as the content).
    pub theme: Theme,
    /// The commit read with `--rev` (full hex id); `None` for the working tree.
    pub commit: Option<String>,
    /// The content files found and not read yet (see [`SiteRoot::open_unread`]).
    unread: Vec<Located>,
    source: Box<dyn Source>,
}

impl SiteRoot {
    /// Opens the site at `dir` from the working tree (`rev` = None) or a commit, with its
    /// content files read.
    pub fn open(dir: &Path, rev: Option<&str>) -> Result<SiteRoot, Failure> {
        let mut site = Self::open_unread(dir, rev)?;
        site.files = site.source.read_found(std::mem::take(&mut site.unread), &mut site.skipped);
        Ok(site)
    }

    /// Like [`SiteRoot::open`], but the content files are only found: [`SiteRoot::check`]
    /// reads each while checking, so a large site never holds all its sources at once.
    pub fn open_unread(dir: &Path, rev: Option<&str>) -> Result<SiteRoot, Failure> {
        if !dir.join("site.yml").is_file() && rev.is_none() {
            return Err(Failure::Usage(format!(
                "không tìm thấy site.yml trong `{}`; dùng --root để chỉ thư mục gốc của trang",
                dir.display()
            )));
        }
        let (source, commit) = open_source(dir, rev)?;
        let mut site = Self::from_source(dir, source)?;
        site.commit = commit;
        Ok(site)
    }

    /// Reads configuration from any source, and finds its content files.
    fn from_source(dir: &Path, source: Box<dyn Source>) -> Result<SiteRoot, Failure> {
        let bytes = source.read("site.yml").map_err(|refusal| match refusal {
            Refusal::Missing => Failure::Usage("không tìm thấy site.yml trong thư mục gốc".to_owned()),
            refusal => Failure::Usage(format!("site.yml {refusal}")),
        })?;
        let text = String::from_utf8(bytes).map_err(|error| {
            let offset = error.utf8_error().valid_up_to();
            let at = invalid_utf8_at(&error.as_bytes()[..offset]);
            Failure::Usage(format!(
                "site.yml không hợp lệ (dòng {}, cột {}): {}; {UTF8_HINT}",
                at.line,
                at.column,
                not_utf8(offset)
            ))
        })?;
        let config = SiteConfig::parse(&text).map_err(Failure::Usage)?;
        let (theme, mut skipped) = Theme::load(source.as_ref()).map_err(|error| Failure::Usage(error.to_string()))?;
        let (unread, content_skipped) = source.find_content().map_err(|refused| Failure::Usage(refused.to_string()))?;
        skipped.extend(content_skipped);
        skipped.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(SiteRoot { dir: dir.to_path_buf(), config, files: Vec::new(), skipped, theme, commit: None, unread, source })
    }

    /// Reads and checks the content files not read yet (see [`check_found`]), reading bodies
    /// as much as `reading` asks; files that cannot be read after all join
    /// [`SiteRoot::skipped`].
    pub fn check(&mut self, reading: Reading) -> Checked {
        check_found(self.source.as_ref(), std::mem::take(&mut self.unread), &mut self.skipped, reading)
    }

    /// The text of the files `diagnostics` point into, read again from the site at `dir`
    /// (for callers that freed the sources while checking); empty if it cannot be read.
    pub fn reread_sources(dir: &Path, rev: Option<&str>, diagnostics: &[Diagnostic]) -> HashMap<String, String> {
        if diagnostics.is_empty() {
            return HashMap::new();
        }
        let Ok((source, _)) = open_source(dir, rev) else { return HashMap::new() };
        let paths: BTreeSet<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
        let files: Vec<SourceFile> = paths
            .into_iter()
            .filter_map(|path| Some(SourceFile { path: path.to_owned(), bytes: source.read(path).ok()? }))
            .collect();
        sources_for(&files, diagnostics)
    }
}

/// The source of the site at `dir`: the working tree, or the tree of commit `rev` (with the
/// commit's full id).
fn open_source(dir: &Path, rev: Option<&str>) -> Result<(Box<dyn Source>, Option<String>), Failure> {
    match rev {
        Some(rev) => {
            let source = GitSource::open(dir, rev).map_err(|error| match error {
                GitError::Git(_) => Failure::Io(format!("--rev: {error}")),
                _ => Failure::Usage(format!("--rev: {error}")),
            })?;
            let commit = source.commit().to_string();
            Ok((Box::new(source), Some(commit)))
        }
        None => Ok((Box::new(DiskSource::new(dir)?), None)),
    }
}
