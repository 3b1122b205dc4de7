//! The command line: one `Args` struct per command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "careergen",
    version = env!("CAREERGEN_VERSION"),
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
    #[command(after_help = examples::BUILD)]
    Build(BuildArgs),
    /// Serve the site locally, rebuilding and reloading on every save.
    #[command(after_help = examples::SERVE)]
    Serve(ServeArgs),
    /// Check the whole site, templates included, without writing anything.
    #[command(after_help = examples::CHECK)]
    Check(CheckArgs),
    /// Start a new guide: content/<slug>.md with every field described.
    #[command(after_help = examples::NEW)]
    New(NewArgs),
    /// Create a site: a commented config.yaml and an example guide, on the
    /// built-in theme (--eject-theme copies it in to edit, into an existing
    /// site too).
    #[command(after_help = examples::INIT)]
    Init(InitArgs),
    /// Print a shell completion script to standard output.
    #[command(after_help = examples::COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print the man page (roff) to standard output, or write one page per
    /// command into a folder.
    #[command(after_help = examples::MAN)]
    Man(ManArgs),
    /// Check guides against the official data, or compare two releases.
    #[command(subcommand, after_help = examples::DATA)]
    Data(DataCommand),
    /// Remove the previous output a build swapped out (started by `build`
    /// itself, in the background).
    #[command(name = "remove-old-output", hide = true)]
    RemoveOldOutput(RemoveOldOutputArgs),
}

/// The folder that holds a previous output, and its lock file, as
/// `careergen::output::Staging::commit_in_background` passes them.
#[derive(Debug, Args)]
pub struct RemoveOldOutputArgs {
    pub dir: PathBuf,
    pub lock: PathBuf,
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
    #[arg(long, value_parser = base_url)]
    pub base_url: Option<String>,

    /// Print where the time went: each stage, Markdown, each template,
    /// writing files, and the slowest pages.
    #[arg(long)]
    pub timings: bool,

    /// Also write a gzip (`.gz`) and a Brotli (`.br`) copy beside each text
    /// file that compresses, for hosts that serve precompressed files
    /// (nginx `gzip_static`, `brotli_static`).
    #[arg(long)]
    pub precompress: bool,
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
    #[arg(long, value_parser = base_url)]
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
    /// Or the kind to start, `article` or `page`, followed by its title:
    /// `careergen new article "How to negotiate your salary"`.
    #[arg(required_unless_present = "soc")]
    pub title: Option<String>,

    /// The title, when the first word names a kind (`article`, `page`).
    #[arg(value_name = "KIND_TITLE")]
    pub kind_title: Option<String>,

    /// The section folder below content/ an article goes into [default:
    /// the site's first section, or `advice`].
    #[arg(long)]
    pub section: Option<String>,

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

    /// Also copy the built-in theme into `themes/default/` to edit it. In a
    /// folder that already holds a site, only the theme is written.
    #[arg(long)]
    pub eject_theme: bool,
}

/// A `--base-url` that is not an absolute http(s) URL is a usage error
/// (exit 2), caught before the site is read.
fn base_url(url: &str) -> Result<String, String> {
    careergen::config::split_base_url(url).map(|_| url.to_string())
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `careergen.1` and a page per command (`careergen-build.1` …)
    /// into this folder instead of printing `careergen.1`.
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

/// The examples shown under each command's `--help`.
mod examples {
    pub const BUILD: &str = "\
Examples:
  careergen build
  careergen build --root my-site --base-url https://example.org/careers/
  careergen build --precompress --output /srv/www/careers";

    pub const SERVE: &str = "\
Examples:
  careergen serve --open
  careergen serve --root my-site --port 8080 --drafts";

    pub const CHECK: &str = "\
Examples:
  careergen check
  careergen check --deny-warnings --format json";

    pub const NEW: &str = "\
Examples:
  careergen new \"Account executive\" --category sales
  careergen new \"Data scientist\" --slug data-scientist --root my-site
  careergen new --soc 29-1141";

    pub const INIT: &str = "\
Examples:
  careergen init my-site
  careergen init . --force
  careergen init --eject-theme my-site   # copy the built-in theme into my-site/themes/default";

    pub const COMPLETIONS: &str = "\
Examples:
  careergen completions bash > ~/.local/share/bash-completion/completions/careergen
  careergen completions zsh > ~/.zfunc/_careergen
  careergen completions fish > ~/.config/fish/completions/careergen.fish
  careergen completions powershell >> $PROFILE";

    pub const MAN: &str = "\
Examples:
  careergen man | man -l -
  careergen man --dir /usr/local/share/man/man1";

    pub const DATA: &str = "\
Examples:
  careergen data check
  careergen data diff data/oews-national-may2024.csv data/oews-national-may2025.csv";

    pub const DATA_CHECK: &str = "\
Examples:
  careergen data check
  careergen data check --root my-site --format json";

    pub const DATA_DIFF: &str = "\
Examples:
  careergen data diff data/oews-national-may2024.csv data/oews-national-may2025.csv
  careergen data diff old.csv new.csv --format markdown > refresh-report.md";
}

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Which guides have no SOC code, which codes are not in the data,
    /// which guide figures differ from it, and the age of each dataset.
    #[command(after_help = examples::DATA_CHECK)]
    Check(DataCheckArgs),
    /// The refresh report: every figure of the site's guides that changes
    /// between two releases of a dataset, largest change first.
    #[command(after_help = examples::DATA_DIFF)]
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
