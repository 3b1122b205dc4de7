//! Static files: the theme's `static/` (or the built-in theme's), then the
//! site's `static/` laid over it, copied into the output as they are. A
//! site's file replacing the theme's is an intended override; a static file
//! landing where the build writes a file of its own is an error.

use std::collections::{BTreeMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::diagnostics::{self, Diagnostic};
use crate::output::Sink;
use crate::render::theme;
use crate::site::Site;
use crate::walk::{self, Hidden, Links};

/// The folders static files come from, in the order they are laid over
/// each other: the theme's `static/`, then the site's.
pub fn static_dirs(root: &Path, config: &SiteConfig) -> [PathBuf; 2] {
    [
        root.join("themes").join(&config.theme).join("static"),
        root.join("static"),
    ]
}

/// Every static file on disk by its output path, the site's winning over
/// the theme's. Editors' files are left out; other hidden files
/// (`.well-known/`, `.htaccess`) are published.
pub fn static_files(site: &Site, diagnostics: &mut Vec<Diagnostic>) -> BTreeMap<String, PathBuf> {
    let mut files = BTreeMap::new();
    for dir in static_dirs(&site.root, &site.config) {
        let walked = walk::files(&site.root, &dir, Hidden::Keep, Links::Skip);
        diagnostics.extend(walked.diagnostics);
        files.extend(walked.files);
    }
    files
}

/// A sink that remembers the path of every file written through it, so
/// that static files can be checked against what the build generated.
pub struct Recording<'a> {
    inner: &'a dyn Sink,
    written: Mutex<HashSet<String>>,
}

impl<'a> Recording<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Recording {
            inner,
            written: Mutex::new(HashSet::new()),
        }
    }

    /// The paths written so far.
    pub fn into_written(self) -> HashSet<String> {
        self.written.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Recording<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
        self.inner.write(path, bytes)
    }
}

/// What writes the generated file at `output`, for messages: the guide
/// whose page it is, or the page or whole-site file careergen makes.
pub fn generated_by(site: &Site, output: &str) -> String {
    if let Some(slug) = output.strip_suffix("/index.html")
        && let Some(i) = site.index.by_slug(slug)
    {
        return format!(
            "the page of `{}`",
            site.guides[i].path.display().to_string().replace('\\', "/")
        );
    }
    format!("the `{output}` careergen generates")
}

/// The error for a static file at `path` whose output path `rel` is also
/// a file the build generates.
pub fn collision(site: &Site, path: &Path, rel: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        format!(
            "this static file would replace {} (both are written to `{rel}`)",
            generated_by(site, rel)
        ),
    )
    .with_help("rename or remove the static file; to change a generated page, edit its template")
}

/// Copies the static files into `sink`, except those whose output path is
/// among `generated` (an error each); returns how many were copied.
pub fn copy(
    site: &Site,
    sink: &dyn Sink,
    generated: &HashSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let files = static_files(site, diagnostics);
    // A site on the built-in theme gets its static files from the binary;
    // the site's own `static/` still wins.
    let mut builtin = 0;
    for (rel, bytes) in theme::builtin_static(&site.root, &site.config.theme) {
        if files.contains_key(rel) {
            continue;
        }
        if generated.contains(rel) {
            diagnostics.push(collision(
                site,
                Path::new(&theme::display_path("static", rel)),
                rel,
            ));
            continue;
        }
        match sink.write(rel, bytes) {
            Ok(()) => builtin += 1,
            Err(err) => diagnostics.push(Diagnostic::error(
                theme::display_path("static", rel),
                format!("cannot copy static file: {err}"),
            )),
        }
    }
    let results: Vec<Option<Diagnostic>> = files
        .par_iter()
        .map(|(rel, path)| {
            let shown = diagnostics::display_path(&site.root, path);
            if generated.contains(rel) {
                return Some(collision(site, &shown, rel));
            }
            std::fs::read(path)
                .and_then(|bytes| sink.write(rel, &bytes))
                .err()
                .map(|err| Diagnostic::error(shown, format!("cannot copy static file: {err}")))
        })
        .collect();
    let copied = results.iter().filter(|r| r.is_none()).count();
    diagnostics.extend(results.into_iter().flatten());
    builtin + copied
}
