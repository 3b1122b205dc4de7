//! Embeds the default theme: lists every file under `themes/default` and
//! writes `default_theme.rs` into `OUT_DIR` as a table of `include_bytes!`,
//! so whatever the folder holds at build time ships in the binary
//! (`careergen init`, and sites without a `themes/default` folder).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let theme = manifest.join("themes").join("default");
    // Cargo scans a folder given here recursively, so adding, removing or
    // editing any theme file re-runs this script.
    println!("cargo:rerun-if-changed={}", theme.display());
    println!("cargo:rerun-if-changed=build.rs");

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
