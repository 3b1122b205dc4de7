//! The example site's output, pinned: any change to what a build writes
//! (a speed-up must change nothing) shows as a snapshot diff. Review one
//! with `cargo insta review` (or set `INSTA_UPDATE=always` and read the diff).

mod common;

use common::TestSite;

/// FNV-1a: a hash that is the same on every platform and toolchain.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn built_example() -> TestSite {
    let site = TestSite::example();
    let output = site.build();
    assert!(output.status.success(), "{}", common::stderr(&output));
    site
}

#[test]
fn every_output_file_is_pinned() {
    let site = built_example();
    let manifest: String = site
        .tree("public")
        .iter()
        .map(|(path, bytes)| format!("{path} {} {:016x}\n", bytes.len(), fnv1a(bytes)))
        .collect();
    insta::assert_snapshot!("manifest", manifest);
}

#[test]
fn key_pages_are_pinned_in_full() {
    let site = built_example();
    for (name, page) in [
        ("guide_account_manager", "public/account-manager/index.html"),
        (
            "guide_account_manager_es",
            "public/es/gerente-de-cuentas/index.html",
        ),
        ("home", "public/index.html"),
        ("sitemap", "public/sitemap.xml"),
    ] {
        insta::assert_snapshot!(name, site.read(page));
    }
}
