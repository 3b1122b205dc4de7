//! Pay by state on a guide page: the rows of a sortable table and a
//! tile-grid map of the states drawn at build time as inline SVG (one
//! square per state in a grid that keeps their rough places; no map data,
//! no JavaScript). Each tile shows the state's code and a bar for its
//! median; a state where BLS published nothing has a dashed outline and a
//! dash.
//!
//! Like the other charts the map draws in `currentColor` and is styled by
//! classes: `cg-chart cg-chart--states` on the `<svg>`, `cg-map__tile`
//! (`cg-map__tile--none` for states with nothing published,
//! `cg-map__tile--home` for the site's home state), `cg-chart__bar`,
//! `cg-chart__label`.

use std::fmt::Write as _;

use serde::Serialize;

use super::context::Formatter;
use super::site_files::escape_xml;
use crate::content::guide::{Guide, PayPeriod, Source};
use crate::data::oews::{Percentiles, Wage};

/// One state's row.
#[derive(Debug, Serialize)]
pub struct StateRowView {
    pub name: &'static str,
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
}

/// The pay-by-state section of a guide.
#[derive(Debug, Serialize)]
pub struct StatePayView<'a> {
    /// `per year` or `per hour`.
    pub period_label: &'static str,
    /// `May 2025`.
    pub as_of: Option<String>,
    pub rows: Vec<StateRowView>,
    /// How many areas have no median published.
    pub unpublished: usize,
    /// The inline SVG map.
    pub map_html: String,
    pub source: Option<&'a Source>,
}

/// The source id the state rows are cited by.
const SOURCE_ID: &str = crate::data::config::DatasetKind::StateWages.source_id();

/// The pay-by-state view of `guide`, when it has state rows.
pub fn view<'a>(guide: &'a Guide, formatter: &Formatter<'_>) -> Option<StatePayView<'a>> {
    let rows = guide.state_pay.as_ref()?;
    // Yearly where any state has yearly figures, as the national pay does.
    let hourly = rows.iter().all(|(_, r)| r.annual.median.is_none());
    let (period, pick): (
        PayPeriod,
        fn(&crate::data::oews::WageRecord) -> &Percentiles,
    ) = if hourly {
        (PayPeriod::Hour, |r| &r.hourly)
    } else {
        (PayPeriod::Year, |r| &r.annual)
    };
    let money = |w: Option<Wage>| {
        w.map(|w| {
            let text = formatter.style.money(w.value, "USD", period);
            if w.top_coded {
                format!("{text} or more")
            } else {
                text
            }
        })
    };
    let home = formatter.config.region.map(|s| s.postal);
    // Every area, those the file has no row for included: a reader sees
    // that nothing was published there.
    let views: Vec<StateRowView> = crate::data::states::STATES
        .iter()
        .map(|state| {
            let record = rows
                .iter()
                .find(|(s, _)| s.postal == state.postal)
                .map(|(_, r)| r);
            let p = record.map(pick).copied().unwrap_or_default();
            let employment = record.and_then(|r| r.employment);
            StateRowView {
                name: state.name,
                postal: state.postal,
                median: money(p.median),
                median_value: p.median.map(|w| w.value),
                entry: money(p.p10),
                top: money(p.p90),
                employment: employment.map(|e| formatter.style.integer(e as i64)),
                employment_value: employment,
                home: home == Some(state.postal),
            }
        })
        .collect();
    let source = guide.sources.iter().find(|s| s.id == SOURCE_ID);
    let as_of = guide
        .salary
        .as_ref()
        .and_then(|s| s.as_of)
        .map(|a| a.display());
    let unpublished =
        crate::data::states::STATES.len() - views.iter().filter(|r| r.median.is_some()).count();
    let map_html = map(&guide.title, &views, period.label(), &guide.slug);
    Some(StatePayView {
        period_label: period.label(),
        as_of,
        rows: views,
        unpublished,
        map_html,
        source,
    })
}

/// The Quick facts row for the site's home state (`region:`), shown
/// beside the national median.
pub fn home_fact(view: &super::context::GuideView<'_>) -> Option<super::context::Fact> {
    let state_pay = view.state_pay.as_ref()?;
    let home = state_pay.rows.iter().find(|r| r.home)?;
    let as_of = state_pay
        .as_of
        .as_ref()
        .map_or(String::new(), |a| format!(" ({a})"));
    Some(super::context::Fact {
        label: format!("Median pay in {}{as_of}", home.name),
        value: match &home.median {
            Some(median) => format!("{median} {}", state_pay.period_label),
            None => "Not published".to_string(),
        },
    })
}

/// Tile size and gap, in SVG user units.
const TILE: f64 = 46.0;
const GAP: f64 = 4.0;

/// The tile-grid map. Every area of [`crate::data::states::STATES`] has a
/// tile; those without a row or a median are drawn as not published.
fn map(title: &str, rows: &[StateRowView], period: &str, id: &str) -> String {
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
    let mut described = Vec::new();
    let mut tiles = String::new();
    for state in STATES.iter() {
        let row = rows.iter().find(|r| r.postal == state.postal);
        let (y, x) = (
            f64::from(state.tile.0) * (TILE + GAP),
            f64::from(state.tile.1) * (TILE + GAP),
        );
        let median = row.and_then(|r| r.median.as_deref());
        let home = row.is_some_and(|r| r.home);
        let figure = median.unwrap_or("not published");
        described.push(format!("{}: {figure}", state.name));
        let class = match (median, home) {
            (None, _) => "cg-map__tile cg-map__tile--none",
            (Some(_), true) => "cg-map__tile cg-map__tile--home",
            (Some(_), false) => "cg-map__tile",
        };
        let dash = if median.is_none() {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        let stroke = if home { "2.5" } else { "1" };
        let _ = write!(
            tiles,
            "<g class=\"{class}\"><title>{}: {}</title>\
             <rect x=\"{x}\" y=\"{y}\" width=\"{TILE}\" height=\"{TILE}\" rx=\"3\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"{stroke}\"{dash}/>\
             <text class=\"cg-chart__label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"currentColor\">{}</text>",
            escape_xml(state.name),
            escape_xml(figure),
            x + TILE / 2.0,
            y + 17.0,
            state.postal,
        );
        match row.and_then(|r| r.median_value) {
            Some(value) if max > 0.0 => {
                let full = TILE - 12.0;
                let bar = (value / max * full).max(2.0);
                let _ = write!(
                    tiles,
                    "<rect class=\"cg-chart__bar\" x=\"{}\" y=\"{}\" width=\"{bar:.1}\" height=\"10\" fill=\"currentColor\" fill-opacity=\"0.55\"/>",
                    x + 6.0,
                    y + TILE - 16.0
                );
            }
            _ => {
                let _ = write!(
                    tiles,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"currentColor\">—</text>",
                    x + TILE / 2.0,
                    y + TILE - 7.0
                );
            }
        }
        tiles.push_str("</g>");
    }
    format!(
        "<svg class=\"cg-chart cg-chart--states\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"{id}-title\">Median pay {period} by state for {}; the bar in each state grows with its median; dashed states have no published figure</title>\
         <desc id=\"{id}-desc\">{}</desc>{tiles}</svg>",
        escape_xml(title),
        escape_xml(&described.join("; ")),
    )
}
