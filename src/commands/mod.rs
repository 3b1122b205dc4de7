//! One module per command, each a thin `run()` over the library.

pub mod build;

use std::io::{IsTerminal, Write};
use std::path::Path;

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

/// Prints every diagnostic with its code frame, then a count.
pub fn print_diagnostics(root: &Path, diagnostics: &mut [Diagnostic], color: bool) {
    diagnostics::attach_source_lines(root, diagnostics);
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for diagnostic in diagnostics.iter() {
        let _ = writeln!(out, "{}", diagnostic.render(color));
    }
    let (errors, warnings) = diagnostics::count(diagnostics);
    if errors > 0 {
        let _ = writeln!(
            out,
            "{errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
