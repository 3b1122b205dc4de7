//! `careergen serve` end to end: the real binary on a copy of a fixture site
//! on a free port, files edited on disk, and assertions on what HTTP serves.
//! Nothing here asserts timings: every wait polls until a generous deadline.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use common::{TestSite, careergen, copy_dir, repo, tree};

/// How long any one wait may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(30);

/// A site copied from `tests/fixtures/serve-site`, with the repository's themes.
fn fixture() -> TestSite {
    TestSite::fixture("serve-site")
}

/// A running `careergen serve`.
struct Server {
    child: Child,
    port: u16,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(site: &TestSite) -> Server {
        Server::start_with(site, &[])
    }

    fn start_with(site: &TestSite, args: &[&str]) -> Server {
        let mut child = careergen()
            .arg("serve")
            .arg("--root")
            .arg(site.root())
            .args(["--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start careergen serve");
        let stdout = lines(child.stdout.take().expect("stdout"));
        let stderr = lines(child.stderr.take().expect("stderr"));
        let started = Instant::now();
        let port = loop {
            let found = stdout.lock().expect("lock").iter().find_map(|line| {
                let rest = line.strip_prefix("serving at http://127.0.0.1:")?;
                rest.split('/').next()?.parse::<u16>().ok()
            });
            if let Some(port) = found {
                break port;
            }
            if let Ok(Some(status)) = child.try_wait() {
                panic!(
                    "serve exited with {status} before listening:\n{}",
                    stderr.lock().expect("lock").join("\n")
                );
            }
            assert!(
                started.elapsed() < DEADLINE,
                "serve never printed its address"
            );
            thread::sleep(Duration::from_millis(20));
        };
        Server {
            child,
            port,
            stdout,
            stderr,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    fn get(&self, path: &str) -> Reply {
        http(self.port, &format!("GET {path} HTTP/1.1\r\n"))
    }

    /// Polls `path` until `done` holds for the reply.
    fn wait_for(&self, path: &str, what: &str, done: impl Fn(&Reply) -> bool) -> Reply {
        let started = Instant::now();
        loop {
            let reply = self.get(path);
            if done(&reply) {
                return reply;
            }
            if started.elapsed() > DEADLINE {
                panic!(
                    "waited in vain for {what} at {path}; last reply {}:\n{}\nserve printed:\n{}\n{}",
                    reply.status,
                    reply.text(),
                    self.stdout.lock().expect("lock").join("\n"),
                    self.stderr.lock().expect("lock").join("\n"),
                );
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Sends Ctrl-C and waits for the process to end.
    #[cfg(unix)]
    fn interrupt(mut self) -> std::process::ExitStatus {
        let status = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success());
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(started.elapsed() < DEADLINE, "serve did not stop on Ctrl-C");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Collects the lines a child writes, on a thread of their own.
fn lines(stream: impl Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            sink.lock().expect("lock").push(line);
        }
    });
    lines
}

/// An HTTP response, read whole.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn has_overlay(&self) -> bool {
        self.text().contains("id=\"careergen-overlay\"")
    }
}

/// Sends a raw request (`"GET /x HTTP/1.1\r\n"` plus any header lines) and
/// reads the whole reply. Raw, so that paths reach the server unnormalized.
fn http(port: u16, head: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(DEADLINE))
        .expect("read timeout");
    write!(
        stream,
        "{head}Host: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .expect("send request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read reply");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut head_lines = head.lines();
    let status = head_lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let headers = head_lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// The live-reload event stream, read as it comes.
struct Events {
    stream: TcpStream,
    text: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        // HTTP/1.0: the body comes unchunked until the server closes.
        write!(stream, "GET /__careergen/events HTTP/1.0\r\n\r\n").expect("send");
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("timeout");
        Events {
            stream,
            text: String::new(),
        }
    }

    /// Reads until an event named `name` whose data contains `needle`
    /// arrives after everything consumed so far; returns its data.
    fn wait_for(&mut self, name: &str, needle: &str) -> String {
        let started = Instant::now();
        let mut buf = [0; 8192];
        loop {
            let marker = format!("event: {name}\ndata: ");
            if let Some(at) = self.text.find(&marker) {
                let data_start = at + marker.len();
                if let Some(end) = self.text[data_start..].find('\n') {
                    let data = self.text[data_start..data_start + end].to_string();
                    self.text.drain(..data_start + end);
                    if data.contains(needle) {
                        return data;
                    }
                    continue;
                }
            }
            assert!(
                started.elapsed() < DEADLINE,
                "no `{name}` event with {needle:?}; got:\n{}",
                self.text
            );
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("the event stream closed; got:\n{}", self.text),
                Ok(n) => self.text.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {}
            }
        }
    }
}

/// `html` without the live-reload script serve adds.
fn strip_injected(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(body);
    let Some(start) = text.find("<script data-careergen-livereload") else {
        return body.to_vec();
    };
    let end = start + text[start..].find("</script>").expect("the script ends") + "</script>".len();
    let mut out = text[..start].as_bytes().to_vec();
    out.extend_from_slice(text[end..].as_bytes());
    out
}

/// Writes `text` to a temporary file beside `path` and renames it over
/// `path`, the way many editors save.
fn save_atomically(path: &Path, text: &str) {
    let temp = path.with_extension("md.tmp~");
    fs::write(&temp, text).expect("write temp");
    fs::rename(&temp, path).expect("rename");
}

fn replace_line(site: &TestSite, rel: &str, prefix: &str, line: &str) {
    let text = site.read(rel);
    let mut replaced = false;
    let new: Vec<String> = text
        .lines()
        .map(|l| {
            if !replaced && l.starts_with(prefix) {
                replaced = true;
                line.to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(replaced, "no line starting with {prefix:?} in {rel}");
    site.write(rel, &(new.join("\n") + "\n"));
}

#[test]
fn serves_pages_with_types_etags_and_the_sites_404() {
    let site = fixture();
    let server = Server::start(&site);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control"), Some("no-cache"));
    assert!(home.text().contains("Serve fixture"));
    assert!(home.text().contains("data-careergen-livereload"));

    let etag = home.header("etag").expect("an etag").to_string();
    let again = http(
        server.port,
        &format!("GET / HTTP/1.1\r\nIf-None-Match: {etag}\r\n"),
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    let head = http(server.port, "HEAD /alpha/ HTTP/1.1\r\n");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let get = server.get("/alpha/");
    assert_eq!(
        head.header("content-length"),
        Some(get.body.len().to_string().as_str())
    );

    let css = server.get("/extra.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(css.body, site.read("static/extra.css").as_bytes());

    let folder = server.get("/alpha");
    assert_eq!(folder.status, 302);
    assert_eq!(folder.header("location"), Some("/alpha/"));

    let missing = server.get("/no-such-career/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("data-careergen-livereload"));

    let built = tempfile::tempdir().expect("temp dir");
    let output = built.path().join("public");
    cold_build(&site, &output, &server.url());
    assert_eq!(
        strip_injected(&missing.body),
        fs::read(output.join("404.html")).expect("built 404.html")
    );

    let post = http(server.port, "POST / HTTP/1.1\r\nContent-Length: 0\r\n");
    assert_eq!(post.status, 405);
    // serve never writes into the site folder.
    assert!(!site.path("public").exists());
}

#[test]
fn a_changed_guide_is_served_changed() {
    let site = fixture();
    let server = Server::start(&site);
    let mut events = Events::open(server.port);
    events.wait_for("hello", "generation");

    replace_line(
        &site,
        "content/beta.md",
        "summary:",
        "summary: Beta workers now also train alphas.",
    );
    events.wait_for("reload", "beta/index.html");
    server.wait_for("/beta/", "the new summary", |r| {
        r.text().contains("Beta workers now also train alphas.")
    });
    // Its category's page lists it, and alpha's page shows it under related careers.
    assert!(
        server
            .get("/categories/sales/")
            .text()
            .contains("Beta workers now also train alphas.")
    );
    assert!(
        server
            .get("/alpha/")
            .text()
            .contains("Beta workers now also train alphas.")
    );
}

#[test]
fn a_summary_edit_reloads_its_page_first_and_never_serves_an_old_listing() {
    let site = fixture();
    let server = Server::start(&site);
    let mut events = Events::open(server.port);
    events.wait_for("hello", "generation");
    let summary = "Beta workers now lead the second accounts.";
    let mut search_entry = Some(server.get("/pagefind/pagefind-entry.json").text());

    for round in 0..3 {
        let summary = format!("{summary} Round {round}.");
        replace_line(
            &site,
            "content/beta.md",
            "summary:",
            &format!("summary: {summary}"),
        );
        // The guide's own page comes first; the pages listing it follow.
        let first = events.wait_for("reload", "beta/index.html");
        assert!(first.contains("\"pending\":true"), "{first}");
        assert!(
            !first.contains("\"categories/sales/index.html\""),
            "{first}"
        );
        // Asked for at once, they wait for their new bytes: never the old.
        for path in ["/categories/sales/", "/alpha/"] {
            let reply = server.get(path);
            assert!(
                reply.text().contains(&summary),
                "{path} after round {round}"
            );
        }
        // The search index names its chunks by their content: a new
        // summary is a new entry file.
        let entry = server.get("/pagefind/pagefind-entry.json").text();
        assert_ne!(Some(&entry), search_entry.as_ref(), "round {round}");
        search_entry = Some(entry);
        let rest = events.wait_for("reload", "\"categories/sales/index.html\"");
        assert!(rest.contains("\"pending\":false"), "{rest}");
        assert!(!rest.contains("beta/index.html"), "{rest}");
    }
}

#[test]
fn quick_edits_during_second_phases_end_equal_to_a_cold_build() {
    let site = fixture();
    let server = Server::start(&site);
    let mut seen = BTreeSet::new();
    assert_served_equals_cold_build(&site, &server, &mut seen, "the first build");
    // Saves about one debounce window apart, so that each comes while the
    // last one's second phase may still be due.
    for i in 0..12 {
        let (file, line) = match i % 4 {
            0 => ("content/beta.md", format!("summary: Beta, quick edit {i}.")),
            1 => (
                "content/alpha.md",
                format!("summary: Alpha, quick edit {i}."),
            ),
            2 => ("content/beta.md", format!("title: Beta worker {i}")),
            _ => (
                "content/gamma.md",
                format!("summary: Gamma, quick edit {i}."),
            ),
        };
        let prefix = line.split(':').next().expect("a key").to_string() + ":";
        replace_line(&site, file, &prefix, &line);
        thread::sleep(Duration::from_millis(60));
    }
    assert_served_equals_cold_build(&site, &server, &mut seen, "quick edits");
}

#[test]
fn a_broken_guide_shows_the_overlay_on_the_old_page_until_fixed() {
    let site = fixture();
    let server = Server::start(&site);
    let good = site.read("content/alpha.md");

    site.write(
        "content/alpha.md",
        &good.replace("title: Alpha worker", "title: [Alpha"),
    );
    let broken = server.wait_for("/alpha/", "the overlay", Reply::has_overlay);
    let text = broken.text();
    assert_eq!(broken.status, 200);
    // The last good page, under the errors as the terminal shows them.
    assert!(
        text.contains("Alpha workers look after the first accounts."),
        "{text}"
    );
    // `file:line:col: error: message`, as the terminal shows it.
    let headline = text
        .split("content/alpha.md:")
        .nth(1)
        .expect("the overlay names the file");
    let mut parts = headline.splitn(3, ':');
    assert!(
        parts.next().is_some_and(|line| line.parse::<u32>().is_ok()),
        "{headline}"
    );
    assert!(
        parts.next().is_some_and(|col| col.parse::<u32>().is_ok()),
        "{headline}"
    );
    assert!(
        parts
            .next()
            .is_some_and(|rest| rest.starts_with(" error: ")),
        "{headline}"
    );
    // Other pages show it too.
    assert!(server.get("/beta/").has_overlay());

    site.write("content/alpha.md", &good);
    server.wait_for("/alpha/", "the overlay to go", |r| !r.has_overlay());
    assert!(!server.get("/beta/").has_overlay());
}

#[test]
fn a_deleted_guide_is_a_404_and_leaves_the_listing() {
    let site = fixture();
    let server = Server::start(&site);
    assert_eq!(server.get("/delta/").status, 200);
    assert!(server.get("/all-careers/").text().contains("Delta worker"));

    fs::remove_file(site.path("content/more/delta.md")).expect("delete");
    server.wait_for("/delta/", "a 404", |r| r.status == 404);
    assert!(!server.get("/all-careers/").text().contains("Delta worker"));

    // A whole folder of guides going is noticed as well.
    site.write(
        "content/more/delta.md",
        &site_guide("Delta worker", "Back again."),
    );
    server.wait_for("/delta/", "delta back", |r| r.status == 200);
    fs::remove_dir_all(site.path("content/more")).expect("delete folder");
    server.wait_for("/delta/", "a 404 again", |r| r.status == 404);
}

#[test]
fn traversal_and_files_outside_the_output_are_refused() {
    let site = fixture();
    let secret = "TOP-SECRET-MARKER";
    site.write("secret.txt", secret);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(site.path("secret.txt"), site.path("static/leak.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink("/etc", site.path("static/etc")).expect("symlink");
    }
    let server = Server::start(&site);
    for path in [
        "/../secret.txt",
        "/static/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/alpha/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/secret.txt%00.html",
        "//secret.txt",
        "/C:/secret.txt",
        "/secret.txt",
        "/config.yaml",
        "/content/alpha.md",
        "/leak.txt",
        "/etc/passwd",
        "/etc/hostname",
    ] {
        let reply = server.get(path);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{path} answered {}",
            reply.status
        );
        assert!(!reply.text().contains(secret), "{path} leaked the secret");
        assert!(!reply.text().contains("root:"), "{path} leaked /etc");
    }
    let absolute = http(
        server.port,
        &format!(
            "GET http://127.0.0.1:{}/../secret.txt HTTP/1.1\r\n",
            server.port
        ),
    );
    assert!(matches!(absolute.status, 400 | 404), "{}", absolute.status);
    assert!(!absolute.text().contains(secret));
}

#[test]
fn the_reload_endpoint_announces_each_rebuild() {
    let site = fixture();
    let server = Server::start(&site);
    let mut events = Events::open(server.port);
    let hello = events.wait_for("hello", "generation");
    assert!(hello.contains("\"overlay\":null"), "{hello}");

    site.write(
        "content/gamma.md",
        &site
            .read("content/gamma.md")
            .replace("plan the third", "plan every third"),
    );
    let reload = events.wait_for("reload", "gamma/index.html");
    assert!(reload.contains("\"complete\":true"), "{reload}");

    let css = site.path("static/extra.css");
    fs::write(&css, "body { color: #000; }\n").expect("write css");
    events.wait_for("reload", "extra.css");

    site.write("content/gamma.md", "---\ntitle: [\n---\n");
    let errors = events.wait_for("errors", "careergen-overlay");
    assert!(errors.contains("content/gamma.md"), "{errors}");

    fs::remove_file(site.path("content/gamma.md")).expect("delete");
    events.wait_for("reload", "gamma/index.html");
}

#[test]
fn a_first_build_that_fails_still_serves_the_errors() {
    let site = fixture();
    let good = site.read("content/beta.md");
    site.write("content/beta.md", "---\nsummary: no title\n---\n");
    let server = Server::start(&site);

    let page = server.get("/beta/");
    assert_eq!(page.status, 500);
    assert!(page.has_overlay(), "{}", page.text());
    assert!(page.text().contains("content/beta.md"));

    site.write("content/beta.md", &good);
    server.wait_for("/beta/", "the site", |r| {
        r.status == 200 && !r.has_overlay()
    });
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let site = fixture();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let output = careergen()
        .args(["serve", "--port", &port, "--root"])
        .arg(site.root())
        .output()
        .expect("run serve");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("port {port}")), "{stderr}");
    assert!(stderr.contains("already in use"), "{stderr}");
    assert!(stderr.contains("--port 0"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_with_a_page_connected() {
    let site = fixture();
    let server = Server::start(&site);
    let mut events = Events::open(server.port);
    events.wait_for("hello", "generation");
    let stderr = server.stderr.clone();
    let status = server.interrupt();
    assert!(status.success(), "{status}");
    thread::sleep(Duration::from_millis(100));
    assert!(stderr.lock().expect("lock").iter().any(|l| l == "stopped"));
}

#[test]
fn output_is_written_only_when_asked() {
    let site = fixture();
    let out = tempfile::tempdir().expect("temp dir");
    let output = out.path().join("site");
    let server = Server::start_with(&site, &["--output", output.to_str().expect("utf-8 path")]);
    assert!(output.join("alpha/index.html").exists());
    let written = fs::read_to_string(output.join("alpha/index.html")).expect("read");
    assert!(
        !written.contains("careergen-livereload"),
        "the script stays out of files"
    );
    replace_line(
        &site,
        "content/alpha.md",
        "summary:",
        "summary: Alpha, written out.",
    );
    let started = Instant::now();
    while !fs::read_to_string(output.join("alpha/index.html"))
        .unwrap_or_default()
        .contains("Alpha, written out.")
    {
        assert!(started.elapsed() < DEADLINE, "--output was not updated");
        thread::sleep(Duration::from_millis(25));
    }
    drop(server);
    assert!(!site.path("public").exists());
}

/// A minimal guide.
fn site_guide(title: &str, summary: &str) -> String {
    format!("---\ntitle: {title}\nsummary: {summary}\nduties: [Work]\n---\nBody of {title}.\n")
}

/// `careergen build` of `site` into `output`, as serve at `url` builds it.
fn cold_build(site: &TestSite, output: &Path, url: &str) {
    let result = careergen()
        .args(["build", "--base-url", url, "--output"])
        .arg(output)
        .arg("--root")
        .arg(site.root())
        .output()
        .expect("run build");
    assert!(
        result.status.success(),
        "cold build failed:\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// Waits until every file of a cold build is served byte for byte (but for
/// the live-reload script) and every path served before but gone from the
/// cold build is a 404. `seen` collects every path ever built.
fn assert_served_equals_cold_build(
    site: &TestSite,
    server: &Server,
    seen: &mut BTreeSet<String>,
    step: &str,
) {
    let built = tempfile::tempdir().expect("temp dir");
    let output = built.path().join("public");
    cold_build(site, &output, &server.url());
    let expected: BTreeMap<String, Vec<u8>> = tree(&output);
    seen.extend(expected.keys().cloned());
    let started = Instant::now();
    loop {
        let mut differences = Vec::new();
        for path in seen.iter() {
            let reply = server.get(&format!("/{path}"));
            match expected.get(path) {
                Some(bytes) => {
                    if reply.status != 200
                        || reply.has_overlay()
                        || strip_injected(&reply.body) != *bytes
                    {
                        differences.push(format!("{path}: {} differs", reply.status));
                    }
                }
                None => {
                    if reply.status != 404 {
                        differences
                            .push(format!("{path}: {} where a build has none", reply.status));
                    }
                }
            }
        }
        if differences.is_empty() {
            return;
        }
        if started.elapsed() > DEADLINE {
            panic!(
                "after {step}, serve differs from a cold build:\n{}\nserve printed:\n{}\n{}",
                differences.join("\n"),
                server.stdout.lock().expect("lock").join("\n"),
                server.stderr.lock().expect("lock").join("\n"),
            );
        }
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_site_on_the_built_in_theme_is_served_like_a_build() {
    let site = fixture();
    fs::remove_dir_all(site.path("themes")).expect("remove themes");
    let server = Server::start(&site);
    let mut seen = BTreeSet::new();
    assert_served_equals_cold_build(&site, &server, &mut seen, "the first build");

    // The site takes a theme folder of its own, then drops it again.
    copy_dir(&repo().join("themes"), &site.path("themes"));
    site.write(
        "themes/default/static/own.css",
        "/* only in the site's copy */\n",
    );
    assert_served_equals_cold_build(&site, &server, &mut seen, "adding themes/");
    fs::remove_dir_all(site.path("themes")).expect("remove themes");
    assert_served_equals_cold_build(&site, &server, &mut seen, "removing themes/");
}

#[test]
fn fifty_scripted_edits_end_equal_to_a_cold_build() {
    let site = fixture();
    let server = Server::start(&site);
    let mut seen = BTreeSet::new();
    let pause = || thread::sleep(Duration::from_millis(120));
    let mut edits = 0;
    let mut edit = |f: &dyn Fn()| {
        f();
        edits += 1;
        pause();
    };
    assert_served_equals_cold_build(&site, &server, &mut seen, "the first build");

    // Guides: change, add, rename, delete, each editor's way of saving.
    edit(&|| {
        replace_line(
            &site,
            "content/beta.md",
            "summary:",
            "summary: Beta, edited in place.",
        )
    });
    edit(&|| {
        let text = site.read("content/beta.md") + "\nA new paragraph.\n";
        site.write("content/beta.md", &text);
    });
    edit(&|| {
        site.write(
            "content/epsilon.md",
            "---\ntitle: Epsilon worker\nsummary: New here.\nduties: [Learn]\nrelated_careers:\n  - title: Alpha worker\n    guide: alpha\n---\nSee [beta](@/beta.md).\n",
        )
    });
    edit(&|| {
        replace_line(
            &site,
            "content/epsilon.md",
            "title:",
            "title: Epsilon specialist",
        )
    });
    edit(&|| {
        fs::rename(
            site.path("content/gamma.md"),
            site.path("content/gamma-two.md"),
        )
        .expect("rename")
    });
    edit(&|| fs::remove_file(site.path("content/more/delta.md")).expect("delete"));
    edit(&|| {
        site.write(
            "content/more/delta.md",
            &site_guide("Delta worker", "Delta is back."),
        )
    });
    edit(&|| {
        let text = site.read("content/alpha.md").replace(
            "look after the first accounts",
            "look after the very first accounts",
        );
        save_atomically(&site.path("content/alpha.md"), &text);
    });
    edit(&|| {
        let text = site
            .read("content/alpha.md")
            .replace("guide: beta", "guide: epsilon");
        site.write("content/alpha.md", &text);
    });
    edit(&|| {
        let text = site.read("content/beta.md");
        fs::remove_file(site.path("content/beta.md")).expect("delete");
        site.write(
            "content/beta.md",
            &text.replace("Beta, edited", "Beta, recreated"),
        );
    });
    edit(&|| replace_line(&site, "content/beta.md", "title:", "title: Beta specialist"));
    edit(&|| {
        // A slug change: pages that link to beta follow it.
        let text = site
            .read("content/beta.md")
            .replacen("---\n", "---\nslug: beta-two\n", 1);
        site.write("content/beta.md", &text);
    });
    edit(&|| {
        let text = site
            .read("content/alpha.md")
            .replace("guide: epsilon", "guide: beta-two");
        site.write("content/alpha.md", &text);
    });
    edit(&|| {
        let text = site
            .read("content/gamma-two.md")
            .replace("Gamma work", "Gamma-two work");
        site.write("content/gamma-two.md", &text);
    });
    edit(&|| {
        fs::create_dir_all(site.path("content/deep/er")).expect("mkdir");
        site.write(
            "content/deep/er/zeta.md",
            &site_guide("Zeta worker", "Deep down."),
        );
    });
    edit(&|| {
        fs::rename(site.path("content/deep"), site.path("content/shallow")).expect("rename folder")
    });
    edit(&|| site.write("content/.hidden.md", &site_guide("Hidden", "Never built.")));
    edit(&|| site.write("content/beta.md~", "backup files are ignored"));
    assert_served_equals_cold_build(&site, &server, &mut seen, "guide edits");

    // Templates and static files.
    let templates = site.path("themes/default/templates");
    let mut template_files: Vec<_> = walkdir::WalkDir::new(&templates)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    // A template that extends another may only hold blocks: edit the others.
    template_files.retain(|p| {
        !fs::read_to_string(p)
            .unwrap_or_default()
            .contains("{% extends")
    });
    for (i, path) in template_files.iter().enumerate().take(3) {
        edit(&|| {
            let text =
                fs::read_to_string(path).expect("read template") + &format!("<!-- edit {i} -->\n");
            fs::write(path, text).expect("write template");
        });
    }
    edit(&|| site.write("templates/.notes.swp", "swap file"));
    edit(&|| site.write("static/new.txt", "a new static file\n"));
    edit(&|| site.write("static/extra.css", "body { color: #111; }\n"));
    edit(&|| site.write("static/css/more.css", "p { margin: 0; }\n"));
    edit(&|| fs::remove_file(site.path("static/extra.css")).expect("delete"));
    edit(&|| fs::remove_dir_all(site.path("static/css")).expect("delete folder"));
    assert_served_equals_cold_build(&site, &server, &mut seen, "template and static edits");

    // A broken state in between changes nothing served once fixed.
    edit(&|| site.write("content/broken.md", "---\ntitle: [\n---\n"));
    edit(&|| fs::remove_file(site.path("content/broken.md")).expect("delete"));

    // Config: everything is rebuilt.
    edit(&|| {
        let text = site
            .read("config.yaml")
            .replace("title: Serve fixture", "title: Serve fixture, renamed");
        site.write("config.yaml", &text);
    });
    edit(&|| {
        let text = site
            .read("config.yaml")
            .replace("Roles that win customers.", "Roles that keep customers.");
        site.write("config.yaml", &text);
    });
    assert_served_equals_cold_build(&site, &server, &mut seen, "config edits");

    // A burst: many saves with no pause become one rebuild of the final state.
    for i in 0..12 {
        replace_line(
            &site,
            "content/alpha.md",
            "summary:",
            &format!("summary: Burst number {i}."),
        );
        edits += 1;
    }
    for i in 0..6 {
        site.write(
            &format!("content/burst-{i}.md"),
            &site_guide(&format!("Burst {i}"), "Quick."),
        );
        edits += 1;
    }
    for i in 0..3 {
        fs::remove_file(site.path(&format!("content/burst-{i}.md"))).expect("delete");
        edits += 1;
    }
    assert!(edits >= 50, "only {edits} edits");
    assert_served_equals_cold_build(&site, &server, &mut seen, "a burst of edits");
}
