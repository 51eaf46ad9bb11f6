//! The journal: every event and accepted command in order, with its time and a
//! sequential id; written as RON or JSON Lines, with a SHA-256 hash of the JSONL.

use super::types::{
    ActionTarget, Blocked, BufferKind, Cause, Command, DetectionKind, FiredBy, IncidentId,
    MessageId, MessageText, Origin, RunId, Sender, ServiceStatus,
};
use crate::scenario::{ActionId, Impact, InjectId, MessageKind, Secs, ServiceId, TeamId, ThreatId};
use crate::words::Phrase;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// Version of the journal layout and of the engine rules that wrote it, in the
/// header. 2: random outcomes are drawn by what they decide (not in sequence), an
/// instant's world settles before anyone notices it, and `LinkHeld` says which
/// change it held. A journal of an earlier format still reads and scores, but this
/// engine cannot re-create it.
pub const JOURNAL_FORMAT: u32 = 2;

/// The first line of a journal: what it is a journal of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub scenario: String,
    pub seed: u64,
    /// The exercise time the run stood at: where scoring and replay end. Absent in
    /// journals written before it was recorded (see [`Journal::end`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Secs>,
    /// [`crate::scenario::Scenario::content_hash`] of the scenario it was recorded
    /// with. Absent in journals written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario_hash: Option<String>,
}

/// One journal entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// 0, 1, 2 ... in order.
    pub id: u64,
    /// Exercise time in seconds.
    pub at: Secs,
    pub kind: EntryKind,
}

/// What happened. Capacities are 0..=1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EntryKind {
    /// An accepted command, exactly as given (replay reads these). Boxed, as
    /// [`EntryKind::MessageSent`] is.
    Command(Box<Command>),
    /// A service's capacity or status changed.
    ServiceChanged {
        service: ServiceId,
        from: f64,
        to: f64,
        was: ServiceStatus,
        now: ServiceStatus,
        cause: Cause,
        origin: Origin,
    },
    /// A buffer took over a loss of physical supply; it lasts until `until` at this rate.
    BufferStarted {
        service: ServiceId,
        buffer: BufferKind,
        until: Secs,
    },
    /// A buffer ran out.
    BufferSpent {
        service: ServiceId,
        buffer: BufferKind,
    },
    /// A logical dependency's effect did not happen this time (its probability): the
    /// provider's change that arrived over `dep` now (where the provider settled one
    /// delay earlier; one arrival per edge and instant) and would have limited the
    /// dependent to `limit` was held. (Journals written before `limit` was recorded
    /// read it as 0.)
    LinkHeld {
        dep: crate::scenario::DepId,
        #[serde(default)]
        limit: f64,
    },
    ThreatStarted {
        threat: ThreatId,
        by: Option<InjectId>,
    },
    /// A threat got a foothold in `service` (by spreading from `from`).
    Compromised {
        threat: ThreatId,
        step: u32,
        service: ServiceId,
        from: Option<ServiceId>,
    },
    /// A threat's impact step hit `service`.
    Impact {
        threat: ThreatId,
        step: u32,
        service: ServiceId,
        impact: Impact,
    },
    StepBlocked {
        threat: ThreatId,
        step: u32,
        reason: Blocked,
    },
    /// A patch removed a threat's foothold.
    Cleaned {
        service: ServiceId,
        threat: ThreatId,
    },
    /// A team opened an incident (ground truth: the threat and origin behind it).
    IncidentOpened {
        incident: IncidentId,
        team: TeamId,
        service: ServiceId,
        kind: DetectionKind,
        threat: Option<ThreatId>,
        origin: Origin,
    },
    /// A team noticed something (the first detection of an incident comes right after
    /// its `IncidentOpened`).
    Detected {
        team: TeamId,
        incident: IncidentId,
        service: ServiceId,
        kind: DetectionKind,
    },
    /// A message was sent. Its large parts are boxed, which keeps every entry small
    /// (a journal holds many) and serialises exactly as the plain values would.
    #[allow(clippy::box_collection)]
    MessageSent {
        message: MessageId,
        from: Box<Sender>,
        to: Box<Vec<TeamId>>,
        kind: MessageKind,
        incidents: Box<Vec<IncidentId>>,
        services: Box<Vec<ServiceId>>,
        severity: Option<u8>,
        status: Option<ServiceStatus>,
        text: Box<MessageText>,
        forwarded: Option<MessageId>,
    },
    MessageDelivered {
        message: MessageId,
        to: TeamId,
    },
    ActionStarted {
        run: RunId,
        team: TeamId,
        action: ActionId,
        target: ActionTarget,
        done_at: Secs,
    },
    ActionFinished {
        run: RunId,
        team: TeamId,
        action: ActionId,
        target: ActionTarget,
    },
    InjectFired {
        inject: InjectId,
        by: FiredBy,
    },
    InjectSkipped {
        inject: InjectId,
    },
    /// A zero-delay loop kept changing this service; its further changes at this
    /// instant were not passed on.
    LoopCut {
        service: ServiceId,
    },
    /// A facilitator's note.
    Note {
        text: String,
    },
}

/// The journal of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub header: Header,
    pub entries: Vec<Entry>,
}

/// Why a journal could not be read back.
#[derive(Debug)]
pub enum JournalError {
    Json { line: usize, message: String },
    Empty,
    Ron(String),
}

impl EntryKind {
    /// Whether the entry says what a team noticed (a detection, an incident opened)
    /// rather than what happened. Only these depend on who watches: monitoring levels,
    /// `visible` flags and the teams in play never change any other entry.
    pub fn is_view(&self) -> bool {
        matches!(
            self,
            EntryKind::IncidentOpened { .. } | EntryKind::Detected { .. }
        )
    }
}

impl Journal {
    /// An empty journal, with room reserved for a run over `services` services: a
    /// service changes a few times in a typical run, and reserved pages that are never
    /// written cost nothing, while growing by copying costs a large run a lot.
    pub(crate) fn new(scenario: &str, seed: u64, services: usize) -> Self {
        Journal {
            header: Header {
                format: JOURNAL_FORMAT,
                scenario: scenario.to_string(),
                seed,
                until: Some(0),
                scenario_hash: None,
            },
            entries: super::hugepages::with_capacity(256 + 16 * services),
        }
    }

    pub(crate) fn push(&mut self, at: Secs, kind: EntryKind) -> u64 {
        let id = self.entries.len() as u64;
        self.entries.push(Entry { id, at, kind });
        id
    }

    /// Where the run stood: the header's `until`, or for a journal that does not
    /// record it, `fallback` or the last entry's time, whichever is later.
    pub fn end(&self, fallback: Secs) -> Secs {
        let last = self.entries.last().map_or(0, |e| e.at);
        self.header.until.unwrap_or(fallback.max(last))
    }

    /// The id the next entry will get.
    pub fn next_id(&self) -> u64 {
        self.entries.len() as u64
    }

    /// The accepted commands with their times, in order: what [`super::replay`] takes.
    pub fn commands(&self) -> Vec<(Secs, Command)> {
        self.entries
            .iter()
            .filter_map(|e| match &e.kind {
                EntryKind::Command(c) => Some((e.at, (**c).clone())),
                _ => None,
            })
            .collect()
    }

    /// Every change of `service` in order: its time, and the capacity and status after it.
    pub fn changes_of(&self, service: ServiceId) -> Vec<(Secs, f64, ServiceStatus)> {
        self.entries
            .iter()
            .filter_map(|e| match e.kind {
                EntryKind::ServiceChanged {
                    service: s,
                    to,
                    now,
                    ..
                } if s == service => Some((e.at, to, now)),
                _ => None,
            })
            .collect()
    }

    /// JSON Lines: the header, then one entry per line; each line ends in `\n`.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::with_capacity(64 + self.entries.len() * 96);
        json_line(&mut out, &self.header);
        for e in &self.entries {
            json_line(&mut out, e);
        }
        out
    }

    /// Read JSON Lines written by [`Self::to_jsonl`].
    pub fn from_jsonl(text: &str) -> Result<Self, JournalError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let (_, first) = lines.next().ok_or(JournalError::Empty)?;
        let err = |line: usize, e: serde_json::Error| JournalError::Json {
            line: line + 1,
            message: e.to_string(),
        };
        let header: Header = serde_json::from_str(first).map_err(|e| err(0, e))?;
        let mut entries = Vec::new();
        for (n, l) in lines {
            entries.push(serde_json::from_str(l).map_err(|e| err(n, e))?);
        }
        Ok(Journal { header, entries })
    }

    /// The journal as pretty RON.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
    }

    /// Read RON written by [`Self::to_ron`].
    pub fn from_ron(text: &str) -> Result<Self, JournalError> {
        ron::from_str(text).map_err(|e| JournalError::Ron(e.to_string()))
    }

    /// SHA-256 of [`Self::to_jsonl`], as 64 lowercase hex digits.
    pub fn hash(&self) -> String {
        let digest = Sha256::digest(self.to_jsonl().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Append `v` as one JSON line. Plain data with string keys: serialising cannot fail.
fn json_line<T: Serialize>(out: &mut String, v: &T) {
    out.push_str(&serde_json::to_string(v).unwrap_or_default());
    out.push('\n');
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let phrase = match self {
            JournalError::Json { line, message } => Phrase::new("error-journal-line")
                .with("line", line.to_string())
                .with("message", message.as_str()),
            JournalError::Empty => Phrase::new("error-journal-empty"),
            JournalError::Ron(message) => return f.write_str(message),
        };
        f.write_str(&phrase.word(crate::words::default_lang()))
    }
}

impl std::error::Error for JournalError {}
