//! Writes the wire corpora (`corpus/to_host`, `corpus/to_client`) from a real run: the
//! default scenario played with `tests/plays/well-run.commands.ron`, each command as a
//! seat sends it, and for each team the frames the host sends its seat, one a line.
//! Run from `fuzz/`: `cargo run --release --bin corpus` (or the binary `cargo afl build`
//! made).

use crossdrill::engine::{Engine, TeamView};
use crossdrill::net::delta::{ViewPatch, empty_view};
use crossdrill::net::proto::{Answer, ToClient, ToHost, encode};
use crossdrill::net::serve::public_scenario;
use crossdrill::scenario::{self, TeamId};
use crossdrill::session::script;
use std::path::Path;
use std::sync::Arc;

/// View changes kept per team: enough to reach every kind of patch, small to mutate.
const VIEWS: usize = 6;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scenario = Arc::new(scenario::builtin_default());
    let play = std::fs::read_to_string(root.join("../tests/plays/well-run.commands.ron"))
        .expect("the well-run play");
    let plan = script::parse("well-run.commands.ron", &play, &scenario).expect("it parses");
    let mini = std::fs::read_to_string(root.join("../tests/plays/mini.scenario.ron"))
        .expect("the mini scenario");
    let public = public_scenario(
        &scenario::load_source("mini", &mini, None)
            .expect("mini")
            .scenario,
    );

    let teams = scenario.teams.len();
    // A seat's first frame carries a whole scenario: one team's file is enough of it.
    let seat = ToClient::Seat {
        exercise: "0123456789abcdef".into(),
        scenario: "mini".into(),
        team: "power".into(),
        public,
    };
    let mut frames: Vec<Vec<Vec<u8>>> = vec![vec![]; teams];
    frames[0].push(encode(&seat));
    let mut seen: Vec<TeamView> = (0..teams).map(|t| empty_view(TeamId(t as u32))).collect();
    let mut engine = Engine::new(scenario.clone(), 1);
    let host = root.join("corpus/to_host");
    std::fs::create_dir_all(&host).expect("corpus/to_host");
    for (id, step) in plan.iter().enumerate() {
        engine.advance_to(step.at);
        let command = step.command_for(&engine);
        let team = command.team();
        let frame = ToHost::Command {
            id: id as u64,
            command: command.clone(),
        };
        std::fs::write(host.join(format!("command-{id:02}")), encode(&frame)).expect("write");
        let answer = match engine.apply(command) {
            Ok(outcome) => Answer::Applied(outcome),
            Err(e) => Answer::Refused(e.to_string()),
        };
        if let Some(t) = team {
            let applied = ToClient::Applied {
                id: id as u64,
                answer,
            };
            frames[t.idx()].push(encode(&applied));
        }
        for (t, old) in seen.iter_mut().enumerate() {
            let new = engine.view(TeamId(t as u32));
            let views = frames[t]
                .iter()
                .filter(|f| f.starts_with(b"{\"View\""))
                .count();
            if let (Some(patch), true) = (ViewPatch::between(old, new), views < VIEWS) {
                let view = ToClient::View {
                    at: engine.now(),
                    view: Box::new(patch),
                    messages: vec![],
                };
                frames[t].push(encode(&view));
                *old = new.clone();
            }
        }
    }
    let client = root.join("corpus/to_client");
    std::fs::create_dir_all(&client).expect("corpus/to_client");
    for (t, mut list) in frames.into_iter().enumerate() {
        list.push(encode(&ToClient::Clock {
            now: engine.now(),
            speed: 60.0,
            paused: false,
        }));
        list.push(encode(&ToClient::Ended));
        let path = client.join(format!("{}-frames", scenario.teams[t].id));
        std::fs::write(path, list.join(&b'\n')).expect("write");
    }
}
