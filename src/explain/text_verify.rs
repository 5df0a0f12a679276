//! The sentences of the verification (VER-) and monitoring (MON-) findings.

use std::fmt::{self, Write as _};

use super::catalogue::RuleId;
use super::finding::{FigureValue, Finding, Verdict};
use super::text::{F, Lang, Lazy, Piece, Spaced, put, zh};

/// The Chinese name of a department.
fn zh_department(code: &str) -> &str {
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
        other => other,
    }
}

/// The Chinese name of an evidence item or detail code.
fn zh_item(code: &str) -> &str {
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

fn en(code: &str) -> Spaced<'_> {
    Spaced(code)
}

/// A typed figure for a sentence, whatever its kind.
fn any<'a>(x: &F<'a>, name: &'a str) -> impl fmt::Display + Piece + 'a {
    let f = x.0;
    Lazy(move |o: &mut fmt::Formatter<'_>| match f.figure(name) {
        Some(FigureValue::Code(c)) => put!(o, en(c)),
        Some(_) => put!(o, F(f).s(name)),
        None => o.write_str("—"),
    })
}

/// A typed figure for a Chinese sentence, with its unit.
fn any_zh<'a>(x: &F<'a>, name: &'a str) -> impl fmt::Display + Piece + 'a {
    let f = x.0;
    Lazy(move |o: &mut fmt::Formatter<'_>| match f.figure(name) {
        Some(FigureValue::Code(c)) => o.write_str(zh_item(c)),
        Some(FigureValue::Yuan(_)) => put!(o, F(f).s(name), " 元"),
        Some(FigureValue::Area(_)) => put!(o, F(f).s(name), " 平方米"),
        Some(_) => put!(o, F(f).s(name)),
        None => o.write_str("无"),
    })
}

/// Writes the sentence for a VER- or MON- finding (without the member prefix).
pub(crate) fn render(f: &Finding, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let x = F(f);
    let pass = f.verdict == Verdict::Pass;
    let dep = x.code("department");
    let src_zh = Lazy(|o: &mut fmt::Formatter<'_>| {
        put!(o, zh_department(dep), "（", x.s("record_date"), "）")
    });
    let src_en =
        Lazy(|o: &mut fmt::Formatter<'_>| put!(o, en(dep), " record of ", x.s("record_date")));
    match (f.rule, lang) {
        (RuleId::VerAuth, Lang::Zh) => {
            if pass {
                put!(w, x.s("records"), " 条核对数据均来自该事项的权威部门")
            } else {
                put!(
                    w,
                    zh_department(dep),
                    "不是",
                    zh_item(x.code("item")),
                    "的权威来源，该记录不作为认定依据"
                )
            }
        }
        (RuleId::VerAuth, Lang::En) => {
            if pass {
                put!(
                    w,
                    "all ",
                    x.s("records"),
                    " records come from the department authoritative for their item"
                )
            } else {
                put!(
                    w,
                    en(dep),
                    " is not authoritative for ",
                    en(x.code("item")),
                    ": the record is not used"
                )
            }
        }
        (RuleId::VerReq, Lang::Zh) => match f.verdict {
            Verdict::Pass => put!(w, "本次核对所需的 ", x.s("required"), " 个部门数据齐全"),
            Verdict::NotApplicable => w.write_str("未提供部门核对数据，结果仅依据申报信息"),
            _ => put!(
                w,
                "缺少",
                zh_department(dep),
                "的核对数据，需补充核对后再作认定"
            ),
        },
        (RuleId::VerReq, Lang::En) => match f.verdict {
            Verdict::Pass => put!(
                w,
                "data from all ",
                x.s("required"),
                " departments the purpose requires is present"
            ),
            Verdict::NotApplicable => w.write_str(
                "no department data supplied: the result rests on the declaration alone",
            ),
            _ => put!(
                w,
                "no data from ",
                en(dep),
                ": the decision waits for that check"
            ),
        },
        (RuleId::VerVehicle, Lang::Zh) => {
            let kind = zh(x.code("vehicle_kind"));
            match (pass, x.code("declared")) {
                (true, _) => put!(w, src_zh, "登记的", kind, "与申报一致"),
                (false, "no") => put!(
                    w,
                    src_zh,
                    "登记有",
                    kind,
                    "（价值 ",
                    x.s("verified_value"),
                    " 元），申报中没有"
                ),
                (false, _) => put!(
                    w,
                    src_zh,
                    "登记的",
                    kind,
                    "价值 ",
                    x.s("verified_value"),
                    " 元，申报 ",
                    x.s("declared_value"),
                    " 元"
                ),
            }
        }
        (RuleId::VerVehicle, Lang::En) => {
            let kind = en(x.code("vehicle_kind"));
            match (pass, x.code("declared")) {
                (true, _) => put!(w, src_en, ": the ", kind, " agrees with the declaration"),
                (false, "no") => put!(
                    w,
                    src_en,
                    ": a ",
                    kind,
                    " (value ",
                    x.s("verified_value"),
                    ") is registered but was not declared"
                ),
                (false, _) => put!(
                    w,
                    src_en,
                    ": the ",
                    kind,
                    " is valued ",
                    x.s("verified_value"),
                    ", declared ",
                    x.s("declared_value")
                ),
            }
        }
        (RuleId::VerProperty, Lang::Zh) => {
            let loc = zh_item(x.code("location"));
            match (pass, x.code("declared")) {
                (true, _) => put!(
                    w,
                    src_zh,
                    loc,
                    "住房 ",
                    x.s("verified_area"),
                    " 平方米，与申报一致"
                ),
                (false, "no") => put!(
                    w,
                    src_zh,
                    "登记有",
                    loc,
                    "住房 ",
                    x.s("verified_area"),
                    " 平方米，申报中没有"
                ),
                (false, _) => put!(
                    w,
                    src_zh,
                    loc,
                    "住房登记面积 ",
                    x.s("verified_area"),
                    " 平方米，申报 ",
                    x.s("declared_area"),
                    " 平方米"
                ),
            }
        }
        (RuleId::VerProperty, Lang::En) => {
            let loc = en(x.code("location"));
            match (pass, x.code("declared")) {
                (true, _) => put!(
                    w,
                    src_en,
                    ": ",
                    loc,
                    " home of ",
                    x.s("verified_area"),
                    " m² agrees with the declaration"
                ),
                (false, "no") => put!(
                    w,
                    src_en,
                    ": a ",
                    loc,
                    " home of ",
                    x.s("verified_area"),
                    " m² is registered but was not declared"
                ),
                (false, _) => put!(
                    w,
                    src_en,
                    ": ",
                    loc,
                    " home registered at ",
                    x.s("verified_area"),
                    " m², declared ",
                    x.s("declared_area"),
                    " m²"
                ),
            }
        }
        (RuleId::VerBalance | RuleId::VerPension | RuleId::VerMedical, Lang::Zh) => {
            let what = match f.rule {
                RuleId::VerBalance => "金融资产",
                RuleId::VerPension => "月养老金",
                _ => "医疗费用个人自付",
            };
            if pass {
                put!(w, src_zh, what, " ", x.s("verified"), " 元，与申报一致")
            } else {
                put!(
                    w,
                    src_zh,
                    what,
                    " ",
                    x.s("verified"),
                    " 元，申报 ",
                    x.s("declared"),
                    " 元",
                    match (f.rule, x.code("applied")) {
                        (RuleId::VerMedical, _) | (_, "yes") => "，按核对数计算",
                        _ => "，核对数较低，保留申报数",
                    }
                )
            }
        }
        (RuleId::VerBalance | RuleId::VerPension | RuleId::VerMedical, Lang::En) => {
            let what = match f.rule {
                RuleId::VerBalance => "financial assets",
                RuleId::VerPension => "monthly pension",
                _ => "self-paid medical costs",
            };
            if pass {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    " agree with the declaration"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    ", declared ",
                    x.s("declared"),
                    match (f.rule, x.code("applied")) {
                        (RuleId::VerMedical, _) | (_, "yes") => "; the recorded figure is used",
                        _ => "; the record is lower, so the declared figure stays",
                    }
                )
            }
        }
        (RuleId::VerWage, Lang::Zh) => {
            let what = if x.code("source") == "contribution_base" {
                "缴费基数"
            } else {
                "月工资"
            };
            if pass {
                put!(w, src_zh, what, " ", x.s("verified"), " 元，与申报工资一致")
            } else {
                put!(
                    w,
                    src_zh,
                    what,
                    " ",
                    x.s("verified"),
                    " 元，申报月工资 ",
                    x.s("declared"),
                    " 元",
                    if x.code("applied") == "yes" {
                        "，按核对数计算工资收入"
                    } else {
                        "，未替代申报数"
                    }
                )
            }
        }
        (RuleId::VerWage, Lang::En) => {
            let what = if x.code("source") == "contribution_base" {
                "contribution base"
            } else {
                "monthly wage"
            };
            if pass {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    " agrees with the declared wage"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": ",
                    what,
                    " ",
                    x.s("verified"),
                    ", declared wage ",
                    x.s("declared"),
                    " a month",
                    if x.code("applied") == "yes" {
                        "; the recorded figure is used"
                    } else {
                        "; the declared figure stays"
                    }
                )
            }
        }
        (RuleId::VerBusiness, Lang::Zh) => {
            let kind = zh(x.code("business_kind"));
            if pass {
                put!(
                    w,
                    src_zh,
                    kind,
                    "登记（",
                    zh_item(active_word(x.code("verified_active"))),
                    "）与申报一致"
                )
            } else {
                put!(
                    w,
                    src_zh,
                    kind,
                    "登记为",
                    zh_item(active_word(x.code("verified_active"))),
                    "，申报为",
                    match x.code("declared_active") {
                        "none" => "未申报",
                        "yes" => "存续经营",
                        _ => "已停业",
                    }
                )
            }
        }
        (RuleId::VerBusiness, Lang::En) => {
            let kind = en(x.code("business_kind"));
            if pass {
                put!(
                    w,
                    src_en,
                    ": ",
                    kind,
                    " registration (",
                    active_word(x.code("verified_active")),
                    ") agrees with the declaration"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": ",
                    kind,
                    " registration is ",
                    active_word(x.code("verified_active")),
                    ", declared ",
                    match x.code("declared_active") {
                        "none" => "not at all",
                        "yes" => "active",
                        _ => "inactive",
                    }
                )
            }
        }
        (RuleId::VerDisability, Lang::Zh) => {
            let v = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    zh_item(x.code("verified_kind")),
                    " ",
                    x.s("verified_grade"),
                    " 级"
                )
            });
            if pass {
                put!(w, src_zh, "残疾人证（", v, "）与申报一致")
            } else if f.figure("declared_grade").is_some() {
                put!(
                    w,
                    src_zh,
                    "残疾人证为",
                    v,
                    "，申报为",
                    zh_item(x.code("declared_kind")),
                    " ",
                    x.s("declared_grade"),
                    " 级，按证件认定"
                )
            } else {
                put!(w, src_zh, "持有残疾人证（", v, "），申报中没有，按证件认定")
            }
        }
        (RuleId::VerDisability, Lang::En) => {
            let v = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    en(x.code("verified_kind")),
                    " grade ",
                    x.s("verified_grade")
                )
            });
            if pass {
                put!(
                    w,
                    src_en,
                    ": the certificate (",
                    v,
                    ") agrees with the declaration"
                )
            } else if f.figure("declared_grade").is_some() {
                put!(
                    w,
                    src_en,
                    ": the certificate says ",
                    v,
                    ", declared ",
                    en(x.code("declared_kind")),
                    " grade ",
                    x.s("declared_grade"),
                    "; the certificate is used"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": a certificate (",
                    v,
                    ") exists but was not declared; it is used"
                )
            }
        }
        (RuleId::VerDeath, Lang::Zh) => {
            if pass {
                w.write_str("已查询死亡登记，无家庭成员死亡记录")
            } else {
                put!(
                    w,
                    src_zh,
                    "显示该成员已于 ",
                    x.s("date_of_death"),
                    " 死亡，不再计入家庭成员"
                )
            }
        }
        (RuleId::VerDeath, Lang::En) => {
            if pass {
                w.write_str("death records were queried: none for any member")
            } else {
                put!(
                    w,
                    src_en,
                    ": the member died on ",
                    x.s("date_of_death"),
                    " and no longer counts"
                )
            }
        }
        (RuleId::VerPrison, Lang::Zh) => match (pass, x.code("reason")) {
            (true, "no_record") => w.write_str("已查询服刑信息，无家庭成员服刑记录"),
            (true, _) => put!(w, src_zh, "服刑信息与申报一致"),
            (false, _) => put!(
                w,
                src_zh,
                "显示该成员自 ",
                x.s("since"),
                " 起服刑，申报中没有，不计入家庭成员"
            ),
        },
        (RuleId::VerPrison, Lang::En) => match (pass, x.code("reason")) {
            (true, "no_record") => {
                w.write_str("imprisonment records were queried: none for any member")
            }
            (true, _) => put!(w, src_en, ": imprisonment agrees with the declaration"),
            (false, _) => put!(
                w,
                src_en,
                ": serving a sentence since ",
                x.s("since"),
                ", not declared; the member no longer counts"
            ),
        },
        (RuleId::VerSchool, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    src_zh,
                    "在校信息（",
                    x.s("verified_level"),
                    "）与申报一致"
                )
            } else {
                put!(
                    w,
                    src_zh,
                    "显示在读 ",
                    x.s("verified_level"),
                    "，申报为 ",
                    any_zh(&x, "declared_level")
                )
            }
        }
        (RuleId::VerSchool, Lang::En) => {
            if pass {
                put!(
                    w,
                    src_en,
                    ": enrolment (",
                    en(x.code("verified_level")),
                    ") agrees with the declaration"
                )
            } else {
                put!(
                    w,
                    src_en,
                    ": enrolled at ",
                    en(x.code("verified_level")),
                    ", declared ",
                    any(&x, "declared_level")
                )
            }
        }
        (RuleId::VerEffect, Lang::Zh) => {
            let detail = Lazy(|o: &mut fmt::Formatter<'_>| match f.figure("detail") {
                Some(_) => put!(o, "，", any_zh(&x, "detail")),
                None => Ok(()),
            });
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    "核对",
                    zh_department(dep),
                    zh_item(x.code("item")),
                    "记录（",
                    x.s("record_date"),
                    detail,
                    "）：申报 ",
                    any_zh(&x, "declared"),
                    "，核对结果 ",
                    any_zh(&x, "verified")
                )
            });
            if pass {
                put!(
                    w,
                    what,
                    "；差异",
                    zh_item(x.code("effect")),
                    "，无需入户核查"
                )
            } else {
                put!(
                    w,
                    what,
                    "；差异",
                    zh_item(x.code("effect")),
                    "，请乡镇入户核实该记录与家庭实际情况"
                )
            }
        }
        (RuleId::VerEffect, Lang::En) => {
            let detail = Lazy(|o: &mut fmt::Formatter<'_>| match f.figure("detail") {
                Some(_) => put!(o, ", ", any(&x, "detail")),
                None => Ok(()),
            });
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                put!(
                    o,
                    en(dep),
                    " record of ",
                    en(x.code("item")),
                    " on ",
                    x.s("record_date"),
                    detail,
                    ": declared ",
                    Lazy(|o: &mut fmt::Formatter<'_>| match f.figure("declared") {
                        Some(_) => write!(o, "{}", any(&x, "declared")),
                        None => o.write_str("nothing"),
                    }),
                    ", recorded ",
                    any(&x, "verified")
                )
            });
            match x.code("effect") {
                "decisive" => put!(
                    w,
                    what,
                    "; the difference changes the outcome: the township is to verify the record with the household on site"
                ),
                "material" => put!(
                    w,
                    what,
                    "; the difference changes the amount: the township is to verify the record with the household on site"
                ),
                _ => put!(
                    w,
                    what,
                    "; the difference changes neither outcome nor amount: no field check needed"
                ),
            }
        }
        (RuleId::MonContinue, Lang::Zh) => put!(
            w,
            "仍符合",
            zh_item(x.code("programme")),
            "条件，金额不变，继续按月 ",
            x.s("amount"),
            " 元保障"
        ),
        (RuleId::MonContinue, Lang::En) => put!(
            w,
            "still eligible for ",
            en(x.code("programme")),
            " at the same amount: continue at ",
            x.s("amount"),
            " a month"
        ),
        (RuleId::MonAdjust, Lang::Zh) => put!(
            w,
            "仍符合",
            zh_item(x.code("programme")),
            "条件，补助由月 ",
            x.s("current_amount"),
            " 元调整为 ",
            x.s("new_amount"),
            " 元（差额 ",
            x.s("difference"),
            " 元）"
        ),
        (RuleId::MonAdjust, Lang::En) => put!(
            w,
            "still eligible for ",
            en(x.code("programme")),
            ": adjust from ",
            x.s("current_amount"),
            " to ",
            x.s("new_amount"),
            " a month (difference ",
            x.s("difference"),
            ")"
        ),
        (RuleId::MonExit, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    "因务工收入增加，人均收入超过标准（不计劳动收入人均 ",
                    x.s("income_without_work_per_head"),
                    " 元低于标准 ",
                    x.s("standard"),
                    " 元），给予 ",
                    x.s("months"),
                    " 个月渐退期，按月 ",
                    x.s("amount"),
                    " 元发放至 ",
                    month(x.s("exit_end_month"))
                )
            } else {
                w.write_str("收入超过标准并非仅因劳动收入增加，不适用渐退")
            }
        }
        (RuleId::MonExit, Lang::En) => {
            if pass {
                put!(
                    w,
                    "income per head rose above the standard through work (without work income ",
                    x.s("income_without_work_per_head"),
                    " per head, below the standard ",
                    x.s("standard"),
                    "): gradual exit for ",
                    x.s("months"),
                    " months at ",
                    x.s("amount"),
                    " a month, last month ",
                    month(x.s("exit_end_month"))
                )
            } else {
                w.write_str("income is above the standard not only through work: no gradual exit")
            }
        }
        (RuleId::MonTerminate, Lang::Zh) => put!(
            w,
            "不再符合",
            zh_item(x.code("programme")),
            "条件（",
            x.s("failed_rule"),
            "），建议停止保障"
        ),
        (RuleId::MonTerminate, Lang::En) => put!(
            w,
            "no longer eligible for ",
            en(x.code("programme")),
            " (",
            x.s("failed_rule"),
            "): terminate"
        ),
        (RuleId::MonEnrol, Lang::Zh) if f.figure("from_programme").is_some() => put!(
            w,
            "不再符合",
            zh_item(x.code("from_programme")),
            "条件，但符合",
            zh_item(x.code("programme")),
            "条件，应转入并协助办理",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, "（预计月补助 {} 元）", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonEnrol, Lang::En) if f.figure("from_programme").is_some() => put!(
            w,
            "no longer eligible for ",
            en(x.code("from_programme")),
            " but eligible for ",
            en(x.code("programme")),
            ": move the household and help it apply",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, " (about {} a month)", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonEnrol, Lang::Zh) => put!(
            w,
            "符合",
            zh_item(x.code("programme")),
            "条件但未纳入，应告知并协助申请",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, "（预计月补助 {} 元）", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonEnrol, Lang::En) => put!(
            w,
            "eligible for ",
            en(x.code("programme")),
            " but not enrolled: tell the household and help it apply",
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, " (about {} a month)", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonReview, Lang::Zh) => put!(
            w,
            zh_item(x.code("basis")),
            "，每 ",
            x.s("months"),
            " 个月复核一次，下次复核 ",
            x.s("next_review")
        ),
        (RuleId::MonReview, Lang::En) => put!(
            w,
            match x.code("basis") {
                "unstable" => "members able to work and earning",
                "special_hardship" => "special hardship support",
                _ => "a situation that changes little",
            },
            ": reviewed every ",
            x.s("months"),
            " months, next review ",
            x.s("next_review")
        ),
        (RuleId::MonRedMissed, Lang::Zh) => {
            if pass {
                w.write_str("无符合条件未纳入的情形")
            } else {
                put!(
                    w,
                    "红色预警：符合",
                    zh_item(x.code("programme")),
                    "条件但未纳入保障"
                )
            }
        }
        (RuleId::MonRedMissed, Lang::En) => {
            if pass {
                w.write_str("no programme missed")
            } else {
                put!(
                    w,
                    "red: eligible for ",
                    en(x.code("programme")),
                    " but not enrolled"
                )
            }
        }
        (RuleId::MonRedSudden, Lang::Zh) => {
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                if x.code("trigger") == "monitoring_record" {
                    put!(o, src_zh, "显示突发严重困难")
                } else {
                    put!(
                        o,
                        x.s("record_date"),
                        " 发生突发事件（",
                        zh_event(x.code("trigger")),
                        "）"
                    )
                }
            });
            if pass {
                put!(w, what, "，家庭已获或可获救助")
            } else {
                put!(w, "红色预警：", what, "，家庭未获任何救助")
            }
        }
        (RuleId::MonRedSudden, Lang::En) => {
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                if x.code("trigger") == "monitoring_record" {
                    put!(o, src_en, " shows sudden severe difficulty")
                } else {
                    put!(o, "a ", en(x.code("trigger")), " on ", x.s("record_date"))
                }
            });
            if pass {
                put!(w, what, ", and the household is or can be assisted")
            } else {
                put!(
                    w,
                    "red: ",
                    what,
                    ", and the household receives no assistance"
                )
            }
        }
        (RuleId::MonOrangeDecisive, Lang::Zh) => {
            if pass {
                w.write_str("核对未发现决定性差异")
            } else {
                put!(
                    w,
                    "橙色预警：核对发现 ",
                    x.s("discrepancies"),
                    " 项决定性差异"
                )
            }
        }
        (RuleId::MonOrangeDecisive, Lang::En) => {
            if pass {
                w.write_str("no decisive discrepancy")
            } else {
                put!(
                    w,
                    "orange: ",
                    x.s("discrepancies"),
                    " decisive discrepancies"
                )
            }
        }
        (RuleId::MonYellowMaterial, Lang::Zh) => {
            if pass {
                w.write_str("核对未发现影响金额的差异")
            } else {
                put!(
                    w,
                    "黄色预警：核对发现 ",
                    x.s("discrepancies"),
                    " 项影响补助金额的差异"
                )
            }
        }
        (RuleId::MonYellowMaterial, Lang::En) => {
            if pass {
                w.write_str("no material discrepancy")
            } else {
                put!(
                    w,
                    "yellow: ",
                    x.s("discrepancies"),
                    " material discrepancies"
                )
            }
        }
        (RuleId::MonBlueMinor, Lang::Zh) => {
            if pass {
                w.write_str("不属于仅有轻微差异的情形")
            } else {
                put!(w, "蓝色预警：仅有 ", x.s("discrepancies"), " 项轻微差异")
            }
        }
        (RuleId::MonBlueMinor, Lang::En) => {
            if pass {
                w.write_str("not a case of minor discrepancies only")
            } else {
                put!(
                    w,
                    "blue: ",
                    x.s("discrepancies"),
                    " minor discrepancies only"
                )
            }
        }
        (RuleId::MonYellowNear, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    "人均收入 ",
                    x.s("per_capita_income"),
                    " 元不在任何标准的 ",
                    x.s("share"),
                    " 范围内"
                )
            } else {
                put!(
                    w,
                    "黄色预警：人均收入 ",
                    x.s("per_capita_income"),
                    " 元距",
                    zh_item(x.code("threshold_name")),
                    " ",
                    x.s("threshold"),
                    " 元仅 ",
                    x.dist(),
                    " 元（",
                    x.s("share"),
                    " 以内）"
                )
            }
        }
        (RuleId::MonYellowNear, Lang::En) => {
            if pass {
                put!(
                    w,
                    "income per head ",
                    x.s("per_capita_income"),
                    " is not within ",
                    x.s("share"),
                    " of any threshold"
                )
            } else {
                put!(
                    w,
                    "yellow: income per head ",
                    x.s("per_capita_income"),
                    " is ",
                    x.dist(),
                    " from the ",
                    en(x.code("threshold_name")),
                    " ",
                    x.s("threshold"),
                    " (within ",
                    x.s("share"),
                    ")"
                )
            }
        }
        (RuleId::MonYellowOverdue, Lang::Zh) => {
            if pass {
                put!(
                    w,
                    "上次复核 ",
                    x.s("last_review"),
                    "，应于 ",
                    x.s("due"),
                    " 前复核，未逾期"
                )
            } else {
                put!(
                    w,
                    "黄色预警：上次复核 ",
                    x.s("last_review"),
                    "，按 ",
                    x.s("months"),
                    " 个月周期应于 ",
                    x.s("due"),
                    " 复核，已逾期"
                )
            }
        }
        (RuleId::MonYellowOverdue, Lang::En) => {
            if pass {
                put!(
                    w,
                    "last review ",
                    x.s("last_review"),
                    ", next due ",
                    x.s("due"),
                    ": not overdue"
                )
            } else {
                put!(
                    w,
                    "yellow: last review ",
                    x.s("last_review"),
                    ", due after ",
                    x.s("months"),
                    " months on ",
                    x.s("due"),
                    ": overdue"
                )
            }
        }
        (RuleId::MonOrangeRelief, Lang::Zh) => {
            if pass {
                w.write_str("无符合临时救助等条件而未获救助的情形")
            } else {
                put!(
                    w,
                    "橙色预警：符合",
                    zh_item(x.code("programme")),
                    "条件但未获救助"
                )
            }
        }
        (RuleId::MonOrangeRelief, Lang::En) => {
            if pass {
                w.write_str("no relief programme left unclaimed")
            } else {
                put!(
                    w,
                    "orange: eligible for ",
                    en(x.code("programme")),
                    " but not receiving it"
                )
            }
        }
        _ => Ok(()),
    }
}

fn zh_event(code: &str) -> &str {
    match code {
        "fire" => "火灾",
        "traffic_accident" => "交通事故",
        "sudden_serious_illness" => "突发重大疾病",
        "natural_disaster" => "自然灾害",
        "other" => "其他意外",
        other => other,
    }
}

fn active_word(code: &str) -> &'static str {
    if code == "yes" { "active" } else { "inactive" }
}

/// `2027-05-01` shown as `2027-05`: the first seven characters of what `shown` writes.
fn month(shown: impl fmt::Display) -> impl fmt::Display + Piece {
    /// Passes on the first `left` characters written to it.
    struct Take<'a, 'b> {
        out: &'a mut fmt::Formatter<'b>,
        left: usize,
    }
    impl fmt::Write for Take<'_, '_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let end = s.char_indices().nth(self.left).map_or(s.len(), |(i, _)| i);
            let kept = s.get(..end).unwrap_or_default();
            self.left -= kept.chars().count();
            self.out.write_str(kept)
        }
    }
    Lazy(move |o: &mut fmt::Formatter<'_>| write!(Take { out: o, left: 7 }, "{shown}"))
}
