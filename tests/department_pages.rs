//! The department's own pages (SPEC §8.4): `/danh-gia/` (evaluations), the latest
//! evaluation on a model page, the gallery facet "Kết quả đánh giá", and `/khen-thuong/`.

mod common;

use common::{TempSite, bundled_page as page};

/// The part of `html` from `start` up to `end` (or the end).
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let rest = &html[from..];
    rest.find(end).map_or(rest, |to| &rest[..to])
}

#[test]
fn evaluations_are_listed_newest_first_with_their_results() {
    let html = page("danh-gia/index.html");
    assert!(html.contains("<h1>Khảo sát, đánh giá chất lượng mô hình</h1>"));
    assert!(html.contains("3 phiếu khảo sát, đánh giá của 3 mô hình, điển hình"), "lead");
    let order: Vec<usize> =
        ["id=\"dg-2023-luong-y-nhu-tu-mau\"", "id=\"dg-2023-goc-hoc-tap-bac-ho\"", "id=\"dg-2023-mot-cua-than-thien\""]
            .iter()
            .map(|id| html.find(id).unwrap_or_else(|| panic!("{id} missing")))
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "not newest first: {order:?}");
    let goc = between(&html, "id=\"dg-2023-goc-hoc-tap-bac-ho\"", "</li>");
    assert!(goc.contains("href=\"/mo-hinh/mh-goc-hoc-tap-bac-ho/\">"), "{goc}");
    assert!(goc.contains("– ngày 11/04/2023"), "{goc}");
    assert!(goc.contains("<dd>Ban Tuyên giáo Đảng ủy Khối</dd>"), "{goc}");
    assert!(goc.contains("result-kha\">Khá</span>"), "{goc}");
    assert!(goc.contains("<th scope=\"row\">Tiêu chí 3. Biện pháp</th><td>Khá</td><td>Biện pháp rõ"), "{goc}");
    assert!(goc.contains("<dt>Đề nghị nhân rộng</dt><dd>Không</dd>"), "{goc}");
    assert!(goc.contains("cần bổ sung số liệu đo kết quả"), "the body is shown");
    assert!(!goc.contains(">mh-goc-hoc-tap-bac-ho<"), "a model id is shown");
    let home = page("index.html");
    assert!(home.contains("<a href=\"/danh-gia/\""), "the menu links the evaluations");
}

#[test]
fn a_model_page_shows_its_latest_evaluation_on_screen_only() {
    let html = page("mo-hinh/mh-mot-cua-than-thien/index.html");
    let section = between(&html, "<section class=\"screen-only evaluation\"", "</section>");
    assert!(section.contains("<h2 id=\"danh-gia\">Kết quả khảo sát, đánh giá</h2>"));
    assert!(section.contains("result-tot\">Tốt</span>") && section.contains("ngày 20/03/2023"), "{section}");
    assert!(section.contains("href=\"/danh-gia/#dg-2023-mot-cua-than-thien\""), "{section}");
    let without = page("mo-hinh/mh-doi-thoai-doanh-nghiep/index.html");
    assert!(!without.contains("id=\"danh-gia\""), "a model never evaluated shows no evaluation");
}

#[test]
fn the_latest_of_two_evaluations_is_shown_and_a_site_without_any_says_so() {
    let site = TempSite::minimal();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let empty = site.read("public/danh-gia/index.html");
    assert!(empty.contains("<p class=\"lead\">Chưa có phiếu khảo sát, đánh giá nào được công bố.</p>"), "{empty}");
    assert!(!empty.contains("<ol class=\"evaluations\""), "no empty list");
    assert!(site.read("public/index.html").contains("<a href=\"/danh-gia/\""), "the menu leads to it");

    let evaluation = |id: &str, date: &str, result: &str| {
        format!(
            "---\ntype: danh_gia\nid: {id}\nmodel: mh-mot-cua-than-thien\ndate: {date}\nby: \"Đoàn khảo sát\"\n\
             result: {result}\n---\nNhận xét {id}.\n"
        )
    };
    site.write("content/danh-gia/dg-sau.md", &evaluation("dg-sau", "2023-01-20", "chua_dat"));
    site.write("content/danh-gia/2022/dg-truoc.md", &evaluation("dg-truoc", "2022-10-05", "tot"));
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let model = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    let section = between(&model, "id=\"danh-gia\"", "</section>");
    assert!(section.contains("Chưa đạt") && section.contains("Nhận xét dg-sau."), "{section}");
    assert!(!section.contains("dg-truoc"), "{section}");
    let list = site.read("public/danh-gia/index.html");
    assert!(list.find("id=\"dg-sau\"").unwrap() < list.find("id=\"dg-truoc\"").unwrap());

    let facets: serde_json::Value = serde_json::from_str(&site.read("public/tim-kiem/facets.json")).unwrap();
    let facet = facets["f"].as_array().unwrap().iter().find(|f| f["k"] == "danh-gia").unwrap();
    assert_eq!(facet["l"], "Kết quả đánh giá");
    assert_eq!(facet["v"], serde_json::json!([["chua_dat", "Chưa đạt"], ["chua_danh_gia", "Chưa đánh giá"]]));
}

#[test]
fn the_gallery_filters_by_the_latest_evaluation_result() {
    let facets: serde_json::Value = serde_json::from_str(&page("tim-kiem/facets.json")).unwrap();
    let facet = facets["f"].as_array().unwrap().iter().find(|f| f["k"] == "danh-gia").unwrap();
    assert_eq!(facet["l"], "Kết quả đánh giá");
    assert_eq!(
        facet["v"],
        serde_json::json!([["tot", "Tốt"], ["kha", "Khá"], ["dat", "Đạt"], ["chua_danh_gia", "Chưa đánh giá"]])
    );
}

#[test]
fn commendations_list_every_recognition_once_newest_first() {
    let html = page("khen-thuong/index.html");
    assert!(html.contains("<h1>Biểu dương, khen thưởng</h1>"));
    assert!(html.contains("7 lượt biểu dương, khen thưởng; 5 mô hình, điển hình được khen thưởng."), "lead");
    assert!(html.contains("<span class=\"stat-value\">3</span> <span class=\"stat-label\">Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh</span>"));
    let rows: Vec<&str> = between(&html, "<tbody>", "</tbody>").split("<tr>").skip(1).collect();
    let dates: Vec<&str> = rows.iter().map(|r| between(r, "<th scope=\"row\">", "</th>")).collect();
    assert_eq!(
        dates,
        [
            "<th scope=\"row\">19/05/2026",
            "<th scope=\"row\">26/12/2025",
            "<th scope=\"row\">26/12/2025",
            "<th scope=\"row\">19/05/2023",
            "<th scope=\"row\">28/12/2022",
            "<th scope=\"row\">28/12/2022",
            "<th scope=\"row\">19/05/2022"
        ]
    );
    assert!(rows[0].contains("href=\"/mo-hinh/mh-mot-cua-so-than-thien/\""), "a model of 2026–2030");
    // Recognitions written in a report (the 2025 reports) link the report.
    assert!(rows[1..3].iter().all(|r| r.contains("theo <a href=\"/bao-cao/bc-db-")), "{rows:?}");
    assert!(
        rows[3].contains("<td data-label=\"Cấp\">Cấp tỉnh</td>")
            && rows[3].contains("href=\"/mo-hinh/mh-luong-y-nhu-tu-mau/\"")
    );
    assert!(rows[3].contains("Quyết định số 1286-QĐ/TU ngày 12/5/2023"));
    assert!(rows[6].contains("Đoàn Thanh niên Trường THPT Phú Hòa") && rows[6].contains(">CB THPT Phú Hòa</a>"));
    assert!(page("index.html").contains("<a href=\"/khen-thuong/\""), "the menu links the page");
}

#[test]
fn a_report_s_own_recognition_is_listed_with_its_report() {
    let site = TempSite::minimal();
    let report = "content/bao-cao/bc-db-so-tai-chinh-2022-ca-nam.md";
    let text = site.read(report).replacen(
        "models:",
        "recognitions:\n  - subject: \"Đồng chí Trần Văn An\"\n    date: 2022-12-20\n    level: co_so\n    form: \"Giấy khen\"\nmodels:",
        1,
    );
    site.write(report, &text);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = site.read("public/khen-thuong/index.html");
    let row = between(&html, "<th scope=\"row\">20/12/2022", "</tr>");
    assert!(row.contains("Đồng chí Trần Văn An") && row.contains("<td data-label=\"Cấp\">Cấp cơ sở</td>"), "{row}");
    assert!(row.contains("theo <a href=\"/bao-cao/bc-db-so-tai-chinh-2022-ca-nam/\">"), "{row}");
    assert!(html.contains("1 lượt biểu dương, khen thưởng; chưa có mô hình nào được khen thưởng."), "{html}");
}
