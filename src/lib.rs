//! careergen: a static site generator for career guides.
//!
//! The pipeline runs one way: [`config`] → [`content`] (load, parse,
//! validate) → [`render`] (Markdown, template context, Tera) → [`output`],
//! orchestrated by [`site`]. The binary in `main.rs` only parses the command
//! line and prints.

#![deny(clippy::print_stdout, clippy::print_stderr)]
// A `Diagnostic` is an error carried as data, returned at most once per file
// or template: its size does not matter, its fields do.
#![allow(clippy::result_large_err)]

pub mod clock;
pub mod config;
pub mod content;
pub mod data;
pub mod diagnostics;
pub mod i18n;
pub mod links;
pub mod output;
pub mod permalink;
pub mod precompress;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod statics;
pub mod timings;
pub mod vocabulary;
pub mod walk;
pub mod yaml;
