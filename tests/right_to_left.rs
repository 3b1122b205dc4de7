//! A site in a right-to-left language (`tests/fixtures/i18n-rtl`, Arabic,
//! with its own `i18n/ar.ftl`): every page says `dir="rtl"`, and the
//! theme's labels come from the site's Arabic messages. A left-to-right
//! site's markup stays as it was. The layout itself is checked in
//! Chromium by `tests/browser/rtl.mjs`.

mod common;

use common::{TestSite, built, stderr, stdout};

#[test]
fn every_page_of_an_arabic_site_runs_right_to_left() {
    let site = built(TestSite::fixture("i18n-rtl"));
    for page in [
        "index.html",
        "account-manager/index.html",
        "all-careers/index.html",
        "compare/index.html",
        "categories/sales/index.html",
        "404.html",
    ] {
        let html = site.read(&format!("public/{page}"));
        assert!(
            html.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{page}: {}",
            &html[..200.min(html.len())]
        );
    }
}

#[test]
fn the_site_arabic_messages_label_the_vocabularies() {
    let site = built(TestSite::fixture("i18n-rtl"));
    let page = site.read("public/account-manager/index.html");
    for label in ["درجة البكالوريوس", "أقل من 5 سنوات", "بمعدل المتوسط"]
    {
        assert!(page.contains(label), "no {label:?}");
    }
    assert!(!page.contains("Bachelor"));
}

#[test]
fn a_left_to_right_site_gets_no_dir() {
    let site = built(TestSite::fixture("small-site"));
    let html = site.read("public/account-manager/index.html");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(!html.contains("dir=\"rtl\""));
}

#[test]
fn the_arabic_site_has_every_theme_message_in_arabic() {
    let site = built(TestSite::fixture("i18n-rtl"));
    let output = site.run(&["check", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let missing: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .filter(|d: &serde_json::Value| {
            d["path"] == "i18n/ar.ftl"
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("expected the message"))
        })
        .collect();
    assert!(missing.is_empty(), "missing-message warnings: {missing:#?}");

    let page = site.read("public/account-manager/index.html");
    for heading in [
        "لمحة سريعة",
        "طبيعة العمل",
        "كيف تلتحق بهذه المهنة",
        "آفاق العمل",
    ] {
        assert!(page.contains(&format!(">{heading}</h2>")), "no {heading:?}");
    }
    for english in [
        "Quick facts",
        "What they do",
        "How to become one",
        "Job outlook",
    ] {
        assert!(!page.contains(english), "{english:?} on the Arabic page");
    }
}
