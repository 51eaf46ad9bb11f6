//! Words and colours for scenario values (status, message kind, severity, names) in panels.

use super::context::PanelCtx;
use crate::engine::{BufferKind, DetectionKind};
use crate::gui::exercise::picture::Shown;
use crate::gui::widgets::colour;
use crate::scenario::{MessageKind, ServiceId, TeamId};
use bevy_egui::egui::{self, Color32};

pub(crate) const KINDS: [MessageKind; 5] = [
    MessageKind::Report,
    MessageKind::Alert,
    MessageKind::Request,
    MessageKind::Information,
    MessageKind::PublicStatement,
];

pub(crate) fn shown_colour(s: Shown) -> Color32 {
    match s {
        Shown::Up => colour::UP,
        Shown::Degraded => colour::DEGRADED,
        Shown::Down => colour::DOWN,
        Shown::Backup | Shown::Recovering => colour::BACKUP,
        Shown::Unknown => colour::UNKNOWN,
    }
}

pub(crate) fn shown_key(s: Shown) -> &'static str {
    match s {
        Shown::Up => "status-up",
        Shown::Degraded => "status-degraded",
        Shown::Down => "status-down",
        Shown::Backup => "status-backup",
        Shown::Recovering => "status-recovering",
        Shown::Unknown => "status-unknown",
    }
}

pub(crate) fn kind_key(k: MessageKind) -> &'static str {
    match k {
        MessageKind::Report => "kind-report",
        MessageKind::Alert => "kind-alert",
        MessageKind::Request => "kind-request",
        MessageKind::Information => "kind-information",
        MessageKind::PublicStatement => "kind-public-statement",
    }
}

pub(crate) fn detection_key(k: DetectionKind) -> &'static str {
    match k {
        DetectionKind::Compromise => "detect-compromise",
        DetectionKind::Tampering => "detect-tampering",
        DetectionKind::Degradation => "detect-degradation",
        DetectionKind::Outage => "detect-outage",
    }
}

pub(crate) fn buffer_key(b: BufferKind) -> &'static str {
    match b {
        BufferKind::Battery => "buffer-battery",
        BufferKind::Generator => "buffer-generator",
    }
}

/// Colour of severity level 0..=4.
pub(crate) fn severity_colour(level: u8) -> Color32 {
    match level {
        0 => colour::MUTED,
        1 => Color32::from_rgb(120, 180, 230),
        2 => colour::DEGRADED,
        3 => Color32::from_rgb(240, 120, 50),
        _ => colour::DOWN,
    }
}

/// `L3 Serious` as a coloured label.
pub(crate) fn severity_text(p: &PanelCtx, level: u8) -> egui::RichText {
    let name = p
        .scenario()
        .severity
        .get(usize::from(level))
        .map_or(String::new(), |l| p.i18n.text(&l.name).to_owned());
    egui::RichText::new(format!("L{level} {name}")).color(severity_colour(level))
}

pub(crate) fn service_name(p: &PanelCtx, s: ServiceId) -> String {
    p.scenario()
        .services
        .get(s.idx())
        .map_or_else(|| "?".into(), |svc| p.i18n.text(&svc.name).to_owned())
}

pub(crate) fn team_name(p: &PanelCtx, t: TeamId) -> String {
    p.scenario()
        .teams
        .get(t.idx())
        .map_or_else(|| "?".into(), |team| p.i18n.text(&team.name).to_owned())
}

/// A clickable service name that selects it on the map.
pub(crate) fn service_link(ui: &mut egui::Ui, p: &mut PanelCtx, s: ServiceId) {
    let name = service_name(p, s);
    let shown = p
        .picture
        .services
        .get(s.idx())
        .map_or(Shown::Unknown, |c| c.shown);
    let text = egui::RichText::new(format!("● {name}")).color(shown_colour(shown));
    if ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(p.t("select-on-map"))
        .clicked()
    {
        p.select
            .write(crate::gui::exercise::command::SelectService(Some(s)));
    }
}
