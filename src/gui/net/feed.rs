//! A joined seat's picture from what the host sent: the team's view and the messages it
//! got. The log is read from how each view differs from the one before (a status changed,
//! an incident opened, a message arrived, an action started or finished), each line at
//! the time the view says, or the exercise time of the view it first appeared in.

use crate::engine::{Message, MessageId, Sender, TeamView};
use crate::gui::exercise::build::{TeamTold, team_picture_of};
use crate::gui::exercise::logbook::{sender_text, shown, target_service};
use crate::gui::exercise::picture::{LogEvent, LogLine, Picture};
use crate::gui::session::Seat;
use crate::scenario::{Scenario, Secs};
use std::collections::HashMap;
use std::sync::Arc;

/// Log lines kept.
const LOG_LINES: usize = 400;

/// What a joined seat knows: the latest view, the messages, and its log.
pub(crate) struct Feed {
    pub scenario: Arc<Scenario>,
    view: Option<TeamView>,
    /// The exercise time of the latest view.
    at: Secs,
    messages: HashMap<MessageId, Message>,
    log: Vec<LogLine>,
    revision: u64,
}

impl Feed {
    pub(crate) fn new(scenario: Arc<Scenario>) -> Self {
        Self {
            scenario,
            view: None,
            at: 0,
            messages: HashMap::new(),
            log: Vec::new(),
            revision: 0,
        }
    }

    /// A new view at `at`, with the messages it brought.
    pub(crate) fn take(&mut self, at: Secs, view: TeamView, messages: Vec<Message>) {
        for m in messages {
            self.messages.insert(m.id, m);
        }
        let lines = changes(
            &self.scenario,
            self.view.as_ref(),
            &view,
            at,
            &self.messages,
        );
        self.log.extend(lines);
        self.log.sort_by_key(|l| l.at);
        let over = self.log.len().saturating_sub(LOG_LINES);
        self.log.drain(..over);
        self.view = Some(view);
        self.at = at;
    }

    /// A line of this seat's own (a command the host did not apply).
    pub(crate) fn note(&mut self, event: LogEvent) {
        self.log.push(LogLine { at: self.at, event });
    }

    /// The seat's picture now (`None` before the first view).
    pub(crate) fn picture(&mut self, finished: bool) -> Option<Picture> {
        let view = self.view.as_ref()?;
        let s = &self.scenario;
        self.revision += 1;
        let mut p = Picture::empty(Seat::Team(view.team), s.services.len());
        p.now = self.at;
        p.end = s.duration;
        p.finished = finished;
        p.revision = self.revision;
        let messages = &self.messages;
        let message = |id: MessageId| messages.get(&id);
        // When the team first sent a message naming the incident.
        let reported = |i| {
            view.sent
                .iter()
                .filter_map(|id| messages.get(id))
                .filter(|m| m.incidents.contains(&i))
                .map(|m| m.sent_at)
                .min()
        };
        let told = TeamTold {
            view,
            message: &message,
            reported: &reported,
            log: self.log.clone(),
        };
        team_picture_of(&mut p, s, &told);
        Some(p)
    }
}

/// The log lines that tell how `new` (at `at`) differs from `old`.
fn changes(
    s: &Scenario,
    old: Option<&TeamView>,
    new: &TeamView,
    at: Secs,
    messages: &HashMap<MessageId, Message>,
) -> Vec<LogLine> {
    let mut out = Vec::new();
    let mut line = |at, event| out.push(LogLine { at, event });
    let team = new.team;
    if let Some(old) = old {
        for o in &new.services {
            let Some(before) = old.service(o.service) else {
                continue;
            };
            if (before.status, before.capacity) != (o.status, o.capacity) {
                let now = shown(o.status, o.capacity);
                let service = o.service;
                let capacity = o.capacity;
                line(
                    at,
                    LogEvent::Status {
                        service,
                        now,
                        capacity,
                    },
                );
            }
            match (before.on_buffer, o.on_buffer) {
                (None, Some((kind, until))) => {
                    line(at, LogEvent::Buffer(o.service, kind, Some(until)));
                }
                (Some((kind, _)), None) if o.capacity <= 0.0 => {
                    line(at, LogEvent::Buffer(o.service, kind, None));
                }
                _ => {}
            }
        }
    }
    let known = |id| old.and_then(|o| o.incidents.iter().find(|i| i.id == id));
    for i in &new.incidents {
        let seen = known(i.id).map_or(0, |o| o.detections.len());
        for (n, d) in i.detections.iter().enumerate().skip(seen) {
            let (service, kind) = (d.service, d.kind);
            let event = if n == 0 {
                LogEvent::IncidentOpened {
                    team,
                    service,
                    kind,
                }
            } else {
                LogEvent::Detected {
                    team,
                    service,
                    kind,
                }
            };
            line(d.at, event);
        }
    }
    let had_in = old.map_or(0, |o| o.inbox.len());
    for r in new.inbox.iter().skip(had_in) {
        if let Some(m) = messages.get(&r.message) {
            let from = sender_text(s, &m.from);
            line(
                r.at,
                LogEvent::Delivered {
                    from,
                    to: team,
                    kind: m.kind,
                },
            );
        }
    }
    let had_out = old.map_or(0, |o| o.sent.len());
    for id in new.sent.iter().skip(had_out) {
        if let Some(m) = messages.get(id) {
            let from = sender_text(s, &Sender::Team(team));
            line(
                m.sent_at,
                LogEvent::Sent {
                    from,
                    to: m.to.clone(),
                    kind: m.kind,
                },
            );
        }
    }
    let running = |v: &TeamView, run| v.actions.iter().any(|a| a.run == run);
    for a in &new.actions {
        if old.is_none_or(|o| !running(o, a.run)) {
            let service = target_service(a.target);
            let (action, done_at) = (a.action, a.done_at);
            line(
                a.started,
                LogEvent::ActionStarted {
                    team,
                    action,
                    service,
                    done_at,
                },
            );
        }
    }
    for a in old.map_or(&[][..], |o| &o.actions[..]) {
        if !running(new, a.run) {
            let service = target_service(a.target);
            line(
                at.min(a.done_at).max(a.started),
                LogEvent::ActionFinished {
                    team,
                    action: a.action,
                    service,
                },
            );
        }
    }
    out
}
