//! A deterministic generator of national-scale scenarios (benchmarks, stress tests):
//! many services across the 14 sectors and 47 prefectures, with dependencies that run
//! mostly from the leading sectors (electricity, telecom, finance) to everyone else.
//!
//! Services are ordered by tier (electricity, telecom, finance, the rest); within a
//! tier, providers are drawn with a strong bias to low indices, so a few hubs feed
//! many services, as transmission substations and core networks do. Every edge
//! without delay runs to a later service, so zero-delay loops never form; edges back
//! into earlier tiers carry delays. A threat cuts the main grid hubs at 30 minutes
//! and an earthquake hits three prefectures at 2 hours: a wide cascade.

mod parts;
mod teams;

pub use teams::least_teams;

use crate::scenario::*;
use parts::{Draw, SHARES, catalogue, text};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;

/// A national network of `services` services and `dependencies` dependencies (at least
/// 14 services), the same for the same arguments.
pub fn national(services: usize, dependencies: usize, seed: u64) -> Scenario {
    build(services, dependencies, seed, None)
}

/// The same network played by `teams` teams in all (at least [`least_teams`]): the
/// operators are split into one team each.
pub fn national_teams(services: usize, dependencies: usize, seed: u64, teams: usize) -> Scenario {
    build(services, dependencies, seed, Some(teams))
}

fn build(services: usize, dependencies: usize, seed: u64, teams: Option<usize>) -> Scenario {
    let n = services.max(SHARES.len());
    let mut r = Draw(ChaCha8Rng::seed_from_u64(seed));
    let d = |h: u64| Deadlines {
        detect: h * 900,
        report: h * 1800,
        share: h * 3600,
        contain: h * 7200,
        restore: h * 14400,
    };

    // The CI sectors, then the centre's own; the ministries in charge of them, each once.
    let sectors = catalogue();
    let ci = &sectors[..SHARES.len()];
    let mut ministries: Vec<&str> = Vec::new();
    for s in ci {
        if !ministries.contains(&s.ministry.as_str()) {
            ministries.push(&s.ministry);
        }
    }

    // Services per sector, in tier order; a few operators per sector.
    let total: u32 = SHARES.iter().map(|s| s.1).sum();
    let mut counts: Vec<usize> = SHARES
        .iter()
        .map(|s| (n * s.1 as usize / total as usize).max(1))
        .collect();
    let assigned: usize = counts.iter().sum();
    counts[SHARES.len() - 1] += n.saturating_sub(assigned);
    let split = teams.map(|t| teams::operator_teams(t, ministries.len(), ci.len()));
    let orgs_per_sector = split.map_or(0, |t| t.div_ceil(ci.len()));
    let orgs_per_sector = orgs_per_sector.max((n / 700).clamp(1, 40));
    let mut organisations = Vec::new();
    for (i, s) in ci.iter().enumerate() {
        for k in 0..orgs_per_sector {
            organisations.push(Organisation {
                id: format!("{}-op{k:02}", s.id),
                name: text(
                    &format!("{} operator {k}", s.name.en),
                    &format!("{}事業者{k}", s.name.ja),
                ),
                sector: SectorId(i as u32),
                kind: OrgKind::Operator,
                monitoring: [Monitoring::Low, Monitoring::Medium, Monitoring::High][r.below(3)],
            });
        }
    }
    let areas: Vec<String> = (1..=47).map(|p| format!("pref-{p:02}")).collect();
    let mut svcs = Vec::with_capacity(n);
    let mut tier_of = Vec::with_capacity(n);
    let mut starts = vec![0usize];
    for (i, s) in ci.iter().enumerate() {
        for k in 0..counts[i] {
            let area = r.below(47);
            let owner = OrgId((i * orgs_per_sector + r.below(orgs_per_sector)) as u32);
            let buffers = match i {
                1 => Buffers {
                    battery: 3600 * (1 + r.below(6) as u64),
                    generator: 0,
                    manual: 0.0,
                },
                2 | 9 => Buffers {
                    battery: 1800,
                    generator: 86_400,
                    manual: 0.2,
                },
                12 => Buffers {
                    battery: 600,
                    generator: 72 * 3600,
                    manual: 0.3,
                },
                _ if r.below(10) < 3 => Buffers {
                    battery: 1800 * (1 + r.below(4) as u64),
                    generator: 0,
                    manual: 0.0,
                },
                _ => Buffers::default(),
            };
            // Two draws kept from when services got random positions, so that the rest of
            // a seed's network stays as it was; the map lays out services without one.
            let _ = (r.unit(), r.unit());
            svcs.push(Service {
                id: format!("{}-{k:06}", s.id),
                name: text(
                    &format!("{} service {k}", s.name.en),
                    &format!("{}サービス{k}", s.name.ja),
                ),
                owner,
                criticality: 0.2 + 0.8 * r.unit(),
                people: 100 + r.below(100_000) as u64,
                pos: None,
                area: Some(areas[area].clone()),
                buffers,
                visible: r.below(10) < 8,
            });
            tier_of.push(i.min(3));
        }
        starts.push(svcs.len());
    }
    let tier_range = |t: usize| match t {
        0 => starts[0]..starts[1],
        1 => starts[1]..starts[2],
        2 => starts[2]..starts[3],
        _ => starts[3]..starts[SHARES.len()],
    };

    // Dependencies: a dependent, then a provider tier, then a hub within it.
    let mut deps = Vec::with_capacity(dependencies);
    let mut tries = 0usize;
    while deps.len() < dependencies && tries < dependencies * 4 {
        tries += 1;
        let to = r.below(n);
        let tt = tier_of[to];
        let back = r.below(20) == 0;
        let pt = if back { r.below(4) } else { r.below(tt + 1) };
        let range = tier_range(pt);
        let from = if pt == tt {
            // Within a tier, only from earlier (bigger) services, unless it is a back edge.
            let upto = if back { range.len() } else { to - range.start };
            if upto == 0 {
                continue;
            }
            range.start + r.hub(upto)
        } else {
            range.start + r.hub(range.len())
        };
        if from == to {
            continue;
        }
        let kind = match pt {
            0 => DepKind::Physical,
            1 | 2 => DepKind::Cyber,
            _ if r.below(4) == 0 => DepKind::Geographic,
            _ => DepKind::Logical,
        };
        let forward = from < to && !back;
        let delay = match kind {
            DepKind::Physical => r.pick(&[0, 0, 60, 120, 300]),
            DepKind::Cyber => r.pick(&[0, 60, 300, 600, 1800]),
            DepKind::Geographic => r.pick(&[0, 0, 60]),
            DepKind::Logical => r.pick(&[900, 1800, 3600, 7200]),
        };
        let delay = if forward { delay } else { delay.max(300) };
        let effect = if r.below(5) < 2 {
            Effect::Fail
        } else {
            Effect::Degrade((2 + r.below(8)) as f64 / 10.0)
        };
        let probability = if kind == DepKind::Logical {
            (3 + r.below(7)) as f64 / 10.0
        } else {
            1.0
        };
        deps.push(Dependency {
            from: ServiceId(from as u32),
            to: ServiceId(to as u32),
            kind,
            delay,
            effect,
            probability,
        });
    }

    // Teams: the operators', one per ministry, the centre.
    let (teams, channels) =
        teams::teams(ci, &ministries, orgs_per_sector, split, &mut organisations);

    // The wide cascade: the main grid hubs cut at 30 minutes, an earthquake at 2 hours.
    let hubs = counts[0].min(8);
    let mut steps: Vec<Step> = (0..hubs)
        .map(|h| Step {
            at: 600,
            kind: StepKind::Compromise {
                service: ServiceId(h as u32),
            },
            stealth: 0.5,
        })
        .collect();
    steps.extend((0..hubs).map(|h| Step {
        at: 1800,
        kind: StepKind::Impact {
            service: ServiceId(h as u32),
            impact: Impact::Outage,
        },
        stealth: 0.0,
    }));
    let mut areas_used: Vec<String> = svcs.iter().filter_map(|s| s.area.clone()).collect();
    areas_used.sort();
    areas_used.dedup();
    // Tokyo, Kanagawa and Osaka; in a small network without services there, the
    // first prefectures that have some.
    let mut struck: Vec<&String> = Vec::new();
    for a in ["pref-13", "pref-14", "pref-27"] {
        let there = areas_used.iter().find(|u| *u == a);
        let other = areas_used.iter().find(|u| {
            !struck.contains(u) && !["pref-13", "pref-14", "pref-27"].contains(&u.as_str())
        });
        if let Some(a) = there.or(other) {
            struck.push(a);
        }
    }
    let quake: Vec<Delivery> = struck
        .iter()
        .map(|a| Delivery::AreaEvent {
            area: a.to_string(),
            capacity: 0.2,
        })
        .collect();

    Scenario {
        id: match split {
            None => format!("national-{n}-{}-{seed}", deps.len()),
            Some(_) => format!("national-{n}-{}-{seed}-{}", deps.len(), teams.len()),
        },
        title: text("Generated national network", "生成された全国ネットワーク"),
        summary: text(
            &format!(
                "{n} services and {} dependencies across 14 sectors and 47 prefectures (seed {seed}).",
                deps.len()
            ),
            &format!(
                "14分野・47都道府県にわたる{n}のサービスと{}の依存関係（シード{seed}）。",
                deps.len()
            ),
        ),
        brief: text(
            "An attack cuts the main grid hubs; later an earthquake strikes.",
            "攻撃により主要な送電拠点が停止し、その後地震が発生する。",
        ),
        language: Lang::En,
        start_clock: Some(jiff::civil::date(2020, 7, 24).at(19, 0, 0, 0)),
        duration: 12 * 3600,
        sectors,
        severity: (0..5u64)
            .map(|l| SeverityLevel {
                name: text(&format!("Level {l}"), &format!("レベル{l}")),
                deadlines: d(5 - l),
            })
            .collect(),
        organisations,
        services: svcs,
        dependencies: deps,
        teams,
        channels,
        threats: vec![Threat {
            id: "grid-hubs".into(),
            name: text("Attack on the grid hubs", "送電拠点への攻撃"),
            severity: 4,
            steps,
        }],
        injects: vec![Inject {
            id: "earthquake".into(),
            trigger: Trigger::At(7200),
            times: 1,
            deliver: quake,
        }],
        actions: [
            ("isolate", "Isolate", "隔離", 600, ActionEffect::Isolate),
            ("restore", "Restore", "復旧", 7200, ActionEffect::Restore),
            (
                "refuel",
                "Bring generator fuel",
                "燃料の手配",
                3600,
                ActionEffect::Refuel(4 * 3600),
            ),
            (
                "backup",
                "Switch to backup",
                "バックアップへ切替",
                1800,
                ActionEffect::Backup(0.7),
            ),
        ]
        .into_iter()
        .map(|(id, en, ja, duration, effect)| Action {
            id: id.into(),
            name: text(en, ja),
            duration,
            target: Target::OwnService,
            effects: vec![effect],
            roles: vec![Role::Operator],
        })
        .collect(),
        scoring: Scoring {
            deadlines: (0..5u64).map(|l| d(5 - l)).collect(),
            weights: Weights::default(),
            grades: vec![
                Grade {
                    name: text("Pass", "合格"),
                    min: 50.0,
                },
                Grade {
                    name: text("Fail", "不合格"),
                    min: 0.0,
                },
            ],
        },
        areas: areas_used,
    }
}
