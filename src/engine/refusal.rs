//! Why a command was refused: what the engine says (the refusal and its facts); the
//! words are messages in `assets/locales/*/refusal.ftl`.

use crate::scenario::{Lang, Role};
use crate::words::Phrase;
use std::fmt;

/// Why a command was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandError {
    UnknownTeam(u32),
    UnknownAction(u32),
    UnknownService(u32),
    UnknownOrganisation(u32),
    UnknownInject(u32),
    UnknownMessage(u32),
    RoleNotAllowed {
        team: String,
        action: String,
        role: Role,
        allowed: String,
    },
    /// `expected`: `service` or `organisation` (one of the team's).
    WrongTarget {
        action: String,
        expected: &'static str,
    },
    NotControlled {
        team: String,
        target: String,
    },
    NotSuspected {
        team: String,
        service: String,
    },
    AlreadyRunning {
        action: String,
        target: String,
    },
    NoChannel {
        from: String,
        to: String,
    },
    NoRecipients,
    ToSelf(String),
    /// `what`: `forward` or `broadcast`.
    NotCentre {
        team: String,
        role: Role,
        what: &'static str,
    },
    BadSeverity(u8),
    BadCapacity(f64),
    UnknownIncident {
        team: String,
        incident: u32,
    },
    NotInInbox {
        team: String,
        message: u32,
    },
    InjectSpent(String),
    InjectSkipped(String),
}

fn role(r: Role) -> Phrase {
    Phrase::new(match r {
        Role::Operator => "refused-role-operator",
        Role::Ministry => "refused-role-ministry",
        Role::Ceptoar => "refused-role-ceptoar",
        Role::Centre => "refused-role-centre",
        Role::Organiser => "refused-role-organiser",
    })
}

impl CommandError {
    /// What the refusal says, to be worded in any language.
    pub fn phrase(&self) -> Phrase {
        use CommandError as E;
        let p = Phrase::new;
        let number = |id, n: &u32| p(id).with("n", n.to_string());
        match self {
            E::UnknownTeam(n) => number("refused-unknown-team", n),
            E::UnknownAction(n) => number("refused-unknown-action", n),
            E::UnknownService(n) => number("refused-unknown-service", n),
            E::UnknownOrganisation(n) => number("refused-unknown-organisation", n),
            E::UnknownInject(n) => number("refused-unknown-inject", n),
            E::UnknownMessage(n) => number("refused-unknown-message", n),
            E::RoleNotAllowed {
                team,
                action,
                role: r,
                allowed,
            } => p("refused-role")
                .with("team", team.as_str())
                .with("role", role(*r))
                .with("action", action.as_str())
                .with("allowed", allowed.as_str()),
            E::WrongTarget { action, expected } => p("refused-wrong-target")
                .with("action", action.as_str())
                .with("expected", *expected),
            E::NotControlled { team, target } => p("refused-not-controlled")
                .with("team", team.as_str())
                .with("target", target.as_str()),
            E::NotSuspected { team, service } => p("refused-not-suspected")
                .with("team", team.as_str())
                .with("service", service.as_str()),
            E::AlreadyRunning { action, target } => p("refused-already-running")
                .with("action", action.as_str())
                .with("target", target.as_str()),
            E::NoChannel { from, to } => p("refused-no-channel")
                .with("from", from.as_str())
                .with("to", to.as_str()),
            E::NoRecipients => p("refused-no-recipients"),
            E::ToSelf(team) => p("refused-to-self").with("team", team.as_str()),
            E::NotCentre {
                team,
                role: r,
                what,
            } => p("refused-not-centre")
                .with("what", *what)
                .with("team", team.as_str())
                .with("role", role(*r)),
            E::BadSeverity(n) => p("refused-bad-severity").with("n", n.to_string()),
            E::BadCapacity(x) => p("refused-bad-capacity").with("x", x.to_string()),
            E::UnknownIncident { team, incident } => p("refused-unknown-incident")
                .with("team", team.as_str())
                .with("incident", incident.to_string()),
            E::NotInInbox { team, message } => p("refused-not-in-inbox")
                .with("message", message.to_string())
                .with("team", team.as_str()),
            E::InjectSpent(i) => p("refused-inject-spent").with("inject", i.as_str()),
            E::InjectSkipped(i) => p("refused-inject-skipped").with("inject", i.as_str()),
        }
    }

    /// The refusal in `lang`.
    pub fn word(&self, lang: Lang) -> String {
        self.phrase().word(lang)
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.word(crate::words::default_lang()))
    }
}

impl std::error::Error for CommandError {}
