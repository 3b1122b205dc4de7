//! Sites in other languages: the theme's messages in French and Spanish,
//! a site's own message files over them, plural rules, and the warning for
//! a message a language lacks.

mod common;

use common::TestSite;

fn built(name: &str) -> TestSite {
    let site = TestSite::fixture(name);
    let out = site.build();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    site
}

/// The text and attribute values a reader meets, without the markup.
fn reader_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + end];
        for attribute in [
            "aria-label=\"",
            "title=\"",
            "placeholder=\"",
            "data-label=\"",
        ] {
            if let Some(at) = tag.find(attribute) {
                let value = &tag[at + attribute.len()..];
                text.push_str(value.split('"').next().unwrap_or(""));
                text.push(' ');
            }
        }
        rest = &rest[start + end + 1..];
    }
    text.push_str(rest);
    text.replace("&#x27;", "'").replace("&amp;", "&")
}

#[test]
fn a_french_site_has_no_english_label_on_a_guide_page() {
    let site = built("i18n-french-site");
    let html = site.read("public/charge-de-clientele/index.html");
    assert!(
        html.contains("<html lang=\"fr\">"),
        "the page says it is French"
    );
    let text = reader_text(&html);
    for english in [
        "Quick facts",
        "per year",
        "Median pay",
        "What they do",
        "Work environment",
        "How to become one",
        "Job outlook",
        "Employment of",
        "projected",
        "Typical entry-level education",
        "Bachelor's degree",
        "Less than 5 years",
        "Similar occupations",
        "Questions and answers",
        "On this page",
        "Skip to main content",
        "Search careers",
        "Home",
        "Pay range for",
        "All occupations",
        "Projected employment growth",
        "Entry level",
        "Top earners",
        "Feed of recently reviewed guides",
        "Breadcrumb",
        "Also called",
        "Typically,",
        "Last reviewed",
    ] {
        assert!(
            !text.contains(english),
            "English `{english}` on the French page"
        );
    }
    for french in [
        "En bref",
        "€ par an",
        "Salaire médian",
        "Licence (quatre ans d’études supérieures)",
        "Moins de 5 ans",
        "Perspectives d’emploi",
        "L’emploi dans ce métier devrait progresser de 4\u{a0}% entre 2024 et 2034",
        "Aller au contenu principal",
        "Accueil",
        "Fourchette de salaires",
        "Autres appellations",
    ] {
        assert!(text.contains(french), "French `{french}` missing");
    }
}

#[test]
fn counts_use_french_and_spanish_plural_rules() {
    let french = built("i18n-french-site");
    let categories = french.read("public/categories/index.html");
    assert!(categories.contains("(2 métiers)"), "{categories}");
    assert!(categories.contains("(1 métier)"), "{categories}");
    assert!(!categories.contains("1 métiers"));
    let spanish = built("i18n-missing-message");
    let categories = spanish.read("public/categories/index.html");
    assert!(categories.contains("(2 carreras)"), "{categories}");
    assert!(categories.contains("(1 carrera)"), "{categories}");
    assert!(!categories.contains("1 carreras"));
    assert!(categories.contains("<html lang=\"es\">"));
}

#[test]
fn a_site_message_file_overrides_one_theme_message() {
    let site = built("i18n-site-override");
    let html = site.read("public/charge-de-clientele/index.html");
    assert!(
        html.contains("<h2 id=\"quick-facts__title\">L’essentiel</h2>"),
        "the site's wording wins"
    );
    // Every other message stays the theme's French.
    assert!(html.contains(">Perspectives d’emploi</h2>"));
    let check = site.run(&["check"]);
    assert!(check.status.success());
    let said = String::from_utf8_lossy(&check.stderr).to_string()
        + &String::from_utf8_lossy(&check.stdout);
    assert!(!said.contains("warning"), "{said}");
}

#[test]
fn a_message_missing_in_the_site_language_warns_and_falls_back_to_english() {
    let site = TestSite::fixture("i18n-missing-message");
    let check = site.run(&["check"]);
    let said = String::from_utf8_lossy(&check.stderr).to_string()
        + &String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "a warning, not an error: {said}");
    let warning = said
        .lines()
        .find(|line| line.contains("promo-banner"))
        .unwrap_or_else(|| panic!("no warning names the key: {said}"));
    assert!(warning.starts_with("i18n/es.ftl"), "{warning}");
    assert!(warning.contains("warning"), "{warning}");
    assert!(warning.contains("`es`"), "{warning}");
    let built = built("i18n-missing-message");
    let home = built.read("public/index.html");
    assert!(home.contains("<p class=\"promo\">Visit our job fair on March 3</p>"));
    // The site's Spanish file still words the rest.
    assert!(home.contains(">Comparador</a>"));
    assert!(home.contains(">Inicio</a>"));
}

#[test]
fn a_syntax_error_in_a_site_message_file_is_located() {
    let site = TestSite::fixture("i18n-french-site");
    site.write("i18n/fr.ftl", "nav-home = Départ\n\nligne cassée\n");
    let out = site.build();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("i18n/fr.ftl:3:"), "{said}");
    assert!(!site.path("public").exists(), "nothing is written");
}
