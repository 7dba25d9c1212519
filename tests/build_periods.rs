//! `guong build` with programme periods (SPEC §8.1) over the minimal site: the period
//! summaries `/giai-doan/<id>/` with their CSV and JSON beside them.

mod common;

use common::office::{COUNT_KEYS, xlsx_sheets};
use common::tools::tool_test;
use common::{TempSite, periods_yaml, two_periods};

const CDC: &str = "content/mo-hinh/mh-mot-cua-than-thien-cdc.md";

/// The minimal site with two periods; the CDC model moved to 2026 and given a title a
/// spreadsheet would read as a formula, the first model commended.
fn two_period_site() -> TempSite {
    let site = TempSite::minimal();
    site.set_periods(&two_periods());
    let cdc = site.read(CDC);
    site.write(
        CDC,
        &cdc.replace("start: 2022-04-01", "start: 2026-03-01")
            .replace("title: \"Tiếp nhận hồ sơ", "title: \"=Tiếp nhận hồ sơ"),
    );
    let first = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";
    let text = site.read(first);
    site.write(
        first,
        &text.replacen(
            "start: 2022-03-01\n",
            "start: 2022-03-01\nrecognition:\n  - {date: 2022-12-20, level: tinh, form: Bằng khen của Chủ tịch UBND tỉnh}\n",
            1,
        ),
    );
    site
}

#[test]
fn every_period_has_its_summary_page_csv_and_json() {
    let site = two_period_site();
    site.build();
    let first = site.read("public/giai-doan/2021-2025/index.html");
    assert!(first.contains("<h1>Giai đoạn 2021-2025</h1>"), "{first}");
    assert!(first.contains("Đây là giai đoạn hiện nay."), "as_of 2023 falls in the first period");
    assert!(first.contains("href=\"/giai-doan/2021-2025/giai-doan-2021-2025.csv\""));
    assert!(first.contains("href=\"/giai-doan/2021-2025/giai-doan-2021-2025.json\""));
    assert!(first.contains("href=\"/mo-hinh/mh-mot-cua-than-thien/\""));
    assert!(!first.contains("href=\"/mo-hinh/mh-mot-cua-than-thien-cdc/\""), "the CDC model belongs to 2026–2030");
    let commended = &first[first.find("Mô hình được biểu dương, khen thưởng</h2>").expect("commended section")..];
    assert!(commended.contains("20/12/2022: Bằng khen của Chủ tịch UBND tỉnh (Cấp tỉnh)"), "{commended}");

    let second = site.read("public/giai-doan/2026-2030/index.html");
    assert!(second.contains("href=\"/mo-hinh/mh-mot-cua-than-thien-cdc/\""));
    assert!(!second.contains("Đây là giai đoạn hiện nay."));
    assert!(second.contains("Tổng kết giai đoạn · Chưa bắt đầu"));

    let json = |id: &str| -> serde_json::Value {
        serde_json::from_str(&site.read(&format!("public/giai-doan/{id}/giai-doan-{id}.json"))).unwrap()
    };
    let (a, b) = (json("2021-2025"), json("2026-2030"));
    assert_eq!((a["from"].as_str(), a["to"].as_str()), (Some("2021-01-01"), Some("2025-12-31")));
    assert_eq!((a["totals"]["models"].as_u64(), a["commended"].as_u64()), (Some(2), Some(1)));
    assert_eq!(b["totals"]["models"].as_u64(), Some(1));
    assert_eq!(b["models"][0]["id"], "mh-mot-cua-than-thien-cdc");

    let csv = site.read("public/giai-doan/2026-2030/giai-doan-2026-2030.csv");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}Mã giai đoạn,Mã mô hình,Tên mô hình,"), "{csv}");
    assert!(lines[0].contains(",Cách thức,Chủ thể,Trạng thái,"), "SPEC §2 calls `subject` Chủ thể: {csv}");
    assert!(
        lines[1].starts_with("2026-2030,mh-mot-cua-than-thien-cdc,'=Tiếp nhận hồ sơ thân thiện"),
        "the title is made inert: {csv}"
    );
    assert_eq!(lines.len(), 3, "{csv}");
}

#[test]
fn giai_doan_lists_every_period_with_its_state_counts_and_downloads() {
    let site = two_period_site();
    // Written out of order: the list follows the dates.
    let catalog = site.read("content/danh-muc.yml");
    let reversed =
        periods_yaml(&[("2026-2030", "2026-01-01", "2030-12-31"), ("2021-2025", "2021-01-01", "2025-12-31")]);
    assert!(catalog.contains(&two_periods()));
    site.write("content/danh-muc.yml", &catalog.replace(&two_periods(), &reversed));
    site.build();
    let html = site.read("public/giai-doan/index.html");
    assert!(html.contains("<h1>Các giai đoạn thực hiện</h1>"), "{html}");
    let older = html.find("<h2><a href=\"/giai-doan/2021-2025/\">Giai đoạn 2021-2025</a></h2>").expect("first period");
    let newer = html.find("<h2><a href=\"/giai-doan/2026-2030/\">Giai đoạn 2026-2030</a></h2>").expect("second period");
    assert!(older < newer, "by start date");
    let (older, newer) = (&html[older..newer], &html[newer..]);
    assert!(older.contains("<p>01/01/2021 – 31/12/2025 · Đang diễn ra · giai đoạn hiện nay</p>"), "{older}");
    assert!(
        older.contains("<span class=\"count\">2 mô hình, điển hình</span> · <span class=\"count\">1 được biểu dương")
    );
    assert!(older.contains("href=\"/giai-doan/2021-2025/giai-doan-2021-2025.xlsx\""));
    assert!(newer.contains("<p>01/01/2026 – 31/12/2030 · Chưa bắt đầu</p>"), "{newer}");
    assert!(newer.contains("<span class=\"count\">1 mô hình, điển hình</span>"));
    // Each period's page leads back to the list.
    let page = site.read("public/giai-doan/2026-2030/index.html");
    assert!(page.contains("<li><a href=\"/giai-doan/\">Các giai đoạn thực hiện</a></li>"), "{page}");
}

#[test]
fn a_v1_site_has_the_one_default_period_page() {
    let site = TempSite::minimal();
    site.build();
    let page = site.read("public/giai-doan/2021-2025/index.html");
    assert!(page.contains("<h1>Giai đoạn 2021–2025</h1>"), "{page}");
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/giai-doan/2021-2025/giai-doan-2021-2025.json")).unwrap();
    assert_eq!(json["totals"]["models"].as_u64(), Some(3));
    assert!(!site.dir.join("public/giai-doan/2026-2030").exists());
}

#[test]
fn both_model_pages_link_a_carried_on_model() {
    let site = TempSite::minimal();
    let cung_co = "content/mo-hinh/so-tai-chinh/mh-tiet-kiem-chi-thuong-xuyen.md";
    let previous = "  previous: \"Phòng Ngân sách tiết kiệm văn phòng phẩm\"\n";
    let text = site.read(cung_co);
    assert!(text.contains(previous));
    site.write(cung_co, &text.replace(previous, &format!("{previous}  previous_model: mh-mot-cua-than-thien\n")));
    site.build();
    let newer = site.read("public/mo-hinh/mh-tiet-kiem-chi-thuong-xuyen/index.html");
    assert!(
        newer.contains(
            "Mô hình này tiếp nối mô hình <a href=\"/mo-hinh/mh-mot-cua-than-thien/\">Bộ phận một cửa thân thiện"
        ),
        "{newer}"
    );
    assert!(newer.contains("(Giai đoạn 2021–2025)</a>."));
    assert!(newer.contains("<dt>Giai đoạn</dt><dd><a href=\"/giai-doan/2021-2025/\">Giai đoạn 2021–2025</a></dd>"));
    let older = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    let section = &older[older.find("Mô hình được tiếp nối ở giai đoạn sau").expect("the later model is linked")..];
    assert!(section.contains("<li><a href=\"/mo-hinh/mh-tiet-kiem-chi-thuong-xuyen/\">"), "{section}");
    let other = site.read("public/mo-hinh/mh-mot-cua-than-thien-cdc/index.html");
    assert!(!other.contains("tiếp nối"), "no link where no model carries it on");
}

#[test]
fn the_home_page_shows_the_current_period_from_as_of() {
    let site = two_period_site();
    site.build();
    let home = site.read("public/index.html");
    assert!(
        home.contains("Giai đoạn hiện nay: <a href=\"/giai-doan/2021-2025/\">Giai đoạn 2021-2025</a> (01/01/2021 – 31/12/2025): 2 mô hình, điển hình."),
        "{home}"
    );
    let catalog = site.read("content/danh-muc.yml");
    site.write("content/danh-muc.yml", &catalog.replace("as_of: 2023-01-31", "as_of: 2026-04-15"));
    site.build();
    let home = site.read("public/index.html");
    assert!(
        home.contains("Giai đoạn hiện nay: <a href=\"/giai-doan/2026-2030/\">Giai đoạn 2026-2030</a> (01/01/2026 – 31/12/2030): 1 mô hình, điển hình."),
        "{home}"
    );
    // Between two periods (none holds as_of) the latest one that started before it is current.
    site.write(
        "content/danh-muc.yml",
        &catalog.replace("as_of: 2023-01-31", "as_of: 2026-01-15").replace("from: 2026-01-01", "from: 2026-02-01"),
    );
    site.build();
    assert!(site.read("public/index.html").contains("Giai đoạn hiện nay: <a href=\"/giai-doan/2021-2025/\">"));
}

#[test]
fn tong_hop_is_grouped_by_period() {
    let site = two_period_site();
    site.build();
    let html = site.read("public/tong-hop/index.html");
    let first = html
        .find("<h2 id=\"gd-2021-2025\"><a href=\"/giai-doan/2021-2025/\">Giai đoạn 2021-2025</a></h2>")
        .expect("first period");
    let second = html
        .find("<h2 id=\"gd-2026-2030\"><a href=\"/giai-doan/2026-2030/\">Giai đoạn 2026-2030</a></h2>")
        .expect("second period");
    assert!(second < first, "newest period first");
    let year = html.find("<h3 id=\"gd-2021-2025-nam-2022\">Năm 2022</h3>").expect("2022 under 2021–2025");
    assert!(first < year);
    let later = &html[second..first];
    assert!(later.contains("Giai đoạn này chưa có kỳ tổng hợp nào"), "{later}");
    assert!(html[first..].contains("giai đoạn hiện nay"));
    assert!(html.contains("<p><a href=\"/giai-doan/\">Các giai đoạn thực hiện</a>:"), "the list of periods is linked");
}

tool_test! {
/// The period summary's workbook, opened by LibreOffice: linked from the page, the base unit
/// table and the totals hold the JSON's counts (commended included), the model sheet one row
/// per model of the JSON, a formula title made inert as in the CSV.
fn period_workbook_holds_the_json_numbers_and_the_models() needs ["libreoffice"] {
    let site = two_period_site();
    site.build();
    let page = site.read("public/giai-doan/2021-2025/index.html");
    assert!(page.contains("<a href=\"/giai-doan/2021-2025/giai-doan-2021-2025.xlsx\" download>Tải về bản Excel</a>"));
    for id in ["2021-2025", "2026-2030"] {
        let folder = site.dir.join(format!("public/giai-doan/{id}"));
        let data: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(folder.join(format!("giai-doan-{id}.json"))).unwrap()).unwrap();
        let sheets = xlsx_sheets(&folder.join(format!("giai-doan-{id}.xlsx")));
        let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Danh sách mô hình", "Tổng kết"]);
        let summary = &sheets[1].1;
        assert_eq!(summary[1][0], format!("TỔNG KẾT GIAI ĐOẠN {id}"));
        let heads = summary.iter().position(|r| r[0] == "Đảng bộ, chi bộ cơ sở").expect("head row");
        assert_eq!(summary[heads][10], "Được khen thưởng", "a head over both head rows");
        let bases = data["base_units"].as_array().unwrap();
        let rows = bases.iter().map(|b| (b["name"].as_str().unwrap(), b)).chain([("Tổng cộng", &data["totals"])]);
        for (i, (name, counts)) in rows.enumerate() {
            let row = &summary[heads + 2 + i];
            assert_eq!(row[0], name);
            for (k, key) in COUNT_KEYS.iter().enumerate() {
                assert_eq!(row[1 + k], counts[key].to_string(), "{key} of {name} in {id}");
            }
        }
        assert_eq!(data["totals"]["commended"], data["commended"]);
        let list = &sheets[0].1;
        let first = list.iter().position(|r| r[0] == "STT").expect("model heads") + 1;
        let models = data["models"].as_array().unwrap();
        assert_eq!(list[first..].iter().filter(|r| !r[0].is_empty()).count(), models.len(), "{list:?}");
        for (i, model) in models.iter().enumerate() {
            let row = &list[first + i];
            assert_eq!(row[0], (i + 1).to_string());
            assert_eq!(row[1].trim_start_matches('\''), model["title"].as_str().unwrap());
        }
    }
    let first = xlsx_sheets(&site.dir.join("public/giai-doan/2021-2025/giai-doan-2021-2025.xlsx"));
    let row = first[0].1.iter().find(|r| r[1] == "Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân").unwrap();
    assert_eq!(row[2], "Đảng bộ Sở Tài chính");
    assert_eq!(row[10], "20/12/2022: Bằng khen của Chủ tịch UBND tỉnh (Cấp tỉnh)");
    let second = xlsx_sheets(&site.dir.join("public/giai-doan/2026-2030/giai-doan-2026-2030.xlsx"));
    let title = &second[0].1.iter().find(|r| r[0] == "1").unwrap()[1];
    assert!(title.starts_with("'=Tiếp nhận hồ sơ"), "inert as in the CSV: {title}");
}
}

#[test]
fn the_period_summary_counts_its_models_by_their_latest_evaluation() {
    let site = two_period_site();
    let evaluation = |id: &str, date: &str, result: &str| {
        format!(
            "---\ntype: danh_gia\nid: {id}\nmodel: mh-mot-cua-than-thien\ndate: {date}\n\
             by: \"Đoàn khảo sát Ban Tuyên giáo\"\nresult: {result}\n---\nNhận xét.\n"
        )
    };
    site.write("content/danh-gia/dg-lan-dau.md", &evaluation("dg-lan-dau", "2022-06-10", "dat"));
    site.write("content/danh-gia/dg-lan-sau.md", &evaluation("dg-lan-sau", "2022-11-10", "tot"));
    site.build();
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/giai-doan/2021-2025/giai-doan-2021-2025.json")).unwrap();
    let tally = common::model_counts(&json["by_evaluation"]);
    assert_eq!(tally, [("tot", 1), ("kha", 0), ("dat", 0), ("chua_dat", 0), ("chua_danh_gia", 1)], "the latest counts");
    let evaluated: Vec<(&str, &serde_json::Value)> =
        json["models"].as_array().unwrap().iter().map(|m| (m["id"].as_str().unwrap(), &m["evaluation"])).collect();
    assert!(evaluated.contains(&("mh-mot-cua-than-thien", &serde_json::json!("tot"))), "{evaluated:?}");
    let page = site.read("public/giai-doan/2021-2025/index.html");
    let table = &page[page.find("<caption>Theo kết quả đánh giá</caption>").expect("evaluation table")..];
    let table = &table[..table.find("</table>").unwrap()];
    assert!(table.contains("<th scope=\"row\">Tốt</th><td class=\"num\">1</td>"), "{table}");
    assert!(table.contains("<th scope=\"row\">Chưa đánh giá</th><td class=\"num\">1</td>"), "{table}");
}
