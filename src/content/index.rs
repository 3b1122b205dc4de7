//! Lookup of guides by slug and by content path, built once per build so
//! that pages never scan or clone the whole site.

use std::collections::HashMap;

use super::guide::Guide;

/// Positions of guides in the site's guide list.
#[derive(Debug, Default)]
pub struct GuideIndex {
    by_slug: HashMap<String, usize>,
    by_content_path: HashMap<String, usize>,
}

impl GuideIndex {
    /// Indexes `guides`; the first guide with a given slug wins.
    pub fn new(guides: &[Guide]) -> Self {
        let mut index = GuideIndex {
            by_slug: HashMap::with_capacity(guides.len()),
            by_content_path: HashMap::with_capacity(guides.len()),
        };
        for (i, guide) in guides.iter().enumerate() {
            index.by_slug.entry(guide.slug.clone()).or_insert(i);
            index.by_content_path.insert(guide.content_path.clone(), i);
        }
        index
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
