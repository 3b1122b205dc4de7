//! The benchmark corpus generator (`examples/gen_corpus.rs`): it is
//! deterministic, its guides have the shape the benchmark promises, and its
//! output builds cleanly with the real binary. No timings are asserted here.

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).expect("read dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    files
}

#[test]
fn same_seed_gives_identical_files() {
    let temp = tempfile::tempdir().expect("temp dir");
    let (a, b) = (temp.path().join("a"), temp.path().join("b"));
    gen_corpus::generate(20, 7, &a).expect("first run");
    gen_corpus::generate(20, 7, &b).expect("second run");
    let (first, second) = (tree(&a), tree(&b));
    assert_eq!(
        first.keys().filter(|k| k.starts_with("content/")).count(),
        20
    );
    assert!(first == second, "two runs with seed 7 differ");

    let layouts = gen_corpus::default_hugo_layouts_dir();
    let (ha, hb) = (temp.path().join("hugo-a"), temp.path().join("hugo-b"));
    assert_eq!(
        gen_corpus::write_hugo(&a, &ha, &layouts).expect("hugo a"),
        20
    );
    gen_corpus::write_hugo(&b, &hb, &layouts).expect("hugo b");
    assert!(tree(&ha) == tree(&hb), "two Hugo conversions differ");

    let c = temp.path().join("c");
    gen_corpus::generate(20, 8, &c).expect("other seed");
    assert!(first != tree(&c), "seeds 7 and 8 gave the same corpus");
}

#[test]
fn guides_have_the_promised_shape() {
    let temp = tempfile::tempdir().expect("temp dir");
    gen_corpus::generate(20, 1, temp.path()).expect("generate");
    for (name, bytes) in tree(&temp.path().join("content")) {
        let text = String::from_utf8(bytes).expect("utf-8");
        let body = text.splitn(3, "---\n").nth(2).expect("front matter");
        let words = gen_corpus::count_words(body);
        assert!((1500..=3000).contains(&words), "{name}: {words} words");
        for needle in [
            "\n## ",
            "\n- ",
            "\n|---|",
            "](@/",
            " *",
            "p25:",
            "growth_percent:",
        ] {
            assert!(text.contains(needle), "{name} lacks {needle:?}");
        }
        let duties = text
            .split("\nduties:\n")
            .nth(1)
            .expect("duties")
            .lines()
            .take_while(|l| l.starts_with("  - "))
            .count();
        assert!((8..=20).contains(&duties), "{name}: {duties} duties");
    }
}

#[test]
fn generated_site_builds_cleanly() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    gen_corpus::generate(20, 1, &site).expect("generate");
    let output = temp.path().join("out");
    let assert = Command::new(env!("CARGO_BIN_EXE_careergen"))
        .arg("build")
        .arg("--root")
        .arg(&site)
        .arg("--output")
        .arg(&output)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", common::SOURCE_DATE_EPOCH)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        !stderr.contains("warning") && !stderr.contains("error"),
        "{stderr}"
    );
    let pages = std::fs::read_dir(&output)
        .expect("output")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("index.html").is_file())
        // Browse, All-careers, compare and search pages are not guides.
        .filter(|e| !careergen::permalink::reserved_slug(&e.file_name().to_string_lossy()))
        .count();
    assert_eq!(pages, 20);
    assert!(output.join("index.html").is_file());
}

#[test]
fn timings_report_stages_templates_and_pages() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    gen_corpus::generate(20, 1, &site).expect("generate");
    let assert = Command::new(env!("CARGO_BIN_EXE_careergen"))
        .arg("build")
        .arg("--root")
        .arg(&site)
        .arg("--output")
        .arg(temp.path().join("out"))
        .arg("--timings")
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", common::SOURCE_DATE_EPOCH)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    for needle in [
        "time by stage",
        "read and parse guides",
        "validate across guides",
        "Markdown",
        "guide.html",
        "index.html",
        "writing files",
        "slowest pages",
    ] {
        assert!(stdout.contains(needle), "no {needle:?} in:\n{stdout}");
    }
}
