//! `careergen new article "Title"` and `careergen new page "Title"`: a
//! draft file of the kind, every field of its schema present, that the
//! build reads without error and leaves out until `draft: true` goes.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;

use super::guide::is_slug;
use super::kinds::SECTION_FILE;
use super::load::CONTENT_DIR;

/// What `new` makes besides guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Article,
    Page,
}

impl NewKind {
    /// The kind a word of the command line names, if any.
    pub fn from_word(word: &str) -> Option<Self> {
        match word {
            "article" => Some(NewKind::Article),
            "page" => Some(NewKind::Page),
            _ => None,
        }
    }
}

/// The section `new article` writes into when none is given: the first
/// section of the site, else `advice` (created with its `_index.md`).
pub const DEFAULT_SECTION: &str = "advice";

/// Writes a draft of `kind` titled `title`; returns its path. An article
/// goes into `section` (or the site's first section), a page at the top of
/// `content/`. Refuses to overwrite a file.
pub fn new_file(
    root: &Path,
    kind: NewKind,
    title: &str,
    slug: Option<&str>,
    section: Option<&str>,
    today: NaiveDate,
) -> anyhow::Result<PathBuf> {
    let title = title.trim();
    let max = super::parse::MAX_TITLE_CHARS;
    let length = title.chars().count();
    if length == 0 || length > max || title.contains(['\n', '\r']) {
        bail!("expected a title of 1 to {max} characters on one line, found {title:?}");
    }
    let slug = match slug {
        Some(slug) if is_slug(slug) => slug.to_string(),
        Some(slug) => bail!(
            "expected a slug of lowercase letters, digits and single dashes (`about-us`), found {slug:?}"
        ),
        None => {
            let slug = crate::scaffold::slug_from_title(title);
            if slug.is_empty() {
                bail!("cannot make a file name from {title:?}; give one with --slug");
            }
            slug
        }
    };
    if !root.join(crate::config::CONFIG_FILE).is_file() {
        bail!(
            "expected a site in `{}`, found no {}; run `careergen init` first, or pass --root",
            root.display(),
            crate::config::CONFIG_FILE
        );
    }
    let content = root.join(CONTENT_DIR);
    let quoted = serde_json::to_string(title).unwrap_or_default();
    let (file, text) = match kind {
        NewKind::Page => {
            if crate::permalink::reserved_slug(&slug) {
                bail!(
                    "the slug {slug:?} is taken by the site's own pages; give another with --slug"
                );
            }
            let text = format!(
                "---\nkind: page\ntitle: {quoted}\n# The meta description: one sentence, at most 160 characters.\n\
                 description: What this page is about, in one sentence.\n\
                 # menu: {{ name: footer, label: {quoted}, weight: 10 }}\ndraft: true\n---\n\
                 Write the page here, in Markdown.\n"
            );
            (content.join(format!("{slug}.md")), text)
        }
        NewKind::Article => {
            let dir = match section {
                Some(section) if section.split('/').all(is_slug) => section.to_string(),
                Some(section) => bail!(
                    "expected a section folder of lowercase letters, digits and dashes (`advice`), found {section:?}"
                ),
                None => first_section(&content).unwrap_or_else(|| DEFAULT_SECTION.to_string()),
            };
            let section_file = content.join(&dir).join(SECTION_FILE);
            if !section_file.is_file() {
                std::fs::create_dir_all(content.join(&dir))
                    .with_context(|| format!("cannot create `{}`", content.join(&dir).display()))?;
                let section_text = "---\nkind: article\ntitle: Advice\n---\n";
                std::fs::write(&section_file, section_text)
                    .with_context(|| format!("cannot write `{}`", section_file.display()))?;
            }
            let text = format!(
                "---\ntitle: {quoted}\ndate: {today}\nauthor: Your name\n\
                 # At most 160 characters: lists and search engines show it.\n\
                 summary: What the reader will learn, in one or two sentences.\n\
                 topics: []\n# Guides this advice is for, by slug: their pages list it.\n\
                 related_careers: []\ndraft: true\n---\n\
                 Write the article here, in Markdown. Link a guide with [its title](@/account-manager.md).\n"
            );
            (content.join(&dir).join(format!("{slug}.md")), text)
        }
    };
    if file.exists() {
        bail!("`{}` already exists; choose another --slug", file.display());
    }
    std::fs::write(&file, text).with_context(|| format!("cannot write `{}`", file.display()))?;
    Ok(file)
}

/// The first folder (by name) below `content` holding a section file.
fn first_section(content: &Path) -> Option<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(content)
        .ok()?
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join(SECTION_FILE).is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    dirs.into_iter().next()
}
