//! An index over one journal: messages, deliveries, incidents and each service's
//! capacity over time, built in one pass for the metrics to read.

use crate::engine::{EntryKind, IncidentId, Journal, MessageId, Sender, ServiceStatus};
use crate::scenario::{
    MessageKind, OrgId, Role, Scenario, Secs, ServiceId, StepKind, TeamId, ThreatId,
};

/// A message as the journal recorded it.
pub(super) struct Msg {
    pub id: MessageId,
    /// The sending team (`None`: an inject).
    pub from: Option<TeamId>,
    pub kind: MessageKind,
    pub incidents: Vec<IncidentId>,
    pub services: Vec<ServiceId>,
    pub severity: Option<u8>,
    pub status: Option<ServiceStatus>,
    pub forwarded: Option<MessageId>,
    pub sent: Secs,
    /// The journal entry id of the send.
    pub entry: u64,
}

/// One delivery of a message to a team.
pub(super) struct Delivery {
    pub message: MessageId,
    pub to: TeamId,
    pub at: Secs,
}

/// A service's state from one moment on.
#[derive(Clone, Copy)]
pub(super) struct Point {
    pub at: Secs,
    pub entry: u64,
    pub cap: f64,
    pub status: ServiceStatus,
}

pub(super) struct Facts<'a> {
    pub sc: &'a Scenario,
    pub journal: &'a Journal,
    pub end: Secs,
    /// By message id (ids are dense from 0).
    pub msgs: Vec<Option<Msg>>,
    pub deliveries: Vec<Delivery>,
    /// Incident id -> the threat behind it.
    pub incident_threat: Vec<Option<ThreatId>>,
    /// Per service: its state at 0, then after each change.
    pub series: Vec<Vec<Point>>,
    /// Per service: the teams that play its owner.
    pub players: Vec<Vec<TeamId>>,
    /// Per threat: the services its steps name (sorted).
    pub targets: Vec<Vec<ServiceId>>,
}

impl<'a> Facts<'a> {
    pub fn new(sc: &'a Scenario, journal: &'a Journal, end: Secs) -> Self {
        let n = sc.services.len();
        let mut f = Facts {
            sc,
            journal,
            end,
            msgs: Vec::new(),
            deliveries: Vec::new(),
            incident_threat: Vec::new(),
            series: vec![Vec::new(); n],
            players: players(sc),
            targets: targets(sc),
        };
        for e in journal.entries.iter().take_while(|e| e.at <= end) {
            match &e.kind {
                EntryKind::MessageSent {
                    message,
                    from,
                    kind,
                    incidents,
                    services,
                    severity,
                    status,
                    forwarded,
                    ..
                } => {
                    let msg = Msg {
                        id: *message,
                        from: match &**from {
                            Sender::Team(t) => Some(*t),
                            Sender::Inject { .. } => None,
                        },
                        kind: *kind,
                        incidents: (**incidents).clone(),
                        services: (**services).clone(),
                        severity: *severity,
                        status: *status,
                        forwarded: *forwarded,
                        sent: e.at,
                        entry: e.id,
                    };
                    put(&mut f.msgs, message.idx(), Some(msg));
                }
                EntryKind::MessageDelivered { message, to } => {
                    f.deliveries.push(Delivery {
                        message: *message,
                        to: *to,
                        at: e.at,
                    });
                }
                EntryKind::IncidentOpened {
                    incident,
                    threat,
                    origin,
                    ..
                } => {
                    put(
                        &mut f.incident_threat,
                        incident.idx(),
                        threat.or(origin.threat()),
                    );
                }
                EntryKind::ServiceChanged {
                    service,
                    from,
                    to,
                    was,
                    now,
                    ..
                } => {
                    if let Some(s) = f.series.get_mut(service.idx()) {
                        if s.is_empty() {
                            s.push(Point {
                                at: 0,
                                entry: 0,
                                cap: *from,
                                status: *was,
                            });
                        }
                        s.push(Point {
                            at: e.at,
                            entry: e.id,
                            cap: *to,
                            status: *now,
                        });
                    }
                }
                _ => {}
            }
        }
        for s in &mut f.series {
            if s.is_empty() {
                s.push(Point {
                    at: 0,
                    entry: 0,
                    cap: 1.0,
                    status: ServiceStatus::Up,
                });
            }
        }
        f
    }

    pub fn msg(&self, id: MessageId) -> Option<&Msg> {
        self.msgs.get(id.idx()).and_then(Option::as_ref)
    }

    /// The role of a team.
    pub fn role(&self, team: TeamId) -> Role {
        self.sc.teams[team.idx()].role
    }

    /// Whether a message is about `threat` (see the module doc).
    pub fn about(&self, m: &Msg, threat: ThreatId) -> bool {
        let mut m = m;
        // Forward chains are short; the bound only guards against a malformed journal.
        for _ in 0..64 {
            let by_incident = m
                .incidents
                .iter()
                .any(|i| self.incident_threat.get(i.idx()).copied().flatten() == Some(threat));
            let targets = &self.targets[threat.idx()];
            if by_incident || m.services.iter().any(|s| targets.binary_search(s).is_ok()) {
                return true;
            }
            match m.forwarded.and_then(|f| self.msg(f)) {
                Some(orig) => m = orig,
                None => return false,
            }
        }
        false
    }

    /// The threats a message is about.
    pub fn threats_of(&self, m: &Msg) -> Vec<ThreatId> {
        (0..self.sc.threats.len() as u32)
            .map(ThreatId)
            .filter(|t| self.about(m, *t))
            .collect()
    }

    /// A service's state just before journal entry `entry`.
    pub fn state_before(&self, service: ServiceId, entry: u64) -> Point {
        // The first point is the state at 0; the others are changes in entry order.
        let s = &self.series[service.idx()];
        let k = s[1..].partition_point(|p| p.entry < entry);
        s[k]
    }
}

fn players(sc: &Scenario) -> Vec<Vec<TeamId>> {
    // By organisation first: a national scenario has thousands of services and a few
    // dozen organisations.
    let by_org: Vec<Vec<TeamId>> = (0..sc.organisations.len() as u32)
        .map(|o| {
            (0..sc.teams.len() as u32)
                .map(TeamId)
                .filter(|t| sc.teams[t.idx()].controls.contains(&OrgId(o)))
                .collect()
        })
        .collect();
    sc.services
        .iter()
        .map(|s| by_org.get(s.owner.idx()).cloned().unwrap_or_default())
        .collect()
}

/// Set element `i` of `list` to `value`, growing the list with `None`s to reach it.
fn put<T>(list: &mut Vec<Option<T>>, i: usize, value: Option<T>) {
    if list.len() <= i {
        list.resize_with(i + 1, || None);
    }
    list[i] = value;
}

fn targets(sc: &Scenario) -> Vec<Vec<ServiceId>> {
    sc.threats
        .iter()
        .map(|t| {
            let mut v: Vec<ServiceId> = t
                .steps
                .iter()
                .flat_map(|s| match s.kind {
                    StepKind::Compromise { service } | StepKind::Impact { service, .. } => {
                        vec![service]
                    }
                    StepKind::Spread { from, to } => vec![from, to],
                })
                .collect();
            v.sort();
            v.dedup();
            v
        })
        .collect()
}
