//! `guong init`: a new site that checks clean and builds; never over an existing folder.

mod common;

use common::{TempSite, diagnostics, guong};

#[test]
fn init_creates_a_site_that_checks_clean_and_builds() {
    let parent = TempSite::empty();
    let dir = parent.dir.join("trang-moi");
    let dir_arg = dir.to_str().unwrap();
    let run = guong(&["init", dir_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [
        "site.yml",
        "content/danh-muc.yml",
        "content/to-chuc.yml",
        "content/trang/gioi-thieu.md",
        ".github/workflows/check.yml",
        ".github/workflows/publish.yml",
        ".github/actions/guong/action.yml",
        ".github/CODEOWNERS",
        ".gitlab-ci.yml",
        ".gitignore",
    ] {
        assert!(dir.join(file).is_file(), "missing {file}");
    }
    let check = guong(&["--root", dir_arg, "check", "--format", "json"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_eq!(diagnostics(&check), [], "the sample must check without errors or warnings");
    let output = parent.dir.join("public");
    let build = guong(&["--root", dir_arg, "build", "--output", output.to_str().unwrap()]);
    assert_eq!(build.code, 0, "{}{}", build.stdout, build.stderr);
    let home = std::fs::read_to_string(output.join("index.html")).unwrap();
    assert!(home.contains("Mô hình, điển hình học tập và làm theo Bác"));
    assert!(output.join("mo-hinh/mh-mot-cua-tan-tinh/index.html").is_file());
}

#[test]
fn the_new_site_yml_offers_the_place_printed_before_form_dates() {
    let site = TempSite::empty();
    let root = site.dir.to_str().unwrap();
    assert_eq!(guong(&["init", root]).code, 0);
    let config = site.read("site.yml");
    assert!(config.contains("\n# place: \"Tuy Hòa\"\n"), "{config}");
    let output = site.dir.join("public");
    let form01 = || {
        let build = guong(&["--root", root, "build", "--output", output.to_str().unwrap()]);
        assert_eq!(build.code, 0, "{}", build.stderr);
        std::fs::read_to_string(output.join("mo-hinh/mh-mot-cua-tan-tinh/index.html")).unwrap()
    };
    assert!(!form01().contains("Tuy Hòa, ngày"), "no place until the editor writes one");
    site.write("site.yml", &config.replace("# place: \"Tuy Hòa\"", "place: \"Tuy Hòa\""));
    assert!(form01().contains("Tuy Hòa, ngày"), "the uncommented place is printed before the date");
}

#[test]
fn init_accepts_an_empty_folder() {
    let site = TempSite::empty();
    let run = guong(&["init", site.dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.dir.join("content/mo-hinh/so-giao-duc/mh-van-phong-tiet-kiem.md").is_file());
}

#[test]
fn init_refuses_a_folder_with_content() {
    let site = TempSite::empty();
    site.write("ghi-chu.txt", "đã có");
    let run = guong(&["init", site.dir.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("đã có nội dung"), "{}", run.stderr);
    assert!(!site.dir.join("site.yml").exists());
    assert_eq!(site.read("ghi-chu.txt"), "đã có");
}

#[test]
fn new_model_in_the_new_site_goes_beside_its_unit_models() {
    let site = TempSite::empty();
    assert_eq!(guong(&["init", site.dir.to_str().unwrap()]).code, 0);
    let run = site.run(&["new", "model", "--org", "cb-van-phong-so", "--title", "Sổ tay dân vận khéo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "content/mo-hinh/so-giao-duc/so-tay-dan-van-kheo.md");
}
