//! The seat table on the facilitator's screen while hosting: each team's seat, whether it
//! is connected and from where, when it was last seen, its round-trip time, what it sent,
//! and buttons to revoke or reissue its seat file; the seat folder to hand files out from.

use super::host::{Hosting, SeatOrder};
use crate::gui::exercise::dock::PanelSet;
use crate::gui::i18n::{Arg, I18n};
use crate::gui::screens::Screen;
use crate::gui::session::Session;
use crate::gui::widgets::colour;
use crate::net::serve::HostEvent;
use crate::scenario::TeamId;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        seat_table
            .after(PanelSet::Top)
            .run_if(in_state(Screen::Exercise).and_then(resource_exists::<Hosting>)),
    );
}

fn seat_table(
    mut contexts: EguiContexts,
    hosting: Res<Hosting>,
    session: Res<Session>,
    i18n: Res<I18n>,
    mut orders: MessageWriter<SeatOrder>,
    mut open: Local<Option<bool>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let shown = open.get_or_insert(true);
    let s = &session.scenario;
    let connected = hosting.served.connected();
    let title = i18n.ta(
        "net-table-title",
        &[
            ("connected", Arg::Num(connected as f64)),
            ("seats", Arg::Num(s.teams.len() as f64)),
        ],
    );
    egui::Window::new(title)
        .id(egui::Id::new("seat-table"))
        .open(shown)
        .default_pos([330.0, 90.0])
        .default_width(560.0)
        .collapsible(true)
        .show(&ctx, |ui| {
            ui.label(i18n.ta(
                "net-table-listen",
                &[("addr", Arg::Str(&hosting.listen.to_string()))],
            ));
            ui.horizontal(|ui| {
                ui.label(i18n.t("net-table-folder"));
                let folder = hosting.seats.display().to_string();
                ui.label(egui::RichText::new(&folder).monospace().small());
                if ui.small_button(i18n.t("net-copy")).clicked() {
                    ui.ctx().copy_text(folder);
                }
            });
            ui.label(
                egui::RichText::new(i18n.t("net-table-hint"))
                    .small()
                    .color(colour::MUTED),
            );
            ui.separator();
            egui::Grid::new("seat-rows")
                .striped(true)
                .num_columns(7)
                .show(ui, |ui| {
                    for id in [
                        "net-col-team",
                        "net-col-state",
                        "net-col-addr",
                        "net-col-seen",
                        "net-col-rtt",
                        "net-col-commands",
                    ] {
                        ui.strong(i18n.t(id));
                    }
                    ui.label("");
                    ui.end_row();
                    for (i, (team, row)) in s.teams.iter().zip(&hosting.served.rows).enumerate() {
                        ui.label(i18n.text(&team.name));
                        let (state, colour) = match (row.revoked, row.connected) {
                            (true, _) => ("net-state-revoked", colour::DOWN),
                            (false, true) => ("net-state-connected", colour::UP),
                            (false, false) => ("net-state-waiting", colour::MUTED),
                        };
                        ui.label(egui::RichText::new(i18n.t(state)).color(colour));
                        ui.label(row.addr.map(|a| a.to_string()).unwrap_or_default());
                        let seen = row.last_seen.map(|t| t.elapsed().as_secs_f64());
                        ui.label(seen.map_or_else(String::new, |secs| {
                            i18n.ta("net-seen-ago", &[("secs", Arg::Num(secs.floor()))])
                        }));
                        ui.label(
                            row.rtt_ms
                                .map_or_else(String::new, |ms| format!("{ms:.0} ms")),
                        );
                        let counts = i18n.ta(
                            "net-commands",
                            &[
                                ("applied", Arg::Num(row.commands as f64)),
                                ("refused", Arg::Num(row.refused as f64)),
                            ],
                        );
                        ui.label(counts);
                        ui.horizontal(|ui| {
                            let t = TeamId(i as u32);
                            if !row.revoked
                                && ui
                                    .small_button(i18n.t("net-revoke"))
                                    .on_hover_text(i18n.t("net-revoke-hint"))
                                    .clicked()
                            {
                                orders.write(SeatOrder::Revoke(t));
                            }
                            if ui
                                .small_button(i18n.t("net-reissue"))
                                .on_hover_text(i18n.t("net-reissue-hint"))
                                .clicked()
                            {
                                orders.write(SeatOrder::Reissue(t));
                            }
                        });
                        ui.end_row();
                    }
                });
            if let Some(why) = &hosting.problem {
                ui.label(egui::RichText::new(why).color(colour::ERROR));
            }
            if !hosting.events.is_empty() {
                ui.separator();
                for e in hosting.events.iter().rev().take(5) {
                    ui.label(
                        egui::RichText::new(event_text(&i18n, e))
                            .small()
                            .color(colour::MUTED),
                    );
                }
            }
        });
    Ok(())
}

/// A seat event in words (the same messages the headless host prints).
fn event_text(i18n: &I18n, e: &HostEvent) -> String {
    match e {
        HostEvent::Joined { team, addr } => i18n.ta(
            "cli-seat-joined",
            &[("team", Arg::Str(team)), ("addr", Arg::Str(addr))],
        ),
        HostEvent::Left { team } => i18n.ta("cli-seat-left", &[("team", Arg::Str(team))]),
        HostEvent::Refused { addr } => i18n.ta("cli-seat-refused", &[("addr", Arg::Str(addr))]),
        HostEvent::BadFrame { team, why } => i18n.ta(
            "cli-bad-frame",
            &[("team", Arg::Str(team)), ("why", Arg::Str(why))],
        ),
        HostEvent::Flood { team, dropped } => i18n.ta(
            "cli-seat-flood",
            &[
                ("team", Arg::Str(team)),
                ("count", Arg::Num(*dropped as f64)),
            ],
        ),
    }
}
