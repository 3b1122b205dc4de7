//! OEWS wage files: the national and the state estimates, in the layout of
//! the shared CSVs (`soc_code, annual_median, …`) and in the layout BLS
//! publishes for download (`OCC_CODE, A_MEDIAN, …`, with `*`, `**` and `#`).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::config::Dataset;
use super::states::{self, State};
use super::table::{Cell, Column, Header, Row, Sheet, is_soc_code};
use crate::diagnostics::{Diagnostic, Position};

/// BLS top-codes wages at $115.00 an hour, $239,200 a year: a figure
/// marked top-coded is at least this much.
pub const TOP_CODE_ANNUAL: f64 = 239_200.0;
/// See [`TOP_CODE_ANNUAL`].
pub const TOP_CODE_HOURLY: f64 = 115.0;

/// One wage figure: its value, and whether that is only a lower bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wage {
    pub value: f64,
    pub top_coded: bool,
}

/// The 10th, 25th, 50th, 75th and 90th percentile wages of one period.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Percentiles {
    pub p10: Option<Wage>,
    pub p25: Option<Wage>,
    pub median: Option<Wage>,
    pub p75: Option<Wage>,
    pub p90: Option<Wage>,
}

impl Percentiles {
    /// The five figures in order.
    pub fn all(&self) -> [Option<Wage>; 5] {
        [self.p10, self.p25, self.median, self.p75, self.p90]
    }

    pub fn is_empty(&self) -> bool {
        self.all().iter().all(Option::is_none)
    }
}

/// One occupation's estimates in one area.
#[derive(Debug, Clone, PartialEq)]
pub struct WageRecord {
    /// The occupation's title (empty in state rows: the national file names it).
    pub title: String,
    /// Employment, rounded by BLS to the nearest ten.
    pub employment: Option<f64>,
    pub annual: Percentiles,
    pub hourly: Percentiles,
    /// The row it came from, for messages.
    pub line: u64,
}

/// National wages by SOC code.
#[derive(Debug, Clone)]
pub struct Wages {
    pub dataset: Dataset,
    pub by_soc: BTreeMap<String, WageRecord>,
}

/// One occupation's rows in the state file, by area name, shared by the
/// guides that show them.
pub type StateRows = std::sync::Arc<[(&'static State, WageRecord)]>;

/// State wages: for each SOC code, the areas that have a row for it.
#[derive(Debug, Clone)]
pub struct StateWages {
    pub dataset: Dataset,
    pub by_soc: HashMap<String, StateRows>,
}

/// The columns of either layout.
struct Columns {
    soc: Column,
    title: Column,
    employment: Option<Column>,
    annual: [Option<Column>; 5],
    hourly: [Option<Column>; 5],
    /// Shared national layout: `footnote_codes` (5 = top-coded).
    footnotes: Option<Column>,
    /// Shared state layout: `fn_annual_median`, `fn_hourly_median`.
    fn_annual_median: Option<Column>,
    fn_hourly_median: Option<Column>,
    /// BLS all-data files mix industries and areas: keep cross-industry rows.
    industry_group: Option<Column>,
    area_type: Option<Column>,
}

const ANNUAL: [&[&str]; 5] = [
    &["annual_p10", "A_PCT10"],
    &["annual_p25", "A_PCT25"],
    &["annual_median", "A_MEDIAN"],
    &["annual_p75", "A_PCT75"],
    &["annual_p90", "A_PCT90"],
];
const HOURLY: [&[&str]; 5] = [
    &["hourly_p10", "H_PCT10"],
    &["hourly_p25", "H_PCT25"],
    &["hourly_median", "H_MEDIAN"],
    &["hourly_p75", "H_PCT75"],
    &["hourly_p90", "H_PCT90"],
];

impl Columns {
    fn find(sheet: &Header) -> Result<Columns, Diagnostic> {
        let soc = sheet.require(&["soc_code", "OCC_CODE"])?;
        let title = sheet.require(&["title", "OCC_TITLE"])?;
        let annual = ANNUAL.map(|names| sheet.find(names));
        let hourly = HOURLY.map(|names| sheet.find(names));
        if annual[2].is_none() && hourly[2].is_none() {
            // Neither median: name the one most files have.
            sheet.require(&["annual_median", "A_MEDIAN"])?;
        }
        Ok(Columns {
            soc,
            title,
            employment: sheet.find(&["employment", "TOT_EMP"]),
            annual,
            hourly,
            footnotes: sheet.find(&["footnote_codes"]),
            fn_annual_median: sheet.find(&["fn_annual_median"]),
            fn_hourly_median: sheet.find(&["fn_hourly_median"]),
            industry_group: sheet.find(&["I_GROUP"]),
            area_type: sheet.find(&["AREA_TYPE"]),
        })
    }

    /// Whether a BLS all-data row is the cross-industry estimate of the
    /// wanted area type (1 national, 2 state).
    fn keep(&self, row: &Row<'_>, area_type: &str) -> bool {
        let industry = self
            .industry_group
            .is_none_or(|c| row.text(c).eq_ignore_ascii_case("cross-industry"));
        let area = self.area_type.is_none_or(|c| row.text(c) == area_type);
        industry && area
    }

    fn record(
        &self,
        sheet: &Header,
        row: &Row<'_>,
        with_title: bool,
    ) -> Result<WageRecord, Diagnostic> {
        let footnotes = self.footnotes.map_or("", |c| row.text(c));
        let listed_top_coded = footnotes.split([';', ' ', ',']).any(|c| c == "5");
        let fn5 = |c: Option<Column>| c.is_some_and(|c| row.text(c) == "5");
        let percentiles = |columns: &[Option<Column>; 5],
                           threshold: f64,
                           median_fn5: bool|
         -> Result<Percentiles, Diagnostic> {
            let mut out = [None; 5];
            for (slot, column) in out.iter_mut().zip(columns) {
                let Some(column) = *column else { continue };
                *slot = match sheet.number(row, column)? {
                    Cell::Value(v) => Some(Wage {
                        value: v,
                        // A footnote 5 row: figures at the threshold are lower bounds.
                        top_coded: listed_top_coded && v >= threshold,
                    }),
                    Cell::TopCoded => Some(Wage {
                        value: threshold,
                        top_coded: true,
                    }),
                    Cell::Missing => None,
                };
            }
            if median_fn5 && out[2].is_none() {
                out[2] = Some(Wage {
                    value: threshold,
                    top_coded: true,
                });
            }
            let [p10, p25, median, p75, p90] = out;
            Ok(Percentiles {
                p10,
                p25,
                median,
                p75,
                p90,
            })
        };
        let employment = match self.employment {
            Some(c) => match sheet.number(row, c)? {
                Cell::Value(v) => Some(v),
                Cell::Missing => None,
                Cell::TopCoded => return Err(sheet.bad_cell(row, c, "an employment count")),
            },
            None => None,
        };
        Ok(WageRecord {
            title: if with_title {
                row.text(self.title).to_string()
            } else {
                String::new()
            },
            employment,
            annual: percentiles(&self.annual, TOP_CODE_ANNUAL, fn5(self.fn_annual_median))?,
            hourly: percentiles(&self.hourly, TOP_CODE_HOURLY, fn5(self.fn_hourly_median))?,
            line: row.line,
        })
    }
}

/// Checks a SOC code cell.
fn soc(sheet: &Header, row: &Row<'_>, column: Column) -> Result<String, Diagnostic> {
    let code = row.text(column);
    if is_soc_code(code) {
        Ok(code.to_string())
    } else {
        Err(sheet.bad_cell(row, column, "a SOC code such as `29-1141`"))
    }
}

/// Reads the national wage file of `dataset`. Every bad row is reported.
pub fn read_national(root: &Path, dataset: &Dataset) -> Result<Wages, Vec<Diagnostic>> {
    let Sheet { header, mut rows } = Sheet::open(root, &dataset.file).map_err(|d| vec![d])?;
    let columns = Columns::find(&header).map_err(|d| vec![d])?;
    let mut by_soc: BTreeMap<String, WageRecord> = BTreeMap::new();
    let mut errors = Vec::new();
    let result = walk(&mut rows, &header, &columns, "1", |row, code| match columns
        .record(&header, row, true)
    {
        Ok(record) => match by_soc.get(&code) {
            Some(first) => errors.push(duplicate(&header, row, columns.soc, first.line)),
            None => {
                by_soc.insert(code, record);
            }
        },
        Err(d) => errors.push(d),
    });
    finish(result, errors)?;
    Ok(Wages {
        dataset: dataset.clone(),
        by_soc,
    })
}

/// Reads the state wage file of `dataset`.
pub fn read_states(root: &Path, dataset: &Dataset) -> Result<StateWages, Vec<Diagnostic>> {
    let Sheet { header, mut rows } = Sheet::open(root, &dataset.file).map_err(|d| vec![d])?;
    let columns = Columns::find(&header).map_err(|d| vec![d])?;
    let state_column = match header.find(&["PRIM_STATE"]) {
        Some(column) => column,
        None => header
            .require(&["state", "AREA_TITLE"])
            .map_err(|d| vec![d])?,
    };
    let mut by_soc: HashMap<String, Vec<(&'static State, WageRecord)>> = HashMap::new();
    let mut errors = Vec::new();
    // Rows come grouped by state: look a name up once per group.
    let mut last: Option<(String, &'static State)> = None;
    let result = walk(&mut rows, &header, &columns, "2", |row, code| {
        let text = row.text(state_column);
        let found = match &last {
            Some((name, state)) if name == text => Some(*state),
            _ => states::find(text).inspect(|state| last = Some((text.to_string(), state))),
        };
        let Some(state) = found else {
            errors.push(header.bad_cell(row, state_column, "a U.S. state or territory"));
            return;
        };
        // The national file names occupations: no 37,000 copies of titles.
        match columns.record(&header, row, false) {
            Ok(record) => {
                let list = by_soc.entry(code).or_default();
                match list.iter().find(|(s, _)| s.postal == state.postal) {
                    Some((_, first)) => {
                        errors.push(duplicate(&header, row, columns.soc, first.line))
                    }
                    None => list.push((state, record)),
                }
            }
            Err(d) => errors.push(d),
        }
    });
    finish(result, errors)?;
    let by_soc = by_soc
        .into_iter()
        .map(|(code, mut list)| {
            list.sort_by_key(|(s, _)| s.name);
            (code, StateRows::from(list))
        })
        .collect();
    Ok(StateWages {
        dataset: dataset.clone(),
        by_soc,
    })
}

/// Walks the kept rows with a checked SOC code; bad codes are collected.
fn walk(
    rows: &mut super::table::Rows,
    header: &Header,
    columns: &Columns,
    area_type: &str,
    mut each: impl FnMut(&Row<'_>, String),
) -> Result<Vec<Diagnostic>, Diagnostic> {
    let mut bad = Vec::new();
    rows.for_each_row(header, |row| {
        if !columns.keep(&row, area_type) {
            return;
        }
        match soc(header, &row, columns.soc) {
            Ok(code) => each(&row, code),
            Err(d) => bad.push(d),
        }
    })?;
    Ok(bad)
}

fn finish(
    result: Result<Vec<Diagnostic>, Diagnostic>,
    mut errors: Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    match result {
        Ok(bad) => errors.extend(bad),
        Err(d) => errors.push(d),
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.sort_by_key(|d| d.position.map(|p| (p.line, p.column)));
        Err(errors)
    }
}

fn duplicate(sheet: &Header, row: &Row<'_>, column: Column, first: u64) -> Diagnostic {
    Diagnostic::error(
        &sheet.display,
        format!(
            "expected each SOC code once, found {} again (first on line {first})",
            row.text(column)
        ),
    )
    .at_position(Position::new(row.line as usize, column.index + 1))
}
