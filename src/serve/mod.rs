//! `careergen serve`: build the site into memory, serve it, watch the site
//! folder and, on every save, rebuild what changed and reload open pages.
//!
//! Three parts run side by side: the HTTP server ([`server`], on tokio), the
//! file watcher ([`watch`], notify with a debouncer) and one rebuild thread
//! that owns the [`rebuild::Workspace`]. A rebuild publishes the edited
//! guides' pages first and the pages and files that show them in a second
//! phase, while requests for those wait. A failed rebuild never stops
//! anything: the last good site stays served with an error overlay
//! ([`livereload`]). The library reports what happens through a callback and
//! never prints.

pub mod languages;
pub mod livereload;
pub mod rebuild;
pub mod server;
pub mod watch;

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use axum::body::Bytes;
use notify::EventKind;
use notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::DebouncedEvent;

use crate::diagnostics::{self, Diagnostic};
use crate::output::{self, DiskSink, Sink as _, Staging};
use crate::site::BuildOptions;
use rebuild::{Built, Outcome, Workspace};
use server::Shared;
use watch::{Changes, Message, Watcher};

/// What `serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The build's options; `base_url` defaults to the served address.
    pub build: BuildOptions,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Also write each good build to this folder.
    pub output: Option<PathBuf>,
    /// How long to wait for a burst of saves to settle.
    pub debounce: Duration,
}

/// What `serve` reports to its caller, which prints it.
#[derive(Debug)]
pub enum Event<'a> {
    /// A build succeeded; `changes` names what triggered it (empty for the first).
    Built { changes: &'a str, built: &'a Built },
    /// A build failed; the previous site is still served.
    Failed {
        changes: &'a str,
        diagnostics: &'a [Diagnostic],
    },
    /// The site is served at `url`.
    Listening { url: &'a str, exposed: bool },
    /// Something went wrong that does not stop serving (watching, `--output`).
    Problem(String),
}

/// A callback for [`Event`]s, called from several threads.
pub type Reporter = dyn Fn(Event<'_>) + Send + Sync;

/// Serves the site until Ctrl-C (or SIGTERM).
pub fn run(options: ServeOptions, report: Arc<Reporter>) -> anyhow::Result<()> {
    let root = std::fs::canonicalize(&options.build.root).with_context(|| {
        format!(
            "cannot open the site folder `{}`",
            options.build.root.display()
        )
    })?;
    if let Some(output) = &options.output {
        output::check_output_folder(&root, output)?;
    }
    let listener = bind(options.bind, options.port)?;
    let address = listener
        .local_addr()
        .context("cannot read the address the server listens on")?;
    let url = url_for(address);

    let mut build = options.build.clone();
    build.root = root.clone();
    build.base_url = build.base_url.or_else(|| Some(url.clone()));
    let mut workspace = Workspace::new(build);
    let shared = Arc::new(Shared::default());
    let mut mirror = options.output.clone().map(Mirror::new);
    // Watch before the first build so that no save during it is missed.
    let (sender, receiver) = channel();
    // Set once a message is sent: a second phase in progress gives up.
    let news = Arc::new(AtomicBool::new(false));
    let watcher = Watcher::start(&root, options.debounce, sender.clone(), news.clone())
        .with_context(|| format!("cannot watch `{}` for changes", root.display()))?;
    let first_started = Instant::now();
    let first = workspace.rebuild(&Changes::default());
    publish(&first, "", &workspace, &shared, mirror.as_mut(), &*report);
    let last = Seen {
        started: first_started,
        paths: HashSet::new(),
        everything: true,
    };

    let rebuilder = {
        let shared = shared.clone();
        let report = report.clone();
        let news = news.clone();
        std::thread::Builder::new()
            .name("careergen-rebuild".to_string())
            .spawn(move || {
                let rebuild = Rebuild {
                    workspace,
                    shared: &shared,
                    mirror,
                    report: &*report,
                };
                rebuild_loop(receiver, &news, watcher, rebuild, last)
            })
            .context("cannot start the rebuild thread")?
    };

    report(Event::Listening {
        url: &url,
        exposed: !options.bind.is_loopback(),
    });
    let served = serve(listener, shared.clone());
    // Stop the rebuild thread whatever happened to the server.
    let _ = sender.send(Message::Stop);
    news.store(true, Ordering::SeqCst);
    let _ = rebuilder.join();
    served
}

/// Binds the listening socket, explaining a port in use.
fn bind(ip: IpAddr, port: u16) -> anyhow::Result<TcpListener> {
    match TcpListener::bind(SocketAddr::new(ip, port)) {
        Ok(listener) => Ok(listener),
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => bail!(
            "port {port} on {ip} is already in use; stop the other server, choose another \
             with --port, or use --port 0 to pick a free one"
        ),
        Err(err) => Err(err).with_context(|| format!("cannot listen on {ip} port {port}")),
    }
}

/// The address to browse to: a wildcard bind is browsed on loopback.
fn url_for(address: SocketAddr) -> String {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, address.port()))
}

/// Runs the HTTP server until a shutdown signal.
fn serve(listener: TcpListener, shared: Arc<Shared>) -> anyhow::Result<()> {
    listener
        .set_nonblocking(true)
        .context("cannot set up the listening socket")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("careergen-http")
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .context("cannot set up the listening socket")?;
        let signal_shared = shared.clone();
        tokio::spawn(async move {
            wait_for_signal().await;
            signal_shared.shut_down();
        });
        let stopped = shared.stopped();
        axum::serve(listener, server::router(shared))
            .with_graceful_shutdown(stopped)
            .await
            .context("the server stopped")
    })
}

/// Waits for Ctrl-C, or SIGTERM on Unix.
async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// What the last rebuild read: events that happened before it started, on
/// paths it read, are already reflected in it.
struct Seen {
    started: Instant,
    paths: HashSet<PathBuf>,
    /// Whether it read everything (the first build).
    everything: bool,
}

impl Seen {
    fn covers(&self, event: &DebouncedEvent) -> bool {
        event.time < self.started
            && (self.everything || event.paths.iter().all(|p| self.paths.contains(p)))
    }
}

/// The rebuild thread's state, and where its results go.
struct Rebuild<'a> {
    workspace: Workspace,
    shared: &'a Shared,
    mirror: Option<Mirror>,
    report: &'a Reporter,
}

impl Rebuild<'_> {
    fn publish(&mut self, outcome: &Outcome, changes: &str) {
        publish(
            outcome,
            changes,
            &self.workspace,
            self.shared,
            self.mirror.as_mut(),
            self.report,
        );
    }
}

/// Waits for batches of file events and rebuilds, one batch (or several
/// that queued up meanwhile) at a time. A rebuild's second phase runs once
/// no batch is waiting, and gives up as soon as one comes (`news`): the
/// next rebuild then works it out again with its own changes.
fn rebuild_loop(
    receiver: Receiver<Message>,
    news: &AtomicBool,
    mut watcher: Watcher,
    mut rebuild: Rebuild<'_>,
    mut last: Seen,
) {
    // What the second phase still to run follows from, for the terminal.
    let mut deferred_changes = Changes::default();
    loop {
        // Cleared before looking, so that a batch sent after this is seen.
        news.store(false, Ordering::SeqCst);
        let message = if rebuild.workspace.has_deferred() {
            match receiver.try_recv() {
                Ok(message) => message,
                Err(TryRecvError::Empty) => {
                    let stop = || news.load(Ordering::SeqCst);
                    if let Some(outcome) = rebuild.workspace.finish(&stop) {
                        let described = format!(
                            "pages that show {}",
                            deferred_changes.describe(rebuild.workspace.root())
                        );
                        deferred_changes = Changes::default();
                        rebuild.publish(&outcome, &described);
                    }
                    continue;
                }
                Err(TryRecvError::Disconnected) => return,
            }
        } else {
            match receiver.recv() {
                Ok(message) => message,
                Err(_) => return,
            }
        };
        let mut messages = vec![message];
        messages.extend(receiver.try_iter());
        let workspace = &rebuild.workspace;
        let mut changes = Changes::default();
        let mut paths = HashSet::new();
        for message in messages {
            match message {
                Message::Stop => return,
                Message::Events(Ok(events)) => {
                    // A save's events can straddle two debounced batches;
                    // the later one usually needs no second rebuild.
                    for event in events
                        .iter()
                        .filter(|e| is_change(&e.kind) && !last.covers(e))
                    {
                        for path in &event.paths {
                            changes.add(workspace.root(), workspace.theme(), path);
                            paths.insert(path.clone());
                        }
                    }
                }
                Message::Events(Err(errors)) => {
                    for error in errors {
                        (rebuild.report)(Event::Problem(format!("watching files: {error}")));
                    }
                }
            }
        }
        if changes.rewatch
            && let Err(err) = watcher.refresh()
        {
            (rebuild.report)(Event::Problem(format!("watching files: {err}")));
        }
        if changes.is_empty() {
            continue;
        }
        let described = changes.describe(workspace.root());
        last = Seen {
            started: Instant::now(),
            paths,
            everything: changes.config,
        };
        let outcome = rebuild.workspace.rebuild(&changes);
        if rebuild.workspace.has_deferred() {
            deferred_changes.merge(&changes);
        } else {
            deferred_changes = Changes::default();
        }
        rebuild.publish(&outcome, &described);
    }
}

/// Whether an event can change what a build reads (opening or reading a
/// file cannot; the build itself opens every file).
pub(crate) fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Hands a rebuild's result to the server, the output folder and the reporter.
fn publish(
    outcome: &Outcome,
    changes: &str,
    workspace: &Workspace,
    shared: &Shared,
    mirror: Option<&mut Mirror>,
    report: &Reporter,
) {
    match outcome {
        Outcome::Built(built) => {
            shared.publish_built(&built.updates, built.stale.clone());
            if let Some(mirror) = mirror
                && let Err(err) = mirror.update(workspace.served(), &built.updates)
            {
                report(Event::Problem(format!("{err:#}")));
            }
            report(Event::Built { changes, built });
        }
        Outcome::Failed(diagnostics) => {
            let mut diagnostics = diagnostics.clone();
            diagnostics::attach_source_lines(workspace.root(), &mut diagnostics);
            if let Some(overlay) = livereload::overlay(&diagnostics) {
                shared.publish_failed(overlay);
            }
            report(Event::Failed {
                changes,
                diagnostics: &diagnostics,
            });
        }
    }
}

/// The `--output` folder, kept equal to the last good build.
struct Mirror {
    dir: PathBuf,
    written: bool,
}

impl Mirror {
    fn new(dir: PathBuf) -> Self {
        Mirror {
            dir,
            written: false,
        }
    }

    /// Writes the whole site the first time (swapped in atomically), then
    /// only what changed.
    fn update(
        &mut self,
        served: &HashMap<String, Bytes>,
        updates: &[(String, Option<Bytes>)],
    ) -> anyhow::Result<()> {
        if !self.written {
            let staging = Staging::new(&self.dir)?;
            let sink = DiskSink::new(staging.dir());
            for (path, bytes) in served {
                sink.write(path, bytes).with_context(|| {
                    format!("cannot write `{}`", staging.dir().join(path).display())
                })?;
            }
            staging.commit()?;
            self.written = true;
            return Ok(());
        }
        let sink = DiskSink::new(&self.dir);
        for (path, bytes) in updates {
            let target = self.dir.join(path);
            match bytes {
                Some(bytes) => sink
                    .write(path, bytes)
                    .with_context(|| format!("cannot write `{}`", target.display()))?,
                // Folders emptied by the removal (a guide's, a browse
                // group's) go with it, as they would in a full build.
                None => output::remove_file(&self.dir, path)
                    .with_context(|| format!("cannot remove `{}`", target.display()))?,
            }
        }
        Ok(())
    }
}
