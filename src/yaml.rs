//! YAML reading with positions: serde_yaml parses the data, and a pass over
//! yaml-rust2's marked events records where every key and value starts, so
//! that each error can name its line and column. [`Reader`] turns the parsed
//! value into typed fields and collects every problem instead of stopping at
//! the first.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_yaml::{Mapping, Value};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diagnostics::{Diagnostic, Position, Severity, suggest};

/// A YAML text inside a file: the file's whole text is kept for code frames.
#[derive(Debug, Clone, Copy)]
pub struct YamlText<'a> {
    pub yaml: &'a str,
    /// The file line holding the YAML's first line.
    pub first_line: usize,
    pub file_text: &'a str,
}

/// Parses YAML text into a value. A syntax error is placed in the file, not
/// in the front-matter block.
pub fn parse(path: &std::path::Path, text: YamlText<'_>) -> Result<Value, Diagnostic> {
    if text.yaml.trim().is_empty() {
        return Ok(Value::Mapping(Mapping::new()));
    }
    if let Err((message, mark)) = check_depth(text.yaml) {
        let position = Position::new(mark.line() + text.first_line - 1, mark.col() + 1);
        return Err(Diagnostic::error(path, format!("invalid YAML: {message}"))
            .at(position, text.file_text));
    }
    serde_yaml::from_str::<Value>(text.yaml).map_err(|err| {
        let message = yaml_message(&err);
        if message.contains("duplicate entry with key")
            && let Some(duplicate) = Locations::of(text.yaml, text.first_line)
                .duplicates
                .into_iter()
                .next()
        {
            return duplicate_key(path, duplicate, text.file_text);
        }
        let rewritten = too_large_integer(&message)
            .map(|(field, number)| {
                (
                    field,
                    format!("expected a smaller whole number, found `{number}`"),
                )
            })
            .or_else(|| invalid_tagged_value(&message));
        if let Some((field, message)) = rewritten {
            let mut diagnostic = Diagnostic::error(path, message).with_field(field);
            if let Some(loc) = err.location() {
                diagnostic = diagnostic.at(
                    Position::new(loc.line() + text.first_line - 1, loc.column()),
                    text.file_text,
                );
            }
            return diagnostic;
        }
        let mut diagnostic = Diagnostic::error(path, format!("invalid YAML: {message}"));
        let line = err.location().map_or(1, |loc| loc.line());
        if tab_indented(text.yaml, line) {
            diagnostic = diagnostic
                .with_help("YAML indents with spaces only: replace the tabs at the start of this line with spaces");
        }
        match err.location() {
            Some(loc) => diagnostic.at(
                Position::new(loc.line() + text.first_line - 1, loc.column()),
                text.file_text,
            ),
            None => diagnostic.at(Position::new(text.first_line, 1), text.file_text),
        }
    })
}

/// The deepest nesting of mappings and lists a YAML text may have: what
/// serde_yaml accepts.
pub const MAX_DEPTH: usize = 128;

/// Refuses YAML nested deeper than [`MAX_DEPTH`] before libyaml reads it:
/// serde_yaml would refuse it too, but only after libyaml has read the
/// whole text, which takes time quadratic in the depth of flow collections
/// (a few MiB of `[[[[…` would take hours).
fn check_depth(yaml: &str) -> Result<(), (String, Marker)> {
    // Brackets bound the flow depth from above (some may sit in strings),
    // so nearly every text is cleared by this count alone.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for byte in yaml.bytes() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest <= MAX_DEPTH {
        return Ok(());
    }
    // Count exactly with yaml-rust2's event parser, which is iterative and
    // linear.
    let too_deep =
        format!("expected at most {MAX_DEPTH} levels of nested lists and mappings, found more");
    let mut parser = Parser::new_from_str(yaml);
    let mut depth = 0usize;
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) => return Ok(()),
            Ok((Event::MappingStart(..) | Event::SequenceStart(..), mark)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err((too_deep, mark));
                }
            }
            Ok((Event::MappingEnd | Event::SequenceEnd, _)) => depth = depth.saturating_sub(1),
            Ok(_) => {}
            // yaml-rust2's own flow limit (255) says "recursion limit exceeded".
            Err(err) if err.info().contains("recursion limit") => {
                return Err((too_deep, *err.marker()));
            }
            Err(err) => return Err((err.info().to_string(), *err.marker())),
        }
    }
}

/// Whether line `line` (1-based) of `yaml`, or the line before it, is
/// indented with a tab: the usual cause of a YAML syntax error on it.
fn tab_indented(yaml: &str, line: usize) -> bool {
    let indented = |l: &str| {
        l.chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    };
    yaml.lines()
        .skip(line.saturating_sub(2))
        .take(2)
        .any(indented)
}

/// A key written twice in one mapping: the error is placed at the second,
/// naming the line of the first.
fn duplicate_key(path: &std::path::Path, duplicate: Duplicate, file_text: &str) -> Diagnostic {
    let key = duplicate
        .field
        .rsplit('.')
        .next()
        .unwrap_or(&duplicate.field)
        .to_string();
    Diagnostic::error(
        path,
        format!(
            "expected each key once, found `{key}` again (first on line {})",
            duplicate.first.line
        ),
    )
    .with_field(duplicate.field.as_str())
    .with_help("keep one of the two and delete the other")
    .at(duplicate.again, file_text)
}

/// The field and number of serde_yaml's error for an integer beyond 64
/// bits (`outlook.employment: invalid type: integer `1…` as u128, expected
/// any YAML value`), which names Rust types instead of the problem.
fn too_large_integer(message: &str) -> Option<(&str, &str)> {
    let at = message.find("invalid type: integer `")?;
    let rest = &message[at + "invalid type: integer `".len()..];
    let (number, tail) = rest.split_once('`')?;
    if !(tail.starts_with(" as u128") || tail.starts_with(" as i128")) {
        return None;
    }
    let field = message[..at].trim_end().trim_end_matches(':');
    Some((field, number))
}

/// serde_yaml's error for a value its tag forbids (`title: !!int abc`:
/// `title: invalid value: string "abc", expected an integer`), reworded as
/// every other message: the field, what was expected, what was found.
fn invalid_tagged_value(message: &str) -> Option<(&str, String)> {
    let at = message.find("invalid value: ")?;
    let rest = &message[at + "invalid value: ".len()..];
    let (found, expected) = rest.rsplit_once(", expected ")?;
    let field = message[..at].trim_end().trim_end_matches(':');
    let found = match found.strip_prefix("string ") {
        Some(text) => format!("the string {text}"),
        None => found.to_string(),
    };
    let expected = match expected {
        "a float" | "f64" => "a number (as its tag says)",
        "an integer" | "i64" | "u64" => "a whole number (as its tag says)",
        other => other,
    };
    Some((field, format!("expected {expected}, found {found}")))
}

/// serde_yaml's message without its trailing " at line L column C".
fn yaml_message(err: &serde_yaml::Error) -> String {
    let message = err.to_string();
    match message.find(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    }
}

/// Where each key and value of a YAML document starts, by field path
/// (`salary.median`, `duties[2]`, `faq[0].question`).
#[derive(Debug, Default, Clone)]
pub struct Locations {
    keys: HashMap<String, Position>,
    values: HashMap<String, Position>,
    /// Keys written twice in one mapping, in the order met.
    pub duplicates: Vec<Duplicate>,
}

/// A key written a second time in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// The field path of the key (`salary.median`).
    pub field: String,
    pub first: Position,
    pub again: Position,
}

enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, index: usize },
}

struct Recorder {
    first_line: usize,
    stack: Vec<Frame>,
    locations: Locations,
}

impl Recorder {
    fn position(&self, mark: Marker) -> Position {
        Position::new(mark.line() + self.first_line - 1, mark.col() + 1)
    }

    /// The path of the node that starts now, or `None` when it is a mapping key.
    fn next_value_path(&self) -> Option<String> {
        match self.stack.last() {
            None => Some(String::new()),
            Some(Frame::Mapping { key: None, .. }) => None,
            Some(Frame::Mapping {
                path,
                key: Some(key),
            }) => Some(join(path, key)),
            Some(Frame::Sequence { path, index }) => Some(format!("{path}[{index}]")),
        }
    }

    /// Moves the parent past the node that just ended.
    fn advance(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Mapping { key, .. }) => *key = None,
            Some(Frame::Sequence { index, .. }) => *index += 1,
            None => {}
        }
    }

    fn scalar(&mut self, text: &str, mark: Marker) {
        let position = self.position(mark);
        match self.next_value_path() {
            Some(path) => {
                self.locations.values.entry(path).or_insert(position);
                self.advance();
            }
            None => {
                if let Some(Frame::Mapping { path, key }) = self.stack.last_mut() {
                    let field = join(path, text);
                    match self.locations.keys.get(&field) {
                        Some(first) => self.locations.duplicates.push(Duplicate {
                            field,
                            first: *first,
                            again: position,
                        }),
                        None => {
                            self.locations.keys.insert(field, position);
                        }
                    }
                    *key = Some(text.to_string());
                }
            }
        }
    }

    fn start(&mut self, mapping: bool, mark: Marker) {
        let position = self.position(mark);
        // A collection used as a mapping key gets a placeholder name.
        let path = match self.next_value_path() {
            Some(path) => path,
            None => {
                self.scalar("?", mark);
                return self.start(mapping, mark);
            }
        };
        self.locations
            .values
            .entry(path.clone())
            .or_insert(position);
        self.stack.push(if mapping {
            Frame::Mapping { path, key: None }
        } else {
            Frame::Sequence { path, index: 0 }
        });
    }

    fn end(&mut self) {
        self.stack.pop();
        self.advance();
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(text, ..) => self.scalar(&text, mark),
            Event::Alias(_) => self.scalar("*", mark),
            Event::MappingStart(..) => self.start(true, mark),
            Event::SequenceStart(..) => self.start(false, mark),
            Event::MappingEnd | Event::SequenceEnd => self.end(),
            _ => {}
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Locations {
    /// Records the positions in `yaml`, whose first line is file line `first_line`.
    /// Positions are best effort: a document yaml-rust2 cannot read yields
    /// what was recorded before the problem.
    pub fn of(yaml: &str, first_line: usize) -> Self {
        let mut recorder = Recorder {
            first_line,
            stack: Vec::new(),
            locations: Locations::default(),
        };
        let mut parser = Parser::new_from_str(yaml);
        let _ = parser.load(&mut recorder, false);
        recorder.locations
    }

    /// Where the value at `field` starts, or the nearest known ancestor.
    pub fn value(&self, field: &str) -> Option<Position> {
        let mut field = field;
        loop {
            if let Some(pos) = self.values.get(field).or_else(|| self.keys.get(field)) {
                return Some(*pos);
            }
            field = parent(field)?;
        }
    }

    /// Where `field`'s value starts, or the document's start.
    pub fn position(&self, field: &str) -> Position {
        self.value(field)
            .unwrap_or_else(|| self.value("").unwrap_or(Position::new(1, 1)))
    }

    /// Where the key of `field` is written, falling back to its value.
    pub fn key(&self, field: &str) -> Option<Position> {
        self.keys.get(field).copied().or_else(|| self.value(field))
    }
}

fn parent(field: &str) -> Option<&str> {
    if field.is_empty() {
        return None;
    }
    let cut = field.rfind(['.', '[']).unwrap_or(0);
    Some(&field[..cut])
}

/// Describes a value for "found …" in a message.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => format!("the boolean `{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => {
            let mut shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            format!("the string {shown:?}")
        }
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a mapping".to_string(),
        Value::Tagged(t) => format!("a value tagged `{}`", t.tag),
    }
}

/// A mapping being read, with its field path.
#[derive(Clone)]
pub struct Map<'v> {
    pub mapping: &'v Mapping,
    field: String,
}

/// One key of a mapping: its value, if present and not null, and its field path.
pub struct Slot<'v> {
    pub value: Option<&'v Value>,
    pub field: String,
    parent: String,
}

impl<'v> Map<'v> {
    pub fn at(&self, key: &str) -> Slot<'v> {
        Slot {
            value: self.mapping.get(key).filter(|v| !v.is_null()),
            field: join(&self.field, key),
            parent: self.field.clone(),
        }
    }

    pub fn field(&self) -> &str {
        &self.field
    }
}

/// The most diagnostics kept for one file. Past it they are only counted:
/// a hostile file (100,000 repeated list items) must not turn into 100,000
/// code frames, each a scan of the file.
pub const MAX_DIAGNOSTICS: usize = 100;

/// Reads typed fields out of YAML values, collecting diagnostics.
pub struct Reader<'a> {
    pub path: PathBuf,
    file_text: &'a str,
    /// The file line of the YAML's first line.
    first_line: usize,
    yaml: &'a str,
    /// Found on the first diagnostic: a clean file is parsed once, not twice.
    locations: std::cell::OnceCell<Locations>,
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics dropped past [`MAX_DIAGNOSTICS`]: (errors, warnings).
    dropped: (usize, usize),
}

impl<'a> Reader<'a> {
    pub fn new(path: impl Into<PathBuf>, text: YamlText<'a>) -> Self {
        Reader {
            path: path.into(),
            file_text: text.file_text,
            first_line: text.first_line,
            yaml: text.yaml,
            locations: std::cell::OnceCell::new(),
            diagnostics: Vec::new(),
            dropped: (0, 0),
        }
    }

    /// Whether the file already has [`MAX_DIAGNOSTICS`]; if so, counts one
    /// more of `severity` as dropped.
    fn full(&mut self, severity: Severity) -> bool {
        if self.diagnostics.len() < MAX_DIAGNOSTICS {
            return false;
        }
        match severity {
            Severity::Error => self.dropped.0 += 1,
            Severity::Warning => self.dropped.1 += 1,
        }
        true
    }

    /// Every diagnostic kept, then one counting those dropped.
    pub fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        let (errors, warnings) = self.dropped;
        if errors + warnings > 0 {
            let message = format!(
                "{} more problems in this file were not shown ({errors} errors, {warnings} warnings)",
                errors + warnings
            );
            let summary = if errors > 0 {
                Diagnostic::error(&self.path, message)
            } else {
                Diagnostic::warning(&self.path, message)
            };
            self.diagnostics
                .push(summary.with_help("fix the problems above and run again to see the rest"));
        }
        self.diagnostics
    }

    fn locations(&self) -> &Locations {
        self.locations
            .get_or_init(|| Locations::of(self.yaml, self.first_line))
    }

    /// The whole file's text, for code frames of diagnostics made later.
    pub fn file_text(&self) -> &'a str {
        self.file_text
    }

    /// Where `field`'s value starts (or the front matter's start).
    pub fn position(&self, field: &str) -> Position {
        self.locations().position(field)
    }

    fn key_position(&self, field: &str) -> Position {
        self.locations()
            .key(field)
            .unwrap_or_else(|| self.position(field))
    }

    /// Records an error about the value at `field`.
    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        if self.full(Severity::Error) {
            return;
        }
        let diagnostic = Diagnostic::error(&self.path, message)
            .with_field(field)
            .at(self.position(field), self.file_text);
        self.diagnostics.push(diagnostic);
    }

    /// Records a diagnostic placed at `field`'s value.
    pub fn push_at(&mut self, field: &str, diagnostic: Diagnostic) {
        if self.full(diagnostic.severity) {
            return;
        }
        let diagnostic = diagnostic
            .with_field(field)
            .at(self.position(field), self.file_text);
        self.diagnostics.push(diagnostic);
    }

    /// Records `expected …, found <what found is>` at `field`.
    pub fn expected(&mut self, field: &str, expected: &str, found: &Value) {
        self.error(
            field,
            format!("expected {expected}, found {}", describe(found)),
        );
    }

    /// Records a diagnostic at `position` of the file, with its code frame.
    pub fn push_at_position(&mut self, diagnostic: Diagnostic, position: Position) {
        if self.full(diagnostic.severity) {
            return;
        }
        let diagnostic = diagnostic.at(position, self.file_text);
        self.diagnostics.push(diagnostic);
    }

    /// Records a diagnostic about the whole document, placed at its first line.
    pub fn push_at_start(&mut self, diagnostic: Diagnostic) {
        if self.full(diagnostic.severity) {
            return;
        }
        let diagnostic = diagnostic.at(Position::new(self.first_line, 1), self.file_text);
        self.diagnostics.push(diagnostic);
    }

    /// Records that the required `slot` is absent; `expected` says what kind
    /// of value it takes (`a list of duties`).
    pub fn missing(&mut self, slot: &Slot<'_>, expected: &str) {
        if self.full(Severity::Error) {
            return;
        }
        // A missing top-level key is placed at the front matter's opening
        // `---`; a missing nested key at the key of the mapping it belongs in.
        let position = if slot.parent.is_empty() {
            Position::new(self.first_line.saturating_sub(1).max(1), 1)
        } else {
            self.key_position(&slot.parent)
        };
        let diagnostic =
            Diagnostic::error(&self.path, format!("expected {expected}, found nothing"))
                .with_field(slot.field.as_str())
                .with_help(format!("`{}` is required", slot.field))
                .at(position, self.file_text);
        self.diagnostics.push(diagnostic);
    }

    /// Reads `value` as a mapping whose keys must be among `known`.
    pub fn mapping<'v>(
        &mut self,
        value: &'v Value,
        field: &str,
        known: &[&str],
    ) -> Option<Map<'v>> {
        let Value::Mapping(mapping) = value else {
            self.expected(field, "a mapping", value);
            return None;
        };
        for key in mapping.keys() {
            match key.as_str() {
                Some(name) if known.contains(&name) => {}
                Some(_) if self.full(Severity::Error) => {}
                Some(name) => {
                    let key_field = join(field, name);
                    let help = match suggest(name, known) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("known keys here: {}", known.join(", ")),
                    };
                    let diagnostic = Diagnostic::error(
                        &self.path,
                        format!("expected a known key, found unknown key `{name}`"),
                    )
                    .with_field(key_field.as_str())
                    .with_help(help)
                    .at(self.key_position(&key_field), self.file_text);
                    self.diagnostics.push(diagnostic);
                }
                None => self.expected(field, "text keys", key),
            }
        }
        Some(Map {
            mapping,
            field: field.to_string(),
        })
    }

    /// Reads an optional mapping slot.
    pub fn sub_mapping<'v>(&mut self, slot: &Slot<'v>, known: &[&str]) -> Option<Map<'v>> {
        let value = slot.value?;
        self.mapping(value, &slot.field, known)
    }

    /// Reads an optional mapping slot whose keys the site chooses (category
    /// keys, language tags): `None` when absent, or, with the error
    /// "expected `expected`", when it is no mapping.
    pub fn keyed_mapping<'v>(&mut self, slot: &Slot<'v>, expected: &str) -> Option<&'v Mapping> {
        let value = slot.value?;
        let mapping = value.as_mapping();
        if mapping.is_none() {
            self.expected(&slot.field, expected, value);
        }
        mapping
    }

    /// Text: a string, or a number or boolean written without quotes.
    pub fn string_value(&mut self, value: &Value, field: &str) -> Option<String> {
        match value {
            Value::String(s) => self.clean_text(s, field).then(|| s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.expected(field, "text", other);
                None
            }
        }
    }

    /// Whether `text` is free of control characters (tabs and line breaks
    /// aside), which would break the HTML; if not, records an error at
    /// `field` naming the first.
    pub fn clean_text(&mut self, text: &str, field: &str) -> bool {
        let Some((before, c)) = control_character(text) else {
            return true;
        };
        let diagnostic = Diagnostic::error(
            &self.path,
            format!(
                "expected text without control characters, found U+{:04X} after {before:?}",
                u32::from(c)
            ),
        )
        .with_help("delete it (a YAML escape such as `\\x01` writes one); only tabs and line breaks are allowed");
        self.push_at(field, diagnostic);
        false
    }

    pub fn opt_string(&mut self, slot: &Slot<'_>) -> Option<String> {
        let value = slot.value?;
        self.string_value(value, &slot.field)
    }

    pub fn req_string(&mut self, slot: &Slot<'_>) -> Option<String> {
        if slot.value.is_none() {
            self.missing(slot, "text");
            return None;
        }
        self.opt_string(slot)
    }

    pub fn opt_bool(&mut self, slot: &Slot<'_>) -> Option<bool> {
        match slot.value? {
            Value::Bool(b) => Some(*b),
            other => {
                self.expected(&slot.field, "`true` or `false`", other);
                None
            }
        }
    }

    pub fn opt_number(&mut self, slot: &Slot<'_>) -> Option<f64> {
        match slot.value? {
            Value::Number(n) => n.as_f64().filter(|f| f.is_finite()).or_else(|| {
                self.expected(&slot.field, "a finite number", &Value::Number(n.clone()));
                None
            }),
            other => {
                self.expected_number(&slot.field, "a number", other);
                None
            }
        }
    }

    /// "expected a number, found the string …", suggesting the plain
    /// number when the string is one written with a symbol or separators.
    fn expected_number(&mut self, field: &str, expected: &str, found: &Value) {
        let diagnostic = Diagnostic::error(
            &self.path,
            format!("expected {expected}, found {}", describe(found)),
        );
        let diagnostic = match found.as_str().and_then(plain_number) {
            Some(plain) => diagnostic.with_help(format!(
                "write a plain number, without quotes, symbols or separators: `{plain}`"
            )),
            None => diagnostic,
        };
        self.push_at(field, diagnostic);
    }

    pub fn opt_integer(&mut self, slot: &Slot<'_>) -> Option<i64> {
        match slot.value? {
            Value::Number(n) if n.is_i64() || n.is_u64() => n.as_i64().or_else(|| {
                self.error(
                    &slot.field,
                    format!("expected a smaller whole number, found `{n}`"),
                );
                None
            }),
            other => {
                self.expected_number(&slot.field, "a whole number", other);
                None
            }
        }
    }

    /// One of `variants`, with a "did you mean" on a near miss.
    pub fn opt_enum(&mut self, slot: &Slot<'_>, variants: &[&'static str]) -> Option<&'static str> {
        let value = slot.value?;
        let Value::String(s) = value else {
            self.expected(
                &slot.field,
                &format!("one of {}", variants.join(", ")),
                value,
            );
            return None;
        };
        if let Some(found) = variants.iter().find(|v| **v == s) {
            return Some(found);
        }
        let help = match suggest(s, variants) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("allowed values: {}", variants.join(", ")),
        };
        let diagnostic = Diagnostic::error(
            &self.path,
            format!(
                "expected one of {}, found {}",
                variants.join(", "),
                describe(value)
            ),
        )
        .with_help(help);
        self.push_at(&slot.field, diagnostic);
        None
    }

    /// A list whose items are read by `item`; `None` when absent.
    pub fn opt_list<T>(
        &mut self,
        slot: &Slot<'_>,
        mut item: impl FnMut(&mut Self, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = slot.value?;
        let Value::Sequence(items) = value else {
            self.expected(&slot.field, "a list", value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, value) in items.iter().enumerate() {
            let field = format!("{}[{index}]", slot.field);
            if let Some(parsed) = item(self, value, &field) {
                out.push(parsed);
            }
        }
        Some(out)
    }

    /// A list of text items.
    pub fn string_list(&mut self, slot: &Slot<'_>) -> Vec<String> {
        self.opt_list(slot, |r, v, f| r.string_value(v, f))
            .unwrap_or_default()
    }
}

/// The first control character of `text` other than a tab or a line
/// break, with the text before it: such characters break the HTML.
pub fn control_character(text: &str) -> Option<(String, char)> {
    let (at, c) = text
        .char_indices()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n'))?;
    let before: String = text[..at]
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Some((before, c))
}

/// A number written as text with a currency symbol, a percent sign or
/// thousands separators (`"$97,550"`, `757,220`), as the plain number YAML
/// reads (`97550`); a quoted plain number is returned as it is. `None` when the text is not such a number (`1,5`
/// could be a decimal comma, and is left alone).
pub fn plain_number(text: &str) -> Option<String> {
    let trimmed = text
        .trim()
        .trim_start_matches(['$', '€', '£', '¥', '₹'])
        .trim_end_matches(['%', '€'])
        .trim();
    let (sign, unsigned) = match trimmed.strip_prefix(['-', '−']) {
        Some(rest) => ("-", rest),
        None => ("", trimmed),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let groups: Vec<&str> = whole.split([',', '_', ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() > 1;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let well_grouped = groups
        .first()
        .is_some_and(|g| digits(g) && (!grouped || g.len() <= 3))
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g));
    if !well_grouped || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let plain = match fraction {
        Some(fraction) => format!("{sign}{}.{fraction}", groups.concat()),
        None => format!("{sign}{}", groups.concat()),
    };
    Some(plain)
}

/// Removes a UTF-8 byte order mark and turns CRLF line endings into LF, so
/// that every later stage sees one form. Line numbers are unchanged.
pub fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Converts free-form YAML (`extra`) to JSON for templates.
pub fn yaml_to_json(value: &serde_yaml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    use serde_yaml::Value as Y;
    match value {
        Y::Null => J::Null,
        Y::Bool(b) => J::Bool(*b),
        Y::Number(n) => n
            .as_i64()
            .map(J::from)
            .or_else(|| n.as_u64().map(J::from))
            .or_else(|| {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map(J::Number)
            })
            .unwrap_or(J::Null),
        Y::String(s) => J::String(s.clone()),
        Y::Sequence(items) => J::Array(items.iter().map(yaml_to_json).collect()),
        Y::Mapping(map) => J::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s.clone(),
                        other => serde_yaml::to_string(other)
                            .unwrap_or_default()
                            .trim()
                            .to_string(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(&tagged.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_error(yaml: &str) -> String {
        let text = YamlText {
            yaml,
            first_line: 2,
            file_text: yaml,
        };
        parse(std::path::Path::new("a.md"), text)
            .expect_err("invalid")
            .headline()
    }

    #[test]
    fn serde_wording_never_reaches_people() {
        assert_eq!(
            parse_error("o:\n  employment: 99999999999999999999\n"),
            "a.md:3:15: error: o.employment: expected a smaller whole number, found `99999999999999999999`"
        );
        assert_eq!(
            parse_error("o: { n: -99999999999999999999 }\n"),
            "a.md:2:9: error: o.n: expected a smaller whole number, found `-99999999999999999999`"
        );
        assert_eq!(
            parse_error("title: !!int abc\n"),
            "a.md:2:8: error: title: expected a whole number (as its tag says), found the string \"abc\""
        );
        assert_eq!(
            parse_error("s:\n  median: 1\n  median: 2\n"),
            "a.md:4:3: error: s.median: expected each key once, found `median` again (first on line 3)"
        );
    }

    #[test]
    fn numbers_written_as_text_get_their_plain_form() {
        assert_eq!(plain_number("$97,550").as_deref(), Some("97550"));
        assert_eq!(plain_number("757,220").as_deref(), Some("757220"));
        assert_eq!(plain_number("1,066,670.50").as_deref(), Some("1066670.50"));
        assert_eq!(plain_number("4%").as_deref(), Some("4"));
        assert_eq!(plain_number("-2%").as_deref(), Some("-2"));
        assert_eq!(plain_number("1,5"), None);
        assert_eq!(plain_number("lots"), None);
        assert_eq!(plain_number("12,34,567"), None);
    }

    #[test]
    fn control_characters_are_found_but_tabs_and_newlines_are_not() {
        assert_eq!(
            control_character("Baker\u{1} of bread"),
            Some(("Baker".to_string(), '\u{1}'))
        );
        assert_eq!(control_character("a\tb\nc"), None);
        assert_eq!(control_character("x\u{85}").map(|(_, c)| c), Some('\u{85}'));
    }

    #[test]
    fn a_repeated_key_is_found_with_both_positions() {
        let yaml = "title: A\nsalary:\n  entry: 1\n  median: 2\n  p75: 3\n  median: 4\n";
        let locations = Locations::of(yaml, 2);
        assert_eq!(
            locations.duplicates,
            [Duplicate {
                field: "salary.median".to_string(),
                first: Position::new(5, 3),
                again: Position::new(7, 3),
            }]
        );
    }

    #[test]
    fn locations_cover_block_and_flow_styles() {
        let yaml = "title: A\nsalary: { entry: 1, median: 2 }\nduties:\n  - one\n  - two\nfaq:\n  - question: Q?\n    answer: A\n";
        let locations = Locations::of(yaml, 2);
        assert_eq!(locations.value("title"), Some(Position::new(2, 8)));
        assert_eq!(locations.key("salary"), Some(Position::new(3, 1)));
        assert_eq!(locations.value("salary.median"), Some(Position::new(3, 29)));
        assert_eq!(locations.value("duties[1]"), Some(Position::new(6, 5)));
        assert_eq!(locations.key("faq[0].answer"), Some(Position::new(9, 5)));
        // An unknown child falls back to its nearest ancestor.
        assert_eq!(locations.value("duties[9]"), Some(Position::new(5, 3)));
    }

    #[test]
    fn parent_of_field_paths() {
        assert_eq!(parent("a.b"), Some("a"));
        assert_eq!(parent("a[2]"), Some("a"));
        assert_eq!(parent("a"), Some(""));
        assert_eq!(parent(""), None);
    }
}
