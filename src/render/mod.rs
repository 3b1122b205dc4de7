//! Turning validated guides into HTML: Markdown, template views, formatting
//! and Tera.

pub mod all_careers;
pub mod browse;
pub mod bundles;
pub mod charts;
pub mod compare;
pub mod context;
pub mod direction;
pub mod format;
pub mod guides;
pub mod images;
pub mod kinds;
pub mod languages;
pub mod listings;
pub mod markdown;
pub mod menu;
pub mod paginate;
pub mod pay;
pub mod provenance;
pub mod script_messages;
pub mod search;
pub mod shortcodes;
pub mod similar;
pub mod site_files;
pub mod state_pay;
pub mod structured_data;
pub mod templates;
#[cfg(test)]
pub(crate) mod test_guides;
pub mod theme;
