//! Where every page of the site lives: one home for URL paths and output
//! files, as Zola's permalinks and cobalt's `permalink.rs` are.
//!
//! A path is relative to the site root and ends in `/` (`advice/salary/`;
//! empty for the home page); its page is written to `<path>index.html`.

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
    crate::render::markdown::slugify(topic)
}

/// The Atom feed of a section: `advice/feed.xml`.
pub fn section_feed(dir: &str) -> String {
    format!("{dir}/{}", crate::render::site_files::FEED_FILE)
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
