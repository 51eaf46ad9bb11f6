# The command line's sentences, English. Keep the ids in step with ../ja/cli.ftl.

cli-error = error: { $what }
cli-warning = warning: { $what }
cli-cannot-read = { $file }: cannot read: { $error }
cli-cannot-write = { $file }: cannot write: { $error }
cli-refused = { $place }: refused: { $error }
cli-refused-at = { $place }: refused at { $at }: { $error }
cli-bad-duration = cannot read duration `{ $text }` (write e.g. "30m" or "2h")
cli-bad-until = cannot read --until `{ $text }` (write e.g. "3h")
cli-bad-at = cannot read --at `{ $text }` (write e.g. "1h30m")
cli-no-gui = this crossdrill was built without the `gui` feature
cli-bench-needs-exercise = --bench-frames times the exercise screen: give a scenario file and --seat or --run-for (e.g. `crossdrill gui scenarios/games-time-blackout.scenario.ron --seat facilitator --bench-frames 300`)

## run
cli-report-written = report written to { $file }
cli-refused-strict = { $count } command(s) refused (--strict)
cli-refused-count = { $count } command(s) refused

## generate
cli-cannot-write-ron = cannot write the scenario as RON: { $error }
cli-generated = wrote { $file } ({ $services } services, { $dependencies } dependencies)
cli-too-few-teams = --teams { $teams }: give at least { $least } (one operator team per sector, one desk per ministry, the centre)

## validate
cli-valid-seed = { $file }: ok (seed): { $sectors } sectors, { $levels } severity levels, { $templates } templates, { $chain }
cli-seed-chain = a reporting chain
cli-seed-no-chain = no reporting chain
cli-valid = { $file }: ok: `{ $id }`, { $teams } teams, { $services } services, { $dependencies } dependencies, { $injects } injects, { $threats } threats, { $actions } actions, duration { $duration }, { $objectives } objectives, { $expected } expected actions
cli-errors-found = { $file }: { $n ->
    [one] { $n } error
   *[other] { $n } errors
} found

## lint
cli-lint-clean = { $file }: nothing to flag
cli-lint-findings = { $file }: { $n ->
    [one] { $n } finding
   *[other] { $n } findings
}

## replay and fork
cli-replay-matches = matches { $file }
cli-replay-open = replays (the session has not ended: no journal to compare yet)
cli-replay-ok = ok: { $file } { $what }: { $entries } entries, { $commands } commands, up to { $until }, sha256 { $hash }
cli-damaged = damaged: { $what }
cli-differs = differs: { $what }
cli-forked = forked { $from } at { $at } into { $out }: { $commands } commands kept, { $entries } entries, sha256 { $hash }
cli-fork-not-original = the fork does not start from the original run
cli-compared = compared with the original up to { $end } (forked at { $at }):
cli-measure = measure
cli-original = original
cli-fork = fork
cli-change = change
cli-measure-score = overall score
cli-measure-lost = service lost (person-hours)
cli-measure-avoided = impact avoided (%)
cli-measure-team = team { $team }
cli-measure-incident = incident { $threat }

## report
cli-earlier-format = { $file } was recorded by an earlier crossdrill (journal format { $format }): it is scored as recorded, but its no-response baseline is simulated under this version's rules

## sessions
cli-recovered = recovered: { $what }
cli-session-ended = the session has ended; nothing to play
cli-session = session { $dir }: { $scenario } seed { $seed }, { $commands } commands, at { $at }{ $state }; journal { $entries } entries, sha256 { $hash }
cli-session-state-ended = , ended
cli-session-state-open = , can be resumed
cli-no-sessions = no sessions in { $dir }
cli-session-row = { $dir }  { $created }  { $scenario } seed { $seed }  { $commands } commands  at { $at }  { $state }{ $damaged }
cli-row-ended = ended
cli-row-open = resumable
cli-row-damaged = {" "}(damaged end)
cli-row-unreadable = { $dir }  unreadable: { $error }

## host, join
cli-bad-listen = cannot read --listen `{ $text }` (write e.g. "192.168.1.10:5000")
cli-bad-speed = --speed must be a positive number, not `{ $text }`
cli-seats-written = { $count } seat files written to { $dir }: hand each to its team only (a seat file is a password)
cli-hosting = hosting `{ $scenario }` on { $addr } (UDP), session { $dir }, clock at { $speed }x until { $until }
cli-seat-joined = seat { $team } joined from { $addr }
cli-seat-left = seat { $team } left
cli-seat-refused = refused a connection from { $addr }: no free seat of this exercise in its seat file
cli-bad-frame = seat { $team }: message ignored: { $why }
cli-seat-flood = seat { $team }: { $count } commands over the limit were not applied
cli-relinking = the link to the host dropped: getting back in (commands not yet answered are sent again)
cli-host-resumed = resuming the hosted session where it stopped, at { $at }: the seats reconnect by themselves
cli-host-ended = the exercise ended at { $at }: journal { $entries } entries, sha256 { $hash }
cli-joined = joined `{ $scenario }` as { $team }
cli-command-refused = command { $id } not applied: { $why }
cli-join-ended = the exercise ended at { $at }: { $sent } commands sent, { $applied } applied, { $refused } not applied

# crossdrill batch
cli-batch-bad-seeds = cannot read --seeds `{ $text }`: write A..B (B not included) or A..=B, with A below B
cli-batch-runs-seeds = --runs and --seeds disagree: give one, or the same count
cli-batch-no-runs = say how many runs: --runs N, or --seeds A..B
cli-batch-bad-bots = --bots: { $error }
cli-batch-progress = { $done }/{ $total } runs, about { $eta } s to go
cli-batch-done = { $runs } runs in { $secs } s ({ $rate } runs/s)
cli-batch-written = mean score { $mean } (no response { $base }); report written to { $file }
cli-batch-write = cannot write the calibration into { $dir }: { $error }
cli-batch-read = { $error } (give folders written by `crossdrill batch`)
cli-batch-merge = cannot merge { $dir }: { $why }
cli-batch-merge-different = it is a batch of another calibration (its { $what } differs)
cli-batch-merge-overlap = seed { $seed } was run twice; give shards over separate seeds
cli-batch-merge-format = its summary has format { $format }, which this version does not read
cli-lint-intended = { $place }: note: intended: { $why }
cli-journal-no-version = { $file } does not name the version of its scenario (it was recorded before journals did): it was checked by replaying its commands, which does not show a change to the scenario's scoring
cli-unverified = scored with --unverified, although the journal is not believed: { $what }; the report says so at its top
