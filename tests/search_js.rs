//! Runs the search script's own tests from `cargo test`, with sites built by this crate's
//! binary: `node --test tests/js/` (shared fold vectors, matching, ranking, filters and counts
//! on the index files of built sites) and the browser tests of `tests/browser/` in headless
//! Chromium: the site's pages (every file there but the editor's) and, as a test of its own
//! so that a failure or a skip names it, the CMS editor. A missing tool fails the test with
//! the command that installs it (`tests/common/tools.rs`).

mod common;

use std::path::Path;
use std::process::Command;

use common::tools::{chromium, tool_test};

/// Runs `node --test` on `paths` (folders or files) and fails on a failed or skipped test.
fn node_test(paths: &[String]) {
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .args(paths)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("GUONG_BIN", env!("CARGO_BIN_EXE_guong"))
        .env("CHROMIUM", chromium())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "node --test {paths:?} failed:\n{stdout}\n{stderr}");
    assert!(!stdout.contains("# SKIP") && !stdout.contains("﹣"), "node --test {paths:?} skipped tests:\n{stdout}");
}

/// The browser editor's test file; every other file of `tests/browser/` tests the site.
const CMS_TEST: &str = "tests/browser/cms.test.js";

/// The browser test files of the site's pages (all of `tests/browser/` but the editor's).
fn site_browser_tests() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .expect("read tests/browser")
        .map(|entry| format!("tests/browser/{}", entry.expect("list tests/browser").file_name().to_string_lossy()))
        .filter(|path| path.ends_with(".test.js") && path != CMS_TEST)
        .collect();
    files.sort();
    files
}

tool_test! {
    fn search_script_matches_ranks_and_filters_in_node() needs ["node"] {
        node_test(&["tests/js/".to_owned()]);
    }
}

tool_test! {
    fn gallery_search_works_in_headless_chromium() needs ["node", "npm-packages", "chromium"] {
        node_test(&site_browser_tests());
    }
}

tool_test! {
    /// The browser editor: Decap CMS from `node_modules/decap-cms` against `guong serve`.
    fn cms_editor_saves_through_guong_serve_in_headless_chromium() needs ["node", "npm-packages", "chromium"] {
        node_test(&[CMS_TEST.to_owned()]);
    }
}
