//! Programme periods (giai đoạn, `danh-muc.yml` `periods`, SPEC §8.1): the spans of the
//! programme a model belongs to, and the calendar years they cover.
//!
//! A model belongs to the period holding its `start`; its effective end never passes that
//! period's `to`. Lookups are binary searches over the periods sorted by `from`, so no rule
//! becomes quadratic however many periods a catalog lists.

use std::fmt;

use serde::Serialize;

use crate::content::date::Date;

/// One period of the programme, e.g. `2021-2025`, 01/01/2021 … 31/12/2025.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgrammePeriod {
    /// `^[0-9a-z]+(-[0-9a-z]+)*$`, used in addresses (`/giai-doan/<id>/`).
    pub id: String,
    /// Display name, e.g. "Giai đoạn 2021–2025".
    pub name: String,
    pub from: Date,
    pub to: Date,
    /// The guidance document of the period (Văn bản hướng dẫn), if given.
    pub guidance: Option<String>,
}

impl ProgrammePeriod {
    /// Whether `date` falls within the period (both ends included).
    pub fn contains(&self, date: Date) -> bool {
        self.from <= date && date <= self.to
    }

    /// The years it spans, e.g. "2021–2025" (one year alone when it starts and ends in it).
    pub fn span(&self) -> String {
        if self.from.year == self.to.year {
            self.from.year.to_string()
        } else {
            format!("{}–{}", self.from.year, self.to.year)
        }
    }
}

/// "2021–2025 (01/01/2021 – 31/12/2025)": how messages name a period.
impl fmt::Display for ProgrammePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} – {})", self.span(), self.from, self.to)
    }
}

/// The programme period of SPEC §2 (v1), used when `danh-muc.yml` has no `periods`.
pub fn default_period() -> ProgrammePeriod {
    ProgrammePeriod {
        id: "2021-2025".to_owned(),
        name: "Giai đoạn 2021–2025".to_owned(),
        from: Date { year: 2021, month: 1, day: 1 },
        to: Date { year: 2025, month: 12, day: 31 },
        guidance: None,
    }
}

/// The period a model belongs to, as the corpus resolves it once: its index in
/// [`Periods::list`] and its last day (which caps the model's effective end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodSlot {
    pub index: usize,
    pub to: Date,
}

/// The configured periods, in catalog order, with the indexes that answer "which period
/// holds this date" and "is this year covered".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Periods {
    list: Vec<ProgrammePeriod>,
    /// Indexes into `list`, by `from` (then catalog order).
    #[serde(skip)]
    by_start: Vec<usize>,
    /// The covered years as disjoint, sorted, inclusive ranges.
    #[serde(skip)]
    years: Vec<(i32, i32)>,
    /// How many periods written were left out: unreadable, or ending before they start.
    #[serde(skip)]
    dropped: usize,
}

impl Periods {
    /// The periods whose dates are in order (`from` ≤ `to`); the others are D-PERIOD errors
    /// and hold nothing.
    pub fn new(periods: Vec<ProgrammePeriod>) -> Periods {
        let written = periods.len();
        let list: Vec<ProgrammePeriod> = periods.into_iter().filter(|p| p.from <= p.to).collect();
        let dropped = written - list.len();
        let mut by_start: Vec<usize> = (0..list.len()).collect();
        by_start.sort_by_key(|&i| (list[i].from, i));
        let mut years: Vec<(i32, i32)> = Vec::new();
        for &i in &by_start {
            let (from, to) = (list[i].from.year, list[i].to.year);
            match years.last_mut() {
                Some(last) if from <= last.1 + 1 => last.1 = last.1.max(to),
                _ => years.push((from, to)),
            }
        }
        Periods { list, by_start, years, dropped }
    }

    /// These periods, read from a list where `unread` more entries could not be read (their
    /// fields are reported).
    pub fn with_unread(mut self, unread: usize) -> Periods {
        self.dropped += unread;
        self
    }

    /// Whether every period written was read (none unreadable or ending before it starts)
    /// and there is one at least. Only then does "no period holds this date" mean the date
    /// is wrong: while the catalog's error stands, the rules saying so are not run, so that
    /// one error is reported instead of one on every file of the broken period.
    pub fn is_complete(&self) -> bool {
        !self.list.is_empty() && self.dropped == 0
    }

    /// Every period, in catalog order.
    pub fn list(&self) -> &[ProgrammePeriod] {
        &self.list
    }

    /// Every period, by start date.
    pub fn chronological(&self) -> impl DoubleEndedIterator<Item = &ProgrammePeriod> {
        self.by_start.iter().map(|&i| &self.list[i])
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The period with `id`.
    pub fn get(&self, id: &str) -> Option<&ProgrammePeriod> {
        self.list.iter().find(|p| p.id == id)
    }

    /// The period holding `date` (the latest-starting one when periods overlap, which is a
    /// D-PERIOD error).
    pub fn holding(&self, date: Date) -> Option<PeriodSlot> {
        let started = self.by_start.partition_point(|&i| self.list[i].from <= date);
        let index = *self.by_start[..started].last()?;
        let period = &self.list[index];
        period.contains(date).then_some(PeriodSlot { index, to: period.to })
    }

    /// The period at `slot.index`.
    pub fn at(&self, slot: PeriodSlot) -> Option<&ProgrammePeriod> {
        self.list.get(slot.index)
    }

    /// Whether some period touches `year` (a covered year: reports, yearly topics and
    /// coverage checks may use it).
    pub fn covers_year(&self, year: i64) -> bool {
        let at = self.years.partition_point(|&(from, _)| i64::from(from) <= year);
        at > 0 && year <= i64::from(self.years[at - 1].1)
    }

    /// The covered years from `from` to `to`, in order.
    pub fn covered_years(&self, from: i32, to: i32) -> Vec<i32> {
        self.years.iter().flat_map(|&(a, b)| a.max(from)..=b.min(to)).collect()
    }

    /// The first covered year.
    pub fn first_year(&self) -> Option<i32> {
        self.years.first().map(|&(from, _)| from)
    }

    /// The last covered year.
    pub fn last_year(&self) -> Option<i32> {
        self.years.last().map(|&(_, to)| to)
    }

    /// The current period at `as_of`: the one holding it, else the latest one that started
    /// before it (SPEC §8.1); `None` before the first period starts.
    pub fn current(&self, as_of: Date) -> Option<&ProgrammePeriod> {
        if let Some(slot) = self.holding(as_of) {
            return self.at(slot);
        }
        self.chronological().rev().find(|p| p.from <= as_of)
    }

    /// Every period as messages list them: "2021–2025 (01/01/2021 – 31/12/2025), 2026–2030
    /// (…)", by start date.
    pub fn describe(&self) -> String {
        let all: Vec<String> = self.chronological().map(ToString::to_string).collect();
        all.join(", ")
    }

    /// The covered years as messages name them: "2021–2030", or "2021–2025, 2027".
    pub fn describe_years(&self) -> String {
        ranges_text(&self.years)
    }
}

/// Sorted years as text, consecutive ones joined: `[2022, 2023, 2024, 2026]` → "2022–2024, 2026".
pub fn years_text(years: &[i32]) -> String {
    let mut ranges: Vec<(i32, i32)> = Vec::new();
    for &year in years {
        match ranges.last_mut() {
            Some(last) if year == last.1 + 1 => last.1 = year,
            _ => ranges.push((year, year)),
        }
    }
    ranges_text(&ranges)
}

fn ranges_text(ranges: &[(i32, i32)]) -> String {
    let parts: Vec<String> =
        ranges.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests;
