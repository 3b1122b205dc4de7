//! Where rendered files go: a staging folder swapped in only after the whole
//! build succeeded, or memory for `check` and `serve`.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

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

/// Removes the file at `path` (relative, `/`-separated) below `dir`, then
/// each folder above it, up to `dir`, that it leaves empty. A file already
/// gone is not an error.
pub fn remove_file(dir: &Path, path: &str) -> io::Result<()> {
    let target = dir.join(path);
    match fs::remove_file(&target) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
        Err(err) => return Err(err),
    }
    let mut folder = target.parent();
    while let Some(current) = folder.filter(|f| *f != dir && f.starts_with(dir)) {
        // Fails on a folder that still holds something: then stop.
        if fs::remove_dir(current).is_err() {
            break;
        }
        folder = current.parent();
    }
    Ok(())
}

/// Keeps every file in memory (`check`, `serve`, tests).
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// Whether a file was written at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains_key(path)
    }

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
///
/// The staging folder is `.<output>.staging-<pid>-<nonce>` in the output's
/// parent, beside a lock file of the same name plus `.lock` that the build
/// holds locked until it is done. A build killed on the way (SIGKILL, out of
/// memory, a CI timeout) leaves both behind; the kernel releases its lock,
/// and the next build that stages beside the same output finds the lock
/// free and removes what it left. Only names of that form are ever removed,
/// and never while their lock is held: a live build is left alone, and a
/// leftover never stops a build.
///
/// The swap itself is atomic where the OS allows it: on Linux
/// `renameat2(RENAME_EXCHANGE)` (on macOS `renameatx_np(RENAME_SWAP)`)
/// exchanges the two folders in one step, so the output folder is always
/// there, holding the old site or the new one. Elsewhere, or on a file
/// system that cannot exchange, the previous output is renamed aside to
/// `<staging>.old` and the staging folder renamed into its place: for a
/// moment there is no output folder, and a build killed in that moment
/// leaves the previous site in `<staging>.old`, which the next build moves
/// back before it cleans up.
///
/// Removing the previous output takes as long as writing a site's many
/// small files did (0.75 s at 10,000 guides), after the new site is in
/// place: [`Staging::commit_in_background`] hands it to another process
/// (see [`remove_handed_off`]) so that the build ends at the swap.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    /// The lock file, held locked for the life of the build.
    lock: Option<(File, PathBuf)>,
    /// Set once another process took over removing the folder (the
    /// previous output) and its lock file.
    handed_off: bool,
}

/// The suffix of the lock file beside a staging folder.
const LOCK_SUFFIX: &str = ".lock";
/// The suffix of the previous output moved aside by the fallback swap.
const OLD_SUFFIX: &str = ".old";

impl Staging {
    /// Removes what dead builds left beside `output`, then creates an empty
    /// staging folder next to it.
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
        clean_leftovers(parent, output, &name);
        let nonce = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = parent.join(format!(
            "{}{}-{nonce:x}",
            staging_prefix(&name),
            std::process::id()
        ));
        let lock_path = with_suffix(&dir, LOCK_SUFFIX);
        // The lock comes first and goes last: a staging folder without its
        // lock file is never a live build's.
        let lock = File::create_new(&lock_path)
            .with_context(|| format!("cannot create `{}`", lock_path.display()))?;
        // A new file is never locked by another. On a file system without
        // locks the lock fails; leftovers are then never taken for dead (a
        // lock that cannot be taken counts as held) and stay until removed
        // by hand, but they still block nothing.
        let _ = lock.try_lock();
        let staging = Staging {
            output: output.to_path_buf(),
            dir,
            lock: Some((lock, lock_path)),
            handed_off: false,
        };
        fs::create_dir(&staging.dir)
            .with_context(|| format!("cannot create `{}`", staging.dir.display()))?;
        Ok(staging)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Replaces the output folder with the staging folder, then removes the
    /// previous output.
    pub fn commit(self) -> anyhow::Result<()> {
        self.replace_output()?;
        Ok(())
    }

    /// Replaces the output folder with the staging folder, then hands the
    /// previous output to `remover`, run detached with two more arguments:
    /// the folder that now holds the previous output and its lock file
    /// (see [`remove_handed_off`]). Returns once the new site is in place.
    ///
    /// The folder keeps its staging name, which only this build may
    /// publish: until the remover is done, the next build beside the same
    /// output sees a live build's leftover (its lock held) and leaves it,
    /// or, if the remover died, a dead one, which it removes. Where the
    /// remover cannot be started, the previous output is removed here, as
    /// [`Staging::commit`] does.
    pub fn commit_in_background(mut self, remover: std::process::Command) -> anyhow::Result<()> {
        if self.replace_output()? {
            self.handed_off = spawn_remover(remover, &self.dir, self.lock.as_ref());
        }
        Ok(())
    }

    /// Puts the staging folder in the output's place; returns whether a
    /// previous output is now in the staging folder's.
    fn replace_output(&self) -> anyhow::Result<bool> {
        match fs::symlink_metadata(&self.output) {
            Ok(_) if !self.output.is_dir() => {
                bail!("`{}` exists and is not a folder", self.output.display())
            }
            Ok(_) => {
                self.swap(exchange)?;
                Ok(true)
            }
            Err(_) => {
                fs::rename(&self.dir, &self.output)
                    .with_context(|| format!("cannot create `{}`", self.output.display()))?;
                Ok(false)
            }
        }
    }

    /// Swaps the staging folder with an existing output folder; afterwards
    /// the staging folder's name holds the previous output.
    fn swap(&self, exchange: fn(&Path, &Path) -> io::Result<()>) -> anyhow::Result<()> {
        if exchange(&self.dir, &self.output).is_ok() {
            return Ok(());
        }
        // Two renames: the previous output aside, the new one in its place.
        let old = with_suffix(&self.dir, OLD_SUFFIX);
        fs::rename(&self.output, &old).with_context(|| {
            format!("cannot move the previous `{}` aside", self.output.display())
        })?;
        if let Err(err) = fs::rename(&self.dir, &self.output) {
            // Put the previous site back so that a failed swap loses nothing.
            let _ = fs::rename(&old, &self.output);
            return Err(err).with_context(|| format!("cannot replace `{}`", self.output.display()));
        }
        fs::rename(&old, &self.dir)
            .with_context(|| format!("cannot rename `{}`", old.display()))?;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Not committed, this is the unused build; committed, the previous
        // output. A removal that fails is retried by the next build.
        if !self.handed_off {
            let _ = fs::remove_dir_all(&self.dir);
        }
        // Set aside by a swap that could not finish: keep it while it is
        // the only copy of the site.
        if self.output.is_dir() {
            let _ = fs::remove_dir_all(with_suffix(&self.dir, OLD_SUFFIX));
        }
        if let Some((lock, path)) = self.lock.take() {
            // Handed off, the lock file is the remover's to delete; unlocking
            // it (below) lets the remover, waiting for it, begin.
            if !self.handed_off {
                let _ = fs::remove_file(&path);
            }
            drop(lock);
        }
    }
}

/// Starts `remover` on `dir` and the lock file, detached: no terminal, its
/// own process group (so that Ctrl-C on the build does not reach it), not
/// waited for. Returns whether it started.
fn spawn_remover(
    mut remover: std::process::Command,
    dir: &Path,
    lock: Option<&(File, PathBuf)>,
) -> bool {
    let Some((_, lock_path)) = lock else {
        return false;
    };
    remover
        .arg(dir)
        .arg(lock_path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut remover, 0);
    remover.spawn().is_ok()
}

/// Removes `dir`, the previous output a build handed off with
/// [`Staging::commit_in_background`], then its lock file `lock_path`.
/// Waits for the build to unlock the lock file, then holds it while
/// removing, so that no other build takes the folder for a dead one's
/// meanwhile; a build that takes it first removes it itself, which is as
/// good. Refuses any folder not named as a staging folder with its lock
/// file beside it, so that it never removes anything else.
pub fn remove_handed_off(dir: &Path, lock_path: &Path) -> anyhow::Result<()> {
    let name = dir.file_name().map(|n| n.to_string_lossy().to_string());
    let staged = name
        .as_deref()
        .is_some_and(|n| n.starts_with('.') && n.contains(".staging-") && !n.ends_with(OLD_SUFFIX));
    if !staged || lock_path != with_suffix(dir, LOCK_SUFFIX) {
        bail!(
            "`{}` is not a staging folder beside its lock file `{}`",
            dir.display(),
            lock_path.display()
        );
    }
    let Ok(lock) = File::open(lock_path) else {
        // Another build found it first and removed it with its lock file.
        return Ok(());
    };
    // A file system without locks fails here: remove it all the same.
    let _ = lock.lock();
    let removed = match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => {
            Err(err).with_context(|| format!("cannot remove `{}`", dir.display()))
        }
        _ => Ok(()),
    };
    // Kept with its folder when that could not go: the next build retries.
    if removed.is_ok() {
        let _ = fs::remove_file(lock_path);
    }
    removed
}

/// `.public.staging-`: how the names of staging folders beside an output
/// folder called `name` begin.
fn staging_prefix(name: &str) -> String {
    format!(".{name}.staging-")
}

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Exchanges two folders in one step, where the OS can.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// Exchanges two folders in one step, where the OS can: not here.
#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Removes the staging folders, their lock files and previous outputs that
/// builds beside `output` (called `name`, in `parent`) left when they died.
/// A previous output left aside while no output exists is moved back
/// first. Best effort: what cannot be removed now is retried next time.
fn clean_leftovers(parent: &Path, output: &Path, name: &str) {
    let prefix = staging_prefix(name);
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut locks = Vec::new();
    let mut others = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().to_string();
        if !file_name.starts_with(&prefix) {
            continue;
        }
        match file_name.strip_suffix(LOCK_SUFFIX) {
            Some(base) => locks.push(parent.join(base)),
            None => others.push(entry.path()),
        }
    }
    for base in &locks {
        let lock_path = with_suffix(base, LOCK_SUFFIX);
        let Ok(lock) = File::open(&lock_path) else {
            continue;
        };
        // Held: a live build. Free: its owner died.
        if lock.try_lock().is_err() {
            continue;
        }
        remove_dead(base, output);
        let _ = fs::remove_file(&lock_path);
    }
    // Folders without a lock file come from a build that died before it
    // locked, or from an older careergen that staged without one.
    for path in others {
        let base = path
            .to_str()
            .and_then(|p| p.strip_suffix(OLD_SUFFIX))
            .map_or_else(|| path.clone(), PathBuf::from);
        if !locks.contains(&base) && !with_suffix(&base, LOCK_SUFFIX).exists() {
            remove_dead(&base, output);
        }
    }
}

/// Removes a dead build's staging folder, and its previous output unless
/// the output is missing, in which case it goes back in place.
fn remove_dead(base: &Path, output: &Path) {
    let old = with_suffix(base, OLD_SUFFIX);
    if old.is_dir() && fs::symlink_metadata(output).is_err() {
        let _ = fs::rename(&old, output);
    }
    let _ = fs::remove_dir_all(&old);
    let _ = fs::remove_dir_all(base);
}

/// An output folder refused before anything is read: a usage error, which
/// the binary reports with exit code 2.
#[derive(Debug)]
pub struct RefusedOutput(String);

impl std::fmt::Display for RefusedOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RefusedOutput {}

/// Refuses output folders that would destroy the site's own sources: the
/// site folder itself or a folder inside one the build reads (`content/`,
/// `templates/`, `static/`, `themes/`), whether the output folder exists
/// yet or not, and however it is reached (`..`, links). A refusal is a
/// [`RefusedOutput`].
pub fn check_output_folder(root: &Path, output: &Path) -> anyhow::Result<()> {
    let root =
        fs::canonicalize(root).with_context(|| format!("cannot open `{}`", root.display()))?;
    if fs::metadata(output).is_ok_and(|m| !m.is_dir()) {
        return Err(RefusedOutput(format!(
            "the output folder `{}` exists and is not a folder; choose another --output",
            output.display()
        ))
        .into());
    }
    let output_abs = resolve(output)
        .with_context(|| format!("cannot open the output folder `{}`", output.display()))?;
    if root.starts_with(&output_abs) {
        return Err(RefusedOutput(format!(
            "the output folder `{}` contains the site itself; choose another --output",
            output.display()
        ))
        .into());
    }
    for protected in ["content", "templates", "themes", "static"] {
        // The input folder as the build reads it (it may be a link).
        let input = root.join(protected);
        let input = fs::canonicalize(&input).unwrap_or(input);
        if output_abs.starts_with(&input) {
            return Err(RefusedOutput(format!(
                "the output folder `{}` is inside the site's `{protected}/`; choose another --output",
                output.display()
            ))
            .into());
        }
    }
    Ok(())
}

/// The absolute path `path` names once its links are followed, for a path
/// whose last parts may not exist yet: the part that exists is resolved by
/// the OS, the rest lexically.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let parts: Vec<Component<'_>> = absolute.components().collect();
    for existing in (1..=parts.len()).rev() {
        let Ok(mut resolved) = fs::canonicalize(parts[..existing].iter().collect::<PathBuf>())
        else {
            continue;
        };
        for part in &parts[existing..] {
            match part {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                _ => {}
            }
        }
        return Ok(resolved);
    }
    Ok(absolute)
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

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_fallback_swap_replaces_the_output_and_leaves_nothing_beside_it() {
        let temp = tempfile::tempdir().expect("temp dir");
        let output = temp.path().join("public");
        fs::create_dir(&output).expect("mkdir");
        fs::write(output.join("old.html"), "old").expect("write");
        let staging = Staging::new(&output).expect("staging");
        fs::write(staging.dir().join("new.html"), "new").expect("write");
        let unsupported = |_: &Path, _: &Path| Err(io::Error::from(io::ErrorKind::Unsupported));
        staging.swap(unsupported).expect("swap");
        drop(staging);
        assert_eq!(names(&output), ["new.html"]);
        assert_eq!(names(temp.path()), ["public"]);
    }

    #[test]
    fn dead_builds_leftovers_are_removed_and_live_ones_kept() {
        let temp = tempfile::tempdir().expect("temp dir");
        let output = temp.path().join("public");
        fs::create_dir(&output).expect("mkdir");
        // A build killed after it locked (its lock file is free now), one
        // killed before it locked, one from before lock files, and the
        // previous output an older careergen left aside.
        for dead in [
            ".public.staging-1-a",
            ".public.staging-2-b",
            ".public.staging-3",
            ".public.staging-3.old",
        ] {
            fs::create_dir_all(temp.path().join(dead).join("x")).expect("mkdir");
        }
        fs::write(temp.path().join(".public.staging-1-a.lock"), "").expect("lock file");
        // A live build: its lock is held.
        let live = Staging::new(&output).expect("live build");
        // Another output's staging folder, and a folder of the user's.
        fs::create_dir(temp.path().join(".other.staging-1")).expect("mkdir");
        fs::create_dir(temp.path().join("public.staging-1")).expect("mkdir");

        let next = Staging::new(&output).expect("next build");
        let mut left = names(temp.path());
        left.retain(|n| {
            !n.starts_with(".public.staging-") || {
                let live_name = live
                    .dir()
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .to_string();
                let next_name = next
                    .dir()
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .to_string();
                !(n.starts_with(&live_name) || n.starts_with(&next_name))
            }
        });
        assert_eq!(left, [".other.staging-1", "public", "public.staging-1"]);
        assert!(live.dir().is_dir(), "a live build's folder is kept");
        drop(next);
        drop(live);
        assert_eq!(
            names(temp.path()),
            [".other.staging-1", "public", "public.staging-1"]
        );
    }

    #[test]
    fn a_previous_output_left_aside_comes_back_when_the_output_is_missing() {
        let temp = tempfile::tempdir().expect("temp dir");
        let output = temp.path().join("public");
        let aside = temp.path().join(".public.staging-9-c.old");
        fs::create_dir(&aside).expect("mkdir");
        fs::write(aside.join("index.html"), "old").expect("write");
        drop(Staging::new(&output).expect("staging"));
        assert_eq!(names(temp.path()), ["public"]);
        assert_eq!(names(&output), ["index.html"]);
    }

    #[test]
    fn output_folders_inside_the_sources_are_refused_before_they_exist() {
        let temp = tempfile::tempdir().expect("temp dir");
        let root = temp.path().join("site");
        for dir in ["content", "templates", "static", "themes/default"] {
            fs::create_dir_all(root.join(dir)).expect("mkdir");
        }
        for output in [
            "templates/out",
            "templates/a/b/out",
            "content/out",
            "static/out",
            "themes/default/out",
            "public/../templates/out",
            ".",
        ] {
            let err = check_output_folder(&root, &root.join(output))
                .expect_err(output)
                .to_string();
            assert!(err.contains("choose another --output"), "{output}: {err}");
        }
        fs::write(root.join("config.yaml"), "title: T\n").expect("config");
        let err = check_output_folder(&root, &root.join("config.yaml")).expect_err("a file");
        assert!(err.to_string().contains("is not a folder"), "{err}");
        for output in ["public", "out/site", "../elsewhere"] {
            check_output_folder(&root, &root.join(output)).expect(output);
        }
    }
}
