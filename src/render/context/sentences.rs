//! Whole sentences and phrases of a guide page in the reader's language:
//! `$75,500 per year`, the Handbook-style outlook sentence, plural titles.

use super::Formatter;
use crate::content::guide::GrowthLabel;
use crate::i18n::Args;

impl Formatter<'_> {
    /// `$75,500 per year`.
    pub fn amount_per(&self, amount: &str, period: &str) -> String {
        self.text(
            "pay-amount-per",
            &Args::new().with("amount", amount).with("period", period),
        )
    }

    /// `4% (As fast as average)`.
    pub(super) fn growth_with_label(&self, growth: &str, label: &str) -> String {
        self.text(
            "facts-growth-with-label",
            &Args::new().with("growth", growth).with("label", label),
        )
    }

    /// "Employment of account managers is projected to grow 4 percent from
    /// 2024 to 2034, about as fast as the average for all occupations.", in
    /// the messages' language: one whole sentence per case (`outlook-grow`,
    /// `outlook-decline`, `outlook-no-change`, each also `…-period`), the
    /// comparison chosen inside it by the growth label's key.
    pub fn outlook_sentence(
        &self,
        title: &str,
        growth: f64,
        label: GrowthLabel,
        period: Option<crate::content::guide::ProjectionPeriod>,
    ) -> String {
        let amount = self.style.decimal(
            growth.abs(),
            crate::render::format::percent_decimals(growth),
        );
        // A negative figure reads as a decline whatever label was stated.
        let declines = growth < 0.0 && amount.bytes().any(|b| matches!(b, b'1'..=b'9'));
        let key = match label {
            GrowthLabel::LittleOrNoChange => "outlook-no-change",
            _ if declines => "outlook-decline",
            GrowthLabel::Decline => "outlook-decline",
            _ => "outlook-grow",
        };
        let mut args = Args::new()
            .with("who", plural_lower(title))
            .with("amount", amount)
            .with("label", label.name());
        let key = match period {
            Some(p) => {
                args.set("start", p.start.to_string());
                args.set("end", p.end.to_string());
                format!("{key}-period")
            }
            None => key.to_string(),
        };
        self.text(&key, &args)
    }
}

/// "Account manager" → "account managers"; acronyms keep their case.
pub(super) fn plural_lower(title: &str) -> String {
    let mut words: Vec<String> = title.split_whitespace().map(str::to_string).collect();
    if let Some(first) = words.first_mut()
        && !first.chars().skip(1).any(|c| c.is_uppercase())
    {
        *first = first.to_lowercase();
    }
    if let Some(last) = words.last_mut() {
        let lower = last.to_lowercase();
        if lower.ends_with('y')
            && !lower.ends_with("ay")
            && !lower.ends_with("ey")
            && !lower.ends_with("oy")
        {
            last.pop();
            last.push_str("ies");
        } else if ["s", "sh", "ch", "x", "z"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            last.push_str("es");
        } else {
            last.push('s');
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::guide::ProjectionPeriod;

    /// The sentence as an English site writes it.
    fn outlook_sentence(
        title: &str,
        growth: f64,
        label: GrowthLabel,
        period: Option<ProjectionPeriod>,
    ) -> String {
        let config = crate::render::test_guides::config();
        Formatter::new(&config).outlook_sentence(title, growth, label, period)
    }

    #[test]
    fn outlook_sentences_are_whole_sentences_in_each_language() {
        let period = ProjectionPeriod::parse("2024-2034").ok();
        let mut config = crate::render::test_guides::config();
        let sentence = |config: &crate::config::SiteConfig, growth| {
            Formatter::new(config).outlook_sentence(
                "Account manager",
                growth,
                GrowthLabel::AsFastAsAverage,
                period,
            )
        };
        config.language = "es".to_string();
        assert_eq!(
            sentence(&config, 4.5),
            "Se prevé que el empleo en esta ocupación crezca un 4,5 por ciento entre 2024 y 2034, un ritmo similar al promedio de todas las ocupaciones."
        );
        config.language = "fr".to_string();
        assert_eq!(
            sentence(&config, -2.0),
            "L’emploi dans ce métier devrait reculer de 2\u{a0}% entre 2024 et 2034."
        );
    }

    #[test]
    fn outlook_sentence_reads_like_the_handbook() {
        let period = ProjectionPeriod::parse("2024-2034").ok();
        assert_eq!(
            outlook_sentence("Account manager", 4.0, GrowthLabel::AsFastAsAverage, period),
            "Employment of account managers is projected to grow 4 percent from 2024 to 2034, about as fast as the average for all occupations."
        );
        assert_eq!(
            outlook_sentence("Secretary", -2.0, GrowthLabel::Decline, period),
            "Employment of secretaries is projected to decline 2 percent from 2024 to 2034."
        );
    }

    #[test]
    fn outlook_sentences_keep_the_sign_and_round_once() {
        let period = ProjectionPeriod::parse("2024-2034").ok();
        // −0.6 % is a decline, whatever label a guide stated without bands.
        assert_eq!(
            outlook_sentence("Typist", -0.6, GrowthLabel::SlowerThanAverage, None),
            "Employment of typists is projected to decline 0.6 percent."
        );
        assert_eq!(
            outlook_sentence("Typist", 4.96, GrowthLabel::AsFastAsAverage, period),
            "Employment of typists is projected to grow 5 percent from 2024 to 2034, about as fast as the average for all occupations."
        );
        assert_eq!(
            outlook_sentence("Typist", 0.25, GrowthLabel::SlowerThanAverage, None),
            "Employment of typists is projected to grow 0.3 percent, slower than the average for all occupations."
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(plural_lower("Coach"), "coaches");
        assert_eq!(plural_lower("SQL developer"), "SQL developers");
        assert_eq!(plural_lower("Attorney"), "attorneys");
    }
}
