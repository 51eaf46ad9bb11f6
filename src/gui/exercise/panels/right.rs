//! The right column: the selected service (state, buffers, links), the actions the seat may
//! take on it, actions under way, the facilitator's override, and the live scores.

use super::context::PanelCtx;
use super::labels;
use crate::engine::Command;
use crate::gui::exercise::command::UiCommand;
use crate::gui::exercise::dock::{Dock, PanelSet};
use crate::gui::i18n::Arg;
use crate::gui::widgets::{self, colour};
use crate::scenario::{Action, ActionId, ServiceId, Target, TeamId};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, right_column.in_set(PanelSet::Right));
}

fn right_column(
    mut contexts: EguiContexts,
    mut dock: ResMut<Dock>,
    mut p: PanelCtx,
    mut capacity: Local<f32>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::right("right-column")
        .resizable(true)
        .default_size(270.0)
        .min_size(220.0);
    dock.show(&ctx, panel, "right", |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                match p.selected.0 {
                    Some(s) if s.idx() < p.scenario().services.len() => {
                        service(ui, &mut p, s);
                        ui.separator();
                        actions(ui, &mut p, Some(s));
                        if p.is_facilitator() {
                            ui.separator();
                            overrides(ui, &mut p, s, &mut capacity);
                        }
                    }
                    _ => {
                        ui.label(egui::RichText::new(p.t("select-hint")).color(colour::MUTED));
                        ui.separator();
                        actions(ui, &mut p, None);
                    }
                }
                running(ui, &p);
                if p.picture.seat.sees_all() {
                    ui.separator();
                    super::scores::show(ui, &p);
                }
            });
    });
    Ok(())
}

fn service(ui: &mut egui::Ui, p: &mut PanelCtx, id: ServiceId) {
    let s = p.session.scenario.clone();
    let svc = &s.services[id.idx()];
    let org = &s.organisations[svc.owner.idx()];
    let sector = &s.sectors[org.sector.idx()];
    let card = p.picture.services.get(id.idx()).cloned();
    ui.heading(p.i18n.text(&svc.name));
    ui.horizontal_wrapped(|ui| {
        let [r, g, b] = sector.colour;
        ui.label(egui::RichText::new("■").color(egui::Color32::from_rgb(r, g, b)));
        ui.label(p.i18n.text(&sector.name));
        ui.label(egui::RichText::new("·").color(colour::MUTED));
        ui.label(p.i18n.text(&org.name));
    });
    let Some(card) = card else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(p.t(labels::shown_key(card.shown)))
                .strong()
                .color(labels::shown_colour(card.shown)),
        );
        if card.compromised {
            ui.label(
                egui::RichText::new(p.t("status-compromised"))
                    .strong()
                    .color(colour::COMPROMISED),
            );
        }
        if card.isolated {
            ui.label(egui::RichText::new(p.t("status-isolated")).color(colour::MUTED));
        }
    });
    match card.capacity {
        Some(c) => {
            ui.add(egui::ProgressBar::new(c as f32).text(format!(
                "{} {:.0}%",
                p.t("capacity"),
                c * 100.0
            )));
        }
        None => {
            ui.label(egui::RichText::new(p.t("not-visible-to-seat")).color(colour::MUTED));
        }
    }
    if let Some(left) = card.buffer_left {
        ui.label(
            p.i18n
                .ta("buffer-left", &[("time", Arg::Str(&widgets::span(left)))]),
        );
    }
    ui.label(
        egui::RichText::new(p.i18n.ta(
            "service-people",
            &[
                ("people", Arg::Num(svc.people as f64)),
                ("criticality", Arg::Num(svc.criticality)),
            ],
        ))
        .small()
        .color(colour::MUTED),
    );
    let providers: Vec<ServiceId> = s
        .dependencies
        .iter()
        .filter(|d| d.to == id)
        .map(|d| d.from)
        .collect();
    let dependents: Vec<ServiceId> = s
        .dependencies
        .iter()
        .filter(|d| d.from == id)
        .map(|d| d.to)
        .collect();
    for (key, list) in [("depends-on", providers), ("needed-by", dependents)] {
        if list.is_empty() {
            continue;
        }
        ui.label(egui::RichText::new(p.t(key)).small());
        ui.horizontal_wrapped(|ui| {
            for other in list {
                labels::service_link(ui, p, other);
            }
        });
    }
}

/// The team that would act: the seat's own, or for the facilitator the service's controller.
fn acting_team(p: &PanelCtx, service: Option<ServiceId>) -> Option<TeamId> {
    match p.team() {
        Some(t) => Some(t),
        None if p.is_facilitator() => service.and_then(|s| p.scenario().controller_of(s)),
        None => None,
    }
}

fn usable(p: &PanelCtx, team: TeamId, a: &Action, service: Option<ServiceId>) -> bool {
    let s = p.scenario();
    let Some(t) = s.teams.get(team.idx()) else {
        return false;
    };
    if !a.roles.contains(&t.role) {
        return false;
    }
    match (a.target, service) {
        (Target::Organisation, _) => true,
        (Target::OwnService, Some(svc)) => s.controller_of(svc) == Some(team),
        (Target::OwnCompromised, Some(svc)) => {
            s.controller_of(svc) == Some(team)
                && p.picture
                    .services
                    .get(svc.idx())
                    .is_some_and(|c| c.compromised)
        }
        _ => false,
    }
}

fn actions(ui: &mut egui::Ui, p: &mut PanelCtx, service: Option<ServiceId>) {
    let Some(team) = acting_team(p, service) else {
        return;
    };
    let s = p.session.scenario.clone();
    ui.strong(p.t("actions-title"));
    if p.team().is_none() {
        ui.label(
            egui::RichText::new(p.i18n.ta(
                "actions-acting-for",
                &[("team", Arg::Str(&labels::team_name(p, team)))],
            ))
            .small()
            .color(colour::MUTED),
        );
    }
    let mut any = false;
    for (i, a) in s.actions.iter().enumerate() {
        let id = ActionId(i as u32);
        let target = if a.target == Target::Organisation {
            None
        } else {
            service
        };
        if !usable(p, team, a, target) || (service.is_none() && a.target != Target::Organisation) {
            continue;
        }
        any = true;
        let busy = p
            .picture
            .running
            .iter()
            .any(|r| r.action == id && r.team == team && r.service == target);
        let label = format!("{}  ({})", p.i18n.text(&a.name), widgets::span(a.duration));
        let r = ui.add_enabled(
            !busy,
            egui::Button::new(label).min_size(egui::vec2(ui.available_width(), 0.0)),
        );
        if r.clicked() {
            p.commands.write(UiCommand::TakeAction {
                team,
                action: id,
                service: target,
            });
        }
    }
    if !any {
        ui.label(
            egui::RichText::new(p.t("actions-none"))
                .small()
                .color(colour::MUTED),
        );
    }
}

fn running(ui: &mut egui::Ui, p: &PanelCtx) {
    if p.picture.running.is_empty() {
        return;
    }
    ui.separator();
    ui.strong(p.t("actions-running"));
    let s = p.scenario();
    for r in &p.picture.running {
        let name = s
            .actions
            .get(r.action.idx())
            .map_or("?", |a| p.i18n.text(&a.name));
        let on = r
            .service
            .map(|svc| labels::service_name(p, svc))
            .unwrap_or_default();
        let span = r.ends.saturating_sub(r.started).max(1) as f32;
        let done = (p.picture.now.saturating_sub(r.started) as f32 / span).clamp(0.0, 1.0);
        ui.label(egui::RichText::new(format!("{name} · {on}")).small());
        let left = widgets::span(r.ends.saturating_sub(p.picture.now));
        ui.add(egui::ProgressBar::new(done).text(left));
    }
}

fn overrides(ui: &mut egui::Ui, p: &mut PanelCtx, s: ServiceId, capacity: &mut f32) {
    ui.strong(p.t("override-title"));
    ui.add(
        egui::Slider::new(capacity, 0.0..=1.0)
            .text(p.t("capacity"))
            .custom_formatter(|v, _| format!("{:.0}%", v * 100.0)),
    );
    ui.horizontal(|ui| {
        if ui
            .button(p.t("override-apply"))
            .on_hover_text(p.t("override-hint"))
            .clicked()
        {
            p.commands.write(UiCommand::Control(Command::Override {
                service: s,
                capacity: Some(f64::from(*capacity)),
            }));
        }
        if ui.button(p.t("override-release")).clicked() {
            p.commands.write(UiCommand::Control(Command::Override {
                service: s,
                capacity: None,
            }));
        }
    });
}
