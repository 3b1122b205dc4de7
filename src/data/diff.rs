//! The yearly refresh report: for a site's guides, every figure that
//! changes between two releases of a dataset (OEWS May 2024 → May 2025,
//! projections 2023–33 → 2024–34), largest change first, and the guides
//! whose growth label flips.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use super::config::{self, Dataset, DatasetKind};
use super::table::Sheet;
use super::{oews, projections};
use crate::config::SiteConfig;
use crate::content::guide::{GrowthLabel, Guide};
use crate::diagnostics::Diagnostic;
use crate::site::{self, BuildOptions};

/// One figure of one guide that differs between the releases.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// The guide's file (`content/registered-nurse.md`).
    pub guide: String,
    pub soc: String,
    /// `median pay (per year)`, `projected growth (%)`, …
    pub figure: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

impl Change {
    /// The change relative to the old figure, in percent; none where a
    /// release lacks the figure or the old one is zero.
    pub fn percent(&self) -> Option<f64> {
        match (self.old, self.new) {
            (Some(old), Some(new)) if old != 0.0 => Some((new - old) / old.abs() * 100.0),
            _ => None,
        }
    }
}

/// A guide whose growth label is not the same in the two releases.
#[derive(Debug, Clone, Serialize)]
pub struct Flip {
    pub guide: String,
    pub soc: String,
    pub old: GrowthLabel,
    pub new: GrowthLabel,
}

/// The report.
#[derive(Debug, Serialize)]
pub struct Diff {
    pub kind: DatasetKind,
    pub old_release: String,
    pub new_release: String,
    /// Largest relative change first; figures one release lacks last.
    pub changes: Vec<Change>,
    pub flips: Vec<Flip>,
    /// Guides with a SOC code compared.
    pub guides: usize,
}

/// Compares the files `old` and `new` (paths as given on the command line)
/// for the guides of the site at `root`.
pub fn run(
    root: &Path,
    old: &str,
    new: &str,
    drafts: bool,
    today: NaiveDate,
) -> Result<Diff, Vec<Diagnostic>> {
    let mut options = BuildOptions::new(root);
    options.drafts = drafts;
    options.today = today;
    let (site_config, _) = site::load_config(&options)?;
    let kind = detect(old)?;
    let new_kind = detect(new)?;
    if kind != new_kind {
        return Err(vec![Diagnostic::error(
            new,
            format!(
                "expected a {} file like {old}, found a {} file",
                kind.key(),
                new_kind.key()
            ),
        )]);
    }
    let old_set = dataset(kind, old, &site_config);
    let new_set = dataset(kind, new, &site_config);
    let loaded = crate::content::load::load(root, &site_config, drafts, today);
    let guides: Vec<&Guide> = loaded
        .guides
        .iter()
        .filter(|g| g.codes.soc.is_some())
        .collect();
    let here = Path::new("");
    let (changes, flips) = match kind {
        DatasetKind::Projections => {
            let a = projections::read(here, &old_set)?;
            let b = projections::read(here, &new_set)?;
            compare_projections(&guides, &a, &b, &site_config)
        }
        _ => {
            let a = oews::read_national(here, &old_set)?;
            let b = oews::read_national(here, &new_set)?;
            (compare_wages(&guides, &a, &b), Vec::new())
        }
    };
    let mut changes = changes;
    changes.sort_by(|a, b| {
        let size = |c: &Change| c.percent().map(f64::abs);
        match (size(a), size(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.guide.cmp(&b.guide))
    });
    Ok(Diff {
        kind,
        old_release: old_set.release,
        new_release: new_set.release,
        changes,
        flips,
        guides: guides.len(),
    })
}

/// Wages or projections, by the file's header.
fn detect(file: &str) -> Result<DatasetKind, Vec<Diagnostic>> {
    let sheet = Sheet::open(Path::new(""), file).map_err(|d| vec![d])?;
    if sheet.header.find(&["growth_percent"]).is_some() {
        Ok(DatasetKind::Projections)
    } else if sheet
        .header
        .find(&["annual_median", "A_MEDIAN", "hourly_median", "H_MEDIAN"])
        .is_some()
    {
        Ok(DatasetKind::Wages)
    } else {
        Err(vec![Diagnostic::error(
            file,
            "expected an OEWS wage file (a column `annual_median` or `A_MEDIAN`) or a projections file (a column `growth_percent`), found neither",
        )
        .at_position(crate::diagnostics::Position::new(1, 1))])
    }
}

/// The dataset for a file named on the command line: its release from the
/// file name, else the configured one's period, else the file's name.
fn dataset(kind: DatasetKind, file: &str, site: &SiteConfig) -> Dataset {
    let mut d = config::for_file(kind, file);
    if kind == DatasetKind::Projections && d.period.is_none() {
        d.period = site.data.projections.as_ref().and_then(|p| p.period);
    }
    d
}

fn name(guide: &Guide) -> String {
    guide.path.to_string_lossy().replace('\\', "/")
}

/// Picks one percentile of a period's figures.
type Pick = fn(&oews::Percentiles) -> Option<oews::Wage>;

/// Whether any record of `set` has the figure `f`.
fn has(set: &oews::Wages, f: &dyn Fn(&oews::WageRecord) -> Option<f64>) -> bool {
    set.by_soc.values().any(|r| f(r).is_some())
}

/// The guides whose SOC code either release holds, each with both
/// releases' records (`None` where one release lacks the code).
fn paired<'g, 'r, R>(
    guides: &[&'g Guide],
    a: &'r BTreeMap<String, R>,
    b: &'r BTreeMap<String, R>,
) -> Vec<(&'g Guide, &'g String, Option<&'r R>, Option<&'r R>)> {
    guides
        .iter()
        .filter_map(|guide| {
            let soc = guide.codes.soc.as_ref()?;
            let (x, y) = (a.get(soc), b.get(soc));
            (x.is_some() || y.is_some()).then_some((*guide, soc, x, y))
        })
        .collect()
}

/// A [`Change`] of `figure` for `guide`, when its value changed.
fn change(
    guide: &Guide,
    soc: &str,
    figure: &str,
    old: Option<f64>,
    new: Option<f64>,
) -> Option<Change> {
    (old != new).then(|| Change {
        guide: name(guide),
        soc: soc.to_string(),
        figure: figure.to_string(),
        old,
        new,
    })
}

fn compare_wages(guides: &[&Guide], a: &oews::Wages, b: &oews::Wages) -> Vec<Change> {
    let mut changes = Vec::new();
    for (guide, soc, x, y) in paired(guides, &a.by_soc, &b.by_soc) {
        let mut push = |figure: &str, old: Option<f64>, new: Option<f64>| {
            changes.extend(change(guide, soc, figure, old, new));
        };
        let value = |r: Option<&oews::WageRecord>, f: Pick, hourly: bool| {
            r.and_then(|r| f(if hourly { &r.hourly } else { &r.annual }))
                .map(|w| w.value)
        };
        let figures: [(&str, Pick); 3] = [
            ("entry pay (10th percentile)", |p| p.p10),
            ("median pay", |p| p.median),
            ("top pay (90th percentile)", |p| p.p90),
        ];
        for (label, f) in figures {
            for hourly in [false, true] {
                // A figure one release has no column for is not a change.
                if !has(a, &|r| value(Some(r), f, hourly))
                    || !has(b, &|r| value(Some(r), f, hourly))
                {
                    continue;
                }
                // Hourly figures only for occupations paid by the hour.
                if hourly && (value(x, f, false).is_some() || value(y, f, false).is_some()) {
                    continue;
                }
                let period = if hourly { "per hour" } else { "per year" };
                push(
                    &format!("{label}, {period}"),
                    value(x, f, hourly),
                    value(y, f, hourly),
                );
            }
        }
        if has(a, &|r| r.employment) && has(b, &|r| r.employment) {
            push(
                "employment",
                x.and_then(|r| r.employment),
                y.and_then(|r| r.employment),
            );
        }
    }
    changes
}

fn compare_projections(
    guides: &[&Guide],
    a: &projections::Projections,
    b: &projections::Projections,
    site: &SiteConfig,
) -> (Vec<Change>, Vec<Flip>) {
    let label = |set: &projections::Projections, p: &projections::Projection| {
        let bands = set
            .dataset
            .period
            .and_then(|period| site.projections.period(&period));
        match (p.growth_percent, bands) {
            (Some(g), Some(bands)) if !bands.bands.is_empty() => Some(bands.label_for(g)),
            _ => p.label,
        }
    };
    let mut changes = Vec::new();
    let mut flips = Vec::new();
    for (guide, soc, x, y) in paired(guides, &a.by_soc, &b.by_soc) {
        let mut push = |figure: &str, old: Option<f64>, new: Option<f64>| {
            changes.extend(change(guide, soc, figure, old, new));
        };
        push(
            "projected growth (%)",
            x.and_then(|p| p.growth_percent),
            y.and_then(|p| p.growth_percent),
        );
        push(
            "employment",
            x.and_then(|p| p.employment),
            y.and_then(|p| p.employment),
        );
        push(
            "employment change",
            x.and_then(|p| p.employment_change),
            y.and_then(|p| p.employment_change),
        );
        if let (Some(x), Some(y)) = (x, y)
            && let (Some(old), Some(new)) = (label(a, x), label(b, y))
            && old != new
        {
            flips.push(Flip {
                guide: name(guide),
                soc: soc.clone(),
                old,
                new,
            });
        }
    }
    (changes, flips)
}

/// How to print the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    Markdown,
    Csv,
}

impl Diff {
    /// The report's rows as text cells: guide, SOC, figure, old, new, change, %.
    /// For CSV (`raw`), plain numbers and empty cells; else signs, `%` and `—`.
    fn rows(&self, raw: bool) -> Vec<[String; 7]> {
        let none = if raw { "" } else { "—" };
        self.changes
            .iter()
            .map(|c| {
                let change = match (c.old, c.new) {
                    (Some(o), Some(n)) if raw => plain(n - o),
                    (Some(o), Some(n)) => signed(n - o),
                    _ => none.to_string(),
                };
                let percent = c.percent().map_or(none.to_string(), |p| {
                    if raw {
                        format!("{p:.1}")
                    } else {
                        format!("{}{p:.1}%", if p > 0.0 { "+" } else { "" })
                    }
                });
                [
                    c.guide.clone(),
                    c.soc.clone(),
                    c.figure.clone(),
                    c.old.map_or(none.to_string(), plain),
                    c.new.map_or(none.to_string(), plain),
                    change,
                    percent,
                ]
            })
            .collect()
    }

    fn header(&self) -> [String; 7] {
        [
            "Guide".into(),
            "SOC".into(),
            "Figure".into(),
            self.old_release.clone(),
            self.new_release.clone(),
            "Change".into(),
            "Change %".into(),
        ]
    }

    /// The report in `format`.
    pub fn render(&self, format: Format) -> String {
        use std::fmt::Write;
        let header = self.header();
        let rows = self.rows(format == Format::Csv);
        let mut out = String::new();
        match format {
            Format::Csv => {
                let mut writer = csv::Writer::from_writer(Vec::new());
                let _ = writer.write_record(&header);
                for row in &rows {
                    let _ = writer.write_record(row);
                }
                for f in &self.flips {
                    let _ = writer.write_record([
                        f.guide.as_str(),
                        f.soc.as_str(),
                        "growth label",
                        f.old.label(),
                        f.new.label(),
                        "",
                        "",
                    ]);
                }
                let bytes = writer.into_inner().unwrap_or_default();
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
            Format::Markdown => {
                let _ = writeln!(
                    out,
                    "# Refresh report: {} → {}\n\n{} figures change across {} guides with a SOC code.\n",
                    self.old_release,
                    self.new_release,
                    self.changes.len(),
                    self.guides
                );
                let cells = |row: &[String; 7]| {
                    let escaped: Vec<String> = row.iter().map(|c| c.replace('|', "\\|")).collect();
                    format!("| {} |", escaped.join(" | "))
                };
                let _ = writeln!(out, "{}", cells(&header));
                let _ = writeln!(out, "|---|---|---|---:|---:|---:|---:|");
                for row in &rows {
                    let _ = writeln!(out, "{}", cells(row));
                }
                if !self.flips.is_empty() {
                    let _ = writeln!(out, "\n## Growth labels that change\n");
                    let _ = writeln!(
                        out,
                        "| Guide | SOC | {} | {} |\n|---|---|---|---|",
                        self.old_release, self.new_release
                    );
                    for f in &self.flips {
                        let _ = writeln!(
                            out,
                            "| {} | {} | {} | {} |",
                            f.guide,
                            f.soc,
                            f.old.label(),
                            f.new.label()
                        );
                    }
                }
            }
            Format::Table => {
                let mut widths = header.clone().map(|h| h.chars().count());
                for row in &rows {
                    for (w, c) in widths.iter_mut().zip(row) {
                        *w = (*w).max(c.chars().count());
                    }
                }
                let line = |row: &[String; 7]| {
                    row.iter()
                        .zip(widths)
                        .enumerate()
                        .map(|(i, (c, w))| {
                            let pad = w.saturating_sub(c.chars().count());
                            // Numbers line up on the right.
                            if i >= 3 {
                                format!("{}{c}", " ".repeat(pad))
                            } else {
                                format!("{c}{}", " ".repeat(pad))
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                let _ = writeln!(
                    out,
                    "{} → {}: {} figures change across {} guides with a SOC code",
                    self.old_release,
                    self.new_release,
                    self.changes.len(),
                    self.guides
                );
                if !rows.is_empty() {
                    let _ = writeln!(out, "{}", line(&header));
                    for row in &rows {
                        let _ = writeln!(out, "{}", line(row));
                    }
                }
                if !self.flips.is_empty() {
                    let _ = writeln!(out, "growth labels that change:");
                    for f in &self.flips {
                        let _ = writeln!(
                            out,
                            "  {} ({}): {} → {}",
                            f.guide,
                            f.soc,
                            f.old.label(),
                            f.new.label()
                        );
                    }
                }
            }
        }
        out
    }
}

/// `97550`, `46.9`.
fn plain(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value:.2}")
    }
}

fn signed(value: f64) -> String {
    if value > 0.0 {
        format!("+{}", plain(value))
    } else {
        plain(value)
    }
}
