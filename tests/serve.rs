//! `guong serve`: pages over HTTP, live reload over Server-Sent Events after an edit, the
//! error overlay while the content does not check, and no path outside the built site.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TempSite;

const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";
const MODEL_PAGE: &str = "/mo-hinh/mh-mot-cua-than-thien/";

/// A running `guong serve`, stopped when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:port`
    address: String,
}

impl Server {
    fn start(site: &TempSite) -> Server {
        Server::start_on(site, "127.0.0.1")
    }

    fn start_on(site: &TempSite, bind: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_guong"))
            .args(["--root", site.dir.to_str().unwrap(), "serve", "--bind", bind, "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start guong serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = loop {
            let line = lines.next().expect("serve stopped before listening").unwrap();
            if let Some(url) = line.strip_prefix("Đang phục vụ tại http://") {
                break url.split('/').next().unwrap().to_owned();
            }
        };
        // Keep reading the log so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, address }
    }

    /// `GET path` with the raw path as given (no client-side normalisation).
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.address).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, response)
    }

    /// Sends `request` as written and reads one response (head and `Content-Length` body),
    /// without waiting for the server to close: its status and text.
    fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.write_all(request).unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        while !head.ends_with("\r\n\r\n") && reader.read_line(&mut head).unwrap() > 0 {}
        let length = head.lines().find_map(|l| l.strip_prefix("Content-Length: ")).map_or(0, |n| n.parse().unwrap());
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        (status, head + &String::from_utf8_lossy(&body))
    }

    /// `POST /api/v1` with a JSON `body` and the given `Content-Type`; status and JSON answer.
    fn api(&self, body: &serde_json::Value, content_type: &str) -> (u16, serde_json::Value) {
        let body = body.to_string();
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            stream,
            "POST /api/v1 HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.address,
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let json = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (status, serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {response}")))
    }

    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
        write!(stream, "GET /__guong/events HTTP/1.1\r\nHost: {}\r\n\r\n", self.address).unwrap();
        let mut events = Events { stream, seen: String::new() };
        events.wait_for("event: hello");
        events
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open event stream.
struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    /// Reads until `text` arrives (after what was already consumed); panics after 20 s.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut buffer = [0; 4096];
        while !self.seen.contains(text) {
            assert!(Instant::now() < deadline, "no `{text}` in the event stream:\n{}", self.seen);
            if let Ok(n) = self.stream.read(&mut buffer) {
                self.seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        }
        let end = self.seen.find(text).unwrap() + text.len();
        self.seen.drain(..end);
    }
}

fn edit(site: &TempSite, path: &str, from: &str, to: &str) {
    let text = site.read(path);
    assert!(text.contains(from), "`{from}` not in {path}");
    site.write(path, &text.replacen(from, to, 1));
}

#[test]
fn serves_pages_and_reloads_them_after_an_edit_but_not_after_an_unchanged_save() {
    let site = TempSite::minimal();
    let server = Server::start(&site);
    let (status, home) = server.get("/");
    assert_eq!(status, 200, "{home}");
    assert!(home.contains("Content-Type: text/html; charset=utf-8"));
    assert!(home.contains("<script src=\"/__guong/live.js?g=1\"></script></body>"), "{home}");
    let (status, script) = server.get("/__guong/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource(\"/__guong/events\")"));

    let mut events = server.events();
    site.write(MODEL, &site.read(MODEL));
    std::thread::sleep(Duration::from_millis(300));
    edit(&site, MODEL, "title: \"", "title: \"Đã sửa: ");
    events.wait_for("event: reload\ndata: 2\n");
    let (status, page) = server.get(MODEL_PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("Đã sửa: "), "the page shows the edit");
    assert!(!page.contains("guong-overlay"));
}

#[test]
fn a_failed_rebuild_keeps_the_last_good_site_and_shows_the_errors() {
    let site = TempSite::minimal();
    let server = Server::start(&site);
    let (_, before) = server.get(MODEL_PAGE);
    let mut events = server.events();

    edit(&site, MODEL, "org: db-so-tai-chinh", "org: khong-co-don-vi");
    events.wait_for("event: reload");
    let (status, page) = server.get(MODEL_PAGE);
    assert_eq!(status, 200);
    assert!(page.contains("id=\"guong-overlay\""), "{page}");
    assert!(page.contains("[M-ORG-UNKNOWN]"));
    assert!(page.contains(&format!("{MODEL}:5:6")));
    let title = |html: &str| html.split("<title>").nth(1).and_then(|t| t.split("</title>").next()).map(str::to_owned);
    assert_eq!(title(&page), title(&before), "the last good page is still served");

    edit(&site, MODEL, "org: khong-co-don-vi", "org: db-so-tai-chinh");
    events.wait_for("event: reload");
    let (_, page) = server.get(MODEL_PAGE);
    assert!(!page.contains("guong-overlay"), "the overlay goes once the content checks");
}

#[test]
fn a_broken_registry_keeps_the_last_good_site_too() {
    let site = TempSite::minimal();
    let server = Server::start(&site);
    let mut events = server.events();
    let catalog = "content/danh-muc.yml";
    edit(&site, catalog, "as_of: 2023-01-31", "as_of: 2023-02-31");
    events.wait_for("event: reload");
    // Under load one save can reach the watcher as two events (and the files written before
    // the server started as late ones), so the reload just read may not be this edit's:
    // wait for the page itself.
    let page = wait_for_page(&server, |page| page.contains("[F-DATE]"));
    assert!(page.starts_with("HTTP/1.1 200 "), "{page}");
    assert!(page.contains("31/01/2023"), "the page still shows the last good data");

    edit(&site, catalog, "as_of: 2023-02-31", "as_of: 2023-01-31");
    events.wait_for("event: reload");
    wait_for_page(&server, |page| !page.contains("guong-overlay"));
}

#[test]
fn never_serves_a_file_outside_the_built_site() {
    let site = TempSite::minimal();
    let server = Server::start(&site);
    for path in [
        "/../site.yml",
        "/%2e%2e/site.yml",
        "/%2E%2E%2Fsite.yml",
        "/..%2fsite.yml",
        "/mo-hinh/..%5c..%5csite.yml",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let (status, response) = server.get(path);
        assert_eq!(status, 403, "{path}: {response}");
        assert!(!response.contains("base_url"), "{path} leaked site.yml");
    }
    for path in ["/site.yml", "/content/danh-muc.yml", "/khong-co/"] {
        assert_eq!(server.get(path).0, 404, "{path}");
    }
    let (status, response) = server.get("/mo-hinh");
    assert_eq!(status, 301);
    assert!(response.contains("Location: /mo-hinh/\r\n"), "{response}");
}

#[test]
fn answers_only_its_own_host_and_bounded_requests_and_redirects_on_the_same_host() {
    let site = TempSite::minimal();
    let mut server = Server::start(&site);
    let port = server.address.rsplit(':').next().unwrap().to_owned();
    for host in [format!("attacker.example:{port}"), format!("localhost.attacker.example:{port}"), "127.0.0.1:1".into()]
    {
        let (status, response) = server.raw(format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
        assert_eq!(status, 421, "{host}: {response}");
        assert!(!response.contains("<html"), "{host} got the site");
    }
    let (status, _) = server.raw(b"GET / HTTP/1.1\r\n\r\n");
    assert_eq!(status, 421, "no Host");
    for host in [format!("localhost:{port}"), format!("[::1]:{port}"), server.address.clone()] {
        let (status, response) = server.raw(format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes());
        assert_eq!(status, 200, "{host}: {response}");
    }

    let padding = "a".repeat(20_000);
    let request = format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Dem: {padding}\r\n\r\n", server.address);
    assert_eq!(server.raw(request.as_bytes()).0, 431);
    let request = format!("GET / HTTP/1.1\r\nHost: {}\r\nContent-Length: 5000000\r\n\r\n", server.address);
    assert_eq!(server.raw(request.as_bytes()).0, 413);
    // A lying length: tiny_http would drain it into one buffer of that size and abort.
    let mut liar = TcpStream::connect(&server.address).unwrap();
    write!(liar, "POST / HTTP/1.1\r\nHost: {}\r\nContent-Length: 99999999999999\r\n\r\n", server.address).unwrap();
    drop(liar);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(server.get("/").0, 200, "the server still answers");
    assert!(server.child.try_wait().unwrap().is_none(), "the server is still running");

    for (path, location) in [("//mo-hinh", "/mo-hinh/"), ("///mo-hinh?q=1", "/mo-hinh/?q=1")] {
        let (status, response) = server.get(path);
        assert_eq!(status, 301, "{path}: {response}");
        assert!(response.contains(&format!("Location: {location}\r\n")), "{path}: {response}");
    }
}

#[test]
fn a_content_folder_deleted_then_moved_back_is_reported_then_served_and_watched_again() {
    let site = TempSite::minimal();
    let server = Server::start(&site);
    let mut events = server.events();
    let content = site.dir.join("content");
    let aside = site.dir.join("noi-dung-cu");
    std::fs::rename(&content, &aside).unwrap();
    events.wait_for("event: reload");
    let overlay = wait_for_page(&server, |page| page.contains("id=\"guong-overlay\""));
    assert!(overlay.contains("danh-muc.yml"), "the overlay says the content is gone: {overlay}");

    std::fs::rename(&aside, &content).unwrap();
    events.wait_for("event: reload");
    wait_for_page(&server, |page| !page.contains("guong-overlay"));
    std::thread::sleep(Duration::from_millis(300));
    edit(&site, MODEL, "title: \"", "title: \"Sau khi trả lại: ");
    events.wait_for("event: reload");
    wait_for_page(&server, |page| page.contains("Sau khi trả lại: "));
}

/// The model page once `ready` holds for it; panics after 20 s.
fn wait_for_page(server: &Server, ready: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, page) = server.get(MODEL_PAGE);
        if ready(&page) {
            return page;
        }
        assert!(Instant::now() < deadline, "the page never became ready:\n{page}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn built_files_carry_no_reload_script() {
    let site = TempSite::minimal();
    let run = site.run(&["build", "--output", "public"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let home = site.read("public/index.html");
    assert!(!home.contains("__guong"), "the live-reload script is for serve only");
}

/// The session re-runs the per-model rules only for models an edit can affect: after every
/// edit its findings must equal a full `check` of the files on disk.
#[test]
fn incremental_rechecks_find_what_a_full_check_finds() {
    use guong::check::check_files;
    use guong::cli::SiteRoot;
    use guong::diagnostic::Severity;
    use guong::serve::overlay::Problem;
    use guong::serve::session::{Outcome, Session};

    let site = TempSite::minimal();
    let (mut session, outcome) = Session::open(&site.dir, "http://127.0.0.1:1/", true).unwrap();
    assert!(matches!(outcome, Outcome::Built), "{outcome:?}");
    let original = site.read(MODEL);
    let copy = "content/mo-hinh/so-tai-chinh/mh-nhan-rong-mot-cua.md";
    let report = "content/bao-cao/bc-db-so-tai-chinh-2022-ca-nam.md";
    let report_text = site.read(report);
    let retired = original.replacen(
        "status: dang_thuc_hien\n",
        "status: loai_bo\nretirement:\n  date: 2022-12-01\n  reason: \"Đơn vị sáp nhập, mô hình không còn phù hợp với nhiệm vụ mới.\"\n",
        1,
    );
    let replicated = original.replacen("id: mh-mot-cua-than-thien\n", "id: mh-nhan-rong-mot-cua\n", 1).replacen(
        "approach: xay_moi\n",
        "approach: nhan_rong\nsource_model: mh-mot-cua-than-thien\n",
        1,
    );
    let steps: Vec<(&str, Option<String>)> = vec![
        (copy, Some(replicated)),
        (MODEL, Some(retired)),
        (MODEL, None),
        (MODEL, Some(original.clone())),
        (report, Some(report_text.replacen("model: mh-mot-cua-than-thien\n", "model: mh-mot-cua-than-thien-cdc\n", 1))),
        (report, Some(report_text.clone())),
        (copy, None),
    ];
    for (step, (path, text)) in steps.into_iter().enumerate() {
        match &text {
            Some(text) => site.write(path, text),
            None => site.remove(path),
        };
        let outcome = session.apply(&[path.to_owned()]);
        let full = check_files(&SiteRoot::open(&site.dir, None).ok().unwrap().files).diagnostics;
        let errors = full.iter().any(|d| d.severity == Severity::Error);
        match outcome {
            Outcome::Failed(Problem::Content(found)) => {
                assert!(errors, "step {step}: errors only in the session: {found:#?}");
                assert_eq!(found, full, "step {step}");
            }
            Outcome::Built => {
                assert!(!errors, "step {step}: the session missed errors: {full:#?}");
                assert_eq!(session.warnings, full, "step {step}");
            }
            other => panic!("step {step}: {other:?}"),
        }
    }
}

const CMS: &str = "cms:\n  backend: github\n  repo: btg/mo-hinh\n";

fn persist(path: &str, raw: &str) -> serde_json::Value {
    serde_json::json!({"action": "persistEntry", "params": {
        "branch": "main",
        "dataFiles": [{"slug": "x", "path": path, "raw": raw}],
        "assets": [],
        "options": {"commitMessage": "Cập nhật", "useWorkflow": false, "status": ""},
    }})
}

/// The CMS's local backend (SPEC §8.5): `/admin/config.yml` switches it on, saves land in
/// `content/` and are checked like any other edit, paths outside `content/` are refused.
#[test]
fn the_cms_saves_through_serve_and_each_save_is_checked() {
    let site = TempSite::minimal();
    site.write("site.yml", &format!("{}{CMS}", site.read("site.yml")));
    let server = Server::start(&site);
    let (status, config) = server.get("/admin/config.yml");
    assert_eq!(status, 200, "{config}");
    assert!(config.contains("Content-Type: text/yaml; charset=utf-8"), "{config}");
    assert!(config.contains("\nlocal_backend: true\n"), "{config}");
    let (_, page) = server.get("/admin/");
    assert!(page.contains("data-local-backend=\"true\""), "{page}");
    assert!(!page.contains("__guong/live.js"), "the editor is never reloaded under the editor's hands");

    let json = "application/json";
    let (status, info) = server.api(&serde_json::json!({"action": "info"}), json);
    assert_eq!((status, &info["type"]), (200, &serde_json::json!("local_fs")));
    let (status, entry) =
        server.api(&serde_json::json!({"action": "getEntry", "params": {"branch": "main", "path": MODEL}}), json);
    assert_eq!(status, 200);
    let original = entry["data"].as_str().unwrap().to_owned();
    assert_eq!(original, site.read(MODEL));

    let mut events = server.events();
    let edited = original.replacen("title: \"", "title: \"Sửa trên trình duyệt: ", 1);
    assert_eq!(server.api(&persist(MODEL, &edited), json).0, 200);
    assert_eq!(site.read(MODEL), edited);
    events.wait_for("event: reload");
    assert!(server.get(MODEL_PAGE).1.contains("Sửa trên trình duyệt: "), "the saved model is rebuilt");

    let broken = edited.replacen("org: db-so-tai-chinh", "org: khong-co-don-vi", 1);
    assert_eq!(server.api(&persist(MODEL, &broken), json).0, 200);
    events.wait_for("event: reload");
    let (_, page) = server.get(MODEL_PAGE);
    assert!(page.contains("id=\"guong-overlay\"") && page.contains("[M-ORG-UNKNOWN]"), "{page}");

    let site_yml = site.read("site.yml");
    for path in [
        "site.yml",
        "../ngoai.md",
        "content/../site.yml",
        "/tmp/x.md",
        "content/mo-hinh/.an.md",
        ".git/config",
        "templates/base.html",
    ] {
        let (status, answer) = server.api(&persist(path, "---\n"), json);
        assert_eq!(status, 403, "{path}: {answer}");
        assert!(answer["error"].as_str().unwrap().starts_with("Không được phép"), "{path}: {answer}");
    }
    assert_eq!(site.read("site.yml"), site_yml);
    assert!(!site.dir.join("content/mo-hinh/.an.md").exists() && !site.dir.parent().unwrap().join("ngoai.md").exists());

    // A page of another site can only send a "simple" request: refused.
    let (status, answer) = server.api(&persist(MODEL, "x"), "text/plain");
    assert_eq!(status, 403, "{answer}");
    assert_eq!(site.read(MODEL), broken);
}

#[test]
fn the_cms_writes_nothing_when_serving_beyond_loopback() {
    let site = TempSite::minimal();
    site.write("site.yml", &format!("{}{CMS}", site.read("site.yml")));
    let server = Server::start_on(&site, "0.0.0.0");
    let (status, answer) = server.api(&persist(MODEL, "x"), "application/json");
    assert_eq!(status, 403, "{answer}");
    assert!(answer["error"].as_str().unwrap().contains("loopback"));
    assert_ne!(site.read(MODEL), "x");
    let (status, config) = server.get("/admin/config.yml");
    assert_eq!(status, 200);
    assert!(!config.contains("local_backend"), "{config}");
}
