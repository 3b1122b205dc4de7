//! Shared helpers for integration tests: fixture sites copied into a
//! temporary folder, and the real `careergen` binary run on them.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// The repository root (the example site).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A site in a temporary folder.
pub struct TestSite {
    dir: TempDir,
}

impl TestSite {
    /// Copies `tests/fixtures/<name>`, adding the repository's themes when the
    /// fixture has none.
    pub fn fixture(name: &str) -> Self {
        let site = TestSite::empty();
        copy_dir(&repo().join("tests/fixtures").join(name), site.root());
        if !site.root().join("themes").exists() {
            copy_dir(&repo().join("themes"), &site.root().join("themes"));
        }
        site
    }

    /// Copies the example site: config, guides, themes and data files.
    pub fn example() -> Self {
        let site = TestSite::empty();
        fs::copy(repo().join("config.yaml"), site.root().join("config.yaml")).expect("copy config");
        for dir in ["content", "themes", "data"] {
            copy_dir(&repo().join(dir), &site.root().join(dir));
        }
        site
    }

    pub fn empty() -> Self {
        TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Runs `careergen <args…> --root <site>` with a clean environment.
    pub fn run(&self, args: &[&str]) -> Output {
        careergen()
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .expect("run careergen")
    }

    pub fn build(&self) -> Output {
        self.run(&["build"])
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// Every file under `rel`, by relative path.
    pub fn tree(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        tree(&self.path(rel))
    }
}

/// "Today" for every run of the binary: 2026-11-15 00:00 UTC, so that no
/// test depends on the machine's clock (review dates age, "not in the
/// future" moves).
pub const SOURCE_DATE_EPOCH: &str = "1794700800";

/// The binary under test, with colours off, "today" pinned and a fixed
/// environment.
pub fn careergen() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careergen"));
    command
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .env_remove("RUST_BACKTRACE");
    command
}

/// Builds `site` into its `public/`, failing the test with careergen's
/// output when the build fails.
pub fn assert_builds(site: &TestSite) {
    let output = site.build();
    assert!(
        output.status.success(),
        "build failed:\n{}{}",
        stdout(&output),
        stderr(&output)
    );
}

/// [`assert_builds`], handing the site back.
pub fn built(site: TestSite) -> TestSite {
    assert_builds(&site);
    site
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file under `dir`, by `/`-separated relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, fs::read(entry.path()).expect("read"));
        }
    }
    files
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Build options for `serve`'s workspace in tests: "today" pinned as for
/// the binary, and the address `serve` gives pages.
pub fn options(root: &Path) -> careergen::site::BuildOptions {
    let mut options = careergen::site::BuildOptions::new(root);
    options.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).expect("a date");
    options.base_url = Some("http://127.0.0.1:1111/".to_string());
    options
}

/// Asserts that `workspace` serves byte for byte what a cold build of the
/// site at `root` writes, naming every file that differs.
pub fn assert_cold_build(workspace: &careergen::serve::rebuild::Workspace, root: &Path) {
    let sink = careergen::output::MemorySink::default();
    let report = careergen::site::build(&options(root), &sink);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let cold = sink.into_files();
    let served: BTreeMap<&str, &[u8]> = workspace
        .served()
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_ref()))
        .collect();
    let expected: BTreeMap<&str, &[u8]> = cold
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    let differing: Vec<&str> = served
        .keys()
        .chain(expected.keys())
        .filter(|path| served.get(*path) != expected.get(*path))
        .copied()
        .collect();
    assert!(
        differing.is_empty(),
        "differs from a cold build: {differing:?}"
    );
}

/// The result of a `serve` rebuild that must succeed; a failure panics
/// with its diagnostics.
pub fn rebuilt(outcome: careergen::serve::rebuild::Outcome) -> careergen::serve::rebuild::Built {
    match outcome {
        careergen::serve::rebuild::Outcome::Built(built) => built,
        careergen::serve::rebuild::Outcome::Failed(diagnostics) => {
            panic!("the rebuild failed: {diagnostics:?}")
        }
    }
}
