//! Lookup of guides by slug and by content path, built once per build so
//! that pages never scan or clone the whole site.

use std::collections::HashMap;

use super::guide::Guide;

/// Why a guide file under `content/` has no page in this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A draft, left out without `--drafts`.
    Draft,
    /// A file that failed to load; its own errors say why.
    Failed,
}

/// A guide file with no page in this build, so that a link to it can say
/// why instead of claiming that no such guide exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable {
    /// The file relative to `content/` (`sales/lead.md`).
    pub content_path: String,
    /// The guide's slug; for a file that failed to load, its file name's
    /// stem, the slug it most likely has.
    pub slug: String,
    pub reason: Reason,
}

/// Positions of guides in the site's guide list, and the guide files left
/// out of it.
#[derive(Debug, Default)]
pub struct GuideIndex {
    by_slug: HashMap<String, usize>,
    by_content_path: HashMap<String, usize>,
    unavailable_by_slug: HashMap<String, Reason>,
    unavailable_by_content_path: HashMap<String, Reason>,
}

impl GuideIndex {
    /// Indexes `guides`; the first guide with a given slug wins.
    pub fn new(guides: &[Guide]) -> Self {
        let mut index = GuideIndex {
            by_slug: HashMap::with_capacity(guides.len()),
            by_content_path: HashMap::with_capacity(guides.len()),
            ..GuideIndex::default()
        };
        for (i, guide) in guides.iter().enumerate() {
            index.by_slug.entry(guide.slug.clone()).or_insert(i);
            index.by_content_path.insert(guide.content_path.clone(), i);
        }
        index
    }

    /// Also finds guides by other slugs (`(slug, position)`); a guide's
    /// own slug wins over another's alias.
    pub fn with_aliases(mut self, aliases: impl IntoIterator<Item = (String, usize)>) -> Self {
        for (slug, i) in aliases {
            self.by_slug.entry(slug).or_insert(i);
        }
        self
    }

    /// Adds the guide files this build leaves out (drafts, failed files).
    pub fn with_unavailable(mut self, unavailable: impl IntoIterator<Item = Unavailable>) -> Self {
        for guide in unavailable {
            self.unavailable_by_slug
                .entry(guide.slug)
                .or_insert(guide.reason);
            self.unavailable_by_content_path
                .insert(guide.content_path, guide.reason);
        }
        self
    }

    /// Why no published guide has `slug`, when a left-out file may have it.
    pub fn unavailable_slug(&self, slug: &str) -> Option<Reason> {
        self.unavailable_by_slug.get(slug).copied()
    }

    /// Why the guide an `@/` link names has no page, when its file exists.
    pub fn unavailable_content_path(&self, path: &str) -> Option<Reason> {
        self.unavailable_by_content_path.get(path).copied()
    }

    pub fn by_slug(&self, slug: &str) -> Option<usize> {
        self.by_slug.get(slug).copied()
    }

    /// The guide an `@/` link names (`account-manager.md`, `sales/lead.md`).
    pub fn by_content_path(&self, path: &str) -> Option<usize> {
        self.by_content_path.get(path).copied()
    }

    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.by_slug.keys().map(String::as_str)
    }

    pub fn content_paths(&self) -> impl Iterator<Item = &str> {
        self.by_content_path.keys().map(String::as_str)
    }
}
