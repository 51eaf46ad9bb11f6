//! Formatting helpers: exercise times on the scenario's wall clock, spans, dates,
//! numbers, and escaping for the SVG charts.

use crate::scenario::Secs;
use crate::scenario::clock::{self, DateTime};

/// Wall-clock time of exercise second `at` (`"19:45"`, `"00:10 +1d"`); without a
/// start clock, the exercise time (`"0:45"`).
pub(crate) fn wall(start: Option<DateTime>, at: Secs) -> String {
    match start {
        Some(s) => clock::time_of_day(s, at),
        None => span(at),
    }
}

/// The scenario's start clock as written (empty without one).
pub(crate) fn start(start: Option<DateTime>) -> String {
    start.map(clock::start_text).unwrap_or_default()
}

/// A span as `h:mm` (seconds dropped), e.g. `0:45`, `2:05`.
pub(crate) fn span(secs: Secs) -> String {
    format!("{}:{:02}", secs / 3600, secs % 3600 / 60)
}

/// A span in words of `lang`: `45m`, `1h05m` in English; `45分`, `1時間05分` in Japanese.
pub(crate) fn dur(secs: Secs, lang: crate::scenario::Lang) -> String {
    crate::words::span_short(lang, secs)
}

pub(crate) use crate::words::{clip, width};

/// The date `days` after the scenario's start date, as `YYYY-MM-DD`.
pub(crate) fn date_after(start: Option<DateTime>, days: i64) -> Option<String> {
    start.map(|s| clock::date_after(s, days))
}

/// A number with one decimal and thousands separators (`1,234,567.8`).
pub(crate) fn num(x: f64) -> String {
    let s = format!("{:.1}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "0"));
    let sign = if x < 0.0 && s != "0.0" { "-" } else { "" };
    format!("{sign}{}.{frac}", group(int, ','))
}

/// The digits `int` with `sep` between each group of three (`1,234,567`).
pub(crate) fn group(int: &str, sep: char) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands separators.
pub(crate) fn whole(x: f64) -> String {
    let s = num(x.round());
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// A share as a percentage (`81%`, `-12%`).
pub(crate) fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Escape text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// Howard Hinnant's civil-date algorithms (proleptic Gregorian calendar).
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_spans_and_dates() {
        let start = clock::parse_start("2020-07-24 19:00");
        assert_eq!(wall(start, 45 * 60), "19:45");
        assert_eq!(wall(start, 5 * 3600 + 10 * 60), "00:10 +1d");
        assert_eq!(wall(None, 3600), "1:00");
        let at = clock::parse_start;
        assert_eq!(date_after(start, 30).as_deref(), Some("2020-08-23"));
        assert_eq!(
            date_after(at("2020-12-20 09:00"), 90).as_deref(),
            Some("2021-03-20")
        );
        assert_eq!(
            date_after(at("2024-02-28"), 1).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(date_after(None, 1), None);
        assert_eq!(num(1234567.84), "1,234,567.8");
        assert_eq!(num(-0.04), "0.0");
        assert_eq!(whole(39_901_130.05), "39,901,130");
        assert_eq!(dur(3900, crate::scenario::Lang::Ja), "1時間05分");
    }
}
