//! Client-side search without a service, in chunks: the build indexes
//! every guide with [Pagefind](https://pagefind.app) (used as a library)
//! and writes its index, split into small files, below [`PAGEFIND_DIR`];
//! the theme-independent script ([`SCRIPT`], written as [`SCRIPT_FILE`])
//! asks Pagefind's browser runtime, which downloads only the chunks of the
//! index that hold the query's words and the records of the results it
//! shows: a search on a 10,000-guide site stays under 200 KB in all, with
//! text compressed as hosts serve it (`tests/browser/search-scale.mjs`),
//! where one index of every guide would be 2.5 MB.
//!
//! # What is indexed
//!
//! Each guide becomes one small synthetic HTML record, not its rendered
//! page: the fields search needs, each weighted with
//! `data-pagefind-weight` ([`TITLE_WEIGHT`] and so on). The title and the
//! alternate titles are also metadata fields (`title`, `alternates`) so
//! that the script can tell, before downloading any record, which results
//! match in a title and list those first. The metadata also carry the
//! summary cut to [`SUMMARY_CHARS`] characters, the category name and the
//! guide's path relative to the site root (so the index works under any
//! `base_url`). The duties are indexed as their distinct words that the
//! title and summary do not hold (stop words and words under three letters
//! left out). The code is the O*NET-SOC code, which begins with the SOC
//! code, or the SOC code alone. The Markdown body is not indexed.
//!
//! Articles and standalone pages are indexed too, each as a record of its
//! title, summary (a page's description) and, for an article, its topics
//! ([`library_records`]). Their records carry the filter `kind`
//! ([`ARTICLE_KIND`] or [`PAGE_KIND`]) and the metadata `label`
//! (the messages [`ARTICLE_LABEL`] or [`PAGE_LABEL`] in the index's
//! language: "Advice", "Consejos"), which guides' records lack: the
//! script asks the same query with each filter to tell them apart before
//! loading any record, lists guides first, ranked as if nothing else were
//! indexed, then articles and pages, each marked with its label.
//!
//! # Shards
//!
//! Pagefind holds every record of an index in memory while it builds it
//! (about 25 KB a guide at its peak, with the changes to Pagefind in
//! `vendor/pagefind/CHANGES.md`; 60 KB without them). A site of up to [`SHARD_GUIDES`]
//! guides gets one index, so that a query downloads one index chunk; a
//! bigger site gets several indexes of at most [`LARGE_SITE_SHARD_GUIDES`]
//! guides each, built one after another, so that the memory a build needs
//! stays that of one small index at any size (a query then downloads a
//! chunk of each). The first index is below [`PAGEFIND_DIR`] with
//! Pagefind's runtime, the others below `pagefind/shard-<n>/` with only
//! their index. [`SHARDS_FILE`] lists the other shards' folders (an empty
//! list for one index), and the script merges them into the first with
//! Pagefind's `mergeIndex`, which shares the first one's WebAssembly.
//! `CAREERGEN_SEARCH_SHARD_GUIDES` sets another shard size for any site.
//!
//! Pagefind matches words and word prefixes, with English stemming, but
//! has no typo tolerance: [`WORDS_FILE`] lists the distinct words of every
//! title and alternate title, and the script corrects a query word that
//! finds nothing against it (Damerau–Levenshtein distance 1 for words of
//! 4–7 letters, 2 from 8) before asking Pagefind again. The list is
//! fetched only when a correction is needed.
//!
//! # The script
//!
//! Progressive enhancement of any `<form data-cg-search>` holding an
//! `<input name="q">`: without JavaScript the form goes to its `action` (the
//! All-careers page); with it, matches appear under the box as the reader
//! types, in a list of links (Arrow keys move through them, Escape returns
//! to the box) with a `role="status"` count, and submitting opens the page
//! named by the form's `data-cg-search-page` (the search results page) with
//! `?q=`. An element with `data-cg-search-results` on that page receives the
//! results, [`RESULTS_PER_PAGE`] at a time with a button for more, its
//! heading (`data-cg-search-heading`) the count ("3 careers found for
//! “crm”"); with no result the container offers the closest titles and
//! the browse pages instead. A form marked `data-cg-search-live` (the
//! results page's own) updates that list as the reader types instead of
//! opening a drop-down over it. Elements marked `data-cg-search-fallback`
//! (what to do without JavaScript) are hidden once the script runs.
//! Pagefind's files are found relative to the script's own URL, so the
//! search works from a sub-path deploy and from any local server without
//! a network. Pagefind runs WebAssembly: a Content-Security-Policy must
//! allow `'wasm-unsafe-eval'` (see `docs/deploy.md`).

use std::collections::{BTreeSet, HashSet};

use crate::config::SiteConfig;
use crate::content::guide::Guide;
use crate::content::kinds::Library;
use crate::i18n::Messages;

/// The folder, below the site root, that holds Pagefind's runtime and index.
pub const PAGEFIND_DIR: &str = "pagefind/";
/// The file, below the site root, listing the folders of the index's
/// shards after the first, relative to the site root: a JSON array of
/// strings (`["pagefind/shard-2/"]`), empty for a single index.
pub const SHARDS_FILE: &str = "pagefind/shards.json";
/// The most guides a site may have for one index (see the module's
/// documentation): at 10,000 it holds about 250 MB at its peak.
pub const SHARD_GUIDES: usize = 10_000;
/// Guides per index shard on a site of more than [`SHARD_GUIDES`] guides:
/// about 60 MB at a shard's peak.
pub const LARGE_SITE_SHARD_GUIDES: usize = 2_500;
/// The title-word list's file name below the site root.
pub const WORDS_FILE: &str = "search-words.json";
/// The script's file name below the site root.
pub const SCRIPT_FILE: &str = "search.js";
/// The search script (vanilla JavaScript; it loads Pagefind's runtime).
pub const SCRIPT: &str = include_str!("assets/search.js");

/// The search script as written below a language's root, with the text it
/// writes in `messages`' language (see [`crate::render::script_messages`]).
pub fn script(messages: &crate::i18n::Messages) -> String {
    crate::render::script_messages::localize(
        SCRIPT,
        messages,
        crate::render::script_messages::SEARCH_KEYS,
    )
}
/// How much of a summary the index keeps.
pub const SUMMARY_CHARS: usize = 160;
/// How many results the results page shows before "Show more".
pub const RESULTS_PER_PAGE: usize = 20;

/// Weight of a title word (Pagefind's scale is 0 to 10; body text is 1).
pub const TITLE_WEIGHT: &str = "10";
/// Weight of an alternate-title word.
pub const ALTERNATE_WEIGHT: &str = "8";
/// Weight of a skill, field of study or industry word.
pub const TOPIC_WEIGHT: &str = "4";
/// Weight of a category word or of the occupation code.
pub const CATEGORY_WEIGHT: &str = "3";

/// The `kind` filter value of an article's record.
pub const ARTICLE_KIND: &str = "article";
/// The `kind` filter value of a standalone page's record.
pub const PAGE_KIND: &str = "page";
/// The message that labels an article's record in the results.
pub const ARTICLE_LABEL: &str = "search-label-article";
/// The message that labels a standalone page's record in the results.
pub const PAGE_LABEL: &str = "search-label-page";

/// What Pagefind's runtime needs of what it writes: its script, the
/// WebAssembly of the site's language, the entry file and the index,
/// filter and record chunks. Its ready-made interfaces and web worker are
/// left out (the site has its own interface; the worker is switched off).
fn is_runtime_file(name: &str) -> bool {
    name == "pagefind.js"
        || name == "pagefind-entry.json"
        || name.starts_with("wasm.")
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
        || name.ends_with(".pf_meta")
}

/// The files of the search index: Pagefind's runtime and index below
/// [`PAGEFIND_DIR`] and the title-word list [`WORDS_FILE`], as paths
/// relative to the site root and their bytes, in a stable order. The same
/// guides, articles and pages give the same bytes.
///
/// # Errors
///
/// Pagefind's own error, as text, if it cannot index a record (which a
/// valid guide never causes).
pub fn index_files(
    guides: &[Guide],
    library: &Library,
    config: &SiteConfig,
    messages: &Messages,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    index_files_in_shards(
        guides,
        library,
        config,
        messages,
        shard_guides(guides.len()),
    )
}

/// How many guides each shard of a site of `guides` guides holds: all of
/// them up to [`SHARD_GUIDES`], [`LARGE_SITE_SHARD_GUIDES`] beyond, or the
/// number in `CAREERGEN_SEARCH_SHARD_GUIDES` (lower it where memory is
/// short), at least 1.
pub fn shard_guides(guides: usize) -> usize {
    std::env::var("CAREERGEN_SEARCH_SHARD_GUIDES")
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(if guides <= SHARD_GUIDES {
            SHARD_GUIDES
        } else {
            LARGE_SITE_SHARD_GUIDES
        })
        .max(1)
}

/// [`index_files`] with shards of at most `per_shard` guides, as even in
/// size as can be.
pub fn index_files_in_shards(
    guides: &[Guide],
    library: &Library,
    config: &SiteConfig,
    messages: &Messages,
    per_shard: usize,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    each_index_file(
        guides,
        library,
        config,
        messages,
        per_shard,
        &mut |path, bytes| {
            files.push((path, bytes));
        },
    )?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// The files of [`index_files_in_shards`], handed to `emit` as each shard
/// is made rather than all at the end, so that a build writes a shard's
/// files and lets them go before it makes the next. Stops at the first
/// shard Pagefind cannot make, with its error.
pub fn each_index_file(
    guides: &[Guide],
    library: &Library,
    config: &SiteConfig,
    messages: &Messages,
    per_shard: usize,
    emit: &mut dyn FnMut(String, Vec<u8>),
) -> Result<(), String> {
    let language = config
        .language
        .split('-')
        .next()
        .unwrap_or("en")
        .to_lowercase();
    let shards = guides.len().div_ceil(per_shard.max(1)).max(1);
    let size = guides.len().div_ceil(shards).max(1);
    let mut others = Vec::new();
    for (n, shard) in guides.chunks(size).enumerate() {
        let dir = if n == 0 {
            PAGEFIND_DIR.to_string()
        } else {
            format!("{PAGEFIND_DIR}shard-{}/", n + 1)
        };
        // Articles and pages, few beside the guides, go in the first shard.
        let extra = if n == 0 {
            library_records(library, messages)
        } else {
            Vec::new()
        };
        let mut shard_files = pagefind_files(shard, extra, config, language.clone())?;
        if n > 0 {
            // The first shard's runtime and WebAssembly serve every shard.
            shard_files.retain(|(name, _)| is_index_file(name));
            others.push(dir.clone());
        }
        for (name, bytes) in shard_files {
            emit(format!("{dir}{name}"), bytes);
        }
    }
    emit(
        SHARDS_FILE.into(),
        serde_json::to_string(&others)
            .unwrap_or_else(|_| "[]".into())
            .into_bytes(),
    );
    emit(WORDS_FILE.into(), title_words_json(guides).into_bytes());
    Ok(())
}

/// Whether Pagefind's file `name` belongs to one index rather than to
/// the runtime that reads every index.
fn is_index_file(name: &str) -> bool {
    name == "pagefind-entry.json"
        || name.starts_with("index/")
        || name.starts_with("fragment/")
        || name.starts_with("filter/")
        || name.ends_with(".pf_meta")
}

/// Runs Pagefind on the records of `guides` in a runtime of its own: its
/// API is async. Inside another runtime (where a second one cannot be
/// entered) it runs on a thread of its own. Returns the files by their
/// names in Pagefind's folder. Each record is made as it is added, so that
/// only Pagefind's own copy is held.
fn pagefind_files(
    guides: &[Guide],
    extra: Vec<(String, String)>,
    config: &SiteConfig,
    language: String,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    use pagefind::api::PagefindIndex;
    use pagefind::options::PagefindServiceConfig;

    let index = async move {
        let options = PagefindServiceConfig::builder()
            .force_language(language)
            .build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        for guide in guides {
            index
                .add_html_file(
                    None,
                    Some(crate::permalink::guide(&guide.slug)),
                    record_html(guide, config),
                )
                .await
                .map_err(|e| e.to_string())?;
        }
        for (url, html) in extra {
            index
                .add_html_file(None, Some(url), html)
                .await
                .map_err(|e| e.to_string())?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        drop(index);
        let mut out: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                is_runtime_file(&name).then_some((name, file.contents))
            })
            .collect();
        // The language-neutral runtime is only for a language Pagefind
        // has no stemmer of, when it is the only one written.
        if out
            .iter()
            .filter(|(name, _)| name.starts_with("wasm."))
            .count()
            > 1
        {
            out.retain(|(name, _)| name != "wasm.unknown.pagefind");
        }
        Ok::<_, String>(out)
    };
    let run = move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?
            .block_on(index)
    };
    if tokio::runtime::Handle::try_current().is_err() {
        // The usual case, on a rayon worker: Pagefind's own parallel work
        // then shares this pool instead of waiting for a worker while this
        // one blocks.
        run()
    } else {
        std::thread::scope(|scope| {
            scope
                .spawn(run)
                .join()
                .unwrap_or_else(|_| Err("the search indexer stopped unexpectedly".into()))
        })
    }
}

/// A guide's record for Pagefind: a minimal page holding exactly the
/// searchable fields, weighted, with the metadata the results list shows.
fn record_html(guide: &Guide, config: &SiteConfig) -> String {
    let mut html = String::with_capacity(1024);
    let mut element = |tag: &str, attributes: &str, text: &str| {
        if !text.trim().is_empty() {
            let space = if attributes.is_empty() { "" } else { " " };
            html.push_str(&format!(
                "<{tag}{space}{attributes}>{}</{tag}>",
                escape(text)
            ));
        }
    };
    element(
        "h1",
        &format!("data-pagefind-weight=\"{TITLE_WEIGHT}\" data-pagefind-meta=\"title\""),
        &guide.title,
    );
    element(
        "p",
        &format!("data-pagefind-weight=\"{ALTERNATE_WEIGHT}\" data-pagefind-meta=\"alternates\""),
        &guide.alternate_titles.join(", "),
    );
    let topics: Vec<&str> = guide
        .requirements
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .chain(
            guide
                .requirements
                .fields_of_study
                .iter()
                .map(String::as_str),
        )
        // Industries as the page's language names them.
        .chain(guide.industries.iter().map(|i| config.industry_name(i)))
        .collect();
    element(
        "p",
        &format!("data-pagefind-weight=\"{TOPIC_WEIGHT}\""),
        &topics.join(", "),
    );
    let category = guide
        .category
        .as_deref()
        .and_then(|key| config.category(key))
        .map_or("", |c| c.name.as_str());
    element(
        "p",
        &format!("data-pagefind-weight=\"{CATEGORY_WEIGHT}\" data-pagefind-meta=\"category\""),
        category,
    );
    let code = guide
        .codes
        .onet_soc
        .as_deref()
        .or(guide.codes.soc.as_deref())
        .unwrap_or("");
    element(
        "p",
        &format!("data-pagefind-weight=\"{CATEGORY_WEIGHT}\""),
        code,
    );
    element(
        "p",
        "data-pagefind-meta=\"summary\"",
        &cut_at_word(&guide.summary, SUMMARY_CHARS),
    );
    match &guide.search_duty_words {
        Some(words) => element("p", "", words),
        None => element("p", "", &duty_words(guide).join(" ")),
    }
    format!("<html><body>{html}</body></html>")
}

/// The records of every article and standalone page, as `(path, html)`.
pub fn library_records(library: &Library, messages: &Messages) -> Vec<(String, String)> {
    let article_label = messages.plain(ARTICLE_LABEL);
    let page_label = messages.plain(PAGE_LABEL);
    let articles = library.articles.iter().map(|article| {
        (
            crate::render::kinds::article_path(library, article),
            library_record_html(
                ARTICLE_KIND,
                &article_label,
                &article.title,
                &article.summary,
                &article.topics.join(", "),
            ),
        )
    });
    let pages = library.pages.iter().map(|page| {
        (
            crate::permalink::page(&page.slug),
            library_record_html(PAGE_KIND, &page_label, &page.title, &page.description, ""),
        )
    });
    articles.chain(pages).collect()
}

/// The record of an article or a standalone page: its title and summary
/// weighted as a guide's, its topics as a guide's skills, its `kind` as a
/// filter and its `label` as metadata.
fn library_record_html(
    kind: &str,
    label: &str,
    title: &str,
    summary: &str,
    topics: &str,
) -> String {
    let mut html = String::with_capacity(512);
    let mut element = |tag: &str, attributes: String, text: &str| {
        if !text.trim().is_empty() {
            html.push_str(&format!("<{tag} {attributes}>{}</{tag}>", escape(text)));
        }
    };
    element(
        "h1",
        format!("data-pagefind-weight=\"{TITLE_WEIGHT}\" data-pagefind-meta=\"title\""),
        title,
    );
    element(
        "p",
        format!("data-pagefind-weight=\"{TOPIC_WEIGHT}\""),
        topics,
    );
    element(
        "p",
        "data-pagefind-meta=\"summary\"".into(),
        &cut_at_word(summary, SUMMARY_CHARS),
    );
    element("p", "data-pagefind-meta=\"label\"".into(), label);
    format!(
        "<html><body data-pagefind-filter=\"kind:{}\">{html}</body></html>",
        escape(kind)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The distinct words of every title and alternate title, lowercased,
/// sorted, as a JSON array: what the script corrects typos against.
fn title_words_json(guides: &[Guide]) -> String {
    let words: BTreeSet<String> = guides
        .iter()
        .flat_map(|g| std::iter::once(&g.title).chain(&g.alternate_titles))
        .flat_map(|title| {
            title
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 1)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    serde_json::to_string(&words).unwrap_or_else(|_| "[]".into())
}

/// Words too common to find anything by, left out of the duty words.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "by", "can", "each",
    "for", "from", "has", "have", "how", "if", "in", "into", "is", "it", "its", "may", "more",
    "most", "new", "of", "on", "or", "other", "out", "over", "such", "that", "the", "their",
    "them", "they", "this", "to", "up", "what", "when", "where", "which", "who", "with", "within",
];

/// The distinct words of a guide's duties that its title and summary do
/// not already hold, lowercased, in order, stop words and words under three
/// letters left out: duties are searched word by word, so repeating a word
/// adds nothing.
pub fn duty_words(guide: &Guide) -> Vec<String> {
    let split = |text: &str| {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut seen: HashSet<String> = split(&guide.title)
        .into_iter()
        .chain(split(&guide.summary))
        .collect();
    let mut out = Vec::new();
    for duty in &guide.duties {
        for word in split(duty) {
            if word.chars().count() < 3 || STOP_WORDS.contains(&word.as_str()) {
                continue;
            }
            if seen.insert(word.clone()) {
                out.push(word);
            }
        }
    }
    out
}

/// `text` cut to at most `max` characters at a word boundary, with `…`
/// when cut.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    // Keep the last word when the cut falls right after it.
    let word_ends = text.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let end = if word_ends {
        cut.len()
    } else {
        cut.rfind(char::is_whitespace).unwrap_or(cut.len())
    };
    let mut out = cut[..end]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ':')
        .to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, guide_with_body, minimal};

    #[test]
    fn a_site_up_to_ten_thousand_guides_has_one_index_and_a_bigger_one_small_shards() {
        if std::env::var_os("CAREERGEN_SEARCH_SHARD_GUIDES").is_some() {
            return;
        }
        assert_eq!(shard_guides(1), SHARD_GUIDES);
        assert_eq!(shard_guides(SHARD_GUIDES), SHARD_GUIDES);
        assert_eq!(shard_guides(SHARD_GUIDES + 1), LARGE_SITE_SHARD_GUIDES);
        assert_eq!(shard_guides(100_000), LARGE_SITE_SHARD_GUIDES);
    }

    fn account_manager() -> Guide {
        guide_with_body(
            "account-manager",
            "title: Account manager\nsummary: The customer's main contact & <guide>.\ncategory: sales\n\
             alternate_titles: [Client manager]\ncodes: { soc: 11-2022, onet_soc: 11-2022.00 }\n\
             industries: [Finance, Insurance]\n\
             duties: [Forecast the orders of each customer, Keep the customer's records]\n\
             requirements: { skills: [Negotiation, Communication], fields_of_study: [Finance, Nursing] }",
            "A secret body sentence.",
        )
    }

    #[test]
    fn a_record_names_industries_in_the_index_language() {
        let mut spanish = config();
        spanish
            .industry_names
            .insert("insurance".into(), "Seguros".into());
        let html = record_html(&account_manager(), &spanish);
        assert!(
            html.contains(">Negotiation, Communication, Finance, Nursing, Finance, Seguros</p>"),
            "{html}"
        );
    }

    #[test]
    fn a_record_holds_the_searchable_fields_weighted_and_not_the_body() {
        let html = record_html(&account_manager(), &config());
        assert_eq!(
            html,
            "<html><body>\
             <h1 data-pagefind-weight=\"10\" data-pagefind-meta=\"title\">Account manager</h1>\
             <p data-pagefind-weight=\"8\" data-pagefind-meta=\"alternates\">Client manager</p>\
             <p data-pagefind-weight=\"4\">Negotiation, Communication, Finance, Nursing, Finance, Insurance</p>\
             <p data-pagefind-weight=\"3\" data-pagefind-meta=\"category\">Sales</p>\
             <p data-pagefind-weight=\"3\">11-2022.00</p>\
             <p data-pagefind-meta=\"summary\">The customer's main contact &amp; &lt;guide&gt;.</p>\
             <p>forecast orders keep records</p>\
             </body></html>"
        );
        // Empty fields write no element.
        let plain = record_html(&minimal("b", "Buyer", ""), &config());
        assert!(
            !plain.contains("alternates") && !plain.contains("category"),
            "{plain}"
        );
    }

    #[test]
    fn a_lean_guide_lets_go_of_its_duties_and_keeps_its_record() {
        let whole = account_manager();
        let mut lean = whole.clone();
        lean.release_page_fields();
        assert!(lean.duties.is_empty());
        assert_eq!(
            lean.search_duty_words.as_deref(),
            Some("forecast orders keep records")
        );
        assert_eq!(
            record_html(&lean, &config()),
            record_html(&whole, &config())
        );
        // Released again, it keeps the words.
        lean.release_page_fields();
        assert_eq!(
            record_html(&lean, &config()),
            record_html(&whole, &config())
        );
    }

    fn english() -> Messages {
        crate::i18n::Catalog::builtin("en").messages("en").clone()
    }

    #[test]
    fn a_page_record_is_labelled_in_the_language_of_the_index() {
        let library = Library {
            pages: vec![crate::content::kinds::StandalonePage {
                path: "content/about.es.md".into(),
                content_path: "about.es.md".into(),
                slug: "acerca-de".into(),
                title: "Acerca de".into(),
                description: "Quiénes somos.".into(),
                menu: None,
                draft: false,
                body: Default::default(),
            }],
            ..Library::default()
        };
        let spanish = crate::i18n::Catalog::builtin("es").messages("es").clone();
        let records = library_records(&library, &spanish);
        assert!(
            records[0]
                .1
                .contains("data-pagefind-meta=\"label\">Página<"),
            "{records:?}"
        );
        let records = library_records(&library, &english());
        assert!(
            records[0].1.contains("data-pagefind-meta=\"label\">Page<"),
            "{records:?}"
        );
    }

    #[test]
    fn an_article_record_is_filtered_by_kind_and_labelled() {
        let html = library_record_html(
            ARTICLE_KIND,
            "Advice",
            "How to negotiate",
            "Ask for a number & stick to it.",
            "Pay, Job offers",
        );
        assert_eq!(
            html,
            "<html><body data-pagefind-filter=\"kind:article\">\
             <h1 data-pagefind-weight=\"10\" data-pagefind-meta=\"title\">How to negotiate</h1>\
             <p data-pagefind-weight=\"4\">Pay, Job offers</p>\
             <p data-pagefind-meta=\"summary\">Ask for a number &amp; stick to it.</p>\
             <p data-pagefind-meta=\"label\">Advice</p>\
             </body></html>"
        );
        // A page has no topics: no empty element.
        let page = library_record_html(PAGE_KIND, "Page", "About", "Who we are.", "");
        assert!(!page.contains("weight=\"4\""), "{page}");
        assert!(page.contains("kind:page"), "{page}");
    }

    #[test]
    fn the_title_words_are_every_distinct_word_of_the_titles_sorted() {
        let other = minimal(
            "b",
            "Buyer",
            "alternate_titles: [Purchasing agent, Account buyer]",
        );
        assert_eq!(
            title_words_json(&[account_manager(), other]),
            r#"["account","agent","buyer","client","manager","purchasing"]"#
        );
    }

    #[test]
    fn the_index_is_pagefinds_runtime_and_chunks_and_the_same_every_time() {
        let guides = [account_manager(), minimal("b", "Buyer", "")];
        let files =
            index_files(&guides, &Library::default(), &config(), &english()).expect("index");
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        for wanted in [
            "pagefind/pagefind.js",
            "pagefind/pagefind-entry.json",
            "pagefind/wasm.en.pagefind",
            WORDS_FILE,
        ] {
            assert!(names.contains(&wanted), "{wanted} missing from {names:?}");
        }
        for prefix in [
            "pagefind/index/",
            "pagefind/fragment/",
            "pagefind/pagefind.en_",
        ] {
            assert!(
                names.iter().any(|n| n.starts_with(prefix)),
                "no {prefix}* in {names:?}"
            );
        }
        // Only what the runtime loads: no ready-made interface, no worker,
        // no second WebAssembly.
        assert!(
            !names
                .iter()
                .any(|n| n.contains("-ui") || n.contains("worker") || n.contains("unknown")),
            "{names:?}"
        );
        assert_eq!(
            names
                .iter()
                .filter(|n| n.starts_with("pagefind/fragment/"))
                .count(),
            2
        );
        assert_eq!(
            index_files(&guides, &Library::default(), &config(), &english()).expect("index"),
            files
        );
    }

    #[test]
    fn a_big_site_gets_shards_of_an_even_size_after_the_first_with_the_runtime() {
        let guides: Vec<Guide> = (0..5)
            .map(|i| minimal(&format!("g{i}"), &format!("Guide {i}"), ""))
            .collect();
        let files = index_files_in_shards(&guides, &Library::default(), &config(), &english(), 2)
            .expect("index");
        let file = |name: &str| {
            files
                .iter()
                .find(|(path, _)| path == name)
                .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        };
        assert_eq!(
            file(SHARDS_FILE).as_deref(),
            Some(r#"["pagefind/shard-2/","pagefind/shard-3/"]"#)
        );
        let fragments = |dir: &str| {
            files
                .iter()
                .filter(|(path, _)| {
                    path.strip_prefix(dir)
                        .is_some_and(|rest| rest.starts_with("fragment/"))
                })
                .count()
        };
        // Five guides in shards of at most two: 2, 2 and 1.
        assert_eq!(
            [
                fragments("pagefind/"),
                fragments("pagefind/shard-2/"),
                fragments("pagefind/shard-3/")
            ],
            [2, 2, 1]
        );
        for shard in ["pagefind/shard-2/", "pagefind/shard-3/"] {
            assert!(file(&format!("{shard}pagefind-entry.json")).is_some());
            assert!(
                !files.iter().any(|(path, _)| path.starts_with(shard)
                    && (path.ends_with(".js") || path.contains("wasm."))),
                "a later shard holds no runtime"
            );
        }
        assert!(file("pagefind/pagefind.js").is_some());
        // One index writes an empty list.
        let single = index_files_in_shards(&guides, &Library::default(), &config(), &english(), 5)
            .expect("index");
        assert!(single.contains(&(SHARDS_FILE.to_string(), b"[]".to_vec())));
        assert!(!single.iter().any(|(path, _)| path.contains("shard-")));
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let text = "word ".repeat(100);
        assert_eq!(cut_at_word(text.trim(), 20), "word word word word…");
        assert_eq!(cut_at_word(text.trim(), 18), "word word word…");
        assert_eq!(cut_at_word("short", 20), "short");
    }

    #[test]
    fn script_loads_pagefind_and_the_title_words_from_its_own_location() {
        assert!(SCRIPT.contains("data-cg-search"));
        assert!(SCRIPT.contains("document.currentScript"));
        assert!(SCRIPT.contains(&format!("\"{PAGEFIND_DIR}pagefind.js\"")));
        assert!(SCRIPT.contains(&format!("\"{WORDS_FILE}\"")));
        assert!(SCRIPT.contains(&format!("\"{SHARDS_FILE}\"")));
        assert!(SCRIPT.contains(&format!("var PAGE = {RESULTS_PER_PAGE};")));
        // No third-party service and no absolute URLs.
        assert!(!SCRIPT.contains("http://") && !SCRIPT.contains("https://"));
    }
}
