//! Biểu mẫu 03 (the periodic report) as a Word file, from the report page's context: the
//! Party document header, the body, parts I–IV and the signature block.

use crate::office::docx::{Cell, Document, Paragraph, Properties, Run, Table};
use crate::office::party;
use crate::parse::markdown::BlockKind;
use crate::render::context::model::RecognitionRow;
use crate::render::context::report::ReportPage;

/// Paragraphs of a body: its plain text blocks (see `parse::markdown`), a list item with a
/// dash in front.
pub fn body(doc: &mut Document, blocks: &[(BlockKind, &str)]) {
    for &(kind, text) in blocks {
        doc.push(match kind {
            BlockKind::Heading => Paragraph::heading(text),
            BlockKind::Text => Paragraph::body(text),
            BlockKind::Item => Paragraph::body(format!("- {text}")),
        });
    }
}

/// "Label: value" as a body paragraph, the label in bold.
pub fn fact(doc: &mut Document, label: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        let runs = vec![Run::new(format!("{label}: ")).bold(), Run::new(value)];
        doc.push(Paragraph { first_line_mm: 10, ..Paragraph::new(runs) });
    }
}

/// The recognitions table (part II of form 03, and form 01's record).
pub fn recognitions(doc: &mut Document, rows: &[RecognitionRow], with_subject: bool) {
    let mut table = Vec::new();
    let mut heads = vec![Cell::head("Ngày"), Cell::head("Cấp"), Cell::head("Hình thức"), Cell::head("Quyết định")];
    if with_subject {
        heads.insert(0, Cell::head("Tập thể, cá nhân"));
    }
    table.push(heads);
    for r in rows {
        let text = |v: &Option<String>| Cell::text(v.clone().unwrap_or_default());
        let mut cells = vec![text(&r.date), text(&r.level), text(&r.form), text(&r.decision)];
        if with_subject {
            cells.insert(0, text(&r.subject));
        }
        table.push(cells);
    }
    let shares: &[u32] = if with_subject { &[30, 14, 16, 20, 20] } else { &[18, 20, 30, 32] };
    doc.push(Table::grid(shares, 1, table));
}

/// The `.docx` of a report page; `text` holds the blocks of the report's body.
pub fn report_docx(page: &ReportPage, text: &[(BlockKind, &str)], date: String) -> Vec<u8> {
    let mut doc = Document::default();
    party::head(&mut doc, &page.document);
    body(&mut doc, text);
    doc.push(Paragraph::heading("I. KẾT QUẢ TỪNG MÔ HÌNH"));
    if page.entries.is_empty() {
        doc.push(Paragraph::body("Báo cáo không nêu mô hình nào."));
    }
    for (i, e) in page.entries.iter().enumerate() {
        doc.push(Paragraph::heading(format!("{}. {}", i + 1, e.model.text)));
        fact(&mut doc, "Tiến độ", e.progress.as_deref());
        fact(&mut doc, "Đánh giá về nhận thức", e.awareness.as_deref());
        fact(&mut doc, "Đánh giá về thái độ", e.attitude.as_deref());
        fact(&mut doc, "Đánh giá về hành động", e.action.as_deref());
        if !e.values.is_empty() {
            let mut rows = vec![vec![
                Cell::head("Chỉ số"),
                Cell::head("Đơn vị tính"),
                Cell::head("Trước khi thực hiện"),
                Cell::head("Kỳ này"),
                Cell::head("Mục tiêu"),
            ]];
            let n = |v: &Option<String>| Cell::number(v.clone().unwrap_or_default());
            for v in &e.values {
                rows.push(vec![
                    Cell::text(&v.indicator),
                    Cell::text(&v.unit),
                    n(&v.baseline),
                    n(&v.value),
                    n(&v.target),
                ]);
            }
            doc.push(Table::grid(&[40, 14, 16, 14, 16], 1, rows));
        }
        fact(&mut doc, "Kết quả nổi bật", e.highlights.as_deref());
        let places: Vec<&str> = e.propose_replication.iter().map(|l| l.text.as_str()).collect();
        fact(&mut doc, "Đề xuất nhân rộng tại", Some(&places.join(", ")));
    }
    doc.push(Paragraph::heading("II. BIỂU DƯƠNG, KHEN THƯỞNG TRONG KỲ"));
    if page.recognitions.is_empty() {
        doc.push(Paragraph::body("Không có."));
    } else {
        recognitions(&mut doc, &page.recognitions, true);
    }
    doc.push(Paragraph::heading("III. KHÓ KHĂN, VƯỚNG MẮC"));
    doc.push(Paragraph::body(page.difficulties.clone().unwrap_or_else(|| "Không nêu.".to_owned())));
    doc.push(Paragraph::heading("IV. KIẾN NGHỊ, ĐỀ XUẤT"));
    doc.push(Paragraph::body(page.proposals.clone().unwrap_or_else(|| "Không nêu.".to_owned())));
    party::foot(&mut doc, &page.document);
    doc.to_bytes(&Properties { title: page.title.clone(), author: page.document.committee.clone(), date })
}
