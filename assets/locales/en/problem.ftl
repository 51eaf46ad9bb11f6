# Problems in a scenario file, English. Keep the ids in step with ../ja/problem.ftl.

problem-line = { $file }:{ $line }:{ $col }: { $level }: { $what }
problem-error = error
problem-warning = warning
problem-hint = {"  "}hint: { $hint }
# A noun, by its key (the English words in kebab case); English keeps the text.
problem-noun = { $text }

problem-io = cannot read the file: { $a }
problem-syntax = { $a }
problem-missing-include = include `{ $a }` not found
problem-circular-include = circular include: { $a }
problem-missing = missing `{ $a }`
problem-unknown = unknown { $what } `{ $id }`
problem-duplicate = duplicate { $what } id `{ $id }`
problem-empty-id = empty { $what } id
problem-controls-nothing = team `{ $a }` controls no organisation
problem-played-twice = organisation `{ $org }` is played by two teams, `{ $first }` and `{ $second }`
problem-self-dependency = service `{ $a }` depends on itself
problem-self-channel = channel from team `{ $a }` to itself
problem-no-kind = dependency `{ $a }` has no kind
problem-bad-duration = cannot read duration `{ $a }`
problem-negative-duration = negative duration `{ $a }`
problem-long-duration = duration `{ $a }` is longer than 366 days, the longest an exercise may last
problem-zero-duration = { $what } must not be zero
problem-bad-severity = severity { $a } is outside 0..4
problem-out-of-range = { $what } { $value } is outside 0..1
problem-out-of-bounds = { $what } { $value } is outside { $range }
problem-severity-twice = severity level { $a } is defined twice
problem-severity-missing = severity level { $a } is not defined
problem-no-trigger = inject `{ $a }` has neither `at` nor `when`
problem-two-triggers = inject `{ $a }` has both `at` and `when`
problem-no-latency = channel `{ $from }` -> `{ $to }` has no latency and no reporting chain is included
problem-bad-language = unknown language `{ $a }`
problem-bad-start-clock = cannot read start clock `{ $a }`
problem-bad-colour = bad colour `{ $a }`
problem-empty-text = text has neither `en` nor `ja`
problem-zero-delay-cycle = zero-delay dependency cycle: { $a }
problem-fail-loop = loop of `Fail` dependencies that nothing can break: { $a }
problem-after-end = { $what } at { $at } is after the end of the exercise ({ $end })
problem-nothing-expected = objective `{ $a }` has no expected action linked to it
problem-no-channel-for = team `{ $from }` has no channel to `{ $to }`: the expected message can never be seen

## The lint's findings (`crossdrill lint`)
problem-never-fires = inject `{ $inject }` can never fire: { $why }
problem-never-at-end = it waits until { $at }, and the exercise ends at { $end }
problem-never-down = it waits for service `{ $a }` to be down, and nothing can take it down
problem-never-message = it waits for a message to team `{ $a }`, and no channel or inject message reaches that team
problem-never-message-kind = it waits for a `{ $kind }` message to team `{ $team }`, and no channel reaches that team
problem-never-action = it waits for action `{ $a }`, which no team may take
problem-never-action-by = it waits for team `{ $team }` to take action `{ $action }`, which that team may not take
problem-never-any = none of the conditions in its `Any` can hold
problem-never-not = its `Not` negates a condition that always holds
problem-unaffected = nothing in the scenario can affect service `{ $a }`: no threat step or inject names it, and it depends on no service that is affected
problem-unreachable = team `{ $a }` can never receive an incident or a message
problem-no-team-may-take = no team may take action `{ $a }`
problem-report-no-channel = threat `{ $a }` can never be reported: no team playing its targets has a channel to a ministry desk or the centre
problem-slow-report = threat `{ $threat }`: the fastest report from its owners to a ministry desk or the centre takes { $took }, longer than the report deadline ({ $deadline })
problem-share-no-path = threat `{ $threat }` can never be shared with team `{ $team }`: no channel path leads there from its owners
problem-slow-share = threat `{ $threat }`: the fastest message from its owners to team `{ $team }` takes { $took }, longer than the share deadline ({ $deadline })

# Run-based lint findings.
problem-never-fired = inject `{ $inject }` fired in none of { $runs } runs (textbook and absent bot teams)
problem-branch-never-held = this part of inject `{ $inject }`'s condition held in none of { $runs } runs
problem-link-never-held = the logical link `{ $from }` -> `{ $to }` never took hold in { $runs } runs
problem-no-discrimination = scoring does not tell a good response from none: textbook bot teams average { $textbook }, absent ones { $absent } (less than 15 points apart)
