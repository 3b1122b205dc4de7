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
        }
    }

    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
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

    /// The one-line form: `path:line:col: error: field: message`.
    pub fn headline(&self) -> String {
        let mut out = self.path.display().to_string();
        if let Some(pos) = self.position {
            out.push_str(&format!(":{}:{}", pos.line, pos.column));
        }
        out.push_str(&format!(": {}: ", self.severity));
        if let Some(field) = &self.field {
            out.push_str(field);
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
            let label = self.field.clone().unwrap_or_default();
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
    let token = rest.split([',', '}', ']']).next().unwrap_or("");
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
    fn frames_underline_whole_tokens() {
        assert_eq!(token_end(r#"  median: "75,500", x"#, 10), 18);
        assert_eq!(token_end("{ median: lots }", 10), 14);
        assert_eq!(token_end("dutys: [a]", 0), 5);
    }
}
