//! Menus from `config.yaml`: rendered by the default theme in the header
//! and the footer with the current page marked, targets checked like
//! links, entries validated strictly.

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
    assert!(!page.contains("footer-nav"));
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
