//! The guide model: one occupation's facts, typed and validated.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::diagnostics::Position;

/// Declares an enum written in YAML by a snake_case name, shown to readers by a label.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static [&'static str] = &[$($key),+];

            /// The name written in YAML.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The wording shown to readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_name(name: &str) -> Option<Self> {
                match name { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
    };
}

named_enum!(
    /// Typical education needed to enter the occupation, as the U.S. BLS
    /// writes it: what projection data holds, and a site's education levels
    /// unless it defines its own ([`crate::content::education`]).
    Education {
        NoFormalCredential = "no_formal_credential" => "No formal educational credential",
        HighSchool = "high_school" => "High school diploma or equivalent",
        PostsecondaryNondegree = "postsecondary_nondegree" => "Postsecondary nondegree award",
        SomeCollege = "some_college" => "Some college, no degree",
        Associates = "associates" => "Associate's degree",
        Bachelors = "bachelors" => "Bachelor's degree",
        Masters = "masters" => "Master's degree",
        DoctoralOrProfessional = "doctoral_or_professional" => "Doctoral or professional degree",
        Varies = "varies" => "Varies",
    }
);

impl Education {
    /// schema.org `credentialCategory` wording, where one fits.
    pub fn credential_category(self) -> Option<&'static str> {
        match self {
            Education::HighSchool => Some("high school"),
            Education::PostsecondaryNondegree => Some("certificate"),
            Education::Associates => Some("associate degree"),
            Education::Bachelors => Some("bachelor degree"),
            Education::Masters | Education::DoctoralOrProfessional => Some("postgraduate degree"),
            Education::NoFormalCredential | Education::SomeCollege | Education::Varies => None,
        }
    }
}

named_enum!(
    /// Work experience in a related occupation.
    Experience {
        None = "none" => "None",
        LessThan5Years = "less_than_5_years" => "Less than 5 years",
        FiveYearsOrMore = "5_years_or_more" => "5 years or more",
        Varies = "varies" => "Varies",
    }
);

named_enum!(
    /// On-the-job training needed to attain competency.
    Training {
        None = "none" => "None",
        ShortTerm = "short_term" => "Short-term on-the-job training",
        ModerateTerm = "moderate_term" => "Moderate-term on-the-job training",
        LongTerm = "long_term" => "Long-term on-the-job training",
        Apprenticeship = "apprenticeship" => "Apprenticeship",
        InternshipResidency = "internship_residency" => "Internship/residency",
        Varies = "varies" => "Varies",
    }
);

named_enum!(
    CredentialKind {
        License = "license" => "License",
        Certification = "certification" => "Certification",
        Registration = "registration" => "Registration",
    }
);

named_enum!(
    /// The period a pay figure covers.
    PayPeriod {
        Year = "year" => "per year",
        Month = "month" => "per month",
        Week = "week" => "per week",
        Day = "day" => "per day",
        Hour = "hour" => "per hour",
    }
);

impl PayPeriod {
    /// ISO 8601 duration, for schema.org.
    pub fn iso_duration(self) -> &'static str {
        match self {
            PayPeriod::Year => "P1Y",
            PayPeriod::Month => "P1M",
            PayPeriod::Week => "P1W",
            PayPeriod::Day => "P1D",
            PayPeriod::Hour => "PT1H",
        }
    }

    /// Figures outside this range are legal but likely a wrong period.
    pub fn plausible_range(self) -> (f64, f64) {
        match self {
            PayPeriod::Year => (5_000.0, 2_000_000.0),
            PayPeriod::Month => (400.0, 170_000.0),
            PayPeriod::Week => (100.0, 40_000.0),
            PayPeriod::Day => (20.0, 8_000.0),
            PayPeriod::Hour => (2.0, 1_000.0),
        }
    }
}

named_enum!(
    SalaryBasis {
        Unspecified = "unspecified" => "Unspecified",
        Percentile = "percentile" => "Percentile",
    }
);

named_enum!(
    /// Job outlook relative to the average for all occupations.
    GrowthLabel {
        MuchFasterThanAverage = "much_faster_than_average" => "Much faster than average",
        FasterThanAverage = "faster_than_average" => "Faster than average",
        AsFastAsAverage = "as_fast_as_average" => "As fast as average",
        SlowerThanAverage = "slower_than_average" => "Slower than average",
        LittleOrNoChange = "little_or_no_change" => "Little or no change",
        Decline = "decline" => "Decline",
    }
);

impl GrowthLabel {
    /// The labels that have a lower bound in config; decline is what lies below.
    pub const BANDED: [GrowthLabel; 5] = [
        GrowthLabel::MuchFasterThanAverage,
        GrowthLabel::FasterThanAverage,
        GrowthLabel::AsFastAsAverage,
        GrowthLabel::SlowerThanAverage,
        GrowthLabel::LittleOrNoChange,
    ];

    /// The comparison as it reads in a sentence.
    pub fn comparison(self) -> &'static str {
        match self {
            GrowthLabel::MuchFasterThanAverage => {
                "much faster than the average for all occupations"
            }
            GrowthLabel::FasterThanAverage => "faster than the average for all occupations",
            GrowthLabel::AsFastAsAverage => "about as fast as the average for all occupations",
            GrowthLabel::SlowerThanAverage => "slower than the average for all occupations",
            GrowthLabel::LittleOrNoChange => "little or no change",
            GrowthLabel::Decline => "a decline",
        }
    }
}

/// A projection period such as 2024–2034.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProjectionPeriod {
    pub start: i32,
    pub end: i32,
}

impl ProjectionPeriod {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("expected a period written `YYYY-YYYY`, found {text:?}");
        let (a, b) = text.split_once('-').ok_or_else(bad)?;
        if a.len() != 4 || b.len() != 4 {
            return Err(bad());
        }
        let start: i32 = a.parse().map_err(|_| bad())?;
        let end: i32 = b.parse().map_err(|_| bad())?;
        if end <= start {
            return Err(format!(
                "expected the period's end after its start, found {text:?}"
            ));
        }
        Ok(ProjectionPeriod { start, end })
    }

    /// `2024–34`, as the Handbook writes it.
    pub fn short(self) -> String {
        if self.start / 100 == self.end / 100 {
            format!("{}–{:02}", self.start, self.end % 100)
        } else {
            format!("{}–{}", self.start, self.end)
        }
    }
}

impl fmt::Display for ProjectionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl Serialize for ProjectionPeriod {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A year, or a year and month (`2025-05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: Option<u32>,
}

impl YearMonth {
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = match text.split_once('-') {
            Some((y, m)) if m.len() == 2 => (y, Some(m.parse::<u32>().ok()?)),
            Some(_) => return None,
            None => (text, None),
        };
        if year.len() != 4 || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        Some(YearMonth {
            year: year.parse().ok()?,
            month,
        })
    }

    /// `May 2025` or `2025`.
    pub fn display(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self.month {
            Some(m) => format!("{} {}", MONTHS[(m - 1) as usize], self.year),
            None => self.year.to_string(),
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{}-{m:02}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Codes {
    pub soc: Option<String>,
    pub onet_soc: Option<String>,
    /// The SOC code of a broader occupation the guide's is counted in
    /// (account managers in 11-2022, sales managers), when it has no code
    /// of its own: that code's data is shown beside the guide's own
    /// figures, labelled with its title, and fills none of them.
    pub broader_soc: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Employer {
    pub industry: String,
    pub share_percent: f64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Environment {
    /// Inline Markdown.
    pub summary: Option<String>,
    pub settings: Vec<String>,
    pub schedule: Option<String>,
    pub travel: Option<String>,
    pub employers: Vec<Employer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Credential {
    pub name: String,
    pub kind: CredentialKind,
    pub required: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skill {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Requirements {
    /// A level of the site's list (`config.education_levels`).
    pub education: Option<crate::content::education::EducationLevel>,
    pub fields_of_study: Vec<String>,
    pub experience: Option<Experience>,
    pub training: Option<Training>,
    pub credentials: Vec<Credential>,
    pub skills: Vec<Skill>,
    /// Markdown.
    pub notes: Option<String>,
    /// The source id of education, experience and training when they come
    /// from configured data (set by `data::fill`); a guide's own values
    /// are cited by its Sources list as a whole.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Salary {
    pub currency: String,
    pub period: PayPeriod,
    pub entry: Option<f64>,
    pub p25: Option<f64>,
    pub median: Option<f64>,
    pub p75: Option<f64>,
    pub top: Option<f64>,
    pub basis: SalaryBasis,
    pub top_coded: bool,
    #[serde(serialize_with = "serialize_display_opt")]
    pub as_of: Option<YearMonth>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outlook {
    pub growth_percent: Option<f64>,
    /// The guide's period, or the site's default.
    pub period: Option<ProjectionPeriod>,
    /// The label: derived from the bands, or stated where no bands apply.
    pub label: Option<GrowthLabel>,
    pub employment: Option<i64>,
    pub employment_change: Option<i64>,
    pub annual_openings: Option<i64>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CareerStep {
    pub title: String,
    pub guide: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RelatedCareer {
    pub title: String,
    pub guide: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Faq {
    pub question: String,
    /// Markdown.
    pub answer: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    #[serde(serialize_with = "serialize_display_opt")]
    pub accessed: Option<NaiveDate>,
    pub license: Option<String>,
}

/// One occupation, read and checked field by field.
#[derive(Debug, Clone)]
pub struct Guide {
    /// The file, relative to the site root (`content/account-manager.md`).
    pub path: PathBuf,
    /// The file relative to `content/`, with `/` separators: what `@/` links name.
    pub content_path: String,
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub alternate_titles: Vec<String>,
    pub codes: Codes,
    pub category: Option<String>,
    pub industries: Vec<String>,
    pub duties: Vec<String>,
    pub environment: Environment,
    pub requirements: Requirements,
    pub salary: Option<Salary>,
    pub outlook: Option<Outlook>,
    pub career_path: Vec<CareerStep>,
    pub related_careers: Vec<RelatedCareer>,
    pub faq: Vec<Faq>,
    pub sources: Vec<Source>,
    pub last_reviewed: Option<NaiveDate>,
    /// The hero image and Open Graph image (`image: {src, alt}`); `file`
    /// is set when the guide is loaded.
    pub image: Option<super::kinds::Image>,
    pub draft: bool,
    pub extra: serde_json::Value,
    /// The guide's text: its Markdown body, and the front matter in which
    /// positions of fields are found when a diagnostic needs one (`anchor`).
    pub text: crate::content::text::TextSource,
    /// The file lines the body and the front matter start on.
    pub body_line: usize,
    pub front_matter_line: usize,
    pub locations: std::sync::OnceLock<crate::content::yaml::Locations>,
    /// Content paths named by `@/` links in any Markdown of the guide,
    /// found once at load time for the cross-guide rules.
    pub linked_paths: Vec<String>,
    /// Slugs named by `guide="…"` in shortcode calls of its Markdown
    /// (`{{ median_pay(guide="account-manager") }}`): the page shows
    /// figures of those guides.
    pub quoted_guides: Vec<String>,
    /// Pay by state, from the site's state wage data (`crate::data::fill`).
    pub state_pay: Option<crate::data::oews::StateRows>,
    /// Set once the fields only the guide's own page shows were let go
    /// ([`Guide::release_page_fields`]): that page reads the file again.
    pub page_fields_released: bool,
    /// Figures of `codes.broader_soc` from the site's data
    /// (`crate::data::fill`), shown beside the guide's own.
    pub beside: Option<crate::data::fill::Beside>,
}

impl Guide {
    /// Lets go of the fields that only the guide's own page shows: the
    /// environment, credentials, requirement notes, skill descriptions,
    /// career-path notes, FAQ and `extra`. What listings, search, compare,
    /// feeds, suggestions and the cross-guide rules read stays. At 100,000
    /// guides these fields are about half of what the guides hold; a build
    /// reads them again from the file when it renders the page.
    ///
    /// `sources` and `state_pay` stay for filling from data, which reads
    /// and writes them: [`Guide::release_filled_fields`] lets the pay by
    /// state go after.
    pub fn release_page_fields(&mut self) {
        self.environment = Environment::default();
        self.requirements.credentials = Vec::new();
        self.requirements.notes = None;
        for skill in &mut self.requirements.skills {
            skill.description = None;
        }
        for step in &mut self.career_path {
            step.note = None;
        }
        self.faq = Vec::new();
        self.extra = serde_json::Value::Null;
        self.page_fields_released = true;
    }

    /// Lets go of the pay by state of a guide whose page fields were
    /// released, once it was filled from data, unless listings and compare
    /// show the home state's figure (`keep_state_pay`). The sources stay:
    /// listings and quoted figures name them.
    pub fn release_filled_fields(&mut self, keep_state_pay: bool) {
        if self.page_fields_released && !keep_state_pay {
            self.state_pay = None;
        }
    }

    /// Where `field` was written, for cross-guide diagnostics.
    pub fn anchor(&self, field: &str) -> Option<Position> {
        if self.locations.get().is_none() {
            // A file that can no longer be read (or changed) has no positions.
            let text = self.text.read().ok()?;
            let found =
                crate::content::yaml::Locations::of(text.front_matter(), self.front_matter_line);
            // Another thread may have set them meanwhile, from the same text.
            let _ = self.locations.set(found);
        }
        Some(self.locations.get()?.position(field))
    }

    /// Every guide slug this guide refers to, with the field naming it.
    pub fn guide_references(&self) -> impl Iterator<Item = (String, &str)> {
        let path =
            self.career_path.iter().enumerate().filter_map(|(i, s)| {
                Some((format!("career_path[{i}].guide"), s.guide.as_deref()?))
            });
        let related = self
            .related_careers
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                Some((format!("related_careers[{i}].guide"), r.guide.as_deref()?))
            });
        path.chain(related)
    }
}

fn serialize_display_opt<T: fmt::Display, S: Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serializer.collect_str(v),
        None => serializer.serialize_none(),
    }
}

/// The content paths of `@/` links in Markdown `text` (`a.md` of
/// `[x](@/a.md#pay)`). A loose scan: anything written `@/…` counts, which at
/// worst hides a warning, and costs no Markdown parse.
pub fn link_targets(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("@/").map(move |(at, _)| {
        // `<@/a b.md>` (an autolink-style destination) may hold spaces.
        let bracketed = text[..at].ends_with('<');
        let after = &text[at + 2..];
        let end = after
            .find(|c: char| {
                c == '#'
                    || if bracketed {
                        c == '>' || c == '\n'
                    } else {
                        c.is_whitespace() || matches!(c, ')' | '>' | '<' | ']' | '"' | '\'')
                    }
            })
            .unwrap_or(after.len());
        &after[..end]
    })
}

/// The slugs named as `guide="…"` (or `guide='…'`) inside `{{ … }}` or
/// `{% … %}` in `text`. A scan, not a parse: a call inside code counts too,
/// which only makes a page depend on a guide it does not show.
pub fn quoted_guides(text: &str) -> impl Iterator<Item = &str> {
    let calls = text.contains("{{") || text.contains("{%");
    text.match_indices("guide=")
        .filter(move |_| calls)
        .filter_map(move |(at, _)| {
            // `guide=` must start an argument, not end a longer name.
            if text[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
                return None;
            }
            let after = text[at + "guide=".len()..].trim_start();
            let quote = after.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            let value = &after[1..];
            value.find(quote).map(|end| &value[..end])
        })
}

/// What every placeholder `careergen new` writes starts with; a published
/// guide that still holds one is refused.
pub const PLACEHOLDER_MARK: &str = "TODO:";

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Converts free-form YAML (`extra`) to JSON for templates.
pub fn yaml_to_json(value: &serde_yaml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use serde_yaml::Value as Y;
    match value {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(*b),
        Y::Number(n) => n
            .as_i64()
            .map(J::from)
            .or_else(|| n.as_u64().map(J::from))
            .or_else(|| {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(J::Number)
            })
            .unwrap_or(J::Null),
        Y::String(s) => J::String(s.clone()),
        Y::Sequence(items) => J::Array(items.iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => J::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s.clone(),
                        other => serde_yaml::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_string(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(&tagged.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_guides_are_the_guide_arguments_of_calls() {
        let text = "{{ median_pay(guide=\"a\") }} {% x(guide='b', other_guide=\"c\") %}";
        assert_eq!(quoted_guides(text).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(quoted_guides("guide=\"a\" without calls").count(), 0);
    }

    #[test]
    fn link_targets_stop_at_the_fragment_and_the_link_end() {
        let text = "[x](@/a.md#pay) <@/b/c.md> [y]: @/d.md \"t\"";
        assert_eq!(
            link_targets(text).collect::<Vec<_>>(),
            ["a.md", "b/c.md", "d.md"]
        );
        assert_eq!(
            link_targets("see <@/with space.md#x> and [y](@/e.md)").collect::<Vec<_>>(),
            ["with space.md", "e.md"]
        );
    }

    #[test]
    fn slug_rule() {
        assert!(is_slug("account-manager"));
        assert!(is_slug("a1"));
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a/b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn periods_parse_and_shorten() {
        let p = ProjectionPeriod::parse("2024-2034").expect("valid period");
        assert_eq!(p.short(), "2024–34");
        assert!(ProjectionPeriod::parse("2034-2024").is_err());
        assert!(ProjectionPeriod::parse("24-34").is_err());
    }

    #[test]
    fn year_month_parses_and_displays() {
        assert_eq!(
            YearMonth::parse("2025-05")
                .map(YearMonth::display)
                .as_deref(),
            Some("May 2025")
        );
        assert_eq!(YearMonth::parse("2025").map(|y| y.year), Some(2025));
        assert!(YearMonth::parse("2025-13").is_none());
        assert!(YearMonth::parse("May 2025").is_none());
    }
}
