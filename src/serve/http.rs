//! Answering one HTTP request: files of the current build (HTML with the live-reload tag
//! and, after a failed rebuild, the error overlay), the event stream, the CMS's local
//! backend (`POST /api/v1`), and error pages.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc::{Sender, channel};

use tiny_http::{Header, Method, Request, Response, StatusCode};

use crate::cms::ADMIN_FOLDER;
use crate::serve::guard::{Guard, MAX_BODY};
use crate::serve::live::{self, EVENTS_PATH, SCRIPT, SCRIPT_PATH};
use crate::serve::local_backend::{LocalBackend, MAX_MEDIA};
use crate::serve::overlay::{self, STYLE, STYLE_PATH};
use crate::serve::paths::parse;
use crate::serve::render::{Message, Reply};
use crate::serve::state::Shared;

type Answer = Response<std::io::Cursor<Vec<u8>>>;

/// Where Decap CMS's local backend protocol is answered.
pub const API_PATH: &str = "/api/v1";

/// The largest body of a local backend call: the largest upload, base64-encoded, and its
/// JSON around it.
const API_LIMIT: usize = MAX_MEDIA / 3 * 4 + 64 * 1024;

/// The largest declared body refused with a 413 (tiny_http then drains it into a buffer of
/// that size); a request declaring more is dropped unanswered.
const MAX_DRAIN: usize = 64 * 1024 * 1024;

/// Answers `request`; files are rendered by the site thread behind `site`. `backend` is the
/// CMS's local backend, present only when serving on loopback.
pub fn handle(request: Request, guard: Guard, shared: &Shared, site: &Sender<Message>, backend: Option<&LocalBackend>) {
    let is_api = request.method() == &Method::Post && request.url().split('?').next() == Some(API_PATH);
    if let Err((status, why)) = guard.admit(&request, if is_api { API_LIMIT } else { MAX_BODY }) {
        if request.body_length().is_some_and(|length| length > MAX_DRAIN) {
            // tiny_http drains a body left unread into one buffer of its declared size when
            // the request is dropped: a lying `Content-Length` would abort the process. Such
            // a request is left unanswered and its connection abandoned.
            std::mem::forget(request);
            return;
        }
        let mut response = text(status, &why);
        response.add_header(Header::from_bytes("Connection", "close").expect("a valid header"));
        let _ = request.respond(response);
        return;
    }
    if is_api {
        let response = api(request, backend, site);
        let _ = response.0.respond(response.1);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(text(405, "Chỉ hỗ trợ GET và HEAD\n"));
        return;
    }
    let url = request.url().to_owned();
    let response = match url.split('?').next().unwrap_or_default() {
        EVENTS_PATH => {
            let updates = shared.hub.subscribe();
            let generation = shared.generation();
            let _ = live::stream(request.into_writer(), generation, &updates);
            return;
        }
        SCRIPT_PATH => typed(200, SCRIPT.as_bytes().to_vec(), "text/javascript; charset=utf-8"),
        STYLE_PATH => typed(200, STYLE.as_bytes().to_vec(), "text/css; charset=utf-8"),
        _ => site_file(shared, site, &url),
    };
    let _ = request.respond(response);
}

fn site_file(shared: &Shared, site: &Sender<Message>, url: &str) -> Answer {
    let Some(wanted) = parse(url) else { return text(403, "Không được phép truy cập đường dẫn này\n") };
    let (reply, answer) = channel();
    if site.send(Message::Render { wanted, reply }).is_err() {
        return text(503, "Máy chủ đang dừng\n");
    }
    let problem = shared.problem().map(|p| overlay::overlay(&p));
    let problem = problem.as_deref();
    let generation = shared.generation();
    match answer.recv() {
        // The CMS page is an application: a reload would lose the editor's unsaved work.
        Ok(Reply::File { path, bytes }) if is_html(&path) && !path.starts_with(ADMIN_FOLDER) => {
            html(200, &bytes, generation, problem)
        }
        Ok(Reply::File { path, bytes }) => typed(200, bytes.to_vec(), content_type(Path::new(&path))),
        Ok(Reply::AddSlash) => {
            let (path, query) = url.split_once('?').map_or((url, String::new()), |(p, q)| (p, format!("?{q}")));
            let mut response = text(301, "");
            // One leading slash: `//host/x` would send the browser to another host.
            let path = path.trim_start_matches('/');
            if let Ok(header) = Header::from_bytes("Location", format!("/{path}/{query}").as_bytes()) {
                response.add_header(header);
            }
            response
        }
        Ok(Reply::NotFound(Some(page))) => html(404, &page, generation, problem),
        Ok(Reply::NotFound(None)) => text(404, "Không tìm thấy trang\n"),
        Ok(Reply::Error(message)) => {
            let page = overlay::placeholder_page(&overlay::Problem::Other(message));
            html(500, page.as_bytes(), generation, None)
        }
        Ok(Reply::NoSite) | Err(_) => {
            let page = shared.problem().map_or_else(
                || "<!DOCTYPE html><html lang=\"vi\"><body><p>Đang dựng trang…</p></body></html>".to_owned(),
                |p| overlay::placeholder_page(&p),
            );
            html(503, page.as_bytes(), generation, None)
        }
    }
}

/// Answers one call of the local backend; the site thread is told of the files it changed.
fn api(mut request: Request, backend: Option<&LocalBackend>, site: &Sender<Message>) -> (Request, Answer) {
    let Some(backend) = backend else {
        let answer = json(
            403,
            &serde_json::json!({"error": "Chỉ biên tập được khi guong serve chạy trên địa chỉ loopback (127.0.0.1, ::1)"}),
        );
        return (request, answer);
    };
    if let Err(why) = same_site(&request) {
        return (request, json(403, &serde_json::json!({ "error": why })));
    }
    let mut body = Vec::new();
    let limit = API_LIMIT as u64;
    if request.as_reader().take(limit + 1).read_to_end(&mut body).is_err() || body.len() as u64 > limit {
        return (request, json(413, &serde_json::json!({"error": "Yêu cầu quá lớn"})));
    }
    let answer = backend.answer(&body);
    if !answer.changed.is_empty() {
        let _ = site.send(Message::Changed(answer.changed));
    }
    (request, json(answer.status, &answer.body))
}

/// Refuses calls a web page of another site could make through the editor's browser: the
/// body must be JSON (a cross-site page cannot send that without a preflight this server
/// never allows) and `Origin`, when sent, this very server. (The `Host` was checked by
/// [`Guard`]: on loopback, only loopback names pass, so no DNS rebinding.)
fn same_site(request: &Request) -> Result<(), String> {
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str())
    };
    if !header("Content-Type").is_some_and(|t| t.trim_start().starts_with("application/json")) {
        return Err("Yêu cầu phải có Content-Type: application/json".to_owned());
    }
    let host = header("Host").unwrap_or_default();
    match header("Origin") {
        Some(origin) if origin != format!("http://{host}") => Err(format!("Không nhận yêu cầu từ trang `{origin}`")),
        _ => Ok(()),
    }
}

fn json(status: u16, body: &serde_json::Value) -> Answer {
    typed(status, body.to_string().into_bytes(), "application/json")
}

/// An HTML page with the live-reload tag (and the overlay, when given) before `</body>`.
fn html(status: u16, page: &[u8], generation: u64, problem: Option<&str>) -> Answer {
    let snippet = format!("{}{}", problem.unwrap_or_default(), live::script_tag(generation));
    let page = live::inject(&String::from_utf8_lossy(page), &snippet);
    typed(status, page.into_bytes(), "text/html; charset=utf-8")
}

fn text(status: u16, body: &str) -> Answer {
    typed(status, body.as_bytes().to_vec(), "text/plain; charset=utf-8")
}

fn typed(status: u16, body: Vec<u8>, kind: &str) -> Answer {
    let mut response = Response::from_data(body).with_status_code(StatusCode(status));
    for (name, value) in [("Content-Type", kind), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
    {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    response
}

fn is_html(path: &str) -> bool {
    path.rsplit('.').next().is_some_and(|e| e.eq_ignore_ascii_case("html"))
}

/// The `Content-Type` of a file of the built site, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type(Path::new("a/index.html")), "text/html; charset=utf-8");
        assert_eq!(content_type(Path::new("style.3f9a1c2b.css")), "text/css; charset=utf-8");
        assert_eq!(content_type(Path::new("tim-kiem/a.JSON")), "application/json");
        assert_eq!(content_type(Path::new("admin/config.yml")), "text/yaml; charset=utf-8");
        assert_eq!(content_type(Path::new("tong-hop-2023-ca-nam.csv")), "text/csv; charset=utf-8");
        assert_eq!(
            content_type(Path::new("mo-hinh/x/x.docx")),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        assert_eq!(
            content_type(Path::new("tong-hop-2023-ca-nam.xlsx")),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(content_type(Path::new("LICENSE")), "application/octet-stream");
    }
}
