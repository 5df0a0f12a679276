//! Money (`Yuan`) and the named rounding rules (PAY-3).
//!
//! Every amount is a [`rust_decimal::Decimal`]; nothing here uses floating point. Amounts are
//! read from JSON as decimal strings (`"1234.50"`) or whole numbers; a JSON number with a
//! fraction is refused, because it has already passed through binary floating point.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest amount, floor area or count the library accepts in a case: 10¹² (one trillion).
///
/// Anything larger is refused by validation, so that sums and products of case figures can
/// never overflow `Decimal`'s 28 digits.
pub const MAX_INPUT_AMOUNT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// An amount of money in yuan (元), exact to any number of decimal places.
///
/// Serialised as a decimal string: `"1100"`, `"441.75"`.
///
/// ```
/// use jiuzhu::Yuan;
/// use rust_decimal::Decimal;
/// let a: Yuan = serde_json::from_str("\"700.50\"").unwrap();
/// assert_eq!(a.value(), Decimal::new(70050, 2));
/// // whole JSON numbers are accepted; fractional ones are refused
/// assert!(serde_json::from_str::<Yuan>("700").is_ok());
/// assert!(serde_json::from_str::<Yuan>("700.5").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Yuan(Decimal);

impl Yuan {
    /// Zero yuan.
    pub const ZERO: Yuan = Yuan(Decimal::ZERO);

    /// Wraps a decimal amount.
    pub const fn new(value: Decimal) -> Self {
        Yuan(value)
    }

    /// The amount as a decimal.
    pub const fn value(self) -> Decimal {
        self.0
    }
}

impl From<Decimal> for Yuan {
    fn from(value: Decimal) -> Self {
        Yuan(value)
    }
}

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

impl Serialize for Yuan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

impl<'de> Deserialize<'de> for Yuan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        strict_decimal(d).map(Yuan)
    }
}

impl JsonSchema for Yuan {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Yuan".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An amount in yuan as a decimal string such as \"1234.50\"; a whole JSON number is also accepted.",
            "anyOf": [
                { "type": "string", "pattern": "^-?[0-9]{1,28}(\\.[0-9]{1,28})?$" },
                { "type": "integer" }
            ]
        })
    }
}

/// Deserialises a decimal from a string or an integer, refusing fractional JSON numbers.
///
/// Used for money and for other exact quantities (floor areas, shares).
pub(crate) fn strict_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal string such as \"1234.50\" or a whole number")
        }
        fn visit_str<E: serde::de::Error>(self, t: &str) -> Result<Decimal, E> {
            if let Some(d) = short_decimal(t) {
                return Ok(d);
            }
            if t.len() > 60 || !decimal_shape(t) {
                return Err(E::custom(
                    "not a decimal number (write it like \"1234.50\")",
                ));
            }
            // Decimal rounds what it cannot hold: digits beyond its 28–29 significant digits are
            // refused instead, never rounded away (issue 14). An exact reading is the value.
            match Decimal::from_str_exact(t) {
                Ok(d) => Ok(d),
                Err(rust_decimal::Error::Underflow) => Err(E::custom(
                    "more significant digits than exact arithmetic holds (write at most 28)",
                )),
                Err(_) => t
                    .parse::<Decimal>()
                    .map_err(|_| E::custom("decimal number out of range or malformed")),
            }
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
    }
    d.deserialize_any(V)
}

/// The value of `t` when it is written `-?[0-9]+(\.[0-9]+)?` with at most 18 digits, read in
/// one pass; `None` for anything else, which the full reading decides. Such a number always
/// fits `Decimal` exactly (below 10¹⁸, at most 18 places), so this is the value and scale
/// `Decimal::from_str_exact` gives it (amounts are nearly always this short).
fn short_decimal(t: &str) -> Option<Decimal> {
    const MAX_DIGITS: u32 = 18;
    let (negative, body) = match t.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    let (mut mantissa, mut digits, mut point) = (0u64, 0u32, None);
    for &c in body {
        match c {
            b'0'..=b'9' if digits < MAX_DIGITS => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                digits += 1;
            }
            b'.' if point.is_none() && digits > 0 => point = Some(digits),
            _ => return None,
        }
    }
    let scale = match point {
        None if digits > 0 => 0,
        Some(whole) if digits > whole => digits - whole,
        _ => return None,
    };
    let signed = if negative {
        -i128::from(mantissa)
    } else {
        i128::from(mantissa)
    };
    Decimal::try_from_i128_with_scale(signed, scale).ok()
}

/// Whether `t` is written `-?[0-9]+(\.[0-9]+)?`: an optional minus, digits, and optionally a
/// point with digits after it (no spaces, no `+`, no bare point, no exponent).
fn decimal_shape(t: &str) -> bool {
    let unsigned = t.strip_prefix('-').unwrap_or(t);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// Serde helpers for plain `Decimal` quantities (floor areas, shares) with the same strict
/// reading as [`Yuan`].
pub(crate) mod decimal_str {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&v.normalize())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        super::strict_decimal(d)
    }
}

/// How a rounding step rounds (四舍五入, 进一, 去尾).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// Half up, away from zero (四舍五入): 441.75 → 442, 417.05 → 417, 2.5 → 3.
    HalfUp,
    /// Up to the next unit (进一): 1100.01 → 1101.
    Ceiling,
    /// Down to the unit (去尾): 1100.99 → 1100.
    Floor,
    /// No rounding: the exact figure is paid.
    None,
}

impl RoundingMode {
    /// Reads a mode from its parameter spelling (`half_up`, `ceiling`, `floor`, `none`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "half_up" => Some(Self::HalfUp),
            "ceiling" => Some(Self::Ceiling),
            "floor" => Some(Self::Floor),
            "none" => Some(Self::None),
            _ => None,
        }
    }

    /// The parameter spelling of the mode.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::HalfUp => "half_up",
            Self::Ceiling => "ceiling",
            Self::Floor => "floor",
            Self::None => "none",
        }
    }
}

/// A rounding step: a unit (1 = whole yuan, 0.1 = jiao, 10 = ten yuan) and a mode.
///
/// ```
/// use jiuzhu::{Rounding, RoundingMode};
/// use rust_decimal::{Decimal, dec};
/// let r = Rounding { unit: dec!(1), mode: RoundingMode::HalfUp };
/// assert_eq!(r.apply(dec!(441.75)), Some(dec!(442)));
/// assert_eq!(r.apply(dec!(417.05)), Some(dec!(417)));
/// let up = Rounding { unit: dec!(1), mode: RoundingMode::Ceiling };
/// assert_eq!(up.apply(dec!(1100.01)), Some(dec!(1101)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rounding {
    /// The unit rounded to, in yuan; must be positive.
    pub unit: Decimal,
    /// How to round.
    pub mode: RoundingMode,
}

impl Rounding {
    /// Half up to the whole yuan, the default reading of 四舍五入 in the published figures.
    pub const HALF_UP_YUAN: Rounding = Rounding {
        unit: Decimal::ONE,
        mode: RoundingMode::HalfUp,
    };

    /// Rounds `v` to a multiple of the unit; `None` if the unit is not positive or the result
    /// does not fit.
    pub fn apply(self, v: Decimal) -> Option<Decimal> {
        if self.unit <= Decimal::ZERO {
            return None;
        }
        let strategy = match self.mode {
            RoundingMode::None => return Some(v),
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
        };
        let units = v.checked_div(self.unit)?;
        let whole = units.round_dp_with_strategy(0, strategy);
        whole.checked_mul(self.unit).map(|d| d.normalize())
    }
}

/// A sum, difference, product or quotient too large for `Decimal`'s 28 digits; `what` names the
/// figure being computed. It becomes [`CaseError::Overflow`](crate::CaseError::Overflow).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow {
    /// The figure being computed.
    pub what: &'static str,
}

/// Checked arithmetic on amounts: an overflow is an error naming the figure, never a panic.
pub(crate) trait Exact: Sized {
    /// `self + other`.
    fn add(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow>;
    /// `self - other`.
    fn sub(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow>;
    /// `self × other`.
    fn mul(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow>;
    /// `self ÷ other` (an error also for a zero divisor).
    fn div(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow>;
}

// Inlined: each is one checked operation, called in every account and programme, and a call
// costs as much as adding a zero.
impl Exact for Decimal {
    #[inline]
    fn add(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow> {
        self.checked_add(other).ok_or(Overflow { what })
    }
    #[inline]
    fn sub(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow> {
        self.checked_sub(other).ok_or(Overflow { what })
    }
    #[inline]
    fn mul(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow> {
        self.checked_mul(other).ok_or(Overflow { what })
    }
    #[inline]
    fn div(self, other: Decimal, what: &'static str) -> Result<Decimal, Overflow> {
        self.checked_div(other).ok_or(Overflow { what })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    proptest::proptest! {
        /// An exact reading is the reading: the same value and scale as `str::parse`, for any
        /// shape the strict reading admits (so one parse serves where two were done).
        #[test]
        fn an_exact_reading_is_the_parsed_value(
            minus in proptest::bool::ANY,
            whole in "[0-9]{1,30}",
            fraction in proptest::option::of("[0-9]{1,30}"),
        ) {
            let t = format!(
                "{}{whole}{}",
                if minus { "-" } else { "" },
                fraction.map(|f| format!(".{f}")).unwrap_or_default()
            );
            if let Ok(exact) = Decimal::from_str_exact(&t) {
                let parsed: Decimal = t.parse().unwrap();
                proptest::prop_assert_eq!(exact, parsed);
                proptest::prop_assert_eq!(exact.scale(), parsed.scale());
                proptest::prop_assert_eq!(exact.to_string(), parsed.to_string());
            }
        }
    }

    proptest::proptest! {
        /// The one-pass reading of short amounts gives what the full reading gives (value,
        /// scale and sign bits alike), and reads every short amount of the strict shape.
        #[test]
        fn a_short_reading_is_the_full_reading(t in "-?[0-9]{0,20}(\\.[0-9]{0,20})?[0-9.+e -]{0,2}") {
            let full = Decimal::from_str_exact(&t).ok().filter(|_| decimal_shape(&t));
            let short = short_decimal(&t);
            if let Some(d) = short {
                proptest::prop_assert_eq!(Some(d.serialize()), full.map(|f| f.serialize()));
            }
            let digits = t.bytes().filter(u8::is_ascii_digit).count();
            if digits <= 18 {
                proptest::prop_assert_eq!(short.is_some(), full.is_some());
            }
        }
    }

    #[test]
    fn short_readings_keep_scale_and_sign() {
        for t in [
            "0",
            "-0",
            "-0.00",
            "12.340",
            "007.50",
            "-1234.5",
            "999999999999999999",
        ] {
            let want = Decimal::from_str_exact(t).unwrap();
            assert_eq!(
                short_decimal(t).map(|d| d.serialize()),
                Some(want.serialize()),
                "{t}"
            );
        }
        for t in [
            "",
            "-",
            ".",
            "1.",
            ".5",
            "+1",
            "1e5",
            "1.2.3",
            "1_000",
            "1000000000000000000",
        ] {
            assert_eq!(short_decimal(t), None, "{t}");
        }
    }

    #[test]
    fn max_input_amount_is_one_trillion() {
        assert_eq!(MAX_INPUT_AMOUNT, dec!(1_000_000_000_000));
    }

    #[test]
    fn half_up_is_away_from_zero_not_bankers() {
        let r = Rounding::HALF_UP_YUAN;
        assert_eq!(r.apply(dec!(2.5)), Some(dec!(3)));
        assert_eq!(r.apply(dec!(3.5)), Some(dec!(4)));
        assert_eq!(r.apply(dec!(441.75)), Some(dec!(442)));
    }

    #[test]
    fn ten_yuan_unit() {
        let r = Rounding {
            unit: dec!(10),
            mode: RoundingMode::HalfUp,
        };
        assert_eq!(r.apply(dec!(1105)), Some(dec!(1110)));
        assert_eq!(r.apply(dec!(1104.9)), Some(dec!(1100)));
    }

    #[test]
    fn zero_unit_is_refused() {
        let r = Rounding {
            unit: dec!(0),
            mode: RoundingMode::HalfUp,
        };
        assert_eq!(r.apply(dec!(1)), None);
    }

    #[test]
    fn strict_decimal_refuses_floats_and_junk() {
        assert!(serde_json::from_str::<Yuan>("\"12.340\"").is_ok());
        assert!(serde_json::from_str::<Yuan>("12.5").is_err());
        assert!(serde_json::from_str::<Yuan>("\"1e5\"").is_err());
        assert!(serde_json::from_str::<Yuan>("\"\"").is_err());
        assert!(serde_json::from_str::<Yuan>("\"99999999999999999999999999999999\"").is_err());
    }
}
