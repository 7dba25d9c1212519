//! `guong new`: the files it writes hold only placeholders `check` reports as F-PLACEHOLDER.

mod common;

use common::{TempSite, diagnostics};

/// Diagnostics of `check --format json` on one path, as (severity, code, line).
fn findings_on(site: &TempSite, path: &str) -> Vec<(String, String, u64)> {
    let run = site.run(&["check", "--format", "json"]);
    diagnostics(&run).into_iter().filter(|d| d.2 == path).map(|(s, c, _, l)| (s, c, l)).collect()
}

fn only_placeholders(findings: &[(String, String, u64)]) {
    assert!(!findings.is_empty(), "a new file must still need filling");
    for (severity, code, line) in findings {
        assert_eq!((severity.as_str(), code.as_str()), ("error", "F-PLACEHOLDER"), "line {line}: {findings:?}");
    }
}

#[test]
fn new_model_of_a_unit_closed_before_the_period_names_the_unit_that_carries_on() {
    let site = TempSite::minimal();
    let registry = site.read("content/to-chuc.yml")
        + "  - id: cb-phong-ke-hoach\n    kind: chi_bo_truc_thuoc\n    name: \"Chi bộ Phòng Kế hoạch\"\n    \
           parent: db-so-tai-chinh\n    active_to: 2020-06-30\n    successor: cb-phong-ngan-sach\n\
           \x20 - id: cb-phong-cu\n    kind: chi_bo_truc_thuoc\n    name: \"Chi bộ Phòng Cũ\"\n    \
           parent: db-so-tai-chinh\n    active_to: 2020-06-30\n";
    site.write("content/to-chuc.yml", &registry);
    let merged = site.run(&["new", "model", "--org", "cb-phong-ke-hoach", "--title", "Mô hình thử một"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    assert_eq!(
        merged.stderr.lines().next().unwrap(),
        "Lưu ý: Chi bộ Phòng Kế hoạch (`cb-phong-ke-hoach`) đã kết thúc hoạt động ngày 30/06/2020; mô hình bắt \
         đầu sau ngày đó cần ghi `org: cb-phong-ngan-sach` (Chi bộ Phòng Ngân sách, đơn vị tiếp nhận), nếu không \
         `guong check` báo M-ORG-INACTIVE."
    );
    // The file says it too, beside `org`.
    let text = site.read(merged.stdout.trim());
    assert!(
        text.contains(
            "org: cb-phong-ke-hoach  # Chi bộ Phòng Kế hoạch, đã kết thúc hoạt động ngày 30/06/2020: mô hình bắt \
             đầu sau đó ghi cb-phong-ngan-sach\n"
        ),
        "{text}"
    );
    let closed = site.run(&["new", "model", "--org", "cb-phong-cu", "--title", "Mô hình thử hai"]);
    assert!(
        closed.stderr.starts_with("Lưu ý: Chi bộ Phòng Cũ (`cb-phong-cu`) đã kết thúc hoạt động ngày 30/06/2020")
            && closed.stderr.contains("cần ghi một đơn vị đang hoạt động"),
        "{}",
        closed.stderr
    );
}

#[test]
fn new_model_is_placed_with_its_base_unit_and_reports_only_placeholders() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "model", "--org", "cb-phong-ngan-sach", "--title", "Đổi mới lề lối làm việc"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = run.stdout.trim();
    assert_eq!(path, "content/mo-hinh/so-tai-chinh/doi-moi-le-loi-lam-viec.md");
    // People are told where the file is from where they stand, and what to run next.
    let root = site.dir.display();
    assert_eq!(
        run.stderr.trim(),
        format!(
            "Đã tạo `{root}/{path}`. Tiếp theo: mở tệp, điền các chỗ «Cần điền…», rồi chạy \
             `guong --root {root} check` (hoặc `guong --root {root} serve` để xem trước)."
        )
    );
    let text = site.read(path);
    assert!(text.starts_with("---\n"));
    for line in [
        "type: mo_hinh",
        "id: doi-moi-le-loi-lam-viec",
        "title: \"Đổi mới lề lối làm việc\"",
        "org: cb-phong-ngan-sach",
    ] {
        assert!(text.lines().any(|l| l.starts_with(line)), "missing `{line}`");
    }
    for section in [
        "## 1. Nội dung học tập Bác",
        "## 2. Sự cần thiết",
        "## 3. Biện pháp",
        "## 4. Hiệu quả",
        "## 5. Tính khả thi nhân rộng",
    ] {
        assert!(text.contains(section), "missing {section}");
    }
    let findings = findings_on(&site, path);
    only_placeholders(&findings);
    let line_of = |key: &str| text.lines().position(|l| l.trim_start().starts_with(key)).unwrap() as u64 + 1;
    for key in ["group:", "approach:", "start:", "summary:", "similarity:", "«Cần điền: vì sao"] {
        assert!(findings.iter().any(|f| f.2 == line_of(key)), "no F-PLACEHOLDER on `{key}`");
    }
}

#[test]
fn same_title_twice_gets_a_numeric_suffix() {
    let site = TempSite::minimal();
    let args = ["new", "model", "--org", "cb-cdc", "--title", "Một cửa thân thiện"];
    let runs = [site.run(&args), site.run(&args), site.run(&args)];
    let paths: Vec<&str> = runs.iter().map(|run| run.stdout.trim()).collect();
    assert!(runs.iter().all(|run| run.code == 0), "{paths:?}");
    assert_eq!(
        paths,
        [
            "content/mo-hinh/mot-cua-than-thien.md",
            "content/mo-hinh/mot-cua-than-thien-2.md",
            "content/mo-hinh/mot-cua-than-thien-3.md"
        ]
    );
}

#[test]
fn unknown_or_root_unit_is_a_usage_error() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "model", "--org", "cb-phong-ngan-sac", "--title", "Mô hình thử"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("có phải `cb-phong-ngan-sach`?"), "{}", run.stderr);
    // The unit's name, or its id in capitals, given instead of the id.
    for org in ["Chi bộ Phòng Ngân sách", "chi bo phong ngan sach", "CB-PHONG-NGAN-SACH"] {
        let run = site.run(&["new", "model", "--org", org, "--title", "Mô hình thử"]);
        assert_eq!(run.code, 2, "{org}");
        assert!(run.stderr.contains("có phải `cb-phong-ngan-sach`?"), "{org}: {}", run.stderr);
    }
    let run = site.run(&["new", "model", "--org", "dang-bo-khoi", "--title", "Mô hình thử"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    let run = site.run(&["new", "model", "--org", "cb-cdc", "--title", "Ngắn"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
}

#[test]
fn new_report_lists_the_active_models_of_the_subtree() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "report", "--org", "db-so-tai-chinh", "--year", "2023", "--period", "sau_thang"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = run.stdout.trim();
    assert_eq!(path, "content/bao-cao/bc-db-so-tai-chinh-2023-sau-thang.md");
    let text = site.read(path);
    for line in ["type: bao_cao", "org: db-so-tai-chinh", "year: 2023", "period: sau_thang"] {
        assert!(text.lines().any(|l| l.starts_with(line)), "missing `{line}`:\n{text}");
    }
    assert!(text.contains("- model: mh-mot-cua-than-thien\n"), "{text}");
    assert!(text.contains("- model: mh-tiet-kiem-chi-thuong-xuyen\n"), "{text}");
    assert!(!text.contains("mh-mot-cua-than-thien-cdc"), "a model of another base unit is listed");
    assert!(text.contains("# number: \"…-BC/ĐU\"") && text.contains("T/M ĐẢNG ỦY"), "{text}");
    only_placeholders(&findings_on(&site, path));
}

#[test]
fn new_report_lists_the_models_its_unit_carries_on_for_a_unit_merged_into_it() {
    let site = TempSite::minimal();
    // Chi bộ CDC, a base unit of its own, merged into a chi bộ of Đảng bộ Sở Tài chính on
    // 31/03/2023; its model runs on.
    let registry = site.read("content/to-chuc.yml").replace(
        "    sector: y_te\n",
        "    sector: y_te\n    active_to: 2023-03-31\n    successor: cb-phong-ngan-sach\n",
    );
    site.write("content/to-chuc.yml", &registry);
    let inherited = "- model: mh-mot-cua-than-thien-cdc\n";
    site.remove("content/bao-cao/bc-db-so-tai-chinh-2022-sau-thang.md");
    for (year, period, listed) in [("2023", "sau_thang", true), ("2022", "sau_thang", false)] {
        let run = site.run(&["new", "report", "--org", "db-so-tai-chinh", "--year", year, "--period", period]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let path = run.stdout.trim();
        let text = site.read(path);
        assert_eq!(text.contains(inherited), listed, "{year} {period}:\n{text}");
        assert!(text.contains("- model: mh-mot-cua-than-thien\n"), "{text}");
        only_placeholders(&findings_on(&site, path));
    }
}

#[test]
fn new_report_and_model_of_a_chi_bo_suggest_its_suffix_and_signature() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "report", "--org", "cb-cdc", "--year", "2023", "--period", "ca_nam"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read(run.stdout.trim());
    assert!(text.contains("# number: \"…-BC/CB\"") && text.contains("T/M CHI BỘ"), "{text}");
    assert!(!text.contains("ĐU") && !text.contains("Đảng ủy,"), "{text}");
    let run = site.run(&["new", "model", "--org", "cb-phong-ngan-sach", "--title", "Mô hình thử nghiệm"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = run.stdout.trim().to_owned();
    let text = site.read(&path);
    assert!(text.contains("#   number: \"…-KH/CB\"") && text.contains("T/M CHI BỘ"), "{text}");
    only_placeholders(&findings_on(&site, &path));
}

#[test]
fn new_report_hints_the_default_recipients_of_the_site() {
    let site = TempSite::minimal();
    let args = ["new", "report", "--org", "cb-cdc", "--year", "2023", "--period", "ca_nam"];
    let run = site.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read(run.stdout.trim());
    let hint = "# recipients:  # Nơi nhận; bỏ trống thì in danh sách mặc định:\n\
                #   - \"Ban Tuyên giáo Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh,\"\n#   - \"Lưu.\"\n";
    assert!(text.contains(hint), "{text}");

    site.remove(run.stdout.trim());
    let config = site.read("site.yml");
    site.write("site.yml", &format!("{config}recipients:\n  - \"Ban Tuyên giáo và Dân vận Tỉnh ủy,\"\n  - Lưu.\n"));
    let run = site.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read(run.stdout.trim());
    let hint = "# recipients:  # Nơi nhận; bỏ trống thì in danh sách mặc định (site.yml `recipients`):\n\
                #   - \"Ban Tuyên giáo và Dân vận Tỉnh ủy,\"\n#   - \"Lưu.\"\n";
    assert!(text.contains(hint), "{text}");
    only_placeholders(&findings_on(&site, run.stdout.trim()));
}

#[test]
fn report_refuses_sub_units_bad_periods_and_existing_reports() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "report", "--org", "cb-phong-ngan-sach", "--year", "2023", "--period", "ca_nam"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("db-so-tai-chinh"), "{}", run.stderr);
    let run = site.run(&["new", "report", "--org", "cb-cdc", "--year", "2023", "--period", "quy"]);
    assert_eq!(run.code, 2);
    let run = site.run(&["new", "report", "--org", "cb-cdc", "--year", "2022", "--period", "ca-nam"]);
    assert_eq!(run.code, 2, "an existing report must not be overwritten: {}", run.stdout);
    let before = site.read("content/bao-cao/bc-cb-cdc-2022-ca-nam.md");
    assert_eq!(
        before,
        std::fs::read_to_string(common::fixture("minimal").join("content/bao-cao/bc-cb-cdc-2022-ca-nam.md")).unwrap()
    );
}

#[test]
fn new_page_reports_only_placeholders() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "page", "--title", "Hướng dẫn đăng ký mô hình"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = run.stdout.trim();
    assert_eq!(path, "content/trang/huong-dan-dang-ky-mo-hinh.md");
    assert!(site.read(path).contains("type: trang\ntitle: \"Hướng dẫn đăng ký mô hình\"\n"));
    only_placeholders(&findings_on(&site, path));
}

#[test]
fn new_needs_a_site() {
    let site = TempSite::empty();
    let run = site.run(&["new", "page", "--title", "Giới thiệu"]);
    assert_eq!(run.code, 2);
}

#[test]
fn a_report_of_a_year_no_period_covers_is_refused_until_the_period_is_configured() {
    let site = TempSite::minimal();
    let args = ["new", "report", "--org", "cb-cdc", "--year", "2026", "--period", "sau_thang"];
    let run = site.run(&args);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("năm 2026 không thuộc giai đoạn nào"), "{}", run.stderr);
    site.set_periods(&common::two_periods());
    let run = site.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "content/bao-cao/bc-cb-cdc-2026-sau-thang.md");
    let text = site.read(run.stdout.trim());
    assert!(text.contains("year: 2026\n") && text.contains("ví dụ 2026-06-30"), "{text}");
}

#[test]
fn new_model_names_the_current_period() {
    let site = TempSite::minimal();
    let run = site.run(&["new", "model", "--org", "cb-cdc", "--title", "Sổ tay dân vận khéo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read(run.stdout.trim());
    assert!(
        text.contains("start: \"«Cần điền: ngày bắt đầu, trong giai đoạn 2021–2025 (01/01/2021 – 31/12/2025)»\""),
        "{text}"
    );
    assert!(text.contains("# end: 2025-12-31"), "{text}");
    assert!(text.contains("previous_model:"), "{text}");
}
