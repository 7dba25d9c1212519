//! File, syntax, field and HTML rules of SPEC §3 (P-*, F-*), run through the real binary on
//! the minimal site with one broken file each.

mod checker;
mod common;

use checker::*;

const LOI: &str = "content/trang/loi.md";

fn page(body: &str) -> String {
    format!("---\ntype: trang\ntitle: \"Trang thử\"\n---\n{body}")
}

#[test]
fn p_encoding_points_at_the_bad_byte() {
    let site = site();
    site.write_bytes(LOI, b"---\ntype: trang\ntitle: x\n---\nab\xffcd\n");
    expect(&site, &[(E, "P-ENCODING", LOI, 5)]);
    assert_eq!(message(&site, "P-ENCODING").0, "Tệp không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí 31)");
}

#[test]
fn a_site_yml_that_is_not_utf8_is_refused_at_the_bad_byte() {
    let site = site();
    let config = site.read("site.yml");
    let mut bytes = format!("{config}description: \"Trang tổng hợp ").into_bytes();
    bytes.extend_from_slice(b"\xff\"\n");
    site.write_bytes("site.yml", &bytes);
    // One byte that is not UTF-8 in the description the text adds as the config's last line.
    let line = config.lines().count() + 1;
    let offset = config.len() + "description: \"Trang tổng hợp ".len();
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert_eq!(run.code, 2, "{command}: {}{}", run.stdout, run.stderr);
        let expected = format!(
            "site.yml không hợp lệ (dòng {line}, cột 30): không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí {offset}); \
             lưu lại tệp với mã hóa UTF-8"
        );
        assert!(run.stderr.contains(&expected), "{command}: {}", run.stderr);
    }
}

#[test]
fn p_bom_warns_and_the_file_is_still_read() {
    let site = site();
    site.write_bytes(LOI, format!("\u{feff}{}", page("Nội dung <b>đậm</b>.\n")).as_bytes());
    expect(&site, &[(W, "P-BOM", LOI, 1), (W, "P-HTML-RAW", LOI, 5)]);
}

#[test]
fn p_size_over_one_megabyte() {
    let site = site();
    let header = page("");
    site.write(LOI, &format!("{header}{}", "a".repeat(5 * 1024 * 1024 - header.len())));
    expect(&site, &[(E, "P-SIZE", LOI, 1)]);
    assert_eq!(message(&site, "P-SIZE").0, "Tệp quá lớn (5,0 MB); giới hạn 1 MB");
}

#[test]
fn a_model_too_large_to_read_is_its_own_error_only() {
    let site = site();
    let text = site.read(MODEL);
    site.write(MODEL, &format!("{text}{}", "a".repeat(1024 * 1024)));
    // Reports and the model replicating it name it: no R-MODEL-UNKNOWN, no A-SOURCE.
    let found = check(&site);
    let errors: Vec<_> = found.iter().filter(|f| f.0 == E).collect();
    assert_eq!(errors, [&(E.to_owned(), "P-SIZE".to_owned(), MODEL.to_owned(), 1)]);
}

/// A link in place of a model is a warning (P-LINK), not a model: the references to the
/// model it stands for stay errors, so a pull request cannot hide a missing model behind one.
#[cfg(unix)]
#[test]
fn a_link_in_place_of_a_model_hides_no_reference_to_it() {
    let site = site();
    std::fs::remove_file(site.dir.join(MODEL)).unwrap();
    std::os::unix::fs::symlink("khong-co.md", site.dir.join(MODEL)).unwrap();
    let found = check(&site);
    assert!(found.iter().any(|f| f.1 == "P-LINK" && f.2 == MODEL), "{found:?}");
    assert!(found.iter().any(|f| f.1 == "R-MODEL-UNKNOWN" && f.2 == REPORT), "{found:?}");
}

#[test]
fn p_fm_missing_and_unclosed() {
    let site = site();
    site.write(LOI, "type: trang\ntitle: x\n");
    site.write("content/trang/loi-2.md", "---\ntype: trang\ntitle: x\n");
    expect(&site, &[(E, "P-FM-UNCLOSED", "content/trang/loi-2.md", 1), (E, "P-FM-MISSING", LOI, 1)]);
}

#[test]
fn p_yaml_syntax_error_at_its_line() {
    let site = site();
    edit(&site, MODEL, "  members: 6", "  members: [6");
    // References to the unreadable model are not reported again; its unit has no model left.
    expect(&site, &[(E, "P-YAML", MODEL, 10), (W, "V-UNIT-YEAR", UNITS, 6), (W, "V-UNIT-YEAR", UNITS, 6)]);
    assert!(message(&site, "P-YAML").0.starts_with("Lỗi cú pháp YAML tại dòng 10"));
    // Not a mapping: a Markdown file's front matter, a registry's whole text.
    let site = checker::site();
    site.write(LOI, "---\n- a\n---\n");
    site.write(UNITS, "- a\n");
    let said = |path: &str| {
        let found = check_json(&site);
        let all = found["diagnostics"].as_array().unwrap().clone();
        all.into_iter().find(|d| d["path"] == path && d["code"] == "P-YAML").unwrap()["message"].clone()
    };
    assert_eq!(said(LOI), "Phần khai báo đầu tệp phải là danh sách các trường dạng `khóa: giá trị`");
    assert_eq!(said(UNITS), "Nội dung tệp phải là danh sách các trường dạng `khóa: giá trị`");
}

#[test]
fn p_dup_key_at_the_second_key() {
    let site = site();
    edit(&site, MODEL, "org: db-so-tai-chinh", "org: db-so-tai-chinh\norg: cb-cdc");
    expect(&site, &[(E, "P-DUP-KEY", MODEL, 6)]);
    assert_eq!(message(&site, "P-DUP-KEY").0, "Khóa `org` khai báo hai lần");
}

#[test]
fn p_yaml_feature_anchors_aliases_and_tags() {
    let site = site();
    edit(&site, MODEL, "group: cai-cach-hanh-chinh", "group: &g cai-cach-hanh-chinh");
    edit(&site, MODEL, "approach: xay_moi", "approach: !!str xay_moi");
    edit(&site, MODEL, "  social_effect:", "  social_effect: *g\n  other_effect:");
    expect_includes(
        &site,
        &[(E, "P-YAML-FEATURE", MODEL, 10), (E, "P-YAML-FEATURE", MODEL, 11), (E, "P-YAML-FEATURE", MODEL, 49)],
    );
}

#[test]
fn p_id_must_match_the_file_name() {
    let site = site();
    edit(&site, MODEL, "id: mh-mot-cua-than-thien", "id: mh-mot-cua");
    expect(&site, &[(E, "P-ID", MODEL, 3)]);
    let site = checker::site();
    site.write("content/trang/Gioi_Thieu.md", &page("Nội dung.\n"));
    expect(&site, &[(E, "P-ID", "content/trang/Gioi_Thieu.md", 1)]);
    assert_eq!(
        message(&site, "P-ID").1.as_deref(),
        Some("đổi tên tệp thành `gioi-thieu.md` (và `id: gioi-thieu` nếu có)")
    );
    edit(&site, MODEL, "id: mh-mot-cua-than-thien", "id: ../mh-mot-cua");
    expect_includes(&site, &[(E, "P-ID", MODEL, 3)]);
    // An id that is no slug: the SPEC's words, and the id to write.
    let site = checker::site();
    edit(&site, MODEL, "id: mh-mot-cua-than-thien", "id: Mh_Mot");
    expect(&site, &[(E, "P-ID", MODEL, 3)]);
    let (text, hint) = message(&site, "P-ID");
    assert_eq!(text, "Mã `Mh_Mot` không hợp lệ: chữ thường không dấu, số, gạch nối, trùng tên tệp");
    assert_eq!(
        hint.as_deref(),
        Some("ghi `id: mh-mot-cua-than-thien`, trùng tên tệp; mã gồm 3–80 ký tự: chữ thường không dấu, số, gạch nối")
    );
    // A file named with a short id, the id written alike: one P-ID, where the id stands.
    let site = checker::site();
    let short = "content/mo-hinh/so-tai-chinh/ab.md";
    site.write(short, &site.read(MODEL).replace("id: mh-mot-cua-than-thien", "id: ab"));
    std::fs::remove_file(site.dir.join(MODEL)).unwrap();
    expect_includes(&site, &[(E, "P-ID", short, 3)]);
    let found: Vec<_> = check(&site).into_iter().filter(|f| f.1 == "P-ID").collect();
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn p_id_dup_for_a_page_of_the_same_name_in_another_folder() {
    let site = site();
    let copy = "content/trang/zz-con/gioi-thieu.md";
    site.write(copy, &site.read(PAGE));
    expect(&site, &[(E, "P-ID-DUP", copy, 1)]);
    assert_eq!(position(&site, "P-ID-DUP"), (1, 1));
    let (message, hint) = message(&site, "P-ID-DUP");
    assert_eq!(
        message,
        "Trang `gioi-thieu` trùng mã với tệp `content/trang/gioi-thieu.md`: cả hai sẽ ở địa chỉ /trang/gioi-thieu/"
    );
    assert!(hint.unwrap().contains("đổi tên"));
    // The build refuses nothing else: after the rename both pages are published.
    site.write("content/trang/zz-con/gioi-thieu-chi-tiet.md", &site.read(copy));
    std::fs::remove_file(site.dir.join(copy)).unwrap();
    expect(&site, &[]);
}

#[test]
fn p_ignored_for_markdown_named_otherwise_in_content_folders() {
    let site = site();
    let upper = "content/mo-hinh/so-tai-chinh/mh-moi.MD";
    let doubled = "content/trang/lich-su.md.txt";
    site.write(upper, &site.read(MODEL));
    site.write(doubled, &site.read(PAGE));
    site.write("content/trang/so-do.png", "PNG");
    site.write("content/trang/ghi-chu.markdown", "x");
    expect(
        &site,
        &[
            (W, "P-IGNORED", upper, 1),
            (W, "P-IGNORED", "content/trang/ghi-chu.markdown", 1),
            (W, "P-IGNORED", doubled, 1),
        ],
    );
    let found = check_json(&site);
    let hints: Vec<&str> =
        found["diagnostics"].as_array().unwrap().iter().map(|d| d["hint"].as_str().unwrap()).collect();
    assert_eq!(
        hints,
        ["đổi tên tệp thành `mh-moi.md`", "đổi tên tệp thành `ghi-chu.md`", "đổi tên tệp thành `lich-su.md`"]
    );
    assert_eq!(
        message(&site, "P-IGNORED").0,
        "Tệp `mh-moi.MD` không được đọc: chỉ tệp có đuôi `.md` (chữ thường) mới là nội dung"
    );
}

#[test]
fn markdown_outside_the_content_folders_is_reported_not_lost() {
    let site = site();
    // A model in a misspelled folder would vanish from the site: an error, with the folder.
    let misplaced = "content/mohinh/mh-lac-cho.md";
    site.write(misplaced, &site.read(MODEL).replace("mh-mot-cua-than-thien", "mh-lac-cho"));
    site.write("content/ghi-chu.md", "Ghi chú của biên tập viên\n");
    site.write("content/bao_cao/loi.md", "---\ntitle: x\n---\n");
    site.write("content/hinh/so-do.png", "PNG");
    site.write("content/README.md", "# Hướng dẫn biên tập\n");
    site.write("content/so-lieu/tong.md", "---\ntype: tong_hop\n---\n");
    expect_includes(&site, &[(E, "V-AGG-MANUAL", "content/so-lieu/tong.md", 2)]);
    site.remove("content/so-lieu/tong.md");
    expect(
        &site,
        &[
            (W, "P-IGNORED", "content/bao_cao/loi.md", 1),
            (W, "P-IGNORED", "content/ghi-chu.md", 1),
            (E, "P-TYPE-MISMATCH", misplaced, 2),
        ],
    );
    let (message, hint) = message(&site, "P-TYPE-MISMATCH");
    assert_eq!(message, "Tệp có `type: mo_hinh` nhưng nằm ngoài thư mục `content/mo-hinh/` nên không được đọc");
    assert_eq!(hint.as_deref(), Some("chuyển tệp vào `content/mo-hinh/` (ví dụ `content/mo-hinh/mh-lac-cho.md`)"));
    let found = check_json(&site);
    let ignored: Vec<(&str, &str)> = found["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "P-IGNORED")
        .map(|d| (d["message"].as_str().unwrap(), d["hint"].as_str().unwrap()))
        .collect();
    let folders = "`content/mo-hinh/`, `content/bao-cao/`, `content/trang/`, `content/danh-gia/`";
    assert_eq!(
        ignored,
        [
            (
                format!("Tệp `bao_cao/loi.md` không được đọc: nội dung chỉ nằm trong các thư mục {folders}").as_str(),
                "có phải thư mục `content/bao-cao/`? đổi tên thư mục `content/bao_cao/`"
            ),
            (
                format!("Tệp `ghi-chu.md` không được đọc: nội dung chỉ nằm trong các thư mục {folders}").as_str(),
                "chuyển tệp vào thư mục của loại nội dung, hoặc xóa tệp nếu không cần"
            ),
        ]
    );
    // Too large to be read, it is still not dropped unseen.
    site.write("content/mohinh/lon.md", &"a".repeat(2 * 1024 * 1024));
    expect_includes(&site, &[(E, "P-SIZE", "content/mohinh/lon.md", 1)]);
}

#[test]
fn a_model_id_may_not_be_the_address_of_a_gallery_page() {
    let site = site();
    let clash = "content/mo-hinh/trang-2.md";
    site.write(clash, &site.read(MODEL).replace("id: mh-mot-cua-than-thien", "id: trang-2"));
    std::fs::remove_file(site.dir.join(MODEL)).unwrap();
    expect_includes(&site, &[(E, "P-ID", clash, 1)]);
    assert_eq!(
        message(&site, "P-ID").0,
        "Mã `trang-2` trùng địa chỉ một trang của danh sách mô hình (/mo-hinh/trang-2/)"
    );
    // `guong new` never makes one.
    let run = site.run(&["new", "model", "--org", "cb-cdc", "--title", "Trang 2"]);
    assert_eq!(run.stdout.trim(), "content/mo-hinh/mo-hinh-trang-2.md", "{}", run.stderr);
}

#[test]
fn p_type_mismatch_with_the_folder() {
    let site = site();
    site.write("content/trang/bao-cao-lac.md", "---\ntype: bao_cao\ntitle: x\n---\n");
    expect(&site, &[(E, "P-TYPE-MISMATCH", "content/trang/bao-cao-lac.md", 2)]);
}

#[test]
fn p_unknown_key_with_did_you_mean() {
    let site = site();
    edit(&site, MODEL, "group: cai-cach-hanh-chinh", "group: cai-cach-hanh-chinh\nfeaturd: true");
    expect(&site, &[(W, "P-UNKNOWN-KEY", MODEL, 11)]);
    assert_eq!(message(&site, "P-UNKNOWN-KEY").0, "Trường `featurd` không có trong lược đồ (có phải `featured`?)");
}

#[test]
fn p_html_unsafe_in_bodies_of_every_kind() {
    let site = site();
    site.write(
        LOI,
        &page("Đoạn một.\n\n<SCRIPT>alert(1)</SCRIPT>\n\n[bấm](java\tscript:alert(1)) và `<script>` trong mã\n"),
    );
    edit(&site, REPORT, "---\n\nBáo cáo", "---\n\n<iframe src=\"https://example.org\"></iframe>\n\nBáo cáo");
    edit(&site, MODEL, "## 2. Sự cần thiết\n", "## 2. Sự cần thiết\n\n![ảnh](data:image/svg+xml;base64,AAAA)\n");
    expect(
        &site,
        &[
            (E, "P-HTML-UNSAFE", REPORT, 33),
            (E, "P-HTML-UNSAFE", MODEL, 69),
            (E, "P-HTML-UNSAFE", LOI, 7),
            (E, "P-HTML-UNSAFE", LOI, 9),
        ],
    );
    assert_eq!(message(&site, "P-HTML-UNSAFE").0, "Nội dung chứa mã HTML/JavaScript không được phép: `<iframe`");
}

#[test]
fn p_html_raw_for_other_tags_but_not_in_code() {
    let site = site();
    site.write(LOI, &page("Chữ <b>đậm</b> và <span style=\"x\">màu</span>.\n\n```html\n<b>mã</b>\n```\n"));
    expect(&site, &[(W, "P-HTML-RAW", LOI, 5)]);
}

#[test]
fn f_required_for_a_missing_field() {
    let site = site();
    edit(&site, MODEL, "title: \"Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân\"\n", "");
    expect(&site, &[(E, "F-REQUIRED", MODEL, 1)]);
    assert_eq!(message(&site, "F-REQUIRED").0, "Thiếu trường bắt buộc `title` (Tên mô hình)");
}

#[test]
fn f_type_enum_length_date() {
    let site = site();
    edit(&site, MODEL, "  members: 6", "  members: sáu");
    expect(&site, &[(E, "F-TYPE", MODEL, 9)]);
    let site = checker::site();
    edit(&site, MODEL, "  members: 6", "  members: 0");
    expect(&site, &[(E, "F-TYPE", MODEL, 9)]);
    assert_eq!(message(&site, "F-TYPE").0, "Giá trị 0 của `subject.members` (Số thành viên) phải từ 1 trở lên");
    let site = checker::site();
    edit(&site, MODEL, "approach: xay_moi", "approach: xay_moii");
    expect(&site, &[(E, "F-ENUM", MODEL, 11)]);
    let (text, hint) = message(&site, "F-ENUM");
    assert_eq!(
        text,
        "Giá trị `xay_moii` của `approach` không hợp lệ; chọn một trong: xay_moi (Xây dựng mới), \
         cung_co (Củng cố, nâng cao chất lượng), nhan_rong (Nhân rộng)"
    );
    assert_eq!(hint.as_deref(), Some("có phải `xay_moi`?"));
    // The label written instead of its code, with or without diacritics.
    for written in ["Xây dựng mới", "xay dung moi"] {
        let site = checker::site();
        edit(&site, MODEL, "approach: xay_moi", &format!("approach: {written}"));
        expect(&site, &[(E, "F-ENUM", MODEL, 11)]);
        assert_eq!(message(&site, "F-ENUM").1.as_deref(), Some("có phải `xay_moi`?"), "{written}");
    }
    let site = checker::site();
    edit(&site, MODEL, "title: \"Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân\"", "title: \"Một\"");
    expect(&site, &[(E, "F-LENGTH", MODEL, 4)]);
    // Lengths count NFC code points: a decomposed (NFD) title is not longer for it.
    edit(&site, MODEL, "title: \"Một\"", "title: \"Mo\u{323}\u{302}to\u{323}\u{302}\"");
    expect(&site, &[(E, "F-LENGTH", MODEL, 4)]);
    assert!(message(&site, "F-LENGTH").0.contains("dài 4 ký tự"));
    let site = checker::site();
    edit(&site, MODEL, "date: 2022-09-30", "date: 31/02/2022");
    expect(&site, &[(E, "F-DATE", MODEL, 28)]);
    assert_eq!(message(&site, "F-DATE").0, "Ngày không hợp lệ: `31/02/2022`");
}

#[test]
fn f_placeholder_supersedes_other_findings_on_its_line() {
    let site = site();
    edit(
        &site,
        MODEL,
        "title: \"Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân\"",
        "title: \"«Cần điền tên mô hình»\"",
    );
    expect(&site, &[(E, "F-PLACEHOLDER", MODEL, 4)]);
    let (message, hint) = message(&site, "F-PLACEHOLDER");
    assert_eq!(message, "Trường `title` vẫn còn nội dung mẫu, cần điền");
    assert_eq!(hint.as_deref(), Some("thay đoạn «Cần điền …» bằng nội dung thật của trường `title` (Tên mô hình)"));
}
