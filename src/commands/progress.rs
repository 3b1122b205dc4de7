//! A spinner on stderr for builds that take more than a second, counting the
//! files rendered. The library never prints: it only writes into a sink, and
//! [`CountingSink`] is how this module sees the build move.

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use careergen::output::Sink;
use indicatif::{ProgressBar, ProgressStyle};

/// How long a build runs before the spinner shows.
const DELAY: Duration = Duration::from_secs(1);

/// A spinner that appears after [`DELAY`] and goes away on [`Progress::finish`].
pub struct Progress {
    files: Arc<AtomicUsize>,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts the clock; the spinner, labelled `label`, shows only when
    /// stderr is a terminal and output is not quiet.
    pub fn start(label: &'static str) -> Self {
        let files = Arc::new(AtomicUsize::new(0));
        let wanted = !super::quiet()
            && io::stderr().is_terminal()
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        if !wanted {
            return Progress {
                files,
                stop: None,
                thread: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let counter = Arc::clone(&files);
        let thread = thread::spawn(move || {
            if stopped.recv_timeout(DELAY) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            // Count the second already waited in the time shown.
            let spinner = ProgressBar::new_spinner().with_elapsed(DELAY);
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
                spinner.set_style(style);
            }
            loop {
                let files = counter.load(Ordering::Relaxed);
                let plural = super::plural(files);
                spinner.set_message(format!("{label}: {files} file{plural} rendered"));
                spinner.tick();
                match stopped.recv_timeout(Duration::from_millis(100)) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => break,
                }
            }
            spinner.finish_and_clear();
        });
        Progress {
            files,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Wraps `sink` so that every file written moves the count.
    pub fn sink<'a>(&'a self, sink: &'a dyn Sink) -> CountingSink<'a> {
        CountingSink {
            inner: sink,
            files: &self.files,
        }
    }

    /// Removes the spinner, before anything else is printed.
    pub fn finish(mut self) {
        self.stop_thread();
    }

    fn stop_thread(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop_thread();
    }
}

/// A sink that counts the files passing through to another.
pub struct CountingSink<'a> {
    inner: &'a dyn Sink,
    files: &'a AtomicUsize,
}

impl Sink for CountingSink<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.inner.write(path, bytes)
    }
}
