# セッション、ジャーナル、再実行、報告書で起きた問題（日本語）。ID は ../en/errors.ftl と揃える。

error-io = { $path }: { $error }
error-not-a-session = { $path }: セッションのフォルダではありません（session.json がありません）
error-session-exists = { $path }: すでにセッションがあります。再開するか、別のフォルダを選んでください
error-header = { $path }: セッションのヘッダを読めません: { $message }
error-format = { $path }: 新しい crossdrill で書かれています（形式 { $found }。この版が読めるのは { $known } まで）
error-corrupt = { $path }:{ $line }: ファイルの途中の記録が壊れています: { $message }
error-scenario = シナリオを読み込めません:
    { $problems }
error-wrong-scenario = シナリオは `{ $found }` ですが、{ $what ->
    [journal] ジャーナル
    [session] セッション
   *[other] { $what }
}は `{ $expected }` のものです
error-scenario-not-found = `{ $id }` のシナリオファイルが見つかりません（探した場所: { $looked }）。--scenario で指定してください
error-refused = { $path }:{ $line }: { $at } のコマンドが再実行で受け付けられませんでした: { $error }
error-journal = { $path }:{ $line }: ジャーナルを読めません: { $message }
error-time-went-back = 時間は戻せません: セッションは { $now }、記録は { $at } です
error-finished = { $path }: セッションは終了しています。続けるには分岐してください
error-journal-line = { $line } 行目: { $message }
error-journal-empty = ジャーナルが空です（ヘッダ行がありません）
error-replay-refused = { $at } 秒のコマンド { $index } が受け付けられませんでした: { $error }
error-score-wrong-scenario = ジャーナルはシナリオ `{ $journal }` のもので、`{ $scenario }` のものではありません
error-report-write = { $path }: 書き込めません: { $error }
