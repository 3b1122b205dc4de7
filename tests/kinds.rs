//! Kinds of content besides guides: articles in a section, standalone
//! pages and the home intro. Where each is written, what its page and the
//! pages around it show, how strictly each schema is read, and `serve`
//! rebuilding an article edit byte for byte like a cold build.

mod common;

use careergen::serve::rebuild::{Built, Outcome, Workspace};
use careergen::serve::watch::Changes;
use common::{TestSite, assert_cold_build, options, stderr, stdout};

fn built(name: &str) -> TestSite {
    let site = TestSite::fixture(name);
    let output = site.build();
    assert!(
        output.status.success(),
        "build failed:\n{}{}",
        stdout(&output),
        stderr(&output)
    );
    site
}

/// Builds a broken fixture: it must fail, leave no `public/`, and say why.
fn failed(name: &str) -> String {
    let site = TestSite::fixture(name);
    let output = site.build();
    assert!(
        !output.status.success(),
        "{name} built:\n{}",
        stderr(&output)
    );
    assert!(!site.path("public").exists(), "{name} wrote public/");
    stderr(&output)
}

/// The `<h3>`/`<h2>` article titles of a list, in order.
fn listed_titles(html: &str) -> Vec<&str> {
    html.split("class=\"article-card__title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once("\">")?.1.split_once("</a>"))
        .map(|(title, _)| title)
        .collect()
}

#[test]
fn every_kind_is_written_at_its_own_url() {
    let site = built("kinds-site");
    let public = site.tree("public");
    for page in [
        "about/index.html",
        "advice/index.html",
        "advice/page/2/index.html",
        "advice/negotiate-salary/index.html",
        "advice/negotiate-salary/handshake.svg",
        "advice/informational-interviews/index.html",
        "advice/topics/index.html",
        "advice/topics/job-search/index.html",
        "advice/feed.xml",
        "account-manager/index.html",
    ] {
        assert!(public.contains_key(page), "{page} is missing");
    }
    // Section files are not guides, nor pages of their own beside the list.
    assert!(!public.contains_key("advice/_index/index.html"));
    assert!(!public.contains_key("_index/index.html"));
}

#[test]
fn a_section_lists_its_articles_newest_first_in_pages() {
    let site = built("kinds-site");
    let first = site.read("public/advice/index.html");
    assert_eq!(
        listed_titles(&first),
        ["How to negotiate your salary", "Informational interviews"]
    );
    assert!(
        first.contains("Short, practical articles."),
        "intro missing"
    );
    assert!(
        first.contains("href=\"../advice/page/2/\""),
        "no link to page 2"
    );
    assert!(
        first.contains("articles 1 to 2 of 3"),
        "pager counts articles"
    );
    let second = site.read("public/advice/page/2/index.html");
    assert_eq!(listed_titles(&second), ["Finding an internship"]);
    assert!(!second.contains("Short, practical articles."));
    assert!(second.contains("<title>Advice, page 2 of 2"));
}

#[test]
fn a_section_has_its_own_feed_newest_first() {
    let site = built("kinds-site");
    let feed = site.read("public/advice/feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed is XML");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|c| c.has_tag_name("title"))?.text())
        .collect();
    assert_eq!(
        titles,
        [
            "How to negotiate your salary",
            "Informational interviews",
            "Finding an internship"
        ]
    );
    assert!(feed.contains("<id>https://careers.example.org/advice/</id>"));
    assert!(feed.contains("href=\"https://careers.example.org/advice/feed.xml\""));
    let list = site.read("public/advice/index.html");
    assert!(
        list.contains("type=\"application/atom+xml\" title=\"Advice\" href=\"../advice/feed.xml\"")
    );
}

#[test]
fn topics_are_a_browse_dimension_with_counts() {
    let site = built("kinds-site");
    let topics = site.read("public/advice/topics/index.html");
    assert!(topics.contains(">Job search</a> <span class=\"count\">(2 articles)</span>"));
    assert!(topics.contains(">Students</a> <span class=\"count\">(1 article)</span>"));
    let job_search = site.read("public/advice/topics/job-search/index.html");
    assert_eq!(
        listed_titles(&job_search),
        ["Informational interviews", "Finding an internship"]
    );
}

#[test]
fn an_article_page_shows_its_author_dates_image_and_careers() {
    let site = built("kinds-site");
    let html = site.read("public/advice/negotiate-salary/index.html");
    assert!(html.contains("<body class=\"page page--article\">"));
    assert!(html.contains("By Dana Reyes"));
    assert!(html.contains("<time datetime=\"2026-10-01\">October 1, 2026</time>"));
    assert!(html.contains("Updated <time datetime=\"2026-11-01\">"));
    assert!(html.contains(
        "<img class=\"hero__image\" src=\"../../advice/negotiate-salary/handshake.svg\" alt=\"Two hands meeting in a handshake across a desk.\" width=\"320\" height=\"160\" decoding=\"async\">"
    ));
    // `@/` links to guides resolve from two folders deep.
    assert!(html.contains("<a href=\"../../account-manager/\">account manager profile</a>"));
    assert!(html.contains("<a href=\"../../software-developer/\">Software developer</a>"));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://careers.example.org/advice/negotiate-salary/\">"
    ));
    // Breadcrumb: Home › Advice › the article.
    assert!(html.contains("<li><a href=\"../../advice/\">Advice</a></li>"));
}

#[test]
fn articles_and_pages_carry_their_structured_data() {
    let site = built("kinds-site");
    let article = site.read("public/advice/negotiate-salary/index.html");
    let json = json_ld(&article);
    assert_eq!(json["@type"], "BlogPosting");
    assert_eq!(json["author"]["name"], "Dana Reyes");
    assert_eq!(json["datePublished"], "2026-10-01");
    assert_eq!(json["dateModified"], "2026-11-01");
    assert_eq!(json["headline"], "How to negotiate your salary");
    let about = site.read("public/about/index.html");
    let json = json_ld(&about);
    assert_eq!(json["@type"], "WebPage");
    assert_eq!(json["url"], "https://careers.example.org/about/");
    assert!(about.contains("<meta property=\"og:type\" content=\"website\">"));
    assert!(
        about.contains("<a href=\"../advice/\">advice</a>"),
        "@/ link to a section"
    );
}

fn json_ld(html: &str) -> serde_json::Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("a JSON-LD block")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("closed");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

#[test]
fn a_guide_lists_the_advice_naming_it_newest_first() {
    let site = built("kinds-site");
    let html = site.read("public/account-manager/index.html");
    assert!(html.contains("<h2 id=\"advice__title\">Advice for account managers</h2>"));
    assert!(
        html.contains("<li><a href=\"#advice\">Advice</a></li>") || !html.contains("class=\"toc\"")
    );
    let box_html = &html[html.find("id=\"advice\"").expect("advice box")..];
    let box_html = &box_html[..box_html.find("</section>").expect("closed")];
    assert_eq!(
        listed_titles(box_html),
        ["How to negotiate your salary", "Informational interviews"]
    );
    // Named by `@/` path in `related_careers`.
    let developer = site.read("public/software-developer/index.html");
    assert!(developer.contains("Advice for software developers"));
    // Named by no article: no box.
    let nurse = site.read("public/registered-nurse/index.html");
    assert!(!nurse.contains("id=\"advice\""));
}

#[test]
fn related_advice_sets_how_many_a_guide_lists() {
    let site = TestSite::fixture("kinds-site");
    let config = site.read("config.yaml");
    site.write("config.yaml", &format!("{config}related_advice: 1\n"));
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = site.read("public/account-manager/index.html");
    let box_html = &html[html.find("id=\"advice\"").expect("advice box")..];
    assert_eq!(
        listed_titles(box_html)[..1],
        ["How to negotiate your salary"]
    );
    assert!(!box_html[..box_html.find("</section>").expect("closed")].contains("Informational"));
}

#[test]
fn the_home_page_shows_its_intro_and_the_latest_articles() {
    let site = built("kinds-site");
    let html = site.read("public/index.html");
    assert!(html.contains("<p>Start with a <a href=\"account-manager/\">career profile</a>"));
    assert!(html.contains(
        "<meta name=\"description\" content=\"Career profiles and advice for job seekers.\">"
    ));
    let latest = &html[html
        .find("latest-articles__title")
        .expect("latest articles")..];
    assert_eq!(
        listed_titles(latest),
        [
            "How to negotiate your salary",
            "Informational interviews",
            "Finding an internship"
        ]
    );
    let site = TestSite::fixture("kinds-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!("{config}home:\n  latest_articles: 0\n"),
    );
    assert!(site.build().status.success());
    assert!(
        !site
            .read("public/index.html")
            .contains("latest-articles__title")
    );
}

#[test]
fn the_sitemap_lists_every_kind() {
    let site = built("kinds-site");
    let sitemap = site.read("public/sitemap.xml");
    for url in [
        "https://careers.example.org/about/",
        "https://careers.example.org/advice/",
        "https://careers.example.org/advice/page/2/",
        "https://careers.example.org/advice/negotiate-salary/",
        "https://careers.example.org/advice/topics/pay/",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>{url}</loc>")),
            "{url} missing"
        );
    }
    let article = sitemap
        .split("<url>")
        .find(|u| u.contains("/advice/negotiate-salary/<"))
        .expect("article url");
    assert!(
        article.contains("<lastmod>2026-11-01</lastmod>"),
        "{article}"
    );
}

#[test]
fn an_unknown_article_key_is_located_with_a_suggestion_and_every_error_is_reported() {
    let errors = failed("kinds-broken-article");
    assert!(errors.contains("content/advice/typo.md:5:1: error: sumary: expected a known key, found unknown key `sumary`"), "{errors}");
    assert!(errors.contains("did you mean `summary`?"), "{errors}");
    assert!(
        errors.contains("content/advice/typo.md:6:9: error: topics: expected a list"),
        "{errors}"
    );
    assert!(
        errors.contains(
            "image.src: expected an image file, found \"missing.svg\", which names no file"
        ),
        "{errors}"
    );
    assert!(
        errors.contains(
            "image.alt: expected a text alternative describing the image, found empty text"
        ),
        "{errors}"
    );
    assert!(errors.contains("5 errors"), "{errors}");
}

#[test]
fn a_related_career_that_names_no_guide_is_a_located_error() {
    let errors = failed("kinds-related-nothing");
    assert!(errors.contains("content/advice/dangling.md:8:5: error: related_careers, item 2: expected a published guide, found \"acount-manager\", which names no guide"), "{errors}");
    assert!(
        errors.contains("did you mean `account-manager`?"),
        "{errors}"
    );
    assert!(
        errors.contains("content/advice/dangling.md:9:5:"),
        "{errors}"
    );
    assert!(errors.contains("2 errors"), "{errors}");
}

#[test]
fn a_page_and_a_guide_with_the_same_url_is_an_error_naming_both() {
    let errors = failed("kinds-url-clash");
    assert!(
        errors.contains("content/account-manager-page.md: error: expected a URL of its own, found `/account-manager/`, which `content/account-manager.md` has too"),
        "{errors}"
    );
}

#[test]
fn a_bad_article_date_is_a_located_error() {
    let errors = failed("kinds-bad-date");
    assert!(errors.contains("content/advice/dates.md:3:7: error: date: expected a date written `YYYY-MM-DD`, found \"2026-13-01\""), "{errors}");
    assert!(
        errors.contains(
            "content/advice/dates.md:4:10: error: updated: expected a date not in the future"
        ),
        "{errors}"
    );
}

#[test]
fn a_section_must_name_a_known_kind() {
    let site = TestSite::fixture("kinds-site");
    site.write(
        "content/advice/_index.md",
        "---\nkind: artcle\ntitle: Advice\n---\n",
    );
    let output = site.build();
    assert!(!output.status.success());
    let errors = stderr(&output);
    assert!(
        errors.contains("content/advice/_index.md:2:7: error: kind: expected one of article"),
        "{errors}"
    );
    assert!(errors.contains("did you mean `article`?"), "{errors}");
}

// ---- serve ----------------------------------------------------------

fn published(outcome: Outcome) -> Built {
    match outcome {
        Outcome::Built(built) => built,
        Outcome::Failed(diagnostics) => panic!("the rebuild failed: {diagnostics:?}"),
    }
}

fn save(site: &TestSite, rel: &str, text: &str) -> Changes {
    site.write(rel, text);
    let mut changes = Changes::default();
    changes.add(site.root(), None, &site.path(rel));
    changes
}

/// Runs a rebuild and its second phase; returns the paths published.
fn rebuild(workspace: &mut Workspace, changes: &Changes) -> Vec<String> {
    let first = published(workspace.rebuild(changes));
    let mut updated: Vec<String> = first.updates.into_iter().map(|(p, _)| p).collect();
    if let Some(rest) = workspace.finish(&|| false) {
        updated.extend(published(rest).updates.into_iter().map(|(p, _)| p));
    }
    updated.sort();
    updated
}

#[test]
fn serve_rebuilds_article_and_guide_edits_like_a_cold_build() {
    let site = TestSite::fixture("kinds-site");
    let mut workspace = Workspace::new(options(site.root()));
    published(workspace.rebuild(&Changes::default()));
    assert_cold_build(&workspace, site.root());

    // An article's title: its page, its lists, the guides showing it.
    let article = site.read("content/advice/informational-interviews.md");
    let changes = save(
        &site,
        "content/advice/informational-interviews.md",
        &article.replace(
            "title: Informational interviews",
            "title: Ask for a conversation",
        ),
    );
    let updated = rebuild(&mut workspace, &changes);
    for path in [
        "advice/informational-interviews/index.html",
        "advice/index.html",
        "advice/feed.xml",
        "account-manager/index.html",
    ] {
        assert!(
            updated.iter().any(|p| p == path),
            "{path} not updated: {updated:?}"
        );
    }
    assert!(
        !updated.iter().any(|p| p == "electrician/index.html"),
        "{updated:?}"
    );
    assert_cold_build(&workspace, site.root());

    // A guide's title shows on the articles naming it.
    let guide = site.read("content/account-manager.md");
    let changes = save(
        &site,
        "content/account-manager.md",
        &guide.replace("title: Account manager", "title: Senior account manager"),
    );
    let updated = rebuild(&mut workspace, &changes);
    assert!(
        updated
            .iter()
            .any(|p| p == "advice/negotiate-salary/index.html"),
        "{updated:?}"
    );
    assert_cold_build(&workspace, site.root());

    // A new page comes; an article naming a missing guide fails the rebuild.
    let changes = save(
        &site,
        "content/accessibility.md",
        "---\nkind: page\ntitle: Accessibility\ndescription: How the site works for everyone.\n---\nText.\n",
    );
    let updated = rebuild(&mut workspace, &changes);
    assert!(
        updated.iter().any(|p| p == "accessibility/index.html"),
        "{updated:?}"
    );
    assert_cold_build(&workspace, site.root());
    let changes = save(
        &site,
        "content/advice/internships.md",
        &site
            .read("content/advice/internships.md")
            .replace("topics:", "related_careers: [nobody]\ntopics:"),
    );
    match workspace.rebuild(&changes) {
        Outcome::Failed(errors) => assert!(
            errors
                .iter()
                .any(|d| d.message.contains("\"nobody\", which names no guide")),
            "{errors:?}"
        ),
        Outcome::Built(_) => panic!("a related career naming nothing built"),
    }
}

#[test]
fn an_article_page_and_the_first_section_page_are_pinned() {
    let site = built("kinds-site");
    insta::assert_snapshot!(
        "article_negotiate_salary",
        site.read("public/advice/negotiate-salary/index.html")
    );
    insta::assert_snapshot!(
        "section_advice_page_1",
        site.read("public/advice/index.html")
    );
}

#[test]
fn new_article_and_new_page_write_drafts_the_build_reads() {
    let site = TestSite::fixture("kinds-site");
    let output = site.run(&["new", "article", "How to ask for a raise"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let article = site.path("content/advice/how-to-ask-for-a-raise.md");
    assert!(
        stdout(&output)
            .trim()
            .ends_with("how-to-ask-for-a-raise.md")
    );
    let text = std::fs::read_to_string(&article).expect("article written");
    assert!(
        text.contains("title: \"How to ask for a raise\"\ndate: 2026-11-15\n"),
        "{text}"
    );
    let output = site.run(&["new", "page", "Contact us"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.path("content/contact-us.md").is_file());
    // Drafts: left out of a build, built with --drafts, without errors.
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!site.path("public/advice/how-to-ask-for-a-raise").exists());
    let output = site.run(&["build", "--drafts"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        site.path("public/advice/how-to-ask-for-a-raise/index.html")
            .is_file()
    );
    assert!(site.path("public/contact-us/index.html").is_file());
    // A second run refuses to overwrite.
    let output = site.run(&["new", "page", "Contact us"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    let output = site.run(&["new", "articel", "Typo"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("expected `article` or `page`"),
        "{}",
        stderr(&output)
    );
}
