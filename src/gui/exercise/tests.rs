//! Headless ECS tests of the exercise screen: the clock drives the engine, UI commands reach
//! it (from the seats allowed to give them), and a team seat's picture holds no ground truth.

use super::adapter::EngineHost;
use super::clock::{ClockCommand, ExerciseClock};
use super::command::{Outgoing, UiCommand};
use super::picture::{LogEvent, Picture, ServiceCard};
use crate::engine::{Command, EntryKind};
use crate::gui::session::{ActiveSeat, AssignSeat, ConfirmSeat, RequestSeat, Seat};
use crate::scenario::{ActionId, MessageKind, Scenario, ServiceId, Target, TeamId};
use bevy::prelude::*;
use std::sync::Arc;

fn app(seat: Seat) -> (App, Arc<Scenario>) {
    let (app, scenario) = super::seam_tests::playing(seat, None);
    assert!(
        app.world().contains_resource::<EngineHost>(),
        "the exercise started"
    );
    (app, scenario)
}

fn commands_in_journal(app: &App) -> Vec<Command> {
    let host = app.world().resource::<EngineHost>();
    host.engine()
        .journal()
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Command(c) => Some((**c).clone()),
            _ => None,
        })
        .collect()
}

fn send(app: &mut App, c: UiCommand) {
    app.world_mut().write_message(c);
    app.update();
}

/// The team of `(team, to, action, service)` takes `action` on `service`, then sends `to` a
/// message of `kind` at `severity` about `services`.
fn act_and_send(
    app: &mut App,
    (team, to, action, service): (TeamId, TeamId, ActionId, ServiceId),
    kind: MessageKind,
    severity: u8,
    services: Vec<ServiceId>,
    text: &str,
) {
    send(
        app,
        UiCommand::TakeAction {
            team,
            action,
            service: Some(service),
        },
    );
    send(
        app,
        UiCommand::Send(Outgoing {
            from: team,
            to,
            kind,
            severity,
            incidents: vec![],
            services,
            text: text.into(),
        }),
    );
}

/// A team with a channel, and an action it may take on one of its own services.
fn team_with_action(s: &Scenario) -> (TeamId, TeamId, ActionId, ServiceId) {
    for (ti, team) in s.teams.iter().enumerate() {
        let t = TeamId(ti as u32);
        let Some(ch) = s.channels.iter().find(|c| c.from == t) else {
            continue;
        };
        let own = (0..s.services.len())
            .map(|i| ServiceId(i as u32))
            .find(|x| s.controller_of(*x) == Some(t));
        let action = s
            .actions
            .iter()
            .position(|a| a.target == Target::OwnService && a.roles.contains(&team.role));
        if let (Some(svc), Some(a)) = (own, action) {
            return (t, ch.to, ActionId(a as u32), svc);
        }
    }
    panic!("the default scenario has a team with a channel and an action on its services");
}

#[test]
fn the_clock_advances_the_engine_by_speed_times_elapsed_and_pause_holds_it() {
    let (mut app, _) = app(Seat::Facilitator);
    let now = |app: &App| app.world().resource::<EngineHost>().engine().now();
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(now(&app), 0, "paused at start");
    app.world_mut().write_message(ClockCommand::Speed(60));
    app.world_mut().write_message(ClockCommand::Resume);
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(now(&app), 60, "1 s of real time at 60x");
    app.world_mut().write_message(ClockCommand::Pause);
    app.update();
    let held = now(&app);
    for _ in 0..50 {
        app.update();
    }
    assert_eq!(now(&app), held, "no drift while paused");
    assert_eq!(
        app.world().resource::<Picture>().now,
        held,
        "the picture follows"
    );
}

#[test]
fn ui_commands_reach_the_engine_as_commands() {
    let (mut app, s) = app(Seat::Facilitator);
    let (team, to, action, service) = team_with_action(&s);
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Team(team);
    act_and_send(
        &mut app,
        (team, to, action, service),
        MessageKind::Report,
        3,
        vec![service],
        "substation down",
    );
    let got = commands_in_journal(&app);
    assert!(
        got.iter().any(
            |c| matches!(c, Command::Act { team: t, action: a, .. } if *t == team && *a == action)
        ),
        "{got:?}"
    );
    assert!(
        got.iter().any(|c| matches!(c, Command::Send { team: t, to: v, draft } if *t == team && v == &vec![to] && draft.text == "substation down" && draft.severity == Some(3))),
        "{got:?}"
    );
    let picture = app.world().resource::<Picture>();
    assert!(
        picture
            .running
            .iter()
            .any(|r| r.action == action && r.service == Some(service)),
        "the action shows as under way"
    );
}

#[test]
fn a_seat_cannot_command_for_another_team_or_exercise_control() {
    let (mut app, s) = app(Seat::Facilitator);
    let (team, to, action, service) = team_with_action(&s);
    let other = TeamId(((team.0 as usize + 1) % s.teams.len()) as u32);
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Team(other);
    act_and_send(
        &mut app,
        (team, to, action, service),
        MessageKind::Alert,
        1,
        vec![],
        "forged",
    );
    send(
        &mut app,
        UiCommand::Control(Command::FireInject(crate::scenario::InjectId(0))),
    );
    send(
        &mut app,
        UiCommand::Control(Command::Note("a trainee's note".into())),
    );
    let finding = Command::Assess {
        expectation: "grid-reports".into(),
        verdict: crate::engine::Verdict::Observed,
        note: "seen on the METI desk".into(),
    };
    send(&mut app, UiCommand::Control(finding.clone()));
    assert!(
        commands_in_journal(&app).is_empty(),
        "nothing reached the engine"
    );
    let refused = app
        .world()
        .resource::<Picture>()
        .log
        .iter()
        .filter(|l| matches!(l.event, LogEvent::NotAllowed))
        .count();
    assert!(refused >= 1, "the seat is told");
    // The facilitator may fire injects and write notes.
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Facilitator;
    send(
        &mut app,
        UiCommand::Control(Command::FireInject(crate::scenario::InjectId(0))),
    );
    send(
        &mut app,
        UiCommand::Control(Command::Note("hot wash: reporting was late".into())),
    );
    let got = commands_in_journal(&app);
    assert!(
        got.contains(&Command::FireInject(crate::scenario::InjectId(0))),
        "{got:?}"
    );
    assert!(
        got.contains(&Command::Note("hot wash: reporting was late".into())),
        "{got:?}"
    );
    // An observer records an evaluator's finding; it reaches the journal.
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Observer;
    send(&mut app, UiCommand::Control(finding.clone()));
    assert!(commands_in_journal(&app).contains(&finding));
}

#[test]
fn a_team_seat_picture_holds_no_ground_truth_it_cannot_know() {
    let (mut app, s) = app(Seat::Facilitator);
    let team = TeamId(0);
    app.world_mut()
        .write_message(ClockCommand::JumpTo(3 * 3600));
    app.update();
    let truth = app.world().resource::<Picture>().clone();
    assert!(
        truth.services.iter().all(|c| c.capacity.is_some()),
        "the facilitator sees every service"
    );
    assert!(truth.tally.impact.is_some() && !truth.injects.is_empty());

    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Team(team);
    app.update();
    let p = app.world().resource::<Picture>().clone();
    assert_eq!(p.now, truth.now);
    let own = |x: usize| s.controller_of(ServiceId(x as u32)) == Some(team);
    for (i, card) in p.services.iter().enumerate() {
        if !own(i) {
            assert_eq!(
                *card,
                ServiceCard::unknown(),
                "service {} is not the team's",
                s.services[i].id
            );
        }
    }
    assert!(
        p.services
            .iter()
            .enumerate()
            .any(|(i, c)| own(i) && c.capacity.is_some()),
        "it sees its own"
    );
    assert!(p.injects.is_empty() && p.next_inject.is_none(), "no MSEL");
    assert!(p.in_flight.is_empty() && p.notes.is_empty() && p.tally.impact.is_none());
    assert!(
        p.incidents
            .iter()
            .all(|i| i.team == team && i.severity.is_none() && i.shared.is_none())
    );
    assert!(
        p.inbox.iter().all(|m| m.to.contains(&team)),
        "only messages to the team"
    );
    for c in &p.cascades {
        assert!(
            own(s.dependencies[c.0.idx()].to.idx()),
            "only cascades that reached its services"
        );
    }
    for line in &p.log {
        match &line.event {
            LogEvent::Status { service, .. } | LogEvent::Buffer(service, ..) => {
                assert!(own(service.idx()), "{line:?}")
            }
            LogEvent::Entry { .. } => panic!("ground truth in a team's log: {line:?}"),
            LogEvent::IncidentOpened { team: t, .. } | LogEvent::Detected { team: t, .. } => {
                assert_eq!(*t, team)
            }
            LogEvent::Delivered { to, .. } => assert_eq!(*to, team),
            LogEvent::ActionStarted { team: t, .. } | LogEvent::ActionFinished { team: t, .. } => {
                assert_eq!(*t, team)
            }
            LogEvent::Sent { .. } | LogEvent::Rejected(_) | LogEvent::NotAllowed => {}
        }
    }
    assert!(
        !p.log.is_empty(),
        "three hours into the blackout the grid team has seen something"
    );
}

#[test]
fn switching_seat_waits_for_confirmation() {
    let (mut app, _) = app(Seat::Team(TeamId(0)));
    app.world_mut()
        .write_message(RequestSeat(Seat::Facilitator));
    app.update();
    assert_eq!(
        app.world().resource::<ActiveSeat>().0,
        Seat::Team(TeamId(0)),
        "not before confirming"
    );
    assert_eq!(
        app.world().resource::<Picture>().seat,
        Seat::Team(TeamId(0))
    );
    app.world_mut().write_message(ConfirmSeat(false));
    app.update();
    assert_eq!(
        app.world().resource::<ActiveSeat>().0,
        Seat::Team(TeamId(0)),
        "cancelled"
    );
    app.world_mut().write_message(RequestSeat(Seat::Observer));
    app.update();
    app.world_mut().write_message(ConfirmSeat(true));
    app.update();
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Observer);
    assert_eq!(
        app.world().resource::<Picture>().seat,
        Seat::Observer,
        "the picture follows the seat"
    );
    app.world_mut().write_message(AssignSeat(Seat::Facilitator));
    app.update();
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Facilitator);
}

#[test]
fn restart_starts_the_same_scenario_again_from_zero() {
    let (mut app, _) = app(Seat::Facilitator);
    app.world_mut().write_message(ClockCommand::JumpTo(3600));
    app.update();
    assert_eq!(app.world().resource::<EngineHost>().engine().now(), 3600);
    send(&mut app, UiCommand::Restart);
    assert_eq!(app.world().resource::<EngineHost>().engine().now(), 0);
    assert_eq!(app.world().resource::<ExerciseClock>().secs(), 0);
}
