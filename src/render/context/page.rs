//! What every template sees as `site` and `page`: the site's settings
//! and the page's place, title and breadcrumb.

use serde::Serialize;

use crate::config::SiteConfig;

/// What every template sees as `site`.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub currency: &'a str,
    pub country: &'a str,
    pub categories: &'a [crate::config::Category],
    pub author: Option<&'a crate::config::Author>,
    pub footer: Option<&'a str>,
    pub extra: &'a serde_json::Value,
    pub generator: String,
    /// `menus` from config, resolved ([`crate::render::menu::resolve`]).
    pub menus: crate::render::menu::MenusView,
}

impl<'a> SiteView<'a> {
    pub fn new(config: &'a SiteConfig) -> Self {
        SiteView {
            title: &config.title,
            base_url: &config.base_url,
            base_path: &config.base_path,
            description: &config.description,
            language: &config.language,
            currency: &config.currency,
            country: &config.country,
            categories: &config.categories,
            author: config.author.as_ref(),
            footer: config.footer.as_deref(),
            extra: &config.extra,
            generator: format!("careergen {}", env!("CARGO_PKG_VERSION")),
            menus: crate::render::menu::MenusView::default(),
        }
    }
}

/// What every template sees as `page`.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// `home`, `guide` or `404`.
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    /// The page's path below the site root (`account-manager/`; empty for home).
    pub path: String,
    /// The absolute URL (`https://example.org/account-manager/`).
    pub permalink: String,
    /// The relative way from this page to its language's root (`../`),
    /// for links; the site's root in a site of one language.
    pub root: String,
    /// The relative way from this page to the site's root, where the
    /// static files are: `root` but in another language's folder.
    pub site_root: String,
    /// The way from the home page to this one; empty on the home page.
    pub breadcrumb: Vec<CrumbView>,
    /// The absolute URL of the page's image and its alt text, for
    /// `og:image` and `twitter:image`; `None` without one.
    pub image: Option<String>,
    pub image_alt: Option<String>,
}

/// One step of a breadcrumb.
#[derive(Serialize)]
pub struct CrumbView {
    pub name: String,
    /// Relative to the page; `None` for the page itself.
    pub href: Option<String>,
}

impl CrumbView {
    /// The crumbs of `crumbs` as seen from a page whose way to the root is `root`.
    pub fn list(crumbs: Vec<crate::render::browse::Crumb>, root: &str) -> Vec<CrumbView> {
        crumbs
            .into_iter()
            .map(|c| CrumbView {
                name: c.name,
                href: c.path.map(|path| match format!("{root}{path}") {
                    href if href.is_empty() => "./".to_string(),
                    href => href,
                }),
            })
            .collect()
    }
}

impl<'a> PageView<'a> {
    pub fn new(
        config: &SiteConfig,
        kind: &'a str,
        title: &'a str,
        description: &'a str,
        path: String,
    ) -> Self {
        let depth = path.matches('/').count();
        PageView {
            kind,
            title,
            description,
            permalink: format!("{}{path}", config.base_url),
            root: "../".repeat(depth),
            site_root: "../".repeat(depth + config.lang_prefix.matches('/').count()),
            path,
            breadcrumb: Vec::new(),
            image: None,
            image_alt: None,
        }
    }

    /// Names `hero` as the page's image for other sites (`og:image`).
    pub fn set_image(&mut self, hero: &crate::render::images::HeroView) {
        self.image = Some(hero.url.clone());
        self.image_alt = Some(hero.alt.clone());
    }
}
