//! Embeds the default theme: lists every file under `themes/default` and
//! writes `default_theme.rs` into `OUT_DIR` as a table of `include_bytes!`,
//! so whatever the folder holds at build time ships in the binary
//! (`careergen init`, and sites without a `themes/default` folder).
//!
//! Also sets `CAREERGEN_VERSION` for `careergen --version`: the package
//! version, followed by the commit it was built from when that is known.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let theme = manifest.join("themes").join("default");
    // Cargo scans a folder given here recursively, so adding, removing or
    // editing any theme file re-runs this script.
    println!("cargo:rerun-if-changed={}", theme.display());
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=CAREERGEN_VERSION={}", version(&manifest));

    let mut files = Vec::new();
    if theme.is_dir() {
        collect(&theme, &theme, &mut files)?;
    }
    files.sort();
    let mut out = String::from(
        "/// Every file of `themes/default` at build time: path relative to the theme, bytes.\n\
         pub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in &files {
        let _ = writeln!(out, "    ({name:?}, include_bytes!({path:?})),");
    }
    out.push_str("];\n");
    let target = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("default_theme.rs");
    fs::write(target, out)
}

/// Adds the files under `dir` as (`templates/guide.html`, absolute path),
/// skipping hidden files and editor backups as the template loader does.
fn collect(theme: &Path, dir: &Path, files: &mut Vec<(String, String)>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            println!(
                "cargo:warning=skipping a theme file whose name is not UTF-8: {}",
                entry.path().display()
            );
            continue;
        };
        // Hidden files and editors' leftovers (`src/walk.rs` lists them).
        let editors = name.ends_with('~')
            || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
            || name == "4913"
            || name.eq_ignore_ascii_case("Thumbs.db")
            || name.eq_ignore_ascii_case("desktop.ini")
            || name.ends_with("___jb_tmp___")
            || name.ends_with("___jb_old___");
        if name.starts_with('.') || editors {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect(theme, &path, files)?;
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            let relative = path
                .strip_prefix(theme)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let Some(absolute) = path.to_str() else {
                continue;
            };
            files.push((relative, absolute.to_string()));
        }
    }
    Ok(())
}

/// `0.1.0 (1a2b3c4d5 2026-11-29)`, or `0.1.0` when the commit is unknown.
///
/// The commit comes from `CAREERGEN_COMMIT` (container and release builds
/// without a checkout may set it), else from git when the crate is built in
/// its own checkout, else from `.cargo_vcs_info.json` in a packaged crate.
/// Debug builds ask git nothing: watching `HEAD` would rebuild the crate
/// after every commit while developing.
fn version(manifest: &Path) -> String {
    let package = env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rerun-if-env-changed=CAREERGEN_COMMIT");
    let commit = env::var("CAREERGEN_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .map(|c| c.trim().to_string())
        .or_else(|| {
            if env::var("PROFILE").as_deref() == Ok("debug") {
                None
            } else {
                git_commit(manifest)
            }
        })
        .or_else(|| packaged_commit(manifest));
    match commit {
        Some(commit) => format!("{package} ({commit})"),
        None => package,
    }
}

/// The short hash and date of `HEAD`, when `manifest` is the top of a git
/// checkout (not a crate unpacked inside some other repository).
fn git_commit(manifest: &Path) -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(manifest)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    if fs::canonicalize(&top).ok()? != fs::canonicalize(manifest).ok()? {
        return None;
    }
    // Re-run when HEAD moves: the HEAD file, the branch it points to, and
    // packed refs (only paths that exist, or Cargo re-runs every time).
    let mut watched = vec![git(&["rev-parse", "--git-path", "HEAD"])?];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.extend(git(&["rev-parse", "--git-path", &branch]));
    }
    watched.extend(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watched {
        let path = manifest.join(path);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
    git(&["log", "-1", "--abbrev=9", "--format=%h %cs"]).filter(|s| !s.is_empty())
}

/// The commit `cargo package` recorded in `.cargo_vcs_info.json`.
fn packaged_commit(manifest: &Path) -> Option<String> {
    let info = fs::read_to_string(manifest.join(".cargo_vcs_info.json")).ok()?;
    let start = info.find("\"sha1\"")?;
    let hash: String = info[start + 6..]
        .chars()
        .skip_while(|c| !c.is_ascii_hexdigit())
        .take_while(char::is_ascii_hexdigit)
        .take(9)
        .collect();
    (hash.len() == 9).then_some(hash)
}
