//! The pages that list guides: home, 404, All careers, compare, search and
//! the browse pages (categories, industries, education levels), each cut
//! into numbered pages, with what they share worked out once ([`Listings`]).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use tera::Context;

use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::diagnostics::Diagnostic;
use crate::i18n::Messages;
use crate::output::Sink;
use crate::render::browse::{self, Grouping};
use crate::render::context::{CrumbView, Formatter, GroupingView, PageView};
use crate::render::paginate::{Paginator, PaginatorView};
use crate::render::{all_careers, charts};

use crate::site::{Page, Rendered, Site, write_page};

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
pub fn groups_of(
    groups: &[(Grouping, Vec<browse::Group>)],
    grouping: Grouping,
) -> &[browse::Group] {
    groups
        .iter()
        .find(|(g, _)| *g == grouping)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// The pages besides guide pages: home and 404 always, the others where
/// the theme has their template.
pub fn other_pages(site: &Site, groups: &[(Grouping, Vec<browse::Group>)]) -> Vec<Page> {
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

/// Whether list pages make the cards they show rather than [`Listings`]
/// holding every guide's: on a site loaded lean, whose guides have let go
/// of their page fields ([`Guide::release_page_fields`]).
fn made_per_page(site: &Site) -> bool {
    site.guides.first().is_some_and(|g| g.page_fields_released)
}

/// What the pages listing guides show, worked out once for all of them:
/// each guide's card as a template value, the guides in title order and
/// the browse groups. `serve` keeps it between rebuilds and works out
/// again only the cards of the guides that changed.
pub struct Listings {
    /// By position in the guide list; empty for a site loaded lean
    /// ([`crate::content::load::load_lean`]), whose pages make the cards
    /// they show (see [`Listings::new`]).
    cards: Vec<tera::Value>,
    /// Positions in the guide list, by title.
    by_title: Vec<usize>,
    groups: BrowseGroups,
}

impl Listings {
    pub fn new(site: &Site) -> Self {
        // Every guide's card as a template value is about 2.8 KB: at 100,000
        // guides, 280 MB held while the list pages render beside the search
        // index. A site big enough to be loaded lean makes each card when a
        // page shows it instead (about six times a guide: All careers and
        // its browse groups).
        let cards = if made_per_page(site) {
            Vec::new()
        } else {
            let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
            site.guides
                .par_iter()
                .map(|guide| tera::Value::from_serializable(&formatter.card(guide)))
                .collect()
        };
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

    /// The cards of the guides at `positions`, in that order: made now
    /// for a site whose cards are not held.
    fn cards_of(&self, site: &Site, positions: &[usize]) -> tera::Value {
        let cards: Vec<tera::Value> = if made_per_page(site) {
            let formatter = Formatter::new(&site.config).with_messages(site.language_messages());
            positions
                .iter()
                .filter_map(|&i| site.guides.get(i))
                .map(|guide| tera::Value::from_serializable(&formatter.card(guide)))
                .collect()
        } else {
            positions
                .iter()
                .filter_map(|&i| self.cards.get(i).cloned())
                .collect()
        };
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

    /// The pages besides guide pages, as [`crate::site::pages`] lists them.
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
/// out (after [`crate::site::prepare`]). `None` when `stop` said to give up before
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
                    context.insert_value("guides", listings.cards_of(site, &shown));
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
                    let title = numbered(messages, &all_careers_title, &paginator);
                    let description = numbered_description(
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
                    let mut crumbs = vec![browse::home_crumb(site.language_messages())];
                    crumbs.extend(list_crumbs(messages, &all_careers_title, &paginator));
                    view.breadcrumb = CrumbView::list(crumbs, &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    let on_page = pages.slice(&listings.by_title, n);
                    context.insert_value("guides", listings.cards_of(site, on_page));
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
                    view.breadcrumb = CrumbView::list(
                        vec![
                            browse::home_crumb(site.language_messages()),
                            current_crumb(&title),
                        ],
                        &view.root,
                    );
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
                    view.breadcrumb = CrumbView::list(
                        vec![
                            browse::home_crumb(site.language_messages()),
                            current_crumb(&title),
                        ],
                        &view.root,
                    );
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
                    let title = numbered(messages, &heading, &paginator);
                    let description = group.description.clone().unwrap_or_else(|| {
                        messages.text(
                            match grouping {
                                Grouping::Category => "list-group-description-category",
                                Grouping::Industry => "list-group-description-industry",
                                Grouping::Education => "list-group-description-education",
                            },
                            &name,
                        )
                    });
                    let description = numbered_description(messages, &description, &paginator);
                    let mut view =
                        PageView::new(&site.config, "browse", &title, &description, pages.path(n));
                    let mut crumbs = browse::group_breadcrumb(group, site.language_messages());
                    if n > 1
                        && let Some(last) = crumbs.pop()
                    {
                        crumbs.extend(list_crumbs(messages, &last.name, &paginator));
                    }
                    view.breadcrumb = CrumbView::list(crumbs, &view.root);
                    let mut context = Context::new();
                    context.insert("page", &view);
                    context.insert("heading", &heading);
                    context.insert("group", &crate::render::context::GroupView::new(group));
                    context.insert("grouping_title", &grouping.title(site.language_messages()));
                    context.insert("grouping_path", &grouping.path());
                    let on_page = pages.slice(&group.guides, n);
                    context.insert_value("guides", listings.cards_of(site, on_page));
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

/// A list's title as it names page `n > 1` ("All careers, page 2 of
/// 40", message `list-title-page`), so that no two pages share a title;
/// page 1 keeps the list's own.
pub fn numbered(messages: &Messages, title: &str, paginator: &PaginatorView) -> String {
    numbered_text(messages, "list-title-page", "title", title, paginator)
        .unwrap_or_else(|| title.to_string())
}

/// A list's description as it describes page `n > 1`, for the same
/// reason (message `list-description-page`).
pub fn numbered_description(
    messages: &Messages,
    description: &str,
    paginator: &PaginatorView,
) -> String {
    numbered_text(
        messages,
        "list-description-page",
        "description",
        // The message ends the sentence itself.
        description.trim_end_matches('.'),
        paginator,
    )
    .unwrap_or_else(|| description.to_string())
}

/// Message `key` with `name` = `text` and the page's number and total, for
/// pages after the first; `None` on page 1, which keeps the list's own
/// text.
fn numbered_text(
    messages: &Messages,
    key: &str,
    name: &str,
    text: &str,
    paginator: &PaginatorView,
) -> Option<String> {
    (paginator.number > 1).then(|| {
        messages.text(
            key,
            &crate::i18n::Args::new()
                .with(name, text)
                .with("number", paginator.number)
                .with("total", paginator.total_pages),
        )
    })
}

/// The breadcrumb's last steps on a list page: the list itself, and on
/// pages after the first, a step back to it and the page number.
pub fn list_crumbs(
    messages: &Messages,
    name: &str,
    paginator: &PaginatorView,
) -> Vec<browse::Crumb> {
    if paginator.number <= 1 {
        return vec![current_crumb(name)];
    }
    vec![
        browse::Crumb {
            name: name.to_string(),
            path: Some(paginator.first.clone()),
        },
        current_crumb(&messages.text(
            "list-crumb-page",
            &crate::i18n::Args::new().with("number", paginator.number),
        )),
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
pub fn guides_by_title(guides: &[Guide]) -> Vec<usize> {
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

fn current_crumb(name: &str) -> browse::Crumb {
    browse::Crumb {
        name: name.to_string(),
        path: None,
    }
}
