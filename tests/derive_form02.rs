//! Form 02 as published: the numbers of `tests/sites/form02` (a retired-in-period model, a
//! model completed in the period, units without a model, a late report) in the JSON, the CSV
//! and the HTML page of each period, run on the real binary.

mod common;

use common::{TempSite, copy_dir, fixture};
use serde_json::Value;

/// The form 02 fixture site, built into `public/`.
fn built() -> TempSite {
    let site = TempSite::empty();
    copy_dir(&fixture("form02"), &site.dir);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "build failed:\n{}\n{}", run.stdout, run.stderr);
    site
}

fn json(site: &TempSite, year: i32, period: &str) -> Value {
    let text = site.read(&format!("public/tong-hop/{year}/{period}/tong-hop-{year}-{period}.json"));
    serde_json::from_str(&text).unwrap()
}

/// The counts of a JSON row in form order: models, xay_moi, cung_co, nhan_rong, tap_the,
/// ca_nhan, in_progress, completed, retired.
fn counts(row: &Value) -> [u64; 9] {
    ["models", "xay_moi", "cung_co", "nhan_rong", "tap_the", "ca_nhan", "in_progress", "completed", "retired"]
        .map(|key| row[key].as_u64().unwrap_or_else(|| panic!("`{key}` missing in {row}")))
}

/// The `<tr>` of `html` holding the first link to unit `id`.
fn row_of<'a>(html: &'a str, id: &str) -> &'a str {
    let link = format!("/don-vi/{id}/\"");
    let at = html.find(&link).unwrap_or_else(|| panic!("no link to {id}"));
    let start = html[..at].rfind("<tr").unwrap();
    let end = at + html[at..].find("</tr>").unwrap();
    &html[start..end]
}

#[test]
fn json_counts_each_unit_and_base_unit_for_the_period() {
    let site = built();
    let table = json(&site, 2023, "sau-thang");
    assert_eq!(table["year"], 2023);
    assert_eq!(table["period"], "sau_thang");
    assert_eq!(table["as_of"], "2023-07-20");
    let bases = table["base_units"].as_array().unwrap();
    let ids: Vec<&str> = bases.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["db-so-y-te", "cb-truong-hoc"]);

    let so_y_te = &bases[0];
    assert_eq!(so_y_te["name"], "Đảng bộ Sở Y tế");
    assert_eq!(counts(so_y_te), [3, 1, 1, 1, 2, 1, 1, 1, 1], "the base unit sums its subtree");
    assert_eq!(so_y_te["reported"], 2, "two units have values in the 2023 sáu tháng report");
    assert_eq!(so_y_te["report_state"], "dung_han");
    let units = so_y_te["units"].as_array().unwrap();
    let order: Vec<&str> = units.iter().map(|u| u["id"].as_str().unwrap()).collect();
    assert_eq!(order, ["db-so-y-te", "dbbp-van-phong", "cb-hanh-chinh", "cb-nghiep-vu"], "registry order");
    assert_eq!(units[1]["kind"], "dang_bo_bo_phan");
    assert_eq!(units[1]["no_model"], true);
    assert_eq!(units[1]["models"], 0);
    assert_eq!(units[3]["no_model"], true);
    // mh-tiet-kiem-van-phong ended 31/03/2023 (completed), mh-hop-thu-gop-y retired 10/05/2023.
    assert_eq!(counts(&units[2]), [2, 0, 1, 1, 1, 1, 0, 1, 1]);
    assert_eq!(units[2]["reported"], true);
    assert_eq!(units[2]["no_model"], false);

    let school = &bases[1];
    assert_eq!(counts(school), [1, 1, 0, 0, 1, 0, 1, 0, 0]);
    assert_eq!(school["report_state"], "tre_han", "filed 18/07/2023, deadline 15/07/2023");
    assert_eq!(school["report"]["date"], "2023-07-18");

    let totals = &table["totals"];
    assert_eq!(counts(totals), [4, 2, 1, 1, 3, 1, 2, 1, 1]);
    assert_eq!((totals["units"].as_u64(), totals["units_without_model"].as_u64()), (Some(5), Some(2)));
    assert_eq!((totals["reports_submitted"].as_u64(), totals["reports_late"].as_u64()), (Some(2), Some(1)));
    assert_eq!(totals["reports_missing"], 0);
}

#[test]
fn earlier_periods_count_what_was_running_then() {
    let site = built();
    let first = json(&site, 2022, "sau-thang");
    // mh-goc-doc-sach starts in September 2022; the other three were all running.
    assert_eq!(counts(&first["totals"]), [3, 1, 1, 1, 2, 1, 3, 0, 0]);
    assert_eq!(first["base_units"][1]["units"][0]["no_model"], true);
    assert_eq!(first["totals"]["reports_missing"], 2, "nobody filed for 6 tháng đầu năm 2022");
    let year = json(&site, 2022, "ca-nam");
    assert_eq!(counts(&year["totals"]), [4, 2, 1, 1, 3, 1, 4, 0, 0]);
    assert_eq!(year["base_units"][0]["report_state"], "dung_han");
    assert_eq!(year["base_units"][1]["report_state"], "chua_nop");
    let current = json(&site, 2023, "ca-nam");
    assert_eq!(current["totals"]["reports_missing"], 0, "the 2023 report is not due yet");
    assert_eq!(current["base_units"][0]["report_state"], "chua_den_han");
    let groups = current["by_group"].as_array().unwrap();
    let reform = groups.iter().find(|g| g["id"] == "cai-cach-hanh-chinh").unwrap();
    assert_eq!(reform["models"], 2);
}

#[test]
fn csv_has_a_bom_a_vietnamese_header_and_the_same_rows() {
    let site = built();
    let csv = site.read("public/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.csv");
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Năm,Kỳ,Mã đơn vị cơ sở,Mã đơn vị,Tên đơn vị,Loại tổ chức,Tổng số mô hình,Xây dựng mới,\"Củng cố, nâng cao\",\
         Nhân rộng,Tập thể,Cá nhân,Đang thực hiện,Hoàn thành,Loại bỏ trong kỳ,Có số liệu trong mẫu 03,Chưa có mô hình"
    );
    assert_eq!(lines.len(), 6, "one row per unit");
    assert_eq!(
        lines[2],
        "2023,6 tháng đầu năm,db-so-y-te,dbbp-van-phong,Đảng bộ bộ phận Văn phòng Sở,Đảng bộ bộ phận,0,0,0,0,0,0,0,0,0,Không,Có"
    );
    assert_eq!(
        lines[3],
        "2023,6 tháng đầu năm,db-so-y-te,cb-hanh-chinh,Chi bộ Phòng Hành chính,Chi bộ trực thuộc,2,0,1,1,1,1,0,1,1,Có,Không"
    );
    assert!(lines[5].starts_with("2023,6 tháng đầu năm,cb-truong-hoc,cb-truong-hoc,"));
}

#[test]
fn page_shows_the_tables_flags_charts_and_downloads() {
    let site = built();
    let html = site.read("public/tong-hop/2023/sau-thang/index.html");
    assert!(html.contains("<h1>Tổng hợp mô hình, điển hình 6 tháng đầu năm 2023</h1>"));
    assert!(html.contains(r#"href="/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.csv""#));
    assert!(html.contains(r#"href="/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.json""#));

    let details = &html[html.find(r#"id="theo-don-vi""#).unwrap()..];
    let unit = row_of(details, "cb-hanh-chinh");
    let cells: Vec<&str> = unit.split("<td class=\"num\">").skip(1).map(|c| &c[..c.find('<').unwrap()]).collect();
    assert_eq!(cells, ["2", "0", "1", "1", "1", "1", "0", "1", "1"]);
    assert!(unit.contains("<td>Có</td>"));
    let empty = row_of(details, "cb-nghiep-vu");
    assert!(empty.starts_with(r#"<tr class="no-model">"#));
    assert!(empty.contains(r#"<strong class="flag">Chưa có mô hình</strong>"#));

    let khoi = &html[..html.find("id=\"bieu-do\"").unwrap()];
    let school = &khoi[khoi.find("href=\"#dv-cb-truong-hoc\"").unwrap()..];
    assert!(
        school[..school.find("</tr>").unwrap()].contains(r#"<span class="state state-tre_han">Nộp trễ hạn</span>"#)
    );
    assert!(khoi.contains("<th scope=\"row\">Tổng cộng</th><td class=\"num\">4</td>"));

    assert_eq!(html.matches(r#"role="img""#).count(), 3, "group, approach and coverage charts");
    assert!(html.contains(
        r#"aria-label="Số mô hình theo cách thức: Xây dựng mới 2; Củng cố, nâng cao chất lượng 1; Nhân rộng 1""#
    ));
    assert!(html.contains("Số đơn vị có mô hình trên tổng số đơn vị, theo đơn vị cơ sở: Đảng bộ Sở Y tế 2/4"));
    assert!(html.contains("<td class=\"num\" data-label=\"Tỷ lệ\">50%</td>"), "coverage table beside its chart");
}

#[test]
fn index_lists_every_coverage_period() {
    let site = built();
    let html = site.read("public/tong-hop/index.html");
    for (year, period, text) in [
        (2022, "sau-thang", "6 tháng đầu năm 2022"),
        (2022, "ca-nam", "Cả năm 2022"),
        (2023, "sau-thang", "6 tháng đầu năm 2023"),
        (2023, "ca-nam", "Cả năm 2023"),
    ] {
        assert!(html.contains(&format!(r#"<a href="/tong-hop/{year}/{period}/">{text}</a>"#)), "{text}");
    }
    assert!(html.find("Năm 2023").unwrap() < html.find("Năm 2022").unwrap(), "newest year first");
    assert!(!site.dir.join("public/tong-hop/2021").exists(), "coverage starts in 2022");
}
