//! The programmes, one file each. Each reads the shared accounts and the parameters and returns
//! a [`ProgrammeResult`](crate::ProgrammeResult); none recounts members or income.
//!
//! Layer 7. May use: the case, explanations (findings), rules, accounts and the vocabulary; never verification's pipeline, monitoring or the determination.

pub(crate) mod marginal_family;
mod result;
pub use result::{AddOn, IndividualCoverage, ProgrammeResult, ReviewItem};
pub(crate) mod minimum_living;
pub(crate) mod rigid_expenditure;
pub(crate) mod special_hardship;
pub(crate) mod temporary_relief;

use std::cell::OnceCell;

use rust_decimal::Decimal;

use crate::CaseError;
use crate::accounts::assets::{self, AssetUnit, HoldingLimits};
use crate::accounts::income::IncomeAccount;
use crate::accounts::members::Composition;
use crate::case::{Case, MemberKey};
use crate::explain::{Record, RuleId, Verdict};
use crate::money::{Rounding, RoundingMode};
use crate::rules::ParamId;
use crate::rules::resolve::Params;
use crate::vocab::Outcome;

/// Everything the programmes read.
pub(crate) struct Context<'a> {
    pub case: &'a Case,
    pub p: &'a Params,
    pub comp: &'a Composition<'a>,
    pub income: &'a IncomeAccount,
    /// Member keys by position.
    pub keys: &'a [&'a MemberKey],
    /// Monthly dibao standard per person.
    pub standard: Decimal,
    /// Whether the decision writes findings (the explanation); the decision is the same either
    /// way.
    pub explain: bool,
    /// The household unit's AST-5 … AST-8 and the members they were tested for, tested once
    /// on first use and shared by every programme that tests the household (see
    /// [`Context::household_assets`]).
    holdings: OnceCell<(Vec<usize>, Record<'a>)>,
    /// The parameters of AST-5 … AST-8, read on the first asset test and kept for every unit
    /// tested after (see [`Context::holding_limits`]).
    holding_limits: OnceCell<HoldingLimits<'a>>,
}

impl<'a> Context<'a> {
    /// A context on the accounts given (`keys`: the member keys by position), nothing tested
    /// yet.
    pub fn new(
        case: &'a Case,
        p: &'a Params,
        comp: &'a Composition<'a>,
        income: &'a IncomeAccount,
        keys: &'a [&'a MemberKey],
        standard: Decimal,
        explain: bool,
    ) -> Self {
        Context {
            case,
            p,
            comp,
            income,
            keys,
            standard,
            explain,
            holdings: OnceCell::new(),
            holding_limits: OnceCell::new(),
        }
    }

    /// An empty decision record for one unit, explaining as the context asks.
    pub fn record(&self) -> Record<'a> {
        Record::new(self.explain)
    }

    /// The parameters of AST-5 … AST-8, read the first time a unit's holdings are tested (so
    /// that they are marked used only then, and in the order the tests read them).
    fn holding_limits(&self) -> Result<&HoldingLimits<'a>, CaseError> {
        if let Some(limits) = self.holding_limits.get() {
            return Ok(limits);
        }
        let read = HoldingLimits::read(self.case, self.p)?;
        Ok(self.holding_limits.get_or_init(|| read))
    }

    /// Runs AST-4 … AST-8 for a unit other than the household (one member on an individual
    /// route or tested for special hardship), recording each condition.
    pub fn test_assets(&self, unit: &AssetUnit<'_>, rec: &mut Record<'a>) -> Result<(), CaseError> {
        assets::financial(self.case, unit, self.p, rec)?;
        assets::holdings(self.case, unit, self.holding_limits()?, rec)
    }

    /// The asset tests of the household unit (the `counted` members): AST-4 against the
    /// programme's `limit`, then AST-5 … AST-8, which are the same for every programme and are
    /// worked out once per context (dibao, the marginal family, rigid expenditure and temporary
    /// relief all test the household). A call for other members than the first tests them
    /// afresh.
    pub fn household_assets(
        &self,
        counted: &[usize],
        limit: ParamId,
        rec: &mut Record<'a>,
    ) -> Result<(), CaseError> {
        let unit = AssetUnit {
            members: counted,
            keys: self.keys,
            standard: self.standard,
            limit,
        };
        assets::financial(self.case, &unit, self.p, rec)?;
        if let Some((members, done)) = self.holdings.get()
            && members.as_slice() == counted
        {
            rec.append_copy(done);
            return Ok(());
        }
        let mut first = self.record();
        assets::holdings(self.case, &unit, self.holding_limits()?, &mut first)?;
        rec.append_copy(&first);
        if self.holdings.get().is_none() {
            let _ = self.holdings.set((counted.to_vec(), first));
        }
        Ok(())
    }

    /// The payment rounding step (PAY-3).
    pub fn rounding(&self) -> Result<Rounding, CaseError> {
        let unit = self.p.decimal(ParamId::RoundingUnit)?;
        let mode_text = self.p.text(ParamId::RoundingMode)?;
        let mode = RoundingMode::parse(mode_text).ok_or(CaseError::BadParameter {
            param: ParamId::RoundingMode.name(),
            problem: "must be half_up, ceiling, floor or none",
        })?;
        if unit <= Decimal::ZERO {
            return Err(CaseError::BadParameter {
                param: ParamId::RoundingUnit.name(),
                problem: "must be positive",
            });
        }
        Ok(Rounding { unit, mode })
    }
}

/// The outcome of one unit from its tested conditions (any failure → not eligible; otherwise
/// any unknown → needs review; otherwise eligible), and what a person must review.
pub(crate) fn decided(rec: &Record<'_>) -> (Outcome, Vec<ReviewItem>) {
    let outcome = rec.outcome();
    (outcome, review_items(rec, outcome))
}

/// What a person must review for a unit whose outcome is `outcome`: the conditions of `rec`
/// that could not decide, when the outcome is `needs_review`; nothing otherwise.
pub(crate) fn review_items(rec: &Record<'_>, outcome: Outcome) -> Vec<ReviewItem> {
    if outcome != Outcome::NeedsReview {
        return Vec::new();
    }
    rec.unknowns()
        .map(|u| ReviewItem {
            rule: u.rule,
            member: u.member.cloned(),
        })
        .collect()
}

/// Applies the rounding step once, with its finding (PAY-3).
pub(crate) fn round_payment(
    exact: Decimal,
    rounding: Rounding,
    rec: &mut Record<'_>,
) -> Result<Decimal, CaseError> {
    let rounded = rounding
        .apply(exact)
        .ok_or(CaseError::Overflow { what: "rounding" })?;
    let verdict = Verdict::pass_if(rounded == exact);
    rec.test(RuleId::Pay3, verdict, |f| {
        f.yuan("exact", exact)
            .yuan("unit", rounding.unit)
            .code("mode", rounding.mode.as_str())
            .yuan("rounded", rounded)
    });
    Ok(rounded)
}
