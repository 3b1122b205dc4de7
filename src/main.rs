//! The `careergen` binary: parse the command line, dispatch, print the
//! error chain and choose the exit code (0 ok, 1 errors in the site, 2 usage:
//! clap's errors, a bad `--base-url`, a refused `--output`).

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use commands::Outcome;

// Builds allocate and free many short-lived strings on every thread; glibc's
// per-thread arenas keep the freed memory, mimalloc returns it (peak RSS at
// 100,000 guides about a fifth lower) and is faster at small allocations.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        exit_quietly_on_closed_stdout();
    }
    let color = commands::use_color(cli.color);
    commands::set_verbosity(cli.quiet, cli.verbose);
    let result = match cli.command {
        Command::Build(args) => commands::build::run(args, color),
        Command::Serve(args) => commands::serve::run(args, color),
        Command::Check(args) => commands::check::run(args, color),
        Command::New(args) => commands::new::run(args),
        Command::Init(args) => commands::init::run(args),
        Command::Completions(args) => commands::completions::completions(args),
        Command::Man(args) => commands::completions::man(args),
        Command::Data(command) => commands::data::run(command),
        Command::RemoveOldOutput(args) => {
            careergen::output::remove_handed_off(&args.dir, &args.lock).map(|()| Outcome::Success)
        }
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Err(err) => {
            eprintln!("error: {err:#}");
            // A refused --output is a usage error, as clap's own are.
            if err
                .downcast_ref::<careergen::output::RefusedOutput>()
                .is_some()
            {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// Restores the default action for SIGPIPE, which Rust ignores, so that
/// `careergen check --format json | head` ends quietly as other Unix tools
/// do instead of panicking in `println!`. Not for `serve`: its sockets must
/// outlive a browser that hangs up.
#[cfg(unix)]
fn exit_quietly_on_closed_stdout() {
    // SAFETY: runs once at start, before any other thread exists, and only
    // resets one signal's action to the system default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn exit_quietly_on_closed_stdout() {}
