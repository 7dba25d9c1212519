//! The bundled sample (`content/`) as a department would have it at the end of 2026 (issue
//! #9): two programme periods, models of 2026–2030 carrying on models of 2021–2025, a chi bộ
//! merged into another in 2025, reports up to the 2026 six-month report; it checks clean and
//! its pages say so.

mod common;

use common::{bundled_page as page, diagnostics, guong};

/// The JSON beside a period summary page.
fn period_json(id: &str) -> serde_json::Value {
    serde_json::from_str(&page(&format!("giai-doan/{id}/giai-doan-{id}.json"))).unwrap()
}

#[test]
fn the_sample_checks_without_an_error_or_a_warning() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = guong(&["--root", root, "check", "--format", "json", "--deny-warnings"]);
    assert_eq!(diagnostics(&run), [], "{}", run.stdout);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalog = std::fs::read_to_string(format!("{root}/content/danh-muc.yml")).unwrap();
    assert!(catalog.lines().any(|l| l.starts_with("as_of: 2026-")), "as_of is in 2026");
}

#[test]
fn both_periods_have_their_summary_and_2021_2025_is_closed() {
    let first = page("giai-doan/2021-2025/index.html");
    let second = page("giai-doan/2026-2030/index.html");
    assert!(first.contains("<h1>Giai đoạn 2021–2025</h1>"), "{first}");
    assert!(second.contains("<h1>Giai đoạn 2026–2030</h1>"), "{second}");
    assert!(second.contains("Đây là giai đoạn hiện nay.") && !first.contains("Đây là giai đoạn hiện nay."));

    let (old, new) = (period_json("2021-2025"), period_json("2026-2030"));
    assert_eq!((old["from"].as_str(), old["to"].as_str()), (Some("2021-01-01"), Some("2025-12-31")));
    assert_eq!((new["from"].as_str(), new["to"].as_str()), (Some("2026-01-01"), Some("2030-12-31")));
    assert!(old["guidance"].as_str().unwrap().contains("Hướng dẫn số 30-HD/BTGTU"), "{old}");
    assert!(new["guidance"].as_str().is_some_and(|g| !g.is_empty()), "{new}");
    assert_eq!(old["totals"]["in_progress"], 0, "no model of the ended period is left running: {old}");
    let models = new["totals"]["models"].as_u64().unwrap();
    assert!(models >= 3, "at least three models in 2026–2030: {new}");
    assert_eq!(new["totals"]["in_progress"].as_u64(), Some(models));
    let carried = new["models"].as_array().unwrap().iter().filter(|m| m["previous_model"].is_string()).count();
    assert!(carried >= 1, "{new}");
}

#[test]
fn a_2026_model_carries_on_a_2021_2025_model_and_both_pages_link() {
    let new = period_json("2026-2030");
    let entry = new["models"].as_array().unwrap().iter().find(|m| m["id"] == "mh-mot-cua-so-than-thien").unwrap();
    assert_eq!(entry["previous_model"], "mh-mot-cua-than-thien");
    assert_eq!(entry["approach"], "cung_co");

    let carried_on = page("mo-hinh/mh-mot-cua-so-than-thien/index.html");
    assert!(
        carried_on.contains(
            "Mô hình này tiếp nối mô hình <a href=\"/mo-hinh/mh-mot-cua-than-thien/\">Bộ phận một cửa \
             “Thân thiện – Minh bạch – Đúng hẹn” phục vụ người nộp thuế (Giai đoạn 2021–2025)</a>"
        ),
        "{carried_on}"
    );
    let previous = page("mo-hinh/mh-mot-cua-than-thien/index.html");
    assert!(
        previous.contains(
            "<li><a href=\"/mo-hinh/mh-mot-cua-so-than-thien/\">Một cửa thân thiện trên môi trường số: hỗ trợ \
             người nộp thuế “không giấy, không chờ” (Giai đoạn 2026–2030)</a></li>"
        ),
        "{previous}"
    );
}

#[test]
fn the_merged_chi_bo_and_its_successor_say_what_merged_into_what_and_when() {
    let merged = page("don-vi/cb-kiem-tra-thue/index.html");
    assert!(
        merged.contains(
            "Đã hợp nhất vào <a href=\"/don-vi/cb-thanh-tra-kiem-tra-thue/\">Chi bộ Phòng Thanh tra – Kiểm tra \
             thuế</a> từ ngày 01/03/2025"
        ),
        "{merged}"
    );
    let successor = page("don-vi/cb-thanh-tra-kiem-tra-thue/index.html");
    assert!(
        successor.contains(
            "<dt>Sáp nhập</dt><dd>Tiếp nhận từ: <a href=\"/don-vi/cb-kiem-tra-thue/\">Chi bộ Phòng Kiểm tra thuế</a> (từ \
             ngày 01/03/2025)</dd>"
        ),
        "{successor}"
    );
    let taken_over = &successor[successor.find("Mô hình tiếp nhận từ đơn vị sáp nhập").expect("section")..];
    assert!(taken_over.contains("href=\"/mo-hinh/mh-doan-kiem-tra-liem-chinh/\""), "{taken_over}");

    // In 2025 the merged chi bộ's model counts under its successor, once.
    let form02: serde_json::Value =
        serde_json::from_str(&page("tong-hop/2025/ca-nam/tong-hop-2025-ca-nam.json")).unwrap();
    let tax = form02["base_units"].as_array().unwrap().iter().find(|b| b["id"] == "db-cuc-thue").unwrap();
    let rows = common::model_counts(&tax["units"]);
    assert!(rows.contains(&("cb-thanh-tra-kiem-tra-thue", 1)), "{rows:?}");
    assert!(!rows.iter().any(|(id, _)| *id == "cb-kiem-tra-thue"), "{rows:?}");
    assert_eq!(tax["models"], rows.iter().map(|(_, n)| n).sum::<u64>());
}

#[test]
fn the_home_page_shows_the_current_period_2026_2030() {
    let home = page("index.html");
    assert!(
        home.contains(
            "<p class=\"current-period\">Giai đoạn hiện nay: <a href=\"/giai-doan/2026-2030/\">Giai đoạn \
             2026–2030</a> (01/01/2026 – 31/12/2030)"
        ),
        "{home}"
    );
}

#[test]
fn the_home_page_says_its_counts_span_every_period_and_links_the_current_one() {
    let home = page("index.html");
    assert!(
        home.contains(
            "<p><a class=\"button\" href=\"/mo-hinh/?giai-doan=2026-2030\">Xem mô hình Giai đoạn 2026–2030</a> \
             <a class=\"button\" href=\"/mo-hinh/\">Xem tất cả mô hình</a></p>"
        ),
        "{home}"
    );
    assert!(home.contains("<h2 id=\"so-lieu\">Số liệu chính từ 2021 đến nay</h2>"), "{home}");
    assert!(home.contains("<h2 id=\"nhom\">Theo nhóm và cách thức từ 2021 đến nay</h2>"), "{home}");
    // 11 units carry a model, but the merged Chi bộ Phòng Kiểm tra thuế is no current unit:
    // its successor (which has models of its own) carries its work.
    assert!(
        home.contains(
            "<a href=\"/don-vi/\"><span class=\"stat-value\">10</span> <span class=\"stat-label\">Chi bộ, đảng \
             bộ có mô hình</span></a>"
        ),
        "{home}"
    );
    // A featured model is not shown again among the newest.
    let featured = &home[home.find("id=\"tieu-bieu\"").unwrap()..home.find("id=\"moi-nhat\"").unwrap()];
    let newest = &home[home.find("id=\"moi-nhat\"").unwrap()..home.find("id=\"bao-cao-moi\"").unwrap()];
    assert!(featured.contains("data-id=\"mh-mot-cua-so-than-thien\""), "{featured}");
    for id in featured.split("data-id=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]) {
        assert!(!newest.contains(&format!("data-id=\"{id}\"")), "{id} twice: {newest}");
    }
    assert_eq!(newest.matches("<li class=\"card\"").count(), 6, "{newest}");
}

#[test]
fn every_base_unit_filed_its_2026_six_month_report_on_time() {
    let form02: serde_json::Value =
        serde_json::from_str(&page("tong-hop/2026/sau-thang/tong-hop-2026-sau-thang.json")).unwrap();
    let states: Vec<(&str, &str)> = form02["base_units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["id"].as_str().unwrap(), b["report_state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [("db-cuc-thue", "dung_han"), ("db-benh-vien", "dung_han"), ("cb-truong-thpt-phu-hoa", "dung_han")]
    );
    let report = page("bao-cao/bc-db-cuc-thue-2026-sau-thang/index.html");
    assert!(report.contains("href=\"/mo-hinh/mh-thanh-tra-kiem-tra-mot-lan/\""), "the successor's model is reported");
}

#[test]
fn the_gallery_filter_and_the_form02_index_name_both_periods_newest_first() {
    let facets: serde_json::Value = serde_json::from_str(&page("tim-kiem/facets.json")).unwrap();
    let periods = facets["f"].as_array().unwrap().iter().find(|f| f["k"] == "giai-doan").expect("the period facet");
    assert_eq!(periods["l"], "Giai đoạn");
    let values: Vec<(&str, &str)> =
        periods["v"].as_array().unwrap().iter().map(|v| (v[0].as_str().unwrap(), v[1].as_str().unwrap())).collect();
    assert_eq!(values, [("2026-2030", "Giai đoạn 2026–2030"), ("2021-2025", "Giai đoạn 2021–2025")]);

    let index = page("tong-hop/index.html");
    let (new, old) = (index.find("<h2 id=\"gd-2026-2030\">").unwrap(), index.find("<h2 id=\"gd-2021-2025\">").unwrap());
    assert!(new < old, "the current period first");
    let current = &index[new..old];
    assert!(current.contains("href=\"/tong-hop/2026/sau-thang/\">6 tháng đầu năm 2026</a>"), "{current}");
    assert!(!current.contains("/tong-hop/2025/"), "2025 belongs to the earlier period");
}

#[test]
fn a_model_of_the_merged_chi_bo_says_where_it_is_carried_on() {
    let model = page("mo-hinh/mh-doan-kiem-tra-liem-chinh/index.html");
    assert!(
        model.contains(
            "<a href=\"/don-vi/cb-kiem-tra-thue/\">Chi bộ Phòng Kiểm tra thuế</a><br><span class=\"muted\">thuộc <a \
             href=\"/don-vi/db-cuc-thue/\">Đảng bộ Cục Thuế tỉnh</a></span><br><span class=\"merge\">Đã hợp nhất vào \
             <a href=\"/don-vi/cb-thanh-tra-kiem-tra-thue/\">Chi bộ Phòng Thanh tra – Kiểm tra thuế</a> từ ngày \
             01/03/2025; mô hình được tiếp tục thực hiện và tính ở đơn vị này.</span></dd>"
        ),
        "{model}"
    );
    // A model of a unit that never merged says nothing of the kind.
    assert!(!page("mo-hinh/mh-thanh-tra-kiem-tra-mot-lan/index.html").contains("Đã hợp nhất vào"));
}

#[test]
fn gallery_cards_name_the_period_of_each_model() {
    let gallery = page("mo-hinh/index.html");
    let card = |id: &str| {
        let at = gallery.find(&format!("data-id=\"{id}\"")).unwrap_or_else(|| panic!("{id}: {gallery}"));
        let meta = &gallery[at + gallery[at..].find("<p class=\"card-meta\">").unwrap()..];
        meta[..meta.find("</p>").unwrap()].to_owned()
    };
    assert_eq!(
        card("mh-mot-cua-than-thien"),
        "<p class=\"card-meta\"><span>CB Tuyên truyền – Hỗ trợ</span><span>Từ 15/02/2022</span><span>Giai đoạn \
         2021–2025</span>"
    );
    assert!(card("mh-bua-com-nghia-tinh-2026").ends_with("<span>Giai đoạn 2026–2030</span>"));
}

#[test]
fn a_criterion_heading_says_its_number_once() {
    let model = page("mo-hinh/mh-doan-kiem-tra-liem-chinh/index.html");
    assert!(
        model.contains(
            "<h2 id=\"tieu-chi-1-tieu-de\"><span class=\"criterion-no\">Tiêu chí 1.</span> Nội dung học tập Bác</h2>"
        ),
        "{model}"
    );
    assert!(!model.contains("Tiêu chí 1.</span> 1."), "{model}");
}

#[test]
fn a_quoted_title_with_quotes_inside_turns_them_single() {
    let model = page("mo-hinh/mh-thanh-tra-kiem-tra-mot-lan/index.html");
    assert!(
        model.contains(
            "thực hiện mô hình “Thanh tra, kiểm tra thuế liêm chính, ‘một lần, đúng trọng tâm’” (Củng cố, nâng cao \
             chất lượng) học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
        ),
        "{model}"
    );
    let school = page("bao-cao/bc-cb-truong-thpt-phu-hoa-2022-ca-nam/index.html");
    assert!(
        school.contains("(mô hình “Góc học tập Bác Hồ và sổ ‘Việc tốt làm theo lời Bác’ của học sinh”)"),
        "{school}"
    );
}

#[test]
fn a_plan_without_registration_prints_the_signer_title_and_a_blank_name_line() {
    let model = page("mo-hinh/mh-doan-kiem-tra-liem-chinh/index.html");
    assert!(
        model.contains(
            "<p class=\"party-on-behalf\">T/M CHI BỘ</p>\n<p class=\"party-signer-title\">BÍ THƯ</p>\n<p \
             class=\"party-signer-name\"></p>"
        ),
        "{model}"
    );
}

#[test]
fn the_sample_text_agrees_with_its_reports() {
    let evaluation = page("danh-gia/index.html");
    assert!(evaluation.contains("số liệu mới có hai kỳ báo cáo (6 tháng và cả năm 2022)"), "{evaluation}");
    assert!(!evaluation.contains("mới có một kỳ báo cáo"), "{evaluation}");
    let about = page("trang/gioi-thieu/index.html");
    assert!(about.contains("báo cáo kết quả về Ban Tuyên giáo và Dân vận Đảng ủy Khối (trước khi hợp nhất"), "{about}");
}

#[test]
fn a_period_lists_a_model_under_its_own_unit_and_never_invents_its_end() {
    let model = |period: &str, id: &str| -> serde_json::Value {
        let json = period_json(period);
        json["models"].as_array().unwrap().iter().find(|m| m["id"] == id).unwrap_or_else(|| panic!("{id}")).clone()
    };
    let merged = model("2021-2025", "mh-doan-kiem-tra-liem-chinh");
    assert_eq!((&merged["unit"], &merged["base_unit"]), (&"cb-kiem-tra-thue".into(), &"db-cuc-thue".into()));
    assert_eq!(merged["end"], "2025-12-31", "its own end");
    let running = model("2026-2030", "mh-thanh-tra-kiem-tra-mot-lan");
    assert_eq!(running["end"], serde_json::Value::Null, "it runs on: the period's end is not the model's");
    let summary = page("giai-doan/2026-2030/index.html");
    assert!(summary.contains("<td>Từ 15/01/2026</td>"), "{summary}");
    assert!(summary.contains("<p class=\"lead\">01/01/2026 – 31/12/2030, theo "), "{summary}");
}
