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
fn csv_has_a_bom_the_json_keys_and_the_same_rows() {
    let site = built();
    let csv = site.read("public/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.csv");
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "year,period,level,base_unit,id,name,kind,models,xay_moi,cung_co,nhan_rong,tap_the,ca_nhan,\
         in_progress,completed,retired,commended,reported,no_model"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.json")).unwrap();
    // The JSON's rows in its order: each base unit, then its units; the totals last.
    let mut expected = Vec::new();
    for base in json["base_units"].as_array().unwrap() {
        expected.push(("base_unit", base["id"].as_str().unwrap(), base["models"].as_u64().unwrap()));
        for unit in base["units"].as_array().unwrap() {
            expected.push(("unit", unit["id"].as_str().unwrap(), unit["models"].as_u64().unwrap()));
        }
    }
    expected.push(("totals", "", json["totals"]["models"].as_u64().unwrap()));
    let rows: Vec<Vec<&str>> = lines[1..].iter().map(|line| line.split(',').collect()).collect();
    let found: Vec<(&str, &str, u64)> = rows.iter().map(|r| (r[2], r[4], r[7].parse().unwrap())).collect();
    assert_eq!(found, expected);
    assert_eq!(found.len(), 2 + 5 + 1, "two base units, five units, the totals");
    assert_eq!(
        lines[1],
        "2023,sau_thang,base_unit,db-so-y-te,db-so-y-te,Đảng bộ Sở Y tế,dang_bo_co_so,3,1,1,1,2,1,1,1,1,1,2,2"
    );
    assert_eq!(
        lines[3],
        "2023,sau_thang,unit,db-so-y-te,dbbp-van-phong,Đảng bộ bộ phận Văn phòng Sở,dang_bo_bo_phan,0,0,0,0,0,0,0,0,0,0,0,1"
    );
    assert_eq!(
        lines[4],
        "2023,sau_thang,unit,db-so-y-te,cb-hanh-chinh,Chi bộ Phòng Hành chính,chi_bo_truc_thuoc,2,0,1,1,1,1,0,1,1,0,1,0"
    );
    // Every number column adds up: a base unit's row is the sum of its units' rows.
    let header: Vec<&str> = lines[0].split(',').collect();
    for column in 7..header.len() {
        let units: u64 = rows[1..5].iter().map(|r| r[column].parse::<u64>().unwrap()).sum();
        assert_eq!(units, rows[0][column].parse::<u64>().unwrap(), "{}", header[column]);
    }
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
    assert_eq!(cells, ["2", "0", "1", "1", "1", "1", "0", "1", "1", "0"]);
    assert!(unit.contains("<td>Có</td>"));
    let empty = row_of(details, "cb-nghiep-vu");
    assert!(empty.starts_with(r#"<tr class="no-model">"#));
    assert!(empty.contains(r#"<strong class="flag">Chưa có mô hình</strong>"#));

    let khoi = &html[..html.find("id=\"bieu-do\"").unwrap()];
    let school = &khoi[khoi.find(">Chi bộ Trường Trung học cơ sở Hòa Bình</a></th>").unwrap()..];
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

/// The text of each cell of each body row of the table captioned `caption` (tags dropped).
fn table_rows(html: &str, caption: &str) -> Vec<Vec<String>> {
    let at = html.find(&format!(">{caption}</caption>")).unwrap_or_else(|| panic!("no table `{caption}`"));
    let body = &html[at..];
    let body = &body[body.find("<tbody>").unwrap()..body.find("</tbody>").unwrap()];
    body.split("<tr").skip(1).map(|row| row.split("</t").filter_map(cell_text).collect()).collect()
}

/// The text of the cell ending where `chunk` ends (`<td …>text` or `<th …>text`), tags and
/// line breaks dropped; `None` for what is not a cell.
fn cell_text(chunk: &str) -> Option<String> {
    let open = chunk.rfind("<td").or_else(|| chunk.rfind("<th"))?;
    let inner = &chunk[open + chunk[open..].find('>')? + 1..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text)
}

#[test]
fn a_chi_bo_co_so_has_no_form_of_its_own_its_models_are_listed_under_the_khoi_table() {
    let site = built();
    let html = site.read("public/tong-hop/2022/ca-nam/index.html");
    assert!(!html.contains("id=\"dv-cb-truong-hoc\""), "no form 02 section for the chi bộ cơ sở");
    assert!(html.contains("id=\"dv-db-so-y-te\""), "the đảng bộ cơ sở has its own");
    let khoi = &html[..html.find("id=\"bieu-do\"").unwrap()];
    assert!(khoi.contains("<a href=\"#mo-hinh-chi-bo-co-so\">Chi bộ Trường Trung học cơ sở Hòa Bình</a>"));
    assert_eq!(
        table_rows(khoi, "Mô hình, điển hình của các chi bộ cơ sở, cả năm 2022"),
        [[
            "1",
            "Chi bộ Trường Trung học cơ sở Hòa Bình",
            "Góc đọc sách về Bác trong nhà trường",
            "Tập thể giáo viên Trường THCS Hòa Bình (tập thể)",
            "Xây dựng mới",
            "Đang thực hiện",
            "20/11/2022: Biểu dương tại hội nghị sơ kết của Chi bộ (Cấp cơ sở)",
        ]]
    );
    let table = json(&site, 2022, "ca-nam");
    let school = &table["base_units"][1];
    assert_eq!((school["id"].as_str(), school["kind"].as_str()), (Some("cb-truong-hoc"), Some("chi_bo_co_so")));
    assert_eq!(school["commended"], 1);
    assert_eq!(school["model_list"][0]["id"], "mh-goc-doc-sach");
    assert_eq!(school["model_list"][0]["recognition"][0]["date"], "2022-11-20");
    assert_eq!(table["totals"]["models"], 4, "every model active in 2022, the chi bộ cơ sở's included");
    assert_eq!(table["totals"]["commended"], 1);
}

#[test]
fn a_dang_bo_co_so_form_lists_its_models_and_counts_those_commended_in_the_period() {
    let site = built();
    let html = site.read("public/tong-hop/2023/ca-nam/index.html");
    let section = &html[html.find("id=\"dv-db-so-y-te\"").unwrap()..];
    let recognised =
        "19/05/2023: Giấy khen của Ban Thường vụ Đảng ủy Khối (Đảng ủy Khối các cơ quan tỉnh (thử nghiệm))";
    assert_eq!(
        table_rows(section, "Danh sách mô hình, điển hình – Đảng bộ Sở Y tế"),
        [
            [
                "1",
                "Đảng bộ Sở Y tế",
                "Bộ phận một cửa Sở Y tế thân thiện, đúng hẹn",
                "Tập thể Bộ phận một cửa Sở Y tế (tập thể)",
                "Xây dựng mới",
                "Đang thực hiện",
                recognised
            ],
            [
                "2",
                "Chi bộ Phòng Hành chính",
                "Đảng viên gương mẫu thực hành tiết kiệm văn phòng phẩm",
                "Trần Thị Bình (cá nhân)",
                "Củng cố, nâng cao chất lượng",
                "Hoàn thành",
                "05/07/2023: Giấy khen của Đảng ủy Sở Y tế (Cấp cơ sở)"
            ],
            [
                "3",
                "Chi bộ Phòng Hành chính",
                "Hộp thư góp ý của người dân tại Văn phòng Sở",
                "Tập thể Chi bộ Phòng Hành chính (tập thể)",
                "Nhân rộng",
                "Loại bỏ trong kỳ",
                ""
            ],
        ]
    );
    // One row per model, thousands on a large site: the stylesheet names the columns on
    // phones, not an attribute repeated in every cell.
    let list = &section[section.find("<table class=\"form02-models").unwrap()..];
    assert!(!list[..list.find("</table>").unwrap()].contains("data-label"));
    let subtotal = &section[section.find("Cộng toàn đơn vị").unwrap()..];
    let subtotal = &subtotal[..subtotal.find("</tr>").unwrap()];
    let cells: Vec<&str> = subtotal.split("<td class=\"num\">").skip(1).map(|c| &c[..c.find('<').unwrap()]).collect();
    assert_eq!(cells, ["3", "1", "1", "1", "2", "1", "1", "1", "1", "2"], "the tenth count is the commended models");

    // Commended within the period only: the 05/07/2023 recognition is not in the first half.
    let year = json(&site, 2023, "ca-nam");
    let half = json(&site, 2023, "sau-thang");
    assert_eq!((year["totals"]["commended"].as_u64(), half["totals"]["commended"].as_u64()), (Some(2), Some(1)));
    let listed: Vec<(&str, &str, &str)> = year["base_units"][0]["model_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["unit"].as_str().unwrap(), m["phase"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [
            ("mh-mot-cua-y-te", "db-so-y-te", "in_progress"),
            ("mh-tiet-kiem-van-phong", "cb-hanh-chinh", "completed"),
            ("mh-hop-thu-gop-y", "cb-hanh-chinh", "retired"),
        ]
    );
    assert_eq!(half["base_units"][0]["model_list"][1]["recognition"], serde_json::json!([]));
    let csv = site.read("public/tong-hop/2023/ca-nam/tong-hop-2023-ca-nam.csv");
    assert!(
        csv.contains(
            "\r\n2023,ca_nam,unit,db-so-y-te,cb-hanh-chinh,Chi bộ Phòng Hành chính,chi_bo_truc_thuoc,2,0,1,1,1,1,0,1,1,1,"
        ),
        "{csv}"
    );
}
