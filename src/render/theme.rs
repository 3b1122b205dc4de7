//! The default theme, embedded in the binary at compile time (see `build.rs`),
//! so that an installed `careergen` can scaffold and build a site with no
//! repository checkout.

use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// The name of the theme that is built in.
pub const DEFAULT: &str = "default";

/// Every file of the built-in theme: its path inside the theme folder
/// (`templates/guide.html`, `static/style.css`) and its bytes.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    embedded::FILES
}

/// The built-in files under `folder/` (`templates`, `static`), by their path
/// inside that folder.
pub fn files_in(folder: &str) -> impl Iterator<Item = (&'static str, &'static [u8])> {
    let prefix = format!("{folder}/");
    files()
        .iter()
        .filter_map(move |(name, bytes)| Some((name.strip_prefix(prefix.as_str())?, *bytes)))
}

/// Whether a site uses the built-in theme: it asks for `default` and has no
/// `themes/default` folder of its own.
pub fn use_builtin(root: &Path, theme: &str) -> bool {
    theme == DEFAULT && !root.join("themes").join(theme).exists()
}

/// The built-in theme's static files (output path, bytes) when the site at
/// `root` uses the built-in theme, and nothing otherwise.
pub fn builtin_static(
    root: &Path,
    theme: &str,
) -> impl Iterator<Item = (&'static str, &'static [u8])> {
    let builtin = use_builtin(root, theme);
    files_in("static").filter(move |_| builtin)
}

/// How files of the built-in theme are named in diagnostics.
pub fn display_path(folder: &str, name: &str) -> String {
    format!("(built-in theme) themes/{DEFAULT}/{folder}/{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_theme_has_the_required_templates() {
        let templates: Vec<&str> = files_in("templates").map(|(name, _)| name).collect();
        for name in crate::render::templates::REQUIRED {
            assert!(
                templates.contains(name),
                "{name} missing from {templates:?}"
            );
        }
    }

    #[test]
    fn builtin_templates_are_utf8() {
        for (name, bytes) in files_in("templates") {
            assert!(std::str::from_utf8(bytes).is_ok(), "{name}");
        }
    }

    #[test]
    fn builtin_is_used_only_for_default_without_a_folder() {
        let temp = tempfile::tempdir().expect("temp dir");
        assert!(use_builtin(temp.path(), "default"));
        assert!(!use_builtin(temp.path(), "other"));
        std::fs::create_dir_all(temp.path().join("themes/default")).expect("mkdir");
        assert!(!use_builtin(temp.path(), "default"));
    }
}
