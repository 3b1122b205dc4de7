//! Fuzzes one guide file through everything a build does to it alone:
//! front-matter split, YAML, every field rule, the cross-guide rules,
//! Markdown (body and Markdown fields), the template view, and the code
//! frame of every diagnostic. Any panic, hang or overflow is a bug.

#![no_main]

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use careergen::config::{self, SiteConfig};
use careergen::content::guide::Guide;
use careergen::content::index::GuideIndex;
use careergen::content::parse::parse_guide;
use careergen::content::validate;
use careergen::render::context::{Formatter, RenderedMarkdown};
use careergen::render::markdown::{self, Links, Origin};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

/// A small config with categories and growth bands, so that those rules run.
const CONFIG: &str = "title: Fuzz\n\
base_url: https://example.org/\n\
projections:\n  default_period: 2024-2034\n  periods:\n    2024-2034:\n      average_growth: 3\n      bands: { much_faster_than_average: 7, faster_than_average: 5, as_fast_as_average: 3, slower_than_average: 1, little_or_no_change: 0 }\n\
categories:\n  sales:\n    name: Sales\n";

static SITE: LazyLock<SiteConfig> =
    LazyLock::new(|| config::parse(CONFIG).unwrap_or_else(|_| panic!("the fuzz config is valid")));

fuzz_target!(|data: &[u8]| {
    let config = &*SITE;
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
    let path = Path::new("content/fuzz.md");
    let parsed = parse_guide(path, "fuzz.md", data, config, today);
    for diagnostic in &parsed.diagnostics {
        let _ = diagnostic.render(false);
    }
    let Some(guide) = parsed.guide else { return };
    let guides: Vec<Guide> = vec![guide];
    let index = GuideIndex::new(&guides);
    for diagnostic in validate::validate(&guides, &index, &[]) {
        let _ = diagnostic.render(false);
    }
    let guide = &guides[0];
    let links = Links {
        guides: &guides,
        index: &index,
        root: "../",
    };
    let mut found = Vec::new();
    let origin = |field: Option<&'static str>| Origin {
        path,
        first_line: field.is_none().then_some(guide.body_line),
        field,
        field_guide: field.map(|_| guide),
    };
    // Parsed from bytes, the guide keeps its text in memory.
    let text = guide.text.read().unwrap_or_default();
    let mut ids = HashSet::new();
    let content_html =
        markdown::render_block(text.body(), &links, origin(None), &mut ids, &mut found);
    let environment_summary_html = guide.environment.summary.as_deref().map(|text| {
        markdown::render_inline(
            text,
            &links,
            origin(Some("environment.summary")),
            &mut found,
        )
    });
    let requirements_notes_html = guide.requirements.notes.as_deref().map(|text| {
        markdown::render_block(
            text,
            &links,
            origin(Some("requirements.notes")),
            &mut HashSet::new(),
            &mut found,
        )
    });
    let faq_answers_html = guide
        .faq
        .iter()
        .map(|faq| {
            markdown::render_block(
                &faq.answer,
                &links,
                origin(Some("faq")),
                &mut HashSet::new(),
                &mut found,
            )
        })
        .collect();
    for diagnostic in &found {
        let _ = diagnostic.render(false);
    }
    let rendered = RenderedMarkdown {
        content_html,
        environment_summary_html,
        requirements_notes_html,
        faq_answers_html,
    };
    let formatter = Formatter::new(config);
    let view = formatter.guide_view(guide, &guides, &index, rendered);
    let _ = serde_json::to_string(&view);
    let _ = serde_json::to_string(&formatter.card(guide));
});
