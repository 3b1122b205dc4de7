//! Guides with a SOC code take their figures from the configured data:
//! pay from OEWS, outlook and entry requirements from the projections,
//! a summary from O*NET. Figures a guide gives itself win; one that
//! differs from the data is a warning naming both values and the dataset,
//! unless the guide cites a source of its own for it.

use crate::config::SiteConfig;
use crate::content::guide::{Guide, Outlook, PayPeriod, Salary, SalaryBasis, Source};
use crate::diagnostics::{Diagnostic, Position};

use super::Datasets;
use super::config::{Dataset, DatasetKind};
use super::oews::{Percentiles, WageRecord};
use super::projections::Projection;

/// Warning kinds, for the one-line-per-kind summary of a build.
pub mod kinds {
    /// A guide figure differs from the configured data.
    pub const DIFFERS: &str = "differs-from-data";
    /// A guide's SOC code is in none of the configured datasets.
    pub const UNKNOWN_SOC: &str = "soc-not-in-data";
}

/// Fills `guide` from `data`, returning warnings (and an error where a
/// required field is left empty). Guides without `codes.soc`, and sites
/// without data, are left as they are.
pub fn fill(guide: &mut Guide, data: &Datasets, config: &SiteConfig) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if data.is_empty() {
        return found;
    }
    let Some(soc) = guide.codes.soc.clone() else {
        if let Some(broader) = guide.codes.broader_soc.clone() {
            fill_beside(guide, &broader, data, config, &mut found);
        }
        return found;
    };
    if !data.knows(&soc) {
        let closest: Vec<String> = data
            .closest(&soc, 3)
            .into_iter()
            .map(|(code, title)| format!("{code} ({title})"))
            .collect();
        let mut warning = Diagnostic::warning(
            &guide.path,
            format!("expected a SOC code the configured data has, found {soc}"),
        )
        .with_field("codes.soc")
        .with_kind(kinds::UNKNOWN_SOC);
        if !closest.is_empty() {
            warning = warning.with_help(format!("closest codes: {}", closest.join(", ")));
        }
        found.push(place(guide, "codes.soc", warning));
    } else {
        let mut used: Vec<&Dataset> = Vec::new();
        if let Some(wages) = &data.wages
            && let Some(record) = wages.by_soc.get(&soc)
            && fill_salary(guide, record, &wages.dataset, &mut found)
        {
            used.push(&wages.dataset);
        }
        if let Some(projections) = &data.projections
            && let Some(projection) = projections.by_soc.get(&soc)
            && fill_outlook(guide, projection, &projections.dataset, config, &mut found)
        {
            used.push(&projections.dataset);
        }
        if guide.outlook.is_none()
            && let Some(wages) = &data.wages
            && let Some(employment) = wages.by_soc.get(&soc).and_then(|r| r.employment)
        {
            // Without projections, employment still comes from OEWS.
            guide.outlook = Some(Outlook {
                growth_percent: None,
                period: None,
                label: None,
                employment: Some(employment as i64),
                employment_change: None,
                annual_openings: None,
                source: Some(DatasetKind::Wages.source_id().to_string()),
            });
        }
        if let Some(states) = &data.state_wages
            && let Some(rows) = states.by_soc.get(&soc)
        {
            guide.state_pay = Some(rows.clone());
            used.push(&states.dataset);
        }
        if guide.summary.is_empty()
            && let Some(occupations) = &data.occupations
            && let Some(occupation) = occupations.for_soc(&soc)
        {
            guide.summary = first_sentence(&occupation.description);
            used.push(&occupations.dataset);
        }
        for dataset in used {
            add_source(guide, dataset);
        }
    }
    if guide.summary.is_empty() {
        let error = Diagnostic::error(
            &guide.path,
            format!("expected text of 1 to 320 characters, found nothing (the configured data has no description for {soc})"),
        )
        .with_field("summary")
        .with_help("write a summary, or configure `data.occupations` (O*NET) in config.yaml");
        found.push(place(guide, "", error));
    }
    if !guide.draft
        && let Some(warning) = crate::content::parse::incomplete_warning(
            &guide.path,
            guide.salary.is_some(),
            guide.outlook.is_some(),
            guide.requirements.education.is_some()
                || guide.requirements.experience.is_some()
                || guide.requirements.training.is_some()
                || !guide.requirements.skills.is_empty(),
        )
    {
        found.push(place(guide, "", warning));
    }
    found
}

/// Figures of a broader occupation's SOC code (`codes.broader_soc`),
/// shown beside a guide's own and never in their place.
#[derive(Debug, Clone, PartialEq)]
pub struct Beside {
    /// `Sales managers (BLS)`: the occupation's name as the guide gives
    /// it (`broader_title`), else its title as the Handbook writes it (else
    /// as OEWS does), and the publisher.
    pub label: String,
    pub soc: String,
    /// The OEWS median, in `period`.
    pub median: Option<f64>,
    pub period: PayPeriod,
    /// The median is a floor (`$239,200 or more`).
    pub top_coded: bool,
    pub as_of: Option<crate::content::guide::YearMonth>,
    /// The source id of the pay figures among the guide's sources.
    pub pay_source: Option<String>,
    /// Projected growth in percent, its label and period.
    pub growth_percent: Option<f64>,
    pub growth_label: Option<crate::content::guide::GrowthLabel>,
    pub growth_period: Option<crate::content::guide::ProjectionPeriod>,
    pub growth_source: Option<String>,
}

/// Fills `guide.beside` from `broader`'s data; a code the data lacks is a
/// warning, as for `codes.soc`.
fn fill_beside(
    guide: &mut Guide,
    broader: &str,
    data: &Datasets,
    config: &SiteConfig,
    found: &mut Vec<Diagnostic>,
) {
    if !data.knows(broader) {
        let closest: Vec<String> = data
            .closest(broader, 3)
            .into_iter()
            .map(|(code, title)| format!("{code} ({title})"))
            .collect();
        let mut warning = Diagnostic::warning(
            &guide.path,
            format!("expected a SOC code the configured data has, found {broader}"),
        )
        .with_field("codes.broader_soc")
        .with_kind(kinds::UNKNOWN_SOC);
        if !closest.is_empty() {
            warning = warning.with_help(format!("closest codes: {}", closest.join(", ")));
        }
        found.push(place(guide, "codes.broader_soc", warning));
        return;
    }
    let wages = data
        .wages
        .as_ref()
        .and_then(|w| Some((w.by_soc.get(broader)?, &w.dataset)));
    let projection = data
        .projections
        .as_ref()
        .and_then(|p| Some((p.by_soc.get(broader)?, &p.dataset)));
    let pay = wages.and_then(|(record, dataset)| {
        let (period, p) = wage_period(record)?;
        let median = p.median?;
        Some((period, median, dataset))
    });
    let title = guide
        .broader_title
        .clone()
        .or_else(|| projection.map(|(p, _)| p.title.clone()))
        .or_else(|| wages.map(|(r, _)| r.title.clone()))
        .unwrap_or_else(|| broader.to_string());
    let mut beside = Beside {
        label: beside_label(&title),
        soc: broader.to_string(),
        median: pay.map(|(_, m, _)| m.value),
        period: pay.map_or(PayPeriod::Year, |(period, _, _)| period),
        top_coded: pay.is_some_and(|(_, m, _)| m.top_coded),
        as_of: pay.and_then(|(_, _, d)| d.as_of),
        pay_source: None,
        growth_percent: projection.and_then(|(p, _)| p.growth_percent),
        growth_label: projection.and_then(|(p, d)| {
            let bands = d
                .period
                .and_then(|period| config.projections.period(&period));
            match (p.growth_percent, bands) {
                (Some(g), Some(bands)) if !bands.bands.is_empty() => Some(bands.label_for(g)),
                _ => p.label,
            }
        }),
        growth_period: projection.and_then(|(_, d)| d.period),
        growth_source: None,
    };
    if let Some((_, _, dataset)) = pay {
        beside.pay_source = Some(dataset.kind.source_id().to_string());
        add_source(guide, dataset);
    }
    if let Some((_, dataset)) = projection.filter(|(p, _)| p.growth_percent.is_some()) {
        beside.growth_source = Some(dataset.kind.source_id().to_string());
        add_source(guide, dataset);
    }
    guide.beside = Some(beside);
}

/// `Sales managers (BLS)`: the broader occupation's name and the publisher
/// of its figures.
pub fn beside_label(title: &str) -> String {
    format!("{title} (BLS)")
}

/// Places `diagnostic` where `field` is written (the front matter's start
/// for an absent field).
fn place(guide: &Guide, field: &str, diagnostic: Diagnostic) -> Diagnostic {
    let position = if field.is_empty() {
        None
    } else {
        guide.anchor(field)
    };
    diagnostic.at_position(
        position
            .unwrap_or_else(|| Position::new(guide.front_matter_line.saturating_sub(1).max(1), 1)),
    )
}

/// The first sentence of an O*NET description, as a starting summary.
pub fn first_sentence(text: &str) -> String {
    let end = text
        .match_indices(". ")
        .map(|(at, _)| at + 1)
        .find(|&at| at >= 40)
        .unwrap_or(text.len());
    let sentence = text[..end].trim();
    if sentence.chars().count() <= 320 {
        return sentence.to_string();
    }
    // Cut at a word before the limit.
    let cut: String = sentence.chars().take(317).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..at])
}

/// Adds the dataset to the guide's sources, unless an entry of that id is
/// already there.
fn add_source(guide: &mut Guide, dataset: &Dataset) {
    let id = dataset.kind.source_id();
    if guide.sources.iter().any(|s| s.id == id) {
        return;
    }
    guide.sources.push(Source {
        id: id.to_string(),
        name: source_name(dataset),
        url: dataset.url.clone(),
        accessed: None,
        license: dataset.license.clone(),
        dataset: Some(dataset.kind),
    });
}

/// A dataset's entry among a guide's sources: its citation, without the
/// closing full stop.
fn source_name(dataset: &Dataset) -> String {
    dataset.citation.trim_end_matches('.').to_string()
}

/// Names the sources `sources` took from data as `data` names them: a
/// translation takes its sources from the default language's guide, and
/// its pages cite the data in their own language (`data` being the
/// language's, [`crate::data::DataConfig::localize`]).
pub fn relabel_sources(sources: &mut [Source], data: &crate::data::DataConfig) {
    for source in sources {
        if let Some(dataset) = source.dataset.and_then(|kind| data.get(kind)) {
            source.name = source_name(dataset);
            source.license.clone_from(&dataset.license);
        }
    }
}

/// The figures of the period a guide shows: yearly where BLS publishes
/// them, hourly for occupations paid by the hour only.
fn wage_period(record: &WageRecord) -> Option<(PayPeriod, &Percentiles)> {
    if !record.annual.is_empty() {
        Some((PayPeriod::Year, &record.annual))
    } else if !record.hourly.is_empty() {
        Some((PayPeriod::Hour, &record.hourly))
    } else {
        None
    }
}

/// Salary from OEWS; `true` when the guide shows data figures.
fn fill_salary(
    guide: &mut Guide,
    record: &WageRecord,
    dataset: &Dataset,
    found: &mut Vec<Diagnostic>,
) -> bool {
    let given = guide.salary.as_ref().is_some_and(|s| {
        [s.entry, s.p25, s.median, s.p75, s.top]
            .iter()
            .any(Option::is_some)
    });
    if given {
        if let Some(salary) = &guide.salary
            && salary.source.is_none()
        {
            let percentiles = match salary.period {
                PayPeriod::Year => Some(&record.annual),
                PayPeriod::Hour => Some(&record.hourly),
                _ => None,
            };
            if let Some(p) = percentiles {
                let pairs = [
                    (
                        "entry",
                        salary.entry,
                        p.p10,
                        salary.basis == SalaryBasis::Percentile,
                    ),
                    ("median", salary.median, p.median, true),
                    (
                        "top",
                        salary.top,
                        p.p90,
                        salary.basis == SalaryBasis::Percentile,
                    ),
                ];
                for (name, ours, theirs, comparable) in pairs {
                    if let (Some(ours), Some(theirs), true) = (ours, theirs, comparable)
                        && differs(ours, theirs.value)
                    {
                        let field = format!("salary.{name}");
                        found.push(differ(guide, &field, ours, theirs.value, dataset));
                    }
                }
            }
        }
        return false;
    }
    let Some((period, p)) = wage_period(record) else {
        return false;
    };
    // A top-coded percentile below the 90th says only "at least": the
    // figures from it up cannot be shown as amounts.
    let first_top_coded = p.all().iter().position(|w| w.is_some_and(|w| w.top_coded));
    let figure = |i: usize| -> Option<f64> {
        match first_top_coded {
            Some(t) if i >= t && i < 4 => None,
            _ => p.all()[i].map(|w| w.value),
        }
    };
    let top_coded = first_top_coded.is_some();
    let top = if top_coded {
        Some(match period {
            PayPeriod::Hour => super::oews::TOP_CODE_HOURLY,
            _ => super::oews::TOP_CODE_ANNUAL,
        })
    } else {
        figure(4)
    };
    let currency = guide
        .salary
        .as_ref()
        .map_or_else(|| "USD".to_string(), |s| s.currency.clone());
    guide.salary = Some(Salary {
        currency,
        period,
        entry: figure(0),
        p25: figure(1),
        median: figure(2),
        p75: figure(3),
        top,
        basis: SalaryBasis::Percentile,
        top_coded,
        as_of: dataset.as_of,
        source: Some(dataset.kind.source_id().to_string()),
    });
    true
}

/// Outlook and requirements from the projections; `true` when the guide
/// shows data figures.
fn fill_outlook(
    guide: &mut Guide,
    projection: &Projection,
    dataset: &Dataset,
    config: &SiteConfig,
    found: &mut Vec<Diagnostic>,
) -> bool {
    let mut used = false;
    let given = guide
        .outlook
        .as_ref()
        .is_some_and(|o| o.growth_percent.is_some() || o.employment.is_some());
    match &guide.outlook {
        // The guide's own figures, without a source of their own.
        Some(outlook) if given && outlook.source.is_none() => {
            let pairs = [
                (
                    "growth_percent",
                    outlook.growth_percent,
                    projection.growth_percent,
                ),
                (
                    "employment",
                    outlook.employment.map(|e| e as f64),
                    projection.employment,
                ),
                (
                    "employment_change",
                    outlook.employment_change.map(|e| e as f64),
                    projection.employment_change,
                ),
            ];
            for (name, ours, theirs) in pairs {
                if let (Some(ours), Some(theirs)) = (ours, theirs)
                    && differs(ours, theirs)
                {
                    let field = format!("outlook.{name}");
                    found.push(differ(guide, &field, ours, theirs, dataset));
                }
            }
        }
        _ if given => {}
        _ if projection.growth_percent.is_some() || projection.employment.is_some() => {
            let period = dataset.period;
            let bands = period.and_then(|p| config.projections.period(&p));
            let label = match (projection.growth_percent, bands) {
                (Some(g), Some(bands)) if !bands.bands.is_empty() => Some(bands.label_for(g)),
                _ => projection.label,
            };
            guide.outlook = Some(Outlook {
                growth_percent: projection.growth_percent,
                period,
                label,
                employment: projection.employment.map(|e| e as i64),
                employment_change: projection.employment_change.map(|e| e as i64),
                annual_openings: guide.outlook.as_ref().and_then(|o| o.annual_openings),
                source: Some(dataset.kind.source_id().to_string()),
            });
            used = true;
        }
        _ => {}
    }
    let requirements = &mut guide.requirements;
    // Marked as the data's only when the guide states none of them itself.
    let stated_any = requirements.education.is_some()
        || requirements.experience.is_some()
        || requirements.training.is_some();
    let mut taken = false;
    let mut stated = Vec::new();
    // `theirs` is the data's value; `key` names a value as YAML writes it.
    macro_rules! take {
        ($field:ident, $name:literal, $theirs:expr, $key:expr) => {
            match (requirements.$field, $theirs) {
                (None, Some(value)) => {
                    requirements.$field = Some(value);
                    used = true;
                    taken = true;
                }
                (Some(ours), Some(theirs)) if ours != theirs => {
                    stated.push(($name, $key(ours), $key(theirs)));
                }
                _ => {}
            }
        };
    }
    // The data's U.S. level, as the site's list names it; a level the
    // site's list does not map is left out.
    let levels = &config.education_levels;
    let education = projection.education.and_then(|e| levels.from_bls(e));
    take!(education, "education", education, |e| levels.key(e));
    take!(
        experience,
        "experience",
        projection.experience,
        crate::content::guide::Experience::name
    );
    take!(
        training,
        "training",
        projection.training,
        crate::content::guide::Training::name
    );
    if taken && !stated_any {
        requirements.source = Some(dataset.kind.source_id().to_string());
    }
    // Requirements have no `source` of their own: a guide listing sources
    // is taken to cite them.
    if guide.sources.is_empty() {
        for (name, ours, theirs) in stated {
            let field = format!("requirements.{name}");
            let warning = Diagnostic::warning(
                &guide.path,
                format!(
                    "the guide gives `{ours}`, {} ({}) gives `{theirs}`",
                    dataset.name, dataset.file
                ),
            )
            .with_field(field.as_str())
            .with_help(
                "remove the guide's value to take the data's, or cite the source it comes from",
            )
            .with_kind(kinds::DIFFERS);
            found.push(place(guide, &field, warning));
        }
    }
    used
}

/// Whether two figures differ beyond rounding to a whole unit (cents for
/// hourly figures below 1,000).
fn differs(ours: f64, theirs: f64) -> bool {
    let scale = if ours.abs() < 1000.0 { 100.0 } else { 1.0 };
    (ours * scale).round() != (theirs * scale).round()
}

fn differ(guide: &Guide, field: &str, ours: f64, theirs: f64, dataset: &Dataset) -> Diagnostic {
    let warning = Diagnostic::warning(
        &guide.path,
        format!(
            "the guide gives {}, {} ({}) gives {}",
            number(ours),
            dataset.name,
            dataset.file,
            number(theirs)
        ),
    )
    .with_field(field)
    .with_help("remove the guide's figure to take the data's, or name the source it comes from with `source:`")
    .with_kind(kinds::DIFFERS);
    place(guide, field, warning)
}

/// `148270`, `46.9`: as written in YAML.
fn number(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_take_the_first_sentence() {
        let text = "Register, track, and direct the nursing care of patients. Assess needs.";
        assert_eq!(
            first_sentence(text),
            "Register, track, and direct the nursing care of patients."
        );
        assert_eq!(first_sentence("Short."), "Short.");
    }

    #[test]
    fn rounding_is_not_a_difference() {
        assert!(!differs(97550.0, 97550.4));
        assert!(differs(97550.0, 97560.0));
        assert!(!differs(46.9, 46.90));
        assert!(differs(46.9, 46.95));
    }
}
