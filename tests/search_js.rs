//! Runs the search script's own tests from `cargo test`, with sites built by this crate's
//! binary: `node --test tests/js/` (shared fold vectors, matching, ranking, filters and counts
//! on the index files of built sites) and `node --test tests/browser/` (the gallery in headless
//! Chromium). When node, `/usr/bin/chromium` or `node_modules` (`npm ci`) is missing, the test
//! fails if the `CI` variable is set and prints why it is skipped otherwise.

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What is missing to run the tests, if anything.
fn missing(browser: bool) -> Option<String> {
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|out| out.status.success()) {
        return Some("`node` is not installed (apt-get install nodejs npm)".to_owned());
    }
    if browser && !Path::new(CHROMIUM).exists() {
        return Some(format!("{CHROMIUM} is not installed (apt-get install chromium)"));
    }
    if browser && !repo().join("node_modules/playwright-core/package.json").exists() {
        return Some("node_modules/playwright-core is missing (run `npm ci` at the repository root)".to_owned());
    }
    None
}

fn node_test(folder: &str, browser: bool) {
    if let Some(why) = missing(browser) {
        if std::env::var_os("CI").is_some() {
            panic!("search tests in {folder} cannot run on CI: {why}");
        }
        eprintln!("SKIPPED search tests in {folder}: {why}");
        return;
    }
    let output = Command::new("node")
        .args(["--test", "--test-reporter=spec", folder])
        .current_dir(repo())
        .env("GUONG_BIN", env!("CARGO_BIN_EXE_guong"))
        .env("CHROMIUM", CHROMIUM)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "node --test {folder} failed:\n{stdout}\n{stderr}");
    assert!(!stdout.contains("# SKIP") && !stdout.contains("﹣"), "node --test {folder} skipped tests:\n{stdout}");
}

#[test]
fn search_script_matches_ranks_and_filters_in_node() {
    node_test("tests/js/", false);
}

#[test]
fn gallery_search_works_in_headless_chromium() {
    node_test("tests/browser/", true);
}
