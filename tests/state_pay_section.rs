//! The pay-by-state section of a guide page as a reader finds it: listed
//! in "On this page", the tile map shown, the table of every state folded
//! into a disclosure under it, each figure column sorting by its number,
//! and the section light enough for every guide page to carry it.
//!
//! The browser side (layout at 320, 390 and 1366 px, the disclosure
//! opening without JavaScript) is in `tests/browser/pages.mjs`.

mod common;

use common::{TestSite, stderr};

/// The registered nurse page of the data fixture (state rows for 53 areas,
/// Texas missing, `region: CA`).
fn nurse_page() -> String {
    let site = TestSite::fixture("data-fill");
    let output = site.build();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        stderr(&output)
    );
    site.read("public/registered-nurse/index.html")
}

/// The `<section id="pay-by-state">` of `html`.
fn section(html: &str) -> &str {
    let start = html
        .find("<section id=\"pay-by-state\"")
        .expect("the page has a pay-by-state section");
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

/// The table row of `state`.
fn row<'a>(section: &'a str, state: &str) -> &'a str {
    let start = section
        .find(&format!("<th scope=\"row\">{state}</th>"))
        .unwrap_or_else(|| panic!("no row for {state}"));
    let end = section[start..]
        .find("</tr>")
        .map_or(section.len(), |e| start + e);
    &section[start..end]
}

/// The `id`s of `<tag id="…"` in `html`, in order.
fn ids<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    html.split(&format!("<{tag} id=\""))
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

#[test]
fn pay_by_state_is_missing_from_on_this_page() {
    let html = nurse_page();
    let toc_start = html
        .find("<nav class=\"toc\"")
        .expect("an On this page list");
    let toc_end = toc_start + html[toc_start..].find("</nav>").expect("the list ends");
    let listed: Vec<&str> = html[toc_start..toc_end]
        .split("<a href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    // Every section of the guide's body, in the page's order.
    let body = &html[html
        .find("<div class=\"guide-body\">")
        .expect("a guide body")..];
    let sections = ids(body, "section");
    assert!(sections.contains(&"pay-by-state"), "{sections:?}");
    assert_eq!(listed, sections, "On this page against the page's sections");
}

#[test]
fn the_state_table_forces_every_reader_to_scroll_past_every_state() {
    let html = nurse_page();
    let section = section(&html);
    let figure = section
        .find("<figure class=\"chart chart--states\">")
        .expect("the map");
    let details = section
        .find("<details class=\"state-pay\">\n    <summary>Pay in every state</summary>")
        .unwrap_or_else(|| panic!("no closed disclosure:\n{section}"));
    let table = section
        .find("<table class=\"state-pay-table\" data-cg-sortable>")
        .expect("the table");
    let closed = section.find("</details>").expect("the disclosure ends");
    assert!(
        figure < details,
        "the map comes first, outside the disclosure"
    );
    assert!(
        details < table && table < closed,
        "the table is inside the disclosure"
    );
    // Closed by default: the reader opens it.
    assert!(
        !section.contains("<details class=\"state-pay\" open"),
        "{section}"
    );
}

#[test]
fn percentile_columns_of_the_state_table_sort_as_text() {
    let html = nurse_page();
    let section = section(&html);
    // Every figure column sorts on the plain number, so `$98,910` sorts
    // below `$101,260` and not after it as text would.
    assert_eq!(
        row(section, "Alabama"),
        "<th scope=\"row\">Alabama</th><td data-sort=\"77080\">$77,080</td>\
         <td data-sort=\"58150\">$58,150</td><td data-sort=\"98910\">$98,910</td>\
         <td data-sort=\"54340\">54,340</td>"
    );
    // Nothing published: an empty key, which sorts last either way.
    assert_eq!(
        row(section, "Guam"),
        "<th scope=\"row\">Guam</th><td data-sort=\"\">Not published</td>\
         <td data-sort=\"\">Not published</td><td data-sort=\"\">Not published</td>\
         <td data-sort=\"690\">690</td>"
    );
}

/// Bytes the pay-by-state section of one guide may take. It was 38,892
/// bytes on this page with the map's figures repeated in its description
/// and every tile's attributes written out; 23,146 now.
const SECTION_BUDGET: usize = 26_000;

#[test]
fn pay_by_state_doubles_the_weight_of_a_guide_page() {
    let html = nurse_page();
    let section = section(&html);
    assert!(
        section.len() <= SECTION_BUDGET,
        "the section is {} bytes, budget {SECTION_BUDGET}",
        section.len()
    );
    // The map: one tile shape, reused; no list of every figure in its name.
    assert_eq!(
        section
            .matches("<use href=\"#cg-states-registered-nurse-t\"")
            .count(),
        54
    );
    assert!(!section.contains("<desc"), "{section}");
    assert_eq!(section.matches("fill=\"currentColor\"").count(), 1);
}
