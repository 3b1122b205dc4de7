//! Writes a deterministic, synthetic careergen site of N guides, for the
//! benchmark (`scripts/bench.sh`) and the corpus test (`tests/corpus.rs`):
//!
//! ```text
//! cargo run --release --example gen_corpus -- --guides 10000 --out DIR --seed 1 [--hugo HUGO_DIR]
//! ```
//!
//! Every field of the content model is filled; each body is 1,500–3,000
//! words of Markdown with headings, lists, a table, emphasis and `@/` links
//! to other guides. The repository's `themes/default` is copied into the
//! site when it is generated, so the site builds with `careergen build --root DIR`.
//! The same count and seed give byte-identical files: randomness comes from
//! a tiny SplitMix64 seeded per guide, not from the `rand` crate.
//!
//! `--hugo HUGO_DIR` also converts the generated site into the equivalent
//! Hugo site (front matter under `params`, `@/x.md` links rewritten to the
//! same relative URLs careergen produces, layouts from `scripts/hugo-layouts`, the theme's static files in `static/`).

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// SplitMix64: small, fast and good enough to vary synthetic text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word or phrase of a vocabulary list.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// `lo..=hi` distinct indices below `n`.
    pub fn some(&mut self, n: usize, lo: usize, hi: usize) -> Vec<usize> {
        let k = self.range(lo, hi);
        self.distinct(n, k)
    }

    /// `k` distinct indices below `n`, in drawing order.
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut seen = HashSet::with_capacity(k);
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let i = self.below(n);
            if seen.insert(i) {
                out.push(i);
            }
        }
        out
    }
}

/// The repository's default theme, copied into every generated site.
pub fn default_theme_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

/// The Hugo layouts that mirror the default theme.
pub fn default_hugo_layouts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/hugo-layouts")
}

/// Writes a site of `guides` guides into `out` (its `config.yaml`,
/// `content/` and `themes/default/` are replaced; nothing else is touched).
pub fn generate(guides: usize, seed: u64, out: &Path) -> io::Result<()> {
    generate_with_theme(guides, seed, out, &default_theme_dir())
}

/// [`generate`] with the theme copied from `theme`.
pub fn generate_with_theme(guides: usize, seed: u64, out: &Path, theme: &Path) -> io::Result<()> {
    let metas = titles(guides, seed);
    let content = out.join("content");
    remove_if_exists(&content)?;
    fs::create_dir_all(&content)?;
    fs::write(out.join("config.yaml"), CONFIG)?;
    for (i, meta) in metas.iter().enumerate() {
        let text = guide_text(i, &metas, seed);
        fs::write(content.join(format!("{}.md", meta.slug)), text)?;
    }
    let theme_out = out.join("themes/default");
    remove_if_exists(&theme_out)?;
    copy_dir(theme, &theme_out)
}

fn remove_if_exists(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

/// Copies `from` into `to` recursively, in a stable order.
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    let mut entries: Vec<_> = fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

const CONFIG: &str = "\
# A generated benchmark site (examples/gen_corpus.rs). Every key is documented in docs/config.md.
title: Generated Careers Handbook
base_url: https://careers.example.org/
description: Synthetic career profiles generated for benchmarks; every figure is made up.
language: en
theme: default
currency: USD
country: US
salary_period: year

author:
  name: Benchmark generator

footer: All figures on this site are synthetic and generated for benchmarks.

projections:
  default_period: 2024-2034
  periods:
    2024-2034:
      average_growth: 3
      bands:
        much_faster_than_average: 7
        faster_than_average: 5
        as_fast_as_average: 3
        slower_than_average: 1
        little_or_no_change: 0

categories:
  sales:
    name: Sales
    description: Roles that win, grow and look after customers.
  management:
    name: Management
    description: Roles that lead teams, budgets and strategy.
  business-and-financial:
    name: Business and financial
    description: Roles that plan projects and analyse money.
  computer-and-mathematical:
    name: Computer and mathematical
    description: Roles that build software and make sense of data.
  healthcare:
    name: Healthcare
    description: Roles that keep patients well and clinics running.
  construction-and-extraction:
    name: Construction and extraction
    description: Roles that build, repair and maintain structures.
  education:
    name: Education, training and library
    description: Roles that teach, train and keep knowledge organised.
  office-and-administrative-support:
    name: Office and administrative support
    description: Roles that keep customers and operations running day to day.
";

const CATEGORIES: &[&str] = &[
    "sales",
    "management",
    "business-and-financial",
    "computer-and-mathematical",
    "healthcare",
    "construction-and-extraction",
    "education",
    "office-and-administrative-support",
];

const QUALIFIERS: &[&str] = &[
    "Senior",
    "Junior",
    "Lead",
    "Regional",
    "Clinical",
    "Digital",
    "Field",
    "Technical",
    "Assistant",
    "Chief",
    "Associate",
    "Principal",
    "Staff",
    "Mobile",
    "Industrial",
    "Environmental",
    "Commercial",
    "Residential",
    "Municipal",
    "Public",
    "Corporate",
    "Forensic",
    "Marine",
    "Agricultural",
    "Aviation",
    "Wholesale",
    "Global",
    "Local",
    "Community",
    "Federal",
    "Rural",
    "Urban",
    "Coastal",
    "Hospital",
    "School",
    "University",
    "Nonprofit",
    "Startup",
    "Enterprise",
    "Contract",
    "Freelance",
    "Bilingual",
    "Trainee",
    "Certified",
    "Independent",
    "Consulting",
    "Executive",
    "Remote",
];

const DOMAINS: &[&str] = &[
    "data",
    "supply chain",
    "payroll",
    "network",
    "facilities",
    "quality",
    "safety",
    "compliance",
    "marketing",
    "sales",
    "benefits",
    "procurement",
    "research",
    "training",
    "energy",
    "water",
    "software",
    "hardware",
    "claims",
    "credit",
    "tax",
    "audit",
    "budget",
    "property",
    "transit",
    "fleet",
    "warehouse",
    "laboratory",
    "pharmacy",
    "nutrition",
    "fitness",
    "library",
    "museum",
    "event",
    "media",
    "content",
    "brand",
    "product",
    "project",
    "program",
    "policy",
    "grants",
    "records",
    "security",
    "cloud",
    "database",
    "robotics",
    "solar",
    "wind power",
    "textile",
    "food service",
    "hospitality",
    "travel",
    "insurance",
    "mortgage",
    "investment",
    "retail",
    "customer success",
    "patient care",
    "student services",
];

const ROLES: &[&str] = &[
    "analyst",
    "coordinator",
    "specialist",
    "manager",
    "technician",
    "engineer",
    "consultant",
    "administrator",
    "planner",
    "inspector",
    "designer",
    "developer",
    "advisor",
    "officer",
    "supervisor",
    "director",
    "assistant",
    "representative",
    "estimator",
    "auditor",
    "scheduler",
    "clerk",
    "strategist",
    "researcher",
    "trainer",
    "buyer",
    "agent",
    "operator",
    "architect",
    "editor",
    "writer",
    "producer",
    "instructor",
    "examiner",
    "investigator",
    "mechanic",
    "installer",
    "dispatcher",
    "recruiter",
    "liaison",
];

const INDUSTRIES: &[&str] = &[
    "Finance",
    "Insurance",
    "Manufacturing",
    "Retail trade",
    "Wholesale trade",
    "Health care",
    "Education",
    "Government",
    "Construction",
    "Transportation",
    "Utilities",
    "Information",
    "Hospitality",
    "Real estate",
    "Professional services",
    "Agriculture",
    "Mining",
    "Arts and entertainment",
    "Nonprofit organizations",
    "Telecommunications",
];

const SETTINGS: &[&str] = &[
    "Office",
    "Client sites",
    "Remote",
    "Laboratory",
    "Warehouse floor",
    "Outdoors",
    "Hospital wards",
    "Classrooms",
    "Vehicles",
    "Factory floor",
    "Call center",
    "Home office",
];

const VERBS: &[&str] = &[
    "review",
    "plan",
    "track",
    "prepare",
    "check",
    "explain",
    "update",
    "compare",
    "organize",
    "measure",
    "support",
    "document",
    "negotiate",
    "coordinate",
    "test",
    "present",
    "design",
    "schedule",
    "estimate",
    "inspect",
    "monitor",
    "train",
    "answer",
    "build",
    "improve",
    "research",
    "balance",
    "share",
    "lead",
    "manage",
];

const OBJECTS: &[&str] = &[
    "the weekly schedule",
    "budgets and forecasts",
    "customer requests",
    "safety records",
    "project plans",
    "supplier contracts",
    "quality reports",
    "new procedures",
    "staffing levels",
    "inventory counts",
    "service tickets",
    "training materials",
    "equipment logs",
    "monthly targets",
    "client accounts",
    "maintenance orders",
    "purchase requests",
    "design drafts",
    "test results",
    "policy changes",
    "invoices and receipts",
    "risk assessments",
    "shift rotas",
    "product samples",
    "data extracts",
    "performance reviews",
    "permit applications",
    "delivery routes",
    "incident reports",
    "vendor quotes",
    "grant proposals",
    "press releases",
    "survey results",
    "audit findings",
    "workflow diagrams",
    "meeting notes",
    "cost estimates",
    "lesson plans",
    "patient charts",
    "site drawings",
    "tax filings",
    "contract renewals",
    "usage statistics",
    "spare parts",
    "onboarding checklists",
    "field notes",
    "sales pipelines",
    "status dashboards",
    "support scripts",
    "room bookings",
];

const PLACES: &[&str] = &[
    "with the client",
    "before each deadline",
    "across several sites",
    "during busy seasons",
    "for senior management",
    "in shared spreadsheets",
    "at the end of each month",
    "with colleagues in other teams",
    "on tight timelines",
    "under changing rules",
    "for new customers",
    "after every major change",
    "in short daily meetings",
    "with outside contractors",
    "in the company's ticketing system",
    "for the next quarter",
    "while travelling",
    "from home on some days",
    "with little supervision",
    "as part of a small team",
    "in front of large groups",
    "using industry software",
    "to agreed standards",
    "for regulators and auditors",
    "in writing and in person",
];

const OPENERS: &[&str] = &[
    "",
    "",
    "",
    "In practice, ",
    "On most days, ",
    "Over time, ",
    "For example, ",
    "As a rule, ",
    "In larger organizations, ",
    "At smaller firms, ",
    "Early in the career, ",
    "With experience, ",
    "During peak periods, ",
    "Increasingly, ",
];

const SUBJECTS: &[&str] = &[
    "most teams",
    "employers",
    "new hires",
    "experienced staff",
    "managers",
    "clients",
    "good candidates",
    "some organizations",
    "supervisors",
    "colleagues",
    "hiring panels",
    "small firms",
];

const ADJECTIVES: &[&str] = &[
    "careful",
    "steady",
    "practical",
    "reliable",
    "detailed",
    "clear",
    "patient",
    "organized",
    "flexible",
    "thorough",
    "calm",
    "curious",
    "persuasive",
    "accurate",
    "efficient",
];

const HEADINGS: &[&str] = &[
    "What the work involves",
    "A typical week",
    "Tools of the trade",
    "Working with clients",
    "Getting started",
    "Building experience",
    "Skills that matter",
    "Pay and progression",
    "Where the jobs are",
    "Challenges of the role",
    "Day-to-day tasks",
    "Working conditions",
    "Professional development",
    "Moving up",
    "Common misconceptions",
    "Advice from the field",
    "How the role is changing",
    "Related work",
    "Finding a first job",
    "Interviews and hiring",
    "Education options",
    "Certification paths",
    "Remote and hybrid work",
    "Teams and reporting lines",
    "Measuring success",
    "Seasonal patterns",
    "Ethics and standards",
    "Technology in the role",
    "Balancing the workload",
    "Mentoring and feedback",
];

const SKILLS: &[&str] = &[
    "Communication",
    "Negotiation",
    "Time management",
    "Attention to detail",
    "Problem solving",
    "Teamwork",
    "Leadership",
    "Critical thinking",
    "Customer service",
    "Writing",
    "Public speaking",
    "Data analysis",
    "Budgeting",
    "Scheduling",
    "Conflict resolution",
    "Research",
    "Technical drawing",
    "Record keeping",
    "Coaching",
    "Active listening",
    "Mathematics",
    "Project planning",
    "Risk assessment",
    "Spreadsheets",
    "Presentation",
    "Diplomacy",
    "Creativity",
    "Physical stamina",
    "Manual dexterity",
    "Foreign languages",
    "Decision making",
    "Adaptability",
    "Quality control",
    "Reporting",
    "Training others",
    "Process improvement",
    "Safety awareness",
    "Sales",
    "Programming",
    "Documentation",
];

const FIELDS_OF_STUDY: &[&str] = &[
    "Business administration",
    "Accounting",
    "Finance",
    "Economics",
    "Computer science",
    "Statistics",
    "Engineering",
    "Communications",
    "Marketing",
    "Psychology",
    "Education",
    "Nursing",
    "Public health",
    "Biology",
    "Chemistry",
    "Environmental science",
    "Political science",
    "English",
    "Graphic design",
    "Construction management",
    "Logistics",
    "Hospitality management",
];

const CREDENTIALS: &[&str] = &[
    "Certified Associate in Project Management",
    "Certified Professional in Supply Management",
    "OSHA 30-Hour Safety",
    "First Aid and CPR",
    "Commercial Driver's License",
    "Certified Internal Auditor",
    "Lean Six Sigma Green Belt",
    "State contractor license",
    "Registered Health Information Technician",
    "Certified Public Accountant",
    "Cloud Practitioner",
    "Food Protection Manager",
    "Notary public commission",
    "Certified Payroll Professional",
];

const EDUCATION: &[&str] = &[
    "no_formal_credential",
    "high_school",
    "postsecondary_nondegree",
    "some_college",
    "associates",
    "bachelors",
    "masters",
    "doctoral_or_professional",
];

const EXPERIENCE: &[&str] = &["none", "less_than_5_years", "5_years_or_more", "varies"];

const TRAINING: &[&str] = &[
    "none",
    "short_term",
    "moderate_term",
    "long_term",
    "apprenticeship",
    "internship_residency",
];

/// A guide's identity, known before any guide is written so that guides
/// can link to each other.
pub struct Meta {
    pub title: String,
    pub slug: String,
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// `n` unique titles: a seeded walk through qualifier × domain × role.
fn titles(n: usize, seed: u64) -> Vec<Meta> {
    let total = QUALIFIERS.len() * DOMAINS.len() * ROLES.len();
    let mut stride = 1_000_003;
    while gcd(stride, total) != 1 {
        stride += 2;
    }
    let offset = Rng::new(seed).below(total);
    let mut slugs = HashSet::with_capacity(n);
    (0..n)
        .map(|i| {
            let k = (offset + (i % total) * stride) % total;
            let q = QUALIFIERS[k % QUALIFIERS.len()];
            let d = DOMAINS[(k / QUALIFIERS.len()) % DOMAINS.len()];
            let r = ROLES[k / (QUALIFIERS.len() * DOMAINS.len())];
            let mut title = format!("{q} {d} {r}");
            if i >= total {
                write!(title, " grade {}", i / total + 1).unwrap();
            }
            let slug = slugify(&title);
            assert!(slugs.insert(slug.clone()), "duplicate slug {slug}");
            Meta { title, slug }
        })
        .collect()
}

fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// "Senior data analyst" → "senior data analysts".
fn plural_lower(title: &str) -> String {
    let mut lower = title.to_lowercase();
    if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") {
        lower.pop();
        lower.push_str("ies");
    } else if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        lower.push_str("es");
    } else {
        lower.push('s');
    }
    lower
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Senior analyst" → "a senior analyst"; "Executive analyst" → "an executive analyst".
fn with_article(title: &str) -> String {
    let lower = title.to_lowercase();
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {lower}")
}

/// Words as the corpus counts them: whitespace-separated tokens holding a
/// letter or digit (Markdown markers alone are not words).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A YAML scalar: plain when that is unambiguous, double-quoted otherwise.
fn scalar(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " ,.'()/-?".contains(c))
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off"
        );
    if plain {
        text.to_string()
    } else {
        let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
        format!("\"{escaped}\"")
    }
}

/// Wraps `text` at about `width` columns, never starting a line with a
/// token that Markdown could read as a block marker.
fn wrap(text: &str, width: usize, indent: &str, out: &mut String) {
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let risky = word.starts_with(|c: char| "#-+*>|=".contains(c) || c.is_ascii_digit());
        if line_len > 0 && line_len + 1 + word.len() > width && !risky {
            out.push('\n');
            line_len = 0;
        }
        if line_len == 0 {
            out.push_str(indent);
        } else {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += word.len();
    }
    out.push('\n');
}

/// `key: >-` followed by `text` folded at `indent` + 2 spaces.
fn folded(out: &mut String, indent: &str, key: &str, text: &str) {
    writeln!(out, "{indent}{key}: >-").unwrap();
    wrap(text, 76, &format!("{indent}  "), out);
}

/// Writes prose for one guide: knows its own title and the other guides.
struct Writer<'a> {
    rng: Rng,
    me: usize,
    metas: &'a [Meta],
    own_plural: String,
}

impl Writer<'_> {
    fn other(&mut self) -> usize {
        let n = self.metas.len();
        if n < 2 {
            return self.me;
        }
        let r = self.rng.below(n - 1);
        if r >= self.me { r + 1 } else { r }
    }

    /// `k` distinct guides other than this one.
    fn others(&mut self, k: usize) -> Vec<usize> {
        let n = self.metas.len();
        if n < 2 {
            return Vec::new();
        }
        self.rng
            .distinct(n - 1, k)
            .into_iter()
            .map(|r| if r >= self.me { r + 1 } else { r })
            .collect()
    }

    fn link(&mut self) -> String {
        let other = self.other();
        let meta = &self.metas[other];
        format!("[{}](@/{}.md)", plural_lower(&meta.title), meta.slug)
    }

    fn object(&mut self) -> String {
        let object = *self.rng.pick(OBJECTS);
        match self.rng.below(20) {
            0 | 1 => format!("*{object}*"),
            2 => format!("**{object}**"),
            _ => object.to_string(),
        }
    }

    fn subject(&mut self) -> String {
        if self.rng.chance(30) {
            format!("many {}", self.own_plural)
        } else {
            self.rng.pick(SUBJECTS).to_string()
        }
    }

    fn sentence(&mut self) -> String {
        let opener = *self.rng.pick(OPENERS);
        let subject = self.subject();
        let verb = *self.rng.pick(VERBS);
        let object = self.object();
        let place = *self.rng.pick(PLACES);
        let mut s = format!("{subject} {verb} {object} {place}");
        match self.rng.below(9) {
            0 => {
                let link = self.link();
                write!(s, ", often working alongside {link}").unwrap();
            }
            1 => {
                let adjective = *self.rng.pick(ADJECTIVES);
                write!(
                    s,
                    ", and the best of them stay \"{adjective}\" under pressure"
                )
                .unwrap();
            }
            2 => {
                let verb = *self.rng.pick(VERBS);
                let object = self.object();
                write!(s, ", so that others can {verb} {object} without delay").unwrap();
            }
            3 => s.push_str(" -- it's rarely the same two weeks in a row"),
            4 => {
                let verb = *self.rng.pick(VERBS);
                let object = self.object();
                write!(s, " and {verb} {object} as well").unwrap();
            }
            5 => s.push_str(", using tools such as `CRM` exports and shared calendars"),
            _ => {}
        }
        let mut s = if opener.is_empty() {
            capitalize(&s)
        } else {
            format!("{opener}{s}")
        };
        s.push('.');
        s
    }

    fn sentences(&mut self, lo: usize, hi: usize) -> String {
        let count = self.rng.range(lo, hi);
        (0..count)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn paragraph(&mut self, out: &mut String) {
        let text = self.sentences(3, 6);
        wrap(&text, 78, "", out);
        out.push('\n');
    }

    fn list(&mut self, out: &mut String, ordered: bool, tasks: bool) {
        for n in 1..=self.rng.range(3, 7) {
            let verb = capitalize(self.rng.word(VERBS));
            let object = self.object();
            let place = *self.rng.pick(PLACES);
            let item = format!("{verb} {object} {place}");
            if ordered {
                writeln!(out, "{n}. {item}").unwrap();
            } else if tasks {
                let done = if self.rng.chance(50) { "x" } else { " " };
                writeln!(out, "- [{done}] {item}").unwrap();
            } else {
                writeln!(out, "- {item}").unwrap();
            }
        }
        out.push('\n');
    }

    fn table(&mut self, out: &mut String) {
        out.push_str("| Task | Share of time | Typical tools | Notes |\n");
        out.push_str("|---|---:|---|---|\n");
        for _ in 0..self.rng.range(4, 8) {
            let task = capitalize(self.rng.word(OBJECTS));
            let share = self.rng.range(5, 40);
            let tool = *self
                .rng
                .pick(&["Spreadsheets", "Email", "Phone", "CRM", "Checklists"]);
            let note = *self.rng.pick(ADJECTIVES);
            writeln!(out, "| {task} | {share}% | {tool} | Needs *{note}* work |").unwrap();
        }
        out.push('\n');
    }

    /// 1,500–3,000 words of Markdown.
    fn body(&mut self) -> String {
        let target = self.rng.range(1500, 2800);
        let mut out = String::with_capacity(target * 8);
        let mut headings: Vec<&str> = HEADINGS.to_vec();
        for i in (1..headings.len()).rev() {
            let j = self.rng.below(i + 1);
            headings.swap(i, j);
        }
        self.paragraph(&mut out);
        self.paragraph(&mut out);
        let mut section = 0;
        let tasks = self.rng.chance(20);
        'sections: loop {
            let heading = headings[section % headings.len()];
            if section < headings.len() {
                writeln!(out, "## {heading}\n").unwrap();
            } else {
                writeln!(out, "## {heading}, part {}\n", section / headings.len() + 1).unwrap();
            }
            let mut blocks = self.rng.range(2, 4);
            if section == 1 {
                self.table(&mut out);
            }
            while blocks > 0 {
                if count_words(&out) >= target {
                    break 'sections;
                }
                match self.rng.below(10) {
                    0 => {
                        writeln!(out, "### {}\n", capitalize(self.rng.word(OBJECTS))).unwrap();
                        self.paragraph(&mut out);
                    }
                    1 | 2 => {
                        let ordered = self.rng.chance(40);
                        self.list(&mut out, ordered, tasks && !ordered);
                    }
                    3 => {
                        let quote = self.sentence();
                        writeln!(out, "> {quote}\n").unwrap();
                    }
                    _ => self.paragraph(&mut out),
                }
                blocks -= 1;
            }
            section += 1;
        }
        out
    }
}

/// The text of guide `i`: YAML front matter with every field, then the body.
fn guide_text(i: usize, metas: &[Meta], seed: u64) -> String {
    let meta = &metas[i];
    let mut w = Writer {
        rng: Rng::new(seed ^ (i as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03)),
        me: i,
        metas,
        own_plural: plural_lower(&meta.title),
    };
    let rng = &mut w.rng;
    let mut fm = String::with_capacity(6 * 1024);
    let f = &mut fm;
    writeln!(f, "---").unwrap();
    writeln!(f, "title: {}", scalar(&capitalize(&meta.title))).unwrap();
    writeln!(f, "slug: {}", meta.slug).unwrap();
    let summary = format!(
        "Plans, checks and improves {} work for employers in {} and related industries.",
        own_domain(meta),
        INDUSTRIES[rng.below(INDUSTRIES.len())].to_lowercase()
    );
    writeln!(f, "summary: {}", scalar(&summary)).unwrap();
    let alternates = rng.range(1, 3);
    writeln!(f, "alternate_titles:").unwrap();
    let role_words: Vec<&str> = meta.title.split(' ').collect();
    let last = role_words.last().copied().unwrap_or("worker");
    let mut used = HashSet::new();
    for n in 0..alternates {
        let alt = match n {
            0 => format!("{} {last}", rng.pick(ADJECTIVES)),
            1 => format!("{} lead", role_words[1..].join(" ")),
            _ => format!("{} {last} (level {})", rng.pick(DOMAINS), rng.range(1, 3)),
        };
        let alt = capitalize(&alt);
        if alt.to_lowercase() != meta.title.to_lowercase() && used.insert(alt.clone()) {
            writeln!(f, "  - {}", scalar(&alt)).unwrap();
        }
    }
    let soc_major = rng.range(11, 53);
    let soc_minor = rng.range(1000, 9999);
    writeln!(f, "codes:").unwrap();
    writeln!(f, "  soc: \"{soc_major}-{soc_minor}\"").unwrap();
    writeln!(
        f,
        "  onet_soc: \"{soc_major}-{soc_minor}.{:02}\"",
        rng.below(4)
    )
    .unwrap();
    writeln!(f, "category: {}", rng.pick(CATEGORIES)).unwrap();
    writeln!(f, "industries:").unwrap();
    for k in rng.some(INDUSTRIES.len(), 2, 4) {
        writeln!(f, "  - {}", scalar(INDUSTRIES[k])).unwrap();
    }

    writeln!(f, "duties:").unwrap();
    let duty_count = rng.range(8, 20);
    let mut duties = HashSet::new();
    while duties.len() < duty_count {
        let duty = format!(
            "{} {} {}",
            capitalize(rng.word(VERBS)),
            rng.pick(OBJECTS),
            rng.pick(PLACES)
        );
        if duties.insert(duty.to_lowercase()) {
            writeln!(f, "  - {}", scalar(&duty)).unwrap();
        }
    }

    writeln!(f, "environment:").unwrap();
    let summary = w.sentences(2, 4);
    folded(f, "  ", "summary", &summary);
    let rng = &mut w.rng;
    writeln!(f, "  settings:").unwrap();
    for k in rng.some(SETTINGS.len(), 2, 4) {
        writeln!(f, "    - {}", scalar(SETTINGS[k])).unwrap();
    }
    let hours = rng.range(35, 50);
    folded(
        f,
        "  ",
        "schedule",
        &format!(
            "Most work full time, about {hours} hours a week; evenings and weekends come up around deadlines."
        ),
    );
    let travel = *rng.pick(&[
        "Rare; most of the work happens in one place.",
        "Occasional visits to clients and suppliers.",
        "Frequent, sometimes several days a week.",
    ]);
    writeln!(f, "  travel: {}", scalar(travel)).unwrap();
    writeln!(f, "  employers:").unwrap();
    for k in rng.some(INDUSTRIES.len(), 3, 5) {
        let share = rng.range(20, 190) as f64 / 10.0;
        writeln!(f, "    - industry: {}", scalar(INDUSTRIES[k])).unwrap();
        writeln!(f, "      share_percent: {share}").unwrap();
    }

    writeln!(f, "requirements:").unwrap();
    writeln!(f, "  education: {}", rng.pick(EDUCATION)).unwrap();
    writeln!(f, "  fields_of_study:").unwrap();
    for k in rng.some(FIELDS_OF_STUDY.len(), 2, 5) {
        writeln!(f, "    - {}", scalar(FIELDS_OF_STUDY[k])).unwrap();
    }
    writeln!(f, "  experience: {}", rng.pick(EXPERIENCE)).unwrap();
    writeln!(f, "  training: {}", rng.pick(TRAINING)).unwrap();
    writeln!(f, "  credentials:").unwrap();
    for k in rng.some(CREDENTIALS.len(), 1, 3) {
        let kind = rng.pick(&["license", "certification", "registration"]);
        writeln!(f, "    - name: {}", scalar(CREDENTIALS[k])).unwrap();
        writeln!(f, "      kind: {kind}").unwrap();
        writeln!(f, "      required: {}", rng.chance(30)).unwrap();
    }
    writeln!(f, "  skills:").unwrap();
    for k in rng.some(SKILLS.len(), 5, 10) {
        writeln!(f, "    - name: {}", scalar(SKILLS[k])).unwrap();
        let description = format!(
            "Uses {} to {} {} {}, and stays {} when plans change.",
            SKILLS[k].to_lowercase(),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(PLACES),
            rng.pick(ADJECTIVES)
        );
        folded(f, "      ", "description", &description);
    }
    let notes = format!("{} Many start out as {}.", w.sentences(2, 3), w.link());
    folded(f, "  ", "notes", &notes);
    let rng = &mut w.rng;

    let median = rng.range(28, 160) * 1000 + rng.range(0, 19) * 50;
    let entry = median * rng.range(50, 70) / 100;
    let p25 = median * rng.range(75, 90) / 100;
    let p75 = median * rng.range(115, 135) / 100;
    let top = median * rng.range(150, 220) / 100;
    writeln!(f, "salary:").unwrap();
    writeln!(f, "  currency: USD").unwrap();
    writeln!(f, "  period: year").unwrap();
    writeln!(f, "  entry: {entry}").unwrap();
    writeln!(f, "  p25: {p25}").unwrap();
    writeln!(f, "  median: {median}").unwrap();
    writeln!(f, "  p75: {p75}").unwrap();
    writeln!(f, "  top: {top}").unwrap();
    writeln!(f, "  basis: percentile").unwrap();
    writeln!(f, "  top_coded: {}", rng.chance(10)).unwrap();
    writeln!(f, "  as_of: \"2025-05\"").unwrap();
    writeln!(f, "  source: bls-oews").unwrap();

    // Growth in tenths of a percent; the label is derived exactly as the
    // 2024-2034 bands in CONFIG derive it.
    let tenths = rng.range(0, 230) as i64 - 80;
    let growth = tenths as f64 / 10.0;
    let whole = growth.round() as i64;
    let label = match whole {
        w if w >= 7 => "much_faster_than_average",
        5..=6 => "faster_than_average",
        3..=4 => "as_fast_as_average",
        1..=2 => "slower_than_average",
        0 => "little_or_no_change",
        _ => "decline",
    };
    let employment = rng.range(5, 900) as i64 * 1000 + rng.range(0, 999) as i64;
    let change = (employment as f64 * growth / 100.0).round() as i64;
    writeln!(f, "outlook:").unwrap();
    writeln!(f, "  growth_percent: {growth}").unwrap();
    writeln!(f, "  period: 2024-2034").unwrap();
    writeln!(f, "  label: {label}").unwrap();
    writeln!(f, "  employment: {employment}").unwrap();
    writeln!(f, "  employment_change: {change}").unwrap();
    writeln!(
        f,
        "  annual_openings: {}",
        employment / rng.range(8, 14) as i64
    )
    .unwrap();
    writeln!(f, "  source: bls-ep").unwrap();

    let steps = rng.range(3, 5);
    let linked = w.others(steps - 1);
    writeln!(f, "career_path:").unwrap();
    for &k in &linked {
        writeln!(f, "  - title: {}", scalar(&capitalize(&metas[k].title))).unwrap();
        writeln!(f, "    guide: {}", metas[k].slug).unwrap();
        if w.rng.chance(50) {
            let note = format!("Usually after {} years", w.rng.range(2, 6));
            writeln!(f, "    note: {}", scalar(&note)).unwrap();
        }
    }
    writeln!(
        f,
        "  - title: {}",
        scalar(&format!("Director of {}", own_domain(meta)))
    )
    .unwrap();
    writeln!(
        f,
        "    note: Runs the whole department and sets its budget and goals"
    )
    .unwrap();

    let related_count = w.rng.range(3, 6);
    writeln!(f, "related_careers:").unwrap();
    for k in w.others(related_count) {
        writeln!(f, "  - title: {}", scalar(&capitalize(&metas[k].title))).unwrap();
        writeln!(f, "    guide: {}", metas[k].slug).unwrap();
    }

    writeln!(f, "faq:").unwrap();
    let questions = [
        format!("What does {} do?", with_article(&meta.title)),
        format!("How much does {} earn?", with_article(&meta.title)),
        "Is the job stressful?".to_string(),
        "What education do you need?".to_string(),
        "Can you work remotely?".to_string(),
    ];
    let faq_count = w.rng.range(3, 5);
    for question in questions.iter().take(faq_count) {
        writeln!(f, "  - question: {}", scalar(question)).unwrap();
        if w.rng.chance(30) {
            // A multi-paragraph answer with a list, as a literal block.
            writeln!(f, "    answer: |-").unwrap();
            let intro = w.sentences(1, 2);
            wrap(&intro, 76, "      ", f);
            f.push('\n');
            let mut list = String::new();
            w.list(&mut list, false, false);
            for line in list.lines().filter(|l| !l.is_empty()) {
                writeln!(f, "      {line}").unwrap();
            }
        } else {
            let answer = format!("{} See also {}.", w.sentences(2, 4), w.link());
            folded(f, "    ", "answer", &answer);
        }
    }

    writeln!(f, "sources:").unwrap();
    writeln!(f, "  - id: bls-oews").unwrap();
    writeln!(
        f,
        "    name: Occupational Employment and Wage Statistics, May 2025"
    )
    .unwrap();
    writeln!(f, "    url: https://www.bls.gov/oes/").unwrap();
    writeln!(f, "    accessed: 2025-06-{:02}", w.rng.range(1, 28)).unwrap();
    writeln!(f, "    license: Public domain").unwrap();
    writeln!(f, "  - id: bls-ep").unwrap();
    writeln!(f, "    name: Employment Projections 2024-2034").unwrap();
    writeln!(f, "    url: https://www.bls.gov/emp/").unwrap();
    writeln!(f, "    accessed: 2025-09-{:02}", w.rng.range(1, 28)).unwrap();
    writeln!(f, "    license: Public domain").unwrap();
    writeln!(
        f,
        "last_reviewed: 2025-{:02}-{:02}",
        w.rng.range(1, 12),
        w.rng.range(1, 28)
    )
    .unwrap();
    writeln!(f, "draft: false").unwrap();
    writeln!(f, "extra:").unwrap();
    writeln!(f, "  featured: {}", w.rng.chance(5)).unwrap();
    writeln!(
        f,
        "  icon: {}",
        w.rng.pick(&["briefcase", "chart", "wrench", "heart"])
    )
    .unwrap();
    writeln!(f, "---").unwrap();
    let body = w.body();
    fm.push_str(&body);
    fm
}

/// "Senior supply chain analyst" → "supply chain".
fn own_domain(meta: &Meta) -> String {
    let words: Vec<&str> = meta.title.split(' ').collect();
    words[1..words.len() - 1].join(" ")
}

/// Converts the careergen site in `site` into the equivalent Hugo site in
/// `out`: each guide's front matter goes under `params` (with `title`,
/// `slug` and `url` at the top for Hugo), `@/x.md` links become the same
/// relative URLs careergen writes, the careergen config goes under the Hugo
/// config's `params`, and `layouts` is copied in. Returns the guide count.
pub fn write_hugo(site: &Path, out: &Path, layouts: &Path) -> io::Result<usize> {
    let mut files: Vec<PathBuf> = fs::read_dir(site.join("content"))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|e| e == "md"));
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            fs::read_to_string(p).map(|t| (stem, t))
        })
        .collect::<Result<_, _>>()?;
    let slug_of =
        |stem: &str, text: &str| top_level_value(text, "slug").unwrap_or_else(|| stem.to_string());
    let slugs: std::collections::HashMap<String, String> = texts
        .iter()
        .map(|(stem, text)| (format!("{stem}.md"), slug_of(stem, text)))
        .collect();

    let content = out.join("content");
    remove_if_exists(&content)?;
    fs::create_dir_all(&content)?;
    for (stem, text) in &texts {
        let slug = slug_of(stem, text);
        let page = hugo_page(text, &slug, &slugs).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{stem}.md has no front matter"),
            )
        })?;
        fs::write(content.join(format!("{stem}.md")), page)?;
    }

    let config = fs::read_to_string(site.join("config.yaml"))?;
    let mut hugo = String::new();
    let base_url = top_level_value(&config, "base_url").unwrap_or_default();
    let title = top_level_value(&config, "title").unwrap_or_default();
    writeln!(hugo, "baseURL: {}", scalar(&base_url)).unwrap();
    writeln!(hugo, "title: {}", scalar(&title)).unwrap();
    hugo.push_str(
        "languageCode: en\n\
         disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, section]\n\
         markup:\n  goldmark:\n    renderer:\n      unsafe: true\n\
         params:\n",
    );
    for line in config.lines() {
        if line.is_empty() {
            hugo.push('\n');
        } else {
            writeln!(hugo, "  {line}").unwrap();
        }
    }
    fs::write(out.join("config.yaml"), hugo)?;
    let layouts_out = out.join("layouts");
    remove_if_exists(&layouts_out)?;
    copy_dir(layouts, &layouts_out)?;
    // The theme's static files, so both generators copy the same assets.
    let theme = top_level_value(&config, "theme").unwrap_or_else(|| "default".to_string());
    let theme_static = site.join("themes").join(theme).join("static");
    let static_out = out.join("static");
    remove_if_exists(&static_out)?;
    if theme_static.is_dir() {
        copy_dir(&theme_static, &static_out)?;
    }
    Ok(texts.len())
}

/// The value of a top-level `key: value` line of a YAML text, unquoted.
fn top_level_value(text: &str, key: &str) -> Option<String> {
    let prefix = format!("{key}:");
    let line = text.lines().find(|l| l.starts_with(&prefix))?;
    let value = line[prefix.len()..].trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    Some(value.replace("\\\"", "\"").replace("\\\\", "\\"))
}

/// One careergen guide file as a Hugo page.
fn hugo_page(
    text: &str,
    slug: &str,
    slugs: &std::collections::HashMap<String, String>,
) -> Option<String> {
    let text = text.strip_prefix("---\n")?;
    let end = text.find("\n---\n")?;
    let (front, body) = (&text[..end + 1], &text[end + 5..]);
    let mut out = String::with_capacity(text.len() + 1024);
    out.push_str("---\n");
    let title = front.lines().find(|l| l.starts_with("title:"))?;
    writeln!(out, "{title}").unwrap();
    writeln!(out, "slug: {slug}").unwrap();
    writeln!(out, "url: /{slug}/").unwrap();
    out.push_str("params:\n");
    for line in front.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            writeln!(out, "  {line}").unwrap();
        }
    }
    out.push_str("---\n");
    out.push_str(body);
    Some(rewrite_links(&out, slugs))
}

/// `](@/x.md#y)` → `](../<slug of x>/#y)`, the URL careergen gives it.
fn rewrite_links(text: &str, slugs: &std::collections::HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("](@/") {
        out.push_str(&rest[..at + 2]);
        let target = &rest[at + 4..];
        let end = target.find(')').unwrap_or(target.len());
        let (path, fragment) = match target[..end].split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (&target[..end], None),
        };
        match slugs.get(path) {
            Some(slug) => {
                write!(out, "../{slug}/").unwrap();
                if let Some(fragment) = fragment {
                    write!(out, "#{fragment}").unwrap();
                }
            }
            None => write!(out, "@/{}", &target[..end]).unwrap(),
        }
        rest = &target[end..];
    }
    out.push_str(rest);
    out
}

fn usage() -> ! {
    eprintln!(
        "usage: gen_corpus --guides N --out DIR [--seed S] [--theme DIR] [--hugo DIR] [--hugo-layouts DIR]"
    );
    std::process::exit(2)
}

fn main() {
    let mut guides = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut theme = default_theme_dir();
    let mut hugo = None;
    let mut layouts = default_hugo_layouts_dir();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--guides" => guides = Some(value().parse().unwrap_or_else(|_| usage())),
            "--out" => out = Some(PathBuf::from(value())),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "--theme" => theme = PathBuf::from(value()),
            "--hugo" => hugo = Some(PathBuf::from(value())),
            "--hugo-layouts" => layouts = PathBuf::from(value()),
            "-h" | "--help" => usage(),
            _ => usage(),
        }
    }
    let (Some(guides), Some(out)) = (guides, out) else {
        usage()
    };
    if let Err(err) = generate_with_theme(guides, seed, &out, &theme) {
        eprintln!(
            "error: cannot write the corpus into `{}`: {err}",
            out.display()
        );
        std::process::exit(1);
    }
    if let Some(hugo) = hugo
        && let Err(err) = write_hugo(&out, &hugo, &layouts)
    {
        eprintln!(
            "error: cannot write the Hugo site into `{}`: {err}",
            hugo.display()
        );
        std::process::exit(1);
    }
}
