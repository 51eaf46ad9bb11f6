//! Messages: sending over channels with their latency, delivery into inboxes, and
//! what a delivery teaches the recipient.

use super::core::Engine;
use super::instant::Ev;
use super::journal::EntryKind;
use super::types::{Message, MessageId, MessageText, Sender};
use crate::scenario::{MessageKind, Secs, TeamId};

impl Engine {
    /// Record `msg` as sent now and schedule its deliveries (`arrivals` per recipient).
    pub(crate) fn post(&mut self, mut msg: Message, arrivals: &[(TeamId, Secs)]) -> MessageId {
        let id = MessageId(self.messages.len() as u32);
        msg.id = id;
        msg.sent_at = self.now;
        self.log(EntryKind::MessageSent {
            message: id,
            from: Box::new(msg.from.clone()),
            to: Box::new(msg.to.clone()),
            kind: msg.kind,
            incidents: Box::new(msg.incidents.clone()),
            services: Box::new(msg.services.clone()),
            severity: msg.severity,
            status: msg.status,
            text: Box::new(msg.text.clone()),
            forwarded: msg.forwarded,
        });
        if let Sender::Team(team) = msg.from {
            self.views[team.idx()].sent.push(id);
            self.view_changes[team.idx()] += 1;
            if msg.kind == MessageKind::Report {
                self.note_report(team, &msg);
            }
        }
        self.messages.push(msg);
        for &(to, at) in arrivals {
            self.queue.push(
                at,
                Ev::Deliver {
                    msg: id.0,
                    to: to.0,
                },
            );
        }
        id
    }

    /// A scripted message from an inject, delivered at once.
    pub(crate) fn inject_message(
        &mut self,
        inject: crate::scenario::InjectId,
        to: &[TeamId],
        from: &crate::scenario::Text,
        text: &crate::scenario::Text,
    ) {
        let msg = Message {
            id: MessageId(0),
            from: Sender::Inject {
                inject,
                from: from.clone(),
            },
            to: to.to_vec(),
            kind: MessageKind::Information,
            incidents: Vec::new(),
            services: Vec::new(),
            severity: None,
            status: None,
            text: MessageText::Scripted(text.clone()),
            sent_at: self.now,
            forwarded: None,
        };
        let now = self.now;
        let arrivals: Vec<(TeamId, Secs)> = to.iter().map(|&t| (t, now)).collect();
        self.post(msg, &arrivals);
    }

    /// A message reaches one recipient.
    pub(crate) fn deliver(&mut self, id: MessageId, to: TeamId) {
        let now = self.now;
        let msg = &self.messages[id.idx()];
        let kind = msg.kind;
        self.view_changes[to.idx()] += 1;
        let view = &mut self.views[to.idx()];
        view.inbox.push(super::view::Received {
            message: id,
            at: now,
        });
        for &inc in &msg.incidents {
            view.learn_incident(inc);
        }
        // A message naming one of the team's services makes it look into it.
        if matches!(
            kind,
            MessageKind::Alert | MessageKind::Information | MessageKind::Request
        ) {
            for s in &msg.services {
                if let Some(o) = view.service_mut(*s) {
                    o.suspected = true;
                }
            }
        }
        let entry = self.log(EntryKind::MessageDelivered { message: id, to });
        self.received_log.push((to, kind, entry));
        self.cond_dirty = true;
    }

    /// Remember when `team` first reported on each threat its message is about: by the
    /// incidents it names, or by naming a service the threat reached.
    fn note_report(&mut self, team: TeamId, msg: &Message) {
        let threats = self.scenario.threats.len();
        for t in 0..threats {
            let by_incident = msg.incidents.iter().any(|i| {
                self.incidents
                    .get(i.idx())
                    .and_then(|m| m.origin.threat())
                    .map(|x| x.idx())
                    == Some(t)
            });
            let by_service = msg.services.iter().any(|s| {
                self.topo.threat_reach[t].binary_search(s).is_ok() || self.threat_hits(t, *s)
            });
            let cell = &mut self.reported[team.idx() * threats + t];
            if (by_incident || by_service) && cell.is_none() {
                *cell = Some(self.now);
                self.cond_dirty = true;
            }
        }
    }

    /// Whether threat `t` has an impact step on `s`.
    fn threat_hits(&self, t: usize, s: crate::scenario::ServiceId) -> bool {
        self.scenario.threats[t].steps.iter().any(|step| {
            matches!(step.kind, crate::scenario::StepKind::Impact { service, .. } if service == s)
        })
    }
}
