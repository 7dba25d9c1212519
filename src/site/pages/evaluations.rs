//! `/danh-gia/`: the department's evaluations of the models' quality (HD §IV.3), newest
//! first, each under its id as fragment; model pages show their latest one
//! ([`evaluation_card`]).

use crate::content::evaluation::Evaluation;
use crate::content::vocab::EvaluationResult;
use crate::render::context::evaluation::{CriterionAssessment, EvaluationCard, EvaluationsPage, ResultCount};
use crate::render::format::count;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::links::coded;
use crate::site::pages::model::criterion_label;
use crate::site::urls;

/// The page, built even before the first evaluation (SPEC §8.4: `/danh-gia/` lists them),
/// like `/khen-thuong/`: the menu and shared addresses never lead to a missing page.
pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    vec![Job::page(urls::EVALUATIONS.to_owned(), "evaluations.html", move || {
        let mut meta = cx.meta(urls::EVALUATIONS, "Khảo sát, đánh giá chất lượng mô hình", "danh-gia");
        meta.description =
            Some("Kết quả khảo sát, đánh giá chất lượng các mô hình, điển hình và đề nghị nhân rộng.".to_owned());
        meta.history = cx.combined_history(cx.corpus.evaluations.iter().map(|e| e.path.as_str()));
        (meta, page(cx))
    })]
}

fn page(cx: &BuildContext) -> EvaluationsPage {
    let mut evaluations: Vec<&Evaluation> = cx.corpus.evaluations.iter().collect();
    evaluations.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    let mut models: Vec<&str> = evaluations.iter().filter_map(|e| e.model.as_deref()).collect();
    models.sort_unstable();
    models.dedup();
    let by_result = EvaluationResult::ALL
        .iter()
        .map(|&r| (r, evaluations.iter().filter(|e| e.result == Some(r)).count()))
        .filter(|&(_, n)| n > 0)
        .map(|(r, n)| ResultCount { result: coded(r.code(), r.label()), count: count(n) })
        .collect();
    EvaluationsPage {
        models: count(models.len()),
        by_result,
        recommended: count(evaluations.iter().filter(|e| e.recommend_replication).count()),
        evaluations: evaluations.into_iter().map(|e| evaluation_card(cx, e)).collect(),
    }
}

/// An evaluation as `/danh-gia/` and the model page show it.
pub fn evaluation_card(cx: &BuildContext, e: &Evaluation) -> EvaluationCard {
    let model = e.model.as_deref().and_then(|id| cx.corpus.model(id));
    EvaluationCard {
        anchor: e.id.clone(),
        href: format!("{}#{}", cx.href(urls::EVALUATIONS), e.id),
        date: e.date.map(|d| d.to_string()),
        model: model.and_then(|m| cx.model_link(&m.id)),
        unit: model.and_then(|m| m.org.as_deref()).and_then(|org| cx.unit_short_link(org)),
        by: e.by.clone(),
        result: e.result.map(|r| coded(r.code(), r.label())),
        criteria: e
            .criteria
            .iter()
            .map(|c| CriterionAssessment {
                criterion: criterion_label(c.criterion),
                result: c.result.map(|r| coded(r.code(), r.label())),
                note: c.note.clone(),
            })
            .collect(),
        recommend_replication: e.recommend_replication,
        html: e.body.html.clone(),
    }
}
