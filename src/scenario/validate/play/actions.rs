//! The actions teams may take: target rules, effects and roles.

use super::super::ctx::{Ctx, at, text};
use crate::scenario::model::*;
use crate::scenario::raw::*;
use crate::scenario::spans::Seg::{Field as F, Index as I};

pub(super) fn actions(cx: &mut Ctx) -> Vec<Action> {
    let raw = &cx.m.raw;
    let mut out = Vec::new();
    for (i, a) in raw.actions.iter().enumerate() {
        let duration = cx.duration(
            at("actions", i, &[F("duration")]),
            &a.duration,
            "action duration",
            false,
        );
        let mut effects = Vec::new();
        for (j, e) in a.effects.iter().enumerate() {
            let epath = [F("effects"), I(j), I(0)];
            let ea = at("actions", i, &epath);
            effects.push(match e {
                RawActionEffect::Isolate => ActionEffect::Isolate,
                RawActionEffect::Patch => ActionEffect::Patch,
                RawActionEffect::Restore => ActionEffect::Restore,
                RawActionEffect::Bcp => ActionEffect::Bcp,
                RawActionEffect::Backup(c) => {
                    ActionEffect::Backup(cx.unit(ea, *c, "backup capacity"))
                }
                RawActionEffect::Manual(c) => {
                    ActionEffect::Manual(cx.unit(ea, *c, "manual capacity"))
                }
                RawActionEffect::Refuel(d) => {
                    ActionEffect::Refuel(cx.duration(ea, d, "refuel", false))
                }
            });
        }
        let roles = if a.roles.is_empty() {
            vec![Role::Operator]
        } else {
            a.roles.clone()
        };
        out.push(Action {
            id: a.id.clone(),
            name: text(&a.name),
            duration,
            target: a.target,
            effects,
            roles,
        });
    }
    out
}
