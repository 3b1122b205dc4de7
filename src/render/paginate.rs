//! Pagination: one list of items (guides today, any list tomorrow) cut
//! into pages of `per_page` items, each page with its URL and output file.
//!
//! Page 1 is the list's own URL (`all-careers/`); page `n > 1` is
//! `<list>/page/<n>/` (`all-careers/page/2/`), the way Zola and Hugo name
//! them. No `page/1/` copy is written: the list's own URL is the one
//! address of its first page.

use std::ops::Range;

use serde::Serialize;

/// The folder below a list's path that holds its later pages.
pub const PAGE_SEGMENT: &str = "page";

/// How many page numbers the pager shows either side of the current one.
const NEARBY: usize = 2;

/// A list of `items` cut into pages of `per_page`, below `base` (a path
/// below the site root ending in `/`, such as `all-careers/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paginator {
    base: String,
    items: usize,
    /// Items per page; `0` puts the whole list on one page.
    per_page: usize,
}

impl Paginator {
    /// `per_page` of `0` means one page for the whole list.
    pub fn new(base: impl Into<String>, items: usize, per_page: usize) -> Self {
        Paginator {
            base: base.into(),
            items,
            per_page,
        }
    }

    /// How many pages the list takes: at least one, so that an empty list
    /// still has its page.
    pub fn page_count(&self) -> usize {
        match self.per_page {
            0 => 1,
            per_page => self.items.div_ceil(per_page).max(1),
        }
    }

    /// The page numbers, from 1.
    pub fn numbers(&self) -> Range<usize> {
        1..self.page_count() + 1
    }

    /// The path of page `number` (from 1) below the site root.
    pub fn path(&self, number: usize) -> String {
        page_path(&self.base, number)
    }

    /// The file page `number` is written to, relative to the output folder.
    pub fn output(&self, number: usize) -> String {
        format!("{}index.html", self.path(number))
    }

    /// The positions in the list of the items on page `number`; empty for a
    /// number past the last page.
    pub fn range(&self, number: usize) -> Range<usize> {
        if self.per_page == 0 {
            return if number == 1 { 0..self.items } else { 0..0 };
        }
        let start = number
            .saturating_sub(1)
            .saturating_mul(self.per_page)
            .min(self.items);
        let end = start.saturating_add(self.per_page).min(self.items);
        if number == 0 { 0..0 } else { start..end }
    }

    /// The items of page `number` among `items` (the whole list).
    pub fn slice<'a, T>(&self, items: &'a [T], number: usize) -> &'a [T] {
        items.get(self.range(number)).unwrap_or(&[])
    }

    /// The page holding the item at `position` of the list.
    pub fn page_of(&self, position: usize) -> usize {
        match self.per_page {
            0 => 1,
            per_page => position / per_page + 1,
        }
    }

    /// What templates see as `paginator` on page `number`.
    pub fn view(&self, number: usize) -> PaginatorView {
        let total_pages = self.page_count();
        let range = self.range(number);
        let link = |n: usize| PagerLink {
            number: n,
            path: self.path(n),
            current: n == number,
        };
        let low = number.saturating_sub(NEARBY).max(1);
        let high = (number + NEARBY).min(total_pages);
        PaginatorView {
            number,
            total_pages,
            per_page: self.per_page,
            total_items: self.items,
            first_item: if range.is_empty() { 0 } else { range.start + 1 },
            last_item: range.end,
            path: self.path(number),
            first: self.path(1),
            last: self.path(total_pages),
            previous: (number > 1).then(|| self.path(number - 1)),
            next: (number < total_pages).then(|| self.path(number + 1)),
            nearby: (low..=high).map(link).collect(),
        }
    }
}

/// The path of page `number` of the list at `base`: `base` itself for
/// page 1, `base` + `page/<n>/` after it.
pub fn page_path(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_string()
    } else {
        format!("{base}{PAGE_SEGMENT}/{number}/")
    }
}

/// The `paginator` of a list page's template context. Paths are below the
/// site root, like `page.path`: link them as `{{ page.root }}{{ paginator.next }}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PaginatorView {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the list takes (at least 1).
    pub total_pages: usize,
    /// Items per page; 0 when the list is not paginated.
    pub per_page: usize,
    /// Items in the whole list.
    pub total_items: usize,
    /// The position in the whole list of this page's first item, from 1
    /// (0 when the list is empty).
    pub first_item: usize,
    /// The position of this page's last item, from 1 (0 when empty).
    pub last_item: usize,
    /// This page's path (`all-careers/page/2/`).
    pub path: String,
    /// The first page's path: the list's own (`all-careers/`).
    pub first: String,
    /// The last page's path.
    pub last: String,
    /// The page before, if any.
    pub previous: Option<String>,
    /// The page after, if any.
    pub next: Option<String>,
    /// This page and up to two either side, for numbered links.
    pub nearby: Vec<PagerLink>,
}

/// One numbered link of the pager.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub path: String,
    /// Whether it is the page being shown.
    pub current: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_one_is_the_list_and_later_pages_sit_below_it() {
        let pages = Paginator::new("all-careers/", 101, 50);
        assert_eq!(pages.page_count(), 3);
        assert_eq!(pages.path(1), "all-careers/");
        assert_eq!(pages.path(3), "all-careers/page/3/");
        assert_eq!(pages.output(1), "all-careers/index.html");
        assert_eq!(pages.output(2), "all-careers/page/2/index.html");
        assert_eq!(pages.numbers().collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn every_item_is_on_exactly_one_page() {
        for (items, per_page) in [(0, 5), (1, 5), (5, 5), (6, 5), (99, 10), (7, 0)] {
            let pages = Paginator::new("x/", items, per_page);
            let list: Vec<usize> = (0..items).collect();
            let mut seen = Vec::new();
            for n in pages.numbers() {
                let slice = pages.slice(&list, n);
                assert!(per_page == 0 || slice.len() <= per_page);
                for &item in slice {
                    assert_eq!(pages.page_of(item), n, "{items}/{per_page}: {item}");
                }
                seen.extend_from_slice(slice);
            }
            assert_eq!(seen, list, "{items} items, {per_page} a page");
            assert!(pages.slice(&list, pages.page_count() + 1).is_empty());
            assert!(pages.slice(&list, 0).is_empty());
        }
    }

    #[test]
    fn an_empty_list_still_has_its_first_page() {
        let pages = Paginator::new("categories/sales/", 0, 20);
        assert_eq!(pages.page_count(), 1);
        let view = pages.view(1);
        assert_eq!((view.first_item, view.last_item), (0, 0));
        assert_eq!((view.previous, view.next), (None, None));
    }

    #[test]
    fn the_view_links_first_previous_next_last_and_nearby_pages() {
        let pages = Paginator::new("all-careers/", 1990, 50);
        let view = pages.view(2);
        assert_eq!(view.total_pages, 40);
        assert_eq!((view.first_item, view.last_item), (51, 100));
        assert_eq!(view.path, "all-careers/page/2/");
        assert_eq!(view.first, "all-careers/");
        assert_eq!(view.last, "all-careers/page/40/");
        assert_eq!(view.previous.as_deref(), Some("all-careers/"));
        assert_eq!(view.next.as_deref(), Some("all-careers/page/3/"));
        let nearby: Vec<(usize, bool)> =
            view.nearby.iter().map(|l| (l.number, l.current)).collect();
        assert_eq!(nearby, [(1, false), (2, true), (3, false), (4, false)]);

        let last = pages.view(40);
        assert_eq!((last.first_item, last.last_item), (1951, 1990));
        assert_eq!(last.next, None);
        assert_eq!(last.nearby.last().map(|l| l.number), Some(40));
    }
}
