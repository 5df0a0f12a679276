//! `jiuzhu`, the county command-line tool over the jiuzhu rules engine and its tools library.
//!
//! Each subcommand is one variant of [`Command`] and one function of [`run`]; adding a
//! subcommand is a variant, its arguments and a match arm.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// `println!` for standard output that ends the program quietly when the reader has gone away
/// (`jiuzhu evaluate … | head`) instead of panicking, and with exit code 2 on other failures.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
            $crate::stdout_failed(&e)
        }
    }};
}

/// `print!` with the same care as [`outln!`].
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($t)*) {
            $crate::stdout_failed(&e)
        }
    }};
}

mod commands;

/// Exit codes, as `--help` states them.
pub mod exit {
    /// Everything worked and every answer was a result.
    pub const OK: u8 = 0;
    /// At least one answer was an error (a case that cannot be evaluated, a batch line that was
    /// refused, a case file whose expectation failed, an overlay that does not load).
    pub const ANSWER_ERROR: u8 = 1;
    /// The command itself failed: wrong arguments, a file that cannot be read or written.
    pub const USAGE_OR_IO: u8 = 2;
}

const AFTER_HELP: &str = "\
退出码 Exit codes:
  0  成功，所有答复均为结果 success, every answer is a result
  1  至少一个答复是错误（案例无法评估、批量中的错误行、案例文件未通过、参数叠加无法加载）
     at least one answer is an error (a case that cannot be evaluated, an error line in a batch,
     a failing case file, an overlay that does not load)
  2  命令本身失败（参数错误、文件无法读写） the command failed (arguments, files)

示例 Examples:
  jiuzhu evaluate examples/households/urban-gap.json
  jiuzhu generate 10000 --seed 7 > h.jsonl
  jiuzhu batch h.jsonl --out o.jsonl --summary r.md
  jiuzhu report o.jsonl
  jiuzhu evaluate --notice examples/cases/notice-refusal-income-above-standard.toml  (see README)
  jiuzhu serve --addr 127.0.0.1:8080";

/// jiuzhu 救助：县级社会救助核对与认定工具 — the county tool for social assistance: eligibility,
/// amounts, department checks and the annual report.
#[derive(Parser, Debug)]
#[command(name = "jiuzhu", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    /// 子命令 The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// 评估一户家庭，双语说明 Evaluate one household: the readable bilingual verdict.
    Evaluate(commands::EvaluateArgs),
    /// 运行政策人员的案例文件 Run policy staff's case files.
    Check(commands::CheckArgs),
    /// 批量核对（JSON 行） Batch: one case per line in, one answer per line out.
    Batch(commands::BatchArgs),
    /// 年度或期间报告 The annual or period report over batch outputs.
    Report(commands::ReportArgs),
    /// 生成模拟家庭 Generate a synthetic caseload (JSON lines on stdout).
    Generate(commands::GenerateArgs),
    /// 比较两套规则下的一户家庭 One household under today's rules and under an overlay.
    Diff(commands::DiffArgs),
    /// 某行政区划某日的参数 The resolved parameters of a division on a date.
    Params(commands::ParamsArgs),
    /// 输出 JSON Schema Print a JSON Schema: case, determination or answer.
    Schema(commands::SchemaArgs),
    /// HTTP 服务与试算页面 The HTTP service and the page where staff try a household.
    Serve(commands::ServeArgs),
}

/// Runs one command and gives its exit code.
pub fn run(command: Command) -> u8 {
    match command {
        Command::Evaluate(a) => commands::evaluate(&a),
        Command::Check(a) => commands::check(&a),
        Command::Batch(a) => commands::batch(&a),
        Command::Report(a) => commands::report(&a),
        Command::Generate(a) => commands::generate(&a),
        Command::Diff(a) => commands::diff(&a),
        Command::Params(a) => commands::params(&a),
        Command::Schema(a) => commands::schema(&a),
        Command::Serve(a) => commands::serve(&a),
    }
}

/// Standard output could not be written: a closed pipe ends the program with success (the
/// reader took what it wanted), anything else with [`exit::USAGE_OR_IO`].
fn stdout_failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("错误 error: cannot write to standard output: {e}");
    std::process::exit(i32::from(exit::USAGE_OR_IO))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(run(cli.command))
}
