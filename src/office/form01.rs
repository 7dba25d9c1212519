//! Biểu mẫu 01 (the plan of a model) as a Word file, from the model page's context: the
//! Party document header, the general facts (with the model it replicates or carries on),
//! the retirement when it was dropped, the five criteria each with its facts and the text of
//! its body section, what a củng cố model consolidates (SPEC §8.3), the recognitions and the
//! signature block: what the page prints. No internal code is printed.

use crate::office::docx::{Cell, Document, Paragraph, Properties, Table};
use crate::office::form03::{body, fact, recognitions};
use crate::office::party;
use crate::parse::markdown::BlockKind;
use crate::render::context::model::ModelPage;

/// The `.docx` of a model page; `sections` holds the text blocks of the five criterion
/// sections of the body (empty when absent).
pub fn plan_docx(page: &ModelPage, sections: &[Vec<(BlockKind, &str)>; 5], date: String) -> Vec<u8> {
    let mut doc = Document::default();
    party::head(&mut doc, &page.document);
    doc.push(Paragraph::heading("I. THÔNG TIN CHUNG"));
    fact(&mut doc, "Chi bộ, đảng bộ thực hiện", page.org.as_ref().map(|l| l.text.as_str()));
    let subject_label = page.subject.kind.as_ref().map_or("Chủ thể", |k| k.label.as_str());
    let mut subject = page.subject.name.clone();
    if let Some(position) = &page.subject.position {
        subject.push_str(&format!(", {position}"));
    }
    fact(&mut doc, subject_label, Some(&subject));
    fact(&mut doc, "Nhóm mô hình", page.group.as_ref().map(|l| l.text.as_str()));
    fact(&mut doc, "Cách thức", page.approach.as_ref().map(|c| c.label.as_str()));
    let time = match (&page.start, &page.end) {
        (Some(start), Some(end)) => Some(format!("từ {start} đến {end}")),
        (Some(start), None) => Some(format!("từ {start}")),
        _ => None,
    };
    fact(&mut doc, "Thời gian thực hiện", time.as_deref());
    fact(&mut doc, "Nhân rộng từ mô hình", page.source_model.as_ref().map(|l| l.text.as_str()));
    fact(&mut doc, "Tiếp nối mô hình", page.previous_model.as_ref().map(|l| l.text.as_str()));
    let mut part = Numbering(1);
    if let Some(r) = &page.retirement {
        doc.push(Paragraph::heading(part.next("MÔ HÌNH ĐÃ LOẠI BỎ")));
        fact(&mut doc, "Ngày loại bỏ", r.date.as_deref());
        fact(&mut doc, "Lý do", r.reason.as_deref());
        fact(&mut doc, "Mô hình thay thế", r.replacement.as_ref().map(|l| l.text.as_str()));
    }
    doc.push(Paragraph::heading(part.next("NỘI DUNG KẾ HOẠCH THEO NĂM TIÊU CHÍ")));

    let c = &page.learning;
    doc.push(Paragraph::heading(format!("{}. {}", c.number, strip_number(&c.heading))));
    let topics: Vec<&str> = c.facts.topics.iter().map(|t| t.text.as_str()).collect();
    fact(&mut doc, "Chuyên đề, tác phẩm học tập", Some(&topics.join("; ")));
    fact(&mut doc, "Nội dung làm theo", c.facts.summary.as_deref());
    fact(&mut doc, "Lời Bác", c.facts.quote.as_deref());
    fact(&mut doc, "Gắn với", Some(&c.facts.alignment.join("; ")));
    body(&mut doc, &sections[0]);

    let c = &page.necessity;
    doc.push(Paragraph::heading(format!("{}. {}", c.number, strip_number(&c.heading))));
    let reasons: Vec<&str> = c.facts.reasons.iter().map(|r| r.label.as_str()).collect();
    fact(&mut doc, "Sự cần thiết", Some(&reasons.join("; ")));
    fact(&mut doc, "Sự cần thiết khác", c.facts.other.as_deref());
    fact(&mut doc, "Hạn chế được chỉ ra tại", c.facts.identified_in.as_deref());
    body(&mut doc, &sections[1]);

    let c = &page.measures;
    doc.push(Paragraph::heading(format!("{}. {}", c.number, strip_number(&c.heading))));
    let kinds: Vec<&str> = c.facts.kinds.iter().map(|k| k.label.as_str()).collect();
    fact(&mut doc, "Nhóm biện pháp", Some(&kinds.join("; ")));
    fact(&mut doc, "Phụ trách, theo dõi", c.facts.responsible.as_deref());
    body(&mut doc, &sections[2]);
    if !c.facts.milestones.is_empty() {
        let mut rows = vec![vec![Cell::head("Thời gian"), Cell::head("Công việc")]];
        for m in &c.facts.milestones {
            rows.push(vec![
                Cell::text(m.date.clone().unwrap_or_default()),
                Cell::text(m.task.clone().unwrap_or_default()),
            ]);
        }
        doc.push(Table::grid(&[20, 80], 1, rows));
    }

    let c = &page.effectiveness;
    doc.push(Paragraph::heading(format!("{}. {}", c.number, strip_number(&c.heading))));
    fact(&mut doc, "Hiệu quả dự kiến về nhận thức", c.facts.awareness.as_deref());
    fact(&mut doc, "Hiệu quả dự kiến về thái độ", c.facts.attitude.as_deref());
    fact(&mut doc, "Hiệu quả dự kiến về chuyển biến hành động", c.facts.action.as_deref());
    fact(&mut doc, "Hiệu quả xã hội", c.facts.social_effect.as_deref());
    body(&mut doc, &sections[3]);
    if !c.facts.indicators.is_empty() {
        let mut rows = vec![vec![
            Cell::head("Chỉ số"),
            Cell::head("Đơn vị tính"),
            Cell::head("Trước khi thực hiện"),
            Cell::head("Mục tiêu"),
        ]];
        for i in &c.facts.indicators {
            let n = |v: &Option<String>| Cell::number(v.clone().unwrap_or_default());
            rows.push(vec![Cell::text(&i.name), Cell::text(&i.unit), n(&i.baseline), n(&i.target)]);
        }
        doc.push(Table::grid(&[50, 16, 17, 17], 1, rows));
    }

    let c = &page.replication;
    doc.push(Paragraph::heading(format!("{}. {}", c.number, strip_number(&c.heading))));
    fact(&mut doc, "Mức đầu tư", c.facts.cost.as_ref().map(|v| v.label.as_str()));
    fact(&mut doc, "Yêu cầu trình độ", c.facts.requirements.as_ref().map(|v| v.label.as_str()));
    fact(&mut doc, "Sơ kết, biểu dương, tuyên truyền", c.facts.spread.as_deref());
    body(&mut doc, &sections[4]);
    if !c.facts.targets.is_empty() {
        let mut rows = vec![vec![Cell::head("Đơn vị, nơi áp dụng"), Cell::head("Điểm tương đồng")]];
        for t in &c.facts.targets {
            let place = t.org.as_ref().map(|l| l.text.clone()).or_else(|| t.name.clone()).unwrap_or_default();
            rows.push(vec![Cell::text(place), Cell::text(t.similarity.clone().unwrap_or_default())]);
        }
        doc.push(Table::grid(&[35, 65], 1, rows));
    }
    if let Some(r) = &page.revision {
        doc.push(Paragraph::heading(part.next("NỘI DUNG CỦNG CỐ, NÂNG CAO")));
        fact(&mut doc, "Mô hình trước", r.previous.as_deref());
        fact(&mut doc, "Năm bắt đầu mô hình cũ", r.since.map(|y| y.to_string()).as_deref());
        if !r.changes.is_empty() {
            let mut rows = vec![vec![Cell::head("Tiêu chí"), Cell::head("Nội dung củng cố")]];
            rows.extend(
                r.changes
                    .iter()
                    .map(|c| vec![Cell::text(&c.criterion_label), Cell::text(c.text.clone().unwrap_or_default())]),
            );
            doc.push(Table::grid(&[30, 70], 1, rows));
        }
    }
    if !page.recognition.is_empty() {
        doc.push(Paragraph::heading(part.next("BIỂU DƯƠNG, KHEN THƯỞNG")));
        recognitions(&mut doc, &page.recognition, false);
    }
    party::foot(&mut doc, &page.document);
    doc.to_bytes(&Properties { title: page.title.clone(), author: page.document.committee.clone(), date })
}

/// The Roman numbering of the plan's parts, the general facts being I.
struct Numbering(usize);

impl Numbering {
    /// The next part's heading: "II. NỘI DUNG …" (a plan has at most five parts).
    fn next(&mut self, title: &str) -> String {
        const ROMAN: [&str; 5] = ["I", "II", "III", "IV", "V"];
        self.0 += 1;
        match ROMAN.get(self.0 - 1) {
            Some(numeral) => format!("{numeral}. {title}"),
            None => format!("{}. {title}", self.0),
        }
    }
}

/// A body heading without its own numbering ("1. Nội dung học tập Bác" → "Nội dung học tập Bác").
fn strip_number(heading: &str) -> &str {
    let rest = heading.trim_start_matches(|c: char| c.is_ascii_digit() || c == '(' || c == ')');
    let rest = rest.trim_start_matches(['.', ')', ' ']);
    if rest.is_empty() { heading } else { rest }
}
