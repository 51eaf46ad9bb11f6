//! A team's view on the wire as changes: the host sends each seat only what differs from
//! the last view that seat was sent (a new connection's first is against an empty view),
//! and the client keeps its copy up to date. An inbox that grows by one message costs one
//! message, not the whole inbox again. A patch that does not fit the copy is an error.

use super::proto::DecodeError;
use crate::engine::TeamView;
use crate::engine::{Incident, IncidentId, MessageId, ObservedService, Received, RunningAction};
use crate::scenario::TeamId;
use serde::{Deserialize, Serialize};

/// How one list changed: its new length and the items at the places that differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Patch<T> {
    pub len: u32,
    pub at: Vec<(u32, T)>,
}

impl<T: Clone + PartialEq> Patch<T> {
    fn between(old: &[T], new: &[T]) -> Self {
        let at = new
            .iter()
            .enumerate()
            .filter(|(i, item)| old.get(*i) != Some(item))
            .map(|(i, item)| (i as u32, item.clone()))
            .collect();
        Patch {
            len: new.len() as u32,
            at,
        }
    }

    fn is_empty(&self, old: &[T]) -> bool {
        self.at.is_empty() && self.len as usize == old.len()
    }

    /// Apply in place: places in increasing order, each within the list or just past it.
    fn apply(&self, list: &mut Vec<T>) -> Result<(), String> {
        list.truncate(self.len as usize);
        for (i, item) in &self.at {
            let i = *i as usize;
            if i < list.len() {
                list[i] = item.clone();
            } else if i == list.len() && i < self.len as usize {
                list.push(item.clone());
            } else {
                return Err(format!("place {i} of a list of {}", list.len()));
            }
        }
        if list.len() != self.len as usize {
            return Err(format!("{} items where {} were said", list.len(), self.len));
        }
        Ok(())
    }
}

/// How a team's view changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewPatch {
    pub team: TeamId,
    pub services: Patch<ObservedService>,
    pub incidents: Patch<Incident>,
    pub inbox: Patch<Received>,
    pub sent: Patch<MessageId>,
    pub actions: Patch<RunningAction>,
    pub known_incidents: Patch<IncidentId>,
}

/// A view with nothing in it: what a connection's first patch is taken against.
pub fn empty_view(team: TeamId) -> TeamView {
    TeamView {
        team,
        services: Vec::new(),
        incidents: Vec::new(),
        inbox: Vec::new(),
        sent: Vec::new(),
        actions: Vec::new(),
        known_incidents: Vec::new(),
    }
}

impl ViewPatch {
    /// What turns `old` into `new`; `None` when nothing changed.
    pub fn between(old: &TeamView, new: &TeamView) -> Option<ViewPatch> {
        let patch = ViewPatch {
            team: new.team,
            services: Patch::between(&old.services, &new.services),
            incidents: Patch::between(&old.incidents, &new.incidents),
            inbox: Patch::between(&old.inbox, &new.inbox),
            sent: Patch::between(&old.sent, &new.sent),
            actions: Patch::between(&old.actions, &new.actions),
            known_incidents: Patch::between(&old.known_incidents, &new.known_incidents),
        };
        let same = old.team == new.team
            && patch.services.is_empty(&old.services)
            && patch.incidents.is_empty(&old.incidents)
            && patch.inbox.is_empty(&old.inbox)
            && patch.sent.is_empty(&old.sent)
            && patch.actions.is_empty(&old.actions)
            && patch.known_incidents.is_empty(&old.known_incidents);
        (!same).then_some(patch)
    }

    /// Bring `view` up to date; a patch that does not fit it leaves an error (the copy is
    /// then not to be trusted: the link is to be dropped and the seat taken again).
    pub fn apply(&self, view: &mut TeamView) -> Result<(), DecodeError> {
        if self.team != view.team {
            let why = format!("team {:?} for {:?}", self.team, view.team);
            return Err(DecodeError::Malformed(why));
        }
        fit("services", &self.services, &mut view.services)?;
        fit("incidents", &self.incidents, &mut view.incidents)?;
        fit("inbox", &self.inbox, &mut view.inbox)?;
        fit("sent", &self.sent, &mut view.sent)?;
        fit("actions", &self.actions, &mut view.actions)?;
        fit(
            "known incidents",
            &self.known_incidents,
            &mut view.known_incidents,
        )
    }
}

/// Apply one list's patch; a misfit names the list.
fn fit<T: Clone + PartialEq>(
    what: &str,
    p: &Patch<T>,
    list: &mut Vec<T>,
) -> Result<(), DecodeError> {
    p.apply(list)
        .map_err(|why| DecodeError::Malformed(format!("{what}: {why}")))
}

/// A client's copy of its team's view, kept up to date from the host's patches.
#[derive(Debug, Default)]
pub struct ViewCopy(Option<TeamView>);

impl ViewCopy {
    /// A new link: the host's next patch is against an empty view.
    pub fn restart(&mut self) {
        self.0 = None;
    }

    /// The view once `patch` is applied; a patch that does not fit leaves no copy.
    pub fn take(&mut self, patch: &ViewPatch) -> Result<&TeamView, DecodeError> {
        let mut view = self.0.take().unwrap_or_else(|| empty_view(patch.team));
        patch.apply(&mut view)?;
        Ok(self.0.insert(view))
    }

    pub fn view(&self) -> Option<&TeamView> {
        self.0.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn view(team: u32, inbox: &[(u32, u64)], sent: &[u32]) -> TeamView {
        let mut v = empty_view(TeamId(team));
        v.inbox = inbox
            .iter()
            .map(|&(m, at)| Received {
                message: MessageId(m),
                at,
            })
            .collect();
        v.sent = sent.iter().map(|&m| MessageId(m)).collect();
        v
    }

    #[test]
    fn a_grown_inbox_sends_only_the_new_message() {
        let old = view(1, &[(1, 10), (2, 20)], &[]);
        let new = view(1, &[(1, 10), (2, 20), (3, 30)], &[]);
        let patch = ViewPatch::between(&old, &new).expect("a change");
        assert_eq!(patch.inbox.at.len(), 1);
        assert!(patch.sent.at.is_empty() && patch.services.at.is_empty());
        let mut copy = old.clone();
        patch.apply(&mut copy).expect("fits");
        assert_eq!(copy, new);
        assert_eq!(ViewPatch::between(&new, &new), None);
    }

    #[test]
    fn a_patch_that_does_not_fit_is_an_error() {
        let new = view(1, &[(1, 10), (2, 20)], &[]);
        let patch = ViewPatch::between(&empty_view(TeamId(1)), &new).expect("a change");
        let mut other = empty_view(TeamId(2));
        assert!(patch.apply(&mut other).is_err(), "another team's");
        let mut hole = patch.clone();
        hole.inbox.at.remove(0);
        assert!(hole.apply(&mut empty_view(TeamId(1))).is_err(), "a gap");
        let mut long = patch;
        long.inbox.len = 5;
        assert!(
            long.apply(&mut empty_view(TeamId(1))).is_err(),
            "too few items"
        );
    }

    proptest! {
        #[test]
        fn any_two_views_patch_into_each_other(
            a in proptest::collection::vec((0u32..9, 0u64..9), 0..12),
            b in proptest::collection::vec((0u32..9, 0u64..9), 0..12),
            s in proptest::collection::vec(0u32..9, 0..6),
            t in proptest::collection::vec(0u32..9, 0..6),
        ) {
            let (old, new) = (view(3, &a, &s), view(3, &b, &t));
            let mut copy = old.clone();
            if let Some(patch) = ViewPatch::between(&old, &new) {
                patch.apply(&mut copy).expect("fits");
            }
            prop_assert_eq!(copy, new);
        }
    }
}
