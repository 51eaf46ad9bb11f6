# エンジンがコマンドを受け付けなかった理由（日本語）。ID は ../en/refusal.ftl と揃える。

refused-unknown-team = チーム番号 { $n } はありません
refused-unknown-action = 対処番号 { $n } はありません
refused-unknown-service = サービス番号 { $n } はありません
refused-unknown-organisation = 組織番号 { $n } はありません
refused-unknown-inject = 状況付与番号 { $n } はありません
refused-unknown-message = メッセージ #{ $n } はありません
refused-role-operator = 事業者
refused-role-ministry = 所管省庁
refused-role-ceptoar = セプター
refused-role-centre = 対処調整センター
refused-role-organiser = 大会組織委員会
refused-role = チーム `{ $team }` の役割は「{ $role }」です。対処 `{ $action }` は { $allowed } のものです
refused-wrong-target = 対処 `{ $action }` の対象は{ $expected ->
    [organisation] チームの組織
   *[service] チームのサービス
}です
refused-not-controlled = チーム `{ $team }` は `{ $target }` を担当していません
refused-not-suspected = チーム `{ $team }` には `{ $service }` への侵入の兆候がありません（検知もメッセージもありません）
refused-already-running = 対処 `{ $action }` は `{ $target }` で実施中です
refused-no-channel = `{ $from }` から `{ $to }` への連絡経路はありません
refused-no-recipients = メッセージには宛先が1つ以上必要です
refused-to-self = チーム `{ $team }` は自分宛てにメッセージを送れません
refused-not-centre = { $what ->
    [broadcast] 一斉送信
   *[forward] メッセージの転送
}ができるのは対処調整センターだけです。`{ $team }` の役割は「{ $role }」です
refused-bad-severity = 深刻度 { $n } は 0〜4 の範囲外です
refused-bad-capacity = 稼働率 { $x } は 0〜1 の範囲外です
refused-unknown-incident = チーム `{ $team }` はインシデント #{ $incident } を把握していません
refused-not-in-inbox = メッセージ #{ $message } は `{ $team }` の受信箱にありません
refused-inject-spent = 状況付与 `{ $inject }` は実施できる回数を使い切りました
refused-inject-skipped = 状況付与 `{ $inject }` は取りやめになりました
