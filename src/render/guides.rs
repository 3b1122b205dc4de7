//! Guide pages: each guide read whole again where it was loaded lean, its
//! Markdown rendered with the site's links and shortcodes, its view built
//! and written; and what each page reads of other guides
//! ([`GuideDependencies`], [`listing_entry`], [`similarity_key`]), so that
//! `serve` can tell which pages an edit touches.

use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;
use tera::Context;

use crate::content::guide::Guide;
use crate::content::text::Text;
use crate::data;
use crate::diagnostics::Diagnostic;
use crate::output::Sink;
use crate::render::browse::{self, Grouping};
use crate::render::context::{CrumbView, Formatter, GuideView, PageView, RenderedMarkdown};
use crate::render::markdown::{self, Links, Origin, PageIds};
use crate::render::shortcodes::Shortcodes;
use crate::render::similar::SimilarIndex;

use crate::site::{Page, Rendered, Site, write_page};

/// The formatter of guide pages and of the figures shortcodes quote:
/// browse pages exist where the theme has their template.
pub fn guide_formatter(site: &Site) -> Formatter<'_> {
    let mut formatter = Formatter::new(&site.config).with_messages(site.language_messages());
    formatter.browse_pages = site
        .templates
        .has(Page::Group(Grouping::Industry, 0, 1).template());
    formatter
}

/// Renders the pages of the guides at `guides` (after [`crate::site::prepare`]) into `sink`.
pub fn render_guide_pages(site: &Site, guides: &[usize], sink: &dyn Sink) -> Rendered {
    let formatter = guide_formatter(site);
    let diagnostics = Mutex::new(Vec::new());
    let push = |d: Diagnostic| {
        diagnostics
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(d)
    };

    // Only guides without related careers show suggestions, and only
    // where the site wants them.
    let suggesting = site.config.suggest_similar
        && guides.iter().any(|&i| {
            site.guides
                .get(i)
                .is_some_and(|g| g.related_careers.is_empty())
        });
    let similar = suggesting.then(|| SimilarIndex::new(&site.guides));
    let guide_pages: usize = guides
        .par_iter()
        .filter(|&&i| i < site.guides.len())
        .map(|&i| {
            let started = Instant::now();
            let mut found = Vec::new();
            let (guide, body) = whole_guide(site, &site.guides[i], &mut found);
            let guide = guide.as_ref();
            let markdown = crate::timings::markdown(
                || crate::permalink::output(&crate::permalink::guide(&guide.slug)),
                || render_markdown(site, guide, &body, &mut found),
            );
            let mut view: GuideView<'_> =
                formatter.guide_view(guide, &site.guides, &site.index, markdown);
            if guide.related_careers.is_empty()
                && let Some(similar) = &similar
            {
                view.similar = formatter.suggested_similar(&similar.suggest(i), &site.guides);
                view.similar_suggested = !view.similar.is_empty();
            }
            let output = crate::permalink::output(&crate::permalink::guide(&guide.slug));
            let mut page = PageView::new(
                &site.config,
                "guide",
                &guide.title,
                &guide.summary,
                crate::permalink::guide(&guide.slug),
            );
            if let Some(image) = &guide.image {
                let hero = site.images.hero(
                    image,
                    &guide.path,
                    &page.path,
                    &page.root,
                    &site.config.base_url,
                    &mut found,
                );
                page.set_image(&hero);
                view.image = Some(hero);
            }
            page.breadcrumb = CrumbView::list(
                browse::guide_breadcrumb(
                    guide,
                    &site.config,
                    formatter.browse_pages,
                    site.language_messages(),
                ),
                &page.root,
            );
            let mut context = Context::new();
            context.insert("page", &page);
            context.insert("guide", &view);
            if site.languages.fallback.get(i).copied().unwrap_or(false) {
                // The guide's own text is the default language's.
                context.insert("content_lang", &site.config.default_language);
            }
            context.insert("advice", &crate::render::kinds::advice_for(site, i));
            context.insert(
                "advice_heading",
                &crate::render::kinds::advice_heading(&guide.title, site.language_messages()),
            );
            let written = write_page(site, sink, "guide.html", &context, &output, &mut found);
            for d in found {
                push(d);
            }
            crate::timings::page_since(&output, started);
            usize::from(written)
        })
        .sum();

    Rendered {
        pages: guide_pages,
        files: guide_pages,
        diagnostics: diagnostics.into_inner().unwrap_or_else(|e| e.into_inner()),
    }
}

/// `guide` with every field, and its text: read again from its file,
/// parsed and filled from data as at load time when the guide was loaded
/// lean. A file that can no longer be read, or changed since it was
/// checked, is an error, and the guide then renders with what it holds.
pub fn whole_guide<'a>(
    site: &Site,
    guide: &'a Guide,
    diagnostics: &mut Vec<Diagnostic>,
) -> (std::borrow::Cow<'a, Guide>, Text) {
    let text = crate::timings::work("read guide files", || guide.text.read());
    let text = match text {
        Ok(text) => text,
        Err(message) => {
            diagnostics.push(Diagnostic::error(&guide.path, message));
            return (std::borrow::Cow::Borrowed(guide), Text::default());
        }
    };
    let Some(reread) = site.reread.as_ref().filter(|_| guide.page_fields_released) else {
        return (std::borrow::Cow::Borrowed(guide), text);
    };
    // The same text, config, date and data as at load time give the same
    // guide; what parsing and filling report was reported then.
    let parsed = crate::timings::work("parse guides", || {
        crate::content::parse::parse_guide(
            &guide.path,
            &guide.content_path,
            text.whole().as_bytes(),
            &site.config,
            reread.today,
        )
    });
    match parsed.guide {
        Some(mut whole) => {
            // The image's file was found when the guide was loaded.
            whole.image.clone_from(&guide.image);
            let _ = data::fill::fill(&mut whole, &reread.data, &site.config);
            (std::borrow::Cow::Owned(whole), text)
        }
        None => {
            diagnostics.push(Diagnostic::error(
                &guide.path,
                "the file changed while the site was being built; build again to check it",
            ));
            (std::borrow::Cow::Borrowed(guide), text)
        }
    }
}

/// Calls `render` with the `@/` links and shortcodes of Markdown on the page
/// at `page_path` (`account-manager/`, `advice/negotiate/`; `""` for home)
/// made from `file` (relative to the site root): every kind's Markdown
/// links, shows images and quotes figures the same way.
pub fn with_markdown_links<R>(
    site: &Site,
    page_path: &str,
    file: &Path,
    render: impl FnOnce(&Links) -> R,
) -> R {
    let root = crate::permalink::root_from(page_path);
    let formatter = guide_formatter(site);
    let output = crate::permalink::output(page_path);
    let shortcodes = Shortcodes {
        templates: &site.templates,
        formatter: &formatter,
        guides: &site.guides,
        index: &site.index,
        page: &output,
    };
    let links = Links {
        guides: &site.guides,
        index: &site.index,
        root: &root,
        site_root: &site.root,
        library: Some(&site.library),
        shortcodes: Some(&shortcodes),
        page_path,
        bundle: crate::content::bundle::dir_of(file),
        images: Some(&site.images),
    };
    render(&links)
}

/// Renders a guide's Markdown: its `body` and the Markdown fields of its
/// front matter. `guide` is whole ([`whole_guide`]).
pub fn render_markdown(
    site: &Site,
    guide: &Guide,
    body: &Text,
    diagnostics: &mut Vec<Diagnostic>,
) -> RenderedMarkdown {
    with_markdown_links(
        site,
        &crate::permalink::guide(&guide.slug),
        &guide.path,
        |links| {
            let field_origin = |field: &'static str| Origin {
                path: &guide.path,
                first_line: None,
                field: Some(field),
                field_guide: Some(guide),
            };
            let body_origin = Origin {
                path: &guide.path,
                first_line: Some(guide.body_line),
                field: None,
                field_guide: None,
            };
            // One set of ids for every text on the page: headings and footnotes
            // of the body and of the front-matter fields never share an id.
            let mut ids = PageIds::with_theme_ids(site.templates.ids());
            let content_html =
                markdown::render_block(body.body(), links, body_origin, &mut ids, diagnostics);
            let environment_summary_html = guide.environment.summary.as_deref().map(|text| {
                markdown::render_inline(
                    text,
                    links,
                    field_origin("environment.summary"),
                    &mut ids,
                    diagnostics,
                )
            });
            let requirements_notes_html = guide.requirements.notes.as_deref().map(|text| {
                markdown::render_block(
                    text,
                    links,
                    field_origin("requirements.notes"),
                    &mut ids,
                    diagnostics,
                )
            });
            let faq_answers_html = guide
                .faq
                .iter()
                .enumerate()
                .map(|(i, faq)| {
                    let field = format!("faq[{i}].answer");
                    let origin = Origin {
                        field: Some(&field),
                        ..field_origin("faq")
                    };
                    markdown::render_block(&faq.answer, links, origin, &mut ids, diagnostics)
                })
                .collect();
            RenderedMarkdown {
                content_html,
                environment_summary_html,
                requirements_notes_html,
                faq_answers_html,
            }
        },
    )
}

/// What a guide's page reads from other guides, so that `serve` can tell
/// which pages an edit touches. Keep in step with
/// [`Formatter::guide_view`] and `render_markdown`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GuideDependencies {
    /// Slugs named under `career_path` and `related_careers`: the page shows
    /// their link, summary, education and pay.
    pub slugs: Vec<String>,
    /// Content paths named by `@/` links in its Markdown: the page shows
    /// their slug.
    pub links: Vec<String>,
    /// Set when an `@/` link is written in a way this scan cannot read
    /// exactly (escapes, entities): the page then depends on every guide.
    pub any_link: bool,
    /// Slugs whose figures the page quotes through shortcodes
    /// (`median_pay`, `growth`, `quick_facts`): any edit of those guides
    /// may change it.
    pub quoted: Vec<String>,
}

/// The other guides `guide`'s page depends on.
pub fn guide_dependencies(guide: &Guide) -> GuideDependencies {
    let mut deps = GuideDependencies {
        slugs: guide
            .guide_references()
            .map(|(_, slug)| slug.to_string())
            .collect(),
        ..GuideDependencies::default()
    };
    // A link written with escapes or entities may name any guide: such a
    // page then depends on every guide.
    deps.any_link = guide
        .linked_paths
        .iter()
        .any(|path| path.contains(['\\', '&', '%']));
    deps.links = guide.linked_paths.clone();
    deps.quoted = guide.quoted_guides.clone();
    deps.slugs.sort();
    deps.slugs.dedup();
    deps.links.sort();
    deps.links.dedup();
    deps
}

/// What pages other than its own show of `guide`: its card on the listing
/// pages (home, all careers, browse pages, which also group it by
/// industry; the home page picks the most recently reviewed) and in other guides' related careers, career path and
/// suggestions. While this is unchanged (and no guide came or went), those
/// pages are unchanged too. Keep in step with what they show.
pub fn listing_entry(formatter: &Formatter<'_>, guide: &Guide) -> String {
    let reviewed = guide.last_reviewed.map(|date| date.to_string());
    serde_json::to_string(&(formatter.card(guide), &guide.industries, reviewed)).unwrap_or_default()
}

/// What [`SimilarIndex`] scores and ranks `guide` by (category, SOC code,
/// industries, skills; title and slug for ties), and whether the guide asks for
/// suggestions at all. While no guide's key changes (and no guide came or
/// went), every guide's suggestions stay the same.
pub fn similarity_key(guide: &Guide) -> String {
    let skills: Vec<&str> = guide
        .requirements
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    serde_json::to_string(&(
        &guide.category,
        (&guide.codes.soc, &guide.codes.onet_soc),
        &guide.industries,
        skills,
        &guide.title,
        &guide.slug,
        guide.related_careers.is_empty(),
    ))
    .unwrap_or_default()
}
