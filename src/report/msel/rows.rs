//! The MSEL as rows: every inject and threat step in time order, with its trigger,
//! what it delivers to whom, and the actions expected in answer. Every format (CSV,
//! xlsx, Markdown, HTML) writes these rows.

use crate::report::fmt;
use crate::scenario::{
    Anchor, Condition, Delivery, Design, Expectation, Impact, InjectId, Lang, Scenario, Secs,
    StepKind, ThreatId, Trigger,
};
use crate::words::Arg::{Num, Str};
use crate::words::{say, say_with};

/// One event of the MSEL, worded in one language.
pub(crate) struct MselRow {
    /// Exercise seconds, where the event's time is known before the run.
    pub at: Option<Secs>,
    /// The time on the scenario's wall clock and as exercise time, or the condition.
    pub when: String,
    /// `inject` or `threat step`, in words.
    pub event: String,
    /// The inject's id, or the threat's id and the step's number.
    pub id: String,
    /// What it delivers or does, one line each.
    pub delivers: Vec<String>,
    /// The actions expected in answer, one line each.
    pub expected: Vec<String>,
}

/// The rows of `sc`'s MSEL: timed events by time (injects before threat steps at one
/// time), then the conditional ones in file order.
pub(crate) fn rows(sc: &Scenario, d: &Design, lang: Lang) -> Vec<MselRow> {
    let starts = threat_starts(sc);
    let mut out = Vec::new();
    for (i, inj) in sc.injects.iter().enumerate() {
        let at = match inj.trigger {
            Trigger::At(t) => Some(t),
            Trigger::When(_) => None,
        };
        let when = match &inj.trigger {
            Trigger::At(t) => clock(sc, *t),
            Trigger::When(c) => condition(sc, c, lang),
        };
        let anchor = Anchor::Inject(InjectId(i as u32));
        out.push(MselRow {
            at,
            when,
            event: say(lang, "m-inject"),
            id: inj.id.clone(),
            delivers: inj.deliver.iter().map(|x| delivery(sc, x, lang)).collect(),
            expected: expected(sc, d, anchor, at, lang),
        });
    }
    for (t, th) in sc.threats.iter().enumerate() {
        let start = starts[t];
        let anchor = Anchor::Threat(ThreatId(t as u32));
        for (k, step) in th.steps.iter().enumerate() {
            let at = start.at().map(|s| s + step.at);
            let when = match start {
                Start::At(s) => clock(sc, s + step.at),
                Start::AfterInject(i) => {
                    let inject = sc.injects[i.idx()].id.as_str();
                    let after = fmt::dur(step.at, lang);
                    let args = [("inject", Str(inject)), ("after", Str(&after))];
                    say_with(lang, "m-after-inject", &args)
                }
            };
            // A threat's expected actions sit with its first step.
            let expected = if k == 0 {
                expected(sc, d, anchor, start.at(), lang)
            } else {
                vec![]
            };
            out.push(MselRow {
                at,
                when,
                event: say(lang, "m-threat-step"),
                id: format!("{} #{}", th.id, k + 1),
                delivers: vec![step_words(sc, th.name.get(lang), &step.kind, lang)],
                expected,
            });
        }
    }
    // Stable: injects (listed first) stay before threat steps of the same time.
    out.sort_by_key(|r| (r.at.is_none(), r.at));
    out
}

/// When a threat starts: at the exercise start, at a timed inject's time, or when a
/// conditional inject fires.
#[derive(Clone, Copy)]
enum Start {
    At(Secs),
    AfterInject(InjectId),
}

impl Start {
    fn at(self) -> Option<Secs> {
        match self {
            Start::At(t) => Some(t),
            _ => None,
        }
    }
}

fn threat_starts(sc: &Scenario) -> Vec<Start> {
    (0..sc.threats.len())
        .map(|t| {
            let by = sc.injects.iter().enumerate().find(|(_, inj)| {
                inj.deliver
                    .iter()
                    .any(|x| matches!(x, Delivery::StartThreat(th) if th.idx() == t))
            });
            match by {
                None => Start::At(0),
                Some((i, inj)) => match inj.trigger {
                    Trigger::At(a) => Start::At(a),
                    Trigger::When(_) => Start::AfterInject(InjectId(i as u32)),
                },
            }
        })
        .collect()
}

fn clock(sc: &Scenario, at: Secs) -> String {
    match sc.start_clock {
        Some(_) => format!("{} (T+{})", fmt::wall(sc.start_clock, at), fmt::span(at)),
        None => fmt::span(at),
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn team_names(sc: &Scenario, teams: &[crate::scenario::TeamId], lang: Lang) -> String {
    let names: Vec<&str> = teams
        .iter()
        .map(|t| sc.teams[t.idx()].name.get(lang))
        .collect();
    names.join(&say(lang, "m-list-sep"))
}

fn delivery(sc: &Scenario, d: &Delivery, lang: Lang) -> String {
    match d {
        Delivery::Message { to, from, text } => {
            let to = team_names(sc, to, lang);
            let args = [
                ("from", Str(from.get(lang))),
                ("to", Str(&to)),
                ("text", Str(text.get(lang))),
            ];
            say_with(lang, "m-deliver-message", &args)
        }
        Delivery::SetCapacity { service, capacity } => {
            let s = sc.services[service.idx()].name.get(lang);
            let args = [("service", Str(s)), ("capacity", Str(&pct(*capacity)))];
            say_with(lang, "m-deliver-capacity", &args)
        }
        Delivery::AreaEvent { area, capacity } => {
            let args = [("area", Str(area)), ("capacity", Str(&pct(*capacity)))];
            say_with(lang, "m-deliver-area", &args)
        }
        Delivery::StartThreat(t) => {
            let name = sc.threats[t.idx()].name.get(lang);
            say_with(lang, "m-deliver-threat", &[("threat", Str(name))])
        }
    }
}

fn step_words(sc: &Scenario, threat: &str, k: &StepKind, lang: Lang) -> String {
    let svc = |s: crate::scenario::ServiceId| sc.services[s.idx()].name.get(lang);
    let (id, args): (&str, Vec<(&str, crate::words::Arg)>) = match k {
        StepKind::Compromise { service } => {
            ("m-step-compromise", vec![("service", Str(svc(*service)))])
        }
        StepKind::Spread { from, to } => (
            "m-step-spread",
            vec![("from", Str(svc(*from))), ("to", Str(svc(*to)))],
        ),
        StepKind::Impact { service, impact } => {
            let (id, cap) = match impact {
                Impact::Outage => ("m-step-outage", 0.0),
                Impact::DataTampering => ("m-step-tampering", 0.0),
                Impact::Degradation(c) => ("m-step-degradation", *c),
                Impact::Ddos(c) => ("m-step-ddos", *c),
            };
            (
                id,
                vec![
                    ("service", Str(svc(*service))),
                    ("capacity", Num((cap * 100.0).round())),
                ],
            )
        }
    };
    let what = say_with(lang, id, &args);
    say_with(
        lang,
        "m-step",
        &[("threat", Str(threat)), ("what", Str(&what))],
    )
}

/// The expected actions under `anchor`: who, what, by when, for which objective.
fn expected(
    sc: &Scenario,
    d: &Design,
    anchor: Anchor,
    start: Option<Secs>,
    lang: Lang,
) -> Vec<String> {
    d.expectations
        .iter()
        .filter(|e| e.anchor == anchor)
        .map(|e| expected_line(sc, d, e, start, lang))
        .collect()
}

/// One expected action in words; `start` is its anchor's time where known.
pub(crate) fn expected_line(
    sc: &Scenario,
    d: &Design,
    e: &Expectation,
    start: Option<Secs>,
    lang: Lang,
) -> String {
    let team = sc.teams[e.team.idx()].name.get(lang);
    let by = due(sc, e, start, lang);
    let objective = &d.objectives[e.objective.idx()].id;
    let args = [
        ("team", Str(team)),
        ("what", Str(e.what.get(lang))),
        ("by", Str(&by)),
        ("objective", Str(objective)),
    ];
    say_with(lang, "m-expected-line", &args)
}

/// When an expected action is due: a time where its anchor's is known, else a span
/// after the anchor.
pub(crate) fn due(sc: &Scenario, e: &Expectation, start: Option<Secs>, lang: Lang) -> String {
    match start {
        Some(s) => clock(sc, s + e.by),
        None => {
            let after = fmt::dur(e.by, lang);
            let id = match e.anchor {
                Anchor::Inject(_) => "m-due-after-inject",
                Anchor::Threat(_) => "m-due-after-threat",
            };
            say_with(lang, id, &[("after", Str(&after))])
        }
    }
}

/// The time an anchor happens at, where it is known before the run.
pub(crate) fn anchor_time(sc: &Scenario, anchor: Anchor) -> Option<Secs> {
    match anchor {
        Anchor::Inject(i) => match sc.injects[i.idx()].trigger {
            Trigger::At(t) => Some(t),
            Trigger::When(_) => None,
        },
        Anchor::Threat(t) => threat_starts(sc)[t.idx()].at(),
    }
}

fn condition(sc: &Scenario, c: &Condition, lang: Lang) -> String {
    let team = |t: crate::scenario::TeamId| sc.teams[t.idx()].name.get(lang);
    match c {
        Condition::ServiceDown {
            service,
            for_at_least,
        } => {
            let s = sc.services[service.idx()].name.get(lang);
            let f = fmt::dur(*for_at_least, lang);
            say_with(
                lang,
                "m-when-down",
                &[("service", Str(s)), ("for", Str(&f))],
            )
        }
        Condition::NotReported {
            threat,
            team: t,
            by,
        } => {
            let th = sc.threats[threat.idx()].name.get(lang);
            let by = clock(sc, *by);
            let args = [
                ("team", Str(team(*t))),
                ("threat", Str(th)),
                ("by", Str(&by)),
            ];
            say_with(lang, "m-when-not-reported", &args)
        }
        Condition::MessageReceived { team: t, kind } => {
            let kind = kind.map_or_else(
                || say(lang, "m-any-message"),
                |k| crate::report::text::kind(k).get(lang).to_string(),
            );
            say_with(
                lang,
                "m-when-message",
                &[("team", Str(team(*t))), ("kind", Str(&kind))],
            )
        }
        Condition::ActionTaken { action, team: t } => {
            let a = sc.actions[action.idx()].name.get(lang);
            let who = t.map_or_else(|| say(lang, "m-any-team"), |t| team(t).to_string());
            say_with(
                lang,
                "m-when-action",
                &[("team", Str(&who)), ("action", Str(a))],
            )
        }
        Condition::After(t) => {
            let at = clock(sc, *t);
            say_with(lang, "m-when-after", &[("at", Str(&at))])
        }
        Condition::All(v) | Condition::Any(v) => {
            let sep = say(
                lang,
                if matches!(c, Condition::All(_)) {
                    "m-and"
                } else {
                    "m-or"
                },
            );
            let parts: Vec<String> = v.iter().map(|x| condition(sc, x, lang)).collect();
            parts.join(&sep)
        }
        Condition::Not(inner) => {
            let inner = condition(sc, inner, lang);
            say_with(lang, "m-when-not", &[("what", Str(&inner))])
        }
    }
}
