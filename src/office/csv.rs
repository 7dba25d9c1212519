//! CSV files as spreadsheet programs read them: UTF-8 with a byte-order mark (so the
//! diacritics survive), CRLF line ends and RFC 4180 quoting; every field goes through
//! [`neutralise`], since content comes from pull requests.

use crate::office::cell::neutralise;

/// A CSV file being written, row by row.
pub struct Csv {
    text: String,
}

impl Csv {
    /// A file starting with the byte-order mark and the `header` row.
    pub fn with_header(header: &[&str]) -> Csv {
        let mut csv = Csv { text: String::from("\u{feff}") };
        csv.row(header.iter().copied());
        csv
    }

    /// Appends one record.
    pub fn row<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        let fields: Vec<String> = fields.into_iter().map(|f| field(&neutralise(f.as_ref()))).collect();
        self.text.push_str(&fields.join(","));
        self.text.push_str("\r\n");
    }

    /// The finished file.
    pub fn finish(self) -> String {
        self.text
    }
}

/// Quotes a field when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::Csv;

    #[test]
    fn bom_crlf_quoting_and_inert_formulas() {
        let mut csv = Csv::with_header(&["Mã", "Tên"]);
        csv.row(["a,b", "=HYPERLINK(\"x\")"]);
        csv.row(["-1", "Nhóm \"một\", hai"]);
        assert_eq!(
            csv.finish(),
            "\u{feff}Mã,Tên\r\n\"a,b\",\"'=HYPERLINK(\"\"x\"\")\"\r\n'-1,\"Nhóm \"\"một\"\", hai\"\r\n"
        );
    }
}
