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
    /// the order written, then the pages' by label.
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
            let item = MenuItem {
                label: entry.label.clone(),
                url: format!("{}{path}", self.config.base_url),
                link: Some(path.clone()),
                path: Some(path),
                external: false,
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
        let (path, fragment) = match self.path(&entry.target) {
            Ok(found) => found,
            Err(()) => {
                errors.push(entry.unknown.clone());
                (None, None)
            }
        };
        let link = path.as_ref().map(|p| match &fragment {
            Some(f) => format!("{p}#{f}"),
            None => p.clone(),
        });
        let url = match &link {
            Some(link) => format!("{}{link}", self.config.base_url),
            None => entry.target.clone(),
        };
        MenuItem {
            label: entry.label.clone(),
            path,
            external: link.is_none(),
            link,
            url,
            children,
        }
    }

    /// The path below the site root a target names, with its fragment;
    /// `(None, None)` for an external URL, `Err` when it names nothing.
    #[allow(clippy::type_complexity)]
    fn path(&self, target: &str) -> Result<(Option<String>, Option<String>), ()> {
        let (local, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment.to_string())),
            None => (target, None),
        };
        if let Some(file) = local.strip_prefix("@/") {
            let path = if file.is_empty() || file == "_index.md" {
                String::new()
            } else if let Some(i) = self.index.by_content_path(file) {
                crate::permalink::guide(&self.guides[i].slug)
            } else if let Some(path) = self.library.path_of(file) {
                path
            } else if !file.ends_with(".md")
                && super::markdown::linked_file(self.site_root, file) == Some("static")
            {
                file.to_string()
            } else {
                return Err(());
            };
            return Ok((Some(path), fragment));
        }
        if let Some(path) = local.strip_prefix('/') {
            return if self.is_list_page(path) {
                Ok((Some(path.to_string()), fragment))
            } else {
                Err(())
            };
        }
        Ok((None, None))
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
