//! The site's menus as templates see them (`site.menus`): the entries of
//! `config.yaml`, each target resolved to the page or file it names (or
//! reported, placed in `config.yaml`, when it names nothing the build
//! publishes), merged with the pages whose front matter asks for an entry
//! (`menu:`).

use serde::Serialize;

use super::browse::{self, Grouping};
use crate::config::{MenuEntry, SiteConfig};
use crate::content::guide::Guide;
use crate::content::index::GuideIndex;
use crate::content::kinds::Library;
use crate::diagnostics::Diagnostic;

/// `site.menus`: the `main` and `footer` menus, in display order.
#[derive(Debug, Default, Serialize)]
pub struct MenusView {
    pub main: Vec<MenuItem>,
    pub footer: Vec<MenuItem>,
    /// Whether `config.yaml` gives no `menus.main`: the default theme's
    /// header then shows its usual links (Home, All careers …) and `main`
    /// after them, which holds only the pages' entries.
    pub usual_links: bool,
}

/// One entry of a menu.
#[derive(Debug, Serialize)]
pub struct MenuItem {
    pub label: String,
    /// The page's path below the site root, as `page.path` gives it
    /// (`account-manager/`, `""` for home); `None` for an external URL.
    /// The entry is the current page where the two are equal.
    pub path: Option<String>,
    /// `path` with the target's `#fragment`: link it as `page.root` + `link`.
    pub link: Option<String>,
    /// The absolute URL.
    pub url: String,
    /// Whether the target is another site's URL (or `mailto:`).
    pub external: bool,
    /// Whether the target is a file of `static/`, published once at the
    /// site's root rather than below each language's folder: link it as
    /// `page.site_root` + `link`.
    pub site_file: bool,
    pub children: Vec<MenuItem>,
}

/// What resolving found: the menus, and an error for each target that
/// names nothing. The pages' entries come from `library`, so a language's
/// menus carry its translations' labels.
pub fn resolve(
    config: &SiteConfig,
    guides: &[Guide],
    index: &GuideIndex,
    library: &Library,
    site_root: &std::path::Path,
) -> (MenusView, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let resolver = Resolver {
        config,
        guides,
        index,
        library,
        site_root,
    };
    let view = MenusView {
        main: resolver.menu("main", &config.menus.main, &mut errors),
        footer: resolver.menu("footer", &config.menus.footer, &mut errors),
        usual_links: config.menus.main.is_empty(),
    };
    (view, errors)
}

/// What a menu target names (see `Resolver::target`).
#[derive(Default)]
struct Target {
    path: Option<String>,
    fragment: Option<String>,
    site_file: bool,
}

impl MenuItem {
    /// Whether this entry or one of its children links to `path`.
    fn leads_to(&self, path: &str) -> bool {
        self.path.as_deref() == Some(path) || self.children.iter().any(|c| c.leads_to(path))
    }
}

/// An entry with its place in a menu: its weight, then `None` for the
/// config's entries or the page's label and content path.
type Weighted<'a> = (i64, Option<(String, &'a str)>, MenuItem);

struct Resolver<'a> {
    config: &'a SiteConfig,
    guides: &'a [Guide],
    index: &'a GuideIndex,
    /// Articles, pages and sections, which `@/` targets may name too.
    library: &'a Library,
    site_root: &'a std::path::Path,
}

impl Resolver<'_> {
    /// The menu `name`: the config's `entries` and the pages whose `menu:`
    /// names it, by weight; at equal weight the config's entries first, in
    /// the order written, then the pages' by label. A page the config's
    /// entries already lead to (at any depth) is not added again.
    fn menu(
        &self,
        name: &str,
        entries: &[MenuEntry],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<MenuItem> {
        // `None` sorts before any page's label: the config's entries keep
        // their order (the sort is stable).
        let mut weighted: Vec<Weighted<'_>> = entries
            .iter()
            .map(|e| (e.weight, None, self.item(e, errors)))
            .collect();
        for page in &self.library.pages {
            let Some(entry) = page.menu.as_ref().filter(|m| m.menu == name) else {
                continue;
            };
            let path = crate::permalink::page(&page.slug);
            if weighted.iter().any(|(_, _, item)| item.leads_to(&path)) {
                continue;
            }
            let item = MenuItem {
                label: entry.label.clone(),
                url: format!("{}{path}", self.config.base_url),
                link: Some(path.clone()),
                path: Some(path),
                external: false,
                site_file: false,
                children: Vec::new(),
            };
            let key = (entry.label.to_lowercase(), page.content_path.as_str());
            weighted.push((entry.weight, Some(key), item));
        }
        weighted.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        weighted.into_iter().map(|(_, _, item)| item).collect()
    }

    fn item(&self, entry: &MenuEntry, errors: &mut Vec<Diagnostic>) -> MenuItem {
        let children = entry
            .children
            .iter()
            .map(|c| self.item(c, errors))
            .collect();
        let Target {
            path,
            fragment,
            site_file,
        } = self.target(&entry.target).unwrap_or_else(|()| {
            errors.push(entry.unknown.clone());
            Target::default()
        });
        let link = path.as_ref().map(|p| match &fragment {
            Some(f) => format!("{p}#{f}"),
            None => p.clone(),
        });
        let base_url = if site_file {
            self.config.site_base_url()
        } else {
            &self.config.base_url
        };
        let url = match &link {
            Some(link) => format!("{base_url}{link}"),
            None => entry.target.clone(),
        };
        MenuItem {
            label: entry.label.clone(),
            path,
            external: link.is_none(),
            site_file,
            link,
            url,
            children,
        }
    }

    /// What a target names: a path below the language's root (or, for a
    /// static file, the site's root) with its fragment; no path for an
    /// external URL; `Err` when it names nothing.
    fn target(&self, target: &str) -> Result<Target, ()> {
        let (local, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment.to_string())),
            None => (target, None),
        };
        if let Some(file) = local.strip_prefix("@/") {
            let mut site_file = false;
            let path = if file.is_empty() || file == "_index.md" {
                String::new()
            } else if let Some(i) = self.index.by_content_path(file) {
                crate::permalink::guide(&self.guides[i].slug)
            } else if let Some(path) = self.library.path_of(file) {
                path
            } else if !file.ends_with(".md")
                && super::markdown::linked_file(self.site_root, file) == Some("static")
            {
                site_file = true;
                file.to_string()
            } else {
                return Err(());
            };
            return Ok(Target {
                path: Some(path),
                fragment,
                site_file,
            });
        }
        if let Some(path) = local.strip_prefix('/') {
            return if self.is_list_page(path) {
                Ok(Target {
                    path: Some(path.to_string()),
                    fragment,
                    site_file: false,
                })
            } else {
                Err(())
            };
        }
        Ok(Target::default())
    }

    /// Whether `path` is one of the site's own list pages (`all-careers/`,
    /// `categories/`, `categories/sales/`), or home (`""`).
    fn is_list_page(&self, path: &str) -> bool {
        let fixed = [
            "",
            browse::ALL_CAREERS_PATH,
            browse::COMPARE_PATH,
            browse::SEARCH_PATH,
        ];
        fixed.contains(&path)
            || Grouping::ALL.iter().any(|g| g.path() == path)
            || self
                .config
                .categories
                .iter()
                .any(|c| path == format!("{}{}/", Grouping::Category.path(), c.key))
    }
}
