//! HTML escaping for the few places that write markup by hand (charts, the serve overlay,
//! diagnostic messages): templates escape by themselves.

/// Escapes `text` for HTML or XML content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape_html`] does. The five special characters
/// are ASCII, so the text is scanned byte by byte and copied a run at a time.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// A diagnostic message as HTML: escaped, with its `backticked` names as `<code>`.
pub fn message_html(message: &str) -> String {
    message_html_naming(message, |_| None)
}

/// A diagnostic message as HTML for readers: a `backticked` name that `name` knows (a model's
/// id, say) becomes the HTML it gives (a link with the model's title), the others `<code>`.
pub fn message_html_naming(message: &str, name: impl Fn(&str) -> Option<String>) -> String {
    let parts: Vec<&str> = message.split('`').collect();
    // With an odd number of backticks, the last one is unpaired and stays as written.
    let balanced = parts.len() % 2 == 1;
    let mut out = String::with_capacity(message.len() + 16);
    for (index, part) in parts.iter().enumerate() {
        let odd = index % 2 == 1;
        if odd && (balanced || index + 1 < parts.len()) {
            match name(part) {
                Some(html) => out.push_str(&html),
                None => out.push_str(&format!("<code>{}</code>", escape_html(part))),
            }
        } else {
            if odd {
                out.push('`');
            }
            out.push_str(&escape_html(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_show_backticked_names_as_code() {
        assert_eq!(message_html("Đơn vị `cb-<x>` chưa có mô hình"), "Đơn vị <code>cb-&lt;x&gt;</code> chưa có mô hình");
        assert_eq!(message_html("a `b"), "a `b");
        assert_eq!(message_html("không có"), "không có");
    }

    #[test]
    fn readers_see_the_names_given_for_backticked_ids() {
        let name = |id: &str| (id == "cb-a").then(|| "<a href=\"/don-vi/cb-a/\">Chi bộ A</a>".to_owned());
        assert_eq!(
            message_html_naming("Đơn vị `cb-a` thiếu `status: x`", name),
            "Đơn vị <a href=\"/don-vi/cb-a/\">Chi bộ A</a> thiếu <code>status: x</code>"
        );
    }

    #[test]
    fn escapes_the_five_special_characters() {
        assert_eq!(
            escape_html(r#"<a href="x">Tô & 'Lê'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tô &amp; &#39;Lê&#39;&lt;/a&gt;"
        );
    }
}
