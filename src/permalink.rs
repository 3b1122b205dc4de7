//! Where every page of the site lives: one home for URL paths and output
//! files, as Zola's permalinks and cobalt's `permalink.rs` are.
//!
//! A path is relative to the site root and ends in `/` (`advice/salary/`;
//! empty for the home page); its page is written to `<path>index.html`.
//! The rules every layer shares about names in URLs (slugs, the site's own
//! first segments, `@/` paths) live here too, below `content` and `render`.

use std::path::Path;

/// The content folder's name inside a site.
pub const CONTENT_DIR: &str = "content";

/// The first path segment of the industry pages (`industries/retail-trade/`).
pub const INDUSTRIES_SEGMENT: &str = "industries";

/// The feed's file name below the site root (and a section's folder).
pub const FEED_FILE: &str = "feed.xml";

/// First path segments the site's own pages and files use.
pub const RESERVED_SLUGS: &[&str] = &[
    "all-careers",
    "categories",
    "compare",
    "education",
    "industries",
    "search",
    "static",
];

/// Whether a guide with `slug` would collide with one of the site's pages.
pub fn reserved_slug(slug: &str) -> bool {
    RESERVED_SLUGS.contains(&slug)
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Lowercase words joined by dashes, keeping letters of any script.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// The folders an `@/` link to a file other than a guide may name, in the
/// order they are tried. A file there is written at the same path below the
/// output folder.
pub const LINKABLE_DIRS: [&str; 2] = [CONTENT_DIR, "static"];

/// Whether `path` (an `@/` target without its `@/`) stays inside the folder
/// it is looked up in: no empty, `.` or `..` parts, no `\`.
pub fn is_plain_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The file under `content/` or `static/` of `site_root` that an `@/` link
/// to `path` names, as the folder's name.
pub fn linked_file(site_root: &Path, path: &str) -> Option<&'static str> {
    if !is_plain_path(path) {
        return None;
    }
    LINKABLE_DIRS
        .into_iter()
        .find(|dir| site_root.join(dir).join(path).is_file())
}

/// The path of a guide's page: `account-manager/`.
pub fn guide(slug: &str) -> String {
    format!("{slug}/")
}

/// The path of a section's first list page: `advice/`.
pub fn section(dir: &str) -> String {
    format!("{dir}/")
}

/// The path of an article of the section in `dir`: `advice/salary/`.
pub fn article(dir: &str, slug: &str) -> String {
    format!("{dir}/{slug}/")
}

/// The path of a standalone page: `about/`.
pub fn page(slug: &str) -> String {
    format!("{slug}/")
}

/// The folder below a section holding its topic pages.
pub const TOPICS_SEGMENT: &str = "topics";

/// The path of a section's list of topics: `advice/topics/`.
pub fn topics(dir: &str) -> String {
    format!("{dir}/{TOPICS_SEGMENT}/")
}

/// The path of one topic of a section: `advice/topics/job-search/`.
pub fn topic(dir: &str, topic: &str) -> String {
    format!("{dir}/{TOPICS_SEGMENT}/{}/", topic_slug(topic))
}

/// A topic's name as a URL segment: lowercase words joined by dashes.
pub fn topic_slug(topic: &str) -> String {
    slugify(topic)
}

/// The Atom feed of a section: `advice/feed.xml`.
pub fn section_feed(dir: &str) -> String {
    format!("{dir}/{FEED_FILE}")
}

/// The file a page at `path` is written to, relative to the output folder.
pub fn output(path: &str) -> String {
    format!("{path}index.html")
}

/// The relative way from the page at `path` back to the site root (`../../`).
/// In a site of several languages, paths are below the language's folder
/// (`es/`) and so is the root this leads to.
pub fn root_from(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The link from any guide's page to the page at `path`: guide pages all
/// lie at the same depth.
pub fn from_guide(path: &str) -> String {
    format!("{}{path}", root_from(&guide("guide")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_end_in_a_slash_and_output_in_index_html() {
        assert_eq!(guide("account-manager"), "account-manager/");
        assert_eq!(article("advice", "salary"), "advice/salary/");
        assert_eq!(topic("advice", "Job search"), "advice/topics/job-search/");
        assert_eq!(output(&page("about")), "about/index.html");
        assert_eq!(root_from("advice/salary/"), "../../");
        assert_eq!(root_from(""), "");
        assert_eq!(from_guide("categories/sales/"), "../categories/sales/");
    }
}
