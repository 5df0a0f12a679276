//! The parameter registry: every parameter the rules read, with its kind and unit.
//!
//! A parameter file may only set parameters named here, with values of the right kind, so a
//! misspelt name or a wrong type is caught when the file is loaded, not when a case is decided.
//!
//! May use: nothing of the crate but the leaves.

macro_rules! registry {
    ($( $(#[$doc:meta])* $var:ident = $name:literal, $kind:ident, $unit:literal, $standard:literal; )*) => {
        /// A parameter the rules read.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        #[non_exhaustive]
        pub enum ParamId {
            $( $(#[$doc])* $var, )*
        }

        impl ParamId {
            /// Every parameter, in registry order.
            pub const ALL: &'static [ParamId] = &[$(ParamId::$var),*];

            /// The parameter's name as written in parameter files.
            pub const fn name(self) -> &'static str {
                match self { $(ParamId::$var => $name,)* }
            }

            /// What kind of value it holds.
            pub const fn kind(self) -> ParamKind {
                match self { $(ParamId::$var => ParamKind::$kind,)* }
            }

            /// Its unit, for display.
            pub const fn unit(self) -> &'static str {
                match self { $(ParamId::$var => $unit,)* }
            }

            /// Whether it is an assistance standard, which should be renewed every year: a value
            /// that took effect more than a year before the evaluation date draws a warning.
            pub const fn is_standard(self) -> bool {
                match self { $(ParamId::$var => $standard,)* }
            }

            /// Looks a parameter up by name.
            pub fn from_name(name: &str) -> Option<ParamId> {
                match name { $($name => Some(ParamId::$var),)* _ => None }
            }
        }
    };
}

/// The kind of value a parameter holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// A decimal (money, share, count), written as a string or a whole number.
    Decimal,
    /// `true` or `false`.
    Bool,
    /// A list of codes.
    List,
    /// One code.
    Text,
}

registry! {
    /// Urban dibao standard (城市低保标准).
    DibaoStandardUrbanMonth = "dibao_standard_urban_month", Decimal, "yuan/person/month", true;
    /// Rural dibao standard per year (农村低保标准).
    DibaoStandardRuralYear = "dibao_standard_rural_year", Decimal, "yuan/person/year", true;
    /// Rural class 2 as a share of class 1.
    RuralClass2Share = "rural_class2_share", Decimal, "share of class 1", false;
    /// A published class 2 amount that overrides the share (used only if it took effect on or
    /// after the rural standard in force).
    RuralClass2Amount = "rural_class2_amount", Decimal, "yuan/person/month", true;
    /// Rural class 3 amount.
    RuralClass3Amount = "rural_class3_amount", Decimal, "yuan/person/month", true;
    /// Rural class 4 amount.
    RuralClass4Amount = "rural_class4_amount", Decimal, "yuan/person/month", true;
    /// Circumstances that place a rural household in class 1 (any one suffices).
    RuralClass1Criteria = "rural_class1_criteria", List, "criteria", false;
    /// Circumstances that place a rural household in class 2 (any one suffices).
    RuralClass2Criteria = "rural_class2_criteria", List, "criteria", false;
    /// Class 3 rather than 4 when income per head is below this share of the standard.
    RuralClass3IncomeShareMax = "rural_class3_income_share_max", Decimal, "share of standard", false;
    /// Marginal family income line as a multiple of the standard.
    EdgeIncomeMultiplier = "edge_income_multiplier", Decimal, "× standard", false;
    /// Months of income averaged.
    IncomeReferenceMonths = "income_reference_months", Decimal, "months", false;
    /// Job-cost deduction as a share of wage income.
    JobCostShareOfWage = "job_cost_share_of_wage", Decimal, "share of wage income", false;
    /// Deduct self-paid medical and rehabilitation costs of disabled or seriously ill members.
    DeductIllnessDisabilityCosts = "deduct_illness_disability_costs", Bool, "flag", false;
    /// Imputed monthly income for an able-bodied adult without work income, as a share of the
    /// minimum wage; 0 imputes nothing.
    ImputedIncomeShareOfMinWage = "imputed_income_share_of_min_wage", Decimal, "share of minimum wage", false;
    /// The local monthly minimum wage.
    MinWageMonth = "min_wage_month", Decimal, "yuan/month", true;
    /// Income kinds not counted (INC-3).
    DisregardedIncomeKinds = "disregarded_income_kinds", List, "income kinds", false;
    /// National exclusions from the household (HH-3).
    HouseholdExclusions = "household_exclusions", List, "statuses", false;
    /// Provincial additions to the exclusions (HH-4).
    ProvincialExclusions = "provincial_exclusions", List, "statuses", false;
    /// Years apart before clergy are not counted.
    ClergySeparationYears = "clergy_separation_years", Decimal, "years", false;
    /// Age from which a person has no capacity to work (TK-2 (1)).
    ElderlyAge = "elderly_age", Decimal, "years", false;
    /// Age below which a minor has no capacity to work (TK-2 (2)).
    MinorNoLabourBelowAge = "minor_no_labour_below_age", Decimal, "years", false;
    /// Financial assets per head for dibao, in months of the standard.
    FinAssetLimitMonthsDibao = "fin_asset_limit_months_dibao", Decimal, "months of standard per person", false;
    /// Financial assets per head for marginal families, in months of the standard.
    FinAssetLimitMonthsEdge = "fin_asset_limit_months_edge", Decimal, "months of standard per person", false;
    /// Vehicle kinds exempt from the vehicle test.
    VehicleExemptKinds = "vehicle_exempt_kinds", List, "vehicle kinds", false;
    /// Most homes in town a household may own.
    HousingMaxUrbanHomes = "housing_max_urban_homes", Decimal, "homes", false;
    /// Most floor area per counted member.
    HousingMaxAreaPerPerson = "housing_max_area_per_person", Decimal, "m²/person", false;
    /// A single self-built rural home is exempt from the housing test.
    HousingExemptRuralSelfBuilt = "housing_exempt_rural_self_built", Bool, "flag", false;
    /// Business registrations that fail the test whenever active.
    BusinessDisqualifyingKinds = "business_disqualifying_kinds", List, "business kinds", false;
    /// A sole trader fails when registered capital exceeds this.
    SoleTraderCapitalMax = "sole_trader_capital_max", Decimal, "yuan", false;
    /// Months a large purchase is looked back.
    LargePurchaseLookbackMonths = "large_purchase_lookback_months", Decimal, "months", false;
    /// Purchases at or above this amount call for review.
    LargePurchaseThreshold = "large_purchase_threshold", Decimal, "yuan", false;
    /// Rounding unit for payments.
    RoundingUnit = "rounding_unit", Decimal, "yuan", false;
    /// Rounding mode for payments: half_up, ceiling, floor or none.
    RoundingMode = "rounding_mode", Text, "mode", false;
    /// Minimum monthly payment to an eligible household; 0 for none.
    MinBenefitPerHousehold = "min_benefit_per_household", Decimal, "yuan/household/month", false;
    /// Individual coverage (HH-5) requires the household to pass the marginal test.
    SingleCoverRequiresEdge = "single_cover_requires_edge_household", Bool, "flag", false;
    /// Which department is authoritative for which evidence item, as `item:department` codes
    /// (VER-AUTH).
    AuthoritativeDepartments = "authoritative_departments", List, "item:department", false;
    /// Departments whose data a new application needs (VER-REQ).
    RequiredEvidenceNewApplication = "required_evidence_new_application", List, "departments", false;
    /// Departments whose data a recipient re-check needs (VER-REQ).
    RequiredEvidenceRecheck = "required_evidence_recheck", List, "departments", false;
    /// Departments whose data a dynamic check needs (VER-REQ).
    RequiredEvidenceDynamicCheck = "required_evidence_dynamic_check", List, "departments", false;
    /// Whether a case with no department data at all is held for review too (VER-REQ).
    EvidenceRequiredWithoutData = "evidence_required_without_data", Bool, "flag", false;
    /// Longest gradual exit period (渐退期, INC-10).
    GradualExitMaxMonths = "gradual_exit_max_months", Decimal, "months", false;
    /// Review interval for households whose situation changes little (DB-8).
    ReviewMonthsStable = "review_months_stable", Decimal, "months", false;
    /// Review interval for households with members able to work and earning (DB-8).
    ReviewMonthsUnstable = "review_months_unstable", Decimal, "months", false;
    /// Review interval for special hardship persons (TK-15).
    ReviewMonthsSpecialHardship = "review_months_special_hardship", Decimal, "months", false;
    /// Programmes whose missed eligibility is a red warning (MON-RED-MISSED).
    WarningRedProgrammes = "warning_red_programmes", List, "programmes", false;
    /// Programmes a household not enrolled is told to enrol in, in order of preference
    /// (MON-ENROL).
    EnrolProgrammes = "enrol_programmes", List, "programmes", false;
    /// The warning table: `RULE:colour:level:deadline_days` per warning rule; a rule not listed
    /// raises no warning.
    WarningTable = "warning_table", List, "rule:colour:level:days", false;
    /// Income per head within this share of a threshold raises a yellow warning
    /// (MON-YELLOW-NEAR).
    WarningNearThresholdShare = "warning_near_threshold_share", Decimal, "share of threshold", false;
    /// Programmes whose unclaimed eligibility is an orange warning (MON-ORANGE-RELIEF).
    WarningOrangeProgrammes = "warning_orange_programmes", List, "programmes", false;
    /// Provincial additions to the grounds of no capacity to work (TK-2 (4)): codes
    /// `serious_illness`, `severe_disability` (any kind, grade 1–2).
    TkNoLabourAdditions = "tk_no_labour_additions", List, "grounds", false;
    /// Age to which a minor is covered (TK-3).
    TkMinorCoverUntilAge = "tk_minor_cover_until_age", Decimal, "years", false;
    /// Income kinds not counted for special hardship (INC-5), beyond the dibao disregards.
    TkDisregardedIncomeKinds = "tk_disregarded_income_kinds", List, "income kinds", false;
    /// Financial assets of a special-hardship person, in months of the standard (TK-4).
    FinAssetLimitMonthsTk = "fin_asset_limit_months_tk", Decimal, "months of standard per person", false;
    /// Age from which a supporter on dibao cannot support (TK-5 (2)).
    TkObligorDibaoAge = "tk_obligor_dibao_age", Decimal, "years", false;
    /// Age from which a supporter with low income and assets cannot support (TK-5 (3)).
    TkObligorElderlyAge = "tk_obligor_elderly_age", Decimal, "years", false;
    /// Last year's local per-capita disposable income of residents (上年人均可支配收入).
    DisposableIncomePerCapitaYear = "disposable_income_per_capita_year", Decimal, "yuan/person/year", true;
    /// Special-hardship basic living standard as a multiple of the dibao standard (TK-9).
    TkBasicLivingMultiplier = "tk_basic_living_multiplier", Decimal, "× dibao standard", false;
    /// A published urban basic living standard that overrides the multiplier (used only if it
    /// took effect on or after the urban dibao standard in force).
    TkBasicStandardUrbanYear = "tk_basic_standard_urban_year", Decimal, "yuan/person/year", true;
    /// A published rural basic living standard that overrides the multiplier (used only if it
    /// took effect on or after the rural dibao standard in force).
    TkBasicStandardRuralYear = "tk_basic_standard_rural_year", Decimal, "yuan/person/year", true;
    /// How the care standard is set: `fixed_amounts` or `min_wage_share` (TK-11).
    TkCareMethod = "tk_care_method", Text, "method", false;
    /// Care standard, fully self-caring (全自理), as a fixed amount.
    TkCareSelfMonth = "tk_care_self_month", Decimal, "yuan/person/month", true;
    /// Care standard, partly lost self-care (半失能), as a fixed amount.
    TkCarePartialMonth = "tk_care_partial_month", Decimal, "yuan/person/month", true;
    /// Care standard, fully lost self-care (全失能), as a fixed amount.
    TkCareFullMonth = "tk_care_full_month", Decimal, "yuan/person/month", true;
    /// Care standard, fully self-caring, as a share of the minimum wage.
    TkCareShareSelf = "tk_care_share_self", Decimal, "share of minimum wage", false;
    /// Care standard, partly lost self-care, as a share of the minimum wage.
    TkCareSharePartial = "tk_care_share_partial", Decimal, "share of minimum wage", false;
    /// Care standard, fully lost self-care, as a share of the minimum wage.
    TkCareShareFull = "tk_care_share_full", Decimal, "share of minimum wage", false;
    /// Months between reviews of a special-hardship person (TK-15).
    TkReviewMonths = "tk_review_months", Decimal, "months", false;
    /// The rigid-expenditure measure is in force (RIG-7).
    RigInForce = "rig_in_force", Bool, "flag", false;
    /// Rigid expenditure must exceed this share of household income (RIG-3).
    RigExpenseShareThreshold = "rigid_expense_share_threshold", Decimal, "share of household income", false;
    /// Months of expenditure looked back (RIG-2).
    RigLookbackMonths = "rig_lookback_months", Decimal, "months", false;
    /// Longest validity of a rigid-expenditure recognition (RIG-5).
    RigValidityMaxMonths = "rig_validity_max_months", Decimal, "months", false;
    /// Most paid at once for a light emergency (TR-3).
    TrEmergencyLightCap = "tr_emergency_light_cap", Decimal, "yuan", false;
    /// Most months of hardship counted in the expenditure formula (TR-4).
    TrMaxMonths = "tr_max_months", Decimal, "months", false;
    /// Ordinary cap per case, in months of the urban standard; above it one case, one
    /// discussion (TR-7).
    TrCapMonthsOrdinary = "tr_cap_months_ordinary", Decimal, "months of urban standard", false;
    /// The province's guidance figure for the urban dibao standard (S0 Art. 19): a city or
    /// county standard below it is flagged (`ParamWarning::BelowGuidance`).
    DibaoStandardUrbanMonthGuidance = "dibao_standard_urban_month_guidance", Decimal, "yuan/person/month", false;
    /// The province's guidance figure for the rural dibao standard (S0 Art. 19).
    DibaoStandardRuralYearGuidance = "dibao_standard_rural_year_guidance", Decimal, "yuan/person/year", false;
    // Social Assistance Law (S0), issue 12 items 2, 3, 5: appended here, in this order.
    /// Add-ons for vulnerable members of a dibao household (分类施保, DB-16): entries
    /// `category:share:VALUE` (a share of the monthly standard) or `category:fixed:VALUE` (yuan a
    /// month); categories `elderly`, `minor`, `disability_grade_1` … `disability_grade_4`,
    /// `serious_illness`, or a local code matched against a member's `local_categories`. Empty or
    /// absent: no add-on.
    DibaoAddonTable = "dibao_addon_table", List, "category:method:value", false;
    /// Age from which a member counts as elderly for the add-ons (DB-16).
    DibaoAddonElderlyAge = "dibao_addon_elderly_age", Decimal, "years", false;
    /// How the add-ons of a member who fits several categories combine: `highest` or `sum`
    /// (DB-16).
    DibaoAddonCombination = "dibao_addon_combination", Text, "method", false;
    /// Each add-on computed as a share is rounded half-up to this step (DB-16).
    DibaoAddonRoundingUnit = "dibao_addon_rounding_unit", Decimal, "yuan", false;
    /// Where the special-hardship basic standard from the multiplier is rounded (TK-9): `monthly`
    /// (monthly standard × multiplier, rounded; annual = 12 × that) or `annual` (monthly standard
    /// × 12 × multiplier, rounded once; monthly = annual ÷ 12).
    TkBasicRounding = "tk_basic_rounding", Text, "method", false;
    /// What must be documented after an urgent small case was paid first (TR-9).
    TrPaidFirstDocuments = "tr_paid_first_documents", List, "documents", false;
    /// Small fast relief (小额快救): a light emergency at or below this amount is decided without
    /// economic-status verification (TR-10).
    TrFastReliefCap = "tr_fast_relief_cap", Decimal, "yuan", false;
    /// Days within which small fast relief is decided and paid (TR-10).
    TrFastReliefDays = "tr_fast_relief_days", Decimal, "days", false;
}

impl ParamId {
    /// The parameter's position in the registry.
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

/// How many parameters the registry holds.
pub(crate) const PARAM_COUNT: usize = ParamId::ALL.len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_indexes_are_dense() {
        for (i, p) in ParamId::ALL.iter().enumerate() {
            assert_eq!(ParamId::from_name(p.name()), Some(*p));
            assert_eq!(p.index(), i);
        }
    }

    const _: () = assert!(PARAM_COUNT <= 128, "the used-set is a u128 bitset");
}
