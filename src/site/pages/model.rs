//! `/mo-hinh/<id>/`: one page per model (retired ones too), the five criteria each beside
//! the body section that matches it.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::content::corpus::Corpus;
use crate::content::criteria::{CRITERIA, strip_numbering};
use crate::content::model::{Model, Recognition, Registration};
use crate::content::vocab::{
    ALIGNMENTS, COSTS, MASS_ORGS, MEASURE_KINDS, REASONS, RECOGNITION_LEVELS, REQUIREMENTS, ROOT_RECOGNITION_LEVEL,
    Vocab, label_of,
};
use crate::derive::counting::counting_unit;
use crate::derive::party_document::{DocumentKind, Filing, PartyDocument, party_document};
use crate::derive::results::indicator_results;
use crate::office::form01::plan_docx;
use crate::parse::markdown::{BlockKind, Body, Section};
use crate::render::context::model::{
    BodySection, ChangeRow, Criterion, EffectivenessFacts, IndicatorRow, LearningFacts, MeasuresFacts, MilestoneRow,
    ModelPage, NecessityFacts, RecognitionRow, ReplicationFacts, RetirementFacts, RevisionFacts, SubjectFacts,
    TargetRow,
};
use crate::render::context::report::ReportMention;
use crate::render::context::{Link, OnRender, PageMeta};
use crate::render::format::{count, number, quoted};
use crate::site::context::BuildContext;
use crate::site::fingerprint::Digested;
use crate::site::job::{Job, Shared};
use crate::site::links::{AsCoded, coded};
use crate::site::pages::evaluations::evaluation_card;
use crate::site::pages::reports::period_heading;
use crate::site::pages::results::{indicator_chart_html, result_rows};
use crate::site::pages::units::merge;
use crate::site::urls;

/// Decimal places kept when showing indicator values.
const DECIMALS: usize = 2;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let followers = Arc::new(followers_of(cx));
    cx.corpus
        .models
        .iter()
        .flat_map(|m| {
            let followers = Arc::clone(&followers);
            let context = Shared::new(move || {
                Digested::new(model_page(cx, m, followers.get(m.id.as_str()).cloned().unwrap_or_default()))
            });
            let for_plan = Arc::clone(&context);
            let page = Job::page(urls::model(&m.id), "model.html", move || (model_meta(cx, m), context.get()));
            let plan = Job::document(urls::model_docx(&m.id), move || plan_inputs(cx, m, for_plan.get()), write_plan);
            [page, plan]
        })
        .collect()
}

/// The models that follow on from a model: those replicating it (nhân rộng, `source_model`)
/// and those of a later period carrying it on (`revision.previous_model`), each in title order.
#[derive(Clone, Debug, Default)]
struct Followers {
    replicas: Vec<Link>,
    /// Model ids.
    carried_on_by: Vec<String>,
}

fn followers_of<'a>(cx: &BuildContext<'a>) -> BTreeMap<&'a str, Followers> {
    let mut map: BTreeMap<&str, Followers> = BTreeMap::new();
    for model in cx.models.iter().copied() {
        let link = || cx.link(model.title.clone(), &urls::model(&model.id));
        if let Some(source) = model.source_model.as_deref() {
            map.entry(source).or_default().replicas.push(link());
        }
        if let Some(previous) = model.revision.as_ref().and_then(|r| r.previous_model.as_deref()) {
            map.entry(previous).or_default().carried_on_by.push(model.id.clone());
        }
    }
    map
}

/// A link to a model followed by the name of its period: "… (Giai đoạn 2021–2025)".
fn with_period(cx: &BuildContext, id: &str) -> Option<Link> {
    let model = cx.corpus.model(id)?;
    let mut link = cx.model_link(id)?;
    if let Some(period) = model.period.and_then(|slot| cx.corpus.catalog.periods.at(slot)) {
        link.text = format!("{} ({})", link.text, period.name);
    }
    Some(link)
}

/// The page's head, breadcrumbs, edit link and Git history.
fn model_meta(cx: &BuildContext, m: &Model) -> PageMeta {
    let mut meta = cx.meta(&urls::model(&m.id), m.title.clone(), "mo-hinh");
    meta.description = m.learning.summary.clone();
    meta.breadcrumbs = vec![cx.link("Mô hình", urls::GALLERY)];
    meta.edit_href = cx.edit_href(&m.path);
    meta.history = cx.history_of(&m.path, true);
    meta
}

fn model_page(cx: &BuildContext, m: &Model, followers: Followers) -> ModelPage {
    let (criteria, others) = placed_sections(m);
    let criterion = |number: u8| Placed { section: criteria[usize::from(number) - 1], body: &m.body, number };
    let org = m.org.as_deref();
    let base_unit = org.and_then(|id| cx.corpus.base_unit_of(id)).filter(|b| Some(b.id.as_str()) != org);
    let merged_into = org.and_then(|id| Some((cx.corpus.unit(id)?, cx.corpus.successor_of(id)?)));
    let carried_on =
        m.effective_end().and_then(|end| counting_unit(cx.corpus, m, end)).is_some_and(|u| Some(u.id.as_str()) != org);

    ModelPage {
        id: m.id.clone(),
        title: m.title.clone(),
        status: m.status.map(AsCoded::coded),
        approach: m.approach.map(AsCoded::coded),
        org: org.and_then(|id| cx.unit_link(id)),
        base_unit: base_unit.and_then(|b| cx.unit_link(&b.id)),
        merged_into: merged_into.and_then(|(unit, successor)| merge(cx, successor, unit)),
        carried_on,
        subject: SubjectFacts {
            kind: m.subject.kind.map(AsCoded::coded),
            name: m.subject.name.clone(),
            position: m.subject.position.clone(),
            party_member: m.subject.party_member.map(|yes| if yes { "Đảng viên" } else { "Quần chúng" }.to_owned()),
            members: m.subject.members.map(|n| count(n.max(0) as usize)),
            mass_org: m.subject.mass_org.as_deref().map(|c| label_or_code(MASS_ORGS, c)),
        },
        group: m.group.as_deref().and_then(|id| cx.group_link(id)),
        start: m.start.map(|d| d.to_string()),
        end: m.end.map(|d| d.to_string()),
        registration: m.registration.as_ref().map(registration_text).filter(|t| !t.is_empty()),
        document: plan_document(cx, m),
        docx_href: cx.href(&urls::model_docx(&m.id)),
        featured: m.featured,
        tags: m.tags.clone(),
        intro_html: m.body.intro_html().to_owned(),
        learning: criterion(1).with(LearningFacts {
            topics: m.learning.topics.iter().filter_map(|id| cx.topic_link(id)).collect(),
            summary: m.learning.summary.clone(),
            quote: m.learning.quote.clone(),
            alignment: m.learning.alignment.iter().map(|c| label_or_code(ALIGNMENTS, c)).collect(),
        }),
        necessity: criterion(2).with(NecessityFacts {
            reasons: m.necessity.reasons.iter().map(|c| coded(c, &label_or_code(REASONS, c))).collect(),
            other: m.necessity.other.clone(),
            identified_in: m.necessity.identified_in.clone(),
        }),
        measures: criterion(3).with(MeasuresFacts {
            kinds: m.measures.kinds.iter().map(|c| coded(c, &label_or_code(MEASURE_KINDS, c))).collect(),
            responsible: m.measures.responsible.clone(),
            milestones: m
                .measures
                .milestones
                .iter()
                .map(|s| MilestoneRow { date: s.date.map(|d| d.to_string()), task: s.task.clone() })
                .collect(),
        }),
        effectiveness: criterion(4).with(effectiveness(cx, m)),
        replication: criterion(5).with(ReplicationFacts {
            targets: m
                .replication
                .targets
                .iter()
                .map(|t| TargetRow {
                    org: t.org.as_deref().and_then(|id| cx.unit_link(id)),
                    name: t.name.clone(),
                    similarity: t.similarity.clone(),
                })
                .collect(),
            cost: m.replication.cost.as_deref().map(|c| coded(c, &label_or_code(COSTS, c))),
            requirements: m.replication.requirements.as_deref().map(|c| coded(c, &label_or_code(REQUIREMENTS, c))),
            spread: m.replication.spread.clone(),
        }),
        other_sections: others
            .iter()
            .map(|s| BodySection { heading: s.title.clone(), html: m.body.html_of(s).to_owned() })
            .collect(),
        revision: m.revision.as_ref().map(|r| RevisionFacts {
            since: r.since,
            previous: r.previous.clone(),
            changes: r
                .changes
                .iter()
                .map(|c| ChangeRow {
                    criterion: c.criterion,
                    criterion_label: criterion_label(c.criterion),
                    text: c.text.clone(),
                })
                .collect(),
        }),
        source_model: m.source_model.as_deref().and_then(|id| cx.model_link(id)),
        replicas: followers.replicas,
        period: m
            .period
            .filter(|_| m.is_dated())
            .and_then(|slot| cx.corpus.catalog.periods.at(slot))
            .map(|p| cx.link(p.name.clone(), &urls::period(&p.id))),
        previous_model: m
            .revision
            .as_ref()
            .and_then(|r| r.previous_model.as_deref())
            .and_then(|id| with_period(cx, id)),
        carried_on_by: followers.carried_on_by.iter().filter_map(|id| with_period(cx, id)).collect(),
        retirement: m.retirement.as_ref().map(|r| RetirementFacts {
            date: r.date.map(|d| d.to_string()),
            reason: r.reason.clone(),
            replacement: r.replacement.as_deref().and_then(|id| cx.model_link(id)),
        }),
        recognition: m.recognition.iter().map(|r| recognition_row(cx.corpus, r)).collect(),
        evaluation: cx.corpus.latest_evaluation(&m.id).map(|e| evaluation_card(cx, e)),
        reports: report_mentions(cx, m),
    }
}

/// The body sections of the five criteria (the first matching each), and the others in order.
fn placed_sections(m: &Model) -> ([Option<&Section>; 5], Vec<&Section>) {
    let criteria = m.criteria.map(|index| index.and_then(|i| m.body.sections.get(i)));
    let others =
        m.body.sections.iter().enumerate().filter(|(i, _)| !m.criteria.contains(&Some(*i))).map(|(_, s)| s).collect();
    (criteria, others)
}

/// Everything the model's plan in Word is made from: its page's context, the text of its
/// five criteria sections and its date.
type PlanInputs<'m> = (Arc<Digested<ModelPage>>, [Vec<(BlockKind, &'m str)>; 5], String);

fn plan_inputs<'m>(cx: &BuildContext, m: &'m Model, page: Arc<Digested<ModelPage>>) -> PlanInputs<'m> {
    let (criteria, _) = placed_sections(m);
    let sections = criteria.map(|s| s.map(|s| m.body.blocks_of(Some(s)).collect()).unwrap_or_default());
    let date = m.registration.as_ref().and_then(|r| r.date).or(m.start).or(cx.corpus.catalog.as_of);
    (page, sections, date.map(|d| d.iso()).unwrap_or_default())
}

fn write_plan((page, sections, date): PlanInputs) -> Result<Vec<u8>, std::convert::Infallible> {
    Ok(plan_docx(&page, &sections, date))
}

/// "Số 12-KH/CB, ngày 15/02/2023".
fn registration_text(r: &Registration) -> String {
    let parts: Vec<String> = [r.number.as_ref().map(|n| format!("Số {n}")), r.date.map(|d| format!("ngày {d}"))]
        .into_iter()
        .flatten()
        .collect();
    parts.join(", ")
}

/// The printed plan's Party document layout: issued by the model's unit, numbered, dated and
/// signed as registered.
fn plan_document(cx: &BuildContext, m: &Model) -> PartyDocument {
    let approach = m.approach.map(|a| format!(" ({})", a.label())).unwrap_or_default();
    let registration = m.registration.as_ref();
    party_document(
        cx.corpus,
        cx.config,
        Filing {
            kind: DocumentKind::Plan,
            unit: m.org.as_deref().unwrap_or_default(),
            number: registration.and_then(|r| r.number.as_deref()),
            date: registration.and_then(|r| r.date),
            signer_title: registration.and_then(|r| r.signer_title.as_deref()),
            signer_name: registration.and_then(|r| r.signer_name.as_deref()),
            recipients: &[],
            subject: format!(
                "thực hiện mô hình {}{approach} học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                quoted(&m.title)
            ),
        },
    )
}

/// Where a criterion stands in the body, before its facts are added.
struct Placed<'s> {
    section: Option<&'s Section>,
    body: &'s Body,
    number: u8,
}

impl Placed<'_> {
    fn with<F>(self, facts: F) -> Criterion<F> {
        let number = self.number;
        let heading = self
            .section
            .map(|s| strip_numbering(&s.title))
            .filter(|name| !name.is_empty())
            .unwrap_or(CRITERIA[usize::from(number) - 1])
            .to_owned();
        let html = self.section.map(|s| self.body.html_of(s).to_owned()).unwrap_or_default();
        Criterion { number, anchor: format!("tieu-chi-{number}"), heading, html, facts }
    }
}

fn effectiveness(cx: &BuildContext, m: &Model) -> EffectivenessFacts {
    let results = indicator_results(&cx.reports, m);
    EffectivenessFacts {
        awareness: m.effectiveness.awareness.clone(),
        attitude: m.effectiveness.attitude.clone(),
        action: m.effectiveness.action.clone(),
        indicators: results
            .iter()
            .map(|r| IndicatorRow {
                code: r.code.clone(),
                name: r.name.clone(),
                unit: r.unit.clone(),
                baseline: r.baseline.map(|v| number(v, DECIMALS)),
                baseline_date: r.baseline_date.map(|d| d.to_string()),
                target: r.target.map(|v| number(v, DECIMALS)),
                latest: r.latest().map(|p| number(p.value, DECIMALS)),
                latest_period: r.latest().map(|p| p.period().label()),
                results: result_rows(cx, &m.id, r),
                chart_html: OnRender::new(r.clone(), indicator_chart_html),
            })
            .collect(),
        social_effect: m.effectiveness.social_effect.clone(),
    }
}

fn report_mentions(cx: &BuildContext, m: &Model) -> Vec<ReportMention> {
    if !cx.config.publish_reports {
        return Vec::new();
    }
    cx.reports
        .mentions(&m.id)
        .iter()
        .map(|mention| {
            let org = mention.report.org.as_deref().and_then(|id| cx.corpus.unit(id)).map(|u| u.display_name());
            let text = match org {
                Some(org) => format!("Báo cáo {} – {org}", mention.period.label()),
                None => format!("Báo cáo {}", mention.period.label()),
            };
            ReportMention {
                link: cx.link(text, &urls::report(&mention.report.id)),
                period: period_heading(mention.period),
                progress: mention.entry.progress.map(|p| p.label().to_owned()),
                highlights: mention.entry.highlights.clone(),
            }
        })
        .collect()
}

/// A recognition as a table row (shared with report pages).
pub fn recognition_row(corpus: &Corpus, r: &Recognition) -> RecognitionRow {
    RecognitionRow {
        subject: r.subject.clone(),
        date: r.date.map(|d| d.to_string()),
        level: r.level.as_deref().map(|c| recognition_level_label(corpus, c)),
        form: r.form.clone(),
        decision: r.decision.clone(),
    }
}

/// "Tiêu chí 2. Sự cần thiết".
pub fn criterion_label(criterion: Option<i64>) -> String {
    match criterion.and_then(|n| usize::try_from(n).ok()).filter(|n| (1..=5).contains(n)) {
        Some(n) => format!("Tiêu chí {n}. {}", CRITERIA[n - 1]),
        None => "Tiêu chí khác".to_owned(),
    }
}

/// The label of a recognition level: the root unit's committee for `dang_uy_khoi` (SPEC §8.2:
/// no organisation's name is written into guong), else the vocabulary's label or the code.
pub fn recognition_level_label(corpus: &Corpus, code: &str) -> String {
    match corpus.root_unit().filter(|_| code == ROOT_RECOGNITION_LEVEL) {
        Some(root) => root.committee(),
        None => label_or_code(RECOGNITION_LEVELS, code),
    }
}

/// The label of `code`, or the code itself when the vocabulary lacks it.
fn label_or_code(vocab: Vocab, code: &str) -> String {
    match label_of(vocab, code) {
        "" => code.to_owned(),
        label => label.to_owned(),
    }
}
