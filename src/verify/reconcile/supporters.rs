//! VER-CONSENT: department records about a statutory supporter who lives outside the household
//! (S0 Art. 41). They are used only when the supporter's consent to the check is on file; then
//! the supporter's recorded money (balances, cash values, securities, payment balances) is set
//! against the financial assets declared for them (TK-5 reads the figure), and a higher total
//! replaces the declared one. Without the consent no record is used and the finding says that
//! the consent is missing.
//!
//! May use the case model, exact money arithmetic and the reconciliation helpers of the parent
//! module only.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::{Item, record_finding};
use crate::case::{CaseError, EvidenceFact, EvidenceRecord, Supporter};
use crate::explain::{FigureValue, Finding, RuleId, Verdict};
use crate::money::{Exact, Yuan};
use crate::verify::change::Change;
use crate::verify::codes::yes_no;
use crate::verify::{Discrepancy, Effect};

/// What the records about one supporter gave: the finding and, when the recorded money is
/// higher than declared, the discrepancy with its change.
pub(super) struct SupporterCheck {
    pub finding: Finding,
    pub item: Option<Item>,
}

/// The money a record states, for the items reconciled like balances.
fn money(f: &EvidenceFact) -> Option<Decimal> {
    match f {
        EvidenceFact::AccountBalance { amount }
        | EvidenceFact::InsuranceCashValue { amount }
        | EvidenceFact::SecuritiesAccount { amount }
        | EvidenceFact::PaymentBalance { amount } => Some(amount.value()),
        _ => None,
    }
}

/// VER-CONSENT for each supporter outside the household that `records` concern, in the order
/// of the supporters.
pub(super) fn supporters(
    supporters: &[Supporter],
    records: &[&EvidenceRecord],
    authoritative: impl Fn(&EvidenceRecord) -> bool,
) -> Result<Vec<SupporterCheck>, CaseError> {
    let mut out = Vec::new();
    for s in supporters {
        let theirs: Vec<&EvidenceRecord> = records
            .iter()
            .copied()
            .filter(|r| r.member == s.key)
            .collect();
        let Some(latest) = theirs.iter().copied().max_by_key(|r| r.date) else {
            continue;
        };
        let count = Decimal::from(theirs.len() as u64);
        if !s.verification_consent {
            out.push(SupporterCheck {
                finding: Finding::new(RuleId::VerConsent, Verdict::Fail)
                    .member(&s.key)
                    .number("records", count)
                    .code("consent", "missing"),
                item: None,
            });
            continue;
        }
        let mut verified = Decimal::ZERO;
        let mut money_records = 0u64;
        for r in theirs.iter().filter(|r| authoritative(r)) {
            if let Some(v) = money(&r.fact) {
                verified = verified.add(v, "supporter's recorded money")?;
                money_records += 1;
            }
        }
        let declared = s.financial_assets.map(Yuan::value);
        let mut f = record_finding(RuleId::VerConsent, latest)
            .number("records", count)
            .code("consent", "on_file");
        if money_records == 0 {
            out.push(SupporterCheck {
                finding: f,
                item: None,
            });
            continue;
        }
        let higher = declared.is_none_or(|d| verified > d);
        f = f.yuan("verified", verified);
        if let Some(d) = declared {
            f = f.yuan("declared", d);
        }
        f = f.code("applied", yes_no(higher));
        if declared != Some(verified) {
            f.verdict = Verdict::Fail;
        }
        let item = (declared != Some(verified)).then(|| Item {
            discrepancy: Discrepancy {
                member: s.key.clone(),
                department: latest.department,
                item: Cow::Borrowed(latest.fact.item()),
                record_date: latest.date,
                rule: RuleId::VerConsent,
                declared: declared.map(FigureValue::Yuan),
                verified: FigureValue::Yuan(verified),
                detail: None,
                applied: higher,
                effect: Effect::Minor,
            },
            change: higher.then(|| Change::SupporterAssets(s.key.clone(), Yuan::new(verified))),
        });
        out.push(SupporterCheck { finding: f, item });
    }
    Ok(out)
}
