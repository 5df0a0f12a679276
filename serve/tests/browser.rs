//! The page as policy staff use it, in a real headless browser: Debian's chromium driven
//! through chromedriver (W3C WebDriver, spoken here over plain HTTP). Fills the form for the
//! README household, checks the outcome, the amount and a finding shown, runs a what-if, checks
//! that the downloadable case file passes `jiuzhu check`, and saves a screenshot
//! (`target/tmp/serve-page.png`; `docs/serve-page.png` with `JIUZHU_UPDATE_SCREENSHOT=1`).
//!
//! Skipped, with a message, when chromium or chromedriver is not installed, unless
//! `JIUZHU_REQUIRE_BROWSER=1` (set by `.ci/run` once it has installed them).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::io::{BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use common::{Server, read_response};
use serde_json::{Value, json};

fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    names.iter().find_map(|n| {
        std::env::split_paths(&path)
            .map(|d| d.join(n))
            .find(|p| p.is_file())
    })
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.try_call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(driver: &Path, browser: &Path, profile: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut d = Driver {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            session: String::new(),
        };
        let start = Instant::now();
        while d.try_call("GET", "/status", None).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": browser.to_str().unwrap(),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--lang=zh-CN",
                         "--window-size=1280,1700",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"].as_str().unwrap().to_owned();
        d
    }

    fn try_call(&self, method: &str, path: &str, body: Option<Value>) -> std::io::Result<Value> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut s = TcpStream::connect(self.addr)?;
        s.set_read_timeout(Some(Duration::from_secs(60)))?;
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        s.write_all(req.as_bytes())?;
        let r = read_response(&mut BufReader::new(s))?;
        let v: Value = serde_json::from_slice(&r.body).map_err(std::io::Error::other)?;
        if r.status != 200 {
            return Err(std::io::Error::other(format!(
                "{method} {path}: {} {v}",
                r.status
            )));
        }
        Ok(v["value"].clone())
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_call(method, path, body).unwrap()
    }

    fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn element(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            &self.s("/element"),
            Some(json!({"using": "css selector", "value": css})),
        );
        // the W3C element key, whatever its exact name
        v.as_object()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn click(&self, css: &str) {
        let e = self.element(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/click")),
            Some(json!({})),
        );
    }

    fn fill(&self, css: &str, text: &str) {
        let e = self.element(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/clear")),
            Some(json!({})),
        );
        self.call(
            "POST",
            &self.s(&format!("/element/{e}/value")),
            Some(json!({"text": text})),
        );
    }

    fn text(&self, css: &str) -> String {
        let e = self.element(css);
        self.call("GET", &self.s(&format!("/element/{e}/text")), None)
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": js, "args": []})),
        )
    }

    /// Waits until `css` exists.
    fn wait_exists(&self, css: &str) {
        let start = Instant::now();
        while self
            .try_call(
                "POST",
                &self.s("/element"),
                Some(json!({"using": "css selector", "value": css})),
            )
            .is_err()
        {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{css} never showed"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `css` exists and its text is not empty.
    fn wait_text(&self, css: &str) -> String {
        let start = Instant::now();
        loop {
            let found = self.try_call(
                "POST",
                &self.s("/element"),
                Some(json!({"using": "css selector", "value": css})),
            );
            if found.is_ok() {
                let t = self.text(css);
                if !t.trim().is_empty() {
                    return t;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "{css} never showed"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn policy_staff_try_the_readme_household_in_a_real_browser() {
    let required = std::env::var("JIUZHU_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let browser = find(&["chromium", "chromium-browser"]);
    let driver = find(&["chromedriver"]);
    let (Some(browser), Some(driver)) = (browser, driver) else {
        assert!(
            !required,
            "JIUZHU_REQUIRE_BROWSER=1 but chromium/chromedriver are not installed"
        );
        eprintln!(
            "SKIPPED browser test: chromium and chromedriver are not installed \
             (apt-get install -y chromium chromium-driver)"
        );
        return;
    };
    let server = Server::quiet();
    let profile = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("chromium-profile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let d = Driver::start(&driver, &browser, &profile);
    d.call(
        "POST",
        &d.s("/url"),
        Some(json!({"url": format!("http://{}/", server.addr)})),
    );
    d.wait_exists("#members tr input.key");

    // The README household: three persons, the spouse received 12,000 of support in the year.
    d.fill("#evaluation-date", "2026-11-01");
    d.click("#area option[value=urban]");
    d.fill("#members tr:nth-child(1) input.birth", "1970-03-01");
    d.click("#add-member");
    d.fill("#members tr:nth-child(2) input.birth", "1972-06-15");
    d.click("#add-member");
    d.click("#members tr:nth-child(3) select.relation option[value=child]");
    d.fill("#members tr:nth-child(3) input.birth", "2015-09-01");
    d.click("#add-income");
    d.click("#incomes tr:nth-child(1) select.member option[value=m2]");
    d.click("#incomes tr:nth-child(1) select.category option[value=transfer]");
    d.fill("#incomes tr:nth-child(1) input.amount", "12000");
    assert_eq!(
        d.script("return document.querySelector('#incomes tr input.from').value"),
        json!("2025-11-01")
    );
    d.click("#evaluate");

    let amount = d.wait_text("#outcomes tr[data-programme=minimum_living] td.amount");
    assert_eq!(amount.replace(',', ""), "869 元");
    let outcome = d.text("#outcomes tr[data-programme=minimum_living] td.outcome");
    assert!(outcome.starts_with("符合 eligible"), "{outcome}");
    let marginal = d.text("#outcomes tr[data-programme=marginal_family] td.outcome");
    assert!(marginal.starts_with("不符合"), "{marginal}");
    let db3 = d.text("#findings [data-programme=minimum_living] .finding[data-rule=DB-3]");
    assert!(db3.contains("DB-3") && db3.contains("869"), "{db3}");
    let params = d.text("#params");
    assert!(params.contains("dibao_standard_urban_month") && params.contains("623"));
    assert!(
        params.contains("未确认") && params.contains("过期 stale"),
        "flags missing"
    );

    // The case file the download button writes passes `jiuzhu check` (here /v1/check).
    let file = d.script("return window.jiuzhu.caseFileText()");
    let r = common::post(server.addr, "/v1/check", file.as_str().unwrap().as_bytes());
    assert_eq!(
        r.json()["result"],
        "pass",
        "{}\n{}",
        file.as_str().unwrap(),
        r.text()
    );

    // What if the standard were 700: 700 × 3 − 1,000 = 1,100.
    d.click("#whatif-target option[value=standard]");
    d.fill("#whatif-value", "700");
    d.click("#whatif-run");
    let after = d.wait_text("#whatif-table tr[data-programme=minimum_living] td.after");
    assert!(after.replace(',', "").contains("1100 元"), "{after}");

    d.script("window.scrollTo(0, 0)");
    let png = d.call("GET", &d.s("/screenshot"), None);
    let png = base64::engine::general_purpose::STANDARD
        .decode(png.as_str().unwrap())
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-page.png");
    std::fs::write(&out, &png).unwrap();
    if std::env::var("JIUZHU_UPDATE_SCREENSHOT").is_ok_and(|v| v == "1") {
        std::fs::write(common::root().join("docs/serve-page.png"), &png).unwrap();
    }
    eprintln!("screenshot: {}", out.display());

    // A pasted TOML case file: checked against its expectations, then shown.
    let toml = std::fs::read_to_string(
        common::root().join("examples/cases/db5-rural-class2-zhenyuan.toml"),
    )
    .unwrap();
    let expect: toml::Value = toml::from_str(&toml).unwrap();
    let want = expect["expect"]["minimum_living"]["monthly_amount"]
        .as_str()
        .unwrap()
        .to_owned();
    d.click("#tab-paste");
    d.fill("#paste-text", &toml);
    d.click("#evaluate");
    let report = d.wait_text("#check-report");
    assert!(report.contains("通过 case file passes"), "{report}");
    let start = Instant::now();
    loop {
        let amount = d.text("#outcomes tr[data-programme=minimum_living] td.amount");
        if amount.replace(',', "") == format!("{want} 元") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{amount} is not {want}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // A pasted household refused for its car: the refusal notice, Chinese first, with AST-5.
    let refused = std::fs::read_to_string(
        common::root().join("examples/households/urban-car-asset-failure.json"),
    )
    .unwrap();
    d.fill("#paste-text", &refused);
    d.click("#evaluate");
    let notice = d.wait_text("#notice pre[data-kind=refusal]");
    assert!(
        notice.starts_with("社会救助决定告知书（不予批准）") && notice.contains("[AST-5]"),
        "{notice}"
    );
    drop(d);
    let _ = std::fs::remove_dir_all(&profile);
}
