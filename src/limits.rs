//! Input limits: the largest case the library accepts. Larger input is refused with
//! [`CaseError::TooLarge`](crate::CaseError::TooLarge) before any work is done.
//!
//! A leaf: uses nothing of the crate.

/// The largest case document [`evaluate_json`](crate::evaluate_json) reads, in bytes (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The most members a household may have.
pub const MAX_MEMBERS: usize = 64;

/// The most records in any one list of a case (incomes, each asset list, expenses, statuses).
pub const MAX_RECORDS: usize = 2_000;

/// The deepest nesting of JSON arrays and objects accepted (the case schema needs 5).
pub const MAX_DEPTH: usize = 32;

/// The largest amount a parameter document may set, in yuan (ten million): a standard, a care
/// amount, a cap or a threshold above it is refused when the document is loaded.
pub const MAX_PARAM_YUAN: u64 = 10_000_000;

/// The most months a parameter counted in months may set (ten years).
pub const MAX_PARAM_MONTHS: u32 = 120;

/// The most entries a list parameter may hold, and the longest code in one (bytes).
pub const MAX_PARAM_LIST: usize = 256;

/// The longest code in a list parameter, in bytes.
pub const MAX_PARAM_CODE_BYTES: usize = 64;

/// The largest parameter document [`RuleBook`](crate::RuleBook) reads from a directory, in
/// bytes (16 MiB); a larger file is refused without being read whole.
pub const MAX_RULES_BYTES: u64 = 16 << 20;

/// The first and last year a date may name, in a case or a parameter document.
pub const DATE_YEARS: (i32, i32) = (1900, 2200);

/// The most significant digits an amount may be written with (exact decimal arithmetic holds
/// 28); longer amounts are refused, never rounded.
pub const MAX_AMOUNT_DIGITS: usize = 28;

/// The ceiling on every monthly or one-off amount an answer pays (programme amounts), in yuan:
/// the parameter bounds keep every amount below it for any household within the case limits
/// (`tests/limits.rs` holds it as a property).
pub const MAX_ANSWER_YUAN: u64 = 1_000_000_000_000;

/// Reads a date written exactly `YYYY-MM-DD` (four-digit year within [`DATE_YEARS`], two-digit
/// month and day, a real calendar day); anything else is `None`.
///
/// ```
/// use jiuzhu::limits::parse_date;
/// assert!(parse_date("2026-01-01").is_some());
/// assert!(parse_date("2026-1-1").is_none());
/// assert!(parse_date("+262142-12-31").is_none());
/// assert!(parse_date("2026-02-30").is_none());
/// ```
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    // the shape holds only ASCII digits here: each field is read straight from its bytes
    let num = |r: std::ops::Range<usize>| {
        b.get(r).map(|digits| {
            digits.iter().fold(0u32, |n, d| {
                n.saturating_mul(10)
                    .saturating_add(u32::from(d.saturating_sub(b'0')))
            })
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    if year < DATE_YEARS.0 || year > DATE_YEARS.1 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The date reader gives what chrono's reading of `%Y-%m-%d` gives on every string of
        /// the ten-character shape, within the years a case may hold.
        #[test]
        fn a_date_is_read_as_chrono_reads_it(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9 +-]{10}|1[89][0-9]{2}-[01][0-9]-[0-3][0-9]|2[0-2][0-9]{2}-[01][0-9]-[0-3][0-9]") {
            let chrono = chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                .ok()
                .filter(|d| (DATE_YEARS.0..=DATE_YEARS.1).contains(&chrono::Datelike::year(d)))
                .filter(|_| s.len() == 10 && s.bytes().all(|c| c.is_ascii_digit() || c == b'-'));
            proptest::prop_assert_eq!(parse_date(&s), chrono, "{}", s);
        }
    }
}
