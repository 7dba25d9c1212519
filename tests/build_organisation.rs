//! `guong build` with organisational change (SPEC §8.2) over the minimal site: both unit
//! pages of a merge, the unit pages' yearly coverage (SPEC §5), form 02 counting the merged
//! unit's running model under its successor, and no text naming an organisation the content
//! does not name.

mod common;

use common::{TempSite, snapshot};

/// The minimal site with cb-cdc merged into db-so-tai-chinh on 30/06/2022.
fn merged() -> TempSite {
    let site = TempSite::minimal();
    let units = site.read("content/to-chuc.yml");
    site.write(
        "content/to-chuc.yml",
        &units
            .replace("    sector: y_te", "    sector: y_te\n    active_to: 2022-06-30\n    successor: db-so-tai-chinh"),
    );
    site
}

#[test]
fn both_unit_pages_say_what_merged_into_what_and_when() {
    let site = merged();
    site.build();
    let old = site.read("public/don-vi/cb-cdc/index.html");
    assert!(
        old.contains(
            "Đã hợp nhất vào <a href=\"/don-vi/db-so-tai-chinh/\">Đảng bộ Sở Tài chính</a> từ ngày 01/07/2022"
        ),
        "{old}"
    );
    let successor = site.read("public/don-vi/db-so-tai-chinh/index.html");
    assert!(
        successor.contains(
            "<dt>Sáp nhập</dt><dd>Tiếp nhận từ: <a href=\"/don-vi/cb-cdc/\">Chi bộ Trung tâm Kiểm soát bệnh tật tỉnh</a> (từ ngày 01/07/2022)</dd>"
        ),
        "{successor}"
    );
    let carried = &successor[successor.find("Mô hình tiếp nhận từ đơn vị sáp nhập").expect("carried models")..];
    assert!(carried.contains("Tiếp nhận hồ sơ thân thiện tại Trung tâm Kiểm soát bệnh tật"));
}

/// The rows of a unit page's "Mô hình theo năm" table, cells as text joined by " | ".
fn coverage_rows(page: &str) -> Vec<String> {
    let section = &page[page.find("id=\"theo-nam\"").expect("a coverage section")..];
    let body = &section[section.find("<tbody>").unwrap()..section.find("</tbody>").unwrap()];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let cells = row.replace("</th>", "|").replace("</td>", "|");
            let mut text = String::new();
            let mut in_tag = false;
            for c in cells.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.trim().trim_end_matches('|').split('|').map(str::trim).collect::<Vec<_>>().join(" | ")
        })
        .collect()
}

#[test]
fn a_unit_page_shows_its_yearly_coverage_and_its_sub_units_without_a_model() {
    let site = TempSite::minimal();
    let units = site.read("content/to-chuc.yml");
    site.write(
        "content/to-chuc.yml",
        &format!(
            "{units}  - id: cb-phong-thanh-tra\n    kind: chi_bo_truc_thuoc\n    name: \"Chi bộ Phòng Thanh tra\"\n    \
             parent: db-so-tai-chinh\n    active_from: 2023-01-01\n"
        ),
    );
    site.build();
    assert_eq!(
        coverage_rows(&site.read("public/don-vi/db-so-tai-chinh/index.html")),
        ["2022 | 1 | Có mô hình | Không có", "2023 | 1 | Có mô hình | Chi bộ Phòng Thanh tra"]
    );
    assert_eq!(
        coverage_rows(&site.read("public/don-vi/cb-phong-thanh-tra/index.html")),
        ["2023 | 0 | Chưa có mô hình"],
        "only the years the unit was active"
    );
    assert_eq!(
        coverage_rows(&site.read("public/don-vi/cb-phong-ngan-sach/index.html")),
        ["2022 | 1 | Có mô hình", "2023 | 1 | Có mô hình"]
    );
}

#[test]
fn the_merged_unit_counts_under_its_successor_in_the_coverage_and_the_tree_says_so() {
    let site = merged();
    site.build();
    assert_eq!(
        coverage_rows(&site.read("public/don-vi/cb-cdc/index.html")),
        ["2022 | 0 | Đã hợp nhất vào Đảng bộ Sở Tài chính"]
    );
    assert_eq!(
        coverage_rows(&site.read("public/don-vi/db-so-tai-chinh/index.html")),
        ["2022 | 2 | Có mô hình | Không có", "2023 | 2 | Có mô hình | Không có"],
        "its own model and the one it carries on for cb-cdc"
    );
    let note = "đã hợp nhất vào Đảng bộ Sở Tài chính từ ngày 01/07/2022";
    let tree = site.read("public/don-vi/index.html");
    assert!(tree.contains(&format!("Chi bộ cơ sở · 1 mô hình · {note}")), "{tree}");
    let root = site.read("public/don-vi/dang-bo-khoi/index.html");
    assert!(root.contains(&format!("1 mô hình · {note}</span>")), "{root}");
}

#[test]
fn form02_counts_the_running_model_under_the_successor_after_the_merge() {
    let site = merged();
    site.build();
    let json = |period: &str| -> serde_json::Value {
        serde_json::from_str(&site.read(&format!("public/tong-hop/2022/{period}/tong-hop-2022-{period}.json"))).unwrap()
    };
    let first = json("sau-thang");
    assert_eq!(common::model_counts(&first["base_units"]), [("db-so-tai-chinh", 2), ("cb-cdc", 1)]);
    let year = json("ca-nam");
    assert_eq!(
        common::model_counts(&year["base_units"]),
        [("db-so-tai-chinh", 3)],
        "cb-cdc merged: its model counts under the Sở"
    );
    assert_eq!(year["totals"]["models"], 3, "no model lost or counted twice");
    assert_eq!(first["totals"]["models"], 3);
    // The list of models follows the counts: under the successor, in its own row.
    let listed: Vec<(&str, &str)> = year["base_units"][0]["model_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["unit"].as_str().unwrap()))
        .collect();
    assert!(listed.contains(&("mh-mot-cua-than-thien-cdc", "db-so-tai-chinh")), "{listed:?}");
    assert_eq!(listed.len(), 3);
    assert_eq!(first["base_units"][1]["model_list"][0]["id"], "mh-mot-cua-than-thien-cdc");
    let page = site.read("public/tong-hop/2022/ca-nam/index.html");
    let section = &page[page.find("id=\"dv-db-so-tai-chinh\"").expect("the Sở's form 02")..];
    assert!(section.contains(">Tiếp nhận hồ sơ thân thiện tại Trung tâm Kiểm soát bệnh tật</a>"));
    assert!(!page.contains("id=\"dv-cb-cdc\""), "a chi bộ cơ sở has no form 02 of its own");
}

#[test]
fn no_text_names_an_organisation_the_content_does_not_name() {
    let site = TempSite::minimal();
    // The content of a site whose root unit is not a "Khối": nothing in it says "Khối".
    for (path, _) in snapshot(&site.dir.join("content")) {
        let path = format!("content/{path}");
        let text =
            site.read(&path).replace("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh", "Đảng bộ Ủy ban nhân dân tỉnh");
        site.write(&path, &text.replace("Đảng bộ Khối", "Đảng bộ UBND tỉnh").replace("Khối", "tỉnh"));
    }
    // A recognition at the level of the root's committee.
    let model = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";
    let text = site.read(model);
    site.write(
        model,
        &text.replacen(
            "---\n\n",
            "recognition:\n  - {date: 2022-12-20, level: dang_uy_khoi, form: Giấy khen, decision: Quyết định số 15-QĐ/ĐU}\n---\n\n",
            1,
        ),
    );
    site.build();
    let mut pages = 0;
    for (path, bytes) in snapshot(&site.dir.join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Khối"), "{path} names a Khối");
        pages += usize::from(path.ends_with(".html"));
    }
    assert!(pages > 10);
    let page = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    assert!(page.contains("Đảng ủy Ủy ban nhân dân tỉnh"), "the recognition level names the root committee");
    let form02 = site.read("public/tong-hop/2022/ca-nam/index.html");
    assert!(form02.contains("Toàn Đảng bộ UBND tỉnh"), "the heading names the root unit");
    // Messages too: a model of the root unit.
    site.write(model, &site.read(model).replace("org: db-so-tai-chinh", "org: dang-bo-khoi"));
    let run = site.run(&["check"]);
    assert!(
        run.stdout.contains("Mô hình không thể do Đảng bộ Ủy ban nhân dân tỉnh (`dang-bo-khoi`, đơn vị gốc)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Khối"), "{}", run.stdout);
}
