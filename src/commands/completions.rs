//! `careergen completions SHELL` and `careergen man`: shell completions and
//! man pages generated from the clap definitions, so they never drift from
//! the real options.

use std::fs;
use std::io::{self, Write};

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs, ManArgs};

/// Writes the completion script for `args.shell` to standard output.
pub fn completions(args: CompletionsArgs) -> Result<Outcome> {
    let mut command = Cli::command();
    // Rendered into memory first: clap_complete panics when its writer
    // fails, as stdout does when the reader has gone (`… | head`).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "careergen", &mut script);
    print(&script).context("cannot write the completions to standard output")?;
    Ok(Outcome::Success)
}

/// Prints `careergen.1`, or with `--dir` writes it and one page per command
/// (`careergen-build.1` …) into that folder.
pub fn man(args: ManArgs) -> Result<Outcome> {
    let command = Cli::command();
    match args.dir {
        Some(dir) => {
            fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create `{}`", dir.display()))?;
            clap_mangen::generate_to(command, &dir)
                .with_context(|| format!("cannot write man pages into `{}`", dir.display()))?;
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .context("cannot render the man page")?;
            print(&page).context("cannot write the man page to standard output")?;
        }
    }
    Ok(Outcome::Success)
}

/// Writes `bytes` to standard output; a reader that stopped reading early
/// (`careergen man | head`) is not an error.
fn print(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
