# シナリオファイルの問題（日本語）。ID は ../en/problem.ftl と揃える。

problem-line = { $file }:{ $line }:{ $col }: { $level }: { $what }
problem-error = エラー
problem-warning = 警告
problem-hint = {"  "}ヒント（英語）: { $hint }
# 名詞（キーは英語の語をケバブケースにしたもの）。知らない語は英語のまま。
problem-noun = { $key ->
    [after] `After`
    [by] `by`
    [for-at-least] `for_at_least`
    [a-deadline] 期限
    [action] 対処
    [action-duration] 対処の所要時間
    [area] 地域
    [backup-capacity] バックアップ時の稼働率
    [buffer] バッファ
    [capacity] 稼働率
    [capacity-under-ddos] DDoS 時の稼働率
    [criticality] 重要度
    [degraded-capacity] 機能低下時の稼働率
    [delay] 遅延
    [expected-action] 期待される行動
    [grade-minimum] 評価帯の下限
    [inject] 状況付与
    [inject-time] 状況付与の時刻
    [latency] 伝達時間
    [manual-capacity] 手動運転時の稼働率
    [manual-fallback-capacity] 手動運転への切替時の稼働率
    [objective] 目標
    [organisation] 組織
    [probability] 確率
    [refuel] 燃料補給
    [sector] 分野
    [service] サービス
    [stealth] 隠密性
    [step-time] 攻撃段階の時刻
    [team] チーム
    [template] テンプレート
    [the-exercise-duration] 演習時間
    [threat] 脅威
    [times] 回数
   *[other] { $text }
}

problem-io = ファイルを読み込めません: { $a }
problem-syntax = { $a }
problem-missing-include = 読み込むファイル `{ $a }` が見つかりません
problem-circular-include = ファイルの読み込みが循環しています: { $a }
problem-missing = `{ $a }` がありません
problem-unknown = { $what } `{ $id }` は定義されていません
problem-duplicate = { $what }の ID `{ $id }` が重複しています
problem-empty-id = { $what }の ID が空です
problem-controls-nothing = チーム `{ $a }` が担当する組織がありません
problem-played-twice = 組織 `{ $org }` を 2 つのチーム（`{ $first }` と `{ $second }`）が担当しています
problem-self-dependency = サービス `{ $a }` が自分自身に依存しています
problem-self-channel = チーム `{ $a }` から自分自身への連絡経路があります
problem-no-kind = 依存関係 `{ $a }` に種類がありません
problem-bad-duration = 時間 `{ $a }` を読めません
problem-negative-duration = 時間 `{ $a }` が負です
problem-long-duration = 時間 `{ $a }` が 366 日を超えています（演習の上限です）
problem-zero-duration = { $what }を 0 にはできません
problem-bad-severity = 深刻度 { $a } は 0〜4 の範囲外です
problem-out-of-range = { $what } { $value } は 0〜1 の範囲外です
problem-out-of-bounds = { $what } { $value } は { $range } の範囲外です
problem-severity-twice = 深刻度 { $a } が 2 回定義されています
problem-severity-missing = 深刻度 { $a } が定義されていません
problem-no-trigger = 状況付与 `{ $a }` に `at` も `when` もありません
problem-two-triggers = 状況付与 `{ $a }` に `at` と `when` の両方があります
problem-no-latency = 連絡経路 `{ $from }` → `{ $to }` に伝達時間がなく、報告経路も読み込まれていません
problem-bad-language = 言語 `{ $a }` は使えません
problem-bad-start-clock = 開始日時 `{ $a }` を読めません
problem-bad-colour = 色 `{ $a }` を読めません
problem-empty-text = テキストに `en` も `ja` もありません
problem-zero-delay-cycle = 遅延ゼロの依存関係が循環しています: { $a }
problem-fail-loop = 何をしても解けない `Fail` 依存関係のループです: { $a }
problem-after-end = { $what }（{ $at }）が演習の終了（{ $end }）より後です
problem-nothing-expected = 目標 `{ $a }` に結び付いた期待される行動がありません
problem-no-channel-for = チーム `{ $from }` から `{ $to }` への連絡経路がないため、期待される連絡は記録されません

## lint の指摘（`crossdrill lint`）
problem-never-fires = 状況付与 `{ $inject }` は決して発生しません: { $why }
problem-never-at-end = { $at } まで待ちますが、演習は { $end } で終わります
problem-never-down = サービス `{ $a }` の停止を待ちますが、このサービスを停止させるものがありません
problem-never-message = チーム `{ $a }` への連絡を待ちますが、このチームに届く連絡経路も状況付与の連絡もありません
problem-never-message-kind = チーム `{ $team }` への `{ $kind }` の連絡を待ちますが、このチームに届く連絡経路がありません
problem-never-action = 対処 `{ $a }` を待ちますが、この対処を取れるチームがありません
problem-never-action-by = チーム `{ $team }` が対処 `{ $action }` を取るのを待ちますが、このチームはこの対処を取れません
problem-never-any = `Any` の条件のどれも成り立ちません
problem-never-not = `Not` が常に成り立つ条件を否定しています
problem-unaffected = サービス `{ $a }` に影響を与えるものがシナリオにありません（攻撃段階にも状況付与にも現れず、影響を受けるサービスにも依存していません）
problem-unreachable = チーム `{ $a }` にはインシデントも連絡も決して届きません
problem-no-team-may-take = 対処 `{ $a }` を取れるチームがありません
problem-report-no-channel = 脅威 `{ $a }` は決して報告されません: 攻撃対象を担当するチームから所管省庁の窓口やセンターへの連絡経路がありません
problem-slow-report = 脅威 `{ $threat }`: 担当チームから所管省庁の窓口またはセンターへの最速の報告に { $took } かかり、報告の期限（{ $deadline }）より長くなります
problem-share-no-path = 脅威 `{ $threat }` はチーム `{ $team }` に決して共有されません: 担当チームからそこへ至る連絡経路がありません
problem-slow-share = 脅威 `{ $threat }`: 担当チームからチーム `{ $team }` への最速の連絡に { $took } かかり、共有の期限（{ $deadline }）より長くなります

# 実行に基づくリントの指摘。
problem-never-fired = インジェクト `{ $inject }` は { $runs } 回の実行（模範ボットと不在ボット）で一度も発生しませんでした
problem-branch-never-held = インジェクト `{ $inject }` の条件のこの部分は { $runs } 回の実行で一度も成立しませんでした
problem-link-never-held = 論理的な依存 `{ $from }` -> `{ $to }` は { $runs } 回の実行で一度も作用しませんでした
problem-no-discrimination = 採点が良い対応と無対応を区別できていません: 模範ボットの平均 { $textbook }、不在ボットの平均 { $absent }（差が15点未満）
