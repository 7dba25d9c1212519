//! Form 02 (Tổng hợp mẫu 02) as an Excel workbook: the Khối table on the first sheet, each
//! đảng bộ cơ sở's table on the second, with the page's merged column heads, and the lists of
//! models on the third (the chi bộ cơ sở's first, as under the page's Khối table, then each
//! đảng bộ cơ sở's); every count is a number equal to the one in the JSON file beside it.

use rust_xlsxwriter::XlsxError;

use crate::content::vocab::Approach;
use crate::derive::commendation::Commendation;
use crate::derive::form02::{Counts, Form02, ListedModel};
use crate::office::xlsx::{Head, Sheet, Style, Value, workbook};

/// Column heads shared by both tables: the first column's title, the ten counts, then
/// `last` (one column each).
pub(crate) fn heads(first: &str, last: &[&str]) -> Vec<Head> {
    let mut heads = vec![
        Head::new(first, 0, 0, 2, 1),
        Head::new("Tổng số mô hình", 0, 1, 2, 1),
        Head::new("Cách thức", 0, 2, 1, 3),
        Head::new("Xây dựng mới", 1, 2, 1, 1),
        Head::new("Củng cố, nâng cao", 1, 3, 1, 1),
        Head::new("Nhân rộng", 1, 4, 1, 1),
        Head::new("Chủ thể", 0, 5, 1, 2),
        Head::new("Tập thể", 1, 5, 1, 1),
        Head::new("Cá nhân", 1, 6, 1, 1),
        Head::new("Tình trạng trong kỳ", 0, 7, 1, 3),
        Head::new("Đang thực hiện", 1, 7, 1, 1),
        Head::new("Hoàn thành", 1, 8, 1, 1),
        Head::new("Loại bỏ trong kỳ", 1, 9, 1, 1),
        Head::new("Được khen thưởng", 0, 10, 2, 1),
    ];
    for (i, title) in last.iter().enumerate() {
        heads.push(Head::new(*title, 0, 11 + i as u16, 2, 1));
    }
    heads
}

/// The ten counts of a row, as numbers, in column order.
fn counts(c: &Counts) -> [Value; 10] {
    c.in_order().map(Value::count)
}

/// A table row: its first cell, the ten counts, then `last`.
pub(crate) fn row(first: String, c: &Counts, last: Vec<Value>) -> Vec<Value> {
    let mut values = vec![Value::Text(first)];
    values.extend(counts(c));
    values.extend(last);
    values
}

/// Column widths of the count tables (first column, ten counts, three more).
pub(crate) const WIDTHS: [f64; 14] = [36.0, 9.0, 9.0, 9.0, 9.0, 8.0, 8.0, 9.0, 9.0, 9.0, 10.0, 12.0, 12.0, 16.0];

/// The model lists' columns (SPEC §8.3) and their widths.
const LIST_HEADS: [&str; 7] = ["STT", "Chi bộ", "Tên mô hình", "Chủ thể", "Cách thức", "Tình trạng", "Khen thưởng"];
const LIST_WIDTHS: [f64; 7] = [6.0, 30.0, 40.0, 30.0, 18.0, 16.0, 40.0];

/// Writes a titled list of models, numbered from 1; `describe` writes a recognition.
fn model_list(
    sheet: &mut Sheet,
    title: &str,
    models: &[&ListedModel],
    describe: &dyn Fn(&Commendation) -> String,
) -> Result<(), XlsxError> {
    sheet.skip();
    sheet.title(title, true)?;
    let heads: Vec<Head> = LIST_HEADS.iter().enumerate().map(|(i, h)| Head::new(*h, 0, i as u16, 1, 1)).collect();
    sheet.heads(&heads)?;
    for (i, m) in models.iter().enumerate() {
        let subject = match m.subject_type {
            Some(kind) => format!("{} ({})", m.subject, kind.label().to_lowercase()),
            None => m.subject.clone(),
        };
        let recognition: Vec<String> = m.recognition.iter().map(describe).collect();
        let row = [
            Value::count(i + 1),
            Value::text(m.unit_name.as_str()),
            Value::text(m.title.as_str()),
            Value::text(subject),
            Value::text(m.approach.map_or("", Approach::label)),
            Value::text(m.phase.label()),
            Value::text(recognition.join("\n")),
        ];
        sheet.row(&row, Style::Plain)?;
    }
    Ok(())
}

/// The workbook of `table`; `heading` is the page's title ("Tổng hợp mô hình, điển hình 6
/// tháng đầu năm 2023"), `organisation` the root unit's name, and `describe` writes a
/// recognition in the lists' last column as the page does.
pub fn form02_workbook(
    table: &Form02,
    heading: &str,
    organisation: &str,
    describe: &dyn Fn(&Commendation) -> String,
) -> Result<Vec<u8>, XlsxError> {
    let mut khoi = Sheet::new("Tổng hợp", 14)?;
    khoi.widths(&WIDTHS)?;
    if !organisation.is_empty() {
        khoi.title(&organisation.to_uppercase(), true)?;
    }
    khoi.title(&heading.to_uppercase(), true)?;
    khoi.title("Mẫu 02", false)?;
    khoi.skip();
    khoi.heads(&heads(
        "Đảng bộ, chi bộ cơ sở",
        &["Đơn vị có số liệu mẫu 03", "Đơn vị chưa có mô hình", "Báo cáo mẫu 03"],
    ))?;
    for base in &table.base_units {
        let last = vec![
            Value::count(base.reported),
            Value::count(base.units_without_model),
            Value::text(base.report_state.label()),
        ];
        khoi.row(&row(base.name.clone(), &base.counts, last), Style::Plain)?;
    }
    let t = &table.totals;
    let last = vec![
        Value::count(t.reported),
        Value::count(t.units_without_model),
        Value::text(format!("{} đã nộp, {} chưa nộp", t.reports_submitted, t.reports_missing)),
    ];
    khoi.row(&row("Tổng cộng".to_owned(), &t.counts, last), Style::Total)?;

    let mut detail = Sheet::new("Chi tiết theo đơn vị", 13)?;
    detail.widths(&WIDTHS)?;
    detail.title(&heading.to_uppercase(), true)?;
    for base in table.base_units.iter().filter(|b| b.has_own_form()) {
        detail.skip();
        detail.title(&base.name, true)?;
        detail.heads(&heads("Chi bộ, đảng bộ", &["Có số liệu trong mẫu 03 kỳ này", "Ghi chú"]))?;
        for unit in &base.units {
            let last = vec![
                Value::text(if unit.reported { "Có" } else { "Không" }),
                if unit.no_model { Value::text("Chưa có mô hình") } else { Value::Empty },
            ];
            detail.row(&row(unit.name.clone(), &unit.counts, last), Style::Plain)?;
        }
        let last = vec![Value::text(format!("{} đơn vị có số liệu", base.reported)), Value::Empty];
        detail.row(&row("Cộng toàn đơn vị".to_owned(), &base.counts, last), Style::Total)?;
    }

    let mut lists = Sheet::new("Danh sách mô hình", 7)?;
    lists.widths(&LIST_WIDTHS)?;
    lists.title(&heading.to_uppercase(), true)?;
    let chi_bo: Vec<&ListedModel> =
        table.base_units.iter().filter(|b| !b.has_own_form()).flat_map(|b| &b.model_list).collect();
    if !chi_bo.is_empty() {
        model_list(&mut lists, "Các chi bộ cơ sở", &chi_bo, describe)?;
    }
    for base in table.base_units.iter().filter(|b| b.has_own_form()) {
        model_list(&mut lists, &base.name, &base.model_list.iter().collect::<Vec<_>>(), describe)?;
    }
    workbook(heading, table.as_of, vec![khoi, detail, lists])
}
