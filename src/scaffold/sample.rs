//! The starter site of `guong init`: configuration, registries and a small sample (two
//! units, two models, one report, one page) that checks without a warning, and the CI files
//! that check pull requests and publish the site (GitHub Actions, GitLab CI), built into the
//! binary. The default theme needs no copy: it is built in, and a site overrides any of its
//! files from its own `templates/` and `static/`.

use std::fs;
use std::io;
use std::path::Path;

use crate::scaffold::{NewFile, write_new};

macro_rules! sample {
    ($($path:literal => $source:literal),* $(,)?) => {
        /// Every file of the starter site: path in the new site, text.
        pub const SAMPLE: &[(&str, &str)] = &[$(($path, include_str!(concat!("sample/", $source))),)*];
    };
}

sample!(
    ".gitignore" => "gitignore",
    ".github/workflows/check.yml" => "github/workflows/check.yml",
    ".github/workflows/publish.yml" => "github/workflows/publish.yml",
    ".github/actions/guong/action.yml" => "github/actions/guong/action.yml",
    ".github/CODEOWNERS" => "github/CODEOWNERS",
    ".gitlab-ci.yml" => "gitlab-ci.yml",
    "README.md" => "README.md",
    "site.yml" => "site.yml",
    "content/danh-muc.yml" => "content/danh-muc.yml",
    "content/to-chuc.yml" => "content/to-chuc.yml",
    "content/mo-hinh/so-giao-duc/mh-mot-cua-tan-tinh.md" => "content/mo-hinh/so-giao-duc/mh-mot-cua-tan-tinh.md",
    "content/mo-hinh/so-giao-duc/mh-van-phong-tiet-kiem.md" => "content/mo-hinh/so-giao-duc/mh-van-phong-tiet-kiem.md",
    "content/bao-cao/so-giao-duc/bc-db-so-giao-duc-2022-sau-thang.md" =>
        "content/bao-cao/so-giao-duc/bc-db-so-giao-duc-2022-sau-thang.md",
    "content/trang/gioi-thieu.md" => "content/trang/gioi-thieu.md",
);

/// Why `guong init` refused or failed.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and holds something.
    NotEmpty,
    Io(io::Error),
}

impl From<io::Error> for InitError {
    fn from(error: io::Error) -> Self {
        InitError::Io(error)
    }
}

/// What the CI files of the starter site need to know about their department.
#[derive(Clone, Debug, Default)]
pub struct Pipeline {
    /// Git address of guong's source, which CI builds guong from (empty: the department
    /// fills it in; the pipeline says so until then).
    pub guong_git: String,
    /// Who must approve changes of the registries (`.github/CODEOWNERS`): `@org/team`,
    /// `@user` or an e-mail address.
    pub owner: String,
}

/// The owner written when none is given: a team name the department must replace.
pub const DEFAULT_OWNER: &str = "@ban-tuyen-giao";

impl Pipeline {
    /// `text` with this pipeline's values in place of the template marks.
    fn fill(&self, text: &str) -> String {
        let owner = match self.owner.trim() {
            "" => DEFAULT_OWNER.to_owned(),
            owner if owner.starts_with('@') || owner.contains('@') => owner.to_owned(),
            owner => format!("@{owner}"),
        };
        text.replace("@GUONG_GIT@", self.guong_git.trim())
            .replace("@GUONG_LINK@", &self.guong_link())
            .replace("@OWNER@", &owner)
    }

    /// How the new site's README names guong: a link to its source when that is a web
    /// address, the address as code when it is another Git address, else the bare name.
    fn guong_link(&self) -> String {
        match self.guong_git.trim() {
            "" => "guong".to_owned(),
            url if url.starts_with("https://") || url.starts_with("http://") => format!("[guong]({url})"),
            url => format!("guong (`{url}`)"),
        }
    }
}

/// Creates the starter site in `dir`, which must be absent or empty; returns the files written.
pub fn init_site(dir: &Path, pipeline: &Pipeline) -> Result<Vec<&'static str>, InitError> {
    if dir.exists() && (!dir.is_dir() || fs::read_dir(dir)?.next().is_some()) {
        return Err(InitError::NotEmpty);
    }
    fs::create_dir_all(dir)?;
    for (path, text) in SAMPLE {
        write_new(dir, &NewFile { path: (*path).to_owned(), text: pipeline.fill(text) })?;
    }
    Ok(SAMPLE.iter().map(|(path, _)| *path).collect())
}
