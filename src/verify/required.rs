//! VER-REQ: the department data a purpose requires, against the departments the case carries
//! data from or reports as queried.
//!
//! Gives the missing departments and the findings; holding an eligible result for review is
//! the caller's (`verify::required_evidence`). May use the case model, the parameters and
//! findings only.

use rust_decimal::Decimal;

use crate::case::{Case, CaseError, Department, Purpose};
use crate::explain::{Finding, RuleId, Verdict};
use crate::rules::ParamId;
use crate::rules::resolve::Params;

/// What VER-REQ found.
pub(crate) struct Required {
    /// Departments the purpose requires that the case lacks, in the parameter's order.
    pub missing: Vec<Department>,
    /// The VER-REQ findings: not applicable, a pass, or one unknown per missing department.
    pub findings: Vec<Finding>,
}

/// VER-REQ: which required departments `have` lacks.
pub(crate) fn required(
    case: &Case,
    p: &Params,
    have: &[Department],
) -> Result<Required, CaseError> {
    let any_data = !case.evidence.is_empty() || !case.evidence_checked.is_empty();
    if !any_data && !p.flag(ParamId::EvidenceRequiredWithoutData)? {
        return Ok(Required {
            missing: Vec::new(),
            findings: vec![
                Finding::new(RuleId::VerReq, Verdict::NotApplicable)
                    .code("reason", "no_department_data"),
            ],
        });
    }
    let param = match case.purpose {
        Purpose::NewApplication => ParamId::RequiredEvidenceNewApplication,
        Purpose::Recheck => ParamId::RequiredEvidenceRecheck,
        Purpose::DynamicCheck => ParamId::RequiredEvidenceDynamicCheck,
    };
    let required = p.list(param)?;
    let mut missing = Vec::new();
    for code in required {
        if have.iter().any(|d| d.as_str() == code) {
            continue;
        }
        let Some(dep) = Department::from_code(code) else {
            return Err(CaseError::BadParameter {
                param: param.name(),
                problem: "unknown department",
            });
        };
        if !missing.contains(&dep) {
            missing.push(dep);
        }
    }
    let findings = if missing.is_empty() {
        vec![
            Finding::new(RuleId::VerReq, Verdict::Pass)
                .number("required", Decimal::from(required.len() as u64)),
        ]
    } else {
        missing
            .iter()
            .map(|d| Finding::new(RuleId::VerReq, Verdict::Unknown).code("department", d.as_str()))
            .collect()
    };
    Ok(Required { missing, findings })
}
