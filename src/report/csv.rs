//! The report as CSV: one row per team and metric, plus the same for the whole
//! exercise (team `all`).

use super::Ctx;
use crate::scoring::{IncidentScore, Outcome, PhaseScore};

/// The CSV columns, in order:
///
/// - `team`: the team's id, or `all` for the exercise as a whole;
/// - `incident`: the threat's id (empty on `impact` and `score` rows);
/// - `severity`: 0..=4 (empty on `impact` and `score` rows);
/// - `metric`: `detect`, `report`, `share`, `contain`, `restore`, `impact` (the
///   team's own services, or all services) or `score`;
/// - `deadline_s`, `done_at_s`, `took_s`: seconds (deadline and took from the
///   incident's start; empty when not applicable or not done);
/// - `outcome`: `on_time`, `late`, `missed`, `open` (phases only);
/// - `credit`: 0..1 for a phase; the avoided share for `impact` (may be negative);
///   the score out of 100 for `score`;
/// - `points`, `max_points`: the phase's or impact's part of the overall score (on
///   `all` rows only);
/// - `lost_run`, `lost_baseline`: criticality-weighted person-hours (`impact` rows);
/// - `grade`: the grade's name in the report's language (`score` rows).
///
/// A journal scored although it does not replay (`report --unverified`) ends with a
/// row of metric `unverified` whose `grade` holds the warning.
pub fn csv_header() -> &'static str {
    "team,incident,severity,metric,deadline_s,done_at_s,took_s,outcome,credit,points,max_points,lost_run,lost_baseline,grade"
}

pub(super) fn render(c: &Ctx) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = write_rows(&mut w, c);
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One row: team, incident, severity and metric, then the measures.
struct Line<'a> {
    team: &'a str,
    incident: &'a str,
    severity: String,
    metric: &'a str,
    measures: [String; 10],
}

fn write_rows(w: &mut csv::Writer<Vec<u8>>, c: &Ctx) -> csv::Result<()> {
    w.write_record(csv_header().split(','))?;
    let mut put = |x: Line| {
        let head = [x.team, x.incident, &x.severity, x.metric];
        w.write_record(
            head.into_iter()
                .chain(x.measures.iter().map(String::as_str)),
        )
    };
    let card = c.card;
    let opt = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
    let f = |x: f64| format!("{x:.6}");
    let e = String::new;
    let phase = |team, inc: &IncidentScore, p: &PhaseScore, points: bool| {
        let (pts, max) = if points {
            (f(p.points), f(p.max_points))
        } else {
            (e(), e())
        };
        Line {
            team,
            incident: &c.sc.threats[inc.threat.idx()].id,
            severity: inc.severity.to_string(),
            metric: p.phase.id(),
            measures: [
                p.deadline.to_string(),
                opt(p.done_at),
                opt(p.took),
                outcome(p.outcome).into(),
                f(p.credit),
                pts,
                max,
                e(),
                e(),
                e(),
            ],
        }
    };
    let total = |team, metric, credit: String, tail: [String; 5]| {
        let [pts, max, run, base, grade] = tail;
        Line {
            team,
            incident: "",
            severity: e(),
            metric,
            measures: [e(), e(), e(), e(), credit, pts, max, run, base, grade],
        }
    };
    for t in &card.teams {
        let id = c.sc.teams[t.team.idx()].id.as_str();
        for d in &t.duties {
            if let Some(inc) = card.incident(d.threat) {
                put(phase(id, inc, inc.phase(d.phase), false))?;
            }
        }
        if let Some(loss) = &t.impact {
            let a = loss.avoided.map_or(e(), f);
            put(total(
                id,
                "impact",
                a,
                [e(), e(), f(loss.run), f(loss.baseline), e()],
            ))?;
        }
        if let (Some(s), Some(g)) = (t.score, t.grade) {
            put(total(
                id,
                "score",
                f(s),
                [e(), e(), e(), e(), c.grade(g).into()],
            ))?;
        }
    }
    for inc in &card.incidents {
        for p in inc
            .phases
            .iter()
            .filter(|p| p.outcome != Outcome::NotApplicable)
        {
            put(phase("all", inc, p, true))?;
        }
    }
    let im = &card.impact;
    let a = im.total.avoided.map_or(e(), f);
    let tail = [
        f(im.points),
        f(im.max_points),
        f(im.total.run),
        f(im.total.baseline),
        e(),
    ];
    put(total("all", "impact", a, tail))?;
    let grade = c.grade(card.grade).to_string();
    put(total(
        "all",
        "score",
        f(card.score),
        [e(), e(), e(), e(), grade],
    ))?;
    if let Some(warning) = &c.unverified {
        put(total(
            "all",
            "unverified",
            e(),
            [e(), e(), e(), e(), warning.clone()],
        ))?;
    }
    w.flush().map_err(csv::Error::from)
}

fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::OnTime => "on_time",
        Outcome::Late => "late",
        Outcome::Missed => "missed",
        Outcome::Open => "open",
        Outcome::NotApplicable => "not_applicable",
    }
}
