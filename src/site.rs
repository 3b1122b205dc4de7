//! A whole build: config → guides → validation → Markdown → templates →
//! files in a [`Sink`]. `build`, `check` and `serve` all run this.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;

use crate::config::{self, SiteConfig};
use crate::content::guide::Guide;
use crate::content::index::GuideIndex;
use crate::content::kinds::{self, Library};
use crate::content::{load, validate};
use crate::data;
use crate::diagnostics::{self, Diagnostic};
use crate::i18n::{Catalog, Messages};
use crate::output::Sink;
use crate::render::browse::{self, Grouping};
use crate::render::context::SiteView;
use crate::render::guides::{render_guide_pages, render_markdown, whole_guide};
use crate::render::listings::{
    Listings, all_careers_pages, browse_groups, group_pages, other_pages, render_listing_pages,
};
use crate::render::site_files;
use crate::render::site_files::{sitemap_urls, write_search_index, write_whole_site_files};
use crate::render::templates::Templates;
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
    let (mut config, mut diagnostics) = match config {
        Ok(loaded) => loaded,
        Err(diagnostics) => return (None, diagnostics),
    };
    let (messages, message_diagnostics) =
        crate::timings::stage("read messages", || load_messages(root, &config));
    // Guides cite the data filling them in the language of their pages.
    config.data.localize(messages.messages(&config.language));
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
    diagnostics.extend(message_diagnostics);
    let others = crate::timings::stage("read translations", || {
        language_sites(options, &config, &messages, &loaded, &mut diagnostics)
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
    messages: &Catalog,
    loaded: &load::Loaded,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<LanguageSite> {
    use crate::content::translations;
    let root = &options.root;
    config
        .languages
        .iter()
        .map(|language| {
            let mut config = config.for_language(language);
            config.data.localize(messages.messages(&language.tag));
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

/// Every page of the site. Pages whose template the theme lacks (a custom
/// theme without the browse pages, say) are left out.
pub fn pages(site: &Site) -> Vec<Page> {
    let mut pages: Vec<Page> = (0..site.guides.len()).map(Page::Guide).collect();
    pages.extend(other_pages(site, &browse_groups(site)));
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
            prepare_language(site, language);
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
        let search = scope.spawn(|| write_search_index(site, sink));
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
        // Past the pages, what is left of the index is the build's wait.
        let search = crate::timings::stage("finish the search index", || search.join());
        let search = search.unwrap_or_else(|_| {
            let mut failed = Rendered::default();
            failed.diagnostics.push(Diagnostic::error(
                crate::render::search::PAGEFIND_DIR,
                "cannot make the search index: the search indexer stopped unexpectedly",
            ));
            failed
        });
        (pages, search)
    });
    // The cards of every guide are done with: let them go before the
    // whole-site files are made, the other large piece of a build's memory.
    let groups = listings.into_browse_groups();
    let mut site_files = crate::timings::stage("write site files", || {
        write_whole_site_files(site, &groups, sink)
    });
    site_files.add(search_index);
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

/// Switches a multilingual site to `language` (0 the default) for
/// rendering: its content and config ([`Site::use_language`]), its
/// templates' context ([`prepare`]), and no copies of images yet: each
/// language publishes those its own pages show, not those of the
/// languages before it.
pub fn prepare_language(site: &mut Site, language: usize) {
    site.use_language(language);
    prepare(site);
    site.images.forget();
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
