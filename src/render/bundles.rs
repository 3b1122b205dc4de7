//! Publishing the files pages show from beside their Markdown: every file
//! of a page bundle (`content/registered-nurse/photo.png` →
//! `registered-nurse/photo.png`), and each front-matter `image` at the
//! path its page links it with.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::content::bundle;
use crate::diagnostics::{self, Diagnostic};
use crate::output::Sink;
use crate::site::Site;

/// Every file to publish, by output path: (the file in full, the content
/// file that brings it, relative to the site root).
pub fn files(site: &Site, found: &mut Vec<Diagnostic>) -> BTreeMap<String, (PathBuf, PathBuf)> {
    let mut files = BTreeMap::new();
    let library = &site.library;
    let guides = site
        .guides
        .iter()
        .map(|g| (&g.path, crate::permalink::guide(&g.slug), g.image.as_ref()));
    let articles = library.articles.iter().map(|a| {
        let section = &library.sections[a.section];
        (
            &a.path,
            crate::permalink::article(&section.dir, &a.slug),
            a.image.as_ref(),
        )
    });
    let pages = library
        .pages
        .iter()
        .map(|p| (&p.path, crate::permalink::page(&p.slug), None));
    for (file, page_path, image) in guides.chain(articles).chain(pages) {
        let (bundled, walk_diagnostics) = bundle::files(&site.root, file);
        found.extend(walk_diagnostics);
        for (name, full) in bundled {
            files.insert(format!("{page_path}{name}"), (full, file.clone()));
        }
        // Files under static/ are published with the rest of static/.
        if let Some(image) = image
            && !image.file.starts_with("static")
        {
            files.insert(
                image_output(&page_path, image),
                (site.root.join(&image.file), file.clone()),
            );
        }
    }
    files
}

/// Where a front-matter image is published, below the output folder:
/// beside its page for a file beside its Markdown, else at its `@/` path.
pub fn image_output(page_path: &str, image: &crate::content::kinds::Image) -> String {
    match image.src.strip_prefix("@/") {
        Some(path) => path.to_string(),
        None => format!("{page_path}{}", image.src),
    }
}

/// Writes [`files`] into `sink`; returns how many were written.
pub fn publish(site: &Site, sink: &dyn Sink, found: &mut Vec<Diagnostic>) -> usize {
    let mut written = 0;
    for (output, (full, from)) in files(site, found) {
        match std::fs::read(&full).and_then(|bytes| sink.write(&output, &bytes)) {
            Ok(()) => written += 1,
            Err(err) => found.push(Diagnostic::error(
                from,
                format!(
                    "cannot publish `{}`: {err}",
                    diagnostics::display_path(&site.root, &full).display()
                ),
            )),
        }
    }
    written
}
