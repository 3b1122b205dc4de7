//! The kinds of content besides guides: sections (`content/<dir>/_index.md`),
//! the articles inside them, standalone pages (`kind: page`) and the home
//! page's intro (`content/_index.md`). Each has its own schema, read as
//! strictly as a guide's: unknown keys with suggestions, types, located
//! errors, all of them at once.
//!
//! How a file says what it is (see `docs/content-model.md`):
//! - `_index.md` in a folder below `content/` makes that folder a section;
//!   its `kind: article` says what the other files in it are.
//! - A file outside any section whose front matter says `kind: page` is a page.
//! - Every other file is a guide, so a site of guides needs no new file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde_yaml::Value;

use super::front_matter;
use super::guide::is_slug;
use super::index::GuideIndex;
use super::load::CONTENT_DIR;
use super::parse::{MAX_FILE_BYTES, MAX_TITLE_CHARS, too_large};
use crate::diagnostics::{Diagnostic, Position};
use crate::yaml::{self, Map, Reader, YamlText};

/// The name of a section's own file, as in Zola.
pub const SECTION_FILE: &str = "_index.md";

/// The kinds of page made from a content file: a closed list, as Hugo's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An occupation profile: the default for any file.
    Guide,
    /// Dated advice inside a section.
    Article,
    /// A standalone page: About, Contact, an accessibility statement.
    Page,
}

impl Kind {
    /// The word used in front matter and as `page.kind` in templates.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Guide => "guide",
            Kind::Article => "article",
            Kind::Page => "page",
        }
    }

    /// The template a page of this kind is rendered with.
    pub fn template(self) -> &'static str {
        match self {
            Kind::Guide => "guide.html",
            Kind::Article => "article.html",
            Kind::Page => "page.html",
        }
    }

    /// Every top-level front-matter key of this kind.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Guide => super::parse::GUIDE_KEYS,
            Kind::Article => ARTICLE_KEYS,
            Kind::Page => PAGE_KEYS,
        }
    }
}

/// The kinds a section's `_index.md` may name for its files.
pub const SECTION_KINDS: &[&str] = &["article"];

/// The kinds a file outside a section may name with `kind:`.
pub const FILE_KINDS: &[&str] = &["guide", "page"];

/// Every top-level key of a section's `_index.md`.
pub const SECTION_KEYS: &[&str] = &[
    "kind",
    "title",
    "description",
    "paginate_by",
    "sort_by",
    "feed",
];

/// Every top-level key of an article.
pub const ARTICLE_KEYS: &[&str] = &[
    "title",
    "slug",
    "date",
    "updated",
    "author",
    "summary",
    "topics",
    "related_careers",
    "image",
    "draft",
];

/// Every top-level key of a page.
pub const PAGE_KEYS: &[&str] = &["kind", "title", "slug", "description", "menu", "draft"];

/// Every top-level key of the home page's `content/_index.md`.
pub const HOME_KEYS: &[&str] = &["title", "description"];

/// How a section orders its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Newest first (`updated` is not a reason to move up), ties by title.
    Date,
    /// By title, A to Z.
    Title,
}

/// A folder of articles, from its `_index.md`.
#[derive(Debug, Clone)]
pub struct Section {
    /// The `_index.md` file, relative to the site root.
    pub path: PathBuf,
    /// The folder below `content/`, `/`-separated: `advice`. It is also
    /// the section's URL path.
    pub dir: String,
    pub kind: Kind,
    pub title: String,
    pub description: String,
    /// Articles per list page; `None` uses the site's `paginate_by`.
    pub paginate_by: Option<usize>,
    pub sort_by: SortBy,
    /// Whether the section has its own Atom feed (`feed: false` turns it off).
    pub feed: bool,
    /// The intro in Markdown, shown above the list.
    pub body: Markdown,
}

/// Markdown text with where it starts in its file, for located link errors.
#[derive(Debug, Clone, Default)]
pub struct Markdown {
    pub text: String,
    /// The file line of the text's first line.
    pub line: usize,
}

/// An image with its required text alternative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// As written: relative to the file's folder, or `@/` below `content/`
    /// or `static/`.
    pub src: String,
    /// The file it names, relative to the site root.
    pub file: PathBuf,
    pub alt: String,
    /// Where `src` is written in the front matter.
    pub position: Position,
}

/// A guide named under an article's `related_careers`, with where it was
/// written so that a name that matches no guide is a located error.
#[derive(Debug, Clone)]
pub struct CareerRef {
    /// A slug (`account-manager`) or an `@/` path (`@/account-manager.md`).
    pub name: String,
    pub field: String,
    pub position: Position,
}

/// One advice article.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    /// Relative to `content/`: what `@/` links name (`advice/salary.md`).
    pub content_path: String,
    /// Position of its section in [`Library::sections`].
    pub section: usize,
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub updated: Option<NaiveDate>,
    pub author: String,
    pub summary: String,
    pub topics: Vec<String>,
    pub related_careers: Vec<CareerRef>,
    pub image: Option<Image>,
    pub draft: bool,
    pub body: Markdown,
    /// The file's text, for code frames of errors found across files.
    pub source: Arc<str>,
}

/// A standalone page's entry in one of the site's menus (`menu:`), merged
/// with the entries `config.yaml` gives that menu.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MenuEntry {
    /// The menu it goes in: one of [`crate::config::MENU_NAMES`] (`main`
    /// unless `name:` or the short form `menu: footer` says otherwise).
    pub menu: &'static str,
    /// The label shown; the page's title when not given.
    pub label: String,
    /// Lighter entries come first; ties by label.
    pub weight: i64,
}

/// The keys of a page's `menu:` mapping.
pub const PAGE_MENU_KEYS: &[&str] = &["name", "label", "weight"];

/// One standalone page (About, Accessibility statement).
#[derive(Debug, Clone)]
pub struct StandalonePage {
    pub path: PathBuf,
    pub content_path: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub menu: Option<MenuEntry>,
    pub draft: bool,
    pub body: Markdown,
}

/// The home page's intro (`content/_index.md`).
#[derive(Debug, Clone, Default)]
pub struct HomeIntro {
    pub path: PathBuf,
    /// Overrides the site title as the home page's heading.
    pub title: Option<String>,
    /// Overrides the site description as the home page's meta description.
    pub description: Option<String>,
    pub body: Markdown,
}

/// Everything under `content/` that is not a guide, loaded and checked on
/// its own. Articles are sorted by path, like guides.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub sections: Vec<Section>,
    pub articles: Vec<Article>,
    pub pages: Vec<StandalonePage>,
    pub home: Option<HomeIntro>,
}

impl Library {
    /// Whether the site has nothing but guides.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.pages.is_empty() && self.home.is_none()
    }

    /// The article or page at `content_path`, as a URL path below the root.
    pub fn path_of(&self, content_path: &str) -> Option<String> {
        if let Some(article) = self
            .articles
            .iter()
            .find(|a| a.content_path == content_path)
        {
            let section = &self.sections[article.section];
            return Some(crate::permalink::article(&section.dir, &article.slug));
        }
        if let Some(section) = self
            .sections
            .iter()
            .find(|s| section_content_path(&s.dir) == content_path)
        {
            return Some(crate::permalink::section(&section.dir));
        }
        self.pages
            .iter()
            .find(|p| p.content_path == content_path)
            .map(|p| crate::permalink::page(&p.slug))
    }

    /// The content paths `@/` links may name besides guides.
    pub fn content_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .articles
            .iter()
            .map(|a| a.content_path.clone())
            .chain(self.pages.iter().map(|p| p.content_path.clone()))
            .chain(self.sections.iter().map(|s| section_content_path(&s.dir)))
            .collect();
        paths.sort();
        paths
    }

    /// The articles of section `s`, in the section's order.
    pub fn section_articles(&self, s: usize) -> Vec<usize> {
        let mut list: Vec<usize> = (0..self.articles.len())
            .filter(|&i| self.articles[i].section == s)
            .collect();
        let by = self.sections.get(s).map_or(SortBy::Date, |s| s.sort_by);
        self.sort(&mut list, by);
        list
    }

    /// Every article, newest first.
    pub fn newest_articles(&self) -> Vec<usize> {
        let mut list: Vec<usize> = (0..self.articles.len()).collect();
        self.sort(&mut list, SortBy::Date);
        list
    }

    fn sort(&self, list: &mut [usize], by: SortBy) {
        list.sort_by_cached_key(|&i| {
            let a = &self.articles[i];
            let date = match by {
                SortBy::Date => std::cmp::Reverse(Some(a.date)),
                SortBy::Title => std::cmp::Reverse(None),
            };
            (date, a.title.to_lowercase(), a.content_path.clone())
        });
    }

    /// The articles naming the guide at `guide` among `related_careers`,
    /// newest first.
    pub fn advice_for(&self, guide: usize, index: &GuideIndex) -> Vec<usize> {
        self.newest_articles()
            .into_iter()
            .filter(|&i| {
                self.articles[i]
                    .related_careers
                    .iter()
                    .any(|r| resolve_career(&r.name, index) == Some(guide))
            })
            .collect()
    }
}

/// The content path of a section's own file: `advice/_index.md`.
pub fn section_content_path(dir: &str) -> String {
    format!("{dir}/{SECTION_FILE}")
}

/// The guide a `related_careers` name means: a slug, or an `@/` path to a
/// guide file.
pub fn resolve_career(name: &str, index: &GuideIndex) -> Option<usize> {
    match name.strip_prefix("@/") {
        Some(path) => index.by_content_path(path),
        None => index.by_slug(name),
    }
}

/// Content files sorted into guides and the rest by their place under
/// `content/` alone (pages, which say `kind: page`, are among `guides`
/// until their front matter is read).
#[derive(Debug, Default)]
pub struct Sorted {
    pub guides: Vec<PathBuf>,
    /// `_index.md` files, the home page's first when it has one.
    pub section_files: Vec<PathBuf>,
    /// Files in a section's folder or below it.
    pub members: Vec<PathBuf>,
}

/// Sorts the Markdown `files` under `root/content`: a folder with an
/// `_index.md` (other than `content/` itself) holds no guides.
pub fn sort_files(root: &Path, files: Vec<PathBuf>) -> Sorted {
    let content = root.join(CONTENT_DIR);
    let section_dirs: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == SECTION_FILE))
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .filter(|dir| *dir != content)
        .collect();
    let mut sorted = Sorted::default();
    for file in files {
        if file.file_name().is_some_and(|n| n == SECTION_FILE) {
            sorted.section_files.push(file);
        } else if section_dirs.iter().any(|dir| file.starts_with(dir)) {
            sorted.members.push(file);
        } else {
            sorted.guides.push(file);
        }
    }
    sorted
}

/// Whether the front matter of the file `text` names `kind: page` at its
/// top level. A cheap look before parsing: the kind decides the schema.
pub fn declares_page(text: &str) -> bool {
    let Ok(document) = front_matter::split(text) else {
        return false;
    };
    document.front_matter.lines().any(|line| {
        line.strip_prefix("kind:")
            .map(|rest| rest.trim().trim_matches(['"', '\'']) == "page")
            .unwrap_or(false)
    })
}

/// What reading one content file of a kind gave.
pub struct Read<T> {
    pub item: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The parts every kind's reader gets: the YAML value and a reader placed
/// in the file, the body and its first line, the whole text.
struct FileParts<'a> {
    value: &'a Value,
    body: &'a str,
    body_line: usize,
    text: &'a str,
}

/// Reads `file` (`display` relative to the site root) and hands its front
/// matter to `read`; every problem found is returned.
fn read_file<T>(
    file: &Path,
    display: &Path,
    read: impl FnOnce(&mut Reader<'_>, FileParts<'_>) -> Option<T>,
) -> Read<T> {
    let fail = |d: Diagnostic| Read {
        item: None,
        diagnostics: vec![d],
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => {
            return fail(Diagnostic::error(
                display,
                format!("cannot read `{}`: {err}", file.display()),
            ));
        }
    };
    if bytes.len() > MAX_FILE_BYTES {
        return fail(too_large(display, bytes.len() as u64));
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return fail(Diagnostic::error(
            display,
            "expected UTF-8 text, found invalid bytes",
        ));
    };
    let text = front_matter::normalize(text);
    let document = match front_matter::split(&text) {
        Ok(document) => document,
        Err(err) => {
            return fail(Diagnostic::error(display, err.message()).at(Position::new(1, 1), &text));
        }
    };
    let yaml_text = YamlText {
        yaml: document.front_matter,
        first_line: document.front_matter_line,
        file_text: &text,
    };
    let value = match yaml::parse(display, yaml_text) {
        Ok(Value::Null) => Value::Mapping(Default::default()),
        Ok(value) => value,
        Err(diagnostic) => return fail(diagnostic),
    };
    let mut reader = Reader::new(display, yaml_text);
    let item = read(
        &mut reader,
        FileParts {
            value: &value,
            body: document.body,
            body_line: document.body_line,
            text: &text,
        },
    );
    Read {
        item,
        diagnostics: reader.into_diagnostics(),
    }
}

/// Required text of 1 to `max` characters.
fn text(
    r: &mut Reader<'_>,
    map: &Map<'_>,
    key: &str,
    max: usize,
    required: bool,
) -> Option<String> {
    let slot = map.at(key);
    if required && slot.value.is_none() {
        r.missing(&slot, &format!("text of 1 to {max} characters"));
        return None;
    }
    let value = r.opt_string(&slot)?;
    let count = value.trim().chars().count();
    if count == 0 || count > max {
        r.error(
            &slot.field,
            format!("expected 1 to {max} characters, found {count}"),
        );
        return None;
    }
    Some(value)
}

/// The `slug:` if given, else the file name (or, for `index.md`, its folder's name).
fn slug(r: &mut Reader<'_>, map: &Map<'_>, content_path: &str) -> Option<String> {
    let slot = map.at("slug");
    if let Some(slug) = r.opt_string(&slot) {
        if is_slug(&slug) {
            return Some(slug);
        }
        r.error(
            &slot.field,
            format!(
                "expected lowercase letters, digits and single dashes (`about-us`), found {slug:?}"
            ),
        );
        return None;
    }
    let stem = super::bundle::default_slug(content_path)?;
    if is_slug(&stem) {
        return Some(stem);
    }
    let diagnostic = Diagnostic::error(
        &r.path,
        format!("expected a file name usable as a URL slug, found {stem:?}"),
    )
    .with_help("rename the file or set `slug:` (lowercase letters, digits and dashes)");
    r.diagnostics.push(diagnostic);
    None
}

fn read_date(r: &mut Reader<'_>, map: &Map<'_>, key: &str, today: NaiveDate) -> Option<NaiveDate> {
    super::parse::read_date(r, &map.at(key), today)
}

/// Reads a section's `_index.md`.
pub fn read_section(root: &Path, file: &Path) -> Read<Section> {
    let display = crate::diagnostics::display_path(root, file);
    let dir = crate::walk::relative_name(
        &root.join(CONTENT_DIR),
        file.parent().unwrap_or(Path::new("")),
    );
    read_file(file, &display, |r, parts| {
        let map = r.mapping(parts.value, "", SECTION_KEYS)?;
        let kind_slot = map.at("kind");
        let kind = if kind_slot.value.is_none() {
            r.missing(&kind_slot, &format!("one of {}", SECTION_KINDS.join(", ")));
            None
        } else {
            r.opt_enum(&kind_slot, SECTION_KINDS).map(|_| Kind::Article)
        };
        let title = text(r, &map, "title", MAX_TITLE_CHARS, true);
        let description = text(r, &map, "description", 320, false).unwrap_or_default();
        let paginate_slot = map.at("paginate_by");
        let paginate_by = r.opt_integer(&paginate_slot).and_then(|n| {
            let n = usize::try_from(n).ok();
            if n.is_none() {
                r.error(
                    &paginate_slot.field,
                    "expected a whole number of articles per page of 0 or more",
                );
            }
            n
        });
        let sort_by = match r.opt_enum(&map.at("sort_by"), &["date", "title"]) {
            Some("title") => SortBy::Title,
            _ => SortBy::Date,
        };
        let feed = r.opt_bool(&map.at("feed")).unwrap_or(true);
        if !dir.split('/').all(is_slug) {
            r.diagnostics.push(Diagnostic::error(
                &r.path,
                format!("expected a section folder usable in a URL, found {dir:?}"),
            ));
        }
        Some(Section {
            path: display.clone(),
            dir: dir.clone(),
            kind: kind?,
            title: title?,
            description,
            paginate_by,
            sort_by,
            feed,
            body: Markdown {
                text: parts.body.to_string(),
                line: parts.body_line,
            },
        })
    })
}

/// Reads `content/_index.md`, the home page's intro.
pub fn read_home(root: &Path, file: &Path) -> Read<HomeIntro> {
    let display = crate::diagnostics::display_path(root, file);
    read_file(file, &display, |r, parts| {
        let map = r.mapping(parts.value, "", HOME_KEYS)?;
        Some(HomeIntro {
            path: display.clone(),
            title: text(r, &map, "title", MAX_TITLE_CHARS, false),
            description: text(r, &map, "description", 320, false),
            body: Markdown {
                text: parts.body.to_string(),
                line: parts.body_line,
            },
        })
    })
}

/// Reads one article of section `section` (whose folder is `section_dir`).
pub fn read_article(root: &Path, file: &Path, section: usize, today: NaiveDate) -> Read<Article> {
    let display = crate::diagnostics::display_path(root, file);
    let content_path = crate::walk::relative_name(&root.join(CONTENT_DIR), file);
    read_file(file, &display, |r, parts| {
        let map = r.mapping(parts.value, "", ARTICLE_KEYS)?;
        let title = text(r, &map, "title", MAX_TITLE_CHARS, true);
        let slug = slug(r, &map, &content_path);
        let date_slot = map.at("date");
        if date_slot.value.is_none() {
            r.missing(&date_slot, "a date written `YYYY-MM-DD`");
        }
        let date = read_date(r, &map, "date", today);
        let updated = read_date(r, &map, "updated", today);
        if let (Some(date), Some(updated)) = (date, updated)
            && updated < date
        {
            r.error(
                "updated",
                format!("expected a date on or after `date` ({date}), found {updated}"),
            );
        }
        let author = text(r, &map, "author", 120, true);
        let summary = text(r, &map, "summary", 320, true);
        let topics_slot = map.at("topics");
        let topics = r.string_list(&topics_slot);
        let mut seen = std::collections::HashSet::new();
        for (i, topic) in topics.iter().enumerate() {
            let field = format!("topics[{i}]");
            if crate::permalink::topic_slug(topic).is_empty() {
                r.error(
                    &field,
                    format!("expected a topic with a letter or digit, found {topic:?}"),
                );
            } else if !seen.insert(crate::permalink::topic_slug(topic)) {
                r.error(
                    &field,
                    format!("expected unique topics, found {topic:?} again"),
                );
            }
        }
        let related_slot = map.at("related_careers");
        let related_careers = r
            .opt_list(&related_slot, |r, value, field| {
                let name = r.string_value(value, field)?;
                let position = r.position(field);
                Some(CareerRef {
                    name,
                    field: field.to_string(),
                    position,
                })
            })
            .unwrap_or_default();
        let image = read_image(r, &map, root, file);
        let draft = r.opt_bool(&map.at("draft")).unwrap_or(false);
        Some(Article {
            path: display.clone(),
            content_path: content_path.clone(),
            section,
            slug: slug?,
            title: title?,
            date: date?,
            updated,
            author: author?,
            summary: summary?,
            topics,
            related_careers,
            image,
            draft,
            body: Markdown {
                text: parts.body.to_string(),
                line: parts.body_line,
            },
            source: Arc::from(parts.text),
        })
    })
}

/// `image: {src, alt}`: the file must exist and the alt text say something.
fn read_image(r: &mut Reader<'_>, map: &Map<'_>, root: &Path, file: &Path) -> Option<Image> {
    let mut image = read_image_fields(r, map)?;
    let Some(found) = locate_image(root, file, &image.src) else {
        r.push_at("image.src", missing_image(&r.path, &image.src));
        return None;
    };
    image.file = found;
    Some(image)
}

/// `image: {src, alt}` as written in `map`: both required, the alt text
/// not empty. The file is left to [`locate_image`] (`file` is empty).
pub fn read_image_fields(r: &mut Reader<'_>, map: &Map<'_>) -> Option<Image> {
    let slot = map.at("image");
    let image = r.sub_mapping(&slot, &["src", "alt"])?;
    let src_slot = image.at("src");
    let alt_slot = image.at("alt");
    if src_slot.value.is_none() {
        r.missing(&src_slot, "the image file's path");
    }
    if alt_slot.value.is_none() {
        r.missing(&alt_slot, "a text alternative describing the image");
    }
    let src = r.opt_string(&src_slot);
    let alt = r.opt_string(&alt_slot);
    if alt.as_deref().is_some_and(|alt| alt.trim().is_empty()) {
        r.error(
            &alt_slot.field,
            "expected a text alternative describing the image, found empty text",
        );
    }
    // A missing or empty alt is reported above; the file is still checked.
    let src = src?;
    let alt = alt.unwrap_or_default();
    Some(Image {
        position: r.position(&src_slot.field),
        src,
        file: PathBuf::new(),
        alt,
    })
}

/// The file an `image.src` written in the content file `file` (absolute)
/// names, relative to the site root: one beside `file` (in its bundle), or
/// an `@/` path below `content/` or `static/`; `None` when there is none.
pub fn locate_image(root: &Path, file: &Path, src: &str) -> Option<PathBuf> {
    match src.strip_prefix("@/") {
        Some(path) => {
            crate::permalink::linked_file(root, path).map(|dir| PathBuf::from(dir).join(path))
        }
        None if crate::permalink::is_plain_path(src) => {
            let beside = file.parent().unwrap_or(root).join(src);
            beside
                .is_file()
                .then(|| crate::diagnostics::display_path(root, &beside))
        }
        None => None,
    }
}

/// The error for an `image.src` that names no file, in the file at `path`.
pub fn missing_image(path: &Path, src: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        format!("expected an image file, found {src:?}, which names no file"),
    )
    .with_help("name a file beside this one, in its bundle folder (`office.svg` beside `index.md`), or below content/ or static/ (`@/images/office.svg`)")
}

/// Reads one standalone page.
pub fn read_page(root: &Path, file: &Path) -> Read<StandalonePage> {
    let display = crate::diagnostics::display_path(root, file);
    let content_path = crate::walk::relative_name(&root.join(CONTENT_DIR), file);
    read_file(file, &display, |r, parts| {
        let map = r.mapping(parts.value, "", PAGE_KEYS)?;
        r.opt_enum(&map.at("kind"), FILE_KINDS);
        let title = text(r, &map, "title", MAX_TITLE_CHARS, true);
        let slug = slug(r, &map, &content_path);
        let description = text(r, &map, "description", 320, true);
        let menu = read_menu(r, &map, title.as_deref());
        let draft = r.opt_bool(&map.at("draft")).unwrap_or(false);
        Some(StandalonePage {
            path: display.clone(),
            content_path: content_path.clone(),
            slug: slug?,
            title: title?,
            description: description?,
            menu,
            draft,
            body: Markdown {
                text: parts.body.to_string(),
                line: parts.body_line,
            },
        })
    })
}

/// A page's `menu:`: `true` (the main menu, with the title as label), a
/// menu's name (`menu: footer`), or a mapping `{ name, label, weight }`
/// whose keys are all optional; `false` or no key puts it in no menu.
fn read_menu(r: &mut Reader<'_>, map: &Map<'_>, title: Option<&str>) -> Option<MenuEntry> {
    let slot = map.at("menu");
    let title = title.unwrap_or_default().to_string();
    let entry = |menu: &'static str| MenuEntry {
        menu,
        label: title.clone(),
        weight: 0,
    };
    match slot.value? {
        Value::Bool(false) => None,
        Value::Bool(true) => Some(entry("main")),
        Value::String(_) => r.opt_enum(&slot, crate::config::MENU_NAMES).map(entry),
        other @ (Value::Null | Value::Number(_) | Value::Sequence(_) | Value::Tagged(_)) => {
            let expected = format!(
                "true, the name of a menu ({}) or a mapping `{{ name, label, weight }}`",
                crate::config::MENU_NAMES.join(", ")
            );
            r.expected(&slot.field, &expected, other);
            None
        }
        Value::Mapping(_) => {
            let m = r.sub_mapping(&slot, PAGE_MENU_KEYS)?;
            let name = m.at("name");
            let menu = if name.value.is_some() {
                r.opt_enum(&name, crate::config::MENU_NAMES)?
            } else {
                "main"
            };
            Some(MenuEntry {
                menu,
                label: text(r, &m, "label", 60, false).unwrap_or(title),
                weight: r.opt_integer(&m.at("weight")).unwrap_or(0),
            })
        }
    }
}

/// Reads every file of the library: the home intro, the sections, their
/// members and the `pages` (files that said `kind: page`). Drafts are
/// left out unless `drafts`.
pub fn load(
    root: &Path,
    sorted: &Sorted,
    pages: &[PathBuf],
    drafts: bool,
    today: NaiveDate,
) -> (Library, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    let mut library = Library::default();
    let mut diagnostics = Vec::new();
    // Deepest section folder first, so a member belongs to the nearest.
    let mut dirs: Vec<(PathBuf, usize)> = Vec::new();
    for file in &sorted.section_files {
        let dir = file.parent().unwrap_or(&content);
        if dir == content {
            let read = read_home(root, file);
            diagnostics.extend(read.diagnostics);
            library.home = read.item;
            continue;
        }
        let read = read_section(root, file);
        diagnostics.extend(read.diagnostics);
        if let Some(section) = read.item {
            dirs.push((dir.to_path_buf(), library.sections.len()));
            library.sections.push(section);
        } else {
            // The members are not guides either: read them, and drop them.
            dirs.push((dir.to_path_buf(), usize::MAX));
        }
    }
    dirs.sort_by_key(|(dir, _)| std::cmp::Reverse(dir.components().count()));
    for file in &sorted.members {
        let Some(&(_, section)) = dirs.iter().find(|(dir, _)| file.starts_with(dir)) else {
            continue;
        };
        let read = read_article(root, file, section.min(library.sections.len()), today);
        diagnostics.extend(read.diagnostics);
        if let Some(article) = read.item
            && section < library.sections.len()
            && (drafts || !article.draft)
        {
            library.articles.push(article);
        }
    }
    for file in pages {
        let read = read_page(root, file);
        diagnostics.extend(read.diagnostics);
        if let Some(page) = read.item.filter(|p| drafts || !p.draft) {
            library.pages.push(page);
        }
    }
    (library, diagnostics)
}

/// The rules across files: every `related_careers` name is a published
/// guide, and no two pages of any kind share a URL.
pub fn validate(
    library: &Library,
    guide_urls: &[(String, PathBuf)],
    index: &GuideIndex,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for article in &library.articles {
        for career in &article.related_careers {
            if resolve_career(&career.name, index).is_some() {
                continue;
            }
            let known: Vec<&str> = index.slugs().collect();
            let help = match crate::diagnostics::suggest(&career.name, &known) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "name a guide by its slug (`account-manager`) or its file (`@/account-manager.md`)".to_string(),
            };
            diagnostics.push(
                Diagnostic::error(
                    &article.path,
                    format!(
                        "expected a published guide, found {:?}, which names no guide",
                        career.name
                    ),
                )
                .with_field(career.field.as_str())
                .with_help(help)
                .at(career.position, &article.source),
            );
        }
    }
    // One URL, one page: guides, articles, pages, sections and the site's own.
    let mut owners: std::collections::HashMap<String, PathBuf> =
        guide_urls.iter().cloned().collect();
    let mut claim = |url: String, path: &Path, diagnostics: &mut Vec<Diagnostic>| {
        if let Some(first) = owners.get(&url) {
            diagnostics.push(
                Diagnostic::error(
                    path,
                    format!(
                        "expected a URL of its own, found `/{url}`, which `{}` has too",
                        first.display()
                    ),
                )
                .with_help("set another `slug:` in one of them"),
            );
        } else {
            owners.insert(url, path.to_path_buf());
        }
    };
    for (s, section) in library.sections.iter().enumerate() {
        let top = section.dir.split('/').next().unwrap_or_default();
        if crate::permalink::reserved_slug(top) {
            diagnostics.push(
                Diagnostic::error(
                    &section.path,
                    format!("expected a section folder the site does not use for its own pages, found {top:?}"),
                )
                .with_help("rename the folder"),
            );
        }
        claim(
            crate::permalink::section(&section.dir),
            &section.path,
            &mut diagnostics,
        );
        // Its topic pages, when it has topics.
        if library
            .articles
            .iter()
            .any(|a| a.section == s && !a.topics.is_empty())
        {
            claim(
                crate::permalink::topics(&section.dir),
                &section.path,
                &mut diagnostics,
            );
        }
    }
    for article in &library.articles {
        let dir = &library.sections[article.section].dir;
        claim(
            crate::permalink::article(dir, &article.slug),
            &article.path,
            &mut diagnostics,
        );
    }
    for page in &library.pages {
        if crate::permalink::reserved_slug(&page.slug) {
            diagnostics.push(
                Diagnostic::error(
                    &page.path,
                    format!(
                        "expected a slug the site does not use for its own pages, found {:?}",
                        page.slug
                    ),
                )
                .with_help("set another `slug:`"),
            );
        }
        claim(
            crate::permalink::page(&page.slug),
            &page.path,
            &mut diagnostics,
        );
    }
    diagnostics
}
