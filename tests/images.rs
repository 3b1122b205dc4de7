//! Page bundles and responsive images: the files of a bundle published
//! beside its page, WebP and fallback copies with `srcset`, `width` and
//! `height`, the cache that spares a rebuild from encoding again, and the
//! errors and warnings about images.

mod common;

use careergen::serve::rebuild::{Outcome, Workspace};
use careergen::serve::watch::Changes;
use common::{TestSite, assert_builds, assert_cold_build, options, stderr};

/// The `<img …>` elements of `html`.
fn images(html: &str) -> Vec<&str> {
    html.match_indices("<img ")
        .map(|(at, _)| &html[at..at + html[at..].find('>').expect("closed img") + 1])
        .collect()
}

const CACHE: &str = ".careergen-cache/images";

#[test]
fn a_bundle_publishes_its_files_and_responsive_copies_of_its_images() {
    let site = TestSite::fixture("images-site");
    assert_builds(&site);
    let public = site.tree("public/registered-nurse");
    let names: Vec<&str> = public.keys().map(String::as_str).collect();
    // A 1200 px PNG: 480 and 800 px copies in PNG, every width in WebP.
    // A 300 px PNG is never made larger. Other files pass through.
    assert_eq!(
        names,
        [
            "desk-300w.webp",
            "desk.png",
            "hospital-1200w.webp",
            "hospital-480w.png",
            "hospital-480w.webp",
            "hospital-800w.png",
            "hospital-800w.webp",
            "hospital.png",
            "index.html",
            "office.svg",
            "rota.pdf",
        ]
    );
    assert!(public["hospital-480w.webp"].starts_with(b"RIFF"));
    assert_eq!(&public["hospital-480w.webp"][8..12], b"WEBP");
    assert!(public["hospital-480w.png"].starts_with(b"\x89PNG"));
    assert_eq!(
        public["hospital.png"],
        std::fs::read(site.path("content/registered-nurse/hospital.png")).expect("source")
    );

    let page = site.read("public/registered-nurse/index.html");
    let imgs = images(&page);
    assert_eq!(imgs.len(), 4, "{imgs:#?}");
    // The hero: every width, its size, loaded at once.
    assert!(page.contains(r#"<figure class="hero"><picture><source type="image/webp" srcset="../registered-nurse/hospital-480w.webp 480w, ../registered-nurse/hospital-800w.webp 800w, ../registered-nurse/hospital-1200w.webp 1200w""#), "{page}");
    assert!(imgs[0].contains(r#"srcset="../registered-nurse/hospital-480w.png 480w, ../registered-nurse/hospital-800w.png 800w, ../registered-nurse/hospital.png 1200w""#), "{}", imgs[0]);
    assert!(
        imgs[0].contains(r#"width="1200" height="600""#),
        "{}",
        imgs[0]
    );
    assert!(!imgs[0].contains("loading="), "{}", imgs[0]);
    // A Markdown image relative to the bundle, a figure of an SVG sized by
    // its viewBox, a decorative figure: each sized and loaded lazily.
    assert!(
        imgs[1].contains(
            r#"src="../registered-nurse/desk.png" srcset="../registered-nurse/desk.png 300w""#
        ),
        "{}",
        imgs[1]
    );
    assert!(
        imgs[1].contains(
            r#"width="300" height="150" alt="A nurse’s desk with a laptop, a phone and a notebook""#
        ),
        "{}",
        imgs[1]
    );
    assert!(
        imgs[2].contains(r#"src="../registered-nurse/office.svg""#),
        "{}",
        imgs[2]
    );
    assert!(
        imgs[2].contains(r#"width="1200" height="600""#),
        "{}",
        imgs[2]
    );
    assert!(imgs[3].contains(r#"alt="""#), "{}", imgs[3]);
    for img in &imgs[1..] {
        assert!(img.contains(r#"loading="lazy" decoding="async""#), "{img}");
    }
    // Other sites see the image, by its absolute URL.
    for meta in [
        r#"<meta property="og:image" content="https://careers.example.org/registered-nurse/hospital.png">"#,
        r#"<meta name="twitter:image" content="https://careers.example.org/registered-nurse/hospital.png">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#""image":"https://careers.example.org/registered-nurse/hospital.png""#,
    ] {
        assert!(page.contains(meta), "{meta} in {page}");
    }
    // A guide without an image names none.
    let other = site.read("public/account-manager/index.html");
    assert!(!other.contains("og:image"), "{other}");
    assert!(other.contains(r#"href="../registered-nurse/""#), "{other}");
}

#[test]
fn a_rebuild_takes_copies_from_the_cache_and_a_cold_build_makes_the_same_bytes() {
    let site = TestSite::fixture("images-site");
    assert_builds(&site);
    let cache = site.tree(CACHE);
    // Six copies: hospital at 480 and 800 in PNG and at three widths in
    // WebP, desk in WebP. Named by a hash of the file and the settings.
    assert_eq!(cache.len(), 6, "{:?}", cache.keys());
    let marked = cache
        .keys()
        .find(|name| name.ends_with("-480.webp"))
        .expect("a 480 px WebP copy")
        .clone();
    // A copy the cache holds is used as it is, not encoded again.
    std::fs::write(site.path(&format!("{CACHE}/{marked}")), b"from the cache").expect("mark");
    assert_builds(&site);
    assert_eq!(
        std::fs::read(site.path("public/registered-nurse/hospital-480w.webp")).expect("copy"),
        b"from the cache"
    );
    // A cold build elsewhere makes the same bytes, and a site without a
    // cache folder builds it again.
    let cold = TestSite::fixture("images-site");
    assert_builds(&cold);
    assert_eq!(
        cold.tree(CACHE).keys().collect::<Vec<_>>(),
        cache.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in cold.tree(CACHE) {
        assert_eq!(bytes, cache[&name], "{name} differs between builds");
    }
    // A changed image gets new copies; the old ones stay until deleted.
    std::fs::copy(
        site.path("content/registered-nurse/desk.png"),
        site.path("content/registered-nurse/hospital.png"),
    )
    .expect("replace");
    assert_builds(&site);
    let page = site.read("public/registered-nurse/index.html");
    let hero = images(&page)[0];
    assert!(
        hero.contains(r#"srcset="../registered-nurse/hospital.png 300w""#)
            && hero.contains(r#"width="300" height="150""#),
        "{hero}"
    );
    assert!(
        site.path("public/registered-nurse/hospital-300w.webp")
            .is_file()
    );
    assert!(
        !site
            .path("public/registered-nurse/hospital-480w.webp")
            .exists()
    );
}

#[test]
fn images_without_alt_text_are_errors_at_their_line() {
    let site = TestSite::fixture("images-missing-alt");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        "content/nurse/index.md:5:1: error: image.alt: expected a text alternative describing the image, found nothing",
        "content/nurse/index.md:7:1: error: expected alt text saying what the image shows, found none",
        r#"content/nurse/index.md:9:1: error: expected `figure(src="desk.png", caption="No alt text")` to have `alt`, found none"#,
        "decorative=true",
        "3 errors",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in\n{err}");
    }
    assert!(!site.path("public").exists());
    assert!(!site.path(CACHE).exists());
}

#[test]
fn a_decorative_figure_with_alt_text_is_an_error() {
    let site = TestSite::fixture("images-site");
    site.write(
        "content/account-manager.md",
        "---\ntitle: Account manager\nsummary: Looks after customers.\nduties: [Looks after customers]\n---\n{{ figure(src=\"@/registered-nurse/desk.png\", alt=\"A desk\", decorative=true) }}\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/account-manager.md:6:46: error: expected no `alt` on"),
        "{err}"
    );
}

#[test]
fn a_missing_image_file_is_an_error_at_its_field() {
    let site = TestSite::fixture("images-missing-file");
    site.write("public/index.html", "previous site");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        r#"content/nurse/index.md:5:15: error: image.src: expected an image file, found "ward.png", which names no file"#,
        "content/nurse/index.md:7:11: error: expected a link to a file under content/ or static/, found `@/images/gone.png`",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in\n{err}");
    }
    assert_eq!(site.read("public/index.html"), "previous site");
}

#[test]
fn an_image_over_the_size_budget_is_a_warning_at_its_reference() {
    let site = TestSite::fixture("images-over-budget");
    assert_builds(&site);
    let output = site.run(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    for expected in [
        "content/nurse/index.md:5:15: warning: image.src: expected an image of at most 4 KB, found `content/nurse/desk.png` of 7 KB",
        "content/nurse/index.md:7:1: warning: expected an image of at most 4 KB",
        "raise `images.max_kb`",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in\n{err}");
    }
}

#[test]
fn a_bundle_and_a_file_with_the_same_url_are_errors() {
    let site = TestSite::fixture("images-site");
    site.write(
        "content/registered-nurse.md",
        "---\ntitle: Nurse\nsummary: Cares for patients.\nduties: [Cares]\n---\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("content/registered-nurse.md:2:6: error: slug: expected a unique slug, found \"registered-nurse\", already used by `content/registered-nurse/index.md`"),
        "{err}"
    );

    // Articles too: `advice/salary.md` and `advice/salary/index.md`.
    let site = TestSite::fixture("images-site");
    site.write(
        "content/advice/_index.md",
        "---\nkind: article\ntitle: Advice\n---\n",
    );
    let article = "---\ntitle: Salary\ndate: 2026-01-01\nauthor: A. Writer\nsummary: Ask for a number.\n---\nText.\n";
    site.write("content/advice/salary.md", article);
    site.write("content/advice/salary/index.md", article);
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("expected a URL of its own, found `/advice/salary/`, which `content/advice/salary/index.md` has too"),
        "{err}"
    );
}

#[test]
fn an_article_bundle_publishes_its_files_beside_its_page() {
    let site = TestSite::fixture("images-site");
    site.write(
        "content/advice/_index.md",
        "---\nkind: article\ntitle: Advice\n---\n",
    );
    site.write(
        "content/advice/salary/index.md",
        "---\ntitle: Salary\ndate: 2026-01-01\nauthor: A. Writer\nsummary: Ask for a number.\nimage: { src: office.svg, alt: A laptop on a desk. }\n---\nSee the [checklist](checklist.pdf).\n",
    );
    std::fs::copy(
        site.path("content/registered-nurse/office.svg"),
        site.path("content/advice/salary/office.svg"),
    )
    .expect("copy");
    site.write("content/advice/salary/checklist.pdf", "%PDF-1.4");
    assert_builds(&site);
    assert!(site.path("public/advice/salary/office.svg").is_file());
    assert_eq!(site.read("public/advice/salary/checklist.pdf"), "%PDF-1.4");
    let page = site.read("public/advice/salary/index.html");
    assert!(
        page.contains(r#"<img class="hero__image" src="../../advice/salary/office.svg" alt="A laptop on a desk." width="1200" height="600""#),
        "{page}"
    );
}

fn published(outcome: Outcome) -> Vec<String> {
    match outcome {
        Outcome::Built(built) => {
            let mut paths: Vec<String> = built.updates.into_iter().map(|(p, _)| p).collect();
            paths.sort();
            paths
        }
        Outcome::Failed(diagnostics) => panic!("the rebuild failed: {diagnostics:?}"),
    }
}

#[test]
fn serve_rebuilds_a_bundle_file_edit_like_a_cold_build() {
    let site = TestSite::fixture("images-site");
    let mut workspace = Workspace::new(options(site.root()));
    published(workspace.rebuild(&Changes::default()));
    assert_cold_build(&workspace, site.root());

    // The hero image replaced by a smaller one: its page (the hero's size
    // and srcset), its copies and the file itself change.
    std::fs::copy(
        site.path("content/registered-nurse/desk.png"),
        site.path("content/registered-nurse/hospital.png"),
    )
    .expect("replace the image");
    let mut changes = Changes::default();
    changes.add(
        site.root(),
        None,
        &site.path("content/registered-nurse/hospital.png"),
    );
    let updated = published(workspace.rebuild(&changes));
    for path in [
        "registered-nurse/hospital-300w.webp",
        "registered-nurse/hospital.png",
        "registered-nurse/index.html",
    ] {
        assert!(updated.iter().any(|p| p == path), "{path} in {updated:?}");
    }
    assert!(
        !updated.iter().any(|p| p.starts_with("account-manager/")),
        "{updated:?}"
    );
    let page = String::from_utf8(workspace.served()["registered-nurse/index.html"].to_vec())
        .expect("UTF-8");
    assert!(
        page.contains(r#"width="300" height="150" decoding="async""#),
        "{page}"
    );
    assert!(
        updated
            .iter()
            .any(|p| p == "registered-nurse/hospital-480w.webp")
    );
    assert_cold_build(&workspace, site.root());

    // A file of the bundle that no page shows: published as it is.
    site.write("content/registered-nurse/rota.pdf", "%PDF-1.4 new rota");
    let mut changes = Changes::default();
    changes.add(
        site.root(),
        None,
        &site.path("content/registered-nurse/rota.pdf"),
    );
    let updated = published(workspace.rebuild(&changes));
    assert!(
        updated.iter().any(|p| p == "registered-nurse/rota.pdf"),
        "{updated:?}"
    );
    assert_eq!(
        workspace.served()["registered-nurse/rota.pdf"].as_ref(),
        b"%PDF-1.4 new rota"
    );
    assert_cold_build(&workspace, site.root());
}
