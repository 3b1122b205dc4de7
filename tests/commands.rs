//! The authoring commands through the real binary: `check` (human and
//! JSON), `new`, `init`, the built-in theme, and output for people (colour,
//! `-q`). Each test lays out its site in a temporary folder with `init`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// `careergen` with a hermetic environment: no colour or terminal settings
/// inherited from whoever runs the tests, and "today" pinned.
fn careergen() -> Command {
    let mut cmd = Command::cargo_bin("careergen").expect("the careergen binary");
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("SOURCE_DATE_EPOCH", common::SOURCE_DATE_EPOCH)
        .env("TERM", "dumb");
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `careergen args…` and returns its output, whatever the exit code.
fn run(args: &[&str]) -> Output {
    careergen().args(args).output().expect("careergen runs")
}

fn assert_no_panic(output: &Output) {
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A fresh site made by `careergen init`, in `<temp>/site`.
struct Site {
    _temp: TempDir,
    root: PathBuf,
}

impl Site {
    fn new() -> Self {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path().join("site");
        let output = run(&["init", path(&root)]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        Site { _temp: temp, root }
    }

    fn root(&self) -> &str {
        path(&self.root)
    }

    fn write(&self, relative: &str, contents: &str) -> &Self {
        let file = self.root.join(relative);
        fs::create_dir_all(file.parent().expect("a parent")).expect("mkdir");
        fs::write(file, contents).expect("write");
        self
    }

    /// Runs `careergen <command> --root <site> args…`.
    fn run(&self, command: &str, args: &[&str]) -> Output {
        let mut all = vec![command, "--root", self.root()];
        all.extend_from_slice(args);
        run(&all)
    }
}

fn path(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

/// A guide with an unknown key (error) and a long summary (warning).
const BROKEN_GUIDE: &str = "---
title: Broken
summary: This summary is long enough to be cut off in search results, because it goes on and on well past the one hundred and sixty characters a meta description shows in full.
dutys: [Sell]
---
";

#[test]
fn check_json_prints_one_object_per_problem() {
    let site = Site::new();
    site.write("content/broken.md", BROKEN_GUIDE);
    let output = site.run("check", &["--format", "json"]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let problems: Vec<Value> = text(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect();
    let unknown = problems
        .iter()
        .find(|p| p["field"] == "dutys")
        .unwrap_or_else(|| panic!("no `dutys` error in {problems:#?}"));
    assert_eq!(unknown["path"], "content/broken.md");
    assert_eq!(unknown["line"], 4);
    assert_eq!(unknown["column"], 1);
    assert_eq!(unknown["severity"], "error");
    assert_eq!(
        unknown["message"],
        "expected a known key, found unknown key `dutys`"
    );
    assert_eq!(unknown["help"], "did you mean `duties`?");
    let missing = problems
        .iter()
        .find(|p| p["field"] == "duties")
        .unwrap_or_else(|| panic!("no `duties` error in {problems:#?}"));
    assert_eq!(missing["severity"], "error");
    let long = problems
        .iter()
        .find(|p| p["field"] == "summary")
        .unwrap_or_else(|| panic!("no `summary` warning in {problems:#?}"));
    assert_eq!(long["severity"], "warning");
    assert_eq!(long["line"], 3);
    for problem in &problems {
        let mut keys: Vec<&str> = problem
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "column", "field", "help", "line", "message", "path", "severity"
            ]
        );
    }
}

#[test]
fn check_passes_a_clean_site_and_writes_nothing() {
    let site = Site::new();
    let output = site.run("check", &[]);
    assert_no_panic(&output);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.starts_with("checked 1 guide and ") && stdout.contains("no problems found"),
        "{stdout}"
    );
    assert!(!site.root.join("public").exists());
    let json = site.run("check", &["--format", "json"]);
    assert!(json.status.success());
    assert_eq!(text(&json.stdout), "");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let site = Site::new();
    // Without salary, outlook or requirements: legal, but incomplete.
    site.write(
        "content/stub.md",
        "---\ntitle: Stub\nsummary: A stub.\nduties: [Wait]\n---\n",
    );
    let lenient = site.run("check", &[]);
    assert!(lenient.status.success(), "{}", text(&lenient.stderr));
    assert!(text(&lenient.stderr).contains("warning: incomplete guide"));
    let strict = site.run("check", &["--deny-warnings"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(text(&strict.stderr).contains("check failed: 0 errors, "));
    // Quiet still shows the warnings that fail the check.
    let quiet = run(&["-q", "check", "--root", site.root(), "--deny-warnings"]);
    assert_eq!(quiet.status.code(), Some(1));
    assert!(text(&quiet.stderr).contains("warning: incomplete guide"));
}

#[test]
fn check_catches_an_error_that_only_rendering_shows() {
    let site = Site::new();
    // Valid template syntax; the variable is missing only when rendering.
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}{% block content %}{{ no_such_variable }}{% endblock content %}",
    );
    let output = site.run("check", &[]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("templates/index.html"), "{stderr}");
    assert!(stderr.contains("no_such_variable"), "{stderr}");
    assert!(stderr.contains("while rendering `index.html`"), "{stderr}");
    assert!(!site.root.join("public").exists());
}

#[test]
fn new_then_build_with_drafts_publishes_the_draft() {
    let site = Site::new();
    let output = run(&[
        "new",
        "Account executive",
        "--category",
        "sales",
        "--root",
        site.root(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let written = site.root.join("content/account-executive.md");
    assert_eq!(text(&output.stdout).trim(), path(&written));
    let guide = fs::read_to_string(&written).expect("the new guide");
    assert!(guide.contains("title: \"Account executive\""));
    assert!(guide.contains("category: sales"));
    assert!(guide.contains("draft: true"));
    assert!(guide.contains("# salary:"));

    let again = run(&["new", "Account executive", "--root", site.root()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(fs::read_to_string(&written).expect("unchanged"), guide);

    let build = site.run("build", &[]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    assert!(!site.root.join("public/account-executive").exists());
    let drafts = site.run("build", &["--drafts"]);
    assert!(drafts.status.success(), "{}", text(&drafts.stderr));
    let page = fs::read_to_string(site.root.join("public/account-executive/index.html"))
        .expect("the draft's page");
    assert!(page.contains("Account executive"));
}

#[test]
fn new_with_an_unknown_category_suggests_one() {
    let site = Site::new();
    let output = run(&["new", "Lead", "--category", "sale", "--root", site.root()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("did you mean `sales`?"));
    assert!(!site.root.join("content/lead.md").exists());
}

#[test]
fn init_then_build_works_and_init_refuses_a_non_empty_folder() {
    let site = Site::new();
    let build = site.run("build", &[]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    assert!(site.root.join("public/index.html").is_file());
    assert!(
        site.root
            .join("public/account-manager/index.html")
            .is_file()
    );

    let again = run(&["init", site.root()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("--force"));
    let forced = run(&["init", site.root(), "--force"]);
    assert!(forced.status.success(), "{}", text(&forced.stderr));
}

#[test]
fn a_site_without_a_theme_folder_uses_the_built_in_theme() {
    let site = Site::new();
    assert!(!site.root.join("themes").exists(), "init writes no theme");
    let build = site.run("build", &[]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    let index = fs::read_to_string(site.root.join("public/index.html")).expect("index");
    assert!(index.contains("Careers Handbook"));
    // Every static file of the built-in theme (the binary embeds
    // `themes/default` as it was when built) is copied, byte for byte.
    let theme_static = common::tree(&common::repo().join("themes/default/static"));
    assert_eq!(
        theme_static.keys().collect::<Vec<_>>(),
        ["favicon.ico", "favicon.svg", "style.css"],
        "the built-in theme's static files changed: update this list"
    );
    for (name, bytes) in &theme_static {
        let copied = fs::read(site.root.join("public").join(name))
            .unwrap_or_else(|e| panic!("public/{name} not copied: {e}"));
        assert!(&copied == bytes, "public/{name} differs from the theme's");
    }
}

#[test]
fn quiet_prints_nothing_on_success() {
    let site = Site::new();
    let output = run(&["-q", "build", "--root", site.root()]);
    assert!(output.status.success());
    assert_eq!(text(&output.stdout), "");
    assert_eq!(text(&output.stderr), "");
}

/// `script` runs a command on a pseudo-terminal, where `--color auto`
/// colours. Without `script` the test fails rather than passing unchecked:
/// `.ci/run` installs it (Debian's `bsdutils`).
fn on_a_terminal(args: &[&str], no_color: bool) -> String {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("`script` (Debian's bsdutils, util-linux elsewhere) runs the colour checks");
    let binary = assert_cmd::cargo::cargo_bin("careergen");
    let mut line = format!("'{}'", binary.display());
    for arg in args {
        line.push_str(&format!(" '{arg}'"));
    }
    let mut cmd = std::process::Command::new(script);
    cmd.args(["-qec", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .env("SOURCE_DATE_EPOCH", common::SOURCE_DATE_EPOCH)
        .env("TERM", "xterm");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let output = cmd.output().expect("run script");
    assert!(output.status.success() || output.status.code() == Some(1));
    text(&output.stdout)
}

#[test]
fn no_color_output_has_no_escape_codes() {
    let site = Site::new();
    site.write("content/broken.md", BROKEN_GUIDE);
    let args = ["check", "--root", site.root()];

    let piped = careergen()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(piped.status.code(), Some(1));
    assert!(text(&piped.stderr).contains("unknown key `dutys`"));
    assert!(!text(&piped.stderr).contains('\u{1b}'));

    let never = run(&["--color", "never", "check", "--root", site.root()]);
    assert!(!text(&never.stderr).contains('\u{1b}'));
    let always = run(&["--color", "always", "check", "--root", site.root()]);
    assert!(
        text(&always.stderr).contains('\u{1b}'),
        "colour can be forced"
    );

    let coloured = on_a_terminal(&args, false);
    assert!(coloured.contains("unknown key `dutys`"), "{coloured}");
    assert!(coloured.contains('\u{1b}'), "a terminal gets colour");
    let plain = on_a_terminal(&args, true);
    assert!(plain.contains("unknown key `dutys`"), "{plain}");
    assert!(
        !plain.contains('\u{1b}'),
        "NO_COLOR wins on a terminal: {plain:?}"
    );
}
