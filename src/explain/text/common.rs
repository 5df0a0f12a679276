//! Names of codes and phrases used by the sentences of more than one rule family.
//!
//! Uses only the sentence mechanism of `super`.

use std::fmt;

use super::{Facts, Lang, Lazy, Piece, Spaced, put};

/// The Chinese name of a code used in figures; codes without one are shown as they are.
pub(super) fn zh(code: &str) -> &str {
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

/// The Chinese name of a department.
pub(super) fn zh_department(code: &str) -> &str {
    match code {
        "civil_affairs" => "民政部门",
        "public_security" => "公安部门",
        "vehicle_registry" => "公安交管车辆登记",
        "real_estate" => "不动产登记机构",
        "housing_fund" => "住房公积金中心",
        "human_resources" => "人力资源社会保障部门",
        "tax" => "税务部门",
        "market_regulation" => "市场监管部门",
        "financial_institution" => "金融机构",
        "medical_insurance" => "医疗保障部门",
        "disabled_persons_federation" => "残联",
        "education" => "教育部门",
        "health" => "卫生健康部门",
        "courts_justice" => "法院、司法部门",
        "rural_revitalisation" => "农业农村（乡村振兴）部门",
        "insurer" => "保险机构",
        "securities_firm" => "证券公司",
        "payment_institution" => "非银行支付机构",
        other => other,
    }
}

/// The Chinese name of an evidence item or detail code.
pub(super) fn zh_item(code: &str) -> &str {
    match code {
        "vehicle_registered" => "机动车登记",
        "property" => "不动产登记",
        "account_balance" => "金融资产余额",
        "contribution_base" => "社保或公积金缴费基数",
        "wage" => "工资收入",
        "pension" => "养老金",
        "business_registration" => "市场主体登记",
        "disability_certificate" => "残疾人证",
        "death" => "死亡登记",
        "imprisonment" => "服刑信息",
        "school_enrolment" => "在校信息",
        "self_paid_medical" => "医疗费用个人自付",
        "return_to_poverty_monitoring" => "防止返贫监测信息",
        "insurance_cash_value" => "保单现金价值",
        "securities_account" => "证券账户资产",
        "payment_balance" => "支付账户余额",
        "urban" => "城镇",
        "rural" => "农村",
        "deceased" => "死亡",
        "imprisoned" => "服刑",
        "active" => "存续经营",
        "inactive" => "已停业",
        "minimum_living" => "低保",
        "marginal_family" => "低保边缘家庭",
        "special_hardship" => "特困人员救助供养",
        "temporary_relief" => "临时救助",
        "rigid_expenditure" => "刚性支出困难家庭",
        "dibao_standard" => "低保标准",
        "marginal_line" => "低保边缘家庭收入线",
        "stable" => "家庭情况较稳定",
        "unstable" => "有劳动能力成员且收入不稳定",
        "physical" => "肢体残疾",
        "visual" => "视力残疾",
        "hearing" => "听力残疾",
        "speech" => "言语残疾",
        "intellectual" => "智力残疾",
        "mental" => "精神残疾",
        "multiple" => "多重残疾",
        "decisive" => "决定性（改变认定结果）",
        "material" => "重要（改变补助金额或类别）",
        "minor" => "轻微（不影响结果和金额）",
        other => zh(other),
    }
}

/// The department record a verification finding rests on, `民政部门（2026-03-01）`.
pub(super) fn source_zh<'a>(x: &'a Facts<'a>) -> impl Piece + 'a {
    Lazy(move |o: &mut fmt::Formatter<'_>| {
        put!(
            o,
            zh_department(x.code("department")),
            "（",
            x.s("record_date"),
            "）"
        )
    })
}

/// The department record a verification finding rests on, `civil affairs record of 2026-03-01`.
pub(super) fn source_en<'a>(x: &'a Facts<'a>) -> impl Piece + 'a {
    Lazy(move |o: &mut fmt::Formatter<'_>| {
        put!(
            o,
            Spaced(x.code("department")),
            " record of ",
            x.s("record_date")
        )
    })
}

/// The income test against last year's per-capita disposable income: the sentence of RIG-8,
/// also written for the expenditure type of temporary relief (TR-2) after `prefix`.
pub(super) fn below_disposable_income(
    x: &Facts<'_>,
    prefix: (&str, &str),
    lang: Lang,
    w: &mut dyn fmt::Write,
) -> fmt::Result {
    let pass = x.pass();
    match lang {
        Lang::Zh => put!(
            w,
            prefix.0,
            "月人均收入 ",
            x.s("per_capita_income"),
            " 元",
            if pass { "低于" } else { "不低于" },
            "上年人均可支配收入 ",
            x.s("disposable_income_year"),
            " 元 ÷ 12 = ",
            x.s("line"),
            " 元"
        ),
        Lang::En => put!(
            w,
            prefix.1,
            "income per head ",
            x.s("per_capita_income"),
            " a month ",
            if pass { "below" } else { "not below" },
            " last year's disposable income ",
            x.s("disposable_income_year"),
            " ÷ 12 = ",
            x.s("line")
        ),
    }
}
