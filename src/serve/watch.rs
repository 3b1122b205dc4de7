//! Watching the site folder: notify events, debounced, sorted into the kinds
//! of change a rebuild cares about (config, guide, template, static file).

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::config::CONFIG_FILE;
use crate::content::load::CONTENT_DIR;
use crate::walk::is_editor_file;

/// The folders below the site root that a build reads.
const WATCHED_DIRS: [&str; 6] = [
    CONTENT_DIR,
    "templates",
    crate::i18n::MESSAGES_DIR,
    "static",
    "themes",
    crate::data::DATA_DIR,
];

/// What a batch of file events asks the next rebuild to redo.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// `config.yaml` changed: everything is rebuilt.
    pub config: bool,
    /// Guide files (`content/**/*.md`) that changed, came or went.
    pub guides: BTreeSet<PathBuf>,
    /// Other paths under `content/`: folders that came, went or moved.
    pub content_dirs: BTreeSet<PathBuf>,
    /// A data file (`data/`) changed: the figures are read again and
    /// only what shows changed ones is rebuilt.
    pub data: bool,
    /// A template of the site or of its theme changed.
    pub templates: bool,
    /// Message files (`i18n/*.ftl`) of the site or of its theme that
    /// changed, came or went: read again with the templates.
    pub messages: BTreeSet<PathBuf>,
    /// Static files (or folders) of the site or of its theme that changed.
    pub statics: BTreeSet<PathBuf>,
    /// One of the watched folders itself came or went.
    pub rewatch: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.config
            && !self.data
            && self.guides.is_empty()
            && self.content_dirs.is_empty()
            && !self.templates
            && self.messages.is_empty()
            && self.statics.is_empty()
    }

    /// Adds what `other` names.
    pub fn merge(&mut self, other: &Changes) {
        self.config |= other.config;
        self.data |= other.data;
        self.guides.extend(other.guides.iter().cloned());
        self.content_dirs.extend(other.content_dirs.iter().cloned());
        self.templates |= other.templates;
        self.messages.extend(other.messages.iter().cloned());
        self.statics.extend(other.statics.iter().cloned());
        self.rewatch |= other.rewatch;
    }

    /// Files the change names, relative to `root`, for the terminal.
    pub fn describe(&self, root: &Path) -> String {
        let mut names: Vec<String> = Vec::new();
        if self.config {
            names.push(CONFIG_FILE.to_string());
        }
        if self.data {
            names.push(format!("{}/", crate::data::DATA_DIR));
        }
        for path in self
            .guides
            .iter()
            .chain(&self.content_dirs)
            .chain(&self.messages)
            .chain(&self.statics)
        {
            names.push(
                crate::diagnostics::display_path(root, path)
                    .display()
                    .to_string(),
            );
        }
        if self.templates {
            names.push("templates".to_string());
        }
        const SHOWN: usize = 3;
        let more = names.len().saturating_sub(SHOWN);
        names.truncate(SHOWN);
        let mut text = names.join(", ");
        if more > 0 {
            text.push_str(&format!(" and {more} more"));
        }
        text
    }

    /// Files `path` under `root` into the right kind of change. `theme` is
    /// the theme in use, or `None` when the config could not be read (then
    /// every theme counts).
    pub fn add(&mut self, root: &Path, theme: Option<&str>, path: &Path) {
        let Ok(rel) = path.strip_prefix(root) else {
            return;
        };
        if rel
            .file_name()
            .is_some_and(|name| is_editor_file(&name.to_string_lossy()))
        {
            return;
        }
        let parts: Vec<&str> = match rel
            .components()
            .map(|c| match c {
                Component::Normal(name) => name.to_str(),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
        {
            Some(parts) => parts,
            // A name that is not UTF-8 can still be a guide: look again.
            None if rel.starts_with(CONTENT_DIR) => {
                self.content_dirs.insert(path.to_path_buf());
                return;
            }
            None => return,
        };
        match parts.as_slice() {
            [] => {}
            [name] if *name == CONFIG_FILE => self.config = true,
            [dir] if WATCHED_DIRS.contains(dir) => {
                self.rewatch = true;
                match *dir {
                    CONTENT_DIR => {
                        self.content_dirs.insert(path.to_path_buf());
                    }
                    "static" => {
                        self.statics.insert(path.to_path_buf());
                    }
                    "templates" | crate::i18n::MESSAGES_DIR => self.templates = true,
                    crate::data::DATA_DIR => self.data = true,
                    _ => {
                        self.templates = true;
                        self.statics.insert(path.to_path_buf());
                    }
                }
            }
            // Data files (`data:` in config.yaml): figures of any page.
            [crate::data::DATA_DIR, ..] => self.data = true,
            [CONTENT_DIR, rest @ ..] => {
                if rest.iter().any(|part| part.starts_with('.')) {
                    // Hidden files and folders are never guides.
                } else if rest.last().is_some_and(|name| name.ends_with(".md")) {
                    self.guides.insert(path.to_path_buf());
                } else if let Some(index) = bundle_index(&root.join(CONTENT_DIR), path) {
                    // A file of a page bundle: published beside the page,
                    // which shows it (an image's size and copies).
                    self.guides.insert(index);
                    self.statics.insert(path.to_path_buf());
                } else {
                    self.content_dirs.insert(path.to_path_buf());
                }
            }
            ["templates", ..] => self.templates = true,
            // Message files: read again with the templates.
            [crate::i18n::MESSAGES_DIR, ..] => {
                self.messages.insert(path.to_path_buf());
            }
            ["static", ..] => {
                self.statics.insert(path.to_path_buf());
            }
            ["themes", name, rest @ ..] if theme.is_none_or(|t| t == *name) => match rest {
                [] => {
                    self.templates = true;
                    self.statics.insert(path.to_path_buf());
                }
                ["templates", ..] => self.templates = true,
                [crate::i18n::MESSAGES_DIR, ..] => {
                    self.messages.insert(path.to_path_buf());
                }
                ["static", ..] => {
                    self.statics.insert(path.to_path_buf());
                }
                _ => {}
            },
            // The output folder, other themes, other files at the root.
            _ => {}
        }
    }
}

/// The `index.md` of the page bundle that holds `path`, a file below
/// `content`, if a folder above it (below `content`) has one.
fn bundle_index(content: &Path, path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .skip(1)
        .take_while(|dir| *dir != content && dir.starts_with(content))
        .map(|dir| dir.join(crate::content::bundle::INDEX_FILE))
        .find(|index| index.is_file())
}

/// A message to the rebuild thread.
pub enum Message {
    /// A debounced batch of file events.
    Events(DebounceEventResult),
    /// Stop watching and return.
    Stop,
}

/// The file watcher: the site root itself (for `config.yaml` and folders
/// that come and go) and each watched folder that exists, recursively.
pub struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    /// Starts watching `root`, sending each debounced batch to `sender`
    /// and, when it holds a change, setting `news` after sending it.
    pub fn start(
        root: &Path,
        debounce: Duration,
        sender: Sender<Message>,
        news: Arc<AtomicBool>,
    ) -> notify::Result<Self> {
        // The debouncer looks for settled events once per tick: a short tick
        // keeps the wait close to the debounce window itself.
        let tick = (debounce / 8).max(Duration::from_millis(2));
        let mut debouncer =
            new_debouncer(debounce, Some(tick), move |result: DebounceEventResult| {
                // Reads of files (the rebuild's own among them) change nothing.
                let changes = result.as_ref().map_or(true, |events| {
                    events.iter().any(|e| super::is_change(&e.kind))
                });
                // The receiver is gone only while serve shuts down.
                let _ = sender.send(Message::Events(result));
                if changes {
                    news.store(true, Ordering::SeqCst);
                }
            })?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut watcher = Watcher {
            debouncer,
            root: root.to_path_buf(),
            watched: BTreeSet::new(),
        };
        watcher.refresh()?;
        Ok(watcher)
    }

    /// Watches the folders that appeared since the last call and forgets
    /// those that went.
    pub fn refresh(&mut self) -> notify::Result<()> {
        for name in WATCHED_DIRS {
            let dir = self.root.join(name);
            let exists = dir.is_dir();
            let watched = self.watched.contains(&dir);
            if watched {
                // The folder may have been replaced: watch the new one.
                let _ = self.debouncer.unwatch(&dir);
                self.watched.remove(&dir);
            }
            if exists {
                self.debouncer.watch(&dir, RecursiveMode::Recursive)?;
                self.watched.insert(dir);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(path: &str, theme: Option<&str>) -> Changes {
        let root = Path::new("/site");
        let mut changes = Changes::default();
        changes.add(root, theme, &root.join(path));
        changes
    }

    #[test]
    fn each_kind_of_path_is_classified() {
        let guide = |p: &str| Changes {
            guides: [PathBuf::from("/site").join(p)].into(),
            ..Changes::default()
        };
        let statics = |p: &str| Changes {
            statics: [PathBuf::from("/site").join(p)].into(),
            ..Changes::default()
        };
        let templates = Changes {
            templates: true,
            ..Changes::default()
        };
        let messages = |p: &str| Changes {
            messages: [PathBuf::from("/site").join(p)].into(),
            ..Changes::default()
        };
        let none = Changes::default();
        let cases: Vec<(&str, Changes)> = vec![
            (
                "config.yaml",
                Changes {
                    config: true,
                    ..Changes::default()
                },
            ),
            (
                "data/oews-national-may2025.csv",
                Changes {
                    data: true,
                    ..Changes::default()
                },
            ),
            ("content/a.md", guide("content/a.md")),
            ("content/sales/b.md", guide("content/sales/b.md")),
            (
                "content/sales",
                Changes {
                    content_dirs: [PathBuf::from("/site/content/sales")].into(),
                    ..Changes::default()
                },
            ),
            ("content/.hidden.md", none.clone()),
            ("content/.drafts/a.md", none.clone()),
            ("content/.a.md.swp", none.clone()),
            ("content/a.md~", none.clone()),
            ("content/.#a.md", none.clone()),
            ("content/4913", none.clone()),
            ("content/#a.md#", none.clone()),
            ("static/.DS_Store", none.clone()),
            ("templates/.guide.html.swp", none.clone()),
            ("templates/guide.html", templates.clone()),
            ("themes/default/templates/base.html", templates.clone()),
            ("themes/other/templates/base.html", none.clone()),
            ("i18n/es.ftl", messages("i18n/es.ftl")),
            (
                "themes/default/i18n/es.ftl",
                messages("themes/default/i18n/es.ftl"),
            ),
            ("themes/other/i18n/es.ftl", none.clone()),
            (
                "themes/default/static/style.css",
                statics("themes/default/static/style.css"),
            ),
            ("static/img/logo.png", statics("static/img/logo.png")),
            ("public/index.html", none.clone()),
            (".public.staging-1/index.html", none.clone()),
            ("README.md", none.clone()),
        ];
        for (path, expected) in cases {
            assert_eq!(classify(path, Some("default")), expected, "{path}");
        }
    }

    #[test]
    fn without_a_config_every_theme_counts() {
        assert!(classify("themes/other/templates/base.html", None).templates);
    }

    #[test]
    fn watched_folders_that_come_and_go_are_rewatched() {
        let changes = classify("templates", Some("default"));
        assert!(changes.rewatch && changes.templates);
        let changes = classify("content", Some("default"));
        assert!(changes.rewatch && !changes.content_dirs.is_empty());
    }

    #[test]
    fn describe_names_a_few_files() {
        let root = Path::new("/site");
        let mut changes = Changes::default();
        for name in ["a", "b", "c", "d"] {
            changes.add(root, None, &root.join(format!("content/{name}.md")));
        }
        assert_eq!(
            changes.describe(root),
            "content/a.md, content/b.md, content/c.md and 1 more"
        );
    }
}
