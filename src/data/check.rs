//! `careergen data check`: how a site's guides stand against its data —
//! which have no SOC code, which codes the data lacks, which guide figures
//! differ from it — and how old each dataset is.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use super::{Datasets, fill};
use crate::diagnostics::Diagnostic;
use crate::site::{self, BuildOptions};

/// What `data check` found.
#[derive(Debug, Serialize)]
pub struct Report {
    pub datasets: Vec<DatasetAge>,
    /// Guides without `codes.soc`, by file.
    pub without_soc: Vec<String>,
    /// Guides whose code no dataset has.
    pub unknown_codes: Vec<UnknownCode>,
    /// Guide figures that differ from the data (the warnings of a build).
    pub differences: Vec<Difference>,
    /// Errors that kept the site or its data from loading.
    pub errors: Vec<Diagnostic>,
}

/// One configured dataset and how old its release is.
#[derive(Debug, Serialize)]
pub struct DatasetAge {
    /// The key under `data:` (`wages`).
    pub kind: &'static str,
    pub file: String,
    pub release: String,
    /// Whole months from the release month (or the projections' base year's
    /// start) to today; none where the release has no date (O*NET).
    pub age_months: Option<i64>,
    /// How many SOC codes the file has.
    pub codes: usize,
}

#[derive(Debug, Serialize)]
pub struct UnknownCode {
    pub guide: String,
    pub soc: String,
    /// The closest codes the data has, with titles.
    pub closest: Vec<(String, String)>,
}

#[derive(Debug, Serialize)]
pub struct Difference {
    pub guide: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

/// Loads the site and its data as a build does and reports on them.
pub fn run(root: &Path, drafts: bool, today: NaiveDate) -> Report {
    let mut report = Report {
        datasets: Vec::new(),
        without_soc: Vec::new(),
        unknown_codes: Vec::new(),
        differences: Vec::new(),
        errors: Vec::new(),
    };
    let mut options = BuildOptions::new(root);
    options.drafts = drafts;
    options.today = today;
    let (config, diagnostics) = match site::load_config(&options) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report.errors = errors;
            return report;
        }
    };
    report.errors.extend(diagnostics);
    let (loaded, (data, data_errors)) = rayon::join(
        || crate::content::load::load(root, &config, drafts, today),
        || super::load(root, &config.data),
    );
    report.errors.extend(data_errors);
    report
        .errors
        .extend(loaded.diagnostics.into_iter().filter(Diagnostic::is_error));
    report.datasets = ages(&config.data, &data, today);
    let mut guides = loaded.guides;
    let found: Vec<Vec<Diagnostic>> = guides
        .par_iter_mut()
        .map(|guide| fill::fill(guide, &data, &config))
        .collect();
    for (guide, found) in guides.iter().zip(found) {
        let name = guide.path.to_string_lossy().replace('\\', "/");
        match &guide.codes.soc {
            None => report.without_soc.push(name.clone()),
            Some(soc) if !data.knows(soc) && !data.is_empty() => {
                report.unknown_codes.push(UnknownCode {
                    guide: name.clone(),
                    soc: soc.clone(),
                    closest: data.closest(soc, 3),
                })
            }
            Some(_) => {}
        }
        for d in found {
            if d.kind == Some(fill::kinds::DIFFERS) {
                report.differences.push(Difference {
                    guide: name.clone(),
                    line: d.position.map(|p| p.line),
                    field: d.field.clone(),
                    message: d.message.clone(),
                });
            }
        }
    }
    report
}

fn ages(config: &super::DataConfig, data: &Datasets, today: NaiveDate) -> Vec<DatasetAge> {
    let months = |year: i32, month: u32| {
        (today.year() - year) as i64 * 12 + today.month() as i64 - month as i64
    };
    config
        .datasets()
        .map(|d| {
            let age_months = match (d.as_of, d.period) {
                (Some(ym), _) => Some(months(ym.year, ym.month.unwrap_or(1))),
                (None, Some(p)) => Some(months(p.start, 1)),
                _ => None,
            };
            let codes = match d.kind {
                super::DatasetKind::Wages => data.wages.as_ref().map(|w| w.by_soc.len()),
                super::DatasetKind::StateWages => data.state_wages.as_ref().map(|w| w.by_soc.len()),
                super::DatasetKind::Projections => {
                    data.projections.as_ref().map(|p| p.by_soc.len())
                }
                super::DatasetKind::Occupations => {
                    data.occupations.as_ref().map(|o| o.by_soc.len())
                }
            };
            DatasetAge {
                kind: d.kind.key(),
                file: d.file.clone(),
                release: d.release.clone(),
                age_months,
                codes: codes.unwrap_or(0),
            }
        })
        .collect()
}

impl Report {
    /// The report as people read it.
    pub fn human(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        if self.datasets.is_empty() {
            out.push_str(
                "datasets: none configured (add `data:` to config.yaml; see docs/data.md)\n",
            );
        } else {
            out.push_str("datasets:\n");
            for d in &self.datasets {
                let age = d
                    .age_months
                    .map_or(String::new(), |m| format!(", {} old", months_text(m)));
                let _ = writeln!(
                    out,
                    "  {:<12} {} — {}{age}, {} codes",
                    d.kind, d.file, d.release, d.codes
                );
            }
        }
        let _ = writeln!(out, "guides without a SOC code: {}", self.without_soc.len());
        for g in &self.without_soc {
            let _ = writeln!(out, "  {g}");
        }
        let _ = writeln!(
            out,
            "SOC codes not in the data: {}",
            self.unknown_codes.len()
        );
        for u in &self.unknown_codes {
            let closest: Vec<String> = u
                .closest
                .iter()
                .map(|(c, t)| format!("{c} ({t})"))
                .collect();
            let _ = writeln!(
                out,
                "  {}: {} — closest: {}",
                u.guide,
                u.soc,
                closest.join(", ")
            );
        }
        let _ = writeln!(
            out,
            "guide figures that differ from the data: {}",
            self.differences.len()
        );
        for d in &self.differences {
            let line = d.line.map_or(String::new(), |l| format!(":{l}"));
            let field = d
                .field
                .as_deref()
                .map_or(String::new(), |f| format!("{f}: "));
            let _ = writeln!(out, "  {}{line}: {field}{}", d.guide, d.message);
        }
        out
    }
}

/// `1 year 3 months`, `5 months`.
fn months_text(months: i64) -> String {
    let (years, rest) = (months / 12, months % 12);
    let unit = |n: i64, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (years, rest) {
        (0, m) => unit(m, "month"),
        (y, 0) => unit(y, "year"),
        (y, m) => format!("{} {}", unit(y, "year"), unit(m, "month")),
    }
}
