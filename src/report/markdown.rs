//! The report as Markdown (GitHub-flavoured tables).

use super::Ctx;
use super::fmt::{cell, num, pct, span, whole};
use super::text::{self as tx, T};
use crate::scoring::Claimed;
use std::fmt::Write;

pub(super) fn render(c: &Ctx) -> String {
    let mut o = String::new();
    let l = c.lang;
    let card = c.card;
    let h = |o: &mut String, level: usize, t: T| {
        let _ = writeln!(o, "{} {} · {}\n", "#".repeat(level), t.get(l), t.alt(l));
    };
    h(&mut o, 1, tx::TITLE);
    let _ = writeln!(o, "**{}**\n", cell(c.sc.title.get(l)));
    let _ = writeln!(o, "| | |\n|---|---|");
    let _ = writeln!(
        o,
        "| {} | {} (`{}`) |",
        tx::SCENARIO.get(l),
        cell(c.sc.title.get(l)),
        c.sc.id
    );
    let _ = writeln!(o, "| {} | {} |", tx::SEED.get(l), card.seed);
    let _ = writeln!(o, "| {} | {} |", tx::START.get(l), cell(&c.sc.start_clock));
    let _ = writeln!(
        o,
        "| {} | {} ({}) |",
        tx::SCORED_TO.get(l),
        c.at(card.end),
        span(card.end)
    );
    let _ = writeln!(o, "| {} | `{}` |", tx::HASH.get(l), c.journal.hash());
    let _ = writeln!(
        o,
        "| {} | **{} / 100** |",
        tx::OVERALL.get(l),
        num(card.score)
    );
    let _ = writeln!(
        o,
        "| {} | **{}** |",
        tx::GRADE.get(l),
        cell(c.grade(card.grade))
    );
    let avoided = card
        .impact
        .total
        .avoided
        .map_or_else(|| "—".to_string(), pct);
    let _ = writeln!(o, "| {} | {} |\n", tx::AVOIDED.get(l), avoided);

    h(&mut o, 2, tx::TEAMS);
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} |\n|---|---:|---|---:|---:|",
        tx::TEAM.get(l),
        tx::SCORE.get(l),
        tx::GRADE.get(l),
        tx::ON_TIME_DUTIES.get(l),
        tx::AVOIDED.get(l)
    );
    for t in &card.teams {
        let scored = t.duties.iter().filter(|d| d.outcome.scored()).count();
        let on_time = t
            .duties
            .iter()
            .filter(|d| d.outcome == crate::scoring::Outcome::OnTime)
            .count();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            cell(c.team(t.team)),
            t.score
                .map_or_else(|| tx::NOT_SCORED.get(l).to_string(), num),
            t.grade.map_or("—", |g| c.grade(g)),
            if scored > 0 {
                format!("{on_time} / {scored}")
            } else {
                "—".into()
            },
            t.impact
                .as_ref()
                .and_then(|i| i.avoided)
                .map_or_else(|| "—".into(), pct),
        );
    }
    o.push('\n');

    h(&mut o, 2, tx::INCIDENTS);
    if card.incidents.is_empty() {
        let _ = writeln!(o, "{}\n", tx::NO_INCIDENTS.get(l));
    }
    for i in &card.incidents {
        let _ = writeln!(o, "### {}\n", cell(c.threat(i.threat)));
        let names = |v: &[crate::scenario::TeamId]| {
            v.iter()
                .map(|t| cell(c.team(*t)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let hits = i
            .hits
            .iter()
            .map(|s| cell(c.service(*s)))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(o, "- {}: {}", tx::SEVERITY.get(l), c.severity(i.severity));
        let _ = writeln!(o, "- {}: {}", tx::STARTED.get(l), c.at(i.start));
        let _ = writeln!(o, "- {}: {}", tx::HITS.get(l), hits);
        let _ = writeln!(o, "- {}: {}", tx::OWNERS.get(l), or_dash(names(&i.owners)));
        let _ = writeln!(
            o,
            "- {}: {}",
            tx::DEPENDENTS.get(l),
            or_dash(names(&i.dependents))
        );
        let _ = writeln!(
            o,
            "- {}: {}\n",
            tx::SCORE.get(l),
            i.score.map_or_else(|| "—".into(), num)
        );
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---|---:|",
            tx::PHASE.get(l),
            tx::DEADLINE.get(l),
            tx::DONE_AT.get(l),
            tx::TOOK.get(l),
            tx::OUTCOME.get(l),
            tx::POINTS.get(l)
        );
        for p in &i.phases {
            let points = if p.outcome.scored() {
                format!("{} / {}", num(p.points), num(p.max_points))
            } else {
                "—".into()
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} | {} |",
                tx::phase(p.phase).get(l),
                c.dur(p.deadline),
                p.done_at.map_or_else(|| "—".into(), |a| c.at(a)),
                p.took.map_or_else(|| "—".into(), |d| c.dur(d)),
                tx::outcome(p.outcome).get(l),
                points
            );
        }
        o.push('\n');
    }

    h(&mut o, 2, tx::IMPACT);
    let _ = writeln!(o, "{}\n", tx::UNIT.get(l));
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        tx::SECTOR.get(l),
        tx::LOST_RUN.get(l),
        tx::LOST_BASE.get(l),
        tx::AVOIDED_SHORT.get(l)
    );
    let row = |o: &mut String, name: &str, loss: &crate::scoring::Loss| {
        let a = loss.avoided.map_or_else(|| "—".into(), pct);
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} |",
            name,
            whole(loss.run),
            whole(loss.baseline),
            a
        );
    };
    for (s, loss) in card
        .impact
        .sectors
        .iter()
        .filter(|(_, x)| x.run > 0.0 || x.baseline > 0.0)
    {
        row(&mut o, &cell(c.sector(*s)), loss);
    }
    row(
        &mut o,
        &format!("**{}**", tx::TOTAL.get(l)),
        &card.impact.total,
    );
    let _ = writeln!(
        o,
        "\n{}: {} / {}\n",
        tx::POINTS.get(l),
        num(card.impact.points),
        num(card.impact.max_points)
    );

    coordination(&mut o, c);
    accuracy(&mut o, c);

    h(&mut o, 2, tx::NOTES);
    if c.notes.is_empty() {
        let _ = writeln!(o, "{}", tx::NO_NOTES.get(l));
    }
    for (at, text) in &c.notes {
        let _ = writeln!(o, "- **{}** {}", c.at(*at), text.replace('\n', " "));
    }
    o.push('\n');

    h(&mut o, 2, tx::PLAN);
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        tx::OWNER.get(l),
        tx::STRENGTHS.get(l),
        tx::AREAS.get(l),
        tx::ACTIONS.get(l),
        tx::DUE.get(l)
    );
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.iter().map(|s| cell(s)).collect::<Vec<_>>().join("<br>")
        }
    };
    for r in &c.plan {
        let due = r.due.clone().unwrap_or_else(|| "—".into());
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            cell(&r.owner),
            list(&r.strengths),
            list(&r.areas),
            list(&r.actions),
            due
        );
    }
    o.push('\n');
    h(&mut o, 2, tx::METHOD);
    let _ = writeln!(o, "{}", tx::METHOD_TEXT.get(l));
    o
}

fn coordination(o: &mut String, c: &Ctx) {
    let l = c.lang;
    let card = c.card;
    let _ = writeln!(
        o,
        "## {} · {}\n",
        tx::COORDINATION.get(l),
        tx::COORDINATION.alt(l)
    );
    let _ = writeln!(o, "### {} · {}\n", tx::CHAIN.get(l), tx::CHAIN.alt(l));
    for chain in &card.coordination.chains {
        let _ = writeln!(o, "**{}**\n", cell(c.threat(chain.threat)));
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |\n|---:|---|---|---:|---:|",
            tx::TIME.get(l),
            tx::TEAM.get(l),
            tx::LEARNT_FROM.get(l),
            tx::HELD.get(l),
            tx::TRANSIT.get(l)
        );
        for k in &chain.links {
            let from = k.from.map_or_else(
                || format!("*{}*", tx::OWN_DETECTION.get(l)),
                |f| cell(c.team(f)),
            );
            let held = k.held.map_or_else(|| "—".into(), |d| c.dur(d));
            let transit = k.transit.map_or_else(|| "—".into(), |d| c.dur(d));
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                c.at(k.at),
                cell(c.team(k.team)),
                from,
                held,
                transit
            );
        }
        o.push('\n');
    }
    if !card.coordination.warnings.is_empty() {
        let _ = writeln!(o, "### {} · {}\n", tx::WARNINGS.get(l), tx::WARNINGS.alt(l));
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | |\n|---|---|---:|---:|---|",
            tx::TEAM.get(l),
            tx::INCIDENT.get(l),
            tx::HIT_AT.get(l),
            tx::WARNED_AT.get(l)
        );
        for w in &card.coordination.warnings {
            let flag = match (w.hit, w.unwarned) {
                (None, _) => tx::NOT_HIT.get(l),
                (Some(_), true) => tx::HIT_FIRST.get(l),
                (Some(_), false) => tx::WARNED_FIRST.get(l),
            };
            let hit = w.hit.map_or_else(|| "—".into(), |a| c.at(a));
            let warned = w
                .warned
                .map_or_else(|| tx::NEVER.get(l).into(), |a| c.at(a));
            let flag = if w.unwarned {
                format!("**{flag}**")
            } else {
                flag.to_string()
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |",
                cell(c.team(w.team)),
                cell(c.threat(w.threat)),
                hit,
                warned,
                flag
            );
        }
        o.push('\n');
    }
    let _ = writeln!(o, "### {} · {}\n", tx::MESSAGES.get(l), tx::MESSAGES.alt(l));
    if card.coordination.hops.is_empty() {
        let _ = writeln!(o, "{}\n", tx::NO_MESSAGES.get(l));
        return;
    }
    let _ = writeln!(
        o,
        "| {} | {} | {} | {} | {} | {} |\n|---:|---:|---|---|---|---|",
        tx::SENT.get(l),
        tx::ARRIVED.get(l),
        tx::FROM.get(l),
        tx::TO.get(l),
        tx::KIND.get(l),
        tx::ABOUT.get(l)
    );
    for hop in &card.coordination.hops {
        let about = hop
            .about
            .iter()
            .map(|t| cell(c.threat(*t)))
            .collect::<Vec<_>>()
            .join(", ");
        let kind = format!("{} #{}", tx::kind(hop.kind).get(l), hop.message.0);
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            c.at(hop.sent),
            c.at(hop.arrived),
            cell(c.team(hop.from)),
            cell(c.team(hop.to)),
            kind,
            or_dash(about)
        );
    }
    o.push('\n');
}

fn accuracy(o: &mut String, c: &Ctx) {
    let l = c.lang;
    let acc = &c.card.accuracy;
    let _ = writeln!(o, "## {} · {}\n", tx::ACCURACY.get(l), tx::ACCURACY.alt(l));
    if acc.claims.is_empty() {
        let _ = writeln!(o, "{}\n", tx::NO_CLAIMS.get(l));
        return;
    }
    let _ = writeln!(
        o,
        "| {} | {} | {} |\n|---|---:|---:|",
        tx::TEAM.get(l),
        tx::CHECKED.get(l),
        tx::CORRECT.get(l)
    );
    for t in &acc.teams {
        let _ = writeln!(
            o,
            "| {} | {} | {} |",
            cell(c.team(t.team)),
            t.checked,
            t.correct
        );
    }
    let wrong: Vec<_> = acc.claims.iter().filter(|x| !x.correct).collect();
    if !wrong.is_empty() {
        let _ = writeln!(o, "\n{}:\n", tx::WRONG.get(l));
        for x in wrong {
            let _ = writeln!(o, "- {}", claim_line(c, x));
        }
    }
    o.push('\n');
}

/// One wrong claim as a sentence.
pub(super) fn claim_line(c: &Ctx, x: &crate::scoring::Claim) -> String {
    let l = c.lang;
    let (what, claimed, actual) = match &x.claimed {
        Claimed::Status {
            service,
            claimed,
            actual,
        } => (
            c.service(*service).to_string(),
            tx::status(*claimed).get(l).to_string(),
            tx::status(*actual).get(l).to_string(),
        ),
        Claimed::Severity { claimed, actual } => (
            tx::SEVERITY_WORD.get(l).to_string(),
            claimed.to_string(),
            actual.to_string(),
        ),
    };
    match l {
        crate::scenario::Lang::En => {
            format!(
                "{} {} (#{}): {what} claimed {claimed}, actually {actual}",
                c.at(x.at),
                c.team(x.team),
                x.message.0
            )
        }
        crate::scenario::Lang::Ja => {
            format!(
                "{} {}（#{}）：{what}を「{claimed}」としたが、実際は「{actual}」",
                c.at(x.at),
                c.team(x.team),
                x.message.0
            )
        }
    }
}

fn or_dash(s: String) -> String {
    if s.is_empty() { "—".into() } else { s }
}
