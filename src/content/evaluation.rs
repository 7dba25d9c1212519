//! The department's evaluation of a model (phiếu khảo sát, đánh giá chất lượng mô hình, HD
//! §IV.3; `content/danh-gia/**/<id>.md`) as typed data, read leniently from its file.

use serde::Serialize;

use crate::content::date::Date;
use crate::content::read::{boolean, code, date, int, items, string};
use crate::content::vocab::EvaluationResult;
use crate::parse::markdown::Body;
use crate::parse::yaml::Node;

/// One criterion assessed by the evaluation.
#[derive(Clone, Debug, Serialize)]
pub struct CriterionResult {
    /// 1–5.
    pub criterion: Option<i64>,
    pub result: Option<EvaluationResult>,
    pub note: Option<String>,
}

/// One evaluation file.
#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    pub id: String,
    /// Path relative to the site root.
    pub path: String,
    /// The evaluated model's id.
    pub model: Option<String>,
    pub date: Option<Date>,
    /// Who evaluated ("Đoàn khảo sát Ban Tuyên giáo").
    pub by: Option<String>,
    pub result: Option<EvaluationResult>,
    pub criteria: Vec<CriterionResult>,
    pub recommend_replication: bool,
    #[serde(skip)]
    pub front: Node,
    #[serde(skip)]
    pub body: Body,
}

impl Evaluation {
    /// Reads an evaluation's front matter and body; `id` is the file stem.
    pub fn read(id: String, path: String, front: Node, body: Body) -> Evaluation {
        let f = &front;
        Evaluation {
            id,
            path,
            model: string(f, "model"),
            date: date(f, "date"),
            by: string(f, "by"),
            result: code(f, "result", EvaluationResult::from_code),
            criteria: items(f, "criteria")
                .iter()
                .map(|c| CriterionResult {
                    criterion: int(c, "criterion"),
                    result: code(c, "result", EvaluationResult::from_code),
                    note: string(c, "note"),
                })
                .collect(),
            recommend_replication: boolean(f, "recommend_replication").unwrap_or(false),
            front,
            body,
        }
    }
}
