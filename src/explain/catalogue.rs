//! The rule catalogue: every decision rule's stable ID, title and policy source.
//!
//! The same IDs head the sections of `rules-spec/rules/*.md`; a test checks that the two agree
//! both ways. Once published, an ID never changes meaning.
//!
//! May use: nothing of the crate (a leaf of the explanation layer).

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The version of the rule catalogue, stated apart from the crate version.
///
/// Raised whenever a rule is added, retired or changes meaning.
pub const RULE_CATALOGUE_VERSION: &str = "2026.12.1";

macro_rules! catalogue {
    ($( $(#[$doc:meta])* $var:ident = $id:literal, $zh:literal, $en:literal, $src:literal; )*) => {
        /// A decision rule's stable ID, such as `DB-1`.
        ///
        /// Serialised as its ID string. See `rules-spec/rules/` for the full text of each rule.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum RuleId {
            $( $(#[$doc])* $var, )*
        }

        impl RuleId {
            /// Every rule in the catalogue, in catalogue order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$var),*];

            /// The stable ID, e.g. `"DB-1"`.
            pub const fn id(self) -> &'static str {
                match self { $(RuleId::$var => $id,)* }
            }

            /// The rule's short title in Chinese.
            pub const fn title_zh(self) -> &'static str {
                match self { $(RuleId::$var => $zh,)* }
            }

            /// The rule's short title in English.
            pub const fn title_en(self) -> &'static str {
                match self { $(RuleId::$var => $en,)* }
            }

            /// The policy source the rule comes from (document and article).
            pub const fn source(self) -> &'static str {
                match self { $(RuleId::$var => $src,)* }
            }

            /// Looks a rule up by its ID string.
            pub fn from_id(id: &str) -> Option<RuleId> {
                match id { $($id => Some(RuleId::$var),)* _ => None }
            }
        }
    };
}

catalogue! {
    /// Who is a counted member of the household.
    Hh2 = "HH-2", "共同生活的家庭成员范围", "Who counts as a household member", "S2 Art. 7 para. 1";
    /// National exclusions: prisoners, compulsory drug rehabilitation, declared missing, clergy apart.
    Hh3 = "HH-3", "不计入共同生活家庭成员的人员", "Persons not counted as members", "S2 Art. 7 para. 2";
    /// Exclusions added by the province (configurable), e.g. conscripts.
    Hh4 = "HH-4", "省级规定的其他不计入人员", "Provincial additions to the exclusions", "S2 Art. 7 para. 2 (3); S13";
    /// Individual coverage of severely disabled or seriously ill members of marginal families.
    Hh5 = "HH-5", "低保边缘家庭中重度残疾人、重病患者单独提出申请", "Individual coverage in marginal families", "S2 Art. 8; S6 §1(4); S5 §4(1)";
    /// Adults with severe disability and no employment as single-person units.
    Hh6 = "HH-6", "成年无业重度残疾人参照单人户", "Unemployed adults with severe disability as single-person units", "S6 §1(1)";
    /// A qualifying household is covered whole, never in part.
    Hh7 = "HH-7", "不得只将部分家庭成员纳入低保", "No partial coverage of a household", "S6 §1(1)";
    /// Income counted by the five national categories.
    Inc2 = "INC-2", "家庭收入的构成", "Countable income by category", "S2 Art. 13 para. 1";
    /// Income that is not counted.
    Inc3 = "INC-3", "不计入家庭收入的项目", "Disregarded income", "S2 Art. 13 para. 2";
    /// Deductions: job costs, extra expenditure for disability or serious illness.
    Inc4 = "INC-4", "就业成本及因残因病增加的刚性支出扣减", "Deductions from income", "S2 Art. 13 last para.; S7 item 11; S5 §2";
    /// Imputed income for able-bodied adults of working age.
    Inc6 = "INC-6", "劳动力系数折算收入", "Imputed income for members able to work", "S6 §1(1)";
    /// Farm income is net business income; sub-letting land is property income.
    Inc7 = "INC-7", "农业收入的归类", "Classification of farm income", "S2 Art. 13 (2)(3)";
    /// The reference period over which income is averaged.
    Inc8 = "INC-8", "收入计算期", "Income reference period", "S2 Art. 13; S1 Art. 10 para. 2; S13";
    /// Monthly countable income per counted member.
    Inc9 = "INC-9", "家庭月人均收入", "Monthly income per head", "S1 Art. 12; S2 Arts. 13, 23";
    /// Financial assets within the limit.
    Ast4 = "AST-4", "金融资产限额", "Financial assets within the limit", "S2 Art. 14; S1 Art. 10 para. 2; S13";
    /// Vehicles, with the disability-mobility exemption.
    Ast5 = "AST-5", "机动车辆", "Motor vehicles", "S10 Art. 17 (history); S13";
    /// Housing: number of homes and floor area.
    Ast6 = "AST-6", "房产", "Housing", "S2 Art. 14; S13";
    /// Business registrations.
    Ast7 = "AST-7", "市场主体登记", "Business registrations", "S2 Art. 17; S13";
    /// Large purchases as supporting evidence.
    Ast8 = "AST-8", "大额消费等佐证情形", "Large purchases as supporting evidence", "S2 Art. 17 para. 2";
    /// Dibao income test: income per head below the standard.
    Db1 = "DB-1", "低保收入条件", "Dibao income test", "S1 Art. 9; S7 item 2";
    /// Urban gap amount on household totals.
    Db3 = "DB-3", "差额补助", "Gap amount", "S1 Art. 12; S2 Art. 23";
    /// Rural class assignment (分类施保), the library's proposal until Gansu's text is obtained.
    Db5 = "DB-5", "农村低保分类施保类别", "Rural dibao class", "gansu.md (published class amounts); class criteria: library proposal";
    /// Rural class rate per person: class 1 the standard, class 2 a share of it, classes 3–4 fixed.
    Db5Rate = "DB-5-RATE", "分类施保补助水平", "Rural class rate per person", "gansu.md (published class amounts)";
    /// Minimum payment floor.
    Db6 = "DB-6", "最低补助额", "Minimum payment", "S13 (no national rule)";
    /// Amount for a single-person unit on the individual route.
    Db15 = "DB-15", "单人保补助金额", "Amount for an individual unit", "S2 Art. 23 (interpretation)";
    /// Add-ons for vulnerable members of a dibao household (分类施保), per member.
    Db16 = "DB-16", "低保家庭特殊困难成员增发", "Add-on for a vulnerable member", "S0 Art. 20";
    /// Marginal low-income family test.
    Edge1 = "EDGE-1", "低保边缘家庭认定", "Marginal low-income family", "S2 Art. 8 last para.; S6 §1(4); S5 §2";
    /// The rounding step applied to a payment.
    Pay3 = "PAY-3", "补助金额取整", "Rounding of the payment", "S13 (no national rule); gansu.md";
    /// The rural annual standard turned into a monthly one.
    Pay4 = "PAY-4", "农村年标准折算月标准", "Rural annual standard to monthly", "INC-9 interpretation";
    /// Which department's record the rules use for an item.
    VerAuth = "VER-AUTH", "核对数据的权威来源", "Authoritative department for each item", "S1 Art. 58; S2 Art. 17; digest VER-4 (table: library proposal)";
    /// Department data the purpose needs before a decision.
    VerReq = "VER-REQ", "核对目的所需的部门数据", "Department data required for the purpose", "S2 Arts. 9(3), 17 and 31; digest VER-9 (lists: library proposal)";
    /// Registered vehicles against the declaration.
    VerVehicle = "VER-VEHICLE", "车辆登记核对", "Vehicle registration check", "S1 Art. 58; S2 Art. 17";
    /// Registered homes against the declaration.
    VerProperty = "VER-PROPERTY", "不动产登记核对", "Real-estate registration check", "S1 Art. 58; S2 Art. 17";
    /// Balances held by financial institutions against the declaration.
    VerBalance = "VER-BALANCE", "金融资产核对", "Financial balance check", "S1 Art. 58; S2 Art. 17";
    /// Recorded wages and contribution bases against declared wage income.
    VerWage = "VER-WAGE", "工资及缴费基数核对", "Wage and contribution base check", "S2 Art. 17; S6 §3(2)";
    /// Recorded pensions against declared transfer income.
    VerPension = "VER-PENSION", "养老金核对", "Pension check", "S2 Art. 17; S6 §3(2)";
    /// Business registrations against the declaration.
    VerBusiness = "VER-BUSINESS", "市场主体登记核对", "Business registration check", "S1 Art. 58; S2 Art. 17";
    /// Disability certificates against the declaration.
    VerDisability = "VER-DISABILITY", "残疾人证核对", "Disability certificate check", "digest VER-4";
    /// Death records: the member no longer counts.
    VerDeath = "VER-DEATH", "死亡信息核对", "Death record check", "S6 §1(3), §3(2); digest INC-12";
    /// Imprisonment records: the member no longer counts.
    VerPrison = "VER-PRISON", "服刑信息核对", "Imprisonment record check", "S2 Art. 7 para. 2; digest VER-4";
    /// School enrolment against the declaration.
    VerSchool = "VER-SCHOOL", "在校信息核对", "School enrolment check", "digest VER-4";
    /// Self-paid medical costs against the declared expenses.
    VerMedical = "VER-MEDICAL", "医疗费用自付核对", "Self-paid medical cost check", "digest VER-4";
    /// Insurance policies' cash values against the declaration (S0 Art. 41).
    VerInsurance = "VER-INSURANCE", "保险保单现金价值核对", "Insurance cash value check", "S2 Art. 17; digest VER-4";
    /// Securities account values against the declaration (S0 Art. 41).
    VerSecurities = "VER-SECURITIES", "证券账户资产核对", "Securities account check", "S2 Art. 17; digest VER-4";
    /// Balances with non-bank payment institutions against the declaration (S0 Art. 41).
    VerPayment = "VER-PAYMENT", "非银行支付机构账户余额核对", "Payment institution balance check", "S2 Art. 17; digest VER-4";
    /// A supporter outside the household is checked only with a recorded consent.
    VerConsent = "VER-CONSENT", "赡养扶养义务人授权核对", "Supporter's consent to verification", "S2 Art. 17 (authorisation: library proposal)";
    /// The effect of a discrepancy and the field task it calls for.
    VerEffect = "VER-EFFECT", "不一致事项的影响与入户核查", "Effect of a discrepancy and field task", "S2 Arts. 16, 18 and 20 (grading: library proposal)";
    /// A recipient who still qualifies at the same amount.
    MonContinue = "MON-CONTINUE", "继续保障", "Continue", "S2 Art. 31";
    /// A recipient who still qualifies at another amount.
    MonAdjust = "MON-ADJUST", "调整补助金额", "Adjust the amount", "S2 Art. 31; S6 §1(3)";
    /// Gradual exit when income rose above the line through work.
    MonExit = "MON-EXIT", "渐退", "Gradual exit", "S2 Art. 33; S6 §1(3); S7 item 11 (digest INC-10)";
    /// A recipient who no longer qualifies.
    MonTerminate = "MON-TERMINATE", "停止保障", "Terminate", "S2 Art. 31; S1 Art. 13; S3 Arts. 24–27";
    /// Someone eligible but not enrolled is to be told and helped to apply.
    MonEnrol = "MON-ENROL", "主动发现、引导申请", "Enrol a missed household", "S5 §3(3), §3(4)(b)";
    /// The next review date.
    MonReview = "MON-REVIEW", "复核周期", "Next review date", "S2 Art. 31; S7 item 7 (digest DB-8, TK-15)";
    /// Red: eligible but not enrolled.
    MonRedMissed = "MON-RED-MISSED", "红色预警：符合条件未纳入", "Red: eligible but not enrolled", "S5 §3(3)–(4); colours: library proposal";
    /// Red: sudden severe difficulty with no assistance.
    MonRedSudden = "MON-RED-SUDDEN", "红色预警：突发严重困难未获救助", "Red: sudden difficulty without assistance", "S5 §3(3); S12 (digest FP-1); colours: library proposal";
    /// Orange: a decisive discrepancy.
    MonOrangeDecisive = "MON-ORANGE-DECISIVE", "橙色预警：核对发现决定性差异", "Orange: decisive discrepancy", "S5 §3(4)(d); colours: library proposal";
    /// Yellow: income per head near a threshold.
    MonYellowNear = "MON-YELLOW-NEAR", "黄色预警：人均收入接近标准", "Yellow: income near a threshold", "S6 §3(3); colours: library proposal";
    /// Yellow: a material discrepancy.
    MonYellowMaterial = "MON-YELLOW-MATERIAL", "黄色预警：核对发现影响金额的差异", "Yellow: material discrepancy", "S2 Art. 31; colours: library proposal";
    /// Yellow: a review overdue.
    MonYellowOverdue = "MON-YELLOW-OVERDUE", "黄色预警：复核逾期", "Yellow: review overdue", "S2 Art. 31; colours: library proposal";
    /// Blue: minor discrepancies only.
    MonBlueMinor = "MON-BLUE-MINOR", "蓝色预警：仅有轻微差异", "Blue: minor discrepancies only", "colours: library proposal";
    /// Orange: eligible for temporary relief (or another listed programme) but not receiving it.
    MonOrangeRelief = "MON-ORANGE-RELIEF", "橙色预警：符合临时救助等条件未获救助", "Orange: eligible for relief but not receiving it", "S5 §3(3)–(4); S8 (digest TR); colours: library proposal";
    /// Special hardship: the three conditions together (per member).
    Tk1 = "TK-1", "特困人员认定条件", "Special hardship: the three conditions", "S3 Art. 4; S1 Art. 14; S7 item 2";
    /// No capacity to work: age, minority, disability, provincial additions.
    Tk2 = "TK-2", "无劳动能力", "No capacity to work", "S3 Art. 5";
    /// Minors covered to 18, and beyond while still in school.
    Tk3 = "TK-3", "未成年人供养至18周岁及在校延续", "Minors covered to 18 and beyond while in school", "S3 Art. 24; S7 item 5";
    /// No source of livelihood: own income below the dibao standard (assets: AST rules).
    Tk4 = "TK-4", "无生活来源", "No source of livelihood", "S3 Art. 6";
    /// A statutory supporter unable to fulfil the duty (one finding per supporter).
    Tk5 = "TK-5", "法定义务人无履行义务能力", "Supporter unable to fulfil the duty", "S3 Art. 8";
    /// The orphan or de-facto-unsupported child allowance chosen instead.
    Tk6 = "TK-6", "孤儿、事实无人抚养儿童选择基本生活费", "Orphan allowance chosen instead", "S3 Art. 9";
    /// Urban or rural rate: contracted land, relocation.
    Tk7 = "TK-7", "城乡救助供养标准的适用", "Urban or rural rate", "S3 Art. 19";
    /// A special-hardship person is not counted in the dibao unit.
    Tk8 = "TK-8", "特困人员不计入低保家庭", "Special-hardship person outside the dibao unit", "S1 Art. 15 (dovetailing); library interpretation";
    /// Basic living standard: multiplier × dibao standard, or a pinned published figure.
    Tk9 = "TK-9", "基本生活标准", "Basic living standard", "gansu.md (published figures); multiplier: digest TK-9 (unconfirmed)";
    /// Self-care tier from the six-item assessment.
    Tk10 = "TK-10", "生活自理能力评估", "Self-care assessment", "S3 Arts. 20-22";
    /// Care standard by self-care tier.
    Tk11 = "TK-11", "照料护理标准", "Care standard", "gansu.md (published figures); digest TK-11";
    /// Institutional or home support.
    Tk12 = "TK-12", "供养方式", "Institutional or home support", "S1 Art. 19; S11 (priority, likely)";
    /// Support from the month after confirmation.
    Tk13 = "TK-13", "救助供养起始时间", "Support from the month after confirmation", "S3 Art. 17; digest PAY-1";
    /// Leaving special hardship, and the move to dibao or temporary relief.
    Tk14 = "TK-14", "终止救助供养及衔接", "Leaving special hardship", "S3 Arts. 24-27";
    /// Yearly review.
    Tk15 = "TK-15", "年度复核", "Yearly review", "S7 item 7";
    /// Not in dibao, special hardship or a marginal family.
    Rig1 = "RIG-1", "不属于低保、特困或低保边缘家庭", "Not in dibao, special hardship or marginal", "S4 Art. 4 (1)";
    /// Rigid expenditure counted over the look-back period.
    Rig2 = "RIG-2", "刚性支出的范围", "Rigid expenditure counted", "S4 Art. 5";
    /// Rigid expenditure above the local share of household income.
    Rig3 = "RIG-3", "刚性支出占家庭总收入的比例", "Rigid expenditure above the share of income", "S4 Art. 4 (4); threshold: library proposal";
    /// Decision time limit.
    Rig4 = "RIG-4", "认定办理时限", "Decision time limit", "S4 Arts. 6-9";
    /// Validity of the recognition.
    Rig5 = "RIG-5", "认定有效期", "Validity of the recognition", "S4 Art. 10";
    /// Flag on the low-income monitoring platform.
    Rig6 = "RIG-6", "低收入人口监测标识", "Monitoring flag", "S4 Art. 11";
    /// The measure applies from 2025-01-01.
    Rig7 = "RIG-7", "施行日期", "Effective date", "S4 Art. 14";
    /// Income per head below last year's local per-capita disposable income.
    Rig8 = "RIG-8", "人均收入低于上年人均可支配收入", "Income below last year's disposable income", "S4 Art. 4 (2); figure: digest §11.4 (unconfirmed)";
    /// A ground for temporary relief: an event.
    Tr1 = "TR-1", "临时救助事由", "Ground for temporary relief", "S1 Art. 47";
    /// Emergency or expenditure type, and the expenditure-type means test.
    Tr2 = "TR-2", "救助类型及支出型条件", "Type of relief and its conditions", "S8 §2(1); S7 item 15";
    /// Emergency type: a small amount paid first.
    Tr3 = "TR-3", "急难型先行救助", "Emergency help first", "S8 §2(2); S5 §4(3); gansu.md";
    /// Expenditure-type amount: urban standard × persons × months.
    Tr4 = "TR-4", "支出型救助金额", "Expenditure-type amount", "S1 Art. 49; S8 §2(3); gansu.md";
    /// The ordinary cap; above it one case, one discussion.
    Tr7 = "TR-7", "救助上限与一事一议", "Cap and one case, one discussion", "S8 §2(3); S7 item 15; cap: library proposal";
    /// Forms of help: cash, one approval with payment in stages.
    Tr5 = "TR-5", "救助方式", "Forms of help", "S8 §2(4); S7 item 15";
    /// Small emergency amounts paid from the township reserve fund.
    Tr6 = "TR-6", "乡镇临时救助备用金", "Township reserve fund", "S8 §3(3); S7 item 15";
    /// Urgent small cases paid first, with what must be documented afterwards.
    Tr9 = "TR-9", "先行救助、事后补办手续", "Paid first, documented afterwards", "S0 Art. 50";
    /// Small fast relief: decided without economic-status verification, within the time limit.
    Tr10 = "TR-10", "小额快救", "Small fast relief", "S0 Art. 50; MCA/MOF opinion on temporary relief (2026-01-29)";
    /// Hardship longer than the months counted: never truncated, one case, one discussion.
    Tr11 = "TR-11", "困难持续超过最长月数的一事一议", "Hardship beyond the maximum months", "S0 Art. 50; S8 §2(3)";
    /// Decided under the parameters of the division where the emergency happened.
    Tr12 = "TR-12", "在急难发生地实施临时救助", "Relief where the emergency happened", "S0 Art. 37";
}

impl RuleId {
    /// The ID's own spelling, as a borrowed string usable in `Cow` fields.
    pub fn as_cow(self) -> Cow<'static, str> {
        Cow::Borrowed(self.id())
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // IDs are catalogue literals of capitals, digits and `-` (checked by a test).
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        RuleId::from_id(&s).ok_or_else(|| serde::de::Error::custom("unknown rule ID"))
    }
}

impl JsonSchema for RuleId {
    fn schema_name() -> Cow<'static, str> {
        "RuleId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.id()).collect();
        schemars::json_schema!({
            "description": "A rule's stable ID; see rules-spec/rules/.",
            "type": "string",
            "enum": ids
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for r in RuleId::ALL {
            assert!(seen.insert(r.id()), "duplicate rule ID {}", r.id());
            assert_eq!(RuleId::from_id(r.id()), Some(*r));
        }
    }

    #[test]
    fn ids_and_sources_need_no_json_escape() {
        // the answer writes both without the escape scan (`crate::json::Plain`)
        for r in RuleId::ALL {
            for text in [r.id(), r.source()] {
                assert!(
                    !text.chars().any(|c| c == '"' || c == '\\' || c < ' '),
                    "{text:?}"
                );
                assert_eq!(serde_json::to_string(text).unwrap(), format!("\"{text}\""));
            }
            assert_eq!(serde_json::to_string(r).unwrap(), format!("\"{}\"", r.id()));
        }
    }
}
