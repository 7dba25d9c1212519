//! `site.yml`: the site's title, address and publishing switches.

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
        let mut config: SiteConfig = serde_saphyr::from_str(text).map_err(|e| format!("site.yml không hợp lệ: {e}"))?;
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        if config.per_page == 0 {
            return Err("site.yml không hợp lệ: `per_page` phải lớn hơn 0".to_owned());
        }
        Ok(config)
    }

    /// The path part of `base_url` (`/` or `/sub/path/`), prefixed to every internal link.
    pub fn base_path(&self) -> String {
        let without_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, rest)| rest);
        let path = without_scheme.find('/').map_or("/", |i| &without_scheme[i..]);
        if path.ends_with('/') { path.to_owned() } else { format!("{path}/") }
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
