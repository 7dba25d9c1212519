//! Live reload over Server-Sent Events: the hub that tells every open page a new build is
//! ready, the event stream each page listens to, and the small script injected into HTML
//! responses while serving (never into built files).

use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// Address of the event stream.
pub const EVENTS_PATH: &str = "/__guong/events";

/// How often an idle stream sends a comment, so closed pages are noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Fan-out of build generations to every connected page.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<u64>>>,
}

impl Hub {
    /// A new listener: it receives the generation of every later build.
    pub fn subscribe(&self) -> Receiver<u64> {
        let (sender, receiver) = channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(sender);
        }
        receiver
    }

    /// Tells every listener that build `generation` is ready; forgets closed ones.
    pub fn broadcast(&self, generation: u64) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|client| client.send(generation).is_ok());
        }
    }

    /// Number of connected listeners.
    pub fn listeners(&self) -> usize {
        self.clients.lock().map_or(0, |c| c.len())
    }
}

/// Streams events to one page until it goes away: first `hello` with the current
/// generation (so a page rendered from an older build reloads at once), then `reload` with
/// each new generation.
pub fn stream(mut out: impl Write, current: u64, updates: &Receiver<u64>) -> io::Result<()> {
    out.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n\
          Connection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n",
    )?;
    write!(out, "retry: 500\nevent: hello\ndata: {current}\n\n")?;
    out.flush()?;
    loop {
        match updates.recv_timeout(KEEP_ALIVE) {
            Ok(generation) => write!(out, "event: reload\ndata: {generation}\n\n")?,
            Err(RecvTimeoutError::Timeout) => out.write_all(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        out.flush()?;
    }
}

/// Address of the live-reload script.
pub const SCRIPT_PATH: &str = "/__guong/live.js";

/// The live-reload script: it reads the generation of its page from its own address and
/// reloads when the server announces another one. Served as a file, so a strict
/// Content-Security-Policy of the theme (`script-src 'self'`) does not block it.
pub const SCRIPT: &str = "(()=>{const g=new URL(document.currentScript.src).searchParams.get(\"g\"),\
s=new EventSource(\"/__guong/events\"),f=e=>{if(e.data!==g){s.close();location.reload();}};\
s.addEventListener(\"hello\",f);s.addEventListener(\"reload\",f);})();\n";

/// The tag that loads the script into a page rendered from build `generation`.
pub fn script_tag(generation: u64) -> String {
    format!("<script src=\"{SCRIPT_PATH}?g={generation}\"></script>")
}

/// `html` with `snippet` inserted before its last `</body>` (or appended when there is none).
pub fn inject(html: &str, snippet: &str) -> String {
    let at = html.to_ascii_lowercase().rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + snippet.len());
    out.push_str(&html[..at]);
    out.push_str(snippet);
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_closing_body() {
        assert_eq!(inject("<html><body>a</BODY></html>", "<s>"), "<html><body>a<s></BODY></html>");
        assert_eq!(inject("<p>x", "<s>"), "<p>x<s>");
        assert_eq!(inject("Đà Nẵng</body>", "<s>"), "Đà Nẵng<s></body>");
    }

    #[test]
    fn streams_hello_then_each_generation() {
        let hub = Hub::default();
        let updates = hub.subscribe();
        hub.broadcast(4);
        hub.broadcast(5);
        drop(hub);
        let mut out = Vec::new();
        stream(&mut out, 3, &updates).unwrap();
        let text = String::from_utf8(out).unwrap();
        let body = text.split("\r\n\r\n").nth(1).unwrap();
        assert_eq!(body, "retry: 500\nevent: hello\ndata: 3\n\nevent: reload\ndata: 4\n\nevent: reload\ndata: 5\n\n");
        assert!(text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream"));
    }

    #[test]
    fn forgets_closed_listeners() {
        let hub = Hub::default();
        let kept = hub.subscribe();
        drop(hub.subscribe());
        hub.broadcast(1);
        assert_eq!(hub.listeners(), 1);
        assert_eq!(kept.recv().unwrap(), 1);
    }
}
