//! What every run must show: each command a seat sent applied exactly once by the host
//! (its id taken once in the seat ledger, one session record) or reported to the seat
//! as not applied; each seat's last picture the engine's view of its team; the host's
//! session replaying byte-identical.

use super::run::{Ran, TEAMS};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The session's command records (accepted or refused) by record number: the team and
/// whether it was accepted.
fn records(ran: &Ran) -> BTreeMap<u64, (Option<u64>, bool)> {
    let text = std::fs::read_to_string(ran.session.join("commands.jsonl")).unwrap_or_default();
    let mut out = BTreeMap::new();
    for record in text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
    {
        let (kind, n) = (&record["kind"], record["n"].as_u64());
        let (command, accepted) = match (kind.get("Command"), kind.get("Refused")) {
            (Some(c), _) => (c, true),
            (None, Some(r)) => (&r["command"], false),
            (None, None) => continue,
        };
        if let Some(n) = n {
            out.insert(n, (crate::net_common::team_of(command), accepted));
        }
    }
    out
}

/// The seat ledger's lines: (team, id, record).
fn ledger(ran: &Ran) -> Vec<(String, u64, u64)> {
    let path = ran.session.join("seat-commands.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok());
    let line = |v: Value| {
        let team = v["team"].as_str()?.to_string();
        Some((team, v["id"].as_u64()?, v["record"].as_u64()?))
    };
    lines.filter_map(line).collect()
}

/// Everything wrong with a run (empty: it passed).
pub fn problems(ran: &Ran) -> Vec<String> {
    let mut bad = Vec::new();
    if let Err(e) = &ran.engine {
        bad.push(format!("the host stopped: {e}"));
        return bad;
    }
    let records = records(ran);
    let ledger = ledger(ran);
    let mut taken = BTreeSet::new();
    for (team, id, _) in &ledger {
        if !taken.insert((team.clone(), *id)) {
            bad.push(format!("{team}: command {id} taken twice"));
        }
    }
    for (t, team) in TEAMS.iter().enumerate() {
        bad.extend(seat_problems(ran, t, team, &records, &ledger));
    }
    // Nothing recorded for a team without its id in the ledger.
    let teams = records.values().filter(|r| r.0.is_some()).count();
    if teams != ledger.len() {
        let n = ledger.len();
        bad.push(format!("{teams} team commands recorded, {n} ids taken"));
    }
    bad
}

fn seat_problems(
    ran: &Ran,
    t: usize,
    team: &str,
    records: &BTreeMap<u64, (Option<u64>, bool)>,
    ledger: &[(String, u64, u64)],
) -> Vec<String> {
    let mut bad = Vec::new();
    let lives = &ran.lives[t];
    let Some(Some(last)) = lives.last().map(|l| l.outcome.as_ref()) else {
        return vec![format!("{team}: no life of its client ended")];
    };
    let played = match last {
        Ok(p) => p,
        Err(e) => return vec![format!("{team}: its client ended with `{e}`")],
    };
    let number = ran.scenario.team_by_id(team).map(|id| u64::from(id.0));
    // Each id taken: its one record is the team's; if the last life sent it, accepted
    // if and only if that life was told so.
    let last = lives.last().expect("a life");
    let heard: BTreeSet<u64> = last.answered.union(&last.refused).copied().collect();
    let mine = ledger.iter().filter(|l| l.0 == team);
    for (_, id, record) in mine {
        let Some(&(of, accepted)) = records.get(record) else {
            bad.push(format!("{team}: command {id} taken but not recorded"));
            continue;
        };
        if of != number {
            bad.push(format!("{team}: command {id} recorded as another team's"));
        }
        let told_applied = last.answered.contains(id) && !last.refused.contains(id);
        if heard.contains(id) && told_applied != accepted {
            bad.push(format!(
                "{team}: command {id} accepted {accepted}, the seat told applied {told_applied}"
            ));
        }
    }
    // Every life: what it was told was applied was taken.
    let taken: BTreeSet<u64> = ledger.iter().filter(|l| l.0 == team).map(|l| l.1).collect();
    for (n, life) in lives.iter().enumerate() {
        for id in life.answered.difference(&life.refused) {
            if !taken.contains(id) {
                bad.push(format!("{team} (life {n}): told {id} applied, never taken"));
            }
        }
    }
    // The last life answered or reported each command it sent; it sent the team's
    // steps in order, those whose time came before it heard the end.
    let due: Vec<u64> = ran
        .plan
        .iter()
        .enumerate()
        .filter(|(_, s)| s.at < played.until)
        .filter(|(_, s)| s.command.team().map(|id| u64::from(id.0)) == number)
        .map(|(i, _)| i as u64 + 1)
        .collect();
    let sent = usize::try_from(played.sent).unwrap_or(usize::MAX);
    let first: BTreeSet<u64> = due.iter().take(sent).copied().collect();
    if heard != first || sent > due.len() {
        bad.push(format!(
            "{team}: sent {sent} of {due:?}, answered {heard:?}"
        ));
    }
    if played.view.as_ref() != ran.view(team) {
        bad.push(format!("{team}: its last picture is not the engine's view"));
    }
    bad
}
