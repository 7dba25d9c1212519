//! `guong build` writes the search index under `/tim-kiem/` and the gallery loads the search
//! script: checked with the real binary on the search fixture (`tests/sites/search`, a site
//! with a sub-path base).

mod common;

use std::collections::BTreeMap;

use common::{TempSite, copy_dir, fixture};

fn site() -> TempSite {
    let site = TempSite::empty();
    copy_dir(&fixture("search"), &site.dir);
    site
}

fn build(site: &TempSite, output: &str, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let out = site.dir.join(output);
    let mut args = vec!["build", "--output", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = site.run(&args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    common::snapshot(&out)
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files.get(path).unwrap_or_else(|| panic!("{path} is written")).clone()).unwrap()
}

fn json(files: &BTreeMap<String, Vec<u8>>, path: &str) -> serde_json::Value {
    serde_json::from_str(&text(files, path)).unwrap()
}

fn index(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<&str, &Vec<u8>> {
    files.iter().filter(|(p, _)| p.starts_with("tim-kiem/")).map(|(p, b)| (p.as_str(), b)).collect()
}

#[test]
fn build_writes_the_index_of_every_model_in_gallery_order() {
    let site = site();
    let files = build(&site, "public", &[]);
    let meta = json(&files, "tim-kiem/meta.json");
    assert_eq!(meta["n"], 6, "retired models are indexed too (the script hides them)");
    for path in
        ["tim-kiem/facets.json", "tim-kiem/shards/s-.json", "tim-kiem/exact/s-.json", "tim-kiem/bigrams/s-tiet_.json"]
    {
        assert!(files.contains_key(path), "{path}");
    }
    let docs = json(&files, "tim-kiem/docs/0.json");
    let ids: Vec<&str> = docs.as_array().unwrap().iter().map(|d| d[0].as_str().unwrap()).collect();
    // Vietnamese title order, as the gallery lists them: "Dân" < "Đoàn" < "Hộp" < "Lương" < "Thầy" < "Văn".
    assert_eq!(
        ids,
        [
            "mh-dan-van-kheo",
            "mh-giu-gin-tai-san",
            "mh-hop-thu-gop-y",
            "mh-luong-y-nhu-tu-mau",
            "mh-dan-dat-hoc-sinh",
            "mh-van-phong-xanh"
        ]
    );
    assert_eq!(docs[5][1], "Văn phòng xanh của Phòng Kiểm tra");
    assert_eq!(docs[5][2], "Chi bộ Phòng Kiểm tra thuế");
    let facets = json(&files, "tim-kiem/facets.json");
    let keys: Vec<&str> = facets["f"].as_array().unwrap().iter().map(|f| f["k"].as_str().unwrap()).collect();
    assert_eq!(
        keys,
        [
            "giai-doan",
            "nam",
            "don-vi",
            "linh-vuc",
            "nhom",
            "cach-thuc",
            "chu-the",
            "trang-thai",
            "chuyen-de",
            "danh-gia"
        ]
    );
    // "Giai đoạn" (SPEC §8.1): the period ids with their names; no `periods` here, so the default one.
    assert_eq!(facets["f"][0]["l"], "Giai đoạn");
    assert_eq!(facets["f"][0]["v"], serde_json::json!([["2021-2025", "Giai đoạn 2021–2025"]]));
}

#[test]
fn index_paths_are_built_from_numbers_and_folded_prefixes_only() {
    let site = site();
    let files = build(&site, "public", &[]);
    for path in index(&files).keys() {
        let name = path.trim_start_matches("tim-kiem/");
        let safe = match name.split_once('/') {
            None => ["meta.json", "facets.json"].contains(&name),
            Some(("docs", file)) => file.strip_suffix(".json").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())),
            Some(("shards" | "exact" | "bigrams", file)) => file.strip_suffix(".json").is_some_and(|stem| {
                stem.strip_prefix("s-")
                    .is_some_and(|k| k.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'))
                    || stem.strip_prefix("h-").is_some_and(|k| k.bytes().all(|b| b.is_ascii_hexdigit()))
            }),
            _ => false,
        };
        assert!(safe, "{path}");
    }
}

#[test]
fn two_builds_write_the_same_index() {
    let site = site();
    let first = build(&site, "a", &[]);
    let second = build(&site, "b", &[]);
    assert_eq!(index(&first), index(&second));
    assert!(index(&first).len() > 6);
}

#[test]
fn gallery_pages_carry_the_search_form_and_script_under_the_base_path() {
    let site = site();
    let files = build(&site, "public", &[]);
    let script = files.keys().find(|p| p.starts_with("search.") && p.ends_with(".js")).expect("hashed search script");
    for page in ["mo-hinh/index.html", "mo-hinh/trang-2/index.html"] {
        let html = text(&files, page);
        assert!(html.contains(&format!("<script src=\"/mo-hinh-dien-hinh/{script}\" defer></script>")), "{page}");
        assert!(html.contains("<form id=\"tim-kiem\" class=\"search\" role=\"search\""), "{page}");
        assert!(html.contains("data-index=\"/mo-hinh-dien-hinh/tim-kiem/\""), "{page}");
        assert!(html.contains("<label for=\"tim-kiem-q\">Tìm mô hình</label>"), "{page}");
        assert!(html.contains("<input type=\"search\" id=\"tim-kiem-q\" name=\"q\""), "{page}");
        assert!(html.contains("role=\"status\" aria-live=\"polite\""), "{page}");
    }
    for page in ["index.html", "mo-hinh/mh-van-phong-xanh/index.html", "don-vi/index.html"] {
        assert!(!text(&files, page).contains("search."), "no search script on {page}");
    }
}

#[test]
fn base_url_flag_moves_the_index_address() {
    let site = site();
    let files = build(&site, "public", &["--base-url", "https://example.net/khac/"]);
    assert!(text(&files, "mo-hinh/index.html").contains("data-index=\"/khac/tim-kiem/\" data-base=\"/khac/\""));
}

#[test]
fn every_page_has_a_favicon_and_link_previews_with_the_sites_image() {
    let site = site();
    let files = build(&site, "public", &[]);
    for path in ["favicon.svg", "favicon.ico", "apple-touch-icon.png", "og-image.png"] {
        assert!(files.contains_key(path), "{path} is written");
    }
    assert_eq!(&files["og-image.png"][1..4], b"PNG");
    let pages: Vec<&String> = files.keys().filter(|p| p.ends_with(".html")).collect();
    assert!(pages.len() > 20);
    for page in pages {
        let html = text(&files, page);
        assert!(
            html.contains(r#"<link rel="icon" href="/mo-hinh-dien-hinh/favicon.svg" type="image/svg+xml">"#),
            "{page}"
        );
        // Other sites read the image: an absolute address under base_url's sub-path.
        for tag in [
            r#"<meta property="og:image" content="https://example.org/mo-hinh-dien-hinh/og-image.png">"#,
            r#"<meta name="twitter:image" content="https://example.org/mo-hinh-dien-hinh/og-image.png">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            r#"<meta property="og:site_name" content="Tìm kiếm mô hình (thử nghiệm)">"#,
        ] {
            assert!(html.contains(tag), "{page}: {tag}");
        }
        for key in ["og:title", "og:description", "og:url"] {
            assert!(html.contains(&format!(r#"<meta property="{key}" content=""#)), "{page}: {key}");
        }
    }
    // A model page previews its title and summary.
    let model = text(&files, "mo-hinh/mh-dan-van-kheo/index.html");
    assert!(model.contains(r#"<meta property="og:title" content="Dân vận khéo ở khu dân cư">"#));
    assert!(model.contains(r#"<meta property="og:description" content="Làm theo lời Bác trong bài Dân vận: gần gũi"#));
    assert!(model.contains(
        r#"<meta property="og:url" content="https://example.org/mo-hinh-dien-hinh/mo-hinh/mh-dan-van-kheo/">"#
    ));
}

#[test]
fn card_summaries_are_cut_at_a_word_boundary() {
    let site = site();
    let path = "content/mo-hinh/mh-dan-van-kheo.md";
    let long = "Làm theo lời Bác trong bài Dân vận: gần gũi, lắng nghe phụ huynh và bà con khu dân cư quanh trường, \
                mỗi giáo viên chủ nhiệm nhận một việc cụ thể, thăm hỏi từng gia đình học sinh, ghi chép ý kiến và \
                cùng nhà trường giải quyết dứt điểm trong tháng.";
    let source = site.read(path);
    let start = source.find("  summary: \"").unwrap();
    let end = start + source[start..].find('\n').unwrap();
    site.write(path, &format!("{}  summary: \"{long}\"{}", &source[..start], &source[end..]));
    let files = build(&site, "public", &[]);
    let gallery = text(&files, "mo-hinh/index.html");
    let card = &gallery[gallery.find(r#"data-id="mh-dan-van-kheo""#).unwrap()..];
    let summary = &card[card.find(r#"<p class="card-summary">"#).unwrap() + 24..];
    let summary = &summary[..summary.find("</p>").unwrap()];
    let cut = summary.strip_suffix('…').expect("cut with an ellipsis");
    assert!(cut.chars().count() <= 200, "{summary}");
    assert!(
        long.starts_with(cut) && long[cut.len()..].starts_with([' ', ',', ';', ':']),
        "ends with a whole word: {summary}"
    );
}
