use super::*;
use crate::derive::fixture::corpus;

/// The settings of a site with `yaml` after its title.
fn site(yaml: &str) -> SiteConfig {
    SiteConfig::parse(&format!("title: Thử\n{yaml}")).unwrap()
}

fn filing<'a>(kind: DocumentKind, unit: &'a str, number: Option<&'a str>, date: Option<Date>) -> Filing<'a> {
    Filing {
        kind,
        unit,
        number,
        date,
        signer_title: Some("T/M Đảng ủy, Bí thư"),
        signer_name: Some("Nguyễn Văn A"),
        recipients: &[],
        subject: "kết quả".to_owned(),
    }
}

#[test]
fn a_dang_bo_report_has_the_dang_uy_header_number_date_and_signature() {
    let corpus = corpus(vec![]);
    let doc = party_document(
        &corpus,
        &site("place: Tuy Hòa\n"),
        filing(DocumentKind::Report, "db-a", Some("52-BC/ĐU"), Date::new(2023, 1, 5)),
    );
    assert_eq!(doc.upper.as_deref(), Some("ĐẢNG BỘ KHỐI THỬ"));
    assert_eq!(doc.committee, "ĐẢNG ỦY A");
    assert_eq!(doc.number, "Số 52-BC/ĐU");
    assert_eq!(doc.date_line, "Tuy Hòa, ngày 05 tháng 01 năm 2023");
    assert_eq!(doc.title, "BÁO CÁO");
    assert_eq!(doc.signature.on_behalf, "T/M ĐẢNG ỦY");
    assert_eq!(doc.signature.title, "BÍ THƯ");
    assert_eq!(doc.signature.name.as_deref(), Some("Nguyễn Văn A"));
    assert_eq!(doc.recipients, ["Ban Tuyên giáo Đảng ủy Khối thử,", "Lưu."]);
}

#[test]
fn a_chi_bo_plan_keeps_its_name_and_leaves_blanks_for_the_number() {
    let corpus = corpus(vec![]);
    let doc = party_document(&corpus, &site(""), filing(DocumentKind::Plan, "cb-a1", None, Date::new(2023, 7, 10)));
    assert_eq!(doc.upper.as_deref(), Some("ĐẢNG BỘ BỘ PHẬN A"));
    assert_eq!(doc.committee, "CHI BỘ A1");
    assert_eq!(doc.number, "Số    -KH/CB");
    assert_eq!(doc.date_line, "Ngày 10 tháng 7 năm 2023");
    assert_eq!(doc.title, "KẾ HOẠCH");
    assert_eq!(doc.signature.on_behalf, "T/M CHI BỘ");
}

#[test]
fn leading_zeros_follow_the_guidance_and_a_written_colon_is_dropped() {
    assert_eq!(date_line(Some("Huế"), Date::new(2024, 2, 29)), "Huế, ngày 29 tháng 02 năm 2024");
    assert_eq!(date_line(Some("Huế"), Date::new(2024, 11, 9)), "Huế, ngày 09 tháng 11 năm 2024");
    assert_eq!(date_line(Some("Huế"), None), "Huế, ngày     tháng     năm     ");
    let corpus = corpus(vec![]);
    let doc = party_document(&corpus, &site(""), filing(DocumentKind::Report, "cb-b", Some("Số: 7-BC/CB"), None));
    assert_eq!(doc.number, "Số 7-BC/CB");
}

#[test]
fn the_site_recipients_replace_the_default_and_a_form_s_own_list_wins() {
    let corpus = corpus(vec![]);
    let merged = site("recipients: [\"- Ban Tuyên giáo và Dân vận Tỉnh ủy,\", \"Lưu.\"]\n");
    let plan = party_document(&corpus, &merged, filing(DocumentKind::Plan, "cb-a1", None, None));
    assert_eq!(plan.recipients, ["Ban Tuyên giáo và Dân vận Tỉnh ủy,", "Lưu."]);
    assert_eq!(default_recipients(&corpus, &merged), plan.recipients);
    let own = ["Thường trực Đảng ủy,".to_owned()];
    let report = party_document(
        &corpus,
        &merged,
        Filing { recipients: &own, ..filing(DocumentKind::Report, "cb-b", None, None) },
    );
    assert_eq!(report.recipients, ["Thường trực Đảng ủy,"]);
}
