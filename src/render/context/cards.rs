//! Guides and groups as listings show them: a guide's card, suggested
//! similar occupations, and the groups of a browse page.

use serde::Serialize;

use super::{CategoryRef, Formatter, LevelView, Named};
use crate::content::guide::Guide;
use crate::i18n::{Args, Messages};

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
    pub home_state: Option<String>,
    /// The home state's median, `$140,270 per year` or `Not published`,
    /// when the site has a home state and state data for the guide.
    pub home_median_pay: Option<String>,
}

impl<'a> Formatter<'a> {
    pub fn card(&self, guide: &'a Guide) -> GuideCard<'a> {
        let salary = guide.salary.as_ref();
        let outlook = guide.outlook.as_ref();
        let home_median_pay = crate::render::state_pay::home_median(guide, self);
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
                .filter(|_| home_median_pay_set)
                .map(|r| self.state_name(r).to_string()),
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
