//! Browsing: guides grouped by category (from config), industry and typical
//! education level, each group a page with an index page per grouping, the
//! breadcrumb of each guide, and the paths the site's own pages take.
//!
//! URLs, below the site root:
//!
//! | page | path |
//! |---|---|
//! | categories, one per category | `categories/`, `categories/<key>/` |
//! | industries, one per industry | `industries/`, `industries/<slugified name>/` |
//! | education levels | `education/`, `education/<level, dashed>/` (`education/bachelors/`) |
//! | every guide in one table | `all-careers/` |
//! | side-by-side comparison | `compare/` |
//! | search results | `search/` |
//!
//! Guides live at `<slug>/`, so a guide may not take one of these first
//! segments as its slug: [`crate::permalink::reserved_slug`] says which.

use std::collections::BTreeMap;

use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::permalink::slugify;

/// Paths of the site's own pages, below the site root.
pub const ALL_CAREERS_PATH: &str = "all-careers/";
pub const COMPARE_PATH: &str = "compare/";
pub const SEARCH_PATH: &str = "search/";

/// A way of grouping guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grouping {
    Category,
    Industry,
    Education,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Category, Grouping::Industry, Grouping::Education];

    /// `categories`, `industries` or `education`: the first path segment.
    pub fn key(self) -> &'static str {
        match self {
            Grouping::Category => "categories",
            Grouping::Industry => crate::permalink::INDUSTRIES_SEGMENT,
            Grouping::Education => "education",
        }
    }

    /// The index page's path: `categories/`.
    pub fn path(self) -> String {
        format!("{}/", self.key())
    }

    /// The index page's heading in the language of `messages`
    /// (`browse-by-category`: "Careers by category").
    pub fn title(self, messages: &crate::i18n::Messages) -> String {
        messages.plain(match self {
            Grouping::Category => "browse-by-category",
            Grouping::Industry => "browse-by-industry",
            Grouping::Education => "browse-by-education",
        })
    }
}

/// One group of guides: a category, an industry or an education level.
#[derive(Debug, Clone)]
pub struct Group {
    pub grouping: Grouping,
    /// The last path segment: `sales`, `finance`, `bachelors`.
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    /// Positions in the guide list, sorted by title.
    pub guides: Vec<usize>,
}

impl Group {
    /// Below the site root: `categories/sales/`.
    pub fn path(&self) -> String {
        format!("{}/{}/", self.grouping.key(), self.key)
    }
}

/// The non-empty groups of `grouping`: categories in config order,
/// industries by name, education levels from the least to the most
/// schooling (`varies` last).
///
/// Education levels are labelled by `messages` (English when `None`).
pub fn groups(
    grouping: Grouping,
    guides: &[Guide],
    config: &SiteConfig,
    messages: &crate::i18n::Messages,
) -> Vec<Group> {
    let mut order: Vec<usize> = (0..guides.len()).collect();
    order.sort_by_cached_key(|&i| (guides[i].title.to_lowercase(), guides[i].slug.clone()));
    let groups = match grouping {
        Grouping::Category => config
            .categories
            .iter()
            .map(|c| Group {
                grouping,
                key: c.key.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                guides: order
                    .iter()
                    .copied()
                    .filter(|&i| guides[i].category.as_deref() == Some(c.key.as_str()))
                    .collect(),
            })
            .collect::<Vec<_>>(),
        Grouping::Industry => {
            let mut by_key: BTreeMap<String, Group> = BTreeMap::new();
            for &i in &order {
                for industry in &guides[i].industries {
                    let key = slugify(industry);
                    if key.is_empty() {
                        continue;
                    }
                    let group = by_key.entry(key.clone()).or_insert_with(|| Group {
                        grouping,
                        key,
                        name: config.industry_name(industry).trim().to_string(),
                        description: None,
                        guides: Vec::new(),
                    });
                    if group.guides.last() != Some(&i) {
                        group.guides.push(i);
                    }
                }
            }
            let mut list: Vec<Group> = by_key.into_values().collect();
            let style = super::format::NumberStyle::for_language(&config.language);
            list.sort_by(|a, b| {
                style
                    .collate(&a.name, &b.name)
                    .then_with(|| a.key.cmp(&b.key))
            });
            list
        }
        Grouping::Education => config
            .education_levels
            .all()
            .map(|level| Group {
                grouping,
                key: config.education_levels.slug(level),
                name: super::context::Formatter::new(config)
                    .with_messages(messages)
                    .education(level)
                    .label,
                description: None,
                guides: order
                    .iter()
                    .copied()
                    .filter(|&i| guides[i].requirements.education == Some(level))
                    .collect(),
            })
            .collect(),
    };
    groups
        .into_iter()
        .filter(|g| !g.guides.is_empty())
        .collect()
}

/// One step of a breadcrumb.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Crumb {
    pub name: String,
    /// Below the site root; `None` for the current page.
    pub path: Option<String>,
}

/// A guide's breadcrumb: Home › its category (or All careers) › the guide.
pub fn guide_breadcrumb(
    guide: &Guide,
    config: &SiteConfig,
    browse_pages: bool,
    messages: &crate::i18n::Messages,
) -> Vec<Crumb> {
    let category = guide.category.as_deref().and_then(|k| config.category(k));
    // A theme without browse pages gets All careers in the middle.
    let middle = match category.filter(|_| browse_pages) {
        Some(category) => Crumb {
            name: category.name.clone(),
            path: Some(format!("{}/{}/", Grouping::Category.key(), category.key)),
        },
        None => Crumb {
            name: messages.plain("nav-all-careers"),
            path: Some(ALL_CAREERS_PATH.to_string()),
        },
    };
    vec![
        home_crumb(messages),
        middle,
        Crumb {
            name: guide.title.clone(),
            path: None,
        },
    ]
}

/// The first step of every breadcrumb: the home page, named in the
/// language of `messages` (`nav-home`).
pub fn home_crumb(messages: &crate::i18n::Messages) -> Crumb {
    Crumb {
        name: messages.plain("nav-home"),
        path: Some(String::new()),
    }
}

/// A group page's breadcrumb: Home › the grouping's index › the group.
pub fn group_breadcrumb(group: &Group, messages: &crate::i18n::Messages) -> Vec<Crumb> {
    vec![
        home_crumb(messages),
        Crumb {
            name: group.grouping.title(messages),
            path: Some(group.grouping.path()),
        },
        Crumb {
            name: group.name.clone(),
            path: None,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permalink::reserved_slug;
    use crate::render::test_guides::{config, minimal};

    fn guides() -> Vec<Guide> {
        vec![
            minimal(
                "sales-manager",
                "Sales manager",
                "category: sales\nindustries: [Finance, Retail trade]\nrequirements: { education: bachelors }",
            ),
            minimal(
                "account-manager",
                "Account manager",
                "category: sales\nindustries: [finance]\nrequirements: { education: bachelors }",
            ),
            minimal(
                "cashier",
                "Cashier",
                "industries: [Retail trade]\nrequirements: { education: no_formal_credential }",
            ),
        ]
    }

    fn english() -> crate::i18n::Messages {
        crate::i18n::Catalog::builtin("en").messages("en").clone()
    }

    fn names(guides: &[Guide], group: &Group) -> Vec<String> {
        group
            .guides
            .iter()
            .map(|&i| guides[i].title.clone())
            .collect()
    }

    #[test]
    fn categories_follow_config_and_skip_empty_ones() {
        let guides = guides();
        let groups = groups(
            Grouping::Category,
            &guides,
            &config(),
            &crate::i18n::builtin_messages("en"),
        );
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].path(), "categories/sales/");
        assert_eq!(
            names(&guides, &groups[0]),
            ["Account manager", "Sales manager"]
        );
    }

    #[test]
    fn industries_group_by_slug_ignoring_case() {
        let guides = guides();
        let groups = groups(
            Grouping::Industry,
            &guides,
            &config(),
            &crate::i18n::builtin_messages("en"),
        );
        let keys: Vec<_> = groups.iter().map(|g| g.path()).collect();
        assert_eq!(keys, ["industries/finance/", "industries/retail-trade/"]);
        assert_eq!(
            names(&guides, &groups[0]),
            ["Account manager", "Sales manager"]
        );
        assert_eq!(groups[1].name, "Retail trade");
    }

    #[test]
    fn two_spellings_of_one_industry_slug_are_a_warning() {
        let guides = vec![
            minimal("a", "A", "industries: [Food & drink, Finance]"),
            minimal("b", "B", "industries: [Food drink, finance]"),
            minimal("c", "C", "industries: [food DRINK, '&']"),
        ];
        let warnings: Vec<String> = crate::content::validate::spelling_collisions(&guides)
            .iter()
            .map(|d| d.headline())
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:#?}");
        assert!(warnings[0].contains(
            "content/b.md:5:14: warning: industries, item 1: expected one spelling per industry, found \"Food drink\" here and \"Food & drink\" in `content/a.md`, which share the page industries/food-drink/"
        ), "{warnings:#?}");
        assert!(
            warnings[1].contains(
                "industries, item 2: expected an industry name with a letter or digit, found \"&\""
            ),
            "{warnings:#?}"
        );
    }

    #[test]
    fn education_levels_run_from_least_schooling() {
        let guides = guides();
        let groups = groups(
            Grouping::Education,
            &guides,
            &config(),
            &crate::i18n::builtin_messages("en"),
        );
        let paths: Vec<_> = groups.iter().map(|g| g.path()).collect();
        assert_eq!(
            paths,
            ["education/no-formal-credential/", "education/bachelors/"]
        );
        assert_eq!(groups[1].name, "Bachelor's degree");
    }

    #[test]
    fn breadcrumbs_lead_home_through_the_category() {
        let guides = guides();
        let config = config();
        let crumbs = guide_breadcrumb(&guides[0], &config, true, &english());
        assert_eq!(crumbs[1].name, "Sales");
        assert_eq!(crumbs[1].path.as_deref(), Some("categories/sales/"));
        assert_eq!(crumbs[2].path, None);
        let no_category = guide_breadcrumb(&guides[2], &config, true, &english());
        assert_eq!(no_category[1].path.as_deref(), Some("all-careers/"));
        // A theme without browse pages: All careers stands in the middle.
        let no_browse = guide_breadcrumb(&guides[0], &config, false, &english());
        assert_eq!(no_browse[1].path.as_deref(), Some("all-careers/"));
        assert_eq!(no_browse[1].name, "All careers");
        // In the page's language.
        let spanish = crate::i18n::Catalog::builtin("es").messages("es").clone();
        let crumbs_es = guide_breadcrumb(&guides[0], &config, false, &spanish);
        assert_eq!(crumbs_es[0].name, "Inicio");
        assert_eq!(crumbs_es[1].name, "Todas las carreras");
        let group = &groups(
            Grouping::Industry,
            &guides,
            &config,
            &crate::i18n::builtin_messages("en"),
        )[0];
        assert_eq!(
            group_breadcrumb(group, &crate::i18n::builtin_messages("en"))[1]
                .path
                .as_deref(),
            Some("industries/")
        );
    }

    #[test]
    fn site_pages_reserve_their_slugs() {
        assert!(reserved_slug("search"));
        assert!(reserved_slug("all-careers"));
        assert!(!reserved_slug("account-manager"));
        for path in [ALL_CAREERS_PATH, COMPARE_PATH, SEARCH_PATH] {
            assert!(reserved_slug(path.trim_end_matches('/')));
        }
        for grouping in Grouping::ALL {
            assert!(reserved_slug(grouping.key()));
        }
    }
}
