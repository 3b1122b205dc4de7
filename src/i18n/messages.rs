//! The messages of one language and the lookup through its fallbacks.

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// One language's messages, its files merged (site over theme over the
/// built-in theme): a link of the fallback chain.
pub(crate) struct Layer {
    /// The BCP 47 tag the files are named after (`fr`, `fr-CA`).
    pub tag: String,
    pub bundle: FluentBundle<FluentResource>,
}

impl Layer {
    pub fn has(&self, key: &str) -> bool {
        self.bundle
            .get_message(key)
            .is_some_and(|m| m.value().is_some())
    }

    /// `key` formatted with `args`, when this language has it. Fluent's
    /// own errors (an argument the message uses but was not given) leave
    /// `{$name}` in the text, which is what a reader then sees.
    fn format(&self, key: &str, args: &Args) -> Option<String> {
        let message = self.bundle.get_message(key)?;
        let pattern = message.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, Some(&args.0), &mut errors)
                .into_owned(),
        )
    }
}

/// The messages a page in one language reads, with the languages it
/// falls back to. Cheap to clone and to share between threads.
#[derive(Clone)]
pub struct Messages {
    lang: String,
    /// The page's language first, English last; only languages that have
    /// at least one message file.
    layers: Vec<Arc<Layer>>,
}

impl Messages {
    pub(crate) fn new(lang: &str, layers: Vec<Arc<Layer>>) -> Self {
        Messages {
            lang: lang.to_string(),
            layers,
        }
    }

    /// The BCP 47 tag of the pages these messages are for (`fr`).
    pub fn language(&self) -> &str {
        &self.lang
    }

    /// The message `key` with `args`, from the first language of the
    /// chain that has it; the key itself when none has (a key missing
    /// even from English is a theme or template bug, and shows as such).
    pub fn text(&self, key: &str, args: &Args) -> String {
        self.get(key, args).unwrap_or_else(|| key.to_string())
    }

    /// The message `key` without arguments ([`Messages::text`]).
    pub fn plain(&self, key: &str) -> String {
        self.text(key, &Args::new())
    }

    /// The message `key` with `args`, or `None` when no language of the
    /// chain has it.
    pub fn get(&self, key: &str, args: &Args) -> Option<String> {
        self.layers.iter().find_map(|layer| layer.format(key, args))
    }

    /// Whether any language of the chain has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.layers.iter().any(|layer| layer.has(key))
    }

    /// The tag of the language that supplies `key` (`en` for a message
    /// a French page falls back on), for marking fallback text with `lang`.
    pub fn language_of(&self, key: &str) -> Option<&str> {
        self.layers
            .iter()
            .find(|layer| layer.has(key))
            .map(|layer| layer.tag.as_str())
    }
}

/// A message's arguments, by name: text (already formatted, such as
/// `$75,500` or `4%`) or a number (for plural selection, `{ $count -> … }`;
/// shown as plain digits when the message prints it).
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

/// One argument of a message.
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Args(FluentArgs::new())
    }

    /// Adds the argument `name` (`count` for `$count`).
    pub fn with(mut self, name: &'a str, value: impl Into<Arg<'a>>) -> Self {
        self.set(name, value);
        self
    }

    /// Sets the argument `name`, replacing any value it had.
    pub fn set(&mut self, name: &'a str, value: impl Into<Arg<'a>>) {
        let value: FluentValue<'a> = match value.into() {
            Arg::Text(text) => FluentValue::from(text),
            Arg::Number(number) => FluentValue::from(number),
        };
        self.0.set(name, value);
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(number: $t) -> Self {
                Arg::Number(number as f64)
            }
        }
    )*};
}

number_arg!(f64, f32, i64, i32, u64, u32, usize);
