//! The command line: one `Args` struct per command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "careergen",
    version,
    about = "A static site generator for career guides"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder.
    Build(BuildArgs),
}

/// Options every command that reads a site shares.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder (holding config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,

    /// Include guides marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,

    /// Where to write the site [default: <root>/public].
    #[arg(long)]
    pub output: Option<PathBuf>,

    /// Override `base_url` from config.yaml.
    #[arg(long)]
    pub base_url: Option<String>,
}
