//! The project's own GitHub workflow is valid and runs `.ci/run`, the one CI script, which
//! installs what the tests need on the workflow's Debian image.

mod ci_support;
mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::tools::tool_test;

const WORKFLOW: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/.github/workflows/ci.yml");

tool_test! {
    fn project_workflow_is_valid_and_runs_ci_run() needs ["check-jsonschema"] {
        let output =
            Command::new("check-jsonschema").args(["--builtin-schema", "vendor.github-workflows", WORKFLOW]).output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
        let workflow = ci_support::yaml(Path::new(WORKFLOW));
        let steps = workflow["jobs"]["ci"]["steps"].as_array().unwrap();
        let runs: Vec<&str> = steps.iter().filter_map(|step| step["run"].as_str()).collect();
        assert_eq!(runs, ["bash .ci/run"]);
    }
}

/// `.ci/run` on a machine like the workflow's `rust:1-bookworm` container: every tool there
/// but pip (Debian's python3 comes with glib's tools, pip does not). Stand-ins record what
/// `apt-get` is asked to install; the script must install pip, then use it.
#[test]
fn ci_run_installs_pip_where_python_has_none() {
    let site = common::TempSite::empty();
    let repo = site.dir.join("repo");
    let bin = site.dir.join("bin");
    fs::create_dir_all(repo.join(".ci")).unwrap();
    fs::create_dir_all(&bin).unwrap();
    for file in [".ci/run", ".ci/requirements.txt"] {
        fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(file), repo.join(file)).unwrap();
    }
    let log = site.dir.join("calls.log");
    let pip = site.dir.join("pip-installed");
    let stub = |name: &str, body: &str| {
        let path = bin.join(name);
        fs::write(&path, format!("#!/bin/sh\necho \"{name} $*\" >> \"{}\"\n{body}\n", log.display())).unwrap();
        Command::new("chmod").arg("+x").arg(&path).status().unwrap();
    };
    for tool in ["chromium", "node", "git", "soffice", "pdfinfo", "npm", "cargo"] {
        stub(tool, "exit 0");
    }
    stub("apt-get", &format!("case \"$*\" in *python3-pip*) touch \"{}\";; esac", pip.display()));
    stub("python3", &format!("[ \"$1 $2\" = \"-m pip\" ] && [ ! -e \"{}\" ] && exit 1; exit 0", pip.display()));
    let output = Command::new("/bin/bash")
        .arg(repo.join(".ci/run"))
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .output()
        .unwrap();
    let calls = fs::read_to_string(&log).unwrap_or_default();
    assert!(output.status.success(), "{}\n{calls}", String::from_utf8_lossy(&output.stderr));
    assert!(calls.lines().any(|l| l.starts_with("apt-get install") && l.contains(" python3-pip")), "{calls}");
    assert!(calls.lines().any(|l| l.starts_with("python3 -m pip install")), "{calls}");
    assert!(calls.lines().any(|l| l == "cargo test --release"), "{calls}");
}
