//! The standards and the amount of a member who meets TK-1: the basic living standard (TK-9),
//! the self-care tier (TK-10), the care standard (TK-11), the support setting (TK-12), the
//! first month of support (TK-13) and the review date (TK-15).
//!
//! May use: the programme context (parameters, case, rounding), the case model and findings;
//! [`peek_decimal`](super::peek_decimal) and the date helpers of the parent module.

use chrono::Months;
use rust_decimal::Decimal;

use super::super::{Context, round_payment};
use super::{area_code, first_of_next_month, peek_decimal};
use crate::CaseError;
use crate::case::{Area, Member, MemberKey, SelfCareAssessment, SupportSetting};
use crate::explain::{Finding, RuleId, Verdict};
use crate::money::{Exact, Rounding};
use crate::rules::{ParamId, ParamValue};

/// The dibao standard of a member's rate (TK-7) that the basic living standard is built on.
pub(super) struct Standard {
    /// The rate.
    pub rate: Area,
    /// The monthly dibao standard of the rate.
    pub month: Decimal,
    /// The parameter the standard comes from.
    pub param: ParamId,
}

/// TK-9 … TK-15 for a member who meets TK-1: the monthly amount (basic living standard + care
/// standard, rounded by PAY-3), or `None` when no care standard is set (the member then needs
/// review and TK-13 and TK-15 do not apply).
pub(super) fn support(
    ctx: &Context<'_>,
    m: &Member,
    key: &MemberKey,
    std: &Standard,
    f: &mut Vec<Finding>,
) -> Result<Option<Decimal>, CaseError> {
    let basic = basic_standard(ctx, std, key, f)?;
    let tier = self_care_tier(m.self_care.as_ref(), key, f);
    let care = match tier {
        Some(t) => care_standard(ctx, t, key, f)?,
        None => None,
    };
    f.push(support_setting(m, tier, key));
    let Some(care) = care else {
        not_applicable(key, f);
        return Ok(None);
    };
    let exact = basic.add(care, "special-hardship amount")?;
    let rounding = ctx.rounding()?;
    let mut rec = crate::explain::Record::new(true);
    let amount = round_payment(exact, rounding, &mut rec)?;
    f.extend(rec.into_findings());
    f.push(support_from(ctx, key));
    f.push(review_due(ctx, key)?);
    Ok(Some(amount))
}

/// TK-13 and TK-15 do not apply: the member has no amount.
pub(super) fn not_applicable(key: &MemberKey, f: &mut Vec<Finding>) {
    f.push(Finding::new(RuleId::Tk13, Verdict::NotApplicable).member(key));
    f.push(Finding::new(RuleId::Tk15, Verdict::NotApplicable).member(key));
}

/// TK-9: the basic living standard per month, from the multiplier or a pinned figure.
fn basic_standard(
    ctx: &Context<'_>,
    std: &Standard,
    key: &MemberKey,
    f: &mut Vec<Finding>,
) -> Result<Decimal, CaseError> {
    const W: &str = "basic living standard";
    let p = ctx.p;
    let multiplier = p.decimal_in(ParamId::TkBasicLivingMultiplier, Decimal::from(10))?;
    let twelve = Decimal::from(12);
    let round = |d: Decimal| {
        Rounding::HALF_UP_YUAN
            .apply(d)
            .ok_or(CaseError::Overflow { what: W })
    };
    // Where the formula is rounded is a dated parameter (S0 Art. 17): on the monthly figure
    // (absent: the library's behaviour before the law), or once on the annual figure.
    let annual_rounding = match p.peek(ParamId::TkBasicRounding).map(|v| &v.value) {
        None => false,
        Some(ParamValue::Text(t)) if t.as_ref() == "monthly" => {
            p.mark_used(ParamId::TkBasicRounding);
            false
        }
        Some(ParamValue::Text(t)) if t.as_ref() == "annual" => {
            p.mark_used(ParamId::TkBasicRounding);
            true
        }
        Some(_) => {
            return Err(CaseError::BadParameter {
                param: ParamId::TkBasicRounding.name(),
                problem: "must be monthly or annual",
            });
        }
    };
    let (computed_annual, computed, formula) = if annual_rounding {
        let annual = round(std.month.mul(twelve, W)?.mul(multiplier, W)?)?;
        (
            annual,
            annual.div(twelve, W)?,
            "multiplier_annual_rounded_half_up",
        )
    } else {
        let month = round(std.month.mul(multiplier, W)?)?;
        (month.mul(twelve, W)?, month, "multiplier_rounded_half_up")
    };
    let pinned_param = match std.rate {
        Area::Urban => ParamId::TkBasicStandardUrbanYear,
        Area::Rural => ParamId::TkBasicStandardRuralYear,
    };
    let std_from = p.peek(std.param).map(|v| v.from);
    let pinned = p
        .peek(pinned_param)
        .filter(|v| std_from.is_some_and(|s| v.from >= s));
    let base = Finding::new(RuleId::Tk9, Verdict::Pass)
        .member(key)
        .code("rate", area_code(std.rate))
        .yuan("standard", std.month)
        .ratio("multiplier", multiplier)
        .yuan("computed_month", computed);
    let (annual, monthly, finding) = match pinned.map(|v| &v.value) {
        Some(ParamValue::Decimal(d)) => {
            p.mark_used(pinned_param);
            let monthly = d.div(twelve, "basic living standard")?;
            (*d, monthly, base.code("method", "published_figure"))
        }
        _ => (computed_annual, computed, base.code("method", formula)),
    };
    f.push(finding.yuan("annual", annual).yuan("monthly", monthly));
    Ok(monthly)
}

/// TK-10: the self-care tier from the six-item assessment.
fn self_care_tier(
    a: Option<&SelfCareAssessment>,
    key: &MemberKey,
    f: &mut Vec<Finding>,
) -> Option<&'static str> {
    let Some(a) = a else {
        f.push(
            Finding::new(RuleId::Tk10, Verdict::Unknown)
                .member(key)
                .code("reason", "no_assessment"),
        );
        return None;
    };
    let n = a.unable.len();
    let tier = match n {
        0 => "full_self_care",
        1..=3 => "partial_loss",
        _ => "full_loss",
    };
    f.push(
        Finding::new(RuleId::Tk10, Verdict::Pass)
            .member(key)
            .number("items_unable", Decimal::from(n as u64))
            .code("tier", tier),
    );
    Some(tier)
}

/// TK-11: the monthly care standard of a tier; `None` (and an unknown finding) when the
/// jurisdiction sets none.
fn care_standard(
    ctx: &Context<'_>,
    tier: &'static str,
    key: &MemberKey,
    f: &mut Vec<Finding>,
) -> Result<Option<Decimal>, CaseError> {
    let p = ctx.p;
    let (fixed, share) = match tier {
        "full_self_care" => (ParamId::TkCareSelfMonth, ParamId::TkCareShareSelf),
        "partial_loss" => (ParamId::TkCarePartialMonth, ParamId::TkCareSharePartial),
        _ => (ParamId::TkCareFullMonth, ParamId::TkCareShareFull),
    };
    let method = match p.peek(ParamId::TkCareMethod).map(|v| &v.value) {
        Some(ParamValue::Text(t)) => {
            p.mark_used(ParamId::TkCareMethod);
            Some(t.as_ref())
        }
        _ => None,
    };
    let base = Finding::new(RuleId::Tk11, Verdict::Pass)
        .member(key)
        .code("tier", tier);
    let unknown = |f: &mut Vec<Finding>| {
        let mut x = base.clone().code("reason", "no_care_standard");
        x.verdict = Verdict::Unknown;
        f.push(x);
        Ok(None)
    };
    match method {
        Some("fixed_amounts") => match peek_decimal(p, fixed) {
            Some(m) => {
                f.push(
                    base.code("method", "fixed_amounts")
                        .yuan("monthly", m)
                        .yuan("annual", m.mul(Decimal::from(12), "care standard")?),
                );
                Ok(Some(m))
            }
            None => unknown(f),
        },
        Some("min_wage_share") => match peek_decimal(p, share) {
            Some(s) => {
                let wage = p.decimal(ParamId::MinWageMonth)?;
                let m = Rounding::HALF_UP_YUAN
                    .apply(wage.mul(s, "care standard")?)
                    .ok_or(CaseError::Overflow {
                        what: "care standard",
                    })?;
                f.push(
                    base.code("method", "min_wage_share")
                        .yuan("min_wage", wage)
                        .ratio("share", s)
                        .yuan("monthly", m)
                        .yuan("annual", m.mul(Decimal::from(12), "care standard")?),
                );
                Ok(Some(m))
            }
            None => unknown(f),
        },
        Some(_) => Err(CaseError::BadParameter {
            param: ParamId::TkCareMethod.name(),
            problem: "must be fixed_amounts or min_wage_share",
        }),
        None => unknown(f),
    }
}

/// TK-12: the support setting (at home unless stated); a member who has lost all self-care and
/// lives at home is noted for institutional care first.
fn support_setting(m: &Member, tier: Option<&'static str>, key: &MemberKey) -> Finding {
    let setting = m.support_setting.unwrap_or(SupportSetting::Home);
    let f = Finding::new(RuleId::Tk12, Verdict::Pass)
        .member(key)
        .code("setting", setting.as_str());
    if tier == Some("full_loss") && setting == SupportSetting::Home {
        f.code("note", "institutional_priority")
    } else {
        f
    }
}

/// TK-13: support is paid from the first day of the next month.
fn support_from(ctx: &Context<'_>, key: &MemberKey) -> Finding {
    let f = Finding::new(RuleId::Tk13, Verdict::Pass).member(key);
    match first_of_next_month(ctx.case.evaluation_date) {
        Some(d) => f.date("support_from", d),
        None => f,
    }
}

/// TK-15: the member's conditions are reviewed after `tk_review_months`.
fn review_due(ctx: &Context<'_>, key: &MemberKey) -> Result<Finding, CaseError> {
    let months = ctx.p.count(ParamId::TkReviewMonths, 120)?;
    let f = Finding::new(RuleId::Tk15, Verdict::Pass)
        .member(key)
        .number("review_months", months);
    Ok(
        match ctx
            .case
            .evaluation_date
            .checked_add_months(Months::new(months))
        {
            Some(d) => f.date("review_due", d),
            None => f,
        },
    )
}
