//! Charts drawn at build time as inline SVG, with no JavaScript: a guide's
//! pay range, its job outlook beside the average for all occupations, and
//! median pay across guides for the All-careers page.
//!
//! Every chart is `role="img"` with `aria-labelledby` naming its own
//! `<title>` and `<desc>`; the ids come from the caller's `id`, so two charts
//! on one page never share one. Every figure is written as text inside the
//! chart and again in the `<desc>`, using the very strings the page shows
//! (the [`PayView`] figures, the [`NumberStyle`] of the site), so a chart can
//! never disagree with the table beside it.
//!
//! # Styling
//!
//! Charts carry no colours of their own: shapes and text are drawn in
//! `currentColor`, so without any CSS they follow the text colour of the
//! page (and print black on white). Themes colour them through these
//! classes, typically with custom properties that change under
//! `prefers-color-scheme: dark` and `@media print`:
//!
//! | class | on | meaning |
//! |---|---|---|
//! | `cg-chart` | `<svg>` | every chart; give it `display:block; width:100%; height:auto; max-width:…` |
//! | `cg-chart--pay`, `cg-chart--outlook`, `cg-chart--median-pay` | `<svg>` | which chart |
//! | `cg-chart__bar` | `<rect>` | a bar (presentation fallback: `currentColor` at 55 % opacity) |
//! | `cg-chart__bar--highlight` | `<rect>` | the bar that matters most: the median, this occupation (fallback: full opacity) |
//! | `cg-chart__more` | `<path>` | the open end of a top-coded bar ("or more") |
//! | `cg-chart__axis` | `<line>` | the zero line of the outlook chart |
//! | `cg-chart__label` | `<text>` | a row's name |
//! | `cg-chart__value` | `<text>` | a row's figure |
//!
//! A theme might write:
//!
//! ```css
//! .cg-chart { display: block; width: 100%; max-width: 36rem; height: auto; color: var(--text); }
//! .cg-chart__bar { fill: var(--chart-bar); fill-opacity: 1; }
//! .cg-chart__bar--highlight { fill: var(--chart-accent); }
//! .cg-chart__more { stroke: var(--chart-bar); }
//! ```

use std::fmt::Write as _;

use super::format::NumberStyle;
use super::pay::PayView;
use super::site_files::escape_xml;
use crate::config::SiteConfig;
use crate::content::guide::{Guide, PayPeriod};
use crate::i18n::{Args, Messages};

/// Font size of chart text, in SVG user units.
const FONT: f64 = 14.0;
/// Height of one row: a text line, then its bar.
const ROW: f64 = 44.0;
/// Where a row's bar starts below the row's top.
const BAR_TOP: f64 = 22.0;
const BAR_HEIGHT: f64 = 14.0;

/// The pay-range chart for a guide: one bar per known figure (entry or 10th
/// percentile, 25th, median, 75th, top or 90th), each labelled with the
/// figure as the page writes it; a top-coded top bar is drawn open-ended.
/// `None` when no pay figure is known.
pub fn pay_range(
    occupation: &str,
    pay: &PayView<'_>,
    id: &str,
    messages: &Messages,
) -> Option<String> {
    let max = pay.figures.iter().map(|f| f.amount).fold(0.0, f64::max);
    if pay.figures.is_empty() {
        return None;
    }
    let width = 400.0;
    // A top-coded maximum is a floor, not the end: leave room to show "more".
    let full = if pay.top_coded { width * 0.85 } else { width };
    let scale = |amount: f64| if max > 0.0 { amount / max * full } else { 0.0 };
    let rows: Vec<Row> = pay
        .figures
        .iter()
        .map(|figure| Row {
            label: figure.label.to_string(),
            value: figure.value.clone(),
            from: 0.0,
            to: scale(figure.amount),
            highlight: figure.key == "median",
            open_end: figure.key == "top" && pay.top_coded,
        })
        .collect();
    let title = messages.text(
        "chart-pay-title",
        &Args::new()
            .with("occupation", occupation)
            .with("period", pay.period_label.as_str()),
    );
    let desc = format!(
        "{}{}.",
        sentence_list(&rows, messages),
        if pay.percentile_basis {
            format!(" {}", messages.plain("chart-pay-percentiles"))
        } else {
            String::new()
        }
    );
    Some(draw("pay", id, width, &title, &desc, &rows, None))
}

/// The figures of an outlook chart.
#[derive(Debug, Clone)]
pub struct OutlookFigures<'a> {
    /// The occupation, as it heads its row (`Account manager`).
    pub occupation: &'a str,
    pub growth: f64,
    /// The growth as the page writes it (`4%`).
    pub growth_text: String,
    /// The average for all occupations over the period, and its text.
    pub average: Option<(f64, String)>,
    /// `2024–34`.
    pub period: Option<String>,
}

impl<'a> OutlookFigures<'a> {
    /// The figures of `guide`'s outlook, formatted as its page formats them;
    /// the average comes from `projections.periods[].average_growth` for the
    /// guide's period. `None` without a growth figure.
    pub fn of(guide: &'a Guide, config: &SiteConfig, style: &NumberStyle) -> Option<Self> {
        let outlook = guide.outlook.as_ref()?;
        let growth = outlook.growth_percent?;
        let average = outlook
            .period
            .and_then(|p| config.projections.period(&p))
            .and_then(|bands| bands.average_growth)
            .map(|a| (a, style.percent(a)));
        Some(OutlookFigures {
            occupation: &guide.title,
            growth,
            growth_text: style.percent(growth),
            average,
            period: outlook.period.map(|p| p.short()),
        })
    }
}

/// The outlook chart: this occupation's projected growth beside the average
/// for all occupations, bars running right for growth and left for decline
/// from a zero line.
pub fn outlook(figures: &OutlookFigures<'_>, id: &str, messages: &Messages) -> String {
    let width = 400.0;
    let mut values = vec![(
        figures.occupation.to_string(),
        figures.growth,
        figures.growth_text.clone(),
        true,
    )];
    if let Some((average, text)) = &figures.average {
        values.push((
            messages.plain("chart-all-occupations"),
            *average,
            text.clone(),
            false,
        ));
    }
    let lo = values.iter().map(|v| v.1).fold(0.0, f64::min);
    let mut hi = values.iter().map(|v| v.1).fold(0.0, f64::max);
    if hi <= lo {
        hi = lo + 1.0;
    }
    let scale = |v: f64| (v - lo) / (hi - lo) * width;
    let rows: Vec<Row> = values
        .into_iter()
        .map(|(label, value, text, highlight)| Row {
            label,
            value: text,
            from: scale(value.min(0.0)),
            to: scale(value.max(0.0)),
            highlight,
            open_end: false,
        })
        .collect();
    let title = match figures.period.as_deref() {
        Some(period) => messages.text(
            "chart-outlook-title-in",
            &Args::new().with("period", period),
        ),
        None => messages.plain("chart-outlook-title"),
    };
    let desc = format!("{}.", sentence_list(&rows, messages));
    draw("outlook", id, width, &title, &desc, &rows, Some(scale(0.0)))
}

/// One bar of the median-pay chart.
#[derive(Debug, Clone)]
pub struct MedianBar<'a> {
    pub title: &'a str,
    pub amount: f64,
    /// The median as the guide's card writes it (`$75,500`).
    pub value: String,
}

/// The bars for the median-pay chart: every guide whose median is in the
/// site's currency and default pay period (figures per hour and per year
/// cannot share an axis), highest first, ties by title.
pub fn median_bars<'a>(
    guides: impl IntoIterator<Item = &'a Guide>,
    config: &SiteConfig,
    style: &NumberStyle,
) -> Vec<MedianBar<'a>> {
    let mut bars: Vec<MedianBar<'a>> = guides
        .into_iter()
        .filter_map(|guide| {
            let salary = guide.salary.as_ref()?;
            let median = salary.median?;
            (salary.period == config.salary_period && salary.currency == config.currency).then(
                || MedianBar {
                    title: &guide.title,
                    amount: median,
                    value: style.money(median, &salary.currency, salary.period),
                },
            )
        })
        .collect();
    bars.sort_by(|a, b| {
        b.amount
            .total_cmp(&a.amount)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
    });
    bars
}

/// The most bands the median-pay distribution is cut into.
pub const MAX_BANDS: usize = 12;

/// One band of the median-pay distribution: the guides whose median is at
/// least `from` and under `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct PayBand {
    pub from: f64,
    pub to: f64,
    /// How many guides' medians fall in the band.
    pub count: usize,
}

/// The median-pay distribution of `bars`: bands of one width, the
/// smallest of 1, 2, 2.5 and 5 times a power of ten that covers the range
/// in at most [`MAX_BANDS`] bands, from the band of the lowest median to
/// that of the highest (empty bands between them kept, so the shape is
/// true). Empty when there are no bars.
pub fn pay_bands(bars: &[MedianBar<'_>]) -> Vec<PayBand> {
    let Some(lo) = bars.iter().map(|b| b.amount).reduce(f64::min) else {
        return Vec::new();
    };
    let hi = bars.iter().map(|b| b.amount).fold(lo, f64::max);
    let width = band_width(lo, hi);
    let first = (lo / width).floor();
    let last = (hi / width).floor();
    let count = (last - first) as usize + 1;
    let mut bands: Vec<PayBand> = (0..count)
        .map(|k| PayBand {
            from: (first + k as f64) * width,
            to: (first + k as f64 + 1.0) * width,
            count: 0,
        })
        .collect();
    for bar in bars {
        let k = ((bar.amount / width).floor() - first) as usize;
        if let Some(band) = bands.get_mut(k.min(count - 1)) {
            band.count += 1;
        }
    }
    bands
}

/// The width of the bands for medians from `lo` to `hi`.
fn band_width(lo: f64, hi: f64) -> f64 {
    let mut power = 0.01;
    loop {
        for step in [1.0, 2.0, 2.5, 5.0] {
            let width = step * power;
            let bands = (hi / width).floor() - (lo / width).floor() + 1.0;
            if bands <= MAX_BANDS as f64 {
                return width;
            }
        }
        power *= 10.0;
    }
}

/// The All-careers chart: how many guides' median pay falls in each band,
/// one bar per band labelled with its range and count, in the words of
/// `messages` (`chart-median-pay-*`). `None` without bands.
pub fn median_pay_distribution(
    bands: &[PayBand],
    style: &NumberStyle,
    currency: &str,
    period: PayPeriod,
    id: &str,
    messages: &Messages,
) -> Option<String> {
    let most = bands.iter().map(|b| b.count).max()?;
    let width = 400.0;
    let money = |amount: f64| style.money(amount, currency, period);
    let rows: Vec<Row> = bands
        .iter()
        .map(|band| Row {
            label: messages.text(
                "chart-median-pay-band",
                &Args::new()
                    .with("from", money(band.from))
                    .with("to", money(band.to)),
            ),
            value: messages.text(
                "chart-median-pay-count",
                &Args::new()
                    .with("count", band.count)
                    .with("shown", style.integer(band.count as i64)),
            ),
            from: 0.0,
            to: if most > 0 {
                band.count as f64 / most as f64 * width
            } else {
                0.0
            },
            highlight: false,
            open_end: false,
        })
        .collect();
    let period_label = messages.plain(&format!("pay-per-{}", period.name()));
    let title = messages.text(
        "chart-median-pay-title",
        &Args::new().with("period", period_label),
    );
    let desc = format!("{}.", sentence_list(&rows, messages));
    Some(draw("median-pay", id, width, &title, &desc, &rows, None))
}
/// One labelled bar, in user units along the chart's width.
struct Row {
    label: String,
    value: String,
    from: f64,
    to: f64,
    highlight: bool,
    open_end: bool,
}

/// "Median: $75,500; Top earners: $160,500 or more", punctuated as the
/// language of `messages` does (`chart-label-value`, `chart-list-separator`).
fn sentence_list(rows: &[Row], messages: &Messages) -> String {
    rows.iter()
        .map(|r| {
            messages.text(
                "chart-label-value",
                &Args::new()
                    .with("label", r.label.as_str())
                    .with("value", r.value.as_str()),
            )
        })
        .collect::<Vec<_>>()
        .join(&messages.plain("chart-list-separator"))
}

/// Draws rows of "label … value" over a bar each.
fn draw(
    kind: &str,
    id: &str,
    width: f64,
    title: &str,
    desc: &str,
    rows: &[Row],
    zero: Option<f64>,
) -> String {
    let height = rows.len() as f64 * ROW;
    let mut svg = String::with_capacity(512 + rows.len() * 400);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cg-chart cg-chart--{kind}\" \
         viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        num(width),
        num(height),
        escape_xml(title),
        escape_xml(desc),
    );
    let _ = write!(
        svg,
        "<g fill=\"currentColor\" font-size=\"{}\" font-family=\"inherit\">",
        num(FONT)
    );
    for (i, row) in rows.iter().enumerate() {
        let top = i as f64 * ROW;
        let baseline = top + FONT;
        let _ = write!(
            svg,
            "<text class=\"cg-chart__label\" x=\"0\" y=\"{}\">{}</text>\
             <text class=\"cg-chart__value\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-weight=\"bold\">{}</text>",
            num(baseline),
            escape_xml(&row.label),
            num(width),
            num(baseline),
            escape_xml(&row.value),
        );
        let bar_y = top + BAR_TOP;
        // A zero-length bar still shows as a sliver, so "0%" has a mark.
        let bar_width = (row.to - row.from).max(1.5);
        let (class, opacity) = if row.highlight {
            ("cg-chart__bar cg-chart__bar--highlight", "1")
        } else {
            ("cg-chart__bar", "0.55")
        };
        let _ = write!(
            svg,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill-opacity=\"{opacity}\"/>",
            num(row.from.min(width - bar_width)),
            num(bar_y),
            num(bar_width),
            num(BAR_HEIGHT),
        );
        if row.open_end {
            let mid = bar_y + BAR_HEIGHT / 2.0;
            let _ = write!(
                svg,
                "<path class=\"cg-chart__more\" d=\"M{} {}H{}m-6 -5l6 5l-6 5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"4 3\" stroke-opacity=\"0.55\"/>",
                num(row.to + 2.0),
                num(mid),
                num(width - 1.0),
            );
        }
    }
    if let Some(x) = zero {
        // The zero line, drawn beside each bar only so it never crosses a label.
        let x = num(x.clamp(0.5, width - 0.5));
        for i in 0..rows.len() {
            let bar_y = i as f64 * ROW + BAR_TOP;
            let _ = write!(
                svg,
                "<line class=\"cg-chart__axis\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"1\"/>",
                num(bar_y - 3.0),
                num(bar_y + BAR_HEIGHT + 3.0),
            );
        }
    }
    svg.push_str("</g></svg>");
    svg
}

/// A coordinate with at most one decimal, without a trailing `.0`.
fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, minimal};

    #[test]
    fn outlook_chart_sets_growth_beside_the_average() {
        let config = config();
        let guide = minimal("a", "Account manager", "outlook: { growth_percent: 4 }");
        let style = NumberStyle::for_language("en");
        let figures = OutlookFigures::of(&guide, &config, &style).expect("figures");
        let svg = outlook(
            &figures,
            "outlook-chart",
            &crate::i18n::builtin_messages("en"),
        );
        assert!(svg.contains("Projected employment growth, 2024–34"));
        assert!(svg.contains(">Account manager<"));
        assert!(svg.contains(">4%<"));
        assert!(svg.contains(">All occupations<"));
        assert!(svg.contains(">3%<"));
        assert!(svg.contains("cg-chart__axis"));
        assert!(svg.contains("aria-labelledby=\"outlook-chart-title outlook-chart-desc\""));
    }

    #[test]
    fn declining_outlook_runs_left_of_zero() {
        let config = config();
        let guide = minimal("a", "Typist", "outlook: { growth_percent: -9 }");
        let style = NumberStyle::for_language("en");
        let figures = OutlookFigures::of(&guide, &config, &style).expect("figures");
        let svg = outlook(&figures, "o", &crate::i18n::builtin_messages("en"));
        assert!(svg.contains(">−9%<"), "{svg}");
        // The decline bar starts at the left edge; the zero line sits at 9/12 of 400.
        assert!(svg.contains("<rect class=\"cg-chart__bar cg-chart__bar--highlight\" x=\"0\""));
        assert!(svg.contains("x1=\"300\""), "{svg}");
    }

    #[test]
    fn median_bars_skip_other_periods() {
        let config = config();
        let style = NumberStyle::for_language("en");
        let guides = [
            minimal("a", "Analyst", "salary: { median: 90000 }"),
            minimal("b", "Baker", "salary: { median: 35000 }"),
            minimal("c", "Clerk", "salary: { median: 20, period: hour }"),
            minimal("d", "Designer", "salary: { median: 90000 }"),
            minimal("e", "Editor", ""),
        ];
        let bars = median_bars(&guides, &config, &style);
        let titles: Vec<_> = bars.iter().map(|b| b.title).collect();
        assert_eq!(titles, ["Analyst", "Designer", "Baker"]);
    }

    fn bars(amounts: &[f64]) -> Vec<MedianBar<'static>> {
        amounts
            .iter()
            .map(|&amount| MedianBar {
                title: "T",
                amount,
                value: String::new(),
            })
            .collect()
    }

    #[test]
    fn pay_bands_cover_the_range_in_round_steps() {
        let bands = pay_bands(&bars(&[31_000.0, 35_000.0, 90_000.0, 90_000.0, 239_200.0]));
        // 31,000 to 239,200 in at most 12 bands: $20,000 wide, from $20,000.
        assert_eq!(bands.len(), 11);
        assert_eq!((bands[0].from, bands[0].to), (20_000.0, 40_000.0));
        assert_eq!(bands[0].count, 2);
        assert_eq!(bands[3].count, 2, "90,000 is in 80,000 to 100,000");
        assert_eq!((bands[10].from, bands[10].count), (220_000.0, 1));
        assert_eq!(bands.iter().map(|b| b.count).sum::<usize>(), 5);
        // A band's lower edge is in it, its upper edge in the next.
        let edges = pay_bands(&bars(&[40_000.0, 50_000.0]));
        assert_eq!(edges[0].to - edges[0].from, 1_000.0);
        assert_eq!(edges.len(), 11);
        assert_eq!((edges[0].count, edges[10].count), (1, 1));
        let one = pay_bands(&bars(&[18.5]));
        assert_eq!(one.len(), 1);
        assert!(pay_bands(&[]).is_empty());
    }

    #[test]
    fn median_pay_chart_gives_every_band_and_count_as_text() {
        let style = NumberStyle::for_language("en");
        let bands = pay_bands(&bars(&[31_000.0, 35_000.0, 90_000.0, 239_200.0]));
        let svg = median_pay_distribution(&bands, &style, "USD", PayPeriod::Year, "m", &english())
            .expect("chart");
        assert!(svg.contains("<title id=\"m-title\">Careers by median pay, per year</title>"));
        assert!(svg.contains(">$20,000 to under $40,000<"), "{svg}");
        assert!(svg.contains(">2 careers<"));
        assert!(svg.contains(">1 career<"));
        assert!(svg.contains(">0 careers<"));
        assert!(svg.contains(
            "<desc id=\"m-desc\">$20,000 to under $40,000: 2 careers; $40,000 to under $60,000: 0 careers;"
        ));
        assert_eq!(svg.matches("<rect").count(), bands.len());
        assert!(
            median_pay_distribution(&[], &style, "USD", PayPeriod::Year, "x", &english()).is_none()
        );
        let spanish = median_pay_distribution(
            &bands,
            &NumberStyle::for_language("es"),
            "USD",
            PayPeriod::Year,
            "m",
            &crate::i18n::builtin_messages("es"),
        )
        .expect("chart");
        assert!(spanish.contains(">1 carrera<"), "{spanish}");
        assert!(spanish.contains(">2 carreras<"), "{spanish}");
        assert!(
            spanish.contains("Carreras por salario mediano, al año"),
            "{spanish}"
        );
        assert!(
            !spanish.contains("career") && !spanish.contains("under"),
            "{spanish}"
        );
    }

    fn english() -> Messages {
        crate::i18n::builtin_messages("en")
    }

    #[test]
    fn the_chart_stays_small_however_many_guides() {
        let style = NumberStyle::for_language("en");
        let many: Vec<f64> = (0..100_000)
            .map(|i| 20_000.0 + f64::from(i) * 2.0)
            .collect();
        let bands = pay_bands(&bars(&many));
        assert!(bands.len() <= MAX_BANDS);
        let svg = median_pay_distribution(&bands, &style, "USD", PayPeriod::Year, "m", &english())
            .expect("chart");
        assert!(svg.len() < 8_000, "{} bytes", svg.len());
    }

    #[test]
    fn text_is_escaped() {
        let bands = [PayBand {
            from: 0.0,
            to: 1.0,
            count: 1,
        }];
        let svg = median_pay_distribution(
            &bands,
            &NumberStyle::for_language("en"),
            "<&>",
            PayPeriod::Year,
            "m",
            &english(),
        )
        .expect("chart");
        assert!(svg.contains("&lt;&amp;&gt;"), "{svg}");
        assert!(!svg.contains("<&>"));
    }
}
