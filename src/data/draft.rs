//! `careergen new --soc 29-1141`: a draft guide started from the data —
//! O*NET's title and description, the codes, and (as comments) every
//! figure the data gives it, which the build fills in.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::{Datasets, fill};
use crate::config;
use crate::content::guide::{Education, Experience, Training, is_slug};

/// What `new --soc` was asked for.
pub struct Request<'a> {
    pub soc: &'a str,
    /// Overrides the data's title.
    pub title: Option<&'a str>,
    pub slug: Option<&'a str>,
    pub category: Option<&'a str>,
}

/// Writes `content/<slug>.md` for `request` in the site at `root` and
/// returns its path. Fails, writing nothing, when the code is not in the
/// data, the data cannot be read, or the file exists.
pub fn new_guide(root: &Path, request: &Request<'_>) -> anyhow::Result<PathBuf> {
    let soc = request.soc.trim();
    if !super::table::is_soc_code(soc) {
        bail!("expected a SOC code such as `29-1141`, found {soc:?}");
    }
    let mut config = config::load(root).map_err(|errors| {
        let first = errors.first().map_or(String::new(), |d| d.headline());
        anyhow::anyhow!("cannot read {}: {first}", config::CONFIG_FILE)
    })?;
    // The draft cites the data in the site's language, as its pages will.
    let (messages, _) = crate::site::load_messages(root, &config);
    config.data.localize(messages.messages(&config.language));
    if !config.data.any() {
        bail!(
            "expected datasets under `data:` in {}, found none (see docs/data.md)",
            config::CONFIG_FILE
        );
    }
    let (data, errors) = super::load(root, &config.data);
    if let Some(first) = errors.first() {
        bail!("cannot read the data: {}", first.headline());
    }
    if !data.knows(soc) {
        let closest: Vec<String> = data
            .closest(soc, 3)
            .into_iter()
            .map(|(c, t)| format!("{c} ({t})"))
            .collect();
        bail!(
            "expected a SOC code the configured data has, found {soc} (closest: {})",
            closest.join(", ")
        );
    }
    let occupation = data.occupations.as_ref().and_then(|o| o.for_soc(soc));
    let data_title = occupation
        .map(|o| o.title.clone())
        .or_else(|| {
            data.wages
                .as_ref()
                .and_then(|w| w.by_soc.get(soc))
                .map(|r| r.title.clone())
        })
        .or_else(|| {
            data.projections
                .as_ref()
                .and_then(|p| p.by_soc.get(soc))
                .map(|r| r.title.clone())
        })
        .unwrap_or_default();
    let title = request.title.map_or(data_title, str::to_string);
    let max = crate::content::parse::MAX_TITLE_CHARS;
    if title.chars().count() > max {
        bail!(
            "the data's title {title:?} is over {max} characters; give a shorter one as the title argument"
        );
    }
    let slug = match request.slug {
        Some(slug) if is_slug(slug) => slug.to_string(),
        Some(slug) => {
            bail!("expected a slug of lowercase letters, digits and single dashes, found {slug:?}")
        }
        None => crate::scaffold::slug_from_title(&title),
    };
    if slug.is_empty() {
        bail!("cannot make a file name from {title:?}; give one with --slug");
    }
    let text = draft_text(&data, soc, &title, request.category);
    let dir = root.join(crate::content::load::CONTENT_DIR);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let path = dir.join(format!("{slug}.md"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| format!("cannot create `{}`", path.display()))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(path)
}

/// A YAML string, quoted.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn draft_text(data: &Datasets, soc: &str, title: &str, category: Option<&str>) -> String {
    let occupation = data.occupations.as_ref().and_then(|o| o.for_soc(soc));
    let mut out = String::from("---\n");
    let _ = writeln!(out, "title: {}", quoted(title));
    match occupation {
        Some(o) => {
            let _ = writeln!(
                out,
                "# From O*NET's description: rewrite it for your readers."
            );
            let _ = writeln!(
                out,
                "summary: {}",
                quoted(&fill::first_sentence(&o.description))
            );
            let _ = writeln!(out, "codes: {{ soc: {soc}, onet_soc: {} }}", o.code);
        }
        None => {
            let _ = writeln!(
                out,
                "summary: \"{} one sentence on what the job is.\"",
                crate::content::guide::PLACEHOLDER_MARK
            );
            let _ = writeln!(out, "codes: {{ soc: {soc} }}");
        }
    }
    if let Some(category) = category {
        let _ = writeln!(out, "category: {category}");
    }
    out.push_str("# Figures come from the data at every build (`data:` in config.yaml).\n");
    out.push_str("# As of now it gives this guide:\n");
    if let Some(w) = data.wages.as_ref()
        && let Some(r) = w.by_soc.get(soc)
    {
        let (period, p) = if r.annual.is_empty() {
            ("per hour", &r.hourly)
        } else {
            ("per year", &r.annual)
        };
        let figure = |w: Option<super::oews::Wage>| {
            w.map_or("-".to_string(), |w| {
                format!("{}{}", w.value, if w.top_coded { " or more" } else { "" })
            })
        };
        let _ = writeln!(
            out,
            "#   salary ({}): entry {}, median {}, top {} {period}",
            w.dataset.name,
            figure(p.p10),
            figure(p.median),
            figure(p.p90)
        );
        if let Some(e) = r.employment {
            let _ = writeln!(out, "#   employment ({}): {e}", w.dataset.name);
        }
    }
    if let Some(set) = data.projections.as_ref()
        && let Some(p) = set.by_soc.get(soc)
    {
        let n = |v: Option<f64>| v.map_or("-".to_string(), |v| v.to_string());
        let _ = writeln!(
            out,
            "#   outlook ({}): growth {}%, employment {}, change {}",
            set.dataset.name,
            n(p.growth_percent),
            n(p.employment),
            n(p.employment_change)
        );
        let _ = writeln!(
            out,
            "#   requirements: education {}, experience {}, training {}",
            p.education.map_or("-", Education::name),
            p.experience.map_or("-", Experience::name),
            p.training.map_or("-", Training::name)
        );
    }
    out.push_str("# Write a figure here only to override it, and cite its source.\n");
    out.push_str("duties:\n");
    let _ = writeln!(
        out,
        "  - \"{} what they do, one task a line\"",
        crate::content::guide::PLACEHOLDER_MARK
    );
    if let Some(set) = data.occupations.as_ref()
        && occupation.is_some()
    {
        let d = set.dataset.citation.trim_end_matches('.');
        out.push_str("sources:\n");
        let _ = writeln!(
            out,
            "  - {{ id: onet, name: {}, url: {}, license: CC BY 4.0 }}",
            quoted(d),
            set.dataset
                .url
                .as_deref()
                .unwrap_or("https://www.onetcenter.org/database.html")
        );
    }
    out.push_str("draft: true\n---\n");
    if let Some(o) = occupation {
        out.push_str("\n<!-- O*NET's description, as a starting point: -->\n\n");
        out.push_str(&o.description);
        out.push('\n');
    }
    out
}
