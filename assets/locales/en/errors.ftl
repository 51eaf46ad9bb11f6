# What went wrong with a session, a journal, a replay or a report, English.
# Keep the ids in step with ../ja/errors.ftl.

error-io = { $path }: { $error }
error-not-a-session = { $path }: not a session folder (it has no session.json)
error-session-exists = { $path }: already holds a session; resume it or choose another folder
error-header = { $path }: cannot read the session header: { $message }. It is not a session.json written by crossdrill, or it was damaged; nothing was changed
error-format = { $path }: written by a newer crossdrill (format { $found }; this one reads up to { $known })
error-corrupt = { $path }:{ $line }: damaged record in the middle of the file: { $message }. Nothing was changed, and nothing after it is dropped: restore the folder from a copy, or repair that line by hand (records count 0, 1, 2 … and their times never go back)
error-scenario = the scenario does not load:
    { $problems }
error-wrong-scenario = the scenario is `{ $found }`, but the { $what } is of `{ $expected }`
error-scenario-not-found = no scenario file found for `{ $id }` (looked at { $looked }); give it with --scenario
error-refused = { $path }:{ $line }: the command at { $at } was refused on replay: { $error }. The record was edited, or the scenario copy beside it was; nothing was changed
error-journal = { $path }:{ $line }: cannot read the journal: { $message }
error-time-went-back = time cannot go back: the session stands at { $now }, the record is at { $at }
error-finished = { $path }: the session has ended; fork it to play on
error-journal-line = line { $line }: { $message }
error-journal-empty = the journal is empty (no header line)
error-replay-refused = command { $index } at { $at }s was refused: { $error }
error-score-wrong-scenario = the journal is of scenario `{ $journal }`, not of `{ $scenario }`
error-report-write = { $path }: cannot write: { $error }

## Networked exercises
error-net-seat-file = { $path }: cannot read the seat file: { $why }
error-net-listen = cannot listen on { $addr }: { $why }
error-net-unspecified = --listen { $addr }: give the address the trainees reach (for example 192.168.1.10:5000), not an unspecified one
error-net-token = cannot make a seat: { $why }
error-net-refused = the host was not reachable, or it refused this seat file, within { $secs } s
error-net-lost = the connection to the host was lost before the exercise ended
error-net-wrong-seat = the host gives seat `{ $given }`, but the seat file says `{ $file }`
error-net-from-host = the host sent something this client cannot read ({ $why }): are host and seat on the same crossdrill version? Ask the facilitator, then join again
error-net-scenario-too-large = the scenario as a seat reads it is { $bytes } bytes, over the { $limit } a seat takes in one frame: split it into smaller scenarios
error-frame-too-large = a frame of { $bytes } bytes is over the limit
error-frame-malformed = a frame is not a message: { $why }
error-net-not-yours = a seat may give only its own team's commands
error-net-busy = too many commands at once: not applied; it is sent again in a moment
error-net-unanswered = the exercise ended before the host answered: not applied
error-sheet = cannot write the spreadsheet: { $error }
error-journal-other-version = this journal was recorded with another version of scenario `{ $scenario }` (its content differs from the file given): give the scenario file the drill was run with
error-journal-refused = entry { $entry } (at { $at }): replaying the journal's commands, the engine refuses this one ({ $why }): the journal was edited or damaged
error-journal-differs = entry { $entry } (at { $at }) is not what the scenario and the journal's commands give: the journal was edited or damaged, or belongs to another version of the scenario
error-journal-length = the journal has { $journal } entries, but its commands give { $replay }: it was cut short or added to
error-journal-range = entry { $entry }: `{ $field }` is { $value }, but the scenario has only { $count }: the journal was edited or damaged, or belongs to another version of the scenario
error-journal-unmade = entry { $entry }: `{ $field }` { $value } names one not made before this entry (there are { $count } so far): the journal was edited or damaged
error-journal-turn = entry { $entry }: `{ $field }` { $value } is made out of turn ({ $count } was next): the journal was edited or damaged
error-journal-number = entry { $entry }: `{ $field }` is { $value }, outside { $range }: the journal was edited or damaged
error-journal-entry-id = entry { $entry }: its `id` is { $value }: entries count 0, 1, 2 …, so one is missing, repeated or edited
error-journal-time-back = entries { $prev } and { $entry }: the time goes back from { $before } to { $at }: the journal was edited or damaged
error-journal-before = entry { $entry }: `{ $field }` { $at } is before the entry's own time { $before }: the journal was edited or damaged
error-journal-after-end = entry { $entry }: its time { $at } is after the end the header records ({ $until }): the journal was edited or damaged
error-session-missing = { $path }: missing: a session folder holds session.json, scenario.ron and commands.jsonl, and this one has lost this file. Nothing was changed: put the file back from a copy of the folder
error-session-scenario-edited = { $path }: the scenario copy was edited after the session began (it is not the version session.json records), and the records replay only against the version they were made with. Nothing was changed: put back the copy the session made, or start a new session from the edited scenario
