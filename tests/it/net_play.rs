//! A networked exercise on loopback: the host and two headless clients, each playing
//! its team's part of `tests/plays/well-run.commands.ron`. Every command a client sent
//! lands exactly once, as its seat's team, and the host's session and journal replay.

use crate::common::{said, scratch};
use crate::net_common::{
    SCENARIO, finish, free_addr, host, recorded_commands, seat, spawn, team_of,
};
use crossdrill::scenario::load_path;
use crossdrill::session::script;
use std::path::Path;
use std::time::Duration;

const PLAY: &str = "tests/plays/well-run.commands.ron";
const TEAMS: [&str; 2] = ["grid", "carrier"];

/// The number of steps of the play each of `TEAMS` gives.
fn steps_of_each() -> Vec<usize> {
    let scenario = load_path(Path::new(SCENARIO)).expect("scenario").scenario;
    let text = std::fs::read_to_string(PLAY).expect("play");
    let plan = script::parse(PLAY, &text, &scenario).expect("play parses");
    let ids = TEAMS.map(|t| scenario.team_by_id(t).expect("team"));
    ids.iter()
        .map(|&id| plan.iter().filter(|s| s.command.team() == Some(id)).count())
        .collect()
}

/// The teams (as numbers) of the commands the session recorded, accepted or not.
fn recorded_teams(session: &Path) -> Vec<u64> {
    let commands = recorded_commands(session);
    let teams = commands.iter().map(|c| team_of(c).expect("a team command"));
    teams.collect()
}

#[test]
fn two_seats_play_their_teams_and_the_session_replays() {
    let dir = scratch("net-play");
    let addr = free_addr();
    let journal = dir.join("journal.jsonl");
    let journal_arg = journal.to_str().expect("utf-8");
    let extra = [
        "--speed",
        "1200",
        "--wait-for",
        "2",
        "--journal",
        journal_arg,
    ];
    let host = host(&dir, &addr, &extra);
    let clients: Vec<_> = TEAMS
        .iter()
        .map(|team| {
            let file = seat(&dir, team);
            let file = file.to_str().expect("utf-8");
            spawn(&[
                "join",
                file,
                "--headless",
                "--commands",
                PLAY,
                "--timeout",
                "20",
            ])
        })
        .collect();
    let limit = Duration::from_secs(120);
    let outs: Vec<(i32, String)> = clients.into_iter().map(|c| finish(c, limit)).collect();
    let (code, host_said) = finish(host, limit);
    assert_eq!(code, 0, "host: {host_said}");
    for (team, (code, out)) in TEAMS.iter().zip(&outs) {
        assert_eq!(*code, 0, "{team}: {out}");
        assert!(out.contains(&format!("as {team}")), "{team}: {out}");
    }

    // Each client sent its team's steps, and each was answered once.
    let expected = steps_of_each();
    for ((team, (_, out)), n) in TEAMS.iter().zip(&outs).zip(&expected) {
        let sent = format!("{n} commands sent");
        assert!(out.contains(&sent), "{team} should say `{sent}`: {out}");
    }
    // The session recorded each of them exactly once, as the seat's team.
    let session = dir.join("session");
    let teams = recorded_teams(&session);
    assert_eq!(teams.len(), expected.iter().sum::<usize>(), "{teams:?}");
    for (team, n) in TEAMS.iter().zip(&expected) {
        let count = teams.iter().filter(|&&t| t == team_index(team)).count();
        assert_eq!(count, *n, "{count} commands recorded for {team}");
    }

    // The host's journal is the session's, and both replay.
    let kept = std::fs::read(session.join("journal.jsonl")).expect("session journal");
    assert_eq!(std::fs::read(&journal).expect("journal"), kept);
    for path in [session.to_str().expect("utf-8"), journal_arg] {
        let (code, out) = said(&["replay", path]);
        assert_eq!(code, 0, "{out}");
    }
}

fn team_index(team: &str) -> u64 {
    let scenario = load_path(Path::new(SCENARIO)).expect("scenario").scenario;
    scenario.team_by_id(team).expect("team").0.into()
}
