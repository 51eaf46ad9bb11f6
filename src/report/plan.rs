//! The improvement plan: per team, strengths and areas for improvement read off the
//! scorecard, a corrective action for each area, the team as owner, and a due date
//! (30 days after the exercise when a phase was missed, 60 when only late).

use super::fmt;
use super::text::T;
use crate::scenario::{Lang, Scenario, TeamId};
use crate::scoring::{Outcome, Phase, Scorecard};
use serde::Serialize;

/// One row of the improvement plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRow {
    pub team: TeamId,
    /// The owner of the corrective actions (the team's name).
    pub owner: String,
    pub strengths: Vec<String>,
    pub areas: Vec<String>,
    pub actions: Vec<String>,
    /// `YYYY-MM-DD`; `None` when there is nothing to correct.
    pub due: Option<String>,
}

fn late(p: Phase) -> T {
    match p {
        Phase::Detect => T("Detection late", "検知の遅れ"),
        Phase::Report => T("Report late", "報告の遅れ"),
        Phase::Share => T("Sharing late", "共有の遅れ"),
        Phase::Contain => T("Containment late", "封じ込めの遅れ"),
        Phase::Restore => T("Restoration late", "復旧の遅れ"),
    }
}

fn missed(p: Phase) -> T {
    match p {
        Phase::Detect => T("Not detected", "検知できず"),
        Phase::Report => T("Not reported", "報告なし"),
        Phase::Share => T(
            "Not shared with every dependent sector",
            "依存先の分野へ共有されず",
        ),
        Phase::Contain => T("Not contained", "封じ込めできず"),
        Phase::Restore => T("Not restored", "復旧できず"),
    }
}

fn action(p: Phase) -> T {
    match p {
        Phase::Detect => T(
            "Tune monitoring and alert triage for the systems hit, so that intrusions are noticed within the deadline.",
            "被害を受けたシステムの監視とアラート対応を見直し、期限内に侵入を検知できるようにする。",
        ),
        Phase::Report => T(
            "Report on suspicion and update later: rehearse the first call and the report form to the ministry desk.",
            "疑いの段階で第一報を入れ、後から続報する。所管省庁窓口への第一報と報告様式の記入を訓練する。",
        ),
        Phase::Share => T(
            "Agree who warns the dependent sectors and over which channel; warn them as soon as an incident is suspected.",
            "依存先の分野に誰がどの経路で警告するかを取り決め、疑いの段階で警告する。",
        ),
        Phase::Contain => T(
            "Prepare playbooks to isolate and clean the systems hit, with the authority to act at once.",
            "被害システムの隔離・駆除の手順書を整備し、直ちに実行できる権限を定める。",
        ),
        Phase::Restore => T(
            "Prepare restoration and manual-operation plans; pre-position crews, fuel and backup lines.",
            "復旧・手動運転の計画を整備し、要員・燃料・バックアップ回線を事前に手配する。",
        ),
    }
}

const BUFFERS: T = T(
    "Use the time buffers give: switch to backup, refuel and run by hand before they run out.",
    "バッファが尽きる前に、バックアップへの切替・燃料補給・手動運転を行う。",
);
const DIRECT_LINES: T = T(
    "Agree direct warning lines with the providers it depends on, and ask the coordination centre early.",
    "依存先の事業者との直通の連絡経路を取り決め、早めに対処調整センターへ照会する。",
);
const CHECK_CLAIMS: T = T(
    "Check the current status and the severity scale before sending; say what is confirmed and what is not.",
    "送信前に現状と深刻度の基準を確認し、確定事項と未確認事項を区別して伝える。",
);

/// The plan, one row per team that answers for something, in scenario order.
pub(super) fn plan(sc: &Scenario, card: &Scorecard, lang: Lang) -> Vec<PlanRow> {
    let name = |t: TeamId| sc.teams[t.idx()].name.get(lang).to_string();
    let threat = |t: crate::scenario::ThreatId| sc.threats[t.idx()].name.get(lang).to_string();
    let mut rows = Vec::new();
    for ts in &card.teams {
        if ts.duties.is_empty() && ts.impact.is_none() {
            continue;
        }
        let (mut strengths, mut areas, mut actions) = (Vec::new(), Vec::new(), Vec::new());
        let mut urgent = false;
        for inc in &card.incidents {
            let on_time: Vec<&str> = ts
                .duties
                .iter()
                .filter(|d| d.threat == inc.threat && d.outcome == Outcome::OnTime)
                .map(|d| super::text::phase(d.phase).get(lang))
                .collect();
            if !on_time.is_empty() {
                strengths.push(match lang {
                    Lang::En => format!(
                        "On time for {}: {}",
                        threat(inc.threat),
                        on_time.join(", ").to_lowercase()
                    ),
                    Lang::Ja => format!(
                        "{}：{}を期限内に実施",
                        threat(inc.threat),
                        on_time.join("・")
                    ),
                });
            }
        }
        for p in Phase::ALL {
            let of = |o: Outcome| -> Vec<String> {
                ts.duties
                    .iter()
                    .filter(|d| d.phase == p && d.outcome == o)
                    .map(|d| threat(d.threat))
                    .collect()
            };
            let (late_ones, missed_ones) = (of(Outcome::Late), of(Outcome::Missed));
            if !late_ones.is_empty() {
                let late_ones = late_by(card, ts.team, p, lang, &threat);
                areas.push(format!("{}: {}", late(p).get(lang), late_ones.join("; ")));
            }
            if !missed_ones.is_empty() {
                areas.push(format!(
                    "{}: {}",
                    missed(p).get(lang),
                    missed_ones.join("; ")
                ));
                urgent = true;
            }
            if !late_ones.is_empty() || !missed_ones.is_empty() {
                actions.push(action(p).get(lang).to_string());
            }
        }
        if let Some(a) = ts.impact.as_ref().and_then(|l| l.avoided) {
            if a >= 0.5 {
                strengths.push(match lang {
                    Lang::En => format!(
                        "Kept {} of the no-response loss off its services",
                        fmt::pct(a)
                    ),
                    Lang::Ja => {
                        format!("自らのサービスの損失を無対応の場合より{}削減", fmt::pct(a))
                    }
                });
            } else {
                areas.push(match lang {
                    Lang::En => format!(
                        "Its services lost {} of what they would have with no response",
                        fmt::pct(1.0 - a)
                    ),
                    Lang::Ja => format!(
                        "自らのサービスの損失が無対応の場合の{}に達した",
                        fmt::pct(1.0 - a)
                    ),
                });
                actions.push(BUFFERS.get(lang).to_string());
            }
        }
        for w in card.coordination.warnings.iter().filter(|w| w.unwarned) {
            let inc = card.incident(w.threat);
            if w.team == ts.team {
                areas.push(match lang {
                    Lang::En => format!(
                        "Its services were hit before any warning reached it ({})",
                        threat(w.threat)
                    ),
                    Lang::Ja => format!(
                        "警告を受ける前に自らのサービスが被害を受けた（{}）",
                        threat(w.threat)
                    ),
                });
                push_once(&mut actions, DIRECT_LINES.get(lang));
            } else if inc.is_some_and(|i| i.owners.contains(&ts.team)) {
                areas.push(match lang {
                    Lang::En => format!(
                        "{} was hit before anyone warned it ({})",
                        name(w.team),
                        threat(w.threat)
                    ),
                    Lang::Ja => format!(
                        "{}は警告を受ける前に被害を受けた（{}）",
                        name(w.team),
                        threat(w.threat)
                    ),
                });
                push_once(&mut actions, action(Phase::Share).get(lang));
            }
        }
        if let Some(acc) = card.accuracy.teams.iter().find(|a| a.team == ts.team) {
            if acc.correct == acc.checked {
                strengths.push(match (lang, acc.checked) {
                    (Lang::En, 1) => {
                        "The one claim in its messages matched the situation".to_string()
                    }
                    (Lang::En, n) => {
                        format!("All {n} claims in its messages matched the situation")
                    }
                    (Lang::Ja, n) => format!("メッセージ中の主張{n}件はすべて実際と一致"),
                });
            } else {
                let wrong = acc.checked - acc.correct;
                areas.push(match lang {
                    Lang::En => format!(
                        "{wrong} of {} claims in its messages did not match the situation",
                        acc.checked
                    ),
                    Lang::Ja => format!(
                        "メッセージ中の主張{}件のうち{wrong}件が実際と異なった",
                        acc.checked
                    ),
                });
                actions.push(CHECK_CLAIMS.get(lang).to_string());
            }
        }
        let due = if areas.is_empty() {
            None
        } else {
            fmt::date_after(sc.start_clock, if urgent { 30 } else { 60 })
        };
        rows.push(PlanRow {
            team: ts.team,
            owner: name(ts.team),
            strengths,
            areas,
            actions,
            due,
        });
    }
    rows
}

/// The late incidents of one phase with how much over the deadline each was.
fn late_by(
    card: &Scorecard,
    team: TeamId,
    p: Phase,
    lang: Lang,
    threat: &dyn Fn(crate::scenario::ThreatId) -> String,
) -> Vec<String> {
    card.teams
        .iter()
        .filter(|t| t.team == team)
        .flat_map(|t| &t.duties)
        .filter(|d| d.phase == p && d.outcome == Outcome::Late)
        .filter_map(|d| {
            let ps = card.incident(d.threat)?.phase(p);
            let by = ps.took?.saturating_sub(ps.deadline);
            Some(match lang {
                Lang::En => format!(
                    "{} ({} over the deadline)",
                    threat(d.threat),
                    fmt::dur(by, lang)
                ),
                Lang::Ja => format!("{}（期限を{}超過）", threat(d.threat), fmt::dur(by, lang)),
            })
        })
        .collect()
}

fn push_once(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}
