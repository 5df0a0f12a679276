//! Evaluates one household file and prints a readable bilingual verdict.
//!
//! ```text
//! cargo run --example evaluate -- examples/households/urban-gap.json
//! cargo run --example evaluate -- --json examples/households/urban-gap.json
//! cargo run --example evaluate -- --rules DIR FILE.json    # parameters laid over the defaults
//! ```

use std::process::ExitCode;

use jiuzhu::RuleBook;

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
            // the verdict as `jiuzhu evaluate` prints it (jiuzhu_tools::verdict reads the
            // determination's programmes, findings, parameters and audit)
            match jiuzhu_tools::verdict::write(&mut std::io::stdout().lock(), &file, &d) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(2),
            }
        }
        Err(e) => {
            eprintln!("错误 error: {e}");
            ExitCode::from(1)
        }
    }
}
