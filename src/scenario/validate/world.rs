//! Validation of the world: sectors, organisations, services, dependencies, teams, channels.

use super::ctx::{Ctx, Ids, at, duration_problem, scalar, text};
use crate::scenario::model::*;
use crate::scenario::problem::ProblemKind;
use crate::scenario::raw::RawChain;
use crate::scenario::spans::Seg::{Field as F, Index as I};

/// The validated world, with the id tables later sections resolve against.
pub(super) struct World {
    pub sectors: Vec<Sector>,
    pub organisations: Vec<Organisation>,
    pub services: Vec<Service>,
    pub dependencies: Vec<Dependency>,
    pub teams: Vec<Team>,
    pub channels: Vec<Channel>,
    pub areas: Vec<String>,
    pub service_ids: Ids,
    pub team_ids: Ids,
}

/// Default map colours for sectors that give none.
const PALETTE: [[u8; 3]; 8] = [
    [230, 159, 0],
    [86, 180, 233],
    [0, 158, 115],
    [240, 228, 66],
    [0, 114, 178],
    [213, 94, 0],
    [204, 121, 167],
    [150, 150, 150],
];

pub(super) fn check(cx: &mut Ctx) -> World {
    let raw = &cx.m.raw;
    let sector_ids = cx.ids(
        "sector",
        "sectors",
        raw.sectors.iter().map(|s| s.id.as_str()),
    );
    let mut sectors = Vec::new();
    for (i, s) in raw.sectors.iter().enumerate() {
        let colour = match &s.colour {
            None => PALETTE[i % PALETTE.len()],
            Some(c) => parse_colour(c).unwrap_or_else(|| {
                cx.error(
                    at("sectors", i, &[F("colour")]),
                    ProblemKind::BadColour(c.clone()),
                    Some("write \"#rrggbb\", e.g. \"#e69f00\"".into()),
                );
                [0, 0, 0]
            }),
        };
        check_text(cx, at("sectors", i, &[F("name")]), &s.name);
        sectors.push(Sector {
            id: s.id.clone(),
            name: text(&s.name),
            ministry: s.ministry.clone(),
            ceptoar: text(&s.ceptoar),
            leading: s.leading,
            colour,
        });
    }

    let org_ids = cx.ids(
        "organisation",
        "organisations",
        raw.organisations.iter().map(|o| o.id.as_str()),
    );
    let mut organisations = Vec::new();
    for (i, o) in raw.organisations.iter().enumerate() {
        let sector = cx.resolve(
            &sector_ids,
            &o.sector,
            at("organisations", i, &[F("sector")]),
        );
        check_text(cx, at("organisations", i, &[F("name")]), &o.name);
        organisations.push(Organisation {
            id: o.id.clone(),
            name: text(&o.name),
            sector: SectorId(sector),
            kind: o.kind,
            monitoring: o.monitoring,
        });
    }

    let service_ids = cx.ids(
        "service",
        "services",
        raw.services.iter().map(|s| s.id.as_str()),
    );
    let mut services = Vec::new();
    let mut areas: Vec<String> = Vec::new();
    for (i, s) in raw.services.iter().enumerate() {
        let owner = cx.resolve(&org_ids, &s.owner, at("services", i, &[F("owner")]));
        let criticality = cx.unit(
            at("services", i, &[F("criticality")]),
            s.criticality,
            "criticality",
        );
        check_text(cx, at("services", i, &[F("name")]), &s.name);
        let b = &s.buffers;
        let buffer = |cx: &mut Ctx, field: &'static str, v: &Option<String>| {
            v.as_deref().map_or(0, |d| {
                cx.duration(
                    at("services", i, &[F("buffers"), F(field)]),
                    d,
                    "buffer",
                    true,
                )
            })
        };
        let battery = buffer(cx, "battery", &b.battery);
        let generator = buffer(cx, "generator", &b.generator);
        let manual = b.manual.map_or(0.0, |v| {
            cx.unit(
                at("services", i, &[F("buffers"), F("manual")]),
                v,
                "manual fallback capacity",
            )
        });
        if let Some(a) = &s.area
            && !areas.contains(a)
        {
            areas.push(a.clone());
        }
        services.push(Service {
            id: s.id.clone(),
            name: text(&s.name),
            owner: OrgId(owner),
            criticality,
            people: s.people,
            pos: s.pos,
            area: s.area.clone(),
            buffers: Buffers {
                battery,
                generator,
                manual,
            },
            visible: s.visible,
        });
    }
    areas.sort();

    let dependencies = dependencies(cx, &service_ids);
    let (teams, team_ids) = teams(cx, &org_ids);
    let channels = channels(cx, &team_ids, &teams);
    World {
        sectors,
        organisations,
        services,
        dependencies,
        teams,
        channels,
        areas,
        service_ids,
        team_ids,
    }
}

pub(super) fn check_text(cx: &mut Ctx, at: super::ctx::At, t: &crate::scenario::raw::RawText) {
    if t.en.is_empty() && t.ja.is_empty() {
        cx.error(
            at,
            ProblemKind::EmptyText,
            Some("write (en: \"...\", ja: \"...\")".into()),
        );
    }
}

fn parse_colour(c: &str) -> Option<[u8; 3]> {
    let hex = c.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn dependencies(cx: &mut Ctx, service_ids: &Ids) -> Vec<Dependency> {
    let raw = &cx.m.raw;
    let template_ids = cx.ids(
        "template",
        "templates",
        raw.templates.iter().map(|t| t.id.as_str()),
    );
    let mut out = Vec::new();
    for (i, d) in raw.dependencies.iter().enumerate() {
        let from = cx.resolve(service_ids, &d.from, at("dependencies", i, &[F("from")]));
        let to = cx.resolve(service_ids, &d.to, at("dependencies", i, &[F("to")]));
        if d.from == d.to {
            cx.error(
                at("dependencies", i, &[F("to")]),
                ProblemKind::SelfDependency(d.to.clone()),
                Some("a service cannot be its own provider; remove this dependency".into()),
            );
        }
        let template = d.template.as_ref().and_then(|t| match template_ids.get(t) {
            Some(ti) => raw.templates.get(ti as usize),
            None => {
                cx.resolve(&template_ids, t, at("dependencies", i, &[F("template")]));
                None
            }
        });
        let kind = d.kind.or(template.map(|t| t.kind));
        let Some(kind) = kind else {
            if d.template.is_none() {
                cx.error(
                    at("dependencies", i, &[]),
                    ProblemKind::NoKind(format!("{} -> {}", d.from, d.to)),
                    Some(
                        "add `kind: Physical` (or Cyber, Geographic, Logical) or a `template`"
                            .into(),
                    ),
                );
            }
            continue;
        };
        let delay_text = d
            .delay
            .as_deref()
            .or(template.and_then(|t| t.delay.as_deref()));
        let delay = delay_text.map_or(0, |t| {
            cx.duration(at("dependencies", i, &[F("delay")]), t, "delay", true)
        });
        let effect = match d.effect.or(template.and_then(|t| t.effect)) {
            None | Some(Effect::Fail) => Effect::Fail,
            Some(Effect::Degrade(c)) => Effect::Degrade(cx.unit(
                at("dependencies", i, &[F("effect"), I(0)]),
                c,
                "degraded capacity",
            )),
        };
        let probability = d.probability.map_or(1.0, |p| {
            cx.unit(at("dependencies", i, &[F("probability")]), p, "probability")
        });
        out.push(Dependency {
            from: ServiceId(from),
            to: ServiceId(to),
            kind,
            delay,
            effect,
            probability,
        });
    }
    out
}

fn teams(cx: &mut Ctx, org_ids: &Ids) -> (Vec<Team>, Ids) {
    let raw = &cx.m.raw;
    let team_ids = cx.ids("team", "teams", raw.teams.iter().map(|t| t.id.as_str()));
    let mut played: Vec<Option<usize>> = vec![None; org_ids.len().max(raw.organisations.len())];
    let mut teams = Vec::new();
    for (i, t) in raw.teams.iter().enumerate() {
        if t.controls.is_empty() {
            cx.error(
                at("teams", i, &[F("controls")]),
                ProblemKind::ControlsNothing(t.id.clone()),
                Some(
                    "list the organisations it plays, e.g. `controls: [\"grid-operator\"]`".into(),
                ),
            );
        }
        let mut controls = Vec::new();
        for (j, o) in t.controls.iter().enumerate() {
            let Some(oi) = org_ids.get(o) else {
                cx.resolve(org_ids, o, at("teams", i, &[F("controls"), I(j)]));
                continue;
            };
            match played.get(oi as usize).copied().flatten() {
                Some(first) if first != i => cx.error(
                    at("teams", i, &[F("controls"), I(j)]),
                    ProblemKind::PlayedTwice {
                        org: o.clone(),
                        first: raw.teams[first].id.clone(),
                        second: t.id.clone(),
                    },
                    Some("each organisation is played by one team".into()),
                ),
                _ => {
                    if let Some(slot) = played.get_mut(oi as usize) {
                        *slot = Some(i);
                    }
                }
            }
            controls.push(OrgId(oi));
        }
        check_text(cx, at("teams", i, &[F("name")]), &t.name);
        teams.push(Team {
            id: t.id.clone(),
            name: text(&t.name),
            role: t.role,
            controls,
        });
    }
    (teams, team_ids)
}

fn chain_latency(chain: &RawChain, from: Role, to: Role) -> &str {
    use Role::*;
    match (from, to) {
        (Operator | Organiser, Ministry) => &chain.operator_to_ministry,
        (Operator | Organiser, Ceptoar) => &chain.operator_to_ceptoar,
        (Ministry, Centre) => &chain.ministry_to_centre,
        (Centre, Ministry) => &chain.centre_to_ministry,
        (Ceptoar, Operator | Organiser) => &chain.ceptoar_to_operator,
        (Ceptoar, Ceptoar) => &chain.ceptoar_council,
        _ => &chain.other,
    }
}

fn channels(cx: &mut Ctx, team_ids: &Ids, teams: &[Team]) -> Vec<Channel> {
    let raw = &cx.m.raw;
    let mut out = Vec::new();
    for (i, c) in raw.channels.iter().enumerate() {
        let from = cx.resolve(team_ids, &c.from, at("channels", i, &[F("from")]));
        let to = cx.resolve(team_ids, &c.to, at("channels", i, &[F("to")]));
        if c.from == c.to {
            cx.error(
                at("channels", i, &[F("to")]),
                ProblemKind::SelfChannel(c.from.clone()),
                None,
            );
        }
        let (Some(tf), Some(tt)) = (teams.get(from as usize), teams.get(to as usize)) else {
            continue;
        };
        let latency = |cx: &mut Ctx, a: Role, b: Role| -> Secs {
            if let Some(l) = &c.latency {
                return cx.duration(at("channels", i, &[F("latency")]), l, "latency", true);
            }
            match &raw.chain {
                Some(chain) => {
                    let text = chain_latency(chain, a, b);
                    match crate::scenario::duration::parse(text) {
                        Ok(s) => s,
                        Err(e) => {
                            cx.error(scalar("chain", &[]), duration_problem(text, e), None);
                            0
                        }
                    }
                }
                None => {
                    cx.error(
                        at("channels", i, &[]),
                        ProblemKind::NoLatency(c.from.clone(), c.to.clone()),
                        Some("add `latency: \"10m\"` or include \"std:chain\"".into()),
                    );
                    0
                }
            }
        };
        let forward = latency(cx, tf.role, tt.role);
        out.push(Channel {
            from: TeamId(from),
            to: TeamId(to),
            latency: forward,
        });
        if c.both_ways {
            let back = latency(cx, tt.role, tf.role);
            out.push(Channel {
                from: TeamId(to),
                to: TeamId(from),
                latency: back,
            });
        }
    }
    out
}
