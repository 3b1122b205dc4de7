//! Serialize-only views of the model for templates: every figure already
//! formatted for the site's language, every link already relative to the
//! page. `docs/templates.md` documents each field.

use serde::Serialize;

use super::format::NumberStyle;
use super::{charts, structured_data};
use crate::config::SiteConfig;
use crate::content::education::EducationLevel;
use crate::content::guide::{Experience, GrowthLabel, Guide, PayPeriod, Salary, Training};
use crate::content::index::GuideIndex;
use crate::i18n::{Args, Messages};

/// What every template sees as `site`.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub currency: &'a str,
    pub country: &'a str,
    pub categories: &'a [crate::config::Category],
    pub author: Option<&'a crate::config::Author>,
    pub footer: Option<&'a str>,
    pub extra: &'a serde_json::Value,
    pub generator: String,
    /// `menus` from config, resolved ([`super::menu::resolve`]).
    pub menus: super::menu::MenusView,
}

impl<'a> SiteView<'a> {
    pub fn new(config: &'a SiteConfig) -> Self {
        SiteView {
            title: &config.title,
            base_url: &config.base_url,
            base_path: &config.base_path,
            description: &config.description,
            language: &config.language,
            currency: &config.currency,
            country: &config.country,
            categories: &config.categories,
            author: config.author.as_ref(),
            footer: config.footer.as_deref(),
            extra: &config.extra,
            generator: format!("careergen {}", env!("CARGO_PKG_VERSION")),
            menus: super::menu::MenusView::default(),
        }
    }
}

/// What every template sees as `page`.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// `home`, `guide` or `404`.
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    /// The page's path below the site root (`account-manager/`; empty for home).
    pub path: String,
    /// The absolute URL (`https://example.org/account-manager/`).
    pub permalink: String,
    /// The relative way from this page to its language's root (`../`),
    /// for links; the site's root in a site of one language.
    pub root: String,
    /// The relative way from this page to the site's root, where the
    /// static files are: `root` but in another language's folder.
    pub site_root: String,
    /// The way from the home page to this one; empty on the home page.
    pub breadcrumb: Vec<CrumbView>,
    /// The absolute URL of the page's image and its alt text, for
    /// `og:image` and `twitter:image`; `None` without one.
    pub image: Option<String>,
    pub image_alt: Option<String>,
}

/// One step of a breadcrumb.
#[derive(Serialize)]
pub struct CrumbView {
    pub name: String,
    /// Relative to the page; `None` for the page itself.
    pub href: Option<String>,
}

impl CrumbView {
    /// The crumbs of `crumbs` as seen from a page whose way to the root is `root`.
    pub fn list(crumbs: Vec<crate::render::browse::Crumb>, root: &str) -> Vec<CrumbView> {
        crumbs
            .into_iter()
            .map(|c| CrumbView {
                name: c.name,
                href: c.path.map(|path| match format!("{root}{path}") {
                    href if href.is_empty() => "./".to_string(),
                    href => href,
                }),
            })
            .collect()
    }
}

impl<'a> PageView<'a> {
    pub fn new(
        config: &SiteConfig,
        kind: &'a str,
        title: &'a str,
        description: &'a str,
        path: String,
    ) -> Self {
        let depth = path.matches('/').count();
        PageView {
            kind,
            title,
            description,
            permalink: format!("{}{path}", config.base_url),
            root: "../".repeat(depth),
            site_root: "../".repeat(depth + config.lang_prefix.matches('/').count()),
            path,
            breadcrumb: Vec::new(),
            image: None,
            image_alt: None,
        }
    }

    /// Names `hero` as the page's image for other sites (`og:image`).
    pub fn set_image(&mut self, hero: &crate::render::images::HeroView) {
        self.image = Some(hero.url.clone());
        self.image_alt = Some(hero.alt.clone());
    }
}

/// A name with its display wording (`bachelors` / `Bachelor's degree`),
/// the wording from the messages (`education-bachelors`).
#[derive(Serialize)]
pub struct Named {
    pub key: &'static str,
    pub label: String,
}

/// An education level of the site's list (`a-levels` / `A levels`).
#[derive(Serialize)]
pub struct LevelView<'a> {
    pub key: &'a str,
    pub label: String,
}

/// A category reference.
#[derive(Serialize)]
pub struct CategoryRef<'a> {
    pub key: &'a str,
    pub name: &'a str,
}

/// One guide in a listing.
#[derive(Serialize)]
pub struct GuideCard<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    /// Below the site root: `account-manager/`.
    pub path: String,
    pub summary: &'a str,
    pub category: Option<CategoryRef<'a>>,
    pub median_pay: Option<String>,
    pub median_pay_value: Option<f64>,
    pub pay_period: Option<String>,
    pub growth_percent: Option<String>,
    pub growth_label: Option<Named>,
    pub education: Option<LevelView<'a>>,
    /// Entry-level (or 10th percentile) and top (or 90th percentile) pay,
    /// as the pay table writes them (`$160,500 or more` when top-coded).
    pub entry_pay: Option<String>,
    pub entry_pay_value: Option<f64>,
    pub top_pay: Option<String>,
    pub top_pay_value: Option<f64>,
    pub growth_value: Option<f64>,
    /// The education level's place from least to most schooling, for sorting.
    pub education_rank: Option<usize>,
    /// The site's home state (`region:`), set with `home_median_pay`.
    pub home_state: Option<&'static str>,
    /// The home state's median, `$140,270 per year` or `Not published`,
    /// when the site has a home state and state data for the guide.
    pub home_median_pay: Option<String>,
}

/// Shared formatting state for one build.
pub struct Formatter<'a> {
    pub config: &'a SiteConfig,
    pub style: NumberStyle,
    /// Whether the site has browse pages (its theme has `browse.html`), so
    /// that a guide page links its category, industries and education
    /// level to them.
    pub browse_pages: bool,
    /// The reader-facing text of the pages being formatted.
    pub messages: Messages,
}

impl<'a> Formatter<'a> {
    pub fn new(config: &'a SiteConfig) -> Self {
        Formatter {
            config,
            style: NumberStyle::for_language(&config.language),
            browse_pages: false,
            messages: crate::i18n::builtin_messages(&config.language),
        }
    }

    /// The same formatter with the site's own messages (its `i18n/` files).
    pub fn with_messages(mut self, messages: &Messages) -> Self {
        self.messages = messages.clone();
        self
    }

    /// A growth label as readers see it.
    pub fn growth(&self, label: GrowthLabel) -> Named {
        self.named("growth", label.name())
    }

    /// Work experience as readers see it.
    pub fn experience(&self, experience: Experience) -> Named {
        self.named("experience", experience.name())
    }

    /// On-the-job training as readers see it.
    pub fn training(&self, training: Training) -> Named {
        self.named("training", training.name())
    }

    /// The message `key` with `args`.
    pub fn text(&self, key: &str, args: &Args) -> String {
        self.messages.text(key, args)
    }

    /// The reader's wording of a vocabulary key: `education-bachelors` →
    /// `Bachelor's degree`.
    pub fn label(&self, vocabulary: &str, key: &str) -> String {
        self.messages.plain(&format!("{vocabulary}-{key}"))
    }

    /// A vocabulary key with its wording.
    pub fn named(&self, vocabulary: &str, key: &'static str) -> Named {
        Named {
            key,
            label: self.label(vocabulary, key),
        }
    }

    /// `per year`, `per hour`.
    pub fn period_label(&self, period: PayPeriod) -> String {
        self.label("pay-per", period.name())
    }

    /// The link from a guide page (at depth 1) to the browse page at
    /// `path` below the site root, when the site has browse pages.
    fn browse_href(&self, path: String) -> Option<String> {
        self.browse_pages
            .then(|| crate::permalink::from_guide(&path))
    }

    fn money(&self, salary: &Salary, amount: Option<f64>) -> Option<String> {
        amount.map(|a| self.style.money(a, &salary.currency, salary.period))
    }

    pub fn card(&self, guide: &'a Guide) -> GuideCard<'a> {
        let salary = guide.salary.as_ref();
        let outlook = guide.outlook.as_ref();
        let home_median_pay = super::state_pay::home_median(guide, self);
        let home_median_pay_set = home_median_pay.is_some();
        GuideCard {
            title: &guide.title,
            slug: &guide.slug,
            path: crate::permalink::guide(&guide.slug),
            summary: &guide.summary,
            category: self.category(guide),
            median_pay: salary.and_then(|s| self.money(s, s.median)),
            median_pay_value: salary.and_then(|s| s.median),
            pay_period: salary
                .filter(|s| s.median.is_some())
                .map(|s| self.period_label(s.period)),
            growth_percent: outlook
                .and_then(|o| o.growth_percent)
                .map(|g| self.style.percent(g)),
            growth_label: outlook
                .and_then(|o| o.label)
                .map(|l| self.named("growth", l.name())),
            education: guide.requirements.education.map(|e| self.education(e)),
            entry_pay: salary.and_then(|s| self.money(s, s.entry)),
            entry_pay_value: salary.and_then(|s| s.entry),
            top_pay_value: salary.and_then(|s| s.top),
            top_pay: salary.and_then(|s| {
                let top = self.money(s, s.top)?;
                Some(if s.top_coded {
                    self.text("pay-or-more", &Args::new().with("amount", top))
                } else {
                    top
                })
            }),
            growth_value: outlook.and_then(|o| o.growth_percent),
            education_rank: guide.requirements.education.map(|e| e.rank()),
            home_median_pay,
            home_state: self
                .config
                .region
                .map(|r| r.name)
                .filter(|_| home_median_pay_set),
        }
    }

    /// Similar occupations suggested for a guide that names none: the
    /// guides at `picks`, described from their own facts.
    pub fn suggested_similar(&self, picks: &[usize], guides: &'a [Guide]) -> Vec<SimilarView<'a>> {
        picks
            .iter()
            .filter_map(|&i| guides.get(i))
            .map(|g| {
                let salary = g.salary.as_ref();
                SimilarView {
                    title: &g.title,
                    href: Some(crate::permalink::from_guide(&crate::permalink::guide(
                        &g.slug,
                    ))),
                    summary: Some(&g.summary),
                    education: g.requirements.education.map(|e| self.education(e).label),
                    median_pay: salary.and_then(|s| self.money(s, s.median)),
                    pay_period: salary
                        .filter(|s| s.median.is_some())
                        .map(|s| self.period_label(s.period)),
                }
            })
            .collect()
    }

    /// An education level as readers see it: a built-in level labelled
    /// by the messages (`education-high_school`), a site's own by
    /// config.yaml in the messages' language.
    pub fn education(&self, level: EducationLevel) -> LevelView<'a> {
        let levels = &self.config.education_levels;
        let label = if levels.site_defined() {
            levels.label(level, self.messages.language()).to_string()
        } else {
            self.messages.plain(&levels.message_key(level))
        };
        LevelView {
            key: levels.key(level),
            label,
        }
    }

    fn category(&self, guide: &'a Guide) -> Option<CategoryRef<'a>> {
        let key = guide.category.as_deref()?;
        let category = self.config.category(key)?;
        Some(CategoryRef {
            key: &category.key,
            name: &category.name,
        })
    }
}

/// One group in a listing of groups (`categories/`, the home page).
#[derive(Serialize)]
pub struct GroupView {
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    /// Below the site root: `categories/sales/`.
    pub path: String,
    /// How many guides the group lists.
    pub count: usize,
}

/// A way of grouping guides, with its groups.
#[derive(Serialize)]
pub struct GroupingView {
    /// `categories`, `industries` or `education`.
    pub key: &'static str,
    /// `Careers by category`.
    pub title: String,
    /// `Category`.
    pub singular: &'static str,
    /// Below the site root: `categories/`.
    pub path: String,
    pub groups: Vec<GroupView>,
}

impl GroupingView {
    pub fn new(
        grouping: crate::render::browse::Grouping,
        groups: &[crate::render::browse::Group],
        messages: &Messages,
    ) -> Self {
        GroupingView {
            key: grouping.key(),
            title: grouping.title(messages),
            singular: grouping.singular(),
            path: grouping.path(),
            groups: groups.iter().map(GroupView::new).collect(),
        }
    }
}

impl GroupView {
    pub fn new(group: &crate::render::browse::Group) -> Self {
        GroupView {
            key: group.key.clone(),
            name: group.name.clone(),
            description: group.description.clone(),
            path: group.path(),
            count: group.guides.len(),
        }
    }
}

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
pub struct PayFigure {
    /// `entry`, `p25`, `median`, `p75` or `top`.
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub amount: f64,
}

#[derive(Serialize)]
pub struct PayView<'a> {
    pub currency: &'a str,
    pub period: PayPeriod,
    /// `per year` (`pay-per-year` in the messages).
    pub period_label: String,
    pub entry: Option<String>,
    pub p25: Option<String>,
    pub median: Option<String>,
    pub p75: Option<String>,
    pub top: Option<String>,
    /// The known figures, lowest first.
    pub figures: Vec<PayFigure>,
    pub percentile_basis: bool,
    pub top_coded: bool,
    pub as_of: Option<String>,
    pub source: Option<&'a crate::content::guide::Source>,
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

#[derive(Serialize)]
pub struct SimilarView<'a> {
    pub title: &'a str,
    pub href: Option<String>,
    pub summary: Option<&'a str>,
    pub education: Option<String>,
    pub median_pay: Option<String>,
    /// `per year`, set when `median_pay` is.
    pub pay_period: Option<String>,
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
    pub state_pay: Option<super::state_pay::StatePayView<'a>>,
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
                    name,
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
                        industry: &e.industry,
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
            state_pay: super::state_pay::view(guide, self),
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
        if let Some(home) = super::state_pay::home_fact(view, self) {
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

    /// `$75,500 per year`.
    pub fn amount_per(&self, amount: &str, period: &str) -> String {
        self.text(
            "pay-amount-per",
            &Args::new().with("amount", amount).with("period", period),
        )
    }

    /// `4% (As fast as average)`.
    fn growth_with_label(&self, growth: &str, label: &str) -> String {
        self.text(
            "facts-growth-with-label",
            &Args::new().with("growth", growth).with("label", label),
        )
    }

    /// "Employment of account managers is projected to grow 4 percent from
    /// 2024 to 2034, about as fast as the average for all occupations.", in
    /// the messages' language: one whole sentence per case (`outlook-grow`,
    /// `outlook-decline`, `outlook-no-change`, each also `…-period`), the
    /// comparison chosen inside it by the growth label's key.
    pub fn outlook_sentence(
        &self,
        title: &str,
        growth: f64,
        label: GrowthLabel,
        period: Option<crate::content::guide::ProjectionPeriod>,
    ) -> String {
        let amount = self.style.decimal(
            growth.abs(),
            crate::render::format::percent_decimals(growth),
        );
        // A negative figure reads as a decline whatever label was stated.
        let declines = growth < 0.0 && amount.bytes().any(|b| matches!(b, b'1'..=b'9'));
        let key = match label {
            GrowthLabel::LittleOrNoChange => "outlook-no-change",
            _ if declines => "outlook-decline",
            GrowthLabel::Decline => "outlook-decline",
            _ => "outlook-grow",
        };
        let mut args = Args::new()
            .with("who", plural_lower(title))
            .with("amount", amount)
            .with("label", label.name());
        let key = match period {
            Some(p) => {
                args.set("start", p.start.to_string());
                args.set("end", p.end.to_string());
                format!("{key}-period")
            }
            None => key.to_string(),
        };
        self.text(&key, &args)
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

/// "Account manager" → "account managers"; acronyms keep their case.
fn plural_lower(title: &str) -> String {
    let mut words: Vec<String> = title.split_whitespace().map(str::to_string).collect();
    if let Some(first) = words.first_mut()
        && !first.chars().skip(1).any(|c| c.is_uppercase())
    {
        *first = first.to_lowercase();
    }
    if let Some(last) = words.last_mut() {
        let lower = last.to_lowercase();
        if lower.ends_with('y')
            && !lower.ends_with("ay")
            && !lower.ends_with("ey")
            && !lower.ends_with("oy")
        {
            last.pop();
            last.push_str("ies");
        } else if ["s", "sh", "ch", "x", "z"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            last.push_str("es");
        } else {
            last.push('s');
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::guide::ProjectionPeriod;

    /// The sentence as an English site writes it.
    fn outlook_sentence(
        title: &str,
        growth: f64,
        label: GrowthLabel,
        period: Option<ProjectionPeriod>,
    ) -> String {
        let config = crate::render::test_guides::config();
        Formatter::new(&config).outlook_sentence(title, growth, label, period)
    }

    #[test]
    fn outlook_sentences_are_whole_sentences_in_each_language() {
        let period = ProjectionPeriod::parse("2024-2034").ok();
        let mut config = crate::render::test_guides::config();
        let sentence = |config: &crate::config::SiteConfig, growth| {
            Formatter::new(config).outlook_sentence(
                "Account manager",
                growth,
                GrowthLabel::AsFastAsAverage,
                period,
            )
        };
        config.language = "es".to_string();
        assert_eq!(
            sentence(&config, 4.5),
            "Se prevé que el empleo en esta ocupación crezca un 4,5 por ciento entre 2024 y 2034, un ritmo similar al promedio de todas las ocupaciones."
        );
        config.language = "fr".to_string();
        assert_eq!(
            sentence(&config, -2.0),
            "L’emploi dans ce métier devrait reculer de 2\u{a0}% entre 2024 et 2034."
        );
    }

    #[test]
    fn outlook_sentence_reads_like_the_handbook() {
        let period = ProjectionPeriod::parse("2024-2034").ok();
        assert_eq!(
            outlook_sentence("Account manager", 4.0, GrowthLabel::AsFastAsAverage, period),
            "Employment of account managers is projected to grow 4 percent from 2024 to 2034, about as fast as the average for all occupations."
        );
        assert_eq!(
            outlook_sentence("Secretary", -2.0, GrowthLabel::Decline, period),
            "Employment of secretaries is projected to decline 2 percent from 2024 to 2034."
        );
    }

    #[test]
    fn outlook_sentences_keep_the_sign_and_round_once() {
        let period = ProjectionPeriod::parse("2024-2034").ok();
        // −0.6 % is a decline, whatever label a guide stated without bands.
        assert_eq!(
            outlook_sentence("Typist", -0.6, GrowthLabel::SlowerThanAverage, None),
            "Employment of typists is projected to decline 0.6 percent."
        );
        assert_eq!(
            outlook_sentence("Typist", 4.96, GrowthLabel::AsFastAsAverage, period),
            "Employment of typists is projected to grow 5 percent from 2024 to 2034, about as fast as the average for all occupations."
        );
        assert_eq!(
            outlook_sentence("Typist", 0.25, GrowthLabel::SlowerThanAverage, None),
            "Employment of typists is projected to grow 0.3 percent, slower than the average for all occupations."
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(plural_lower("Coach"), "coaches");
        assert_eq!(plural_lower("SQL developer"), "SQL developers");
        assert_eq!(plural_lower("Attorney"), "attorneys");
    }
}
