//! A batch's folder: the mergeable summary and the scenario it ran, and the
//! calibration figures as JSON, CSV and a self-contained HTML report.

use super::figures::{Figures, Scores, Timing};
use super::summary::Summary;
use crate::scenario::{Lang, Scenario};
use crate::scoring::Phase;
use std::path::Path;

/// What `batch merge` reads back from a folder.
pub struct Folder {
    pub summary: Summary,
    pub scenario: Scenario,
}

/// Write everything of a batch into `dir` (created if need be); the report in `lang`.
pub fn write(dir: &Path, sum: &Summary, s: &Scenario, lang: Lang) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("summary.json"), pretty(sum))?;
    std::fs::write(dir.join("scenario.json"), pretty(s))?;
    let f = Figures::of(sum, s);
    std::fs::write(dir.join("calibration.json"), pretty(&f))?;
    std::fs::write(dir.join("scores.csv"), scores_csv(&f)?)?;
    std::fs::write(dir.join("phases.csv"), phases_csv(&f)?)?;
    std::fs::write(dir.join("services.csv"), timing_csv(&f.services, None)?)?;
    std::fs::write(
        dir.join("injects.csv"),
        timing_csv(&f.injects, Some(&f.fired_per_run))?,
    )?;
    let html = crate::report::calibration(&f, s, lang);
    std::fs::write(dir.join("calibration.html"), html)
}

/// Read a folder `write` wrote.
pub fn read_folder(dir: &Path) -> Result<Folder, String> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let parse_err = |name: &str, e: serde_json::Error| {
        format!(
            "{}:{}:{}: {e}",
            dir.join(name).display(),
            e.line(),
            e.column()
        )
    };
    let summary: Summary =
        serde_json::from_str(&read("summary.json")?).map_err(|e| parse_err("summary.json", e))?;
    let scenario: Scenario =
        serde_json::from_str(&read("scenario.json")?).map_err(|e| parse_err("scenario.json", e))?;
    Ok(Folder { summary, scenario })
}

fn pretty<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

type CsvResult = std::io::Result<Vec<u8>>;

fn finish(w: csv::Writer<Vec<u8>>) -> CsvResult {
    w.into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

fn score_row(name: &str, s: &Scores) -> Vec<String> {
    vec![
        name.to_owned(),
        s.runs.to_string(),
        opt(s.mean),
        opt(s.sd),
        opt(s.min),
        opt(s.p10),
        opt(s.p50),
        opt(s.p90),
        opt(s.max),
    ]
}

fn scores_csv(f: &Figures) -> CsvResult {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "team", "runs", "mean", "sd", "min", "p10", "p50", "p90", "max",
    ])?;
    w.write_record(score_row("(overall)", &f.overall))?;
    w.write_record(score_row("(no response)", &f.baseline))?;
    for t in &f.teams {
        w.write_record(score_row(&t.team, &t.scores))?;
    }
    finish(w)
}

fn phases_csv(f: &Figures) -> CsvResult {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["team", "phase", "scored", "on_time_share"])?;
    for t in &f.teams {
        for p in Phase::ALL {
            let i = p as usize;
            if t.scored[i] > 0 {
                let share = opt(t.on_time[i]);
                w.write_record([&t.team, p.id(), &t.scored[i].to_string(), &share])?;
            }
        }
    }
    finish(w)
}

fn timing_csv(rows: &[Timing], per_run: Option<&[f64]>) -> CsvResult {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec![
        "id",
        "share_of_runs",
        "first_p10_s",
        "first_p50_s",
        "first_p90_s",
    ];
    if per_run.is_some() {
        head.push("per_run");
    }
    w.write_record(&head)?;
    for (i, r) in rows.iter().enumerate() {
        let mut rec = vec![
            r.id.clone(),
            r.share.to_string(),
            opt(r.p10),
            opt(r.p50),
            opt(r.p90),
        ];
        if let Some(n) = per_run.and_then(|p| p.get(i)) {
            rec.push(n.to_string());
        }
        w.write_record(&rec)?;
    }
    finish(w)
}
