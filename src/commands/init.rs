//! `careergen init [DIR]`: lays out a working site on the built-in theme;
//! `--eject-theme` copies the theme into the site (into an existing one too).

use anyhow::Result;
use careergen::scaffold;

use super::{Outcome, plural, quiet, verbose};
use crate::cli::InitArgs;

pub fn run(args: InitArgs) -> Result<Outcome> {
    let today = careergen::clock::today()?;
    let options = scaffold::InitOptions {
        force: args.force,
        eject_theme: args.eject_theme,
    };
    let ejecting_only = args.eject_theme && args.dir.join(careergen::config::CONFIG_FILE).is_file();
    let written = scaffold::init(&args.dir, options, today)?;
    if verbose() {
        for file in &written.files {
            println!("{}", args.dir.join(file).display());
        }
    }
    if !quiet() && ejecting_only {
        let files = written.files.len();
        println!(
            "copied the built-in theme into `{}`: {files} file{}; the site now uses it",
            args.dir
                .join("themes")
                .join(careergen::render::theme::DEFAULT)
                .display(),
            plural(files)
        );
    } else if !quiet() {
        let files = written.files.len();
        println!(
            "created a site in `{}`: {files} file{}",
            args.dir.display(),
            plural(files)
        );
        let root = if args.dir == std::path::Path::new(".") {
            String::new()
        } else {
            format!(" --root {}", shell_word(&args.dir.display().to_string()))
        };
        println!(
            "preview it with `careergen serve{root}`, add guides with `careergen new{root} \"Job title\"`"
        );
    }
    Ok(Outcome::Success)
}

/// `text` quoted for a POSIX shell when it needs it.
fn shell_word(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
