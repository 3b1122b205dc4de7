//! Tera templates: the theme's files with the site's own `templates/`
//! laid over them, compiled once per build; errors name the template file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::{Context, ErrorKind, Tera};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Position};

/// The compiled templates of a site, and the file each came from.
pub struct Templates {
    tera: Tera,
    files: BTreeMap<String, PathBuf>,
    root: PathBuf,
}

/// Template names every theme must provide.
pub const REQUIRED: &[&str] = &["index.html", "guide.html", "404.html"];

impl Templates {
    /// Loads `themes/<theme>/templates` and then `templates/` from `root`.
    pub fn load(root: &Path, theme: &str) -> Result<Self, Vec<Diagnostic>> {
        let theme_dir = root.join("themes").join(theme).join("templates");
        if !theme_dir.is_dir() {
            return Err(vec![
                Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    format!("expected a theme folder `themes/{theme}/templates`, found none"),
                )
                .with_field("theme"),
            ]);
        }
        let mut files = BTreeMap::new();
        let mut diagnostics = Vec::new();
        for dir in [theme_dir, root.join("templates")] {
            collect(&dir, &mut files, root, &mut diagnostics);
        }
        let mut sources = Vec::with_capacity(files.len());
        for (name, path) in &files {
            match std::fs::read_to_string(path) {
                Ok(text) => sources.push((name.clone(), text)),
                Err(err) => diagnostics.push(Diagnostic::error(
                    crate::diagnostics::display_path(root, path),
                    format!("cannot read template: {err}"),
                )),
            }
        }
        let templates = Templates {
            tera: Tera::new(),
            files,
            root: root.to_path_buf(),
        };
        for name in REQUIRED {
            if !templates.files.contains_key(*name) {
                diagnostics.push(Diagnostic::error(
                    format!("themes/{theme}/templates/{name}"),
                    format!("expected the template `{name}`, found no such file in the theme or `templates/`"),
                ));
            }
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        templates.compile(sources)
    }

    fn compile(mut self, sources: Vec<(String, String)>) -> Result<Self, Vec<Diagnostic>> {
        // Parse each template alone first so that every syntax error is
        // reported, not just the first one Tera meets.
        let mut diagnostics = Vec::new();
        for (name, text) in &sources {
            let mut alone = Tera::new();
            if let Err(err) = alone.add_raw_template(name, text)
                && matches!(err.kind(), ErrorKind::SyntaxError(_))
            {
                diagnostics.push(self.diagnostic(&err, None));
            }
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        if let Err(err) = self.tera.add_raw_templates(sources) {
            return Err(vec![self.diagnostic(&err, None)]);
        }
        Ok(self)
    }

    pub fn tera_mut(&mut self) -> &mut Tera {
        &mut self.tera
    }

    /// Whether the site or theme has a template called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// Renders `name` for the page written to `output`.
    pub fn render(
        &self,
        name: &str,
        context: &Context,
        output: &str,
    ) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|err| self.diagnostic(&err, Some(output)))
    }

    /// Turns a Tera error into a diagnostic on the template file.
    fn diagnostic(&self, err: &tera::Error, page: Option<&str>) -> Diagnostic {
        let (template, position, message) = match err.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => (
                report.filename().to_string(),
                Some(Position::new(
                    report.span().start_line,
                    report.span().start_col + 1,
                )),
                report.message().to_string(),
            ),
            ErrorKind::CircularInclude { tpl, .. } | ErrorKind::CircularExtend { tpl, .. } => {
                (tpl.clone(), None, err.to_string())
            }
            ErrorKind::MissingParent { current, .. } => (current.clone(), None, err.to_string()),
            ErrorKind::TemplateNotFound(name) => (name.clone(), None, err.to_string()),
            _ => (String::new(), None, err.to_string()),
        };
        let path = self
            .files
            .get(&template)
            .map(|p| crate::diagnostics::display_path(&self.root, p))
            .unwrap_or_else(|| PathBuf::from(format!("templates/{template}")));
        let mut diagnostic = Diagnostic::error(path, first_line(&message));
        if let Some(position) = position {
            diagnostic = diagnostic.at_position(position);
        }
        if let Some(page) = page {
            diagnostic = diagnostic.with_help(format!("while rendering `{page}`"));
        }
        diagnostic
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

/// Adds every file under `dir` by its path relative to `dir` (`partials/x.html`).
fn collect(
    dir: &Path,
    files: &mut BTreeMap<String, PathBuf>,
    root: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let name = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if !name.starts_with('.') && !name.ends_with('~') {
                    files.insert(name, entry.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => diagnostics.push(Diagnostic::error(
                crate::diagnostics::display_path(root, dir),
                format!("cannot read the templates folder: {err}"),
            )),
        }
    }
}
