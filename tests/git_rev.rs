//! `--rev REV`: checking the tree of a commit straight from the object database, whatever
//! the work tree holds (SPEC §4, §6).

mod common;
mod git_support;

use common::diagnostics;
use git_support::GitSite;

const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";
const BROKEN: &str = "---\ntype: mo_hinh\nid: [chưa đóng\n---\n";

#[test]
fn rev_checks_the_committed_tree_not_the_broken_work_tree() {
    let site = GitSite::minimal();
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    let clean = site.run(&["check", "--format", "json"]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);

    site.write(MODEL, BROKEN);
    let work_tree = site.run(&["check", "--format", "json"]);
    assert_eq!(work_tree.code, 1);
    assert!(diagnostics(&work_tree).iter().any(|(_, code, path, _)| code == "P-YAML" && path == MODEL));

    let committed = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    assert_eq!(committed.code, 0, "{}{}", committed.stdout, committed.stderr);
    assert_eq!(diagnostics(&committed), diagnostics(&clean));
    assert_eq!(committed.stdout, clean.stdout);
}

#[test]
fn rev_sees_a_committed_error_the_work_tree_has_fixed() {
    let site = GitSite::minimal();
    let good = site.read(MODEL);
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    site.write(MODEL, BROKEN);
    site.commit("Trần Thị Bình", "2023-02-01", "Sửa mô hình (lỗi)");
    site.write(MODEL, &good);

    assert_eq!(site.run(&["check"]).code, 0);
    let committed = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    assert_eq!(committed.code, 1);
    assert!(
        diagnostics(&committed).iter().any(|(_, code, path, line)| code == "P-YAML" && path == MODEL && *line >= 1)
    );
    let before = site.run(&["check", "--format", "json", "--rev", "HEAD~1"]);
    assert_eq!(before.code, 0, "{}", before.stdout);
}

#[test]
fn rev_reads_a_site_in_a_sub_folder_of_the_repository() {
    let site = GitSite::in_folder("web/trang-mo-hinh");
    common::copy_dir(&common::fixture("minimal"), &site.root());
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    site.write(MODEL, BROKEN);
    let committed = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    assert_eq!(committed.code, 0, "{}{}", committed.stdout, committed.stderr);
    assert!(
        committed.stdout.contains("\"files\":10") || committed.stdout.contains("\"files\": 10"),
        "{}",
        committed.stdout
    );
}

#[test]
fn rev_reads_site_yml_from_the_commit() {
    let site = GitSite::minimal();
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    site.remove("site.yml");
    assert_eq!(site.run(&["check"]).code, 2);
    assert_eq!(site.run(&["check", "--rev", "HEAD"]).code, 0);
}

#[test]
fn a_rev_that_names_no_commit_is_a_usage_error() {
    let site = GitSite::minimal();
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    for rev in ["khong-co-nhanh-nay", "HEAD~5", "0123456789abcdef0123456789abcdef01234567", "HEAD:site.yml"] {
        let run = site.run(&["check", "--rev", rev]);
        assert_eq!(run.code, 2, "{rev}: {}", run.stderr);
        assert!(run.stderr.contains(&format!("không tìm thấy commit `{rev}`")), "{rev}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn rev_outside_a_repository_is_a_usage_error() {
    let site = common::TempSite::minimal();
    let run = site.run(&["check", "--rev", "HEAD"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("không nằm trong kho Git"), "{}", run.stderr);
}

#[test]
fn rev_before_the_site_existed_is_a_usage_error() {
    let site = GitSite::in_folder("web");
    site.temp.write("README.md", "Kho của Ban Tuyên giáo\n");
    site.commit("Nguyễn Văn An", "2022-12-01", "Khởi tạo kho");
    common::copy_dir(&common::fixture("minimal"), &site.root());
    site.commit("Nguyễn Văn An", "2023-01-10", "Thêm trang");
    let run = site.run(&["check", "--rev", "HEAD~1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("không chứa thư mục `web`"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn committed_links_that_leave_the_root_are_not_read() {
    let site = GitSite::in_folder("web");
    common::copy_dir(&common::fixture("minimal"), &site.root());
    site.temp.write("bi-mat.md", BROKEN);
    std::os::unix::fs::symlink("../../../bi-mat.md", site.root().join("content/mo-hinh/lien-ket.md")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.root().join("content/mo-hinh/mat-khau.md")).unwrap();
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    let committed = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    assert_eq!(committed.code, 0, "{}", committed.stdout);
    // Not read (the broken file outside would be errors), but reported, never silent.
    let found = common::diagnostics(&committed);
    assert_eq!(
        found,
        [
            ("warning".into(), "P-LINK".into(), "content/mo-hinh/lien-ket.md".into(), 1),
            ("warning".into(), "P-LINK".into(), "content/mo-hinh/mat-khau.md".into(), 1),
        ]
    );
}

#[cfg(unix)]
#[test]
fn committed_links_inside_the_root_are_read_from_the_commit() {
    let site = GitSite::minimal();
    site.write("content/trang/nhap.md", BROKEN);
    std::os::unix::fs::symlink("../trang/nhap.md", site.root().join("content/mo-hinh/lien-ket.md")).unwrap();
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    site.remove("content/trang/nhap.md");
    let committed = site.run(&["check", "--format", "json", "--rev", "HEAD"]);
    let found = diagnostics(&committed);
    assert!(
        found.iter().any(|(_, code, path, _)| code == "P-YAML" && path == "content/mo-hinh/lien-ket.md"),
        "{found:?}"
    );
}

#[test]
fn a_shallow_clone_explains_a_missing_commit() {
    let site = GitSite::minimal();
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    site.write("content/trang/moi.md", "---\ntype: trang\ntitle: \"Trang mới\"\n---\n\nNội dung.\n");
    let head = site.commit("Nguyễn Văn An", "2023-02-10", "Thêm trang");
    std::fs::write(site.repo.path().join("shallow"), format!("{head}\n")).unwrap();
    let run = site.run(&["check", "--changed-since", "HEAD~1"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("shallow clone") && run.stderr.contains("fetch-depth: 0"), "{}", run.stderr);
    let history = guong::history::History::read(&site.root(), None).unwrap();
    let page = history.of("content/trang/moi.md").unwrap();
    assert_eq!(page.created.to_string(), "10/02/2023");
}
