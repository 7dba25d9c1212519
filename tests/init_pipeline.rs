//! The CI files `guong init` writes work: they are valid for their hosts (the GitHub workflow,
//! GitHub action and GitLab CI schemas that `check-jsonschema` ships), and their `run:` and
//! `script:` steps, run in order in a throwaway Git repository made by `guong init`, block a
//! pull request carrying a bad model (an annotation at the bad line; the good model, a copy of
//! the sample one, gets warnings only), pass it once only the good model is left, install guong once and take it from the cache after, and publish the
//! site on the main branch.

mod ci_support;
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use ci_support::{GitHubJob, Machine, gitlab_pipeline};
use common::tools::tool_test;
use common::{TempSite, guong};

const SAMPLE_MODEL: &str = "content/mo-hinh/so-giao-duc/mh-van-phong-tiet-kiem.md";
const GOOD: &str = "content/mo-hinh/so-giao-duc/mh-moi-tot.md";
const BAD: &str = "content/mo-hinh/so-giao-duc/mh-moi-loi.md";

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(["-c", "user.name=Nguyễn Văn An", "-c", "user.email=an@example.org", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// A department's site repository on a Git host, a CI machine with a checkout of it, and a
/// repository standing for guong's source.
struct Host {
    _temp: TempSite,
    origin: PathBuf,
    author: PathBuf,
    guong_source: PathBuf,
    machine: Machine,
    cargo_log: PathBuf,
}

impl Host {
    fn new() -> Host {
        let temp = TempSite::empty();
        let base = temp.dir.clone();
        let guong_source = base.join("guong-source");
        fs::create_dir_all(&guong_source).unwrap();
        git(&guong_source, &["init", "-q"]);
        fs::write(guong_source.join("Cargo.toml"), "[package]\nname = \"guong\"\n").unwrap();
        git(&guong_source, &["add", "."]);
        git(&guong_source, &["commit", "-qm", "guong"]);

        let author = base.join("trang");
        let source = guong_source.display().to_string();
        let init =
            guong(&["init", author.to_str().unwrap(), "--guong-git", &source, "--owner", "@so-gd/ban-tuyen-giao"]);
        assert_eq!(init.code, 0, "{}", init.stderr);
        git(&author, &["init", "-q"]);
        git(&author, &["add", "."]);
        git(&author, &["commit", "-qm", "Khởi tạo trang"]);
        let origin = base.join("origin.git");
        git(&base, &["clone", "-q", "--bare", author.to_str().unwrap(), origin.to_str().unwrap()]);
        git(&author, &["remote", "add", "origin", origin.to_str().unwrap()]);
        git(&author, &["fetch", "-q", "origin"]);

        let workspace = base.join("workspace");
        git(&base, &["clone", "-q", origin.to_str().unwrap(), workspace.to_str().unwrap()]);
        let bin = base.join("bin");
        fs::create_dir_all(&bin).unwrap();
        let cargo = bin.join("cargo");
        fs::write(
            &cargo,
            "#!/bin/sh\n# Stands for `cargo install`: records the call, installs the guong under test.\n\
             echo \"$*\" >> \"$FAKE_CARGO_LOG\"\nroot=\nwhile [ $# -gt 0 ]; do [ \"$1\" = --root ] && root=$2; shift; done\n\
             mkdir -p \"$root/bin\" && cp \"$GUONG_UNDER_TEST\" \"$root/bin/guong\"\n",
        )
        .unwrap();
        Command::new("chmod").arg("+x").arg(&cargo).status().unwrap();
        let scratch = base.join("runner");
        fs::create_dir_all(&scratch).unwrap();
        let home = base.join("home");
        fs::create_dir_all(&home).unwrap();
        let cargo_log = base.join("cargo.log");
        let env: BTreeMap<String, String> = [
            ("PATH", format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display())),
            ("HOME", home.display().to_string()),
            ("LANG", "C.UTF-8".to_owned()),
            ("CI", "true".to_owned()),
            ("GIT_CONFIG_NOSYSTEM", "1".to_owned()),
            ("FAKE_CARGO_LOG", cargo_log.display().to_string()),
            ("GUONG_UNDER_TEST", env!("CARGO_BIN_EXE_guong").to_owned()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        Host { _temp: temp, origin, author, guong_source, machine: Machine { workspace, env, scratch }, cargo_log }
    }

    /// Pushes a branch `them-mo-hinh` adding a good and a bad model; returns the line and
    /// column of the bad value.
    fn open_pull_request(&self) -> (usize, usize) {
        git(&self.author, &["checkout", "-q", "-b", "them-mo-hinh"]);
        let sample = fs::read_to_string(self.author.join(SAMPLE_MODEL)).unwrap();
        fs::write(self.author.join(GOOD), sample.replace("id: mh-van-phong-tiet-kiem", "id: mh-moi-tot")).unwrap();
        let bad = sample
            .replace("id: mh-van-phong-tiet-kiem", "id: mh-moi-loi")
            .replace("status: dang_thuc_hien", "status: dang_lam");
        assert_ne!(bad, sample.replace("id: mh-van-phong-tiet-kiem", "id: mh-moi-loi"), "the sample has a status line");
        fs::write(self.author.join(BAD), &bad).unwrap();
        git(&self.author, &["add", "."]);
        git(&self.author, &["commit", "-qm", "Thêm hai mô hình"]);
        git(&self.author, &["push", "-q", "origin", "them-mo-hinh"]);
        let line = bad.lines().position(|l| l.starts_with("status: ")).unwrap() + 1;
        (line, "status: ".len() + 1)
    }

    /// The pull request without its bad model.
    fn fix_pull_request(&self) {
        git(&self.author, &["rm", "-q", BAD]);
        git(&self.author, &["commit", "-qm", "Bỏ mô hình lỗi"]);
        git(&self.author, &["push", "-q", "origin", "them-mo-hinh"]);
    }

    fn merge_pull_request(&self) {
        git(&self.author, &["checkout", "-q", "main"]);
        git(&self.author, &["merge", "-q", "--no-ff", "--no-edit", "them-mo-hinh"]);
        git(&self.author, &["push", "-q", "origin", "main"]);
    }

    /// Checks out what the host checks out: `merge` (GitHub's merge commit of the pull
    /// request into main), `branch` (its head) or `main`. Untracked files (the guong cache)
    /// stay, as a restored cache would put them back.
    fn checkout(&self, what: &str) {
        let workspace = &self.machine.workspace;
        git(workspace, &["fetch", "-q", "origin"]);
        match what {
            "merge" => {
                git(workspace, &["checkout", "-q", "--detach", "origin/main"]);
                git(workspace, &["merge", "-q", "--no-ff", "--no-edit", "origin/them-mo-hinh"]);
            }
            "branch" => {
                git(workspace, &["checkout", "-q", "--detach", "origin/them-mo-hinh"]);
            }
            _ => {
                git(workspace, &["checkout", "-q", "--detach", "origin/main"]);
            }
        }
    }

    fn installs(&self) -> Vec<String> {
        fs::read_to_string(&self.cargo_log).unwrap_or_default().lines().map(str::to_owned).collect()
    }

    fn expected_install(&self) -> String {
        let rev = git(&self.guong_source, &["rev-parse", "HEAD"]);
        format!("install --locked --root .guong-cache --git {} --rev {rev} guong", self.guong_source.display())
    }
}

tool_test! {
    fn init_writes_ci_files_valid_for_github_and_gitlab() needs ["check-jsonschema"] {
        let site = TempSite::empty();
        let dir = site.dir.join("trang");
        let run = guong(&["init", dir.to_str().unwrap(), "--guong-git", "https://git.example.org/guong.git", "--owner", "so-gd/btg"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        for (schema, file) in [
            ("vendor.github-workflows", ".github/workflows/check.yml"),
            ("vendor.github-workflows", ".github/workflows/publish.yml"),
            ("vendor.github-actions", ".github/actions/guong/action.yml"),
            ("vendor.gitlab-ci", ".gitlab-ci.yml"),
        ] {
            let output = Command::new("check-jsonschema").args(["--builtin-schema", schema]).arg(dir.join(file)).output().unwrap();
            assert!(output.status.success(), "{file} is not valid against {schema}:\n{}", String::from_utf8_lossy(&output.stdout));
        }
        let action = fs::read_to_string(dir.join(".github/actions/guong/action.yml")).unwrap();
        assert!(action.contains("default: \"https://git.example.org/guong.git\""), "{action}");
        assert!(fs::read_to_string(dir.join(".gitlab-ci.yml")).unwrap().contains("GUONG_GIT: \"https://git.example.org/guong.git\""));
        let owners = fs::read_to_string(dir.join(".github/CODEOWNERS")).unwrap();
        let rules: Vec<&str> = owners.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            rules,
            ["danh-muc.yml", "to-chuc.yml"]
                .map(|file| format!("/content/{file} @so-gd/btg"))
                .into_iter()
                .chain(["/site.yml", "/templates/", "/static/", "/.github/"].map(|path| format!("{path} @so-gd/btg")))
                .collect::<Vec<_>>()
        );
        let ignored = fs::read_to_string(dir.join(".gitignore")).unwrap();
        for path in ["/public/", "/.public.guong-prev/", "/.public.guong-cache/", "/.guong-cache/"] {
            assert!(ignored.lines().any(|l| l == path), "{path} not in .gitignore");
        }
        let publish = fs::read_to_string(dir.join(".github/workflows/publish.yml")).unwrap();
        assert!(publish.contains("fetch-depth: 0") && publish.contains("actions/deploy-pages@"), "{publish}");
    }
}

#[test]
fn init_without_pipeline_flags_says_what_to_fill_in() {
    let site = TempSite::empty();
    let run = guong(&["init", site.dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Cần sửa: địa chỉ Git của mã nguồn guong"), "{}", run.stdout);
    assert!(run.stdout.contains("Cần sửa: người duyệt @ban-tuyen-giao"), "{}", run.stdout);
    assert!(site.read(".gitlab-ci.yml").contains("GUONG_GIT: \"\""));
}

#[test]
fn init_readme_names_guong_by_the_source_given() {
    for (flag, expected) in [
        (None, "dựng bằng guong."),
        (Some("https://git.so-gd.vn/guong.git"), "dựng bằng [guong](https://git.so-gd.vn/guong.git)."),
        (Some("git@git.so-gd.vn:btg/guong.git"), "dựng bằng guong (`git@git.so-gd.vn:btg/guong.git`)."),
    ] {
        let site = TempSite::empty();
        let dir = site.dir.join("trang");
        let mut args = vec!["init", dir.to_str().unwrap()];
        args.extend(flag.iter().flat_map(|url| ["--guong-git", url]));
        let run = guong(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let readme = fs::read_to_string(dir.join("README.md")).unwrap();
        assert!(readme.lines().any(|line| line.ends_with(expected)), "{flag:?}: {readme}");
        assert!(!readme.contains("example.org"), "{readme}");
    }
}

tool_test! {
    fn github_workflows_check_pull_requests_and_publish_the_site() needs ["git"] {
        let host = Host::new();
        let (line, column) = host.open_pull_request();
        let pull_request = [("GITHUB_EVENT_NAME", "pull_request"), ("GITHUB_BASE_REF", "main"), ("GITHUB_HEAD_REF", "them-mo-hinh")];

        host.checkout("merge");
        let check = GitHubJob::run(&host.machine, ".github/workflows/check.yml", "check", &pull_request, &[]);
        assert_eq!(check.skipped, ["actions/checkout@v4", "actions/cache@v4"]);
        let failed = check.failure().expect("the bad model fails the check");
        assert_eq!((failed.name.as_str(), failed.code), ("Kiểm tra các tệp thay đổi", 1), "{failed:#?}");
        let annotation = format!("::error file={BAD},line={line},col={column},title=F-ENUM::");
        assert!(failed.stdout.lines().any(|l| l.starts_with(&annotation)), "no `{annotation}` in:\n{}", failed.stdout);
        assert!(!failed.stdout.contains(&format!("::error file={GOOD}")), "{}", failed.stdout);
        let summary = fs::read_to_string(host.machine.scratch.join("step-summary.md")).unwrap();
        assert!(summary.contains("F-ENUM") && summary.contains(BAD), "{summary}");
        assert_eq!(host.installs(), [host.expected_install()], "guong is installed once, from the pinned commit");

        host.fix_pull_request();
        host.checkout("merge");
        let check = GitHubJob::run(&host.machine, ".github/workflows/check.yml", "check", &pull_request, &[]);
        assert!(check.failure().is_none(), "{check:#?}");
        let passed = check.step("Kiểm tra các tệp thay đổi");
        assert!(!passed.stdout.contains("::error") && passed.stdout.contains(&format!("::warning file={GOOD}")), "{}", passed.stdout);
        assert_eq!(host.installs().len(), 1, "the second run takes guong from the cache");

        host.merge_pull_request();
        host.checkout("main");
        let push = [("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/heads/main")];
        let pages = [("steps.pages.outputs.base_url", "https://so-gd.github.io/trang")];
        let build = GitHubJob::run(&host.machine, ".github/workflows/publish.yml", "build", &push, &pages);
        assert!(build.failure().is_none(), "{build:#?}");
        assert_eq!(build.skipped, ["actions/checkout@v4", "actions/cache@v4", "actions/configure-pages@v5", "actions/upload-pages-artifact@v3"]);
        let public = host.machine.workspace.join("public");
        let page = fs::read_to_string(public.join("mo-hinh/mh-moi-tot/index.html")).expect("the merged model is published");
        assert!(page.contains("href=\"/trang/"), "links follow the Pages address");
        assert!(page.contains("Nguyễn Văn An"), "Git history is read: the contributor is shown");
        let deploy = GitHubJob::run(&host.machine, ".github/workflows/publish.yml", "deploy", &push, &[]);
        assert_eq!((deploy.steps.len(), deploy.skipped.as_slice()), (0, &["actions/deploy-pages@v4".to_owned()][..]));
    }
}

tool_test! {
    fn gitlab_pipeline_checks_merge_requests_and_publishes_pages() needs ["git"] {
        let host = Host::new();
        let (line, column) = host.open_pull_request();
        let base = git(&host.author, &["merge-base", "main", "them-mo-hinh"]);
        let merge_request = [
            ("CI_PIPELINE_SOURCE", "merge_request_event"),
            ("CI_DEFAULT_BRANCH", "main"),
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.as_str()),
        ];

        host.checkout("branch");
        let runs = gitlab_pipeline(&host.machine, &merge_request);
        let jobs: Vec<(&str, i32)> = runs.iter().map(|(name, run)| (name.as_str(), run.code)).collect();
        assert_eq!(jobs, [("check", 1)], "{runs:#?}");
        let expected = format!("{BAD}:{line}:{column}: LỖI [F-ENUM]");
        assert!(runs[0].1.stdout.lines().any(|l| l.starts_with(&expected)), "no `{expected}` in:\n{}", runs[0].1.stdout);
        assert!(!runs[0].1.stdout.lines().any(|l| l.starts_with(GOOD) && l.contains("LỖI")), "{}", runs[0].1.stdout);
        assert_eq!(host.installs(), [host.expected_install()]);

        host.fix_pull_request();
        host.checkout("branch");
        let runs = gitlab_pipeline(&host.machine, &merge_request);
        let jobs: Vec<(&str, i32)> = runs.iter().map(|(name, run)| (name.as_str(), run.code)).collect();
        assert_eq!(jobs, [("check", 0)], "{runs:#?}");
        assert_eq!(host.installs().len(), 1, "the second pipeline takes guong from the cache");

        host.merge_pull_request();
        host.checkout("main");
        let push = [
            ("CI_PIPELINE_SOURCE", "push"),
            ("CI_DEFAULT_BRANCH", "main"),
            ("CI_COMMIT_BRANCH", "main"),
            ("CI_PAGES_URL", "https://so-gd.gitlab.io/trang"),
        ];
        let runs = gitlab_pipeline(&host.machine, &push);
        let jobs: Vec<(&str, i32)> = runs.iter().map(|(name, run)| (name.as_str(), run.code)).collect();
        assert_eq!(jobs, [("pages", 0)], "{runs:#?}");
        let page = fs::read_to_string(host.machine.workspace.join("public/mo-hinh/mh-moi-tot/index.html")).unwrap();
        assert!(page.contains("href=\"/trang/") && page.contains("Nguyễn Văn An"));
        let _ = &host.origin;
    }
}
