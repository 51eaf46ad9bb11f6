//! A scenario problem in words: `file:line:column: error: what`, and its hint, from
//! `problem.ftl` in the language the command line speaks.

use super::{Part, Phrase, default_lang};
use crate::scenario::{Level, Never, Problem, ProblemKind};
use std::fmt;

/// A noun of a problem (`service`, `capacity under DDoS`), worded by the language that
/// knows it and left in English by one that does not.
fn noun(what: &str) -> Phrase {
    let key: String = what
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '_')
        .map(|c| {
            if c == ' ' || c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    Phrase::new("problem-noun")
        .with("key", key)
        .with("text", what)
}

fn with_text(id: &'static str, text: &str) -> Phrase {
    Phrase::new(id).with("a", text)
}

/// Why an inject never fires.
fn never_phrase(why: &Never) -> Phrase {
    let p = Phrase::new;
    match why {
        Never::AtEnd { at, end } => p("problem-never-at-end")
            .with("at", Part::Span(*at))
            .with("end", Part::Span(*end)),
        Never::ServiceUnaffected(s) => with_text("problem-never-down", s),
        Never::NoMessage { team, kind: None } => with_text("problem-never-message", team),
        Never::NoMessage {
            team,
            kind: Some(k),
        } => p("problem-never-message-kind")
            .with("team", team.as_str())
            .with("kind", format!("{k:?}")),
        Never::NoAction { action, team: None } => with_text("problem-never-action", action),
        Never::NoAction {
            action,
            team: Some(t),
        } => p("problem-never-action-by")
            .with("action", action.as_str())
            .with("team", t.as_str()),
        Never::NoBranch => p("problem-never-any"),
        Never::NotAlways => p("problem-never-not"),
    }
}

/// What `kind` says.
pub fn problem_phrase(kind: &ProblemKind) -> Phrase {
    use ProblemKind as K;
    let p = Phrase::new;
    match kind {
        K::Io(e) => with_text("problem-io", e),
        K::Syntax(e) => with_text("problem-syntax", e),
        K::MissingInclude(f) => with_text("problem-missing-include", f),
        K::CircularInclude(c) => with_text("problem-circular-include", c),
        K::Missing(f) => with_text("problem-missing", f),
        K::Unknown { what, id } => p("problem-unknown")
            .with("what", noun(what))
            .with("id", id.as_str()),
        K::Duplicate { what, id } => p("problem-duplicate")
            .with("what", noun(what))
            .with("id", id.as_str()),
        K::EmptyId(what) => p("problem-empty-id").with("what", noun(what)),
        K::ControlsNothing(t) => with_text("problem-controls-nothing", t),
        K::PlayedTwice { org, first, second } => p("problem-played-twice")
            .with("org", org.as_str())
            .with("first", first.as_str())
            .with("second", second.as_str()),
        K::SelfDependency(s) => with_text("problem-self-dependency", s),
        K::SelfChannel(t) => with_text("problem-self-channel", t),
        K::NoKind(d) => with_text("problem-no-kind", d),
        K::BadDuration(t) => with_text("problem-bad-duration", t),
        K::NegativeDuration(t) => with_text("problem-negative-duration", t),
        K::LongDuration(t) => with_text("problem-long-duration", t),
        K::ZeroDuration(what) => p("problem-zero-duration").with("what", noun(what)),
        K::BadSeverity(n) => with_text("problem-bad-severity", &n.to_string()),
        K::OutOfRange { what, value } => p("problem-out-of-range")
            .with("what", noun(what))
            .with("value", value.as_str()),
        K::OutOfBounds { what, value, range } => p("problem-out-of-bounds")
            .with("what", noun(what))
            .with("value", value.as_str())
            .with("range", *range),
        K::SeverityTwice(n) => with_text("problem-severity-twice", &n.to_string()),
        K::SeverityMissing(n) => with_text("problem-severity-missing", &n.to_string()),
        K::NoTrigger(i) => with_text("problem-no-trigger", i),
        K::TwoTriggers(i) => with_text("problem-two-triggers", i),
        K::NoLatency(a, b) => p("problem-no-latency")
            .with("from", a.as_str())
            .with("to", b.as_str()),
        K::BadLanguage(l) => with_text("problem-bad-language", l),
        K::BadStartClock(t) => with_text("problem-bad-start-clock", t),
        K::BadColour(c) => with_text("problem-bad-colour", c),
        K::EmptyText => p("problem-empty-text"),
        K::ZeroDelayCycle(c) => with_text("problem-zero-delay-cycle", c),
        K::FailLoop(c) => with_text("problem-fail-loop", c),
        K::AfterEnd { what, at, end } => p("problem-after-end")
            .with("what", what.as_str())
            .with("at", at.as_str())
            .with("end", end.as_str()),
        K::NothingExpected(o) => with_text("problem-nothing-expected", o),
        K::NoChannelFor { from, to } => p("problem-no-channel-for")
            .with("from", from.as_str())
            .with("to", to.as_str()),
        K::NeverFires { inject, why } => p("problem-never-fires")
            .with("inject", inject.as_str())
            .with("why", never_phrase(why)),
        K::Unaffected(s) => with_text("problem-unaffected", s),
        K::NeverFired { inject, runs } => p("problem-never-fired")
            .with("inject", inject.as_str())
            .with("runs", runs.to_string()),
        K::BranchNeverHeld { inject, runs } => p("problem-branch-never-held")
            .with("inject", inject.as_str())
            .with("runs", runs.to_string()),
        K::LinkNeverHeld { from, to, runs } => p("problem-link-never-held")
            .with("from", from.as_str())
            .with("to", to.as_str())
            .with("runs", runs.to_string()),
        K::NoDiscrimination { textbook, absent } => p("problem-no-discrimination")
            .with("textbook", textbook.as_str())
            .with("absent", absent.as_str()),
        K::Unreachable(t) => with_text("problem-unreachable", t),
        K::NoTeamMayTake(a) => with_text("problem-no-team-may-take", a),
        K::SlowReport {
            threat, took: None, ..
        } => with_text("problem-report-no-channel", threat),
        K::SlowReport {
            threat,
            took: Some(t),
            deadline,
        } => p("problem-slow-report")
            .with("threat", threat.as_str())
            .with("took", Part::Span(*t))
            .with("deadline", Part::Span(*deadline)),
        K::SlowShare {
            threat,
            team,
            took: None,
            ..
        } => p("problem-share-no-path")
            .with("threat", threat.as_str())
            .with("team", team.as_str()),
        K::SlowShare {
            threat,
            team,
            took: Some(t),
            deadline,
        } => p("problem-slow-share")
            .with("threat", threat.as_str())
            .with("team", team.as_str())
            .with("took", Part::Span(*t))
            .with("deadline", Part::Span(*deadline)),
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&problem_phrase(self).word(default_lang()))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = Phrase::new(match self.level {
            Level::Error => "problem-error",
            Level::Warning => "problem-warning",
        });
        let line = Phrase::new("problem-line")
            .with("file", self.file.as_str())
            .with("line", self.pos.line.to_string())
            .with("col", self.pos.col.to_string())
            .with("level", level)
            .with("what", Part::Said(problem_phrase(&self.kind)));
        let lang = default_lang();
        f.write_str(&line.word(lang))?;
        if let Some(hint) = &self.hint {
            let hint = Phrase::new("problem-hint").with("hint", hint.as_str());
            write!(f, "\n{}", hint.word(lang))?;
        }
        Ok(())
    }
}
