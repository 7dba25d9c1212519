//! The addresses of `site.yml` (`base_url`, `repo_url`, `edit_url`, `cms.script_url`) land
//! in every page's links, so a pull request that sets one to `javascript:…` would run in
//! readers' browsers: only web addresses (`http://`, `https://`) are accepted, for `base_url`
//! also a path from the server's root (`/mo-hinh/`), and for the CMS script only what a
//! network cannot change on the way (see [`is_script_address`]).

/// Whether `url` is an `http(s)://` address with a host and nothing that could leave the
/// attribute it is written in.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let host = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    host.is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '[')) && is_plain(url)
}

/// Whether `url` is a web address or a path from the server's root (`/`, `/mo-hinh/`; not
/// the protocol-relative `//host/`), without a query or fragment (every link of the site
/// is written after it).
pub fn is_base_address(url: &str) -> bool {
    (is_web_address(url) || is_root_path(url)) && !url.contains(['?', '#'])
}

/// Whether `url` is a path from the server's root (not the protocol-relative `//host/`).
fn is_root_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\") && is_plain(url)
}

/// Whether `url` may be the address of the CMS script (`cms.script_url`), which runs on the
/// site's own origin: an `https://` address, an `http://` one on this machine (a copy served
/// while trying the editor), or a path from the server's root (a copy under `static/`); never
/// `data:`, `javascript:` or `http://` from another host, which anyone on the way could change.
pub fn is_script_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let secure = lower.starts_with("https://");
    let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|host| lower.strip_prefix(host).is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/'])));
    ((secure || local) && is_web_address(url)) || is_root_path(url)
}

/// Whether `url` is a `file:///` address: accepted from the command line (`--base-url`, to
/// print the built pages from disk), never from `site.yml`.
pub fn is_file_address(url: &str) -> bool {
    url.get(..8).is_some_and(|scheme| scheme.eq_ignore_ascii_case("file:///")) && is_plain(url)
}

/// No spaces, control characters, backslashes, quotes or angle brackets.
fn is_plain(url: &str) -> bool {
    !url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '\\' | '"' | '\'' | '<' | '>' | '`'))
}

/// The 1-based line and column of the value of top-level `key` in `text` (block style), if
/// written there.
pub fn value_position(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let after = line.strip_prefix(key)?.trim_start_matches([' ', '\t']).strip_prefix(':')?;
        let value = after.trim_start_matches([' ', '\t']);
        Some((i + 1, line[..line.len() - value.len()].chars().count() + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_accepted() {
        for url in
            ["https://example.org/", "HTTP://10.0.0.1:8080/x", "https://[::1]/", "https://github.com/a/b/edit/main/"]
        {
            assert!(is_web_address(url) && is_base_address(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " https://example.org/",
            "data:text/html,x",
            "vbscript:x",
            "https://",
            "https:///x",
            "//evil.example/",
            "ftp://example.org/",
            "https://example.org/\"onmouseover=x",
            "https://example.org/\nx",
            "",
        ] {
            assert!(!is_web_address(url) && !is_base_address(url), "{url:?}");
        }
        assert!(is_base_address("/") && is_base_address("/mo-hinh/"));
        assert!(!is_web_address("/mo-hinh/") && !is_base_address("/\\evil.example"));
        assert!(is_file_address("file:///tmp/in/") && !is_base_address("file:///tmp/in/"));
        assert!(!is_file_address("file://host/x") && !is_file_address("javascript:x"));
    }

    #[test]
    fn finds_where_a_value_is_written() {
        let text = "title: T\nedit_url:   \"javascript:x\"\nrepo_url: x\n";
        assert_eq!(value_position(text, "edit_url"), Some((2, 13)));
        assert_eq!(value_position(text, "repo_url"), Some((3, 11)));
        assert_eq!(value_position(text, "base_url"), None);
        assert_eq!(value_position("  edit_url: x\n", "edit_url"), None);
    }
}
