//! The field's closed vocabularies, shared by `config.yaml` and the guides:
//! the U.S. BLS education, experience and training categories, pay periods,
//! growth labels and projection periods. Each is written in YAML by a
//! snake_case name and shown to readers by a label. They sit below both
//! `config` and `content`, which read them.

use std::fmt;

use serde::{Serialize, Serializer};

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
    /// unless it defines its own ([`crate::config::education`]).
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
