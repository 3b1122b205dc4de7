//! Fuzzes one guide file through a whole build of a small site: the guide
//! beside the `init` example guide, on the built-in theme, rendered into
//! memory. This reaches what the `front_matter` target does not: every
//! template, structured data, charts, listings and static files.

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use careergen::output::MemorySink;
use careergen::scaffold;
use careergen::site::{self, BuildOptions};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default()
}

/// A site folder made once per process: config and one guide, no theme
/// folder (so the built-in theme is used).
static SITE: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("careergen-fuzz-{}", std::process::id()));
    let content = dir.join("content");
    std::fs::create_dir_all(&content)
        .unwrap_or_else(|e| panic!("cannot create the fuzz site: {e}"));
    let write = |path: PathBuf, text: &str| {
        std::fs::write(&path, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()))
    };
    write(dir.join("config.yaml"), scaffold::CONFIG_TEMPLATE);
    write(
        content.join("account-manager.md"),
        &scaffold::example_guide(today()),
    );
    dir
});

fuzz_target!(|data: &[u8]| {
    let root = &*SITE;
    if std::fs::write(root.join("content").join("fuzz.md"), data).is_err() {
        return;
    }
    let mut options = BuildOptions::new(root);
    options.today = today();
    options.drafts = true;
    let report = site::build(&options, &MemorySink::default());
    for diagnostic in &report.diagnostics {
        let _ = diagnostic.render(false);
    }
});
