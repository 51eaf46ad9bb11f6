# ボットチーム: ボットが書く連絡文と、配役指定の誤り。
bot-text-report = 自動チームからのインシデント報告: 添付のサービスと状況をご確認ください。
bot-text-alert = 自動チームからの注意喚起: 当方のインシデントが貴組織のサービスに影響するおそれがあります。バックアップを確認してください。
bot-text-relay = 自動チームからの転送: 添付のインシデントとサービスをご確認ください。
bot-text-forward = 自動の調整センターが転送しました。
bot-unknown-profile = ボットの種類 `{ $profile }` はありません: textbook、realistic、absent のいずれかを指定してください
bot-unknown-team = シナリオにチーム `{ $team }` はありません { $hint }
