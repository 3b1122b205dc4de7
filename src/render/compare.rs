//! Comparing careers: the data files behind the compare page
//! (`compare/?c=account-manager,sales-manager`) and its script, and the
//! small script that makes a table sortable.
//!
//! The page downloads only what the chosen careers need, whatever the size
//! of the site: one small file per guide and a few suggestion shards for
//! the chooser.
//!
//! **Guide files** ([`DATA_DIR`]`<slug>.json`) hold a guide's key facts,
//! already formatted exactly as its page writes them, so the browser only
//! lays them out: it never formats a number and so cannot disagree with a
//! page.
//!
//! ```json
//! {
//!   "v": 1, "title": "Account manager", "path": "account-manager/",
//!   "fields": [["median", "Median pay"], ["entry", "Entry-level pay"], …],
//!   "facts": { "median": "$75,500 per year", "growth": "4% (As fast as average)", … },
//!   "sources": [["Pay", "U.S. Bureau of Labor Statistics, …, May 2025"], …]
//! }
//! ```
//!
//! A fact the guide does not give is left out; the page shows a dash.
//!
//! **Suggestion shards** ([`SUGGEST_DIR`]`<key>.json`) answer the chooser.
//! A title is matched from the start of any of its words (`man` finds
//! "Sales manager"; `sales man` finds it too). Each shard holds the guides
//! matching one prefix of the lower-cased title from a word on, words
//! joined by one space: all of them when there are at most
//! [`SUGGESTIONS`], else the first [`SUGGESTIONS`] by rank (title starts
//! with the prefix, then shorter titles, then alphabetical) with
//! `"more": true`, the number that match (`n`) and the characters that
//! continue the prefix (`next`), each of which has a shard of its own. The
//! chooser starts at the root shard (`_.json`, the empty prefix) and
//! follows `next` one character at a time while a shard says `more`, so
//! typing fetches at most one shard per keystroke and a shard never holds
//! more than [`SUGGESTIONS`] entries.
//!
//! ```json
//! { "p": "sal", "n": 312, "more": true, "next": "e", "g": [["Sales manager", "sales-manager"], …] }
//! ```
//!
//! A shard's file name is its prefix with `a`–`z` and `0`–`9` kept, a
//! space written `-` and any other character as `_` and its code point in
//! lower-case hexadecimal followed by `_` ([`shard_name`]); the script
//! names shards the same way.
//!
//! [`COMPARE_SCRIPT`] fills any element marked `data-cg-compare` with an
//! ARIA 1.2 combobox (a text input with a listbox of suggestions) to add
//! careers, the list of chosen careers with a button to remove each, and a
//! table of their facts, reading the choice from `?c=` so that a comparison
//! is a link. The table's caption is a heading above its scrolling box
//! (`cg-compare__caption`), so a narrow screen never cuts it off; when the
//! table is wider than the screen a cue says so (`cg-compare__cue`), the
//! box gets `cg-compare__scroll--wide` and can be focused and scrolled from
//! the keyboard. Without JavaScript the element's own content (a pointer to
//! the All-careers table) stays. [`SORT_SCRIPT`] turns the column headers
//! of any `<table data-cg-sortable>` into buttons that sort its rows,
//! setting `aria-sort`; a cell's `data-sort` value, when present, is
//! sorted on instead of its text (numbers sort as numbers).

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value};

use super::format::NumberStyle;
use crate::config::SiteConfig;
use crate::content::guide::{Guide, Salary, SalaryBasis};

/// The folder of the guide files below the site root.
pub const DATA_DIR: &str = "compare/data/";
/// The folder of the suggestion shards below the site root.
pub const SUGGEST_DIR: &str = "compare/suggest/";
/// The most suggestions a shard holds.
pub const SUGGESTIONS: usize = 10;
/// The longest prefix that gets a shard of its own, in characters: past it
/// a shard keeps its first [`SUGGESTIONS`] entries and says `more`.
const MAX_PREFIX: usize = 48;
/// The compare script's file name below the site root.
pub const COMPARE_SCRIPT_FILE: &str = "compare.js";
/// The sortable-table script's file name below the site root.
pub const SORT_SCRIPT_FILE: &str = "sort-table.js";
/// The compare page's script (vanilla JavaScript, no dependencies).
pub const COMPARE_SCRIPT: &str = include_str!("assets/compare.js");

/// The compare script as written below a language's root, with the text it
/// writes in `messages`' language (see [`crate::render::script_messages`]).
pub fn script(messages: &crate::i18n::Messages) -> String {
    crate::render::script_messages::localize(
        COMPARE_SCRIPT,
        messages,
        crate::render::script_messages::COMPARE_KEYS,
    )
}
/// The sortable-table script (vanilla JavaScript, no dependencies).
pub const SORT_SCRIPT: &str = include_str!("assets/sort-table.js");
/// The most careers one comparison shows.
pub const MAX_COMPARED: usize = 4;

/// The facts compared, in the order of the table's rows, with the
/// message that names each.
pub const FIELDS: &[(&str, &str)] = &[
    ("median", "similar-median-pay"),
    ("entry", "list-entry-pay"),
    ("top", "list-top-pay"),
    ("growth", "guide-job-outlook"),
    ("employment", "outlook-employment"),
    ("openings", "compare-openings"),
    ("education", "similar-education"),
    ("experience", "guide-work-experience"),
    ("training", "guide-training"),
    ("category", "filters-category"),
];

#[derive(Serialize)]
struct Entry<'a> {
    v: u32,
    title: &'a str,
    path: String,
    fields: &'a [[&'a str; 2]],
    facts: Map<String, Value>,
    /// Where the guide's figures come from: `[what, source]` pairs such as
    /// `["Pay", "U.S. Bureau of Labor Statistics, …, May 2025"]`, shown
    /// under the table.
    sources: Vec<[String; 2]>,
}

/// Each guide's compare file, as (path below the site root, JSON).
/// Vocabulary labels come from `messages` (English when `None`).
pub fn data_files(
    guides: &[Guide],
    config: &SiteConfig,
    messages: &crate::i18n::Messages,
) -> Vec<(String, String)> {
    let style = NumberStyle::for_language(&config.language);
    let formatter = super::context::Formatter::new(config).with_messages(messages);
    let mut owned: Vec<[String; 2]> = FIELDS
        .iter()
        .map(|(k, key)| [k.to_string(), messages.plain(key)])
        .collect();
    if let Some(region) = config.region {
        // The home state's median follows the national one.
        let args = crate::i18n::Args::new().with("state", region.name_in(messages));
        owned.insert(
            1,
            [
                HOME_FIELD.to_string(),
                messages.text("states-home-median", &args),
            ],
        );
    }
    let fields: Vec<[&str; 2]> = owned
        .iter()
        .map(|[k, l]| [k.as_str(), l.as_str()])
        .collect();
    guides
        .iter()
        .map(|guide| {
            let mut facts = facts(guide, &formatter, &style);
            if let Some(home) = super::state_pay::home_median(guide, &formatter) {
                facts.insert(HOME_FIELD.to_string(), Value::String(home));
            }
            let entry = Entry {
                v: 1,
                title: &guide.title,
                path: crate::permalink::guide(&guide.slug),
                fields: &fields,
                facts,
                sources: sources(guide, config, messages),
            };
            let json = serde_json::to_string(&entry).unwrap_or_else(|_| "{}".into());
            (format!("{DATA_DIR}{}.json", guide.slug), json)
        })
        .collect()
}

/// A title as the chooser matches it: lower case, its words (runs of
/// letters and digits) joined by one space.
pub fn normalize(title: &str) -> String {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// The file name (without `.json`) of the shard for `prefix`: `_` for the
/// empty prefix; see the module documentation.
pub fn shard_name(prefix: &str) -> String {
    if prefix.is_empty() {
        return "_".into();
    }
    let mut name = String::with_capacity(prefix.len());
    for c in prefix.chars() {
        match c {
            'a'..='z' | '0'..='9' => name.push(c),
            ' ' => name.push('-'),
            _ => {
                let _ = write!(name, "_{:x}_", u32::from(c));
            }
        }
    }
    name
}

/// One title from one of its words on, with the guide it belongs to.
struct Suffix {
    key: Vec<char>,
    guide: usize,
    /// Where the suffix stands among all suffixes by the guide's rank
    /// (whole title first, then shorter titles, then by title) and then
    /// by guide: ranked once for the whole site, so that a shard sorts
    /// numbers rather than titles.
    order: usize,
}

#[derive(Serialize)]
struct Shard<'a> {
    p: String,
    n: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    more: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    next: String,
    g: Vec<[&'a str; 2]>,
}

/// The chooser's suggestion shards, as (path below the site root, JSON).
pub fn suggestion_files(guides: &[Guide]) -> Vec<(String, String)> {
    let lowered: Vec<String> = guides.iter().map(|g| g.title.to_lowercase()).collect();
    let mut suffixes: Vec<Suffix> = Vec::new();
    // The guide's rank among those matching any prefix, by suffix.
    let mut ranks: Vec<((bool, usize, &str), usize)> = Vec::new();
    for (i, guide) in guides.iter().enumerate() {
        let normal: Vec<char> = normalize(&guide.title).chars().collect();
        for start in 0..normal.len() {
            if start == 0 || normal[start - 1] == ' ' {
                ranks.push(((start != 0, normal.len(), &lowered[i]), i));
                suffixes.push(Suffix {
                    key: normal[start..].to_vec(),
                    guide: i,
                    order: 0,
                });
            }
        }
    }
    let mut by_rank: Vec<usize> = (0..ranks.len()).collect();
    by_rank.sort_by(|&a, &b| ranks[a].cmp(&ranks[b]));
    for (order, &suffix) in by_rank.iter().enumerate() {
        suffixes[suffix].order = order;
    }
    suffixes.sort_by(|a, b| a.key.cmp(&b.key));
    let mut files = Vec::new();
    let mut seen = Seen {
        shard_of: vec![usize::MAX; guides.len()],
        shard: 0,
    };
    shard(guides, &suffixes, 0, &mut seen, &mut files);
    files
}

/// Which guides the shard being written has taken: the shard's number by
/// guide, so that no set is cleared or allocated for each shard.
struct Seen {
    shard_of: Vec<usize>,
    shard: usize,
}

/// Writes the shard of the prefix shared by `suffixes` (its first `depth`
/// characters), then those of its continuations when it is full.
fn shard(
    guides: &[Guide],
    suffixes: &[Suffix],
    depth: usize,
    seen: &mut Seen,
    files: &mut Vec<(String, String)>,
) {
    let prefix: String = suffixes
        .first()
        .map(|s| s.key[..depth].iter().collect())
        .unwrap_or_default();
    // Each guide once, at its best rank.
    let mut ranked: Vec<(usize, usize)> = suffixes.iter().map(|s| (s.order, s.guide)).collect();
    ranked.sort_unstable();
    seen.shard += 1;
    ranked.retain(|&(_, guide)| {
        let new = seen.shard_of[guide] != seen.shard;
        seen.shard_of[guide] = seen.shard;
        new
    });
    let more = ranked.len() > SUGGESTIONS;
    // Continuations, grouped by the next character (the suffixes are sorted).
    let mut groups: Vec<&[Suffix]> = Vec::new();
    if more && depth < MAX_PREFIX {
        let longer = suffixes.partition_point(|s| s.key.len() <= depth);
        let mut rest = &suffixes[longer..];
        while let Some(first) = rest.first() {
            let c = first.key[depth];
            let end = rest.partition_point(|s| s.key[depth] == c);
            groups.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    let data = Shard {
        p: prefix.clone(),
        n: ranked.len(),
        more,
        next: groups.iter().map(|g| g[0].key[depth]).collect(),
        g: ranked
            .iter()
            .take(SUGGESTIONS)
            .map(|(_, i)| [guides[*i].title.as_str(), guides[*i].slug.as_str()])
            .collect(),
    };
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".into());
    files.push((format!("{SUGGEST_DIR}{}.json", shard_name(&prefix)), json));
    for group in groups {
        shard(guides, group, depth + 1, seen, files);
    }
}

/// The key of the home state's median (`region:` in config) in `facts`.
pub const HOME_FIELD: &str = "home";

/// Where each group of a guide's figures comes from, as its page cites it.
fn sources(
    guide: &Guide,
    config: &SiteConfig,
    messages: &crate::i18n::Messages,
) -> Vec<[String; 2]> {
    let name = |id: Option<&str>| {
        id.and_then(|id| guide.sources.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
    };
    let state_id = crate::data::config::DatasetKind::StateWages.source_id();
    let groups = [
        (
            "guide-pay",
            guide.salary.as_ref().and_then(|s| s.source.as_deref()),
        ),
        (
            "compare-source-home-pay",
            guide
                .state_pay
                .as_ref()
                .filter(|_| config.region.is_some())
                .map(|_| state_id),
        ),
        (
            "guide-job-outlook",
            guide.outlook.as_ref().and_then(|o| o.source.as_deref()),
        ),
        (
            "compare-source-education",
            guide.requirements.source.as_deref(),
        ),
    ];
    groups
        .into_iter()
        .filter_map(|(what, id)| Some([messages.plain(what), name(id)?]))
        .collect()
}

/// A guide's facts, formatted as its page formats them.
fn facts(
    guide: &Guide,
    formatter: &super::context::Formatter<'_>,
    style: &NumberStyle,
) -> Map<String, Value> {
    let config = formatter.config;
    let mut facts = Map::new();
    let mut put = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            facts.insert(key.to_string(), Value::String(value));
        }
    };
    if let Some(salary) = &guide.salary {
        let percentile = salary.basis == SalaryBasis::Percentile;
        let p10 = formatter.messages.plain("pay-p10");
        let p90 = formatter.messages.plain("pay-p90");
        put("median", pay(formatter, salary, salary.median, false, None));
        put(
            "entry",
            pay(
                formatter,
                salary,
                salary.entry,
                false,
                percentile.then_some(&p10),
            ),
        );
        let top = pay(
            formatter,
            salary,
            salary.top,
            salary.top_coded,
            percentile.then_some(&p90),
        );
        put("top", top);
    }
    if let Some(outlook) = &guide.outlook {
        let growth = outlook.growth_percent.map(|g| {
            let text = style.percent(g);
            match outlook.label {
                Some(label) => formatter.text(
                    "facts-growth-with-label",
                    &crate::i18n::Args::new()
                        .with("growth", text)
                        .with("label", formatter.growth(label).label),
                ),
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
        requirements.education.map(|e| formatter.education(e).label),
    );
    put(
        "experience",
        requirements
            .experience
            .map(|e| formatter.experience(e).label),
    );
    put(
        "training",
        requirements.training.map(|t| formatter.training(t).label),
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
/// note such as `(10th percentile)`, in the formatter's language.
fn pay(
    formatter: &super::context::Formatter<'_>,
    salary: &Salary,
    amount: Option<f64>,
    or_more: bool,
    note: Option<&str>,
) -> Option<String> {
    use crate::i18n::Args;
    let mut amount = formatter
        .style
        .money(amount?, &salary.currency, salary.period);
    if or_more {
        amount = formatter.text("pay-or-more", &Args::new().with("amount", amount));
    }
    let mut text = formatter.text(
        "pay-amount-per",
        &Args::new()
            .with("amount", amount)
            .with("period", formatter.period_label(salary.period)),
    );
    if let Some(note) = note {
        text.push_str(&format!(" ({note})"));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, minimal};

    fn file(files: &[(String, String)], path: &str) -> Value {
        let (_, json) = files.iter().find(|(p, _)| p == path).unwrap_or_else(|| {
            panic!(
                "no {path} among {:?}",
                files.iter().map(|f| &f.0).collect::<Vec<_>>()
            )
        });
        serde_json::from_str(json).expect("JSON")
    }

    #[test]
    fn each_guide_file_carries_its_formatted_facts() {
        let guides = [
            minimal(
                "account-manager",
                "Account manager",
                "category: sales\nsalary: { entry: 40000, median: 75500, top: 160500 }\n\
                 outlook: { growth_percent: 4, employment: 1066670 }\nrequirements: { education: bachelors }",
            ),
            minimal("writer", "Writer", ""),
        ];
        let files = data_files(&guides, &config(), &crate::i18n::builtin_messages("en"));
        assert_eq!(files.len(), 2);
        let am = file(&files, "compare/data/account-manager.json");
        assert_eq!(am["title"], "Account manager");
        assert_eq!(am["path"], "account-manager/");
        assert_eq!(am["facts"]["median"], "$75,500 per year");
        assert_eq!(am["facts"]["entry"], "$40,000 per year");
        assert_eq!(am["facts"]["top"], "$160,500 per year");
        assert_eq!(am["facts"]["growth"], "4% (As fast as average), 2024–34");
        assert_eq!(am["facts"]["employment"], "1,066,670");
        assert_eq!(am["facts"]["education"], "Bachelor's degree");
        assert_eq!(am["facts"]["category"], "Sales");
        assert_eq!(am["fields"][0], serde_json::json!(["median", "Median pay"]));
        let writer = file(&files, "compare/data/writer.json");
        assert_eq!(writer["facts"], serde_json::json!({}));
    }

    #[test]
    fn percentile_and_top_coded_pay_say_so() {
        let guides = [minimal(
            "lawyer",
            "Lawyer",
            "salary: { entry: 70000, median: 150000, top: 239200, basis: percentile, top_coded: true }",
        )];
        let files = data_files(&guides, &config(), &crate::i18n::builtin_messages("en"));
        let facts = &file(&files, "compare/data/lawyer.json")["facts"];
        assert_eq!(facts["entry"], "$70,000 per year (10th percentile)");
        assert_eq!(facts["top"], "$239,200 or more per year (90th percentile)");
    }

    #[test]
    fn shard_names_keep_letters_and_digits_only() {
        assert_eq!(shard_name(""), "_");
        assert_eq!(shard_name("sales m"), "sales-m");
        assert_eq!(shard_name("caf\u{e9} 2"), "caf_e9_-2");
        assert_eq!(normalize("  R&D   Lead—Café "), "r d lead café");
    }

    #[test]
    fn a_small_site_fits_in_the_root_shard() {
        let guides = [
            minimal("sales-manager", "Sales manager", ""),
            minimal("writer", "Writer", ""),
        ];
        let files = suggestion_files(&guides);
        assert_eq!(files.len(), 1);
        let root = file(&files, "compare/suggest/_.json");
        assert_eq!(root["n"], 2);
        assert!(root.get("more").is_none());
        assert_eq!(
            root["g"],
            serde_json::json!([["Writer", "writer"], ["Sales manager", "sales-manager"]])
        );
    }

    #[test]
    fn full_shards_continue_one_character_at_a_time_and_never_pass_the_limit() {
        // 30 managers and 30 "Sales …" roles: "sales m" finds the one in both.
        let mut guides = Vec::new();
        for i in 0..30 {
            guides.push(minimal(&format!("m{i}"), &format!("Area {i} manager"), ""));
            guides.push(minimal(&format!("s{i}"), &format!("Sales role {i}"), ""));
        }
        guides.push(minimal("sales-manager", "Sales manager", ""));
        guides.push(minimal(
            "manager-of-many-things",
            "Manager of many things",
            "",
        ));
        let files = suggestion_files(&guides);
        for (path, json) in &files {
            let shard: Value = serde_json::from_str(json).expect("JSON");
            assert!(
                shard["g"].as_array().expect("g").len() <= SUGGESTIONS,
                "{path}"
            );
        }
        let root = file(&files, "compare/suggest/_.json");
        assert_eq!(root["n"], 62);
        assert_eq!(root["more"], true);
        assert!(root["next"].as_str().expect("next").contains('m'));
        let m = file(&files, "compare/suggest/m.json");
        assert_eq!(m["n"], 32, "every manager, from its last word too");
        assert_eq!(m["more"], true);
        // Ranked: a title that starts with the prefix first, then shorter ones.
        assert_eq!(
            m["g"][0],
            serde_json::json!(["Manager of many things", "manager-of-many-things"])
        );
        assert_eq!(
            m["g"][1],
            serde_json::json!(["Sales manager", "sales-manager"])
        );
        assert_eq!(m["g"][2], serde_json::json!(["Area 0 manager", "m0"]));
        let deep = file(&files, "compare/suggest/sales-.json");
        assert_eq!(deep["more"], true);
        let found = file(&files, "compare/suggest/sales-m.json");
        assert_eq!(found["n"], 1);
        assert!(found.get("more").is_none());
        assert_eq!(
            found["g"],
            serde_json::json!([["Sales manager", "sales-manager"]])
        );
    }

    #[test]
    fn scripts_are_self_contained() {
        for script in [COMPARE_SCRIPT, SORT_SCRIPT] {
            assert!(!script.contains("http://") && !script.contains("https://"));
        }
        assert!(COMPARE_SCRIPT.contains(DATA_DIR));
        assert!(COMPARE_SCRIPT.contains(SUGGEST_DIR));
        assert!(COMPARE_SCRIPT.contains("data-cg-compare"));
        assert!(SORT_SCRIPT.contains("aria-sort"));
    }
}
