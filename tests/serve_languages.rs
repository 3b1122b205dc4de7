//! `serve` on a site in English and Spanish: an edit renders again the
//! pages of the language it touches only (and, in the other language,
//! the pages whose translations came, went or moved), and what is served
//! equals a cold build of the edited site byte for byte.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use careergen::serve::rebuild::{Outcome, Workspace};
use careergen::serve::watch::Changes;
use common::{TestSite, assert_cold_build, careergen, options, rebuilt, tree};

/// What one rebuild did: the outputs rendered and the files whose bytes
/// changed or that went.
struct Done {
    rendered: BTreeSet<String>,
    updated: BTreeSet<String>,
    full: bool,
}

impl Done {
    /// The rendered outputs outside the Spanish folder.
    fn english(&self) -> BTreeSet<&str> {
        self.rendered
            .iter()
            .map(String::as_str)
            .filter(|path| !path.starts_with("es/"))
            .collect()
    }
}

fn rebuild(workspace: &mut Workspace, changes: &Changes) -> Done {
    let built = rebuilt(workspace.rebuild(changes));
    assert!(workspace.finish(&|| false).is_none(), "no second phase");
    Done {
        rendered: built.rendered.iter().cloned().collect(),
        updated: built.updates.iter().map(|(p, _)| p.clone()).collect(),
        full: built.full,
    }
}

/// The English and Spanish fixture, served: account manager, sales
/// representative (both translated) and electrician (English only); an
/// advice section with one article, both translated.
fn served() -> (TestSite, Workspace) {
    let site = TestSite::fixture("i18n-en-es");
    let mut workspace = Workspace::new(options(site.root()));
    let first = rebuild(&mut workspace, &Changes::default());
    assert!(first.full);
    assert!(first.rendered.contains("es/gerente-de-cuentas/index.html"));
    assert_cold_build(&workspace, site.root());
    (site, workspace)
}

/// Replaces `from` by `to` in the file `rel` and names it as changed.
fn edit(site: &TestSite, rel: &str, from: &str, to: &str) -> Changes {
    let text = site.read(rel);
    assert!(text.contains(from), "no {from:?} in {rel}");
    site.write(rel, &text.replacen(from, to, 1));
    changed(site.root(), rel)
}

fn changed(root: &Path, rel: &str) -> Changes {
    let mut changes = Changes::default();
    changes.add(root, Some("default"), &root.join(rel));
    changes
}

fn served_text(workspace: &Workspace, path: &str) -> String {
    let bytes = workspace.served().get(path).expect(path);
    String::from_utf8_lossy(bytes).into_owned()
}

fn hreflangs(html: &str) -> Vec<&str> {
    html.match_indices("hreflang=\"")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            &rest[..rest.find('"').unwrap_or(0)]
        })
        .collect()
}

#[test]
fn editing_the_spanish_messages_rerenders_only_spanish_pages() {
    let (site, mut workspace) = served();
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "themes/default/i18n/es.ftl",
            "guide-quick-facts = Datos principales",
            "guide-quick-facts = Lo esencial",
        ),
    );
    assert!(!done.full);
    assert_eq!(done.english(), BTreeSet::new());
    assert!(done.rendered.contains("es/gerente-de-cuentas/index.html"));
    assert!(done.rendered.contains("es/index.html"));
    assert!(done.updated.contains("es/gerente-de-cuentas/index.html"));
    assert!(done.updated.iter().all(|path| path.starts_with("es/")));
    assert!(served_text(&workspace, "es/gerente-de-cuentas/index.html").contains("Lo esencial"));
    assert_cold_build(&workspace, site.root());
}

#[test]
fn a_message_file_of_the_site_overrides_the_spanish_pages_alone() {
    let (site, mut workspace) = served();
    site.write("i18n/es.ftl", "guide-quick-facts = Lo esencial\n");
    let done = rebuild(&mut workspace, &changed(site.root(), "i18n/es.ftl"));
    assert_eq!(done.english(), BTreeSet::new());
    assert!(
        done.updated
            .contains("es/representante-de-ventas/index.html")
    );
    assert!(
        served_text(&workspace, "es/representante-de-ventas/index.html").contains("Lo esencial")
    );
    assert_cold_build(&workspace, site.root());
}

#[test]
fn editing_the_english_messages_rerenders_both_languages() {
    // Spanish pages fall back to the English messages.
    let (site, mut workspace) = served();
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "themes/default/i18n/en.ftl",
            "guide-quick-facts = ",
            "guide-quick-facts = At a glance",
        ),
    );
    assert!(done.rendered.contains("account-manager/index.html"));
    assert!(done.rendered.contains("es/gerente-de-cuentas/index.html"));
    assert_cold_build(&workspace, site.root());
}

#[test]
fn editing_a_spanish_guide_leaves_english_pages_alone() {
    let (site, mut workspace) = served();
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "content/account-manager.es.md",
            "Muchos gerentes de cuentas empiezan",
            "Muchos gerentes de cuentas comienzan",
        ),
    );
    assert!(!done.full);
    assert_eq!(done.english(), BTreeSet::new());
    assert!(done.rendered.contains("es/gerente-de-cuentas/index.html"));
    assert_eq!(
        done.updated,
        BTreeSet::from(["es/gerente-de-cuentas/index.html".to_string()])
    );
    assert_cold_build(&workspace, site.root());

    // A new title shows on the Spanish lists and search, not the English.
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "content/account-manager.es.md",
            "title: Gerente de cuentas",
            "title: Gestor de cuentas",
        ),
    );
    assert_eq!(done.english(), BTreeSet::new());
    assert!(done.updated.contains("es/index.html"));
    assert!(done.updated.iter().all(|path| path.starts_with("es/")));
    assert_cold_build(&workspace, site.root());
}

#[test]
fn editing_spanish_advice_leaves_english_pages_alone() {
    let (site, mut workspace) = served();
    for (rel, from, to) in [
        (
            "content/advice/negotiate.es.md",
            "Conoce el salario mediano",
            "Averigua el salario mediano",
        ),
        (
            "content/advice/_index.es.md",
            "Artículos breves",
            "Artículos cortos",
        ),
    ] {
        let done = rebuild(&mut workspace, &edit(&site, rel, from, to));
        assert_eq!(done.english(), BTreeSet::new(), "{rel}");
        assert!(!done.updated.is_empty(), "{rel}");
        assert!(done.updated.iter().all(|path| path.starts_with("es/")));
        assert_cold_build(&workspace, site.root());
    }
}

/// The English outputs that a Spanish electrician guide gives a version.
fn translated_electrician() -> BTreeSet<&'static str> {
    BTreeSet::from([
        "categories/construction/index.html",
        "electrician/index.html",
        "sitemap.xml",
    ])
}

const ELECTRICISTA: &str = "---\ntitle: Electricista\nslug: electricista\nsummary: Instala y repara sistemas eléctricos en casas y empresas.\nduties:\n  - Leer planos\n---\nLa mayoría aprende como aprendiz.\n";

#[test]
fn a_new_translation_adds_hreflang_to_the_original() {
    let (site, mut workspace) = served();
    assert!(hreflangs(&served_text(&workspace, "electrician/index.html")).is_empty());
    site.write("content/electrician.es.md", ELECTRICISTA);
    let done = rebuild(
        &mut workspace,
        &changed(site.root(), "content/electrician.es.md"),
    );
    assert!(!done.full);
    // In English, the pages that now have a Spanish version (the
    // original, and its category's page, which Spanish now has too) and
    // the sitemap listing both: nothing else.
    assert_eq!(done.english(), translated_electrician());
    assert!(done.updated.contains("es/electricista/index.html"));
    let english = served_text(&workspace, "electrician/index.html");
    assert!(hreflangs(&english).contains(&"es"));
    assert!(english.contains("es/electricista/"));
    assert!(served_text(&workspace, "sitemap.xml").contains("es/electricista/"));
    assert_cold_build(&workspace, site.root());
}

#[test]
fn a_removed_translation_takes_its_hreflang_from_the_original() {
    let (site, mut workspace) = served();
    site.write("content/electrician.es.md", ELECTRICISTA);
    rebuild(
        &mut workspace,
        &changed(site.root(), "content/electrician.es.md"),
    );
    assert!(!hreflangs(&served_text(&workspace, "electrician/index.html")).is_empty());
    std::fs::remove_file(site.path("content/electrician.es.md")).expect("remove");
    let done = rebuild(
        &mut workspace,
        &changed(site.root(), "content/electrician.es.md"),
    );
    assert_eq!(done.english(), translated_electrician());
    assert!(hreflangs(&served_text(&workspace, "electrician/index.html")).is_empty());
    assert!(done.updated.contains("es/electricista/index.html"));
    assert!(
        !workspace
            .served()
            .contains_key("es/electricista/index.html")
    );
    assert!(
        !workspace
            .served()
            .contains_key("es/categories/construction/index.html")
    );
    assert_cold_build(&workspace, site.root());
}

#[test]
fn a_translation_with_a_new_slug_moves_the_originals_hreflang() {
    let (site, mut workspace) = served();
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "content/account-manager.es.md",
            "slug: gerente-de-cuentas",
            "slug: gestor-de-cuentas",
        ),
    );
    assert_eq!(
        done.english(),
        BTreeSet::from(["account-manager/index.html", "sitemap.xml"])
    );
    assert!(done.updated.contains("es/gerente-de-cuentas/index.html"));
    assert!(
        !workspace
            .served()
            .contains_key("es/gerente-de-cuentas/index.html")
    );
    assert!(
        served_text(&workspace, "account-manager/index.html").contains("es/gestor-de-cuentas/")
    );
    assert_cold_build(&workspace, site.root());
}

#[test]
fn editing_an_english_guide_rerenders_both_languages() {
    // The Spanish translation takes its pay from the English file.
    let (site, mut workspace) = served();
    let text = site.read("content/account-manager.md");
    let median = text
        .lines()
        .find(|l| l.contains("median"))
        .expect("a median")
        .to_string();
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "content/account-manager.md",
            &median,
            &median.replace(|c: char| c.is_ascii_digit(), "7"),
        ),
    );
    assert!(done.full);
    assert!(done.updated.contains("account-manager/index.html"));
    assert!(done.updated.contains("es/gerente-de-cuentas/index.html"));
    assert_cold_build(&workspace, site.root());
}

#[test]
fn a_failed_rebuild_leaves_its_changes_to_the_next() {
    let (site, mut workspace) = served();
    // An English edit and a broken Spanish file in one save: nothing is
    // published…
    let mut changes = edit(
        &site,
        "content/electrician.md",
        "title: Electrician",
        "title: Electrical worker",
    );
    changes.merge(&edit(
        &site,
        "content/account-manager.es.md",
        "title: Gerente de cuentas",
        "title: [Gerente",
    ));
    assert!(matches!(workspace.rebuild(&changes), Outcome::Failed(_)));
    // …and fixing the Spanish file publishes the English edit too.
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "content/account-manager.es.md",
            "title: [Gerente",
            "title: Gerente de cuentas",
        ),
    );
    assert!(done.updated.contains("electrician/index.html"));
    assert_cold_build(&workspace, site.root());
}

/// Every file below `dir` with the time it was last written.
fn written_times(dir: &Path) -> Vec<(String, SystemTime)> {
    tree(dir)
        .into_keys()
        .map(|rel| {
            let time = std::fs::metadata(dir.join(&rel))
                .and_then(|m| m.modified())
                .expect("mtime");
            (rel, time)
        })
        .collect()
}

#[test]
fn serve_with_output_rewrites_only_the_spanish_files_an_edit_changes() {
    let site = TestSite::fixture("i18n-en-es");
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("public");
    let mut child = careergen()
        .arg("serve")
        .arg("--root")
        .arg(site.root())
        .args(["--port", "0", "--output"])
        .arg(&output)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start careergen serve");
    struct Stop(std::process::Child);
    impl Drop for Stop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let stdout = child.stdout.take().expect("stdout");
    let child = Stop(child);
    let mut lines = BufReader::new(stdout).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let rest = line.strip_prefix("serving at ")?;
            Some(rest.split_whitespace().next()?.to_string())
        })
        .expect("serve prints its address");
    let page = output.join("es/gerente-de-cuentas/index.html");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !page.is_file() {
        assert!(
            Instant::now() < deadline,
            "the first build was never written"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    let before = written_times(&output);

    let text = site.read("content/account-manager.es.md");
    site.write(
        "content/account-manager.es.md",
        &text.replace("empiezan como", "comienzan como"),
    );
    while !std::fs::read_to_string(&page)
        .unwrap_or_default()
        .contains("comienzan como")
    {
        assert!(Instant::now() < deadline, "the edit was never written");
        std::thread::sleep(Duration::from_millis(25));
    }
    drop(child);
    let after = written_times(&output);
    let rewritten: Vec<&str> = after
        .iter()
        .filter(|file| !before.contains(file))
        .map(|(rel, _)| rel.as_str())
        .collect();
    assert_eq!(rewritten, ["es/gerente-de-cuentas/index.html"]);

    // What was written is what a cold build writes.
    let cold = out.path().join("cold");
    let result = careergen()
        .args(["build", "--base-url", &url, "--output"])
        .arg(&cold)
        .arg("--root")
        .arg(site.root())
        .output()
        .expect("run build");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(tree(&output) == tree(&cold), "differs from a cold build");
}

#[test]
fn editing_a_spanish_guide_of_the_example_site_matches_a_cold_build() {
    // The example site has page bundles with images in English only.
    let site = TestSite::example();
    let mut workspace = Workspace::new(options(site.root()));
    rebuild(&mut workspace, &Changes::default());
    assert_cold_build(&workspace, site.root());
    // A language publishes the copies of the images its own pages show.
    assert!(
        workspace
            .served()
            .contains_key("customer-service-representative/support-desk-480w.webp")
    );
    assert!(
        !workspace
            .served()
            .keys()
            .any(|path| path.starts_with("es/customer-service-representative/"))
    );
    let done = rebuild(
        &mut workspace,
        &edit(
            &site,
            "content/account-manager.es.md",
            "title: Gerente de cuentas",
            "title: Gestor de cuentas",
        ),
    );
    assert_eq!(done.english(), BTreeSet::new());
    assert!(done.updated.contains("es/gerente-de-cuentas/index.html"));
    assert_cold_build(&workspace, site.root());
}
