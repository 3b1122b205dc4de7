//! The site's other languages (`languages:`) and what an untranslated
//! guide does in them (`untranslated:`).

use serde_yaml::Value;

use super::{Category, Menus, SiteConfig};
use crate::yaml::{self, Reader};

/// The keys of one language under `languages:`.
pub const LANGUAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "footer",
    "author",
    "menus",
    "categories",
    "industries",
];

/// One language besides the default (`languages: { es: {…} }`): its tag
/// and the site text given in it. What it leaves out is the default
/// language's.
#[derive(Debug, Clone)]
pub struct Language {
    /// A BCP 47 tag (`es`, `pt-BR`).
    pub tag: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub footer: Option<String>,
    /// Who the language's pages credit; the default language's email
    /// and URL where it gives none.
    pub author: Option<super::Author>,
    pub menus: Option<Menus>,
    /// Category names and descriptions in this language, by key.
    pub categories: Vec<Category>,
    /// Industry names in this language, by the slug of the industry as
    /// guides write it (`manufacturing` for `Manufacturing`), with the key
    /// as written in config.
    pub industries: Vec<IndustryName>,
}

/// One industry's name in a language (`languages: es: industries:`).
#[derive(Debug, Clone)]
pub struct IndustryName {
    /// The slug of the industry's browse page (`wholesale-trade`).
    pub slug: String,
    /// The key as written (`Wholesale trade` or `wholesale-trade`).
    pub key: String,
    pub name: String,
}

impl Language {
    /// The folder the language's pages are written to, and the first
    /// segment of their URLs: the tag in lower case, ending in `/` (`es/`).
    pub fn prefix(&self) -> String {
        prefix_of(&self.tag)
    }
}

/// The URL folder of the language tagged `tag` (`pt-BR` → `pt-br/`).
pub fn prefix_of(tag: &str) -> String {
    format!("{}/", tag.to_ascii_lowercase())
}

/// Whether a guide with no translation into a language is published in it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Untranslated {
    /// Left out of that language: its pages, lists, search and feed hold
    /// only text in that language.
    #[default]
    Omit,
    /// Published in that language in the default one, its text marked
    /// with the default language's `lang`.
    Fallback,
}

impl Untranslated {
    pub const NAMES: &'static [&'static str] = &["omit", "fallback"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "omit" => Some(Untranslated::Omit),
            "fallback" => Some(Untranslated::Fallback),
            _ => None,
        }
    }
}

/// Reads `languages:`; `default` is the site's own `language`.
pub fn read_languages(r: &mut Reader<'_>, root: &yaml::Map<'_>, default: &str) -> Vec<Language> {
    let Some(map) = r.keyed_mapping(
        &root.at("languages"),
        "a mapping of language tags such as `es: { title: … }`",
    ) else {
        return Vec::new();
    };
    let mut languages: Vec<Language> = Vec::new();
    for (key, value) in map {
        let Some(tag) = key.as_str() else { continue };
        let field = format!("languages.{tag}");
        if !super::is_language_tag(tag) {
            r.error(
                &field,
                format!("expected a language tag such as `es` or `fr-CA`, found {tag:?}"),
            );
            continue;
        }
        if tag == default {
            r.error(
                &field,
                format!(
                    "expected only the site's other languages, found `{tag}`, which is `language`, the default one"
                ),
            );
            continue;
        }
        if let Some(other) = languages.iter().find(|l| l.prefix() == prefix_of(tag)) {
            r.error(
                &field,
                format!(
                    "expected each language once, found `{tag}` beside `{}`: both would be published under `/{}`",
                    other.tag,
                    other.prefix()
                ),
            );
            continue;
        }
        let empty = Value::Mapping(Default::default());
        let value = if value.is_null() { &empty } else { value };
        let Some(entry) = r.mapping(value, &field, LANGUAGE_KEYS) else {
            continue;
        };
        let menus = entry
            .at("menus")
            .value
            .is_some()
            .then(|| super::read_menus(r, &entry));
        let categories = super::read_categories(r, &entry);
        let industries = read_industries(r, &entry);
        let author = super::read_author(r, &entry);
        languages.push(Language {
            tag: tag.to_string(),
            title: r.opt_string(&entry.at("title")),
            description: r.opt_string(&entry.at("description")),
            footer: r.opt_string(&entry.at("footer")),
            author,
            menus,
            categories,
            industries,
        });
    }
    languages
}

/// Reads a language's `industries:`, industry by industry: `Manufacturing:
/// { name: Fabricación }`, the key written as guides write the industry or
/// as its page's slug (`wholesale-trade`); both name the same industry.
fn read_industries(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Vec<IndustryName> {
    let slot = root.at("industries");
    let Some(map) = r.keyed_mapping(
        &slot,
        "a mapping of industries such as `Manufacturing: { name: … }`",
    ) else {
        return Vec::new();
    };
    let mut industries: Vec<IndustryName> = Vec::new();
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        let field = format!("{}.{key}", slot.field);
        let slug = crate::permalink::slugify(key);
        if slug.is_empty() {
            r.error(
                &field,
                format!("expected an industry name with a letter or digit, found {key:?}"),
            );
            continue;
        }
        if let Some(other) = industries.iter().find(|i| i.slug == slug) {
            r.error(
                &field,
                format!(
                    "expected each industry once, found {key:?} beside {:?}: both name the industry of the page industries/{slug}/",
                    other.key
                ),
            );
            continue;
        }
        let Some(entry) = r.mapping(value, &field, &["name"]) else {
            continue;
        };
        if let Some(name) = r.req_string(&entry.at("name")) {
            industries.push(IndustryName {
                slug,
                key: key.to_string(),
                name,
            });
        }
    }
    industries
}

/// Reads `untranslated:` (default `omit`).
pub fn read_untranslated(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Untranslated {
    r.opt_enum(&root.at("untranslated"), Untranslated::NAMES)
        .and_then(Untranslated::from_name)
        .unwrap_or_default()
}

/// An error for each category a language names that `categories` lacks.
pub fn check_categories(r: &mut Reader<'_>, config: &SiteConfig) {
    for language in &config.languages {
        for category in &language.categories {
            if config.category(&category.key).is_none() {
                r.error(
                    &format!("languages.{}.categories.{}", language.tag, category.key),
                    format!(
                        "expected a key of the site's `categories`, found `{}`",
                        category.key
                    ),
                );
            }
        }
    }
}

impl SiteConfig {
    /// Whether the site is published in more than one language.
    pub fn is_multilingual(&self) -> bool {
        !self.languages.is_empty()
    }

    /// The config as the pages of `language` see it: its tag, text and
    /// menus, and a base URL ending in its folder (`…/es/`), so that every
    /// page, feed and search index of the language lives below it.
    pub fn for_language(&self, language: &Language) -> SiteConfig {
        let mut config = self.clone();
        let prefix = language.prefix();
        config.language = language.tag.clone();
        config.base_url = format!("{}{prefix}", self.base_url);
        config.base_path = format!("{}{prefix}", self.base_path);
        config.lang_prefix = prefix;
        if let Some(title) = &language.title {
            config.title = title.clone();
        }
        if let Some(description) = &language.description {
            config.description = description.clone();
        }
        if let Some(footer) = &language.footer {
            config.footer = Some(footer.clone());
        }
        if let Some(own) = &language.author {
            let default = self.author.as_ref();
            config.author = Some(super::Author {
                name: own.name.clone(),
                email: own
                    .email
                    .clone()
                    .or_else(|| default.and_then(|a| a.email.clone())),
                url: own
                    .url
                    .clone()
                    .or_else(|| default.and_then(|a| a.url.clone())),
            });
        }
        if let Some(menus) = &language.menus {
            config.menus = menus.clone();
        }
        for category in &mut config.categories {
            if let Some(own) = language.categories.iter().find(|c| c.key == category.key) {
                category.name = own.name.clone();
                if own.description.is_some() {
                    category.description = own.description.clone();
                }
            }
        }
        config.industry_names = language
            .industries
            .iter()
            .map(|i| (i.slug.clone(), i.name.clone()))
            .collect();
        config
    }

    /// The site's root URL, whichever language's config this is.
    pub fn site_base_url(&self) -> &str {
        self.base_url
            .strip_suffix(&self.lang_prefix)
            .unwrap_or(&self.base_url)
    }

    /// The site's root path (`/`, `/careers/`), whichever language's config this is.
    pub fn site_base_path(&self) -> &str {
        self.base_path
            .strip_suffix(&self.lang_prefix)
            .unwrap_or(&self.base_path)
    }

    /// Every language of the site, the default first, with its folder
    /// (empty for the default language).
    pub fn all_languages(&self) -> Vec<(String, String)> {
        let mut all = vec![(self.default_language.clone(), String::new())];
        all.extend(self.languages.iter().map(|l| (l.tag.clone(), l.prefix())));
        all
    }
}
