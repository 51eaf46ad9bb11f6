//! How journal descriptions name a scenario's things: for the `run` timeline by id in
//! English and by Japanese name in Japanese; for the app by name in either language
//! (the id where a name is empty).

use super::describe::Naming;
use super::types::ActionTarget;
use crate::scenario::{
    ActionId, DepId, Dependency, InjectId, Lang, Scenario, ServiceId, TeamId, Text, ThreatId,
};
use crate::words::Part;

/// Names the things of one scenario in one language; "?" for an unknown index.
pub(super) struct Names<'a> {
    scenario: &'a Scenario,
    lang: Lang,
    naming: Naming,
}

impl<'a> Names<'a> {
    pub(super) fn new(scenario: &'a Scenario, lang: Lang, naming: Naming) -> Self {
        Names {
            scenario,
            lang,
            naming,
        }
    }

    fn label(&self, id: &'a str, name: &'a Text) -> &'a str {
        let by_name = self.naming == Naming::People || self.lang != Lang::En;
        match name.get(self.lang) {
            n if by_name && !n.is_empty() => n,
            _ => id,
        }
    }

    /// Several names, listed as the language lists them.
    fn list<'b>(&self, names: impl Iterator<Item = &'b str>) -> Part {
        Part::list(names.map(Part::from))
    }

    pub(super) fn svc(&self, s: ServiceId) -> &'a str {
        let found = self.scenario.services.get(s.idx());
        found.map_or("?", |x| self.label(&x.id, &x.name))
    }

    pub(super) fn svcs(&self, ss: &[ServiceId]) -> Part {
        self.list(ss.iter().map(|s| self.svc(*s)))
    }

    pub(super) fn team(&self, t: TeamId) -> &'a str {
        let found = self.scenario.teams.get(t.idx());
        found.map_or("?", |x| self.label(&x.id, &x.name))
    }

    pub(super) fn teams(&self, ts: &[TeamId]) -> Part {
        self.list(ts.iter().map(|t| self.team(*t)))
    }

    pub(super) fn threat(&self, t: ThreatId) -> &'a str {
        let found = self.scenario.threats.get(t.idx());
        found.map_or("?", |x| self.label(&x.id, &x.name))
    }

    /// Injects have no name: always the id.
    pub(super) fn inject(&self, i: InjectId) -> &'a str {
        let found = self.scenario.injects.get(i.idx());
        found.map_or("?", |x| x.id.as_str())
    }

    pub(super) fn action(&self, a: ActionId) -> &'a str {
        let found = self.scenario.actions.get(a.idx());
        found.map_or("?", |x| self.label(&x.id, &x.name))
    }

    pub(super) fn target(&self, t: ActionTarget) -> &'a str {
        match t {
            ActionTarget::Service(s) => self.svc(s),
            ActionTarget::Organisation(o) => {
                let found = self.scenario.organisations.get(o.idx());
                found.map_or("?", |x| self.label(&x.id, &x.name))
            }
        }
    }

    pub(super) fn dependency(&self, d: DepId) -> Option<&'a Dependency> {
        self.scenario.dependencies.get(d.idx())
    }
}
