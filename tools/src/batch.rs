//! The batch core: read JSON lines, evaluate them on worker threads, write results in input
//! order, and fold every result into a [`Summary`].
//!
//! Memory stays bounded by bytes in flight, not lines: the reader hands out chunks of at most
//! 64 lines or [`CHUNK_BYTES`] of input (512 lines or [`COMPACT_CHUNK_BYTES`] when compact), at
//! most a fixed number of chunks are in flight, and once [`BYTES_IN_FLIGHT`] bytes of input and
//! answers wait to be written, workers wait before the next line (except on the chunk the writer
//! needs next). Peak memory is about the budget plus one answer per thread, however long the
//! input or large the answers. With [`Options::gzip`] each worker compresses its chunk's answers
//! before handing them over. [`run_to_file`] writes through a temporary file renamed when
//! complete. Used by the `batch` example, `tools/tests/batch.rs`, the golden corpus and the
//! batch benchmark.
//!
//! It holds the run ([`Options`], [`run`]), the per-line [`Record`]s and the [`Summary`] folded
//! from them, with its report ([`Summary::to_markdown`], [`Summary::to_svg`]). It may use only
//! jiuzhu's public API: a county system embedding the library could write the same pipeline.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use jiuzhu::case::{Area, Purpose};
use jiuzhu::{
    Case, CaseError, Determination, DibaoClass, Explain, Outcome, ParamUses, ParamWarning,
    Programme, RuleBook, Yuan,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::merge::Merge;

/// How a batch is run.
pub struct Options<'a> {
    /// The rule book every case is evaluated under.
    pub rules: &'a RuleBook,
    /// A second rule book to compare against (`--compare-rules`).
    pub compare: Option<&'a RuleBook>,
    /// Write only outcomes, classes and amounts per programme.
    pub compact: bool,
    /// Worker threads (at least one).
    pub threads: usize,
    /// Lines per chunk handed to a worker.
    pub chunk_lines: usize,
    /// Draw a progress bar on stderr; the value is the input size in bytes, if known.
    pub progress: Option<Option<u64>>,
    /// Print each malformed line's error on stderr.
    pub report_errors: bool,
    /// Fold every household into the county report ([`Summary::county`]).
    pub county_report: bool,
    /// How much explanation a full answer carries: findings and sentences (the default),
    /// findings only, or none.
    pub explain: Explain,
    /// Fold the rules behind each refusal and termination into the summary
    /// ([`Summary::denial_reasons`], [`Summary::termination_reasons`], and each
    /// [`ProgRecord::failed`]). They are read from the findings, so with this on (the default)
    /// every household is evaluated with its findings; off, a compact run or one with
    /// `explain: none` decides without building any finding, and those stay empty. Every other
    /// figure of the summary is the same either way. The county report and a comparison rule
    /// book need the reasons and keep the findings whatever this says.
    pub reasons: bool,
    /// Write the parameters in force for each division and date once, as a line
    /// `{"parameter_set":"sha256:…","parameters":[…]}` (the digest of the list's text:
    /// divisions whose lists are the same share one line) before the first answer that uses
    /// it, and write in each answer, in place of its list, the set's digest and the indices of
    /// the entries its rules read (`"parameters":{"set":"sha256:…","used":[0,3,…]}`, and
    /// `emergency_parameters` alike). Off by default: every answer holds its list.
    pub shared_parameters: bool,
    /// Write gzip: each chunk of answers is compressed by the worker that answered it, as its
    /// own gzip member (at [`GZIP_LEVEL`]), and the members are written in order, so that the
    /// file is one gzip stream to `zcat`, `gzip -d` and [`open_output`]. Off by default; the
    /// `jiuzhu batch` command turns it on for an output path ending in `.gz`.
    pub gzip: bool,
}

impl<'a> Options<'a> {
    /// Defaults: all available cores (at least two workers), chunks of 512 lines.
    pub fn new(rules: &'a RuleBook) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Options {
            rules,
            compare: None,
            compact: false,
            threads: cores.max(2),
            chunk_lines: 512,
            progress: None,
            report_errors: false,
            county_report: false,
            explain: Explain::Sentences,
            reasons: true,
            shared_parameters: false,
            gzip: false,
        }
    }
}

/// A line written once and referred to from the answers by its digest
/// (`Options::shared_parameters`): the parameters in force for one division and date (a
/// `parameter_set` line, with the names of its entries in order, which the answers' `used`
/// indices point into), or the table of rule sources (a `source_set` line, no names).
struct SideLine {
    digest: String,
    line: Vec<u8>,
    names: Vec<std::borrow::Cow<'static, str>>,
}

impl SideLine {
    /// The side line `{"KIND":"sha256:…","FIELD":TEXT}` for the JSON text `text`, named by the
    /// digest of `text`; `names` are a parameter set's entry names (empty for other lines).
    fn new(
        kind: &str,
        field: &str,
        text: &[u8],
        names: Vec<std::borrow::Cow<'static, str>>,
    ) -> SideLine {
        use sha2::{Digest, Sha256};
        let digest = format!("sha256:{:x}", Sha256::digest(text));
        let mut line = Vec::with_capacity(text.len() + 160);
        let _ = write!(line, "{{\"{kind}\":\"{digest}\",\"{field}\":");
        line.extend_from_slice(text);
        line.extend_from_slice(b"}\n");
        SideLine {
            digest,
            line,
            names,
        }
    }

    /// Adds this line to `used` (the lines a chunk refers to) unless already there.
    fn note_use(self: &Arc<Self>, used: &mut Vec<Arc<SideLine>>) {
        if !used.iter().any(|u| Arc::ptr_eq(u, self)) {
            used.push(Arc::clone(self));
        }
    }

    /// The reference an answer writes in place of `uses`: `{"set":DIGEST,"used":[i,…]}`, the
    /// indices of its entries in the set; `None` if one is not in the set (it always is).
    fn reference(&self, uses: &ParamUses) -> Option<String> {
        let mut out = String::with_capacity(self.digest.len() + 24 + 4 * uses.len());
        let _ = write!(out, "{{\"set\":\"{}\",\"used\":[", self.digest);
        // both lists are in registry order: one walk finds every index
        let mut at = 0usize;
        for (k, u) in uses.iter().enumerate() {
            let found = self
                .names
                .iter()
                .skip(at)
                .position(|n| *n == u.name)
                .map(|i| i + at)
                .or_else(|| self.names.iter().position(|n| *n == u.name))?;
            if k > 0 {
                out.push(',');
            }
            let _ = write!(out, "{found}");
            at = found + 1;
        }
        out.push_str("]}");
        Some(out)
    }
}

/// The side lines one worker has met — parameter sets by division and date, tables of sources
/// by date — so that each is made once per worker (dates whose tables are the same share a
/// digest, and the writer writes each digest once).
#[derive(Default)]
struct SideLines {
    known: HashMap<(String, chrono::NaiveDate), Arc<SideLine>>,
    sources: HashMap<chrono::NaiveDate, Arc<SideLine>>,
}

impl SideLines {
    /// The reference to `uses` in the set of `division` on `date`, made on first sight. Adds
    /// the set to `used` (the sets a chunk refers to) unless already there. `None` when the
    /// set cannot be made (the division unknown to the book: not for an evaluated case).
    fn reference(
        &mut self,
        rules: &RuleBook,
        division: &str,
        date: chrono::NaiveDate,
        uses: &ParamUses,
        used: &mut Vec<Arc<SideLine>>,
    ) -> Option<String> {
        let key = (division.to_owned(), date);
        let set = match self.known.get(&key) {
            Some(set) => Arc::clone(set),
            None => {
                let all = rules.parameters_on(division, date).ok()?;
                // Writing a list of plain values to a Vec cannot fail.
                let list = serde_json::to_vec(&all).unwrap_or_default();
                let names = all.iter().map(|u| u.name.clone()).collect();
                let set = Arc::new(SideLine::new("parameter_set", "parameters", &list, names));
                self.known.insert(key, Arc::clone(&set));
                set
            }
        };
        let reference = set.reference(uses)?;
        set.note_use(used);
        Some(reference)
    }

    /// The reference to the table of rule sources in force on `date` (`{"set":"sha256:…"}`,
    /// the shape of a parameter set's reference, as JSON text), made on first sight of the
    /// date: every rule of the catalogue, in catalogue order, with its source
    /// (`RuleId::source_on`), written once as a `source_set` line. Adds the table to `used`
    /// unless already there.
    fn sources(&mut self, date: chrono::NaiveDate, used: &mut Vec<Arc<SideLine>>) -> String {
        /// Every rule's source on a date, as a JSON object in catalogue order.
        struct Table(chrono::NaiveDate);
        impl Serialize for Table {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(
                    jiuzhu::RuleId::ALL
                        .iter()
                        .map(|r| (r.id(), r.source_on(self.0))),
                )
            }
        }
        let set = self.sources.entry(date).or_insert_with(|| {
            // Writing a map of strings to a Vec cannot fail.
            let text = serde_json::to_vec(&Table(date)).unwrap_or_default();
            Arc::new(SideLine::new("source_set", "sources", &text, Vec::new()))
        });
        set.note_use(used);
        format!("{{\"set\":\"{}\"}}", set.digest)
    }
}

/// The gzip level of a compressed batch output: the fastest (1). On the generated caseload it
/// writes a full answer in about 1.9 KB instead of 12.9 KB; level 6 would take it to about
/// 0.8 KB at several times the cost, more than the evaluation itself.
pub const GZIP_LEVEL: u32 = 1;

/// `bytes` as one gzip member.
fn gzip_member(bytes: &[u8]) -> io::Result<Vec<u8>> {
    use flate2::{Compression, write::GzEncoder};
    let mut z = GzEncoder::new(
        Vec::with_capacity(bytes.len() / 6 + 64),
        Compression::new(GZIP_LEVEL),
    );
    z.write_all(bytes)?;
    z.finish()
}

/// Opens a batch output (or any file) for reading line by line, decompressing it when it is
/// gzip (by its first two bytes, whatever its name), every member of it.
pub fn open_output(path: &Path) -> io::Result<Box<dyn BufRead>> {
    let mut file = io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzip {
        Box::new(io::BufReader::with_capacity(
            1 << 20,
            flate2::bufread::MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(file)
    })
}

/// A chunk of input lines.
struct Chunk {
    seq: u64,
    first_line: u64,
    text: Vec<u8>,
    /// End offset of each line in `text`.
    ends: Vec<usize>,
    bytes_read: u64,
}

/// A chunk's results.
struct Done {
    seq: u64,
    /// Bytes of the chunk's input and output, given back to the budget once written.
    held: usize,
    /// The side lines (parameter sets, tables of sources) the chunk's answers refer to, each
    /// written before the first answer that refers to it (`Options::shared_parameters`).
    sets: Vec<Arc<SideLine>>,
    out: Vec<u8>,
    /// Lines answered.
    lines: u64,
    /// The line numbers and messages of the errors, when they are to be reported as they come
    /// ([`Options::report_errors`]).
    errors: Vec<(u64, String)>,
    bytes_read: u64,
}

/// What the summary needs from one line.
#[derive(Clone, Debug)]
pub struct Record {
    /// The 1-based input line number.
    pub line: u64,
    /// The result, or the error's code and path.
    pub kind: RecordKind,
}

/// A line's result.
#[derive(Clone, Debug)]
pub enum RecordKind {
    /// The case was evaluated.
    Ok(Box<CaseRecord>),
    /// It could not be.
    Error {
        /// The error code.
        code: &'static str,
        /// The message (names the field path; never echoes input text).
        message: String,
    },
}

/// The figures of one evaluated household.
#[derive(Clone, Debug)]
pub struct CaseRecord {
    /// Members listed in the case.
    pub members: u32,
    /// Members counted in the household.
    pub counted: u32,
    /// Why the case was evaluated.
    pub purpose: Purpose,
    /// Urban or rural.
    pub area: Area,
    /// The programme the household is enrolled in now, and its current amount.
    pub enrolled: Option<(Programme, Decimal)>,
    /// Monthly per-capita income, if there are counted members.
    pub per_capita: Option<Decimal>,
    /// Monthly standard per person.
    pub standard: Decimal,
    /// The marginal-line multiplier in force, if the rules used it.
    pub edge_multiplier: Option<Decimal>,
    /// One entry per programme, in determination order.
    pub programmes: Vec<ProgRecord>,
    /// Parameters used that carry an `unconfirmed` warning.
    pub unconfirmed_params: u32,
    /// Parameters used that carry a `stale` warning.
    pub stale_params: u32,
    /// Under the comparison rule book, if one was given: per programme, or its error code.
    pub compare: Option<Result<Vec<ProgRecord>, &'static str>>,
    /// Departments whose data the case carries or reports as queried.
    pub departments_checked: Vec<&'static str>,
    /// Departments the purpose requires that the case lacks.
    pub missing_departments: Vec<&'static str>,
    /// Discrepancies: department and effect.
    pub discrepancies: Vec<(&'static str, &'static str)>,
    /// Field-investigation tasks raised.
    pub field_tasks: u32,
    /// Monitoring warnings: colour and reason.
    pub warnings: Vec<(&'static str, String)>,
    /// The recommended action's kind, if any.
    pub action: Option<String>,
    /// What the county report needs, when [`Options::county_report`] is set.
    pub facts: Option<Box<crate::report::Facts>>,
}

/// The figures of one programme for one household.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgRecord {
    /// Which programme.
    pub programme: Programme,
    /// The household outcome.
    pub outcome: Outcome,
    /// Rural class of the household, if any.
    pub class: Option<DibaoClass>,
    /// The household's monthly amount.
    pub household_amount: Decimal,
    /// Individual units (HH-5, HH-6) that are paid: their class and amount.
    pub units: Vec<(Option<DibaoClass>, Decimal)>,
    /// The household amount plus individual units.
    pub total: Decimal,
    /// Rules that failed (each once), when the outcome is not eligible.
    pub failed: Vec<&'static str>,
    /// Rules to review, when the outcome is needs review.
    pub review: Vec<&'static str>,
}

fn prog_records(det: &Determination) -> Vec<ProgRecord> {
    det.programmes
        .iter()
        .map(|p| {
            let mut failed: Vec<&'static str> = Vec::new();
            if p.outcome == Outcome::NotEligible {
                for f in &p.findings {
                    if f.verdict == jiuzhu::Verdict::Fail && !failed.contains(&f.rule.id()) {
                        failed.push(f.rule.id());
                    }
                }
            }
            let mut review: Vec<&'static str> = Vec::new();
            for r in &p.review {
                if !review.contains(&r.rule.id()) {
                    review.push(r.rule.id());
                }
            }
            ProgRecord {
                programme: p.programme,
                outcome: p.outcome,
                class: p.class,
                household_amount: p.monthly_amount.map(|a| a.value()).unwrap_or_default(),
                units: p
                    .individual_coverage
                    .iter()
                    .filter_map(|c| c.monthly_amount.map(|a| (c.class, a.value())))
                    .collect(),
                total: p.total_monthly(),
                failed,
                review,
            }
        })
        .collect()
}

/// Compact output for one programme: outcome, class and amounts (see [`compact_programmes`]).
#[derive(Serialize)]
pub struct CompactProgramme {
    programme: Programme,
    outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<DibaoClass>,
    #[serde(skip_serializing_if = "Option::is_none")]
    monthly_amount: Option<Yuan>,
    total_monthly: Yuan,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    individual_units: Vec<CompactUnit>,
    /// Temporary relief: the amount granted, or proposed under review.
    #[serde(skip_serializing_if = "Option::is_none")]
    one_off_amount: Option<Yuan>,
}

/// An individually covered unit's class and amount in a compact line.
#[derive(Serialize)]
pub struct CompactUnit {
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<DibaoClass>,
    monthly_amount: Yuan,
}

#[derive(Serialize)]
struct CompactLine {
    line: u64,
    programmes: Vec<CompactProgramme>,
}

/// Evaluates one line and writes its output line (with the trailing newline) to `out`; the
/// parameter sets its answer refers to are added to `used`.
fn evaluate_line(
    line_no: u64,
    bytes: &[u8],
    opts: &Options<'_>,
    out: &mut Vec<u8>,
    sets: &mut SideLines,
    used: &mut Vec<Arc<SideLine>>,
) -> RecordKind {
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => jiuzhu::parse_case(text),
        Err(_) => Err(CaseError::Malformed {
            path: "$".to_owned(),
            reason: "the line is not valid UTF-8".to_owned(),
        }),
    };
    // as little explanation as the answer and the summary need
    let needs_findings = opts.reasons
        || opts.county_report
        || opts.compare.is_some()
        || (!opts.compact && opts.explain.findings());
    let explain = if needs_findings {
        Explain::Sentences
    } else {
        Explain::None
    };
    // a compact line writes no audit stamp, and nothing else reads the case digest
    let options = jiuzhu::Options::default()
        .with_explain(explain)
        .with_case_digest(!opts.compact);
    let result = parsed.and_then(|case| {
        jiuzhu::evaluate_with(&case, opts.rules, &options).map(|det| {
            let compare = opts.compare.map(|book| {
                jiuzhu::evaluate(&case, book)
                    .map(|d| prog_records(&d))
                    .map_err(|e| e.code())
            });
            (case, det, compare)
        })
    });
    match result {
        Err(e) => {
            let answer = jiuzhu::answer(Err(&e));
            write_with_line(out, line_no, &answer);
            RecordKind::Error {
                code: e.code(),
                message: e.to_string(),
            }
        }
        Ok((case, mut det, compare)) => {
            // the record first: the summary reads the findings, which an answer may leave out
            let record = case_record(&case, &det, compare, opts);
            if opts.compact {
                write_compact(out, line_no, &det);
            } else {
                write_full(out, line_no, &case, &mut det, opts, sets, used);
            }
            RecordKind::Ok(record)
        }
    }
}

/// The programmes of a determination as a compact line holds them: outcomes, classes and
/// amounts (with temporary relief's one-off amount). The service's `?compact=true` answers
/// with the same.
pub fn compact_programmes(det: &Determination) -> Vec<CompactProgramme> {
    det.programmes
        .iter()
        .map(|p| CompactProgramme {
            programme: p.programme,
            outcome: p.outcome,
            class: p.class,
            monthly_amount: p.monthly_amount,
            total_monthly: Yuan::new(p.total_monthly()),
            individual_units: p
                .individual_coverage
                .iter()
                .filter_map(|c| {
                    c.monthly_amount.map(|a| CompactUnit {
                        class: c.class,
                        monthly_amount: a,
                    })
                })
                .collect(),
            one_off_amount: p.one_off_amount,
        })
        .collect()
}

/// Writes the compact line of one determination: outcomes, classes and amounts.
fn write_compact(out: &mut Vec<u8>, line_no: u64, det: &Determination) {
    let line = CompactLine {
        line: line_no,
        programmes: compact_programmes(det),
    };
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &line);
    out.push(b'\n');
}

/// Writes the full answer of one determination, with as much explanation as the options ask
/// for and the parameter lists in place or by reference.
fn write_full(
    out: &mut Vec<u8>,
    line_no: u64,
    case: &Case,
    det: &mut Determination,
    opts: &Options<'_>,
    sets: &mut SideLines,
    used: &mut Vec<Arc<SideLine>>,
) {
    let options = jiuzhu::Options::default().with_explain(opts.explain);
    if !opts.explain.findings() {
        // made with findings for the summary; the answer shows none
        det.clear_findings();
    }
    if !opts.shared_parameters {
        write_with_line(out, line_no, &jiuzhu::answer_with(Ok(det), &options));
        return;
    }
    let date = det.evaluation_date;
    let main = sets.reference(opts.rules, &det.jurisdiction, date, &det.parameters, used);
    let emergency = match case.household.emergency_division.as_deref() {
        Some(code) if !det.emergency_parameters.is_empty() => {
            sets.reference(opts.rules, code, date, &det.emergency_parameters, used)
        }
        _ => Some("null".to_owned()),
    };
    let answer = match (main, emergency) {
        (Some(main), Some(emergency)) => {
            // the findings' sources from a table written once (none without findings)
            let sources = opts.explain.findings().then(|| sets.sources(date, used));
            jiuzhu::answer_with_parameter_refs(det, &options, &main, &emergency, sources.as_deref())
        }
        // a division the book cannot list: the lists in place
        _ => jiuzhu::answer_with(Ok(det), &options),
    };
    write_with_line(out, line_no, &answer);
}

/// What the summary keeps of one evaluated household.
fn case_record(
    case: &Case,
    det: &Determination,
    compare: Option<Result<Vec<ProgRecord>, &'static str>>,
    opts: &Options<'_>,
) -> Box<CaseRecord> {
    let programmes = prog_records(det);
    let (mut unconfirmed, mut stale, mut edge_multiplier) = (0, 0, None);
    for p in &det.parameters {
        for w in p.warnings.iter() {
            match w {
                ParamWarning::Unconfirmed => unconfirmed += 1,
                ParamWarning::Stale => stale += 1,
                _ => {}
            }
        }
        if let ("edge_income_multiplier", jiuzhu::rules::ParamValue::Decimal(d)) =
            (&*p.name, &p.value)
        {
            edge_multiplier.get_or_insert(*d);
        }
    }
    Box::new(CaseRecord {
        members: u32::try_from(case.household.members.len()).unwrap_or(u32::MAX),
        counted: u32::try_from(det.accounts.counted_members.len()).unwrap_or(u32::MAX),
        purpose: case.purpose,
        area: case.area,
        enrolled: case
            .enrolment
            .as_ref()
            .map(|e| (e.programme, e.monthly_amount.value())),
        per_capita: det.accounts.per_capita_income.map(|y| y.value()),
        standard: det.accounts.standard.value(),
        edge_multiplier,
        programmes,
        unconfirmed_params: unconfirmed,
        stale_params: stale,
        compare,
        departments_checked: det
            .verification
            .departments_checked
            .iter()
            .map(|d| d.as_str())
            .collect(),
        missing_departments: det
            .verification
            .missing_departments
            .iter()
            .map(|d| d.as_str())
            .collect(),
        discrepancies: det
            .verification
            .discrepancies
            .iter()
            .map(|d| (d.department.as_str(), d.effect.as_str()))
            .collect(),
        field_tasks: u32::try_from(det.verification.field_tasks.len()).unwrap_or(u32::MAX),
        warnings: det
            .monitoring
            .warnings
            .iter()
            .map(|w| (w.colour.as_str(), w.reason.to_string()))
            .collect(),
        action: det.monitoring.action.as_ref().map(|a| a.kind().to_owned()),
        facts: opts
            .county_report
            .then(|| Box::new(crate::report::Facts::of(det))),
    })
}

/// Writes `{"line":N,` followed by the answer without its opening brace.
fn write_with_line(out: &mut Vec<u8>, line_no: u64, answer: &str) {
    let _ = write!(out, "{{\"line\":{line_no},");
    out.extend_from_slice(answer.strip_prefix('{').unwrap_or(answer).as_bytes());
    out.push(b'\n');
}

/// Reads one line (without its `\n` or `\r\n`) into `buf`, keeping at most `limit + 1` bytes so
/// that an oversized line is refused by the parser's size limit without being held in memory.
/// Returns the number of bytes consumed, 0 at the end of input.
fn read_line_limited(r: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    let start = buf.len();
    let mut consumed = 0usize;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        let kept = buf.len().saturating_sub(start);
        let room = limit.saturating_add(1).saturating_sub(kept);
        let body = if done { take.saturating_sub(1) } else { take };
        buf.extend_from_slice(avail.get(..body.min(room)).unwrap_or(avail));
        r.consume(take);
        consumed = consumed.saturating_add(take);
        if done {
            break;
        }
    }
    strip_carriage_return(buf, start, limit);
    Ok(consumed)
}

/// Runs a batch into the file at `path` so that the file is never seen unfinished: answers go
/// to a temporary file beside it (`.NAME.partial-PID`, same directory), which is flushed, synced
/// and renamed to `path` only when the run has answered every line. A file already at `path`
/// is removed first, so a run that fails or is killed leaves nothing there that could be taken
/// for its result (only the temporary file, named as partial).
pub fn run_to_file<R: BufRead + Send>(
    input: R,
    path: &Path,
    opts: &Options<'_>,
) -> io::Result<Summary> {
    remove_stale(path)?;
    let partial = partial_path(path);
    let result = (|| {
        let file = std::fs::File::create(&partial)?;
        let mut w = io::BufWriter::with_capacity(1 << 20, file);
        let summary = run(input, &mut w, opts)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        Ok(summary)
    })();
    match result {
        Ok(summary) => {
            std::fs::rename(&partial, path)?;
            Ok(summary)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Writes a whole file so that it is never seen half written: to a temporary file beside it,
/// synced, then renamed over `path`.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let partial = partial_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match result.and_then(|()| std::fs::rename(&partial, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Removes a result left at `path` by an earlier run (nothing there is fine), so that it cannot
/// be taken for the result of this one.
pub fn remove_stale(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The temporary file beside `path`: `.NAME.partial-PID` in the same directory, so that the
/// rename stays within one file system.
pub fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// Drops the `\r` of a `\r\n` line ending, but only from a line within the limit: the limit is
/// judged on the bytes read, so a line of `limit` bytes and a `\r` is over it and stays cut
/// (refused as too large) rather than losing its tail silently.
fn strip_carriage_return(buf: &mut Vec<u8>, start: usize, limit: usize) {
    let len = buf.len().saturating_sub(start);
    if len > 0 && len <= limit && buf.last() == Some(&b'\r') {
        buf.pop();
    }
}

/// The budget of bytes in flight: input lines read and answers written by the workers but not
/// yet by the writer. A worker waits before evaluating a line while the budget is spent, unless
/// its chunk is the next the writer needs (so that the run always moves on); the reader waits
/// likewise before reading a chunk. Memory therefore grows with the budget and the number of
/// threads times one answer, not with lines per chunk.
struct Budget {
    state: Mutex<BudgetState>,
    changed: std::sync::Condvar,
    limit: u64,
}

#[derive(Default)]
struct BudgetState {
    bytes: u64,
    next: u64,
    closed: bool,
}

/// The bytes a batch keeps in flight before workers wait (32 MiB).
pub const BYTES_IN_FLIGHT: u64 = 32 << 20;

/// A chunk is closed once it holds this many input bytes, whatever its line count (64 KiB).
pub const CHUNK_BYTES: usize = 64 << 10;

/// The same bound for a compact run (512 KiB), whose answers are small: fewer, larger chunks
/// wake the threads less often (a chunk of 64 KiB held about 40 generated households).
pub const COMPACT_CHUNK_BYTES: usize = 512 << 10;

impl Budget {
    fn new(limit: u64) -> Self {
        Budget {
            state: Mutex::new(BudgetState::default()),
            changed: std::sync::Condvar::new(),
            limit,
        }
    }

    /// Waits until there is room, or `seq` is the chunk the writer needs next, or the run is
    /// over.
    fn wait(&self, seq: u64) {
        let Ok(mut g) = self.state.lock() else { return };
        while g.bytes > self.limit && g.next != seq && !g.closed {
            match self.changed.wait(g) {
                Ok(next) => g = next,
                Err(_) => return,
            }
        }
    }

    fn take(&self, n: usize) {
        if let Ok(mut g) = self.state.lock() {
            g.bytes = g.bytes.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        }
    }

    /// The writer wrote chunk `seq`, giving back `n` bytes.
    fn written(&self, seq: u64, n: usize) {
        if let Ok(mut g) = self.state.lock() {
            g.bytes = g.bytes.saturating_sub(u64::try_from(n).unwrap_or(u64::MAX));
            g.next = seq.saturating_add(1);
        }
        self.changed.notify_all();
    }

    /// Wakes every waiter for good (the run is over or failed).
    fn close(&self) {
        if let Ok(mut g) = self.state.lock() {
            g.closed = true;
        }
        self.changed.notify_all();
    }
}

/// Runs a batch: every input line gives exactly one output line, in input order.
pub fn run<R: BufRead + Send, W: Write>(
    mut input: R,
    output: &mut W,
    opts: &Options<'_>,
) -> io::Result<Summary> {
    let threads = opts.threads.max(1);
    // A full answer is 15–35 KB; smaller chunks keep the lines in flight to a few MB.
    let chunk_lines = if opts.compact {
        opts.chunk_lines.max(1)
    } else {
        opts.chunk_lines.clamp(1, 64)
    };
    // At most this many chunks are read and not yet written.
    let in_flight = threads * 4;
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(threads * 2);
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = sync_channel::<Done>(threads * 2);
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = token_tx.send(());
    }
    let started = Instant::now();
    let budget_owned = Budget::new(BYTES_IN_FLIGHT);
    let budget = &budget_owned;
    let mut summary = Summary::new(opts.compare.is_some());
    let summary_ref = &mut summary;
    let out_ref = &mut *output;

    std::thread::scope(move |s| -> io::Result<()> {
        // Every channel end lives inside this closure, so that if anything below unwinds, the
        // ends are dropped and the other threads see disconnected channels and stop.
        let token_tx = token_tx;
        let chunk_bytes = if opts.compact {
            COMPACT_CHUNK_BYTES
        } else {
            CHUNK_BYTES
        };
        let reader = s.spawn(move || {
            read_chunks(
                &mut input,
                (chunk_lines, chunk_bytes),
                &chunk_tx,
                &token_rx,
                budget,
            )
        });
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let rx = Arc::clone(&chunk_rx);
                let tx = done_tx.clone();
                s.spawn(move || work(&rx, &tx, opts, budget))
            })
            .collect();
        drop(chunk_rx);
        drop(done_tx);
        let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
        let mut next = 0u64;
        let mut lines = 0u64;
        let mut bytes = 0u64;
        let mut last_draw = Instant::now();
        let mut write_error: Option<io::Error> = None;
        // the parameter sets written so far, by digest
        let mut sets_written: std::collections::HashSet<String> = Default::default();
        for done in done_rx {
            pending.insert(done.seq, done);
            while let Some(d) = pending.remove(&next) {
                next += 1;
                bytes += d.bytes_read;
                let new_sets = d
                    .sets
                    .iter()
                    .filter(|s| sets_written.insert(s.digest.clone()));
                for set in new_sets {
                    let written = if opts.gzip {
                        gzip_member(&set.line).and_then(|z| out_ref.write_all(&z))
                    } else {
                        out_ref.write_all(&set.line)
                    };
                    if write_error.is_none()
                        && let Err(e) = written
                    {
                        write_error = Some(e);
                    }
                }
                if write_error.is_none()
                    && let Err(e) = out_ref.write_all(&d.out)
                {
                    write_error = Some(e);
                }
                budget.written(d.seq, d.held);
                lines = lines.saturating_add(d.lines);
                for (line, message) in &d.errors {
                    let _ = writeln!(io::stderr(), "line {line}: {message}");
                }
                // Return the chunk's slot to the reader; it may already have finished.
                let _ = token_tx.send(());
                if let Some(total) = opts.progress
                    && last_draw.elapsed().as_millis() >= 200
                {
                    last_draw = Instant::now();
                    draw_progress(lines, bytes, total, started);
                }
            }
            if write_error.is_some() {
                // Stop: dropping the channel ends below makes the workers and the reader stop.
                budget.close();
                break;
            }
        }
        budget.close();
        drop(token_tx);
        if let Some(total) = opts.progress {
            draw_progress(lines, bytes, total, started);
            let _ = writeln!(io::stderr());
        }
        // Each worker folded the lines it answered into its own summary.
        for w in workers {
            let part = w
                .join()
                .map_err(|_| io::Error::other("a worker thread failed"))?;
            summary_ref.merge(part);
        }
        let read = reader
            .join()
            .map_err(|_| io::Error::other("the reader thread failed"))??;
        if let Some(e) = write_error {
            return Err(e);
        }
        // Lines answered and written: a line a worker answered but could not hand over counts
        // in its summary, not here.
        if read != lines {
            return Err(io::Error::other(format!(
                "{read} lines read but {lines} answered"
            )));
        }
        Ok(())
    })?;
    output.flush()?;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.threads = threads;
    Ok(summary)
}

fn read_chunks<R: BufRead>(
    input: &mut R,
    (chunk_lines, chunk_bytes): (usize, usize),
    tx: &SyncSender<Chunk>,
    tokens: &Receiver<()>,
    budget: &Budget,
) -> io::Result<u64> {
    let limit = jiuzhu::limits::MAX_INPUT_BYTES;
    let mut seq = 0u64;
    let mut line_no = 0u64;
    loop {
        if tokens.recv().is_err() {
            return Ok(line_no);
        }
        budget.wait(seq);
        let mut chunk = Chunk {
            seq,
            first_line: line_no.saturating_add(1),
            text: Vec::with_capacity(chunk_lines.saturating_mul(1024).min(chunk_bytes)),
            ends: Vec::with_capacity(chunk_lines),
            bytes_read: 0,
        };
        let mut eof = false;
        while chunk.ends.len() < chunk_lines && chunk.text.len() < chunk_bytes {
            let n = read_line_limited(input, &mut chunk.text, limit)?;
            if n == 0 {
                eof = true;
                break;
            }
            chunk.bytes_read = chunk
                .bytes_read
                .saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
            chunk.ends.push(chunk.text.len());
            line_no = line_no.saturating_add(1);
        }
        budget.take(chunk.text.len());
        if !chunk.ends.is_empty() {
            seq = seq.saturating_add(1);
            if tx.send(chunk).is_err() {
                return Ok(line_no);
            }
        }
        if eof {
            return Ok(line_no);
        }
    }
}

/// One worker: answers chunks until there are none, and returns the summary of the lines it
/// answered (folded here, so that the thread writing the output does no per-line work).
fn work(
    rx: &Mutex<Receiver<Chunk>>,
    tx: &SyncSender<Done>,
    opts: &Options<'_>,
    budget: &Budget,
) -> Summary {
    let mut sets = SideLines::default();
    let mut summary = Summary::new(opts.compare.is_some());
    loop {
        let chunk = {
            let Ok(guard) = rx.lock() else {
                return summary;
            };
            match guard.recv() {
                Ok(c) => c,
                Err(_) => return summary,
            }
        };
        let per_line = if opts.compact { 256 } else { 16384 };
        let mut out = Vec::with_capacity(chunk.ends.len().saturating_mul(per_line).min(1 << 20));
        let mut errors = Vec::new();
        let mut used = Vec::new();
        let mut start = 0usize;
        for (i, &end) in chunk.ends.iter().enumerate() {
            let line = chunk.first_line + i as u64;
            let bytes = chunk.text.get(start..end).unwrap_or(&[]);
            budget.wait(chunk.seq);
            let mark = out.len();
            // The library does not panic on any input; should it ever, the line is answered
            // with an error and the run goes on rather than hanging or losing the line.
            let kind = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                evaluate_line(line, bytes, opts, &mut out, &mut sets, &mut used)
            }))
            .unwrap_or_else(|_| {
                out.truncate(mark);
                write_with_line(
                    &mut out,
                    line,
                    r#"{"error":{"code":"internal","message":"the evaluation failed unexpectedly"}}"#,
                );
                RecordKind::Error {
                    code: jiuzhu::ErrorCode::Internal.as_str(),
                    message: "the evaluation failed unexpectedly".to_owned(),
                }
            });
            budget.take(out.len().saturating_sub(mark));
            if opts.report_errors
                && let RecordKind::Error { message, .. } = &kind
            {
                errors.push((line, message.clone()));
            }
            summary.add(&Record { line, kind });
            start = end;
        }
        // what the budget was charged: the input and the answers as written, before compression
        let held = chunk.text.len().saturating_add(out.len());
        if opts.gzip {
            match gzip_member(&out) {
                Ok(z) => out = z,
                // compressing into memory fails only when memory does: stop this worker, and
                // the run reports the lines left unanswered
                Err(_) => return summary,
            }
        }
        let done = Done {
            seq: chunk.seq,
            held,
            sets: used,
            out,
            lines: u64::try_from(chunk.ends.len()).unwrap_or(u64::MAX),
            errors,
            bytes_read: chunk.bytes_read,
        };
        if tx.send(done).is_err() {
            return summary;
        }
    }
}

fn draw_progress(lines: u64, bytes: u64, total: Option<u64>, started: Instant) {
    let mut err = io::stderr();
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let rate = lines as f64 / secs;
    match total {
        Some(t) if t > 0 => {
            let share = (bytes as f64 / t as f64).min(1.0);
            let filled = (share * 30.0) as usize;
            let eta = if share > 0.0 {
                secs * (1.0 - share) / share
            } else {
                0.0
            };
            let _ = write!(
                err,
                "\r[{}{}] {:5.1}%  {lines} lines  {rate:.0}/s  ETA {:.0} s ",
                "#".repeat(filled),
                "-".repeat(30 - filled.min(30)),
                share * 100.0,
                eta
            );
        }
        _ => {
            let _ = write!(err, "\r{lines} lines  {rate:.0}/s ");
        }
    }
}

/// Adds an amount to a running total without panicking: a total beyond exact decimal range
/// stays at the largest decimal (the parameter bounds keep real runs far below it).
fn add_to(total: &mut Decimal, amount: Decimal) {
    *total = total.saturating_add(amount);
}

/// How many of the first errors a summary keeps, with their line numbers and messages.
const FIRST_ERRORS: usize = 20;

/// Households and amounts for one programme and payment class.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Payment {
    /// Payments (households or individual units).
    pub count: u64,
    /// Sum of monthly amounts.
    pub amount: Decimal,
}

impl Merge for Payment {
    fn merge_in(&mut self, other: Payment) {
        self.count.merge_in(other.count);
        self.amount.merge_in(other.amount);
    }
}

/// Per-capita income histogram for one area, in bins of [`BIN_YUAN`].
pub const BIN_YUAN: u32 = 50;
/// Number of bins; the last holds everything above.
pub const BINS: usize = 40;

/// Changes under the comparison rule book for one programme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Households eligible under the comparison book and not under the base book.
    pub gaining: u64,
    /// Households eligible under the base book and not eligible under the comparison book.
    pub losing: u64,
    /// Households eligible under the base book that need review under the comparison book.
    pub to_review: u64,
    /// Households whose total monthly amount changed.
    pub amount_changed: u64,
    /// Total monthly payment under the base book.
    pub base_total: Decimal,
    /// Total monthly payment under the comparison book.
    pub new_total: Decimal,
}

impl Merge for Change {
    fn merge_in(&mut self, other: Change) {
        let Change {
            gaining,
            losing,
            to_review,
            amount_changed,
            base_total,
            new_total,
        } = other;
        self.gaining.merge_in(gaining);
        self.losing.merge_in(losing);
        self.to_review.merge_in(to_review);
        self.amount_changed.merge_in(amount_changed);
        self.base_total.merge_in(base_total);
        self.new_total.merge_in(new_total);
    }
}

/// Everything the report states, folded line by line (each worker of a run folds its own lines;
/// the parts are then merged, [`Summary::merge`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Input lines read.
    pub lines_read: u64,
    /// Lines evaluated.
    pub results: u64,
    /// Lines that could not be evaluated.
    pub errors: u64,
    /// The first errors: line number, code, message.
    pub first_errors: Vec<(u64, &'static str, String)>,
    /// Errors by code.
    pub errors_by_code: BTreeMap<&'static str, u64>,
    /// Persons listed in evaluated cases.
    pub persons: u64,
    /// Persons counted in the households.
    pub persons_counted: u64,
    /// Households by area.
    pub by_area: BTreeMap<&'static str, u64>,
    /// Households by purpose.
    pub by_purpose: BTreeMap<&'static str, u64>,
    /// Outcome counts per programme: eligible, not eligible, needs review.
    pub outcomes: BTreeMap<Programme, [u64; 3]>,
    /// Newly found: dynamic checks and rechecks where a programme is eligible and the household
    /// is not enrolled in it now.
    pub newly_found: BTreeMap<Programme, u64>,
    /// Rechecks of current dibao recipients: still eligible, no longer eligible (termination),
    /// to review; and among the still eligible, amount raised, lowered, unchanged.
    pub recheck: [u64; 6],
    /// Leading reasons for not eligible, per programme: rule ID → households.
    pub denial_reasons: BTreeMap<Programme, HashMap<&'static str, u64>>,
    /// Reasons for terminations (rechecked dibao recipients found not eligible).
    pub termination_reasons: HashMap<&'static str, u64>,
    /// Rules to review, per programme.
    pub review_reasons: BTreeMap<Programme, HashMap<&'static str, u64>>,
    /// Payments by programme and class label.
    pub payments: BTreeMap<(Programme, String), Payment>,
    /// Total monthly payments by programme (household amounts plus individual units).
    pub totals: BTreeMap<Programme, Decimal>,
    /// Histogram of per-capita income: per area, counts by bin.
    pub histogram: BTreeMap<&'static str, [u64; BINS]>,
    /// Standards seen per area: value → households.
    pub standards: BTreeMap<&'static str, BTreeMap<Decimal, u64>>,
    /// Marginal-line multipliers seen: value → households.
    pub multipliers: BTreeMap<Decimal, u64>,
    /// Determinations that used at least one unconfirmed parameter.
    pub with_unconfirmed: u64,
    /// Determinations that used at least one stale standard.
    pub with_stale: u64,
    /// Whether a comparison book was given.
    pub compared: bool,
    /// Changes per programme under the comparison book.
    pub changes: BTreeMap<Programme, Change>,
    /// Cases the comparison book could not evaluate.
    pub compare_errors: u64,
    /// Households with department data.
    pub with_evidence: u64,
    /// Households held for review because a required department's data is missing.
    pub missing_evidence: u64,
    /// Missing departments: department → households.
    pub missing_by_department: BTreeMap<&'static str, u64>,
    /// Discrepancies by department: minor, material, decisive.
    pub discrepancies: BTreeMap<&'static str, [u64; 3]>,
    /// Households with at least one discrepancy.
    pub households_with_discrepancy: u64,
    /// Field-investigation tasks raised.
    pub field_tasks: u64,
    /// Warnings by colour: (warnings, households with one or more).
    pub warnings_by_colour: BTreeMap<&'static str, (u64, u64)>,
    /// Warnings by colour and reason.
    pub warning_reasons: BTreeMap<(&'static str, String), u64>,
    /// Recommended actions by kind.
    pub actions: BTreeMap<String, u64>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Worker threads.
    pub threads: usize,
    /// The county report, when [`Options::county_report`] is set.
    pub county: crate::report::Tally,
}

fn outcome_index(o: Outcome) -> usize {
    o.index()
}

/// The label of a payment class.
fn class_label(
    programme: Programme,
    area: Area,
    class: Option<DibaoClass>,
    individual: bool,
) -> String {
    let base = match (class, programme) {
        (Some(c), _) => c.as_str().to_owned(),
        (None, Programme::MinimumLiving) => match area {
            Area::Urban => "urban (gap)".to_owned(),
            Area::Rural => "rural (no class)".to_owned(),
        },
        (None, _) => area.as_str().to_owned(),
    };
    if individual {
        format!("{base}, individual unit")
    } else {
        base
    }
}

impl Summary {
    /// An empty summary.
    pub fn new(compared: bool) -> Self {
        Summary {
            compared,
            ..Summary::default()
        }
    }

    /// Adds the lines of another summary into this one: the summary of a run split into parts
    /// is the merge of the parts' summaries. Counts and amounts add up; of the first errors,
    /// the 20 with the lowest line numbers are kept. The run's seconds and threads stay this
    /// summary's.
    ///
    /// The batch run's workers each fold the lines they answer into their own summary, and the
    /// run merges those at the end.
    ///
    /// ```
    /// use jiuzhu_tools::batch::Summary;
    ///
    /// let mut whole = Summary::new(false);
    /// let mut part = Summary::new(false);
    /// part.lines_read = 3;
    /// part.errors = 1;
    /// whole.merge(part);
    /// assert_eq!((whole.lines_read, whole.errors), (3, 1));
    /// ```
    pub fn merge(&mut self, other: Summary) {
        // Taken apart whole, so that a field added to the summary cannot be forgotten here.
        let Summary {
            lines_read,
            results,
            errors,
            first_errors,
            errors_by_code,
            persons,
            persons_counted,
            by_area,
            by_purpose,
            outcomes,
            newly_found,
            recheck,
            denial_reasons,
            termination_reasons,
            review_reasons,
            payments,
            totals,
            histogram,
            standards,
            multipliers,
            with_unconfirmed,
            with_stale,
            compared,
            changes,
            compare_errors,
            with_evidence,
            missing_evidence,
            missing_by_department,
            discrepancies,
            households_with_discrepancy,
            field_tasks,
            warnings_by_colour,
            warning_reasons,
            actions,
            seconds: _,
            threads: _,
            county,
        } = other;
        self.lines_read.merge_in(lines_read);
        self.results.merge_in(results);
        self.errors.merge_in(errors);
        self.first_errors.extend(first_errors);
        self.first_errors.sort_by_key(|e| e.0);
        self.first_errors.truncate(FIRST_ERRORS);
        self.errors_by_code.merge_in(errors_by_code);
        self.persons.merge_in(persons);
        self.persons_counted.merge_in(persons_counted);
        self.by_area.merge_in(by_area);
        self.by_purpose.merge_in(by_purpose);
        self.outcomes.merge_in(outcomes);
        self.newly_found.merge_in(newly_found);
        self.recheck.merge_in(recheck);
        self.denial_reasons.merge_in(denial_reasons);
        self.termination_reasons.merge_in(termination_reasons);
        self.review_reasons.merge_in(review_reasons);
        self.payments.merge_in(payments);
        self.totals.merge_in(totals);
        self.histogram.merge_in(histogram);
        self.standards.merge_in(standards);
        self.multipliers.merge_in(multipliers);
        self.with_unconfirmed.merge_in(with_unconfirmed);
        self.with_stale.merge_in(with_stale);
        self.compared |= compared;
        self.changes.merge_in(changes);
        self.compare_errors.merge_in(compare_errors);
        self.with_evidence.merge_in(with_evidence);
        self.missing_evidence.merge_in(missing_evidence);
        self.missing_by_department.merge_in(missing_by_department);
        self.discrepancies.merge_in(discrepancies);
        self.households_with_discrepancy
            .merge_in(households_with_discrepancy);
        self.field_tasks.merge_in(field_tasks);
        self.warnings_by_colour.merge_in(warnings_by_colour);
        self.warning_reasons.merge_in(warning_reasons);
        self.actions.merge_in(actions);
        self.county.merge(county);
    }

    /// Folds one line's result in.
    pub fn add(&mut self, r: &Record) {
        self.lines_read += 1;
        let c = match &r.kind {
            RecordKind::Error { code, message } => {
                self.errors += 1;
                *self.errors_by_code.entry(code).or_default() += 1;
                if self.first_errors.len() < FIRST_ERRORS {
                    self.first_errors.push((r.line, code, message.clone()));
                }
                self.county.add_error();
                return;
            }
            RecordKind::Ok(c) => c,
        };
        self.results += 1;
        if let Some(f) = &c.facts {
            self.county.add(f);
        }
        self.persons += u64::from(c.members);
        self.persons_counted += u64::from(c.counted);
        let area = c.area.as_str();
        *self.by_area.entry(area).or_default() += 1;
        *self.by_purpose.entry(c.purpose.as_str()).or_default() += 1;
        *self
            .standards
            .entry(area)
            .or_default()
            .entry(c.standard.normalize())
            .or_default() += 1;
        if let Some(m) = c.edge_multiplier {
            *self.multipliers.entry(m.normalize()).or_default() += 1;
        }
        if let Some(pc) = c.per_capita {
            let bin = if pc.is_sign_negative() {
                0
            } else {
                (pc / Decimal::from(BIN_YUAN))
                    .floor()
                    .to_usize()
                    .unwrap_or(BINS - 1)
                    .min(BINS - 1)
            };
            if let Some(n) = self.histogram.entry(area).or_insert([0; BINS]).get_mut(bin) {
                *n += 1;
            }
        }
        if c.unconfirmed_params > 0 {
            self.with_unconfirmed += 1;
        }
        if !c.departments_checked.is_empty() {
            self.with_evidence += 1;
        }
        if !c.missing_departments.is_empty() {
            self.missing_evidence += 1;
        }
        for d in &c.missing_departments {
            *self.missing_by_department.entry(d).or_default() += 1;
        }
        for (d, effect) in &c.discrepancies {
            let i = match *effect {
                "minor" => 0,
                "material" => 1,
                _ => 2,
            };
            if let Some(n) = self.discrepancies.entry(d).or_insert([0; 3]).get_mut(i) {
                *n += 1;
            }
        }
        if !c.discrepancies.is_empty() {
            self.households_with_discrepancy += 1;
        }
        self.field_tasks += u64::from(c.field_tasks);
        let mut colours_seen: Vec<&'static str> = Vec::new();
        for (colour, reason) in &c.warnings {
            let e = self.warnings_by_colour.entry(colour).or_default();
            e.0 += 1;
            if !colours_seen.contains(colour) {
                colours_seen.push(colour);
                e.1 += 1;
            }
            *self
                .warning_reasons
                .entry((colour, reason.clone()))
                .or_default() += 1;
        }
        if let Some(a) = &c.action {
            *self.actions.entry(a.clone()).or_default() += 1;
        }
        if c.stale_params > 0 {
            self.with_stale += 1;
        }
        for p in &c.programmes {
            if let Some(n) = self
                .outcomes
                .entry(p.programme)
                .or_insert([0; 3])
                .get_mut(outcome_index(p.outcome))
            {
                *n += 1;
            }
            add_to(self.totals.entry(p.programme).or_default(), p.total);
            if p.outcome == Outcome::Eligible && !p.household_amount.is_zero() {
                let pay = self
                    .payments
                    .entry((
                        p.programme,
                        class_label(p.programme, c.area, p.class, false),
                    ))
                    .or_default();
                pay.count = pay.count.saturating_add(1);
                add_to(&mut pay.amount, p.household_amount);
            } else if p.outcome == Outcome::Eligible {
                // eligible with no cash (the marginal programme pays none)
                let pay = self
                    .payments
                    .entry((p.programme, "no cash payment".to_owned()))
                    .or_default();
                pay.count += 1;
            }
            for (class, amount) in &p.units {
                let pay = self
                    .payments
                    .entry((p.programme, class_label(p.programme, c.area, *class, true)))
                    .or_default();
                pay.count = pay.count.saturating_add(1);
                add_to(&mut pay.amount, *amount);
            }
            let enrolled_here = c.enrolled.is_some_and(|(e, _)| e == p.programme);
            if p.outcome == Outcome::Eligible
                && matches!(c.purpose, Purpose::DynamicCheck | Purpose::Recheck)
                && !enrolled_here
            {
                *self.newly_found.entry(p.programme).or_default() += 1;
            }
            match p.outcome {
                Outcome::NotEligible => {
                    let reasons = self.denial_reasons.entry(p.programme).or_default();
                    for f in &p.failed {
                        *reasons.entry(f).or_default() += 1;
                    }
                }
                Outcome::NeedsReview => {
                    let reasons = self.review_reasons.entry(p.programme).or_default();
                    for f in &p.review {
                        *reasons.entry(f).or_default() += 1;
                    }
                }
                _ => {}
            }
            if p.programme == Programme::MinimumLiving
                && c.purpose == Purpose::Recheck
                && let Some((Programme::MinimumLiving, now)) = c.enrolled
            {
                match p.outcome {
                    Outcome::Eligible => {
                        self.recheck[0] += 1;
                        match p.total.cmp(&now) {
                            std::cmp::Ordering::Greater => self.recheck[3] += 1,
                            std::cmp::Ordering::Less => self.recheck[4] += 1,
                            std::cmp::Ordering::Equal => self.recheck[5] += 1,
                        }
                    }
                    Outcome::NotEligible => {
                        self.recheck[1] += 1;
                        for f in &p.failed {
                            *self.termination_reasons.entry(f).or_default() += 1;
                        }
                    }
                    // an outcome added later counts with those a person must review
                    _ => self.recheck[2] += 1,
                }
            }
        }
        match &c.compare {
            Some(Ok(other)) => {
                for p in &c.programmes {
                    let ch = self.changes.entry(p.programme).or_default();
                    add_to(&mut ch.base_total, p.total);
                    let q = other.iter().find(|q| q.programme == p.programme);
                    let new_total = q.map(|q| q.total).unwrap_or_default();
                    add_to(&mut ch.new_total, new_total);
                    let was = p.outcome == Outcome::Eligible || !p.units.is_empty();
                    let now =
                        q.is_some_and(|q| q.outcome == Outcome::Eligible || !q.units.is_empty());
                    if now && !was {
                        ch.gaining += 1;
                    }
                    if was && !now {
                        if q.is_some_and(|q| q.outcome == Outcome::NeedsReview) {
                            ch.to_review += 1;
                        } else {
                            ch.losing += 1;
                        }
                    }
                    if new_total != p.total {
                        ch.amount_changed += 1;
                    }
                }
            }
            Some(Err(_)) => self.compare_errors += 1,
            None => {}
        }
    }

    /// The report in Markdown, written like a county's annual report.
    pub fn to_markdown(&self, title: &str, svg_name: Option<&str>) -> String {
        let mut m = String::new();
        let w = &mut m;
        let _ = writeln!(w, "# {title}\n");
        let _ = writeln!(
            w,
            "Batch verification run with jiuzhu {}: {} input lines read, {} results, {} errors \
             ({} worker threads, {:.2} s).\n",
            env!("CARGO_PKG_VERSION"),
            self.lines_read,
            self.results,
            self.errors,
            self.threads,
            self.seconds
        );
        if let Some(svg) = svg_name {
            let _ = writeln!(w, "![Per-capita income and payments]({svg})\n");
        }

        let _ = writeln!(w, "## 1. Households and persons checked\n");
        let _ = writeln!(w, "| | Count |\n|---|---:|");
        let _ = writeln!(w, "| Households evaluated | {} |", self.results);
        let _ = writeln!(w, "| Persons listed | {} |", self.persons);
        let _ = writeln!(
            w,
            "| Persons counted in their households | {} |",
            self.persons_counted
        );
        for (a, n) in &self.by_area {
            let _ = writeln!(w, "| Households, {a} scheme | {n} |");
        }
        for (p, n) in &self.by_purpose {
            let _ = writeln!(w, "| Households, purpose {p} | {n} |");
        }
        let _ = writeln!(w);

        let _ = writeln!(w, "## 2. Results by programme\n");
        let _ = writeln!(
            w,
            "| Programme | Eligible | Not eligible | Needs review | Total |\n|---|---:|---:|---:|---:|"
        );
        for (p, c) in &self.outcomes {
            let _ = writeln!(
                w,
                "| {} | {} | {} | {} | {} |",
                p.as_str(),
                c[0],
                c[1],
                c[2],
                c[0] + c[1] + c[2]
            );
        }
        let _ = writeln!(
            w,
            "\nA household counts as not eligible for dibao even when some of its members are \
             covered individually (HH-5, HH-6); those units appear under payments.\n"
        );

        let _ = writeln!(w, "## 3. Newly found eligible households\n");
        let _ = writeln!(
            w,
            "Dynamic checks and rechecks where a programme is eligible and the household is not \
             enrolled in that programme now:\n"
        );
        let _ = writeln!(w, "| Programme | Households |\n|---|---:|");
        for p in self.outcomes.keys() {
            let n = self.newly_found.get(p).copied().unwrap_or(0);
            let _ = writeln!(w, "| {} | {n} |", p.as_str());
        }
        let _ = writeln!(w);

        let _ = writeln!(w, "## 4. Rechecks of current dibao recipients\n");
        let r = &self.recheck;
        let _ = writeln!(w, "| | Households |\n|---|---:|");
        let _ = writeln!(w, "| Still eligible | {} |", r[0]);
        let _ = writeln!(w, "| — amount raised | {} |", r[3]);
        let _ = writeln!(w, "| — amount lowered | {} |", r[4]);
        let _ = writeln!(w, "| — amount unchanged | {} |", r[5]);
        let _ = writeln!(w, "| No longer eligible (termination) | {} |", r[1]);
        let _ = writeln!(w, "| To review | {} |\n", r[2]);
        if !self.termination_reasons.is_empty() {
            let _ = writeln!(w, "Leading reasons for termination (failed rules):\n");
            reason_table(w, &self.termination_reasons, r[1]);
        }

        let _ = writeln!(w, "## 5. Denials and their leading reasons\n");
        let _ = writeln!(
            w,
            "Households found not eligible, by the rules that failed (a household can fail \
             several rules, so the counts add up to more than the households):\n"
        );
        for (p, reasons) in &self.denial_reasons {
            let n = self.outcomes.get(p).map_or(0, |c| c[1]);
            let _ = writeln!(w, "### {} ({n} not eligible)\n", p.as_str());
            reason_table(w, reasons, n);
        }
        if !self.review_reasons.is_empty() {
            let _ = writeln!(
                w,
                "### Cases to review, by the rule that could not decide\n"
            );
            for (p, reasons) in &self.review_reasons {
                let n = self.outcomes.get(p).map_or(0, |c| c[2]);
                let _ = writeln!(w, "**{}** ({n} to review)\n", p.as_str());
                reason_table(w, reasons, n);
            }
        }

        let _ = writeln!(w, "## 6. Discrepancies by department\n");
        let _ = writeln!(
            w,
            "Department records (部门核对数据) compared with the declarations: {} households \
             carried department data; {} showed at least one discrepancy; {} field \
             investigation tasks were raised for the townships.\n",
            self.with_evidence, self.households_with_discrepancy, self.field_tasks
        );
        if self.discrepancies.is_empty() {
            let _ = writeln!(w, "No discrepancies were found.\n");
        } else {
            let _ = writeln!(
                w,
                "| Department | Minor | Material | Decisive | Total |\n|---|---:|---:|---:|---:|"
            );
            for (d, c) in &self.discrepancies {
                let _ = writeln!(
                    w,
                    "| {d} | {} | {} | {} | {} |",
                    c[0],
                    c[1],
                    c[2],
                    c[0] + c[1] + c[2]
                );
            }
            let _ = writeln!(
                w,
                "\nMinor: changes nothing; material: changes an amount or class; decisive: \
                 changes an outcome.\n"
            );
        }
        if self.missing_evidence > 0 {
            let _ = writeln!(
                w,
                "{} households were held for review because data required for their purpose \
                 was missing (VER-REQ):\n",
                self.missing_evidence
            );
            let _ = writeln!(w, "| Department missing | Households |\n|---|---:|");
            for (d, n) in &self.missing_by_department {
                let _ = writeln!(w, "| {d} | {n} |");
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w, "## 7. Warnings\n");
        if self.warnings_by_colour.is_empty() {
            let _ = writeln!(w, "No monitoring warnings were raised.\n");
        } else {
            let _ = writeln!(w, "Monitoring warnings (预警) by colour:\n");
            let _ = writeln!(w, "| Colour | Warnings | Households |\n|---|---:|---:|");
            for colour in ["red", "orange", "yellow", "blue"] {
                if let Some((n, h)) = self.warnings_by_colour.get(colour) {
                    let _ = writeln!(w, "| {colour} | {n} | {h} |");
                }
            }
            let _ = writeln!(w, "\n| Colour | Reason | Warnings |\n|---|---|---:|");
            let mut reasons: Vec<_> = self.warning_reasons.iter().collect();
            let rank = |c: &str| {
                ["red", "orange", "yellow", "blue"]
                    .iter()
                    .position(|x| *x == c)
            };
            reasons.sort_by(|a, b| rank(a.0.0).cmp(&rank(b.0.0)).then(b.1.cmp(a.1)));
            for ((colour, reason), n) in reasons {
                let _ = writeln!(w, "| {colour} | {reason} | {n} |");
            }
            let _ = writeln!(w);
        }
        if !self.actions.is_empty() {
            let _ = writeln!(w, "Recommended actions (处理建议):\n");
            let _ = writeln!(w, "| Action | Households |\n|---|---:|");
            for (a, n) in &self.actions {
                let _ = writeln!(w, "| {a} | {n} |");
            }
            let _ = writeln!(w);
        }
        let _ = writeln!(w, "Parameter warnings on the determinations:\n");
        let _ = writeln!(w, "| | Households |\n|---|---:|");
        let _ = writeln!(
            w,
            "| Decided with at least one unconfirmed parameter | {} |",
            self.with_unconfirmed
        );
        let _ = writeln!(
            w,
            "| Decided with a standard more than a year old | {} |\n",
            self.with_stale
        );

        let _ = writeln!(w, "## 8. Monthly payments\n");
        let _ = writeln!(
            w,
            "| Programme | Class | Payments | Monthly total (yuan) |\n|---|---|---:|---:|"
        );
        for ((p, label), pay) in &self.payments {
            let _ = writeln!(
                w,
                "| {} | {label} | {} | {} |",
                p.as_str(),
                pay.count,
                pay.amount.normalize()
            );
        }
        for (p, t) in &self.totals {
            let _ = writeln!(
                w,
                "| **{}** | **all** | | **{}** |",
                p.as_str(),
                t.normalize()
            );
        }
        let grand = self
            .totals
            .values()
            .fold(Decimal::ZERO, |a, t| a.saturating_add(*t));
        let _ = writeln!(
            w,
            "\nTotal monthly payments: **{}** yuan (× 12 = {} yuan a year at this month's rate).\n",
            grand.normalize(),
            grand.saturating_mul(Decimal::from(12)).normalize()
        );

        let _ = writeln!(w, "## 9. Per-capita income against the standard\n");
        for (a, by) in &self.standards {
            let list: Vec<String> = by
                .iter()
                .map(|(s, n)| format!("{s} ({n} households)"))
                .collect();
            let _ = writeln!(w, "- {a} monthly standard: {}", list.join(", "));
        }
        for (mlt, n) in &self.multipliers {
            let _ = writeln!(w, "- marginal line: {mlt} × the standard ({n} households)");
        }
        let _ = writeln!(
            w,
            "\nHouseholds by monthly per-capita income, in bands of {BIN_YUAN} yuan (the last band \
             is open):\n"
        );
        let _ = writeln!(w, "| Band (yuan) | Urban | Rural |\n|---|---:|---:|");
        let zero = [0u64; BINS];
        let urban = self.histogram.get("urban").unwrap_or(&zero);
        let rural = self.histogram.get("rural").unwrap_or(&zero);
        for (i, (u, r)) in urban.iter().zip(rural).enumerate() {
            if u + r == 0 {
                continue;
            }
            let lo = i as u32 * BIN_YUAN;
            let band = if i + 1 == BINS {
                format!("{lo} and above")
            } else {
                format!("{lo}–{}", lo + BIN_YUAN)
            };
            let _ = writeln!(w, "| {band} | {u} | {r} |");
        }
        let _ = writeln!(w);

        if self.compared {
            let _ = writeln!(w, "## 10. Under the comparison rules\n");
            let _ = writeln!(
                w,
                "Every case was evaluated a second time under the comparison rule book. \
                 Households gaining or losing each programme (eligible as a household or through \
                 an individual unit), and the change in total monthly payments:\n"
            );
            let _ = writeln!(
                w,
                "| Programme | Gaining | Losing | Eligible now, to review then | Amount changed | Monthly total now | Monthly total under comparison | Change per month | Change per year |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|"
            );
            for (p, ch) in &self.changes {
                let d = ch.new_total.saturating_sub(ch.base_total);
                let _ = writeln!(
                    w,
                    "| {} | {} | {} | {} | {} | {} | {} | {:+} | {:+} |",
                    p.as_str(),
                    ch.gaining,
                    ch.losing,
                    ch.to_review,
                    ch.amount_changed,
                    ch.base_total.normalize(),
                    ch.new_total.normalize(),
                    d.normalize(),
                    d.saturating_mul(Decimal::from(12)).normalize()
                );
            }
            if self.compare_errors > 0 {
                let _ = writeln!(
                    w,
                    "\n{} cases could not be evaluated under the comparison rules and are left out \
                     of this table.",
                    self.compare_errors
                );
            }
            let _ = writeln!(w);
        }

        let _ = writeln!(w, "## Input errors\n");
        let _ = writeln!(
            w,
            "{} lines read = {} results + {} errors.\n",
            self.lines_read, self.results, self.errors
        );
        if self.errors > 0 {
            let _ = writeln!(w, "| Code | Lines |\n|---|---:|");
            for (c, n) in &self.errors_by_code {
                let _ = writeln!(w, "| {c} | {n} |");
            }
            let _ = writeln!(w, "\nFirst errors:\n");
            for (line, _, msg) in &self.first_errors {
                let _ = writeln!(w, "- line {line}: {msg}");
            }
        }
        m
    }

    /// A hand-written SVG chart: per-capita income histograms against the standard and the
    /// marginal line, and monthly payments by programme and class.
    pub fn to_svg(&self) -> String {
        let mut s = String::new();
        let paid = self
            .payments
            .values()
            .filter(|p| !p.amount.is_zero())
            .count();
        let (width, height) = (900.0_f64, 500.0 + 20.0 * paid as f64);
        let _ = writeln!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">"#
        );
        let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
        let zero = [0u64; BINS];
        let mut top = 20.0;
        for (area, colour) in [("urban", "#4a7fb5"), ("rural", "#6aa84f")] {
            let bins = self.histogram.get(area).unwrap_or(&zero);
            let standard = self
                .standards
                .get(area)
                .and_then(|m| m.iter().max_by_key(|(_, n)| **n).map(|(s, _)| *s));
            let multiplier = self
                .multipliers
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(m, _)| *m);
            histogram_svg(&mut s, top, area, colour, bins, standard, multiplier);
            top += 230.0;
        }
        // payments
        let _ = writeln!(
            s,
            r#"<text x="20" y="{}" font-size="13" font-weight="bold">Monthly payments by programme and class (yuan)</text>"#,
            top + 10.0
        );
        let max = self
            .payments
            .values()
            .map(|p| dec_f64(p.amount))
            .fold(0.0_f64, f64::max)
            .max(1.0);
        let mut y = top + 25.0;
        for ((p, label), pay) in self.payments.iter().filter(|(_, p)| !p.amount.is_zero()) {
            let len = dec_f64(pay.amount) / max * 400.0;
            let _ = writeln!(
                s,
                r##"<text x="20" y="{:.1}">{} · {}</text><rect x="330" y="{:.1}" width="{len:.1}" height="14" fill="#e69138"/><text x="{:.1}" y="{:.1}">{} ({} payments)</text>"##,
                y + 11.0,
                p.as_str(),
                xml(label),
                y,
                335.0 + len,
                y + 11.0,
                pay.amount.normalize(),
                pay.count
            );
            y += 20.0;
        }
        let _ = writeln!(s, "</svg>");
        s
    }
}

fn reason_table(w: &mut String, reasons: &HashMap<&'static str, u64>, households: u64) {
    let mut v: Vec<(&&str, &u64)> = reasons.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(
        w,
        "| Rule | Title | Households | Share |\n|---|---|---:|---:|"
    );
    for (rule, n) in v.into_iter().take(10) {
        let title = jiuzhu::RuleId::from_id(rule).map_or("", |r| r.title_en());
        let share = if households == 0 {
            0.0
        } else {
            *n as f64 * 100.0 / households as f64
        };
        let _ = writeln!(w, "| {rule} | {title} | {n} | {share:.1} % |");
    }
    let _ = writeln!(w);
}

/// A decimal as a float, for drawing only (never for money arithmetic).
fn dec_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn histogram_svg(
    s: &mut String,
    top: f64,
    area: &str,
    colour: &str,
    bins: &[u64; BINS],
    standard: Option<Decimal>,
    multiplier: Option<Decimal>,
) {
    let (left, plot_w, plot_h) = (60.0, 800.0, 160.0);
    let base = top + 30.0 + plot_h;
    let max = bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bar_w = plot_w / BINS as f64;
    let _ = writeln!(
        s,
        r#"<text x="20" y="{:.1}" font-size="13" font-weight="bold">Per-capita monthly income, {area} households (bands of {BIN_YUAN} yuan)</text>"#,
        top + 10.0
    );
    let _ = writeln!(
        s,
        r##"<line x1="{left}" y1="{base:.1}" x2="{:.1}" y2="{base:.1}" stroke="#333"/>"##,
        left + plot_w
    );
    let _ = writeln!(
        s,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{max}</text>"#,
        left - 5.0,
        base - plot_h + 4.0
    );
    for (i, &n) in bins.iter().enumerate() {
        let h = n as f64 / max * plot_h;
        let x = left + i as f64 * bar_w;
        let _ = writeln!(
            s,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{colour}"><title>{}–{}: {n}</title></rect>"#,
            x + 1.0,
            base - h,
            bar_w - 2.0,
            i as u32 * BIN_YUAN,
            (i as u32 + 1) * BIN_YUAN
        );
        if i % 4 == 0 {
            let _ = writeln!(
                s,
                r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                base + 14.0,
                i as u32 * BIN_YUAN
            );
        }
    }
    let scale = |v: f64| left + v / f64::from(BIN_YUAN) * bar_w;
    let max_x = f64::from(BIN_YUAN) * BINS as f64;
    if let Some(st) = standard {
        let v = dec_f64(st);
        if v <= max_x {
            let x = scale(v);
            let _ = writeln!(
                s,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{base:.1}" stroke="#cc0000" stroke-width="2"/><text x="{:.1}" y="{:.1}" fill="#cc0000">standard {}</text>"##,
                base - plot_h - 5.0,
                x + 3.0,
                base - plot_h + 5.0,
                st.normalize()
            );
        }
        if let Some(m) = multiplier {
            let line = st.saturating_mul(m);
            let v = dec_f64(line);
            if v <= max_x {
                let x = scale(v);
                let _ = writeln!(
                    s,
                    r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{base:.1}" stroke="#9900cc" stroke-width="2" stroke-dasharray="6,4"/><text x="{:.1}" y="{:.1}" fill="#9900cc">marginal line {}</text>"##,
                    base - plot_h - 5.0,
                    x + 3.0,
                    base - plot_h + 20.0,
                    line.normalize()
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    /// Every line of `input` answered and recorded, in order.
    fn records(input: &str, opts: &Options<'_>) -> Vec<Record> {
        let mut sets = SideLines::default();
        input
            .lines()
            .zip(1u64..)
            .map(|(text, line)| {
                let (mut out, mut used) = (Vec::new(), Vec::new());
                let kind =
                    evaluate_line(line, text.as_bytes(), opts, &mut out, &mut sets, &mut used);
                Record { line, kind }
            })
            .collect()
    }

    /// The workers' way (each folds its share, the parts are merged) gives what folding every
    /// line into one summary gives, field by field.
    #[test]
    fn merged_parts_equal_the_lines_folded_one_by_one() {
        let (good, _) = crate::generate::caseload_string(240, 5, false);
        let mut input = String::new();
        for (i, line) in good.lines().enumerate() {
            input.push_str(line);
            input.push('\n');
            if i % 9 == 4 {
                input.push_str("{\"household\": 1}\n");
            }
        }
        let rules = RuleBook::embedded();
        let raise = RuleBook::embedded()
            .overlay_dir(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../examples/rules-raise-2026"
            ))
            .unwrap();
        let mut opts = Options::new(&rules);
        opts.compact = true;
        opts.county_report = true;
        opts.compare = Some(&raise);
        let records = records(&input, &opts);

        let mut whole = Summary::new(true);
        for r in &records {
            whole.add(r);
        }
        // three workers taking chunks of five lines in turn
        let mut parts = [Summary::new(true), Summary::new(true), Summary::new(true)];
        for (i, chunk) in records.chunks(5).enumerate() {
            for r in chunk {
                parts[i % 3].add(r);
            }
        }
        let mut merged = Summary::new(true);
        for part in parts {
            merged.merge(part);
        }

        assert!(whole.errors > FIRST_ERRORS as u64 && whole.results == 240);
        assert!(!whole.denial_reasons.is_empty() && !whole.changes.is_empty());
        assert!(whole.county.checked.households == 240 && whole.county.errors == whole.errors);
        assert_eq!(merged, whole);
    }

    /// A tally merged into one that has batches counts towards its last batch.
    #[test]
    fn a_merged_tally_counts_towards_the_last_batch() {
        let mut whole = crate::report::Tally::default();
        whole.start_batch("one.jsonl");
        let mut part = crate::report::Tally::default();
        part.add_error();
        part.add_error();
        whole.merge(part);
        assert_eq!((whole.errors, whole.batches[0].errors), (2, 2));
    }
}
