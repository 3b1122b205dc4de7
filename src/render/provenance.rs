//! Where a listing's figures come from: one line per figure and source
//! under a table of many guides ("Pay: U.S. Bureau of Labor Statistics,
//! Occupational Employment and Wage Statistics, May 2025"), so a reader of
//! All careers, a browse page or the compare table sees the source and
//! release of every figure, as a guide page's Quick facts show it with
//! their markers.
//!
//! Templates get the lines as `figures_sources` and show them with
//! `partials/figures_source.html`.

use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::guide::{Guide, Source};
use crate::i18n::{Args, Messages};

/// One figure's source across a listing's guides.
#[derive(Debug, Serialize, PartialEq)]
pub struct FiguresSource<'a> {
    /// `Pay`, `Pay in California`, `Growth`, in the page's language.
    pub figure: String,
    /// The source's name as the guides' Sources sections cite it; `None`
    /// for figures a guide gives without naming a source.
    pub name: Option<&'a str>,
    pub url: Option<&'a str>,
    /// How many of the listed guides show this figure from this source.
    pub count: usize,
    /// How many of the listed guides show this figure at all.
    pub of: usize,
    /// The titles of those guides when they are a few of many (at most
    /// [`MAX_TITLES`]), so a reader can tell which figures are whose.
    pub titles: Vec<&'a str>,
}

/// The most titles a line names; past it, the line gives only the count.
pub const MAX_TITLES: usize = 5;

/// Which figure of a guide a line is about, and the source id it cites.
fn cited(guide: &Guide, figure: Figure) -> Option<Option<&str>> {
    match figure {
        Figure::Pay => guide
            .salary
            .as_ref()
            .filter(|s| s.median.is_some())
            .map(|s| s.source.as_deref()),
        Figure::HomePay => guide
            .state_pay
            .as_ref()
            .map(|_| Some(crate::data::config::DatasetKind::StateWages.source_id())),
        Figure::Growth => guide
            .outlook
            .as_ref()
            .filter(|o| o.growth_percent.is_some())
            .map(|o| o.source.as_deref()),
    }
}

#[derive(Clone, Copy)]
enum Figure {
    Pay,
    HomePay,
    Growth,
}

/// The sources of the pay and growth figures of `guides`, pay first, each
/// figure's most used source first; figures named in `messages`' language.
pub fn of_listing<'a>(
    guides: &[&'a Guide],
    config: &SiteConfig,
    messages: &Messages,
) -> Vec<FiguresSource<'a>> {
    let mut figures = vec![(Figure::Pay, messages.plain("guide-pay"))];
    if let Some(region) = config.region {
        let args = Args::new().with("region", region.name_in(messages));
        figures.push((Figure::HomePay, messages.text("figures-pay-in", &args)));
    }
    figures.push((Figure::Growth, messages.plain("list-growth")));
    let mut lines = Vec::new();
    for (figure, label) in figures {
        // (source, guides) in order of first appearance.
        let mut groups: Vec<(Option<&'a Source>, Vec<&'a str>)> = Vec::new();
        let mut of = 0;
        for guide in guides {
            let Some(id) = cited(guide, figure) else {
                continue;
            };
            of += 1;
            let source = id.and_then(|id| guide.sources.iter().find(|s| s.id == id));
            let name = source.map(|s| (s.name.as_str(), s.url.as_deref()));
            match groups
                .iter_mut()
                .find(|(s, _)| s.map(|s| (s.name.as_str(), s.url.as_deref())) == name)
            {
                Some((_, titles)) => titles.push(&guide.title),
                None => groups.push((source, vec![&guide.title])),
            }
        }
        // Most used first; the sort is stable, so ties keep their order.
        groups.sort_by_key(|(_, titles)| std::cmp::Reverse(titles.len()));
        for (source, titles) in groups {
            let count = titles.len();
            lines.push(FiguresSource {
                figure: label.clone(),
                name: source.map(|s| s.name.as_str()),
                url: source.and_then(|s| s.url.as_deref()),
                count,
                of,
                titles: if count < of && count <= MAX_TITLES {
                    titles
                } else {
                    Vec::new()
                },
            });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, minimal};

    fn with_pay(title: &str, median: u32, source: Option<&str>) -> Guide {
        let cite = source.map_or(String::new(), |id| format!("\n  source: {id}"));
        let sources = source.map_or(String::new(), |id| {
            format!("sources:\n  - id: {id}\n    name: Survey {id}\n")
        });
        minimal(
            &title.to_lowercase(),
            title,
            &format!(
                "salary:\n  currency: USD\n  period: year\n  median: {median}{cite}\n{sources}"
            ),
        )
    }

    #[test]
    fn each_pay_source_is_a_line_naming_the_few_guides_it_covers() {
        let guides = [
            with_pay("Buyer", 1000, Some("bls")),
            with_pay("Clerk", 2000, Some("bls")),
            with_pay("Agent", 3000, Some("own")),
            with_pay("Writer", 4000, None),
            minimal("poet", "Poet", ""),
        ];
        let refs: Vec<&Guide> = guides.iter().collect();
        let lines = of_listing(&refs, &config(), &crate::i18n::builtin_messages("en"));
        type Line<'a> = (&'a str, Option<&'a str>, usize, usize, Vec<&'a str>);
        let summary: Vec<Line<'_>> = lines
            .iter()
            .map(|l| (l.figure.as_str(), l.name, l.count, l.of, l.titles.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Pay", Some("Survey bls"), 2, 4, vec!["Buyer", "Clerk"]),
                ("Pay", Some("Survey own"), 1, 4, vec!["Agent"]),
                ("Pay", None, 1, 4, vec!["Writer"]),
            ]
        );
        let spanish = of_listing(&refs, &config(), &crate::i18n::builtin_messages("es"));
        assert_eq!(spanish[0].figure, "Salario");
    }
}
