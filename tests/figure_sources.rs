//! Provenance of figures: each Quick facts figure carries a footnote
//! letter linking to its source, listings and the compare data say where
//! their pay and growth come from, and the site's home state (`region:`)
//! shows beside national pay in listings and compare.
//!
//! Uses the `data-fill` fixture (rows copied from `shared/data/`).

mod common;

use common::{TestSite, stderr};

fn built() -> TestSite {
    let site = TestSite::fixture("data-fill");
    let output = site.build();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        stderr(&output)
    );
    site
}

const OEWS: &str = "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025";
const PROJECTIONS: &str = "Source: U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, 2024–34 edition; Employment Projections program";

/// The marker of a Quick facts cell: its letter linking to the source,
/// named "Source a: …" (the visible letter is part of the name).
fn marker(id: &str, label: &str, letter: &str) -> String {
    let name = label.trim_start_matches("Source: ");
    format!(
        "<sup class=\"source-marker\"><a href=\"#source-{id}\" aria-label=\"Source {letter}: {name}\" title=\"{label}\">{letter}</a></sup>"
    )
}

#[test]
fn each_quick_facts_figure_links_its_source_and_release() {
    let site = built();
    let html = site.read("public/registered-nurse/index.html");
    let state = format!("{OEWS}, state estimates");
    for (value, id, label, letter) in [
        ("$97,550 per year", "bls-oews", OEWS, "a"),
        ("$140,270 per year", "bls-oews-state", state.as_str(), "b"),
        ("Bachelor&#39;s degree", "bls-projections", PROJECTIONS, "c"),
        ("3,391,000", "bls-projections", PROJECTIONS, "c"),
        ("+166,100", "bls-projections", PROJECTIONS, "c"),
    ] {
        let cell = format!("<td>{value}{}</td>", marker(id, label, letter));
        assert!(html.contains(&cell), "no {cell} in:\n{html}");
    }
    // Each letter's entry in Sources carries the same letter.
    for (id, letter) in [
        ("bls-oews", "a"),
        ("bls-oews-state", "b"),
        ("bls-projections", "c"),
    ] {
        let entry = format!(
            "<li id=\"source-{id}\"><span class=\"source-marker\" aria-hidden=\"true\">{letter}</span>"
        );
        assert!(html.contains(&entry), "no {entry} in Sources");
    }
    // The O*NET text is cited in Sources but marks no figure.
    assert!(html.contains("<li id=\"source-onet\"><cite>"));
}

#[test]
fn a_figure_the_guide_gives_itself_carries_the_guides_own_source() {
    let site = built();
    let html = site.read("public/sales-manager-cited/index.html");
    let own = marker("survey", "Source: Regional pay survey 2025", "a");
    assert!(html.contains(&format!("<td>$140,000 per year{own}</td>")));
    // A figure given without a named source has no marker.
    let uncited = site.read("public/sales-manager-uncited/index.html");
    assert!(!uncited.contains("per year<sup"), "{uncited}");
}

#[test]
fn json_ld_names_the_datasets_the_figures_cite() {
    let site = built();
    let html = site.read("public/registered-nurse/index.html");
    let start = html.find("application/ld+json\">").expect("JSON-LD") + 21;
    let end = start + html[start..].find("</script>").expect("end of JSON-LD");
    let json: serde_json::Value = serde_json::from_str(&html[start..end]).expect("JSON");
    let names: Vec<&str> = json["subjectOf"]
        .as_array()
        .expect("subjectOf")
        .iter()
        .map(|d| d["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            &OEWS["Source: ".len()..],
            &PROJECTIONS["Source: ".len()..],
            &format!("{}, state estimates", &OEWS["Source: ".len()..]),
        ]
    );
    assert_eq!(json["estimatedSalary"][0]["median"], 97550);
}

#[test]
fn listings_say_where_each_figure_comes_from_and_show_home_state_pay() {
    let site = built();
    // The home page lists a few recently reviewed guides only.
    for page in ["public/all-careers/index.html"] {
        let html = site.read(page);
        for needle in [
            "<span class=\"home-pay\">California: $140,270 per year</span>",
            "Pay: <cite><a href=\"https://www.bls.gov/oes/\">U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025</a></cite> (Actor, Registered nurse);",
            "Pay: <cite>Regional pay survey 2025</cite> (Sales manager (cited));",
            "Pay: as given in the guide, without a named source (Office helper, Sales manager (uncited));",
            "Pay in California: <cite><a href=\"https://www.bls.gov/oes/\">U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025, state estimates</a></cite>;",
            "Growth: <cite><a href=\"https://www.bls.gov/ooh/\">U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, 2024–34 edition; Employment Projections program</a></cite>",
        ] {
            assert!(html.contains(needle), "no {needle} in {page}:\n{html}");
        }
    }
}

#[test]
fn compare_data_has_a_home_state_row_and_each_guides_sources() {
    let site = built();
    let compare_data = |slug: &str| -> serde_json::Value {
        let path = format!("public/compare/data/{slug}.json");
        serde_json::from_str(&site.read(&path)).expect("compare data")
    };
    let nurse = &compare_data("registered-nurse");
    assert_eq!(
        nurse["fields"][1],
        serde_json::json!(["home", "Median pay in California"])
    );
    assert_eq!(nurse["facts"]["home"], "$140,270 per year");
    assert_eq!(
        nurse["sources"][0],
        serde_json::json!([
            "Pay",
            "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
        ])
    );
    let cited = &compare_data("sales-manager-cited");
    assert_eq!(
        cited["sources"][0],
        serde_json::json!(["Pay", "Regional pay survey 2025"])
    );
}

#[test]
fn without_a_home_state_listings_and_compare_show_only_national_pay() {
    let site = TestSite::fixture("data-fill");
    let config = site.read("config.yaml").replace("region: CA\n", "");
    site.write("config.yaml", &config);
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !site
            .read("public/all-careers/index.html")
            .contains("home-pay")
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.read("public/compare/data/registered-nurse.json"))
            .expect("compare data");
    assert_eq!(json["fields"][1][0], "entry");
    assert!(json["facts"]["home"].is_null());
}

#[test]
fn a_broader_codes_figures_show_beside_the_guides_own_clearly_labelled() {
    // The example's account manager keeps its reference page's figures;
    // BLS counts account managers in 11-2022, sales managers.
    let site = TestSite::example();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = site.read("public/account-manager/index.html");
    let own = marker(
        "reference-page",
        "Source: Account manager job description, resume skills &amp; salary",
        "a",
    );
    for row in [
        format!("<th scope=\"row\">Median pay</th>\n      <td>$75,500 per year{own}</td>"),
        format!(
            "<th scope=\"row\">Median pay, Sales managers (BLS) (May 2025)</th>\n      <td>$148,270 per year{}</td>",
            marker("bls-oews", OEWS, "b")
        ),
        format!(
            "<th scope=\"row\">Job outlook, Sales managers (BLS), 2024–34</th>\n      <td>5% (Faster than average){}</td>",
            marker("bls-projections", PROJECTIONS, "c")
        ),
    ] {
        assert!(html.contains(&row), "no {row} in:\n{html}");
    }
    // The guide's own figures stay its own: pay section and JSON-LD.
    assert!(html.contains("\"median\":75500"), "{html}");
    assert!(!html.contains("\"median\":148270"), "{html}");
    // No state figures of sales managers as if they were account managers'.
    assert!(!html.contains("id=\"pay-by-state\""));
}
