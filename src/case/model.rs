//! The household case: what a county system hands to [`evaluate`](crate::evaluate).
//!
//! The model holds no names and no ID numbers. Members are referred to by an opaque key chosen
//! by the caller (`"m1"`, a database row ID); every record that concerns a member names it by
//! that key. Unknown fields are refused everywhere.
//!
//! May use: the leaves (vocabulary, money, dates) and the case's own keys.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::MemberKey;
use crate::money::Yuan;

/// One household case to evaluate.
///
/// `rules-spec/schema/case.schema.json` is generated from this model and accepts what the
/// library accepts for every constraint a schema can state (`tests/schema_agreement.rs`). The
/// library refuses more where a schema cannot say it, and each field's description names those
/// cases; beyond them: whole numbers are written as digits (`5`, never `5.0`, `5e0` or `-0`),
/// a JSON object names each field once, and a document is at most 1 MiB and 32 levels deep.
///
/// A case is read with [`parse_case`](crate::parse_case), built with [`Case::builder`], and
/// written back as JSON with serde (for a log, or for [`evaluate_json`](crate::evaluate_json)):
///
/// ```
/// use jiuzhu::prelude::*;
/// let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
/// let case = Case::builder("621027", date, Purpose::Recheck, Area::Rural)
///     .member(Member::new("m1", Relation::Applicant, NaiveDate::from_ymd_opt(1950, 1, 1).unwrap()))
///     .build()?;
/// let json = serde_json::to_string(&case).unwrap();
/// assert_eq!(parse_case(&json)?, case);
/// # Ok::<(), CaseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "One household case to evaluate.\n\n`rules-spec/schema/case.schema.json` is generated from this model and accepts what the\nlibrary accepts for every constraint a schema can state (`tests/schema_agreement.rs`). The\nlibrary refuses more where a schema cannot say it, and each field's description names those\ncases; beyond them: whole numbers are written as digits (`5`, never `5.0`, `5e0` or `-0`),\na JSON object names each field once, and a document is at most 1 MiB and 32 levels deep."
)]
pub struct Case {
    /// The date the determination is made for; parameters in force on this date apply, ages and
    /// the income reference period are counted back from it. The library never reads a clock.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub evaluation_date: NaiveDate,
    /// The administrative division code (行政区划代码) whose rules apply, e.g. `"621027"`
    /// (Zhenyuan County, under Qingyang `621000`, under Gansu `620000`). The rule book must know
    /// the division, and hold its parameters for the evaluation date: a well-formed code it does
    /// not know (e.g. `110101` with the embedded book) is refused with `unknown_jurisdiction`,
    /// a date before its parameters with `missing_parameter`.
    #[schemars(pattern(r"^[0-9]{6}$"))]
    pub jurisdiction: String,
    /// Why the case is evaluated (逢进必核 / 在保复核 / 动态常核).
    pub purpose: Purpose,
    /// Urban or rural scheme (城市 / 农村).
    pub area: Area,
    /// The household.
    pub household: Household,
    /// What the household receives now, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolment: Option<Enrolment>,
    /// Records from departments (部门核对数据) about the members (see [`crate::verify`]); at
    /// most 2,000 (`limits::MAX_RECORDS`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 2000))]
    pub evidence: Vec<EvidenceRecord>,
    /// Departments queried, whether or not they returned a record: a department listed here
    /// with no record in `evidence` means "queried, nothing found". Each department at most
    /// once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("uniqueItems" = true))]
    pub evidence_checked: Vec<Department>,
}

/// Why a case is evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A new application (逢进必核).
    NewApplication,
    /// A re-check of a current recipient (在保复核).
    Recheck,
    /// A periodic dynamic check of the low-income population (动态常核).
    DynamicCheck,
}

impl Purpose {
    /// Every purpose, in the order above.
    pub const ALL: [Purpose; 3] = [
        Purpose::NewApplication,
        Purpose::Recheck,
        Purpose::DynamicCheck,
    ];

    /// The purpose's word, as the case's JSON writes it.
    ///
    /// ```
    /// assert_eq!(jiuzhu::case::Purpose::DynamicCheck.as_str(), "dynamic_check");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Purpose::NewApplication => "new_application",
            Purpose::Recheck => "recheck",
            Purpose::DynamicCheck => "dynamic_check",
        }
    }
}

/// Which scheme the household belongs to (HH-11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Urban dibao (城市低保): the gap method.
    Urban,
    /// Rural dibao (农村低保): classes (分类施保).
    Rural,
}

impl Area {
    /// Both schemes.
    pub const ALL: [Area; 2] = [Area::Urban, Area::Rural];

    /// The scheme's word, as the case's JSON writes it (and the figures that name a scheme or
    /// a home's location).
    ///
    /// ```
    /// assert_eq!(jiuzhu::case::Area::Rural.as_str(), "rural");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Urban => "urban",
            Area::Rural => "rural",
        }
    }
}

/// The household: members and their income, assets and expenses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Household {
    /// Everyone living in the household or with a claim to be counted, the applicant first or
    /// anywhere (one member has relation `applicant`). At most 64 (`limits::MAX_MEMBERS`).
    /// The library also refuses what a schema cannot say: two members with one key, no
    /// applicant or a second one.
    #[schemars(length(min = 1, max = 64))]
    pub members: Vec<Member>,
    /// Income records (收入).
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub incomes: Vec<IncomeRecord>,
    /// Assets (家庭财产).
    #[serde(default)]
    pub assets: Assets,
    /// Expenses (medical, education, rehabilitation).
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub expenses: Vec<Expense>,
    /// Statutory supporters (法定赡养、抚养、扶养义务人) of the members tested for special
    /// hardship, wherever they live, those in the household included (TK-5). Each listed
    /// supporter is taken to owe support to every member tested. Keys are unique among the
    /// supporters (the library refuses a repeated one).
    #[serde(default)]
    #[schemars(length(max = 64))]
    pub supporters: Vec<Supporter>,
    /// Events for which temporary relief is sought (TR-1, TR-2).
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub events: Vec<Event>,
    /// The division code (行政区划代码) where the emergency of the events happened,
    /// when it differs from `jurisdiction`: temporary relief is decided under that division's
    /// parameters (TR-12, S0 Art. 37). The rule book must know the division: a well-formed code
    /// it does not know is refused (`invalid`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(r"^[0-9]{6}$"))]
    pub emergency_division: Option<String>,
}

/// One person in the household.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The caller's opaque key for this person: a lower-case letter, then at most 15 of
    /// `a–z 0–9 _ -`, never more than 3 digits in a row ([`MemberKey::is_valid`]). Never a name,
    /// an ID or a phone number. Unique in the household.
    pub key: MemberKey,
    /// Relation to the applicant.
    pub relation: Relation,
    /// Date of birth.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub birth_date: NaiveDate,
    /// Disability certificate (残疾人证), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<Disability>,
    /// A serious or major illness recognised locally (重特大疾病).
    #[serde(default)]
    pub serious_illness: bool,
    /// The six-item self-care assessment (生活自理能力评估), if one was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_care: Option<SelfCareAssessment>,
    /// Current schooling, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<Student>,
    /// Statuses that may exclude the member from the household (HH-3, HH-4); each kind at most
    /// once (the library refuses a repeated kind).
    #[serde(default)]
    #[schemars(length(max = 16))]
    pub statuses: Vec<Status>,
    /// Whether the member has lived with the household long-term (长期共同居住). Needed for
    /// relatives counted through a support duty (HH-2 (d)). Defaults to `true`.
    #[serde(default = "yes")]
    pub lives_with_household: bool,
    /// Registered as unemployed and genuinely unable to find work: no income is imputed (INC-6).
    #[serde(default)]
    pub registered_unemployed: bool,
    /// A minor who qualifies for the orphan or de-facto-unsupported child allowance
    /// (孤儿 / 事实无人抚养儿童基本生活费) and has chosen it instead of special hardship (TK-6).
    #[serde(default)]
    pub orphan_allowance_chosen: bool,
    /// Holds contracted land or shares in collective income (承包土地或参与集体收益分配): the
    /// rural special-hardship rate applies (TK-7).
    #[serde(default)]
    pub contracted_land: bool,
    /// Moved to a town under poverty-relief relocation (易地扶贫搬迁): the urban special-hardship
    /// rate applies (TK-7).
    #[serde(default)]
    pub relocated_to_town: bool,
    /// Where special-hardship support is given, as the person chose (TK-12); home if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_setting: Option<SupportSetting>,
    /// Local categories of vulnerable members that a division pays a dibao add-on for (DB-16),
    /// beyond the national ones the library reads from the other facts (age, disability,
    /// serious illness): codes of `a–z 0–9 _` as the division's `dibao_addon_table` names them,
    /// each at most once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 16), extend("uniqueItems" = true))]
    pub local_categories: Vec<LocalCategory>,
}

/// A local category code of a vulnerable member (DB-16): 1–32 characters of `a–z 0–9 _`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct LocalCategory(
    #[schemars(length(min = 1, max = 32), pattern(r"^[a-z0-9_]+$"))] pub String,
);

impl LocalCategory {
    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where special-hardship support is given (TK-12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SupportSetting {
    /// At home (分散供养).
    Home,
    /// In a support institution (集中供养).
    Institution,
}

impl SupportSetting {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            SupportSetting::Home => "home",
            SupportSetting::Institution => "institution",
        }
    }
}

/// A statutory supporter of a member tested for special hardship (TK-5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Supporter {
    /// The caller's opaque key for the supporter (same form as a member key); never a name.
    pub key: MemberKey,
    /// The supporter's relation to the person supported.
    pub relation: SupporterRelation,
    /// Date of birth.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub birth_date: NaiveDate,
    /// Statuses that bear on the capacity to support, each at most once.
    #[serde(default)]
    #[schemars(length(max = 16), extend("uniqueItems" = true))]
    pub statuses: Vec<SupporterStatus>,
    /// Disability certificate, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<Disability>,
    /// The supporter's own income over the last 12 months, in yuan; absent if not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseAmount>")]
    pub annual_income: Option<Yuan>,
    /// The supporter's own financial assets, in yuan; absent if not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseAmount>")]
    pub financial_assets: Option<Yuan>,
    /// Whether the supporter's written consent to the checking of their income and property
    /// is on file (S0 Art. 41): department records about a supporter are used only with it
    /// (VER-CONSENT).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verification_consent: bool,
}

/// A supporter's relation to the person supported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SupporterRelation {
    /// Spouse (扶养).
    Spouse,
    /// Son or daughter (赡养).
    Child,
    /// Father or mother (抚养).
    Parent,
    /// Grandparent (where the parents are dead or unable).
    Grandparent,
    /// Grandchild (where the children are dead or unable).
    Grandchild,
    /// Elder brother or sister (where the parents are dead or unable).
    Sibling,
}

impl SupporterRelation {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            SupporterRelation::Spouse => "spouse",
            SupporterRelation::Child => "child",
            SupporterRelation::Parent => "parent",
            SupporterRelation::Grandparent => "grandparent",
            SupporterRelation::Grandchild => "grandchild",
            SupporterRelation::Sibling => "sibling",
        }
    }
}

/// A status bearing on a supporter's capacity (TK-5 (1), (2), (5)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SupporterStatus {
    /// Is a special-hardship person (特困人员).
    SpecialHardshipRecipient,
    /// Receives dibao (低保对象).
    DibaoRecipient,
    /// Has no civil capacity (无民事行为能力).
    NoCivilCapacity,
    /// Declared missing by a court (宣告失踪).
    DeclaredMissing,
    /// Serving a prison sentence (服刑).
    Imprisoned,
}

/// An event for which temporary relief is sought.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// When it happened.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub date: NaiveDate,
    /// How hard it hit the household's basic living; light if absent.
    #[serde(default = "light")]
    pub severity: Severity,
    /// The amount asked for, if the applicant named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseAmount>")]
    pub requested_amount: Option<Yuan>,
    /// Months the household's basic living is expected to stay in hardship (1–120); needed for
    /// the expenditure type and for heavy emergencies (TR-4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 120))]
    pub hardship_months: Option<u32>,
    /// Persons helped, when fewer than the counted household (1–64); the counted members if
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 64))]
    pub persons: Option<u32>,
}

fn light() -> Severity {
    Severity::Light
}

/// Kinds of event (TR-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Fire (火灾).
    Fire,
    /// Traffic accident (交通事故).
    TrafficAccident,
    /// Sudden serious illness of a member (突发重大疾病).
    SuddenSeriousIllness,
    /// Natural disaster (自然灾害).
    NaturalDisaster,
    /// Another accident or special difficulty.
    Other,
    /// Essential spending (medical, education…) that suddenly exceeds what the household can
    /// bear: the expenditure type (支出型).
    EssentialExpenditure,
}

impl EventKind {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            EventKind::Fire => "fire",
            EventKind::TrafficAccident => "traffic_accident",
            EventKind::SuddenSeriousIllness => "sudden_serious_illness",
            EventKind::NaturalDisaster => "natural_disaster",
            EventKind::Other => "other",
            EventKind::EssentialExpenditure => "essential_expenditure",
        }
    }
}

/// How hard an event hit (TR-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Light: a small amount paid at once (小金额先行救助).
    Light,
    /// Heavy: computed as the expenditure type.
    Heavy,
}

fn yes() -> bool {
    true
}

/// Relation to the applicant (与申请人关系).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The applicant (申请人).
    Applicant,
    /// Spouse (配偶).
    Spouse,
    /// Son or daughter, including adopted and step-children brought up in the household.
    Child,
    /// Father or mother.
    Parent,
    /// Grandparent.
    Grandparent,
    /// Grandchild.
    Grandchild,
    /// Brother or sister.
    Sibling,
    /// A relative with no statutory support duty (e.g. a son- or daughter-in-law, a nephew).
    OtherRelative,
    /// Not related.
    NonRelative,
}

impl Relation {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Relation::Applicant => "applicant",
            Relation::Spouse => "spouse",
            Relation::Child => "child",
            Relation::Parent => "parent",
            Relation::Grandparent => "grandparent",
            Relation::Grandchild => "grandchild",
            Relation::Sibling => "sibling",
            Relation::OtherRelative => "other_relative",
            Relation::NonRelative => "non_relative",
        }
    }
}

/// A disability certificate: kind and grade (1 most severe … 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disability {
    /// The kind of disability.
    pub kind: DisabilityKind,
    /// The grade, 1 (most severe) to 4.
    #[schemars(range(min = 1, max = 4))]
    pub grade: u8,
}

/// Kind of disability on the certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisabilityKind {
    /// 视力残疾.
    Visual,
    /// 听力残疾.
    Hearing,
    /// 言语残疾.
    Speech,
    /// 肢体残疾.
    Physical,
    /// 智力残疾.
    Intellectual,
    /// 精神残疾.
    Mental,
    /// 多重残疾.
    Multiple,
}

impl DisabilityKind {
    /// Every kind, in declaration order (checked against the enum by `tests/vocabulary.rs`).
    pub const ALL: [DisabilityKind; 7] = [
        DisabilityKind::Visual,
        DisabilityKind::Hearing,
        DisabilityKind::Speech,
        DisabilityKind::Physical,
        DisabilityKind::Intellectual,
        DisabilityKind::Mental,
        DisabilityKind::Multiple,
    ];

    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            DisabilityKind::Visual => "visual",
            DisabilityKind::Hearing => "hearing",
            DisabilityKind::Speech => "speech",
            DisabilityKind::Physical => "physical",
            DisabilityKind::Intellectual => "intellectual",
            DisabilityKind::Mental => "mental",
            DisabilityKind::Multiple => "multiple",
        }
    }
}

impl Disability {
    /// Severe disability for the individual route (HH-5 (a), P-17): grade 1–2 of any kind, or
    /// grade 3 intellectual or mental.
    pub fn qualifies_individual_route(self) -> bool {
        self.grade <= 2
            || (self.grade == 3
                && matches!(
                    self.kind,
                    DisabilityKind::Intellectual | DisabilityKind::Mental
                ))
    }

    /// Severe disability in the narrow sense (重度残疾): grade 1–2.
    pub fn is_severe(self) -> bool {
        self.grade <= 2
    }

    /// No capacity to work by disability (TK-2 (3)): intellectual or mental 1–3, physical 1–2,
    /// visual 1; multiple disability at grade 1–2 is read as physical.
    pub fn excludes_work(self) -> bool {
        match self.kind {
            DisabilityKind::Intellectual | DisabilityKind::Mental => self.grade <= 3,
            DisabilityKind::Physical | DisabilityKind::Multiple => self.grade <= 2,
            DisabilityKind::Visual => self.grade == 1,
            DisabilityKind::Hearing | DisabilityKind::Speech => false,
        }
    }
}

/// The six-item self-care assessment (TK-10): the items the person cannot do unaided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfCareAssessment {
    /// Items the person cannot do unaided, each at most once; empty means fully self-caring.
    #[serde(default)]
    #[schemars(extend("uniqueItems" = true))]
    pub unable: Vec<SelfCareItem>,
}

/// One of the six self-care activities.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SelfCareItem {
    /// 自主吃饭.
    Eating,
    /// 自主穿衣.
    Dressing,
    /// 自主上下床.
    Transferring,
    /// 自主如厕.
    Toileting,
    /// 室内行走.
    WalkingIndoors,
    /// 自主洗澡.
    Bathing,
}

/// Schooling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Student {
    /// The level of study.
    pub level: SchoolLevel,
    /// Full-time study (全日制). Defaults to `true`.
    #[serde(default = "yes")]
    pub full_time: bool,
}

/// Level of schooling.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SchoolLevel {
    /// Kindergarten.
    Preschool,
    /// Primary school.
    Primary,
    /// Junior secondary school.
    JuniorSecondary,
    /// Ordinary senior secondary school.
    SeniorSecondary,
    /// Secondary vocational school.
    SecondaryVocational,
    /// Higher vocational college.
    HigherVocational,
    /// Undergraduate.
    Undergraduate,
    /// Postgraduate.
    Postgraduate,
}

impl SchoolLevel {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            SchoolLevel::Preschool => "preschool",
            SchoolLevel::Primary => "primary",
            SchoolLevel::JuniorSecondary => "junior_secondary",
            SchoolLevel::SeniorSecondary => "senior_secondary",
            SchoolLevel::SecondaryVocational => "secondary_vocational",
            SchoolLevel::HigherVocational => "higher_vocational",
            SchoolLevel::Undergraduate => "undergraduate",
            SchoolLevel::Postgraduate => "postgraduate",
        }
    }
}

/// A status that may exclude a member from the household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// What the status is.
    pub kind: StatusKind,
    /// Since when; required for `clergy_living_apart`, which excludes only after a number of
    /// years apart (the library refuses that kind without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseDate>")]
    #[serde(
        deserialize_with = "crate::case::dates::strict_opt",
        serialize_with = "crate::case::dates::write_opt"
    )]
    pub since: Option<NaiveDate>,
}

/// Kinds of excluding status.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// Serving a prison sentence (服刑).
    Imprisoned,
    /// In compulsory isolated drug rehabilitation (强制隔离戒毒).
    CompulsoryDrugRehabilitation,
    /// Declared missing by a court (宣告失踪).
    DeclaredMissing,
    /// Clergy living apart from the family (宗教教职人员，脱离家庭).
    ClergyLivingApart,
    /// Active-duty conscript (义务兵).
    Conscript,
}

impl StatusKind {
    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            StatusKind::Imprisoned => "imprisoned",
            StatusKind::CompulsoryDrugRehabilitation => "compulsory_drug_rehabilitation",
            StatusKind::DeclaredMissing => "declared_missing",
            StatusKind::ClergyLivingApart => "clergy_living_apart",
            StatusKind::Conscript => "conscript",
        }
    }

    /// Whether the national text (S2 Art. 7) lists the status; the others are provincial (HH-4).
    pub const fn is_national(self) -> bool {
        !matches!(self, StatusKind::Conscript)
    }
}

/// One income record: who received it, its category, amount and period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncomeRecord {
    /// The member's key: the key of one of the household's members (the library refuses any
    /// other).
    pub member: MemberKey,
    /// The national category (INC-2), or `disregarded` for an item the caller knows is not
    /// counted (then `kind` must name a disregarded item; the library refuses it otherwise).
    pub category: IncomeCategory,
    /// What the income is, where that matters to a rule (INC-3, INC-7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IncomeKind>,
    /// Net amount over the period, in yuan.
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub amount: Yuan,
    /// First day of the period.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub from: NaiveDate,
    /// Last day of the period (inclusive); not before `from` (the library refuses a period
    /// that ends before it starts).
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub to: NaiveDate,
}

/// The five national income categories (INC-2), payments out, and disregarded items.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IncomeCategory {
    /// 工资性收入.
    Wage,
    /// 经营净收入.
    Business,
    /// 财产净收入.
    Property,
    /// 转移性收入 received (pensions, support received, compensation…).
    Transfer,
    /// Transfer payments made (taxes, social-insurance contributions, support paid): subtracted
    /// from transfer income.
    TransferPaid,
    /// 其他应当计入的收入.
    Other,
    /// An item not counted as income (不计入家庭收入); `kind` says which.
    Disregarded,
}

impl IncomeCategory {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            IncomeCategory::Wage => "wage",
            IncomeCategory::Business => "business",
            IncomeCategory::Property => "property",
            IncomeCategory::Transfer => "transfer",
            IncomeCategory::TransferPaid => "transfer_paid",
            IncomeCategory::Other => "other",
            IncomeCategory::Disregarded => "disregarded",
        }
    }
}

/// What an income item is, where a rule needs to know.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum IncomeKind {
    /// Crop farming (种植业): net business income (INC-7).
    Farming,
    /// Livestock (养殖业): net business income (INC-7).
    Livestock,
    /// Sub-letting contracted land (转租承包土地经营权): property income (INC-7).
    LandSublet,
    /// The centrally set basic pension of the residents' scheme (城乡居民基础养老金).
    ResidentsBasicPension,
    /// Preferential-treatment and pension payments for entitled groups (优抚).
    PreferentialTreatment,
    /// Family-planning awards and assistance (计划生育奖励与扶助金).
    FamilyPlanning,
    /// Scholarships and study awards.
    Scholarship,
    /// Awards for acts of bravery (见义勇为).
    BraveryAward,
    /// Social-assistance cash or goods from government.
    SocialAssistance,
    /// Old-age allowance (高龄津贴).
    OldAgeAllowance,
    /// An item a city or province designates as not counted.
    LocalDisregard,
}

impl IncomeKind {
    /// Every kind, in declaration order, which is the order of the income account's per-kind
    /// figures (checked against the enum by `tests/vocabulary.rs`).
    pub const ALL: [IncomeKind; 11] = [
        IncomeKind::Farming,
        IncomeKind::Livestock,
        IncomeKind::LandSublet,
        IncomeKind::ResidentsBasicPension,
        IncomeKind::PreferentialTreatment,
        IncomeKind::FamilyPlanning,
        IncomeKind::Scholarship,
        IncomeKind::BraveryAward,
        IncomeKind::SocialAssistance,
        IncomeKind::OldAgeAllowance,
        IncomeKind::LocalDisregard,
    ];

    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            IncomeKind::Farming => "farming",
            IncomeKind::Livestock => "livestock",
            IncomeKind::LandSublet => "land_sublet",
            IncomeKind::ResidentsBasicPension => "residents_basic_pension",
            IncomeKind::PreferentialTreatment => "preferential_treatment",
            IncomeKind::FamilyPlanning => "family_planning",
            IncomeKind::Scholarship => "scholarship",
            IncomeKind::BraveryAward => "bravery_award",
            IncomeKind::SocialAssistance => "social_assistance",
            IncomeKind::OldAgeAllowance => "old_age_allowance",
            IncomeKind::LocalDisregard => "local_disregard",
        }
    }
}

/// The household's assets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    /// Deposits and other financial assets (金融资产).
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub financial: Vec<FinancialAsset>,
    /// Motor vehicles.
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub vehicles: Vec<Vehicle>,
    /// Homes.
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub homes: Vec<Home>,
    /// Business registrations (市场主体登记).
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub businesses: Vec<BusinessRegistration>,
    /// Large purchases (大额消费).
    #[serde(default)]
    #[schemars(length(max = 2000))]
    pub large_purchases: Vec<LargePurchase>,
}

/// A deposit or other financial asset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinancialAsset {
    /// The owner's key: the key of one of the household's members (the library refuses any
    /// other).
    pub member: MemberKey,
    /// What it is.
    pub kind: FinancialKind,
    /// Its value in yuan.
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub amount: Yuan,
}

/// Kinds of financial asset (AST-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FinancialKind {
    /// Bank deposit (存款).
    Deposit,
    /// Cash.
    Cash,
    /// Securities (有价证券).
    Securities,
    /// Funds (基金).
    Fund,
    /// Cash value of commercial insurance (商业保险).
    InsuranceCashValue,
    /// Internet financial assets (互联网金融资产).
    InternetFinance,
    /// Claims owed to the household (债权).
    Claim,
}

/// A motor vehicle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vehicle {
    /// The registered owner's key: the key of one of the household's members (the library
    /// refuses any other).
    pub member: MemberKey,
    /// What kind of vehicle.
    pub kind: VehicleKind,
    /// Its market value in yuan.
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub value: Yuan,
    /// A functional mobility vehicle for a disabled person (残疾人功能性补偿代步机动车辆).
    #[serde(default)]
    pub disability_mobility: bool,
}

/// Kinds of vehicle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VehicleKind {
    /// Passenger car.
    Car,
    /// Truck or van.
    Truck,
    /// Motorcycle.
    Motorcycle,
    /// Motor tricycle.
    Tricycle,
    /// Farm machinery (tractor, harvester).
    FarmMachinery,
    /// Anything else.
    Other,
}

impl VehicleKind {
    /// Every kind, in declaration order (checked against the enum by `tests/vocabulary.rs`).
    pub const ALL: [VehicleKind; 6] = [
        VehicleKind::Car,
        VehicleKind::Truck,
        VehicleKind::Motorcycle,
        VehicleKind::Tricycle,
        VehicleKind::FarmMachinery,
        VehicleKind::Other,
    ];

    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            VehicleKind::Car => "car",
            VehicleKind::Truck => "truck",
            VehicleKind::Motorcycle => "motorcycle",
            VehicleKind::Tricycle => "tricycle",
            VehicleKind::FarmMachinery => "farm_machinery",
            VehicleKind::Other => "other",
        }
    }
}

/// A home owned by a member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Home {
    /// The registered owner's key: the key of one of the household's members (the library
    /// refuses any other).
    pub member: MemberKey,
    /// In a town or city, or in the countryside.
    pub location: Area,
    /// Floor area in square metres.
    #[serde(with = "crate::money::decimal_str")]
    #[schemars(with = "crate::case::schema::CasePositive")]
    pub floor_area: Decimal,
    /// A self-built rural home on the household's homestead (宅基地自建房).
    #[serde(default)]
    pub self_built: bool,
}

/// A business registration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BusinessRegistration {
    /// The registered person's key: the key of one of the household's members (the library
    /// refuses any other).
    pub member: MemberKey,
    /// What kind of registration.
    pub kind: BusinessKind,
    /// Still trading. Defaults to `true`.
    #[serde(default = "yes")]
    pub active: bool,
    /// Registered capital, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseAmount>")]
    pub registered_capital: Option<Yuan>,
}

/// Kinds of business registration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BusinessKind {
    /// Sole trader (个体工商户).
    SoleTrader,
    /// Owner of an enterprise (企业法人 / 投资人).
    Enterprise,
    /// Shareholder in a company (股东).
    Shareholder,
    /// Member of a farmers' cooperative (农民专业合作社).
    FarmerCooperative,
}

impl BusinessKind {
    /// Every kind, in declaration order (checked against the enum by `tests/vocabulary.rs`).
    pub const ALL: [BusinessKind; 4] = [
        BusinessKind::SoleTrader,
        BusinessKind::Enterprise,
        BusinessKind::Shareholder,
        BusinessKind::FarmerCooperative,
    ];

    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            BusinessKind::SoleTrader => "sole_trader",
            BusinessKind::Enterprise => "enterprise",
            BusinessKind::Shareholder => "shareholder",
            BusinessKind::FarmerCooperative => "farmer_cooperative",
        }
    }
}

/// A large purchase, used as supporting evidence (AST-8).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LargePurchase {
    /// The buyer's key: the key of one of the household's members (the library refuses any
    /// other).
    pub member: MemberKey,
    /// What was bought.
    pub kind: PurchaseKind,
    /// The price in yuan.
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub amount: Yuan,
    /// The date of purchase.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub date: NaiveDate,
}

/// Kinds of large purchase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PurchaseKind {
    /// A home.
    Home,
    /// A vehicle.
    Vehicle,
    /// Anything else (high-fee schooling, foreign travel…).
    Other,
}

/// An expense paid by the household.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expense {
    /// The member the expense was for: the key of one of the household's members (the library
    /// refuses any other).
    pub member: MemberKey,
    /// What it was for.
    pub kind: ExpenseKind,
    /// The full cost in yuan.
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub amount: Yuan,
    /// The part the household paid itself after insurance and aid (自付); not more than
    /// `amount` (the library refuses it otherwise).
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub self_paid: Yuan,
    /// When it was paid.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub date: NaiveDate,
    /// For education: the fee of a comparable public school for the same period, set by the
    /// local education authority; rigid expenditure counts the self-paid part up to it (RIG-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseAmount>")]
    pub public_school_rate: Option<Yuan>,
}

/// Kinds of expense.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExpenseKind {
    /// Medical costs.
    Medical,
    /// Education costs.
    Education,
    /// Disability rehabilitation.
    Rehabilitation,
    /// Other recognised costs.
    Other,
}

/// What the household receives now.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enrolment {
    /// The programme.
    pub programme: crate::vocab::Programme,
    /// The rural class, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<crate::vocab::DibaoClass>,
    /// The monthly amount paid now.
    #[schemars(with = "crate::case::schema::CaseAmount")]
    pub monthly_amount: Yuan,
    /// Since when.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub since: NaiveDate,
    /// The last review, if any; not before `since`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::case::schema::CaseDate>")]
    #[serde(
        deserialize_with = "crate::case::dates::strict_opt",
        serialize_with = "crate::case::dates::write_opt"
    )]
    pub last_review: Option<NaiveDate>,
}

/// A record from a department's data (部门核对数据): who it concerns, from where, as of when,
/// and what it states.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRecord {
    /// The department whose data the record comes from.
    pub department: Department,
    /// The key of the household member (or of a supporter, TK-5) the record concerns: the
    /// library refuses any other key.
    pub member: MemberKey,
    /// The date the department's data states the fact for.
    #[schemars(with = "crate::case::schema::CaseDate")]
    #[serde(
        deserialize_with = "crate::case::dates::strict",
        serialize_with = "crate::case::dates::write"
    )]
    pub date: NaiveDate,
    /// What the record states.
    pub fact: EvidenceFact,
}

/// The departments that hold data for verification (VER-4).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Department {
    /// Civil affairs (民政): other assistance, marriage, funeral and death records.
    CivilAffairs,
    /// Public security (公安): household registration.
    PublicSecurity,
    /// Vehicle registration of the traffic police (公安交管车辆登记).
    VehicleRegistry,
    /// Real-estate registration (不动产登记).
    RealEstate,
    /// Housing provident fund centre (住房公积金).
    HousingFund,
    /// Human resources and social security (人力资源社会保障).
    HumanResources,
    /// Taxation (税务).
    Tax,
    /// Market regulation (市场监管): business registrations.
    MarketRegulation,
    /// Banks, insurers and securities firms (金融机构).
    FinancialInstitution,
    /// Medical insurance (医疗保障).
    MedicalInsurance,
    /// Disabled Persons' Federation (残联).
    DisabledPersonsFederation,
    /// Education (教育).
    Education,
    /// Health (卫生健康).
    Health,
    /// Courts and justice (法院、司法).
    CourtsJustice,
    /// Agriculture and rural affairs / rural revitalisation (农业农村 / 乡村振兴).
    RuralRevitalisation,
    /// Insurers (保险机构): policies' cash values (S0 Art. 41).
    Insurer,
    /// Securities firms (证券公司): account values (S0 Art. 41).
    SecuritiesFirm,
    /// Non-bank payment institutions (非银行支付机构): balances (S0 Art. 41).
    PaymentInstitution,
}

impl Department {
    /// Every department, in declaration order: the one list of them. `tests/vocabulary.rs`
    /// checks it against the enum, so a department added to the enum and not here fails.
    pub const ALL: [Department; 18] = [
        Department::CivilAffairs,
        Department::PublicSecurity,
        Department::VehicleRegistry,
        Department::RealEstate,
        Department::HousingFund,
        Department::HumanResources,
        Department::Tax,
        Department::MarketRegulation,
        Department::FinancialInstitution,
        Department::MedicalInsurance,
        Department::DisabledPersonsFederation,
        Department::Education,
        Department::Health,
        Department::CourtsJustice,
        Department::RuralRevitalisation,
        Department::Insurer,
        Department::SecuritiesFirm,
        Department::PaymentInstitution,
    ];

    /// The department spelt `code` (as in parameters), if any.
    pub fn from_code(code: &str) -> Option<Department> {
        Department::ALL.into_iter().find(|d| d.as_str() == code)
    }

    /// The JSON and parameter spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Department::CivilAffairs => "civil_affairs",
            Department::PublicSecurity => "public_security",
            Department::VehicleRegistry => "vehicle_registry",
            Department::RealEstate => "real_estate",
            Department::HousingFund => "housing_fund",
            Department::HumanResources => "human_resources",
            Department::Tax => "tax",
            Department::MarketRegulation => "market_regulation",
            Department::FinancialInstitution => "financial_institution",
            Department::MedicalInsurance => "medical_insurance",
            Department::DisabledPersonsFederation => "disabled_persons_federation",
            Department::Education => "education",
            Department::Health => "health",
            Department::CourtsJustice => "courts_justice",
            Department::RuralRevitalisation => "rural_revitalisation",
            Department::Insurer => "insurer",
            Department::SecuritiesFirm => "securities_firm",
            Department::PaymentInstitution => "payment_institution",
        }
    }
}

/// What a department record states. Tagged by `item`, e.g.
/// `{"item": "vehicle_registered", "kind": "car", "value": "80000"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "item", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum EvidenceFact {
    /// A motor vehicle registered to the member (机动车登记).
    VehicleRegistered {
        /// What kind of vehicle.
        kind: VehicleKind,
        /// Its value in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        value: Yuan,
    },
    /// A home registered to the member (不动产登记).
    Property {
        /// In a town or city, or in the countryside.
        location: Area,
        /// Floor area in square metres.
        #[serde(with = "crate::money::decimal_str")]
        #[schemars(with = "crate::case::schema::CasePositive")]
        floor_area: Decimal,
    },
    /// The member's balances with one institution (deposits, policies, securities).
    AccountBalance {
        /// The balance in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        amount: Yuan,
    },
    /// The monthly contribution base of social insurance or the provident fund (缴费基数).
    ContributionBase {
        /// Monthly base in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        monthly: Yuan,
    },
    /// The member's monthly wage as the department records it.
    Wage {
        /// Monthly wage in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        monthly: Yuan,
    },
    /// A pension paid to the member (养老金).
    Pension {
        /// Monthly pension in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        monthly: Yuan,
    },
    /// A business registration (市场主体登记).
    BusinessRegistration {
        /// What kind of registration.
        kind: BusinessKind,
        /// Still trading.
        active: bool,
    },
    /// A disability certificate (残疾人证).
    DisabilityCertificate {
        /// The kind of disability.
        kind: DisabilityKind,
        /// The grade, 1 (most severe) to 4.
        #[schemars(range(min = 1, max = 4))]
        grade: u8,
    },
    /// A death record (死亡登记).
    Death {
        /// Date of death.
        #[schemars(with = "crate::case::schema::CaseDate")]
        #[serde(
            deserialize_with = "crate::case::dates::strict",
            serialize_with = "crate::case::dates::write"
        )]
        date: NaiveDate,
    },
    /// Serving a prison sentence (服刑).
    Imprisonment {
        /// Since when.
        #[schemars(with = "crate::case::schema::CaseDate")]
        #[serde(
            deserialize_with = "crate::case::dates::strict",
            serialize_with = "crate::case::dates::write"
        )]
        since: NaiveDate,
    },
    /// Enrolled at a school (在校).
    SchoolEnrolment {
        /// The level of study.
        level: SchoolLevel,
    },
    /// Medical costs the member paid after insurance (医疗费用个人自付).
    SelfPaidMedical {
        /// Self-paid amount in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        amount: Yuan,
    },
    /// The member's status in return-to-poverty monitoring (防止返贫监测).
    ReturnToPovertyMonitoring {
        /// The status.
        status: MonitoringStatus,
    },
    /// The cash value of the member's insurance policies with one insurer (保单现金价值).
    InsuranceCashValue {
        /// The cash value in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        amount: Yuan,
    },
    /// The value of the member's securities account with one firm (证券账户资产).
    SecuritiesAccount {
        /// The account's value in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        amount: Yuan,
    },
    /// The member's balance with one non-bank payment institution (支付账户余额).
    PaymentBalance {
        /// The balance in yuan.
        #[schemars(with = "crate::case::schema::CaseAmount")]
        amount: Yuan,
    },
}

impl EvidenceFact {
    /// The item's spelling, as used in the `item` tag and in parameters.
    pub const fn item(&self) -> &'static str {
        match self {
            EvidenceFact::VehicleRegistered { .. } => "vehicle_registered",
            EvidenceFact::Property { .. } => "property",
            EvidenceFact::AccountBalance { .. } => "account_balance",
            EvidenceFact::ContributionBase { .. } => "contribution_base",
            EvidenceFact::Wage { .. } => "wage",
            EvidenceFact::Pension { .. } => "pension",
            EvidenceFact::BusinessRegistration { .. } => "business_registration",
            EvidenceFact::DisabilityCertificate { .. } => "disability_certificate",
            EvidenceFact::Death { .. } => "death",
            EvidenceFact::Imprisonment { .. } => "imprisonment",
            EvidenceFact::SchoolEnrolment { .. } => "school_enrolment",
            EvidenceFact::SelfPaidMedical { .. } => "self_paid_medical",
            EvidenceFact::ReturnToPovertyMonitoring { .. } => "return_to_poverty_monitoring",
            EvidenceFact::InsuranceCashValue { .. } => "insurance_cash_value",
            EvidenceFact::SecuritiesAccount { .. } => "securities_account",
            EvidenceFact::PaymentBalance { .. } => "payment_balance",
        }
    }
}

/// Return-to-poverty monitoring status (防止返贫监测对象类别, FP-1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MonitoringStatus {
    /// 脱贫不稳定户: lifted out of poverty, still unstable.
    UnstableOutOfPoverty,
    /// 边缘易致贫户: marginal household at risk of poverty.
    MarginalAtRisk,
    /// 突发严重困难户: sudden severe difficulty.
    SuddenSevereDifficulty,
    /// 风险已消除: risk eliminated.
    RiskEliminated,
}

impl MonitoringStatus {
    /// The JSON spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            MonitoringStatus::UnstableOutOfPoverty => "unstable_out_of_poverty",
            MonitoringStatus::MarginalAtRisk => "marginal_at_risk",
            MonitoringStatus::SuddenSevereDifficulty => "sudden_severe_difficulty",
            MonitoringStatus::RiskEliminated => "risk_eliminated",
        }
    }
}
