//! Guides and a site config for the render modules' unit tests, read through
//! the real parser so that tests see exactly what a build sees.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::content::parse::parse_guide;

/// The example site's settings, under `base_url`.
pub fn config_at(base_url: &str) -> SiteConfig {
    let text = format!(
        "title: Careers Handbook\n\
         base_url: {base_url}\n\
         description: Plain-language career profiles.\n\
         language: en\n\
         country: US\n\
         author:\n  name: Handbook editors\n\
         projections:\n  default_period: 2024-2034\n  periods:\n    2024-2034:\n      average_growth: 3\n      bands: {{ much_faster_than_average: 7, faster_than_average: 5, as_fast_as_average: 3, slower_than_average: 1, little_or_no_change: 0 }}\n\
         categories:\n  sales:\n    name: Sales\n  management:\n    name: Management\n"
    );
    crate::config::parse(&text).expect("test config is valid")
}

/// The example site's settings at `https://example.org/`.
pub fn config() -> SiteConfig {
    config_at("https://example.org/")
}

/// Parses a guide from its front matter (without the `---` lines) and body.
pub fn guide_with_body(slug: &str, front_matter: &str, body: &str) -> Guide {
    let text = format!("---\n{front_matter}\n---\n{body}");
    let path = PathBuf::from(format!("content/{slug}.md"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date");
    let parsed = parse_guide(
        &path,
        &format!("{slug}.md"),
        text.as_bytes(),
        &config(),
        today,
    );
    let errors: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect();
    assert!(
        errors.is_empty(),
        "test guide `{slug}` is invalid: {errors:?}"
    );
    parsed.guide.expect("test guide parses")
}

/// Parses a guide from its front matter, with an empty body.
pub fn guide(slug: &str, front_matter: &str) -> Guide {
    guide_with_body(slug, front_matter, "")
}

/// A guide with only the required fields and the given extra lines.
pub fn minimal(slug: &str, title: &str, extra: &str) -> Guide {
    guide(
        slug,
        &format!("title: {title}\nsummary: What a {title} does.\nduties: [Work]\n{extra}"),
    )
}
