//! Turning validated guides into HTML: Markdown, template views, formatting
//! and Tera.

pub mod context;
pub mod format;
pub mod markdown;
pub mod templates;
