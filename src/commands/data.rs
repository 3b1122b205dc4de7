//! `careergen data check` and `careergen data diff OLD NEW`.

use anyhow::Result;
use careergen::data::{check, diff};

use super::Outcome;
use crate::cli::{CheckFormat, DataCommand, DiffFormat};

pub fn run(command: DataCommand) -> Result<Outcome> {
    let today = chrono::Local::now().date_naive();
    match command {
        DataCommand::Check(args) => {
            let report = check::run(&args.site.root, args.site.drafts, today);
            match args.format {
                CheckFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
                CheckFormat::Human => {
                    for error in &report.errors {
                        eprintln!("{}", error.render(false));
                    }
                    print!("{}", report.human());
                }
            }
            Ok(if report.errors.is_empty() {
                Outcome::Success
            } else {
                Outcome::Failed
            })
        }
        DataCommand::Diff(args) => {
            match diff::run(
                &args.site.root,
                &args.old,
                &args.new,
                args.site.drafts,
                today,
            ) {
                Ok(report) => {
                    let format = match args.format {
                        DiffFormat::Table => diff::Format::Table,
                        DiffFormat::Markdown => diff::Format::Markdown,
                        DiffFormat::Csv => diff::Format::Csv,
                    };
                    print!("{}", report.render(format));
                    Ok(Outcome::Success)
                }
                Err(errors) => {
                    for error in &errors {
                        eprintln!("{}", error.render(false));
                    }
                    Ok(Outcome::Failed)
                }
            }
        }
    }
}
