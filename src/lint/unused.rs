//! Parts of a scenario the play can never touch: services nothing can affect, teams
//! that can receive neither an incident nor a message, actions no team may take.

use super::Finding;
use super::reach::{Reach, role_may};
use crate::scenario::ProblemKind;
use crate::scenario::Seg::Field as F;

pub(super) fn findings(r: &Reach, out: &mut Vec<Finding>) {
    let sc = r.sc;
    for (i, s) in sc.services.iter().enumerate() {
        if !r.affected[i] {
            let hint = "name it in a threat step or an inject, make it depend on a service that \
                        is affected, or remove it";
            let kind = ProblemKind::Unaffected(s.id.clone());
            out.push(Finding::new("services", &s.id, vec![F("id")], kind, hint));
        }
    }
    for t in r.teams() {
        let team = &sc.teams[t.idx()];
        let incident = (0..sc.services.len()).any(|i| r.affected[i] && r.player[i] == Some(t));
        if !incident && !r.by_channel[t.idx()] && !r.by_inject[t.idx()] {
            let hint = "add a channel to it, address an inject message to it, or let it play \
                        an organisation whose service can be affected";
            let kind = ProblemKind::Unreachable(team.id.clone());
            out.push(Finding::new("teams", &team.id, vec![F("id")], kind, hint));
        }
    }
    for a in &sc.actions {
        if r.teams().any(|t| r.may_take(t, a)) {
            continue;
        }
        let hint = if sc.teams.iter().any(|t| role_may(t, a)) {
            "the teams whose role may take it play no service to act on: give it another \
             role or target"
        } else {
            "no team plays a role in `roles`: add the role of a team that should take it"
        };
        let kind = ProblemKind::NoTeamMayTake(a.id.clone());
        out.push(Finding::new("actions", &a.id, vec![F("roles")], kind, hint));
    }
}
