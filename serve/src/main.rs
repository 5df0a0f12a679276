//! `jiuzhu-serve [--addr 127.0.0.1:8080] [--rules DIR] [--timeout SECS] [--concurrency N] [--quiet]`:
//! the HTTP service and the page (until the command-line tool absorbs it as `jiuzhu serve`).

use std::process::ExitCode;
use std::time::Duration;

use jiuzhu_serve::ServeOptions;

const USAGE: &str = "usage: jiuzhu-serve [--addr 127.0.0.1:8080] [--rules DIR] [--timeout SECS] \
[--concurrency N] [--quiet]
  --addr         where to listen (loopback by default; 0.0.0.0:PORT to let other machines in)
  --rules        a directory of parameter files laid over the embedded rules
  --timeout      seconds a request may take (30)
  --concurrency  requests handled at once (64)
  --quiet        no log line per request";

fn parse(args: &[String]) -> Result<ServeOptions, String> {
    let mut opts = ServeOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--addr" => {
                let v = value("--addr")?;
                opts.addr = v
                    .parse()
                    .map_err(|_| format!("--addr: `{v}` is not an address like 127.0.0.1:8080"))?;
            }
            "--rules" => opts.rules_dir = Some(value("--rules")?.into()),
            "--timeout" => {
                let v = value("--timeout")?;
                let secs: u64 = v
                    .parse()
                    .map_err(|_| format!("--timeout: `{v}` is not a number of seconds"))?;
                opts.timeout = Duration::from_secs(secs.max(1));
            }
            "--concurrency" => {
                let v = value("--concurrency")?;
                opts.concurrency = v
                    .parse()
                    .map_err(|_| format!("--concurrency: `{v}` is not a number"))?;
            }
            "--quiet" => opts.log = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(opts)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opts = match parse(&args) {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("jiuzhu-serve: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match jiuzhu_serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jiuzhu-serve: {e}");
            ExitCode::from(1)
        }
    }
}
