//! Reads one guide file into a [`Guide`], applying every per-file rule of
//! the content model and collecting all problems.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use serde_yaml::Value;

use super::front_matter;
use super::guide::*;
use super::text::{Text, TextSource};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Position, kinds, suggest};
use crate::yaml::{self, Map, Reader, YamlText, control_character};

/// Every top-level key of a guide's front matter.
pub const GUIDE_KEYS: &[&str] = &[
    "title",
    "slug",
    "summary",
    "alternate_titles",
    "codes",
    "broader_title",
    "category",
    "industries",
    "duties",
    "environment",
    "requirements",
    "salary",
    "outlook",
    "career_path",
    "related_careers",
    "faq",
    "sources",
    "last_reviewed",
    "image",
    "draft",
    "extra",
];

/// The most a guide may hold before it is refused as unreasonable: far
/// above any real guide (the largest example is under 20 KiB), low enough
/// that parsing stays well under a second.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// The longest title, in characters: room for every real occupation title
/// (O*NET's longest has 105).
pub const MAX_TITLE_CHARS: usize = 150;

/// How old `last_reviewed` may be before `check` warns, in months.
const REVIEW_MONTHS: u32 = 24;

/// The error for a file over [`MAX_FILE_BYTES`] of `size` bytes.
pub fn too_large(path: &Path, size: u64) -> Diagnostic {
    Diagnostic::error(
        path,
        format!(
            "expected a guide of at most {} MiB, found {size} bytes",
            MAX_FILE_BYTES / 1024 / 1024
        ),
    )
    .with_help("split the guide, or move long data out of its front matter")
}

/// The result of reading one file: the guide when it is usable, and every
/// diagnostic found on the way.
#[derive(Default)]
pub struct Parsed {
    pub guide: Option<Guide>,
    pub diagnostics: Vec<Diagnostic>,
    /// The file says `kind: page`: it is read as a page
    /// ([`super::kinds::read_page`]), not as a guide.
    pub page: bool,
}

/// Reads the guide in `bytes`. `path` is relative to the site root and
/// `content_path` relative to `content/`. `today` bounds dates.
pub fn parse_guide(
    path: &Path,
    content_path: &str,
    bytes: &[u8],
    config: &SiteConfig,
    today: NaiveDate,
) -> Parsed {
    let fail = |diagnostic: Diagnostic| Parsed {
        guide: None,
        diagnostics: vec![diagnostic],
        page: false,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return fail(too_large(path, bytes.len() as u64));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.valid_up_to();
            let valid = String::from_utf8_lossy(&bytes[..offset]);
            let position = Position::of_offset(&valid, offset, 1);
            return fail(
                Diagnostic::error(
                    path,
                    format!("expected UTF-8 text, found an invalid byte at offset {offset}"),
                )
                .at_position(position),
            );
        }
    };
    let text = front_matter::normalize(text);
    let document = match front_matter::split(&text) {
        Ok(document) => document,
        Err(err) => {
            return fail(Diagnostic::error(path, err.message()).at(Position::new(1, 1), &text));
        }
    };
    let yaml_text = YamlText {
        yaml: document.front_matter,
        first_line: document.front_matter_line,
        file_text: &text,
    };
    let value = match yaml::parse(path, yaml_text) {
        Ok(value) => value,
        Err(diagnostic) => return fail(diagnostic),
    };
    // The kind decides the schema; a page is read by its own reader.
    if value.get("kind").and_then(Value::as_str) == Some("page") {
        return Parsed {
            page: true,
            ..Parsed::default()
        };
    }
    let mut reader = Reader::new(path, yaml_text);
    let mut guide_reader = GuideReader {
        r: &mut reader,
        config,
        today,
    };
    let guide = guide_reader.read(&value, path, content_path, &text, document);
    Parsed {
        guide,
        diagnostics: reader.into_diagnostics(),
        page: false,
    }
}

struct GuideReader<'r, 'a> {
    r: &'r mut Reader<'a>,
    config: &'r SiteConfig,
    today: NaiveDate,
}

impl GuideReader<'_, '_> {
    fn read(
        &mut self,
        value: &Value,
        path: &Path,
        content_path: &str,
        file_text: &str,
        document: front_matter::Document<'_>,
    ) -> Option<Guide> {
        let root = self.r.mapping(value, "", GUIDE_KEYS)?;
        let title = self.text(&root, "title", true, MAX_TITLE_CHARS);
        let slug = self.slug(&root, content_path);
        // A guide with a SOC code on a site with data may leave its summary
        // and duties to the data (`crate::data::fill` checks what is left).
        let fillable = self.config.data.any()
            && root
                .at("codes")
                .value
                .and_then(|codes| codes.get("soc"))
                .is_some_and(|soc| !soc.is_null());
        let summary = self.text(&root, "summary", !fillable, 320);
        if let Some(summary) = &summary {
            let count = summary.chars().count();
            if count > 160 {
                let warning = Diagnostic::warning(
                    &self.r.path,
                    format!(
                        "expected at most 160 characters for a meta description, found {count}"
                    ),
                )
                .with_help("search engines cut longer summaries")
                .with_kind(kinds::LONG_SUMMARY);
                self.r.push_at("summary", warning);
            }
        }
        let alternate_titles = self.unique_strings(&root, "alternate_titles", false);
        if let Some(title) = &title
            && let Some(i) = alternate_titles.iter().position(|a| a == title)
        {
            self.r.error(
                &format!("alternate_titles[{i}]"),
                format!("expected a name other than the title, found {title:?}"),
            );
        }
        let codes = self.codes(&root);
        let broader_title = self.text(&root, "broader_title", false, MAX_TITLE_CHARS);
        let category = self.category(&root);
        let industries = self.unique_strings(&root, "industries", false);
        let duties = self.duties(&root, !fillable);
        let environment = self.environment(&root);
        let requirements = self.requirements(&root);
        let sources = self.sources(&root);
        let source_ids: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
        let salary = self.salary(&root, &source_ids);
        let outlook = self.outlook(&root, &source_ids);
        let career_path = self.career_path(&root);
        let related_careers = self.related_careers(&root);
        let faq = self.faq(&root);
        let last_reviewed = self.date(&root.at("last_reviewed"));
        self.check_review_age(last_reviewed);
        // The file is found when the guide is loaded (`load::locate_guide_image`).
        let image = super::kinds::read_image_fields(self.r, &root);
        let draft = self.r.opt_bool(&root.at("draft")).unwrap_or(false);
        if !draft {
            if !fillable {
                let has_requirements = root.at("requirements").value.is_some();
                if let Some(warning) = incomplete_warning(
                    &self.r.path,
                    salary.is_some(),
                    outlook.is_some(),
                    has_requirements,
                ) {
                    self.r.push_at_start(warning);
                }
            }
            self.check_placeholders(value, &document);
        }
        let extra = match root.at("extra").value {
            Some(value @ Value::Mapping(_)) => {
                // Templates print `extra` as they like: its text must be
                // as clean as any other field's.
                for (field, text) in strings(value, "extra", |t| control_character(t).is_some()) {
                    self.r.clean_text(text, &field);
                }
                yaml_to_json(value)
            }
            Some(other) => {
                self.r.error(
                    "extra",
                    format!("expected a mapping, found {}", yaml::describe(other)),
                );
                serde_json::Value::Null
            }
            None => serde_json::Value::Object(Default::default()),
        };
        let markdown = || {
            std::iter::once(document.body)
                .chain(environment.summary.as_deref())
                .chain(requirements.notes.as_deref())
                .chain(faq.iter().map(|f| f.answer.as_str()))
        };
        let linked_paths = markdown()
            .flat_map(link_targets)
            .map(str::to_string)
            .collect();
        let mut quoted_guides: Vec<String> = markdown()
            .flat_map(crate::content::guide::quoted_guides)
            .map(str::to_string)
            .collect();
        quoted_guides.sort();
        quoted_guides.dedup();
        // A guide whose required fields failed is still returned, so that
        // cross-guide rules can report on the rest of it; its errors already
        // fail the build.
        let stem = super::bundle::default_slug(content_path);
        Some(Guide {
            path: path.to_path_buf(),
            content_path: content_path.to_string(),
            title: title.unwrap_or_default(),
            slug: slug.or(stem).unwrap_or_default(),
            summary: summary.unwrap_or_default(),
            alternate_titles,
            codes,
            broader_title,
            category,
            industries,
            duties,
            environment,
            requirements,
            salary,
            outlook,
            career_path,
            related_careers,
            faq,
            sources,
            last_reviewed,
            image,
            draft,
            extra,
            text: TextSource::Memory(Text::new(
                Arc::from(file_text),
                document.front_matter_range(),
                document.body_range(),
            )),
            body_line: document.body_line,
            front_matter_line: document.front_matter_line,
            locations: std::sync::OnceLock::new(),
            linked_paths,
            quoted_guides,
            state_pay: None,
            page_fields_released: false,
            search_duty_words: None,
            beside: None,
        })
    }

    /// Warns when `last_reviewed` is more than two years before today.
    fn check_review_age(&mut self, last_reviewed: Option<NaiveDate>) {
        let Some(reviewed) = last_reviewed else {
            return;
        };
        let Some(due) = reviewed.checked_add_months(chrono::Months::new(REVIEW_MONTHS)) else {
            return;
        };
        if due < self.today {
            let warning = Diagnostic::warning(
                &self.r.path,
                format!(
                    "expected a review within the last two years, found {reviewed}, {} days ago",
                    (self.today - reviewed).num_days()
                ),
            )
            .with_help("check the facts against current sources, then update `last_reviewed`")
            .with_kind(kinds::STALE_REVIEW);
            self.r.push_at("last_reviewed", warning);
        }
    }

    /// Refuses a published guide that still holds a placeholder
    /// [`PLACEHOLDER_MARK`] of `careergen new`, in any front-matter text or
    /// in the body: one error at each placeholder's line.
    fn check_placeholders(&mut self, value: &Value, document: &front_matter::Document<'_>) {
        let help = "write the guide's own text here, or put back `draft: true` until it is written";
        for (field, text) in strings(value, "", |t| t.contains(PLACEHOLDER_MARK)) {
            let diagnostic = Diagnostic::error(
                &self.r.path,
                format!(
                    "expected the guide's own text in a published guide, found the placeholder {text:?}"
                ),
            )
            .with_help(help);
            self.r.push_at(&field, diagnostic);
        }
        for (i, line) in document.body.lines().enumerate() {
            if let Some(at) = line.find(PLACEHOLDER_MARK) {
                let column = line[..at].chars().count() + 1;
                let diagnostic = Diagnostic::error(
                    &self.r.path,
                    format!(
                        "expected the guide's own text in a published guide, found the placeholder {:?}",
                        line.trim()
                    ),
                )
                .with_help(help);
                self.r
                    .push_at_position(diagnostic, Position::new(document.body_line + i, column));
            }
        }
    }

    /// Text of 1 to `max` characters.
    fn text(&mut self, map: &Map<'_>, key: &str, required: bool, max: usize) -> Option<String> {
        let slot = map.at(key);
        let value = if required {
            if slot.value.is_none() {
                self.r
                    .missing(&slot, &format!("text of 1 to {max} characters"));
                return None;
            }
            self.r.opt_string(&slot)?
        } else {
            self.r.opt_string(&slot)?
        };
        self.check_length(&slot.field, &value, max).then_some(value)
    }

    fn check_length(&mut self, field: &str, value: &str, max: usize) -> bool {
        let count = value.trim().chars().count();
        if count == 0 || count > max {
            self.r.error(
                field,
                format!("expected 1 to {max} characters, found {count}"),
            );
            return false;
        }
        true
    }

    fn slug(&mut self, root: &Map<'_>, content_path: &str) -> Option<String> {
        let slot = root.at("slug");
        if let Some(slug) = self.r.opt_string(&slot) {
            if is_slug(&slug) {
                return Some(slug);
            }
            self.r.error(
                &slot.field,
                format!("expected lowercase letters, digits and single dashes (`account-manager`), found {slug:?}"),
            );
            return None;
        }
        let stem = super::bundle::default_slug(content_path)?;
        if is_slug(&stem) {
            return Some(stem);
        }
        let diagnostic = Diagnostic::error(
            &self.r.path,
            format!("expected a file name usable as a URL slug, found {stem:?}"),
        )
        .with_help("rename the file or set `slug:` (lowercase letters, digits and dashes)");
        // About the file's name: no line of it is at fault.
        self.r.diagnostics.push(diagnostic);
        None
    }

    /// A list of text items, each unique (case-insensitively).
    fn unique_strings(&mut self, map: &Map<'_>, key: &str, required: bool) -> Vec<String> {
        let slot = map.at(key);
        if required && slot.value.is_none() {
            self.r.missing(&slot, "a list of text items");
            return Vec::new();
        }
        let items = self.r.string_list(&slot);
        self.report_duplicates(&slot.field, items.iter().map(|s| s.as_str()));
        items
    }

    fn report_duplicates<'s>(&mut self, field: &str, items: impl Iterator<Item = &'s str>) {
        /// Repeats reported one by one; the rest are counted in one error.
        const SHOWN: usize = 10;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut repeats = 0;
        for (i, item) in items.enumerate() {
            let key = item.trim().to_lowercase();
            if let Some(first) = seen.get(&key) {
                repeats += 1;
                if repeats > SHOWN {
                    continue;
                }
                self.r.error(
                    &format!("{field}[{i}]"),
                    format!(
                        "expected unique items, found {item:?} again (first as item {})",
                        first + 1
                    ),
                );
            } else {
                seen.insert(key, i);
            }
        }
        if repeats > SHOWN {
            self.r.error(
                field,
                format!(
                    "expected unique items, found {} more repeated items",
                    repeats - SHOWN
                ),
            );
        }
    }

    fn check_count(&mut self, field: &str, count: usize, min: usize, max: usize, what: &str) {
        if count < min || count > max {
            self.r.error(
                field,
                format!("expected {min} to {max} {what}, found {count}"),
            );
        }
    }

    fn pattern(
        &mut self,
        map: &Map<'_>,
        key: &str,
        ok: fn(&str) -> bool,
        shape: &str,
    ) -> Option<String> {
        let slot = map.at(key);
        let value = self.r.opt_string(&slot)?;
        if ok(&value) {
            Some(value)
        } else {
            self.r.error(
                &slot.field,
                format!("expected a code shaped `{shape}`, found {value:?}"),
            );
            None
        }
    }

    fn codes(&mut self, root: &Map<'_>) -> Codes {
        let Some(map) = self
            .r
            .sub_mapping(&root.at("codes"), &["soc", "onet_soc", "broader_soc"])
        else {
            return Codes::default();
        };
        let soc = self.pattern(&map, "soc", is_soc, "NN-NNNN");
        let onet_soc = self.pattern(&map, "onet_soc", is_onet_soc, "NN-NNNN.NN");
        if let (Some(soc), Some(onet)) = (&soc, &onet_soc)
            && !onet.starts_with(soc.as_str())
        {
            self.r.error(
                "codes.onet_soc",
                format!("expected a code starting with `codes.soc` ({soc}), found {onet:?}"),
            );
        }
        let broader_soc = self.pattern(&map, "broader_soc", is_soc, "NN-NNNN");
        Codes {
            soc,
            onet_soc,
            broader_soc,
        }
    }

    fn category(&mut self, root: &Map<'_>) -> Option<String> {
        let slot = root.at("category");
        let key = self.r.opt_string(&slot)?;
        if self.config.category(&key).is_some() {
            return Some(key);
        }
        let known: Vec<&str> = self
            .config
            .categories
            .iter()
            .map(|c| c.key.as_str())
            .collect();
        let help = match suggest(&key, &known) {
            Some(close) => format!("did you mean `{close}`?"),
            None if known.is_empty() => "config.yaml defines no `categories`".to_string(),
            None => format!("categories in config.yaml: {}", known.join(", ")),
        };
        let diagnostic = Diagnostic::error(
            &self.r.path,
            format!("expected a category key from config.yaml, found {key:?}"),
        )
        .with_help(help);
        self.r.push_at(&slot.field, diagnostic);
        None
    }

    fn duties(&mut self, root: &Map<'_>, required: bool) -> Vec<String> {
        let slot = root.at("duties");
        if slot.value.is_none() {
            if !required {
                return Vec::new();
            }
            self.r.missing(&slot, "a list of 1 to 25 duties");
            return Vec::new();
        }
        let duties = self.r.string_list(&slot);
        if matches!(slot.value, Some(Value::Sequence(_))) {
            self.check_count(&slot.field, duties.len(), 1, 25, "duties");
        }
        self.report_duplicates(&slot.field, duties.iter().map(String::as_str));
        duties
    }

    fn environment(&mut self, root: &Map<'_>) -> Environment {
        const KEYS: &[&str] = &["summary", "settings", "schedule", "travel", "employers"];
        let Some(map) = self.r.sub_mapping(&root.at("environment"), KEYS) else {
            return Environment::default();
        };
        let employers_slot = map.at("employers");
        let employers = self
            .r
            .opt_list(&employers_slot, |r, value, field| {
                let m = r.mapping(value, field, &["industry", "share_percent"])?;
                let industry = r.req_string(&m.at("industry"));
                let share_slot = m.at("share_percent");
                let share = r.opt_number(&share_slot);
                if share_slot.value.is_none() {
                    r.missing(&share_slot, "a number above 0 and at most 100");
                }
                if let Some(s) = share
                    && !(s > 0.0 && s <= 100.0)
                {
                    r.error(
                        &share_slot.field,
                        format!("expected a share above 0 and at most 100, found {s}"),
                    );
                    return None;
                }
                Some(Employer {
                    industry: industry?,
                    share_percent: share?,
                })
            })
            .unwrap_or_default();
        let total: f64 = employers.iter().map(|e| e.share_percent).sum();
        if total > 100.0 + 1e-9 {
            self.r.error(
                &employers_slot.field,
                format!("expected shares adding up to at most 100, found {total}"),
            );
        }
        Environment {
            summary: self.r.opt_string(&map.at("summary")),
            settings: self.unique_strings(&map, "settings", false),
            schedule: self.r.opt_string(&map.at("schedule")),
            travel: self.r.opt_string(&map.at("travel")),
            employers,
        }
    }

    fn requirements(&mut self, root: &Map<'_>) -> Requirements {
        const KEYS: &[&str] = &[
            "education",
            "fields_of_study",
            "experience",
            "training",
            "credentials",
            "skills",
            "notes",
        ];
        let Some(map) = self.r.sub_mapping(&root.at("requirements"), KEYS) else {
            return Requirements::default();
        };
        let education = self
            .config
            .education_levels
            .read(self.r, &map.at("education"));
        let experience = self
            .r
            .opt_enum(&map.at("experience"), Experience::NAMES)
            .and_then(Experience::from_name);
        let training = self
            .r
            .opt_enum(&map.at("training"), Training::NAMES)
            .and_then(Training::from_name);
        let credentials_slot = map.at("credentials");
        let credentials = self
            .r
            .opt_list(&credentials_slot, |r, value, field| {
                let m = r.mapping(value, field, &["name", "kind", "required"])?;
                let name = r.req_string(&m.at("name"));
                let kind_slot = m.at("kind");
                if kind_slot.value.is_none() {
                    r.missing(
                        &kind_slot,
                        &format!("one of {}", CredentialKind::NAMES.join(", ")),
                    );
                }
                let kind = r
                    .opt_enum(&kind_slot, CredentialKind::NAMES)
                    .and_then(CredentialKind::from_name);
                let required = r.opt_bool(&m.at("required")).unwrap_or(false);
                Some(Credential {
                    name: name?,
                    kind: kind?,
                    required,
                })
            })
            .unwrap_or_default();
        self.report_duplicates(
            &credentials_slot.field,
            credentials.iter().map(|c| c.name.as_str()),
        );
        let skills_slot = map.at("skills");
        let skills = self
            .r
            .opt_list(&skills_slot, |r, value, field| match value {
                Value::Mapping(_) => {
                    let m = r.mapping(value, field, &["name", "description"])?;
                    Some(Skill {
                        name: r.req_string(&m.at("name"))?,
                        description: r.opt_string(&m.at("description")),
                    })
                }
                other => Some(Skill {
                    name: r.string_value(other, field)?,
                    description: None,
                }),
            });
        let skills = match skills {
            Some(skills) => {
                self.check_count(&skills_slot.field, skills.len(), 1, 30, "skills");
                self.report_duplicates(&skills_slot.field, skills.iter().map(|s| s.name.as_str()));
                skills
            }
            None => Vec::new(),
        };
        Requirements {
            education,
            fields_of_study: self.unique_strings(&map, "fields_of_study", false),
            experience,
            training,
            credentials,
            skills,
            notes: self.r.opt_string(&map.at("notes")),
            source: None,
        }
    }

    fn check_source(&mut self, map: &Map<'_>, ids: &HashSet<&str>) -> Option<String> {
        let slot = map.at("source");
        let id = self.r.opt_string(&slot)?;
        if ids.contains(id.as_str()) {
            return Some(id);
        }
        let known: Vec<&str> = ids.iter().copied().collect();
        let mut diagnostic = Diagnostic::error(
            &self.r.path,
            format!("expected the `id` of an entry in `sources`, found {id:?}"),
        );
        if let Some(close) = suggest(&id, &known) {
            diagnostic = diagnostic.with_help(format!("did you mean `{close}`?"));
        }
        self.r.push_at(&slot.field, diagnostic);
        None
    }

    fn salary(&mut self, root: &Map<'_>, source_ids: &HashSet<&str>) -> Option<Salary> {
        const KEYS: &[&str] = &[
            "currency",
            "period",
            "entry",
            "p25",
            "median",
            "p75",
            "top",
            "basis",
            "top_coded",
            "as_of",
            "source",
        ];
        let map = self.r.sub_mapping(&root.at("salary"), KEYS)?;
        let currency_slot = map.at("currency");
        let currency = match self.r.opt_string(&currency_slot) {
            Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => code,
            Some(code) => {
                self.r.error(
                    &currency_slot.field,
                    format!("expected an ISO 4217 code such as `USD`, found {code:?}"),
                );
                self.config.currency.clone()
            }
            None => self.config.currency.clone(),
        };
        let period = self
            .r
            .opt_enum(&map.at("period"), PayPeriod::NAMES)
            .and_then(PayPeriod::from_name)
            .unwrap_or(self.config.salary_period);
        let mut figures = [None; 5];
        let names = ["entry", "p25", "median", "p75", "top"];
        for (figure, name) in figures.iter_mut().zip(names) {
            let slot = map.at(name);
            *figure = self.r.opt_number(&slot);
            if let Some(v) = *figure
                && v < 0.0
            {
                self.r
                    .error(&slot.field, format!("expected a number ≥ 0, found {v}"));
                *figure = None;
            }
        }
        // Each known figure must not be below any known figure before it.
        let mut highest: Option<(usize, f64)> = None;
        for (i, figure) in figures.iter().enumerate() {
            let Some(v) = *figure else { continue };
            if let Some((j, h)) = highest
                && v < h
            {
                self.r.error(
                    &format!("salary.{}", names[i]),
                    format!(
                        "expected entry ≤ p25 ≤ median ≤ p75 ≤ top, found {} ({v}) below {} ({h})",
                        names[i], names[j]
                    ),
                );
                continue;
            }
            highest = Some((i, v));
        }
        let (low, high) = period.plausible_range();
        if let Some(median) = figures[2]
            && !(low..=high).contains(&median)
        {
            let warning = Diagnostic::warning(
                &self.r.path,
                format!(
                    "expected a median {} between {low} and {high}, found {median}",
                    period.label()
                ),
            )
            .with_help("check `salary.period` (year, month, week, day or hour)");
            self.r.push_at("salary.median", warning);
        }
        let basis = self
            .r
            .opt_enum(&map.at("basis"), SalaryBasis::NAMES)
            .and_then(SalaryBasis::from_name)
            .unwrap_or(SalaryBasis::Unspecified);
        let top_coded_slot = map.at("top_coded");
        let top_coded = self.r.opt_bool(&top_coded_slot).unwrap_or(false);
        if top_coded && figures[4].is_none() {
            self.r.error(
                &top_coded_slot.field,
                "expected `top` to be given with `top_coded`, found no `top`",
            );
        }
        let as_of_slot = map.at("as_of");
        let as_of = self
            .r
            .opt_string(&as_of_slot)
            .and_then(|text| match YearMonth::parse(&text) {
                Some(ym) if !self.in_future(ym) => Some(ym),
                Some(_) => {
                    self.r.error(
                        &as_of_slot.field,
                        format!("expected a date not in the future, found {text:?}"),
                    );
                    None
                }
                None => {
                    self.r.error(
                        &as_of_slot.field,
                        format!("expected `YYYY` or `YYYY-MM`, found {text:?}"),
                    );
                    None
                }
            });
        let source = self.check_source(&map, source_ids);
        let [entry, p25, median, p75, top] = figures;
        Some(Salary {
            currency,
            period,
            entry,
            p25,
            median,
            p75,
            top,
            basis,
            top_coded,
            as_of,
            source,
        })
    }

    fn in_future(&self, ym: YearMonth) -> bool {
        use chrono::Datelike;
        let now = (self.today.year(), self.today.month());
        (ym.year, ym.month.unwrap_or(1)) > now
    }

    fn outlook(&mut self, root: &Map<'_>, source_ids: &HashSet<&str>) -> Option<Outlook> {
        const KEYS: &[&str] = &[
            "growth_percent",
            "period",
            "label",
            "employment",
            "employment_change",
            "annual_openings",
            "source",
        ];
        let map = self.r.sub_mapping(&root.at("outlook"), KEYS)?;
        let growth_slot = map.at("growth_percent");
        let growth = self.r.opt_number(&growth_slot).filter(|g| {
            if *g <= -100.0 || *g > 1000.0 {
                self.r.error(
                    &growth_slot.field,
                    format!("expected a percent above -100 and at most 1000, found {g}"),
                );
                return false;
            }
            if !(-50.0..=100.0).contains(g) {
                let warning = Diagnostic::warning(
                    &self.r.path,
                    format!("expected growth between -50 and 100 percent, found {g}"),
                );
                self.r.push_at(&growth_slot.field, warning);
            }
            true
        });
        let period_slot = map.at("period");
        let mut period_invalid = false;
        let period = match self.r.opt_string(&period_slot) {
            Some(text) => match ProjectionPeriod::parse(&text) {
                Ok(period) => Some(period),
                Err(message) => {
                    self.r.error(&period_slot.field, message);
                    period_invalid = true;
                    None
                }
            },
            None => self.config.projections.default_period,
        };
        let label_slot = map.at("label");
        let stated = self
            .r
            .opt_enum(&label_slot, GrowthLabel::NAMES)
            .and_then(GrowthLabel::from_name);
        let bands = period.and_then(|p| self.config.projections.period(&p));
        let label = match (growth, bands) {
            (Some(g), Some(bands)) if !bands.bands.is_empty() => {
                let derived = bands.label_for(g);
                if let Some(stated) = stated
                    && stated != derived
                {
                    self.r.error(
                        &label_slot.field,
                        format!(
                            "expected `{}` (derived from {g}% for {}), found `{}`",
                            derived.name(),
                            bands.period,
                            stated.name()
                        ),
                    );
                }
                Some(derived)
            }
            (Some(_), _) if stated.is_none() && label_slot.value.is_none() && !period_invalid => {
                let period_text = period.map_or("no period".to_string(), |p| p.to_string());
                let diagnostic = Diagnostic::error(
                    &self.r.path,
                    format!("expected a `label`: config.yaml has no growth bands for {period_text}, found none"),
                )
                .with_help("add the label or configure `projections.periods` in config.yaml");
                self.r.push_at(&label_slot.field, diagnostic);
                None
            }
            _ => stated,
        };
        let employment = self.non_negative(&map, "employment");
        let change = self.r.opt_integer(&map.at("employment_change"));
        let openings = self.non_negative(&map, "annual_openings");
        if let (Some(g), Some(e), Some(c)) = (growth, employment, change)
            && e > 0
        {
            let implied = c as f64 / e as f64 * 100.0;
            if (implied - g).abs() >= 1.0 {
                let warning = Diagnostic::warning(
                    &self.r.path,
                    format!(
                        "expected employment_change / employment to match growth_percent ({g}%), found {implied:.1}%"
                    ),
                );
                self.r.push_at("outlook.employment_change", warning);
            }
        }
        Some(Outlook {
            growth_percent: growth,
            period,
            label,
            employment,
            employment_change: change,
            annual_openings: openings,
            source: self.check_source(&map, source_ids),
        })
    }

    fn non_negative(&mut self, map: &Map<'_>, key: &str) -> Option<i64> {
        let slot = map.at(key);
        let value = self.r.opt_integer(&slot)?;
        if value < 0 {
            self.r
                .error(&slot.field, format!("expected a count ≥ 0, found {value}"));
            return None;
        }
        Some(value)
    }

    fn guide_slug(r: &mut Reader<'_>, m: &Map<'_>) -> Option<String> {
        let slot = m.at("guide");
        let slug = r.opt_string(&slot)?;
        let slug = slug.strip_suffix(".md").unwrap_or(&slug).to_string();
        if is_slug(&slug) {
            Some(slug)
        } else {
            r.error(
                &slot.field,
                format!("expected the slug of a guide (`account-manager`), found {slug:?}"),
            );
            None
        }
    }

    fn career_path(&mut self, root: &Map<'_>) -> Vec<CareerStep> {
        let slot = root.at("career_path");
        let steps = self
            .r
            .opt_list(&slot, |r, value, field| {
                let m = r.mapping(value, field, &["title", "guide", "note"])?;
                let title = r.req_string(&m.at("title"));
                let guide = Self::guide_slug(r, &m);
                Some(CareerStep {
                    title: title?,
                    guide,
                    note: r.opt_string(&m.at("note")),
                })
            })
            .unwrap_or_default();
        if steps.len() > 10 {
            self.r.error(
                &slot.field,
                format!("expected at most 10 steps, found {}", steps.len()),
            );
        }
        steps
    }

    fn related_careers(&mut self, root: &Map<'_>) -> Vec<RelatedCareer> {
        let slot = root.at("related_careers");
        let related = self
            .r
            .opt_list(&slot, |r, value, field| {
                let m = r.mapping(value, field, &["title", "guide"])?;
                let title = r.req_string(&m.at("title"));
                let guide = Self::guide_slug(r, &m);
                Some(RelatedCareer {
                    title: title?,
                    guide,
                })
            })
            .unwrap_or_default();
        self.report_duplicates(&slot.field, related.iter().map(|r| r.title.as_str()));
        let mut seen = HashSet::new();
        for (i, career) in related.iter().enumerate() {
            if let Some(guide) = &career.guide
                && !seen.insert(guide.as_str())
            {
                self.r.error(
                    &format!("{}[{i}].guide", slot.field),
                    format!("expected each guide once, found {guide:?} again"),
                );
            }
        }
        related
    }

    fn faq(&mut self, root: &Map<'_>) -> Vec<Faq> {
        let slot = root.at("faq");
        let faq = self
            .r
            .opt_list(&slot, |r, value, field| {
                let m = r.mapping(value, field, &["question", "answer"])?;
                let question_slot = m.at("question");
                let question = r.req_string(&question_slot);
                // The question marks of other scripts count too: Arabic
                // `؟`, full-width `？`, Armenian `՞`.
                if let Some(q) = &question
                    && !q
                        .trim_end()
                        .ends_with(['?', '\u{61F}', '\u{FF1F}', '\u{55E}'])
                {
                    r.error(
                        &question_slot.field,
                        format!("expected a question ending with `?`, found {q:?}"),
                    );
                }
                let answer = r.req_string(&m.at("answer"));
                Some(Faq {
                    question: question?,
                    answer: answer?,
                })
            })
            .unwrap_or_default();
        self.report_duplicates(&slot.field, faq.iter().map(|f| f.question.as_str()));
        faq
    }

    fn sources(&mut self, root: &Map<'_>) -> Vec<Source> {
        let slot = root.at("sources");
        let today = self.today;
        let sources = self
            .r
            .opt_list(&slot, |r, value, field| {
                let m = r.mapping(value, field, &["id", "name", "url", "accessed", "license"])?;
                let id = r.req_string(&m.at("id"));
                let name = r.req_string(&m.at("name"));
                let url_slot = m.at("url");
                let url = r.opt_string(&url_slot).filter(|url| {
                    let ok = is_absolute_http_url(url);
                    if !ok {
                        r.error(
                            &url_slot.field,
                            format!("expected an absolute http(s) URL, found {url:?}"),
                        );
                    }
                    ok
                });
                let accessed = read_date(r, &m.at("accessed"), today);
                Some(Source {
                    id: id?,
                    name: name?,
                    url,
                    accessed,
                    license: r.opt_string(&m.at("license")),
                    dataset: None,
                })
            })
            .unwrap_or_default();
        let mut seen = HashSet::new();
        for (i, source) in sources.iter().enumerate() {
            if !seen.insert(source.id.as_str()) {
                self.r.error(
                    &format!("{}[{i}].id", slot.field),
                    format!("expected unique ids, found {:?} again", source.id),
                );
            }
        }
        sources
    }

    fn date(&mut self, slot: &yaml::Slot<'_>) -> Option<NaiveDate> {
        read_date(self.r, slot, self.today)
    }
}

/// The texts in `value` that `wanted` picks, with their field paths,
/// `field` being the path of `value` itself. Paths are built in one buffer
/// and copied only for the texts picked: a list of 100,000 items costs no
/// allocation per item.
/// The warning for a published guide without pay, outlook or requirements:
/// it builds, but its page leaves out what readers come for.
pub fn incomplete_warning(
    path: &Path,
    has_salary: bool,
    has_outlook: bool,
    has_requirements: bool,
) -> Option<Diagnostic> {
    let missing: Vec<&str> = [
        ("salary", has_salary),
        ("outlook", has_outlook),
        ("requirements", has_requirements),
    ]
    .into_iter()
    .filter_map(|(name, present)| (!present).then_some(name))
    .collect();
    if missing.is_empty() {
        return None;
    }
    let names: Vec<String> = missing.iter().map(|name| format!("`{name}`")).collect();
    let listed = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    };
    let warning = Diagnostic::warning(
        path,
        format!(
            "incomplete guide: expected `salary`, `outlook` and `requirements`, found no {listed}"
        ),
    )
    .with_help("add what is known, or mark the guide `draft: true` until it is")
    .with_kind(kinds::INCOMPLETE);
    Some(warning)
}

fn strings<'v>(value: &'v Value, field: &str, wanted: fn(&str) -> bool) -> Vec<(String, &'v str)> {
    fn walk<'v>(
        value: &'v Value,
        path: &mut String,
        wanted: fn(&str) -> bool,
        out: &mut Vec<(String, &'v str)>,
    ) {
        use std::fmt::Write;
        let len = path.len();
        match value {
            Value::String(text) if wanted(text) => out.push((path.clone(), text)),
            Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(path, "[{i}]");
                    walk(item, path, wanted, out);
                    path.truncate(len);
                }
            }
            Value::Mapping(map) => {
                for (key, item) in map {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key.as_str().unwrap_or("?"));
                    walk(item, path, wanted, out);
                    path.truncate(len);
                }
            }
            Value::Tagged(tagged) => walk(&tagged.value, path, wanted, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, &mut field.to_string(), wanted, &mut out);
    out
}

pub(crate) fn read_date(
    r: &mut Reader<'_>,
    slot: &yaml::Slot<'_>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let text = r.opt_string(slot)?;
    match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        Ok(date) if date <= today => Some(date),
        Ok(_) => {
            r.error(
                &slot.field,
                format!("expected a date not in the future (today is {today}), found {text}"),
            );
            None
        }
        Err(_) => {
            r.error(
                &slot.field,
                format!("expected a date written `YYYY-MM-DD`, found {text:?}"),
            );
            None
        }
    }
}

fn is_soc(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[2] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

fn is_onet_soc(code: &str) -> bool {
    // `get`, not slicing: a multibyte character may straddle byte 7.
    code.len() == 10
        && code.get(..7).is_some_and(is_soc)
        && code.as_bytes()[7] == b'.'
        && code.bytes().skip(8).all(|c| c.is_ascii_digit())
}

fn is_absolute_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    const TODAY: (i32, u32, u32) = (2026, 6, 1);

    fn parse(text: &[u8]) -> Parsed {
        let config = crate::config::parse("title: T\nbase_url: https://example.org/\n")
            .expect("test config is valid");
        let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("valid date");
        parse_guide(Path::new("content/a.md"), "a.md", text, &config, today)
    }

    /// A guide with every section the completeness warning asks for.
    const COMPLETE: &str = "---\ntitle: A\nsummary: S.\nduties: [d]\n\
        requirements: { education: bachelors }\nsalary: { median: 50000 }\n\
        outlook: { growth_percent: 3, label: as_fast_as_average }\n";

    fn messages(parsed: &Parsed, severity: Severity) -> Vec<String> {
        parsed
            .diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .map(|d| d.headline())
            .collect()
    }

    #[test]
    fn a_complete_guide_has_no_warnings() {
        let parsed = parse(format!("{COMPLETE}---\n").as_bytes());
        assert!(parsed.guide.is_some());
        assert_eq!(parsed.diagnostics, Vec::new());
    }

    #[test]
    fn questions_end_with_the_question_mark_of_their_script() {
        for question in ["Is it sales?", "هل هي مبيعات؟", "是销售吗？"] {
            let parsed = parse(
                format!("{COMPLETE}faq: [{{ question: \"{question}\", answer: A. }}]\n---\n")
                    .as_bytes(),
            );
            assert!(messages(&parsed, Severity::Error).is_empty(), "{question}");
        }
        let parsed =
            parse(format!("{COMPLETE}faq: [{{ question: Sales., answer: A. }}]\n---\n").as_bytes());
        assert_eq!(messages(&parsed, Severity::Error).len(), 1);
    }

    #[test]
    fn a_guide_without_pay_outlook_or_requirements_is_incomplete() {
        let parsed = parse(b"---\ntitle: A\nsummary: S.\nduties: [d]\n---\n");
        assert!(parsed.guide.is_some());
        let warnings = messages(&parsed, Severity::Warning);
        assert_eq!(
            warnings,
            [
                "content/a.md:2:1: warning: incomplete guide: expected `salary`, `outlook` and `requirements`, found no `salary`, `outlook` or `requirements`"
            ]
        );
        assert!(messages(&parsed, Severity::Error).is_empty());
    }

    #[test]
    fn placeholders_are_errors_in_published_guides_only() {
        let text = format!(
            "{COMPLETE}faq: [{{ question: Q?, answer: 'TODO: answer it' }}]\n---\nIntro.\n\n  TODO: write more\n"
        );
        let parsed = parse(text.as_bytes());
        assert_eq!(
            messages(&parsed, Severity::Error),
            [
                "content/a.md:8:31: error: faq, item 1, answer: expected the guide's own text in a published guide, found the placeholder \"TODO: answer it\"",
                "content/a.md:12:3: error: expected the guide's own text in a published guide, found the placeholder \"TODO: write more\"",
            ]
        );
        let draft = parse(
            text.replace("---\nIntro", "draft: true\n---\nIntro")
                .as_bytes(),
        );
        assert_eq!(messages(&draft, Severity::Error), Vec::<String>::new());
    }

    #[test]
    fn a_draft_is_not_called_incomplete() {
        let parsed = parse(b"---\ntitle: A\nsummary: S.\nduties: [d]\ndraft: true\n---\n");
        assert_eq!(parsed.diagnostics, Vec::new());
    }

    #[test]
    fn a_review_older_than_two_years_is_a_warning() {
        let old = parse(format!("{COMPLETE}last_reviewed: 2024-05-31\n---\n").as_bytes());
        let warnings = messages(&old, Severity::Warning);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains(
                "last_reviewed: expected a review within the last two years, found 2024-05-31"
            ),
            "{warnings:?}"
        );
        let recent = parse(format!("{COMPLETE}last_reviewed: 2024-06-01\n---\n").as_bytes());
        assert_eq!(recent.diagnostics, Vec::new());
    }

    /// Parses hostile input on a thread with a small stack, failing on a
    /// panic, a stack overflow (which aborts the test binary) or a hang.
    fn parse_bounded(text: Vec<u8>) -> Parsed {
        let (done, result) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                let _ = done.send(parse(&text));
            })
            .expect("spawn");
        result
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("parsing finishes in time without panicking")
    }

    fn only_error(parsed: &Parsed) -> String {
        assert!(parsed.guide.is_none());
        let errors = messages(parsed, Severity::Error);
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors[0].clone()
    }

    #[test]
    fn yaml_alias_expansion_is_bounded() {
        let mut yaml =
            String::from("---\ntitle: A\nsummary: S.\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        yaml.push_str("duties: *a9\n---\n");
        let error = only_error(&parse_bounded(yaml.into_bytes()));
        assert!(
            error.contains("invalid YAML: repetition limit exceeded"),
            "{error}"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for (open, close) in [("[", "]"), ("{a: ", "}")] {
            let depth = 100_000;
            let yaml = format!(
                "---\nextra: {}1{}\n---\n",
                open.repeat(depth),
                close.repeat(depth)
            );
            let error = only_error(&parse_bounded(yaml.into_bytes()));
            assert!(
                error.contains(
                    "invalid YAML: expected at most 128 levels of nested lists and mappings"
                ),
                "{error}"
            );
        }
        let indented: String = (0..1_000)
            .map(|i| format!("{}- \n", " ".repeat(i)))
            .collect();
        let compact = format!("{}1\n", "- ".repeat(1_000_000));
        for block in [indented, compact] {
            let error = only_error(&parse_bounded(
                format!("---\nextra:\n{block}---\n").into_bytes(),
            ));
            assert!(
                error.contains("invalid YAML: recursion limit exceeded"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_guide_over_the_size_limit_is_refused() {
        let mut text = format!("{COMPLETE}---\n").into_bytes();
        text.resize(10 * 1000 * 1000, b'x');
        let error = only_error(&parse_bounded(text));
        assert!(
            error.contains("expected a guide of at most 8 MiB, found 10000000 bytes"),
            "{error}"
        );
    }

    #[test]
    fn a_large_guide_under_the_limit_parses() {
        let mut text = format!("{COMPLETE}---\n");
        while text.len() < MAX_FILE_BYTES - 100 {
            text.push_str("A paragraph of body text that goes on for a while.\n\n");
        }
        let parsed = parse_bounded(text.into_bytes());
        assert!(parsed.guide.is_some());
    }

    #[test]
    fn a_hundred_thousand_list_items_give_bounded_diagnostics() {
        let items = "  - same duty\n".repeat(100_000);
        let text = format!("---\ntitle: A\nsummary: S.\nduties:\n{items}---\n");
        // Bounded in what it reports (the time is the benchmark's to watch,
        // never a test's: a loaded machine would make it fail).
        let parsed = parse_bounded(text.into_bytes());
        let errors = messages(&parsed, Severity::Error);
        assert_eq!(errors.len(), 12, "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.contains("duties: expected 1 to 25 duties, found 100000"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("found 99989 more repeated items"))
        );
    }

    #[test]
    fn diagnostics_past_the_limit_are_counted_not_kept() {
        let keys: String = (0..300).map(|i| format!("key{i}: 1\n")).collect();
        let text = format!("---\ntitle: A\nsummary: S.\nduties: [d]\n{keys}---\n");
        let parsed = parse_bounded(text.into_bytes());
        let limit = crate::yaml::MAX_DIAGNOSTICS;
        assert_eq!(parsed.diagnostics.len(), limit + 1);
        let last = parsed.diagnostics.last().expect("diagnostics");
        assert!(last.is_error());
        assert!(
            last.message.starts_with(
                "201 more problems in this file were not shown (200 errors, 1 warnings)"
            ),
            "{last:?}"
        );
    }

    #[test]
    fn a_binary_file_is_an_error() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        let error = only_error(&parse_bounded(bytes));
        assert!(
            error.contains("expected UTF-8 text, found an invalid byte at offset 128"),
            "{error}"
        );
        let nul = only_error(&parse_bounded(b"\0\0\0ELF\x01\x02".to_vec()));
        assert!(nul.contains("to start with a `---` line"), "{nul}");
    }

    #[test]
    fn invalid_utf8_names_its_byte_offset_and_line() {
        let error = only_error(&parse_bounded(b"---\ntitle: caf\xe9\n---\n".to_vec()));
        assert_eq!(
            error,
            "content/a.md:2:11: error: expected UTF-8 text, found an invalid byte at offset 14"
        );
    }

    #[test]
    fn empty_and_unfenced_files_are_errors() {
        for text in ["", "\n", "title: A\n"] {
            let error = only_error(&parse_bounded(text.as_bytes().to_vec()));
            assert!(
                error.contains("expected the file to start with a `---` line"),
                "{error}"
            );
        }
        let error = only_error(&parse_bounded(b"---\ntitle: A\n".to_vec()));
        assert!(
            error.contains("expected a `---` line closing the YAML front matter"),
            "{error}"
        );
    }

    #[test]
    fn tab_indentation_gets_a_hint() {
        let parsed = parse_bounded(b"---\ntitle: A\nsalary:\n\tmedian: 5\n---\n".to_vec());
        assert!(parsed.guide.is_none());
        let error = &parsed.diagnostics[0];
        assert_eq!(error.position.map(|p| p.line), Some(4));
        assert!(
            error.help.as_deref().is_some_and(|h| h.contains("spaces")),
            "{error:?}"
        );
    }

    #[test]
    fn an_onet_code_with_a_multibyte_character_is_an_error_not_a_panic() {
        // Ten bytes with `é` across byte 7: slicing the SOC part at byte 7 panicked.
        assert!(!is_onet_soc("123456é00"));
        let parsed =
            parse(format!("{COMPLETE}codes: {{ onet_soc: \"123456é00\" }}\n---\n").as_bytes());
        let errors = messages(&parsed, Severity::Error);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("codes.onet_soc: expected a code shaped `NN-NNNN.NN`"));
    }

    #[test]
    fn code_shapes() {
        assert!(is_soc("11-2022"));
        assert!(!is_soc("112022"));
        assert!(is_onet_soc("11-2022.00"));
        assert!(!is_onet_soc("11-2022.0"));
        assert!(is_absolute_http_url("https://www.bls.gov/oes/"));
        assert!(!is_absolute_http_url("www.bls.gov"));
    }
}
