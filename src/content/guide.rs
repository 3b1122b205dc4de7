//! The guide model: one occupation's facts, typed and validated.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::diagnostics::Position;

// The vocabularies config and guides share live below both.
pub use crate::permalink::is_slug;
pub use crate::vocabulary::{
    CredentialKind, Education, Experience, GrowthLabel, PayPeriod, ProjectionPeriod, SalaryBasis,
    Training,
};
pub use crate::yaml::yaml_to_json;

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
    pub education: Option<crate::config::education::EducationLevel>,
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
    /// The configured dataset this entry cites, for one added from data:
    /// each language names it in its own words ([`crate::data::fill::relabel_sources`]).
    #[serde(skip)]
    pub dataset: Option<crate::data::DatasetKind>,
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
    /// The name of the occupation of `codes.broader_soc` as this guide's
    /// pages give it (`broader_title`), in place of its BLS title.
    pub broader_title: Option<String>,
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
    pub locations: std::sync::OnceLock<crate::yaml::Locations>,
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
    /// What the search index holds of the duties
    /// ([`crate::render::search::duty_words`], joined by spaces), kept in
    /// their place once they were let go ([`Guide::release_page_fields`]).
    pub search_duty_words: Option<String>,
    /// Figures of `codes.broader_soc` from the site's data
    /// (`crate::data::fill`), shown beside the guide's own.
    pub beside: Option<crate::data::fill::Beside>,
}

impl Guide {
    /// Lets go of the fields that only the guide's own page shows: the
    /// environment, credentials, requirement notes, skill descriptions,
    /// career-path notes, FAQ and `extra`, and the duties, of which the
    /// search index's words are kept (`search_duty_words`, about a quarter
    /// of their size). What listings, search, compare,
    /// feeds, suggestions and the cross-guide rules read stays. At 100,000
    /// guides these fields are about half of what the guides hold; a build
    /// reads them again from the file when it renders the page.
    ///
    /// `sources` and `state_pay` stay for filling from data, which reads
    /// and writes them: [`Guide::release_filled_fields`] lets the pay by
    /// state go after.
    pub fn release_page_fields(&mut self) {
        if !self.page_fields_released {
            self.search_duty_words = Some(crate::render::search::duty_words(self).join(" "));
        }
        self.duties = Vec::new();
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
            let found = crate::yaml::Locations::of(text.front_matter(), self.front_matter_line);
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
