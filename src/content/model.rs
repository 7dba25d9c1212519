//! A model (mô hình, điển hình; biểu mẫu 01) as typed data, read leniently from its file.

use std::sync::OnceLock;

use serde::Serialize;

use crate::content::criteria::criterion_of;
use crate::content::date::Date;
use crate::content::period::PeriodSlot;
use crate::content::read::{at, boolean, code, date, int, items, number, string, strings};
use crate::content::report::Period;
use crate::content::vocab::{Approach, Status, SubjectType};
use crate::parse::markdown::Body;
use crate::parse::yaml::Node;
use crate::search::{CollationKey, title_key};

/// Who carries the model.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Subject {
    pub kind: Option<SubjectType>,
    pub name: String,
    pub position: Option<String>,
    pub party_member: Option<bool>,
    pub members: Option<i64>,
    pub mass_org: Option<String>,
}

/// TC1: what is learned from Bác.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Learning {
    pub topics: Vec<String>,
    pub summary: Option<String>,
    pub quote: Option<String>,
    pub alignment: Vec<String>,
}

/// TC2: why the model is needed.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Necessity {
    pub reasons: Vec<String>,
    pub other: Option<String>,
    pub identified_in: Option<String>,
}

/// A dated step of the plan.
#[derive(Clone, Debug, Serialize)]
pub struct Milestone {
    pub date: Option<Date>,
    pub task: Option<String>,
}

/// TC3: the measures.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Measures {
    pub kinds: Vec<String>,
    pub responsible: Option<String>,
    pub milestones: Vec<Milestone>,
}

/// A measured indicator with its baseline and target.
#[derive(Clone, Debug, Serialize)]
pub struct Indicator {
    pub code: String,
    pub name: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target: Option<f64>,
}

/// TC4: expected effects and indicators.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Effectiveness {
    pub awareness: Option<String>,
    pub attitude: Option<String>,
    pub action: Option<String>,
    pub indicators: Vec<Indicator>,
    pub social_effect: Option<String>,
}

/// A place the model could be replicated to.
#[derive(Clone, Debug, Serialize)]
pub struct ReplicationTarget {
    pub org: Option<String>,
    pub name: Option<String>,
    pub similarity: Option<String>,
}

/// TC5: feasibility of replication.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Replication {
    pub targets: Vec<ReplicationTarget>,
    pub cost: Option<String>,
    pub requirements: Option<String>,
    pub spread: Option<String>,
}

/// One consolidation change, tied to a criterion (1–5).
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    pub criterion: Option<i64>,
    pub text: Option<String>,
}

/// What a consolidated (cung_co) model changed from its earlier form.
#[derive(Clone, Debug, Serialize)]
pub struct Revision {
    pub since: Option<i64>,
    pub previous: Option<String>,
    /// The model of an earlier period this one carries on (SPEC §8.1), if registered.
    pub previous_model: Option<String>,
    pub changes: Vec<Change>,
}

/// Why and when a model was dropped.
#[derive(Clone, Debug, Serialize)]
pub struct Retirement {
    pub date: Option<Date>,
    pub reason: Option<String>,
    pub replacement: Option<String>,
}

/// A recognition or award.
#[derive(Clone, Debug, Serialize)]
pub struct Recognition {
    pub subject: Option<String>,
    pub date: Option<Date>,
    pub level: Option<String>,
    pub form: Option<String>,
    pub decision: Option<String>,
}

/// The model's registration (biểu mẫu 01 as filed): number, date and signer of the plan.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Registration {
    pub number: Option<String>,
    pub date: Option<Date>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
}

/// One model file.
#[derive(Clone, Debug, Serialize)]
pub struct Model {
    pub id: String,
    /// Path relative to the site root.
    pub path: String,
    pub title: String,
    pub org: Option<String>,
    pub subject: Subject,
    pub group: Option<String>,
    pub approach: Option<Approach>,
    pub status: Option<Status>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub registration: Option<Registration>,
    pub learning: Learning,
    pub necessity: Necessity,
    pub measures: Measures,
    pub effectiveness: Effectiveness,
    pub replication: Replication,
    pub revision: Option<Revision>,
    pub source_model: Option<String>,
    pub retirement: Option<Retirement>,
    pub recognition: Vec<Recognition>,
    pub featured: bool,
    pub tags: Vec<String>,
    /// The programme period holding `start`, resolved when the corpus is assembled
    /// (`Corpus::new`); `None` when no period holds it (M-PERIOD) or `start` is unreadable.
    #[serde(skip)]
    pub period: Option<PeriodSlot>,
    #[serde(skip)]
    pub front: Node,
    #[serde(skip)]
    pub body: Body,
    /// The body section (index in `body.sections`) of each criterion 1–5: the first whose
    /// heading names it (see `criteria::criterion_of`).
    #[serde(skip)]
    pub criteria: [Option<usize>; 5],
    /// The Vietnamese sort key of `title` (see [`Model::title_key`]), made the first time a
    /// list sorts by it: `guong check` never needs it, and `guong serve` keeps it for every
    /// model an edit did not touch.
    #[serde(skip)]
    title_key: OnceLock<CollationKey>,
}

/// The first section of `body` naming each criterion.
fn criteria_sections(body: &Body) -> [Option<usize>; 5] {
    let mut found = [None; 5];
    for (index, section) in body.sections.iter().enumerate() {
        if let Some(criterion) = criterion_of(&section.title) {
            found[usize::from(criterion) - 1].get_or_insert(index);
        }
    }
    found
}

/// Reads a recognition entry (shared by models and reports).
pub fn read_recognition(node: &Node) -> Recognition {
    Recognition {
        subject: string(node, "subject"),
        date: date(node, "date"),
        level: string(node, "level"),
        form: string(node, "form"),
        decision: string(node, "decision"),
    }
}

impl Model {
    /// The Vietnamese sort key of the title (see [`title_key`]), made once.
    pub fn title_key(&self) -> &CollationKey {
        self.title_key.get_or_init(|| title_key(&self.title))
    }

    /// Reads a model's front matter and body; `id` is the file stem.
    pub fn read(id: String, path: String, front: Node, body: Body) -> Model {
        let f = &front;
        let title = string(f, "title").unwrap_or_default();
        Model {
            id,
            path,
            title_key: OnceLock::new(),
            title,
            org: string(f, "org"),
            subject: Subject {
                kind: code(f, "subject.type", SubjectType::from_code),
                name: string(f, "subject.name").unwrap_or_default(),
                position: string(f, "subject.position"),
                party_member: boolean(f, "subject.party_member"),
                members: int(f, "subject.members"),
                mass_org: string(f, "subject.mass_org"),
            },
            group: string(f, "group"),
            approach: code(f, "approach", Approach::from_code),
            status: code(f, "status", Status::from_code),
            start: date(f, "start"),
            end: date(f, "end"),
            registration: at(f, "registration").filter(|n| n.is_map()).map(|r| Registration {
                number: string(r, "number"),
                date: date(r, "date"),
                signer_name: string(r, "signer.name"),
                signer_title: string(r, "signer.title"),
            }),
            learning: Learning {
                topics: strings(f, "learning.topics"),
                summary: string(f, "learning.summary"),
                quote: string(f, "learning.quote"),
                alignment: strings(f, "learning.alignment"),
            },
            necessity: Necessity {
                reasons: strings(f, "necessity.reasons"),
                other: string(f, "necessity.other"),
                identified_in: string(f, "necessity.identified_in"),
            },
            measures: Measures {
                kinds: strings(f, "measures.kinds"),
                responsible: string(f, "measures.responsible"),
                milestones: items(f, "measures.milestones")
                    .iter()
                    .map(|m| Milestone { date: date(m, "date"), task: string(m, "task") })
                    .collect(),
            },
            effectiveness: Effectiveness {
                awareness: string(f, "effectiveness.expected.awareness"),
                attitude: string(f, "effectiveness.expected.attitude"),
                action: string(f, "effectiveness.expected.action"),
                indicators: items(f, "effectiveness.indicators")
                    .iter()
                    .map(|i| Indicator {
                        code: string(i, "code").unwrap_or_default(),
                        name: string(i, "name").unwrap_or_default(),
                        unit: string(i, "unit").unwrap_or_default(),
                        baseline: number(i, "baseline"),
                        baseline_date: date(i, "baseline_date"),
                        target: number(i, "target"),
                    })
                    .collect(),
                social_effect: string(f, "effectiveness.social_effect"),
            },
            replication: Replication {
                targets: items(f, "replication.targets")
                    .iter()
                    .map(|t| ReplicationTarget {
                        org: string(t, "org"),
                        name: string(t, "name"),
                        similarity: string(t, "similarity"),
                    })
                    .collect(),
                cost: string(f, "replication.cost"),
                requirements: string(f, "replication.requirements"),
                spread: string(f, "replication.spread"),
            },
            revision: at(f, "revision").filter(|n| n.is_map()).map(|r| Revision {
                since: int(r, "since"),
                previous: string(r, "previous"),
                previous_model: string(r, "previous_model"),
                changes: items(r, "changes")
                    .iter()
                    .map(|c| Change { criterion: int(c, "criterion"), text: string(c, "text") })
                    .collect(),
            }),
            source_model: string(f, "source_model"),
            retirement: at(f, "retirement").filter(|n| n.is_map()).map(|r| Retirement {
                date: date(r, "date"),
                reason: string(r, "reason"),
                replacement: string(r, "replacement"),
            }),
            recognition: items(f, "recognition").iter().map(read_recognition).collect(),
            featured: boolean(f, "featured").unwrap_or(false),
            tags: strings(f, "tags"),
            criteria: criteria_sections(&body),
            period: None,
            front,
            body,
        }
    }

    /// eff_end = min(end, retirement.date, the model's period's `to`) (SPEC §2, §8.1);
    /// `None` when no period holds the model.
    pub fn effective_end(&self) -> Option<Date> {
        let to = self.period?.to;
        Some(self.own_end().map_or(to, |end| end.min(to)))
    }

    /// The model's own end: `end` or the retirement date, whichever is first; `None` while it
    /// runs on (its period's `to` is not its end).
    pub fn own_end(&self) -> Option<Date> {
        [self.end, self.retirement.as_ref().and_then(|r| r.date)].into_iter().flatten().min()
    }

    /// Whether the model's own dates are valid: a period holds `start` and the effective end
    /// is not before it. A model with invalid dates (M-PERIOD, F-DATE, S-RETIRE) is active
    /// nowhere, and rules in other files do not count on it (SPEC §8.1 cascade).
    pub fn is_dated(&self) -> bool {
        self.start.zip(self.effective_end()).is_some_and(|(start, end)| start <= end)
    }

    /// Whether the model is active in `[from, to]`: start ≤ to and eff_end ≥ from (any
    /// status), for a model with valid dates.
    pub fn active_in(&self, from: Date, to: Date) -> bool {
        self.is_dated()
            && self.start.is_some_and(|start| start <= to)
            && self.effective_end().is_some_and(|end| end >= from)
    }

    /// Whether the model is active in a reporting period.
    pub fn active_during(&self, period: Period) -> bool {
        self.active_in(period.start(), period.end())
    }

    /// Whether the model is retired (status loai_bo).
    pub fn is_retired(&self) -> bool {
        self.status == Some(Status::LoaiBo)
    }

    /// Its recognitions dated within `[from, to]` (an undated one is in no range), as typed.
    pub fn recognitions_between(&self, from: Date, to: Date) -> impl Iterator<Item = &Recognition> {
        self.recognition.iter().filter(move |r| r.date.is_some_and(|d| from <= d && d <= to))
    }
}
