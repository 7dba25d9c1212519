//! The build context: what every page family reads, built once and shared by reference
//! (corpus, configuration, base path, and indexes derived once for all pages).

use rayon::prelude::*;

use crate::content::corpus::Corpus;
use crate::content::model::Model;
use crate::content::site_config::SiteConfig;
use crate::derive::results::ReportIndex;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::render::context::common::{NavItem, Organisation};
use crate::render::context::{Link, PageMeta, SiteInfo};
use crate::search::title_key;
use crate::site::urls;

/// Everything page families need, borrowed from the checked corpus.
pub struct BuildContext<'a> {
    pub corpus: &'a Corpus,
    /// Site settings, with `--base-url` already applied.
    pub config: &'a SiteConfig,
    /// Path prefix of every internal address: `/` or `/sub/path/`.
    pub base_path: String,
    /// Report entries by model.
    pub reports: ReportIndex<'a>,
    /// Every model in Vietnamese title order (then id).
    pub models: Vec<&'a Model>,
    /// The checker's diagnostics (warnings only, since a site with errors is never built),
    /// for the compliance page.
    pub diagnostics: &'a [Diagnostic],
    /// Git history of the content files (SPEC §6); `None` outside a repository.
    pub history: Option<&'a History>,
}

impl<'a> BuildContext<'a> {
    pub fn new(corpus: &'a Corpus, config: &'a SiteConfig) -> BuildContext<'a> {
        // The keys are made on all cores first (each model keeps its own).
        corpus.models.par_iter().for_each(|model| {
            model.title_key();
        });
        let mut models: Vec<&Model> = corpus.models.iter().collect();
        models.sort_by(|a, b| a.title_key().cmp(b.title_key()).then_with(|| a.id.cmp(&b.id)));
        BuildContext {
            corpus,
            config,
            base_path: config.base_path(),
            reports: ReportIndex::new(corpus),
            models,
            diagnostics: &[],
            history: None,
        }
    }

    /// The same context, with the checker's diagnostics for the compliance page.
    pub fn with_diagnostics(self, diagnostics: &'a [Diagnostic]) -> BuildContext<'a> {
        BuildContext { diagnostics, ..self }
    }

    /// The same context, with the Git history shown on pages (`meta.history`).
    pub fn with_history(self, history: Option<&'a History>) -> BuildContext<'a> {
        BuildContext { history, ..self }
    }

    /// Models shown in lists by default: every model not retired, in title order.
    pub fn published(&self) -> impl Iterator<Item = &'a Model> + '_ {
        self.models.iter().copied().filter(|m| !m.is_retired())
    }

    /// The address of `url` (relative to the base path) as used in links.
    pub fn href(&self, url: &str) -> String {
        format!("{}{url}", self.base_path)
    }

    /// The absolute address of `url`, for feeds, sitemaps and canonical links.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.config.base_url)
    }

    /// A link to `url` with `text`.
    pub fn link(&self, text: impl Into<String>, url: &str) -> Link {
        Link { text: text.into(), href: self.href(url) }
    }

    /// Metadata of the page at `url`, in navigation `section`.
    pub fn meta(&self, url: &str, title: impl Into<String>, section: &str) -> PageMeta {
        PageMeta {
            title: title.into(),
            href: self.href(url),
            canonical: self.absolute(url),
            section: section.to_owned(),
            ..PageMeta::default()
        }
    }

    /// The "Sửa trang này" address of a source file, when the site sets `edit_url`.
    pub fn edit_href(&self, path: &str) -> Option<String> {
        self.config.edit_url.as_ref().map(|prefix| format!("{prefix}{path}"))
    }

    /// The site as every template sees it.
    pub fn site_info(&self) -> SiteInfo {
        let mut pages: Vec<_> = self.corpus.pages.iter().collect();
        pages.sort_by_cached_key(|p| (p.weight, title_key(&p.title), p.slug.clone()));
        SiteInfo {
            title: self.config.title.clone(),
            description: self.config.description.clone(),
            language: self.config.language.clone(),
            base: self.base_path.clone(),
            base_url: self.config.base_url.clone(),
            repo_url: self.config.repo_url.clone(),
            nav: self.nav(),
            pages: pages.iter().map(|p| self.link(p.title.clone(), &urls::page(&p.slug))).collect(),
            feed_href: self.href(urls::FEED),
            as_of: self.corpus.catalog.as_of.map(|d| d.to_string()),
            organisation: self.corpus.root_unit().map(|root| Organisation {
                name: root.name.clone(),
                short_name: root.display_name().to_owned(),
                committee: root.committee(),
            }),
        }
    }

    /// The main navigation, in order.
    fn nav(&self) -> Vec<NavItem> {
        let mut items = vec![
            ("Mô hình", urls::GALLERY),
            ("Đơn vị", urls::UNITS),
            ("Nhóm mô hình", urls::GROUPS),
            ("Chuyên đề", urls::TOPICS),
        ];
        if self.config.publish_reports {
            items.push(("Báo cáo", urls::REPORTS));
        }
        items.push(("Tổng hợp", urls::FORM02));
        items.push(("Đánh giá", urls::EVALUATIONS));
        items.push(("Khen thưởng", urls::COMMENDATIONS));
        if self.config.publish_compliance {
            items.push(("Theo dõi thực hiện", urls::COMPLIANCE));
        }
        items
            .into_iter()
            .map(|(text, url)| NavItem {
                text: text.to_owned(),
                href: self.href(url),
                section: url.trim_end_matches('/').to_owned(),
            })
            .collect()
    }
}
