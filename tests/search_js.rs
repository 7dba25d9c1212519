//! Runs the search script's own tests from `cargo test`, with sites built by this crate's
//! binary: `node --test tests/js/` (shared fold vectors, matching, ranking, filters and counts
//! on the index files of built sites) and `node --test tests/browser/` (the gallery in headless
//! Chromium). A missing tool fails the test with the command that installs it
//! (`tests/common/tools.rs`).

mod common;

use std::path::Path;
use std::process::Command;

use common::tools::{chromium, tool_test};

fn node_test(folder: &str) {
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", folder])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("GUONG_BIN", env!("CARGO_BIN_EXE_guong"))
        .env("CHROMIUM", chromium())
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "node --test {folder} failed:\n{stdout}\n{stderr}");
    assert!(!stdout.contains("# SKIP") && !stdout.contains("﹣"), "node --test {folder} skipped tests:\n{stdout}");
}

tool_test! {
    fn search_script_matches_ranks_and_filters_in_node() needs ["node"] {
        node_test("tests/js/");
    }
}

tool_test! {
    fn gallery_search_works_in_headless_chromium() needs ["node", "npm-packages", "chromium"] {
        node_test("tests/browser/");
    }
}
