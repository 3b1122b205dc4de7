//! Large sites are loaded lean: guides let go of the fields only their own
//! page shows and read them again when that page is rendered
//! (`content::load::load_lean`). A lean build must write exactly the site a
//! whole one writes.

mod common;

use common::{TestSite, careergen, stderr};

/// Builds `site` into `out` with guides let go from `lean_from` guides on.
fn build_into(site: &TestSite, out: &str, lean_from: &str) {
    let output = careergen()
        .env("CAREERGEN_LEAN_FROM_GUIDES", lean_from)
        .args(["build", "--output"])
        .arg(site.path(out))
        .arg("--root")
        .arg(site.root())
        .output()
        .expect("run careergen");
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_lean_build_writes_the_same_site_as_a_whole_one() {
    // The example site fills figures from data files, so the second fill
    // of a lean build is covered too.
    let site = TestSite::example();
    build_into(&site, "whole", "1000000");
    build_into(&site, "lean", "0");
    let whole = site.tree("whole");
    let lean = site.tree("lean");
    assert!(
        whole.len() > 20,
        "the example site built {} files",
        whole.len()
    );
    assert_eq!(
        whole.keys().collect::<Vec<_>>(),
        lean.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &whole {
        assert!(lean[path] == *bytes, "{path} differs in a lean build");
    }
}
