//! One module per command, each a thin `run()` over the library.

pub mod build;
pub mod check;
pub mod completions;
pub mod data;
pub mod init;
pub mod new;
mod progress;
pub mod serve;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU8, Ordering};

use careergen::diagnostics::{self, Diagnostic};

use crate::cli::ColorChoice;

/// How a command ended, mapped to the process exit code by `main`.
pub enum Outcome {
    Success,
    /// Content, config or template errors were reported.
    Failed,
}

/// Whether to colour output written to stderr.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// How much to print, from `-q` and `-v`: one setting for the whole
/// process, read wherever output is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet = 0,
    Normal = 1,
    /// Also timings and file lists.
    Verbose = 2,
}

static VERBOSITY: AtomicU8 = AtomicU8::new(Verbosity::Normal as u8);

/// Sets the verbosity once, from the command line.
pub fn set_verbosity(quiet: bool, verbose: bool) {
    let level = if quiet {
        Verbosity::Quiet
    } else if verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    VERBOSITY.store(level as u8, Ordering::Relaxed);
}

/// `-q`: print errors only.
pub fn quiet() -> bool {
    VERBOSITY.load(Ordering::Relaxed) == Verbosity::Quiet as u8
}

/// `-v`: print timings too.
pub fn verbose() -> bool {
    VERBOSITY.load(Ordering::Relaxed) == Verbosity::Verbose as u8
}

/// For `build` and `serve`: prints every error with its code frame, the
/// warnings summed up in one line per kind ("1,016 guides are not linked
/// from another guide"; none when quiet), then a count when there are
/// errors. On a large site warnings listed one by one would bury the
/// errors; `careergen check` lists them all.
pub fn print_diagnostics(root: &Path, diagnostics: &mut [Diagnostic], color: bool) {
    let (errors, warnings) = diagnostics::count(diagnostics);
    let mut errors_only: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    print_diagnostics_with(root, &mut errors_only, color, false);
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    if !quiet() {
        for line in diagnostics::summarize(diagnostics) {
            let _ = writeln!(out, "warning: {line}");
        }
    }
    if errors > 0 {
        let _ = writeln!(
            out,
            "{errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
    }
}

/// Prints every error, and every warning if `warnings`, with code frames.
pub fn print_diagnostics_with(
    root: &Path,
    diagnostics: &mut [Diagnostic],
    color: bool,
    warnings: bool,
) {
    diagnostics::attach_source_lines(root, diagnostics);
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for diagnostic in diagnostics.iter() {
        if warnings || diagnostic.is_error() {
            let _ = writeln!(out, "{}", diagnostic.render(color));
        }
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
