//! Building a case in Rust without writing JSON: [`Case::builder`], [`Member::new`] and the
//! small constructors of the records a household holds.
//!
//! Every setter only fills a field; [`CaseBuilder::build`] runs the same validation as
//! [`parse_case`](crate::parse_case) and [`evaluate`](crate::evaluate), so a case built here is
//! refused for exactly the reasons a JSON case would be.
//!
//! May use: the case model, its keys and its validation.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::MemberKey;
use super::error::CaseError;
use super::model::{
    Area, Assets, Case, Department, Disability, DisabilityKind, Enrolment, Event, EventKind,
    EvidenceRecord, Expense, ExpenseKind, FinancialAsset, FinancialKind, Household, IncomeCategory,
    IncomeKind, IncomeRecord, LocalCategory, Member, Purpose, Relation, SelfCareAssessment,
    Severity, Status, Student, SupportSetting, Supporter, SupporterRelation,
};
use crate::money::Yuan;

impl Case {
    /// Starts a case for one household: the division whose rules apply, the evaluation date,
    /// why it is evaluated and the scheme. Add members and records, then [`CaseBuilder::build`].
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    /// let case = Case::builder("621027", date, Purpose::NewApplication, Area::Urban)
    ///     .member(Member::new("m1", Relation::Applicant, NaiveDate::from_ymd_opt(1980, 3, 1).unwrap()))
    ///     .member(Member::new("m2", Relation::Child, NaiveDate::from_ymd_opt(2015, 9, 1).unwrap()))
    ///     .income(IncomeRecord::new(
    ///         "m1",
    ///         IncomeCategory::Wage,
    ///         dec!(3600),
    ///         NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
    ///         NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    ///     ))
    ///     .build()
    ///     .unwrap();
    /// let det = evaluate(&case, &RuleBook::embedded()).unwrap();
    /// let dibao = det.programme(Programme::MinimumLiving).unwrap();
    /// assert_eq!(dibao.outcome, Outcome::Eligible);
    /// ```
    pub fn builder(
        jurisdiction: impl Into<String>,
        evaluation_date: NaiveDate,
        purpose: Purpose,
        area: Area,
    ) -> CaseBuilder {
        CaseBuilder {
            case: Case {
                evaluation_date,
                jurisdiction: jurisdiction.into(),
                purpose,
                area,
                household: Household {
                    members: Vec::new(),
                    incomes: Vec::new(),
                    assets: Assets::default(),
                    expenses: Vec::new(),
                    supporters: Vec::new(),
                    events: Vec::new(),
                    emergency_division: None,
                },
                enrolment: None,
                evidence: Vec::new(),
                evidence_checked: Vec::new(),
            },
        }
    }
}

/// A case under construction; see [`Case::builder`].
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `build` is called"]
pub struct CaseBuilder {
    case: Case,
}

impl CaseBuilder {
    /// Adds a member.
    pub fn member(mut self, member: Member) -> Self {
        self.case.household.members.push(member);
        self
    }

    /// Adds an income record.
    pub fn income(mut self, record: IncomeRecord) -> Self {
        self.case.household.incomes.push(record);
        self
    }

    /// Adds a deposit or other financial asset.
    pub fn financial(mut self, asset: FinancialAsset) -> Self {
        self.case.household.assets.financial.push(asset);
        self
    }

    /// Replaces the household's assets (vehicles, homes, businesses, large purchases too).
    pub fn assets(mut self, assets: Assets) -> Self {
        self.case.household.assets = assets;
        self
    }

    /// Adds an expense.
    pub fn expense(mut self, expense: Expense) -> Self {
        self.case.household.expenses.push(expense);
        self
    }

    /// Adds a statutory supporter (TK-5).
    pub fn supporter(mut self, supporter: Supporter) -> Self {
        self.case.household.supporters.push(supporter);
        self
    }

    /// Adds an event for which temporary relief is sought.
    pub fn event(mut self, event: Event) -> Self {
        self.case.household.events.push(event);
        self
    }

    /// States what the household receives now.
    pub fn enrolment(mut self, enrolment: Enrolment) -> Self {
        self.case.enrolment = Some(enrolment);
        self
    }

    /// Adds a department's record.
    pub fn evidence(mut self, record: EvidenceRecord) -> Self {
        self.case.evidence.push(record);
        self
    }

    /// The division where the emergency happened, when it is not the case's own: temporary
    /// relief is then decided under that division's parameters (TR-12, S0 Art. 37).
    pub fn emergency_division(mut self, code: impl Into<String>) -> Self {
        self.case.household.emergency_division = Some(code.into());
        self
    }

    /// Records that a department was queried (with or without a record).
    pub fn evidence_checked(mut self, department: Department) -> Self {
        self.case.evidence_checked.push(department);
        self
    }

    /// The case, checked by the same validation as a parsed case.
    ///
    /// Department records are checked again against the members when the case is evaluated.
    ///
    /// # Errors
    /// [`CaseError::Invalid`] naming the first field that breaks a rule of the model (e.g. no
    /// applicant, a key used twice, a date after the evaluation date).
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    /// let born = NaiveDate::from_ymd_opt(1980, 1, 1).unwrap();
    /// // two members, neither the applicant
    /// let err = Case::builder("621027", date, Purpose::NewApplication, Area::Urban)
    ///     .member(Member::new("m1", Relation::Spouse, born))
    ///     .member(Member::new("m2", Relation::Child, born))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("invalid", Some("household.members")));
    /// ```
    pub fn build(self) -> Result<Case, CaseError> {
        super::validate::validate(&self.case)?;
        Ok(self.case)
    }

    /// The case as built so far, unchecked (for tests that want an invalid case).
    pub fn build_unchecked(self) -> Case {
        self.case
    }
}

impl Member {
    /// A member with the three facts every member has; every other fact takes its default
    /// (no disability, not ill, not a student, living with the household…). Chain the setters
    /// below for the rest.
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// use jiuzhu::case::DisabilityKind;
    ///
    /// let m = Member::new("m3", Relation::Parent, NaiveDate::from_ymd_opt(1950, 1, 1).unwrap())
    ///     .disability(DisabilityKind::Physical, 1)
    ///     .seriously_ill();
    /// assert!(m.serious_illness);
    /// assert_eq!(m.disability.map(|d| d.grade), Some(1));
    /// ```
    pub fn new(key: impl Into<MemberKey>, relation: Relation, birth_date: NaiveDate) -> Self {
        Member {
            key: key.into(),
            relation,
            birth_date,
            disability: None,
            serious_illness: false,
            self_care: None,
            student: None,
            statuses: Vec::new(),
            lives_with_household: true,
            registered_unemployed: false,
            orphan_allowance_chosen: false,
            contracted_land: false,
            relocated_to_town: false,
            support_setting: None,
            local_categories: Vec::new(),
        }
    }

    /// Fits a local add-on category named by the division's `dibao_addon_table` (DB-16), a code
    /// of `a–z 0–9 _`; validation refuses other spellings.
    pub fn local_category(mut self, code: impl Into<String>) -> Self {
        self.local_categories.push(LocalCategory(code.into()));
        self
    }

    /// Holds a disability certificate of this kind and grade (1 most severe … 4).
    pub fn disability(mut self, kind: DisabilityKind, grade: u8) -> Self {
        self.disability = Some(Disability { kind, grade });
        self
    }

    /// Has a serious or major illness recognised locally.
    pub fn seriously_ill(mut self) -> Self {
        self.serious_illness = true;
        self
    }

    /// The six-item self-care assessment.
    pub fn self_care(mut self, assessment: SelfCareAssessment) -> Self {
        self.self_care = Some(assessment);
        self
    }

    /// Studies full-time at this level.
    pub fn student(mut self, level: super::model::SchoolLevel) -> Self {
        self.student = Some(Student {
            level,
            full_time: true,
        });
        self
    }

    /// Adds a status that may exclude the member (HH-3, HH-4).
    pub fn status(mut self, status: Status) -> Self {
        self.statuses.push(status);
        self
    }

    /// Does not live with the household long-term.
    pub fn living_apart(mut self) -> Self {
        self.lives_with_household = false;
        self
    }

    /// Registered as unemployed and unable to find work (INC-6).
    pub fn registered_unemployed(mut self) -> Self {
        self.registered_unemployed = true;
        self
    }

    /// Chose the orphan allowance instead of special hardship (TK-6).
    pub fn orphan_allowance_chosen(mut self) -> Self {
        self.orphan_allowance_chosen = true;
        self
    }

    /// Holds contracted land or collective shares (TK-7).
    pub fn contracted_land(mut self) -> Self {
        self.contracted_land = true;
        self
    }

    /// Moved to a town under poverty-relief relocation (TK-7).
    pub fn relocated_to_town(mut self) -> Self {
        self.relocated_to_town = true;
        self
    }

    /// Where special-hardship support is given (TK-12).
    pub fn support_setting(mut self, setting: SupportSetting) -> Self {
        self.support_setting = Some(setting);
        self
    }
}

impl IncomeRecord {
    /// Net income of one member over a period (both days inclusive), in yuan.
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    /// let pension = IncomeRecord::new("m1", IncomeCategory::Transfer, dec!(1800), d(1, 1), d(10, 31))
    ///     .kind(IncomeKind::ResidentsBasicPension);
    /// assert_eq!(pension.amount, Yuan::new(dec!(1800)));
    /// assert_eq!(pension.kind, Some(IncomeKind::ResidentsBasicPension));
    /// ```
    pub fn new(
        member: impl Into<MemberKey>,
        category: IncomeCategory,
        amount: Decimal,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Self {
        IncomeRecord {
            member: member.into(),
            category,
            kind: None,
            amount: Yuan::new(amount),
            from,
            to,
        }
    }

    /// Says what the income is, where a rule needs to know (INC-3, INC-7).
    pub fn kind(mut self, kind: IncomeKind) -> Self {
        self.kind = Some(kind);
        self
    }
}

impl FinancialAsset {
    /// A financial asset of one member, in yuan.
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// let deposit = FinancialAsset::new("m1", FinancialKind::Deposit, dec!(5000.50));
    /// assert_eq!(deposit.amount.to_string(), "5000.5");
    /// ```
    pub fn new(member: impl Into<MemberKey>, kind: FinancialKind, amount: Decimal) -> Self {
        FinancialAsset {
            member: member.into(),
            kind,
            amount: Yuan::new(amount),
        }
    }
}

impl Expense {
    /// An expense for one member: full cost and the part the household paid itself.
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// let paid = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    /// let e = Expense::new("m2", ExpenseKind::Medical, dec!(30000), dec!(12000), paid);
    /// assert_eq!(e.self_paid, Yuan::new(dec!(12000)));
    /// ```
    pub fn new(
        member: impl Into<MemberKey>,
        kind: ExpenseKind,
        amount: Decimal,
        self_paid: Decimal,
        date: NaiveDate,
    ) -> Self {
        Expense {
            member: member.into(),
            kind,
            amount: Yuan::new(amount),
            self_paid: Yuan::new(self_paid),
            date,
            public_school_rate: None,
        }
    }
}

impl Supporter {
    /// A statutory supporter with no known income, assets, status or disability.
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// let son = Supporter::new("s1", SupporterRelation::Child, NaiveDate::from_ymd_opt(1975, 5, 1).unwrap())
    ///     .verification_consent();
    /// assert!(son.verification_consent && son.annual_income.is_none());
    /// ```
    pub fn new(
        key: impl Into<MemberKey>,
        relation: SupporterRelation,
        birth_date: NaiveDate,
    ) -> Self {
        Supporter {
            key: key.into(),
            relation,
            birth_date,
            statuses: Vec::new(),
            disability: None,
            annual_income: None,
            financial_assets: None,
            verification_consent: false,
        }
    }

    /// Records that the supporter's written consent to the checking of their income and
    /// property is on file (S0 Art. 41, VER-CONSENT).
    pub fn verification_consent(mut self) -> Self {
        self.verification_consent = true;
        self
    }
}

impl Event {
    /// An event of this kind on this date, light, with no amount asked.
    ///
    /// ```
    /// use jiuzhu::prelude::*;
    /// let fire = Event::new(EventKind::Fire, NaiveDate::from_ymd_opt(2026, 10, 20).unwrap())
    ///     .heavy(3)
    ///     .requested(dec!(5000));
    /// assert_eq!(fire.hardship_months, Some(3));
    /// assert_eq!(fire.requested_amount, Some(Yuan::new(dec!(5000))));
    /// ```
    pub fn new(kind: EventKind, date: NaiveDate) -> Self {
        Event {
            kind,
            date,
            severity: Severity::Light,
            requested_amount: None,
            hardship_months: None,
            persons: None,
        }
    }

    /// A heavy emergency expected to last this many months (TR-3, TR-4).
    pub fn heavy(mut self, hardship_months: u32) -> Self {
        self.severity = Severity::Heavy;
        self.hardship_months = Some(hardship_months);
        self
    }

    /// The amount the applicant asked for.
    pub fn requested(mut self, amount: Decimal) -> Self {
        self.requested_amount = Some(Yuan::new(amount));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_built_case_equals_the_parsed_one() {
        let built = Case::builder(
            "621027",
            d(2026, 11, 1),
            Purpose::NewApplication,
            Area::Urban,
        )
        .member(Member::new("m1", Relation::Applicant, d(1950, 5, 1)))
        .build()
        .unwrap();
        let parsed = crate::parse_case(
            r#"{"evaluation_date": "2026-11-01", "jurisdiction": "621027",
                "purpose": "new_application", "area": "urban",
                "household": {"members": [{"key": "m1", "relation": "applicant",
                "birth_date": "1950-05-01"}]}}"#,
        )
        .unwrap();
        assert_eq!(built, parsed);
    }

    #[test]
    fn build_refuses_what_validation_refuses() {
        let no_applicant = Case::builder(
            "621027",
            d(2026, 11, 1),
            Purpose::NewApplication,
            Area::Urban,
        )
        .member(Member::new("m1", Relation::Child, d(2010, 5, 1)))
        .build();
        assert_eq!(no_applicant.unwrap_err().code(), "invalid");
        let twice = Case::builder(
            "621027",
            d(2026, 11, 1),
            Purpose::NewApplication,
            Area::Urban,
        )
        .member(Member::new("m1", Relation::Applicant, d(1970, 5, 1)))
        .member(Member::new("m1", Relation::Child, d(2010, 5, 1)))
        .build();
        assert!(twice.is_err());
    }
}
