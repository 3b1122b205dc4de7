//! Where rendered files go: a staging folder swapped in only after the whole
//! build succeeded, or memory for `check` and `serve`.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context as _, bail};

/// A destination for the files of a build, written from many threads.
pub trait Sink: Sync {
    /// Writes `bytes` at `path` (relative, `/`-separated).
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
}

/// Writes into a folder on disk.
pub struct DiskSink {
    dir: PathBuf,
}

impl DiskSink {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        DiskSink { dir: dir.into() }
    }
}

impl Sink for DiskSink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = self.dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, bytes)
    }
}

/// Keeps every file in memory (`check`, `serve`, tests).
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// Discards everything (`check` without output).
pub struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }
}

/// A folder beside the output that becomes the output on [`Staging::commit`]
/// and is removed if dropped before.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `output`.
    pub fn new(output: &Path) -> anyhow::Result<Self> {
        let name = output
            .file_name()
            .with_context(|| format!("`{}` is not a usable output folder", output.display()))?
            .to_string_lossy()
            .to_string();
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create `{}`", parent.display()))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot clear `{}`", dir.display()))?;
        }
        fs::create_dir(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Replaces the output folder with the staging folder.
    pub fn commit(mut self) -> anyhow::Result<()> {
        let old = self.dir.with_extension("old");
        if self.output.exists() {
            if !self.output.is_dir() {
                bail!("`{}` exists and is not a folder", self.output.display());
            }
            fs::rename(&self.output, &old).with_context(|| {
                format!("cannot move the previous `{}` aside", self.output.display())
            })?;
        }
        if let Err(err) = fs::rename(&self.dir, &self.output) {
            // Put the previous site back so that a failed swap loses nothing.
            if old.exists() {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(err).with_context(|| format!("cannot replace `{}`", self.output.display()));
        }
        self.committed = true;
        if old.exists() {
            fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove `{}`", old.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Refuses output folders that would destroy the site's own sources.
pub fn check_output_folder(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root =
        fs::canonicalize(root).with_context(|| format!("cannot open `{}`", root.display()))?;
    let output_abs = match fs::canonicalize(output) {
        Ok(path) => path,
        Err(_) => return Ok(()),
    };
    if root.starts_with(&output_abs) {
        bail!(
            "the output folder `{}` contains the site itself; choose another --output",
            output.display()
        );
    }
    for protected in ["content", "templates", "themes", "static"] {
        if output_abs.starts_with(root.join(protected)) {
            bail!(
                "the output folder `{}` is inside the site's `{protected}/`; choose another --output",
                output.display()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let temp = tempfile::tempdir().expect("temp dir");
        let output = temp.path().join("public");
        fs::create_dir(&output).expect("mkdir");
        fs::write(output.join("stale.html"), "old").expect("write");

        let staging = Staging::new(&output).expect("staging");
        DiskSink::new(staging.dir())
            .write("a/index.html", b"new")
            .expect("write");
        staging.commit().expect("commit");
        assert_eq!(
            fs::read_to_string(output.join("a/index.html")).expect("read"),
            "new"
        );
        assert!(!output.join("stale.html").exists());

        let staging = Staging::new(&output).expect("staging");
        let dir = staging.dir().to_path_buf();
        drop(staging);
        assert!(!dir.exists());
        assert!(output.join("a/index.html").exists());
    }
}
