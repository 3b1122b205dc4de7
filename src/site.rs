//! A whole build: config → guides → validation → Markdown → templates →
//! files in a [`Sink`]. `build`, `check` and `serve` all run this.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;

use crate::config::{self, SiteConfig};
use crate::content::guide::Guide;
use crate::content::index::GuideIndex;
use crate::content::text::Text;
use crate::content::{load, validate};
use crate::data;
use crate::diagnostics::{self, Diagnostic};
use crate::output::Sink;
use crate::render::browse::{self, Grouping};
use crate::render::context::{
    CrumbView, Formatter, GroupingView, GuideView, PageView, RenderedMarkdown, SiteView,
};
use crate::render::markdown::{self, Links, Origin, PageIds};
use crate::render::similar::SimilarIndex;
use crate::render::templates::Templates;
use crate::render::{charts, compare, search, site_files};
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
    pub templates: Templates,
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
                || load::load(root, &config, options.drafts, options.today),
                || crate::timings::work("read data files", || data::load(root, &config.data)),
            )
        });
    diagnostics.append(&mut loaded.diagnostics);
    diagnostics.extend(data_diagnostics);
    diagnostics.extend(crate::timings::stage("fill figures from data", || {
        data::fill_all(&mut loaded.guides, &data, &config)
    }));
    let index = GuideIndex::new(&loaded.guides).with_unavailable(loaded.unavailable.clone());
    diagnostics.extend(crate::timings::stage("validate across guides", || {
        validate::validate(&loaded.guides, &index, &loaded.skipped_drafts)
    }));
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
    let site = templates.map(|templates| Site {
        root: root.clone(),
        config,
        guides: loaded.guides,
        index,
        templates,
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

/// The `@/` link errors in every guide's Markdown, found without rendering pages.
pub fn link_diagnostics(site: &Site) -> Vec<Diagnostic> {
    site.guides
        .par_iter()
        .flat_map_iter(|guide| {
            let mut found = Vec::new();
            render_markdown(site, guide, &mut found);
            found
        })
        .collect()
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
    /// Every guide in one sortable table, with the median-pay chart.
    AllCareers,
    /// Two to four guides side by side, chosen in the URL.
    Compare,
    /// Search results, filled in by the search script.
    Search,
    /// The list of a grouping's groups: `categories/`.
    GroupIndex(Grouping),
    /// The `i`th group of [`browse::groups`] for the grouping:
    /// `categories/sales/`.
    Group(Grouping, usize),
}

impl Page {
    /// The template the page is rendered with.
    pub fn template(self) -> &'static str {
        match self {
            Page::Home => "index.html",
            Page::NotFound => "404.html",
            Page::Guide(_) => "guide.html",
            Page::AllCareers => "all-careers.html",
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
            Page::Guide(i) => format!("{}/", site.guides[i].slug),
            Page::AllCareers => browse::ALL_CAREERS_PATH.to_string(),
            Page::Compare => browse::COMPARE_PATH.to_string(),
            Page::Search => browse::SEARCH_PATH.to_string(),
            Page::GroupIndex(grouping) => grouping.path(),
            Page::Group(grouping, i) => browse::groups(grouping, &site.guides, &site.config)
                .get(i)
                .map_or_else(|| grouping.path(), browse::Group::path),
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
            Page::Home | Page::NotFound | Page::AllCareers | Page::GroupIndex(_) | Page::Group(..)
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

/// The browse groups of every grouping.
pub type BrowseGroups = Vec<(Grouping, Vec<browse::Group>)>;

/// Works out the browse groups of every grouping, in parallel.
pub fn browse_groups(site: &Site) -> BrowseGroups {
    Grouping::ALL
        .par_iter()
        .map(|&g| (g, browse::groups(g, &site.guides, &site.config)))
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
    let mut pages = vec![
        Page::Home,
        Page::NotFound,
        Page::AllCareers,
        Page::Compare,
        Page::Search,
    ];
    for grouping in Grouping::ALL {
        pages.push(Page::GroupIndex(grouping));
        let count = groups_of(groups, grouping).len();
        pages.extend((0..count).map(|i| Page::Group(grouping, i)));
    }
    pages.retain(|p| matches!(p, Page::Home | Page::NotFound) || site.templates.has(p.template()));
    pages
}

/// Renders every page and copies static files.
fn render(site: &mut Site, sink: &dyn Sink) -> Rendered {
    prepare(site);
    // Every written file passes the link check; what the build generates
    // is recorded too, since no static file may replace it.
    let checked = crate::links::CheckedSink::new(sink, site);
    let recording = statics::Recording::new(&checked);
    let guides: Vec<usize> = (0..site.guides.len()).collect();
    let (mut rendered, listings) = crate::timings::stage("render pages", || {
        let mut rendered = render_guide_pages(site, &guides, &recording);
        let listings = crate::timings::work("render listing pages", || {
            let listings = Listings::new(site);
            // Never asked to stop, it renders every page.
            let others = listings.other_pages(site);
            let more = render_listing_pages(site, &listings, &others, &recording, &|| false);
            rendered.add(more.unwrap_or_default());
            listings
        });
        (rendered, listings)
    });
    let site_files = crate::timings::stage("write site files", || {
        render_site_files(site, listings.browse_groups(), &recording)
    });
    rendered.diagnostics.extend(site_files.diagnostics);
    let generated = recording.into_written();
    let files = crate::timings::stage("copy static files", || {
        statics::copy(site, &checked, &generated, &mut rendered.diagnostics)
    });
    let linked = crate::links::copy_linked_files(site, &checked, &mut rendered.diagnostics);
    rendered.files = rendered.pages + site_files.files + files + linked;
    let broken_links = crate::timings::stage("check links", || checked.finish(site));
    rendered.diagnostics.extend(broken_links);
    rendered
}

/// Writes the files made from the whole site rather than from one page's
/// template (a sitemap, feeds, search or compare data). `serve` writes them
/// again after every change to guides, templates or config, so anything
/// that reads many guides and is not a [`Page`] belongs here.
pub fn render_site_files(
    site: &Site,
    groups: &[(Grouping, Vec<browse::Group>)],
    sink: &dyn Sink,
) -> Rendered {
    let config = &site.config;
    // The files are independent of each other: make them in parallel.
    let ((sitemaps, feed), (search_index, compare_data)) = rayon::join(
        || {
            rayon::join(
                || {
                    crate::timings::work("make the sitemap", || {
                        site_files::sitemaps(config, &sitemap_urls(site, groups))
                    })
                },
                || crate::timings::work("make the feed", || atom_feed(site)),
            )
        },
        || {
            rayon::join(
                || {
                    crate::timings::work("make the search index", || {
                        search::index_json(&site.guides, config)
                    })
                },
                || {
                    crate::timings::work("make the compare data", || {
                        compare::data_json(&site.guides, config)
                    })
                },
            )
        },
    );
    let mut files: Vec<(String, Vec<u8>)> = sitemaps
        .into_iter()
        .map(|file| (file.path, file.text.into_bytes()))
        .collect();
    files.extend([
        (
            "robots.txt".into(),
            site_files::robots_txt(config).into_bytes(),
        ),
        (site_files::FEED_FILE.into(), feed.into_bytes()),
        (search::INDEX_FILE.into(), search_index.into_bytes()),
        (
            search::SCRIPT_FILE.into(),
            search::SCRIPT.as_bytes().to_vec(),
        ),
        (compare::DATA_FILE.into(), compare_data.into_bytes()),
        (
            compare::COMPARE_SCRIPT_FILE.into(),
            compare::COMPARE_SCRIPT.as_bytes().to_vec(),
        ),
        (
            compare::SORT_SCRIPT_FILE.into(),
            compare::SORT_SCRIPT.as_bytes().to_vec(),
        ),
    ]);
    let mut rendered = Rendered::default();
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
    if site.templates.has(Page::AllCareers.template()) {
        urls.push(site_files::SitemapUrl {
            path: browse::ALL_CAREERS_PATH.to_string(),
            lastmod: latest(&mut site.guides.iter()),
        });
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
        if !site.templates.has(Page::Group(grouping, 0).template()) {
            continue;
        }
        for group in groups_of(groups, grouping) {
            urls.push(site_files::SitemapUrl {
                path: group.path(),
                lastmod: latest(&mut group.guides.iter().map(|&i| &site.guides[i])),
            });
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
                path: format!("{}/", guide.slug),
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
    site_files::atom_feed(config, &entries, fallback)
}

/// Makes the site's settings visible to every template as `site`. Call it
/// once after the templates or the config were (re)loaded.
pub fn prepare(site: &mut Site) {
    // The site view is the same for every page: serialize it once.
    let site_view = SiteView::new(&site.config);
    let mut global = Context::new();
    global.insert("site", &site_view);
    site.templates.tera_mut().global_context().extend(global);
}

/// Renders the pages of the guides at `guides` (after [`prepare`]) into `sink`.
pub fn render_guide_pages(site: &Site, guides: &[usize], sink: &dyn Sink) -> Rendered {
    let mut formatter = Formatter::new(&site.config);
    // Browse pages exist where the theme has their template.
    formatter.browse_pages = site
        .templates
        .has(Page::Group(Grouping::Industry, 0).template());
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
            let guide = &site.guides[i];
            let mut found = Vec::new();
            let markdown = crate::timings::markdown(
                || format!("{}/index.html", guide.slug),
                || render_markdown(site, guide, &mut found),
            );
            let mut view: GuideView<'_> =
                formatter.guide_view(guide, &site.guides, &site.index, markdown);
            if guide.related_careers.is_empty()
                && let Some(similar) = &similar
            {
                view.similar = formatter.suggested_similar(&similar.suggest(i), &site.guides);
                view.similar_suggested = !view.similar.is_empty();
            }
            let output = format!("{}/index.html", guide.slug);
            let mut page = PageView::new(
                &site.config,
                "guide",
                &guide.title,
                &guide.summary,
                format!("{}/", guide.slug),
            );
            page.breadcrumb = CrumbView::list(
                browse::guide_breadcrumb(guide, &site.config, formatter.browse_pages),
                &page.root,
            );
            let mut context = Context::new();
            context.insert("page", &page);
            context.insert("guide", &view);
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
    let formatter = Formatter::new(&site.config);
    let groups = &listings.groups;
    // One array shared by the pages that show every guide.
    let cards = listings.cards_by_title();
    let browse_views: Vec<GroupingView> = groups
        .iter()
        .filter(|(g, _)| site.templates.has(Page::GroupIndex(*g).template()))
        .map(|(g, list)| GroupingView::new(*g, list))
        .collect();
    // Listing pages are independent of each other: render them in parallel.
    let results: Vec<Option<(usize, Vec<Diagnostic>)>> = pages
        .par_iter()
        .map(|&page| {
            if stop() {
                return None;
            }
            let context = match page {
                Page::Guide(_) => return Some((0, Vec::new())),
                Page::Home => {
                    let home = PageView::new(
                        &site.config,
                        "home",
                        &site.config.title,
                        &site.config.description,
                        String::new(),
                    );
                    let mut context = Context::new();
                    context.insert("page", &home);
                    context.insert_value("guides", cards.clone());
                    context.insert_value("figures_sources", listings.figures_sources(site, None));
                    context.insert("browse", &browse_views);
                    context
                }
                Page::NotFound => {
                    let mut not_found = PageView::new(
                        &site.config,
                        "404",
                        "Page not found",
                        "The page you asked for does not exist.",
                        String::new(),
                    );
                    // The 404 page is served at any depth: link from the deploy root.
                    not_found.root = site.config.base_path.clone();
                    let mut context = Context::new();
                    context.insert("page", &not_found);
                    context.insert_value("guides", cards.clone());
                    context
                }
                Page::AllCareers => {
                    let mut view = PageView::new(
                        &site.config,
                        "all-careers",
                        "All careers",
                        "Every occupation in one table: pay, job outlook and typical education.",
                        page.path(site),
                    );
                    view.breadcrumb = CrumbView::list(
                        vec![home_crumb(), current_crumb("All careers")],
                        &view.root,
                    );
                    let bars = charts::median_bars(&site.guides, &site.config, &formatter.style);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context.insert_value("guides", cards.clone());
                    context.insert_value("figures_sources", listings.figures_sources(site, None));
                    context.insert(
                        "median_pay_chart_html",
                        &charts::median_pay(
                            &bars,
                            site.config.salary_period,
                            "cg-median-pay-chart",
                        ),
                    );
                    context
                }
                Page::Compare | Page::Search => {
                    let (kind, title, description) = if page == Page::Compare {
                        (
                            "compare",
                            "Compare careers",
                            "Put two to four careers side by side: pay, job outlook and education.",
                        )
                    } else {
                        (
                            "search",
                            "Search careers",
                            "Find a career by title, skill, category or occupation code.",
                        )
                    };
                    let mut view =
                        PageView::new(&site.config, kind, title, description, page.path(site));
                    view.breadcrumb =
                        CrumbView::list(vec![home_crumb(), current_crumb(title)], &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context
                }
                Page::GroupIndex(grouping) => {
                    let Some(browse_view) = browse_views.iter().find(|v| v.key == grouping.key())
                    else {
                        return Some((0, Vec::new()));
                    };
                    let description = format!(
                        "{}: every group and how many careers it lists.",
                        grouping.title()
                    );
                    let mut view = PageView::new(
                        &site.config,
                        "browse-index",
                        grouping.title(),
                        &description,
                        page.path(site),
                    );
                    view.breadcrumb = CrumbView::list(
                        vec![home_crumb(), current_crumb(grouping.title())],
                        &view.root,
                    );
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context.insert("grouping", browse_view);
                    context
                }
                Page::Group(grouping, i) => {
                    let Some(group) = groups_of(groups, grouping).get(i) else {
                        return Some((0, Vec::new()));
                    };
                    let title = match grouping {
                        Grouping::Education => format!("Careers needing: {}", group.name),
                        _ => format!("{} careers", group.name),
                    };
                    let description = group.description.clone().unwrap_or_else(|| {
                        format!(
                            "{}: {}. Pay, job outlook and education for each.",
                            grouping.singular(),
                            group.name
                        )
                    });
                    let mut view =
                        PageView::new(&site.config, "browse", &title, &description, group.path());
                    view.breadcrumb = CrumbView::list(browse::group_breadcrumb(group), &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context.insert("group", &crate::render::context::GroupView::new(group));
                    context.insert("grouping_title", grouping.title());
                    context.insert("grouping_path", &grouping.path());
                    context.insert_value("guides", listings.cards_of(&group.guides));
                    context.insert_value(
                        "figures_sources",
                        listings.figures_sources(site, Some(&group.guides)),
                    );
                    context
                }
            };
            let output = listings.output(site, page);
            let mut page_found = Vec::new();
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
fn write_page(
    site: &Site,
    sink: &dyn Sink,
    template: &str,
    context: &Context,
    output: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
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

/// Renders a guide's Markdown: its body and the Markdown fields of its front matter.
fn render_markdown(
    site: &Site,
    guide: &Guide,
    diagnostics: &mut Vec<Diagnostic>,
) -> RenderedMarkdown {
    let links = Links {
        guides: &site.guides,
        index: &site.index,
        root: "../",
        site_root: &site.root,
    };
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
    let body = crate::timings::work("read guide files", || guide.text.read());
    let body = body.unwrap_or_else(|message| {
        diagnostics.push(Diagnostic::error(&guide.path, message));
        Text::default()
    });
    // One set of ids for every text on the page: headings and footnotes
    // of the body and of the front-matter fields never share an id.
    let mut ids = PageIds::with_theme_ids(site.templates.ids());
    let content_html =
        markdown::render_block(body.body(), &links, body_origin, &mut ids, diagnostics);
    let environment_summary_html = guide.environment.summary.as_deref().map(|text| {
        markdown::render_inline(
            text,
            &links,
            field_origin("environment.summary"),
            &mut ids,
            diagnostics,
        )
    });
    let requirements_notes_html = guide.requirements.notes.as_deref().map(|text| {
        markdown::render_block(
            text,
            &links,
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
            markdown::render_block(&faq.answer, &links, origin, &mut ids, diagnostics)
        })
        .collect();
    RenderedMarkdown {
        content_html,
        environment_summary_html,
        requirements_notes_html,
        faq_answers_html,
    }
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
    deps.slugs.sort();
    deps.slugs.dedup();
    deps.links.sort();
    deps.links.dedup();
    deps
}

/// What pages other than its own show of `guide`: its card on the listing
/// pages (home, 404, all careers, browse pages, which also group it by
/// industry) and in other guides' related careers, career path and
/// suggestions. While this is unchanged (and no guide came or went), those
/// pages are unchanged too. Keep in step with what they show.
pub fn listing_entry(formatter: &Formatter<'_>, guide: &Guide) -> String {
    serde_json::to_string(&(formatter.card(guide), &guide.industries)).unwrap_or_default()
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
        let formatter = Formatter::new(&site.config);
        let cards = site
            .guides
            .par_iter()
            .map(|guide| tera::Value::from_serializable(&formatter.card(guide)))
            .collect();
        let mut by_title: Vec<usize> = (0..site.guides.len()).collect();
        by_title.sort_by_cached_key(|&i| site.guides[i].title.to_lowercase());
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
        let formatter = Formatter::new(&site.config);
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
        ))
    }

    /// Every card, by title.
    fn cards_by_title(&self) -> tera::Value {
        self.cards_of(&self.by_title)
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

    /// The browse pages (of any grouping) that list the guide at `i`.
    pub fn group_pages_of(&self, site: &Site, i: usize) -> Vec<Page> {
        let mut pages = Vec::new();
        for (grouping, groups) in &self.groups {
            if !site.templates.has(Page::Group(*grouping, 0).template()) {
                continue;
            }
            for (at, group) in groups.iter().enumerate() {
                if group.guides.contains(&i) {
                    pages.push(Page::Group(*grouping, at));
                }
            }
        }
        pages
    }

    /// Where `page` is written, relative to the output folder.
    pub fn output(&self, site: &Site, page: Page) -> String {
        match page {
            Page::Group(grouping, i) => groups_of(&self.groups, grouping)
                .get(i)
                .map_or_else(|| page.output(site), |g| format!("{}index.html", g.path())),
            page => page.output(site),
        }
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
