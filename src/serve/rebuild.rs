//! Partial rebuilds: what `serve` keeps between builds (parsed guides, the
//! templates, every output file) and how a batch of [`Changes`] becomes the
//! few pages and files to redo.
//!
//! The contract is that the files served after any sequence of rebuilds are
//! byte for byte those a cold `careergen build` of the same input writes.
//! To keep that easy to trust, a rebuild re-runs every cheap whole-site step
//! (the guide index, the cross-guide rules) and is partial only where the
//! work is: parsing guides, rendering pages and reading static files. Which
//! pages an edit touches comes from [`site::guide_dependencies`],
//! [`site::listing_entry`] and the templates' `extends`/`include` names.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;
use walkdir::WalkDir;

use super::watch::Changes;
use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::content::index::GuideIndex;
use crate::content::load::{self, CONTENT_DIR};
use crate::content::text::{Text, TextSource};
use crate::content::validate;
use crate::diagnostics::{self, Diagnostic};
use crate::output::MemorySink;
use crate::render::context::Formatter;
use crate::render::similar::SimilarIndex;
use crate::render::templates::Templates;
use crate::render::theme;
use crate::site::{self, BuildOptions, GuideDependencies, Page, Site};

/// What a successful rebuild changed.
#[derive(Debug, Default)]
pub struct Built {
    /// Output paths whose bytes changed (`Some`) or that went (`None`).
    pub updates: Vec<(String, Option<Bytes>)>,
    /// Pages rendered.
    pub pages: usize,
    /// Static files read.
    pub static_files: usize,
    /// Guides in the site.
    pub guides: usize,
    /// Whether everything was rebuilt.
    pub full: bool,
    /// Warnings about the files this rebuild read.
    pub warnings: Vec<Diagnostic>,
    pub duration: Duration,
}

/// How a rebuild ended.
#[derive(Debug)]
pub enum Outcome {
    Built(Built),
    /// Errors in the input: the last good output stays as it was.
    Failed(Vec<Diagnostic>),
}

/// One guide file as last read.
#[derive(Debug, Default)]
struct FileState {
    diagnostics: Vec<Diagnostic>,
    /// The slug of a draft left out of the build.
    skipped_draft: Option<String>,
}

/// Where a static file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum StaticSource {
    File(PathBuf),
    /// A file of the theme built into the binary.
    Builtin(&'static [u8]),
}

/// What the last published build showed of a guide, by content path.
#[derive(Debug)]
struct Shown {
    slug: String,
    listing: String,
    similarity: String,
    /// [`guide_key`]: everything but the prose of its body.
    key: String,
}

/// Suggested similar guides (slugs) by content path, for the guides that
/// name no related careers.
type Suggestions = HashMap<String, Vec<String>>;

/// Work asked for since the last successful build. A failed rebuild keeps
/// it, so the next good one redoes everything the failures skipped.
#[derive(Debug, Default)]
struct Pending {
    full: bool,
    /// Content paths of guides that changed, came or went.
    guides: BTreeSet<String>,
    /// Names of templates whose text changed, came or went.
    templates: BTreeSet<String>,
    /// A changed template defines components, which any template may call.
    all_templates: bool,
    /// Static paths named by events.
    statics: BTreeSet<PathBuf>,
    static_scan: bool,
}

/// The state of a served site between rebuilds.
pub struct Workspace {
    options: BuildOptions,
    config: Option<SiteConfig>,
    /// Errors reading `config.yaml`, or about the command line's overrides.
    config_diagnostics: Vec<Diagnostic>,
    /// An error listing the content folder.
    scan_diagnostic: Option<Diagnostic>,
    /// Every guide file by absolute path: path order is `load::guide_files` order.
    files: BTreeMap<PathBuf, FileState>,
    /// The files among `files` with errors.
    error_files: BTreeSet<PathBuf>,
    /// The guides in the build, sorted by path like a cold load.
    guides: Vec<Guide>,
    /// What each guide's page reads from others, by content path.
    dependencies: HashMap<String, GuideDependencies>,
    templates: Option<Templates>,
    template_diagnostics: Vec<Diagnostic>,
    template_sources: BTreeMap<String, String>,
    /// Static files by output path, as last published.
    static_map: BTreeMap<String, StaticSource>,
    pages_out: HashMap<String, Bytes>,
    /// Files of [`site::render_site_files`].
    site_out: HashMap<String, Bytes>,
    static_out: HashMap<String, Bytes>,
    /// What is served: static files over whole-site files over pages.
    served: HashMap<String, Bytes>,
    shown: HashMap<String, Shown>,
    suggestions: Suggestions,
    /// The cross-guide rules' findings for the input as it was when they
    /// last ran, and that input's [`Workspace::input_key`] by content path.
    validated: Option<Vec<Diagnostic>>,
    validated_keys: HashMap<String, String>,
    /// Content paths changed since the rules last ran.
    unvalidated: BTreeSet<String>,
    pending: Pending,
}

impl Workspace {
    /// A workspace whose first [`Workspace::rebuild`] builds everything.
    pub fn new(options: BuildOptions) -> Self {
        Workspace {
            options,
            config: None,
            config_diagnostics: Vec::new(),
            scan_diagnostic: None,
            files: BTreeMap::new(),
            error_files: BTreeSet::new(),
            guides: Vec::new(),
            dependencies: HashMap::new(),
            templates: None,
            template_diagnostics: Vec::new(),
            template_sources: BTreeMap::new(),
            static_map: BTreeMap::new(),
            pages_out: HashMap::new(),
            site_out: HashMap::new(),
            static_out: HashMap::new(),
            served: HashMap::new(),
            shown: HashMap::new(),
            suggestions: HashMap::new(),
            validated: None,
            validated_keys: HashMap::new(),
            unvalidated: BTreeSet::new(),
            pending: Pending {
                full: true,
                ..Pending::default()
            },
        }
    }

    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// The theme in use, when the config could be read.
    pub fn theme(&self) -> Option<&str> {
        self.config.as_ref().map(|c| c.theme.as_str())
    }

    /// Every file of the last good build by output path.
    pub fn served(&self) -> &HashMap<String, Bytes> {
        &self.served
    }

    /// Reads what `changes` names and redoes what depends on it.
    pub fn rebuild(&mut self, changes: &Changes) -> Outcome {
        let started = Instant::now();
        let today = chrono::Local::now().date_naive();
        if today != self.options.today {
            // "Not in the future" moved: every guide must be read again.
            self.options.today = today;
            self.pending.full = true;
        }
        if changes.config || self.pending.full || self.config.is_none() {
            self.pending.full = true;
            self.reload_everything();
        } else {
            self.read_changes(changes);
        }
        let index = GuideIndex::new(&self.guides);
        let validated = self.validate(&index);
        let mut diagnostics = self.diagnostics(&validated);
        let Some(mut site) = self.assemble(index) else {
            diagnostics::sort(&mut diagnostics);
            return Outcome::Failed(diagnostics);
        };
        if diagnostics.iter().any(Diagnostic::is_error) {
            diagnostics.extend(site::link_diagnostics(&site));
            self.disassemble(site);
            diagnostics::sort(&mut diagnostics);
            return Outcome::Failed(diagnostics);
        }
        site::prepare(&mut site);
        let outcome = self.render(&site, diagnostics, started);
        self.disassemble(site);
        outcome
    }

    /// Reads the config, every guide and every template again.
    fn reload_everything(&mut self) {
        self.files.clear();
        self.error_files.clear();
        self.guides.clear();
        self.dependencies.clear();
        self.scan_diagnostic = None;
        match site::load_config(&self.options) {
            Ok((config, diagnostics)) => {
                self.config = Some(config);
                self.config_diagnostics = diagnostics;
            }
            Err(diagnostics) => {
                self.config = None;
                self.config_diagnostics = diagnostics;
                self.templates = None;
                return;
            }
        }
        match load::guide_files(&self.options.root) {
            Ok(files) => {
                let config = self.config.as_ref();
                let parsed: Vec<_> = files
                    .into_par_iter()
                    .filter_map(|file| {
                        let parsed = load::read_guide(
                            &self.options.root,
                            &file,
                            config?,
                            self.options.today,
                        );
                        Some((file, parsed))
                    })
                    .collect();
                for (file, parsed) in parsed {
                    self.insert_parsed(file, parsed);
                }
            }
            Err(diagnostic) => self.scan_diagnostic = Some(diagnostic),
        }
        self.reload_templates();
    }

    /// Applies a batch of changes to guides, templates and static files.
    fn read_changes(&mut self, changes: &Changes) {
        for file in &changes.guides {
            self.reread(file);
        }
        if !changes.content_dirs.is_empty() {
            self.rescan_content(&changes.content_dirs);
        }
        if changes.templates {
            self.reload_templates();
        }
        if !changes.statics.is_empty() {
            self.pending.static_scan = true;
            self.pending.statics.extend(changes.statics.iter().cloned());
        }
    }

    /// The content path (`sales/lead.md`) of a guide file.
    fn content_path(&self, file: &Path) -> String {
        let content = self.options.root.join(CONTENT_DIR);
        site::relative_name(&content, file)
    }

    /// Whether `file` is one `load::guide_files` would list.
    fn is_guide_file(&self, file: &Path) -> bool {
        let content = self.options.root.join(CONTENT_DIR);
        let Ok(rel) = file.strip_prefix(&content) else {
            return false;
        };
        let visible = rel
            .components()
            .all(|c| !c.as_os_str().to_string_lossy().starts_with('.'));
        visible && file.extension().is_some_and(|e| e == "md") && file.is_file()
    }

    /// Forgets `file`'s guide and reads it again if it is still there.
    fn reread(&mut self, file: &Path) {
        let parsed = match &self.config {
            Some(config) if self.is_guide_file(file) => Some(load::read_guide(
                &self.options.root,
                file,
                config,
                self.options.today,
            )),
            _ => None,
        };
        let Some(parsed) = parsed else {
            self.remove(file);
            return;
        };
        // A guide edited in place keeps its position: no shifting of the list.
        let display = diagnostics::display_path(&self.options.root, file);
        let at = self
            .guides
            .binary_search_by(|g| g.path.as_path().cmp(&display))
            .ok();
        match (at, parsed.guide) {
            (Some(at), Some(guide))
                if (!guide.draft || self.options.drafts) && guide.path == display =>
            {
                let content_path = self.content_path(file);
                self.pending.guides.insert(content_path.clone());
                self.unvalidated.insert(content_path.clone());
                self.dependencies
                    .insert(content_path, site::guide_dependencies(&guide));
                let state = FileState {
                    diagnostics: parsed.diagnostics,
                    skipped_draft: None,
                };
                self.set_errors(file, &state);
                self.files.insert(file.to_path_buf(), state);
                self.guides[at] = guide;
            }
            (_, guide) => {
                self.remove(file);
                let parsed = crate::content::parse::Parsed {
                    guide,
                    diagnostics: parsed.diagnostics,
                };
                self.insert_parsed(file.to_path_buf(), parsed);
            }
        }
    }

    fn set_errors(&mut self, file: &Path, state: &FileState) {
        if state.diagnostics.iter().any(Diagnostic::is_error) {
            self.error_files.insert(file.to_path_buf());
        } else {
            self.error_files.remove(file);
        }
    }

    fn remove(&mut self, file: &Path) {
        let content_path = self.content_path(file);
        self.pending.guides.insert(content_path.clone());
        self.unvalidated.insert(content_path.clone());
        self.error_files.remove(file);
        if self.files.remove(file).is_none() {
            return;
        }
        let display = diagnostics::display_path(&self.options.root, file);
        if let Ok(i) = self
            .guides
            .binary_search_by(|g| g.path.as_path().cmp(&display))
        {
            self.guides.remove(i);
        }
        self.dependencies.remove(&content_path);
    }

    fn insert_parsed(&mut self, file: PathBuf, parsed: crate::content::parse::Parsed) {
        let content_path = self.content_path(&file);
        self.pending.guides.insert(content_path.clone());
        self.unvalidated.insert(content_path.clone());
        let mut state = FileState {
            diagnostics: parsed.diagnostics,
            skipped_draft: None,
        };
        if let Some(guide) = parsed.guide {
            if guide.draft && !self.options.drafts {
                state.skipped_draft = Some(guide.slug);
            } else {
                self.dependencies
                    .insert(content_path, site::guide_dependencies(&guide));
                let at = self
                    .guides
                    .binary_search_by(|g| g.path.cmp(&guide.path))
                    .unwrap_or_else(|at| at);
                self.guides.insert(at, guide);
            }
        }
        if state.diagnostics.iter().any(Diagnostic::is_error) {
            self.error_files.insert(file.clone());
        }
        self.files.insert(file, state);
    }

    /// Lists the content folder again after folders came, went or moved,
    /// and re-reads every guide below the folders named.
    fn rescan_content(&mut self, dirs: &BTreeSet<PathBuf>) {
        let listed = match load::guide_files(&self.options.root) {
            Ok(files) => {
                self.scan_diagnostic = None;
                files
            }
            Err(diagnostic) => {
                self.scan_diagnostic = Some(diagnostic);
                return;
            }
        };
        let listed: BTreeSet<PathBuf> = listed.into_iter().collect();
        let known: Vec<PathBuf> = self.files.keys().cloned().collect();
        for file in known {
            if !listed.contains(&file) || dirs.iter().any(|d| file.starts_with(d)) {
                self.reread(&file);
            }
        }
        for file in &listed {
            if !self.files.contains_key(file) {
                self.reread(file);
            }
        }
    }

    /// Compiles the templates again and notes which names changed.
    fn reload_templates(&mut self) {
        let Some(config) = &self.config else {
            return;
        };
        let sources = template_sources(&self.options.root, &config.theme);
        let names: BTreeSet<&String> = sources.keys().chain(self.template_sources.keys()).collect();
        for name in names {
            let old = self.template_sources.get(name);
            let new = sources.get(name);
            if old != new {
                let defines_components = old
                    .into_iter()
                    .chain(new)
                    .any(|text| text.contains("endcomponent"));
                self.pending.all_templates |= defines_components;
                self.pending.templates.insert(name.clone());
            }
        }
        self.template_sources = sources;
        match Templates::load(&self.options.root, &config.theme) {
            Ok(templates) => {
                self.templates = Some(templates);
                self.template_diagnostics.clear();
            }
            Err(diagnostics) => {
                self.templates = None;
                self.template_diagnostics = diagnostics;
            }
        }
    }

    /// The diagnostics of the current input, as a cold load finds them
    /// (link errors aside, which need a site): every error, but warnings
    /// only about the files this rebuild read, unless it reads everything.
    fn diagnostics(&self, validated: &[Diagnostic]) -> Vec<Diagnostic> {
        let mut diagnostics = self.config_diagnostics.clone();
        if self.config.is_none() {
            return diagnostics;
        }
        diagnostics.extend(self.scan_diagnostic.clone());
        let read = self.read_paths();
        for file in self.error_files.iter() {
            if let Some(state) = self.files.get(file) {
                diagnostics.extend(state.diagnostics.iter().filter(|d| d.is_error()).cloned());
            }
        }
        let warnings = |state: &FileState| {
            state
                .diagnostics
                .iter()
                .filter(|d| !d.is_error())
                .cloned()
                .collect::<Vec<_>>()
        };
        if self.pending.full {
            for state in self.files.values() {
                diagnostics.extend(warnings(state));
            }
        } else {
            for display in &read {
                if let Some(state) = self.files.get(&self.options.root.join(display)) {
                    diagnostics.extend(warnings(state));
                }
            }
        }
        diagnostics.extend(
            validated
                .iter()
                .filter(|d| d.is_error() || self.pending.full || read.contains(&d.path))
                .cloned(),
        );
        diagnostics.extend(self.template_diagnostics.iter().cloned());
        diagnostics
    }

    /// Runs the cross-guide rules, unless no guide changed anything they read
    /// since they last ran: then their findings are the same.
    fn validate(&mut self, index: &GuideIndex) -> Vec<Diagnostic> {
        if self.config.is_none() {
            return Vec::new();
        }
        if !self.pending.full
            && let Some(validated) = &self.validated
            && self
                .unvalidated
                .iter()
                .all(|cp| self.input_key(index, cp).as_ref() == self.validated_keys.get(cp))
        {
            self.unvalidated.clear();
            return validated.clone();
        }
        let mut skipped = Vec::new();
        for state in self.files.values() {
            skipped.extend(state.skipped_draft.iter().cloned());
        }
        let validated = validate::validate(&self.guides, index, &skipped);
        let changed: Vec<String> = if self.pending.full {
            self.validated_keys.clear();
            self.guides.iter().map(|g| g.content_path.clone()).collect()
        } else {
            std::mem::take(&mut self.unvalidated).into_iter().collect()
        };
        let keys: Vec<(String, Option<String>)> = changed
            .into_par_iter()
            .map(|cp| {
                let key = self.input_key(index, &cp);
                (cp, key)
            })
            .collect();
        for (cp, key) in keys {
            match key {
                Some(key) => self.validated_keys.insert(cp, key),
                None => self.validated_keys.remove(&cp),
            };
        }
        self.unvalidated.clear();
        self.validated = Some(validated.clone());
        validated
    }

    /// What the cross-guide rules read of the guide file at `content_path`:
    /// its [`guide_key`] when it is in the build, its slug when it is a
    /// draft left out, nothing when it is gone or did not parse.
    fn input_key(&self, index: &GuideIndex, content_path: &str) -> Option<String> {
        if let Some(i) = index.by_content_path(content_path) {
            return self.guides.get(i).map(guide_key);
        }
        let file = self.options.root.join(CONTENT_DIR).join(content_path);
        let draft = self.files.get(&file)?.skipped_draft.as_ref()?;
        Some(format!("draft {draft}"))
    }

    /// The guide files (as diagnostics name them) read since the last good build.
    fn read_paths(&self) -> HashSet<PathBuf> {
        self.pending
            .guides
            .iter()
            .map(|content_path| Path::new(CONTENT_DIR).join(content_path))
            .collect()
    }

    /// Moves the parts into a [`Site`] for rendering; `None` when the config
    /// or templates failed to load.
    fn assemble(&mut self, index: GuideIndex) -> Option<Site> {
        if self.config.is_none() || self.templates.is_none() {
            return None;
        }
        Some(Site {
            root: self.options.root.clone(),
            config: self.config.take()?,
            index,
            guides: std::mem::take(&mut self.guides),
            templates: self.templates.take()?,
        })
    }

    fn disassemble(&mut self, site: Site) {
        self.config = Some(site.config);
        self.guides = site.guides;
        self.templates = Some(site.templates);
    }

    /// Renders what the pending changes touch and, if all went well,
    /// publishes the result.
    fn render(
        &mut self,
        site: &Site,
        mut diagnostics: Vec<Diagnostic>,
        started: Instant,
    ) -> Outcome {
        let full = self.pending.full;
        let (pages, suggestions) = if full {
            (site::pages(site), Some(all_suggestions(site)))
        } else {
            self.affected_pages(site)
        };
        let sink = MemorySink::default();
        let rendered = site::render_pages(site, &pages, &sink);
        diagnostics.extend(rendered.diagnostics);
        let whole_site = full
            || self.pending.guides.iter().any(|cp| {
                let old = self.shown.get(cp).map(|shown| shown.key.as_str());
                let new = site
                    .index
                    .by_content_path(cp)
                    .map(|i| guide_key(&site.guides[i]));
                old != new.as_deref()
            });
        let site_sink = MemorySink::default();
        let site_files = if whole_site {
            site::render_site_files(site, &site_sink)
        } else {
            site::Rendered::default()
        };
        diagnostics.extend(site_files.diagnostics);
        let (static_map, static_reads) = if full || self.pending.static_scan {
            let map = static_sources(site, &mut diagnostics);
            let reads = self.read_static(&map, full, &mut diagnostics);
            (Some(map), reads)
        } else {
            (None, Vec::new())
        };
        if diagnostics.iter().any(Diagnostic::is_error) {
            diagnostics::sort(&mut diagnostics);
            return Outcome::Failed(diagnostics);
        }

        // Everything rendered: publish.
        let mut touched: BTreeSet<String> = BTreeSet::new();
        // Pages come and go only with guides, which re-renders the listings.
        let listings = full || pages.contains(&Page::Home);
        let outputs: HashSet<String> = if listings {
            site::page_outputs(site).into_iter().collect()
        } else {
            HashSet::new()
        };
        if full {
            touched.extend(self.pages_out.keys().cloned());
            self.pages_out.clear();
        } else if listings {
            let gone: Vec<String> = self
                .pages_out
                .keys()
                .filter(|path| !outputs.contains(*path))
                .cloned()
                .collect();
            for path in gone {
                self.pages_out.remove(&path);
                touched.insert(path);
            }
        }
        for (path, bytes) in sink.into_files() {
            self.pages_out.insert(path.clone(), Bytes::from(bytes));
            touched.insert(path);
        }
        if whole_site {
            let written = site_sink.into_files();
            let gone: Vec<String> = self
                .site_out
                .keys()
                .filter(|path| !written.contains_key(*path))
                .cloned()
                .collect();
            for path in gone {
                self.site_out.remove(&path);
                touched.insert(path);
            }
            for (path, bytes) in written {
                self.site_out.insert(path.clone(), Bytes::from(bytes));
                touched.insert(path);
            }
        }
        let static_files = static_reads.len();
        if let Some(map) = static_map {
            let gone: Vec<String> = self
                .static_out
                .keys()
                .filter(|path| !map.contains_key(*path))
                .cloned()
                .collect();
            for path in gone {
                self.static_out.remove(&path);
                touched.insert(path);
            }
            for (path, bytes) in static_reads {
                self.static_out.insert(path.clone(), bytes);
                touched.insert(path);
            }
            self.static_map = map;
        }
        let mut updates = Vec::new();
        for path in touched {
            // Later writes of a cold build win: static files, then
            // whole-site files, then pages.
            let now = self
                .static_out
                .get(&path)
                .or_else(|| self.site_out.get(&path))
                .or_else(|| self.pages_out.get(&path))
                .cloned();
            let before = self.served.get(&path);
            if before != now.as_ref() {
                match &now {
                    Some(bytes) => self.served.insert(path.clone(), bytes.clone()),
                    None => self.served.remove(&path),
                };
                updates.push((path, now));
            }
        }
        self.remember_shown(site, full);
        if let Some(suggestions) = suggestions {
            self.suggestions = suggestions;
        }
        // What is left are warnings about what this rebuild read.
        let mut warnings = diagnostics;
        diagnostics::sort(&mut warnings);
        self.pending = Pending::default();
        Outcome::Built(Built {
            updates,
            pages: rendered.pages + site_files.files,
            static_files,
            guides: site.guides.len(),
            full,
            warnings,
            duration: started.elapsed(),
        })
    }

    /// The pages whose output may differ from the last published build.
    /// Also returns every guide's suggestions when they had to be worked
    /// out again.
    fn affected_pages(&self, site: &Site) -> (Vec<Page>, Option<Suggestions>) {
        let mut pages: BTreeSet<Page> = BTreeSet::new();
        let formatter = Formatter::new(&site.config);
        let mut listings = false;
        // Whether any guide's suggestions may differ.
        let mut similarity = false;
        // Slugs whose guide's listing entry, existence or address changed:
        // pages naming them show their link, summary, education and pay.
        let mut slugs: HashSet<&str> = HashSet::new();
        // Content paths whose guide came, went or changed slug: `@/` links
        // to them resolve differently.
        let mut moved: HashSet<&str> = HashSet::new();
        for content_path in &self.pending.guides {
            let old = self.shown.get(content_path);
            let new = site.index.by_content_path(content_path).map(|i| {
                pages.insert(Page::Guide(i));
                &site.guides[i]
            });
            match (old, new) {
                (Some(old), Some(new)) => {
                    similarity |= old.similarity != site::similarity_key(new);
                    if old.listing != site::listing_entry(&formatter, new) || old.slug != new.slug {
                        listings = true;
                        slugs.insert(&old.slug);
                        slugs.insert(&new.slug);
                    }
                    if old.slug != new.slug {
                        moved.insert(content_path);
                    }
                }
                (None, Some(new)) => {
                    similarity = true;
                    listings = true;
                    slugs.insert(&new.slug);
                    moved.insert(content_path);
                }
                (Some(old), None) => {
                    similarity = true;
                    listings = true;
                    slugs.insert(&old.slug);
                    moved.insert(content_path);
                }
                (None, None) => {}
            }
        }
        if listings {
            pages.extend([Page::Home, Page::NotFound]);
        }
        if !slugs.is_empty() || !moved.is_empty() {
            for (i, guide) in site.guides.iter().enumerate() {
                let Some(deps) = self.dependencies.get(&guide.content_path) else {
                    continue;
                };
                let names_slug = deps.slugs.iter().any(|s| slugs.contains(s.as_str()));
                let links_moved = !moved.is_empty()
                    && (deps.any_link || deps.links.iter().any(|l| moved.contains(l.as_str())));
                if names_slug || links_moved {
                    pages.insert(Page::Guide(i));
                }
            }
        }
        // Suggestions show their guides' listing entries.
        let suggestions = similarity.then(|| all_suggestions(site));
        let current = suggestions.as_ref().unwrap_or(&self.suggestions);
        for (content_path, suggested) in current {
            let Some(i) = site.index.by_content_path(content_path) else {
                continue;
            };
            let changed =
                suggestions.is_some() && self.suggestions.get(content_path) != Some(suggested);
            if changed || suggested.iter().any(|s| slugs.contains(s.as_str())) {
                pages.insert(Page::Guide(i));
            }
        }
        if self.pending.all_templates || !self.pending.templates.is_empty() {
            let all = site::pages(site);
            let kinds: BTreeSet<&'static str> = all.iter().map(|p| p.template()).collect();
            for template in kinds {
                if self.pending.all_templates
                    || uses_any(&self.template_sources, template, &self.pending.templates)
                {
                    pages.extend(all.iter().filter(|p| p.template() == template));
                }
            }
        }
        (pages.into_iter().collect(), suggestions)
    }

    /// Reads the static files that are new, moved or named by an event.
    fn read_static(
        &self,
        map: &BTreeMap<String, StaticSource>,
        full: bool,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<(String, Bytes)> {
        let named = |source: &StaticSource| match source {
            StaticSource::File(path) => self.pending.statics.iter().any(|p| path.starts_with(p)),
            StaticSource::Builtin(_) => false,
        };
        let results: Vec<_> = map
            .par_iter()
            .filter(|(rel, source)| {
                full || self.static_map.get(*rel) != Some(*source) || named(source)
            })
            .map(|(rel, source)| match source {
                StaticSource::Builtin(bytes) => Ok((rel.clone(), Bytes::from_static(bytes))),
                StaticSource::File(path) => match std::fs::read(path) {
                    Ok(bytes) => Ok((rel.clone(), Bytes::from(bytes))),
                    Err(err) => Err(Diagnostic::error(
                        diagnostics::display_path(&self.options.root, path),
                        format!("cannot copy static file: {err}"),
                    )),
                },
            })
            .collect();
        let mut reads = Vec::new();
        for result in results {
            match result {
                Ok(read) => reads.push(read),
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        reads
    }

    /// Records what the published pages show of each guide.
    fn remember_shown(&mut self, site: &Site, full: bool) {
        let formatter = Formatter::new(&site.config);
        let shown = |guide: &Guide| Shown {
            slug: guide.slug.clone(),
            listing: site::listing_entry(&formatter, guide),
            similarity: site::similarity_key(guide),
            key: guide_key(guide),
        };
        if full {
            self.shown = site
                .guides
                .par_iter()
                .map(|guide| (guide.content_path.clone(), shown(guide)))
                .collect();
            return;
        }
        for content_path in &self.pending.guides {
            match site.index.by_content_path(content_path) {
                Some(i) => {
                    self.shown
                        .insert(content_path.clone(), shown(&site.guides[i]));
                }
                None => {
                    self.shown.remove(content_path);
                }
            }
        }
    }
}

fn guide_key(guide: &Guide) -> String {
    let front_matter = match guide.text.read() {
        Ok(text) => text.front_matter().to_string(),
        Err(message) => message,
    };
    let mut rest = guide.clone();
    rest.text = TextSource::Memory(Text::default());
    rest.body_line = 0;
    rest.locations = std::sync::OnceLock::new();
    format!("{rest:?} {front_matter}")
}

/// The suggestions of every guide that names no related careers, as its
/// page shows them.
fn all_suggestions(site: &Site) -> Suggestions {
    let index = SimilarIndex::new(&site.guides);
    site.guides
        .par_iter()
        .enumerate()
        .filter(|(_, guide)| guide.related_careers.is_empty())
        .map(|(i, guide)| {
            let slugs = index
                .suggest(i)
                .into_iter()
                .filter_map(|j| site.guides.get(j).map(|g| g.slug.clone()))
                .collect();
            (guide.content_path.clone(), slugs)
        })
        .collect()
}

/// Every static file by output path, as `site`'s static copy lays them:
/// the built-in theme's (when in use), then the theme's and the site's
/// `static/` folders over them.
fn static_sources(
    site: &Site,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, StaticSource> {
    let mut sources: BTreeMap<String, StaticSource> =
        theme::builtin_static(&site.root, &site.config.theme)
            .map(|(rel, bytes)| (rel.to_string(), StaticSource::Builtin(bytes)))
            .collect();
    for (rel, path) in site::static_files(site, diagnostics) {
        sources.insert(rel, StaticSource::File(path));
    }
    sources
}

/// The text of every template by name, the site's `templates/` over the
/// theme's, read the way `Templates::load` reads them.
fn template_sources(root: &Path, theme: &str) -> BTreeMap<String, String> {
    let mut sources = BTreeMap::new();
    let mut dirs = vec![root.join("templates")];
    if theme::use_builtin(root, theme) {
        for (name, bytes) in theme::files_in("templates") {
            sources.insert(
                name.to_string(),
                String::from_utf8_lossy(bytes).into_owned(),
            );
        }
    } else {
        dirs.insert(0, root.join("themes").join(theme).join("templates"));
    }
    for dir in dirs {
        for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let name = site::relative_name(&dir, entry.path());
            if name.starts_with('.') || name.ends_with('~') {
                continue;
            }
            // An unreadable template is reported by `Templates::load`; here
            // it only has to differ from what was there.
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            sources.insert(name, text);
        }
    }
    sources
}

/// Whether `template`, or a template it names (`extends`, `include`),
/// directly or not, is among `changed`.
fn uses_any(
    sources: &BTreeMap<String, String>,
    template: &str,
    changed: &BTreeSet<String>,
) -> bool {
    let names_template = |text: &str, name: &str| {
        text.contains(&format!("\"{name}\"")) || text.contains(&format!("'{name}'"))
    };
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let mut queue = vec![template];
    while let Some(current) = queue.pop() {
        if !seen.insert(current) {
            continue;
        }
        if changed.contains(current) {
            return true;
        }
        let Some(text) = sources.get(current) else {
            continue;
        };
        for name in sources.keys().chain(changed.iter()) {
            if !seen.contains(name.as_str()) && names_template(text, name) {
                queue.push(name);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_uses_what_it_extends_and_includes() {
        let sources: BTreeMap<String, String> = [
            (
                "guide.html",
                r#"{% extends "base.html" %}{% include "partials/a.html" %}"#,
            ),
            ("index.html", r#"{% extends 'base.html' %}"#),
            ("404.html", "plain"),
            ("base.html", r#"{% include "partials/b.html" %}"#),
            ("partials/a.html", ""),
            ("partials/b.html", ""),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let changed = |name: &str| BTreeSet::from([name.to_string()]);
        assert!(uses_any(
            &sources,
            "guide.html",
            &changed("partials/a.html")
        ));
        assert!(!uses_any(
            &sources,
            "index.html",
            &changed("partials/a.html")
        ));
        assert!(uses_any(
            &sources,
            "index.html",
            &changed("partials/b.html")
        ));
        assert!(!uses_any(&sources, "404.html", &changed("base.html")));
        assert!(uses_any(&sources, "index.html", &changed("base.html")));
        // A template that went is still named by the templates that used it.
        assert!(uses_any(
            &sources,
            "index.html",
            &changed("partials/b.html")
        ));
        let mut without = sources.clone();
        without.remove("partials/a.html");
        assert!(uses_any(
            &without,
            "guide.html",
            &changed("partials/a.html")
        ));
        assert!(!uses_any(
            &without,
            "index.html",
            &changed("partials/a.html")
        ));
    }
}
