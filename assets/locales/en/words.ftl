# Words shared by every part of crossdrill, English. Keep the ids in step with ../ja/words.ftl.

# The language, named in itself (the language switch).
lang-name = EN

list-sep = {", "}

## Spans of time, every non-zero unit in turn: 1h30m
span-zero = 0s
span-days = { $n }d
span-hours = { $n }h
span-minutes = { $n }m
span-seconds = { $n }s

## Short spans: 45m, 1h05m, 30s
short-s = { $s }s
short-m = { $m }m
short-ms = { $m }m{ $s }s
short-h = { $h }h
short-hm = { $h }h{ $m }m
