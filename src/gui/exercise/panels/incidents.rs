//! The incidents board: each incident this seat knows, what was noticed, and how far the
//! response got (detected, reported, shared, restored).

use super::context::PanelCtx;
use super::labels;
use crate::gui::widgets::{self, colour};
use crate::words::Arg;
use bevy_egui::egui;

/// Services listed in an incident's card before the rest fold away.
const SHOWN: usize = 12;

pub(super) fn show(ui: &mut egui::Ui, p: &mut PanelCtx) {
    if p.picture.incidents.is_empty() {
        ui.label(egui::RichText::new(p.t("incidents-none")).color(colour::MUTED));
        return;
    }
    let incidents = p.picture.incidents.clone();
    let own = p.team().is_some();
    for inc in incidents.iter().rev() {
        // A card out of sight takes the height it had when last drawn, unlaid: a
        // national cascade opens hundreds of incidents.
        let height_id = ui.id().with(("incident-card", inc.id));
        let known: Option<f32> = ui.data(|d| d.get_temp(height_id));
        if let Some(h) = known {
            let size = egui::vec2(ui.available_width(), h);
            if !ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, size)) {
                ui.allocate_space(size);
                continue;
            }
        }
        let card = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                if let Some(level) = inc.severity {
                    ui.label(labels::severity_text(p, level).strong());
                }
                let first = inc
                    .services
                    .first()
                    .map(|s| labels::service_name(p, *s))
                    .unwrap_or_default();
                let title = format!("{first} · {}", p.t(labels::detection_key(inc.kind)));
                ui.label(egui::RichText::new(title).strong());
            });
            ui.horizontal_wrapped(|ui| {
                if !own {
                    ui.label(egui::RichText::new(labels::team_name(p, inc.team)).small());
                }
                let opened = format!("{} {}", p.t("incident-opened"), widgets::clock(inc.opened));
                ui.label(egui::RichText::new(opened).small().color(colour::MUTED));
            });
            ui.horizontal_wrapped(|ui| {
                let mut phase = |key: &str, at: Option<Option<u64>>| {
                    let Some(at) = at else {
                        return;
                    };
                    let text = egui::RichText::new(p.t(key)).small();
                    let r = match at {
                        Some(_) => ui.label(text.color(colour::UP).strong()),
                        None => ui.label(text.color(colour::UNKNOWN)),
                    };
                    if let Some(t) = at {
                        r.on_hover_text(widgets::clock(t));
                    }
                };
                phase("phase-detect", Some(Some(inc.opened)));
                phase("phase-report", Some(inc.reported));
                if !own {
                    phase("phase-share", Some(inc.shared));
                }
                phase("phase-restore", Some(inc.restored.then_some(inc.updated)));
            });
            // A cascade can put hundreds of services in one incident: the first few
            // show, the rest fold away (laid out only when opened).
            let (first, rest) = inc.services.split_at(inc.services.len().min(SHOWN));
            ui.horizontal_wrapped(|ui| {
                for s in first {
                    labels::service_link(ui, p, *s);
                }
            });
            if !rest.is_empty() {
                let more = p
                    .i18n
                    .ta("incident-more", &[("n", Arg::Num(rest.len() as f64))]);
                egui::CollapsingHeader::new(egui::RichText::new(more).small())
                    .id_salt(("incident-more", inc.id))
                    .show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            for s in rest {
                                labels::service_link(ui, p, *s);
                            }
                        });
                    });
            }
        });
        let h = card.response.rect.height();
        ui.data_mut(|d| d.insert_temp(height_id, h));
    }
}
