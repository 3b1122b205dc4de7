//! What a guide page sees as `guide`: every section of the profile, its
//! Quick facts with their sources, its charts and its JSON-LD.

use serde::Serialize;

use super::sentences::plural_lower;
use super::{Formatter, GuideCard, LevelView, Named, SimilarView};
use crate::content::guide::{Guide, Salary};
use crate::content::index::GuideIndex;
use crate::i18n::Args;
use crate::render::pay::{PayFigure, PayView};
use crate::render::{charts, structured_data};

/// A name linked to its page, when it has one.
#[derive(Serialize)]
pub struct LinkView<'a> {
    pub name: &'a str,
    /// Relative to the page; `None` when there is no page to link.
    pub href: Option<String>,
}

/// A row of the Quick facts table.
#[derive(Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
    /// Where the figure comes from, when the guide or its data names a
    /// source; shown as a footnote-style marker linking to the Sources
    /// section.
    pub source: Option<FactSource>,
}

/// A fact's source as the page marks it: a letter linking to the entry in
/// the Sources section, and what a reader hears or sees on hover.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct FactSource {
    /// The source's id; its entry in the Sources section is `#source-{id}`.
    pub id: String,
    /// `a`, `b`, …: one letter per source, in order of first use on the page.
    pub marker: String,
    /// `Source: U.S. Bureau of Labor Statistics, Occupational Employment
    /// and Wage Statistics, May 2025`.
    pub label: String,
    /// The source's name alone, release included.
    pub name: String,
}

#[derive(Serialize)]
pub struct OutlookView<'a> {
    pub growth_percent: Option<String>,
    pub growth_value: Option<f64>,
    /// `2024–34`.
    pub period: Option<String>,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub label: Option<Named>,
    /// The Handbook-style sentence, when growth is known.
    pub sentence: Option<String>,
    pub average_growth: Option<String>,
    pub employment: Option<String>,
    pub employment_change: Option<String>,
    pub annual_openings: Option<String>,
    pub source: Option<&'a crate::content::guide::Source>,
}

#[derive(Serialize)]
pub struct StepView<'a> {
    pub title: &'a str,
    pub note: Option<&'a str>,
    /// Relative link to the step's guide, when it has one.
    pub href: Option<String>,
}

/// A source as cited on a guide page.
#[derive(Serialize)]
pub struct SourceView<'a> {
    pub id: &'a str,
    /// The letter the page's Quick facts mark this source's figures with,
    /// when they cite it (see [`FactSource`]).
    pub marker: Option<String>,
    pub name: &'a str,
    pub url: Option<&'a str>,
    /// `2026-10-02`.
    pub accessed: Option<String>,
    /// `October 2, 2026`.
    pub accessed_display: Option<String>,
    pub license: Option<&'a str>,
}

#[derive(Serialize)]
pub struct EmployerView<'a> {
    pub industry: &'a str,
    pub share: String,
}

#[derive(Serialize)]
pub struct EnvironmentView<'a> {
    pub summary_html: Option<String>,
    pub settings: &'a [String],
    pub schedule: Option<&'a str>,
    pub travel: Option<&'a str>,
    pub employers: Vec<EmployerView<'a>>,
}

#[derive(Serialize)]
pub struct CredentialView<'a> {
    pub name: &'a str,
    pub kind: Named,
    pub required: bool,
}

#[derive(Serialize)]
pub struct RequirementsView<'a> {
    pub education: Option<LevelView<'a>>,
    pub experience: Option<Named>,
    pub training: Option<Named>,
    pub fields_of_study: &'a [String],
    pub credentials: Vec<CredentialView<'a>>,
    pub skills: &'a [crate::content::guide::Skill],
    pub notes_html: Option<String>,
}

#[derive(Serialize)]
pub struct FaqView<'a> {
    pub question: &'a str,
    pub answer_html: String,
}

/// Markdown of a guide rendered to HTML, ready for its page.
#[derive(Default)]
pub struct RenderedMarkdown {
    pub content_html: String,
    pub environment_summary_html: Option<String>,
    pub requirements_notes_html: Option<String>,
    pub faq_answers_html: Vec<String>,
}

/// What a guide page sees as `guide`.
#[derive(Serialize)]
pub struct GuideView<'a> {
    #[serde(flatten)]
    pub card: GuideCard<'a>,
    pub alternate_titles: &'a [String],
    pub codes: &'a crate::content::guide::Codes,
    pub industries: &'a [String],
    /// `industries`, each with the link to its browse page
    /// (`../industries/finance/`), `null` when the site has none.
    pub industry_links: Vec<LinkView<'a>>,
    /// The link to the category's browse page (`../categories/sales/`).
    pub category_href: Option<String>,
    /// The link to the education level's browse page
    /// (`../education/bachelors/`).
    pub education_href: Option<String>,
    pub duties: &'a [String],
    pub environment: EnvironmentView<'a>,
    pub requirements: RequirementsView<'a>,
    pub quick_facts: Vec<Fact>,
    pub pay: Option<PayView<'a>>,
    /// Pay by state, where the site has state data for the guide's code.
    pub state_pay: Option<crate::render::state_pay::StatePayView<'a>>,
    pub outlook: Option<OutlookView<'a>>,
    pub career_path: Vec<StepView<'a>>,
    pub similar: Vec<SimilarView<'a>>,
    pub faq: Vec<FaqView<'a>>,
    pub sources: Vec<SourceView<'a>>,
    /// The title as a lowercase plural for sentences: `account managers`.
    pub title_plural: String,
    /// `2026-11-01`.
    pub last_reviewed: Option<String>,
    /// `November 1, 2026`.
    pub last_reviewed_display: Option<String>,
    pub content_html: String,
    pub extra: &'a serde_json::Value,
    /// Inline SVG charts, drawn at build time (see `render::charts`).
    pub charts: GuideCharts,
    /// The JSON-LD `<script>` elements of the page (see
    /// `render::structured_data`): an `Occupation`, and a `FAQPage` when
    /// the guide has an FAQ.
    pub structured_data_html: String,
    /// The hero image (`image:` in the front matter), set by the page's
    /// renderer: src, srcset, webp_srcset, sizes, width, height, alt.
    pub image: Option<crate::render::images::HeroView>,
    /// Set when `similar` was suggested from shared category, industries
    /// and skills because the guide names no `related_careers`.
    pub similar_suggested: bool,
}

/// A guide's charts as inline SVG, each `null` when there is nothing to draw.
#[derive(Serialize, Default)]
pub struct GuideCharts {
    /// The pay range: every known figure, labelled.
    pub pay_html: Option<String>,
    /// Projected growth beside the average for all occupations.
    pub outlook_html: Option<String>,
}

impl<'a> Formatter<'a> {
    /// The full view of `guide` for its own page at depth 1.
    pub fn guide_view(
        &self,
        guide: &'a Guide,
        guides: &'a [Guide],
        index: &GuideIndex,
        markdown: RenderedMarkdown,
    ) -> GuideView<'a> {
        let href = |slug: &str| {
            index
                .by_slug(slug)
                .map(|_| crate::permalink::from_guide(&crate::permalink::guide(slug)))
        };
        let source = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| guide.sources.iter().find(|s| s.id == id))
        };
        let pay = guide
            .salary
            .as_ref()
            .map(|s| self.pay_view(s, source(&s.source)));
        let outlook = guide.outlook.as_ref().map(|o| {
            let bands = o.period.and_then(|p| self.config.projections.period(&p));
            OutlookView {
                growth_percent: o.growth_percent.map(|g| self.style.percent(g)),
                growth_value: o.growth_percent,
                period: o.period.map(|p| p.short()),
                period_start: o.period.map(|p| p.start),
                period_end: o.period.map(|p| p.end),
                label: o.label.map(|l| self.named("growth", l.name())),
                sentence: o
                    .growth_percent
                    .zip(o.label)
                    .map(|(g, l)| self.outlook_sentence(&guide.title, g, l, o.period)),
                average_growth: bands
                    .and_then(|b| b.average_growth)
                    .map(|g| self.style.percent(g)),
                employment: o.employment.map(|e| self.style.integer(e)),
                employment_change: o
                    .employment_change
                    .map(|c| signed(self.style.integer(c), c)),
                annual_openings: o.annual_openings.map(|n| self.style.integer(n)),
                source: source(&o.source),
            }
        });
        let requirements = &guide.requirements;
        let mut view = GuideView {
            card: self.card(guide),
            alternate_titles: &guide.alternate_titles,
            codes: &guide.codes,
            industries: &guide.industries,
            industry_links: guide
                .industries
                .iter()
                .map(|name| LinkView {
                    name: self.config.industry_name(name),
                    href: Some(crate::render::markdown::slugify(name))
                        .filter(|key| !key.is_empty())
                        .and_then(|key| self.browse_href(format!("industries/{key}/"))),
                })
                .collect(),
            category_href: self
                .category(guide)
                .and_then(|c| self.browse_href(format!("categories/{}/", c.key))),
            education_href: requirements.education.and_then(|e| {
                self.browse_href(format!(
                    "education/{}/",
                    self.config.education_levels.slug(e)
                ))
            }),
            duties: &guide.duties,
            environment: EnvironmentView {
                summary_html: markdown.environment_summary_html,
                settings: &guide.environment.settings,
                schedule: guide.environment.schedule.as_deref(),
                travel: guide.environment.travel.as_deref(),
                employers: guide
                    .environment
                    .employers
                    .iter()
                    .map(|e| EmployerView {
                        industry: self.config.industry_name(&e.industry),
                        share: self.style.percent(e.share_percent),
                    })
                    .collect(),
            },
            requirements: RequirementsView {
                education: requirements.education.map(|e| self.education(e)),
                experience: requirements
                    .experience
                    .map(|e| self.named("experience", e.name())),
                training: requirements
                    .training
                    .map(|t| self.named("training", t.name())),
                fields_of_study: &requirements.fields_of_study,
                credentials: requirements
                    .credentials
                    .iter()
                    .map(|c| CredentialView {
                        name: &c.name,
                        kind: self.named("credential", c.kind.name()),
                        required: c.required,
                    })
                    .collect(),
                skills: &requirements.skills,
                notes_html: markdown.requirements_notes_html,
            },
            quick_facts: Vec::new(),
            pay,
            state_pay: crate::render::state_pay::view(guide, self),
            outlook,
            career_path: guide
                .career_path
                .iter()
                .map(|s| StepView {
                    title: &s.title,
                    note: s.note.as_deref(),
                    href: s.guide.as_deref().and_then(href),
                })
                .collect(),
            similar: guide
                .related_careers
                .iter()
                .map(|r| {
                    let linked = r
                        .guide
                        .as_deref()
                        .and_then(|s| index.by_slug(s))
                        .map(|i| &guides[i]);
                    SimilarView {
                        title: &r.title,
                        href: r.guide.as_deref().and_then(href),
                        summary: linked.map(|g| g.summary.as_str()),
                        education: linked
                            .and_then(|g| g.requirements.education)
                            .map(|e| self.education(e).label),
                        median_pay: linked
                            .and_then(|g| g.salary.as_ref())
                            .and_then(|s| self.money(s, s.median)),
                        pay_period: linked
                            .and_then(|g| g.salary.as_ref())
                            .filter(|s| s.median.is_some())
                            .map(|s| self.period_label(s.period)),
                    }
                })
                .collect(),
            faq: guide
                .faq
                .iter()
                .zip(markdown.faq_answers_html)
                .map(|(f, answer_html)| FaqView {
                    question: &f.question,
                    answer_html,
                })
                .collect(),
            sources: guide
                .sources
                .iter()
                .map(|s| SourceView {
                    id: &s.id,
                    marker: None,
                    name: &s.name,
                    url: s.url.as_deref(),
                    accessed: s.accessed.map(|d| d.format("%Y-%m-%d").to_string()),
                    accessed_display: s.accessed.map(|d| self.style.date(d)),
                    license: s.license.as_deref(),
                })
                .collect(),
            title_plural: plural_lower(&guide.title),
            last_reviewed: guide
                .last_reviewed
                .map(|d| d.format("%Y-%m-%d").to_string()),
            last_reviewed_display: guide.last_reviewed.map(|d| self.style.date(d)),
            content_html: markdown.content_html,
            extra: &guide.extra,
            charts: GuideCharts::default(),
            structured_data_html: String::new(),
            image: None,
            similar_suggested: false,
        };
        view.quick_facts = self.quick_facts(
            &view,
            source(&guide.requirements.source),
            guide.beside.as_ref().map(|b| (b, &guide.sources[..])),
        );
        for source in &mut view.sources {
            source.marker = view
                .quick_facts
                .iter()
                .filter_map(|f| f.source.as_ref())
                .find(|f| f.id == source.id)
                .map(|f| f.marker.clone());
        }
        view.charts = GuideCharts {
            pay_html: view.pay.as_ref().and_then(|pay| {
                charts::pay_range(&guide.title, pay, "cg-pay-chart", &self.messages)
            }),
            outlook_html: charts::OutlookFigures::of(guide, self.config, &self.style)
                .map(|figures| charts::outlook(&figures, "cg-outlook-chart", &self.messages)),
        };
        let answers: Vec<String> = view.faq.iter().map(|f| f.answer_html.clone()).collect();
        view.structured_data_html =
            structured_data::script_elements(&structured_data::guide_blocks(
                guide,
                self.config,
                &answers,
                view.requirements
                    .education
                    .as_ref()
                    .map(|e| e.label.as_str()),
            ));
        view
    }

    fn pay_view(
        &self,
        salary: &'a Salary,
        source: Option<&'a crate::content::guide::Source>,
    ) -> PayView<'a> {
        let percentile = salary.basis == crate::content::guide::SalaryBasis::Percentile;
        let labels: [(&'static str, &'static str, Option<f64>); 5] = [
            (
                "entry",
                if percentile { "pay-p10" } else { "pay-entry" },
                salary.entry,
            ),
            ("p25", "pay-p25", salary.p25),
            ("median", "pay-median", salary.median),
            ("p75", "pay-p75", salary.p75),
            (
                "top",
                if percentile { "pay-p90" } else { "pay-top" },
                salary.top,
            ),
        ];
        let figures = labels
            .iter()
            .filter_map(|(key, label, amount)| {
                let amount = (*amount)?;
                let mut value = self.style.money(amount, &salary.currency, salary.period);
                if *key == "top" && salary.top_coded {
                    value = self.text("pay-or-more", &Args::new().with("amount", value));
                }
                Some(PayFigure {
                    key,
                    label: self.messages.plain(label),
                    value,
                    amount,
                })
            })
            .collect::<Vec<_>>();
        let value_of = |key: &str| {
            figures
                .iter()
                .find(|f| f.key == key)
                .map(|f| f.value.clone())
        };
        PayView {
            currency: &salary.currency,
            period: salary.period,
            period_label: self.period_label(salary.period),
            entry: value_of("entry"),
            p25: value_of("p25"),
            median: value_of("median"),
            p75: value_of("p75"),
            top: value_of("top"),
            figures,
            percentile_basis: percentile,
            top_coded: salary.top_coded,
            as_of: salary.as_of.map(|a| self.style.year_month(a.year, a.month)),
            source,
        }
    }

    /// The Quick facts rows, each figure with its source's marker.
    ///
    /// `beside` holds the figures of a broader occupation's code with the
    /// guide's sources: each follows the guide's own figure of its kind,
    /// labelled with the occupation's name.
    fn quick_facts(
        &self,
        view: &GuideView<'_>,
        requirements_source: Option<&crate::content::guide::Source>,
        beside: Option<(
            &crate::data::fill::Beside,
            &'a [crate::content::guide::Source],
        )>,
    ) -> Vec<Fact> {
        let cited = |id: &Option<String>| {
            let (_, sources) = beside?;
            let id = id.as_deref()?;
            sources.iter().find(|s| s.id == id)
        };
        let mut facts: Vec<(Fact, Option<&crate::content::guide::Source>)> = Vec::new();
        let fact = |label: String, value: String| Fact {
            label,
            value,
            source: None,
        };
        if let Some(pay) = &view.pay
            && let Some(median) = &pay.median
        {
            let label = match &pay.as_of {
                Some(as_of) => {
                    self.text("facts-median-pay-as-of", &Args::new().with("date", as_of))
                }
                None => self.messages.plain("facts-median-pay"),
            };
            facts.push((
                fact(label, self.amount_per(median, &pay.period_label)),
                pay.source,
            ));
        }
        if let Some((b, _)) = beside
            && let Some(median) = b.median
        {
            let mut value = self.style.money(median, "USD", b.period);
            if b.top_coded {
                value = self.text("pay-or-more", &Args::new().with("amount", value));
            }
            let args = Args::new().with("occupation", b.label.as_str());
            let label = match b.as_of {
                Some(a) => self.text(
                    "facts-median-pay-of-as-of",
                    &args.with("date", self.style.year_month(a.year, a.month)),
                ),
                None => self.text("facts-median-pay-of", &args),
            };
            facts.push((
                fact(label, self.amount_per(&value, &self.period_label(b.period))),
                cited(&b.pay_source),
            ));
        }
        if let Some(home) = crate::render::state_pay::home_fact(view, self) {
            facts.push((home, view.state_pay.as_ref().and_then(|s| s.source)));
        }
        let requirements = &view.requirements;
        let rows = [
            (
                "similar-education",
                requirements.education.as_ref().map(|e| e.label.as_str()),
            ),
            (
                "guide-work-experience",
                requirements.experience.as_ref().map(|e| e.label.as_str()),
            ),
            (
                "guide-training",
                requirements.training.as_ref().map(|t| t.label.as_str()),
            ),
        ];
        for (label, value) in rows {
            if let Some(value) = value {
                facts.push((
                    fact(self.messages.plain(label), value.to_string()),
                    requirements_source,
                ));
            }
        }
        if let Some(outlook) = &view.outlook {
            if let Some(employment) = &outlook.employment {
                facts.push((
                    fact(
                        self.messages.plain("outlook-employment"),
                        employment.clone(),
                    ),
                    outlook.source,
                ));
            }
            // `facts-job-outlook` or `facts-job-outlook-in` with the period.
            let over = |key: &str| match &outlook.period {
                Some(p) => self.text(&format!("{key}-in"), &Args::new().with("period", p)),
                None => self.messages.plain(key),
            };
            if let Some(growth) = &outlook.growth_percent {
                let value = match &outlook.label {
                    Some(label) => self.growth_with_label(growth, &label.label),
                    None => growth.clone(),
                };
                facts.push((fact(over("facts-job-outlook"), value), outlook.source));
            }
            if let Some(change) = &outlook.employment_change {
                facts.push((
                    fact(over("outlook-employment-change"), change.clone()),
                    outlook.source,
                ));
            }
        }
        if let Some((b, _)) = beside
            && let Some(growth) = b.growth_percent
        {
            let mut value = self.style.percent(growth);
            if let Some(label) = b.growth_label {
                value = self.growth_with_label(&value, &self.label("growth", label.name()));
            }
            let args = Args::new().with("occupation", b.label.as_str());
            let label = match b.growth_period {
                Some(p) => self.text("facts-job-outlook-of-in", &args.with("period", p.short())),
                None => self.text("facts-job-outlook-of", &args),
            };
            facts.push((fact(label, value), cited(&b.growth_source)));
        }
        // One letter per source, in order of first use.
        let mut cited: Vec<&str> = Vec::new();
        facts
            .into_iter()
            .map(|(mut fact, source)| {
                fact.source = source.map(|source| {
                    let at = cited
                        .iter()
                        .position(|id| *id == source.id)
                        .unwrap_or_else(|| {
                            cited.push(&source.id);
                            cited.len() - 1
                        });
                    FactSource {
                        id: source.id.clone(),
                        marker: marker(at),
                        label: self.text(
                            "facts-source-title",
                            &Args::new().with("name", source.name.as_str()),
                        ),
                        name: source.name.clone(),
                    }
                });
                fact
            })
            .collect()
    }
}

/// `a` … `z`, then `aa`, `ab`, …: the footnote letter of the `at`-th source.
fn marker(at: usize) -> String {
    let letter = |i: usize| char::from(b'a' + (i % 26) as u8);
    if at < 26 {
        letter(at).to_string()
    } else {
        format!("{}{}", letter(at / 26 - 1), letter(at))
    }
}

fn signed(formatted: String, value: i64) -> String {
    if value > 0 {
        format!("+{formatted}")
    } else {
        formatted
    }
}

#[cfg(test)]
mod tests {
    //! The pay chart of a guide's view, as its page shows it.

    use super::*;
    use crate::render::test_guides::{config, minimal};

    fn pay_chart(salary: &str) -> String {
        let config = config();
        let guide = minimal("account-manager", "Account manager", salary);
        let formatter = Formatter::new(&config);
        let index = crate::content::index::GuideIndex::new(std::slice::from_ref(&guide));
        let markdown = RenderedMarkdown {
            content_html: String::new(),
            environment_summary_html: None,
            requirements_notes_html: None,
            faq_answers_html: Vec::new(),
        };
        let guides = std::slice::from_ref(&guide);
        let view = formatter.guide_view(&guides[0], guides, &index, markdown);
        charts::pay_range(
            &guide.title,
            view.pay.as_ref().expect("pay"),
            "pay-chart",
            &formatter.messages,
        )
        .expect("chart")
    }

    #[test]
    fn pay_chart_labels_every_known_figure() {
        let svg = pay_chart("salary: { entry: 40000, median: 75500, top: 160500 }");
        for text in [
            "Entry level",
            "$40,000",
            "Median",
            "$75,500",
            "Top earners",
            "$160,500",
        ] {
            assert!(svg.contains(text), "missing {text}: {svg}");
        }
        assert!(!svg.contains("25th percentile"));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(!svg.contains("cg-chart__more"));
    }

    #[test]
    fn pay_chart_is_an_accessible_image() {
        let svg = pay_chart("salary: { median: 75500 }");
        assert!(svg.starts_with("<svg "));
        assert!(svg.contains(" role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"pay-chart-title pay-chart-desc\""));
        assert!(svg.contains(
            "<title id=\"pay-chart-title\">Pay range for Account manager, per year</title>"
        ));
        assert!(svg.contains("<desc id=\"pay-chart-desc\">Median: $75,500.</desc>"));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn top_coded_pay_is_drawn_as_or_more() {
        let svg = pay_chart(
            "salary: { entry: 60000, p25: 80000, median: 100000, p75: 150000, top: 239200, top_coded: true, basis: percentile }",
        );
        assert!(svg.contains("90th percentile"));
        assert!(svg.contains("$239,200 or more"));
        assert!(svg.contains("cg-chart__more"));
        assert!(svg.contains("the 10th and 90th percentiles"));
        // The median is the highlighted bar.
        assert_eq!(svg.matches("cg-chart__bar--highlight").count(), 1);
    }

    #[test]
    fn charts_use_current_color_and_classes_only() {
        let svg = pay_chart("salary: { entry: 1, median: 2, top: 3 }");
        assert!(svg.contains("fill=\"currentColor\""));
        assert!(!svg.contains('#'), "no hard-coded colours: {svg}");
        assert!(!svg.contains("rgb"));
    }
}
