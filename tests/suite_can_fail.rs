//! Behaviours that once had no test able to fail: each test here was seen
//! failing with the behaviour broken (a one-line mutation of `src/`), and
//! "today" is pinned for every run so that none depends on the machine's
//! clock.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::{SOURCE_DATE_EPOCH, TestSite, careergen, stderr, stdout};
use serde_json::Value;

/// 2026-11-01 00:00 UTC, before the fixture's pinned "today".
const NOVEMBER_1ST_2026: &str = "1793491200";
/// 2031-01-01 00:00 UTC: five years on, every 2025–2026 review is stale.
const JANUARY_2031: &str = "1924992000";
/// 2001-01-01 00:00 UTC: every review date of the fixtures is in the future.
const JANUARY_2001: &str = "978307200";

fn survivors() -> TestSite {
    TestSite::fixture("survivors")
}

/// `careergen check --format json` with `SOURCE_DATE_EPOCH=epoch`.
fn check_on(site: &TestSite, epoch: &str) -> (Option<i32>, Vec<Value>) {
    let output = careergen()
        .env("SOURCE_DATE_EPOCH", epoch)
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .expect("run careergen");
    let diagnostics = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON object per line"))
        .collect();
    (output.status.code(), diagnostics)
}

fn about<'a>(diagnostics: &'a [Value], field: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["field"] == field).collect()
}

// ---- The time bomb: "today" came from the machine's clock ----

#[test]
fn today_comes_from_source_date_epoch_not_the_machine_clock() {
    let site = survivors();
    // Pinned after both review dates: nothing about them.
    let (code, diagnostics) = check_on(&site, SOURCE_DATE_EPOCH);
    assert_eq!(code, Some(0), "{diagnostics:#?}");
    assert!(about(&diagnostics, "last_reviewed").is_empty());

    // Five years on: both reviews are stale, whatever the machine's date.
    let (code, diagnostics) = check_on(&site, JANUARY_2031);
    assert_eq!(code, Some(0), "stale is a warning: {diagnostics:#?}");
    let stale = about(&diagnostics, "last_reviewed");
    assert_eq!(stale.len(), 2, "{diagnostics:#?}");
    assert!(stale.iter().all(|d| d["severity"] == "warning"));

    // Before the review dates: they are in the future, an error at the line.
    let (code, diagnostics) = check_on(&site, NOVEMBER_1ST_2026);
    assert_eq!(code, Some(0), "2026-11-01 is after both: {diagnostics:#?}");
    let (code, diagnostics) = check_on(&site, JANUARY_2001);
    assert_eq!(code, Some(1));
    let future = about(&diagnostics, "last_reviewed");
    assert_eq!(future.len(), 2, "{diagnostics:#?}");
    let research = future
        .iter()
        .find(|d| d["path"] == "content/research-lead.md")
        .expect("research-lead.md");
    assert_eq!(research["line"], 12);
    assert_eq!(
        research["message"],
        "expected a date not in the future (today is 2001-01-01), found 2026-01-15"
    );
}

#[test]
fn init_and_new_write_the_pinned_date() {
    let temp = tempfile::tempdir().expect("temp dir");
    let root = temp.path().join("site");
    let init = careergen()
        .arg("init")
        .arg(&root)
        .output()
        .expect("run init");
    assert!(init.status.success(), "{}", stderr(&init));
    let example = fs::read_to_string(root.join("content/account-manager.md")).expect("guide");
    assert!(
        example.contains("\nlast_reviewed: 2026-11-15\n"),
        "{example}"
    );
    let new = careergen()
        .args(["new", "Web developer", "--root"])
        .arg(&root)
        .output()
        .expect("run new");
    assert!(new.status.success(), "{}", stderr(&new));
    let draft = fs::read_to_string(root.join("content/web-developer.md")).expect("draft");
    assert!(draft.contains("2026-11-15"), "{draft}");
}

#[test]
fn a_malformed_source_date_epoch_is_an_error_naming_the_variable() {
    let site = survivors();
    let before = site.tree("");
    let root = site.root().to_str().expect("UTF-8 path");
    for args in [
        vec!["build", "--root", root],
        vec!["check", "--root", root],
        vec!["serve", "--port", "0", "--root", root],
        vec!["new", "Web developer", "--root", root],
    ] {
        for bad in ["2026-11-15", "1.5e9", "tomorrow"] {
            let output = careergen()
                .env("SOURCE_DATE_EPOCH", bad)
                .args(&args)
                .output()
                .expect("run careergen");
            assert_eq!(output.status.code(), Some(1), "{args:?} {bad}");
            let err = stderr(&output);
            assert!(
                err.contains(&format!(
                    "error: SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01 00:00 UTC (such as 1767225600), found `{bad}`"
                )),
                "{args:?}: {err}"
            );
        }
    }
    // Nothing was written: no `public/`, no new guide.
    assert_eq!(site.tree(""), before);
    let empty = careergen()
        .env("SOURCE_DATE_EPOCH", "")
        .args(["check", "--root", root])
        .output()
        .expect("run careergen");
    // Empty counts as unset: the machine's date, whatever the check finds.
    assert!(
        !stderr(&empty).contains("SOURCE_DATE_EPOCH"),
        "{}",
        stderr(&empty)
    );
}

// ---- Survivors of the mutation audit ----

#[test]
fn feed_and_sitemap_stay_valid_xml_with_markup_in_a_title() {
    let site = survivors();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let feed = site.read("public/feed.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap_or_else(|e| panic!("{e}:\n{feed}"));
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|entry| entry.children().find(|n| n.has_tag_name("title")))
        .filter_map(|title| title.text())
        .collect();
    // The newest review first; the text exactly as written, once parsed.
    assert_eq!(titles, [r#"R&D <lead> "East" & co"#, "Plain worker"]);
    let summary = doc
        .descendants()
        .find(|n| n.has_tag_name("summary"))
        .and_then(|n| n.text())
        .expect("a summary");
    assert_eq!(
        summary,
        "Leads <research> & development; writes ]]> and --> safely"
    );
    let sitemap = site.read("public/sitemap.xml");
    roxmltree::Document::parse(&sitemap).unwrap_or_else(|e| panic!("{e}:\n{sitemap}"));
    // The page's own head and the JSON files carry the same title intact.
    let page = site.read("public/research-lead/index.html");
    assert!(page.contains("<title>R&amp;D &lt;lead&gt; &quot;East&quot; &amp; co"));
    // Every JSON file the build writes (search, list and compare data…)
    // parses, and those that list guides hold the title as written.
    let json_files: BTreeMap<String, Vec<u8>> = site
        .tree("public")
        .into_iter()
        .filter(|(path, _)| path.ends_with(".json"))
        .collect();
    let mut titled = Vec::new();
    for (path, bytes) in &json_files {
        let json: Value = serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut strings = Vec::new();
        collect_strings(&json, &mut strings);
        if strings.iter().any(|s| s == r#"R&D <lead> "East" & co"#) {
            titled.push(path.as_str());
        }
    }
    for path in [
        "all-careers/data/1.json",
        "compare/data/research-lead.json",
        "compare/suggest/_.json",
    ] {
        assert!(titled.contains(&path), "{path} lacks the title: {titled:?}");
    }
}

/// Every string in `value`, depth first.
fn collect_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

#[test]
fn hourly_pay_keeps_its_cents() {
    let site = survivors();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/research-lead/index.html");
    // entry and median 20 per hour, top 20.5: `$20.00`, never `$20`.
    assert!(page.contains("$20.00"), "no $20.00 on the page");
    assert!(page.contains("$20.50"), "no $20.50 on the page");
    for cut in ["$20<", "$20 ", "$20.5<", "$20.5 "] {
        assert!(!page.contains(cut), "{cut:?} on the page");
    }
}

#[test]
fn career_path_takes_ten_steps_and_refuses_an_eleventh() {
    let site = survivors();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/research-lead/index.html");
    for step in 1..=10 {
        assert!(
            page.contains(&format!("Step {step}<")),
            "step {step} missing"
        );
    }

    let guide = site.read("content/research-lead.md");
    site.write(
        "content/research-lead.md",
        &guide.replace(
            "  - title: Step 10\n",
            "  - title: Step 10\n  - title: Step 11\n",
        ),
    );
    let before = site.tree("public");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    // Located at the list (line 14), or at the eleventh step.
    let error = err
        .lines()
        .find(|l| l.contains("expected at most 10 steps, found 11"))
        .unwrap_or_else(|| panic!("no step-limit error in\n{err}"));
    assert!(
        error.starts_with("content/research-lead.md:14:")
            || error.starts_with("content/research-lead.md:24:"),
        "{error}"
    );
    assert!(error.contains(" error: career_path"), "{error}");
    assert!(err.contains("1 error"), "{err}");
    assert_eq!(site.tree("public"), before, "public/ left as it was");
}

#[test]
fn a_failed_output_swap_leaves_the_old_site_whole() {
    use careergen::output::{DiskSink, Sink, Staging};

    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("public");
    fs::create_dir_all(output.join("guide")).expect("mkdir");
    fs::write(output.join("index.html"), "old home").expect("write");
    fs::write(output.join("guide/index.html"), "old guide").expect("write");
    let old_site = common::tree(&output);

    let staging = Staging::new(&output).expect("a staging folder");
    DiskSink::new(staging.dir())
        .write("index.html", b"new home")
        .expect("write");
    // The new site vanishes before the swap (a full disk, a cleaner, a
    // second build): the swap must fail and put nothing in the old one's way.
    fs::remove_dir_all(staging.dir()).expect("remove the staging folder");
    let error = staging.commit().expect_err("nothing to swap in");
    assert!(format!("{error:#}").contains("public"), "{error:#}");

    assert_eq!(common::tree(&output), old_site, "the old site, whole");
    let beside: Vec<String> = fs::read_dir(temp.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["public"], "nothing left beside public/");
}

#[test]
fn a_successful_output_swap_replaces_the_old_site_whole() {
    use careergen::output::{DiskSink, Sink, Staging};

    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("public");
    fs::create_dir_all(output.join("gone")).expect("mkdir");
    fs::write(output.join("gone/index.html"), "old page").expect("write");

    let staging = Staging::new(&output).expect("a staging folder");
    DiskSink::new(staging.dir())
        .write("a/index.html", b"new page")
        .expect("write");
    staging.commit().expect("swapped in");
    let files = common::tree(&output);
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [("a/index.html".to_string(), b"new page".to_vec())]
    );
    let beside: Vec<String> = fs::read_dir(temp.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["public"], "nothing left beside public/");
}

#[test]
fn markdown_tables_inline_fields_and_plain_links_render_as_written() {
    let site = survivors();
    site.write(
        "content/table-guide.md",
        "---\ntitle: Table guide\nsummary: Tables and links.\nduties: [Works]\n\
         environment:\n  summary: \"First.\\n\\nSecond.\"\n---\n\
         See [the jobs board](https://jobs.example.net/board) and [the lead](@/research-lead.md).\n\n\
         | Left | Center | Right | Plain |\n|:--|:-:|--:|---|\n| a | b | c | d |\n| e | f | g | h |\n",
    );
    let guide = site.read("content/plain-worker.md");
    site.write(
        "content/plain-worker.md",
        &guide.replace(
            "last_reviewed:",
            "environment:\n  summary: Mostly *indoors*.\nlast_reviewed:",
        ),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = site.read("public/table-guide/index.html");
    // Links that are not `@/` pass through untouched.
    assert!(page.contains(r#"<a href="https://jobs.example.net/board">the jobs board</a>"#));
    assert!(page.contains(r#"<a href="../research-lead/">the lead</a>"#));
    // Each head cell keeps its own column's alignment; body cells stay cells.
    for th in [
        r#"<th scope="col" class="align-left">Left</th>"#,
        r#"<th scope="col" class="align-center">Center</th>"#,
        r#"<th scope="col" class="align-right">Right</th>"#,
        r#"<th scope="col">Plain</th>"#,
    ] {
        assert!(page.contains(th), "missing {th}");
    }
    assert_eq!(page.matches("<th ").count(), 4);
    assert!(page.contains(">h</td>"), "body cells are <td>");
    assert!(
        page.contains(r#"<td class="align-right">g</td>"#),
        "body cells keep their column's alignment"
    );
    // A front-matter field of two paragraphs keeps both, whole.
    assert!(page.contains("<p>First.</p>\n<p>Second.</p>"));
    // One paragraph renders inline, inside the theme's own paragraph.
    let plain = site.read("public/plain-worker/index.html");
    assert!(plain.contains("<p>Mostly <em>indoors</em>.</p>"));
}

#[test]
fn an_output_folder_over_the_sites_own_sources_is_refused() {
    let site = survivors();
    let before = site.tree("");
    for (output, says) in [
        ("content", "is inside the site's `content/`"),
        ("themes/default", "is inside the site's `themes/`"),
        (".", "contains the site itself"),
    ] {
        let target = site.path(output);
        let result = site.run(&["build", "--output", target.to_str().expect("UTF-8")]);
        assert_ne!(result.status.code(), Some(0), "--output {output} accepted");
        let err = stderr(&result);
        assert!(err.contains(says), "--output {output}: {err}");
        assert_eq!(site.tree(""), before, "--output {output} changed the site");
    }
}
