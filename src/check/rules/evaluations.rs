//! The department's evaluations (`content/danh-gia/`, HD §IV.3): K-MODEL (the evaluated
//! model exists), K-DATE (between the model's start and `as_of`), K-CRITERION-DUP (each
//! criterion assessed once).

use crate::check::rules::{Index, typo_hint};
use crate::content::evaluation::Evaluation;
use crate::content::read::{items, pos_of};
use crate::diagnostic::{Code, Diagnostic};

/// Every evaluation rule over every evaluation.
pub fn check(index: &Index, out: &mut Vec<Diagnostic>) {
    for evaluation in &index.corpus.evaluations {
        model(index, evaluation, out);
        date(index, evaluation, out);
        criterion_dup(evaluation, out);
    }
}

/// K-MODEL: `model` names no model (with a did-you-mean hint).
fn model(index: &Index, e: &Evaluation, out: &mut Vec<Diagnostic>) {
    let Some(id) = e.model.as_deref().filter(|id| index.unknown_model(id)) else { return };
    let mut d = Diagnostic::new(
        Code::KModel,
        &e.path,
        pos_of(&e.front, "model"),
        format!("Phiếu đánh giá dẫn chiếu mô hình `{id}` không tồn tại"),
    );
    d.hint = typo_hint(index.known.models().suggest(id));
    out.push(d);
}

/// K-DATE: the evaluation is dated before the model started or after `as_of`.
fn date(index: &Index, e: &Evaluation, out: &mut Vec<Diagnostic>) {
    let Some(date) = e.date else { return };
    let start = e.model.as_deref().and_then(|id| index.corpus.model(id)).and_then(|m| m.start);
    let message = match (start, index.corpus.catalog.as_of) {
        (Some(start), _) if date < start => format!("Ngày đánh giá {date} trước ngày bắt đầu mô hình ({start})"),
        (_, Some(as_of)) if date > as_of => format!("Ngày đánh giá {date} sau ngày chốt số liệu ({as_of})"),
        _ => return,
    };
    out.push(
        Diagnostic::new(Code::KDate, &e.path, pos_of(&e.front, "date"), message)
            .with_hint("ngày đánh giá phải từ ngày bắt đầu mô hình đến ngày chốt số liệu `as_of` (danh-muc.yml)"),
    );
}

/// K-CRITERION-DUP: a criterion assessed twice; reported on the later item's `criterion`.
fn criterion_dup(e: &Evaluation, out: &mut Vec<Diagnostic>) {
    let mut seen = Vec::new();
    for (i, c) in e.criteria.iter().enumerate() {
        let Some(n) = c.criterion else { continue };
        if seen.contains(&n) {
            let pos = items(&e.front, "criteria")
                .get(i)
                .map_or_else(|| pos_of(&e.front, "criteria"), |item| pos_of(item, "criterion"));
            out.push(
                Diagnostic::new(Code::KCriterionDup, &e.path, pos, format!("Tiêu chí {n} được đánh giá hai lần"))
                    .with_hint("gộp nhận xét về một tiêu chí vào một mục"),
            );
        } else {
            seen.push(n);
        }
    }
}
