//! Runs policy staff's case files and says, per case, `pass` or what differs.
//!
//! ```text
//! cargo run --example check -- examples/cases/              # every *.toml case file there
//! cargo run --example check -- examples/cases/db1-at-standard.toml   # one file
//! ```
//!
//! Each case file holds a household, the policy point it checks and the results expected; see
//! `examples/cases/TEMPLATE.toml.txt`. The exit status is 0 when every case passed and 1 when
//! any failed or could not be read. `jiuzhu check PATH…` is the same command in the county tool.

use std::process::ExitCode;

use jiuzhu_tools::casefile;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!(
            "usage: cargo run --example check -- [CASE.toml | DIR]...  (default: examples/cases)"
        );
        return ExitCode::SUCCESS;
    }
    let mut out = std::io::stdout().lock();
    ExitCode::from(casefile::check_main(&args, &mut out))
}
