//! The Tera environment: templates compiled once, shared by every page render (in parallel),
//! with the site as global context, the `asset()` and `asset_url()` functions for hashed
//! static files (address under the base path, absolute address) and the `excerpt(length=…)`
//! filter (text cut at a word boundary).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::parse::controls::without_xml_forbidden;
use crate::render::context::{PageMeta, SiteInfo};
use crate::render::excerpt::excerpt;
use crate::site::fingerprint::{Fingerprint, Hasher};

/// A template that failed to compile or render, with Tera's report (template, line, column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    pub message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}

impl RenderError {
    fn from_tera(what: &str, error: &tera::Error) -> RenderError {
        let mut message = format!("{what}: {error}");
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            message.push_str(&format!("\n  do: {cause}"));
            source = cause.source();
        }
        RenderError { message }
    }
}

/// Compiled templates, ready to render pages from any thread.
pub struct Renderer {
    tera: Tera,
    /// The fingerprint of what every page sees: templates, `site` and asset addresses
    /// (`None` when they cannot be serialized: then no page has a fingerprint).
    seen_by_all: Option<Fingerprint>,
}

impl Renderer {
    /// Compiles `templates` (name → source) with `site` as the global `site` variable and
    /// `assets` (static path → address with hash) behind the `asset(path=…)` function.
    pub fn new(
        templates: &BTreeMap<String, String>,
        site: &SiteInfo,
        assets: BTreeMap<String, String>,
    ) -> Result<Renderer, RenderError> {
        let mut tera = Tera::new();
        let seen_by_all = Fingerprint::of(&[b"theme"], &(templates, site, &assets)).ok();
        let assets = Arc::new(assets);
        let href = {
            let assets = Arc::clone(&assets);
            move |kwargs: &Kwargs| -> tera::TeraResult<String> {
                let path: &str = kwargs.must_get("path")?;
                assets
                    .get(path)
                    .cloned()
                    .ok_or_else(|| tera::Error::message(format!("không có tệp tĩnh `{path}` trong static/")))
            }
        };
        let (base, base_url) = (site.base.clone(), site.base_url.clone());
        let absolute = href.clone();
        tera.register_function("asset", move |kwargs: Kwargs, _: &State| href(&kwargs));
        // The absolute address (from `base_url`), for what other sites read: Open Graph images.
        tera.register_function("asset_url", move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let href = absolute(&kwargs)?;
            Ok(format!("{base_url}{}", href.strip_prefix(base.as_str()).unwrap_or(&href)))
        });
        tera.register_filter("excerpt", |text: &str, kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            Ok(excerpt(text, kwargs.get::<usize>("length")?.unwrap_or(200)))
        });
        let value = Value::try_from_serializable(site)
            .map_err(|e| RenderError::from_tera("không chuyển được thông tin trang", &e))?;
        tera.global_context().insert_value("site", value);
        tera.add_raw_templates(templates.iter().map(|(name, source)| (name.as_str(), source.as_str())))
            .map_err(|e| RenderError::from_tera("lỗi trong mẫu giao diện", &e))?;
        Ok(Renderer { tera, seen_by_all })
    }

    /// The fingerprint of the page `render` would make from the same arguments: what every
    /// page sees, the template's name and the serialized `meta` and `page`.
    pub fn fingerprint<T: Serialize + ?Sized>(&self, template: &str, meta: &PageMeta, page: &T) -> Option<Fingerprint> {
        let seen_by_all = self.seen_by_all?.to_hex();
        let mut hasher = Hasher::new(&[seen_by_all.as_bytes(), template.as_bytes()]);
        hasher.add(meta).ok()?;
        hasher.add(page).ok()?;
        Some(hasher.finish())
    }

    /// Whether a template of that name exists.
    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders `template` with `meta` and `page` as the variables of the same names.
    pub fn render<T: Serialize + ?Sized>(
        &self,
        template: &str,
        meta: &PageMeta,
        page: &T,
    ) -> Result<Vec<u8>, RenderError> {
        let what = || format!("không dựng được mẫu `{template}`");
        let failed = |e: tera::Error| RenderError::from_tera(&what(), &e);
        let mut context = Context::new();
        context.insert_value("meta", Value::try_from_serializable(meta).map_err(failed)?);
        context.insert_value("page", Value::try_from_serializable(page).map_err(failed)?);
        // Straight into bytes: the output is UTF-8 by construction, no need to re-validate it.
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera.render_to(template, &context, &mut out).map_err(failed)?;
        if template.ends_with(".xml") {
            // A feed or sitemap with a character XML forbids is no feed at all.
            let text = String::from_utf8_lossy(&out);
            if let std::borrow::Cow::Owned(text) = without_xml_forbidden(&text) {
                return Ok(text.into_bytes());
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteInfo {
        SiteInfo {
            title: "Thử".into(),
            description: None,
            language: "vi".into(),
            base: "/sub/".into(),
            base_url: "https://x.vn/sub/".into(),
            repo_url: None,
            nav: Vec::new(),
            pages: Vec::new(),
            feed_href: "/sub/feed.xml".into(),
            as_of: None,
            organisation: None,
        }
    }

    #[test]
    fn renders_with_site_meta_page_and_assets() {
        let templates = BTreeMap::from([(
            "a.html".to_owned(),
            "{{ site.base }}|{{ meta.title }}|{{ page.x }}|{{ asset(path=\"style.css\") }}".to_owned(),
        )]);
        let assets = BTreeMap::from([("style.css".to_owned(), "/sub/style.0123abcd.css".to_owned())]);
        let renderer = Renderer::new(&templates, &site(), assets).unwrap();
        let meta = PageMeta { title: "<Tựa>".into(), ..PageMeta::default() };
        let html = renderer.render("a.html", &meta, &serde_json::json!({ "x": 1 })).unwrap();
        assert_eq!(String::from_utf8(html).unwrap(), "/sub/|&lt;Tựa&gt;|1|/sub/style.0123abcd.css");
    }

    #[test]
    fn template_errors_name_the_template() {
        let bad = BTreeMap::from([("b.html".to_owned(), "{% if %}".to_owned())]);
        let error = Renderer::new(&bad, &site(), BTreeMap::new()).err().unwrap();
        assert!(error.message.contains("b.html"), "{}", error.message);
        let missing_asset = BTreeMap::from([("c.html".to_owned(), "{{ asset(path=\"x.css\") }}".to_owned())]);
        let renderer = Renderer::new(&missing_asset, &site(), BTreeMap::new()).unwrap();
        let error = renderer.render("c.html", &PageMeta::default(), &serde_json::json!({})).unwrap_err();
        assert!(error.message.contains("x.css"), "{}", error.message);
    }
}
