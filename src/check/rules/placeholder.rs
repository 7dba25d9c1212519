//! F-PLACEHOLDER in bodies: a Markdown line still holding the guidance text `guong new` wrote
//! (the front-matter values are reported by the schema rules).

use crate::content::schema::PLACEHOLDER_MARK;
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::markdown::Body;

/// Reports every body line of the file at `path` that still holds placeholder text.
pub fn check_body(path: &str, body: &Body, out: &mut Vec<Diagnostic>) {
    if !body.markdown.contains(PLACEHOLDER_MARK) {
        return;
    }
    for (index, text) in body.markdown.lines().enumerate() {
        let Some(byte) = text.find(PLACEHOLDER_MARK) else { continue };
        let line = body.first_line + index;
        let section = body.sections.iter().rev().find(|s| s.line < line);
        let message = match section {
            Some(section) => format!("Mục \"## {}\" vẫn còn nội dung mẫu, cần điền", section.title),
            None => "Phần nội dung vẫn còn nội dung mẫu, cần điền".to_owned(),
        };
        out.push(
            Diagnostic::new(Code::FPlaceholder, path, Pos::new(line, text[..byte].chars().count() + 1), message)
                .with_hint("thay đoạn «Cần điền: …» bằng nội dung thật"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_each_placeholder_line_with_its_section() {
        let body = Body::new("Mở đầu «Cần điền: a»\n\n## 2. Sự cần thiết\n\nxx «Cần điền: b»\nđủ\n".into(), 10);
        let mut out = Vec::new();
        check_body("content/mo-hinh/a.md", &body, &mut out);
        let found: Vec<_> = out.iter().map(|d| (d.code, d.line, d.column, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (Code::FPlaceholder, 10, 8, "Phần nội dung vẫn còn nội dung mẫu, cần điền"),
                (Code::FPlaceholder, 14, 4, "Mục \"## 2. Sự cần thiết\" vẫn còn nội dung mẫu, cần điền"),
            ]
        );
    }
}
