//! Durations as authors write them: `"90s"`, `"15m"`, `"2h"`, `"1h30m"`, `"1d"`.

use super::model::Secs;

/// Why a duration string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DurationError {
    Unparseable,
    Negative,
    /// Longer than [`LONGEST`].
    TooLong,
}

/// The longest duration or exercise time anything may name: 366 days. Every time a
/// file or a packet gives is at most this, so sums of a few of them never overflow.
pub const LONGEST: Secs = 366 * 86_400;

/// Parse a duration into seconds.
pub fn parse(text: &str) -> Result<Secs, DurationError> {
    let t = text.trim();
    if t.starts_with('-') {
        return Err(DurationError::Negative);
    }
    if t.is_empty() {
        return Err(DurationError::Unparseable);
    }
    let mut total: Secs = 0;
    let mut number = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit: Secs = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            ' ' if number.is_empty() => continue,
            _ => return Err(DurationError::Unparseable),
        };
        let n: Secs = number.parse().map_err(|_| DurationError::Unparseable)?;
        number.clear();
        total = n
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or(DurationError::Unparseable)?;
    }
    if !number.is_empty() {
        // A bare number without a unit.
        return Err(DurationError::Unparseable);
    }
    if total > LONGEST {
        return Err(DurationError::TooLong);
    }
    Ok(total)
}

/// Write seconds the way authors would (`"1h30m"`, `"90s"` stays `"1m30s"`).
pub fn format(secs: Secs) -> String {
    if secs == 0 {
        return "0s".to_string();
    }
    let (d, rest) = (secs / 86_400, secs % 86_400);
    let (h, rest) = (rest / 3600, rest % 3600);
    let (m, s) = (rest / 60, rest % 60);
    let mut out = String::new();
    for (n, u) in [(d, 'd'), (h, 'h'), (m, 'm'), (s, 's')] {
        if n > 0 {
            out.push_str(&n.to_string());
            out.push(u);
        }
    }
    out
}

/// Exercise time as `h:mm:ss`.
pub fn clock(secs: Secs) -> String {
    format!("{}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units_and_compounds() {
        assert_eq!(parse("90s"), Ok(90));
        assert_eq!(parse("15m"), Ok(900));
        assert_eq!(parse("2h"), Ok(7200));
        assert_eq!(parse("1h30m"), Ok(5400));
        assert_eq!(parse("1d"), Ok(86_400));
        assert_eq!(parse("0s"), Ok(0));
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(parse("-5m"), Err(DurationError::Negative));
        assert_eq!(parse("90"), Err(DurationError::Unparseable));
        assert_eq!(parse("5 minutes"), Err(DurationError::Unparseable));
        assert_eq!(parse(""), Err(DurationError::Unparseable));
        assert_eq!(parse("h"), Err(DurationError::Unparseable));
        assert_eq!(
            parse("99999999999999999999h"),
            Err(DurationError::Unparseable)
        );
    }

    #[test]
    fn refuses_more_than_a_year_of_days() {
        assert_eq!(parse("366d"), Ok(LONGEST));
        assert_eq!(parse("366d1s"), Err(DurationError::TooLong));
        assert_eq!(parse("100000000000d"), Err(DurationError::TooLong));
    }

    #[test]
    fn formats_round_trip() {
        for s in [0, 1, 59, 60, 90, 3600, 5400, 86_400, 90_061] {
            assert_eq!(parse(&format(s)), Ok(s));
        }
        assert_eq!(clock(3725), "1:02:05");
    }
}
