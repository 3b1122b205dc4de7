//! Sites in several languages: the `i18n-en-es` fixture (English and
//! Spanish, one guide left untranslated) built by the real binary.

mod common;

use careergen::serve::rebuild::{Outcome, Workspace};
use careergen::serve::watch::Changes;
use common::{TestSite, assert_cold_build, options, stderr, stdout};

fn built() -> TestSite {
    let site = TestSite::fixture("i18n-en-es");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    site
}

/// The `href` of each `<link rel="alternate" hreflang=…>` in `html`, by language.
fn alternates(html: &str) -> Vec<(String, String)> {
    html.lines()
        .filter(|line| line.starts_with("<link rel=\"alternate\" hreflang="))
        .map(|line| {
            let attr = |name: &str| {
                let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                let end = line[start..].find('"').expect("closing quote") + start;
                line[start..end].to_string()
            };
            (attr("hreflang"), attr("href"))
        })
        .collect()
}

#[test]
fn each_language_has_its_own_pages_lists_feed_404_and_search_below_its_folder() {
    let site = built();
    let guide = site.read("public/es/gerente-de-cuentas/index.html");
    assert!(guide.contains("<html lang=\"es\">"), "{guide}");
    assert!(guide.contains("Gerente de cuentas | Guía de carreras"));
    // Static files stay at the site's root; links stay in the language.
    assert!(guide.contains("href=\"../../style.css\""));
    assert!(guide.contains("<a class=\"site-title\" href=\"../\">Guía de carreras</a>"));
    // A related career is linked in this language by its translated slug.
    assert!(
        guide.contains("href=\"../representante-de-ventas/\""),
        "{guide}"
    );
    for file in [
        "public/es/index.html",
        "public/es/404.html",
        "public/es/feed.xml",
        "public/es/all-careers/index.html",
        "public/es/compare/index.html",
        "public/es/search/index.html",
        "public/es/categories/sales/index.html",
        "public/es/pagefind/pagefind-entry.json",
        "public/es/advice/negotiate/index.html",
        "public/es/advice/feed.xml",
    ] {
        assert!(site.path(file).is_file(), "{file} missing");
    }
    // The default language stays at the root, in English.
    let english = site.read("public/account-manager/index.html");
    assert!(english.contains("<html lang=\"en\">"));
    assert!(site.path("public/404.html").is_file());
    assert!(!site.path("public/es/robots.txt").exists());
    assert!(!site.path("public/es/sitemap.xml").exists());
    // Spanish lists, feed and search know only the Spanish guides.
    let feed = site.read("public/es/feed.xml");
    assert!(feed.contains("https://careers.example.org/es/gerente-de-cuentas/"));
    assert!(!feed.contains("electrician"), "{feed}");
    let category = site.read("public/es/categories/sales/index.html");
    assert!(category.contains("Ventas"), "{category}");
    let not_found = site.read("public/es/404.html");
    assert!(not_found.contains("<html lang=\"es\">"));
    assert!(not_found.contains("href=\"/style.css\""), "{not_found}");
    assert!(not_found.contains("href=\"/es/"), "{not_found}");
    let entry = site.read("public/es/pagefind/pagefind-entry.json");
    assert!(entry.contains("\"es\""), "{entry}");
}

/// The scripts below `es/` write Spanish: each carries the messages it
/// needs, every plural form of a count with it; English stays at the root.
#[test]
fn scripts_below_a_language_folder_carry_that_language_s_messages() {
    let site = built();
    let search = site.read("public/es/search.js");
    for spanish in [
        r#""search-js-none":"No se encontraron carreras""#,
        r#""search-js-careers":{"by":"count","#,
        r#""one":"{count} carrera""#,
        r#""other":"{count} carreras""#,
        r#""search-js-did-you-mean":"¿Quiso decir {titles}?""#,
        r#""search-label":"Buscar carreras""#,
    ] {
        assert!(
            search.contains(spanish),
            "`{spanish}` missing from es/search.js"
        );
    }
    let compare = site.read("public/es/compare.js");
    assert!(compare.contains(r#""compare-js-add":"Añadir una carrera""#));
    assert!(compare.contains(r#""compare-js-remove-label":"Quitar {title}""#));
    let all = site.read("public/es/all-careers.js");
    assert!(all.contains(r#""all-careers-js-loading":"Cargando todas las carreras…""#));
    assert!(all.contains(r#""all-careers-js-page":"Página {number} de {total}""#));
    for (file, text) in [
        ("search.js", &search),
        ("compare.js", &compare),
        ("all-careers.js", &all),
    ] {
        for english in [
            "No careers found",
            "Add a career",
            // As a string of the script, not in its comments.
            "\"Remove",
            "\"Comparing",
            "Loading every career",
            "Did you mean",
            "Search is not available",
            " careers\"",
        ] {
            assert!(!text.contains(english), "English `{english}` in es/{file}");
        }
    }
    let english = site.read("public/search.js");
    assert!(english.contains(r#""search-js-none":"No careers found""#));
    assert!(english.contains(
        r#""search-js-careers":{"by":"count","one":"{count} career","other":"{count} careers"}"#
    ));
}

/// Text careergen writes itself (compare data, the All careers chart,
/// dates, source lines) is Spanish on Spanish pages.
#[test]
fn text_made_in_rust_is_in_the_page_language() {
    let site = built();
    let compare = site.read("public/es/compare/data/gerente-de-cuentas.json");
    for spanish in ["Salario mediano", "al año", "Perspectivas laborales"] {
        assert!(compare.contains(spanish), "`{spanish}` missing: {compare}");
    }
    for english in [
        "Median pay",
        "per year",
        "Job outlook",
        "Entry-level pay",
        "\"Pay\"",
    ] {
        assert!(!compare.contains(english), "English `{english}`: {compare}");
    }
    let all = site.read("public/es/all-careers/index.html");
    for english in [
        "Careers by median pay",
        " to under ",
        "1 career<",
        " careers<",
        ">Growth:",
        ">Pay:",
    ] {
        assert!(
            !all.contains(english),
            "English `{english}` on es/all-careers/: {all}"
        );
    }
    assert!(
        all.contains("Carreras por salario mediano, al año"),
        "{all}"
    );
    assert!(all.contains("a menos de"), "{all}");
    let guide = site.read("public/es/gerente-de-cuentas/index.html");
    assert!(guide.contains("1 de noviembre de 2026"), "{guide}");
    assert!(!guide.contains("November"), "{guide}");
    let english_guide = site.read("public/account-manager/index.html");
    assert!(
        english_guide.contains("November 1, 2026"),
        "{english_guide}"
    );
    let article = site.read("public/es/advice/negotiate/index.html");
    assert!(article.contains("1 de octubre de 2026"), "{article}");
    assert!(!article.contains("October"), "{article}");
}

#[test]
fn an_untranslated_guide_is_left_out_by_default_and_check_names_it() {
    let site = built();
    assert!(site.path("public/electrician/index.html").is_file());
    assert!(!site.path("public/es/electrician/index.html").exists());
    let all = site.read("public/es/all-careers/index.html");
    assert!(!all.contains("Electrician"), "{all}");
    // A related career missing in Spanish is named without a link.
    let guide = site.read("public/es/gerente-de-cuentas/index.html");
    assert!(guide.contains("Electricista"));
    assert!(!guide.contains("electrician/"), "{guide}");

    let check = site.run(&["check"]);
    let text = format!("{}{}", stdout(&check), stderr(&check));
    assert!(
        text.contains("content/electrician.md")
            && text.contains("expected a translation into `es` beside this guide"),
        "{text}"
    );
    assert!(text.contains("electrician.es.md"), "{text}");
}

#[test]
fn untranslated_fallback_publishes_the_default_text_marked_with_its_language() {
    let site = TestSite::fixture("i18n-en-es");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &config.replace("untranslated: omit", "untranslated: fallback"),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/es/electrician/index.html");
    // Spanish chrome, English text marked as such.
    assert!(page.contains("<html lang=\"es\">"), "{page}");
    assert!(
        page.contains("<div class=\"guide-layout\" lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains("Guía de carreras"));
    // A fallback is no translation: no alternates, no switcher.
    assert!(alternates(&page).is_empty(), "{page}");
    assert!(!page.contains("language-switcher"));
    let all = site.read("public/es/all-careers/index.html");
    assert!(all.contains("Electrician"), "{all}");
    let translated = site.read("public/es/gerente-de-cuentas/index.html");
    assert!(!translated.contains("guide-layout\" lang="), "{translated}");
}

#[test]
fn pages_link_their_translations_with_hreflang_and_the_switcher_both_ways() {
    let site = built();
    let english = site.read("public/account-manager/index.html");
    assert_eq!(
        alternates(&english),
        [
            (
                "en".into(),
                "https://careers.example.org/account-manager/".into()
            ),
            (
                "es".into(),
                "https://careers.example.org/es/gerente-de-cuentas/".into()
            ),
            (
                "x-default".into(),
                "https://careers.example.org/account-manager/".into()
            ),
        ]
    );
    assert!(english.contains(
        "<a href=\"../es/gerente-de-cuentas/\" hreflang=\"es\" lang=\"es\" class=\"language-switcher__link\">Español</a>"
    ), "{english}");
    let spanish = site.read("public/es/gerente-de-cuentas/index.html");
    assert_eq!(alternates(&spanish), alternates(&english));
    assert!(spanish.contains(
        "<a href=\"../../account-manager/\" hreflang=\"en\" lang=\"en\" class=\"language-switcher__link\">English</a>"
    ), "{spanish}");
    assert!(spanish.contains("hreflang=\"es\" lang=\"es\" aria-current=\"page\""));
    // Lists and articles are versions of each other by their path.
    let home = site.read("public/es/index.html");
    assert!(home.contains("hreflang=\"en\" href=\"https://careers.example.org/\""));
    let article = site.read("public/advice/negotiate/index.html");
    assert!(article.contains("href=\"https://careers.example.org/es/advice/negotiate/\""));
    // A guide in one language only has neither.
    let electrician = site.read("public/electrician/index.html");
    assert!(alternates(&electrician).is_empty());
    assert!(!electrician.contains("language-switcher"));
}

#[test]
fn the_sitemap_lists_every_language_with_its_alternates() {
    let site = built();
    let text = site.read("public/sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap parses");
    const XHTML: &str = "http://www.w3.org/1999/xhtml";
    let urls: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let loc = |url: &roxmltree::Node| {
        url.children()
            .find(|n| n.has_tag_name("loc"))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    let links = |url: &roxmltree::Node| -> Vec<(String, String)> {
        url.children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap_or_default().to_string(),
                    n.attribute("href").unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let spanish = urls
        .iter()
        .find(|u| loc(u) == "https://careers.example.org/es/gerente-de-cuentas/")
        .expect("the Spanish guide is listed");
    assert_eq!(
        links(spanish),
        [
            (
                "en".into(),
                "https://careers.example.org/account-manager/".into()
            ),
            (
                "es".into(),
                "https://careers.example.org/es/gerente-de-cuentas/".into()
            ),
            (
                "x-default".into(),
                "https://careers.example.org/account-manager/".into()
            ),
        ]
    );
    let electrician = urls
        .iter()
        .find(|u| loc(u) == "https://careers.example.org/electrician/")
        .expect("the English-only guide is listed");
    assert!(links(electrician).is_empty());
    // Every alternate is itself listed.
    let listed: Vec<String> = urls.iter().map(loc).collect();
    for url in &urls {
        for (_, href) in links(url) {
            assert!(listed.contains(&href), "{href} is not listed");
        }
    }
}

#[test]
fn a_translation_contradicting_a_shared_figure_is_an_error_naming_both_files() {
    let site = TestSite::fixture("i18n-en-es");
    let translation = site.read("content/sales-representative.es.md");
    site.write(
        "content/sales-representative.es.md",
        &translation.replace("salary: { median: 66780 }", "salary: { median: 60000 }"),
    );
    let output = site.build();
    assert!(!output.status.success());
    let text = stderr(&output);
    assert!(
        text.contains("content/sales-representative.es.md:8:19: error: salary.median")
            && text.contains("`content/sales-representative.md` gives it (66780), found 60000"),
        "{text}"
    );
    assert!(!site.path("public").exists());
}

#[test]
fn a_translation_takes_the_shared_figures_of_its_original() {
    let site = built();
    // The Spanish file gives no pay: it shows the English file's.
    let compare = site.read("public/es/compare/data/gerente-de-cuentas.json");
    assert!(
        compare.contains("75500") || compare.contains("75.500"),
        "{compare}"
    );
    let page = site.read("public/es/gerente-de-cuentas/index.html");
    assert!(page.contains("\"median\":75500"), "{page}");
}

#[test]
fn bad_languages_in_config_are_located_errors() {
    let site = TestSite::fixture("i18n-en-es");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &config
            .replace(
                "languages:\n  es:\n",
                "languages:\n  EN_x: {}\n  en: {}\n  es:\n",
            )
            .replace("    title: Guía de carreras", "    titel: Guía de carreras")
            .replace("untranslated: omit", "untranslated: hide"),
    );
    let output = site.build();
    assert!(!output.status.success());
    let text = stderr(&output);
    for expected in [
        "config.yaml:6:9: error: languages.EN_x: expected a language tag",
        "config.yaml:7:7: error: languages.en: expected only the site's other languages",
        "config.yaml:9:5: error: languages.es.titel: expected a known key",
        "config.yaml:13:15: error: untranslated: expected one of omit, fallback",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn a_site_in_one_language_has_no_switcher_or_alternates() {
    let site = TestSite::fixture("small-site");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/account-manager/index.html");
    assert!(!page.contains("hreflang"));
    assert!(!page.contains("language-switcher"));
    assert!(!site.read("public/sitemap.xml").contains("xhtml"));
}

#[test]
fn serve_rebuilds_a_site_in_several_languages_like_a_cold_build() {
    let site = TestSite::fixture("i18n-en-es");
    let mut workspace = Workspace::new(options(site.root()));
    assert!(matches!(
        workspace.rebuild(&Changes::default()),
        Outcome::Built(_)
    ));
    assert_cold_build(&workspace, site.root());

    let file = "content/account-manager.es.md";
    let text = site.read(file);
    site.write(
        file,
        &text.replace("Gerente de cuentas", "Gestor de cuentas"),
    );
    let mut changes = Changes::default();
    changes.guides.insert(site.path(file));
    let Outcome::Built(built) = workspace.rebuild(&changes) else {
        panic!("the rebuild failed");
    };
    assert!(
        built
            .updates
            .iter()
            .any(|(path, _)| path == "es/gerente-de-cuentas/index.html"),
        "{:?}",
        built.updates.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    assert!(
        !built
            .updates
            .iter()
            .any(|(path, _)| path == "electrician/index.html")
    );
    assert_cold_build(&workspace, site.root());
}
