//! Numbers, money, percents and dates as readers of the site's language
//! expect them, and names in its alphabetical order: CLDR's rules through ICU4X, whose data is compiled into the
//! binary (nothing is loaded at run time). One exception to CLDR, kept for
//! every language: a negative number is written with the minus sign U+2212
//! (`−2%`), as the theme always has, where CLDR has a hyphen for some.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock, PoisonError, RwLock};

use chrono::{Datelike, NaiveDate};
use fixed_decimal::{Decimal, Sign};
use icu_calendar::{Date, Gregorian};
use icu_collator::{CollatorBorrowed, options::CollatorOptions};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::{Locale, locale};
use icu_plurals::{PluralCategory, PluralRules};
use icu_provider::DataError;
use writeable::{Part, PartsWrite, Writeable};

use crate::content::guide::PayPeriod;

/// How a language writes numbers, money, percents and dates (CLDR's
/// grouping, separators, currency placement and symbols, month names).
///
/// Cheap to copy: the ICU4X formatters behind it are built once per
/// language tag for the whole process and shared by every thread.
#[derive(Clone, Copy)]
pub struct NumberStyle {
    formats: &'static Formats,
}

impl fmt::Debug for NumberStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NumberStyle")
            .field("locale", &self.formats.locale)
            .finish()
    }
}

/// ICU4X's currency formatter, for one locale and one currency.
type Money = CurrencyFormatter<DecimalFormatter>;

/// The formatters of one locale.
struct Formats {
    locale: Locale,
    decimal: DecimalFormatter,
    percent: PercentFormatter<DecimalFormatter>,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    plurals: PluralRules,
    /// CLDR's alphabetical order for the locale.
    collator: CollatorBorrowed<'static>,
    /// One formatter per currency code asked for (a site uses one or two),
    /// `None` for a code that is not three ASCII letters.
    currencies: RwLock<Vec<(String, Option<&'static Money>)>>,
}

impl Formats {
    fn new(locale: Locale) -> Result<Self, DataError> {
        let prefs = (&locale).into();
        Ok(Formats {
            decimal: DecimalFormatter::try_new(prefs, Default::default())?,
            percent: PercentFormatter::try_new((&locale).into(), Default::default())?,
            date: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long())
                .map_err(|_| DataError::custom("no date patterns"))?,
            month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::long())
                .map_err(|_| DataError::custom("no month patterns"))?,
            plurals: PluralRules::try_new_cardinal((&locale).into())?,
            collator: CollatorBorrowed::try_new((&locale).into(), CollatorOptions::default())?,
            currencies: RwLock::new(Vec::new()),
            locale,
        })
    }

    /// The formatter for an ISO 4217 code, built on first use.
    fn currency(&self, code: &str) -> Option<&'static Money> {
        let known = self
            .currencies
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some((_, formatter)) = known.iter().find(|(c, _)| c == code) {
            return *formatter;
        }
        drop(known);
        let formatter = CurrencyType::try_from_str(code)
            .ok()
            .and_then(|currency| {
                CurrencyFormatter::try_new_symbol(
                    (&self.locale).into(),
                    currency,
                    Default::default(),
                )
                .ok()
            })
            // Kept for the life of the process, like the locale's formats.
            .map(|f| &*Box::leak(Box::new(f)));
        let mut known = self
            .currencies
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some((_, formatter)) = known.iter().find(|(c, _)| c == code) {
            return *formatter;
        }
        known.push((code.to_string(), formatter));
        formatter
    }
}

impl NumberStyle {
    /// The style for a BCP 47 language tag (`en`, `en-IN`, `fr-CA`): CLDR's
    /// data for the tag, or for the nearest locale it has (`de-LU` falls back
    /// to `de`, an unknown language to CLDR's root). A tag that does not
    /// parse gets English.
    pub fn for_language(tag: &str) -> Self {
        static STYLES: OnceLock<Mutex<HashMap<String, &'static Formats>>> = OnceLock::new();
        let mut styles = STYLES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(formats) = styles.get(tag) {
            return NumberStyle { formats };
        }
        let locale = tag.parse::<Locale>().unwrap_or(locale!("en"));
        let formats = Formats::new(locale)
            .or_else(|_| Formats::new(locale!("en")))
            .expect("the compiled CLDR data has English");
        // One leak per language tag, for the life of the process.
        let formats: &'static Formats = Box::leak(Box::new(formats));
        styles.insert(tag.to_string(), formats);
        NumberStyle { formats }
    }

    /// `a` against `b` in the language's alphabetical order (CLDR
    /// collation: `Îles Vierges` among the `I`s in French, `Ñ` after `N`
    /// in Spanish), for lists of names sorted for readers.
    pub fn collate(&self, a: &str, b: &str) -> std::cmp::Ordering {
        self.formats.collator.compare(a, b)
    }

    /// A whole number with grouping: `1,066,670`, `−1,234`, `10,00,000` in
    /// `en-IN`, `1 234 567` (narrow no-break spaces) in French.
    pub fn integer(&self, value: i64) -> String {
        let text = self
            .formats
            .decimal
            .format(&Decimal::from(value))
            .to_string();
        typographic_minus(text, value < 0)
    }

    /// A number rounded to `decimals` places (0 or 2 for money, 1 for
    /// percents; at most 6). The sign is kept whenever the rounded number is
    /// not zero (`−0.6`), and dropped when it is (`−0.04` to one place is `0.0`).
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        let (number, negative) = rounded(value, decimals);
        let text = self.formats.decimal.format(&number).to_string();
        typographic_minus(text, negative)
    }

    /// An amount of money in a currency (ISO 4217 code) as the language
    /// writes it: `$75,500`, `75.500 €` in German, `€ 75.500` in Dutch,
    /// `75 500 $US` in French, `$36.30` for hourly pay. A code CLDR has no
    /// symbol for is written as the code (`SEK 100`).
    pub fn money(&self, amount: f64, currency: &str, period: PayPeriod) -> String {
        // Cents are shown for hourly pay, and for any figure whose cents
        // do not round to zero (`$75,500.99`, but `$75,501` for 75,500.996).
        let cents = (amount.abs() * 100.0).round() as u64;
        let decimals = if period == PayPeriod::Hour || !cents.is_multiple_of(100) {
            currency_decimals(currency)
        } else {
            0
        };
        let Some(formatter) = self.formats.currency(currency) else {
            return format!("{currency}\u{a0}{}", self.decimal(amount, decimals));
        };
        let (number, negative) = rounded(amount, decimals);
        let formatted = formatter.format_fixed_decimal(&number);
        let text = if decimals == 0 {
            // CLDR pads money to the currency's minor units (`$75,500.00`);
            // a whole yearly figure is shown without them.
            let mut whole = WholeUnits::default();
            match formatted.write_to_parts(&mut whole) {
                Ok(()) => whole.text,
                Err(fmt::Error) => formatted.to_string(),
            }
        } else {
            formatted.to_string()
        };
        typographic_minus(text, negative)
    }

    /// A percent as the Handbook writes it, with the language's percent
    /// pattern: `4%`, `−2%`, `4.5%`, `−0.6%`, `4,5 %` in French: rounded to
    /// one place, which is left out when it is zero (`4.96` is `5%`).
    /// `value` is in percent (`4.5` for 4.5%).
    pub fn percent(&self, value: f64) -> String {
        let (number, negative) = rounded(value, percent_decimals(value));
        let text = self.formats.percent.format(&number).to_string();
        typographic_minus(text, negative)
    }

    /// A date as readers see it in running text: `March 4, 2026`,
    /// `4 de marzo de 2026`, `4 mars 2026`, `2026年3月4日` (CLDR's long
    /// date, Gregorian calendar). A date outside what ICU4X can represent
    /// is written `YYYY-MM-DD`.
    pub fn date(&self, date: NaiveDate) -> String {
        let (Ok(month), Ok(day)) = (u8::try_from(date.month()), u8::try_from(date.day())) else {
            return date.format("%Y-%m-%d").to_string();
        };
        match Date::try_new_gregorian(date.year(), month, day) {
            Ok(gregorian) => self.formats.date.format(&gregorian).to_string(),
            Err(_) => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A month of a year as readers see it in running text: `May 2025`,
    /// `mayo de 2025`, `mai 2025` (CLDR's long year-and-month, Gregorian
    /// calendar); the year alone when `month` (1 to 12) is `None`. A month
    /// outside 1 to 12 is written `YYYY-MM`.
    pub fn year_month(&self, year: i32, month: Option<u32>) -> String {
        let Some(month) = month else {
            return year.to_string();
        };
        match u8::try_from(month).map(|m| Date::try_new_gregorian(year, m, 1)) {
            Ok(Ok(gregorian)) => self.formats.month.format(&gregorian).to_string(),
            _ => format!("{year}-{month:02}"),
        }
    }

    /// The language's CLDR plural category for a count, as Fluent and CLDR
    /// name it: `"one"` for 1 in English, French (`0` and `1`) and Spanish,
    /// `"other"` otherwise; Japanese has only `"other"`; other languages
    /// also use `"zero"`, `"two"`, `"few"` and `"many"`.
    pub fn plural_category(&self, count: u64) -> &'static str {
        match self.formats.plurals.category_for(count) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// One count for each CLDR plural category the language has, as
    /// `(category, count)` with the smallest such count, in the order of
    /// those counts (`("other", 0)`, `("one", 1)` in English; French adds
    /// `("many", 1000000)`): for writing out each plural form
    /// of a message whose count is known only in the reader's browser.
    pub fn plural_samples(&self) -> Vec<(&'static str, u64)> {
        let mut samples: Vec<(&'static str, u64)> = Vec::new();
        // Every category of the CLDR rules careergen's languages use has
        // a count below 200 or a power of a thousand.
        let counts = (0..200u64).chain([1_000_000, 1_000_000_000]);
        for count in counts {
            let category = self.plural_category(count);
            if !samples.iter().any(|(c, _)| *c == category) {
                samples.push((category, count));
            }
        }
        samples
    }

    /// The symbol the language uses for a currency (ISO 4217 code): `$`,
    /// `€`, `US$` in Spanish, `$US` in French; the code itself when CLDR has
    /// no symbol for it there (`SEK` in English).
    pub fn currency_symbol(&self, code: &str) -> String {
        // The symbol is what is left of zero in the currency's pattern.
        self.money(0.0, code, PayPeriod::Year)
            .chars()
            .filter(|c| {
                !c.is_numeric()
                    && !c.is_whitespace()
                    && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}')
            })
            .collect()
    }
}

/// `value` rounded half away from zero to `decimals` places (at most 6), as
/// ICU4X's decimal, and whether it is negative once rounded. Rounded once,
/// in whole units of the last place, so that the whole and fractional parts
/// cannot disagree (`0.999` is `1.00`, not `0.100`).
fn rounded(value: f64, decimals: usize) -> (Decimal, bool) {
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    let units = (value.abs() * scale as f64).round() as u64;
    let mut number = Decimal::from(units);
    number.multiply_pow10(-(decimals as i16));
    let negative = value < 0.0 && units > 0;
    if negative {
        number.set_sign(Sign::Negative);
    }
    (number, negative)
}

/// The minus sign U+2212 where CLDR writes a hyphen-minus.
fn typographic_minus(text: String, negative: bool) -> String {
    if negative && text.contains('-') {
        text.replace('-', "−")
    } else {
        text
    }
}

/// A sink for formatted money that leaves out the decimal separator and the
/// fraction digits.
#[derive(Default)]
struct WholeUnits {
    text: String,
    skipping: bool,
}

impl fmt::Write for WholeUnits {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if !self.skipping {
            self.text.push_str(s);
        }
        Ok(())
    }
}

impl PartsWrite for WholeUnits {
    type SubPartsWrite = Self;

    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self::SubPartsWrite) -> fmt::Result,
    ) -> fmt::Result {
        let outer = self.skipping;
        self.skipping |=
            part == icu_decimal::parts::DECIMAL || part == icu_decimal::parts::FRACTION;
        let result = f(self);
        self.skipping = outer;
        result
    }
}

/// The places a percent is shown with: one, or none when it rounds to a
/// whole number.
pub fn percent_decimals(value: f64) -> usize {
    let tenths = (value.abs() * 10.0).round() as u64;
    if tenths.is_multiple_of(10) { 0 } else { 1 }
}

/// The English symbol for an ISO 4217 code (`$`, `€`, `CA$`), or the code
/// itself where CLDR has none (`SEK`). See [`NumberStyle::currency_symbol`]
/// for another language's.
pub fn currency_symbol(code: &str) -> String {
    NumberStyle::for_language("en").currency_symbol(code)
}

/// The minor-unit places pay is shown with; the same rule as the JSON-LD
/// amounts (`structured_data`).
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
        // CLDR: German puts a no-break space before the percent sign.
        assert_eq!(NumberStyle::for_language("de").percent(-0.6), "−0,6\u{a0}%");
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
            // CLDR: Austrian German puts the symbol first and groups with
            // no-break spaces; Brazilian Portuguese, Swedish and Czech write
            // `US$` (the dollar is not theirs) and Swedish and Czech group
            // with no-break spaces.
            ("de-AT", "$\u{a0}1\u{a0}234,50"),
            ("pt-BR", "US$\u{a0}1.234,50"),
            ("sv", "1\u{a0}234,50\u{a0}US$"),
            ("cs", "1\u{a0}234,50\u{a0}US$"),
            ("ja", "$1,234.50"),
            ("en-IN", "$1,234.50"),
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
            // CLDR: `CN¥` tells the yuan from the yen in English.
            ("CNY", "CN¥100"),
            ("INR", "₹100"),
            ("KRW", "₩100"),
            ("CAD", "CA$100"),
            ("AUD", "A$100"),
            ("NZD", "NZ$100"),
            ("MXN", "MX$100"),
            ("BRL", "R$100"),
            // CLDR: the rand's `R` is a symbol in South Africa only.
            ("ZAR", "ZAR\u{a0}100"),
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

    #[test]
    fn indian_english_groups_by_lakh_and_crore() {
        let style = NumberStyle::for_language("en-IN");
        assert_eq!(style.integer(1_000_000), "10,00,000");
        assert_eq!(style.integer(123_456_789), "12,34,56,789");
        assert_eq!(style.integer(1000), "1,000");
        assert_eq!(
            style.money(1_000_000.0, "INR", PayPeriod::Year),
            "₹10,00,000"
        );
        assert_eq!(style.decimal(1_234_567.25, 1), "12,34,567.3");
        assert_eq!(style.date(date(2026, 3, 4)), "4 March 2026");
    }

    #[test]
    fn spanish() {
        let style = NumberStyle::for_language("es");
        assert_eq!(
            style.money(75500.0, "EUR", PayPeriod::Year),
            "75.500\u{a0}€"
        );
        assert_eq!(
            style.money(75500.0, "USD", PayPeriod::Year),
            "75.500\u{a0}US$"
        );
        assert_eq!(style.money(36.3, "USD", PayPeriod::Hour), "36,30\u{a0}US$");
        // CLDR: Spanish leaves four-digit numbers ungrouped.
        assert_eq!(style.integer(1234), "1234");
        assert_eq!(style.integer(12345), "12.345");
        assert_eq!(style.percent(4.5), "4,5\u{a0}%");
        assert_eq!(style.percent(-2.0), "−2\u{a0}%");
        assert_eq!(style.date(date(2026, 3, 4)), "4 de marzo de 2026");
        assert_eq!(style.plural_category(1), "one");
        assert_eq!(style.plural_category(0), "other");
        assert_eq!(style.plural_category(2), "other");
        assert_eq!(style.currency_symbol("USD"), "US$");
    }

    #[test]
    fn french() {
        let style = NumberStyle::for_language("fr");
        assert_eq!(
            style.money(75500.0, "USD", PayPeriod::Year),
            "75\u{202f}500\u{a0}$US"
        );
        assert_eq!(
            style.money(75500.0, "EUR", PayPeriod::Year),
            "75\u{202f}500\u{a0}€"
        );
        assert_eq!(style.money(20.5, "EUR", PayPeriod::Hour), "20,50\u{a0}€");
        assert_eq!(style.percent(-0.6), "−0,6\u{a0}%");
        assert_eq!(style.integer(-1234), "−1\u{202f}234");
        assert_eq!(style.date(date(2026, 3, 4)), "4 mars 2026");
        // French counts zero with one.
        assert_eq!(style.plural_category(0), "one");
        assert_eq!(style.plural_category(1), "one");
        assert_eq!(style.plural_category(2), "other");
        assert_eq!(style.currency_symbol("USD"), "$US");
    }

    #[test]
    fn german() {
        let style = NumberStyle::for_language("de");
        assert_eq!(
            style.money(75500.0, "EUR", PayPeriod::Year),
            "75.500\u{a0}€"
        );
        assert_eq!(style.integer(1_066_670), "1.066.670");
        assert_eq!(style.percent(4.5), "4,5\u{a0}%");
        assert_eq!(style.date(date(2026, 3, 4)), "4. März 2026");
    }

    #[test]
    fn dutch_puts_the_euro_first() {
        let style = NumberStyle::for_language("nl");
        assert_eq!(
            style.money(75500.0, "EUR", PayPeriod::Year),
            "€\u{a0}75.500"
        );
        assert_eq!(style.money(20.0, "EUR", PayPeriod::Hour), "€\u{a0}20,00");
        assert_eq!(style.percent(4.5), "4,5%");
        assert_eq!(style.date(date(2026, 3, 4)), "4 maart 2026");
    }

    #[test]
    fn japanese() {
        let style = NumberStyle::for_language("ja");
        assert_eq!(style.money(2000.0, "JPY", PayPeriod::Hour), "￥2,000");
        assert_eq!(style.money(75500.0, "USD", PayPeriod::Year), "$75,500");
        assert_eq!(style.integer(1_066_670), "1,066,670");
        assert_eq!(style.date(date(2026, 3, 4)), "2026年3月4日");
        assert_eq!(style.plural_category(1), "other");
    }

    #[test]
    fn months_of_a_year_in_each_language() {
        let en = NumberStyle::for_language("en");
        assert_eq!(en.year_month(2025, Some(5)), "May 2025");
        assert_eq!(en.year_month(2025, None), "2025");
        assert_eq!(en.year_month(2025, Some(13)), "2025-13");
        assert_eq!(
            NumberStyle::for_language("es").year_month(2025, Some(5)),
            "mayo de 2025"
        );
        assert_eq!(
            NumberStyle::for_language("fr").year_month(2025, Some(5)),
            "mai 2025"
        );
    }

    #[test]
    fn plural_samples_give_a_count_of_each_category() {
        assert_eq!(
            NumberStyle::for_language("en").plural_samples(),
            [("other", 0), ("one", 1)]
        );
        let french = NumberStyle::for_language("fr").plural_samples();
        assert_eq!(&french[..2], [("one", 0), ("other", 2)]);
        assert!(french.contains(&("many", 1_000_000)), "{french:?}");
    }

    #[test]
    fn english_dates_and_plurals() {
        let style = NumberStyle::for_language("en");
        assert_eq!(style.date(date(2026, 3, 4)), "March 4, 2026");
        assert_eq!(style.date(date(2025, 12, 31)), "December 31, 2025");
        assert_eq!(
            NumberStyle::for_language("en-GB").date(date(2026, 3, 4)),
            "4 March 2026"
        );
        assert_eq!(style.plural_category(1), "one");
        assert_eq!(style.plural_category(0), "other");
        assert_eq!(style.plural_category(21), "other");
    }

    #[test]
    fn styles_are_built_once_per_language_tag() {
        let first = NumberStyle::for_language("it");
        let again = NumberStyle::for_language("it");
        assert!(std::ptr::eq(first.formats, again.formats));
        assert!(!std::ptr::eq(
            first.formats,
            NumberStyle::for_language("en").formats
        ));
        // The same currency formatter serves every call.
        let a = first.formats.currency("EUR").map(|f| f as *const _);
        let b = first.formats.currency("EUR").map(|f| f as *const _);
        assert!(a.is_some());
        assert_eq!(a, b);
    }

    #[test]
    fn odd_tags_and_codes_still_format() {
        // A tag that does not parse gets English.
        let style = NumberStyle::for_language("not a tag");
        assert_eq!(style.money(75500.0, "USD", PayPeriod::Year), "$75,500");
        // A code that is not three letters is written before the amount.
        assert_eq!(
            NumberStyle::for_language("en").money(100.0, "U1", PayPeriod::Year),
            "U1\u{a0}100"
        );
        assert_eq!(currency_symbol("USD"), "$");
        assert_eq!(currency_symbol("EUR"), "€");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }
}
