//! Reader-facing text in the site's languages: Project Fluent message
//! files (`.ftl`), the default theme's built in (`themes/default/i18n/`),
//! a custom theme's and the site's own (`i18n/<lang>.ftl`) laid over them,
//! message by message.
//!
//! A page in language `L` takes each message from the first of: `L`, its
//! primary language (`fr` for `fr-CA`), the site's default language (and
//! its primary language), then English. Within one language, the site's
//! file wins over the theme's, which wins over the built-in theme's.
//! Templates reach the messages through the Tera function `t`
//! ([`register`]), and those without arguments also through the map
//! `msg` in every page's context ([`message_map`]); render code through
//! [`Catalog::messages`].

mod catalog;
mod function;
mod messages;

pub use catalog::{Catalog, MESSAGES_DIR, fallback_tags, sources};
pub use function::{MESSAGE_MAP, message_map, register};
pub use messages::{Arg, Args, Messages};

/// The built-in theme's messages with English as the default language,
/// read once: what `t` answers with until a build registers the site's
/// own ([`register`]), so that templates compile knowing `t`.
pub fn builtin_catalog() -> std::sync::Arc<Catalog> {
    static BUILTIN: std::sync::OnceLock<std::sync::Arc<Catalog>> = std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| std::sync::Arc::new(Catalog::builtin("en")))
        .clone()
}

/// The built-in theme's messages for pages in `lang`, read once per
/// language: for formatting where no site's messages are at hand.
pub fn builtin_messages(lang: &str) -> Messages {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static BY_LANGUAGE: OnceLock<Mutex<HashMap<String, Arc<Catalog>>>> = OnceLock::new();
    let mut cache = BY_LANGUAGE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry(lang.to_string())
        .or_insert_with(|| Arc::new(Catalog::builtin(lang)))
        .messages(lang)
        .clone()
}
