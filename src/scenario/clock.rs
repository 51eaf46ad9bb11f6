//! The scenario's wall clock: its start as a civil date and time (no time zone: the
//! exercise's local time), read once during validation, and exercise seconds on it.
//! The one home of calendar maths.

use super::Secs;
use jiff::SignedDuration;
pub use jiff::civil::DateTime;

/// How a start clock may be written: `2020-07-24 19:00` (seconds and a `T` between
/// date and time allowed), or a date alone for midnight.
const FORMATS: [&str; 5] = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
];

/// Read a start clock written `2020-07-24 19:00` (seconds and a `T` between date and
/// time allowed; a date alone is midnight), or `None` when it cannot be read.
pub fn parse_start(text: &str) -> Option<DateTime> {
    let text = text.trim();
    FORMATS.iter().find_map(|f| {
        DateTime::strptime(f, text).ok().or_else(|| {
            jiff::civil::Date::strptime(f, text)
                .ok()
                .map(|d| d.at(0, 0, 0, 0))
        })
    })
}

/// A start clock as a scenario file writes it (`2020-07-24 19:00`).
pub fn start_text(start: DateTime) -> String {
    start.strftime("%Y-%m-%d %H:%M").to_string()
}

/// The wall-clock date and time `secs` after `start` (the latest representable one if
/// that is beyond the calendar).
pub fn after(start: DateTime, secs: Secs) -> DateTime {
    let secs = i64::try_from(secs).unwrap_or(i64::MAX);
    start.saturating_add(SignedDuration::from_secs(secs))
}

/// `start` and `secs` after it as `2020-07-24 20:30`.
pub fn wall_text(start: DateTime, secs: Secs) -> String {
    start_text(after(start, secs))
}

/// `secs` after `start` as a time of day, with the days passed (`19:45`, `00:10 +1d`).
pub fn time_of_day(start: DateTime, secs: Secs) -> String {
    let then = after(start, secs);
    let days = (then.date() - start.date()).get_days();
    let day = if days > 0 {
        format!(" +{days}d")
    } else {
        String::new()
    };
    format!("{}{day}", then.strftime("%H:%M"))
}

/// The date `days` after `start`'s, as `2020-09-22`.
pub fn date_after(start: DateTime, days: i64) -> String {
    let date = start
        .date()
        .saturating_add(SignedDuration::from_secs(days.saturating_mul(86_400)));
    date.strftime("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_clocks_read_and_write_back() {
        let s = parse_start("2020-07-24 19:00").expect("reads");
        assert_eq!(start_text(s), "2020-07-24 19:00");
        assert_eq!(
            parse_start(" 2020-07-24T19:00:30 ")
                .map(start_text)
                .as_deref(),
            Some("2020-07-24 19:00")
        );
        assert_eq!(
            parse_start("2020-07-24").map(start_text).as_deref(),
            Some("2020-07-24 00:00")
        );
        for bad in [
            "",
            "tomorrow",
            "2020-13-01 10:00",
            "2020-02-30 10:00",
            "2020-07-24 25:00",
            "24/07/2020",
        ] {
            assert_eq!(parse_start(bad), None, "{bad}");
        }
    }

    #[test]
    fn exercise_time_rolls_over_days_months_and_leap_years() {
        let s = parse_start("2020-07-24 19:00").expect("reads");
        assert_eq!(wall_text(s, 0), "2020-07-24 19:00");
        assert_eq!(wall_text(s, 5400), "2020-07-24 20:30");
        assert_eq!(time_of_day(s, 5400), "20:30");
        assert_eq!(time_of_day(s, 6 * 3600 + 600), "01:10 +1d");
        let feb = parse_start("2024-02-28 23:00").expect("reads");
        assert_eq!(wall_text(feb, 2 * 3600), "2024-02-29 01:00");
        assert_eq!(wall_text(feb, 26 * 3600), "2024-03-01 01:00");
        assert_eq!(date_after(s, 60), "2020-09-22");
        assert_eq!(wall_text(s, Secs::MAX), "9999-12-31 23:59");
    }
}
