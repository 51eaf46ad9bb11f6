//! The timeline tab: the map as it was at the scrubber's moment, ground truth and one team's
//! view side by side, and the journal around that moment.

use super::Ctx;
use super::facts;
use super::map;
use crate::engine::describe_named;
use crate::gui::exercise::build::service_cards;
use crate::gui::exercise::picture::{ServiceCard, Shown};
use crate::gui::i18n::Arg;
use crate::gui::map::layout;
use crate::gui::session::Seat;
use crate::gui::widgets::{self, colour};
use crate::scenario::TeamId;
use bevy_egui::egui::{self, Color32, vec2};
use std::sync::Arc;

const LIST_WIDTH: f32 = 330.0;

pub(super) fn show(ui: &mut egui::Ui, c: &mut Ctx) {
    let Some(scrub) = c.scrubber.as_ref() else {
        ui.spinner();
        return;
    };
    let engine = scrub.engine();
    let s = c.debrief.scenario.clone();
    let key = Arc::as_ptr(&s) as usize;
    if c.ui.layout.as_ref().is_none_or(|(k, _)| *k != key) {
        c.ui.layout = Some((key, layout::layout(&s)));
    }
    let team =
        c.ui.team
            .filter(|t| t.idx() < s.teams.len())
            .unwrap_or(TeamId(0));
    let avail = ui.available_size();
    let map_w = ((avail.x - LIST_WIDTH - 24.0) / 2.0).max(160.0);
    let map_h = (avail.y * 0.6).clamp(120.0, map_w * 0.66);
    let truth = service_cards(engine, Seat::Facilitator);
    let seen = if s.teams.is_empty() {
        vec![]
    } else {
        service_cards(engine, Seat::Team(team))
    };
    let pulses: Vec<(usize, f32)> = engine
        .in_flight()
        .into_iter()
        .map(|(dep, left, arrives, _)| {
            let span = arrives.saturating_sub(left).max(1) as f32;
            (dep.idx(), engine.now().saturating_sub(left) as f32 / span)
        })
        .collect();
    let mut picked = team;
    ui.horizontal_top(|ui| {
        let Some((_, lay)) = c.ui.layout.as_ref() else {
            return;
        };
        ui.vertical(|ui| {
            ui.set_width(map_w);
            ui.strong(c.i18n.t("debrief-truth"));
            ui.add_space(3.0);
            map::draw(ui, vec2(map_w, map_h), &s, lay, &truth, &pulses, &c.i18n);
            summary_truth(ui, c, &truth, pulses.len());
            ui.add_space(4.0);
            facts::not_up(ui, engine, &truth, &c.i18n);
        });
        ui.vertical(|ui| {
            ui.set_width(map_w);
            ui.horizontal(|ui| {
                ui.strong(c.i18n.t("debrief-view-of"));
                let name = |t: TeamId| s.teams.get(t.idx()).map_or("?", |x| c.i18n.text(&x.name));
                egui::ComboBox::from_id_salt("team-view")
                    .selected_text(if s.teams.is_empty() {
                        c.i18n.t("debrief-view-none")
                    } else {
                        name(team).to_owned()
                    })
                    .show_ui(ui, |ui| {
                        for i in 0..s.teams.len() {
                            let t = TeamId(i as u32);
                            ui.selectable_value(&mut picked, t, name(t));
                        }
                    });
            });
            map::draw(ui, vec2(map_w, map_h), &s, lay, &seen, &[], &c.i18n);
            if !s.teams.is_empty() && team.idx() < s.teams.len() {
                let v = engine.view(team);
                let open = v.incidents.len();
                let line = format!(
                    "{} · {} · {}",
                    c.i18n.ta(
                        "debrief-incidents-open",
                        &[("count", Arg::Num(open as f64))]
                    ),
                    c.i18n.ta(
                        "debrief-inbox",
                        &[("count", Arg::Num(v.inbox.len() as f64))]
                    ),
                    c.i18n.t("debrief-view-unknown")
                );
                ui.label(egui::RichText::new(line).small().color(colour::MUTED));
                ui.add_space(4.0);
                facts::team_knew(ui, engine, team, &c.i18n);
            }
        });
        ui.separator();
        ui.vertical(|ui| {
            ui.set_width(ui.available_width());
            around(ui, c);
        });
    });
    if picked != team || c.ui.team.is_none() {
        c.ui.team = Some(picked);
    }
}

fn summary_truth(ui: &mut egui::Ui, c: &Ctx, looks: &[ServiceCard], cascades: usize) {
    let count = |f: fn(Shown) -> bool| looks.iter().filter(|l| f(l.shown)).count();
    ui.horizontal_wrapped(|ui| {
        for (key, n, col) in [
            ("status-down", count(|s| s == Shown::Down), colour::DOWN),
            (
                "status-degraded",
                count(|s| s == Shown::Degraded),
                colour::DEGRADED,
            ),
            (
                "status-backup",
                count(|s| matches!(s, Shown::Backup | Shown::Recovering)),
                colour::BACKUP,
            ),
        ] {
            ui.label(
                egui::RichText::new(format!("● {n} {}", c.t(key)))
                    .small()
                    .color(col),
            );
        }
        let compromised = looks.iter().filter(|l| l.compromised).count();
        ui.label(
            egui::RichText::new(format!("◯ {compromised} {}", c.t("status-compromised")))
                .small()
                .color(colour::COMPROMISED),
        );
        ui.label(
            egui::RichText::new(
                c.i18n
                    .ta("debrief-cascades", &[("count", Arg::Num(cascades as f64))]),
            )
            .small()
            .color(Color32::from_rgb(255, 160, 60)),
        );
    });
}

/// The journal entries just before the moment (and a few after, greyed).
fn around(ui: &mut egui::Ui, c: &Ctx) {
    ui.strong(c.t("debrief-around"));
    let Some(scrub) = c.scrubber.as_ref() else {
        return;
    };
    let at = scrub.at();
    let entries = &c.debrief.journal.entries;
    let k = entries.partition_point(|e| e.at <= at);
    let from = k.saturating_sub(40);
    let to = (k + 8).min(entries.len());
    let lang = c.i18n.lang();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .stick_to_bottom(true)
        .show(ui, |ui| {
            if k == 0 {
                ui.label(egui::RichText::new(c.t("debrief-nothing-yet")).color(colour::MUTED));
            }
            for (i, e) in entries[from..to].iter().enumerate() {
                let past = from + i < k;
                let text = format!(
                    "{}  {}",
                    widgets::clock(e.at),
                    describe_named(&c.debrief.scenario, e, lang)
                );
                let col = if past {
                    Color32::from_gray(210)
                } else {
                    Color32::from_gray(95)
                };
                ui.label(egui::RichText::new(text).small().color(col));
                if i + from + 1 == k {
                    ui.separator();
                }
            }
        });
}
