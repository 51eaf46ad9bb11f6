//! Random sessions for the replay tests: a seeded generator and the commands it picks,
//! mostly sensible, some refused.

use super::super::common::Rand;
use super::SCENARIO;
use crossdrill::engine::{ActionTarget, Command, Draft, Engine, MessageId};
use crossdrill::scenario::{self, MessageKind, Scenario, Secs, ServiceId, Target, TeamId};
use crossdrill::session::Session;
use std::path::Path;

/// A random command for the engine's current state: mostly sensible, some refused.
fn random_command(r: &mut Rand, sc: &Scenario, engine: &Engine) -> Command {
    let teams: Vec<TeamId> = (0..sc.teams.len() as u32).map(TeamId).collect();
    let team = r.pick(&teams).unwrap_or(TeamId(0));
    let own: Vec<ServiceId> = (0..sc.services.len() as u32)
        .map(ServiceId)
        .filter(|s| {
            sc.teams[team.idx()]
                .controls
                .contains(&sc.services[s.idx()].owner)
        })
        .collect();
    let reachable: Vec<TeamId> = sc
        .channels
        .iter()
        .filter(|c| c.from == team)
        .map(|c| c.to)
        .collect();
    let draft = |r: &mut Rand| Draft {
        kind: [
            MessageKind::Report,
            MessageKind::Alert,
            MessageKind::Request,
            MessageKind::Information,
        ][r.below(4)],
        incidents: if r.below(2) == 0 {
            engine.view(team).known_incidents.clone()
        } else {
            Vec::new()
        },
        services: own.iter().copied().filter(|_| r.below(3) == 0).collect(),
        severity: (r.below(2) == 0).then(|| r.below(5) as u8),
        status: None,
        text: format!("msg {} \"quoted\"\n停電 {}", r.next() % 1000, r.below(9)),
    };
    match r.below(10) {
        0..=3 => {
            let action = r.below(sc.actions.len());
            let target = if sc.actions[action].target == Target::Organisation {
                ActionTarget::Organisation(
                    r.pick(&sc.teams[team.idx()].controls)
                        .unwrap_or_default_org(),
                )
            } else {
                let any = ServiceId(r.below(sc.services.len()) as u32);
                ActionTarget::Service(if r.below(5) == 0 {
                    any
                } else {
                    r.pick(&own).unwrap_or(any)
                })
            };
            Command::Act {
                team,
                action: scenario::ActionId(action as u32),
                target,
            }
        }
        4..=5 => {
            let any = r.pick(&teams).unwrap_or(team);
            let to = if r.below(6) == 0 {
                vec![any]
            } else {
                reachable
                    .iter()
                    .copied()
                    .filter(|_| r.below(2) == 0)
                    .collect()
            };
            let to = if to.is_empty() {
                vec![r.pick(&reachable).unwrap_or(any)]
            } else {
                to
            };
            Command::Send {
                team,
                to,
                draft: draft(r),
            }
        }
        6 => {
            let message = MessageId(r.below(engine.messages().len() + 2) as u32);
            Command::Forward {
                team,
                message,
                to: vec![r.pick(&teams).unwrap_or(team)],
                note: "fwd".into(),
            }
        }
        7 => match r.below(3) {
            0 => Command::FireInject(scenario::InjectId(r.below(sc.injects.len()) as u32)),
            1 => Command::SkipInject(scenario::InjectId(r.below(sc.injects.len()) as u32)),
            _ => Command::Broadcast {
                team,
                draft: draft(r),
            },
        },
        8 => {
            let capacity = (r.below(3) != 0).then(|| r.below(1001) as f64 / 1000.0);
            Command::Override {
                service: ServiceId(r.below(sc.services.len()) as u32),
                capacity,
            }
        }
        _ => Command::Note(format!("note {} — 所見", r.next() % 100)),
    }
}

trait OrDefault {
    fn unwrap_or_default_org(self) -> scenario::OrgId;
}
impl OrDefault for Option<scenario::OrgId> {
    fn unwrap_or_default_org(self) -> scenario::OrgId {
        self.unwrap_or(scenario::OrgId(0))
    }
}

/// Play a random session into `dir`; the engine it ended with.
pub fn random_session(r: &mut Rand, dir: &Path, source: &str) -> Engine {
    let seed = r.next() % 1000;
    let mut session = Session::create(dir, SCENARIO, source, seed).expect("created");
    let sc = session.scenario().clone();
    let mut engine = Engine::new(sc.clone(), seed);
    let n = 10 + r.below(40);
    let mut times: Vec<Secs> = (0..n)
        .map(|_| r.below(sc.duration as usize) as Secs)
        .collect();
    times.sort_unstable();
    for at in times {
        // The clock moves in frames, as in the app; only some moments are recorded.
        while engine.now() < at {
            let frame = engine.now() + 1 + r.below(400) as Secs;
            engine.advance_to(frame.min(at));
            if r.below(30) == 0 {
                session.mark_time(engine.now()).expect("clock");
            }
        }
        let command = random_command(r, &sc, &engine);
        let _ = session.apply(&mut engine, command).expect("recorded");
    }
    engine.advance_to(sc.duration);
    session.finish(&engine).expect("finished");
    engine
}
