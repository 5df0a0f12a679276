//! The Chinese and English sentences of each finding, written from its rule, verdict and
//! figures. Sentences show money to the fen; the figures keep the exact values.

use std::fmt;

use rust_decimal::Decimal;

use super::catalogue::RuleId;
use super::finding::{FigureValue, Finding, Verdict};
use crate::dates::DateText;
use crate::money::DecimalText;

/// A part of a sentence that writes itself straight into the sentence: fixed text, a figure, a
/// code. Sentences are written piece by piece with [`put!`] rather than with `write!`, which would
/// take every piece through `core::fmt`'s formatting machinery.
pub(crate) trait Piece {
    /// Writes the piece.
    fn put(&self, w: &mut dyn fmt::Write) -> fmt::Result;
}

impl Piece for str {
    fn put(&self, w: &mut dyn fmt::Write) -> fmt::Result {
        w.write_str(self)
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn put(&self, w: &mut dyn fmt::Write) -> fmt::Result {
        (**self).put(w)
    }
}

/// Writes a sentence from its pieces in order: `put!(w, "月人均收入 ", x.s("income"), " 元")`.
macro_rules! put {
    ($w:expr, $($piece:expr),+ $(,)?) => {{
        let w: &mut dyn ::std::fmt::Write = $w;
        Ok(())$(.and_then(|()| $crate::explain::text::Piece::put(&$piece, &mut *w)))+
    }};
}
pub(crate) use put;

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
        self.put(f)
    }
}

impl Piece for Shown<'_> {
    fn put(&self, f: &mut dyn fmt::Write) -> fmt::Result {
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
            (Some(FigureValue::Date(d)), None) => DateText(*d).put(f),
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
        self.put(f)
    }
}

impl Piece for Spaced<'_> {
    fn put(&self, f: &mut dyn fmt::Write) -> fmt::Result {
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

impl<C: Fn(&mut fmt::Formatter<'_>) -> fmt::Result> Piece for Lazy<C> {
    fn put(&self, w: &mut dyn fmt::Write) -> fmt::Result {
        w.write_fmt(format_args!("{self}"))
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
            (true, g) => put!(
                w,
                "计入共同生活家庭成员（",
                zh(x.code("relation")),
                "，",
                zh(g),
                "）"
            ),
            (false, "not_co_resident") => w.write_str("不计入：未与家庭长期共同居住"),
            (false, _) => w.write_str("不计入：与申请人无法定赡养、抚养或扶养关系"),
        },
        (RuleId::Hh2, Lang::En) => match (pass, x.code("ground")) {
            (true, g) => put!(
                w,
                "counted as a household member (relation ",
                x.s("relation"),
                ", ground ",
                g,
                ")"
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
                    put!(
                        w,
                        s,
                        "仅 ",
                        x.s("years_apart"),
                        " 年，未满 ",
                        x.s("years_required"),
                        " 年，仍计入家庭成员"
                    )
                } else {
                    put!(w, s, "不在本地不计入人员范围内，仍计入家庭成员")
                }
            } else {
                put!(w, s, "，不计入共同生活家庭成员")
            }
        }
        (RuleId::Hh3 | RuleId::Hh4, Lang::En) => {
            let s = Spaced(x.code("status"));
            if pass {
                if f.figure("years_required").is_some() {
                    put!(
                        w,
                        s,
                        " for only ",
                        x.s("years_apart"),
                        " years (fewer than ",
                        x.s("years_required"),
                        "): still counted"
                    )
                } else {
                    put!(w, s, " is not an exclusion here: still counted")
                }
            } else {
                put!(w, s, ": not counted as a household member")
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
            put!(
                w,
                "成年无业重度残疾人（",
                x.s("age"),
                " 岁），可参照单人户申请"
            )
        }
        (RuleId::Hh6, Lang::En) => put!(
            w,
            "adult (",
            x.s("age"),
            ") with severe disability and no work: may be covered as a single-person unit"
        ),
        (RuleId::Hh7, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    "全部 ",
                    x.s("members_covered"),
                    " 名共同生活家庭成员一并纳入，不得只纳入部分成员"
                )
            } else {
                w.write_str("家庭整体不符合条件，只能按单人保途径考虑个别成员")
            }
        }
        (RuleId::Hh7, Lang::En) => {
            if pass {
                put!(
                    w,
                    "all ",
                    x.s("members_covered"),
                    " counted members are covered together; no partial coverage"
                )
            } else {
                w.write_str(
                    "the household does not qualify as a whole; only individual routes remain",
                )
            }
        }
        (RuleId::Inc2, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    "家庭月可计收入 ",
                    x.s("countable"),
                    " 元（工资 ",
                    x.s("wage"),
                    "，经营 ",
                    x.s("business"),
                    "，财产 ",
                    x.s("property"),
                    "，转移 ",
                    x.s("transfer"),
                    "，转移支出 ",
                    x.s("transfer_paid"),
                    "，其他 ",
                    x.s("other"),
                    "，折算 ",
                    x.s("imputed"),
                    "，扣减 ",
                    x.s("deductions"),
                    "）"
                )
            } else {
                put!(
                    w,
                    x.s("amount"),
                    " 元收入不计入：该成员不是共同生活家庭成员"
                )
            }
        }
        (RuleId::Inc2, Lang::En) => {
            if pass {
                put!(
                    w,
                    "household countable income ",
                    x.s("countable"),
                    " a month (wage ",
                    x.s("wage"),
                    ", business ",
                    x.s("business"),
                    ", property ",
                    x.s("property"),
                    ", transfer ",
                    x.s("transfer"),
                    ", transfers paid ",
                    x.s("transfer_paid"),
                    ", other ",
                    x.s("other"),
                    ", imputed ",
                    x.s("imputed"),
                    ", deductions ",
                    x.s("deductions"),
                    ")"
                )
            } else {
                put!(
                    w,
                    "income of ",
                    x.s("amount"),
                    " not counted: the member is not a counted member"
                )
            }
        }
        (RuleId::Inc3, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    zh(x.code("kind")),
                    "按现行参数计入收入（月 ",
                    x.s("monthly"),
                    " 元）"
                )
            } else {
                put!(
                    w,
                    zh(x.code("kind")),
                    "不计入家庭收入（月 ",
                    x.s("monthly"),
                    " 元）"
                )
            }
        }
        (RuleId::Inc3, Lang::En) => {
            if pass {
                put!(
                    w,
                    x.s("kind"),
                    " counts as income under the parameters in force (",
                    x.s("monthly"),
                    " a month)"
                )
            } else {
                put!(
                    w,
                    x.s("kind"),
                    " is disregarded (",
                    x.s("monthly"),
                    " a month)"
                )
            }
        }
        (RuleId::Inc4, Lang::Zh) => {
            if pass {
                w.write_str("无扣减项目")
            } else {
                put!(
                    w,
                    "扣减 ",
                    x.s("deducted"),
                    " 元/月（就业成本 ",
                    x.s("job_cost"),
                    "，因残因病支出 ",
                    x.s("illness_disability_costs"),
                    "）"
                )
            }
        }
        (RuleId::Inc4, Lang::En) => {
            if pass {
                w.write_str("no deduction applies")
            } else {
                put!(
                    w,
                    x.s("deducted"),
                    " a month deducted (job costs ",
                    x.s("job_cost"),
                    ", disability or illness costs ",
                    x.s("illness_disability_costs"),
                    ")"
                )
            }
        }
        (RuleId::Inc6, Lang::Zh) => {
            if pass {
                w.write_str("已登记失业、确实无法就业，按实际困难认定，不折算收入")
            } else {
                put!(
                    w,
                    "有劳动能力但无劳动收入，按最低工资 ",
                    x.s("min_wage"),
                    " 的 ",
                    x.s("share"),
                    " 折算收入 ",
                    x.s("imputed"),
                    " 元/月"
                )
            }
        }
        (RuleId::Inc6, Lang::En) => {
            if pass {
                w.write_str("registered unemployed and unable to find work: no income imputed")
            } else {
                put!(
                    w,
                    "able to work but no work income: ",
                    x.s("imputed"),
                    " a month imputed (",
                    x.s("share"),
                    " of the minimum wage ",
                    x.s("min_wage"),
                    ")"
                )
            }
        }
        (RuleId::Inc7, Lang::Zh) => put!(
            w,
            zh(x.code("kind")),
            "计为",
            zh(x.code("counted_as")),
            "（申报为",
            zh(x.code("declared_category")),
            "），月 ",
            x.s("monthly"),
            " 元"
        ),
        (RuleId::Inc7, Lang::En) => put!(
            w,
            x.s("kind"),
            " income counted as ",
            x.s("counted_as"),
            " (declared ",
            x.s("declared_category"),
            "), ",
            x.s("monthly"),
            " a month"
        ),
        (RuleId::Inc8, Lang::Zh) => put!(
            w,
            "收入计算期 ",
            x.s("period_start"),
            " 至 ",
            x.s("period_end"),
            "（",
            x.s("months"),
            " 个月）：期内记录 ",
            x.s("records_inside"),
            " 条，按天折算 ",
            x.s("records_prorated"),
            " 条，期外 ",
            x.s("records_outside"),
            " 条"
        ),
        (RuleId::Inc8, Lang::En) => put!(
            w,
            "reference period ",
            x.s("period_start"),
            " to ",
            x.s("period_end"),
            " (",
            x.s("months"),
            " months): ",
            x.s("records_inside"),
            " records inside, ",
            x.s("records_prorated"),
            " prorated by day, ",
            x.s("records_outside"),
            " outside"
        ),
        (RuleId::Inc9, Lang::Zh) => {
            if f.verdict == Verdict::Unknown {
                w.write_str("没有计入的家庭成员，无法计算人均收入，需人工核查")
            } else {
                put!(
                    w,
                    "家庭月收入 ",
                    x.s("household_income"),
                    " 元 ÷ ",
                    x.s("counted_members"),
                    " 人 = 月人均 ",
                    x.s("per_capita_income"),
                    " 元"
                )
            }
        }
        (RuleId::Inc9, Lang::En) => {
            if f.verdict == Verdict::Unknown {
                w.write_str(
                    "no counted member, so income per head cannot be computed: review needed",
                )
            } else {
                put!(
                    w,
                    "household income ",
                    x.s("household_income"),
                    " ÷ ",
                    x.s("counted_members"),
                    " persons = ",
                    x.s("per_capita_income"),
                    " per head a month"
                )
            }
        }
        (RuleId::Ast4, Lang::Zh) => put!(
            w,
            "金融资产 ",
            x.s("financial_assets"),
            " 元",
            if pass { "未超过" } else { "超过" },
            "限额 ",
            x.s("limit"),
            " 元（",
            x.s("limit_months"),
            " 个月标准 × ",
            x.s("persons"),
            " 人），相差 ",
            x.dist(),
            " 元"
        ),
        (RuleId::Ast4, Lang::En) => put!(
            w,
            "financial assets ",
            x.s("financial_assets"),
            " ",
            if pass { "within" } else { "above" },
            " the limit ",
            x.s("limit"),
            " (",
            x.s("limit_months"),
            " months of the standard × ",
            x.s("persons"),
            " persons), by ",
            x.dist()
        ),
        (RuleId::Ast5, Lang::Zh) => match x.code("reason") {
            "no_vehicle" => w.write_str("无登记机动车"),
            "disability_mobility_exempt" => put!(
                w,
                zh(x.code("vehicle_kind")),
                "为残疾人功能性补偿代步车，不影响认定"
            ),
            "exempt_kind" => put!(w, zh(x.code("vehicle_kind")), "属豁免车辆类型"),
            _ => put!(
                w,
                "登记有机动车（",
                zh(x.code("vehicle_kind")),
                "，价值 ",
                x.s("value"),
                " 元），不符合财产条件"
            ),
        },
        (RuleId::Ast5, Lang::En) => match x.code("reason") {
            "no_vehicle" => w.write_str("no motor vehicle registered"),
            "disability_mobility_exempt" => put!(
                w,
                x.s("vehicle_kind"),
                " is a disability mobility vehicle: exempt"
            ),
            "exempt_kind" => put!(w, x.s("vehicle_kind"), " is an exempt kind of vehicle"),
            _ => put!(
                w,
                "owns a motor vehicle (",
                x.s("vehicle_kind"),
                ", value ",
                x.s("value"),
                "): fails the asset test"
            ),
        },
        (RuleId::Ast6, Lang::Zh) => put!(
            w,
            "城镇住房 ",
            x.s("urban_homes"),
            " 套（上限 ",
            x.s("max_urban_homes"),
            "），人均计入面积 ",
            x.s("area_per_person"),
            " 平方米（上限 ",
            x.s("max_area_per_person"),
            "）",
            if pass {
                "，符合"
            } else {
                "，不符合住房条件"
            }
        ),
        (RuleId::Ast6, Lang::En) => put!(
            w,
            x.s("urban_homes"),
            " homes in town (limit ",
            x.s("max_urban_homes"),
            "), ",
            x.s("area_per_person"),
            " m² per person (limit ",
            x.s("max_area_per_person"),
            ")",
            if pass {
                ": within"
            } else {
                ": fails the housing test"
            }
        ),
        (RuleId::Ast7, Lang::Zh) => match x.code("reason") {
            "no_business" => w.write_str("无市场主体登记"),
            "inactive" => put!(w, zh(x.code("business_kind")), "登记已停业，不影响认定"),
            "permitted" => put!(w, zh(x.code("business_kind")), "登记不影响认定"),
            "capital_above_limit" => put!(
                w,
                "个体工商户注册资本 ",
                x.s("registered_capital"),
                " 元超过 ",
                x.s("capital_limit"),
                " 元"
            ),
            _ => put!(w, "登记为", zh(x.code("business_kind")), "，不符合财产条件"),
        },
        (RuleId::Ast7, Lang::En) => match x.code("reason") {
            "no_business" => w.write_str("no business registration"),
            "inactive" => put!(
                w,
                x.s("business_kind"),
                " registration no longer trading: no effect"
            ),
            "permitted" => put!(w, x.s("business_kind"), " registration does not disqualify"),
            "capital_above_limit" => put!(
                w,
                "sole trader with registered capital ",
                x.s("registered_capital"),
                " above ",
                x.s("capital_limit")
            ),
            _ => put!(
                w,
                "registered as ",
                x.s("business_kind"),
                ": fails the asset test"
            ),
        },
        (RuleId::Ast8, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    x.s("since"),
                    " 以来无 ",
                    x.s("threshold"),
                    " 元以上大额消费"
                )
            } else {
                put!(
                    w,
                    x.s("date"),
                    " 大额消费 ",
                    x.s("amount"),
                    " 元（不低于 ",
                    x.s("threshold"),
                    " 元），需入户核实"
                )
            }
        }
        (RuleId::Ast8, Lang::En) => {
            if pass {
                put!(
                    w,
                    "no purchase of ",
                    x.s("threshold"),
                    " or more since ",
                    x.s("since")
                )
            } else {
                put!(
                    w,
                    "purchase of ",
                    x.s("amount"),
                    " on ",
                    x.s("date"),
                    " (threshold ",
                    x.s("threshold"),
                    "): a field check is needed"
                )
            }
        }
        (RuleId::Db1, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元低于低保标准 ",
                    x.s("standard"),
                    " 元，差 ",
                    x.dist(),
                    " 元"
                )
            } else {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元不低于低保标准 ",
                    x.s("standard"),
                    " 元，高出 ",
                    x.dist(),
                    " 元"
                )
            }
        }
        (RuleId::Db1, Lang::En) => {
            if pass {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is below the standard ",
                    x.s("standard"),
                    " by ",
                    x.dist()
                )
            } else {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is not below the standard ",
                    x.s("standard"),
                    ": ",
                    x.dist(),
                    " a month above the line"
                )
            }
        }
        (RuleId::Db3 | RuleId::Db15, Lang::Zh) => put!(
            w,
            "差额补助 = 标准 ",
            x.s("standard"),
            " × ",
            x.s("persons"),
            " 人 − 月收入 ",
            x.s("household_income"),
            " = ",
            x.s("gap"),
            " 元"
        ),
        (RuleId::Db3 | RuleId::Db15, Lang::En) => put!(
            w,
            "gap = standard ",
            x.s("standard"),
            " × ",
            x.s("persons"),
            " persons − income ",
            x.s("household_income"),
            " = ",
            x.s("gap")
        ),
        (RuleId::Db5, Lang::Zh) => {
            let c = zh_class(x.code("class"));
            match (x.code("class"), pass) {
                ("class_3", true) => put!(
                    w,
                    "人均收入 ",
                    x.s("per_capita_income"),
                    " 元低于标准的 ",
                    x.s("share"),
                    "（",
                    x.s("line"),
                    " 元），列为三类"
                ),
                ("class_3", false) => put!(
                    w,
                    "人均收入 ",
                    x.s("per_capita_income"),
                    " 元不低于标准的 ",
                    x.s("share"),
                    "（",
                    x.s("line"),
                    " 元），不列为三类"
                ),
                ("class_4", _) => w.write_str("不符合一至三类条件，列为四类"),
                (_, true) => put!(w, "符合", c, "条件（", zh(x.code("criterion")), "）"),
                (_, false) => put!(w, "不符合", c, "条件"),
            }
        }
        (RuleId::Db5, Lang::En) => {
            let c = Spaced(x.code("class"));
            match (x.code("class"), pass) {
                ("class_3", true) => put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " below ",
                    x.s("share"),
                    " of the standard (",
                    x.s("line"),
                    "): class 3"
                ),
                ("class_3", false) => put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " not below ",
                    x.s("share"),
                    " of the standard (",
                    x.s("line"),
                    "): not class 3"
                ),
                ("class_4", _) => w.write_str("none of classes 1–3 applies: class 4"),
                (_, true) => put!(w, c, " criterion met (", x.s("criterion"), ")"),
                (_, false) => put!(w, "no ", c, " criterion met"),
            }
        }
        (RuleId::Db5Rate, Lang::Zh) => match x.code("method") {
            "full_standard" => put!(w, "一类按低保标准 ", x.s("rate"), " 元/人·月"),
            "share_rounded_half_up" => put!(
                w,
                "二类 = 一类 ",
                x.s("class_1"),
                " × ",
                x.s("share"),
                "，四舍五入到元 = ",
                x.s("rate"),
                " 元/人·月"
            ),
            "published_figure" => put!(
                w,
                "二类采用公布数额 ",
                x.s("rate"),
                " 元/人·月（按比例计算为 ",
                x.s("computed"),
                "）"
            ),
            _ => put!(
                w,
                zh_class(x.code("class")),
                "补助 ",
                x.s("rate"),
                " 元/人·月"
            ),
        },
        (RuleId::Db5Rate, Lang::En) => match x.code("method") {
            "full_standard" => put!(
                w,
                "class 1 pays the standard, ",
                x.s("rate"),
                " per person a month"
            ),
            "share_rounded_half_up" => put!(
                w,
                "class 2 = class 1 ",
                x.s("class_1"),
                " × ",
                x.s("share"),
                ", rounded half-up to the yuan = ",
                x.s("rate"),
                " per person a month"
            ),
            "published_figure" => put!(
                w,
                "class 2 uses the published figure ",
                x.s("rate"),
                " per person a month (the share gives ",
                x.s("computed"),
                ")"
            ),
            _ => put!(
                w,
                Spaced(x.code("class")),
                " pays ",
                x.s("rate"),
                " per person a month"
            ),
        },
        (RuleId::Db6, Lang::Zh) => match f.verdict {
            Verdict::NotApplicable => w.write_str("本地未设最低补助额"),
            Verdict::Fail => put!(
                w,
                "补助 ",
                x.s("amount"),
                " 元低于最低补助额 ",
                x.s("minimum"),
                " 元，按最低额发放"
            ),
            _ => put!(
                w,
                "补助 ",
                x.s("amount"),
                " 元不低于最低补助额 ",
                x.s("minimum"),
                " 元"
            ),
        },
        (RuleId::Db6, Lang::En) => match f.verdict {
            Verdict::NotApplicable => w.write_str("no minimum payment is set here"),
            Verdict::Fail => put!(
                w,
                "amount ",
                x.s("amount"),
                " below the minimum ",
                x.s("minimum"),
                ": the minimum is paid"
            ),
            _ => put!(
                w,
                "amount ",
                x.s("amount"),
                " not below the minimum ",
                x.s("minimum")
            ),
        },
        (RuleId::Edge1, Lang::Zh) => {
            if x.code("reason") == "eligible_for_minimum_living" {
                w.write_str("家庭符合低保条件，不认定为低保边缘家庭")
            } else if pass {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元低于边缘线 ",
                    x.s("line"),
                    " 元（标准 ",
                    x.s("standard"),
                    " × ",
                    x.s("multiplier"),
                    "），差 ",
                    x.dist(),
                    " 元"
                )
            } else {
                put!(
                    w,
                    "月人均收入 ",
                    x.s("per_capita_income"),
                    " 元不低于边缘线 ",
                    x.s("line"),
                    " 元，高出 ",
                    x.dist(),
                    " 元"
                )
            }
        }
        (RuleId::Edge1, Lang::En) => {
            if x.code("reason") == "eligible_for_minimum_living" {
                w.write_str("the household qualifies for dibao, so it is not a marginal family")
            } else if pass {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is below the marginal line ",
                    x.s("line"),
                    " (",
                    x.s("multiplier"),
                    " × ",
                    x.s("standard"),
                    ") by ",
                    x.dist()
                )
            } else {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is not below the marginal line ",
                    x.s("line"),
                    ": ",
                    x.dist(),
                    " above"
                )
            }
        }
        (RuleId::Pay3, Lang::Zh) => put!(
            w,
            "按 ",
            x.s("unit"),
            " 元单位",
            zh(x.code("mode")),
            "：",
            x.s("exact"),
            " → ",
            x.s("rounded"),
            " 元"
        ),
        (RuleId::Pay3, Lang::En) => put!(
            w,
            "rounded to units of ",
            x.s("unit"),
            " (",
            x.s("mode"),
            "): ",
            x.s("exact"),
            " → ",
            x.s("rounded")
        ),
        (RuleId::Pay4, Lang::Zh) => {
            if f.verdict == Verdict::NotApplicable {
                w.write_str("城市低保标准按月公布，无需折算")
            } else {
                put!(
                    w,
                    "农村年标准 ",
                    x.s("annual"),
                    " 元 ÷ 12 = 月标准 ",
                    x.s("monthly"),
                    " 元"
                )
            }
        }
        (RuleId::Pay4, Lang::En) => {
            if f.verdict == Verdict::NotApplicable {
                w.write_str("the urban standard is monthly: no conversion")
            } else {
                put!(
                    w,
                    "rural annual standard ",
                    x.s("annual"),
                    " ÷ 12 = ",
                    x.s("monthly"),
                    " a month"
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
