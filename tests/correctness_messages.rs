//! Messages and validation as people meet them: each test pins one fault
//! found by breaking careergen the way users do, on a fixture site under
//! `tests/fixtures/<case>/`, asserting file, line, field, exit code and
//! output of the real binary.

mod common;

use std::fs;

use common::{TestSite, careergen, stderr, stdout};

/// The JSON diagnostics of `check --format json` on `site`.
fn check_json(site: &TestSite) -> Vec<serde_json::Value> {
    let output = site.run(&["check", "--format", "json"]);
    stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

/// The one diagnostic of `path` whose message contains `needle`.
fn find<'a>(
    diagnostics: &'a [serde_json::Value],
    path: &str,
    needle: &str,
) -> &'a serde_json::Value {
    let found: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["path"] == path && d["message"].as_str().is_some_and(|m| m.contains(needle)))
        .collect();
    assert_eq!(found.len(), 1, "{needle:?} in {path}: {diagnostics:#?}");
    found[0]
}

/// The headline and code frame of the diagnostic at `location` (`file:line:col`).
fn block<'a>(err: &'a str, location: &str) -> &'a str {
    let start = err
        .find(&format!("{location}: "))
        .unwrap_or_else(|| panic!("no diagnostic at {location} in\n{err}"));
    let rest = &err[start..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn an_integer_beyond_64_bits_gets_the_same_message_as_one_just_beyond() {
    let site = TestSite::fixture("message-faults");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/huge-integer.md:6:15: error: outlook.employment: expected a smaller whole number, found `99999999999999999999`"),
        "{err}"
    );
    // No Rust type or serde wording leaks out.
    for leak in ["u128", "any YAML value", "invalid type"] {
        assert!(!err.contains(leak), "{leak:?} in\n{err}");
    }
}

#[test]
fn a_duplicate_key_points_at_the_duplicate_and_names_the_first() {
    let diagnostics = check_json(&TestSite::fixture("message-faults"));
    let d = find(&diagnostics, "content/duplicate-key.md", "again");
    assert_eq!(d["line"], 10);
    assert_eq!(d["column"], 3);
    assert_eq!(d["field"], "salary.median");
    assert_eq!(
        d["message"],
        "expected each key once, found `median` again (first on line 8)"
    );
}

#[test]
fn a_missing_field_points_at_the_opening_fence_and_says_what_kind_it_takes() {
    let site = TestSite::fixture("message-faults");
    let diagnostics = check_json(&site);
    let duties = find(&diagnostics, "content/missing-fields.md", "duties");
    assert_eq!(
        (duties["line"].as_u64(), duties["field"].as_str()),
        (Some(1), Some("duties"))
    );
    assert_eq!(
        duties["message"],
        "expected a list of 1 to 25 duties, found nothing"
    );
    let title = find(&diagnostics, "content/missing-fields.md", "text of");
    assert_eq!(
        (title["line"].as_u64(), title["field"].as_str()),
        (Some(1), Some("title"))
    );
    assert_eq!(
        title["message"],
        "expected text of 1 to 150 characters, found nothing"
    );
    let err = stderr(&site.build());
    let frame = block(&err, "content/missing-fields.md:1:1: error: duties");
    assert!(frame.contains("1 | ---"), "{frame}");
}

#[test]
fn a_number_with_separators_is_underlined_whole_and_gets_its_plain_form() {
    let site = TestSite::fixture("message-faults");
    let err = stderr(&site.build());
    let employment = block(&err, "content/thousands.md:6:15");
    assert!(
        employment.contains("employment: 757,220\n  |               ^^^^^^^ outlook.employment"),
        "{employment}"
    );
    assert!(
        employment.contains(
            "help: write a plain number, without quotes, symbols or separators: `757220`"
        ),
        "{employment}"
    );
    let median = block(&err, "content/thousands.md:8:11");
    assert!(median.contains("`97550`"), "{median}");
}

#[test]
fn links_to_a_draft_say_it_is_a_draft() {
    let diagnostics = check_json(&TestSite::fixture("message-faults"));
    let body = find(&diagnostics, "content/links-draft.md", "@/unfinished.md");
    assert_eq!(body["line"], 8);
    assert_eq!(
        body["message"],
        "expected a link to a published guide, found `@/unfinished.md`, a draft"
    );
    assert_eq!(body["help"], "build with `--drafts`, or publish that guide");
    let related = find(
        &diagnostics,
        "content/links-draft.md",
        "draft \"unfinished\"",
    );
    assert_eq!(related["field"], "related_careers[0].guide");
    assert!(
        !diagnostics.iter().any(|d| d["message"]
            .as_str()
            .is_some_and(|m| m.contains("names no guide"))
            && d["path"] == "content/links-draft.md"),
        "{diagnostics:#?}"
    );
}

#[test]
fn list_items_are_counted_from_one_for_people_and_from_zero_for_machines() {
    let site = TestSite::fixture("message-faults");
    let err = stderr(&site.build());
    let step = block(&err, "content/steps.md:8:27");
    assert!(
        step.starts_with("content/steps.md:8:27: error: career_path, step 3, guide: expected the slug of a guide, found \"no-such-guide\""),
        "{step}"
    );
    assert!(
        step.ends_with("^^^^^^^^^^^^^ career_path, step 3, guide"),
        "{step}"
    );
    assert!(!err.contains("[2]"), "{err}");
    let diagnostics = check_json(&site);
    let d = find(&diagnostics, "content/steps.md", "no-such-guide");
    assert_eq!(d["field"], "career_path[2].guide");
}

#[test]
fn a_slug_error_prints_no_empty_field_and_json_says_null() {
    let site = TestSite::fixture("message-faults");
    let err = stderr(&site.build());
    assert!(
        err.contains("content/Bad_Name.md: error: expected a file name usable as a URL slug, found \"Bad_Name\""),
        "{err}"
    );
    assert!(!err.contains(": : "), "{err}");
    let diagnostics = check_json(&site);
    assert!(
        !diagnostics.iter().any(|d| d["field"] == ""),
        "{diagnostics:#?}"
    );
    let d = find(&diagnostics, "content/Bad_Name.md", "URL slug");
    assert!(d["field"].is_null(), "{d}");
}

#[test]
fn a_circular_extends_names_the_template_that_closes_the_circle() {
    let site = TestSite::fixture("circular-template");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("templates/base.html: error: expected templates that do not extend each other in a circle (a circular extends), found `404.html` → `base.html` → `base.html`"),
        "{err}"
    );
}

#[test]
fn a_published_guide_holding_a_scaffold_placeholder_is_an_error_at_its_line() {
    let site = TestSite::fixture("scaffold-placeholders");
    let new = site.run(&["new", "Web developer"]);
    assert_eq!(new.status.code(), Some(0), "{}", stderr(&new));
    // As a draft the scaffold is fine.
    let draft = site.build();
    assert_eq!(draft.status.code(), Some(0), "{}", stderr(&draft));
    // Deleting only `draft: true` must not publish the placeholders.
    let file = "content/web-developer.md";
    let text = site.read(file);
    let published = text.replace("draft: true\n", "");
    assert_ne!(text, published);
    site.write(file, &published);
    site.write("public/index.html", "previous site");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let line_of = |needle: &str| {
        published
            .lines()
            .position(|l| l.contains(needle) && !l.trim_start().starts_with('#'))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{needle:?} not in the scaffold"))
    };
    for (needle, field) in [
        ("TODO: say in one sentence", "summary: "),
        ("TODO: the main thing", "duties, item 1: "),
        ("TODO: How do people", ""),
    ] {
        let line = line_of(needle);
        let headline = format!("{file}:{line}:");
        assert!(
            err.lines().any(|l| l.starts_with(&headline)
                && l.contains(&format!(": error: {field}expected the guide's own text in a published guide, found the placeholder"))),
            "no placeholder error at {headline} ({needle}) in\n{err}"
        );
    }
    assert!(err.contains("3 errors"), "{err}");
    assert_eq!(site.read("public/index.html"), "previous site");
}

#[test]
fn control_characters_in_front_matter_text_are_located_errors() {
    let site = TestSite::fixture("control-characters-front-matter");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/baker.md:2:8: error: title: expected text without control characters, found U+0001 after \"Baker\""),
        "{err}"
    );
    assert!(
        err.contains("content/baker.md:6:10: error: extra.motto: expected text without control characters, found U+000B after \"Fresh\""),
        "{err}"
    );
}

#[test]
fn control_characters_in_markdown_never_reach_the_html() {
    let site = TestSite::fixture("control-characters-body");
    let output = site.build();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = site.read("public/baker/index.html");
    assert!(
        page.contains("Bakers start early  and finish  by noon."),
        "{page}"
    );
    for (name, text) in site.tree("public") {
        if !(name.ends_with(".html") || name.ends_with(".json") || name.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8_lossy(&text);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
            "a control character in {name}"
        );
    }
}

#[test]
fn two_spellings_of_one_industry_slug_are_a_warning_naming_both_guides() {
    let site = TestSite::fixture("industry-spellings");
    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(0));
    let err = stderr(&check);
    assert!(
        err.contains("content/waiter.md:5:14: warning: industries, item 1: expected one spelling per industry, found \"Food drink\" here and \"Food & drink\" in `content/cook.md`, which share the page industries/food-drink/"),
        "{err}"
    );
    // Case alone is one spelling: `hospitality` and `Hospitality` stay silent.
    assert!(!err.contains("\"hospitality\""), "{err}");
    let build = site.build();
    assert_eq!(build.status.code(), Some(0));
    assert!(
        stderr(&build).contains("warning: 1 name is written in two spellings that make one browse page — run `careergen check` to list it"),
        "{}",
        stderr(&build)
    );
}

#[test]
fn a_broken_guide_makes_no_errors_in_the_guides_linking_to_it() {
    let site = TestSite::fixture("broken-guide-linked");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].starts_with("content/broken.md:"), "{err}");
    assert!(!err.contains("names no guide"), "{err}");
    assert!(err.contains("1 error,"), "{err}");
}

#[test]
fn negative_growth_between_minus_one_and_zero_keeps_its_sign() {
    let site = TestSite::fixture("negative-growth");
    let output = site.build();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = site.read("public/typist/index.html");
    assert!(
        page.contains("<dd>−0.6% (Decline)</dd>"),
        "quick facts:\n{page}"
    );
    assert!(
        page.contains("<td>−0.6% (Decline)</td>"),
        "outlook list:\n{page}"
    );
    assert!(page.contains("projected to decline 0.6 percent"), "{page}");
    let compare = site.read("public/compare/data/typist.json");
    assert!(
        compare.contains("\"growth\":\"−0.6% (Decline), 2024–34\""),
        "{compare}"
    );
    // What rounds to zero is shown without a sign.
    let clerk = site.read("public/clerk/index.html");
    assert!(
        clerk.contains("<dd>0% (Little or no change)</dd>"),
        "{clerk}"
    );
    assert!(!clerk.contains("−0%"), "{clerk}");
}

#[test]
fn build_sums_up_warnings_by_kind_and_check_lists_them() {
    let site = TestSite::fixture("unlinked-summary");
    let build = site.build();
    assert_eq!(build.status.code(), Some(0));
    let err = stderr(&build);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "warning: 4 guides are incomplete (no pay, outlook or requirements) — run `careergen check` to list them",
            "warning: 3 guides are not linked from another guide — run `careergen check` to list them",
        ],
        "{err}"
    );
    let check = stderr(&site.run(&["check"]));
    for guide in ["alpha", "gamma", "delta"] {
        assert!(
            check.contains(&format!(
                "content/{guide}.md:2:8: warning: expected a link from another guide"
            )),
            "{check}"
        );
    }
    assert!(!check.contains("content/beta.md:2:8: warning"), "{check}");
}

#[test]
fn a_fresh_site_does_not_warn_that_its_guide_is_not_linked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let init = careergen()
        .arg("init")
        .arg(dir.path().join("s"))
        .output()
        .expect("run");
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    let check = careergen()
        .args(["check", "--root"])
        .arg(dir.path().join("s"))
        .output()
        .expect("run");
    assert_eq!(check.status.code(), Some(0));
    assert!(!stderr(&check).contains("link"), "{}", stderr(&check));
}

/// The O*NET titles beside the repository (`../shared/data/`), which CI
/// provides; the test fails, saying so, when they are missing.
fn onet_titles() -> Vec<(String, String, String)> {
    let path = common::repo().join("../shared/data/onet-occupation-data.tsv");
    let text = fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "this test needs `{}` (O*NET 29.2 occupation data, beside the repository as in CI): {err}",
            path.display()
        )
    });
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut cells = line.trim_end_matches('\r').split('\t');
            let mut next = || cells.next().expect("three columns").to_string();
            (next(), next(), next())
        })
        .collect()
}

#[test]
fn a_site_of_every_real_onet_title_builds() {
    let titles = onet_titles();
    assert_eq!(titles.len(), 1016);
    let longest = titles
        .iter()
        .map(|t| t.1.chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        longest > 80,
        "the data holds titles longer than the old limit"
    );
    let site = TestSite::fixture("negative-growth");
    fs::remove_dir_all(site.path("content")).expect("clear content");
    let mut slugs = std::collections::HashSet::new();
    for (code, title, description) in &titles {
        let mut slug = careergen::scaffold::slug_from_title(title);
        if !slugs.insert(slug.clone()) {
            slug = format!("{slug}-{}", code.replace('.', "-"));
            slugs.insert(slug.clone());
        }
        // The description's first sentence, as O*NET wrote it.
        let summary = match description.find(". ") {
            Some(end) => &description[..=end],
            None => description.as_str(),
        };
        let summary: String = summary.chars().take(300).collect();
        let guide = format!(
            "---\ntitle: {}\nsummary: {}\ncodes: {{ soc: \"{}\", onet_soc: \"{code}\" }}\nduties: [{}]\n---\n{description}\n",
            serde_json::to_string(title).expect("json"),
            serde_json::to_string(summary.trim()).expect("json"),
            &code[..7],
            serde_json::to_string(description).expect("json"),
        );
        site.write(&format!("content/{slug}.md"), &guide);
    }
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(!err.contains("error"), "{err}");
    // Warnings come as a few summary lines, not one or two per guide.
    assert!(err.lines().count() <= 3, "{err}");
    assert!(
        err.contains("warning: 1,016 guides are incomplete (no pay, outlook or requirements)"),
        "{err}"
    );
    let pages = slugs
        .iter()
        .filter(|slug| site.path(&format!("public/{slug}/index.html")).is_file())
        .count();
    assert_eq!(pages, 1016);
    let long = "Adult Basic Education, Adult Secondary Education, and English as a Second Language Instructors";
    let slug = careergen::scaffold::slug_from_title(long);
    assert!(
        site.read(&format!("public/{slug}/index.html"))
            .contains(long)
    );
}
