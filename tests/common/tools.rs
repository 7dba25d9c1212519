//! Tests that need a tool outside Rust (Node, npm packages, Chromium, Python, …): they fail
//! when the tool is missing, with the command that installs it, and are skipped only when
//! asked.
//!
//! Declare such a test with [`tool_test!`]:
//!
//! ```ignore
//! tool_test! {
//!     /// What the test shows.
//!     fn gallery_search_works_in_headless_chromium() needs ["node", "npm-packages", "chromium"] {
//!         // the body runs only once every tool is there
//!     }
//! }
//! ```
//!
//! Skipping is asked for with `GUONG_SKIP=chromium,npm-packages cargo test` (or `all`): the
//! build script turns the list into `skip_tool` cfgs, the macro marks the tests needing one
//! of those tools `#[ignore]`, and libtest shows them as `ignored, GUONG_SKIP` and counts them
//! in its summary line, with no extra flag. A runtime skip cannot do that: libtest hides what
//! a passing test prints, so a test that returns early looks exactly like one that passed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A tool some test needs; the names are those `GUONG_SKIP` takes (and `build.rs` lists).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Node,
    /// The packages of `package.json`, installed in `node_modules/` by `npm ci`.
    NpmPackages,
    Chromium,
    Python3,
    Git,
    CheckJsonschema,
    /// `soffice` (LibreOffice Writer and Calc), which opens the office downloads.
    Libreoffice,
    /// `pdfinfo` (poppler-utils), which reads the size and page count of a PDF.
    Pdfinfo,
}

impl Tool {
    /// Every tool, in the order of `build.rs`.
    pub const ALL: &[Tool] = &[
        Tool::Node,
        Tool::NpmPackages,
        Tool::Chromium,
        Tool::Python3,
        Tool::Git,
        Tool::CheckJsonschema,
        Tool::Libreoffice,
        Tool::Pdfinfo,
    ];

    /// The name used by `GUONG_SKIP` and `tool_test!`.
    pub fn name(self) -> &'static str {
        match self {
            Tool::Node => "node",
            Tool::NpmPackages => "npm-packages",
            Tool::Chromium => "chromium",
            Tool::Python3 => "python3",
            Tool::Git => "git",
            Tool::CheckJsonschema => "check-jsonschema",
            Tool::Libreoffice => "libreoffice",
            Tool::Pdfinfo => "pdfinfo",
        }
    }

    /// The tool called `name`.
    pub fn named(name: &str) -> Tool {
        Tool::ALL
            .iter()
            .copied()
            .find(|tool| tool.name() == name)
            .unwrap_or_else(|| panic!("no tool `{name}` in tests/common/tools.rs (and build.rs)"))
    }

    /// The command that installs the tool.
    fn install(self) -> &'static str {
        match self {
            Tool::Node => "apt-get install -y nodejs npm",
            Tool::NpmPackages => "npm ci   (at the repository root)",
            Tool::Chromium => "apt-get install -y chromium",
            Tool::Python3 => "apt-get install -y python3",
            Tool::Git => "apt-get install -y git",
            Tool::CheckJsonschema => "pip install -r .ci/requirements.txt",
            Tool::Libreoffice => "apt-get install -y libreoffice-writer libreoffice-calc",
            Tool::Pdfinfo => "apt-get install -y poppler-utils",
        }
    }

    /// Why the tool cannot be used here, if it cannot.
    fn missing(self) -> Option<String> {
        match self {
            Tool::Node => runs("node", "--version"),
            Tool::NpmPackages => missing_npm_packages(),
            Tool::Chromium => {
                let path = chromium();
                (!path.exists()).then(|| format!("{} does not exist", path.display()))
            }
            Tool::Python3 => runs("python3", "--version"),
            Tool::Git => runs("git", "--version"),
            Tool::CheckJsonschema => runs("check-jsonschema", "--version"),
            Tool::Libreoffice => runs("soffice", "--version"),
            Tool::Pdfinfo => runs("pdfinfo", "-v"),
        }
    }
}

/// The Chromium binary: `$CHROMIUM`, else Debian's `/usr/bin/chromium`.
pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn runs(program: &str, flag: &str) -> Option<String> {
    match Command::new(program).arg(flag).output() {
        Ok(output) if output.status.success() => None,
        Ok(output) => Some(format!("`{program} {flag}` failed ({})", output.status)),
        Err(error) => Some(format!("`{program}` cannot be run ({error})")),
    }
}

/// Every package `package.json` asks for must be in `node_modules/`.
fn missing_npm_packages() -> Option<String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo.join("package.json")).expect("read package.json"))
            .expect("package.json is JSON");
    let absent: Vec<&str> = ["dependencies", "devDependencies"]
        .iter()
        .filter_map(|section| manifest[section].as_object())
        .flat_map(|packages| packages.keys())
        .map(String::as_str)
        .filter(|name| !repo.join("node_modules").join(name).join("package.json").exists())
        .collect();
    (!absent.is_empty()).then(|| format!("node_modules/ lacks {}", absent.join(", ")))
}

/// Panics, saying how to install each one, when a tool named in `names` is missing.
pub fn require(names: &[&str]) {
    let missing: Vec<(Tool, String)> =
        names.iter().map(|name| Tool::named(name)).filter_map(|tool| tool.missing().map(|why| (tool, why))).collect();
    if !missing.is_empty() {
        let problems: Vec<String> = missing
            .iter()
            .map(|(tool, why)| format!("  {}: {why}; install it with `{}`", tool.name(), tool.install()))
            .collect();
        let skip: Vec<&str> = missing.iter().map(|(tool, _)| tool.name()).collect();
        panic!(
            "this test needs tools that are missing:\n{}\n(to skip the tests needing them instead, run \
             `GUONG_SKIP={} cargo test --release`: they are then listed as ignored)",
            problems.join("\n"),
            skip.join(",")
        );
    }
}

/// A `#[test]` that needs tools: `fn name() needs ["tool", …] { body }`. It fails when a
/// tool is missing (with how to install it) and is ignored when `GUONG_SKIP` names one.
#[allow(unused_macros)]
macro_rules! tool_test {
    ($(#[$meta:meta])* fn $name:ident() needs [$($tool:literal),+ $(,)?] $body:block) => {
        $(#[$meta])*
        #[test]
        #[cfg_attr(any($(skip_tool = $tool),+), ignore = "GUONG_SKIP")]
        fn $name() {
            $crate::common::tools::require(&[$($tool),+]);
            $body
        }
    };
}

#[allow(unused_imports)]
pub(crate) use tool_test;
