# セッション、ジャーナル、再実行、報告書で起きた問題（日本語）。ID は ../en/errors.ftl と揃える。

error-io = { $path }: { $error }
error-not-a-session = { $path }: セッションのフォルダではありません（session.json がありません）
error-session-exists = { $path }: すでにセッションがあります。再開するか、別のフォルダを選んでください
error-header = { $path }: セッションのヘッダを読めません: { $message }。crossdrill が書いた session.json ではないか、壊れています。何も変更していません
error-format = { $path }: 新しい crossdrill で書かれています（形式 { $found }。この版が読めるのは { $known } まで）
error-corrupt = { $path }:{ $line }: ファイルの途中の記録が壊れています: { $message }。何も変更しておらず、この後の記録も捨てていません。フォルダを複製から戻すか、その行を手で直してください（記録は 0, 1, 2 … と数え、時刻は戻りません）
error-scenario = シナリオを読み込めません:
    { $problems }
error-wrong-scenario = シナリオは `{ $found }` ですが、{ $what ->
    [journal] ジャーナル
    [session] セッション
   *[other] { $what }
}は `{ $expected }` のものです
error-scenario-not-found = `{ $id }` のシナリオファイルが見つかりません（探した場所: { $looked }）。--scenario で指定してください
error-refused = { $path }:{ $line }: { $at } のコマンドが再実行で受け付けられませんでした: { $error }。記録か、その横のシナリオのコピーが編集されています。何も変更していません
error-journal = { $path }:{ $line }: ジャーナルを読めません: { $message }
error-time-went-back = 時間は戻せません: セッションは { $now }、記録は { $at } です
error-finished = { $path }: セッションは終了しています。続けるには分岐してください
error-journal-line = { $line } 行目: { $message }
error-journal-empty = ジャーナルが空です（ヘッダ行がありません）
error-replay-refused = { $at } 秒のコマンド { $index } が受け付けられませんでした: { $error }
error-score-wrong-scenario = ジャーナルはシナリオ `{ $journal }` のもので、`{ $scenario }` のものではありません
error-report-write = { $path }: 書き込めません: { $error }

## ネットワーク演習
error-net-seat-file = { $path }: 席ファイルを読めません: { $why }
error-net-listen = { $addr } で待ち受けできません: { $why }
error-net-unspecified = --listen { $addr }: 訓練者が接続できるアドレス（例: 192.168.1.10:5000）を指定してください。未指定アドレスは使えません
error-net-token = 席を作れません: { $why }
error-net-refused = { $secs } 秒以内にホストに接続できないか、ホストがこの席ファイルを拒否しました
error-net-lost = 演習の終了前にホストとの接続が切れました
error-net-wrong-seat = ホストが割り当てた席は `{ $given }` ですが、席ファイルは `{ $file }` です
error-net-from-host = ホストから読めないデータが届きました（{ $why }）。ホストと席の crossdrill は同じ版ですか。ファシリテーターに確認してから参加し直してください
error-net-scenario-too-large = 席が読むシナリオは { $bytes } バイトで、1 フレームの上限 { $limit } を超えています。シナリオを小さく分けてください
error-frame-too-large = { $bytes } バイトのフレームは上限を超えています
error-frame-malformed = フレームがメッセージではありません: { $why }
error-net-not-yours = 席は自チームのコマンドしか送れません
error-net-busy = コマンドが多すぎます。適用されていません。まもなく再送します
error-net-unanswered = ホストの応答より先に演習が終了しました: 適用されていません
error-sheet = 表計算ファイルを書き出せません: { $error }
error-journal-other-version = このジャーナルはシナリオ `{ $scenario }` の別の版で記録されています（指定したファイルと内容が異なります）: 演習に使ったシナリオファイルを指定してください
error-journal-refused = エントリ { $entry }（{ $at }）: ジャーナルのコマンドを再実行すると、エンジンがこのコマンドを拒否します（{ $why }）: ジャーナルが編集されたか壊れています
error-journal-differs = エントリ { $entry }（{ $at }）が、シナリオとジャーナルのコマンドから得られる内容と一致しません: ジャーナルが編集されたか壊れているか、シナリオの別の版のものです
error-journal-length = ジャーナルのエントリは { $journal } 件ですが、そのコマンドからは { $replay } 件になります: 途中で切れているか、追記されています
error-journal-range = エントリ { $entry }: `{ $field }` が { $value } ですが、シナリオには { $count } 個しかありません: ジャーナルが編集されたか壊れているか、シナリオの別の版のものです
error-journal-unmade = エントリ { $entry }: `{ $field }` { $value } は、このエントリより前にはまだありません（ここまでに { $count } 個）: ジャーナルが編集されたか壊れています
error-journal-turn = エントリ { $entry }: `{ $field }` { $value } の番号が順番どおりではありません（次は { $count } のはずです）: ジャーナルが編集されたか壊れています
error-journal-number = エントリ { $entry }: `{ $field }` が { $value } で、範囲 { $range } の外です: ジャーナルが編集されたか壊れています
error-journal-entry-id = エントリ { $entry }: `id` が { $value } です。エントリは 0, 1, 2 … と数えるので、抜け・重複・編集があります
error-journal-time-back = エントリ { $prev } と { $entry }: 時刻が { $before } から { $at } に戻っています: ジャーナルが編集されたか壊れています
error-journal-before = エントリ { $entry }: `{ $field }` { $at } がエントリ自身の時刻 { $before } より前です: ジャーナルが編集されたか壊れています
error-journal-after-end = エントリ { $entry }: 時刻 { $at } がヘッダに記録された終了時刻（{ $until }）より後です: ジャーナルが編集されたか壊れています
error-session-missing = { $path }: ありません: セッションのフォルダには session.json、scenario.ron、commands.jsonl があるはずですが、このファイルがなくなっています。何も変更していません。フォルダの複製からファイルを戻してください
error-session-scenario-edited = { $path }: セッションの開始後にシナリオのコピーが編集されています（session.json に記録された版ではありません）。記録は作られたときの版でしか再実行できません。何も変更していません。セッションが作ったコピーを戻すか、編集したシナリオで新しいセッションを始めてください
