use super::*;

fn published(markdown: &str, base_path: &str) -> Body {
    Body::read(markdown.to_owned(), 1, Reading::Publish { base_path })
}

fn html(markdown: &str, base_path: &str) -> String {
    published(markdown, base_path).html
}

#[test]
fn finds_h2_sections_with_lines_and_lengths() {
    let body = Body::new(
        "Mở đầu\n\n## 1. Nội dung học tập Bác\n\nHọc tập.\n\n### Chi tiết\nabc\n## 2. Sự cần thiết\n".into(),
        10,
    );
    let titles: Vec<_> = body.sections.iter().map(|s| (s.title.as_str(), s.line)).collect();
    assert_eq!(titles, [("1. Nội dung học tập Bác", 12), ("2. Sự cần thiết", 18)]);
    assert_eq!(body.sections[0].length, "Họctập.###Chitiếtabc".chars().count());
    assert_eq!(body.sections[1].length, 0);
    assert_eq!(body.text_of(&body.sections[0]), "\nHọc tập.\n\n### Chi tiết\nabc\n");
    // Read for the checker only: no HTML, no text.
    assert!(body.html.is_empty() && body.text.is_empty() && body.blocks.is_empty());
}

#[test]
fn keeps_top_level_headings_of_other_levels_with_their_lines() {
    let body = Body::new("Tiêu đề\n===\n\n### 4. Hiệu **quả**\n\n- ### trong danh sách\n\n## 5. Mục\n".into(), 3);
    let other: Vec<_> = body.other_headings.iter().map(|h| (h.level, h.title.as_str(), h.line)).collect();
    assert_eq!(other, [(1, "Tiêu đề", 3), (3, "4. Hiệu quả", 6)]);
    assert_eq!(body.sections.len(), 1);
    let mut body = body;
    body.release_markdown();
    assert!(body.other_headings.is_empty());
}

#[test]
fn non_space_length_matches_char_is_whitespace() {
    let samples = [
        "",
        "a b\tc\n",
        "Học tập\u{a0}và\u{2003}làm\u{3000}theo\u{85}Bác\u{202f}!",
        "\u{1680}x\u{2029}\u{205f}y\u{b}",
        "\u{a0}",
        "ạ\u{a0}",
        "Ꮪ\u{1680}ᚁ",
        "“Học” – tập\u{2003}theo…",
        "ế\u{1680}ệ “Bác” \u{a0}",
        "Ú\u{a0}",
        &"ạ ".repeat(300),
    ];
    // Every character up to the ideographic space, so each lead byte meets every follower.
    let every: String = (0..=0x3100).filter_map(char::from_u32).collect();
    for text in samples.into_iter().chain([every.as_str()]) {
        assert_eq!(non_space_len(text), text.chars().filter(|c| !c.is_whitespace()).count(), "{text:?}");
    }
}

#[test]
fn headings_inside_code_blocks_quotes_and_lists_are_not_sections() {
    for markdown in ["```\n## không phải\n```\n", "> ## trích dẫn\n", "- ## trong danh sách\n"] {
        let body = published(markdown, "/");
        assert!(body.sections.is_empty(), "{markdown}");
        assert_eq!(body.intro_html(), body.html, "{markdown}");
    }
}

#[test]
fn one_pass_splits_html_and_text_at_the_sections() {
    let body = published(
        "Mở đầu *nghiêng*.\n\n## 1. Nội dung\n\nLàm **theo** Bác,\n*ngay*.\n\n- một\n- hai\n\n## 2. Sự cần thiết\n\n| a | b |\n|---|---|\n| c | d |\n",
        "/",
    );
    assert_eq!(body.intro_html(), "<p>Mở đầu <em>nghiêng</em>.</p>\n");
    let [first, second] = &body.sections[..] else { panic!("{:?}", body.sections) };
    assert_eq!(&body.html[first.heading_html.clone()], "<h2>1. Nội dung</h2>\n");
    assert_eq!(
        body.html_of(first),
        "<p>Làm <strong>theo</strong> Bác,\n<em>ngay</em>.</p>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n"
    );
    assert!(body.html_of(second).starts_with("<table>") && body.html.ends_with(body.html_of(second)));
    assert_eq!(body.text, "Mở đầu nghiêng.\n1. Nội dung\nLàm theo Bác, ngay.\nmột\nhai\n2. Sự cần thiết\na b\nc d");
    let blocks = |section| body.blocks_of(section).collect::<Vec<_>>();
    assert_eq!(blocks(None).len(), 8);
    assert_eq!(
        blocks(Some(first)),
        [(BlockKind::Text, "Làm theo Bác, ngay."), (BlockKind::Item, "một"), (BlockKind::Item, "hai")]
    );
    assert_eq!(blocks(Some(second)), [(BlockKind::Text, "a b"), (BlockKind::Text, "c d")]);
    assert_eq!(body.intro_blocks, 0..1);
}

#[test]
fn plain_text_keeps_words_and_drops_markup() {
    let body = published("## 1. Nội dung\n\nLàm **theo** [Bác](https://x.vn) <b>đậm</b> `mã`\n\n- một\n  - hai\n", "/");
    assert_eq!(body.text, "1. Nội dung\nLàm theo Bác đậm mã\nmột\nhai");
    assert_eq!(body.blocks[0].kind, BlockKind::Heading);
}

#[test]
fn plain_text_puts_one_block_a_line() {
    let body =
        published("## Tiêu đề\n\nLàm **theo** Bác,\n*ngay*.\n\n| a | b |\n|---|---|\n| c | d |\n\n- một\n- hai\n", "/");
    assert_eq!(body.text, "Tiêu đề\nLàm theo Bác, ngay.\na b\nc d\nmột\nhai");
}

#[test]
fn raw_html_is_shown_as_text() {
    let html = html("Xin <b>chào</b>\n\n<script>alert(1)</script>\n", "/");
    assert!(html.contains("Xin &lt;b&gt;chào&lt;/b&gt;"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
}

#[test]
fn control_characters_written_in_the_body_are_left_out_of_the_html() {
    let body = "Học\u{1} tập\u{7f} `mã\u{85}` và <b\u{8}>làm theo</b>\u{FFFF}\tnhé\n";
    assert_eq!(html(body, "/"), "<p>Học tập <code>mã</code> và &lt;b&gt;làm theo&lt;/b&gt;\tnhé</p>\n");
}

#[test]
fn dangerous_link_schemes_become_hash() {
    for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java%09script:x", "vbscript:x", "data:text/html,x"] {
        let html = html(&format!("[x]({bad}) ![y]({bad})"), "/");
        assert!(html.contains("<a href=\"#\">") && html.contains("<img src=\"#\""), "{bad}: {html}");
    }
    let html = html("[x](<java\tscript:alert(1)>)", "/");
    assert!(html.contains("href=\"#\""), "{html}");
}

#[test]
fn safe_links_are_kept_and_site_links_get_the_base_path() {
    let html = html(
        "[a](https://x.vn/a?b=1) [b](mailto:a@b.vn) [c](tel:+84123) [d](../khac/) [e](/mo-hinh/x/) [f](#muc)",
        "/sub/",
    );
    for href in ["https://x.vn/a?b=1", "mailto:a@b.vn", "tel:+84123", "../khac/", "/sub/mo-hinh/x/", "#muc"] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}: {html}");
    }
}

#[test]
fn headings_are_demoted_and_the_intro_stops_at_the_first_section() {
    assert_eq!(html("# Tựa\n", "/"), "<h2>Tựa</h2>\n");
    let body = published("Mở đầu.\n\n## 1. Nội dung\n\nChữ.\n", "/");
    assert_eq!(body.intro_html(), "<p>Mở đầu.</p>\n");
    let only = published("Chỉ có mở đầu.\n", "/");
    assert_eq!(only.intro_html(), "<p>Chỉ có mở đầu.</p>\n");
    assert_eq!(only.intro_blocks, 0..1);
}

#[test]
fn markup_is_what_the_html_rule_reads_in_body_order() {
    let markdown = "a < b\n\n<div>\n<p>x</p>\n</div>\n\n[x](javascript:y) [z](/ok/) `<code>` <i>n</i>\n";
    let body = Body::new(markdown.into(), 1);
    let html = |lines: &[(usize, &str)]| Markup::Html(lines.iter().map(|(o, t)| (*o, (*t).to_owned())).collect());
    let link = markdown.find("[x]").unwrap();
    assert_eq!(
        body.markup,
        [
            Markup::Text(0..5),
            html(&[(7, "<div>\n"), (13, "<p>x</p>\n"), (22, "</div>\n")]),
            Markup::Link { offset: link, destination: "javascript:y".into() },
            html(&[(markdown.find("<i>").unwrap(), "<i>")]),
            html(&[(markdown.find("</i>").unwrap(), "</i>")]),
        ]
    );
}
