//! The registries and configuration of `danh-muc.yml`: groups, learning topics, programme
//! periods, `as_of`.

use serde::Serialize;

use crate::content::date::Date;
use crate::content::period::{Periods, ProgrammePeriod, default_period};
use crate::content::read::{at, code, date, int, items, string};
use crate::content::vocab::TopicKind;
use crate::parse::yaml::Node;

/// Default first year of coverage checks (KH 43-KH/ĐUK dated 05/01/2022), when a period
/// covers it; else the first covered year.
pub const DEFAULT_COVERAGE_FROM: i32 = 2022;
/// Default days of grace after a period's end before a report is late.
pub const DEFAULT_GRACE_DAYS: i64 = 15;

/// A group of models (nhóm mô hình).
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    pub id: String,
    pub label: String,
}

/// A learning topic or work (chuyên đề, tác phẩm).
#[derive(Clone, Debug, Serialize)]
pub struct Topic {
    pub id: String,
    pub kind: Option<TopicKind>,
    pub title: String,
    pub year: Option<i32>,
    pub issued: Option<String>,
}

/// Registries and configuration maintained by the propaganda department.
#[derive(Clone, Debug, Serialize)]
pub struct Catalog {
    /// The "today" of every check: drives due reports and coverage; keeps builds deterministic.
    pub as_of: Option<Date>,
    /// The programme periods: `periods` as written (those with dates in order), or the one
    /// default period 2021–2025 when the key is absent.
    pub periods: Periods,
    /// First year of coverage checks: always a covered year when one exists.
    pub coverage_from: i32,
    pub report_grace_days: i64,
    pub groups: Vec<Group>,
    pub topics: Vec<Topic>,
    #[serde(skip)]
    pub node: Node,
}

impl Catalog {
    /// Reads the catalog tree; unreadable entries are skipped.
    pub fn read(node: &Node) -> Catalog {
        let periods = read_periods(node);
        // Uncovered values are registry errors; the default keeps the date rules sane.
        let default_from = if periods.covers_year(DEFAULT_COVERAGE_FROM.into()) {
            DEFAULT_COVERAGE_FROM
        } else {
            periods.first_year().unwrap_or(DEFAULT_COVERAGE_FROM)
        };
        Catalog {
            as_of: date(node, "as_of"),
            coverage_from: int(node, "coverage_from")
                .filter(|&y| periods.covers_year(y))
                .map_or(default_from, |y| y as i32),
            periods,
            report_grace_days: int(node, "report_grace_days")
                .filter(|d| (0..=366).contains(d))
                .unwrap_or(DEFAULT_GRACE_DAYS),
            groups: items(node, "nhom_mo_hinh")
                .iter()
                .filter_map(|g| Some(Group { id: string(g, "id")?, label: string(g, "label").unwrap_or_default() }))
                .collect(),
            topics: items(node, "chuyen_de")
                .iter()
                .filter_map(|t| {
                    Some(Topic {
                        id: string(t, "id")?,
                        kind: code(t, "kind", TopicKind::from_code),
                        title: string(t, "title").unwrap_or_default(),
                        year: int(t, "year").and_then(|y| i32::try_from(y).ok()),
                        issued: string(t, "issued"),
                    })
                })
                .collect(),
            node: node.clone(),
        }
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// Whether the catalog lists its `periods` (a site of version 2); without the key, the
    /// one default period 2021–2025 applies and a version 1 site keeps exactly its diagnostics.
    pub fn lists_periods(&self) -> bool {
        at(&self.node, "periods").is_some()
    }

    /// The current programme period (SPEC §8.1): the one holding `as_of`, else the latest
    /// one that started before it.
    pub fn current_period(&self) -> Option<&ProgrammePeriod> {
        self.periods.current(self.as_of?)
    }
}

/// The `periods` list, or the default period when the key is absent. An entry without a
/// readable id or dates is left out (its fields are already reported).
fn read_periods(node: &Node) -> Periods {
    if at(node, "periods").is_none() {
        return Periods::new(vec![default_period()]);
    }
    let written = items(node, "periods");
    let read: Vec<ProgrammePeriod> = written
        .iter()
        .filter_map(|p| {
            Some(ProgrammePeriod {
                id: string(p, "id")?,
                name: string(p, "name").unwrap_or_default(),
                from: date(p, "from")?,
                to: date(p, "to")?,
                guidance: string(p, "guidance"),
            })
        })
        .collect();
    let unread = written.len() - read.len();
    Periods::new(read).with_unread(unread)
}
