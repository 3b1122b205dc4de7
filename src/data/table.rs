//! Reading a data file as rows of text cells, whatever its format: CSV,
//! tab-separated text (O*NET) or an Excel workbook's first sheet (BLS
//! downloads). Every problem is a diagnostic located by file, line (the
//! spreadsheet row) and column.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader as _};
use csv::StringRecord;

use crate::diagnostics::{Diagnostic, Position};

/// An open data file: its header and a way to walk its rows.
pub struct Sheet {
    pub header: Header,
    pub rows: Rows,
}

/// A data file's name and header: what describes its cells in messages.
pub struct Header {
    /// The file as shown in diagnostics (relative to the site root).
    pub display: PathBuf,
    /// The header cells, trimmed, as written.
    pub names: Vec<String>,
}

/// The rows below the header, not yet read.
pub enum Rows {
    Csv(csv::Reader<std::fs::File>),
    /// The sheet's rows below the header, already converted to text, and
    /// the spreadsheet row number of the first.
    Rows {
        rows: Vec<StringRecord>,
        first_line: u64,
    },
}

/// One data row: its line in the file (the spreadsheet row number for a
/// workbook) and its cells.
pub struct Row<'a> {
    pub line: u64,
    pub cells: &'a StringRecord,
}

impl Row<'_> {
    /// The trimmed text of `column`; empty where the row is short.
    pub fn text(&self, column: Column) -> &str {
        self.cells.get(column.index).map_or("", str::trim)
    }
}

/// A column found in the header: its 0-based index and its name as written.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub index: usize,
}

/// What a number cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// A published figure.
    Value(f64),
    /// Not published: empty, `-` (shared files), `*` or `**` (BLS downloads).
    Missing,
    /// `#` in a BLS download: the figure is at least the top-coding threshold.
    TopCoded,
}

impl Sheet {
    /// Opens `file` (relative to `root`): `.xlsx`/`.xls`/`.ods` as a
    /// workbook, `.tsv`/`.txt` as tab-separated text, anything else as CSV.
    pub fn open(root: &Path, file: &str) -> Result<Sheet, Diagnostic> {
        let path = root.join(file);
        let display = PathBuf::from(file);
        let lower = file.to_ascii_lowercase();
        let cannot = |err: &dyn std::fmt::Display| {
            Diagnostic::error(&display, format!("cannot read data file `{file}`: {err}")).with_help(
                "check the path under `data:` in config.yaml; it is relative to the site folder",
            )
        };
        if !path.is_file() {
            return Err(cannot(&"no such file"));
        }
        if [".xlsx", ".xlsm", ".xls", ".ods"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            let mut workbook = calamine::open_workbook_auto(&path).map_err(|e| cannot(&e))?;
            let range = workbook
                .worksheet_range_at(0)
                .ok_or_else(|| cannot(&"the workbook has no sheet"))?
                .map_err(|e| cannot(&e))?;
            // The sheet's row number (0-based) of the range's first row.
            let top = range.start().map_or(0, |(row, _)| u64::from(row));
            let mut rows = range.rows().map(|cells| {
                let mut record = StringRecord::with_capacity(cells.len() * 8, cells.len());
                for cell in cells {
                    record.push_field(&cell_text(cell));
                }
                record
            });
            let mut header_at = 0;
            let header = rows
                .by_ref()
                .inspect(|_| header_at += 1)
                .find(|r| !is_title_row(r))
                .map(|r| r.iter().map(|c| c.trim().to_string()).collect())
                .unwrap_or_default();
            return Ok(Sheet {
                header: Header {
                    display,
                    names: header,
                },
                rows: Rows::Rows {
                    rows: rows.collect(),
                    first_line: top + header_at + 1,
                },
            });
        }
        let delimiter = if lower.ends_with(".tsv") || lower.ends_with(".txt") {
            b'\t'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            // O*NET's text has quotes inside descriptions, never quoted fields.
            .quoting(delimiter == b',')
            .from_path(&path)
            .map_err(|e| cannot(&e))?;
        let mut record = StringRecord::new();
        while reader
            .read_record(&mut record)
            .map_err(|e| csv_error(&display, &e))?
            && is_title_row(&record)
        {}
        let header = record
            .iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        Ok(Sheet {
            header: Header {
                display,
                names: header,
            },
            rows: Rows::Csv(reader),
        })
    }
}

impl Header {
    /// The first column whose name is one of `names` (case-insensitive).
    pub fn find(&self, names: &[&str]) -> Option<Column> {
        self.names
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
            .map(|index| Column { index })
    }

    /// The first column whose name (trimmed) passes `test`.
    pub fn find_by(&self, test: impl Fn(&str) -> bool) -> Option<Column> {
        self.names
            .iter()
            .position(|h| test(h))
            .map(|index| Column { index })
    }

    /// [`Header::find`], or an error naming the column that is missing and
    /// the columns the file has.
    pub fn require(&self, names: &[&str]) -> Result<Column, Diagnostic> {
        self.find(names).ok_or_else(|| {
            let wanted = names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            let found: Vec<&str> = self.names.iter().map(String::as_str).take(30).collect();
            Diagnostic::error(
                &self.display,
                format!(
                    "expected a column {wanted} in the header, found the columns {}",
                    found.join(", ")
                ),
            )
            .at_position(Position::new(1, 1))
        })
    }

    /// A malformed-value error at `column` of `row`.
    pub fn bad_cell(&self, row: &Row<'_>, column: Column, expected: &str) -> Diagnostic {
        let name = self.names.get(column.index).map_or("", String::as_str);
        Diagnostic::error(
            &self.display,
            format!(
                "expected {expected} in column `{name}` ({}), found {:?}",
                column_letter(column.index),
                row.text(column)
            ),
        )
        .with_field(name)
        .at_position(Position::new(row.line as usize, column.index + 1))
    }

    /// Reads a number cell: a plain number (thousands separators allowed,
    /// as BLS writes them), a mark for "not published", or `#`.
    pub fn number(&self, row: &Row<'_>, column: Column) -> Result<Cell, Diagnostic> {
        let text = row.text(column);
        match text {
            "" | "-" | "*" | "**" | "—" => Ok(Cell::Missing),
            "#" => Ok(Cell::TopCoded),
            _ => plain_number(text)
                .filter(|v| v.is_finite() && *v >= 0.0)
                .map(Cell::Value)
                .ok_or_else(|| self.bad_cell(row, column, "a number ≥ 0, `-`, `*`, `**` or `#`")),
        }
    }

    /// Like [`Header::number`], for columns that may hold a negative number
    /// (employment change, growth).
    pub fn signed(&self, row: &Row<'_>, column: Column) -> Result<Option<f64>, Diagnostic> {
        let text = row.text(column);
        match text {
            "" | "-" | "*" | "**" | "—" => Ok(None),
            _ => plain_number(&text.replace('−', "-"))
                .filter(|v| v.is_finite())
                .map(Some)
                .ok_or_else(|| self.bad_cell(row, column, "a number or `-`")),
        }
    }
}

impl Rows {
    /// Calls `each` with every row below the header, in order. A row the
    /// file format itself breaks (bad quoting, invalid UTF-8) is an error.
    pub fn for_each_row(
        &mut self,
        header: &Header,
        mut each: impl FnMut(Row<'_>),
    ) -> Result<(), Diagnostic> {
        match self {
            Rows::Csv(reader) => {
                let mut record = StringRecord::new();
                loop {
                    match reader.read_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) => {
                            let line = record.position().map_or(0, csv::Position::line);
                            if record.iter().all(|c| c.trim().is_empty()) {
                                continue;
                            }
                            each(Row {
                                line,
                                cells: &record,
                            });
                        }
                        Err(err) => return Err(csv_error(&header.display, &err)),
                    }
                }
            }
            Rows::Rows { rows, first_line } => {
                for (i, record) in rows.iter().enumerate() {
                    if record.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    each(Row {
                        line: *first_line + i as u64,
                        cells: record,
                    });
                }
            }
        }
        Ok(())
    }
}

/// Whether `record` is a line above a table's header: its name or a note
/// such as "(Numbers in thousands)", as BLS tables start. Such a line has
/// one cell at most; a header has several.
fn is_title_row(record: &StringRecord) -> bool {
    record.iter().filter(|c| !c.trim().is_empty()).count() <= 1
}

/// A number with optional thousands separators (`1,449,500`); most cells
/// have none, and are parsed without a copy.
fn plain_number(text: &str) -> Option<f64> {
    if text.contains(',') {
        text.replace(',', "").parse().ok()
    } else {
        text.parse().ok()
    }
}

/// A SOC code cell: `29-1141`, or the O*NET form `29-1141.00`.
pub fn is_soc_code(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// `A`, `B`, … `AA`: the spreadsheet name of a 0-based column.
fn column_letter(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// A workbook cell as the text a CSV export would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

fn csv_error(display: &Path, err: &csv::Error) -> Diagnostic {
    let diagnostic = Diagnostic::error(display, format!("cannot read the data file: {err}"));
    match err.position() {
        Some(p) => diagnostic.at_position(Position::new(p.line() as usize, 1)),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn soc_codes() {
        assert!(is_soc_code("29-1141"));
        assert!(!is_soc_code("29-1141.00"));
        assert!(!is_soc_code("291141"));
    }
}
