//! "Today", the one date the pipeline reads from outside its input: it bounds
//! "not in the future", ages review dates and dates an empty feed.
//!
//! `SOURCE_DATE_EPOCH` (the reproducible-builds convention: whole seconds
//! since 1970-01-01 00:00 UTC) pins it, so that a build, a check or a test
//! gives the same answer on any day; unset or empty, the machine's local
//! date is used.

use std::fmt;

use chrono::{DateTime, NaiveDate};

/// The variable that pins "today".
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// `SOURCE_DATE_EPOCH` holds something other than whole seconds since the
/// epoch (or a moment chrono cannot represent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockError {
    /// The variable's value as found (lossily decoded).
    pub found: String,
}

impl fmt::Display for ClockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{SOURCE_DATE_EPOCH}: expected whole seconds since 1970-01-01 00:00 UTC \
             (such as 1767225600), found `{}`",
            self.found
        )
    }
}

impl std::error::Error for ClockError {}

/// Today's date: the UTC date of `SOURCE_DATE_EPOCH` when it is set and not
/// empty, else the machine's local date.
///
/// # Errors
/// [`ClockError`] when `SOURCE_DATE_EPOCH` is set but is not an integer
/// number of seconds within chrono's range.
pub fn today() -> Result<NaiveDate, ClockError> {
    match std::env::var_os(SOURCE_DATE_EPOCH) {
        Some(value) if !value.is_empty() => from_epoch(&value.to_string_lossy()),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// [`today`], falling back to the machine's date when `SOURCE_DATE_EPOCH`
/// is malformed: for library defaults. Commands call [`today`] first and
/// report the error.
pub fn today_or_machine() -> NaiveDate {
    today().unwrap_or_else(|_| chrono::Local::now().date_naive())
}

/// The UTC date of `value`, whole seconds since the epoch (surrounding
/// whitespace allowed, as a shell `export` may leave it).
pub fn from_epoch(value: &str) -> Result<NaiveDate, ClockError> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
        .map(|moment| moment.date_naive())
        .ok_or_else(|| ClockError {
            found: value.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn epoch_seconds_give_the_utc_date() {
        assert_eq!(from_epoch("0"), Ok(date(1970, 1, 1)));
        // 2026-01-01 00:00:00 UTC, and one second before it.
        assert_eq!(from_epoch("1767225600"), Ok(date(2026, 1, 1)));
        assert_eq!(from_epoch("1767225599"), Ok(date(2025, 12, 31)));
        assert_eq!(from_epoch(" 1767225600\n"), Ok(date(2026, 1, 1)));
        assert_eq!(from_epoch("-86400"), Ok(date(1969, 12, 31)));
    }

    #[test]
    fn a_malformed_source_date_epoch_names_the_variable() {
        for bad in ["2026-01-01", "1.5", "soon", "99999999999999999999"] {
            let error = from_epoch(bad).expect_err(bad);
            assert_eq!(error.found, bad);
            let message = error.to_string();
            assert!(message.starts_with("SOURCE_DATE_EPOCH: expected whole seconds"));
            assert!(message.ends_with(&format!("found `{bad}`")), "{message}");
        }
    }
}
