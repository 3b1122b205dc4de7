//! Local links: the files under `content/` that `@/` links name, written
//! into the output, and the check that every local link and image of the
//! written pages leads to a file the build writes.
//!
//! The check reads each HTML file as it is written (a [`Sink`] wrapper) and
//! keeps each local target once for the whole site, with the first page
//! that links it and how many do; at the end the targets are compared with
//! the files written. Templates make the same few targets on every page,
//! so the work per page is one scan of its attributes. A broken target
//! written in a guide's Markdown is then reported at its line; one made by
//! a template names the template and a page.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use std::io;
use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

use foldhash::{HashMap, HashMapExt, HashSet};
use memchr::memmem;

use rayon::prelude::*;

use crate::content::guide::Guide;
use crate::content::load::CONTENT_DIR;
use crate::diagnostics::{self, Diagnostic};
use crate::output::Sink;
use crate::render::markdown::{self, Origin};
use crate::site::{self, Site};

/// The files under `content/` that `@/` links of the site's guides name
/// (`images/office.jpg` of `![…](@/images/office.jpg)`), by output path.
/// Guides themselves are pages, not files, and are left out.
pub fn linked_files(site: &Site) -> BTreeMap<String, PathBuf> {
    let content = site.root.join(CONTENT_DIR);
    let paths: BTreeSet<&str> = site
        .guides
        .iter()
        .flat_map(|guide| guide.linked_paths.iter())
        .map(String::as_str)
        .filter(|path| site.index.by_content_path(path).is_none())
        .collect();
    paths
        .into_iter()
        .filter(|path| markdown::linked_file(&site.root, path) == Some(CONTENT_DIR))
        .map(|path| (path.to_string(), content.join(path)))
        .collect()
}

/// Writes the files of [`linked_files`]; returns how many were written.
pub fn copy_linked_files(site: &Site, sink: &dyn Sink, found: &mut Vec<Diagnostic>) -> usize {
    let mut copied = 0;
    for (rel, path) in linked_files(site) {
        match std::fs::read(&path).and_then(|bytes| sink.write(&rel, &bytes)) {
            Ok(()) => copied += 1,
            Err(err) => found.push(Diagnostic::error(
                diagnostics::display_path(&site.root, &path),
                format!("cannot copy the linked file: {err}"),
            )),
        }
    }
    copied
}

/// A [`Sink`] that passes every file on and notes, for the link check,
/// what was written and where the HTML files link.
pub struct CheckedSink<'a> {
    inner: &'a dyn Sink,
    base_url: String,
    base_path: String,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    written: HashSet<String>,
    /// Every local target, by output path.
    targets: HashMap<String, Linked>,
    /// Links that lead to the same file from any page as deep as theirs
    /// (`../style.css` one folder deep, `/careers/`), by depth and as
    /// written: most links of a page, resolved once per site at the end.
    by_depth: Vec<HashMap<String, Linked>>,
}

impl State {
    /// Counts `page` in for `key` of `map`.
    fn note(map: &mut HashMap<String, Linked>, key: &str, page: &str) {
        match map.get_mut(key) {
            Some(linked) => linked.add(page, 1),
            None => {
                map.insert(
                    key.to_string(),
                    Linked {
                        page: page.to_string(),
                        pages: 1,
                    },
                );
            }
        }
    }

    /// Resolves the links kept by depth into `targets`.
    fn resolve(&mut self, base_url: &str, base_path: &str) {
        for (depth, links) in std::mem::take(&mut self.by_depth).into_iter().enumerate() {
            let dir = "d/".repeat(depth);
            for (href, linked) in links {
                let Some(target) = target(&dir, &href, base_url, base_path) else {
                    continue;
                };
                match self.targets.get_mut(&target) {
                    Some(known) => known.add(&linked.page, linked.pages),
                    None => {
                        self.targets.insert(target, linked);
                    }
                }
            }
        }
    }
}

/// Where a target is linked from.
struct Linked {
    /// The first page linking it, in path order (so that reports do not
    /// depend on the order pages were rendered in).
    page: String,
    pages: usize,
}

impl Linked {
    /// Counts in `pages` more pages, `page` the first of them.
    fn add(&mut self, page: &str, pages: usize) {
        self.pages += pages;
        if page < self.page.as_str() {
            self.page = page.to_string();
        }
    }
}

impl<'a> CheckedSink<'a> {
    pub fn new(inner: &'a dyn Sink, site: &Site) -> Self {
        CheckedSink {
            inner,
            base_url: site.config.base_url.clone(),
            base_path: site.config.base_path.clone(),
            state: Mutex::new(State::default()),
        }
    }

    /// Reports every local link or image that leads to no written file:
    /// at its Markdown line when a guide's Markdown holds it, else on the
    /// template (or static file) that made the page.
    pub fn finish(self, site: &Site) -> Vec<Diagnostic> {
        let mut state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        state.resolve(&self.base_url, &self.base_path);
        let broken: BTreeMap<&str, &Linked> = state
            .targets
            .iter()
            .filter(|(target, _)| !is_written(target, &state.written))
            .map(|(target, linked)| (target.as_str(), linked))
            .collect();
        if broken.is_empty() {
            return Vec::new();
        }
        // A page or file the build meant to write and could not (a template
        // error on it, say) is reported by its own error, not once more
        // for every page linking it.
        let makers = page_makers(site);
        let broken: BTreeMap<&str, &Linked> = broken
            .into_iter()
            .filter(|(target, _)| !makers.contains_key(*target))
            .collect();
        let in_markdown: Vec<(Diagnostic, &str)> = site
            .guides
            .par_iter()
            .flat_map_iter(|guide| {
                broken_in_markdown(site, guide, &broken, (&self.base_url, &self.base_path))
            })
            .collect();
        let located: HashSet<&str> = in_markdown.iter().map(|(_, target)| *target).collect();
        let mut found: Vec<Diagnostic> = in_markdown.into_iter().map(|(d, _)| d).collect();
        for (target, linked) in broken {
            if located.contains(target) {
                continue;
            }
            let source = makers
                .get(&linked.page)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(&linked.page));
            let others = match linked.pages - 1 {
                0 => String::new(),
                1 => " and 1 other page".to_string(),
                n => format!(" and {n} other pages"),
            };
            found.push(
                Diagnostic::error(
                    source,
                    format!(
                        "expected every local link and image to lead to a file the build writes, found one leading to `{target}` on `{}`{others}: no such file is written",
                        linked.page
                    ),
                )
                .with_help(
                    "in templates, start local links with `{{ page.root }}` and name a page or a file under static/",
                ),
            );
        }
        found
    }

    /// Notes the local targets of the HTML file written at `path`.
    fn scan(&self, path: &str, html: &str) {
        let dir = match path.rfind('/') {
            Some(end) => &path[..=end],
            None => "",
        };
        let depth = path.matches('/').count();
        // Pages repeat links (`../` in the header and the breadcrumb):
        // take each written form once.
        let values: HashSet<&str> = link_attributes(html).collect();
        let mut same_at_depth = Vec::new();
        let mut targets = Vec::new();
        for value in values {
            if leads_alike_from(value, depth, &self.base_url) {
                same_at_depth.push(value);
            } else if let Some(target) = target(dir, value, &self.base_url, &self.base_path) {
                targets.push(target);
            }
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.by_depth.len() <= depth {
            state.by_depth.resize_with(depth + 1, HashMap::new);
        }
        for value in same_at_depth {
            State::note(&mut state.by_depth[depth], value, path);
        }
        for target in targets {
            State::note(&mut state.targets, &target, path);
        }
    }
}

/// Whether `href` leads to the same file from every page `depth` folders
/// deep: it climbs out of the page's folders first, or starts at the root.
/// Links to other sites are left out.
fn leads_alike_from(href: &str, depth: usize, base_url: &str) -> bool {
    if href.starts_with('/') && !href.starts_with("//") {
        return true;
    }
    if !base_url.is_empty() && href.starts_with(base_url) {
        return true;
    }
    let mut rest = href;
    for _ in 0..depth {
        match rest.strip_prefix("../") {
            Some(after) => rest = after,
            None => return false,
        }
    }
    // `../../` from one folder deep leaves the site: keep it exact.
    depth > 0 && !rest.starts_with("..")
}

impl Sink for CheckedSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.write(path, bytes)?;
        if path.ends_with(".html")
            && let Ok(html) = std::str::from_utf8(bytes)
        {
            self.scan(path, html);
        }
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .written
            .insert(path.to_string());
        Ok(())
    }
}

/// Whether `target` was written, as a file or as a folder's `index.html`.
fn is_written(target: &str, written: &HashSet<String>) -> bool {
    written.contains(target) || written.contains(&format!("{target}/index.html"))
}

/// The template (or static file) each written page comes from, by output path.
fn page_makers(site: &Site) -> HashMap<String, PathBuf> {
    let mut makers: HashMap<String, PathBuf> = site::pages(site)
        .into_iter()
        .map(|page| {
            (
                page.output(site),
                site.templates.source_path(page.template()),
            )
        })
        .collect();
    for (rel, path) in crate::statics::static_files(site, &mut Vec::new()) {
        makers
            .entry(rel)
            .or_insert_with(|| diagnostics::display_path(&site.root, &path));
    }
    makers
}

/// The broken targets written in `guide`'s Markdown, each at its line.
fn broken_in_markdown<'b>(
    site: &Site,
    guide: &Guide,
    broken: &BTreeMap<&'b str, &Linked>,
    (base_url, base_path): (&str, &str),
) -> Vec<(Diagnostic, &'b str)> {
    let mut unreadable = Vec::new();
    let (guide, text) = crate::render::guides::whole_guide(site, guide, &mut unreadable);
    if !unreadable.is_empty() {
        return Vec::new();
    }
    let guide = guide.as_ref();
    let body_origin = Origin {
        path: &guide.path,
        first_line: Some(guide.body_line),
        field: None,
        field_guide: None,
    };
    let field_origin = |field: &'static str| Origin {
        path: &guide.path,
        first_line: None,
        field: Some(field),
        field_guide: Some(guide),
    };
    let faq_fields: Vec<String> = (0..guide.faq.len())
        .map(|i| format!("faq[{i}].answer"))
        .collect();
    let mut texts: Vec<(&str, Origin<'_>)> = vec![(text.body(), body_origin)];
    if let Some(summary) = &guide.environment.summary {
        texts.push((summary, field_origin("environment.summary")));
    }
    if let Some(notes) = &guide.requirements.notes {
        texts.push((notes, field_origin("requirements.notes")));
    }
    for (faq, field) in guide.faq.iter().zip(&faq_fields) {
        let origin = Origin {
            field: Some(field),
            ..field_origin("faq")
        };
        texts.push((&faq.answer, origin));
    }
    let dir = format!("{}/", guide.slug);
    let mut found = Vec::new();
    for (text, origin) in texts {
        for (destination, offset) in markdown::local_destinations(text) {
            let Some(target) = target(&dir, &destination, base_url, base_path) else {
                continue;
            };
            let Some((&target, _)) = broken.get_key_value(target.as_str()) else {
                continue;
            };
            let mut diagnostic = Diagnostic::error(
                &guide.path,
                format!(
                    "expected a link or image leading to a file the build writes, found `{destination}`, which leads to `{target}` on the guide's page `{dir}`: no such file is written"
                ),
            );
            let file = destination
                .split(['#', '?'])
                .next()
                .unwrap_or_default()
                .trim_start_matches("./");
            diagnostic = diagnostic.with_help(match markdown::linked_file(&site.root, file) {
                Some(folder) => format!(
                    "links are relative to the page, not to the Markdown file: for `{folder}/{file}` write `@/{file}`, which works from any page"
                ),
                None if target.ends_with("index.html") => "link a guide with `@/` and its file (`@/account-manager.md`): the build then checks it exists".to_string(),
                None => "put the file under content/ or static/ and link it with `@/` and its path there (`@/images/office.jpg`)".to_string(),
            });
            found.push((origin.locate(diagnostic, text, offset), target));
        }
    }
    found
}

/// The values of every `href` and `src` attribute in `html`, quoted with
/// `"` or `'`. A SIMD search for the two names keeps this to a fraction of
/// what rendering the page cost.
fn link_attributes(html: &str) -> impl Iterator<Item = &str> {
    static HREF: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("href="));
    static SRC: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("src="));
    let bytes = html.as_bytes();
    let values = move |finder: &'static memmem::Finder<'static>, name_len: usize| {
        finder.find_iter(bytes).filter_map(move |at| {
            // An attribute: after whitespace, never the end of `data-src=`.
            if !at
                .checked_sub(1)
                .is_some_and(|before| bytes[before].is_ascii_whitespace())
            {
                return None;
            }
            let start = at + name_len;
            let quote = *bytes.get(start)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let value = &html[start + 1..];
            memchr::memchr(quote, value.as_bytes()).map(|end| &value[..end])
        })
    };
    values(&HREF, 5).chain(values(&SRC, 4))
}

/// The file below the output folder that a link written `href` on a page
/// in the folder `dir` (`account-manager/`) leads to (`index.html` for
/// `../`), or `None` for a link the build cannot check: to another site or
/// scheme, within the page, or outside the site's own path.
pub fn target(dir: &str, href: &str, base_url: &str, base_path: &str) -> Option<String> {
    let href: Cow<'_, str> = if href.contains("&amp;") {
        Cow::Owned(href.replace("&amp;", "&"))
    } else {
        Cow::Borrowed(href)
    };
    let path = href.split(['#', '?']).next().unwrap_or_default();
    // An `@/` link left as written names nothing: Markdown reported it.
    if path.is_empty() || path.starts_with("@/") {
        return None;
    }
    let (dir, path) = if !base_url.is_empty() && path.starts_with(base_url) {
        ("", &path[base_url.len()..])
    } else if has_scheme(path) || path.starts_with("//") {
        return None;
    } else if path.starts_with('/') {
        ("", path.strip_prefix(base_path)?)
    } else {
        (dir, path)
    };
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let folder = path.is_empty() || path.ends_with('/') || path.ends_with("/.") || path == ".";
    let folder = folder || path.ends_with("/..") || path == "..";
    let mut target = parts.join("/");
    if folder {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some(target)
}

/// `mailto:`, `https:`, `data:` …: a scheme before any `/`.
fn has_scheme(href: &str) -> bool {
    match href.find(':') {
        Some(colon) => {
            let scheme = &href[..colon];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(dir: &str, href: &str) -> Option<String> {
        target(dir, href, "https://example.org/careers/", "/careers/")
    }

    #[test]
    fn targets_resolve_against_the_page() {
        assert_eq!(t("a/", "photo.jpg").as_deref(), Some("a/photo.jpg"));
        assert_eq!(t("a/", "../style.css").as_deref(), Some("style.css"));
        assert_eq!(t("a/", "../").as_deref(), Some("index.html"));
        assert_eq!(t("a/", "../b/#pay").as_deref(), Some("b/index.html"));
        assert_eq!(t("a/", "..").as_deref(), Some("index.html"));
        assert_eq!(t("", "./").as_deref(), Some("index.html"));
        assert_eq!(t("a/", "../b").as_deref(), Some("b"));
        assert_eq!(t("a/", "x%20y.pdf?v=1").as_deref(), Some("a/x y.pdf"));
        assert_eq!(t("a/", "/careers/b/").as_deref(), Some("b/index.html"));
        assert_eq!(
            t("a/", "https://example.org/careers/feed.xml").as_deref(),
            Some("feed.xml")
        );
    }

    #[test]
    fn links_the_build_cannot_check_are_left_alone() {
        for href in [
            "#pay",
            "?q=x",
            "https://other.example/",
            "mailto:a@example.org",
            "data:image/png;base64,xx",
            "//cdn.example/x.js",
            "/elsewhere/",
            "../../outside",
        ] {
            assert_eq!(t("a/", href), None, "{href}");
        }
    }

    #[test]
    fn links_alike_from_every_page_of_a_depth_are_told_apart() {
        let base = "https://example.org/careers/";
        assert!(leads_alike_from("../style.css", 1, base));
        assert!(leads_alike_from("../../", 2, base));
        assert!(leads_alike_from("/careers/x/", 1, base));
        assert!(leads_alike_from("https://example.org/careers/x/", 1, base));
        assert!(!leads_alike_from("photo.jpg", 1, base));
        assert!(!leads_alike_from("../../x", 1, base));
        assert!(!leads_alike_from("../x", 2, base));
        assert!(!leads_alike_from("style.css", 0, base));
        assert!(!leads_alike_from("//cdn.example/x", 1, base));
        // Kept by depth and resolved at the end, they meet the exact ones.
        let mut state = State::default();
        state.by_depth.resize_with(2, HashMap::new);
        State::note(&mut state.by_depth[1], "../b/", "z/index.html");
        State::note(&mut state.by_depth[1], "../b/", "a/index.html");
        State::note(&mut state.targets, "b/index.html", "c/index.html");
        state.resolve(base, "/careers/");
        let linked = &state.targets["b/index.html"];
        assert_eq!((linked.page.as_str(), linked.pages), ("a/index.html", 3));
    }

    #[test]
    fn only_href_and_src_are_read() {
        let html = r#"<a class="x" href="a/">x</a><img alt="y" src='b.png'><div data-href="c" id="d"></div><code>href=&quot;e&quot;</code>"#;
        assert_eq!(link_attributes(html).collect::<Vec<_>>(), ["a/", "b.png"]);
        let html = "<img data-src=\"x\" src=\"y\"><a\nhref=z href=\"w";
        assert_eq!(link_attributes(html).collect::<Vec<_>>(), ["y"]);
    }
}
