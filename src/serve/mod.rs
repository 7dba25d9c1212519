//! `guong serve`: the site on a local address, rebuilt as its files change, with the browser
//! reloaded over Server-Sent Events and an error overlay while the content does not check.
//!
//! Threads: the HTTP accept loop (one short thread per request, one per event stream), the
//! file watcher, and the site thread, which owns the in-memory site, applies each batch of
//! changes and renders files on request. Nothing is written to disk, so nothing outside the
//! built site can ever be served.

mod base64;
pub mod guard;
pub mod http;
pub mod live;
pub mod local_backend;
pub mod overlay;
pub mod paths;
pub mod render;
pub mod session;
pub mod state;
pub mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::channel;
use std::thread;

use crate::content::site_config::DEFAULT_MEDIA_FOLDER;
use crate::serve::guard::Guard;
use crate::serve::local_backend::LocalBackend;
use crate::serve::render::Message;
use crate::serve::session::{Outcome, Session};
use crate::serve::state::Shared;
use crate::serve::watch::SiteWatcher;

/// Where and what to serve.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site root.
    pub root: PathBuf,
    /// Address to listen on; loopback unless the user asks otherwise.
    pub bind: String,
    /// Port; 0 picks a free one.
    pub port: u16,
}

/// Why serving could not start.
#[derive(Debug)]
pub enum ServeError {
    /// A bad address, a port in use, no site: exit code 2.
    Usage(String),
    /// The watcher or another system resource failed: exit code 3.
    Io(String),
}

/// Serves the site until the process is stopped.
pub fn serve(options: &Options) -> Result<(), ServeError> {
    let root = options
        .root
        .canonicalize()
        .map_err(|e| ServeError::Usage(format!("không mở được thư mục `{}`: {e}", options.root.display())))?;
    let address = listen_address(&options.bind, options.port)?;
    let server = tiny_http::Server::http(address).map_err(|e| ServeError::Usage(cannot_listen(address, &*e)))?;
    let bound = server.server_addr().to_ip().unwrap_or(address);
    let base_url = local_url(bound);
    // Editing in the browser writes files: only for this machine's own browser.
    let loopback = bound.ip().is_loopback();

    println!("Đang đọc và kiểm tra trang ở {}…", root.display());
    let (session, outcome) = Session::open(&root, &base_url, loopback).map_err(ServeError::Usage)?;
    let backend = loopback.then(|| {
        let media = session.config.cms.as_ref().map_or(DEFAULT_MEDIA_FOLDER, |cms| cms.media_folder.as_str());
        Arc::new(LocalBackend::new(&root, media))
    });
    let editor = session.config.cms.is_some() && loopback;
    let shared = Arc::new(Shared::default());
    match outcome {
        Outcome::Failed(problem) => {
            println!("Trang chưa dựng được: {}; xem chi tiết trên trang", problem.summary());
            shared.failed(problem);
        }
        Outcome::Built | Outcome::Unchanged => shared.built(),
    }

    let (site, messages) = channel();
    let watcher = {
        let site = site.clone();
        SiteWatcher::start(&root, move |paths| {
            let _ = site.send(Message::Changed(paths));
        })
        .map_err(|e| ServeError::Io(format!("không theo dõi được thư mục trang: {e}")))?
    };
    {
        let shared = Arc::clone(&shared);
        thread::spawn(move || render::run(session, &messages, &shared, watcher));
    }
    println!("Đang phục vụ tại {base_url} (Ctrl+C để dừng)");
    if editor {
        println!("Biên tập trên trình duyệt: {base_url}admin/");
    }
    let guard = Guard { bound };
    for request in server.incoming_requests() {
        let shared = Arc::clone(&shared);
        let site = site.clone();
        let backend = backend.clone();
        thread::spawn(move || http::handle(request, guard, &shared, &site, backend.as_deref()));
    }
    Ok(())
}

/// Why `guong serve` cannot listen at `address`, and what to do.
fn cannot_listen(address: SocketAddr, error: &(dyn std::error::Error + 'static)) -> String {
    let next = address.port().checked_add(1).unwrap_or(1024);
    match error.downcast_ref::<std::io::Error>().map(std::io::Error::kind) {
        Some(std::io::ErrorKind::AddrInUse) => {
            format!(
                "cổng {} đang được một chương trình khác dùng; chọn cổng khác, ví dụ `--port {next}`",
                address.port()
            )
        }
        Some(std::io::ErrorKind::PermissionDenied) => {
            format!("không được phép dùng cổng {}; chọn cổng từ 1024 trở lên, ví dụ `--port {next}`", address.port())
        }
        _ => format!("không lắng nghe được tại {address} ({error}); thử `--port` khác"),
    }
}

/// The socket address for `bind` and `port` (`bind` may be an IPv4 or IPv6 address).
fn listen_address(bind: &str, port: u16) -> Result<SocketAddr, ServeError> {
    let ip: std::net::IpAddr = bind
        .trim_matches(['[', ']'])
        .parse()
        .map_err(|_| ServeError::Usage(format!("địa chỉ `{bind}` không hợp lệ; ví dụ 127.0.0.1 hoặc ::1")))?;
    Ok(SocketAddr::new(ip, port))
}

/// The address pages are served at (and link to): the bound socket, with a wildcard
/// address read as loopback.
fn local_url(bound: SocketAddr) -> String {
    let ip = bound.ip();
    let host = match ip {
        _ if ip.is_unspecified() && ip.is_ipv4() => "127.0.0.1".to_owned(),
        _ if ip.is_unspecified() => "[::1]".to_owned(),
        std::net::IpAddr::V6(v6) => format!("[{v6}]"),
        std::net::IpAddr::V4(v4) => v4.to_string(),
    };
    format!("http://{host}:{}/", bound.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_urls() {
        let address = listen_address("127.0.0.1", 1111).unwrap();
        assert_eq!(local_url(address), "http://127.0.0.1:1111/");
        assert_eq!(local_url(listen_address("0.0.0.0", 8080).unwrap()), "http://127.0.0.1:8080/");
        assert_eq!(local_url(listen_address("[::1]", 80).unwrap()), "http://[::1]:80/");
        assert!(matches!(listen_address("localhost:80", 1), Err(ServeError::Usage(_))));
    }
}
