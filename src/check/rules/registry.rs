//! Registry rules: the organisation tree of `to-chuc.yml` (O-*, and its conditional `parent`
//! and `sector`; O-SUCCESSOR for merged units) and the catalog of `danh-muc.yml` (D-ID-DUP, D-PERIOD, years that no
//! programme period covers).

use std::collections::HashMap;

use crate::check::rules::{Index, typo_hint};
use crate::content::corpus::{CATALOG_PATH, Corpus, UNITS_PATH};
use crate::content::date::Date;
use crate::content::period::default_period;
use crate::content::read::{at, code, date, items, key_pos_of, pos_of, string};
use crate::content::unit::Unit;
use crate::content::vocab::{TopicKind, UnitKind};
use crate::diagnostic::{Code, Diagnostic};
use crate::parse::yaml::Node;

/// Every registry rule.
pub(crate) fn check(index: &Index, out: &mut Vec<Diagnostic>) {
    let corpus = index.corpus;
    let root_name = root_name(corpus);
    duplicate_units(corpus, out);
    root(corpus, out);
    for unit in &corpus.units {
        parent(index, &root_name, unit, out);
        sector(unit, out);
        dates(unit, out);
    }
    cycles(corpus, &root_name, out);
    successors(index, out);
    catalog(corpus, out);
    periods(corpus, out);
    covered_years(corpus, out);
}

fn unit_diagnostic(unit: &Unit, code: Code, path: &str, message: String) -> Diagnostic {
    Diagnostic::new(code, UNITS_PATH, pos_of(&unit.node, path), message)
}

/// How messages name the root unit: its name when the registry has one (found once per
/// check: a registry without a root would otherwise be searched for it once per unit).
fn root_name(corpus: &Corpus) -> String {
    corpus.root_unit().map_or_else(|| "đơn vị gốc (`kind: dang_bo_khoi`)".to_owned(), |root| root.name.clone())
}

/// O-ID-DUP: a unit id used by an earlier entry.
fn duplicate_units(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for unit in &corpus.units {
        if let Some(line) = seen.get(unit.id.as_str()) {
            out.push(
                unit_diagnostic(unit, Code::OIdDup, "id", format!("Mã đơn vị `{}` đã dùng ở dòng {line}", unit.id))
                    .with_hint("mỗi đơn vị một mã riêng"),
            );
        } else {
            seen.insert(&unit.id, pos_of(&unit.node, "id").line());
        }
    }
}

/// O-ROOT: exactly one `dang_bo_khoi`, without a parent.
fn root(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let roots: Vec<&Unit> = corpus.units.iter().filter(|u| u.kind == Some(UnitKind::DangBoKhoi)).collect();
    if roots.is_empty() && !corpus.units.is_empty() {
        out.push(
            Diagnostic::new(
                Code::ORoot,
                UNITS_PATH,
                key_pos_of(&corpus.units_node, "units"),
                "Danh sách tổ chức chưa có đơn vị gốc (`kind: dang_bo_khoi`, đảng bộ cấp trên cơ sở)",
            )
            .with_hint("thêm một đơn vị gốc `kind: dang_bo_khoi`, không có `parent`"),
        );
    }
    for extra in roots.iter().skip(1) {
        out.push(
            unit_diagnostic(
                extra,
                Code::ORoot,
                "kind",
                format!("Chỉ có một đơn vị gốc (`kind: dang_bo_khoi`); `{}` là đơn vị gốc thứ hai", extra.id),
            )
            .with_hint("đổi `kind` của đơn vị này"),
        );
    }
    for root in &roots {
        if root.parent.is_some() {
            out.push(
                unit_diagnostic(root, Code::ORoot, "parent", format!("{} là đơn vị gốc, không có `parent`", root.name))
                    .with_hint("xóa dòng `parent`"),
            );
        }
    }
}

/// The kinds a unit of `kind` may sit under (SPEC §2 tree).
fn allowed_parents(kind: UnitKind) -> &'static [UnitKind] {
    match kind {
        UnitKind::DangBoKhoi => &[],
        UnitKind::DangBoCoSo | UnitKind::ChiBoCoSo => &[UnitKind::DangBoKhoi],
        UnitKind::DangBoBoPhan => &[UnitKind::DangBoCoSo],
        UnitKind::ChiBoTrucThuoc => &[UnitKind::DangBoCoSo, UnitKind::DangBoBoPhan],
    }
}

/// O-PARENT (unknown parent, or a kind not allowed under it) and the required `parent` of
/// every unit but the root (F-REQUIRED).
fn parent(index: &Index, root_name: &str, unit: &Unit, out: &mut Vec<Diagnostic>) {
    let Some(parent_id) = unit.parent.as_deref() else {
        let written = unit.node.get("parent").is_some_and(|p| !p.is_null());
        if !written && unit.kind.is_some_and(|k| k != UnitKind::DangBoKhoi) {
            out.push(
                Diagnostic::new(
                    Code::FRequired,
                    UNITS_PATH,
                    unit.node.pos,
                    format!("Thiếu trường bắt buộc `parent` (Trực thuộc) của đơn vị `{}`", unit.id),
                )
                .with_hint(format!("chỉ {root_name} không có `parent`; thêm `parent: <mã đơn vị cấp trên>`")),
            );
        }
        return;
    };
    if parent_id == unit.id {
        return; // a unit under itself is a cycle (O-CYCLE)
    }
    let Some(parent) = index.corpus.unit(parent_id) else {
        let mut d = unit_diagnostic(
            unit,
            Code::OParent,
            "parent",
            format!("Đơn vị cấp trên `{parent_id}` (Trực thuộc) không có trong danh sách tổ chức"),
        );
        d.hint = Some(
            typo_hint(index.known.units().suggest(parent_id))
                .unwrap_or_else(|| "dùng `id` của một đơn vị trong danh sách".into()),
        );
        out.push(d);
        return;
    };
    let (Some(kind), Some(parent_kind)) = (unit.kind, parent.kind) else { return };
    let allowed = allowed_parents(kind);
    if kind != UnitKind::DangBoKhoi && !allowed.contains(&parent_kind) {
        let names: Vec<&str> = allowed.iter().map(|k| k.label()).collect();
        out.push(
            unit_diagnostic(
                unit,
                Code::OParent,
                "parent",
                format!(
                    "{} `{}` không thể trực thuộc {} `{parent_id}`",
                    kind.label(),
                    unit.id,
                    parent_kind.label().to_lowercase()
                ),
            )
            .with_hint(format!("{} trực thuộc: {}", kind.label(), names.join(" hoặc ").to_lowercase())),
        );
    }
}

/// `sector` is required for base units (SPEC §2, F-REQUIRED).
fn sector(unit: &Unit, out: &mut Vec<Diagnostic>) {
    if unit.is_base() && unit.node.get("sector").is_none_or(|s| s.is_null()) {
        out.push(
            Diagnostic::new(
                Code::FRequired,
                UNITS_PATH,
                unit.node.pos,
                format!("Thiếu trường bắt buộc `sector` (Lĩnh vực) của đơn vị cơ sở `{}`", unit.id),
            )
            .with_hint("thêm `sector: …` (co_quan_dang, quan_ly_nha_nuoc, thue_tai_chinh, ngan_hang, y_te, giao_duc, doanh_nghiep, doan_the, khac)"),
        );
    }
}

/// O-DATES: a unit cannot stop before it starts.
fn dates(unit: &Unit, out: &mut Vec<Diagnostic>) {
    if let (Some(from), Some(to)) = (unit.active_from, unit.active_to)
        && to < from
    {
        out.push(
            unit_diagnostic(
                unit,
                Code::ODates,
                "active_to",
                format!("Ngày kết thúc hoạt động {to} trước ngày bắt đầu {from} của đơn vị `{}`", unit.id),
            )
            .with_hint("sửa `active_from` hoặc `active_to`"),
        );
    }
}

/// O-CYCLE: a unit that is its own ancestor, reported on every unit of the cycle (found
/// once for the registry by [`Corpus::on_cycle`]).
fn cycles(corpus: &Corpus, root_name: &str, out: &mut Vec<Diagnostic>) {
    for unit in corpus.units.iter().filter(|u| corpus.on_cycle(&u.id)) {
        out.push(
            unit_diagnostic(
                unit,
                Code::OCycle,
                "parent",
                format!("Đơn vị `{}` trực thuộc chính nó (qua chuỗi `parent`)", unit.id),
            )
            .with_hint(format!("sửa `parent` để cây tổ chức đi lên đến {root_name}")),
        );
    }
}

/// O-SUCCESSOR: a `successor` that is unknown (with did-you-mean), the unit itself, the root
/// (which counts no model), written without `active_to`, or that closed before this unit did;
/// and chains that loop back (reported on every unit of the loop).
fn successors(index: &Index, out: &mut Vec<Diagnostic>) {
    let corpus = index.corpus;
    let o_successor = |unit: &Unit, message: String, hint: String| {
        unit_diagnostic(unit, Code::OSuccessor, "successor", message).with_hint(hint)
    };
    for unit in corpus.units.iter() {
        let Some(id) = unit.successor.as_deref() else { continue };
        let Some(successor) = corpus.unit(id) else {
            let hint = typo_hint(index.known.units().suggest_other_than(id, Some(&unit.id)))
                .unwrap_or_else(|| "dùng `id` của đơn vị tiếp nhận trong danh sách".to_owned());
            out.push(o_successor(unit, format!("Đơn vị kế thừa `{id}` không có trong danh sách tổ chức"), hint));
            continue;
        };
        let problem = if successor.id == unit.id {
            Some((
                format!("Đơn vị `{}` không thể kế thừa chính nó", unit.id),
                "ghi mã của đơn vị mà đơn vị này sáp nhập, hợp nhất vào".to_owned(),
            ))
        } else if successor.kind == Some(UnitKind::DangBoKhoi) {
            Some((
                format!("Đơn vị kế thừa `{id}` là đơn vị gốc, không trực tiếp thực hiện mô hình"),
                "ghi mã của chi bộ hoặc đảng bộ tiếp nhận đơn vị này".to_owned(),
            ))
        } else if unit.active_to.is_none() {
            Some((
                format!("Đơn vị `{}` có `successor` nhưng chưa có `active_to` (ngày kết thúc hoạt động)", unit.id),
                "thêm `active_to: <ngày sáp nhập, hợp nhất>`".to_owned(),
            ))
        } else if let Some((own, theirs)) = unit.active_to.zip(successor.active_to).filter(|(own, theirs)| theirs < own)
        {
            Some((
                format!("Đơn vị kế thừa `{id}` kết thúc hoạt động ngày {theirs}, trước đơn vị `{}` ({own})", unit.id),
                "đơn vị kế thừa phải còn hoạt động khi tiếp nhận: sửa `successor` hoặc `active_to`".to_owned(),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = problem {
            out.push(o_successor(unit, message, hint));
        }
    }
    for unit in corpus.successor_loops() {
        out.push(o_successor(
            unit,
            format!("Chuỗi đơn vị kế thừa từ `{}` quay vòng về chính nó", unit.id),
            "mỗi lần sáp nhập đi tới một đơn vị còn hoạt động; sửa `successor` để chuỗi có điểm cuối".to_owned(),
        ));
    }
}

/// D-ID-DUP in each catalog list, and `year` given iff a topic is yearly.
fn catalog(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let node = &corpus.catalog.node;
    for list in ["nhom_mo_hinh", "chuyen_de", "periods"] {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for item in items(node, list) {
            let Some(id) = string(item, "id") else { continue };
            let pos = pos_of(item, "id");
            if let Some(line) = seen.get(&id) {
                out.push(
                    Diagnostic::new(
                        Code::DIdDup,
                        CATALOG_PATH,
                        pos,
                        format!("Mã `{id}` trong `{list}` đã dùng ở dòng {line}"),
                    )
                    .with_hint("mỗi mục danh mục một mã riêng"),
                );
            } else {
                seen.insert(id, pos.line());
            }
        }
    }
    for item in items(node, "chuyen_de") {
        let id = string(item, "id").unwrap_or_default();
        let year_written = item.get("year").is_some_and(|y| !y.is_null());
        match code(item, "kind", TopicKind::from_code) {
            Some(TopicKind::Nam) if !year_written => out.push(
                Diagnostic::new(
                    Code::FRequired,
                    CATALOG_PATH,
                    item.pos,
                    format!("Thiếu trường bắt buộc `year` (Năm) của chuyên đề hằng năm `{id}`"),
                )
                .with_hint(format!("thêm `year: <năm>` ({})", corpus.catalog.periods.describe_years())),
            ),
            Some(kind) if kind != TopicKind::Nam && year_written => out.push(
                Diagnostic::new(
                    Code::PUnknownKey,
                    CATALOG_PATH,
                    key_pos_of(item, "year"),
                    format!("Trường `year` chỉ dùng cho chuyên đề hằng năm (`kind: nam`); `{id}` là `{}`", kind.code()),
                )
                .with_hint("xóa `year` hoặc đổi `kind: nam`"),
            ),
            _ => {}
        }
    }
}

/// The longest programme period, in calendar years (they are five-year terms): the site has
/// pages per year, and each lists the others.
pub const MAX_PERIOD_YEARS: i32 = 10;

/// The most programme periods in `periods` (a century of five-year terms): each period's page
/// lists the others.
pub const MAX_PERIODS: usize = 20;

/// D-PERIOD: an empty `periods` list, more than [`MAX_PERIODS`] periods, a period whose `to`
/// is before its `from` or that spans more than [`MAX_PERIOD_YEARS`] calendar years, or two
/// periods that overlap (reported on the later one's `from`). Entries without readable dates
/// are already reported by the schema.
fn periods(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let node = &corpus.catalog.node;
    let Some(list) = at(node, "periods") else { return };
    let d_period =
        |pos, message: String, hint: String| Diagnostic::new(Code::DPeriod, CATALOG_PATH, pos, message).with_hint(hint);
    if list.items().is_empty() {
        out.push(d_period(
            key_pos_of(node, "periods"),
            "Danh sách giai đoạn `periods` không có giai đoạn nào".to_owned(),
            format!(
                "khai báo ít nhất một giai đoạn (`id`, `name`, `from`, `to`) hoặc xóa `periods` để dùng giai đoạn mặc định {}",
                default_period()
            ),
        ));
        return;
    }
    if let Some(extra) = list.items().get(MAX_PERIODS) {
        out.push(d_period(
            extra.pos,
            format!("Danh sách `periods` có {} giai đoạn, nhiều hơn mức tối đa {MAX_PERIODS}", list.items().len()),
            "mỗi giai đoạn là một chặng của chương trình (thường 5 năm); xóa các giai đoạn thừa".to_owned(),
        ));
    }
    // (from, to, position of `from`, id) of each period with readable dates, in list order.
    let mut spans = Vec::new();
    for item in list.items() {
        let (Some(from), Some(to)) = (date(item, "from"), date(item, "to")) else { continue };
        let id = string(item, "id").unwrap_or_default();
        let pos = pos_of(item, "from");
        if to < from {
            out.push(d_period(
                pos,
                format!("Giai đoạn `{id}` kết thúc ngày {to}, trước ngày bắt đầu {from}"),
                "sửa `from` hoặc `to` của giai đoạn".to_owned(),
            ));
            continue;
        }
        let years = to.year - from.year + 1;
        if years > MAX_PERIOD_YEARS {
            out.push(d_period(
                pos_of(item, "to"),
                format!(
                    "Giai đoạn `{id}` kéo dài {years} năm ({} – {}), dài hơn mức tối đa {MAX_PERIOD_YEARS} năm",
                    from.year, to.year
                ),
                "chia thành các giai đoạn ngắn hơn, thường 5 năm (như 2021–2025, 2026–2030)".to_owned(),
            ));
        }
        spans.push((from, to, pos, id));
    }
    spans.sort_by_key(|&(from, _, pos, _)| (from, pos));
    // Sorted by start, a period overlaps an earlier one iff it starts before the latest end
    // seen so far.
    let mut latest: Option<(Date, &str)> = None;
    for (from, to, pos, id) in &spans {
        if let Some((end, other)) = latest.filter(|&(end, _)| *from <= end) {
            out.push(d_period(
                *pos,
                format!("Giai đoạn `{id}` bắt đầu ngày {from}, trùng thời gian với giai đoạn `{other}` (đến {end})"),
                "các giai đoạn không được chồng lên nhau: giai đoạn sau bắt đầu sau ngày kết thúc giai đoạn trước"
                    .to_owned(),
            ));
        }
        if latest.is_none_or(|(end, _)| *to > end) {
            latest = Some((*to, id.as_str()));
        }
    }
}

/// Years no programme period covers: a yearly topic's `year` and `coverage_from` (F-TYPE,
/// as an out-of-range number). While a period is unreadable or ends before it starts, the
/// catalog's error is the one to fix (`Periods::is_complete`).
fn covered_years(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let node = &corpus.catalog.node;
    let periods = &corpus.catalog.periods;
    if !periods.is_complete() {
        return;
    }
    let uncovered = |value: &Node, what: String| {
        let year = value.as_int().filter(|&y| !periods.covers_year(y))?;
        Some(
            Diagnostic::new(
                Code::FType,
                CATALOG_PATH,
                value.pos,
                format!("Năm {year} của {what} không thuộc giai đoạn nào của chương trình ({})", periods.describe()),
            )
            .with_hint(format!("ghi một năm trong {}", periods.describe_years())),
        )
    };
    if let Some(value) = node.get("coverage_from") {
        out.extend(uncovered(value, "`coverage_from` (Năm bắt đầu kiểm tra)".to_owned()));
    }
    for item in items(node, "chuyen_de") {
        if let Some(value) = item.get("year") {
            let id = string(item, "id").unwrap_or_default();
            out.extend(uncovered(value, format!("chuyên đề `{id}`")));
        }
    }
}
