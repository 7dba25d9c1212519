//! `/khen-thuong/`: every recognition typed on a model or a report, newest first, then by
//! level (in the order of the vocabulary); the counts by level and of commended models above.

use std::cmp::Reverse;

use crate::content::model::Recognition;
use crate::content::vocab::RECOGNITION_LEVELS;
use crate::render::context::commendation::{CommendationRow, CommendationsPage, LevelCount};
use crate::render::format::count;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::pages::model::{recognition_level_label, recognition_row};
use crate::site::pages::reports::title_of;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    vec![Job::page(urls::COMMENDATIONS.to_owned(), "commendations.html", move || {
        let mut meta = cx.meta(urls::COMMENDATIONS, "Biểu dương, khen thưởng", "khen-thuong");
        meta.history = cx.content_history();
        meta.description =
            Some("Các hình thức biểu dương, khen thưởng mô hình, điển hình, theo ngày và cấp.".to_owned());
        (meta, page(cx))
    })]
}

/// The rank of a level in [`RECOGNITION_LEVELS`] (unknown levels last).
fn rank(r: &Recognition) -> usize {
    r.level.as_deref().and_then(|l| RECOGNITION_LEVELS.iter().position(|(c, _)| *c == l)).unwrap_or(usize::MAX)
}

fn page(cx: &BuildContext) -> CommendationsPage {
    let mut found: Vec<(&Recognition, CommendationRow)> = Vec::new();
    for model in cx.models.iter().copied() {
        for r in &model.recognition {
            let mut row = row_of(cx, r, model.org.as_deref());
            row.subject = Some(model.subject.name.clone()).filter(|s| !s.is_empty()).or(row.subject);
            row.model = cx.model_link(&model.id);
            found.push((r, row));
        }
    }
    if cx.config.publish_reports {
        for report in &cx.corpus.reports {
            for r in &report.recognitions {
                let mut row = row_of(cx, r, report.org.as_deref());
                row.report = Some(cx.link(title_of(cx, report), &urls::report(&report.id)));
                found.push((r, row));
            }
        }
    }
    found.sort_by_key(|(r, _)| (Reverse(r.date), rank(r)));
    let by_level = RECOGNITION_LEVELS
        .iter()
        .map(|level| (level, found.iter().filter(|(r, _)| r.level.as_deref() == Some(level.0)).count()))
        .filter(|&(_, n)| n > 0)
        .map(|((code, _), n)| LevelCount { level: recognition_level_label(cx.corpus, code), count: count(n) })
        .collect();
    CommendationsPage {
        models: count(cx.models.iter().filter(|m| !m.recognition.is_empty()).count()),
        by_level,
        rows: found.into_iter().map(|(_, row)| row).collect(),
    }
}

fn row_of(cx: &BuildContext, r: &Recognition, org: Option<&str>) -> CommendationRow {
    let shown = recognition_row(cx.corpus, r);
    CommendationRow {
        date: shown.date,
        level: shown.level,
        form: shown.form,
        decision: shown.decision,
        subject: shown.subject,
        model: None,
        report: None,
        unit: org.and_then(|id| cx.unit_short_link(id)),
    }
}
