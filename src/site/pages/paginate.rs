//! Splitting a long list over numbered pages (`…/`, `…/trang-2/`, …) that work without
//! JavaScript, with the links between them.

use std::ops::Range;

use crate::render::context::lists::{PageLink, Pagination};
use crate::site::context::BuildContext;
use crate::site::urls;

/// The item ranges of each page (1-based page number, range), at least one page.
pub fn split(len: usize, per_page: usize) -> Vec<(usize, Range<usize>)> {
    let per_page = per_page.max(1);
    let pages = len.div_ceil(per_page).max(1);
    (1..=pages).map(|n| (n, ((n - 1) * per_page).min(len)..(n * per_page).min(len))).collect()
}

/// Links of page `current` of `total` pages of the list at `first_url`.
pub fn pagination(cx: &BuildContext, first_url: &str, current: usize, total: usize) -> Pagination {
    let href = |n: usize| cx.href(&urls::paged(first_url, n));
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
    use super::*;

    #[test]
    fn splits_into_full_pages_and_a_rest() {
        assert_eq!(split(5, 2), [(1, 0..2), (2, 2..4), (3, 4..5)]);
        assert_eq!(split(0, 24), [(1, 0..0)]);
    }

    #[test]
    fn long_paginations_skip_the_middle() {
        assert_eq!(window(1, 3), [Some(1), Some(2), Some(3)]);
        assert_eq!(window(6, 20), [Some(1), None, Some(4), Some(5), Some(6), Some(7), Some(8), None, Some(20)]);
        assert_eq!(window(1, 1), [Some(1)]);
    }
}
