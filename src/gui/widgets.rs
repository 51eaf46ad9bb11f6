//! Small shared UI pieces: the root egui Ui, the language switch, colours and time formats.

use super::i18n::{I18n, SetLang};
use crate::scenario::{Lang, Secs};
use bevy::prelude::MessageWriter;
use bevy_egui::egui;

/// A Ui covering the whole window, for panels to take their space from.
pub(crate) fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// `EN | 日本語` buttons.
pub(crate) fn lang_switch(ui: &mut egui::Ui, i18n: &I18n, set: &mut MessageWriter<SetLang>) {
    let mut langs = [(Lang::En, "EN"), (Lang::Ja, "日本語")];
    if ui.layout().prefer_right_to_left() {
        langs.reverse();
    }
    for (lang, label) in langs {
        if ui
            .selectable_label(i18n.lang() == lang, label)
            .on_hover_text(i18n.t("lang-switch"))
            .clicked()
        {
            set.write(SetLang(lang));
        }
    }
}

/// Exercise time as `h:mm:ss`.
pub(crate) fn clock(secs: Secs) -> String {
    crate::scenario::duration::clock(secs)
}

/// A span as authors write it (`1h30m`).
pub(crate) fn span(secs: Secs) -> String {
    crate::scenario::duration::format(secs)
}

/// The scenario's wall-clock time `secs` after `start` (`"2020-07-24 19:00"`).
pub(crate) fn wall_clock(start: &str, secs: Secs) -> String {
    let Some((y, mo, d, h, mi)) = parse_start(start) else {
        return format!("{start} +{}", clock(secs));
    };
    let total_min = h * 60 + mi + secs / 60;
    let (mut days, min_of_day) = (total_min / 1440, total_min % 1440);
    let (mut y, mut mo, mut d) = (y, mo, d);
    while days > 0 {
        d += 1;
        if d > days_in_month(y, mo) {
            d = 1;
            mo += 1;
            if mo > 12 {
                mo = 1;
                y += 1;
            }
        }
        days -= 1;
    }
    format!(
        "{y:04}-{mo:02}-{d:02} {:02}:{:02}",
        min_of_day / 60,
        min_of_day % 60
    )
}

fn parse_start(s: &str) -> Option<(u64, u64, u64, u64, u64)> {
    let (date, time) = s.trim().split_once([' ', 'T'])?;
    let mut dp = date.split('-').map(|p| p.parse::<u64>().ok());
    let (y, mo, d) = (dp.next()??, dp.next()??, dp.next()??);
    let mut tp = time.split(':').map(|p| p.parse::<u64>().ok());
    let (h, mi) = (tp.next()??, tp.next()??);
    ((1..=12).contains(&mo) && (1..=days_in_month(y, mo)).contains(&d) && h < 24 && mi < 60)
        .then_some((y, mo, d, h, mi))
}

fn days_in_month(y: u64, m: u64) -> u64 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The locale id naming a team role.
pub(crate) fn role_key(r: crate::scenario::Role) -> &'static str {
    use crate::scenario::Role;
    match r {
        Role::Operator => "role-operator",
        Role::Ministry => "role-ministry",
        Role::Ceptoar => "role-ceptoar",
        Role::Centre => "role-centre",
        Role::Organiser => "role-organiser",
    }
}

/// Colours for service states, shared by the map legend and the panels.
pub(crate) mod colour {
    use bevy_egui::egui::Color32;
    pub(crate) const UP: Color32 = Color32::from_rgb(64, 190, 110);
    pub(crate) const DEGRADED: Color32 = Color32::from_rgb(235, 180, 50);
    pub(crate) const DOWN: Color32 = Color32::from_rgb(225, 60, 60);
    pub(crate) const BACKUP: Color32 = Color32::from_rgb(80, 150, 240);
    pub(crate) const COMPROMISED: Color32 = Color32::from_rgb(200, 80, 230);
    pub(crate) const UNKNOWN: Color32 = Color32::from_rgb(95, 98, 105);
    pub(crate) const MUTED: Color32 = Color32::from_rgb(140, 145, 150);
    pub(crate) const ERROR: Color32 = Color32::from_rgb(255, 110, 100);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_clock_rolls_over_days_and_months() {
        assert_eq!(wall_clock("2020-07-24 19:00", 0), "2020-07-24 19:00");
        assert_eq!(wall_clock("2020-07-24 19:00", 5400), "2020-07-24 20:30");
        assert_eq!(wall_clock("2020-07-31 23:30", 3600), "2020-08-01 00:30");
        assert_eq!(wall_clock("2020-12-31 23:00", 7200), "2021-01-01 01:00");
        assert_eq!(wall_clock("nonsense", 60), "nonsense +0:01:00");
    }
}
