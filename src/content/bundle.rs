//! Page bundles: a guide or an article written as a folder,
//! `content/registered-nurse/index.md`, with the files its page shows
//! beside it (`photo.jpg`, `chart.svg`, a PDF). The page keeps the URL a
//! plain file of the folder's name would have, and the other files are
//! published beside it, so that a relative link in its Markdown
//! (`![…](photo.jpg)`) or front matter leads to them.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::walk::{self, Hidden, Links};

/// The name of a bundle's page file.
pub const INDEX_FILE: &str = "index.md";

/// Whether the file at `content_path` (relative to `content/`,
/// `/`-separated) is a bundle's page file: an `index.md` in a folder below
/// `content/`. `content/index.md` itself is a plain file.
pub fn is_index(content_path: &str) -> bool {
    content_path
        .strip_suffix(INDEX_FILE)
        .is_some_and(|dir| dir.len() > 1 && dir.ends_with('/'))
}

/// The name a file at `content_path` gives its page when no `slug:` is
/// written: the folder's name for a bundle (`registered-nurse` of
/// `registered-nurse/index.md`), the file's name without `.md` and
/// without a language tag otherwise.
pub fn default_slug(content_path: &str) -> Option<String> {
    let path = Path::new(content_path);
    if !is_index(content_path) {
        // `account-manager.es.md` translates `account-manager.md`.
        return super::translations::file_slug(path);
    }
    Some(path.parent()?.file_name()?.to_string_lossy().into_owned())
}

/// The files a bundle publishes beside its page, each as its
/// `/`-separated path below the bundle's folder and its full path, sorted;
/// none for a plain file. `file` is the page file, relative to `root` or
/// absolute. Markdown files stay unpublished; hidden and editors' files
/// are skipped and links left out, as for static files.
pub fn files(root: &Path, file: &Path) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
    let full = if file.is_absolute() {
        file.to_path_buf()
    } else {
        root.join(file)
    };
    let content_path = walk::relative_name(&root.join(super::load::CONTENT_DIR), &full);
    let Some(dir) = full.parent().filter(|_| is_index(&content_path)) else {
        return (Vec::new(), Vec::new());
    };
    let walked = walk::files(root, dir, Hidden::Skip, Links::Skip);
    let files = walked
        .files
        .into_iter()
        .filter(|(name, _)| !name.ends_with(".md"))
        .collect();
    (files, walked.diagnostics)
}

/// The folder of the bundle whose page file is `file` (relative to the
/// site root), relative to the site root; `None` for a plain file.
pub fn dir_of(file: &Path) -> Option<&Path> {
    let content_path = file
        .strip_prefix(super::load::CONTENT_DIR)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    is_index(&content_path).then(|| file.parent()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_file_in_a_folder_is_a_bundle_named_after_the_folder() {
        assert!(is_index("registered-nurse/index.md"));
        assert!(is_index("advice/salary/index.md"));
        assert!(!is_index("index.md"));
        assert!(!is_index("registered-nurse.md"));
        assert!(!is_index("registered-nurse/not-index.md"));
        assert_eq!(
            default_slug("registered-nurse/index.md").as_deref(),
            Some("registered-nurse")
        );
        assert_eq!(
            default_slug("advice/salary/index.md").as_deref(),
            Some("salary")
        );
        assert_eq!(default_slug("nurse.md").as_deref(), Some("nurse"));
        assert_eq!(default_slug("index.md").as_deref(), Some("index"));
        assert_eq!(
            dir_of(Path::new("content/registered-nurse/index.md")),
            Some(Path::new("content/registered-nurse"))
        );
        assert_eq!(dir_of(Path::new("content/nurse.md")), None);
    }

    #[test]
    fn a_bundle_publishes_every_file_but_markdown() {
        let site = tempfile::tempdir().expect("temp dir");
        let dir = site.path().join("content/nurse");
        std::fs::create_dir_all(dir.join("charts")).expect("mkdir");
        for name in [
            "index.md",
            "notes.md",
            "photo.png",
            "charts/a.svg",
            ".hidden",
        ] {
            std::fs::write(dir.join(name), "x").expect("write");
        }
        let (files, diagnostics) = files(site.path(), Path::new("content/nurse/index.md"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["charts/a.svg", "photo.png"]);
        let (plain, _) = files_of_plain(site.path());
        assert!(plain.is_empty());
    }

    fn files_of_plain(root: &Path) -> (Vec<(String, PathBuf)>, Vec<Diagnostic>) {
        std::fs::write(root.join("content/plain.md"), "x").expect("write");
        files(root, Path::new("content/plain.md"))
    }
}
