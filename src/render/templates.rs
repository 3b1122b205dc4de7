//! Tera templates: the theme's files with the site's own `templates/`
//! laid over them, compiled once per build; errors name the template file.

use std::collections::BTreeMap;

use foldhash::HashSet;
use std::path::{Path, PathBuf};

use tera::{Context, ErrorKind, Tera};

use crate::diagnostics::{Diagnostic, Position};

/// The compiled templates of a site, and the file each came from.
pub struct Templates {
    tera: Tera,
    files: BTreeMap<String, PathBuf>,
    root: PathBuf,
    /// The ids written literally in any template (`id="pay"`), which
    /// Markdown then never gives (see `markdown::PageIds`).
    ids: HashSet<String>,
    /// Found while reading the template folders (a link that leads nowhere).
    warnings: Vec<Diagnostic>,
}

/// Template names every theme must provide.
pub const REQUIRED: &[&str] = &["index.html", "guide.html", "404.html"];

impl Templates {
    /// Loads `themes/<theme>/templates` and then `templates/` from `root`.
    /// Every theme template is also reachable as `theme/<name>`, so a site
    /// template can extend the one it replaces.
    pub fn load(root: &Path, theme: &str) -> Result<Self, Vec<Diagnostic>> {
        let (found, mut diagnostics) = gather(root, theme)?;
        let mut files = BTreeMap::new();
        let mut sources = Vec::with_capacity(found.len());
        for (name, origin) in found {
            let text = match &origin {
                Origin::Builtin(bytes) => {
                    String::from_utf8(bytes.to_vec()).map_err(|e| e.to_string())
                }
                Origin::File(path) => std::fs::read_to_string(path).map_err(|e| e.to_string()),
            };
            match text {
                Ok(text) => sources.push((name.clone(), text)),
                Err(err) => diagnostics.push(Diagnostic::error(
                    crate::diagnostics::display_path(root, &origin.path(name.as_str())),
                    format!("cannot read template: {err}"),
                )),
            }
            files.insert(name.clone(), origin.path(&name));
        }
        let ids = sources
            .iter()
            .flat_map(|(_, text)| super::markdown::html_attributes(text, "id"))
            .filter(|id| !id.contains(['{', '}']))
            .map(str::to_string)
            .collect();
        let (errors, warnings): (Vec<_>, Vec<_>) =
            diagnostics.into_iter().partition(Diagnostic::is_error);
        let mut diagnostics = errors;
        let mut tera = Tera::new();
        // Tera checks every function a template calls when it compiles;
        // the build registers `t` again with the site's messages.
        crate::i18n::register(&mut tera, crate::i18n::builtin_catalog());
        super::direction::register(&mut tera);
        let templates = Templates {
            tera,
            files,
            root: root.to_path_buf(),
            ids,
            warnings,
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
            diagnostics.extend(templates.warnings);
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
        // `t` gets the site's messages once they are read
        // (`crate::i18n::register`); templates calling it compile before.
        self.tera.register_function(
            "t",
            |_: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
                Err(tera::Error::message("the messages are not read yet"))
            },
        );
        if let Err(err) = self.tera.add_raw_templates(sources) {
            return Err(vec![self.diagnostic(&err, None)]);
        }
        Ok(self)
    }

    pub fn tera_mut(&mut self) -> &mut Tera {
        &mut self.tera
    }

    /// The ids the templates write literally (`id="pay"`).
    pub fn ids(&self) -> &HashSet<String> {
        &self.ids
    }

    /// What reading the template folders found that does not stop a build.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The names of every template of the site and theme.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
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

    /// The file the template `name` was read from, for diagnostics
    /// (`themes/default/templates/guide.html`).
    pub fn source_path(&self, name: &str) -> PathBuf {
        self.files
            .get(name)
            .map(|p| crate::diagnostics::display_path(&self.root, p))
            .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")))
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
            // Named after the template that closes the circle (the page
            // being rendered may only start it), listing the whole circle.
            ErrorKind::CircularExtend {
                tpl,
                inheritance_chain: chain,
            } => (
                chain.last().unwrap_or(tpl).clone(),
                None,
                format!(
                    "expected templates that do not extend each other in a circle (a circular extends), found `{tpl}` → `{}`",
                    chain.join("` → `")
                ),
            ),
            ErrorKind::CircularInclude {
                tpl,
                include_chain: chain,
            } => (
                chain.iter().rev().nth(1).unwrap_or(tpl).clone(),
                None,
                format!(
                    "expected templates that do not include each other in a circle (a circular include), found `{}`",
                    chain.join("` → `")
                ),
            ),
            ErrorKind::MissingParent { current, .. } => (current.clone(), None, err.to_string()),
            ErrorKind::TemplateNotFound(name) => (name.clone(), None, err.to_string()),
            _ => (String::new(), None, err.to_string()),
        };
        let path = self.source_path(&template);
        let mut diagnostic = Diagnostic::error(path, first_line(&message));
        if let Some(position) = position {
            diagnostic = diagnostic.at_position(position);
        }
        if let Some(page) = page {
            diagnostic = diagnostic.with_help(format!("{RENDERING}`{page}`"));
        }
        diagnostic
    }
}

/// How the help of a render error begins, before the page's path.
const RENDERING: &str = "while rendering ";

/// Folds the render errors that are the same mistake met on many pages (a
/// bad variable in `guide.html` fails every guide's page) into one each,
/// saying how many pages it hit and naming the first of them by path.
pub fn merge_render_errors(diagnostics: &mut Vec<Diagnostic>) {
    let page_of = |d: &Diagnostic| {
        d.help
            .as_deref()
            .and_then(|help| help.strip_prefix(RENDERING))
            .map(|page| page.trim_matches('`').to_string())
    };
    // The same mistake: everything but the page is equal.
    let key = |d: &Diagnostic| {
        (
            d.severity,
            d.path.clone(),
            d.position,
            d.field.clone(),
            d.message.clone(),
        )
    };
    let mut pages: BTreeMap<_, (usize, String)> = BTreeMap::new();
    for d in diagnostics.iter() {
        if let Some(page) = page_of(d) {
            let entry = pages.entry(key(d)).or_insert((0, page.clone()));
            entry.0 += 1;
            if page < entry.1 {
                entry.1 = page;
            }
        }
    }
    if pages.values().all(|(count, _)| *count == 1) {
        return;
    }
    diagnostics.retain_mut(|d| {
        if page_of(d).is_none() {
            return true;
        }
        let Some((count, first)) = pages.remove(&key(d)) else {
            return false;
        };
        d.help = Some(if count == 1 {
            format!("{RENDERING}`{first}`")
        } else {
            format!("hit {count} pages, among them `{first}`")
        });
        true
    });
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_string()
}

/// The prefix under which every template of the theme stays reachable,
/// even where the site replaces it: `{% extends "theme/guide.html" %}`.
pub const THEME_PREFIX: &str = "theme/";

/// Where a template's text comes from.
#[derive(Clone)]
enum Origin {
    /// A file of the theme built into the binary.
    Builtin(&'static [u8]),
    File(PathBuf),
}

impl Origin {
    /// The path diagnostics name for the template `name` from here.
    fn path(&self, name: &str) -> PathBuf {
        match self {
            Origin::Builtin(_) => {
                let name = name.strip_prefix(THEME_PREFIX).unwrap_or(name);
                PathBuf::from(super::theme::display_path("templates", name))
            }
            Origin::File(path) => path.clone(),
        }
    }
}

/// Templates by name, and what reading their folders found.
type Gathered = (BTreeMap<String, Origin>, Vec<Diagnostic>);

/// Every template by the name templates use for it: the theme's under
/// `theme/<name>` and, unless the site's `templates/` has a file of the
/// same name, under `<name>` too; the site's own under `<name>`. Also what
/// reading the folders found (warnings, and an error for a site file under
/// `templates/theme/`, whose names belong to the theme).
fn gather(root: &Path, theme: &str) -> Result<Gathered, Vec<Diagnostic>> {
    let builtin = super::theme::use_builtin(root, theme);
    let theme_dir = root.join("themes").join(theme).join("templates");
    if !builtin && !theme_dir.is_dir() {
        return Err(vec![
            Diagnostic::error(
                crate::config::CONFIG_FILE,
                format!("expected a theme folder `themes/{theme}/templates`, found none"),
            )
            .with_field("theme"),
        ]);
    }
    let mut diagnostics = Vec::new();
    let mut theme_files: BTreeMap<String, Origin> = BTreeMap::new();
    if builtin {
        for (name, bytes) in super::theme::files_in("templates") {
            theme_files.insert(name.to_string(), Origin::Builtin(bytes));
        }
    } else {
        let mut paths = BTreeMap::new();
        collect(&theme_dir, &mut paths, root, &mut diagnostics);
        theme_files.extend(paths.into_iter().map(|(n, p)| (n, Origin::File(p))));
    }
    let mut own = BTreeMap::new();
    collect(&root.join("templates"), &mut own, root, &mut diagnostics);
    let mut found = BTreeMap::new();
    for (name, origin) in theme_files {
        let prefixed = format!("{THEME_PREFIX}{name}");
        if !own.contains_key(&name) {
            found.insert(name, origin.clone());
        }
        found.insert(prefixed, origin);
    }
    for (name, path) in own {
        if name.starts_with(THEME_PREFIX) {
            diagnostics.push(
                Diagnostic::error(
                    crate::diagnostics::display_path(root, &path),
                    format!(
                        "expected no site template under `templates/{THEME_PREFIX}`, found `{name}`; names starting `{THEME_PREFIX}` are the theme's own templates"
                    ),
                )
                .with_help(format!(
                    "move it to `templates/{}` to replace the theme's file, and extend `{name}` from there to keep the rest of it",
                    name.strip_prefix(THEME_PREFIX).unwrap_or(&name)
                )),
            );
            continue;
        }
        found.insert(name, Origin::File(path));
    }
    Ok((found, diagnostics))
}

/// The text of every template by name, as [`Templates::load`] names them,
/// read leniently: for `serve`, which compares them to find what changed
/// (`load` reports what cannot be read).
pub fn sources(root: &Path, theme: &str) -> BTreeMap<String, String> {
    let Ok((found, _)) = gather(root, theme) else {
        return BTreeMap::new();
    };
    found
        .into_iter()
        .map(|(name, origin)| {
            let text = match origin {
                Origin::Builtin(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                Origin::File(path) => std::fs::read_to_string(path).unwrap_or_default(),
            };
            (name, text)
        })
        .collect()
}

/// Adds every file under `dir` by its path relative to `dir`
/// (`partials/x.html`), skipping hidden files and editors' files.
fn collect(
    dir: &Path,
    files: &mut BTreeMap<String, PathBuf>,
    root: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let walked = crate::walk::files(
        root,
        dir,
        crate::walk::Hidden::Skip,
        crate::walk::Links::Skip,
    );
    diagnostics.extend(walked.diagnostics);
    files.extend(walked.files);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder with only `templates/`, on the built-in theme.
    fn site(templates: &[(&str, &str)]) -> tempfile::TempDir {
        let temp = tempfile::tempdir().expect("temp dir");
        for (name, text) in templates {
            let path = temp.path().join("templates").join(name);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        temp
    }

    #[test]
    fn a_site_without_a_theme_folder_gets_the_builtin_templates() {
        let temp = site(&[("404.html", "mine")]);
        let templates = Templates::load(temp.path(), "default").expect("templates");
        for name in REQUIRED {
            assert!(templates.has(name), "{name}");
        }
        let html = templates
            .render("404.html", &Context::new(), "404.html")
            .expect("renders");
        assert_eq!(html, "mine", "the site's own template wins");
        let Err(errors) = Templates::load(temp.path(), "other") else {
            panic!("a missing theme other than `default` is an error");
        };
        assert!(errors[0].message.contains("themes/other/templates"));
    }

    #[test]
    fn a_template_that_includes_itself_is_an_error_not_a_stack_overflow() {
        let temp = site(&[
            ("index.html", "{% include \"loop.html\" %}"),
            ("loop.html", "x{% include \"loop.html\" %}"),
        ]);
        let result = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                let templates = Templates::load(temp.path(), "default").map_err(|d| d[0].clone());
                templates.and_then(|t| t.render("index.html", &Context::new(), "index.html"))
            })
            .expect("spawn")
            .join()
            .expect("no panic");
        let error = result.expect_err("a circular include fails");
        assert!(
            error.path.to_string_lossy().contains("loop.html"),
            "{error:?}"
        );
        assert!(
            error.message.to_lowercase().contains("circular"),
            "{error:?}"
        );
    }

    #[test]
    fn a_site_template_extends_the_theme_template_it_replaces() {
        let temp = site(&[(
            "404.html",
            "{% extends \"theme/404.html\" %}{% block footer %}<p>own footer</p>{% endblock footer %}",
        )]);
        let templates = Templates::load(temp.path(), "default").expect("templates");
        assert!(templates.has("theme/404.html") && templates.has("theme/base.html"));
        assert_eq!(
            templates.source_path("theme/guide.html"),
            PathBuf::from("(built-in theme) themes/default/templates/guide.html")
        );
        let sources = sources(temp.path(), "default");
        assert!(sources["404.html"].contains("own footer"));
        assert!(sources["theme/404.html"].contains("extends \"base.html\""));
    }

    #[test]
    fn a_circle_through_the_theme_prefix_is_an_error() {
        // The theme's guide.html extends base.html, which is the site's.
        let temp = site(&[("base.html", "{% extends \"theme/guide.html\" %}")]);
        let error = match Templates::load(temp.path(), "default") {
            Err(errors) => errors[0].clone(),
            Ok(templates) => templates
                .render("guide.html", &Context::new(), "a/index.html")
                .expect_err("a circle fails"),
        };
        assert!(error.message.contains("circular extends"), "{error:?}");
    }

    #[test]
    fn site_templates_under_theme_are_refused() {
        let temp = site(&[("theme/guide.html", "mine")]);
        let Err(errors) = Templates::load(temp.path(), "default") else {
            panic!("`templates/theme/` is the theme's");
        };
        assert!(errors[0].message.contains("templates/theme/"), "{errors:?}");
        assert!(errors[0].path.ends_with("templates/theme/guide.html"));
    }
}
