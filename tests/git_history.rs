//! Git history of a site's files (SPEC §6): created, updated, contributors and revision
//! list from one walk, with renames, deletions, merges, sub-folder sites and `--rev`.

mod common;
mod git_support;

use git_support::GitSite;
use guong::history::History;

const A: &str = "content/mo-hinh/mh-a.md";
const B: &str = "content/mo-hinh/mh-b.md";

fn history(site: &GitSite) -> History {
    History::read(&site.root(), None).expect("history inside a repository")
}

/// (date, author, subject) of each revision, newest first.
fn revisions(history: &History, path: &str) -> Vec<(String, String, String)> {
    history
        .of(path)
        .unwrap_or_else(|| panic!("no history for {path}"))
        .revisions
        .iter()
        .map(|r| (r.date.to_string(), r.author.clone(), r.subject.clone()))
        .collect()
}

fn row(date: &str, author: &str, subject: &str) -> (String, String, String) {
    (date.to_owned(), author.to_owned(), subject.to_owned())
}

/// A site where A is edited three times by two authors and B once.
fn edited_site() -> GitSite {
    let site = GitSite::empty();
    site.write("site.yml", "title: Thử\n");
    site.write(A, "phiên bản 1\n");
    site.commit("Nguyễn Văn An", "2022-03-01", "Thêm mô hình A\n\nChi tiết trong thân commit.");
    site.write(A, "phiên bản 2\n").write(B, "mô hình B\n");
    site.commit("Trần Thị Bình", "2022-06-15", "Cập nhật số liệu 6 tháng");
    site.write("site.yml", "title: Thử nghiệm\n");
    site.commit("Trần Thị Bình", "2022-09-09", "Đổi tên trang");
    site.write(A, "phiên bản 3\n");
    site.commit("Nguyễn Văn An", "2023-01-20", "Củng cố mô hình");
    site
}

#[test]
fn dates_contributors_and_revisions_of_a_file_edited_by_two_authors() {
    let site = edited_site();
    let history = history(&site);
    let a = history.of(A).unwrap();
    assert_eq!(a.created.to_string(), "01/03/2022");
    assert_eq!(a.updated.to_string(), "20/01/2023");
    assert_eq!(a.contributors, ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert_eq!(
        revisions(&history, A),
        [
            row("20/01/2023", "Nguyễn Văn An", "Củng cố mô hình"),
            row("15/06/2022", "Trần Thị Bình", "Cập nhật số liệu 6 tháng"),
            row("01/03/2022", "Nguyễn Văn An", "Thêm mô hình A"),
        ]
    );
    assert_eq!(a.revisions[0].commit, site.head().unwrap().to_string());

    let b = history.of(B).unwrap();
    assert_eq!((b.created.to_string(), b.updated.to_string()), ("15/06/2022".to_owned(), "15/06/2022".to_owned()));
    assert_eq!(b.contributors, ["Trần Thị Bình"]);
}

#[test]
fn files_outside_content_are_ignored() {
    let site = edited_site();
    site.write("templates/trang.html", "<p></p>\n").write("content-cu/mh-a.md", "x\n");
    site.commit("Lê Văn Cường", "2023-02-02", "Giao diện");
    let history = history(&site);
    assert!(history.of("site.yml").is_none());
    assert!(history.of("templates/trang.html").is_none());
    assert!(history.of("content-cu/mh-a.md").is_none());
    assert_eq!(history.files().map(|(path, _)| path).collect::<Vec<_>>(), [A, B]);
    assert!(history.files().all(|(_, h)| h.revisions.iter().all(|r| r.subject != "Đổi tên trang")));
}

#[test]
fn uncommitted_files_have_no_dates() {
    let site = edited_site();
    site.write("content/mo-hinh/mh-moi.md", "chưa commit\n");
    site.write(B, "sửa chưa commit\n");
    let history = history(&site);
    assert!(history.of("content/mo-hinh/mh-moi.md").is_none());
    assert_eq!(history.of(B).unwrap().updated.to_string(), "15/06/2022");
}

#[test]
fn a_renamed_file_keeps_its_history() {
    let site = edited_site();
    let moved = "content/mo-hinh/so-tai-chinh/mh-a.md";
    site.rename(A, moved);
    site.commit("Lê Văn Cường", "2023-05-05", "Chuyển mô hình A vào thư mục đơn vị");
    let history = history(&site);
    assert!(history.of(A).is_none());
    let a = history.of(moved).unwrap();
    assert_eq!(a.created.to_string(), "01/03/2022");
    assert_eq!(a.updated.to_string(), "05/05/2023");
    assert_eq!(a.contributors, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]);
    assert_eq!(a.revisions.len(), 4);
}

#[test]
fn a_deleted_file_has_no_history_and_a_recreated_one_starts_again() {
    let site = edited_site();
    site.remove(B);
    site.commit("Lê Văn Cường", "2023-03-03", "Xóa mô hình B");
    assert!(history(&site).of(B).is_none());

    site.write(B, "mô hình B mới\n");
    site.commit("Phạm Thu Hà", "2024-04-04", "Đăng ký lại mô hình B");
    let history = history(&site);
    let b = history.of(B).unwrap();
    assert_eq!(b.created.to_string(), "04/04/2024");
    assert_eq!(b.contributors, ["Phạm Thu Hà"]);
    assert_eq!(b.revisions.len(), 1);
}

#[test]
fn a_clean_merge_credits_the_branch_commits_not_the_merge() {
    let site = edited_site();
    let base = site.head().unwrap();
    site.write(B, "mô hình B, nhánh phụ\n");
    let side = site.commit_with_parents("Phạm Thu Hà", "2023-02-10", "Bổ sung B trên nhánh", &[base], false);
    site.write(B, "mô hình B\n").write(A, "phiên bản 4\n");
    let main = site.commit("Nguyễn Văn An", "2023-02-11", "Sửa A trên nhánh chính");
    site.write(B, "mô hình B, nhánh phụ\n");
    site.commit_with_parents("Nguyễn Văn An", "2023-02-12", "Merge nhánh bổ sung B", &[main, side], true);
    let history = history(&site);
    assert_eq!(
        revisions(&history, B),
        [
            row("10/02/2023", "Phạm Thu Hà", "Bổ sung B trên nhánh"),
            row("15/06/2022", "Trần Thị Bình", "Cập nhật số liệu 6 tháng")
        ]
    );
    assert_eq!(revisions(&history, A)[0], row("11/02/2023", "Nguyễn Văn An", "Sửa A trên nhánh chính"));
    assert!(history.files().all(|(_, h)| h.revisions.iter().all(|r| !r.subject.starts_with("Merge"))));
}

#[test]
fn a_merge_that_resolves_a_conflict_is_credited() {
    let site = edited_site();
    let base = site.head().unwrap();
    site.write(A, "bản nhánh phụ\n");
    let side = site.commit_with_parents("Phạm Thu Hà", "2023-02-10", "A nhánh phụ", &[base], false);
    site.write(A, "bản nhánh chính\n");
    let main = site.commit("Nguyễn Văn An", "2023-02-11", "A nhánh chính");
    site.write(A, "bản hợp nhất\n");
    site.commit_with_parents("Lê Văn Cường", "2023-02-12", "Hợp nhất A", &[main, side], true);
    let subjects: Vec<String> = revisions(&history(&site), A).into_iter().map(|(_, _, s)| s).take(3).collect();
    assert_eq!(subjects[0], "Hợp nhất A");
    assert!(subjects.contains(&"A nhánh phụ".to_owned()) && subjects.contains(&"A nhánh chính".to_owned()));
}

#[test]
fn history_up_to_a_revision() {
    let site = edited_site();
    let at = History::read(&site.root(), Some("HEAD~1")).unwrap();
    assert_eq!(at.of(A).unwrap().updated.to_string(), "15/06/2022");
    assert_eq!(at.of(A).unwrap().contributors, ["Nguyễn Văn An", "Trần Thị Bình"]);
}

#[test]
fn a_site_in_a_sub_folder_is_keyed_relative_to_its_root() {
    let site = GitSite::in_folder("web");
    site.temp.write("content/mh-ngoai.md", "không thuộc trang\n");
    site.write(A, "một\n");
    site.commit("Nguyễn Văn An", "2022-03-01", "Khởi tạo");
    let history = history(&site);
    assert_eq!(history.files().map(|(path, _)| path).collect::<Vec<_>>(), [A]);
}

#[test]
fn mailmap_merges_spellings_of_one_author() {
    let site = edited_site();
    site.write(".mailmap", "Trần Thị Bình <binh@example.org>\n");
    site.write(A, "phiên bản 5\n");
    site.commit("Tran Thi Binh", "2023-06-01", "Sửa chính tả");
    let a = history(&site).of(A).cloned().unwrap();
    assert_eq!(a.contributors, ["Nguyễn Văn An", "Trần Thị Bình"]);
    assert_eq!(a.revisions[0].author, "Trần Thị Bình");
}

#[test]
fn no_history_outside_a_repository_or_before_the_first_commit() {
    let outside = common::TempSite::minimal();
    assert!(History::read(&outside.dir, None).is_none());
    let unborn = GitSite::minimal();
    assert!(History::read(&unborn.root(), None).is_none());
}

#[test]
fn files_taken_together_share_one_history() {
    let site = edited_site();
    let history = history(&site);
    let both = history.combined([A, B, "content/khong-co.md"]).unwrap();
    assert_eq!(
        (both.created.to_string(), both.updated.to_string()),
        ("01/03/2022".to_owned(), "20/01/2023".to_owned())
    );
    assert_eq!(both.contributors, ["Nguyễn Văn An", "Trần Thị Bình"]);
    let subjects: Vec<&str> = both.revisions.iter().map(|r| r.subject.as_str()).collect();
    assert_eq!(subjects, ["Củng cố mô hình", "Cập nhật số liệu 6 tháng", "Thêm mô hình A"]);
    assert!(history.combined(["content/khong-co.md"]).is_none());
}
