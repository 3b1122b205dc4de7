//! Official data by SOC code: the BLS wage and projection files and the
//! O*NET occupation list a site names under `data:` in `config.yaml`,
//! read once per build and indexed by SOC code, and the figures guides
//! take from them.
//!
//! One file per concern: [`config`] (which files, which release),
//! [`table`] (CSV/TSV/XLSX rows with located errors), [`oews`],
//! [`projections`] and [`onet`] (the layouts), [`fill`] (guides take
//! their figures), [`diff`] (what changes between two releases).

pub mod check;
pub mod config;
pub mod diff;
pub mod draft;
pub mod fill;
pub mod oews;
pub mod onet;
pub mod projections;
pub mod states;
pub mod table;

use std::path::Path;

use crate::diagnostics::Diagnostic;
pub use config::{DataConfig, Dataset, DatasetKind};

/// The folder data files are kept in by convention; `serve` rebuilds the
/// site when a file in it changes.
pub const DATA_DIR: &str = "data";

/// Every configured dataset, read and indexed by SOC code.
#[derive(Debug, Clone, Default)]
pub struct Datasets {
    pub wages: Option<oews::Wages>,
    pub state_wages: Option<oews::StateWages>,
    pub projections: Option<projections::Projections>,
    pub occupations: Option<onet::Occupations>,
    /// Every known code with its title, sorted, made on the first
    /// [`Datasets::closest`].
    known: std::sync::OnceLock<Vec<(String, String)>>,
}

impl Datasets {
    /// Whether no dataset is loaded.
    pub fn is_empty(&self) -> bool {
        self.wages.is_none()
            && self.state_wages.is_none()
            && self.projections.is_none()
            && self.occupations.is_none()
    }

    /// Whether any dataset has `soc`.
    pub fn knows(&self, soc: &str) -> bool {
        self.wages
            .as_ref()
            .is_some_and(|w| w.by_soc.contains_key(soc))
            || self
                .projections
                .as_ref()
                .is_some_and(|p| p.by_soc.contains_key(soc))
            || self
                .occupations
                .as_ref()
                .is_some_and(|o| o.by_soc.contains_key(soc))
    }

    /// The codes closest to `soc` with their titles: those sharing the
    /// longest prefix, nearest in number first. For "did you mean".
    pub fn closest(&self, soc: &str, count: usize) -> Vec<(String, String)> {
        let known = self.known.get_or_init(|| self.known_codes());
        let number = |c: &str| c.replace('-', "").parse::<i64>().unwrap_or(0);
        let target = number(soc);
        // The nearest codes in number lie around where `soc` would sort.
        let at = known.partition_point(|(c, _)| c.as_str() < soc);
        let window = &known[at.saturating_sub(8)..(at + 8).min(known.len())];
        let shared = |c: &str| {
            c.bytes()
                .zip(soc.bytes())
                .take_while(|(a, b)| a == b)
                .count()
        };
        let mut near: Vec<&(String, String)> = window.iter().collect();
        near.sort_by_key(|(c, _)| (std::cmp::Reverse(shared(c)), (number(c) - target).abs()));
        near.into_iter().take(count).cloned().collect()
    }

    /// Every occupation code of the datasets with a title, sorted; group
    /// totals (`29-0000`, `29-1000`) left out.
    fn known_codes(&self) -> Vec<(String, String)> {
        let mut known: Vec<(&str, &str)> = Vec::new();
        if let Some(w) = &self.wages {
            known.extend(w.by_soc.iter().map(|(c, r)| (c.as_str(), r.title.as_str())));
        }
        if let Some(p) = &self.projections {
            known.extend(p.by_soc.iter().map(|(c, r)| (c.as_str(), r.title.as_str())));
        }
        if let Some(o) = &self.occupations {
            known.extend(
                o.by_soc.iter().filter_map(|(c, code)| {
                    Some((c.as_str(), o.by_code.get(code)?.title.as_str()))
                }),
            );
        }
        known.retain(|(c, _)| !c.ends_with("00"));
        known.sort();
        known.dedup_by(|a, b| a.0 == b.0);
        known
            .into_iter()
            .map(|(c, t)| (c.to_string(), t.to_string()))
            .collect()
    }
}

/// Reads every dataset `config` names, in parallel, relative to `root`.
/// Each file's errors are located by file, line and column; a file in
/// error is left out and the others still load.
pub fn load(root: &Path, config: &DataConfig) -> (Datasets, Vec<Diagnostic>) {
    fn take<T>(
        result: Option<Result<T, Vec<Diagnostic>>>,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<T> {
        match result? {
            Ok(value) => Some(value),
            Err(found) => {
                errors.extend(limit(found));
                None
            }
        }
    }
    use crate::timings::work;
    let ((wages, state_wages), (projections, occupations)) = rayon::join(
        || {
            rayon::join(
                || {
                    work("read data: wages", || {
                        config.wages.as_ref().map(|d| oews::read_national(root, d))
                    })
                },
                || {
                    work("read data: state wages", || {
                        config
                            .state_wages
                            .as_ref()
                            .map(|d| oews::read_states(root, d))
                    })
                },
            )
        },
        || {
            rayon::join(
                || {
                    work("read data: projections", || {
                        config
                            .projections
                            .as_ref()
                            .map(|d| projections::read(root, d))
                    })
                },
                || {
                    work("read data: occupations", || {
                        config.occupations.as_ref().map(|d| onet::read(root, d))
                    })
                },
            )
        },
    );
    let mut errors = Vec::new();
    let datasets = Datasets {
        wages: take(wages, &mut errors),
        state_wages: take(state_wages, &mut errors),
        projections: take(projections, &mut errors),
        occupations: take(occupations, &mut errors),
        known: Default::default(),
    };
    (datasets, errors)
}

/// Fills every guide from `data` ([`fill::fill`]), in parallel.
pub fn fill_all(
    guides: &mut [crate::content::guide::Guide],
    data: &Datasets,
    config: &crate::config::SiteConfig,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    if data.is_empty() {
        return Vec::new();
    }
    guides
        .par_iter_mut()
        .flat_map_iter(|guide| fill::fill(guide, data, config))
        .collect()
}

/// The most errors reported for one data file: past it a wrong file (a
/// different layout, say) would bury the first, most useful ones.
const MAX_ERRORS_PER_FILE: usize = 50;

fn limit(mut errors: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if errors.len() > MAX_ERRORS_PER_FILE {
        let more = errors.len() - MAX_ERRORS_PER_FILE;
        let path = errors[0].path.clone();
        errors.truncate(MAX_ERRORS_PER_FILE);
        errors.push(Diagnostic::error(
            path,
            format!("{more} more errors in this file are not shown"),
        ));
    }
    errors
}
