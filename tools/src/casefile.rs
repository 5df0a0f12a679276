//! Case files (案例文件): one household per TOML file with the results a policy officer expects,
//! run through the library and compared, with a readable diff when they disagree.
//!
//! Used by `examples/check.rs` (the command policy staff run), `tools/tests/case_files.rs` (the
//! same files under `cargo test -p jiuzhu-tools`) and the golden corpus, so all read and judge a
//! case file the same way. The format is described in `examples/cases/TEMPLATE.toml.txt`.
//!
//! It holds the case-file format ([`CaseFile::parse`]), the run of one file or of many
//! ([`run_file`], [`run_paths`]), the comparison of expected and got ([`CaseReport`]), its
//! rendering ([`render`]) and the whole `check` command ([`check_main`]). It may use only
//! jiuzhu's public API: it judges the library from outside, as a policy officer would.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiuzhu::{
    CaseError, Determination, DibaoClass, Finding, Outcome, Programme, RuleBook, RuleId, Verdict,
};
use rust_decimal::Decimal;
use serde::Deserialize;

/// A verdict a case file may expect: one of the library's verdicts, or `absent` (the rule left
/// no finding at all in the scope looked at).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    /// One of the library's verdicts.
    Verdict(Verdict),
    /// No finding of the rule.
    Absent,
}

impl Expected {
    fn parse(s: &str) -> Result<Self, String> {
        if s == "absent" {
            return Ok(Expected::Absent);
        }
        serde_json::from_value(serde_json::Value::String(s.to_owned()))
            .map(Expected::Verdict)
            .map_err(|_| {
                format!("verdict `{s}` is not one of pass, fail, not_applicable, unknown, absent")
            })
    }

    /// The spelling used in case files.
    pub fn as_str(self) -> &'static str {
        match self {
            Expected::Verdict(v) => verdict_str(v),
            Expected::Absent => "absent",
        }
    }
}

fn verdict_str(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
        Verdict::NotApplicable => "not_applicable",
        Verdict::Unknown => "unknown",
        // a verdict added after this tool was written (`Verdict` is non-exhaustive)
        _ => "other",
    }
}

fn outcome_str(o: Outcome) -> &'static str {
    o.as_str()
}

/// One rule expectation: `"DB-1" = "pass"` or, for one member, `"HH-3@m2" = "fail"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleExpectation {
    /// The rule.
    pub rule: RuleId,
    /// The member the finding must concern, if the key names one.
    pub member: Option<String>,
    /// The verdict expected.
    pub expected: Expected,
}

impl RuleExpectation {
    fn parse(key: &str, value: &str) -> Result<Self, String> {
        let (id, member) = match key.split_once('@') {
            Some((id, m)) => (id, Some(m.to_owned())),
            None => (key, None),
        };
        let rule = RuleId::from_id(id.trim())
            .ok_or_else(|| format!("`{id}` is not a rule ID of the catalogue (e.g. DB-1)"))?;
        Ok(RuleExpectation {
            rule,
            member,
            expected: Expected::parse(value)?,
        })
    }

    fn label(&self) -> String {
        match &self.member {
            Some(m) => format!("{}@{m}", self.rule),
            None => self.rule.to_string(),
        }
    }
}

/// An expected amount: a figure, or `"none"` for no amount at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// Exactly this many yuan.
    Yuan(Decimal),
    /// No amount.
    None,
}

fn amount_of(v: &toml::Value, what: &str) -> Result<Amount, String> {
    match v {
        toml::Value::String(s) if s.trim() == "none" => Ok(Amount::None),
        toml::Value::String(s) => s
            .trim()
            .parse::<Decimal>()
            .map(Amount::Yuan)
            .map_err(|_| format!("{what}: `{s}` is not an amount like \"1234.50\"")),
        toml::Value::Integer(i) => Ok(Amount::Yuan(Decimal::from(*i))),
        _ => Err(format!(
            "{what}: write amounts as strings, e.g. \"1234.50\" (or \"none\")"
        )),
    }
}

fn show_amount(a: Option<Decimal>) -> String {
    a.map_or_else(|| "none".to_owned(), |d| d.normalize().to_string())
}

// ---------------------------------------------------------------------------------------------
// The file as written.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    name: String,
    policy: String,
    #[serde(default)]
    rules: Option<toml::Value>,
    case: toml::Value,
    expect: RawExpect,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    #[serde(default)]
    minimum_living: Option<RawProgramme>,
    #[serde(default)]
    marginal_family: Option<RawProgramme>,
    #[serde(default)]
    special_hardship: Option<RawProgramme>,
    #[serde(default)]
    rigid_expenditure: Option<RawProgramme>,
    #[serde(default)]
    temporary_relief: Option<RawProgramme>,
    #[serde(default)]
    accounts: Option<RawAccounts>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default)]
    error: Option<ErrorExpect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    class: Option<String>,
    #[serde(default)]
    monthly_amount: Option<toml::Value>,
    #[serde(default)]
    total_monthly: Option<toml::Value>,
    /// DB-16 add-ons by member key, e.g. `add_ons = { m1 = "60" }`; `{}` for none.
    #[serde(default)]
    add_ons: Option<BTreeMap<String, toml::Value>>,
    #[serde(default)]
    one_off_amount: Option<toml::Value>,
    #[serde(default)]
    individual: Option<Vec<RawIndividual>>,
    #[serde(default)]
    review: Option<Vec<String>>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndividual {
    member: String,
    #[serde(default)]
    route: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    class: Option<String>,
    #[serde(default)]
    monthly_amount: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccounts {
    #[serde(default)]
    counted_members: Option<Vec<String>>,
    #[serde(default)]
    excluded_members: Option<Vec<String>>,
    #[serde(default)]
    monthly_income: Option<toml::Value>,
    #[serde(default)]
    per_capita_income: Option<toml::Value>,
    #[serde(default)]
    standard: Option<toml::Value>,
    #[serde(default)]
    financial_assets: Option<toml::Value>,
}

/// An expected refusal: the library's error code and the field path it names.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ErrorExpect {
    /// The error code, e.g. `invalid` or `malformed`.
    pub code: String,
    /// The field path, e.g. `household.members[0].birth_date`.
    #[serde(default)]
    pub path: Option<String>,
    /// A piece of text the message must contain.
    #[serde(default)]
    pub message_contains: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// The file as understood.

/// What a case file expects for one programme.
#[derive(Clone, Debug, Default)]
pub struct ProgrammeExpect {
    outcome: Option<Outcome>,
    class: Option<Option<DibaoClass>>,
    monthly_amount: Option<Amount>,
    total_monthly: Option<Amount>,
    add_ons: Option<BTreeMap<String, Decimal>>,
    /// Temporary relief: the one-off amount granted or proposed.
    one_off_amount: Option<Amount>,
    individual: Option<Vec<IndividualExpect>>,
    review: Option<Vec<String>>,
    rules: Vec<RuleExpectation>,
}

#[derive(Clone, Debug)]
struct IndividualExpect {
    member: String,
    route: Option<RuleId>,
    outcome: Option<Outcome>,
    class: Option<Option<DibaoClass>>,
    monthly_amount: Option<Amount>,
}

#[derive(Clone, Debug, Default)]
struct AccountsExpect {
    counted_members: Option<Vec<String>>,
    excluded_members: Option<Vec<String>>,
    monthly_income: Option<Amount>,
    per_capita_income: Option<Amount>,
    standard: Option<Amount>,
    financial_assets: Option<Amount>,
}

/// A case file, read and checked for shape.
pub struct CaseFile {
    /// The case's name.
    pub name: String,
    /// The policy point it checks.
    pub policy: String,
    /// The parameter overlay, as a TOML document, if any.
    pub rules: Option<String>,
    /// The case as JSON text, for `jiuzhu::parse_case`.
    pub case_json: String,
    programmes: Vec<(Programme, ProgrammeExpect)>,
    accounts: Option<AccountsExpect>,
    rules_anywhere: Vec<RuleExpectation>,
    error: Option<ErrorExpect>,
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str, what: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| format!("{what}: `{s}` is not a known value"))
}

/// A rural class: `class_1` … `class_4` (the spelling of `DibaoClass::as_str` and of the
/// findings; the determination's JSON currently writes `class1`, which is accepted too), or
/// `none`.
fn parse_class(s: &str, what: &str) -> Result<Option<DibaoClass>, String> {
    const CLASSES: [DibaoClass; 4] = [
        DibaoClass::Class1,
        DibaoClass::Class2,
        DibaoClass::Class3,
        DibaoClass::Class4,
    ];
    if s == "none" {
        return Ok(None);
    }
    CLASSES
        .into_iter()
        .find(|c| c.as_str() == s || c.as_str().replace('_', "") == s)
        .map(Some)
        .ok_or_else(|| format!("{what}: `{s}` is not class_1, class_2, class_3, class_4 or none"))
}

fn parse_rules(map: &BTreeMap<String, String>, at: &str) -> Result<Vec<RuleExpectation>, String> {
    map.iter()
        .map(|(k, v)| RuleExpectation::parse(k, v).map_err(|e| format!("{at}.rules: {e}")))
        .collect()
}

fn opt_amount(v: Option<&toml::Value>, what: &str) -> Result<Option<Amount>, String> {
    v.map(|v| amount_of(v, what)).transpose()
}

impl RawProgramme {
    fn understand(self, at: &str) -> Result<ProgrammeExpect, String> {
        let individual = match self.individual {
            None => None,
            Some(list) => Some(
                list.into_iter()
                    .map(|i| {
                        let w = format!("{at}.individual[{}]", i.member);
                        Ok(IndividualExpect {
                            route: i
                                .route
                                .as_deref()
                                .map(|r| {
                                    RuleId::from_id(r)
                                        .ok_or_else(|| format!("{w}.route: `{r}` is not a rule ID"))
                                })
                                .transpose()?,
                            outcome: i
                                .outcome
                                .as_deref()
                                .map(|o| parse_enum(o, &format!("{w}.outcome")))
                                .transpose()?,
                            class: i
                                .class
                                .as_deref()
                                .map(|c| parse_class(c, &format!("{w}.class")))
                                .transpose()?,
                            monthly_amount: opt_amount(
                                i.monthly_amount.as_ref(),
                                &format!("{w}.monthly_amount"),
                            )?,
                            member: i.member,
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?,
            ),
        };
        if let Some(review) = &self.review {
            for r in review {
                let id = r.split_once('@').map_or(r.as_str(), |(id, _)| id);
                if RuleId::from_id(id).is_none() {
                    return Err(format!("{at}.review: `{r}` is not a rule ID"));
                }
            }
        }
        Ok(ProgrammeExpect {
            outcome: self
                .outcome
                .as_deref()
                .map(|o| parse_enum(o, &format!("{at}.outcome")))
                .transpose()?,
            class: self
                .class
                .as_deref()
                .map(|c| parse_class(c, &format!("{at}.class")))
                .transpose()?,
            monthly_amount: opt_amount(
                self.monthly_amount.as_ref(),
                &format!("{at}.monthly_amount"),
            )?,
            total_monthly: opt_amount(self.total_monthly.as_ref(), &format!("{at}.total_monthly"))?,
            add_ons: self
                .add_ons
                .map(|m| {
                    m.into_iter()
                        .map(
                            |(k, v)| match amount_of(&v, &format!("{at}.add_ons.{k}"))? {
                                Amount::Yuan(d) => Ok((k, d)),
                                Amount::None => Err(format!(
                                    "{at}.add_ons.{k}: leave a member out instead of \"none\""
                                )),
                            },
                        )
                        .collect::<Result<BTreeMap<_, _>, String>>()
                })
                .transpose()?,
            one_off_amount: opt_amount(
                self.one_off_amount.as_ref(),
                &format!("{at}.one_off_amount"),
            )?,
            individual,
            review: self.review,
            rules: parse_rules(&self.rules, at)?,
        })
    }
}

/// TOML to JSON, so that the library reads the case exactly as it reads a JSON case. Dates
/// written bare (`1970-03-01`) become strings; everything else keeps its type.
pub fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// The fields of a case that hold dates.
const DATE_FIELDS: &[&str] = &[
    "evaluation_date",
    "birth_date",
    "date",
    "since",
    "from",
    "to",
    "last_review",
    "record_date",
];

/// Checks every date of the case where the policy officer wrote it: a date that is not
/// `YYYY-MM-DD` is named by its TOML line and field, with the form expected, instead of by a
/// column of the JSON text made from the file. The value itself is not repeated.
fn check_case_dates(v: &toml::Value, at: &str, text: &str) -> Result<(), String> {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let here = format!("{at}.{k}");
                let written = match v {
                    toml::Value::String(s) => Some(s.clone()),
                    toml::Value::Datetime(d) => Some(d.to_string()),
                    _ => None,
                };
                if let Some(w) = written.filter(|_| DATE_FIELDS.contains(&k.as_str()))
                    && jiuzhu::limits::parse_date(&w).is_none()
                {
                    let line = toml_line_of(text, k, &w)
                        .map_or_else(String::new, |n| format!("line {n}: "));
                    return Err(format!(
                        "{line}{here}: not a date; write it YYYY-MM-DD in quotes, e.g. \"1975-04-10\" \
                         (a real day, years 1900–2200)"
                    ));
                }
                check_case_dates(v, &here, text)?;
            }
            Ok(())
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                check_case_dates(v, &format!("{at}[{i}]"), text)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The line (from 1) where `key` is given the value `written`, if it can be found.
fn toml_line_of(text: &str, key: &str, written: &str) -> Option<usize> {
    text.lines().enumerate().find_map(|(i, line)| {
        let key_at = line.find(key)?;
        let after = line.get(key_at.saturating_add(key.len())..)?.trim_start();
        (after.starts_with('=') && after.contains(written)).then_some(i.saturating_add(1))
    })
}

impl CaseFile {
    /// Reads a case file's text; the error says what is wrong with its shape.
    pub fn parse(text: &str) -> Result<Self, String> {
        let raw: RawFile = toml::from_str(text).map_err(|e| e.to_string().trim().to_owned())?;
        let rules = match raw.rules {
            None => None,
            Some(toml::Value::String(s)) => Some(s),
            Some(toml::Value::Table(t)) => Some(
                toml::to_string(&t).map_err(|e| format!("rules: cannot be written back: {e}"))?,
            ),
            Some(_) => {
                return Err(
                    "rules: must be a TOML parameter document (a string or a table)".into(),
                );
            }
        };
        if !raw.case.is_table() {
            return Err("case: must be a table ([case])".into());
        }
        check_case_dates(&raw.case, "case", text)?;
        let e = raw.expect;
        let mut programmes = Vec::new();
        if let Some(p) = e.minimum_living {
            programmes.push((Programme::MinimumLiving, p.understand("minimum_living")?));
        }
        if let Some(p) = e.marginal_family {
            programmes.push((Programme::MarginalFamily, p.understand("marginal_family")?));
        }
        if let Some(p) = e.special_hardship {
            programmes.push((
                Programme::SpecialHardship,
                p.understand("special_hardship")?,
            ));
        }
        if let Some(p) = e.rigid_expenditure {
            programmes.push((
                Programme::RigidExpenditure,
                p.understand("rigid_expenditure")?,
            ));
        }
        if let Some(p) = e.temporary_relief {
            programmes.push((
                Programme::TemporaryRelief,
                p.understand("temporary_relief")?,
            ));
        }
        let accounts = match e.accounts {
            None => None,
            Some(a) => Some(AccountsExpect {
                monthly_income: opt_amount(a.monthly_income.as_ref(), "accounts.monthly_income")?,
                per_capita_income: opt_amount(
                    a.per_capita_income.as_ref(),
                    "accounts.per_capita_income",
                )?,
                standard: opt_amount(a.standard.as_ref(), "accounts.standard")?,
                financial_assets: opt_amount(
                    a.financial_assets.as_ref(),
                    "accounts.financial_assets",
                )?,
                counted_members: a.counted_members,
                excluded_members: a.excluded_members,
            }),
        };
        let rules_anywhere = parse_rules(&e.rules, "expect")?;
        if e.error.is_some()
            && (!programmes.is_empty() || accounts.is_some() || !rules_anywhere.is_empty())
        {
            return Err(
                "expect: a case expected to be refused (expect.error) cannot expect results too"
                    .into(),
            );
        }
        if e.error.is_none() && programmes.is_empty() && rules_anywhere.is_empty() {
            return Err("expect: nothing expected; give [expect.minimum_living], [expect.marginal_family], [expect.rules] or [expect.error]".into());
        }
        Ok(CaseFile {
            name: raw.name,
            policy: raw.policy,
            rules,
            case_json: toml_to_json(&raw.case).to_string(),
            programmes,
            accounts,
            rules_anywhere,
            error: e.error,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Running and comparing.

/// The result of one case file.
#[derive(Debug)]
pub struct CaseReport {
    /// The file.
    pub file: PathBuf,
    /// The case's name (empty if the file could not be read).
    pub name: String,
    /// The policy point.
    pub policy: String,
    /// Why the file could not be read or run, if so.
    pub unreadable: Option<String>,
    /// Expected-against-got lines that differ.
    pub diffs: Vec<String>,
    /// The findings that decided, for a failing case.
    pub findings: Vec<String>,
    /// The rule expectations that matched: (rule, verdict) — for coverage.
    pub confirmed: Vec<(RuleId, Expected)>,
}

impl CaseReport {
    /// Whether the case passed.
    pub fn passed(&self) -> bool {
        self.unreadable.is_none() && self.diffs.is_empty()
    }

    /// The report as printed by `check`.
    pub fn render(&self) -> String {
        let file = self.file.display();
        let mut s = String::new();
        if let Some(why) = &self.unreadable {
            let _ = writeln!(
                s,
                "ERROR {file} — cannot read this case file 无法读取案例文件"
            );
            for line in why.lines() {
                let _ = writeln!(s, "      {line}");
            }
            return s;
        }
        if self.passed() {
            let _ = writeln!(s, "pass  {file} — {}", self.name);
            return s;
        }
        let _ = writeln!(s, "FAIL  {file} — {}", self.name);
        let _ = writeln!(s, "      policy 政策: {}", self.policy);
        let _ = writeln!(s, "      expected vs got 预期与实际不符:");
        for d in &self.diffs {
            let _ = writeln!(s, "        - {d}");
        }
        if !self.findings.is_empty() {
            let _ = writeln!(s, "      findings that decided 决定性判定:");
            for f in &self.findings {
                let _ = writeln!(s, "{f}");
            }
        }
        s
    }
}

/// The embedded rules, or the embedded rules with a case's overlay laid over them.
fn rules_for(base: &RuleBook, overlay: Option<&str>) -> Result<RuleBook, String> {
    match overlay {
        None => Ok(base.clone()),
        Some(text) => base
            .clone()
            .overlay_str(text)
            .map_err(|e| format!("rules overlay: {e}")),
    }
}

/// Runs one case file's text (`file` names it in the report).
pub fn run_text(file: &Path, text: &str, base: &RuleBook) -> CaseReport {
    let mut report = CaseReport {
        file: file.to_path_buf(),
        name: String::new(),
        policy: String::new(),
        unreadable: None,
        diffs: Vec::new(),
        findings: Vec::new(),
        confirmed: Vec::new(),
    };
    let cf = match CaseFile::parse(text) {
        Ok(cf) => cf,
        Err(e) => {
            report.unreadable = Some(e);
            return report;
        }
    };
    report.name = cf.name.clone();
    report.policy = cf.policy.clone();
    let rules = match rules_for(base, cf.rules.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            report.unreadable = Some(e);
            return report;
        }
    };
    let result = jiuzhu::parse_case(&cf.case_json).and_then(|c| jiuzhu::evaluate(&c, &rules));
    match (&cf.error, result) {
        (Some(want), Err(got)) => compare_error(want, &got, &mut report),
        (Some(want), Ok(_)) => report.diffs.push(format!(
            "error: expected the case to be refused ({}{}), got a determination",
            want.code,
            want.path
                .as_deref()
                .map(|p| format!(" at {p}"))
                .unwrap_or_default()
        )),
        (None, Err(got)) => report.diffs.push(format!(
            "expected a determination, got error {}: {got}",
            got.code()
        )),
        (None, Ok(det)) => {
            compare(&cf, &det, &mut report);
            if !report.diffs.is_empty() {
                report.findings = deciding_findings(&cf, &det);
            }
        }
    }
    report
}

/// Runs one case file from disk.
pub fn run_file(file: &Path, base: &RuleBook) -> CaseReport {
    match std::fs::read_to_string(file) {
        Ok(text) => run_text(file, &text, base),
        Err(e) => CaseReport {
            file: file.to_path_buf(),
            name: String::new(),
            policy: String::new(),
            unreadable: Some(e.to_string()),
            diffs: Vec::new(),
            findings: Vec::new(),
            confirmed: Vec::new(),
        },
    }
}

fn compare_error(want: &ErrorExpect, got: &CaseError, report: &mut CaseReport) {
    if want.code != got.code() {
        report.diffs.push(format!(
            "error.code: expected {}, got {} ({got})",
            want.code,
            got.code()
        ));
    }
    if let Some(path) = &want.path
        && got.path() != Some(path.as_str())
    {
        report.diffs.push(format!(
            "error.path: expected {path}, got {}",
            got.path().unwrap_or("(none)")
        ));
    }
    if let Some(text) = &want.message_contains {
        let message = got.to_string();
        if !message.contains(text.as_str()) {
            report.diffs.push(format!(
                "error.message: expected it to contain `{text}`, got `{message}`"
            ));
        }
    }
}

/// Every finding of a programme with where it sits: its own findings and its individual units.
fn programme_findings(det: &Determination, p: Programme) -> impl Iterator<Item = &Finding> {
    det.accounts
        .findings
        .iter()
        .chain(det.programme(p).into_iter().flat_map(|r| {
            r.findings
                .iter()
                .chain(r.individual_coverage.iter().flat_map(|c| c.findings.iter()))
        }))
}

fn check_rule<'d>(
    scope: &str,
    e: &RuleExpectation,
    findings: impl Iterator<Item = &'d Finding>,
    report: &mut CaseReport,
) {
    let seen: Vec<Verdict> = findings
        .filter(|f| f.rule == e.rule)
        .filter(|f| e.member.is_none() || f.member.as_deref() == e.member.as_deref())
        .map(|f| f.verdict)
        .collect();
    let ok = match e.expected {
        Expected::Absent => seen.is_empty(),
        Expected::Verdict(v) => seen.contains(&v),
    };
    if ok {
        report.confirmed.push((e.rule, e.expected));
        return;
    }
    let mut got: Vec<&str> = seen.iter().map(|v| verdict_str(*v)).collect();
    got.sort_unstable();
    got.dedup();
    let got = if got.is_empty() {
        "absent (no finding)".to_owned()
    } else {
        got.join(", ")
    };
    report.diffs.push(format!(
        "rule {} ({scope}): expected {}, got {got}",
        e.label(),
        e.expected.as_str()
    ));
}

fn compare_amount(what: &str, want: Option<Amount>, got: Option<Decimal>, diffs: &mut Vec<String>) {
    let Some(want) = want else { return };
    let same = match (want, got) {
        (Amount::None, None) => true,
        (Amount::Yuan(w), Some(g)) => w == g,
        _ => false,
    };
    if !same {
        let w = match want {
            Amount::None => "none".to_owned(),
            Amount::Yuan(d) => d.normalize().to_string(),
        };
        diffs.push(format!("{what}: expected {w}, got {}", show_amount(got)));
    }
}

fn compare_class(
    what: &str,
    want: Option<Option<DibaoClass>>,
    got: Option<DibaoClass>,
    diffs: &mut Vec<String>,
) {
    if let Some(want) = want
        && want != got
    {
        let show = |c: Option<DibaoClass>| c.map_or("none", DibaoClass::as_str);
        diffs.push(format!(
            "{what}: expected {}, got {}",
            show(want),
            show(got)
        ));
    }
}

fn compare(cf: &CaseFile, det: &Determination, report: &mut CaseReport) {
    if let Some(a) = &cf.accounts {
        let acc = &det.accounts;
        if let Some(want) = &a.counted_members
            && *want != acc.counted_members
        {
            report.diffs.push(format!(
                "accounts.counted_members: expected {want:?}, got {:?}",
                acc.counted_members
            ));
        }
        if let Some(want) = &a.excluded_members
            && *want != acc.excluded_members
        {
            report.diffs.push(format!(
                "accounts.excluded_members: expected {want:?}, got {:?}",
                acc.excluded_members
            ));
        }
        let d = &mut report.diffs;
        compare_amount(
            "accounts.monthly_income",
            a.monthly_income,
            Some(acc.monthly_income.value()),
            d,
        );
        compare_amount(
            "accounts.per_capita_income",
            a.per_capita_income,
            acc.per_capita_income.map(|y| y.value()),
            d,
        );
        compare_amount(
            "accounts.standard",
            a.standard,
            Some(acc.standard.value()),
            d,
        );
        compare_amount(
            "accounts.financial_assets",
            a.financial_assets,
            Some(acc.financial_assets.value()),
            d,
        );
    }
    for (p, want) in &cf.programmes {
        let at = p.as_str();
        let Some(got) = det.programme(*p) else {
            report
                .diffs
                .push(format!("{at}: expected a result, got none"));
            continue;
        };
        if let Some(o) = want.outcome
            && o != got.outcome
        {
            report.diffs.push(format!(
                "{at}.outcome: expected {}, got {}",
                outcome_str(o),
                outcome_str(got.outcome)
            ));
        }
        compare_class(
            &format!("{at}.class"),
            want.class,
            got.class,
            &mut report.diffs,
        );
        compare_amount(
            &format!("{at}.monthly_amount"),
            want.monthly_amount,
            got.monthly_amount.map(|y| y.value()),
            &mut report.diffs,
        );
        compare_amount(
            &format!("{at}.total_monthly"),
            want.total_monthly,
            Some(got.total_monthly()),
            &mut report.diffs,
        );
        if let Some(want_add_ons) = &want.add_ons {
            let got_add_ons: BTreeMap<String, Decimal> = got
                .add_ons
                .iter()
                .map(|a| (a.member.as_str().to_owned(), a.amount.value().normalize()))
                .collect();
            let want_add_ons: BTreeMap<String, Decimal> = want_add_ons
                .iter()
                .map(|(k, v)| (k.clone(), v.normalize()))
                .collect();
            if got_add_ons != want_add_ons {
                report.diffs.push(format!(
                    "{at}.add_ons: expected {want_add_ons:?}, got {got_add_ons:?}"
                ));
            }
        }
        compare_amount(
            &format!("{at}.one_off_amount"),
            want.one_off_amount,
            got.one_off_amount.map(|y| y.value()),
            &mut report.diffs,
        );
        if let Some(review) = &want.review {
            let mut got_review: Vec<String> = got
                .review
                .iter()
                .map(|r| match &r.member {
                    Some(m) => format!("{}@{m}", r.rule),
                    None => r.rule.to_string(),
                })
                .collect();
            let mut want_review = review.clone();
            got_review.sort();
            want_review.sort();
            if got_review != want_review {
                report.diffs.push(format!(
                    "{at}.review: expected {want_review:?}, got {got_review:?}"
                ));
            }
        }
        if let Some(units) = &want.individual {
            let want_members: Vec<&str> = units.iter().map(|u| u.member.as_str()).collect();
            let got_members: Vec<&str> = got
                .individual_coverage
                .iter()
                .map(|c| c.member.as_str())
                .collect();
            if want_members != got_members {
                report.diffs.push(format!(
                    "{at}.individual (members covered on their own): expected {want_members:?}, got {got_members:?}"
                ));
            }
            for u in units {
                let Some(c) = got
                    .individual_coverage
                    .iter()
                    .find(|c| c.member == u.member)
                else {
                    continue;
                };
                let w = format!("{at}.individual[{}]", u.member);
                if let Some(r) = u.route
                    && r != c.route
                {
                    report
                        .diffs
                        .push(format!("{w}.route: expected {r}, got {}", c.route));
                }
                if let Some(o) = u.outcome
                    && o != c.outcome
                {
                    report.diffs.push(format!(
                        "{w}.outcome: expected {}, got {}",
                        outcome_str(o),
                        outcome_str(c.outcome)
                    ));
                }
                compare_class(&format!("{w}.class"), u.class, c.class, &mut report.diffs);
                compare_amount(
                    &format!("{w}.monthly_amount"),
                    u.monthly_amount,
                    c.monthly_amount.map(|y| y.value()),
                    &mut report.diffs,
                );
            }
        }
        for e in &want.rules {
            check_rule(at, e, programme_findings(det, *p), report);
        }
    }
    for e in &cf.rules_anywhere {
        check_rule("whole determination", e, det.all_findings(), report);
    }
}

/// Rules whose findings explain an outcome or an amount: always shown for a failing case.
const AMOUNT_RULES: &[RuleId] = &[
    RuleId::Inc9,
    RuleId::Db1,
    RuleId::Db3,
    RuleId::Db5,
    RuleId::Db5Rate,
    RuleId::Db6,
    RuleId::Db15,
    RuleId::Db16,
    RuleId::Edge1,
    RuleId::Pay3,
];

fn mark(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "✓",
        Verdict::Fail => "✗",
        Verdict::NotApplicable => "·",
        Verdict::Unknown => "?",
        _ => "…",
    }
}

/// The findings that decided: failures and unknowns, the rules the case file names, and the
/// rules that set the outcome and the amount — each with its English and Chinese sentence.
fn deciding_findings(cf: &CaseFile, det: &Determination) -> Vec<String> {
    let named: Vec<RuleId> = cf
        .rules_anywhere
        .iter()
        .chain(cf.programmes.iter().flat_map(|(_, p)| p.rules.iter()))
        .map(|e| e.rule)
        .collect();
    let wanted = |f: &Finding| {
        matches!(f.verdict, Verdict::Fail | Verdict::Unknown)
            || named.contains(&f.rule)
            || AMOUNT_RULES.contains(&f.rule)
    };
    let mut scoped: Vec<(String, &Finding)> = det
        .accounts
        .findings
        .iter()
        .map(|f| ("accounts".to_owned(), f))
        .collect();
    for p in &det.programmes {
        scoped.extend(
            p.findings
                .iter()
                .map(|f| (p.programme.as_str().to_owned(), f)),
        );
        for c in &p.individual_coverage {
            let at = format!("{} / {} on its own", p.programme.as_str(), c.member);
            scoped.extend(c.findings.iter().map(|f| (at.clone(), f)));
        }
    }
    scoped
        .into_iter()
        .filter(|(_, f)| wanted(f))
        .map(|(at, f)| {
            let member = f
                .member
                .as_deref()
                .map(|m| format!(" [{m}]"))
                .unwrap_or_default();
            format!(
                "        {} {} {}{member} · {at}\n            en: {}\n            zh: {}",
                mark(f.verdict),
                f.rule,
                verdict_str(f.verdict),
                f.text_en(),
                f.text_zh()
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The runner.

/// Every case file at a path: the file itself, or the `*.toml` files under a directory (its
/// subdirectories too), in name order.
pub fn case_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let p = entry?.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The outcome of a run over some paths.
pub struct Run {
    /// One report per case file, in order.
    pub reports: Vec<CaseReport>,
    /// Paths that could not be listed at all, with the reason.
    pub missing: Vec<(PathBuf, String)>,
}

impl Run {
    /// The cases that passed.
    pub fn passed(&self) -> usize {
        self.reports.iter().filter(|r| r.passed()).count()
    }

    /// Whether everything passed (and there was something to run).
    pub fn ok(&self) -> bool {
        self.missing.is_empty()
            && !self.reports.is_empty()
            && self.reports.iter().all(CaseReport::passed)
    }

    /// The process exit code: 0 when every case passed, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        u8::from(!self.ok())
    }
}

/// Runs every case file at the given paths (files or directories) under the embedded rules.
pub fn run_paths(paths: &[PathBuf]) -> Run {
    let base = RuleBook::embedded();
    let mut run = Run {
        reports: Vec::new(),
        missing: Vec::new(),
    };
    for path in paths {
        match case_files(path) {
            Ok(files) if files.is_empty() => run
                .missing
                .push((path.clone(), "no *.toml case files here".to_owned())),
            Ok(files) => run.reports.extend(files.iter().map(|f| run_file(f, &base))),
            Err(e) => run.missing.push((path.clone(), e.to_string())),
        }
    }
    run
}

/// What `check` prints for a run: one block per case, then a summary line.
pub fn render(run: &Run) -> String {
    let mut s = String::new();
    for (p, why) in &run.missing {
        let _ = writeln!(s, "ERROR {} — {why}", p.display());
    }
    for r in &run.reports {
        s.push_str(&r.render());
    }
    let failed = run.reports.len() - run.passed();
    let _ = writeln!(
        s,
        "\n{} case(s): {} passed 通过, {} failed 未通过",
        run.reports.len(),
        run.passed(),
        failed
    );
    s
}

/// The whole `check` command: runs the paths given (default `examples/cases/`), writes the
/// report to `out`, and returns the exit code (0 all passed, 1 something failed or could not be
/// read).
pub fn check_main(args: &[String], out: &mut dyn Write) -> u8 {
    let paths: Vec<PathBuf> = if args.is_empty() {
        vec![PathBuf::from("examples/cases")]
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    let run = run_paths(&paths);
    let _ = out.write_all(render(&run).as_bytes());
    run.exit_code()
}
