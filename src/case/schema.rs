//! Schema-only types: how `rules-spec/schema/case.schema.json` states what validation accepts
//! for a case's dates and amounts, so that a client checking a case against the schema accepts
//! exactly what the library accepts for these fields (`tests/schema_agreement.rs`).
//!
//! The fields keep their Rust types (`NaiveDate`, [`Yuan`](crate::Yuan), `Decimal`); these
//! types only write the schema (`#[schemars(with = …)]`). May use: the leaves (`limits`).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A case date as the schema states it: `YYYY-MM-DD`, years 1900–2200
/// ([`DATE_YEARS`](crate::limits::DATE_YEARS)), a real calendar day (`format: date`).
pub(crate) const DATE_PATTERN: &str =
    r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// An amount written as text: at most 10¹² ([`MAX_INPUT_AMOUNT`](crate::money::MAX_INPUT_AMOUNT)),
/// no sign but in `-0` (zero), digits on both sides of a decimal point, at most 16 decimal
/// places, leading zeros allowed.
pub(crate) const AMOUNT_PATTERN: &str =
    r"^(-0+(\.0{1,16})?|0*([0-9]{1,12}(\.[0-9]{1,16})?|1000000000000(\.0{1,16})?))$";

/// An amount of zero, however written (refused where an amount must be positive).
const ZERO_PATTERN: &str = r"^-?0+(\.0+)?$";

/// The longest amount text the reader takes, in characters.
pub(crate) const AMOUNT_MAX_CHARS: usize = 60;

/// The most decimal places an amount in a case may have.
pub(crate) const AMOUNT_MAX_PLACES: u32 = 16;

/// A date of the case (`#[schemars(with = "CaseDate")]`).
pub(crate) struct CaseDate;

impl JsonSchema for CaseDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date written exactly YYYY-MM-DD (two-digit month and day), a real calendar day in the years 1900–2200. Dates of a case's facts must not lie after its evaluation date (the library refuses them; a schema cannot compare two fields).",
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN
        })
    }
}

/// Text about whole JSON numbers, shared by both amount schemas.
const NUMBER_NOTE: &str = "A whole JSON number is also accepted when written as digits only: `5.0` and `5e0` are refused, though JSON Schema cannot tell them from `5`.";

/// An amount of a case (`#[schemars(with = "CaseAmount")]`): zero up to 10¹².
pub(crate) struct CaseAmount;

impl JsonSchema for CaseAmount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": format!("An amount in yuan (or a floor area) as a decimal string such as \"1234.50\": from 0 up to 1000000000000, no sign (`-0` is read as 0), at most 16 decimal places. {NUMBER_NOTE}"),
            "anyOf": [
                { "type": "string", "pattern": AMOUNT_PATTERN, "maxLength": AMOUNT_MAX_CHARS },
                { "type": "integer", "minimum": 0, "maximum": 1_000_000_000_000_u64 }
            ]
        })
    }
}

/// A positive amount of a case (floor areas): above zero up to 10¹².
pub(crate) struct CasePositive;

impl JsonSchema for CasePositive {
    fn schema_name() -> Cow<'static, str> {
        "PositiveAmount".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": format!("A positive quantity as a decimal string such as \"45.5\": above 0 up to 1000000000000, no sign, at most 16 decimal places. {NUMBER_NOTE}"),
            "anyOf": [
                {
                    "type": "string",
                    "pattern": AMOUNT_PATTERN,
                    "maxLength": AMOUNT_MAX_CHARS,
                    "not": { "pattern": ZERO_PATTERN }
                },
                { "type": "integer", "minimum": 1, "maximum": 1_000_000_000_000_u64 }
            ]
        })
    }
}
