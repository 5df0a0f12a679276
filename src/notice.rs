//! Decisions in writing (S0 Arts. 45, 48): the notice text for a refusal, a reduction, a gradual
//! exit or a termination, written from a determination, Chinese first and English after.
//!
//! A refusal gives the reasons: the sentences of the findings that decided it (each with its
//! rule ID and the source in force on the evaluation date). A reduction, gradual exit or
//! termination gives the reasons and the two steps the law requires before it takes effect:
//! hear the recipient, then give written notice (the same steps the monitoring action carries,
//! `before_effect`). The text names members by their keys only; the office fills in names.
//!
//! Layer 11, after the orchestrator. May use: the determination and what it holds (findings,
//! their sentences, the catalogue); used by the JSON face and callers.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::case::MemberKey;
use crate::determination::Determination;
use crate::explain::{Finding, LAW_IN_FORCE, RuleId, Verdict};
use crate::monitor::Action;
use crate::vocab::{Outcome, Programme};

/// What a notice tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoticeKind {
    /// An application refused (不予批准, S0 Art. 45).
    Refusal,
    /// A recipient's amount reduced (减发, S0 Art. 48).
    Reduction,
    /// A recipient's assistance ending after a gradual exit period (渐退, S0 Art. 48).
    GradualExit,
    /// A recipient's assistance stopped (停发, S0 Art. 48).
    Termination,
}

/// One reason of a notice: a finding that decided, as its sentences say it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct NoticeReason {
    /// The rule.
    pub rule: RuleId,
    /// The member concerned, by key; absent for the household.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<MemberKey>,
    /// The rule's source in force on the evaluation date.
    pub source: &'static str,
    /// The reason in Chinese.
    pub zh: String,
    /// The reason in English.
    pub en: String,
}

/// A decision in writing for one programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Notice {
    /// What the notice tells.
    pub kind: NoticeKind,
    /// The programme decided.
    pub programme: Programme,
    /// The evaluation date of the determination.
    pub evaluation_date: NaiveDate,
    /// The reasons, in the determination's order.
    pub reasons: Vec<NoticeReason>,
    /// The whole notice, Chinese first, then English.
    pub text: String,
}

/// The notices a determination calls for: for a new application, a refusal of the minimum
/// living allowance when it is not granted; for a recipient, the notice of the recommended
/// reduction, gradual exit or termination. A refusal of another programme is written on request
/// with [`notice`].
///
/// ```
/// # let case = jiuzhu::parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
/// #   "purpose": "new_application", "area": "urban", "household": {"members": [
/// #   {"key": "m1", "relation": "applicant", "birth_date": "1980-05-01"}],
/// #   "incomes": [{"member": "m1", "category": "wage", "amount": "24000",
/// #                "from": "2025-11-01", "to": "2026-10-31"}]}}"#).unwrap();
/// let det = jiuzhu::evaluate(&case, &jiuzhu::RuleBook::embedded()).unwrap();
/// let notices = jiuzhu::notices(&det);
/// assert_eq!(notices[0].kind, jiuzhu::NoticeKind::Refusal);
/// assert!(notices[0].text.starts_with("社会救助决定告知书"));
/// ```
pub fn notices(det: &Determination) -> Vec<Notice> {
    let mut out = Vec::new();
    if let Some(p) = action_programme(det) {
        out.extend(notice(det, p));
    } else if det.purpose == crate::case::Purpose::NewApplication {
        out.extend(notice(det, Programme::MinimumLiving));
    }
    out
}

/// The programme of a recommended reduction, gradual exit or termination, if any.
fn action_programme(det: &Determination) -> Option<Programme> {
    match det.monitoring.action.as_ref()? {
        Action::Adjust {
            programme,
            difference,
            ..
        } if difference.value().is_sign_negative() => Some(*programme),
        Action::GradualExit { programme, .. } | Action::Terminate { programme, .. } => {
            Some(*programme)
        }
        // leaving one programme for another it now qualifies for ends the first (MON-TERMINATE)
        Action::Enrol {
            from_programme: Some(programme),
            ..
        } => Some(*programme),
        _ => None,
    }
}

/// The notice for one programme: the recommended reduction, gradual exit or termination when
/// the monitoring action concerns it, otherwise a refusal when it is not granted; `None` when
/// there is nothing to tell in writing.
///
/// ```
/// use jiuzhu::{NoticeKind, Outcome, Programme, RuleBook, evaluate, notice, parse_case};
/// let case = parse_case(r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
///   "purpose": "new_application", "area": "urban", "household": {"members": [
///   {"key": "m1", "relation": "applicant", "birth_date": "1980-05-01"}],
///   "incomes": [{"member": "m1", "category": "wage", "amount": "24000",
///                "from": "2025-11-01", "to": "2026-10-31"}]}}"#).unwrap();
/// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
/// // a refusal written on request, for a programme the household does not qualify for
/// for p in &det.programmes {
///     match (p.outcome, notice(&det, p.programme)) {
///         (Outcome::NotEligible, Some(n)) => {
///             assert_eq!(n.kind, NoticeKind::Refusal);
///             assert!(!n.reasons.is_empty());
///         }
///         (Outcome::NotEligible, None) => unreachable!("a refusal is always written"),
///         _ => {}
///     }
/// }
/// assert!(notice(&det, Programme::MinimumLiving).is_some());
/// ```
pub fn notice(det: &Determination, programme: Programme) -> Option<Notice> {
    let result = det.programme(programme)?;
    let action = det
        .monitoring
        .action
        .as_ref()
        .filter(|_| action_programme(det) == Some(programme));
    let (kind, monitoring_rule) = match action {
        Some(Action::Adjust { .. }) => (NoticeKind::Reduction, Some(RuleId::MonAdjust)),
        Some(Action::GradualExit { .. }) => (NoticeKind::GradualExit, Some(RuleId::MonExit)),
        Some(_) => (NoticeKind::Termination, Some(RuleId::MonTerminate)),
        None if result.outcome == Outcome::NotEligible => (NoticeKind::Refusal, None),
        None => return None,
    };
    let date = det.evaluation_date;
    let reason = |f: &Finding| NoticeReason {
        rule: f.rule,
        member: f.member.clone(),
        source: f.rule.source_on(date),
        zh: f.text_zh(),
        en: f.text_en(),
    };
    // the findings that decided: every failed condition of the programme (and of its
    // individual units), then the monitoring finding of the action and the discrepancies that
    // call for a field check
    let mut reasons: Vec<NoticeReason> = result
        .findings
        .iter()
        .chain(
            result
                .individual_coverage
                .iter()
                .flat_map(|c| c.findings.iter()),
        )
        .filter(|f| f.verdict == Verdict::Fail)
        .map(reason)
        .collect();
    if let Some(rule) = monitoring_rule {
        reasons.extend(
            det.monitoring
                .findings
                .iter()
                .filter(|f| f.rule == rule && f.verdict == Verdict::Pass)
                .map(reason),
        );
        reasons.extend(
            det.verification
                .findings
                .iter()
                .filter(|f| f.rule == RuleId::VerEffect && f.verdict == Verdict::Fail)
                .map(reason),
        );
    }
    let text = write_text(kind, programme, date, &reasons);
    Some(Notice {
        kind,
        programme,
        evaluation_date: date,
        reasons,
        text,
    })
}

/// The programme's name in Chinese and English.
const fn programme_names(p: Programme) -> (&'static str, &'static str) {
    match p {
        Programme::MinimumLiving => ("最低生活保障", "minimum living allowance (dibao)"),
        Programme::MarginalFamily => ("低保边缘家庭认定", "marginal low-income family"),
        Programme::SpecialHardship => ("特困人员救助供养", "special hardship support"),
        Programme::RigidExpenditure => ("刚性支出困难家庭认定", "rigid-expenditure hardship"),
        Programme::TemporaryRelief => ("临时救助", "temporary relief"),
    }
}

/// The notice's kind in Chinese and English.
const fn kind_names(k: NoticeKind) -> (&'static str, &'static str) {
    match k {
        NoticeKind::Refusal => ("不予批准", "refusal"),
        NoticeKind::Reduction => ("减发", "reduction"),
        NoticeKind::GradualExit => ("渐退", "gradual exit"),
        NoticeKind::Termination => ("停发", "termination"),
    }
}

/// The whole text: Chinese first, then English.
fn write_text(
    kind: NoticeKind,
    programme: Programme,
    date: NaiveDate,
    reasons: &[NoticeReason],
) -> String {
    use std::fmt::Write as _;

    let law = date >= LAW_IN_FORCE;
    let (p_zh, p_en) = programme_names(programme);
    let (k_zh, k_en) = kind_names(kind);
    let refusal = kind == NoticeKind::Refusal;
    let basis = match (refusal, law) {
        (true, true) => "S0 Art. 45",
        (true, false) => "S2 Art. 21",
        (false, true) => "S0 Art. 48",
        (false, false) => "S2 Art. 31",
    };
    let mut t = String::with_capacity(512 + 256 * reasons.len());
    // `write!` into a String cannot fail
    let _ = writeln!(t, "社会救助决定告知书（{k_zh}）");
    let _ = writeln!(t, "救助项目：{p_zh}");
    let _ = writeln!(t, "评估日期：{date}");
    let _ = writeln!(t, "依据：{basis}");
    if refusal {
        let _ = writeln!(t, "经审核，申请不符合条件，不予批准。理由如下：");
    } else {
        let _ = writeln!(t, "经复核，拟对{p_zh}作出{k_zh}决定。理由如下：");
    }
    for (i, r) in reasons.iter().enumerate() {
        let _ = writeln!(t, "{}. [{}] {}（{}）", i + 1, r.rule, r.zh, r.source);
    }
    if !refusal {
        let _ = writeln!(t, "决定生效前须：");
        let _ = writeln!(t, "1. 听取本人意见；");
        let _ = writeln!(t, "2. 书面告知本人决定及理由。");
    }
    let _ = writeln!(t, "（家庭成员以代号表示，姓名由经办机关填写。）");
    let _ = writeln!(t);
    let _ = writeln!(t, "Notice of a social assistance decision ({k_en})");
    let _ = writeln!(t, "Programme: {p_en}");
    let _ = writeln!(t, "Evaluation date: {date}");
    let _ = writeln!(t, "Basis: {basis}");
    if refusal {
        let _ = writeln!(
            t,
            "The application does not meet the conditions and is refused, for these reasons:"
        );
    } else {
        let _ = writeln!(t, "On re-check, {k_en} is proposed, for these reasons:");
    }
    for (i, r) in reasons.iter().enumerate() {
        let _ = writeln!(t, "{}. [{}] {} ({})", i + 1, r.rule, r.en, r.source);
    }
    if !refusal {
        let _ = writeln!(t, "Before the decision takes effect:");
        let _ = writeln!(t, "1. hear the recipient;");
        let _ = writeln!(
            t,
            "2. give the recipient written notice of the decision and its reasons."
        );
    }
    let _ = write!(
        t,
        "(Members are named by their keys; the office fills in their names.)"
    );
    t
}
