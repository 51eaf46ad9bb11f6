//! What every panel reads (the seat's picture, the scenario, the language) and the messages
//! panels may send; bundled so panel functions take one argument.

use crate::gui::catalog::Catalog;
use crate::gui::exercise::clock::{ClockCommand, ExerciseClock};
use crate::gui::exercise::command::{SelectService, Selected, UiCommand};
use crate::gui::exercise::picture::Picture;
use crate::gui::i18n::{I18n, SetLang};
use crate::gui::session::{ActiveSeat, OfferAnswer, RequestSeat, Seat, SeatFixed, Session};
use crate::scenario::{Scenario, TeamId};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

#[derive(SystemParam)]
pub(crate) struct PanelCtx<'w, 's> {
    pub i18n: Res<'w, I18n>,
    pub session: Res<'w, Session>,
    pub catalog: Res<'w, Catalog>,
    pub picture: Res<'w, Picture>,
    pub seat: Res<'w, ActiveSeat>,
    pub selected: Res<'w, Selected>,
    pub clock: Res<'w, ExerciseClock>,
    pub commands: MessageWriter<'w, UiCommand>,
    pub select: MessageWriter<'w, SelectService>,
    pub clock_commands: MessageWriter<'w, ClockCommand>,
    pub seat_requests: MessageWriter<'w, RequestSeat>,
    pub set_lang: MessageWriter<'w, SetLang>,
    pub offer_answers: MessageWriter<'w, OfferAnswer>,
    fixed: Option<Res<'w, SeatFixed>>,
    _marker: Local<'s, ()>,
}

impl PanelCtx<'_, '_> {
    pub(crate) fn scenario(&self) -> &Scenario {
        &self.session.scenario
    }

    pub(crate) fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    /// The team this seat plays, if it is a team seat.
    /// (From the picture, so what a panel shows and the seat it shows it for always agree.)
    pub(crate) fn team(&self) -> Option<TeamId> {
        match self.picture.seat {
            Seat::Team(t) => Some(t),
            _ => None,
        }
    }

    /// This screen holds a seat of an exercise hosted elsewhere: no switching.
    pub(crate) fn seat_fixed(&self) -> bool {
        self.fixed.is_some()
    }

    pub(crate) fn is_facilitator(&self) -> bool {
        self.picture.seat == Seat::Facilitator
    }
}
