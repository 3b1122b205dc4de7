//! Markdown to HTML with pulldown-cmark: the one place that sets its
//! options, gives headings and footnotes ids unique on their page and
//! resolves `@/` links to guides and to files under `content/` or `static/`.

pub use crate::permalink::{LINKABLE_DIRS, is_plain_path, linked_file, slugify};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::path::Path;

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::content::guide::Guide;
use crate::content::index::{GuideIndex, Reason};
use crate::diagnostics::{Diagnostic, Position, suggest};

/// Ids the default theme gives its own sections; Markdown never takes them.
pub const RESERVED_IDS: &[&str] = &[
    "main",
    "quick-facts",
    "what-they-do",
    "work-environment",
    "how-to-become-one",
    "pay",
    "pay-by-state",
    "job-outlook",
    "career-path",
    "similar-occupations",
    "faq",
    "sources",
    "more",
    "search",
];

/// Whether the theme may use `id` for its own elements: a reserved section
/// id, a `__` sub-id (`pay__title`) or a `cg-` id (`cg-pay-chart`).
pub fn is_theme_id(id: &str) -> bool {
    RESERVED_IDS.contains(&id) || id.contains("__") || id.starts_with("cg-")
}

/// The ids given so far on one page. Every Markdown text rendered onto the
/// same page (body, requirements notes, FAQ answers, environment summary)
/// shares one, so that no two elements of the page get the same id.
#[derive(Debug, Default)]
pub struct PageIds<'a> {
    /// Ids the templates write literally, when known (`Templates::ids`).
    theme: Option<&'a HashSet<String>>,
    used: HashSet<String>,
    /// The next number to try for each base id, so that many equal
    /// headings take linear, not quadratic, time.
    next_suffix: HashMap<String, usize>,
}

impl<'a> PageIds<'a> {
    /// Ids for a page of the default theme: [`is_theme_id`] says which the
    /// theme keeps.
    pub fn new() -> Self {
        PageIds::default()
    }

    /// Ids for a page whose templates also write the ids in `theme`.
    pub fn with_theme_ids(theme: &'a HashSet<String>) -> Self {
        PageIds {
            theme: Some(theme),
            ..PageIds::default()
        }
    }

    /// Whether `id` is already used on the page, by the theme or by Markdown.
    pub fn is_taken(&self, id: &str) -> bool {
        is_theme_id(id)
            || self.theme.is_some_and(|theme| theme.contains(id))
            || self.used.contains(id)
    }

    /// Takes `base`, or `base-1`, `base-2` … when it is taken.
    fn claim(&mut self, base: String) -> String {
        let mut unique = base.clone();
        let mut n = self.next_suffix.get(&base).copied().unwrap_or(1);
        while self.is_taken(&unique) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        self.next_suffix.insert(base, n);
        self.used.insert(unique.clone());
        unique
    }
}

/// The pulldown-cmark options for every Markdown text of a site.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// How `@/` links resolve for one page.
pub struct Links<'a> {
    pub guides: &'a [Guide],
    pub index: &'a GuideIndex,
    /// The relative path from the page to the site root (`../` for a guide page).
    pub root: &'a str,
    /// The site folder, in which `@/` links to files other than guides are
    /// looked up under `content/` and `static/`.
    pub site_root: &'a Path,
    /// The articles, pages and sections `@/` links may name besides guides.
    pub library: Option<&'a crate::content::kinds::Library>,
    /// How shortcode calls render; `None` leaves them as text.
    pub shortcodes: Option<&'a super::shortcodes::Shortcodes<'a>>,
    /// The page's path below the site root (`registered-nurse/`).
    pub page_path: &'a str,
    /// The page's bundle folder, relative to the site root
    /// (`content/registered-nurse`), when its file is a bundle's `index.md`.
    pub bundle: Option<&'a Path>,
    /// Where images get their responsive copies; `None` shows them as written.
    pub images: Option<&'a super::images::Images>,
}

impl Links<'_> {
    /// The file an image destination `dest` (as written) shows, relative
    /// to the site root, and where the build publishes it: an `@/` path's
    /// file, or a file of the page's bundle. `None` for anything else.
    pub fn image_file(&self, dest: &str) -> Option<(std::path::PathBuf, String)> {
        if let Some(target) = dest.strip_prefix("@/") {
            let path = target.split('#').next()?;
            let dir = linked_file(self.site_root, path)?;
            return Some((Path::new(dir).join(path), path.to_string()));
        }
        let bundle = self.bundle?;
        if !super::images::is_bundle_path(dest) {
            return None;
        }
        let source = bundle.join(dest);
        self.site_root
            .join(&source)
            .is_file()
            .then(|| (source, format!("{}{dest}", self.page_path)))
    }

    /// How the page shows the image `dest` (as written) with responsive
    /// copies; `Ok(None)` for an image it shows as written (a URL, a file
    /// of no image format, a page without [`Links::images`]).
    pub fn show_image(&self, dest: &str) -> Result<Option<super::images::Described>, String> {
        let Some(images) = self.images else {
            return Ok(None);
        };
        let Some((source, output)) = self.image_file(dest) else {
            return Ok(None);
        };
        images.describe(&source, &output, self.root)
    }

    /// The URL an `@/path#fragment` link points at, or an error message
    /// with an optional hint; `Err(None)` for a guide whose file failed to
    /// load (its own errors say why).
    pub(crate) fn resolve(&self, target: &str) -> Result<String, Option<(String, Option<String>)>> {
        let (path, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (target, None),
        };
        let mut url = if let Some(i) = self.index.by_content_path(path) {
            format!(
                "{}{}",
                self.root,
                crate::permalink::guide(&self.guides[i].slug)
            )
        } else if let Some(page) = self.library.and_then(|l| l.path_of(path)) {
            format!("{}{page}", self.root)
        } else if !path.ends_with(".md") && linked_file(self.site_root, path).is_some() {
            format!("{}{path}", self.root)
        } else if path.ends_with(".md") {
            return match self.index.unavailable_content_path(path) {
                Some(Reason::Failed) => Err(None),
                Some(Reason::Draft) => Err(Some((
                    format!("expected a link to a published guide, found `@/{target}`, a draft"),
                    Some("build with `--drafts`, or publish that guide".to_string()),
                ))),
                None => {
                    let known: Vec<&str> = self.index.content_paths().collect();
                    Err(Some((
                        format!(
                            "expected a link to a guide under content/, found `@/{target}`, which names no guide"
                        ),
                        suggest(path, &known).map(|p| format!("did you mean `@/{p}`?")),
                    )))
                }
            };
        } else {
            return Err(Some((
                format!(
                    "expected a link to a file under content/ or static/, found `@/{target}`, which names no such file"
                ),
                Some(
                    "`@/` links name a guide (`@/account-manager.md`) or a file by its path below content/ or static/ (`@/images/office.jpg`)"
                        .to_string(),
                ),
            )));
        };
        if let Some(fragment) = fragment {
            url.push('#');
            url.push_str(fragment);
        }
        Ok(url)
    }
}

/// Where a Markdown text sits in its file, for link errors.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    pub path: &'a Path,
    /// The file line of the text's first line; `None` for front-matter
    /// fields, which are placed at `field_position`.
    pub first_line: Option<usize>,
    pub field: Option<&'a str>,
    /// The guide whose front matter holds `field`; its position is looked
    /// up only when a link in it fails.
    pub field_guide: Option<&'a Guide>,
}

impl Origin<'_> {
    /// `diagnostic`, placed at byte `offset` of `text` (or at the field
    /// holding `text`) and naming the field.
    pub fn locate(&self, mut diagnostic: Diagnostic, text: &str, offset: usize) -> Diagnostic {
        if let Some(field) = self.field {
            diagnostic = diagnostic.with_field(field);
        }
        let position = match self.first_line {
            Some(line) => Some(Position::of_offset(text, offset, line)),
            None => self
                .field_guide
                .zip(self.field)
                .and_then(|(guide, field)| guide.anchor(field)),
        };
        match position {
            Some(position) => diagnostic.at_position(position),
            None => diagnostic,
        }
    }
}

/// Renders block Markdown. `ids` holds the ids already given on the page.
pub fn render_block(
    text: &str,
    links: &Links<'_>,
    origin: Origin<'_>,
    ids: &mut PageIds<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let original = &*crate::content::text::without_control_characters(text);
    let expanded = super::shortcodes::expand(original, links, origin, ids, diagnostics);
    let text = &*expanded.text;
    // Diagnostics are placed in the text as written, not as expanded.
    let place = |offset: usize| expanded.original_offset(offset);
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut heading_start: Option<usize> = None;
    // Footnote labels of this text, by lowercase label, and their page ids.
    let mut footnotes: HashMap<String, CowStr<'_>> = HashMap::new();
    // Where the image being read starts, in `events` and in `text`, and
    // its destination and title as written.
    let mut image_start: Option<(usize, usize, String, String)> = None;
    let mut table_alignments = Vec::new();
    let mut in_table_head = false;
    let mut cell = 0;
    let error = |message: String| Diagnostic::error(origin.path, message);
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = resolve(
                    dest_url,
                    links,
                    original,
                    place(range.start),
                    origin,
                    diagnostics,
                );
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                image_start = Some((
                    events.len(),
                    range.start,
                    dest_url.to_string(),
                    title.to_string(),
                ));
                let dest_url = resolve(
                    dest_url,
                    links,
                    original,
                    place(range.start),
                    origin,
                    diagnostics,
                );
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                let Some((start, offset, dest, title)) = image_start.take() else {
                    events.push(event);
                    continue;
                };
                let alt = alt_text(&events[start + 1..]);
                if alt.trim().is_empty() {
                    let error = Diagnostic::error(
                        origin.path,
                        "expected alt text saying what the image shows, found none",
                    )
                    .with_help(
                        "write it between the brackets: `![A nurse checks a chart](chart.jpg)`; for an image that only decorates, use `{{ figure(src=\"…\", decorative=true) }}`",
                    );
                    diagnostics.push(origin.locate(error, original, place(offset)));
                }
                match links.show_image(&dest) {
                    Ok(Some(described)) => {
                        if let Some(message) = described.over_budget {
                            let warning = Diagnostic::warning(origin.path, message)
                                .with_help(super::images::BUDGET_HELP);
                            diagnostics.push(origin.locate(warning, original, place(offset)));
                        }
                        events.truncate(start);
                        let html = described.shown.html(&alt, Some(&title), false);
                        events.push(Event::InlineHtml(CowStr::from(html)));
                    }
                    Ok(None) => events.push(event),
                    Err(message) => {
                        let error = Diagnostic::error(origin.path, message);
                        diagnostics.push(origin.locate(error, original, place(offset)));
                        events.push(event);
                    }
                }
            }
            // Footnotes take page-wide ids too: a footnote `[^note]` and a
            // heading `## Note` must not share `note`, or the footnote link
            // jumps to the heading.
            Event::FootnoteReference(label) => {
                let id = footnote_id(&mut footnotes, &label, ids);
                events.push(Event::FootnoteReference(id));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let id = footnote_id(&mut footnotes, &label, ids);
                events.push(Event::Start(Tag::FootnoteDefinition(id)));
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                for id in html_attributes(html, "id") {
                    if ids.is_taken(id) {
                        let message = format!(
                            "expected an id used nowhere else on the page, found `id=\"{id}\"`, which {} already uses",
                            if ids.used.contains(id) {
                                "this page"
                            } else {
                                "the theme"
                            }
                        );
                        diagnostics.push(origin.locate(
                            error(message),
                            original,
                            place(range.start),
                        ));
                    } else {
                        ids.used.insert(id.to_string());
                    }
                }
                events.push(event);
            }
            // Cells are written here rather than by pulldown-cmark: header
            // cells get `scope="col"` so that screen readers tie each column
            // to its header, and aligned cells get a class where
            // pulldown-cmark writes `style="text-align: …"`, which a strict
            // `style-src 'self'` Content Security Policy blocks.
            Event::Start(Tag::Table(alignments)) => {
                let none = vec![Alignment::None; alignments.len()];
                table_alignments = alignments;
                events.push(Event::Start(Tag::Table(none)));
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                cell = 0;
                events.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                events.push(event);
            }
            Event::Start(Tag::TableRow) => {
                cell = 0;
                events.push(event);
            }
            Event::Start(Tag::TableCell) => {
                let class = match table_alignments.get(cell) {
                    Some(Alignment::Left) => r#" class="align-left""#,
                    Some(Alignment::Center) => r#" class="align-center""#,
                    Some(Alignment::Right) => r#" class="align-right""#,
                    _ => "",
                };
                events.push(Event::Html(CowStr::from(if in_table_head {
                    format!(r#"<th scope="col"{class}>"#)
                } else {
                    format!("<td{class}>")
                })));
            }
            Event::End(TagEnd::TableCell) => {
                cell += 1;
                events.push(Event::Html(CowStr::Borrowed(if in_table_head {
                    "</th>"
                } else {
                    "</td>"
                })));
            }
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    assign_heading_id(&mut events, start, ids);
                }
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    expanded.finish(out)
}

/// The text of an image's alt events, as pulldown-cmark would write it.
fn alt_text(events: &[Event<'_>]) -> String {
    let mut alt = String::new();
    for event in events {
        match event {
            Event::Text(text) | Event::Code(text) | Event::InlineMath(text) => alt.push_str(text),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            _ => {}
        }
    }
    alt
}

/// Rewrites an `@/` destination to the URL it names, reporting one that
/// names nothing; other destinations are left as written (the link check
/// after the build reads them from the pages).
fn resolve<'t>(
    dest_url: CowStr<'t>,
    links: &Links<'_>,
    text: &str,
    offset: usize,
    origin: Origin<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> CowStr<'t> {
    let Some(target) = dest_url.strip_prefix("@/") else {
        return dest_url;
    };
    match links.resolve(target) {
        Ok(url) => CowStr::from(url),
        Err(None) => dest_url,
        Err(Some((message, help))) => {
            let mut diagnostic = Diagnostic::error(origin.path, message);
            if let Some(help) = help {
                diagnostic = diagnostic.with_help(help);
            }
            diagnostics.push(origin.locate(diagnostic, text, offset));
            dest_url
        }
    }
}

/// The page id of the footnote `label` (`fn-note` for `[^note]`), the same
/// for its references and its definition.
fn footnote_id<'t>(
    footnotes: &mut HashMap<String, CowStr<'t>>,
    label: &str,
    ids: &mut PageIds<'_>,
) -> CowStr<'t> {
    footnotes
        .entry(label.to_lowercase())
        .or_insert_with(|| {
            let slug = slugify(label);
            let base = if slug.is_empty() {
                "fn".to_string()
            } else {
                format!("fn-{slug}")
            };
            CowStr::from(ids.claim(base))
        })
        .clone()
}

/// The values of the attribute `name` in an HTML fragment (`id` of
/// `<div id="x">`), quoted with `"` or `'`.
pub fn html_attributes<'h>(html: &'h str, name: &'h str) -> impl Iterator<Item = &'h str> + 'h {
    html.match_indices('=').filter_map(move |(at, _)| {
        let before = html[..at].trim_end();
        let attribute_start = before.len().checked_sub(name.len())?;
        if !before[attribute_start..].eq_ignore_ascii_case(name)
            || !before[..attribute_start].ends_with(|c: char| c.is_ascii_whitespace())
        {
            return None;
        }
        let value = html[at + 1..].trim_start();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let value = &value[1..];
        value.find(quote).map(|end| &value[..end])
    })
}

/// Every link and image destination written in Markdown `text` other than
/// `@/` ones, with its byte offset, raw HTML `href` and `src` included.
pub fn local_destinations(text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !dest_url.starts_with("@/") =>
            {
                found.push((dest_url.to_string(), range.start));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                for name in ["href", "src"] {
                    for value in html_attributes(&html, name) {
                        found.push((value.replace("&amp;", "&"), range.start));
                    }
                }
            }
            _ => {}
        }
    }
    found
}
/// Renders a short Markdown text without its wrapping paragraph.
pub fn render_inline(
    text: &str,
    links: &Links<'_>,
    origin: Origin<'_>,
    ids: &mut PageIds<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let html = render_block(text, links, origin, ids, diagnostics);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Gives the heading that starts at `events[start]` an id from its text,
/// unless the author set one, making it unique on the page.
fn assign_heading_id(events: &mut [Event<'_>], start: usize, ids: &mut PageIds) {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        let base = match id {
            Some(given) => given.to_string(),
            None => {
                let slug = slugify(&text);
                if slug.is_empty() {
                    "section".to_string()
                } else {
                    slug
                }
            }
        };
        // The theme's `__` sub-ids and `cg-` chart ids are never taken.
        let mut base = base.replace("__", "-");
        if base.starts_with("cg-") {
            base.insert_str(0, "h-");
        }
        *id = Some(CowStr::from(ids.claim(base)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> (String, Vec<Diagnostic>) {
        let guides = Vec::new();
        let index = GuideIndex::new(&guides);
        let links = Links {
            guides: &guides,
            index: &index,
            root: "../",
            site_root: Path::new("/nonexistent"),
            library: None,
            shortcodes: None,
            page_path: "",
            bundle: None,
            images: None,
        };
        let origin = Origin {
            path: Path::new("content/a.md"),
            first_line: Some(5),
            field: None,
            field_guide: None,
        };
        let mut diagnostics = Vec::new();
        let html = render_block(text, &links, origin, &mut PageIds::new(), &mut diagnostics);
        (html, diagnostics)
    }

    #[test]
    fn headings_get_unique_ids() {
        let (html, _) = render("## Day to day\n\n## Day to day\n\n## Pay\n");
        assert!(html.contains(r#"<h2 id="day-to-day">"#), "{html}");
        assert!(html.contains(r#"<h2 id="day-to-day-1">"#), "{html}");
        assert!(html.contains(r#"<h2 id="pay-1">"#), "{html}");
        let (html, _) = render("## Chart {#cg-pay-chart}\n\n## T {#pay__title}\n");
        assert!(html.contains(r#"id="h-cg-pay-chart""#), "{html}");
        assert!(html.contains(r#"id="pay-title""#), "{html}");
    }

    #[test]
    fn extensions_are_on() {
        let (html, _) = render("| a |\n|---|\n| b |\n\n~~x~~ - [x] y \"q\"\n\nn[^1]\n\n[^1]: f\n");
        assert!(html.contains("<table>"));
        assert!(html.contains(r#"<th scope="col">a</th>"#), "{html}");
        assert!(html.contains("<del>"));
        assert!(html.contains("“q”"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn aligned_table_cells_get_classes_not_inline_styles() {
        let (html, _) = render(
            "| job | pay | share | note |\n|:---|---:|:---:|---|\n| nurse | 10 | 5 % | x |\n| cook | 9 | 4 % | y |\n",
        );
        assert!(!html.contains("style="), "{html}");
        assert!(
            html.contains(r#"<th scope="col" class="align-left">job</th>"#),
            "{html}"
        );
        assert!(html.contains(r#"<th scope="col">note</th>"#), "{html}");
        assert!(html.contains(r#"<td class="align-right">9</td>"#), "{html}");
        assert!(
            html.contains(r#"<td class="align-center">4 %</td>"#),
            "{html}"
        );
        assert!(html.contains("<td>y</td>"), "{html}");
    }

    #[test]
    fn unresolved_link_is_an_error_with_its_line() {
        let (_, diagnostics) = render("text\n\nsee [x](@/nope.md)\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].position, Some(Position::new(7, 5)));
    }

    #[test]
    fn many_equal_headings_get_unique_ids() {
        // Each heading used to retry every suffix from 1, so 20,000 took a
        // minute; time is the benchmark's to watch, the ids are this test's.
        let (html, _) = render(&"## Same\n\n## Same-1\n\n".repeat(20_000));
        let ids: HashSet<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(ids.len(), 40_000);
    }

    #[test]
    fn footnotes_take_page_ids_apart_from_headings() {
        let (html, _) = render("## Note\n\nText[^note].\n\n[^note]: The note.\n");
        assert!(html.contains(r#"<h2 id="note">"#), "{html}");
        assert!(html.contains(r##"<a href="#fn-note">1</a>"##), "{html}");
        assert!(
            html.contains(r#"<div class="footnote-definition" id="fn-note">"#),
            "{html}"
        );
        // A second text on the same page gets its own footnote ids.
        let guides = Vec::new();
        let index = GuideIndex::new(&guides);
        let links = Links {
            guides: &guides,
            index: &index,
            root: "../",
            site_root: Path::new("/nonexistent"),
            library: None,
            shortcodes: None,
            page_path: "",
            bundle: None,
            images: None,
        };
        let origin = Origin {
            path: Path::new("content/a.md"),
            first_line: Some(1),
            field: None,
            field_guide: None,
        };
        let mut ids = PageIds::new();
        let mut found = Vec::new();
        let text = "## Fn note\n\nA[^Note] b[^note].\n\n[^note]: x\n";
        let first = render_block(text, &links, origin, &mut ids, &mut found);
        let second = render_block(text, &links, origin, &mut ids, &mut found);
        assert!(first.contains(r#"<h2 id="fn-note">"#), "{first}");
        assert!(first.contains(r#"id="fn-note-1""#), "{first}");
        assert_eq!(
            first.matches(r##"href="#fn-note-1""##).count(),
            2,
            "{first}"
        );
        assert!(second.contains(r#"<h2 id="fn-note-2">"#), "{second}");
        assert!(second.contains(r#"id="fn-note-3""#), "{second}");
        assert!(found.is_empty());
    }

    #[test]
    fn raw_html_ids_must_be_free() {
        let (_, found) =
            render("<div id=\"faq\"></div>\n\n## X\n\n<span id='x'>a</span> <b data-id=\"faq\">\n");
        let messages: Vec<(Option<Position>, &str)> = found
            .iter()
            .map(|d| (d.position, d.message.as_str()))
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert_eq!(messages[0].0, Some(Position::new(5, 1)));
        assert!(
            messages[0].1.contains("`id=\"faq\"`, which the theme"),
            "{messages:?}"
        );
        assert_eq!(messages[1].0, Some(Position::new(9, 1)));
        assert!(
            messages[1].1.contains("`id=\"x\"`, which this page"),
            "{messages:?}"
        );
    }

    #[test]
    fn images_without_alt_text_are_errors() {
        let (_, found) = render("![](a.png) ![ ](b.png) ![A chart](c.png) ![`code`](d.png)\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(Diagnostic::is_error));
        assert_eq!(found[0].position, Some(Position::new(5, 1)));
        assert_eq!(found[1].position, Some(Position::new(5, 12)));
    }

    #[test]
    fn at_links_to_files_resolve_under_content_then_static() {
        let dir = tempfile::tempdir().expect("temp dir");
        for file in [
            "content/images/a.jpg",
            "static/docs/b.pdf",
            "static/images/a.jpg",
        ] {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x").expect("write");
        }
        assert_eq!(linked_file(dir.path(), "images/a.jpg"), Some("content"));
        assert_eq!(linked_file(dir.path(), "docs/b.pdf"), Some("static"));
        assert_eq!(linked_file(dir.path(), "docs/../images/a.jpg"), None);
        assert_eq!(linked_file(dir.path(), "docs"), None);
        let guides = Vec::new();
        let index = GuideIndex::new(&guides);
        let links = Links {
            guides: &guides,
            index: &index,
            root: "../",
            site_root: dir.path(),
            library: None,
            shortcodes: None,
            page_path: "",
            bundle: None,
            images: None,
        };
        assert_eq!(
            links.resolve("docs/b.pdf#page=2").ok().as_deref(),
            Some("../docs/b.pdf#page=2")
        );
        assert!(links.resolve("docs/c.pdf").is_err());
    }

    #[test]
    fn local_destinations_include_raw_html() {
        let found = local_destinations(
            "[a](x/) ![b](@/y.png)\n\n<img src=\"z.png\" alt=\"\"> <a href='w?a=1&amp;b=2'>w</a>\n",
        );
        let names: Vec<&str> = found.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(names, ["x/", "z.png", "w?a=1&b=2"]);
    }

    #[test]
    fn slugify_keeps_words() {
        assert_eq!(slugify("What a day looks like!"), "what-a-day-looks-like");
        assert_eq!(slugify("Ça va"), "ça-va");
    }
}
