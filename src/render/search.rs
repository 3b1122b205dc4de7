//! Client-side search without a service: the build writes a compact index
//! of every guide ([`INDEX_FILE`]) and the theme-independent script
//! ([`SCRIPT`], written as [`SCRIPT_FILE`]) that searches it in the browser.
//!
//! # The index
//!
//! One JSON object, arrays rather than keyed objects to stay small (the
//! budget is 400 KB for 1,000 guides):
//!
//! ```json
//! {
//!   "v": 1,
//!   "categories": ["Sales", "Management"],
//!   "skills": ["Negotiation", "Communication"],
//!   "guides": [
//!     ["Account manager", "account-manager/", "The customer's main contact…",
//!      ["Client manager"], [0, 1], 0, "11-2022.00"]
//!   ]
//! }
//! ```
//!
//! Each guide is `[title, path, summary, alternate titles, skill numbers,
//! category number, code]`; trailing empty fields are left out. Skills and
//! categories are numbers into the shared lists, since the same few recur
//! across hundreds of guides. The path is relative to the site root, so the
//! index works under any `base_url`. The summary is cut to
//! [`SUMMARY_CHARS`] characters at a word (the length of a good meta
//! description); the code is the O*NET-SOC code, which begins with the SOC
//! code, or the SOC code alone. The Markdown body is not indexed.
//!
//! # The script
//!
//! Progressive enhancement of any `<form data-cg-search>` holding an
//! `<input name="q">`: without JavaScript the form goes to its `action` (the
//! All-careers page); with it, matches appear under the box as the reader
//! types, in a list of links (Arrow keys move through them, Escape returns
//! to the box) with a `role="status"` count, and submitting opens the page
//! named by the form's `data-cg-search-page` (the search results page) with
//! `?q=`. An element with `data-cg-search-results` on that page receives the
//! full result list. Titles and alternate titles match with typos
//! (Damerau–Levenshtein distance 1 for words of 4–7 letters, 2 from 8);
//! skills, category, codes and summary match by word or word prefix. The
//! index is fetched relative to the script's own URL, so the search works
//! from a sub-path deploy and from any local server without a network.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::config::SiteConfig;
use crate::content::guide::Guide;

/// The index's file name below the site root.
pub const INDEX_FILE: &str = "search-index.json";
/// The script's file name below the site root.
pub const SCRIPT_FILE: &str = "search.js";
/// The search script (vanilla JavaScript, no dependencies).
pub const SCRIPT: &str = include_str!("assets/search.js");
/// How much of a summary the index keeps.
pub const SUMMARY_CHARS: usize = 160;

/// The search index of `guides` as compact JSON.
pub fn index_json(guides: &[Guide], config: &SiteConfig) -> String {
    let mut categories: Vec<&str> = Vec::new();
    let mut category_numbers: HashMap<&str, usize> = HashMap::new();
    let mut skills: Vec<&str> = Vec::new();
    let mut skill_numbers: HashMap<String, usize> = HashMap::new();
    let mut entries = Vec::with_capacity(guides.len());
    for guide in guides {
        let category = guide
            .category
            .as_deref()
            .and_then(|key| config.category(key))
            .map(|c| {
                *category_numbers.entry(c.name.as_str()).or_insert_with(|| {
                    categories.push(&c.name);
                    categories.len() - 1
                })
            });
        let skill_list: Vec<usize> = guide
            .requirements
            .skills
            .iter()
            .map(|s| {
                *skill_numbers
                    .entry(s.name.to_lowercase())
                    .or_insert_with(|| {
                        skills.push(&s.name);
                        skills.len() - 1
                    })
            })
            .collect();
        let code = guide
            .codes
            .onet_soc
            .as_deref()
            .or(guide.codes.soc.as_deref())
            .unwrap_or("");
        let mut entry = vec![
            Value::from(guide.title.as_str()),
            Value::from(format!("{}/", guide.slug)),
            Value::from(cut_at_word(&guide.summary, SUMMARY_CHARS)),
            json!(guide.alternate_titles),
            json!(skill_list),
            category.map_or(Value::Null, Value::from),
            Value::from(code),
        ];
        while entry.len() > 3 && is_empty(entry.last()) {
            entry.pop();
        }
        entries.push(Value::Array(entry));
    }
    let index = json!({
        "v": 1,
        "categories": categories,
        "skills": skills,
        "guides": entries,
    });
    serde_json::to_string(&index).unwrap_or_else(|_| "{}".into())
}

fn is_empty(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(_) => false,
    }
}

/// `text` cut to at most `max` characters at a word boundary, with `…`
/// when cut.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    // Keep the last word when the cut falls right after it.
    let word_ends = text.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let end = if word_ends {
        cut.len()
    } else {
        cut.rfind(char::is_whitespace).unwrap_or(cut.len())
    };
    let mut out = cut[..end]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':')
        .to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, guide, minimal};

    #[test]
    fn index_holds_the_searchable_fields_and_not_the_body() {
        let g = crate::render::test_guides::guide_with_body(
            "account-manager",
            "title: Account manager\nsummary: The customer's main contact.\ncategory: sales\n\
             alternate_titles: [Client manager]\ncodes: { soc: 11-2022, onet_soc: 11-2022.00 }\n\
             duties: [Work]\nrequirements: { skills: [Negotiation, Communication] }",
            "A secret body sentence.",
        );
        let other = minimal("b", "Buyer", "requirements: { skills: [communication] }");
        let json = index_json(&[g, other], &config());
        assert_eq!(
            json,
            r#"{"categories":["Sales"],"guides":[["Account manager","account-manager/","The customer's main contact.",["Client manager"],[0,1],0,"11-2022.00"],["Buyer","b/","What a Buyer does.",[],[1]]],"skills":["Negotiation","Communication"],"v":1}"#
        );
        assert!(!json.contains("secret"));
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let text = "word ".repeat(100);
        assert_eq!(cut_at_word(text.trim(), 20), "word word word word…");
        assert_eq!(cut_at_word(text.trim(), 18), "word word word…");
        assert_eq!(cut_at_word("short", 20), "short");
    }

    /// A guide as large as real ones get: a long title, three alternate
    /// titles, a full-length summary, twelve skills from a shared
    /// vocabulary, a category and both codes.
    fn synthetic(i: usize) -> Guide {
        let skills: Vec<String> = (0..12)
            .map(|k| format!("Skill {} of the trade", (i * 7 + k * 13) % 150))
            .collect();
        let summary = format!(
            "Plans, directs and coordinates the work of occupation number {i}, keeping \
             customers, budgets and schedules on track across offices, client sites and \
             remote teams in every industry."
        );
        guide(
            &format!("occupation-{i}"),
            &format!(
                "title: Senior occupation specialist number {i}\n\
                 summary: \"{summary}\"\n\
                 category: {}\n\
                 alternate_titles: [Occupation lead {i}, Occupation coordinator {i}, Occupation officer {i}]\n\
                 codes: {{ soc: 11-{:04}, onet_soc: 11-{:04}.00 }}\n\
                 duties: [Work]\n\
                 requirements: {{ skills: [{}] }}",
                if i.is_multiple_of(2) {
                    "sales"
                } else {
                    "management"
                },
                i % 10_000,
                i % 10_000,
                skills.join(", ")
            ),
        )
    }

    #[test]
    fn index_for_1000_guides_is_at_most_400_kb() {
        let guides: Vec<Guide> = (0..1000).map(synthetic).collect();
        assert!(guides[0].summary.chars().count() > SUMMARY_CHARS);
        let json = index_json(&guides, &config());
        let size = json.len();
        assert!(
            size <= 400_000,
            "search index is {size} bytes for 1,000 guides"
        );
        let parsed: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(parsed["guides"].as_array().map(Vec::len), Some(1000));
    }

    #[test]
    fn script_enhances_forms_and_resolves_urls_from_its_own_location() {
        assert!(SCRIPT.contains("data-cg-search"));
        assert!(SCRIPT.contains("document.currentScript"));
        assert!(SCRIPT.contains(INDEX_FILE));
        // No third-party service and no absolute URLs.
        assert!(!SCRIPT.contains("http://") && !SCRIPT.contains("https://"));
    }
}
