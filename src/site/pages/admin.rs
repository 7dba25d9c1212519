//! `/admin/`: the Decap CMS page and configuration, only when `site.yml` has `cms:`.

use crate::cms::config::config;
use crate::cms::page::admin_page;
use crate::cms::{ADMIN_CONFIG, ADMIN_PAGE};
use crate::site::context::BuildContext;
use crate::site::job::Job;

/// The editor's two files; `stylesheet` is the address of the site's stylesheet, for the
/// preview.
pub fn jobs<'a>(cx: &'a BuildContext<'a>, stylesheet: Option<&'a str>) -> Vec<Job<'a>> {
    let Some(cms) = &cx.config.cms else { return Vec::new() };
    vec![
        Job::file(ADMIN_PAGE.to_owned(), move || admin_page(cx.config, cms, stylesheet).into_bytes()),
        Job::file(ADMIN_CONFIG.to_owned(), move || {
            config(cx.config, cms, &cx.corpus.catalog.periods).to_text().into_bytes()
        }),
    ]
}
