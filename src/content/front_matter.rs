//! Splits a guide file into its YAML front matter and Markdown body.

pub use crate::yaml::normalize;

/// A guide file cut in two, with the line numbers needed to report
/// positions in the original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Document<'a> {
    pub front_matter: &'a str,
    /// The file line of the front matter's first line.
    pub front_matter_line: usize,
    pub body: &'a str,
    /// The file line of the body's first line.
    pub body_line: usize,
    /// Byte offsets of the front matter and the body in the split text.
    pub front_matter_at: usize,
    pub body_at: usize,
}

impl Document<'_> {
    /// Where the front matter lies in the split text.
    pub fn front_matter_range(&self) -> std::ops::Range<usize> {
        self.front_matter_at..self.front_matter_at + self.front_matter.len()
    }

    /// Where the body lies in the split text.
    pub fn body_range(&self) -> std::ops::Range<usize> {
        self.body_at..self.body_at + self.body.len()
    }
}

/// Why a file could not be split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    MissingOpening,
    /// No closing `---` line follows the opening one.
    Unterminated,
}

impl SplitError {
    pub fn message(self) -> &'static str {
        match self {
            SplitError::MissingOpening => {
                "expected the file to start with a `---` line opening the YAML front matter, found none"
            }
            SplitError::Unterminated => {
                "expected a `---` line closing the YAML front matter, found the end of the file"
            }
        }
    }
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Splits `text` (BOM already removed, `\n` line endings) at its `---` fences.
pub fn split(text: &str) -> Result<Document<'_>, SplitError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if !is_fence(&text[..first_end]) {
        return Err(SplitError::MissingOpening);
    }
    let fm_start = (first_end + 1).min(text.len());
    let mut offset = fm_start;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let current = &text[offset..end];
        if is_fence(current) || current.trim_end() == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Document {
                front_matter: &text[fm_start..offset],
                front_matter_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
                front_matter_at: fm_start,
                body_at: body_start,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err(SplitError::Unterminated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let doc = split("---\ntitle: A\n---\nBody\n").expect("valid document");
        assert_eq!(doc.front_matter, "title: A\n");
        assert_eq!(doc.front_matter_line, 2);
        assert_eq!(doc.body, "Body\n");
        assert_eq!(doc.body_line, 4);
    }

    #[test]
    fn empty_front_matter_and_body_are_allowed() {
        let doc = split("---\n---\n").expect("valid document");
        assert_eq!(doc.front_matter, "");
        assert_eq!(doc.body, "");
    }

    #[test]
    fn missing_opening_fence_is_an_error() {
        assert_eq!(split("title: A\n"), Err(SplitError::MissingOpening));
        assert_eq!(split(""), Err(SplitError::MissingOpening));
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::Unterminated));
    }

    #[test]
    fn a_horizontal_rule_in_the_body_is_not_a_fence() {
        let doc = split("---\na: 1\n---\nx\n\n---\ny\n").expect("valid document");
        assert_eq!(doc.body, "x\n\n---\ny\n");
    }

    #[test]
    fn normalize_removes_bom_and_crlf() {
        assert_eq!(normalize("\u{feff}---\r\na: 1\r\n"), "---\na: 1\n");
    }
}
