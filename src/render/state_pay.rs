//! Pay by state on a guide page: the rows of a sortable table and a
//! tile-grid map of the states drawn at build time as inline SVG (one
//! square per state in a grid that keeps their rough places; no map data,
//! no JavaScript). Each tile shows the state's code and a bar for its
//! median; a state where BLS published nothing has a dashed outline and a
//! dash.
//!
//! Like the other charts the map draws in `currentColor` and is styled by
//! classes: `cg-chart cg-chart--states` on the `<svg>` (its `use` elements
//! are the tiles, its `text` the labels), `cg-map__tile--none` on the tiles
//! of states with nothing published, `cg-map__tile--home` on the site's
//! home state, `cg-chart__bar`.

use std::fmt::Write as _;

use serde::Serialize;

use super::context::Formatter;
use super::site_files::escape_xml;
use crate::content::guide::{Guide, PayPeriod, Source};
use crate::data::oews::{Percentiles, Wage};
use crate::i18n::Args;

/// One state's row.
#[derive(Debug, Serialize)]
pub struct StateRowView {
    /// In the page's language (`Nueva York`).
    pub name: String,
    pub postal: &'static str,
    /// `$140,270`, `$239,200 or more`; none where not published.
    pub median: Option<String>,
    /// For sorting: the figure, or nothing.
    pub median_value: Option<f64>,
    pub entry: Option<String>,
    pub top: Option<String>,
    pub employment: Option<String>,
    pub employment_value: Option<f64>,
    /// The site's `region`.
    pub home: bool,
    /// What each figure column sorts on (median, 10th and 90th percentile,
    /// employment): the plain number (`124040`, `23.45`), empty where not
    /// published, so `$99,000` sorts below `$100,000` and gaps stay last.
    pub sort: [String; 4],
}

/// The pay-by-state section of a guide.
#[derive(Debug, Serialize)]
pub struct StatePayView<'a> {
    /// `per year` or `per hour`, in the page's language.
    pub period_label: String,
    /// `May 2025`.
    pub as_of: Option<String>,
    pub rows: Vec<StateRowView>,
    /// How many areas have no median published.
    pub unpublished: usize,
    /// The inline SVG map.
    pub map_html: String,
    /// The table's body rows as HTML (`<tr>…</tr>` each on its own line),
    /// what the default theme shows; `rows` hold the same figures for a
    /// theme that lays them out itself.
    pub rows_html: String,
    pub source: Option<&'a Source>,
}

/// The source id the state rows are cited by.
const SOURCE_ID: &str = crate::data::config::DatasetKind::StateWages.source_id();

/// The pay-by-state view of `guide`, when it has state rows.
pub fn view<'a>(guide: &'a Guide, formatter: &Formatter<'_>) -> Option<StatePayView<'a>> {
    let rows = guide.state_pay.as_ref()?;
    let (period, pick) = period_of(rows);
    let money = |w: Option<Wage>| w.map(|w| money(formatter, w, period));
    let home = formatter.config.region.map(|s| s.postal);
    // Every area, those the file has no row for included: a reader sees
    // that nothing was published there. In alphabetical order of the names
    // the page shows.
    let views: Vec<StateRowView> = formatter
        .states()
        .iter()
        .map(|(state, name)| {
            let record = rows
                .iter()
                .find(|(s, _)| s.postal == state.postal)
                .map(|(_, r)| r);
            let p = record.map(pick).copied().unwrap_or_default();
            let employment = record.and_then(|r| r.employment);
            let key = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
            let value = |w: Option<Wage>| w.map(|w| w.value);
            StateRowView {
                name: name.clone(),
                postal: state.postal,
                median: money(p.median),
                median_value: p.median.map(|w| w.value),
                entry: money(p.p10),
                top: money(p.p90),
                employment: employment.map(|e| formatter.style.integer(e as i64)),
                employment_value: employment,
                home: home == Some(state.postal),
                sort: [
                    key(value(p.median)),
                    key(value(p.p10)),
                    key(value(p.p90)),
                    key(employment),
                ],
            }
        })
        .collect();
    let source = guide.sources.iter().find(|s| s.id == SOURCE_ID);
    let as_of = guide
        .salary
        .as_ref()
        .and_then(|s| s.as_of)
        .map(|a| formatter.style.year_month(a.year, a.month));
    let unpublished =
        crate::data::states::STATES.len() - views.iter().filter(|r| r.median.is_some()).count();
    let period_label = formatter.period_label(period);
    let map_html = map(&guide.title, &views, &period_label, &guide.slug, formatter);
    let rows_html = rows_html(&views, &formatter.messages.plain("states-not-published"));
    Some(StatePayView {
        period_label,
        as_of,
        rows: views,
        unpublished,
        map_html,
        rows_html,
        source,
    })
}

/// The state table's rows as HTML. Written here rather than by a template
/// loop: 54 rows of 13 values each made the template most of a guide
/// page's rendering time.
fn rows_html(rows: &[StateRowView], not_published: &str) -> String {
    let mut html = String::with_capacity(rows.len() * 200);
    for row in rows {
        html.push_str(if row.home {
            "\n<tr class=\"state-pay-table__home\">"
        } else {
            "\n<tr>"
        });
        let _ = write!(html, "<th scope=\"row\">{}</th>", escape_xml(&row.name));
        let cells = [&row.median, &row.entry, &row.top, &row.employment];
        for (value, key) in cells.into_iter().zip(&row.sort) {
            let text = value.as_deref().unwrap_or(not_published);
            let _ = write!(html, "<td data-sort=\"{key}\">{}</td>", escape_xml(text));
        }
        html.push_str("</tr>");
    }
    html
}

type Pick = fn(&crate::data::oews::WageRecord) -> &Percentiles;

/// The period state figures are shown in: yearly where any state has
/// yearly figures, as the national pay does, else hourly.
fn period_of(rows: &crate::data::oews::StateRows) -> (PayPeriod, Pick) {
    if rows.iter().all(|(_, r)| r.annual.median.is_none()) {
        (PayPeriod::Hour, |r| &r.hourly)
    } else {
        (PayPeriod::Year, |r| &r.annual)
    }
}

/// `$140,270`, `$239,200 or more` (`pay-or-more`).
fn money(formatter: &Formatter<'_>, wage: Wage, period: PayPeriod) -> String {
    let text = formatter.style.money(wage.value, "USD", period);
    if wage.top_coded {
        formatter.text("pay-or-more", &Args::new().with("amount", text))
    } else {
        text
    }
}

/// The median of the site's home state (`region:`) for a listing row:
/// `$140,270 per year`, or `Not published`; `None` when the site has no
/// home state or no state data for the guide.
pub fn home_median(guide: &Guide, formatter: &Formatter<'_>) -> Option<String> {
    let home = formatter.config.region?;
    let rows = guide.state_pay.as_ref()?;
    let (period, pick) = period_of(rows);
    let median = rows
        .iter()
        .find(|(s, _)| s.postal == home.postal)
        .and_then(|(_, r)| pick(r).median);
    Some(match median {
        Some(w) => formatter.text(
            "pay-amount-per",
            &Args::new()
                .with("amount", money(formatter, w, period))
                .with("period", formatter.period_label(period)),
        ),
        None => formatter.messages.plain("states-not-published"),
    })
}

/// The Quick facts row for the site's home state (`region:`), shown
/// beside the national median.
pub fn home_fact(
    view: &super::context::GuideView<'_>,
    formatter: &Formatter<'_>,
) -> Option<super::context::Fact> {
    let state_pay = view.state_pay.as_ref()?;
    let home = state_pay.rows.iter().find(|r| r.home)?;
    let label = match &state_pay.as_of {
        Some(date) => formatter.text(
            "states-home-median-as-of",
            &Args::new()
                .with("state", home.name.as_str())
                .with("date", date),
        ),
        None => formatter.text(
            "states-home-median",
            &Args::new().with("state", home.name.as_str()),
        ),
    };
    Some(super::context::Fact {
        label,
        value: match &home.median {
            Some(median) => formatter.text(
                "pay-amount-per",
                &Args::new()
                    .with("amount", median)
                    .with("period", &state_pay.period_label),
            ),
            None => formatter.messages.plain("states-not-published"),
        },
        source: None,
    })
}

/// Tile size and gap, in SVG user units.
const TILE: f64 = 46.0;
const GAP: f64 = 4.0;

/// The tile-grid map. Every area of [`crate::data::states::STATES`] has a
/// tile; those without a row or a median are drawn as not published.
///
/// Weight matters (one map on every guide page): the tile outline is one
/// shape reused by `<use>`, and the attributes every tile shares are set
/// once on the `<svg>`. The accessible name stays short; the figures are
/// in the table beside the map, not repeated in the name.
fn map(
    title: &str,
    rows: &[StateRowView],
    period: &str,
    id: &str,
    formatter: &Formatter<'_>,
) -> String {
    let not_published = formatter.messages.plain("states-tile-not-published");
    let map_title = formatter.text(
        "states-map-title",
        &Args::new()
            .with("period", period)
            .with("title", title)
            .with("table", formatter.messages.plain("states-every-state")),
    );
    use crate::data::states::STATES;
    let max = rows
        .iter()
        .filter_map(|r| r.median_value)
        .fold(0.0_f64, f64::max);
    let cols = STATES.iter().map(|s| s.tile.1).max().unwrap_or(0) as f64 + 1.0;
    let lines = STATES.iter().map(|s| s.tile.0).max().unwrap_or(0) as f64 + 1.0;
    let width = cols * (TILE + GAP);
    let height = lines * (TILE + GAP);
    let id = format!("cg-states-{}", escape_xml(id));
    let mut tiles = String::new();
    for state in STATES.iter() {
        let row = rows.iter().find(|r| r.postal == state.postal);
        let (y, x) = (
            f64::from(state.tile.0) * (TILE + GAP),
            f64::from(state.tile.1) * (TILE + GAP),
        );
        let median = row.and_then(|r| r.median.as_deref());
        let home = row.is_some_and(|r| r.home);
        // Dashed outline: nothing published; thick outline: home state.
        let (class, outline) = match (median, home) {
            (None, _) => (" class=\"cg-map__tile--none\"", " stroke-dasharray=\"4 3\""),
            (Some(_), true) => (" class=\"cg-map__tile--home\"", " stroke-width=\"3\""),
            (Some(_), false) => ("", ""),
        };
        // The title is the tooltip; the label and bar sit on top of the
        // tile, so they are in its group for the pointer to find it.
        let _ = write!(
            tiles,
            "<g><title>{}</title><use href=\"#{id}-t\"{class}{outline} x=\"{x}\" y=\"{y}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>",
            escape_xml(&formatter.label_value(
                row.map_or(state.name, |r| r.name.as_str()),
                median.unwrap_or(&not_published),
            )),
            x + TILE / 2.0,
            y + 22.0,
            state.postal,
        );
        match row.and_then(|r| r.median_value) {
            Some(value) if max > 0.0 => {
                let full = TILE - 10.0;
                let bar = (value / max * full).max(2.0);
                let _ = write!(
                    tiles,
                    "<rect class=\"cg-chart__bar\" x=\"{}\" y=\"{}\" width=\"{bar:.1}\" height=\"10\"/>",
                    x + 5.0,
                    y + TILE - 15.0
                );
            }
            _ => {
                let _ = write!(
                    tiles,
                    "<text x=\"{}\" y=\"{}\">—</text>",
                    x + TILE / 2.0,
                    y + TILE - 7.0
                );
            }
        }
        tiles.push_str("</g>");
    }
    format!(
        "<svg class=\"cg-chart cg-chart--states\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         fill=\"currentColor\" font-size=\"17\" font-weight=\"600\" text-anchor=\"middle\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">{}</title>\
         <defs><rect id=\"{id}-t\" width=\"{TILE}\" height=\"{TILE}\" rx=\"3\" fill=\"none\" stroke=\"currentColor\" pointer-events=\"all\"/></defs>{tiles}</svg>",
        escape_xml(&map_title),
    )
}
