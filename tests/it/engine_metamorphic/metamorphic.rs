//! The metamorphic tests' parts: the changes that must not change what happens, and the
//! world's entries of a run (the networks are in `networks`).

use super::networks::{Pick, text};
use crossdrill::engine::{ActionTarget, Command, Draft, Engine, EntryKind, Journal};
use crossdrill::scenario::raw::RawScenario;
use crossdrill::scenario::*;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;
use std::sync::Arc;

/// One entry of what happened to the world: its time and what.
pub type Fact = (Secs, EntryKind);

/// What must not change what happens.
#[derive(Debug, Clone, Copy)]
pub enum Change {
    /// Every organisation's monitoring level drawn again (from this number).
    Monitoring(u64),
    /// About half of the services' `visible` flags flipped.
    Visible(u64),
    /// A ministry desk and an exercise-control team that play no service, with
    /// channels to every team.
    AddTeams,
    /// Every id renamed, in the file.
    Rename,
    /// The organisations listed in another order, in the file.
    ReorderOrganisations(u64),
}

impl Change {
    pub fn all(pick: u64) -> Vec<Change> {
        vec![
            Change::Monitoring(pick),
            Change::Visible(pick),
            Change::AddTeams,
            Change::Rename,
            Change::ReorderOrganisations(pick),
        ]
    }
}

/// `s` after `change`, written out and read back as a scenario file.
pub fn apply(s: &Scenario, change: Change) -> Scenario {
    let mut s = s.clone();
    match change {
        Change::Monitoring(pick) => {
            let mut r = Pick(ChaCha8Rng::seed_from_u64(pick));
            for o in &mut s.organisations {
                o.monitoring = [Monitoring::Low, Monitoring::Medium, Monitoring::High][r.below(3)];
            }
        }
        Change::Visible(pick) => {
            let mut r = Pick(ChaCha8Rng::seed_from_u64(pick));
            for v in &mut s.services {
                v.visible ^= r.below(2) == 0;
            }
        }
        Change::AddTeams => add_teams(&mut s),
        Change::Rename => rename(&mut s),
        Change::ReorderOrganisations(pick) => {
            let mut raw = to_raw(&s);
            shuffle(
                &mut raw.organisations,
                &mut Pick(ChaCha8Rng::seed_from_u64(pick)),
            );
            return read(&write_raw(&raw));
        }
    }
    world_of(&s)
}

fn add_teams(s: &mut Scenario) {
    let existing = s.teams.len() as u32;
    for (id, kind, role) in [
        ("extra-desk", OrgKind::Ministry, Role::Ministry),
        ("extra-control", OrgKind::Organiser, Role::Organiser),
    ] {
        s.organisations.push(Organisation {
            id: id.into(),
            name: text(id),
            sector: SectorId(0),
            kind,
            monitoring: Monitoring::High,
        });
        let team = TeamId(s.teams.len() as u32);
        s.teams.push(Team {
            id: format!("{id}-team"),
            name: text(id),
            role,
            controls: vec![OrgId(s.organisations.len() as u32 - 1)],
        });
        for to in 0..existing {
            s.channels.push(Channel {
                from: team,
                to: TeamId(to),
                latency: 60,
            });
        }
    }
}

fn rename(s: &mut Scenario) {
    let zones: std::collections::HashMap<String, String> = (s.areas.iter().enumerate())
        .map(|(i, a)| (a.clone(), format!("zone-{i}-renamed")))
        .collect();
    let area = |a: &str| {
        zones
            .get(a)
            .cloned()
            .unwrap_or_else(|| format!("{a}-renamed"))
    };
    rename_all(&mut s.sectors, "sector", |x| &mut x.id);
    rename_all(&mut s.organisations, "org", |x| &mut x.id);
    rename_all(&mut s.services, "svc", |x| &mut x.id);
    rename_all(&mut s.teams, "team", |x| &mut x.id);
    rename_all(&mut s.threats, "threat", |x| &mut x.id);
    for x in &mut s.services {
        x.area = x.area.as_deref().map(area);
    }
    rename_all(&mut s.injects, "inject", |x| &mut x.id);
    for x in &mut s.injects {
        for d in &mut x.deliver {
            if let Delivery::AreaEvent { area: a, .. } = d {
                *a = area(a);
            }
        }
    }
    rename_all(&mut s.actions, "action", |x| &mut x.id);
    s.areas = s.areas.iter().map(|a| area(a)).collect();
}

/// Give every item of `xs` a new id of its own.
fn rename_all<T>(xs: &mut [T], kind: &str, id: impl Fn(&mut T) -> &mut String) {
    for (i, x) in xs.iter_mut().enumerate() {
        *id(x) = format!("{kind}-{i}-renamed");
    }
}

/// `xs` in an order drawn from `r` (Fisher-Yates).
fn shuffle<T>(xs: &mut [T], r: &mut Pick) {
    for i in (1..xs.len()).rev() {
        xs.swap(i, r.below(i + 1));
    }
}

fn write_raw(raw: &RawScenario) -> String {
    let cfg = ron::ser::PrettyConfig::default()
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME)
        .struct_names(false);
    ron::ser::to_string_pretty(raw, cfg).expect("a scenario writes as RON")
}

fn read(text: &str) -> Scenario {
    match load_source("changed.scenario.ron", text, None) {
        Ok(l) => l.scenario,
        Err(p) => panic!("the changed scenario does not load:\n{p}"),
    }
}

/// `s` as the engine gets it from a file: written out and read back.
pub fn world_of(s: &Scenario) -> Scenario {
    read(&to_ron(s).expect("a scenario writes as RON"))
}

/// The shipped scenarios, by file name.
pub fn shipped() -> Vec<(String, Scenario)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("scenarios/ reads") {
        let path = entry.expect("a directory entry").path();
        let name = path.display().to_string();
        if name.ends_with(".scenario.ron") {
            match load_path(&path) {
                Ok(l) => out.push((name, l.scenario)),
                Err(p) => panic!("{name} does not load:\n{p}"),
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Commands whose acceptance and content do not depend on what any team has seen:
/// every team acts on its own services and messages its channels naming services
/// (not incidents); the facilitator overrides, fires and skips injects.
pub fn view_independent_play(s: &Scenario) -> Vec<(Secs, Command)> {
    let mut play = Vec::new();
    let step = s.duration / 12;
    for (t, team) in s.teams.iter().enumerate() {
        let team_id = TeamId(t as u32);
        let own: Vec<ServiceId> = (0..s.services.len() as u32)
            .map(ServiceId)
            .filter(|v| team.controls.contains(&s.services[v.idx()].owner))
            .collect();
        let at = step * (1 + t as Secs % 10);
        for (a, action) in s.actions.iter().enumerate() {
            if action.target == Target::OwnService
                && action.roles.contains(&team.role)
                && let Some(&target) = own.get(a % own.len().max(1))
            {
                let target = ActionTarget::Service(target);
                let action = ActionId(a as u32);
                play.push((
                    at + a as Secs * 60,
                    Command::Act {
                        team: team_id,
                        action,
                        target,
                    },
                ));
            }
        }
        if let Some(c) = s.channels.iter().find(|c| c.from == team_id) {
            let mut draft = Draft::new(MessageKind::Report, "status");
            draft.services = own.iter().take(2).copied().collect();
            draft.severity = Some(3);
            play.push((
                at,
                Command::Send {
                    team: team_id,
                    to: vec![c.to],
                    draft,
                },
            ));
        }
    }
    for (i, _) in s.injects.iter().enumerate() {
        let inject = InjectId(i as u32);
        let cmd = if i % 3 == 2 {
            Command::SkipInject(inject)
        } else {
            Command::FireInject(inject)
        };
        play.push((step * (2 + i as Secs % 9), cmd));
    }
    for (k, v) in (0..s.services.len()).step_by(7).enumerate() {
        let service = ServiceId(v as u32);
        let at = step * (1 + k as Secs % 11);
        play.push((
            at,
            Command::Override {
                service,
                capacity: Some(0.5),
            },
        ));
        play.push((
            at + step / 2,
            Command::Override {
                service,
                capacity: None,
            },
        ));
    }
    play.sort_by_key(|p| p.0);
    play
}

/// Run `s` with `seed` and `play`: the world's entries of the journal (everything
/// but what teams noticed), and how many commands were accepted.
pub fn world_run(s: &Scenario, seed: u64, play: &[(Secs, Command)]) -> (Vec<Fact>, usize) {
    let mut e = Engine::new(Arc::new(s.clone()), seed);
    let mut accepted = 0;
    for (at, cmd) in play {
        e.advance_to(*at);
        accepted += e.apply(cmd.clone()).is_ok() as usize;
    }
    e.run_to_end();
    (facts(e.journal()), accepted)
}

/// The entries of `j` that say what happened to the world.
pub fn facts(j: &Journal) -> Vec<Fact> {
    j.entries
        .iter()
        .filter(|e| !e.kind.is_view())
        .map(|e| (e.at, e.kind.clone()))
        .collect()
}

/// `s` with its services and dependencies listed in another order, in the file.
pub fn reorder_services_and_dependencies(s: &Scenario, pick: u64) -> Scenario {
    let mut raw = to_raw(s);
    let mut r = Pick(ChaCha8Rng::seed_from_u64(pick));
    shuffle(&mut raw.services, &mut r);
    shuffle(&mut raw.dependencies, &mut r);
    read(&write_raw(&raw))
}

/// Where every service settled at each instant it changed, every buffer's start and
/// end, and every threat step's outcome, by name (not by place in the file), sorted.
pub fn settled_by_name(s: &Scenario, j: &Journal) -> Vec<String> {
    let name = |v: ServiceId| s.services[v.idx()].id.clone();
    let mut last = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for e in &j.entries {
        let at = e.at;
        match &e.kind {
            EntryKind::ServiceChanged {
                service, to, now, ..
            } => {
                last.insert((name(*service), at), format!("{to} {now:?}"));
            }
            EntryKind::BufferStarted {
                service,
                buffer,
                until,
            } => out.push(format!("{at} {} {buffer:?} until {until}", name(*service))),
            EntryKind::BufferSpent { service, buffer } => {
                out.push(format!("{at} {} {buffer:?} spent", name(*service)))
            }
            EntryKind::Compromised { service, step, .. } => {
                out.push(format!("{at} {} compromised (step {step})", name(*service)))
            }
            EntryKind::Impact { service, step, .. } => {
                out.push(format!("{at} {} hit (step {step})", name(*service)))
            }
            EntryKind::StepBlocked { step, .. } => out.push(format!("{at} step {step} blocked")),
            _ => {}
        }
    }
    let mut before = std::collections::HashMap::new();
    for ((service, at), state) in last {
        if before.get(&service) != Some(&state) {
            out.push(format!("{at} {service} settles at {state}"));
        }
        before.insert(service, state);
    }
    out.sort();
    out
}
