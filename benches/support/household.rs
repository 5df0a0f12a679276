//! The household both `evaluate` and `writers` benches measure.

/// An urban household of four: a wage earner, a spouse with a grade-2 disability, a child in
/// senior secondary school and a grandparent with the residents' basic pension.
pub const FOUR_MEMBERS: &str = r#"{
  "evaluation_date": "2026-11-01",
  "jurisdiction": "621027",
  "purpose": "new_application",
  "area": "urban",
  "household": {
    "members": [
      { "key": "m1", "relation": "applicant", "birth_date": "1981-04-12" },
      { "key": "m2", "relation": "spouse", "birth_date": "1983-09-30",
        "disability": { "kind": "physical", "grade": 2 } },
      { "key": "m3", "relation": "child", "birth_date": "2010-02-01",
        "student": { "level": "senior_secondary" } },
      { "key": "m4", "relation": "parent", "birth_date": "1952-06-15", "serious_illness": true }
    ],
    "incomes": [
      { "member": "m1", "category": "wage", "amount": "14400", "from": "2025-11-01", "to": "2026-10-31" },
      { "member": "m4", "category": "transfer", "kind": "residents_basic_pension", "amount": "1800", "from": "2025-11-01", "to": "2026-10-31" }
    ],
    "assets": {
      "financial": [ { "member": "m1", "kind": "deposit", "amount": "8000" } ],
      "homes": [ { "member": "m1", "location": "urban", "floor_area": "72.5" } ]
    },
    "expenses": [
      { "member": "m4", "kind": "medical", "amount": "12000", "self_paid": "4800", "date": "2026-05-10" }
    ]
  }
}"#;
