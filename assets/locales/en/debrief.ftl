# crossdrill debrief strings, English. Keep the ids in step with ../ja/debrief.ftl.
# Loaded together with crossdrill.ftl: ids here all start with `debrief-`.

debrief-open = Open the debrief ▶
debrief-title = Debrief
debrief-back = ◀ Back
debrief-source-exercise = the exercise just played
debrief-source-session = session { $path }
debrief-source-journal = journal { $path }
debrief-seed = seed { $seed }
debrief-replay-same = ✔ re-simulated: matches the file
debrief-replay-same-hint = The scenario, the seed and the commands give this journal again, byte for byte.
debrief-replay-differs = ⚠ re-simulated: differs from the file
debrief-replay-refused = ⚠ the replay refused a command at { $at }: { $error }
debrief-dropped = ⚠ a damaged last record was left out: { $what }
debrief-forked-from = forked from { $path } at { $at }
## Tabs
debrief-tab-timeline = Timeline
debrief-tab-scores = Scores
debrief-tab-charts = Charts
debrief-tab-notes = Notes and report

## Scores
debrief-overall = Overall score
debrief-scored-until = scored up to { $end }
debrief-impact = Service impact (criticality-weighted person-hours lost)
debrief-impact-run = This run
debrief-impact-baseline = No response (same seed)
debrief-impact-avoided = Avoided
debrief-sector = Sector
debrief-teams = Teams
debrief-team = Team
debrief-role = Role
debrief-score = Score
debrief-grade = Grade
debrief-duties = On time · late · missed
debrief-duties-hint = The response phases this team answers for: done by the deadline, done late, not done.
debrief-incidents = Incidents
debrief-incident = Incident
debrief-severity = Severity
debrief-started = Started
debrief-phase-detect = Detect
debrief-phase-report = Report
debrief-phase-share = Share
debrief-phase-contain = Contain
debrief-phase-restore = Restore
debrief-phase-hint = Time from the incident's start / deadline
debrief-outcome-ontime = on time
debrief-outcome-late = late
debrief-outcome-missed = missed
debrief-outcome-open = open
debrief-outcome-na = n/a
debrief-no-incidents = No threat did anything in this run.
debrief-no-score = This run cannot be scored: { $error }

## Charts
debrief-chart-capacity = Capacity by sector (%)
debrief-chart-capacity-hint = Solid: this run. Dashed: the same seed with no team response. The vertical line is the timeline's moment.
debrief-chart-response = Response times against deadlines (minutes)
debrief-chart-response-hint = Bars: time from the incident's start to each phase (green on time, amber late). Red marks: the deadline; a red cross: not done.
debrief-chart-messages = Messages sent per team (running total)
debrief-chart-deadline = deadline
debrief-chart-not-done = not done
debrief-chart-baseline = { $sector } (no response)

## Timeline
debrief-moment = Moment
debrief-scrub-hint = Drag to rebuild the world at any moment of the run from its journal
debrief-step-back = ◀ { $step }
debrief-step-forward = { $step } ▶
debrief-to-start = ⏮
debrief-to-end = ⏭
debrief-play-from-here = ▶ Play from here
debrief-play-from-here-hint = Start a new exercise from this moment (same seed, the commands given up to now) to try another decision. Its debrief compares it with this run.
debrief-truth = Ground truth
debrief-view-of = What this team saw:
debrief-view-none = (choose a team)
debrief-view-unknown = grey: not visible to this team
debrief-around = Around this moment
debrief-nothing-yet = Nothing has happened yet.
debrief-not-up = Services not fully up
debrief-all-up = Every service is up.
debrief-team-incidents = Its incidents
debrief-team-inbox = Latest messages it received
debrief-none = none
debrief-mark-threat = threat step
debrief-mark-control = exercise control
debrief-mark-team = team decision
debrief-mark-note = note
debrief-cascades = { $count ->
    [one] 1 cascade under way
   *[other] { $count } cascades under way
}
debrief-incidents-open = { $count ->
    [one] 1 incident open
   *[other] { $count } incidents open
}
debrief-inbox = { $count ->
    [one] 1 message received
   *[other] { $count } messages received
}

## Notes and report
debrief-notes = Observer's notes
debrief-no-notes = No note was taken in this run.
debrief-go-to = go to
debrief-export = Export the after-action report
debrief-export-hint = The extension picks the format: .html, .md, .csv or .json (.jsonl writes the journal).
debrief-export-button = Export
debrief-exported = Written: { $path }
debrief-exported-compare = Comparison with the original: { $path }

## Fork and compare
debrief-compare = This run against the original
debrief-compare-note = Forked at { $at }; both runs scored up to { $end }.
debrief-compare-what = Measure
debrief-compare-original = Original
debrief-compare-fork = This run
debrief-compare-change = Change
debrief-compare-lost = Service lost (person-hours)
debrief-compare-avoided = Impact avoided
debrief-fork-failed = Cannot start from here: { $error }
