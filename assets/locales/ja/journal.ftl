# ジャーナルの記録を1行ずつ（run のタイムライン、振り返り）。日本語。
# ID は ../en/journal.ftl と揃える。

j-unknown = ?

## サービスの状態、バッファ、チームが検知した内容
j-status-up = 正常
j-status-degraded = 機能低下
j-status-down = 停止
j-status-on-backup = バックアップ運転
j-status-recovering = 復旧中
j-buffer-battery = 蓄電池
j-buffer-generator = 発電機
j-spent-battery = 蓄電池切れ
j-spent-generator = 発電機の燃料切れ
j-detect-compromise = { $service }への侵入
j-detect-tampering = { $service }のデータ改ざん
j-detect-degradation = { $service }の機能低下
j-detect-outage = { $service }の停止

## 依存関係
j-dep-physical = 物理
j-dep-cyber = サイバー
j-dep-geographic = 地理
j-dep-logical = 論理
j-dep = { $from }→{ $to }（{ $kind }・{ $delay }）

## サービスが変化した理由と起点
j-cause-dependency = 依存関係 { $dep }経由
j-cause-threat = 脅威「{ $threat }」の第{ $step }段階
j-cause-action = { $team }の対処（実施 #{ $run }）
j-cause-inject = 状況付与 { $inject }
j-cause-facilitator = 統制による強制設定
j-origin-threat = 脅威「{ $threat }」
j-origin-inject = 状況付与 { $inject }
j-origin-note = （起点: { $origin }）

## サービスの変化: 状態のみ、状態と稼働率、稼働率のみ、変化なし
j-change-status = { $was }→{ $now }
j-change-both = { $was }→{ $now }（稼働率 { $from }→{ $to }）
j-change-capacity = { $now }のまま稼働率 { $from }→{ $to }
j-change-none = { $now }
j-service-changed = { $service }: { $change }{ $shape ->
        [both] {"— "}
       *[other] {" — "}
    }{ $cause }{ $origin }

## 世界の出来事
j-buffer-started = { $service }: { $buffer }で稼働（{ $until } まで）
j-buffer-spent = { $service }: { $spent }
j-link-held = 依存関係 { $dep }は今回は波及せず（{ $at } の提供元の変化による稼働率 { $limit } への低下）
j-threat-started = 脅威「{ $threat }」開始
j-threat-started-by = 脅威「{ $threat }」開始（状況付与 { $inject }）
j-compromised = 脅威「{ $threat }」が{ $service }に侵入
j-spreads = 脅威「{ $threat }」が{ $from }から{ $service }へ拡大
j-impact-outage = 停止
j-impact-degradation = 稼働率 { $capacity } に低下
j-impact-tampering = データ改ざん
j-impact-ddos = DDoS（稼働率 { $capacity }）
j-impact = 脅威「{ $threat }」が{ $service }に影響: { $impact }
j-blocked-isolated = { $service }は隔離済み
j-blocked-patched = { $service }はパッチ適用済み
j-blocked-no-foothold = { $service }に足掛かりなし
j-blocked = 脅威「{ $threat }」の第{ $step }段階を阻止: { $why }
j-cleaned = { $service }から脅威「{ $threat }」を駆除
j-loop-cut = { $service }: 遅延ゼロの依存ループを遮断（この時点の変化は波及させず）

## チーム
j-incident-opened = { $team }がインシデント #{ $incident } を起票: { $what }
j-detected = { $team }が{ $what }を検知（インシデント #{ $incident }）
j-action-started = { $team }が「{ $action }」を開始: { $target }（実施 #{ $run }、完了予定 { $done }）
j-action-finished = { $team }が「{ $action }」を完了: { $target }（実施 #{ $run }）

## メッセージ
j-kind-report = 報告
j-kind-alert = 注意喚起
j-kind-request = 要請
j-kind-information = 情報提供
j-kind-public-statement = 公表
j-from-inject = 「{ $from }」
j-extra = （{ $items }）
j-extra-sep = ；
j-extra-forwarding = #{ $message } の転送
j-extra-severity = 深刻度 { $severity }
j-extra-status = 状態 { $status }
j-extra-incidents = インシデント { $incidents }
j-extra-about = 対象 { $services }
j-sent = { $from } → { $to }: { $kind } #{ $message }{ $extra }「{ $text }」
j-delivered = メッセージ #{ $message } が{ $team }に到着

## 状況付与とメモ
j-fired-time = 予定時刻
j-fired-condition = 条件成立
j-fired-facilitator = 統制の操作
j-inject-fired = 状況付与 { $inject } を実施（{ $by }）
j-inject-skipped = 状況付与 { $inject } を取りやめ
j-note = メモ: { $text }

## コマンド
j-cmd-act = {"["}{ $team }] 対処「{ $action }」: { $target }
j-cmd-send = {"["}{ $team }] { $kind }を送信 → { $to }
j-cmd-forward = {"["}{ $team }] #{ $message } を転送 → { $to }
j-cmd-broadcast = {"["}{ $team }] { $kind }を一斉送信
j-cmd-fire = [統制] 状況付与 { $inject } を実施
j-cmd-skip = [統制] 状況付与 { $inject } を取りやめ
j-cmd-override = [統制] { $service }の稼働率を { $capacity } に固定
j-cmd-release = [統制] { $service }の強制設定を解除
j-cmd-note = [統制] メモ
j-cmd-assess = [評価者] { $expectation }: { $verdict }
j-cmd-assess-note = [評価者] { $expectation }: { $verdict }「{ $note }」
j-verdict-observed = 確認できた
j-verdict-partly = 一部確認できた
j-verdict-not-observed = 確認できなかった
