//! `RuleBook`: parameter sets per administrative division, as dated values with provenance,
//! loaded from TOML (or JSON) parameter files.
//!
//! May use: the case (`CaseError`) and the registry beside it.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::registry::{PARAM_COUNT, ParamId, ParamKind};
use super::resolve::{ParamUses, Resolved};
use crate::case::CaseError;

/// Where a parameter value stands.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParamStatus {
    /// Read from a published document.
    Published,
    /// Computed from published figures by a stated rule.
    Derived,
    /// Not found in any published text: a proposal or best-known value that must be checked.
    Unconfirmed,
}

impl ParamStatus {
    /// The file spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamStatus::Published => "published",
            ParamStatus::Derived => "derived",
            ParamStatus::Unconfirmed => "unconfirmed",
        }
    }
}

/// A parameter's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ParamValue {
    /// `true` or `false`.
    Bool(bool),
    /// A list of codes.
    List(Arc<[String]>),
    /// A decimal number, serialised as a string.
    Decimal(
        #[serde(with = "crate::money::decimal_str")]
        #[schemars(with = "String")]
        Decimal,
    ),
    /// One code.
    Text(Arc<str>),
}

/// One value of a parameter, in force from a date until the next value's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedValue {
    /// First day in force.
    pub from: NaiveDate,
    /// The value.
    pub value: ParamValue,
    /// How sure it is.
    pub status: ParamStatus,
    /// Where it comes from.
    pub source: Arc<str>,
}

/// The parameters one division sets itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Division {
    pub(crate) code: Arc<str>,
    pub(crate) name: Arc<str>,
    pub(crate) parent: Option<String>,
    /// Indexed by `ParamId::index`; each history sorted by `from`.
    pub(crate) params: Vec<Vec<DatedValue>>,
    /// Named only in a `[[declare]]` list, never by a document of its own: it holds no values
    /// and stays out of the digest (so declaring the real divisions changes no stamp).
    pub(crate) declared_only: bool,
}

/// Why a parameter file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RulesError {
    /// The file is not valid TOML/JSON of the parameter-file shape.
    #[error("{file}: {reason}")]
    Syntax {
        /// The file (or `<string>`).
        file: String,
        /// What the parser said.
        reason: String,
    },
    /// An entry names a parameter the library does not know.
    #[error("{file}: param[{index}].name: unknown parameter {name}")]
    UnknownParameter {
        /// The file.
        file: String,
        /// The entry's position.
        index: usize,
        /// The name given.
        name: String,
    },
    /// An entry's value has the wrong kind or an invalid date.
    #[error("{file}: param[{index}] ({name}): {problem}")]
    BadValue {
        /// The file.
        file: String,
        /// The entry's position.
        index: usize,
        /// The parameter.
        name: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// An entry's value lies outside its parameter's bound (see `jiuzhu::limits`).
    #[error("{file}: param[{index}] ({name}, from {from}): {problem}")]
    OutOfBounds {
        /// The file.
        file: String,
        /// The entry's position.
        index: usize,
        /// The parameter.
        name: &'static str,
        /// The entry's first day in force.
        from: NaiveDate,
        /// What is wrong and what is allowed.
        problem: String,
    },
    /// A division's `parent` is not a division code, or names no division of the book.
    #[error("{file}: division {code}: {problem}")]
    BadParent {
        /// The file.
        file: String,
        /// The division that names the parent.
        code: String,
        /// What is wrong.
        problem: &'static str,
    },
    /// A division's parents come back on themselves (or never reach the national division).
    #[error("{file}: division {code}: its parents form a cycle")]
    Cycle {
        /// The file.
        file: String,
        /// The division.
        code: String,
    },
    /// The division code is not six digits.
    #[error("{file}: division.code must be a six-digit division code")]
    BadDivision {
        /// The file.
        file: String,
    },
    /// A directory could not be read.
    #[error("{path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// What the system said.
        reason: String,
    },
}

/// Reads one parameter file of a directory: a regular file (a symbolic link to one is
/// followed), at most [`MAX_RULES_BYTES`](crate::limits::MAX_RULES_BYTES) bytes. Devices,
/// FIFOs and sockets are refused before they are opened.
fn read_rules_file(path: &Path) -> Result<String, RulesError> {
    use std::io::Read;
    let limit = crate::limits::MAX_RULES_BYTES;
    let refuse = |reason: String| RulesError::Io {
        path: path.display().to_string(),
        reason,
    };
    let regular = |m: std::fs::Metadata| {
        if !m.is_file() {
            Err(refuse("not a regular file".to_owned()))
        } else if m.len() > limit {
            Err(refuse(format!("larger than {limit} bytes")))
        } else {
            Ok(())
        }
    };
    regular(std::fs::metadata(path).map_err(|e| refuse(e.to_string()))?)?;
    let file = std::fs::File::open(path).map_err(|e| refuse(e.to_string()))?;
    // The file may have been replaced between the two looks: judge the one opened.
    regular(file.metadata().map_err(|e| refuse(e.to_string()))?)?;
    let mut text = String::new();
    file.take(limit.saturating_add(1))
        .read_to_string(&mut text)
        .map_err(|e| refuse(e.to_string()))?;
    if u64::try_from(text.len()).map_or(true, |n| n > limit) {
        return Err(refuse(format!("larger than {limit} bytes")));
    }
    Ok(text)
}

/// The national division: the root of every chain.
pub(crate) const NATIONAL: &str = "000000";

/// The parameter sets the rules read: national defaults, then province, city and county,
/// each overriding the one above.
///
/// ```
/// use jiuzhu::RuleBook;
/// let book = RuleBook::embedded();
/// assert!(book.divisions().any(|c| c == "621027"));
/// // a county can add or override a value without recompiling
/// let local = RuleBook::embedded().overlay_str(r#"
///     [division]
///     code = "621027"
///     name = "镇原县 Zhenyuan County"
///     [[param]]
///     name = "dibao_standard_urban_month"
///     from = "2026-01-01"
///     value = "800"
///     status = "published"
///     source = "Zhenyuan 2026 notice (example)"
/// "#).unwrap();
/// assert_ne!(local.digest(), book.digest());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleBook {
    divisions: BTreeMap<String, Division>,
    digest: String,
    /// Resolutions already made from this book, per (division, date).
    resolved: ResolvedStore,
}

const EMBEDDED: &[(&str, &str)] = &[
    (
        "national.toml",
        include_str!("../../rules-spec/params/national.toml"),
    ),
    (
        "620000-gansu.toml",
        include_str!("../../rules-spec/params/620000-gansu.toml"),
    ),
    (
        "620100-lanzhou.toml",
        include_str!("../../rules-spec/params/620100-lanzhou.toml"),
    ),
    (
        "621000-qingyang.toml",
        include_str!("../../rules-spec/params/621000-qingyang.toml"),
    ),
    (
        "621027-zhenyuan.toml",
        include_str!("../../rules-spec/params/621027-zhenyuan.toml"),
    ),
    (
        "national-verification.toml",
        include_str!("../../rules-spec/params/national-verification.toml"),
    ),
    (
        "620000-divisions.toml",
        include_str!("../../rules-spec/params/620000-divisions.toml"),
    ),
];

impl RuleBook {
    /// An empty book (no divisions at all): the start of a book built only from documents of
    /// one's own, which [`RuleBook::parse`] and [`RuleBook::from_dir`] use.
    ///
    /// ```
    /// let book = jiuzhu::RuleBook::empty();
    /// assert_eq!(book.divisions().count(), 0);
    /// ```
    pub fn empty() -> Self {
        let mut b = RuleBook {
            divisions: BTreeMap::new(),
            digest: String::new(),
            resolved: ResolvedStore::default(),
        };
        b.refresh_digest();
        b
    }

    /// The shipped defaults: national rules, Gansu's published figures, Lanzhou, Qingyang and
    /// Zhenyuan. Reads no files. Building one parses every document: build it once and share
    /// it (it is `Sync`), or use [`embedded_rules`](crate::embedded_rules).
    ///
    /// ```
    /// use jiuzhu::RuleBook;
    /// let book = RuleBook::embedded();
    /// for code in ["000000", "620000", "621000", "621027", "620100"] {
    ///     assert!(book.divisions().any(|d| d == code), "{code}");
    /// }
    /// ```
    pub fn embedded() -> Self {
        let mut book = RuleBook::empty();
        for (name, text) in EMBEDDED {
            // The embedded files are checked by the test suite (they load with every check of
            // `overlay_str`); a broken one is skipped rather than taking the caller down.
            let _ = book.merge_str(text, name);
        }
        book.refresh_digest();
        book
    }

    /// A book from one parameter document (TOML, or JSON when it starts with `{`).
    ///
    /// ```
    /// use jiuzhu::{RuleBook, RulesError};
    /// let book = RuleBook::parse(r#"
    ///     [division]
    ///     code = "000000"
    ///     name = "National"
    ///     [[param]]
    ///     name = "dibao_standard_urban_month"
    ///     from = "2026-01-01"
    ///     value = "700"
    ///     status = "unconfirmed"
    ///     source = "example"
    /// "#)?;
    /// assert_eq!(book.divisions().collect::<Vec<_>>(), ["000000"]);
    /// // a parameter the library does not know is refused, naming it
    /// let err = RuleBook::parse("[division]\ncode = \"000000\"\nname = \"N\"\n[[param]]\nname = \"no_such\"\nfrom = \"2026-01-01\"\nvalue = 1\nstatus = \"published\"\nsource = \"x\"\n");
    /// assert!(matches!(err, Err(RulesError::UnknownParameter { .. })));
    /// # Ok::<(), RulesError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, RulesError> {
        RuleBook::empty().overlay_str(text)
    }

    /// A book from every `*.toml` and `*.json` file in a directory, read in name order.
    ///
    /// ```
    /// use jiuzhu::RuleBook;
    /// // the shipped parameter files, read from disk, are the embedded book
    /// let book = RuleBook::from_dir("rules-spec/params")?;
    /// assert_eq!(book.digest(), RuleBook::embedded().digest());
    /// assert!(RuleBook::from_dir("no/such/dir").is_err());
    /// # Ok::<(), jiuzhu::RulesError>(())
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Self, RulesError> {
        RuleBook::empty().overlay_dir(dir)
    }

    /// This book with a parameter document laid over it: values of the same parameter,
    /// division and start date are replaced, others added.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use jiuzhu::RuleBook;
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    /// // Zhenyuan sets its own urban standard from 2026-10-01
    /// let book = RuleBook::embedded().overlay_str(r#"
    ///     [division]
    ///     code = "621027"
    ///     name = "镇原县 Zhenyuan County"
    ///     [[param]]
    ///     name = "dibao_standard_urban_month"
    ///     from = "2026-10-01"
    ///     value = "700"
    ///     status = "published"
    ///     source = "Zhenyuan notice (example)"
    /// "#)?;
    /// let used = book.parameters_on("621027", date).unwrap();
    /// let standard = used.iter().find(|p| p.name == "dibao_standard_urban_month").unwrap();
    /// assert_eq!(&*standard.division, "621027");
    /// # Ok::<(), jiuzhu::RulesError>(())
    /// ```
    pub fn overlay_str(mut self, text: &str) -> Result<Self, RulesError> {
        let declared = self.merge_str(text, "<string>")?;
        self.check_structure(&declared)?;
        self.refresh_digest();
        Ok(self)
    }

    /// This book with every `*.toml` and `*.json` file of a directory laid over it.
    ///
    /// ```
    /// use jiuzhu::RuleBook;
    /// // the inferred 2022/2023 rural standards of Gansu, shipped as an overlay
    /// let book = RuleBook::embedded().overlay_dir("examples/rules-inferred")?;
    /// assert_ne!(book.digest(), RuleBook::embedded().digest());
    /// # Ok::<(), jiuzhu::RulesError>(())
    /// ```
    pub fn overlay_dir(mut self, dir: impl AsRef<Path>) -> Result<Self, RulesError> {
        let dir = dir.as_ref();
        let io = |e: std::io::Error| RulesError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("toml" | "json")
                )
            })
            .collect();
        files.sort();
        let mut declared = Vec::new();
        for f in files {
            let text = read_rules_file(&f)?;
            declared.extend(self.merge_str(&text, &f.display().to_string())?);
        }
        self.check_structure(&declared)?;
        self.refresh_digest();
        Ok(self)
    }

    /// The division codes the book holds, in code order (`000000` is the national level).
    ///
    /// ```
    /// let book = jiuzhu::RuleBook::embedded();
    /// let codes: Vec<&str> = book.divisions().collect();
    /// assert_eq!(codes.first(), Some(&"000000"));
    /// assert!(codes.contains(&"621027"));
    /// ```
    pub fn divisions(&self) -> impl Iterator<Item = &str> {
        self.divisions.keys().map(String::as_str)
    }

    /// The history of one parameter as one division sets it itself (not inherited).
    ///
    /// ```
    /// use jiuzhu::{ParamId, RuleBook};
    /// let book = RuleBook::embedded();
    /// let id = ParamId::from_name("dibao_standard_urban_month").unwrap();
    /// // Gansu sets the urban standard; Zhenyuan inherits it and sets none itself
    /// let gansu = book.history("620000", id);
    /// assert!(gansu.windows(2).all(|w| w[0].from < w[1].from));
    /// for v in gansu {
    ///     println!("{} {:?} {:?} {}", v.from, v.value, v.status, v.source);
    /// }
    /// assert!(book.history("621027", id).is_empty());
    /// ```
    pub fn history(&self, division: &str, param: ParamId) -> &[DatedValue] {
        self.divisions
            .get(division)
            .and_then(|d| d.params.get(param.index()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// A SHA-256 digest of every value in the book, stamped on each determination.
    ///
    /// ```
    /// let book = jiuzhu::RuleBook::embedded();
    /// assert_eq!(book.digest().len(), 64);
    /// assert_eq!(book.digest(), jiuzhu::RuleBook::embedded().digest());
    /// ```
    pub fn digest(&self) -> &str {
        &self.digest
    }

    pub(crate) fn division(&self, code: &str) -> Option<&Division> {
        self.divisions.get(code)
    }

    fn merge_str(&mut self, text: &str, file: &str) -> Result<Vec<Declared>, RulesError> {
        let syntax = |reason: String| RulesError::Syntax {
            file: file.to_owned(),
            reason,
        };
        let doc: ParamFile = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(|e| syntax(e.to_string()))?
        } else {
            toml::from_str(text).map_err(|e| syntax(e.to_string()))?
        };
        let code = doc.division.code;
        if !is_division_code(&code) {
            return Err(RulesError::BadDivision {
                file: file.to_owned(),
            });
        }
        let entries = staged_entries(doc.param, file)?;
        let mut declared = Vec::new();
        let bad_parent = |code: &str, problem: &'static str| RulesError::BadParent {
            file: file.to_owned(),
            code: code.to_owned(),
            problem,
        };
        if let Some(p) = &doc.division.parent {
            check_parent_syntax(&code, p).map_err(|why| bad_parent(&code, why))?;
        }
        for d in &doc.declare {
            if !is_division_code(&d.code) {
                return Err(RulesError::BadDivision {
                    file: file.to_owned(),
                });
            }
            check_parent_syntax(&d.code, &d.parent).map_err(|why| bad_parent(&d.code, why))?;
        }
        // The document is sound on its own: apply it whole.
        let division = self
            .divisions
            .entry(code.clone())
            .or_insert_with(|| Division::new(&code, &doc.division.name));
        division.name = Arc::from(doc.division.name.as_str());
        division.declared_only = false;
        if let Some(p) = doc.division.parent {
            division.parent = Some(p.clone());
            declared.push(Declared::new(file, &code, p));
        }
        apply_entries(division, entries);
        for d in doc.declare {
            let division = self
                .divisions
                .entry(d.code.clone())
                .or_insert_with(|| Division {
                    declared_only: true,
                    ..Division::new(&d.code, &d.name)
                });
            if division.parent.is_none() {
                division.parent = Some(d.parent.clone());
                declared.push(Declared::new(file, &d.code, d.parent));
            }
        }
        Ok(declared)
    }

    /// Checks what a load declared against the whole book: each explicit parent names a
    /// division of the book, and no chain of parents comes back on itself.
    fn check_structure(&self, declared: &[Declared]) -> Result<(), RulesError> {
        for d in declared {
            if !self.divisions.contains_key(&d.parent) {
                return Err(RulesError::BadParent {
                    file: d.file.clone(),
                    code: d.code.clone(),
                    problem: "parent names no division of the book or the document",
                });
            }
            let mut at = d.code.clone();
            for _ in 0..=MAX_CHAIN {
                match self.parent_of(&at) {
                    Some(p) if p == d.code => {
                        return Err(RulesError::Cycle {
                            file: d.file.clone(),
                            code: d.code.clone(),
                        });
                    }
                    Some(p) => at = p,
                    None => break,
                }
            }
            if at != NATIONAL {
                return Err(RulesError::Cycle {
                    file: d.file.clone(),
                    code: d.code.clone(),
                });
            }
        }
        Ok(())
    }

    /// The parameters in force for `code` on `date`: made once, then shared by every
    /// evaluation that asks for the same division and date.
    pub(crate) fn resolved(&self, code: &str, date: NaiveDate) -> Result<Arc<Resolved>, CaseError> {
        if let Some(r) = self.resolved.find(code, date) {
            return Ok(r);
        }
        let r = Arc::new(Resolved::build(self, code, date)?);
        Ok(self.resolved.keep(r))
    }

    /// Every parameter in force for `division` on `date`, each with its value, first day in force,
    /// the division that supplied it, source, status and warnings: what a determination's
    /// `parameters` list would hold if its rules read everything.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let book = jiuzhu::RuleBook::embedded();
    /// let date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    /// let all = book.parameters_on("621027", date).unwrap();
    /// let standard = all.iter().find(|p| p.name == "dibao_standard_urban_month").unwrap();
    /// assert_eq!(&*standard.division, "620000");
    /// assert!(book.parameters_on("999999", date).is_err());
    /// ```
    ///
    /// # Errors
    /// [`CaseError::UnknownJurisdiction`] when no division of the chain is in the book.
    pub fn parameters_on(&self, division: &str, date: NaiveDate) -> Result<ParamUses, CaseError> {
        Ok(ParamUses::all_of(self.resolved(division, date)?))
    }

    /// How many resolutions the book holds now.
    #[cfg(test)]
    pub(crate) fn resolved_count(&self) -> usize {
        self.resolved.0.lock().map(|k| k.len()).unwrap_or(0)
    }

    fn refresh_digest(&mut self) {
        // Called after every change to the values: resolutions made before it are out of date.
        self.resolved = ResolvedStore::default();
        let mut h = Sha256::new();
        // A division that is only declared holds no values and does not enter the digest.
        for (code, d) in self.divisions.iter().filter(|(_, d)| !d.declared_only) {
            h.update(code.as_bytes());
            h.update([0]);
            for (id, history) in ParamId::ALL.iter().zip(&d.params) {
                for v in history {
                    h.update(id.name().as_bytes());
                    h.update(v.from.to_string().as_bytes());
                    h.update(
                        serde_json::to_string(&v.value)
                            .unwrap_or_default()
                            .as_bytes(),
                    );
                    h.update(v.status.as_str().as_bytes());
                    h.update([0]);
                }
            }
        }
        self.digest = hex(&h.finalize());
    }

    /// The parent of a division: explicit in its file, else derived from the code
    /// (county `621027` → city `621000` → province `620000` → national `000000`).
    pub(crate) fn parent_of(&self, code: &str) -> Option<String> {
        if code == NATIONAL {
            return None;
        }
        if let Some(p) = self.divisions.get(code).and_then(|d| d.parent.clone()) {
            return Some(p);
        }
        let b = code.as_bytes();
        match (b.get(2..4), b.get(4..6)) {
            (_, Some(tail)) if tail != b"00" => code.get(0..4).map(|c| format!("{c}00")),
            (Some(mid), _) if mid != b"00" => code.get(0..2).map(|c| format!("{c}0000")),
            _ => Some(NATIONAL.to_owned()),
        }
    }
}

impl Default for RuleBook {
    fn default() -> Self {
        RuleBook::embedded()
    }
}

/// The resolutions a book has made. Bounded: when full it starts again, so a run over many
/// dates cannot grow it without limit. A clone starts empty, and two books compare equal
/// whatever their stores hold.
#[derive(Default)]
struct ResolvedStore(Mutex<Vec<Arc<Resolved>>>);

/// How many resolutions a book keeps.
const RESOLVED_KEPT: usize = 64;
#[cfg(test)]
pub(crate) const RESOLVED_KEPT_FOR_TESTS: usize = RESOLVED_KEPT;

impl ResolvedStore {
    fn find(&self, code: &str, date: NaiveDate) -> Option<Arc<Resolved>> {
        let kept = self.0.lock().ok()?;
        kept.iter().find(|r| r.is_for(code, date)).map(Arc::clone)
    }

    /// Keeps `r` and returns it, or returns the same resolution kept by another thread
    /// meanwhile, so that every evaluation shares one.
    fn keep(&self, r: Arc<Resolved>) -> Arc<Resolved> {
        // A poisoned lock only means another thread panicked while holding it; the store is
        // a cache, so it is simply not used then.
        let Ok(mut kept) = self.0.lock() else {
            return r;
        };
        if let Some(k) = kept.iter().find(|k| k.same_key(&r)) {
            return Arc::clone(k);
        }
        if kept.len() >= RESOLVED_KEPT {
            kept.clear();
        }
        kept.push(Arc::clone(&r));
        r
    }
}

impl Clone for ResolvedStore {
    fn clone(&self) -> Self {
        ResolvedStore::default()
    }
}

impl PartialEq for ResolvedStore {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ResolvedStore {}

impl std::fmt::Debug for ResolvedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResolvedStore")
    }
}

/// The longest chain of parents a division may have below the national one.
const MAX_CHAIN: usize = 8;

/// An explicit parent set by a load, checked against the whole book when the load ends.
struct Declared {
    file: String,
    code: String,
    parent: String,
}

impl Declared {
    fn new(file: &str, code: &str, parent: String) -> Self {
        Declared {
            file: file.to_owned(),
            code: code.to_owned(),
            parent,
        }
    }
}

impl Division {
    fn new(code: &str, name: &str) -> Self {
        Division {
            code: Arc::from(code),
            name: Arc::from(name),
            parent: None,
            params: vec![Vec::new(); PARAM_COUNT],
            declared_only: false,
        }
    }
}

fn is_division_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

fn check_parent_syntax(code: &str, parent: &str) -> Result<(), &'static str> {
    if code == NATIONAL {
        Err("the national division has no parent")
    } else if !is_division_code(parent) {
        Err("parent must be a six-digit division code")
    } else if parent == code {
        Err("a division cannot inherit from itself")
    } else {
        Ok(())
    }
}

/// The entries of one document, each checked (name, date, kind, bound), sorted by parameter and
/// date; of two entries for the same parameter and date the later in the document is kept.
fn staged_entries(
    params: Vec<ParamEntry>,
    file: &str,
) -> Result<Vec<(ParamId, DatedValue)>, RulesError> {
    let mut entries = Vec::with_capacity(params.len());
    for (index, e) in params.into_iter().enumerate() {
        let id = ParamId::from_name(&e.name).ok_or_else(|| RulesError::UnknownParameter {
            file: file.to_owned(),
            index,
            name: safe_name(&e.name),
        })?;
        let bad = |problem: String| RulesError::BadValue {
            file: file.to_owned(),
            index,
            name: id.name(),
            problem,
        };
        let from = crate::limits::parse_date(&e.from).ok_or_else(|| {
            bad(format!(
                "from must be a real date written YYYY-MM-DD, years {}–{}",
                crate::limits::DATE_YEARS.0,
                crate::limits::DATE_YEARS.1
            ))
        })?;
        let value = e.value.into_value(id.kind()).map_err(bad)?;
        super::bounds::check(id, &value).map_err(|problem| RulesError::OutOfBounds {
            file: file.to_owned(),
            index,
            name: id.name(),
            from,
            problem,
        })?;
        entries.push((
            id,
            DatedValue {
                from,
                value,
                status: e.status,
                source: Arc::from(e.source.as_str()),
            },
        ));
    }
    // Stable: entries of the same parameter and date stay in document order, the last kept.
    entries.sort_by_key(|(id, v)| (id.index(), v.from));
    let mut kept: Vec<(ParamId, DatedValue)> = Vec::with_capacity(entries.len());
    for e in entries {
        match kept.last_mut() {
            Some(last) if last.0 == e.0 && last.1.from == e.1.from => *last = e,
            _ => kept.push(e),
        }
    }
    Ok(kept)
}

/// Lays sorted entries over a division's histories: one merge of two sorted lists per
/// parameter, a value of the same date replaced.
fn apply_entries(division: &mut Division, entries: Vec<(ParamId, DatedValue)>) {
    let mut entries = entries.into_iter().peekable();
    while let Some((id, first)) = entries.next() {
        let mut new = vec![first];
        while let Some((_, v)) = entries.next_if(|(next, _)| *next == id) {
            new.push(v);
        }
        let Some(history) = division.params.get_mut(id.index()) else {
            continue;
        };
        let old = std::mem::take(history);
        let mut merged = Vec::with_capacity(old.len().saturating_add(new.len()));
        let mut old = old.into_iter().peekable();
        for v in new {
            while let Some(o) = old.next_if(|o| o.from < v.from) {
                merged.push(o);
            }
            let _ = old.next_if(|o| o.from == v.from);
            merged.push(v);
        }
        merged.extend(old);
        *history = merged;
    }
}

/// A parameter name from a document, as an error may show it: only names of the registry's
/// form (lower-case letters, digits, `_`), at most 64 bytes; anything else is hidden.
fn safe_name(name: &str) -> String {
    let plain = name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if plain {
        name.to_owned()
    } else {
        "<not a parameter name>".to_owned()
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    let digit = |n: u8| char::from(if n < 10 { b'0' + n } else { b'a' + (n - 10) });
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(digit(b >> 4));
        s.push(digit(b & 0x0f));
    }
    s
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamFile {
    division: DivisionHeader,
    #[serde(default)]
    param: Vec<ParamEntry>,
    /// Further divisions the document declares, each with its parent and no values of its own.
    #[serde(default)]
    declare: Vec<DeclaredDivision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeclaredDivision {
    code: String,
    name: String,
    parent: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DivisionHeader {
    code: String,
    name: String,
    #[serde(default)]
    parent: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamEntry {
    name: String,
    from: String,
    value: RawValue,
    status: ParamStatus,
    source: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<String>),
    /// Anything else, fractional numbers included: refused with a hint.
    Other(serde::de::IgnoredAny),
}

impl RawValue {
    fn into_value(self, kind: ParamKind) -> Result<ParamValue, String> {
        match (kind, self) {
            (ParamKind::Bool, RawValue::Bool(b)) => Ok(ParamValue::Bool(b)),
            (ParamKind::Decimal, RawValue::Int(i)) => Ok(ParamValue::Decimal(Decimal::from(i))),
            (ParamKind::Decimal, RawValue::Str(s)) => s
                .trim()
                .parse::<Decimal>()
                .map(ParamValue::Decimal)
                .map_err(|_| "value must be a decimal like \"0.95\"".to_owned()),
            (ParamKind::Decimal, RawValue::Other(_)) => {
                Err("write fractional values as strings, e.g. \"0.95\"".to_owned())
            }
            (ParamKind::List, RawValue::List(l)) => Ok(ParamValue::List(l.into())),
            (ParamKind::Text, RawValue::Str(s)) => Ok(ParamValue::Text(s.into())),
            (k, _) => Err(format!(
                "value must be {}",
                match k {
                    ParamKind::Bool => "true or false",
                    ParamKind::Decimal => "a decimal",
                    ParamKind::List => "a list of codes",
                    ParamKind::Text => "a code",
                }
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lower_case_two_digits_a_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
    }

    #[test]
    fn parents_are_derived_from_the_division_code() {
        let b = RuleBook::empty();
        assert_eq!(b.parent_of("621027").as_deref(), Some("621000"));
        assert_eq!(b.parent_of("621000").as_deref(), Some("620000"));
        assert_eq!(b.parent_of("620000").as_deref(), Some(NATIONAL));
        assert_eq!(b.parent_of(NATIONAL), None);
    }

    #[test]
    fn fractional_toml_numbers_are_refused_with_a_hint() {
        let e = RuleBook::parse(
            "[division]\ncode = \"620000\"\nname = \"x\"\n[[param]]\nname = \"rural_class2_share\"\nfrom = \"2021-01-01\"\nvalue = 0.95\nstatus = \"published\"\nsource = \"x\"\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("as strings"), "{e}");
    }
}
