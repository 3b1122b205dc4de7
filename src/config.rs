//! The site configuration: `config.yaml` read and validated into the
//! [`SiteConfig`] the rest of the pipeline uses.

use std::path::Path;

use serde::Serialize;
use serde_yaml::Value;

use crate::diagnostics::Diagnostic;
use crate::vocabulary::{GrowthLabel, PayPeriod, ProjectionPeriod};
use crate::yaml::{self, Reader, YamlText};

pub mod education;
pub mod languages;
pub use languages::{Language, Untranslated};

/// The config file's name inside a site folder.
pub const CONFIG_FILE: &str = "config.yaml";

/// Every top-level key `config.yaml` may hold.
pub const TOP_KEYS: &[&str] = &[
    "title",
    "base_url",
    "description",
    "language",
    "theme",
    "currency",
    "country",
    "salary_period",
    "projections",
    "categories",
    "education_levels",
    "author",
    "footer",
    "suggest_similar",
    "extra",
    "data",
    "region",
    "paginate_by",
    "paginate",
    "feed_limit",
    "related_advice",
    "home",
    "menus",
    "languages",
    "untranslated",
    "images",
];

/// The menus `menus:` may hold.
pub const MENU_NAMES: &[&str] = &["main", "footer"];
/// The keys of a menu entry.
pub const MENU_ENTRY_KEYS: &[&str] = &["label", "target", "weight", "children"];

/// Guides a list page shows when `paginate_by` does not say.
pub const DEFAULT_PAGINATE_BY: usize = 50;
/// Entries the Atom feed carries when `feed_limit` does not say.
pub const DEFAULT_FEED_LIMIT: usize = 50;
/// Recently reviewed guides the home page shows when `home.recent` does not say.
pub const DEFAULT_HOME_RECENT: usize = 6;
/// Latest articles the home page shows when `home.latest_articles` does not say.
pub const DEFAULT_HOME_LATEST_ARTICLES: usize = 3;
/// Articles a guide page lists under "Advice for …" when `related_advice` does not say.
pub const DEFAULT_RELATED_ADVICE: usize = 3;

/// The lists `paginate:` may set apart from `paginate_by`.
pub const PAGINATED_LISTS: &[&str] = &[
    "all_careers",
    "browse",
    "categories",
    "industries",
    "education",
];

/// A validated site configuration.
#[derive(Debug, Clone, Serialize)]
pub struct SiteConfig {
    pub title: String,
    /// Always ends with `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/careers/`): where the site is deployed.
    pub base_path: String,
    pub description: String,
    /// A BCP 47 language tag (`en`, `en-GB`, `fr`).
    pub language: String,
    pub theme: String,
    /// ISO 4217 code used where a guide gives none.
    pub currency: String,
    /// ISO 3166 country code, for structured data.
    pub country: String,
    pub salary_period: PayPeriod,
    pub projections: Projections,
    pub categories: Vec<Category>,
    /// Industry names in the config's language, by the slug of the
    /// industry as guides write it (`languages: es: industries:`); empty in
    /// the default language, whose pages name industries as guides do.
    pub industry_names: std::collections::BTreeMap<String, String>,
    /// The education levels guides are written with (`education_levels`),
    /// the U.S. BLS levels by default.
    pub education_levels: crate::config::education::EducationLevels,
    pub author: Option<Author>,
    /// Footer credit line (plain text).
    pub footer: Option<String>,
    /// Whether a guide that names no `related_careers` gets similar
    /// occupations suggested from the other guides (`render::similar`).
    /// On by default; `suggest_similar: false` turns it off.
    pub suggest_similar: bool,
    pub extra: serde_json::Value,
    /// Official data files the guides take figures from (`data:`).
    pub data: crate::data::DataConfig,
    /// The site's home state (`region: CA`), shown beside national figures.
    pub region: Option<&'static crate::data::states::State>,
    /// How lists are cut into pages (`paginate_by`, `paginate`).
    pub pagination: Pagination,
    /// How many of the most recently reviewed guides the Atom feed
    /// carries (`feed_limit`, at least 1).
    pub feed_limit: usize,
    /// What the home page shows besides the categories (`home`).
    pub home: Home,
    /// How many articles naming a guide in `related_careers` its page
    /// lists, newest first (`related_advice`, 0 shows none).
    pub related_advice: usize,
    /// The site's menus (`menus`), each sorted by weight.
    pub menus: Menus,
    /// The site's other languages (`languages`); empty for a site in one.
    #[serde(skip)]
    pub languages: Vec<Language>,
    /// Whether a guide missing in a language is published there in the
    /// default one (`untranslated`).
    #[serde(skip)]
    pub untranslated: Untranslated,
    /// The language `language` names in `config.yaml`, also in the config
    /// of another language ([`SiteConfig::for_language`]).
    #[serde(skip)]
    pub default_language: String,
    /// The folder of the language this config is for (`es/`); empty for
    /// the default language.
    #[serde(skip)]
    pub lang_prefix: String,
    /// How responsive images are made (`images`).
    pub images: ImageSettings,
}

/// The widths of the copies when `images.widths` does not say, in pixels.
pub const DEFAULT_WIDTHS: [u32; 3] = [480, 800, 1200];

/// The source size over which an image is a warning, in KiB, when
/// `images.max_kb` does not say.
pub const DEFAULT_MAX_KB: u64 = 500;

/// The `images:` settings of `config.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageSettings {
    /// The widths of the copies, ascending, in pixels.
    pub widths: Vec<u32>,
    /// A source file over this many KiB is a warning.
    pub max_kb: u64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: DEFAULT_WIDTHS.to_vec(),
            max_kb: DEFAULT_MAX_KB,
        }
    }
}

/// The menus of `menus:`, each entry in display order (by `weight`, then
/// as written).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Menus {
    pub main: Vec<MenuEntry>,
    pub footer: Vec<MenuEntry>,
}

impl Menus {
    /// Every entry of every menu, children included.
    pub fn entries(&self) -> impl Iterator<Item = &MenuEntry> {
        self.main
            .iter()
            .chain(&self.footer)
            .flat_map(|e| std::iter::once(e).chain(&e.children))
    }
}

/// One menu entry: a label and where it leads.
#[derive(Debug, Clone, Serialize)]
pub struct MenuEntry {
    pub label: String,
    /// `@/` and a path below `content/` or `static/` (`@/about.md`,
    /// `@/account-manager.md#pay`), or an absolute `http(s)://` or
    /// `mailto:` URL.
    pub target: String,
    /// Lower weights come first; entries of equal weight keep their order.
    pub weight: i64,
    /// At most one level: a child has no children.
    pub children: Vec<MenuEntry>,
    /// The error to report, placed at `target` in `config.yaml`, when an
    /// `@/` target names nothing the build publishes.
    #[serde(skip)]
    pub unknown: Diagnostic,
}

/// Items per page of each list: `paginate_by` for all of them, and the
/// lists `paginate:` names for themselves. `0` puts a list on one page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pagination {
    /// `paginate_by`: every list not named below.
    pub default: usize,
    /// `paginate.all_careers`.
    pub all_careers: Option<usize>,
    /// `paginate.browse`: every browse page (a category, industry or
    /// education level) not named by its grouping below.
    pub browse: Option<usize>,
    /// `paginate.categories`, `paginate.industries`, `paginate.education`.
    pub categories: Option<usize>,
    pub industries: Option<usize>,
    pub education: Option<usize>,
}

impl Default for Pagination {
    fn default() -> Self {
        Pagination {
            default: DEFAULT_PAGINATE_BY,
            all_careers: None,
            browse: None,
            categories: None,
            industries: None,
            education: None,
        }
    }
}

impl Pagination {
    /// Guides per page of All careers.
    pub fn all_careers(&self) -> usize {
        self.all_careers.unwrap_or(self.default)
    }

    /// Guides per page of a browse page of the grouping keyed `grouping`
    /// (`categories`, `industries`, `education`).
    pub fn browse(&self, grouping: &str) -> usize {
        let own = match grouping {
            "categories" => self.categories,
            "industries" => self.industries,
            "education" => self.education,
            _ => None,
        };
        own.or(self.browse).unwrap_or(self.default)
    }
}

/// The home page's choice of guides (`home:`).
#[derive(Debug, Clone, Serialize)]
pub struct Home {
    /// `home.featured`: slugs of guides shown first, in this order. When
    /// empty, the most recently reviewed guides are shown instead.
    pub featured: Vec<Featured>,
    /// `home.recent`: how many recently reviewed guides to show when none
    /// is featured (0 shows none).
    pub recent: usize,
    /// `home.latest_articles`: how many of the newest articles of every
    /// section to show (0 shows none).
    pub latest_articles: usize,
}

impl Default for Home {
    fn default() -> Self {
        Home {
            featured: Vec::new(),
            recent: DEFAULT_HOME_RECENT,
            latest_articles: DEFAULT_HOME_LATEST_ARTICLES,
        }
    }
}

/// One `home.featured` slug, with the error to report, placed in
/// `config.yaml`, when it names no guide.
#[derive(Debug, Clone, Serialize)]
pub struct Featured {
    pub slug: String,
    #[serde(skip)]
    pub unknown: Diagnostic,
}

/// Projection periods and the growth bands that turn a percent into a label.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Projections {
    pub default_period: Option<ProjectionPeriod>,
    pub periods: Vec<PeriodBands>,
}

/// One projection cycle: its average growth and its label bands.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodBands {
    pub period: ProjectionPeriod,
    /// Average growth for all occupations over the period, in percent.
    pub average_growth: Option<f64>,
    /// Lowest whole percent of each label, from `much_faster_than_average`
    /// down to `little_or_no_change`; anything lower is a decline.
    pub bands: Vec<(GrowthLabel, i64)>,
}

impl PeriodBands {
    /// The label for `percent`, compared as a whole number rounded half away from zero.
    pub fn label_for(&self, percent: f64) -> GrowthLabel {
        let whole = percent.round() as i64;
        self.bands
            .iter()
            .find(|(_, min)| whole >= *min)
            .map_or(GrowthLabel::Decline, |(label, _)| *label)
    }
}

impl Projections {
    pub fn period(&self, period: &ProjectionPeriod) -> Option<&PeriodBands> {
        self.periods.iter().find(|p| &p.period == period)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Category {
    pub key: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Author {
    pub name: String,
    pub email: Option<String>,
    pub url: Option<String>,
}

impl SiteConfig {
    /// The name pages give the industry a guide writes as `industry`: the
    /// config language's own (`languages: es: industries:`), else as
    /// written.
    pub fn industry_name<'a>(&'a self, industry: &'a str) -> &'a str {
        if self.industry_names.is_empty() {
            return industry;
        }
        self.industry_names
            .get(&crate::permalink::slugify(industry))
            .map_or(industry, String::as_str)
    }

    pub fn category(&self, key: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.key == key)
    }

    /// Replaces the base URL (for `--base-url`).
    pub fn set_base_url(&mut self, url: &str) -> Result<(), String> {
        let (base_url, base_path) = split_base_url(url)?;
        self.base_url = base_url;
        self.base_path = base_path;
        Ok(())
    }
}

/// Normalises a base URL to end with `/` and returns it with its path
/// part; an error says what was expected, for `base_url` and `--base-url`.
pub fn split_base_url(url: &str) -> Result<(String, String), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("expected an absolute http(s) URL, found {url:?}"))?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    if host_end == 0 || rest.contains(['?', '#', ' ']) {
        return Err(format!("expected an absolute http(s) URL, found {url:?}"));
    }
    let mut path = rest[host_end..].to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    let base_url = format!("{}{}", &url[..url.len() - rest.len() + host_end], path);
    Ok((base_url, path))
}

/// Loads `config.yaml` from `root`.
pub fn load(root: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
    let path = root.join(CONFIG_FILE);
    let text = std::fs::read_to_string(&path).map_err(|err| {
        vec![Diagnostic::error(
            CONFIG_FILE,
            format!("cannot read `{}`: {err}", path.display()),
        )]
    })?;
    parse(&text)
}

/// Parses and validates config text.
pub fn parse(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let text = crate::yaml::normalize(text);
    let yaml_text = YamlText {
        yaml: &text,
        first_line: 1,
        file_text: &text,
    };
    let value = yaml::parse(Path::new(CONFIG_FILE), yaml_text).map_err(|d| vec![d])?;
    let mut reader = Reader::new(CONFIG_FILE, yaml_text);
    let config = read(&mut reader, &value);
    match config {
        Some(config) if reader.diagnostics.is_empty() => Ok(config),
        _ => Err(reader.into_diagnostics()),
    }
}

fn read(r: &mut Reader<'_>, value: &Value) -> Option<SiteConfig> {
    let root = r.mapping(value, "", TOP_KEYS)?;
    let title = r.req_string(&root.at("title"));
    let base = root.at("base_url");
    let (base_url, base_path) = match r.req_string(&base) {
        Some(url) => match split_base_url(&url) {
            Ok(parts) => parts,
            Err(message) => {
                r.error(&base.field, message);
                Default::default()
            }
        },
        None => Default::default(),
    };
    let description = r.opt_string(&root.at("description")).unwrap_or_default();
    let language = r
        .opt_string(&root.at("language"))
        .unwrap_or_else(|| "en".into());
    if !is_language_tag(&language) {
        r.error(
            "language",
            format!("expected a language tag such as `en` or `fr-CA`, found {language:?}"),
        );
    }
    let theme = r
        .opt_string(&root.at("theme"))
        .unwrap_or_else(|| "default".into());
    let currency = r
        .opt_string(&root.at("currency"))
        .unwrap_or_else(|| "USD".into());
    if !is_upper_code(&currency, 3) {
        r.error(
            "currency",
            format!("expected an ISO 4217 code such as `USD`, found {currency:?}"),
        );
    }
    let country = r
        .opt_string(&root.at("country"))
        .unwrap_or_else(|| "US".into());
    if !is_upper_code(&country, 2) {
        r.error(
            "country",
            format!("expected an ISO 3166 code such as `US`, found {country:?}"),
        );
    }
    let salary_period = r
        .opt_enum(&root.at("salary_period"), PayPeriod::NAMES)
        .and_then(PayPeriod::from_name)
        .unwrap_or(PayPeriod::Year);
    let projections = read_projections(r, &root);
    let categories = read_categories(r, &root);
    let education_levels = crate::config::education::read_config(r, &root, &language);
    let author = read_author(r, &root);
    let footer = r.opt_string(&root.at("footer"));
    let suggest_similar = r.opt_bool(&root.at("suggest_similar")).unwrap_or(true);
    let extra = root
        .at("extra")
        .value
        .map(crate::yaml::yaml_to_json)
        .unwrap_or(serde_json::Value::Null);
    let data = crate::data::config::read(r, &root);
    let region_slot = root.at("region");
    let region = r.opt_string(&region_slot).and_then(|text| {
        let found = crate::data::states::find(&text);
        if found.is_none() {
            r.error(
                &region_slot.field,
                format!("expected a U.S. state's postal code such as `CA`, found {text:?}"),
            );
        }
        found
    });
    let pagination = read_pagination(r, &root);
    let feed_slot = root.at("feed_limit");
    let feed_limit = match r.opt_integer(&feed_slot) {
        Some(limit) if limit >= 1 => usize::try_from(limit).unwrap_or(usize::MAX),
        Some(limit) => {
            r.error(
                &feed_slot.field,
                format!("expected a whole number of entries of at least 1, found {limit}"),
            );
            DEFAULT_FEED_LIMIT
        }
        None => DEFAULT_FEED_LIMIT,
    };
    let home = read_home(r, &root);
    let related_advice =
        read_count(r, &root.at("related_advice"), "articles").unwrap_or(DEFAULT_RELATED_ADVICE);
    let menus = read_menus(r, &root);
    let languages = languages::read_languages(r, &root, &language);
    let untranslated = languages::read_untranslated(r, &root);
    let default_language = language.clone();
    let images = read_images(r, &root);
    let config = Some(SiteConfig {
        title: title?,
        base_url,
        base_path,
        description,
        language,
        theme,
        currency,
        country,
        salary_period,
        projections,
        categories,
        industry_names: Default::default(),
        education_levels,
        author,
        footer,
        suggest_similar,
        extra,
        data,
        region,
        pagination,
        feed_limit,
        home,
        related_advice,
        menus,
        languages,
        untranslated,
        default_language,
        lang_prefix: String::new(),
        images,
    });
    if let Some(config) = &config {
        languages::check_categories(r, config);
    }
    config
}

/// `images: {widths, max_kb}`: the widths of responsive copies (1 to 8,
/// each 16 to 8192 px) and the source size over which an image is a warning.
fn read_images(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> ImageSettings {
    let mut settings = ImageSettings::default();
    let Some(map) = r.sub_mapping(&root.at("images"), &["widths", "max_kb"]) else {
        return settings;
    };
    if let Some(max_kb) = read_count(r, &map.at("max_kb"), "KB") {
        settings.max_kb = max_kb as u64;
    }
    let widths_slot = map.at("widths");
    if let Some(widths) = r.opt_list(&widths_slot, |r, value, field| {
        let width = value.as_i64().filter(|w| (16..=8192).contains(w));
        if width.is_none() {
            r.error(
                field,
                format!(
                    "expected a width in pixels from 16 to 8192, found {}",
                    yaml::describe(value)
                ),
            );
        }
        width.and_then(|w| u32::try_from(w).ok())
    }) {
        if widths.is_empty() || widths.len() > 8 {
            r.error(
                &widths_slot.field,
                format!("expected 1 to 8 widths, found {}", widths.len()),
            );
        } else {
            let mut widths = widths;
            widths.sort_unstable();
            widths.dedup();
            settings.widths = widths;
        }
    }
    settings
}

fn read_menus(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Menus {
    let Some(map) = r.sub_mapping(&root.at("menus"), MENU_NAMES) else {
        return Menus::default();
    };
    Menus {
        main: read_menu(r, &map.at("main"), 0),
        footer: read_menu(r, &map.at("footer"), 0),
    }
}

/// The entries of one menu (or of an entry's `children`, at `depth` 1),
/// sorted by weight.
fn read_menu(r: &mut Reader<'_>, slot: &yaml::Slot<'_>, depth: usize) -> Vec<MenuEntry> {
    let mut entries = r
        .opt_list(slot, |r, value, field| {
            let entry = r.mapping(value, field, MENU_ENTRY_KEYS)?;
            let label = r.req_string(&entry.at("label"));
            let target_slot = entry.at("target");
            let target = r.req_string(&target_slot);
            let weight = r.opt_integer(&entry.at("weight")).unwrap_or(0);
            let children_slot = entry.at("children");
            let children = if depth > 0 && children_slot.value.is_some() {
                r.error(
                    &children_slot.field,
                    "expected menus of at most two levels, found `children` in a child entry",
                );
                Vec::new()
            } else {
                read_menu(r, &children_slot, depth + 1)
            };
            let target = target?;
            let external = ["https://", "http://", "mailto:"]
                .iter()
                .any(|scheme| target.starts_with(scheme));
            if !external && !target.starts_with("@/") && !target.starts_with('/') {
                r.error(
                    &target_slot.field,
                    format!(
                        "expected `@/` and a path below content/ or static/ (`@/account-manager.md`), a path of the site's own pages (`/all-careers/`) or an absolute http(s) or mailto: URL, found {target:?}"
                    ),
                );
            }
            let unknown = Diagnostic::error(
                CONFIG_FILE,
                format!("expected a target that names a published page or a file below content/ or static/, found {target:?}, which names none"),
            )
            .with_field(&target_slot.field)
            .with_help("`@/` names a file by its path below content/ (`@/account-manager.md`) or static/, `/` a page the site makes (`/all-careers/`, `/categories/sales/`)")
            .at(r.position(&target_slot.field), r.file_text());
            Some(MenuEntry {
                label: label?,
                target,
                weight,
                children,
                unknown,
            })
        })
        .unwrap_or_default();
    entries.sort_by_key(|e| e.weight);
    entries
}

/// A count of items of at least 0, or `None` (an error recorded) when the
/// value is not one.
fn read_count(r: &mut Reader<'_>, slot: &yaml::Slot<'_>, what: &str) -> Option<usize> {
    let count = r.opt_integer(slot)?;
    match usize::try_from(count) {
        Ok(count) => Some(count),
        Err(_) => {
            r.error(
                &slot.field,
                format!("expected a whole number of {what} of 0 or more, found {count}"),
            );
            None
        }
    }
}

fn read_pagination(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Pagination {
    let mut pagination = Pagination::default();
    if let Some(by) = read_count(r, &root.at("paginate_by"), "guides per page") {
        pagination.default = by;
    }
    let Some(map) = r.sub_mapping(&root.at("paginate"), PAGINATED_LISTS) else {
        return pagination;
    };
    let mut own = |key: &str| read_count(r, &map.at(key), "guides per page");
    pagination.all_careers = own("all_careers");
    pagination.browse = own("browse");
    pagination.categories = own("categories");
    pagination.industries = own("industries");
    pagination.education = own("education");
    pagination
}

fn read_home(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Home {
    let mut home = Home::default();
    let Some(map) = r.sub_mapping(&root.at("home"), &["featured", "recent", "latest_articles"])
    else {
        return home;
    };
    if let Some(recent) = read_count(r, &map.at("recent"), "guides") {
        home.recent = recent;
    }
    if let Some(latest) = read_count(r, &map.at("latest_articles"), "articles") {
        home.latest_articles = latest;
    }
    let featured = map.at("featured");
    let slugs = r
        .opt_list(&featured, |r, value, field| {
            let slug = r.string_value(value, field)?;
            let unknown = Diagnostic::error(
                CONFIG_FILE,
                format!("expected the slug of a published guide, found {slug:?}, which names no guide"),
            )
            .with_field(field)
            .with_help("write a guide's slug (its file name without `.md`, or its `slug:`), or remove it from the list")
            .at(r.position(field), r.file_text());
            Some(Featured { slug, unknown })
        })
        .unwrap_or_default();
    home.featured = slugs;
    home
}

fn read_projections(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Projections {
    let Some(map) = r.sub_mapping(&root.at("projections"), &["default_period", "periods"]) else {
        return Projections::default();
    };
    let default_slot = map.at("default_period");
    let default_period = r.opt_string(&default_slot).and_then(|text| {
        ProjectionPeriod::parse(&text)
            .map_err(|message| r.error(&default_slot.field, message))
            .ok()
    });
    let mut periods = Vec::new();
    let periods_slot = map.at("periods");
    if let Some(periods_map) = periods_slot.value.and_then(Value::as_mapping) {
        for (key, value) in periods_map {
            let Some(key) = key.as_str().map(str::to_string) else {
                continue;
            };
            let field = format!("{}.{key}", periods_slot.field);
            let period = match ProjectionPeriod::parse(&key) {
                Ok(period) => period,
                Err(message) => {
                    r.error(&field, message);
                    continue;
                }
            };
            let Some(entry) = r.mapping(value, &field, &["average_growth", "bands"]) else {
                continue;
            };
            let average_growth = r.opt_number(&entry.at("average_growth"));
            let bands = read_bands(r, &entry);
            periods.push(PeriodBands {
                period,
                average_growth,
                bands,
            });
        }
    } else if let Some(value) = periods_slot.value {
        r.error(
            &periods_slot.field,
            format!(
                "expected a mapping of periods such as `2024-2034`, found {}",
                yaml::describe(value)
            ),
        );
    }
    if let Some(default) = &default_period
        && !periods.iter().any(|p| &p.period == default)
        && !periods.is_empty()
    {
        r.error(
            &default_slot.field,
            format!("expected one of the periods under `projections.periods`, found {default}"),
        );
    }
    Projections {
        default_period,
        periods,
    }
}

fn read_bands(r: &mut Reader<'_>, entry: &yaml::Map<'_>) -> Vec<(GrowthLabel, i64)> {
    let band_labels: Vec<&str> = GrowthLabel::BANDED.iter().map(|l| l.name()).collect();
    let Some(bands_map) = r.sub_mapping(&entry.at("bands"), &band_labels) else {
        return Vec::new();
    };
    let mut bands = Vec::new();
    for label in GrowthLabel::BANDED {
        let slot = bands_map.at(label.name());
        if slot.value.is_none() {
            let message = "expected the lowest whole percent for this label, found nothing";
            r.error(&slot.field, message);
            continue;
        }
        if let Some(min) = r.opt_integer(&slot) {
            if let Some((previous, previous_min)) = bands.last()
                && *previous_min <= min
            {
                r.error(
                    &slot.field,
                    format!(
                        "expected bands to decrease strictly, found {min} not below `{}` ({previous_min})",
                        GrowthLabel::name(*previous)
                    ),
                );
            }
            bands.push((label, min));
        }
    }
    bands
}

fn read_categories(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Vec<Category> {
    let slot = root.at("categories");
    let Some(map) = r.keyed_mapping(&slot, "a mapping of category keys") else {
        return Vec::new();
    };
    let mut categories = Vec::new();
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        let field = format!("{}.{key}", slot.field);
        if !crate::permalink::is_slug(key) {
            r.error(
                &field,
                format!(
                    "expected a category key of lowercase letters, digits and dashes, found {key:?}"
                ),
            );
        }
        let Some(entry) = r.mapping(value, &field, &["name", "description"]) else {
            continue;
        };
        if let Some(name) = r.req_string(&entry.at("name")) {
            categories.push(Category {
                key: key.to_string(),
                name,
                description: r.opt_string(&entry.at("description")),
            });
        }
    }
    categories
}

/// `author: { name, email?, url? }` of `root` (the config, or one of
/// its `languages`).
fn read_author(r: &mut Reader<'_>, root: &yaml::Map<'_>) -> Option<Author> {
    r.sub_mapping(&root.at("author"), &["name", "email", "url"])
        .and_then(|m| {
            Some(Author {
                name: r.req_string(&m.at("name"))?,
                email: r.opt_string(&m.at("email")),
                url: r.opt_string(&m.at("url")),
            })
        })
}

fn is_upper_code(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether `text` has the shape of a BCP 47 tag (`en`, `fr-CA`).
pub fn is_language_tag(text: &str) -> bool {
    let mut parts = text.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: T\nbase_url: https://example.org/careers\n";

    #[test]
    fn base_url_gets_a_trailing_slash_and_a_path() {
        let config = parse(MINIMAL).expect("valid config");
        assert_eq!(config.base_url, "https://example.org/careers/");
        assert_eq!(config.base_path, "/careers/");
        assert_eq!(config.currency, "USD");
    }

    #[test]
    fn unknown_key_is_reported_with_a_suggestion() {
        let errors = parse("title: T\nbase_url: https://e.org/\ncurrenc: EUR\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field.as_deref(), Some("currenc"));
        assert_eq!(errors[0].help.as_deref(), Some("did you mean `currency`?"));
        assert_eq!(errors[0].position.map(|p| p.line), Some(3));
    }

    #[test]
    fn bands_must_decrease() {
        let text = format!(
            "{MINIMAL}projections:\n  periods:\n    2024-2034:\n      bands: {{ much_faster_than_average: 7, faster_than_average: 7, as_fast_as_average: 3, slower_than_average: 1, little_or_no_change: 0 }}\n"
        );
        let errors = parse(&text).unwrap_err();
        assert_eq!(
            errors[0].field.as_deref(),
            Some("projections.periods.2024-2034.bands.faster_than_average")
        );
    }

    /// The fields of the errors of `text` (which must not parse).
    fn error_fields(text: &str) -> Vec<String> {
        parse(text)
            .expect_err(text)
            .into_iter()
            .map(|d| d.field.unwrap_or_default())
            .collect()
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let config = parse(MINIMAL).expect("valid config");
        assert_eq!(config.title, "T");
        assert_eq!(config.description, "");
        assert_eq!(config.language, "en");
        assert_eq!(config.theme, "default");
        assert_eq!(config.country, "US");
        assert_eq!(config.salary_period, PayPeriod::Year);
        assert!(config.projections.periods.is_empty());
        assert!(config.projections.default_period.is_none());
        assert!(config.categories.is_empty());
        assert!(config.author.is_none() && config.footer.is_none());
        assert_eq!(config.extra, serde_json::Value::Null);
    }

    #[test]
    fn every_setting_is_read() {
        let text = format!(
            "{MINIMAL}description: D\nlanguage: fr-CA\ntheme: plain\ncurrency: EUR\ncountry: FR\n\
             salary_period: hour\nauthor: {{ name: A, email: a@e.org, url: https://e.org/a }}\n\
             footer: F\nextra: {{ k: [1, two] }}\n\
             categories:\n  sales: {{ name: Sales, description: Selling }}\n  it: {{ name: IT }}\n"
        );
        let config = parse(&text).expect("valid config");
        assert_eq!(config.description, "D");
        assert_eq!(config.language, "fr-CA");
        assert_eq!(config.theme, "plain");
        assert_eq!(config.currency, "EUR");
        assert_eq!(config.country, "FR");
        assert_eq!(config.salary_period, PayPeriod::Hour);
        let author = config.author.as_ref().expect("an author");
        assert_eq!(
            (
                author.name.as_str(),
                author.email.as_deref(),
                author.url.as_deref()
            ),
            ("A", Some("a@e.org"), Some("https://e.org/a"))
        );
        assert_eq!(config.footer.as_deref(), Some("F"));
        assert_eq!(config.extra, serde_json::json!({ "k": [1, "two"] }));
        let sales = config.category("sales").expect("sales");
        assert_eq!(sales.name, "Sales");
        assert_eq!(sales.description.as_deref(), Some("Selling"));
        assert_eq!(config.category("it").map(|c| c.name.as_str()), Some("IT"));
        assert!(config.category("Sales").is_none());
    }

    #[test]
    fn base_urls_must_be_absolute_http() {
        for (url, base, path) in [
            ("http://example.org", "http://example.org/", "/"),
            ("https://example.org/", "https://example.org/", "/"),
            (
                "https://example.org/a/b",
                "https://example.org/a/b/",
                "/a/b/",
            ),
            (
                "https://example.org:8080/c/",
                "https://example.org:8080/c/",
                "/c/",
            ),
        ] {
            assert_eq!(
                split_base_url(url),
                Ok((base.to_string(), path.to_string())),
                "{url}"
            );
        }
        for url in [
            "example.org",
            "ftp://example.org/",
            "https://",
            "https:///path",
            "https://example.org/?q=1",
            "https://example.org/#top",
            "https://example.org/a b",
        ] {
            let error = split_base_url(url).expect_err(url);
            assert_eq!(
                error,
                format!("expected an absolute http(s) URL, found {url:?}")
            );
            let text = format!("title: T\nbase_url: \"{url}\"\n");
            assert_eq!(error_fields(&text), ["base_url"], "{url}");
        }
        let mut config = parse(MINIMAL).expect("valid config");
        config.set_base_url("https://other.org/x").expect("valid");
        assert_eq!(config.base_url, "https://other.org/x/");
        assert_eq!(config.base_path, "/x/");
        assert!(config.set_base_url("notaurl").is_err());
        assert_eq!(config.base_url, "https://other.org/x/", "unchanged");
    }

    #[test]
    fn codes_and_language_tags_are_checked() {
        for (key, good) in [
            (
                "language",
                &["en", "fr", "en-GB", "zh-Hant-TW", "ast", "de-1996"][..],
            ),
            ("currency", &["USD", "EUR", "JPY"][..]),
            ("country", &["US", "GB"][..]),
        ] {
            for value in good {
                let text = format!("{MINIMAL}{key}: {value}\n");
                assert!(parse(&text).is_ok(), "{key}: {value}");
            }
        }
        for (key, bad) in [
            (
                "language",
                &[
                    "EN",
                    "e",
                    "engl",
                    "en-",
                    "en-x",
                    "en-abcdefghi",
                    "en_GB",
                    "e1",
                ][..],
            ),
            ("currency", &["usd", "US", "USDD", "U$D"][..]),
            ("country", &["us", "USA", "U", "1A"][..]),
        ] {
            for value in bad {
                let text = format!("{MINIMAL}{key}: \"{value}\"\n");
                assert_eq!(error_fields(&text), [key], "{key}: {value}");
            }
        }
    }

    #[test]
    fn projection_periods_are_checked() {
        const BANDS: &str = "bands: { much_faster_than_average: 7, faster_than_average: 5, as_fast_as_average: 3, slower_than_average: 1, little_or_no_change: 0 }";
        let good = format!(
            "{MINIMAL}projections:\n  default_period: 2024-2034\n  periods:\n    2024-2034:\n      average_growth: 3.1\n      {BANDS}\n    2023-2033:\n      {BANDS}\n"
        );
        let config = parse(&good).expect("valid config");
        let default = config.projections.default_period.expect("a default");
        assert_eq!(default.to_string(), "2024-2034");
        let bands = config.projections.period(&default).expect("its bands");
        assert_eq!(bands.average_growth, Some(3.1));
        assert_eq!(bands.bands.len(), 5);
        assert_eq!(config.projections.periods.len(), 2);
        assert!(config.projections.periods[1].average_growth.is_none());

        let elsewhere = good.replace("default_period: 2024-2034", "default_period: 2030-2040");
        assert_eq!(error_fields(&elsewhere), ["projections.default_period"]);
        let malformed = good.replace("default_period: 2024-2034", "default_period: soon");
        assert_eq!(error_fields(&malformed), ["projections.default_period"]);
        let bad_key = good.replace("    2023-2033:", "    2033-2023:");
        assert_eq!(error_fields(&bad_key), ["projections.periods.2033-2023"]);
        let not_a_map = format!("{MINIMAL}projections:\n  periods: [2024-2034]\n");
        assert_eq!(error_fields(&not_a_map), ["projections.periods"]);
        let missing = good.replace("slower_than_average: 1, ", "");
        assert_eq!(
            error_fields(&missing),
            [
                "projections.periods.2024-2034.bands.slower_than_average",
                "projections.periods.2023-2033.bands.slower_than_average"
            ]
        );
    }

    #[test]
    fn categories_need_slug_keys_and_names() {
        let text = format!(
            "{MINIMAL}categories:\n  Sales Team: {{ name: Sales }}\n  it: {{ description: no name }}\n"
        );
        assert_eq!(
            error_fields(&text),
            ["categories.Sales Team", "categories.it.name"]
        );
        let list = format!("{MINIMAL}categories: [sales]\n");
        assert_eq!(error_fields(&list), ["categories"]);
    }

    #[test]
    fn a_list_takes_its_own_page_size_then_browse_then_paginate_by() {
        let config = parse(MINIMAL).expect("valid config");
        assert_eq!(config.pagination.all_careers(), DEFAULT_PAGINATE_BY);
        assert_eq!(config.pagination.browse("industries"), DEFAULT_PAGINATE_BY);
        assert_eq!(config.feed_limit, DEFAULT_FEED_LIMIT);
        assert_eq!(config.home.recent, DEFAULT_HOME_RECENT);
        assert!(config.home.featured.is_empty());

        let text = format!(
            "{MINIMAL}paginate_by: 20\npaginate: {{ browse: 10, education: 0 }}\n\
             feed_limit: 5\nhome: {{ featured: [a, b], recent: 0 }}\n"
        );
        let config = parse(&text).expect("valid config");
        let pagination = &config.pagination;
        assert_eq!(pagination.all_careers(), 20);
        assert_eq!(pagination.browse("categories"), 10);
        assert_eq!(pagination.browse("education"), 0);
        assert_eq!(config.feed_limit, 5);
        assert_eq!(config.home.recent, 0);
        let slugs: Vec<&str> = config
            .home
            .featured
            .iter()
            .map(|f| f.slug.as_str())
            .collect();
        assert_eq!(slugs, ["a", "b"]);
        assert_eq!(
            config.home.featured[1].unknown.field.as_deref(),
            Some("home.featured[1]")
        );
    }

    #[test]
    fn page_sizes_and_limits_must_be_whole_numbers_in_range() {
        for (line, field) in [
            ("paginate_by: -5", "paginate_by"),
            ("paginate_by: 2.5", "paginate_by"),
            ("paginate: { all_careers: \"ten\" }", "paginate.all_careers"),
            ("paginate: { everything: 10 }", "paginate.everything"),
            ("paginate: 10", "paginate"),
            ("feed_limit: 0", "feed_limit"),
            ("home: { recent: -1 }", "home.recent"),
            ("home: { featured: sales-manager }", "home.featured"),
            ("home: { shown: 3 }", "home.shown"),
        ] {
            let text = format!("{MINIMAL}{line}\n");
            assert_eq!(error_fields(&text), [field], "{line}");
        }
    }

    #[test]
    fn labels_follow_the_bands() {
        let text = format!(
            "{MINIMAL}projections:\n  periods:\n    2024-2034:\n      bands: {{ much_faster_than_average: 7, faster_than_average: 5, as_fast_as_average: 3, slower_than_average: 1, little_or_no_change: 0 }}\n"
        );
        let config = parse(&text).expect("valid config");
        let bands = &config.projections.periods[0];
        assert_eq!(bands.label_for(4.0), GrowthLabel::AsFastAsAverage);
        assert_eq!(bands.label_for(5.0), GrowthLabel::FasterThanAverage);
        assert_eq!(bands.label_for(7.0), GrowthLabel::MuchFasterThanAverage);
        assert_eq!(bands.label_for(0.0), GrowthLabel::LittleOrNoChange);
        assert_eq!(bands.label_for(-1.0), GrowthLabel::Decline);
        assert_eq!(bands.label_for(-0.4), GrowthLabel::LittleOrNoChange);
        assert_eq!(bands.label_for(2.5), GrowthLabel::AsFastAsAverage);
    }

    #[test]
    fn other_languages_take_their_own_text_and_a_folder() {
        let config = parse(&format!(
            "{MINIMAL}categories: {{ sales: {{ name: Sales }} }}\n\
             languages:\n  es:\n    title: Guía\n    categories: {{ sales: {{ name: Ventas }} }}\n\
             untranslated: fallback\n"
        ))
        .expect("valid config");
        assert_eq!(config.untranslated, Untranslated::Fallback);
        let es = config.for_language(&config.languages[0]);
        assert_eq!(es.title, "Guía");
        assert_eq!(es.base_url, "https://example.org/careers/es/");
        assert_eq!(es.site_base_url(), "https://example.org/careers/");
        assert_eq!(
            es.category("sales").map(|c| c.name.as_str()),
            Some("Ventas")
        );
        assert_eq!(es.default_language, "en");
        assert_eq!(config.lang_prefix, "");
    }

    #[test]
    fn a_language_naming_an_unknown_category_is_an_error() {
        let errors = parse(&format!(
            "{MINIMAL}languages:\n  es:\n    categories: {{ ventas: {{ name: Ventas }} }}\n"
        ))
        .expect_err("unknown category");
        assert!(
            errors[0]
                .message
                .contains("expected a key of the site's `categories`"),
            "{errors:?}"
        );
    }
}
