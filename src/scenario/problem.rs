//! Problems found while loading a scenario: where (file:line:column), what, and a hint.

use super::spans::Pos;
use std::fmt;

/// Errors stop a file from loading; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

/// What is wrong. The text is what authors read, so tests assert it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    #[error("cannot read the file: {0}")]
    Io(String),
    #[error("{0}")]
    Syntax(String),
    #[error("include `{0}` not found")]
    MissingInclude(String),
    #[error("circular include: {0}")]
    CircularInclude(String),
    #[error("missing `{0}`")]
    Missing(&'static str),
    #[error("unknown {what} `{id}`")]
    Unknown { what: &'static str, id: String },
    #[error("duplicate {what} id `{id}`")]
    Duplicate { what: &'static str, id: String },
    #[error("empty {0} id")]
    EmptyId(&'static str),
    #[error("team `{0}` controls no organisation")]
    ControlsNothing(String),
    #[error("organisation `{org}` is played by two teams, `{first}` and `{second}`")]
    PlayedTwice {
        org: String,
        first: String,
        second: String,
    },
    #[error("service `{0}` depends on itself")]
    SelfDependency(String),
    #[error("channel from team `{0}` to itself")]
    SelfChannel(String),
    #[error("dependency `{0}` has no kind")]
    NoKind(String),
    #[error("cannot read duration `{0}`")]
    BadDuration(String),
    #[error("negative duration `{0}`")]
    NegativeDuration(String),
    #[error("{0} must not be zero")]
    ZeroDuration(&'static str),
    #[error("severity {0} is outside 0..4")]
    BadSeverity(i64),
    #[error("{what} {value} is outside 0..1")]
    OutOfRange { what: &'static str, value: String },
    #[error("{what} {value} is outside {range}")]
    OutOfBounds {
        what: &'static str,
        value: String,
        range: &'static str,
    },
    #[error("severity level {0} is defined twice")]
    SeverityTwice(i64),
    #[error("severity level {0} is not defined")]
    SeverityMissing(usize),
    #[error("inject `{0}` has neither `at` nor `when`")]
    NoTrigger(String),
    #[error("inject `{0}` has both `at` and `when`")]
    TwoTriggers(String),
    #[error("channel `{0}` -> `{1}` has no latency and no reporting chain is included")]
    NoLatency(String, String),
    #[error("unknown language `{0}`")]
    BadLanguage(String),
    #[error("cannot read start clock `{0}`")]
    BadStartClock(String),
    #[error("bad colour `{0}`")]
    BadColour(String),
    #[error("text has neither `en` nor `ja`")]
    EmptyText,
    #[error("zero-delay dependency cycle: {0}")]
    ZeroDelayCycle(String),
    #[error("loop of `Fail` dependencies that nothing can break: {0}")]
    FailLoop(String),
    #[error("{what} at {at} is after the end of the exercise ({end})")]
    AfterEnd {
        what: String,
        at: String,
        end: String,
    },
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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {level}: {}",
            self.file, self.pos.line, self.pos.col, self.kind
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every problem of a file that did not load (at least one is an error).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

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
