//! A whole build: config → guides → validation → Markdown → templates →
//! files in a [`Sink`]. `build`, `check` and `serve` all run this.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;

use crate::config::{self, SiteConfig};
use crate::content::guide::Guide;
use crate::content::index::GuideIndex;
use crate::content::kinds::{self, Library};
use crate::content::text::Text;
use crate::content::{load, validate};
use crate::data;
use crate::diagnostics::{self, Diagnostic};
use crate::i18n::{Catalog, Messages};
use crate::output::Sink;
use crate::render::browse::{self, Grouping};
use crate::render::context::{
    CrumbView, Formatter, GroupingView, GuideView, PageView, RenderedMarkdown, SiteView,
};
use crate::render::markdown::{self, Links, Origin, PageIds};
use crate::render::paginate::{Paginator, PaginatorView};
use crate::render::shortcodes::Shortcodes;
use crate::render::similar::SimilarIndex;
use crate::render::templates::Templates;
use crate::render::{all_careers, charts, compare, search, site_files};
use crate::statics;

/// What a build reads.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `base_url` from config.
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The date against which "not in the future" is judged: [`crate::clock::today`].
    pub today: NaiveDate,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            base_url: None,
            drafts: false,
            today: crate::clock::today_or_machine(),
        }
    }
}

/// A loaded and validated site, ready to render.
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub guides: Vec<Guide>,
    pub index: GuideIndex,
    /// Sections, articles, pages and the home intro: the kinds besides guides.
    pub library: Library,
    pub templates: Templates,
    /// Reader-facing text in every language of the site.
    pub messages: Arc<Catalog>,
    /// What reading a guide's released page fields again needs, for a
    /// site loaded lean ([`load::load_lean`]); `None` where guides are whole.
    pub reread: Option<Reread>,
    /// The site in each of its other languages, in the order of
    /// `languages:` (see [`Languages`]); empty for a site in one language.
    pub languages: Languages,
    /// The images pages show, and the responsive copies to write of them.
    pub images: crate::render::images::Images,
}

/// The content of a site's other languages, and which language the
/// [`Site`] holds now. A language is rendered as a site of its own below
/// its folder: [`Site::use_language`] puts its config, guides and library in
/// the site's place, and back.
#[derive(Default)]
pub struct Languages {
    /// The other languages' content, by position in `config.languages`.
    pub others: Vec<LanguageSite>,
    /// The language the site holds now: 0 for the default, `i + 1` for
    /// `others[i]`.
    pub current: usize,
    /// By position in the site's guides: whether the guide is the default
    /// language's, shown in the current language for want of a translation.
    pub fallback: Vec<bool>,
    /// The versions of every page in every language, once worked out.
    pub alternates: Option<std::sync::Arc<crate::render::languages::Alternates>>,
}

/// One other language's content, while the site holds another.
pub struct LanguageSite {
    pub config: SiteConfig,
    pub guides: Vec<Guide>,
    pub index: GuideIndex,
    pub library: Library,
    pub fallback: Vec<bool>,
}

impl Site {
    /// Puts the content of language `language` (0 for the default) in the
    /// site's place; the language it held goes back to its own slot.
    pub fn use_language(&mut self, language: usize) {
        let current = self.languages.current;
        if current == language {
            return;
        }
        if current > 0 {
            self.swap(current - 1);
        }
        if language > 0 && language <= self.languages.others.len() {
            self.swap(language - 1);
            self.languages.current = language;
        } else {
            self.languages.current = 0;
        }
    }

    fn swap(&mut self, other: usize) {
        let Some(slot) = self.languages.others.get_mut(other) else {
            return;
        };
        std::mem::swap(&mut self.config, &mut slot.config);
        std::mem::swap(&mut self.guides, &mut slot.guides);
        std::mem::swap(&mut self.index, &mut slot.index);
        std::mem::swap(&mut self.library, &mut slot.library);
        std::mem::swap(&mut self.languages.fallback, &mut slot.fallback);
    }

    /// The language tag of the content the site holds now.
    pub fn lang(&self) -> &str {
        &self.config.language
    }
}

/// The data and the date a lean build filled and checked its guides with,
/// kept to read a guide's page fields again exactly as they were loaded.
pub struct Reread {
    pub data: data::Datasets,
    pub today: NaiveDate,
}

/// Time spent in each stage of a build.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub render: Duration,
    pub total: Duration,
}

/// The result of rendering: pages written and every diagnostic.
#[derive(Debug, Default)]
pub struct Report {
    pub guides: usize,
    pub pages: usize,
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
    pub timings: Timings,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads config, guides and templates, and runs every validation rule.
/// Returns the site when nothing is in error, and all diagnostics either way.
pub fn load(options: &BuildOptions) -> (Option<Site>, Vec<Diagnostic>) {
    let root = &options.root;
    let config = crate::timings::stage("read config", || load_config(options));
    let (config, mut diagnostics) = match config {
        Ok(loaded) => loaded,
        Err(diagnostics) => return (None, diagnostics),
    };
    // Data files are read beside the guides, not after them.
    let (mut loaded, (data, data_diagnostics)) =
        crate::timings::stage("read and parse guides", || {
            rayon::join(
                || load::load_lean(root, &config, options.drafts, options.today),
                || crate::timings::work("read data files", || data::load(root, &config.data)),
            )
        });
    diagnostics.append(&mut loaded.diagnostics);
    diagnostics.extend(data_diagnostics);
    diagnostics.extend(crate::timings::stage("fill figures from data", || {
        data::fill_all(&mut loaded.guides, &data, &config)
    }));
    let (library, library_diagnostics) = crate::timings::stage("read articles and pages", || {
        kinds::load(
            root,
            &loaded.kinds,
            &loaded.pages,
            options.drafts,
            options.today,
        )
    });
    diagnostics.extend(library_diagnostics);
    let index = GuideIndex::new(&loaded.guides).with_unavailable(loaded.unavailable.clone());
    diagnostics.extend(crate::timings::stage("validate across guides", || {
        validate::validate(&loaded.guides, &index, &loaded.skipped_drafts)
    }));
    diagnostics.extend(library_rules(&library, &loaded.guides, &index));
    diagnostics.extend(featured_diagnostics(&config, &index));
    let (_, menu_errors) =
        crate::render::menu::resolve(&config, &loaded.guides, &index, &library, root);
    diagnostics.extend(menu_errors);
    let templates =
        crate::timings::stage("compile templates", || Templates::load(root, &config.theme));
    let templates = match templates {
        Ok(templates) => {
            diagnostics.extend(templates.warnings().iter().cloned());
            Some(templates)
        }
        Err(template_diagnostics) => {
            diagnostics.extend(template_diagnostics);
            None
        }
    };
    let (messages, message_diagnostics) =
        crate::timings::stage("read messages", || load_messages(root, &config));
    diagnostics.extend(message_diagnostics);
    let others = crate::timings::stage("read translations", || {
        language_sites(options, &config, &loaded, &mut diagnostics)
    });
    // Filled and shared with translations, the page fields still held can
    // go too.
    let keep_state_pay = config.region.is_some();
    loaded
        .guides
        .par_iter_mut()
        .for_each(|guide| guide.release_filled_fields(keep_state_pay));
    let site = templates.map(|templates| Site {
        images: crate::render::images::Images::new(root, config.images.clone()),
        root: root.clone(),
        config,
        guides: loaded.guides,
        index,
        library,
        templates,
        messages,
        reread: Some(Reread {
            data,
            today: options.today,
        }),
        languages: Languages {
            others,
            ..Languages::default()
        },
    });
    // Link errors live in Markdown; find them even when other rules failed.
    if let Some(site) = &site
        && diagnostics.iter().any(Diagnostic::is_error)
    {
        diagnostics.extend(link_diagnostics(site));
    }
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    (if failed { None } else { site }, diagnostics)
}

/// The site's other languages: each one's guides (translations, and
/// fallbacks where the config says so), library and config, checked.
fn language_sites(
    options: &BuildOptions,
    config: &SiteConfig,
    loaded: &load::Loaded,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<LanguageSite> {
    use crate::content::translations;
    let root = &options.root;
    config
        .languages
        .iter()
        .map(|language| {
            let config = config.for_language(language);
            let read = translations::guides(
                root,
                &loaded.guides,
                &loaded.translations,
                &config,
                options.drafts,
                options.today,
            );
            diagnostics.extend(read.diagnostics);
            diagnostics.extend(translations::missing_warnings(
                &config,
                &loaded.guides,
                &read.missing,
            ));
            let index = translations::index(&read.guides, &loaded.guides);
            let (library, library_diagnostics) = translations::library(
                root,
                &loaded.kinds,
                &loaded.pages,
                &loaded.translations,
                &config,
                options.drafts,
                options.today,
            );
            diagnostics.extend(library_diagnostics);
            // The rules across the language's pages, reported on its own
            // files: the default language's were checked already.
            let own: std::collections::HashSet<PathBuf> = loaded
                .translations
                .iter()
                .map(|f| diagnostics::display_path(root, f))
                .collect();
            let mut rules = validate::validate(&read.guides, &index, &[]);
            rules.extend(library_rules(&library, &read.guides, &index));
            if language.menus.is_some() {
                let (_, menu_errors) =
                    crate::render::menu::resolve(&config, &read.guides, &index, &library, root);
                rules.extend(menu_errors);
            }
            diagnostics.extend(
                rules
                    .into_iter()
                    .filter(|d| own.contains(&d.path) || d.path == Path::new(config::CONFIG_FILE)),
            );
            LanguageSite {
                config,
                guides: read.guides,
                index,
                library,
                fallback: read.fallback,
            }
        })
        .collect()
}

/// Reads the message files of the site, its theme and the built-in theme
/// for the site's languages.
pub fn load_messages(
    root: &std::path::Path,
    config: &SiteConfig,
) -> (Arc<Catalog>, Vec<Diagnostic>) {
    let others: Vec<String> = config.languages.iter().map(|l| l.tag.clone()).collect();
    let (catalog, diagnostics) = Catalog::load(root, &config.theme, &config.language, &others);
    (Arc::new(catalog), diagnostics)
}

impl Site {
    /// The messages for pages in `lang` (a BCP 47 tag); the default
    /// language's for a language the site does not have.
    pub fn messages(&self, lang: &str) -> &Messages {
        self.messages.messages(lang)
    }

    /// The messages for pages in the language the site holds now (see
    /// [`Site::use_language`]): the default language's outside a
    /// multilingual render.
    pub fn language_messages(&self) -> &Messages {
        self.messages.messages(&self.config.language)
    }
}

/// Reads `config.yaml` and applies the command line's overrides. A config
/// that cannot be read is `Err`; an override in error is a diagnostic beside it.
pub fn load_config(
    options: &BuildOptions,
) -> Result<(SiteConfig, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut config = config::load(&options.root)?;
    let mut diagnostics = Vec::new();
    if let Some(url) = &options.base_url
        && let Err(message) = config.set_base_url(url)
    {
        diagnostics.push(Diagnostic::error("--base-url", message));
    }
    Ok((config, diagnostics))
}

/// The rules between the library and the guides: related careers name
/// guides, and no page shares a URL with a guide.
pub fn library_rules(library: &Library, guides: &[Guide], index: &GuideIndex) -> Vec<Diagnostic> {
    if library.is_empty() {
        return Vec::new();
    }
    let guide_urls: Vec<(String, PathBuf)> = guides
        .iter()
        .map(|g| (crate::permalink::guide(&g.slug), g.path.clone()))
        .collect();
    kinds::validate(library, &guide_urls, index)
}

/// An error, placed in `config.yaml`, for each `home.featured` slug that
/// names no guide of the build.
pub fn featured_diagnostics(config: &SiteConfig, index: &GuideIndex) -> Vec<Diagnostic> {
    config
        .home
        .featured
        .iter()
        .filter(|featured| index.by_slug(&featured.slug).is_none())
        .map(|featured| featured.unknown.clone())
        .collect()
}

/// The `@/` link errors in every guide's Markdown, found without rendering pages.
pub fn link_diagnostics(site: &Site) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = site
        .guides
        .par_iter()
        .flat_map_iter(|guide| {
            let mut found = Vec::new();
            let (guide, body) = whole_guide(site, guide, &mut found);
            render_markdown(site, &guide, &body, &mut found);
            found
        })
        .collect();
    found.extend(crate::render::kinds::link_diagnostics(site));
    found
}

/// Loads, validates and renders the site into `sink`.
pub fn build(options: &BuildOptions, sink: &dyn Sink) -> Report {
    let started = Instant::now();
    let (site, mut diagnostics) = load(options);
    let load_time = started.elapsed();
    let mut report = Report::default();
    if let Some(mut site) = site {
        let render_started = Instant::now();
        let rendered = render(&mut site, sink);
        report.guides = site.guides.len();
        report.pages = rendered.pages;
        report.files = rendered.files;
        diagnostics.extend(rendered.diagnostics);
        report.timings.render = render_started.elapsed();
    }
    crate::render::templates::merge_render_errors(&mut diagnostics);
    diagnostics::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.timings.load = load_time;
    report.timings.total = started.elapsed();
    report
}

/// What rendering wrote, and the diagnostics it found.
#[derive(Debug, Default)]
pub struct Rendered {
    pub pages: usize,
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl Rendered {
    /// Counts `more` in with this.
    pub fn add(&mut self, more: Rendered) {
        self.pages += more.pages;
        self.files += more.files;
        self.diagnostics.extend(more.diagnostics);
    }
}

/// One page of the site. `serve` re-renders a chosen few of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Home,
    NotFound,
    /// The page of `site.guides[i]`.
    Guide(usize),
    /// Page `n` (from 1) of every guide in one sortable table, by title.
    AllCareers(usize),
    /// Two to four guides side by side, chosen in the URL.
    Compare,
    /// Search results, filled in by the search script.
    Search,
    /// The list of a grouping's groups: `categories/`.
    GroupIndex(Grouping),
    /// Page `n` (from 1) of the `i`th group of [`browse::groups`] for the
    /// grouping: `categories/sales/`, `categories/sales/page/2/`.
    Group(Grouping, usize, usize),
}

impl Page {
    /// The template the page is rendered with.
    pub fn template(self) -> &'static str {
        match self {
            Page::Home => "index.html",
            Page::NotFound => "404.html",
            Page::Guide(_) => "guide.html",
            Page::AllCareers(_) => "all-careers.html",
            Page::Compare => "compare.html",
            Page::Search => "search.html",
            Page::GroupIndex(_) => "browse-index.html",
            Page::Group(..) => "browse.html",
        }
    }

    /// The page's path below the site root (`categories/sales/`; empty for home).
    pub fn path(self, site: &Site) -> String {
        match self {
            Page::Home | Page::NotFound => String::new(),
            Page::Guide(i) => crate::permalink::guide(&site.guides[i].slug),
            Page::AllCareers(n) => all_careers_pages(site).path(n),
            Page::Compare => browse::COMPARE_PATH.to_string(),
            Page::Search => browse::SEARCH_PATH.to_string(),
            Page::GroupIndex(grouping) => grouping.path(),
            Page::Group(grouping, i, n) => browse::groups(
                grouping,
                &site.guides,
                &site.config,
                site.language_messages(),
            )
            .get(i)
            .map_or_else(|| grouping.path(), |g| group_pages(&site.config, g).path(n)),
        }
    }

    /// Where the page is written, relative to the output folder.
    pub fn output(self, site: &Site) -> String {
        match self {
            Page::NotFound => "404.html".to_string(),
            page => format!("{}index.html", page.path(site)),
        }
    }

    /// Whether the page shows facts of many guides, and so changes when any
    /// guide's listing entry does.
    pub fn lists_guides(self) -> bool {
        matches!(
            self,
            Page::Home
                | Page::NotFound
                | Page::AllCareers(_)
                | Page::GroupIndex(_)
                | Page::Group(..)
        )
    }
}

/// The pages of All careers: every guide, by title.
pub fn all_careers_pages(site: &Site) -> Paginator {
    Paginator::new(
        browse::ALL_CAREERS_PATH,
        site.guides.len(),
        site.config.pagination.all_careers(),
    )
}

/// The pages of one browse group.
pub fn group_pages(config: &SiteConfig, group: &browse::Group) -> Paginator {
    Paginator::new(
        group.path(),
        group.guides.len(),
        config.pagination.browse(group.grouping.key()),
    )
}

/// Every page of the site. Pages whose template the theme lacks (a custom
/// theme without the browse pages, say) are left out.
pub fn pages(site: &Site) -> Vec<Page> {
    let mut pages: Vec<Page> = (0..site.guides.len()).map(Page::Guide).collect();
    pages.extend(other_pages(site, &browse_groups(site)));
    pages
}

/// The browse groups of every grouping.
pub type BrowseGroups = Vec<(Grouping, Vec<browse::Group>)>;

/// Works out the browse groups of every grouping, in parallel.
pub fn browse_groups(site: &Site) -> BrowseGroups {
    Grouping::ALL
        .par_iter()
        .map(|&g| {
            let messages = site.language_messages();
            (g, browse::groups(g, &site.guides, &site.config, messages))
        })
        .collect()
}

/// The non-empty groups of `grouping` among `groups`.
fn groups_of(groups: &[(Grouping, Vec<browse::Group>)], grouping: Grouping) -> &[browse::Group] {
    groups
        .iter()
        .find(|(g, _)| *g == grouping)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// The pages besides guide pages: home and 404 always, the others where
/// the theme has their template.
fn other_pages(site: &Site, groups: &[(Grouping, Vec<browse::Group>)]) -> Vec<Page> {
    let mut pages = vec![Page::Home, Page::NotFound, Page::Compare, Page::Search];
    pages.extend(all_careers_pages(site).numbers().map(Page::AllCareers));
    for grouping in Grouping::ALL {
        pages.push(Page::GroupIndex(grouping));
        for (i, group) in groups_of(groups, grouping).iter().enumerate() {
            let numbers = group_pages(&site.config, group).numbers();
            pages.extend(numbers.map(|n| Page::Group(grouping, i, n)));
        }
    }
    pages.retain(|p| matches!(p, Page::Home | Page::NotFound) || site.templates.has(p.template()));
    pages
}

/// Renders every page and copies static files.
fn render(site: &mut Site, sink: &dyn Sink) -> Rendered {
    // Every written file passes the link check; what the build generates
    // is recorded too, since no static file may replace it.
    let checked = crate::links::CheckedSink::new(sink, site);
    let recording = statics::Recording::new(&checked);
    let mut rendered = Rendered::default();
    if site.languages.others.is_empty() {
        prepare(site);
        rendered = render_language(site, &recording);
    } else {
        site.languages.alternates = Some(std::sync::Arc::new(crate::timings::stage(
            "find the versions of pages",
            || alternates(site),
        )));
        // Each language is a site of its own below its folder.
        for language in 0..=site.languages.others.len() {
            site.use_language(language);
            prepare(site);
            // Each language publishes the copies of the images its own
            // pages show, not those of the languages before it.
            site.images.forget();
            let prefix = site.config.lang_prefix.clone();
            let below = crate::render::languages::PrefixSink {
                prefix: &prefix,
                inner: &recording,
            };
            rendered.add(render_language(site, &below));
        }
        site.use_language(0);
        prepare(site);
    }
    let generated = recording.into_written();
    let files = crate::timings::stage("copy static files", || {
        statics::copy(site, &checked, &generated, &mut rendered.diagnostics)
    });
    let linked = crate::links::copy_linked_files(site, &checked, &mut rendered.diagnostics);
    rendered.files += files + linked;
    let broken_links = crate::timings::stage("check links", || checked.finish(site));
    rendered.diagnostics.extend(broken_links);
    rendered
}

/// Renders the pages and site files of the language the site holds (after
/// [`prepare`]) into `sink`.
pub fn render_language(site: &Site, sink: &dyn Sink) -> Rendered {
    let guides: Vec<usize> = (0..site.guides.len()).collect();
    // The search index reads only the guides and the library, not the
    // pages: it is made while they render instead of after them (it is the
    // longest single piece of a big build). It gets a thread of its own
    // rather than a rayon task: Pagefind's indexer blocks the thread it
    // runs on while its own threads work, and a blocked rayon worker would
    // leave the pages one core short.
    let ((mut rendered, listings), search_index) = std::thread::scope(|scope| {
        let search = scope.spawn(|| search_index_files(site));
        let pages = crate::timings::stage("render pages", || {
            let mut rendered = render_guide_pages(site, &guides, sink);
            let listings = crate::timings::work("render listing pages", || {
                let listings = Listings::new(site);
                // Never asked to stop, it renders every page.
                let others = listings.other_pages(site);
                let more = render_listing_pages(site, &listings, &others, sink, &|| false);
                rendered.add(more.unwrap_or_default());
                listings
            });
            rendered.add(crate::timings::work(
                "render article and page pages",
                || render_kind_pages(site, sink),
            ));
            (rendered, listings)
        });
        let search = search
            .join()
            .unwrap_or_else(|_| Err("the search indexer stopped unexpectedly".into()));
        (pages, search)
    });
    // The cards of every guide are done with: let them go before the
    // whole-site files are made, the other large piece of a build's memory.
    let groups = listings.into_browse_groups();
    let site_files = crate::timings::stage("write site files", || {
        let files = site_files(site, &groups);
        write_site_files(files, search_index, sink)
    });
    rendered.diagnostics.extend(site_files.diagnostics);
    let bundled = crate::timings::stage("publish bundles and images", || {
        publish_images(site, sink, &mut rendered.diagnostics)
    });
    rendered.files = rendered.pages + site_files.files + bundled;
    rendered
}

/// The versions of every page in every language, and the sitemap of all
/// of them. A fallback guide (the default language's text in another
/// language) is no version of its original.
pub fn alternates(site: &mut Site) -> crate::render::languages::Alternates {
    use crate::render::languages::{Alternates, LanguageLink};
    let links = site
        .config
        .all_languages()
        .into_iter()
        .map(|(tag, prefix)| LanguageLink { tag, prefix })
        .collect();
    let mut alternates = Alternates::new(links, site.config.site_base_url());
    let mut pages: Vec<(usize, site_files::SitemapUrl)> = Vec::new();
    for language in 0..=site.languages.others.len() {
        site.use_language(language);
        let groups = browse_groups(site);
        let guide_paths: HashMap<String, &str> = site
            .guides
            .iter()
            .enumerate()
            .filter(|(i, _)| !site.languages.fallback.get(*i).copied().unwrap_or(false))
            .map(|(_, g)| (crate::permalink::guide(&g.slug), g.content_path.as_str()))
            .collect();
        for url in sitemap_urls(site, &groups) {
            alternates.add(language, &url.path, guide_paths.get(&url.path).copied());
            pages.push((language, url));
        }
    }
    site.use_language(0);
    let sitemap_alternates = pages
        .iter()
        .map(|(language, url)| alternates.sitemap_links(*language, &url.path))
        .collect();
    let urls = pages
        .into_iter()
        .map(|(language, url)| site_files::SitemapUrl {
            path: format!("{}{}", alternates.languages[language].prefix, url.path),
            lastmod: url.lastmod,
        })
        .collect();
    alternates.set_sitemap(urls, sitemap_alternates);
    alternates
}

/// Publishes the files of page bundles and front-matter images, and the
/// responsive copies of every image the rendered pages show (from the
/// cache in `<site>/.careergen-cache/images/` where it holds them);
/// returns how many files were written.
pub fn publish_images(site: &Site, sink: &dyn Sink, found: &mut Vec<Diagnostic>) -> usize {
    let published = crate::render::bundles::publish(site, sink, found);
    let cache = site.root.join(crate::render::images::CACHE_DIR);
    let written = site.images.write(sink, &cache);
    found.extend(written.diagnostics);
    published + written.files
}

/// Renders every page of the kinds besides guides: articles, pages,
/// section and topic lists. They are few: `serve` renders them all again
/// after any change.
pub fn render_kind_pages(site: &Site, sink: &dyn Sink) -> Rendered {
    let pages = crate::render::kinds::pages(site);
    crate::render::kinds::render(site, &pages, sink)
}

/// Writes the files made from the whole site rather than from one page's
/// template (a sitemap, feeds, search, All careers or compare data).
/// `serve` writes them again after every change to guides, templates or
/// config, so anything that reads many guides and is not a [`Page`]
/// belongs here.
pub fn render_site_files(
    site: &Site,
    groups: &[(Grouping, Vec<browse::Group>)],
    sink: &dyn Sink,
) -> Rendered {
    let (files, search_index) =
        rayon::join(|| site_files(site, groups), || search_index_files(site));
    write_site_files(files, search_index, sink)
}

/// The search index of the language the site holds: Pagefind's files, or
/// its error as text.
fn search_index_files(site: &Site) -> Result<Vec<(String, Vec<u8>)>, String> {
    crate::timings::work("make the search index", || {
        search::index_files(&site.guides, &site.library, &site.config)
    })
}

/// The whole-site files besides the search index, as output paths and
/// bytes.
fn site_files(site: &Site, groups: &[(Grouping, Vec<browse::Group>)]) -> Vec<(String, Vec<u8>)> {
    let config = &site.config;
    // The files are independent of each other: make them in parallel.
    let ((sitemaps, feed), (compare_data, list_data)) = rayon::join(
        || {
            rayon::join(
                || {
                    crate::timings::work("make the sitemap", || {
                        match &site.languages.alternates {
                            // One sitemap lists every language's pages.
                            Some(_) if site.languages.current > 0 => Vec::new(),
                            Some(alternates) => {
                                let (urls, links) = alternates.sitemap();
                                site_files::multilingual_sitemaps(config, urls, links)
                            }
                            None => site_files::sitemaps(config, &sitemap_urls(site, groups)),
                        }
                    })
                },
                || crate::timings::work("make the feed", || atom_feed(site)),
            )
        },
        || {
            rayon::join(
                || {
                    crate::timings::work("make the compare data", || {
                        let mut files =
                            compare::data_files(&site.guides, config, site.language_messages());
                        files.extend(compare::suggestion_files(&site.guides));
                        files
                    })
                },
                || {
                    crate::timings::work("make the All careers data", || {
                        all_careers::data_files(
                            &site.guides,
                            &guides_by_title(&site.guides),
                            config,
                            site.language_messages(),
                        )
                    })
                },
            )
        },
    );
    let mut files: Vec<(String, Vec<u8>)> = sitemaps
        .into_iter()
        .map(|file| (file.path, file.text.into_bytes()))
        .collect();
    files.extend(
        crate::render::kinds::feeds(site)
            .into_iter()
            .map(|(path, feed)| (path, feed.into_bytes())),
    );
    if site.languages.current == 0 {
        files.push((
            "robots.txt".into(),
            site_files::robots_txt(config).into_bytes(),
        ));
    }
    files.extend([
        (site_files::FEED_FILE.into(), feed.into_bytes()),
        (
            search::SCRIPT_FILE.into(),
            search::script(site.language_messages()).into_bytes(),
        ),
        (
            all_careers::SCRIPT_FILE.into(),
            all_careers::script(site.language_messages()).into_bytes(),
        ),
        (
            compare::COMPARE_SCRIPT_FILE.into(),
            compare::script(site.language_messages()).into_bytes(),
        ),
        (
            compare::SORT_SCRIPT_FILE.into(),
            compare::SORT_SCRIPT.as_bytes().to_vec(),
        ),
    ]);
    files.extend(
        compare_data
            .into_iter()
            .chain(list_data)
            .map(|(path, json)| (path, json.into_bytes())),
    );
    files
}

/// Writes the whole-site files and the search index's into `sink`; a
/// search index that could not be made is an error of the build.
fn write_site_files(
    mut files: Vec<(String, Vec<u8>)>,
    search_index: Result<Vec<(String, Vec<u8>)>, String>,
    sink: &dyn Sink,
) -> Rendered {
    let mut rendered = Rendered::default();
    match search_index {
        Ok(search_files) => files.extend(search_files),
        Err(err) => rendered.diagnostics.push(Diagnostic::error(
            search::PAGEFIND_DIR,
            format!("cannot make the search index: {err}"),
        )),
    }
    for (path, bytes) in files {
        match sink.write(&path, &bytes) {
            Ok(()) => rendered.files += 1,
            Err(err) => rendered
                .diagnostics
                .push(Diagnostic::error(path, format!("cannot write file: {err}"))),
        }
    }
    rendered
}

/// Every page's URL for the sitemap, with the date it last changed where known.
fn sitemap_urls(
    site: &Site,
    groups: &[(Grouping, Vec<browse::Group>)],
) -> Vec<site_files::SitemapUrl> {
    let latest =
        |guides: &mut dyn Iterator<Item = &Guide>| guides.filter_map(|g| g.last_reviewed).max();
    let mut urls = vec![site_files::SitemapUrl {
        path: String::new(),
        lastmod: latest(&mut site.guides.iter()),
    }];
    for (i, guide) in site.guides.iter().enumerate() {
        urls.push(site_files::SitemapUrl {
            path: Page::Guide(i).path(site),
            lastmod: guide.last_reviewed,
        });
    }
    urls.extend(crate::render::kinds::sitemap_urls(site));
    if site.templates.has(Page::AllCareers(1).template()) {
        let pages = all_careers_pages(site);
        let by_title = guides_by_title(&site.guides);
        for n in pages.numbers() {
            let on_page = pages.slice(&by_title, n);
            urls.push(site_files::SitemapUrl {
                path: pages.path(n),
                lastmod: latest(&mut on_page.iter().map(|&i| &site.guides[i])),
            });
        }
    }
    for grouping in Grouping::ALL {
        if !site.templates.has(Page::GroupIndex(grouping).template()) {
            continue;
        }
        urls.push(site_files::SitemapUrl {
            path: grouping.path(),
            lastmod: None,
        });
        // Group pages exist only where the theme has their template.
        if !site.templates.has(Page::Group(grouping, 0, 1).template()) {
            continue;
        }
        for group in groups_of(groups, grouping) {
            let pages = group_pages(&site.config, group);
            for n in pages.numbers() {
                let on_page = pages.slice(&group.guides, n);
                urls.push(site_files::SitemapUrl {
                    path: pages.path(n),
                    lastmod: latest(&mut on_page.iter().map(|&i| &site.guides[i])),
                });
            }
        }
    }
    urls
}

/// The Atom feed of the guides that carry a review date.
fn atom_feed(site: &Site) -> String {
    let config = &site.config;
    let entries: Vec<site_files::FeedEntry<'_>> = site
        .guides
        .iter()
        .filter_map(|guide| {
            Some(site_files::FeedEntry {
                title: &guide.title,
                path: crate::permalink::guide(&guide.slug),
                summary: &guide.summary,
                updated: guide.last_reviewed?,
                category: guide
                    .category
                    .as_deref()
                    .and_then(|key| config.category(key))
                    .map(|c| (c.key.as_str(), c.name.as_str())),
            })
        })
        .collect();
    let fallback = crate::clock::today_or_machine();
    site_files::atom_feed(config, &entries, config.feed_limit, fallback)
}

/// Makes the site's settings visible to every template as `site`. Call it
/// once after the templates or the config were (re)loaded.
pub fn prepare(site: &mut Site) {
    // The site view is the same for every page: serialize it once.
    let mut site_view = SiteView::new(&site.config);
    site_view.menus = crate::render::menu::resolve(
        &site.config,
        &site.guides,
        &site.index,
        &site.library,
        &site.root,
    )
    .0;
    if site.languages.current > 0 {
        // A menu the language took from the default one loses the
        // entries naming pages the language lacks.
        let named_nothing =
            |item: &crate::render::menu::MenuItem| item.external && item.url.starts_with("@/");
        site_view.menus.main.retain(|item| !named_nothing(item));
        site_view.menus.footer.retain(|item| !named_nothing(item));
        for item in site_view.menus.main.iter_mut() {
            item.children.retain(|child| !named_nothing(child));
        }
    }
    let mut global = Context::new();
    global.insert("site", &site_view);
    // Every page's language: the default one, or the one being rendered.
    global.insert("lang", &site.config.language);
    global.insert_value(
        crate::i18n::MESSAGE_MAP,
        crate::i18n::message_map(site.language_messages()),
    );
    let messages = Arc::clone(&site.messages);
    let tera = site.templates.tera_mut();
    tera.global_context().extend(global);
    crate::i18n::register(tera, messages);
}

/// The formatter of guide pages and of the figures shortcodes quote:
/// browse pages exist where the theme has their template.
pub fn guide_formatter(site: &Site) -> Formatter<'_> {
    let mut formatter = Formatter::new(&site.config).with_messages(site.language_messages());
    formatter.browse_pages = site
        .templates
        .has(Page::Group(Grouping::Industry, 0, 1).template());
    formatter
}

/// Renders the pages of the guides at `guides` (after [`prepare`]) into `sink`.
pub fn render_guide_pages(site: &Site, guides: &[usize], sink: &dyn Sink) -> Rendered {
    let formatter = guide_formatter(site);
    let diagnostics = Mutex::new(Vec::new());
    let push = |d: Diagnostic| {
        diagnostics
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(d)
    };

    // Only guides without related careers show suggestions, and only
    // where the site wants them.
    let suggesting = site.config.suggest_similar
        && guides.iter().any(|&i| {
            site.guides
                .get(i)
                .is_some_and(|g| g.related_careers.is_empty())
        });
    let similar = suggesting.then(|| SimilarIndex::new(&site.guides));
    let guide_pages: usize = guides
        .par_iter()
        .filter(|&&i| i < site.guides.len())
        .map(|&i| {
            let started = Instant::now();
            let mut found = Vec::new();
            let (guide, body) = whole_guide(site, &site.guides[i], &mut found);
            let guide = guide.as_ref();
            let markdown = crate::timings::markdown(
                || crate::permalink::output(&crate::permalink::guide(&guide.slug)),
                || render_markdown(site, guide, &body, &mut found),
            );
            let mut view: GuideView<'_> =
                formatter.guide_view(guide, &site.guides, &site.index, markdown);
            if guide.related_careers.is_empty()
                && let Some(similar) = &similar
            {
                view.similar = formatter.suggested_similar(&similar.suggest(i), &site.guides);
                view.similar_suggested = !view.similar.is_empty();
            }
            let output = crate::permalink::output(&crate::permalink::guide(&guide.slug));
            let mut page = PageView::new(
                &site.config,
                "guide",
                &guide.title,
                &guide.summary,
                crate::permalink::guide(&guide.slug),
            );
            if let Some(image) = &guide.image {
                let hero = site.images.hero(
                    image,
                    &guide.path,
                    &page.path,
                    &page.root,
                    &site.config.base_url,
                    &mut found,
                );
                page.set_image(&hero);
                view.image = Some(hero);
            }
            page.breadcrumb = CrumbView::list(
                browse::guide_breadcrumb(guide, &site.config, formatter.browse_pages),
                &page.root,
            );
            let mut context = Context::new();
            context.insert("page", &page);
            context.insert("guide", &view);
            if site.languages.fallback.get(i).copied().unwrap_or(false) {
                // The guide's own text is the default language's.
                context.insert("content_lang", &site.config.default_language);
            }
            context.insert("advice", &crate::render::kinds::advice_for(site, i));
            context.insert(
                "advice_heading",
                &crate::render::kinds::advice_heading(&guide.title, site.language_messages()),
            );
            let written = write_page(site, sink, "guide.html", &context, &output, &mut found);
            for d in found {
                push(d);
            }
            crate::timings::page_since(&output, started);
            usize::from(written)
        })
        .sum();

    Rendered {
        pages: guide_pages,
        files: guide_pages,
        diagnostics: diagnostics.into_inner().unwrap_or_else(|e| e.into_inner()),
    }
}

/// Renders the pages among `pages` that are not guide pages: home, 404,
/// All careers, compare, search and the browse pages; returns how many
/// were written. Once `stop` says so, pages not yet started are left
/// unrendered and the result is `None`.
fn render_listings(
    site: &Site,
    listings: &Listings,
    pages: &[Page],
    sink: &dyn Sink,
    found: &mut Vec<Diagnostic>,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<usize> {
    let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
    let groups = &listings.groups;
    let browse_views: Vec<GroupingView> = groups
        .iter()
        .filter(|(g, _)| site.templates.has(Page::GroupIndex(*g).template()))
        .map(|(g, list)| GroupingView::new(*g, list, site.language_messages()))
        .collect();
    // Home and 404 show the categories; the other groupings are links.
    let categories = browse_views
        .iter()
        .filter(|_| {
            let group_page = Page::Group(Grouping::Category, 0, 1);
            site.templates.has(group_page.template())
        })
        .find(|v| v.key == Grouping::Category.key());
    let groupings: Vec<GroupingLink> = browse_views.iter().map(GroupingLink::new).collect();
    let all_careers = site
        .templates
        .has(Page::AllCareers(1).template())
        .then(|| all_careers_pages(site));
    // The chart sums up the whole list: worked out once, shown on page 1.
    let median_pay_chart = all_careers
        .is_some()
        .then(|| median_pay_chart(site, &formatter));
    let career_filters =
        all_careers::FilterChoices::new(&site.guides, &site.config, site.language_messages());
    let messages = site.language_messages();
    let not_found_title = messages.plain("error404-title");
    let not_found_description = messages.plain("error404-description");
    let all_careers_title = messages.plain("nav-all-careers");
    // Listing pages are independent of each other: render them in parallel.
    let results: Vec<Option<(usize, Vec<Diagnostic>)>> = pages
        .par_iter()
        .map(|&page| {
            if stop() {
                return None;
            }
            let mut context_found: Vec<Diagnostic> = Vec::new();
            let context = match page {
                Page::Guide(_) => return Some((0, Vec::new())),
                Page::Home => {
                    let mut home = PageView::new(
                        &site.config,
                        "home",
                        &site.config.title,
                        &site.config.description,
                        String::new(),
                    );
                    let (featured, shown) = home_guides(site);
                    let mut context = Context::new();
                    let intro = site.library.home.as_ref();
                    if let Some(title) = intro.and_then(|h| h.title.as_deref()) {
                        home.title = title;
                    }
                    if let Some(description) = intro.and_then(|h| h.description.as_deref()) {
                        home.description = description;
                    }
                    let intro_html =
                        crate::render::kinds::home_intro_html(site, &mut context_found);
                    context.insert("intro_html", &intro_html);
                    context.insert("latest_articles", &crate::render::kinds::latest(site));
                    context.insert("advice_section", &crate::render::kinds::first_section(site));
                    context.insert("page", &home);
                    context.insert_value("guides", listings.cards_of(&shown));
                    context.insert("featured", &featured);
                    context.insert("total_guides", &site.guides.len());
                    context.insert("categories", &categories);
                    context.insert("groupings", &groupings);
                    context.insert_value(
                        "figures_sources",
                        listings.figures_sources(site, Some(&shown)),
                    );
                    context
                }
                Page::NotFound => {
                    let mut not_found = PageView::new(
                        &site.config,
                        "404",
                        &not_found_title,
                        &not_found_description,
                        String::new(),
                    );
                    // The 404 page is served at any depth: link from the deploy root.
                    not_found.root = site.config.base_path.clone();
                    not_found.site_root = site.config.site_base_path().to_string();
                    let mut context = Context::new();
                    context.insert("page", &not_found);
                    context.insert("total_guides", &site.guides.len());
                    context.insert("categories", &categories);
                    context.insert("groupings", &groupings);
                    context
                }
                Page::AllCareers(n) => {
                    let Some(pages) = &all_careers else {
                        return Some((0, Vec::new()));
                    };
                    let paginator = pages.view(n);
                    let title = numbered_in(messages, &all_careers_title, &paginator);
                    let description = numbered_description_in(
                        messages,
                        &messages.plain("all-careers-description"),
                        &paginator,
                    );
                    let mut view = PageView::new(
                        &site.config,
                        "all-careers",
                        &title,
                        &description,
                        pages.path(n),
                    );
                    let mut crumbs = vec![home_crumb()];
                    crumbs.extend(list_crumbs(&all_careers_title, &paginator));
                    view.breadcrumb = CrumbView::list(crumbs, &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    let on_page = pages.slice(&listings.by_title, n);
                    context.insert_value("guides", listings.cards_of(on_page));
                    context.insert("paginator", &paginator);
                    let chart = median_pay_chart.as_ref().filter(|_| n == 1);
                    context.insert("median_pay_chart_html", &chart);
                    context.insert("career_filters", &career_filters);
                    context.insert_value(
                        "figures_sources",
                        listings.figures_sources(site, Some(on_page)),
                    );
                    context
                }
                Page::Compare | Page::Search => {
                    let (kind, title, description) = if page == Page::Compare {
                        (
                            "compare",
                            messages.plain("compare-title"),
                            messages.plain("compare-description"),
                        )
                    } else {
                        (
                            "search",
                            messages.plain("search-label"),
                            messages.plain("search-description"),
                        )
                    };
                    let mut view =
                        PageView::new(&site.config, kind, &title, &description, page.path(site));
                    view.breadcrumb =
                        CrumbView::list(vec![home_crumb(), current_crumb(&title)], &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context
                }
                Page::GroupIndex(grouping) => {
                    let Some(browse_view) = browse_views.iter().find(|v| v.key == grouping.key())
                    else {
                        return Some((0, Vec::new()));
                    };
                    let messages = site.language_messages();
                    let title = grouping.title(messages);
                    let description = messages.text(
                        "browse-index-description",
                        &crate::i18n::Args::new().with("title", title.as_str()),
                    );
                    let mut view = PageView::new(
                        &site.config,
                        "browse-index",
                        &title,
                        &description,
                        page.path(site),
                    );
                    view.breadcrumb =
                        CrumbView::list(vec![home_crumb(), current_crumb(&title)], &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context.insert("grouping", browse_view);
                    context
                }
                Page::Group(grouping, i, n) => {
                    let Some(group) = groups_of(groups, grouping).get(i) else {
                        return Some((0, Vec::new()));
                    };
                    let pages = group_pages(&site.config, group);
                    let paginator = pages.view(n);
                    let name = crate::i18n::Args::new().with("name", group.name.as_str());
                    let heading = match grouping {
                        Grouping::Education => messages.text("list-group-education", &name),
                        _ => messages.text("list-group", &name),
                    };
                    let title = numbered_in(messages, &heading, &paginator);
                    let description = group.description.clone().unwrap_or_else(|| {
                        format!(
                            "{}: {}. Pay, job outlook and education for each.",
                            grouping.singular(),
                            group.name
                        )
                    });
                    let description = numbered_description_in(messages, &description, &paginator);
                    let mut view =
                        PageView::new(&site.config, "browse", &title, &description, pages.path(n));
                    let mut crumbs = browse::group_breadcrumb(group, site.language_messages());
                    if n > 1
                        && let Some(last) = crumbs.pop()
                    {
                        crumbs.extend(list_crumbs(&last.name, &paginator));
                    }
                    view.breadcrumb = CrumbView::list(crumbs, &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context.insert("heading", &heading);
                    context.insert("group", &crate::render::context::GroupView::new(group));
                    context.insert("grouping_title", &grouping.title(site.language_messages()));
                    context.insert("grouping_path", &grouping.path());
                    let on_page = pages.slice(&group.guides, n);
                    context.insert_value("guides", listings.cards_of(on_page));
                    context.insert("paginator", &paginator);
                    context.insert_value(
                        "figures_sources",
                        listings.figures_sources(site, Some(on_page)),
                    );
                    context
                }
            };
            let output = listings.output(site, page);
            let mut page_found = context_found;
            let ok = write_page(
                site,
                sink,
                page.template(),
                &context,
                &output,
                &mut page_found,
            );
            Some((usize::from(ok), page_found))
        })
        .collect();
    let mut written = 0;
    for (count, page_found) in results.into_iter().collect::<Option<Vec<_>>>()? {
        written += count;
        found.extend(page_found);
    }
    Some(written)
}

/// [`numbered`] in the language of `messages` (`list-title-page`).
pub fn numbered_in(messages: &Messages, title: &str, paginator: &PaginatorView) -> String {
    if paginator.number <= 1 {
        return title.to_string();
    }
    messages.text(
        "list-title-page",
        &crate::i18n::Args::new()
            .with("title", title)
            .with("number", paginator.number)
            .with("total", paginator.total_pages),
    )
}

/// [`numbered_description`] in the language of `messages`
/// (`list-description-page`).
pub fn numbered_description_in(
    messages: &Messages,
    description: &str,
    paginator: &PaginatorView,
) -> String {
    if paginator.number <= 1 {
        return description.to_string();
    }
    messages.text(
        "list-description-page",
        &crate::i18n::Args::new()
            .with("description", description.trim_end_matches('.'))
            .with("number", paginator.number)
            .with("total", paginator.total_pages),
    )
}

/// A list's title as it names page `n > 1` ("All careers, page 2 of
/// 40"), so that no two pages share a title; page 1 keeps the list's own.
pub fn numbered(title: &str, paginator: &PaginatorView) -> String {
    if paginator.number <= 1 {
        return title.to_string();
    }
    format!(
        "{title}, page {} of {}",
        paginator.number, paginator.total_pages
    )
}

/// A list's description as it describes page `n > 1`, for the same reason.
pub fn numbered_description(description: &str, paginator: &PaginatorView) -> String {
    if paginator.number <= 1 {
        return description.to_string();
    }
    format!(
        "{}. Page {} of {}.",
        description.trim_end_matches('.'),
        paginator.number,
        paginator.total_pages
    )
}

/// The breadcrumb's last steps on a list page: the list itself, and on
/// pages after the first, a step back to it and the page number.
pub fn list_crumbs(name: &str, paginator: &PaginatorView) -> Vec<browse::Crumb> {
    if paginator.number <= 1 {
        return vec![current_crumb(name)];
    }
    vec![
        browse::Crumb {
            name: name.to_string(),
            path: Some(paginator.first.clone()),
        },
        current_crumb(&format!("Page {}", paginator.number)),
    ]
}

/// The guides the home page shows: the `home.featured` ones in their
/// order, or else the `home.recent` most recently reviewed (newest
/// first, ties by title). The flag says which.
fn home_guides(site: &Site) -> (bool, Vec<usize>) {
    let home = &site.config.home;
    if !home.featured.is_empty() {
        let mut shown: Vec<usize> = Vec::new();
        for featured in &home.featured {
            if let Some(i) = site.index.by_slug(&featured.slug)
                && !shown.contains(&i)
            {
                shown.push(i);
            }
        }
        return (true, shown);
    }
    let mut reviewed: Vec<usize> = (0..site.guides.len())
        .filter(|&i| site.guides[i].last_reviewed.is_some())
        .collect();
    reviewed.sort_by_cached_key(|&i| {
        let guide = &site.guides[i];
        (
            std::cmp::Reverse(guide.last_reviewed),
            guide.title.to_lowercase(),
            guide.slug.clone(),
        )
    });
    reviewed.truncate(home.recent);
    (false, reviewed)
}

/// All careers' chart of how median pay is spread over every guide.
fn median_pay_chart(site: &Site, formatter: &Formatter<'_>) -> Option<String> {
    let bars = charts::median_bars(&site.guides, &site.config, &formatter.style);
    charts::median_pay_distribution(
        &charts::pay_bands(&bars),
        &formatter.style,
        &site.config.currency,
        site.config.salary_period,
        "cg-median-pay-chart",
        &formatter.messages,
    )
}

/// Positions in `guides`, by title: the order of every list of guides.
fn guides_by_title(guides: &[Guide]) -> Vec<usize> {
    let mut by_title: Vec<usize> = (0..guides.len()).collect();
    by_title.sort_by_cached_key(|&i| guides[i].title.to_lowercase());
    by_title
}

/// A grouping as the home and 404 pages link it: its index page and how
/// many groups it has, without the groups themselves (industries grow
/// with the guides; these pages must not).
#[derive(serde::Serialize)]
struct GroupingLink {
    key: &'static str,
    title: String,
    path: String,
    /// How many groups the grouping has.
    count: usize,
}

impl GroupingLink {
    fn new(view: &GroupingView) -> Self {
        GroupingLink {
            key: view.key,
            title: view.title.clone(),
            path: view.path.clone(),
            count: view.groups.len(),
        }
    }
}

fn home_crumb() -> browse::Crumb {
    browse::Crumb {
        name: "Home".to_string(),
        path: Some(String::new()),
    }
}

fn current_crumb(name: &str) -> browse::Crumb {
    browse::Crumb {
        name: name.to_string(),
        path: None,
    }
}

/// Renders `template` into `output`; returns whether a page was written.
pub fn write_page(
    site: &Site,
    sink: &dyn Sink,
    template: &str,
    context: &Context,
    output: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let with_versions;
    let context = match versions_of(site, output) {
        Some(links) => {
            with_versions = {
                let mut context = context.clone();
                let x_default = links.iter().find(|l| l.default).map(|l| l.url.clone());
                context.insert("translations", &links);
                context.insert("x_default", &x_default);
                context
            };
            &with_versions
        }
        None => context,
    };
    let rendered = crate::timings::template(template, output, || {
        site.templates.render(template, context, output)
    });
    match rendered {
        Ok(html) => match crate::timings::write(output, || sink.write(output, html.as_bytes())) {
            Ok(()) => true,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    output,
                    format!("cannot write page: {err}"),
                ));
                false
            }
        },
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            false
        }
    }
}

/// The versions in every language of the page written at `output`
/// (below the current language's folder), for its `hreflang` links and
/// language switcher; `None` for a site in one language or a page in one.
fn versions_of(
    site: &Site,
    output: &str,
) -> Option<Vec<crate::render::languages::TranslationLink>> {
    let alternates = site.languages.alternates.as_ref()?;
    let path = output.strip_suffix("index.html")?;
    let site_root = format!(
        "{}{}",
        crate::permalink::root_from(path),
        crate::permalink::root_from(&site.config.lang_prefix)
    );
    let links = alternates.links(site.languages.current, path, &site_root);
    (!links.is_empty()).then_some(links)
}

/// `guide` with every field, and its text: read again from its file,
/// parsed and filled from data as at load time when the guide was loaded
/// lean. A file that can no longer be read, or changed since it was
/// checked, is an error, and the guide then renders with what it holds.
pub fn whole_guide<'a>(
    site: &Site,
    guide: &'a Guide,
    diagnostics: &mut Vec<Diagnostic>,
) -> (std::borrow::Cow<'a, Guide>, Text) {
    let text = crate::timings::work("read guide files", || guide.text.read());
    let text = match text {
        Ok(text) => text,
        Err(message) => {
            diagnostics.push(Diagnostic::error(&guide.path, message));
            return (std::borrow::Cow::Borrowed(guide), Text::default());
        }
    };
    let Some(reread) = site.reread.as_ref().filter(|_| guide.page_fields_released) else {
        return (std::borrow::Cow::Borrowed(guide), text);
    };
    // The same text, config, date and data as at load time give the same
    // guide; what parsing and filling report was reported then.
    let parsed = crate::timings::work("parse guides", || {
        crate::content::parse::parse_guide(
            &guide.path,
            &guide.content_path,
            text.whole().as_bytes(),
            &site.config,
            reread.today,
        )
    });
    match parsed.guide {
        Some(mut whole) => {
            // The image's file was found when the guide was loaded.
            whole.image.clone_from(&guide.image);
            let _ = data::fill::fill(&mut whole, &reread.data, &site.config);
            (std::borrow::Cow::Owned(whole), text)
        }
        None => {
            diagnostics.push(Diagnostic::error(
                &guide.path,
                "the file changed while the site was being built; build again to check it",
            ));
            (std::borrow::Cow::Borrowed(guide), text)
        }
    }
}

/// Calls `render` with the `@/` links and shortcodes of Markdown on the page
/// at `page_path` (`account-manager/`, `advice/negotiate/`; `""` for home)
/// made from `file` (relative to the site root): every kind's Markdown
/// links, shows images and quotes figures the same way.
pub fn with_markdown_links<R>(
    site: &Site,
    page_path: &str,
    file: &Path,
    render: impl FnOnce(&Links) -> R,
) -> R {
    let root = crate::permalink::root_from(page_path);
    let formatter = guide_formatter(site);
    let output = crate::permalink::output(page_path);
    let shortcodes = Shortcodes {
        templates: &site.templates,
        formatter: &formatter,
        guides: &site.guides,
        index: &site.index,
        page: &output,
    };
    let links = Links {
        guides: &site.guides,
        index: &site.index,
        root: &root,
        site_root: &site.root,
        library: Some(&site.library),
        shortcodes: Some(&shortcodes),
        page_path,
        bundle: crate::content::bundle::dir_of(file),
        images: Some(&site.images),
    };
    render(&links)
}

/// Renders a guide's Markdown: its `body` and the Markdown fields of its
/// front matter. `guide` is whole ([`whole_guide`]).
fn render_markdown(
    site: &Site,
    guide: &Guide,
    body: &Text,
    diagnostics: &mut Vec<Diagnostic>,
) -> RenderedMarkdown {
    with_markdown_links(
        site,
        &crate::permalink::guide(&guide.slug),
        &guide.path,
        |links| {
            let field_origin = |field: &'static str| Origin {
                path: &guide.path,
                first_line: None,
                field: Some(field),
                field_guide: Some(guide),
            };
            let body_origin = Origin {
                path: &guide.path,
                first_line: Some(guide.body_line),
                field: None,
                field_guide: None,
            };
            // One set of ids for every text on the page: headings and footnotes
            // of the body and of the front-matter fields never share an id.
            let mut ids = PageIds::with_theme_ids(site.templates.ids());
            let content_html =
                markdown::render_block(body.body(), links, body_origin, &mut ids, diagnostics);
            let environment_summary_html = guide.environment.summary.as_deref().map(|text| {
                markdown::render_inline(
                    text,
                    links,
                    field_origin("environment.summary"),
                    &mut ids,
                    diagnostics,
                )
            });
            let requirements_notes_html = guide.requirements.notes.as_deref().map(|text| {
                markdown::render_block(
                    text,
                    links,
                    field_origin("requirements.notes"),
                    &mut ids,
                    diagnostics,
                )
            });
            let faq_answers_html = guide
                .faq
                .iter()
                .enumerate()
                .map(|(i, faq)| {
                    let field = format!("faq[{i}].answer");
                    let origin = Origin {
                        field: Some(&field),
                        ..field_origin("faq")
                    };
                    markdown::render_block(&faq.answer, links, origin, &mut ids, diagnostics)
                })
                .collect();
            RenderedMarkdown {
                content_html,
                environment_summary_html,
                requirements_notes_html,
                faq_answers_html,
            }
        },
    )
}

/// What a guide's page reads from other guides, so that `serve` can tell
/// which pages an edit touches. Keep in step with
/// [`Formatter::guide_view`] and `render_markdown`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GuideDependencies {
    /// Slugs named under `career_path` and `related_careers`: the page shows
    /// their link, summary, education and pay.
    pub slugs: Vec<String>,
    /// Content paths named by `@/` links in its Markdown: the page shows
    /// their slug.
    pub links: Vec<String>,
    /// Set when an `@/` link is written in a way this scan cannot read
    /// exactly (escapes, entities): the page then depends on every guide.
    pub any_link: bool,
    /// Slugs whose figures the page quotes through shortcodes
    /// (`median_pay`, `growth`, `quick_facts`): any edit of those guides
    /// may change it.
    pub quoted: Vec<String>,
}

/// The other guides `guide`'s page depends on.
pub fn guide_dependencies(guide: &Guide) -> GuideDependencies {
    let mut deps = GuideDependencies {
        slugs: guide
            .guide_references()
            .map(|(_, slug)| slug.to_string())
            .collect(),
        ..GuideDependencies::default()
    };
    // A link written with escapes or entities may name any guide: such a
    // page then depends on every guide.
    deps.any_link = guide
        .linked_paths
        .iter()
        .any(|path| path.contains(['\\', '&', '%']));
    deps.links = guide.linked_paths.clone();
    deps.quoted = guide.quoted_guides.clone();
    deps.slugs.sort();
    deps.slugs.dedup();
    deps.links.sort();
    deps.links.dedup();
    deps
}

/// What pages other than its own show of `guide`: its card on the listing
/// pages (home, all careers, browse pages, which also group it by
/// industry; the home page picks the most recently reviewed) and in other guides' related careers, career path and
/// suggestions. While this is unchanged (and no guide came or went), those
/// pages are unchanged too. Keep in step with what they show.
pub fn listing_entry(formatter: &Formatter<'_>, guide: &Guide) -> String {
    let reviewed = guide.last_reviewed.map(|date| date.to_string());
    serde_json::to_string(&(formatter.card(guide), &guide.industries, reviewed)).unwrap_or_default()
}

/// What [`SimilarIndex`] scores and ranks `guide` by (category, SOC code,
/// industries, skills; title and slug for ties), and whether the guide asks for
/// suggestions at all. While no guide's key changes (and no guide came or
/// went), every guide's suggestions stay the same.
pub fn similarity_key(guide: &Guide) -> String {
    let skills: Vec<&str> = guide
        .requirements
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    serde_json::to_string(&(
        &guide.category,
        (&guide.codes.soc, &guide.codes.onet_soc),
        &guide.industries,
        skills,
        &guide.title,
        &guide.slug,
        guide.related_careers.is_empty(),
    ))
    .unwrap_or_default()
}

/// What the pages listing guides show, worked out once for all of them:
/// each guide's card as a template value, the guides in title order and
/// the browse groups. `serve` keeps it between rebuilds and works out
/// again only the cards of the guides that changed.
pub struct Listings {
    /// By position in the guide list.
    cards: Vec<tera::Value>,
    /// Positions in the guide list, by title.
    by_title: Vec<usize>,
    groups: BrowseGroups,
}

impl Listings {
    pub fn new(site: &Site) -> Self {
        let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
        let cards = site
            .guides
            .par_iter()
            .map(|guide| tera::Value::from_serializable(&formatter.card(guide)))
            .collect();
        let by_title = guides_by_title(&site.guides);
        let groups = browse_groups(site);
        Listings {
            cards,
            by_title,
            groups,
        }
    }

    /// Works out the cards of the guides at `changed` again. Only valid
    /// while no guide came or went and every guide kept its title, slug
    /// and groups: the order and the groups are kept as they are.
    pub fn refresh_cards(&mut self, site: &Site, changed: &[usize]) {
        let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
        for &i in changed {
            if let (Some(card), Some(guide)) = (self.cards.get_mut(i), site.guides.get(i)) {
                *card = tera::Value::from_serializable(&formatter.card(guide));
            }
        }
    }

    /// Where the pay and growth figures of the guides at `positions` come
    /// from (see [`crate::render::provenance`]); every guide when `None`.
    fn figures_sources(&self, site: &Site, positions: Option<&[usize]>) -> tera::Value {
        let guides: Vec<&Guide> = match positions {
            Some(positions) => positions
                .iter()
                .filter_map(|&i| site.guides.get(i))
                .collect(),
            None => site.guides.iter().collect(),
        };
        tera::Value::from_serializable(&crate::render::provenance::of_listing(
            &guides,
            &site.config,
            site.language_messages(),
        ))
    }

    /// The cards of the guides at `positions`, in that order.
    fn cards_of(&self, positions: &[usize]) -> tera::Value {
        let cards: Vec<tera::Value> = positions
            .iter()
            .filter_map(|&i| self.cards.get(i).cloned())
            .collect();
        tera::Value::from(cards)
    }

    /// The browse groups of every grouping.
    pub fn browse_groups(&self) -> &[(Grouping, Vec<browse::Group>)] {
        &self.groups
    }

    /// The browse groups of every grouping, the cards let go.
    pub fn into_browse_groups(self) -> BrowseGroups {
        self.groups
    }

    /// The pages besides guide pages, as [`pages`] lists them.
    pub fn other_pages(&self, site: &Site) -> Vec<Page> {
        other_pages(site, &self.groups)
    }

    /// The pages that list guides, home and 404 included.
    pub fn listing_pages(&self, site: &Site) -> Vec<Page> {
        let mut pages = self.other_pages(site);
        pages.retain(|p| p.lists_guides());
        pages
    }

    /// The list pages (of All careers and of any browse group) that show
    /// the guide at `i`: one page of each list it is in.
    pub fn pages_listing(&self, site: &Site, i: usize) -> Vec<Page> {
        let mut pages = Vec::new();
        if site.templates.has(Page::AllCareers(1).template())
            && let Some(at) = self.by_title.iter().position(|&g| g == i)
        {
            pages.push(Page::AllCareers(all_careers_pages(site).page_of(at)));
        }
        for (grouping, groups) in &self.groups {
            if !site.templates.has(Page::Group(*grouping, 0, 1).template()) {
                continue;
            }
            for (g, group) in groups.iter().enumerate() {
                if let Some(at) = group.guides.iter().position(|&guide| guide == i) {
                    let n = group_pages(&site.config, group).page_of(at);
                    pages.push(Page::Group(*grouping, g, n));
                }
            }
        }
        pages
    }

    /// Where `page` is written, relative to the output folder.
    pub fn output(&self, site: &Site, page: Page) -> String {
        match page {
            Page::Group(grouping, i, n) => groups_of(&self.groups, grouping).get(i).map_or_else(
                || page.output(site),
                |g| group_pages(&site.config, g).output(n),
            ),
            page => page.output(site),
        }
    }

    /// What each page of a list (All careers, a browse group) shows, as a
    /// hash by output path: its guides' cards and the sources of their
    /// figures, its group, where it stands among the list's pages and, for
    /// All careers, what sums up every guide (the filter choices; the pay
    /// chart on page 1). While a page's hash is unchanged and
    /// templates and config are too, so is the page: `serve` renders only
    /// the list pages whose hash changed.
    pub fn list_signatures(&self, site: &Site) -> HashMap<String, u64> {
        let mut signatures = HashMap::new();
        let mut add = |output: String,
                       paginator: &PaginatorView,
                       group: Option<&browse::Group>,
                       guides: &[usize],
                       whole_list: &str| {
            let mut hasher = std::hash::DefaultHasher::new();
            (output.as_str(), paginator, whole_list).hash(&mut hasher);
            self.figures_sources(site, Some(guides))
                .to_string()
                .hash(&mut hasher);
            if let Some(group) = group {
                (&group.key, &group.name, &group.description).hash(&mut hasher);
            }
            for &i in guides {
                self.cards
                    .get(i)
                    .map(tera::Value::to_string)
                    .hash(&mut hasher);
            }
            signatures.insert(output, hasher.finish());
        };
        if site.templates.has(Page::AllCareers(1).template()) {
            let pages = all_careers_pages(site);
            let filters = serde_json::to_string(&all_careers::FilterChoices::new(
                &site.guides,
                &site.config,
                site.language_messages(),
            ))
            .unwrap_or_default();
            let chart = median_pay_chart(
                site,
                &Formatter::new(&site.config).with_messages(site.language_messages()),
            )
            .unwrap_or_default();
            for n in pages.numbers() {
                let whole_list = if n == 1 {
                    format!("{filters}{chart}")
                } else {
                    filters.clone()
                };
                add(
                    pages.output(n),
                    &pages.view(n),
                    None,
                    pages.slice(&self.by_title, n),
                    &whole_list,
                );
            }
        }
        for (grouping, groups) in &self.groups {
            if !site.templates.has(Page::Group(*grouping, 0, 1).template()) {
                continue;
            }
            for group in groups {
                let pages = group_pages(&site.config, group);
                for n in pages.numbers() {
                    add(
                        pages.output(n),
                        &pages.view(n),
                        Some(group),
                        pages.slice(&group.guides, n),
                        "",
                    );
                }
            }
        }
        signatures
    }
}

/// Renders `pages`, none of them a guide page, with what `listings` worked
/// out (after [`prepare`]). `None` when `stop` said to give up before
/// every page was rendered.
pub fn render_listing_pages(
    site: &Site,
    listings: &Listings,
    pages: &[Page],
    sink: &dyn Sink,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Rendered> {
    let mut diagnostics = Vec::new();
    let written = render_listings(site, listings, pages, sink, &mut diagnostics, stop)?;
    Some(Rendered {
        pages: written,
        files: written,
        diagnostics,
    })
}
