//! Error codes: the contract between the library and every caller that reads an error answer.
//!
//! May use: nothing of the crate (a leaf of the case layer).

use schemars::JsonSchema;
use serde::Serialize;

macro_rules! codes {
    ($( $(#[$doc:meta])* $var:ident = $code:literal, $zh:literal, $en:literal; )*) => {
        /// The `code` of an error answer (`{"error": {"code": …, "path": …, "message": …}}`), from
        /// the library, the C ABI, the tools and the service alike.
        ///
        /// Codes are stable: a code is never renamed or given another meaning; new codes may be
        /// added in a minor version, so match with a wildcard arm. The README, the C header and
        /// `rules-spec/schema/answer.schema.json` list the same codes (a test keeps them in step).
        ///
        /// ```
        /// use jiuzhu::ErrorCode;
        /// let e = jiuzhu::parse_case("{").unwrap_err();
        /// assert_eq!(e.error_code(), ErrorCode::Malformed);
        /// assert_eq!(ErrorCode::from_code("malformed"), Some(ErrorCode::Malformed));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
        #[schemars(description = "The error code: stable, listed with its meaning in the README and the C header; new codes may be added.")]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* #[serde(rename = $code)] $var, )*
        }

        impl ErrorCode {
            /// Every code, in the order the documentation lists them.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$var),*];

            /// The code as written in answers, e.g. `"unknown_jurisdiction"`.
            pub const fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$var => $code,)* }
            }

            /// What the code means, in Chinese.
            pub const fn meaning_zh(self) -> &'static str {
                match self { $(ErrorCode::$var => $zh,)* }
            }

            /// What the code means, in English.
            pub const fn meaning_en(self) -> &'static str {
                match self { $(ErrorCode::$var => $en,)* }
            }

            /// Looks a code up by its text.
            pub fn from_code(code: &str) -> Option<ErrorCode> {
                match code { $($code => Some(ErrorCode::$var),)* _ => None }
            }
        }
    };
}

codes! {
    /// A field holds an impossible or contradictory value; `path` names it.
    Invalid = "invalid", "字段取值不可能或相互矛盾（path 指明字段）",
        "a field holds an impossible or contradictory value (path names it)";
    /// The input is not JSON (or TOML) of the case schema: syntax, unknown or missing field, wrong type.
    Malformed = "malformed", "输入不是符合案例结构的 JSON：语法错误、未知字段、缺少字段或类型不符",
        "the input is not JSON of the case schema: syntax, unknown or missing field, wrong type";
    /// No rules cover the case's division code.
    UnknownJurisdiction = "unknown_jurisdiction", "规则库中没有该行政区划代码",
        "no rules cover the division code";
    /// A parameter the rules need has no value in force on the evaluation date.
    MissingParameter = "missing_parameter", "评估日期没有生效的所需参数值",
        "a parameter the rules need has no value in force on the evaluation date";
    /// A parameter holds a value the rules cannot use.
    BadParameter = "bad_parameter", "参数取值无法使用",
        "a parameter holds a value the rules cannot use";
    /// A computation left the range of exact decimal arithmetic.
    Overflow = "overflow", "金额超出精确十进制计算范围",
        "a computation left the range of exact decimal arithmetic";
    /// The input exceeds a documented limit.
    TooLarge = "too_large", "输入超过文档规定的上限",
        "the input exceeds a documented limit";
    /// A parameter document (overlay) did not load.
    BadRules = "bad_rules", "参数文件无法加载",
        "a parameter document did not load";
    /// A C caller passed a NULL pointer where text was required.
    NullArgument = "null_argument", "C 调用方传入了空指针",
        "a C caller passed NULL where text was required";
    /// A C caller passed text that is not UTF-8.
    InvalidUtf8 = "invalid_utf8", "C 调用方传入的文本不是 UTF-8",
        "a C caller passed text that is not UTF-8";
    /// The library failed unexpectedly; please report it with the case.
    Internal = "internal", "程序内部错误，请连同案例报告",
        "the library failed unexpectedly; please report it with the case";
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for (i, c) in ErrorCode::ALL.iter().enumerate() {
            assert_eq!(ErrorCode::from_code(c.as_str()), Some(*c));
            assert!(!ErrorCode::ALL[..i].iter().any(|o| o.as_str() == c.as_str()));
        }
    }
}
