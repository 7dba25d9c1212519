//! Links to the corpus's records and model cards, as every page family shows them.

use crate::content::model::Model;
use crate::content::vocab::{Approach, Status, SubjectType};
use crate::render::context::lists::ModelCard;
use crate::render::context::{Coded, Link};
use crate::site::context::BuildContext;
use crate::site::urls;

/// A vocabulary value as templates see it.
pub fn coded(code: &str, label: &str) -> Coded {
    Coded { code: code.to_owned(), label: label.to_owned() }
}

/// Status, approach and subject kinds as templates see them.
pub trait AsCoded {
    fn coded(self) -> Coded;
}

macro_rules! as_coded {
    ($($enum:ty),*) => {$(
        impl AsCoded for $enum {
            fn coded(self) -> Coded {
                coded(self.code(), self.label())
            }
        }
    )*};
}

as_coded!(Approach, Status, SubjectType);

impl<'a> BuildContext<'a> {
    /// A link to a unit's page, titled with its full name.
    pub fn unit_link(&self, id: &str) -> Option<Link> {
        self.corpus.unit(id).map(|u| self.link(u.name.clone(), &urls::unit(&u.id)))
    }

    /// A link to a unit's page, titled with its short name.
    pub fn unit_short_link(&self, id: &str) -> Option<Link> {
        self.corpus.unit(id).map(|u| self.link(u.display_name(), &urls::unit(&u.id)))
    }

    /// A link to a model's page.
    pub fn model_link(&self, id: &str) -> Option<Link> {
        self.corpus.model(id).map(|m| self.link(m.title.clone(), &urls::model(&m.id)))
    }

    /// A link to a group's page.
    pub fn group_link(&self, id: &str) -> Option<Link> {
        self.corpus.catalog.group(id).map(|g| self.link(g.label.clone(), &urls::group(&g.id)))
    }

    /// A link to a topic's page.
    pub fn topic_link(&self, id: &str) -> Option<Link> {
        self.corpus.catalog.topic(id).map(|t| self.link(t.title.clone(), &urls::topic(&t.id)))
    }

    /// A model as a card.
    pub fn card(&self, model: &Model) -> ModelCard {
        ModelCard {
            id: model.id.clone(),
            title: model.title.clone(),
            href: self.href(&urls::model(&model.id)),
            summary: model.learning.summary.clone(),
            org: model.org.as_deref().and_then(|id| self.corpus.unit(id)).map(|u| u.display_name().to_owned()),
            subject: model.subject.name.clone(),
            subject_kind: model.subject.kind.map(AsCoded::coded),
            group: model.group.as_deref().and_then(|id| self.corpus.catalog.group(id)).map(|g| g.label.clone()),
            approach: model.approach.map(AsCoded::coded),
            status: model.status.map(AsCoded::coded),
            start: model.start.map(|d| d.to_string()),
            period: model
                .period
                .filter(|_| model.is_dated())
                .and_then(|slot| self.corpus.catalog.periods.at(slot))
                .map(|p| format!("Giai đoạn {}", p.span())),
            retired: model.is_retired(),
            featured: model.featured,
        }
    }
}
