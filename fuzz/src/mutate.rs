//! Structure-aware mutation of valid cases, driven by a byte string.
//!
//! Shared by the cargo-fuzz target `mutate_case` (the bytes come from libFuzzer) and by the
//! stable smoke test in `tests/regressions.rs` (the bytes come from a fixed-seed PRNG). It uses
//! nothing but `serde_json`, so both can include it.
//!
//! A mutated case is built in three steps: pick a seed household, apply 1–4 edits at nodes
//! chosen anywhere in its JSON tree (replace with an awkward value, delete, duplicate, splice,
//! add an unknown field…), then write it out and substitute raw tokens that a `serde_json::Value`
//! cannot hold (`1e400`, 30-digit integers, deep nesting, lone surrogates).

use serde_json::{Map, Value};

/// The seed households (copies of `examples/households/*.json`; refresh them when the samples
/// change).
pub const SEEDS: &[&str] = &[
    include_str!("../seeds/recheck-death.json"),
    include_str!("../seeds/recheck-dynamic-elderly.json"),
    include_str!("../seeds/recheck-wage-rise.json"),
    include_str!("../seeds/rig-medical.json"),
    include_str!("../seeds/rural-class1-elderly-couple.json"),
    include_str!("../seeds/rural-class2-serious-illness.json"),
    include_str!("../seeds/rural-class4-working-family.json"),
    include_str!("../seeds/tk-elderly-alone.json"),
    include_str!("../seeds/tk-orphan-allowance.json"),
    include_str!("../seeds/tk-supporter-aged-72.json"),
    include_str!("../seeds/tr-above-cap.json"),
    include_str!("../seeds/tr-fire.json"),
    include_str!("../seeds/urban-car-asset-failure.json"),
    include_str!("../seeds/urban-gap.json"),
    include_str!("../seeds/urban-marginal-family.json"),
    include_str!("../seeds/verify-higher-balance.json"),
    include_str!("../seeds/verify-undeclared-car.json"),
];

/// Reads choices from a byte string; once it runs dry every choice is 0.
pub struct Source<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Source<'a> {
    /// A source over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Source { data, pos: 0 }
    }

    /// The next byte, or 0 when the data is used up.
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos = self.pos.saturating_add(1);
        b
    }

    /// A number below `n` (0 when `n` is 0), from two bytes.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let v = (usize::from(self.byte()) << 8) | usize::from(self.byte());
        v % n
    }

    /// One item of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        let i = self.below(items.len());
        items[i]
    }

    /// Whether the data is used up.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }
}

/// Strings that are awkward somewhere in the case model: dates, keys, codes, decimals.
pub const STRINGS: &[&str] = &[
    "",
    " ",
    "m1",
    "m2",
    "m3",
    "m4",
    "x",
    "张三110101199001011234",
    "m1\u{0}",
    "m1\"",
    "m1\\",
    "m1 ",
    "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM",
    // dates
    "2026-11-01",
    "2026-10-31",
    "2026-11-02",
    "2025-11-01",
    "2024-02-29",
    "2023-02-29",
    "2026-13-01",
    "2026-02-30",
    "1880-01-01",
    "1879-12-31",
    "0000-01-01",
    "-0001-01-01",
    "9999-12-31",
    "+10000-01-01",
    "262143-12-31",
    "2026-1-1",
    // division codes
    "621027",
    "620000",
    "620100",
    "621000",
    "000000",
    "999999",
    "62102",
    "6210270",
    "６２１０２７",
    // decimals
    "0",
    "-0",
    "-1",
    "-0.01",
    "0.5",
    "1",
    "2.5",
    "623",
    "1000000000000",
    "1000000000000.01",
    "999999999999.9999999999999999",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "99999999999999999999999999999",
    "1e5",
    "12.",
    ".5",
    "1.2.3",
    "--1",
    " 12 ",
    "12,5",
    "NaN",
    "inf",
    // codes from the model
    "applicant",
    "spouse",
    "child",
    "parent",
    "grandparent",
    "grandchild",
    "sibling",
    "other_relative",
    "non_relative",
    "imprisoned",
    "compulsory_drug_rehabilitation",
    "declared_missing",
    "clergy_living_apart",
    "conscript",
    "wage",
    "business",
    "property",
    "transfer",
    "transfer_paid",
    "other",
    "disregarded",
    "farming",
    "livestock",
    "land_sublet",
    "residents_basic_pension",
    "preferential_treatment",
    "scholarship",
    "local_disregard",
    "urban",
    "rural",
    "new_application",
    "recheck",
    "dynamic_check",
    "minimum_living",
    "marginal_family",
    "class_1",
    "class_4",
    "car",
    "motorcycle",
    "farm_machinery",
    "deposit",
    "sole_trader",
    "enterprise",
    "medical",
    "rehabilitation",
    "physical",
    "intellectual",
    "eating",
    "bathing",
    "primary",
    "postgraduate",
];

/// Field names, known and unknown, for inserted fields.
pub const FIELDS: &[&str] = &[
    "evaluation_date",
    "jurisdiction",
    "purpose",
    "area",
    "household",
    "enrolment",
    "members",
    "incomes",
    "assets",
    "expenses",
    "key",
    "relation",
    "birth_date",
    "disability",
    "kind",
    "grade",
    "serious_illness",
    "self_care",
    "unable",
    "student",
    "level",
    "full_time",
    "statuses",
    "since",
    "lives_with_household",
    "registered_unemployed",
    "member",
    "category",
    "amount",
    "from",
    "to",
    "financial",
    "vehicles",
    "value",
    "disability_mobility",
    "homes",
    "location",
    "floor_area",
    "self_built",
    "businesses",
    "active",
    "registered_capital",
    "large_purchases",
    "date",
    "self_paid",
    "programme",
    "class",
    "monthly_amount",
    "last_review",
    "supporters",
    "events",
    "annual_income",
    "financial_assets",
    "severity",
    "requested_amount",
    "hardship_months",
    "persons",
    "public_school_rate",
    "orphan_allowance_chosen",
    "contracted_land",
    "relocated_to_town",
    "support_setting",
    "evidence",
    "evidence_checked",
    "department",
    "fact",
    "item",
    "monthly",
    "status",
    "name",
    "id_number",
    "姓名",
    "",
];

/// Raw JSON tokens a `Value` cannot hold; substituted for sentinel strings after writing.
pub const RAW: &[&str] = &[
    "1e400",
    "-1e400",
    "1.5",
    "-0",
    "0.1",
    "99999999999999999999999999999",
    "-99999999999999999999999999999",
    "123456789012345678901234567890",
    "18446744073709551616",
    "-9223372036854775809",
    "1E2",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}}}}}",
];

const SENTINEL: &str = "\u{1}raw";

/// Builds a mutated case document from the bytes.
pub fn mutated_case(data: &[u8]) -> String {
    let mut src = Source::new(data);
    let seed = src.pick(SEEDS);
    let mut doc: Value = serde_json::from_str(seed).unwrap_or(Value::Null);
    let edits = 1 + src.below(4);
    for _ in 0..edits {
        mutate(&mut doc, &mut src);
    }
    let text = serde_json::to_string(&doc).unwrap_or_default();
    substitute_raw(&text)
}

/// Every node of the tree as a JSON pointer.
fn pointers(v: &Value, at: &mut String, out: &mut Vec<String>) {
    out.push(at.clone());
    let len = at.len();
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push('/');
                at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                pointers(child, at, out);
                at.truncate(len);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push('/');
                at.push_str(&i.to_string());
                pointers(child, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// An awkward replacement value.
fn awkward(src: &mut Source<'_>, doc: &Value) -> Value {
    match src.below(12) {
        0..=3 => Value::String(src.pick(STRINGS).to_owned()),
        4 => Value::from(src.pick(&[0i64, 1, 2, 3, 4, 5, -1, 255, 256, 65, i64::MIN, i64::MAX])),
        5 => Value::from(u64::MAX),
        6 => Value::Bool(src.byte() & 1 == 1),
        7 => Value::Null,
        8 => Value::Array(Vec::new()),
        9 => Value::Object(Map::new()),
        10 => {
            let i = src.below(RAW.len());
            Value::String(format!("{SENTINEL}{i}"))
        }
        _ => {
            // a copy of another node of the document (splice)
            let mut all = Vec::new();
            pointers(doc, &mut String::new(), &mut all);
            let p = all.get(src.below(all.len())).cloned().unwrap_or_default();
            doc.pointer(&p).cloned().unwrap_or(Value::Null)
        }
    }
}

/// Applies one edit at a node chosen by the bytes. Most edits keep the node's type and give
/// a plausible value (another date, amount or code), so that many mutated cases are still
/// evaluated; one in eight puts an awkward value of any type in its place.
fn mutate(doc: &mut Value, src: &mut Source<'_>) {
    let mut all = Vec::new();
    pointers(doc, &mut String::new(), &mut all);
    let at = all.get(src.below(all.len())).cloned().unwrap_or_default();
    let wild = src.below(8) == 0;
    let replacement = awkward(src, doc);
    let Some(node) = doc.pointer_mut(&at) else {
        return;
    };
    match node {
        node if wild => *node = replacement,
        Value::String(s) => *s = similar_string(&at, s, src),
        Value::Number(_) => *node = Value::from(src.pick(&[0u64, 1, 2, 3, 4, 5, 100, 5000])),
        Value::Bool(b) => *b = !*b,
        Value::Null => *node = replacement,
        Value::Array(a) => match src.below(4) {
            0 if !a.is_empty() => {
                let i = src.below(a.len());
                a.remove(i);
            }
            1 if !a.is_empty() => {
                // duplicate an element, up to 80 times (duplicate keys, long lists)
                let i = src.below(a.len());
                let times = 1 + src.below(80);
                if let Some(item) = a.get(i).cloned() {
                    for _ in 0..times {
                        a.push(item.clone());
                    }
                }
            }
            2 if !a.is_empty() => {
                // a copy of one element, edited
                let i = src.below(a.len());
                if let Some(mut item) = a.get(i).cloned() {
                    mutate(&mut item, src);
                    a.push(item);
                }
            }
            _ => a.push(replacement),
        },
        Value::Object(m) => match src.below(3) {
            0 if !m.is_empty() => {
                let keys: Vec<String> = m.keys().cloned().collect();
                if let Some(k) = keys.get(src.below(keys.len())) {
                    m.remove(k);
                }
            }
            _ => {
                m.insert(src.pick(FIELDS).to_owned(), replacement);
            }
        },
    }
}

/// Valid values by field name (for `kind`, by the list or object that holds it).
const VOCAB: &[(&str, &[&str])] = &[
    (
        "relation",
        &[
            "applicant",
            "spouse",
            "child",
            "parent",
            "grandparent",
            "grandchild",
            "sibling",
            "other_relative",
            "non_relative",
        ],
    ),
    ("purpose", &["new_application", "recheck", "dynamic_check"]),
    ("area", &["urban", "rural"]),
    ("location", &["urban", "rural"]),
    (
        "jurisdiction",
        &["621027", "620000", "620100", "621000", "000000", "999999"],
    ),
    ("key", &["m1", "m2", "m3", "m4", "m5"]),
    ("member", &["m1", "m2", "m3", "m4", "m5"]),
    (
        "category",
        &[
            "wage",
            "business",
            "property",
            "transfer",
            "transfer_paid",
            "other",
            "disregarded",
        ],
    ),
    (
        "incomes",
        &[
            "farming",
            "livestock",
            "land_sublet",
            "residents_basic_pension",
            "preferential_treatment",
            "family_planning",
            "scholarship",
            "bravery_award",
            "social_assistance",
            "old_age_allowance",
            "local_disregard",
        ],
    ),
    (
        "financial",
        &[
            "deposit",
            "cash",
            "securities",
            "fund",
            "insurance_cash_value",
            "internet_finance",
            "claim",
        ],
    ),
    (
        "vehicles",
        &[
            "car",
            "truck",
            "motorcycle",
            "tricycle",
            "farm_machinery",
            "other",
        ],
    ),
    (
        "businesses",
        &[
            "sole_trader",
            "enterprise",
            "shareholder",
            "farmer_cooperative",
        ],
    ),
    ("large_purchases", &["home", "vehicle", "other"]),
    (
        "expenses",
        &["medical", "education", "rehabilitation", "other"],
    ),
    (
        "disability",
        &[
            "visual",
            "hearing",
            "speech",
            "physical",
            "intellectual",
            "mental",
            "multiple",
        ],
    ),
    (
        "statuses",
        &[
            "imprisoned",
            "compulsory_drug_rehabilitation",
            "declared_missing",
            "clergy_living_apart",
            "conscript",
        ],
    ),
    (
        "unable",
        &[
            "eating",
            "dressing",
            "transferring",
            "toileting",
            "walking_indoors",
            "bathing",
        ],
    ),
    (
        "level",
        &[
            "preschool",
            "primary",
            "junior_secondary",
            "senior_secondary",
            "secondary_vocational",
            "higher_vocational",
            "undergraduate",
            "postgraduate",
        ],
    ),
    ("programme", &["minimum_living", "marginal_family"]),
    ("class", &["class_1", "class_2", "class_3", "class_4"]),
    (
        "events",
        &[
            "fire",
            "traffic_accident",
            "sudden_serious_illness",
            "natural_disaster",
            "other",
            "essential_expenditure",
        ],
    ),
    ("severity", &["light", "heavy"]),
    ("support_setting", &["home", "institution"]),
    (
        "department",
        &[
            "civil_affairs",
            "public_security",
            "vehicle_registry",
            "real_estate",
            "housing_fund",
            "human_resources",
            "tax",
            "market_regulation",
            "financial_institution",
            "medical_insurance",
            "disabled_persons_federation",
            "education",
            "health",
            "courts_justice",
            "rural_revitalisation",
        ],
    ),
    (
        "evidence_checked",
        &[
            "vehicle_registry",
            "real_estate",
            "financial_institution",
            "market_regulation",
            "human_resources",
            "tax",
            "health",
        ],
    ),
    (
        "item",
        &[
            "vehicle_registered",
            "property",
            "account_balance",
            "contribution_base",
            "wage",
            "pension",
            "business_registration",
            "disability_certificate",
            "death",
            "imprisonment",
            "school_enrolment",
            "self_paid_medical",
            "return_to_poverty_monitoring",
        ],
    ),
    (
        "status",
        &[
            "unstable_out_of_poverty",
            "marginal_at_risk",
            "sudden_severe_difficulty",
            "risk_eliminated",
        ],
    ),
    (
        "supporter_statuses",
        &[
            "special_hardship_recipient",
            "dibao_recipient",
            "no_civil_capacity",
            "declared_missing",
            "imprisoned",
        ],
    ),
];

/// The vocabulary for the string at `pointer`, if the field has one.
fn vocabulary(pointer: &str) -> Option<&'static [&'static str]> {
    let mut names = pointer
        .rsplit('/')
        .filter(|seg| !seg.is_empty() && !seg.bytes().all(|b| b.is_ascii_digit()));
    let field = names.next()?;
    let name = match field {
        "kind" => names.next()?,
        // a list of codes directly under `statuses` is a supporter's
        "statuses" => "supporter_statuses",
        _ => field,
    };
    VOCAB.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// A value like `s`: another date for a date, another amount for an amount, another code of
/// the same field, or an edited string.
fn similar_string(pointer: &str, s: &str, src: &mut Source<'_>) -> String {
    if let Some(words) = vocabulary(pointer)
        && src.below(4) != 0
    {
        return src.pick(words).to_owned();
    }
    let b = s.as_bytes();
    let is_date = b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    let is_number = !b.is_empty() && b.iter().all(|c| c.is_ascii_digit() || *c == b'.');
    if is_date && src.below(4) != 0 {
        let year = if src.below(4) == 0 {
            1870 + src.below(170)
        } else {
            1940 + src.below(87)
        };
        let month = 1 + src.below(12);
        let days_in_month = if src.below(8) == 0 { 31 } else { 28 };
        let day = 1 + src.below(days_in_month);
        return format!("{year:04}-{month:02}-{day:02}");
    }
    if is_number && src.below(4) != 0 {
        let whole = src.below(200_000);
        return match src.below(3) {
            0 => format!("{whole}.{:02}", src.below(100)),
            1 => format!("{}", whole % 1_000),
            _ => whole.to_string(),
        };
    }
    match src.below(3) {
        0 => src.pick(STRINGS).to_owned(),
        _ => {
            // edit in place: flip, cut, extend or repeat
            let mut bytes = s.as_bytes().to_vec();
            match src.below(4) {
                0 if !bytes.is_empty() => {
                    let i = src.below(bytes.len());
                    if let Some(c) = bytes.get_mut(i) {
                        *c = src.pick(b"0123456789-.:_ aZ9");
                    }
                }
                1 => bytes.truncate(src.below(bytes.len().saturating_add(1))),
                2 => bytes.extend_from_slice(src.pick(STRINGS).as_bytes()),
                _ => bytes = bytes.repeat(1 + src.below(4)),
            }
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

/// Replaces sentinel strings with their raw tokens.
fn substitute_raw(text: &str) -> String {
    // serde_json writes U+0001 as \u0001
    if !text.contains("\\u0001raw") {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    for (i, raw) in RAW.iter().enumerate().rev() {
        out = out.replace(&format!("\"\\u0001raw{i}\""), raw);
    }
    out
}

/// Checks the shape of an answer from `evaluate_json`: a JSON object with exactly one member,
/// `ok` (an object) or `error` (an object with a string `code` and `message`). Returns a
/// description of what is wrong, if anything.
pub fn answer_problem(answer: &str) -> Option<String> {
    let v: Value = match serde_json::from_str(answer) {
        Ok(v) => v,
        Err(e) => return Some(format!("answer is not JSON: {e}")),
    };
    let Some(obj) = v.as_object() else {
        return Some("answer is not an object".to_owned());
    };
    if obj.len() != 1 {
        return Some("answer has more than one member".to_owned());
    }
    match (obj.get("ok"), obj.get("error")) {
        (Some(Value::Object(_)), None) => None,
        (None, Some(Value::Object(e))) => {
            let code_ok = e.get("code").is_some_and(Value::is_string);
            let msg_ok = e.get("message").is_some_and(Value::is_string);
            if code_ok && msg_ok {
                None
            } else {
                Some("error without code or message".to_owned())
            }
        }
        _ => Some("answer is neither ok nor error".to_owned()),
    }
}

/// For an input that reads as a case: the case and, if it evaluates, its determination must
/// survive JSON unchanged. Returns a description of what is wrong, if anything.
pub fn round_trip_problem(input: &str) -> Option<String> {
    let case = jiuzhu::parse_case(input).ok()?;
    let text = match serde_json::to_string(&case) {
        Ok(t) => t,
        Err(e) => return Some(format!("case does not serialise: {e}")),
    };
    match jiuzhu::parse_case(&text) {
        Ok(again) if again == case => {}
        Ok(_) => return Some(format!("case changed in a round trip: {text}")),
        Err(e) => return Some(format!("serialised case does not read back: {e}: {text}")),
    }
    let det = jiuzhu::evaluate(&case, jiuzhu::embedded_rules()).ok()?;
    let det_text = match serde_json::to_string(&det) {
        Ok(t) => t,
        Err(e) => return Some(format!("determination does not serialise: {e}")),
    };
    match serde_json::from_str::<jiuzhu::Determination>(&det_text) {
        Ok(again) if again == det => None,
        Ok(_) => Some("determination changed in a round trip".to_owned()),
        Err(e) => Some(format!("determination does not read back: {e}")),
    }
}

/// Decimal values for parameters in a rule overlay: negative, huge, tiny, fractional, plain.
const DECIMAL_VALUES: &[&str] = &[
    "\"0\"",
    "\"-0\"",
    "\"-1\"",
    "\"-0.01\"",
    "\"-79228162514264337593543950335\"",
    "\"79228162514264337593543950335\"",
    "\"0.0000000000000000000000000001\"",
    "\"1000000000000\"",
    "\"0.5\"",
    "\"1.5\"",
    "\"623\"",
    "\"4788\"",
    "\"12.5\"",
    "0",
    "1",
    "-1",
    "12",
    "60",
    "151",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
];

/// Values of the other kinds, and values no parameter takes.
const OTHER_VALUES: &[&str] = &[
    "true",
    "false",
    "[]",
    "[\"imprisoned\", \"conscript\"]",
    "[\"no_member_able_to_work\", \"member_elderly\"]",
    "[\"car\", \"motorcycle\", \"tricycle\", \"farm_machinery\", \"truck\", \"other\"]",
    "[\"enterprise\", \"shareholder\", \"sole_trader\"]",
    "[\"scholarship\", \"farming\", \"none\"]",
    "[\"unknown_criterion\"]",
    "\"half_up\"",
    "\"ceiling\"",
    "\"floor\"",
    "\"none\"",
    "\"banker\"",
    "\"1e3\"",
    "\"\"",
    "0.5",
];

/// Dates an overlay value may take effect from.
const PARAM_FROM: &[&str] = &[
    "2019-01-01",
    "2021-07-01",
    "2026-01-01",
    "2026-11-01",
    "2027-01-01",
];

/// Builds a rule overlay (TOML) from the bytes: a division (an existing one or a new one under
/// another) setting 1–4 parameters to awkward values, mostly of the parameter's kind.
pub fn overlay(data: &[u8]) -> String {
    use jiuzhu::rules::ParamKind;
    let mut src = Source::new(data);
    let (code, parent) = src.pick(&[
        ("621027", None),
        ("620000", None),
        ("000000", None),
        ("621000", None),
        ("620100", None),
        ("621099", Some("621000")),
        // parents that loop or lead nowhere
        ("621027", Some("621027")),
        ("620000", Some("621027")),
        ("621000", Some("abc")),
        ("621027", Some("")),
    ]);
    let mut out = format!("[division]\ncode = \"{code}\"\nname = \"fuzz\"\n");
    if let Some(p) = parent {
        out.push_str(&format!("parent = \"{p}\"\n"));
    }
    for _ in 0..1 + src.below(4) {
        let param = src.pick(jiuzhu::ParamId::ALL);
        let value = match (param.kind(), src.below(8)) {
            (_, 0) => src.pick(OTHER_VALUES),
            (ParamKind::Decimal, _) => src.pick(DECIMAL_VALUES),
            (ParamKind::Bool, _) => src.pick(&["true", "false"]),
            (ParamKind::List, _) => src.pick(&OTHER_VALUES[2..9]),
            (ParamKind::Text, _) => src.pick(&OTHER_VALUES[9..14]),
        };
        out.push_str(&format!(
            "\n[[param]]\nname = \"{}\"\nfrom = \"{}\"\nvalue = {value}\nstatus = \"{}\"\nsource = \"fuzz\"\n",
            param.name(),
            src.pick(PARAM_FROM),
            src.pick(&["published", "derived", "unconfirmed"]),
        ));
    }
    out
}

/// Evaluates `case` under the embedded rules with `overlay` laid over them, if the overlay
/// loads; returns a description of what is wrong with the answer, if anything.
pub fn overlay_problem(overlay: &str, case: &str) -> Option<String> {
    let rules = jiuzhu::embedded_rules().clone().overlay_str(overlay).ok()?;
    let answer = jiuzhu::evaluate_json_with(case, &rules);
    answer_problem(&answer).map(|p| format!("{p}: {answer}"))
}
