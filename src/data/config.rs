//! The `data:` key of `config.yaml`: which official data files a site uses,
//! with each release's label and citation.
//!
//! ```yaml
//! data:
//!   wages: data/oews-national-may2025.csv
//!   state_wages: data/oews-state-may2025.csv
//!   projections: data/ooh-2024-34-profiles.csv
//!   occupations: { file: data/onet-occupation-data.tsv, release: "29.2" }
//! ```
//!
//! A dataset is a file path, or a mapping with `file` and optionally
//! `release`, `citation`, `url`. The release is read from a BLS file's name
//! where it says it (`may2025`, `_M2025_`, `2024-34`); the citation defaults
//! to the wording the publisher asks for.

use serde::Serialize;
use serde_yaml::Value;

use crate::content::guide::{ProjectionPeriod, YearMonth};
use crate::yaml::{self, Reader};

/// The kinds of dataset a site can configure, by their key under `data:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// National OEWS wages and employment by SOC code.
    Wages,
    /// OEWS wages by state and SOC code.
    StateWages,
    /// Employment projections (the Handbook profiles or the EP table).
    Projections,
    /// O*NET occupation titles and descriptions.
    Occupations,
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 4] = [
        DatasetKind::Wages,
        DatasetKind::StateWages,
        DatasetKind::Projections,
        DatasetKind::Occupations,
    ];

    /// The key under `data:`.
    pub fn key(self) -> &'static str {
        match self {
            DatasetKind::Wages => "wages",
            DatasetKind::StateWages => "state_wages",
            DatasetKind::Projections => "projections",
            DatasetKind::Occupations => "occupations",
        }
    }

    /// The `id` the dataset takes among a guide's sources.
    pub const fn source_id(self) -> &'static str {
        match self {
            DatasetKind::Wages => "bls-oews",
            DatasetKind::StateWages => "bls-oews-state",
            DatasetKind::Projections => "bls-projections",
            DatasetKind::Occupations => "onet",
        }
    }

    /// The prefix of the messages naming and citing the dataset
    /// (`data-oews` for `data-oews-name` and `data-oews-citation`).
    pub const fn message_prefix(self) -> &'static str {
        match self {
            DatasetKind::Wages => "data-oews",
            DatasetKind::StateWages => "data-oews-state",
            DatasetKind::Projections => "data-projections",
            DatasetKind::Occupations => "data-onet",
        }
    }

    /// What a release label looks like, for messages.
    fn release_example(self) -> &'static str {
        match self {
            DatasetKind::Wages | DatasetKind::StateWages => "`May 2025`",
            DatasetKind::Projections => "`2024-2034`",
            DatasetKind::Occupations => "`29.2`",
        }
    }
}

/// One configured data file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub kind: DatasetKind,
    /// The file as written in config, relative to the site root.
    pub file: String,
    /// The release as readers see it: `May 2025`, `2024–34`, `29.2`.
    pub release: String,
    /// The month the wages describe (wage datasets).
    #[serde(serialize_with = "display_opt")]
    pub as_of: Option<YearMonth>,
    /// The projection period (projection datasets).
    pub period: Option<ProjectionPeriod>,
    /// The short name, in the language of the config (English until
    /// [`Dataset::localize`]): what command-line messages call the dataset.
    pub name: String,
    /// The full citation as the publisher asks for it, in the language of
    /// the config ([`Dataset::localize`]), or the site's own `citation:`.
    pub citation: String,
    pub url: Option<String>,
    /// The license, in the language of the config.
    pub license: Option<String>,
    /// Whether `citation` is the site's own, shown as written in every
    /// language.
    #[serde(skip)]
    pub own_citation: bool,
}

impl Dataset {
    /// Names and cites the dataset in the language of `messages`: the
    /// messages `data-oews-name`, `data-oews-citation` and so on, with the
    /// release as that language writes it (`mayo de 2025`). A citation the
    /// site gave stays as written.
    pub fn localize(&mut self, messages: &crate::i18n::Messages) {
        let release = self.release_in(messages.language());
        let args = || crate::i18n::Args::new().with("release", release.as_str());
        let key = self.kind.message_prefix();
        self.name = messages.text(&format!("{key}-name"), &args());
        if !self.own_citation {
            self.citation = messages.text(&format!("{key}-citation"), &args());
        }
        self.license = Some(match self.kind {
            // A license's name, the same in every language.
            DatasetKind::Occupations => "CC BY 4.0".to_string(),
            _ => messages.plain("data-license-public-domain"),
        });
    }

    /// The release as pages in `lang` write it: the month of wage data
    /// (`May 2025`, `mayo de 2025`), the period of projections (`2024–34`),
    /// else as configured (`29.2`).
    fn release_in(&self, lang: &str) -> String {
        match (self.as_of, self.period) {
            (Some(ym), _) => {
                crate::render::format::NumberStyle::for_language(lang).year_month(ym.year, ym.month)
            }
            (None, Some(period)) => period.short(),
            (None, None) => self.release.clone(),
        }
    }
}

/// Every dataset a site names, by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DataConfig {
    pub wages: Option<Dataset>,
    pub state_wages: Option<Dataset>,
    pub projections: Option<Dataset>,
    pub occupations: Option<Dataset>,
}

impl DataConfig {
    /// Whether any dataset is configured.
    pub fn any(&self) -> bool {
        self.datasets().next().is_some()
    }

    /// The configured datasets, in [`DatasetKind::ALL`] order.
    pub fn datasets(&self) -> impl Iterator<Item = &Dataset> {
        [
            &self.wages,
            &self.state_wages,
            &self.projections,
            &self.occupations,
        ]
        .into_iter()
        .flatten()
    }

    /// Names and cites every dataset in the language of `messages`
    /// ([`Dataset::localize`]).
    pub fn localize(&mut self, messages: &crate::i18n::Messages) {
        for kind in DatasetKind::ALL {
            if let Some(dataset) = self.slot(kind) {
                dataset.localize(messages);
            }
        }
    }

    pub fn get(&self, kind: DatasetKind) -> Option<&Dataset> {
        match kind {
            DatasetKind::Wages => self.wages.as_ref(),
            DatasetKind::StateWages => self.state_wages.as_ref(),
            DatasetKind::Projections => self.projections.as_ref(),
            DatasetKind::Occupations => self.occupations.as_ref(),
        }
    }

    fn slot(&mut self, kind: DatasetKind) -> &mut Option<Dataset> {
        match kind {
            DatasetKind::Wages => &mut self.wages,
            DatasetKind::StateWages => &mut self.state_wages,
            DatasetKind::Projections => &mut self.projections,
            DatasetKind::Occupations => &mut self.occupations,
        }
    }
}

/// Reads `data:` from the config's top-level mapping. Errors go to `r`.
pub fn read(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> DataConfig {
    let keys: Vec<&str> = DatasetKind::ALL.iter().map(|k| k.key()).collect();
    let mut config = DataConfig::default();
    let Some(map) = r.sub_mapping(&root.at("data"), &keys) else {
        return config;
    };
    for kind in DatasetKind::ALL {
        let slot = map.at(kind.key());
        let Some(value) = slot.value else { continue };
        *config.slot(kind) = read_dataset(r, kind, value, &slot.field);
    }
    config
}

fn read_dataset(
    r: &mut Reader<'_>,
    kind: DatasetKind,
    value: &Value,
    field: &str,
) -> Option<Dataset> {
    let (file, release, citation, url) = match value {
        Value::Mapping(_) => {
            let m = r.mapping(value, field, &["file", "release", "citation", "url"])?;
            let file = r.req_string(&m.at("file"));
            let release_slot = m.at("release");
            let release = r.opt_string(&release_slot).map(|t| (t, release_slot.field));
            let citation = r.opt_string(&m.at("citation"));
            let url = r.opt_string(&m.at("url"));
            (file?, release, citation, url)
        }
        other => (r.string_value(other, field)?, None, None, None),
    };
    let file_field = if matches!(value, Value::Mapping(_)) {
        format!("{field}.file")
    } else {
        field.to_string()
    };
    if file.trim().is_empty()
        || std::path::Path::new(&file).is_absolute()
        || file.split(['/', '\\']).any(|p| p == "..")
    {
        r.error(
            &file_field,
            format!(
                "expected a path inside the site folder such as `data/wages.csv`, found {file:?}"
            ),
        );
        return None;
    }
    let (release_text, release_field) = match release {
        Some((text, field)) => (Some(text), field),
        None => (release_from_file_name(kind, &file), file_field),
    };
    let Some(release_text) = release_text else {
        r.error(
            &release_field,
            format!(
                "expected a `release` such as {} (the file name {file:?} does not say which release it is), found none",
                kind.release_example()
            ),
        );
        return None;
    };
    let mut dataset = Dataset {
        kind,
        file,
        release: release_text.clone(),
        as_of: None,
        period: None,
        name: String::new(),
        citation: String::new(),
        url: None,
        license: None,
        own_citation: false,
    };
    match kind {
        DatasetKind::Wages | DatasetKind::StateWages => match parse_month_year(&release_text) {
            Some(as_of) => {
                dataset.as_of = Some(as_of);
                dataset.release = as_of.display();
            }
            None => {
                r.error(
                    &release_field,
                    format!("expected a release such as `May 2025`, found {release_text:?}"),
                );
                return None;
            }
        },
        DatasetKind::Projections => {
            match parse_period(&release_text) {
                Some(period) => {
                    dataset.period = Some(period);
                    dataset.release = period.short();
                }
                None => {
                    r.error(
                    &release_field,
                    format!("expected a projection period such as `2024-2034`, found {release_text:?}"),
                );
                    return None;
                }
            }
        }
        DatasetKind::Occupations => {}
    }
    if let Some(citation) = citation {
        dataset.citation = citation;
        dataset.own_citation = true;
    }
    apply_defaults(&mut dataset);
    if url.is_some() {
        dataset.url = url;
    }
    Some(dataset)
}

/// A dataset for a file named outside config (`careergen data diff`):
/// its release from the file name, else the file name itself.
pub fn for_file(kind: DatasetKind, file: &str) -> Dataset {
    let release = release_from_file_name(kind, file);
    let mut dataset = Dataset {
        kind,
        file: file.to_string(),
        release: release.clone().unwrap_or_else(|| {
            std::path::Path::new(file)
                .file_name()
                .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned())
        }),
        as_of: None,
        period: None,
        name: String::new(),
        citation: String::new(),
        url: None,
        license: None,
        own_citation: false,
    };
    if let Some(release) = release {
        match kind {
            DatasetKind::Wages | DatasetKind::StateWages => {
                dataset.as_of = parse_month_year(&release);
            }
            DatasetKind::Projections => dataset.period = parse_period(&release),
            DatasetKind::Occupations => {}
        }
        if let Some(ym) = dataset.as_of {
            dataset.release = ym.display();
        }
        if let Some(p) = dataset.period {
            dataset.release = p.short();
        }
    }
    apply_defaults(&mut dataset);
    dataset
}

/// The publisher's own link for each kind, and its name, citation and
/// license in English (the built-in theme's messages, [`Dataset::localize`]);
/// pages get them in their own language when the site's messages are read.
fn apply_defaults(d: &mut Dataset) {
    let url = match d.kind {
        DatasetKind::Wages | DatasetKind::StateWages => "https://www.bls.gov/oes/",
        DatasetKind::Projections => "https://www.bls.gov/ooh/",
        DatasetKind::Occupations => "https://www.onetcenter.org/database.html",
    };
    d.url = Some(url.to_string());
    d.localize(&crate::i18n::builtin_messages("en"));
}

/// The release a BLS file's name states: `may2025` or `_M2025_` (OEWS),
/// `2024-34` (projections), `29.2` (O*NET).
fn release_from_file_name(kind: DatasetKind, file: &str) -> Option<String> {
    let name = std::path::Path::new(file)
        .file_name()?
        .to_string_lossy()
        .to_lowercase();
    let digits_at = |at: usize, n: usize| {
        name.get(at..at + n)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
    };
    match kind {
        DatasetKind::Wages | DatasetKind::StateWages => {
            if let Some(at) = name.find("may")
                && let Some(year) = digits_at(at + 3, 4)
            {
                return Some(format!("May {year}"));
            }
            // BLS download names: `national_M2025_dl.xlsx`, `state_M2025_dl.csv`.
            let at = name.find("_m")?;
            digits_at(at + 2, 4).map(|year| format!("May {year}"))
        }
        DatasetKind::Projections => (0..name.len()).find_map(|at| {
            let start = digits_at(at, 4)?;
            let rest = name.get(at + 4..)?;
            let rest = rest.strip_prefix('-').or_else(|| rest.strip_prefix('_'))?;
            let end = rest
                .get(..2)
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))?;
            Some(format!("{start}-{}{end}", &start[..2]))
        }),
        DatasetKind::Occupations => {
            // `db_29_2_text/` is how O*NET names a release's folder.
            let name = file.to_lowercase();
            let digits_at = |at: usize, n: usize| {
                name.get(at..at + n)
                    .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            };
            let at = name.find("db_")?;
            let major = digits_at(at + 3, 2)?;
            let minor = name.get(at + 6..at + 7)?;
            minor
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| format!("{major}.{minor}"))
        }
    }
}

/// `May 2025` or `2025-05`.
pub fn parse_month_year(text: &str) -> Option<YearMonth> {
    if let Some(ym) = YearMonth::parse(text.trim()).filter(|ym| ym.month.is_some()) {
        return Some(ym);
    }
    let (month, year) = text.trim().split_once(' ')?;
    let month = (1..=12u32).find(|&m| {
        YearMonth {
            year: 2000,
            month: Some(m),
        }
        .display()
        .split(' ')
        .next()
        .is_some_and(|name| name.eq_ignore_ascii_case(month))
    })?;
    let year: i32 = year.trim().parse().ok()?;
    Some(YearMonth {
        year,
        month: Some(month),
    })
}

/// `2024-2034`, `2024-34` or `2024–34`.
pub fn parse_period(text: &str) -> Option<ProjectionPeriod> {
    let text = text.trim().replace('–', "-");
    if let Ok(period) = ProjectionPeriod::parse(&text) {
        return Some(period);
    }
    let (start, end) = text.split_once('-')?;
    if start.len() != 4 || end.len() != 2 {
        return None;
    }
    let start: i32 = start.parse().ok()?;
    let end: i32 = end.parse().ok()?;
    let end = start / 100 * 100 + end;
    (end > start).then_some(ProjectionPeriod { start, end })
}

fn display_opt<T: std::fmt::Display, S: serde::Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.collect_str(v),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_come_from_bls_file_names() {
        let wages = |f| release_from_file_name(DatasetKind::Wages, f);
        assert_eq!(
            wages("data/oews-national-may2025.csv").as_deref(),
            Some("May 2025")
        );
        assert_eq!(wages("national_M2024_dl.xlsx").as_deref(), Some("May 2024"));
        assert_eq!(wages("wages.csv"), None);
        let projections = |f| release_from_file_name(DatasetKind::Projections, f);
        assert_eq!(
            projections("ooh-2024-34-profiles.csv").as_deref(),
            Some("2024-2034")
        );
        assert_eq!(
            release_from_file_name(DatasetKind::Occupations, "db_29_2_text/Occupation Data.txt")
                .as_deref(),
            Some("29.2")
        );
    }

    #[test]
    fn datasets_are_cited_in_the_language_and_an_own_citation_is_kept() {
        let mut wages = for_file(DatasetKind::Wages, "data/oews-national-may2025.csv");
        assert_eq!(
            wages.citation,
            "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025."
        );
        wages.localize(&crate::i18n::builtin_messages("es"));
        assert!(
            wages.citation.ends_with(", mayo de 2025."),
            "{}",
            wages.citation
        );
        assert_eq!(wages.license.as_deref(), Some("Dominio público"));
        wages.localize(&crate::i18n::builtin_messages("fr"));
        assert!(wages.name.ends_with(", mai 2025"), "{}", wages.name);
        wages.citation = "Our own extract of OEWS".to_string();
        wages.own_citation = true;
        wages.localize(&crate::i18n::builtin_messages("es"));
        assert_eq!(wages.citation, "Our own extract of OEWS");
    }

    #[test]
    fn release_labels_parse() {
        assert_eq!(
            parse_month_year("May 2025")
                .map(|y| y.to_string())
                .as_deref(),
            Some("2025-05")
        );
        assert_eq!(
            parse_month_year("2024-05")
                .map(YearMonth::display)
                .as_deref(),
            Some("May 2024")
        );
        assert!(parse_month_year("2025").is_none());
        assert_eq!(
            parse_period("2024-34").map(|p| p.to_string()).as_deref(),
            Some("2024-2034")
        );
        assert_eq!(
            parse_period("2024–2034").map(|p| p.short()).as_deref(),
            Some("2024–34")
        );
        assert!(parse_period("2034-24").is_none());
    }
}
