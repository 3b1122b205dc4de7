//! Problems found in a site's input, carried as data so that a build can
//! collect every one of them before reporting.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A position in a source file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }

    /// The position of byte `offset` in `text`, whose first line is `first_line`.
    pub fn of_offset(text: &str, offset: usize, first_line: usize) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = first_line + before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        Position { line, column }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    pub position: Option<Position>,
    /// The field path inside the front matter or config (`salary.median`).
    pub field: Option<String>,
    /// What was expected and what was found.
    pub message: String,
    /// A suggestion ("did you mean `duties`?") or a pointer to the fix.
    pub help: Option<String>,
    /// The offending source line, for the code frame.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// What kind of problem this is (`unlinked-guide`), for summaries that
    /// count problems of one kind instead of listing each.
    #[serde(skip)]
    pub kind: Option<&'static str>,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            position: None,
            field: None,
            message: message.into(),
            help: None,
            source_line: None,
            kind: None,
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Names the field; an empty path (the whole document) names none.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    /// Sets the kind of problem, by which [`summarize`] counts warnings.
    pub fn with_kind(mut self, kind: &'static str) -> Self {
        self.kind = Some(kind);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the diagnostic at `position` of `source`, keeping that line for the code frame.
    pub fn at(mut self, position: Position, source: &str) -> Self {
        self.source_line = source
            .lines()
            .nth(position.line.saturating_sub(1))
            .map(|line| line.trim_end_matches('\r').to_string());
        self.position = Some(position);
        self
    }

    /// Places the diagnostic at `position` without a code frame.
    pub fn at_position(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The one-line form: `path:line:col: error: field: message`, with the
    /// field as people count (`career_path, step 3`, not `career_path[2]`).
    pub fn headline(&self) -> String {
        let mut out = self.path.display().to_string();
        if let Some(pos) = self.position {
            out.push_str(&format!(":{}:{}", pos.line, pos.column));
        }
        out.push_str(&format!(": {}: ", self.severity));
        if let Some(field) = self.field.as_deref().filter(|f| !f.is_empty()) {
            out.push_str(&human_field(field));
            out.push_str(": ");
        }
        out.push_str(&self.message);
        out
    }

    /// The headline followed by a code frame and the help line.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.headline();
        out.push('\n');
        if let (Some(pos), Some(line)) = (self.position, &self.source_line) {
            let start = line
                .char_indices()
                .nth(pos.column.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            let end = token_end(line, start);
            let level = match self.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let path = self.path.display().to_string();
            let label = self.field.as_deref().map(human_field).unwrap_or_default();
            let report = &[level.primary_title(self.message.as_str()).element(
                Snippet::source(line.as_str())
                    .line_start(pos.line)
                    .path(path.as_str())
                    .annotation(
                        AnnotationKind::Primary
                            .span(start..end)
                            .label(label.as_str()),
                    ),
            )];
            let renderer = if color {
                Renderer::styled()
            } else {
                Renderer::plain()
            };
            let frame = renderer.render(report);
            // The first line repeats the headline's message; keep only the frame.
            for frame_line in frame.lines().skip(1) {
                out.push_str(frame_line);
                out.push('\n');
            }
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("  = help: {help}\n"));
        }
        out
    }
}

/// The end of the token starting at `start`: a scalar up to a flow separator,
/// or a single character.
fn token_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    // A quoted scalar runs to its closing quote, commas and all.
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
        && let Some(close) = rest[1..].find(quote)
    {
        return start + close + 2;
    }
    // In block context (no open `[` or `{` before it) a plain scalar runs
    // to the end of the line or a comment, commas and all: `757,220`.
    let open = line[..start]
        .chars()
        .map(|c| match c {
            '[' | '{' => 1i32,
            ']' | '}' => -1,
            _ => 0,
        })
        .sum::<i32>();
    let token = if open > 0 {
        rest.split([',', '}', ']']).next().unwrap_or("")
    } else {
        rest.split(" #").next().unwrap_or("")
    };
    // A mapping key ends at its colon.
    let token = match token.find(": ") {
        Some(colon) => &token[..colon],
        None => token.strip_suffix(':').unwrap_or(token),
    }
    .trim_end();
    let len = if token.is_empty() {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        token.len()
    };
    start + len
}

/// A field path as people count: list items from 1, named in words.
/// `career_path[2].guide` → `career_path, step 3, guide`;
/// `duties[0]` → `duties, item 1`; `salary.median` stays. Machine output keeps the path itself.
pub fn human_field(field: &str) -> String {
    let mut out = String::with_capacity(field.len() + 8);
    let mut rest = field;
    let mut list = "";
    let mut after_index = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']').unwrap_or(after.len());
            let index = &after[..close];
            let noun = if list == "career_path" {
                "step"
            } else {
                "item"
            };
            match index.parse::<usize>() {
                Ok(i) => out.push_str(&format!(", {noun} {}", i + 1)),
                Err(_) => out.push_str(&format!("[{index}]")),
            }
            rest = after.get(close + 1..).unwrap_or("");
            after_index = true;
        } else if let Some(after) = rest.strip_prefix('.') {
            // `salary.median` stays; a key after an item reads as a list.
            out.push_str(if after_index { ", " } else { "." });
            rest = after;
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            list = &rest[..end];
            out.push_str(list);
            rest = &rest[end..];
            after_index = false;
        }
    }
    out
}

/// The warnings among `diagnostics` counted, one line per kind ("1,016
/// guides are not linked from another guide — run `careergen check` to list
/// them"), for `build` and `serve`, whose output must not bury an error
/// under warnings.
pub fn summarize(diagnostics: &[Diagnostic]) -> Vec<String> {
    // Kinds in order of first appearance, so the summary is stable.
    let mut kinds: Vec<(String, usize)> = Vec::new();
    for diagnostic in diagnostics {
        if diagnostic.is_error() {
            continue;
        }
        let kind = warning_kind(diagnostic);
        match kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, count)) => *count += 1,
            None => kinds.push((kind, 1)),
        }
    }
    kinds
        .into_iter()
        .map(|(kind, count)| {
            let them = if count == 1 { "it" } else { "them" };
            format!(
                "{} — run `careergen check` to list {them}",
                kind_summary(&kind, count)
            )
        })
        .collect()
}

/// The kind a warning is counted under: its set kind, or else what its
/// message expected (`expected a review within the last two years`).
fn warning_kind(diagnostic: &Diagnostic) -> String {
    if let Some(kind) = diagnostic.kind {
        return kind.to_string();
    }
    let message = diagnostic.message.as_str();
    let cut = message.find(", found").unwrap_or(message.len());
    message[..cut].to_string()
}

/// "1,016 guides are not linked from another guide".
fn kind_summary(kind: &str, count: usize) -> String {
    let one = count == 1;
    let n = group_thousands(count);
    let (noun, verb) = if one {
        ("guide", "is")
    } else {
        ("guides", "are")
    };
    match kind {
        kinds::UNLINKED => format!("{n} {noun} {verb} not linked from another guide"),
        kinds::INCOMPLETE => {
            format!("{n} {noun} {verb} incomplete (no pay, outlook or requirements)")
        }
        kinds::STALE_REVIEW => {
            format!("{n} {noun} {verb} not reviewed within the last two years")
        }
        kinds::LONG_SUMMARY => format!(
            "{n} {noun} {} a summary longer than a meta description (160 characters)",
            if one { "has" } else { "have" }
        ),
        kinds::SPELLING => format!(
            "{n} {} written in two spellings that make one browse page",
            if one { "name is" } else { "names are" }
        ),
        kinds::MISSING_ALT => format!(
            "{n} {} no alt text saying what {} shows",
            if one { "image has" } else { "images have" },
            if one { "it" } else { "each" }
        ),
        kinds::DANGLING_LINK => format!(
            "{n} symbolic {} to nothing and {} left out",
            if one { "link leads" } else { "links lead" },
            if one { "was" } else { "were" }
        ),
        kinds::MISSING_MESSAGE => format!(
            "{n} {} missing in a language and {} in another",
            if one { "message is" } else { "messages are" },
            if one { "shows" } else { "show" }
        ),
        other => format!("{n} warning{}: {other}", if one { "" } else { "s" }),
    }
}

/// `1016` → `1,016`, for counts in English output.
fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Kinds of warnings that come in numbers on large sites, each summed up
/// in one line by [`summarize`].
pub mod kinds {
    /// A published guide no other guide links to.
    pub const UNLINKED: &str = "unlinked-guide";
    /// A published guide without pay, outlook or requirements.
    pub const INCOMPLETE: &str = "incomplete-guide";
    /// A `last_reviewed` date more than two years old.
    pub const STALE_REVIEW: &str = "stale-review";
    /// A summary longer than a meta description.
    pub const LONG_SUMMARY: &str = "long-summary";
    /// Two spellings of a name that make the same browse page.
    pub const SPELLING: &str = "one-slug-two-spellings";
    /// A Markdown image without alt text.
    pub const MISSING_ALT: &str = "missing-alt-text";
    /// A symbolic link under the site's folders that leads nowhere.
    pub const DANGLING_LINK: &str = "dangling-link";
    /// A message one of the site's languages lacks (`i18n/fr.ftl`).
    pub const MISSING_MESSAGE: &str = "missing-message";
}

/// Sorts diagnostics by file, then position, so output is stable across runs.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.position, a.severity, &a.field, &a.message)
            .cmp(&(&b.path, b.position, b.severity, &b.field, &b.message))
    });
}

/// Counts errors and warnings.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// The closest known name to `found`, for "did you mean" help.
pub fn suggest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(found, k), *k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// A path for display: relative to `root` when inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Fills in the code-frame line of diagnostics that carry a position but no
/// source text, reading each file once.
pub fn attach_source_lines(root: &Path, diagnostics: &mut [Diagnostic]) {
    let mut cache: std::collections::HashMap<PathBuf, Option<String>> = Default::default();
    for diagnostic in diagnostics.iter_mut() {
        let Some(position) = diagnostic.position else {
            continue;
        };
        if diagnostic.source_line.is_some() {
            continue;
        }
        let text = cache
            .entry(diagnostic.path.clone())
            .or_insert_with(|| std::fs::read_to_string(root.join(&diagnostic.path)).ok());
        if let Some(text) = text {
            diagnostic.source_line = text.lines().nth(position.line.saturating_sub(1)).map(|l| {
                l.trim_start_matches('\u{feff}')
                    .trim_end_matches('\r')
                    .to_string()
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_characters() {
        let text = "a\nbé c\n";
        assert_eq!(Position::of_offset(text, 5, 1), Position::new(2, 3));
        assert_eq!(Position::of_offset(text, 0, 10), Position::new(10, 1));
    }

    #[test]
    fn suggestion_finds_a_close_key() {
        assert_eq!(suggest("dutys", &["title", "duties"]), Some("duties"));
        assert_eq!(suggest("zzz", &["title", "duties"]), None);
    }

    #[test]
    fn headline_has_every_part() {
        let d = Diagnostic::error("content/a.md", "expected a number, found a string")
            .with_field("salary.median")
            .at(Position::new(2, 3), "x\n  median: abc\n");
        assert_eq!(
            d.headline(),
            "content/a.md:2:3: error: salary.median: expected a number, found a string"
        );
        assert!(d.render(false).contains("median: abc"));
    }

    #[test]
    fn fields_count_list_items_from_one() {
        assert_eq!(human_field("career_path[2]"), "career_path, step 3");
        assert_eq!(
            human_field("career_path[0].guide"),
            "career_path, step 1, guide"
        );
        assert_eq!(
            human_field("requirements.skills[1]"),
            "requirements.skills, item 2"
        );
        assert_eq!(human_field("faq[9].answer"), "faq, item 10, answer");
        assert_eq!(human_field("salary.median"), "salary.median");
        assert_eq!(human_field("title"), "title");
    }

    #[test]
    fn an_empty_field_is_no_field() {
        let d = Diagnostic::error("content/A.md", "expected a slug").with_field("");
        assert_eq!(d.field, None);
        assert_eq!(d.headline(), "content/A.md: error: expected a slug");
    }

    #[test]
    fn warnings_are_summed_up_by_kind() {
        let mut diagnostics: Vec<Diagnostic> = (0..1016)
            .map(|i| {
                Diagnostic::warning(format!("content/{i}.md"), "expected a link")
                    .with_kind(kinds::UNLINKED)
            })
            .collect();
        diagnostics.push(Diagnostic::error("content/x.md", "expected text"));
        diagnostics.push(Diagnostic::warning(
            "content/y.md",
            "expected less, found more",
        ));
        let lines = summarize(&diagnostics);
        assert_eq!(
            lines,
            [
                "1,016 guides are not linked from another guide — run `careergen check` to list them",
                "1 warning: expected less — run `careergen check` to list it",
            ]
        );
    }

    #[test]
    fn frames_underline_whole_tokens() {
        assert_eq!(token_end(r#"  median: "75,500", x"#, 10), 18);
        assert_eq!(token_end("{ median: lots }", 10), 14);
        assert_eq!(token_end("dutys: [a]", 0), 5);
        // A block scalar keeps its commas; a flow one ends at them.
        assert_eq!(token_end("  employment: 757,220", 14), 21);
        assert_eq!(token_end("  employment: 757,220 # jobs", 14), 21);
        assert_eq!(token_end("o: { employment: 757, x: 1 }", 17), 20);
    }
}
