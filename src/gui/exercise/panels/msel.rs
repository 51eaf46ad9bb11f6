//! The MSEL for the facilitator: every inject, when it is due, fired or skipped, with
//! buttons to fire one now or skip it.

use super::context::PanelCtx;
use crate::engine::Command;
use crate::gui::exercise::command::UiCommand;
use crate::gui::i18n::Arg;
use crate::gui::widgets::{self, colour};
use crate::scenario::{Anchor, Delivery, Trigger};
use bevy_egui::egui;

pub(super) fn show(ui: &mut egui::Ui, p: &mut PanelCtx) {
    let injects = p.picture.injects.clone();
    let s = p.session.scenario.clone();
    if injects.is_empty() {
        ui.label(egui::RichText::new(p.t("msel-empty")).color(colour::MUTED));
    }
    for card in injects {
        let Some(inj) = s.injects.get(card.id.idx()) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&inj.id).monospace().strong());
                let when = match (&inj.trigger, card.due) {
                    (_, Some(at)) => widgets::clock(at),
                    (Trigger::At(at), None) => widgets::clock(*at),
                    (Trigger::When(_), None) => p.t("msel-conditional"),
                };
                ui.label(egui::RichText::new(when).monospace().color(colour::MUTED));
                let state = if card.skipped {
                    egui::RichText::new(p.t("msel-skipped")).color(colour::MUTED)
                } else if card.fired > 0 {
                    egui::RichText::new(
                        p.i18n
                            .ta("msel-fired", &[("count", Arg::Num(f64::from(card.fired)))]),
                    )
                    .color(colour::UP)
                } else {
                    egui::RichText::new(p.t("msel-pending")).color(colour::DEGRADED)
                };
                ui.label(state);
            });
            for d in &inj.deliver {
                ui.label(egui::RichText::new(delivery_summary(p, d)).small());
            }
            let anchor = Anchor::Inject(card.id);
            for e in p
                .session
                .design
                .expectations
                .iter()
                .filter(|e| e.anchor == anchor)
            {
                let team = s
                    .teams
                    .get(e.team.idx())
                    .map_or("?", |t| p.i18n.text(&t.name));
                let by = crate::scenario::duration::format(e.by);
                let line = format!("☑ {team}: {} (+{by})", p.i18n.text(&e.what));
                ui.label(egui::RichText::new(line).small().color(colour::MUTED));
            }
            let done = card.skipped || card.fired >= inj.times;
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!done, egui::Button::new(p.t("msel-fire")))
                    .clicked()
                {
                    p.commands
                        .write(UiCommand::Control(Command::FireInject(card.id)));
                }
                if ui
                    .add_enabled(!done, egui::Button::new(p.t("msel-skip")))
                    .clicked()
                {
                    p.commands
                        .write(UiCommand::Control(Command::SkipInject(card.id)));
                }
            });
        });
    }
}

fn delivery_summary(p: &PanelCtx, d: &Delivery) -> String {
    let s = p.scenario();
    match d {
        Delivery::Message { to, text, .. } => {
            let names: Vec<&str> = to
                .iter()
                .filter_map(|t| s.teams.get(t.idx()))
                .map(|t| p.i18n.text(&t.name))
                .collect();
            format!("✉ {}: {}", names.join(", "), p.i18n.text(text))
        }
        Delivery::SetCapacity { service, capacity } => {
            let name = s
                .services
                .get(service.idx())
                .map_or("?", |x| p.i18n.text(&x.name));
            format!("⚡ {name} → {:.0}%", capacity * 100.0)
        }
        Delivery::AreaEvent { area, capacity } => format!("⚡ {area} → {:.0}%", capacity * 100.0),
        Delivery::StartThreat(t) => {
            let name = s.threats.get(t.idx()).map_or("?", |x| p.i18n.text(&x.name));
            format!("☠ {name}")
        }
    }
}
