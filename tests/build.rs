//! `careergen build` on the example site and on fixture sites.

mod common;

use std::fs;

use common::{TestSite, stderr, stdout};

/// Removes tags so that assertions read the text a visitor sees.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let unescaped = out
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&#x27;", "'");
    unescaped.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn example_site_builds_with_a_summary_line() {
    let site = TestSite::example();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.starts_with("built 9 guides, "), "{summary}");
    assert!(summary.trim_end().ends_with(" ms"), "{summary}");
    for page in [
        "index.html",
        "404.html",
        "account-manager/index.html",
        "sales-manager/index.html",
    ] {
        assert!(site.path("public").join(page).is_file(), "missing {page}");
    }
}

#[test]
fn account_manager_page_carries_every_seed_fact() {
    let site = TestSite::example();
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = text_of(&site.read("public/account-manager/index.html")).to_lowercase();
    let facts = [
        "$40,000",
        "$75,500",
        "$160,500",
        "4%",
        "as fast as average",
        "employment of account managers is projected to grow 4 percent from 2024 to 2034, about as fast as the average for all occupations.",
        "account director",
        "director of account services",
        "is account manager a sales job?",
        "business administration",
        "negotiation",
    ];
    for fact in facts {
        assert!(text.contains(fact), "missing {fact:?}");
    }
    // Every duty from the guide's front matter is on the page.
    let source = site.read("content/account-manager.md");
    let front_matter: serde_yaml::Value =
        serde_yaml::from_str(source.split("---").nth(1).expect("front matter")).expect("yaml");
    let duties = front_matter["duties"].as_sequence().expect("duties");
    assert_eq!(duties.len(), 19, "the reference page lists 19 duties");
    for duty in duties {
        let duty = duty.as_str().expect("duty text").to_lowercase();
        assert!(text.contains(&duty), "missing duty {duty:?}");
    }
}

#[test]
fn guides_link_to_each_other_with_relative_urls() {
    let site = TestSite::example();
    // A body link with a fragment, to a section every guide page has.
    let guide = site.read("content/account-manager.md");
    site.write(
        "content/account-manager.md",
        &format!("{guide}\nCompare with [what sales managers earn](@/sales-manager.md#pay).\n"),
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = site.read("public/account-manager/index.html");
    // The body's own links, each with its text: the related-careers list
    // links the same pages, so a bare href would prove nothing.
    for link in [
        r#"<a href="../sales-manager/">sales managers</a>"#,
        r#"<a href="../sales-representative/">sales representatives</a>"#,
        r#"<a href="../sales-manager/#pay">what sales managers earn</a>"#,
    ] {
        assert!(html.contains(link), "missing {link}");
    }
    assert!(!html.contains("@/"), "no unresolved @/ link left");
    // The fragment points at a section that exists on the target page.
    let target = site.read("public/sales-manager/index.html");
    assert!(target.contains(r#"id="pay""#), "no #pay on the target page");
    let home = site.read("public/index.html");
    assert!(home.contains(r#"href="account-manager/""#));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = TestSite::fixture("bom-crlf");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = text_of(&site.read("public/windows-guide/index.html"));
    assert!(text.contains("Windows guide"));
    assert!(text.contains("Written on Windows."));
}

#[test]
fn front_matter_text_is_escaped() {
    let site = TestSite::fixture("escaping");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = site.read("public/sales-and-marketing/index.html");
    assert!(
        html.contains("R&amp;D &lt;lead&gt; &quot;East&quot;"),
        "title escaped"
    );
    assert!(!html.contains("<lead>"));
    assert!(!html.contains("<script>alert"), "summary escaped");
    // Raw HTML in the Markdown body is the author's and passes through.
    assert!(html.contains("<kbd>Ctrl</kbd>"));
}

#[test]
fn failed_build_leaves_public_byte_identical() {
    let site = TestSite::example();
    assert!(site.build().status.success());
    let before = site.tree("public");
    let guide = site.read("content/sales-manager.md");
    site.write(
        "content/sales-manager.md",
        &guide.replacen("title: Sales manager", "title: [unclosed", 1),
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(site.tree("public"), before);
    let leftovers: Vec<_> = fs::read_dir(site.root())
        .expect("read root")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging folder removed");
}

#[test]
fn two_builds_give_identical_trees() {
    let site = TestSite::example();
    assert!(site.build().status.success());
    let first = site.tree("public");
    assert!(site.build().status.success());
    assert_eq!(site.tree("public"), first);
}

#[test]
fn removed_guide_disappears_after_next_build() {
    let site = TestSite::example();
    site.write(
        "content/temporary-role.md",
        "---\ntitle: Temporary role\nsummary: Here for one build.\nduties: [Fills in]\n---\n",
    );
    assert!(site.build().status.success());
    assert!(site.path("public/temporary-role/index.html").exists());
    assert!(
        site.read("public/all-careers/index.html")
            .contains("temporary-role/")
    );
    fs::remove_file(site.path("content/temporary-role.md")).expect("remove");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!site.path("public/temporary-role").exists());
    assert!(
        !site
            .read("public/all-careers/index.html")
            .contains("temporary-role/")
    );
}

#[test]
fn output_and_base_url_flags() {
    let site = TestSite::example();
    let out = site.path("elsewhere/site");
    let output = site.run(&[
        "build",
        "--output",
        out.to_str().expect("utf-8 path"),
        "--base-url",
        "https://example.org/careers",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = fs::read_to_string(out.join("account-manager/index.html")).expect("page");
    assert!(
        html.contains("https://example.org/careers/account-manager/"),
        "canonical URL honours --base-url"
    );
    assert!(!site.path("public").exists());
}

#[test]
fn drafts_are_skipped_unless_asked() {
    let site = TestSite::fixture("drafts");
    assert!(site.build().status.success());
    assert!(!site.path("public/draft-guide").exists());
    let output = site.run(&["build", "--drafts"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.path("public/draft-guide/index.html").exists());
}

#[test]
fn growth_labels_follow_the_configured_bands() {
    let site = TestSite::fixture("growth-labels");
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    for (slug, label) in [
        ("grows-4", "As fast as average"),
        ("grows-5", "Faster than average"),
        ("grows-7", "Much faster than average"),
        ("grows-0", "Little or no change"),
        ("shrinks-1", "Decline"),
    ] {
        let text = text_of(&site.read(&format!("public/{slug}/index.html")));
        assert!(text.contains(label), "{slug} should read {label:?}");
    }
}

#[test]
fn every_error_of_a_build_is_reported() {
    let site = TestSite::fixture("many-errors");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "content/one.md:3:19: error: salary.median:",
        "content/one.md:5:1: error: dutys:",
        "content/two.md:2:8: error: title:",
        "content/two.md:6:29: error: related_careers, item 1, guide:",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert!(err.contains("4 errors"), "{err}");
    assert!(!site.path("public").exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let output = common::careergen()
        .args(["build", "--no-such-flag"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let output = common::careergen().arg("--version").output().expect("run");
    assert!(stdout(&output).starts_with("careergen "));
}
