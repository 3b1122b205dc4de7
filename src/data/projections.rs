//! Employment projections: the Occupational Outlook Handbook profiles
//! (`soc_code, growth_percent, entry_education, …`), one row per profile.

use std::collections::BTreeMap;
use std::path::Path;

use super::config::Dataset;
use super::table::{Column, Header, Row, Sheet, is_soc_code};
use crate::content::guide::{Education, Experience, GrowthLabel, Training};
use crate::diagnostics::Diagnostic;

/// One occupation's projection and entry requirements.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub title: String,
    /// Employment in the base year.
    pub employment: Option<f64>,
    /// Projected change over the period, in percent.
    pub growth_percent: Option<f64>,
    /// The publisher's own label for the growth, where it gives one.
    pub label: Option<GrowthLabel>,
    pub employment_change: Option<f64>,
    pub education: Option<Education>,
    pub experience: Option<Experience>,
    pub training: Option<Training>,
    /// The profile's page, where the file links one.
    pub url: Option<String>,
    pub line: u64,
}

/// Projections by SOC code.
#[derive(Debug, Clone)]
pub struct Projections {
    pub dataset: Dataset,
    pub by_soc: BTreeMap<String, Projection>,
}

/// What the Handbook writes where it gives no single value.
const SEE_HOW_TO_BECOME_ONE: &str = "See How to Become One";

/// Maps the publisher's wording to an enum by its label; "See How to
/// Become One" is `varies`; empty is none.
fn wording<T: Copy>(
    header: &Header,
    row: &Row<'_>,
    column: Option<Column>,
    all: &[T],
    label: fn(T) -> &'static str,
    varies: T,
) -> Result<Option<T>, Diagnostic> {
    let Some(column) = column else {
        return Ok(None);
    };
    let text = row.text(column);
    if text.is_empty() || text == "-" || text == "—" {
        return Ok(None);
    }
    if text.eq_ignore_ascii_case(SEE_HOW_TO_BECOME_ONE) {
        return Ok(Some(varies));
    }
    match all.iter().find(|v| label(**v).eq_ignore_ascii_case(text)) {
        Some(v) => Ok(Some(*v)),
        None => {
            let known: Vec<&str> = all.iter().map(|v| label(*v)).collect();
            Err(header.bad_cell(row, column, &format!("one of {}", known.join(" · "))))
        }
    }
}

/// Where a layout keeps each figure.
struct Columns {
    soc: Column,
    title: Column,
    growth: Column,
    employment: Option<Column>,
    change: Option<Column>,
    label: Option<Column>,
    education: Option<Column>,
    experience: Option<Column>,
    training: Option<Column>,
    url: Option<Column>,
    /// Employment and its change are in thousands (the EP table).
    thousands: bool,
}

/// The code column of the Employment Projections program's occupation
/// table (`2024 National Employment Matrix code`), which tells that layout.
const EP_CODE: &str = "National Employment Matrix code";

/// The columns of either layout: the Handbook profiles of `shared/data`
/// (`soc_code, title, growth_percent, …`) or the Employment Projections
/// program's occupation table (Table 1.2 of its `occupation.xlsx`, or a
/// CSV of it): `2024 National Employment Matrix title`, `… code`,
/// `Employment, 2024`, `Employment change, numeric, 2024–34`,
/// `Employment change, percent, 2024–34`, `Typical education needed for
/// entry`, `Work experience in a related occupation`, `Typical on-the-job
/// training needed to attain competency in the occupation`; its numbers of
/// workers are in thousands.
fn columns(header: &Header, dataset: &Dataset) -> Result<Columns, Diagnostic> {
    let ends = |suffix: &str| header.find_by(|name| ends_with_ignore_case(name, suffix));
    let starts = |prefix: &str| header.find_by(|name| starts_with_ignore_case(name, prefix));
    if let Some(soc) = ends(EP_CODE) {
        let title = ends("National Employment Matrix title")
            .ok_or_else(|| missing(header, "2024 National Employment Matrix title"))?;
        let growth = starts("Employment change, percent")
            .ok_or_else(|| missing(header, "Employment change, percent, 2024–34"))?;
        // The base year's column comes before the projected year's.
        let employment = header.find_by(|name| {
            starts_with_ignore_case(name, "Employment, ")
                && name["Employment, ".len()..]
                    .trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        });
        return Ok(Columns {
            soc,
            title,
            growth,
            employment,
            change: starts("Employment change, numeric"),
            label: None,
            education: starts("Typical education needed for entry"),
            experience: starts("Work experience in a related occupation"),
            training: starts("Typical on-the-job training"),
            url: None,
            thousands: true,
        });
    }
    let base_year = dataset.period.map_or(0, |p| p.start);
    let employment_name = format!("employment_{base_year}");
    Ok(Columns {
        soc: header.require(&["soc_code"])?,
        title: header.require(&["title"])?,
        growth: header.require(&["growth_percent"])?,
        employment: header.find(&[employment_name.as_str(), "employment"]),
        change: header.find(&["employment_change"]),
        label: header.find(&["outlook_label"]),
        education: header.find(&["entry_education"]),
        experience: header.find(&["work_experience"]),
        training: header.find(&["on_the_job_training"]),
        url: header.find(&["ooh_url", "url"]),
        thousands: false,
    })
}

fn missing(header: &Header, name: &str) -> Diagnostic {
    header.require(&[name]).err().unwrap_or_else(|| {
        Diagnostic::error(&header.display, format!("expected a column `{name}`"))
    })
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

/// Reads the projections file of `dataset`.
pub fn read(root: &Path, dataset: &Dataset) -> Result<Projections, Vec<Diagnostic>> {
    let Sheet { header, mut rows } = Sheet::open(root, &dataset.file).map_err(|d| vec![d])?;
    let Columns {
        soc,
        title,
        growth,
        employment,
        change,
        label,
        education,
        experience,
        training,
        url,
        thousands,
    } = columns(&header, dataset).map_err(|d| vec![d])?;
    let scale = if thousands { 1000.0 } else { 1.0 };
    let mut by_soc: BTreeMap<String, Projection> = BTreeMap::new();
    let mut errors = Vec::new();
    let result = rows.for_each_row(&header, |row| {
        let code = row.text(soc);
        // A profile spanning several SOC codes has none of its own.
        if code.is_empty() {
            return;
        }
        if !is_soc_code(code) {
            errors.push(header.bad_cell(&row, soc, "a SOC code such as `29-1141`"));
            return;
        }
        let read = || -> Result<Projection, Diagnostic> {
            // Whole workers: the EP table's thousands with one decimal.
            let count = |c: Option<Column>| {
                c.map_or(Ok(None), |c| {
                    Ok(header.signed(&row, c)?.map(|v| (v * scale).round()))
                })
            };
            Ok(Projection {
                title: row.text(title).to_string(),
                employment: count(employment)?,
                growth_percent: header.signed(&row, growth)?,
                label: wording(
                    &header,
                    &row,
                    label,
                    GrowthLabel::ALL,
                    GrowthLabel::label,
                    GrowthLabel::LittleOrNoChange,
                )
                .ok()
                .flatten(),
                employment_change: count(change)?,
                education: wording(
                    &header,
                    &row,
                    education,
                    Education::ALL,
                    Education::label,
                    Education::Varies,
                )?,
                experience: wording(
                    &header,
                    &row,
                    experience,
                    Experience::ALL,
                    Experience::label,
                    Experience::Varies,
                )?,
                training: wording(
                    &header,
                    &row,
                    training,
                    Training::ALL,
                    Training::label,
                    Training::Varies,
                )?,
                url: url
                    .map(|c| row.text(c).to_string())
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                line: row.line,
            })
        };
        match read() {
            Ok(projection) => match by_soc.get(code) {
                Some(first) => errors.push(
                    Diagnostic::error(
                        &header.display,
                        format!(
                            "expected each SOC code once, found {code} again (first on line {})",
                            first.line
                        ),
                    )
                    .at_position(crate::diagnostics::Position::new(
                        row.line as usize,
                        soc.index + 1,
                    )),
                ),
                None => {
                    by_soc.insert(code.to_string(), projection);
                }
            },
            Err(d) => errors.push(d),
        }
    });
    if let Err(d) = result {
        errors.push(d);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Projections {
        dataset: dataset.clone(),
        by_soc,
    })
}
