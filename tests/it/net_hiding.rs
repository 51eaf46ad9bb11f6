//! Information hiding on the wire: every message the host sends one team's seat over a
//! whole exercise carries only what that team may know: its own services, its own
//! incidents, the messages delivered to it, and incidents it was told of.

use crate::common::scratch;
use crate::net_common::{SCENARIO, finish, free_addr, host, seat, spawn};
use crossdrill::engine::Sender;
use crossdrill::net::delta::ViewCopy;
use crossdrill::net::proto::{self, ToClient};
use crossdrill::scenario::{Scenario, TeamId, load_path};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

const PLAY: &str = "tests/plays/well-run.commands.ron";

fn numbers(v: &Value, key: &str) -> BTreeSet<u64> {
    v[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_u64)
        .collect()
}

/// The services of the organisations `team` plays.
fn own_services(s: &Scenario, team: usize) -> BTreeSet<u64> {
    let controls = &s.teams[team].controls;
    let own = s.services.iter().enumerate();
    own.filter(|(_, svc)| controls.contains(&svc.owner))
        .map(|(i, _)| i as u64)
        .collect()
}

/// From the host's journal: the messages delivered to `team`, and the incidents those
/// messages name.
fn told(journal: &str, team: u64) -> (BTreeSet<u64>, BTreeSet<u64>) {
    let entries: Vec<Value> = journal
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str(l).expect("an entry"))
        .collect();
    let delivered: BTreeSet<u64> = entries
        .iter()
        .map(|e| &e["kind"]["MessageDelivered"])
        .filter(|d| d["to"].as_u64() == Some(team))
        .filter_map(|d| d["message"].as_u64())
        .collect();
    let named = entries
        .iter()
        .map(|e| &e["kind"]["MessageSent"])
        .filter(|m| {
            m["message"]
                .as_u64()
                .is_some_and(|id| delivered.contains(&id))
        })
        .flat_map(|m| numbers(m, "incidents"))
        .collect();
    (delivered, named)
}

#[test]
fn a_seat_receives_only_what_its_team_may_know() {
    let dir = scratch("net-hiding");
    let addr = free_addr();
    let journal = dir.join("journal.jsonl");
    let record = dir.join("grid.received.jsonl");
    let extra = ["--speed", "1200", "--wait-for", "2", "--journal"];
    let mut extra: Vec<&str> = extra.to_vec();
    extra.push(journal.to_str().expect("utf-8"));
    let host = host(&dir, &addr, &extra);
    let join = |team: &str, more: &[&str]| {
        let file = seat(&dir, team);
        let mut args = vec!["join", file.to_str().expect("utf-8"), "--headless"];
        args.extend(["--commands", PLAY, "--timeout", "40"]);
        args.extend(more);
        spawn(&args)
    };
    let grid = join("grid", &["--record", record.to_str().expect("utf-8")]);
    let carrier = join("carrier", &[]);
    let limit = Duration::from_secs(120);
    for (who, child) in [("grid", grid), ("carrier", carrier), ("host", host)] {
        let (code, said) = finish(child, limit);
        assert_eq!(code, 0, "{who}: {said}");
    }

    let s = load_path(Path::new(SCENARIO)).expect("scenario").scenario;
    let team = s.team_by_id("grid").expect("grid").idx();
    let own = own_services(&s, team);
    let journal = std::fs::read_to_string(&journal).expect("journal");
    let (delivered, named) = told(&journal, team as u64);
    let received = std::fs::read_to_string(&record).expect("what grid received");
    let (mut views, mut inbox_seen, mut ended, mut partial) = (0, 0, false, 0);
    let mut copy = ViewCopy::default();
    for line in received.lines() {
        let message: ToClient = proto::decode(line.as_bytes()).expect("a host message");
        let (patch, messages) = match message {
            ToClient::Ended => {
                ended = true;
                continue;
            }
            ToClient::Seat { team, public, .. } => {
                assert_eq!(team, "grid", "{line}");
                let file = crossdrill::scenario::load_source("public", &public, None)
                    .expect("the seat's scenario reads");
                assert!(
                    file.scenario.threats.is_empty() && file.scenario.injects.is_empty(),
                    "a seat is not told the threats or the injects"
                );
                copy.restart();
                continue;
            }
            ToClient::View { view, messages, .. } => (view, messages),
            _ => continue,
        };
        for m in &messages {
            let own = m.from == Sender::Team(TeamId(team as u32));
            assert!(
                own || delivered.contains(&u64::from(m.id.0)),
                "message #{} neither came from grid nor was delivered to it",
                m.id.0
            );
        }
        let view = copy
            .take(&patch)
            .expect("each patch fits the view before it");
        views += 1;
        if patch.inbox.at.len() < view.inbox.len() {
            partial += 1;
        }
        assert_eq!(view.team.idx(), team, "{line}");
        let services: BTreeSet<u64> = view
            .services
            .iter()
            .map(|o| u64::from(o.service.0))
            .collect();
        assert_eq!(
            services, own,
            "another team's service in grid's view: {line}"
        );
        let mine: BTreeSet<u64> = view
            .incidents
            .iter()
            .inspect(|i| assert_eq!(i.team.idx(), team, "{line}"))
            .map(|i| u64::from(i.id.0))
            .collect();
        for m in &view.inbox {
            assert!(
                delivered.contains(&u64::from(m.message.0)),
                "message #{} was never delivered to grid",
                m.message.0
            );
            inbox_seen += 1;
        }
        for i in &view.known_incidents {
            assert!(
                mine.contains(&u64::from(i.0)) || named.contains(&u64::from(i.0)),
                "incident #{} is neither grid's nor named in a message grid got",
                i.0
            );
        }
    }
    assert!(partial > 0, "views travel as changes, not whole again");
    assert!(ended, "grid was told the exercise ended");
    assert!(
        views > 5 && inbox_seen > 0,
        "{views} views, {inbox_seen} inbox items"
    );
}
