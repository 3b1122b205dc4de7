//! The files a site carries besides its pages: `sitemap.xml` (split behind a
//! sitemap index past 50,000 URLs), `robots.txt` pointing at it, and an Atom
//! feed (RFC 4287) of guides by the date they were last reviewed.
//!
//! Every URL is the config's `base_url` joined with a page path, so a site
//! deployed under a sub-path (`https://example.org/careers/`) lists
//! `https://example.org/careers/account-manager/`. All text is escaped for
//! XML, and characters XML 1.0 cannot carry are dropped.
//!
//! [`write_whole_site_files`] makes and writes them with the other files
//! made from the whole site rather than one page's template (All careers
//! and compare data, scripts), and [`write_search_index`] the search
//! index: a build makes the index while the pages render; `serve` calls
//! [`render_site_files`], which does both. Each group of files is written
//! as soon as it is made and then let go: on a 100,000-guide site the
//! compare data alone is a few hundred megabytes.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::diagnostics::Diagnostic;
use crate::output::Sink;
use crate::render::browse::{self, Grouping};
use crate::render::listings::{all_careers_pages, group_pages, groups_of, guides_by_title};
use crate::render::{all_careers, compare, search};
use crate::site::{Page, Rendered, Site};

/// The sitemaps.org limit on URLs in one sitemap file.
pub const SITEMAP_MAX_URLS: usize = 50_000;
pub use crate::permalink::FEED_FILE;
/// The sitemap's file name below the site root (an index when split).
pub const SITEMAP_FILE: &str = "sitemap.xml";

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One page in the sitemap.
#[derive(Debug, Clone)]
pub struct SitemapUrl {
    /// Below the site root: `account-manager/`, or empty for the home page.
    pub path: String,
    pub lastmod: Option<NaiveDate>,
}

/// One file of the site: its path below the root and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    pub path: String,
    pub text: String,
}

/// The sitemap: one `sitemap.xml` up to [`SITEMAP_MAX_URLS`] URLs; past
/// that, `sitemap-1.xml`, `sitemap-2.xml`, … and a `sitemap.xml` index of
/// them (whose `lastmod` is the latest of each part's).
pub fn sitemaps(config: &SiteConfig, urls: &[SitemapUrl]) -> Vec<SiteFile> {
    sitemaps_split(config, urls, &[], SITEMAP_MAX_URLS)
}

/// [`sitemaps`] of a site in several languages: `alternates[i]` are the
/// versions of `urls[i]` in every language that has it, as (language tag,
/// absolute URL), the page's own included; each becomes an `xhtml:link`.
pub fn multilingual_sitemaps(
    config: &SiteConfig,
    urls: &[SitemapUrl],
    alternates: &[Vec<(String, String)>],
) -> Vec<SiteFile> {
    sitemaps_split(config, urls, alternates, SITEMAP_MAX_URLS)
}

/// The namespace of `xhtml:link` alternates in a sitemap.
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

fn sitemaps_split(
    config: &SiteConfig,
    urls: &[SitemapUrl],
    alternates: &[Vec<(String, String)>],
    max: usize,
) -> Vec<SiteFile> {
    if urls.len() <= max {
        return vec![SiteFile {
            path: SITEMAP_FILE.to_string(),
            text: urlset(config, urls, alternates),
        }];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(index, "<sitemapindex xmlns=\"{SITEMAP_NS}\">");
    let mut alternate_chunks = alternates.chunks(max);
    for (i, chunk) in urls.chunks(max).enumerate() {
        let chunk_alternates = alternate_chunks.next().unwrap_or(&[]);
        let path = format!("sitemap-{}.xml", i + 1);
        let _ = write!(
            index,
            "  <sitemap>\n    <loc>{}</loc>\n",
            escape_xml(&format!("{}{path}", config.base_url))
        );
        if let Some(latest) = chunk.iter().filter_map(|u| u.lastmod).max() {
            let _ = writeln!(
                index,
                "    <lastmod>{}</lastmod>",
                latest.format("%Y-%m-%d")
            );
        }
        index.push_str("  </sitemap>\n");
        files.push(SiteFile {
            path,
            text: urlset(config, chunk, chunk_alternates),
        });
    }
    index.push_str("</sitemapindex>\n");
    files.insert(
        0,
        SiteFile {
            path: SITEMAP_FILE.to_string(),
            text: index,
        },
    );
    files
}

fn urlset(
    config: &SiteConfig,
    urls: &[SitemapUrl],
    alternates: &[Vec<(String, String)>],
) -> String {
    let mut xml = String::with_capacity(100 + urls.len() * 120);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if alternates.iter().any(|a| !a.is_empty()) {
        let _ = writeln!(
            xml,
            "<urlset xmlns=\"{SITEMAP_NS}\" xmlns:xhtml=\"{XHTML_NS}\">"
        );
    } else {
        let _ = writeln!(xml, "<urlset xmlns=\"{SITEMAP_NS}\">");
    }
    for (i, url) in urls.iter().enumerate() {
        let _ = write!(
            xml,
            "  <url>\n    <loc>{}</loc>\n",
            escape_xml(&encode_url(&format!("{}{}", config.base_url, url.path)))
        );
        if let Some(date) = url.lastmod {
            let _ = writeln!(xml, "    <lastmod>{}</lastmod>", date.format("%Y-%m-%d"));
        }
        for (tag, href) in alternates.get(i).map_or(&[][..], Vec::as_slice) {
            let _ = writeln!(
                xml,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape_xml(tag),
                escape_xml(&encode_url(href))
            );
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap is named by its
/// absolute URL, as the protocol requires. Crawlers read the file only at
/// a host's root: for a site under a sub-path it is still written (the
/// host may serve the folder at a domain's root too), with a comment
/// saying where it must be served from to count.
pub fn robots_txt(config: &SiteConfig) -> String {
    let mut text = String::new();
    if config.base_path != "/" {
        // Paths only: a URL of the host outside `base_url` would read as a
        // link leaving the site.
        let _ = writeln!(
            text,
            "# Crawlers read robots.txt only at the root of a host (/robots.txt), not at\n\
             # {}robots.txt: serve this file at the root, or copy its Sitemap line there.",
            config.base_path
        );
    }
    let _ = write!(
        text,
        "User-agent: *\nDisallow:\n\nSitemap: {}{SITEMAP_FILE}\n",
        config.base_url
    );
    text
}

/// One guide in the feed.
#[derive(Debug, Clone)]
pub struct FeedEntry<'a> {
    pub title: &'a str,
    /// Below the site root: `account-manager/`.
    pub path: String,
    pub summary: &'a str,
    pub updated: NaiveDate,
    /// A category key and its display name.
    pub category: Option<(&'a str, &'a str)>,
}

/// The Atom feed: the `limit` most recently reviewed guides (the config's
/// `feed_limit`),
/// newest first (ties by title). The feed's `id` is the site's base URL,
/// each entry's `id` its permalink; the feed's `updated` is the newest
/// entry's date, or `fallback_updated` when there is none, so that an
/// unchanged site writes a byte-identical feed. The author is the config's
/// `author`, or the site title when none is set (RFC 4287 requires one).
pub fn atom_feed(
    config: &SiteConfig,
    entries: &[FeedEntry<'_>],
    limit: usize,
    fallback_updated: NaiveDate,
) -> String {
    atom_feed_at(
        config,
        &config.title,
        "",
        FEED_FILE,
        entries,
        limit,
        fallback_updated,
    )
}

/// [`atom_feed`] for one list of the site: `title` (the site's for the
/// site feed), the list's page at `alternate` and the feed itself at
/// `self_path`, both below the site root. The feed's `id` is the list
/// page's permalink.
pub fn atom_feed_at(
    config: &SiteConfig,
    title: &str,
    alternate: &str,
    self_path: &str,
    entries: &[FeedEntry<'_>],
    limit: usize,
    fallback_updated: NaiveDate,
) -> String {
    let mut entries: Vec<&FeedEntry<'_>> = entries.iter().collect();
    entries.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.path.cmp(&b.path))
    });
    entries.truncate(limit);
    let updated = entries.first().map_or(fallback_updated, |e| e.updated);
    let base = &config.base_url;
    let mut xml = String::with_capacity(1024 + entries.len() * 600);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        escape_xml(&config.language)
    );
    let alternate = format!("{base}{alternate}");
    let _ = writeln!(xml, "  <id>{}</id>", escape_xml(&alternate));
    let _ = writeln!(xml, "  <title>{}</title>", escape_xml(title));
    if !config.description.is_empty() {
        let _ = writeln!(
            xml,
            "  <subtitle>{}</subtitle>",
            escape_xml(&config.description)
        );
    }
    let _ = writeln!(xml, "  <updated>{}</updated>", timestamp(updated));
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape_xml(&format!("{base}{self_path}"))
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape_xml(&alternate)
    );
    xml.push_str("  <author>\n");
    match &config.author {
        Some(author) => {
            let _ = writeln!(xml, "    <name>{}</name>", escape_xml(&author.name));
            if let Some(email) = &author.email {
                let _ = writeln!(xml, "    <email>{}</email>", escape_xml(email));
            }
            if let Some(url) = &author.url {
                let _ = writeln!(xml, "    <uri>{}</uri>", escape_xml(url));
            }
        }
        None => {
            let _ = writeln!(xml, "    <name>{}</name>", escape_xml(&config.title));
        }
    }
    xml.push_str("  </author>\n");
    let _ = writeln!(
        xml,
        "  <generator version=\"{}\">careergen</generator>",
        env!("CARGO_PKG_VERSION")
    );
    for entry in entries {
        let permalink = escape_xml(&encode_url(&format!("{base}{}", entry.path)));
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <id>{permalink}</id>");
        let _ = writeln!(xml, "    <title>{}</title>", escape_xml(entry.title));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{permalink}\"/>"
        );
        let _ = writeln!(xml, "    <updated>{}</updated>", timestamp(entry.updated));
        let _ = writeln!(xml, "    <summary>{}</summary>", escape_xml(entry.summary));
        if let Some((key, name)) = entry.category {
            let _ = writeln!(
                xml,
                "    <category term=\"{}\" label=\"{}\"/>",
                escape_xml(key),
                escape_xml(name)
            );
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// `url` with every byte outside ASCII (an industry page named in another
/// script, say) percent-encoded, as sitemaps and Atom IRIs-as-URIs expect.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An RFC 3339 timestamp at midnight UTC: Atom needs a time, guides only
/// carry a date.
fn timestamp(date: NaiveDate) -> String {
    format!("{}T00:00:00Z", date.format("%Y-%m-%d"))
}

/// Escapes text for XML content and attribute values, dropping characters
/// that XML 1.0 does not allow (control characters other than tab and line
/// breaks, lone surrogates cannot occur in a `str`, U+FFFE and U+FFFF).
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes the files made from the whole site rather than from one page's
/// template (a sitemap, feeds, search, All careers or compare data).
/// `serve` writes them again after every change to guides, templates or
/// config, so anything that reads many guides and is not a [`Page`]
/// belongs here.
pub fn render_site_files(
    site: &Site,
    groups: &[(Grouping, Vec<browse::Group>)],
    sink: &dyn Sink,
) -> Rendered {
    let (mut rendered, search_index) = rayon::join(
        || write_whole_site_files(site, groups, sink),
        || write_search_index(site, sink),
    );
    rendered.add(search_index);
    rendered
}

/// Makes the search index of the language the site holds and writes its
/// files, shard by shard; an index that could not be made is an error of
/// the build.
pub fn write_search_index(site: &Site, sink: &dyn Sink) -> Rendered {
    let mut rendered = Rendered::default();
    let made = crate::timings::work("make the search index", || {
        search::each_index_file(
            &site.guides,
            &site.library,
            &site.config,
            site.language_messages(),
            search::shard_guides(site.guides.len()),
            &mut |path, bytes| write_file(sink, &path, &bytes, &mut rendered),
        )
    });
    if let Err(err) = made {
        rendered.diagnostics.push(Diagnostic::error(
            search::PAGEFIND_DIR,
            format!("cannot make the search index: {err}"),
        ));
    }
    rendered
}

/// Writes one file into `sink`, counting it, or its error.
fn write_file(sink: &dyn Sink, path: &str, bytes: &[u8], rendered: &mut Rendered) {
    match sink.write(path, bytes) {
        Ok(()) => rendered.files += 1,
        Err(err) => rendered
            .diagnostics
            .push(Diagnostic::error(path, format!("cannot write file: {err}"))),
    }
}

/// Writes each of `files` into `sink`.
fn write_files(files: impl IntoIterator<Item = (String, Vec<u8>)>, sink: &dyn Sink) -> Rendered {
    let mut rendered = Rendered::default();
    for (path, bytes) in files {
        write_file(sink, &path, &bytes, &mut rendered);
    }
    rendered
}

/// How many guides' compare data files are made before they are written.
const COMPARE_DATA_CHUNK: usize = 1_000;

/// Makes and writes the whole-site files besides the search index: the
/// sitemaps, feeds, `robots.txt`, the scripts and the All careers and
/// compare data.
pub fn write_whole_site_files(
    site: &Site,
    groups: &[(Grouping, Vec<browse::Group>)],
    sink: &dyn Sink,
) -> Rendered {
    let config = &site.config;
    let json = |files: Vec<(String, String)>| {
        write_files(
            files
                .into_iter()
                .map(|(path, json)| (path, json.into_bytes())),
            sink,
        )
    };
    // The files are independent of each other: make them in parallel, and
    // write each group once it is made.
    let ((mut rendered, feed), (compare_data, list_data)) = rayon::join(
        || {
            rayon::join(
                || {
                    let sitemaps = crate::timings::work("make the sitemap", || {
                        match &site.languages.alternates {
                            // One sitemap lists every language's pages.
                            Some(_) if site.languages.current > 0 => Vec::new(),
                            Some(alternates) => {
                                let (urls, links) = alternates.sitemap();
                                multilingual_sitemaps(config, urls, links)
                            }
                            None => sitemaps(config, &sitemap_urls(site, groups)),
                        }
                    });
                    write_files(
                        sitemaps
                            .into_iter()
                            .map(|file| (file.path, file.text.into_bytes())),
                        sink,
                    )
                },
                || crate::timings::work("make the feed", || site_feed(site)),
            )
        },
        || {
            rayon::join(
                || {
                    // A file a guide, about 2.5 KB each: made and written a
                    // thousand guides at a time rather than all held at
                    // once (250 MB at 100,000 guides).
                    let mut rendered = Rendered::default();
                    for guides in site.guides.chunks(COMPARE_DATA_CHUNK) {
                        rendered.add(json(crate::timings::work("make the compare data", || {
                            compare::data_files(guides, config, site.language_messages())
                        })));
                    }
                    rendered.add(json(crate::timings::work(
                        "make the compare suggestions",
                        || compare::suggestion_files(&site.guides),
                    )));
                    rendered
                },
                || {
                    json(crate::timings::work("make the All careers data", || {
                        all_careers::data_files(
                            &site.guides,
                            &guides_by_title(&site.guides),
                            config,
                            site.language_messages(),
                        )
                    }))
                },
            )
        },
    );
    let mut files: Vec<(String, Vec<u8>)> = crate::render::kinds::feeds(site)
        .into_iter()
        .map(|(path, feed)| (path, feed.into_bytes()))
        .collect();
    if site.languages.current == 0 {
        files.push(("robots.txt".into(), robots_txt(config).into_bytes()));
    }
    files.extend([
        (FEED_FILE.into(), feed.into_bytes()),
        (
            search::SCRIPT_FILE.into(),
            search::script(site.language_messages()).into_bytes(),
        ),
        (
            all_careers::SCRIPT_FILE.into(),
            all_careers::script(site.language_messages()).into_bytes(),
        ),
        (
            compare::COMPARE_SCRIPT_FILE.into(),
            compare::script(site.language_messages()).into_bytes(),
        ),
        (
            compare::SORT_SCRIPT_FILE.into(),
            compare::SORT_SCRIPT.as_bytes().to_vec(),
        ),
    ]);
    rendered.add(write_files(files, sink));
    rendered.add(compare_data);
    rendered.add(list_data);
    rendered
}

/// Every page's URL for the sitemap, with the date it last changed where known.
pub fn sitemap_urls(site: &Site, groups: &[(Grouping, Vec<browse::Group>)]) -> Vec<SitemapUrl> {
    let latest =
        |guides: &mut dyn Iterator<Item = &Guide>| guides.filter_map(|g| g.last_reviewed).max();
    let mut urls = vec![SitemapUrl {
        path: String::new(),
        lastmod: latest(&mut site.guides.iter()),
    }];
    for (i, guide) in site.guides.iter().enumerate() {
        urls.push(SitemapUrl {
            path: Page::Guide(i).path(site),
            lastmod: guide.last_reviewed,
        });
    }
    urls.extend(crate::render::kinds::sitemap_urls(site));
    if site.templates.has(Page::AllCareers(1).template()) {
        let pages = all_careers_pages(site);
        let by_title = guides_by_title(&site.guides);
        for n in pages.numbers() {
            let on_page = pages.slice(&by_title, n);
            urls.push(SitemapUrl {
                path: pages.path(n),
                lastmod: latest(&mut on_page.iter().map(|&i| &site.guides[i])),
            });
        }
    }
    for grouping in Grouping::ALL {
        if !site.templates.has(Page::GroupIndex(grouping).template()) {
            continue;
        }
        urls.push(SitemapUrl {
            path: grouping.path(),
            lastmod: None,
        });
        // Group pages exist only where the theme has their template.
        if !site.templates.has(Page::Group(grouping, 0, 1).template()) {
            continue;
        }
        for group in groups_of(groups, grouping) {
            let pages = group_pages(&site.config, group);
            for n in pages.numbers() {
                let on_page = pages.slice(&group.guides, n);
                urls.push(SitemapUrl {
                    path: pages.path(n),
                    lastmod: latest(&mut on_page.iter().map(|&i| &site.guides[i])),
                });
            }
        }
    }
    urls
}

/// The Atom feed of the guides that carry a review date.
fn site_feed(site: &Site) -> String {
    let config = &site.config;
    let entries: Vec<FeedEntry<'_>> = site
        .guides
        .iter()
        .filter_map(|guide| {
            Some(FeedEntry {
                title: &guide.title,
                path: crate::permalink::guide(&guide.slug),
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
    atom_feed(config, &entries, config.feed_limit, fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DEFAULT_FEED_LIMIT;
    use crate::render::test_guides::{config, config_at};

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn sitemap_lists_absolute_urls_with_lastmod() {
        let config = config_at("https://example.org/careers");
        let files = sitemaps(
            &config,
            &[
                SitemapUrl {
                    path: String::new(),
                    lastmod: None,
                },
                SitemapUrl {
                    path: "account-manager/".into(),
                    lastmod: Some(date("2026-11-01")),
                },
            ],
        );
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, "sitemap.xml");
        assert_eq!(
            files[0].text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             \x20 <url>\n    <loc>https://example.org/careers/</loc>\n  </url>\n\
             \x20 <url>\n    <loc>https://example.org/careers/account-manager/</loc>\n    <lastmod>2026-11-01</lastmod>\n  </url>\n\
             </urlset>\n"
        );
    }

    #[test]
    fn sitemap_past_the_limit_becomes_an_index() {
        let config = config();
        let urls: Vec<_> = (0..5)
            .map(|i| SitemapUrl {
                path: format!("g{i}/"),
                lastmod: Some(date(&format!("2026-01-0{}", i + 1))),
            })
            .collect();
        let files = sitemaps_split(&config, &urls, &[], 2);
        let paths: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let index = &files[0].text;
        assert!(
            index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        );
        assert!(index.contains(
            "<loc>https://example.org/sitemap-2.xml</loc>\n    <lastmod>2026-01-04</lastmod>"
        ));
        assert_eq!(files[3].text.matches("<url>").count(), 1);
        // The real limit keeps 50,000 in one file.
        assert_eq!(sitemaps(&config, &urls).len(), 1);
    }

    #[test]
    fn robots_txt_names_the_sitemap() {
        let config = config_at("https://example.org/");
        assert_eq!(
            robots_txt(&config),
            "User-agent: *\nDisallow:\n\nSitemap: https://example.org/sitemap.xml\n"
        );
    }

    #[test]
    fn robots_txt_under_a_sub_path_says_where_it_must_be_served() {
        let config = config_at("https://example.edu/careers/");
        assert_eq!(
            robots_txt(&config),
            "# Crawlers read robots.txt only at the root of a host (/robots.txt), not at\n\
             # /careers/robots.txt: serve this file at the root, or copy its Sitemap line there.\n\
             User-agent: *\nDisallow:\n\nSitemap: https://example.edu/careers/sitemap.xml\n"
        );
    }

    fn entry<'a>(title: &'a str, slug: &str, updated: &str) -> FeedEntry<'a> {
        FeedEntry {
            title,
            path: format!("{slug}/"),
            summary: "Keeps <customers> & orders on track.",
            updated: date(updated),
            category: Some(("sales", "Sales")),
        }
    }

    #[test]
    fn feed_has_ids_dates_and_author() {
        let config = config_at("https://example.org/careers/");
        let feed = atom_feed(
            &config,
            &[
                entry("Account manager", "account-manager", "2026-10-01"),
                entry("Sales manager", "sales-manager", "2026-11-01"),
            ],
            DEFAULT_FEED_LIMIT,
            date("2020-01-01"),
        );
        assert!(feed.contains("<id>https://example.org/careers/</id>"));
        assert!(feed.contains("<updated>2026-11-01T00:00:00Z</updated>\n  <link rel=\"self\""));
        assert!(feed.contains("href=\"https://example.org/careers/feed.xml\""));
        assert!(feed.contains("<author>\n    <name>Handbook editors</name>\n  </author>"));
        assert!(feed.contains("<id>https://example.org/careers/account-manager/</id>"));
        assert!(feed.contains("<summary>Keeps &lt;customers&gt; &amp; orders on track.</summary>"));
        // Newest first.
        let sales = feed.find("Sales manager").expect("sales");
        let account = feed.find("Account manager").expect("account");
        assert!(sales < account);
    }

    #[test]
    fn empty_feed_uses_the_fallback_date_and_site_title_as_author() {
        let mut config = config();
        config.author = None;
        let feed = atom_feed(&config, &[], DEFAULT_FEED_LIMIT, date("2026-11-29"));
        assert!(feed.contains("<updated>2026-11-29T00:00:00Z</updated>"));
        assert!(feed.contains("<name>Careers Handbook</name>"));
        assert!(!feed.contains("<entry>"));
    }

    #[test]
    fn feed_keeps_the_most_recent_entries() {
        let config = config();
        let titles: Vec<String> = (0..60).map(|i| format!("Guide {i:02}")).collect();
        let entries: Vec<_> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                entry(
                    t,
                    &format!("g{i}"),
                    &format!("2026-{:02}-{:02}", 1 + i / 28, 1 + i % 28),
                )
            })
            .collect();
        let feed = atom_feed(&config, &entries, DEFAULT_FEED_LIMIT, date("2020-01-01"));
        assert_eq!(feed.matches("<entry>").count(), DEFAULT_FEED_LIMIT);
        assert!(feed.contains("Guide 59"));
        assert!(!feed.contains("Guide 09<"));
    }

    #[test]
    fn urls_outside_ascii_are_percent_encoded() {
        let config = config();
        let files = sitemaps(
            &config,
            &[SitemapUrl {
                path: "industries/santé/".into(),
                lastmod: None,
            }],
        );
        assert!(
            files[0]
                .text
                .contains("<loc>https://example.org/industries/sant%C3%A9/</loc>")
        );
    }

    /// The feed parsed as XML: it must be well-formed whatever the text.
    fn parsed(feed: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(feed).unwrap_or_else(|e| panic!("{e}:\n{feed}"))
    }

    fn texts<'a>(doc: &'a roxmltree::Document<'_>, tag: &str) -> Vec<&'a str> {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag))
            .filter_map(|n| n.text())
            .collect()
    }

    #[test]
    fn feed_stays_valid_xml_with_markup_in_every_field() {
        let mut config = config_at("https://example.org/r&d/");
        config.title = "R&D <careers>".into();
        config.description = "Jobs \"in\" R&D".into();
        config.author = Some(crate::config::Author {
            name: "Ed <itor>".into(),
            email: Some("ed&co@example.org".into()),
            url: Some("https://example.org/?a=1&b=2".into()),
        });
        let mut lead = entry("R&D <lead> \"East\"", "r-and-d-lead", "2026-10-01");
        lead.category = Some(("r&d", "R&D <team>"));
        let feed = atom_feed(&config, &[lead], DEFAULT_FEED_LIMIT, date("2020-01-01"));
        let doc = parsed(&feed);
        assert_eq!(
            texts(&doc, "title"),
            ["R&D <careers>", "R&D <lead> \"East\""]
        );
        assert_eq!(texts(&doc, "subtitle"), ["Jobs \"in\" R&D"]);
        assert_eq!(texts(&doc, "name"), ["Ed <itor>"]);
        assert_eq!(texts(&doc, "email"), ["ed&co@example.org"]);
        assert_eq!(texts(&doc, "uri"), ["https://example.org/?a=1&b=2"]);
        assert_eq!(
            texts(&doc, "summary"),
            ["Keeps <customers> & orders on track."]
        );
        assert_eq!(
            texts(&doc, "id"),
            [
                "https://example.org/r&d/",
                "https://example.org/r&d/r-and-d-lead/"
            ]
        );
        let category = doc
            .descendants()
            .find(|n| n.has_tag_name("category"))
            .expect("a category");
        assert_eq!(category.attribute("term"), Some("r&d"));
        assert_eq!(category.attribute("label"), Some("R&D <team>"));
        let links: Vec<(Option<&str>, Option<&str>)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("link"))
            .map(|n| (n.attribute("rel"), n.attribute("href")))
            .collect();
        assert_eq!(
            links,
            [
                (Some("self"), Some("https://example.org/r&d/feed.xml")),
                (Some("alternate"), Some("https://example.org/r&d/")),
                (
                    Some("alternate"),
                    Some("https://example.org/r&d/r-and-d-lead/")
                ),
            ]
        );
        assert_eq!(
            texts(&doc, "updated"),
            ["2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z"]
        );
        assert_eq!(texts(&doc, "generator"), ["careergen"]);
    }

    #[test]
    fn feed_entries_of_one_day_sort_by_title_then_path() {
        let config = config();
        let feed = atom_feed(
            &config,
            &[
                entry("beta", "b2", "2026-10-01"),
                entry("Beta", "b1", "2026-10-01"),
                entry("alpha", "a", "2026-10-01"),
                entry("Zeta", "z", "2026-10-02"),
            ],
            DEFAULT_FEED_LIMIT,
            date("2020-01-01"),
        );
        let doc = parsed(&feed);
        let ids: Vec<&str> = texts(&doc, "id")[1..].to_vec();
        assert_eq!(
            ids,
            [
                "https://example.org/z/",
                "https://example.org/a/",
                "https://example.org/b1/",
                "https://example.org/b2/"
            ]
        );
    }

    #[test]
    fn sitemap_splits_only_past_the_limit() {
        let config = config();
        let urls: Vec<_> = (0..4)
            .map(|i| SitemapUrl {
                path: format!("g{i}/"),
                lastmod: (i < 2).then(|| date("2026-01-01")),
            })
            .collect();
        assert_eq!(sitemaps_split(&config, &urls, &[], 4).len(), 1);
        let files = sitemaps_split(&config, &urls, &[], 2);
        assert_eq!(files.len(), 3);
        let index = parsed(&files[0].text);
        assert_eq!(
            texts(&index, "loc"),
            [
                "https://example.org/sitemap-1.xml",
                "https://example.org/sitemap-2.xml"
            ]
        );
        // The second part has no dates: no lastmod for it.
        assert_eq!(texts(&index, "lastmod"), ["2026-01-01"]);
        for file in &files[1..] {
            let part = parsed(&file.text);
            assert_eq!(texts(&part, "loc").len(), 2);
        }
        assert_eq!(
            texts(&parsed(&files[2].text), "loc"),
            ["https://example.org/g2/", "https://example.org/g3/"]
        );
    }

    #[test]
    fn only_bytes_outside_printable_ascii_are_encoded() {
        assert_eq!(
            encode_url("https://e.org/a b/~x?é"),
            "https://e.org/a%20b/~x?%C3%A9"
        );
        assert_eq!(encode_url("!~"), "!~");
    }

    #[test]
    fn xml_escaping_keeps_line_breaks_and_drops_what_xml_forbids() {
        assert_eq!(escape_xml("a\r\nb\u{1f} \u{7f}c"), "a\r\nb \u{7f}c");
        assert_eq!(escape_xml("\u{0}\u{FFFE}\u{FFFD}"), "\u{FFFD}");
    }

    #[test]
    fn xml_escaping_covers_markup_quotes_and_control_characters() {
        assert_eq!(
            escape_xml("a&b<c>\"d'\u{1}e\u{FFFF}\tf"),
            "a&amp;b&lt;c&gt;&quot;d&apos;e\tf"
        );
    }
}
