//! `guong build`: the output folder (atomic swap, no stale files, determinism, theme
//! overrides, refusal of dangerous folders) and exit codes, on the real binary.

mod common;

use std::fs;

use common::{TempSite, snapshot};

const MODEL: &str = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";

/// Names in the site root (to spot leftover staging folders).
fn root_entries(site: &TempSite) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(&site.dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_build_prints_one_summary_line() {
    let site = TempSite::minimal();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    let files = snapshot(&site.dir.join("public")).len();
    let pages = snapshot(&site.dir.join("public")).keys().filter(|p| p.ends_with(".html")).count();
    assert!(lines[0].starts_with(&format!("Đã dựng {pages} trang, {files} tệp vào public/ trong ")), "{}", lines[0]);
    assert!(lines[0].contains(" s"), "{}", lines[0]);
    let preview = format!(". Xem trước: `guong --root {} serve` rồi mở http://127.0.0.1:1111/", site.dir.display());
    assert!(lines[0].ends_with(&preview), "{}", lines[0]);
    assert!(run.stderr.is_empty(), "no progress bar off a terminal: {}", run.stderr);
}

#[test]
fn content_errors_stop_the_build_and_leave_the_previous_output_untouched() {
    let site = TempSite::minimal();
    assert_eq!(site.run(&["build"]).code, 0);
    let before = snapshot(&site.dir.join("public"));
    let text = site.read(MODEL).replace("org: db-so-tai-chinh", "org: khong-co-don-vi");
    site.write(MODEL, &text);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("[M-ORG-UNKNOWN]"), "diagnostics in human form on stderr: {}", run.stderr);
    assert!(run.stderr.contains("content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md:"), "{}", run.stderr);
    assert_eq!(snapshot(&site.dir.join("public")), before, "previous output changed");
    assert_eq!(root_entries(&site), [".public.guong-cache", "content", "public", "site.yml"]);
}

#[test]
fn a_site_with_errors_writes_nothing() {
    let site = TempSite::minimal();
    site.write("content/mo-hinh/hong.md", "không có phần khai báo\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("[P-FM-MISSING]"), "{}", run.stderr);
    assert_eq!(root_entries(&site), ["content", "site.yml"]);
}

#[test]
fn a_rebuild_leaves_no_stale_file_and_no_staging_folder() {
    let site = TempSite::minimal();
    assert_eq!(site.run(&["build"]).code, 0);
    assert!(site.dir.join("public/mo-hinh/mh-mot-cua-than-thien-cdc/index.html").is_file());
    fs::write(site.dir.join("public/rac.txt"), "tệp lạ").unwrap();
    site.remove("content/mo-hinh/mh-mot-cua-than-thien-cdc.md");
    // The removed model was named in a replication target and a report: drop those too.
    for report in ["content/bao-cao/bc-cb-cdc-2022-ca-nam.md", "content/bao-cao/bc-cb-cdc-2022-sau-thang.md"] {
        site.remove(report);
    }
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(!site.dir.join("public/mo-hinh/mh-mot-cua-than-thien-cdc").exists());
    assert!(!site.dir.join("public/bao-cao/bc-cb-cdc-2022-ca-nam").exists());
    assert!(!site.dir.join("public/rac.txt").exists());
    assert!(!site.read("public/mo-hinh/index.html").contains("mh-mot-cua-than-thien-cdc"));
    // The displaced output is kept, hidden and ignored by Git, as the next build's base.
    assert_eq!(root_entries(&site), [".public.guong-cache", ".public.guong-prev", "content", "public", "site.yml"]);
    assert_eq!(site.read(".public.guong-prev/.gitignore"), "*\n");
    assert!(site.dir.join(".public.guong-prev/rac.txt").is_file());
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TempSite::minimal();
    assert_eq!(site.run(&["build", "--output", "mot"]).code, 0);
    assert_eq!(site.run(&["build", "--output", "hai"]).code, 0);
    let (one, two) = (snapshot(&site.dir.join("mot")), snapshot(&site.dir.join("hai")));
    assert!(one.len() > 20);
    assert_eq!(one.keys().collect::<Vec<_>>(), two.keys().collect::<Vec<_>>());
    for (path, bytes) in &one {
        assert!(bytes == &two[path], "{path} differs between builds");
    }
}

#[test]
fn an_absolute_output_folder_is_used_as_given() {
    let site = TempSite::minimal();
    let elsewhere = TempSite::empty();
    let target = elsewhere.dir.join("xuat/trang");
    let run = site.run(&["build", "--output", target.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(target.join("index.html").is_file());
    assert!(!site.dir.join("public").exists());
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let site = TempSite::minimal();
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>RIÊNG: {{ page.title }}</h1>{% endblock main %}",
    );
    site.write("templates/partials/cards.html", "{% component model_cards(cards, level=2) %}<ol class=\"the-rieng\">{% for c in cards %}<li>{{ c.title }}</li>{% endfor %}</ol>{% endcomponent model_cards %}");
    site.write("static/style.css", "body { color: #000; }\n");
    site.write_bytes("static/anh/logo.png", &[137, 80, 78, 71]);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(site.read("public/trang/gioi-thieu/index.html").contains("<h1>RIÊNG: Giới thiệu</h1>"));
    assert!(site.read("public/mo-hinh/index.html").contains("<ol class=\"the-rieng\"><li>"));
    assert_eq!(fs::read(site.dir.join("public/anh/logo.png")).unwrap(), [137, 80, 78, 71]);
    let files = snapshot(&site.dir.join("public"));
    let css: Vec<&String> = files.keys().filter(|p| p.ends_with(".css")).collect();
    assert_eq!(css.len(), 1, "{css:?}");
    assert_eq!(files[css[0]], b"body { color: #000; }\n");
    assert!(site.read("public/index.html").contains(&format!("href=\"/{}\"", css[0])));
    // Templates the site does not override still come from the default theme.
    assert!(site.read("public/don-vi/index.html").contains("<ul class=\"tree\">"));
}

#[test]
fn a_static_robots_txt_or_404_page_takes_the_place_of_the_themes() {
    let site = TempSite::minimal();
    site.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    site.write("static/404.html", "<!doctype html><title>Lạc đường</title>\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(site.read("public/robots.txt"), "User-agent: *\nDisallow: /\n");
    assert_eq!(site.read("public/404.html"), "<!doctype html><title>Lạc đường</title>\n");
    // Any other page of the theme stays the theme's: a static file there is refused.
    site.write("static/feed.xml", "<feed/>");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("hai nguồn cùng tạo tệp `feed.xml`"), "{}", run.stderr);
}

#[test]
fn a_broken_site_template_is_a_configuration_error() {
    let site = TempSite::minimal();
    assert_eq!(site.run(&["build"]).code, 0);
    let before = snapshot(&site.dir.join("public"));
    site.write("templates/page.html", "{% if %}");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("page.html"), "{}", run.stderr);
    assert_eq!(snapshot(&site.dir.join("public")), before);
}

#[test]
fn refuses_to_replace_folders_that_are_not_a_built_site() {
    let site = TempSite::minimal();
    site.write("tai-lieu/ghi-chu.txt", "quan trọng");
    for output in ["tai-lieu", "content", "."] {
        let run = site.run(&["build", "--output", output]);
        assert_eq!(run.code, 2, "{output}: {}\n{}", run.stdout, run.stderr);
    }
    assert_eq!(site.read("tai-lieu/ghi-chu.txt"), "quan trọng");
    assert!(site.dir.join(MODEL).is_file());
}

#[test]
fn a_write_failure_exits_3_and_keeps_nothing_half_written() {
    let site = TempSite::minimal();
    site.write("mot-tep", "không phải thư mục");
    let run = site.run(&["build", "--output", "mot-tep/public"]);
    assert_eq!(run.code, 3, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("lỗi đọc/ghi"), "{}", run.stderr);
    assert_eq!(root_entries(&site), ["content", "mot-tep", "site.yml"]);
}

#[test]
fn a_build_started_from_the_cached_previous_site_equals_a_fresh_build() {
    let site = TempSite::minimal();
    assert_eq!(site.run(&["build"]).code, 0);
    assert_eq!(site.run(&["build"]).code, 0);
    let text = site.read(MODEL).replace("title: \"", "title: \"Mới: ");
    site.write(MODEL, &text);
    site.write("public/rac.txt", "tệp lạ");
    assert_eq!(site.run(&["build"]).code, 0);
    assert_eq!(site.run(&["build", "--output", "moi"]).code, 0);
    let (cached, fresh) = (snapshot(&site.dir.join("public")), snapshot(&site.dir.join("moi")));
    assert!(cached.values().any(|bytes| String::from_utf8_lossy(bytes).contains("Mới: ")));
    assert_eq!(cached, fresh);
}

/// SPEC §8.5: `/admin/` exists only with `cms:` in site.yml, with the pinned Decap bundle,
/// the site's stylesheet for the preview and a configuration of every kind of file.
#[test]
fn the_cms_admin_is_built_only_with_a_cms_section() {
    let site = TempSite::minimal();
    assert_eq!(site.run(&["build", "--output", "public"]).code, 0);
    assert!(!site.dir.join("public/admin").exists(), "no cms: no /admin/");

    let settings = site.read("site.yml");
    site.write("site.yml", &format!("{settings}cms:\n  backend: github\n  repo: btg/mo-hinh\n"));
    let run = site.run(&["build", "--output", "public"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("public/admin/index.html");
    let script = format!(
        "<script src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        guong::content::site_config::DECAP_SCRIPT_URL,
        guong::content::site_config::DECAP_SCRIPT_INTEGRITY
    );
    assert!(page.contains(&script), "{page}");
    let stylesheet = page.split("data-stylesheet=\"/").nth(1).and_then(|s| s.split('"').next()).unwrap();
    assert!(stylesheet.starts_with("style.") && site.dir.join("public").join(stylesheet).is_file(), "{stylesheet}");
    assert!(page.contains("data-local-backend=\"false\""));

    let config: serde_json::Value = serde_saphyr::from_str(&site.read("public/admin/config.yml")).unwrap();
    assert_eq!(config["backend"], serde_json::json!({"name": "github", "repo": "btg/mo-hinh", "branch": "main"}));
    assert_eq!(config["publish_mode"], "editorial_workflow");
    assert!(config.get("local_backend").is_none(), "a published site saves to the Git host");
    let collections: Vec<_> = config["collections"].as_array().unwrap().iter().map(|c| c["name"].clone()).collect();
    assert_eq!(collections, ["mo-hinh", "bao-cao", "danh-gia", "trang", "danh-muc", "to-chuc"]);
    assert_eq!(config["collections"][5]["files"][0]["file"], "content/to-chuc.yml");
    let evaluations = &config["collections"][2];
    assert_eq!(evaluations["folder"], "content/danh-gia");
    // Previews open the published address: an evaluation is an entry of /danh-gia/.
    assert_eq!(evaluations["preview_path"], "danh-gia/#{{fields.id}}");
    assert_eq!(config["collections"][0]["preview_path"], "mo-hinh/{{fields.id}}/");
    let model = evaluations["fields"].as_array().unwrap().iter().find(|f| f["name"] == "model").unwrap();
    assert_eq!(model["widget"], "relation", "{model:?}");
    assert_eq!(model["collection"], "mo-hinh");
    let result = evaluations["fields"].as_array().unwrap().iter().find(|f| f["name"] == "result").unwrap();
    assert_eq!(result["widget"], "select", "{result:?}");

    site.write(
        "site.yml",
        &format!("{settings}cms:\n  backend: github\n  repo: btg/mo-hinh\n  editorial_workflow: false\n"),
    );
    assert_eq!(site.run(&["build", "--output", "public"]).code, 0);
    assert!(!site.read("public/admin/config.yml").contains("publish_mode"));
    site.write("site.yml", &settings);
    assert_eq!(site.run(&["build", "--output", "public"]).code, 0);
    assert!(!site.dir.join("public/admin").exists(), "removing cms: removes /admin/");
}

/// Characters that show nowhere and that XML forbids: written as YAML escapes in a title,
/// they are P-YAML where the value stands; written as they are in a body, the page, the Word
/// files and every XML file of the site leave them out.
#[test]
fn characters_xml_forbids_never_reach_the_feed_the_sitemap_or_a_word_file() {
    let site = TempSite::minimal();
    let path = "content/mo-hinh/so-tai-chinh/mh-mot-cua-than-thien.md";
    let original = site.read(path);
    let escaped = original.replacen("title: \"Bộ phận một cửa", "title: \"Bộ\\x01 phận\\uFFFE một cửa", 1);
    site.write(path, &escaped);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains(&format!("{path}:4:8")) && run.stdout.contains("P-YAML"), "{}", run.stdout);
    assert!(run.stdout.contains("ký tự điều khiển U+0001"), "{}", run.stdout);

    let body = original.replacen(
        "## 2. Sự cần thiết\n",
        "## 2. Sự cần thiết\n\nĐoạn có ký tự \u{1} lạ \u{fffe} và \u{b} giữa dòng.\n",
        1,
    );
    assert_ne!(body, original);
    site.write(path, &body);
    assert_eq!(site.run(&["build"]).code, 0);
    let mut xml_files = 0;
    for (file, bytes) in snapshot(&site.dir.join("public")) {
        let texts = if file.ends_with(".xml") {
            vec![String::from_utf8(bytes).unwrap()]
        } else if file.ends_with(".docx") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            (0..zip.len()).map(|i| std::io::read_to_string(zip.by_index(i).unwrap()).unwrap_or_default()).collect()
        } else {
            continue;
        };
        xml_files += 1;
        for text in texts {
            let bad =
                text.chars().find(|&c| (c.is_control() && !"\t\n\r".contains(c)) || c == '\u{FFFE}' || c == '\u{FFFF}');
            assert_eq!(bad, None, "{file}");
        }
    }
    assert!(xml_files > 3, "the feed, the sitemap and Word files were read");
    let plan = site.dir.join("public/mo-hinh/mh-mot-cua-than-thien");
    let word =
        fs::read_dir(&plan).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().is_some_and(|e| e == "docx"));
    let word = fs::read(word.expect("the model's Word plan")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(word)).unwrap();
    let document = std::io::read_to_string(zip.by_name("word/document.xml").unwrap()).unwrap();
    assert!(document.contains("Đoạn có ký tự  lạ  và  giữa dòng."), "the body is kept without its controls");
    let page = site.read("public/mo-hinh/mh-mot-cua-than-thien/index.html");
    assert!(page.contains("<p>Đoạn có ký tự  lạ  và  giữa dòng.</p>"), "the page leaves them out too");
}
