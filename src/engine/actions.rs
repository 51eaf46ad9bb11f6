//! Team actions: starting a run, and applying its effects when its duration has passed.

use super::core::{Engine, Run};
use super::instant::Ev;
use super::journal::EntryKind;
use super::topology::{FULL, millis};
use super::types::{ActionTarget, Cause, Origin, RunId};
use super::view::RunningAction;
use super::world::{Fallback, NONE};
use crate::scenario::{ActionEffect, ActionId, ServiceId, TeamId};

impl Engine {
    /// The services an action on `target` works on, in id order.
    pub(crate) fn target_services(&self, target: ActionTarget) -> Vec<ServiceId> {
        match target {
            ActionTarget::Service(s) => vec![s],
            ActionTarget::Organisation(o) => (0..self.scenario.services.len())
                .filter(|&i| self.scenario.services[i].owner == o)
                .map(|i| ServiceId(i as u32))
                .collect(),
        }
    }

    /// Start a checked action run.
    pub(crate) fn start_action(
        &mut self,
        team: TeamId,
        action: ActionId,
        target: ActionTarget,
    ) -> (RunId, u64) {
        let run = RunId(self.runs.len() as u32);
        let done_at = self.now + self.scenario.actions[action.idx()].duration;
        self.runs.push(Run {
            team,
            action,
            target,
            done: false,
        });
        let entry = self.log(EntryKind::ActionStarted {
            run,
            team,
            action,
            target,
            done_at,
        });
        self.action_log.push((action, team, entry));
        self.cond_dirty = true;
        self.view_changes[team.idx()] += 1;
        self.views[team.idx()].actions.push(RunningAction {
            run,
            action,
            target,
            started: self.now,
            done_at,
        });
        let restores = self.scenario.actions[action.idx()]
            .effects
            .iter()
            .any(|e| matches!(e, ActionEffect::Restore));
        if restores {
            for s in self.target_services(target) {
                self.world.svcs[s.idx()].restoring += 1;
                self.recompute(s.idx(), Cause::Action { team, run }, Origin::Team(team));
            }
        }
        self.queue.push(done_at, Ev::ActionDone { run: run.0 });
        (run, done_at)
    }

    /// A run's duration has passed: apply its effects.
    pub(crate) fn finish_action(&mut self, run: RunId) {
        let Run {
            team,
            action,
            target,
            done,
        } = self.runs[run.idx()];
        if done {
            return;
        }
        self.runs[run.idx()].done = true;
        self.views[team.idx()].actions.retain(|a| a.run != run);
        self.view_changes[team.idx()] += 1;
        self.log(EntryKind::ActionFinished {
            run,
            team,
            action,
            target,
        });
        let scenario = self.scenario.clone();
        let effects = &scenario.actions[action.idx()].effects;
        for s in self.target_services(target) {
            let i = s.idx();
            self.world.svcs[i].settle(self.now);
            for effect in effects {
                let v = &mut self.world.svcs[i];
                match *effect {
                    ActionEffect::Isolate => v.isolated = true,
                    ActionEffect::Patch => {
                        v.patched = true;
                        if let Some(threat) = v.compromised.take() {
                            self.log(EntryKind::Cleaned { service: s, threat });
                        }
                        if let Some(o) = self.views[team.idx()].service_mut(s) {
                            o.suspected = false;
                        }
                    }
                    ActionEffect::Restore => {
                        v.direct = FULL;
                        v.area = FULL;
                        v.isolated = false;
                        v.mode = NONE;
                        v.tampered = false;
                        v.restoring = v.restoring.saturating_sub(1);
                    }
                    ActionEffect::Backup(x) => {
                        v.mode = millis(x);
                        v.mode_kind = Fallback::Backup;
                    }
                    ActionEffect::Manual(x) => {
                        v.mode = millis(x);
                        v.mode_kind = Fallback::Manual;
                    }
                    ActionEffect::Refuel(secs) => {
                        v.generator = v.generator.saturating_add(secs.saturating_mul(1000));
                    }
                    ActionEffect::Bcp => {}
                }
            }
            self.recompute(i, Cause::Action { team, run }, Origin::Team(team));
        }
    }
}
