# コマンドラインの文（日本語）。ID は ../en/cli.ftl と揃える。

cli-error = エラー: { $what }
cli-warning = 警告: { $what }
cli-cannot-read = { $file }: 読み込めません: { $error }
cli-cannot-write = { $file }: 書き込めません: { $error }
cli-refused = { $place }: 受け付けられません: { $error }
cli-refused-at = { $place }: { $at } に受け付けられません: { $error }
cli-bad-duration = 時間 `{ $text }` を読めません（例: "30m"、"2h"）
cli-bad-until = --until `{ $text }` を読めません（例: "3h"）
cli-bad-at = --at `{ $text }` を読めません（例: "1h30m"）
cli-no-gui = この crossdrill は `gui` 機能なしでビルドされています
cli-bench-needs-exercise = --bench-frames は演習画面を計測します。シナリオファイルと --seat または --run-for を指定してください（例: `crossdrill gui scenarios/games-time-blackout.scenario.ron --seat facilitator --bench-frames 300`）

## run
cli-report-written = 報告書を { $file } に書き出しました
cli-refused-strict = { $count } 件のコマンドが受け付けられませんでした（--strict）
cli-refused-count = { $count } 件のコマンドが受け付けられませんでした

## generate
cli-cannot-write-ron = シナリオを RON で書き出せません: { $error }
cli-generated = { $file } を書き出しました（サービス { $services }、依存関係 { $dependencies }）
cli-too-few-teams = --teams { $teams }: { $least } 以上を指定してください（分野ごとに事業者チーム 1、省庁ごとに窓口 1、センター 1）

## validate
cli-valid-seed = { $file }: OK（シード）: 分野 { $sectors }、深刻度 { $levels } 段階、テンプレート { $templates }、{ $chain }
cli-seed-chain = 報告経路あり
cli-seed-no-chain = 報告経路なし
cli-valid = { $file }: OK: `{ $id }`、チーム { $teams }、サービス { $services }、依存関係 { $dependencies }、状況付与 { $injects }、脅威 { $threats }、対処 { $actions }、演習時間 { $duration }、目標 { $objectives }、期待される行動 { $expected }
cli-errors-found = { $file }: { $n } 件のエラー

## lint
cli-lint-clean = { $file }: 指摘はありません
cli-lint-findings = { $file }: 指摘 { $n } 件

## replay and fork
cli-replay-matches = { $file } と一致
cli-replay-open = 再実行できます（セッションは終了していないため、比べるジャーナルはまだありません）
cli-replay-ok = OK: { $file } { $what }: 記録 { $entries } 件、コマンド { $commands } 件、{ $until } まで、sha256 { $hash }
cli-damaged = 破損: { $what }
cli-differs = 不一致: { $what }
cli-forked = { $from } を { $at } で分岐し { $out } へ: コマンド { $commands } 件を引き継ぎ、記録 { $entries } 件、sha256 { $hash }
cli-fork-not-original = 分岐が元の演習から始まっていません
cli-compared = 元の演習との比較（{ $end } まで、{ $at } で分岐）:
cli-measure = 指標
cli-original = 元の演習
cli-fork = 分岐
cli-change = 差
cli-measure-score = 総合スコア
cli-measure-lost = サービスの損失（人・時間）
cli-measure-avoided = 回避できた影響（%）
cli-measure-team = チーム { $team }
cli-measure-incident = インシデント { $threat }

## report
cli-earlier-format = { $file } は以前の crossdrill で記録されました（ジャーナル形式 { $format }）: 記録どおりに採点しますが、無対応の場合はこの版の規則で再計算します

## sessions
cli-recovered = 復元: { $what }
cli-session-ended = セッションは終了しています。実行するものはありません
cli-session = セッション { $dir }: { $scenario } シード { $seed }、コマンド { $commands } 件、{ $at }{ $state }; ジャーナル 記録 { $entries } 件、sha256 { $hash }
cli-session-state-ended = 、終了
cli-session-state-open = 、再開できます
cli-no-sessions = { $dir } にセッションはありません
cli-session-row = { $dir }  { $created }  { $scenario } シード { $seed }  コマンド { $commands } 件  { $at }  { $state }{ $damaged }
cli-row-ended = 終了
cli-row-open = 再開可
cli-row-damaged = （末尾が破損）
cli-row-unreadable = { $dir }  読み込めません: { $error }

## host, join
cli-bad-listen = --listen `{ $text }` を読めません（例: "192.168.1.10:5000"）
cli-bad-speed = --speed は正の数です（`{ $text }` ではありません）
cli-seats-written = 席ファイル { $count } 件を { $dir } に書き出しました: それぞれをそのチームだけに渡してください（席ファイルはパスワードです）
cli-hosting = `{ $scenario }` を { $addr }（UDP）でホストしています。セッション { $dir }、時計 { $speed } 倍速、{ $until } まで
cli-seat-joined = 席 { $team } が { $addr } から参加しました
cli-seat-left = 席 { $team } が退出しました
cli-seat-refused = { $addr } からの接続を拒否しました: 席ファイルにこの演習の空いている席がありません
cli-bad-frame = 席 { $team }: メッセージを無視しました: { $why }
cli-seat-flood = 席 { $team }: 上限を超えたコマンド { $count } 件を適用しませんでした
cli-relinking = ホストとの接続が切れました: 再接続しています（応答のないコマンドは再送します）
cli-host-resumed = ホストしていたセッションを停止した所（{ $at }）から再開します: 各席は自動で再接続します
cli-host-ended = 演習は { $at } に終了しました: ジャーナル { $entries } 件、sha256 { $hash }
cli-joined = `{ $scenario }` に { $team } として参加しました
cli-command-refused = コマンド { $id } は適用されませんでした: { $why }
cli-join-ended = 演習は { $at } に終了しました: 送信 { $sent } 件、適用 { $applied } 件、不適用 { $refused } 件

# crossdrill batch
cli-batch-bad-seeds = --seeds `{ $text }` を読めません: A..B（Bを含まない）または A..=B の形で、AをBより小さくしてください
cli-batch-runs-seeds = --runs と --seeds が一致しません: どちらか一方を指定するか、同じ回数にしてください
cli-batch-no-runs = 実行回数を指定してください: --runs N または --seeds A..B
cli-batch-bad-bots = --bots: { $error }
cli-batch-progress = { $done }/{ $total } 回、残り約 { $eta } 秒
cli-batch-done = { $runs } 回を { $secs } 秒で実行（毎秒 { $rate } 回）
cli-batch-written = 平均得点 { $mean }（無対応 { $base }）、レポートを { $file } に書き出しました
cli-batch-write = { $dir } に較正結果を書き出せません: { $error }
cli-batch-read = { $error }（`crossdrill batch` が書き出したフォルダを指定してください）
cli-batch-merge = { $dir } を合算できません: { $why }
cli-batch-merge-different = 別の較正のバッチです（{ $what } が異なります）
cli-batch-merge-overlap = シード { $seed } が重複しています。重ならないシード範囲のシャードを指定してください
cli-batch-merge-format = 要約の形式 { $format } はこの版では読めません
cli-lint-intended = { $place }: 注記: 意図どおり: { $why }
cli-journal-no-version = { $file } はシナリオの版を記録していません（版を記録する前のジャーナルです）: コマンドの再実行で確認しましたが、シナリオの採点設定の変更は検出できません
cli-unverified = --unverified のため、信頼できないジャーナルを採点しました: { $what }。報告書の冒頭にその旨を記しています
