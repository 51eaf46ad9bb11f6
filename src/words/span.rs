//! Spans of time in words: every unit a message, so each language writes its own.

use super::{Arg, say_with};
use crate::scenario::{Lang, Secs};

/// Every non-zero unit, largest first: `1h30m` in English, `1時間30分` in Japanese.
pub fn span(lang: Lang, secs: Secs) -> String {
    if secs == 0 {
        return super::say(lang, "span-zero");
    }
    let units = [
        ("span-days", secs / 86_400),
        ("span-hours", secs % 86_400 / 3600),
        ("span-minutes", secs % 3600 / 60),
        ("span-seconds", secs % 60),
    ];
    units
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| say_with(lang, id, &[("n", Arg::Str(&n.to_string()))]))
        .collect()
}

/// Hours and minutes (seconds only under a minute, or with minutes alone):
/// `45m`, `1h05m`, `2h`, `30s`, `3m05s`.
pub fn span_short(lang: Lang, secs: Secs) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let (id, args): (&str, [(&str, String); 2]) = match (h, m, s) {
        (0, 0, s) => ("short-s", [("s", s.to_string()), ("m", String::new())]),
        (0, m, 0) => ("short-m", [("m", m.to_string()), ("s", String::new())]),
        (0, m, s) => ("short-ms", [("m", m.to_string()), ("s", format!("{s:02}"))]),
        (h, 0, 0) => ("short-h", [("h", h.to_string()), ("m", String::new())]),
        (h, m, _) => ("short-hm", [("h", h.to_string()), ("m", format!("{m:02}"))]),
    };
    let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
    say_with(lang, id, &args)
}
