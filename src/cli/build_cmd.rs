//! `guong build`: check everything; with no error, render the site into the output folder
//! and print one summary line (timing only there, never in the output).

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Once;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::check::format::human;
use crate::cli::{Failure, SERVE_PORT, SiteRoot, colored, command_at, leave_for_exit};
use crate::content::site_config::{address_error, is_base_address, is_file_address};
use crate::history::History;
use crate::io_text::io_text;
use crate::parse::markdown::Reading;
use crate::site::build::Prepared;
use crate::site::output::UseCache;
use crate::site::{BuildError, build};

/// Work shorter than this shows no progress bar.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// Runs `guong build`; `output` is relative to the site root unless absolute. Pages whose
/// fingerprint did not change since the previous build are kept unless `use_cache` is
/// [`UseCache::No`] (`--no-cache`).
pub fn run(
    root: &Path,
    output: &Path,
    rev: Option<&str>,
    base_url: Option<&str>,
    use_cache: UseCache,
) -> Result<(), Failure> {
    let started = Instant::now();
    if let Some(url) = base_url.filter(|url| !is_base_address(url) && !is_file_address(url)) {
        return Err(Failure::Usage(address_error("--base-url", url)));
    }
    let mut site = SiteRoot::open_unread(root, rev)?;
    if let Some(url) = base_url {
        site.config.base_url = if url.ends_with('/') { url.to_owned() } else { format!("{url}/") };
    }
    let base_path = site.config.base_path();
    // The history walk reads only Git objects: it runs beside the check.
    let (mut checked, history) = std::thread::scope(|scope| {
        let (dir, commit) = (site.dir.clone(), site.commit.clone());
        let history = scope.spawn(move || History::read(&dir, commit.as_deref()));
        let checked = site.check(Reading::Publish { base_path: &base_path });
        (checked, history.join().ok().flatten())
    });
    if checked.has_errors() {
        // The sources were freed while loading; read them again to show the failing lines.
        let sources = SiteRoot::reread_sources(root, rev, &checked.diagnostics);
        let color = colored(&std::io::stderr());
        eprint!("{}", human(&checked.diagnostics, checked.summary(), &sources, color));
        eprintln!("Không dựng trang vì nội dung còn lỗi; thư mục xuất giữ nguyên.");
        return Err(Failure::Content);
    }
    checked.corpus.release_sources();

    let target = site.dir.join(output);
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    let show = Once::new();
    let on_terminal = std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if on_terminal && started.elapsed() > QUIET_FOR {
            show.call_once(|| {
                bar.set_length(total as u64);
                if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} tệp") {
                    bar.set_style(style);
                }
                bar.set_draw_target(ProgressDrawTarget::stderr());
            });
        }
        bar.set_position(done as u64);
    };
    let failed = |error| match error {
        BuildError::Io(error) => Failure::Io(format!("{}: {}", target.display(), io_text(&error))),
        other => Failure::Usage(other.to_string()),
    };
    let prepared = Prepared::new(&site.theme, &checked.corpus, &checked.diagnostics, history.as_ref(), &site.config)
        .map_err(failed)?;
    let built = build(&site.dir, &prepared, &target, use_cache, &progress).map_err(failed)?;
    drop(prepared);
    bar.finish_and_clear();

    let warnings = checked.summary().warnings;
    let note =
        if warnings > 0 { format!(" ({warnings} cảnh báo; xem bằng `guong check`)") } else { String::new() };
    let seconds = format!("{:.2}", started.elapsed().as_secs_f64()).replace('.', ",");
    let shown = output.display().to_string();
    let slash = if shown.ends_with('/') { "" } else { "/" };
    println!(
        "Đã dựng {} trang, {} tệp vào {shown}{slash} trong {seconds} s (trang: {} dựng lại, {} dùng lại){note}. \
         Xem trước: `{}` rồi mở http://127.0.0.1:{SERVE_PORT}/",
        built.pages,
        built.files,
        built.pages - built.kept_pages,
        built.kept_pages,
        command_at(root, "serve")
    );
    leave_for_exit((checked, history));
    Ok(())
}
