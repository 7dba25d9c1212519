//! The site thread: it owns the session, applies each batch of changes, and renders the
//! files of the current generation on request, each file once per generation. Only the page
//! family that owns a requested file is listed, so an edit never waits for the whole site
//! (the search index alone takes seconds at 10,000 models). A page or document whose
//! fingerprint did not change since an earlier generation is not rendered again: its bytes
//! are kept, as `guong build` keeps the previous output's file.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::Instant;

use crate::check::format::visible::visible;
use crate::serve::overlay::Problem;
use crate::serve::paths::{Target, Wanted, locate};
use crate::serve::session::{Outcome, Session};
use crate::serve::state::Shared;
use crate::serve::watch::SiteWatcher;
use crate::site::Job;
use crate::site::build::{Listing, Prepared};
use crate::site::fingerprint::Fingerprint;
use crate::site::job::{Made, Previous};
use crate::site::pages::FAMILIES;
use crate::site::urls::SITEMAP;

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

/// Which listing produces a file: one page family, or the static files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Family(usize),
    Static,
}

/// The owner of every file seen so far. Kept across generations as a hint (a page added
/// or removed since is found by listing every family again).
type Owners = HashMap<String, Owner>;

/// Files rendered in earlier generations, with the fingerprint each was made from.
#[derive(Default)]
struct Rendered(HashMap<String, (Fingerprint, Arc<Vec<u8>>)>);

impl Previous for Rendered {
    fn keep(&self, path: &str, fingerprint: Fingerprint) -> bool {
        self.0.get(path).is_some_and(|(made_from, _)| *made_from == fingerprint)
    }
}

/// Runs the site thread until every sender of `messages` is gone.
pub fn run(mut session: Session, messages: &Receiver<Message>, shared: &Shared, mut watcher: SiteWatcher) {
    let mut owners = Owners::new();
    let mut rendered = Rendered::default();
    while let Some(changed) = serve_generation(&session, messages, shared, &mut owners, &mut rendered) {
        let started = Instant::now();
        let _ = watcher.refresh(&changed);
        let outcome = session.apply(&changed);
        let elapsed = started.elapsed().as_millis();
        match outcome {
            Outcome::Unchanged => {}
            Outcome::Built => {
                shared.built();
                println!("Đã dựng lại sau thay đổi ở {} ({elapsed} ms)", visible(&changed.join(", ")));
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
fn serve_generation(
    session: &Session,
    messages: &Receiver<Message>,
    shared: &Shared,
    owners: &mut Owners,
    rendered: &mut Rendered,
) -> Option<Vec<String>> {
    let Some(corpus) = &session.good else { return answer_without_site(messages) };
    let site = match Prepared::new(&session.theme, corpus, &session.warnings, session.history.as_ref(), &session.config)
    {
        Ok(site) => site,
        Err(error) => {
            shared.failed(Problem::Other(error.to_string()));
            return answer_without_site(messages);
        }
    };
    let mut files =
        Files { site: &site, owners, rendered, listed: BTreeSet::new(), jobs: HashMap::new(), done: HashMap::new() };
    if files.owners.is_empty() {
        // The first generation learns which family owns which file before the first
        // request, so later generations list only the family a request needs.
        files.list_everything();
    }
    loop {
        match messages.recv() {
            Err(_) => return None,
            Ok(Message::Changed(paths)) => return Some(paths),
            Ok(Message::Render { wanted, reply }) => {
                let _ = reply.send(files.answer(&wanted));
            }
        }
    }
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

/// A listing already made in this generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Listed {
    Family(usize),
    Static,
    Everything,
}

/// The files of one generation: jobs listed but not yet run, and the bytes of those already
/// asked for.
struct Files<'s, 'a> {
    site: &'s Prepared<'a>,
    owners: &'s mut Owners,
    rendered: &'s mut Rendered,
    listed: BTreeSet<Listed>,
    jobs: HashMap<String, Job<'s>>,
    done: HashMap<String, Result<Arc<Vec<u8>>, String>>,
}

impl<'s> Files<'s, '_> {
    fn answer(&mut self, wanted: &Wanted) -> Reply {
        let mut target = self.locate(wanted);
        if target == Target::Missing && !self.listed.contains(&Listed::Everything) {
            self.list_everything();
            target = self.locate(wanted);
        }
        match target {
            Target::File(path) => match self.bytes(&path) {
                Some(Ok(bytes)) => Reply::File { path, bytes },
                Some(Err(message)) => Reply::Error(message),
                None => self.not_found(),
            },
            Target::AddSlash => Reply::AddSlash,
            Target::Missing => self.not_found(),
        }
    }

    fn locate(&self, wanted: &Wanted) -> Target {
        locate(wanted, |path| {
            self.jobs.contains_key(path)
                || self.done.contains_key(path)
                || self.owners.contains_key(path)
                || path == SITEMAP
        })
    }

    fn not_found(&mut self) -> Reply {
        Reply::NotFound(self.bytes("404.html").and_then(Result::ok))
    }

    /// The bytes of `path`, rendered on first request; `None` when no job makes it.
    fn bytes(&mut self, path: &str) -> Option<Result<Arc<Vec<u8>>, String>> {
        if let Some(done) = self.done.get(path) {
            return Some(done.clone());
        }
        if !self.jobs.contains_key(path) {
            match self.owners.get(path).copied() {
                Some(Owner::Family(family)) => self.list(Listed::Family(family)),
                Some(Owner::Static) => self.list(Listed::Static),
                None => {}
            }
        }
        if !self.jobs.contains_key(path) && path == SITEMAP {
            self.list(Listed::Everything);
        } else if !self.jobs.contains_key(path) {
            self.list_everything();
        }
        let job = self.jobs.remove(path)?;
        let result = match job.run(self.site.renderer(), &*self.rendered) {
            Ok(Made::Kept) => self.rendered.0.get(path).map(|(_, bytes)| Arc::clone(bytes)).ok_or_else(String::new),
            Ok(Made::Bytes(bytes, fingerprint)) => {
                let bytes = Arc::new(bytes);
                if let Some(fingerprint) = fingerprint {
                    self.rendered.0.insert(path.to_owned(), (fingerprint, Arc::clone(&bytes)));
                }
                Ok(bytes)
            }
            // Folders are listed as their files (see `files_of`).
            Ok(Made::Folder(..) | Made::KeptFolder(_)) => Err(format!("`{path}` là một thư mục")),
            Err(error) => Err(error.message),
        };
        self.done.insert(path.to_owned(), result.clone());
        Some(result)
    }

    /// The jobs of the files `job` makes: itself, or one per file of a folder job (the
    /// folder is made at once; its files' bytes are made on request).
    fn files_of(&self, job: Job<'s>) -> Vec<Job<'s>> {
        if !job.is_folder {
            return vec![job];
        }
        match job.run(self.site.renderer(), &*self.rendered) {
            Ok(Made::Folder(files, _)) => files.into_iter().map(|file| Job::file(file.path, file.make)).collect(),
            _ => Vec::new(),
        }
    }

    /// Lists every family one by one, learning which owns which file.
    fn list_everything(&mut self) {
        self.list(Listed::Static);
        for family in 0..FAMILIES.len() {
            self.list(Listed::Family(family));
        }
    }

    fn list(&mut self, what: Listed) {
        if !self.listed.insert(what) {
            return;
        }
        let family = [match what {
            Listed::Family(family) => family,
            Listed::Static | Listed::Everything => 0,
        }];
        let (listing, owner) = match what {
            Listed::Family(index) => (Listing::Families(&family), Some(Owner::Family(index))),
            Listed::Static => (Listing::Families(&[]), Some(Owner::Static)),
            Listed::Everything => (Listing::All, None),
        };
        let Ok(jobs) = self.site.jobs(listing) else { return };
        let jobs: Vec<Job> = jobs.into_iter().flat_map(|job| self.files_of(job)).collect();
        for job in jobs {
            if self.done.contains_key(&job.path) || self.jobs.contains_key(&job.path) {
                continue;
            }
            if let Some(owner) = owner.filter(|_| !self.owners.contains_key(&job.path)) {
                self.owners.insert(job.path.clone(), owner);
            }
            self.jobs.insert(job.path.clone(), job);
        }
    }
}
