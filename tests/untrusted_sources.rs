//! A repository is untrusted: no committed link may make guong read or publish a file
//! outside the site root or inside a hidden path (`.git/config` holds the CI token that
//! `actions/checkout` stores). Each case commits the links, clones the repository fresh and
//! checks and builds the clone as CI would, from the work tree and with `--rev` (where a
//! link is a blob of mode 120000, resolved inside the commit, never on disk).

mod common;
mod git_support;

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Run;
use git_support::{Clone, GitSite};

const SECRET: &str = "BÍ-MẬT-CỦA-MÁY-CI";

/// The minimal site with `links` (path → target) committed, cloned fresh, with a folder
/// `outside/` beside the clone (`../outside` from the clone's site root) holding secrets,
/// and the secret also in the clone's `.git/config`.
fn clone_with_links(links: &[(&str, &str)]) -> Clone {
    let clone = Clone::minimal_with_links(links);
    clone.temp.write("outside/passwd", &format!("{SECRET}\n"));
    clone.temp.write("outside/secret.md", &format!("---\ntype: trang\ntitle: \"{SECRET}\"\n---\n{SECRET}\n"));
    let config = clone.temp.dir.join("clone/.git/config");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("{text}[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n")).unwrap();
    clone
}

/// Every file of the built site that holds the secret.
fn leaks(clone: &Clone) -> Vec<String> {
    common::snapshot(&clone.root.join("public"))
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(SECRET))
        .map(|(path, _)| path)
        .collect()
}

/// `(severity, code, path, line, column, message)` of each diagnostic.
type Found = Vec<(String, String, String, u64, u64, String)>;

/// `(severity, code, path, line, column, message)` of each diagnostic of a JSON run.
fn diagnostics(run: &Run) -> Found {
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap().to_owned();
            let number = |key: &str| d[key].as_u64().unwrap();
            (text("severity"), text("code"), text("path"), number("line"), number("column"), text("message"))
        })
        .collect()
}

fn warning(code: &str, path: &str, message: &str) -> (String, String, String, u64, u64, String) {
    ("warning".into(), code.into(), path.into(), 1, 1, message.into())
}

#[test]
fn links_to_hidden_files_and_outside_the_root_are_skipped_with_a_warning() {
    let clone = clone_with_links(&[
        ("static/cfg.txt", "../.git/config"),
        ("static/passwd", "../../outside/passwd"),
        ("content/trang/bi-mat.md", "../../../outside/secret.md"),
        ("content/trang/tuyet-doi.md", "/etc/passwd"),
    ]);
    let expected = [
        warning(
            "P-LINK",
            "content/trang/bi-mat.md",
            "Liên kết `content/trang/bi-mat.md` trỏ tới `../../../outside/secret.md`, dẫn ra ngoài thư mục gốc của trang; guong bỏ qua tệp này",
        ),
        warning(
            "P-LINK",
            "content/trang/tuyet-doi.md",
            "Liên kết `content/trang/tuyet-doi.md` trỏ tới `/etc/passwd`, dẫn ra ngoài thư mục gốc của trang; guong bỏ qua tệp này",
        ),
        warning(
            "P-LINK",
            "static/cfg.txt",
            "Liên kết `static/cfg.txt` trỏ tới `../.git/config`, dẫn vào tệp hoặc thư mục ẩn (tên bắt đầu bằng `.`, như `.git`); guong bỏ qua tệp này",
        ),
        warning(
            "P-LINK",
            "static/passwd",
            "Liên kết `static/passwd` trỏ tới `../../outside/passwd`, dẫn ra ngoài thư mục gốc của trang; guong bỏ qua tệp này",
        ),
    ];
    for rev in [None, Some("HEAD")] {
        let mut args = vec!["check", "--format", "json"];
        args.extend(rev.iter().flat_map(|rev| ["--rev", rev]));
        let run = clone.run(&args);
        assert_eq!(run.code, 0, "{rev:?}: {}{}", run.stdout, run.stderr);
        assert_eq!(diagnostics(&run), expected, "{rev:?}");

        let mut args = vec!["build"];
        args.extend(rev.iter().flat_map(|rev| ["--rev", rev]));
        let run = clone.run(&args);
        assert_eq!(run.code, 0, "{rev:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.contains("(4 cảnh báo"), "{}", run.stdout);
        assert_eq!(leaks(&clone), Vec::<String>::new(), "{rev:?}");
        assert!(!clone.root.join("public/trang/bi-mat").exists());
        let compliance = fs::read_to_string(clone.root.join("public/kiem-tra/index.html")).unwrap();
        assert!(compliance.contains("P-LINK"), "the warnings are published on /kiem-tra/");
    }
    let run = clone.run(&["check", "--format", "github"]);
    assert!(
        run.stdout
            .contains("::warning file=static/cfg.txt,line=1,col=1,title=P-LINK::Liên kết `static/cfg.txt` trỏ tới"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_registry_replaced_by_a_link_is_an_error_not_a_way_around_its_checks() {
    for (registry, target) in
        [("content/to-chuc.yml", "../../outside/to-chuc.yml"), ("content/danh-muc.yml", "khong-co.yml")]
    {
        let site = GitSite::minimal();
        let text = fs::read_to_string(site.root().join(registry)).unwrap();
        site.remove(registry);
        site.link(registry, target);
        site.commit("Kẻ tấn công", "2024-05-01", "Thay danh mục bằng liên kết");
        let clone = site.clone_fresh();
        clone.temp.write("outside/to-chuc.yml", &text);
        for rev in [None, Some("HEAD")] {
            let mut args = vec!["check", "--format", "json"];
            args.extend(rev.iter().flat_map(|rev| ["--rev", rev]));
            let run = clone.run(&args);
            assert_eq!(run.code, 1, "{registry} {rev:?}: {}{}", run.stdout, run.stderr);
            let found = diagnostics(&run);
            let required = (
                "error".into(),
                "F-REQUIRED".into(),
                registry.into(),
                1,
                1,
                format!("Tệp bắt buộc `{registry}` không được đọc vì không phải tệp thường"),
            );
            assert!(found.contains(&required), "{registry} {rev:?}: {found:?}");
            assert!(found.iter().any(|d| d.1 == "P-LINK" && d.2 == registry), "{found:?}");
            let mut args = vec!["build"];
            args.extend(rev.iter().flat_map(|rev| ["--rev", rev]));
            assert_eq!(clone.run(&args).code, 1, "a site without its registry is not published");
        }
    }
}

#[test]
fn site_folders_that_are_links_outside_the_root_are_refused() {
    for (folder, target) in
        [("static", "../outside"), ("templates", "/etc"), ("content", "../outside"), ("static", ".git")]
    {
        let clone = clone_with_links(&[]);
        let path = clone.root.join(folder);
        if path.is_dir() {
            fs::remove_dir_all(&path).unwrap();
        }
        std::os::unix::fs::symlink(target, &path).unwrap();
        for args in [&["check"][..], &["build"]] {
            let run = clone.run(args);
            assert_eq!(run.code, 2, "{folder} -> {target} {args:?}: {}{}", run.stdout, run.stderr);
            let why = if target == ".git" {
                "dẫn vào tệp hoặc thư mục ẩn"
            } else {
                "dẫn ra ngoài thư mục gốc của trang"
            };
            assert!(run.stderr.contains(&format!("thư mục `{folder}` của trang {why}")), "{}", run.stderr);
            assert!(!clone.root.join("public").exists());
        }
    }
}

#[test]
fn committed_folder_links_are_refused_with_rev_as_in_the_clone() {
    let clone = clone_with_links(&[("static", "../outside")]);
    for args in [&["build"][..], &["build", "--rev", "HEAD"], &["check", "--rev", "HEAD"]] {
        let run = clone.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("thư mục `static` của trang dẫn ra ngoài thư mục gốc của trang"), "{}", run.stderr);
    }
    assert!(!clone.root.join("public").exists());
}

#[test]
fn links_that_stay_inside_the_root_are_read_and_the_clone_builds_as_the_commit() {
    let site = GitSite::minimal();
    fs::rename(site.root().join("content"), site.root().join("noi-dung")).unwrap();
    site.write("tai-nguyen/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    site.link("content", "noi-dung");
    site.link("static", "tai-nguyen");
    site.link("noi-dung/trang/gioi-thieu-lai.md", "gioi-thieu.md");
    site.write(".gitignore", "public/\n");
    site.commit("Biên tập viên", "2024-05-01", "Nội dung trong thư mục khác");
    let clone = site.clone_fresh();
    let run = clone.run(&["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(clone.root.join("public/trang/gioi-thieu-lai/index.html").is_file());
    assert!(clone.root.join("public/logo.svg").is_file());
    let from_work_tree = common::snapshot(&clone.root.join("public"));
    let run = clone.run(&["build", "--rev", "HEAD", "--output", "public-rev"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let from_commit = common::snapshot(&clone.root.join("public-rev"));
    assert_eq!(from_work_tree.keys().collect::<Vec<_>>(), from_commit.keys().collect::<Vec<_>>());
}

#[test]
fn changed_since_lists_a_link_the_change_adds_but_not_one_already_there() {
    let site = GitSite::minimal();
    site.link("static/cu.txt", "../.git/config");
    let base = site.commit("Biên tập viên", "2024-05-01", "Liên kết cũ");
    site.link("static/moi.txt", "../.git/config");
    site.commit("Kẻ tấn công", "2024-05-02", "Liên kết mới");
    let clone = site.clone_fresh();
    let run = clone.run(&["check", "--format", "json", "--changed-since", &base.to_string()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let listed: Vec<String> = diagnostics(&run).into_iter().map(|d| format!("{} {}", d.1, d.2)).collect();
    assert_eq!(listed, ["P-LINK static/moi.txt"]);
}

/// Runs `guong` with a generous time limit: a check that hangs (on a FIFO, say) fails
/// the test instead of hanging it.
fn run_with_limit(clone: &Clone, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_guong"))
        .arg("--root")
        .arg(&clone.root)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("guong {args:?} still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn a_fifo_is_skipped_with_a_warning_and_never_waited_on() {
    let clone = clone_with_links(&[("content/trang/ong.md", "ong-that")]);
    let fifo = clone.root.join("content/trang/ong-that");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let run = run_with_limit(&clone, &["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        diagnostics(&run),
        [
            warning(
                "P-SPECIAL",
                "content/trang/ong-that",
                "`content/trang/ong-that` là ống dẫn có tên (FIFO), không phải tệp thường; guong bỏ qua",
            ),
            warning(
                "P-LINK",
                "content/trang/ong.md",
                "Liên kết `content/trang/ong.md` trỏ tới `ong-that`, là ống dẫn có tên (FIFO), không phải tệp thường; guong bỏ qua tệp này",
            ),
        ]
    );
    let run = run_with_limit(&clone, &["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_huge_file_is_refused_by_its_size_without_being_read() {
    let clone = clone_with_links(&[]);
    let huge = fs::File::create(clone.root.join("content/trang/khong-lo.md")).unwrap();
    huge.set_len(400 * 1024 * 1024).unwrap();
    clone.temp.write_bytes("clone/static/anh.bin", &vec![0u8; 33 * 1024 * 1024]);
    let run = run_with_limit(&clone, &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let found = diagnostics(&run);
    let sizes: Vec<(&str, &str)> = found.iter().map(|d| (d.2.as_str(), d.5.as_str())).collect();
    assert_eq!(
        sizes,
        [
            ("content/trang/khong-lo.md", "Tệp quá lớn (400,0 MB); giới hạn 1 MB"),
            ("static/anh.bin", "Tệp quá lớn (33,0 MB); giới hạn 32 MB"),
        ]
    );
    assert!(found.iter().all(|d| d.1 == "P-SIZE" && d.3 == 1 && d.4 == 1));
}

/// Removes the object of `path` (a file or folder) in `commit` (a broken disk, a cut clone),
/// then checks HEAD, which must fail: its diagnostics.
fn check_damaged(site: &GitSite, commit: git2::Oid, path: &str) -> Found {
    let tree = site.repo.find_commit(commit).unwrap().tree().unwrap();
    let id = tree.get_path(std::path::Path::new(path)).unwrap().id().to_string();
    fs::remove_file(site.temp.dir.join(".git/objects").join(&id[..2]).join(&id[2..])).unwrap();
    let run = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    diagnostics(&run)
}

/// The code and path of each diagnostic.
fn codes(found: &Found) -> Vec<(&str, &str)> {
    found.iter().map(|d| (d.1.as_str(), d.2.as_str())).collect()
}

#[test]
fn an_unreadable_file_is_an_error_naming_it_and_the_rest_is_still_checked() {
    let site = GitSite::minimal();
    site.write(
        "content/trang/hong.md",
        "---\ntype: trang\ntitle: \"Trang hỏng\"\n---\nNội dung riêng của trang hỏng\n",
    );
    site.write("content/trang/loi.md", "---\ntype: trang\ntitle: \"Lỗi\"\nkhong_co: 1\n---\n");
    let commit = site.commit("Biên tập viên", "2024-05-01", "Hai trang");
    let found = check_damaged(&site, commit, "content/trang/hong.md");
    assert_eq!(codes(&found), [("P-READ", "content/trang/hong.md"), ("P-UNKNOWN-KEY", "content/trang/loi.md")]);
    assert!(found[0].5.starts_with("Không đọc được tệp `content/trang/hong.md`: "), "{}", found[0].5);
    assert_eq!((found[0].3, found[0].4), (1, 1));
    // A build reads each file while checking it: the same file stops it, named.
    let out = site.temp.dir.join("out");
    let run = site.run(&["build", "--rev", "HEAD", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("Không đọc được tệp `content/trang/hong.md`: "), "{}", run.stderr);
    assert!(!out.exists());
}

#[test]
fn an_unreadable_folder_under_content_is_an_error_naming_it() {
    let site = GitSite::minimal();
    site.write("content/trang/nhom/mot.md", "---\ntype: trang\ntitle: \"Trang trong nhóm\"\n---\nNội dung\n");
    site.write("content/trang/loi.md", "---\ntype: trang\ntitle: \"Lỗi\"\nkhong_co: 1\n---\n");
    let commit = site.commit("Biên tập viên", "2024-05-01", "Một nhóm trang");
    // A damaged tree object: the folder's files cannot even be listed.
    let found = check_damaged(&site, commit, "content/trang/nhom");
    assert_eq!(codes(&found), [("P-UNKNOWN-KEY", "content/trang/loi.md"), ("P-READ", "content/trang/nhom")]);
    assert!(found[1].5.starts_with("Không đọc được thư mục `content/trang/nhom`: "), "{}", found[1].5);
    assert!(found[1].5.ends_with("; các tệp trong đó không được kiểm tra"), "{}", found[1].5);
}

#[test]
fn a_committed_link_longer_than_any_file_system_allows_is_never_loaded() {
    let site = GitSite::minimal();
    site.commit("Biên tập viên", "2024-05-01", "Trang");
    // A link no checkout could hold: its target is longer than PATH_MAX. Only a commit made
    // by hand carries one; guong reads its size, not its bytes.
    let mut index = site.repo.index().unwrap();
    let target = "a/".repeat(3000);
    let entry = git2::IndexEntry {
        ctime: git2::IndexTime::new(0, 0),
        mtime: git2::IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode: 0o120000,
        uid: 0,
        gid: 0,
        file_size: target.len() as u32,
        id: git2::Oid::ZERO_SHA1,
        flags: 0,
        flags_extended: 0,
        path: b"content/trang/dai.md".to_vec(),
    };
    index.add_frombuffer(&entry, target.as_bytes()).unwrap();
    let tree = site.repo.find_tree(index.write_tree().unwrap()).unwrap();
    let head = site.repo.head().unwrap().peel_to_commit().unwrap();
    let signature = git2::Signature::now("Biên tập viên", "btv@example.org").unwrap();
    site.repo.commit(Some("HEAD"), &signature, &signature, "Liên kết dài", &tree, &[&head]).unwrap();
    let run = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let found = diagnostics(&run);
    assert_eq!(codes(&found), [("P-SPECIAL", "content/trang/dai.md")]);
    assert!(found[0].5.contains("là tệp đặc biệt, không phải tệp thường"), "{}", found[0].5);
}

#[test]
fn guong_new_never_writes_through_a_link() {
    let clone = clone_with_links(&[]);
    fs::remove_dir_all(clone.root.join("content/trang")).unwrap();
    std::os::unix::fs::symlink("../../outside", clone.root.join("content/trang")).unwrap();
    let before = common::snapshot(&clone.temp.dir.join("outside"));
    let run = clone.run(&["new", "page", "--title", "Trang mới"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("tệp `content/trang/trang-moi.md` dẫn ra ngoài thư mục gốc của trang"),
        "{}",
        run.stderr
    );
    assert_eq!(common::snapshot(&clone.temp.dir.join("outside")), before);
}
