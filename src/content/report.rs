//! A periodic report (biểu mẫu 03) as typed data, and the reporting periods it covers.

use serde::Serialize;

use crate::content::date::Date;
use crate::content::model::{Recognition, read_recognition};
use crate::content::period::Periods;
use crate::content::read::{code, date, int, items, number, string, strings};
use crate::content::vocab::{PeriodKind, Progress};
use crate::parse::markdown::Body;
use crate::parse::yaml::Node;

/// A reporting period: a year and its half or whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
}

impl Period {
    /// First day of the period (always 1 January).
    pub fn start(self) -> Date {
        Date { year: self.year, month: 1, day: 1 }
    }

    /// Last day: 30 June for sau_thang, 31 December for ca_nam. Also the due date.
    pub fn end(self) -> Date {
        match self.kind {
            PeriodKind::SauThang => Date { year: self.year, month: 6, day: 30 },
            PeriodKind::CaNam => Date { year: self.year, month: 12, day: 31 },
        }
    }

    /// Vietnamese name, e.g. "6 tháng đầu năm 2023".
    pub fn label(self) -> String {
        match self.kind {
            PeriodKind::SauThang => format!("6 tháng đầu năm {}", self.year),
            PeriodKind::CaNam => format!("năm {}", self.year),
        }
    }

    /// Both periods of every year in `years`, in time order.
    pub fn all(years: impl Iterator<Item = i32>) -> Vec<Period> {
        years.flat_map(|year| PeriodKind::ALL.iter().map(move |&kind| Period { year, kind })).collect()
    }
}

/// A model's value for one indicator in a report.
#[derive(Clone, Debug, Serialize)]
pub struct Value {
    pub indicator: String,
    pub value: Option<f64>,
}

/// Results of one model in a report.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub model: String,
    pub progress: Option<Progress>,
    pub awareness: Option<String>,
    pub attitude: Option<String>,
    pub action: Option<String>,
    pub values: Vec<Value>,
    pub highlights: Option<String>,
    pub propose_replication: Vec<String>,
}

/// One report file.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub id: String,
    pub path: String,
    pub org: Option<String>,
    pub year: Option<i32>,
    pub period_kind: Option<PeriodKind>,
    pub report_date: Option<Date>,
    pub number: Option<String>,
    pub signer_name: Option<String>,
    pub signer_title: Option<String>,
    /// Nơi nhận, one line each, as written.
    pub recipients: Vec<String>,
    pub entries: Vec<Entry>,
    pub recognitions: Vec<Recognition>,
    pub difficulties: Option<String>,
    pub proposals: Option<String>,
    #[serde(skip)]
    pub front: Node,
    #[serde(skip)]
    pub body: Body,
}

impl Report {
    /// Reads a report's front matter and body; `id` is the file stem.
    pub fn read(id: String, path: String, front: Node, body: Body) -> Report {
        let f = &front;
        Report {
            id,
            path,
            org: string(f, "org"),
            year: int(f, "year").and_then(|y| i32::try_from(y).ok()),
            period_kind: code(f, "period", PeriodKind::from_code),
            report_date: date(f, "report_date"),
            number: string(f, "number"),
            signer_name: string(f, "signer.name"),
            signer_title: string(f, "signer.title"),
            recipients: strings(f, "recipients"),
            entries: items(f, "models")
                .iter()
                .map(|e| Entry {
                    model: string(e, "model").unwrap_or_default(),
                    progress: code(e, "progress", Progress::from_code),
                    awareness: string(e, "assessment.awareness"),
                    attitude: string(e, "assessment.attitude"),
                    action: string(e, "assessment.action"),
                    values: items(e, "values")
                        .iter()
                        .map(|v| Value {
                            indicator: string(v, "indicator").unwrap_or_default(),
                            value: number(v, "value"),
                        })
                        .collect(),
                    highlights: string(e, "highlights"),
                    propose_replication: strings(e, "propose_replication"),
                })
                .collect(),
            recognitions: items(f, "recognitions").iter().map(read_recognition).collect(),
            difficulties: string(f, "difficulties"),
            proposals: string(f, "proposals"),
            front,
            body,
        }
    }

    /// The reporting period, when the period is valid and a programme period covers the
    /// year (R-PERIOD otherwise).
    pub fn period(&self, periods: &Periods) -> Option<Period> {
        let year = self.year.filter(|&y| periods.covers_year(y.into()))?;
        Some(Period { year, kind: self.period_kind? })
    }
}
