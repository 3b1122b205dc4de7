//! `careergen check`: the whole build, every template render included, into
//! a sink that keeps nothing; then every problem, for people or as JSON.

use std::io::Write;

use anyhow::Result;
use careergen::diagnostics::{self, Diagnostic};
use careergen::output::NullSink;
use careergen::site::{self, BuildOptions};
use serde::Serialize;

use super::progress::Progress;
use super::{Outcome, plural, print_diagnostics_with, quiet, verbose};
use crate::cli::{CheckArgs, CheckFormat};

pub fn run(args: CheckArgs, color: bool) -> Result<Outcome> {
    let root = args.site.root;
    let mut options = BuildOptions::new(&root);
    options.today = careergen::clock::today()?;
    options.drafts = args.site.drafts;

    let progress = Progress::start("checking");
    let mut report = site::build(&options, &progress.sink(&NullSink));
    progress.finish();

    let (errors, warnings) = diagnostics::count(&report.diagnostics);
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    match args.format {
        CheckFormat::Json => print_json(&report.diagnostics)?,
        CheckFormat::Human => {
            // Quiet hides warnings, unless they are what fails the check.
            let show_warnings = !quiet() || args.deny_warnings;
            print_diagnostics_with(&root, &mut report.diagnostics, color, show_warnings);
        }
    }
    let counts = format!(
        "{errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    );
    if failed {
        eprintln!("check failed: {counts}");
        return Ok(Outcome::Failed);
    }
    if !quiet() {
        let found = if warnings == 0 {
            "no problems found".to_string()
        } else {
            format!("{warnings} warning{}", plural(warnings))
        };
        let line = format!(
            "checked {} guide{} and {} page{}: {found}",
            report.guides,
            plural(report.guides),
            report.pages,
            plural(report.pages),
        );
        // With JSON on stdout, people's lines go to stderr.
        match args.format {
            CheckFormat::Human => println!("{line}"),
            CheckFormat::Json => eprintln!("{line}"),
        }
    }
    if verbose() {
        let t = &report.timings;
        eprintln!(
            "load and validate {} ms, render {} ms, total {} ms",
            t.load.as_millis(),
            t.render.as_millis(),
            t.total.as_millis()
        );
    }
    Ok(Outcome::Success)
}

/// One diagnostic as editors and CI read it.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: diagnostics::Severity,
    field: Option<&'a str>,
    message: &'a str,
    help: Option<&'a str>,
}

/// Prints one JSON object per line on stdout.
fn print_json(diagnostics: &[Diagnostic]) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for d in diagnostics {
        let json = JsonDiagnostic {
            path: d.path.to_string_lossy().replace('\\', "/"),
            line: d.position.map(|p| p.line),
            column: d.position.map(|p| p.column),
            severity: d.severity,
            // `null`, never `""`, where no field applies.
            field: d.field.as_deref().filter(|f| !f.is_empty()),
            message: &d.message,
            help: d.help.as_deref(),
        };
        serde_json::to_writer(&mut out, &json)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
