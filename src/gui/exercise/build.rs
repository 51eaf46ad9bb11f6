//! Building the seat's [`Picture`] from the engine: a team seat from its own view only, the
//! facilitator and observers from the ground truth.

use super::logbook::{LogBook, sender_text, shown};
use super::picture::{
    IncidentCard, InjectCard, LogLine, MessageCard, Picture, RunningAction, ServiceCard, Shown,
    Tally,
};
use crate::engine::{ActionTarget, Engine, Incident, IncidentId, Message, MessageId, TeamView};
use crate::gui::session::Seat;
use crate::scenario::{InjectId, Scenario, Secs, ServiceId, TeamId, Trigger};

/// Log lines kept in a picture.
const LOG_LINES: usize = 400;

/// Everything `seat` may see now.
pub(crate) fn build(engine: &Engine, seat: Seat, book: &mut LogBook, revision: u64) -> Picture {
    let s = engine.scenario().clone();
    let mut p = Picture::empty(seat, s.services.len());
    p.now = engine.now();
    p.end = s.duration;
    p.finished = engine.ended();
    p.revision = revision;
    let arrivals = book.take_arrivals();
    match seat {
        Seat::Team(team) if team.idx() < s.teams.len() => {
            let view = engine.view(team);
            team_picture(&mut p, engine, view, book);
            p.cascades = arrivals
                .into_iter()
                .filter(|(d, _)| {
                    s.dependencies
                        .get(d.idx())
                        .is_some_and(|d| view.service(d.to).is_some())
                })
                .collect();
        }
        _ => {
            truth_picture(&mut p, engine, book);
            p.cascades = arrivals;
        }
    }
    p
}

/// Each service as `seat` may see it now: a team's own services as it observes them and
/// the others unknown; every service as it truly is for the facilitator and observers. The
/// exercise's picture and the debrief's maps both show services through this.
pub(crate) fn service_cards(engine: &Engine, seat: Seat) -> Vec<ServiceCard> {
    let s = engine.scenario();
    let now = engine.now();
    let mut cards = vec![ServiceCard::unknown(); s.services.len()];
    match seat {
        Seat::Team(team) if team.idx() < s.teams.len() => {
            return team_cards(s.services.len(), engine.view(team), now);
        }
        Seat::Team(_) => {}
        Seat::Facilitator | Seat::Observer => {
            let played = s.org_controllers();
            for (id, t) in engine.world().services() {
                if let Some(card) = cards.get_mut(id.idx()) {
                    *card = ServiceCard {
                        shown: shown(t.status, t.capacity),
                        capacity: Some(t.capacity),
                        compromised: t.compromised.is_some(),
                        isolated: t.isolated,
                        buffer_left: t.on_buffer.map(|(_, until)| until.saturating_sub(now)),
                        actionable: s
                            .services
                            .get(id.idx())
                            .and_then(|x| played.get(x.owner.idx()))
                            .is_some_and(Option::is_some),
                    };
                }
            }
        }
    }
    cards
}

/// A team's services as it observes them (of `services` in all), the others unknown.
pub(crate) fn team_cards(services: usize, view: &TeamView, now: Secs) -> Vec<ServiceCard> {
    let mut cards = vec![ServiceCard::unknown(); services];
    for o in &view.services {
        if let Some(card) = cards.get_mut(o.service.idx()) {
            *card = ServiceCard {
                shown: shown(o.status, o.capacity),
                capacity: Some(o.capacity),
                compromised: o.suspected,
                isolated: o.isolated,
                buffer_left: o.on_buffer.map(|(_, until)| until.saturating_sub(now)),
                actionable: true,
            };
        }
    }
    cards
}

fn message_card(s: &Scenario, m: &Message, at: Secs) -> MessageCard {
    MessageCard {
        at,
        from: sender_text(s, &m.from),
        to: m.to.clone(),
        kind: Some(m.kind),
        severity: m.severity,
        text: m.text.clone(),
        services: m.services.clone(),
        incidents: m.incidents.clone(),
    }
}

fn running(team: TeamId, view: &TeamView) -> impl Iterator<Item = RunningAction> + '_ {
    view.actions.iter().map(move |a| RunningAction {
        action: a.action,
        team,
        service: match a.target {
            ActionTarget::Service(s) => Some(s),
            ActionTarget::Organisation(_) => None,
        },
        started: a.started,
        ends: a.done_at,
    })
}

/// An incident's card; `book` (the ground truth's facts) only for the facilitator and
/// observers.
fn incident_card(
    i: &Incident,
    up: impl Fn(ServiceId) -> bool,
    book: Option<&LogBook>,
) -> IncidentCard {
    IncidentCard {
        id: i.id,
        team: i.team,
        kind: i
            .detections
            .first()
            .map_or(crate::engine::DetectionKind::Outage, |d| d.kind),
        severity: book.and_then(|b| b.severity.get(&i.id).copied()),
        opened: i.opened_at,
        updated: i.updated_at,
        services: i.services.clone(),
        reported: book.and_then(|b| b.reported.get(&i.id).copied()),
        shared: book.and_then(|b| b.shared.get(&i.id).copied()),
        restored: !i.services.is_empty() && i.services.iter().all(|s| up(*s)),
    }
}

fn team_picture(p: &mut Picture, engine: &Engine, view: &TeamView, book: &LogBook) {
    let log = book.for_seat(Some(view.team), LOG_LINES);
    let reported = |i: IncidentId| book.reported.get(&i).copied();
    let told = TeamTold {
        view,
        message: &|id| engine.message(id),
        reported: &reported,
        log,
    };
    team_picture_of(p, engine.scenario(), &told);
}

/// What a team seat's picture is built from: the team's view, the messages it may read,
/// when it first reported each incident, and its log. The local adapter takes them from
/// the engine; a client of a networked exercise from what the host sent.
pub(crate) struct TeamTold<'a> {
    pub view: &'a TeamView,
    pub message: &'a dyn Fn(MessageId) -> Option<&'a Message>,
    pub reported: &'a dyn Fn(IncidentId) -> Option<Secs>,
    pub log: Vec<LogLine>,
}

/// A team seat's picture (`p` holds its time, end and revision already).
pub(crate) fn team_picture_of(p: &mut Picture, s: &Scenario, told: &TeamTold) {
    let view = told.view;
    p.services = team_cards(s.services.len(), view, p.now);
    let up = |svc: ServiceId| view.service(svc).is_some_and(|o| o.capacity >= 1.0);
    p.incidents = view
        .incidents
        .iter()
        .map(|i| {
            let mut card = incident_card(i, up, None);
            card.reported = (told.reported)(i.id);
            card
        })
        .collect();
    p.inbox = view
        .inbox
        .iter()
        .filter_map(|r| (told.message)(r.message).map(|m| message_card(s, m, r.at)))
        .collect();
    p.running = running(view.team, view).collect();
    p.log = told.log.clone();
    p.tally = tally(
        &p.services,
        p.incidents.iter().filter(|i| !i.restored).count(),
        p.inbox.len(),
        None,
    );
}

fn truth_picture(p: &mut Picture, engine: &Engine, book: &LogBook) {
    let s = engine.scenario();
    let now = engine.now();
    let world = engine.world();
    p.services = service_cards(engine, Seat::Facilitator);
    let up = |svc: ServiceId| svc.idx() < world.len() && world.capacity(svc) >= 1.0;
    p.incidents = engine
        .views()
        .iter()
        .flat_map(|v| v.incidents.iter())
        .map(|i| incident_card(i, up, Some(book)))
        .collect();
    p.incidents.sort_by_key(|i| (i.opened, i.id));
    p.inbox = engine
        .messages()
        .iter()
        .map(|m| message_card(s, m, m.sent_at))
        .collect();
    p.running = engine
        .views()
        .iter()
        .flat_map(|v| running(v.team, v))
        .collect();
    p.log = book.for_seat(None, LOG_LINES);
    p.notes = book.notes.clone();
    p.injects = s
        .injects
        .iter()
        .enumerate()
        .map(|(i, inj)| {
            let (fired, skipped) = book.injects.get(i).copied().unwrap_or_default();
            InjectCard {
                id: InjectId(i as u32),
                due: match inj.trigger {
                    Trigger::At(t) => Some(t),
                    Trigger::When(_) => None,
                },
                fired,
                skipped,
            }
        })
        .collect();
    p.next_inject = engine.next_inject_time();
    p.in_flight = engine
        .in_flight()
        .into_iter()
        .map(|(dep, left, arrives, _)| {
            let span = arrives.saturating_sub(left).max(1) as f32;
            (
                dep,
                (now.saturating_sub(left) as f32 / span).clamp(0.0, 1.0),
            )
        })
        .collect();
    let open = p.incidents.iter().filter(|i| !i.restored).count();
    p.tally = tally(
        &p.services,
        open,
        engine.messages().len(),
        Some(book.impact(s, now)),
    );
}

fn tally(
    services: &[ServiceCard],
    incidents_open: usize,
    messages: usize,
    impact: Option<f64>,
) -> Tally {
    let count = |f: fn(Shown) -> bool| services.iter().filter(|c| f(c.shown)).count();
    Tally {
        down: count(|s| s == Shown::Down),
        degraded: count(|s| s == Shown::Degraded),
        on_backup: count(|s| matches!(s, Shown::Backup | Shown::Recovering)),
        incidents_open,
        messages,
        impact,
    }
}
