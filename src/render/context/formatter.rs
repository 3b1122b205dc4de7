//! The [`Formatter`]: one build's number style and messages, turning the
//! model's vocabulary keys and amounts into the reader's wording.

use serde::Serialize;

use crate::config::SiteConfig;
use crate::config::education::EducationLevel;
use crate::content::guide::{Experience, GrowthLabel, Guide, PayPeriod, Salary, Training};
use crate::data::states::State;
use crate::i18n::{Args, Messages};
use crate::render::format::NumberStyle;

/// A name with its display wording (`bachelors` / `Bachelor's degree`),
/// the wording from the messages (`education-bachelors`).
#[derive(Serialize)]
pub struct Named {
    pub key: &'static str,
    pub label: String,
}

/// An education level of the site's list (`a-levels` / `A levels`).
#[derive(Serialize)]
pub struct LevelView<'a> {
    pub key: &'a str,
    pub label: String,
}

/// A category reference.
#[derive(Serialize)]
pub struct CategoryRef<'a> {
    pub key: &'a str,
    pub name: &'a str,
}

/// Shared formatting state for one build.
pub struct Formatter<'a> {
    pub config: &'a SiteConfig,
    pub style: NumberStyle,
    /// Whether the site has browse pages (its theme has `browse.html`), so
    /// that a guide page links its category, industries and education
    /// level to them.
    pub browse_pages: bool,
    /// The reader-facing text of the pages being formatted.
    pub messages: Messages,
    /// The areas of [`crate::data::states::STATES`] with their names in
    /// the language of `messages`, in its alphabetical order, made on first
    /// use: every guide page with state data lists all 54.
    state_names: std::sync::OnceLock<Vec<(&'static State, String)>>,
    /// `chart-label-value` cut around its two arguments, made on first use
    /// ([`Formatter::label_value`]).
    label_value: std::sync::OnceLock<Option<LabelValue>>,
}

/// A `label: value` message cut into the text around its arguments.
struct LabelValue {
    before: String,
    between: String,
    after: String,
    /// Whether the language names the value first.
    value_first: bool,
}

impl<'a> Formatter<'a> {
    pub fn new(config: &'a SiteConfig) -> Self {
        Formatter {
            config,
            style: NumberStyle::for_language(&config.language),
            browse_pages: false,
            messages: crate::i18n::builtin_messages(&config.language),
            state_names: std::sync::OnceLock::new(),
            label_value: std::sync::OnceLock::new(),
        }
    }

    /// The same formatter with the site's own messages (its `i18n/` files).
    pub fn with_messages(mut self, messages: &Messages) -> Self {
        self.messages = messages.clone();
        self.state_names = std::sync::OnceLock::new();
        self.label_value = std::sync::OnceLock::new();
        self
    }

    /// Every area with its name in the language of the messages, in that
    /// language's alphabetical order (`Nueva Jersey`, `Nueva York`, `Nuevo
    /// Hampshire`).
    pub fn states(&self) -> &[(&'static State, String)] {
        self.state_names.get_or_init(|| {
            let mut states: Vec<_> = crate::data::states::STATES
                .iter()
                .map(|s| (s, s.name_in(&self.messages)))
                .collect();
            states.sort_by(|a, b| self.style.collate(&a.1, &b.1));
            states
        })
    }

    /// The name of `state` in the language of the messages (`Nueva York`).
    pub fn state_name(&self, state: &State) -> &str {
        self.states()
            .iter()
            .find(|(s, _)| s.postal == state.postal)
            .map_or(state.name, |(_, name)| name.as_str())
    }

    /// `label: value` as the language writes it (`chart-label-value`): the
    /// message is formatted once and its text reused around the arguments.
    pub fn label_value(&self, label: &str, value: &str) -> String {
        const LABEL: &str = "\u{1}label\u{1}";
        const VALUE: &str = "\u{1}value\u{1}";
        let cut = self.label_value.get_or_init(|| {
            let text = self.text(
                "chart-label-value",
                &Args::new().with("label", LABEL).with("value", VALUE),
            );
            let (l, v) = (text.find(LABEL)?, text.find(VALUE)?);
            let (first, second, value_first) = if l < v {
                (LABEL, VALUE, false)
            } else {
                (VALUE, LABEL, true)
            };
            let (before, rest) = text.split_once(first)?;
            let (between, after) = rest.split_once(second)?;
            Some(LabelValue {
                before: before.to_string(),
                between: between.to_string(),
                after: after.to_string(),
                value_first,
            })
        });
        match cut {
            Some(cut) => {
                let (first, second) = if cut.value_first {
                    (value, label)
                } else {
                    (label, value)
                };
                format!("{}{first}{}{second}{}", cut.before, cut.between, cut.after)
            }
            None => self.text(
                "chart-label-value",
                &Args::new().with("label", label).with("value", value),
            ),
        }
    }

    /// A growth label as readers see it.
    pub fn growth(&self, label: GrowthLabel) -> Named {
        self.named("growth", label.name())
    }

    /// Work experience as readers see it.
    pub fn experience(&self, experience: Experience) -> Named {
        self.named("experience", experience.name())
    }

    /// On-the-job training as readers see it.
    pub fn training(&self, training: Training) -> Named {
        self.named("training", training.name())
    }

    /// The message `key` with `args`.
    pub fn text(&self, key: &str, args: &Args) -> String {
        self.messages.text(key, args)
    }

    /// The reader's wording of a vocabulary key: `education-bachelors` →
    /// `Bachelor's degree`.
    pub fn label(&self, vocabulary: &str, key: &str) -> String {
        self.messages.plain(&format!("{vocabulary}-{key}"))
    }

    /// A vocabulary key with its wording.
    pub fn named(&self, vocabulary: &str, key: &'static str) -> Named {
        Named {
            key,
            label: self.label(vocabulary, key),
        }
    }

    /// `per year`, `per hour`.
    pub fn period_label(&self, period: PayPeriod) -> String {
        self.label("pay-per", period.name())
    }

    /// The link from a guide page (at depth 1) to the browse page at
    /// `path` below the site root, when the site has browse pages.
    pub(super) fn browse_href(&self, path: String) -> Option<String> {
        self.browse_pages
            .then(|| crate::permalink::from_guide(&path))
    }

    pub(super) fn money(&self, salary: &Salary, amount: Option<f64>) -> Option<String> {
        amount.map(|a| self.style.money(a, &salary.currency, salary.period))
    }

    /// An education level as readers see it: a built-in level labelled
    /// by the messages (`education-high_school`), a site's own by
    /// config.yaml in the messages' language.
    pub fn education(&self, level: EducationLevel) -> LevelView<'a> {
        let levels = &self.config.education_levels;
        let label = if levels.site_defined() {
            levels.label(level, self.messages.language()).to_string()
        } else {
            self.messages.plain(&levels.message_key(level))
        };
        LevelView {
            key: levels.key(level),
            label,
        }
    }

    pub(super) fn category(&self, guide: &'a Guide) -> Option<CategoryRef<'a>> {
        let key = guide.category.as_deref()?;
        let category = self.config.category(key)?;
        Some(CategoryRef {
            key: &category.key,
            name: &category.name,
        })
    }
}
