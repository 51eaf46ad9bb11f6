//! Which teams bots play: `PROFILE` for every team, `team=PROFILE,...` for some, or
//! both (`realistic,grid=textbook`: the named teams as named, the rest as the bare
//! profile).

use super::bot::Bot;
use super::outlook::Outlook;
use super::profile::Profile;
use crate::scenario::{Scenario, TeamId, suggest};
use crate::words::{Phrase, default_lang};
use std::fmt;
use std::sync::Arc;

/// A profile for each team a bot plays (by team index; `None`: no bot).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cast {
    pub profiles: Vec<Option<Profile>>,
}

/// What is wrong with a cast's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CastError {
    UnknownProfile(String),
    UnknownTeam { team: String, hint: Option<String> },
}

impl Cast {
    /// No bots.
    pub fn none(s: &Scenario) -> Cast {
        Cast {
            profiles: vec![None; s.teams.len()],
        }
    }

    /// Every team played by `profile`.
    pub fn all(s: &Scenario, profile: Profile) -> Cast {
        Cast {
            profiles: vec![Some(profile); s.teams.len()],
        }
    }

    /// Read `textbook`, `grid=textbook,carrier=absent` or `realistic,grid=textbook`.
    pub fn parse(text: &str, s: &Scenario) -> Result<Cast, CastError> {
        let mut cast = Cast::none(s);
        let mut named = vec![false; s.teams.len()];
        let profile = |p: &str| {
            Profile::from_name(p.trim()).ok_or_else(|| CastError::UnknownProfile(p.trim().into()))
        };
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                None => {
                    let p = profile(part)?;
                    for (slot, named) in cast.profiles.iter_mut().zip(&named) {
                        if !named {
                            *slot = Some(p);
                        }
                    }
                }
                Some((team, p)) => {
                    let team = team.trim();
                    let Some(i) = s.teams.iter().position(|t| t.id == team) else {
                        let hint = suggest(team, s.teams.iter().map(|t| t.id.as_str()));
                        return Err(CastError::UnknownTeam {
                            team: team.into(),
                            hint,
                        });
                    };
                    cast.profiles[i] = Some(profile(p)?);
                    named[i] = true;
                }
            }
        }
        Ok(cast)
    }

    /// The bots of this cast that play at all, seeded with the run's seed.
    pub fn bots(&self, outlook: &Arc<Outlook>, seed: u64) -> Vec<Bot> {
        self.profiles
            .iter()
            .enumerate()
            .filter_map(|(t, p)| p.filter(|p| p.params().plays).map(|p| (t, p)))
            .map(|(t, p)| Bot::new(TeamId(t as u32), p, outlook.clone(), seed))
            .collect()
    }

    /// The profile of `team`, if a bot plays it.
    pub fn of(&self, team: TeamId) -> Option<Profile> {
        self.profiles.get(team.idx()).copied().flatten()
    }

    /// `team=profile` for every team a bot plays, as [`Cast::parse`] reads it back.
    pub fn describe(&self, s: &Scenario) -> String {
        let parts: Vec<String> = self
            .profiles
            .iter()
            .zip(&s.teams)
            .filter_map(|(p, t)| p.map(|p| format!("{}={}", t.id, p.name())))
            .collect();
        parts.join(",")
    }
}

impl fmt::Display for CastError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let phrase = match self {
            CastError::UnknownProfile(p) => {
                Phrase::new("bot-unknown-profile").with("profile", p.as_str())
            }
            CastError::UnknownTeam { team, hint } => Phrase::new("bot-unknown-team")
                .with("team", team.as_str())
                .with("hint", hint.clone().unwrap_or_default()),
        };
        f.write_str(&phrase.word(default_lang()))
    }
}

impl std::error::Error for CastError {}
