# crossdrill UI 文字列（日本語）。id は ../en/crossdrill.ftl と揃えること。

app-title = crossdrill
app-tagline = 重要インフラ分野横断サイバー演習
screen-select = シナリオを選ぶ
lang-switch = 表示言語
back = ◀ 戻る
yes = はい
no = いいえ

## シナリオ選択
select-heading = シナリオ
select-builtin = アプリに組み込み
select-folder = シナリオのフォルダを開く（パス）:
select-open-folder = フォルダを開く
select-none = シナリオがありません。
select-errors = エラー { $count } 件
select-broken = このファイルにはエラーがあり、ディスク上の内容のままでは実施できません。
select-last-good = 最後に読み込めた版を下に表示しています。この版で実施できます。
select-pattern = 想定の類型
select-duration = 演習時間
select-start = 開始時刻
select-services = サービス / 依存関係
select-team-count = チーム
select-teams = { $count } チーム
select-sectors = 分野（★ 重点分野）
select-team-list = チーム
select-continue = ブリーフィングへ ▶

## ブリーフィング
briefing-brief = 状況説明
briefing-seats = 席の割り当て
briefing-seats-hint = 各チームの担当者を記入します。空欄のチームは統制側が担当します。
briefing-team = チーム
briefing-role = 役割
briefing-played-by = 担当
briefing-played-by-control = 統制側
briefing-bot-textbook = 模範ボット
briefing-bot-realistic = 現実的ボット
briefing-bot-absent = 不在ボット（何もしない）
briefing-bot-hint = この画面で担当しないチームは、チーム自身の視点でプレイするボットに任せられます。模範（すべての手順を速やかに）と現実的（人間らしい遅れや抜けあり）があります。
briefing-this-screen = この画面の席
briefing-seed = 乱数シード
briefing-start = 演習開始 ▶

## 席
seat = 席:
seat-facilitator = ファシリテーター（統制）
seat-observer = オブザーバー
seat-bot = { $team } — { $bot }
seat-switch-hint = この画面の席を切り替えます（確認あり）
seat-confirm-title = 席を切り替えますか？
seat-confirm-ground-truth = この席では実際の状況（グランドトゥルース）がすべて見えます。訓練参加者に画面が見えないことを確認してください。
seat-confirm-team = この画面には、このチームが知り得る情報だけが表示されます。
seat-confirm-yes = 切り替える
seat-confirm-no = キャンセル

## 時計
clock-exercise-time = 演習開始からの経過時間
clock-wall-time = シナリオ上の時刻
clock-length = 演習の進み具合
clock-pause = 一時停止
clock-resume = 再開
clock-paused = 一時停止中
clock-control-hint = 時計を操作できるのはファシリテーターの席だけです。
clock-running = { $speed } 倍速で進行中
clock-next-inject = 次の状況付与 { $time } ⏭
clock-next-inject-hint = 次の予定された状況付与まで時計を進めます
clock-no-inject = 予定された状況付与はありません
end-exercise = 演習終了
end-confirm = 演習を今終了しますか？

## シナリオファイルの変更
reload-offer = シナリオファイルがディスク上で変更されました。
reload-restart = 新しい版で最初からやり直す
reload-keep = このまま続ける
reload-broken = ⚠ ディスク上のシナリオファイルにエラーがあります。最後に読み込めた版を使っています（詳細はマウスを重ねて表示）。

## タブ
tab-incidents = インシデント（{ $count }）
tab-inbox = 受信箱（{ $count }）
tab-msel = 状況付与（MSEL）
tab-notes = メモ
tab-checklist = 評価表
check-none-designed = このシナリオには期待される行動がない。
check-none-yet = 状況付与や攻撃の開始に合わせて、期待される行動がここに表示される。
check-due = 期限 { $at }
check-recorded = 記録済み: { $verdict }（{ $at }）
check-suggested = 記録から: { $verdict }。確認するか修正してください。
check-open = まだ確認されていない。
check-note-hint = 観察した内容（報告書に載る）
check-confirm = 確認
check-record = 記録

## インシデント
incidents-none = インシデントはまだありません。
incident-opened = 起票
incident-more = ほか { $n } 件のサービス
phase-detect = 検知
phase-report = 報告
phase-share = 共有
phase-restore = 復旧
detect-compromise = 侵入
detect-tampering = データ改ざん
detect-degradation = 機能低下
detect-outage = 停止

## 受信箱とメッセージ作成
inbox-empty = メッセージはまだありません。
compose-open = ✉ メッセージを書く
compose-title = 新しいメッセージ
compose-from = 送信元
compose-to = 宛先
compose-pick = 選択…
compose-no-channel = このチームには連絡経路がありません
compose-kind = 種別
compose-severity = 深刻度
compose-incidents = 関連インシデント
compose-services = 関連サービス
compose-text = 本文
compose-text-hint = 何が起きたか、何が分かっているか、何が必要か
compose-send = 送信
compose-needs = 宛先を選び、本文を書いてください。
kind-report = 報告
kind-alert = 注意喚起
kind-request = 要請
kind-information = 情報提供
kind-public-statement = 公表

## 状況付与
msel-empty = このシナリオには状況付与がありません。
msel-conditional = 条件成立時
msel-pending = 未実施
msel-fired = 実施済み（{ $count } 回）
msel-skipped = 取りやめ
msel-fire = 今すぐ実施
msel-skip = 取りやめる
msel-export = MSEL と統制官ハンドブックを書き出す
msel-exported = 書き出しました: { $path }
msel-export-extension = ファイル名の拡張子は .html、.xlsx、.csv、.md のいずれかにしてください

## メモ
notes-hint = 気づいたこと（演習時刻つきで記録）
notes-add = メモを追加
notes-none = メモはまだありません。

## 選択中のサービスと対処
select-hint = 地図上のサービスをクリックすると、詳細と対処が表示されます。
select-on-map = 地図で表示
capacity = 稼働率
not-visible-to-seat = この席からは見えません。
buffer-left = 予備電源で稼働中: 残り { $time }
service-people = 利用者 { $people } 人 · 重要度 { $criticality }
depends-on = 依存先
needed-by = 依存元
actions-title = 対処
actions-acting-for = { $team } として実施
actions-none = この席がここで取れる対処はありません。
actions-running = 実施中
override-title = 強制設定（統制）
override-apply = 稼働率を固定
override-release = 解除
override-hint = 他の状況に関係なく、このサービスの稼働率を固定します
buffer-battery = 蓄電池
buffer-generator = 発電機

## 状態
status-up = 正常
status-degraded = 機能低下
status-down = 停止
status-backup = バックアップ運転
status-recovering = 復旧中
status-unknown = 不明
status-compromised = 侵害あり
status-isolated = 隔離中
role-operator = 事業者
role-ministry = 所管省庁
role-ceptoar = セプター
role-centre = 調整センター
role-organiser = 大会組織委員会

## 地図
legend-cascade = 波及
map-hint = ドラッグ: 移動 · ホイール: 拡大縮小 · クリック: 選択
map-fit = 全体表示

## スコア
scores-title = ライブスコア
scores-avoided = 回避できた影響
scores-avoided-hint = チームが何も対処しない場合（同じシード）のサービス損失のうち、これまでに回避できた割合
scores-teams = チーム別スコア
tally-down = 停止中のサービス
tally-degraded = 機能低下のサービス
tally-backup = バックアップ運転
tally-incidents = 未解決インシデント
tally-messages = メッセージ数
tally-impact = 影響（千人・時間）

## イベントログ
log-title = イベントログ
log-empty = まだ何も起きていません。
log-status = { $service }: { $status }（{ $capacity }%）
log-buffer-started = { $service }: { $buffer }で稼働（{ $until } まで）
log-buffer-spent = { $service }: { $buffer }が尽きました
log-incident-opened = { $team } がインシデントを起票: { $service }（{ $kind }）
log-detected = { $team } が { $service } で { $kind } を検知
log-sent = { $from } → { $to }: { $kind }
log-delivered = { $to } ← { $from }: { $kind }
log-action-started = { $team } が「{ $action }」を開始{ $on }（完了 { $done }）
log-action-finished = { $team } が「{ $action }」を完了{ $on }
log-rejected = 受け付けられません: { $reason }
log-not-allowed = 受け付けられません: この席からは実行できない操作です。

## 演習終了
end-title = 演習終了
end-stopped-at = 終了時刻
end-export = 報告書またはジャーナルを書き出す
end-export-hint = ファイル名の拡張子で内容が決まります: .html / .md / .csv / .json は事後報告書、.jsonl はジャーナル（すべての出来事と操作の記録。再生・振り返り用）。
end-export-button = 書き出す
end-exported = 書き出しました:
end-back-to-exercise = ◀ 演習に戻る
end-new = 別のシナリオを選ぶ

## ディスク上のセッション: 再開・記録
resume-title = 終了していないセッション
resume-offer = セッション「{ $scenario }」を T+{ $time } から再開しますか？
resume-detail = 開始 { $created } · 操作 { $commands } 件 · シード { $seed }
resume-dropped = 最後の記録が壊れているため、破棄されます: { $what }
resume-button = 再開 ▶
resume-discard = 今は再開しない
resume-discard-hint = 一覧から隠します。セッションはディスクに残ります。
resume-hide-all = 今はすべて再開しない
resume-more = ほか { $count } 件
resume-failed = { $dir } を再開できません: { $error }
resume-gate-title = セッションの再開
resume-gate-text = 演習はセッションが止まった時点で一時停止しています。
resume-gate-yes = ファシリテーター（統制）の画面を表示する
resume-gate-cancel = シナリオ一覧に戻る
record-on = 自動保存中
record-failed = ディスクへの記録に失敗しました: { $error }。演習は続行できますが、これ以降は保存されません。
record-retry = 新しいセッションに保存する
record-dropped = 再開しました。壊れた記録を破棄しました: { $what }
