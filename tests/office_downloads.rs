//! The office downloads and printed forms of the bundled site, opened as a cadre would open
//! them: Word files of forms 01 and 03 carry the Party document layout and the page's text
//! and numbers; form 02 workbooks hold the numbers of the JSON beside them; printed pages are
//! A4 without web-only parts.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::office::{COUNT_KEYS, docx_text, pdf_page_lines, pdf_pages, xlsx_sheets};
use common::tools::{chromium, tool_test};
use common::{TempSite, guong};

/// The bundled site (the repository's own `content/`), built once for every test here.
fn built() -> &'static Path {
    common::bundled_site()
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn number(cell: &str) -> u64 {
    cell.parse().unwrap_or_else(|_| panic!("`{cell}` is not a number"))
}

tool_test! {
/// Form 02's workbook: the Khối sheet and the per-unit sheet (đảng bộ cơ sở only) hold the
/// JSON's counts, commended models included.
fn form02_workbook_holds_the_json_numbers_under_merged_heads() needs ["libreoffice"] {
    let folder = built().join("tong-hop/2023/sau-thang");
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(
        page.contains("href=\"/tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.xlsx\" download>Tải về bản Excel</a>")
    );
    let data = json(&folder.join("tong-hop-2023-sau-thang.json"));
    let sheets = xlsx_sheets(&folder.join("tong-hop-2023-sau-thang.xlsx"));
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Chi tiết theo đơn vị", "Danh sách mô hình", "Tổng hợp"]);
    let summary = &sheets[2].1;
    let heads = summary.iter().position(|r| r[0] == "Đảng bộ, chi bộ cơ sở").expect("head row");
    assert_eq!(summary[heads][1..=2], ["Tổng số mô hình".to_owned(), "Cách thức".to_owned()]);
    assert_eq!(summary[heads + 1][2..=4], ["Xây dựng mới", "Củng cố, nâng cao", "Nhân rộng"].map(String::from));
    let bases = data["base_units"].as_array().unwrap();
    for (i, base) in bases.iter().enumerate() {
        let row = &summary[heads + 2 + i];
        assert_eq!(row[0], base["name"].as_str().unwrap());
        for (k, key) in COUNT_KEYS.iter().enumerate() {
            assert_eq!(number(&row[1 + k]), base[key].as_u64().unwrap(), "{key} of {}", row[0]);
        }
    }
    let totals = &summary[heads + 2 + bases.len()];
    assert_eq!(totals[0], "Tổng cộng");
    for (k, key) in COUNT_KEYS.iter().enumerate() {
        assert_eq!(number(&totals[1 + k]), data["totals"][key].as_u64().unwrap(), "total {key}");
    }
    let detail = &sheets[0].1;
    let own_form = bases.iter().filter(|b| b["kind"] == "dang_bo_co_so");
    for unit in own_form.flat_map(|b| b["units"].as_array().unwrap()) {
        let row = detail.iter().find(|r| r[0] == unit["name"].as_str().unwrap() && !r[1].is_empty()).expect("unit row");
        assert_eq!(number(&row[1]), unit["models"].as_u64().unwrap());
        assert_eq!(number(&row[10]), unit["commended"].as_u64().unwrap());
    }
    let listed = &sheets[1].1;
    for model in bases.iter().flat_map(|b| b["model_list"].as_array().unwrap()) {
        assert!(listed.iter().any(|r| r[2] == model["title"].as_str().unwrap()), "{model} not in the list sheet");
    }
}
}

tool_test! {
/// Form 02's workbook of `tests/sites/form02`: the chi bộ cơ sở has no table of its own on the
/// detail sheet; the list sheet holds every model with the page's columns, the chi bộ cơ sở's
/// first; the commended column matches the JSON.
fn form02_workbook_lists_the_models_and_the_commended_ones() needs ["libreoffice"] {
    let site = TempSite::empty();
    common::copy_dir(&common::fixture("form02"), &site.dir);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = site.dir.join("public/tong-hop/2023/ca-nam");
    let data = json(&folder.join("tong-hop-2023-ca-nam.json"));
    let sheets = xlsx_sheets(&folder.join("tong-hop-2023-ca-nam.xlsx"));
    let detail = &sheets[0].1;
    assert!(detail.iter().any(|r| r[0] == "Đảng bộ Sở Y tế"), "the đảng bộ cơ sở's table");
    assert!(!detail.iter().any(|r| r[0].starts_with("Chi bộ Trường")), "no table for the chi bộ cơ sở");
    let list: Vec<&Vec<String>> = sheets[1].1.iter().filter(|r| r.iter().any(|c| !c.is_empty())).collect();
    let rows: Vec<Vec<&str>> = list.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    assert_eq!(
        rows[1..],
        [
            vec!["Các chi bộ cơ sở", "", "", "", "", "", ""],
            vec!["STT", "Chi bộ", "Tên mô hình", "Chủ thể", "Cách thức", "Tình trạng", "Khen thưởng"],
            vec!["1", "Chi bộ Trường Trung học cơ sở Hòa Bình", "Góc đọc sách về Bác trong nhà trường", "Tập thể giáo viên Trường THCS Hòa Bình (tập thể)", "Xây dựng mới", "Đang thực hiện", ""],
            vec!["Đảng bộ Sở Y tế", "", "", "", "", "", ""],
            vec!["STT", "Chi bộ", "Tên mô hình", "Chủ thể", "Cách thức", "Tình trạng", "Khen thưởng"],
            vec!["1", "Đảng bộ Sở Y tế", "Bộ phận một cửa Sở Y tế thân thiện, đúng hẹn", "Tập thể Bộ phận một cửa Sở Y tế (tập thể)", "Xây dựng mới", "Đang thực hiện", "19/05/2023: Giấy khen của Ban Thường vụ Đảng ủy Khối (Đảng ủy Khối các cơ quan tỉnh (thử nghiệm))"],
            vec!["2", "Chi bộ Phòng Hành chính", "Đảng viên gương mẫu thực hành tiết kiệm văn phòng phẩm", "Trần Thị Bình (cá nhân)", "Củng cố, nâng cao chất lượng", "Hoàn thành", "05/07/2023: Giấy khen của Đảng ủy Sở Y tế (Cấp cơ sở)"],
            vec!["3", "Chi bộ Phòng Hành chính", "Hộp thư góp ý của người dân tại Văn phòng Sở", "Tập thể Chi bộ Phòng Hành chính (tập thể)", "Nhân rộng", "Loại bỏ trong kỳ", ""],
        ]
    );
    let summary = &sheets[2].1;
    let totals = summary.iter().find(|r| r[0] == "Tổng cộng").expect("totals row");
    assert_eq!(number(&totals[10]), data["totals"]["commended"].as_u64().unwrap());
    assert_eq!(number(&totals[10]), 2);
}
}

#[test]
fn office_files_are_byte_identical_across_builds() {
    let site = TempSite::empty();
    let root = env!("CARGO_MANIFEST_DIR");
    let out = site.dir.join("again");
    let run = guong(&["--root", root, "build", "--output", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = common::snapshot(built());
    let second = common::snapshot(&out);
    let office: Vec<&String> = first.keys().filter(|p| p.ends_with(".xlsx") || p.ends_with(".docx")).collect();
    assert!(!office.is_empty());
    for path in office {
        assert!(first[path] == second[path], "{path} differs between builds");
    }
}

/// The lines of a Word file's text, trimmed, without empty ones.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

/// Asserts `expected` appear as consecutive lines of `lines`.
fn assert_consecutive(lines: &[String], expected: &[&str]) {
    let found = lines.windows(expected.len()).any(|w| w.iter().zip(expected).all(|(a, b)| a == b));
    assert!(found, "lines {expected:?} not found in order in:\n{}", lines.join("\n"));
}

tool_test! {
/// Form 03 of a đảng bộ in Word: both header blocks, the number without colon, the place and
/// date line, the title, the signature on separate lines, "Nơi nhận", and the page's numbers.
fn report_of_a_dang_bo_in_word_has_the_party_layout_and_the_page_numbers() needs ["libreoffice"] {
    let folder = built().join("bao-cao/bc-db-cuc-thue-2023-sau-thang");
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(page.contains("href=\"/bao-cao/bc-db-cuc-thue-2023-sau-thang/bc-db-cuc-thue-2023-sau-thang.docx\" download>Tải về bản Word</a>"));
    let text = lines(&docx_text(&folder.join("bc-db-cuc-thue-2023-sau-thang.docx")));
    assert_consecutive(&text, &["ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "ĐẢNG ỦY CỤC THUẾ TỈNH", "*", "Số 61-BC/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tuy Hòa, ngày 12 tháng 7 năm 2023", "BÁO CÁO"]);
    assert!(text.iter().any(|l| l.starts_with("kết quả xây dựng, củng cố") && l.ends_with("6 tháng đầu năm 2023")));
    assert_consecutive(&text, &["Nơi nhận:", "- Ban Tuyên giáo Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh,", "- Lưu.", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Phạm Thị Kim Yến"]);
    for needle in ["Số 61-BC/ĐU", "Tuy Hòa, ngày 12 tháng 7 năm 2023", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Nơi nhận:"] {
        assert!(page.contains(needle), "the printed page lacks {needle}");
    }
    for number in ["86,5", "93,8", "99,7", "9.800", "8.240"] {
        assert!(page.contains(&format!(">{number}<")), "page lacks {number}");
        assert!(text.iter().any(|l| l == number), "Word file lacks {number}");
    }
    assert!(!text.iter().any(|l| l.contains("Số:")), "a number is written without colon");
}
}

tool_test! {
/// Form 03 of a chi bộ: the chi bộ keeps its name as the issuing body, `/CB` and `T/M CHI BỘ`.
fn report_of_a_chi_bo_in_word_keeps_the_chi_bo_name() needs ["libreoffice"] {
    let folder = built().join("bao-cao/bc-cb-truong-thpt-phu-hoa-2023-sau-thang");
    let text = lines(&docx_text(&folder.join("bc-cb-truong-thpt-phu-hoa-2023-sau-thang.docx")));
    assert_consecutive(&text, &["ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP TỈNH", "CHI BỘ TRƯỜNG TRUNG HỌC PHỔ THÔNG PHÚ HÒA", "*", "Số 23-BC/CB"]);
    assert!(text.iter().any(|l| l == "T/M CHI BỘ"));
    assert!(!text.iter().any(|l| l.contains("ĐẢNG ỦY TRƯỜNG")));
}
}

tool_test! {
/// Form 01 in Word: the plan of the model, registered number and date, its indicators by name
/// (never by code), and the signer of the registration.
fn model_plan_in_word_is_the_registered_plan_without_internal_codes() needs ["libreoffice"] {
    let folder = built().join("mo-hinh/mh-mot-cua-than-thien");
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(page.contains("href=\"/mo-hinh/mh-mot-cua-than-thien/mh-mot-cua-than-thien.docx\" download>Tải về bản Word</a>"));
    let text = lines(&docx_text(&folder.join("mh-mot-cua-than-thien.docx")));
    assert_consecutive(&text, &["ĐẢNG BỘ CỤC THUẾ TỈNH", "CHI BỘ PHÒNG TUYÊN TRUYỀN – HỖ TRỢ NGƯỜI NỘP THUẾ", "*", "Số 08-KH/CB", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tuy Hòa, ngày 10 tháng 02 năm 2022", "KẾ HOẠCH"]);
    assert!(text.iter().any(|l| l.starts_with("thực hiện mô hình “") && l.ends_with("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")));
    assert_consecutive(&text, &["T/M CHI BỘ", "BÍ THƯ", "Trần Thị Thu Hà"]);
    assert!(text.iter().any(|l| l == "Tỷ lệ người nộp thuế hài lòng khi làm thủ tục tại bộ phận một cửa"));
    let all = text.join("\n");
    for code in ["mh-mot-cua-than-thien", "hai-long", "dung-han", "cb-ho-tro-nguoi-nop-thue"] {
        assert!(!all.contains(code), "internal code {code} in the Word file");
    }
}
}

tool_test! {
/// The plan in Word says what the printed page says of where a model stands: what a củng cố
/// model consolidates, criterion by criterion (SPEC §8.3); the model a replica comes from; the
/// retirement of a dropped model. Parts are numbered in order, whichever are present.
fn model_plan_in_word_says_what_the_page_prints() needs ["libreoffice"] {
    let plan = |id: &str| lines(&docx_text(&built().join(format!("mo-hinh/{id}/{id}.docx"))));
    let consolidated = plan("mh-mot-cua-than-thien");
    assert_consecutive(&consolidated, &["III. NỘI DUNG CỦNG CỐ, NÂNG CAO"]);
    let at = consolidated.iter().position(|l| l == "III. NỘI DUNG CỦNG CỐ, NÂNG CAO").unwrap();
    let part = consolidated[at..].join("\n");
    assert!(part.contains("Mô hình “Bộ phận một cửa văn minh, lịch sự” của Phòng Tuyên truyền"), "{part}");
    assert!(part.contains("2019"));
    assert!(part.contains("Tiêu chí 3. Biện pháp") && part.contains("Thêm máy lấy số, mã QR tra cứu hồ sơ"), "{part}");
    assert!(consolidated.iter().any(|l| l == "IV. BIỂU DƯƠNG, KHEN THƯỞNG"), "{consolidated:?}");

    let replica = plan("mh-don-tiep-nguoi-benh-than-thien").join("\n");
    assert!(replica.contains("Nhân rộng từ mô hình"), "{replica}");
    assert!(replica.contains("Bộ phận một cửa “Thân thiện – Minh bạch – Đúng hẹn” phục vụ người nộp thuế"));

    let retired = plan("mh-hop-thu-gop-y-nguoi-benh");
    assert_consecutive(&retired, &["II. MÔ HÌNH ĐÃ LOẠI BỎ"]);
    let all = retired.join("\n");
    assert!(all.contains("30/09/2022") && all.contains("hộp thư giấy chỉ thu được 3–4 ý kiến"), "{all}");
    assert!(retired.iter().any(|l| l == "III. NỘI DUNG KẾ HOẠCH THEO NĂM TIÊU CHÍ"), "{retired:?}");
}
}

/// The "Nơi nhận" lines of a printed form, as the page lists them.
fn printed_recipients(html: &str) -> Vec<String> {
    let list = html.split("<p class=\"party-recipients-head\">Nơi nhận:</p>").nth(1).expect("Nơi nhận on the page");
    let list = &list[..list.find("</ul>").expect("the list ends")];
    list.split("<li>").skip(1).map(|item| item.trim_end_matches("</li>").to_owned()).collect()
}

/// The "Nơi nhận" lines of a form's page and Word file in `folder` of the built `site`, which
/// must be the same.
fn recipients_of(site: &TempSite, folder: &str) -> Vec<String> {
    let name = folder.rsplit('/').next().unwrap();
    let page = printed_recipients(&site.read(&format!("public/{folder}/index.html")));
    let text = lines(&docx_text(&site.dir.join(format!("public/{folder}/{name}.docx"))));
    let at = text.iter().position(|l| l == "Nơi nhận:").expect("Nơi nhận in the Word file");
    assert_eq!(text[at + 1..=at + page.len()], page, "{folder}: the Word file and the page differ");
    page
}

tool_test! {
/// "Nơi nhận" of forms 01 and 03, printed and in Word: SPEC §8.3's default without site.yml
/// `recipients`; the site's list once set (a model's plan has no list of its own); a report's
/// own `recipients` still win.
fn recipients_follow_the_site_default_unless_a_report_lists_its_own() needs ["libreoffice"] {
    let site = TempSite::empty();
    common::copy_dir(&common::fixture("form02"), &site.dir);
    site.build();
    let spec_default = ["- Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh (thử nghiệm),", "- Lưu."];
    assert_eq!(recipients_of(&site, "mo-hinh/mh-mot-cua-y-te"), spec_default);
    assert_eq!(recipients_of(&site, "bao-cao/bc-db-so-y-te-2023-sau-thang"), spec_default);

    let config = site.read("site.yml");
    site.write(
        "site.yml",
        &format!("{config}recipients:\n  - \"Ban Tuyên giáo và Dân vận Tỉnh ủy,\"\n  - \"Thường trực Đảng ủy Khối,\"\n  - Lưu.\n"),
    );
    let own = "content/bao-cao/bc-db-so-y-te-2022-ca-nam.md";
    let report = site.read(own);
    site.write(own, &report.replacen("models:\n", "recipients:\n  - \"Thường trực Đảng ủy Sở,\"\n  - \"Lưu VP.\"\nmodels:\n", 1));
    site.build();
    let merged = ["- Ban Tuyên giáo và Dân vận Tỉnh ủy,", "- Thường trực Đảng ủy Khối,", "- Lưu."];
    assert_eq!(recipients_of(&site, "mo-hinh/mh-mot-cua-y-te"), merged);
    assert_eq!(recipients_of(&site, "bao-cao/bc-db-so-y-te-2023-sau-thang"), merged);
    assert_eq!(recipients_of(&site, "bao-cao/bc-db-so-y-te-2022-ca-nam"), ["- Thường trực Đảng ủy Sở,", "- Lưu VP."]);
}
}

/// Builds the site at `root` into `out` with links that work from `file://`, for printing
/// with Chromium.
fn build_for_print(root: &Path, out: &Path) {
    let base = format!("file://{}/", out.display());
    let run =
        guong(&["--root", root.to_str().unwrap(), "build", "--output", out.to_str().unwrap(), "--base-url", &base]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The bundled site built for printing, once for every test here.
fn built_for_print() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = common::shared_folder("print").join("print");
        build_for_print(Path::new(env!("CARGO_MANIFEST_DIR")), &out);
        out
    })
}

/// Prints a page of the bundled site with headless Chromium; returns the PDF and its text.
fn print(page: &str) -> (PathBuf, String) {
    print_file(&built_for_print().join(page).join("index.html"))
}

/// Prints an HTML file with headless Chromium beside it; returns the PDF and its text
/// (pdftotext).
fn print_file(html: &Path) -> (PathBuf, String) {
    let pdf = html.with_file_name("printed.pdf");
    let status = std::process::Command::new(chromium())
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(pdf.exists(), "chromium printed nothing: {}", String::from_utf8_lossy(&status.stderr));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("run pdftotext");
    (pdf, String::from_utf8_lossy(&text.stdout).into_owned())
}

tool_test! {
/// The printed report is A4, starts its first model on page 1 and ends with the signature,
/// without the Git history or the site's navigation.
fn printed_report_is_an_a4_party_document_without_web_parts() needs ["chromium", "pdfinfo"] {
    let (pdf, text) = print("bao-cao/bc-db-cuc-thue-2023-sau-thang");
    let (pages, size) = pdf_pages(&pdf);
    assert!(size.contains("(A4)"), "{size}");
    assert!((2..=6).contains(&pages), "{pages} pages");
    let first = pdf_page_lines(&pdf)[0].join("\n");
    assert!(first.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && first.contains("Số 61-BC/ĐU"), "{first}");
    assert!(first.contains("1. Người đứng đầu lắng nghe"), "the first model does not start on page 1:\n{first}");
    for web in ["Quá trình cập nhật", "Sửa trang này", "Tải về bản Word", "Trang chủ"] {
        assert!(!text.contains(web), "`{web}` printed");
    }
    assert!(text.contains("Nơi nhận:") && text.contains("T/M ĐẢNG ỦY"));
}
}

tool_test! {
/// The printed model is the plan (biểu mẫu 01): A4, the Party header, no indicator codes,
/// no charts' data nor reports list, no Git history.
fn printed_model_is_an_a4_plan_without_web_parts() needs ["chromium", "pdfinfo"] {
    let (pdf, text) = print("mo-hinh/mh-mot-cua-than-thien");
    let (pages, size) = pdf_pages(&pdf);
    assert!(size.contains("(A4)"), "{size}");
    assert!((2..=8).contains(&pages), "{pages} pages");
    assert!(text.contains("KẾ HOẠCH") && text.contains("Số 08-KH/CB") && text.contains("Tuy Hòa, ngày 10 tháng 02 năm 2022"));
    // Nor what happened after the plan: the latest reported values, the models replicating it.
    for web in [
        "Quá trình cập nhật",
        "Sửa trang này",
        "hai-long",
        "Kết quả qua các kỳ báo cáo",
        "Trang chủ",
        "Kết quả gần nhất",
        "Các mô hình nhân rộng từ mô hình này",
    ] {
        assert!(!text.contains(web), "`{web}` printed");
    }
    assert!(text.contains("Nơi nhận:") && text.contains("T/M CHI BỘ"));
}
}

/// `count` sentences of a report's or plan's prose, so that generated parts differ in height.
fn sentences(count: usize) -> String {
    vec![
        "Cán bộ, đảng viên nhận thức rõ hơn trách nhiệm thực hiện mô hình, tự giác, không hình thức.";
        count
    ]
    .join(" ")
}

/// Asserts that no page of `pdf` ends with a head: one of `heads` (a table's caption or
/// header row, a heading) or a line without lower case letters (a fact's label, the
/// criterion's number: they print in capitals), its table or text going on the next page.
fn assert_no_head_ends_a_page(pdf: &Path, heads: &[String]) {
    let pages = pdf_page_lines(pdf);
    assert!(pages.len() >= 5, "only {} pages: too few page ends to try", pages.len());
    for (n, page) in pages.iter().enumerate() {
        let last = page.last().map_or("", String::as_str);
        let label = last.chars().any(char::is_alphabetic) && !last.chars().any(char::is_lowercase);
        assert!(!label && !heads.iter().any(|h| h == last), "page {} ends with `{last}`:\n{}", n + 1, page.join("\n"));
    }
}

tool_test! {
/// Printed forms 03 and 01 never end a page with a table's caption or header row, a heading
/// or a fact's label: a report of many models whose tables start at many heights of their
/// pages, and a plan whose measures are many steps, each with a table.
fn printed_forms_keep_heads_with_what_they_introduce() needs ["chromium", "pdfinfo"] {
    let site = TempSite::minimal();
    let template = site.read("content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md");
    let mut heads: Vec<String> = [
        "I. Kết quả từng mô hình",
        "Số liệu kết quả so với trước khi thực hiện và mục tiêu",
        "Chỉ số Đơn vị tính Trước khi thực hiện Kỳ này Mục tiêu",
        "Tiến độ thực hiện",
        "Thời gian Công việc",
        "Chỉ số đo hiệu quả",
        "Chỉ số Đơn vị tính Trước khi thực hiện Mục tiêu",
        "Nơi có thể nhân rộng",
        "Đơn vị, nơi áp dụng Điểm tương đồng",
        "Thời hạn Công việc Người thực hiện",
    ]
    .map(String::from)
    .to_vec();
    // The report: after its two models, 18 more, each assessed in 1 to 3 sentences a field,
    // with 1 to 4 sentences of highlights and a table of 1 or 2 rows.
    let mut entries = String::new();
    for k in 1..=18 {
        let (id, title) = (format!("mh-in-thu-{k}"), format!("Mô hình in thử số {k}"));
        let model = template
            .replace("id: mh-mot-cua-than-thien", &format!("id: {id}"))
            .replace("Bộ phận một cửa thân thiện, tận tụy phục vụ Nhân dân", &title);
        site.write(&format!("content/mo-hinh/so-tai-chinh/{id}.md"), &model);
        let said = sentences(1 + k * 7 % 3);
        let second = if k % 3 == 0 { "      - indicator: hai-long\n        value: 91\n" } else { "" };
        entries.push_str(&format!(
            "  - model: {id}\n    progress: dung_tien_do\n    assessment:\n      awareness: \"{said}\"\n      attitude: \"{said}\"\n      action: \"{said}\"\n    values:\n      - indicator: dung-hen\n        value: 97.2\n{second}    highlights: \"{}\"\n",
            sentences(1 + k * 5 % 4)
        ));
        heads.push(format!("{}. {title}", k + 2));
    }
    let report_path = "content/bao-cao/bc-db-so-tai-chinh-2022-ca-nam.md";
    let report = site.read(report_path).replacen("\n---\n", &format!("\n{entries}---\n"), 1);
    site.write(report_path, &report);
    // The plan: its measures in 24 steps, each a heading, 1 to 3 sentences and a table.
    let mut steps = String::from("## 3. Biện pháp triển khai\n\n");
    for k in 1..=24 {
        steps.push_str(&format!(
            "### Bước {k}\n\n{}\n\n| Thời hạn | Công việc | Người thực hiện |\n|---|---|---|\n| Tuần {k} | Rà soát, cập nhật quy trình | Văn phòng |\n| Tuần {} | Sơ kết, rút kinh nghiệm | Chi ủy |\n\n",
            sentences(1 + k * 7 % 3),
            k + 1
        ));
        heads.push(format!("Bước {k}"));
    }
    let plan = template.replacen("## 3. Biện pháp triển khai\n\n", &steps, 1);
    site.write("content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md", &plan);
    let out = site.dir.join("print");
    build_for_print(&site.dir, &out);
    for page in ["bao-cao/bc-db-so-tai-chinh-2022-ca-nam", "mo-hinh/mh-mot-cua-than-thien"] {
        let (pdf, _) = print_file(&out.join(page).join("index.html"));
        assert_no_head_ends_a_page(&pdf, &heads);
    }
}
}
