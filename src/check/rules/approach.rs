//! Approach and status rules (A-*, S-*): what a consolidated (cung_co) or replicated
//! (nhan_rong) model must say about its origin, and what a retired or finished model must
//! record. A conditional field missing at top level is reported at the value that requires
//! it (`approach: cung_co`, `status: loai_bo`).

use crate::check::rules::{At, Index, field, typo_hint};
use crate::content::forms::MODEL;
use crate::content::read::at as node_at;
use crate::content::vocab::{Approach, Status};
use crate::diagnostic::Code;

/// Every A-* and S-* rule of one model.
pub fn check(index: &Index, at: &mut At) {
    revision(at);
    previous_model(index, at);
    source(index, at);
    extra(at);
    retirement(index, at);
    finished(at);
    period_over(index, at);
}

/// A-REVISION (cung_co without a valid revision) and A-REVISION-PARTIAL.
fn revision(at: &mut At) {
    let model = at.model;
    if model.approach != Some(Approach::CungCo) {
        return;
    }
    let Some(revision) = &model.revision else {
        if node_at(&model.front, "revision").is_none_or(|n| n.is_null()) {
            at.push(
                at.value(
                    Code::ARevision,
                    "approach",
                    format!("Mô hình củng cố, nâng cao chất lượng cần {}", field(MODEL, "revision")),
                )
                .with_hint("thêm `revision:` với `since` (năm bắt đầu mô hình cũ), `previous` và `changes`"),
            );
        }
        return;
    };
    if let (Some(since), Some(start)) = (revision.since, model.start)
        && since > i64::from(start.year)
    {
        at.push(
            at.value(
                Code::ARevision,
                "revision.since",
                format!("Năm bắt đầu mô hình cũ ({since}) sau năm bắt đầu củng cố ({})", start.year),
            )
            .with_hint("`since` là năm mô hình trước được xây dựng, không muộn hơn năm của `start`"),
        );
    }
    let covered: Vec<i64> = (1..=5).filter(|c| revision.changes.iter().any(|ch| ch.criterion == Some(*c))).collect();
    if !covered.is_empty() && covered.len() < 5 {
        let missing: Vec<String> = (1..=5).filter(|c| !covered.contains(c)).map(|c| c.to_string()).collect();
        at.push(
            at.key(
                Code::ARevisionPartial,
                "revision.changes",
                format!("Nội dung củng cố chưa nêu tiêu chí {}", missing.join(", ")),
            )
            .with_hint("HD §III.2: rà soát, bổ sung nội dung mới ở từng tiêu chí (1–5)"),
        );
    }
}

/// A-REVISION: `revision.previous_model`, when written, names another existing model.
fn previous_model(index: &Index, at: &mut At) {
    let model = at.model;
    let Some(previous) = model.revision.as_ref().and_then(|r| r.previous_model.as_deref()) else { return };
    let known = previous != model.id && !index.unknown_model(previous);
    if known {
        return;
    }
    let message = if previous == model.id {
        "Mô hình được củng cố, tiếp nối (`revision.previous_model`) không thể là chính mô hình này".to_owned()
    } else {
        format!(
            "Mô hình được củng cố, tiếp nối `{previous}` không tồn tại ({})",
            field(MODEL, "revision.previous_model")
        )
    };
    let mut d = at.value(Code::ARevision, "revision.previous_model", message);
    d.hint = Some(
        typo_hint(index.known.models().suggest_other_than(previous, Some(&model.id)))
            .unwrap_or_else(|| "ghi mã (tên tệp) của mô hình giai đoạn trước mà mô hình này tiếp nối".to_owned()),
    );
    at.push(d);
}

/// A-SOURCE (nhan_rong without an existing source model other than itself) and
/// A-SOURCE-RETIRED.
fn source(index: &Index, at: &mut At) {
    let model = at.model;
    if model.approach != Some(Approach::NhanRong) {
        return;
    }
    let Some(source) = model.source_model.as_deref() else {
        at.push(
            at.value(Code::ASource, "approach", format!("Mô hình nhân rộng cần {}", field(MODEL, "source_model")))
                .with_hint("thêm `source_model: <mã mô hình gốc>`"),
        );
        return;
    };
    if source == model.id {
        at.push(
            at.value(Code::ASource, "source_model", "Mô hình gốc `source_model` không thể là chính mô hình này")
                .with_hint("ghi mã của mô hình được học tập, nhân rộng"),
        );
        return;
    }
    match index.corpus.model(source) {
        None if index.unknown_model(source) => {
            let mut d = at.value(
                Code::ASource,
                "source_model",
                format!("Mô hình gốc `{source}` không tồn tại ({})", field(MODEL, "source_model")),
            );
            d.hint = Some(
                typo_hint(index.known.models().suggest(source))
                    .unwrap_or_else(|| "dùng mã (tên tệp) của một mô hình trong content/mo-hinh/".to_owned()),
            );
            at.push(d);
        }
        Some(original) if original.is_retired() => at.push(
            at.value(Code::ASourceRetired, "source_model", format!("Mô hình gốc `{source}` đã bị loại bỏ"))
                .with_hint("kiểm tra lại: nhân rộng một mô hình đã loại bỏ cần có lý do rõ ràng"),
        ),
        _ => {}
    }
}

/// A-EXTRA: `revision` or `source_model` written for another approach.
fn extra(at: &mut At) {
    let model = at.model;
    let Some(approach) = model.approach else { return };
    let present = |key: &str| node_at(&model.front, key).is_some_and(|n| !n.is_null());
    for (key, wanted) in [("revision", Approach::CungCo), ("source_model", Approach::NhanRong)] {
        if approach != wanted && present(key) {
            at.push(
                at.key(
                    Code::AExtra,
                    key,
                    format!(
                        "{} chỉ dùng cho cách thức `{}`; mô hình này là `{}`",
                        field(MODEL, key),
                        wanted.code(),
                        approach.code()
                    ),
                )
                .with_hint(format!("xóa `{key}` hoặc sửa `approach`")),
            );
        }
    }
}

/// S-RETIRE, S-REPLACEMENT, S-NO-REPLACEMENT, S-RETIRE-EXTRA.
fn retirement(index: &Index, at: &mut At) {
    let model = at.model;
    let retired = model.status == Some(Status::LoaiBo);
    let written = node_at(&model.front, "retirement").is_some_and(|n| !n.is_null());
    if retired && !written {
        at.push(
            at.value(Code::SRetire, "status", format!("Mô hình đã loại bỏ cần {}", field(MODEL, "retirement")))
                .with_hint("thêm `retirement:` với `date` (ngày loại bỏ) và `reason` (lý do, ít nhất 20 ký tự)"),
        );
        return;
    }
    if written && model.status.is_some() && !retired {
        at.push(
            at.key(
                Code::SRetireExtra,
                "retirement",
                format!("Có {} nhưng trạng thái không phải `loai_bo`", field(MODEL, "retirement")),
            )
            .with_hint("đặt `status: loai_bo` nếu mô hình đã dừng, hoặc xóa `retirement`"),
        );
    }
    let Some(retirement) = &model.retirement else { return };
    // Without a period (M-PERIOD) only the start bounds the date.
    let period_end = model.period.map(|slot| slot.to);
    if let Some(date) = retirement.date {
        let before_start = model.start.is_some_and(|start| date < start);
        if before_start || period_end.is_some_and(|to| date > to) {
            let start = model.start.map_or_else(String::new, |s| s.to_string());
            let range = match period_end {
                Some(to) => format!("từ ngày bắt đầu {start} đến {to} (hết giai đoạn của mô hình)"),
                None => format!("từ ngày bắt đầu {start}"),
            };
            at.push(
                at.value(Code::SRetire, "retirement.date", format!("Ngày loại bỏ {date} phải trong khoảng {range}"))
                    .with_hint("sửa `retirement.date`"),
            );
        }
    }
    match retirement.replacement.as_deref() {
        Some(replacement) if replacement == model.id || index.unknown_model(replacement) => {
            let mut d = at.value(
                Code::SReplacement,
                "retirement.replacement",
                format!("Mô hình thay thế `{replacement}` không tồn tại ({})", field(MODEL, "retirement.replacement")),
            );
            d.hint = Some(
                typo_hint(index.known.models().suggest_other_than(replacement, Some(&model.id)))
                    .unwrap_or_else(|| "ghi mã (tên tệp) của mô hình mới thay thế, khác mô hình này".to_owned()),
            );
            at.push(d);
        }
        None if retired => at.push(
            at.key(Code::SNoReplacement, "retirement", "Mô hình đã loại bỏ chưa có mô hình thay thế (`replacement`)")
                .with_hint("HD §III.2: loại bỏ mô hình không còn phù hợp và xây dựng mô hình mới; ghi `replacement`"),
        ),
        _ => {}
    }
}

/// S-END: a finished model should say when it ended.
fn finished(at: &mut At) {
    let model = at.model;
    let end_written = node_at(&model.front, "end").is_some_and(|n| !n.is_null());
    if model.status == Some(Status::HoanThanh) && !end_written {
        at.push(
            at.value(Code::SEnd, "status", format!("Mô hình đã hoàn thành nhưng chưa có {}", field(MODEL, "end")))
                .with_hint("thêm `end: <ngày kết thúc>`"),
        );
    }
}

/// S-PERIOD-OVER: a model still registered or running although its period ended before
/// `as_of`. A rule of version 2: a site without `periods` keeps exactly the diagnostics of
/// version 1 (SPEC §8.1).
fn period_over(index: &Index, at: &mut At) {
    let model = at.model;
    let catalog = &index.corpus.catalog;
    if !catalog.lists_periods() || !matches!(model.status, Some(Status::KeHoach | Status::DangThucHien)) {
        return;
    }
    let (Some(period), Some(as_of)) = (model.period.and_then(|slot| catalog.periods.at(slot)), catalog.as_of) else {
        return;
    };
    if period.to >= as_of {
        return;
    }
    let status = model.status.map_or("", Status::code);
    let next = catalog.current_period().filter(|current| current.id != period.id);
    let carry_on = match next {
        Some(current) => format!("giai đoạn {}", current.span()),
        None => "giai đoạn mới".to_owned(),
    };
    at.push(
        at.value(
            Code::SPeriodOver,
            "status",
            format!(
                "Mô hình vẫn `status: {status}` nhưng giai đoạn {period} đã kết thúc trước ngày chốt số liệu {as_of}"
            ),
        )
        .with_hint(format!(
            "đặt `status: hoan_thanh` với `end: {}`, hoặc `status: loai_bo` với `retirement`; nếu mô hình tiếp tục, \
             đăng ký mô hình củng cố (`approach: cung_co`, `revision.previous_model: {}`) trong {carry_on}",
            period.to.iso(),
            model.id
        )),
    );
}
