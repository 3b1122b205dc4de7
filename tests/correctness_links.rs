//! Ids and local links over whole rendered pages: every `id` on a page is
//! unique whatever made it, and every local link or image leads to a file
//! the build writes, `@/` ones included.

mod common;

use std::collections::BTreeMap;

use common::{TestSite, stderr, stdout};

/// Every `id="…"` (or `id='…'`) of an HTML page, in order.
fn ids(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in html.match_indices("id=") {
        let before = html[..at].chars().last();
        if !before.is_some_and(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let rest = &html[at + 3..];
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            found.push(rest[1..=end].to_string());
        }
    }
    found
}

/// The ids used more than once on each HTML page under `public/`.
fn duplicate_ids(site: &TestSite) -> BTreeMap<String, Vec<String>> {
    let mut duplicates = BTreeMap::new();
    let mut pages = 0;
    for (path, bytes) in site.tree("public") {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).expect("utf-8 page");
        let mut seen = std::collections::HashSet::new();
        let repeated: Vec<String> = ids(&html)
            .into_iter()
            .filter(|id| !seen.insert(id.clone()))
            .collect();
        if !repeated.is_empty() {
            duplicates.insert(path, repeated);
        }
    }
    assert!(pages > 5, "expected pages to check, found {pages}");
    duplicates
}

#[test]
fn ids_are_unique_on_every_page_whatever_makes_them() {
    // Headings and footnotes named alike in the body, the requirements
    // notes and two FAQ answers, beside the theme's own section ids.
    let site = TestSite::fixture("unique-ids");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(duplicate_ids(&site), BTreeMap::new());
    let page = site.read("public/note-taker/index.html");
    let ids = ids(&page);
    for id in [
        "note",
        "note-1",
        "note-2",
        "pay",
        "pay-1",
        "fn-note",
        "fn-note-1",
        "fn-note-2",
        "fn-pay",
        "quick-facts-1",
        "tip",
    ] {
        assert!(ids.iter().any(|i| i == id), "expected id `{id}` in {ids:?}");
    }
}

#[test]
fn ids_are_unique_on_every_page_of_the_example_site() {
    let site = TestSite::example();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(duplicate_ids(&site), BTreeMap::new());
}

#[test]
fn footnote_links_jump_to_their_footnote_not_to_a_heading() {
    let site = TestSite::fixture("unique-ids");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/note-taker/index.html");
    assert!(page.contains(r#"<h2 id="note">Note</h2>"#), "{page}");
    let references: Vec<&str> = page
        .split(r##"<sup class="footnote-reference"><a href="#"##)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(references.len(), 5, "{references:?}");
    for id in references {
        let definition = format!(r#"<div class="footnote-definition" id="{id}">"#);
        assert_eq!(page.matches(&definition).count(), 1, "no footnote `{id}`");
    }
    // The body's `[^note]` leads to the body's footnote text.
    let body_note = page
        .split(r#"<div class="footnote-definition" id="fn-note">"#)
        .nth(1)
        .expect("the body's footnote");
    assert!(
        body_note.trim_start().contains("The body’s note."),
        "{body_note}"
    );
}

#[test]
fn raw_html_id_taken_on_the_page_is_an_error_at_its_line() {
    let site = TestSite::fixture("unique-ids");
    site.write(
        "content/reporter.md",
        "---\ntitle: Reporter\nsummary: Reports the news.\nduties: [Reports]\n---\n## Deadlines\n\n<div id=\"pay\">Pay</div>\n\n<p id=\"deadlines\">x</p>\n",
    );
    site.write("public/index.html", "previous site");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/reporter.md:8:1: error: expected an id used nowhere else on the page, found `id=\"pay\"`, which the theme already uses"),
        "{err}"
    );
    assert!(
        err.contains("content/reporter.md:10:1: error: expected an id used nowhere else on the page, found `id=\"deadlines\"`, which this page already uses"),
        "{err}"
    );
    assert_eq!(site.read("public/index.html"), "previous site");
}

#[test]
fn broken_local_links_and_images_are_errors_at_their_markdown_line() {
    let site = TestSite::fixture("local-links");
    site.write("public/index.html", "previous site");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        // An image relative to the page, whose file sits beside the Markdown.
        "content/photographer.md:11:1: error: expected a link or image leading to a file the build writes, found `darkroom.jpg`, which leads to `photographer/darkroom.jpg`",
        "for `content/darkroom.jpg` write `@/darkroom.jpg`",
        // A link to a page that does not exist, in the body and in an FAQ answer.
        "content/photographer.md:19:37: error: expected a link or image leading to a file the build writes, found `../nobody/`, which leads to `nobody/index.html`",
        "content/photographer.md:7:13: error: faq, item 1, answer: expected a link or image leading to a file the build writes, found `../studios/`",
        // An `@/` link to a file that is nowhere.
        "content/photographer.md:17:3: error: expected a link to a file under content/ or static/, found `@/images/missing.jpg`, which names no such file",
        // An image without alt text.
        "content/photographer.md:13:1: error: expected alt text saying what the image shows, found none",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in\n{err}");
    }
    // Each broken target once, and the good link to `editor/#pay` not at all.
    assert!(err.contains("5 errors"), "{err}");
    assert!(!err.contains("`../editor/#pay`"), "{err}");
    assert_eq!(site.read("public/index.html"), "previous site");

    // `check` finds the same, as JSON with the field.
    let output = site.run(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json = stdout(&output);
    assert!(json.contains(r#""field":"faq[0].answer""#), "{json}");
    assert!(json.contains("`../nobody/`"), "{json}");
    let output = site.run(&["check"]);
    assert!(
        stderr(&output).contains(
            "content/photographer.md:13:1: error: expected alt text saying what the image shows, found none"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn at_links_reach_any_file_under_content_or_static() {
    let site = TestSite::fixture("local-links");
    site.write(
        "content/photographer.md",
        "---\ntitle: Photographer\nsummary: Takes photographs.\nduties: [Takes photographs]\n---\n![A photographer's office](@/images/office.jpg)\n\nTheir [day rates (PDF)](@/docs/rates.pdf#page=2) vary; see the [editor](@/editor.md#pay).\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/photographer/index.html");
    assert!(
        page.contains(r#"<img src="../images/office.jpg" srcset="../images/office-480w.jpg 480w, ../images/office.jpg 640w""#)
            && page.contains(r#"width="640" height="400" alt="A photographer’s office""#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="../docs/rates.pdf#page=2">"#),
        "{page}"
    );
    assert!(page.contains(r#"<a href="../editor/#pay">"#), "{page}");
    // The file under content/ is written where the link leads; the one
    // under static/ is copied as every static file is.
    let read = |rel: &str| std::fs::read(site.path(rel)).expect("read");
    assert_eq!(
        read("public/images/office.jpg"),
        read("content/images/office.jpg")
    );
    assert!(site.path("public/images/office-480w.webp").is_file());
    assert_eq!(site.read("public/docs/rates.pdf"), "%PDF-1.4");
    // An unlinked file under content/ is not published.
    assert!(!site.path("public/darkroom.jpg").exists());
    for (path, bytes) in site.tree("public") {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("\"@/"),
            "`@/` written out literally in {path}"
        );
    }
}

#[test]
fn template_link_to_a_missing_file_is_an_error_naming_the_template() {
    let site = TestSite::fixture("unique-ids");
    site.write(
        "templates/search.html",
        "{% extends \"base.html\" %}{% block content %}<img src=\"{{ page.root }}logo.png\" alt=\"Logo\"><a href=\"{{ page.root }}note-taker/\">ok</a>{% endblock content %}",
    );
    site.write("public/index.html", "previous site");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("templates/search.html: error: expected every local link and image to lead to a file the build writes, found one leading to `logo.png` on `search/index.html`: no such file is written"),
        "{err}"
    );
    assert!(err.contains("1 error"), "{err}");
    // With the file under static/, the same template builds.
    site.write("static/logo.png", "PNG");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn template_link_made_on_many_pages_is_reported_once() {
    let site = TestSite::fixture("unique-ids");
    let base = std::fs::read_to_string(common::repo().join("themes/default/templates/base.html"))
        .expect("base.html");
    site.write(
        "templates/base.html",
        &base.replacen(
            "</body>",
            "<a href=\"{{ page.root }}missing/\">x</a></body>",
            1,
        ),
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(
        err.matches("leading to `missing/index.html`").count(),
        1,
        "{err}"
    );
    assert!(err.contains("other pages"), "{err}");
}

#[test]
fn ids_a_custom_template_writes_are_never_given_to_markdown() {
    let site = TestSite::fixture("unique-ids");
    let sources = std::fs::read_to_string(
        common::repo().join("themes/default/templates/sections/sources.html"),
    )
    .expect("sources.html");
    site.write(
        "templates/sections/sources.html",
        &format!("<p id=\"fn-pay\">Pay notes</p>\n<div id='body-text'></div>\n{sources}"),
    );
    site.write(
        "content/reporter.md",
        "---\ntitle: Reporter\nsummary: Reports the news.\nduties: [Reports]\nsources:\n  - id: s\n    name: S\n---\n## Body text\n\nSee [x](@/note-taker.md).\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(duplicate_ids(&site), BTreeMap::new());
    let reporter = site.read("public/reporter/index.html");
    assert!(reporter.contains(r#"<h2 id="body-text-1">"#), "{reporter}");
    let note_taker = site.read("public/note-taker/index.html");
    assert!(note_taker.contains(r#"id="fn-pay-1""#), "{note_taker}");
}
