//! Model rules of SPEC §3 (M-*, C1–C5, A-*, S-*): one broken model of the minimal site per
//! test, with the exact diagnostics it must produce.

mod checker;
mod common;

use checker::*;

#[test]
fn the_minimal_site_is_clean() {
    let site = site();
    expect(&site, &[]);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "0 lỗi, 0 cảnh báo, 10 tệp\n");
}

#[test]
fn m_id_dup_is_reported_on_the_later_file() {
    let site = site();
    site.write("content/mo-hinh/z/mh-mot-cua-than-thien.md", &site.read(MODEL));
    expect(&site, &[(E, "M-ID-DUP", "content/mo-hinh/z/mh-mot-cua-than-thien.md", 3)]);
    assert!(message(&site, "M-ID-DUP").0.contains(MODEL));
}

#[test]
fn m_org_unknown_names_the_value_and_suggests_an_id() {
    let site = site();
    edit(&site, NHAN_RONG, "org: cb-cdc", "org: cb-cdcc");
    expect(&site, &[(E, "M-ORG-UNKNOWN", NHAN_RONG, 5), (W, "V-UNIT-YEAR", UNITS, 15), (W, "V-UNIT-YEAR", UNITS, 15)]);
    let (text, hint) = message(&site, "M-ORG-UNKNOWN");
    assert!(text.starts_with("Đơn vị `cb-cdcc` không có trong danh sách tổ chức"), "{text}");
    assert!(text.contains("Chi bộ/đảng bộ thực hiện"), "{text}");
    assert_eq!(hint.as_deref(), Some("có phải `cb-cdc`?"));
}

#[test]
fn m_org_root_is_an_error() {
    let site = site();
    edit(&site, NHAN_RONG, "org: cb-cdc", "org: dang-bo-khoi");
    expect(
        &site,
        &[
            (E, "R-MODEL-SCOPE", REPORT_CDC_YEAR, 13),
            (E, "R-MODEL-SCOPE", REPORT_CDC, 13),
            (E, "M-ORG-ROOT", NHAN_RONG, 5),
            (W, "V-UNIT-YEAR", UNITS, 15),
            (W, "V-UNIT-YEAR", UNITS, 15),
        ],
    );
}

#[test]
fn m_group_must_be_in_the_catalog() {
    let site = site();
    edit(&site, MODEL, "group: cai-cach-hanh-chinh", "group: cai-cach-hanh-chin");
    expect(&site, &[(E, "M-GROUP", MODEL, 10)]);
    assert_eq!(message(&site, "M-GROUP").1.as_deref(), Some("có phải `cai-cach-hanh-chinh`?"));
}

#[test]
fn m_period_start_outside_the_programme() {
    let site = site();
    edit(&site, MODEL, "start: 2022-03-01", "start: 2020-12-31");
    expect(&site, &[(E, "M-PERIOD", MODEL, 13)]);
    assert!(message(&site, "M-PERIOD").0.contains("31/12/2020 nằm ngoài giai đoạn 2021–2025"));
}

#[test]
fn m_period_registration_date_outside_the_programme() {
    let site = site();
    edit(
        &site,
        MODEL,
        "start: 2022-03-01",
        "start: 2022-03-01\nregistration:\n  number: \"3-KH/CB\"\n  date: 2020-12-20",
    );
    expect(&site, &[(E, "M-PERIOD", MODEL, 16)]);
    assert!(message(&site, "M-PERIOD").0.contains("Ngày đăng ký 20/12/2020"));
}

#[test]
fn m_period_end_before_start() {
    let site = site();
    edit(&site, NHAN_RONG, "start: 2022-04-01", "start: 2022-04-01\nend: 2022-03-31");
    expect_includes(&site, &[(E, "M-PERIOD", NHAN_RONG, 14)]);
}

#[test]
fn an_end_before_the_start_gives_no_range_to_check_milestones_and_topics_against() {
    let site = site();
    // Milestones on 01/03/2022 and 15/12/2022, a yearly topic: each would fall outside
    // "15/02/2022 – 01/02/2022"; M-PERIOD is the one thing to fix.
    edit(&site, CUNG_CO, "start: 2022-02-15", "start: 2022-02-15\nend: 2022-02-01");
    expect(&site, &[(E, "M-PERIOD", CUNG_CO, 15)]);
}

#[test]
fn m_period_end_after_2025_warns() {
    let site = site();
    edit(&site, MODEL, "start: 2022-03-01", "start: 2022-03-01\nend: 2026-06-30");
    expect(&site, &[(W, "M-PERIOD-END", MODEL, 14)]);
}

#[test]
fn m_org_inactive_when_the_unit_closed_before_the_start() {
    let site = site();
    edit(&site, UNITS, "    sector: y_te", "    sector: y_te\n    active_to: 2022-01-31");
    expect(&site, &[(W, "M-ORG-INACTIVE", NHAN_RONG, 5)]);
}

#[test]
fn m_section_missing_is_reported_at_the_body_start() {
    let site = site();
    edit(&site, MODEL, "## 4. Hiệu quả\n", "");
    expect(&site, &[(E, "M-SECTION", MODEL, 60)]);
    assert_eq!(message(&site, "M-SECTION").0, "Thiếu mục \"## 4. Hiệu quả\"");
}

#[test]
fn m_section_written_at_another_level_says_which_line_and_level() {
    let site = site();
    let line = site.read(MODEL).lines().position(|l| l == "## 4. Hiệu quả").unwrap() as u64 + 1;
    edit(&site, MODEL, "## 4. Hiệu quả\n", "### 4. Hiệu quả\n");
    expect(&site, &[(E, "M-SECTION", MODEL, line)]);
    let (text, hint) = message(&site, "M-SECTION");
    assert_eq!(text, "Thiếu mục \"## 4. Hiệu quả\"");
    assert_eq!(
        hint.unwrap(),
        format!(
            "dòng {line} viết tiêu đề này ở cấp 3 (`### 4. Hiệu quả`); tiêu đề mục tiêu chí cần đúng hai dấu #: \
             `## 4. Hiệu quả`"
        )
    );
    // A sub-heading that only starts with the criterion's name is not taken for it.
    let site = checker::site();
    edit(&site, MODEL, "## 4. Hiệu quả\n", "### Hiệu quả kinh tế của việc làm cũ\n");
    let (_, hint) = message(&site, "M-SECTION");
    assert_eq!(hint.unwrap(), "thêm dòng `## 4. Hiệu quả` và viết nội dung tiêu chí này bên dưới");
}

#[test]
fn m_section_misspelt_is_reported_on_the_heading_with_the_heading_to_write() {
    let site = site();
    let line = site.read(MODEL).lines().position(|l| l == "## 4. Hiệu quả").unwrap() as u64 + 1;
    // Typed without a Vietnamese keyboard, or with a wrong mark: SPEC §2 matches diacritics.
    for (written, meant) in [("## 4 Hieu qua", "## 4. Hiệu quả"), ("## 4. Kết quả đạt được", "## 4. Hiệu quả")]
    {
        let site = checker::site();
        edit(&site, MODEL, "## 4. Hiệu quả\n", &format!("{written}\n"));
        expect(&site, &[(E, "M-SECTION", MODEL, line)]);
        let (text, hint) = message(&site, "M-SECTION");
        assert_eq!(text, "Thiếu mục \"## 4. Hiệu quả\"");
        assert_eq!(
            hint.unwrap(),
            format!("dòng {line} viết `{written}`: có phải `{meant}`? Tên mục tiêu chí phải viết đúng, đủ dấu")
        );
    }
    let line = site.read(MODEL).lines().position(|l| l == "## 2. Sự cần thiết").unwrap() as u64 + 1;
    edit(&site, MODEL, "## 2. Sự cần thiết\n", "### 2. Sự càn thiết\n");
    expect(&site, &[(E, "M-SECTION", MODEL, line)]);
    assert_eq!(
        message(&site, "M-SECTION").1.unwrap(),
        format!(
            "dòng {line} viết tiêu đề này ở cấp 3 (`### 2. Sự càn thiết`); tiêu đề mục tiêu chí cần đúng hai dấu #: \
             `## 2. Sự cần thiết`"
        )
    );
}

#[test]
fn m_section_nearly_empty_is_an_error_and_short_a_warning() {
    let site = site();
    let text = site.read(MODEL);
    let (head, _) = text.split_once("## 5. Tính khả thi nhân rộng").unwrap();
    site.write(MODEL, &format!("{head}## 5. Tính khả thi nhân rộng\n\nCó thể nhân rộng.\n"));
    expect(&site, &[(E, "M-SECTION", MODEL, 85)]);
    site.write(
        MODEL,
        &format!(
            "{head}## 5. Khả năng nhân rộng\n\nCó thể nhân rộng ở các cơ quan có bộ phận một cửa, chi phí thấp.\n"
        ),
    );
    expect(&site, &[(W, "M-SECTION-SHORT", MODEL, 85)]);
}

#[test]
fn subject_position_is_required_for_a_person() {
    let site = site();
    edit(&site, CUNG_CO, "  position: \"Trưởng phòng Ngân sách, Sở Tài chính\"\n", "");
    expect(&site, &[(E, "F-REQUIRED", CUNG_CO, 6)]);
}

#[test]
fn c1_missing_and_summary_come_from_the_schema() {
    let site = site();
    edit(
        &site,
        MODEL,
        "  summary: \"Làm theo lời Bác về tác phong gần dân, trọng dân, phục vụ Nhân dân tận tụy, đúng hẹn.\"",
        "  summary: \"Gần dân.\"",
    );
    expect(&site, &[(E, "C1-SUMMARY", MODEL, 16)]);
    let text = site.read(MODEL);
    let start = text.find("learning:").unwrap();
    let end = text.find("necessity:").unwrap();
    site.write(MODEL, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(E, "C1-MISSING", MODEL, 1)]);
}

#[test]
fn c1_topic_unknown_or_empty() {
    let site = site();
    edit(
        &site,
        MODEL,
        "[toan-khoa-xiii, tp-sua-doi-loi-lam-viec, cd-2022]",
        "[toan-khoa-xiii, tp-sua-doi-loi-lam-vie]",
    );
    expect(&site, &[(E, "C1-TOPIC", MODEL, 15)]);
    assert_eq!(message(&site, "C1-TOPIC").1.as_deref(), Some("có phải `tp-sua-doi-loi-lam-viec`?"));
    let text = message(&site, "C1-TOPIC").0;
    assert!(text.starts_with("Chuyên đề, tác phẩm `tp-sua-doi-loi-lam-vie` không có trong danh mục `chuyen_de` (mục 2 của `learning.topics`"), "{text}");
    edit(&site, MODEL, "[toan-khoa-xiii, tp-sua-doi-loi-lam-vie]", "[]");
    expect(&site, &[(E, "C1-TOPIC", MODEL, 15)]);
}

#[test]
fn c1_topic_year_outside_the_model_years() {
    let site = site();
    edit(&site, CATALOG, "    year: 2022", "    year: 2021");
    expect(&site, &[(W, "C1-TOPIC-YEAR", MODEL, 15)]);
}

#[test]
fn c1_topic_kind_only_documents() {
    let site = site();
    edit(&site, CUNG_CO, "[tp-can-kiem-liem-chinh, vb-chi-thi-05]", "\n    - vb-chi-thi-05");
    expect(&site, &[(W, "C1-TOPIC-KIND", CUNG_CO, 17)]);
}

#[test]
fn c1_align_missing() {
    let site = site();
    edit(&site, MODEL, "  alignment: [nq_dai_hoi_xiii, nhiem_vu_chinh_tri]\n", "");
    expect(&site, &[(W, "C1-ALIGN", MODEL, 14)]);
}

#[test]
fn c2_missing_and_reason() {
    let site = site();
    edit(&site, MODEL, "[doi_moi_cong_vu, khac_phuc_han_che]", "[doi_moi_cong_vuu, khac_phuc_han_che]");
    expect(&site, &[(E, "C2-REASON", MODEL, 20)]);
    let (text, hint) = message(&site, "C2-REASON");
    assert!(text.starts_with("Lý do `doi_moi_cong_vuu` không thuộc danh mục sự cần thiết; chọn một trong: "), "{text}");
    assert_eq!(hint.as_deref(), Some("có phải `doi_moi_cong_vu`?"));
    let text = site.read(MODEL);
    let (start, end) = (text.find("necessity:").unwrap(), text.find("measures:").unwrap());
    site.write(MODEL, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(E, "C2-MISSING", MODEL, 1)]);
}

#[test]
fn c2_other_required_for_khac_and_long_enough() {
    let site = site();
    edit(&site, NHAN_RONG, "reasons: [cham_lo_nhan_dan]", "reasons: [khac]");
    expect(&site, &[(E, "C2-OTHER", NHAN_RONG, 18)]);
    edit(&site, NHAN_RONG, "reasons: [khac]", "reasons: [khac]\n  other: \"Ngắn quá\"");
    expect(&site, &[(E, "C2-OTHER", NHAN_RONG, 20)]);
}

#[test]
fn c2_other_unused_and_source() {
    let site = site();
    edit(
        &site,
        NHAN_RONG,
        "reasons: [cham_lo_nhan_dan]",
        "reasons: [cham_lo_nhan_dan]\n  other: \"Một lý do khác khá dài để đọc thử\"",
    );
    expect(&site, &[(W, "C2-OTHER-UNUSED", NHAN_RONG, 20)]);
    let site = checker::site();
    edit(&site, MODEL, "  identified_in: \"Kết luận kiểm điểm tập thể cuối năm 2021 của Đảng ủy Sở\"\n", "");
    expect(&site, &[(W, "C2-SOURCE", MODEL, 19)]);
}

#[test]
fn c3_schema_codes() {
    let site = site();
    let text = site.read(MODEL);
    let (start, end) = (text.find("measures:").unwrap(), text.find("effectiveness:").unwrap());
    site.write(MODEL, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(E, "C3-MISSING", MODEL, 1)]);

    let site = checker::site();
    edit(&site, NHAN_RONG, "kinds: [quan_triet_tuyen_truyen,", "kinds: [tuyen_truyen,");
    expect(&site, &[(W, "C3-KIND-MISSING", NHAN_RONG, 21), (E, "C3-KINDS", NHAN_RONG, 21)]);
    // A kind written short or misspelt is the one meant, not also missing.
    for written in ["quan_triet", "quan_triet_tuyen_truyenn"] {
        let site = checker::site();
        edit(&site, NHAN_RONG, "kinds: [quan_triet_tuyen_truyen,", &format!("kinds: [{written},"));
        expect(&site, &[(E, "C3-KINDS", NHAN_RONG, 21)]);
    }
    edit(&site, NHAN_RONG, "responsible: \"Bí thư Chi bộ, Giám đốc Trung tâm\"", "responsible: \"Chi\"");
    expect_includes(&site, &[(E, "C3-RESPONSIBLE", NHAN_RONG, 22)]);

    let site = checker::site();
    edit(&site, NHAN_RONG, "      task: \"Học tập kinh nghiệm của Sở Tài chính\"\n", "");
    expect(&site, &[(E, "C3-MILESTONE", NHAN_RONG, 24)]);
}

#[test]
fn c3_kind_missing_once_per_kind() {
    let site = site();
    edit(
        &site,
        NHAN_RONG,
        "kinds: [quan_triet_tuyen_truyen, chi_dao_tao_dieu_kien, theo_doi_kiem_tra, so_ket_rut_kinh_nghiem, chi_dao_nhan_rong]",
        "kinds: [quan_triet_tuyen_truyen, theo_doi_kiem_tra]",
    );
    expect(
        &site,
        &[
            (W, "C3-KIND-MISSING", NHAN_RONG, 21),
            (W, "C3-KIND-MISSING", NHAN_RONG, 21),
            (W, "C3-KIND-MISSING", NHAN_RONG, 21),
        ],
    );
}

#[test]
fn c3_milestone_range() {
    let site = site();
    edit(&site, NHAN_RONG, "date: 2022-04-15", "date: 2022-03-15");
    expect(&site, &[(W, "C3-MILESTONE-RANGE", NHAN_RONG, 24)]);
}

#[test]
fn c4_schema_codes() {
    let site = site();
    edit(
        &site,
        NHAN_RONG,
        "    attitude: \"Niềm nở, kiên nhẫn hướng dẫn người dân đến tiêm chủng, xét nghiệm.\"\n",
        "",
    );
    expect(&site, &[(E, "C4-DIMENSION", NHAN_RONG, 29)]);
    assert_eq!(
        message(&site, "C4-DIMENSION").0,
        "Thiếu hiệu quả về thái độ (trường `effectiveness.expected.attitude`)"
    );
    let site = checker::site();
    edit(&site, NHAN_RONG, "baseline: 40", "baseline: \"40,5\"");
    expect(&site, &[(E, "C4-INDICATOR", NHAN_RONG, 37)]);
    assert!(message(&site, "C4-INDICATOR").1.unwrap().contains("dấu chấm"));
    let site = checker::site();
    edit(&site, NHAN_RONG, "code: thoi-gian-cho", "code: Thời_gian");
    expect_includes(&site, &[(E, "C4-CODE", NHAN_RONG, 34)]);
    let site = checker::site();
    let text = site.read(NHAN_RONG);
    let (start, end) = (text.find("effectiveness:").unwrap(), text.find("replication:").unwrap());
    site.write(NHAN_RONG, &format!("{}{}", &text[..start], &text[end..]));
    expect(
        &site,
        &[(E, "R-VALUES", REPORT_CDC_YEAR, 20), (E, "R-VALUES", REPORT_CDC, 20), (E, "C4-MISSING", NHAN_RONG, 1)],
    );
}

#[test]
fn c4_code_duplicate_and_target() {
    let site = site();
    edit(&site, MODEL, "code: hai-long", "code: dung-hen");
    expect(&site, &[(E, "C4-CODE", MODEL, 44)]);
    let site = checker::site();
    edit(&site, MODEL, "      target: 95\n", "");
    expect(&site, &[(W, "C4-TARGET", MODEL, 44)]);
}

#[test]
fn c4_no_result_without_running_values() {
    let site = site();
    for report in [REPORT_CDC, REPORT_CDC_YEAR] {
        edit(&site, report, "progress: dung_tien_do", "progress: tam_dung");
    }
    expect(&site, &[(W, "C4-NO-RESULT", NHAN_RONG, 33)]);
}

#[test]
fn c5_schema_codes() {
    let site = site();
    edit(&site, MODEL, "cost: thap", "cost: re");
    expect(&site, &[(E, "C5-LEVEL", MODEL, 56)]);
    let site = checker::site();
    edit(&site, MODEL, "      similarity: \"Cùng nhiệm vụ tiếp nhận, trả kết quả thủ tục hành chính.\"\n", "");
    expect(&site, &[(E, "C5-TARGET", MODEL, 54)]);
    let site = checker::site();
    let text = site.read(MODEL);
    let (start, end) = (text.find("replication:").unwrap(), text.find("---\n\n## 1").unwrap());
    site.write(MODEL, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(E, "C5-MISSING", MODEL, 1)]);
}

#[test]
fn c5_target_needs_org_or_name() {
    let site = site();
    edit(
        &site,
        MODEL,
        "    - name: \"Bộ phận một cửa các sở, ngành trong Khối\"\n      similarity",
        "    - similarity",
    );
    expect(&site, &[(E, "C5-TARGET", MODEL, 54)]);
}

#[test]
fn c5_target_unknown_and_self() {
    let site = site();
    edit(&site, MODEL, "    - org: cb-cdc", "    - org: cb-cdcx");
    expect(&site, &[(E, "C5-TARGET-UNKNOWN", MODEL, 52)]);
    edit(&site, MODEL, "    - org: cb-cdcx", "    - org: db-so-tai-chinh");
    expect(&site, &[(W, "C5-TARGET-SELF", MODEL, 52)]);
}

#[test]
fn c5_cost_and_spread() {
    let site = site();
    edit(&site, MODEL, "cost: thap", "cost: cao");
    edit(&site, MODEL, "  spread: \"Sơ kết 6 tháng, giới thiệu trên Trang thông tin điện tử của Đảng ủy Khối.\"\n", "");
    expect(&site, &[(W, "C5-SPREAD", MODEL, 50), (W, "C5-COST", MODEL, 56)]);
    assert!(message(&site, "C5-COST").1.unwrap().contains("hạn chế mô hình đòi hỏi đầu tư, trình độ cao"));
}

#[test]
fn a_revision_required_for_cung_co_and_since_not_after_start() {
    let site = site();
    let text = site.read(CUNG_CO);
    let (start, end) = (text.find("revision:").unwrap(), text.find("---\n\n## 1").unwrap());
    site.write(CUNG_CO, &format!("{}{}", &text[..start], &text[end..]));
    expect(&site, &[(E, "A-REVISION", CUNG_CO, 12)]);
    let site = checker::site();
    edit(&site, CUNG_CO, "since: 2019", "since: 2023");
    expect(&site, &[(E, "A-REVISION", CUNG_CO, 48)]);
    edit(&site, CUNG_CO, "    - criterion: 5", "    - criterion: 6");
    expect_includes(&site, &[(E, "A-REVISION", CUNG_CO, 59)]);
}

#[test]
fn a_revision_partial_when_criteria_are_not_all_covered() {
    let site = site();
    edit(&site, CUNG_CO, "    - criterion: 5\n      text: \"Đề xuất nhân rộng cho các phòng chuyên môn.\"\n", "");
    expect(&site, &[(W, "A-REVISION-PARTIAL", CUNG_CO, 50)]);
    assert!(message(&site, "A-REVISION-PARTIAL").0.ends_with("tiêu chí 5"));
}

#[test]
fn a_source_must_exist_and_not_be_itself() {
    let site = site();
    edit(&site, NHAN_RONG, "source_model: mh-mot-cua-than-thien\n", "");
    expect(&site, &[(E, "A-SOURCE", NHAN_RONG, 10)]);
    let site = checker::site();
    edit(&site, NHAN_RONG, "source_model: mh-mot-cua-than-thien", "source_model: mh-mot-cua-than-thie");
    expect(&site, &[(E, "A-SOURCE", NHAN_RONG, 11)]);
    assert_eq!(message(&site, "A-SOURCE").1.as_deref(), Some("có phải `mh-mot-cua-than-thien`?"));
    edit(&site, NHAN_RONG, "source_model: mh-mot-cua-than-thie", "source_model: mh-mot-cua-than-thien-cdc");
    expect(&site, &[(E, "A-SOURCE", NHAN_RONG, 11)]);
}

#[test]
fn a_source_retired_and_a_extra() {
    let site = site();
    edit(
        &site,
        MODEL,
        "status: dang_thuc_hien",
        "status: loai_bo\nretirement:\n  date: 2022-12-31\n  reason: \"Đã sáp nhập vào bộ phận một cửa chung của tỉnh\"\n  replacement: mh-mot-cua-than-thien-cdc",
    );
    expect_includes(&site, &[(W, "A-SOURCE-RETIRED", NHAN_RONG, 11)]);
    let site = checker::site();
    edit(&site, MODEL, "approach: xay_moi", "approach: xay_moi\nsource_model: mh-mot-cua-than-thien-cdc");
    expect(&site, &[(W, "A-EXTRA", MODEL, 12)]);
}

#[test]
fn s_retire_and_replacement() {
    let site = site();
    edit(&site, NHAN_RONG, "status: dang_thuc_hien", "status: loai_bo");
    expect(&site, &[(E, "S-RETIRE", NHAN_RONG, 12)]);
    edit(&site, NHAN_RONG, "status: loai_bo", "status: loai_bo\nretirement:\n  date: 2022-03-01\n  reason: \"Ngắn\"");
    expect_includes(&site, &[(E, "S-RETIRE", NHAN_RONG, 14), (E, "S-RETIRE", NHAN_RONG, 15)]);
    edit(
        &site,
        NHAN_RONG,
        "  reason: \"Ngắn\"",
        "  reason: \"Không còn phù hợp sau khi sáp nhập đơn vị\"\n  replacement: mh-moi",
    );
    expect_includes(&site, &[(E, "S-REPLACEMENT", NHAN_RONG, 16)]);
}

#[test]
fn s_no_replacement_and_retire_extra() {
    let site = site();
    edit(
        &site,
        NHAN_RONG,
        "status: dang_thuc_hien",
        "status: loai_bo\nretirement:\n  date: 2023-01-20\n  reason: \"Không còn phù hợp sau khi sáp nhập đơn vị\"",
    );
    expect(&site, &[(W, "S-NO-REPLACEMENT", NHAN_RONG, 13)]);
    edit(&site, NHAN_RONG, "status: loai_bo", "status: dang_thuc_hien");
    expect(&site, &[(E, "S-RETIRE-EXTRA", NHAN_RONG, 13)]);
}

#[test]
fn s_end_for_a_finished_model() {
    let site = site();
    edit(&site, NHAN_RONG, "status: dang_thuc_hien", "status: hoan_thanh");
    expect(&site, &[(W, "S-END", NHAN_RONG, 12)]);
}
