//! Client-side search without a service: the build writes a compact index
//! of every guide ([`INDEX_FILE`]) and the theme-independent script
//! ([`SCRIPT`], written as [`SCRIPT_FILE`]) that searches it in the browser.
//!
//! # The index
//!
//! One JSON object, arrays rather than keyed objects to stay small (the
//! budget is 560 KB for 1,000 guides of realistic size):
//!
//! ```json
//! {
//!   "v": 2,
//!   "categories": ["Sales", "Management"],
//!   "skills": ["Negotiation", "Communication"],
//!   "industries": ["Finance", "Insurance"],
//!   "fields": ["Business administration"],
//!   "guides": [
//!     ["Account manager", "account-manager/", "The customer's main contact…",
//!      ["Client manager"], [0, 1], 0, "11-2022.00", [0, 1], [0],
//!      "000001002"]
//!   ],
//!   "words": ["forecast", "orders", "records"]
//! }
//! ```
//!
//! Each guide is `[title, path, summary, alternate titles, skill numbers,
//! category number, code, industry numbers, field-of-study numbers, duty
//! words]`; trailing empty fields are left out. Skills, categories,
//! industries and fields of study are numbers into the shared lists, since
//! the same few recur across hundreds of guides. The duty words are the
//! distinct words of the duties that the title and summary do not hold
//! (stop words and words under three letters left out), as numbers into
//! the shared `words` list written [`WORD_NUMBER_CHARS`] base-36 digits
//! each: duty words recur across guides, and this keeps what search needs
//! from the duties at a fraction of their text (about 110 bytes a guide). The path is relative to the site root, so the
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
//! full result list, its heading (`data-cg-search-heading`) the count
//! ("3 careers found for “crm”"); with no result the container offers the
//! closest titles and the browse pages instead. A form marked
//! `data-cg-search-live` (the results page's own) updates that list as the
//! reader types instead of opening a drop-down over it. Elements marked
//! `data-cg-search-fallback` (what to do without JavaScript) are hidden
//! once the script runs. Titles, alternate titles, skills, fields of study,
//! industries and category match with typos (Damerau–Levenshtein distance
//! 1 for words of 4–7 letters, 2 from 8); codes, summary and duty words by
//! word or word prefix. Guides matching in the title or an alternate title
//! come first. The
//! index is fetched relative to the script's own URL, so the search works
//! from a sub-path deploy and from any local server without a network.

use std::collections::HashMap;

use rayon::prelude::*;

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

/// Words too common to find anything by, left out of the duty words.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "by", "can", "each",
    "for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "more",
    "most", "new", "of", "on", "or", "other", "out", "over", "such", "that", "the", "their",
    "them", "they", "this", "to", "up", "what", "when", "where", "which", "who", "with", "within",
];

/// Numbers names into a list shared by every guide, so that a name used by
/// hundreds of guides is written once. Names are compared ignoring case;
/// the first spelling seen is kept.
#[derive(Default)]
struct SharedNames<'a> {
    names: Vec<&'a str>,
    numbers: HashMap<String, usize>,
}

impl<'a> SharedNames<'a> {
    fn number(&mut self, name: &'a str) -> usize {
        *self
            .numbers
            .entry(name.trim().to_lowercase())
            .or_insert_with(|| {
                self.names.push(name);
                self.names.len() - 1
            })
    }

    fn numbers(&mut self, names: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
        names.into_iter().map(|n| self.number(n)).collect()
    }
}

/// The distinct words of a guide's duties that its title and summary do
/// not already hold, lowercased, in order, stop words and words under three
/// letters left out: duties are searched word by word, so repeating a word
/// adds nothing.
fn duty_words(guide: &Guide) -> Vec<String> {
    let split = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut seen: std::collections::HashSet<String> = split(&guide.title)
        .into_iter()
        .chain(split(&guide.summary))
        .collect();
    let mut out = Vec::new();
    for duty in &guide.duties {
        for word in split(duty) {
            if word.chars().count() < 3 || STOP_WORDS.contains(&word.as_str()) {
                continue;
            }
            if seen.insert(word.clone()) {
                out.push(word);
            }
        }
    }
    out
}

/// How many characters one word number takes in a guide's duty words.
pub const WORD_NUMBER_CHARS: usize = 3;

/// `numbers` written in base 36, [`WORD_NUMBER_CHARS`] characters each,
/// with no separator (`[1, 36]` → `"001010"`). A number
/// beyond the width (a vocabulary over 46,655 words) is left out.
fn base36(numbers: &[usize]) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = String::with_capacity(numbers.len() * WORD_NUMBER_CHARS);
    for &n in numbers {
        if n >= 36usize.pow(WORD_NUMBER_CHARS as u32) {
            continue;
        }
        let mut digits = [b'0'; WORD_NUMBER_CHARS];
        let mut rest = n;
        for d in digits.iter_mut().rev() {
            *d = DIGITS[rest % 36];
            rest /= 36;
        }
        out.extend(digits.iter().map(|&d| d as char));
    }
    out
}

/// The search index of `guides` as compact JSON.
pub fn index_json(guides: &[Guide], config: &SiteConfig) -> String {
    let mut categories = SharedNames::default();
    let mut skills = SharedNames::default();
    let mut industries = SharedNames::default();
    let mut fields = SharedNames::default();
    let mut vocabulary: Vec<String> = Vec::new();
    let mut word_numbers: HashMap<String, usize> = HashMap::new();
    let mut entries = Vec::with_capacity(guides.len());
    // Splitting duties into words is the costly part: done in parallel,
    // numbered in guide order below so the index stays deterministic.
    let duty_words: Vec<Vec<String>> = guides.par_iter().map(duty_words).collect();
    for (guide, words) in guides.iter().zip(duty_words) {
        let category = guide
            .category
            .as_deref()
            .and_then(|key| config.category(key))
            .map(|c| categories.number(&c.name));
        let skill_list = skills.numbers(guide.requirements.skills.iter().map(|s| s.name.as_str()));
        let industry_list = industries.numbers(guide.industries.iter().map(String::as_str));
        let field_list = fields.numbers(
            guide
                .requirements
                .fields_of_study
                .iter()
                .map(String::as_str),
        );
        let duties: Vec<usize> = words
            .into_iter()
            .map(|word| {
                *word_numbers.entry(word).or_insert_with_key(|word| {
                    vocabulary.push(word.clone());
                    vocabulary.len() - 1
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
            json!(industry_list),
            json!(field_list),
            Value::from(base36(&duties)),
        ];
        while entry.len() > 3 && is_empty(entry.last()) {
            entry.pop();
        }
        entries.push(Value::Array(entry));
    }
    let index = json!({
        "v": 2,
        "categories": categories.names,
        "skills": skills.names,
        "industries": industries.names,
        "fields": fields.names,
        "words": vocabulary,
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
             industries: [Finance, Insurance]\n\
             duties: [Forecast the orders of each customer, Keep the customer's records]\n\
             requirements: { skills: [Negotiation, Communication], fields_of_study: [Finance, Nursing] }",
            "A secret body sentence.",
        );
        let other = minimal(
            "b",
            "Buyer",
            "industries: [finance]\nrequirements: { skills: [communication] }",
        );
        let json = index_json(&[g, other], &config());
        assert_eq!(
            json,
            r#"{"categories":["Sales"],"fields":["Finance","Nursing"],"guides":[["Account manager","account-manager/","The customer's main contact.",["Client manager"],[0,1],0,"11-2022.00",[0,1],[0,1],"000001002003"],["Buyer","b/","What a Buyer does.",[],[1],null,"",[0],[],"004"]],"industries":["Finance","Insurance"],"skills":["Negotiation","Communication"],"v":2,"words":["forecast","orders","keep","records","work"]}"#
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
    /// titles, a full-length summary, twelve skills, three industries and
    /// four fields of study from shared vocabularies, eight duties, a
    /// category and both codes.
    fn synthetic(i: usize) -> Guide {
        let skills: Vec<String> = (0..12)
            .map(|k| format!("Skill {} of the trade", (i * 7 + k * 13) % 150))
            .collect();
        let industries: Vec<String> = (0..3)
            .map(|k| format!("Industry {} and services", (i * 5 + k * 11) % 80))
            .collect();
        let fields: Vec<String> = (0..4)
            .map(|k| format!("Field of study {}", (i * 3 + k * 17) % 120))
            .collect();
        // Eight duties of five content words each, as Handbook profiles
        // have, from a vocabulary of 3,000 words of eight letters.
        let duties: Vec<String> = (0..8)
            .map(|k| {
                let w = |n: usize| format!("work{:04}", (i * 37 + k * 11 + n * 7) % 3000);
                format!(
                    "Review {} and {} for the {} of every {} with the {}",
                    w(0),
                    w(1),
                    w(2),
                    w(3),
                    w(4)
                )
            })
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
                 industries: [{}]\n\
                 duties: [{}]\n\
                 requirements: {{ skills: [{}], fields_of_study: [{}] }}",
                if i.is_multiple_of(2) {
                    "sales"
                } else {
                    "management"
                },
                i % 10_000,
                i % 10_000,
                industries.join(", "),
                duties.join(", "),
                skills.join(", "),
                fields.join(", ")
            ),
        )
    }

    #[test]
    fn index_for_1000_guides_is_at_most_560_kb() {
        let guides: Vec<Guide> = (0..1000).map(synthetic).collect();
        assert!(guides[0].summary.chars().count() > SUMMARY_CHARS);
        let json = index_json(&guides, &config());
        let size = json.len();
        assert!(
            size <= 560_000,
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
