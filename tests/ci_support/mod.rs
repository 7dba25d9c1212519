//! Runs CI files locally, as the hosts would: the `run:` steps of a GitHub Actions job (local
//! composite actions expanded, `${{ … }}` expressions substituted, `GITHUB_OUTPUT`,
//! `GITHUB_PATH` and `GITHUB_STEP_SUMMARY` honoured) and the `before_script:`/`script:`
//! lines of the GitLab CI jobs a pipeline's `rules:` select. Steps that use a published
//! action (`uses: actions/…`) are not run; what they output is given by the test. Any
//! construct the runner does not know (`if:` on a step, an unknown expression) fails the
//! test rather than being skipped.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// A YAML file read into JSON values.
pub fn yaml(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One step or job script that ran.
#[derive(Debug)]
pub struct StepRun {
    pub name: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The steps of a job that ran, in order; the first failing one ends the job.
#[derive(Debug, Default)]
pub struct JobRun {
    pub steps: Vec<StepRun>,
    /// `uses:` steps that were not run.
    pub skipped: Vec<String>,
}

impl JobRun {
    /// The failing step, if one failed.
    pub fn failure(&self) -> Option<&StepRun> {
        self.steps.iter().find(|step| step.code != 0)
    }

    /// The step called `name`.
    pub fn step(&self, name: &str) -> &StepRun {
        self.steps.iter().find(|step| step.name == name).unwrap_or_else(|| panic!("no step `{name}` ran: {self:#?}"))
    }
}

/// A CI machine: the checked-out repository, the environment every step starts from, and a
/// folder for the host's files.
pub struct Machine {
    pub workspace: PathBuf,
    pub env: BTreeMap<String, String>,
    pub scratch: PathBuf,
}

impl Machine {
    fn run_script(&self, name: &str, shell: &[&str], script: &str, env: &BTreeMap<String, String>) -> StepRun {
        let file = self.scratch.join("step.sh");
        fs::write(&file, script).unwrap();
        let output = Command::new(shell[0])
            .args(&shell[1..])
            .arg(&file)
            .current_dir(&self.workspace)
            .env_clear()
            .envs(env)
            .output()
            .unwrap_or_else(|e| panic!("run {name}: {e}"));
        StepRun {
            name: name.to_owned(),
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn pairs(value: &Value) -> Vec<(String, String)> {
    value.as_object().map_or_else(Vec::new, |map| map.iter().map(|(k, v)| (k.clone(), text(v))).collect())
}

/// A GitHub Actions job in progress: its environment, `PATH` additions and step outputs.
pub struct GitHubJob<'a> {
    machine: &'a Machine,
    env: BTreeMap<String, String>,
    path: Vec<String>,
    outputs: BTreeMap<String, String>,
    run: JobRun,
}

impl<'a> GitHubJob<'a> {
    /// Runs job `job` of the workflow at `workflow` (relative to the workspace) with the
    /// event's variables; `given` holds what skipped actions output, as
    /// `steps.<id>.outputs.<name>` → value.
    pub fn run(
        machine: &'a Machine,
        workflow: &str,
        job: &str,
        event: &[(&str, &str)],
        given: &[(&str, &str)],
    ) -> JobRun {
        let doc = yaml(&machine.workspace.join(workflow));
        let spec = &doc["jobs"][job];
        assert!(spec.is_object(), "{workflow}: no job `{job}`");
        let mut env = machine.env.clone();
        env.extend(event.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        env.extend(pairs(&doc["env"]));
        env.extend(pairs(&spec["env"]));
        let summary = machine.scratch.join("step-summary.md");
        env.insert("GITHUB_STEP_SUMMARY".to_owned(), summary.display().to_string());
        env.insert("GITHUB_WORKSPACE".to_owned(), machine.workspace.display().to_string());
        env.insert("RUNNER_OS".to_owned(), "Linux".to_owned());
        let outputs = given.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let mut job = GitHubJob { machine, env, path: Vec::new(), outputs, run: JobRun::default() };
        for step in spec["steps"].as_array().expect("steps") {
            if !job.step(step, &BTreeMap::new()) {
                break;
            }
        }
        job.run
    }

    /// Runs one step; false when it failed.
    fn step(&mut self, step: &Value, inputs: &BTreeMap<String, String>) -> bool {
        assert!(step.get("if").is_none(), "the runner does not evaluate `if:` ({step})");
        if let Some(uses) = step["uses"].as_str() {
            let Some(local) = uses.strip_prefix("./") else {
                self.run.skipped.push(uses.to_owned());
                return true;
            };
            let action = yaml(&self.machine.workspace.join(local).join("action.yml"));
            assert_eq!(action["runs"]["using"], "composite", "{uses}");
            let mut given: BTreeMap<String, String> = action["inputs"]
                .as_object()
                .map(|inputs| inputs.iter().map(|(k, v)| (k.clone(), text(&v["default"]))).collect())
                .unwrap_or_default();
            for (key, value) in pairs(&step["with"]) {
                given.insert(key, self.expand(&value, inputs));
            }
            return action["runs"]["steps"].as_array().expect("steps").iter().all(|inner| self.step(inner, &given));
        }
        let script = self.expand(step["run"].as_str().expect("a step has `run:` or `uses:`"), inputs);
        let name = step["name"].as_str().map_or_else(|| script.lines().next().unwrap_or("").to_owned(), str::to_owned);
        let files: Vec<PathBuf> =
            ["output", "path", "env"].iter().map(|f| self.machine.scratch.join(format!("github-{f}"))).collect();
        for file in &files {
            fs::write(file, "").unwrap();
        }
        let mut env = self.env.clone();
        for (key, value) in pairs(&step["env"]) {
            env.insert(key, self.expand(&value, inputs));
        }
        env.insert("GITHUB_OUTPUT".to_owned(), files[0].display().to_string());
        env.insert("GITHUB_PATH".to_owned(), files[1].display().to_string());
        env.insert("GITHUB_ENV".to_owned(), files[2].display().to_string());
        let base = env.get("PATH").cloned().unwrap_or_default();
        let mut path: Vec<String> = self.path.iter().rev().cloned().collect();
        path.push(base);
        env.insert("PATH".to_owned(), path.join(":"));
        let shell: &[&str] = match step["shell"].as_str() {
            Some("bash") => &["bash", "--noprofile", "--norc", "-eo", "pipefail"],
            None => &["bash", "-e"],
            Some(other) => panic!("shell `{other}` is not run here"),
        };
        let ran = self.machine.run_script(&name, shell, &script, &env);
        let ok = ran.code == 0;
        self.run.steps.push(ran);
        if let Some(id) = step["id"].as_str() {
            for line in fs::read_to_string(&files[0]).unwrap().lines() {
                let (key, value) = line.split_once('=').expect("name=value in GITHUB_OUTPUT");
                self.outputs.insert(format!("steps.{id}.outputs.{key}"), value.to_owned());
            }
        }
        self.path.extend(fs::read_to_string(&files[1]).unwrap().lines().map(str::to_owned));
        for line in fs::read_to_string(&files[2]).unwrap().lines() {
            let (key, value) = line.split_once('=').expect("NAME=value in GITHUB_ENV");
            self.env.insert(key.to_owned(), value.to_owned());
        }
        ok
    }

    /// `text` with every `${{ expression }}` replaced by its value.
    fn expand(&self, text: &str, inputs: &BTreeMap<String, String>) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${{") {
            out.push_str(&rest[..start]);
            let end = rest[start..].find("}}").expect("closed expression") + start;
            let expression = rest[start + 3..end].trim();
            let value = if let Some(name) = expression.strip_prefix("inputs.") {
                inputs.get(name).cloned()
            } else if expression == "runner.os" {
                Some("Linux".to_owned())
            } else {
                self.outputs.get(expression).cloned()
            };
            out.push_str(&value.unwrap_or_else(|| panic!("unknown expression `{expression}`")));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }
}

/// Keys of `.gitlab-ci.yml` that are not jobs.
const GITLAB_RESERVED: &[&str] =
    &["image", "services", "stages", "variables", "cache", "default", "include", "workflow"];

/// Runs the pipeline of `.gitlab-ci.yml` for the event `pipeline` (its predefined variables):
/// the jobs its rules select, stage by stage, until one fails. Returns (job, run) pairs.
pub fn gitlab_pipeline(machine: &Machine, pipeline: &[(&str, &str)]) -> Vec<(String, StepRun)> {
    let doc = yaml(&machine.workspace.join(".gitlab-ci.yml"));
    let mut env = machine.env.clone();
    env.extend(pipeline.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    env.extend(pairs(&doc["variables"]));
    let stages: Vec<String> = doc["stages"].as_array().map_or_else(
        || ["build", "test", "deploy"].map(str::to_owned).to_vec(),
        |stages| stages.iter().map(text).collect(),
    );
    let jobs = doc
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| !GITLAB_RESERVED.contains(&name.as_str()) && !name.starts_with('.'));
    let mut selected: Vec<(usize, &String, &Value)> = jobs
        .filter(|(_, job)| selected_by_rules(job, &env))
        .map(|(name, job)| {
            let stage = job["stage"].as_str().unwrap_or("test");
            (stages.iter().position(|s| s == stage).unwrap_or_else(|| panic!("unknown stage {stage}")), name, job)
        })
        .collect();
    selected.sort_by_key(|(stage, _, _)| *stage);
    let mut runs = Vec::new();
    for (_, name, job) in selected {
        let lines = |key: &str| -> Vec<String> {
            let value = if job.get(key).is_some() { &job[key] } else { &doc["default"][key] };
            value.as_array().map_or_else(Vec::new, |lines| lines.iter().map(text).collect())
        };
        let mut script = lines("before_script");
        script.extend(lines("script"));
        let mut job_env = env.clone();
        job_env.extend(pairs(&job["variables"]));
        let ran = machine.run_script(name, &["bash", "-eo", "pipefail"], &(script.join("\n") + "\n"), &job_env);
        let failed = ran.code != 0;
        runs.push((name.clone(), ran));
        if failed {
            break;
        }
    }
    runs
}

/// Whether a job runs: no `rules:`, or a rule whose `if:` holds (GitLab's subset we use:
/// `$VAR == "text"`, `$VAR == $OTHER`, `!=`, joined by `&&`).
fn selected_by_rules(job: &Value, env: &BTreeMap<String, String>) -> bool {
    let Some(rules) = job["rules"].as_array() else { return true };
    rules.iter().any(|rule| {
        assert!(rule.get("when").is_none_or(|w| w != "never"), "`when: never` is not run here");
        let condition = rule["if"].as_str().expect("rules with if:");
        condition.split("&&").all(|part| {
            let (left, right, equal) = match part.split_once("!=") {
                Some((l, r)) => (l, r, false),
                None => {
                    let (l, r) = part.split_once("==").unwrap_or_else(|| panic!("condition `{part}`"));
                    (l, r, true)
                }
            };
            let operand = |side: &str| -> String {
                let side = side.trim();
                match side.strip_prefix('$') {
                    Some(name) => env.get(name).cloned().unwrap_or_default(),
                    None => side.trim_matches('"').to_owned(),
                }
            };
            (operand(left) == operand(right)) == equal
        })
    })
}
