//! The report's words: the ids of its messages, by what they name.

use crate::engine::ServiceStatus;
use crate::scenario::{Lang, MessageKind};
use crate::scoring::{Outcome, Phase};

/// A word of the report: the id of its message in `assets/locales/*/report.ftl`.
#[derive(Clone, Copy)]
pub(crate) struct T(pub &'static str);

impl T {
    pub fn get(self, lang: Lang) -> &'static str {
        crate::words::say_static(lang, self.0)
    }

    /// The other language's words (for bilingual headings).
    pub fn alt(self, lang: Lang) -> &'static str {
        self.get(lang.other())
    }
}

// Headings.
pub(crate) const TITLE: T = T("r-title");
pub(crate) const TEAMS: T = T("r-teams");
pub(crate) const INCIDENTS: T = T("r-incidents");
pub(crate) const RESPONSE_CHART: T = T("r-response-chart");
pub(crate) const IMPACT: T = T("r-impact");
pub(crate) const CAPACITY_CHART: T = T("r-capacity-chart");
pub(crate) const COORDINATION: T = T("r-coordination");
pub(crate) const CHAIN: T = T("r-chain");
pub(crate) const CHAIN_CHART: T = T("r-chain-chart");
pub(crate) const WARNINGS: T = T("r-warnings");
pub(crate) const MESSAGES: T = T("r-messages");
pub(crate) const ACCURACY: T = T("r-accuracy");
pub(crate) const NOTES: T = T("r-notes");
pub(crate) const PLAN: T = T("r-plan");
pub(crate) const METHOD: T = T("r-method");

// Labels.
pub(crate) const SCENARIO: T = T("r-scenario");
pub(crate) const SEED: T = T("r-seed");
pub(crate) const START: T = T("r-start");
pub(crate) const SCORED_TO: T = T("r-scored-to");
pub(crate) const HASH: T = T("r-hash");
pub(crate) const OVERALL: T = T("r-overall");
pub(crate) const GRADE: T = T("r-grade");
pub(crate) const AVOIDED: T = T("r-avoided");
pub(crate) const TEAM: T = T("r-team");
pub(crate) const SCORE: T = T("r-score");
pub(crate) const ON_TIME_DUTIES: T = T("r-on-time-duties");
pub(crate) const SEVERITY: T = T("r-severity");
pub(crate) const STARTED: T = T("r-started");
pub(crate) const HITS: T = T("r-hits");
pub(crate) const OWNERS: T = T("r-owners");
pub(crate) const DEPENDENTS: T = T("r-dependents");
pub(crate) const PHASE: T = T("r-phase");
pub(crate) const DEADLINE: T = T("r-deadline");
pub(crate) const DONE_AT: T = T("r-done-at");
pub(crate) const TOOK: T = T("r-took");
pub(crate) const OUTCOME: T = T("r-outcome");
pub(crate) const POINTS: T = T("r-points");
pub(crate) const SECTOR: T = T("r-sector");
pub(crate) const LOST_RUN: T = T("r-lost-run");
pub(crate) const LOST_BASE: T = T("r-lost-base");
pub(crate) const AVOIDED_SHORT: T = T("r-avoided-short");
pub(crate) const TOTAL: T = T("r-total");
pub(crate) const UNIT: T = T("r-unit");
pub(crate) const TIME: T = T("r-time");
pub(crate) const LEARNT_FROM: T = T("r-learnt-from");
pub(crate) const HELD: T = T("r-held");
pub(crate) const TRANSIT: T = T("r-transit");
pub(crate) const OWN_DETECTION: T = T("r-own-detection");
pub(crate) const HIT_AT: T = T("r-hit-at");
pub(crate) const WARNED_AT: T = T("r-warned-at");
pub(crate) const HIT_FIRST: T = T("r-hit-first");
pub(crate) const WARNED_FIRST: T = T("r-warned-first");
pub(crate) const NOT_HIT: T = T("r-not-hit");
pub(crate) const NEVER: T = T("r-never");
pub(crate) const SENT: T = T("r-sent");
pub(crate) const ARRIVED: T = T("r-arrived");
pub(crate) const FROM: T = T("r-from");
pub(crate) const TO: T = T("r-to");
pub(crate) const KIND: T = T("r-kind");
pub(crate) const ABOUT: T = T("r-about");
pub(crate) const CHECKED: T = T("r-checked");
pub(crate) const CORRECT: T = T("r-correct");
pub(crate) const WRONG: T = T("r-wrong");
pub(crate) const NO_CLAIMS: T = T("r-no-claims");
pub(crate) const NO_NOTES: T = T("r-no-notes");
pub(crate) const NO_INCIDENTS: T = T("r-no-incidents");
pub(crate) const NO_MESSAGES: T = T("r-no-messages");
pub(crate) const STRENGTHS: T = T("r-strengths");
pub(crate) const AREAS: T = T("r-areas");
pub(crate) const ACTIONS: T = T("r-actions");
pub(crate) const OWNER: T = T("r-owner");
pub(crate) const DUE: T = T("r-due");
pub(crate) const NOT_SCORED: T = T("r-not-scored");
pub(crate) const BASELINE_KEY: T = T("r-baseline-key");
pub(crate) const DEADLINE_MARK: T = T("r-deadline-mark");
pub(crate) const NO_CREDIT_MARK: T = T("r-no-credit-mark");
pub(crate) const INCIDENT: T = T("r-incident");
pub(crate) const NOT_DONE: T = T("r-not-done");
pub(crate) const DETECTED: T = T("r-detected");
pub(crate) const MESSAGE_KEY: T = T("r-message-key");
pub(crate) const SEVERITY_WORD: T = T("r-severity-word");
pub(crate) const METHOD_TEXT: T = T("r-method-text");

pub(crate) fn phase(p: Phase) -> T {
    match p {
        Phase::Detect => T("r-phase-detect"),
        Phase::Report => T("r-phase-report"),
        Phase::Share => T("r-phase-share"),
        Phase::Contain => T("r-phase-contain"),
        Phase::Restore => T("r-phase-restore"),
    }
}

pub(crate) fn outcome(o: Outcome) -> T {
    match o {
        Outcome::OnTime => T("r-outcome-on-time"),
        Outcome::Late => T("r-outcome-late"),
        Outcome::Missed => T("r-outcome-missed"),
        Outcome::Open => T("r-outcome-open"),
        Outcome::NotApplicable => T("r-outcome-not-applicable"),
    }
}

pub(crate) fn kind(k: MessageKind) -> T {
    match k {
        MessageKind::Report => T("r-kind-report"),
        MessageKind::Alert => T("r-kind-alert"),
        MessageKind::Request => T("r-kind-request"),
        MessageKind::Information => T("r-kind-information"),
        MessageKind::PublicStatement => T("r-kind-public-statement"),
    }
}

pub(crate) fn status(s: ServiceStatus) -> T {
    match s {
        ServiceStatus::Up => T("r-status-up"),
        ServiceStatus::Degraded => T("r-status-degraded"),
        ServiceStatus::Down => T("r-status-down"),
        ServiceStatus::OnBackup => T("r-status-on-backup"),
        ServiceStatus::Recovering => T("r-status-recovering"),
    }
}
