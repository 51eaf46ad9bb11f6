//! The event log along the bottom: what this seat has seen happen, newest last.

use super::context::PanelCtx;
use super::labels;
use crate::gui::exercise::dock::{Dock, PanelSet};
use crate::gui::exercise::picture::LogEvent;
use crate::gui::i18n::Arg;
use crate::gui::widgets::{self, colour};
use crate::scenario::{ServiceId, TeamId};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, event_log.in_set(PanelSet::Bottom));
}

fn event_log(mut contexts: EguiContexts, mut dock: ResMut<Dock>, p: PanelCtx) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::bottom("event-log")
        .resizable(true)
        .default_size(150.0)
        .min_size(60.0);
    dock.show(&ctx, panel, "log", |ui| {
        ui.horizontal(|ui| {
            ui.strong(p.t("log-title"));
            ui.label(
                egui::RichText::new(format!("({})", p.picture.log.len())).color(colour::MUTED),
            );
        });
        if p.picture.log.is_empty() {
            ui.label(egui::RichText::new(p.t("log-empty")).color(colour::MUTED));
        }
        // Only the lines in sight are worded and laid out: a national exercise logs
        // thousands.
        let row = ui
            .text_style_height(&egui::TextStyle::Body)
            .max(ui.text_style_height(&egui::TextStyle::Monospace));
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .stick_to_bottom(true)
            .show_rows(ui, row, p.picture.log.len(), |ui, rows| {
                for line in &p.picture.log[rows] {
                    ui.horizontal(|ui| {
                        ui.label(
                            egui::RichText::new(widgets::clock(line.at))
                                .monospace()
                                .color(colour::MUTED),
                        );
                        let text = egui::RichText::new(describe(&p, &line.event));
                        ui.label(if line.alarm() {
                            text.color(colour::ERROR)
                        } else {
                            text
                        });
                    });
                }
            });
    });
    Ok(())
}

/// One log line in the UI language.
fn describe(p: &PanelCtx, e: &LogEvent) -> String {
    let s = p.scenario();
    let svc = |id: &ServiceId| labels::service_name(p, *id);
    let team = |id: &TeamId| labels::team_name(p, *id);
    let action = |a: &crate::scenario::ActionId| {
        s.actions
            .get(a.idx())
            .map_or_else(|| "?".into(), |x| p.i18n.text(&x.name).to_owned())
    };
    let on = |service: &Option<ServiceId>| {
        service
            .as_ref()
            .map(|x| format!(" · {}", svc(x)))
            .unwrap_or_default()
    };
    let i = &p.i18n;
    match e {
        LogEvent::Status {
            service,
            now,
            capacity,
        } => i.ta(
            "log-status",
            &[
                ("service", Arg::Str(&svc(service))),
                ("status", Arg::Str(&p.t(labels::shown_key(*now)))),
                ("capacity", Arg::Str(&format!("{:.0}", capacity * 100.0))),
            ],
        ),
        LogEvent::Buffer(service, buffer, until) => {
            let (service, buffer) = (svc(service), p.t(labels::buffer_key(*buffer)));
            let (service, buffer) = (Arg::Str(&service), Arg::Str(&buffer));
            match until {
                Some(t) => {
                    let until = widgets::clock(*t);
                    let args = [
                        ("service", service),
                        ("buffer", buffer),
                        ("until", Arg::Str(&until)),
                    ];
                    i.ta("log-buffer-started", &args)
                }
                None => i.ta(
                    "log-buffer-spent",
                    &[("service", service), ("buffer", buffer)],
                ),
            }
        }
        LogEvent::IncidentOpened {
            team: t,
            service,
            kind,
        } => i.ta(
            "log-incident-opened",
            &[
                ("team", Arg::Str(&team(t))),
                ("service", Arg::Str(&svc(service))),
                ("kind", Arg::Str(&p.t(labels::detection_key(*kind)))),
            ],
        ),
        LogEvent::Detected {
            team: t,
            service,
            kind,
        } => i.ta(
            "log-detected",
            &[
                ("team", Arg::Str(&team(t))),
                ("service", Arg::Str(&svc(service))),
                ("kind", Arg::Str(&p.t(labels::detection_key(*kind)))),
            ],
        ),
        LogEvent::Sent { from, to, kind } => {
            let to: Vec<String> = to.iter().map(team).collect();
            i.ta(
                "log-sent",
                &[
                    ("from", Arg::Str(i.text(from))),
                    ("to", Arg::Str(&to.join(", "))),
                    ("kind", Arg::Str(&p.t(labels::kind_key(*kind)))),
                ],
            )
        }
        LogEvent::Delivered { from, to, kind } => i.ta(
            "log-delivered",
            &[
                ("from", Arg::Str(i.text(from))),
                ("to", Arg::Str(&team(to))),
                ("kind", Arg::Str(&p.t(labels::kind_key(*kind)))),
            ],
        ),
        LogEvent::ActionStarted {
            team: t,
            action: a,
            service,
            done_at,
        } => i.ta(
            "log-action-started",
            &[
                ("team", Arg::Str(&team(t))),
                ("action", Arg::Str(&action(a))),
                ("on", Arg::Str(&on(service))),
                ("done", Arg::Str(&widgets::clock(*done_at))),
            ],
        ),
        LogEvent::ActionFinished {
            team: t,
            action: a,
            service,
        } => i.ta(
            "log-action-finished",
            &[
                ("team", Arg::Str(&team(t))),
                ("action", Arg::Str(&action(a))),
                ("on", Arg::Str(&on(service))),
            ],
        ),
        LogEvent::Rejected(why) => {
            let reason = why.word(i.lang());
            i.ta("log-rejected", &[("reason", Arg::Str(&reason))])
        }
        LogEvent::NotAllowed => p.t("log-not-allowed"),
        LogEvent::Entry { entry, .. } => crate::engine::describe_named(s, entry, i.lang()),
    }
}
