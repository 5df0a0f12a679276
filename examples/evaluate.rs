//! Evaluates one household file and prints a readable bilingual verdict.
//!
//! ```text
//! cargo run --example evaluate -- examples/households/urban-gap.json
//! cargo run --example evaluate -- --json examples/households/urban-gap.json
//! cargo run --example evaluate -- --rules DIR FILE.json    # parameters laid over the defaults
//! ```

use std::process::ExitCode;

use jiuzhu::{Determination, Outcome, RuleBook, Verdict};

fn main() -> ExitCode {
    let mut json = false;
    let mut rules_dir = None;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--rules" => rules_dir = args.next(),
            _ => file = Some(a),
        }
    }
    let file = file.unwrap_or_else(|| "examples/households/urban-gap.json".to_owned());
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let rules = match rules_dir {
        Some(dir) => match RuleBook::embedded().overlay_dir(&dir) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("cannot load rules: {e}");
                return ExitCode::from(2);
            }
        },
        None => RuleBook::embedded(),
    };
    if json {
        // The answer is printed either way; an error answer exits 1 (issue 14).
        let result = jiuzhu::parse_case(&text).and_then(|c| jiuzhu::evaluate(&c, &rules));
        println!("{}", jiuzhu::answer(result.as_ref()));
        return if result.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    let case = match jiuzhu::parse_case(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("错误 error: {e}");
            return ExitCode::from(1);
        }
    };
    match jiuzhu::evaluate(&case, &rules) {
        Ok(d) => {
            print_verdict(&file, &d);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误 error: {e}");
            ExitCode::from(1)
        }
    }
}

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

fn print_verdict(file: &str, d: &Determination) {
    println!("jiuzhu 救助 — {file}");
    println!(
        "division {} · {} · {:?} · {:?}",
        d.jurisdiction, d.evaluation_date, d.purpose, d.area
    );
    let a = &d.accounts;
    println!(
        "counted members 计入成员: {} · monthly income 月收入 {} · per head 人均 {} · standard 标准 {}",
        a.counted_members.len(),
        a.monthly_income.value().round_dp(2).normalize(),
        a.per_capita_income
            .map(|p| p.value().round_dp(2).normalize().to_string())
            .unwrap_or_else(|| "—".into()),
        a.standard.value().round_dp(2).normalize(),
    );
    println!();
    for p in &d.programmes {
        print!("■ {} — {}", p.programme.as_str(), outcome_text(p.outcome));
        if let Some(c) = p.class {
            print!(" · {}", c.as_str());
        }
        if let Some(m) = p.monthly_amount {
            print!(" · {m} 元/月 yuan a month");
        }
        if let Some(a) = p.one_off_amount {
            print!(" · {a} 元一次性 yuan one-off");
        }
        if let Some(r) = p.review_reason {
            print!(" · {r:?}");
        }
        if let Some(d) = p.valid_until {
            print!(" · until {d}");
        }
        println!();
        for f in &p.findings {
            if matches!(f.verdict, Verdict::Fail | Verdict::Unknown)
                || f.rule.id().starts_with("DB")
            {
                println!("   {} {:<9} {}", mark(f.verdict), f.rule.id(), f.text_zh());
                println!("     {:<9} {}", "", f.text_en());
            }
        }
        for c in &p.individual_coverage {
            print!(
                "   ▸ {} via {}: {}",
                c.member,
                c.route,
                outcome_text(c.outcome)
            );
            if let Some(m) = c.monthly_amount {
                print!(" · {m} 元/月");
            }
            println!();
        }
        for r in &p.review {
            println!(
                "   ? review {}{}",
                r.rule,
                r.member
                    .as_deref()
                    .map(|m| format!(" ({m})"))
                    .unwrap_or_default()
            );
        }
    }
    let v = &d.verification;
    let m = &d.monitoring;
    println!();
    println!(
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
    );
    if !v.discrepancies.is_empty() || !m.warnings.is_empty() {
        println!("   details 详情: cargo run --example verify -- {file}");
    }
    println!();
    println!("accounts 核算:");
    for f in &a.findings {
        println!("   {} {:<6} {}", mark(f.verdict), f.rule.id(), f.text_zh());
    }
    println!();
    println!("parameters 参数:");
    for p in &d.parameters {
        let warn: Vec<String> = p
            .warnings
            .iter()
            .map(|w| {
                let (zh, en) = w.words();
                format!("{zh} {en}")
            })
            .collect();
        println!(
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
        );
    }
    println!();
    println!(
        "audit: jiuzhu {} · rules {} · params {}… · case {}…",
        d.audit.crate_version,
        d.audit.rule_catalogue_version,
        d.audit.parameters_digest.get(..12).unwrap_or(""),
        d.audit.case_digest.get(..12).unwrap_or("")
    );
}
