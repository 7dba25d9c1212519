//! From a request URL to a file of the built site, never outside it: the path is
//! percent-decoded, `.`/`..` segments, backslashes, colons and NULs are refused, and a folder
//! address serves its `index.html`.

/// A request path that passed the checks: its segments joined by `/`, without the leading
/// slash, and whether it named a folder (ended with `/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub path: String,
    pub folder: bool,
}

/// What a checked request path leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the site, by its path relative to the output.
    File(String),
    /// A folder asked for without its trailing slash: redirect there (to keep relative links
    /// right).
    AddSlash,
    /// Nothing there.
    Missing,
}

/// Checks and decodes the path part of the request target `url`; `None` for a path that
/// tries to leave the site (or cannot name a file).
pub fn parse(url: &str) -> Option<Wanted> {
    let raw = url.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(raw)?;
    let rest = decoded.strip_prefix('/')?;
    let mut segments = Vec::new();
    for segment in rest.split('/').filter(|s| !s.is_empty()) {
        if segment == "." || segment == ".." || segment.contains(['\\', '\0', ':']) {
            return None;
        }
        segments.push(segment);
    }
    Some(Wanted { path: segments.join("/"), folder: decoded.ends_with('/') || segments.is_empty() })
}

/// The file `wanted` reaches among the files for which `exists` holds.
pub fn locate(wanted: &Wanted, exists: impl Fn(&str) -> bool) -> Target {
    let index = if wanted.path.is_empty() { "index.html".to_owned() } else { format!("{}/index.html", wanted.path) };
    if wanted.folder {
        return if exists(&index) { Target::File(index) } else { Target::Missing };
    }
    if exists(&wanted.path) {
        Target::File(wanted.path.clone())
    } else if exists(&index) {
        Target::AddSlash
    } else {
        Target::Missing
    }
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: [&str; 4] = ["index.html", "mo-hinh/mh-a/index.html", "tim kiếm.json", "style.3f9a1c2b.css"];

    fn target(url: &str) -> Option<Target> {
        parse(url).map(|wanted| locate(&wanted, |p| FILES.contains(&p)))
    }

    #[test]
    fn serves_files_and_folder_indexes() {
        assert_eq!(target("/"), Some(Target::File("index.html".into())));
        assert_eq!(target("/?q=hoc+tap"), Some(Target::File("index.html".into())));
        assert_eq!(target("/mo-hinh/mh-a/"), Some(Target::File("mo-hinh/mh-a/index.html".into())));
        assert_eq!(target("//mo-hinh//mh-a/"), Some(Target::File("mo-hinh/mh-a/index.html".into())));
        assert_eq!(target("/mo-hinh/mh-a?q=1"), Some(Target::AddSlash));
        assert_eq!(target("/t%C3%ACm%20ki%E1%BA%BFm.json"), Some(Target::Missing));
        assert_eq!(target("/tim%20ki%E1%BA%BFm.json"), Some(Target::File("tim kiếm.json".into())));
        assert_eq!(target("/style.3f9a1c2b.css"), Some(Target::File("style.3f9a1c2b.css".into())));
        assert_eq!(target("/khong-co/"), Some(Target::Missing));
        assert_eq!(target("/index.html/"), Some(Target::Missing));
    }

    #[test]
    fn refuses_paths_leaving_the_site() {
        for url in [
            "/../site.yml",
            "/%2e%2e/site.yml",
            "/%2E%2E%2Fsite.yml",
            "/mo-hinh/..%5c..%5csite.yml",
            "/mo-hinh/./mh-a/",
            "/C:/Windows",
            "/a%00b",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(parse(url), None, "{url}");
        }
    }
}
