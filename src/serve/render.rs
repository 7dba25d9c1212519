//! The site thread: it owns the session, applies each batch of changes, and renders the
//! files of the current generation on request (each file once per generation), so an edit
//! never waits for the whole site to be written.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::Instant;

use crate::render::Renderer;
use crate::serve::overlay::Problem;
use crate::serve::paths::{Target, Wanted, locate};
use crate::serve::session::{Outcome, Session};
use crate::serve::state::Shared;
use crate::serve::watch::SiteWatcher;
use crate::site::Job;
use crate::site::build::with_jobs;

/// What the site thread is asked to do.
pub enum Message {
    /// These paths (relative to the site root) changed on disk.
    Changed(Vec<String>),
    /// Send back the file `wanted` leads to.
    Render { wanted: Wanted, reply: Sender<Reply> },
}

/// The answer to a render request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// The file at `path` (relative to the output) and its bytes.
    File { path: String, bytes: Arc<Vec<u8>> },
    /// A folder asked for without its trailing slash.
    AddSlash,
    /// No such file; the site's own 404 page when it has one.
    NotFound(Option<Arc<Vec<u8>>>),
    /// The file could not be rendered (a template error), in Vietnamese.
    Error(String),
    /// No build has succeeded yet.
    NoSite,
}

/// Runs the site thread until every sender of `messages` is gone.
pub fn run(mut session: Session, messages: &Receiver<Message>, shared: &Shared, mut watcher: SiteWatcher) {
    while let Some(changed) = serve_generation(&session, messages, shared) {
        let started = Instant::now();
        let _ = watcher.watch_new_folders();
        let outcome = session.apply(&changed);
        let elapsed = started.elapsed().as_millis();
        match outcome {
            Outcome::Unchanged => {}
            Outcome::Built => {
                shared.built();
                println!("Đã dựng lại sau thay đổi ở {} ({elapsed} ms)", changed.join(", "));
            }
            Outcome::Failed(problem) => {
                println!("Chưa dựng lại được ({elapsed} ms): {}; xem chi tiết trên trang", problem.summary());
                shared.failed(problem);
            }
        }
    }
}

/// Answers render requests from the session's good corpus until a change arrives; returns
/// the changed paths, or `None` when the server is gone.
fn serve_generation(session: &Session, messages: &Receiver<Message>, shared: &Shared) -> Option<Vec<String>> {
    let Some(corpus) = &session.good else { return answer_without_site(messages) };
    let served = with_jobs(&session.theme, corpus, &session.warnings, None, &session.config, |renderer, jobs| {
        let mut files =
            Files { renderer, jobs: jobs.into_iter().map(|j| (j.path.clone(), j)).collect(), done: HashMap::new() };
        loop {
            match messages.recv() {
                Err(_) => return None,
                Ok(Message::Changed(paths)) => return Some(paths),
                Ok(Message::Render { wanted, reply }) => {
                    let _ = reply.send(files.answer(&wanted));
                }
            }
        }
    });
    served.unwrap_or_else(|error| {
        shared.failed(Problem::Other(error.to_string()));
        answer_without_site(messages)
    })
}

fn answer_without_site(messages: &Receiver<Message>) -> Option<Vec<String>> {
    loop {
        match messages.recv().ok()? {
            Message::Changed(paths) => return Some(paths),
            Message::Render { reply, .. } => {
                let _ = reply.send(Reply::NoSite);
            }
        }
    }
}

/// The files of one generation: jobs not yet run, and the bytes of those already asked for.
struct Files<'r, 'j> {
    renderer: &'r Renderer,
    jobs: HashMap<String, Job<'j>>,
    done: HashMap<String, Result<Arc<Vec<u8>>, String>>,
}

impl Files<'_, '_> {
    fn answer(&mut self, wanted: &Wanted) -> Reply {
        match locate(wanted, |path| self.jobs.contains_key(path) || self.done.contains_key(path)) {
            Target::File(path) => match self.bytes(&path) {
                Ok(bytes) => Reply::File { path, bytes },
                Err(message) => Reply::Error(message),
            },
            Target::AddSlash => Reply::AddSlash,
            Target::Missing => Reply::NotFound(self.bytes("404.html").ok()),
        }
    }

    fn bytes(&mut self, path: &str) -> Result<Arc<Vec<u8>>, String> {
        if let Some(done) = self.done.get(path) {
            return done.clone();
        }
        let job = self.jobs.remove(path).ok_or_else(|| format!("không có tệp `{path}`"))?;
        let result = job.run(self.renderer).map(Arc::new).map_err(|e| e.message);
        self.done.insert(path.to_owned(), result.clone());
        result
    }
}
