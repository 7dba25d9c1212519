//! The five criteria of the guidance (C1–C5) beyond what the schema reports: references to
//! the catalog and the unit tree, conditional fields, recommended content and results.
//! Missing or malformed criterion fields are already reported by the schema under these
//! codes (see `content::forms`), so nothing here reports them again.

use std::collections::HashSet;

use crate::check::rules::{At, Index, field, typo_hint};
use crate::content::forms::MODEL;
use crate::content::read::{at as node_at, items, string};
use crate::content::suggest::did_you_mean;
use crate::content::vocab::{COSTS, MEASURE_KINDS, REQUIREMENTS, Status, TopicKind, label_of};
use crate::derive::results::has_running_result;
use crate::diagnostic::Code;

/// Days a model must have run before results are expected (about six months).
const RESULT_AFTER_DAYS: i64 = 183;

/// Every criterion rule of one model.
pub fn check(index: &Index, at: &mut At) {
    topics(index, at);
    alignment(at);
    necessity(at);
    measures(at);
    indicators(at);
    no_result(index, at);
    replication(index, at);
}

/// C1-TOPIC (unknown id), C1-TOPIC-YEAR (yearly topic outside the model's years) and
/// C1-TOPIC-KIND (only `van_ban` topics).
fn topics(index: &Index, at: &mut At) {
    let model = at.model;
    let catalog = &index.corpus.catalog;
    // Dates that M-PERIOD or S-RETIRE already report (an end before the start) give no range.
    let years =
        model.start.zip(model.effective_end()).filter(|_| model.is_dated()).map(|(start, end)| start.year..=end.year);
    let mut kinds = Vec::new();
    for (i, node) in items(&model.front, "learning.topics").iter().enumerate() {
        let Some(id) = node.as_str().map(str::trim).filter(|s| !s.is_empty()) else { continue };
        let Some(topic) = catalog.topic(id) else {
            if catalog.topics.is_empty() {
                continue; // an unreadable catalog is reported in danh-muc.yml
            }
            let mut d = at.node(
                Code::C1Topic,
                node,
                format!(
                    "Chuyên đề, tác phẩm `{id}` không có trong danh mục `chuyen_de` (mục {} của {})",
                    i + 1,
                    field(MODEL, "learning.topics")
                ),
            );
            d.hint = Some(
                typo_hint(index.known.topics().suggest(id))
                    .unwrap_or_else(|| "dùng một `id` của `chuyen_de` trong content/danh-muc.yml".to_owned()),
            );
            at.push(d);
            continue;
        };
        kinds.push(topic.kind);
        if let (Some(TopicKind::Nam), Some(year), Some(years)) = (topic.kind, topic.year, years.as_ref())
            && !years.contains(&year)
        {
            at.push(
                at.node(
                    Code::C1TopicYear,
                    node,
                    format!(
                        "Chuyên đề năm {year} `{id}` nằm ngoài thời gian thực hiện mô hình ({}–{})",
                        years.start(),
                        years.end()
                    ),
                )
                .with_hint("chọn chuyên đề của năm mô hình được thực hiện"),
            );
        }
    }
    if !kinds.is_empty() && kinds.iter().all(|k| *k == Some(TopicKind::VanBan)) {
        at.push(
            at.value(
                Code::C1TopicKind,
                "learning.topics",
                format!("{} chỉ có văn bản, chưa có chuyên đề hay tác phẩm của Bác", field(MODEL, "learning.topics")),
            )
            .with_hint("thêm chuyên đề toàn khóa, chuyên đề năm hoặc tác phẩm được học tập (ví dụ `toan-khoa-xiii`)"),
        );
    }
}

/// C1-ALIGN: a model should say what it is aligned with (HD §III.1).
fn alignment(at: &mut At) {
    let model = at.model;
    if node_at(&model.front, "learning").is_some_and(|n| n.is_map()) && model.learning.alignment.is_empty() {
        at.push(
            at.missing(
                Code::C1Align,
                "learning.alignment",
                format!("Chưa nêu mô hình gắn với nội dung nào ({})", field(MODEL, "learning.alignment")),
            )
            .with_hint("thêm `alignment: [nhiem_vu_chinh_tri]` (hoặc nq_dai_hoi_xiii, nq_dai_hoi_cac_cap, …)"),
        );
    }
}

/// C2-OTHER (`khac` without `other`), C2-OTHER-UNUSED and C2-SOURCE.
fn necessity(at: &mut At) {
    let necessity = &at.model.necessity;
    let has = |reason: &str| necessity.reasons.iter().any(|r| r == reason);
    if has("khac") && necessity.other.is_none() {
        at.push(
            at.missing(
                Code::C2Other,
                "necessity.other",
                format!("Lý do `khac` cần mô tả tại {}", field(MODEL, "necessity.other")),
            )
            .with_hint("thêm `other: \"…\"` (ít nhất 20 ký tự) trong `necessity`"),
        );
    }
    if !has("khac") && necessity.other.is_some() {
        at.push(
            at.key(
                Code::C2OtherUnused,
                "necessity.other",
                format!("{} chỉ dùng khi có lý do `khac`", field(MODEL, "necessity.other")),
            )
            .with_hint("thêm `khac` vào `reasons` hoặc xóa `other`"),
        );
    }
    if has("khac_phuc_han_che") && necessity.identified_in.is_none() {
        at.push(
            at.missing(
                Code::C2Source,
                "necessity.identified_in",
                format!("Lý do `khac_phuc_han_che` nên nêu {}", field(MODEL, "necessity.identified_in")),
            )
            .with_hint("ghi văn bản, hội nghị đã chỉ ra hạn chế, ví dụ \"Kết luận kiểm điểm năm 2021\""),
        );
    }
}

/// C3-KIND-MISSING (one per recommended kind not planned) and C3-MILESTONE-RANGE.
fn measures(at: &mut At) {
    let model = at.model;
    let kinds = &model.measures.kinds;
    let codes = || MEASURE_KINDS.iter().map(|(code, _)| *code);
    if kinds.iter().any(|k| codes().any(|code| code == k)) {
        // A kind written wrong (C3-KINDS, with its did-you-mean) is the one meant: it is not
        // also missing.
        let meant: Vec<&str> = (kinds.iter().filter(|k| !codes().any(|code| code == k.as_str())))
            .filter_map(|k| did_you_mean(k, codes()).or_else(|| codes().find(|code| code.starts_with(k.as_str()))))
            .collect();
        for (code, label) in MEASURE_KINDS {
            if !kinds.iter().any(|k| k == code) && !meant.contains(code) {
                at.push(
                    at.value(
                        Code::C3KindMissing,
                        "measures.kinds",
                        format!("Chưa có nhóm biện pháp `{code}` ({label})"),
                    )
                    .with_hint(format!("HD §II(3) khuyến nghị đủ 5 nhóm biện pháp; thêm `{code}` nếu có thực hiện")),
                );
            }
        }
    }
    let (Some(start), Some(end)) = (model.start, model.effective_end()) else { return };
    if model.status == Some(Status::LoaiBo) || !model.is_dated() {
        return;
    }
    for (i, node) in items(&model.front, "measures.milestones").iter().enumerate() {
        let Some(date) = model.measures.milestones.get(i).and_then(|m| m.date) else { continue };
        if date < start || date > end {
            let pos_node = node.get("date").unwrap_or(node);
            at.push(
                at.node(
                    Code::C3MilestoneRange,
                    pos_node,
                    format!("Mốc tiến độ ngày {date} nằm ngoài thời gian thực hiện mô hình ({start} – {end})"),
                )
                .with_hint("đặt mốc trong khoảng từ `start` đến `end` của mô hình"),
            );
        }
    }
}

/// C4-CODE (duplicate code) and C4-TARGET (no target).
fn indicators(at: &mut At) {
    let model = at.model;
    let mut seen = HashSet::new();
    for node in items(&model.front, "effectiveness.indicators") {
        if let Some(code) = string(node, "code")
            && !seen.insert(code.clone())
        {
            at.push(
                at.node(
                    Code::C4Code,
                    node.get("code").unwrap_or(node),
                    format!("Mã chỉ số `{code}` khai báo hai lần trong mô hình"),
                )
                .with_hint("mỗi chỉ số một mã riêng"),
            );
        }
        if node.is_map() && node.get("target").is_none_or(|t| t.is_null()) {
            let name = string(node, "name").or_else(|| string(node, "code")).unwrap_or_default();
            at.push(
                at.node(Code::C4Target, node, format!("Chỉ số \"{name}\" chưa có mục tiêu (`target`)"))
                    .with_hint("thêm `target: <số>` để so sánh kết quả với mục tiêu"),
            );
        }
    }
}

/// C4-NO-RESULT: a running or finished model, six months after its start, with no number in
/// any report.
fn no_result(index: &Index, at: &mut At) {
    let model = at.model;
    let (Some(as_of), Some(start)) = (index.corpus.catalog.as_of, model.start) else { return };
    // Results are expected only of a model with valid dates (reports are read by period).
    let running = model.is_dated() && matches!(model.status, Some(Status::DangThucHien | Status::HoanThanh));
    if !running || start.add_days(RESULT_AFTER_DAYS) > as_of || has_running_result(&index.reports, &model.id) {
        return;
    }
    at.push(
        at.key(
            Code::C4NoResult,
            "effectiveness.indicators",
            format!("Mô hình bắt đầu từ {start} nhưng chưa có số liệu kết quả nào trong các báo cáo định kỳ"),
        )
        .with_hint("báo cáo mẫu 03 của đơn vị cần ghi `values` cho các chỉ số của mô hình này"),
    );
}

/// C5-TARGET (neither org nor name), C5-TARGET-UNKNOWN, C5-TARGET-SELF, C5-COST, C5-SPREAD.
fn replication(index: &Index, at: &mut At) {
    let model = at.model;
    let corpus = index.corpus;
    for (i, node) in items(&model.front, "replication.targets").iter().enumerate() {
        if !node.is_map() {
            continue;
        }
        let org = string(node, "org");
        if org.is_none() && string(node, "name").is_none() {
            at.push(
                at.node(
                    Code::C5Target,
                    node,
                    format!("Nơi nhân rộng thứ {} cần `org` (mã đơn vị) hoặc `name` (tên nơi nhân rộng)", i + 1),
                )
                .with_hint("thêm `org: <mã đơn vị>` hoặc `name: \"…\"`"),
            );
        }
        let Some(org) = org else { continue };
        let org_node = node.get("org").unwrap_or(node);
        if !index.units_read() {
            continue;
        }
        if corpus.unit(&org).is_none() {
            let mut d = at.node(
                Code::C5TargetUnknown,
                org_node,
                format!(
                    "Đơn vị `{org}` không có trong danh sách tổ chức (mục {} của {})",
                    i + 1,
                    field(MODEL, "replication.targets")
                ),
            );
            d.hint = Some(typo_hint(index.known.units().suggest(&org)).unwrap_or_else(|| {
                "dùng một `id` trong content/to-chuc.yml, hoặc ghi `name` thay cho `org`".to_owned()
            }));
            at.push(d);
        } else if model.org.as_deref() == Some(org.as_str()) {
            at.push(
                at.node(
                    Code::C5TargetSelf,
                    org_node,
                    format!("Nơi nhân rộng `{org}` chính là đơn vị thực hiện mô hình"),
                )
                .with_hint("ghi những nơi khác có thể học tập, nhân rộng mô hình"),
            );
        }
    }
    for (key, vocab) in [("cost", COSTS), ("requirements", REQUIREMENTS)] {
        let path = format!("replication.{key}");
        if string(&model.front, &path).as_deref() == Some("cao") {
            at.push(
                at.value(Code::C5Cost, &path, format!("{} là `cao` ({})", field(MODEL, &path), label_of(vocab, "cao")))
                    .with_hint("HD §II(5): hạn chế mô hình đòi hỏi đầu tư, trình độ cao, khó nhân rộng"),
            );
        }
    }
    if node_at(&model.front, "replication").is_some_and(|n| n.is_map()) && model.replication.spread.is_none() {
        at.push(
            at.missing(
                Code::C5Spread,
                "replication.spread",
                format!("Chưa nêu việc sơ kết, biểu dương, tuyên truyền ({})", field(MODEL, "replication.spread")),
            )
            .with_hint("thêm `spread: \"…\"`: sơ kết, biểu dương, giới thiệu mô hình ở đâu, khi nào"),
        );
    }
}
