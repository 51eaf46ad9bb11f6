# crossdrill デブリーフの文言（日本語）。ID は ../en/debrief.ftl と揃えること。
# crossdrill.ftl と一緒に読み込まれる。ここの ID はすべて `debrief-` で始まる。

debrief-open = デブリーフを開く ▶
debrief-title = デブリーフ
debrief-back = ◀ 戻る
debrief-source-exercise = いま終えた演習
debrief-source-session = セッション { $path }
debrief-source-journal = ジャーナル { $path }
debrief-seed = シード { $seed }
debrief-replay-same = ✔ 再シミュレーション：ファイルと一致
debrief-replay-same-hint = シナリオ・シード・コマンドから、このジャーナルがバイト単位で同じに再現されます。
debrief-replay-differs = ⚠ 再シミュレーション：ファイルと不一致
debrief-replay-refused = ⚠ 再生が { $at } のコマンドを拒否しました：{ $error }
debrief-dropped = ⚠ 破損した最後の記録を除外しました：{ $what }
debrief-forked-from = { $path } の { $at } から分岐
## タブ
debrief-tab-timeline = タイムライン
debrief-tab-scores = スコア
debrief-tab-charts = グラフ
debrief-tab-notes = メモと報告書

## スコア
debrief-overall = 総合スコア
debrief-scored-until = { $end } までを採点
debrief-impact = サービスへの影響（重要度で重み付けした人・時間の損失）
debrief-impact-run = この演習
debrief-impact-baseline = 対応なし（同じシード）
debrief-impact-avoided = 回避率
debrief-sector = 分野
debrief-teams = チーム
debrief-team = チーム
debrief-role = 役割
debrief-score = スコア
debrief-grade = 評価
debrief-duties = 期限内・遅延・未実施
debrief-duties-hint = このチームが担う対応段階：期限内に実施、遅れて実施、未実施。
debrief-incidents = インシデント
debrief-incident = インシデント
debrief-severity = 深刻度
debrief-started = 発生
debrief-phase-detect = 検知
debrief-phase-report = 報告
debrief-phase-share = 共有
debrief-phase-contain = 封じ込め
debrief-phase-restore = 復旧
debrief-phase-hint = インシデント発生からの所要時間 / 期限
debrief-outcome-ontime = 期限内
debrief-outcome-late = 遅延
debrief-outcome-missed = 未実施
debrief-outcome-open = 未確定
debrief-outcome-na = 対象外
debrief-no-incidents = この演習では、脅威は何も起こしませんでした。
debrief-no-score = この演習は採点できません：{ $error }

## グラフ
debrief-chart-capacity = 分野別の稼働率（%）
debrief-chart-capacity-hint = 実線：この演習。破線：同じシードでチームが対応しなかった場合。縦線はタイムラインの時点。
debrief-chart-response = 期限に対する対応時間（分）
debrief-chart-response-hint = 棒：インシデント発生から各段階までの時間（緑は期限内、黄は遅延）。赤い印：期限。赤い×：未実施。
debrief-chart-messages = チーム別の送信メッセージ数（累計）
debrief-chart-deadline = 期限
debrief-chart-not-done = 未実施
debrief-chart-baseline = { $sector }（対応なし）

## タイムライン
debrief-moment = 時点
debrief-scrub-hint = ドラッグすると、ジャーナルから演習の任意の時点の状況を再構成します
debrief-step-back = ◀ { $step }
debrief-step-forward = { $step } ▶
debrief-to-start = ⏮
debrief-to-end = ⏭
debrief-play-from-here = ▶ ここから再演
debrief-play-from-here-hint = この時点から新しい演習を始めます（同じシード、ここまでのコマンド）。別の判断を試せます。そのデブリーフではこの演習と比較します。
debrief-truth = 実際の状況
debrief-view-of = このチームに見えていたもの：
debrief-view-none = （チームを選択）
debrief-view-unknown = 灰色：このチームからは見えない
debrief-around = この時点の前後
debrief-nothing-yet = まだ何も起きていません。
debrief-not-up = 完全には稼働していないサービス
debrief-all-up = すべてのサービスが稼働中です。
debrief-team-incidents = 把握していたインシデント
debrief-team-inbox = 直近の受信メッセージ
debrief-none = なし
debrief-mark-threat = 攻撃の段階
debrief-mark-control = 演習統制
debrief-mark-team = チームの判断
debrief-mark-note = メモ
debrief-cascades = 波及中 { $count } 件
debrief-incidents-open = 未解決のインシデント { $count } 件
debrief-inbox = 受信メッセージ { $count } 件

## メモと報告書
debrief-notes = 観察者のメモ
debrief-no-notes = この演習ではメモはありません。
debrief-go-to = この時点へ
debrief-export = 事後報告書を書き出す
debrief-export-hint = 拡張子で形式が決まります：.html、.md、.csv、.json（.jsonl はジャーナル）。
debrief-export-button = 書き出す
debrief-exported = 書き出しました：{ $path }
debrief-exported-compare = 元の演習との比較：{ $path }

## 分岐と比較
debrief-compare = 元の演習との比較
debrief-compare-note = { $at } から分岐。両方を { $end } まで採点。
debrief-compare-what = 項目
debrief-compare-original = 元の演習
debrief-compare-fork = この演習
debrief-compare-change = 差
debrief-compare-lost = サービス損失（人・時間）
debrief-compare-avoided = 影響の回避率
debrief-fork-failed = ここから始められません：{ $error }
