//! Where a build's time went, for `careergen build --timings`.
//!
//! Off unless [`enable`] was called; then each hook costs one relaxed atomic
//! load when off, and a short lock when on. The build records the wall time
//! of each sequential stage, and, from however many threads render pages,
//! the time each page spent in Markdown, in its template and in being
//! written. [`take`] sums it all up into a [`Summary`] the binary prints.
//! Work done by several threads at once is summed over the threads, so it
//! is CPU time, not wall time.
//!
//! Where the system reports it (Linux's `/proc/self/status`), each stage
//! also records the memory the process holds when the stage ends and the
//! most it has held so far, so that a big build shows which stage its
//! peak comes from.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);
/// What was recorded so far, summed up as each record comes: a build of
/// 100,000 guides makes over a million records, which held one by one until
/// [`take`] were about 100 MB.
static RECORDS: Mutex<Option<Tally>> = Mutex::new(None);

/// The parts of one page's rendering that are timed separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Markdown,
    Template,
    Write,
    /// Everything from the page's Markdown to its file being written.
    Total,
}

enum Record {
    Stage(&'static str, Duration, Option<Memory>),
    Work(&'static str, Duration),
    Page {
        page: String,
        part: Part,
        time: Duration,
    },
    Template(String, Duration),
}

/// Starts recording (for the rest of the process, until [`take`]).
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

pub fn is_enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

fn push(record: Record) {
    RECORDS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(Tally::default)
        .add(record);
}

/// Runs `f` as the sequential stage `name` and records its wall time.
pub fn stage<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    if !is_enabled() {
        return f();
    }
    let started = Instant::now();
    let value = f();
    push(Record::Stage(name, started.elapsed(), Memory::now()));
    value
}

/// The process's memory at one moment, in KiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    /// Resident now (`VmRSS`).
    pub resident: u64,
    /// The most resident since the process began (`VmHWM`).
    pub peak: u64,
}

impl Memory {
    /// Read from `/proc/self/status`; `None` where there is no such file.
    pub fn now() -> Option<Memory> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        Self::parse(&status)
    }

    fn parse(status: &str) -> Option<Memory> {
        let field = |name: &str| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name))?
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .ok()
        };
        Some(Memory {
            resident: field("VmRSS:")?,
            peak: field("VmHWM:")?,
        })
    }
}

/// Runs `f` as one piece of the work `name`, done by many threads and
/// summed over them (reading one guide file, parsing it).
pub fn work<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    if !is_enabled() {
        return f();
    }
    let started = Instant::now();
    let value = f();
    push(Record::Work(name, started.elapsed()));
    value
}

/// Runs `f`, the Markdown of the page written to `page()`.
pub fn markdown<T>(page: impl FnOnce() -> String, f: impl FnOnce() -> T) -> T {
    page_part(Part::Markdown, page, f)
}

fn page_part<T>(part: Part, page: impl FnOnce() -> String, f: impl FnOnce() -> T) -> T {
    if !is_enabled() {
        return f();
    }
    let started = Instant::now();
    let value = f();
    push(Record::Page {
        page: page(),
        part,
        time: started.elapsed(),
    });
    value
}

/// Records the whole rendering of the page written to `page`, begun at `started`.
pub fn page_since(page: &str, started: Instant) {
    if is_enabled() {
        push(Record::Page {
            page: page.to_string(),
            part: Part::Total,
            time: started.elapsed(),
        });
    }
}

/// Runs `f`, the rendering of `template` for the page written to `page`.
pub fn template<T>(template: &str, page: &str, f: impl FnOnce() -> T) -> T {
    if !is_enabled() {
        return f();
    }
    let started = Instant::now();
    let value = f();
    let time = started.elapsed();
    push(Record::Template(template.to_string(), time));
    push(Record::Page {
        page: page.to_string(),
        part: Part::Template,
        time,
    });
    value
}

/// Runs `f`, the writing of the file `page`.
pub fn write<T>(page: &str, f: impl FnOnce() -> T) -> T {
    page_part(Part::Write, || page.to_string(), f)
}

/// A stage's wall time, in the order the stages first ran.
#[derive(Debug, Clone)]
pub struct StageTime {
    pub name: &'static str,
    pub time: Duration,
    /// The memory when the stage last ended, where known.
    pub memory: Option<Memory>,
}

/// Work summed over threads: its total and how many pieces it had.
#[derive(Debug, Clone)]
pub struct WorkTime {
    pub name: &'static str,
    pub time: Duration,
    pub count: usize,
}

/// One template's renders.
#[derive(Debug, Clone)]
pub struct TemplateTime {
    pub name: String,
    pub count: usize,
    pub total: Duration,
    pub max: Duration,
}

/// One page's time, by part.
#[derive(Debug, Clone, Default)]
pub struct PageTime {
    pub page: String,
    pub markdown: Duration,
    pub template: Duration,
    pub write: Duration,
    /// The whole page, when it was timed as one (guide pages); otherwise
    /// the sum of its parts.
    pub total: Duration,
}

/// Everything recorded since [`enable`], summed up.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub stages: Vec<StageTime>,
    pub work: Vec<WorkTime>,
    /// Slowest first.
    pub templates: Vec<TemplateTime>,
    /// Slowest first.
    pub pages: Vec<PageTime>,
}

/// The records made so far, summed up: [`Summary`] before sorting, and
/// each page's parts by page.
struct Tally {
    summary: Summary,
    templates: HashMap<String, TemplateTime>,
    pages: HashMap<String, (PageTime, bool)>,
    markdown: WorkTime,
    rendering: WorkTime,
    writing: WorkTime,
}

impl Default for Tally {
    fn default() -> Self {
        let work = |name| WorkTime {
            name,
            time: Duration::ZERO,
            count: 0,
        };
        Tally {
            summary: Summary::default(),
            templates: HashMap::new(),
            pages: HashMap::new(),
            markdown: work("Markdown"),
            rendering: work("templates"),
            writing: work("writing files"),
        }
    }
}

impl Tally {
    fn add(&mut self, record: Record) {
        let summary = &mut self.summary;
        match record {
            Record::Stage(name, time, memory) => {
                match summary.stages.iter_mut().find(|s| s.name == name) {
                    Some(stage) => {
                        stage.time += time;
                        stage.memory = memory.or(stage.memory);
                    }
                    None => summary.stages.push(StageTime { name, time, memory }),
                }
            }
            Record::Work(name, time) => match summary.work.iter_mut().find(|w| w.name == name) {
                Some(work) => {
                    work.time += time;
                    work.count += 1;
                }
                None => summary.work.push(WorkTime {
                    name,
                    time,
                    count: 1,
                }),
            },
            Record::Template(name, time) => {
                let entry = match self.templates.get_mut(&name) {
                    Some(entry) => entry,
                    None => self.templates.entry(name.clone()).or_insert(TemplateTime {
                        name,
                        count: 0,
                        total: Duration::ZERO,
                        max: Duration::ZERO,
                    }),
                };
                entry.count += 1;
                entry.total += time;
                entry.max = entry.max.max(time);
            }
            Record::Page { page, part, time } => {
                // The page's name is the map's key; its `PageTime` gets it
                // at the end.
                let (entry, whole) = self.pages.entry(page).or_default();
                let work = match part {
                    Part::Markdown => {
                        entry.markdown += time;
                        Some(&mut self.markdown)
                    }
                    Part::Template => {
                        entry.template += time;
                        Some(&mut self.rendering)
                    }
                    Part::Write => {
                        entry.write += time;
                        Some(&mut self.writing)
                    }
                    Part::Total => {
                        entry.total += time;
                        *whole = true;
                        None
                    }
                };
                if let Some(work) = work {
                    work.time += time;
                    work.count += 1;
                }
            }
        }
    }

    fn into_summary(self) -> Summary {
        let mut summary = self.summary;
        summary.work.extend(
            [self.markdown, self.rendering, self.writing]
                .into_iter()
                .filter(|w| w.count > 0),
        );
        summary.templates = self.templates.into_values().collect();
        summary
            .templates
            .sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
        summary.pages = self
            .pages
            .into_iter()
            .map(|(name, (mut page, whole))| {
                page.page = name;
                if !whole {
                    page.total = page.markdown + page.template + page.write;
                }
                page
            })
            .collect();
        summary
            .pages
            .sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.page.cmp(&b.page)));
        summary
    }
}

/// Takes every record made so far and sums it up.
pub fn take() -> Summary {
    RECORDS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .unwrap_or_default()
        .into_summary()
}

fn ms(time: Duration) -> String {
    let ms = time.as_secs_f64() * 1000.0;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

fn mib(kib: u64) -> String {
    format!("{} MiB", kib.div_ceil(1024))
}

fn share(part: Duration, whole: Duration) -> String {
    if whole.is_zero() {
        String::new()
    } else {
        format!("{:.0}%", part.as_secs_f64() / whole.as_secs_f64() * 100.0)
    }
}

impl Summary {
    /// The report `--timings` prints: stages, work summed over threads,
    /// templates, and the `slowest` slowest pages.
    pub fn render(&self, slowest: usize) -> String {
        let mut out = String::new();
        let wall: Duration = self.stages.iter().map(|s| s.time).sum();
        let memory = self.stages.iter().any(|s| s.memory.is_some());
        if memory {
            let _ = writeln!(
                out,
                "time by stage (wall clock), memory at its end (resident, peak so far):"
            );
        } else {
            let _ = writeln!(out, "time by stage (wall clock):");
        }
        for stage in &self.stages {
            let _ = write!(
                out,
                "  {:<34} {:>11} {:>5}",
                stage.name,
                ms(stage.time),
                share(stage.time, wall)
            );
            if let Some(m) = stage.memory {
                let _ = write!(out, " {:>10} {:>10}", mib(m.resident), mib(m.peak));
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "  {:<34} {:>11}", "total", ms(wall));
        if !self.work.is_empty() {
            let threads = rayon::current_num_threads();
            let _ = writeln!(
                out,
                "work inside the stages (summed over {threads} thread{}):",
                if threads == 1 { "" } else { "s" }
            );
            for work in &self.work {
                let _ = writeln!(
                    out,
                    "  {:<34} {:>11} {:>8} × {:>9} each",
                    work.name,
                    ms(work.time),
                    work.count,
                    ms(work.time / work.count.max(1) as u32)
                );
            }
        }
        if !self.templates.is_empty() {
            let _ = writeln!(
                out,
                "templates (summed over threads; each includes its partials):"
            );
            let _ = writeln!(
                out,
                "  {:>11} {:>8} {:>11} {:>11}  template",
                "total", "renders", "mean", "max"
            );
            for t in &self.templates {
                let _ = writeln!(
                    out,
                    "  {:>11} {:>8} {:>11} {:>11}  {}",
                    ms(t.total),
                    t.count,
                    ms(t.total / t.count.max(1) as u32),
                    ms(t.max),
                    t.name
                );
            }
        }
        if !self.pages.is_empty() && slowest > 0 {
            let _ = writeln!(out, "slowest pages:");
            let _ = writeln!(
                out,
                "  {:>11} {:>11} {:>11} {:>11}  page",
                "total", "Markdown", "template", "write"
            );
            for page in self.pages.iter().take(slowest) {
                let _ = writeln!(
                    out,
                    "  {:>11} {:>11} {:>11} {:>11}  {}",
                    ms(page.total),
                    ms(page.markdown),
                    ms(page.template),
                    ms(page.write),
                    page.page
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(page: &str, part: Part, ms: u64) -> Record {
        Record::Page {
            page: page.to_string(),
            part,
            time: Duration::from_millis(ms),
        }
    }

    #[test]
    fn take_sums_pages_templates_and_work() {
        // Records are pushed directly: `enable` is process-wide and tests
        // run in parallel.
        let records = vec![
            Record::Stage(
                "render",
                Duration::from_millis(30),
                Some(Memory {
                    resident: 2048,
                    peak: 4097,
                }),
            ),
            Record::Work("parse", Duration::from_millis(4)),
            Record::Work("parse", Duration::from_millis(6)),
            page("a/index.html", Part::Markdown, 5),
            page("a/index.html", Part::Template, 7),
            Record::Template("guide.html".into(), Duration::from_millis(7)),
            page("a/index.html", Part::Total, 20),
            page("index.html", Part::Template, 2),
            page("index.html", Part::Write, 1),
            Record::Template("index.html".into(), Duration::from_millis(2)),
        ];
        for record in records {
            push(record);
        }
        let summary = take();
        assert_eq!(summary.stages[0].time, Duration::from_millis(30));
        let parse = summary.work.iter().find(|w| w.name == "parse").unwrap();
        assert_eq!((parse.time, parse.count), (Duration::from_millis(10), 2));
        assert_eq!(summary.templates[0].name, "guide.html");
        assert_eq!(summary.pages[0].page, "a/index.html");
        assert_eq!(summary.pages[0].total, Duration::from_millis(20));
        // Without a whole-page record, a page's total is its parts.
        assert_eq!(summary.pages[1].total, Duration::from_millis(3));
        let text = summary.render(5);
        assert!(text.contains("guide.html"), "{text}");
        assert!(text.contains("slowest pages"), "{text}");
        assert!(text.contains("     2 MiB      5 MiB"), "{text}");
    }

    #[test]
    fn memory_is_read_from_proc_status_lines() {
        let status = "Name:\tcareergen\nVmHWM:\t  912340 kB\nVmRSS:\t  400000 kB\nThreads:\t3\n";
        assert_eq!(
            Memory::parse(status),
            Some(Memory {
                resident: 400_000,
                peak: 912_340
            })
        );
        assert_eq!(Memory::parse("Name:\tx\n"), None);
    }
}
