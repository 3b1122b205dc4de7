//! Measures `careergen serve`'s save-to-served latency on a site: starts the
//! server, listens on its live-reload endpoint, then edits files one at a
//! time and times each from the write to the first `reload` announcement
//! (sent once the edited guide's page is served), checking the page then
//! serves the edit, and to the last one (once every page and file the edit
//! touches is served: a rebuild whose first announcement says `pending`
//! publishes the rest in a second phase). Prints the median and spread per
//! kind of edit.
//!
//! ```text
//! cargo run --release --example bench_serve -- --site DIR [--binary target/release/careergen]
//!     [--edits 21] [--debounce-ms 50]
//! ```
//!
//! The site is edited in place (a marker comment appended and removed):
//! run it on a copy. `scripts/bench-serve.sh` does that for the example site
//! and a generated 10,000-guide site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Options {
    site: PathBuf,
    binary: PathBuf,
    edits: usize,
    debounce_ms: u64,
}

fn options() -> Result<Options, String> {
    let mut site = None;
    let mut binary = PathBuf::from("target/release/careergen");
    let mut edits = 21;
    let mut debounce_ms = 50;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--site" => site = Some(PathBuf::from(value()?)),
            "--binary" => binary = PathBuf::from(value()?),
            "--edits" => edits = value()?.parse().map_err(|e| format!("--edits: {e}"))?,
            "--debounce-ms" => {
                debounce_ms = value()?
                    .parse()
                    .map_err(|e| format!("--debounce-ms: {e}"))?
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Options {
        site: site.ok_or("--site DIR is required")?,
        binary,
        edits,
        debounce_ms,
    })
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("bench_serve: {message}");
            std::process::exit(2);
        }
    };
    if let Err(message) = run(&options) {
        eprintln!("bench_serve: {message}");
        std::process::exit(1);
    }
}

/// The server, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn run(options: &Options) -> Result<(), String> {
    let guides = guide_files(&options.site.join("content"));
    if guides.is_empty() {
        return Err(format!("no guides under `{}`", options.site.display()));
    }
    let started = Instant::now();
    let mut child = Command::new(&options.binary)
        .args(["serve", "--port", "0", "--debounce-ms"])
        .arg(options.debounce_ms.to_string())
        .arg("--root")
        .arg(&options.site)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", options.binary.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let server = Server(child);
    let (lines_tx, lines) = mpsc::channel();
    // BENCH_VERBOSE=1 shows what serve prints.
    let verbose = std::env::var_os("BENCH_VERBOSE").is_some();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if verbose {
                eprintln!("serve: {line}");
            }
            let _ = lines_tx.send(line);
        }
    });
    let mut port = None;
    let mut first_build = String::new();
    while port.is_none() {
        let line = lines
            .recv_timeout(Duration::from_secs(600))
            .map_err(|_| "serve did not start".to_string())?;
        if let Some(rest) = line.strip_prefix("serving at http://127.0.0.1:") {
            port = rest.split('/').next().and_then(|p| p.parse::<u16>().ok());
        } else {
            first_build = line;
        }
    }
    let port = port.ok_or("no port")?;
    println!(
        "site: {} ({} guides); first build and start: {} ms ({first_build})",
        options.site.display(),
        guides.len(),
        started.elapsed().as_millis()
    );
    let mut events = Events::open(port)?;
    events.next_reload(Duration::from_secs(5)).ok(); // the `hello`

    let mut body = Timings::default();
    let mut summary = Timings::default();
    for i in 0..options.edits {
        let file = &guides[(i * 7919) % guides.len()];
        let marker = format!("bench-body-{i}-{}", started.elapsed().as_nanos());
        let original = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
        let edited = format!("{original}\nEdited for the benchmark: {marker}.\n");
        let page = page_of(file, &original);
        body.push(timed_save(&mut events, file, &edited, || {
            expect_served(port, &page, &marker)
        })?);
        std::fs::write(file, &original).map_err(|e| e.to_string())?;
        events.settle()?;
    }
    for i in 0..options.edits {
        let file = &guides[(i * 104_729 + 3) % guides.len()];
        let marker = format!("Bench summary {i}");
        let original = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
        let Some(edited) = replace_summary(&original, &marker) else {
            continue;
        };
        let page = page_of(file, &original);
        // Its category's pages list it: asked for right after the first
        // announcement, they must wait for the second phase rather than
        // serve the old summary.
        let category = front_matter_value(&original, "category:");
        let mut listing = None;
        summary.push(timed_save(&mut events, file, &edited, || {
            expect_served(port, &page, &marker)?;
            let marker = marker.clone();
            if let Some(category) = category.clone() {
                listing = Some(std::thread::spawn(move || {
                    expect_listed(port, &format!("/categories/{category}/"), &marker)
                }));
            }
            Ok(())
        })?);
        if let Some(listing) = listing {
            listing.join().map_err(|_| "the listing check panicked")??;
        }
        std::fs::write(file, &original).map_err(|e| e.to_string())?;
        events.settle()?;
    }
    let mut template = Timings::default();
    let not_found = template_file(&options.site, "404.html");
    if let Some(file) = &not_found {
        for i in 0..options.edits.min(9) {
            let original = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
            let edited = format!("{original}{{# bench {i} #}}\n");
            template.push(timed_save(&mut events, file, &edited, || Ok(()))?);
            std::fs::write(file, &original).map_err(|e| e.to_string())?;
            events.settle()?;
        }
    }
    body.report("guide body edit (its page)", options.debounce_ms);
    summary.report(
        "guide summary edit (its page, listings, referrers)",
        options.debounce_ms,
    );
    if not_found.is_some() {
        template.report("404.html template edit", options.debounce_ms);
    }
    drop(server);
    Ok(())
}

/// Save-to-served times of one kind of edit: to the first announcement,
/// and to the last.
#[derive(Default)]
struct Timings {
    first: Vec<Duration>,
    last: Vec<Duration>,
    /// Whether any of these rebuilds had a second phase.
    phased: bool,
}

impl Timings {
    fn push(&mut self, (first, last): (Duration, Option<Duration>)) {
        self.first.push(first);
        self.last.push(last.unwrap_or(first));
        self.phased |= last.is_some();
    }

    fn report(&self, what: &str, debounce_ms: u64) {
        report(what, &self.first, debounce_ms);
        if self.phased {
            report(
                &format!("{what}, everything it touches"),
                &self.last,
                debounce_ms,
            );
        }
    }
}

/// Writes `text` to `file`, waits for the rebuild's first announcement,
/// runs `check`, then waits for its last announcement. Returns the time to
/// the first, and to the last when the rebuild had a second phase.
fn timed_save(
    events: &mut Events,
    file: &Path,
    text: &str,
    check: impl FnOnce() -> Result<(), String>,
) -> Result<(Duration, Option<Duration>), String> {
    let start = Instant::now();
    std::fs::write(file, text).map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    let pending = events.next_reload(Duration::from_secs(120))?;
    let first = start.elapsed();
    check()?;
    if !pending {
        return Ok((first, None));
    }
    events.settle()?;
    Ok((first, Some(start.elapsed())))
}

fn report(what: &str, samples: &[Duration], debounce_ms: u64) {
    if samples.is_empty() {
        return;
    }
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
    ms.sort_by(f64::total_cmp);
    let median = ms[ms.len() / 2];
    println!(
        "{what}: median {median:.1} ms ({:.1} ms beyond the {debounce_ms} ms debounce), min {:.1}, max {:.1}, n={}",
        median - debounce_ms as f64,
        ms[0],
        ms[ms.len() - 1],
        ms.len()
    );
}

/// Replaces the front matter's `summary:` line.
fn replace_summary(text: &str, summary: &str) -> Option<String> {
    let mut done = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if !done && line.starts_with("summary:") {
                done = true;
                format!("summary: {summary}")
            } else {
                line.to_string()
            }
        })
        .collect();
    done.then(|| lines.join("\n") + "\n")
}

fn template_file(site: &Path, name: &str) -> Option<PathBuf> {
    [
        site.join("templates").join(name),
        site.join("themes/default/templates").join(name),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// The guides at the top of `content/`, whose page is `/<slug>/`.
fn guide_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "md") && path.is_file())
        .collect();
    files.sort();
    files
}

/// The page of a guide file: its `slug:`, or its file name.
fn page_of(file: &Path, text: &str) -> String {
    let slug = text
        .lines()
        .find_map(|line| line.strip_prefix("slug:"))
        .map(|s| s.trim().trim_matches('"').to_string())
        .or_else(|| file.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    format!("/{slug}/")
}

/// The value of the front matter line starting with `key` (`category:`).
fn front_matter_value(text: &str, key: &str) -> Option<String> {
    text.lines()
        .skip(1)
        .take_while(|line| *line != "---")
        .find_map(|line| line.strip_prefix(key))
        .map(|value| value.trim().trim_matches('"').to_string())
        .filter(|value| !value.is_empty())
}

/// The whole reply to `GET page`, status line included.
fn get(port: u16, page: &str) -> Result<String, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {page} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut reply = String::new();
    stream
        .read_to_string(&mut reply)
        .map_err(|e| e.to_string())?;
    Ok(reply)
}

/// Checks that one of the pages of the list at `list` (`/categories/sales/`,
/// then `page/2/` …) serves `marker`.
fn expect_listed(port: u16, list: &str, marker: &str) -> Result<(), String> {
    for number in 1.. {
        let page = match number {
            1 => list.to_string(),
            n => format!("{list}page/{n}/"),
        };
        let reply = get(port, &page)?;
        if reply.contains(marker) {
            return Ok(());
        }
        if !reply.starts_with("HTTP/1.1 200") {
            break;
        }
    }
    Err(format!(
        "no page of {list} serves `{marker}` after the reload"
    ))
}

/// Checks that `page` serves `marker`.
fn expect_served(port: u16, page: &str, marker: &str) -> Result<(), String> {
    let body = get(port, page)?;
    if body.contains(marker) {
        Ok(())
    } else {
        Err(format!("{page} does not serve `{marker}` after the reload"))
    }
}

/// The live-reload event stream.
struct Events {
    stream: TcpStream,
    text: String,
}

impl Events {
    fn open(port: u16) -> Result<Events, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
        write!(stream, "GET /__careergen/events HTTP/1.0\r\n\r\n").map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_millis(1)))
            .map_err(|e| e.to_string())?;
        Ok(Events {
            stream,
            text: String::new(),
        })
    }

    /// Waits for a rebuild's announcements until the last one.
    fn settle(&mut self) -> Result<(), String> {
        while self.next_reload(Duration::from_secs(120))? {}
        Ok(())
    }

    /// Waits for the next `reload` (or `hello`) event; returns whether
    /// another one follows for the same rebuild.
    fn next_reload(&mut self, timeout: Duration) -> Result<bool, String> {
        let start = Instant::now();
        let mut buf = [0; 65536];
        loop {
            for name in ["event: reload\n", "event: hello\n", "event: errors\n"] {
                if let Some(at) = self.text.find(name)
                    && let Some(end) = self.text[at..].find("\n\n")
                {
                    let event = self.text[at..at + end].to_string();
                    self.text.drain(..at + end + 2);
                    if name == "event: errors\n" {
                        return Err(format!("the edit did not build: {event}"));
                    }
                    return Ok(event.contains("\"pending\":true"));
                }
            }
            if start.elapsed() > timeout {
                return Err("no reload event".to_string());
            }
            match self.stream.read(&mut buf) {
                Ok(0) => return Err("the event stream closed".to_string()),
                Ok(n) => self.text.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {}
            }
        }
    }
}
