//! Decisions in writing (S0 Arts. 45, 48): the notice texts of two case files, checked in full.
//! The case files (`examples/cases/notice-*.toml`) hold the households and the arithmetic; this
//! test holds the whole text each must give, Chinese first and English after.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use jiuzhu::{NoticeKind, Programme, RuleBook};
use jiuzhu_tools::casefile::CaseFile;

/// The notices of a case file under the embedded rules (and the file's own overlay).
fn notices_of(file: &str) -> Vec<jiuzhu::Notice> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/cases")
        .join(file);
    let cf = CaseFile::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut book = RuleBook::embedded();
    if let Some(r) = &cf.rules {
        book = book.overlay_str(r).unwrap();
    }
    let case = jiuzhu::parse_case(&cf.case_json).unwrap();
    let det = jiuzhu::evaluate(&case, &book).unwrap();
    jiuzhu::notices(&det)
}

#[test]
fn the_refusal_notice_gives_the_deciding_findings_chinese_first() {
    let n = notices_of("notice-refusal-income-above-standard.toml");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].kind, NoticeKind::Refusal);
    assert_eq!(n[0].programme, Programme::MinimumLiving);
    let want = "\
社会救助决定告知书（不予批准）
救助项目：最低生活保障
评估日期：2026-11-01
依据：S0 Art. 45
经审核，申请不符合条件，不予批准。理由如下：
1. [DB-1] 月人均收入 1350.00 元不低于低保标准 623.00 元，高出 727.00 元（S0 Art. 18; S7 item 2）
2. [HH-7] 家庭整体不符合条件，只能按单人保途径考虑个别成员（S6 §1(1)）
（家庭成员以代号表示，姓名由经办机关填写。）

Notice of a social assistance decision (refusal)
Programme: minimum living allowance (dibao)
Evaluation date: 2026-11-01
Basis: S0 Art. 45
The application does not meet the conditions and is refused, for these reasons:
1. [DB-1] income per head 1350.00 is not below the standard 623.00: 727.00 a month above the line (S0 Art. 18; S7 item 2)
2. [HH-7] the household does not qualify as a whole; only individual routes remain (S6 §1(1))
(Members are named by their keys; the office fills in their names.)";
    assert_eq!(n[0].text, want);
}

#[test]
fn the_termination_notice_carries_the_steps_before_it_takes_effect() {
    let n = notices_of("notice-termination-pension-above-standard.toml");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].kind, NoticeKind::Termination);
    let want = "\
社会救助决定告知书（停发）
救助项目：最低生活保障
评估日期：2026-11-01
依据：S0 Art. 48
经复核，拟对最低生活保障作出停发决定。理由如下：
1. [DB-1] 月人均收入 800.00 元不低于低保标准 623.00 元，高出 177.00 元（S0 Art. 18; S7 item 2）
2. [HH-7] 家庭整体不符合条件，只能按单人保途径考虑个别成员（S6 §1(1)）
3. [MON-TERMINATE] 不再符合低保条件（DB-1），建议停止保障；生效前须听取本人意见，并书面告知决定及理由（社会救助法第四十八条）（S0 Arts. 46–48; S2 Art. 31; S3 Arts. 24–27）
决定生效前须：
1. 听取本人意见；
2. 书面告知本人决定及理由。
（家庭成员以代号表示，姓名由经办机关填写。）

Notice of a social assistance decision (termination)
Programme: minimum living allowance (dibao)
Evaluation date: 2026-11-01
Basis: S0 Art. 48
On re-check, termination is proposed, for these reasons:
1. [DB-1] income per head 800.00 is not below the standard 623.00: 177.00 a month above the line (S0 Art. 18; S7 item 2)
2. [HH-7] the household does not qualify as a whole; only individual routes remain (S6 §1(1))
3. [MON-TERMINATE] no longer eligible for minimum living (DB-1): terminate; before it takes effect: hear the recipient, then give written notice with the reasons (S0 Art. 48) (S0 Arts. 46–48; S2 Art. 31; S3 Arts. 24–27)
Before the decision takes effect:
1. hear the recipient;
2. give the recipient written notice of the decision and its reasons.
(Members are named by their keys; the office fills in their names.)";
    assert_eq!(n[0].text, want);
}

#[test]
fn the_same_refusal_before_the_law_cites_the_older_texts() {
    // the refusal case moved back one year: basis S2 Art. 21, DB-1 cited under S1
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/cases/notice-refusal-income-above-standard.toml");
    let cf = CaseFile::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let json = cf
        .case_json
        .replace("2026-11-01", "2026-06-01")
        .replace("2025-11-01", "2025-06-01")
        .replace("2026-10-31", "2026-05-31");
    let det = jiuzhu::evaluate(&jiuzhu::parse_case(&json).unwrap(), &RuleBook::embedded()).unwrap();
    let text = &jiuzhu::notices(&det)[0].text;
    assert!(text.contains("依据：S2 Art. 21"), "{text}");
    assert!(text.contains("（S1 Art. 9; S7 item 2）"), "{text}");
    assert!(!text.contains("S0"), "{text}");
}
