//! Shortcodes in guide bodies: the built-ins (figures by reference,
//! callout, figure), a site's own shortcodes and overrides, calls left
//! alone in code, located errors for every bad call, and `serve`
//! re-rendering a page when a guide it quotes changes.

mod common;

use std::collections::BTreeSet;

use careergen::serve::rebuild::Workspace;
use careergen::serve::watch::Changes;
use common::{TestSite, assert_cold_build, options, rebuilt, stderr};

/// Builds the `shortcodes` fixture and returns it with the sales
/// engineer's page.
fn built_fixture() -> (TestSite, String) {
    let site = TestSite::fixture("shortcodes");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/sales-engineer/index.html");
    (site, page)
}

#[test]
fn median_pay_shows_the_figure_as_the_guide_page_does_with_its_source() {
    let (site, page) = built_fixture();
    assert!(
        page.contains(
            "Account managers earn <span class=\"figure-ref\">$75,500 per year<span class=\"figure-ref__source\"> (<a href=\"../account-manager/#pay\">U.S. Bureau of Labor Statistics, May 2024</a>)</span></span>, and their"
        ),
        "{page}"
    );
    // The guide's own page says the same.
    let guide = site.read("public/account-manager/index.html");
    assert!(
        guide.contains("<strong>$75,500</strong> per year"),
        "{guide}"
    );
}

#[test]
fn median_pay_of_a_guide_paid_by_the_hour_is_hourly() {
    let (site, _) = built_fixture();
    let page = site.read("public/cook/index.html");
    assert!(
        page.contains("Cooks earn <span class=\"figure-ref\">$17.25 per hour"),
        "{page}"
    );
}

#[test]
fn growth_shows_percent_label_and_period() {
    let (_, page) = built_fixture();
    assert!(
        page.contains("grow <span class=\"figure-ref\">4% (as fast as average), 2024–34"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../account-manager/#job-outlook\""),
        "{page}"
    );
}

#[test]
fn quick_facts_shows_the_guides_table() {
    let (site, page) = built_fixture();
    let start = page
        .find("<figure class=\"quick-facts-ref\">")
        .expect("the table");
    let quoted = &page[start..];
    assert!(
        quoted.contains("<th scope=\"row\">Median pay (May 2024)</th>"),
        "{quoted}"
    );
    assert!(quoted.contains("<td>$75,500 per year<sup"), "{quoted}");
    // A figure's source marker leads to the Sources of the guide's page.
    assert!(
        quoted.contains("<a href=\"../account-manager/#source-bls\""),
        "{quoted}"
    );
    assert!(quoted.contains("<a href=\"../account-manager/\">Account manager</a>"));
    let guide = site.read("public/account-manager/index.html");
    assert!(guide.contains("<td>$75,500 per year<sup"));
    assert!(guide.contains("<a href=\"#source-bls\""));
    // A block on its own line is not wrapped in a paragraph.
    assert!(!page.contains("<p><figure"), "{page}");
}

#[test]
fn callout_renders_its_body_as_markdown() {
    let (_, page) = built_fixture();
    assert!(
        page.contains("<aside class=\"callout callout--tip\" aria-label=\"Before you apply\">"),
        "{page}"
    );
    assert!(page.contains("<p>Ask an account manager about <strong>their</strong> week.</p>"));
}

#[test]
fn a_site_shortcode_renders_and_can_replace_a_builtin() {
    let (_, page) = built_fixture();
    assert!(
        page.contains("<p><span class=\"badge\">New</span></p>"),
        "{page}"
    );

    let site = TestSite::fixture("shortcodes");
    site.write(
        "templates/shortcodes/callout.html",
        "<div class=\"my-callout\" data-tone=\"{{ tone }}\">{{ body | safe }}</div>\n",
    );
    site.write(
        "content/sales-engineer.md",
        &site.read("content/sales-engineer.md").replace(
            "{% callout(kind=\"tip\", title=\"Before you apply\") %}",
            "{% callout(tone=\"calm\") %}",
        ),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/sales-engineer/index.html");
    assert!(
        page.contains("<div class=\"my-callout\" data-tone=\"calm\"><p>Ask"),
        "{page}"
    );
    assert!(!page.contains("callout--"), "{page}");
}

#[test]
fn shortcodes_in_code_are_left_as_written() {
    let (_, page) = built_fixture();
    assert!(
        page.contains("<code>{{ median_pay(guide=&quot;nobody&quot;) }}</code>")
            || page.contains("<code>{{ median_pay(guide=\"nobody\") }}</code>"),
        "{page}"
    );
    assert!(page.contains("<pre><code>{{ growth(guide="), "{page}");
}

#[test]
fn figure_shows_an_image_with_alt_and_caption() {
    let site = TestSite::fixture("shortcodes");
    site.write(
        "static/images/desk.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#369\"/></svg>\n",
    );
    site.write(
        "content/sales-engineer.md",
        &format!(
            "{}\n{{{{ figure(src=\"@/images/desk.svg\", alt=\"A desk\", caption=\"Where the work happens.\") }}}}\n",
            site.read("content/sales-engineer.md")
        ),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/sales-engineer/index.html");
    assert!(
        page.contains("<img src=\"../images/desk.svg\" alt=\"A desk\""),
        "{page}"
    );
    assert!(
        page.contains("<figcaption>Where the work happens.</figcaption>"),
        "{page}"
    );
}

#[test]
fn bad_calls_are_located_errors_all_at_once_and_public_is_untouched() {
    let site = TestSite::fixture("shortcode-errors");
    site.write("public/keep.txt", "old");
    let output = site.build();
    assert!(!output.status.success());
    let err = stderr(&output);
    for expected in [
        "content/sales-engineer.md:8:25: error: expected `median_pay(guide=\"acount-manager\")` to name a guide, found `acount-manager`, which names no guide",
        "help: did you mean \"account-manager\"?",
        "content/sales-engineer.md:10:9: error: expected a known shortcode, found `growht(guide=\"account-manager\")`",
        "help: did you mean `growth`?",
        "content/sales-engineer.md:12:12: error: expected an argument of `callout`, found `knd`",
        "help: did you mean `kind`?",
        "content/sales-engineer.md:16:12: error: expected `kind` of `callout(kind=\"danger\")` to be \"tip\", \"note\" or \"warning\"",
        "content/sales-engineer.md:20:11: error: expected the guide `sales-engineer` named by `growth(guide=\"sales-engineer\")` to have projected growth",
        "content/sales-engineer.md:22:11: error: expected a link to a file under content/ or static/, found `@/images/none.png`",
        "content/sales-engineer.md:24:1: error: expected `figure(src=\"@/account-manager.md\")` to have `alt`, found none",
        "7 errors",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert_eq!(site.read("public/keep.txt"), "old");
}

#[test]
fn unreadable_calls_are_located_errors() {
    let site = TestSite::fixture("shortcodes");
    site.write(
        "content/sales-engineer.md",
        "---\ntitle: Sales engineer\nsummary: Explains products.\ncategory: sales\nduties: [Explain]\n---\nLine one.\n\n{{ growth(guide=account-manager) }}\n\n{% callout() %}\nno end\n",
    );
    let output = site.build();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains(
            "content/sales-engineer.md:9:17: error: expected a value for `guide` of `growth`"
        ),
        "{err}"
    );
    assert!(
        err.contains("content/sales-engineer.md:11:1: error: expected `{% end %}` closing the body of `callout`"),
        "{err}"
    );
}

// ---- serve ----------------------------------------------------------

/// Saves `text` to `rel`, rebuilds, and returns every path published.
fn save_and_rebuild(
    workspace: &mut Workspace,
    site: &TestSite,
    rel: &str,
    text: &str,
) -> BTreeSet<String> {
    site.write(rel, text);
    let mut changes = Changes::default();
    changes.add(site.root(), None, &site.path(rel));
    let first = rebuilt(workspace.rebuild(&changes));
    let mut updated: BTreeSet<String> = first.updates.into_iter().map(|(p, _)| p).collect();
    if let Some(rest) = workspace.finish(&|| false) {
        updated.extend(rebuilt(rest).updates.into_iter().map(|(p, _)| p));
    }
    updated
}

#[test]
fn serve_rerenders_a_page_quoting_a_guide_when_that_guide_changes() {
    let site = TestSite::fixture("shortcodes");
    let mut workspace = Workspace::new(options(site.root()));
    rebuilt(workspace.rebuild(&Changes::default()));
    assert_cold_build(&workspace, site.root());

    let text = site
        .read("content/account-manager.md")
        .replace("median: 75500", "median: 81000");
    let updated = save_and_rebuild(&mut workspace, &site, "content/account-manager.md", &text);
    assert!(updated.contains("sales-engineer/index.html"), "{updated:?}");
    let page =
        String::from_utf8_lossy(&workspace.served()["sales-engineer/index.html"]).into_owned();
    assert!(page.contains("$81,000 per year"), "{page}");
    assert_cold_build(&workspace, site.root());

    // A field no listing shows (the outlook's employment) still reaches
    // the quoted Quick facts.
    let text = text.replace(
        "  growth_percent: 4\n",
        "  growth_percent: 4\n  employment: 123400\n",
    );
    let updated = save_and_rebuild(&mut workspace, &site, "content/account-manager.md", &text);
    assert!(updated.contains("sales-engineer/index.html"), "{updated:?}");
    assert_cold_build(&workspace, site.root());
}
