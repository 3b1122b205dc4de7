//! Partial rebuilds: what `serve` keeps between builds (parsed guides, the
//! templates, every output file) and how a batch of [`Changes`] becomes the
//! few pages and files to redo.
//!
//! The contract is that the files served after any sequence of rebuilds are
//! byte for byte those a cold `careergen build` of the same input writes.
//! A rebuild keeps the guide index while no guide comes, goes or changes
//! slug, runs the cross-guide rules again when a guide changed what they
//! read (`rules_key`), and is partial where the work is: parsing guides,
//! rendering pages and reading static files. Which pages an edit touches
//! comes from [`crate::render::guides::guide_dependencies`], [`crate::render::guides::listing_entry`] and the
//! templates' `extends`/`include` names; for articles and pages, from what
//! [`crate::render::kinds`] declares: each of its pages' signature and the
//! [`LibraryFacts`] the other outputs read of the library. An edit of an
//! article or a page reads the library again (its files are few) but
//! renders only the outputs whose signature or facts changed; an edit of a
//! section's `_index.md` rebuilds everything.
//!
//! When there is more to redo than the changed guides' own pages, a
//! rebuild publishes those first and leaves the rest (listing pages,
//! whole-site files, pages of guides showing the changed ones) to
//! [`Workspace::finish`], naming the files it left as stale meanwhile.
//! `pending` is cleared only once that second phase is published, so a
//! rebuild that comes before it works out the unfinished part again.
//!
//! A site in several languages is rebuilt by [`super::languages`]: the
//! whole site is read again, and only the languages an edit touches are
//! rendered (a translation or a language's message file: that language;
//! a default-language file, the config, a template: every one), plus, in
//! the others, the pages whose translations came, went or moved, and the
//! sitemap that lists them all.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;

use super::server::Stale;
use super::watch::Changes;
use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::content::index::{GuideIndex, Reason, Unavailable};
use crate::content::kinds::{self, Library};
use crate::content::load::{self, CONTENT_DIR};
use crate::content::text::{Text, TextSource};
use crate::content::validate;
use crate::diagnostics::{self, Diagnostic};
use crate::i18n::Catalog;
use crate::output::MemorySink;
use crate::render::browse;
use crate::render::context::Formatter;
use crate::render::guides::GuideDependencies;
use crate::render::kinds::{LibraryFacts, Signatures};
use crate::render::listings::Listings;
use crate::render::similar::SimilarIndex;
use crate::render::templates::Templates;
use crate::render::theme;
use crate::site::{self, BuildOptions, Page, Site};

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
    /// The output paths of the pages (and files beside them) rendered,
    /// changed or not, sorted.
    pub rendered: Vec<String>,
    /// Warnings about the files this rebuild read.
    pub warnings: Vec<Diagnostic>,
    pub duration: Duration,
    /// What this first phase left for [`Workspace::finish`]: requests for
    /// these files wait until it has published them.
    pub stale: Stale,
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
    /// [`grouping_key`]: what places it in the listings.
    grouping: String,
    similarity: String,
    /// [`guide_key`]: everything but the prose of its body.
    key: String,
}

/// Suggested similar guides (slugs) by content path, for the guides that
/// name no related careers.
type Suggestions = HashMap<String, Vec<String>>;

/// The guides suggesting each slug, by content path.
fn suggesting(suggestions: &Suggestions) -> HashMap<String, Vec<String>> {
    let mut by_slug: HashMap<String, Vec<String>> = HashMap::new();
    for (content_path, slugs) in suggestions {
        for slug in slugs {
            by_slug
                .entry(slug.clone())
                .or_default()
                .push(content_path.clone());
        }
    }
    by_slug
}

/// What each guide's page reads from other guides, by content path, and
/// the other way round: which guides read a given slug or content path,
/// so that an edit finds the pages it touches without a pass over all.
#[derive(Debug, Default)]
struct Dependencies {
    by_guide: HashMap<String, GuideDependencies>,
    /// Content paths of the guides naming each slug.
    naming: HashMap<String, BTreeSet<String>>,
    /// Content paths of the guides linking with `@/` to each content path.
    linking: HashMap<String, BTreeSet<String>>,
    /// Content paths of the guides with a link no scan reads exactly.
    linking_any: BTreeSet<String>,
    /// Content paths of the guides quoting each slug's figures through
    /// shortcodes.
    quoting: HashMap<String, BTreeSet<String>>,
}

impl Dependencies {
    fn insert(&mut self, content_path: String, deps: GuideDependencies) {
        self.remove(&content_path);
        for slug in &deps.slugs {
            self.naming
                .entry(slug.clone())
                .or_default()
                .insert(content_path.clone());
        }
        for link in &deps.links {
            self.linking
                .entry(link.clone())
                .or_default()
                .insert(content_path.clone());
        }
        for slug in &deps.quoted {
            self.quoting
                .entry(slug.clone())
                .or_default()
                .insert(content_path.clone());
        }
        if deps.any_link {
            self.linking_any.insert(content_path.clone());
        }
        self.by_guide.insert(content_path, deps);
    }

    fn remove(&mut self, content_path: &str) {
        let Some(deps) = self.by_guide.remove(content_path) else {
            return;
        };
        for (map, keys) in [
            (&mut self.naming, &deps.slugs),
            (&mut self.linking, &deps.links),
            (&mut self.quoting, &deps.quoted),
        ] {
            for key in keys {
                if let Some(readers) = map.get_mut(key) {
                    readers.remove(content_path);
                    if readers.is_empty() {
                        map.remove(key);
                    }
                }
            }
        }
        self.linking_any.remove(content_path);
    }

    fn clear(&mut self) {
        *self = Dependencies::default();
    }

    /// The guides whose page names one of `slugs`, or links to one of
    /// `moved` (content paths whose guide came, went or changed slug).
    fn dependents<'a>(&'a self, slugs: &HashSet<&str>, moved: &HashSet<&str>) -> BTreeSet<&'a str> {
        let mut found: BTreeSet<&str> = BTreeSet::new();
        for slug in slugs {
            found.extend(
                self.naming
                    .get(*slug)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        for content_path in moved {
            found.extend(
                self.linking
                    .get(*content_path)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        if !moved.is_empty() {
            found.extend(self.linking_any.iter().map(String::as_str));
        }
        found
    }

    /// The guides whose page quotes figures of one of `slugs`.
    fn quoting<'a>(&'a self, slugs: &BTreeSet<&str>) -> impl Iterator<Item = &'a str> {
        slugs
            .iter()
            .filter_map(|slug| self.quoting.get(*slug))
            .flatten()
            .map(String::as_str)
    }
}

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
    /// The library (articles, pages) was read again.
    library: bool,
}

/// How a batch of changes touches the library.
enum LibraryChange {
    /// Not at all.
    None,
    /// These article or page files changed, came or went: the library is
    /// read again.
    Files(BTreeSet<PathBuf>),
    /// A section file changed, or a file became or stopped being a page:
    /// everything is read again, as a cold build does.
    Everything,
}

/// The state of a served site between rebuilds.
pub struct Workspace {
    options: BuildOptions,
    config: Option<SiteConfig>,
    /// Errors reading `config.yaml`, or about the command line's overrides.
    config_diagnostics: Vec<Diagnostic>,
    /// The data files `config.yaml` names, read with it.
    data: crate::data::Datasets,
    /// Errors reading them.
    data_diagnostics: Vec<Diagnostic>,
    /// An error listing the content folder.
    scan_diagnostics: Vec<Diagnostic>,
    /// Every guide file by absolute path: path order is `load::guide_files` order.
    files: BTreeMap<PathBuf, FileState>,
    /// The files among `files` with errors.
    error_files: BTreeSet<PathBuf>,
    /// The guides in the build, sorted by path like a cold load.
    guides: Vec<Guide>,
    /// The kinds besides guides, read again in full when any of their files changes.
    library: Library,
    /// The files the library was read from (page files among them), and
    /// the diagnostics reading them gave.
    library_files: BTreeSet<PathBuf>,
    library_diagnostics: Vec<Diagnostic>,
    /// The library's files by role, as [`kinds::load`] reads them.
    library_sorted: kinds::Sorted,
    library_pages: BTreeSet<PathBuf>,
    /// The signatures of the library's pages last published.
    kind_signatures: Signatures,
    /// What the other outputs read of the library, as last published.
    library_facts: Option<LibraryFacts>,
    /// What each guide's page reads from others, by content path.
    dependencies: Dependencies,
    templates: Option<Templates>,
    template_diagnostics: Vec<Diagnostic>,
    template_sources: BTreeMap<String, String>,
    /// The site's and theme's message files as last read, and what they give.
    messages: Option<Arc<Catalog>>,
    message_sources: BTreeMap<PathBuf, String>,
    /// Static files by output path, as last published.
    static_map: BTreeMap<String, StaticSource>,
    pages_out: HashMap<String, Bytes>,
    /// Files of [`crate::render::site_files::render_site_files`].
    site_out: HashMap<String, Bytes>,
    static_out: HashMap<String, Bytes>,
    /// What is served: static files over whole-site files over pages.
    served: HashMap<String, Bytes>,
    shown: HashMap<String, Shown>,
    suggestions: Suggestions,
    /// The content paths of the guides suggesting each slug.
    suggesting: HashMap<String, Vec<String>>,
    /// The cross-guide rules' findings for the input as it was when they
    /// last ran, and that input's [`Workspace::input_key`] by content path.
    validated: Option<Vec<Diagnostic>>,
    validated_keys: HashMap<String, String>,
    /// Content paths changed since the rules last ran.
    unvalidated: BTreeSet<String>,
    pending: Pending,
    /// The guide index, kept while no guide comes, goes or changes slug.
    index: Option<GuideIndex>,
    /// What the listing pages show, as of the last time they were rendered.
    listings: Option<Listings>,
    /// [`Listings::list_signatures`] of the list pages last published.
    list_signatures: HashMap<String, u64>,
    /// The second phase of the last rebuild, when it is still to run.
    deferred: Option<Work>,
    /// Content paths read since a rebuild last succeeded: warnings about
    /// them are reported with its outcome.
    unreported: BTreeSet<String>,
    /// The slug of each guide page published, by content path.
    page_slugs: HashMap<String, String>,
    /// What the last build of a site in several languages wrote.
    languages: super::languages::Languages,
}

/// Pages and files a rebuild (or one of its phases) renders.
#[derive(Default)]
struct Work {
    /// Positions of the guides whose page is rendered.
    guides: BTreeSet<usize>,
    /// Other pages, browse pages included.
    others: BTreeSet<Page>,
    /// Every listing page, worked out when rendering: guides came, went or
    /// moved between groups, so browse pages may come and go.
    all_listings: bool,
    /// Positions of the guides whose card changed, their place in the
    /// listings being the same.
    cards: BTreeSet<usize>,
    site_files: bool,
    /// Every guide's suggestions, when they had to be worked out again.
    suggestions: Option<Suggestions>,
    /// A guide came, went or changed slug: `@/` links to it from other
    /// guides may now fail, which only rendering their pages finds.
    links_moved: bool,
    /// Every page, whatever its signature: what every page shows (the
    /// menus) may have changed.
    every_page: bool,
}

impl Work {
    /// Every page and file.
    fn everything(site: &Site) -> Self {
        Work {
            guides: (0..site.guides.len()).collect(),
            all_listings: true,
            site_files: true,
            suggestions: Some(all_suggestions(site)),
            every_page: true,
            ..Work::default()
        }
    }

    fn is_empty(&self) -> bool {
        self.guides.is_empty() && self.others.is_empty() && !self.all_listings && !self.site_files
    }
}

impl Workspace {
    /// A workspace whose first [`Workspace::rebuild`] builds everything.
    pub fn new(options: BuildOptions) -> Self {
        Workspace {
            options,
            config: None,
            config_diagnostics: Vec::new(),
            scan_diagnostics: Vec::new(),
            data: Default::default(),
            data_diagnostics: Vec::new(),
            files: BTreeMap::new(),
            error_files: BTreeSet::new(),
            guides: Vec::new(),
            library: Library::default(),
            library_files: BTreeSet::new(),
            library_diagnostics: Vec::new(),
            library_sorted: kinds::Sorted::default(),
            library_pages: BTreeSet::new(),
            kind_signatures: Signatures::new(),
            library_facts: None,
            dependencies: Dependencies::default(),
            templates: None,
            template_diagnostics: Vec::new(),
            template_sources: BTreeMap::new(),
            messages: None,
            message_sources: BTreeMap::new(),
            static_map: BTreeMap::new(),
            pages_out: HashMap::new(),
            site_out: HashMap::new(),
            static_out: HashMap::new(),
            served: HashMap::new(),
            shown: HashMap::new(),
            suggestions: HashMap::new(),
            suggesting: HashMap::new(),
            validated: None,
            validated_keys: HashMap::new(),
            unvalidated: BTreeSet::new(),
            pending: Pending {
                full: true,
                ..Pending::default()
            },
            index: None,
            listings: None,
            list_signatures: HashMap::new(),
            deferred: None,
            unreported: BTreeSet::new(),
            page_slugs: HashMap::new(),
            languages: Default::default(),
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
        // The second phase of the last rebuild, if still to run, is worked
        // out again with this one's: `pending` still holds what it was for.
        self.deferred = None;
        // Validated when serve started; the date moves on a long session.
        let today = crate::clock::today().unwrap_or(self.options.today);
        if today != self.options.today {
            // "Not in the future" moved: every guide must be read again.
            self.options.today = today;
            self.pending.full = true;
        }
        if crate::config::load(&self.options.root).is_ok_and(|c| c.is_multilingual()) {
            return self.rebuild_languages(changes, started);
        }
        // Back in one language: a later multilingual build starts afresh.
        self.languages = Default::default();
        let library = match self.library_change(changes) {
            LibraryChange::None => BTreeSet::new(),
            LibraryChange::Files(files) => files,
            LibraryChange::Everything => {
                self.pending.full = true;
                BTreeSet::new()
            }
        };
        if changes.config || self.pending.full || self.config.is_none() {
            self.pending.full = true;
            self.reload_everything();
        } else {
            self.read_changes(changes, &library);
            if !library.is_empty() {
                self.reload_library(&library);
            }
        }
        let index = self
            .index
            .take()
            .unwrap_or_else(|| GuideIndex::new(&self.guides).with_unavailable(self.unavailable()));
        let validated = self.validate(&index);
        let mut diagnostics = self.diagnostics(&validated);
        diagnostics.extend(
            self.library_diagnostics
                .iter()
                .filter(|d| self.pending.full || self.pending.library || d.is_error())
                .cloned(),
        );
        diagnostics.extend(site::library_rules(&self.library, &self.guides, &index));
        if let Some(config) = &self.config {
            diagnostics.extend(site::featured_diagnostics(config, &index));
            let root = &self.options.root;
            let (_, menu_errors) =
                crate::render::menu::resolve(config, &self.guides, &index, &self.library, root);
            diagnostics.extend(menu_errors);
        }
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

    /// A rebuild of a site in several languages: only the languages the
    /// changes touch are rendered (see [`super::languages`]).
    fn rebuild_languages(&mut self, changes: &Changes, started: Instant) -> Outcome {
        let outcome = self
            .languages
            .rebuild(&self.options, changes, &mut self.served, started);
        // Back to one language, the next rebuild starts from scratch.
        self.config = None;
        self.pending = Pending {
            full: true,
            ..Pending::default()
        };
        outcome
    }

    /// How `changes` touch the library: the article and page files among
    /// them (a file in a section's folder, a page, a new file saying
    /// `kind: page`), or everything when a section file changed, folders
    /// moved, or a file became or stopped being a page.
    fn library_change(&self, changes: &Changes) -> LibraryChange {
        let content = self.options.root.join(CONTENT_DIR);
        let in_section = |file: &Path| {
            file.ancestors()
                .skip(1)
                .take_while(|dir| *dir != content && dir.starts_with(&content))
                .any(|dir| dir.join(kinds::SECTION_FILE).is_file())
        };
        let declares_page = |file: &Path| {
            std::fs::read_to_string(file).is_ok_and(|text| kinds::declares_page(&text))
        };
        if !changes.content_dirs.is_empty() && !self.library_files.is_empty() {
            return LibraryChange::Everything;
        }
        let mut files = BTreeSet::new();
        for file in &changes.guides {
            if file.file_name().is_some_and(|n| n == kinds::SECTION_FILE) {
                return LibraryChange::Everything;
            }
            let was_page = self.library_pages.contains(file);
            if self.library_sorted.members.contains(file) || in_section(file) {
                files.insert(file.clone());
            } else if was_page || declares_page(file) {
                let is_page = file.is_file() && declares_page(file);
                // A guide turned page, or a page turned guide.
                if (was_page && file.is_file() && !is_page) || self.files.contains_key(file) {
                    return LibraryChange::Everything;
                }
                files.insert(file.clone());
            }
        }
        if files.is_empty() {
            LibraryChange::None
        } else {
            LibraryChange::Files(files)
        }
    }

    /// Reads the library again after `files` (articles and pages) changed,
    /// came or went.
    fn reload_library(&mut self, files: &BTreeSet<PathBuf>) {
        let content = self.options.root.join(CONTENT_DIR);
        let section_dirs: Vec<&Path> = self
            .library_sorted
            .section_files
            .iter()
            .filter_map(|f| f.parent())
            .filter(|dir| *dir != content)
            .collect();
        let mut members: BTreeSet<PathBuf> = self.library_sorted.members.iter().cloned().collect();
        for file in files {
            let member = section_dirs.iter().any(|dir| file.starts_with(dir));
            members.remove(file);
            self.library_pages.remove(file);
            if file.is_file() && file.extension().is_some_and(|e| e == "md") {
                if member {
                    members.insert(file.clone());
                } else {
                    self.library_pages.insert(file.clone());
                }
            }
        }
        self.library_sorted.members = members.into_iter().collect();
        let pages: Vec<PathBuf> = self.library_pages.iter().cloned().collect();
        let (library, library_diagnostics) = kinds::load(
            &self.options.root,
            &self.library_sorted,
            &pages,
            self.options.drafts,
            self.options.today,
        );
        self.library = library;
        self.library_diagnostics = library_diagnostics;
        self.library_files = self
            .library_sorted
            .section_files
            .iter()
            .chain(&self.library_sorted.members)
            .chain(&self.library_pages)
            .cloned()
            .collect();
        self.pending.library = true;
        for file in files {
            self.unreported.insert(self.content_path(file));
        }
    }

    /// Reads the config, every guide and every template again.
    fn reload_everything(&mut self) {
        self.files.clear();
        self.error_files.clear();
        self.guides.clear();
        self.index = None;
        self.listings = None;
        self.dependencies.clear();
        self.scan_diagnostics.clear();
        match site::load_config(&self.options) {
            Ok((mut config, diagnostics)) => {
                // Guides cite their data in the site's language, as a cold
                // build has them do; the messages' own findings are
                // reported with the templates'.
                let (messages, _) = site::load_messages(&self.options.root, &config);
                config.data.localize(messages.messages(&config.language));
                let (data, data_diagnostics) = crate::data::load(&self.options.root, &config.data);
                self.data = data;
                self.data_diagnostics = data_diagnostics;
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
        let listing = load::guide_files(&self.options.root);
        self.scan_diagnostics = listing.diagnostics.clone();
        let config = self.config.as_ref();
        let parsed: Vec<_> = listing
            .files
            .par_iter()
            .cloned()
            .filter_map(|file| {
                let parsed = self.read_guide(&file, config?);
                Some((file, parsed))
            })
            .collect();
        let mut pages = Vec::new();
        for (file, parsed) in parsed {
            if parsed.page {
                pages.push(file);
                continue;
            }
            self.insert_parsed(file, parsed);
        }
        let (library, library_diagnostics) = kinds::load(
            &self.options.root,
            &listing.kinds,
            &pages,
            self.options.drafts,
            self.options.today,
        );
        self.library = library;
        self.library_diagnostics = library_diagnostics;
        self.library_files = listing
            .kinds
            .section_files
            .iter()
            .chain(&listing.kinds.members)
            .chain(&pages)
            .cloned()
            .collect();
        self.library_pages = pages.into_iter().collect();
        self.library_sorted = listing.kinds;
        self.reload_templates();
    }

    /// Applies a batch of changes to guides, templates and static files;
    /// the `library` files among them are left to [`Self::reload_library`].
    fn read_changes(&mut self, changes: &Changes, library: &BTreeSet<PathBuf>) {
        if changes.data {
            self.reload_data();
        }
        for file in changes.guides.iter().filter(|f| !library.contains(*f)) {
            self.reread(file);
        }
        if !changes.content_dirs.is_empty() {
            self.rescan_content(&changes.content_dirs);
        }
        if changes.templates || !changes.messages.is_empty() {
            self.reload_templates();
        }
        if !changes.statics.is_empty() {
            self.pending.static_scan = true;
            self.pending.statics.extend(changes.statics.iter().cloned());
        }
    }

    /// The content path (`sales/lead.md`) of a guide file.
    /// The guide files with no page: drafts left out and files that
    /// failed to load, so that links to them say why.
    fn unavailable(&self) -> Vec<Unavailable> {
        let mut out = Vec::new();
        for (file, state) in &self.files {
            let reason = if state.skipped_draft.is_some() {
                Reason::Draft
            } else {
                let display = diagnostics::display_path(&self.options.root, file);
                if self
                    .guides
                    .binary_search_by(|g| g.path.as_path().cmp(&display))
                    .is_ok()
                {
                    continue;
                }
                Reason::Failed
            };
            let slug = state.skipped_draft.clone().unwrap_or_else(|| {
                crate::content::bundle::default_slug(&self.content_path(file)).unwrap_or_default()
            });
            out.push(Unavailable {
                content_path: self.content_path(file),
                slug,
                reason,
            });
        }
        out
    }

    fn content_path(&self, file: &Path) -> String {
        let content = self.options.root.join(CONTENT_DIR);
        crate::walk::relative_name(&content, file)
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

    /// Reads one guide as a cold build does, figures from data included.
    fn read_guide(&self, file: &Path, config: &SiteConfig) -> crate::content::parse::Parsed {
        let mut parsed = load::read_guide(&self.options.root, file, config, self.options.today);
        if let Some(guide) = &mut parsed.guide {
            let filled = crate::data::fill::fill(guide, &self.data, config);
            parsed.diagnostics.extend(filled);
        }
        parsed
    }

    /// Forgets `file`'s guide and reads it again if it is still there.
    fn reread(&mut self, file: &Path) {
        let parsed = match &self.config {
            Some(config) if self.is_guide_file(file) => Some(self.read_guide(file, config)),
            _ => None,
        };
        let Some(parsed) = parsed else {
            self.remove(file);
            return;
        };
        self.replace_parsed(file, parsed);
    }

    /// Reads the data files again after one changed, then every guide
    /// file: only those whose guide or findings come out different are
    /// taken as changed, so only their pages and the listings, compare
    /// and search files showing their figures are rendered again.
    fn reload_data(&mut self) {
        let Some(config) = &self.config else {
            return;
        };
        let (data, found) = crate::data::load(&self.options.root, &config.data);
        self.data = data;
        self.data_diagnostics = found;
        let files: Vec<&PathBuf> = self.files.keys().collect();
        let changed: Vec<(PathBuf, crate::content::parse::Parsed)> = files
            .into_par_iter()
            .filter(|file| self.is_guide_file(file))
            .filter_map(|file| {
                let parsed = self.read_guide(file, config);
                let before = self.files.get(file)?;
                let display = diagnostics::display_path(&self.options.root, file);
                let old = self
                    .guides
                    .binary_search_by(|g| g.path.as_path().cmp(&display))
                    .ok()
                    .map(|at| &self.guides[at]);
                let same_guide = match (old, &parsed.guide) {
                    (Some(old), Some(new)) => guide_key(old) == guide_key(new),
                    // Skipped drafts and failed files: their findings say all.
                    (None, Some(new)) => new.draft && !self.options.drafts,
                    (None, None) => true,
                    (Some(_), None) => false,
                };
                let same = same_guide && before.diagnostics == parsed.diagnostics;
                (!same).then(|| (file.clone(), parsed))
            })
            .collect();
        for (file, parsed) in changed {
            self.replace_parsed(&file, parsed);
        }
    }

    /// Puts `parsed` in place of what `file` held.
    fn replace_parsed(&mut self, file: &Path, parsed: crate::content::parse::Parsed) {
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
                self.unreported.insert(content_path.clone());
                self.dependencies.insert(
                    content_path,
                    crate::render::guides::guide_dependencies(&guide),
                );
                if self.guides[at].slug != guide.slug {
                    self.index = None;
                }
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
                    page: parsed.page,
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
        self.unreported.insert(content_path.clone());
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
            self.index = None;
        }
        self.dependencies.remove(&content_path);
    }

    fn insert_parsed(&mut self, file: PathBuf, parsed: crate::content::parse::Parsed) {
        // The index also knows the files with no guide (drafts, failures).
        self.index = None;
        let content_path = self.content_path(&file);
        self.pending.guides.insert(content_path.clone());
        self.unvalidated.insert(content_path.clone());
        self.unreported.insert(content_path.clone());
        let mut state = FileState {
            diagnostics: parsed.diagnostics,
            skipped_draft: None,
        };
        if let Some(guide) = parsed.guide {
            if guide.draft && !self.options.drafts {
                state.skipped_draft = Some(guide.slug);
            } else {
                self.dependencies.insert(
                    content_path,
                    crate::render::guides::guide_dependencies(&guide),
                );
                let at = self
                    .guides
                    .binary_search_by(|g| g.path.cmp(&guide.path))
                    .unwrap_or_else(|at| at);
                self.guides.insert(at, guide);
                self.index = None;
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
        let listing = load::guide_files(&self.options.root);
        self.scan_diagnostics = listing.diagnostics;
        let listed = listing.files;
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
                self.template_diagnostics = templates.warnings().to_vec();
                self.templates = Some(templates);
            }
            Err(diagnostics) => {
                self.templates = None;
                self.template_diagnostics = diagnostics;
            }
        }
        // Any page may show any message: a changed message file renders
        // every page again.
        let message_sources = crate::i18n::sources(&self.options.root, &config.theme);
        if message_sources != self.message_sources {
            self.pending.all_templates = true;
            self.message_sources = message_sources;
        }
        let (messages, diagnostics) = site::load_messages(&self.options.root, config);
        self.template_diagnostics.extend(diagnostics);
        // Guides name their data in the messages' words: when those
        // changed, the guides are filled again.
        let mut data = config.data.clone();
        data.localize(messages.messages(&config.language));
        let renamed = data != config.data;
        self.messages = Some(messages);
        if renamed && let Some(config) = &mut self.config {
            config.data = data;
            self.reload_data();
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
        diagnostics.extend(self.data_diagnostics.iter().cloned());
        diagnostics.extend(self.scan_diagnostics.iter().cloned());
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
    /// since they last ran: then their findings are the same. A changed
    /// guide they found something about is checked again, as the positions
    /// in its findings may have moved.
    fn validate(&mut self, index: &GuideIndex) -> Vec<Diagnostic> {
        if self.config.is_none() {
            return Vec::new();
        }
        if !self.pending.full
            && let Some(validated) = &self.validated
            && self.unvalidated.iter().all(|cp| {
                let file = Path::new(CONTENT_DIR).join(cp);
                self.input_key(index, cp).as_ref() == self.validated_keys.get(cp)
                    && !validated.iter().any(|d| d.path == file)
            })
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
    /// its [`rules_key`] when it is in the build, its slug when it is a
    /// draft left out, nothing when it is gone or did not parse.
    fn input_key(&self, index: &GuideIndex, content_path: &str) -> Option<String> {
        if let Some(i) = index.by_content_path(content_path) {
            return self.guides.get(i).map(rules_key);
        }
        let file = self.options.root.join(CONTENT_DIR).join(content_path);
        let draft = self.files.get(&file)?.skipped_draft.as_ref()?;
        Some(format!("draft {draft}"))
    }

    /// The guide files (as diagnostics name them) read since the last good build.
    fn read_paths(&self) -> HashSet<PathBuf> {
        self.unreported
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
        let config = self.config.take()?;
        Some(Site {
            images: crate::render::images::Images::new(&self.options.root, config.images.clone()),
            root: self.options.root.clone(),
            config,
            index,
            guides: std::mem::take(&mut self.guides),
            library: std::mem::take(&mut self.library),
            templates: self.templates.take()?,
            messages: self.messages.clone()?,
            // Serve keeps its guides whole.
            reread: None,
            languages: crate::site::Languages::default(),
        })
    }

    fn disassemble(&mut self, site: Site) {
        self.config = Some(site.config);
        self.guides = site.guides;
        self.library = site.library;
        self.templates = Some(site.templates);
        self.index = Some(site.index);
    }

    /// Whether the last rebuild left a second phase to [`Workspace::finish`].
    pub fn has_deferred(&self) -> bool {
        self.deferred.is_some()
    }

    /// Runs the second phase the last rebuild left, if any: the pages and
    /// files that depend on the change but are not the changed guides' own
    /// pages. `None` when there was none, or when `stop` said to give up
    /// because another change came: the work then stays deferred.
    pub fn finish(&mut self, stop: &(dyn Fn() -> bool + Sync)) -> Option<Outcome> {
        if stop() {
            return None;
        }
        let mut work = self.deferred.take()?;
        let started = Instant::now();
        let index = self
            .index
            .take()
            .unwrap_or_else(|| GuideIndex::new(&self.guides).with_unavailable(self.unavailable()));
        let site = self.assemble(index)?;
        let outcome = self.render_work(&site, &mut work, true, Vec::new(), started, stop);
        self.disassemble(site);
        if outcome.is_none() {
            self.deferred = Some(work);
        }
        outcome
    }

    /// Renders what the pending changes touch and, if all went well,
    /// publishes the result. When there is more to redo than the changed
    /// guides' own pages, those go first, published at once, and the rest
    /// is left to [`Workspace::finish`].
    fn render(&mut self, site: &Site, diagnostics: Vec<Diagnostic>, started: Instant) -> Outcome {
        // Never asked to stop, `render_work` always ends with an outcome.
        let never = || false;
        let mut work = if self.pending.full {
            Work::everything(site)
        } else {
            self.affected(site)
        };
        let first: BTreeSet<usize> = work
            .guides
            .iter()
            .copied()
            .filter(|&i| self.pending.guides.contains(&site.guides[i].content_path))
            .collect();
        work.guides.retain(|i| !first.contains(i));
        // Links that may fail are checked before anything is published.
        if self.pending.full || work.links_moved || first.is_empty() || work.is_empty() {
            work.guides.extend(first);
            return self
                .render_work(site, &mut work, true, diagnostics, started, &never)
                .unwrap_or_else(|| Outcome::Failed(Vec::new()));
        }
        let mut first = Work {
            guides: first,
            ..Work::default()
        };
        let outcome = self
            .render_work(site, &mut first, false, diagnostics, started, &never)
            .unwrap_or_else(|| Outcome::Failed(Vec::new()));
        match outcome {
            Outcome::Built(mut built) => {
                built.stale = self.stale(site, &work);
                self.deferred = Some(work);
                Outcome::Built(built)
            }
            failed => failed,
        }
    }

    /// Renders `work` and, if all went well, publishes it. `complete` says
    /// that it is all the pending changes ask for. `None` when `stop` said
    /// to give up.
    fn render_work(
        &mut self,
        site: &Site,
        work: &mut Work,
        complete: bool,
        mut diagnostics: Vec<Diagnostic>,
        started: Instant,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Outcome> {
        let full = self.pending.full;
        let lists = full || work.all_listings || !work.others.is_empty();
        // The listings are put back only once published, so that they
        // always show what the last published listing pages show.
        let mut listings = if lists { self.listings.take() } else { None };
        if lists {
            match &mut listings {
                Some(listings) if !work.all_listings => {
                    let cards: Vec<usize> = work.cards.iter().copied().collect();
                    listings.refresh_cards(site, &cards);
                }
                _ => listings = Some(Listings::new(site)),
            }
        }
        let mut others: Vec<Page> = work.others.iter().copied().collect();
        if let Some(listings) = &listings {
            if full || work.every_page {
                others.extend(listings.other_pages(site));
            } else if work.all_listings {
                // Of the pages of lists, only those showing other guides,
                // or standing elsewhere among their list's pages, than
                // when last published.
                let signatures = listings.list_signatures(site);
                others.extend(listings.listing_pages(site).into_iter().filter(|&page| {
                    let output = listings.output(site, page);
                    match signatures.get(&output) {
                        Some(signature) => self.list_signatures.get(&output) != Some(signature),
                        None => true,
                    }
                }));
            }
        }
        others.sort();
        others.dedup();
        let guides: Vec<usize> = work.guides.iter().copied().collect();
        let sink = MemorySink::default();
        let site_sink = MemorySink::default();
        // The library's pages show guides' titles, links and figures: each
        // is rendered again when its context changed, and every one when
        // what no context holds (templates, menus) may have.
        let all_kinds = full
            || work.every_page
            || self.pending.all_templates
            || !self.pending.templates.is_empty();
        let previous_kinds = (!all_kinds).then_some(&self.kind_signatures);
        let (rendered, site_files) = rayon::join(
            || {
                let mut rendered = crate::render::guides::render_guide_pages(site, &guides, &sink);
                let pages = crate::render::kinds::pages(site);
                let (kind_pages, signatures) =
                    crate::render::kinds::render_changed(site, &pages, &sink, previous_kinds);
                rendered.add(kind_pages);
                if let Some(listings) = listings.as_ref().filter(|_| !others.is_empty()) {
                    rendered.add(crate::render::listings::render_listing_pages(
                        site, listings, &others, &sink, stop,
                    )?);
                }
                // The responsive copies of the images these pages show.
                let cache = site.root.join(crate::render::images::CACHE_DIR);
                let copies = site.images.write(&sink, &cache);
                rendered.diagnostics.extend(copies.diagnostics);
                Some((rendered, signatures))
            },
            || {
                if work.site_files {
                    // The listings' groups where they were worked out.
                    let worked_out;
                    let groups = match &listings {
                        Some(listings) => listings.browse_groups(),
                        None => {
                            worked_out = crate::render::listings::browse_groups(site);
                            &worked_out
                        }
                    };
                    crate::render::site_files::render_site_files(site, groups, &site_sink)
                } else {
                    site::Rendered::default()
                }
            },
        );
        // `None` when asked to stop before every page was rendered. Work
        // done in full is published even if another change came since: it
        // is right for the input it was rendered from, and the next rebuild
        // redoes what that change touches.
        let (rendered, kind_signatures) = rendered?;
        diagnostics.extend(rendered.diagnostics);
        diagnostics.extend(site_files.diagnostics);
        let (static_map, static_reads) = if full || self.pending.static_scan {
            let map = static_sources(site, &mut diagnostics);
            let reads = self.read_static(&map, full, &mut diagnostics);
            (Some(map), reads)
        } else {
            (None, Vec::new())
        };
        // A static file may not replace a file the build generates.
        {
            let listing_outputs: Option<HashSet<String>> = listings.as_ref().map(|listings| {
                listings
                    .other_pages(site)
                    .into_iter()
                    .map(|page| listings.output(site, page))
                    .collect()
            });
            let kind_outputs: HashSet<String> = kind_outputs(site).collect();
            let generated = |rel: &str| {
                let guide_page = rel
                    .strip_suffix("/index.html")
                    .is_some_and(|slug| site.index.by_slug(slug).is_some());
                // Without new listings no page came or went: what is
                // served is what the site has.
                let listing_page = match &listing_outputs {
                    Some(outputs) => outputs.contains(rel),
                    None => self.pages_out.contains_key(rel),
                };
                let site_file = if work.site_files {
                    site_sink.contains(rel)
                } else {
                    self.site_out.contains_key(rel)
                };
                guide_page || listing_page || site_file || kind_outputs.contains(rel)
            };
            let statics = static_map.as_ref().unwrap_or(&self.static_map);
            for (rel, source) in statics {
                if generated(rel) {
                    let shown = match source {
                        StaticSource::File(path) => diagnostics::display_path(&site.root, path),
                        StaticSource::Builtin(_) => theme::display_path("static", rel).into(),
                    };
                    diagnostics.push(crate::statics::collision(site, &shown, rel));
                }
            }
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            crate::render::templates::merge_render_errors(&mut diagnostics);
            diagnostics::sort(&mut diagnostics);
            return Some(Outcome::Failed(diagnostics));
        }

        // Everything rendered: publish.
        let mut touched: BTreeSet<String> = BTreeSet::new();
        if full {
            touched.extend(self.pages_out.keys().cloned());
            self.pages_out.clear();
            self.page_slugs.clear();
        } else if let Some(listings) = listings.as_ref().filter(|_| work.all_listings) {
            // Pages come and go only with guides, which re-renders the listings.
            let outputs: HashSet<String> = (0..site.guides.len())
                .map(|i| Page::Guide(i).output(site))
                // The library's pages and the images beside them.
                .chain(kind_signatures.keys().cloned())
                .chain(
                    listings
                        .other_pages(site)
                        .into_iter()
                        .map(|page| listings.output(site, page)),
                )
                .collect();
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
        // The page of a guide that went or changed slug goes with it.
        for content_path in &self.pending.guides {
            let Some(slug) = self.page_slugs.get(content_path) else {
                continue;
            };
            if site.index.by_slug(slug).is_none() {
                let path = format!("{slug}/index.html");
                self.pages_out.remove(&path);
                touched.insert(path);
                self.page_slugs.remove(content_path);
            }
        }
        for &i in &work.guides {
            let guide = &site.guides[i];
            self.page_slugs
                .insert(guide.content_path.clone(), guide.slug.clone());
        }
        // The library's outputs no longer made (an article gone or moved,
        // a list with fewer pages) go.
        for path in self.kind_signatures.keys() {
            if !kind_signatures.contains_key(path) {
                self.pages_out.remove(path);
                touched.insert(path.clone());
            }
        }
        self.kind_signatures = kind_signatures;
        let written = sink.into_files();
        // Copies of a re-described image that it no longer needs (it
        // changed size) go, as a cold build would not write them.
        let stale: Vec<String> = self
            .pages_out
            .keys()
            .filter(|path| !written.contains_key(*path) && site.images.is_stale_copy(path))
            .cloned()
            .collect();
        for path in stale {
            self.pages_out.remove(&path);
            touched.insert(path);
        }
        let rendered_paths: Vec<String> = written.keys().cloned().collect();
        for (path, bytes) in written {
            self.pages_out.insert(path.clone(), Bytes::from(bytes));
            touched.insert(path);
        }
        if work.site_files {
            let written = site_sink.into_files();
            forget_missing(
                &mut self.site_out,
                |path| written.contains_key(path),
                &mut touched,
            );
            for (path, bytes) in written {
                self.site_out.insert(path.clone(), Bytes::from(bytes));
                touched.insert(path);
            }
        }
        let static_files = static_reads.len();
        if let Some(map) = static_map {
            forget_missing(
                &mut self.static_out,
                |path| map.contains_key(path),
                &mut touched,
            );
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
        if lists {
            if let Some(listings) = &listings {
                self.list_signatures = listings.list_signatures(site);
            }
            self.listings = listings;
        }
        if complete {
            self.remember_shown(site, full);
            if full || self.pending.library {
                self.library_facts = Some(LibraryFacts::of(site));
            }
            if let Some(suggestions) = work.suggestions.take() {
                self.suggesting = suggesting(&suggestions);
                self.suggestions = suggestions;
            }
            self.pending = Pending::default();
        } else {
            self.pending.statics.clear();
            self.pending.static_scan = false;
        }
        self.unreported.clear();
        // What is left are warnings about what this rebuild read.
        let mut warnings = diagnostics;
        diagnostics::sort(&mut warnings);
        Some(Outcome::Built(Built {
            updates,
            // Pages only, as `build` counts them: whole-site files (search
            // index, feed, sitemap …) are not pages.
            pages: rendered.pages,
            static_files,
            guides: site.guides.len(),
            full,
            rendered: rendered_paths,
            warnings,
            duration: started.elapsed(),
            stale: Stale::default(),
        }))
    }

    /// The output paths `work` will render again, for requests to wait on.
    fn stale(&self, site: &Site, work: &Work) -> Stale {
        let mut stale = Stale::default();
        for &i in &work.guides {
            stale.paths.insert(Page::Guide(i).output(site));
        }
        let mut folders: BTreeSet<String> = BTreeSet::new();
        for &page in &work.others {
            match (page, &self.listings) {
                (Page::Group(grouping, ..) | Page::GroupIndex(grouping), None) => {
                    folders.insert(grouping.path());
                }
                (page, Some(listings)) => {
                    stale.paths.insert(listings.output(site, page));
                }
                (page, None) => {
                    stale.paths.insert(page.output(site));
                }
            }
        }
        if work.all_listings {
            // Browse pages may come and go: all of them are stale.
            for page in [Page::Home, Page::NotFound] {
                stale.paths.insert(page.output(site));
            }
            folders.insert(browse::ALL_CAREERS_PATH.to_string());
            folders.extend(browse::Grouping::ALL.map(browse::Grouping::path));
        }
        if work.site_files {
            stale.paths.extend(self.site_out.keys().cloned());
        }
        stale.folders = folders.into_iter().collect();
        stale
    }

    /// The pages and files whose output may differ from the last published
    /// build, the changes being in guides and templates.
    fn affected(&self, site: &Site) -> Work {
        let mut work = Work::default();
        // What the outputs besides the library's own pages read of it.
        let mut library_moved: Vec<String> = Vec::new();
        if self.pending.library {
            let facts = LibraryFacts::of(site);
            let Some(old) = self.library_facts.as_ref() else {
                return Work::everything(site);
            };
            if old.menus != facts.menus {
                return Work::everything(site);
            }
            for output in old.advice_changed(&facts) {
                let slug = output.strip_suffix("/index.html").unwrap_or(output);
                work.guides.extend(site.index.by_slug(slug));
            }
            if old.home != facts.home {
                work.others.insert(Page::Home);
            }
            work.site_files = old.site_files != facts.site_files;
            library_moved = old.moved(&facts);
        }
        let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
        // Whether any guide's suggestions may differ.
        let mut similarity = false;
        // Slugs whose guide's listing entry, existence or address changed:
        // pages naming them show their link, summary, education and pay.
        let mut slugs: HashSet<&str> = HashSet::new();
        // Content paths whose guide came, went or changed slug: `@/` links
        // to them resolve differently.
        let mut moved: HashSet<&str> = HashSet::new();
        // Slugs of every guide edited, come or gone: pages quoting their
        // figures through shortcodes may show any of their fields.
        let mut edited: BTreeSet<&str> = BTreeSet::new();
        for content_path in &self.pending.guides {
            let old = self.shown.get(content_path);
            let at = site.index.by_content_path(content_path);
            edited.extend(old.map(|old| old.slug.as_str()));
            edited.extend(at.map(|i| site.guides[i].slug.as_str()));
            work.guides.extend(at);
            match (old, at) {
                (Some(old), Some(i)) => {
                    let new = &site.guides[i];
                    similarity |= old.similarity != crate::render::guides::similarity_key(new);
                    if old.listing != crate::render::guides::listing_entry(&formatter, new)
                        || old.slug != new.slug
                    {
                        slugs.insert(&old.slug);
                        slugs.insert(&new.slug);
                        if old.grouping == grouping_key(new) {
                            work.cards.insert(i);
                        } else {
                            work.all_listings = true;
                        }
                    }
                    if old.slug != new.slug {
                        moved.insert(content_path);
                    }
                }
                (None, Some(i)) => {
                    similarity = true;
                    work.all_listings = true;
                    slugs.insert(&site.guides[i].slug);
                    moved.insert(content_path);
                }
                (Some(old), None) => {
                    similarity = true;
                    work.all_listings = true;
                    slugs.insert(&old.slug);
                    moved.insert(content_path);
                }
                (None, None) => {}
            }
        }
        // Guides linking with `@/` to an article or page that came, went
        // or moved show its new address, or fail.
        moved.extend(library_moved.iter().map(String::as_str));
        if !work.cards.is_empty() && !work.all_listings {
            // The same groups: only the pages listing the changed cards.
            match &self.listings {
                Some(listings) => {
                    work.others.extend([Page::Home, Page::NotFound]);
                    for &i in &work.cards {
                        work.others.extend(listings.pages_listing(site, i));
                    }
                }
                None => work.all_listings = true,
            }
        }
        work.links_moved = !moved.is_empty();
        // A menu entry naming a guide that came, went or moved is on every page.
        let menu_moved = site.config.menus.entries().any(|entry| {
            let target = entry.target.strip_prefix("@/").unwrap_or_default();
            moved.contains(target.split('#').next().unwrap_or(target))
        });
        if menu_moved {
            return Work::everything(site);
        }
        for content_path in self.dependencies.dependents(&slugs, &moved) {
            work.guides.extend(site.index.by_content_path(content_path));
        }
        for content_path in self.dependencies.quoting(&edited) {
            work.guides.extend(site.index.by_content_path(content_path));
        }
        // Suggestions show their guides' listing entries.
        let suggestions = similarity.then(|| all_suggestions(site));
        match &suggestions {
            Some(suggestions) => {
                for (content_path, suggested) in suggestions {
                    let changed = self.suggestions.get(content_path) != Some(suggested);
                    if changed || suggested.iter().any(|s| slugs.contains(s.as_str())) {
                        work.guides.extend(site.index.by_content_path(content_path));
                    }
                }
            }
            None => {
                for slug in &slugs {
                    for content_path in self.suggesting.get(*slug).into_iter().flatten() {
                        work.guides.extend(site.index.by_content_path(content_path));
                    }
                }
            }
        }
        work.suggestions = suggestions;
        if self.pending.all_templates || !self.pending.templates.is_empty() {
            self.add_template_pages(site, &mut work);
        }
        // Whole-site files read no more of a guide than its `guide_key`.
        work.site_files |= self.pending.guides.iter().any(|cp| {
            let old = self.shown.get(cp).map(|shown| shown.key.as_str());
            let new = site
                .index
                .by_content_path(cp)
                .map(|i| guide_key(&site.guides[i]));
            old != new.as_deref()
        });
        work
    }

    /// Adds to `work` the pages whose template uses a changed template.
    fn add_template_pages(&self, site: &Site, work: &mut Work) {
        let uses = |template: &str| {
            self.pending.all_templates
                || uses_any(&self.template_sources, template, &self.pending.templates)
        };
        // Guide bodies may call any shortcode: a shortcode template that
        // changed, came or went (or a template it includes) touches them.
        let shortcode_template =
            |name: &str| name.starts_with(crate::render::shortcodes::TEMPLATE_DIR);
        let shortcodes_changed = self.pending.templates.iter().any(|t| shortcode_template(t))
            || self
                .template_sources
                .keys()
                .filter(|t| shortcode_template(t))
                .any(|t| uses(t));
        if shortcodes_changed || uses(Page::Guide(0).template()) {
            work.guides.extend(0..site.guides.len());
        }
        match &self.listings {
            Some(listings) if !work.all_listings => {
                let pages = listings.other_pages(site);
                work.others
                    .extend(pages.into_iter().filter(|p| uses(p.template())));
            }
            _ => {
                let listing_kinds = site::pages(site)
                    .into_iter()
                    .filter(|p| !matches!(p, Page::Guide(_)));
                for page in listing_kinds {
                    if uses(page.template()) {
                        work.others.insert(page);
                    }
                }
            }
        }
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
        let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
        let shown = |guide: &Guide| Shown {
            slug: guide.slug.clone(),
            listing: crate::render::guides::listing_entry(&formatter, guide),
            grouping: grouping_key(guide),
            similarity: crate::render::guides::similarity_key(guide),
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

/// The output files of the library's pages.
fn kind_outputs(site: &Site) -> impl Iterator<Item = String> + '_ {
    crate::render::kinds::pages(site)
        .into_iter()
        .map(|page| crate::permalink::output(&page.path(&site.library, &site.config)))
}

/// Removes the files of `out` that are no longer made (`made` says no),
/// counting each as touched.
fn forget_missing(
    out: &mut HashMap<String, Bytes>,
    made: impl Fn(&str) -> bool,
    touched: &mut BTreeSet<String>,
) {
    out.retain(|path, _| {
        let kept = made(path);
        if !kept {
            touched.insert(path.clone());
        }
        kept
    });
}

/// Everything about `guide` except the prose of its body: its front matter
/// (Markdown fields included), where its fields are, and the `@/` links of
/// its body. Whole-site files (sitemap, feed, search index, the compare and
/// All careers data files) and the cross-guide rules read no more of a
/// guide than this, so while it is unchanged, so are they.
fn guide_key(guide: &Guide) -> String {
    // Serve's guides keep their text; one that cannot be read has the
    // error as its key, which differs from any readable text.
    let front_matter = match guide.text.read() {
        Ok(text) => text.front_matter().to_string(),
        Err(message) => message,
    };
    let mut rest = guide.clone();
    rest.text = TextSource::Memory(Text::default());
    rest.body_line = 0;
    // Field positions follow from the front matter; `linked_paths` are the links.
    rest.locations = std::sync::OnceLock::new();
    format!("{rest:?} {front_matter}")
}

/// What places `guide` in the listings: its title and slug (their order)
/// and the category, industries and education level it is grouped by.
/// While it is unchanged, an edit of its card leaves every browse group
/// as it was.
fn grouping_key(guide: &Guide) -> String {
    serde_json::to_string(&(
        &guide.title,
        &guide.slug,
        &guide.category,
        &guide.industries,
        guide.requirements.education,
    ))
    .unwrap_or_default()
}

/// What the cross-guide rules ([`validate::validate`]) read of `guide`
/// besides where its fields are: its file, slug, title, draft flag and
/// the guides it names and links to. While it is unchanged for every
/// guide, so are the findings but for their positions in the guides they
/// are about: an edit of a summary or a body needs no new run. Keep in
/// step with the rules.
fn rules_key(guide: &Guide) -> String {
    let references: Vec<(String, &str)> = guide.guide_references().collect();
    format!(
        "{:?}",
        (
            &guide.path,
            &guide.content_path,
            &guide.slug,
            &guide.title,
            guide.draft,
            references,
            &guide.linked_paths,
        )
    )
}

/// The suggestions of every guide that names no related careers, as its
/// page shows them.
fn all_suggestions(site: &Site) -> Suggestions {
    let index = SimilarIndex::new(&site.guides);
    site.guides
        .par_iter()
        .enumerate()
        .filter(|(_, guide)| site.config.suggest_similar && guide.related_careers.is_empty())
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
    for (rel, path) in crate::statics::static_files(site, diagnostics) {
        sources.insert(rel, StaticSource::File(path));
    }
    // Files under content/ that `@/` links name are published as a build does.
    for (rel, path) in crate::links::linked_files(site) {
        sources.insert(rel, StaticSource::File(path));
    }
    // So are the files of page bundles and front-matter images.
    for (rel, (path, _)) in crate::render::bundles::files(site, diagnostics) {
        sources.insert(rel, StaticSource::File(path));
    }
    sources
}

/// The text of every template by name, read the way `Templates::load`
/// reads them (the theme's also under `theme/`).
fn template_sources(root: &Path, theme: &str) -> BTreeMap<String, String> {
    crate::render::templates::sources(root, theme)
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
    use walkdir::WalkDir;

    /// A copy of the serve fixture site, on the built-in theme.
    fn fixture() -> tempfile::TempDir {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve-site");
        let dir = tempfile::tempdir().expect("temp dir");
        for entry in WalkDir::new(&from).into_iter().flatten() {
            let to = dir
                .path()
                .join(entry.path().strip_prefix(&from).expect("inside"));
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
        dir
    }

    fn options(root: &Path) -> BuildOptions {
        let mut options = BuildOptions::new(root);
        // Pinned: the fixtures' dates must not age with the machine's clock.
        options.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).expect("a date");
        options.base_url = Some("http://127.0.0.1:1111/".to_string());
        options
    }

    /// Rewrites the line of `rel` that starts with `prefix`.
    fn edit(root: &Path, rel: &str, prefix: &str, line: &str) -> Changes {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        let edited: Vec<&str> = text
            .lines()
            .map(|l| if l.starts_with(prefix) { line } else { l })
            .collect();
        std::fs::write(&path, edited.join("\n") + "\n").expect("write");
        let mut changes = Changes::default();
        changes.add(root, None, &path);
        changes
    }

    fn built(outcome: Outcome) -> Built {
        match outcome {
            Outcome::Built(built) => built,
            Outcome::Failed(diagnostics) => panic!("the rebuild failed: {diagnostics:?}"),
        }
    }

    fn served_text(workspace: &Workspace, path: &str) -> String {
        String::from_utf8_lossy(&workspace.served()[path]).into_owned()
    }

    /// Asserts that `workspace` serves what a cold build writes.
    fn assert_cold_build(workspace: &Workspace, root: &Path) {
        let sink = MemorySink::default();
        let report = site::build(&options(root), &sink);
        assert!(!report.has_errors(), "{:?}", report.diagnostics);
        let cold = sink.into_files();
        let served: BTreeMap<&str, &[u8]> = workspace
            .served()
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes.as_ref()))
            .collect();
        let expected: BTreeMap<&str, &[u8]> = cold
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
            .collect();
        let differing: BTreeSet<&str> = served
            .keys()
            .chain(expected.keys())
            .filter(|path| served.get(*path) != expected.get(*path))
            .copied()
            .collect();
        assert!(
            differing.is_empty(),
            "differs from a cold build: {differing:?}"
        );
    }

    fn failed(outcome: Outcome) -> Vec<Diagnostic> {
        match outcome {
            Outcome::Built(_) => panic!("the rebuild succeeded"),
            Outcome::Failed(diagnostics) => diagnostics,
        }
    }

    #[test]
    fn links_to_a_guide_turned_draft_or_broken_say_so_or_stay_silent() {
        let site = fixture();
        let root = site.path();
        let mut workspace = Workspace::new(options(root));
        built(workspace.rebuild(&Changes::default()));

        // Alpha links beta twice (`related_careers` and `@/beta.md`).
        let changes = edit(
            root,
            "content/beta.md",
            "duties:",
            "duties: [Visit customers]\ndraft: true",
        );
        let errors: Vec<String> = failed(workspace.rebuild(&changes))
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.headline())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(errors.iter().all(|e| e.contains("draft")), "{errors:#?}");
        assert!(
            !errors.iter().any(|e| e.contains("names no guide")),
            "{errors:#?}"
        );

        // Broken, beta's own error is the only one.
        let changes = edit(root, "content/beta.md", "summary:", "summary: [unclosed");
        let errors: Vec<String> = failed(workspace.rebuild(&changes))
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.headline())
            .collect();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(errors[0].starts_with("content/beta.md:"), "{errors:#?}");

        edit(root, "content/beta.md", "summary:", "summary: Beta again.");
        let changes = edit(root, "content/beta.md", "draft:", "");
        built(workspace.rebuild(&changes));
    }

    #[test]
    fn a_summary_edit_publishes_the_guide_first_and_the_listings_after() {
        let site = fixture();
        let root = site.path();
        let mut workspace = Workspace::new(options(root));
        built(workspace.rebuild(&Changes::default()));
        assert!(!workspace.has_deferred());

        let summary = "Beta workers now lead the second accounts.";
        let changes = edit(
            root,
            "content/beta.md",
            "summary:",
            &format!("summary: {summary}"),
        );
        let first = built(workspace.rebuild(&changes));
        let updated: Vec<&str> = first.updates.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(updated, ["beta/index.html"]);
        assert!(served_text(&workspace, "beta/index.html").contains(summary));
        // Pages showing the summary are still the old ones, and marked stale.
        for path in [
            "index.html",
            "404.html",
            "alpha/index.html",
            "pagefind/pagefind-entry.json",
        ] {
            assert!(first.stale.contains(path), "{path} is not stale");
            assert!(!served_text(&workspace, path).contains(summary), "{path}");
        }
        assert!(!first.stale.contains("gamma/index.html"));
        assert!(workspace.has_deferred());

        // Another change coming: the second phase gives up and stays due.
        assert!(workspace.finish(&|| true).is_none());
        assert!(workspace.has_deferred());
        let rest = built(workspace.finish(&|| false).expect("a second phase"));
        assert!(rest.stale.is_empty());
        assert!(!workspace.has_deferred());
        let updated: Vec<&str> = rest.updates.iter().map(|(p, _)| p.as_str()).collect();
        // The browse page listing beta shows its summary.
        assert!(
            updated.contains(&"categories/sales/index.html"),
            "{updated:?}"
        );
        assert!(!updated.contains(&"beta/index.html"), "{updated:?}");
        assert_cold_build(&workspace, root);
    }

    #[test]
    fn changes_before_the_second_phase_are_worked_out_with_it() {
        let site = fixture();
        let root = site.path();
        let mut workspace = Workspace::new(options(root));
        built(workspace.rebuild(&Changes::default()));

        // Beta joins an industry, so a browse page comes; before its
        // listings are rendered, it leaves again with a new summary.
        let joined = edit(
            root,
            "content/beta.md",
            "duties:",
            "duties: [Visit customers]\nindustries: [Retail]",
        );
        let first = built(workspace.rebuild(&joined));
        assert!(first.stale.contains("industries/retail/index.html"));
        assert!(workspace.finish(&|| true).is_none());
        edit(root, "content/beta.md", "industries:", "industries: []");
        let left = edit(
            root,
            "content/beta.md",
            "summary:",
            "summary: Back to no industry.",
        );
        built(workspace.rebuild(&left));
        built(workspace.finish(&|| false).expect("a second phase"));
        assert_cold_build(&workspace, root);

        // A new title reorders the listings.
        let retitled = edit(root, "content/gamma.md", "title:", "title: Gamma lead");
        built(workspace.rebuild(&retitled));
        built(workspace.finish(&|| false).expect("a second phase"));
        assert_cold_build(&workspace, root);

        // A guide's card changes twice with no second phase in between.
        let a = edit(
            root,
            "content/alpha.md",
            "summary:",
            "summary: Alpha, once.",
        );
        built(workspace.rebuild(&a));
        let b = edit(
            root,
            "content/more/delta.md",
            "summary:",
            "summary: Delta, once.",
        );
        built(workspace.rebuild(&b));
        let rest = built(workspace.finish(&|| false).expect("a second phase"));
        let updated: Vec<&str> = rest.updates.iter().map(|(p, _)| p.as_str()).collect();
        assert!(
            updated.contains(&"categories/sales/index.html"),
            "{updated:?}"
        );
        assert_cold_build(&workspace, root);
    }

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

    /// Rebuilds after `changes`, second phase included.
    fn rebuild_fully(workspace: &mut Workspace, changes: &Changes) {
        built(workspace.rebuild(changes));
        if workspace.has_deferred() {
            built(workspace.finish(&|| false).expect("a second phase"));
        }
    }

    #[test]
    fn list_and_compare_data_follow_edits_byte_for_byte() {
        let site = fixture();
        let root = site.path();
        let mut workspace = Workspace::new(options(root));
        built(workspace.rebuild(&Changes::default()));
        assert!(!served_text(&workspace, "compare/data/beta.json").contains("per year"));

        // New pay: the guide's compare file and the list chunk change.
        let changes = edit(
            root,
            "content/beta.md",
            "category:",
            "category: sales\nsalary: { median: 51234 }",
        );
        rebuild_fully(&mut workspace, &changes);
        assert!(served_text(&workspace, "compare/data/beta.json").contains("$51,234 per year"));
        assert!(served_text(&workspace, "all-careers/data/1.json").contains("51234"));
        assert_cold_build(&workspace, root);

        // A new title: the suggestions offer it.
        let changes = edit(root, "content/beta.md", "title:", "title: Zeta lead");
        rebuild_fully(&mut workspace, &changes);
        assert!(served_text(&workspace, "compare/suggest/_.json").contains("Zeta lead"));
        assert_cold_build(&workspace, root);

        // A guide gone: so is its compare file.
        std::fs::remove_file(root.join("content/gamma.md")).expect("remove");
        let mut changes = Changes::default();
        changes.add(root, None, &root.join("content/gamma.md"));
        rebuild_fully(&mut workspace, &changes);
        assert!(!workspace.served().contains_key("compare/data/gamma.json"));
        assert_cold_build(&workspace, root);
    }
}
