//! Git history on pages (SPEC §6): `meta.history` of model, report and free pages (their
//! file's), and of pages listing models or evaluations (their files' taken together), from
//! the history read once before the build.

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
