//! Report rules (R-*): who reports, for which period, when, and the results of each model.
//! Checks that need the period are skipped when the year or period is invalid (R-PERIOD,
//! reported by the schema); checks of the reporting unit's scope are skipped when R-ORG fires.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use crate::check::rules::{Index, did_you_mean_hint, field, listing, typo_hint};
use crate::content::corpus::Corpus;
use crate::content::forms::REPORT;
use crate::content::model::Model;
use crate::content::read::{items, key_pos_of, pos_of, string};
use crate::content::report::{Period, Report};
use crate::content::vocab::{Progress, Status};
use crate::derive::calendar::report_deadline;
use crate::derive::counting::counting_base;
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::yaml::Node;

/// Every R-* rule over every report.
pub fn check(index: &Index, out: &mut Vec<Diagnostic>) {
    let corpus = index.corpus;
    duplicate_ids(corpus, out);
    duplicate_periods(corpus, out);
    let expected = expected_models(index);
    let found: Vec<Diagnostic> = corpus
        .reports
        .par_iter()
        .flat_map_iter(|report| {
            let mut check = ReportCheck { index, report, out: Vec::new() };
            check.run(&expected);
            check.out
        })
        .collect();
    out.extend(found);
}

/// The models each base unit must report on, for every period some report covers: the models
/// active in the period that the base unit counts (its subtree's, and those it carries on for
/// units merged into it; `derive::counting`). One pass over the models per period.
fn expected_models<'a>(index: &Index<'a>) -> HashMap<Period, HashMap<&'a str, Vec<&'a Model>>> {
    let corpus = index.corpus;
    let periods: HashSet<Period> = corpus.reports.iter().filter_map(|r| r.period(&corpus.catalog.periods)).collect();
    periods
        .into_iter()
        .map(|period| {
            let mut by_base: HashMap<&str, Vec<&Model>> = HashMap::new();
            for model in corpus.models.iter().filter(|m| m.active_during(period)) {
                if let Some(base) = counting_base(corpus, model, period.end()) {
                    by_base.entry(base.id.as_str()).or_default().push(model);
                }
            }
            (period, by_base)
        })
        .collect()
}

/// R-ID-DUP: a report id used by an earlier file is reported on the later one.
fn duplicate_ids(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for report in &corpus.reports {
        if let Some(earlier) = first.get(report.id.as_str()) {
            out.push(
                Diagnostic::new(
                    Code::RIdDup,
                    &report.path,
                    pos_of(&report.front, "id"),
                    format!("Mã báo cáo `{}` đã được dùng ở tệp `{earlier}`", report.id),
                )
                .with_hint("đặt tên tệp và `id` khác, ví dụ `bc-<đơn vị>-<năm>-<sau-thang|ca-nam>`"),
            );
        } else {
            first.insert(&report.id, &report.path);
        }
    }
}

/// R-DUP: two reports of one unit for one period; every file of the group is reported.
fn duplicate_periods(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mut groups: HashMap<(&str, Period), Vec<&Report>> = HashMap::new();
    for report in &corpus.reports {
        if let (Some(org), Some(period)) = (report.org.as_deref(), report.period(&corpus.catalog.periods)) {
            groups.entry((org, period)).or_default().push(report);
        }
    }
    for ((org, period), reports) in groups {
        if reports.len() < 2 {
            continue;
        }
        for report in &reports {
            let others = reports.iter().filter(|r| r.path != report.path).map(|r| format!("`{}`", r.path));
            let others = listing(others, reports.len() - 1, "tệp");
            out.push(
                Diagnostic::new(
                    Code::RDup,
                    &report.path,
                    pos_of(&report.front, "org"),
                    format!("Đơn vị `{org}` đã có báo cáo {} ở tệp {others}", period.label()),
                )
                .with_hint("mỗi đơn vị một báo cáo cho mỗi kỳ: gộp hai báo cáo hoặc sửa `year`/`period`"),
            );
        }
    }
}

/// The checks of one report.
struct ReportCheck<'a, 'i> {
    index: &'i Index<'a>,
    report: &'a Report,
    out: Vec<Diagnostic>,
}

impl<'a> ReportCheck<'a, '_> {
    fn push(&mut self, code: Code, pos: Pos, message: String, hint: Option<String>) {
        let mut d = Diagnostic::new(code, &self.report.path, pos, message);
        d.hint = hint;
        self.out.push(d);
    }

    fn run(&mut self, expected: &HashMap<Period, HashMap<&str, Vec<&'a Model>>>) {
        let report = self.report;
        let org_valid = self.org();
        self.year();
        let period = report.period(&self.index.corpus.catalog.periods);
        if let Some(period) = period {
            self.dates(period);
        }
        if report.front.get("models").is_some_and(|m| m.is_seq() && m.items().is_empty()) {
            self.push(
                Code::REmpty,
                key_pos_of(&report.front, "models"),
                format!("Báo cáo không có kết quả mô hình nào ({})", field(REPORT, "models")),
                Some("liệt kê từng mô hình của đơn vị và đơn vị trực thuộc với tiến độ, đánh giá, số liệu".to_owned()),
            );
        }
        let mut listed = HashSet::new();
        for (i, node) in items(&report.front, "models").iter().enumerate() {
            self.entry(i, node, org_valid, period, &mut listed);
        }
        if let (true, Some(period), Some(org)) = (org_valid, period, report.org.as_deref()) {
            let models = expected.get(&period).and_then(|by_base| by_base.get(org));
            self.missing_models(models.map_or(&[], Vec::as_slice), period, &listed);
        }
    }

    /// R-ORG: the reporting unit must exist and be a base unit. Returns whether it is valid.
    fn org(&mut self) -> bool {
        let corpus = self.index.corpus;
        let Some(org) = self.report.org.as_deref().filter(|_| self.index.units_read()) else { return false };
        let pos = pos_of(&self.report.front, "org");
        match corpus.unit(org) {
            None => {
                let hint = typo_hint(self.index.known.base_units().suggest(org)).unwrap_or_else(|| {
                    "dùng `id` của một đảng bộ cơ sở hoặc chi bộ cơ sở trong content/to-chuc.yml".into()
                });
                self.push(
                    Code::ROrg,
                    pos,
                    format!("Đơn vị `{org}` không có trong danh sách tổ chức ({})", field(REPORT, "org")),
                    Some(hint),
                );
                false
            }
            Some(unit) if !unit.is_base() => {
                let base = corpus.base_unit_of(org).map(|b| format!("báo cáo do `{}` lập", b.id));
                self.push(
                    Code::ROrg,
                    pos,
                    format!(
                        "Đơn vị `{org}` ({}) không phải đảng bộ cơ sở hay chi bộ cơ sở; chỉ đơn vị cơ sở lập báo cáo mẫu 03",
                        unit.kind.map_or("không rõ loại", |k| k.label())
                    ),
                    Some(base.unwrap_or_else(|| "ghi mã đơn vị cơ sở".into())),
                );
                false
            }
            Some(_) => true,
        }
    }

    /// R-PERIOD: the year must be one a programme period covers (the schema reports a year
    /// that is not a whole number). While a period is unreadable or ends before it starts,
    /// the catalog's error is the one to fix (`Periods::is_complete`).
    fn year(&mut self) {
        let periods = &self.index.corpus.catalog.periods;
        let Some(node) = self.report.front.get("year") else { return };
        let Some(year) = node.as_int() else { return };
        if !periods.is_complete() || periods.covers_year(year) {
            return;
        }
        self.push(
            Code::RPeriod,
            node.pos,
            format!(
                "Năm {year} của {} không thuộc giai đoạn nào của chương trình ({})",
                field(REPORT, "year"),
                periods.describe()
            ),
            Some(format!(
                "ghi một năm trong {}; giai đoạn mới cần được khai báo ở `periods` trong content/danh-muc.yml",
                periods.describe_years()
            )),
        );
    }

    /// R-DATE (before the period starts) and R-LATE (after the deadline).
    fn dates(&mut self, period: Period) {
        let Some(date) = self.report.report_date else { return };
        let pos = pos_of(&self.report.front, "report_date");
        let deadline = report_deadline(&self.index.corpus.catalog, period);
        if date < period.start() {
            self.push(
                Code::RDate,
                pos,
                format!("Ngày báo cáo {date} trước khi kỳ {} bắt đầu ({})", period.label(), period.start()),
                Some("kiểm tra `report_date`, `year` và `period`".into()),
            );
        } else if date > deadline {
            self.push(
                Code::RLate,
                pos,
                format!("Báo cáo {} nộp ngày {date}, sau hạn {deadline}", period.label()),
                None,
            );
        }
    }

    /// The rules of one `models[]` entry.
    fn entry(&mut self, i: usize, node: &Node, org_valid: bool, period: Option<Period>, listed: &mut HashSet<&'a str>) {
        let Some(entry) = self.report.entries.get(i) else { return };
        let name = format!("models[{}]", i + 1);
        self.requirements(node, entry.progress, &name);
        self.propose_replication(node, &name);
        if entry.model.is_empty() {
            return;
        }
        let model_pos = node.get("model").map_or(node.pos, |m| m.pos);
        let corpus = self.index.corpus;
        if !listed.insert(entry.model.as_str()) {
            self.push(
                Code::RModelDup,
                model_pos,
                format!("Mô hình `{}` được báo cáo hai lần trong cùng báo cáo", entry.model),
                Some("gộp kết quả vào một mục".into()),
            );
        }
        let Some(model) = corpus.model(&entry.model) else {
            if !self.index.unknown_model(&entry.model) {
                return;
            }
            let hint = typo_hint(self.index.known.models().suggest(&entry.model))
                .unwrap_or_else(|| "ghi mã (tên tệp) của một mô hình trong content/mo-hinh/".into());
            self.push(
                Code::RModelUnknown,
                model_pos,
                format!("Báo cáo dẫn chiếu mô hình không tồn tại: `{}` ({name}.model)", entry.model),
                Some(hint),
            );
            return;
        };
        self.scope(model, model_pos, org_valid, period);
        self.values(node, model, &name);
        if let Some(period) = period {
            self.activity(model, entry.progress, node, model_pos, period);
        } else if entry.progress == Some(Progress::LoaiBo) && !model.is_retired() {
            self.status_mismatch_retired(model, node);
        }
    }

    /// R-MODEL-SCOPE: the model must belong to the reporting unit's subtree, or be carried on
    /// by it for a unit merged into one of its units (SPEC §8.2; in the report's period, or
    /// at the model's end when the period is invalid).
    fn scope(&mut self, model: &Model, pos: Pos, org_valid: bool, period: Option<Period>) {
        let corpus = self.index.corpus;
        let (Some(org), Some(model_org)) = (self.report.org.as_deref(), model.org.as_deref()) else { return };
        // A unit whose chain does not reach a base unit is a registry error (O-PARENT, O-CYCLE).
        let placed = corpus.base_unit_of(model_org).is_some() || corpus.root_unit().is_some_and(|r| r.id == model_org);
        if !org_valid || !placed || corpus.in_subtree(model_org, org) {
            return;
        }
        let until = period.map(Period::end).or(model.effective_end());
        if until.and_then(|end| counting_base(corpus, model, end)).is_some_and(|base| base.id == org) {
            return;
        }
        self.push(
            Code::RModelScope,
            pos,
            format!("Mô hình `{}` thuộc đơn vị `{model_org}`, không thuộc đơn vị báo cáo `{org}`", model.id),
            Some("mỗi đơn vị cơ sở chỉ báo cáo mô hình của mình và của đơn vị trực thuộc".into()),
        );
    }

    /// R-ASSESS and R-VALUES when missing for the entry's progress.
    fn requirements(&mut self, node: &Node, progress: Option<Progress>, name: &str) {
        let Some(progress) = progress else { return };
        let absent = |key: &str| node.get(key).is_none_or(Node::is_null);
        let key_or_item = |key: &str| node.entry(key).map_or(node.pos, |e| e.key_pos);
        if !matches!(progress, Progress::TamDung | Progress::LoaiBo) && absent("assessment") {
            self.push(
                Code::RAssess,
                key_or_item("assessment"),
                format!(
                    "Thiếu đánh giá `{name}.assessment` (nhận thức, thái độ, hành động) khi tiến độ là `{}`",
                    progress.code()
                ),
                Some("thêm `assessment:` với `awareness`, `attitude`, `action` (mỗi mục ít nhất 10 ký tự)".into()),
            );
        }
        let empty = node.get("values").is_none_or(|v| v.is_null() || (v.is_seq() && v.items().is_empty()));
        if progress.is_running() && empty {
            self.push(
                Code::RValues,
                key_or_item("values"),
                format!("Thiếu số liệu kết quả `{name}.values` khi tiến độ là `{}`", progress.code()),
                Some("thêm `values:` với `- indicator: <mã chỉ số>` và `value: <số>`".into()),
            );
        }
    }

    /// R-VALUES: every indicator must be declared in the model.
    fn values(&mut self, node: &Node, model: &Model, name: &str) {
        for (j, value) in items(node, "values").iter().enumerate() {
            let Some(code) = string(value, "indicator") else { continue };
            if model.effectiveness.indicators.iter().any(|i| i.code == code) {
                continue;
            }
            let indicators = &model.effectiveness.indicators;
            let codes = || indicators.iter().map(|i| i.code.as_str());
            let hint = did_you_mean_hint(&code, codes()).unwrap_or_else(|| {
                format!("các chỉ số của mô hình `{}`: {}", model.id, listing(codes(), indicators.len(), "chỉ số"))
            });
            self.push(
                Code::RValues,
                value.get("indicator").map_or(value.pos, |n| n.pos),
                format!(
                    "Chỉ số `{code}` ({name}.values[{}].indicator) không được khai báo trong mô hình `{}`",
                    j + 1,
                    model.id
                ),
                Some(hint),
            );
        }
    }

    /// R-ORG-REF: proposed units must exist.
    fn propose_replication(&mut self, node: &Node, name: &str) {
        let corpus = self.index.corpus;
        if !self.index.units_read() {
            return;
        }
        for item in items(node, "propose_replication") {
            let Some(id) = item.as_str().map(str::trim).filter(|s| !s.is_empty()) else { continue };
            if corpus.unit(id).is_none() {
                let hint = typo_hint(self.index.known.units().suggest(id))
                    .unwrap_or_else(|| "dùng `id` của một đơn vị trong content/to-chuc.yml".into());
                self.push(
                    Code::ROrgRef,
                    item.pos,
                    format!("Đơn vị `{id}` ({name}.propose_replication) không có trong danh sách tổ chức"),
                    Some(hint),
                );
            }
        }
    }

    /// R-MODEL-INACTIVE and R-STATUS-MISMATCH, which depend on the period.
    fn activity(&mut self, model: &Model, progress: Option<Progress>, node: &Node, pos: Pos, period: Period) {
        // A model with invalid dates has its own error; reports are not checked against it.
        if model.is_dated() && !model.active_during(period) {
            self.push(
                Code::RModelInactive,
                pos,
                format!("Mô hình `{}` không thực hiện trong kỳ {}", model.id, period.label()),
                Some("kiểm tra `start`, `end` của mô hình hoặc bỏ mục này khỏi báo cáo".into()),
            );
        }
        if progress == Some(Progress::LoaiBo) && !model.is_retired() {
            self.status_mismatch_retired(model, node);
            return;
        }
        let retired_in_period = model.is_retired()
            && model.retirement.as_ref().and_then(|r| r.date).is_some_and(|d| d >= period.start() && d <= period.end());
        if retired_in_period && progress.is_some_and(|p| p != Progress::LoaiBo) {
            self.push(
                Code::RStatusMismatch,
                node.get("progress").map_or(node.pos, |p| p.pos),
                format!(
                    "Mô hình `{}` đã loại bỏ trong kỳ {} nhưng tiến độ không phải `loai_bo`",
                    model.id,
                    period.label()
                ),
                Some("ghi `progress: loai_bo`".into()),
            );
        }
    }

    fn status_mismatch_retired(&mut self, model: &Model, node: &Node) {
        let status = model.status.map_or("chưa rõ", Status::code);
        self.push(
            Code::RStatusMismatch,
            node.get("progress").map_or(node.pos, |p| p.pos),
            format!("Tiến độ `loai_bo` nhưng mô hình `{}` có trạng thái `{status}`", model.id),
            Some("cập nhật mô hình: `status: loai_bo` và `retirement`, hoặc sửa tiến độ".into()),
        );
    }

    /// R-MODEL-MISSING: every model the unit counts in the period must be reported.
    fn missing_models(&mut self, expected: &[&'a Model], period: Period, listed: &HashSet<&'a str>) {
        let pos = key_pos_of(&self.report.front, "models");
        for model in expected {
            if listed.contains(model.id.as_str()) {
                continue;
            }
            let unit = model.org.as_deref().unwrap_or_default();
            self.push(
                Code::RModelMissing,
                pos,
                format!(
                    "Mô hình `{}` của đơn vị `{unit}` thực hiện trong kỳ {} nhưng chưa có trong báo cáo",
                    model.id,
                    period.label()
                ),
                Some(format!("thêm mục `- model: {}` với tiến độ và kết quả", model.id)),
            );
        }
    }
}
