//! The compose window: a message to another team over one of the sender's channels, with a
//! kind, a severity, referenced incidents and services, and free text.

use super::context::PanelCtx;
use super::labels::{self, KINDS};
use crate::gui::exercise::command::{Outgoing, UiCommand};
use crate::gui::exercise::dock::PanelSet;
use crate::gui::widgets::{self, colour};
use crate::scenario::{MessageKind, ServiceId, TeamId};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The message being written.
#[derive(Resource, Debug, Clone)]
pub(crate) struct Draft {
    pub open: bool,
    pub from: Option<TeamId>,
    pub to: Option<TeamId>,
    pub kind: MessageKind,
    pub severity: u8,
    pub incidents: Vec<crate::engine::IncidentId>,
    pub services: Vec<ServiceId>,
    pub text: String,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            open: false,
            from: None,
            to: None,
            kind: MessageKind::Report,
            severity: 2,
            incidents: vec![],
            services: vec![],
            text: String::new(),
        }
    }
}

impl Draft {
    /// Open the window for the seat's team (the facilitator writes for the selected service's team).
    pub(crate) fn open_for(&mut self, p: &PanelCtx) {
        let s = p.scenario();
        let from = p
            .team()
            .or_else(|| p.selected.0.and_then(|svc| s.controller_of(svc)))
            .or(self.from)
            .or_else(|| (!s.teams.is_empty()).then_some(TeamId(0)));
        if from != self.from {
            self.to = None;
        }
        self.from = from;
        if let Some(svc) = p.selected.0
            && !self.services.contains(&svc)
        {
            self.services.push(svc);
        }
        self.open = true;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Draft>();
    app.add_systems(EguiPrimaryContextPass, window.in_set(PanelSet::Windows));
}

fn window(mut contexts: EguiContexts, mut p: PanelCtx, mut draft: ResMut<Draft>) -> Result {
    if !draft.open {
        return Ok(());
    }
    // A team seat writes only as its own team.
    if let Some(team) = p.team()
        && draft.from != Some(team)
    {
        draft.from = Some(team);
        draft.to = None;
    }
    let ctx = contexts.ctx_mut()?.clone();
    let mut open = true;
    let mut sent = false;
    egui::Window::new(p.t("compose-title"))
        .id(egui::Id::new("compose"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(380.0)
        .show(&ctx, |ui| {
            sent = form(ui, &mut p, &mut draft);
        });
    if !open || sent {
        draft.open = false;
    }
    if sent {
        *draft = Draft {
            from: draft.from,
            ..Draft::default()
        };
    }
    Ok(())
}

/// The form; returns true when the message was sent.
fn form(ui: &mut egui::Ui, p: &mut PanelCtx, d: &mut Draft) -> bool {
    let s = p.session.scenario.clone();
    egui::Grid::new("compose-grid")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.label(p.t("compose-from"));
            if p.is_facilitator() {
                let current = d.from.map_or_else(String::new, |t| labels::team_name(p, t));
                egui::ComboBox::from_id_salt("compose-from")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for i in 0..s.teams.len() {
                            let t = TeamId(i as u32);
                            if ui
                                .selectable_label(d.from == Some(t), labels::team_name(p, t))
                                .clicked()
                            {
                                d.from = Some(t);
                                d.to = None;
                            }
                        }
                    });
            } else {
                ui.label(d.from.map_or_else(String::new, |t| labels::team_name(p, t)));
            }
            ui.end_row();

            ui.label(p.t("compose-to"));
            let channels: Vec<_> = s
                .channels
                .iter()
                .filter(|c| Some(c.from) == d.from)
                .collect();
            if channels.is_empty() {
                ui.label(egui::RichText::new(p.t("compose-no-channel")).color(colour::MUTED));
            } else {
                let current =
                    d.to.map_or_else(|| p.t("compose-pick"), |t| labels::team_name(p, t));
                egui::ComboBox::from_id_salt("compose-to")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for c in &channels {
                            let label = format!(
                                "{}  (~{})",
                                labels::team_name(p, c.to),
                                widgets::span(c.latency)
                            );
                            if ui.selectable_label(d.to == Some(c.to), label).clicked() {
                                d.to = Some(c.to);
                            }
                        }
                    });
            }
            ui.end_row();

            ui.label(p.t("compose-kind"));
            egui::ComboBox::from_id_salt("compose-kind")
                .selected_text(p.t(labels::kind_key(d.kind)))
                .show_ui(ui, |ui| {
                    for k in KINDS {
                        ui.selectable_value(&mut d.kind, k, p.t(labels::kind_key(k)));
                    }
                });
            ui.end_row();

            ui.label(p.t("compose-severity"));
            egui::ComboBox::from_id_salt("compose-severity")
                .selected_text(labels::severity_text(p, d.severity))
                .show_ui(ui, |ui| {
                    for level in 0..=4u8 {
                        ui.selectable_value(
                            &mut d.severity,
                            level,
                            labels::severity_text(p, level),
                        );
                    }
                });
            ui.end_row();
        });

    ui.separator();
    ui.label(p.t("compose-incidents"));
    if p.picture.incidents.is_empty() {
        ui.label(
            egui::RichText::new(p.t("incidents-none"))
                .small()
                .color(colour::MUTED),
        );
    }
    for inc in &p.picture.incidents {
        let mut on = d.incidents.contains(&inc.id);
        let first = inc
            .services
            .first()
            .map(|s| labels::service_name(p, *s))
            .unwrap_or_default();
        let label = format!(
            "#{} {first} · {}",
            inc.id.0,
            p.t(labels::detection_key(inc.kind))
        );
        if ui.checkbox(&mut on, label).changed() {
            toggle(&mut d.incidents, inc.id, on);
        }
    }
    ui.label(p.t("compose-services"));
    let mut candidates: Vec<ServiceId> = (0..s.services.len())
        .map(|i| ServiceId(i as u32))
        .filter(|svc| d.from.is_some() && s.controller_of(*svc) == d.from)
        .collect();
    for svc in d.services.iter().chain(p.selected.0.iter()) {
        if !candidates.contains(svc) {
            candidates.push(*svc);
        }
    }
    ui.horizontal_wrapped(|ui| {
        for svc in candidates {
            let mut on = d.services.contains(&svc);
            if ui.checkbox(&mut on, labels::service_name(p, svc)).changed() {
                toggle(&mut d.services, svc, on);
            }
        }
    });
    ui.separator();
    ui.label(p.t("compose-text"));
    ui.add(
        egui::TextEdit::multiline(&mut d.text)
            .desired_rows(4)
            .desired_width(f32::INFINITY)
            .hint_text(p.t("compose-text-hint")),
    );
    let ready = d.from.is_some() && d.to.is_some() && !d.text.trim().is_empty();
    let mut sent = false;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(ready, egui::Button::new(p.t("compose-send")))
            .clicked()
            && let (Some(from), Some(to)) = (d.from, d.to)
        {
            p.commands.write(UiCommand::Send(Outgoing {
                from,
                to,
                kind: d.kind,
                severity: d.severity,
                incidents: d.incidents.clone(),
                services: d.services.clone(),
                text: d.text.trim().to_owned(),
            }));
            sent = true;
        }
        if !ready {
            ui.label(
                egui::RichText::new(p.t("compose-needs"))
                    .small()
                    .color(colour::MUTED),
            );
        }
    });
    sent
}

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, item: T, on: bool) {
    if on {
        if !list.contains(&item) {
            list.push(item);
        }
    } else {
        list.retain(|x| *x != item);
    }
}
