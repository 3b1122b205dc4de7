//! Finds the guide files under `content/` and reads them in parallel.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::guide::Guide;
use super::index::{Reason, Unavailable};
use super::parse::{MAX_FILE_BYTES, Parsed, parse_guide, too_large};
use super::text::{Stamp, read_stamped};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::walk::{self, Hidden, Links};

pub use crate::permalink::CONTENT_DIR;

/// Every guide that loaded, and every diagnostic found while loading.
pub struct Loaded {
    pub guides: Vec<Guide>,
    /// Drafts that were left out (without `--drafts`), by slug.
    pub skipped_drafts: Vec<String>,
    /// Guide files with no page: drafts left out and files that failed to
    /// load, for [`super::index::GuideIndex::with_unavailable`].
    pub unavailable: Vec<Unavailable>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files that said `kind: page`, sorted by path.
    pub pages: Vec<PathBuf>,
    /// Section files and their members.
    pub kinds: super::kinds::Sorted,
    /// Translations into the site's other languages (`name.es.md`), of
    /// guides and of every other kind, sorted by path.
    pub translations: Vec<PathBuf>,
}

/// The guide files under `root/content`, and what was wrong on the way.
#[derive(Debug, Default)]
pub struct Listing {
    /// The guide files (and pages, which say so in their front matter),
    /// sorted by path.
    pub files: Vec<PathBuf>,
    /// Section files and the files in sections' folders, which are not guides.
    pub kinds: super::kinds::Sorted,
    /// A warning for a link that leads nowhere, an error for a file or
    /// folder that cannot be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists the Markdown files under `root/content`, sorted, skipping hidden
/// files and editors' files (see [`crate::walk`]).
pub fn guide_files(root: &Path) -> Listing {
    let walked = walk::files(root, &root.join(CONTENT_DIR), Hidden::Skip, Links::Follow);
    let files = walked
        .files
        .into_iter()
        .filter(|(name, _)| name.ends_with(".md"))
        .map(|(_, path)| path)
        .collect();
    let mut kinds = super::kinds::sort_files(root, files);
    Listing {
        files: std::mem::take(&mut kinds.guides),
        kinds,
        diagnostics: walked.diagnostics,
    }
}

/// Reads and parses one guide file found under `root/content`. The guide
/// keeps its text in memory.
pub fn read_guide(root: &Path, file: &Path, config: &SiteConfig, today: NaiveDate) -> Parsed {
    read_stamped_guide(root, file, config, today).0
}

/// [`read_guide`], with the stamp of the file as it was read.
fn read_stamped_guide(
    root: &Path,
    file: &Path,
    config: &SiteConfig,
    today: NaiveDate,
) -> (Parsed, Option<Stamp>) {
    let display = crate::diagnostics::display_path(root, file);
    let content_path = content_path(root, file);
    match crate::timings::work("read guide files", || read_stamped(file)) {
        Ok((bytes, _)) if bytes.len() > MAX_FILE_BYTES => {
            let size = std::fs::metadata(file).map_or(bytes.len() as u64, |m| m.len());
            let parsed = Parsed {
                guide: None,
                diagnostics: vec![too_large(&display, size)],
                page: false,
            };
            (parsed, None)
        }
        Ok((bytes, stamp)) => {
            let mut parsed = crate::timings::work("parse guides", || {
                parse_guide(&display, &content_path, &bytes, config, today)
            });
            locate_guide_image(root, file, &bytes, &mut parsed);
            (parsed, stamp)
        }
        Err(err) => {
            let parsed = Parsed {
                guide: None,
                diagnostics: vec![Diagnostic::error(
                    display,
                    format!("cannot read `{}`: {err}", file.display()),
                )],
                page: false,
            };
            (parsed, None)
        }
    }
}

/// Finds the file a guide's `image.src` names (beside it, or `@/`), or
/// reports at `image.src` that there is none. `bytes` is the file's text.
fn locate_guide_image(root: &Path, file: &Path, bytes: &[u8], parsed: &mut Parsed) {
    let Some(guide) = &mut parsed.guide else {
        return;
    };
    let Some(image) = &mut guide.image else {
        return;
    };
    match super::kinds::locate_image(root, file, &image.src) {
        Some(found) => image.file = found,
        None => {
            let text = String::from_utf8_lossy(bytes);
            parsed.diagnostics.push(
                super::kinds::missing_image(&guide.path, &image.src)
                    .with_field("image.src")
                    .at(image.position, &text),
            );
        }
    }
}

/// `file` relative to `root/content`, with `/` separators: what `@/` links name.
fn content_path(root: &Path, file: &Path) -> String {
    file.strip_prefix(root.join(CONTENT_DIR))
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads and parses every guide under `root/content`. The guides keep
/// only stamps of their files and read their text again when asked.
pub fn load(root: &Path, config: &SiteConfig, drafts: bool, today: NaiveDate) -> Loaded {
    load_guides(root, config, drafts, today, false)
}

/// The number of guides from which [`load_lean`] lets go of page fields:
/// at 100,000 guides whole guides take about 0.5 GiB more; below this the
/// second parse would cost more than the memory it saves.
pub const LEAN_FROM_GUIDES: usize = 20_000;

/// Where [`load_lean`] starts letting go: [`LEAN_FROM_GUIDES`], or the
/// number in `CAREERGEN_LEAN_FROM_GUIDES` (lower it where memory is short;
/// `0` makes every build lean).
pub fn lean_from_guides() -> usize {
    std::env::var("CAREERGEN_LEAN_FROM_GUIDES")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(LEAN_FROM_GUIDES)
}

/// [`load`] for a build, which renders each guide's page once: the guides
/// also let go of the fields only their own page shows
/// ([`Guide::release_page_fields`]), which the page reads again from the
/// file, so that what is held for the whole build stays small. Sites of
/// fewer than [`LEAN_FROM_GUIDES`] guides are loaded whole.
pub fn load_lean(root: &Path, config: &SiteConfig, drafts: bool, today: NaiveDate) -> Loaded {
    load_guides(root, config, drafts, today, true)
}

fn load_guides(
    root: &Path,
    config: &SiteConfig,
    drafts: bool,
    today: NaiveDate,
    lean: bool,
) -> Loaded {
    let Listing {
        mut files,
        diagnostics,
        mut kinds,
    } = guide_files(root);
    let mut translations = super::translations::take_translations(&mut files, config);
    translations.extend(super::translations::take_translations(
        &mut kinds.section_files,
        config,
    ));
    translations.extend(super::translations::take_translations(
        &mut kinds.members,
        config,
    ));
    translations.sort();
    // Parsing every guide a second time costs about a third more CPU: worth
    // it only where holding every guide whole would threaten memory.
    let lean = lean && files.len() >= lean_from_guides();
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let (mut parsed, stamp) = read_stamped_guide(root, file, config, today);
            // A build renders each guide once, soon: read its text again
            // then rather than hold every guide's text until then.
            if let (Some(guide), Some(stamp)) = (&mut parsed.guide, stamp) {
                guide.text.release(file, stamp);
                if lean {
                    guide.release_page_fields();
                }
            }
            parsed
        })
        .collect();
    let mut loaded = Loaded {
        guides: Vec::with_capacity(results.len()),
        skipped_drafts: Vec::new(),
        unavailable: Vec::new(),
        diagnostics,
        pages: Vec::new(),
        kinds,
        translations,
    };
    for (file, parsed) in files.iter().zip(results) {
        if parsed.page {
            loaded.pages.push(file.clone());
            continue;
        }
        loaded.diagnostics.extend(parsed.diagnostics);
        match parsed.guide {
            Some(guide) if guide.draft && !drafts => {
                loaded.unavailable.push(Unavailable {
                    content_path: guide.content_path,
                    slug: guide.slug.clone(),
                    reason: Reason::Draft,
                });
                loaded.skipped_drafts.push(guide.slug);
            }
            Some(guide) => loaded.guides.push(guide),
            None => loaded.unavailable.push(Unavailable {
                content_path: content_path(root, file),
                slug: super::bundle::default_slug(&content_path(root, file)).unwrap_or_default(),
                reason: Reason::Failed,
            }),
        }
    }
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::text::TextSource;

    #[test]
    fn loaded_guides_hold_a_stamp_of_their_file_not_their_text() {
        let site = tempfile::tempdir().expect("temp dir");
        let content = site.path().join(CONTENT_DIR);
        std::fs::create_dir(&content).expect("content folder");
        let body = "The body, read again when the page is rendered.\n";
        std::fs::write(
            content.join("a.md"),
            format!("---\ntitle: A\nsummary: What an A does.\nduties: [Work]\n---\n{body}"),
        )
        .expect("write guide");
        let config = crate::config::parse("title: T\nbase_url: https://example.org/\n")
            .expect("test config is valid");
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("valid date");

        let loaded = load(site.path(), &config, false, today);
        let [guide] = loaded.guides.as_slice() else {
            panic!("expected one guide, found {:?}", loaded.diagnostics);
        };
        assert!(
            matches!(guide.text, TextSource::File { .. }),
            "{:?}",
            guide.text
        );
        assert_eq!(guide.text.read().expect("unchanged file").body(), body);

        // `serve` reads guides one by one and keeps their text.
        let kept = read_guide(site.path(), &content.join("a.md"), &config, today);
        let kept = kept.guide.expect("guide parses");
        assert!(matches!(kept.text, TextSource::Memory(_)));
    }
}
