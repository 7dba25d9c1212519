//! The department's evaluations (`content/danh-gia/`, SPEC §8.4): K-MODEL, K-DATE and
//! K-CRITERION-DUP on one evaluation added to the minimal site, with exact positions.

mod checker;
mod common;

use checker::*;

const EVALUATION: &str = "content/danh-gia/dg-mot-cua.md";

/// An evaluation of the fixture's model, valid as written; `edits` change it (from → to).
fn evaluation(site: &common::TempSite, edits: &[(&str, &str)]) {
    let mut text = "---\ntype: danh_gia\nid: dg-mot-cua\nmodel: mh-mot-cua-than-thien\ndate: 2022-11-10\n\
                    by: \"Đoàn khảo sát Ban Tuyên giáo\"\nresult: tot\ncriteria:\n  - criterion: 1\n    result: tot\n\
                    \x20 - criterion: 4\n    result: kha\n    note: \"Có số liệu đối chứng.\"\nrecommend_replication: true\n---\n\
                    Nhận xét chung.\n"
        .to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "`{from}` not in the evaluation");
        text = text.replace(from, to);
    }
    site.write(EVALUATION, &text);
}

#[test]
fn a_valid_evaluation_adds_no_diagnostic() {
    let site = site();
    evaluation(&site, &[]);
    expect(&site, &[]);
}

#[test]
fn p_id_dup_for_an_evaluation_of_the_same_name_in_another_folder() {
    let site = site();
    evaluation(&site, &[]);
    let copy = "content/danh-gia/zz-2023/dg-mot-cua.md";
    site.write(copy, &site.read(EVALUATION));
    expect(&site, &[(E, "P-ID-DUP", copy, 1)]);
    assert_eq!(
        message(&site, "P-ID-DUP").0,
        "Phiếu đánh giá `dg-mot-cua` trùng mã với tệp `content/danh-gia/dg-mot-cua.md`: cả hai sẽ ở địa chỉ /danh-gia/#dg-mot-cua"
    );
}

#[test]
fn k_model_unknown_with_a_suggestion() {
    let site = site();
    evaluation(&site, &[("model: mh-mot-cua-than-thien", "model: mh-mot-cua-than-thie")]);
    expect(&site, &[(E, "K-MODEL", EVALUATION, 4)]);
    let (text, hint) = message(&site, "K-MODEL");
    assert!(text.contains("`mh-mot-cua-than-thie` không tồn tại"), "{text}");
    assert_eq!(hint.as_deref(), Some("có phải `mh-mot-cua-than-thien`?"));
}

#[test]
fn k_date_before_the_start_or_after_as_of() {
    let site = site();
    evaluation(&site, &[("date: 2022-11-10", "date: 2022-02-28")]);
    expect(&site, &[(E, "K-DATE", EVALUATION, 5)]);
    assert!(message(&site, "K-DATE").0.contains("trước ngày bắt đầu mô hình (01/03/2022)"));
    evaluation(&site, &[("date: 2022-11-10", "date: 2023-02-01")]);
    expect(&site, &[(E, "K-DATE", EVALUATION, 5)]);
    assert!(message(&site, "K-DATE").0.contains("sau ngày chốt số liệu (31/01/2023)"));
}

#[test]
fn k_criterion_dup_on_the_second_assessment() {
    let site = site();
    evaluation(&site, &[("  - criterion: 4", "  - criterion: 1")]);
    expect(&site, &[(W, "K-CRITERION-DUP", EVALUATION, 11)]);
}

#[test]
fn an_evaluation_in_another_folder_or_of_another_type_is_refused() {
    let site = site();
    evaluation(&site, &[("type: danh_gia", "type: bao_cao")]);
    expect(&site, &[(E, "P-TYPE-MISMATCH", EVALUATION, 2)]);
}
