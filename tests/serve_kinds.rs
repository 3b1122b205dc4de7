//! `serve` after an edit of an article or a page: exactly the outputs
//! that show what changed are rendered again (the article, its section's
//! list pages and topic pages, the guides it names, the home page's latest
//! articles, the site files), and what is served equals a cold build of
//! the edited site byte for byte.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use careergen::serve::rebuild::{Outcome, Workspace};
use careergen::serve::watch::Changes;
use common::{TestSite, assert_cold_build, options, rebuilt};

/// What one rebuild (both phases) did: the pages rendered and the files
/// whose bytes changed.
struct Done {
    rendered: BTreeSet<String>,
    updated: BTreeSet<String>,
}

fn rebuild(workspace: &mut Workspace, changes: &Changes) -> Done {
    let first = rebuilt(workspace.rebuild(changes));
    let mut rendered: BTreeSet<String> = first.rendered.iter().cloned().collect();
    let mut updated: BTreeSet<String> = first.updates.iter().map(|(p, _)| p.clone()).collect();
    if let Some(outcome) = workspace.finish(&|| false) {
        let second = rebuilt(outcome);
        rendered.extend(second.rendered.iter().cloned());
        updated.extend(second.updates.iter().map(|(p, _)| p.clone()));
    }
    Done { rendered, updated }
}

/// The kinds fixture, served: three articles in `advice/` (two to a list
/// page), an About page in the main menu, a home page with the latest
/// articles.
fn served() -> (TestSite, Workspace) {
    let site = TestSite::fixture("kinds-site");
    let mut workspace = Workspace::new(options(site.root()));
    let first = rebuild(&mut workspace, &Changes::default());
    assert!(
        first
            .rendered
            .contains("advice/negotiate-salary/index.html")
    );
    (site, workspace)
}

/// Rewrites the line of `rel` that starts with `prefix` (every line when
/// `line` is empty: it is removed) and names the file as changed.
fn edit(root: &Path, rel: &str, prefix: &str, line: &str) -> Changes {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.lines().any(|l| l.starts_with(prefix)),
        "no `{prefix}` in {rel}"
    );
    let edited: Vec<&str> = text
        .lines()
        .map(|l| if l.starts_with(prefix) { line } else { l })
        .collect();
    std::fs::write(&path, edited.join("\n") + "\n").expect("write");
    changed(root, rel)
}

fn changed(root: &Path, rel: &str) -> Changes {
    let mut changes = Changes::default();
    changes.add(root, None, &root.join(rel));
    changes
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| p.to_string()).collect()
}

#[test]
fn an_article_body_edit_renders_its_page_alone() {
    let (site, mut workspace) = served();
    let root = site.root();
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/advice/internships.md",
            "Start early",
            "Start early: most programs close months before they begin.",
        ),
    );
    assert_eq!(done.rendered, set(&["advice/internships/index.html"]));
    assert_eq!(done.updated, set(&["advice/internships/index.html"]));
    assert_cold_build(&workspace, root);
}

#[test]
fn an_article_title_edit_renders_what_shows_its_title() {
    let (site, mut workspace) = served();
    let root = site.root();
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/advice/negotiate-salary.md",
            "title:",
            "title: How to ask for a higher salary",
        ),
    );
    assert_eq!(
        done.rendered,
        set(&[
            // The article, its section's first list page and its topics' pages…
            "advice/negotiate-salary/index.html",
            "advice/index.html",
            "advice/topics/pay/index.html",
            "advice/topics/job-offers/index.html",
            // …the guides it names, under "Advice for …"…
            "account-manager/index.html",
            "software-developer/index.html",
            // …and the home page's latest articles.
            "index.html",
        ])
    );
    // The section feed and the search index show the title too.
    assert!(
        done.updated.contains("advice/feed.xml"),
        "{:?}",
        done.updated
    );
    assert!(
        done.updated.iter().any(|p| p.starts_with("pagefind/")),
        "{:?}",
        done.updated
    );
    assert!(!done.updated.contains("sitemap.xml"), "{:?}", done.updated);
    assert_cold_build(&workspace, root);
}

#[test]
fn a_topics_edit_renders_the_topic_pages_old_and_new() {
    let (site, mut workspace) = served();
    let root = site.root();
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/advice/informational-interviews.md",
            "topics:",
            "topics: [Networking]",
        ),
    );
    assert_eq!(
        done.rendered,
        set(&[
            "advice/informational-interviews/index.html",
            "advice/index.html",
            "advice/topics/index.html",
            // It left Job search and is the first on Networking.
            "advice/topics/job-search/index.html",
            "advice/topics/networking/index.html",
            "account-manager/index.html",
            "index.html",
        ])
    );
    assert!(done.updated.contains("sitemap.xml"), "{:?}", done.updated);
    assert_cold_build(&workspace, root);
    // The last article on a topic leaves it: the topic's page goes.
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/advice/informational-interviews.md",
            "topics:",
            "topics: [Job search]",
        ),
    );
    assert!(
        done.updated.contains("advice/topics/networking/index.html"),
        "{:?}",
        done.updated
    );
    assert!(
        !workspace
            .served()
            .contains_key("advice/topics/networking/index.html")
    );
    assert_cold_build(&workspace, root);
}

#[test]
fn a_related_careers_edit_renders_the_guides_it_names_before_and_after() {
    let (site, mut workspace) = served();
    let root = site.root();
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/advice/informational-interviews.md",
            "related_careers:",
            "related_careers: [electrician]",
        ),
    );
    assert_eq!(
        done.rendered,
        set(&[
            "advice/informational-interviews/index.html",
            "account-manager/index.html",
            "electrician/index.html",
        ])
    );
    assert_cold_build(&workspace, root);
}

#[test]
fn a_date_edit_reorders_every_list_of_the_section() {
    let (site, mut workspace) = served();
    let root = site.root();
    // The oldest article becomes the newest.
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/advice/internships.md",
            "date:",
            "date: 2026-10-20",
        ),
    );
    assert_eq!(
        done.rendered,
        set(&[
            "advice/internships/index.html",
            "advice/index.html",
            "advice/page/2/index.html",
            "advice/topics/job-search/index.html",
            "advice/topics/students/index.html",
            "index.html",
        ])
    );
    assert!(done.updated.contains("sitemap.xml"), "{:?}", done.updated);
    assert!(
        done.updated.contains("advice/feed.xml"),
        "{:?}",
        done.updated
    );
    assert_cold_build(&workspace, root);
}

#[test]
fn an_article_added_then_deleted_comes_and_goes_with_its_lists() {
    let (site, mut workspace) = served();
    let root = site.root();
    let rel = "content/advice/first-job.md";
    site.write(
        rel,
        "---\ntitle: Your first job\ndate: 2026-11-01\nauthor: Sam Lee\n\
         summary: What the first weeks of a new job ask of you.\ntopics: [Students]\n\
         related_careers: [electrician]\n---\nAsk questions early.\n",
    );
    let done = rebuild(&mut workspace, &changed(root, rel));
    for page in [
        "advice/first-job/index.html",
        "advice/index.html",
        "advice/page/2/index.html",
        "advice/topics/index.html",
        "advice/topics/students/index.html",
        "electrician/index.html",
        "index.html",
    ] {
        assert!(done.rendered.contains(page), "{page}: {:?}", done.rendered);
    }
    for page in [
        "about/index.html",
        "advice/internships/index.html",
        "registered-nurse/index.html",
    ] {
        assert!(!done.rendered.contains(page), "{page}: {:?}", done.rendered);
    }
    assert!(done.updated.contains("sitemap.xml"));
    assert_cold_build(&workspace, root);

    std::fs::remove_file(site.path(rel)).expect("remove");
    let done = rebuild(&mut workspace, &changed(root, rel));
    assert!(done.updated.contains("advice/first-job/index.html"));
    assert!(
        !workspace
            .served()
            .contains_key("advice/first-job/index.html")
    );
    assert!(!done.rendered.contains("about/index.html"));
    assert_cold_build(&workspace, root);
}

#[test]
fn a_page_edit_renders_the_page_and_a_menu_target_move_every_page() {
    let (site, mut workspace) = served();
    let root = site.root();
    let config = site.read("config.yaml")
        + "menus:\n  main:\n    - { label: About, target: \"@/about.md\", weight: 10 }\n";
    site.write("config.yaml", &config);
    rebuild(&mut workspace, &changed(root, "config.yaml"));
    // The menu names the page with a label of its own: the title is on
    // the page alone (and in its search record).
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/about.md",
            "title:",
            "title: About the Careers Handbook",
        ),
    );
    assert_eq!(done.rendered, set(&["about/index.html"]));
    assert!(
        done.updated.iter().any(|p| p.starts_with("pagefind/")),
        "{:?}",
        done.updated
    );
    assert_cold_build(&workspace, root);

    // A new slug moves the menu's target: every page shows the menu.
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/about.md",
            "title:",
            "title: About\nslug: who-we-are",
        ),
    );
    for page in [
        "who-we-are/index.html",
        "index.html",
        "account-manager/index.html",
        "advice/internships/index.html",
        "categories/index.html",
    ] {
        assert!(done.rendered.contains(page), "{page}: {:?}", done.rendered);
    }
    assert!(!workspace.served().contains_key("about/index.html"));
    assert_cold_build(&workspace, root);
}

#[test]
fn an_article_naming_no_guide_fails_and_the_fix_publishes() {
    let (site, mut workspace) = served();
    let root = site.root();
    let changes = edit(
        root,
        "content/advice/internships.md",
        "topics:",
        "topics: [Students]\nrelated_careers: [astronaut]",
    );
    match workspace.rebuild(&changes) {
        Outcome::Failed(diagnostics) => assert!(
            diagnostics
                .iter()
                .any(|d| d.is_error() && d.headline().contains("astronaut")),
            "{diagnostics:?}"
        ),
        Outcome::Built(_) => panic!("an article naming no guide was published"),
    }
    edit(
        root,
        "content/advice/internships.md",
        "related_careers:",
        "related_careers: [electrician]",
    );
    let done = rebuild(
        &mut workspace,
        &changed(root, "content/advice/internships.md"),
    );
    assert!(done.rendered.contains("electrician/index.html"));
    assert_cold_build(&workspace, root);
}

#[test]
fn a_guide_edit_renders_the_articles_showing_it_and_no_other() {
    let (site, mut workspace) = served();
    let root = site.root();
    let done = rebuild(
        &mut workspace,
        &edit(
            root,
            "content/software-developer.md",
            "summary:",
            "summary: Designs, writes and tests the programs people use every day.",
        ),
    );
    // The article naming it shows its summary under "Careers this advice is for".
    assert!(
        done.rendered.contains("advice/negotiate-salary/index.html"),
        "{:?}",
        done.rendered
    );
    for page in [
        "advice/internships/index.html",
        "advice/informational-interviews/index.html",
        "advice/index.html",
        "about/index.html",
    ] {
        assert!(!done.rendered.contains(page), "{page}: {:?}", done.rendered);
    }
    assert_cold_build(&workspace, root);
}
