//! `serve` after a data file edit: only the guides whose figures changed
//! are read into new pages, with the listings and site files showing those
//! figures, and what is served equals a cold build of the edited site.
//!
//! The edit puts the May 2024 OEWS median for registered nurses
//! ($45.00/h, $93,600/yr, as in `tests/fixtures/data-diff/`) in place of
//! the May 2025 one: both are real BLS figures.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use careergen::output::MemorySink;
use careergen::serve::rebuild::Workspace;
use careergen::serve::watch::Changes;
use careergen::site::{self, BuildOptions};
use common::rebuilt;

fn options(root: &Path) -> BuildOptions {
    let mut options = BuildOptions::new(root);
    options.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).expect("a date");
    options.base_url = Some("http://127.0.0.1:1111/".to_string());
    options
}

fn cold_build(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let sink = MemorySink::default();
    let report = site::build(&options(root), &sink);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    sink.into_files()
}

/// Runs a rebuild to its end (both phases); the paths whose bytes changed
/// and how many pages were rendered.
fn rebuild(workspace: &mut Workspace, changes: &Changes) -> (BTreeSet<String>, usize) {
    let first = rebuilt(workspace.rebuild(changes));
    let mut updated: BTreeSet<String> = first.updates.iter().map(|(p, _)| p.clone()).collect();
    let mut pages = first.pages;
    if let Some(outcome) = workspace.finish(&|| false) {
        let second = rebuilt(outcome);
        updated.extend(second.updates.iter().map(|(p, _)| p.clone()));
        pages += second.pages;
    }
    (updated, pages)
}

#[test]
fn a_data_row_edit_rebuilds_only_what_shows_its_figures() {
    let site = common::TestSite::fixture("data-fill");
    let root = site.root();
    let before = cold_build(root);
    let mut workspace = Workspace::new(options(root));
    let (_, all_pages) = rebuild(&mut workspace, &Changes::default());

    let file = "data/oews-national-may2025.csv";
    let text = site.read(file);
    let row = "29-1141,Registered Nurses,detailed,3379720,0.3,48.76,101420,0.2,33.14,38.62,46.90,54.02,66.09,68940,80330,97550,112350,137470,";
    assert!(text.contains(row), "the fixture's row changed");
    let edited = row
        .replace(",46.90,", ",45.00,")
        .replace(",97550,", ",93600,");
    site.write(file, &text.replace(row, &edited));
    let mut changes = Changes::default();
    changes.add(root, None, &root.join(file));
    assert!(changes.data && !changes.config, "{changes:?}");

    let (updated, pages) = rebuild(&mut workspace, &changes);
    let after = cold_build(root);
    // Exactly the files a cold build writes differently were rewritten…
    let differing: BTreeSet<String> = before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .cloned()
        .collect();
    assert_eq!(updated, differing);
    assert!(
        updated.contains("registered-nurse/index.html"),
        "{updated:?}"
    );
    assert!(
        updated.contains("compare/data/registered-nurse.json"),
        "{updated:?}"
    );
    assert!(updated.contains("all-careers/index.html"), "{updated:?}");
    assert!(!updated.contains("actor/index.html"), "{updated:?}");
    // …no other guide page was rendered again…
    let guide_pages = 6;
    assert!(
        pages <= all_pages - guide_pages + 1,
        "{pages} of {all_pages} pages rendered"
    );
    // …and what is served is the cold build, byte for byte.
    let served: BTreeMap<&str, &[u8]> = workspace
        .served()
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_ref()))
        .collect();
    let cold: BTreeMap<&str, &[u8]> = after
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let wrong: Vec<&&str> = served
        .keys()
        .chain(cold.keys())
        .filter(|p| served.get(*p) != cold.get(*p))
        .collect();
    assert!(wrong.is_empty(), "differs from a cold build: {wrong:?}");
    assert!(String::from_utf8_lossy(&after["registered-nurse/index.html"]).contains("$93,600"));
}

#[test]
fn a_data_edit_that_changes_no_figure_renders_no_guide_page() {
    let site = common::TestSite::fixture("data-fill");
    let root = site.root();
    let mut workspace = Workspace::new(options(root));
    rebuild(&mut workspace, &Changes::default());
    // The same rows in another order: no figure changes.
    let file = "data/oews-national-may2025.csv";
    let text = site.read(file);
    let mut lines: Vec<&str> = text.lines().collect();
    let first_row = lines.remove(1);
    lines.push(first_row);
    site.write(file, &(lines.join("\n") + "\n"));
    let mut changes = Changes::default();
    changes.add(root, None, &root.join(file));
    let (updated, pages) = rebuild(&mut workspace, &changes);
    assert!(updated.is_empty(), "{updated:?}");
    assert_eq!(pages, 0);
}
