//! `/trang/<slug>/`: free pages written by editors.

use crate::render::context::text::FreePage;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    cx.corpus
        .pages
        .iter()
        .map(|p| {
            Job::page(urls::page(&p.slug), "page.html", move || {
                let mut meta = cx.meta(&urls::page(&p.slug), p.title.clone(), "");
                meta.description = p.description.clone();
                meta.edit_href = cx.edit_href(&p.path);
                meta.history = cx.history_of(&p.path, false);
                let page = FreePage {
                    slug: p.slug.clone(),
                    title: p.title.clone(),
                    description: p.description.clone(),
                    body_html: p.body.html.clone(),
                };
                (meta, page)
            })
        })
        .collect()
}
