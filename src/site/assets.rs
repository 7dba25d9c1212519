//! Static files: stylesheets and scripts get their content hash in the name
//! (`style.3f9a1c2b.css`) so browsers can cache them forever; other files keep their names.

use std::collections::BTreeMap;

/// Extensions whose files are renamed with their content hash.
const HASHED: [&str; 3] = ["css", "js", "mjs"];

/// Files the theme makes from templates that a site may give as a static file instead: a
/// site owner puts their own `robots.txt` or `404.html` in `static/`.
const REPLACEABLE: [&str; 2] = ["robots.txt", "404.html"];

/// Where each static file goes and how templates address it.
pub struct Assets<'a> {
    /// Output path and contents of every static file.
    pub files: Vec<(String, &'a [u8])>,
    /// Source path (`style.css`) → address with base path (`/style.3f9a1c2b.css`).
    pub hrefs: BTreeMap<String, String>,
}

impl<'a> Assets<'a> {
    /// Names every static file; `base_path` is `/` or `/sub/path/`.
    pub fn new(statics: &'a BTreeMap<String, Vec<u8>>, base_path: &str) -> Assets<'a> {
        let mut files = Vec::with_capacity(statics.len());
        let mut hrefs = BTreeMap::new();
        for (path, bytes) in statics {
            let output = output_name(path, bytes);
            hrefs.insert(path.clone(), format!("{base_path}{output}"));
            files.push((output, bytes.as_slice()));
        }
        Assets { files, hrefs }
    }

    /// Whether a static file takes the place of the page the theme would make at `path`.
    pub fn replaces(&self, path: &str) -> bool {
        REPLACEABLE.contains(&path) && self.files.iter().any(|(file, _)| file == path)
    }
}

/// `css/style.css` → `css/style.<hash>.css` for hashed kinds; the path itself otherwise.
pub fn output_name(path: &str, bytes: &[u8]) -> String {
    let (folder, name) = path.rsplit_once('/').map_or(("", path), |(f, n)| (f, n));
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && HASHED.contains(&ext.to_ascii_lowercase().as_str()) => {
            let slash = if folder.is_empty() { "" } else { "/" };
            format!("{folder}{slash}{stem}.{}.{ext}", content_hash(bytes))
        }
        _ => path.to_owned(),
    }
}

/// Eight hex digits of the 64-bit FNV-1a hash of `bytes`: stable across runs and platforms.
pub fn content_hash(bytes: &[u8]) -> String {
    let hash =
        bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("{:08x}", (hash >> 32) ^ (hash & 0xffff_ffff))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_and_scripts_carry_their_hash() {
        let a = output_name("style.css", b"body{}");
        assert!(a.starts_with("style.") && a.ends_with(".css") && a.len() == "style..css".len() + 8, "{a}");
        assert_ne!(a, output_name("style.css", b"body{color:red}"));
        assert_eq!(a, output_name("style.css", b"body{}"));
        let b = output_name("js/tim-kiem.js", b"x");
        assert!(b.starts_with("js/tim-kiem.") && b.ends_with(".js"), "{b}");
        assert_eq!(output_name("img/logo.png", b"x"), "img/logo.png");
        assert_eq!(output_name(".css", b"x"), ".css");
    }

    #[test]
    fn templates_address_assets_under_the_base_path() {
        let statics = BTreeMap::from([("style.css".to_owned(), b"a".to_vec()), ("logo.svg".to_owned(), b"b".to_vec())]);
        let assets = Assets::new(&statics, "/sub/");
        assert_eq!(assets.hrefs["logo.svg"], "/sub/logo.svg");
        assert_eq!(assets.hrefs["style.css"], format!("/sub/{}", output_name("style.css", b"a")));
        assert_eq!(assets.files.len(), 2);
    }
}
