//! Sentences for the special-hardship (TK), rigid-expenditure (RIG) and temporary-relief (TR)
//! findings, in Chinese and English.

use std::fmt;

use super::catalogue::RuleId;
use super::finding::{FigureValue, Finding, Verdict};
use super::text::Spaced;

struct X<'a>(&'a Finding);

impl X<'_> {
    fn s(&self, name: &str) -> super::text::Shown<'_> {
        super::text::Shown::figure(self.0.figure(name))
    }

    fn code(&self, name: &str) -> &str {
        match self.0.figure(name) {
            Some(FigureValue::Code(c)) => c,
            _ => "",
        }
    }

    fn has(&self, name: &str) -> bool {
        self.0.figure(name).is_some()
    }
}

fn zh_ground(g: &str) -> &'static str {
    match g {
        "elderly" => "年满60周岁的老年人",
        "minor" => "未满16周岁的未成年人",
        "disability" => "残疾等级属于无劳动能力范围",
        "provincial_serious_illness" => "省定情形：重特大疾病",
        "provincial_severe_disability" => "省定情形：重度残疾",
        _ => "其他",
    }
}

fn zh_event(k: &str) -> &'static str {
    match k {
        "fire" => "火灾",
        "traffic_accident" => "交通事故",
        "sudden_serious_illness" => "突发重大疾病",
        "natural_disaster" => "自然灾害",
        "essential_expenditure" => "生活必需支出突然增加",
        _ => "其他特殊困难",
    }
}

fn zh_relation(r: &str) -> &'static str {
    match r {
        "applicant" => "申请人",
        "spouse" => "配偶",
        "child" => "子女",
        "parent" => "父母",
        "grandparent" => "祖父母、外祖父母",
        "grandchild" => "孙子女、外孙子女",
        "sibling" => "兄弟姐妹",
        _ => "其他",
    }
}

fn zh_tier(t: &str) -> &'static str {
    match t {
        "full_self_care" => "全自理",
        "partial_loss" => "半失能",
        "full_loss" => "全失能",
        _ => "未评估",
    }
}

fn zh_programme_reason(r: &str) -> &'static str {
    match r {
        "qualifies_for_minimum_living" => "家庭符合低保条件",
        "qualifies_for_special_hardship" => "家庭成员符合特困供养条件",
        "qualifies_as_marginal_family" => "家庭符合低保边缘家庭条件",
        "enrolled_in_minimum_living" => "家庭正在享受低保",
        "enrolled_in_special_hardship" => "家庭成员正在享受特困供养",
        "enrolled_as_marginal_family" => "家庭已认定为低保边缘家庭",
        _ => "",
    }
}

fn zh_supporter_ground(g: &str) -> &'static str {
    match g {
        "special_hardship_recipient" => "本人为特困人员",
        "dibao_recipient_aged" => "本人为60周岁以上的低保对象",
        "aged_low_income" => "年满70周岁，收入低于上年人均可支配收入且财产符合低收入家庭规定",
        "severe_disability_low_income" => "重度残疾或三级智力、精神残疾，收入和财产符合规定",
        "no_capacity_missing_or_imprisoned" => {
            "无民事行为能力、被宣告失踪或在监狱服刑，财产符合规定"
        }
        "no_supporter" => "无法定赡养、抚养、扶养义务人",
        _ => "",
    }
}

/// Writes the sentence body for one of the rules of this module.
pub(crate) fn body(f: &Finding, zh: bool, w: &mut dyn fmt::Write) -> fmt::Result {
    let x = X(f);
    let v = f.verdict;
    let pass = v == Verdict::Pass;
    let unknown = v == Verdict::Unknown;
    match f.rule {
        RuleId::Tk1 => match (v, zh) {
            (_, true) if x.code("reason") == "no_member_without_capacity" => {
                w.write_str("家庭中没有无劳动能力的老年人、残疾人或未成年人，不涉及特困供养")
            }
            (_, false) if x.code("reason") == "no_member_without_capacity" => {
                w.write_str("no elderly, disabled or minor member without capacity to work: special hardship does not arise")
            }
            (Verdict::Pass, true) => w.write_str("同时符合无劳动能力、无生活来源、无法定义务人或其无履行能力三项条件"),
            (Verdict::Pass, false) => w.write_str("meets all three conditions: no capacity to work, no livelihood, no capable supporter"),
            (Verdict::Unknown, true) => w.write_str("三项条件尚待核实，需人工核查"),
            (Verdict::Unknown, false) => w.write_str("the three conditions cannot all be decided: review needed"),
            (_, true) => w.write_str("不同时符合特困人员三项条件"),
            (_, false) => w.write_str("does not meet all three special-hardship conditions"),
        },
        RuleId::Tk2 => match (v, zh) {
            (Verdict::Pass, true) => write!(w, "无劳动能力：{}（{} 岁）", zh_ground(x.code("ground")), x.s("age")),
            (Verdict::Pass, false) => write!(w, "no capacity to work: {} (age {})", Spaced(x.code("ground")), x.s("age")),
            (Verdict::NotApplicable, true) => write!(w, "{} 岁，按未成年人延续规定（TK-3）判断", x.s("age")),
            (Verdict::NotApplicable, false) => write!(w, "age {}: decided under the rule for minors (TK-3)", x.s("age")),
            (_, true) => write!(w, "{} 岁，非老年人、未成年人或无劳动能力残疾人，视为有劳动能力", x.s("age")),
            (_, false) => write!(w, "age {}, not elderly, a minor or disabled to the listed grades: able to work", x.s("age")),
        },
        RuleId::Tk3 => match (x.code("reason"), zh) {
            ("minor_under_cover_age", true) => write!(w, "未满 {} 周岁的未成年人，纳入供养范围", x.s("cover_until_age")),
            ("minor_under_cover_age", false) => write!(w, "a minor under {}: covered", x.s("cover_until_age")),
            ("continuing_in_school", true) => write!(w, "年满 {} 周岁后仍在校就读，继续供养", x.s("cover_until_age")),
            ("continuing_in_school", false) => write!(w, "over {} and still in school: support continues", x.s("cover_until_age")),
            (_, true) => write!(w, "年满 {} 周岁前未纳入供养，在校延续规定不适用", x.s("cover_until_age")),
            (_, false) => write!(w, "not covered before {}: the in-school continuation does not apply", x.s("cover_until_age")),
        },
        RuleId::Tk4 => {
            if zh {
                write!(
                    w,
                    "本人月收入 {} 元（低保口径 {}，特困不计入 {}）{}当地低保标准 {} 元",
                    x.s("own_income"),
                    x.s("dibao_countable"),
                    x.s("disregarded_inc5"),
                    if pass { "低于" } else { "不低于" },
                    x.s("standard")
                )
            } else {
                write!(
                    w,
                    "own income {} a month (dibao measure {}, not counted for special hardship {}) {} the dibao standard {}",
                    x.s("own_income"),
                    x.s("dibao_countable"),
                    x.s("disregarded_inc5"),
                    if pass { "below" } else { "not below" },
                    x.s("standard")
                )
            }
        }
        RuleId::Tk5 => {
            let g = x.code("ground");
            if g == "no_supporter" {
                return w.write_str(if zh { zh_supporter_ground(g) } else { "no statutory supporter" });
            }
            let (zn, en, n) = if x.has("supporter") {
                ("义务人", "supporter", x.s("supporter"))
            } else {
                ("同住家庭成员", "household member", x.s("household_member"))
            };
            match (v, zh) {
                (Verdict::Pass, true) => write!(w, "{zn} #{n}（{}，{} 岁）无履行能力：{}", zh_relation(x.code("relation")), x.s("age"), zh_supporter_ground(g)),
                (Verdict::Pass, false) => write!(w, "{en} #{n} ({}, {}) cannot fulfil the duty: {}", x.s("relation"), x.s("age"), Spaced(g)),
                (Verdict::Unknown, true) => write!(w, "{zn} #{n}（{} 岁）的收入或财产不明，需核实", x.s("age")),
                (Verdict::Unknown, false) => write!(w, "{en} #{n} (age {}): income or assets unknown, review needed", x.s("age")),
                (_, true) => write!(w, "{zn} #{n}（{}，{} 岁）具有履行义务能力", zh_relation(x.code("relation")), x.s("age")),
                (_, false) => write!(w, "{en} #{n} ({}, age {}) is able to support", x.s("relation"), x.s("age")),
            }
        }
        RuleId::Tk6 => match (pass, zh) {
            (true, true) => w.write_str("未选择孤儿或事实无人抚养儿童基本生活费"),
            (true, false) => w.write_str("has not chosen the orphan or unsupported-child allowance"),
            (false, true) => w.write_str("已选择孤儿或事实无人抚养儿童基本生活费，不认定为特困人员"),
            (false, false) => w.write_str("has chosen the orphan or unsupported-child allowance: not special hardship"),
        },
        RuleId::Tk7 => {
            let urban = x.code("rate") == "urban";
            match (x.code("ground"), zh) {
                ("relocated_to_town", true) => w.write_str("易地扶贫搬迁进城，执行城市特困供养标准"),
                ("relocated_to_town", false) => w.write_str("relocated to town under poverty relief: the urban rate applies"),
                ("contracted_land", true) => w.write_str("拥有承包土地或参与集体收益分配，执行农村特困供养标准"),
                ("contracted_land", false) => w.write_str("holds contracted land or collective shares: the rural rate applies"),
                (_, true) => write!(w, "执行{}特困供养标准", if urban { "城市" } else { "农村" }),
                (_, false) => write!(w, "the {} rate applies", if urban { "urban" } else { "rural" }),
            }
        }
        RuleId::Tk8 => match (v, zh) {
            (_, true) if x.code("reason") == "all_members_special_hardship" => w.write_str("全部成员均为特困人员，不再有低保家庭成员"),
            (_, false) if x.code("reason") == "all_members_special_hardship" => w.write_str("every member is a special-hardship person: no one is left in the dibao unit"),
            (Verdict::Fail, true) => w.write_str("特困人员，不计入低保家庭成员"),
            (Verdict::Fail, false) => w.write_str("special-hardship person: not counted in the dibao unit"),
            (_, true) => w.write_str("未认定为特困人员，仍计入低保家庭成员"),
            (_, false) => w.write_str("not a special-hardship person: stays in the dibao unit"),
        },
        RuleId::Tk9 => {
            let published = x.code("method") == "published_figure";
            if zh {
                if published {
                    write!(w, "基本生活标准采用公布数额 {} 元/年（月 {} 元；按 {} × {} 计算为 {} 元/月）", x.s("annual"), x.s("monthly"), x.s("standard"), x.s("multiplier"), x.s("computed_month"))
                } else {
                    write!(w, "基本生活标准 = 低保标准 {} × {}，四舍五入到元 = {} 元/月（{} 元/年）", x.s("standard"), x.s("multiplier"), x.s("monthly"), x.s("annual"))
                }
            } else if published {
                write!(w, "basic living standard: the published figure {} a year ({} a month; the multiplier would give {} × {} = {} a month)", x.s("annual"), x.s("monthly"), x.s("standard"), x.s("multiplier"), x.s("computed_month"))
            } else {
                write!(w, "basic living standard = dibao standard {} × {}, rounded half-up = {} a month ({} a year)", x.s("standard"), x.s("multiplier"), x.s("monthly"), x.s("annual"))
            }
        }
        RuleId::Tk10 => match (unknown, zh) {
            (true, true) => w.write_str("未进行生活自理能力评估，无法确定照料护理标准"),
            (true, false) => w.write_str("no self-care assessment: the care tier cannot be set"),
            (false, true) => write!(w, "六项中 {} 项不能自理：{}", x.s("items_unable"), zh_tier(x.code("tier"))),
            (false, false) => write!(w, "{} of six items not achievable: {}", x.s("items_unable"), Spaced(x.code("tier"))),
        },
        RuleId::Tk11 => match (unknown, x.code("method"), zh) {
            (true, _, true) => w.write_str("本地未设照料护理标准，需人工核定"),
            (true, _, false) => w.write_str("no care standard is set here: review needed"),
            (_, "min_wage_share", true) => write!(w, "{}照料护理标准 = 最低工资 {} × {}，四舍五入 = {} 元/月（{} 元/年）", zh_tier(x.code("tier")), x.s("min_wage"), x.s("share"), x.s("monthly"), x.s("annual")),
            (_, "min_wage_share", false) => write!(w, "care standard ({}) = minimum wage {} × {}, rounded half-up = {} a month ({} a year)", Spaced(x.code("tier")), x.s("min_wage"), x.s("share"), x.s("monthly"), x.s("annual")),
            (_, _, true) => write!(w, "{}照料护理标准 {} 元/月（{} 元/年）", zh_tier(x.code("tier")), x.s("monthly"), x.s("annual")),
            (_, _, false) => write!(w, "care standard ({}) {} a month ({} a year)", Spaced(x.code("tier")), x.s("monthly"), x.s("annual")),
        },
        RuleId::Tk12 => {
            let inst = x.code("setting") == "institution";
            let prio = x.has("note");
            if zh {
                write!(w, "{}{}", if inst { "集中供养" } else { "分散供养" }, if prio { "；完全丧失自理能力，应优先安排集中供养" } else { "" })
            } else {
                write!(w, "{}{}", if inst { "support in an institution" } else { "support at home" }, if prio { "; full loss of self-care: institutional care should be offered first" } else { "" })
            }
        }
        RuleId::Tk13 => match (pass, zh) {
            (true, true) => write!(w, "自确认次月起供养：{}", x.s("support_from")),
            (true, false) => write!(w, "support from the month after confirmation: {}", x.s("support_from")),
            (false, true) => w.write_str("不符合条件，不发放"),
            (false, false) => w.write_str("not eligible: nothing starts"),
        },
        RuleId::Tk14 => match (pass, zh) {
            (true, true) => w.write_str("仍符合条件，继续供养"),
            (true, false) => w.write_str("still eligible: support continues"),
            (false, true) => write!(w, "不再符合特困条件，自 {} 起终止供养；已按低保和临时救助条件一并审核", x.s("ends_from")),
            (false, false) => write!(w, "no longer eligible: support ends from {}; tested for dibao and temporary relief on the same accounts", x.s("ends_from")),
        },
        RuleId::Tk15 => match (pass, zh) {
            (true, true) => write!(w, "每 {} 个月复核一次，下次复核 {}", x.s("review_months"), x.s("review_due")),
            (true, false) => write!(w, "reviewed every {} months; next review {}", x.s("review_months"), x.s("review_due")),
            (false, true) => w.write_str("不符合条件，无需复核"),
            (false, false) => w.write_str("not eligible: no review due"),
        },
        RuleId::Rig1 => match (pass, zh) {
            (true, true) => w.write_str("不属于低保、特困或低保边缘家庭（认定为刚性支出困难家庭即排除上述三类）"),
            (true, false) => w.write_str("not in dibao, special hardship or a marginal family (recognition excludes those three)"),
            (false, true) => write!(w, "{}，不认定为刚性支出困难家庭", zh_programme_reason(x.code("reason"))),
            (false, false) => write!(w, "{}: not a rigid-expenditure family", Spaced(x.code("reason"))),
        },
        RuleId::Rig2 => {
            if zh {
                write!(w, "{} 起刚性支出合计 {} 元（医疗 {}，教育 {}（超出公办标准 {} 不计），康复 {}，其他 {}）", x.s("since"), x.s("total"), x.s("medical"), x.s("education"), x.s("education_above_public_rate"), x.s("rehabilitation"), x.s("other"))
            } else {
                write!(w, "rigid expenditure since {}: {} (medical {}, education {} ({} above public-school rates not counted), rehabilitation {}, other {})", x.s("since"), x.s("total"), x.s("medical"), x.s("education"), x.s("education_above_public_rate"), x.s("rehabilitation"), x.s("other"))
            }
        }
        RuleId::Rig3 => {
            let no_income = x.code("reason") == "no_income";
            match (no_income, zh) {
                (true, true) => write!(w, "家庭无收入，刚性支出 {} 元{}", x.s("rigid_expenditure"), if pass { "，超过比例" } else { "，无支出" }),
                (true, false) => write!(w, "no household income; rigid expenditure {}{}", x.s("rigid_expenditure"), if pass { ": above any share" } else { ": none" }),
                (false, true) => write!(w, "刚性支出 {} 元占家庭总收入 {} 元的 {}，{}规定比例 {}", x.s("rigid_expenditure"), x.s("household_income"), x.s("share"), if pass { "超过" } else { "未超过" }, x.s("threshold")),
                (false, false) => write!(w, "rigid expenditure {} is {} of household income {}: {} the threshold {}", x.s("rigid_expenditure"), x.s("share"), x.s("household_income"), if pass { "above" } else { "not above" }, x.s("threshold")),
            }
        }
        RuleId::Rig4 => match (pass, zh) {
            (true, true) => write!(w, "县级民政部门应在 {} 个工作日内（情况复杂的 {} 个工作日）作出认定", x.s("decision_working_days"), x.s("extended_working_days")),
            (true, false) => write!(w, "the county decides within {} working days ({} where difficult)", x.s("decision_working_days"), x.s("extended_working_days")),
            (false, true) => w.write_str("不符合条件"),
            (false, false) => w.write_str("not eligible"),
        },
        RuleId::Rig5 => match (pass, zh) {
            (true, true) => write!(w, "认定有效期最长 {} 个月，至 {}", x.s("validity_months"), x.s("valid_until")),
            (true, false) => write!(w, "recognition valid for at most {} months, until {}", x.s("validity_months"), x.s("valid_until")),
            (false, true) => w.write_str("不符合条件，无有效期"),
            (false, false) => w.write_str("not eligible: no validity period"),
        },
        RuleId::Rig6 => match (pass, zh) {
            (true, true) => w.write_str("在低收入人口动态监测平台单独标识"),
            (true, false) => w.write_str("flagged separately on the low-income monitoring platform"),
            (false, true) => w.write_str("不作标识"),
            (false, false) => w.write_str("no flag"),
        },
        RuleId::Rig7 => match (pass, zh) {
            (true, true) => write!(w, "刚性支出困难家庭认定办法自 {} 起施行", x.s("in_force_from")),
            (true, false) => write!(w, "the rigid-expenditure measure is in force from {}", x.s("in_force_from")),
            (false, true) => write!(w, "{} 时认定办法尚未施行（2025-01-01 起施行）", x.s("evaluation_date")),
            (false, false) => write!(w, "on {} the measure was not yet in force (from 2025-01-01)", x.s("evaluation_date")),
        },
        RuleId::Rig8 | RuleId::Tr2 if x.has("line") => {
            let prefix = if f.rule == RuleId::Tr2 {
                if zh { "支出型：" } else { "expenditure type: " }
            } else {
                ""
            };
            if zh {
                write!(w, "{prefix}月人均收入 {} 元{}上年人均可支配收入 {} 元 ÷ 12 = {} 元", x.s("per_capita_income"), if pass { "低于" } else { "不低于" }, x.s("disposable_income_year"), x.s("line"))
            } else {
                write!(w, "{prefix}income per head {} a month {} last year's disposable income {} ÷ 12 = {}", x.s("per_capita_income"), if pass { "below" } else { "not below" }, x.s("disposable_income_year"), x.s("line"))
            }
        }
        RuleId::Rig8 => {
            if zh {
                w.write_str("缺少人均收入或上年人均可支配收入数据，需人工核查")
            } else {
                w.write_str("income per head or last year's disposable income is missing: review needed")
            }
        }
        RuleId::Tr1 => match (pass, zh) {
            (true, true) => write!(w, "救助事由：{}（{}）", zh_event(x.code("kind")), x.s("date")),
            (true, false) => write!(w, "ground for relief: {} on {}", Spaced(x.code("kind")), x.s("date")),
            (false, true) => w.write_str("未申报任何急难或支出型事由"),
            (false, false) => w.write_str("no emergency or expenditure event in the case"),
        },
        RuleId::Tr2 => match (unknown, x.code("type"), zh) {
            (true, _, true) => w.write_str("支出型：缺少收入数据，需人工核查"),
            (true, _, false) => w.write_str("expenditure type: income figures missing, review needed"),
            (_, _, true) => write!(w, "急难型（{}），不设收入财产条件", if x.code("severity") == "heavy" { "较重" } else { "较轻" }),
            (_, _, false) => write!(w, "emergency type ({}): no means test", x.code("severity")),
        },
        RuleId::Tr3 => match (v, zh) {
            (Verdict::Pass, true) => write!(w, "小额先行救助 {} 元（上限 {} 元）", x.s("amount"), x.s("cap")),
            (Verdict::Pass, false) => write!(w, "small amount paid first: {} (cap {})", x.s("amount"), x.s("cap")),
            (Verdict::Unknown, true) => w.write_str("本地未设小额先行救助上限，需人工核定"),
            (Verdict::Unknown, false) => w.write_str("no cap for help first is set here: review needed"),
            (_, true) => w.write_str("困难较重，按支出型计算"),
            (_, false) => w.write_str("heavier hardship: computed as the expenditure type"),
        },
        RuleId::Tr4 => match (unknown, zh) {
            (true, true) => w.write_str("缺少困难持续月数或月数上限，需人工核定"),
            (true, false) => w.write_str("months of hardship or the month limit missing: review needed"),
            (false, true) => write!(w, "城市低保标准 {} × {} 人 × {} 个月（申报 {}，上限 {}）= {} 元，救助 {} 元", x.s("urban_standard"), x.s("persons"), x.s("months_counted"), x.s("months_of_hardship"), x.s("max_months"), x.s("computed"), x.s("amount")),
            (false, false) => write!(w, "urban standard {} × {} persons × {} months (stated {}, limit {}) = {}; relief {}", x.s("urban_standard"), x.s("persons"), x.s("months_counted"), x.s("months_of_hardship"), x.s("max_months"), x.s("computed"), x.s("amount")),
        },
        RuleId::Tr7 => match (unknown, zh) {
            (true, true) => write!(w, "拟救助 {} 元超过一般上限 {} 元（{} 个月城市低保标准），提交一事一议", x.s("proposed"), x.s("cap"), x.s("cap_months")),
            (true, false) => write!(w, "proposed {} is above the ordinary cap {} ({} months of the urban standard): one case, one discussion", x.s("proposed"), x.s("cap"), x.s("cap_months")),
            (false, true) => write!(w, "救助 {} 元未超过一般上限 {} 元", x.s("proposed"), x.s("cap")),
            (false, false) => write!(w, "{} is within the ordinary cap {}", x.s("proposed"), x.s("cap")),
        },
        RuleId::Tr5 => match (pass, zh) {
            (true, true) => w.write_str("以现金为主，一次审批，可分阶段发放并跟进救助"),
            (true, false) => w.write_str("paid in cash under one approval; may be paid in stages, with follow-up help"),
            (false, true) => w.write_str("不适用"),
            (false, false) => w.write_str("not applicable"),
        },
        RuleId::Tr6 => match (pass, zh) {
            (true, true) => w.write_str("小额先行救助可由乡镇（街道）临时救助备用金即时支付"),
            (true, false) => w.write_str("the small amount may be paid at once from the township reserve fund"),
            (false, true) => w.write_str("不适用"),
            (false, false) => w.write_str("not applicable"),
        },
        _ => Ok(()),
    }
}
