//! The error overlay: when a rebuild fails, served pages (still from the last good build)
//! carry a panel listing what must be fixed, in the `guong check` words and positions.

use crate::check::format::visible::visible;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::escape::escape_html as escape;

/// Address of the overlay's stylesheet.
pub const STYLE_PATH: &str = "/__guong/overlay.css";

/// The overlay's stylesheet, served as a file so a strict Content-Security-Policy allows it.
pub const STYLE: &str = "#guong-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
margin:0;padding:1rem 1.25rem;background:#fff8f6;color:#1a1a1a;border-top:4px solid #b3261e;\
box-shadow:0 -4px 16px rgba(0,0,0,.25);font:15px/1.5 system-ui,sans-serif}\
#guong-overlay h2{margin:0 0 .5rem;font-size:1.1rem;color:#8c1d18}\
#guong-overlay ol{margin:0;padding-left:1.5rem}#guong-overlay li{margin:.35rem 0}\
#guong-overlay code{font:13px/1.4 ui-monospace,monospace;background:#f3e3e0;padding:0 .25rem}\
#guong-overlay .goi-y{color:#444}\n";

/// Why the last rebuild produced no site.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Content errors, as `guong check` reports them.
    Content(Vec<Diagnostic>),
    /// Anything else (a template error, an unreadable file), already in Vietnamese.
    Other(String),
}

impl Problem {
    /// One line for the terminal: the error count, or the first line of the message (its
    /// control characters escaped).
    pub fn summary(&self) -> String {
        match self {
            Problem::Content(diagnostics) => {
                format!("{} lỗi", diagnostics.iter().filter(|d| d.severity == Severity::Error).count())
            }
            Problem::Other(message) => visible(message.lines().next().unwrap_or_default()).into_owned(),
        }
    }
}

/// Most diagnostics the overlay lists (the rest are counted).
const SHOWN: usize = 50;

/// The overlay markup for `problem`, laid over a page of the last good build.
pub fn overlay(problem: &Problem) -> String {
    panel(problem, " Đang hiển thị bản dựng trước.", true)
}

/// The panel listing `problem`; `shown` says what the page under it is, `again` whether a
/// build succeeded before ("Chưa dựng lại được" rather than "Chưa dựng được").
fn panel(problem: &Problem, shown: &str, again: bool) -> String {
    let again = if again { " lại" } else { "" };
    let mut html = format!(
        "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\"><aside id=\"guong-overlay\" role=\"alert\" lang=\"vi\">"
    );
    match problem {
        Problem::Content(diagnostics) => {
            let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
            html.push_str(&format!("<h2>Chưa dựng{again} được trang: {} lỗi.{shown}</h2><ol>", errors.len()));
            for d in errors.iter().take(SHOWN) {
                html.push_str(&format!(
                    "<li><code>{}:{}:{}</code> [{}] {}",
                    escape(&d.path),
                    d.line,
                    d.column,
                    d.code.as_str(),
                    escape(&d.message)
                ));
                if let Some(hint) = &d.hint {
                    html.push_str(&format!("<br><span class=\"goi-y\">gợi ý: {}</span>", escape(hint)));
                }
                html.push_str("</li>");
            }
            html.push_str("</ol>");
            if errors.len() > SHOWN {
                html.push_str(&format!(
                    "<p>… và {} lỗi khác; chạy <code>guong check</code> để xem đủ.</p>",
                    errors.len() - SHOWN
                ));
            }
        }
        Problem::Other(message) => {
            html.push_str(&format!("<h2>Chưa dựng{again} được trang.{shown}</h2>"));
            html.push_str(&format!("<pre>{}</pre>", escape(message)));
        }
    }
    html.push_str("</aside>");
    html
}

/// The page served when there is no page to show (no build succeeded yet, or the page
/// itself failed): only the panel, which then speaks of no previous build.
pub fn placeholder_page(problem: &Problem) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>guong serve: có lỗi</title></head>\
         <body><main><h1>Trang chưa dựng được</h1><p>Sửa các lỗi bên dưới; trang tự tải lại khi dựng xong.</p></main>\
         {}</body></html>",
        panel(problem, "", false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Pos};

    #[test]
    fn lists_errors_escaped_with_positions_and_hints() {
        let diagnostics = vec![
            Diagnostic::new(Code::PHtmlUnsafe, "content/mo-hinh/a.md", Pos::new(12, 3), "Mã `<script` bị cấm")
                .with_hint("xóa thẻ"),
            Diagnostic::new(Code::PUnknownKey, "content/mo-hinh/a.md", Pos::new(4, 1), "cảnh báo"),
        ];
        let html = overlay(&Problem::Content(diagnostics));
        assert!(html.contains("<h2>Chưa dựng lại được trang: 1 lỗi. Đang hiển thị bản dựng trước.</h2>"), "{html}");
        assert!(html.contains("<code>content/mo-hinh/a.md:12:3</code> [P-HTML-UNSAFE] Mã `&lt;script` bị cấm"));
        assert!(html.contains("gợi ý: xóa thẻ"));
        assert!(!html.contains("cảnh báo"), "warnings do not block a build");
    }

    #[test]
    fn other_failures_show_their_message() {
        let html = placeholder_page(&Problem::Other("mẫu `base.html` dòng 3: lỗi <x>".into()));
        assert!(html.contains("<pre>mẫu `base.html` dòng 3: lỗi &lt;x&gt;</pre>"));
        assert!(html.contains("<h2>Chưa dựng được trang.</h2>"), "no previous build is shown: {html}");
        assert!(!html.contains("bản dựng trước"), "{html}");
        assert!(html.starts_with("<!DOCTYPE html>"));
    }
}
