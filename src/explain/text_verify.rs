//! The sentences of the verification (VER-) and monitoring (MON-) findings.

use std::fmt::{self, Write as _};

use super::catalogue::RuleId;
use super::finding::{FigureValue, Finding, Verdict};
use super::text::{F, Lang, Lazy, Spaced, zh};

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
fn any<'a>(x: &F<'a>, name: &'a str) -> impl fmt::Display + 'a {
    let f = x.0;
    Lazy(move |o: &mut fmt::Formatter<'_>| match f.figure(name) {
        Some(FigureValue::Code(c)) => write!(o, "{}", en(c)),
        Some(_) => write!(o, "{}", F(f).s(name)),
        None => o.write_str("—"),
    })
}

/// A typed figure for a Chinese sentence, with its unit.
fn any_zh<'a>(x: &F<'a>, name: &'a str) -> impl fmt::Display + 'a {
    let f = x.0;
    Lazy(move |o: &mut fmt::Formatter<'_>| match f.figure(name) {
        Some(FigureValue::Code(c)) => o.write_str(zh_item(c)),
        Some(FigureValue::Yuan(_)) => write!(o, "{} 元", F(f).s(name)),
        Some(FigureValue::Area(_)) => write!(o, "{} 平方米", F(f).s(name)),
        Some(_) => write!(o, "{}", F(f).s(name)),
        None => o.write_str("无"),
    })
}

/// Writes the sentence for a VER- or MON- finding (without the member prefix).
pub(crate) fn render(f: &Finding, lang: Lang, w: &mut dyn fmt::Write) -> fmt::Result {
    let x = F(f);
    let pass = f.verdict == Verdict::Pass;
    let dep = x.code("department");
    let src_zh = Lazy(|o: &mut fmt::Formatter<'_>| {
        write!(o, "{}（{}）", zh_department(dep), x.s("record_date"))
    });
    let src_en = Lazy(|o: &mut fmt::Formatter<'_>| {
        write!(o, "{} record of {}", en(dep), x.s("record_date"))
    });
    match (f.rule, lang) {
        (RuleId::VerAuth, Lang::Zh) => {
            if pass {
                write!(w, "{} 条核对数据均来自该事项的权威部门", x.s("records"))
            } else {
                write!(
                    w,
                    "{}不是{}的权威来源，该记录不作为认定依据",
                    zh_department(dep),
                    zh_item(x.code("item"))
                )
            }
        }
        (RuleId::VerAuth, Lang::En) => {
            if pass {
                write!(
                    w,
                    "all {} records come from the department authoritative for their item",
                    x.s("records")
                )
            } else {
                write!(
                    w,
                    "{} is not authoritative for {}: the record is not used",
                    en(dep),
                    en(x.code("item"))
                )
            }
        }
        (RuleId::VerReq, Lang::Zh) => match f.verdict {
            Verdict::Pass => write!(w, "本次核对所需的 {} 个部门数据齐全", x.s("required")),
            Verdict::NotApplicable => w.write_str("未提供部门核对数据，结果仅依据申报信息"),
            _ => write!(
                w,
                "缺少{}的核对数据，需补充核对后再作认定",
                zh_department(dep)
            ),
        },
        (RuleId::VerReq, Lang::En) => match f.verdict {
            Verdict::Pass => write!(
                w,
                "data from all {} departments the purpose requires is present",
                x.s("required")
            ),
            Verdict::NotApplicable => w.write_str(
                "no department data supplied: the result rests on the declaration alone",
            ),
            _ => write!(
                w,
                "no data from {}: the decision waits for that check",
                en(dep)
            ),
        },
        (RuleId::VerVehicle, Lang::Zh) => {
            let kind = zh(x.code("vehicle_kind"));
            match (pass, x.code("declared")) {
                (true, _) => write!(w, "{src_zh}登记的{kind}与申报一致"),
                (false, "no") => write!(
                    w,
                    "{src_zh}登记有{kind}（价值 {} 元），申报中没有",
                    x.s("verified_value")
                ),
                (false, _) => write!(
                    w,
                    "{src_zh}登记的{kind}价值 {} 元，申报 {} 元",
                    x.s("verified_value"),
                    x.s("declared_value")
                ),
            }
        }
        (RuleId::VerVehicle, Lang::En) => {
            let kind = en(x.code("vehicle_kind"));
            match (pass, x.code("declared")) {
                (true, _) => write!(w, "{src_en}: the {kind} agrees with the declaration"),
                (false, "no") => write!(
                    w,
                    "{src_en}: a {kind} (value {}) is registered but was not declared",
                    x.s("verified_value")
                ),
                (false, _) => write!(
                    w,
                    "{src_en}: the {kind} is valued {}, declared {}",
                    x.s("verified_value"),
                    x.s("declared_value")
                ),
            }
        }
        (RuleId::VerProperty, Lang::Zh) => {
            let loc = zh_item(x.code("location"));
            match (pass, x.code("declared")) {
                (true, _) => write!(
                    w,
                    "{src_zh}{loc}住房 {} 平方米，与申报一致",
                    x.s("verified_area")
                ),
                (false, "no") => write!(
                    w,
                    "{src_zh}登记有{loc}住房 {} 平方米，申报中没有",
                    x.s("verified_area")
                ),
                (false, _) => write!(
                    w,
                    "{src_zh}{loc}住房登记面积 {} 平方米，申报 {} 平方米",
                    x.s("verified_area"),
                    x.s("declared_area")
                ),
            }
        }
        (RuleId::VerProperty, Lang::En) => {
            let loc = en(x.code("location"));
            match (pass, x.code("declared")) {
                (true, _) => write!(
                    w,
                    "{src_en}: {loc} home of {} m² agrees with the declaration",
                    x.s("verified_area")
                ),
                (false, "no") => write!(
                    w,
                    "{src_en}: a {loc} home of {} m² is registered but was not declared",
                    x.s("verified_area")
                ),
                (false, _) => write!(
                    w,
                    "{src_en}: {loc} home registered at {} m², declared {} m²",
                    x.s("verified_area"),
                    x.s("declared_area")
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
                write!(w, "{src_zh}{what} {} 元，与申报一致", x.s("verified"))
            } else {
                write!(
                    w,
                    "{src_zh}{what} {} 元，申报 {} 元{}",
                    x.s("verified"),
                    x.s("declared"),
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
                write!(
                    w,
                    "{src_en}: {what} {} agree with the declaration",
                    x.s("verified")
                )
            } else {
                write!(
                    w,
                    "{src_en}: {what} {}, declared {}{}",
                    x.s("verified"),
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
                write!(w, "{src_zh}{what} {} 元，与申报工资一致", x.s("verified"))
            } else {
                write!(
                    w,
                    "{src_zh}{what} {} 元，申报月工资 {} 元{}",
                    x.s("verified"),
                    x.s("declared"),
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
                write!(
                    w,
                    "{src_en}: {what} {} agrees with the declared wage",
                    x.s("verified")
                )
            } else {
                write!(
                    w,
                    "{src_en}: {what} {}, declared wage {} a month{}",
                    x.s("verified"),
                    x.s("declared"),
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
                write!(
                    w,
                    "{src_zh}{kind}登记（{}）与申报一致",
                    zh_item(active_word(x.code("verified_active")))
                )
            } else {
                write!(
                    w,
                    "{src_zh}{kind}登记为{}，申报为{}",
                    zh_item(active_word(x.code("verified_active"))),
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
                write!(
                    w,
                    "{src_en}: {kind} registration ({}) agrees with the declaration",
                    active_word(x.code("verified_active"))
                )
            } else {
                write!(
                    w,
                    "{src_en}: {kind} registration is {}, declared {}",
                    active_word(x.code("verified_active")),
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
                write!(
                    o,
                    "{} {} 级",
                    zh_item(x.code("verified_kind")),
                    x.s("verified_grade")
                )
            });
            if pass {
                write!(w, "{src_zh}残疾人证（{v}）与申报一致")
            } else if f.figure("declared_grade").is_some() {
                write!(
                    w,
                    "{src_zh}残疾人证为{v}，申报为{} {} 级，按证件认定",
                    zh_item(x.code("declared_kind")),
                    x.s("declared_grade")
                )
            } else {
                write!(w, "{src_zh}持有残疾人证（{v}），申报中没有，按证件认定")
            }
        }
        (RuleId::VerDisability, Lang::En) => {
            let v = Lazy(|o: &mut fmt::Formatter<'_>| {
                write!(
                    o,
                    "{} grade {}",
                    en(x.code("verified_kind")),
                    x.s("verified_grade")
                )
            });
            if pass {
                write!(
                    w,
                    "{src_en}: the certificate ({v}) agrees with the declaration"
                )
            } else if f.figure("declared_grade").is_some() {
                write!(
                    w,
                    "{src_en}: the certificate says {v}, declared {} grade {}; the certificate is used",
                    en(x.code("declared_kind")),
                    x.s("declared_grade")
                )
            } else {
                write!(
                    w,
                    "{src_en}: a certificate ({v}) exists but was not declared; it is used"
                )
            }
        }
        (RuleId::VerDeath, Lang::Zh) => {
            if pass {
                w.write_str("已查询死亡登记，无家庭成员死亡记录")
            } else {
                write!(
                    w,
                    "{src_zh}显示该成员已于 {} 死亡，不再计入家庭成员",
                    x.s("date_of_death")
                )
            }
        }
        (RuleId::VerDeath, Lang::En) => {
            if pass {
                w.write_str("death records were queried: none for any member")
            } else {
                write!(
                    w,
                    "{src_en}: the member died on {} and no longer counts",
                    x.s("date_of_death")
                )
            }
        }
        (RuleId::VerPrison, Lang::Zh) => match (pass, x.code("reason")) {
            (true, "no_record") => w.write_str("已查询服刑信息，无家庭成员服刑记录"),
            (true, _) => write!(w, "{src_zh}服刑信息与申报一致"),
            (false, _) => write!(
                w,
                "{src_zh}显示该成员自 {} 起服刑，申报中没有，不计入家庭成员",
                x.s("since")
            ),
        },
        (RuleId::VerPrison, Lang::En) => match (pass, x.code("reason")) {
            (true, "no_record") => {
                w.write_str("imprisonment records were queried: none for any member")
            }
            (true, _) => write!(w, "{src_en}: imprisonment agrees with the declaration"),
            (false, _) => write!(
                w,
                "{src_en}: serving a sentence since {}, not declared; the member no longer counts",
                x.s("since")
            ),
        },
        (RuleId::VerSchool, Lang::Zh) => {
            if pass {
                write!(w, "{src_zh}在校信息（{}）与申报一致", x.s("verified_level"))
            } else {
                write!(
                    w,
                    "{src_zh}显示在读 {}，申报为 {}",
                    x.s("verified_level"),
                    any_zh(&x, "declared_level")
                )
            }
        }
        (RuleId::VerSchool, Lang::En) => {
            if pass {
                write!(
                    w,
                    "{src_en}: enrolment ({}) agrees with the declaration",
                    en(x.code("verified_level"))
                )
            } else {
                write!(
                    w,
                    "{src_en}: enrolled at {}, declared {}",
                    en(x.code("verified_level")),
                    any(&x, "declared_level")
                )
            }
        }
        (RuleId::VerEffect, Lang::Zh) => {
            let detail = Lazy(|o: &mut fmt::Formatter<'_>| match f.figure("detail") {
                Some(_) => write!(o, "，{}", any_zh(&x, "detail")),
                None => Ok(()),
            });
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                write!(
                    o,
                    "核对{}{}记录（{}{detail}）：申报 {}，核对结果 {}",
                    zh_department(dep),
                    zh_item(x.code("item")),
                    x.s("record_date"),
                    any_zh(&x, "declared"),
                    any_zh(&x, "verified")
                )
            });
            if pass {
                write!(w, "{what}；差异{}，无需入户核查", zh_item(x.code("effect")))
            } else {
                write!(
                    w,
                    "{what}；差异{}，请乡镇入户核实该记录与家庭实际情况",
                    zh_item(x.code("effect"))
                )
            }
        }
        (RuleId::VerEffect, Lang::En) => {
            let detail = Lazy(|o: &mut fmt::Formatter<'_>| match f.figure("detail") {
                Some(_) => write!(o, ", {}", any(&x, "detail")),
                None => Ok(()),
            });
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                write!(
                    o,
                    "{} record of {} on {}{detail}: declared {}, recorded {}",
                    en(dep),
                    en(x.code("item")),
                    x.s("record_date"),
                    Lazy(|o: &mut fmt::Formatter<'_>| match f.figure("declared") {
                        Some(_) => write!(o, "{}", any(&x, "declared")),
                        None => o.write_str("nothing"),
                    }),
                    any(&x, "verified")
                )
            });
            match x.code("effect") {
                "decisive" => write!(
                    w,
                    "{what}; the difference changes the outcome: the township is to verify the record with the household on site"
                ),
                "material" => write!(
                    w,
                    "{what}; the difference changes the amount: the township is to verify the record with the household on site"
                ),
                _ => write!(
                    w,
                    "{what}; the difference changes neither outcome nor amount: no field check needed"
                ),
            }
        }
        (RuleId::MonContinue, Lang::Zh) => write!(
            w,
            "仍符合{}条件，金额不变，继续按月 {} 元保障",
            zh_item(x.code("programme")),
            x.s("amount")
        ),
        (RuleId::MonContinue, Lang::En) => write!(
            w,
            "still eligible for {} at the same amount: continue at {} a month",
            en(x.code("programme")),
            x.s("amount")
        ),
        (RuleId::MonAdjust, Lang::Zh) => write!(
            w,
            "仍符合{}条件，补助由月 {} 元调整为 {} 元（差额 {} 元）",
            zh_item(x.code("programme")),
            x.s("current_amount"),
            x.s("new_amount"),
            x.s("difference")
        ),
        (RuleId::MonAdjust, Lang::En) => write!(
            w,
            "still eligible for {}: adjust from {} to {} a month (difference {})",
            en(x.code("programme")),
            x.s("current_amount"),
            x.s("new_amount"),
            x.s("difference")
        ),
        (RuleId::MonExit, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "因务工收入增加，人均收入超过标准（不计劳动收入人均 {} 元低于标准 {} 元），给予 {} 个月渐退期，按月 {} 元发放至 {}",
                    x.s("income_without_work_per_head"),
                    x.s("standard"),
                    x.s("months"),
                    x.s("amount"),
                    month(x.s("exit_end_month"))
                )
            } else {
                w.write_str("收入超过标准并非仅因劳动收入增加，不适用渐退")
            }
        }
        (RuleId::MonExit, Lang::En) => {
            if pass {
                write!(
                    w,
                    "income per head rose above the standard through work (without work income {} per head, below the standard {}): gradual exit for {} months at {} a month, last month {}",
                    x.s("income_without_work_per_head"),
                    x.s("standard"),
                    x.s("months"),
                    x.s("amount"),
                    month(x.s("exit_end_month"))
                )
            } else {
                w.write_str("income is above the standard not only through work: no gradual exit")
            }
        }
        (RuleId::MonTerminate, Lang::Zh) => write!(
            w,
            "不再符合{}条件（{}），建议停止保障",
            zh_item(x.code("programme")),
            x.s("failed_rule")
        ),
        (RuleId::MonTerminate, Lang::En) => write!(
            w,
            "no longer eligible for {} ({}): terminate",
            en(x.code("programme")),
            x.s("failed_rule")
        ),
        (RuleId::MonEnrol, Lang::Zh) if f.figure("from_programme").is_some() => write!(
            w,
            "不再符合{}条件，但符合{}条件，应转入并协助办理{}",
            zh_item(x.code("from_programme")),
            zh_item(x.code("programme")),
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, "（预计月补助 {} 元）", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonEnrol, Lang::En) if f.figure("from_programme").is_some() => write!(
            w,
            "no longer eligible for {} but eligible for {}: move the household and help it apply{}",
            en(x.code("from_programme")),
            en(x.code("programme")),
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, " (about {} a month)", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonEnrol, Lang::Zh) => write!(
            w,
            "符合{}条件但未纳入，应告知并协助申请{}",
            zh_item(x.code("programme")),
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, "（预计月补助 {} 元）", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonEnrol, Lang::En) => write!(
            w,
            "eligible for {} but not enrolled: tell the household and help it apply{}",
            en(x.code("programme")),
            Lazy(
                |o: &mut fmt::Formatter<'_>| if f.figure("amount").is_some() {
                    write!(o, " (about {} a month)", x.s("amount"))
                } else {
                    Ok(())
                }
            )
        ),
        (RuleId::MonReview, Lang::Zh) => write!(
            w,
            "{}，每 {} 个月复核一次，下次复核 {}",
            zh_item(x.code("basis")),
            x.s("months"),
            x.s("next_review")
        ),
        (RuleId::MonReview, Lang::En) => write!(
            w,
            "{}: reviewed every {} months, next review {}",
            match x.code("basis") {
                "unstable" => "members able to work and earning",
                "special_hardship" => "special hardship support",
                _ => "a situation that changes little",
            },
            x.s("months"),
            x.s("next_review")
        ),
        (RuleId::MonRedMissed, Lang::Zh) => {
            if pass {
                w.write_str("无符合条件未纳入的情形")
            } else {
                write!(
                    w,
                    "红色预警：符合{}条件但未纳入保障",
                    zh_item(x.code("programme"))
                )
            }
        }
        (RuleId::MonRedMissed, Lang::En) => {
            if pass {
                w.write_str("no programme missed")
            } else {
                write!(
                    w,
                    "red: eligible for {} but not enrolled",
                    en(x.code("programme"))
                )
            }
        }
        (RuleId::MonRedSudden, Lang::Zh) => {
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                if x.code("trigger") == "monitoring_record" {
                    write!(o, "{src_zh}显示突发严重困难")
                } else {
                    write!(
                        o,
                        "{} 发生突发事件（{}）",
                        x.s("record_date"),
                        zh_event(x.code("trigger"))
                    )
                }
            });
            if pass {
                write!(w, "{what}，家庭已获或可获救助")
            } else {
                write!(w, "红色预警：{what}，家庭未获任何救助")
            }
        }
        (RuleId::MonRedSudden, Lang::En) => {
            let what = Lazy(|o: &mut fmt::Formatter<'_>| {
                if x.code("trigger") == "monitoring_record" {
                    write!(o, "{src_en} shows sudden severe difficulty")
                } else {
                    write!(o, "a {} on {}", en(x.code("trigger")), x.s("record_date"))
                }
            });
            if pass {
                write!(w, "{what}, and the household is or can be assisted")
            } else {
                write!(w, "red: {what}, and the household receives no assistance")
            }
        }
        (RuleId::MonOrangeDecisive, Lang::Zh) => {
            if pass {
                w.write_str("核对未发现决定性差异")
            } else {
                write!(
                    w,
                    "橙色预警：核对发现 {} 项决定性差异",
                    x.s("discrepancies")
                )
            }
        }
        (RuleId::MonOrangeDecisive, Lang::En) => {
            if pass {
                w.write_str("no decisive discrepancy")
            } else {
                write!(w, "orange: {} decisive discrepancies", x.s("discrepancies"))
            }
        }
        (RuleId::MonYellowMaterial, Lang::Zh) => {
            if pass {
                w.write_str("核对未发现影响金额的差异")
            } else {
                write!(
                    w,
                    "黄色预警：核对发现 {} 项影响补助金额的差异",
                    x.s("discrepancies")
                )
            }
        }
        (RuleId::MonYellowMaterial, Lang::En) => {
            if pass {
                w.write_str("no material discrepancy")
            } else {
                write!(w, "yellow: {} material discrepancies", x.s("discrepancies"))
            }
        }
        (RuleId::MonBlueMinor, Lang::Zh) => {
            if pass {
                w.write_str("不属于仅有轻微差异的情形")
            } else {
                write!(w, "蓝色预警：仅有 {} 项轻微差异", x.s("discrepancies"))
            }
        }
        (RuleId::MonBlueMinor, Lang::En) => {
            if pass {
                w.write_str("not a case of minor discrepancies only")
            } else {
                write!(w, "blue: {} minor discrepancies only", x.s("discrepancies"))
            }
        }
        (RuleId::MonYellowNear, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "人均收入 {} 元不在任何标准的 {} 范围内",
                    x.s("per_capita_income"),
                    x.s("share")
                )
            } else {
                write!(
                    w,
                    "黄色预警：人均收入 {} 元距{} {} 元仅 {} 元（{} 以内）",
                    x.s("per_capita_income"),
                    zh_item(x.code("threshold_name")),
                    x.s("threshold"),
                    x.dist(),
                    x.s("share")
                )
            }
        }
        (RuleId::MonYellowNear, Lang::En) => {
            if pass {
                write!(
                    w,
                    "income per head {} is not within {} of any threshold",
                    x.s("per_capita_income"),
                    x.s("share")
                )
            } else {
                write!(
                    w,
                    "yellow: income per head {} is {} from the {} {} (within {})",
                    x.s("per_capita_income"),
                    x.dist(),
                    en(x.code("threshold_name")),
                    x.s("threshold"),
                    x.s("share")
                )
            }
        }
        (RuleId::MonYellowOverdue, Lang::Zh) => {
            if pass {
                write!(
                    w,
                    "上次复核 {}，应于 {} 前复核，未逾期",
                    x.s("last_review"),
                    x.s("due")
                )
            } else {
                write!(
                    w,
                    "黄色预警：上次复核 {}，按 {} 个月周期应于 {} 复核，已逾期",
                    x.s("last_review"),
                    x.s("months"),
                    x.s("due")
                )
            }
        }
        (RuleId::MonYellowOverdue, Lang::En) => {
            if pass {
                write!(
                    w,
                    "last review {}, next due {}: not overdue",
                    x.s("last_review"),
                    x.s("due")
                )
            } else {
                write!(
                    w,
                    "yellow: last review {}, due after {} months on {}: overdue",
                    x.s("last_review"),
                    x.s("months"),
                    x.s("due")
                )
            }
        }
        (RuleId::MonOrangeRelief, Lang::Zh) => {
            if pass {
                w.write_str("无符合临时救助等条件而未获救助的情形")
            } else {
                write!(
                    w,
                    "橙色预警：符合{}条件但未获救助",
                    zh_item(x.code("programme"))
                )
            }
        }
        (RuleId::MonOrangeRelief, Lang::En) => {
            if pass {
                w.write_str("no relief programme left unclaimed")
            } else {
                write!(
                    w,
                    "orange: eligible for {} but not receiving it",
                    en(x.code("programme"))
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
fn month(shown: impl fmt::Display) -> impl fmt::Display {
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
