//! Looking things up in a loaded scenario: its parts by string id, who plays a service,
//! and a service's sector.

use super::model::{ActionId, InjectId, OrgId, Scenario, SectorId, ServiceId, TeamId};

impl Scenario {
    /// Find a service by its string id.
    pub fn service_by_id(&self, id: &str) -> Option<ServiceId> {
        position(&self.services, |s| s.id == id).map(ServiceId)
    }

    /// Find a team by its string id.
    pub fn team_by_id(&self, id: &str) -> Option<TeamId> {
        position(&self.teams, |t| t.id == id).map(TeamId)
    }

    /// Find an action by its string id.
    pub fn action_by_id(&self, id: &str) -> Option<ActionId> {
        position(&self.actions, |a| a.id == id).map(ActionId)
    }

    /// Find an inject by its string id.
    pub fn inject_by_id(&self, id: &str) -> Option<InjectId> {
        position(&self.injects, |i| i.id == id).map(InjectId)
    }

    /// The team that controls the owner of `service`, if any team plays it.
    pub fn controller_of(&self, service: ServiceId) -> Option<TeamId> {
        self.org_controller(self.services[service.idx()].owner)
    }

    /// The team that controls organisation `org`, if any team plays it.
    pub fn org_controller(&self, org: OrgId) -> Option<TeamId> {
        position(&self.teams, |t| t.controls.contains(&org)).map(TeamId)
    }

    /// [`Self::org_controller`] of every organisation, by index: for loops over
    /// thousands of services.
    pub fn org_controllers(&self) -> Vec<Option<TeamId>> {
        (0..self.organisations.len() as u32)
            .map(|o| self.org_controller(OrgId(o)))
            .collect()
    }

    /// The sector a service belongs to (through its owner).
    pub fn sector_of(&self, service: ServiceId) -> SectorId {
        self.organisations[self.services[service.idx()].owner.idx()].sector
    }
}

/// The index of the first element of `list` that `is` picks.
fn position<T>(list: &[T], is: impl FnMut(&T) -> bool) -> Option<u32> {
    list.iter().position(is).map(|i| i as u32)
}
