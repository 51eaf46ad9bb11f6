//! The Markdown report's coordination and picture-accuracy sections.

use super::Ctx;
use super::fmt::cell;
use super::markdown::or_dash;
use super::text as tx;
use crate::scoring::Claimed;
use std::fmt::Write;

pub(super) fn coordination(o: &mut String, c: &Ctx) {
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

pub(super) fn accuracy(o: &mut String, c: &Ctx) {
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
