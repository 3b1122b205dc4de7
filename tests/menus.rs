//! Menus from `config.yaml` and from pages' `menu:` front matter: rendered
//! by the default theme in the header and the footer with the current page
//! marked, targets checked like links, entries validated strictly.

mod common;

use common::{TestSite, stderr};

/// The header's navigation of a built page.
fn site_nav(page: &str) -> &str {
    let start = page.find("<nav class=\"site-nav\"").expect("a site nav");
    let end = start + page[start..].find("</nav>").expect("nav closes");
    &page[start..end]
}

#[test]
fn the_main_menu_is_in_the_header_by_weight_with_the_current_page_marked() {
    let site = TestSite::fixture("menus-site");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/registered-nurse/index.html");
    let nav = site_nav(&page);
    // By weight: Home 0, Careers 10, Nursing 20, Compare 30.
    let order: Vec<usize> = [">Home<", ">Careers<", ">Nursing<", ">Compare<"]
        .iter()
        .map(|label| {
            nav.find(label)
                .unwrap_or_else(|| panic!("{label} in {nav}"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{nav}");
    // The configured menu replaces the default links.
    assert!(!nav.contains(">Industries<"), "{nav}");
    // Links are relative to the page; the current page is marked, once.
    assert!(nav.contains("<a href=\"../registered-nurse/\" aria-current=\"page\">Nursing</a>"));
    assert_eq!(nav.matches("aria-current").count(), 1, "{nav}");
    assert!(nav.contains("<a href=\"../\">Home</a>"), "{nav}");
    // Children as a nested list under their entry, fragments kept.
    let careers = nav.find(">Careers<").expect("careers");
    let children = nav
        .find("<ul class=\"site-nav__children\">")
        .expect("nested");
    assert!(careers < children);
    assert!(nav[children..].contains("<a href=\"../electrician/#pay\">Electrician</a>"));
    assert!(nav.contains("site-nav__item site-nav__item--parent"));

    // On the home page, Home is current; on the compare page, Compare.
    let home = site.read("public/index.html");
    assert!(site_nav(&home).contains("<a href=\"./\" aria-current=\"page\">Home</a>"));
    let compare = site.read("public/compare/index.html");
    assert!(site_nav(&compare).contains("<a href=\"../\">Home</a>"));
    assert!(site_nav(&compare).contains("aria-current=\"page\">Compare</a>"));
    // The 404 page marks nothing: it is no page of the menu.
    let not_found = site.read("public/404.html");
    assert!(!site_nav(&not_found).contains("aria-current"));
}

#[test]
fn the_footer_menu_is_in_the_footer() {
    let site = TestSite::fixture("menus-site");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/electrician/index.html");
    let footer = &page[page.find("<footer").expect("a footer")..];
    assert!(footer.contains("<nav class=\"footer-nav\" aria-label=\"Footer\">"));
    assert!(footer.contains("<a href=\"../contact.txt\">Contact</a>"));
    assert!(footer.contains("<a href=\"https://www.bls.gov/\">Labor statistics</a>"));
}

#[test]
fn without_menus_the_header_keeps_its_links() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    let cut = config.find("menus:").expect("menus");
    site.write("config.yaml", &config[..cut]);
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/electrician/index.html");
    let nav = site_nav(&page);
    for label in [
        "All careers",
        "Categories",
        "Industries",
        "Education",
        "Compare",
    ] {
        assert!(nav.contains(&format!(">{label}</a>")), "{label}: {nav}");
    }
    // The pages that ask for an entry follow the usual links; the footer
    // holds only theirs.
    let compare = nav.find(">Compare</a>").expect("compare");
    let about = nav.find(">About</a>").expect("about after the usual links");
    assert!(compare < about, "{nav}");
    let footer = footer_nav(&page);
    assert!(footer.contains(">Accessibility</a>"), "{footer}");
    assert!(!footer.contains(">Contact</a>"), "{footer}");
    let about_page = site.read("public/about/index.html");
    assert!(
        site_nav(&about_page).contains("<a href=\"../about/\" aria-current=\"page\">About</a>"),
        "{}",
        site_nav(&about_page)
    );
}

/// The footer's navigation of a built page.
fn footer_nav(page: &str) -> &str {
    let start = page
        .find("<nav class=\"footer-nav\"")
        .expect("a footer nav");
    let end = start + page[start..].find("</nav>").expect("nav closes");
    &page[start..end]
}

/// Where each of `labels` is in `nav`, asserting that they come in that order.
fn assert_order(nav: &str, labels: &[&str]) {
    let found: Vec<usize> = labels
        .iter()
        .map(|label| {
            nav.find(&format!(">{label}</a>"))
                .unwrap_or_else(|| panic!("{label} in {nav}"))
        })
        .collect();
    assert!(found.windows(2).all(|w| w[0] < w[1]), "{labels:?} in {nav}");
}

#[test]
fn a_page_with_menu_front_matter_is_in_that_menu_by_weight_then_label() {
    let site = TestSite::fixture("menus-site");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    // `menu: { label: About, weight: 25 }` goes in the main menu, between
    // Nursing (20) and Compare (30).
    let page = site.read("public/electrician/index.html");
    assert_order(
        site_nav(&page),
        &["Home", "Careers", "Nursing", "About", "Compare"],
    );
    assert!(site_nav(&page).contains("<a href=\"../about/\">About</a>"));
    // `menu: footer` and `menu: { name: footer, … }`: after the config's
    // entries of the same weight, by label; the title is the label where
    // none is given.
    let footer = footer_nav(&page);
    assert_order(
        footer,
        &[
            "Contact",
            "Labor statistics",
            "Accessibility",
            "Privacy notice",
        ],
    );
    assert!(!site_nav(&page).contains("Privacy"), "only in the footer");
    // On the page itself its entry is the current one, and only it.
    let about = site.read("public/about/index.html");
    let nav = site_nav(&about);
    assert!(
        nav.contains("<a href=\"../about/\" aria-current=\"page\">About</a>"),
        "{nav}"
    );
    assert_eq!(nav.matches("aria-current").count(), 1, "{nav}");
    let privacy = site.read("public/privacy/index.html");
    assert!(
        footer_nav(&privacy)
            .contains("<a href=\"../privacy/\" aria-current=\"page\">Privacy notice</a>"),
        "{}",
        footer_nav(&privacy)
    );
    assert!(!site_nav(&privacy).contains("aria-current"));
}

#[test]
fn a_bad_page_menu_is_a_located_error_naming_the_site_menus() {
    let site = TestSite::fixture("menus-site");
    let about = site.read("content/about.md");
    site.write(
        "content/about.md",
        &about.replace("{ label: About,", "{ lable: About,"),
    );
    let privacy = site.read("content/privacy.md");
    site.write(
        "content/privacy.md",
        &privacy.replace("menu: footer", "menu: sidebar"),
    );
    let accessibility = site.read("content/accessibility.md");
    site.write(
        "content/accessibility.md",
        &accessibility.replace(
            "menu: { name: footer, label: Accessibility }",
            "menu: [footer]",
        ),
    );
    let out = site.build();
    assert!(!out.status.success());
    let err = stderr(&out);
    // An unknown key, with a suggestion, at its line.
    assert!(err.contains("content/about.md:5:"), "{err}");
    assert!(
        err.contains("`lable`") && err.contains("did you mean `label`"),
        "{err}"
    );
    // An unknown menu lists the site's menus.
    assert!(err.contains("content/privacy.md:5:"), "{err}");
    assert!(
        err.contains("expected one of main, footer, found the string \"sidebar\""),
        "{err}"
    );
    // A value of another form says which forms there are.
    assert!(err.contains("content/accessibility.md:5:"), "{err}");
    assert!(
        err.contains("expected true, the name of a menu (main, footer) or a mapping"),
        "{err}"
    );
    assert!(!site.path("public").exists(), "nothing written");
}

#[test]
fn a_translated_page_has_its_menu_label_in_its_language() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!("{config}languages:\n  es:\n    title: Manual de carreras\n"),
    );
    site.write(
        "content/about.es.md",
        "---\nkind: page\ntitle: Acerca del manual\ndescription: Quién escribe el manual.\nmenu: { label: Acerca de, weight: 25 }\n---\nEl manual describe profesiones.\n",
    );
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let spanish = site.read("public/es/about/index.html");
    let nav = site_nav(&spanish);
    assert!(nav.contains("aria-current=\"page\">Acerca de</a>"), "{nav}");
    assert!(!nav.contains(">About</a>"), "{nav}");
    let english = site.read("public/about/index.html");
    assert!(site_nav(&english).contains("aria-current=\"page\">About</a>"));
    assert!(!site_nav(&english).contains("Acerca"));
}

#[test]
fn a_static_file_in_a_translated_menu_links_to_the_site_root() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!("{config}languages:\n  es:\n    title: Manual de carreras\n"),
    );
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    // Files of static/ are published once, at the site's root: two folders
    // up from a Spanish list page, not in /es/.
    let spanish = site.read("public/es/all-careers/index.html");
    assert!(
        footer_nav(&spanish).contains("<a href=\"../../contact.txt\">Contact</a>"),
        "{}",
        footer_nav(&spanish)
    );
    let home = site.read("public/es/index.html");
    assert!(footer_nav(&home).contains("<a href=\"../contact.txt\">Contact</a>"));
    // The page of a list the menu names stays in the language's folder.
    assert!(site_nav(&spanish).contains("<a href=\"../compare/\">Compare</a>"));
    assert!(site.path("public/contact.txt").is_file());
}

#[test]
fn a_page_the_config_menu_names_is_not_listed_again_for_its_own_menu_entry() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    // About asks for a main-menu entry in its front matter; the config
    // names it too, as a child of Careers.
    site.write(
        "config.yaml",
        &config.replace(
            "        - { label: Electrician, target: \"@/electrician.md#pay\" }\n",
            "        - { label: Electrician, target: \"@/electrician.md#pay\" }\n        - { label: About us, target: \"@/about.md\" }\n",
        ),
    );
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/electrician/index.html");
    let nav = site_nav(&page);
    assert_eq!(nav.matches("href=\"../about/\"").count(), 1, "{nav}");
    assert!(
        nav.contains(">About us</a>"),
        "the config's entry wins: {nav}"
    );
    assert!(!nav.contains(">About</a>"), "{nav}");
}

#[test]
fn a_menu_target_naming_nothing_is_a_located_error() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &config
            .replace("@/registered-nurse.md", "@/registered-nurses.md")
            .replace("/compare/", "/comparison/"),
    );
    let out = site.build();
    assert!(!out.status.success());
    let err = stderr(&out);
    let line = |needle: &str| {
        config[..config.find(needle).expect("in config")]
            .matches('\n')
            .count()
            + 1
    };
    let nurse = line("@/registered-nurse.md");
    assert!(
        err.contains(&format!("config.yaml:{nurse}:"))
            && err.contains("\"@/registered-nurses.md\", which names none"),
        "{err}"
    );
    assert!(err.contains("menus.main, item 4, target"), "{err}");
    let compare = line("/compare/");
    assert!(err.contains(&format!("config.yaml:{compare}:")), "{err}");
    assert!(err.contains("\"/comparison/\""), "{err}");
    assert!(!site.path("public").exists(), "nothing written");
}

#[test]
fn an_unknown_menu_key_is_an_error_with_a_suggestion() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &config
            .replace("{ label: Compare,", "{ lable: Compare,")
            .replace("  footer:", "  foter:"),
    );
    let out = site.build();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("`lable`") && err.contains("did you mean `label`"),
        "{err}"
    );
    assert!(
        err.contains("`foter`") && err.contains("did you mean `footer`"),
        "{err}"
    );
    assert!(err.contains("config.yaml:"), "{err}");
}

#[test]
fn a_menu_target_of_another_form_and_grandchildren_are_errors() {
    let site = TestSite::fixture("menus-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &config
            .replace("target: \"https://www.bls.gov/\"", "target: www.bls.gov")
            .replace(
                "{ label: Account manager, target: \"@/account-manager.md\" }",
                "{ label: Account manager, target: \"@/account-manager.md\", children: [{ label: X, target: \"@/\" }] }",
            ),
    );
    let out = site.build();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("found \"www.bls.gov\""), "{err}");
    assert!(err.contains("at most two levels"), "{err}");
}
