# The journal's entries as one line each (the `run` timeline, the debrief), English.
# Keep the ids in step with ../ja/journal.ftl.

j-unknown = ?

## Service status, buffers, what a team detected
j-status-up = up
j-status-degraded = degraded
j-status-down = DOWN
j-status-on-backup = on backup
j-status-recovering = recovering
j-buffer-battery = battery
j-buffer-generator = generator
j-spent-battery = battery spent
j-spent-generator = generator spent
j-detect-compromise = compromise of { $service }
j-detect-tampering = data tampering of { $service }
j-detect-degradation = degradation of { $service }
j-detect-outage = outage of { $service }

## Dependencies
j-dep-physical = physical
j-dep-cyber = cyber
j-dep-geographic = geographic
j-dep-logical = logical
j-dep = { LOWER($from) } -> { LOWER($to) } ({ $kind }, { $delay })

## Why a service changed, and where it started
j-cause-dependency = via { $dep }
j-cause-threat = threat { $threat } step { $step }
j-cause-action = action run #{ $run } of { $team }
j-cause-inject = inject { $inject }
j-cause-facilitator = facilitator override
j-origin-threat = threat { $threat }
j-origin-inject = inject { $inject }
j-origin-note = ; origin { $origin }

## A service's change: status only, status and capacity, capacity only, neither
j-change-status = { $was } -> { $now }
j-change-both = { $was } -> { $now } ({ $from } -> { $to })
j-change-capacity = { $was } -> { $now } ({ $from } -> { $to })
j-change-none = { $was } -> { $now }
j-service-changed = { $service }: { $change }, { $cause }{ $origin }

## The world
j-buffer-started = { $service } runs on { $buffer } until { $until }
j-buffer-spent = { $service }: { $spent }
j-link-held = logical link { $dep } held this time: the provider's change at { $at } would have left the dependent at { $limit }
j-threat-started = threat { $threat } starts
j-threat-started-by = threat { $threat } starts (inject { $inject })
j-compromised = threat { $threat } compromises { $service }
j-spreads = threat { $threat } spreads from { $from } to { $service }
j-impact-outage = outage
j-impact-degradation = degradation to { $capacity }
j-impact-tampering = data tampering
j-impact-ddos = DDoS, capacity { $capacity }
j-impact = threat { $threat } hits { $service }: { $impact }
j-blocked-isolated = { $service } is isolated
j-blocked-patched = { $service } is patched
j-blocked-no-foothold = no foothold in { $service }
j-blocked = threat { $threat } step { $step } blocked: { $why }
j-cleaned = { $service } cleaned of threat { $threat }
j-loop-cut = { $service }: zero-delay loop cut (changes at this instant not passed on)

## Teams
j-incident-opened = { $team } opens incident #{ $incident }: { $what }
j-detected = { $team } detects { $what } (incident #{ $incident })
j-action-started = { $team } starts { $action } on { $target } (run #{ $run }, done at { $done })
j-action-finished = { $team } finishes { $action } on { $target } (run #{ $run })

## Messages
j-kind-report = Report
j-kind-alert = Alert
j-kind-request = Request
j-kind-information = Information
j-kind-public-statement = PublicStatement
j-from-inject = "{ $from }"
j-extra = {" "}({ $items })
j-extra-sep = {"; "}
j-extra-forwarding = forwarding #{ $message }
j-extra-severity = severity { $severity }
j-extra-status = status { $status }
j-extra-incidents = incidents { $incidents }
j-extra-about = about { $services }
j-sent = { $from } -> { $to }: { $kind } #{ $message }{ $extra }: "{ $text }"
j-delivered = message #{ $message } reaches { $team }

## Injects and notes
j-fired-time = on time
j-fired-condition = its condition holds
j-fired-facilitator = by the facilitator
j-inject-fired = inject { $inject } fires ({ $by })
j-inject-skipped = inject { $inject } skipped
j-note = note: { $text }

## Commands
j-cmd-act = {"["}{ $team }] act { $action } on { $target }
j-cmd-send = {"["}{ $team }] send { $kind } to { $to }
j-cmd-forward = {"["}{ $team }] forward #{ $message } to { $to }
j-cmd-broadcast = {"["}{ $team }] broadcast { $kind }
j-cmd-fire = [facilitator] fire { $inject }
j-cmd-skip = [facilitator] skip { $inject }
j-cmd-override = [facilitator] override { $service } to { $capacity }
j-cmd-release = [facilitator] release override of { $service }
j-cmd-note = [facilitator] note
j-cmd-assess = [evaluator] { $expectation }: { $verdict }
j-cmd-assess-note = [evaluator] { $expectation }: { $verdict } "{ $note }"
j-verdict-observed = observed
j-verdict-partly = partly observed
j-verdict-not-observed = not observed
