//! Rebuilds of a site in several languages: each language is rendered as
//! a site of its own below its folder (`es/`), so an edit renders again
//! only the languages it touches, and in the others only the pages whose
//! versions (`hreflang` links and the language switcher) changed.
//!
//! A rebuild reads the whole site again, as a cold build does (reading is
//! cheap next to rendering, and every rule runs on the new input), then
//! sorts the [`Changes`] into a [`Scope`]:
//!
//! | Change | Rendered |
//! |---|---|
//! | a translation (`x.es.md`, `advice/_index.es.md`) | that language's pages and files |
//! | a message file (`i18n/es.ftl`, the theme's too) | the languages whose pages show its messages: those of its tag, and every language for the default language's or English |
//! | a default-language file, `config.yaml`, a template, a static or data file, a folder | everything |
//!
//! Then the versions of every page are worked out again
//! ([`site::alternates`]) and compared with the last build's: in a
//! language not rendered, a page whose versions changed (a translation
//! came, went or moved to a new slug) is rendered alone, and the sitemap,
//! which lists every language's pages, is made again when it changed.
//! Static files and the files `@/` links name are copied again, and every
//! page's local links are checked against the files of all languages, as
//! a cold build does. The files served are then byte for byte those of a
//! cold `careergen build`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use chrono::NaiveDate;

use super::rebuild::{Built, Outcome};
use super::watch::Changes;
use crate::content::load::CONTENT_DIR;
use crate::content::translations;
use crate::diagnostics::{self, Diagnostic};
use crate::output::{MemorySink, NullSink, Sink};
use crate::render::languages::{Alternates, PrefixSink};
use crate::render::listings::Listings;
use crate::render::site_files;
use crate::site::{self, BuildOptions, Rendered, Site};

/// What the last good build of a site in several languages wrote, by
/// language, kept to render only what a change touches.
#[derive(Default)]
pub struct Languages {
    /// What each language's render wrote (paths below the site's root,
    /// with the language's folder), by position: the default language
    /// first, then `languages:` in order. Empty before a first build.
    outputs: Vec<BTreeMap<String, Bytes>>,
    /// The language tags, in the same order.
    tags: Vec<String>,
    /// The versions of every page, as last rendered.
    alternates: Option<Arc<Alternates>>,
    /// The paths of the sitemap files the default language wrote.
    sitemap: BTreeSet<String>,
    /// The date the last build judged "not in the future" by.
    today: Option<NaiveDate>,
    /// Changes read since the last good build: a failed rebuild leaves
    /// them to the next one.
    unbuilt: Changes,
}

/// What a batch of changes asks to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every language, as a cold build.
    Everything,
    /// These languages (positions as in [`Languages`]: 0 for the default).
    Languages(BTreeSet<usize>),
}

/// What is rendered of one language.
enum Work {
    /// Every page and file.
    Whole,
    /// The pages at these paths (below the language's folder) alone.
    Pages(BTreeSet<String>),
}

/// Which languages `changes` touch on a site whose languages are `tags`
/// (the default one first), in `root`.
pub fn scope(changes: &Changes, root: &Path, tags: &[String]) -> Scope {
    if changes.config
        || changes.data
        || changes.templates
        || !changes.statics.is_empty()
        || !changes.content_dirs.is_empty()
        || tags.is_empty()
    {
        return Scope::Everything;
    }
    let others = &tags[1..];
    let mut languages = BTreeSet::new();
    for file in &changes.guides {
        // A default-language file: its translations take its figures, and
        // fallbacks and lists in every language may show it.
        let Some(tag) = translations::language_of(file, others) else {
            return Scope::Everything;
        };
        if !file.starts_with(root.join(CONTENT_DIR)) {
            return Scope::Everything;
        }
        languages.extend(tags.iter().position(|t| t == tag));
    }
    for file in &changes.messages {
        let tag = match (file.file_stem(), file.extension()) {
            (Some(stem), Some(extension)) if extension == "ftl" => stem.to_string_lossy(),
            // A folder, or a file that is no message file.
            _ => return Scope::Everything,
        };
        for (i, lang) in tags.iter().enumerate() {
            if crate::i18n::fallback_tags(lang, &tags[0]).contains(&tag.as_ref()) {
                languages.insert(i);
            }
        }
    }
    Scope::Languages(languages)
}

impl Languages {
    /// Rebuilds after `changes`, given the files `served` now; on success,
    /// `served` holds the new files.
    pub fn rebuild(
        &mut self,
        options: &BuildOptions,
        changes: &Changes,
        served: &mut std::collections::HashMap<String, Bytes>,
        started: Instant,
    ) -> Outcome {
        self.unbuilt.merge(changes);
        let mut scope = scope(&self.unbuilt, &options.root, &self.tags);
        if self.outputs.is_empty() || self.today != Some(options.today) {
            scope = Scope::Everything;
        }
        let (site, mut diagnostics) = site::load(options);
        let Some(mut site) = site else {
            return failed(diagnostics);
        };
        let tags: Vec<String> = std::iter::once(site.config.language.clone())
            .chain(
                site.languages
                    .others
                    .iter()
                    .map(|o| o.config.language.clone()),
            )
            .collect();
        if tags != self.tags || self.outputs.len() != tags.len() {
            scope = Scope::Everything;
        }
        let alternates = Arc::new(crate::timings::stage("find the versions of pages", || {
            site::alternates(&mut site)
        }));
        site.languages.alternates = Some(Arc::clone(&alternates));
        let mut work: Vec<Option<Work>> = (0..tags.len())
            .map(|language| match (&scope, &self.alternates) {
                (Scope::Languages(languages), Some(old)) if !languages.contains(&language) => {
                    let paths = changed_versions(old, &alternates, language);
                    (!paths.is_empty()).then_some(Work::Pages(paths))
                }
                _ => Some(Work::Whole),
            })
            .collect();

        let mut outputs = if scope == Scope::Everything {
            vec![BTreeMap::new(); tags.len()]
        } else {
            self.outputs.clone()
        };
        let mut rendered: BTreeSet<String> = BTreeSet::new();
        let mut pages = 0;
        for (language, work) in work.iter_mut().enumerate() {
            let Some(work) = work else { continue };
            site::prepare_language(&mut site, language);
            let sink = MemorySink::default();
            let prefix = site.config.lang_prefix.clone();
            let below = PrefixSink {
                prefix: &prefix,
                inner: &sink,
            };
            let done = match work {
                Work::Whole => site::render_language(&site, &below),
                Work::Pages(paths) => match render_pages(&site, paths, &below) {
                    Some(done) => done,
                    None => {
                        *work = Work::Whole;
                        site::render_language(&site, &below)
                    }
                },
            };
            pages += done.pages;
            diagnostics.extend(done.diagnostics);
            let files = sink.into_files();
            rendered.extend(files.keys().cloned());
            let output = &mut outputs[language];
            if matches!(work, Work::Whole) {
                output.clear();
            }
            output.extend(files.into_iter().map(|(p, b)| (p, Bytes::from(b))));
        }
        site.use_language(0);
        site::prepare(&mut site);

        // One sitemap lists every language's pages: the default language
        // writes it.
        let (urls, links) = alternates.sitemap();
        let sitemap: BTreeMap<String, Bytes> =
            site_files::multilingual_sitemaps(&site.config, urls, links)
                .into_iter()
                .map(|file| (file.path, Bytes::from(file.text)))
                .collect();
        if work[0].as_ref().is_none_or(|w| !matches!(w, Work::Whole)) {
            let output = &mut outputs[0];
            let same = self.sitemap.len() == sitemap.len()
                && sitemap.iter().all(|(p, b)| output.get(p) == Some(b));
            if !same {
                for path in &self.sitemap {
                    output.remove(path);
                }
                rendered.extend(sitemap.keys().cloned());
                output.extend(sitemap.iter().map(|(p, b)| (p.clone(), b.clone())));
            }
        }

        // Static files and linked files, with every page's links checked
        // against the files of all languages, as a cold build does.
        let shared = MemorySink::default();
        let checked = crate::links::CheckedSink::new(&NullSink, &site);
        let mut generated = HashSet::new();
        for output in &outputs {
            for (path, bytes) in output {
                generated.insert(path.clone());
                if let Err(err) = checked.write(path, bytes) {
                    diagnostics.push(Diagnostic::error(
                        path.as_str(),
                        format!("cannot write file: {err}"),
                    ));
                }
            }
        }
        let both = Tee {
            first: &checked,
            second: &shared,
        };
        let static_files = crate::statics::copy(&site, &both, &generated, &mut diagnostics)
            + crate::links::copy_linked_files(&site, &both, &mut diagnostics);
        diagnostics.extend(checked.finish(&site));
        crate::render::templates::merge_render_errors(&mut diagnostics);
        diagnostics::sort(&mut diagnostics);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Outcome::Failed(diagnostics);
        }

        let mut files: std::collections::HashMap<String, Bytes> = shared
            .into_files()
            .into_iter()
            .map(|(p, b)| (p, Bytes::from(b)))
            .collect();
        for output in &outputs {
            files.extend(output.iter().map(|(p, b)| (p.clone(), b.clone())));
        }
        let mut updates: Vec<(String, Option<Bytes>)> = served
            .keys()
            .filter(|path| !files.contains_key(*path))
            .map(|path| (path.clone(), None))
            .collect();
        for (path, bytes) in &files {
            if served.get(path) != Some(bytes) {
                updates.push((path.clone(), Some(bytes.clone())));
            }
        }
        updates.sort_by(|a, b| a.0.cmp(&b.0));
        let full = scope == Scope::Everything;
        if full {
            // A whole build renders every output.
            rendered = files.keys().cloned().collect();
        }
        *served = files;
        self.outputs = outputs;
        self.tags = tags;
        self.alternates = Some(alternates);
        self.sitemap = sitemap.into_keys().collect();
        self.today = Some(options.today);
        self.unbuilt = Changes::default();
        Outcome::Built(Built {
            updates,
            pages,
            static_files,
            guides: site.guides.len(),
            full,
            rendered: rendered.into_iter().collect(),
            warnings: diagnostics,
            duration: started.elapsed(),
            stale: Default::default(),
        })
    }
}

/// The diagnostics of a build that failed, in a cold build's order.
fn failed(mut diagnostics: Vec<Diagnostic>) -> Outcome {
    crate::render::templates::merge_render_errors(&mut diagnostics);
    diagnostics::sort(&mut diagnostics);
    Outcome::Failed(diagnostics)
}

/// The paths of the pages of `language` whose versions differ between
/// `old` and `new`.
fn changed_versions(old: &Alternates, new: &Alternates, language: usize) -> BTreeSet<String> {
    old.paths(language)
        .chain(new.paths(language))
        .filter(|path| old.versions(language, path) != new.versions(language, path))
        .map(str::to_string)
        .collect()
}

/// Renders the pages of the language `site` holds (after
/// [`site::prepare`]) at `paths`: guides, articles and pages, lists.
/// `None`, with nothing rendered, when a path is none of them.
fn render_pages(site: &Site, paths: &BTreeSet<String>, sink: &dyn Sink) -> Option<Rendered> {
    let guides: Vec<usize> = site
        .guides
        .iter()
        .enumerate()
        .filter(|(_, g)| paths.contains(&crate::permalink::guide(&g.slug)))
        .map(|(i, _)| i)
        .collect();
    let kind_pages: Vec<_> = crate::render::kinds::pages(site)
        .into_iter()
        .filter(|page| paths.contains(&page.path(&site.library, &site.config)))
        .collect();
    let listings = Listings::new(site);
    let others: Vec<_> = listings
        .other_pages(site)
        .into_iter()
        .filter(|&page| {
            let output = listings.output(site, page);
            output
                .strip_suffix("index.html")
                .is_some_and(|path| paths.contains(path))
        })
        .collect();
    if guides.len() + kind_pages.len() + others.len() < paths.len() {
        return None;
    }
    let mut rendered = Rendered::default();
    if !guides.is_empty() {
        rendered.add(crate::render::guides::render_guide_pages(
            site, &guides, sink,
        ));
    }
    if !kind_pages.is_empty() {
        rendered.add(crate::render::kinds::render(site, &kind_pages, sink));
    }
    if !others.is_empty() {
        // Never asked to stop, it renders every page.
        let more =
            crate::render::listings::render_listing_pages(site, &listings, &others, sink, &|| {
                false
            });
        rendered.add(more.unwrap_or_default());
    }
    Some(rendered)
}

/// Writes every file to both sinks.
struct Tee<'a> {
    first: &'a dyn Sink,
    second: &'a dyn Sink,
}

impl Sink for Tee<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.first.write(path, bytes)?;
        self.second.write(path, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(root: &Path, files: &[&str]) -> Changes {
        let mut changes = Changes::default();
        for file in files {
            changes.add(root, Some("default"), &root.join(file));
        }
        changes
    }

    #[test]
    fn each_change_touches_its_languages() {
        let root = Path::new("/site");
        let tags: Vec<String> = ["en", "es", "fr-CA"].map(String::from).to_vec();
        let only = |languages: &[usize]| Scope::Languages(languages.iter().copied().collect());
        let cases: Vec<(&[&str], Scope)> = vec![
            (&["content/account-manager.es.md"], only(&[1])),
            (&["content/advice/_index.es.md"], only(&[1])),
            (&["content/about.fr-CA.md"], only(&[2])),
            (&["content/account-manager.md"], Scope::Everything),
            // A tag the site does not have: a default-language file.
            (&["content/account-manager.de.md"], Scope::Everything),
            (&["i18n/es.ftl"], only(&[1])),
            (&["themes/default/i18n/fr.ftl"], only(&[2])),
            (&["i18n/fr-CA.ftl"], only(&[2])),
            (&["i18n/en.ftl"], only(&[0, 1, 2])),
            (&["i18n/de.ftl"], only(&[])),
            (
                &["content/account-manager.es.md", "i18n/fr.ftl"],
                only(&[1, 2]),
            ),
            (&["config.yaml"], Scope::Everything),
            (&["templates/guide.html"], Scope::Everything),
            (&["static/style.css"], Scope::Everything),
        ];
        for (files, expected) in cases {
            assert_eq!(
                scope(&changes(root, files), root, &tags),
                expected,
                "{files:?}"
            );
        }
    }
}
