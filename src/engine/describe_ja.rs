//! Journal entries as short Japanese control-room lines (the Japanese timeline and
//! debrief), naming things by their Japanese names.

use super::describe::pct;
use super::journal::{Entry, EntryKind};
use super::names::Names;
use super::types::{
    Blocked, BufferKind, Cause, Command, DetectionKind, FiredBy, Origin, Sender, ServiceStatus,
};
use crate::scenario::duration::clock;
use crate::scenario::{
    DepId, DepKind, Impact, InjectId, Lang, MessageKind, Scenario, Secs, ServiceId, ThreatId,
};

fn threat_text(n: &Names, t: ThreatId) -> String {
    format!("脅威「{}」", n.threat(t))
}

fn inject_text(n: &Names, i: InjectId) -> String {
    format!("状況付与 {}", n.inject(i))
}

fn dep_text(n: &Names, d: DepId) -> String {
    match n.dependency(d) {
        Some(x) => format!(
            "{}→{}（{}・{}）",
            n.svc(x.from),
            n.svc(x.to),
            dep_kind(x.kind),
            span(x.delay)
        ),
        None => "?".into(),
    }
}

fn cause_text(n: &Names, c: Cause) -> String {
    match c {
        Cause::Dependency(d) => format!("依存関係 {}経由", dep_text(n, d)),
        Cause::BufferSpent(b) => buffer_spent(b).into(),
        Cause::Threat { threat: t, step } => {
            format!("{}の第{}段階", threat_text(n, t), step + 1)
        }
        Cause::Action { team, run } => format!("{}の対処（実施 #{}）", n.team(team), run.0),
        Cause::Inject(i) => inject_text(n, i),
        Cause::Facilitator => "統制による強制設定".into(),
    }
}

fn origin_text(n: &Names, o: Origin) -> String {
    match o {
        Origin::Unknown => "不明".into(),
        Origin::Threat(t) => threat_text(n, t),
        Origin::Inject(i) => inject_text(n, i),
        Origin::Facilitator => "統制".into(),
        Origin::Team(t) => format!("{}自身の対処", n.team(t)),
    }
}

fn status(s: ServiceStatus) -> &'static str {
    match s {
        ServiceStatus::Up => "正常",
        ServiceStatus::Degraded => "機能低下",
        ServiceStatus::Down => "停止",
        ServiceStatus::OnBackup => "バックアップ運転",
        ServiceStatus::Recovering => "復旧中",
    }
}

fn buffer(b: BufferKind) -> &'static str {
    match b {
        BufferKind::Battery => "蓄電池",
        BufferKind::Generator => "発電機",
    }
}

fn buffer_spent(b: BufferKind) -> &'static str {
    match b {
        BufferKind::Battery => "蓄電池切れ",
        BufferKind::Generator => "発電機の燃料切れ",
    }
}

fn dep_kind(k: DepKind) -> &'static str {
    match k {
        DepKind::Physical => "物理",
        DepKind::Cyber => "サイバー",
        DepKind::Geographic => "地理",
        DepKind::Logical => "論理",
    }
}

fn message_kind(k: MessageKind) -> &'static str {
    match k {
        MessageKind::Report => "報告",
        MessageKind::Alert => "注意喚起",
        MessageKind::Request => "要請",
        MessageKind::Information => "情報提供",
        MessageKind::PublicStatement => "公表",
    }
}

/// What a team noticed about `svc`: 「Xへの侵入」, 「Xの停止」...
fn detection(k: DetectionKind, svc: &str) -> String {
    match k {
        DetectionKind::Compromise => format!("{svc}への侵入"),
        DetectionKind::Tampering => format!("{svc}のデータ改ざん"),
        DetectionKind::Degradation => format!("{svc}の機能低下"),
        DetectionKind::Outage => format!("{svc}の停止"),
    }
}

fn impact(i: Impact) -> String {
    match i {
        Impact::Outage => "停止".into(),
        Impact::Degradation(x) => format!("稼働率 {} に低下", pct(x)),
        Impact::DataTampering => "データ改ざん".into(),
        Impact::Ddos(x) => format!("DDoS（稼働率 {}）", pct(x)),
    }
}

fn fired_by(b: FiredBy) -> &'static str {
    match b {
        FiredBy::Time => "予定時刻",
        FiredBy::Condition => "条件成立",
        FiredBy::Facilitator => "統制の操作",
    }
}

/// A duration in Japanese units: 「0秒」, 「15分」, 「1時間30分」.
fn span(secs: Secs) -> String {
    if secs == 0 {
        return "0秒".into();
    }
    let parts = [
        (secs / 86_400, "日"),
        (secs % 86_400 / 3600, "時間"),
        (secs % 3600 / 60, "分"),
        (secs % 60, "秒"),
    ];
    parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect()
}

/// 「正常→停止（稼働率 100%→0%）」, or 「バックアップ運転のまま稼働率 100%→60%」.
fn change(from: f64, to: f64, was: ServiceStatus, now: ServiceStatus) -> String {
    let moved = format!("稼働率 {}→{}", pct(from), pct(to));
    match (was == now, from == to) {
        (true, false) => format!("{}のまま{moved}", status(now)),
        (false, false) => format!("{}→{}（{moved}）", status(was), status(now)),
        (true, true) => status(now).into(),
        (false, true) => format!("{}→{}", status(was), status(now)),
    }
}

fn service_changed(
    n: &Names,
    service: ServiceId,
    change: String,
    cause: Cause,
    o: Origin,
) -> String {
    let origin = match o {
        Origin::Threat(_) | Origin::Inject(_)
            if !matches!(cause, Cause::Threat { .. } | Cause::Inject(_)) =>
        {
            format!("（起点: {}）", origin_text(n, o))
        }
        _ => String::new(),
    };
    let dash = if change.ends_with('）') {
        "— "
    } else {
        " — "
    };
    format!(
        "{}: {change}{dash}{}{origin}",
        n.svc(service),
        cause_text(n, cause)
    )
}

fn blocked(n: &Names, threat: ThreatId, step: u32, reason: Blocked) -> String {
    let why = match reason {
        Blocked::Isolated(s) => format!("{}は隔離済み", n.svc(s)),
        Blocked::Patched(s) => format!("{}はパッチ適用済み", n.svc(s)),
        Blocked::NotCompromised(s) => format!("{}に足掛かりなし", n.svc(s)),
    };
    format!(
        "{}の第{}段階を阻止: {why}",
        threat_text(n, threat),
        step + 1
    )
}

fn message(n: &Names, kind: &EntryKind) -> String {
    let EntryKind::MessageSent {
        message,
        from,
        to,
        kind,
        incidents,
        services,
        severity,
        status: st,
        text,
        forwarded,
    } = kind
    else {
        return String::new();
    };
    let from = match &**from {
        Sender::Team(t) => n.team(*t).to_string(),
        Sender::Inject { from, .. } => format!("「{}」", from.get(Lang::Ja)),
    };
    let mut extra = Vec::new();
    if let Some(f) = forwarded {
        extra.push(format!("#{} の転送", f.0));
    }
    if let Some(s) = severity {
        extra.push(format!("深刻度 {s}"));
    }
    if let Some(s) = st {
        extra.push(format!("状態 {}", status(*s)));
    }
    if !incidents.is_empty() {
        let ids: Vec<String> = incidents.iter().map(|i| format!("#{}", i.0)).collect();
        extra.push(format!("インシデント {}", ids.join(" ")));
    }
    if !services.is_empty() {
        extra.push(format!("対象 {}", n.svcs(services)));
    }
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!("（{}）", extra.join("；"))
    };
    format!(
        "{from} → {}: {} #{}{extra}「{}」",
        n.teams(to),
        message_kind(*kind),
        message.0,
        text.get(Lang::Ja)
    )
}

fn command(n: &Names, c: &Command) -> String {
    match c {
        Command::Act {
            team,
            action,
            target,
        } => format!(
            "[{}] 対処「{}」: {}",
            n.team(*team),
            n.action(*action),
            n.target(*target)
        ),
        Command::Send { team, to, draft } => format!(
            "[{}] {}を送信 → {}",
            n.team(*team),
            message_kind(draft.kind),
            n.teams(to)
        ),
        Command::Forward {
            team, message, to, ..
        } => format!(
            "[{}] #{} を転送 → {}",
            n.team(*team),
            message.0,
            n.teams(to)
        ),
        Command::Broadcast { team, draft } => {
            format!("[{}] {}を一斉送信", n.team(*team), message_kind(draft.kind))
        }
        Command::FireInject(i) => format!("[統制] {} を実施", inject_text(n, *i)),
        Command::SkipInject(i) => format!("[統制] {} を取りやめ", inject_text(n, *i)),
        Command::Override { service, capacity } => match capacity {
            Some(c) => format!("[統制] {}の稼働率を {} に固定", n.svc(*service), pct(*c)),
            None => format!("[統制] {}の強制設定を解除", n.svc(*service)),
        },
        Command::Note(_) => "[統制] メモ".into(),
    }
}

/// `entry` as one Japanese line without its time.
pub(super) fn describe(scenario: &Scenario, entry: &Entry) -> String {
    let n = &Names::new(scenario, Lang::Ja);
    match &entry.kind {
        EntryKind::Command(c) => command(n, c),
        EntryKind::ServiceChanged {
            service,
            from,
            to,
            was,
            now,
            cause,
            origin,
        } => service_changed(n, *service, change(*from, *to, *was, *now), *cause, *origin),
        EntryKind::BufferStarted {
            service,
            buffer: b,
            until,
        } => format!(
            "{}: {}で稼働（{} まで）",
            n.svc(*service),
            buffer(*b),
            clock(*until)
        ),
        EntryKind::BufferSpent { service, buffer: b } => {
            format!("{}: {}", n.svc(*service), buffer_spent(*b))
        }
        EntryKind::LinkHeld { dep, limit } => format!(
            "依存関係 {}は今回は波及せず（{} の提供元の変化による稼働率 {} への低下）",
            dep_text(n, *dep),
            clock(super::describe::changed_at(scenario, entry.at, *dep)),
            pct(*limit)
        ),
        EntryKind::ThreatStarted { threat, by } => match by {
            Some(i) => format!("{}開始（{}）", threat_text(n, *threat), inject_text(n, *i)),
            None => format!("{}開始", threat_text(n, *threat)),
        },
        EntryKind::Compromised {
            threat,
            service,
            from,
            ..
        } => match from {
            Some(f) => format!(
                "{}が{}から{}へ拡大",
                threat_text(n, *threat),
                n.svc(*f),
                n.svc(*service)
            ),
            None => format!("{}が{}に侵入", threat_text(n, *threat), n.svc(*service)),
        },
        EntryKind::Impact {
            threat,
            service,
            impact: i,
            ..
        } => format!(
            "{}が{}に影響: {}",
            threat_text(n, *threat),
            n.svc(*service),
            impact(*i)
        ),
        EntryKind::StepBlocked {
            threat,
            step,
            reason,
        } => blocked(n, *threat, *step, *reason),
        EntryKind::Cleaned { service, threat } => {
            format!("{}から{}を駆除", n.svc(*service), threat_text(n, *threat))
        }
        EntryKind::IncidentOpened {
            incident,
            team,
            service,
            kind,
            ..
        } => format!(
            "{}がインシデント #{} を起票: {}",
            n.team(*team),
            incident.0,
            detection(*kind, n.svc(*service))
        ),
        EntryKind::Detected {
            team,
            incident,
            service,
            kind,
        } => format!(
            "{}が{}を検知（インシデント #{}）",
            n.team(*team),
            detection(*kind, n.svc(*service)),
            incident.0
        ),
        EntryKind::MessageSent { .. } => message(n, &entry.kind),
        EntryKind::MessageDelivered { message, to } => {
            format!("メッセージ #{} が{}に到着", message.0, n.team(*to))
        }
        EntryKind::ActionStarted {
            run,
            team,
            action,
            target,
            done_at,
        } => format!(
            "{}が「{}」を開始: {}（実施 #{}、完了予定 {}）",
            n.team(*team),
            n.action(*action),
            n.target(*target),
            run.0,
            clock(*done_at)
        ),
        EntryKind::ActionFinished {
            run,
            team,
            action,
            target,
        } => format!(
            "{}が「{}」を完了: {}（実施 #{}）",
            n.team(*team),
            n.action(*action),
            n.target(*target),
            run.0
        ),
        EntryKind::InjectFired { inject, by } => {
            format!("{} を実施（{}）", inject_text(n, *inject), fired_by(*by))
        }
        EntryKind::InjectSkipped { inject } => format!("{} を取りやめ", inject_text(n, *inject)),
        EntryKind::LoopCut { service } => format!(
            "{}: 遅延ゼロの依存ループを遮断（この時点の変化は波及させず）",
            n.svc(*service)
        ),
        EntryKind::Note { text } => format!("メモ: {text}"),
    }
}
