//! Rules that span guides: unique slugs and titles, and guide references
//! that resolve to another guide.

use std::collections::HashMap;

use super::guide::Guide;
use super::index::GuideIndex;
use crate::diagnostics::{Diagnostic, suggest};

/// Checks the cross-guide rules. `skipped_drafts` are slugs of drafts left
/// out of this build, so a reference to one can say why it fails.
pub fn validate(
    guides: &[Guide],
    index: &GuideIndex,
    skipped_drafts: &[String],
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    duplicates(guides, "slug", |g| g.slug.clone(), &mut diagnostics);
    duplicates(
        guides,
        "title",
        |g| g.title.trim().to_lowercase(),
        &mut diagnostics,
    );
    let slugs: Vec<&str> = index.slugs().collect();
    for guide in guides {
        for (field, slug) in guide.guide_references() {
            let problem = if slug == guide.slug {
                Some((
                    format!("expected another guide, found this guide's own slug {slug:?}"),
                    None,
                ))
            } else if index.by_slug(slug).is_some() {
                None
            } else if skipped_drafts.iter().any(|d| d == slug) {
                Some((
                    format!("expected a published guide, found the draft {slug:?}"),
                    Some("build with `--drafts`, or publish that guide".to_string()),
                ))
            } else {
                Some((
                    format!("expected the slug of a guide, found {slug:?}, which names no guide"),
                    suggest(slug, &slugs).map(|s| format!("did you mean `{s}`?")),
                ))
            };
            if let Some((message, help)) = problem {
                let mut diagnostic =
                    Diagnostic::error(&guide.path, message).with_field(field.as_str());
                if let Some(position) = guide.anchor(&field) {
                    diagnostic = diagnostic.at_position(position);
                }
                if let Some(help) = help {
                    diagnostic = diagnostic.with_help(help);
                }
                diagnostics.push(diagnostic);
            }
        }
    }
    diagnostics
}

/// Reports each guide whose `key` repeats an earlier guide's, naming both files.
fn duplicates(
    guides: &[Guide],
    field: &str,
    key: impl Fn(&Guide) -> String,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<String, &Guide> = HashMap::new();
    for guide in guides {
        let value = key(guide);
        if value.is_empty() {
            // Already reported as a missing field.
            continue;
        }
        match first.get(value.as_str()) {
            Some(earlier) => {
                let mut diagnostic = Diagnostic::error(
                    &guide.path,
                    format!(
                        "expected a unique {field}, found {value:?}, already used by `{}`",
                        earlier.path.display()
                    ),
                )
                .with_field(field);
                if let Some(position) = guide.anchor(field) {
                    diagnostic = diagnostic.at_position(position);
                }
                diagnostics.push(diagnostic);
            }
            None => {
                first.insert(value, guide);
            }
        }
    }
}
