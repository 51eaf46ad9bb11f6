//! How journal descriptions name a scenario's things: by id in English, by their
//! Japanese names (the id where a name is empty) in Japanese.

use super::types::ActionTarget;
use crate::scenario::{
    ActionId, DepId, Dependency, InjectId, Lang, Scenario, ServiceId, TeamId, Text, ThreatId,
};

/// Names the things of one scenario in one language; "?" for an unknown index.
pub(super) struct Names<'a> {
    scenario: &'a Scenario,
    lang: Lang,
}

impl<'a> Names<'a> {
    pub(super) fn new(scenario: &'a Scenario, lang: Lang) -> Self {
        Names { scenario, lang }
    }

    fn label(&self, id: &'a str, name: &'a Text) -> &'a str {
        match self.lang {
            Lang::Ja if !name.ja.is_empty() => &name.ja,
            _ => id,
        }
    }

    /// Several names, joined as the language lists them.
    fn list<'b>(&self, names: impl Iterator<Item = &'b str>) -> String {
        let sep = if self.lang == Lang::Ja { "、" } else { ", " };
        names.collect::<Vec<_>>().join(sep)
    }

    pub(super) fn svc(&self, s: ServiceId) -> &'a str {
        let found = self.scenario.services.get(s.idx());
        found.map_or("?", |x| self.label(&x.id, &x.name))
    }

    pub(super) fn svcs(&self, ss: &[ServiceId]) -> String {
        self.list(ss.iter().map(|s| self.svc(*s)))
    }

    pub(super) fn team(&self, t: TeamId) -> &'a str {
        let found = self.scenario.teams.get(t.idx());
        found.map_or("?", |x| self.label(&x.id, &x.name))
    }

    pub(super) fn teams(&self, ts: &[TeamId]) -> String {
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
