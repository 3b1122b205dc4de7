//! Starting points for authors: the commented guide `careergen new` writes,
//! and the site `careergen init` lays out (a commented `config.yaml` and one
//! example guide, on the theme built into the binary; `--eject-theme`
//! copies that theme into the site to edit).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use chrono::NaiveDate;

use crate::config::{self, CONFIG_FILE};
use crate::content::guide::{PLACEHOLDER_MARK, is_slug};
use crate::content::load::CONTENT_DIR;
use crate::diagnostics::suggest;
use crate::render::theme;

/// What `careergen new` needs to start a guide.
#[derive(Debug, Clone)]
pub struct NewGuide<'a> {
    pub title: &'a str,
    /// The file name and URL; derived from the title when absent.
    pub slug: Option<&'a str>,
    /// A key of the site's `categories`.
    pub category: Option<&'a str>,
}

/// Writes `content/<slug>.md` under `root` from [`guide_template`], refusing
/// to replace an existing file. Returns the path written.
pub fn new_guide(root: &Path, guide: &NewGuide<'_>, today: NaiveDate) -> anyhow::Result<PathBuf> {
    let title = guide.title.trim();
    let length = title.chars().count();
    let max = crate::content::parse::MAX_TITLE_CHARS;
    if length == 0 || length > max || title.contains(['\n', '\r']) {
        bail!("expected a title of 1 to {max} characters on one line, found {title:?}");
    }
    let slug = match guide.slug {
        Some(slug) if is_slug(slug) => slug.to_string(),
        Some(slug) => bail!(
            "expected a slug of lowercase letters, digits and single dashes (`account-manager`), found {slug:?}"
        ),
        None => {
            let slug = slug_from_title(title);
            if slug.is_empty() {
                bail!("cannot make a file name from {title:?}; give one with --slug");
            }
            slug
        }
    };
    if crate::permalink::reserved_slug(&slug) {
        bail!(
            "the slug {slug:?} is taken by the site's own `{slug}/` pages; give the guide another with --slug (such as `{slug}-specialist`); reserved: {}",
            crate::permalink::RESERVED_SLUGS.join(", ")
        );
    }
    let config_path = root.join(CONFIG_FILE);
    if !config_path.is_file() {
        bail!(
            "expected a site in `{}`, found no {CONFIG_FILE}; run `careergen init` first, or pass --root",
            root.display()
        );
    }
    if let Some(category) = guide.category {
        // A broken config is `check`'s to report; only a readable one can
        // name its categories.
        if let Ok(config) = config::load(root)
            && config.category(category).is_none()
        {
            let known: Vec<&str> = config.categories.iter().map(|c| c.key.as_str()).collect();
            let help = match suggest(category, &known) {
                Some(close) => format!("did you mean `{close}`?"),
                None if known.is_empty() => format!("{CONFIG_FILE} defines no `categories`"),
                None => format!("categories in {CONFIG_FILE}: {}", known.join(", ")),
            };
            bail!("expected a category key from {CONFIG_FILE}, found {category:?} ({help})");
        }
    }
    let dir = root.join(CONTENT_DIR);
    fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let path = dir.join(format!("{slug}.md"));
    let text = guide_template(title, guide.category, today);
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            bail!(
                "`{}` already exists; choose another title or --slug, or edit that file",
                path.display()
            )
        }
        Err(err) => {
            return Err(err).with_context(|| format!("cannot create `{}`", path.display()));
        }
    };
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(path)
}

/// A file name from a title: ASCII letters and digits, accents dropped,
/// everything else a single dash (`Über-Manager (EU)` → `uber-manager-eu`).
pub fn slug_from_title(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    let mut dash = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c.to_string()),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => Some("a".into()),
            'æ' => Some("ae".into()),
            'ç' | 'ć' | 'č' => Some("c".into()),
            'ď' | 'đ' => Some("d".into()),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => Some("e".into()),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => Some("i".into()),
            'ł' => Some("l".into()),
            'ñ' | 'ń' | 'ň' => Some("n".into()),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => Some("o".into()),
            'œ' => Some("oe".into()),
            'ř' => Some("r".into()),
            'ß' => Some("ss".into()),
            'ś' | 'š' | 'ş' => Some("s".into()),
            'ť' | 'ţ' => Some("t".into()),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => Some("u".into()),
            'ý' | 'ÿ' => Some("y".into()),
            'ź' | 'ż' | 'ž' => Some("z".into()),
            // An apostrophe joins: "Driver's" → "drivers".
            '\'' | '’' => Some(String::new()),
            _ => None,
        };
        match plain {
            Some(text) if text.is_empty() => {}
            Some(text) => {
                if dash && !slug.is_empty() {
                    slug.push('-');
                }
                dash = false;
                slug.push_str(&text);
            }
            None => dash = true,
        }
    }
    slug
}

/// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

/// The text of a new guide: the required fields filled with placeholders,
/// `draft: true`, and every other field of the content model present as a
/// commented example. Lines starting `##` explain; lines starting `# ` are
/// examples to uncomment.
pub fn guide_template(title: &str, category: Option<&str>, today: NaiveDate) -> String {
    let lower = title.to_lowercase();
    let category_line = match category {
        Some(key) => format!("category: {key}"),
        None => "# category: sales".to_string(),
    };
    let year = today.format("%Y");
    let date = today.format("%Y-%m-%d");
    format!(
        r#"---
## One occupation: its facts in YAML between the `---` lines, prose in Markdown
## below them. Lines starting with `#` are comments: delete the `# ` in front of
## a field to use it. docs/authoring.md describes every field, and
## `careergen check` points at anything wrong, with its line.

## The job's usual name (1-150 characters): the page heading and title.
title: {title}
## One plain sentence on what the job is (at most 320 characters; search
## results show the first 160): the lead paragraph and meta description.
summary: {summary}
## Left out of the site until you delete this line (`--drafts` shows it).
draft: true

## The URL is /<slug>/. It defaults to the file name.
# slug: my-guide
## Other names for the same job: "Also called ...".
# alternate_titles: [Sales executive, Client executive]
## Standard Occupational Classification codes (NN-NNNN, NN-NNNN.NN).
# codes:
#   soc: 41-4012
#   onet_soc: 41-4012.00
## For a job BLS counts in a broader occupation (`codes: {{ broader_soc:
## 11-2022 }}`), that occupation's name as this page gives it.
# broader_title: Sales managers
## A key of `categories` in config.yaml.
{category_line}
## Industries that employ the most people in this job.
# industries: [Finance, Manufacturing]

## What they do: 1 to 25 short duties.
duties:
  - {duty}
#   - Another duty

## Where and how they work. `summary` is Markdown; `employers` shares are
## percents of all jobs (each above 0, together at most 100).
# environment:
#   summary: Mostly office work, with *some* travel to clients.
#   settings: [Office, Client sites, Remote]
#   schedule: Full time; some evenings at the end of a quarter.
#   travel: Short trips to clients every few weeks.
#   employers:
#     - {{ industry: Wholesale trade, share_percent: 30 }}
#     - {{ industry: Manufacturing, share_percent: 20 }}

## How to become one.
##   education: no_formal_credential, high_school, postsecondary_nondegree,
##     some_college, associates, bachelors, masters, doctoral_or_professional
##     or varies (or the site's own `education_levels` in config.yaml).
##   experience (in a related job): none, less_than_5_years, 5_years_or_more
##     or varies.
##   training (on the job): none, short_term, moderate_term, long_term,
##     apprenticeship, internship_residency or varies.
##   credentials: kind is license, certification or registration.
##   skills: 1 to 30, each a name or a name with a description.
##   notes: Markdown.
# requirements:
#   education: bachelors
#   fields_of_study: [Business administration, Marketing]
#   experience: less_than_5_years
#   training: short_term
#   credentials:
#     - {{ name: Certified Sales Professional, kind: certification, required: false }}
#   skills:
#     - {{ name: Negotiation, description: Finds terms both sides accept. }}
#     - Communication
#   notes: Many start in customer service or inside sales.

## Pay: plain numbers (75500, not "$75,500"), entry <= p25 <= median <= p75 <= top.
## `currency` and `period` (year, month, week, day or hour) default to
## config.yaml. `basis: percentile` means entry and top are the 10th and 90th
## percentiles; `top_coded: true` means "top or more". `as_of` is YYYY or
## YYYY-MM; `source` is the id of an entry under `sources`.
# salary:
#   currency: USD
#   period: year
#   entry: 40000
#   p25: 52000
#   median: 75500
#   p75: 105000
#   top: 160500
#   basis: percentile
#   top_coded: false
#   as_of: {year}
#   source: bls

## Job outlook. The label (faster than average ...) is worked out from
## growth_percent with the bands in config.yaml; write `label` only to assert
## it. `period` defaults to config.yaml's.
# outlook:
#   growth_percent: 4
#   period: 2024-2034
#   label: as_fast_as_average
#   employment: 100000
#   employment_change: 4000
#   annual_openings: 9000
#   source: bls

## Jobs people move to next, at most 10. `guide` names another guide's slug.
# career_path:
#   - {{ title: Senior {lower}, note: After three to five years. }}
#   - {{ title: Sales manager, guide: sales-manager }}

## Similar occupations; `guide` fills the row from that guide.
# related_careers:
#   - {{ title: Account manager, guide: account-manager }}
#   - {{ title: Sales engineer }}

## Questions readers ask: each ends with `?`; answers are Markdown.
# faq:
#   - question: Is this a sales job?
#     answer: Often, yes.

## Where the facts come from; `url` is an absolute http(s) address.
# sources:
#   - id: bls
#     name: Occupational Outlook Handbook, U.S. Bureau of Labor Statistics
#     url: https://www.bls.gov/ooh/
#     accessed: {date}
#     license: Public domain

## When someone last checked the facts (YYYY-MM-DD); `check` warns after two years.
# last_reviewed: {date}

## A picture shown at the top of the page and to other sites, with text
## saying what it shows: a file beside the guide (make it a folder,
## `content/<slug>/index.md`, with the picture in it) or an `@/` path.
# image: {{ src: "@/images/office.png", alt: "An account manager on a call with a client" }}

## Anything else for custom templates, as `guide.extra`.
# extra:
#   video: https://example.org/a-day-in-the-job
---
<!-- Prose in Markdown: it appears under "More about the job". Link another
guide by its file under content/, as in [a related job](@/other-guide.md).
Delete this comment when you start. -->

{prompt} How do people get into the job? What does a typical day look like?
"#,
        title = quoted(title),
        summary = quoted(&format!(
            "{PLACEHOLDER_MARK} say in one sentence what a {lower} does."
        )),
        duty = quoted(&format!("{PLACEHOLDER_MARK} the main thing a {lower} does")),
        prompt = PLACEHOLDER_MARK,
    )
}

/// The commented `config.yaml` that `careergen init` writes.
pub const CONFIG_TEMPLATE: &str = r#"# Site settings for careergen. `careergen check` reports any mistake here
# with its line; docs/config.md describes every key.

# The site's name: the home page heading and the end of every page title.
title: Careers Handbook
# Where the site is published: links, canonical URLs and structured data use
# it. `careergen build --base-url` overrides it for a preview copy.
base_url: https://careers.example.org/
# One or two sentences: the home page's lead and its meta description.
description: Plain-language profiles of careers, with pay and job outlook.
# The language of the pages, as a BCP 47 tag (en, en-GB, fr-CA).
language: en
# The theme. `default` is built into careergen and needs no folder. To
# change one part, put a template in templates/ that extends the theme's
# (`{% extends "theme/guide.html" %}`) and overrides a block; a file there
# replaces the theme's of the same name. `careergen init --eject-theme`
# copies the whole theme into themes/default to edit.
theme: default
# The currency of pay figures when a guide names none (ISO 4217).
currency: USD
# The country the figures describe (ISO 3166), for structured data.
country: US
# The pay period when a guide names none: year, month, week, day or hour.
salary_period: year

# Employment projections. A guide states `outlook.growth_percent`; these bands
# turn it into a label such as "Faster than average", compared on the whole
# percent. Without bands for a guide's period, the guide must state the label.
projections:
  # The period of a guide's outlook when it names none.
  default_period: 2024-2034
  periods:
    2024-2034:
      # Average growth of all occupations over the period, in percent.
      average_growth: 3
      # The lowest whole percent for each label, strictly decreasing;
      # anything below the last is a decline.
      bands:
        much_faster_than_average: 7
        faster_than_average: 5
        as_fast_as_average: 3
        slower_than_average: 1
        little_or_no_change: 0

# Categories a guide can name with `category:`, by key (lowercase letters,
# digits and dashes).
categories:
  sales:
    name: Sales
    description: Roles that win, grow and look after customers.
  management:
    name: Management
    description: Roles that lead teams, budgets and strategy.

# The education levels guides write under `requirements.education`, least
# schooling first. Left out, they are the U.S. BLS levels (no_formal_credential
# … doctoral_or_professional, varies). A site elsewhere lists its own: a key,
# then its label (see docs/config.md for labels per language and schema.org).
# education_levels:
#   gcses: GCSEs
#   a-levels: A levels
#   apprenticeship: Apprenticeship
#   degree: { label: Degree, credential_category: bachelor degree, bls: [bachelors] }

# Who writes the site, shown in the footer; `email` and `url` are optional.
author:
  name: The editors
  # email: editors@example.org
  # url: https://careers.example.org/about/

# A credit line at the foot of every page (plain text).
footer: Pay and outlook figures are from the U.S. Bureau of Labor Statistics (public domain) unless a guide cites another source.

# A guide that names no `related_careers` gets up to five similar
# occupations suggested from the guides that share its category, SOC major
# group, industries or skills. `false` shows only what guides name.
# suggest_similar: true
# Official data files guides with `codes.soc` take their figures from
# (see docs/data.md): OEWS wages, state wages, projections, O*NET titles.
# data:
#   wages: data/oews-national-may2025.csv
#   state_wages: data/oews-state-may2025.csv
#   projections: data/ooh-2024-34-profiles.csv
#   occupations: { file: data/onet-occupation-data.tsv, release: "29.2" }

# The site's home state, whose figures show beside the national ones.
# region: CA

# Guides per page of every list (All careers, each category, industry and
# education level); later pages are at `<list>/page/2/`. 0 keeps a list
# on one page. `paginate` sets a list apart: all_careers, browse (every
# browse page), or one grouping: categories, industries, education.
# paginate_by: 50
# paginate:
#   all_careers: 100
#   browse: 30

# How many of the most recently reviewed guides the Atom feed carries.
# feed_limit: 50

# How many articles naming a guide in `related_careers` its page lists
# under "Advice for …", newest first (0 shows none).
# related_advice: 3

# The home page: guides to feature, by slug and in order, or else how many
# of the most recently reviewed guides to show.
# home:
#   featured: [account-manager]
#   recent: 6

# Menus: `main` in the header (instead of its usual links), `footer` in the
# footer. A target is `@/` and a file below content/ or static/, a page the
# site makes (`/all-careers/`), or a URL; lower weights come first; an entry
# may have `children` (one level). A page can add itself from its front
# matter: `menu: { name: footer, label: About, weight: 10 }`.
# menus:
#   main:
#     - { label: Home, target: "@/", weight: 1 }
#     - label: Careers
#       target: /all-careers/
#       weight: 2
#       children:
#         - { label: Account manager, target: "@/account-manager.md" }
#   footer:
#     - { label: Labor statistics, target: "https://www.bls.gov/" }

# The site's other languages, each published below its folder (/es/):
# a guide is translated by `name.es.md` beside `name.md`. `untranslated`
# says whether a guide missing in a language is left out there (omit) or
# shown in the default language (fallback). A language can also name the
# author, the categories and the industries (as guides write them) in its
# own words, and give its own menus.
# languages:
#   es:
#     title: Guía de carreras
#     description: Perfiles de profesiones.
#     author: { name: Equipo de orientación }
#     industries:
#       Manufacturing: { name: Industria manufacturera }
# untranslated: omit
# Responsive images: the widths (px) of the WebP and fallback copies made
# of each PNG, JPEG or WebP image a page shows (never wider than the file),
# and the file size (KB) over which an image is a warning. Copies are kept
# in .careergen-cache/images/ between builds; it is safe to delete.
# images:
#   widths: [480, 800, 1200]
#   max_kb: 500

# Free-form values for custom templates, as `site.extra`.
# extra:
#   analytics_id: ABC-123
"#;

/// The `.gitignore` `careergen init` writes: the built site and the image
/// cache are made from the rest.
pub const GITIGNORE: &str = "/public\n/.careergen-cache\n";

/// The example guide `careergen init` writes, as `content/<EXAMPLE_SLUG>.md`.
pub const EXAMPLE_SLUG: &str = "account-manager";

/// The example guide's text, reviewed `today`.
pub fn example_guide(today: NaiveDate) -> String {
    format!(
        r#"---
# An example guide: the facts in YAML between the `---` lines, prose in
# Markdown below. `careergen new "Job title"` starts another one with every
# field described.
title: Account manager
summary: The customer's main contact at a company, keeping orders, deliveries and questions on track.
alternate_titles: [Client manager, Key account manager]
codes:
  soc: 11-2022
category: sales
industries: [Finance, Insurance, Manufacturing]
duties:
  - Tell customers about changes to their orders or projects
  - Forecast orders from each customer's history
  - Keep records of each customer's preferences
  - Walk clients through contracts and warranties
environment:
  summary: Mostly office work, with client meetings, travel and some evenings and weekends.
  settings: [Office, Client sites]
  schedule: Full time; longer hours around quarter ends.
requirements:
  education: bachelors
  fields_of_study: [Business administration, Marketing, Finance, Communications]
  experience: less_than_5_years
  training: none
  skills:
    - {{ name: Negotiation, description: Finds middle ground between the company and the customer. }}
    - {{ name: Organisation, description: Keeps many accounts moving at once. }}
    - Communication
salary:
  entry: 40000
  median: 75500
  top: 160500
  as_of: 2024-05
  source: bls
outlook:
  growth_percent: 4
  source: bls
career_path:
  - {{ title: Senior account manager, note: After three to five years. }}
  - {{ title: Account director }}
faq:
  - question: Is account manager a sales job?
    answer: Often, yes. Many account managers have sales targets for the accounts they look after.
sources:
  - id: bls
    name: U.S. Bureau of Labor Statistics
    url: https://www.bls.gov/
    license: Public domain
last_reviewed: {today}
---
Most account managers start in customer service or inside sales, where they
learn the products and the customers, and take on their own accounts after a
year or two.

## A typical day

The morning goes to customers' questions and orders; the afternoon to
forecasts, reports and calls about next quarter's business.
"#,
        today = today.format("%Y-%m-%d")
    )
}

/// What `careergen init` wrote.
#[derive(Debug, Default)]
pub struct Initialized {
    /// Every file written, relative to the site folder.
    pub files: Vec<PathBuf>,
}

/// What `careergen init` is asked to do besides laying out a site.
#[derive(Debug, Clone, Copy, Default)]
pub struct InitOptions {
    /// Write into a folder that holds files, replacing files of the same names.
    pub force: bool,
    /// Copy the built-in theme into `themes/default/`. In a folder that
    /// already holds a site (a `config.yaml`), only the theme is written.
    pub eject_theme: bool,
}

/// Lays out a new site in `dir` (created if missing), on the built-in
/// theme unless `eject_theme`. Refuses a folder that holds anything unless
/// `force`; with `force`, files of the same names are replaced and other
/// files are left alone. With `eject_theme` in an existing site, writes
/// only the theme, refusing to replace a `themes/default/` unless `force`.
pub fn init(dir: &Path, options: InitOptions, today: NaiveDate) -> anyhow::Result<Initialized> {
    if options.eject_theme && dir.join(CONFIG_FILE).is_file() {
        return eject_theme(dir, options.force);
    }
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if !options.force && entries.next().is_some() {
                bail!(
                    "`{}` is not empty; choose an empty folder, or pass --force to write the site's files into it (files of the same names are replaced)",
                    dir.display()
                );
            }
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(dir)
                .with_context(|| format!("cannot create `{}`", dir.display()))?;
        }
        Err(err) if err.kind() == io::ErrorKind::NotADirectory || dir.is_file() => {
            bail!("`{}` is a file, not a folder", dir.display());
        }
        Err(err) => {
            return Err(err).with_context(|| format!("cannot read `{}`", dir.display()));
        }
    }
    let mut files: Vec<(PathBuf, std::borrow::Cow<'static, [u8]>)> = vec![
        (
            PathBuf::from(CONFIG_FILE),
            CONFIG_TEMPLATE.as_bytes().into(),
        ),
        (
            Path::new(CONTENT_DIR).join(format!("{EXAMPLE_SLUG}.md")),
            example_guide(today).into_bytes().into(),
        ),
        (PathBuf::from(".gitignore"), GITIGNORE.as_bytes().into()),
    ];
    if options.eject_theme {
        files.extend(theme_files());
    }
    write_all(dir, files)
}

/// Copies the built-in theme into `themes/default/` of the site in `dir`.
fn eject_theme(dir: &Path, force: bool) -> anyhow::Result<Initialized> {
    let target = Path::new("themes").join(theme::DEFAULT);
    if dir.join(&target).exists() && !force {
        bail!(
            "`{}` already exists; pass --force to replace its files with the built-in theme's (other files in it are left alone)",
            dir.join(&target).display()
        );
    }
    write_all(dir, theme_files().collect())
}

/// Every file of the built-in theme, at its path in a site folder.
fn theme_files() -> impl Iterator<Item = (PathBuf, std::borrow::Cow<'static, [u8]>)> {
    theme::files().iter().map(|(name, bytes)| {
        let mut path = PathBuf::from("themes").join(theme::DEFAULT);
        path.extend(name.split('/'));
        (path, (*bytes).into())
    })
}

/// Writes `files` (paths relative to `dir`), creating their folders.
fn write_all(
    dir: &Path,
    files: Vec<(PathBuf, std::borrow::Cow<'static, [u8]>)>,
) -> anyhow::Result<Initialized> {
    let mut written = Initialized::default();
    for (relative, bytes) in files {
        let path = dir.join(&relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        fs::write(&path, &bytes).with_context(|| format!("cannot write `{}`", path.display()))?;
        written.files.push(relative);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse::parse_guide;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
    }

    fn site_config() -> config::SiteConfig {
        config::parse(CONFIG_TEMPLATE).expect("the init config is valid")
    }

    #[test]
    fn slugs_from_titles() {
        assert_eq!(slug_from_title("Account executive"), "account-executive");
        assert_eq!(slug_from_title("  Über-Manager (EU) "), "uber-manager-eu");
        assert_eq!(slug_from_title("Truck driver's mate"), "truck-drivers-mate");
        assert_eq!(slug_from_title("C++ / Rust developer"), "c-rust-developer");
        assert_eq!(slug_from_title("日本"), "");
        assert!(is_slug(&slug_from_title("R&D -- lead--")));
    }

    #[test]
    fn the_config_template_sets_or_documents_every_key() {
        let text = CONFIG_TEMPLATE;
        for key in config::TOP_KEYS {
            assert!(
                text.contains(&format!("\n{key}:")) || text.contains(&format!("\n# {key}:")),
                "config template lacks `{key}`"
            );
        }
        let config = site_config();
        assert_eq!(config.theme, "default");
        assert!(config.category("sales").is_some());
    }

    #[test]
    fn the_example_guide_is_complete_and_clean() {
        let text = example_guide(today());
        let parsed = parse_guide(
            Path::new("content/account-manager.md"),
            "account-manager.md",
            text.as_bytes(),
            &site_config(),
            today(),
        );
        assert_eq!(parsed.diagnostics, Vec::new());
        assert!(parsed.guide.is_some());
    }

    fn parse_template(text: &str) -> crate::content::parse::Parsed {
        parse_guide(
            Path::new("content/x.md"),
            "x.md",
            text.as_bytes(),
            &site_config(),
            today(),
        )
    }

    #[test]
    fn a_new_guide_is_a_valid_draft() {
        let text = guide_template("Account executive", Some("sales"), today());
        let parsed = parse_template(&text);
        assert_eq!(parsed.diagnostics, Vec::new());
        let guide = parsed.guide.expect("a guide");
        assert!(guide.draft);
        assert_eq!(guide.title, "Account executive");
        assert_eq!(guide.category.as_deref(), Some("sales"));
    }

    #[test]
    fn a_title_that_needs_quoting_survives() {
        let title = r#"Sales: "inside" #1 \ 'lead'"#;
        let parsed = parse_template(&guide_template(title, None, today()));
        assert_eq!(parsed.guide.map(|g| g.title).as_deref(), Some(title));
    }

    /// Uncommenting every example (`# ` lines) gives a valid guide that uses
    /// every field of the content model: the examples are right, and none
    /// is missing.
    #[test]
    fn every_commented_example_is_valid_and_every_field_is_there() {
        let text = guide_template("Account executive", None, today());
        let uncommented: String = text
            .lines()
            .filter(|line| !line.starts_with("##"))
            .map(|line| line.strip_prefix("# ").unwrap_or(line))
            .map(|line| format!("{line}\n"))
            .collect();
        let parsed = parse_template(&uncommented);
        let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{errors:#?}\n{uncommented}");
        let guide = parsed.guide.expect("a guide");
        assert!(guide.salary.is_some() && guide.outlook.is_some());
        for key in crate::content::parse::GUIDE_KEYS {
            assert!(
                uncommented.contains(&format!("\n{key}:")),
                "the template lacks `{key}`"
            );
        }
    }

    #[test]
    fn new_refuses_to_overwrite_and_checks_the_category() {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path();
        let guide = NewGuide {
            title: "Account executive",
            slug: None,
            category: None,
        };
        let error = new_guide(root, &guide, today()).expect_err("no site yet");
        assert!(error.to_string().contains("run `careergen init` first"));

        fs::write(root.join(CONFIG_FILE), CONFIG_TEMPLATE).expect("write config");
        let path = new_guide(root, &guide, today()).expect("written");
        assert_eq!(path, root.join("content/account-executive.md"));
        let error = new_guide(root, &guide, today()).expect_err("exists");
        assert!(error.to_string().contains("already exists"), "{error}");

        let typo = NewGuide {
            title: "Sales lead",
            slug: None,
            category: Some("sale"),
        };
        let error = new_guide(root, &typo, today()).expect_err("unknown category");
        assert!(
            error.to_string().contains("did you mean `sales`?"),
            "{error}"
        );
        assert!(!root.join("content/sales-lead.md").exists());
    }

    #[test]
    fn init_refuses_a_non_empty_folder_without_force() {
        let temp = tempfile::tempdir().expect("temp dir");
        let site = temp.path().join("site");
        let written = init(&site, InitOptions::default(), today()).expect("init");
        assert!(written.files.contains(&PathBuf::from("config.yaml")));
        assert!(!site.join("themes").exists(), "the built-in theme is used");

        fs::write(site.join("notes.txt"), "mine").expect("write");
        let error = init(&site, InitOptions::default(), today()).expect_err("not empty");
        assert!(error.to_string().contains("--force"), "{error}");
        let force = InitOptions {
            force: true,
            ..InitOptions::default()
        };
        init(&site, force, today()).expect("forced");
        assert_eq!(
            fs::read_to_string(site.join("notes.txt")).expect("read"),
            "mine"
        );
    }
}
