//! Reading the message files of the built-in theme, a custom theme and the
//! site, and building each language's fallback chain.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use unic_langid::LanguageIdentifier;

use super::messages::{Layer, Messages};
use crate::diagnostics::{Diagnostic, Position, kinds};
use crate::render::theme;

/// The folder of message files, in the site and in a theme: `i18n/fr.ftl`.
pub const MESSAGES_DIR: &str = "i18n";

/// The language every chain ends with: the built-in theme's messages are
/// complete in English.
const LAST_RESORT: &str = "en";

/// Every language's messages for one build.
pub struct Catalog {
    default: String,
    /// By the language a page asks for: the site's languages and every
    /// language that has a message file.
    chains: HashMap<String, Messages>,
}

/// Who wrote a message file: which of them wins is by this order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    Builtin,
    Theme,
    Site,
}

/// One message file, read.
struct Source {
    tag: String,
    origin: Origin,
    /// As diagnostics name it (`i18n/fr.ftl`).
    path: PathBuf,
    text: String,
}

impl Catalog {
    /// Reads the message files for a site at `root` on the theme `theme`
    /// whose pages are in `default` and `others` (BCP 47 tags).
    ///
    /// Errors: a file that cannot be read or does not parse as Fluent (by
    /// file, line and column), a file not named after a language tag, a
    /// message defined twice in one file. Warnings: a message the English
    /// (or default language's) files have that one of the site's
    /// languages lacks, by key, language and the file it belongs in.
    pub fn load(
        root: &Path,
        theme_name: &str,
        default: &str,
        others: &[String],
    ) -> (Catalog, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let sources = read_sources(root, theme_name, &mut diagnostics);
        let catalog = Catalog::from_sources(sources, default, others, &mut diagnostics);
        (catalog, diagnostics)
    }

    /// The built-in theme's messages alone, for pages in `lang`: what code
    /// that has no site at hand (tests, tools) formats with.
    pub fn builtin(lang: &str) -> Catalog {
        Catalog::from_sources(builtin_sources(), lang, &[], &mut Vec::new())
    }

    fn from_sources(
        sources: Vec<Source>,
        default: &str,
        others: &[String],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Catalog {
        // Keys each file defines, by tag and origin, for the warnings.
        let mut keys: BTreeMap<(String, Origin), BTreeSet<String>> = BTreeMap::new();
        let mut bundles: BTreeMap<String, FluentBundle<FluentResource>> = BTreeMap::new();
        let mut ids: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for source in sources {
            let Ok(langid) = source.tag.parse::<LanguageIdentifier>() else {
                diagnostics.push(Diagnostic::error(
                    &source.path,
                    format!(
                        "expected a message file named after a language tag such as `fr.ftl` or `fr-CA.ftl`, found `{}.ftl`",
                        source.tag
                    ),
                ));
                continue;
            };
            let resource = parse(&source, diagnostics);
            let defined = keys.entry((source.tag.clone(), source.origin)).or_default();
            let tag_ids = ids.entry(source.tag.clone()).or_default();
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    defined.insert(message.id.name.to_string());
                    tag_ids.push(message.id.name.to_string());
                }
            }
            let bundle = bundles.entry(source.tag.clone()).or_insert_with(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![langid]);
                // Marks around each argument would change every page's
                // bytes; `dir` on the page's element does the same job.
                bundle.set_use_isolating(false);
                bundle
            });
            bundle.add_resource_overriding(resource);
        }
        let layers: BTreeMap<String, Arc<Layer>> = bundles
            .into_iter()
            .map(|(tag, bundle)| {
                let ids = ids.remove(&tag).unwrap_or_default();
                (tag.clone(), Arc::new(Layer { tag, bundle, ids }))
            })
            .collect();
        let chain = |lang: &str| {
            let found = fallback_tags(lang, default)
                .iter()
                .filter_map(|tag| layers.get(*tag).cloned())
                .collect();
            Messages::new(lang, found)
        };
        let mut chains = HashMap::new();
        let languages: Vec<&str> = std::iter::once(default)
            .chain(others.iter().map(String::as_str))
            .collect();
        for lang in languages
            .iter()
            .copied()
            .chain(layers.keys().map(String::as_str))
        {
            chains
                .entry(lang.to_string())
                .or_insert_with(|| chain(lang));
        }
        diagnostics.extend(missing_messages(&languages, &keys));
        Catalog {
            default: default.to_string(),
            chains,
        }
    }

    /// The messages for pages in `lang` (a BCP 47 tag); a language the
    /// site does not have gets the default language's.
    pub fn messages(&self, lang: &str) -> &Messages {
        self.chains
            .get(lang)
            .or_else(|| self.chains.get(&self.default))
            .expect("the default language always has a chain")
    }

    /// The site's default language.
    pub fn default_language(&self) -> &str {
        &self.default
    }
}

/// The text of the site's and its custom theme's message files by path,
/// read leniently: for `serve`, which compares them to find a change
/// ([`Catalog::load`] reports what cannot be read).
pub fn sources(root: &Path, theme_name: &str) -> BTreeMap<PathBuf, String> {
    read_sources(root, theme_name, &mut Vec::new())
        .into_iter()
        .filter(|source| source.origin != Origin::Builtin)
        .map(|source| (source.path, source.text))
        .collect()
}

/// The message files' tags whose messages pages in `lang` show, first
/// found first, on a site whose default language is `default`: `lang`,
/// its primary tag, the default language's and English.
pub fn fallback_tags<'a>(lang: &'a str, default: &'a str) -> Vec<&'a str> {
    let mut tags: Vec<&str> = Vec::new();
    for tag in [lang, primary(lang), default, primary(default), LAST_RESORT] {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// `fr` for `fr-CA`; the tag itself when it has no subtags.
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// Every message file, built-in theme first, then a custom theme's, then
/// the site's, each group by name.
fn read_sources(root: &Path, theme_name: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Source> {
    // The built-in theme's messages are always beneath: messages the code
    // itself formats (the outlook sentence, chart titles) exist in any theme.
    let mut sources = builtin_sources();
    if !theme::use_builtin(root, theme_name) {
        let dir = root.join("themes").join(theme_name).join(MESSAGES_DIR);
        sources.extend(read_dir(root, &dir, Origin::Theme, diagnostics));
    }
    sources.extend(read_dir(
        root,
        &root.join(MESSAGES_DIR),
        Origin::Site,
        diagnostics,
    ));
    sources
}

/// The built-in theme's message files, by name.
fn builtin_sources() -> Vec<Source> {
    let mut sources = Vec::new();
    for (name, bytes) in theme::files_in(MESSAGES_DIR) {
        let Some(tag) = name.strip_suffix(".ftl").filter(|t| !t.contains('/')) else {
            continue;
        };
        sources.push(Source {
            tag: tag.to_string(),
            origin: Origin::Builtin,
            path: PathBuf::from(theme::display_path(MESSAGES_DIR, name)),
            text: String::from_utf8_lossy(bytes).into_owned(),
        });
    }
    sources
}

/// The `.ftl` files directly in `dir`, by name.
fn read_dir(
    root: &Path,
    dir: &Path,
    origin: Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return sources;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ftl") && path.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let display = crate::diagnostics::display_path(root, &path);
        let Some(tag) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if tag.starts_with('.') {
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => sources.push(Source {
                tag: tag.to_string(),
                origin,
                path: display,
                text,
            }),
            Err(err) => diagnostics.push(Diagnostic::error(
                display,
                format!("cannot read message file: {err}"),
            )),
        }
    }
    sources
}

/// The file's messages; syntax errors and messages defined twice are
/// diagnostics at their line and column, and the rest of the file is kept.
fn parse(source: &Source, diagnostics: &mut Vec<Diagnostic>) -> FluentResource {
    let resource = match FluentResource::try_new(source.text.clone()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let position = Position::of_offset(&source.text, error.pos.start, 1);
                diagnostics.push(
                    Diagnostic::error(
                        &source.path,
                        format!(
                            "expected a Fluent message (`key = text`), found a syntax error: {}",
                            error.kind
                        ),
                    )
                    .at(position, &source.text)
                    .with_help("see docs/i18n.md for the file format"),
                );
            }
            resource
        }
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(message) = entry {
            let count = seen.entry(message.id.name).or_insert(0);
            *count += 1;
            if *count == 2 {
                let mut diagnostic = Diagnostic::error(
                    &source.path,
                    format!(
                        "expected each message once in a file, found `{}` defined again",
                        message.id.name
                    ),
                );
                if let Some(offset) = definition(&source.text, message.id.name, 2) {
                    diagnostic =
                        diagnostic.at(Position::of_offset(&source.text, offset, 1), &source.text);
                }
                diagnostics.push(diagnostic);
            }
        }
    }
    resource
}

/// The byte offset of the `nth` line that defines `key` (`key = …`).
fn definition(text: &str, key: &str, nth: usize) -> Option<usize> {
    let mut offset = 0;
    let mut found = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            found += 1;
            if found == nth {
                return Some(offset);
            }
        }
        offset += line.len();
    }
    None
}

/// Warnings for the messages a language of the site lacks: every key the
/// English files (or the site's default-language file) define, looked for
/// in each language's own files (`fr-CA`, then `fr`).
fn missing_messages(
    languages: &[&str],
    keys: &BTreeMap<(String, Origin), BTreeSet<String>>,
) -> Vec<Diagnostic> {
    let Some(&default) = languages.first() else {
        return Vec::new();
    };
    let of = |tag: &str| -> BTreeSet<&str> {
        keys.iter()
            .filter(|((t, _), _)| t == tag)
            .flat_map(|(_, set)| set.iter().map(String::as_str))
            .collect()
    };
    let mut reference = of(LAST_RESORT);
    for tag in [default, primary(default)] {
        if let Some(site) = keys.get(&(tag.to_string(), Origin::Site)) {
            reference.extend(site.iter().map(String::as_str));
        }
    }
    let mut diagnostics = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for &lang in languages {
        if !done.insert(lang) {
            continue;
        }
        let file = PathBuf::from(format!("{MESSAGES_DIR}/{lang}.ftl"));
        let own: BTreeSet<&str> = of(lang).into_iter().chain(of(primary(lang))).collect();
        let fallback = if primary(default) == primary(lang) {
            LAST_RESORT
        } else {
            default
        };
        if own.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    &file,
                    format!(
                        "expected messages in `{lang}`, found no message file for it; pages in `{lang}` show the theme's text in `{fallback}`"
                    ),
                )
                .with_kind(kinds::MISSING_MESSAGE)
                .with_help(format!(
                    "copy the theme's messages into `{}` and translate them (docs/i18n.md)",
                    file.display()
                )),
            );
            continue;
        }
        for key in reference.difference(&own) {
            diagnostics.push(
                Diagnostic::warning(
                    &file,
                    format!(
                        "expected the message `{key}` in `{lang}`, found none; pages in `{lang}` show it in `{fallback}`"
                    ),
                )
                .with_kind(kinds::MISSING_MESSAGE)
                .with_help(format!("add `{key} = …` to `{}`", file.display())),
            );
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Args;

    /// A site folder holding only the message files `files`.
    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let temp = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            let path = temp.path().join(MESSAGES_DIR).join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        temp
    }

    fn builtin_keys(tag: &str) -> BTreeSet<String> {
        let source = builtin_sources()
            .into_iter()
            .find(|s| s.tag == tag)
            .unwrap_or_else(|| panic!("no built-in {tag}.ftl"));
        let mut diagnostics = Vec::new();
        let resource = parse(&source, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{tag}.ftl: {diagnostics:?}");
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_shipped_languages_have_exactly_the_english_keys() {
        let english = builtin_keys("en");
        assert!(english.len() > 3, "{english:?}");
        for tag in ["es", "fr"] {
            let keys = builtin_keys(tag);
            let missing: Vec<_> = english.difference(&keys).collect();
            let extra: Vec<_> = keys.difference(&english).collect();
            assert!(missing.is_empty(), "{tag}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{tag}.ftl has keys English lacks: {extra:?}"
            );
        }
    }

    #[test]
    fn counts_follow_each_language_plural_rules() {
        let count = |lang: &str, n: u32| {
            Catalog::builtin(lang)
                .messages(lang)
                .text("list-careers", &Args::new().with("count", n))
        };
        assert_eq!(count("en", 1), "1 career");
        assert_eq!(count("en", 0), "0 careers");
        assert_eq!(count("en", 2), "2 careers");
        assert_eq!(count("es", 1), "1 carrera");
        assert_eq!(count("es", 2), "2 carreras");
        // French counts zero with the singular.
        assert_eq!(count("fr", 0), "0 métier");
        assert_eq!(count("fr", 1), "1 métier");
        assert_eq!(count("fr", 2), "2 métiers");
    }

    #[test]
    fn a_site_file_overrides_single_messages_of_the_theme() {
        let temp = site(&[("fr.ftl", "nav-home = Page d’accueil\n")]);
        let (catalog, diagnostics) = Catalog::load(temp.path(), "default", "fr", &[]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let fr = catalog.messages("fr");
        assert_eq!(fr.plain("nav-home"), "Page d’accueil");
        assert_eq!(
            fr.plain("nav-compare"),
            "Comparer",
            "the rest stays the theme's"
        );
        assert_eq!(fr.language_of("nav-home"), Some("fr"));
    }

    #[test]
    fn a_message_missing_in_a_language_warns_and_falls_back() {
        let temp = site(&[
            ("en.ftl", "promo-banner = Visit our job fair\n"),
            ("fr.ftl", "nav-home = Accueil\n"),
        ]);
        let (catalog, diagnostics) = Catalog::load(temp.path(), "default", "fr", &[]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let warning = &diagnostics[0];
        assert!(!warning.is_error());
        assert_eq!(warning.path, PathBuf::from("i18n/fr.ftl"));
        assert!(warning.message.contains("`promo-banner`"), "{warning:?}");
        assert!(warning.message.contains("`fr`"), "{warning:?}");
        assert_eq!(warning.kind, Some(kinds::MISSING_MESSAGE));
        let fr = catalog.messages("fr");
        assert_eq!(fr.plain("promo-banner"), "Visit our job fair");
        assert_eq!(fr.language_of("promo-banner"), Some("en"));
    }

    #[test]
    fn a_language_without_messages_warns_once_and_reads_english() {
        let (catalog, diagnostics) = Catalog::load(site(&[]).path(), "default", "de", &[]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0].message.contains("`de`"));
        assert_eq!(catalog.messages("de").plain("nav-home"), "Home");
        // A language the site does not have reads the default's.
        assert_eq!(catalog.messages("xx").language(), "de");
    }

    #[test]
    fn regional_tags_read_their_primary_language() {
        let temp = site(&[("fr-CA.ftl", "nav-compare = Comparez\n")]);
        let (catalog, diagnostics) = Catalog::load(temp.path(), "default", "fr-CA", &[]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let messages = catalog.messages("fr-CA");
        assert_eq!(messages.plain("nav-compare"), "Comparez");
        assert_eq!(messages.plain("nav-home"), "Accueil");
    }

    #[test]
    fn syntax_errors_are_located() {
        let temp = site(&[("en.ftl", "nav-home = Start\n\nbroken line\nok = fine\n")]);
        let (catalog, diagnostics) = Catalog::load(temp.path(), "default", "en", &[]);
        let error = diagnostics.iter().find(|d| d.is_error()).expect("an error");
        assert_eq!(error.path, PathBuf::from("i18n/en.ftl"));
        assert_eq!(error.position.map(|p| p.line), Some(3), "{error:?}");
        assert_eq!(error.source_line.as_deref(), Some("broken line"));
        assert!(error.message.contains("syntax error"), "{error:?}");
        // What parsed is kept.
        assert_eq!(catalog.messages("en").plain("nav-home"), "Start");
    }

    #[test]
    fn a_message_defined_twice_in_a_file_is_an_error() {
        let temp = site(&[("es.ftl", "nav-home = A\nnav-compare = B\nnav-home = C\n")]);
        let (_, diagnostics) = Catalog::load(temp.path(), "default", "es", &[]);
        let error = diagnostics.iter().find(|d| d.is_error()).expect("an error");
        assert!(error.message.contains("`nav-home`"), "{error:?}");
        assert_eq!(error.position.map(|p| p.line), Some(3));
    }

    #[test]
    fn a_file_not_named_after_a_language_is_an_error() {
        let temp = site(&[("french!.ftl", "nav-home = A\n")]);
        let (_, diagnostics) = Catalog::load(temp.path(), "default", "en", &[]);
        assert!(
            diagnostics
                .iter()
                .any(|d| d.is_error() && d.message.contains("`french!.ftl`")),
            "{diagnostics:?}"
        );
    }
}
