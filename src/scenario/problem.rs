//! Problems found while loading a scenario: where (file:line:column), what, and a hint.

use super::kinds::MessageKind;
use super::model::Secs;
use super::spans::Pos;
use std::fmt;

/// Errors stop a file from loading; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

/// What is wrong. Its words (what authors read, so tests assert them) are messages in
/// `assets/locales/*/problem.ftl`, worded by `words::problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Io(String),
    Syntax(String),
    MissingInclude(String),
    CircularInclude(String),
    Missing(&'static str),
    Unknown {
        what: &'static str,
        id: String,
    },
    Duplicate {
        what: &'static str,
        id: String,
    },
    EmptyId(&'static str),
    ControlsNothing(String),
    PlayedTwice {
        org: String,
        first: String,
        second: String,
    },
    SelfDependency(String),
    SelfChannel(String),
    NoKind(String),
    BadDuration(String),
    NegativeDuration(String),
    /// Longer than the longest time anything may name (366 days).
    LongDuration(String),
    ZeroDuration(&'static str),
    BadSeverity(i64),
    OutOfRange {
        what: &'static str,
        value: String,
    },
    OutOfBounds {
        what: &'static str,
        value: String,
        range: &'static str,
    },
    SeverityTwice(i64),
    SeverityMissing(usize),
    NoTrigger(String),
    TwoTriggers(String),
    NoLatency(String, String),
    BadLanguage(String),
    BadStartClock(String),
    BadColour(String),
    EmptyText,
    ZeroDelayCycle(String),
    FailLoop(String),
    AfterEnd {
        what: String,
        at: String,
        end: String,
    },
    /// An objective no expected action is linked to.
    NothingExpected(String),
    /// An expected message between teams with no channel from one to the other.
    NoChannelFor {
        from: String,
        to: String,
    },
    /// An inject whose trigger can never hold before the exercise ends.
    NeverFires {
        inject: String,
        why: Never,
    },
    /// A service no threat, inject or provider can affect.
    Unaffected(String),
    /// A team that can receive neither an incident nor a message.
    Unreachable(String),
    /// An action no team may take.
    NoTeamMayTake(String),
    /// A threat whose owners cannot report it to a ministry desk or the centre by the
    /// report deadline: `took` is the fastest channel's latency (`None`: no channel).
    SlowReport {
        threat: String,
        took: Option<Secs>,
        deadline: Secs,
    },
    /// An inject that fired in none of the lint's runs (textbook and absent bots).
    NeverFired {
        inject: String,
        runs: u64,
    },
    /// A part of an inject's `Any` condition that held in none of the lint's runs.
    BranchNeverHeld {
        inject: String,
        runs: u64,
    },
    /// A logical link whose worsening took hold in none of the lint's runs.
    LinkNeverHeld {
        from: String,
        to: String,
        runs: u64,
    },
    /// Textbook and absent bot teams score within 15 points of each other.
    NoDiscrimination {
        textbook: String,
        absent: String,
    },
    /// A threat's dependent team that no message can reach from its owners by the share
    /// deadline: `took` is the fastest path (`None`: no path).
    SlowShare {
        threat: String,
        team: String,
        took: Option<Secs>,
        deadline: Secs,
    },
}

/// Why an inject can never fire: what its trigger waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Never {
    /// A time at or after the end of the exercise.
    AtEnd { at: Secs, end: Secs },
    /// This service down, and nothing can take it down.
    ServiceUnaffected(String),
    /// A message to this team (of this kind), and none can reach it.
    NoMessage {
        team: String,
        kind: Option<MessageKind>,
    },
    /// This action taken (by this team), and no such team may take it.
    NoAction {
        action: String,
        team: Option<String>,
    },
    /// `Any` of conditions none of which can hold.
    NoBranch,
    /// `Not` of a condition that always holds.
    NotAlways,
}

/// One problem, located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub pos: Pos,
    pub level: Level,
    pub kind: ProblemKind,
    pub hint: Option<String>,
}

/// Every problem of a file that did not load (at least one is an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl std::error::Error for ProblemKind {}

impl std::error::Error for Problems {}

impl Problems {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.level == Level::Error)
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `wanted`, as a "did you mean" hint.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(wanted, c);
        if score > 0.8 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| format!("did you mean `{c}`?"))
}
