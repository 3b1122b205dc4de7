//! The previous output, swapped out by a build, is removed by a background
//! process (`careergen remove-old-output`) after the new site is in place,
//! and that process removes nothing but a staging folder.

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use careergen::output::{DiskSink, Sink, Staging};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Polls `done` for at most 30 seconds (no timing is asserted: the deadline
/// only keeps a broken remover from hanging the test).
fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(30), "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn remover() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careergen"));
    command.arg("remove-old-output");
    command
}

#[test]
fn the_previous_output_is_removed_in_the_background_after_the_swap() {
    let temp = tempfile::tempdir().expect("temp dir");
    let output = temp.path().join("public");
    fs::create_dir_all(output.join("old")).expect("mkdir");
    fs::write(output.join("old/index.html"), "old page").expect("write");

    let staging = Staging::new(&output).expect("a staging folder");
    DiskSink::new(staging.dir())
        .write("new/index.html", b"new page")
        .expect("write");
    staging.commit_in_background(remover()).expect("swapped in");
    // The new site is in place as soon as the build returns.
    assert_eq!(
        common::tree(&output).into_keys().collect::<Vec<_>>(),
        ["new/index.html"]
    );
    eventually("the previous output and its lock file are removed", || {
        names(temp.path()) == ["public"]
    });
    assert_eq!(
        fs::read_to_string(output.join("new/index.html")).expect("read"),
        "new page"
    );
}

#[test]
fn the_remover_refuses_a_folder_that_is_not_a_staging_folder() {
    let temp = tempfile::tempdir().expect("temp dir");
    let folder = temp.path().join("public");
    fs::create_dir(&folder).expect("mkdir");
    fs::write(folder.join("index.html"), "keep me").expect("write");
    fs::write(temp.path().join("public.lock"), "").expect("lock file");
    let output = remover()
        .arg(&folder)
        .arg(temp.path().join("public.lock"))
        .output()
        .expect("run the remover");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("is not a staging folder"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(folder.join("index.html").is_file(), "nothing was removed");
}

#[test]
fn a_large_site_rebuilt_leaves_nothing_beside_its_output() {
    // Over the size from which `build` removes the previous output in the
    // background: the next build still finds nothing it must publish, and
    // the folder ends up alone.
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    gen_corpus::generate(500, 1, &site).expect("generate");
    let out = temp.path().join("out");
    let output = out.join("public");
    let build = || {
        let status = Command::new(env!("CARGO_BIN_EXE_careergen"))
            .args(["build", "--quiet", "--root"])
            .arg(&site)
            .arg("--output")
            .arg(&output)
            .env("SOURCE_DATE_EPOCH", common::SOURCE_DATE_EPOCH)
            .status()
            .expect("run build");
        assert!(status.success());
        common::tree(&output)
    };
    let first = build();
    // Replaces the first build's output, which goes in the background.
    let second = build();
    assert!(first == second, "the same site each time");
    eventually("only the output is left", || names(&out) == ["public"]);
}
