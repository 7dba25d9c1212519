//! Excel workbooks (`.xlsx`) through `rust_xlsxwriter`: sheets written row by row, with a
//! merged title, merged column heads as on the page, numbers as numbers and every text cell
//! neutralised ([`neutralise`]). The document date comes from the content, never the clock,
//! so builds stay byte-identical.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::content::date::Date;
use crate::office::DEFLATE_LEVEL;
use crate::office::cell::neutralise;

/// A cell value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Empty,
}

impl Value {
    /// A text cell.
    pub fn text(text: impl Into<String>) -> Value {
        Value::Text(text.into())
    }

    /// A count.
    pub fn count(n: usize) -> Value {
        Value::Number(n as f64)
    }
}

/// A column head spanning `rows` × `cols` cells, at `col` of the head block.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub text: String,
    pub row: u32,
    pub col: u16,
    pub rows: u32,
    pub cols: u16,
}

impl Head {
    pub fn new(text: impl Into<String>, row: u32, col: u16, rows: u32, cols: u16) -> Head {
        Head { text: text.into(), row, col, rows, cols }
    }
}

/// One worksheet being written from top to bottom.
pub struct Sheet {
    sheet: Worksheet,
    row: u32,
    columns: u16,
}

/// How a row looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// Totals and sub-totals: bold.
    Total,
}

fn bordered() -> Format {
    Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::VerticalCenter)
}

impl Sheet {
    /// A sheet named `name` (shortened and cleaned to what Excel accepts), `columns` wide,
    /// A4 landscape when printed.
    pub fn new(name: &str, columns: u16) -> Result<Sheet, XlsxError> {
        let mut sheet = Worksheet::new();
        sheet.set_name(sheet_name(name))?;
        sheet.set_paper_size(9);
        sheet.set_landscape();
        Ok(Sheet { sheet, row: 0, columns })
    }

    /// Column widths, in characters.
    pub fn widths(&mut self, widths: &[f64]) -> Result<(), XlsxError> {
        for (col, width) in widths.iter().enumerate() {
            self.sheet.set_column_width(col as u16, *width)?;
        }
        Ok(())
    }

    /// A line of text across the sheet's width (merged), bold when `bold`.
    pub fn title(&mut self, text: &str, bold: bool) -> Result<(), XlsxError> {
        let mut format = Format::new().set_align(FormatAlign::Center).set_text_wrap();
        if bold {
            format = format.set_bold();
        }
        let last = self.columns.saturating_sub(1);
        if last == 0 {
            self.sheet.write_string_with_format(self.row, 0, neutralise(text), &format)?;
        } else {
            self.sheet.merge_range(self.row, 0, self.row, last, &neutralise(text), &format)?;
        }
        self.row += 1;
        Ok(())
    }

    /// An empty line.
    pub fn skip(&mut self) {
        self.row += 1;
    }

    /// Column heads, merged as given; the block is as tall as its tallest head.
    pub fn heads(&mut self, heads: &[Head]) -> Result<(), XlsxError> {
        let format = bordered().set_bold().set_align(FormatAlign::Center);
        let mut height = 1;
        for head in heads {
            let (first_row, first_col) = (self.row + head.row, head.col);
            let (last_row, last_col) = (first_row + head.rows.max(1) - 1, first_col + head.cols.max(1) - 1);
            if (first_row, first_col) == (last_row, last_col) {
                self.sheet.write_string_with_format(first_row, first_col, neutralise(&head.text), &format)?;
            } else {
                self.sheet.merge_range(first_row, first_col, last_row, last_col, &neutralise(&head.text), &format)?;
            }
            height = height.max(head.row + head.rows.max(1));
        }
        self.row += height;
        Ok(())
    }

    /// A row of values from the first column.
    pub fn row(&mut self, values: &[Value], style: Style) -> Result<(), XlsxError> {
        let mut text = bordered();
        let mut number = bordered().set_num_format("#,##0.##");
        if style == Style::Total {
            text = text.set_bold();
            number = number.set_bold();
        }
        for (col, value) in values.iter().enumerate() {
            let col = col as u16;
            match value {
                Value::Text(t) => self.sheet.write_string_with_format(self.row, col, neutralise(t), &text)?,
                Value::Number(n) => self.sheet.write_number_with_format(self.row, col, *n, &number)?,
                Value::Empty => self.sheet.write_blank(self.row, col, &text)?,
            };
        }
        self.row += 1;
        Ok(())
    }
}

/// The workbook of `sheets`, dated `date` (the catalog's `as_of`), as bytes.
pub fn workbook(title: &str, date: Option<Date>, sheets: Vec<Sheet>) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_zip_compression_level(DEFLATE_LEVEL);
    let date = date.unwrap_or(Date { year: 2000, month: 1, day: 1 });
    let when = ExcelDateTime::from_ymd(date.year.clamp(1900, 9999) as u16, date.month as u8, date.day as u8)?;
    book.set_properties(&DocProperties::new().set_title(title).set_author("guong").set_creation_datetime(&when));
    for sheet in sheets {
        book.push_worksheet(sheet.sheet);
    }
    book.save_to_buffer()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with an apostrophe.
fn sheet_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if "[]:*?/\\".contains(c) { '-' } else { c }).take(31).collect::<String>();
    let trimmed = cleaned.trim_matches('\'').trim();
    if trimmed.is_empty() { "Trang".to_owned() } else { trimmed.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel_rules_and_workbooks_are_reproducible() {
        assert_eq!(sheet_name("Đảng bộ [Cục] Thuế: tỉnh/thành phố rất dài"), "Đảng bộ -Cục- Thuế- tỉnh-thành");
        let make = || {
            let mut sheet = Sheet::new("Tổng hợp", 3).unwrap();
            sheet.title("Tiêu đề", true).unwrap();
            sheet.heads(&[Head::new("A", 0, 0, 2, 1), Head::new("B", 0, 1, 1, 2), Head::new("C", 1, 1, 1, 1)]).unwrap();
            sheet.row(&[Value::text("=cmd"), Value::count(3), Value::Empty], Style::Total).unwrap();
            workbook("T", Date::new(2024, 12, 31), vec![sheet]).unwrap()
        };
        assert_eq!(make(), make());
    }
}
