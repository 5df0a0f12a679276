//! The subcommands: their arguments and what each one does.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jiuzhu::{Determination, RuleBook};
use jiuzhu_tools::report::{self, RunInfo, Tally};
use jiuzhu_tools::{batch as batch_core, casefile, generate as gen_core};

use crate::exit::{ANSWER_ERROR, OK, USAGE_OR_IO};

fn tool() -> String {
    format!("jiuzhu {}", env!("CARGO_PKG_VERSION"))
}

/// The embedded rule book, with `dir` laid over it if given.
fn rules(dir: Option<&Path>) -> Result<RuleBook, u8> {
    match dir {
        None => Ok(RuleBook::embedded()),
        Some(d) => RuleBook::embedded().overlay_dir(d).map_err(|e| {
            eprintln!("错误 error: cannot load the rules in {}: {e}", d.display());
            ANSWER_ERROR
        }),
    }
}

fn read_input(path: &Path) -> Result<String, u8> {
    let mut text = String::new();
    let read = if path == Path::new("-") {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map(|()| text).map_err(|e| {
        eprintln!("错误 error: cannot read {}: {e}", path.display());
        USAGE_OR_IO
    })
}

fn code(r: Result<u8, u8>) -> u8 {
    r.unwrap_or_else(|c| c)
}

/// Arguments of `jiuzhu evaluate`.
#[derive(Args, Debug)]
pub struct EvaluateArgs {
    /// 案例 JSON 文件，`-` 为标准输入 The case as JSON, `-` for standard input.
    pub file: PathBuf,
    /// 输出完整 JSON 答复 Print the full JSON answer instead of the verdict.
    #[arg(long)]
    pub json: bool,
    /// 输出书面决定（不予批准、终止等） Print the decisions in writing the case calls for
    /// (refusal, termination…; S0 Arts. 45, 48); with `--json`, their JSON answer.
    #[arg(long)]
    pub notice: bool,
    /// 叠加参数目录 Parameter files laid over the embedded rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
}

/// `jiuzhu evaluate`.
pub fn evaluate(a: &EvaluateArgs) -> u8 {
    code((|| {
        let text = read_input(&a.file)?;
        let book = rules(a.rules.as_deref())?;
        if a.notice {
            return Ok(print_notices(&text, &book, a.json));
        }
        if a.json {
            let answer = jiuzhu::evaluate_json_with(&text, &book);
            outln!("{answer}");
            return Ok(if answer.starts_with("{\"ok\"") {
                OK
            } else {
                ANSWER_ERROR
            });
        }
        let result = jiuzhu::parse_case(&text).and_then(|c| jiuzhu::evaluate(&c, &book));
        match result {
            Ok(d) => {
                let file = a.file.display().to_string();
                if let Err(e) = jiuzhu_tools::verdict::write(&mut io::stdout().lock(), &file, &d) {
                    crate::stdout_failed(&e);
                }
                Ok(OK)
            }
            Err(e) => {
                eprintln!("错误 error: {e}");
                Ok(ANSWER_ERROR)
            }
        }
    })())
}

/// `jiuzhu evaluate --notice`: each notice's text, Chinese then English, separated by a rule;
/// a line saying so when the case calls for none.
fn print_notices(text: &str, book: &RuleBook, json: bool) -> u8 {
    if json {
        let answer = jiuzhu::evaluate_notices_json_with(text, book);
        outln!("{answer}");
        return if answer.starts_with("{\"ok\"") {
            OK
        } else {
            ANSWER_ERROR
        };
    }
    match jiuzhu::parse_case(text).and_then(|c| jiuzhu::evaluate(&c, book)) {
        Ok(d) => {
            let notices = jiuzhu::notices(&d);
            if notices.is_empty() {
                outln!("本案无需书面决定 No decision in writing is called for.");
            }
            for (i, n) in notices.iter().enumerate() {
                if i > 0 {
                    outln!("\n{}\n", "─".repeat(40));
                }
                outln!("{}", n.text);
            }
            OK
        }
        Err(e) => {
            eprintln!("错误 error: {e}");
            ANSWER_ERROR
        }
    }
}

/// Arguments of `jiuzhu serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// 监听地址（缺省仅本机） Where to listen; loopback by default, `0.0.0.0:PORT` lets other
    /// machines in.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// 叠加参数目录 Parameter files laid over the embedded rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// 每个请求最长秒数 Seconds a request may take.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
    /// 同时处理的请求数 Requests handled at once.
    #[arg(long, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub concurrency: u64,
    /// 不逐条记录请求 No log line per request.
    #[arg(long)]
    pub quiet: bool,
}

/// `jiuzhu serve`: the HTTP service and the page, until SIGTERM or Ctrl-C (as `jiuzhu-serve`).
pub fn serve(a: &ServeArgs) -> u8 {
    let opts = jiuzhu_serve::ServeOptions {
        addr: a.addr,
        rules_dir: a.rules.clone(),
        timeout: std::time::Duration::from_secs(a.timeout),
        concurrency: usize::try_from(a.concurrency).unwrap_or(64),
        log: !a.quiet,
        ..jiuzhu_serve::ServeOptions::default()
    };
    match jiuzhu_serve::run(opts) {
        Ok(()) => OK,
        Err(e @ jiuzhu_serve::Error::Rules { .. }) => {
            eprintln!("错误 error: {e}");
            ANSWER_ERROR
        }
        Err(e) => {
            eprintln!("错误 error: {e}");
            USAGE_OR_IO
        }
    }
}

/// Arguments of `jiuzhu check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// 案例文件或目录（缺省 examples/cases） Case files or folders (default `examples/cases`).
    pub paths: Vec<String>,
}

/// `jiuzhu check`: 0 when every case file passed, 1 otherwise.
pub fn check(a: &CheckArgs) -> u8 {
    let mut out = io::stdout().lock();
    casefile::check_main(&a.paths, &mut out)
}

/// When to draw the progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Progress {
    /// 仅在终端上 Only when standard error is a terminal.
    Auto,
    /// 总是 Always.
    Always,
    /// 从不 Never.
    Never,
}

impl Progress {
    /// Whether to draw, given whether standard error is a terminal.
    pub fn draw(self, terminal: bool) -> bool {
        match self {
            Progress::Auto => terminal,
            Progress::Always => true,
            Progress::Never => false,
        }
    }
}

/// Arguments of `jiuzhu batch`.
#[derive(Args, Debug)]
pub struct BatchArgs {
    /// 输入：每行一个案例 JSON Cases, one JSON document per line.
    pub input: PathBuf,
    /// 输出：每行一个答复，按输入顺序 Answers, one per line, in input order (gzip when the
    /// name ends in `.gz`).
    #[arg(long, value_name = "OUT.jsonl")]
    pub out: PathBuf,
    /// 报告（Markdown；旁边写 SVG 和 CSV） The county report (Markdown; SVG and CSV beside it).
    #[arg(long, value_name = "REPORT.md")]
    pub summary: Option<PathBuf>,
    /// 紧凑输出：仅结果、类别和金额 Write only outcomes, classes and amounts.
    #[arg(long)]
    pub compact: bool,
    /// 完整输出附中英文说明句 Full answers with each finding's Chinese and English sentences
    /// (the same as `--explain sentences`).
    #[arg(long, conflicts_with_all = ["compact", "explain"])]
    pub sentences: bool,
    /// 说明程度 How much explanation a full answer carries: `none` (decisions only),
    /// `findings` (findings with figures and sources, no sentences) or `sentences`.
    #[arg(
        long,
        value_name = "LEVEL",
        default_value = "findings",
        conflicts_with = "compact"
    )]
    pub explain: jiuzhu::Explain,
    /// 每行附完整参数表 Every full answer with its whole parameter list (without it: each
    /// distinct list written once as a `parameter_set` line, referred to by its digest).
    #[arg(long, conflicts_with = "compact")]
    pub inline_parameters: bool,
    /// 工作线程数 Worker threads.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// 叠加参数目录 Parameter files laid over the embedded rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// 比较规则：再按此叠加评估一次 Evaluate again with this overlay and report the changes.
    #[arg(long, value_name = "DIR")]
    pub compare_rules: Option<PathBuf>,
    /// 进度条 Progress bar on standard error (items/s, ETA).
    #[arg(long, value_enum, default_value_t = Progress::Auto)]
    pub progress: Progress,
}

/// `jiuzhu batch`: 1 when any line was answered with an error.
pub fn batch(a: &BatchArgs) -> u8 {
    code((|| {
        let book = rules(a.rules.as_deref())?;
        let compare = match &a.compare_rules {
            Some(d) => Some(rules(Some(d))?),
            None => None,
        };
        let input = File::open(&a.input).map_err(|e| {
            eprintln!("错误 error: cannot open {}: {e}", a.input.display());
            USAGE_OR_IO
        })?;
        let size = input.metadata().ok().map(|m| m.len());
        // A report left at these paths by an earlier run must not look like this run's (the
        // output itself is replaced by `run_to_file`).
        if let Some(path) = &a.summary {
            for p in [
                path.clone(),
                path.with_extension("svg"),
                path.with_extension("csv"),
            ] {
                batch_core::remove_stale(&p).map_err(|e| {
                    eprintln!("错误 error: cannot remove the old {}: {e}", p.display());
                    USAGE_OR_IO
                })?;
            }
        }
        let mut opts = batch_core::Options::new(&book);
        opts.compare = compare.as_ref();
        opts.compact = a.compact;
        opts.explain = if a.sentences {
            jiuzhu::Explain::Sentences
        } else {
            a.explain
        };
        opts.shared_parameters = !a.inline_parameters;
        opts.gzip = a.out.extension().is_some_and(|e| e == "gz");
        if let Some(t) = a.threads {
            opts.threads = usize::from(t);
        }
        opts.report_errors = true;
        opts.county_report = a.summary.is_some();
        // the refusal reasons are read only by the report: without one, a compact or
        // `--explain none` run decides without building findings
        opts.reasons = a.summary.is_some();
        if a.progress.draw(io::stderr().is_terminal()) {
            opts.progress = Some(size);
        }
        let reader = BufReader::with_capacity(1 << 20, input);
        // Through a temporary file renamed when every line is answered: a run that fails or is
        // killed leaves nothing at OUT.jsonl that could be taken for its result (issue 14).
        let mut summary = batch_core::run_to_file(reader, &a.out, &opts).map_err(|e| {
            eprintln!(
                "错误 error: the batch failed: {e} (nothing written to {})",
                a.out.display()
            );
            USAGE_OR_IO
        })?;
        eprintln!(
            "{} 行 lines read, {} 结果 results, {} 错误 errors, {:.2} s",
            report::thousands(summary.lines_read),
            report::thousands(summary.results),
            report::thousands(summary.errors),
            summary.seconds
        );
        if let Some(path) = &a.summary {
            let name = file_name(&a.out);
            summary.county.batches = vec![report::Batch {
                name,
                households: summary.results,
                errors: summary.errors,
            }];
            summary.county.seconds = Some(summary.seconds);
            let technical =
                summary.to_markdown("附录 Appendix: technical summary of the run", None);
            let mut appendix = String::from("\n---\n\n");
            for line in technical.lines() {
                // one level down, under the county report
                if line.starts_with('#') {
                    appendix.push('#');
                }
                appendix.push_str(line);
                appendix.push('\n');
            }
            if let Some(d) = &a.compare_rules {
                appendix.push_str(&format!(
                    "\nComparison rules: the embedded rule book with `{}` laid over it.\n",
                    d.display()
                ));
            }
            write_report(&summary.county, path, &appendix)?;
        }
        Ok(if summary.errors > 0 { ANSWER_ERROR } else { OK })
    })())
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Writes REPORT.md, with REPORT.svg and REPORT.csv beside it.
fn write_report(t: &Tally, path: &Path, appendix: &str) -> Result<(), u8> {
    let svg_path = path.with_extension("svg");
    let csv_path = path.with_extension("csv");
    let info = RunInfo { tool: tool() };
    let r = t.render(&info, Some(&file_name(&svg_path)));
    let write = |p: &Path, text: &str| {
        batch_core::write_file_atomically(p, text.as_bytes()).map_err(|e| {
            eprintln!("错误 error: cannot write {}: {e}", p.display());
            USAGE_OR_IO
        })
    };
    write(path, &format!("{}{appendix}", r.markdown))?;
    write(&svg_path, &r.svg)?;
    write(&csv_path, &r.csv)?;
    Ok(())
}

/// Arguments of `jiuzhu report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// 批量输出文件（每个文件为一批） Batch outputs (full answers), each file one batch.
    #[arg(required = true)]
    pub outputs: Vec<PathBuf>,
    /// 写入 Markdown（旁边写 SVG 和 CSV），缺省输出到标准输出 Write the report here (SVG and CSV
    /// beside it); standard output otherwise.
    #[arg(long, value_name = "REPORT.md")]
    pub out: Option<PathBuf>,
}

/// `jiuzhu report`.
pub fn report(a: &ReportArgs) -> u8 {
    code((|| {
        let started = std::time::Instant::now();
        let mut t = Tally::default();
        for p in &a.outputs {
            // a gzip output (`batch --out OUT.jsonl.gz`) is read through its decompression
            let f = batch_core::open_output(p).map_err(|e| {
                eprintln!("错误 error: cannot open {}: {e}", p.display());
                USAGE_OR_IO
            })?;
            t.add_output(&file_name(p), f).map_err(|e| {
                eprintln!("错误 error: {e}");
                USAGE_OR_IO
            })?;
        }
        t.seconds = Some(started.elapsed().as_secs_f64());
        match &a.out {
            Some(path) => write_report(&t, path, "")?,
            None => {
                let r = t.render(&RunInfo { tool: tool() }, None);
                let mut out = io::stdout().lock();
                out.write_all(r.markdown.as_bytes())
                    .and_then(|()| out.flush())
                    .map_err(|_| USAGE_OR_IO)?;
            }
        }
        Ok(OK)
    })())
}

/// Arguments of `jiuzhu generate`.
#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// 户数 Households.
    pub n: u64,
    /// 随机种子：同一种子总是同一批家庭 Seed: the same seed always gives the same households.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// 生成方案 Profile: `county` (a county's year, with temporary-relief events) or
    /// `corpus-2026` (the golden corpus's generator).
    #[arg(long, default_value = "county", value_parser = ["county", "corpus-2026"])]
    pub profile: String,
    /// 每 1,000 行放一行错误输入 One malformed line in each block of 1,000.
    #[arg(long)]
    pub errors: bool,
}

/// `jiuzhu generate`.
pub fn generate(a: &GenerateArgs) -> u8 {
    let profile = gen_core::Profile::from_name(&a.profile).unwrap_or_default();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let written = gen_core::write_caseload_in(profile, a.n, a.seed, a.errors, &mut out)
        .and_then(|_| out.flush());
    match written {
        Ok(()) => OK,
        // the reader took what it wanted (`jiuzhu generate … | head`)
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("错误 error: {e}");
            USAGE_OR_IO
        }
    }
}

/// Arguments of `jiuzhu diff`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// 案例 JSON 文件，`-` 为标准输入 The case as JSON, `-` for standard input.
    pub case: PathBuf,
    /// 叠加参数目录（与现行规则比较） The overlay compared with today's rules.
    #[arg(long, value_name = "DIR")]
    pub rules: PathBuf,
}

/// `jiuzhu diff`.
pub fn diff(a: &DiffArgs) -> u8 {
    code((|| {
        let text = read_input(&a.case)?;
        let base = rules(None)?;
        let other = rules(Some(&a.rules))?;
        let eval =
            |book: &RuleBook| jiuzhu::parse_case(&text).and_then(|c| jiuzhu::evaluate(&c, book));
        match (eval(&base), eval(&other)) {
            (Ok(b), Ok(o)) => {
                out!("{}", diff_text(&b, &o, &a.rules.display().to_string()));
                Ok(OK)
            }
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("错误 error: {e}");
                Ok(ANSWER_ERROR)
            }
        }
    })())
}

fn outcome_zh(o: jiuzhu::Outcome) -> String {
    let (zh, en) = o.words();
    format!("{zh} {en}")
}

fn amounts(p: &jiuzhu::ProgrammeResult) -> String {
    let mut s = outcome_zh(p.outcome);
    if let Some(c) = p.class {
        s.push_str(&format!(" · {}", c.as_str()));
    }
    let total = p.total_monthly();
    if !total.is_zero() {
        s.push_str(&format!(" · {} 元/月 a month", report::yuan(total)));
    }
    if let Some(a) = p.one_off_amount {
        s.push_str(&format!(" · {} 元一次性 one-off", report::yuan(a.value())));
    }
    s
}

/// The side-by-side comparison of one household under two rule books.
pub fn diff_text(base: &Determination, other: &Determination, overlay: &str) -> String {
    let mut s = format!(
        "同一户家庭，现行规则与叠加 {overlay} 对比 One household under today's rules and with {overlay} laid over them\n\n"
    );
    let mut changed = 0;
    for p in &base.programmes {
        let q = other.programme(p.programme);
        let (zh, en) = report::programme_name(p.programme);
        let now = amounts(p);
        let then = q.map_or_else(|| "—".to_owned(), amounts);
        let mark = if now == then { " " } else { "≠" };
        s.push_str(&format!(
            "{mark} {zh} {en}\n    现行 today:   {now}\n    叠加 overlay: {then}\n"
        ));
        if let Some(q) = q {
            if now != then {
                changed += 1;
            }
            for line in finding_changes(p, q) {
                s.push_str(&line);
            }
        }
    }
    let delta = |d: &Determination| -> rust_decimal::Decimal {
        d.programmes.iter().map(|p| p.total_monthly()).sum()
    };
    let (a, b) = (delta(base), delta(other));
    s.push_str(&format!(
        "\n{} 个项目有变化 programmes changed; 每月合计 monthly total {} → {} 元 yuan ({}{})\n",
        changed,
        report::yuan(a),
        report::yuan(b),
        if b >= a { "+" } else { "" },
        report::yuan(b - a)
    ));
    let params: Vec<String> = other
        .parameters
        .iter()
        .filter(|u| {
            !base
                .parameters
                .iter()
                .any(|v| v.name == u.name && v.value == u.value && v.from == u.from)
        })
        .map(|u| {
            format!(
                "    {} = {} (from {}, {}, {})\n",
                u.name,
                serde_json::to_string(&u.value).unwrap_or_default(),
                u.from,
                u.division,
                u.status.as_str()
            )
        })
        .collect();
    if !params.is_empty() {
        s.push_str("\n叠加改变的参数 Parameters the overlay changes:\n");
        for p in params {
            s.push_str(&p);
        }
    }
    s
}

/// Findings whose verdict or sentence differs, by rule.
fn finding_changes(p: &jiuzhu::ProgrammeResult, q: &jiuzhu::ProgrammeResult) -> Vec<String> {
    let mut out = Vec::new();
    for (i, f) in p.findings.iter().enumerate() {
        let g = q
            .findings
            .iter()
            .filter(|g| g.rule == f.rule && g.member == f.member)
            .nth(
                p.findings
                    .iter()
                    .take(i)
                    .filter(|h| h.rule == f.rule && h.member == f.member)
                    .count(),
            );
        match g {
            Some(g) if g.verdict == f.verdict && g.text_zh() == f.text_zh() => {}
            Some(g) => out.push(format!(
                "    {} {:?} → {:?}\n      现行 {}\n      叠加 {}\n      {}\n",
                f.rule.id(),
                f.verdict,
                g.verdict,
                f.text_zh(),
                g.text_zh(),
                g.text_en()
            )),
            None => out.push(format!(
                "    {} {:?} → (not applied)\n",
                f.rule.id(),
                f.verdict
            )),
        }
    }
    out
}

/// Arguments of `jiuzhu params`.
#[derive(Args, Debug)]
pub struct ParamsArgs {
    /// 行政区划代码，如 621027（镇原县） Division code, e.g. 621027 (Zhenyuan).
    pub division: String,
    /// 日期（缺省今天） Date, YYYY-MM-DD (default today).
    #[arg(long)]
    pub date: Option<chrono::NaiveDate>,
    /// 叠加参数目录 Parameter files laid over the embedded rules.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// 以 JSON 输出 Print as JSON.
    #[arg(long)]
    pub json: bool,
}

fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|e| e.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// `jiuzhu params`.
pub fn params(a: &ParamsArgs) -> u8 {
    code((|| {
        let book = rules(a.rules.as_deref())?;
        let date = a.date.unwrap_or_else(today);
        let all = book.parameters_on(&a.division, date).map_err(|e| {
            eprintln!("错误 error: {e}");
            ANSWER_ERROR
        })?;
        if a.json {
            let v: Vec<&jiuzhu::rules::ParamUse> = all.iter().collect();
            outln!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            return Ok(OK);
        }
        outln!(
            "{} 于 {date} 的参数 parameters in force on {date}\n",
            report::division_name(&a.division)
        );
        outln!(
            "{:<40} {:<16} {:<10} {:<8} {:<12} 来源 source",
            "参数 name",
            "值 value",
            "起 from",
            "区划 by",
            "状态 status"
        );
        for p in all.iter() {
            let warn: Vec<String> = p
                .warnings
                .iter()
                .map(|w| {
                    let (zh, en) = w.words();
                    format!("⚠ {zh} {en}")
                })
                .collect();
            outln!(
                "{:<40} {:<16} {:<10} {:<8} {:<12} {}{}{}",
                p.name,
                serde_json::to_string(&p.value).unwrap_or_default(),
                p.from,
                p.division,
                p.status.as_str(),
                p.source,
                if warn.is_empty() { "" } else { " " },
                warn.join(", ")
            );
        }
        Ok(OK)
    })())
}

/// Which schema to print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// 案例 The case a caller sends.
    Case,
    /// 认定结果 The determination.
    Determination,
    /// 答复：结果或错误 The answer: `{"ok": determination}` or `{"error": …}`.
    Answer,
}

/// Arguments of `jiuzhu schema`.
#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// 哪一个 Which schema.
    #[arg(value_enum)]
    pub kind: SchemaKind,
}

const CASE_SCHEMA: &str = include_str!("../../rules-spec/schema/case.schema.json");
const DETERMINATION_SCHEMA: &str =
    include_str!("../../rules-spec/schema/determination.schema.json");

/// The answer schema: the determination schema under `ok`, or an error.
pub fn answer_schema() -> serde_json::Value {
    let mut det: serde_json::Value = serde_json::from_str(DETERMINATION_SCHEMA).unwrap_or_default();
    let defs = det
        .as_object_mut()
        .and_then(|o| o.remove("$defs"))
        .unwrap_or_else(|| serde_json::json!({}));
    if let Some(o) = det.as_object_mut() {
        o.remove("$schema");
    }
    let mut defs = match defs {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    defs.insert("Determination".to_owned(), det);
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Answer",
        "description": "The answer of evaluate_json: a determination or an error",
        "oneOf": [
            {
                "type": "object",
                "required": ["ok"],
                "additionalProperties": false,
                "properties": { "ok": { "$ref": "#/$defs/Determination" } }
            },
            {
                "type": "object",
                "required": ["error"],
                "additionalProperties": false,
                "properties": {
                    "error": {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": { "type": "string" },
                            "path": { "type": "string" },
                            "message": { "type": "string" }
                        }
                    }
                }
            }
        ],
        "$defs": defs
    })
}

/// `jiuzhu schema`.
pub fn schema(a: &SchemaArgs) -> u8 {
    match a.kind {
        SchemaKind::Case => out!("{CASE_SCHEMA}"),
        SchemaKind::Determination => out!("{DETERMINATION_SCHEMA}"),
        SchemaKind::Answer => outln!(
            "{}",
            serde_json::to_string_pretty(&answer_schema()).unwrap_or_default()
        ),
    }
    OK
}
