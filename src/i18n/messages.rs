//! The messages of one language and the lookup through its fallbacks.

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

/// One language's messages, its files merged (site over theme over the
/// built-in theme): a link of the fallback chain.
pub(crate) struct Layer {
    /// The BCP 47 tag the files are named after (`fr`, `fr-CA`).
    pub tag: String,
    pub bundle: FluentBundle<FluentResource>,
    /// The ids of the messages its files define, in file order.
    pub ids: Vec<String>,
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

    /// Every message that takes no argument, formatted, by key: the keys
    /// of every language of the chain, each text from the first language
    /// that has it. A message with a `{ $variable }` is left out (it needs
    /// [`Messages::get`] with its arguments).
    pub fn plain_messages(&self) -> Vec<(String, String)> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for layer in &self.layers {
            for id in &layer.ids {
                if !seen.insert(id.as_str()) {
                    continue;
                }
                let Some(first) = self.layers.iter().find(|layer| layer.has(id)) else {
                    continue;
                };
                let Some(pattern) = first.bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut variables = Vec::new();
                let mut selectors = Vec::new();
                pattern_variables(pattern, &mut variables, &mut selectors);
                if variables.is_empty()
                    && selectors.is_empty()
                    && let Some(text) = first.format(id, &Args::new())
                {
                    out.push((id.clone(), text));
                }
            }
        }
        out
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

impl Messages {
    /// The messages `keys` for a script that writes text in the reader's
    /// browser, as a JSON object by key. An argument becomes the
    /// placeholder `{name}` for the script to fill in. A message that
    /// chooses by the plural category of a number (`{ $count -> … }`) is
    /// an object with the name of that argument under `"by"` and one text
    /// per CLDR category the language has (`"one"`, `"other"`, …), for
    /// the script to pick with `Intl.PluralRules`; any other is a string.
    /// A key no language of the chain has is left out.
    ///
    /// The text is plain: a script writes it as text, not as markup.
    pub fn for_script(&self, keys: &[&str]) -> serde_json::Map<String, serde_json::Value> {
        let style = crate::render::format::NumberStyle::for_language(&self.lang);
        let samples = style.plural_samples();
        let mut out = serde_json::Map::new();
        for key in keys {
            let Some(layer) = self.layers.iter().find(|layer| layer.has(key)) else {
                continue;
            };
            let Some(pattern) = layer.bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut variables = Vec::new();
            let mut selectors = Vec::new();
            pattern_variables(pattern, &mut variables, &mut selectors);
            let placeholders = |skip: Option<&str>| {
                let mut args = Args::new();
                for &name in &variables {
                    if Some(name) != skip {
                        args.set(name, Arg::Text(format!("{{{name}}}").into()));
                    }
                }
                args
            };
            let value = match selectors.first() {
                None => layer
                    .format(key, &placeholders(None))
                    .map(serde_json::Value::String),
                Some(&by) => {
                    let mut forms = serde_json::Map::new();
                    forms.insert("by".into(), by.into());
                    for (category, count) in &samples {
                        let mut args = placeholders(Some(by));
                        args.set(by, Arg::Number(*count as f64));
                        if let Some(text) = layer.format(key, &args) {
                            let text = replace_number(&text, *count, &format!("{{{by}}}"));
                            forms.insert((*category).into(), text.into());
                        }
                    }
                    Some(serde_json::Value::Object(forms))
                }
            };
            if let Some(value) = value {
                out.insert((*key).to_string(), value);
            }
        }
        out
    }
}

/// The names of the variables a pattern uses, in order of first use, and
/// of those it selects on.
fn pattern_variables<'a>(
    pattern: &ast::Pattern<&'a str>,
    variables: &mut Vec<&'a str>,
    selectors: &mut Vec<&'a str>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables, selectors);
        }
    }
}

fn expression_variables<'a>(
    expression: &ast::Expression<&'a str>,
    variables: &mut Vec<&'a str>,
    selectors: &mut Vec<&'a str>,
) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector
                && !selectors.contains(&id.name)
            {
                selectors.push(id.name);
            }
            inline_variables(selector, variables, selectors);
            for variant in variants {
                pattern_variables(&variant.value, variables, selectors);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, variables, selectors),
    }
}

fn inline_variables<'a>(
    inline: &ast::InlineExpression<&'a str>,
    variables: &mut Vec<&'a str>,
    selectors: &mut Vec<&'a str>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } if !variables.contains(&id.name) => {
            variables.push(id.name);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, variables, selectors);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, variables, selectors);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, variables, selectors)
        }
        _ => {}
    }
}

/// `text` with each appearance of `count` as a whole number (not part of
/// a longer one) replaced by `placeholder`.
fn replace_number(text: &str, count: u64, placeholder: &str) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&digits) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + digits.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit()) {
            out.push_str(&digits);
        } else {
            out.push_str(placeholder);
        }
        rest = &rest[at + digits.len()..];
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::replace_number;

    #[test]
    fn only_the_whole_number_becomes_the_placeholder() {
        assert_eq!(replace_number("1 of 10, 1", 1, "{n}"), "{n} of 10, {n}");
        assert_eq!(replace_number("21 and 121", 21, "{n}"), "{n} and 121");
        assert_eq!(replace_number("none", 0, "{n}"), "none");
    }
}
