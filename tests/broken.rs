//! The broken-input corpus: every case under `tests/fixtures/broken/` must
//! fail with a precise diagnostic, never panic, and leave `public/` alone.

mod common;

use std::collections::BTreeMap;
use std::fs;

use common::{TestSite, stderr};

/// `key: value` lines of a case's `expect.txt`.
fn expectations(case: &str) -> BTreeMap<String, String> {
    let text = fs::read_to_string(
        common::repo()
            .join("tests/fixtures/broken")
            .join(case)
            .join("expect.txt"),
    )
    .expect("expect.txt");
    text.lines()
        .filter_map(|line| line.split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn every_broken_input_gets_a_precise_diagnostic() {
    let dir = common::repo().join("tests/fixtures/broken");
    let mut cases: Vec<String> = fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus holds {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let expect = expectations(case);
        let site = TestSite::fixture(&format!("broken/{case}"));
        site.write("public/index.html", "previous site");
        let output = site.build();
        let err = stderr(&output);
        let mut problems = Vec::new();
        if err.contains("panicked") {
            problems.push("panicked".to_string());
        }
        let code = expect.get("exit").map(String::as_str).unwrap_or("1");
        if output.status.code().map(|c| c.to_string()).as_deref() != Some(code) {
            problems.push(format!(
                "exit code {:?}, expected {code}",
                output.status.code()
            ));
        }
        let file = &expect["file"];
        let location = match expect.get("line") {
            Some(line) => format!("{file}:{line}:"),
            None => file.to_string(),
        };
        let headline = err
            .lines()
            .find(|l| l.starts_with(&location) && l.contains(": error: "));
        match headline {
            None => problems.push(format!("no error at {location}")),
            Some(headline) => {
                if let Some(field) = expect.get("field")
                    && !headline.contains(&format!(": error: {field}: "))
                {
                    problems.push(format!("field {field} not in {headline:?}"));
                }
            }
        }
        if let Some(message) = expect.get("message")
            && !err.contains(message.as_str())
        {
            problems.push(format!("message {message:?} not found"));
        }
        if site.read("public/index.html") != "previous site" {
            problems.push("public/ was changed".to_string());
        }
        if !problems.is_empty() {
            failures.push(format!("{case}: {}\n{err}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
