//! The standards and the amount of a member who meets TK-1: the basic living standard (TK-9),
//! the self-care tier (TK-10), the care standard (TK-11), the support setting (TK-12), the
//! first month of support (TK-13) and the review date (TK-15).
//!
//! May use: the programme context (parameters, case, rounding), the case model and the record;
//! [`peek_decimal`](super::peek_decimal) and the date helpers of the parent module.

use chrono::Months;
use rust_decimal::Decimal;

use super::super::{Context, round_payment};
use super::{first_of_next_month, peek_decimal};
use crate::CaseError;
use crate::case::{Area, Member, MemberKey, SelfCareAssessment, SupportSetting};
use crate::explain::{Record, RuleId, Verdict};
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
pub(super) fn support<'a>(
    ctx: &Context<'_>,
    m: &Member,
    key: &'a MemberKey,
    std: &Standard,
    rec: &mut Record<'a>,
) -> Result<Option<Decimal>, CaseError> {
    let basic = basic_standard(ctx, std, key, rec)?;
    let tier = self_care_tier(m.self_care.as_ref(), key, rec);
    let care = match tier {
        Some(t) => care_standard(ctx, t, key, rec)?,
        None => None,
    };
    support_setting(m, tier, key, rec);
    let Some(care) = care else {
        not_applicable(key, rec);
        return Ok(None);
    };
    let exact = basic.add(care, "special-hardship amount")?;
    let rounding = ctx.rounding()?;
    let amount = round_payment(exact, rounding, rec)?;
    support_from(ctx, key, rec);
    review_due(ctx, key, rec)?;
    Ok(Some(amount))
}

/// TK-13 and TK-15 do not apply: the member has no amount.
pub(super) fn not_applicable<'a>(key: &'a MemberKey, rec: &mut Record<'a>) {
    rec.test_member(key, RuleId::Tk13, Verdict::NotApplicable, |f| f);
    rec.test_member(key, RuleId::Tk15, Verdict::NotApplicable, |f| f);
}

/// TK-9: the basic living standard per month, from the multiplier or a pinned figure.
fn basic_standard<'a>(
    ctx: &Context<'_>,
    std: &Standard,
    key: &'a MemberKey,
    rec: &mut Record<'a>,
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
    let (annual, monthly, method) = match pinned.map(|v| &v.value) {
        Some(ParamValue::Decimal(d)) => {
            p.mark_used(pinned_param);
            let monthly = d.div(twelve, "basic living standard")?;
            (*d, monthly, "published_figure")
        }
        _ => (computed_annual, computed, formula),
    };
    rec.test_member(key, RuleId::Tk9, Verdict::Pass, |f| {
        f.code("rate", std.rate.as_str())
            .yuan("standard", std.month)
            .ratio("multiplier", multiplier)
            .yuan("computed_month", computed)
            .code("method", method)
            .yuan("annual", annual)
            .yuan("monthly", monthly)
    });
    Ok(monthly)
}

/// TK-10: the self-care tier from the six-item assessment.
fn self_care_tier<'a>(
    a: Option<&SelfCareAssessment>,
    key: &'a MemberKey,
    rec: &mut Record<'a>,
) -> Option<&'static str> {
    let Some(a) = a else {
        rec.test_member(key, RuleId::Tk10, Verdict::Unknown, |f| {
            f.code("reason", "no_assessment")
        });
        return None;
    };
    let n = a.unable.len();
    let tier = match n {
        0 => "full_self_care",
        1..=3 => "partial_loss",
        _ => "full_loss",
    };
    rec.test_member(key, RuleId::Tk10, Verdict::Pass, |f| {
        f.number("items_unable", Decimal::from(n as u64))
            .code("tier", tier)
    });
    Some(tier)
}

/// TK-11: the monthly care standard of a tier; `None` (and an unknown condition) when the
/// jurisdiction sets none.
fn care_standard<'a>(
    ctx: &Context<'_>,
    tier: &'static str,
    key: &'a MemberKey,
    rec: &mut Record<'a>,
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
    let unknown = |rec: &mut Record<'a>| {
        rec.test_member(key, RuleId::Tk11, Verdict::Unknown, |f| {
            f.code("tier", tier).code("reason", "no_care_standard")
        });
        Ok(None)
    };
    match method {
        Some("fixed_amounts") => match peek_decimal(p, fixed) {
            Some(m) => {
                let annual = m.mul(Decimal::from(12), "care standard")?;
                rec.test_member(key, RuleId::Tk11, Verdict::Pass, |f| {
                    f.code("tier", tier)
                        .code("method", "fixed_amounts")
                        .yuan("monthly", m)
                        .yuan("annual", annual)
                });
                Ok(Some(m))
            }
            None => unknown(rec),
        },
        Some("min_wage_share") => match peek_decimal(p, share) {
            Some(s) => {
                let wage = p.decimal(ParamId::MinWageMonth)?;
                let m = Rounding::HALF_UP_YUAN
                    .apply(wage.mul(s, "care standard")?)
                    .ok_or(CaseError::Overflow {
                        what: "care standard",
                    })?;
                let annual = m.mul(Decimal::from(12), "care standard")?;
                rec.test_member(key, RuleId::Tk11, Verdict::Pass, |f| {
                    f.code("tier", tier)
                        .code("method", "min_wage_share")
                        .yuan("min_wage", wage)
                        .ratio("share", s)
                        .yuan("monthly", m)
                        .yuan("annual", annual)
                });
                Ok(Some(m))
            }
            None => unknown(rec),
        },
        Some(_) => Err(CaseError::BadParameter {
            param: ParamId::TkCareMethod.name(),
            problem: "must be fixed_amounts or min_wage_share",
        }),
        None => unknown(rec),
    }
}

/// TK-12: the support setting (at home unless stated); a member who has lost all self-care and
/// lives at home is noted for institutional care first.
fn support_setting<'a>(
    m: &Member,
    tier: Option<&'static str>,
    key: &'a MemberKey,
    rec: &mut Record<'a>,
) {
    let setting = m.support_setting.unwrap_or(SupportSetting::Home);
    let priority = tier == Some("full_loss") && setting == SupportSetting::Home;
    rec.test_member(key, RuleId::Tk12, Verdict::Pass, |f| {
        let f = f.code("setting", setting.as_str());
        if priority {
            f.code("note", "institutional_priority")
        } else {
            f
        }
    });
}

/// TK-13: support is paid from the first day of the next month.
fn support_from<'a>(ctx: &Context<'_>, key: &'a MemberKey, rec: &mut Record<'a>) {
    rec.test_member(
        key,
        RuleId::Tk13,
        Verdict::Pass,
        |f| match first_of_next_month(ctx.case.evaluation_date) {
            Some(d) => f.date("support_from", d),
            None => f,
        },
    );
}

/// TK-15: the member's conditions are reviewed after `tk_review_months`.
fn review_due<'a>(
    ctx: &Context<'_>,
    key: &'a MemberKey,
    rec: &mut Record<'a>,
) -> Result<(), CaseError> {
    let months = ctx.p.count(ParamId::TkReviewMonths, 120)?;
    rec.test_member(key, RuleId::Tk15, Verdict::Pass, |f| {
        let f = f.number("review_months", months);
        match ctx
            .case
            .evaluation_date
            .checked_add_months(Months::new(months))
        {
            Some(d) => f.date("review_due", d),
            None => f,
        }
    });
    Ok(())
}
