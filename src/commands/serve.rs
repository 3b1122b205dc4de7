//! `careergen serve`: build into memory, serve, watch and rebuild on save,
//! printing one line per rebuild.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use careergen::serve::{self, Event, ServeOptions};
use careergen::site::BuildOptions;

use super::{Outcome, plural, print_diagnostics};
use crate::cli::ServeArgs;

pub fn run(args: ServeArgs, color: bool) -> Result<Outcome> {
    let root = args.site.root;
    let mut build = BuildOptions::new(&root);
    build.today = careergen::clock::today()?;
    build.drafts = args.site.drafts;
    build.base_url = args.base_url;
    let options = ServeOptions {
        build,
        bind: args.bind,
        port: args.port,
        output: args.output,
        debounce: Duration::from_millis(args.debounce_ms),
    };
    let open = args.open;
    let report = move |event: Event<'_>| print_event(&root, event, color, open);
    serve::run(options, Arc::new(report))?;
    eprintln!("stopped");
    Ok(Outcome::Success)
}

fn print_event(root: &Path, event: Event<'_>, color: bool, open: bool) {
    match event {
        Event::Built { changes, built } => {
            let mut warnings = built.warnings.clone();
            if !warnings.is_empty() {
                print_diagnostics(root, &mut warnings, color);
            }
            let what = if changes.is_empty() {
                format!("built {} guide{}", built.guides, plural(built.guides))
            } else {
                format!("{changes} changed")
            };
            let files = built.updates.len();
            let mut line = format!(
                "{what}: rendered {} page{}",
                built.pages,
                plural(built.pages)
            );
            if built.static_files > 0 {
                line.push_str(&format!(
                    ", read {} static file{}",
                    built.static_files,
                    plural(built.static_files)
                ));
            }
            line.push_str(&format!(
                ", {files} file{} updated in {} ms",
                plural(files),
                built.duration.as_millis()
            ));
            if !super::quiet() {
                println!("{line}");
            }
        }
        Event::Failed {
            changes,
            diagnostics,
        } => {
            let mut diagnostics = diagnostics.to_vec();
            print_diagnostics(root, &mut diagnostics, color);
            if changes.is_empty() {
                eprintln!("the site does not build yet; the browser shows the errors");
            } else {
                eprintln!("{changes} changed: build failed; still serving the last good site");
            }
        }
        Event::Listening { url, exposed } => {
            if exposed {
                eprintln!(
                    "warning: serving on a non-loopback address: anyone on the network can read the site"
                );
            }
            println!("serving at {url} (Ctrl-C to stop)");
            let _ = std::io::stdout().flush();
            if open {
                open_browser(url);
            }
        }
        Event::Problem(message) => eprintln!("warning: {message}"),
    }
}

/// Opens `url` in the desktop's browser; failing to is only a warning.
fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    match command {
        Ok(mut child) => {
            // Reap the opener when it exits; it usually hands off and quits.
            std::thread::spawn(move || child.wait());
        }
        Err(err) => eprintln!("warning: cannot open a browser: {err}"),
    }
}
