//! The text careergen's scripts write in the reader's browser (result
//! counts, the compare chooser, All-careers paging), in the language of
//! the pages they serve.
//!
//! Each script is written once per language, below that language's root
//! (`es/search.js`), so it carries the messages it needs as data: in place
//! of its line `/* careergen: messages */` go the messages
//! ([`Messages::for_script`]) and the few functions that fill them in
//! (`assets/messages.js`: placeholders, plural forms by the browser's
//! `Intl.PluralRules`, numbers by `Intl.NumberFormat`, lists by
//! `Intl.ListFormat`, all in the page's `lang`). A site's own message
//! files reach the scripts as they reach the pages.

use crate::i18n::Messages;

/// The functions that write messages in a script, with `__MESSAGES__`
/// standing for the messages' JSON object.
const PRELUDE: &str = include_str!("assets/messages.js");
/// The line of a script that the messages replace.
const MARKER: &str = "  /* careergen: messages */\n";

/// The messages `assets/search.js` writes.
pub const SEARCH_KEYS: &[&str] = &[
    "search-label",
    "search-js-careers",
    "search-js-articles",
    "search-js-pages",
    "search-js-found",
    "search-js-none",
    "search-js-heading",
    "search-js-more",
    "search-js-tips",
    "search-js-tips-all",
    "search-js-tips-category",
    "search-js-tips-industry",
    "search-js-tips-education",
    "search-js-did-you-mean",
    "search-js-unavailable",
    "search-js-browse-all",
];

/// The messages `assets/compare.js` writes.
pub const COMPARE_KEYS: &[&str] = &[
    "compare-js-chooser",
    "compare-js-add",
    "compare-js-suggestions",
    "compare-js-help",
    "compare-js-no-match",
    "compare-js-matches",
    "compare-js-partial",
    "compare-js-all-chosen",
    "compare-js-suggestions-failed",
    "compare-js-at-most",
    "compare-js-added",
    "compare-js-removed",
    "compare-js-chosen",
    "compare-js-remove",
    "compare-js-remove-label",
    "compare-js-caption",
    "compare-js-wide",
    "compare-js-fact",
    "compare-js-not-known",
    "compare-js-sources",
    "compare-js-one-more",
    "compare-js-two-to-four",
    "compare-js-load-failed",
    "compare-js-missing",
];

/// The messages `assets/all-careers.js` writes.
pub const ALL_CAREERS_KEYS: &[&str] = &[
    "list-careers",
    "all-careers-js-pages",
    "all-careers-js-previous",
    "all-careers-js-next",
    "all-careers-js-page",
    "all-careers-js-loading",
    "all-careers-js-none",
    "all-careers-js-count-of",
    "all-careers-js-total",
    "all-careers-js-matches",
    "all-careers-js-sorted-ascending",
    "all-careers-js-sorted-descending",
    "all-careers-js-load-failed",
    "all-careers-js-not-available",
];

/// `script` with the messages `keys` of `messages`' language written in
/// at its `careergen: messages` line; `script` as it is when it has none.
pub fn localize(script: &str, messages: &Messages, keys: &[&str]) -> String {
    let json = serde_json::Value::Object(messages.for_script(keys)).to_string();
    let prelude = PRELUDE.replacen("__MESSAGES__", &json, 1);
    script.replacen(MARKER, &prelude, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::builtin_messages;
    use crate::render::{all_careers, compare, search};

    fn every_script() -> [(&'static str, &'static [&'static str]); 3] {
        [
            (search::SCRIPT, SEARCH_KEYS),
            (compare::COMPARE_SCRIPT, COMPARE_KEYS),
            (all_careers::SCRIPT, ALL_CAREERS_KEYS),
        ]
    }

    #[test]
    fn each_script_has_one_place_for_its_messages() {
        for (script, _) in every_script() {
            assert_eq!(script.matches(MARKER).count(), 1);
        }
        assert_eq!(PRELUDE.matches("__MESSAGES__").count(), 1);
    }

    /// Every key a script asks for is one the built-in theme has, and
    /// every message key the script's source names is in its list.
    #[test]
    fn each_script_asks_for_messages_the_theme_has() {
        let messages = builtin_messages("en");
        for (script, keys) in every_script() {
            for key in keys {
                assert!(messages.has(key), "{key}");
            }
            for (at, _) in script.match_indices("message(\"") {
                let rest = &script[at + "message(\"".len()..];
                let key = &rest[..rest.find('"').expect("a closing quote")];
                assert!(keys.contains(&key), "{key} is not in the script's list");
            }
        }
    }

    #[test]
    fn a_spanish_script_carries_spanish_text_and_plural_forms() {
        let script = localize(search::SCRIPT, &builtin_messages("es"), SEARCH_KEYS);
        assert!(!script.contains(MARKER));
        assert!(!script.contains("__MESSAGES__"));
        assert!(script.contains(r#""search-js-none":"No se encontraron carreras""#));
        assert!(script.contains(
            r#""search-js-careers":{"by":"count","many":"{count} carreras","one":"{count} carrera","other":"{count} carreras"}"#
        ), "{script}");
        assert!(script.contains(r#""search-js-more":"Mostrar {shown} más (quedan {left})""#));
        let all = localize(
            all_careers::SCRIPT,
            &builtin_messages("en"),
            ALL_CAREERS_KEYS,
        );
        assert!(all.contains(
            r#""all-careers-js-count-of":{"by":"total","one":"{count} of {total} career","other":"{count} of {total} careers"}"#
        ), "{all}");
        let english = localize(search::SCRIPT, &builtin_messages("en"), SEARCH_KEYS);
        assert!(english.contains(
            r#""search-js-careers":{"by":"count","one":"{count} career","other":"{count} careers"}"#
        ));
    }
}
