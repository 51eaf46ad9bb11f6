//! The report as Markdown (GitHub-flavoured tables).

use super::Ctx;
use super::fmt::{cell, num, pct, span, whole};
use super::md_detail;
use super::text::{self as tx, T};
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
    let _ = writeln!(
        o,
        "| {} | {} |",
        tx::START.get(l),
        cell(&super::fmt::start(c.sc.start_clock))
    );
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

    md_detail::coordination(&mut o, c);
    md_detail::accuracy(&mut o, c);

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

pub(super) fn or_dash(s: String) -> String {
    if s.is_empty() { "—".into() } else { s }
}
