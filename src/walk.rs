//! Walking the folders a site reads (`content/`, `templates/`, `static/`,
//! a theme's folders): one rule for the names that are skipped and for what
//! a link that leads nowhere means, so that an editor's lock file or backup
//! never breaks a build.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{self, Diagnostic};

/// Whether a file or folder called `name` is one that editors, file
/// managers and operating systems leave beside the files people write:
/// Emacs lock files (`.#guide.md`) and auto-saves (`#guide.md#`), backups
/// (`guide.md~`), Vim swap files (`.guide.md.swp`) and its write probe
/// (`4913`), JetBrains' safe-write copies, and macOS and Windows folder
/// metadata (`.DS_Store`, `._guide.md`, `Thumbs.db`, `desktop.ini`).
pub fn is_editor_file(name: &str) -> bool {
    name.ends_with('~')
        || name.starts_with(".#")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || name == ".DS_Store"
        || name.starts_with("._")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || [".swp", ".swo", ".swx", ".swpx", ".kate-swp"]
            .iter()
            .any(|ext| name.starts_with('.') && name.ends_with(ext))
}

/// Which names a walk leaves out besides editors' files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Hidden files and folders (`.drafts/`) are skipped: guides, templates.
    Skip,
    /// Hidden files are kept: static files such as `.well-known/` or
    /// `.htaccess` are published as they are.
    Keep,
}

/// Whether a walk follows links to files and folders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Links are read as the files and folders they lead to: guides.
    Follow,
    /// Links are left out, each with a warning: static files and
    /// templates, so that nothing from outside the site (`static/etc ->
    /// /etc`) is ever published or read as a template.
    Skip,
}

/// Whether a walk with `hidden` leaves out a file or folder called `name`.
pub fn is_skipped(name: &str, hidden: Hidden) -> bool {
    is_editor_file(name) || (hidden == Hidden::Skip && name.starts_with('.'))
}

/// The files found below a folder, and what was wrong on the way.
#[derive(Debug, Default)]
pub struct Walked {
    /// Each file as its `/`-separated path below the folder and its full
    /// path, sorted by name.
    pub files: Vec<(String, PathBuf)>,
    /// A warning for each link that leads nowhere, an error for each file
    /// or folder that cannot be read. Skipped names never give one.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists the files below `dir`, skipping editors' files and, with
/// [`Hidden::Skip`], hidden ones; `links` says what links are. A missing
/// `dir` has no files. Diagnostics name paths relative to `root`.
pub fn files(root: &Path, dir: &Path, hidden: Hidden, links: Links) -> Walked {
    let mut walked = Walked::default();
    if !dir.is_dir() {
        return walked;
    }
    let skipped = |path: &Path| {
        path.file_name()
            .is_some_and(|name| is_skipped(&name.to_string_lossy(), hidden))
    };
    let mut entries = WalkDir::new(dir)
        .follow_links(links == Links::Follow)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = entries.next() {
        match entry {
            Ok(entry) if entry.depth() > 0 && skipped(entry.path()) => {
                if entry.file_type().is_dir() {
                    entries.skip_current_dir();
                }
            }
            Ok(entry)
                if entry.depth() > 0
                    && entry.path_is_symlink()
                    && !entry.file_type().is_dir()
                    && !entry.file_type().is_file() =>
            {
                walked.diagnostics.push(skipped_link(root, entry.path()));
            }
            Ok(entry) => {
                if entry.file_type().is_file() {
                    walked
                        .files
                        .push((relative_name(dir, entry.path()), entry.into_path()));
                }
            }
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                if skipped(&path) {
                    continue;
                }
                walked.diagnostics.push(walk_diagnostic(root, &path, &err));
            }
        }
    }
    walked
}

/// A link a walk does not follow: a warning, whether it leads anywhere or not.
fn skipped_link(root: &Path, path: &Path) -> Diagnostic {
    let shown = diagnostics::display_path(root, path);
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    if path.metadata().is_err() {
        return dangling_warning(shown, &target);
    }
    Diagnostic::warning(
        shown,
        format!("a link to `{target}`: left out, as links are here so that nothing outside the site is published"),
    )
    .with_help("copy the file into the site instead of linking to it")
}

/// The warning for a link to `target`, which does not exist.
fn dangling_warning(shown: PathBuf, target: &str) -> Diagnostic {
    Diagnostic::warning(
        shown,
        format!("a link to `{target}`, which does not exist: left out"),
    )
    .with_help("remove the link, or make it point at a file that exists")
    .with_kind(crate::diagnostics::kinds::DANGLING_LINK)
}

/// A link that leads nowhere is a warning (the file is left out, as a
/// missing file would be); anything else that cannot be read is an error.
fn walk_diagnostic(root: &Path, path: &Path, err: &walkdir::Error) -> Diagnostic {
    let shown = diagnostics::display_path(root, path);
    let dangling = err
        .io_error()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
        && path.symlink_metadata().is_ok_and(|m| m.is_symlink());
    if dangling {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return dangling_warning(shown, &target);
    }
    if let Some(ancestor) = err.loop_ancestor() {
        return Diagnostic::error(
            shown,
            format!(
                "a link back to `{}`, which holds it: expected a file or a folder, found a loop",
                diagnostics::display_path(root, ancestor).display()
            ),
        );
    }
    let reason = err
        .io_error()
        .map_or_else(|| err.to_string(), ToString::to_string);
    Diagnostic::error(shown, format!("cannot read: {reason}"))
}

/// `dir/a/b.css` → `a/b.css`.
pub fn relative_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_files_are_recognised() {
        for name in [
            ".#account-manager.md",
            "#account-manager.md#",
            "account-manager.md~",
            ".account-manager.md.swp",
            ".account-manager.md.swo",
            "4913",
            ".DS_Store",
            "._account-manager.md",
            "Thumbs.db",
            "desktop.ini",
            "guide.html___jb_tmp___",
            ".guide.html.kate-swp",
        ] {
            assert!(is_editor_file(name), "{name}");
        }
        for name in ["account-manager.md", "#", "style.css", ".htaccess", "a.swp"] {
            assert!(!is_editor_file(name), "{name}");
        }
        assert!(is_skipped(".htaccess", Hidden::Skip));
        assert!(!is_skipped(".htaccess", Hidden::Keep));
        assert!(is_skipped(".#x", Hidden::Keep));
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_a_warning_and_a_hidden_one_is_silent() {
        let temp = tempfile::tempdir().expect("temp dir");
        let dir = temp.path().join("content");
        std::fs::create_dir_all(dir.join(".drafts")).expect("mkdir");
        std::fs::write(dir.join("a.md"), "a").expect("write");
        std::fs::write(dir.join(".drafts/b.md"), "b").expect("write");
        std::os::unix::fs::symlink("user@host.1234:1700000000", dir.join(".#a.md"))
            .expect("lock link");
        std::os::unix::fs::symlink("gone.md", dir.join("c.md")).expect("dangling link");

        let walked = files(temp.path(), &dir, Hidden::Skip, Links::Follow);
        let names: Vec<&str> = walked.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.md"]);
        let [warning] = walked.diagnostics.as_slice() else {
            panic!("{:?}", walked.diagnostics);
        };
        assert!(!warning.is_error());
        assert_eq!(warning.path, Path::new("content/c.md"));
        assert!(warning.message.contains("`gone.md`"), "{warning:?}");

        let walked = files(temp.path(), &dir, Hidden::Keep, Links::Follow);
        let names: Vec<&str> = walked.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [".drafts/b.md", "a.md"]);

        // Not followed, a link is left out with a warning whether it leads
        // somewhere or not; an editor's link stays silent.
        std::os::unix::fs::symlink("/etc", dir.join("etc")).expect("link to a folder");
        std::os::unix::fs::symlink("a.md", dir.join("b.md")).expect("link to a file");
        let walked = files(temp.path(), &dir, Hidden::Skip, Links::Skip);
        let names: Vec<&str> = walked.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a.md"]);
        let warned: Vec<String> = walked
            .diagnostics
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| d.path.display().to_string())
            .collect();
        assert_eq!(warned, ["content/b.md", "content/c.md", "content/etc"]);
    }
}
