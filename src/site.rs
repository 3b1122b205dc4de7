//! A whole build: config → guides → validation → Markdown → templates →
//! files in a [`Sink`]. `build`, `check` and `serve` all run this.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;
use tera::Context;
use walkdir::WalkDir;

use crate::config::{self, SiteConfig};
use crate::content::guide::Guide;
use crate::content::index::GuideIndex;
use crate::content::{load, validate};
use crate::diagnostics::{self, Diagnostic};
use crate::output::Sink;
use crate::render::context::{Formatter, GuideView, PageView, RenderedMarkdown, SiteView};
use crate::render::markdown::{self, Links, Origin};
use crate::render::templates::Templates;

/// What a build reads.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `base_url` from config.
    pub base_url: Option<String>,
    pub drafts: bool,
    /// The date against which "not in the future" is judged.
    pub today: NaiveDate,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            base_url: None,
            drafts: false,
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// A loaded and validated site, ready to render.
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub guides: Vec<Guide>,
    pub index: GuideIndex,
    pub templates: Templates,
}

/// Time spent in each stage of a build.
#[derive(Debug, Default, Clone)]
pub struct Timings {
    pub load: Duration,
    pub render: Duration,
    pub total: Duration,
}

/// The result of rendering: pages written and every diagnostic.
#[derive(Debug, Default)]
pub struct Report {
    pub guides: usize,
    pub pages: usize,
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
    pub timings: Timings,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads config, guides and templates, and runs every validation rule.
/// Returns the site when nothing is in error, and all diagnostics either way.
pub fn load(options: &BuildOptions) -> (Option<Site>, Vec<Diagnostic>) {
    let root = &options.root;
    let mut config = match config::load(root) {
        Ok(config) => config,
        Err(diagnostics) => return (None, diagnostics),
    };
    let mut diagnostics = Vec::new();
    if let Some(url) = &options.base_url
        && let Err(message) = config.set_base_url(url)
    {
        diagnostics.push(Diagnostic::error("--base-url", message));
    }
    let loaded = load::load(root, &config, options.drafts, options.today);
    diagnostics.extend(loaded.diagnostics);
    let index = GuideIndex::new(&loaded.guides);
    diagnostics.extend(validate::validate(
        &loaded.guides,
        &index,
        &loaded.skipped_drafts,
    ));
    let templates = match Templates::load(root, &config.theme) {
        Ok(templates) => Some(templates),
        Err(template_diagnostics) => {
            diagnostics.extend(template_diagnostics);
            None
        }
    };
    let site = templates.map(|templates| Site {
        root: root.clone(),
        config,
        guides: loaded.guides,
        index,
        templates,
    });
    // Link errors live in Markdown; find them even when other rules failed.
    if let Some(site) = &site
        && diagnostics.iter().any(Diagnostic::is_error)
    {
        let links = site.guides.par_iter().flat_map_iter(|guide| {
            let mut found = Vec::new();
            render_markdown(site, guide, &mut found);
            found
        });
        diagnostics.par_extend(links);
    }
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    (if failed { None } else { site }, diagnostics)
}

/// Loads, validates and renders the site into `sink`.
pub fn build(options: &BuildOptions, sink: &dyn Sink) -> Report {
    let started = Instant::now();
    let (site, mut diagnostics) = load(options);
    let load_time = started.elapsed();
    let mut report = Report::default();
    if let Some(mut site) = site {
        let render_started = Instant::now();
        let rendered = render(&mut site, sink);
        report.guides = site.guides.len();
        report.pages = rendered.pages;
        report.files = rendered.files;
        diagnostics.extend(rendered.diagnostics);
        report.timings.render = render_started.elapsed();
    }
    diagnostics::sort(&mut diagnostics);
    report.diagnostics = diagnostics;
    report.timings.load = load_time;
    report.timings.total = started.elapsed();
    report
}

struct Rendered {
    pages: usize,
    files: usize,
    diagnostics: Vec<Diagnostic>,
}

/// Renders every page and copies static files.
fn render(site: &mut Site, sink: &dyn Sink) -> Rendered {
    // The site view is the same for every page: serialize it once.
    let site_view = SiteView::new(&site.config);
    let mut global = Context::new();
    global.insert("site", &site_view);
    site.templates.tera_mut().global_context().extend(global);

    let site = &*site;
    let formatter = Formatter::new(&site.config);
    let diagnostics = Mutex::new(Vec::new());
    let push = |d: Diagnostic| {
        diagnostics
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(d)
    };

    let guide_pages: usize = site
        .guides
        .par_iter()
        .map(|guide| {
            let mut found = Vec::new();
            let markdown = render_markdown(site, guide, &mut found);
            let view: GuideView<'_> =
                formatter.guide_view(guide, &site.guides, &site.index, markdown);
            let output = format!("{}/index.html", guide.slug);
            let page = PageView::new(
                &site.config,
                "guide",
                &guide.title,
                &guide.summary,
                format!("{}/", guide.slug),
            );
            let mut context = Context::new();
            context.insert("page", &page);
            context.insert("guide", &view);
            let written = write_page(site, sink, "guide.html", &context, &output, &mut found);
            for d in found {
                push(d);
            }
            usize::from(written)
        })
        .sum();

    let mut found = Vec::new();
    let mut cards: Vec<_> = site.guides.iter().map(|g| formatter.card(g)).collect();
    cards.sort_by_cached_key(|card| card.title.to_lowercase());
    let mut pages = guide_pages;
    let home = PageView::new(
        &site.config,
        "home",
        &site.config.title,
        &site.config.description,
        String::new(),
    );
    let mut context = Context::new();
    context.insert("page", &home);
    context.insert("guides", &cards);
    pages += usize::from(write_page(
        site,
        sink,
        "index.html",
        &context,
        "index.html",
        &mut found,
    ));

    let mut not_found = PageView::new(
        &site.config,
        "404",
        "Page not found",
        "The page you asked for does not exist.",
        String::new(),
    );
    // The 404 page is served at any depth: link from the deploy root.
    not_found.root = site.config.base_path.clone();
    let mut context = Context::new();
    context.insert("page", &not_found);
    context.insert("guides", &cards);
    pages += usize::from(write_page(
        site, sink, "404.html", &context, "404.html", &mut found,
    ));

    let files = copy_static(site, sink, &mut found);
    let mut diagnostics = diagnostics.into_inner().unwrap_or_else(|e| e.into_inner());
    diagnostics.extend(found);
    Rendered {
        pages,
        files: pages + files,
        diagnostics,
    }
}

/// Renders `template` into `output`; returns whether a page was written.
fn write_page(
    site: &Site,
    sink: &dyn Sink,
    template: &str,
    context: &Context,
    output: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    match site.templates.render(template, context, output) {
        Ok(html) => match sink.write(output, html.as_bytes()) {
            Ok(()) => true,
            Err(err) => {
                diagnostics.push(Diagnostic::error(
                    output,
                    format!("cannot write page: {err}"),
                ));
                false
            }
        },
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            false
        }
    }
}

/// Renders a guide's Markdown: its body and the Markdown fields of its front matter.
fn render_markdown(
    site: &Site,
    guide: &Guide,
    diagnostics: &mut Vec<Diagnostic>,
) -> RenderedMarkdown {
    let links = Links {
        guides: &site.guides,
        index: &site.index,
        root: "../",
    };
    let field_origin = |field: &'static str| Origin {
        path: &guide.path,
        first_line: None,
        field: Some(field),
        field_position: guide.anchor(field),
    };
    let body_origin = Origin {
        path: &guide.path,
        first_line: Some(guide.body_line),
        field: None,
        field_position: None,
    };
    let mut ids = HashSet::new();
    let content_html =
        markdown::render_block(&guide.body, &links, body_origin, &mut ids, diagnostics);
    let environment_summary_html = guide.environment.summary.as_deref().map(|text| {
        markdown::render_inline(
            text,
            &links,
            field_origin("environment.summary"),
            diagnostics,
        )
    });
    let requirements_notes_html = guide.requirements.notes.as_deref().map(|text| {
        markdown::render_block(
            text,
            &links,
            field_origin("requirements.notes"),
            &mut HashSet::new(),
            diagnostics,
        )
    });
    let faq_answers_html = guide
        .faq
        .iter()
        .map(|faq| {
            markdown::render_block(
                &faq.answer,
                &links,
                field_origin("faq"),
                &mut HashSet::new(),
                diagnostics,
            )
        })
        .collect();
    RenderedMarkdown {
        content_html,
        environment_summary_html,
        requirements_notes_html,
        faq_answers_html,
    }
}

/// Copies the theme's `static/`, then the site's `static/` over it.
fn copy_static(site: &Site, sink: &dyn Sink, diagnostics: &mut Vec<Diagnostic>) -> usize {
    let theme_static = site
        .root
        .join("themes")
        .join(&site.config.theme)
        .join("static");
    let mut files = std::collections::BTreeMap::new();
    for dir in [theme_static, site.root.join("static")] {
        if !dir.is_dir() {
            continue;
        }
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let rel = relative_name(&dir, entry.path());
                    files.insert(rel, entry.into_path());
                }
                Ok(_) => {}
                Err(err) => diagnostics.push(Diagnostic::error(
                    diagnostics::display_path(&site.root, &dir),
                    format!("cannot read static files: {err}"),
                )),
            }
        }
    }
    let results: Vec<Option<Diagnostic>> = files
        .par_iter()
        .map(|(rel, path)| {
            std::fs::read(path)
                .and_then(|bytes| sink.write(rel, &bytes))
                .err()
                .map(|err| {
                    Diagnostic::error(
                        diagnostics::display_path(&site.root, path),
                        format!("cannot copy static file: {err}"),
                    )
                })
        })
        .collect();
    let copied = results.iter().filter(|r| r.is_none()).count();
    diagnostics.extend(results.into_iter().flatten());
    copied
}

/// `dir/a/b.css` → `a/b.css`.
pub fn relative_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
