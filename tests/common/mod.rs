//! Shared helpers for integration tests: throwaway site roots and running the real binary.

#![allow(dead_code)]

pub mod office;
pub mod tools;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The result of one run of `guong`.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A temporary site root, removed when dropped.
pub struct TempSite {
    pub dir: PathBuf,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TempSite {
    /// An empty folder under the system temp dir.
    pub fn empty() -> TempSite {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("guong-test-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempSite { dir }
    }

    /// A copy of the valid minimal fixture site (`tests/sites/minimal`).
    pub fn minimal() -> TempSite {
        let site = TempSite::empty();
        copy_dir(&fixture("minimal"), &site.dir);
        site
    }

    /// Writes (or overwrites) a file relative to the root.
    pub fn write(&self, path: &str, text: &str) -> &Self {
        let full = self.dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
        self
    }

    /// Writes raw bytes.
    pub fn write_bytes(&self, path: &str, bytes: &[u8]) -> &Self {
        let full = self.dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, bytes).unwrap();
        self
    }

    /// Reads a file relative to the root.
    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn remove(&self, path: &str) -> &Self {
        let full = self.dir.join(path);
        if full.is_dir() {
            fs::remove_dir_all(full).unwrap()
        } else {
            fs::remove_file(full).unwrap()
        }
        self
    }

    /// Adds `periods` (the `periods:` key and its list, see [`periods_yaml`]) to the catalog,
    /// after `report_grace_days` (so the list starts on line 4 of the minimal site's catalog).
    pub fn set_periods(&self, periods: &str) -> &Self {
        let path = "content/danh-muc.yml";
        let text = self.read(path);
        assert_eq!(text.matches("report_grace_days: 15\n").count(), 1);
        self.write(path, &text.replacen("report_grace_days: 15\n", &format!("report_grace_days: 15\n{periods}"), 1))
    }

    /// Runs `guong --root <this site> args…`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all = vec!["--root", self.dir.to_str().unwrap()];
        all.extend_from_slice(args);
        guong(&all)
    }

    /// Runs `guong build` on this site and fails the test when the build fails.
    pub fn build(&self) {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}\n{}", run.stdout, run.stderr);
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Runs the real `guong` binary with `args`.
pub fn guong(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_guong"))
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("run guong");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Path of a fixture site under `tests/sites/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites").join(name)
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walk(from) {
        let relative = entry.strip_prefix(from).unwrap();
        let target = to.join(relative);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::copy(&entry, &target).unwrap();
    }
}

/// Every file under `dir`: path relative to `dir` (with `/` separators) → bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            let bytes = fs::read(&path).unwrap();
            (relative, bytes)
        })
        .collect()
}

/// Every file under `dir`, recursively, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() { files.extend(walk(&path)) } else { files.push(path) }
    }
    files.sort();
    files
}

/// Parses `check --format json` output into (severity, code, path, line) tuples.
pub fn diagnostics(run: &Run) -> Vec<(String, String, String, u64)> {
    let value: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_owned(),
                d["code"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `periods:` of `danh-muc.yml` for `(id, from, to)` triples, four lines per period (`- id`,
/// `name`, `from`, `to`).
pub fn periods_yaml(periods: &[(&str, &str, &str)]) -> String {
    let mut text = String::from("periods:\n");
    for (id, from, to) in periods {
        text.push_str(&format!("  - id: {id}\n    name: \"Giai đoạn {id}\"\n    from: {from}\n    to: {to}\n"));
    }
    text
}

/// The periods 2021–2025 and 2026–2030 (inserted by `set_periods` in the minimal site, on
/// lines 4–12 of its catalog).
pub fn two_periods() -> String {
    periods_yaml(&[("2021-2025", "2021-01-01", "2025-12-31"), ("2026-2030", "2026-01-01", "2030-12-31")])
}

/// An empty folder for what a test binary builds once and shares between its tests (a
/// static is never dropped, so a [`TempSite`] there would be left behind in the system's
/// temp folder): `name` under this binary's own folder in Cargo's temporary folder for tests,
/// emptied first.
pub fn shared_folder(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join(env!("CARGO_CRATE_NAME")).join(name);
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).unwrap();
    folder
}

/// The output of the bundled site (the repository's own `content/`), built once per test
/// binary.
pub fn bundled_site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = shared_folder("bundled").join("public");
        let run = guong(&["--root", env!("CARGO_MANIFEST_DIR"), "build", "--output", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        out
    })
}

/// A page (or any text file) of the bundled site's output.
pub fn bundled_page(path: &str) -> String {
    fs::read_to_string(bundled_site().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `(id, models)` of every row of a JSON array (form 02 units, tallies): the counts a test
/// compares, in file order.
pub fn model_counts(rows: &serde_json::Value) -> Vec<(&str, u64)> {
    let rows = rows.as_array().unwrap_or_else(|| panic!("not an array: {rows}"));
    rows.iter().map(|row| (row["id"].as_str().unwrap(), row["models"].as_u64().unwrap())).collect()
}
