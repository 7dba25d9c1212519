//! Markdown events made safe to write as HTML: raw HTML is shown as text, link and image
//! addresses are limited to safe schemes (site-absolute ones get the base path), headings
//! are demoted so the page title stays the only `<h1>`, and text loses the control characters
//! no page shows (see `parse::controls`).

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use crate::parse::controls::without_xml_forbidden;

/// URL schemes a body may link to; anything else becomes `#`.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The event as it may be written into a page published under `base_path` (`/` or
/// `/sub/path/`).
pub fn make_safe<'a>(event: Event<'a>, base_path: &str) -> Event<'a> {
    match event {
        Event::Html(text) | Event::InlineHtml(text) | Event::Text(text) => Event::Text(visible(text)),
        Event::Code(text) => Event::Code(visible(text)),
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

/// `text` without the control characters a body may hold as they are (HTML calls them
/// errors, and no browser shows them the same way).
fn visible(text: CowStr<'_>) -> CowStr<'_> {
    if let Cow::Owned(kept) = without_xml_forbidden(&text) {
        return CowStr::from(kept);
    }
    text
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
