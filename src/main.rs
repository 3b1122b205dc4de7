//! The `careergen` binary: parse the command line, dispatch, print the
//! error chain and choose the exit code (0 ok, 1 errors in the site, 2 usage).

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use commands::Outcome;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = commands::use_color(cli.color);
    let result = match cli.command {
        Command::Build(args) => commands::build::run(args, color),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}
