//! Sentences for the special-hardship (TK), rigid-expenditure (RIG) and temporary-relief (TR)
//! findings, in Chinese and English.

use std::fmt;

use super::catalogue::RuleId;
use super::finding::{FigureValue, Finding, Verdict};
use super::text::{Spaced, put};

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
            (Verdict::Pass, true) => put!(w, "无劳动能力：", zh_ground(x.code("ground")), "（", x.s("age"), " 岁）"),
            (Verdict::Pass, false) => put!(w, "no capacity to work: ", Spaced(x.code("ground")), " (age ", x.s("age"), ")"),
            (Verdict::NotApplicable, true) => put!(w, x.s("age"), " 岁，按未成年人延续规定（TK-3）判断"),
            (Verdict::NotApplicable, false) => put!(w, "age ", x.s("age"), ": decided under the rule for minors (TK-3)"),
            (_, true) => put!(w, x.s("age"), " 岁，非老年人、未成年人或无劳动能力残疾人，视为有劳动能力"),
            (_, false) => put!(w, "age ", x.s("age"), ", not elderly, a minor or disabled to the listed grades: able to work"),
        },
        RuleId::Tk3 => match (x.code("reason"), zh) {
            ("minor_under_cover_age", true) => put!(w, "未满 ", x.s("cover_until_age"), " 周岁的未成年人，纳入供养范围"),
            ("minor_under_cover_age", false) => put!(w, "a minor under ", x.s("cover_until_age"), ": covered"),
            ("continuing_in_school", true) => put!(w, "年满 ", x.s("cover_until_age"), " 周岁后仍在校就读，继续供养"),
            ("continuing_in_school", false) => put!(w, "over ", x.s("cover_until_age"), " and still in school: support continues"),
            (_, true) => put!(w, "年满 ", x.s("cover_until_age"), " 周岁前未纳入供养，在校延续规定不适用"),
            (_, false) => put!(w, "not covered before ", x.s("cover_until_age"), ": the in-school continuation does not apply"),
        },
        RuleId::Tk4 => {
            if zh {
                put!(w, "本人月收入 ", x.s("own_income"), " 元（低保口径 ", x.s("dibao_countable"), "，特困不计入 ", x.s("disregarded_inc5"), "）", if pass { "低于" } else { "不低于" }, "当地低保标准 ", x.s("standard"), " 元")
            } else {
                put!(w, "own income ", x.s("own_income"), " a month (dibao measure ", x.s("dibao_countable"), ", not counted for special hardship ", x.s("disregarded_inc5"), ") ", if pass { "below" } else { "not below" }, " the dibao standard ", x.s("standard"))
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
                (Verdict::Pass, true) => put!(w, zn, " #", n, "（", zh_relation(x.code("relation")), "，", x.s("age"), " 岁）无履行能力：", zh_supporter_ground(g)),
                (Verdict::Pass, false) => put!(w, en, " #", n, " (", x.s("relation"), ", ", x.s("age"), ") cannot fulfil the duty: ", Spaced(g)),
                (Verdict::Unknown, true) => put!(w, zn, " #", n, "（", x.s("age"), " 岁）的收入或财产不明，需核实"),
                (Verdict::Unknown, false) => put!(w, en, " #", n, " (age ", x.s("age"), "): income or assets unknown, review needed"),
                (_, true) => put!(w, zn, " #", n, "（", zh_relation(x.code("relation")), "，", x.s("age"), " 岁）具有履行义务能力"),
                (_, false) => put!(w, en, " #", n, " (", x.s("relation"), ", age ", x.s("age"), ") is able to support"),
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
                (_, true) => put!(w, "执行", if urban { "城市" } else { "农村" }, "特困供养标准"),
                (_, false) => put!(w, "the ", if urban { "urban" } else { "rural" }, " rate applies"),
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
                    put!(w, "基本生活标准采用公布数额 ", x.s("annual"), " 元/年（月 ", x.s("monthly"), " 元；按 ", x.s("standard"), " × ", x.s("multiplier"), " 计算为 ", x.s("computed_month"), " 元/月）")
                } else {
                    put!(w, "基本生活标准 = 低保标准 ", x.s("standard"), " × ", x.s("multiplier"), "，四舍五入到元 = ", x.s("monthly"), " 元/月（", x.s("annual"), " 元/年）")
                }
            } else if published {
                put!(w, "basic living standard: the published figure ", x.s("annual"), " a year (", x.s("monthly"), " a month; the multiplier would give ", x.s("standard"), " × ", x.s("multiplier"), " = ", x.s("computed_month"), " a month)")
            } else {
                put!(w, "basic living standard = dibao standard ", x.s("standard"), " × ", x.s("multiplier"), ", rounded half-up = ", x.s("monthly"), " a month (", x.s("annual"), " a year)")
            }
        }
        RuleId::Tk10 => match (unknown, zh) {
            (true, true) => w.write_str("未进行生活自理能力评估，无法确定照料护理标准"),
            (true, false) => w.write_str("no self-care assessment: the care tier cannot be set"),
            (false, true) => put!(w, "六项中 ", x.s("items_unable"), " 项不能自理：", zh_tier(x.code("tier"))),
            (false, false) => put!(w, x.s("items_unable"), " of six items not achievable: ", Spaced(x.code("tier"))),
        },
        RuleId::Tk11 => match (unknown, x.code("method"), zh) {
            (true, _, true) => w.write_str("本地未设照料护理标准，需人工核定"),
            (true, _, false) => w.write_str("no care standard is set here: review needed"),
            (_, "min_wage_share", true) => put!(w, zh_tier(x.code("tier")), "照料护理标准 = 最低工资 ", x.s("min_wage"), " × ", x.s("share"), "，四舍五入 = ", x.s("monthly"), " 元/月（", x.s("annual"), " 元/年）"),
            (_, "min_wage_share", false) => put!(w, "care standard (", Spaced(x.code("tier")), ") = minimum wage ", x.s("min_wage"), " × ", x.s("share"), ", rounded half-up = ", x.s("monthly"), " a month (", x.s("annual"), " a year)"),
            (_, _, true) => put!(w, zh_tier(x.code("tier")), "照料护理标准 ", x.s("monthly"), " 元/月（", x.s("annual"), " 元/年）"),
            (_, _, false) => put!(w, "care standard (", Spaced(x.code("tier")), ") ", x.s("monthly"), " a month (", x.s("annual"), " a year)"),
        },
        RuleId::Tk12 => {
            let inst = x.code("setting") == "institution";
            let prio = x.has("note");
            if zh {
                put!(w, if inst { "集中供养" } else { "分散供养" }, if prio { "；完全丧失自理能力，应优先安排集中供养" } else { "" })
            } else {
                put!(w, if inst { "support in an institution" } else { "support at home" }, if prio { "; full loss of self-care: institutional care should be offered first" } else { "" })
            }
        }
        RuleId::Tk13 => match (pass, zh) {
            (true, true) => put!(w, "自确认次月起供养：", x.s("support_from")),
            (true, false) => put!(w, "support from the month after confirmation: ", x.s("support_from")),
            (false, true) => w.write_str("不符合条件，不发放"),
            (false, false) => w.write_str("not eligible: nothing starts"),
        },
        RuleId::Tk14 => match (pass, zh) {
            (true, true) => w.write_str("仍符合条件，继续供养"),
            (true, false) => w.write_str("still eligible: support continues"),
            (false, true) => put!(w, "不再符合特困条件，自 ", x.s("ends_from"), " 起终止供养；已按低保和临时救助条件一并审核"),
            (false, false) => put!(w, "no longer eligible: support ends from ", x.s("ends_from"), "; tested for dibao and temporary relief on the same accounts"),
        },
        RuleId::Tk15 => match (pass, zh) {
            (true, true) => put!(w, "每 ", x.s("review_months"), " 个月复核一次，下次复核 ", x.s("review_due")),
            (true, false) => put!(w, "reviewed every ", x.s("review_months"), " months; next review ", x.s("review_due")),
            (false, true) => w.write_str("不符合条件，无需复核"),
            (false, false) => w.write_str("not eligible: no review due"),
        },
        RuleId::Rig1 => match (pass, zh) {
            (true, true) => w.write_str("不属于低保、特困或低保边缘家庭（认定为刚性支出困难家庭即排除上述三类）"),
            (true, false) => w.write_str("not in dibao, special hardship or a marginal family (recognition excludes those three)"),
            (false, true) => put!(w, zh_programme_reason(x.code("reason")), "，不认定为刚性支出困难家庭"),
            (false, false) => put!(w, Spaced(x.code("reason")), ": not a rigid-expenditure family"),
        },
        RuleId::Rig2 => {
            if zh {
                put!(w, x.s("since"), " 起刚性支出合计 ", x.s("total"), " 元（医疗 ", x.s("medical"), "，教育 ", x.s("education"), "（超出公办标准 ", x.s("education_above_public_rate"), " 不计），康复 ", x.s("rehabilitation"), "，其他 ", x.s("other"), "）")
            } else {
                put!(w, "rigid expenditure since ", x.s("since"), ": ", x.s("total"), " (medical ", x.s("medical"), ", education ", x.s("education"), " (", x.s("education_above_public_rate"), " above public-school rates not counted), rehabilitation ", x.s("rehabilitation"), ", other ", x.s("other"), ")")
            }
        }
        RuleId::Rig3 => {
            let no_income = x.code("reason") == "no_income";
            match (no_income, zh) {
                (true, true) => put!(w, "家庭无收入，刚性支出 ", x.s("rigid_expenditure"), " 元", if pass { "，超过比例" } else { "，无支出" }),
                (true, false) => put!(w, "no household income; rigid expenditure ", x.s("rigid_expenditure"), if pass { ": above any share" } else { ": none" }),
                (false, true) => put!(w, "刚性支出 ", x.s("rigid_expenditure"), " 元占家庭总收入 ", x.s("household_income"), " 元的 ", x.s("share"), "，", if pass { "超过" } else { "未超过" }, "规定比例 ", x.s("threshold")),
                (false, false) => put!(w, "rigid expenditure ", x.s("rigid_expenditure"), " is ", x.s("share"), " of household income ", x.s("household_income"), ": ", if pass { "above" } else { "not above" }, " the threshold ", x.s("threshold")),
            }
        }
        RuleId::Rig4 => match (pass, zh) {
            (true, true) => put!(w, "县级民政部门应在 ", x.s("decision_working_days"), " 个工作日内（情况复杂的 ", x.s("extended_working_days"), " 个工作日）作出认定"),
            (true, false) => put!(w, "the county decides within ", x.s("decision_working_days"), " working days (", x.s("extended_working_days"), " where difficult)"),
            (false, true) => w.write_str("不符合条件"),
            (false, false) => w.write_str("not eligible"),
        },
        RuleId::Rig5 => match (pass, zh) {
            (true, true) => put!(w, "认定有效期最长 ", x.s("validity_months"), " 个月，至 ", x.s("valid_until")),
            (true, false) => put!(w, "recognition valid for at most ", x.s("validity_months"), " months, until ", x.s("valid_until")),
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
            (true, true) => put!(w, "刚性支出困难家庭认定办法自 ", x.s("in_force_from"), " 起施行"),
            (true, false) => put!(w, "the rigid-expenditure measure is in force from ", x.s("in_force_from")),
            (false, true) => put!(w, x.s("evaluation_date"), " 时认定办法尚未施行（2025-01-01 起施行）"),
            (false, false) => put!(w, "on ", x.s("evaluation_date"), " the measure was not yet in force (from 2025-01-01)"),
        },
        RuleId::Rig8 | RuleId::Tr2 if x.has("line") => {
            let prefix = if f.rule == RuleId::Tr2 {
                if zh { "支出型：" } else { "expenditure type: " }
            } else {
                ""
            };
            if zh {
                put!(w, prefix, "月人均收入 ", x.s("per_capita_income"), " 元", if pass { "低于" } else { "不低于" }, "上年人均可支配收入 ", x.s("disposable_income_year"), " 元 ÷ 12 = ", x.s("line"), " 元")
            } else {
                put!(w, prefix, "income per head ", x.s("per_capita_income"), " a month ", if pass { "below" } else { "not below" }, " last year's disposable income ", x.s("disposable_income_year"), " ÷ 12 = ", x.s("line"))
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
            (true, true) => put!(w, "救助事由：", zh_event(x.code("kind")), "（", x.s("date"), "）"),
            (true, false) => put!(w, "ground for relief: ", Spaced(x.code("kind")), " on ", x.s("date")),
            (false, true) => w.write_str("未申报任何急难或支出型事由"),
            (false, false) => w.write_str("no emergency or expenditure event in the case"),
        },
        RuleId::Tr2 => match (unknown, x.code("type"), zh) {
            (true, _, true) => w.write_str("支出型：缺少收入数据，需人工核查"),
            (true, _, false) => w.write_str("expenditure type: income figures missing, review needed"),
            (_, _, true) => put!(w, "急难型（", if x.code("severity") == "heavy" { "较重" } else { "较轻" }, "），不设收入财产条件"),
            (_, _, false) => put!(w, "emergency type (", x.code("severity"), "): no means test"),
        },
        RuleId::Tr3 => match (v, zh) {
            (Verdict::Pass, true) => put!(w, "小额先行救助 ", x.s("amount"), " 元（上限 ", x.s("cap"), " 元）"),
            (Verdict::Pass, false) => put!(w, "small amount paid first: ", x.s("amount"), " (cap ", x.s("cap"), ")"),
            (Verdict::Unknown, true) => w.write_str("本地未设小额先行救助上限，需人工核定"),
            (Verdict::Unknown, false) => w.write_str("no cap for help first is set here: review needed"),
            (_, true) => w.write_str("困难较重，按支出型计算"),
            (_, false) => w.write_str("heavier hardship: computed as the expenditure type"),
        },
        RuleId::Tr4 => match (unknown, zh) {
            (true, true) => w.write_str("缺少困难持续月数或月数上限，需人工核定"),
            (true, false) => w.write_str("months of hardship or the month limit missing: review needed"),
            (false, true) => put!(w, "城市低保标准 ", x.s("urban_standard"), " × ", x.s("persons"), " 人 × ", x.s("months_counted"), " 个月（申报 ", x.s("months_of_hardship"), "，上限 ", x.s("max_months"), "）= ", x.s("computed"), " 元，救助 ", x.s("amount"), " 元"),
            (false, false) => put!(w, "urban standard ", x.s("urban_standard"), " × ", x.s("persons"), " persons × ", x.s("months_counted"), " months (stated ", x.s("months_of_hardship"), ", limit ", x.s("max_months"), ") = ", x.s("computed"), "; relief ", x.s("amount")),
        },
        RuleId::Tr7 => match (unknown, zh) {
            (true, true) => put!(w, "拟救助 ", x.s("proposed"), " 元超过一般上限 ", x.s("cap"), " 元（", x.s("cap_months"), " 个月城市低保标准），提交一事一议"),
            (true, false) => put!(w, "proposed ", x.s("proposed"), " is above the ordinary cap ", x.s("cap"), " (", x.s("cap_months"), " months of the urban standard): one case, one discussion"),
            (false, true) => put!(w, "救助 ", x.s("proposed"), " 元未超过一般上限 ", x.s("cap"), " 元"),
            (false, false) => put!(w, x.s("proposed"), " is within the ordinary cap ", x.s("cap")),
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
