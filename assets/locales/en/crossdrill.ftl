# crossdrill UI strings, English. Keep the ids in step with ../ja/crossdrill.ftl.

app-title = crossdrill
app-tagline = Cross-sector cyber exercises on critical infrastructure
screen-select = Choose a scenario
lang-switch = Language
back = ◀ Back
yes = Yes
no = No

## Scenario select
select-heading = Scenarios
select-builtin = built into the app
select-folder = Open a folder of scenarios (path):
select-open-folder = Open folder
select-none = No scenario found.
select-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
select-broken = This file has errors and cannot be played as it is on disk.
select-last-good = The last version that loaded is shown below and can still be played.
select-pattern = Pattern
select-duration = Duration
select-start = Starts at
select-services = Services / dependencies
select-team-count = Teams
select-teams = { $count ->
    [one] 1 team
   *[other] { $count } teams
}
select-sectors = Sectors (★ leading sector)
select-team-list = Teams
select-continue = Continue to briefing ▶

## Briefing
briefing-brief = Brief
briefing-seats = Seats
briefing-seats-hint = Write who plays each team. A team left empty is played by exercise control.
briefing-team = Team
briefing-role = Role
briefing-played-by = Played by
briefing-played-by-control = exercise control
briefing-bot-textbook = textbook bot
briefing-bot-realistic = realistic bot
briefing-bot-absent = absent bot (does nothing)
briefing-bot-hint = A team this screen does not take can be given to a bot that plays from the team's own view: textbook (every step, promptly) or realistic (human delays and missed steps).
briefing-this-screen = This screen opens as
briefing-seed = Random seed
briefing-start = Start exercise ▶

## Seats
seat = Seat:
seat-facilitator = Facilitator
seat-observer = Observer
seat-bot = { $team } — { $bot }
seat-switch-hint = Switch the seat this screen shows (asks for confirmation)
seat-confirm-title = Switch seat?
seat-confirm-ground-truth = This seat sees the ground truth. Make sure no trainee can see this screen.
seat-confirm-team = This screen will show only what this team may know.
seat-confirm-yes = Switch
seat-confirm-no = Cancel

## Clock
clock-exercise-time = Exercise time since the start
clock-wall-time = The scenario's wall-clock time
clock-length = Progress through the exercise
clock-pause = Pause
clock-resume = Resume
clock-paused = Paused
clock-control-hint = Only the facilitator seat runs the clock.
clock-running = Running at { $speed }x
clock-next-inject = Next inject { $time } ⏭
clock-next-inject-hint = Jump the clock to the next scheduled inject
clock-no-inject = No timed inject left
end-exercise = End exercise
end-confirm = End the exercise now?

## Scenario file changes
reload-offer = The scenario file changed on disk.
reload-restart = Restart with the new version
reload-keep = Keep playing
reload-broken = ⚠ The scenario file on disk has errors; the last good version is in use (hover for details).

## Tabs
tab-incidents = Incidents ({ $count })
tab-inbox = Inbox ({ $count })
tab-msel = MSEL
tab-notes = Notes
tab-checklist = Checklist
check-none-designed = The scenario names no expected actions.
check-none-yet = Expected actions appear here as their injects fire and their threats start.
check-due = due { $at }
check-recorded = You recorded: { $verdict } ({ $at })
check-suggested = From the journal: { $verdict }. Confirm or correct it.
check-open = Not seen yet.
check-note-hint = What you saw (goes into the report)
check-confirm = Confirm
check-record = Record

## Incidents
incidents-none = No incident yet.
incident-opened = opened
incident-more = and { $n } more services
phase-detect = detected
phase-report = reported
phase-share = shared
phase-restore = restored
detect-compromise = intrusion
detect-tampering = data tampering
detect-degradation = degradation
detect-outage = outage

## Inbox and compose
inbox-empty = No message yet.
compose-open = ✉ Write a message
compose-title = New message
compose-from = From
compose-to = To
compose-pick = choose…
compose-no-channel = this team has no channel
compose-kind = Kind
compose-severity = Severity
compose-incidents = About incidents
compose-services = About services
compose-text = Text
compose-text-hint = What happened, what you know, what you need
compose-send = Send
compose-needs = Choose a recipient and write a text.
kind-report = Report
kind-alert = Alert
kind-request = Request
kind-information = Information
kind-public-statement = Public statement

## MSEL
msel-empty = This scenario has no injects.
msel-conditional = on condition
msel-pending = pending
msel-fired = { $count ->
    [one] fired
   *[other] fired { $count }×
}
msel-skipped = skipped
msel-fire = Fire now
msel-skip = Skip
msel-export = Print or share the MSEL and the controller's handbook
msel-exported = Written: { $path }
msel-export-extension = Name the file .html, .xlsx, .csv or .md

## Notes
notes-hint = An observation, stamped with the exercise time
notes-add = Add note
notes-none = No note yet.

## Selected service and actions
select-hint = Click a service on the map to see it and act on it.
select-on-map = Show on the map
capacity = capacity
not-visible-to-seat = Not visible to this seat.
buffer-left = On buffer: { $time } left
service-people = { $people } people served · criticality { $criticality }
depends-on = Depends on
needed-by = Needed by
actions-title = Actions
actions-acting-for = acting for { $team }
actions-none = No action this seat can take here.
actions-running = Under way
override-title = Override (exercise control)
override-apply = Force capacity
override-release = Release
override-hint = Force this service's capacity regardless of everything else
buffer-battery = battery
buffer-generator = generator

## Status
status-up = up
status-degraded = degraded
status-down = down
status-backup = on backup
status-recovering = recovering
status-unknown = unknown
status-compromised = compromised
status-isolated = isolated
role-operator = Operator
role-ministry = Ministry
role-ceptoar = CEPTOAR
role-centre = Coordination centre
role-organiser = Games organiser

## Map
legend-cascade = cascade
map-hint = drag: pan · wheel: zoom · click: select
map-fit = Fit

## Scores
scores-title = Live scores
scores-avoided = Impact avoided
scores-avoided-hint = Share of the service loss of a run with no team response (same seed) that the teams avoided so far
scores-teams = Team scores
tally-down = Services down
tally-degraded = Services degraded
tally-backup = On backup
tally-incidents = Open incidents
tally-messages = Messages
tally-impact = Impact (k person-hours)

## Event log
log-title = Event log
log-empty = Nothing has happened yet.
log-status = { $service }: { $status } ({ $capacity }%)
log-buffer-started = { $service }: running on { $buffer } until { $until }
log-buffer-spent = { $service }: { $buffer } spent
log-incident-opened = { $team } opened an incident: { $service } ({ $kind })
log-detected = { $team } noticed { $kind } at { $service }
log-sent = { $from } → { $to }: { $kind }
log-delivered = { $to } ← { $from }: { $kind }
log-action-started = { $team } started “{ $action }”{ $on } (done at { $done })
log-action-finished = { $team } finished “{ $action }”{ $on }
log-rejected = Refused: { $reason }
log-not-allowed = Refused: this seat may not give that command.

## End of exercise
end-title = End of exercise
end-stopped-at = Stopped at
end-export = Export the report or the journal
end-export-hint = The file name picks what is written: .html, .md, .csv or .json for the after-action report; .jsonl for the journal (every event and command, for replay and the debrief).
end-export-button = Export
end-exported = Written:
end-back-to-exercise = ◀ Back to the exercise
end-new = Choose another scenario

## Sessions on disk: resume, recording
resume-title = Unfinished sessions
resume-offer = Resume session “{ $scenario }” from T+{ $time }?
resume-detail = Started { $created } · { $commands ->
    [one] 1 command
   *[other] { $commands } commands
} · seed { $seed }
resume-dropped = Its last record is damaged and will be dropped: { $what }
resume-button = Resume ▶
resume-discard = Discard
resume-discard-hint = Hide it for now; the session stays on disk.
resume-hide-all = Not now: hide them all
resume-more = { $count ->
    [one] and 1 more
   *[other] and { $count } more
}
resume-failed = Cannot resume { $dir }: { $error }
resume-gate-title = Resume the session
resume-gate-text = The exercise is paused where the session stopped.
resume-gate-yes = Show the facilitator's view
resume-gate-cancel = Back to the scenario list
record-on = saved as it goes
record-failed = Recording to disk failed: { $error }. The exercise goes on, but from here it is not saved.
record-retry = Save to a new session
record-dropped = Resumed; a damaged record was dropped: { $what }
