//! `/mo-hinh/`, `/mo-hinh/trang-N/`: every published model as a card, `per_page` a page,
//! readable without JavaScript. Retired models are left out (the search script can show them).

use crate::render::context::lists::GalleryPage;
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::pages::paginate::{pagination, split};
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let published: Vec<_> = cx.published().collect();
    let retired = cx.models.len() - published.len();
    let pages = split(published.len(), cx.config.per_page);
    let total_pages = pages.len();
    pages
        .into_iter()
        .map(|(number, range)| {
            let total = published.len();
            let first = range.start + 1;
            let chunk = published[range].to_vec();
            let url = urls::paged(urls::GALLERY, number);
            Job::page(url.clone(), "gallery.html", move || {
                let title = match number {
                    1 => "Mô hình, điển hình".to_owned(),
                    n => format!("Mô hình, điển hình – trang {n}"),
                };
                let pagination = pagination(cx, urls::GALLERY, number, total_pages);
                let mut meta = cx.meta(&url, title, "mo-hinh");
                meta.prev = pagination.prev.clone();
                meta.next = pagination.next.clone();
                meta.history = cx.combined_history(chunk.iter().map(|m| m.path.as_str()));
                let cards = chunk.iter().map(|m| cx.card(m)).collect();
                (meta, GalleryPage { total, retired, first, cards, pagination })
            })
        })
        .collect()
}
