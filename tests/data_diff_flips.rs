//! `careergen data diff` between two projections releases reports the
//! guides whose growth label flips, in every output format.
//!
//! The older release is `tests/fixtures/data-diff/ooh-2024-34-growth-from-other-rows.csv`:
//! real rows whose growth figures were taken from other occupations' real
//! rows (see that folder's README).

mod common;

use common::{TestSite, stderr, stdout};

fn diff(format: &str) -> String {
    let site = TestSite::fixture("data-fill");
    let old =
        common::repo().join("tests/fixtures/data-diff/ooh-2024-34-growth-from-other-rows.csv");
    let new = site.path("data/ooh-2024-34-profiles.csv");
    let output = site.run(&[
        "data",
        "diff",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        format,
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn data_diff_reports_growth_labels_that_flip() {
    let table = diff("table");
    let flips = table
        .split("growth labels that change:")
        .nth(1)
        .unwrap_or_else(|| panic!("no flips in:\n{table}"));
    for line in [
        "content/registered-nurse.md (29-1141): Little or no change → Faster than average",
        "content/sales-manager-cited.md (11-2022): Much faster than average → Faster than average",
    ] {
        assert!(flips.contains(line), "no {line:?} in:\n{table}");
    }
    // The accountants' row is the same in both: no flip, no change.
    assert!(!table.contains("13-2011"), "{table}");

    let markdown = diff("markdown");
    assert!(
        markdown.contains("## Growth labels that change"),
        "{markdown}"
    );
    assert!(
        markdown.contains(
            "| content/registered-nurse.md | 29-1141 | Little or no change | Faster than average |"
        ),
        "{markdown}"
    );

    let csv = diff("csv");
    assert!(
        csv.contains(
            "content/registered-nurse.md,29-1141,growth label,Little or no change,Faster than average,,"
        ),
        "{csv}"
    );
    assert_eq!(
        csv.lines().filter(|l| l.contains(",growth label,")).count(),
        3,
        "{csv}"
    );
}

#[test]
fn data_diff_of_a_release_with_itself_reports_no_flip() {
    let site = TestSite::fixture("data-fill");
    let file = site.path("data/ooh-2024-34-profiles.csv");
    let file = file.to_string_lossy();
    let output = site.run(&["data", "diff", &file, &file]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(!out.contains("growth labels that change"), "{out}");
}
