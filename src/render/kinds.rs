//! The pages of the kinds besides guides: articles, standalone pages,
//! section lists (paginated, newest first), topic pages, and what they
//! add to the rest of the site (section feeds, sitemap entries, the
//! related advice on guide pages, the latest articles on the home page).
//!
//! Every page here is a [`KindPage`]: its template, path and output file
//! are worked out in one place from [`crate::permalink`].
//!
//! # What depends on what
//!
//! The dependency facts `build` and `serve` share live here. A page of
//! this module reads nothing but its template context (the site-wide
//! `site` value aside): [`render_changed`] hashes each page's context
//! into its [`Signatures`], and `serve` renders again only the pages whose
//! hash changed. The outputs outside this module that show the library
//! (guide pages' related advice, the home page, the sitemap, section
//! feeds, search records, menus) declare what they read of it as
//! [`LibraryFacts`].

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::context::{CrumbView, PageView};
use super::markdown::{self, Origin, PageIds};
use super::paginate::Paginator;
use super::site_files::{self, FeedEntry, SitemapUrl};
use super::structured_data;
use crate::content::kinds::{Article, Library, Markdown, Section, StandalonePage};
use crate::diagnostics::Diagnostic;
use crate::permalink;
use crate::render::browse::Crumb;
use crate::site::Site;

/// One page of a kind other than guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KindPage {
    /// `library.articles[i]`.
    Article(usize),
    /// `library.pages[i]`.
    Page(usize),
    /// Page `n` (from 1) of section `s`'s list.
    Section(usize, usize),
    /// The list of section `s`'s topics.
    Topics(usize),
    /// Page `n` of the articles of section `s` on topic `t` (its
    /// position in [`topics`]).
    Topic(usize, usize, usize),
}

impl KindPage {
    /// The template the page is rendered with.
    pub fn template(self) -> &'static str {
        match self {
            KindPage::Article(_) => "article.html",
            KindPage::Page(_) => "page.html",
            KindPage::Section(..) => "section.html",
            KindPage::Topics(_) => "topics.html",
            KindPage::Topic(..) => "topic.html",
        }
    }

    /// The page's path below the site root.
    pub fn path(self, library: &Library, config: &crate::config::SiteConfig) -> String {
        match self {
            KindPage::Article(i) => article_path(library, &library.articles[i]),
            KindPage::Page(i) => permalink::page(&library.pages[i].slug),
            KindPage::Section(s, n) => section_pages(library, s, config).path(n),
            KindPage::Topics(s) => permalink::topics(&library.sections[s].dir),
            KindPage::Topic(s, t, n) => topic_pages(library, s, t, config).path(n),
        }
    }
}

/// An article's path: below its section's folder.
pub fn article_path(library: &Library, article: &Article) -> String {
    permalink::article(&library.sections[article.section].dir, &article.slug)
}

/// The topics of section `s`, by name (case-insensitively), each with the
/// positions of its articles in the section's order.
pub fn topics(library: &Library, s: usize) -> Vec<(String, Vec<usize>)> {
    let mut topics: Vec<(String, Vec<usize>)> = Vec::new();
    for i in library.section_articles(s) {
        for topic in &library.articles[i].topics {
            let slug = permalink::topic_slug(topic);
            match topics
                .iter_mut()
                .find(|(name, _)| permalink::topic_slug(name) == slug)
            {
                Some((_, list)) => list.push(i),
                None => topics.push((topic.clone(), vec![i])),
            }
        }
    }
    topics.sort_by_cached_key(|(name, _)| name.to_lowercase());
    topics
}

fn per_page(section: &Section, config: &crate::config::SiteConfig) -> usize {
    section.paginate_by.unwrap_or(config.pagination.default)
}

/// The list pages of section `s`.
pub fn section_pages(library: &Library, s: usize, config: &crate::config::SiteConfig) -> Paginator {
    let section = &library.sections[s];
    Paginator::new(
        permalink::section(&section.dir),
        library.section_articles(s).len(),
        per_page(section, config),
    )
}

/// The list pages of topic `t` of section `s`.
pub fn topic_pages(
    library: &Library,
    s: usize,
    t: usize,
    config: &crate::config::SiteConfig,
) -> Paginator {
    let section = &library.sections[s];
    let topics = topics(library, s);
    let (name, list) = topics
        .get(t)
        .map_or(("", 0), |(n, l)| (n.as_str(), l.len()));
    Paginator::new(
        permalink::topic(&section.dir, name),
        list,
        per_page(section, config),
    )
}

/// Every page of the kinds besides guides whose template the theme has.
pub fn pages(site: &Site) -> Vec<KindPage> {
    let library = &site.library;
    let mut pages: Vec<KindPage> = (0..library.articles.len()).map(KindPage::Article).collect();
    pages.extend((0..library.pages.len()).map(KindPage::Page));
    for s in 0..library.sections.len() {
        pages.extend(
            section_pages(library, s, &site.config)
                .numbers()
                .map(|n| KindPage::Section(s, n)),
        );
        let topics = topics(library, s);
        if !topics.is_empty() {
            pages.push(KindPage::Topics(s));
        }
        for t in 0..topics.len() {
            pages.extend(
                topic_pages(library, s, t, &site.config)
                    .numbers()
                    .map(|n| KindPage::Topic(s, t, n)),
            );
        }
    }
    pages.retain(|p| site.templates.has(p.template()));
    pages
}

/// An article as lists show it.
#[derive(Debug, Serialize)]
pub struct ArticleCard {
    pub title: String,
    /// Below the site root.
    pub path: String,
    pub summary: String,
    pub author: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub date: String,
    /// `March 4, 2026`.
    pub date_display: String,
    pub topics: Vec<TopicLink>,
}

/// A topic with its page.
#[derive(Debug, Serialize)]
pub struct TopicLink {
    pub name: String,
    /// Below the site root.
    pub path: String,
    /// How many articles the topic has (on the topics page).
    pub count: usize,
}

/// A date as the site's language writes it in running text.
fn display_date(site: &Site, date: NaiveDate) -> String {
    crate::render::format::NumberStyle::for_language(&site.config.language).date(date)
}

/// The card of `site.library.articles[i]`.
pub fn card(site: &Site, i: usize) -> ArticleCard {
    let library = &site.library;
    let article = &library.articles[i];
    let dir = &library.sections[article.section].dir;
    ArticleCard {
        title: article.title.clone(),
        path: article_path(library, article),
        summary: article.summary.clone(),
        author: article.author.clone(),
        date: article.date.to_string(),
        date_display: display_date(site, article.date),
        topics: article
            .topics
            .iter()
            .map(|t| TopicLink {
                name: t.clone(),
                path: permalink::topic(dir, t),
                count: 0,
            })
            .collect(),
    }
}

/// The articles naming the guide at `guide` in `related_careers`, newest
/// first, at most `related_advice` of them.
pub fn advice_for(site: &Site, guide: usize) -> Vec<ArticleCard> {
    if site.config.related_advice == 0 || site.library.articles.is_empty() {
        return Vec::new();
    }
    site.library
        .advice_for(guide, &site.index)
        .into_iter()
        .take(site.config.related_advice)
        .map(|i| card(site, i))
        .collect()
}

/// The heading of a guide's related advice (`advice-for`): "Advice for
/// account managers" from "Account manager", "Consejos: gerente de
/// cuentas" in Spanish. The title is lowercased as it runs in a sentence,
/// except one starting with an acronym ("HR specialist"); `$plural` is
/// that with an "s", for English.
pub fn advice_heading(title: &str, messages: &crate::i18n::Messages) -> String {
    let mut chars = title.chars();
    let first = chars.next();
    let second = chars.next();
    let keep = second.is_some_and(char::is_uppercase);
    let title = match first {
        Some(first) if !keep => first.to_lowercase().chain(title.chars().skip(1)).collect(),
        _ => title.to_string(),
    };
    let plural = format!("{title}s");
    messages.text(
        "advice-for",
        &crate::i18n::Args::new()
            .with("title", title.as_str())
            .with("plural", plural),
    )
}

/// The newest articles for the home page (`home.latest_articles`).
pub fn latest(site: &Site) -> Vec<ArticleCard> {
    site.library
        .newest_articles()
        .into_iter()
        .take(site.config.home.latest_articles)
        .map(|i| card(site, i))
        .collect()
}

/// The first section, which the home page links as "all advice".
pub fn first_section(site: &Site) -> Option<SectionLink> {
    site.library.sections.first().map(|s| SectionLink {
        title: s.title.clone(),
        path: permalink::section(&s.dir),
    })
}

/// A section as other pages link it.
#[derive(Debug, Serialize)]
pub struct SectionLink {
    pub title: String,
    pub path: String,
}

/// Renders a Markdown text of `path` (the file) for a page at `page_path`.
fn render_markdown(
    site: &Site,
    path: &std::path::Path,
    text: &Markdown,
    page_path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let origin = Origin {
        path,
        first_line: Some(text.line),
        field: None,
        field_guide: None,
    };
    let mut ids = PageIds::with_theme_ids(site.templates.ids());
    // Articles and pages quote guides' figures as guide pages do; a guide
    // edit re-renders every page of these kinds (`serve`).
    crate::render::guides::with_markdown_links(site, page_path, path, |links| {
        markdown::render_block(&text.text, links, origin, &mut ids, diagnostics)
    })
}

/// The `@/` link errors in every article, page and section intro.
pub fn link_diagnostics(site: &Site) -> Vec<Diagnostic> {
    let library = &site.library;
    let mut found = Vec::new();
    for article in &library.articles {
        let path = article_path(library, article);
        render_markdown(site, &article.path, &article.body, &path, &mut found);
    }
    for page in &library.pages {
        let path = permalink::page(&page.slug);
        render_markdown(site, &page.path, &page.body, &path, &mut found);
    }
    for section in &library.sections {
        let path = permalink::section(&section.dir);
        render_markdown(site, &section.path, &section.body, &path, &mut found);
    }
    if let Some(home) = &library.home {
        render_markdown(site, &home.path, &home.body, "", &mut found);
    }
    found
}

/// The home page's intro as HTML, when `content/_index.md` has one.
pub fn home_intro_html(site: &Site, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let home = site.library.home.as_ref()?;
    let html = render_markdown(site, &home.path, &home.body, "", diagnostics);
    (!html.trim().is_empty()).then_some(html)
}

fn crumb(name: &str, path: Option<String>) -> Crumb {
    Crumb {
        name: name.to_string(),
        path,
    }
}

/// The JSON-LD `BlogPosting` of an article: headline, author, dates.
fn blog_posting(site: &Site, article: &Article, path: &str) -> Value {
    let config = &site.config;
    let mut posting = json!({
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "description": article.summary,
        "author": { "@type": "Person", "name": article.author },
        "datePublished": article.date.to_string(),
        "dateModified": article.updated.unwrap_or(article.date).to_string(),
        "url": format!("{}{path}", config.base_url),
        "mainEntityOfPage": format!("{}{path}", config.base_url),
        "publisher": { "@type": "Organization", "name": config.title },
        "inLanguage": config.language,
    });
    if !article.topics.is_empty() {
        posting["keywords"] = json!(article.topics.join(", "));
    }
    if let Some(image) = &article.image {
        posting["image"] = json!(format!(
            "{}{}",
            config.base_url,
            crate::render::bundles::image_output(path, image)
        ));
    }
    posting
}

/// The JSON-LD `WebPage` of a standalone page.
fn web_page(site: &Site, page: &StandalonePage, path: &str) -> Value {
    json!({
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.title,
        "description": page.description,
        "url": format!("{}{path}", site.config.base_url),
        "inLanguage": site.config.language,
    })
}

/// An article as its page shows it.
#[derive(Debug, Serialize)]
struct ArticleView {
    #[serde(flatten)]
    card: ArticleCard,
    updated: Option<String>,
    updated_display: Option<String>,
    content_html: String,
    related_careers: Vec<GuideLink>,
    image: Option<crate::render::images::HeroView>,
    section: SectionLink,
    structured_data_html: String,
}

/// A guide as an article links it.
#[derive(Debug, Serialize)]
struct GuideLink {
    title: String,
    path: String,
    summary: String,
}

/// A section's list page.
#[derive(Debug, Serialize)]
struct SectionView {
    title: String,
    description: String,
    path: String,
    intro_html: String,
    /// The section's feed, below the site root; `None` with `feed: false`.
    feed: Option<String>,
    topics_path: Option<String>,
    count: usize,
}

/// Renders the pages at `pages` into `sink`.
pub fn render(
    site: &Site,
    pages: &[KindPage],
    sink: &dyn crate::output::Sink,
) -> crate::site::Rendered {
    render_changed(site, pages, sink, None).0
}

/// A hash of what each output of this module reads, by output path: a
/// page's template context, an image's file name, size and modification
/// time.
pub type Signatures = std::collections::HashMap<String, u64>;

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

/// Renders the pages at `pages` (and the images beside articles) whose
/// signature differs from the one in `previous`, or all of them with
/// `None`, into `sink`. Returns what was rendered, and the signature of
/// every output: an output of `previous` missing from them is no longer
/// made. Link and shortcode errors are found on every page, rendered or not.
pub fn render_changed(
    site: &Site,
    pages: &[KindPage],
    sink: &dyn crate::output::Sink,
    previous: Option<&Signatures>,
) -> (crate::site::Rendered, Signatures) {
    let mut rendered = crate::site::Rendered::default();
    let mut signatures = Signatures::new();
    let unchanged = |output: &str, signature: u64| {
        previous.is_some_and(|previous| previous.get(output) == Some(&signature))
    };
    for &page in pages {
        let mut found = Vec::new();
        let Some((context, output)) = context(site, page, &mut found) else {
            continue;
        };
        // The context is all the page reads besides its template and `site`.
        let signature = hash_of(&format!("{}{context:?}", page.template()));
        let skip = unchanged(&output, signature);
        signatures.insert(output.clone(), signature);
        if !skip
            && crate::site::write_page(site, sink, page.template(), &context, &output, &mut found)
        {
            rendered.pages += 1;
            rendered.files += 1;
        }
        rendered.diagnostics.extend(found);
    }
    // Their images are published with the bundles' files (`render::bundles`).
    (rendered, signatures)
}

/// What the outputs outside this module read of the library, hashed: the
/// facts `serve` compares after an edit of an article or a page to find
/// the guide pages, home page and site files to render again. Keep in
/// step with what those outputs show of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryFacts {
    /// The related advice of each guide page ([`advice_for`]) by output
    /// path, for the guides some article names.
    pub advice: std::collections::HashMap<String, u64>,
    /// The home page's intro, latest articles and advice link.
    pub home: u64,
    /// The sitemap entries and section feeds of this module and the
    /// search records of articles and pages.
    pub site_files: u64,
    /// The menus, which every page shows.
    pub menus: u64,
    /// The path below the site root of each article, page and section, by
    /// content path: what `@/` links to them resolve to.
    pub paths: std::collections::BTreeMap<String, String>,
}

impl LibraryFacts {
    /// The facts of `site` as it is.
    pub fn of(site: &Site) -> Self {
        let library = &site.library;
        let mut named: Vec<usize> = library
            .articles
            .iter()
            .flat_map(|a| &a.related_careers)
            .filter_map(|r| crate::content::kinds::resolve_career(&r.name, &site.index))
            .collect();
        named.sort_unstable();
        named.dedup();
        let advice = named
            .into_iter()
            .map(|g| {
                let cards = serde_json::to_string(&advice_for(site, g)).unwrap_or_default();
                let output = permalink::output(&permalink::guide(&site.guides[g].slug));
                (output, hash_of(&cards))
            })
            .collect();
        let mut ignored = Vec::new();
        let intro = site
            .library
            .home
            .as_ref()
            .map(|h| (&h.title, &h.description));
        let home = serde_json::to_string(&(
            intro,
            home_intro_html(site, &mut ignored),
            latest(site),
            first_section(site),
        ))
        .unwrap_or_default();
        let site_files = serde_json::to_string(&(
            sitemap_urls(site)
                .iter()
                .map(|u| (&u.path, u.lastmod.map(|d| d.to_string())))
                .collect::<Vec<_>>(),
            feeds(site),
            crate::render::search::library_records(library, site.language_messages()),
        ))
        .unwrap_or_default();
        let menus = crate::render::menu::resolve(
            &site.config,
            &site.guides,
            &site.index,
            library,
            &site.root,
        )
        .0;
        let paths = library
            .content_paths()
            .into_iter()
            .filter_map(|cp| library.path_of(&cp).map(|path| (cp, path)))
            .collect();
        LibraryFacts {
            paths,
            advice,
            home: hash_of(&home),
            site_files: hash_of(&site_files),
            menus: hash_of(&serde_json::to_string(&menus).unwrap_or_default()),
        }
    }

    /// The content paths whose address differs between `self` and
    /// `other`, or that only one of them has.
    pub fn moved(&self, other: &LibraryFacts) -> Vec<String> {
        let mut moved: Vec<String> = self
            .paths
            .iter()
            .filter(|(cp, path)| other.paths.get(*cp) != Some(*path))
            .chain(
                other
                    .paths
                    .iter()
                    .filter(|(cp, _)| !self.paths.contains_key(*cp)),
            )
            .map(|(cp, _)| cp.clone())
            .collect();
        moved.sort();
        moved.dedup();
        moved
    }

    /// The guide page outputs whose related advice differs between `self`
    /// and `other`.
    pub fn advice_changed<'a>(&'a self, other: &'a LibraryFacts) -> Vec<&'a str> {
        let mut outputs: Vec<&str> = self
            .advice
            .iter()
            .filter(|(output, hash)| other.advice.get(*output) != Some(hash))
            .chain(
                other
                    .advice
                    .iter()
                    .filter(|(output, _)| !self.advice.contains_key(*output)),
            )
            .map(|(output, _)| output.as_str())
            .collect();
        outputs.sort_unstable();
        outputs.dedup();
        outputs
    }
}

/// The context and output file of `page`.
fn context(site: &Site, page: KindPage, found: &mut Vec<Diagnostic>) -> Option<(Context, String)> {
    let library = &site.library;
    let config = &site.config;
    let path = page.path(library, config);
    let output = permalink::output(&path);
    let mut context = Context::new();
    match page {
        KindPage::Article(i) => {
            let article = &library.articles[i];
            let section = &library.sections[article.section];
            let content_html = render_markdown(site, &article.path, &article.body, &path, found);
            let mut view = PageView::new(
                config,
                "article",
                &article.title,
                &article.summary,
                path.clone(),
            );
            view.breadcrumb = CrumbView::list(
                vec![
                    crate::render::browse::home_crumb(site.language_messages()),
                    crumb(&section.title, Some(permalink::section(&section.dir))),
                    crumb(&article.title, None),
                ],
                &view.root,
            );
            let related_careers = article
                .related_careers
                .iter()
                .filter_map(|r| crate::content::kinds::resolve_career(&r.name, &site.index))
                .map(|g| {
                    let guide = &site.guides[g];
                    GuideLink {
                        title: guide.title.clone(),
                        path: permalink::guide(&guide.slug),
                        summary: guide.summary.clone(),
                    }
                })
                .collect();
            let image = article.image.as_ref().map(|image| {
                let hero = site.images.hero(
                    image,
                    &article.path,
                    &path,
                    &view.root,
                    &config.base_url,
                    found,
                );
                view.set_image(&hero);
                hero
            });
            let structured_data_html =
                structured_data::script_elements(&[blog_posting(site, article, &path)]);
            let article_view = ArticleView {
                card: card(site, i),
                updated: article.updated.map(|d| d.to_string()),
                updated_display: article.updated.map(|d| display_date(site, d)),
                content_html,
                related_careers,
                image,
                section: SectionLink {
                    title: section.title.clone(),
                    path: permalink::section(&section.dir),
                },
                structured_data_html,
            };
            context.insert("page", &view);
            context.insert("article", &article_view);
        }
        KindPage::Page(i) => {
            let standalone = &library.pages[i];
            let content_html =
                render_markdown(site, &standalone.path, &standalone.body, &path, found);
            let mut view = PageView::new(
                config,
                "page",
                &standalone.title,
                &standalone.description,
                path.clone(),
            );
            view.breadcrumb = CrumbView::list(
                vec![
                    crate::render::browse::home_crumb(site.language_messages()),
                    crumb(&standalone.title, None),
                ],
                &view.root,
            );
            context.insert("page", &view);
            context.insert("content_html", &content_html);
            context.insert(
                "structured_data_html",
                &structured_data::script_elements(&[web_page(site, standalone, &path)]),
            );
        }
        KindPage::Section(s, n) => {
            let section = &library.sections[s];
            let pages = section_pages(library, s, config);
            let paginator = pages.view(n);
            let list = library.section_articles(s);
            let intro_html = if n == 1 {
                render_markdown(site, &section.path, &section.body, &path, found)
            } else {
                String::new()
            };
            let messages = site.language_messages();
            let title = crate::render::listings::numbered(messages, &section.title, &paginator);
            let description = if section.description.is_empty() {
                messages.text(
                    "advice-section-description",
                    &crate::i18n::Args::new().with("section", section.title.as_str()),
                )
            } else {
                section.description.clone()
            };
            let description =
                crate::render::listings::numbered_description(messages, &description, &paginator);
            let mut view = PageView::new(config, "section", &title, &description, path.clone());
            let mut crumbs = vec![crate::render::browse::home_crumb(site.language_messages())];
            crumbs.extend(crate::render::listings::list_crumbs(
                messages,
                &section.title,
                &paginator,
            ));
            view.breadcrumb = CrumbView::list(crumbs, &view.root);
            let cards: Vec<ArticleCard> = pages
                .slice(&list, n)
                .iter()
                .map(|&i| card(site, i))
                .collect();
            let topics = topics(library, s);
            let section_view = SectionView {
                title: section.title.clone(),
                description: section.description.clone(),
                path: permalink::section(&section.dir),
                intro_html,
                feed: section.feed.then(|| permalink::section_feed(&section.dir)),
                topics_path: (!topics.is_empty() && site.templates.has("topics.html"))
                    .then(|| permalink::topics(&section.dir)),
                count: list.len(),
            };
            context.insert("page", &view);
            context.insert("section", &section_view);
            context.insert("articles", &cards);
            context.insert("paginator", &paginator);
        }
        KindPage::Topics(s) => {
            let section = &library.sections[s];
            let messages = site.language_messages();
            let args = crate::i18n::Args::new().with("section", section.title.as_str());
            let title = messages.text("advice-topics-title", &args);
            let description = messages.text("advice-topics-description", &args);
            let mut view = PageView::new(config, "topics", &title, &description, path.clone());
            view.breadcrumb = CrumbView::list(
                vec![
                    crate::render::browse::home_crumb(site.language_messages()),
                    crumb(&section.title, Some(permalink::section(&section.dir))),
                    crumb(&messages.plain("advice-topics"), None),
                ],
                &view.root,
            );
            let links: Vec<TopicLink> = topics(library, s)
                .into_iter()
                .map(|(name, list)| TopicLink {
                    path: permalink::topic(&section.dir, &name),
                    name,
                    count: list.len(),
                })
                .collect();
            context.insert("page", &view);
            context.insert(
                "section",
                &SectionLink {
                    title: section.title.clone(),
                    path: permalink::section(&section.dir),
                },
            );
            context.insert("topics", &links);
        }
        KindPage::Topic(s, t, n) => {
            let section = &library.sections[s];
            let topics = topics(library, s);
            let (name, list) = topics.get(t)?;
            let pages = topic_pages(library, s, t, config);
            let paginator = pages.view(n);
            let messages = site.language_messages();
            let title = crate::render::listings::numbered(messages, name, &paginator);
            let description = crate::render::listings::numbered_description(
                messages,
                &messages.text(
                    "advice-topic-description",
                    &crate::i18n::Args::new()
                        .with("section", section.title.as_str())
                        .with("topic", name.as_str()),
                ),
                &paginator,
            );
            let mut view = PageView::new(config, "topic", &title, &description, path.clone());
            let mut crumbs = vec![
                crate::render::browse::home_crumb(site.language_messages()),
                crumb(&section.title, Some(permalink::section(&section.dir))),
                crumb(
                    &site.language_messages().plain("advice-topics"),
                    Some(permalink::topics(&section.dir)),
                ),
            ];
            crumbs.extend(crate::render::listings::list_crumbs(
                messages, name, &paginator,
            ));
            view.breadcrumb = CrumbView::list(crumbs, &view.root);
            let cards: Vec<ArticleCard> = pages
                .slice(list, n)
                .iter()
                .map(|&i| card(site, i))
                .collect();
            context.insert("page", &view);
            context.insert(
                "topic",
                &TopicLink {
                    name: name.clone(),
                    path: permalink::topic(&section.dir, name),
                    count: list.len(),
                },
            );
            context.insert(
                "section",
                &SectionLink {
                    title: section.title.clone(),
                    path: permalink::section(&section.dir),
                },
            );
            context.insert("articles", &cards);
            context.insert("paginator", &paginator);
        }
    }
    Some((context, output))
}

/// Each section's Atom feed, by output path.
pub fn feeds(site: &Site) -> Vec<(String, String)> {
    let library = &site.library;
    library
        .sections
        .iter()
        .enumerate()
        .filter(|(_, section)| section.feed)
        .map(|(s, section)| {
            let entries: Vec<FeedEntry<'_>> = library
                .section_articles(s)
                .into_iter()
                .map(|i| {
                    let article = &library.articles[i];
                    FeedEntry {
                        title: &article.title,
                        path: article_path(library, article),
                        summary: &article.summary,
                        updated: article.updated.unwrap_or(article.date),
                        category: None,
                    }
                })
                .collect();
            let feed_path = permalink::section_feed(&section.dir);
            let feed = site_files::atom_feed_at(
                &site.config,
                &section.title,
                &permalink::section(&section.dir),
                &feed_path,
                &entries,
                site.config.feed_limit,
                crate::clock::today_or_machine(),
            );
            (feed_path, feed)
        })
        .collect()
}

/// The sitemap entries of every page here, with the date each last changed.
pub fn sitemap_urls(site: &Site) -> Vec<SitemapUrl> {
    let library = &site.library;
    let changed = |a: &Article| Some(a.updated.unwrap_or(a.date));
    let mut urls = Vec::new();
    for page in pages(site) {
        let lastmod = match page {
            KindPage::Article(i) => changed(&library.articles[i]),
            KindPage::Page(_) => None,
            KindPage::Section(s, _) | KindPage::Topics(s) => library
                .section_articles(s)
                .into_iter()
                .filter_map(|i| changed(&library.articles[i]))
                .max(),
            KindPage::Topic(s, t, _) => topics(library, s).get(t).and_then(|(_, list)| {
                list.iter()
                    .filter_map(|&i| changed(&library.articles[i]))
                    .max()
            }),
        };
        urls.push(SitemapUrl {
            path: page.path(library, &site.config),
            lastmod,
        });
    }
    urls
}
