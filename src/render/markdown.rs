//! Markdown to safe HTML: raw HTML is shown as text, link and image addresses are limited
//! to safe schemes, and headings are demoted so the page title stays the only `<h1>`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

use crate::parse::markdown::{Body, options};

/// URL schemes a body may link to; anything else becomes `#`.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Renders editor Markdown to HTML that is safe to insert into a page.
///
/// `base_path` (`/` or `/sub/path/`) is put in front of site-absolute links (`/mo-hinh/x/`)
/// so they keep working when the site is published under a sub-path.
pub fn to_html(markdown: &str, base_path: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(|event| make_safe(event, base_path));
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    html::push_html(&mut out, events);
    out
}

/// The part of a body before its first `##` section.
pub fn intro(body: &Body) -> &str {
    let first_h2 = Parser::new_ext(&body.markdown, options()).into_offset_iter().find_map(|(event, range)| {
        matches!(event, Event::Start(Tag::Heading { level: HeadingLevel::H2, .. })).then_some(range.start)
    });
    &body.markdown[..first_h2.unwrap_or(body.markdown.len())]
}

fn make_safe<'a>(event: Event<'a>, base_path: &str) -> Event<'a> {
    match event {
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: demote(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url, base_path), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url, base_path), title, id })
        }
        other => other,
    }
}

/// A body `#` heading would compete with the page title.
fn demote(level: HeadingLevel) -> HeadingLevel {
    if level == HeadingLevel::H1 { HeadingLevel::H2 } else { level }
}

/// The address unchanged when relative or of an allowed scheme, `#` otherwise.
///
/// Browsers ignore tabs, newlines and leading spaces or control characters in a scheme
/// (`java\tscript:`), so the scheme is read after removing them.
fn safe_url<'a>(url: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    let cleaned: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    match scheme_of(&cleaned) {
        Some(scheme) if ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) => url,
        Some(_) => CowStr::Borrowed("#"),
        None if cleaned.starts_with('/') && !cleaned.starts_with("//") => {
            CowStr::from(format!("{base_path}{}", &cleaned[1..]))
        }
        None => url,
    }
}

/// The scheme of an absolute URL: the text before the first `:` when no `/`, `?` or `#`
/// comes first.
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    (url.as_bytes()[end] == b':').then(|| &url[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Xin <b>chào</b>\n\n<script>alert(1)</script>\n", "/");
        assert!(html.contains("Xin &lt;b&gt;chào&lt;/b&gt;"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
    }

    #[test]
    fn dangerous_link_schemes_become_hash() {
        for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java%09script:x", "vbscript:x", "data:text/html,x"] {
            let html = to_html(&format!("[x]({bad}) ![y]({bad})"), "/");
            assert!(html.contains("<a href=\"#\">") && html.contains("<img src=\"#\""), "{bad}: {html}");
        }
        let html = to_html("[x](<java\tscript:alert(1)>)", "/");
        assert!(html.contains("href=\"#\""), "{html}");
    }

    #[test]
    fn safe_links_are_kept_and_site_links_get_the_base_path() {
        let html = to_html(
            "[a](https://x.vn/a?b=1) [b](mailto:a@b.vn) [c](tel:+84123) [d](../khac/) [e](/mo-hinh/x/) [f](#muc)",
            "/sub/",
        );
        for href in ["https://x.vn/a?b=1", "mailto:a@b.vn", "tel:+84123", "../khac/", "/sub/mo-hinh/x/", "#muc"] {
            assert!(html.contains(&format!("href=\"{href}\"")), "{href}: {html}");
        }
    }

    #[test]
    fn headings_are_demoted_and_intro_stops_at_the_first_section() {
        assert_eq!(to_html("# Tựa\n", "/"), "<h2>Tựa</h2>\n");
        let body = Body::new("Mở đầu.\n\n## 1. Nội dung\n\nChữ.\n".into(), 1);
        assert_eq!(intro(&body), "Mở đầu.\n\n");
        assert_eq!(intro(&Body::new("Chỉ có mở đầu.\n".into(), 1)), "Chỉ có mở đầu.\n");
    }
}
