//! The Tera function `t`, a message in the page's language, and the map
//! `msg` of the messages that take no argument.

use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::catalog::Catalog;
use super::messages::{Arg, Args};

/// Registers `t` on `tera`: `{{ t(key="quick-facts") }}`,
/// `{{ t(key="list-careers", count=9) }}`. The language is the context's
/// `lang` (or an explicit `lang=` argument), else the site's default.
///
/// The message text is written as it stands, like template text; text
/// arguments are escaped as any value is. Numbers are plural selectors and
/// print as plain digits; pass figures preformatted as text. A key that no
/// language has is a render error naming it.
pub fn register(tera: &mut Tera, catalog: Arc<Catalog>) {
    tera.register_function("t", Translate { catalog });
}

/// The name under which pages find [`message_map`]:
/// `{{ msg["quick-facts"] }}`.
pub const MESSAGE_MAP: &str = "msg";

/// Every message of `messages` that takes no argument, by key, as a map
/// for the templates' context ([`MESSAGE_MAP`]). Its texts print as they
/// stand, as `t`'s do; looking one up costs a map lookup, where a call of
/// `t` costs a function call with its arguments (a guide page shows about
/// 170 such texts).
pub fn message_map(messages: &super::Messages) -> Value {
    let map: std::collections::BTreeMap<String, Value> = messages
        .plain_messages()
        .into_iter()
        .map(|(key, text)| (key, Value::safe_string(&text)))
        .collect();
    Value::from(map)
}

struct Translate {
    catalog: Arc<Catalog>,
}

impl tera::Function<TeraResult<Value>> for Translate {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        let key: String = kwargs.must_get("key")?;
        let lang: Option<String> = match kwargs.get::<String>("lang")? {
            Some(lang) => Some(lang),
            None => state.get::<String>("lang")?,
        };
        let lang = lang.unwrap_or_else(|| self.catalog.default_language().to_string());
        let messages = self.catalog.messages(&lang);
        let mut texts: Vec<(String, Arg<'static>)> = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str() else {
                continue;
            };
            if name == "key" || name == "lang" || value.is_none() || value.is_undefined() {
                continue;
            }
            let arg = match value.as_f64() {
                Some(number) if value.is_number() => Arg::Number(number),
                _ => Arg::Text(state.escape_if_needed(value)?.into()),
            };
            texts.push((name.to_string(), arg));
        }
        let mut args = Args::new();
        for (name, arg) in texts.iter() {
            let arg = match arg {
                Arg::Number(n) => Arg::Number(*n),
                Arg::Text(text) => Arg::Text(text.as_ref().into()),
            };
            args.set(name, arg);
        }
        match messages.get(&key, &args) {
            Some(text) => Ok(Value::safe_string(&text)),
            None => Err(tera::Error::message(format!(
                "expected a message `{key}` in the theme's or site's message files (i18n/{lang}.ftl, i18n/en.ftl), found none"
            ))),
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, lang: Option<&str>) -> TeraResult<String> {
        let mut tera = Tera::new();
        register(&mut tera, Arc::new(Catalog::builtin("en")));
        tera.add_raw_template("page.html", template)?;
        let mut context = tera::Context::new();
        if let Some(lang) = lang {
            context.insert("lang", lang);
        }
        tera.render("page.html", &context)
    }

    #[test]
    fn t_reads_the_page_language_and_selects_plurals() {
        let template = r#"{{ t(key="nav-home") }}: {{ t(key="list-careers", count=n) }}"#;
        let template = template.replace("n)", "2)");
        assert_eq!(
            render(&template, Some("es")).expect("renders"),
            "Inicio: 2 carreras"
        );
        assert_eq!(
            render(&template, Some("fr")).expect("renders"),
            "Accueil: 2 métiers"
        );
        assert_eq!(render(&template, None).expect("renders"), "Home: 2 careers");
        let explicit = r#"{{ t(key="nav-home", lang="fr") }}"#;
        assert_eq!(render(explicit, Some("es")).expect("renders"), "Accueil");
    }

    #[test]
    fn t_escapes_text_arguments_but_not_the_message() {
        let html = render(r#"{{ t(key="list-careers", count="<b>") }}"#, None).expect("renders");
        assert!(html.contains("&lt;b&gt;"), "{html}");
    }

    #[test]
    fn the_message_map_holds_plain_messages_in_the_language_and_prints_what_t_prints() {
        let catalog = Catalog::builtin("en");
        let mut tera = Tera::new();
        register(&mut tera, Arc::new(catalog));
        tera.add_raw_template(
            "page.html",
            r#"{{ msg["nav-home"] }}|{{ t(key="nav-home") }}|{{ msg["list-careers"] | default(value="none") }}"#,
        )
        .expect("template compiles");
        let render = |lang: &str| {
            let catalog = Catalog::builtin("en");
            let mut context = tera::Context::new();
            context.insert("lang", lang);
            context.insert_value(MESSAGE_MAP, message_map(catalog.messages(lang)));
            tera.render("page.html", &context).expect("renders")
        };
        // A message with an argument (`list-careers` counts) is left to `t`.
        assert_eq!(render("es"), "Inicio|Inicio|none");
        assert_eq!(render("en"), "Home|Home|none");
    }

    #[test]
    fn an_unknown_key_is_a_render_error_naming_it() {
        let err = render(r#"{{ t(key="no-such-message") }}"#, None).expect_err("fails");
        assert!(format!("{err:?}").contains("no-such-message"), "{err:?}");
    }
}
