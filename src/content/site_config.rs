//! `site.yml`: the site's title, address, publishing switches and the browser editor (`cms:`).

mod address;
mod explain;

pub use address::{is_base_address, is_file_address, is_web_address};
use serde::{Deserialize, Serialize};

/// Settings of the published site.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    /// Absolute address of the site, possibly with a sub-path; always ends with `/`.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Địa danh: the place written before the date of printed forms ("Tuy Hòa, ngày …").
    #[serde(default)]
    pub place: Option<String>,
    /// Nơi nhận mặc định: the recipients of printed forms 01 and 03 (and their Word files)
    /// when a report lists none, and always of form 01; empty: SPEC §8.3's default.
    #[serde(default, deserialize_with = "recipient_list")]
    pub recipients: Vec<String>,
    /// Repository address shown in the footer.
    #[serde(default)]
    pub repo_url: Option<String>,
    /// Prefix of "Sửa trang này" links; the file path relative to the site root is appended.
    #[serde(default)]
    pub edit_url: Option<String>,
    #[serde(default = "yes")]
    pub publish_reports: bool,
    #[serde(default = "yes")]
    pub publish_compliance: bool,
    /// Cards per gallery page.
    #[serde(default = "default_per_page")]
    pub per_page: usize,
    /// The browser editor (Decap CMS at `/admin/`, SPEC §8.5); absent: no `/admin/`.
    #[serde(default)]
    pub cms: Option<CmsConfig>,
}

/// The Git host Decap CMS saves to.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CmsBackend {
    Github,
    Gitlab,
}

impl CmsBackend {
    /// The backend name Decap CMS knows it by.
    pub fn name(self) -> &'static str {
        match self {
            CmsBackend::Github => "github",
            CmsBackend::Gitlab => "gitlab",
        }
    }
}

/// `site.yml` `cms:`: where the browser editor saves and which Decap CMS bundle it loads.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CmsConfig {
    pub backend: CmsBackend,
    /// `owner/name` of the repository.
    pub repo: String,
    #[serde(default = "default_branch")]
    pub branch: String,
    /// Each save becomes a pull request (Decap's `editorial_workflow` publish mode).
    #[serde(default = "yes")]
    pub editorial_workflow: bool,
    /// The Decap CMS 3 bundle; default: the pinned official one ([`DECAP_SCRIPT_URL`]).
    #[serde(default)]
    pub script_url: Option<String>,
    /// Its Subresource Integrity hash; default: the pinned bundle's when `script_url` is
    /// absent, none otherwise.
    #[serde(default)]
    pub script_integrity: Option<String>,
    /// Where uploaded images and files go, relative to the site root; published from
    /// `static/` at the same path below it.
    #[serde(default = "default_media_folder")]
    pub media_folder: String,
    /// Set by `guong serve` on loopback (never read from `site.yml`): the CMS saves through
    /// the local backend of `guong serve` instead of the Git host.
    #[serde(skip)]
    pub local_backend: bool,
}

/// The pinned official Decap CMS bundle (the same version as `package.json`'s `decap-cms`).
pub const DECAP_SCRIPT_URL: &str = "https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js";

/// The Subresource Integrity hash of [`DECAP_SCRIPT_URL`].
pub const DECAP_SCRIPT_INTEGRITY: &str = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

impl CmsConfig {
    /// The bundle to load and its integrity hash, if known.
    pub fn script(&self) -> (&str, Option<&str>) {
        match &self.script_url {
            Some(url) => (url, self.script_integrity.as_deref()),
            None => (DECAP_SCRIPT_URL, Some(self.script_integrity.as_deref().unwrap_or(DECAP_SCRIPT_INTEGRITY))),
        }
    }

    /// The address of the media folder on the published site, below the base path: the
    /// part after `static/` (`static/tep` → `tep`).
    pub fn public_media(&self) -> &str {
        self.media_folder.strip_prefix("static/").unwrap_or(&self.media_folder)
    }
}

fn default_branch() -> String {
    "main".to_owned()
}

/// Where uploads go when `cms.media_folder` is not set.
pub const DEFAULT_MEDIA_FOLDER: &str = "static/tep";

fn default_media_folder() -> String {
    DEFAULT_MEDIA_FOLDER.to_owned()
}

fn default_base_url() -> String {
    "/".to_owned()
}

fn default_language() -> String {
    "vi".to_owned()
}

fn yes() -> bool {
    true
}

fn default_per_page() -> usize {
    24
}

impl SiteConfig {
    /// Parses `site.yml`; the error names the problem in Vietnamese.
    pub fn parse(text: &str) -> Result<SiteConfig, String> {
        let mut config: SiteConfig = serde_saphyr::from_str(text).map_err(|e| explain::explain(&e))?;
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        if config.per_page == 0 {
            return Err("site.yml không hợp lệ: `per_page` phải lớn hơn 0".to_owned());
        }
        if let Some(cms) = &config.cms {
            cms.validate()?;
        }
        check_recipients(&config.recipients)?;
        config.check_addresses(text)?;
        Ok(config)
    }

    /// `base_url`, `repo_url` and `edit_url` are web addresses (`base_url` may also be a
    /// path from the server's root); the error points at the value in `text`.
    fn check_addresses(&self, text: &str) -> Result<(), String> {
        let urls = [
            ("base_url", Some(&self.base_url), is_base_address as fn(&str) -> bool),
            ("repo_url", self.repo_url.as_ref(), is_web_address),
            ("edit_url", self.edit_url.as_ref(), is_web_address),
        ];
        for (key, url, accepted) in urls {
            let Some(url) = url.filter(|url| !accepted(url)) else { continue };
            let at =
                address::value_position(text, key).map_or(String::new(), |(line, column)| format!(":{line}:{column}"));
            return Err(format!("site.yml{at}: {}", address_error(key, url)));
        }
        Ok(())
    }

    /// The path part of `base_url` (`/` or `/sub/path/`), prefixed to every internal link.
    pub fn base_path(&self) -> String {
        let without_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, rest)| rest);
        let path = without_scheme.find('/').map_or("/", |i| &without_scheme[i..]);
        if path.ends_with('/') { path.to_owned() } else { format!("{path}/") }
    }
}

/// The longest line of `recipients`, in characters.
pub const MAX_RECIPIENT: usize = 300;

/// `recipients` as a list of text, or an error saying so in Vietnamese.
fn recipient_list<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Vec::<String>::deserialize(deserializer).map_err(|_| {
        serde::de::Error::custom(
            "`recipients` (Nơi nhận mặc định) phải là một danh sách chữ, mỗi mục một nơi nhận, \
             ví dụ [\"Ban Tuyên giáo và Dân vận Tỉnh ủy,\", \"Lưu.\"]",
        )
    })
}

/// `recipients`: each line some text of at most [`MAX_RECIPIENT`] characters.
fn check_recipients(recipients: &[String]) -> Result<(), String> {
    for (i, line) in recipients.iter().enumerate() {
        let length = crate::content::schema::text_len(line);
        if length == 0 {
            return Err(format!("site.yml không hợp lệ: `recipients` dòng {} để trống", i + 1));
        }
        if length > MAX_RECIPIENT {
            return Err(format!(
                "site.yml không hợp lệ: `recipients` dòng {} dài {length} ký tự, tối đa {MAX_RECIPIENT}",
                i + 1
            ));
        }
    }
    Ok(())
}

/// Why `url` cannot be the value of `key` (`base_url`, `repo_url`, `edit_url`, or the
/// `--base-url` flag).
pub fn address_error(key: &str, url: &str) -> String {
    let root_path = match key {
        "base_url" => " hoặc một đường dẫn bắt đầu bằng `/`, không có `?` hay `#`",
        "--base-url" => ", `file:///` hoặc một đường dẫn bắt đầu bằng `/`, không có `?` hay `#`",
        _ => "",
    };
    format!(
        "`{key}` phải là địa chỉ web bắt đầu bằng http:// hoặc https://{root_path}, không phải `{}`",
        url.escape_debug()
    )
}

impl CmsConfig {
    fn validate(&self) -> Result<(), String> {
        let repo_part = |part: &str| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        };
        if !self.repo.split_once('/').is_some_and(|(owner, name)| repo_part(owner) && name.split('/').all(repo_part)) {
            return Err(format!(
                "site.yml không hợp lệ: `cms.repo` phải có dạng `chủ-sở-hữu/tên-kho`, không phải `{}`",
                self.repo
            ));
        }
        if let Some(url) = self.script_url.as_deref().filter(|url| !address::is_script_address(url)) {
            return Err(format!(
                "site.yml không hợp lệ: `cms.script_url` phải là địa chỉ bắt đầu bằng https:// (hoặc http:// \
                 của chính máy này) hoặc đường dẫn bắt đầu bằng `/` (tệp đặt trong static/), không phải `{}`",
                url.escape_debug()
            ));
        }
        let media = self.media_folder.trim_end_matches('/');
        if !crate::source::is_safe_relative(media)
            || media.split('/').any(|part| part.starts_with('.'))
            || !media.starts_with("static/")
        {
            return Err(format!(
                "site.yml không hợp lệ: `cms.media_folder` phải là một thư mục con của static/ (ví dụ static/tep), không phải `{}`",
                self.media_folder
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_defaults_and_sub_path() {
        let config = SiteConfig::parse("title: Thử\nbase_url: https://example.org/mo-hinh\n").unwrap();
        assert_eq!(config.base_url, "https://example.org/mo-hinh/");
        assert_eq!(config.base_path(), "/mo-hinh/");
        assert!(config.publish_reports && config.publish_compliance);
        assert!(SiteConfig::parse("title: Thử\ntitel: x\n").is_err());
        assert_eq!(config.cms, None);
    }

    #[test]
    fn reads_the_cms_settings_with_their_defaults() {
        let config = SiteConfig::parse("title: Thử\ncms:\n  backend: github\n  repo: btg/mo-hinh\n").unwrap();
        let cms = config.cms.unwrap();
        assert_eq!((cms.backend, cms.repo.as_str(), cms.branch.as_str()), (CmsBackend::Github, "btg/mo-hinh", "main"));
        assert!(cms.editorial_workflow && !cms.local_backend);
        assert_eq!(cms.script(), (DECAP_SCRIPT_URL, Some(DECAP_SCRIPT_INTEGRITY)));
        assert_eq!((cms.media_folder.as_str(), cms.public_media()), ("static/tep", "tep"));

        let text = "title: T\ncms: {backend: gitlab, repo: a/b, branch: xuat-ban, editorial_workflow: false, script_url: /d.js}\n";
        let cms = SiteConfig::parse(text).unwrap().cms.unwrap();
        assert_eq!((cms.backend.name(), cms.branch.as_str(), cms.editorial_workflow), ("gitlab", "xuat-ban", false));
        assert_eq!(cms.script(), ("/d.js", None));
        let names: Vec<&str> = crate::content::vocab::CMS_BACKENDS.iter().map(|(code, _)| *code).collect();
        assert_eq!(
            names,
            [CmsBackend::Github.name(), CmsBackend::Gitlab.name()],
            "the schema's codes are the ones read"
        );
    }

    #[test]
    fn refuses_a_bad_cms_section() {
        for cms in [
            "{backend: bitbucket, repo: a/b}",
            "{backend: github}",
            "{backend: github, repo: khong-co-gach}",
            "{backend: github, repo: a/b, media_folder: ../ngoai}",
            "{backend: github, repo: a/b, media_folder: content}",
            "{backend: github, repo: a/b, media_folder: static/.an}",
            "{backend: github, repo: a/b, local_backend: true}",
        ] {
            assert!(SiteConfig::parse(&format!("title: T\ncms: {cms}\n")).is_err(), "{cms}");
        }
    }

    #[test]
    fn the_cms_script_comes_over_https_or_from_the_site_itself() {
        let script = |url: &str| {
            SiteConfig::parse(&format!("title: T\ncms: {{backend: github, repo: a/b, script_url: '{url}'}}\n"))
        };
        for url in [
            "https://cdn.example.org/decap-cms.js",
            "HTTPS://cdn.example.org/d.js",
            "/decap/decap-cms.js",
            "http://127.0.0.1:8080/decap-cms.js",
            "http://localhost/d.js",
        ] {
            assert_eq!(script(url).unwrap().cms.unwrap().script_url.as_deref(), Some(url));
        }
        for url in [
            "data:text/javascript,alert(document.domain)",
            "javascript:alert(1)",
            "http://cdn.example.org/d.js",
            "http://localhost.evil.example/d.js",
            "http://127.0.0.1.evil.example/d.js",
            "//evil.example/d.js",
            "decap.js",
            "https://a.org/d.js\" onload=\"x",
        ] {
            let message = script(&url.replace('\'', "''")).unwrap_err();
            assert!(message.contains("`cms.script_url` phải là địa chỉ bắt đầu bằng https://"), "{url}: {message}");
        }
    }

    #[test]
    fn reads_the_default_recipients_and_refuses_empty_or_long_lines() {
        assert!(SiteConfig::parse("title: T\n").unwrap().recipients.is_empty());
        let config = SiteConfig::parse("title: T\nrecipients:\n  - Ban Tuyên giáo và Dân vận Tỉnh ủy,\n  - Lưu.\n");
        assert_eq!(config.unwrap().recipients, ["Ban Tuyên giáo và Dân vận Tỉnh ủy,", "Lưu."]);
        let long = "x".repeat(MAX_RECIPIENT + 1);
        for (yaml, error) in [
            ("recipients: [\"Lưu.\", \"  \"]", "`recipients` dòng 2 để trống"),
            (&format!("recipients: [{long}]"), "`recipients` dòng 1 dài 301 ký tự, tối đa 300"),
            ("recipients: Lưu.", "`recipients` (Nơi nhận mặc định) phải là một danh sách"),
            ("recipients: [Lưu., [a]]", "`recipients` (Nơi nhận mặc định) phải là một danh sách"),
        ] {
            let message = SiteConfig::parse(&format!("title: T\n{yaml}\n")).unwrap_err();
            assert!(message.contains(error), "{message}");
        }
    }

    #[test]
    fn the_site_form_declares_exactly_the_keys_read_here() {
        let config = serde_json::to_value(SiteConfig::parse("title: Thử\n").unwrap()).unwrap();
        let mut read: Vec<&str> = config.as_object().unwrap().keys().map(String::as_str).collect();
        let mut declared: Vec<&str> = crate::content::forms::SITE.iter().map(|field| field.key).collect();
        read.sort_unstable();
        declared.sort_unstable();
        assert_eq!(read, declared, "site.yml: keep forms::SITE (docs/content.md) in step with SiteConfig");
    }
}
