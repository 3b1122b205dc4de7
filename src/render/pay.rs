//! A guide's pay figures as templates and charts see them: formatted in the
//! site's language, with the amounts kept for drawing. Built by the guide
//! view (`render::context`) and drawn by `render::charts`, below both.

use serde::Serialize;

use crate::content::guide::PayPeriod;

/// One known pay figure of a guide.
#[derive(Serialize)]
pub struct PayFigure {
    /// `entry`, `p25`, `median`, `p75` or `top`.
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub amount: f64,
}

/// A guide's pay: its figures formatted, with their period, source and date.
#[derive(Serialize)]
pub struct PayView<'a> {
    pub currency: &'a str,
    pub period: PayPeriod,
    /// `per year` (`pay-per-year` in the messages).
    pub period_label: String,
    pub entry: Option<String>,
    pub p25: Option<String>,
    pub median: Option<String>,
    pub p75: Option<String>,
    pub top: Option<String>,
    /// The known figures, lowest first.
    pub figures: Vec<PayFigure>,
    pub percentile_basis: bool,
    pub top_coded: bool,
    pub as_of: Option<String>,
    pub source: Option<&'a crate::content::guide::Source>,
}
