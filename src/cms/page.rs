//! `/admin/index.html`: the page that loads Decap CMS (pinned bundle, integrity-checked),
//! gives its preview the site's stylesheet and starts it on `config.yml`.

use crate::cms::fields::DATE_WIDGET;
use crate::content::site_config::{CmsConfig, SiteConfig};
use crate::render::escape::escape_html;

/// The script that registers the date widget, the preview style and the save hook, then
/// starts the CMS.
const START: &str = include_str!("admin.js");

/// The editor page. `stylesheet` is the address of the site's hashed stylesheet.
pub fn admin_page(site: &SiteConfig, cms: &CmsConfig, stylesheet: Option<&str>) -> String {
    let (script_url, integrity) = cms.script();
    let integrity = integrity
        .map(|hash| format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape_html(hash)))
        .unwrap_or_default();
    let stylesheet = stylesheet.map(|href| format!(" data-stylesheet=\"{}\"", escape_html(href))).unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>Biên tập — {title}</title>\n\
         <link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n</head>\n<body>\n\
         <noscript>Trang biên tập cần bật JavaScript.</noscript>\n\
         <script>window.CMS_MANUAL_INIT = true;</script>\n\
         <script src=\"{src}\"{integrity}></script>\n\
         <script{stylesheet} data-local-backend=\"{local}\" data-date-widget=\"{DATE_WIDGET}\" data-script-url=\"{src}\">\n\
         {START}</script>\n</body>\n</html>\n",
        title = escape_html(&site.title),
        src = escape_html(script_url),
        local = cms.local_backend,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::site_config::{DECAP_SCRIPT_INTEGRITY, DECAP_SCRIPT_URL};

    #[test]
    fn loads_the_pinned_bundle_with_its_hash_and_the_site_stylesheet() {
        let site = SiteConfig::parse("title: \"Mô hình <điển hình>\"\ncms: {backend: github, repo: a/b}\n").unwrap();
        let page = admin_page(&site, site.cms.as_ref().unwrap(), Some("/style.0123abcd.css"));
        assert!(page.contains("<title>Biên tập — Mô hình &lt;điển hình&gt;</title>"), "{page}");
        assert!(page.contains(&format!(
            "<script src=\"{DECAP_SCRIPT_URL}\" integrity=\"{DECAP_SCRIPT_INTEGRITY}\" crossorigin=\"anonymous\"></script>"
        )));
        assert!(page.contains(
            "data-stylesheet=\"/style.0123abcd.css\" data-local-backend=\"false\" data-date-widget=\"guong-date\""
        ));
        assert!(page.contains(&format!("data-script-url=\"{DECAP_SCRIPT_URL}\"")));
        assert!(page.contains("CMS.registerPreviewStyle(page.stylesheet)"));
        assert!(page.find("CMS_MANUAL_INIT") < page.find(DECAP_SCRIPT_URL));

        // `site.yml` refuses such an address; the page escapes it all the same.
        let mut site = SiteConfig::parse("title: T\ncms: {backend: github, repo: a/b, script_url: /x.js}\n").unwrap();
        site.cms.as_mut().unwrap().script_url = Some("/x.js?a=1&b=\"".to_owned());
        let page = admin_page(&site, site.cms.as_ref().unwrap(), None);
        assert!(page.contains("<script src=\"/x.js?a=1&amp;b=&quot;\"></script>"), "{page}");
    }
}
