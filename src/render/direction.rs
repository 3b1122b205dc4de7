//! The writing direction of a page's language: Arabic, Hebrew, Persian,
//! Urdu and the other right-to-left languages get `dir="rtl"` on `<html>`,
//! which the theme's stylesheet (written in logical properties) follows.
//! Templates ask `{% if lang is rtl %}`.

use tera::{Kwargs, State, Tera};
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// Whether text in the language of BCP 47 `tag` (`ar`, `he-IL`, `az-Arab`)
/// runs right to left: by its script subtag when it has one, else by the
/// language's usual script (CLDR). An unreadable tag is left to right.
pub fn is_rtl(tag: &str) -> bool {
    tag.parse::<LanguageIdentifier>()
        .is_ok_and(|id| id.character_direction() == CharacterDirection::RTL)
}

/// Registers the Tera test `rtl` (`{% if lang is rtl %}`).
pub fn register(tera: &mut Tera) {
    tera.register_test("rtl", |tag: &str, _: Kwargs, _: &State| is_rtl(tag));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_and_scripts() {
        for tag in ["ar", "ar-EG", "he", "fa", "ur", "ps", "yi", "az-Arab"] {
            assert!(is_rtl(tag), "{tag}");
        }
        for tag in [
            "en",
            "en-GB",
            "fr-CA",
            "es",
            "zh-Hant",
            "ku",
            "",
            "not a tag",
        ] {
            assert!(!is_rtl(tag), "{tag}");
        }
    }

    #[test]
    fn templates_ask_with_the_rtl_test() {
        let mut tera = Tera::new();
        register(&mut tera);
        tera.add_raw_template("t", "{% if lang is rtl %} dir=\"rtl\"{% endif %}")
            .expect("template compiles");
        let render = |lang: &str| {
            let mut context = tera::Context::new();
            context.insert("lang", lang);
            tera.render("t", &context).expect("renders")
        };
        assert_eq!(render("ar"), " dir=\"rtl\"");
        assert_eq!(render("en"), "");
    }
}
