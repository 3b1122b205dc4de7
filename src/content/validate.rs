//! Rules that span guides: unique slugs and titles, guide references that
//! resolve to another guide, and a warning for a guide nothing links to.

use std::collections::{HashMap, HashSet};

use super::guide::Guide;
use super::index::{GuideIndex, Reason};
use crate::diagnostics::{Diagnostic, kinds, suggest};

/// Checks the cross-guide rules. `skipped_drafts` are slugs of drafts left
/// out of this build, so a reference to one can say why it fails.
pub fn validate(
    guides: &[Guide],
    index: &GuideIndex,
    skipped_drafts: &[String],
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for guide in guides {
        // The site's own pages (all-careers/, search/, …) own these paths.
        if crate::permalink::reserved_slug(&guide.slug) {
            let mut diagnostic = Diagnostic::error(
                &guide.path,
                format!(
                    "expected a slug the site's own pages do not use, found {:?}",
                    guide.slug
                ),
            )
            .with_field("slug")
            .with_help("set another `slug:` (reserved: all-careers, categories, compare, education, industries, search, static)");
            if let Some(position) = guide.anchor("slug") {
                diagnostic = diagnostic.at_position(position);
            }
            diagnostics.push(diagnostic);
        }
    }
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
            } else if index.by_slug(slug).is_some()
                // The file that may hold it failed to load and says why: one
                // mistake, one error, not one more in each guide naming it.
                || index.unavailable_slug(slug) == Some(Reason::Failed)
            {
                None
            } else if skipped_drafts.iter().any(|d| d == slug)
                || index.unavailable_slug(slug) == Some(Reason::Draft)
            {
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
    unlinked(guides, index, &mut diagnostics);
    diagnostics.extend(spelling_collisions(guides));
    diagnostics
}

/// The fewest published guides in a site where links between guides are
/// expected: with one or two there is little to link.
pub const MIN_GUIDES_FOR_LINKS: usize = 3;

/// Warns about each published guide that no other guide links to, by a
/// `career_path` or `related_careers` entry or an `@/` link in its Markdown.
/// Readers then reach it only from the listings.
///
/// Only where links are expected: a site of at least
/// [`MIN_GUIDES_FOR_LINKS`] published guides in which some guide already
/// links another. A site that links no guide at all (a fresh site, or one
/// generated from a data set) gets no warning per guide for it.
fn unlinked(guides: &[Guide], index: &GuideIndex, diagnostics: &mut Vec<Diagnostic>) {
    if guides.iter().filter(|g| !g.draft).count() < MIN_GUIDES_FOR_LINKS {
        return;
    }
    let mut linked: HashSet<&str> = HashSet::new();
    for guide in guides {
        for (_, slug) in guide.guide_references() {
            if slug != guide.slug && index.by_slug(slug).is_some() {
                linked.insert(slug);
            }
        }
        for path in &guide.linked_paths {
            if let Some(target) = index.by_content_path(path).map(|i| &guides[i])
                && target.slug != guide.slug
            {
                linked.insert(target.slug.as_str());
            }
        }
    }
    if linked.is_empty() {
        return;
    }
    for guide in guides {
        if guide.draft || linked.contains(guide.slug.as_str()) {
            continue;
        }
        let mut diagnostic = Diagnostic::warning(
            &guide.path,
            "expected a link from another guide, found none: readers reach this guide only from the listings",
        )
        .with_help(format!(
            "name `{}` under another guide's `related_careers` or `career_path`, or link it with `@/{}`",
            guide.slug, guide.content_path
        ))
        .with_kind(kinds::UNLINKED);
        if let Some(position) = guide.anchor("title") {
            diagnostic = diagnostic.at_position(position);
        }
        diagnostics.push(diagnostic);
    }
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

/// Warns where two spellings of an industry make one browse page
/// (`Food & drink` and `Food drink` are both `industries/food-drink/`),
/// which would merge them under one name with no word, and where a name
/// makes no page at all (`&`). Spellings that differ only in case are one
/// name and stay silent. One warning per extra spelling, at the first guide
/// writing it, naming the guide of the first spelling.
pub fn spelling_collisions(guides: &[Guide]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    // Slug → (spelling, lowercased, guide) of the first seen.
    let mut first: HashMap<String, (&str, String, &Guide)> = HashMap::new();
    let mut reported: HashSet<(String, String)> = HashSet::new();
    for guide in guides {
        for (i, industry) in guide.industries.iter().enumerate() {
            let field = format!("industries[{i}]");
            let name = industry.trim();
            let key = crate::permalink::slugify(name);
            if key.is_empty() {
                let mut diagnostic = Diagnostic::warning(
                    &guide.path,
                    format!(
                        "expected an industry name with a letter or digit, found {name:?}, which gets no browse page"
                    ),
                )
                .with_field(field.as_str())
                .with_kind(kinds::SPELLING);
                if let Some(position) = guide.anchor(&field) {
                    diagnostic = diagnostic.at_position(position);
                }
                diagnostics.push(diagnostic);
                continue;
            }
            let lower = name.to_lowercase();
            match first.get(&key) {
                None => {
                    first.insert(key, (name, lower, guide));
                }
                Some((spelling, first_lower, first_guide)) => {
                    if *first_lower == lower || !reported.insert((key.clone(), lower)) {
                        continue;
                    }
                    let mut diagnostic = Diagnostic::warning(
                        &guide.path,
                        format!(
                            "expected one spelling per industry, found {name:?} here and {spelling:?} in `{}`, which share the page {}/{key}/",
                            first_guide.path.display(),
                            crate::permalink::INDUSTRIES_SEGMENT
                        ),
                    )
                    .with_field(field.as_str())
                    .with_help("write the industry the same way in both guides, or name two industries so that they differ in a letter or digit")
                    .with_kind(kinds::SPELLING);
                    if let Some(position) = guide.anchor(&field) {
                        diagnostic = diagnostic.at_position(position);
                    }
                    diagnostics.push(diagnostic);
                }
            }
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;

    use super::*;
    use crate::content::parse::parse_guide;
    use crate::diagnostics::Severity;

    /// Parses guides given as (slug, extra front matter, body).
    fn guides(specs: &[(&str, &str, &str)]) -> Vec<Guide> {
        let config = crate::config::parse("title: T\nbase_url: https://example.org/\n")
            .expect("test config is valid");
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date");
        specs
            .iter()
            .map(|(slug, front_matter, body)| {
                let text = format!(
                    "---\ntitle: {slug}\nsummary: S.\nduties: [d]\nrequirements: {{ education: bachelors }}\nsalary: {{ median: 50000 }}\noutlook: {{ label: decline }}\n{front_matter}\n---\n{body}"
                );
                let path = format!("content/{slug}.md");
                let parsed = parse_guide(
                    Path::new(&path),
                    &format!("{slug}.md"),
                    text.as_bytes(),
                    &config,
                    today,
                );
                assert_eq!(parsed.diagnostics, Vec::new(), "{slug}");
                parsed.guide.expect("a guide")
            })
            .collect()
    }

    fn unlinked_paths(guides: &[Guide]) -> Vec<String> {
        let index = GuideIndex::new(guides);
        validate(guides, &index, &[])
            .into_iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.path.display().to_string())
            .collect()
    }

    #[test]
    fn a_guide_nothing_links_to_is_a_warning() {
        let guides = guides(&[
            ("a", "related_careers: [{ title: B, guide: b }]", ""),
            ("b", "career_path: [{ title: C, guide: c }]", ""),
            ("c", "", "See [a](@/a.md#pay)."),
            ("d", "", "Linking to myself: [d](@/d.md)."),
        ]);
        assert_eq!(unlinked_paths(&guides), ["content/d.md"]);
    }

    #[test]
    fn links_in_markdown_fields_count() {
        let guides = guides(&[
            ("a", "faq: [{ question: Q?, answer: 'See <@/b.md>' }]", ""),
            ("b", "environment: { summary: 'Like [a](@/a.md)' }", ""),
        ]);
        assert_eq!(unlinked_paths(&guides), Vec::<String>::new());
    }

    #[test]
    fn a_single_published_guide_or_a_draft_is_not_warned_about() {
        let single = guides(&[("a", "", "")]);
        assert_eq!(unlinked_paths(&single), Vec::<String>::new());
        let with_draft = guides(&[("a", "", ""), ("b", "draft: true", "")]);
        assert_eq!(unlinked_paths(&with_draft), Vec::<String>::new());
    }

    #[test]
    fn unlinked_guides_are_warned_about_only_where_links_are_expected() {
        // Two published guides, one linking the other: too few to expect links.
        let two = guides(&[
            ("a", "", "[c](@/c.md)"),
            ("b", "draft: true", ""),
            ("c", "", ""),
        ]);
        assert_eq!(unlinked_paths(&two), Vec::<String>::new());
        // Three, none linking any: a site that does not link its guides.
        let unlinked_site = guides(&[("a", "", ""), ("b", "", ""), ("c", "", "")]);
        assert_eq!(unlinked_paths(&unlinked_site), Vec::<String>::new());
        // Three, one linking another: the other two are reached from nowhere.
        let linked_site = guides(&[("a", "", "[c](@/c.md)"), ("b", "", ""), ("c", "", "")]);
        assert_eq!(
            unlinked_paths(&linked_site),
            ["content/a.md", "content/b.md"]
        );
    }
}
