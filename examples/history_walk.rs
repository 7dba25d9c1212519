//! Times the history walk of a site (`bench/history.sh` runs it): reads the Git history
//! of the site root given as argument and prints files, revisions and milliseconds.
//! With `--dump`, prints instead one line per file: path, then the ids of the commits
//! credited to it, newest first (for comparison with `git log`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use guong::history::History;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = args.iter().any(|a| a == "--dump");
    let mut positional = args.iter().filter(|a| *a != "--dump");
    let Some(root) = positional.next().map(PathBuf::from) else {
        eprintln!("cách dùng: history_walk [--dump] <thư mục gốc của trang> [REV]");
        return ExitCode::from(2);
    };
    let rev = positional.next();
    let started = Instant::now();
    let Some(history) = History::read(&root, rev.map(String::as_str)) else {
        eprintln!("không có lịch sử Git cho `{}`", root.display());
        return ExitCode::from(1);
    };
    let elapsed = started.elapsed();
    let mut out = std::io::stdout().lock();
    if dump {
        for (path, file) in history.files() {
            let commits: Vec<&str> = file.revisions.iter().map(|r| r.commit.as_str()).collect();
            if writeln!(out, "{path} {}", commits.join(" ")).is_err() {
                break;
            }
        }
        return ExitCode::SUCCESS;
    }
    let files = history.files().count();
    let revisions: usize = history.files().map(|(_, h)| h.revisions.len()).sum();
    let _ = writeln!(out, "{files} tệp, {revisions} lượt sửa, {:.0} ms", elapsed.as_secs_f64() * 1000.0);
    ExitCode::SUCCESS
}
