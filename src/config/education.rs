//! The site's education levels: the vocabulary `requirements.education`
//! is written in. By default the U.S. Bureau of Labor Statistics levels
//! ([`Education`]); a site elsewhere defines its own in `config.yaml`:
//!
//! ```yaml
//! education_levels:
//!   gcses: GCSEs                        # a label in the site's language
//!   a-levels: { label: { en: A levels, cy: Safon Uwch } }
//!   degree: { label: Degree, credential_category: bachelor degree, bls: [bachelors] }
//! ```
//!
//! Levels run from least to most schooling, in the order written: that
//! order sorts listings and the browse pages.

use serde::Serialize;
use serde_yaml::Value;

use crate::diagnostics::{Diagnostic, suggest};
use crate::vocabulary::Education;
use crate::yaml::{self, Reader, Slot};

/// A level of the site's list, by its place in it (0 = least schooling).
/// Only meaningful with the [`EducationLevels`] it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct EducationLevel(u16);

impl EducationLevel {
    /// The place from least to most schooling, for sorting.
    pub fn rank(self) -> usize {
        usize::from(self.0)
    }
}

/// One level as the site defines it.
#[derive(Debug, Clone, Serialize)]
pub struct LevelDefinition {
    /// The name written in front matter (`a-levels`).
    pub key: String,
    /// Labels by language tag, the site's default language first.
    pub labels: Vec<(String, String)>,
    /// schema.org `credentialCategory` wording, where one fits.
    pub credential_category: Option<String>,
    /// The U.S. levels projection data writes that this level stands for,
    /// so that `data:` fills it.
    pub bls: Vec<Education>,
}

/// The site's education levels, least schooling first.
#[derive(Debug, Clone, Serialize)]
pub struct EducationLevels {
    levels: Vec<LevelDefinition>,
    /// Whether `config.yaml` defines them (labels from config), or they are
    /// the built-in U.S. levels (labels from messages).
    site_defined: bool,
}

impl Default for EducationLevels {
    /// The U.S. BLS levels, labelled in English.
    fn default() -> Self {
        EducationLevels {
            levels: Education::ALL
                .iter()
                .map(|&e| LevelDefinition {
                    key: e.name().to_string(),
                    labels: vec![("en".to_string(), e.label().to_string())],
                    credential_category: e.credential_category().map(str::to_string),
                    bls: vec![e],
                })
                .collect(),
            site_defined: false,
        }
    }
}

impl EducationLevels {
    /// Every level, least schooling first.
    pub fn all(&self) -> impl Iterator<Item = EducationLevel> + '_ {
        (0..self.levels.len()).map(|i| EducationLevel(i as u16))
    }

    /// The keys, least schooling first.
    pub fn keys(&self) -> Vec<&str> {
        self.levels.iter().map(|l| l.key.as_str()).collect()
    }

    /// The level written `key` in front matter.
    pub fn find(&self, key: &str) -> Option<EducationLevel> {
        self.levels
            .iter()
            .position(|l| l.key == key)
            .map(|i| EducationLevel(i as u16))
    }

    fn definition(&self, level: EducationLevel) -> &LevelDefinition {
        // A level only comes from `find`, `all` or `from_bls` of this list;
        // the first stands in should a stale one ever reach here.
        self.levels
            .get(level.rank())
            .unwrap_or_else(|| &self.levels[0])
    }

    /// The name written in front matter (`high_school`, `a-levels`).
    pub fn key(&self, level: EducationLevel) -> &str {
        &self.definition(level).key
    }

    /// The key with dashes, as URLs write it (`high-school`).
    pub fn slug(&self, level: EducationLevel) -> String {
        self.key(level).replace('_', "-")
    }

    /// The message key of a built-in level's label (`education-high_school`).
    pub fn message_key(&self, level: EducationLevel) -> String {
        format!("education-{}", self.key(level))
    }

    /// Whether the levels come from `config.yaml` (and their labels with
    /// them) rather than being the built-in U.S. ones.
    pub fn site_defined(&self) -> bool {
        self.site_defined
    }

    /// The label in `language` (a BCP 47 tag): the label for that tag,
    /// else for its primary language (`en` for `en-GB`), else the first
    /// (the site's default language).
    pub fn label(&self, level: EducationLevel, language: &str) -> &str {
        let labels = &self.definition(level).labels;
        let primary = language.split('-').next().unwrap_or(language);
        labels
            .iter()
            .find(|(tag, _)| tag == language)
            .or_else(|| labels.iter().find(|(tag, _)| tag == primary))
            .or_else(|| labels.first())
            .map_or(self.key(level), |(_, label)| label)
    }

    /// schema.org `credentialCategory` wording, where one fits.
    pub fn credential_category(&self, level: EducationLevel) -> Option<&str> {
        self.definition(level).credential_category.as_deref()
    }

    /// The site's level standing for a U.S. level of projection data: the
    /// first naming it in `bls` (the level itself by default).
    pub fn from_bls(&self, education: Education) -> Option<EducationLevel> {
        self.levels
            .iter()
            .position(|l| l.bls.contains(&education))
            .map(|i| EducationLevel(i as u16))
    }

    /// Reads `slot` (`requirements.education`) as one of the levels;
    /// an unknown one is an error listing them. Errors go to `r`.
    pub fn read(&self, r: &mut Reader<'_>, slot: &Slot<'_>) -> Option<EducationLevel> {
        let value = slot.value?;
        let keys = self.keys();
        let expected = if self.site_defined {
            format!("one of the site's education levels ({})", keys.join(", "))
        } else {
            format!("one of {}", keys.join(", "))
        };
        let Value::String(found) = value else {
            r.expected(&slot.field, &expected, value);
            return None;
        };
        if let Some(level) = self.find(found) {
            return Some(level);
        }
        let help = match suggest(found, &keys) {
            Some(close) => format!("did you mean `{close}`?"),
            None if self.site_defined => format!(
                "`education_levels` in config.yaml lists: {}",
                keys.join(", ")
            ),
            None => format!("allowed values: {}", keys.join(", ")),
        };
        let diagnostic = Diagnostic::error(
            &r.path,
            format!("expected {expected}, found {}", yaml::describe(value)),
        )
        .with_help(help);
        r.push_at(&slot.field, diagnostic);
        None
    }
}

/// The keys of one level's mapping in `education_levels`.
const LEVEL_KEYS: &[&str] = &["label", "credential_category", "bls"];

/// Reads `education_levels:` from the config's top-level mapping; the
/// U.S. levels when absent. `language` is the site's default language,
/// which every level needs a label in. Errors go to `r`.
pub fn read_config(r: &mut Reader<'_>, root: &yaml::Map<'_>, language: &str) -> EducationLevels {
    let slot = root.at("education_levels");
    let Some(value) = slot.value else {
        return EducationLevels::default();
    };
    let Some(map) = value.as_mapping() else {
        r.expected(&slot.field, "a mapping of education level keys", value);
        return EducationLevels::default();
    };
    let mut levels: Vec<LevelDefinition> = Vec::new();
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        let field = format!("education_levels.{key}");
        if !is_level_key(key) {
            r.error(
                &field,
                format!("expected a level key of lowercase letters, digits, dashes and underscores, found {key:?}"),
            );
            continue;
        }
        let slug = key.replace('_', "-");
        if let Some(other) = levels.iter().find(|l| l.key.replace('_', "-") == slug) {
            r.error(
                &field,
                format!(
                    "expected keys that differ in more than `-` and `_` (URLs write both as `-`), found {key:?} beside {:?}",
                    other.key
                ),
            );
            continue;
        }
        let (labels, credential_category, bls) = match value {
            Value::String(_) => (read_labels(r, value, &field, language), None, Vec::new()),
            _ => {
                let Some(entry) = r.mapping(value, &field, LEVEL_KEYS) else {
                    continue;
                };
                let label_slot = entry.at("label");
                let labels = match label_slot.value {
                    Some(v) => read_labels(r, v, &label_slot.field, language),
                    None => {
                        r.error(
                            &label_slot.field,
                            format!("expected a label in the site's language (`{language}`), found nothing"),
                        );
                        Vec::new()
                    }
                };
                let credential_category = r.opt_string(&entry.at("credential_category"));
                let bls = read_bls(r, &entry.at("bls"));
                (labels, credential_category, bls)
            }
        };
        levels.push(LevelDefinition {
            key: key.to_string(),
            labels,
            credential_category,
            bls,
        });
    }
    if levels.is_empty() {
        r.error(
            &slot.field,
            "expected at least one education level, found none",
        );
        return EducationLevels::default();
    }
    if levels.len() > usize::from(u16::MAX) {
        r.error(&slot.field, "expected at most 65535 education levels");
        return EducationLevels::default();
    }
    EducationLevels {
        levels,
        site_defined: true,
    }
}

/// `a-levels`, `high_school`: lowercase ASCII words joined by one `-` or `_`.
fn is_level_key(key: &str) -> bool {
    !key.is_empty()
        && key.split(['-', '_']).all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A label as text (the site's language) or a mapping of language tags to
/// labels holding the site's language; the site's language first.
fn read_labels(
    r: &mut Reader<'_>,
    value: &Value,
    field: &str,
    language: &str,
) -> Vec<(String, String)> {
    if let Value::Mapping(map) = value {
        let mut labels = Vec::new();
        for (tag, label) in map {
            let Some(tag) = tag.as_str() else { continue };
            let label_field = format!("{field}.{tag}");
            if let Some(label) = r.string_value(label, &label_field) {
                labels.push((tag.to_string(), label));
            }
        }
        match labels.iter().position(|(tag, _)| tag == language) {
            Some(at) => labels[..=at].rotate_right(1),
            None => r.error(
                field,
                format!(
                    "expected a label in the site's language (`{language}`), found labels in {}",
                    labels
                        .iter()
                        .map(|(tag, _)| format!("`{tag}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
        return labels;
    }
    r.string_value(value, field)
        .map(|label| vec![(language.to_string(), label)])
        .unwrap_or_default()
}

fn read_bls(r: &mut Reader<'_>, slot: &Slot<'_>) -> Vec<Education> {
    r.opt_list(slot, |r, value, field| {
        let found = value.as_str().and_then(Education::from_name);
        if found.is_none() {
            let expected = format!("one of {}", Education::NAMES.join(", "));
            r.expected(field, &expected, value);
        }
        found
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::config::parse;

    const MINIMAL: &str = "title: T\nbase_url: https://example.org/\n";

    #[test]
    fn the_us_levels_are_the_default() {
        let config = parse(MINIMAL).expect("valid config");
        let levels = &config.education_levels;
        assert!(!levels.site_defined());
        let bachelors = levels.find("bachelors").expect("a BLS level");
        assert_eq!(levels.label(bachelors, "en"), "Bachelor's degree");
        assert_eq!(levels.message_key(bachelors), "education-bachelors");
        assert_eq!(
            levels.credential_category(bachelors),
            Some("bachelor degree")
        );
        let high_school = levels.find("high_school").expect("a BLS level");
        assert!(high_school < bachelors);
        assert_eq!(levels.slug(high_school), "high-school");
    }

    #[test]
    fn a_site_defines_its_levels_in_order_with_labels_per_language() {
        let config = parse(&format!(
            "{MINIMAL}language: en-GB\neducation_levels:\n  gcses: GCSEs\n  \
             a-levels: {{ label: {{ cy: Safon Uwch, en-GB: A levels }} }}\n  \
             degree: {{ label: Degree, credential_category: bachelor degree, bls: [bachelors, associates] }}\n"
        ))
        .expect("valid config");
        let levels = &config.education_levels;
        assert!(levels.site_defined());
        assert_eq!(levels.keys(), ["gcses", "a-levels", "degree"]);
        let a_levels = levels.find("a-levels").expect("defined");
        assert_eq!(levels.label(a_levels, "en-GB"), "A levels");
        assert_eq!(levels.label(a_levels, "cy"), "Safon Uwch");
        // Another language falls back to the site's own.
        assert_eq!(levels.label(a_levels, "fr"), "A levels");
        assert!(levels.find("bachelors").is_none());
        let degree = levels.find("degree").expect("defined");
        assert_eq!(
            levels.from_bls(crate::vocabulary::Education::Associates),
            Some(degree)
        );
        assert_eq!(levels.from_bls(crate::vocabulary::Education::Masters), None);
        assert_eq!(levels.credential_category(degree), Some("bachelor degree"));
        assert_eq!(levels.credential_category(a_levels), None);
    }

    #[test]
    fn bad_level_definitions_are_located_errors() {
        let errors = parse(&format!(
            "{MINIMAL}education_levels:\n  A Levels: x\n  gcse: {{ label: {{ fr: Brevet }} }}\n  \
             a_b: A\n  a-b: B\n  phd: {{ label: PhD, bls: [doctorate] }}\n  none: {{ credential_category: x }}\n"
        ))
        .expect_err("invalid levels");
        let fields: Vec<_> = errors
            .iter()
            .map(|d| d.field.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            fields,
            [
                "education_levels.A Levels",
                "education_levels.gcse.label",
                "education_levels.a-b",
                "education_levels.phd.bls[0]",
                "education_levels.none.label",
            ]
        );
        assert_eq!(errors[1].position.map(|p| p.line), Some(5));
        let empty = parse(&format!("{MINIMAL}education_levels: {{}}\n")).expect_err("empty");
        assert_eq!(empty[0].field.as_deref(), Some("education_levels"));
    }
}
