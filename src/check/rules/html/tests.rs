use super::*;

fn check(markdown: &str) -> Vec<(Code, usize, usize, String)> {
    let mut out = Vec::new();
    check_body("x.md", &Body::new(markdown.to_owned(), 10), &mut out);
    out.into_iter().map(|d| (d.code, d.line, d.column, d.message)).collect()
}

fn codes(markdown: &str) -> Vec<(Code, usize)> {
    check(markdown).into_iter().map(|(c, l, _, _)| (c, l)).collect()
}

#[test]
fn script_tags_are_unsafe_in_any_case_and_spacing() {
    for html in ["<script>alert(1)</script>", "<SCRIPT src=x>", "< script>", "<scr\u{0}ipt>", "<svg/onload=x>"] {
        let found = check(&format!("Đoạn văn.\n\n{html}\n"));
        assert_eq!(found[0].0, Code::PHtmlUnsafe, "{html}");
        assert_eq!(found[0].1, 12, "{html}");
    }
    assert!(check("a <b>đậm</b>\n")[0].3.contains("`<b>`"));
    assert!(check("<iframe src=x>\n")[0].3.ends_with("`<iframe`"));
}

#[test]
fn event_attributes_and_unsafe_urls_are_errors() {
    let found = check("Ảnh <img src=a.png onerror=\"x()\"> đây\n");
    assert_eq!(
        found,
        [(Code::PHtmlUnsafe, 10, 20, "Nội dung chứa mã HTML/JavaScript không được phép: `onerror=`".into())]
    );
    assert_eq!(codes("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>\n")[0], (Code::PHtmlUnsafe, 10));
    assert_eq!(codes("<a href=\"javascript&#58;x\">x</a>\n")[0], (Code::PHtmlUnsafe, 10));
    assert_eq!(codes("Xem [đây](javascript:alert(1)).\n"), [(Code::PHtmlUnsafe, 10)]);
    assert_eq!(codes("\n![ảnh](data:image/png;base64,AAA)\n"), [(Code::PHtmlUnsafe, 11)]);
    assert_eq!(codes("[a][r]\n\n[r]: VBScript:msgbox\n"), [(Code::PHtmlUnsafe, 10)]);
    assert_eq!(codes("<javascript:alert(1)>\n"), [(Code::PHtmlUnsafe, 10)]);
    assert!(
        codes("[trang](https://example.org/?q=javascript:) <abbr title=\"data: 5\">x</abbr>\n")
            .iter()
            .all(|(c, _)| *c == Code::PHtmlRaw)
    );
}

#[test]
fn plain_tags_warn_once_per_line_and_code_is_ignored() {
    assert_eq!(codes("a <b>x</b> <i>y</i>\n\n<!-- ghi chú -->\n"), [(Code::PHtmlRaw, 10), (Code::PHtmlRaw, 12)]);
    assert!(codes("`<script>` và\n\n```\n<script>alert(1)</script>\n```\n\n    <iframe>\n").is_empty());
    assert!(codes("2 < 3 và 5 > 4, [x](https://example.org)\n").is_empty());
}

#[test]
fn multi_line_html_blocks_point_at_the_offending_line() {
    let found = check("<div\n  class=\"a\"\n  onclick=\"x()\">\n</div>\n");
    assert_eq!(
        found.iter().map(|f| (f.0, f.1, f.2)).collect::<Vec<_>>(),
        [(Code::PHtmlUnsafe, 12, 3), (Code::PHtmlRaw, 13, 1)]
    );
    let found = check("<div>\n<p>a</p>\n<style>p{}</style>\n</div>\n");
    assert_eq!(
        found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
        [(Code::PHtmlUnsafe, 12), (Code::PHtmlRaw, 10), (Code::PHtmlRaw, 11), (Code::PHtmlRaw, 13)]
    );
}

#[test]
fn hostile_fragments_never_panic() {
    for html in [
        "<",
        "<a",
        "<a href=",
        "<a href='",
        "<a =x>",
        "<!",
        "<!--",
        "<?x",
        "<a &#xFFFFFFFF;>",
        "<ạ>",
        "<a b=\"&#99999999;\">",
    ] {
        check(html);
        check(&format!("x {html}"));
    }
    assert_eq!(decode_entities("a&#x3A;b&colon;c&#58;&amp;&"), "a:b:c:&amp;&");
    // Browsers decode numeric references without their `;`, with any number of zeros.
    assert_eq!(
        decode_entities("java&#115cript&#X3a&#0000058;&#;&#x;&#99999999999;"),
        "javascript::&#;&#x;&#99999999999;"
    );
    assert_eq!(codes("<a href=\"javascript&#58alert(1)\">x</a>\n")[0], (Code::PHtmlUnsafe, 10));
}

/// Attribute values made of nothing but the starts of references (a million bytes): each
/// `&` looks only at its own reference, never to the end of the value.
#[test]
fn references_are_decoded_in_one_pass() {
    for start in ["&", "&;", "&#", "&x"] {
        let value = start.repeat(1_000_000 / start.len());
        assert_eq!(decode_entities(&value), value);
    }
}

/// 100,000 tags with event attributes on one line and 110,000 raw tags on as many lines:
/// every finding gets its exact position in one pass (counting each from the body's start,
/// as before, would not finish within the test harness's patience).
#[test]
fn a_hostile_body_is_positioned_in_one_pass() {
    let tags: Vec<String> = (0..100_000).map(|i| format!("<b on{i}=x>")).collect();
    let found = check(&format!("Mở đầu\n{}\n", tags.concat()));
    assert_eq!(found.len(), 100_000);
    assert_eq!((found[0].1, found[0].2), (11, 4));
    let before_last: usize = tags[..99_999].iter().map(String::len).sum();
    let last = &found[99_999];
    assert_eq!(
        (last.1, last.2, last.3.as_str()),
        (11, before_last + 4, "Nội dung chứa mã HTML/JavaScript không được phép: `on99999=`")
    );

    let found = check(&"<b>x</b> đậm\n".repeat(110_000));
    assert_eq!(found.len(), 110_000, "one warning per line");
    assert!(found.iter().enumerate().all(|(i, f)| f.0 == Code::PHtmlRaw && f.1 == 10 + i && f.2 == 1));
}
