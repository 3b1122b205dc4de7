//! What `serve` adds to pages, and only in `serve`: a small script that
//! listens on [`EVENTS_PATH`] (Server-Sent Events) and reloads the page, or
//! swaps its stylesheets, after a rebuild; and the error overlay shown while
//! the last change does not build.

use crate::diagnostics::Diagnostic;
use crate::render::site_files::escape_xml;

/// The Server-Sent Events endpoint the script connects to.
pub const EVENTS_PATH: &str = "/__careergen/events";

/// The element id of the error overlay.
pub const OVERLAY_ID: &str = "careergen-overlay";

/// The attribute on the injected script, so that tests can strip it.
pub const SCRIPT_MARKER: &str = "data-careergen-livereload";

/// Reloads on `reload` events that concern this page (keeping the scroll
/// position): the page itself changed, or a script, data file or image
/// the page loaded (a rebuild's second phase often changes the search
/// data, which only the pages that fetched it need again). Swaps
/// stylesheets when only CSS changed, and shows or hides the overlay sent
/// with `hello` and `errors` events. A page whose build generation is
/// older than the server's reloads when it connects, so no rebuild is
/// missed between loading the page and connecting.
const SCRIPT: &str = r#"(function () {
  var me = document.currentScript;
  var generation = Number(me.getAttribute('data-generation'));
  var page = me.getAttribute('data-page');
  var key = 'careergen-scroll:' + location.pathname;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved) {
      sessionStorage.removeItem(key);
      var xy = JSON.parse(saved);
      var restore = function () { window.scrollTo(xy[0], xy[1]); };
      if (document.readyState === 'complete') restore(); else window.addEventListener('load', restore);
    }
  } catch (e) {}
  function reload() {
    try { sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) {}
    location.reload();
  }
  function overlay(html) {
    var old = document.getElementById('careergen-overlay');
    if (old) old.remove();
    if (html) (document.body || document.documentElement).insertAdjacentHTML('beforeend', html);
  }
  function swapCss() {
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href, location.href);
      url.searchParams.set('careergen', String(Date.now()));
      var next = link.cloneNode();
      next.href = url.href;
      next.addEventListener('load', function () { link.remove(); });
      next.addEventListener('error', function () { link.remove(); });
      link.after(next);
    });
  }
  function loaded(path) {
    var entries = performance.getEntriesByType('resource');
    // A full buffer may have dropped entries: assume the page used it.
    if (entries.length >= 250) return true;
    return entries.some(function (entry) {
      try { return decodeURIComponent(new URL(entry.name).pathname) === '/' + path; } catch (e) { return true; }
    });
  }
  var source = new EventSource('/__careergen/events');
  source.addEventListener('hello', function (e) {
    var data = JSON.parse(e.data);
    if (data.generation !== generation) { reload(); return; }
    overlay(data.overlay);
  });
  source.addEventListener('errors', function (e) {
    overlay(JSON.parse(e.data).overlay);
  });
  source.addEventListener('reload', function (e) {
    var data = JSON.parse(e.data);
    overlay(null);
    if (data.generation <= generation) return;
    var mine = !page || !data.complete || data.changed.some(function (path) {
      return path === page || (!/\.(html|css)$/.test(path) && loaded(path));
    });
    var css = data.changed.some(function (path) { return /\.css$/.test(path); });
    if (mine) { reload(); return; }
    generation = data.generation;
    if (css) swapCss();
  });
})();"#;

/// The markup added before `</body>`: the overlay when the last rebuild
/// failed, then the script. `page` is the output path served (`a/index.html`).
pub fn snippet(generation: u64, page: &str, overlay: Option<&str>) -> String {
    format!(
        "{}<script {SCRIPT_MARKER} data-generation=\"{generation}\" data-page=\"{}\">{SCRIPT}</script>",
        overlay.unwrap_or(""),
        escape_xml(page)
    )
}

/// Where the snippet goes in `html`: before the last `</body>`, or at the end.
pub fn insertion_point(html: &[u8]) -> usize {
    const TAG: &[u8] = b"</body>";
    html.windows(TAG.len())
        .rposition(|w| w.eq_ignore_ascii_case(TAG))
        .unwrap_or(html.len())
}

/// `html` with `snippet` inserted at `at`.
pub fn inject(html: &[u8], at: usize, snippet: &str) -> Vec<u8> {
    let at = at.min(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The overlay listing `diagnostics` (errors only) as the terminal shows
/// them, with code frames. `None` when there is no error.
pub fn overlay(diagnostics: &[Diagnostic]) -> Option<String> {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        return None;
    }
    let mut items = String::new();
    for diagnostic in &errors {
        items.push_str(&format!(
            "<li style=\"margin:0 0 12px\"><pre style=\"margin:0;white-space:pre-wrap;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#f5f5f5\">{}</pre></li>",
            escape_xml(diagnostic.render(false).trim_end())
        ));
    }
    let count = errors.len();
    let plural = if count == 1 { "" } else { "s" };
    Some(format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#f5f5f5;padding:24px 28px;font:15px/1.5 system-ui,sans-serif;text-align:left\">\
<p style=\"margin:0 0 6px;font-weight:700;color:#ff8a80\">careergen: the last change does not build ({count} error{plural})</p>\
<p style=\"margin:0 0 16px;color:#bbb\">Showing the last good version of the site. This goes away once the errors are fixed.</p>\
<ul style=\"list-style:none;margin:0;padding:0\">{items}</ul></div>"
    ))
}

/// The page served for every path while no build has succeeded yet.
pub fn error_page(snippet: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>careergen: build failed</title></head><body>{snippet}</body></html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_goes_before_the_last_body_end() {
        let html = b"<html><body><p>a</p></BODY></html>";
        let at = insertion_point(html);
        let out = inject(html, at, "<s>");
        assert_eq!(out, b"<html><body><p>a</p><s></BODY></html>");
        assert_eq!(insertion_point(b"no body"), 7);
    }

    #[test]
    fn the_overlay_escapes_and_lists_errors_only() {
        let diagnostics = vec![
            Diagnostic::error("content/a.md", "expected <b>").with_field("title"),
            Diagnostic::warning("content/b.md", "hmm"),
        ];
        let html = overlay(&diagnostics).expect("an overlay");
        assert!(html.contains("content/a.md: error: title: expected &lt;b&gt;"));
        assert!(!html.contains("content/b.md"));
        assert!(html.contains("1 error)"));
        assert_eq!(overlay(&diagnostics[1..]), None);
    }
}
