//! The words a Party reader expects on the bundled site (issue "wording"): "Theo dõi thực
//! hiện" for the compliance page, "Đảng bộ, chi bộ cơ sở" for the base-unit filter, "loại bỏ"
//! for retired models, "được giới thiệu" for featured ones, no "0 trên 10".

mod common;

use common::bundled_page as page;

#[test]
fn compliance_is_theo_doi_thuc_hien_in_the_menu_and_on_its_page() {
    let home = page("index.html");
    assert!(home.contains(">Theo dõi thực hiện</a>"), "menu entry missing");
    assert!(!home.contains(">Kiểm tra</a>"));
    let compliance = page("kiem-tra/index.html");
    assert!(compliance.contains("<h1>Theo dõi thực hiện</h1>"));
    assert!(compliance.contains("<title>Theo dõi thực hiện"));
}

#[test]
fn featured_models_are_introduced_by_the_department() {
    assert!(page("index.html").contains("<h2 id=\"tieu-bieu\">Mô hình được giới thiệu</h2>"));
    assert!(page("mo-hinh/mh-goc-hoc-tap-bac-ho-so/index.html").contains("badge-featured\">Được giới thiệu</span>"));
    let gallery = page("mo-hinh/index.html");
    assert!(gallery.contains("1 mô hình đã loại bỏ không hiển thị ở đây"), "gallery lead");
    assert!(!gallery.contains("đang được giới thiệu"), "the gallery does not claim every model is introduced");
}

#[test]
fn filters_name_the_base_units_and_retired_models_as_party_readers_do() {
    let facets: serde_json::Value = serde_json::from_str(&page("tim-kiem/facets.json")).unwrap();
    let facet = |key: &str| facets["f"].as_array().unwrap().iter().find(|f| f["k"] == key).unwrap().clone();
    assert_eq!(facet("don-vi")["l"], "Đảng bộ, chi bộ cơ sở");
    let statuses = facet("trang-thai");
    let retired = statuses["v"].as_array().unwrap().iter().find(|v| v[0] == "loai_bo").unwrap();
    assert_eq!(retired[1], "Đã dừng (loại bỏ)");
    for file in ["index.html", "tong-hop/2023/ca-nam/index.html"] {
        assert!(!page(file).contains("dừng"), "`dừng` on {file}");
    }
}

#[test]
fn form02_says_no_unit_lacks_a_model_instead_of_zero_out_of_n() {
    let html = page("tong-hop/2023/ca-nam/index.html");
    assert!(html.contains("Không có đơn vị nào chưa có mô hình (tổng số 10 đơn vị)"));
    assert!(!html.contains(" trên 10 "), "`0 trên 10` left");
}

#[test]
fn criterion_four_states_the_expected_effects() {
    let model = page("mo-hinh/mh-thanh-tra-kiem-tra-mot-lan/index.html");
    let box_ = &model[model.find("id=\"tieu-chi-4-tieu-de\"").expect("criterion 4")..];
    let box_ = &box_[..box_.find("</dl>").expect("its facts")];
    for label in
        ["Hiệu quả dự kiến về nhận thức", "Hiệu quả dự kiến về thái độ", "Hiệu quả dự kiến về chuyển biến hành động"]
    {
        assert!(box_.contains(&format!("<dt>{label}</dt>")), "{label}: {box_}");
    }
}

#[test]
fn a_report_states_its_period_from_and_to() {
    let report = page("bao-cao/bc-cb-truong-thpt-phu-hoa-2022-sau-thang/index.html");
    assert!(
        report.contains("<dt>Kỳ báo cáo</dt><dd>6 tháng đầu năm 2022<br>từ 01/01/2022 đến 30/06/2022</dd>"),
        "{report}"
    );
}
