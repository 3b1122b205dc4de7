//! Finds the guide files under `content/` and reads them in parallel.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use walkdir::WalkDir;

use super::guide::Guide;
use super::parse::{MAX_FILE_BYTES, Parsed, parse_guide, too_large};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;

/// The content folder's name inside a site.
pub const CONTENT_DIR: &str = "content";

/// Every guide that loaded, and every diagnostic found while loading.
pub struct Loaded {
    pub guides: Vec<Guide>,
    /// Drafts that were left out (without `--drafts`), by slug.
    pub skipped_drafts: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Lists the Markdown files under `root/content`, sorted, skipping hidden
/// files and editors' temporary files.
pub fn guide_files(root: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(|err| {
            let path = err.path().unwrap_or(&content).to_path_buf();
            Diagnostic::error(
                crate::diagnostics::display_path(root, &path),
                format!("cannot read the content folder: {err}"),
            )
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Reads and parses one guide file found under `root/content`.
pub fn read_guide(root: &Path, file: &Path, config: &SiteConfig, today: NaiveDate) -> Parsed {
    let display = crate::diagnostics::display_path(root, file);
    let content_path = file
        .strip_prefix(root.join(CONTENT_DIR))
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    match crate::timings::work("read guide files", || read_bounded(file)) {
        Ok(bytes) if bytes.len() > MAX_FILE_BYTES => {
            let size = std::fs::metadata(file).map_or(bytes.len() as u64, |m| m.len());
            Parsed {
                guide: None,
                diagnostics: vec![too_large(&display, size)],
            }
        }
        Ok(bytes) => crate::timings::work("parse guides", || {
            parse_guide(&display, &content_path, &bytes, config, today)
        }),
        Err(err) => Parsed {
            guide: None,
            diagnostics: vec![Diagnostic::error(
                display,
                format!("cannot read `{}`: {err}", file.display()),
            )],
        },
    }
}

/// Reads at most one byte more than a guide may hold, so that a huge (or
/// endless) file is refused without being read whole.
fn read_bounded(file: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads and parses every guide under `root/content`.
pub fn load(root: &Path, config: &SiteConfig, drafts: bool, today: NaiveDate) -> Loaded {
    let files = match guide_files(root) {
        Ok(files) => files,
        Err(diagnostic) => {
            return Loaded {
                guides: Vec::new(),
                skipped_drafts: Vec::new(),
                diagnostics: vec![diagnostic],
            };
        }
    };
    let results: Vec<_> = files
        .par_iter()
        .map(|file| read_guide(root, file, config, today))
        .collect();
    let mut loaded = Loaded {
        guides: Vec::with_capacity(results.len()),
        skipped_drafts: Vec::new(),
        diagnostics: Vec::new(),
    };
    for parsed in results {
        loaded.diagnostics.extend(parsed.diagnostics);
        match parsed.guide {
            Some(guide) if guide.draft && !drafts => loaded.skipped_drafts.push(guide.slug),
            Some(guide) => loaded.guides.push(guide),
            None => {}
        }
    }
    loaded
}
