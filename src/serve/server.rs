//! The HTTP side of `serve` (axum on tokio): files from memory with ETags,
//! `index.html` for folders, the site's `404.html`, the live-reload events
//! endpoint, and a path check that refuses anything that could name a file
//! outside the site.

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::Stream;
use tokio::sync::{broadcast, watch};

use super::livereload::{self, EVENTS_PATH};

/// How many changed paths a `reload` event lists before it says "and more".
const MAX_LISTED: usize = 200;

/// One file as served.
#[derive(Debug, Clone)]
struct ServedFile {
    bytes: Bytes,
    /// A hash of `bytes`, for the ETag.
    hash: u64,
    /// Where the live-reload snippet goes, for HTML pages.
    snippet_at: Option<usize>,
}

impl ServedFile {
    fn new(path: &str, bytes: Bytes) -> Self {
        let snippet_at = is_html(path).then(|| livereload::insertion_point(&bytes));
        ServedFile {
            hash: hash_of(&bytes),
            bytes,
            snippet_at,
        }
    }
}

/// What the server shows: the last good build, and the errors of the last
/// rebuild if it failed.
#[derive(Debug, Default)]
struct SiteState {
    files: HashMap<String, ServedFile>,
    /// Bumped by each rebuild that changed output; pages carry it so that
    /// a page loaded before a rebuild reloads when it connects.
    generation: u64,
    /// The overlay markup while the last rebuild failed.
    overlay: Option<Arc<str>>,
    /// Whether any build has succeeded.
    built: bool,
    /// Files whose new bytes the rebuild is still working out.
    stale: Stale,
}

/// Output paths a rebuild's first phase left for its second: requests for
/// them wait until the second phase has published them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stale {
    pub paths: HashSet<String>,
    /// Folders (`categories/`) whose pages may come or go: every path
    /// below them is stale.
    pub folders: Vec<String>,
}

impl Stale {
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && self.folders.is_empty()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.paths.contains(path) || self.folders.iter().any(|f| path.starts_with(f.as_str()))
    }
}

/// A live-reload announcement: the SSE event name and its JSON data.
#[derive(Debug, Clone)]
struct Announcement {
    name: &'static str,
    data: String,
}

/// The state shared by the request handlers and the rebuild thread.
pub struct Shared {
    state: RwLock<SiteState>,
    events: broadcast::Sender<Arc<Announcement>>,
    shutdown: watch::Sender<bool>,
    /// Bumped on every change of `state`, for requests waiting on stale files.
    published: watch::Sender<u64>,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            state: RwLock::default(),
            events: broadcast::channel(64).0,
            shutdown: watch::channel(false).0,
            published: watch::channel(0).0,
        }
    }
}

impl Shared {
    /// Publishes a successful rebuild (or its first phase): its changed
    /// files replace the old, the overlay goes and open pages hear of it.
    /// Requests for `stale` files wait for the next publication.
    pub fn publish_built(&self, updates: &[(String, Option<Bytes>)], stale: Stale) {
        // Hash outside the lock so that requests are not held up.
        let prepared: Vec<(&str, Option<ServedFile>)> = updates
            .iter()
            .map(|(path, bytes)| {
                let file = bytes.as_ref().map(|b| ServedFile::new(path, b.clone()));
                (path.as_str(), file)
            })
            .collect();
        let pending = !stale.is_empty();
        let generation = {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            for (path, file) in prepared {
                match file {
                    Some(file) => state.files.insert(path.to_string(), file),
                    None => state.files.remove(path),
                };
            }
            if !updates.is_empty() || !state.built {
                state.generation += 1;
            }
            state.built = true;
            state.overlay = None;
            state.stale = stale;
            state.generation
        };
        self.published.send_modify(|n| *n += 1);
        let changed: Vec<&str> = updates
            .iter()
            .take(MAX_LISTED)
            .map(|(p, _)| p.as_str())
            .collect();
        let data = serde_json::json!({
            "generation": generation,
            "changed": changed,
            "complete": updates.len() <= MAX_LISTED,
            // Another `reload` follows with the rest of this rebuild.
            "pending": pending,
        });
        self.announce("reload", data.to_string());
    }

    /// Publishes a failed rebuild: the last good files stay, with `overlay`.
    pub fn publish_failed(&self, overlay: String) {
        let overlay: Arc<str> = Arc::from(overlay);
        {
            let mut state = self.state.write().unwrap_or_else(|e| e.into_inner());
            state.overlay = Some(overlay.clone());
            // Nothing more is coming: serve the last good bytes.
            state.stale = Stale::default();
        }
        self.published.send_modify(|n| *n += 1);
        let data = serde_json::json!({ "overlay": &*overlay });
        self.announce("errors", data.to_string());
    }

    /// Ends the event streams so that the server can stop.
    pub fn shut_down(&self) {
        self.shutdown.send_replace(true);
    }

    /// A future that completes once [`Shared::shut_down`] was called.
    pub fn stopped(&self) -> impl Future<Output = ()> + use<> {
        let mut receiver = self.shutdown.subscribe();
        async move {
            // An error means the sender is gone: stop as well.
            let _ = receiver.wait_for(|stop| *stop).await;
        }
    }

    fn announce(&self, name: &'static str, data: String) {
        // No subscriber is not an error: no page is open.
        let _ = self.events.send(Arc::new(Announcement { name, data }));
    }

    fn hello(&self) -> Event {
        let state = self.state.read().unwrap_or_else(|e| e.into_inner());
        let data = serde_json::json!({
            "generation": state.generation,
            "overlay": state.overlay.as_deref(),
        });
        Event::default().event("hello").data(data.to_string())
    }
}

/// The router: the events endpoint, and files for every other path.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .fallback(file)
        .with_state(shared)
}

/// `GET /__careergen/events`: a `hello` with the current state, then every
/// announcement, until the server stops.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // Subscribe before reading the state so that nothing falls in between.
    let receiver = shared.events.subscribe();
    let stop = shared.shutdown.subscribe();
    let hello = shared.hello();
    let stream = futures_util::stream::unfold(
        (Some(hello), receiver, stop, shared),
        |(first, mut receiver, mut stop, shared)| async move {
            if let Some(hello) = first {
                return Some((Ok(hello), (None, receiver, stop, shared)));
            }
            if *stop.borrow() {
                return None;
            }
            let event = tokio::select! {
                message = receiver.recv() => match message {
                    Ok(a) => Event::default().event(a.name).data(a.data.as_str()),
                    // Fell behind: the current state says all that matters.
                    Err(broadcast::error::RecvError::Lagged(_)) => shared.hello(),
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = stop.wait_for(|stop| *stop) => return None,
            };
            Some((Ok(event), (None, receiver, stop, shared)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Every path but the events endpoint.
async fn file(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return Response::builder()
            .status(StatusCode::METHOD_NOT_ALLOWED)
            .header(header::ALLOW, "GET, HEAD")
            .body(Body::empty())
            .unwrap_or_default();
    }
    let key = match request_key(uri.path()) {
        Ok(key) => key,
        Err(status) => return plain(status, "refused: not a path inside the site\n"),
    };
    let if_none_match = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    // Subscribe before looking, so that no publication falls in between.
    let mut published = shared.published.subscribe();
    loop {
        let response = {
            let state = shared.state.read().unwrap_or_else(|e| e.into_inner());
            respond(&state, &key, &uri, if_none_match.as_deref())
        };
        if let Some(response) = response {
            return response;
        }
        // The rebuild is still working this file out: wait for it.
        tokio::select! {
            changed = published.changed() => {
                if changed.is_err() {
                    return plain(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping\n");
                }
            }
            () = shared.stopped() => {
                return plain(StatusCode::SERVICE_UNAVAILABLE, "the server is stopping\n");
            }
        }
    }
}

/// The response for `key` from what is published, or `None` while the
/// file it resolves to (or the 404 page standing for it) is stale.
fn respond(
    state: &SiteState,
    key: &str,
    uri: &Uri,
    if_none_match: Option<&str>,
) -> Option<Response> {
    if !state.built {
        let snippet = livereload::snippet(state.generation, "", state.overlay.as_deref());
        let page = livereload::error_page(&snippet);
        return Some(with_headers(
            StatusCode::INTERNAL_SERVER_ERROR,
            "text/html; charset=utf-8",
            hash_of(page.as_bytes()),
            Bytes::from(page),
            None,
        ));
    }
    let resolved = resolve(&state.files, key);
    let target = match &resolved {
        Resolved::File(path) => path.clone(),
        Resolved::Folder => format!("{key}/index.html"),
        Resolved::NotFound => "404.html".to_string(),
    };
    // A page that is not there yet may be coming with the stale ones.
    let asked = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if state.stale.contains(&target) || state.stale.contains(&asked) {
        return None;
    }
    let (status, path) = match resolved {
        Resolved::File(path) => (StatusCode::OK, path),
        Resolved::Folder => {
            let mut location = format!("{}/", uri.path());
            if let Some(query) = uri.query() {
                location.push('?');
                location.push_str(query);
            }
            return Some(
                Response::builder()
                    .status(StatusCode::FOUND)
                    .header(header::LOCATION, location)
                    .header(header::CACHE_CONTROL, "no-cache")
                    .body(Body::empty())
                    .unwrap_or_default(),
            );
        }
        Resolved::NotFound if state.files.contains_key("404.html") => {
            (StatusCode::NOT_FOUND, "404.html".to_string())
        }
        Resolved::NotFound => return Some(plain(StatusCode::NOT_FOUND, "not found\n")),
    };
    let Some(file) = state.files.get(&path) else {
        return Some(plain(StatusCode::NOT_FOUND, "not found\n"));
    };
    let (bytes, hash) = match file.snippet_at {
        Some(at) => {
            let snippet = livereload::snippet(state.generation, &path, state.overlay.as_deref());
            let mut hasher = DefaultHasher::new();
            (file.hash, &snippet).hash(&mut hasher);
            let html = livereload::inject(&file.bytes, at, &snippet);
            (Bytes::from(html), hasher.finish())
        }
        None => (file.bytes.clone(), file.hash),
    };
    Some(with_headers(
        status,
        &content_type(&path),
        hash,
        bytes,
        if_none_match,
    ))
}

/// A response with the headers every file gets, or a 304 when the client's
/// copy is current.
fn with_headers(
    status: StatusCode,
    content_type: &str,
    hash: u64,
    bytes: Bytes,
    if_none_match: Option<&str>,
) -> Response {
    let etag = format!("\"{hash:016x}\"");
    let fresh =
        status == StatusCode::OK && if_none_match.is_some_and(|tags| etag_matches(tags, &etag));
    let builder = Response::builder()
        .header(header::CACHE_CONTROL, "no-cache")
        .header(header::ETAG, &etag)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    let response = if fresh {
        builder.status(StatusCode::NOT_MODIFIED).body(Body::empty())
    } else {
        builder
            .status(status)
            .header(
                header::CONTENT_TYPE,
                HeaderValue::from_str(content_type)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            )
            .body(Body::from(bytes))
    };
    response.unwrap_or_default()
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        text,
    )
        .into_response()
}

/// Whether an `If-None-Match` list names `etag` (weak comparison).
fn etag_matches(list: &str, etag: &str) -> bool {
    list.split(',')
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag == etag)
}

/// What a request path names.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    File(String),
    /// A folder asked for without its trailing slash: redirect.
    Folder,
    NotFound,
}

fn resolve(files: &HashMap<String, ServedFile>, key: &str) -> Resolved {
    let path = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if files.contains_key(&path) {
        Resolved::File(path)
    } else if !key.is_empty()
        && !key.ends_with('/')
        && files.contains_key(&format!("{key}/index.html"))
    {
        Resolved::Folder
    } else {
        Resolved::NotFound
    }
}

/// Turns the raw request path into a key of the site's files (`a/b.css`,
/// `a/` for a folder), refusing with 400 anything that could step outside
/// the site or means something else on some file system: `.` and `..`
/// segments (also percent-encoded), encoded slashes, backslashes, NUL and
/// other control characters, empty segments (`//etc`), drive letters and
/// malformed escapes.
fn request_key(raw: &str) -> Result<String, StatusCode> {
    let rest = raw.strip_prefix('/').ok_or(StatusCode::BAD_REQUEST)?;
    let segments: Vec<&str> = rest.split('/').collect();
    let last = segments.len() - 1;
    let mut decoded = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        if segment.is_empty() {
            if i == last {
                decoded.push(String::new());
                continue;
            }
            return Err(StatusCode::BAD_REQUEST);
        }
        let text = percent_decode(segment).ok_or(StatusCode::BAD_REQUEST)?;
        let refused = text == "."
            || text == ".."
            || text
                .chars()
                .any(|c| c == '/' || c == '\\' || c == ':' || c.is_control());
        if refused {
            return Err(StatusCode::BAD_REQUEST);
        }
        decoded.push(text);
    }
    Ok(decoded.join("/"))
}

/// Decodes `%XX` escapes; `None` for a malformed escape or text that is
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn is_html(path: &str) -> bool {
    path.ends_with(".html") || path.ends_with(".htm")
}

/// The `Content-Type` for `path`, with a charset for text.
fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "xml" | "atom+xml" | "rss+xml" | "svg+xml" | "manifest+json"
        );
    if textual {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_paths_inside_the_site_are_keys() {
        assert_eq!(request_key("/"), Ok(String::new()));
        assert_eq!(request_key("/a/"), Ok("a/".to_string()));
        assert_eq!(request_key("/a/b.css"), Ok("a/b.css".to_string()));
        assert_eq!(request_key("/caf%C3%A9/"), Ok("café/".to_string()));
        assert_eq!(request_key("/a%20b.txt"), Ok("a b.txt".to_string()));
    }

    #[test]
    fn traversal_and_odd_paths_are_refused() {
        for raw in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/secret",
            "/.%2e/secret",
            "/a%2f..%2f..%2fetc/passwd",
            "/a%2Fb",
            "/a\\..\\secret",
            "/a%5c..%5csecret",
            "/a%00.html",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/a/./b",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(request_key(raw), Err(StatusCode::BAD_REQUEST), "{raw}");
        }
    }

    #[test]
    fn folders_resolve_to_their_index_and_redirect_without_a_slash() {
        let mut files = HashMap::new();
        for path in ["index.html", "a/index.html", "style.css"] {
            files.insert(path.to_string(), ServedFile::new(path, Bytes::new()));
        }
        assert_eq!(resolve(&files, ""), Resolved::File("index.html".into()));
        assert_eq!(resolve(&files, "a/"), Resolved::File("a/index.html".into()));
        assert_eq!(resolve(&files, "a"), Resolved::Folder);
        assert_eq!(
            resolve(&files, "style.css"),
            Resolved::File("style.css".into())
        );
        assert_eq!(resolve(&files, "b/"), Resolved::NotFound);
    }

    fn page(html: &str) -> Option<Bytes> {
        Some(Bytes::from(format!("<html><body>{html}</body></html>")))
    }

    async fn get(shared: &Arc<Shared>, path: &str) -> String {
        let uri: Uri = path.parse().expect("a uri");
        let response = file(State(shared.clone()), Method::GET, uri, HeaderMap::new()).await;
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("a body");
        String::from_utf8_lossy(&body).into_owned()
    }

    #[tokio::test]
    async fn a_request_for_a_stale_file_waits_for_its_new_bytes() {
        let shared = Arc::new(Shared::default());
        let files = [
            ("index.html".to_string(), page("old home")),
            ("a/index.html".to_string(), page("new a")),
            ("404.html".to_string(), page("old 404")),
        ];
        let stale = Stale {
            paths: ["index.html".to_string(), "404.html".to_string()].into(),
            folders: vec!["categories/".to_string()],
        };
        shared.publish_built(&files, stale);
        // What is not stale is served at once.
        assert!(get(&shared, "/a/").await.contains("new a"));
        let home = tokio::spawn({
            let shared = shared.clone();
            async move { get(&shared, "/").await }
        });
        let coming = tokio::spawn({
            let shared = shared.clone();
            async move { get(&shared, "/categories/new/").await }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!home.is_finished() && !coming.is_finished());
        let rest = [
            ("index.html".to_string(), page("new home")),
            (
                "categories/new/index.html".to_string(),
                page("new category"),
            ),
        ];
        shared.publish_built(&rest, Stale::default());
        assert!(home.await.expect("the request").contains("new home"));
        assert!(coming.await.expect("the request").contains("new category"));
    }

    #[tokio::test]
    async fn a_failed_rebuild_serves_the_stale_files_as_they_were() {
        let shared = Arc::new(Shared::default());
        let stale = Stale {
            paths: ["index.html".to_string()].into(),
            folders: Vec::new(),
        };
        shared.publish_built(&[("index.html".to_string(), page("home"))], stale);
        let uri: Uri = "/".parse().expect("a uri");
        {
            let state = shared.state.read().expect("state");
            assert!(respond(&state, "", &uri, None).is_none(), "stale: waits");
        }
        shared.publish_failed("<div>errors</div>".to_string());
        // The old page's bytes, with the overlay injected before `</body>`.
        let served = get(&shared, "/").await;
        assert!(served.starts_with("<html><body>home"), "{served}");
        assert!(served.ends_with("</body></html>"), "{served}");
        assert!(served.contains("<div>errors</div>"), "{served}");
    }

    #[test]
    fn content_types_carry_a_charset_for_text() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("logo.png"), "image/png");
        assert_eq!(content_type("sitemap.xml"), "text/xml; charset=utf-8");
        assert_eq!(content_type("blob"), "application/octet-stream");
    }

    #[test]
    fn etags_match_weakly_and_in_lists() {
        assert!(etag_matches("\"a\"", "\"a\""));
        assert!(etag_matches("W/\"a\", \"b\"", "\"a\""));
        assert!(etag_matches("*", "\"a\""));
        assert!(!etag_matches("\"b\"", "\"a\""));
    }
}
