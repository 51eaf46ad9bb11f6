//! Generated networks for the metamorphic tests: national-style networks with extra
//! campaigns, area events, capacity injects and short logical edges.

use crossdrill::scenario::generate::national;
use crossdrill::scenario::*;
use proptest::prelude::*;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// A generated network and the seed to run it with.
#[derive(Clone)]
pub struct Network {
    pub scenario: Scenario,
    pub seed: u64,
}

impl std::fmt::Debug for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.scenario;
        write!(
            f,
            "{} ({} services, {} dependencies, {} threats, {} injects), run seed {}",
            s.id,
            s.services.len(),
            s.dependencies.len(),
            s.threats.len(),
            s.injects.len(),
            self.seed
        )
    }
}

/// Networks of 20 to 120 services with extra campaigns (DDoS among them), area
/// events, capacity injects and short logical edges, so that arrivals, buffers
/// running out, threat steps and detections often fall in one second.
pub fn network() -> impl Strategy<Value = Network> {
    (any::<u64>(), 20usize..120, 1usize..4, 0u64..1000).prop_map(|(g, n, density, seed)| Network {
        scenario: generated(g, n, n * (density + 1)),
        seed,
    })
}

pub fn text(s: &str) -> Text {
    Text {
        en: s.into(),
        ja: s.into(),
    }
}

pub struct Pick(pub ChaCha8Rng);

impl Pick {
    pub fn below(&mut self, n: usize) -> usize {
        (((self.0.next_u64() >> 32) * n.max(1) as u64) >> 32) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A whole number of minutes below `hours` hours: events collide on the minute.
    pub fn minute(&mut self, hours: usize) -> Secs {
        60 * self.below(hours * 60) as Secs
    }
}

fn generated(g: u64, n: usize, m: usize) -> Scenario {
    let mut s = national(n, m, g);
    let mut r = Pick(ChaCha8Rng::seed_from_u64(g ^ 0x6d65_7461));
    let n = s.services.len();
    let svc = |r: &mut Pick| ServiceId(r.below(n) as u32);
    for _ in 0..n / 3 {
        let (from, to) = (svc(&mut r), svc(&mut r));
        if from != to {
            s.dependencies.push(Dependency {
                from,
                to,
                kind: DepKind::Logical,
                delay: [60, 120, 300, 600][r.below(4)],
                effect: if r.below(2) == 0 {
                    Effect::Fail
                } else {
                    Effect::Degrade(0.1 * (1 + r.below(8)) as f64)
                },
                probability: 0.1 * (1 + r.below(9)) as f64,
            });
        }
    }
    for t in 0..2 {
        let mut steps = Vec::new();
        for _ in 0..3 + r.below(8) {
            let kind = match r.below(6) {
                0 | 1 => StepKind::Compromise {
                    service: svc(&mut r),
                },
                2 => StepKind::Spread {
                    from: svc(&mut r),
                    to: svc(&mut r),
                },
                k => StepKind::Impact {
                    service: svc(&mut r),
                    impact: match (k, r.below(4)) {
                        (3, _) | (_, 0) => Impact::Ddos(0.1 * r.below(9) as f64),
                        (_, 1) => Impact::Outage,
                        (_, 2) => Impact::Degradation(0.1 * r.below(9) as f64),
                        _ => Impact::DataTampering,
                    },
                },
            };
            steps.push(Step {
                at: r.minute(6),
                kind,
                stealth: r.unit(),
            });
        }
        steps.sort_by_key(|s| s.at);
        s.threats.push(Threat {
            id: format!("campaign-{t}"),
            name: text("Campaign"),
            severity: r.below(5) as u8,
            steps,
        });
    }
    // The second campaign starts when a service has been down for a while.
    s.injects.push(Inject {
        id: "second-wave".into(),
        trigger: Trigger::When(Condition::ServiceDown {
            service: svc(&mut r),
            for_at_least: 60 * (1 + r.below(60)) as Secs,
        }),
        times: 1,
        deliver: vec![Delivery::StartThreat(ThreatId(s.threats.len() as u32 - 1))],
    });
    for k in 0..3 {
        let area = s.areas[r.below(s.areas.len())].clone();
        let capacity = [0.0, 0.3, 1.0][r.below(3)];
        let set = Delivery::SetCapacity {
            service: svc(&mut r),
            capacity: r.unit(),
        };
        s.injects.push(Inject {
            id: format!("event-{k}"),
            trigger: Trigger::At(r.minute(10)),
            times: 1,
            deliver: vec![Delivery::AreaEvent { area, capacity }, set],
        });
    }
    s
}
