//! Numbers and money as readers of the site's language expect them.

use crate::content::guide::PayPeriod;

/// How a language writes numbers and where it puts the currency symbol.
#[derive(Debug, Clone, Copy)]
pub struct NumberStyle {
    group: &'static str,
    decimal: char,
    symbol_after: bool,
}

impl NumberStyle {
    /// The style for a BCP 47 language tag (its primary language decides).
    pub fn for_language(tag: &str) -> Self {
        let primary = tag.split('-').next().unwrap_or(tag);
        match primary {
            "de" | "es" | "it" | "nl" | "pt" | "da" | "id" | "tr" => NumberStyle {
                group: ".",
                decimal: ',',
                symbol_after: true,
            },
            // Narrow no-break space, as CLDR has it for French and Nordic languages.
            "fr" | "sv" | "nb" | "fi" | "pl" | "cs" => NumberStyle {
                group: "\u{202f}",
                decimal: ',',
                symbol_after: true,
            },
            _ => NumberStyle {
                group: ",",
                decimal: '.',
                symbol_after: false,
            },
        }
    }

    /// A whole number with grouping: `1,066,670`, `−1,234`.
    pub fn integer(&self, value: i64) -> String {
        let mut out = String::new();
        if value < 0 {
            out.push('−');
        }
        self.push_grouped(&mut out, value.unsigned_abs());
        out
    }

    fn push_grouped(&self, out: &mut String, value: u64) {
        let digits = value.to_string();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.group);
            }
            out.push(c);
        }
    }

    /// A number rounded to `decimals` places (0 or 2 for money, 1 for
    /// percents). The sign is kept whenever the rounded number is not zero
    /// (`−0.6`), and dropped when it is (`−0.04` to one place is `0.0`).
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        let decimals = decimals.min(6);
        let scale = 10u64.pow(decimals as u32);
        // Rounded once, in whole units of the last place, so that the whole
        // and fractional parts cannot disagree (`0.999` is `1.00`, not `0.100`).
        let units = (value.abs() * scale as f64).round() as u64;
        let mut out = String::new();
        if value < 0.0 && units > 0 {
            out.push('−');
        }
        self.push_grouped(&mut out, units / scale);
        if decimals > 0 {
            out.push(self.decimal);
            out.push_str(&format!("{:0decimals$}", units % scale));
        }
        out
    }

    /// An amount of money: `$75,500`, `75.500 €`, `$36.30` for hourly pay.
    pub fn money(&self, amount: f64, currency: &str, period: PayPeriod) -> String {
        // Cents are shown for hourly pay, and for any figure whose cents
        // do not round to zero (`$75,500.99`, but `$75,501` for 75,500.996).
        let cents = (amount.abs() * 100.0).round() as u64;
        let decimals = if period == PayPeriod::Hour || !cents.is_multiple_of(100) {
            currency_decimals(currency)
        } else {
            0
        };
        let number = self.decimal(amount, decimals);
        let symbol = currency_symbol(currency);
        if self.symbol_after {
            format!("{number}\u{a0}{symbol}")
        } else if symbol.chars().all(char::is_alphabetic) {
            format!("{symbol}\u{a0}{number}")
        } else {
            format!("{symbol}{number}")
        }
    }

    /// A percent as the Handbook writes it: `4%`, `−2%`, `4.5%`, `−0.6%`:
    /// rounded to one place, which is left out when it is zero (`4.96` is `5%`).
    pub fn percent(&self, value: f64) -> String {
        format!("{}%", self.decimal(value, percent_decimals(value)))
    }
}

/// The places a percent is shown with: one, or none when it rounds to a
/// whole number.
pub fn percent_decimals(value: f64) -> usize {
    let tenths = (value.abs() * 10.0).round() as u64;
    if tenths.is_multiple_of(10) { 0 } else { 1 }
}

/// The symbol for an ISO 4217 code, or the code itself.
pub fn currency_symbol(code: &str) -> &str {
    match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" | "CNY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "CAD" => "CA$",
        "AUD" => "A$",
        "NZD" => "NZ$",
        "MXN" => "MX$",
        "BRL" => "R$",
        "ZAR" => "R",
        other => other,
    }
}

fn currency_decimals(code: &str) -> usize {
    match code {
        "JPY" | "KRW" => 0,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dollars() {
        let style = NumberStyle::for_language("en");
        assert_eq!(style.money(75500.0, "USD", PayPeriod::Year), "$75,500");
        assert_eq!(style.money(36.3, "USD", PayPeriod::Hour), "$36.30");
        assert_eq!(style.money(1066670.0, "USD", PayPeriod::Year), "$1,066,670");
        assert_eq!(style.money(500.0, "CHF", PayPeriod::Year), "CHF\u{a0}500");
    }

    #[test]
    fn other_languages_and_currencies() {
        assert_eq!(
            NumberStyle::for_language("de").money(75500.0, "EUR", PayPeriod::Year),
            "75.500\u{a0}€"
        );
        assert_eq!(
            NumberStyle::for_language("en-GB").money(40000.0, "GBP", PayPeriod::Year),
            "£40,000"
        );
        assert_eq!(
            NumberStyle::for_language("fr").integer(1234567),
            "1\u{202f}234\u{202f}567"
        );
    }

    #[test]
    fn percents() {
        let style = NumberStyle::for_language("en");
        assert_eq!(style.percent(4.0), "4%");
        assert_eq!(style.percent(-2.0), "−2%");
        assert_eq!(style.percent(4.5), "4.5%");
    }

    #[test]
    fn signs_survive_rounding_and_zero_has_none() {
        let style = NumberStyle::for_language("en");
        // Between −1 and 0 the whole part is zero: the sign must stay.
        assert_eq!(style.percent(-0.6), "−0.6%");
        assert_eq!(style.decimal(-0.6, 1), "−0.6");
        assert_eq!(style.decimal(-0.5, 0), "−1");
        assert_eq!(style.percent(-0.96), "−1%");
        // What rounds to zero is zero, without a sign.
        assert_eq!(style.percent(-0.04), "0%");
        assert_eq!(style.percent(-0.0), "0%");
        assert_eq!(style.decimal(-0.004, 2), "0.00");
        assert_eq!(style.percent(0.0), "0%");
        // Rounding up carries into the whole part.
        assert_eq!(style.percent(4.96), "5%");
        assert_eq!(style.percent(4.94), "4.9%");
        assert_eq!(style.percent(0.05), "0.1%");
        assert_eq!(style.decimal(0.999, 2), "1.00");
        assert_eq!(style.decimal(-1234.5, 1), "−1,234.5");
        assert_eq!(NumberStyle::for_language("de").percent(-0.6), "−0,6%");
    }

    #[test]
    fn money_shows_cents_only_when_they_count() {
        let style = NumberStyle::for_language("en");
        assert_eq!(style.money(20.0, "USD", PayPeriod::Hour), "$20.00");
        assert_eq!(style.money(75500.99, "USD", PayPeriod::Year), "$75,500.99");
        assert_eq!(style.money(75500.996, "USD", PayPeriod::Year), "$75,501");
        assert_eq!(style.money(75500.004, "USD", PayPeriod::Year), "$75,500");
        assert_eq!(style.money(0.0, "USD", PayPeriod::Year), "$0");
        assert_eq!(style.money(1500.5, "JPY", PayPeriod::Hour), "¥1,501");
    }

    #[test]
    fn hourly_pay_keeps_its_cents() {
        let style = NumberStyle::for_language("en");
        // Whole dollars per hour still show cents, as the Handbook does.
        assert_eq!(style.money(20.0, "USD", PayPeriod::Hour), "$20.00");
        assert_eq!(style.money(20.5, "USD", PayPeriod::Hour), "$20.50");
        assert_eq!(style.money(0.0, "USD", PayPeriod::Hour), "$0.00");
        // A yearly figure shows cents only when it has some.
        assert_eq!(style.money(20.0, "USD", PayPeriod::Year), "$20");
        assert_eq!(style.money(75500.25, "USD", PayPeriod::Year), "$75,500.25");
        assert_eq!(style.money(75500.003, "USD", PayPeriod::Month), "$75,500");
        // Currencies without minor units never show them.
        assert_eq!(style.money(2000.0, "JPY", PayPeriod::Hour), "¥2,000");
        assert_eq!(style.money(2000.0, "KRW", PayPeriod::Hour), "₩2,000");
        assert_eq!(
            NumberStyle::for_language("de").money(20.0, "EUR", PayPeriod::Hour),
            "20,00\u{a0}€"
        );
    }

    #[test]
    fn decimals_round_half_away_and_carry_into_the_whole_part() {
        let style = NumberStyle::for_language("en");
        assert_eq!(style.decimal(1.005, 1), "1.0");
        assert_eq!(style.decimal(9.96, 1), "10.0");
        assert_eq!(style.decimal(1999.999, 2), "2,000.00");
        assert_eq!(style.decimal(0.05, 2), "0.05");
        assert_eq!(style.decimal(-2.25, 1), "−2.3");
        assert_eq!(style.decimal(1234.5, 0), "1,235");
        assert_eq!(
            NumberStyle::for_language("fr").decimal(1234.5, 1),
            "1\u{202f}234,5"
        );
    }

    #[test]
    fn every_language_family_has_its_own_style() {
        for (tag, expected) in [
            ("en", "$1,234.50"),
            ("en-US", "$1,234.50"),
            ("de-AT", "1.234,50\u{a0}$"),
            ("pt-BR", "1.234,50\u{a0}$"),
            ("sv", "1\u{202f}234,50\u{a0}$"),
            ("cs", "1\u{202f}234,50\u{a0}$"),
            ("ja", "$1,234.50"),
        ] {
            let style = NumberStyle::for_language(tag);
            assert_eq!(
                style.money(1234.5, "USD", PayPeriod::Hour),
                expected,
                "{tag}"
            );
        }
    }

    #[test]
    fn currency_symbols_and_codes() {
        let style = NumberStyle::for_language("en");
        for (code, expected) in [
            ("EUR", "€100"),
            ("GBP", "£100"),
            ("JPY", "¥100"),
            ("CNY", "¥100"),
            ("INR", "₹100"),
            ("KRW", "₩100"),
            ("CAD", "CA$100"),
            ("AUD", "A$100"),
            ("NZD", "NZ$100"),
            ("MXN", "MX$100"),
            ("BRL", "R$100"),
            ("ZAR", "R\u{a0}100"),
            ("SEK", "SEK\u{a0}100"),
        ] {
            assert_eq!(
                style.money(100.0, code, PayPeriod::Year),
                expected,
                "{code}"
            );
        }
    }

    #[test]
    fn integers_group_by_thousands() {
        let style = NumberStyle::for_language("en");
        assert_eq!(style.integer(0), "0");
        assert_eq!(style.integer(999), "999");
        assert_eq!(style.integer(1000), "1,000");
        assert_eq!(style.integer(-1234), "−1,234");
    }
}
