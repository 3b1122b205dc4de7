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

    /// Print only errors: no warnings, no progress, no summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more: the time each stage took.
    #[arg(short, long, global = true)]
    pub verbose: bool,
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
    /// Serve the site locally, rebuilding and reloading on every save.
    Serve(ServeArgs),
    /// Check the whole site, templates included, without writing anything.
    Check(CheckArgs),
    /// Start a new guide: content/<slug>.md with every field described.
    New(NewArgs),
    /// Create a site: a commented config.yaml, an example guide and the
    /// default theme.
    Init(InitArgs),
    /// Check guides against the official data, or compare two releases.
    #[command(subcommand)]
    Data(DataCommand),
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

    /// Print where the time went: each stage, Markdown, each template,
    /// writing files, and the slowest pages.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,

    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,

    /// The address to listen on. Anything but a loopback address lets the
    /// whole network read the site.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// Also write each good build to this folder (by default nothing is
    /// written to disk).
    #[arg(long)]
    pub output: Option<PathBuf>,

    /// Override `base_url` [default: the address served].
    #[arg(long)]
    pub base_url: Option<String>,

    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,

    /// How long to wait for a burst of saves to settle, in milliseconds.
    #[arg(long, default_value_t = 50)]
    pub debounce_ms: u64,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,

    /// `human`: messages with code frames on stderr; `json`: one JSON object
    /// per problem on stdout (path, line, column, severity, field, message,
    /// help).
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The job's title, such as "Account executive" [default with --soc:
    /// the data's title].
    #[arg(required_unless_present = "soc")]
    pub title: Option<String>,

    /// Start from the data's occupation with this SOC code (`29-1141`):
    /// its title, description, codes and figures.
    #[arg(long)]
    pub soc: Option<String>,

    /// The site folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,

    /// A category key from config.yaml.
    #[arg(long)]
    pub category: Option<String>,

    /// The file name and URL [default: made from the title].
    #[arg(long)]
    pub slug: Option<String>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the site in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Write into a folder that is not empty, replacing files of the same names.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Which guides have no SOC code, which codes are not in the data,
    /// which guide figures differ from it, and the age of each dataset.
    Check(DataCheckArgs),
    /// The refresh report: every figure of the site's guides that changes
    /// between two releases of a dataset, largest change first.
    Diff(DataDiffArgs),
}

#[derive(Debug, Args)]
pub struct DataCheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,

    /// `human` on stdout, or one JSON object.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Debug, Args)]
pub struct DataDiffArgs {
    /// The older release's file (`data/oews-national-may2024.csv`).
    pub old: String,
    /// The newer release's file.
    pub new: String,

    #[command(flatten)]
    pub site: SiteArgs,

    /// `table` for a terminal, `markdown` or `csv` for a report.
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Markdown,
    Csv,
}
