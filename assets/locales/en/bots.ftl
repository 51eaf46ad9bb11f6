# Bot teams: the texts a bot writes in its messages, and errors in a cast.
bot-text-report = Incident report from an automated team: see the services and status attached.
bot-text-alert = Warning from an automated team: our incident may affect your services; check your backups.
bot-text-relay = Passed on by an automated team: see the incident and services attached.
bot-text-forward = Forwarded by the automated coordination centre.
bot-unknown-profile = unknown bot profile `{ $profile }`: use textbook, realistic or absent
bot-unknown-team = no team `{ $team }` in the scenario { $hint }
