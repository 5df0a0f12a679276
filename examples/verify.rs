//! Evaluates one household file and prints what verification and monitoring found: the
//! discrepancies with their effect, the field tasks for the township, the recommended action, the
//! next review and the warnings.
//!
//! ```text
//! cargo run --example verify -- examples/households/verify-undeclared-car.json
//! cargo run --example verify -- examples/households/recheck-wage-rise.json
//! ```

use std::process::ExitCode;

use jiuzhu::{Action, Determination, RuleBook};

fn main() -> ExitCode {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/households/verify-undeclared-car.json".to_owned());
    let text = match std::fs::read_to_string(&file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let det =
        match jiuzhu::parse_case(&text).and_then(|c| jiuzhu::evaluate(&c, &RuleBook::embedded())) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("错误 error: {e}");
                return ExitCode::from(1);
            }
        };
    print(&file, &det);
    ExitCode::SUCCESS
}

fn print(file: &str, d: &Determination) {
    println!("jiuzhu 核对与监测 verification and monitoring — {file}");
    for p in &d.programmes {
        println!(
            "  {:<18} {:?}{}",
            p.programme.as_str(),
            p.outcome,
            if p.total_monthly().is_zero() {
                String::new()
            } else {
                format!(" · {} 元/月", p.total_monthly())
            }
        );
    }
    let v = &d.verification;
    let checked: Vec<&str> = v.departments_checked.iter().map(|x| x.as_str()).collect();
    println!("\n核对 verification · departments {}", checked.join(", "));
    if !v.missing_departments.is_empty() {
        let missing: Vec<&str> = v.missing_departments.iter().map(|x| x.as_str()).collect();
        println!("  缺少 missing: {}", missing.join(", "));
    }
    for f in &v.findings {
        println!("  {:?} {:<14} {}", f.verdict, f.rule.id(), f.text_zh());
        println!("  {:<20} {}", "", f.text_en());
    }
    println!("\n入户核查任务 field tasks: {}", v.field_tasks.len());
    for t in &v.field_tasks {
        println!("  [{}] {}", t.effect.as_str(), t.check_zh);
        println!("  {:<10} {}", "", t.check_en);
    }
    let m = &d.monitoring;
    println!("\n监测 monitoring");
    match &m.action {
        None => println!("  action: —"),
        Some(Action::Continue {
            programme, amount, ..
        }) => {
            println!("  action: continue {} at {amount}", programme.as_str())
        }
        Some(Action::Adjust {
            programme,
            current_amount,
            new_amount,
            difference,
            ..
        }) => println!(
            "  action: adjust {} {current_amount} → {new_amount} ({difference})",
            programme.as_str()
        ),
        Some(Action::GradualExit {
            programme,
            amount,
            months,
            exit_end_month,
            ..
        }) => println!(
            "  action: gradual exit from {} at {amount} for {months} months, last month {}",
            programme.as_str(),
            exit_end_month.format("%Y-%m")
        ),
        Some(Action::Terminate {
            programme, rule, ..
        }) => {
            println!("  action: terminate {} ({rule})", programme.as_str())
        }
        Some(Action::Enrol {
            programme,
            amount,
            from_programme,
            ..
        }) => println!(
            "  action: enrol in {}{}{}",
            programme.as_str(),
            amount.map(|a| format!(" at {a}")).unwrap_or_default(),
            from_programme
                .map(|p| format!(" (leaving {})", p.as_str()))
                .unwrap_or_default()
        ),
        // `Action` may grow: an action added later
        Some(other) => println!("  action: {other:?}"),
    }
    if let Some(n) = m.next_review {
        println!("  next review 下次复核: {n}");
    }
    for w in &m.warnings {
        println!(
            "  ⚑ {} {} → {} within {} days ({})",
            w.colour.as_str(),
            w.rule,
            w.level.as_str(),
            w.deadline_days,
            w.reason
        );
    }
    for f in &m.findings {
        println!("  {:?} {:<20} {}", f.verdict, f.rule.id(), f.text_zh());
    }
}
