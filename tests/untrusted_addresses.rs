//! `site.yml` comes from pull requests like the content: an address that is not a web
//! address (`javascript:`, `data:`, a protocol-relative `//host`) would land in every page's
//! links, so check and build refuse it and point at the value.

mod common;

use common::TempSite;

#[test]
fn script_addresses_in_site_yml_are_refused_at_their_position() {
    let cases = [
        ("edit_url: \"javascript:alert(document.cookie)//\"\n", "site.yml:4:11: `edit_url`"),
        ("repo_url:  data:text/html,x\n", "site.yml:4:12: `repo_url`"),
        ("base_url: //evil.example/\n", "site.yml:2:11: `base_url`"),
        // Every link is written after the base address: a query or fragment breaks them all.
        ("base_url: \"https://e.org/?q=1#f\"\n", "site.yml:2:11: `base_url`"),
    ];
    for (line, expected) in cases {
        let site = TempSite::minimal();
        let key = &line[..8];
        let config = site.read("site.yml");
        let config = if key == "base_url" {
            config.replace("base_url: \"https://example.org/\"\n", line)
        } else {
            format!("{config}{line}")
        };
        site.write("site.yml", &config);
        for command in ["check", "build"] {
            let run = site.run(&[command]);
            assert_eq!(run.code, 2, "{command} {line}: {}{}", run.stdout, run.stderr);
            assert!(run.stderr.contains(expected), "{command} {line}: {}", run.stderr);
            assert!(run.stderr.contains("phải là địa chỉ web bắt đầu bằng http:// hoặc https://"), "{}", run.stderr);
        }
        assert!(!site.dir.join("public").exists());
    }
}

#[test]
fn web_and_root_addresses_are_accepted_and_the_base_url_flag_is_checked_too() {
    let site = TempSite::minimal();
    let config = site.read("site.yml").replace("https://example.org/", "/mo-hinh-dien-hinh/");
    site.write("site.yml", &format!("{config}edit_url: https://github.com/btg/mo-hinh/edit/main/\n"));
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(site.read("public/index.html").contains("href=\"/mo-hinh-dien-hinh/mo-hinh/\""));

    let run = site.run(&["build", "--base-url", "javascript:alert(1)"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("`--base-url` phải là địa chỉ web"), "{}", run.stderr);
}
