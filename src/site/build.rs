//! The build: theme, context and jobs from every page family, rendered in parallel into a
//! staging folder that replaces the output only when everything succeeded. A page whose
//! fingerprint did not change since the previous build is kept instead of rendered.

use std::collections::BTreeSet;
use std::fmt;
use std::io;
use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::content::corpus::Corpus;
use crate::content::site_config::SiteConfig;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::render::theme::{Theme, ThemeError};
use crate::render::{RenderError, Renderer};
use crate::site::assets::Assets;
use crate::site::context::BuildContext;
use crate::site::job::{Job, Made};
use crate::site::output::{Staging, UseCache, check_output};
use crate::site::pages::{FAMILIES, Family, admin, special};

/// The theme's stylesheet (static path), which the CMS preview uses too.
const STYLESHEET: &str = "style.css";

/// What a build wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Built {
    /// HTML pages.
    pub pages: usize,
    /// Of the pages, those kept from the previous build (the others were rendered).
    pub kept_pages: usize,
    /// Every file (pages included).
    pub files: usize,
}

/// Why a build stopped; the previous output is untouched in every case.
#[derive(Debug)]
pub enum BuildError {
    /// The theme or a template is broken, or two jobs claim one file: fix the site's setup.
    Setup(String),
    /// The output folder is not one a build may replace.
    Output(String),
    /// Reading or writing failed.
    Io(io::Error),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Setup(message) | BuildError::Output(message) => f.write_str(message),
            BuildError::Io(error) => write!(f, "{error}"),
        }
    }
}

impl From<io::Error> for BuildError {
    fn from(error: io::Error) -> Self {
        BuildError::Io(error)
    }
}

impl From<RenderError> for BuildError {
    fn from(error: RenderError) -> Self {
        BuildError::Setup(error.message)
    }
}

impl From<ThemeError> for BuildError {
    fn from(error: ThemeError) -> Self {
        BuildError::Setup(error.to_string())
    }
}

/// Builds `site` (the site at `root`, prepared with its theme) into `output`, keeping the
/// files whose fingerprint did not change when `use_cache` allows it.
/// `progress(done, total)` is called as files are written.
pub fn build(
    root: &Path,
    site: &Prepared,
    output: &Path,
    use_cache: UseCache,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Built, BuildError> {
    check_output(root, output).map_err(BuildError::Output)?;
    let staging = Staging::begin(output, use_cache)?;
    let run = Runner::new(site, &staging, progress);
    // Each family's jobs are rendered as soon as it has listed them, so a family that
    // computes while listing (form 02) overlaps the rendering of the others.
    FAMILIES.par_iter().try_for_each(|family| run.all(family_jobs(family, &site.cx, &site.assets)))?;
    run.all(site_files(&site.cx, &site.assets).collect())?;
    let pages = std::mem::take(&mut *run.sitemap.lock().unwrap_or_else(|e| e.into_inner()));
    run.all(vec![special::sitemap(&site.cx, pages)])?;
    let built = Built {
        pages: run.pages.load(Ordering::Relaxed),
        kept_pages: run.kept_pages.load(Ordering::Relaxed),
        files: run.files.load(Ordering::Relaxed),
    };
    staging.commit()?;
    Ok(built)
}

/// Runs jobs into the staging folder, refusing two jobs for one path, collecting the
/// sitemap and counting what was written.
struct Runner<'r, 'a> {
    site: &'r Prepared<'a>,
    staging: &'r Staging,
    progress: &'r (dyn Fn(usize, usize) + Sync),
    claims: Mutex<Claims>,
    sitemap: Mutex<Vec<String>>,
    pages: AtomicUsize,
    kept_pages: AtomicUsize,
    files: AtomicUsize,
    listed: AtomicUsize,
}

impl<'r, 'a> Runner<'r, 'a> {
    fn new(
        site: &'r Prepared<'a>,
        staging: &'r Staging,
        progress: &'r (dyn Fn(usize, usize) + Sync),
    ) -> Runner<'r, 'a> {
        Runner {
            site,
            staging,
            progress,
            claims: Mutex::default(),
            sitemap: Mutex::default(),
            pages: AtomicUsize::new(0),
            kept_pages: AtomicUsize::new(0),
            files: AtomicUsize::new(0),
            listed: AtomicUsize::new(0),
        }
    }

    /// Claims the paths of `jobs`, then renders and writes them in parallel.
    fn all(&self, jobs: Vec<Job<'_>>) -> Result<(), BuildError> {
        {
            let mut claims = self.claims.lock().unwrap_or_else(|e| e.into_inner());
            let mut sitemap = self.sitemap.lock().unwrap_or_else(|e| e.into_inner());
            for job in &jobs {
                claims.claim(job)?;
                sitemap.extend(job.sitemap.clone());
            }
        }
        let listed = self.listed.fetch_add(jobs.len(), Ordering::Relaxed) + jobs.len();
        jobs.into_par_iter().try_for_each(|job| -> Result<(), BuildError> {
            if job.is_page {
                self.pages.fetch_add(1, Ordering::Relaxed);
            }
            let (path, is_page) = (job.path.clone(), job.is_page);
            let files = match job.run(self.site.renderer(), self.staging)? {
                Made::Bytes(bytes, fingerprint) => {
                    self.staging.write(&path, &bytes, fingerprint)?;
                    1
                }
                Made::Kept => {
                    if is_page {
                        self.kept_pages.fetch_add(1, Ordering::Relaxed);
                    }
                    1
                }
                Made::Folder(files, fingerprint) => self.staging.write_folder(&path, files, fingerprint)?,
                Made::KeptFolder(count) => count,
            };
            let done = self.files.fetch_add(files, Ordering::Relaxed) + files;
            (self.progress)(done, listed.max(done));
            Ok(())
        })
    }
}

/// Which files of the site to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing<'s> {
    /// Every file: all families, the static files and the sitemap (what `build` writes).
    All,
    /// The static files and the families at these indexes of [`FAMILIES`] only: `guong
    /// serve` lists just the family that owns the file it was asked for.
    Families(&'s [usize]),
}

/// A site ready to render: its build context, asset names and compiled theme. The jobs it
/// lists borrow it; `build` runs them all, `guong serve` one at a time, on request.
pub struct Prepared<'a> {
    cx: BuildContext<'a>,
    assets: Assets<'a>,
    renderer: Renderer,
}

impl<'a> Prepared<'a> {
    /// Builds the context of the checked `corpus` and compiles `theme`; `diagnostics` are
    /// the checker's warnings, listed on the compliance page; `history` is the Git history
    /// shown on pages (`None` outside a repository).
    pub fn new(
        theme: &'a Theme,
        corpus: &'a Corpus,
        diagnostics: &'a [Diagnostic],
        history: Option<&'a History>,
        config: &'a SiteConfig,
    ) -> Result<Prepared<'a>, BuildError> {
        let cx = BuildContext::new(corpus, config).with_diagnostics(diagnostics).with_history(history);
        let assets = Assets::new(&theme.statics, &cx.base_path);
        let renderer = Renderer::new(&theme.templates, &cx.site_info(), assets.hrefs.clone())?;
        Ok(Prepared { cx, assets, renderer })
    }

    /// The compiled theme, to run jobs with.
    pub fn renderer(&self) -> &Renderer {
        &self.renderer
    }

    /// The jobs of `listing` (sorted by path for [`Listing::All`]).
    pub fn jobs(&self, listing: Listing) -> Result<Vec<Job<'_>>, BuildError> {
        match listing {
            Listing::All => all_jobs(&self.cx, &self.assets),
            Listing::Families(families) => {
                let mut jobs: Vec<Job> = (families.iter().filter_map(|&i| FAMILIES.get(i)))
                    .flat_map(|family| family_jobs(family, &self.cx, &self.assets))
                    .collect();
                jobs.extend(site_files(&self.cx, &self.assets));
                Ok(jobs)
            }
        }
    }
}

/// The jobs of `family`, but for the pages a static file replaces ([`Assets::replaces`]).
fn family_jobs<'a>(family: &Family, cx: &'a BuildContext<'a>, assets: &Assets) -> Vec<Job<'a>> {
    let mut jobs = family(cx);
    jobs.retain(|job| !assets.replaces(&job.path));
    jobs
}

/// The files that are not pages of a family: static files and the CMS (`/admin/`).
fn site_files<'a>(cx: &'a BuildContext<'a>, assets: &'a Assets<'a>) -> impl Iterator<Item = Job<'a>> {
    let statics = assets.files.iter().map(|(path, bytes)| Job::file(path.clone(), move || bytes.to_vec()));
    statics.chain(admin::jobs(cx, assets.hrefs.get(STYLESHEET).map(String::as_str)))
}

/// Jobs of every family, the static files and the sitemap; two jobs may not share a path.
fn all_jobs<'a>(cx: &'a BuildContext<'a>, assets: &'a Assets<'a>) -> Result<Vec<Job<'a>>, BuildError> {
    let mut jobs: Vec<Job> = FAMILIES.iter().flat_map(|family| family_jobs(family, cx, assets)).collect();
    jobs.extend(site_files(cx, assets));
    jobs.push(special::sitemap(cx, jobs.iter().filter_map(|j| j.sitemap.clone()).collect()));
    let mut claims = Claims::default();
    for job in &jobs {
        claims.claim(job)?;
    }
    jobs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(jobs)
}

/// The output paths jobs claimed: files, and folders whose every file one job makes.
#[derive(Default)]
struct Claims {
    files: BTreeSet<String>,
    folders: Vec<String>,
}

impl Claims {
    /// Claims the path of `job`, refused when another job has it, a folder holding it, or
    /// (for a folder) a file in it.
    fn claim(&mut self, job: &Job) -> Result<(), BuildError> {
        let path = job.path.as_str();
        let within = |folder: &str, path: &str| path.strip_prefix(folder).is_some_and(|rest| rest.starts_with('/'));
        let in_folder = self.folders.iter().any(|f| f == path || within(f, path) || within(path, f));
        let taken = if job.is_folder {
            let inside = format!("{path}/");
            let first_inside = self.files.range::<str, _>((Bound::Included(inside.as_str()), Bound::Unbounded)).next();
            in_folder || self.files.contains(path) || first_inside.is_some_and(|file| within(path, file))
        } else {
            in_folder || self.files.contains(path)
        };
        if taken {
            return Err(claimed_twice(path));
        }
        if job.is_folder {
            self.folders.push(path.to_owned());
        } else {
            self.files.insert(path.to_owned());
        }
        Ok(())
    }
}

/// Two jobs (a page and a file of `static/`, say) would write the same output file.
fn claimed_twice(path: &str) -> BuildError {
    BuildError::Setup(format!(
        "hai nguồn cùng tạo tệp `{path}` (có thể một tệp trong static/ trùng với trang được dựng)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> Job<'static> {
        Job::file(path.to_owned(), Vec::new)
    }

    fn folder(path: &str) -> Job<'static> {
        Job::folder(path.to_owned(), || (), |(), _| Vec::new())
    }

    fn claims(jobs: &[Job]) -> Result<(), String> {
        let mut claims = Claims::default();
        jobs.iter().try_for_each(|job| claims.claim(job)).map_err(|e| e.to_string())
    }

    #[test]
    fn a_folder_job_owns_every_path_inside_its_folder() {
        assert_eq!(claims(&[file("tim-kiem-x.json"), folder("tim-kiem"), file("tim-kiemx/a.json")]), Ok(()));
        for jobs in [
            [folder("tim-kiem"), file("tim-kiem/meta.json")],
            [file("tim-kiem/docs/0.json"), folder("tim-kiem")],
            [file("tim-kiem"), folder("tim-kiem")],
            [folder("tim-kiem"), folder("tim-kiem/docs")],
            [folder("tim-kiem/docs"), folder("tim-kiem")],
        ] {
            let refused = claims(&jobs).expect_err("two jobs for one path");
            assert!(refused.starts_with("hai nguồn cùng tạo tệp `tim-kiem"), "{refused}");
        }
        assert!(claims(&[file("a.html"), file("a.html")]).is_err());
    }
}
