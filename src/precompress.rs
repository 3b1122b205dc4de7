//! Precompressed copies of a built site (`careergen build --precompress`):
//! `page.html.gz` and `page.html.br` beside each text file that compresses,
//! so that hosts such as nginx (`gzip_static`, `brotli_static`) serve them
//! without compressing on every request.
//!
//! The copies are deterministic: the same input gives the same bytes (no
//! modification time or file name in the gzip header), so rebuilding an
//! unchanged site changes no file a deploy would upload.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use flate2::{Compression, GzBuilder};
use rayon::prelude::*;
use walkdir::WalkDir;

/// File extensions worth compressing: text formats a site holds. Images,
/// fonts and archives are compressed already and are left alone.
const EXTENSIONS: &[&str] = &[
    "html",
    "htm",
    "css",
    "js",
    "mjs",
    "json",
    "xml",
    "svg",
    "txt",
    "csv",
    "map",
    "ico",
    "webmanifest",
    "atom",
    "rss",
];

/// Files smaller than this many bytes are left alone: a response header
/// costs more than compression would save.
pub const MIN_BYTES: u64 = 256;

/// Brotli quality 0–11. Precompressing is worth it for what a server cannot
/// afford per request: quality 11 makes guide pages about 11 % smaller than
/// quality 5–9 (which are about as small as each other), at just under
/// 1 MB/s per core: 65 s of CPU for the 55 MB of a 1,000-guide site. The
/// window is 2^22 bytes.
const BROTLI_QUALITY: i32 = 11;
const BROTLI_WINDOW_BITS: i32 = 22;

/// What [`precompress_dir`] wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Files looked at: text files of at least [`MIN_BYTES`].
    pub candidates: usize,
    /// `.gz` files written.
    pub gzip_files: usize,
    /// `.br` files written.
    pub brotli_files: usize,
}

/// Writes `NAME.gz` and `NAME.br` beside every text file under `dir` whose
/// compressed copy is smaller than the file by at least a twentieth (so a
/// host never prefers a copy that saves next to nothing).
///
/// # Errors
/// When a file cannot be read or a copy cannot be written; the error names
/// the file.
pub fn precompress_dir(dir: &Path) -> Result<Summary> {
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list `{}`", dir.display()))?;
        if entry.file_type().is_file() && is_candidate(entry.path()) {
            let len = entry
                .metadata()
                .with_context(|| format!("cannot read `{}`", entry.path().display()))?
                .len();
            if len >= MIN_BYTES {
                files.push(entry.into_path());
            }
        }
    }
    let written = files
        .par_iter()
        .map(|path| precompress_file(path))
        .collect::<Result<Vec<_>>>()?;
    Ok(Summary {
        candidates: files.len(),
        gzip_files: written.iter().filter(|(gz, _)| *gz).count(),
        brotli_files: written.iter().filter(|(_, br)| *br).count(),
    })
}

fn is_candidate(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Writes the copies of one file; returns which were worth writing.
fn precompress_file(path: &Path) -> Result<(bool, bool)> {
    let bytes = fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    let worth = |compressed: &[u8]| compressed.len() < bytes.len() - bytes.len() / 20;

    let gz = gzip(&bytes).with_context(|| format!("cannot gzip `{}`", path.display()))?;
    let wrote_gz = worth(&gz);
    if wrote_gz {
        write_beside(path, "gz", &gz)?;
    }
    let br = brotli(&bytes).with_context(|| format!("cannot compress `{}`", path.display()))?;
    let wrote_br = worth(&br);
    if wrote_br {
        write_beside(path, "br", &br)?;
    }
    Ok((wrote_gz, wrote_br))
}

/// gzip at the best level, with modification time 0 and no file name.
pub fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(bytes.len() / 3), Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Brotli at quality 11 with a 4 MiB window.
pub fn brotli(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

fn write_beside(path: &Path, extension: &str, bytes: &[u8]) -> Result<()> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    let target = PathBuf::from(name);
    fs::write(&target, bytes).with_context(|| format!("cannot write `{}`", target.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn gzip_is_deterministic_and_carries_no_mtime() {
        let text = "<p>Pay and outlook</p>\n".repeat(100);
        let a = gzip(text.as_bytes()).expect("gzip");
        let b = gzip(text.as_bytes()).expect("gzip");
        assert_eq!(a, b);
        // Bytes 4..8 of a gzip header hold the modification time.
        assert_eq!(&a[4..8], &[0, 0, 0, 0]);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&a[..])
            .read_to_string(&mut back)
            .expect("gunzip");
        assert_eq!(back, text);
    }

    #[test]
    fn files_that_do_not_compress_get_no_copy() {
        let temp = tempfile::tempdir().expect("temp dir");
        // Bytes with no repetition: neither gzip nor Brotli saves a twentieth.
        let mut state: u32 = 0x2545_f491;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        fs::write(temp.path().join("noise.txt"), &noise).expect("write");
        fs::write(temp.path().join("small.html"), "<p>hi</p>").expect("write");
        fs::write(temp.path().join("photo.png"), "x".repeat(4096)).expect("write");
        fs::write(temp.path().join("page.html"), "<li>nurse</li>".repeat(200)).expect("write");
        let summary = precompress_dir(temp.path()).expect("precompress");
        assert_eq!(
            summary,
            Summary {
                candidates: 2,
                gzip_files: 1,
                brotli_files: 1
            }
        );
        assert!(temp.path().join("page.html.gz").exists());
        assert!(temp.path().join("page.html.br").exists());
        assert!(!temp.path().join("noise.txt.gz").exists());
        assert!(!temp.path().join("noise.txt.br").exists());
        assert!(!temp.path().join("small.html.gz").exists());
        assert!(!temp.path().join("photo.png.gz").exists());
    }
}
