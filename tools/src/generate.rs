//! Synthetic household caseloads: deterministic for a seed, shaped like a Gansu county's
//! low-income register (sizes, ages, disabilities, incomes spread around the 2021 standards,
//! assets around the limits). Used by the `generate` example, the batch, answer and golden tests
//! and the batch bench.
//!
//! No personal data: members are `m1…mN`, birth dates are drawn at random. It holds the random
//! source ([`Rng`]), one household ([`household`]), a malformed line ([`malformed`]) and whole
//! caseloads ([`write_caseload`], [`caseload_string`]). It writes cases as JSON and needs nothing
//! of jiuzhu at all; whatever it may use of jiuzhu is its public API only.
// Test data, not county data: every index is drawn in range by construction (from `Rng::range`,
// `Rng::pick` or a list just built) and the JSON values indexed are the objects built here, so
// the crate's lints against panicking are lifted for this module only.
#![allow(clippy::indexing_slicing, clippy::expect_used)]

use std::io::{self, Write};

use serde_json::{Value, json};

/// The evaluation date of every generated case.
pub const EVALUATION_DATE: &str = "2026-11-01";
/// First day of the twelve-month income reference period before the evaluation date.
const REF_FROM: &str = "2025-11-01";
/// Last day of the reference period.
const REF_TO: &str = "2026-10-31";

/// Gansu 2021 urban standard, yuan per month (the generator aims incomes around it).
const URBAN_STANDARD: u64 = 623;
/// Gansu 2021 rural standard, 4,788 yuan per year, as yuan per month.
const RURAL_STANDARD: u64 = 399;

/// splitmix64: a small, fast, well-mixed PRNG; the same seed always gives the same caseload.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6a09_e667_f3bc_c909)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next_u64() % 1000 < per_mille
    }

    /// Index drawn from cumulative weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.next_u64() % total.max(1);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// One element of a slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// Yuan from fen, as an exact decimal string (`"1234.5"` is written `"1234.50"`).
fn money(fen: u64) -> String {
    if fen.is_multiple_of(100) {
        format!("{}", fen / 100)
    } else {
        format!("{}.{:02}", fen / 100, fen % 100)
    }
}

/// A date `years` years and some days before the evaluation date, as `YYYY-MM-DD`.
fn birth_date(rng: &mut Rng, age: u64) -> String {
    // born between (age+1) years and age years before 2026-11-01
    let year = 2026 - age as i64;
    let month = rng.range(1, 12) as i64;
    let day = rng.range(1, 28) as i64;
    // after the evaluation month in the birth year means one year younger: shift back a year
    let year = if month > 10 { year - 1 } else { year };
    format!("{year:04}-{month:02}-{day:02}")
}

fn date_in(rng: &mut Rng, year_lo: u64, year_hi: u64) -> String {
    let y = rng.range(year_lo, year_hi);
    let m = if y == 2026 {
        rng.range(1, 10)
    } else {
        rng.range(1, 12)
    };
    format!("{y:04}-{m:02}-{:02}", rng.range(1, 28))
}

/// A date inside the income reference period.
fn date_in_reference(rng: &mut Rng) -> String {
    let k = rng.range(0, 11);
    let (y, m) = if k < 2 { (2025, 11 + k) } else { (2026, k - 1) };
    format!("{y:04}-{m:02}-{:02}", rng.range(1, 28))
}

struct Person {
    key: String,
    age: u64,
    value: Value,
    working_age: bool,
}

/// Which caseload a generator writes: the shares of purposes and whether households bring
/// temporary-relief events.
///
/// The golden corpus (`tests/golden/`) holds 2,000 households of [`Profile::Corpus2026`], so that
/// profile must never change; new shapes go into a new profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// The generator as the golden corpus was written with it: purposes 30 % new applications,
    /// 45 % re-checks, 25 % dynamic checks; no temporary-relief events.
    Corpus2026,
    /// A county's year (the default of the `jiuzhu generate` command), with these shares:
    ///
    /// | what | share |
    /// |---|---|
    /// | new applications (逢进必核) | 10 % |
    /// | re-checks of current recipients (在保复核) | 40 % |
    /// | dynamic checks of the low-income population (动态常核) | 50 % |
    /// | households bringing a temporary-relief event (临时救助) | 2 % |
    /// | — of these: light emergency (fire, accident, illness, disaster, other) | 50 % |
    /// | — heavy emergency, with 1–6 months of hardship | 25 % |
    /// | — essential expenditure (支出型), with 1–6 months of hardship | 25 % |
    ///
    /// Zhenyuan's own year (106,800 households checked, 29 given temporary relief) has far fewer
    /// events; 2 % keeps every section of a 10,000-household report populated. Households
    /// under re-check are enrolled (80 % dibao, 20 % marginal) as in [`Profile::Corpus2026`],
    /// and 30 % of dynamic checks concern a current recipient.
    #[default]
    County,
}

impl Profile {
    /// The profile's name on the command line: `corpus-2026` or `county`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Profile::Corpus2026 => "corpus-2026",
            Profile::County => "county",
        }
    }

    /// Looks a profile up by its name.
    pub fn from_name(name: &str) -> Option<Profile> {
        [Profile::Corpus2026, Profile::County]
            .into_iter()
            .find(|p| p.as_str() == name)
    }

    fn purpose_weights(self) -> [u64; 3] {
        match self {
            Profile::Corpus2026 => [300, 450, 250],
            Profile::County => [100, 400, 500],
        }
    }
}

/// Builds one household case as JSON ([`Profile::Corpus2026`]).
pub fn household(rng: &mut Rng) -> Value {
    household_in(rng, Profile::Corpus2026)
}

/// Builds one household case as JSON under a profile.
pub fn household_in(rng: &mut Rng, profile: Profile) -> Value {
    let mut case = household_base(rng, profile);
    if profile == Profile::County && rng.chance(20) {
        case["household"]["events"] = json!([event(rng)]);
    }
    case
}

/// A temporary-relief event in the month before the evaluation date.
fn event(rng: &mut Rng) -> Value {
    let date = format!("2026-10-{:02}", rng.range(1, 28));
    match rng.weighted(&[500, 250, 250]) {
        0 => {
            let kind = rng.pick(&[
                "fire",
                "traffic_accident",
                "sudden_serious_illness",
                "natural_disaster",
                "other",
            ]);
            json!({"kind": kind, "date": date, "severity": "light"})
        }
        1 => {
            let kind = rng.pick(&["fire", "traffic_accident", "sudden_serious_illness"]);
            json!({"kind": kind, "date": date, "severity": "heavy",
                "hardship_months": rng.range(1, 6)})
        }
        _ => json!({"kind": "essential_expenditure", "date": date,
            "hardship_months": rng.range(1, 6)}),
    }
}

fn household_base(rng: &mut Rng, profile: Profile) -> Value {
    let rural = rng.chance(650);
    let area = if rural { "rural" } else { "urban" };
    let standard = if rural {
        RURAL_STANDARD
    } else {
        URBAN_STANDARD
    };
    let jurisdiction = match rng.weighted(&[900, 60, 40]) {
        0 => "621027",
        1 => "621000",
        _ => "620000",
    };
    let purpose_i = rng.weighted(&profile.purpose_weights());
    let purpose = ["new_application", "recheck", "dynamic_check"][purpose_i];
    let size = 1 + rng.weighted(&[220, 250, 200, 170, 90, 50, 20]) as u64;

    // members
    let mut people: Vec<Person> = Vec::with_capacity(size as usize);
    let applicant_age = match rng.weighted(&[250, 350, 400]) {
        0 => rng.range(22, 44),
        1 => rng.range(45, 59),
        _ => rng.range(60, 92),
    };
    people.push(person(rng, 1, "applicant", applicant_age));
    let mut k = 2;
    if size >= 2 && rng.chance(780) {
        let age = (applicant_age + rng.range(0, 8)).saturating_sub(4).max(20);
        people.push(person(rng, k, "spouse", age));
        k += 1;
    }
    while k <= size {
        let (relation, age) = match rng.weighted(&[650, 120, 120, 60, 50]) {
            0 => ("child", applicant_age.saturating_sub(rng.range(20, 36))),
            1 if applicant_age < 62 => ("parent", applicant_age + rng.range(20, 32)),
            2 if applicant_age >= 50 => (
                "grandchild",
                applicant_age.saturating_sub(rng.range(42, 60)),
            ),
            3 => (
                "sibling",
                (applicant_age + rng.range(0, 10)).saturating_sub(5),
            ),
            4 => ("other_relative", rng.range(18, 60)),
            _ => ("child", applicant_age.saturating_sub(rng.range(20, 36))),
        };
        people.push(person(rng, k, relation, age.min(99)));
        k += 1;
    }

    // incomes: aim the household's monthly per-capita income at a share of the standard
    // current recipients (rechecks) sit lower than new applicants; dynamic checks of the wider
    // low-income population sit higher
    let weights: [u64; 3] = match purpose_i {
        0 => [350, 400, 250],
        1 => [550, 350, 100],
        _ => [200, 350, 450],
    };
    let ratio_pct = match rng.weighted(&weights) {
        0 => rng.range(0, 100),
        1 => rng.range(80, 170),
        _ => rng.range(150, 400),
    };
    let monthly_target_fen = standard * 100 * ratio_pct / 100 * size;
    let annual_fen = monthly_target_fen * 12;
    let earners: Vec<usize> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.working_age)
        .map(|(i, _)| i)
        .collect();
    let mut incomes = Vec::new();
    let mut remaining = annual_fen;
    // pensions for the elderly
    for p in people.iter().filter(|p| p.age >= 60) {
        let pension = rng.range(113, 180) * 12 * 100;
        incomes.push(json!({"member": p.key, "category": "transfer",
            "kind": "residents_basic_pension", "amount": money(pension),
            "from": REF_FROM, "to": REF_TO}));
        if p.age >= 80 && rng.chance(500) {
            incomes.push(json!({"member": p.key, "category": "disregarded",
                "kind": "old_age_allowance", "amount": money(100 * 12 * 100),
                "from": REF_FROM, "to": REF_TO}));
        }
        if rng.chance(150) {
            let v = rng.range(100, 600) * 12 * 100;
            incomes.push(json!({"member": p.key, "category": "transfer",
                "amount": money(v), "from": REF_FROM, "to": REF_TO}));
            remaining = remaining.saturating_sub(v);
        }
    }
    if !earners.is_empty() && remaining > 0 {
        let n = earners.len() as u64;
        for (j, &i) in earners.iter().enumerate() {
            let share = if j as u64 + 1 == n {
                remaining
            } else {
                remaining / n + rng.range(0, 100) * 100
            };
            let share = share.min(remaining);
            remaining -= share;
            if share == 0 {
                continue;
            }
            let key = &people[i].key;
            if rural && rng.chance(600) {
                // farming with a sideline of casual labour
                let farm = share * rng.range(30, 80) / 100;
                incomes.push(
                    json!({"member": key, "category": "business", "kind": "farming",
                    "amount": money(farm), "from": REF_FROM, "to": REF_TO}),
                );
                if share > farm {
                    incomes.push(json!({"member": key, "category": "wage",
                        "amount": money((share - farm) / 12 * 12), "from": REF_FROM, "to": REF_TO}));
                }
            } else if rng.chance(80) {
                incomes.push(json!({"member": key, "category": "business",
                    "amount": money(share), "from": REF_FROM, "to": REF_TO}));
            } else {
                // some wages cover only part of the year
                let (from, to) = if rng.chance(150) {
                    ("2026-03-01", "2026-10-31")
                } else {
                    (REF_FROM, REF_TO)
                };
                incomes.push(json!({"member": key, "category": "wage",
                    "amount": money((share + rng.range(0, 99)) / 12 * 12), "from": from, "to": to}));
            }
        }
        if rng.chance(200) {
            let key = &people[earners[0]].key;
            incomes.push(json!({"member": key, "category": "transfer_paid",
                "amount": money(rng.range(200, 3000) * 100), "from": REF_FROM, "to": REF_TO}));
        }
    }
    if earners.is_empty() && remaining > 0 && rng.chance(600) {
        // no one of working age: support from children living elsewhere (赡养费)
        incomes.push(json!({"member": people[0].key, "category": "transfer",
            "amount": money(remaining), "from": REF_FROM, "to": REF_TO}));
    }
    if rural && rng.chance(100) {
        incomes.push(
            json!({"member": people[0].key, "category": "property", "kind": "land_sublet",
            "amount": money(rng.range(300, 3000) * 100), "from": REF_FROM, "to": REF_TO}),
        );
    }
    for p in &people {
        if p.value.get("student").is_some() && rng.chance(150) {
            incomes.push(
                json!({"member": p.key, "category": "disregarded", "kind": "scholarship",
                "amount": money(rng.range(1000, 4000) * 100), "from": REF_FROM, "to": REF_TO}),
            );
        }
    }

    // assets
    let limit_fen = standard * 24 * 100 * size;
    let mut financial = Vec::new();
    if rng.chance(650) {
        // most deposits are small; about one in five is above the dibao limit
        let u = rng.range(0, 1000);
        let fen = limit_fen * 16 / 10 * u * u / 1_000_000 + rng.range(0, 99);
        financial.push(json!({"member": "m1", "kind": "deposit", "amount": money(fen)}));
        if rng.chance(100) {
            let kind = rng.pick(&[
                "securities",
                "fund",
                "insurance_cash_value",
                "internet_finance",
            ]);
            financial.push(json!({"member": "m1", "kind": kind,
                "amount": money(rng.range(1000, 40000) * 100)}));
        }
    }
    let mut vehicles = Vec::new();
    if rng.chance(60) {
        let owner = &people[*rng.pick(&earners_or_first(&earners))].key;
        vehicles.push(json!({"member": owner, "kind": "car",
            "value": money(rng.range(15000, 150000) * 100)}));
    }
    if rural && rng.chance(200) {
        let kind = rng.pick(&["motorcycle", "tricycle", "farm_machinery"]);
        vehicles.push(json!({"member": "m1", "kind": kind,
            "value": money(rng.range(1500, 20000) * 100)}));
    }
    if people.iter().any(|p| p.value.get("disability").is_some()) && rng.chance(30) {
        vehicles.push(json!({"member": "m1", "kind": "other",
            "value": money(rng.range(3000, 15000) * 100), "disability_mobility": true}));
    }
    let mut homes = Vec::new();
    if rural {
        if rng.chance(880) {
            homes.push(json!({"member": "m1", "location": "rural",
                "floor_area": format!("{}.{}", rng.range(40, 160), rng.range(0, 9)),
                "self_built": true}));
        }
        if rng.chance(50) {
            homes.push(json!({"member": "m1", "location": "urban",
                "floor_area": format!("{}", rng.range(50, 120))}));
        }
    } else {
        if rng.chance(700) {
            homes.push(json!({"member": "m1", "location": "urban",
                "floor_area": format!("{}.{}", rng.range(25, 40 * size + 40), rng.range(0, 9))}));
        }
        if rng.chance(50) {
            homes.push(json!({"member": "m1", "location": "urban",
                "floor_area": format!("{}", rng.range(40, 110))}));
        }
    }
    let mut businesses = Vec::new();
    if rng.chance(40) {
        businesses.push(json!({"member": "m1", "kind": "sole_trader",
            "registered_capital": money(rng.range(5000, 200000) * 100),
            "active": rng.chance(800)}));
    }
    if rng.chance(10) {
        let kind = rng.pick(&["enterprise", "shareholder"]);
        businesses.push(json!({"member": "m1", "kind": kind}));
    }
    if rural && rng.chance(40) {
        businesses.push(json!({"member": "m1", "kind": "farmer_cooperative"}));
    }
    let mut purchases = Vec::new();
    if rng.chance(20) {
        let kind = rng.pick(&["home", "vehicle", "other"]);
        purchases.push(json!({"member": "m1", "kind": kind,
            "amount": money(rng.range(8000, 200000) * 100), "date": date_in_reference(rng)}));
    }

    // expenses
    let mut expenses = Vec::new();
    for p in &people {
        if p.value.get("serious_illness").is_some() || rng.chance(40) {
            let amount = rng.range(2000, 80000) * 100;
            let paid = amount * rng.range(20, 70) / 100;
            expenses.push(
                json!({"member": p.key, "kind": "medical", "amount": money(amount),
                "self_paid": money(paid), "date": date_in_reference(rng)}),
            );
        }
        if p.value.get("disability").is_some() && rng.chance(200) {
            let amount = rng.range(1000, 20000) * 100;
            expenses.push(json!({"member": p.key, "kind": "rehabilitation",
                "amount": money(amount), "self_paid": money(amount / 2),
                "date": date_in_reference(rng)}));
        }
        if p.value.get("student").is_some() && p.age >= 15 && rng.chance(300) {
            let amount = rng.range(2000, 12000) * 100;
            expenses.push(json!({"member": p.key, "kind": "education",
                "amount": money(amount), "self_paid": money(amount),
                "date": date_in_reference(rng)}));
        }
    }

    let mut case = json!({
        "evaluation_date": EVALUATION_DATE,
        "jurisdiction": jurisdiction,
        "purpose": purpose,
        "area": area,
        "household": {
            "members": people.iter().map(|p| p.value.clone()).collect::<Vec<_>>(),
            "incomes": incomes,
            "assets": {
                "financial": financial, "vehicles": vehicles, "homes": homes,
                "businesses": businesses, "large_purchases": purchases,
            },
            "expenses": expenses,
        }
    });
    let evidence = department_records(rng, &case);
    if let Some((checked, records)) = evidence {
        case["evidence_checked"] = json!(checked);
        case["evidence"] = json!(records);
    }
    if purpose == "recheck" || (purpose == "dynamic_check" && rng.chance(300)) {
        let (programme, class, amount) = if rng.chance(800) {
            if rural {
                let c = 1 + rng.weighted(&[100, 250, 400, 250]);
                let per = [399u64, 378, 84, 58][c - 1];
                (
                    "minimum_living",
                    Some(format!("class_{c}")),
                    per * size.min(3) * 100,
                )
            } else {
                ("minimum_living", None, rng.range(50, standard) * size * 100)
            }
        } else {
            ("marginal_family", None, 0)
        };
        let since = date_in(rng, 2018, 2025);
        let mut en = json!({"programme": programme, "monthly_amount": money(amount),
            "since": since});
        if let Some(c) = class {
            en["class"] = json!(c);
        }
        if rng.chance(700) {
            en["last_review"] = json!("2025-11-15");
            if since.as_str() > "2025-11-15" {
                en["last_review"] = json!(since);
            }
        }
        case["enrolment"] = en;
    }
    case
}

/// Fen from a generated decimal string.
fn fen_of(s: &str) -> u64 {
    let (whole, frac) = s.split_once('.').unwrap_or((s, "0"));
    let cents: String = format!("{frac:0<2}").chars().take(2).collect();
    whole.parse::<u64>().unwrap_or(0) * 100 + cents.parse::<u64>().unwrap_or(0)
}

/// The departments every new application and recheck must query (VER-REQ).
const REQUIRED_DEPARTMENTS: [&str; 5] = [
    "vehicle_registry",
    "real_estate",
    "financial_institution",
    "market_regulation",
    "human_resources",
];

/// Department records (部门核对数据) for most households: they mostly confirm the declaration,
/// sometimes differ (a higher balance or wage, an undeclared car, home or business), and now
/// and then a department's reply is missing. Returns the departments queried and the records.
fn department_records(rng: &mut Rng, case: &Value) -> Option<(Vec<&'static str>, Vec<Value>)> {
    if !rng.chance(850) {
        return None;
    }
    let date = "2026-10-15";
    let h = &case["household"];
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let mut checked: Vec<&'static str> = REQUIRED_DEPARTMENTS.to_vec();
    if rng.chance(40) {
        // one department has not answered yet
        let i = rng.range(0, 4) as usize;
        checked.remove(i);
    }
    let has = |d: &str, checked: &[&str]| checked.contains(&d);
    let mut records = Vec::new();
    if has("financial_institution", &checked) {
        for f in list(&h["assets"]["financial"]) {
            let declared = fen_of(f["amount"].as_str().unwrap_or("0"));
            let amount = if rng.chance(120) {
                declared * rng.range(115, 300) / 100 + rng.range(50_000, 3_000_000)
            } else {
                declared
            };
            records.push(
                json!({"department": "financial_institution", "member": f["member"],
                "date": date, "fact": {"item": "account_balance", "amount": money(amount)}}),
            );
        }
    }
    if has("vehicle_registry", &checked) {
        for v in list(&h["assets"]["vehicles"]) {
            if v["kind"] == "car" || v["kind"] == "truck" {
                records.push(json!({"department": "vehicle_registry", "member": v["member"],
                    "date": date,
                    "fact": {"item": "vehicle_registered", "kind": v["kind"], "value": v["value"]}}));
            }
        }
        if rng.chance(25) {
            records.push(
                json!({"department": "vehicle_registry", "member": "m1", "date": date,
                "fact": {"item": "vehicle_registered", "kind": "car",
                    "value": money(rng.range(20_000, 90_000) * 100)}}),
            );
        }
    }
    if has("real_estate", &checked) {
        for home in list(&h["assets"]["homes"]) {
            records.push(
                json!({"department": "real_estate", "member": home["member"],
                "date": date, "fact": {"item": "property", "location": home["location"],
                    "floor_area": home["floor_area"]}}),
            );
        }
        if rng.chance(15) {
            records.push(
                json!({"department": "real_estate", "member": "m1", "date": date,
                "fact": {"item": "property", "location": "urban",
                    "floor_area": format!("{}", rng.range(50, 120))}}),
            );
        }
    }
    if has("market_regulation", &checked) {
        for b in list(&h["assets"]["businesses"]) {
            records.push(
                json!({"department": "market_regulation", "member": b["member"],
                "date": date, "fact": {"item": "business_registration", "kind": b["kind"],
                    "active": b.get("active").cloned().unwrap_or(json!(true))}}),
            );
        }
        if rng.chance(15) {
            records.push(
                json!({"department": "market_regulation", "member": "m1", "date": date,
                "fact": {"item": "business_registration", "kind": "sole_trader", "active": true}}),
            );
        }
    }
    if has("human_resources", &checked) {
        for inc in list(&h["incomes"]) {
            if inc["category"] != "wage" || inc["from"] != REF_FROM {
                continue;
            }
            let declared = fen_of(inc["amount"].as_str().unwrap_or("0")) / 12;
            let monthly = if rng.chance(100) {
                declared * rng.range(120, 200) / 100
            } else {
                declared
            };
            records.push(
                json!({"department": "human_resources", "member": inc["member"],
                "date": date, "fact": {"item": "wage", "monthly": money(monthly)}}),
            );
        }
    }
    Some((checked, records))
}

fn earners_or_first(earners: &[usize]) -> Vec<usize> {
    if earners.is_empty() {
        vec![0]
    } else {
        earners.to_vec()
    }
}

fn person(rng: &mut Rng, k: u64, relation: &str, age: u64) -> Person {
    let key = format!("m{k}");
    let mut v = json!({"key": key, "relation": relation, "birth_date": birth_date(rng, age)});
    let disability_rate = if age >= 60 { 140 } else { 60 };
    if rng.chance(disability_rate) {
        let kind = rng.pick(&[
            "physical",
            "physical",
            "physical",
            "visual",
            "hearing",
            "speech",
            "intellectual",
            "mental",
            "multiple",
        ]);
        v["disability"] = json!({"kind": kind, "grade": rng.range(1, 4)});
        if rng.chance(250) {
            let all = [
                "eating",
                "dressing",
                "transferring",
                "toileting",
                "walking_indoors",
                "bathing",
            ];
            let n = rng.range(0, 6) as usize;
            v["self_care"] = json!({"unable": all[..n].to_vec()});
        }
    }
    if rng.chance(if age >= 50 { 70 } else { 25 }) {
        v["serious_illness"] = json!(true);
    }
    let level = match age {
        3..=5 if rng.chance(600) => Some("preschool"),
        6..=11 => Some("primary"),
        12..=14 => Some("junior_secondary"),
        15..=17 if rng.chance(850) => Some(if rng.chance(300) {
            "secondary_vocational"
        } else {
            "senior_secondary"
        }),
        18..=22 if rng.chance(450) => Some(if rng.chance(400) {
            "higher_vocational"
        } else {
            "undergraduate"
        }),
        23..=26 if rng.chance(40) => Some("postgraduate"),
        _ => None,
    };
    let studying = level.is_some();
    if let Some(level) = level {
        v["student"] = json!({"level": level});
    }
    if age >= 18 {
        match rng.weighted(&[9860, 60, 20, 20, 20, 20]) {
            1 => v["statuses"] = json!([{"kind": "imprisoned", "since": date_in(rng, 2019, 2026)}]),
            2 => v["statuses"] = json!([{"kind": "compulsory_drug_rehabilitation"}]),
            3 => v["statuses"] = json!([{"kind": "declared_missing"}]),
            4 => {
                v["statuses"] =
                    json!([{"kind": "clergy_living_apart", "since": date_in(rng, 2015, 2025)}]);
            }
            5 if age <= 24 => v["statuses"] = json!([{"kind": "conscript"}]),
            _ => {}
        }
    }
    let working_age = (18..60).contains(&age) && !studying;
    if working_age && rng.chance(50) {
        v["registered_unemployed"] = json!(true);
    }
    if (relation == "child" || relation == "other_relative") && age >= 18 && rng.chance(40) {
        v["lives_with_household"] = json!(false);
    }
    Person {
        key,
        age,
        value: v,
        working_age,
    }
}

/// A deliberately broken line of one of several kinds: malformed JSON, an unknown field, an
/// impossible date, a fractional JSON number for money, a duplicate member key, an empty line.
pub fn malformed(rng: &mut Rng, good: &Value) -> String {
    let text = good.to_string();
    match rng.range(0, 5) {
        0 => text.chars().take(text.chars().count() / 2).collect(),
        1 => {
            let mut v = good.clone();
            v["household_ref"] = json!("h-000");
            v.to_string()
        }
        2 => {
            let mut v = good.clone();
            v["evaluation_date"] = json!("2026-02-30");
            v.to_string()
        }
        3 => {
            let mut v = good.clone();
            v["household"]["incomes"] = json!([{"member": "m1", "category": "wage",
                "amount": 700.5, "from": REF_FROM, "to": REF_TO}]);
            v.to_string()
        }
        4 => {
            let mut v = good.clone();
            let first = v["household"]["members"][0].clone();
            if let Some(members) = v["household"]["members"].as_array_mut() {
                let mut dup = first;
                dup["relation"] = json!("sibling");
                members.push(dup);
            }
            v.to_string()
        }
        _ => String::new(),
    }
}

/// Writes `n` households as JSON lines for a seed; with `with_errors`, one line in each block of
/// 1,000 (at a random place in the block) is malformed. Returns the numbers (1-based) of the
/// malformed lines.
pub fn write_caseload(
    n: u64,
    seed: u64,
    with_errors: bool,
    out: &mut impl Write,
) -> io::Result<Vec<u64>> {
    write_caseload_in(Profile::Corpus2026, n, seed, with_errors, out)
}

/// [`write_caseload`] under a profile.
pub fn write_caseload_in(
    profile: Profile,
    n: u64,
    seed: u64,
    with_errors: bool,
    out: &mut impl Write,
) -> io::Result<Vec<u64>> {
    let mut caseload = Caseload::new(profile, n, seed, with_errors);
    while caseload.next_line() {
        out.write_all(&caseload.line)?;
    }
    Ok(caseload.bad_lines)
}

/// A caseload read as a stream: the lines of [`write_caseload_in`], generated as they are read,
/// so that a batch can run over a large caseload without holding it (`batch::run` takes it as
/// its input).
#[derive(Clone, Debug)]
pub struct Caseload {
    rng: Rng,
    profile: Profile,
    n: u64,
    i: u64,
    with_errors: bool,
    bad_at: u64,
    bad_lines: Vec<u64>,
    line: Vec<u8>,
    pos: usize,
}

impl Caseload {
    /// `n` households for a seed under a profile; with `with_errors`, one malformed line in each
    /// block of 1,000.
    pub fn new(profile: Profile, n: u64, seed: u64, with_errors: bool) -> Self {
        Caseload {
            rng: Rng::new(seed),
            profile,
            n,
            i: 0,
            with_errors,
            bad_at: u64::MAX,
            bad_lines: Vec::new(),
            line: Vec::with_capacity(4096),
            pos: 0,
        }
    }

    /// The numbers (1-based) of the malformed lines generated so far.
    pub fn bad_lines(&self) -> &[u64] {
        &self.bad_lines
    }

    /// Generates the next line into `self.line`; false at the end.
    fn next_line(&mut self) -> bool {
        if self.i >= self.n {
            return false;
        }
        let i = self.i;
        self.i += 1;
        if self.with_errors && i.is_multiple_of(1000) {
            self.bad_at = i + self.rng.range(0, 999);
        }
        let case = household_in(&mut self.rng, self.profile);
        self.line.clear();
        self.pos = 0;
        if i == self.bad_at {
            self.line
                .extend_from_slice(malformed(&mut self.rng, &case).as_bytes());
            self.bad_lines.push(i + 1);
        } else {
            // Writing to a Vec cannot fail.
            let _ = serde_json::to_writer(&mut self.line, &case);
        }
        self.line.push(b'\n');
        true
    }
}

impl io::Read for Caseload {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = {
            let avail = io::BufRead::fill_buf(self)?;
            let n = avail.len().min(buf.len());
            buf[..n].copy_from_slice(&avail[..n]);
            n
        };
        io::BufRead::consume(self, n);
        Ok(n)
    }
}

impl io::BufRead for Caseload {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.line.len() && !self.next_line() {
            return Ok(&[]);
        }
        Ok(&self.line[self.pos..])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.line.len());
    }
}

/// The caseload as one string (for tests and benches).
pub fn caseload_string(n: u64, seed: u64, with_errors: bool) -> (String, Vec<u64>) {
    caseload_string_in(Profile::Corpus2026, n, seed, with_errors)
}

/// [`caseload_string`] under a profile.
pub fn caseload_string_in(
    profile: Profile,
    n: u64,
    seed: u64,
    with_errors: bool,
) -> (String, Vec<u64>) {
    let mut buf = Vec::new();
    let bad =
        write_caseload_in(profile, n, seed, with_errors, &mut buf).expect("writing to memory");
    (
        String::from_utf8(buf).expect("generated text is UTF-8"),
        bad,
    )
}
