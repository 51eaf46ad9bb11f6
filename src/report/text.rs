//! The report's words in English and Japanese.

use crate::engine::ServiceStatus;
use crate::scenario::{Lang, MessageKind};
use crate::scoring::{Outcome, Phase};

/// A label in both languages.
#[derive(Clone, Copy)]
pub(crate) struct T(pub &'static str, pub &'static str);

impl T {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0,
            Lang::Ja => self.1,
        }
    }

    /// The other language's words (for bilingual headings).
    pub fn alt(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.1,
            Lang::Ja => self.0,
        }
    }
}

// Headings.
pub(crate) const TITLE: T = T("After-action report", "事後評価報告書");
pub(crate) const TEAMS: T = T("Scores by team", "チーム別スコア");
pub(crate) const INCIDENTS: T = T("Incidents", "インシデント");
pub(crate) const RESPONSE_CHART: T = T("Response times against deadlines", "期限に対する対応時間");
pub(crate) const IMPACT: T = T("Service impact", "サービスへの影響");
pub(crate) const CAPACITY_CHART: T = T("Capacity by sector over time", "分野別の稼働率の推移");
pub(crate) const COORDINATION: T = T("Coordination", "連携");
pub(crate) const CHAIN: T = T("Reporting chain", "報告・共有の経路");
pub(crate) const CHAIN_CHART: T = T("Timeline of the reporting chain", "報告経路のタイムライン");
pub(crate) const WARNINGS: T = T("Warnings before the cascade", "連鎖影響の前の警告");
pub(crate) const MESSAGES: T = T("Messages", "メッセージ");
pub(crate) const ACCURACY: T = T("Picture accuracy", "状況認識の正確さ");
pub(crate) const NOTES: T = T("Facilitator notes", "ファシリテーターのメモ");
pub(crate) const PLAN: T = T("Improvement plan", "改善計画");
pub(crate) const METHOD: T = T("How this report scores", "採点の方法");

// Labels.
pub(crate) const SCENARIO: T = T("Scenario", "シナリオ");
pub(crate) const SEED: T = T("Seed", "シード");
pub(crate) const START: T = T("Exercise start", "演習開始");
pub(crate) const SCORED_TO: T = T("Scored up to", "評価の対象時刻");
pub(crate) const HASH: T = T("Journal SHA-256", "ジャーナル SHA-256");
pub(crate) const OVERALL: T = T("Overall score", "総合スコア");
pub(crate) const GRADE: T = T("Grade", "評価");
pub(crate) const AVOIDED: T = T("Impact avoided", "回避できた影響");
pub(crate) const TEAM: T = T("Team", "チーム");
pub(crate) const SCORE: T = T("Score", "スコア");
pub(crate) const ON_TIME_DUTIES: T = T("Phases on time", "期限内の対応");
pub(crate) const SEVERITY: T = T("Severity", "深刻度");
pub(crate) const STARTED: T = T("Started", "発生");
pub(crate) const HITS: T = T("Services hit", "被害を受けたサービス");
pub(crate) const OWNERS: T = T("Owner teams", "当事者チーム");
pub(crate) const DEPENDENTS: T = T("Dependent teams", "依存先のチーム");
pub(crate) const PHASE: T = T("Phase", "段階");
pub(crate) const DEADLINE: T = T("Deadline", "期限");
pub(crate) const DONE_AT: T = T("Done at", "完了時刻");
pub(crate) const TOOK: T = T("Took", "所要時間");
pub(crate) const OUTCOME: T = T("Outcome", "結果");
pub(crate) const POINTS: T = T("Points", "得点");
pub(crate) const SECTOR: T = T("Sector", "分野");
pub(crate) const LOST_RUN: T = T("Lost in this run", "本演習での損失");
pub(crate) const LOST_BASE: T = T("Lost with no response", "無対応の場合の損失");
pub(crate) const AVOIDED_SHORT: T = T("Avoided", "回避率");
pub(crate) const TOTAL: T = T("Total", "合計");
pub(crate) const UNIT: T = T(
    "Losses are in criticality-weighted person-hours: lost capacity x criticality x people served, over time. The no-response baseline is the same scenario and seed with no team commands.",
    "損失は重要度で重み付けした人・時間（失われた稼働率 × 重要度 × 利用者数 を時間で積分）。無対応の場合とは、同じシナリオ・シードでチームが何もしなかった場合を指す。",
);
pub(crate) const TIME: T = T("Time", "時刻");
pub(crate) const LEARNT_FROM: T = T("Learnt from", "情報源");
pub(crate) const HELD: T = T("Held by sender", "送信者の保持時間");
pub(crate) const TRANSIT: T = T("In transit", "伝達時間");
pub(crate) const OWN_DETECTION: T = T("own detection", "自ら検知");
pub(crate) const HIT_AT: T = T("Hit at", "影響の発生");
pub(crate) const WARNED_AT: T = T("Warned at", "警告の受領");
pub(crate) const HIT_FIRST: T = T("hit before warned", "警告前に被害");
pub(crate) const WARNED_FIRST: T = T("warned in time", "事前に警告");
pub(crate) const NOT_HIT: T = T("not hit", "影響なし");
pub(crate) const NEVER: T = T("never", "なし");
pub(crate) const SENT: T = T("Sent", "送信");
pub(crate) const ARRIVED: T = T("Arrived", "到着");
pub(crate) const FROM: T = T("From", "送信元");
pub(crate) const TO: T = T("To", "宛先");
pub(crate) const KIND: T = T("Kind", "種別");
pub(crate) const ABOUT: T = T("About", "対象");
pub(crate) const CHECKED: T = T("Claims checked", "確認した主張");
pub(crate) const CORRECT: T = T("Correct", "正確");
pub(crate) const WRONG: T = T(
    "Claims that did not match the situation",
    "実際と異なっていた主張",
);
pub(crate) const NO_CLAIMS: T = T(
    "No message claimed a status or severity.",
    "状態や深刻度を示したメッセージはなかった。",
);
pub(crate) const NO_NOTES: T = T("No notes were taken.", "メモは記録されていない。");
pub(crate) const NO_INCIDENTS: T = T(
    "No threat did anything in this run.",
    "この演習では脅威による被害は発生しなかった。",
);
pub(crate) const NO_MESSAGES: T = T(
    "No team sent a message.",
    "チームからのメッセージはなかった。",
);
pub(crate) const STRENGTHS: T = T("Strengths", "強み");
pub(crate) const AREAS: T = T("Areas for improvement", "改善点");
pub(crate) const ACTIONS: T = T("Corrective actions", "是正措置");
pub(crate) const OWNER: T = T("Owner", "担当");
pub(crate) const DUE: T = T("Due date", "期限");
pub(crate) const NOT_SCORED: T = T("not scored", "採点対象外");
pub(crate) const BASELINE_KEY: T = T("dashed: with no response", "破線：無対応の場合");
pub(crate) const DEADLINE_MARK: T = T("deadline", "期限");
pub(crate) const NO_CREDIT_MARK: T = T("2x deadline: no points", "期限の2倍：0点");
pub(crate) const INCIDENT: T = T("Incident", "インシデント");
pub(crate) const NOT_DONE: T = T("not done", "未完了");
pub(crate) const DETECTED: T = T("detection", "検知");
pub(crate) const MESSAGE_KEY: T = T(
    "arrow: a message, from sending to arrival",
    "矢印：メッセージ（送信から到着まで）",
);
pub(crate) const SEVERITY_WORD: T = T("severity", "深刻度");
pub(crate) const METHOD_TEXT: T = T(
    "Each incident is a threat campaign that did something; its deadlines count from its first step and depend on its severity. A phase done by its deadline earns full credit, a late one loses credit linearly and earns nothing at twice the deadline; a phase not done whose deadline falls after the end is open and not scored. Incidents weigh 1 + severity. The overall score mixes the response credit and the share of service impact avoided against a no-response run by the scenario's weights. Coordination and picture accuracy are shown, not scored.",
    "インシデントとは実際に被害を及ぼした攻撃キャンペーンであり、期限は最初の攻撃段階から数え、深刻度によって決まる。期限内に完了した段階は満点、遅れた段階は遅れに応じて減点され、期限の2倍で0点となる。演習終了時点で期限が来ていない未完了の段階は採点しない。各インシデントの重みは「1＋深刻度」。総合スコアは、対応の得点と、無対応の場合と比べて回避できたサービス影響の割合を、シナリオの重みで合成したもの。連携と状況認識の正確さは参考として示し、採点には含めない。",
);

pub(crate) fn phase(p: Phase) -> T {
    match p {
        Phase::Detect => T("Detect", "検知"),
        Phase::Report => T("Report", "報告"),
        Phase::Share => T("Share", "共有"),
        Phase::Contain => T("Contain", "封じ込め"),
        Phase::Restore => T("Restore", "復旧"),
    }
}

pub(crate) fn outcome(o: Outcome) -> T {
    match o {
        Outcome::OnTime => T("on time", "期限内"),
        Outcome::Late => T("late", "遅延"),
        Outcome::Missed => T("missed", "未実施"),
        Outcome::Open => T("open (not scored)", "継続中（採点対象外）"),
        Outcome::NotApplicable => T("not applicable", "該当なし"),
    }
}

pub(crate) fn kind(k: MessageKind) -> T {
    match k {
        MessageKind::Report => T("Report", "報告"),
        MessageKind::Alert => T("Alert", "警報"),
        MessageKind::Request => T("Request", "依頼"),
        MessageKind::Information => T("Information", "情報"),
        MessageKind::PublicStatement => T("Public statement", "対外公表"),
    }
}

pub(crate) fn status(s: ServiceStatus) -> T {
    match s {
        ServiceStatus::Up => T("up", "正常"),
        ServiceStatus::Degraded => T("degraded", "低下"),
        ServiceStatus::Down => T("down", "停止"),
        ServiceStatus::OnBackup => T("on backup", "バックアップ運転"),
        ServiceStatus::Recovering => T("recovering", "復旧中"),
    }
}
