//! The annual (or period) report in the county's own terms: what a civil-affairs bureau states
//! every year about its checking (核对) work, Chinese first with English beside it, as Markdown,
//! an SVG chart and CSV of the same tables.
//!
//! Each evaluated household gives one [`Facts`], read from its [`Determination`] alone (so the
//! same facts come from a batch run in process and from the answers of a batch output file);
//! a [`Tally`] folds them, and [`Tally::render`] writes the report. The rows reconcile by
//! construction: every household lands in exactly one [`Row`] per programme, denial reasons
//! count primary reasons only ([`jiuzhu::RuleId::is_consequence`]).
//!
//! Used by `jiuzhu batch --summary`, `jiuzhu report` and `tools/tests/report.rs`. It may use
//! only jiuzhu's public API.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::BufRead;

use jiuzhu::case::{Department, Purpose};
use jiuzhu::{
    Action, Colour, Determination, Level, Outcome, Programme, ProgrammeResult, RuleId, Verdict,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::merge::Merge;

/// Where a household lands for one programme: exactly one row per programme and household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Row {
    /// New application approved (household, or members as individual units).
    Approved,
    /// New application refused.
    Refused,
    /// New application held for review.
    PendingReview,
    /// Recipient, still eligible at the same amount.
    Continued,
    /// Recipient, amount raised.
    Raised,
    /// Recipient, amount reduced.
    Reduced,
    /// Recipient, gradual exit after income from work (渐退).
    GradualExit,
    /// Recipient, no longer eligible: cancelled (停保).
    Cancelled,
    /// Not a recipient, found eligible by a re-check or dynamic check (主动发现).
    NewlyIncluded,
    /// Eligible as well, beside the programme the household is acted on in (e.g. marginal family
    /// beside a dibao that continues).
    AlsoEligible,
    /// Checked, to review (no action yet).
    ToReview,
    /// Checked, not eligible and not a recipient of this programme: nothing changes.
    NotEligible,
    /// Temporary relief: the household brought no event (not a request, not a denial).
    NoEvent,
    /// Temporary relief: granted.
    Granted,
    /// Temporary relief: the event does not qualify.
    Declined,
    /// Temporary relief: one case, one discussion (一事一议), the amount proposed.
    OneCaseOneDiscussion,
}

impl Row {
    /// Every row, in report order.
    pub const ALL: [Row; 16] = [
        Row::Approved,
        Row::Refused,
        Row::PendingReview,
        Row::Continued,
        Row::Raised,
        Row::Reduced,
        Row::GradualExit,
        Row::Cancelled,
        Row::NewlyIncluded,
        Row::AlsoEligible,
        Row::ToReview,
        Row::NotEligible,
        Row::NoEvent,
        Row::Granted,
        Row::Declined,
        Row::OneCaseOneDiscussion,
    ];

    /// The row's label, Chinese and English.
    pub const fn label(self) -> (&'static str, &'static str) {
        match self {
            Row::Approved => ("新申请 · 批准", "new application approved"),
            Row::Refused => ("新申请 · 不予批准", "new application refused"),
            Row::PendingReview => ("新申请 · 待复核", "new application to review"),
            Row::Continued => ("在保 · 继续保障", "recipient continued"),
            Row::Raised => ("在保 · 提高金额", "recipient, amount raised"),
            Row::Reduced => ("在保 · 降低金额", "recipient, amount reduced"),
            Row::GradualExit => ("在保 · 渐退", "recipient, gradual exit"),
            Row::Cancelled => ("在保 · 停保", "recipient cancelled"),
            Row::NewlyIncluded => ("主动发现 · 新纳入", "newly included by a check"),
            Row::AlsoEligible => ("同时符合", "also eligible"),
            Row::ToReview => ("待复核", "to review"),
            Row::NotEligible => ("不符合 · 无变化", "not eligible, no change"),
            Row::NoEvent => ("无临时救助事由", "no temporary-relief event"),
            Row::Granted => ("临时救助 · 给予", "temporary relief granted"),
            Row::Declined => ("临时救助 · 不予救助", "temporary relief refused"),
            Row::OneCaseOneDiscussion => ("一事一议", "one case, one discussion"),
        }
    }
}

/// A programme's name in words, Chinese and English.
pub const fn programme_name(p: Programme) -> (&'static str, &'static str) {
    match p {
        Programme::MinimumLiving => ("最低生活保障（低保）", "Minimum living allowance (dibao)"),
        Programme::MarginalFamily => ("低保边缘家庭", "Marginal low-income family"),
        Programme::SpecialHardship => ("特困人员救助供养", "Special hardship support"),
        Programme::RigidExpenditure => ("刚性支出困难", "Rigid-expenditure hardship"),
        Programme::TemporaryRelief => ("临时救助", "Temporary relief"),
        // a programme added after this tool was written: its code in both columns
        other => (other.as_str(), other.as_str()),
    }
}

/// A purpose in the county's words: 逢进必核, 在保复核, 动态常核.
pub const fn purpose_name(p: Purpose) -> (&'static str, &'static str) {
    match p {
        Purpose::NewApplication => ("逢进必核（新申请）", "new applications"),
        Purpose::Recheck => ("在保复核", "re-checks of recipients"),
        Purpose::DynamicCheck => ("动态常核", "dynamic checks"),
    }
}

/// A department's name, Chinese and English.
pub const fn department_name(d: Department) -> (&'static str, &'static str) {
    match d {
        Department::CivilAffairs => ("民政", "civil affairs"),
        Department::PublicSecurity => ("公安", "public security"),
        Department::VehicleRegistry => ("车辆登记", "vehicle registry"),
        Department::RealEstate => ("不动产登记", "real estate"),
        Department::HousingFund => ("住房公积金", "housing fund"),
        Department::HumanResources => ("人力资源社会保障", "human resources"),
        Department::Tax => ("税务", "taxation"),
        Department::MarketRegulation => ("市场监管", "market regulation"),
        Department::FinancialInstitution => ("金融机构", "financial institutions"),
        Department::MedicalInsurance => ("医疗保障", "medical insurance"),
        Department::DisabledPersonsFederation => ("残联", "disabled persons' federation"),
        Department::Education => ("教育", "education"),
        Department::Health => ("卫生健康", "health"),
        Department::CourtsJustice => ("法院、司法", "courts and justice"),
        Department::RuralRevitalisation => ("乡村振兴", "rural revitalisation"),
        Department::Insurer => ("保险机构", "insurers"),
        Department::SecuritiesFirm => ("证券公司", "securities firms"),
        Department::PaymentInstitution => ("非银行支付机构", "payment institutions"),
        // a department added after this tool was written: its code
        _ => (d.as_str(), d.as_str()),
    }
}

/// A department item in words, where the report knows it; its code otherwise.
fn item_name(item: &str) -> String {
    let zh = match item {
        "account_balance" => "存款余额 account balance",
        "vehicle_registered" => "登记车辆 registered vehicle",
        "property" => "房产 property",
        "business_registration" => "市场主体登记 business registration",
        "wage" => "工资 wage",
        "pension" => "养老金 pension",
        "death" => "死亡 death",
        "contribution_base" => "缴费基数 contribution base",
        "disability_certificate" => "残疾证 disability certificate",
        "imprisonment" => "服刑 imprisonment",
        "school_enrolment" => "在校 school enrolment",
        "self_paid_medical" => "自付医疗费 self-paid medical costs",
        "return_to_poverty_monitoring" => "防返贫监测 return-to-poverty monitoring",
        _ => return item.to_owned(),
    };
    zh.to_owned()
}

fn colour_name(c: Colour) -> (&'static str, &'static str) {
    match c {
        Colour::Red => ("红色", "red"),
        Colour::Orange => ("橙色", "orange"),
        Colour::Yellow => ("黄色", "yellow"),
        Colour::Blue => ("蓝色", "blue"),
        _ => (c.as_str(), c.as_str()),
    }
}

fn level_name(l: Level) -> (&'static str, &'static str) {
    match l {
        Level::Village => ("村（社区）", "village"),
        Level::Township => ("乡镇（街道）", "township"),
        Level::County => ("县级民政部门", "county"),
        _ => (l.as_str(), l.as_str()),
    }
}

/// A division code in words, for the divisions the embedded parameters know.
pub fn division_name(code: &str) -> String {
    match code {
        "621027" => "镇原县 Zhenyuan County".to_owned(),
        "621000" => "庆阳市 Qingyang".to_owned(),
        "620000" => "甘肃省 Gansu".to_owned(),
        "620100" => "兰州市 Lanzhou".to_owned(),
        _ => code.to_owned(),
    }
}

/// Temporary relief of one household.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReliefFacts {
    /// Events brought (cases).
    pub events: u32,
    /// Events granted.
    pub granted_events: u32,
    /// Granted events of the emergency type (急难型: fire, accident, illness, disaster, other).
    pub fast: u32,
    /// Granted light emergencies paid first from the township reserve (先行支付, TR-6).
    pub pay_first: u32,
    /// The amount granted (`one_off_amount` of an eligible result).
    pub granted: Decimal,
    /// The amount proposed for one case, one discussion (`one_off_amount` under review).
    pub proposed: Decimal,
    /// The amount held while the relief is reviewed for another reason.
    pub held: Decimal,
}

/// What the report needs of one evaluated household, read from its determination alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    /// The evaluation date.
    pub evaluation_date: chrono::NaiveDate,
    /// The division code.
    pub jurisdiction: String,
    /// Why the household was checked.
    pub purpose: Purpose,
    /// Persons of the household (counted and not counted members).
    pub persons: u32,
    /// The rule catalogue version and parameter digest the answer was given under.
    pub rules: (String, String),
    /// One entry per programme: its row, persons newly covered (for approved and newly
    /// included rows) and the primary reasons when refused or cancelled.
    pub programmes: Vec<(Programme, Row, u32, Vec<RuleId>)>,
    /// Temporary relief.
    pub relief: ReliefFacts,
    /// Department data sets compared (departments checked).
    pub records_compared: u32,
    /// Discrepancies: department and item.
    pub discrepancies: Vec<(Department, String)>,
    /// Warnings: colour and the level that must act.
    pub warnings: Vec<(Colour, Level)>,
}

/// Persons a result covers: the eligible individual units for special hardship; the counted
/// members of an eligible household, or else its eligible individual units, for the others.
fn covered(det: &Determination, r: &ProgrammeResult) -> u32 {
    let units = r
        .individual_coverage
        .iter()
        .filter(|c| c.outcome == Outcome::Eligible)
        .count();
    let n = if r.programme != Programme::SpecialHardship && r.outcome == Outcome::Eligible {
        det.accounts.counted_members.len()
    } else {
        units
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The primary reasons a result failed: each failing rule once (the household's findings and
/// those of its members' individual routes), without those that fail only as a consequence of
/// another ([`RuleId::is_consequence`]); all failing rules if every one is a consequence.
pub fn primary_reasons(r: &ProgrammeResult) -> Vec<RuleId> {
    let mut failed: Vec<RuleId> = Vec::new();
    let members = r.individual_coverage.iter().flat_map(|c| &c.findings);
    for f in r.findings.iter().chain(members) {
        if f.verdict == Verdict::Fail && !failed.contains(&f.rule) {
            failed.push(f.rule);
        }
    }
    let primary: Vec<RuleId> = failed
        .iter()
        .copied()
        .filter(|rule| !rule.is_consequence(&failed))
        .collect();
    if primary.is_empty() { failed } else { primary }
}

/// The programme an action concerns; `None` for an action added after this tool was written.
fn action_programme(a: &Action) -> Option<Programme> {
    match a {
        Action::Continue { programme, .. }
        | Action::Adjust { programme, .. }
        | Action::GradualExit { programme, .. }
        | Action::Terminate { programme, .. }
        | Action::Enrol { programme, .. } => Some(*programme),
        _ => None,
    }
}

fn row_of(det: &Determination, r: &ProgrammeResult) -> Row {
    if r.programme == Programme::TemporaryRelief {
        let brought = r
            .findings
            .iter()
            .any(|f| f.rule == RuleId::Tr1 && f.verdict == Verdict::Pass);
        let one_case = r.review_reason == Some(jiuzhu::ReviewReason::OneCaseOneDiscussion);
        return match (brought, r.outcome) {
            (false, _) => Row::NoEvent,
            (true, Outcome::Eligible) => Row::Granted,
            (true, Outcome::NotEligible) => Row::Declined,
            (true, Outcome::NeedsReview) if one_case => Row::OneCaseOneDiscussion,
            // needs review, or an outcome added after this tool was written
            (true, _) => Row::ToReview,
        };
    }
    if det.purpose == Purpose::NewApplication {
        return if r.reaches(Outcome::Eligible) {
            Row::Approved
        } else if r.reaches(Outcome::NeedsReview) {
            Row::PendingReview
        } else {
            Row::Refused
        };
    }
    let action = det
        .monitoring
        .action
        .as_ref()
        .filter(|a| action_programme(a) == Some(r.programme));
    match action {
        Some(Action::Continue { .. }) => Row::Continued,
        Some(Action::Adjust { difference, .. }) if difference.value() > Decimal::ZERO => {
            Row::Raised
        }
        Some(Action::Adjust { .. }) => Row::Reduced,
        Some(Action::GradualExit { .. }) => Row::GradualExit,
        Some(Action::Terminate { .. }) => Row::Cancelled,
        Some(Action::Enrol { .. }) => Row::NewlyIncluded,
        // never reached: `action_programme` filters out actions this tool does not know
        Some(_) => Row::ToReview,
        None if r.reaches(Outcome::Eligible) => Row::AlsoEligible,
        None if r.reaches(Outcome::NeedsReview) => Row::ToReview,
        None => Row::NotEligible,
    }
}

fn relief_of(r: &ProgrammeResult) -> ReliefFacts {
    let mut t = ReliefFacts::default();
    let mut emergency: BTreeSet<String> = BTreeSet::new();
    for f in &r.findings {
        let event = match f.figure("event") {
            Some(jiuzhu::FigureValue::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        match (f.rule, f.verdict) {
            (RuleId::Tr1, Verdict::Pass) => {
                t.events += 1;
                let kind = f.figure("kind");
                let is_expenditure = matches!(kind,
                    Some(jiuzhu::FigureValue::Code(c)) if c == "essential_expenditure");
                if !is_expenditure {
                    emergency.insert(event);
                }
            }
            (RuleId::Tr5, Verdict::Pass) => {
                t.granted_events += 1;
                if emergency.contains(&event) {
                    t.fast += 1;
                }
            }
            (RuleId::Tr6, Verdict::Pass) => {
                t.granted_events += 1;
                t.fast += 1;
                t.pay_first += 1;
            }
            _ => {}
        }
    }
    let amount = r.one_off_amount.map(|a| a.value()).unwrap_or_default();
    match r.outcome {
        Outcome::Eligible => t.granted = amount,
        Outcome::NeedsReview
            if r.review_reason == Some(jiuzhu::ReviewReason::OneCaseOneDiscussion) =>
        {
            t.proposed = amount;
        }
        Outcome::NotEligible => {}
        // needs review, or an outcome added after this tool was written
        _ => t.held = amount,
    }
    if r.outcome != Outcome::Eligible {
        // events paid only when the household's relief is granted, not while it is reviewed
        t.granted_events = 0;
        t.fast = 0;
        t.pay_first = 0;
    }
    t
}

impl Facts {
    /// Reads the facts of one determination.
    pub fn of(det: &Determination) -> Facts {
        let programmes = det
            .programmes
            .iter()
            .map(|r| {
                let row = row_of(det, r);
                let persons = match row {
                    Row::Approved | Row::NewlyIncluded | Row::Granted => covered(det, r),
                    _ => 0,
                };
                let reasons = match row {
                    Row::Refused | Row::Cancelled | Row::Declined => primary_reasons(r),
                    _ => Vec::new(),
                };
                (r.programme, row, persons, reasons)
            })
            .collect();
        let relief = det
            .programme(Programme::TemporaryRelief)
            .map(relief_of)
            .unwrap_or_default();
        let persons = det.accounts.counted_members.len() + det.accounts.excluded_members.len();
        Facts {
            evaluation_date: det.evaluation_date,
            jurisdiction: det.jurisdiction.clone(),
            purpose: det.purpose,
            persons: u32::try_from(persons).unwrap_or(u32::MAX),
            rules: (
                det.audit.rule_catalogue_version.to_string(),
                det.audit.parameters_digest.clone(),
            ),
            programmes,
            relief,
            records_compared: u32::try_from(det.verification.departments_checked.len())
                .unwrap_or(u32::MAX),
            discrepancies: det
                .verification
                .discrepancies
                .iter()
                .map(|d| (d.department, d.item.to_string()))
                .collect(),
            warnings: det
                .monitoring
                .warnings
                .iter()
                .map(|w| (w.colour, w.level))
                .collect(),
        }
    }
}

/// Households and persons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    /// Households.
    pub households: u64,
    /// Persons.
    pub persons: u64,
}

impl Count {
    fn add(&mut self, persons: u32) {
        self.households += 1;
        self.persons += u64::from(persons);
    }
}

impl Merge for Count {
    fn merge_in(&mut self, other: Count) {
        self.households.merge_in(other.households);
        self.persons.merge_in(other.persons);
    }
}

impl Merge for ReliefTally {
    fn merge_in(&mut self, other: ReliefTally) {
        let ReliefTally {
            events,
            granted_events,
            granted,
            amount,
            fast,
            pay_first,
            one_case,
            to_review,
            proposed,
            held,
            refused,
        } = other;
        self.events.merge_in(events);
        self.granted_events.merge_in(granted_events);
        self.granted.merge_in(granted);
        self.amount.merge_in(amount);
        self.fast.merge_in(fast);
        self.pay_first.merge_in(pay_first);
        self.one_case.merge_in(one_case);
        self.to_review.merge_in(to_review);
        self.proposed.merge_in(proposed);
        self.held.merge_in(held);
        self.refused.merge_in(refused);
    }
}

/// Temporary relief over the whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReliefTally {
    /// Events brought (cases).
    pub events: u64,
    /// Events granted.
    pub granted_events: u64,
    /// Households granted relief, and their persons.
    pub granted: Count,
    /// Amount granted, yuan.
    pub amount: Decimal,
    /// Granted events of the emergency type (急难型).
    pub fast: u64,
    /// Granted events paid first from the township reserve (先行支付).
    pub pay_first: u64,
    /// Households held for one case, one discussion.
    pub one_case: u64,
    /// Households whose relief is held for review for another reason (e.g. department data
    /// missing, VER-REQ).
    pub to_review: u64,
    /// Amount proposed for them, yuan.
    pub proposed: Decimal,
    /// Amount held while reviewed for another reason, yuan.
    pub held: Decimal,
    /// Households whose event was refused.
    pub refused: u64,
}

/// One batch (input or output file): its name and the lines it held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// The file's name.
    pub name: String,
    /// Households evaluated.
    pub households: u64,
    /// Lines that were errors.
    pub errors: u64,
}

/// The report's figures, folded household by household.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// The batches, in order.
    pub batches: Vec<Batch>,
    /// Households and persons checked.
    pub checked: Count,
    /// Lines that were errors (not evaluated).
    pub errors: u64,
    /// By purpose.
    pub by_purpose: BTreeMap<&'static str, Count>,
    /// Households per division code.
    pub divisions: BTreeMap<String, u64>,
    /// Evaluation dates: date → households.
    pub dates: BTreeMap<chrono::NaiveDate, u64>,
    /// Rule catalogue versions and parameter digests: → households.
    pub rules: BTreeMap<(String, String), u64>,
    /// Per programme and row.
    pub rows: BTreeMap<(Programme, Row), Count>,
    /// Persons newly covered per programme: approved applications, and active discovery.
    pub newly_covered: BTreeMap<Programme, (u64, u64)>,
    /// Primary reasons per programme and row (refused, cancelled): rule → households.
    pub reasons: BTreeMap<(Programme, Row), BTreeMap<RuleId, u64>>,
    /// Temporary relief.
    pub relief: ReliefTally,
    /// Department data sets compared.
    pub records_compared: u64,
    /// Discrepancies by department and item.
    pub discrepancies: BTreeMap<(Department, String), u64>,
    /// Warnings by colour and level.
    pub warnings: BTreeMap<(Colour, Level), u64>,
    /// Wall-clock seconds of the run, when known.
    pub seconds: Option<f64>,
}

fn add_money(total: &mut Decimal, v: Decimal) {
    *total = total.checked_add(v).unwrap_or(Decimal::MAX);
}

impl Tally {
    /// Starts a new batch: the households added after this count towards it.
    pub fn start_batch(&mut self, name: &str) {
        self.batches.push(Batch {
            name: name.to_owned(),
            ..Batch::default()
        });
    }

    /// Adds the households of another tally into this one. Those it counted before its first
    /// batch count towards this tally's last batch (as they would had they been added here one
    /// by one); its batches follow. The seconds stay this tally's.
    pub fn merge(&mut self, other: Tally) {
        let Tally {
            batches,
            checked,
            errors,
            by_purpose,
            divisions,
            dates,
            rules,
            rows,
            newly_covered,
            reasons,
            relief,
            records_compared,
            discrepancies,
            warnings,
            seconds: _,
        } = other;
        if let Some(last) = self.batches.last_mut() {
            let in_batches: (u64, u64) = batches.iter().fold((0, 0), |(h, e), b| {
                (h.saturating_add(b.households), e.saturating_add(b.errors))
            });
            last.households
                .merge_in(checked.households.saturating_sub(in_batches.0));
            last.errors.merge_in(errors.saturating_sub(in_batches.1));
        }
        self.batches.extend(batches);
        self.checked.merge_in(checked);
        self.errors.merge_in(errors);
        self.by_purpose.merge_in(by_purpose);
        self.divisions.merge_in(divisions);
        self.dates.merge_in(dates);
        self.rules.merge_in(rules);
        self.rows.merge_in(rows);
        self.newly_covered.merge_in(newly_covered);
        self.reasons.merge_in(reasons);
        self.relief.merge_in(relief);
        self.records_compared.merge_in(records_compared);
        self.discrepancies.merge_in(discrepancies);
        self.warnings.merge_in(warnings);
    }

    /// Counts a line that could not be evaluated.
    pub fn add_error(&mut self) {
        self.errors += 1;
        if let Some(b) = self.batches.last_mut() {
            b.errors += 1;
        }
    }

    /// Folds one household in.
    pub fn add(&mut self, f: &Facts) {
        if let Some(b) = self.batches.last_mut() {
            b.households += 1;
        }
        self.checked.add(f.persons);
        self.by_purpose
            .entry(purpose_key(f.purpose))
            .or_default()
            .add(f.persons);
        *self.divisions.entry(f.jurisdiction.clone()).or_default() += 1;
        *self.dates.entry(f.evaluation_date).or_default() += 1;
        *self.rules.entry(f.rules.clone()).or_default() += 1;
        for (p, row, covered, reasons) in &f.programmes {
            self.rows.entry((*p, *row)).or_default().add(f.persons);
            let n = self.newly_covered.entry(*p).or_default();
            match row {
                Row::Approved => n.0 += u64::from(*covered),
                Row::NewlyIncluded => n.1 += u64::from(*covered),
                _ => {}
            }
            if !reasons.is_empty() {
                let by = self.reasons.entry((*p, *row)).or_default();
                for r in reasons {
                    *by.entry(*r).or_default() += 1;
                }
            }
            if *p == Programme::TemporaryRelief {
                match row {
                    Row::Granted => self.relief.granted.add(f.persons),
                    Row::OneCaseOneDiscussion => self.relief.one_case += 1,
                    Row::ToReview => self.relief.to_review += 1,
                    Row::Declined => self.relief.refused += 1,
                    _ => {}
                }
            }
        }
        let r = &f.relief;
        self.relief.events += u64::from(r.events);
        self.relief.granted_events += u64::from(r.granted_events);
        self.relief.fast += u64::from(r.fast);
        self.relief.pay_first += u64::from(r.pay_first);
        add_money(&mut self.relief.amount, r.granted);
        add_money(&mut self.relief.proposed, r.proposed);
        add_money(&mut self.relief.held, r.held);
        self.records_compared += u64::from(f.records_compared);
        for (d, item) in &f.discrepancies {
            *self.discrepancies.entry((*d, item.clone())).or_default() += 1;
        }
        for w in &f.warnings {
            *self.warnings.entry(*w).or_default() += 1;
        }
    }

    /// Folds one line of a batch output file: a full answer (`{"line":N,"ok":{…}}` or
    /// `{"line":N,"error":{…}}`). A compact line carries too little for the report and is
    /// refused with a message saying so. A line of parameters or rule sources written once
    /// (`{"parameter_set":…}`, `{"source_set":…}`) is skipped here; an answer that refers to
    /// one is read by [`Tally::add_output`], which keeps them.
    pub fn add_output_line(&mut self, line: &str) -> Result<(), String> {
        self.add_output_line_with(line, &mut SideSets::default())
    }

    /// As [`Tally::add_output_line`], with the lines written once met so far in the file.
    fn add_output_line_with(&mut self, line: &str, sets: &mut SideSets) -> Result<(), String> {
        if line.trim().is_empty() {
            return Ok(());
        }
        #[derive(serde::Deserialize)]
        struct OutputLine {
            ok: Option<Box<serde_json::value::RawValue>>,
            error: Option<serde::de::IgnoredAny>,
            programmes: Option<serde::de::IgnoredAny>,
            parameter_set: Option<String>,
            parameters: Option<Vec<serde_json::Value>>,
            source_set: Option<String>,
            sources: Option<serde_json::Map<String, serde_json::Value>>,
        }
        let parsed: OutputLine =
            serde_json::from_str(line).map_err(|e| format!("not a batch answer line: {e}"))?;
        match parsed {
            OutputLine {
                parameter_set: Some(digest),
                parameters: Some(list),
                ..
            } => {
                sets.parameters.insert(digest, list);
                Ok(())
            }
            OutputLine {
                source_set: Some(digest),
                sources: Some(table),
                ..
            } => {
                sets.sources.insert(digest, table);
                Ok(())
            }
            OutputLine { ok: Some(raw), .. } => {
                let det = match serde_json::from_str::<Determination>(raw.get()) {
                    Ok(det) => det,
                    Err(_) => with_sets(raw.get(), sets)?,
                };
                self.add(&Facts::of(&det));
                Ok(())
            }
            OutputLine { error: Some(_), .. } => {
                self.add_error();
                Ok(())
            }
            OutputLine {
                programmes: Some(_),
                ..
            } => Err(
                "a compact line (batch --compact) carries too little for the report: \
                      run the batch without --compact, or pass --summary to the batch"
                    .to_owned(),
            ),
            _ => Err("neither an answer (\"ok\") nor an error".to_owned()),
        }
    }

    /// Folds a whole batch output file as one batch. Errors name the line.
    pub fn add_output(&mut self, name: &str, input: impl BufRead) -> Result<(), String> {
        self.start_batch(name);
        let mut sets = SideSets::default();
        for (i, line) in input.lines().enumerate() {
            let line = line.map_err(|e| format!("{name}: {e}"))?;
            self.add_output_line_with(&line, &mut sets)
                .map_err(|e| format!("{name}, line {}: {e}", i + 1))?;
        }
        Ok(())
    }
}

/// The lines written once met so far in a batch output file, by digest: the parameter sets
/// and the tables of rule sources.
#[derive(Default)]
struct SideSets {
    parameters: HashMap<String, Vec<serde_json::Value>>,
    sources: HashMap<String, serde_json::Map<String, serde_json::Value>>,
}

/// A determination whose parameter lists are written as references to parameter sets
/// (`{"set": DIGEST, "used": [indices]}`) and whose findings' sources as a reference to a table
/// of sources (`"sources": {"set": DIGEST}`), as `batch --out` writes them without
/// `--inline-parameters`: read with the lists and the sources put back.
fn with_sets(text: &str, sets: &SideSets) -> Result<Determination, String> {
    let mut det: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not a batch answer line: {e}"))?;
    if let Some(reference) = det.as_object_mut().and_then(|d| d.remove("sources")) {
        let digest = reference.get("set").and_then(|d| d.as_str()).unwrap_or("");
        let table = sets
            .sources
            .get(digest)
            .ok_or_else(|| format!("the source set {digest} is not written before this line"))?;
        put_sources_back(&mut det, table)?;
    }
    for field in ["parameters", "emergency_parameters"] {
        let Some(slot) = det.get_mut(field) else {
            continue;
        };
        let Some(digest) = slot.get("set").and_then(|d| d.as_str()) else {
            continue;
        };
        let all = sets
            .parameters
            .get(digest)
            .ok_or_else(|| format!("the parameter set {digest} is not written before this line"))?;
        let used = slot
            .get("used")
            .and_then(|u| u.as_array())
            .map(|u| u.iter().filter_map(|i| i.as_u64()).collect::<Vec<_>>())
            .unwrap_or_default();
        let list: Vec<serde_json::Value> = used
            .iter()
            .filter_map(|&i| usize::try_from(i).ok().and_then(|i| all.get(i)).cloned())
            .collect();
        if list.len() != used.len() {
            return Err(format!(
                "an index past the end of the parameter set {digest}"
            ));
        }
        *slot = serde_json::Value::Array(list);
    }
    serde_json::from_value(det).map_err(|e| format!("not a batch answer line: {e}"))
}

/// Gives every finding in `v` (an object with a `rule` and a `verdict`) its rule's `source`
/// from the table of sources `table`.
fn put_sources_back(
    v: &mut serde_json::Value,
    table: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), String> {
    match v {
        serde_json::Value::Object(m) => {
            if m.contains_key("verdict")
                && let Some(rule) = m.get("rule").and_then(|r| r.as_str())
            {
                let source = table
                    .get(rule)
                    .cloned()
                    .ok_or_else(|| format!("the source set has no rule {rule}"))?;
                m.insert("source".to_owned(), source);
            }
            m.values_mut().try_for_each(|v| put_sources_back(v, table))
        }
        serde_json::Value::Array(a) => a.iter_mut().try_for_each(|v| put_sources_back(v, table)),
        _ => Ok(()),
    }
}

fn purpose_key(p: Purpose) -> &'static str {
    match p {
        Purpose::NewApplication => "1 new_application",
        Purpose::Recheck => "2 recheck",
        Purpose::DynamicCheck => "3 dynamic_check",
    }
}

const PURPOSES: [Purpose; 3] = [
    Purpose::NewApplication,
    Purpose::Recheck,
    Purpose::DynamicCheck,
];

/// The programmes in report order.
pub const PROGRAMMES: [Programme; 5] = [
    Programme::MinimumLiving,
    Programme::SpecialHardship,
    Programme::MarginalFamily,
    Programme::RigidExpenditure,
    Programme::TemporaryRelief,
];

/// A whole number with thousands separators: `106800` → `106,800`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Yuan with thousands separators and at most two decimals: `18690` → `18,690`,
/// `1234.5` → `1,234.50`.
pub fn yuan(v: Decimal) -> String {
    let v = v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let abs = v.abs();
    let whole = abs.trunc();
    let frac = abs - whole;
    let w = thousands(whole.to_u64().unwrap_or(u64::MAX));
    if frac.is_zero() {
        format!("{sign}{w}")
    } else {
        let cents = (frac * Decimal::ONE_HUNDRED).trunc().to_u64().unwrap_or(0);
        format!("{sign}{w}.{cents:02}")
    }
}

/// A table of the report: its title and rows, written to Markdown and to CSV alike.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// A short key for the CSV (`purposes`, `outcomes`…).
    pub key: &'static str,
    /// Title, Chinese then English.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// The rows, as displayed (numbers with separators).
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(key: &'static str, title: &str, header: &[&str]) -> Table {
        Table {
            key,
            title: title.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn markdown(&self, w: &mut String) {
        let _ = writeln!(w, "### {}\n", self.title);
        let _ = writeln!(w, "| {} |", self.header.join(" | "));
        let align: Vec<&str> = self
            .header
            .iter()
            .enumerate()
            .map(|(i, _)| if i == 0 { "---" } else { "---:" })
            .collect();
        let _ = writeln!(w, "|{}|", align.join("|"));
        for r in &self.rows {
            let _ = writeln!(w, "| {} |", r.join(" | "));
        }
        let _ = writeln!(w);
    }
}

fn csv_cell(s: &str) -> String {
    // numbers lose their separators so that a spreadsheet reads them as numbers
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    let numeric = !plain.is_empty()
        && plain
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    let v = if numeric { plain } else { s.to_owned() };
    if v.contains([',', '"', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

fn both(pair: (&str, &str)) -> String {
    format!("{} {}", pair.0, pair.1)
}

/// What the report states about the run besides the households.
#[derive(Clone, Debug, Default)]
pub struct RunInfo {
    /// The tool's name and version, e.g. `jiuzhu 0.1.0`.
    pub tool: String,
}

/// The rendered report: Markdown, SVG chart and CSV.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The report in Markdown.
    pub markdown: String,
    /// The chart.
    pub svg: String,
    /// Every table as CSV (`table,row,…`).
    pub csv: String,
}

impl Tally {
    /// The report's tables, in order.
    pub fn tables(&self) -> Vec<Table> {
        let mut t = vec![
            self.batches_table(),
            self.purposes_table(),
            self.applications_table(),
            self.recipients_table(),
            self.newly_table(),
            self.relief_table(),
        ];
        t.extend(self.reason_tables());
        t.push(self.discrepancy_table());
        t.push(self.warning_table());
        t.push(self.outcomes_table());
        t
    }

    fn batches_table(&self) -> Table {
        let mut t = Table::new(
            "batches",
            "核对批次 Batches",
            &["批次 Batch", "户数 Households", "错误行 Error lines"],
        );
        for b in &self.batches {
            t.row(vec![
                b.name.clone(),
                thousands(b.households),
                thousands(b.errors),
            ]);
        }
        t.row(vec![
            format!(
                "合计 Total ({} 批 batches)",
                thousands(self.batches.len() as u64)
            ),
            thousands(self.checked.households),
            thousands(self.errors),
        ]);
        t
    }

    fn purposes_table(&self) -> Table {
        let mut t = Table::new(
            "purposes",
            "核对户数和人数（按核对类型） Households and persons checked, by purpose",
            &["类型 Purpose", "户数 Households", "人数 Persons"],
        );
        for p in PURPOSES {
            let c = self
                .by_purpose
                .get(purpose_key(p))
                .copied()
                .unwrap_or_default();
            t.row(vec![
                both(purpose_name(p)),
                thousands(c.households),
                thousands(c.persons),
            ]);
        }
        t.row(vec![
            "合计 Households checked".to_owned(),
            thousands(self.checked.households),
            thousands(self.checked.persons),
        ]);
        t
    }

    fn count(&self, p: Programme, r: Row) -> Count {
        self.rows.get(&(p, r)).copied().unwrap_or_default()
    }

    fn applications_table(&self) -> Table {
        let mut t = Table::new(
            "applications",
            "新申请审核结果 New applications approved and refused",
            &[
                "项目 Programme",
                "批准户数 Approved households",
                "批准人数 Approved persons",
                "不予批准户数 Refused households",
                "不予批准人数 Refused persons",
                "待复核户数 To review",
            ],
        );
        for p in PROGRAMMES
            .into_iter()
            .filter(|p| *p != Programme::TemporaryRelief)
        {
            let (a, r, v) = (
                self.count(p, Row::Approved),
                self.count(p, Row::Refused),
                self.count(p, Row::PendingReview),
            );
            t.row(vec![
                both(programme_name(p)),
                thousands(a.households),
                thousands(a.persons),
                thousands(r.households),
                thousands(r.persons),
                thousands(v.households),
            ]);
        }
        t
    }

    fn recipients_table(&self) -> Table {
        let mut t = Table::new(
            "recipients",
            "在保对象复核结果 Recipients cancelled and reduced",
            &[
                "项目 Programme",
                "停保户数 Cancelled households",
                "停保人数 Cancelled persons",
                "渐退户数 Gradual exit",
                "降低金额户数 Reduced",
                "提高金额户数 Raised",
                "继续保障户数 Continued",
            ],
        );
        for p in PROGRAMMES
            .into_iter()
            .filter(|p| *p != Programme::TemporaryRelief)
        {
            let c = self.count(p, Row::Cancelled);
            t.row(vec![
                both(programme_name(p)),
                thousands(c.households),
                thousands(c.persons),
                thousands(self.count(p, Row::GradualExit).households),
                thousands(self.count(p, Row::Reduced).households),
                thousands(self.count(p, Row::Raised).households),
                thousands(self.count(p, Row::Continued).households),
            ]);
        }
        t
    }

    fn newly_table(&self) -> Table {
        let mut t = Table::new(
            "newly_included",
            "新纳入人数 Persons newly included",
            &[
                "项目 Programme",
                "批准新申请 Approved applications",
                "主动发现 Active discovery",
                "合计 Total",
            ],
        );
        for p in PROGRAMMES
            .into_iter()
            .filter(|p| *p != Programme::TemporaryRelief)
        {
            let (a, d) = self.newly_covered.get(&p).copied().unwrap_or_default();
            t.row(vec![
                both(programme_name(p)),
                thousands(a),
                thousands(d),
                thousands(a + d),
            ]);
        }
        t
    }

    fn relief_table(&self) -> Table {
        let r = &self.relief;
        let mut t = Table::new(
            "temporary_relief",
            "临时救助 Temporary relief",
            &["项目 Item", "数量 Count", "金额（元） Amount (yuan)"],
        );
        t.row(vec![
            "救助事由（件） Events brought".to_owned(),
            thousands(r.events),
            String::new(),
        ]);
        t.row(vec![
            "给予救助（户） Households granted".to_owned(),
            thousands(r.granted.households),
            yuan(r.amount),
        ]);
        t.row(vec![
            "给予救助（人） Persons in them".to_owned(),
            thousands(r.granted.persons),
            String::new(),
        ]);
        t.row(vec![
            "给予救助（件） Events granted".to_owned(),
            thousands(r.granted_events),
            String::new(),
        ]);
        t.row(vec![
            "其中急难型 of which emergency type (fast relief)".to_owned(),
            thousands(r.fast),
            String::new(),
        ]);
        t.row(vec![
            "其中备用金先行支付 of which paid first from the township reserve".to_owned(),
            thousands(r.pay_first),
            String::new(),
        ]);
        t.row(vec![
            "一事一议（户） One case, one discussion: proposed".to_owned(),
            thousands(r.one_case),
            yuan(r.proposed),
        ]);
        t.row(vec![
            "待复核（户） Held for review (e.g. department data missing)".to_owned(),
            thousands(r.to_review),
            yuan(r.held),
        ]);
        t.row(vec![
            "不予救助（户） Refused".to_owned(),
            thousands(r.refused),
            String::new(),
        ]);
        t
    }

    fn reason_tables(&self) -> Vec<Table> {
        let mut out = Vec::new();
        for ((p, row), reasons) in &self.reasons {
            let n = self.count(*p, *row).households;
            let (rz, re) = row.label();
            let (pz, pe) = programme_name(*p);
            let mut t = Table::new(
                "reasons",
                &format!("{pz} · {rz}：主要原因 {pe}, {re}: primary reasons"),
                &["规则 Rule", "名称 Title", "户数 Households", "占比 Share"],
            );
            let mut v: Vec<(&RuleId, &u64)> = reasons.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (rule, k) in v.into_iter().take(10) {
                let share = if n == 0 {
                    0.0
                } else {
                    *k as f64 * 100.0 / n as f64
                };
                t.row(vec![
                    rule.id().to_owned(),
                    format!("{} {}", rule.title_zh(), rule.title_en()),
                    thousands(*k),
                    format!("{share:.1} %"),
                ]);
            }
            out.push(t);
        }
        out
    }

    fn discrepancy_table(&self) -> Table {
        let mut t = Table::new(
            "discrepancies",
            "部门核对差异（按部门和项目） Department discrepancies by department and item",
            &["部门 Department", "项目 Item", "差异 Discrepancies"],
        );
        for ((d, item), n) in &self.discrepancies {
            t.row(vec![
                both(department_name(*d)),
                item_name(item),
                thousands(*n),
            ]);
        }
        let total: u64 = self.discrepancies.values().sum();
        t.row(vec![
            "合计 Total".to_owned(),
            format!(
                "比对数据 records compared: {}",
                thousands(self.records_compared)
            ),
            thousands(total),
        ]);
        t
    }

    fn warning_table(&self) -> Table {
        let mut t = Table::new(
            "warnings",
            "预警（按颜色和处置层级） Warnings by colour and the level that must act",
            &["颜色 Colour", "处置层级 Level", "预警 Warnings"],
        );
        for ((c, l), n) in &self.warnings {
            t.row(vec![
                both(colour_name(*c)),
                both(level_name(*l)),
                thousands(*n),
            ]);
        }
        t
    }

    fn outcomes_table(&self) -> Table {
        let mut header = vec!["结果 Outcome".to_owned()];
        for p in PROGRAMMES {
            let (_, en) = programme_name(p);
            let zh = programme_name(p).0;
            header.push(format!("{zh} {en} 户 households"));
            header.push("人 persons".to_owned());
        }
        let mut t = Table {
            key: "outcomes",
            title: "每户一行：各项目结果 Every household in one row per programme".to_owned(),
            header,
            rows: Vec::new(),
        };
        for row in Row::ALL {
            if PROGRAMMES
                .iter()
                .all(|p| self.count(*p, row).households == 0)
            {
                continue;
            }
            let mut cells = vec![both(row.label())];
            for p in PROGRAMMES {
                let c = self.count(p, row);
                cells.push(thousands(c.households));
                cells.push(thousands(c.persons));
            }
            t.row(cells);
        }
        let mut cells = vec!["合计 Total".to_owned()];
        for p in PROGRAMMES {
            let (h, n) = self
                .rows
                .iter()
                .filter(|((q, _), _)| *q == p)
                .fold((0, 0), |a, (_, c)| (a.0 + c.households, a.1 + c.persons));
            cells.push(thousands(h));
            cells.push(thousands(n));
        }
        t.row(cells);
        t
    }

    /// The report: Markdown (with the chart linked as `svg_name` if given), SVG and CSV.
    pub fn render(&self, info: &RunInfo, svg_name: Option<&str>) -> Rendered {
        let tables = self.tables();
        let mut m = String::new();
        let counties: Vec<String> = self.divisions.keys().map(|c| division_name(c)).collect();
        let county = self
            .divisions
            .iter()
            .max_by_key(|(_, n)| **n)
            .map_or_else(|| "—".to_owned(), |(c, _)| division_name(c));
        let _ = writeln!(
            m,
            "# {county} 社会救助家庭经济状况核对报告\n\n# Social assistance checking report, {county}\n"
        );
        let dates: Vec<String> = self.dates.keys().map(|d| d.to_string()).collect();
        let _ = writeln!(m, "| 项目 Item | 内容 Value |\n|---|---|");
        let _ = writeln!(
            m,
            "| 行政区划 Divisions | {} |",
            if counties.is_empty() {
                "—".to_owned()
            } else {
                counties.join("; ")
            }
        );
        let _ = writeln!(m, "| 评估日期 Evaluation dates | {} |", dates.join(", "));
        for ((cat, digest), n) in &self.rules {
            let short: String = digest.chars().take(16).collect();
            let _ = writeln!(
                m,
                "| 规则目录版本、参数摘要 Rule catalogue, parameter digest | {cat}, {short}… ({} 户 households) |",
                thousands(*n)
            );
        }
        let _ = writeln!(m, "| 工具版本 Tool | {} |", info.tool);
        if let Some(s) = self.seconds {
            let _ = writeln!(m, "| 用时 Wall time | {s:.2} s |");
        }
        let _ = writeln!(
            m,
            "| 批次 Batches | {} |",
            thousands(self.batches.len() as u64)
        );
        let _ = writeln!(
            m,
            "| 核对户数、人数 Households, persons checked | {}, {} |\n",
            thousands(self.checked.households),
            thousands(self.checked.persons)
        );
        if let Some(svg) = svg_name {
            let _ = writeln!(m, "![各项目结果 Outcomes by programme]({svg})\n");
        }
        for t in &tables {
            t.markdown(&mut m);
            if t.key == "outcomes" {
                let _ = writeln!(
                    m,
                    "每户在每个项目中只出现在一行；人数为户内全部成员。Each household appears in exactly \
                     one row per programme; persons are all members of the households.\n"
                );
            }
        }
        let _ = writeln!(
            m,
            "拒绝原因只计主要原因（因其他规则不符合而随之不符合的规则不计）。Denial reasons count primary \
             reasons only: a rule that fails because another failed is not a reason.\n"
        );
        let mut csv = String::from("table,title,row");
        let width = tables.iter().map(|t| t.header.len()).max().unwrap_or(0);
        for i in 1..width {
            let _ = write!(csv, ",c{i}");
        }
        csv.push('\n');
        for t in &tables {
            let _ = writeln!(
                csv,
                "{},{},{}",
                t.key,
                csv_cell(&t.title),
                t.header
                    .iter()
                    .map(|h| csv_cell(h))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            for r in &t.rows {
                let _ = writeln!(
                    csv,
                    "{},{},{}",
                    t.key,
                    csv_cell(&t.title),
                    r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",")
                );
            }
        }
        Rendered {
            markdown: m,
            svg: self.svg(),
            csv,
        }
    }

    /// The chart: per programme, households by outcome row as stacked bars.
    pub fn svg(&self) -> String {
        // one colour per row of `Row::ALL`, in its order
        const COLOURS: [&str; 16] = [
            "#2e7d32", "#c62828", "#f9a825", "#1565c0", "#42a5f5", "#ef6c00", "#8e24aa", "#4e342e",
            "#00897b", "#7cb342", "#fdd835", "#bdbdbd", "#eeeeee", "#43a047", "#e53935", "#ff8f00",
        ];
        let (left, bar_w, bar_h, gap) = (300.0_f64, 560.0_f64, 26.0_f64, 14.0_f64);
        let used: Vec<(usize, Row)> = Row::ALL
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, r)| PROGRAMMES.iter().any(|p| self.count(*p, *r).households > 0))
            .collect();
        let legend_rows = used.len().div_ceil(3);
        let height =
            70.0 + PROGRAMMES.len() as f64 * (bar_h + gap) + 22.0 * legend_rows as f64 + 20.0;
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="900" height="{height:.0}" viewBox="0 0 900 {height:.0}" font-family="sans-serif" font-size="12">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let _ = writeln!(
            s,
            r#"<text x="20" y="28" font-size="15" font-weight="bold">各项目结果（户） Households by outcome, per programme — {} 户 households checked</text>"#,
            thousands(self.checked.households)
        );
        let total = self.checked.households.max(1) as f64;
        for (i, p) in PROGRAMMES.iter().enumerate() {
            let y = 50.0 + i as f64 * (bar_h + gap);
            let (zh, en) = programme_name(*p);
            let _ = writeln!(
                s,
                r##"<text x="20" y="{:.1}">{zh}</text><text x="20" y="{:.1}" fill="#555" font-size="10">{}</text>"##,
                y + 11.0,
                y + 23.0,
                xml(en)
            );
            let mut x = left;
            for (k, row) in &used {
                let n = self.count(*p, *row).households;
                if n == 0 {
                    continue;
                }
                let w = n as f64 / total * bar_w;
                let colour = COLOURS.get(*k).copied().unwrap_or("#777");
                let (rz, re) = row.label();
                let _ = writeln!(
                    s,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{bar_h}" fill="{colour}"><title>{rz} {}: {}</title></rect>"#,
                    xml(re),
                    thousands(n)
                );
                x += w;
            }
        }
        let top = 60.0 + PROGRAMMES.len() as f64 * (bar_h + gap);
        for (j, (k, row)) in used.iter().enumerate() {
            let x = 20.0 + (j % 3) as f64 * 290.0;
            let y = top + (j / 3) as f64 * 22.0;
            let colour = COLOURS.get(*k).copied().unwrap_or("#777");
            let (rz, re) = row.label();
            let _ = writeln!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="12" height="12" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="11">{rz} {}</text>"#,
                x + 16.0,
                y + 10.0,
                xml(re)
            );
        }
        let _ = writeln!(s, "</svg>");
        s
    }
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(106_800), "106,800");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(yuan(Decimal::new(18690, 0)), "18,690");
        assert_eq!(yuan(Decimal::new(12345, 1)), "1,234.50");
    }
}
