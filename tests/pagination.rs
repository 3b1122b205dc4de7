//! Lists cut into pages: where the pages go, what each says about its
//! place, what the config may set and how it is checked, the home and 404
//! pages staying small at any number of guides, the feed's limit, the
//! sitemap, and `serve` re-rendering exactly the pages an edit moves.

mod common;

use std::collections::BTreeSet;

use careergen::serve::rebuild::Workspace;
use careergen::serve::watch::Changes;
use common::{TestSite, assert_builds, assert_cold_build, options, rebuilt, stderr};

const CONFIG: &str = "title: Paged handbook\nbase_url: https://example.org/\n\
categories:\n  sales:\n    name: Sales\n  trades:\n    name: Trades\n";

/// A guide titled `Guide <n>` (three digits, so titles sort as numbers),
/// in `category`, reviewed on `reviewed` (`YYYY-MM-DD`) when given.
fn guide(n: usize, category: &str, reviewed: Option<&str>) -> String {
    let reviewed = reviewed
        .map(|date| format!("last_reviewed: {date}\n"))
        .unwrap_or_default();
    format!(
        "---\ntitle: Guide {n:03}\nsummary: Summary of guide {n:03}.\ncategory: {category}\n\
         industries: [Industry {}]\n{reviewed}duties: [Work]\n---\nBody of guide {n:03}.\n",
        n % 7
    )
}

/// A site of `count` guides (`guide-001` …), all in `sales`, with `extra`
/// config lines.
fn site_of(count: usize, extra: &str) -> TestSite {
    let site = TestSite::empty();
    site.write("config.yaml", &format!("{CONFIG}{extra}"));
    for n in 1..=count {
        site.write(
            &format!("content/guide-{n:03}.md"),
            &guide(n, "sales", Some("2026-01-10")),
        );
    }
    site
}

/// The guide titles a list page shows, in order.
fn titles(html: &str) -> Vec<String> {
    html.match_indices(">Guide ")
        .map(|(at, _)| html[at + 1..at + 10].to_string())
        .collect()
}

#[test]
fn lists_are_cut_into_pages_below_their_own_url() {
    let site = site_of(12, "paginate_by: 5\n");
    assert_builds(&site);
    let public = site.tree("public");
    for page in [
        "all-careers/index.html",
        "all-careers/page/2/index.html",
        "all-careers/page/3/index.html",
        "categories/sales/index.html",
        "categories/sales/page/3/index.html",
    ] {
        assert!(public.contains_key(page), "{page} is missing");
    }
    assert!(!public.contains_key("all-careers/page/1/index.html"));
    assert!(!public.contains_key("all-careers/page/4/index.html"));

    // Every guide once, by title, across the pages.
    let mut seen = Vec::new();
    for path in [
        "all-careers/index.html",
        "all-careers/page/2/index.html",
        "all-careers/page/3/index.html",
    ] {
        let shown = titles(&site.read(&format!("public/{path}")));
        assert!(shown.len() <= 5, "{path}: {shown:?}");
        seen.extend(shown);
    }
    let expected: Vec<String> = (1..=12).map(|n| format!("Guide {n:03}")).collect();
    assert_eq!(seen, expected);

    let second = site.read("public/all-careers/page/2/index.html");
    for needle in [
        "<title>All careers, page 2 of 3 | Paged handbook</title>",
        "<link rel=\"canonical\" href=\"https://example.org/all-careers/page/2/\">",
        "<link rel=\"prev\" href=\"https://example.org/all-careers/\">",
        "<link rel=\"next\" href=\"https://example.org/all-careers/page/3/\">",
        "<nav class=\"pagination\" aria-label=\"Pagination\">",
        "Page 2 of 3<span class=\"pagination__range\">: careers 6 to 10 of 12</span>",
        "href=\"../../../all-careers/page/2/\" aria-current=\"page\"",
        "rel=\"prev\" href=\"../../../all-careers/\"",
        "rel=\"next\" href=\"../../../all-careers/page/3/\"",
        "href=\"../../../all-careers/page/3/\">Last",
    ] {
        assert!(second.contains(needle), "page 2 lacks {needle}:\n{second}");
    }
    let first = site.read("public/all-careers/index.html");
    assert!(first.contains("<title>All careers | Paged handbook</title>"));
    assert!(first.contains("<link rel=\"canonical\" href=\"https://example.org/all-careers/\">"));
    assert!(!first.contains("rel=\"prev\""));
    assert!(first.contains("<span class=\"pagination__link pagination__link--off\">Previous"));
    let last = site.read("public/all-careers/page/3/index.html");
    assert!(!last.contains("rel=\"next\""));
    assert!(last.contains("rel=\"prev\" href=\"https://example.org/all-careers/page/2/\""));

    // The sitemap lists every page of every list, and no `page/1/`.
    let sitemap = site.read("public/sitemap.xml");
    for url in [
        "https://example.org/all-careers/page/3/",
        "https://example.org/categories/sales/page/2/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url}");
    }
    assert!(!sitemap.contains("/page/1/"));
}

#[test]
fn a_list_may_set_its_own_page_size() {
    let site = TestSite::empty();
    site.write(
        "config.yaml",
        &format!(
            "{CONFIG}paginate_by: 4\npaginate:\n  all_careers: 10\n  browse: 3\n  industries: 0\n"
        ),
    );
    for n in 1..=12 {
        let category = if n % 2 == 0 { "sales" } else { "trades" };
        site.write(
            &format!("content/guide-{n:03}.md"),
            &guide(n, category, None),
        );
    }
    assert_builds(&site);
    let public = site.tree("public");
    let pages_of = |list: &str| {
        public
            .keys()
            .filter(|path| path.starts_with(list) && path.ends_with("index.html"))
            .count()
    };
    assert_eq!(pages_of("all-careers/"), 2, "10 a page");
    assert_eq!(pages_of("categories/sales/"), 2, "3 a page (browse)");
    // 0 keeps a list on one page, however long.
    assert_eq!(pages_of("industries/industry-1/"), 1);
}

#[test]
fn pagination_settings_are_checked_with_their_place_in_config() {
    let site = site_of(
        3,
        "paginate_by: -1\npaginate:\n  all_carers: 10\n  browse: ten\nfeed_limit: 0\nhome:\n  featured: [guide-001, no-such-guide]\n  recent: 3\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for needle in [
        "config.yaml:8:14: error: paginate_by: expected a whole number of guides per page of 0 or more, found -1",
        "config.yaml:10:3: error: paginate.all_carers: expected a known key, found unknown key `all_carers`",
        "did you mean `all_careers`?",
        "config.yaml:11:11: error: paginate.browse: expected a whole number, found the string \"ten\"",
        "config.yaml:12:13: error: feed_limit: expected a whole number of entries of at least 1, found 0",
    ] {
        assert!(err.contains(needle), "no `{needle}` in:\n{err}");
    }
    // Config errors stop the build before guides are read: fix them, and
    // the slug that names no guide is reported at its place.
    let config = format!("{CONFIG}home:\n  featured: [guide-001, no-such-guide]\n");
    site.write("config.yaml", &config);
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("config.yaml:9:25: error: home.featured, item 2: expected the slug of a published guide, found \"no-such-guide\", which names no guide"),
        "{err}"
    );
    assert!(!site.path("public").exists(), "nothing is written");
}

#[test]
fn the_home_page_shows_featured_or_recently_reviewed_guides() {
    let site = TestSite::empty();
    site.write("config.yaml", &format!("{CONFIG}home:\n  recent: 2\n"));
    site.write(
        "content/guide-001.md",
        &guide(1, "sales", Some("2026-03-01")),
    );
    site.write(
        "content/guide-002.md",
        &guide(2, "sales", Some("2026-05-01")),
    );
    site.write(
        "content/guide-003.md",
        &guide(3, "trades", Some("2026-04-01")),
    );
    site.write("content/guide-004.md", &guide(4, "trades", None));
    assert_builds(&site);
    let home = site.read("public/index.html");
    assert_eq!(titles(&home), ["Guide 002", "Guide 003"], "newest first");
    assert!(home.contains("Recently reviewed careers"));
    assert!(home.contains(
        "<a href=\"categories/sales/\">Sales</a> <span class=\"count\">(2 careers)</span>"
    ));
    assert!(home.contains("action=\"search/\""));
    assert!(home.contains(
        "<a href=\"all-careers/\">All careers</a> <span class=\"count\">(4 careers)</span>"
    ));

    site.write(
        "config.yaml",
        &format!("{CONFIG}home:\n  featured: [guide-004, guide-001, guide-004]\n"),
    );
    assert_builds(&site);
    let home = site.read("public/index.html");
    assert_eq!(
        titles(&home),
        ["Guide 004", "Guide 001"],
        "in config order, once"
    );
    assert!(home.contains("Featured careers"));
}

#[test]
fn home_and_404_stay_small_at_thousands_of_guides() {
    // Small guides, many industries: what grows with the site is the
    // number of guides and groups, not the text of each.
    let count = 3000;
    let site = site_of(count, "");
    assert_builds(&site);
    const BUDGET: usize = 60 * 1024;
    for page in ["index.html", "404.html"] {
        let bytes = std::fs::metadata(site.path(&format!("public/{page}")))
            .expect("built")
            .len() as usize;
        assert!(bytes < BUDGET, "{page} is {bytes} bytes at {count} guides");
    }
    let not_found = site.read("public/404.html");
    assert!(!not_found.contains("Guide 001"), "404 lists no guides");
    assert!(not_found.contains("action=\"/search/\""));
    assert!(not_found.contains("(3000 careers)"));
    // Every list page holds one page of guides, not all of them.
    let public = site.tree("public");
    let all_careers = public
        .keys()
        .filter(|p| p.starts_with("all-careers/") && p.ends_with(".html"))
        .count();
    assert_eq!(all_careers, count / 50);
    let largest = public
        .iter()
        .filter(|(p, _)| p.starts_with("all-careers/page/") || p.starts_with("categories/"))
        .map(|(_, bytes)| bytes.len())
        .max()
        .unwrap_or(0);
    assert!(largest < 150 * 1024, "a list page of {largest} bytes");
}

#[test]
fn the_feed_holds_the_most_recent_entries_up_to_feed_limit() {
    let site = TestSite::empty();
    site.write("config.yaml", &format!("{CONFIG}feed_limit: 3\n"));
    for n in 1..=6 {
        let date = format!("2026-0{n}-01");
        site.write(
            &format!("content/guide-{n:03}.md"),
            &guide(n, "sales", Some(&date)),
        );
    }
    assert_builds(&site);
    let feed = site.read("public/feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 3);
    for n in [6, 5, 4] {
        assert!(
            feed.contains(&format!("<title>Guide {n:03}</title>")),
            "{n}"
        );
    }
    assert!(!feed.contains("<title>Guide 003</title>"));
    // Without `feed_limit`, 50.
    let site = site_of(60, "");
    assert_builds(&site);
    assert_eq!(site.read("public/feed.xml").matches("<entry>").count(), 50);
}

// ---- serve ----------------------------------------------------------

/// Writes `text` to `rel` and says so, the way the watcher would.
fn save(site: &TestSite, rel: &str, text: &str) -> Changes {
    site.write(rel, text);
    let mut changes = Changes::default();
    changes.add(site.root(), None, &site.path(rel));
    changes
}

fn remove(site: &TestSite, rel: &str) -> Changes {
    std::fs::remove_file(site.path(rel)).expect("remove");
    let mut changes = Changes::default();
    changes.add(site.root(), None, &site.path(rel));
    changes
}

/// Runs a rebuild and its second phase; returns every path either
/// published, and the pages rendered in all.
fn rebuild(workspace: &mut Workspace, changes: &Changes) -> (BTreeSet<String>, usize) {
    let first = rebuilt(workspace.rebuild(changes));
    let mut updated: BTreeSet<String> = first.updates.into_iter().map(|(p, _)| p).collect();
    let mut pages = first.pages;
    if let Some(rest) = workspace.finish(&|| false) {
        let rest = rebuilt(rest);
        updated.extend(rest.updates.into_iter().map(|(p, _)| p));
        pages += rest.pages;
    }
    (updated, pages)
}

/// The list pages (All careers, browse groups) among `paths`.
fn list_pages(paths: &BTreeSet<String>) -> Vec<&str> {
    paths
        .iter()
        .map(String::as_str)
        .filter(|p| p.starts_with("all-careers/") || p.starts_with("categories/sales/"))
        // All careers' data files (for sorting every guide) are not pages.
        .filter(|p| p.ends_with(".html"))
        .collect()
}

#[test]
fn serve_renders_only_the_list_pages_an_edit_moves() {
    // 20 guides, 5 a page: All careers and Sales both have 4 pages.
    let site = site_of(
        20,
        "paginate_by: 5\nsuggest_similar: false\nhome:\n  featured: [guide-001]\n",
    );
    let mut workspace = Workspace::new(options(site.root()));
    rebuilt(workspace.rebuild(&Changes::default()));
    assert_cold_build(&workspace, site.root());

    // Guide 012 (page 3) takes a title after Guide 017 (page 4): both
    // pages change, in both lists, and no other list page is rendered.
    let text =
        guide(12, "sales", Some("2026-01-10")).replace("title: Guide 012", "title: Guide 017b");
    let changes = save(&site, "content/guide-012.md", &text);
    let (updated, pages) = rebuild(&mut workspace, &changes);
    assert_eq!(
        list_pages(&updated),
        [
            "all-careers/page/3/index.html",
            "all-careers/page/4/index.html",
            "categories/sales/page/3/index.html",
            "categories/sales/page/4/index.html",
        ]
    );
    assert!(updated.contains("guide-012/index.html"));
    // Those four, the guide's own page, and the pages that always follow
    // a move (home, 404, the three browse indexes) and its industry's page.
    assert_eq!(pages, 4 + 1 + 5 + 1, "{updated:?}");
    assert_cold_build(&workspace, site.root());

    // A card edit renders the one page of each list showing it.
    let text = text.replace("Summary of guide 012.", "A new summary.");
    let changes = save(&site, "content/guide-012.md", &text);
    let (updated, _) = rebuild(&mut workspace, &changes);
    assert_eq!(list_pages(&updated), ["categories/sales/page/4/index.html"]);
    assert_cold_build(&workspace, site.root());

    // A guide added: a fifth page comes, later pages shift.
    let changes = save(&site, "content/guide-021.md", &guide(21, "sales", None));
    let (updated, _) = rebuild(&mut workspace, &changes);
    assert!(
        updated.contains("all-careers/page/5/index.html"),
        "{updated:?}"
    );
    assert!(
        workspace
            .served()
            .contains_key("categories/sales/page/5/index.html")
    );
    assert_cold_build(&workspace, site.root());

    // Removed again: the fifth page goes.
    let changes = remove(&site, "content/guide-002.md");
    let (updated, _) = rebuild(&mut workspace, &changes);
    assert!(
        updated.contains("all-careers/page/5/index.html"),
        "{updated:?}"
    );
    assert!(
        !workspace
            .served()
            .contains_key("all-careers/page/5/index.html")
    );
    assert!(
        !workspace
            .served()
            .contains_key("categories/sales/page/5/index.html")
    );
    assert_cold_build(&workspace, site.root());

    // A guide moving to another category leaves one list and joins another.
    let changes = save(&site, "content/guide-003.md", &guide(3, "trades", None));
    rebuild(&mut workspace, &changes);
    assert!(
        workspace
            .served()
            .contains_key("categories/trades/index.html")
    );
    assert_cold_build(&workspace, site.root());
}
