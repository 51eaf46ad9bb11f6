//! The generated scenario's players and reporting chain: operator teams, one desk per
//! ministry in charge of a sector, and the coordination centre; each operator team
//! reports to its sector's ministry, each ministry to the centre.
//!
//! By default one operator team plays all of a sector's operators. Given a number of
//! teams in all (the national exercise has about 300 organisations), the operators are
//! split: operator team `k` plays operator `k / 14` of sector `k % 14`, so every sector
//! has teams and each team one organisation.

use crate::scenario::*;

/// How many operator teams `teams` in all leaves after the desks and the centre.
pub(super) fn operator_teams(teams: usize, ministries: usize, sectors: usize) -> usize {
    teams.saturating_sub(ministries + 1).max(sectors)
}

/// The least number of teams in all: one operator team per sector, the desks, the centre.
pub fn least_teams() -> usize {
    let sectors = super::parts::catalogue();
    let ci = &sectors[..super::parts::SHARES.len()];
    let mut ministries: Vec<&str> = ci.iter().map(|s| s.ministry.as_str()).collect();
    ministries.sort_unstable();
    ministries.dedup();
    ci.len() + ministries.len() + 1
}

/// The teams and their channels; the desks' and the centre's organisations are added to
/// `organisations` (the operators' are there, `per_sector` per sector in sector order).
/// `split`: one team per operator organisation, this many in all; else one per sector.
pub(super) fn teams(
    ci: &[Sector],
    ministries: &[&str],
    per_sector: usize,
    split: Option<usize>,
    organisations: &mut Vec<Organisation>,
) -> (Vec<Team>, Vec<Channel>) {
    let text = super::parts::text;
    // (sector, the organisations played) of each operator team.
    let plays: Vec<(usize, Vec<usize>)> = match split {
        None => (0..ci.len())
            .map(|i| (i, (0..per_sector).map(|k| i * per_sector + k).collect()))
            .collect(),
        Some(n) => (0..n)
            .map(|k| {
                let (i, j) = (k % ci.len(), k / ci.len());
                (i, vec![i * per_sector + j])
            })
            .collect(),
    };
    let mut teams: Vec<Team> = plays
        .iter()
        .map(|(i, orgs)| {
            let s = &ci[*i];
            let (id, en, ja) = match split {
                None => (
                    format!("{}-csirt", s.id),
                    format!("{} operators", s.name.en),
                    format!("{}事業者", s.name.ja),
                ),
                Some(_) => {
                    let j = orgs[0] - i * per_sector;
                    (
                        format!("{}-op{j:02}-csirt", s.id),
                        format!("{} operator {j}", s.name.en),
                        format!("{}事業者{j}", s.name.ja),
                    )
                }
            };
            Team {
                id,
                name: text(&en, &ja),
                role: Role::Operator,
                controls: orgs.iter().map(|&o| OrgId(o as u32)).collect(),
            }
        })
        .collect();
    let mut channels = Vec::new();
    let both = |channels: &mut Vec<Channel>, a: usize, b: usize, latency: Secs| {
        for (from, to) in [(a, b), (b, a)] {
            channels.push(Channel {
                from: TeamId(from as u32),
                to: TeamId(to as u32),
                latency,
            });
        }
    };
    let centre_team = plays.len() + ministries.len();
    for ministry in ministries {
        organisations.push(Organisation {
            id: format!("{}-desk", ministry.to_lowercase()),
            name: text(&format!("{ministry} desk"), &format!("{ministry}窓口")),
            sector: SectorId(ci.iter().position(|s| s.ministry == *ministry).unwrap_or(0) as u32),
            kind: OrgKind::Ministry,
            monitoring: Monitoring::Low,
        });
        let team = teams.len();
        teams.push(Team {
            id: ministry.to_lowercase(),
            name: text(&format!("{ministry} desk"), &format!("{ministry}窓口")),
            role: Role::Ministry,
            controls: vec![OrgId(organisations.len() as u32 - 1)],
        });
        for (t, (i, _)) in plays.iter().enumerate() {
            if ci[*i].ministry == *ministry {
                both(&mut channels, t, team, 600);
            }
        }
        both(&mut channels, team, centre_team, 600);
    }
    organisations.push(Organisation {
        id: "coord-centre".into(),
        name: text("Coordination centre", "対処調整センター"),
        sector: SectorId(ci.len() as u32),
        kind: OrgKind::Centre,
        monitoring: Monitoring::High,
    });
    teams.push(Team {
        id: "centre".into(),
        name: text("Coordination centre", "対処調整センター"),
        role: Role::Centre,
        controls: vec![OrgId(organisations.len() as u32 - 1)],
    });
    (teams, channels)
}
