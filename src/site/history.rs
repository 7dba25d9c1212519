//! Git history on pages (SPEC §6): `meta.history` of model, report and free pages (their
//! file's), of pages listing models, reports or evaluations (their files' taken together),
//! and of pages summing up the whole content (every content file's), from the history read
//! once before the build.

use crate::history::PathHistory;
use crate::render::context::history::{PageHistory, RevisionRow};
use crate::site::context::BuildContext;

/// Characters of a commit id shown beside its subject.
const SHORT_COMMIT: usize = 7;

impl BuildContext<'_> {
    /// The history of the page made from the file at `path`, with the list of changes when
    /// `with_revisions` (model and report pages).
    pub fn history_of(&self, path: &str, with_revisions: bool) -> Option<PageHistory> {
        let history = self.history?.of(path)?;
        Some(self.page_history(history, with_revisions))
    }

    /// The history of a page listing the files at `paths` (a unit's models and reports, a
    /// group's models, the evaluations): theirs taken together. The registries hold every
    /// unit, group and topic, so their own history says nothing of one page.
    pub fn combined_history<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> Option<PageHistory> {
        let history = self.history?.combined(paths)?;
        Some(self.page_history(&history, false))
    }

    /// The history of a page drawn from the whole content (the home page, the indexes, form
    /// 02's index, compliance, commendations): every model, report and evaluation file's,
    /// taken together.
    pub fn content_history(&self) -> Option<PageHistory> {
        let corpus = self.corpus;
        let models = corpus.models.iter().map(|m| m.path.as_str());
        let reports = corpus.reports.iter().map(|r| r.path.as_str());
        self.combined_history(models.chain(reports).chain(corpus.evaluations.iter().map(|e| e.path.as_str())))
    }

    /// The history of a page listing the models with ids `ids` (and nothing else of theirs).
    pub fn models_history<'p>(&self, ids: impl IntoIterator<Item = &'p str>) -> Option<PageHistory> {
        self.combined_history(ids.into_iter().filter_map(|id| Some(self.corpus.model(id)?.path.as_str())))
    }

    fn page_history(&self, history: &PathHistory, with_revisions: bool) -> PageHistory {
        let repo = self.config.repo_url.as_deref().map(|url| url.trim_end_matches('/'));
        let revisions = if with_revisions { history.revisions.as_slice() } else { &[] };
        PageHistory {
            created: history.created.to_string(),
            updated: history.updated.to_string(),
            contributors: history.contributors.clone(),
            revisions: revisions
                .iter()
                .map(|r| RevisionRow {
                    date: r.date.to_string(),
                    datetime: r.date.iso(),
                    author: r.author.clone(),
                    subject: r.subject.clone(),
                    commit: r.commit.chars().take(SHORT_COMMIT).collect(),
                    href: repo.map(|url| format!("{url}/commit/{}", r.commit)),
                })
                .collect(),
        }
    }
}
