//! Shortcodes in Markdown, rendered with Tera like Zola's: inline
//! `{{ name(arg="v", n=3) }}` and `{% name(arg="v") %}body{% end %}`, each
//! from the template `shortcodes/<name>.html` of the site or, failing that,
//! of the theme. Calls inside code spans and code blocks stay text.
//!
//! A text is rendered in three steps: [`parse`] finds the calls, the
//! Markdown renderer replaces each by a placeholder word and renders the
//! rest, and the placeholders are then swapped for each call's HTML. The
//! figures by reference (`median_pay`, `growth`, `quick_facts`) read the
//! named guide's own view, so that they show what its page shows.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use tera::Context;

use crate::content::guide::Guide;
use crate::content::index::{GuideIndex, Reason};
use crate::diagnostics::{Diagnostic, Position, suggest};
use crate::render::context::{Formatter, RenderedMarkdown};
use crate::render::markdown::{Links, Origin, PageIds};
use crate::render::templates::Templates;

/// The folder below `templates/` that holds shortcode templates.
pub const TEMPLATE_DIR: &str = "shortcodes";

/// The shortcodes of the default theme, with the arguments each takes
/// (required ones first) and whether it takes a body.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "callout",
        required: &[],
        optional: &["kind", "title"],
        body: true,
    },
    Builtin {
        name: "figure",
        required: &["src"],
        optional: &["alt", "caption", "decorative"],
        body: false,
    },
    Builtin {
        name: "median_pay",
        required: &["guide"],
        optional: &[],
        body: false,
    },
    Builtin {
        name: "growth",
        required: &["guide"],
        optional: &[],
        body: false,
    },
    Builtin {
        name: "quick_facts",
        required: &["guide"],
        optional: &[],
        body: false,
    },
];

/// The kinds a `callout` may be.
pub const CALLOUT_KINDS: &[&str] = &["tip", "note", "warning"];

/// A built-in shortcode's signature.
#[derive(Debug)]
pub struct Builtin {
    pub name: &'static str,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    /// Whether it is written with a body (`{% callout() %}…{% end %}`).
    pub body: bool,
}

/// An argument's value, as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Value {
    fn describe(&self) -> String {
        match self {
            Value::Str(s) => format!("the text \"{s}\""),
            Value::Int(n) => format!("the number {n}"),
            Value::Float(n) => format!("the number {n}"),
            Value::Bool(b) => format!("`{b}`"),
        }
    }
}

/// One argument of a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: String,
    pub value: Value,
    /// Byte offset of the argument's name in the text.
    pub offset: usize,
}

/// One shortcode call found in a Markdown text.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Arg>,
    /// The whole call in the text, from `{{`/`{%` to `}}`/`{% end %}`.
    pub range: Range<usize>,
    /// The body of a `{% … %}` call, without the newline after its `%}`.
    pub body: Option<Range<usize>>,
}

impl Call {
    /// The argument `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|a| a.name == name)
    }

    /// The call as written up to its closing `)`, for messages.
    pub fn shown(&self, text: &str) -> String {
        let start = self.range.start;
        let end = text[start..]
            .find(')')
            .map_or(self.range.end, |i| start + i + 1);
        let written = text[start..end].trim_start_matches(['{', '%']).trim();
        format!("`{written}`")
    }
}

/// A call that cannot be read, at byte `offset`.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

/// The byte ranges of code spans and code blocks in `text`, in which
/// shortcodes are not looked for.
fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let parser = Parser::new_ext(text, super::markdown::options()).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => ranges.push(range),
            Event::End(TagEnd::CodeBlock) => {}
            _ => {}
        }
    }
    ranges
}

/// Every shortcode call in `text` outside code, in order, and every call
/// that cannot be read. Calls inside a body are left to the body's own
/// rendering.
pub fn parse(text: &str) -> (Vec<Call>, Vec<SyntaxError>) {
    let mut calls = Vec::new();
    let mut errors = Vec::new();
    if !text.contains("{{") && !text.contains("{%") {
        return (calls, errors);
    }
    let code = code_ranges(text);
    let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
    let mut at = 0;
    while let Some(found) = next_open(text, at) {
        if in_code(found) {
            at = found + 2;
            continue;
        }
        let block = text[found..].starts_with("{%");
        if block && is_end(text, found).is_some() {
            errors.push(SyntaxError {
                offset: found,
                message: "expected a shortcode before `{% end %}`, found none open".to_string(),
                help: Some("a body is written `{% callout(kind=\"tip\") %}…{% end %}`".to_string()),
            });
            at = found + 2;
            continue;
        }
        match read_call(text, found) {
            Ok(None) => at = found + 2,
            Ok(Some((name, args, end))) => {
                if !block {
                    calls.push(Call {
                        name,
                        args,
                        range: found..end,
                        body: None,
                    });
                    at = end;
                    continue;
                }
                match find_end(text, end, &in_code) {
                    Some((body_end, call_end)) => {
                        let body_start = if text[end..].starts_with("\r\n") {
                            end + 2
                        } else if text[end..].starts_with('\n') {
                            end + 1
                        } else {
                            end
                        };
                        calls.push(Call {
                            name,
                            args,
                            range: found..call_end,
                            body: Some(body_start..body_end.max(body_start)),
                        });
                        at = call_end;
                    }
                    None => {
                        errors.push(SyntaxError {
                            offset: found,
                            message: format!(
                                "expected `{{% end %}}` closing the body of `{name}`, found the end of the text"
                            ),
                            help: Some(format!(
                                "without a body, write `{{{{ {name}(…) }}}}`"
                            )),
                        });
                        at = end;
                    }
                }
            }
            Err(error) => {
                at = error.offset.max(found + 2);
                errors.push(error);
            }
        }
    }
    (calls, errors)
}

/// The next `{{` or `{%` at or after `at`.
fn next_open(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let i = rest.find('{').map(|i| at + i)?;
    match text.as_bytes().get(i + 1) {
        Some(b'{' | b'%') => Some(i),
        _ => next_open(text, i + 1),
    }
}

/// The end of `{% end %}` when one starts at `at`.
fn is_end(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix("{%")?;
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let after = trimmed.strip_prefix("end")?;
    let after_ws = after.trim_start_matches([' ', '\t']);
    let close = after_ws.strip_prefix("%}")?;
    Some(text.len() - close.len())
}

/// Where the `{% end %}` closing a body that starts at `from` begins and
/// ends, counting the bodies opened inside it.
fn find_end(text: &str, from: usize, in_code: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut at = from;
    while let Some(found) = next_open(text, at) {
        if in_code(found) || !text[found..].starts_with("{%") {
            at = found + 2;
            continue;
        }
        if let Some(end) = is_end(text, found) {
            if depth == 0 {
                return Some((found, end));
            }
            depth -= 1;
            at = end;
        } else if let Ok(Some((_, _, end))) = read_call(text, found) {
            depth += 1;
            at = end;
        } else {
            at = found + 2;
        }
    }
    None
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        at += c.len_utf8();
    }
    at
}

fn read_name(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '_') {
        return None;
    }
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    Some((rest[..len].to_string(), at + len))
}

type Read = (String, Vec<Arg>, usize);

/// Reads the call opening at `start` (`{{` or `{%`): `Ok(None)` when the
/// text there is no shortcode (`{{` followed by anything but `name(`), so
/// that it stays text; else its name, arguments and the end of its closing
/// `}}` or `%}`.
fn read_call(text: &str, start: usize) -> Result<Option<Read>, SyntaxError> {
    let block = text[start..].starts_with("{%");
    let close = if block { "%}" } else { "}}" };
    let at = skip_spaces(text, start + 2);
    let Some((name, after_name)) = read_name(text, at) else {
        return Ok(None);
    };
    let at = skip_spaces(text, after_name);
    if !text[at..].starts_with('(') {
        return Ok(None);
    }
    let error = |offset: usize, message: String, help: Option<String>| SyntaxError {
        offset,
        message,
        help,
    };
    let mut args: Vec<Arg> = Vec::new();
    let mut at = skip_spaces(text, at + 1);
    loop {
        if text[at..].starts_with(')') {
            at += 1;
            break;
        }
        let Some((arg, after)) = read_name(text, at) else {
            return Err(error(
                at,
                format!(
                    "expected an argument name or `)` in the shortcode `{name}`, found {}",
                    found_here(text, at)
                ),
                Some(format!("arguments are written `{name}(kind=\"tip\", n=3)`")),
            ));
        };
        let eq = skip_spaces(text, after);
        if !text[eq..].starts_with('=') {
            return Err(error(
                eq,
                format!(
                    "expected `=` after the argument `{arg}` of `{name}`, found {}",
                    found_here(text, eq)
                ),
                Some(format!("write `{arg}=\"…\"`")),
            ));
        }
        let value_at = skip_spaces(text, eq + 1);
        let (value, after_value) = read_value(text, value_at).ok_or_else(|| {
            error(
                value_at,
                format!(
                    "expected a value for `{arg}` of `{name}` (a quoted text, a number, true or false), found {}",
                    found_here(text, value_at)
                ),
                Some("quote text: `guide=\"account-manager\"`".to_string()),
            )
        })?;
        if args.iter().any(|a| a.name == arg) {
            return Err(error(
                at,
                format!("expected each argument once, found `{arg}` twice in `{name}`"),
                None,
            ));
        }
        args.push(Arg {
            name: arg,
            value,
            offset: at,
        });
        at = skip_spaces(text, after_value);
        if text[at..].starts_with(',') {
            at = skip_spaces(text, at + 1);
        } else if !text[at..].starts_with(')') {
            return Err(error(
                at,
                format!(
                    "expected `,` or `)` after an argument of `{name}`, found {}",
                    found_here(text, at)
                ),
                None,
            ));
        }
    }
    let at = skip_spaces(text, at);
    if !text[at..].starts_with(close) {
        return Err(error(
            at,
            format!(
                "expected `{close}` closing the shortcode `{name}`, found {}",
                found_here(text, at)
            ),
            Some(if block {
                format!("a call with a body is written `{{% {name}(…) %}}…{{% end %}}`")
            } else {
                format!("a call is written `{{{{ {name}(…) }}}}`")
            }),
        ));
    }
    Ok(Some((name, args, at + 2)))
}

/// The text at `at`, for messages: its next few characters, or the end.
fn found_here(text: &str, at: usize) -> String {
    let rest: String = text[at..]
        .chars()
        .take_while(|c| *c != '\n')
        .take(12)
        .collect();
    if rest.is_empty() {
        "the end of the line".to_string()
    } else {
        format!("`{rest}`")
    }
}

fn read_value(text: &str, at: usize) -> Option<(Value, usize)> {
    let rest = &text[at..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let mut value = String::new();
        let mut chars = rest.char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    let (_, escaped) = chars.next()?;
                    value.push(escaped);
                }
                c if c == quote => return Some((Value::Str(value), at + i + 1)),
                '\n' => return None,
                c => value.push(c),
            }
        }
        return None;
    }
    for (word, value) in [("true", true), ("false", false)] {
        if rest.starts_with(word)
            && !rest[word.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return Some((Value::Bool(value), at + word.len()));
        }
    }
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '.'))
        .unwrap_or(rest.len());
    let number = &rest[..len];
    if let Ok(n) = number.parse::<i64>() {
        return Some((Value::Int(n), at + len));
    }
    number
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(|n| (Value::Float(n), at + len))
}

/// What rendering a site's shortcodes needs: its templates and guides.
pub struct Shortcodes<'a> {
    pub templates: &'a Templates,
    pub formatter: &'a Formatter<'a>,
    pub guides: &'a [Guide],
    pub index: &'a GuideIndex,
    /// The output path of the page being rendered, for template errors.
    pub page: &'a str,
}

/// A shortcode that cannot be rendered: a message and an optional hint,
/// placed at byte `offset` of the text.
#[derive(Debug)]
pub struct CallError {
    pub offset: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Shortcodes<'_> {
    /// The names of every shortcode the site can call.
    fn known(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .templates
            .names()
            .filter_map(|n| n.strip_prefix("shortcodes/")?.strip_suffix(".html"))
            .collect();
        names.sort_unstable();
        names
    }

    /// Whether the site's own `templates/shortcodes/<name>.html` replaces
    /// the theme's: its arguments are then its own.
    fn is_site_own(&self, name: &str) -> bool {
        self.templates
            .source_path(&template_name(name))
            .starts_with("templates")
    }

    /// Checks `call` and builds the template context for it, `body_html`
    /// being its body already rendered; `links` resolve `@/` paths.
    pub fn context(
        &self,
        call: &Call,
        text: &str,
        body_html: Option<String>,
        links: &Links<'_>,
    ) -> Result<Context, CallError> {
        let root = links.root;
        let at_call = |message: String, help: Option<String>| CallError {
            offset: call.range.start,
            message,
            help,
        };
        let shown = call.shown(text);
        let known = self.known();
        if !known.contains(&call.name.as_str()) {
            let help = match suggest(&call.name, &known) {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!(
                    "the shortcodes here are {}; add your own as templates/shortcodes/{}.html",
                    known
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    call.name
                ),
            };
            return Err(at_call(
                format!("expected a known shortcode, found {shown}"),
                Some(help),
            ));
        }
        let builtin = BUILTINS
            .iter()
            .find(|b| b.name == call.name)
            .filter(|_| !self.is_site_own(&call.name));
        if let Some(builtin) = builtin {
            check_signature(builtin, call, &shown)?;
        }
        let mut context = Context::new();
        for arg in &call.args {
            context.insert(arg.name.clone(), &arg.value);
        }
        if let Some(body) = &body_html {
            context.insert("body", body);
        }
        if call.name == "callout" {
            let kind = match call.arg("kind").map(|a| &a.value) {
                None => "note",
                Some(Value::Str(kind)) if CALLOUT_KINDS.contains(&kind.as_str()) => kind,
                Some(other) => {
                    let offset = call.arg("kind").map_or(call.range.start, |a| a.offset);
                    let found = match other {
                        Value::Str(s) => s.as_str(),
                        _ => "",
                    };
                    return Err(CallError {
                        offset,
                        message: format!(
                            "expected `kind` of {shown} to be \"tip\", \"note\" or \"warning\", found {}",
                            other.describe()
                        ),
                        help: suggest(found, CALLOUT_KINDS)
                            .map(|k| format!("did you mean \"{k}\"?")),
                    });
                }
            };
            context.insert("kind", kind);
        }
        if call.name == "figure" && builtin.is_some() {
            figure_alt(call, &shown)?;
        }
        if call.name == "figure"
            && let Some(arg) = call.arg("src")
            && let Value::Str(src) = &arg.value
        {
            match links.show_image(src) {
                Ok(Some(described)) => context.insert("image", &described.shown),
                Ok(None) => {}
                Err(message) => {
                    return Err(CallError {
                        offset: arg.offset,
                        message,
                        help: None,
                    });
                }
            }
        }
        if call.name == "figure"
            && let Some(arg) = call.arg("src")
            && let Value::Str(src) = &arg.value
            && let Some(target) = src.strip_prefix("@/")
        {
            match links.resolve(target) {
                Ok(url) => context.insert("src", &url),
                Err(found) => {
                    let (message, help) = found.unwrap_or_else(|| {
                        (format!("expected `src` of {shown} to name a file"), None)
                    });
                    return Err(CallError {
                        offset: arg.offset,
                        message,
                        help,
                    });
                }
            }
        }
        if matches!(call.name.as_str(), "median_pay" | "growth" | "quick_facts") {
            self.insert_guide(call, &shown, root, &mut context)?;
        }
        Ok(context)
    }

    /// Looks up the guide a figure by reference names and puts its page's
    /// view in `context` as `guide`, with `href`, its page.
    fn insert_guide(
        &self,
        call: &Call,
        shown: &str,
        root: &str,
        context: &mut Context,
    ) -> Result<(), CallError> {
        let arg = call.arg("guide");
        let offset = arg.map_or(call.range.start, |a| a.offset);
        let Some(Value::Str(slug)) = arg.map(|a| &a.value) else {
            return Err(CallError {
                offset,
                message: format!("expected `guide` of {shown} to be a guide's slug in quotes"),
                help: Some(format!("write `{}(guide=\"account-manager\")`", call.name)),
            });
        };
        let Some(i) = self.index.by_slug(slug) else {
            let (message, help) = match self.index.unavailable_slug(slug) {
                Some(Reason::Draft) => (
                    format!("expected {shown} to name a published guide, found `{slug}`, a draft"),
                    Some("build with `--drafts`, or publish that guide".to_string()),
                ),
                // The guide's own errors say why it failed.
                Some(Reason::Failed) => (
                    format!(
                        "expected {shown} to name a guide that loads, found `{slug}`, which has errors"
                    ),
                    None,
                ),
                None => {
                    let slugs: Vec<&str> = self.index.slugs().collect();
                    (
                        format!(
                            "expected {shown} to name a guide, found `{slug}`, which names no guide"
                        ),
                        suggest(slug, &slugs).map(|s| format!("did you mean \"{s}\"?")),
                    )
                }
            };
            return Err(CallError {
                offset,
                message,
                help,
            });
        };
        let guide = &self.guides[i];
        let view =
            self.formatter
                .guide_view(guide, self.guides, self.index, RenderedMarkdown::default());
        let missing = match call.name.as_str() {
            "median_pay" => view
                .pay
                .as_ref()
                .and_then(|p| p.median.as_ref())
                .is_none()
                .then_some("a median pay (`salary.median`)"),
            "growth" => view
                .outlook
                .as_ref()
                .and_then(|o| o.growth_percent.as_ref())
                .is_none()
                .then_some("projected growth (`outlook.growth_percent`)"),
            _ => view
                .quick_facts
                .is_empty()
                .then_some("quick facts (pay, education or outlook)"),
        };
        if let Some(missing) = missing {
            return Err(CallError {
                offset,
                message: format!(
                    "expected the guide `{slug}` named by {shown} to have {missing}, found none"
                ),
                help: Some(format!(
                    "add it to {}/{}, or leave the figure out",
                    crate::content::load::CONTENT_DIR,
                    guide.content_path
                )),
            });
        }
        context.insert("href", &format!("{root}{}/", guide.slug));
        context.insert("guide", &view);
        Ok(())
    }

    /// Renders `call` with `context`.
    pub fn render(&self, call: &Call, context: &Context) -> Result<String, CallError> {
        let name = template_name(&call.name);
        self.templates
            .render(&name, context, self.page)
            // The template file's last newline is no part of the output:
            // an inline call runs on with the sentence around it.
            .map(|html| html.trim().to_string())
            .map_err(|d| CallError {
                offset: call.range.start,
                message: format!("cannot render the shortcode `{}`: {}", call.name, d.message),
                help: Some(match d.position {
                    Some(p) => format!("in {}:{}:{}", d.path.display(), p.line, p.column),
                    None => format!("in {}", d.path.display()),
                }),
            })
    }
}

/// A Markdown text with its shortcode calls replaced by placeholder words,
/// and the HTML each placeholder stands for.
pub struct Expanded<'t> {
    pub text: std::borrow::Cow<'t, str>,
    /// Where each stretch of `text` starts, where it came from in the
    /// original, and whether it is a placeholder; sorted.
    segments: Vec<(usize, usize, bool)>,
    outputs: Vec<(String, String)>,
}

impl<'t> Expanded<'t> {
    fn plain(text: &'t str) -> Self {
        Expanded {
            text: std::borrow::Cow::Borrowed(text),
            segments: Vec::new(),
            outputs: Vec::new(),
        }
    }

    /// The offset in the original text of byte `offset` of `text`; a
    /// placeholder maps to the start of its call.
    pub fn original_offset(&self, offset: usize) -> usize {
        match self
            .segments
            .partition_point(|s| s.0 <= offset)
            .checked_sub(1)
        {
            None => offset,
            Some(i) => {
                let (expanded, original, placeholder) = self.segments[i];
                if placeholder {
                    original
                } else {
                    original + (offset - expanded)
                }
            }
        }
    }

    /// `html` rendered from `text`, with each placeholder replaced by its
    /// call's HTML; a placeholder alone in a paragraph takes its place.
    pub fn finish(&self, mut html: String) -> String {
        for (placeholder, output) in &self.outputs {
            let paragraph = format!("<p>{placeholder}</p>");
            if starts_with_block(output) && html.contains(&paragraph) {
                html = html.replace(&paragraph, output);
            }
            html = html.replace(placeholder.as_str(), output);
        }
        html
    }
}

/// Whether `html` opens with a block element (`<figure>`, `<aside>` …),
/// which must not sit inside a paragraph.
fn starts_with_block(html: &str) -> bool {
    const BLOCKS: &[&str] = &[
        "address",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ];
    let Some(rest) = html.trim_start().strip_prefix('<') else {
        return false;
    };
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    BLOCKS.contains(&name.as_str())
}

/// Renders every shortcode call of `text` (a no-op for a renderer without
/// shortcodes) and returns the text with placeholders for their HTML.
/// Errors go to `diagnostics`, placed at the call.
pub fn expand<'t>(
    text: &'t str,
    links: &Links<'_>,
    origin: Origin<'_>,
    ids: &mut PageIds<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Expanded<'t> {
    let Some(shortcodes) = links.shortcodes else {
        return Expanded::plain(text);
    };
    let (calls, errors) = parse(text);
    let located = |message: String, help: Option<String>, offset: usize| {
        let mut diagnostic = Diagnostic::error(origin.path, message);
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        }
        origin.locate(diagnostic, text, offset)
    };
    for error in errors {
        diagnostics.push(located(error.message, error.help, error.offset));
    }
    if calls.is_empty() {
        return Expanded::plain(text);
    }
    // A word Markdown leaves alone and the text does not hold.
    let mut prefix = String::from("cgshortcode");
    while text.contains(&prefix) {
        prefix.push('x');
    }
    let mut expanded = String::with_capacity(text.len());
    let mut segments = Vec::with_capacity(calls.len() * 2 + 1);
    let mut outputs = Vec::with_capacity(calls.len());
    let mut at = 0;
    for (i, call) in calls.iter().enumerate() {
        segments.push((expanded.len(), at, false));
        expanded.push_str(&text[at..call.range.start]);
        let body_html = call.body.clone().map(|body| {
            let body_origin = Origin {
                first_line: origin
                    .first_line
                    .map(|line| Position::of_offset(text, body.start, line).line),
                ..origin
            };
            super::markdown::render_block(&text[body], links, body_origin, ids, diagnostics)
        });
        if call.name == "figure"
            && let Some(arg) = call.arg("src")
            && let Value::Str(src) = &arg.value
            && let Ok(Some(described)) = links.show_image(src)
            && let Some(message) = described.over_budget
        {
            let warning =
                Diagnostic::warning(origin.path, message).with_help(super::images::BUDGET_HELP);
            diagnostics.push(origin.locate(warning, text, arg.offset));
        }
        let html = shortcodes
            .context(call, text, body_html, links)
            .and_then(|context| shortcodes.render(call, &context));
        let html = match html {
            Ok(html) => html,
            Err(error) => {
                diagnostics.push(located(error.message, error.help, error.offset));
                String::new()
            }
        };
        let placeholder = format!("{prefix}{i}e");
        segments.push((expanded.len(), call.range.start, true));
        expanded.push_str(&placeholder);
        outputs.push((placeholder, html));
        at = call.range.end;
    }
    segments.push((expanded.len(), at, false));
    expanded.push_str(&text[at..]);
    Expanded {
        text: std::borrow::Cow::Owned(expanded),
        segments,
        outputs,
    }
}

/// A built-in `figure` has alt text, or says `decorative=true` and has none.
fn figure_alt(call: &Call, shown: &str) -> Result<(), CallError> {
    let decorative = call.arg("decorative");
    let alt = call.arg("alt").and_then(|a| match &a.value {
        Value::Str(alt) if !alt.trim().is_empty() => Some(a),
        _ => None,
    });
    match (decorative.map(|d| &d.value), alt) {
        (Some(Value::Bool(true)), None) | (None | Some(Value::Bool(false)), Some(_)) => Ok(()),
        (Some(Value::Bool(true)), Some(alt)) => Err(CallError {
            offset: alt.offset,
            message: format!("expected no `alt` on {shown}, which is decorative, found some"),
            help: Some("a decorative image is hidden from screen readers: remove `alt`, or `decorative=true` if the image says something".to_string()),
        }),
        _ => Err(CallError {
            offset: call.range.start,
            message: format!("expected {shown} to have `alt`, found none"),
            help: Some("say what the image shows: `alt=\"A nurse checks a chart\"`; an image that only decorates takes `decorative=true` instead".to_string()),
        }),
    }
}

/// `shortcodes/<name>.html`.
pub fn template_name(name: &str) -> String {
    format!("{TEMPLATE_DIR}/{name}.html")
}

fn check_signature(builtin: &Builtin, call: &Call, shown: &str) -> Result<(), CallError> {
    let allowed: Vec<&str> = builtin
        .required
        .iter()
        .chain(builtin.optional)
        .copied()
        .collect();
    for arg in &call.args {
        if !allowed.contains(&arg.name.as_str()) {
            let help = match suggest(&arg.name, &allowed) {
                Some(name) => format!("did you mean `{name}`?"),
                None if allowed.is_empty() => format!("`{}` takes no arguments", builtin.name),
                None => format!(
                    "`{}` takes {}",
                    builtin.name,
                    allowed
                        .iter()
                        .map(|a| format!("`{a}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(CallError {
                offset: arg.offset,
                message: format!(
                    "expected an argument of `{}`, found `{}`",
                    builtin.name, arg.name
                ),
                help: Some(help),
            });
        }
        let flag = arg.name == "decorative" && matches!(arg.value, Value::Bool(_));
        if !matches!(arg.value, Value::Str(_)) && !flag {
            return Err(CallError {
                offset: arg.offset,
                message: format!(
                    "expected `{}` of {shown} to be text in quotes, found {}",
                    arg.name,
                    arg.value.describe()
                ),
                help: None,
            });
        }
    }
    for required in builtin.required {
        let given = call.arg(required).map(|a| &a.value);
        if given.is_none_or(|v| matches!(v, Value::Str(s) if s.trim().is_empty())) {
            return Err(CallError {
                offset: call.range.start,
                message: format!(
                    "expected {shown} to have `{required}`, found {}",
                    if given.is_some() { "it empty" } else { "none" }
                ),
                help: Some(format!(
                    "`{}` needs {}",
                    builtin.name,
                    builtin
                        .required
                        .iter()
                        .map(|a| format!("`{a}=\"…\"`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                )),
            });
        }
    }
    match (builtin.body, call.body.is_some()) {
        (true, false) => Err(CallError {
            offset: call.range.start,
            message: format!("expected {shown} to have a body, found none"),
            help: Some(format!(
                "write `{{% {}(…) %}}` Markdown here `{{% end %}}`",
                builtin.name
            )),
        }),
        (false, true) => Err(CallError {
            offset: call.range.start,
            message: format!("expected {shown} without a body, found one"),
            help: Some(format!("write `{{{{ {}(…) }}}}`", builtin.name)),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        parse(text).0.into_iter().map(|c| c.name).collect()
    }

    #[test]
    fn inline_and_block_calls_are_found_with_their_arguments() {
        let text = "a {{ median_pay(guide=\"x\", n=3, f=1.5, b=true) }} b\n\n{% callout(kind='tip') %}\nBody {{ growth(guide=\"y\") }}\n{% end %}\n";
        let (calls, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].name, "median_pay");
        assert_eq!(
            calls[0].args.iter().map(|a| &a.value).collect::<Vec<_>>(),
            [
                &Value::Str("x".into()),
                &Value::Int(3),
                &Value::Float(1.5),
                &Value::Bool(true)
            ]
        );
        let body = calls[1].body.clone().expect("a body");
        assert_eq!(&text[body], "Body {{ growth(guide=\"y\") }}\n");
        assert!(text[calls[1].range.clone()].ends_with("{% end %}"));
    }

    #[test]
    fn calls_in_code_stay_text() {
        assert!(
            names("`{{ figure(src=\"a\") }}`\n\n```\n{{ growth(guide=\"x\") }}\n```\n").is_empty()
        );
        assert_eq!(names("`x` {{ growth(guide=\"x\") }}"), ["growth"]);
    }

    #[test]
    fn braces_that_are_no_call_stay_text() {
        assert!(names("{{ not a call }} and {% raw %} and {").is_empty());
        assert!(parse("{{ }} {%").1.is_empty());
    }

    #[test]
    fn nested_bodies_close_at_their_own_end() {
        let text =
            "{% callout() %}\n{% callout(kind=\"tip\") %}\ninner\n{% end %}\nouter\n{% end %}\n";
        let (calls, errors) = parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(calls.len(), 1);
        let body = &text[calls[0].body.clone().expect("body")];
        assert!(body.ends_with("outer\n"), "{body}");
    }

    #[test]
    fn unreadable_calls_are_errors_at_their_place() {
        let (_, errors) = parse("x {{ growth(guide=account) }}");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].offset, 18);
        let (_, errors) = parse("{% callout() %}\nno end\n");
        assert!(errors[0].message.contains("{% end %}"), "{errors:?}");
        let (_, errors) = parse("{% end %}");
        assert!(errors[0].message.contains("none open"), "{errors:?}");
        let (_, errors) = parse("{{ growth(guide=\"a\") %}");
        assert!(errors[0].message.contains("`}}`"), "{errors:?}");
    }
}
