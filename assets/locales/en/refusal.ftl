# Why the engine refused a command, English. Keep the ids in step with ../ja/refusal.ftl.

refused-unknown-team = there is no team number { $n }
refused-unknown-action = there is no action number { $n }
refused-unknown-service = there is no service number { $n }
refused-unknown-organisation = there is no organisation number { $n }
refused-unknown-inject = there is no inject number { $n }
refused-unknown-message = there is no message #{ $n }
refused-role-operator = Operator
refused-role-ministry = Ministry
refused-role-ceptoar = Ceptoar
refused-role-centre = Centre
refused-role-organiser = Organiser
refused-role = team `{ $team }` plays a { $role } role; action `{ $action }` is for { $allowed }
refused-wrong-target = action `{ $action }` is taken on { $expected ->
    [organisation] one of the team's organisations
   *[service] one of the team's services
}
refused-not-controlled = team `{ $team }` does not control `{ $target }`
refused-not-suspected = team `{ $team }` has no sign that `{ $service }` is compromised (no detection or message names it)
refused-already-running = action `{ $action }` is already under way on `{ $target }`
refused-no-channel = there is no channel from `{ $from }` to `{ $to }`
refused-no-recipients = a message needs at least one recipient
refused-to-self = team `{ $team }` cannot send a message to itself
refused-not-centre = only the coordination centre can { $what ->
    [broadcast] broadcast
   *[forward] forward messages
}; `{ $team }` plays a { $role } role
refused-bad-severity = severity { $n } is outside 0..=4
refused-bad-capacity = capacity { $x } is outside 0..=1
refused-unknown-incident = team `{ $team }` does not know incident #{ $incident }
refused-not-in-inbox = message #{ $message } is not in the inbox of `{ $team }`
refused-inject-spent = inject `{ $inject }` has already fired as often as it may
refused-inject-skipped = inject `{ $inject }` was skipped
