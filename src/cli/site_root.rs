//! Opening a site root: `site.yml` plus the content source (working tree or a commit).

use std::path::{Path, PathBuf};

use crate::cli::Failure;
use crate::content::site_config::SiteConfig;
use crate::source::disk::DiskSource;
use crate::source::{Source, SourceFile};

/// An opened site: its folder, configuration and content files.
pub struct SiteRoot {
    pub dir: PathBuf,
    pub config: SiteConfig,
    pub files: Vec<SourceFile>,
}

impl SiteRoot {
    /// Opens the site at `dir` from the working tree (`rev` = None) or a commit.
    pub fn open(dir: &Path, rev: Option<&str>) -> Result<SiteRoot, Failure> {
        if !dir.join("site.yml").is_file() && rev.is_none() {
            return Err(Failure::Usage(format!(
                "không tìm thấy site.yml trong `{}`; dùng --root để chỉ thư mục gốc của trang",
                dir.display()
            )));
        }
        if rev.is_some() {
            return Err(Failure::Usage("--rev chưa được hỗ trợ".to_owned()));
        }
        let source = DiskSource::new(dir)?;
        Self::from_source(dir, &source)
    }

    /// Reads configuration and content from any source.
    pub fn from_source(dir: &Path, source: &dyn Source) -> Result<SiteRoot, Failure> {
        let bytes = source
            .read("site.yml")?
            .ok_or_else(|| Failure::Usage("không tìm thấy site.yml trong thư mục gốc".to_owned()))?;
        let text = String::from_utf8(bytes).map_err(|_| Failure::Usage("site.yml không phải UTF-8".to_owned()))?;
        let config = SiteConfig::parse(&text).map_err(Failure::Usage)?;
        Ok(SiteRoot { dir: dir.to_path_buf(), config, files: source.content_files()? })
    }
}
