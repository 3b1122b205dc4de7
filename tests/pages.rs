//! What the pages of a built site hold for a person reading them: class
//! names that cannot collide, search data for what readers type, links to
//! browse pages, the order of a guide's sections, figures shown once,
//! suggestions that are really similar, counts that agree. The browser
//! suite (`tests/browser/pages.mjs`) checks the same pages laid out in
//! Chromium; these pin the markup and data behind it.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{TestSite, built, careergen, stderr, stdout};

/// The text between the first `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in page"));
    let rest = &html[from..];
    &rest[..rest.find(end).map_or(rest.len(), |i| i + end.len())]
}

/// Every class name a stylesheet's selectors use.
fn stylesheet_classes(css: &str) -> Vec<String> {
    let mut classes = Vec::new();
    let mut in_comment = false;
    for line in css.lines() {
        let mut rest = line;
        let mut kept = String::new();
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(i) => {
                        rest = &rest[i + 2..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("/*") {
                    Some(i) => {
                        kept.push_str(&rest[..i]);
                        rest = &rest[i + 2..];
                        in_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        // Only selectors: what comes before a `{` or a `,` at the end.
        let selector = kept.split('{').next().unwrap_or("");
        if kept.contains(':') && !kept.contains('{') && !kept.trim_end().ends_with(',') {
            continue;
        }
        for (i, _) in selector.match_indices('.') {
            let name: String = selector[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            if name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                classes.push(name);
            }
        }
    }
    classes
}

#[test]
fn page_kind_classes_never_collide_with_component_classes() {
    let site = built(TestSite::example());
    let css = site.read("public/style.css");
    let classes = stylesheet_classes(&css);
    assert!(
        classes.iter().any(|c| c == "site-search"),
        "parsed {classes:?}"
    );
    let kinds = [
        ("index.html", "home"),
        ("account-manager/index.html", "guide"),
        ("categories/index.html", "browse-index"),
        ("categories/sales/index.html", "browse"),
        ("all-careers/index.html", "all-careers"),
        ("search/index.html", "search"),
        ("compare/index.html", "compare"),
        ("404.html", "404"),
    ];
    for (page, kind) in kinds {
        let html = site.read(&format!("public/{page}"));
        let body = format!("<body class=\"page page--{kind}\">");
        assert!(html.contains(&body), "{page}: expected {body}");
        // A component named like a page kind would style the whole body
        // of that kind (as `.page-search` once squeezed the search page).
        for taken in [format!("page-{kind}"), format!("page--{kind}")] {
            assert!(
                !classes.contains(&taken) || taken.starts_with("page--"),
                "style.css styles `.{taken}`, the class of every {kind} page's body"
            );
        }
    }
    let collisions: Vec<&String> = classes
        .iter()
        .filter(|c| c.starts_with("page-") && !c.starts_with("page--"))
        .collect();
    assert!(
        collisions.is_empty(),
        "component classes named like page kinds: {collisions:?}"
    );
}

/// The records Pagefind wrote below `public/pagefind/fragment/`, as JSON
/// (each file is gzip with a 12-byte signature before the JSON).
fn search_records(site: &TestSite) -> Vec<serde_json::Value> {
    use std::io::Read;
    let dir = site.path("public/pagefind/fragment");
    let mut records = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("a fragment folder") {
        let bytes = std::fs::read(entry.expect("entry").path()).expect("readable");
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut text)
            .expect("gzip");
        assert!(text.starts_with(b"pagefind_dcd"), "signature");
        records.push(serde_json::from_slice(&text[12..]).expect("JSON"));
    }
    records
}

#[test]
fn search_index_holds_fields_of_study_industries_and_duties() {
    let site = built(TestSite::fixture("small-site"));
    let records = search_records(&site);
    let record = |title: &str| -> String {
        records
            .iter()
            .find(|r| r["meta"]["title"] == title)
            .and_then(|r| r["content"].as_str())
            .unwrap_or_else(|| panic!("no record of `{title}` in the index"))
            .to_string()
    };
    let nurse = record("Registered nurse");
    for words in [
        "Nursing",
        "Hospitals",
        "Ambulatory health care services",
        "RN",
    ] {
        assert!(nurse.contains(words), "{words} not in {nurse}");
    }
    let electrician = record("Electrician");
    for word in ["wiring", "blueprints"] {
        assert!(electrician.contains(word), "{word} not in {electrician}");
    }
    // Every guide has a record, with what the results list shows.
    let guides = std::fs::read_dir(site.path("content"))
        .expect("content")
        .count();
    assert_eq!(records.len(), guides);
    for r in &records {
        assert!(r["meta"]["summary"].is_string(), "{r}");
    }
    // The title words, for typo correction, are beside the script.
    let words: Vec<String> =
        serde_json::from_str(&site.read("public/search-words.json")).expect("JSON");
    assert!(words.contains(&"electrician".to_string()), "{words:?}");
}

#[test]
fn industry_names_link_to_their_browse_pages() {
    let site = built(TestSite::example());
    let html = site.read("public/account-manager/index.html");
    let industries = between(&html, "<h3>Industries</h3>", "</ul>");
    for (name, key) in [
        ("Finance", "finance"),
        ("Insurance", "insurance"),
        ("Manufacturing", "manufacturing"),
    ] {
        let link = format!("<a href=\"../industries/{key}/\">{name}</a>");
        assert!(
            industries.contains(&link),
            "expected {link} in {industries}"
        );
        assert!(
            site.path(&format!("public/industries/{key}/index.html"))
                .is_file()
        );
    }
    // The other browse names on the page link too.
    assert!(html.contains("<p class=\"eyebrow\"><a href=\"../categories/sales/\">Sales</a></p>"));
    assert!(html.contains("<a href=\"../education/bachelors/\">Bachelor&#39;s degree</a>"));
}

#[test]
fn guide_links_no_browse_page_a_theme_does_not_have() {
    let site = TestSite::example();
    std::fs::remove_file(site.path("themes/default/templates/browse.html")).expect("remove");
    // The example's menus (its own and its Spanish ones) name a category
    // page, which this theme lacks: the site keeps one language, no menus.
    let config = site.read("config.yaml");
    let menus = config.find("\nmenus:").unwrap_or(config.len());
    let config = &config[..menus];
    let languages = config.find("\nlanguages:").unwrap_or(config.len());
    let after = config.find("\nuntranslated:").unwrap_or(config.len());
    site.write(
        "config.yaml",
        &format!("{}{}", &config[..languages], &config[after..]),
    );
    // Its index and home page then list no groups (the link check would
    // refuse links to pages that are not written).
    for template in ["browse-index.html", "index.html"] {
        site.write(
            &format!("themes/default/templates/{template}"),
            "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{% endblock content %}",
        );
    }
    let site = built(site);
    let html = site.read("public/account-manager/index.html");
    assert!(
        !html.contains("../industries/finance/"),
        "links to a missing browse page"
    );
    assert!(html.contains("<li>Finance</li>"));
}

#[test]
fn sources_and_review_date_close_the_guide_page() {
    let site = built(TestSite::example());
    let html = site.read("public/account-manager/index.html");
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("no `{needle}` in page"))
    };
    let more = at("<section id=\"more\"");
    let sources = at("<section id=\"sources\"");
    let reviewed = at("<p class=\"reviewed\">");
    let faq = at("<section id=\"faq\"");
    assert!(
        faq < more && more < sources && sources < reviewed,
        "order: faq {faq}, more {more}, sources {sources}, reviewed {reviewed}"
    );
    let toc = between(&html, "<nav class=\"toc\"", "</nav>");
    assert!(toc.find("#more") < toc.find("#sources"), "{toc}");
}

#[test]
fn pay_and_outlook_figures_are_shown_once() {
    let site = built(TestSite::example());
    let html = site.read("public/account-manager/index.html");
    let pay = between(&html, "<section id=\"pay\"", "</section>");
    // Sighted readers get the chart, screen readers the table.
    assert!(
        pay.contains("<figure class=\"chart\" aria-hidden=\"true\">"),
        "{pay}"
    );
    assert!(
        pay.contains("<table class=\"pay-table visually-hidden\">"),
        "{pay}"
    );
    let outlook = between(&html, "<section id=\"job-outlook\"", "</section>");
    assert!(outlook.contains("<figure class=\"chart\" aria-hidden=\"true\">"));
    assert!(outlook.contains("<div class=\"visually-hidden\">\n      <dt>Projected growth"));
}

/// The similar occupations a guide page shows, by title.
fn similar_titles(html: &str) -> Vec<String> {
    let Some(from) = html.find("<section id=\"similar-occupations\"") else {
        return Vec::new();
    };
    let section = &html[from..from + html[from..].find("</section>").unwrap_or(0)];
    section
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let text = &row[..row.find("</th>").unwrap_or(row.len())];
            let text = text.rsplit_once("\">").map_or(text, |(_, t)| t);
            text.trim_end_matches("</a>").to_string()
        })
        .collect()
}

#[test]
fn unrelated_careers_are_not_suggested_as_similar() {
    let site = built(TestSite::fixture("small-site"));
    // Electrician and Software developer share one skill, Problem solving.
    let html = site.read("public/electrician/index.html");
    assert_eq!(similar_titles(&html), Vec::<String>::new());
    assert!(!html.contains("id=\"similar-occupations\""));
}

const PLUMBER: &str = "---\ntitle: Plumber\nsummary: Installs and repairs pipes and fixtures that carry water and gas.\n\
codes:\n  soc: 47-2152\ncategory: construction\nduties:\n  - Install pipes and fixtures\n---\n";

#[test]
fn guides_of_the_same_category_and_soc_group_are_suggested() {
    let site = TestSite::fixture("small-site");
    site.write("content/plumber.md", PLUMBER);
    let html = built(site).read("public/electrician/index.html");
    assert_eq!(similar_titles(&html), ["Plumber"]);
}

#[test]
fn suggest_similar_false_turns_suggestions_off() {
    let site = TestSite::fixture("small-site");
    site.write("content/plumber.md", PLUMBER);
    let config = site.read("config.yaml");
    site.write("config.yaml", &format!("{config}suggest_similar: false\n"));
    let html = built(site).read("public/electrician/index.html");
    assert_eq!(similar_titles(&html), Vec::<String>::new());
}

#[test]
fn suggest_similar_must_be_true_or_false() {
    let site = TestSite::fixture("small-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!("{config}suggest_similar: sometimes\n"),
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("config.yaml")
            && err.contains("suggest_similar")
            && err.contains("`true` or `false`"),
        "{err}"
    );
}

#[test]
fn browse_counts_are_worded_the_same_everywhere() {
    let site = built(TestSite::example());
    let page = site.read("public/categories/business-and-financial/index.html");
    assert!(page.contains("<p class=\"count\">2 careers</p>"), "{page}");
    assert!(page.contains("<span class=\"count\">(2 careers)</span></caption>"));
    let index = site.read("public/categories/index.html");
    assert!(index.contains("<span class=\"count\">(2 careers)</span>"));
    let home = site.read("public/index.html");
    assert!(home.contains(
        "<a href=\"categories/business-and-financial/\">Business and financial</a> <span class=\"count\">(2 careers)</span>"
    ));
    assert!(home.contains(
        "<a href=\"all-careers/\">All careers</a> <span class=\"count\">(9 careers)</span>"
    ));
    let one = site.read("public/industries/construction/index.html");
    assert!(one.contains("<p class=\"count\">1 career</p>"), "{one}");
}

/// `N pages` from a line such as `built 4 guides, 26 pages in 70 ms`.
fn pages_in(line: &str) -> Option<usize> {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        (w[1].trim_end_matches(',') == "pages" || w[1].trim_end_matches(',') == "page")
            .then(|| w[0].parse().ok())
            .flatten()
    })
}

#[test]
fn serve_reports_as_many_pages_as_build() {
    let site = TestSite::fixture("small-site");
    let site = built(site);
    let output = site.build();
    let build_line = format!("{}{}", stdout(&output), stderr(&output));
    let build_pages = build_line
        .lines()
        .find_map(pages_in)
        .unwrap_or_else(|| panic!("no page count in {build_line}"));
    let mut child = careergen()
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let out = child.stdout.take().expect("stdout");
    let mut serve_pages = None;
    for line in BufReader::new(out).lines() {
        let Ok(line) = line else { break };
        if line.contains("rendered") {
            serve_pages = pages_in(&line);
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(serve_pages, Some(build_pages), "build said: {build_line}");
}
