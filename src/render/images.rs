//! Responsive images. A PNG, JPEG or WebP file that a page shows (a
//! Markdown image, a `figure`, a front-matter `image`) is published with
//! smaller copies of itself: a few widths (never wider than the file) in
//! WebP and in its own format, offered to the browser through `srcset`, with
//! `width` and `height` so that the page does not move as it loads. An SVG
//! passes through, with the size its `viewBox` gives.
//!
//! Rendering a page only reads the file's header ([`Images::describe`]);
//! the copies are made once every page is rendered ([`Images::write`]), in
//! parallel, and kept in a cache folder outside the output
//! (`.careergen-cache/images/`, [`CACHE_DIR`]) by a hash of the file's bytes
//! and the settings, so that a rebuild encodes only what changed.

use std::collections::BTreeMap;
use std::hash::Hasher as _;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{DynamicImage, ImageEncoder as _, ImageFormat};
use rayon::prelude::*;
use serde::Serialize;

use crate::config::ImageSettings;
use crate::diagnostics::Diagnostic;

/// The cache folder below the site folder: safe to delete at any time.
pub const CACHE_DIR: &str = ".careergen-cache/images";

/// Bumped whenever the way copies are made changes, so that a cache filled
/// by an older careergen is not used.
const ENCODING_VERSION: u32 = 1;

/// JPEG copies' quality (0–100).
const JPEG_QUALITY: u8 = 82;

/// The help of the warning for an image over `images.max_kb`.
pub const BUDGET_HELP: &str = "make the file smaller (a photo rarely needs more than 2000 px across), or raise `images.max_kb` in config.yaml";

/// How wide an image shows in the default theme's text column, for the
/// browser to pick a copy before it knows the layout.
pub const SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

/// A raster format careergen makes copies of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Raster {
    Png,
    Jpeg,
    WebP,
}

impl Raster {
    fn of_extension(path: &str) -> Option<Raster> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Raster::Png),
            "jpg" | "jpeg" => Some(Raster::Jpeg),
            "webp" => Some(Raster::WebP),
            _ => None,
        }
    }

    fn format(self) -> ImageFormat {
        match self {
            Raster::Png => ImageFormat::Png,
            Raster::Jpeg => ImageFormat::Jpeg,
            Raster::WebP => ImageFormat::WebP,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Raster::Png => "png",
            Raster::Jpeg => "jpg",
            Raster::WebP => "webp",
        }
    }
}

/// An image as a page shows it. Paths are relative to the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Shown {
    /// The file the `<img>` falls back to.
    pub src: String,
    /// Copies in the file's own format (`a-480w.png 480w, a.png 800w`);
    /// `None` for an SVG.
    pub srcset: Option<String>,
    /// The same widths in WebP, for a `<source>` in a `<picture>`; `None`
    /// for an SVG or a WebP file (whose `srcset` is already WebP).
    pub webp_srcset: Option<String>,
    /// [`SIZES`] where there is a `srcset`.
    pub sizes: Option<String>,
    /// The width and height of `src`, in pixels; `None` for an SVG with no
    /// `viewBox` nor size.
    pub width: Option<u32>,
    pub height: Option<u32>,
}

impl Shown {
    /// The HTML for the image: a `<picture>` with a WebP `<source>` when
    /// there are WebP copies, else an `<img>`. `eager` images (the one at
    /// the top of the page) load at once; the others when scrolled near.
    pub fn html(&self, alt: &str, title: Option<&str>, eager: bool) -> String {
        let mut img = format!(r#"<img src="{}""#, escape(&self.src));
        if let (Some(srcset), Some(sizes)) = (&self.srcset, &self.sizes) {
            img.push_str(&format!(
                r#" srcset="{}" sizes="{}""#,
                escape(srcset),
                escape(sizes)
            ));
        }
        if let (Some(width), Some(height)) = (self.width, self.height) {
            img.push_str(&format!(r#" width="{width}" height="{height}""#));
        }
        img.push_str(&format!(r#" alt="{}""#, escape(alt)));
        if let Some(title) = title.filter(|t| !t.is_empty()) {
            img.push_str(&format!(r#" title="{}""#, escape(title)));
        }
        img.push_str(if eager {
            r#" decoding="async">"#
        } else {
            r#" loading="lazy" decoding="async">"#
        });
        match (&self.webp_srcset, &self.sizes) {
            (Some(webp), Some(sizes)) => format!(
                r#"<picture><source type="image/webp" srcset="{}" sizes="{}">{img}</picture>"#,
                escape(webp),
                escape(sizes)
            ),
            _ => img,
        }
    }
}

impl Shown {
    /// `self` (described with an empty root) as seen from a page whose
    /// way to the site root is `root`.
    fn with_root(mut self, root: &str) -> Shown {
        let rooted = |srcset: &str| {
            srcset
                .split(", ")
                .map(|entry| format!("{root}{entry}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        self.src = format!("{root}{}", self.src);
        self.srcset = self.srcset.as_deref().map(rooted);
        self.webp_srcset = self.webp_srcset.as_deref().map(rooted);
        self
    }
}

/// A front-matter `image` as a page shows it at its top (the hero) and
/// names it to other sites (Open Graph, JSON-LD).
#[derive(Debug, Clone, Serialize)]
pub struct HeroView {
    #[serde(flatten)]
    pub shown: Shown,
    pub alt: String,
    /// The absolute URL of `src`, for `og:image`.
    pub url: String,
}

/// `&`, `<`, `>` and `"` as entities, for attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// What describing an image found: how to show it and, for a file over
/// the size budget, a warning's message.
#[derive(Debug, Clone)]
pub struct Described {
    pub shown: Shown,
    pub over_budget: Option<String>,
}

/// One raster file and the copies to make of it.
#[derive(Debug, Clone)]
struct Job {
    /// The file, in full.
    source: PathBuf,
    format: Raster,
    /// The widths to make, in pixels, ascending; the last may be the
    /// file's own width.
    widths: Vec<u32>,
    width: u32,
    height: u32,
}

/// What [`Images::write`] did.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written to the output.
    pub files: usize,
    /// Copies encoded in this build.
    pub encoded: usize,
    /// Copies taken from the cache.
    pub cached: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// The images the pages of one build show, and the copies they need.
/// Pages rendered in parallel share it.
#[derive(Debug)]
pub struct Images {
    root: PathBuf,
    settings: ImageSettings,
    /// By the output path of the original file (`nurse/photo.png`).
    jobs: Mutex<BTreeMap<String, Result<Job, String>>>,
}

impl Images {
    /// Images of the site in `root`, made with `settings`.
    pub fn new(root: &Path, settings: ImageSettings) -> Self {
        Images {
            root: root.to_path_buf(),
            settings,
            jobs: Mutex::new(BTreeMap::new()),
        }
    }

    /// How to show the file `source` (relative to the site root), which
    /// the build publishes at `output` (below the output folder), on a
    /// page whose way to the site root is `root` (`../`). `Ok(None)` for a
    /// file that is neither raster nor SVG; `Err` with a message when the
    /// file cannot be read as the image its name says.
    pub fn describe(
        &self,
        source: &Path,
        output: &str,
        root: &str,
    ) -> Result<Option<Described>, String> {
        let url = |path: &str| format!("{root}{path}");
        let full = self.root.join(source);
        let size = std::fs::metadata(&full)
            .map_err(|err| format!("cannot read `{}`: {err}", source.display()))?
            .len();
        let over_budget = (size > self.settings.max_kb * 1024).then(|| {
            format!(
                "expected an image of at most {} KB, found `{}` of {} KB",
                self.settings.max_kb,
                source.display(),
                size.div_ceil(1024)
            )
        });
        if output.to_ascii_lowercase().ends_with(".svg") {
            let text = std::fs::read_to_string(&full)
                .map_err(|err| format!("cannot read `{}`: {err}", source.display()))?;
            let (width, height) = svg_size(&text).unzip();
            let shown = Shown {
                src: url(output),
                width,
                height,
                ..Shown::default()
            };
            return Ok(Some(Described { shown, over_budget }));
        }
        let Some(format) = Raster::of_extension(output) else {
            return Ok(None);
        };
        let job = {
            let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
            jobs.entry(output.to_string())
                .or_insert_with(|| self.job(&full, format, source))
                .clone()
        };
        let shown = shown(&job?, output, root);
        Ok(Some(Described { shown, over_budget }))
    }

    /// The hero of the page at `page_path` (way to the root `root`) made
    /// from `file` (relative to the site root), whose front matter names
    /// `image`. A file that cannot be read is an error and one over the
    /// budget a warning, at `image.src`, pushed to `found`.
    pub fn hero(
        &self,
        image: &crate::content::kinds::Image,
        file: &Path,
        page_path: &str,
        root: &str,
        base_url: &str,
        found: &mut Vec<Diagnostic>,
    ) -> HeroView {
        let output = super::bundles::image_output(page_path, image);
        let at = |d: Diagnostic| d.with_field("image.src").at_position(image.position);
        let shown = match self.describe(&image.file, &output, "") {
            Ok(Some(described)) => {
                if let Some(message) = described.over_budget {
                    found.push(at(Diagnostic::warning(file, message).with_help(BUDGET_HELP)));
                }
                described.shown
            }
            Ok(None) => Shown {
                src: output,
                ..Shown::default()
            },
            Err(message) => {
                found.push(at(Diagnostic::error(file, message)));
                Shown {
                    src: output,
                    ..Shown::default()
                }
            }
        };
        HeroView {
            url: format!("{base_url}{}", shown.src),
            shown: shown.with_root(root),
            alt: image.alt.clone(),
        }
    }

    /// Whether `path` (below the output folder) has the name of a copy of
    /// an image described in this build (`nurse/photo-480w.webp` of
    /// `nurse/photo.png`): `serve` drops such a file when this build did
    /// not make it.
    pub fn is_stale_copy(&self, path: &str) -> bool {
        let Some((stem, _)) = path.rsplit_once('.') else {
            return false;
        };
        let Some((base, width)) = stem.rsplit_once('-') else {
            return false;
        };
        let Some(digits) = width.strip_suffix('w') else {
            return false;
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        jobs.keys().any(|output| {
            output
                .rsplit_once('.')
                .is_some_and(|(original, _)| original == base)
        })
    }

    /// Reads the size of the raster file `full` and picks the widths.
    fn job(&self, full: &Path, format: Raster, source: &Path) -> Result<Job, String> {
        let (width, height) = image::ImageReader::open(full)
            .map_err(|err| format!("cannot read `{}`: {err}", source.display()))?
            .with_guessed_format()
            .map_err(|err| format!("cannot read `{}`: {err}", source.display()))?
            .into_dimensions()
            .map_err(|err| {
                format!(
                    "expected `{}` to be a {} image, found a file that cannot be read as one: {err}",
                    source.display(),
                    format.extension().to_uppercase()
                )
            })?;
        Ok(Job {
            source: full.to_path_buf(),
            format,
            widths: widths(&self.settings.widths, width),
            width,
            height,
        })
    }

    /// Forgets every image described so far: the next [`Images::write`]
    /// writes the copies of the images described after this alone.
    pub fn forget(&self) {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Makes (or takes from the cache in `cache`, a folder) every copy the
    /// described images need and writes them to `sink`, in parallel.
    pub fn write(&self, sink: &dyn crate::output::Sink, cache: &Path) -> Written {
        let jobs: Vec<(String, Job)> = self
            .jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter_map(|(output, job)| Some((output.clone(), job.as_ref().ok()?.clone())))
            .collect();
        let encoded = AtomicUsize::new(0);
        let cached = AtomicUsize::new(0);
        let results: Vec<(usize, Vec<Diagnostic>)> = jobs
            .par_iter()
            .map(|(output, job)| {
                let counts = (&encoded, &cached);
                match copies(job, output, cache, counts) {
                    Ok(files) => {
                        let mut written = 0;
                        let mut found = Vec::new();
                        for (path, bytes) in files {
                            match sink.write(&path, &bytes) {
                                Ok(()) => written += 1,
                                Err(err) => found.push(Diagnostic::error(
                                    path,
                                    format!("cannot write file: {err}"),
                                )),
                            }
                        }
                        (written, found)
                    }
                    Err(message) => (
                        0,
                        vec![Diagnostic::error(
                            crate::diagnostics::display_path(&self.root, &job.source),
                            message,
                        )],
                    ),
                }
            })
            .collect();
        let mut written = Written {
            encoded: encoded.into_inner(),
            cached: cached.into_inner(),
            ..Written::default()
        };
        for (files, diagnostics) in results {
            written.files += files;
            written.diagnostics.extend(diagnostics);
        }
        written
    }
}

/// The widths to make of a file `width` pixels wide: each of `settings`
/// narrower than it, and the widest of `settings` or the file's own width,
/// whichever is narrower. Never wider than the file.
fn widths(settings: &[u32], width: u32) -> Vec<u32> {
    let widest = settings.iter().copied().max().unwrap_or(width).min(width);
    let mut widths: Vec<u32> = settings.iter().copied().filter(|&w| w < widest).collect();
    widths.push(widest);
    widths.sort_unstable();
    widths.dedup();
    widths
}

/// `nurse/photo.png` at 480 px: `nurse/photo-480w.png`.
fn copy_path(output: &str, width: u32, extension: &str) -> String {
    let stem = output.rsplit_once('.').map_or(output, |(stem, _)| stem);
    format!("{stem}-{width}w.{extension}")
}

/// The output path of the copy of `job` at `width` in `format`: the
/// original file itself for its own width and format.
fn copy_output(job: &Job, output: &str, width: u32, format: Raster) -> String {
    if width == job.width && format == job.format {
        output.to_string()
    } else {
        copy_path(output, width, format.extension())
    }
}

/// The height of `job` scaled to `width`, at least 1.
fn scaled_height(job: &Job, width: u32) -> u32 {
    let height = (u64::from(job.height) * u64::from(width) + u64::from(job.width) / 2)
        / u64::from(job.width.max(1));
    u32::try_from(height).unwrap_or(u32::MAX).max(1)
}

/// How a page at `root` shows `job`, published at `output`.
fn shown(job: &Job, output: &str, root: &str) -> Shown {
    let srcset = |format: Raster| {
        job.widths
            .iter()
            .map(|&w| format!("{root}{} {w}w", copy_output(job, output, w, format)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let widest = job.widths.last().copied().unwrap_or(job.width);
    Shown {
        src: format!("{root}{}", copy_output(job, output, widest, job.format)),
        srcset: Some(srcset(job.format)),
        webp_srcset: (job.format != Raster::WebP).then(|| srcset(Raster::WebP)),
        sizes: Some(SIZES.to_string()),
        width: Some(widest),
        height: Some(scaled_height(job, widest)),
    }
}

/// Every copy of `job` as (output path, bytes): from the cache where it
/// holds one, else encoded and put there. The original file is not among
/// them (it is published as a file of its bundle or an `@/` link).
fn copies(
    job: &Job,
    output: &str,
    cache: &Path,
    (encoded, cached): (&AtomicUsize, &AtomicUsize),
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let bytes = std::fs::read(&job.source)
        .map_err(|err| format!("cannot read `{}`: {err}", job.source.display()))?;
    let hash = content_hash(&bytes);
    let mut wanted = Vec::new();
    for &width in &job.widths {
        for format in [job.format, Raster::WebP] {
            let path = copy_output(job, output, width, format);
            if path != output && !wanted.iter().any(|(p, _, _)| *p == path) {
                wanted.push((path, width, format));
            }
        }
    }
    let cache_file =
        |width: u32, format: Raster| cache.join(format!("{hash}-{width}.{}", format.extension()));
    // Decoded only when some copy is not in the cache.
    let mut decoded: Option<DynamicImage> = None;
    let mut files = Vec::with_capacity(wanted.len());
    for (path, width, format) in wanted {
        let file = cache_file(width, format);
        if let Ok(bytes) = std::fs::read(&file) {
            cached.fetch_add(1, Ordering::Relaxed);
            files.push((path, bytes));
            continue;
        }
        if decoded.is_none() {
            let image = image::load_from_memory_with_format(&bytes, job.format.format()).map_err(
                |err| {
                    format!(
                        "expected a {} image, found a file that cannot be read as one: {err}",
                        job.format.extension().to_uppercase()
                    )
                },
            )?;
            decoded = Some(image);
        }
        let Some(image) = &decoded else {
            continue;
        };
        let copy = crate::timings::work("encode images", || {
            encode(image, width, scaled_height(job, width), format)
        })
        .map_err(|err| format!("cannot make the {width} px copy: {err}"))?;
        encoded.fetch_add(1, Ordering::Relaxed);
        // A cache that cannot be written only costs the next build time.
        if std::fs::create_dir_all(cache).is_ok() {
            let temp = file.with_extension("tmp");
            if std::fs::write(&temp, &copy).is_ok() {
                let _ = std::fs::rename(&temp, &file);
            }
        }
        files.push((path, copy));
    }
    Ok(files)
}

/// The cache name of a file's bytes with this careergen's encoding: 128
/// bits of SipHash as hex, the same on every machine and run.
fn content_hash(bytes: &[u8]) -> String {
    let mut hasher = siphasher::sip128::SipHasher13::new();
    hasher.write_u32(ENCODING_VERSION);
    hasher.write_u8(JPEG_QUALITY);
    hasher.write(bytes);
    format!(
        "{:032x}",
        siphasher::sip128::Hasher128::finish128(&hasher).as_u128()
    )
}

/// `image` resized to `width` × `height` and encoded as `format`.
fn encode(
    image: &DynamicImage,
    width: u32,
    height: u32,
    format: Raster,
) -> Result<Vec<u8>, image::ImageError> {
    let resized = if image.width() == width && image.height() == height {
        image.clone()
    } else {
        image.resize_exact(width, height, image::imageops::FilterType::Lanczos3)
    };
    let mut out = Cursor::new(Vec::new());
    match format {
        Raster::WebP => {
            let encoder = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
            if resized.color().has_alpha() {
                let rgba = resized.to_rgba8();
                encoder.write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)?;
            } else {
                let rgb = resized.to_rgb8();
                encoder.write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)?;
            }
        }
        Raster::Jpeg => {
            let rgb = resized.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)?;
        }
        Raster::Png => {
            let encoder = image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Best,
                image::codecs::png::FilterType::Adaptive,
            );
            if resized.color().has_alpha() {
                let rgba = resized.to_rgba8();
                encoder.write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)?;
            } else {
                let rgb = resized.to_rgb8();
                encoder.write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)?;
            }
        }
    }
    Ok(out.into_inner())
}

/// The size of an SVG in pixels: its `viewBox`'s width and height, else
/// its `width` and `height` when they are plain numbers (or `px`).
pub fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let end = start + text[start..].find('>')?;
    let tag = &text[start..end];
    let attribute = |name: &str| {
        crate::render::markdown::html_attributes(tag, name)
            .next()
            .map(str::to_string)
    };
    let number = |value: &str| -> Option<u32> {
        let value = value.trim().trim_end_matches("px");
        let n: f64 = value.parse().ok()?;
        (n.is_finite() && n > 0.0 && n < 100_000.0).then(|| n.round() as u32)
    };
    if let Some(view_box) = attribute("viewBox") {
        let parts: Vec<&str> = view_box
            .split(|c: char| c == ',' || c.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        if let [_, _, w, h] = parts.as_slice()
            && let (Some(w), Some(h)) = (number(w), number(h))
        {
            return Some((w, h));
        }
    }
    Some((
        number(&attribute("width")?)?,
        number(&attribute("height")?)?,
    ))
}

/// Whether `dest` is a path a page may write relative to itself for a
/// file of its bundle: no scheme, no query, not absolute, inside the folder.
pub fn is_bundle_path(dest: &str) -> bool {
    !dest.contains([':', '?', '#']) && crate::render::markdown::is_plain_path(dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_never_upscale() {
        assert_eq!(widths(&[480, 800, 1200], 2000), [480, 800, 1200]);
        assert_eq!(widths(&[480, 800, 1200], 1000), [480, 800, 1000]);
        assert_eq!(widths(&[480, 800, 1200], 800), [480, 800]);
        assert_eq!(widths(&[480, 800, 1200], 300), [300]);
    }

    #[test]
    fn svg_size_comes_from_the_view_box() {
        assert_eq!(
            svg_size(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450">"#),
            Some((800, 450))
        );
        assert_eq!(
            svg_size(r#"<?xml version="1.0"?><svg width="120px" height="60">"#),
            Some((120, 60))
        );
        assert_eq!(svg_size(r#"<svg width="100%">"#), None);
    }

    #[test]
    fn a_png_gets_smaller_copies_in_webp_and_png() {
        let job = Job {
            source: PathBuf::from("a.png"),
            format: Raster::Png,
            widths: vec![480, 800, 1000],
            width: 1000,
            height: 500,
        };
        let shown = shown(&job, "nurse/a.png", "../");
        assert_eq!(shown.src, "../nurse/a.png");
        assert_eq!(
            shown.srcset.as_deref(),
            Some("../nurse/a-480w.png 480w, ../nurse/a-800w.png 800w, ../nurse/a.png 1000w")
        );
        assert_eq!(
            shown.webp_srcset.as_deref(),
            Some(
                "../nurse/a-480w.webp 480w, ../nurse/a-800w.webp 800w, ../nurse/a-1000w.webp 1000w"
            )
        );
        assert_eq!((shown.width, shown.height), (Some(1000), Some(500)));
        let html = shown.html("A \"nurse\"", None, false);
        assert!(
            html.starts_with(r#"<picture><source type="image/webp""#),
            "{html}"
        );
        assert!(
            html.contains(r#"alt="A &quot;nurse&quot;" loading="lazy""#),
            "{html}"
        );
        assert!(!shown.html("x", None, true).contains("loading"));
    }
}
