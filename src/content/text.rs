//! Where a guide's text lives between loading and rendering.
//!
//! Markdown bodies are most of a site's bytes. Held in memory from load to
//! render, they would make memory grow with the size of the site (a
//! 100,000-guide site has gigabytes of them), so a one-shot build keeps
//! only a stamp of each file and reads it again when the guide's page is
//! rendered. A file whose stamp changed in between is refused rather than
//! rendered unchecked.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::front_matter;
use super::parse::MAX_FILE_BYTES;

/// A guide's text (BOM removed, `\n` line endings) and where its two parts are.
#[derive(Clone)]
pub struct Text {
    text: Arc<str>,
    front_matter: Range<usize>,
    body: Range<usize>,
}

impl Text {
    /// `text` cut at the given byte ranges, which must lie on character
    /// boundaries (the front matter splitter's ranges do).
    pub fn new(text: Arc<str>, front_matter: Range<usize>, body: Range<usize>) -> Self {
        Text {
            text,
            front_matter,
            body,
        }
    }

    /// The whole text: front matter and body.
    pub fn whole(&self) -> &str {
        &self.text
    }

    /// The YAML between the `---` lines.
    pub fn front_matter(&self) -> &str {
        self.text.get(self.front_matter.clone()).unwrap_or_default()
    }

    /// The Markdown after the closing `---` line.
    pub fn body(&self) -> &str {
        self.text.get(self.body.clone()).unwrap_or_default()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Text")
            .field("front_matter", &self.front_matter())
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

/// What identifies one version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    /// `None` where the file system keeps no modification times; such a
    /// guide's text stays in memory.
    pub fn of(metadata: &std::fs::Metadata) -> Option<Stamp> {
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok()?,
        })
    }
}

/// A guide's text, held or to be read again.
#[derive(Debug, Clone)]
pub enum TextSource {
    Memory(Text),
    /// Read again from `file` on demand; `front_matter` and `body` are the
    /// ranges the text had when it was checked.
    File {
        file: PathBuf,
        stamp: Stamp,
        front_matter: Range<usize>,
        body: Range<usize>,
    },
}

impl Default for Text {
    /// No text: an empty front matter and body.
    fn default() -> Self {
        Text::new(Arc::from(""), 0..0, 0..0)
    }
}

impl TextSource {
    /// Lets go of the text, to be read from `file` (last seen as `stamp`) when needed.
    pub fn release(&mut self, file: &Path, stamp: Stamp) {
        if let TextSource::Memory(text) = self {
            *self = TextSource::File {
                file: file.to_path_buf(),
                stamp,
                front_matter: text.front_matter.clone(),
                body: text.body.clone(),
            };
        }
    }

    /// The text, read again from the file if it was released. Fails, with
    /// the reason, when the file cannot be read or changed since it was
    /// checked.
    pub fn read(&self) -> Result<Text, String> {
        let (file, stamp, front_matter, body) = match self {
            TextSource::Memory(text) => return Ok(text.clone()),
            TextSource::File {
                file,
                stamp,
                front_matter,
                body,
            } => (file, stamp, front_matter, body),
        };
        let changed = || {
            "the file changed while the site was being built; build again to check it".to_string()
        };
        let (bytes, now) =
            read_stamped(file).map_err(|err| format!("cannot read the file: {err}"))?;
        if now != Some(*stamp) {
            return Err(changed());
        }
        let text = std::str::from_utf8(&bytes).map_err(|_| changed())?;
        let text = front_matter::normalize(text);
        let text = Text::new(Arc::from(&*text), front_matter.clone(), body.clone());
        // Equal stamps make a change unlikely; cut ranges that no longer fit
        // would still mean one.
        if text.text.get(text.front_matter.clone()).is_none()
            || text.text.get(text.body.clone()).is_none()
        {
            return Err(changed());
        }
        Ok(text)
    }
}

/// Reads at most one byte more than a guide may hold, so that a huge (or
/// endless) file is refused without being read whole, with the stamp of the
/// file as opened.
///
/// A regular file is read with one `read` call sized from its length (a
/// growing buffer would take a dozen calls for a 15 KB guide, and a
/// 100,000-guide build reads every guide twice); a file that shrank in
/// between comes back shorter, and one that grew is cut at the length its
/// stamp records, which the stamp check of [`TextSource::read`] catches.
pub fn read_stamped(file: &Path) -> std::io::Result<(Vec<u8>, Option<Stamp>)> {
    use std::io::Read;
    let mut opened = std::fs::File::open(file)?;
    let metadata = opened.metadata().ok();
    let stamp = metadata.as_ref().and_then(Stamp::of);
    let regular_len = metadata
        .filter(std::fs::Metadata::is_file)
        .and_then(|m| usize::try_from(m.len()).ok())
        .filter(|&len| len <= MAX_FILE_BYTES);
    let Some(len) = regular_len else {
        // Too large, or not a regular file (a pipe, a device): its length
        // says nothing, so read up to the limit.
        let mut bytes = Vec::new();
        opened
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        return Ok((bytes, stamp));
    };
    let mut bytes = vec![0; len];
    let mut filled = 0;
    while filled < len {
        match opened.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    bytes.truncate(filled);
    Ok((bytes, stamp))
}

/// `text` with each control character other than a tab or a line break
/// replaced by a space: they are parse errors in HTML (U+000B, U+0001 …),
/// and a space keeps every later character in its column. Borrowed when
/// there is none, which a byte scan finds fast.
pub fn without_control_characters(text: &str) -> std::borrow::Cow<'_, str> {
    // C0 controls, DEL, and the lead byte of the C1 range U+0080–U+009F.
    let suspect = text
        .bytes()
        .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xc2);
    if !suspect
        || !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(
            without_control_characters("a\u{b}b\u{1}c\u{85}d"),
            "a b c d"
        );
        assert_eq!(without_control_characters("a\tb\nc é"), "a\tb\nc é");
        assert!(matches!(
            without_control_characters("plain é"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    fn released(dir: &Path, text: &str) -> (PathBuf, TextSource) {
        let file = dir.join("a.md");
        std::fs::write(&file, text).expect("write guide");
        let (bytes, stamp) = read_stamped(&file).expect("read guide");
        let text = std::str::from_utf8(&bytes).expect("UTF-8");
        let split = front_matter::split(text).expect("front matter");
        let mut source = TextSource::Memory(Text::new(
            Arc::from(text),
            split.front_matter_range(),
            split.body_range(),
        ));
        source.release(&file, stamp.expect("modification times"));
        (file, source)
    }

    #[test]
    fn a_released_text_is_read_again_from_its_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, source) = released(dir.path(), "---\ntitle: A\n---\nBody\n");
        let text = source.read().expect("unchanged file reads");
        assert_eq!(text.front_matter(), "title: A\n");
        assert_eq!(text.body(), "Body\n");
    }

    #[test]
    fn a_file_changed_since_it_was_checked_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (file, source) = released(dir.path(), "---\ntitle: A\n---\nBody\n");
        std::fs::write(&file, "---\ntitle: B\n---\nOther body, longer\n").expect("rewrite");
        let err = source.read().expect_err("changed file");
        assert!(
            err.contains("changed while the site was being built"),
            "{err}"
        );
        std::fs::remove_file(&file).expect("remove");
        let err = source.read().expect_err("missing file");
        assert!(err.starts_with("cannot read the file"), "{err}");
    }
}
