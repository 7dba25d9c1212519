//! Pages built from derived numbers, on `tests/sites/form02`: the compliance page (units
//! without a model, missing and late reports, warnings by unit with the file to change),
//! the report page in the form 03 layout, indicator charts on model pages, home charts.

mod common;

use common::{TempSite, copy_dir, fixture};

fn site() -> TempSite {
    let site = TempSite::empty();
    copy_dir(&fixture("form02"), &site.dir);
    site
}

/// The part of `html` from `start` up to `end`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let rest = &html[from..];
    rest.find(end).map_or(rest, |to| &rest[..to])
}

#[test]
fn compliance_lists_gaps_due_reports_and_every_warning_by_unit() {
    let site = site();
    site.build();
    let html = site.read("public/kiem-tra/index.html");
    assert!(html.contains(r#"<a href="/kiem-tra/" aria-current="page">Theo dõi thực hiện</a>"#));
    // Warnings name units and models as readers know them, never by id.
    assert!(
        html.contains(
            "Đơn vị <a href=\"/don-vi/dbbp-van-phong/\">Đảng bộ bộ phận Văn phòng Sở</a> chưa có mô hình nào trong năm 2022"
        ),
        "{html}"
    );
    assert!(!html.contains("<code>dbbp-van-phong</code>"), "{html}");
    assert!(html.contains(", các năm 2022–2023: đơn vị chưa có mô hình"), "{html}");

    let gaps = between(&html, r#"id="chua-co-mo-hinh""#, r#"id="bao-cao""#);
    for year in [2022, 2023] {
        let list = between(gaps, &format!("Năm {year}</h3>"), "</ul>");
        assert!(list.contains(r#"<a href="/don-vi/dbbp-van-phong/">Đảng bộ bộ phận Văn phòng Sở</a>"#), "{year}");
        assert!(list.contains(r#"<a href="/don-vi/cb-nghiep-vu/">Chi bộ Phòng Nghiệp vụ</a>"#), "{year}");
        assert!(!list.contains("cb-hanh-chinh"), "{year}");
    }

    let reports = between(&html, r#"id="bao-cao""#, r#"id="canh-bao""#);
    let rows: Vec<&str> = reports.split("<tr><th scope=\"row\">").skip(1).collect();
    assert_eq!(rows.len(), 4, "three missing reports and one late one");
    assert!(rows[0].contains(
        "Đảng bộ Sở Y tế</a></th><td data-label=\"Kỳ báo cáo\">6 tháng đầu năm 2022</td><td data-label=\"Hạn nộp\">15/07/2022</td>"
    ));
    assert!(rows[0].contains("Chưa nộp"));
    assert!(rows[2].contains("Cả năm 2022</td><td data-label=\"Hạn nộp\">15/01/2023</td>"));
    let late = rows[3];
    assert!(late.contains("6 tháng đầu năm 2023</td><td data-label=\"Hạn nộp\">15/07/2023</td>"));
    assert!(late.contains(r#"<span class="state state-tre_han">Nộp trễ hạn</span>"#));
    assert!(late.contains(r#"<a href="/bao-cao/bc-cb-truong-hoc-2023-sau-thang/">"#));
    assert!(late.contains("nộp ngày 18/07/2023"));

    let warnings = between(&html, r#"id="canh-bao""#, "</main>");
    let school = between(warnings, r#"<section id="canh-bao-cb-truong-hoc""#, "</section>");
    assert!(school.contains("<code>content/bao-cao/bc-cb-truong-hoc-2023-sau-thang.md</code>"));
    assert!(school.contains(
        r#"<a href="https://example.org/git/sua/main/content/bao-cao/bc-cb-truong-hoc-2023-sau-thang.md" rel="nofollow">Sửa tệp này</a>"#
    ));
    assert!(school.contains(r#"<span class="code">R-LATE</span> <span class="muted">dòng 7, cột 14:</span>"#));
    assert!(school.contains("V-REPORT-MISSING"), "registry warnings go to the unit they point at");
    let branch = between(warnings, r#"<section id="canh-bao-cb-nghiep-vu""#, "</section>");
    assert_eq!(branch.matches("V-UNIT-YEAR").count(), 2);
    assert!(branch.contains("<code>content/to-chuc.yml</code>"));
    assert!(
        warnings.find("canh-bao-db-so-y-te").unwrap() < warnings.find("canh-bao-cb-truong-hoc").unwrap(),
        "units in registry order"
    );
}

#[test]
fn compliance_is_not_published_when_switched_off() {
    let site = site();
    let config = site.read("site.yml");
    site.write("site.yml", &format!("{config}publish_compliance: false\n"));
    site.build();
    assert!(!site.dir.join("public/kiem-tra").exists());
    let home = site.read("public/index.html");
    assert!(!home.contains("/kiem-tra/"), "no link to a page that does not exist");
    assert!(site.dir.join("public/tong-hop/2023/sau-thang/index.html").exists(), "form 02 stays");
}

#[test]
fn report_page_follows_form_03() {
    let site = site();
    site.build();
    let html = site.read("public/bao-cao/bc-db-so-y-te-2023-sau-thang/index.html");
    let order = [
        "<span class=\"form-no\">I.</span> Kết quả từng mô hình",
        "<span class=\"form-no\">1.</span> <a href=\"/mo-hinh/mh-mot-cua-y-te/\">",
        "<dt>Tiến độ</dt><dd>Đúng tiến độ</dd>",
        "<dt>Đánh giá về nhận thức</dt>",
        "<dt>Đánh giá về thái độ</dt>",
        "<dt>Đánh giá về hành động</dt>",
        "<th scope=\"row\">Tỷ lệ hồ sơ trả đúng hẹn</th><td data-label=\"Đơn vị tính\">%</td><td class=\"num\" data-label=\"Trước khi thực hiện\">82</td><td class=\"num\" data-label=\"Kỳ này\"><strong>95,5</strong></td><td class=\"num\" data-label=\"Mục tiêu\">98</td>",
        "<dt>Kết quả nổi bật</dt>",
        "<dt>Đề xuất nhân rộng tại</dt>",
        "<span class=\"form-no\">II.</span> Biểu dương, khen thưởng trong kỳ",
        "<th scope=\"row\">Đồng chí Trần Thị Bình</th>",
        "<span class=\"form-no\">III.</span> Khó khăn, vướng mắc",
        "<span class=\"form-no\">IV.</span> Kiến nghị, đề xuất",
        "<p class=\"party-recipients-head\">Nơi nhận:</p>",
        "<p class=\"party-on-behalf\">T/M ĐẢNG ỦY</p>",
        "<p class=\"party-signer-name\">Lê Văn Cường</p>",
    ];
    let mut at = 0;
    for part in order {
        let found = html[at..].find(part).unwrap_or_else(|| panic!("`{part}` missing or out of order"));
        at += found + part.len();
    }
    assert!(html.contains("<p class=\"party-date\">Ngày 10 tháng 7 năm 2023</p>"));
    assert!(!html.contains("Nộp trễ hạn"));
    let late = site.read("public/bao-cao/bc-cb-truong-hoc-2023-sau-thang/index.html");
    assert!(late.contains(r#"<strong class="flag">Nộp trễ hạn</strong> <span class="muted">(hạn 15/07/2023)</span>"#));
    assert!(late.contains("<p class=\"muted\">Không có.</p>"), "an empty part of the form still shows");
}

#[test]
fn model_page_charts_each_indicator_with_its_numbers() {
    let site = site();
    site.build();
    let html = site.read("public/mo-hinh/mh-mot-cua-y-te/index.html");
    let figure = between(&html, r#"<figure class="chart-figure">"#, "</figure>");
    assert!(figure.contains(
        r#"aria-label="Tỷ lệ hồ sơ trả đúng hẹn (%). trước khi thực hiện: 82; năm 2022: 90; 6 tháng đầu năm 2023: 95,5; mục tiêu: 98""#
    ));
    assert_eq!(figure.matches(r#"<span class="chart-column chart-bar""#).count(), 2);
    assert_eq!(figure.matches(r#"<span class="chart-column chart-baseline""#).count(), 1);
    assert!(figure.contains(r#"<span class="chart-key-target"></span>Mục tiêu 98</p>"#));
    assert!(figure.contains(
        r#"<tr><th scope="row">6 tháng đầu năm 2023</th><td class="num">95,5</td><td><a href="/bao-cao/bc-db-so-y-te-2023-sau-thang/">Báo cáo của Đảng bộ Sở Y tế</a></td></tr>"#
    ));
    let unreported = site.read("public/mo-hinh/mh-goc-doc-sach/index.html");
    assert!(unreported.contains("role=\"img\""), "mh-goc-doc-sach has a value in 2023");
    let home = site.read("public/index.html");
    assert!(home.contains(
        r#"aria-label="Số mô hình theo cách thức: Xây dựng mới 2; Củng cố, nâng cao chất lượng 1; Nhân rộng 0""#
    ));
}

/// Form 02's period switcher: one closed disclosure holding every period with a table,
/// grouped by year in order, each link named with its year, the current one marked.
#[test]
fn form02_period_switcher_groups_every_period_by_year_in_a_disclosure() {
    let site = site();
    site.build();
    let mut tables: Vec<(String, String)> = Vec::new();
    for year in std::fs::read_dir(site.dir.join("public/tong-hop")).unwrap() {
        let year = year.unwrap();
        if !year.file_type().unwrap().is_dir() {
            continue;
        }
        for period in std::fs::read_dir(year.path()).unwrap() {
            let name = |e: &std::fs::DirEntry| e.file_name().into_string().unwrap();
            tables.push((name(&year), name(&period.unwrap())));
        }
    }
    tables.sort_by(|a, b| (&a.0, a.1 == "ca-nam").cmp(&(&b.0, b.1 == "ca-nam")));
    assert!(tables.len() >= 4, "{tables:?}");
    let (current_year, current_period) = &tables[1];
    let html = site.read(&format!("public/tong-hop/{current_year}/{current_period}/index.html"));
    let nav = between(&html, r#"<nav class="period-nav period-years" aria-label="Các kỳ tổng hợp">"#, "</nav>");
    let first = &tables[0].0;
    let last = &tables[tables.len() - 1].0;
    assert!(nav.contains(&format!(
        "<details>\n<summary>Xem kỳ tổng hợp khác <span class=\"muted\">(năm {first}–{last})</span></summary>"
    )));
    let years: Vec<&str> = nav.split("<li><span class=\"period-year\">").skip(1).collect();
    let mut listed = Vec::new();
    for group in years {
        let (year, links) = group.split_once("</span>").unwrap();
        for link in links.split("<a href=\"/tong-hop/").skip(1) {
            let (path, rest) = link.split_once("/\"").unwrap();
            let (y, period) = path.split_once('/').unwrap();
            assert_eq!(y, year, "a link under its own year");
            let label = if period == "ca-nam" { "Cả năm" } else { "6 tháng đầu năm" };
            let current = if (y, period) == (current_year.as_str(), current_period.as_str()) {
                " aria-current=\"page\""
            } else {
                ""
            };
            assert!(
                rest.starts_with(&format!("{current}>{label}<span class=\"visually-hidden\"> {year}</span></a>")),
                "{rest}"
            );
            listed.push((y.to_owned(), period.to_owned()));
        }
    }
    assert_eq!(listed, tables, "every period, in order, once");
}
