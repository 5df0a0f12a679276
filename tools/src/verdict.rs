//! The readable bilingual verdict of one determination: what `jiuzhu evaluate` and the
//! `evaluate` example print.
//!
//! May use: the library (determinations) and the report's names.

use std::io::{self, Write};

use jiuzhu::{Determination, Outcome, Verdict};

fn outcome_text(o: Outcome) -> String {
    let (zh, en) = o.words();
    format!("{zh} {en}")
}

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "✓",
        Verdict::Fail => "✗",
        Verdict::NotApplicable => "·",
        Verdict::Unknown => "?",
        // `Verdict` may grow: a verdict added later
        _ => "…",
    }
}

/// Writes the readable bilingual verdict of one determination, headed by `file`.
///
/// # Errors
/// The writer's error (e.g. a closed pipe).
pub fn write(w: &mut dyn Write, file: &str, d: &Determination) -> io::Result<()> {
    writeln!(w, "jiuzhu 救助 — {file}")?;
    writeln!(
        w,
        "division {} · {} · {} · {}",
        d.jurisdiction,
        d.evaluation_date,
        d.purpose.as_str(),
        d.area.as_str()
    )?;
    let a = &d.accounts;
    writeln!(
        w,
        "counted members 计入成员: {} · monthly income 月收入 {} · per head 人均 {} · standard 标准 {}",
        a.counted_members.len(),
        a.monthly_income.value().round_dp(2).normalize(),
        a.per_capita_income
            .map(|p| p.value().round_dp(2).normalize().to_string())
            .unwrap_or_else(|| "—".into()),
        a.standard.value().round_dp(2).normalize(),
    )?;
    writeln!(w)?;
    for p in &d.programmes {
        let (zh, en) = crate::report::programme_name(p.programme);
        write!(w, "■ {zh} {en} — {}", outcome_text(p.outcome))?;
        if let Some(c) = p.class {
            write!(w, " · {}", c.as_str())?;
        }
        if let Some(m) = p.monthly_amount {
            write!(w, " · {m} 元/月 yuan a month")?;
        }
        if let Some(a) = p.one_off_amount {
            write!(w, " · {a} 元一次性 yuan one-off")?;
        }
        if let Some(r) = p.review_reason {
            write!(w, " · {r:?}")?;
        }
        if let Some(d) = p.valid_until {
            write!(w, " · until {d}")?;
        }
        writeln!(w)?;
        for f in &p.findings {
            if matches!(f.verdict, Verdict::Fail | Verdict::Unknown)
                || f.rule.id().starts_with("DB")
            {
                writeln!(
                    w,
                    "   {} {:<9} {}",
                    mark(f.verdict),
                    f.rule.id(),
                    f.text_zh()
                )?;
                writeln!(w, "     {:<9} {}", "", f.text_en())?;
            }
        }
        for c in &p.individual_coverage {
            write!(
                w,
                "   ▸ {} via {}: {}",
                c.member,
                c.route,
                outcome_text(c.outcome)
            )?;
            if let Some(m) = c.monthly_amount {
                write!(w, " · {m} 元/月")?;
            }
            writeln!(w)?;
        }
        for r in &p.review {
            writeln!(
                w,
                "   ? review {}{}",
                r.rule,
                r.member
                    .as_deref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default()
            )?;
        }
    }
    let v = &d.verification;
    let m = &d.monitoring;
    writeln!(w)?;
    writeln!(
        w,
        "核对 verification: {} discrepancies 不一致, {} field tasks 入户核查任务 · 监测 monitoring: action {} · next review {} · warnings {}",
        v.discrepancies.len(),
        v.field_tasks.len(),
        m.action
            .as_ref()
            .and_then(|a| serde_json::to_value(a).ok())
            .and_then(|j| j.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
            .unwrap_or_else(|| "—".into()),
        m.next_review
            .map(|n| n.to_string())
            .unwrap_or_else(|| "—".into()),
        if m.warnings.is_empty() {
            "—".to_owned()
        } else {
            m.warnings
                .iter()
                .map(|w| format!("{} {}", w.colour.as_str(), w.rule))
                .collect::<Vec<_>>()
                .join(", ")
        }
    )?;
    if !v.discrepancies.is_empty() || !m.warnings.is_empty() {
        writeln!(w, "   details 详情: jiuzhu evaluate --json {file}")?;
    }
    writeln!(w)?;
    writeln!(w, "accounts 核算:")?;
    for f in &a.findings {
        writeln!(
            w,
            "   {} {:<6} {}",
            mark(f.verdict),
            f.rule.id(),
            f.text_zh()
        )?;
    }
    writeln!(w)?;
    writeln!(w, "parameters 参数:")?;
    for p in &d.parameters {
        let warn: Vec<String> = p
            .warnings
            .iter()
            .map(|w| {
                let (zh, en) = w.words();
                format!("{zh} {en}")
            })
            .collect();
        writeln!(
            w,
            "   {:<36} {:<12} from {} ({}) {}{}",
            p.name,
            serde_json::to_string(&p.value).unwrap_or_default(),
            p.from,
            p.division,
            p.status.as_str(),
            if warn.is_empty() {
                String::new()
            } else {
                format!(" ⚠ {}", warn.join(", "))
            }
        )?;
    }
    writeln!(w)?;
    writeln!(
        w,
        "audit: jiuzhu {} · rules {} · params {}… · case {}…",
        d.audit.crate_version,
        d.audit.rule_catalogue_version,
        d.audit.parameters_digest.get(..12).unwrap_or(""),
        d.audit
            .case_digest
            .as_deref()
            .and_then(|c| c.get(..12))
            .unwrap_or("-")
    )?;
    Ok(())
}
