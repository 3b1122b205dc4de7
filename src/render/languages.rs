//! What pages of a site in several languages show of the others: the
//! versions of each page (`hreflang` alternates, the language switcher,
//! the sitemap's `xhtml:link`s), and the sink that writes a language's
//! pages below its folder.
//!
//! Each language is rendered as a site of its own whose root is its
//! folder (`es/`): `page.root` leads to the language's root and
//! `page.site_root` to the site's, where the static files are.

use std::collections::HashMap;
use std::io;

use serde::Serialize;

use crate::output::Sink;
use crate::render::site_files::SitemapUrl;

/// Writes every file below `prefix` (`es/`) of `inner`.
pub struct PrefixSink<'a> {
    pub prefix: &'a str,
    pub inner: &'a dyn Sink,
}

impl Sink for PrefixSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.write(&format!("{}{path}", self.prefix), bytes)
    }
}

/// The versions of one page for the sitemap: (language tag, absolute URL).
pub type SitemapVersions = Vec<(String, String)>;

/// One language of the site.
#[derive(Debug, Clone)]
pub struct LanguageLink {
    /// BCP 47 tag (`es`).
    pub tag: String,
    /// Its folder (`es/`); empty for the default language.
    pub prefix: String,
}

/// The versions of every page in every language. A guide is one page in
/// every language that has it (by the file it translates); any other page
/// is one page in the languages that publish its path.
#[derive(Debug, Default)]
pub struct Alternates {
    /// The default language first.
    pub languages: Vec<LanguageLink>,
    /// The site's root URL (`https://example.org/careers/`).
    base_url: String,
    /// By (language, page path below the language's folder): the page's key.
    keys: HashMap<(usize, String), usize>,
    /// By key: the page's path in each language that has it, by language.
    versions: Vec<Vec<(usize, String)>>,
    /// A key by name (`g:account-manager.md`, `p:categories/`).
    names: HashMap<String, usize>,
    /// Every page of every language for the sitemap (paths below the
    /// site's root), and each one's versions.
    sitemap_urls: Vec<SitemapUrl>,
    sitemap_alternates: Vec<SitemapVersions>,
}

impl Alternates {
    pub fn new(languages: Vec<LanguageLink>, base_url: &str) -> Self {
        Alternates {
            languages,
            base_url: base_url.to_string(),
            ..Alternates::default()
        }
    }

    /// Records that `language` publishes the page at `path`; `guide` is
    /// the content path of the guide it shows, if it is a guide's page.
    pub fn add(&mut self, language: usize, path: &str, guide: Option<&str>) {
        let name = match guide {
            Some(content_path) => format!("g:{content_path}"),
            None => format!("p:{path}"),
        };
        let next = self.versions.len();
        let key = *self.names.entry(name).or_insert(next);
        if key == next {
            self.versions.push(Vec::new());
        }
        self.versions[key].push((language, path.to_string()));
        self.keys.insert((language, path.to_string()), key);
    }

    /// Keeps the sitemap of every language: `urls` below the site's root,
    /// and by position the versions of each ([`Alternates::sitemap_links`]).
    pub fn set_sitemap(&mut self, urls: Vec<SitemapUrl>, alternates: Vec<SitemapVersions>) {
        self.sitemap_urls = urls;
        self.sitemap_alternates = alternates;
    }

    /// What [`Alternates::set_sitemap`] kept.
    pub fn sitemap(&self) -> (&[SitemapUrl], &[SitemapVersions]) {
        (&self.sitemap_urls, &self.sitemap_alternates)
    }

    /// The versions of the page at `path` of `language` in every language
    /// that has it (itself included), when there is more than one.
    pub fn versions(&self, language: usize, path: &str) -> &[(usize, String)] {
        match self.keys.get(&(language, path.to_string())) {
            Some(&key) if self.versions[key].len() > 1 => &self.versions[key],
            _ => &[],
        }
    }

    /// The paths (below its folder) of the pages `language` publishes.
    pub fn paths(&self, language: usize) -> impl Iterator<Item = &str> {
        self.keys
            .keys()
            .filter(move |(l, _)| *l == language)
            .map(|(_, path)| path.as_str())
    }

    /// The absolute URL of `path` in `language`.
    pub fn url(&self, language: usize, path: &str) -> String {
        format!("{}{}{path}", self.base_url, self.languages[language].prefix)
    }

    /// What the page at `path` of `language`, whose way to the site's
    /// root is `site_root`, shows of its versions; empty without any.
    pub fn links(&self, language: usize, path: &str, site_root: &str) -> Vec<TranslationLink> {
        self.versions(language, path)
            .iter()
            .map(|(other, other_path)| {
                let link = &self.languages[*other];
                let href = format!("{site_root}{}{other_path}", link.prefix);
                TranslationLink {
                    lang: link.tag.clone(),
                    name: autonym(&link.tag).to_string(),
                    href: if href.is_empty() { "./".into() } else { href },
                    url: self.url(*other, other_path),
                    current: *other == language,
                    default: *other == 0,
                }
            })
            .collect()
    }

    /// The (language tag, absolute URL) of every version of the page at
    /// `path` of `language`, for the sitemap; empty without any.
    pub fn sitemap_links(&self, language: usize, path: &str) -> SitemapVersions {
        let versions = self.versions(language, path);
        let mut links: Vec<(String, String)> = versions
            .iter()
            .map(|(other, other_path)| {
                (
                    self.languages[*other].tag.clone(),
                    self.url(*other, other_path),
                )
            })
            .collect();
        if let Some((_, default_path)) = versions.iter().find(|(other, _)| *other == 0) {
            links.push(("x-default".into(), self.url(0, default_path)));
        }
        links
    }
}

/// One version of a page, as templates see it in `translations`.
#[derive(Debug, Clone, Serialize)]
pub struct TranslationLink {
    /// BCP 47 tag, for `lang` and `hreflang`.
    pub lang: String,
    /// The language's name in itself (`Español`).
    pub name: String,
    /// Relative to the page.
    pub href: String,
    /// Absolute, for `<link rel="alternate">`.
    pub url: String,
    /// The page itself.
    pub current: bool,
    /// The default language's version, which is also `x-default`.
    pub default: bool,
}

/// A language's name in that language, for the switcher; the tag itself
/// for a language not listed.
pub fn autonym(tag: &str) -> &str {
    let primary = tag.split('-').next().unwrap_or(tag);
    match primary {
        "ar" => "العربية",
        "ca" => "Català",
        "cs" => "Čeština",
        "da" => "Dansk",
        "de" => "Deutsch",
        "el" => "Ελληνικά",
        "en" => "English",
        "es" => "Español",
        "eu" => "Euskara",
        "fa" => "فارسی",
        "fi" => "Suomi",
        "fr" => "Français",
        "he" => "עברית",
        "hi" => "हिन्दी",
        "hu" => "Magyar",
        "it" => "Italiano",
        "ja" => "日本語",
        "ko" => "한국어",
        "nb" | "no" => "Norsk",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "pt" => "Português",
        "ro" => "Română",
        "ru" => "Русский",
        "sv" => "Svenska",
        "tl" => "Tagalog",
        "tr" => "Türkçe",
        "uk" => "Українська",
        "vi" => "Tiếng Việt",
        "zh" => "中文",
        _ => tag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Alternates {
        let mut alternates = Alternates::new(
            vec![
                LanguageLink {
                    tag: "en".into(),
                    prefix: String::new(),
                },
                LanguageLink {
                    tag: "es".into(),
                    prefix: "es/".into(),
                },
            ],
            "https://example.org/",
        );
        alternates.add(0, "account-manager/", Some("account-manager.md"));
        alternates.add(1, "gerente-de-cuentas/", Some("account-manager.md"));
        alternates.add(0, "sales-manager/", Some("sales-manager.md"));
        alternates.add(0, "", None);
        alternates.add(1, "", None);
        alternates
    }

    #[test]
    fn a_guide_links_its_translation_by_the_file_it_translates() {
        let alternates = two();
        let links = alternates.links(1, "gerente-de-cuentas/", "../../");
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].href, "../../account-manager/");
        assert_eq!(links[0].url, "https://example.org/account-manager/");
        assert!(links[1].current);
        assert_eq!(links[1].href, "../../es/gerente-de-cuentas/");
        assert_eq!(links[1].name, "Español");
    }

    #[test]
    fn a_page_in_one_language_has_no_versions() {
        let alternates = two();
        assert!(alternates.links(0, "sales-manager/", "../").is_empty());
        assert!(alternates.sitemap_links(0, "sales-manager/").is_empty());
    }

    #[test]
    fn the_sitemap_adds_x_default_for_the_default_language() {
        let links = two().sitemap_links(1, "");
        assert_eq!(
            links.last(),
            Some(&("x-default".to_string(), "https://example.org/".to_string()))
        );
        assert_eq!(links.len(), 3);
    }
}
