//! Range checks of a journal against its scenario, before anything indexes with its
//! numbers: every scenario id (service, team, threat and its step, inject, action,
//! organisation, dependency) names one the scenario has; every id the engine makes
//! (message, incident, action run) is made in turn and named only once made; entry
//! ids count 0, 1, 2 ...; times never go back nor pass the journal's end; capacities
//! and severities are in range.

mod entries;

use crate::engine::Journal;
use crate::scenario::{Scenario, Secs, duration};
use crate::words::Phrase;

/// The first number of a journal that its scenario cannot hold: at which entry (its
/// position), and what.
#[derive(Debug, Clone, PartialEq)]
pub struct OutOfRange {
    pub entry: u64,
    pub what: Bad,
}

/// What is out of range.
#[derive(Debug, Clone, PartialEq)]
pub enum Bad {
    /// An id in the named field that cannot be.
    Id {
        how: IdFault,
        field: &'static str,
        value: u32,
        count: usize,
    },
    /// A number outside `range`.
    Number {
        field: &'static str,
        value: String,
        range: &'static str,
    },
    /// The entry's own id is not its position.
    EntryId { value: u64 },
    /// Time goes back from the entry before.
    TimeBack { at: Secs, before: Secs },
    /// A time the entry names for later (`field`) is before the entry's own.
    Before {
        field: &'static str,
        at: Secs,
        own: Secs,
    },
    /// After the end the header records.
    AfterEnd { at: Secs, until: Secs },
}

/// How an id is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdFault {
    /// A scenario id past the end of its list (`count` of them).
    Range,
    /// An engine-made id named before it was made (`count` made so far).
    Unmade,
    /// An engine-made id made out of turn (`count` was due).
    OutOfTurn,
}

/// Check every number in `journal` against `scenario`.
pub fn check_bounds(scenario: &Scenario, journal: &Journal) -> Result<(), OutOfRange> {
    let mut c = Checker {
        sc: scenario,
        messages: 0,
        incidents: 0,
        runs: 0,
    };
    let mut before = 0;
    for (k, e) in journal.entries.iter().enumerate() {
        let fail = |what| OutOfRange {
            entry: k as u64,
            what,
        };
        if e.id != k as u64 {
            return Err(fail(Bad::EntryId { value: e.id }));
        }
        if e.at < before {
            return Err(fail(Bad::TimeBack { at: e.at, before }));
        }
        if e.at > duration::LONGEST {
            return Err(fail(Bad::Number {
                field: "at",
                value: e.at.to_string(),
                range: LONGEST_RANGE,
            }));
        }
        if let Some(until) = journal.header.until.filter(|u| e.at > *u) {
            return Err(fail(Bad::AfterEnd { at: e.at, until }));
        }
        before = e.at;
        c.entry(e.at, &e.kind).map_err(fail)?;
    }
    Ok(())
}

/// The times a journal may name, as its error says them: up to [`duration::LONGEST`].
const LONGEST_RANGE: &str = "0..31622400 (366d)";
const _: () = assert!(
    duration::LONGEST == 31_622_400,
    "LONGEST_RANGE says LONGEST"
);

pub(super) struct Checker<'a> {
    pub sc: &'a Scenario,
    pub messages: u32,
    pub incidents: u32,
    pub runs: u32,
}

pub(super) type Checked = Result<(), Bad>;

pub(super) fn id(how: IdFault, field: &'static str, value: u32, count: usize) -> Bad {
    Bad::Id {
        how,
        field,
        value,
        count,
    }
}

/// A scenario id: below the length of its list.
pub(super) fn index(field: &'static str, value: u32, count: usize) -> Checked {
    ((value as usize) < count)
        .then_some(())
        .ok_or(id(IdFault::Range, field, value, count))
}

/// An engine-made id named: one made before.
pub(super) fn made(field: &'static str, value: u32, count: u32) -> Checked {
    (value < count)
        .then_some(())
        .ok_or(id(IdFault::Unmade, field, value, count as usize))
}

/// A new engine-made id: the next one.
pub(super) fn next(field: &'static str, value: u32, count: &mut u32) -> Checked {
    if value != *count {
        return Err(id(IdFault::OutOfTurn, field, value, *count as usize));
    }
    *count += 1;
    Ok(())
}

/// A share of capacity: 0 to 1.
pub(super) fn share(field: &'static str, value: f64) -> Checked {
    if (0.0..=1.0).contains(&value) {
        return Ok(());
    }
    Err(Bad::Number {
        field,
        value: value.to_string(),
        range: "0..1",
    })
}

pub(super) fn severity(value: Option<u8>) -> Checked {
    match value {
        Some(s) if s > 4 => Err(Bad::Number {
            field: "severity",
            value: s.to_string(),
            range: "0..4",
        }),
        _ => Ok(()),
    }
}

impl OutOfRange {
    /// As the reader is told it (`errors.ftl`).
    pub(crate) fn phrase(&self) -> Phrase {
        let p = |id| Phrase::new(id).with("entry", self.entry.to_string());
        match &self.what {
            Bad::Id {
                how,
                field,
                value,
                count,
            } => p(match how {
                IdFault::Range => "error-journal-range",
                IdFault::Unmade => "error-journal-unmade",
                IdFault::OutOfTurn => "error-journal-turn",
            })
            .with("field", *field)
            .with("value", value.to_string())
            .with("count", count.to_string()),
            Bad::Number {
                field,
                value,
                range,
            } => p("error-journal-number")
                .with("field", *field)
                .with("value", value.as_str())
                .with("range", *range),
            Bad::EntryId { value } => p("error-journal-entry-id").with("value", value.to_string()),
            Bad::TimeBack { at, before } => p("error-journal-time-back")
                .with("prev", self.entry.saturating_sub(1).to_string())
                .with("at", duration::clock(*at))
                .with("before", duration::clock(*before)),
            Bad::Before { field, at, own } => p("error-journal-before")
                .with("field", *field)
                .with("at", duration::clock(*at))
                .with("before", duration::clock(*own)),
            Bad::AfterEnd { at, until } => p("error-journal-after-end")
                .with("at", duration::clock(*at))
                .with("until", duration::clock(*until)),
        }
    }
}
