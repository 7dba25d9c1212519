//! The summary of a programme period (tổng kết giai đoạn) as an Excel workbook: the totals
//! by base unit under form 02's merged heads, by status, group and evaluation result on the
//! first sheet, the
//! models one per row on the second. Every count is a number equal to the one in the JSON
//! file beside it (both come from `derive::period_summary`).

use rust_xlsxwriter::XlsxError;
use serde::Serialize;

use crate::content::date::Date;
use crate::derive::form02::Counts;
use crate::office::form02::{WIDTHS, heads, row};
use crate::office::xlsx::{Head, Sheet, Style, Value, workbook};

/// What the workbook is written from, names resolved (it is also the build cache's input).
#[derive(Clone, Debug, Serialize)]
pub struct PeriodBook {
    /// The root unit's name.
    pub organisation: String,
    /// "Tổng kết giai đoạn 2021–2025".
    pub title: String,
    /// "Từ 01/01/2021 đến 31/12/2025; số liệu đến ngày 20/07/2026".
    pub subtitle: String,
    /// The document's date (the catalog's `as_of`).
    pub date: Option<Date>,
    /// Base units by name with their counts, in registry order.
    pub base_units: Vec<(String, Counts)>,
    pub totals: Counts,
    /// Models by today's status and by group: label, count.
    pub by_status: Vec<(String, usize)>,
    pub by_group: Vec<(String, usize)>,
    pub by_evaluation: Vec<(String, usize)>,
    pub models: Vec<BookModel>,
}

/// One model's row, as the page's list writes it.
#[derive(Clone, Debug, Serialize)]
pub struct BookModel {
    pub title: String,
    pub unit: String,
    pub group: String,
    pub approach: String,
    pub subject: String,
    pub status: String,
    pub start: String,
    pub end: String,
    /// The title of the model of an earlier period it carries on.
    pub previous: String,
    /// Its recognitions, one line each.
    pub recognition: Vec<String>,
}

/// The model sheet's columns and their widths.
const MODEL_HEADS: [&str; 11] = [
    "STT",
    "Tên mô hình",
    "Đơn vị",
    "Nhóm mô hình",
    "Cách thức",
    "Chủ thể",
    "Trạng thái",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Tiếp nối mô hình",
    "Khen thưởng",
];
const MODEL_WIDTHS: [f64; 11] = [6.0, 40.0, 30.0, 30.0, 18.0, 10.0, 16.0, 12.0, 12.0, 30.0, 40.0];

/// A two-column table (label, number of models) titled `title`.
fn tally(sheet: &mut Sheet, title: &str, first: &str, rows: &[(String, usize)]) -> Result<(), XlsxError> {
    sheet.skip();
    sheet.title(title, true)?;
    sheet.heads(&[Head::new(first, 0, 0, 1, 1), Head::new("Số mô hình", 0, 1, 1, 1)])?;
    for (label, n) in rows {
        sheet.row(&[Value::text(label.as_str()), Value::count(*n)], Style::Plain)?;
    }
    Ok(())
}

/// The workbook of `book`.
pub fn period_workbook(book: &PeriodBook) -> Result<Vec<u8>, XlsxError> {
    let mut summary = Sheet::new("Tổng kết", 11)?;
    summary.widths(&WIDTHS)?;
    if !book.organisation.is_empty() {
        summary.title(&book.organisation.to_uppercase(), true)?;
    }
    summary.title(&book.title.to_uppercase(), true)?;
    summary.title(&book.subtitle, false)?;
    summary.skip();
    summary.heads(&heads("Đảng bộ, chi bộ cơ sở", &[]))?;
    for (name, counts) in &book.base_units {
        summary.row(&row(name.clone(), counts, vec![]), Style::Plain)?;
    }
    summary.row(&row("Tổng cộng".to_owned(), &book.totals, vec![]), Style::Total)?;
    tally(&mut summary, "Theo trạng thái", "Trạng thái", &book.by_status)?;
    tally(&mut summary, "Theo nhóm mô hình", "Nhóm mô hình", &book.by_group)?;
    tally(&mut summary, "Theo kết quả đánh giá", "Kết quả đánh giá gần nhất", &book.by_evaluation)?;

    let mut models = Sheet::new("Danh sách mô hình", 11)?;
    models.widths(&MODEL_WIDTHS)?;
    models.title(&book.title.to_uppercase(), true)?;
    models.skip();
    let model_heads: Vec<Head> =
        MODEL_HEADS.iter().enumerate().map(|(i, h)| Head::new(*h, 0, i as u16, 1, 1)).collect();
    models.heads(&model_heads)?;
    for (i, m) in book.models.iter().enumerate() {
        let texts = [&m.title, &m.unit, &m.group, &m.approach, &m.subject, &m.status, &m.start, &m.end, &m.previous];
        let mut cells = vec![Value::count(i + 1)];
        cells.extend(texts.into_iter().map(|t| Value::text(t.as_str())));
        cells.push(Value::text(m.recognition.join("\n")));
        models.row(&cells, Style::Plain)?;
    }
    workbook(&book.title, book.date, vec![summary, models])
}
