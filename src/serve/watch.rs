//! Watching a site for edits: `content/`, `templates/`, `static/`, `themes/` and `site.yml`,
//! debounced (an editor's save is several file-system events), reported as paths relative
//! to the site root.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

/// Folders of a site whose changes trigger a rebuild.
pub const WATCHED_DIRS: [&str; 4] = ["content", "templates", "static", "themes"];
/// The site configuration file.
pub const CONFIG_FILE: &str = "site.yml";

/// How long the tree must be quiet before a batch of changes is reported.
const QUIET: Duration = Duration::from_millis(20);

/// A running watch over one site; dropping it stops watching.
pub struct SiteWatcher {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    watching: BTreeSet<&'static str>,
}

impl SiteWatcher {
    /// Starts watching the site at `root` (an absolute path); each batch of changed paths
    /// (relative, `/`-separated, sorted) is handed to `changed`.
    pub fn start(root: &Path, changed: impl Fn(Vec<String>) + Send + 'static) -> notify::Result<SiteWatcher> {
        let base = root.to_path_buf();
        let handler = move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let mut paths = BTreeSet::new();
            for event in events.iter().filter(|e| is_change(&e.event.kind)) {
                paths.extend(event.event.paths.iter().filter_map(|p| relevant(&base, p)));
            }
            if !paths.is_empty() {
                changed(paths.into_iter().collect());
            }
        };
        let debouncer = new_debouncer(QUIET, None, handler)?;
        let mut watcher = SiteWatcher { root: root.to_path_buf(), debouncer, watching: BTreeSet::new() };
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        watcher.refresh(&[])?;
        Ok(watcher)
    }

    /// Follows the site folders after the `changed` paths: a folder created since (a site
    /// may gain a `templates/` while being served) is watched; one deleted, moved away or
    /// moved back (its own name among `changed`) is watched again from scratch, so edits
    /// inside a `content/` that came back are seen.
    pub fn refresh(&mut self, changed: &[String]) -> notify::Result<()> {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            if self.watching.contains(dir) && (changed.iter().any(|p| p == dir) || !path.is_dir()) {
                // The old watch may be gone with the folder already: nothing to undo then.
                let _ = self.debouncer.unwatch(&path);
                self.watching.remove(dir);
            }
            if !self.watching.contains(dir) && path.is_dir() {
                self.debouncer.watch(&path, RecursiveMode::Recursive)?;
                self.watching.insert(dir);
            }
        }
        Ok(())
    }
}

/// Whether an event may change a file's contents (reads, including guong's own, do not).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        _ => true,
    }
}

/// The site-relative path of `path` when a change there matters: inside a watched folder
/// or `site.yml`, not hidden, not an editor's scratch file.
pub fn relevant(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
    let top = relative.split('/').next()?;
    if relative != CONFIG_FILE && !WATCHED_DIRS.contains(&top) {
        return None;
    }
    let name = relative.rsplit('/').next()?;
    let scratch = name.ends_with('~')
        || [".swp", ".swx", ".tmp", ".part"].iter().any(|ext| name.ends_with(ext))
        || name.bytes().all(|b| b.is_ascii_digit());
    let hidden = relative.split('/').any(|part| part.starts_with('.') || part.starts_with('#'));
    (!scratch && !hidden).then_some(relative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_site_files_and_skips_scratch_files() {
        let root = Path::new("/site");
        let rel = |p: &str| relevant(root, &root.join(p));
        assert_eq!(rel("content/mo-hinh/a.md").as_deref(), Some("content/mo-hinh/a.md"));
        assert_eq!(rel("site.yml").as_deref(), Some("site.yml"));
        assert_eq!(rel("templates/base.html").as_deref(), Some("templates/base.html"));
        assert_eq!(rel("content"), Some("content".into()));
        for skipped in
            ["public/index.html", "README.md", "content/.a.md.swp", "content/a.md~", "content/4913", ".git/HEAD"]
        {
            assert_eq!(rel(skipped), None, "{skipped}");
        }
        assert_eq!(relevant(root, Path::new("/elsewhere/content/a.md")), None);
    }
}
