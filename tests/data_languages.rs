//! A site in English, Spanish and French with data (`i18n-data-words`):
//! each language's guide page cites the data, names the states and the
//! industries in its own words, while a citation the site writes itself
//! stays as written in every language.

mod common;

use common::{TestSite, built};

/// The guide page of each language: English, Spanish, French.
fn pages(site: &TestSite) -> [String; 3] {
    [
        site.read("public/account-executive/index.html"),
        site.read("public/es/ejecutivo-de-cuentas/index.html"),
        site.read("public/fr/charge-d-affaires/index.html"),
    ]
}

/// The `<section id="…">` of `html`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\""))
        .unwrap_or_else(|| panic!("the page has no section {id}"));
    let end = html[start..]
        .find("</section>")
        .map_or(html.len(), |e| start + e);
    &html[start..end]
}

/// Where the state table's row of `name` starts in `html`.
fn row_at(html: &str, name: &str) -> usize {
    html.find(&format!("<th scope=\"row\">{name}</th>"))
        .unwrap_or_else(|| panic!("no state row for {name}"))
}

#[test]
fn each_language_cites_the_data_in_its_own_words() {
    let site = built(TestSite::fixture("i18n-data-words"));
    let [en, es, fr] = pages(&site);

    let sources = section(&en, "sources");
    assert!(
        sources.contains(
            "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025</a>"
        ),
        "{sources}"
    );
    assert!(sources.contains("License: Public domain"), "{sources}");

    let sources = section(&es, "sources");
    assert!(
        sources.contains(
            "Oficina de Estadísticas Laborales de EE. UU. (BLS), Estadísticas de Empleo y Salarios por Ocupación (OEWS), mayo de 2025</a>"
        ),
        "{sources}"
    );
    assert!(
        sources.contains("mayo de 2025, estimaciones por estado</a>"),
        "{sources}"
    );
    assert!(sources.contains("Licencia: Dominio público"), "{sources}");
    // Nowhere on the page: not in Quick facts' footnotes, not in JSON-LD.
    for english in ["Bureau of Labor Statistics", "May 2025", "Public domain"] {
        assert!(!es.contains(english), "{english:?} on the Spanish page");
    }
    assert!(
        es.contains(r#""license":"Dominio público""#),
        "JSON-LD license"
    );

    let sources = section(&fr, "sources");
    assert!(
        sources.contains("Bureau des statistiques du travail des États-Unis (BLS)"),
        "{sources}"
    );
    assert!(sources.contains("mai 2025"), "{sources}");
    for english in ["Bureau of Labor Statistics", "May 2025", "Public domain"] {
        assert!(!fr.contains(english), "{english:?} on the French page");
    }
}

#[test]
fn states_are_named_and_sorted_in_the_page_language() {
    let site = built(TestSite::fixture("i18n-data-words"));
    let [en, es, fr] = pages(&site);

    let table = section(&en, "pay-by-state");
    assert!(row_at(table, "North Carolina") > row_at(table, "New York"));

    let table = section(&es, "pay-by-state");
    for name in [
        "Nueva York",
        "Carolina del Norte",
        "Pensilvania",
        "Hawái",
        "Distrito de Columbia",
        "Islas Vírgenes de los Estados Unidos",
    ] {
        row_at(table, name);
    }
    assert!(!table.contains(">North Carolina<"), "{table}");
    // By the Spanish names: "Carolina del Norte" among the Cs.
    assert!(row_at(table, "Carolina del Norte") < row_at(table, "Colorado"));
    assert!(row_at(table, "Idaho") < row_at(table, "Islas Vírgenes de los Estados Unidos"));
    assert!(row_at(table, "Islas Vírgenes de los Estados Unidos") < row_at(table, "Kansas"));
    // The map's tooltips too.
    assert!(table.contains("<title>Nueva York: "), "{table}");
    // The home state (`region: NY`) in Quick facts.
    assert!(es.contains("Salario mediano en Nueva York"));

    let table = section(&fr, "pay-by-state");
    for name in [
        "Californie",
        "Pennsylvanie",
        "Caroline du Nord",
        "Porto Rico",
    ] {
        row_at(table, name);
    }
    assert!(row_at(table, "Caroline du Nord") < row_at(table, "Colorado"));
    // French puts a no-break space before a colon.
    assert!(table.contains("<title>Californie\u{a0}: "), "{table}");
}

#[test]
fn industries_and_the_author_take_the_language_names_the_config_gives() {
    let site = built(TestSite::fixture("i18n-data-words"));
    let [en, es, fr] = pages(&site);
    assert!(en.contains(">Wholesale trade</a>"));
    assert!(es.contains(">Comercio mayorista</a>"));
    assert!(fr.contains(">Commerce de gros</a>"));
    // The page keeps its address, and is titled in the language.
    let browse = site.read("public/es/industries/wholesale-trade/index.html");
    assert!(browse.contains("Comercio mayorista"), "{browse}");
    assert!(!browse.contains("Wholesale trade"), "{browse}");
    let index = site.read("public/es/industries/index.html");
    assert!(
        index.find("Comercio mayorista") < index.find("Industria manufacturera"),
        "sorted by the Spanish names"
    );
    assert!(es.contains("Equipo editorial"));
    assert!(!es.contains("The editors"));
    assert!(en.contains("The editors"));
}

#[test]
fn a_citation_the_site_writes_stays_as_written_in_every_language() {
    let site = TestSite::fixture("i18n-data-words");
    let config = site.read("config.yaml").replace(
        "  wages: data/oews-national-may2025.csv",
        "  wages: { file: data/oews-national-may2025.csv, citation: \"BLS OEWS, May 2025 (national file, as downloaded)\" }",
    );
    site.write("config.yaml", &config);
    let site = built(site);
    let [en, es, fr] = pages(&site);
    for page in [&en, &es, &fr] {
        let sources = section(page, "sources");
        assert!(
            sources.contains(">BLS OEWS, May 2025 (national file, as downloaded)</a>"),
            "{sources}"
        );
    }
    // The state figures keep the default wording, in each language.
    assert!(section(&es, "sources").contains("mayo de 2025, estimaciones por estado"));
    assert!(!section(&es, "sources").contains("OEWS), mayo de 2025</a>"));
}
