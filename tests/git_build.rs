//! Git history on the built site (SPEC §6): model, report, free and unit pages show their
//! dates and contributors; model and report pages list their changes, newest first.

mod common;
mod git_support;

use git_support::GitSite;

const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen.md";
const MODEL_PAGE: &str = "public/mo-hinh/mh-tiet-kiem-chi-thuong-xuyen/index.html";

/// The minimal site committed on 10/01/2023, then its model edited twice by another
/// author, and the free page once.
fn site_with_history() -> GitSite {
    let site = GitSite::minimal();
    site.write(".gitignore", "public/\n");
    site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang");
    let text = site.read(MODEL);
    site.write(MODEL, &text.replace("Trưởng phòng Ngân sách", "Trưởng phòng Ngân sách (nhiệm kỳ 2020-2025)"));
    site.commit("Trần Thị Bình", "2023-06-15", "Cập nhật chức vụ chủ thể");
    site.write(MODEL, &text);
    site.commit("Trần Thị Bình", "2024-02-03", "Hoàn nguyên chức vụ theo quyết định mới");
    let page = site.read("content/trang/gioi-thieu.md");
    site.write("content/trang/gioi-thieu.md", &format!("{page}\nBổ sung một đoạn giới thiệu.\n"));
    site.commit("Lê Văn Cường", "2024-03-01", "Bổ sung trang giới thiệu");
    site
}

fn build(site: &GitSite, args: &[&str]) -> String {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = site.run(&all);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    site.read(MODEL_PAGE)
}

/// Positions of `needles` in `html`, which must all be present.
fn positions(html: &str, needles: &[&str]) -> Vec<usize> {
    needles.iter().map(|n| html.find(n).unwrap_or_else(|| panic!("`{n}` not in page"))).collect()
}

#[test]
fn a_model_page_shows_dates_contributors_and_changes_newest_first() {
    let site = site_with_history();
    let html = build(&site, &[]);
    assert!(html.contains("<dt>Ngày tạo</dt><dd>10/01/2023</dd>"), "{html}");
    assert!(html.contains("<dt>Cập nhật</dt><dd>03/02/2024</dd>"));
    assert!(html.contains("<dt>Người đóng góp</dt><dd>Nguyễn Văn An, Trần Thị Bình</dd>"));
    assert!(html.contains("<h3>Lịch sử chỉnh sửa</h3>"));
    let order = positions(
        &html,
        &[
            "<time datetime=\"2024-02-03\">03/02/2024</time> · Trần Thị Bình · Hoàn nguyên chức vụ theo quyết định mới",
            "<time datetime=\"2023-06-15\">15/06/2023</time> · Trần Thị Bình · Cập nhật chức vụ chủ thể",
            "<time datetime=\"2023-01-10\">10/01/2023</time> · Nguyễn Văn An · Khởi tạo trang",
        ],
    );
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(!html.contains("Bổ sung trang giới thiệu"));
}

#[test]
fn free_unit_and_report_pages_show_their_history() {
    let site = site_with_history();
    build(&site, &[]);
    let free = site.read("public/trang/gioi-thieu/index.html");
    assert!(free.contains("<dt>Cập nhật</dt><dd>01/03/2024</dd>"), "{free}");
    assert!(free.contains("<dd>Nguyễn Văn An, Lê Văn Cường</dd>"));
    assert!(!free.contains("Lịch sử chỉnh sửa"));

    let unit = site.read("public/don-vi/cb-phong-ngan-sach/index.html");
    assert!(unit.contains("<dt>Cập nhật</dt><dd>03/02/2024</dd>"), "{unit}");
    assert!(unit.contains("<dd>Nguyễn Văn An, Trần Thị Bình</dd>"));

    let report = site.read("public/bao-cao/bc-cb-cdc-2022-ca-nam/index.html");
    assert!(report.contains("<dt>Ngày tạo</dt><dd>10/01/2023</dd>"), "{report}");
    assert!(report.contains("Lịch sử chỉnh sửa"));

    // Group and topic pages: the files of the models they list, taken together.
    for listing in ["public/nhom/tiet-kiem-doan-ket/index.html", "public/chuyen-de/vb-chi-thi-05/index.html"] {
        let page = site.read(listing);
        assert!(page.contains("<dt>Ngày tạo</dt><dd>10/01/2023</dd>"), "{listing}: {page}");
        assert!(page.contains("<dt>Cập nhật</dt><dd>03/02/2024</dd>"), "{listing}");
        assert!(page.contains("<dd>Nguyễn Văn An, Trần Thị Bình</dd>"), "{listing}");
        assert!(!page.contains("Lịch sử chỉnh sửa"), "{listing}");
    }
    let untouched = site.read("public/nhom/cai-cach-hanh-chinh/index.html");
    assert!(untouched.contains("<dt>Cập nhật</dt><dd>10/01/2023</dd>"), "{untouched}");
    assert!(untouched.contains("<dd>Nguyễn Văn An</dd>"), "{untouched}");
}

#[test]
fn commits_link_to_the_repository_when_repo_url_is_set() {
    let site = site_with_history();
    let config = site.read("site.yml");
    site.write("site.yml", &format!("{config}repo_url: \"https://git.example.org/btg/mo-hinh/\"\n"));
    site.commit("Nguyễn Văn An", "2024-04-01", "Thêm địa chỉ kho");
    let html = build(&site, &[]);
    let head = site.repo.head().unwrap().peel_to_commit().unwrap();
    let model_commit = head.parent(0).unwrap().parent(0).unwrap().id();
    assert!(
        html.contains(&format!(
            "<a href=\"https://git.example.org/btg/mo-hinh/commit/{model_commit}\" rel=\"nofollow\">"
        )),
        "{html}"
    );
}

#[test]
fn with_rev_the_history_stops_at_that_commit() {
    let site = site_with_history();
    let html = build(&site, &["--rev", "HEAD~2"]);
    assert!(html.contains("<dt>Cập nhật</dt><dd>15/06/2023</dd>"), "{html}");
    assert!(html.contains("nhiệm kỳ 2020-2025"));
    assert!(!html.contains("Hoàn nguyên"));
}

#[test]
fn uncommitted_and_repository_less_pages_have_no_history() {
    let site = site_with_history();
    let copy = "content/mo-hinh/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen-moi.md";
    let text = site.read(MODEL).replace("id: mh-tiet-kiem-chi-thuong-xuyen", "id: mh-tiet-kiem-chi-thuong-xuyen-moi");
    site.write(copy, &text);
    build(&site, &[]);
    let fresh = site.read("public/mo-hinh/mh-tiet-kiem-chi-thuong-xuyen-moi/index.html");
    assert!(!fresh.contains("Ngày tạo") && !fresh.contains("Lịch sử chỉnh sửa"));

    let plain = common::TempSite::minimal();
    let run = plain.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!plain.read(MODEL_PAGE).contains("Ngày tạo"));
}

#[test]
fn two_builds_of_one_commit_are_identical() {
    let site = site_with_history();
    let first = build(&site, &[]);
    let second = build(&site, &[]);
    assert_eq!(first, second);
}

#[test]
fn with_rev_the_theme_overrides_come_from_the_commit_too() {
    let site = GitSite::minimal();
    site.write(".gitignore", "public/\n");
    site.write("templates/robots.txt", "# bản đã commit\n");
    let first = site.commit("Nguyễn Văn An", "2023-01-10", "Khởi tạo trang").to_string();
    site.write("templates/robots.txt", "# bản đang sửa, chưa commit\n");
    let run = site.run(&["build", "--rev", &first]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(site.read("public/robots.txt"), "# bản đã commit\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(site.read("public/robots.txt"), "# bản đang sửa, chưa commit\n");
}

#[test]
fn pages_summing_up_the_content_take_the_history_of_its_files() {
    let site = site_with_history();
    build(&site, &[]);
    // Every model, report and evaluation file taken together: the free page's commit is not
    // theirs, so neither its date nor its author shows.
    for summary in [
        "index.html",
        "mo-hinh/index.html",
        "don-vi/index.html",
        "nhom/index.html",
        "chuyen-de/index.html",
        "tong-hop/index.html",
        "giai-doan/index.html",
        "kiem-tra/index.html",
        "khen-thuong/index.html",
        "bao-cao/index.html",
        // A period's form 02 and summary: the files of the models (and reports) they count.
        "tong-hop/2022/ca-nam/index.html",
        "giai-doan/2021-2025/index.html",
    ] {
        let page = site.read(&format!("public/{summary}"));
        assert!(page.contains("<dt>Ngày tạo</dt><dd>10/01/2023</dd>"), "{summary}: {page}");
        let updated = if summary == "bao-cao/index.html" { "10/01/2023" } else { "03/02/2024" };
        assert!(page.contains(&format!("<dt>Cập nhật</dt><dd>{updated}</dd>")), "{summary}");
        let authors =
            if summary == "bao-cao/index.html" { "Nguyễn Văn An" } else { "Nguyễn Văn An, Trần Thị Bình" };
        assert!(page.contains(&format!("<dt>Người đóng góp</dt><dd>{authors}</dd>")), "{summary}");
        assert!(!page.contains("Lê Văn Cường") && !page.contains("Lịch sử chỉnh sửa"), "{summary}");
    }
}
