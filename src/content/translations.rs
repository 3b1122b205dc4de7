//! Translations of content files: `account-manager.es.md` beside
//! `account-manager.md`, `advice/salary.es.md` beside `advice/salary.md`,
//! as Zola names them.
//!
//! A guide's translation gives its own prose (title, summary, duties, body
//! …) and takes the figures every language shares from the default
//! language's file ([`SHARED_FIELDS`]); giving a shared figure that differs
//! is an error naming both files. Each language becomes a set of guides and
//! a library of its own, rendered as a site below the language's folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::json;

use super::guide::Guide;
use super::index::GuideIndex;
use super::kinds::{self, Library, Sorted};
use crate::config::{SiteConfig, Untranslated};
use crate::diagnostics::Diagnostic;

/// The front-matter fields a translation shares with the default
/// language's guide: given once there, taken by every translation. A
/// translation may repeat one only with the same value.
pub const SHARED_FIELDS: &[&str] = &[
    "codes.soc",
    "codes.onet_soc",
    "codes.broader_soc",
    "category",
    "industries",
    "environment.employers",
    "requirements.education",
    "requirements.experience",
    "requirements.training",
    "salary.currency",
    "salary.period",
    "salary.entry",
    "salary.p25",
    "salary.median",
    "salary.p75",
    "salary.top",
    "salary.basis",
    "salary.top_coded",
    "salary.as_of",
    "salary.source",
    "outlook.growth_percent",
    "outlook.period",
    "outlook.label",
    "outlook.employment",
    "outlook.employment_change",
    "outlook.annual_openings",
    "outlook.source",
    "last_reviewed",
    "sources",
];

/// A file's slug when its front matter names none: its name without the
/// extension and without a language tag before it (`account-manager` of
/// `account-manager.es.md`).
pub fn file_slug(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().to_string();
    Some(match stem.rsplit_once('.') {
        Some((name, tag)) if crate::config::is_language_tag(tag) => name.to_string(),
        _ => stem,
    })
}

/// The language of a translation file (`es` of `account-manager.es.md`),
/// when it names one of `tags`.
pub fn language_of<'t>(file: &Path, tags: &'t [String]) -> Option<&'t str> {
    let name = file.file_name()?.to_str()?;
    let stem = name.strip_suffix(".md")?;
    let (_, tag) = stem.rsplit_once('.')?;
    tags.iter().find(|t| t.as_str() == tag).map(String::as_str)
}

/// The default-language file `file` translates (`x.md` of `x.es.md`).
pub fn original_of(file: &Path, tag: &str) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let original = name
        .strip_suffix(&format!(".{tag}.md"))
        .map_or(name.clone(), |stem| format!("{stem}.md"));
    file.with_file_name(original)
}

/// The translation files among `files` for the site's other languages,
/// taken out of `files`.
pub fn take_translations(files: &mut Vec<PathBuf>, config: &SiteConfig) -> Vec<PathBuf> {
    if !config.is_multilingual() {
        return Vec::new();
    }
    let tags: Vec<String> = config.languages.iter().map(|l| l.tag.clone()).collect();
    let (translations, rest) = std::mem::take(files)
        .into_iter()
        .partition(|f| language_of(f, &tags).is_some());
    *files = rest;
    translations
}

/// One language's guides: translations where they exist, the default
/// language's guides in their place (flagged) where `untranslated:
/// fallback` says so.
#[derive(Default)]
pub struct LanguageGuides {
    pub guides: Vec<Guide>,
    /// By position in `guides`: whether it is the default language's guide.
    pub fallback: Vec<bool>,
    /// The default language's guides with no translation, by position.
    pub missing: Vec<usize>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the translations into `config.language` among `files` and makes
/// the language's guides from them and from `originals`.
pub fn guides(
    root: &Path,
    originals: &[Guide],
    files: &[PathBuf],
    config: &SiteConfig,
    drafts: bool,
    today: NaiveDate,
) -> LanguageGuides {
    let tag = config.language.as_str();
    let by_path: HashMap<&Path, usize> = originals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.path.as_path(), i))
        .collect();
    let mut out = LanguageGuides::default();
    let mine: Vec<&PathBuf> = files
        .iter()
        .filter(|f| language_of(f, std::slice::from_ref(&config.language)).is_some())
        .filter(|f| {
            let original = original_of(f, tag);
            let display = crate::diagnostics::display_path(root, &original);
            if by_path.contains_key(display.as_path()) {
                return true;
            }
            // A translation of a draft left out goes with it; one of an
            // article or page is read with the library.
            if std::fs::metadata(&original).is_err() {
                out.diagnostics.push(
                    Diagnostic::error(
                        crate::diagnostics::display_path(root, f),
                        format!(
                            "expected the file this translates, `{}`, beside it, found no such file",
                            display.display()
                        ),
                    )
                    .with_help(format!(
                        "a translation into `{tag}` is named after the default language's file: `name.{tag}.md` beside `name.md`"
                    )),
                );
            }
            false
        })
        .collect();
    let read: Vec<_> = mine
        .par_iter()
        .map(|file| {
            let parsed = super::load::read_guide(root, file, config, today);
            (file, parsed)
        })
        .collect();
    let mut translated: HashMap<usize, Guide> = HashMap::new();
    for (_, parsed) in read {
        // A translation takes its figures from the original: whether the
        // guide is complete is the original's warning.
        out.diagnostics.extend(
            parsed
                .diagnostics
                .into_iter()
                .filter(|d| d.kind != Some(crate::diagnostics::kinds::INCOMPLETE)),
        );
        let Some(mut guide) = parsed.guide else {
            continue;
        };
        let original_path = original_of(&guide.path, tag);
        let Some(&i) = by_path.get(original_path.as_path()) else {
            continue;
        };
        if guide.draft && !drafts {
            continue;
        }
        out.diagnostics
            .extend(inherit_shared(&originals[i], &mut guide));
        translated.insert(i, guide);
    }
    for (i, original) in originals.iter().enumerate() {
        match translated.remove(&i) {
            Some(guide) => {
                out.guides.push(guide);
                out.fallback.push(false);
            }
            None => {
                out.missing.push(i);
                if config.untranslated == Untranslated::Fallback {
                    out.guides.push(original.clone());
                    out.fallback.push(true);
                }
            }
        }
    }
    relink(&mut out.guides, originals);
    for guide in &mut out.guides {
        crate::data::fill::relabel_sources(&mut guide.sources, &config.data);
    }
    out
}

/// The shared figures of `guide` as JSON, for comparing one field.
fn shared_json(guide: &Guide) -> serde_json::Value {
    json!({
        "codes": guide.codes,
        "category": guide.category,
        "industries": guide.industries,
        "environment": { "employers": guide.environment.employers },
        "requirements": {
            "education": guide.requirements.education,
            "experience": guide.requirements.experience,
            "training": guide.requirements.training,
        },
        "salary": guide.salary,
        "outlook": guide.outlook,
        "last_reviewed": guide.last_reviewed.map(|d| d.to_string()),
        "sources": guide.sources,
    })
}

/// Gives `translation` the shared figures of `original`; an error for
/// each shared field the translation gives with another value.
fn inherit_shared(original: &Guide, translation: &mut Guide) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let Ok(text) = translation.text.read() {
        let given: serde_yaml::Value =
            serde_yaml::from_str(text.front_matter()).unwrap_or(serde_yaml::Value::Null);
        let theirs = shared_json(original);
        let ours = shared_json(translation);
        for field in SHARED_FIELDS {
            let segments: Vec<&str> = field.split('.').collect();
            let written = segments
                .iter()
                .try_fold(&given, |value, key| value.get(*key))
                .is_some_and(|v| !v.is_null());
            if !written {
                continue;
            }
            let pointer = format!("/{}", segments.join("/"));
            let (expected, found_value) = (theirs.pointer(&pointer), ours.pointer(&pointer));
            if expected == found_value {
                continue;
            }
            let show = |v: Option<&serde_json::Value>| match v {
                None | Some(serde_json::Value::Null) => "nothing".to_string(),
                // Figures are read as decimals: show `75500`, not `75500.0`.
                Some(serde_json::Value::Number(n))
                    if n.as_f64()
                        .is_some_and(|f| f.fract() == 0.0 && f.abs() < 1e15) =>
                {
                    format!("{}", n.as_f64().unwrap_or_default() as i64)
                }
                Some(v) => v.to_string(),
            };
            let position = translation.anchor(field);
            let mut diagnostic = Diagnostic::error(
                &translation.path,
                format!(
                    "expected `{field}` as `{}` gives it ({}), found {}: a translation shares the default language's figures",
                    original.path.display(),
                    show(expected),
                    show(found_value),
                ),
            )
            .with_field(*field)
            .with_help(format!(
                "leave `{field}` out of this translation (it takes the value of `{}`), or give the same value in both files",
                original.path.display()
            ));
            if let Some(position) = position {
                diagnostic = diagnostic.at(position, text.whole());
            }
            found.push(diagnostic);
        }
        if given.get("slug").is_none() {
            translation.slug = original.slug.clone();
        }
    }
    translation.content_path = original.content_path.clone();
    translation.codes = original.codes.clone();
    translation.category = original.category.clone();
    translation.industries = original.industries.clone();
    translation.environment.employers = original.environment.employers.clone();
    translation.requirements.education = original.requirements.education;
    translation.requirements.experience = original.requirements.experience;
    translation.requirements.training = original.requirements.training;
    translation.requirements.source = original.requirements.source.clone();
    translation.salary = original.salary.clone();
    translation.outlook = original.outlook.clone();
    translation.last_reviewed = original.last_reviewed;
    translation.sources = original.sources.clone();
    translation.state_pay = original.state_pay.clone();
    translation.beside = original.beside.clone();
    // The broader occupation in the translation's words, where it gives them.
    if let (Some(beside), Some(title)) = (&mut translation.beside, &translation.broader_title) {
        beside.label = crate::data::fill::beside_label(title);
    }
    found
}

/// Points the guide references of `guides` (written with the default
/// language's slugs) at the slugs of this language; a reference to a
/// guide the language lacks becomes plain text.
fn relink(guides: &mut [Guide], originals: &[Guide]) {
    let by_content: HashMap<&str, &str> = guides
        .iter()
        .map(|g| (g.content_path.as_str(), g.slug.as_str()))
        .collect();
    let slugs: HashMap<String, Option<String>> = originals
        .iter()
        .map(|o| {
            let here = by_content
                .get(o.content_path.as_str())
                .map(|s| s.to_string());
            (o.slug.clone(), here)
        })
        .collect();
    let map = |slug: &mut Option<String>| {
        if let Some(old) = slug.as_deref()
            && let Some(here) = slugs.get(old)
        {
            *slug = here.clone();
        }
    };
    for guide in guides {
        guide.career_path.iter_mut().for_each(|s| map(&mut s.guide));
        guide
            .related_careers
            .iter_mut()
            .for_each(|r| map(&mut r.guide));
    }
}

/// The index of a language's guides, which also finds a guide by its
/// default-language slug (shortcodes and articles may name it so).
pub fn index(guides: &[Guide], originals: &[Guide]) -> GuideIndex {
    let by_content: HashMap<&str, usize> = guides
        .iter()
        .enumerate()
        .map(|(i, g)| (g.content_path.as_str(), i))
        .collect();
    let aliases: Vec<(String, usize)> = originals
        .iter()
        .filter_map(|o| Some((o.slug.clone(), *by_content.get(o.content_path.as_str())?)))
        .collect();
    GuideIndex::new(guides).with_aliases(aliases)
}

/// One language's library: the default language's sections, articles
/// and pages with each translated file in place of its original.
/// Untranslated ones follow `untranslated`, but for a section holding a
/// translated article, which is kept (in the default language).
pub fn library(
    root: &Path,
    sorted: &Sorted,
    pages: &[PathBuf],
    files: &[PathBuf],
    config: &SiteConfig,
    drafts: bool,
    today: NaiveDate,
) -> (Library, Vec<Diagnostic>) {
    let tag = config.language.as_str();
    let mine: HashMap<PathBuf, PathBuf> = files
        .iter()
        .filter(|f| language_of(f, std::slice::from_ref(&config.language)).is_some())
        .map(|f| (original_of(f, tag), f.clone()))
        .collect();
    let fallback = config.untranslated == Untranslated::Fallback;
    let pick = |file: &PathBuf, always: bool| -> Option<PathBuf> {
        match mine.get(file) {
            Some(translation) => Some(translation.clone()),
            None => (always || fallback).then(|| file.clone()),
        }
    };
    let own = Sorted {
        guides: Vec::new(),
        // A section stays while any of its articles is translated: they
        // need its page; the home page's intro follows `untranslated`.
        section_files: sorted
            .section_files
            .iter()
            .filter_map(|f| {
                let dir = f.parent().unwrap_or(f);
                let needed = f
                    .parent()
                    .is_some_and(|d| d != root.join(super::load::CONTENT_DIR))
                    && mine
                        .keys()
                        .any(|original| original.starts_with(dir) && original != f);
                pick(f, needed)
            })
            .collect(),
        members: sorted
            .members
            .iter()
            .filter_map(|f| pick(f, false))
            .collect(),
    };
    let own_pages: Vec<PathBuf> = pages.iter().filter_map(|f| pick(f, false)).collect();
    let (mut library, diagnostics) = kinds::load(root, &own, &own_pages, drafts, today);
    // What the default language's files report was reported for them.
    let translated: Vec<PathBuf> = mine
        .values()
        .map(|f| crate::diagnostics::display_path(root, f))
        .collect();
    let diagnostics = diagnostics
        .into_iter()
        .filter(|d| translated.contains(&d.path))
        .collect();
    let untag = |content_path: &mut String| {
        let path = original_of(Path::new(content_path.as_str()), tag);
        *content_path = path.to_string_lossy().replace('\\', "/");
    };
    library
        .articles
        .iter_mut()
        .for_each(|a| untag(&mut a.content_path));
    library
        .pages
        .iter_mut()
        .for_each(|p| untag(&mut p.content_path));
    (library, diagnostics)
}

/// A warning, on the guide, for each guide at `missing` of `originals`
/// with no translation into `config.language`.
pub fn missing_warnings(
    config: &SiteConfig,
    originals: &[Guide],
    missing: &[usize],
) -> Vec<Diagnostic> {
    let what = match config.untranslated {
        Untranslated::Omit => "so it is left out of that language",
        Untranslated::Fallback => "so it is published there in the default language",
    };
    missing
        .iter()
        .filter_map(|&i| originals.get(i))
        .map(|guide| {
            Diagnostic::warning(
                &guide.path,
                format!(
                    "expected a translation into `{}` beside this guide, found none: {what}",
                    config.language
                ),
            )
            .with_kind(crate::diagnostics::kinds::UNTRANSLATED)
            .with_help(format!(
                "add `{}` with the guide's text in that language; `untranslated: fallback` or `omit` in config.yaml decides what an untranslated guide does",
                original_name(&guide.path, &config.language)
            ))
        })
        .collect()
}

/// The file name a translation of `path` into `tag` takes (`x.es.md`).
fn original_name(path: &Path, tag: &str) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    format!("{stem}.{tag}.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_named_by_its_language_before_md() {
        let tags = ["es".to_string(), "pt-BR".to_string()];
        assert_eq!(language_of(Path::new("content/a.es.md"), &tags), Some("es"));
        assert_eq!(
            language_of(Path::new("content/a.pt-BR.md"), &tags),
            Some("pt-BR")
        );
        assert_eq!(language_of(Path::new("content/a.fr.md"), &tags), None);
        assert_eq!(language_of(Path::new("content/a.md"), &tags), None);
        assert_eq!(
            original_of(Path::new("content/advice/_index.es.md"), "es"),
            Path::new("content/advice/_index.md")
        );
    }

    #[test]
    fn a_file_slug_leaves_out_the_language() {
        assert_eq!(
            file_slug(Path::new("content/account-manager.es.md")).as_deref(),
            Some("account-manager")
        );
        assert_eq!(
            file_slug(Path::new("content/account-manager.md")).as_deref(),
            Some("account-manager")
        );
        // Not a language tag: the name stays as it is (and fails as a slug).
        assert_eq!(
            file_slug(Path::new("content/v2.Final.md")).as_deref(),
            Some("v2.Final")
        );
    }
}
