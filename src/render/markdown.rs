//! Markdown to HTML with pulldown-cmark: the one place that sets its
//! options, gives headings unique ids and resolves `@/` links between guides.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use pulldown_cmark::{Alignment, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::content::guide::Guide;
use crate::content::index::{GuideIndex, Reason};
use crate::diagnostics::{Diagnostic, Position, suggest};

/// Ids the default theme gives its own sections; body headings never take them.
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
}

impl Links<'_> {
    /// The URL an `@/path.md#fragment` link points at, or an error message;
    /// `Err(None)` for a guide whose file failed to load (its own errors
    /// say why).
    fn resolve(&self, target: &str) -> Result<String, Option<(String, Option<String>)>> {
        let (path, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (target, None),
        };
        match self.index.by_content_path(path) {
            Some(i) => {
                let mut url = format!("{}{}/", self.root, self.guides[i].slug);
                if let Some(fragment) = fragment {
                    url.push('#');
                    url.push_str(fragment);
                }
                Ok(url)
            }
            None => match self.index.unavailable_content_path(path) {
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
            },
        }
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

/// Renders block Markdown. `used_ids` carries heading ids already on the page.
pub fn render_block(
    text: &str,
    links: &Links<'_>,
    origin: Origin<'_>,
    used_ids: &mut HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let text = &*crate::content::text::without_control_characters(text);
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut heading_start: Option<usize> = None;
    let mut next_suffix = HashMap::new();
    let mut table_alignments = Vec::new();
    let mut in_table_head = false;
    let mut head_cell = 0;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let dest_url = match links.resolve(&dest_url[2..]) {
                    Ok(url) => CowStr::from(url),
                    Err(None) => dest_url,
                    Err(Some((message, help))) => {
                        let mut diagnostic = Diagnostic::error(origin.path, message);
                        if let Some(field) = origin.field {
                            diagnostic = diagnostic.with_field(field);
                        }
                        let position = match origin.first_line {
                            Some(line) => Some(Position::of_offset(text, range.start, line)),
                            None => origin
                                .field_guide
                                .zip(origin.field)
                                .and_then(|(guide, field)| guide.anchor(field)),
                        };
                        if let Some(position) = position {
                            diagnostic = diagnostic.at_position(position);
                        }
                        if let Some(help) = help {
                            diagnostic = diagnostic.with_help(help);
                        }
                        diagnostics.push(diagnostic);
                        dest_url
                    }
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            // Header cells get `scope="col"` so that screen readers tie
            // each column to its header.
            Event::Start(Tag::Table(alignments)) => {
                table_alignments = alignments.clone();
                events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                head_cell = 0;
                events.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                events.push(event);
            }
            Event::Start(Tag::TableCell) if in_table_head => {
                let align = match table_alignments.get(head_cell) {
                    Some(Alignment::Left) => r#" style="text-align: left""#,
                    Some(Alignment::Center) => r#" style="text-align: center""#,
                    Some(Alignment::Right) => r#" style="text-align: right""#,
                    _ => "",
                };
                events.push(Event::Html(CowStr::from(format!(
                    r#"<th scope="col"{align}>"#
                ))));
            }
            Event::End(TagEnd::TableCell) if in_table_head => {
                head_cell += 1;
                events.push(Event::Html(CowStr::Borrowed("</th>")));
            }
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    assign_heading_id(&mut events, start, used_ids, &mut next_suffix);
                }
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Renders a short Markdown text without its wrapping paragraph.
pub fn render_inline(
    text: &str,
    links: &Links<'_>,
    origin: Origin<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let mut ids = HashSet::new();
    let html = render_block(text, links, origin, &mut ids, diagnostics);
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
/// unless the author set one, making it unique on the page. `next_suffix`
/// remembers the next number to try for each base id, so that many equal
/// headings take linear, not quadratic, time.
fn assign_heading_id(
    events: &mut [Event<'_>],
    start: usize,
    used: &mut HashSet<String>,
    next_suffix: &mut HashMap<String, usize>,
) {
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
        let mut unique = base.clone();
        let mut n = next_suffix.get(&base).copied().unwrap_or(1);
        while RESERVED_IDS.contains(&unique.as_str()) || used.contains(&unique) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        next_suffix.insert(base, n);
        used.insert(unique.clone());
        *id = Some(CowStr::from(unique));
    }
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
        };
        let origin = Origin {
            path: Path::new("content/a.md"),
            first_line: Some(5),
            field: None,
            field_guide: None,
        };
        let mut diagnostics = Vec::new();
        let html = render_block(text, &links, origin, &mut HashSet::new(), &mut diagnostics);
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
    fn unresolved_link_is_an_error_with_its_line() {
        let (_, diagnostics) = render("text\n\nsee [x](@/nope.md)\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].position, Some(Position::new(7, 5)));
    }

    #[test]
    fn many_equal_headings_take_linear_time() {
        // Each heading used to retry every suffix from 1: 20,000 took a minute.
        let started = std::time::Instant::now();
        let (html, _) = render(&"## Same\n\n## Same-1\n\n".repeat(20_000));
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        let ids: HashSet<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(ids.len(), 40_000);
    }

    #[test]
    fn slugify_keeps_words() {
        assert_eq!(slugify("What a day looks like!"), "what-a-day-looks-like");
        assert_eq!(slugify("Ça va"), "ça-va");
    }
}
