//! The Chinese and English sentences of each finding, written from its rule, verdict and
//! figures. Sentences show money to the fen; the figures keep the exact values.

use std::fmt;

use rust_decimal::Decimal;

use super::catalogue::RuleId;
use super::finding::{FigureValue, Finding, Verdict};
use crate::money::{DateText, DecimalText};

/// The language of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    Zh,
    En,
}

pub(crate) struct F<'a>(pub(crate) &'a Finding);

impl<'a> F<'a> {
    /// A figure shown for a sentence.
    pub(crate) fn s(&self, name: &str) -> Shown<'a> {
        Shown::figure(self.0.figure(name))
    }

    pub(crate) fn code(&self, name: &str) -> &'a str {
        match self.0.figure(name) {
            Some(FigureValue::Code(c)) => c,
            _ => "",
        }
    }

    /// The distance to the threshold, as money.
    pub(crate) fn dist(&self) -> Shown<'a> {
        Shown::money(self.0.distance)
    }

    /// Writes the member prefix, `成员 m2：` or `Member m2: `; nothing for the household.
    fn who(&self, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
        let Some(k) = self.0.member.as_deref() else {
            return Ok(());
        };
        let (before, after) = match lang {
            Lang::Zh => ("成员 ", "："),
            Lang::En => ("Member ", ": "),
        };
        w.write_str(before)?;
        w.write_str(k)?;
        w.write_str(after)
    }
}

/// A figure as a sentence shows it: money to the fen (half up), shares as percentages, numbers
/// and dates as they are, `—` when the finding lacks the figure. It is written straight into the
/// sentence, with no intermediate string.
pub(crate) struct Shown<'a> {
    figure: Option<&'a FigureValue>,
    money: Option<Decimal>,
}

impl<'a> Shown<'a> {
    /// Shows a figure by its kind.
    pub(crate) fn figure(figure: Option<&'a FigureValue>) -> Self {
        Shown {
            figure,
            money: None,
        }
    }

    /// Shows an amount of money.
    pub(crate) fn money(money: Option<Decimal>) -> Self {
        Shown {
            figure: None,
            money,
        }
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let money = self.money.or(match self.figure {
            Some(FigureValue::Yuan(d)) => Some(*d),
            _ => None,
        });
        match (self.figure, money) {
            (_, Some(d)) => f.write_str(DecimalText::fen(d).as_str()),
            (Some(FigureValue::Number(d) | FigureValue::Area(d)), None) => {
                f.write_str(DecimalText::normalized(*d).as_str())
            }
            (Some(FigureValue::Ratio(d)), None) => {
                let pct = d.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(*d);
                f.write_str(DecimalText::normalized(pct).as_str())?;
                f.write_str("%")
            }
            (Some(FigureValue::Date(d)), None) => DateText(*d).fmt(f),
            (Some(FigureValue::Code(c)), None) => f.write_str(c),
            (None | Some(FigureValue::Yuan(_)), None) => f.write_str("—"),
        }
    }
}

fn zh_class(code: &str) -> &'static str {
    match code {
        "class_1" => "一类",
        "class_2" => "二类",
        "class_3" => "三类",
        "class_4" => "四类",
        _ => "",
    }
}

/// The Chinese name of a code used in figures; codes without one are shown as they are.
pub(crate) fn zh(code: &str) -> &str {
    match code {
        "applicant" => "申请人",
        "spouse" => "配偶",
        "child" => "子女",
        "parent" => "父母",
        "grandparent" => "祖父母、外祖父母",
        "grandchild" => "孙子女、外孙子女",
        "sibling" => "兄弟姐妹",
        "a_applicant_or_spouse" => "申请人或配偶",
        "b_minor_child" => "未成年子女",
        "c_dependent_adult_child" => "无法独立生活的成年子女",
        "d_support_duty_and_co_resident" => "有法定赡养、抚养或扶养义务且长期共同居住",
        "wage" => "工资性收入",
        "business" => "经营净收入",
        "property" => "财产净收入",
        "transfer" => "转移性收入",
        "transfer_paid" => "转移性支出",
        "other" => "其他收入",
        "disregarded" => "不计入收入项目",
        "farming" => "种植业收入",
        "livestock" => "养殖业收入",
        "land_sublet" => "转租承包土地收入",
        "residents_basic_pension" => "城乡居民基础养老金",
        "preferential_treatment" => "优待抚恤金",
        "family_planning" => "计划生育奖励与扶助金",
        "scholarship" => "奖学金",
        "bravery_award" => "见义勇为奖励",
        "social_assistance" => "社会救助款物",
        "old_age_allowance" => "高龄津贴",
        "local_disregard" => "地方规定不计入项目",
        "car" => "小汽车",
        "truck" => "货车",
        "motorcycle" => "摩托车",
        "tricycle" => "三轮车",
        "farm_machinery" => "农用机械",
        "sole_trader" => "个体工商户",
        "enterprise" => "企业",
        "shareholder" => "公司股东",
        "farmer_cooperative" => "农民专业合作社",
        "no_member_able_to_work" => "家庭成员均无劳动能力",
        "member_severe_disability" => "有重度残疾成员",
        "member_serious_illness" => "有重病成员",
        "member_elderly" => "有老年成员",
        "single_elderly" => "单身老人",
        "half_up" => "四舍五入",
        "ceiling" => "进一",
        "floor" => "去尾",
        "none" => "不取整",
        other => other,
    }
}

fn zh_status(code: &str) -> &'static str {
    match code {
        "imprisoned" => "服刑",
        "compulsory_drug_rehabilitation" => "强制隔离戒毒",
        "declared_missing" => "宣告失踪",
        "clergy_living_apart" => "宗教教职人员脱离家庭",
        "conscript" => "服义务兵役",
        _ => "其他状态",
    }
}

/// A code shown with spaces for underscores: `traffic_accident` as `traffic accident`.
pub(crate) struct Spaced<'a>(pub(crate) &'a str);

impl fmt::Display for Spaced<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut words = self.0.split('_');
        if let Some(first) = words.next() {
            f.write_str(first)?;
        }
        for word in words {
            f.write_str(" ")?;
            f.write_str(word)?;
        }
        Ok(())
    }
}

/// Text that is written when shown, by a closure: a part of a sentence used in several places,
/// or shown only under a condition, without building a string for it.
pub(crate) struct Lazy<C>(pub(crate) C);

impl<C: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> fmt::Display for Lazy<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)(f)
    }
}

/// The sentence of a finding in one language, written straight into whatever shows it (the
/// JSON answer, or a string for [`Finding::text_zh`]).
pub(crate) struct Sentence<'a>(pub(crate) &'a Finding, pub(crate) Lang);

impl fmt::Display for Sentence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        render(self.0, self.1, f)
    }
}

/// Writes the sentence for a finding: the member prefix, then the body.
pub(crate) fn render(f: &Finding, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let x = F(f);
    let pass = f.verdict == Verdict::Pass;
    x.who(lang, w)?;
    match (f.rule, lang) {
        (RuleId::Hh2, Lang::Zh) => match (pass, x.code("ground")) {
            (true, g) => write!(
                w,
                "计入共同生活家庭成员（{}，{}）",
                zh(x.code("relation")),
                zh(g)
            ),
            (false, "not_co_resident") => w.write_str("不计入：未与家庭长期共同居住"),
            (false, _) => w.write_str("不计入：与申请人无法定赡养、抚养或扶养关系"),
        },
        (RuleId::Hh2, Lang::En) => match (pass, x.code("ground")) {
            (true, g) => write!(
                w,
                "counted as a household member (relation {}, ground {})",
                x.s("relation"),
                g
            ),
            (false, "not_co_resident") => {
                w.write_str("not counted: does not live with the household long-term")
            }
            (false, _) => w.write_str("not counted: no statutory support duty with the applicant"),
        },
        (RuleId::Hh3 | RuleId::Hh4, Lang::Zh) => {
            let s = zh_status(x.code("status"));
            if pass {
                if f.figure("years_required").is_some() {
                    write!(
                        w,
                        "{s}仅 {} 年，未满 {} 年，仍计入家庭成员",
                        x.s("years_apart"),
                        x.s("years_required")
                    )
                } else {
                    write!(w, "{s}不在本地不计入人员范围内，仍计入家庭成员")
                }
            } else {
                write!(w, "{s}，不计入共同生活家庭成员")
            }
        }
        (RuleId::Hh3 | RuleId::Hh4, Lang::En) => {
            let s = Spaced(x.code("status"));
            if pass {
                if f.figure("years_required").is_some() {
                    write!(
                        w,
                        "{s} for only {} years (fewer than {}): still counted",
                        x.s("years_apart"),
                        x.s("years_required")
                    )
                } else {
                    write!(w, "{s} is not an exclusion here: still counted")
                }
            } else {
                write!(w, "{s}: not counted as a household member")
            }
        }
        (RuleId::Hh5, Lang::Zh) => {
            if pass {
                w.write_str("家庭为低保边缘家庭，本人可单独提出申请（单人保）")
            } else {
                w.write_str("家庭不是低保边缘家庭，不能单独纳入低保")
            }
        }
        (RuleId::Hh5, Lang::En) => {
            if pass {
                w.write_str("the household is a marginal family, so this member may be covered individually")
            } else {
                w.write_str(
                    "the household is not a marginal family, so individual coverage is not open",
                )
            }
        }
        (RuleId::Hh6, Lang::Zh) => {
            write!(
                w,
                "成年无业重度残疾人（{} 岁），可参照单人户申请",
                x.s("age")
            )
        }
        (RuleId::Hh6, Lang::En) => write!(
            w,
            "adult ({}) with severe disability and no work: may be covered as a single-person unit",
            x.s("age")
        ),
        (RuleId::Hh7, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "全部 {} 名共同生活家庭成员一并纳入，不得只纳入部分成员",
                    x.s("members_covered")
                )
            } else {
                w.write_str("家庭整体不符合条件，只能按单人保途径考虑个别成员")
            }
        }
        (RuleId::Hh7, Lang::En) => {
            if pass {
                write!(
                    w,
                    "all {} counted members are covered together; no partial coverage",
                    x.s("members_covered")
                )
            } else {
                w.write_str(
                    "the household does not qualify as a whole; only individual routes remain",
                )
            }
        }
        (RuleId::Inc2, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "家庭月可计收入 {} 元（工资 {}，经营 {}，财产 {}，转移 {}，转移支出 {}，其他 {}，折算 {}，扣减 {}）",
                    x.s("countable"),
                    x.s("wage"),
                    x.s("business"),
                    x.s("property"),
                    x.s("transfer"),
                    x.s("transfer_paid"),
                    x.s("other"),
                    x.s("imputed"),
                    x.s("deductions")
                )
            } else {
                write!(
                    w,
                    "{} 元收入不计入：该成员不是共同生活家庭成员",
                    x.s("amount")
                )
            }
        }
        (RuleId::Inc2, Lang::En) => {
            if pass {
                write!(
                    w,
                    "household countable income {} a month (wage {}, business {}, property {}, transfer {}, transfers paid {}, other {}, imputed {}, deductions {})",
                    x.s("countable"),
                    x.s("wage"),
                    x.s("business"),
                    x.s("property"),
                    x.s("transfer"),
                    x.s("transfer_paid"),
                    x.s("other"),
                    x.s("imputed"),
                    x.s("deductions")
                )
            } else {
                write!(
                    w,
                    "income of {} not counted: the member is not a counted member",
                    x.s("amount")
                )
            }
        }
        (RuleId::Inc3, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "{}按现行参数计入收入（月 {} 元）",
                    zh(x.code("kind")),
                    x.s("monthly")
                )
            } else {
                write!(
                    w,
                    "{}不计入家庭收入（月 {} 元）",
                    zh(x.code("kind")),
                    x.s("monthly")
                )
            }
        }
        (RuleId::Inc3, Lang::En) => {
            if pass {
                write!(
                    w,
                    "{} counts as income under the parameters in force ({} a month)",
                    x.s("kind"),
                    x.s("monthly")
                )
            } else {
                write!(
                    w,
                    "{} is disregarded ({} a month)",
                    x.s("kind"),
                    x.s("monthly")
                )
            }
        }
        (RuleId::Inc4, Lang::Zh) => {
            if pass {
                w.write_str("无扣减项目")
            } else {
                write!(
                    w,
                    "扣减 {} 元/月（就业成本 {}，因残因病支出 {}）",
                    x.s("deducted"),
                    x.s("job_cost"),
                    x.s("illness_disability_costs")
                )
            }
        }
        (RuleId::Inc4, Lang::En) => {
            if pass {
                w.write_str("no deduction applies")
            } else {
                write!(
                    w,
                    "{} a month deducted (job costs {}, disability or illness costs {})",
                    x.s("deducted"),
                    x.s("job_cost"),
                    x.s("illness_disability_costs")
                )
            }
        }
        (RuleId::Inc6, Lang::Zh) => {
            if pass {
                w.write_str("已登记失业、确实无法就业，按实际困难认定，不折算收入")
            } else {
                write!(
                    w,
                    "有劳动能力但无劳动收入，按最低工资 {} 的 {} 折算收入 {} 元/月",
                    x.s("min_wage"),
                    x.s("share"),
                    x.s("imputed")
                )
            }
        }
        (RuleId::Inc6, Lang::En) => {
            if pass {
                w.write_str("registered unemployed and unable to find work: no income imputed")
            } else {
                write!(
                    w,
                    "able to work but no work income: {} a month imputed ({} of the minimum wage {})",
                    x.s("imputed"),
                    x.s("share"),
                    x.s("min_wage")
                )
            }
        }
        (RuleId::Inc7, Lang::Zh) => write!(
            w,
            "{}计为{}（申报为{}），月 {} 元",
            zh(x.code("kind")),
            zh(x.code("counted_as")),
            zh(x.code("declared_category")),
            x.s("monthly")
        ),
        (RuleId::Inc7, Lang::En) => write!(
            w,
            "{} income counted as {} (declared {}), {} a month",
            x.s("kind"),
            x.s("counted_as"),
            x.s("declared_category"),
            x.s("monthly")
        ),
        (RuleId::Inc8, Lang::Zh) => write!(
            w,
            "收入计算期 {} 至 {}（{} 个月）：期内记录 {} 条，按天折算 {} 条，期外 {} 条",
            x.s("period_start"),
            x.s("period_end"),
            x.s("months"),
            x.s("records_inside"),
            x.s("records_prorated"),
            x.s("records_outside")
        ),
        (RuleId::Inc8, Lang::En) => write!(
            w,
            "reference period {} to {} ({} months): {} records inside, {} prorated by day, {} outside",
            x.s("period_start"),
            x.s("period_end"),
            x.s("months"),
            x.s("records_inside"),
            x.s("records_prorated"),
            x.s("records_outside")
        ),
        (RuleId::Inc9, Lang::Zh) => {
            if f.verdict == Verdict::Unknown {
                w.write_str("没有计入的家庭成员，无法计算人均收入，需人工核查")
            } else {
                write!(
                    w,
                    "家庭月收入 {} 元 ÷ {} 人 = 月人均 {} 元",
                    x.s("household_income"),
                    x.s("counted_members"),
                    x.s("per_capita_income")
                )
            }
        }
        (RuleId::Inc9, Lang::En) => {
            if f.verdict == Verdict::Unknown {
                w.write_str(
                    "no counted member, so income per head cannot be computed: review needed",
                )
            } else {
                write!(
                    w,
                    "household income {} ÷ {} persons = {} per head a month",
                    x.s("household_income"),
                    x.s("counted_members"),
                    x.s("per_capita_income")
                )
            }
        }
        (RuleId::Ast4, Lang::Zh) => write!(
            w,
            "金融资产 {} 元{}限额 {} 元（{} 个月标准 × {} 人），相差 {} 元",
            x.s("financial_assets"),
            if pass { "未超过" } else { "超过" },
            x.s("limit"),
            x.s("limit_months"),
            x.s("persons"),
            x.dist()
        ),
        (RuleId::Ast4, Lang::En) => write!(
            w,
            "financial assets {} {} the limit {} ({} months of the standard × {} persons), by {}",
            x.s("financial_assets"),
            if pass { "within" } else { "above" },
            x.s("limit"),
            x.s("limit_months"),
            x.s("persons"),
            x.dist()
        ),
        (RuleId::Ast5, Lang::Zh) => match x.code("reason") {
            "no_vehicle" => w.write_str("无登记机动车"),
            "disability_mobility_exempt" => write!(
                w,
                "{}为残疾人功能性补偿代步车，不影响认定",
                zh(x.code("vehicle_kind"))
            ),
            "exempt_kind" => write!(w, "{}属豁免车辆类型", zh(x.code("vehicle_kind"))),
            _ => write!(
                w,
                "登记有机动车（{}，价值 {} 元），不符合财产条件",
                zh(x.code("vehicle_kind")),
                x.s("value")
            ),
        },
        (RuleId::Ast5, Lang::En) => match x.code("reason") {
            "no_vehicle" => w.write_str("no motor vehicle registered"),
            "disability_mobility_exempt" => write!(
                w,
                "{} is a disability mobility vehicle: exempt",
                x.s("vehicle_kind")
            ),
            "exempt_kind" => write!(w, "{} is an exempt kind of vehicle", x.s("vehicle_kind")),
            _ => write!(
                w,
                "owns a motor vehicle ({}, value {}): fails the asset test",
                x.s("vehicle_kind"),
                x.s("value")
            ),
        },
        (RuleId::Ast6, Lang::Zh) => write!(
            w,
            "城镇住房 {} 套（上限 {}），人均计入面积 {} 平方米（上限 {}）{}",
            x.s("urban_homes"),
            x.s("max_urban_homes"),
            x.s("area_per_person"),
            x.s("max_area_per_person"),
            if pass {
                "，符合"
            } else {
                "，不符合住房条件"
            }
        ),
        (RuleId::Ast6, Lang::En) => write!(
            w,
            "{} homes in town (limit {}), {} m² per person (limit {}){}",
            x.s("urban_homes"),
            x.s("max_urban_homes"),
            x.s("area_per_person"),
            x.s("max_area_per_person"),
            if pass {
                ": within"
            } else {
                ": fails the housing test"
            }
        ),
        (RuleId::Ast7, Lang::Zh) => match x.code("reason") {
            "no_business" => w.write_str("无市场主体登记"),
            "inactive" => write!(w, "{}登记已停业，不影响认定", zh(x.code("business_kind"))),
            "permitted" => write!(w, "{}登记不影响认定", zh(x.code("business_kind"))),
            "capital_above_limit" => write!(
                w,
                "个体工商户注册资本 {} 元超过 {} 元",
                x.s("registered_capital"),
                x.s("capital_limit")
            ),
            _ => write!(w, "登记为{}，不符合财产条件", zh(x.code("business_kind"))),
        },
        (RuleId::Ast7, Lang::En) => match x.code("reason") {
            "no_business" => w.write_str("no business registration"),
            "inactive" => write!(
                w,
                "{} registration no longer trading: no effect",
                x.s("business_kind")
            ),
            "permitted" => write!(
                w,
                "{} registration does not disqualify",
                x.s("business_kind")
            ),
            "capital_above_limit" => write!(
                w,
                "sole trader with registered capital {} above {}",
                x.s("registered_capital"),
                x.s("capital_limit")
            ),
            _ => write!(
                w,
                "registered as {}: fails the asset test",
                x.s("business_kind")
            ),
        },
        (RuleId::Ast8, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "{} 以来无 {} 元以上大额消费",
                    x.s("since"),
                    x.s("threshold")
                )
            } else {
                write!(
                    w,
                    "{} 大额消费 {} 元（不低于 {} 元），需入户核实",
                    x.s("date"),
                    x.s("amount"),
                    x.s("threshold")
                )
            }
        }
        (RuleId::Ast8, Lang::En) => {
            if pass {
                write!(
                    w,
                    "no purchase of {} or more since {}",
                    x.s("threshold"),
                    x.s("since")
                )
            } else {
                write!(
                    w,
                    "purchase of {} on {} (threshold {}): a field check is needed",
                    x.s("amount"),
                    x.s("date"),
                    x.s("threshold")
                )
            }
        }
        (RuleId::Db1, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "月人均收入 {} 元低于低保标准 {} 元，差 {} 元",
                    x.s("per_capita_income"),
                    x.s("standard"),
                    x.dist()
                )
            } else {
                write!(
                    w,
                    "月人均收入 {} 元不低于低保标准 {} 元，高出 {} 元",
                    x.s("per_capita_income"),
                    x.s("standard"),
                    x.dist()
                )
            }
        }
        (RuleId::Db1, Lang::En) => {
            if pass {
                write!(
                    w,
                    "income per head {} is below the standard {} by {}",
                    x.s("per_capita_income"),
                    x.s("standard"),
                    x.dist()
                )
            } else {
                write!(
                    w,
                    "income per head {} is not below the standard {}: {} a month above the line",
                    x.s("per_capita_income"),
                    x.s("standard"),
                    x.dist()
                )
            }
        }
        (RuleId::Db3 | RuleId::Db15, Lang::Zh) => write!(
            w,
            "差额补助 = 标准 {} × {} 人 − 月收入 {} = {} 元",
            x.s("standard"),
            x.s("persons"),
            x.s("household_income"),
            x.s("gap")
        ),
        (RuleId::Db3 | RuleId::Db15, Lang::En) => write!(
            w,
            "gap = standard {} × {} persons − income {} = {}",
            x.s("standard"),
            x.s("persons"),
            x.s("household_income"),
            x.s("gap")
        ),
        (RuleId::Db5, Lang::Zh) => {
            let c = zh_class(x.code("class"));
            match (x.code("class"), pass) {
                ("class_3", true) => write!(
                    w,
                    "人均收入 {} 元低于标准的 {}（{} 元），列为三类",
                    x.s("per_capita_income"),
                    x.s("share"),
                    x.s("line")
                ),
                ("class_3", false) => write!(
                    w,
                    "人均收入 {} 元不低于标准的 {}（{} 元），不列为三类",
                    x.s("per_capita_income"),
                    x.s("share"),
                    x.s("line")
                ),
                ("class_4", _) => w.write_str("不符合一至三类条件，列为四类"),
                (_, true) => write!(w, "符合{c}条件（{}）", zh(x.code("criterion"))),
                (_, false) => write!(w, "不符合{c}条件"),
            }
        }
        (RuleId::Db5, Lang::En) => {
            let c = Spaced(x.code("class"));
            match (x.code("class"), pass) {
                ("class_3", true) => write!(
                    w,
                    "income per head {} below {} of the standard ({}): class 3",
                    x.s("per_capita_income"),
                    x.s("share"),
                    x.s("line")
                ),
                ("class_3", false) => write!(
                    w,
                    "income per head {} not below {} of the standard ({}): not class 3",
                    x.s("per_capita_income"),
                    x.s("share"),
                    x.s("line")
                ),
                ("class_4", _) => w.write_str("none of classes 1–3 applies: class 4"),
                (_, true) => write!(w, "{c} criterion met ({})", x.s("criterion")),
                (_, false) => write!(w, "no {c} criterion met"),
            }
        }
        (RuleId::Db5Rate, Lang::Zh) => match x.code("method") {
            "full_standard" => write!(w, "一类按低保标准 {} 元/人·月", x.s("rate")),
            "share_rounded_half_up" => write!(
                w,
                "二类 = 一类 {} × {}，四舍五入到元 = {} 元/人·月",
                x.s("class_1"),
                x.s("share"),
                x.s("rate")
            ),
            "published_figure" => write!(
                w,
                "二类采用公布数额 {} 元/人·月（按比例计算为 {}）",
                x.s("rate"),
                x.s("computed")
            ),
            _ => write!(
                w,
                "{}补助 {} 元/人·月",
                zh_class(x.code("class")),
                x.s("rate")
            ),
        },
        (RuleId::Db5Rate, Lang::En) => match x.code("method") {
            "full_standard" => write!(
                w,
                "class 1 pays the standard, {} per person a month",
                x.s("rate")
            ),
            "share_rounded_half_up" => write!(
                w,
                "class 2 = class 1 {} × {}, rounded half-up to the yuan = {} per person a month",
                x.s("class_1"),
                x.s("share"),
                x.s("rate")
            ),
            "published_figure" => write!(
                w,
                "class 2 uses the published figure {} per person a month (the share gives {})",
                x.s("rate"),
                x.s("computed")
            ),
            _ => write!(
                w,
                "{} pays {} per person a month",
                Spaced(x.code("class")),
                x.s("rate")
            ),
        },
        (RuleId::Db6, Lang::Zh) => match f.verdict {
            Verdict::NotApplicable => w.write_str("本地未设最低补助额"),
            Verdict::Fail => write!(
                w,
                "补助 {} 元低于最低补助额 {} 元，按最低额发放",
                x.s("amount"),
                x.s("minimum")
            ),
            _ => write!(
                w,
                "补助 {} 元不低于最低补助额 {} 元",
                x.s("amount"),
                x.s("minimum")
            ),
        },
        (RuleId::Db6, Lang::En) => match f.verdict {
            Verdict::NotApplicable => w.write_str("no minimum payment is set here"),
            Verdict::Fail => write!(
                w,
                "amount {} below the minimum {}: the minimum is paid",
                x.s("amount"),
                x.s("minimum")
            ),
            _ => write!(
                w,
                "amount {} not below the minimum {}",
                x.s("amount"),
                x.s("minimum")
            ),
        },
        (RuleId::Edge1, Lang::Zh) => {
            if x.code("reason") == "eligible_for_minimum_living" {
                w.write_str("家庭符合低保条件，不认定为低保边缘家庭")
            } else if pass {
                write!(
                    w,
                    "月人均收入 {} 元低于边缘线 {} 元（标准 {} × {}），差 {} 元",
                    x.s("per_capita_income"),
                    x.s("line"),
                    x.s("standard"),
                    x.s("multiplier"),
                    x.dist()
                )
            } else {
                write!(
                    w,
                    "月人均收入 {} 元不低于边缘线 {} 元，高出 {} 元",
                    x.s("per_capita_income"),
                    x.s("line"),
                    x.dist()
                )
            }
        }
        (RuleId::Edge1, Lang::En) => {
            if x.code("reason") == "eligible_for_minimum_living" {
                w.write_str("the household qualifies for dibao, so it is not a marginal family")
            } else if pass {
                write!(
                    w,
                    "income per head {} is below the marginal line {} ({} × {}) by {}",
                    x.s("per_capita_income"),
                    x.s("line"),
                    x.s("multiplier"),
                    x.s("standard"),
                    x.dist()
                )
            } else {
                write!(
                    w,
                    "income per head {} is not below the marginal line {}: {} above",
                    x.s("per_capita_income"),
                    x.s("line"),
                    x.dist()
                )
            }
        }
        (RuleId::Pay3, Lang::Zh) => write!(
            w,
            "按 {} 元单位{}：{} → {} 元",
            x.s("unit"),
            zh(x.code("mode")),
            x.s("exact"),
            x.s("rounded")
        ),
        (RuleId::Pay3, Lang::En) => write!(
            w,
            "rounded to units of {} ({}): {} → {}",
            x.s("unit"),
            x.s("mode"),
            x.s("exact"),
            x.s("rounded")
        ),
        (RuleId::Pay4, Lang::Zh) => {
            if f.verdict == Verdict::NotApplicable {
                w.write_str("城市低保标准按月公布，无需折算")
            } else {
                write!(
                    w,
                    "农村年标准 {} 元 ÷ 12 = 月标准 {} 元",
                    x.s("annual"),
                    x.s("monthly")
                )
            }
        }
        (RuleId::Pay4, Lang::En) => {
            if f.verdict == Verdict::NotApplicable {
                w.write_str("the urban standard is monthly: no conversion")
            } else {
                write!(
                    w,
                    "rural annual standard {} ÷ 12 = {} a month",
                    x.s("annual"),
                    x.s("monthly")
                )
            }
        }
        (
            RuleId::VerAuth
            | RuleId::VerReq
            | RuleId::VerVehicle
            | RuleId::VerProperty
            | RuleId::VerBalance
            | RuleId::VerWage
            | RuleId::VerPension
            | RuleId::VerBusiness
            | RuleId::VerDisability
            | RuleId::VerDeath
            | RuleId::VerPrison
            | RuleId::VerSchool
            | RuleId::VerMedical
            | RuleId::VerEffect
            | RuleId::MonContinue
            | RuleId::MonAdjust
            | RuleId::MonExit
            | RuleId::MonTerminate
            | RuleId::MonEnrol
            | RuleId::MonReview
            | RuleId::MonRedMissed
            | RuleId::MonRedSudden
            | RuleId::MonOrangeDecisive
            | RuleId::MonYellowNear
            | RuleId::MonYellowMaterial
            | RuleId::MonYellowOverdue
            | RuleId::MonBlueMinor
            | RuleId::MonOrangeRelief,
            lang,
        ) => super::text_verify::render(f, lang, w),
        (
            RuleId::Tk1
            | RuleId::Tk2
            | RuleId::Tk3
            | RuleId::Tk4
            | RuleId::Tk5
            | RuleId::Tk6
            | RuleId::Tk7
            | RuleId::Tk8
            | RuleId::Tk9
            | RuleId::Tk10
            | RuleId::Tk11
            | RuleId::Tk12
            | RuleId::Tk13
            | RuleId::Tk14
            | RuleId::Tk15
            | RuleId::Rig1
            | RuleId::Rig2
            | RuleId::Rig3
            | RuleId::Rig4
            | RuleId::Rig5
            | RuleId::Rig6
            | RuleId::Rig7
            | RuleId::Rig8
            | RuleId::Tr1
            | RuleId::Tr2
            | RuleId::Tr3
            | RuleId::Tr4
            | RuleId::Tr7
            | RuleId::Tr5
            | RuleId::Tr6,
            _,
        ) => super::text_special::body(f, lang == Lang::Zh, w),
    }
}
