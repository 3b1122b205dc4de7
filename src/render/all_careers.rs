//! The All-careers page's data files and script: sorting and filtering
//! over every guide, not only the page of the table the reader is on.
//!
//! Nothing here is fetched until the reader sorts or filters. Then
//! [`SCRIPT`] reads the manifest ([`MANIFEST_FILE`]) and the chunks it
//! lists, and lays out the matching rows itself. Every figure is formatted
//! at build time as the table writes it, so the browser never formats a
//! number.
//!
//! The manifest names the small tables the chunks index into:
//!
//! ```json
//! {
//!   "v": 1, "count": 2000,
//!   "chunks": [{"file": "1.json", "count": 812}, …],
//!   "categories": [["sales", "Sales"], …],
//!   "education": [["high_school", "High school diploma or equivalent"], …],
//!   "outlook": [["as_fast_as_average", "As fast as average"], …],
//!   "periods": ["per year", "per month", "per week", "per day", "per hour"]
//! }
//! ```
//!
//! `education` is in order of schooling, least first, so its index sorts.
//! A chunk (`1.json`, `2.json`, … beside the manifest) holds guides in
//! title order, one array per column, `null` where a guide gives nothing:
//!
//! | column | holds |
//! |---|---|
//! | `slug`, `title` | the guide (its page is at `<slug>/`) |
//! | `median`, `entry`, `top`, `growth` | the figure to sort on (pay in the guide's currency and period, growth in percent) |
//! | `median_text`, `entry_text`, `top_text`, `growth_text` | the figure as the table writes it (`$75,500`, `$239,200 or more`, `4%`) |
//! | `period` | index into `periods`: the median's pay period |
//! | `site_pay` | the median when it is in the site's currency and pay period (the pay filter reads it), else `null` |
//! | `outlook`, `education`, `category` | indexes into the manifest's tables |
//!
//! A chunk is closed before it passes [`CHUNK_BYTES`], so no file a page
//! fetches passes 200 KB however many guides the site has (a title is at
//! most 150 characters).

use serde::Serialize;
use serde_json::{Number, Value};

use super::context::{Formatter, GuideCard};
use crate::config::SiteConfig;
use crate::content::guide::{GrowthLabel, Guide, PayPeriod};

/// The folder of the data files below the site root.
pub const DATA_DIR: &str = "all-careers/data/";
/// The manifest's path below the site root.
pub const MANIFEST_FILE: &str = "all-careers/data/index.json";
/// The script's file name below the site root.
pub const SCRIPT_FILE: &str = "all-careers.js";
/// The All-careers script (vanilla JavaScript, no dependencies).
pub const SCRIPT: &str = include_str!("assets/all-careers.js");

/// The All-careers script as written below a language's root, with the text it
/// writes in `messages`' language (see [`crate::render::script_messages`]).
pub fn script(messages: &crate::i18n::Messages) -> String {
    crate::render::script_messages::localize(
        SCRIPT,
        messages,
        crate::render::script_messages::ALL_CAREERS_KEYS,
    )
}
/// The size a chunk stays under, in bytes of JSON.
pub const CHUNK_BYTES: usize = 96 * 1024;

/// A category, education level or outlook: its key and the name shown.
type Named = [String; 2];

#[derive(Serialize)]
struct Manifest {
    v: u32,
    count: usize,
    chunks: Vec<ChunkRef>,
    categories: Vec<Named>,
    education: Vec<Named>,
    outlook: Vec<Named>,
    periods: Vec<String>,
}

#[derive(Serialize)]
struct ChunkRef {
    file: String,
    count: usize,
}

/// One chunk's columns.
#[derive(Serialize, Default)]
struct Chunk<'a> {
    slug: Vec<&'a str>,
    title: Vec<&'a str>,
    median: Vec<Option<Number>>,
    median_text: Vec<Option<String>>,
    period: Vec<Option<usize>>,
    site_pay: Vec<Option<Number>>,
    entry: Vec<Option<Number>>,
    entry_text: Vec<Option<String>>,
    top: Vec<Option<Number>>,
    top_text: Vec<Option<String>>,
    growth: Vec<Option<Number>>,
    growth_text: Vec<Option<String>>,
    outlook: Vec<Option<usize>>,
    education: Vec<Option<usize>>,
    category: Vec<Option<usize>>,
}

/// One guide's row, each column's value.
struct Row<'a> {
    card: GuideCard<'a>,
    period: Option<usize>,
    site_pay: Option<f64>,
    outlook: Option<usize>,
    category: Option<usize>,
}

impl<'a> Chunk<'a> {
    fn push(&mut self, row: Row<'a>) {
        let card = row.card;
        self.slug.push(card.slug);
        self.title.push(card.title);
        self.median.push(number(card.median_pay_value));
        self.median_text.push(card.median_pay);
        self.period.push(row.period);
        self.site_pay.push(number(row.site_pay));
        self.entry.push(number(card.entry_pay_value));
        self.entry_text.push(card.entry_pay);
        self.top.push(number(card.top_pay_value));
        self.top_text.push(card.top_pay);
        self.growth.push(number(card.growth_value));
        self.growth_text.push(card.growth_percent);
        self.outlook.push(row.outlook);
        self.education.push(card.education_rank);
        self.category.push(row.category);
    }
}

/// `75500` rather than `75500.0`: a whole figure is written as an integer.
fn number(value: Option<f64>) -> Option<Number> {
    let value = value?;
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        Some(Number::from(value as i64))
    } else {
        Number::from_f64(value)
    }
}

/// The bytes `row` adds to a chunk: its values and their commas.
fn row_bytes(row: &Row<'_>) -> usize {
    let card = &row.card;
    [
        json_len(&card.slug),
        json_len(&card.title),
        json_len(&number(card.median_pay_value)),
        json_len(&card.median_pay),
        json_len(&row.period),
        json_len(&number(row.site_pay)),
        json_len(&number(card.entry_pay_value)),
        json_len(&card.entry_pay),
        json_len(&number(card.top_pay_value)),
        json_len(&card.top_pay),
        json_len(&number(card.growth_value)),
        json_len(&card.growth_percent),
        json_len(&row.outlook),
        json_len(&card.education_rank),
        json_len(&row.category),
    ]
    .iter()
    .map(|len| len + 1)
    .sum()
}

fn json_len<T: Serialize>(value: &T) -> usize {
    to_json(value).len()
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".into())
}

/// Every data file of the All-careers page, as (path below the site root,
/// JSON): the manifest first, then the chunks. `by_title` gives the guides'
/// positions in title order, the order of the table without JavaScript.
pub fn data_files(
    guides: &[Guide],
    by_title: &[usize],
    config: &SiteConfig,
    messages: &crate::i18n::Messages,
) -> Vec<(String, String)> {
    let formatter = Formatter::new(config).with_messages(messages);
    let periods = PayPeriod::ALL;
    let outlooks: Vec<GrowthLabel> = GrowthLabel::ALL.to_vec();
    // Only categories some guide is in, in the config's order.
    let categories: Vec<&crate::config::Category> = config
        .categories
        .iter()
        .filter(|c| guides.iter().any(|g| g.category.as_deref() == Some(&c.key)))
        .collect();

    // A chunk's own bytes: its column names and brackets.
    let empty = to_json(&Chunk::default()).len();
    let mut chunks: Vec<Chunk<'_>> = vec![Chunk::default()];
    let mut bytes = empty;
    for &i in by_title {
        let Some(guide) = guides.get(i) else { continue };
        let salary = guide.salary.as_ref().filter(|s| s.median.is_some());
        let row = Row {
            card: formatter.card(guide),
            period: salary.and_then(|s| periods.iter().position(|&p| p == s.period)),
            site_pay: salary
                .filter(|s| s.period == config.salary_period && s.currency == config.currency)
                .and_then(|s| s.median),
            outlook: guide
                .outlook
                .as_ref()
                .and_then(|o| o.label)
                .and_then(|l| outlooks.iter().position(|&x| x == l)),
            category: guide
                .category
                .as_deref()
                .and_then(|key| categories.iter().position(|c| c.key == key)),
        };
        let size = row_bytes(&row);
        let current = chunks.last_mut().map_or(0, |c| c.slug.len());
        if current > 0 && bytes + size > CHUNK_BYTES {
            chunks.push(Chunk::default());
            bytes = empty;
        }
        bytes += size;
        if let Some(chunk) = chunks.last_mut() {
            chunk.push(row);
        }
    }
    let manifest = Manifest {
        v: 1,
        count: by_title.len(),
        chunks: chunks
            .iter()
            .enumerate()
            .map(|(n, c)| ChunkRef {
                file: format!("{}.json", n + 1),
                count: c.slug.len(),
            })
            .collect(),
        categories: categories
            .iter()
            .map(|c| [c.key.clone(), c.name.clone()])
            .collect(),
        education: config
            .education_levels
            .all()
            .map(|e| {
                let view = formatter.education(e);
                [view.key.to_string(), view.label]
            })
            .collect(),
        outlook: outlooks
            .iter()
            .map(|&l| [l.name().to_string(), formatter.growth(l).label])
            .collect(),
        periods: periods.iter().map(|&p| formatter.period_label(p)).collect(),
    };
    let mut files = vec![(MANIFEST_FILE.to_string(), to_json(&manifest))];
    for (n, chunk) in chunks.iter().enumerate() {
        files.push((format!("{DATA_DIR}{}.json", n + 1), to_json(chunk)));
    }
    files
}

/// The choices of the filter form: the categories and education levels
/// some guide has, as `{key, name}`, and what the pay range is in.
#[derive(Serialize)]
pub struct FilterChoices {
    pub categories: Vec<Value>,
    pub education: Vec<Value>,
    /// The site's pay period (`per year`): the pay range filters medians
    /// in it and the site's currency only.
    pub pay_period: String,
    /// The site currency's symbol (`$`).
    pub currency_symbol: String,
}

impl FilterChoices {
    /// The choices for `guides`: categories in the config's order;
    /// education labels from `messages` (English when `None`).
    pub fn new(guides: &[Guide], config: &SiteConfig, messages: &crate::i18n::Messages) -> Self {
        let categories = config
            .categories
            .iter()
            .filter(|c| guides.iter().any(|g| g.category.as_deref() == Some(&c.key)))
            .map(|c| serde_json::json!({ "key": c.key, "name": c.name }))
            .collect();
        let formatter = super::context::Formatter::new(config).with_messages(messages);
        let education = config
            .education_levels
            .all()
            .filter(|&e| guides.iter().any(|g| g.requirements.education == Some(e)))
            .map(|e| {
                let view = formatter.education(e);
                serde_json::json!({ "key": view.key, "name": view.label })
            })
            .collect();
        FilterChoices {
            categories,
            education,
            pay_period: formatter.period_label(config.salary_period),
            currency_symbol: super::format::currency_symbol(&config.currency).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, minimal};

    fn files_of(guides: &[Guide]) -> Vec<(String, Value)> {
        let mut by_title: Vec<usize> = (0..guides.len()).collect();
        by_title.sort_by_key(|&i| guides[i].title.to_lowercase());
        data_files(
            guides,
            &by_title,
            &config(),
            &crate::i18n::builtin_messages("en"),
        )
        .into_iter()
        .map(|(path, json)| (path, serde_json::from_str(&json).expect("JSON")))
        .collect()
    }

    #[test]
    fn chunks_hold_each_column_in_title_order_with_indexes_into_the_manifest() {
        let guides = [
            minimal("writer", "Writer", ""),
            minimal(
                "account-manager",
                "Account manager",
                "category: sales\nsalary: { entry: 40000, median: 75500.5, top: 160500, top_coded: true }\n\
                 outlook: { growth_percent: 4 }\nrequirements: { education: bachelors }",
            ),
            minimal("clerk", "Clerk", "salary: { median: 20, period: hour }"),
        ];
        let files = files_of(&guides);
        let paths: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            paths,
            ["all-careers/data/index.json", "all-careers/data/1.json"]
        );
        let manifest = &files[0].1;
        assert_eq!(manifest["count"], 3);
        assert_eq!(
            manifest["chunks"],
            serde_json::json!([{"file": "1.json", "count": 3}])
        );
        assert_eq!(
            manifest["categories"],
            serde_json::json!([["sales", "Sales"]])
        );
        let chunk = &files[1].1;
        assert_eq!(
            chunk["slug"],
            serde_json::json!(["account-manager", "clerk", "writer"])
        );
        assert_eq!(chunk["median"], serde_json::json!([75500.5, 20, null]));
        assert_eq!(
            chunk["median_text"],
            serde_json::json!(["$75,500.50", "$20.00", null])
        );
        assert_eq!(chunk["top_text"][0], "$160,500 or more");
        // The pay filter reads only medians in the site's period.
        assert_eq!(chunk["site_pay"], serde_json::json!([75500.5, null, null]));
        let period = |i: usize| {
            manifest["periods"][chunk["period"][i].as_u64().expect("index") as usize].clone()
        };
        assert_eq!(
            (period(0), period(1)),
            ("per year".into(), "per hour".into())
        );
        assert_eq!(chunk["category"], serde_json::json!([0, null, null]));
        let education = chunk["education"][0].as_u64().expect("index") as usize;
        assert_eq!(manifest["education"][education][0], "bachelors");
        let outlook = chunk["outlook"][0].as_u64().expect("index") as usize;
        assert_eq!(manifest["outlook"][outlook][0], "as_fast_as_average");
        assert_eq!(chunk["growth_text"], serde_json::json!(["4%", null, null]));
    }

    #[test]
    fn no_chunk_passes_its_budget_however_long_the_titles() {
        let guides: Vec<Guide> = (0..2_000)
            .map(|i| {
                let title = format!("{i:04} {}", "Long title word ".repeat(9));
                minimal(
                    &format!("g{i}"),
                    title.trim(),
                    "salary: { entry: 40000, median: 75500, top: 160500 }",
                )
            })
            .collect();
        let files = data_files(
            &guides,
            &(0..guides.len()).collect::<Vec<_>>(),
            &config(),
            &crate::i18n::builtin_messages("en"),
        );
        assert!(files.len() > 3, "{} files", files.len());
        let mut total = 0;
        for (path, json) in &files {
            assert!(json.len() <= CHUNK_BYTES, "{path}: {} bytes", json.len());
            if path != MANIFEST_FILE {
                let chunk: Value = serde_json::from_str(json).expect("JSON");
                total += chunk["slug"].as_array().expect("slugs").len();
            }
        }
        assert_eq!(total, 2_000, "every guide in one chunk");
    }

    #[test]
    fn filter_choices_are_what_guides_use() {
        let guides = [
            minimal(
                "a",
                "A",
                "category: sales\nrequirements: { education: masters }",
            ),
            minimal("b", "B", ""),
        ];
        let choices = FilterChoices::new(&guides, &config(), &crate::i18n::builtin_messages("en"));
        assert_eq!(
            choices.categories,
            [serde_json::json!({"key": "sales", "name": "Sales"})]
        );
        assert_eq!(
            choices.education,
            [serde_json::json!({"key": "masters", "name": "Master's degree"})]
        );
        assert_eq!(choices.pay_period, "per year");
        assert_eq!(choices.currency_symbol, "$");
    }

    #[test]
    fn the_script_is_self_contained_and_names_the_manifest() {
        assert!(!SCRIPT.contains("http://") && !SCRIPT.contains("https://"));
        assert!(SCRIPT.contains(MANIFEST_FILE));
        assert!(SCRIPT.contains("data-cg-career-filters"));
        assert!(SCRIPT.contains("aria-sort"));
    }
}
