//! `careergen build`: render the site into a staging folder and swap it in.

use anyhow::{Context as _, Result};
use careergen::output::{self, DiskSink, Staging};
use careergen::site::{self, BuildOptions};

use super::progress::Progress;
use super::{Outcome, plural, print_diagnostics, quiet, verbose};
use crate::cli::BuildArgs;

/// From how many files a site's previous output (judged by the new one)
/// is removed by a background process rather than before `build` returns.
/// Removing costs about 40 µs a file (0.75 s at 10,000 guides), starting
/// the process a few milliseconds: below this, removing at once is about
/// as fast and leaves nothing behind when `build` returns.
const BACKGROUND_REMOVAL_MIN_FILES: usize = 500;

pub fn run(args: BuildArgs, color: bool) -> Result<Outcome> {
    let timings = args.timings;
    let precompress = args.precompress;
    if timings {
        careergen::timings::enable();
    }
    let root = args.site.root;
    let output_dir = args.output.unwrap_or_else(|| root.join("public"));
    output::check_output_folder(&root, &output_dir)?;
    let mut options = BuildOptions::new(&root);
    options.today = careergen::clock::today()?;
    options.drafts = args.site.drafts;
    options.base_url = args.base_url;

    let staging = Staging::new(&output_dir)?;
    let progress = Progress::start("building");
    let mut report = site::build(&options, &progress.sink(&DiskSink::new(staging.dir())));
    progress.finish();
    print_diagnostics(&root, &mut report.diagnostics, color);
    if report.has_errors() {
        // Dropping the staging folder leaves the previous output untouched.
        eprintln!(
            "build failed; `{}` was left as it was",
            output_dir.display()
        );
        return Ok(Outcome::Failed);
    }
    let precompressed = if precompress {
        // Before the swap, so that a failure leaves the output as it was.
        let summary = careergen::timings::stage("precompress", || {
            careergen::precompress::precompress_dir(staging.dir())
        })
        .with_context(|| {
            format!(
                "precompressing failed; `{}` was left as it was",
                output_dir.display()
            )
        })?;
        Some(summary)
    } else {
        None
    };
    let swap_started = std::time::Instant::now();
    careergen::timings::stage("swap in the output folder", || {
        if report.files >= BACKGROUND_REMOVAL_MIN_FILES
            && let Ok(exe) = std::env::current_exe()
        {
            let mut remover = std::process::Command::new(exe);
            remover.arg("remove-old-output");
            staging.commit_in_background(remover)
        } else {
            staging.commit()
        }
    })?;
    let swap = swap_started.elapsed();
    if !quiet() {
        println!(
            "built {} guide{}, {} page{} in {} ms",
            report.guides,
            plural(report.guides),
            report.pages,
            plural(report.pages),
            report.timings.total.as_millis()
        );
    }
    if verbose() {
        let t = &report.timings;
        eprintln!(
            "load and validate {} ms, render {} ms, swap in the output folder {} ms; {} files in `{}`",
            t.load.as_millis(),
            t.render.as_millis(),
            swap.as_millis(),
            report.files,
            output_dir.display()
        );
    }
    if let Some(summary) = precompressed.filter(|_| verbose()) {
        eprintln!(
            "precompressed {} of {} text files: {} .gz, {} .br",
            summary.gzip_files.max(summary.brotli_files),
            summary.candidates,
            summary.gzip_files,
            summary.brotli_files
        );
    }
    if timings {
        print!("{}", careergen::timings::take().render(10));
    }
    Ok(Outcome::Success)
}
