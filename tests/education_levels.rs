//! A site outside the U.S. lists its own education levels in config.yaml
//! (`tests/fixtures/i18n-uk-education`): guides are checked against them,
//! and pages, browse URLs, the All careers filter, compare data and
//! structured data use their keys, order and labels.

mod common;

use common::{TestSite, built, stderr};

#[test]
fn a_guide_with_a_site_level_builds_and_shows_its_label() {
    let site = built(TestSite::fixture("i18n-uk-education"));
    let page = site.read("public/laboratory-technician/index.html");
    assert!(
        page.contains("<a href=\"../education/a-levels/\">A levels</a>"),
        "quick facts link the level's browse page with its label"
    );
    assert!(page.contains("\"educationalLevel\":\"A levels\""));
    let degree = site.read("public/civil-engineer/index.html");
    assert!(degree.contains("\"credentialCategory\":\"bachelor degree\""));
    // A level without a credential category claims none.
    assert!(!page.contains("credentialCategory"));
}

#[test]
fn browse_pages_follow_the_site_levels_in_their_order() {
    let site = built(TestSite::fixture("i18n-uk-education"));
    let index = site.read("public/education/index.html");
    let order: Vec<usize> = ["A levels", "Apprenticeship", "Degree"]
        .iter()
        .map(|label| {
            index
                .find(&format!(">{label}<"))
                .unwrap_or_else(|| panic!("{label} listed"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(site.path("public/education/a-levels/index.html").exists());
    // Levels no guide has get no page; U.S. levels none at all.
    assert!(!site.path("public/education/gcses").exists());
    assert!(!site.path("public/education/bachelors").exists());
}

#[test]
fn all_careers_and_compare_name_the_site_levels() {
    let site = built(TestSite::fixture("i18n-uk-education"));
    let all = site.read("public/all-careers/index.html");
    let filter = &all[all.find("name=\"education\"").expect("education filter")..];
    let filter = &filter[..filter.find("</select>").expect("select end")];
    assert!(
        filter.contains("value=\"a-levels\">A levels</option>"),
        "{filter}"
    );
    assert!(!filter.contains("bachelors"), "{filter}");
    let manifest = site.read("public/all-careers/data/index.json");
    assert!(
        manifest.contains("[\"gcses\",\"GCSEs\"],[\"a-levels\",\"A levels\"]"),
        "{manifest}"
    );
    let compare = site.read("public/compare/data/electrician.json");
    assert!(
        compare.contains("\"education\":\"Apprenticeship\""),
        "{compare}"
    );
}

#[test]
fn a_us_level_on_a_site_with_its_own_is_a_located_error_listing_them() {
    let site = TestSite::fixture("i18n-uk-education");
    let guide = site.read("content/civil-engineer.md");
    site.write(
        "content/civil-engineer.md",
        &guide.replace("education: degree", "education: bachelors"),
    );
    let output = site.build();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("content/civil-engineer.md:10:14: error: requirements.education: expected one of the site's education levels (none, gcses, a-levels, apprenticeship, degree, postgraduate), found the string \"bachelors\""),
        "{err}"
    );
    assert!(
        err.contains("`education_levels` in config.yaml lists:"),
        "{err}"
    );
    assert!(!site.path("public").exists(), "nothing written");
}

#[test]
fn a_near_miss_gets_a_suggestion_from_the_site_levels() {
    let site = TestSite::fixture("i18n-uk-education");
    let guide = site.read("content/laboratory-technician.md");
    site.write(
        "content/laboratory-technician.md",
        &guide.replace("education: a-levels", "education: a_levels"),
    );
    let err = stderr(&site.build());
    assert!(err.contains("did you mean `a-levels`?"), "{err}");
}

#[test]
fn the_us_levels_stay_the_default() {
    let site = built(TestSite::fixture("small-site"));
    let page = site.read("public/account-manager/index.html");
    assert!(
        page.contains("<a href=\"../education/bachelors/\">Bachelor&#39;s degree</a>"),
        "the U.S. level, linked and labelled"
    );
}

/// The data-fill fixture with the site's own levels in place of the U.S.
/// ones; `degree` stands for `bachelors` when `maps_bachelors`.
fn data_site(maps_bachelors: bool) -> TestSite {
    let site = TestSite::fixture("data-fill");
    let degree = if maps_bachelors {
        "{ label: University degree, bls: [bachelors] }"
    } else {
        "University degree"
    };
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &format!(
            "{config}education_levels:\n  school: School leaving certificate\n  degree: {degree}\n"
        ),
    );
    let guide = site.read("content/no-code.md");
    site.write(
        "content/no-code.md",
        &guide.replace("education: high_school", "education: school"),
    );
    site
}

#[test]
fn projection_data_fills_the_site_level_standing_for_its_us_level() {
    let site = built(data_site(true));
    let page = site.read("public/registered-nurse/index.html");
    assert!(
        page.contains("<a href=\"../education/degree/\">University degree</a>"),
        "the data's Bachelor's degree, as the site's `degree`"
    );
}

#[test]
fn a_us_level_the_site_does_not_map_is_left_unfilled() {
    let site = built(data_site(false));
    let page = site.read("public/registered-nurse/index.html");
    assert!(
        !page.contains("scope=\"row\">Typical entry-level education"),
        "no education in quick facts"
    );
    assert!(!page.contains("Bachelor"), "no U.S. label leaks in");
}

#[test]
fn vocabulary_labels_come_from_the_messages_of_the_site_language() {
    let site = TestSite::fixture("small-site");
    let config = site.read("config.yaml");
    site.write(
        "config.yaml",
        &config.replace("language: en", "language: fr"),
    );
    let site = built(site);
    let page = site.read("public/account-manager/index.html");
    for label in ["Licence", "Moins de 5 ans", "Dans la moyenne"] {
        assert!(page.contains(label), "no {label:?} on the French page");
    }
    for english in ["Bachelor", "Less than 5 years", "As fast as average"] {
        assert!(!page.contains(english), "{english:?} on the French page");
    }
    let compare = site.read("public/compare/data/account-manager.json");
    assert!(compare.contains("\"education\":\"Licence"), "{compare}");
    let manifest = site.read("public/all-careers/data/index.json");
    assert!(manifest.contains("[\"bachelors\",\"Licence"), "{manifest}");
    assert!(
        manifest.contains("[\"decline\",\"En baisse\"]"),
        "{manifest}"
    );
    let browse = site.read("public/education/index.html");
    assert!(
        browse.contains(">Licence (quatre ans d’études supérieures)<"),
        "browse groups are named in French"
    );
}

#[test]
fn a_site_message_overrides_the_label_of_a_us_level() {
    let site = TestSite::fixture("small-site");
    site.write(
        "i18n/en.ftl",
        "education-bachelors = Four-year college degree\n",
    );
    let site = built(site);
    let page = site.read("public/account-manager/index.html");
    assert!(
        page.contains(">Four-year college degree</a>"),
        "quick facts"
    );
    assert!(!page.contains("Bachelor&#39;s degree</a>"));
}

#[test]
fn a_site_level_takes_its_label_from_config_not_from_messages() {
    let site = TestSite::fixture("i18n-uk-education");
    site.write("i18n/en-GB.ftl", "education-degree = Not this one\n");
    let site = built(site);
    let page = site.read("public/civil-engineer/index.html");
    assert!(page.contains(">Degree</a>"));
    assert!(!page.contains("Not this one"));
}
