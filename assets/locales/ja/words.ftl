# crossdrill 全体で使う語（日本語）。ID は ../en/words.ftl と揃える。

# The language, named in itself (the language switch).
lang-name = 日本語

list-sep = 、

## 時間の長さ（0 でない単位を順に）: 1時間30分
span-zero = 0秒
span-days = { $n }日
span-hours = { $n }時間
span-minutes = { $n }分
span-seconds = { $n }秒

## 短い時間: 45分、1時間05分、30秒
short-s = { $s }秒
short-m = { $m }分
short-ms = { $m }分{ $s }秒
short-h = { $h }時間
short-hm = { $h }時間{ $m }分
