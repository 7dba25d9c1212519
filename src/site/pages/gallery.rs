//! `/mo-hinh/`, `/mo-hinh/trang-N/`: every published model as a card, `per_page` a page,
//! readable without JavaScript. Retired models are left out (the search script can show them).

use crate::render::context::lists::{GalleryPage, PageLink, Pagination};
use crate::site::context::BuildContext;
use crate::site::job::Job;
use crate::site::urls;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let published: Vec<_> = cx.published().collect();
    let per_page = cx.config.per_page.max(1);
    let total_pages = published.len().div_ceil(per_page).max(1);
    let retired = cx.models.len() - published.len();
    (1..=total_pages)
        .map(|number| {
            let start = ((number - 1) * per_page).min(published.len());
            let chunk = published[start..(start + per_page).min(published.len())].to_vec();
            let total = published.len();
            Job::page(urls::gallery_page(number), "gallery.html", move || {
                let url = urls::gallery_page(number);
                let title = if number == 1 {
                    "Mô hình, điển hình".to_owned()
                } else {
                    format!("Mô hình, điển hình – trang {number}")
                };
                let pagination = pagination(cx, number, total_pages);
                let mut meta = cx.meta(&url, title, "mo-hinh");
                meta.prev = pagination.prev.clone();
                meta.next = pagination.next.clone();
                let page = GalleryPage {
                    total,
                    retired,
                    first: start + 1,
                    cards: chunk.iter().map(|m| cx.card(m)).collect(),
                    pagination,
                };
                (meta, page)
            })
        })
        .collect()
}

fn pagination(cx: &BuildContext, current: usize, total: usize) -> Pagination {
    let href = |n: usize| cx.href(&urls::gallery_page(n));
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| href(current - 1)),
        next: (current < total).then(|| href(current + 1)),
        pages: window(current, total)
            .into_iter()
            .map(|number| match number {
                Some(number) => PageLink { number, href: href(number), current: number == current, gap: false },
                None => PageLink { number: 0, href: String::new(), current: false, gap: true },
            })
            .collect(),
    }
}

/// Page numbers to link: the first, the last and two on each side of the current one;
/// `None` where numbers are skipped.
fn window(current: usize, total: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    for number in 1..=total {
        let shown = number == 1 || number == total || number.abs_diff(current) <= 2;
        if shown {
            out.push(Some(number));
        } else if out.last() != Some(&None) {
            out.push(None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn long_paginations_skip_the_middle() {
        assert_eq!(window(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(window(6, 20), [Some(1), None, Some(4), Some(5), Some(6), Some(7), Some(8), None, Some(20)]);
        assert_eq!(window(1, 1), [Some(1)]);
    }
}
