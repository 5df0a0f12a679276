//! Household composition: who is a counted member (HH-2, HH-3, HH-4) and the facts about each
//! member that later rules need, and the small date and number helpers the accounts share.
//!
//! May use the case model, the parameters and the decision record; nothing of the programmes or the
//! answer.

use chrono::Months;
use rust_decimal::Decimal;

use crate::CaseError;
use crate::case::{Case, Member, MemberKey, Relation, StatusKind};
use crate::explain::{Record, RuleId, Verdict};
use crate::rules::ParamId;
use crate::rules::resolve::Params;

/// Age of majority (成年), fixed by the Civil Code.
const ADULT_AGE: u32 = 18;

/// What the rules need to know about one member.
#[derive(Clone, Debug)]
pub(crate) struct MemberFacts<'a> {
    pub key: &'a MemberKey,
    pub member: &'a Member,
    pub age: u32,
    pub counted: bool,
    /// Able to work: of working age, no disabling disability or serious illness, not a
    /// full-time student (TK-2 read in reverse).
    pub able_to_work: bool,
}

/// The household's composition.
pub(crate) struct Composition<'a> {
    pub members: Vec<MemberFacts<'a>>,
}

impl Composition<'_> {
    /// Indexes of the counted members.
    pub fn counted(&self) -> impl Iterator<Item = usize> + '_ {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.counted)
            .map(|(i, _)| i)
    }

    /// How many members are counted.
    pub fn counted_len(&self) -> usize {
        self.members.iter().filter(|m| m.counted).count()
    }

    pub fn is_counted(&self, i: usize) -> bool {
        self.members.get(i).is_some_and(|m| m.counted)
    }

    /// Takes a member out of the counted household (a special-hardship person, TK-8).
    pub fn exclude(&mut self, i: usize) {
        if let Some(m) = self.members.get_mut(i) {
            m.counted = false;
        }
    }
}

/// Applies HH-2, HH-3 and HH-4 to every member, recording each condition.
pub(crate) fn compose<'a>(
    case: &'a Case,
    p: &Params,
    rec: &mut Record<'a>,
) -> Result<Composition<'a>, CaseError> {
    let date = case.evaluation_date;
    let elderly = p.count(ParamId::ElderlyAge, 150)?;
    let minor_no_labour = p.count(ParamId::MinorNoLabourBelowAge, 150)?;
    let national = p.list(ParamId::HouseholdExclusions)?;
    let provincial = p.list(ParamId::ProvincialExclusions)?;
    let mut members = Vec::with_capacity(case.household.members.len());

    for m in &case.household.members {
        let age = date.years_since(m.birth_date).unwrap_or(0);
        let key = &m.key;

        // HH-2: who counts.
        let ground = membership_ground(m, age);
        let mut counted = ground.is_ok();
        let verdict = Verdict::pass_if(counted);
        let (Ok(g) | Err(g)) = ground;
        rec.test_member(key, RuleId::Hh2, verdict, |f| {
            f.code("relation", m.relation.as_str())
                .number("age", age)
                .code("ground", g)
        });

        // HH-3 and HH-4: statuses that exclude a member who would otherwise count.
        if counted {
            for s in &m.statuses {
                let (rule, listed) = if national.iter().any(|x| x == s.kind.as_str()) {
                    (RuleId::Hh3, true)
                } else if provincial.iter().any(|x| x == s.kind.as_str()) {
                    (RuleId::Hh4, true)
                } else if s.kind.is_national() {
                    (RuleId::Hh3, false)
                } else {
                    (RuleId::Hh4, false)
                };
                // clergy living apart: excluded only after the years the parameters require
                let apart_years = if s.kind == StatusKind::ClergyLivingApart && listed {
                    let years = p.count(ParamId::ClergySeparationYears, 100)?;
                    let apart = s
                        .since
                        .and_then(|since| date.years_since(since))
                        .unwrap_or(0);
                    Some((apart, years))
                } else {
                    None
                };
                let excludes = match apart_years {
                    Some((apart, years)) => apart >= years,
                    None => listed,
                };
                if excludes {
                    counted = false;
                }
                let verdict = Verdict::fail_if(excludes);
                rec.test_member(key, rule, verdict, |f| {
                    let f = f.code("status", s.kind.as_str());
                    match apart_years {
                        Some((apart, years)) => f
                            .number("years_apart", apart)
                            .number("years_required", years),
                        None => f,
                    }
                });
            }
        }

        let disabled = m.disability.is_some_and(|d| d.excludes_work());
        let student = m.student.is_some_and(|s| s.full_time);
        let able_to_work =
            age >= minor_no_labour && age < elderly && !disabled && !m.serious_illness && !student;
        members.push(MemberFacts {
            key,
            member: m,
            age,
            counted,
            able_to_work,
        });
    }
    Ok(Composition { members })
}

/// The HH-2 ground on which a member counts (`Ok`) or the reason they do not (`Err`).
fn membership_ground(m: &Member, age: u32) -> Result<&'static str, &'static str> {
    let dependent_adult_child = m
        .student
        .is_some_and(|s| s.full_time && s.level <= crate::case::SchoolLevel::Undergraduate)
        || m.disability.is_some_and(|d| d.is_severe());
    match m.relation {
        Relation::Applicant | Relation::Spouse => Ok("a_applicant_or_spouse"),
        Relation::Child if age < ADULT_AGE => Ok("b_minor_child"),
        Relation::Child if dependent_adult_child => Ok("c_dependent_adult_child"),
        Relation::Child
        | Relation::Parent
        | Relation::Grandparent
        | Relation::Grandchild
        | Relation::Sibling => {
            if m.lives_with_household {
                Ok("d_support_duty_and_co_resident")
            } else {
                Err("not_co_resident")
            }
        }
        Relation::OtherRelative | Relation::NonRelative => Err("no_support_duty"),
    }
}

/// The first day of the window that ends the day before `date` and spans `months`.
pub(crate) fn months_back(date: chrono::NaiveDate, months: u32) -> Option<chrono::NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// A whole number as a decimal.
pub(crate) fn dec(n: usize) -> Decimal {
    Decimal::from(n as u64)
}
