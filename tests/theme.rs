//! Themes: a site template that extends the theme's own version and
//! overrides one block, the built-in theme for a site with no `themes/`,
//! and `init` writing the theme only when asked.

mod common;

use std::fs;

use common::{TestSite, careergen, stderr};

#[test]
fn a_block_override_keeps_the_rest_of_the_theme_and_its_updates() {
    let site = TestSite::fixture("theme-block-override");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/account-manager/index.html");
    // The overridden blocks are the site's …
    assert!(page.contains("Published by the careers office of Example College."));
    assert!(
        !page.contains("Feed of recently reviewed guides"),
        "theme footer gone"
    );
    assert!(page.contains("<h2 id=\"pay__title\">What it pays</h2>"));
    assert!(page.contains("class=\"own-pay\">Median: $"), "{page}");
    // … and every other block is the theme's.
    assert!(page.contains("<header class=\"site-header\">"));
    assert!(page.contains("<h2 id=\"what-they-do__title\""));
    assert!(page.contains("<nav class=\"toc\""));
    // Pages the site does not override are the theme's, footer included.
    let home = site.read("public/index.html");
    assert!(home.contains("Feed of recently reviewed guides"));

    // The theme changes (an update): the site's page follows it, and keeps
    // its own footer.
    let theme_guide = site.path("themes/default/templates/guide.html");
    let text = fs::read_to_string(&theme_guide).expect("read");
    let updated = text.replace("<p class=\"lead\">", "<p class=\"lead lead--updated\">");
    assert_ne!(text, updated, "the theme's guide.html has a lead paragraph");
    fs::write(&theme_guide, updated).expect("write");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/account-manager/index.html");
    assert!(page.contains("<p class=\"lead lead--updated\">"));
    assert!(page.contains("Published by the careers office of Example College."));
}

#[test]
fn a_block_override_works_on_the_built_in_theme() {
    let site = TestSite::fixture("theme-block-override");
    fs::remove_dir_all(site.path("themes")).expect("remove themes/");
    let out = site.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/account-manager/index.html");
    assert!(page.contains("Published by the careers office of Example College."));
    assert!(page.contains("<nav class=\"toc\""));
}

#[test]
fn extending_a_theme_template_that_does_not_exist_names_the_file() {
    let site = TestSite::fixture("theme-block-override");
    site.write(
        "templates/guide.html",
        "{% extends \"theme/guides.html\" %}{% block footer %}x{% endblock footer %}",
    );
    let out = site.build();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("templates/guide.html"), "{err}");
    assert!(err.contains("theme/guides.html"), "{err}");
    assert!(!site.path("public").exists(), "nothing written");
}

#[test]
fn init_writes_no_theme_and_the_site_builds_on_the_built_in_one() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("site");
    let out = careergen().arg("init").arg(&dir).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.join("themes").exists(), "no theme copied");
    assert!(dir.join("config.yaml").is_file());
    let out = careergen()
        .args(["build", "--root"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.join("public/style.css").is_file());
}

#[test]
fn init_eject_theme_writes_the_theme_and_the_ejected_theme_is_used() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("site");
    let out = careergen()
        .args(["init", "--eject-theme"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let base = dir.join("themes/default/templates/base.html");
    assert!(base.is_file());
    assert!(dir.join("themes/default/static/style.css").is_file());
    let text = fs::read_to_string(&base).expect("read");
    fs::write(
        &base,
        text.replace(
            "<a class=\"skip-link\"",
            "<p class=\"ejected\">mine</p><a class=\"skip-link\"",
        ),
    )
    .expect("write");
    let out = careergen()
        .args(["build", "--root"])
        .arg(&dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let home = fs::read_to_string(dir.join("public/index.html")).expect("read");
    assert!(home.contains("<p class=\"ejected\">mine</p>"));
}

#[test]
fn init_eject_theme_on_an_existing_site_writes_only_the_theme() {
    let site = TestSite::fixture("theme-block-override");
    fs::remove_dir_all(site.path("themes")).expect("remove themes/");
    let config = site.read("config.yaml");
    let guide = site.read("content/account-manager.md");
    let out = careergen()
        .args(["init", "--eject-theme"])
        .arg(site.root())
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path("themes/default/templates/guide.html").is_file());
    assert_eq!(site.read("config.yaml"), config, "the config is left alone");
    assert_eq!(site.read("content/account-manager.md"), guide);
    assert!(!site.path("content/account-manager.md.orig").exists());
    // A second time the theme is there: refused without --force.
    let out = careergen()
        .args(["init", "--eject-theme"])
        .arg(site.root())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(stderr(&out).contains("themes/default"), "{}", stderr(&out));
}
