//! `site.yml`'s reading errors in Vietnamese: serde's words (`invalid u64`, `unknown field`,
//! `missing field`, …) become what the editor wrote wrong, where, and what is allowed.

/// The Vietnamese text of a `site.yml` reading error, with its line and column.
pub fn explain(error: &serde_saphyr::Error) -> String {
    let inner = error.without_snippet().to_string();
    // serde-saphyr writes "error: line L column C: message".
    let message = inner.strip_prefix("error: ").unwrap_or(&inner);
    let message = message.split_once(": ").filter(|(at, _)| at.starts_with("line ")).map_or(message, |(_, m)| m);
    let at = error.location().map(|l| format!(" (dòng {}, cột {})", l.line(), l.column())).unwrap_or_default();
    let message = message.lines().next().unwrap_or_default();
    // The place is said once, in Vietnamese, before the message.
    let message =
        message.rsplit_once(" at line ").filter(|(_, place)| place.contains("column")).map_or(message, |(m, _)| m);
    format!("site.yml không hợp lệ{at}: {}", in_vietnamese(message))
}

/// serde's message in Vietnamese; one not recognised is kept as written after a lead.
fn in_vietnamese(message: &str) -> String {
    let quoted = |text: &str| text.split('`').nth(1).unwrap_or_default().to_owned();
    let choices = |text: &str| text.split_once("expected one of ").map(|(_, list)| list.trim().to_owned());
    if message.starts_with("unknown field") {
        let allowed = choices(message).map(|list| format!("; các khóa dùng được: {list}")).unwrap_or_default();
        return format!("khóa `{}` không có trong site.yml (viết sai tên khóa?){allowed}", quoted(message));
    }
    if message.starts_with("unknown variant") {
        let allowed = choices(message).map(|list| format!("; chọn một trong: {list}")).unwrap_or_default();
        return format!("giá trị `{}` không hợp lệ{allowed}", quoted(message));
    }
    if message.starts_with("missing field") {
        return format!("thiếu khóa bắt buộc `{}`", quoted(message));
    }
    if message.starts_with("duplicate field") {
        return format!("khóa `{}` được viết hai lần", quoted(message));
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or_default().trim();
        return format!("khóa `{key}` được viết hai lần; giữ một dòng");
    }
    let lower = message.to_ascii_lowercase();
    if lower.contains("boolean") || lower.contains("bool") {
        return "giá trị phải là `true` (có) hoặc `false` (không)".to_owned();
    }
    if ["u64", "i64", "u32", "i32", "usize", "integer"].iter().any(|t| lower.contains(t)) {
        return "giá trị phải là một số nguyên, viết bằng chữ số (ví dụ `24`)".to_owned();
    }
    // guong's own checks of a value already speak Vietnamese.
    if !message.is_ascii() && !lower.contains("expected") {
        return message.to_owned();
    }
    if lower.contains("end of input") {
        return "tệp trống hoặc kết thúc giữa chừng; cần ít nhất dòng `title: …`".to_owned();
    }
    if lower.contains("expected string") {
        return "giá trị phải là một chuỗi văn bản (đặt trong ngoặc kép nếu có dấu `:` `[` `{` `#`)".to_owned();
    }
    if lower.contains("invalid type") || lower.contains("expected") {
        return "giá trị không đúng kiểu; xem mẫu site.yml trong README".to_owned();
    }
    "không đọc được: lỗi cú pháp YAML; kiểm tra thụt lề, dấu `:` và ngoặc kép ở vị trí này".to_owned()
}

#[cfg(test)]
mod tests {
    use crate::content::site_config::SiteConfig;

    fn error(text: &str) -> String {
        SiteConfig::parse(text).err().unwrap()
    }

    #[test]
    fn reading_errors_name_the_mistake_and_its_place_in_vietnamese() {
        assert_eq!(
            error("title: T\nper_page: nhieu\n"),
            "site.yml không hợp lệ (dòng 2, cột 11): giá trị phải là một số nguyên, viết bằng chữ số (ví dụ `24`)"
        );
        assert_eq!(
            error("title: T\npublish_reports: co\n"),
            "site.yml không hợp lệ (dòng 2, cột 18): giá trị phải là `true` (có) hoặc `false` (không)"
        );
        let unknown = error("title: T\ntitel: a\n");
        assert!(
            unknown.starts_with("site.yml không hợp lệ (dòng 2, cột 1): khóa `titel` không có trong site.yml"),
            "{unknown}"
        );
        assert!(unknown.contains("các khóa dùng được: title, base_url"), "{unknown}");
        let variant = error("title: T\ncms: {backend: gitea, repo: a/b}\n");
        assert!(variant.contains("giá trị `gitea` không hợp lệ; chọn một trong:"), "{variant}");
        let missing = error("title: T\ncms: {backend: github}\n");
        assert!(missing.contains("thiếu khóa bắt buộc `repo`"), "{missing}");
        assert_eq!(
            error(""),
            "site.yml không hợp lệ (dòng 1, cột 1): tệp trống hoặc kết thúc giữa chừng; cần ít nhất dòng `title: …`"
        );
        let bracket = error("title: T\nlanguage: [vi\n");
        assert!(bracket.starts_with("site.yml không hợp lệ (dòng 2, cột "), "{bracket}");
        assert_eq!(
            error("title: T\ntitle: U\n"),
            "site.yml không hợp lệ (dòng 2, cột 1): khóa `title` được viết hai lần; giữ một dòng"
        );
        let recipients = error("title: T\nrecipients: a\n");
        for text in [unknown, variant, missing, bracket, recipients] {
            assert!(
                !text.contains("expected") && !text.contains("input") && !text.contains(" at line "),
                "English in {text}"
            );
            assert!(!text.contains("-->") && !text.contains("error:"), "{text}");
        }
    }
}
