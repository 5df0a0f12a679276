//! Citations that follow the date: each rule's source under the Social Assistance Law (S0, in
//! force 2026-07-01), beside the older source the catalogue (`catalogue.rs`) keeps.
//!
//! [`RuleId::law_source`] is one exhaustive `match` with no wildcard, so a rule added to the
//! catalogue does not compile until someone decides whether the law speaks to it. The arms
//! name the variants as `Self::…` so that this table never counts as code that applies a rule
//! (`tests/spec.rs`). [`RuleId::source_on`] is what the answer, the notice and anyone else who
//! cites a rule for a date calls.
//!
//! May use: the catalogue beside it (nothing else of the crate).

use chrono::NaiveDate;

use super::catalogue::RuleId;

/// The day the Social Assistance Law (中华人民共和国社会救助法, S0) took effect (S0 Art. 78).
pub const LAW_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2026, 7, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl RuleId {
    /// The rule's source for evaluation dates from [`LAW_IN_FORCE`] on: S0's article first,
    /// then the older texts that still give the detail; `None` where the law says nothing that
    /// bears on the rule (the older source then stands on every date).
    ///
    /// `rules-spec/rules/*.md` quotes it on each section's `Source from 2026-07-01:` line.
    pub const fn law_source(self) -> Option<&'static str> {
        Some(match self {
            Self::Hh2 | Self::Hh3 | Self::Hh4 | Self::Hh6 | Self::Hh7 => return None,
            Self::Hh5 => "S0 Art. 21; S2 Art. 8; S6 §1(4); S5 §4(1)",
            Self::Inc2 => "S0 Art. 23; S2 Art. 13 para. 1",
            Self::Inc3 => "S0 Art. 23; S2 Art. 13 para. 2",
            Self::Inc4 => "S0 Art. 23; S2 Art. 13 last para.; S7 item 11; S5 §2",
            Self::Inc6 => "S0 Art. 23; S6 §1(1)",
            Self::Inc7 => "S0 Art. 23; S2 Art. 13 (2)(3)",
            Self::Inc8 => "S0 Art. 23; S2 Art. 13; S13",
            Self::Inc9 => "S0 Arts. 18, 21, 22; S2 Arts. 13, 23",
            Self::Ast4 => "S0 Art. 23; S2 Art. 14; S13",
            Self::Ast5 => "S0 Art. 23; S10 Art. 17 (history); S13",
            Self::Ast6 => "S0 Art. 23; S2 Art. 14; S13",
            Self::Ast7 => "S0 Art. 23; S2 Art. 17; S13",
            Self::Ast8 => "S0 Art. 23; S2 Art. 17 para. 2",
            Self::Db1 => "S0 Art. 18; S7 item 2",
            Self::Db3 => "S0 Art. 18; S2 Art. 23",
            Self::Db5 => {
                "S0 Art. 18 (tiered fixed amounts); gansu.md (published class amounts); class criteria: library proposal"
            }
            Self::Db5Rate => "S0 Art. 18; gansu.md (published class amounts)",
            Self::Db6 | Self::Pay3 | Self::Pay4 => return None,
            Self::Db15 => "S0 Art. 21; S2 Art. 23 (interpretation)",
            Self::Edge1 => "S0 Art. 21; S2 Art. 8 last para.; S6 §1(4); S5 §2",
            Self::VerAuth => "S0 Art. 41; S2 Art. 17; digest VER-4 (table: library proposal)",
            Self::VerReq => {
                "S0 Art. 41; S2 Arts. 9(3), 17 and 31; digest VER-9 (lists: library proposal)"
            }
            Self::VerVehicle | Self::VerProperty | Self::VerBalance | Self::VerBusiness => {
                "S0 Art. 41; S2 Art. 17"
            }
            Self::VerWage | Self::VerPension => "S0 Art. 41; S2 Art. 17; S6 §3(2)",
            Self::VerDeath => "S0 Art. 41; S6 §1(3), §3(2); digest INC-12",
            Self::VerDisability | Self::VerPrison | Self::VerSchool | Self::VerMedical => {
                return None;
            }
            Self::VerInsurance | Self::VerSecurities | Self::VerPayment => "S0 Art. 41",
            Self::VerConsent => "S0 Art. 41 (supporters with their consent)",
            Self::VerEffect => {
                "S0 Arts. 41, 62; S2 Arts. 16, 18 and 20 (grading: library proposal)"
            }
            Self::MonContinue => "S0 Arts. 46–48; S2 Art. 31",
            Self::MonAdjust => "S0 Arts. 46–48; S2 Art. 31; S6 §1(3)",
            Self::MonExit => "S0 Arts. 46–48; S2 Art. 33; S6 §1(3); S7 item 11 (digest INC-10)",
            Self::MonTerminate => "S0 Arts. 46–48; S2 Art. 31; S3 Arts. 24–27",
            Self::MonReview => "S0 Arts. 46–48; S2 Art. 31; S7 item 7 (digest DB-8, TK-15)",
            Self::MonEnrol
            | Self::MonRedMissed
            | Self::MonRedSudden
            | Self::MonOrangeDecisive
            | Self::MonYellowNear
            | Self::MonYellowMaterial
            | Self::MonYellowOverdue
            | Self::MonBlueMinor
            | Self::MonOrangeRelief => return None,
            Self::Tk1 => "S0 Art. 16; S3 Art. 4; S7 item 2",
            Self::Tk2 => "S0 Art. 16; S3 Art. 5",
            Self::Tk3 => "S0 Art. 16; S3 Art. 24; S7 item 5",
            Self::Tk4 => "S0 Art. 16; S3 Art. 6",
            Self::Tk5 => "S0 Art. 16; S3 Art. 8",
            Self::Tk9 => {
                "S0 Art. 17; gansu.md (published figures); multiplier: digest TK-9 (unconfirmed)"
            }
            Self::Tk11 => "S0 Art. 17; gansu.md (published figures); digest TK-11",
            Self::Tk12 => "S0 Art. 16; S11 (priority, likely)",
            Self::Tk6
            | Self::Tk7
            | Self::Tk8
            | Self::Tk10
            | Self::Tk13
            | Self::Tk14
            | Self::Tk15 => return None,
            Self::Rig1 => "S0 Art. 22; S4 Art. 4 (1)",
            Self::Rig2 => "S0 Art. 22; S4 Art. 5",
            Self::Rig3 => "S0 Art. 22; S4 Art. 4 (4); threshold: library proposal",
            Self::Rig8 => "S0 Art. 22; S4 Art. 4 (2); figure: digest §11.4 (unconfirmed)",
            Self::Rig4 | Self::Rig5 | Self::Rig6 | Self::Rig7 => return None,
            Self::Tr3 => "S0 Art. 50; S8 §2(2); S5 §4(3); gansu.md",
            Self::Tr1 | Self::Tr2 | Self::Tr4 | Self::Tr7 | Self::Tr5 | Self::Tr6 => {
                return None;
            }
            // Rules born under the law: their own source already cites it on every date.
            Self::Db16 | Self::Tr9 | Self::Tr10 | Self::Tr11 | Self::Tr12 => return None,
        })
    }

    /// The rule's source for an evaluation on `date`: the law's from [`LAW_IN_FORCE`] on where
    /// it has one, the older [`RuleId::source`] before (and where it has none).
    pub fn source_on(self, date: NaiveDate) -> &'static str {
        match self.law_source() {
            Some(s) if date >= LAW_IN_FORCE => s,
            _ => self.source(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_law_source_applies_from_the_first_of_july_2026() {
        let before = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        assert_eq!(RuleId::Db1.source_on(before), "S1 Art. 9; S7 item 2");
        assert_eq!(RuleId::Db1.source_on(LAW_IN_FORCE), "S0 Art. 18; S7 item 2");
        // a rule the law says nothing about keeps its older source on both sides
        assert_eq!(RuleId::Pay3.source_on(LAW_IN_FORCE), RuleId::Pay3.source());
    }

    #[test]
    fn every_law_source_cites_the_law_and_needs_no_json_escape() {
        for r in RuleId::ALL {
            if let Some(s) = r.law_source() {
                assert!(s.starts_with("S0 Art"), "{}: {s}", r.id());
                assert!(!s.chars().any(|c| c == '"' || c == '\\' || c < ' '), "{s}");
            }
        }
    }
}
