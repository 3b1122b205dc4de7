//! Comparing careers: the data file behind the compare page
//! (`compare/?c=account-manager,sales-manager`), its script, and the small
//! script that makes the All-careers table sortable.
//!
//! The build writes every guide's key facts to [`DATA_FILE`], already
//! formatted exactly as the guide pages write them, so the browser only
//! lays them out: it never formats a number and so cannot disagree with a
//! page.
//!
//! ```json
//! {
//!   "v": 1,
//!   "fields": [["median", "Median pay"], ["entry", "Entry-level pay"], …],
//!   "guides": {
//!     "account-manager": {
//!       "title": "Account manager", "path": "account-manager/",
//!       "facts": { "median": "$75,500 per year", "growth": "4% (As fast as average)", … },
//!       "sources": [["Pay", "U.S. Bureau of Labor Statistics, …, May 2025"], …]
//!     }
//!   }
//! }
//! ```
//!
//! A fact the guide does not give is left out; the page shows a dash.
//!
//! [`COMPARE_SCRIPT`] fills any element marked `data-cg-compare` with a
//! chooser (two to four careers) and a table of the chosen careers' facts,
//! reading the choice from `?c=` so that a comparison is a link. The
//! table's caption is a heading above its scrolling box (`cg-compare__caption`),
//! so a narrow screen never cuts it off; when the table is wider than the
//! screen a cue says so (`cg-compare__cue`), the box gets
//! `cg-compare__scroll--wide` and can be focused and scrolled from the
//! keyboard. Without
//! JavaScript the element's own content (a pointer to the All-careers table)
//! stays. [`SORT_SCRIPT`] turns the column headers of any
//! `<table data-cg-sortable>` into buttons that sort its rows, setting
//! `aria-sort`; a cell's `data-sort` value, when present, is sorted on
//! instead of its text (numbers sort as numbers).

use serde::Serialize;
use serde_json::{Map, Value};

use super::format::NumberStyle;
use crate::config::SiteConfig;
use crate::content::guide::{Guide, Salary, SalaryBasis};

/// The data file's name below the site root.
pub const DATA_FILE: &str = "compare.json";
/// The compare script's file name below the site root.
pub const COMPARE_SCRIPT_FILE: &str = "compare.js";
/// The sortable-table script's file name below the site root.
pub const SORT_SCRIPT_FILE: &str = "sort-table.js";
/// The compare page's script (vanilla JavaScript, no dependencies).
pub const COMPARE_SCRIPT: &str = include_str!("assets/compare.js");
/// The sortable-table script (vanilla JavaScript, no dependencies).
pub const SORT_SCRIPT: &str = include_str!("assets/sort-table.js");
/// The most careers one comparison shows.
pub const MAX_COMPARED: usize = 4;

/// The facts compared, in the order of the table's rows.
pub const FIELDS: &[(&str, &str)] = &[
    ("median", "Median pay"),
    ("entry", "Entry-level pay"),
    ("top", "Top pay"),
    ("growth", "Job outlook"),
    ("employment", "Number of jobs"),
    ("openings", "Openings each year"),
    ("education", "Typical entry-level education"),
    ("experience", "Work experience in a related occupation"),
    ("training", "Typical on-the-job training"),
    ("category", "Category"),
];

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    path: String,
    facts: Map<String, Value>,
    /// Where the guide's figures come from: `[what, source]` pairs such as
    /// `["Pay", "U.S. Bureau of Labor Statistics, …, May 2025"]`, shown
    /// under the table.
    sources: Vec<[String; 2]>,
}

/// The compare data of `guides` as JSON.
pub fn data_json(guides: &[Guide], config: &SiteConfig) -> String {
    let style = NumberStyle::for_language(&config.language);
    let formatter = super::context::Formatter::new(config);
    let mut entries = Map::new();
    for guide in guides {
        let mut facts = facts(guide, config, &style);
        if let Some(home) = super::state_pay::home_median(guide, &formatter) {
            facts.insert(HOME_FIELD.to_string(), Value::String(home));
        }
        let entry = Entry {
            title: &guide.title,
            path: format!("{}/", guide.slug),
            facts,
            sources: sources(guide, config),
        };
        entries.insert(
            guide.slug.clone(),
            serde_json::to_value(entry).unwrap_or(Value::Null),
        );
    }
    let mut fields: Vec<[String; 2]> = FIELDS
        .iter()
        .map(|(k, l)| [k.to_string(), l.to_string()])
        .collect();
    if let Some(region) = config.region {
        // The home state's median follows the national one.
        fields.insert(
            1,
            [
                HOME_FIELD.to_string(),
                format!("Median pay in {}", region.name),
            ],
        );
    }
    let data = serde_json::json!({ "v": 1, "fields": fields, "guides": entries });
    serde_json::to_string(&data).unwrap_or_else(|_| "{}".into())
}

/// The key of the home state's median (`region:` in config) in `facts`.
pub const HOME_FIELD: &str = "home";

/// Where each group of a guide's figures comes from, as its page cites it.
fn sources(guide: &Guide, config: &SiteConfig) -> Vec<[String; 2]> {
    let name = |id: Option<&str>| {
        id.and_then(|id| guide.sources.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
    };
    let state_id = crate::data::config::DatasetKind::StateWages.source_id();
    let groups = [
        (
            "Pay",
            guide.salary.as_ref().and_then(|s| s.source.as_deref()),
        ),
        (
            "Home-state pay",
            guide
                .state_pay
                .as_ref()
                .filter(|_| config.region.is_some())
                .map(|_| state_id),
        ),
        (
            "Job outlook",
            guide.outlook.as_ref().and_then(|o| o.source.as_deref()),
        ),
        (
            "Education and training",
            guide.requirements.source.as_deref(),
        ),
    ];
    groups
        .into_iter()
        .filter_map(|(what, id)| Some([what.to_string(), name(id)?]))
        .collect()
}

/// A guide's facts, formatted as its page formats them.
fn facts(guide: &Guide, config: &SiteConfig, style: &NumberStyle) -> Map<String, Value> {
    let mut facts = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            facts.insert(key.to_string(), Value::String(value));
        }
    };
    if let Some(salary) = &guide.salary {
        let percentile = salary.basis == SalaryBasis::Percentile;
        put("median", pay(style, salary, salary.median, false, None));
        put(
            "entry",
            pay(
                style,
                salary,
                salary.entry,
                false,
                percentile.then_some("10th percentile"),
            ),
        );
        let top = pay(
            style,
            salary,
            salary.top,
            salary.top_coded,
            percentile.then_some("90th percentile"),
        );
        put("top", top);
    }
    if let Some(outlook) = &guide.outlook {
        let growth = outlook.growth_percent.map(|g| {
            let text = style.percent(g);
            match outlook.label {
                Some(label) => format!("{text} ({})", label.label()),
                None => text,
            }
        });
        let period = outlook.period.map(|p| p.short());
        put(
            "growth",
            growth.map(|g| match &period {
                Some(p) => format!("{g}, {p}"),
                None => g,
            }),
        );
        put("employment", outlook.employment.map(|e| style.integer(e)));
        put(
            "openings",
            outlook.annual_openings.map(|n| style.integer(n)),
        );
    }
    let requirements = &guide.requirements;
    put(
        "education",
        requirements.education.map(|e| e.label().to_string()),
    );
    put(
        "experience",
        requirements.experience.map(|e| e.label().to_string()),
    );
    put(
        "training",
        requirements.training.map(|t| t.label().to_string()),
    );
    put(
        "category",
        guide
            .category
            .as_deref()
            .and_then(|key| config.category(key))
            .map(|c| c.name.clone()),
    );
    facts
}

/// `$75,500 per year`, `$239,200 or more per year` when top-coded, with a
/// note such as `(10th percentile)`.
fn pay(
    style: &NumberStyle,
    salary: &Salary,
    amount: Option<f64>,
    or_more: bool,
    note: Option<&str>,
) -> Option<String> {
    let mut text = style.money(amount?, &salary.currency, salary.period);
    if or_more {
        text.push_str(" or more");
    }
    text.push(' ');
    text.push_str(salary.period.label());
    if let Some(note) = note {
        text.push_str(&format!(" ({note})"));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, minimal};

    #[test]
    fn data_carries_formatted_facts_keyed_by_slug() {
        let guides = [
            minimal(
                "account-manager",
                "Account manager",
                "category: sales\nsalary: { entry: 40000, median: 75500, top: 160500 }\n\
                 outlook: { growth_percent: 4, employment: 1066670 }\nrequirements: { education: bachelors }",
            ),
            minimal("writer", "Writer", ""),
        ];
        let json: Value = serde_json::from_str(&data_json(&guides, &config())).expect("JSON");
        let am = &json["guides"]["account-manager"];
        assert_eq!(am["title"], "Account manager");
        assert_eq!(am["path"], "account-manager/");
        assert_eq!(am["facts"]["median"], "$75,500 per year");
        assert_eq!(am["facts"]["entry"], "$40,000 per year");
        assert_eq!(am["facts"]["top"], "$160,500 per year");
        assert_eq!(am["facts"]["growth"], "4% (As fast as average), 2024–34");
        assert_eq!(am["facts"]["employment"], "1,066,670");
        assert_eq!(am["facts"]["education"], "Bachelor's degree");
        assert_eq!(am["facts"]["category"], "Sales");
        assert_eq!(json["guides"]["writer"]["facts"], serde_json::json!({}));
        assert_eq!(
            json["fields"][0],
            serde_json::json!(["median", "Median pay"])
        );
    }

    #[test]
    fn percentile_and_top_coded_pay_say_so() {
        let guides = [minimal(
            "lawyer",
            "Lawyer",
            "salary: { entry: 70000, median: 150000, top: 239200, basis: percentile, top_coded: true }",
        )];
        let json: Value = serde_json::from_str(&data_json(&guides, &config())).expect("JSON");
        let facts = &json["guides"]["lawyer"]["facts"];
        assert_eq!(facts["entry"], "$70,000 per year (10th percentile)");
        assert_eq!(facts["top"], "$239,200 or more per year (90th percentile)");
    }

    #[test]
    fn scripts_are_self_contained() {
        for script in [COMPARE_SCRIPT, SORT_SCRIPT] {
            assert!(!script.contains("http://") && !script.contains("https://"));
        }
        assert!(COMPARE_SCRIPT.contains(DATA_FILE));
        assert!(COMPARE_SCRIPT.contains("data-cg-compare"));
        assert!(SORT_SCRIPT.contains("aria-sort"));
    }
}
