//! The project's own GitHub workflow is valid and runs `.ci/run`, the one CI script.

mod ci_support;
mod common;

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
