//! A journal from outside is believed only once checked: it was recorded with this
//! version of its scenario (the content hash in its header), and replaying its
//! commands gives exactly its entries. What `report` and the debrief score.

use super::bounds::{OutOfRange, check_bounds};
use crate::engine::{EntryKind, Journal, ReplayError, replay};

use crate::scenario::{Scenario, Secs, duration};
use crate::words::{Phrase, default_lang};
use std::fmt;
use std::sync::Arc;

/// Why a journal is not believed.
#[derive(Debug, Clone, PartialEq)]
pub enum Untrusted {
    /// Recorded with another version of the scenario (same id, other content).
    OtherVersion {
        scenario: String,
    },
    /// The replay refuses one of its commands (entry id, time, why).
    Refused {
        entry: u64,
        at: Secs,
        why: String,
    },
    /// The replay gives another entry here (entry id, time), or ends elsewhere.
    Differs {
        entry: u64,
        at: Secs,
    },
    Length {
        journal: usize,
        replay: usize,
    },
    /// A number its scenario cannot hold (checked before anything else reads it).
    OutOfRange(OutOfRange),
}

/// Check `journal` against `scenario`: its version of the scenario, then every number
/// in range ([`check_bounds`]), then its replay. A journal written before headers named their
/// scenario's version is checked by its replay alone; one recorded under an earlier
/// journal format (other engine rules, so its replay differs by design) is taken as
/// recorded, as its reader is told.
pub fn check_journal(scenario: &Arc<Scenario>, journal: &Journal) -> Result<(), Untrusted> {
    if let Some(other) = other_version(scenario, journal) {
        return Err(other);
    }
    check_bounds(scenario, journal).map_err(Untrusted::OutOfRange)?;
    if journal.header.format < crate::engine::JOURNAL_FORMAT {
        return Ok(());
    }
    let end = journal.end(scenario.duration);
    let commands = journal.commands();
    let engine = replay(scenario.clone(), journal.header.seed, &commands, end).map_err(|e| {
        let ReplayError::Refused { index, at, error } = e;
        Untrusted::Refused {
            entry: command_entry(journal, index),
            at,
            why: error.to_string(),
        }
    })?;
    let again = &engine.journal().entries;
    if let Some((k, e)) = journal
        .entries
        .iter()
        .enumerate()
        .find(|(k, e)| again.get(*k) != Some(*e))
    {
        return Err(Untrusted::Differs {
            entry: k as u64,
            at: e.at,
        });
    }
    if again.len() != journal.entries.len() {
        return Err(Untrusted::Length {
            journal: journal.entries.len(),
            replay: again.len(),
        });
    }
    Ok(())
}

/// Whether `journal` names a version of its scenario other than `scenario`.
pub(crate) fn other_version(scenario: &Scenario, journal: &Journal) -> Option<Untrusted> {
    let recorded = journal.header.scenario_hash.as_ref()?;
    (*recorded != scenario.content_hash()).then(|| Untrusted::OtherVersion {
        scenario: scenario.id.clone(),
    })
}

/// The id of the entry holding the `index`-th command of `journal` (0 if none).
pub(crate) fn command_entry(journal: &Journal, index: usize) -> u64 {
    journal
        .entries
        .iter()
        .filter(|e| matches!(e.kind, EntryKind::Command(_)))
        .nth(index)
        .map_or(0, |e| e.id)
}

impl Untrusted {
    /// The entry it is about, if one.
    pub fn entry(&self) -> Option<u64> {
        match self {
            Untrusted::Refused { entry, .. } | Untrusted::Differs { entry, .. } => Some(*entry),
            Untrusted::OutOfRange(o) => Some(o.entry),
            Untrusted::OtherVersion { .. } | Untrusted::Length { .. } => None,
        }
    }

    /// The line of the journal file it is about: the entry's own in JSON Lines (after
    /// the header), else the first.
    pub fn line(&self, ron: bool) -> usize {
        self.entry().filter(|_| !ron).map_or(1, |k| k as usize + 2)
    }
}

impl Untrusted {
    /// Why, as the reader is told it (`errors.ftl`).
    pub fn phrase(&self) -> Phrase {
        match self {
            Untrusted::OtherVersion { scenario } => {
                Phrase::new("error-journal-other-version").with("scenario", scenario.as_str())
            }
            Untrusted::Refused { entry, at, why } => Phrase::new("error-journal-refused")
                .with("entry", entry.to_string())
                .with("at", duration::clock(*at))
                .with("why", why.as_str()),
            Untrusted::Differs { entry, at } => Phrase::new("error-journal-differs")
                .with("entry", entry.to_string())
                .with("at", duration::clock(*at)),
            Untrusted::Length { journal, replay } => Phrase::new("error-journal-length")
                .with("journal", journal.to_string())
                .with("replay", replay.to_string()),
            Untrusted::OutOfRange(o) => o.phrase(),
        }
    }
}

impl fmt::Display for Untrusted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.phrase().word(default_lang()))
    }
}

impl std::error::Error for Untrusted {}
