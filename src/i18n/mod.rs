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
//! ([`register`]); render code through [`Catalog::messages`].

mod catalog;
mod function;
mod messages;

pub use catalog::{Catalog, MESSAGES_DIR, sources};
pub use function::register;
pub use messages::{Arg, Args, Messages};
