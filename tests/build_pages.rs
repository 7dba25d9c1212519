//! `guong build`: what the rendered pages show (model criteria, units, gallery, links under
//! a sub-path, escaping), run on the real binary over the minimal fixture site.

mod common;

use std::fs;
use std::path::Path;

use common::TempSite;

/// The model of the minimal site with every criterion filled in.
const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";

fn build(site: &TempSite, args: &[&str]) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = site.run(&all);
    assert_eq!(run.code, 0, "build failed:\n{}\n{}", run.stdout, run.stderr);
}

/// The part of `html` from `start` up to `end` (or the end).
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let rest = &html[from..];
    rest.find(end).map_or(rest, |to| &rest[..to])
}

/// A copy of the fixture's full model under another id, changed by `edits` (from → to).
fn add_model_like(site: &TempSite, id: &str, edits: &[(&str, &str)]) {
    let mut text = site.read(MODEL).replace("id: mh-mot-cua-than-thien", &format!("id: {id}"));
    for (from, to) in edits {
        assert!(text.contains(from), "`{from}` not in the fixture model");
        text = text.replacen(from, to, 1);
    }
    site.write(&format!("content/mo-hinh/{id}.md"), &text);
}

/// Every `href="…"` and `src="…"` value in `html`.
fn addresses(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            let end = rest.find('"').unwrap();
            found.push(rest[..end].to_owned());
        }
    }
    found
}

/// Every HTML file under `dir`, with its path relative to `dir`, sorted by path.
fn html_files(dir: &Path) -> Vec<(String, String)> {
    common::snapshot(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn a_model_page_shows_each_criterion_with_its_facts_beside_its_body_section() {
    let site = TempSite::minimal();
    build(&site, &[]);
    let html = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains("<h1>Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân</h1>"));
    assert!(html.contains("<a href=\"/don-vi/db-so-tai-chinh/\">Đảng bộ Sở Tài chính</a>"));
    assert!(html.contains("Tập thể Bộ phận tiếp nhận và trả kết quả Sở Tài chính"));
    assert!(html.contains("Từ 01/03/2022"));

    let tc1 = between(&html, "id=\"tieu-chi-1\"", "id=\"tieu-chi-2\"");
    assert!(tc1.contains("<a href=\"/chuyen-de/tp-sua-doi-loi-lam-viec/\">Sửa đổi lối làm việc</a>"), "{tc1}");
    assert!(tc1.contains("Làm theo lời Bác về tác phong gần dân, trọng dân"));
    assert!(tc1.contains("Việc gì có lợi cho dân, ta phải hết sức làm."));
    assert!(tc1.contains("Nghị quyết Đại hội XIII của Đảng"));
    assert!(tc1.contains("tập thể Bộ phận\nmột cửa xác định làm theo Bác"), "body section 1 beside its facts");

    let tc2 = between(&html, "id=\"tieu-chi-2\"", "id=\"tieu-chi-3\"");
    assert!(tc2.contains("Đổi mới, cải tiến công vụ, văn hóa công sở, dây chuyền, thiết bị"));
    assert!(tc2.contains("Khắc phục hạn chế, yếu kém đã được chỉ ra"));
    assert!(tc2.contains("Kết luận kiểm điểm tập thể cuối năm 2021 của Đảng ủy Sở"));
    assert!(tc2.contains("một số hồ sơ quyết toán còn trả trễ hẹn"));

    let tc3 = between(&html, "id=\"tieu-chi-3\"", "id=\"tieu-chi-4\"");
    assert!(tc3.contains("Quán triệt, sinh hoạt, tuyên truyền, phổ biến"));
    assert!(tc3.contains("Đồng chí Phó Bí thư Đảng ủy, Chánh Văn phòng Sở"));
    assert!(tc3.contains("<caption>Tiến độ thực hiện</caption>"));
    assert!(tc3.contains("<th scope=\"row\">15/03/2022</th><td>Quán triệt kế hoạch, ký cam kết phục vụ</td>"));
    assert!(tc3.contains("mỗi cán bộ ký cam kết phục vụ"));

    let tc4 = between(&html, "id=\"tieu-chi-4\"", "id=\"tieu-chi-5\"");
    assert!(tc4.contains("Cán bộ hiểu rõ phục vụ Nhân dân là trách nhiệm, không phải ban ơn."));
    assert!(tc4.contains("Thái độ niềm nở, lắng nghe"));
    assert!(tc4.contains("Hồ sơ được giải quyết đúng hẹn"));
    assert!(tc4.contains("Người dân, doanh nghiệp tin tưởng hơn vào cơ quan nhà nước."));
    let indicators = between(tc4, "<table class=\"indicators table-reflow\">", "</table>");
    assert!(!indicators.contains("<th scope=\"col\">Mã</th>"), "an indicator code is shown to readers");
    assert!(!indicators.contains("dung-hen"));
    assert!(indicators.contains(
        "<th scope=\"row\">Tỷ lệ hồ sơ trả đúng hẹn</th><td data-label=\"Đơn vị tính\">%</td><td class=\"num\" data-label=\"Trước khi thực hiện\">86,5"
    ));
    assert!(indicators.contains("<td class=\"num\" data-label=\"Mục tiêu\">98</td>"));
    assert!(indicators.contains("97,2"), "latest reported value: {indicators}");
    assert!(tc4.contains("tỷ lệ hồ sơ trả đúng hẹn đạt trên 98%"));

    let tc5 = between(&html, "id=\"tieu-chi-5\"", "</article>");
    assert!(tc5.contains("<a href=\"/don-vi/cb-cdc/\">Chi bộ Trung tâm Kiểm soát bệnh tật tỉnh</a>"));
    assert!(tc5.contains("Bộ phận một cửa các sở, ngành trong Khối"));
    assert!(tc5.contains("Cùng nhiệm vụ tiếp nhận, trả kết quả thủ tục hành chính."));
    assert!(tc5.contains("Thấp") && tc5.contains("Phổ thông"));
    assert!(tc5.contains("Sơ kết 6 tháng, giới thiệu trên Trang thông tin điện tử của Đảng ủy Khối."));
    assert!(tc5.contains("Mô hình không đòi hỏi đầu tư lớn"));

    assert!(html.contains("href=\"/bao-cao/bc-db-so-tai-chinh-2022-ca-nam/\""), "reports mentioning it");
    assert!(html.len() < 60 * 1024, "model page is {} bytes", html.len());
}

#[test]
fn retired_and_replicated_models_show_their_links() {
    let site = TempSite::minimal();
    add_model_like(
        &site,
        "mh-mot-cua-cu",
        &[
            ("title: \"Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân\"", "title: \"Một cửa kiểu cũ đã dừng\""),
            (
                "status: dang_thuc_hien\n",
                "status: loai_bo\nretirement:\n  date: 2023-06-30\n  reason: \"Đã sáp nhập vào mô hình một cửa thân thiện của Đảng bộ Sở.\"\n  replacement: mh-mot-cua-than-thien\n",
            ),
        ],
    );
    build(&site, &[]);
    let html = site.read("public/mo-hinh/mh-mot-cua-cu/index.html");
    let notice = between(&html, "Mô hình đã loại bỏ", "</section>");
    assert!(notice.contains("30/06/2023"));
    assert!(notice.contains("Đã sáp nhập vào mô hình một cửa thân thiện của Đảng bộ Sở."));
    assert!(notice.contains("<a href=\"/mo-hinh/mh-mot-cua-than-thien/\">Bộ phận một cửa thân thiện"));
    assert!(html.contains("status-loai_bo"));

    let source = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    let replicas = between(&source, "Các mô hình nhân rộng từ mô hình này", "</section>");
    assert!(replicas.contains("<a href=\"/mo-hinh/mh-mot-cua-than-thien-cdc/\">Tiếp nhận hồ sơ thân thiện"));
    let copy = site.read("public/mo-hinh/mh-mot-cua-than-thien-cdc/index.html");
    assert!(copy.contains("nhân rộng từ mô hình <a href=\"/mo-hinh/mh-mot-cua-than-thien/\">Bộ phận một cửa"));
}

#[test]
fn a_unit_page_lists_its_models_sub_units_and_reports() {
    let site = TempSite::minimal();
    build(&site, &[]);
    let html = site.read("public/don-vi/db-so-tai-chinh/index.html");
    assert!(html.contains("<h1>Đảng bộ Sở Tài chính</h1>"));
    let own = between(&html, "Mô hình của đơn vị", "</section>");
    assert!(own.contains("href=\"/mo-hinh/mh-mot-cua-than-thien/\""));
    assert!(!own.contains("mh-tiet-kiem-chi-thuong-xuyen"), "a model of the sub-unit");
    assert!(!own.contains("mh-mot-cua-than-thien-cdc"), "a model of another unit");
    let below = between(&html, "Mô hình của <a href=\"/don-vi/cb-phong-ngan-sach/\">", "</section>");
    assert!(below.contains("href=\"/mo-hinh/mh-tiet-kiem-chi-thuong-xuyen/\""));
    assert!(html.contains("<a href=\"/don-vi/cb-phong-ngan-sach/\">Chi bộ Phòng Ngân sách</a>"));
    assert!(html.contains("href=\"/bao-cao/bc-db-so-tai-chinh-2022-ca-nam/\""));

    let tree = site.read("public/don-vi/index.html");
    let root = tree.find("/don-vi/dang-bo-khoi/").unwrap();
    let base = tree.find("/don-vi/db-so-tai-chinh/").unwrap();
    let child = tree.find("/don-vi/cb-phong-ngan-sach/").unwrap();
    let cdc = tree.find("/don-vi/cb-cdc/").unwrap();
    assert!(root < base && base < child && child < cdc, "registry order, nested");
    assert_eq!(tree.matches("<ul class=\"tree\">").count(), 3, "three levels of nesting");
}

#[test]
fn the_root_unit_page_stands_for_the_whole_tree() {
    let site = TempSite::minimal();
    build(&site, &[]);
    let root = site.read("public/don-vi/dang-bo-khoi/index.html");
    // The root carries no model of its own (M-ORG-ROOT): its units' models are the gallery's.
    let own = between(&root, "Mô hình của đơn vị", "</section>");
    assert!(!own.contains("Đơn vị chưa đăng ký mô hình nào"), "{own}");
    assert!(own.contains("<a href=\"/mo-hinh/\">danh sách mô hình, điển hình</a>"), "{own}");
    // Its years count every model of the tree: the three of the minimal site, all of 2022.
    let years = between(&root, "Mô hình theo năm", "</section>");
    assert!(years.contains("<tr><th scope=\"row\">2022</th><td class=\"num\">3</td><td>Có mô hình</td>"), "{years}");
    // A unit with no model is said so in words.
    let site = TempSite::minimal();
    site.write(
        "content/to-chuc.yml",
        &format!(
            "{}  - id: cb-moi\n    name: \"Chi bộ Văn phòng\"\n    kind: chi_bo_co_so\n    parent: dang-bo-khoi\n    sector: khac\n",
            site.read("content/to-chuc.yml")
        ),
    );
    build(&site, &[]);
    let root = site.read("public/don-vi/dang-bo-khoi/index.html");
    let children = between(&root, "Tổ chức trực thuộc", "</section>");
    assert!(
        children.contains("Chi bộ Văn phòng</a> <span class=\"count\">Chi bộ cơ sở · chưa có mô hình</span>"),
        "{children}"
    );
}

#[test]
fn topics_and_groups_without_models_say_so_in_words() {
    let site = TempSite::minimal();
    let catalog = site.read("content/danh-muc.yml");
    let topic =
        "  - id: tp-dao-duc-cach-mang\n    kind: tac_pham\n    title: \"Đạo đức cách mạng\"\n    issued: \"12/1958\"\n";
    site.write(
        "content/danh-muc.yml",
        &catalog.replacen("  - id: vb-chi-thi-05\n", &format!("{topic}  - id: vb-chi-thi-05\n"), 1),
    );
    build(&site, &[]);
    let topics = site.read("public/chuyen-de/index.html");
    assert!(topics.contains("chưa có mô hình</span>"), "{topics}");
    assert!(!topics.contains("· 0 mô hình") && !topics.contains(">0 mô hình"), "{topics}");
    let empty = site.read("public/chuyen-de/tp-dao-duc-cach-mang/index.html");
    assert!(empty.contains("<p class=\"lead\">Chưa có mô hình nào.</p>"), "{empty}");
    assert!(!empty.contains("0 mô hình, điển hình"), "{empty}");
}

#[test]
fn the_gallery_is_paginated_without_javascript_and_hides_retired_models() {
    let site = TempSite::minimal();
    let config = site.read("site.yml");
    site.write("site.yml", &format!("{config}per_page: 2\n"));
    add_model_like(
        &site,
        "mh-da-dung",
        &[
            ("title: \"Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân\"", "title: \"Mô hình đã dừng để thử\""),
            (
                "status: dang_thuc_hien\n",
                "status: loai_bo\nretirement:\n  date: 2023-06-30\n  reason: \"Mô hình đã dừng vì đơn vị thay đổi nhiệm vụ được giao.\"\n  replacement: mh-mot-cua-than-thien\n",
            ),
        ],
    );
    add_model_like(
        &site,
        "mh-doi-moi-le-loi",
        &[(
            "title: \"Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân\"",
            "title: \"Đổi mới lề lối làm việc ở bộ phận một cửa\"",
        )],
    );
    build(&site, &[]);
    let first = site.read("public/mo-hinh/index.html");
    let second = site.read("public/mo-hinh/trang-2/index.html");
    assert!(!site.dir.join("public/mo-hinh/trang-3").exists());
    assert!(!site.dir.join("public/mo-hinh/trang-1").exists(), "page 1 is /mo-hinh/");
    let cards = |html: &str| -> Vec<String> {
        html.split("<h2 class=\"card-title\"><a href=\"/mo-hinh/")
            .skip(1)
            .map(|s| s[..s.find('/').unwrap()].to_owned())
            .collect()
    };
    // Vietnamese alphabetical order: B < Đ < N < T (byte order would put Đ last).
    assert_eq!(cards(&first), ["mh-mot-cua-than-thien", "mh-doi-moi-le-loi"]);
    assert_eq!(cards(&second), ["mh-tiet-kiem-chi-thuong-xuyen", "mh-mot-cua-than-thien-cdc"]);
    assert!(first.contains("<link rel=\"next\" href=\"/mo-hinh/trang-2/\">"));
    assert!(!first.contains("rel=\"prev\""));
    assert!(second.contains("<link rel=\"prev\" href=\"/mo-hinh/\">"));
    assert!(second.contains("<a href=\"/mo-hinh/\" rel=\"prev\">"));
    for html in [&first, &second] {
        assert!(!html.contains("mh-da-dung"), "retired model in the gallery");
    }
    assert!(site.dir.join("public/mo-hinh/mh-da-dung/index.html").exists(), "retired models keep their page");
}

#[test]
fn group_and_topic_pages_are_paginated_like_the_gallery() {
    let site = TempSite::minimal();
    let config = site.read("site.yml");
    site.write("site.yml", &format!("{config}per_page: 1\n"));
    build(&site, &[]);
    let first = site.read("public/nhom/cai-cach-hanh-chinh/index.html");
    let second = site.read("public/nhom/cai-cach-hanh-chinh/trang-2/index.html");
    assert!(!site.dir.join("public/nhom/cai-cach-hanh-chinh/trang-3").exists());
    assert!(first.contains("href=\"/mo-hinh/mh-mot-cua-than-thien/\""));
    assert!(second.contains("href=\"/mo-hinh/mh-mot-cua-than-thien-cdc/\""));
    assert!(first.contains("<link rel=\"next\" href=\"/nhom/cai-cach-hanh-chinh/trang-2/\">"));
    assert!(second.contains("<link rel=\"prev\" href=\"/nhom/cai-cach-hanh-chinh/\">"));
    assert!(site.dir.join("public/chuyen-de/toan-khoa-xiii/trang-2/index.html").is_file());
}

#[test]
fn every_address_starts_with_the_sub_path_of_base_url() {
    let site = TempSite::minimal();
    site.write(
        "site.yml",
        "title: \"Thử\"\nbase_url: \"https://example.org/\"\nedit_url: \"https://git.example.org/edit/main/\"\n",
    );
    build(&site, &["--base-url", "https://example.org/mo-hinh-dien-hinh"]);
    let public = site.dir.join("public");
    let mut internal = 0;
    for (path, html) in html_files(&public) {
        for address in addresses(&html) {
            if let Some(inside) = address.strip_prefix("/mo-hinh-dien-hinh/") {
                internal += 1;
                // A query (the gallery filtered to a period) leaves the page it addresses.
                let inside = inside.split_once('?').map_or(inside, |(page, _)| page);
                let file = if inside.is_empty() || inside.ends_with('/') {
                    format!("{inside}index.html")
                } else {
                    inside.to_owned()
                };
                assert!(public.join(&file).is_file(), "{path}: link {address} leads nowhere");
            } else {
                let external = ["https://", "http://", "mailto:", "tel:", "#"].iter().any(|p| address.starts_with(p));
                assert!(external, "{path}: address `{address}` ignores the sub-path");
            }
        }
    }
    assert!(internal > 100, "only {internal} internal links checked");
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/mo-hinh-dien-hinh/mo-hinh/mh-mot-cua-than-thien/</loc>"));
    assert!(!sitemap.contains("404.html"));
    assert!(site.read("public/robots.txt").contains("Sitemap: https://example.org/mo-hinh-dien-hinh/sitemap.xml"));
    let model = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    assert!(model.contains(
        "<link rel=\"canonical\" href=\"https://example.org/mo-hinh-dien-hinh/mo-hinh/mh-mot-cua-than-thien/\">"
    ));
    assert!(model.contains(&format!("href=\"https://git.example.org/edit/main/{MODEL}\"")), "edit link");
}

#[test]
fn raw_html_in_a_body_is_shown_as_text() {
    let site = TempSite::minimal();
    let text = site.read(MODEL).replace(
        "## 2. Sự cần thiết\n",
        "Chữ <b>đậm</b> và <span class=\"x\">thẻ</span>.\n\n<div>khối</div>\n\nXem [mục](/trang/gioi-thieu/).\n\n## 2. Sự cần thiết\n",
    );
    site.write(MODEL, &text);
    build(&site, &[]);
    let html = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    let section = between(&html, "id=\"tieu-chi-1\"", "id=\"tieu-chi-2\"");
    assert!(section.contains("Chữ &lt;b&gt;đậm&lt;/b&gt; và &lt;span class=\"x\"&gt;thẻ&lt;/span&gt;."), "{section}");
    assert!(section.contains("<p>&lt;div&gt;khối&lt;/div&gt;\n</p>"), "{section}");
    assert!(!section.contains("<b>") && !section.contains("<span class=\"x\">") && !section.contains("<div>khối"));
    assert!(section.contains("<a href=\"/trang/gioi-thieu/\">mục</a>"));
}

/// Script links never reach a page: the check refuses them in every disguise (the renderer
/// also turns any scheme outside http, https, mailto and tel into `#`; see its unit tests).
#[test]
fn script_links_in_a_body_stop_the_build() {
    for link in ["[x](javascript:alert(1))", "[x](jav&#x61;script:alert(1))", "[x][r]\n\n[r]: JavaScript:alert(1)"] {
        let site = TempSite::minimal();
        let text = site.read(MODEL).replace("## 2. Sự cần thiết\n", &format!("{link}\n\n## 2. Sự cần thiết\n"));
        site.write(MODEL, &text);
        let run = site.run(&["build"]);
        assert_eq!(run.code, 1, "{link}: {}\n{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("[P-HTML-UNSAFE]"), "{link}: {}", run.stderr);
        assert!(!site.dir.join("public").exists());
    }
}

#[test]
fn home_feed_404_and_free_pages_exist() {
    let site = TempSite::minimal();
    build(&site, &[]);
    let home = site.read("public/index.html");
    assert!(home.contains("<html lang=\"vi\">"));
    assert!(home.contains("<a class=\"skip-link\" href=\"#noi-dung\">"));
    assert!(home.contains("<main id=\"noi-dung\""));
    assert!(home.contains("<a href=\"/trang/gioi-thieu/\">Giới thiệu</a>"), "free pages in the footer");
    let stylesheet = home.split("<link rel=\"stylesheet\" href=\"/").nth(1).unwrap().split('"').next().unwrap();
    assert!(stylesheet.starts_with("style.") && stylesheet.ends_with(".css") && stylesheet.len() == 18, "{stylesheet}");
    let css = fs::metadata(site.dir.join("public").join(stylesheet)).unwrap().len();
    assert!(css < 30 * 1024, "stylesheet is {css} bytes");

    let page = site.read("public/trang/gioi-thieu/index.html");
    assert!(page.contains("<h1>Giới thiệu</h1>"));
    assert!(page.contains("<strong>mô hình, điển hình</strong>"));
    assert!(page.contains("<h2>Cách đọc trang</h2>"));

    let feed = site.read("public/feed.xml");
    assert!(
        feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    assert_eq!(feed.matches("<entry>").count(), 3);
    assert!(feed.contains("<id>https://example.org/mo-hinh/mh-mot-cua-than-thien/</id>"));
    assert!(feed.contains("<updated>2022-03-01T00:00:00Z</updated>"), "{feed}");

    let missing = site.read("public/404.html");
    assert!(missing.contains("<h1>Không tìm thấy trang</h1>"));
    assert!(missing.contains("href=\"/mo-hinh/\""));
    assert!(
        site.read("public/nhom/cai-cach-hanh-chinh/index.html").contains("href=\"/mo-hinh/mh-mot-cua-than-thien/\"")
    );
    assert!(site.read("public/chuyen-de/cd-2022/index.html").contains("href=\"/mo-hinh/mh-mot-cua-than-thien/\""));
    let report = site.read("public/bao-cao/bc-db-so-tai-chinh-2022-ca-nam/index.html");
    assert!(report.contains("Báo cáo năm 2022 – Đảng bộ Sở Tài chính"), "{report}");
    assert!(report.contains("97,2"), "reported value");
}

#[test]
fn reports_are_left_out_when_not_published() {
    let site = TempSite::minimal();
    let config = site.read("site.yml");
    site.write("site.yml", &format!("{config}publish_reports: false\n"));
    build(&site, &[]);
    assert!(!site.dir.join("public/bao-cao").exists());
    assert!(!site.read("public/index.html").contains("/bao-cao/"));
    assert!(!site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html").contains("/bao-cao/"));
}
