//! Decimal numbers written as text without going through `Decimal`'s `Display` (which divides
//! the 96-bit mantissa digit by digit and pads through the formatter).
//!
//! Two shapes, each producing exactly the text of the `rust_decimal` formatting it replaces:
//! [`DecimalText::normalized`] is `d.normalize().to_string()` and [`DecimalText::fen`] is
//! `format!("{:.2}", d.round_dp_with_strategy(2, MidpointAwayFromZero))`. The text is built in a
//! small buffer on the stack.

use std::fmt;

use rust_decimal::Decimal;

/// The two digits of each number from 00 to 99, in order.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Room for the longest text: a sign, 29 mantissa digits plus two more for the fen, a point.
const CAP: usize = 40;

/// A decimal number as text, held on the stack.
#[derive(Clone, Copy)]
pub(crate) struct DecimalText {
    buf: [u8; CAP],
    /// Where the text starts: it is written from the end of `buf` backwards.
    start: usize,
}

impl DecimalText {
    /// The text of `d.normalize()`: no trailing fractional zeros, no sign on zero.
    pub(crate) fn normalized(d: Decimal) -> Self {
        let mut mantissa = d.mantissa().unsigned_abs();
        let mut scale = d.scale();
        if mantissa == 0 {
            return Self::from_parts(false, 0, 0);
        }
        if let Ok(mut n) = u64::try_from(mantissa) {
            // The usual case: in u64 (no u128 division), eight zeros at a time and then the
            // fewer than eight left (up to the scale) by steps of four, two and one. `n` is not
            // zero, so the loop ends.
            while scale >= 8 && n.is_multiple_of(100_000_000) {
                n /= 100_000_000;
                scale -= 8;
            }
            for (digits, unit) in [(4, 10_000), (2, 100), (1, 10)] {
                if scale >= digits && n.is_multiple_of(unit) {
                    n /= unit;
                    scale -= digits;
                }
            }
            mantissa = u128::from(n);
        } else {
            while scale > 0 && mantissa.is_multiple_of(10) {
                mantissa /= 10;
                scale -= 1;
            }
        }
        Self::from_parts(d.is_sign_negative(), mantissa, scale)
    }

    /// The text of `d` rounded half away from zero to the fen and shown with two decimals, as
    /// `{:.2}` shows `d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)`
    /// (a negative amount that rounds to zero shows as `0.00`, a negative zero as `-0.00`).
    pub(crate) fn fen(d: Decimal) -> Self {
        let mantissa = d.mantissa().unsigned_abs();
        let scale = d.scale();
        // The mantissa has at most 96 bits and the scale is at most 28, so neither the power of
        // ten nor the product below can overflow a u128.
        let cents = if scale > 2 {
            let unit = pow10(scale - 2);
            let (whole, rest) = (mantissa / unit, mantissa % unit);
            if rest >= unit - rest {
                whole + 1
            } else {
                whole
            }
        } else {
            mantissa * pow10(2 - scale)
        };
        // rust_decimal drops the sign of an amount that rounds to zero, but keeps that of a
        // negative zero.
        let negative = d.is_sign_negative() && (cents != 0 || mantissa == 0);
        Self::from_parts(negative, cents, 2)
    }

    /// `mantissa / 10^scale` with `scale` digits after the point and at least one before it.
    fn from_parts(negative: bool, mantissa: u128, scale: u32) -> Self {
        let mut t = DecimalText {
            buf: [0; CAP],
            start: CAP,
        };
        // The usual case: the mantissa fits a u64 and the scale is at most 19, so the whole and
        // fractional parts are split by one division and written two digits at a time.
        if let (Ok(n), Some(unit)) = (u64::try_from(mantissa), 10u64.checked_pow(scale)) {
            if scale > 0 {
                t.digits(n % unit, scale);
                t.push(b'.');
            }
            t.digits(n / unit, 1);
        } else {
            t.wide(mantissa, scale);
        }
        if negative {
            t.push(b'-');
        }
        t
    }

    /// Writes `n` with at least `width` digits (zeros in front), two digits at a time.
    fn digits(&mut self, mut n: u64, width: u32) {
        let end = self.start;
        while n >= 100 {
            self.pair((n % 100) as usize);
            n /= 100;
        }
        if n >= 10 {
            self.pair(n as usize);
        } else {
            self.push(b'0' + n as u8);
        }
        let width = width as usize;
        while end - self.start < width {
            self.push(b'0');
        }
    }

    /// Writes the two digits of `n` (below 100).
    fn pair(&mut self, n: usize) {
        let at = 2 * n;
        if let Some(&[hi, lo]) = PAIRS.get(at..at + 2) {
            self.push(lo);
            self.push(hi);
        }
    }

    /// The rare case of a mantissa beyond u64 or a scale beyond 19: digit by digit in u128,
    /// the point after the `scale`-th digit, at least one digit before it.
    #[cold]
    fn wide(&mut self, mut n: u128, scale: u32) {
        let mut written = 0u32;
        loop {
            self.push(b'0' + (n % 10) as u8);
            n /= 10;
            written += 1;
            if written == scale {
                self.push(b'.');
            }
            if n == 0 && written > scale {
                break;
            }
        }
    }

    fn push(&mut self, b: u8) {
        self.start = self.start.saturating_sub(1);
        if let Some(slot) = self.buf.get_mut(self.start) {
            *slot = b;
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        let bytes = self.buf.get(self.start..).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

impl fmt::Display for DecimalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The powers of ten up to 10^28 (the largest scale), looked up rather than computed.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const POW10: [u128; 29] = {
    let mut t = [1u128; 29];
    let mut i = 1;
    while i < t.len() {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

fn pow10(exp: u32) -> u128 {
    match POW10.get(exp as usize) {
        Some(&p) => p,
        // never: scales are at most 28
        None => 10u128.pow(exp),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::RoundingStrategy;

    fn slow_normalized(d: Decimal) -> String {
        d.normalize().to_string()
    }

    fn slow_fen(d: Decimal) -> String {
        format!(
            "{:.2}",
            d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        )
    }

    fn check(d: Decimal) {
        assert_eq!(
            DecimalText::normalized(d).as_str(),
            slow_normalized(d),
            "{d:?}"
        );
        assert_eq!(DecimalText::fen(d).as_str(), slow_fen(d), "{d:?}");
    }

    #[test]
    fn edges() {
        for (m, s) in [
            (0i64, 0u32),
            (0, 2),
            (0, 5),
            (5, 3),
            (-5, 3),
            (4, 3),
            (-4, 3),
            (15, 3),
            (-15, 3),
            (1, 28),
            (-1, 28),
            (70000, 2),
            (44175, 2),
            (1, 0),
            (-1, 0),
            (10, 1),
            (100, 2),
            (i64::MAX, 0),
            (i64::MIN, 0),
            (i64::MAX, 19),
            (i64::MIN, 28),
            (9_999_999_999_995, 3),
            (-9_999_999_999_995, 3),
        ] {
            check(Decimal::new(m, s));
        }
        check(Decimal::MAX);
        check(Decimal::MIN);
        check(-Decimal::ZERO);
        check(Decimal::from_parts(0, 0, 0, true, 2));
        check(Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 28));
        check(Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, true, 3));
        check(Decimal::from_parts(0, 0, 1, true, 0));
        // around the fast path's limits: a mantissa of 64 bits, a scale of 19
        for scale in [0, 1, 2, 18, 19, 20, 28] {
            for (lo, mid, hi) in [
                (u32::MAX, u32::MAX, 0),
                (0, 0, 1),
                (1, 0, 0),
                (99, 0, 0),
                (100, 0, 0),
                (12345, 0, 0),
            ] {
                check(Decimal::from_parts(lo, mid, hi, false, scale));
                check(Decimal::from_parts(lo, mid, hi, true, scale));
            }
        }
    }

    proptest! {
        #[test]
        fn same_text_as_rust_decimal(
            lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
            width in 0u32..3, negative in any::<bool>(), scale in 0u32..=28,
        ) {
            // mostly small mantissas (one or two words), sometimes the full 96 bits
            let (mid, hi) = match width { 0 => (0, 0), 1 => (mid, 0), _ => (mid, hi) };
            check(Decimal::from_parts(lo, mid, hi, negative, scale));
        }

        #[test]
        fn same_text_near_the_half_fen(
            cents in -10_000_000i64..10_000_000, extra in 0u32..6, tail in 0i64..3,
        ) {
            // x.xx5, x.xx4999…, x.xx5000…1 and their negatives
            let base = Decimal::new(cents * 10 + 5, 3);
            let shift = Decimal::new(tail - 1, 3 + extra);
            check(base + shift);
            check(base);
        }
    }
}
