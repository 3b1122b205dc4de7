//! Faults around files and folders, each pinned by a test named after it:
//! what careergen walks, where it may write, how it swaps the output in,
//! and what the command line and docs promise about them.

mod common;

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use common::{TestSite, careergen, stderr, stdout};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn link(target: &str, at: &Path) {
    fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(target, at).expect("symlink");
}

#[cfg(unix)]
#[test]
fn dangling_links_and_editor_leftovers_never_break_a_build() {
    let site = TestSite::fixture("editor-leftovers");
    // What Emacs leaves while `account-manager.md` is open, and its kin
    // from other editors and file managers, in every folder a build reads.
    link(
        "user@host.1234:1700000000",
        &site.path("content/.#account-manager.md"),
    );
    site.write("content/#account-manager.md#", "---\ntitle: [unclosed\n");
    site.write("content/account-manager.md~", "---\ntitle: [unclosed\n");
    site.write("content/.account-manager.md.swp", "\0\0binary");
    site.write("content/sales/4913", "");
    site.write("content/.DS_Store", "\0");
    link("user@host.1:1", &site.path("templates/.#guide.html"));
    site.write("templates/guide.html~", "{% if %}");
    site.write("templates/partials/#note.html#", "{% if %}");
    link("user@host.1:1", &site.path("static/.#site.css"));
    site.write("static/.DS_Store", "\0");
    site.write("static/site.css~", "old");
    link(
        "user@host.1:1",
        &site.path("themes/default/templates/.#base.html"),
    );
    site.write("themes/default/templates/base.html~", "{% if %}");
    link(
        "user@host.1:1",
        &site.path("themes/default/static/.#style.css"),
    );
    // A dangling link that is not an editor's: a located warning.
    link("retired.md", &site.path("content/old-title.md"));

    // `check` lists the warning in full; `build` counts it.
    for (command, expected) in [
        (
            "check",
            "content/old-title.md: warning: a link to `retired.md`, which does not exist",
        ),
        (
            "build",
            "warning: 1 symbolic link leads to nothing and was left out",
        ),
    ] {
        let output = site.run(&[command]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{command}: {err}");
        assert!(!err.contains("error"), "{command}: {err}");
        assert!(err.contains(expected), "{command}: {err}");
        assert_eq!(
            err.matches("a link to").count() + err.matches("symbolic link").count(),
            1,
            "{command}: only the link that is not an editor's is named: {err}"
        );
    }
    let public = site.tree("public");
    assert!(public.contains_key("account-manager/index.html"));
    assert!(public.contains_key("site.css"));
    // Hidden static files other than editors' are published.
    assert!(public.contains_key(".well-known/security.txt"));
    for leftover in public.keys() {
        let name = leftover.rsplit('/').next().unwrap_or(leftover);
        assert!(
            !name.ends_with('~') && !name.starts_with(".#") && name != ".DS_Store",
            "{leftover} was published"
        );
    }
}

#[test]
fn output_folder_inside_the_sources_is_refused_before_it_exists() {
    let site = TestSite::example();
    for dir in ["templates", "static"] {
        fs::create_dir_all(site.path(dir)).expect("mkdir");
    }
    for output in [
        "templates/out",
        "content/out",
        "static/out",
        "themes/out",
        "themes/default/templates/a/b",
        "public/../templates/out",
        ".",
    ] {
        // As the issue ran it: from inside the site, a relative --output.
        let result = careergen()
            .current_dir(site.root())
            .args(["build", "--output", output])
            .output()
            .expect("run");
        let err = stderr(&result);
        assert_eq!(result.status.code(), Some(2), "{output}: {err}");
        assert!(err.contains("choose another --output"), "{output}: {err}");
        assert!(!site.path(output).join("index.html").exists(), "{output}");
    }
    assert!(!site.path("templates/out").exists());
    // `serve --output` refuses it too, before it listens.
    let result = careergen()
        .current_dir(site.root())
        .args(["serve", "--port", "0", "--output", "static/out"])
        .output()
        .expect("run");
    assert_eq!(result.status.code(), Some(2), "{}", stderr(&result));
    assert!(!site.path("static/out").exists());
    // The plain build still works afterwards.
    assert!(site.build().status.success());
}

#[test]
fn static_file_over_a_generated_file_is_an_error_naming_both() {
    let site = TestSite::fixture("static-over-generated");
    site.write("public/index.html", "previous site");
    let before = site.tree("public");
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    for expected in [
        "static/account-manager/index.html: error: this static file would replace the page of `content/account-manager.md` (both are written to `account-manager/index.html`)",
        "static/sitemap.xml: error: this static file would replace the `sitemap.xml` careergen generates",
        "static/404.html: error: this static file would replace the `404.html` careergen generates",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    // The site's `style.css` replaces the theme's on purpose: no word.
    assert!(!err.contains("style.css"), "{err}");
    assert!(err.contains("3 errors"), "{err}");
    assert_eq!(site.tree("public"), before, "public/ was touched");
}

#[test]
fn a_template_error_is_reported_once_with_its_page_count() {
    let site = TestSite::fixture("template-error-every-page");
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("templates/guide.html:3:").count(), 2, "{err}");
    assert_eq!(err.matches(": error: ").count(), 1, "{err}");
    assert!(
        err.contains("hit 3 pages, among them `account-manager/index.html`"),
        "{err}"
    );
    assert!(err.contains("1 error"), "{err}");

    let output = site.run(&["check", "--format", "json"]);
    let json = stdout(&output);
    let errors: Vec<&str> = json
        .lines()
        .filter(|l| l.contains("\"severity\":\"error\""))
        .collect();
    assert_eq!(errors.len(), 1, "{json}");
    let json = errors[0];
    assert!(json.contains("\"path\":\"templates/guide.html\""), "{json}");
    assert!(json.contains("hit 3 pages"), "{json}");
}

#[test]
fn robots_txt_under_a_sub_path_names_an_absolute_sitemap_and_where_to_serve_it() {
    let site = TestSite::fixture("template-error-every-page");
    fs::remove_dir_all(site.path("templates")).expect("rm templates");
    let output = site.run(&["build", "--base-url", "https://example.edu/careers/"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let robots = site.read("public/robots.txt");
    assert!(
        robots.contains("\nSitemap: https://example.edu/careers/sitemap.xml\n"),
        "{robots}"
    );
    assert!(
        robots.starts_with(
            "# Crawlers read robots.txt only at the root of a host (/robots.txt), not at\n# /careers/robots.txt"
        ),
        "{robots}"
    );
}

#[test]
fn base_url_that_is_not_a_url_is_a_usage_error() {
    let site = TestSite::fixture("template-error-every-page");
    for command in ["build", "serve"] {
        let output = site.run(&[command, "--base-url", "notaurl"]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{command}: {err}");
        assert!(
            err.contains("expected an absolute http(s) URL, found \"notaurl\""),
            "{command}: {err}"
        );
    }
    assert!(!site.path("public").exists());
}

#[test]
fn new_refuses_a_reserved_slug() {
    let site = TestSite::fixture("template-error-every-page");
    for args in [
        vec!["new", "Search"],
        vec!["new", "Compare specialist", "--slug", "compare"],
    ] {
        let output = site.run(&args);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("is taken by the site's own"), "{err}");
        assert!(err.contains("--slug"), "{err}");
    }
    assert!(!site.path("content/search.md").exists());
    assert!(!site.path("content/compare.md").exists());
}

#[test]
fn verbose_prints_what_the_docs_promise() {
    let site = TestSite::fixture("template-error-every-page");
    fs::remove_dir_all(site.path("templates")).expect("rm templates");
    let output = site.run(&["-v", "build"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    for part in [
        "load and validate ",
        " ms, render ",
        " ms, swap in the output folder ",
        " files in `",
    ] {
        assert!(err.contains(part), "build -v lacks {part:?}: {err}");
    }
    let output = site.run(&["-v", "check"]);
    let err = stderr(&output);
    for part in ["load and validate ", " ms, render ", " ms, total "] {
        assert!(err.contains(part), "check -v lacks {part:?}: {err}");
    }
    let docs = fs::read_to_string(common::repo().join("docs/authoring.md")).expect("docs");
    assert!(
        docs.contains("swapping in the output folder"),
        "docs/authoring.md says what -v prints"
    );
}

#[test]
fn page_kinds_in_the_docs_are_the_kinds_the_binary_has() {
    let docs = fs::read_to_string(common::repo().join("docs/templates.md")).expect("docs");
    let row = docs
        .lines()
        .find(|l| l.starts_with("| `page.kind` |"))
        .expect("page.kind row");
    let site = TestSite::example();
    assert!(site.build().status.success());
    let mut kinds = std::collections::BTreeSet::new();
    for (path, bytes) in site.tree("public") {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(&bytes);
            // The default theme marks each page with its kind.
            if let Some(kind) = html
                .split("<body class=\"page page--")
                .nth(1)
                .and_then(|rest| rest.split(['"', ' ']).next())
            {
                kinds.insert(kind.to_string());
            }
        }
    }
    assert_eq!(kinds.len(), 13, "{kinds:?}");
    for kind in &kinds {
        assert!(row.contains(&format!("`{kind}`")), "{kind} missing: {row}");
    }
}

/// Every file under `dir` with its bytes, for comparing whole sites.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    common::tree(dir)
}

#[cfg(unix)]
/// Waits until `public` is alone in `out_dir`: the previous output of a
/// large site is removed by a background process after the swap. The
/// deadline only keeps a remover that never finishes from hanging the test.
fn only_public_remains(out_dir: &Path, when: &str) {
    let start = std::time::Instant::now();
    while names(out_dir) != ["public"] {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "{when}: {:?} beside public/",
            names(out_dir)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_killed_build_leaves_public_old_or_new_whole_and_the_next_build_cleans_up() {
    let temp = tempfile::tempdir().expect("temp dir");
    // Two versions of one site: the same guides under two titles, so that
    // every page differs between them.
    let old_site = temp.path().join("old");
    gen_corpus::generate(200, 3, &old_site).expect("generate");
    let new_site = temp.path().join("new");
    common::copy_dir(&old_site, &new_site);
    let config = fs::read_to_string(new_site.join("config.yaml")).expect("config");
    let retitled = config.replacen("title:", "title: Renamed", 1);
    assert_ne!(config, retitled);
    fs::write(new_site.join("config.yaml"), retitled).expect("config");

    let out_dir = temp.path().join("out");
    fs::create_dir(&out_dir).expect("mkdir");
    let public = out_dir.join("public");
    let build = |site: &Path| {
        careergen()
            .args(["-q", "build", "--root"])
            .arg(site)
            .arg("--output")
            .arg(&public)
            .output()
            .expect("run")
    };
    let built = |site: &Path| {
        let output = build(site);
        assert!(output.status.success(), "{}", stderr(&output));
        snapshot(&public)
    };
    let new = built(&new_site);
    // How long one build runs (replacing a site), only to spread the kills
    // over it.
    let started = std::time::Instant::now();
    let old = built(&old_site);
    let span = started.elapsed().max(Duration::from_millis(50));
    assert_ne!(old, new);

    let kills = 12;
    for i in 0..kills {
        let site = if i % 2 == 0 { &new_site } else { &old_site };
        let mut child = careergen()
            .args(["-q", "build", "--root"])
            .arg(site)
            .arg("--output")
            .arg(&public)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // From early in the build to past its end, the swap included.
        std::thread::sleep(span * (i + 1) / kills * 11 / 10);
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&public);
        assert!(
            now == old || now == new,
            "after a kill at {}/{kills} of a build, public/ is neither the old site nor the new one ({} files)",
            i + 1,
            now.len()
        );
        if i % 4 == 3 {
            // The next build succeeds and leaves nothing beside public/.
            assert_eq!(
                built(site),
                if i % 2 == 0 { new.clone() } else { old.clone() }
            );
            only_public_remains(&out_dir, &format!("after kill {}", i + 1));
        }
    }
    assert_eq!(built(&new_site), new);
    only_public_remains(&out_dir, "at the end");
}

/// Polls `done` until it holds, for at most 30 seconds (no timing is
/// asserted: the deadline only keeps a broken build from hanging).
fn eventually(what: &str, done: impl Fn() -> bool) {
    let started = std::time::Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited in vain for {what}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn serve_output_removes_the_folders_of_guides_that_went() {
    let site = TestSite::fixture("serve-site");
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("site");
    let mut child = careergen()
        .arg("serve")
        .arg("--root")
        .arg(site.root())
        .args(["--port", "0", "--output"])
        .arg(&output)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    eventually("the first build in --output", || {
        output.join("gamma/index.html").is_file()
    });
    fs::remove_file(site.path("content/gamma.md")).expect("remove guide");
    // The folder that held only the page goes with it: a moment after the
    // page, since the file is removed before the folders it leaves empty.
    eventually("the guide's page and its folder to go", || {
        !output.join("gamma").exists()
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(!output.join("gamma").exists(), "{:?}", names(&output));
    assert!(output.join("alpha/index.html").is_file());
}

#[test]
fn serve_reports_a_static_file_over_a_generated_file() {
    let site = TestSite::fixture("serve-site");
    site.write("static/alpha/index.html", "<p>A hand-made page</p>\n");
    let log = site.path("serve.log");
    let out = site.path("serve.out");
    let mut child = careergen()
        .arg("serve")
        .arg("--root")
        .arg(site.root())
        .args(["--port", "0"])
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).expect("out file"))
        .stderr(fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("start serve");
    let expected = "static/alpha/index.html: error: this static file would replace the page of `content/alpha.md`";
    eventually("serve to report the static file", || {
        fs::read_to_string(&log)
            .unwrap_or_default()
            .contains(expected)
    });
    // Once the static file goes, the site builds.
    fs::remove_file(site.path("static/alpha/index.html")).expect("remove");
    eventually("serve to build the site", || {
        fs::read_to_string(&out)
            .unwrap_or_default()
            .contains("static/alpha/index.html changed: rendered")
    });
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(unix)]
#[test]
fn serve_keeps_building_while_an_editor_holds_a_lock_file() {
    let site = TestSite::fixture("editor-leftovers");
    // One guide is open in Emacs before serve starts.
    link(
        "user@host.1234:1700000000",
        &site.path("content/.#sales-manager.md"),
    );
    let (out, log) = (site.path("serve.out"), site.path("serve.log"));
    let mut child = careergen()
        .arg("serve")
        .arg("--root")
        .arg(site.root())
        .args(["--port", "0"])
        .stdin(Stdio::null())
        .stdout(fs::File::create(&out).expect("out file"))
        .stderr(fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("start serve");
    eventually("serve to listen", || {
        fs::read_to_string(&out)
            .unwrap_or_default()
            .contains("serving at")
    });
    // Emacs opens another (a lock link), and saves it the way it does:
    // a backup, then the new text renamed over the guide.
    link(
        "user@host.1234:1700000000",
        &site.path("content/.#account-manager.md"),
    );
    let guide = site.read("content/account-manager.md");
    site.write("content/account-manager.md~", &guide);
    site.write(
        "content/.account-manager.md.tmp",
        &guide.replace("looks after customers", "looks after customers well"),
    );
    fs::rename(
        site.path("content/.account-manager.md.tmp"),
        site.path("content/account-manager.md"),
    )
    .expect("rename over the guide");
    eventually("the save to be built", || {
        fs::read_to_string(&out)
            .unwrap_or_default()
            .contains("content/account-manager.md changed: rendered")
    });
    let _ = child.kill();
    let _ = child.wait();
    let log = fs::read_to_string(&log).unwrap_or_default();
    assert!(!log.contains("error"), "{log}");
}
