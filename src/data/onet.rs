//! O*NET "Occupation Data": titles and descriptions by O*NET-SOC code.

use std::collections::BTreeMap;
use std::path::Path;

use super::config::Dataset;
use super::table::Sheet;
use crate::diagnostics::Diagnostic;

/// One O*NET occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    /// The O*NET-SOC code (`29-1141.00`).
    pub code: String,
    pub title: String,
    pub description: String,
}

/// O*NET occupations by O*NET-SOC code, and by SOC code the one that
/// stands for it (`.00`, else the first of its specialisations).
#[derive(Debug, Clone)]
pub struct Occupations {
    pub dataset: Dataset,
    pub by_code: BTreeMap<String, Occupation>,
    pub by_soc: BTreeMap<String, String>,
}

impl Occupations {
    /// The occupation standing for `soc` (`29-1141`).
    pub fn for_soc(&self, soc: &str) -> Option<&Occupation> {
        self.by_code.get(self.by_soc.get(soc)?)
    }
}

/// `29-1141.00`.
fn is_onet_code(text: &str) -> bool {
    text.len() == 10
        && text.is_ascii()
        && super::table::is_soc_code(&text[..7])
        && text.as_bytes()[7] == b'.'
        && text[8..].bytes().all(|b| b.is_ascii_digit())
}

/// Reads the occupations file of `dataset` (tab-separated, as O*NET ships it).
pub fn read(root: &Path, dataset: &Dataset) -> Result<Occupations, Vec<Diagnostic>> {
    let Sheet { header, mut rows } = Sheet::open(root, &dataset.file).map_err(|d| vec![d])?;
    let need = |names: &[&str]| header.require(names).map_err(|d| vec![d]);
    let code = need(&["O*NET-SOC Code", "onet_soc_code"])?;
    let title = need(&["Title", "title"])?;
    let description = need(&["Description", "description"])?;
    let mut by_code = BTreeMap::new();
    let mut by_soc = BTreeMap::new();
    let mut errors = Vec::new();
    let result = rows.for_each_row(&header, |row| {
        let text = row.text(code);
        if !is_onet_code(text) {
            errors.push(header.bad_cell(&row, code, "an O*NET-SOC code such as `29-1141.00`"));
            return;
        }
        let soc = &text[..7];
        if text.ends_with(".00") || !by_soc.contains_key(soc) {
            by_soc.insert(soc.to_string(), text.to_string());
        }
        by_code.insert(
            text.to_string(),
            Occupation {
                code: text.to_string(),
                title: row.text(title).to_string(),
                description: row.text(description).to_string(),
            },
        );
    });
    if let Err(d) = result {
        errors.push(d);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Occupations {
        dataset: dataset.clone(),
        by_code,
        by_soc,
    })
}
