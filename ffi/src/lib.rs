//! C ABI for jiuzhu: `libjiuzhu.so` / `libjiuzhu.a` and the header `include/jiuzhu.h`.
//!
//! Every entry point takes and gives UTF-8, NUL-terminated text. A case goes in as JSON and the
//! answer comes back as JSON, in the shape of `jiuzhu::evaluate_json`: `{"ok": <determination>}`
//! or `{"error": {"code", "path", "message"}}`. Errors at the boundary itself (a NULL argument,
//! text that is not UTF-8, a parameter document that does not load, a panic inside the library)
//! are error answers of the same shape; no entry point unwinds into the caller, and no error
//! message repeats the caller's input.
//!
//! Ownership: every `char *` the library returns is owned by the caller and must be released
//! with [`jz_free`], exactly once. The string from [`jz_version`] is static and is never freed.
//!
//! Threads: the library keeps no mutable global state. Any entry point may be called from many
//! threads at once; a [`JzRules`] handle may be shared by threads for [`jz_evaluate_with`] as
//! long as no thread frees it while others use it.

#![deny(unsafe_op_in_unsafe_fn)]

use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use jiuzhu_core::{ErrorCode, RULE_CATALOGUE_VERSION, RuleBook, RulesError};
use serde::Serialize;

// With `panic = "abort"`, `catch_unwind` never sees a panic and a bug would take the host
// process down: refuse to build that way.
#[cfg(panic = "abort")]
compile_error!(
    "jiuzhu-ffi must be built with panic = \"unwind\" so that panics become error answers"
);

/// A loaded rule book: the embedded parameters with a caller's parameter document laid over
/// them, parsed once and reused for many evaluations.
///
/// Opaque to C. Create with `jz_rules_load`, release with `jz_rules_free`. A handle is
/// immutable once loaded, so many threads may evaluate with it at once.
pub struct JzRules {
    book: RuleBook,
}

// A handle is shared between threads by C callers: keep it Send + Sync.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<JzRules>();
};

/// An error answer, with its fields in the order the core writes them.
#[derive(Serialize)]
struct ErrorAnswer<'a> {
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    message: &'a str,
}

/// Writes an error answer of the same shape as the core's.
fn error_answer(code: &str, path: Option<&str>, message: &str) -> String {
    let answer = ErrorAnswer {
        error: ErrorBody {
            code,
            path,
            message,
        },
    };
    serde_json::to_string(&answer).unwrap_or_else(|_| {
        r#"{"error":{"code":"internal","message":"the answer could not be written"}}"#.to_owned()
    })
}

/// The answer for a panic caught at the boundary. The panic's own message is not passed on: it
/// could carry input text.
fn panic_answer() -> String {
    error_answer(
        ErrorCode::Internal.as_str(),
        None,
        "internal error in jiuzhu: the evaluation stopped unexpectedly; please report it with the case that caused it",
    )
}

/// Hands a string to the caller as an owned C string. JSON written by serde never holds a raw
/// NUL byte (it is escaped as `\u0000`), but any that did would be dropped rather than cut the
/// answer short.
fn into_c(s: String) -> *mut c_char {
    let c = match CString::new(s) {
        Ok(c) => c,
        Err(e) => {
            let mut bytes = e.into_vec();
            bytes.retain(|&b| b != 0);
            CString::new(bytes).unwrap_or_default()
        }
    };
    c.into_raw()
}

/// Reads one text argument: NULL and invalid UTF-8 become error answers naming the argument.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid during the call.
unsafe fn read_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, String> {
    if ptr.is_null() {
        return Err(error_answer(
            ErrorCode::NullArgument.as_str(),
            None,
            &format!("{name} is NULL; pass a NUL-terminated UTF-8 string"),
        ));
    }
    // SAFETY: not NULL, and NUL-terminated and live for the call by the caller's contract.
    let c = unsafe { CStr::from_ptr(ptr) };
    c.to_str().map_err(|e| {
        error_answer(
            ErrorCode::InvalidUtf8.as_str(),
            None,
            &format!(
                "{name} is not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

/// The error answer for a parameter document that did not load. Only the library's own words
/// are kept: the parser's text, which quotes the document, is not passed on.
fn rules_error_answer(e: &RulesError) -> String {
    const CODE: &str = ErrorCode::BadRules.as_str();
    match e {
        RulesError::Syntax { .. } => error_answer(
            CODE,
            Some("$"),
            "the parameter document is not valid TOML or JSON of the parameter-file shape ([division] code, [[param]] name/from/value/status/source)",
        ),
        RulesError::UnknownParameter { index, .. } => error_answer(
            CODE,
            Some(&format!("param[{index}].name")),
            "unknown parameter name",
        ),
        RulesError::BadValue {
            index,
            name,
            problem,
            ..
        } => error_answer(
            CODE,
            Some(&format!("param[{index}]")),
            &format!("{name}: {problem}"),
        ),
        RulesError::BadDivision { .. } => error_answer(
            CODE,
            Some("division.code"),
            "division.code must be a six-digit division code",
        ),
        // the library's own words: the bound, the parent rule; never the document's text
        RulesError::OutOfBounds {
            index,
            name,
            from,
            problem,
            ..
        } => error_answer(
            CODE,
            Some(&format!("param[{index}]")),
            &format!("{name}, from {from}: {problem}"),
        ),
        RulesError::BadParent { code, problem, .. } => error_answer(
            CODE,
            Some("division.parent"),
            &format!("division {code}: {problem}"),
        ),
        RulesError::Cycle { code, .. } => error_answer(
            CODE,
            Some("division.parent"),
            &format!("division {code}: its parents form a cycle"),
        ),
        _ => error_answer(CODE, None, "the parameter document could not be loaded"),
    }
}

/// Loads the embedded rules with an optional parameter document over them.
///
/// # Safety
/// As [`read_arg`].
unsafe fn load(rules: *const c_char) -> Result<RuleBook, String> {
    if rules.is_null() {
        return Ok(jiuzhu_core::embedded_rules().clone());
    }
    // SAFETY: passed on from the caller's contract.
    let text = unsafe { read_arg(rules, "rules") }?;
    jiuzhu_core::embedded_rules()
        .clone()
        .overlay_str(text)
        .map_err(|e| rules_error_answer(&e))
}

/// How many parameter documents `jz_evaluate` keeps loaded.
const BOOKS_KEPT: usize = 4;

/// The documents `jz_evaluate` loaded last, each with its book, keyed by the document's whole
/// text (compared byte for byte, so two documents never share a book): a caller that passes
/// the same document on every call has it parsed once, not once per case. A cache only: the
/// answers are the same with or without it.
static BOOKS: std::sync::Mutex<Vec<(Box<str>, std::sync::Arc<RuleBook>)>> =
    std::sync::Mutex::new(Vec::new());

/// The embedded rules with `text` laid over them, from the cache or loaded now.
fn cached_book(text: &str) -> Result<std::sync::Arc<RuleBook>, String> {
    if let Ok(kept) = BOOKS.lock()
        && let Some((_, book)) = kept.iter().find(|(t, _)| **t == *text)
    {
        return Ok(std::sync::Arc::clone(book));
    }
    let book = std::sync::Arc::new(
        jiuzhu_core::embedded_rules()
            .clone()
            .overlay_str(text)
            .map_err(|e| rules_error_answer(&e))?,
    );
    // A poisoned lock only means a panic elsewhere while it was held: the cache is skipped.
    if let Ok(mut kept) = BOOKS.lock() {
        if kept.len() >= BOOKS_KEPT {
            kept.remove(0);
        }
        kept.push((text.into(), std::sync::Arc::clone(&book)));
    }
    Ok(book)
}

/// Runs `f` with panics caught; a panic becomes an `internal` error answer.
fn guarded(f: impl FnOnce() -> String) -> *mut c_char {
    into_c(catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| panic_answer()))
}

/// Evaluates one household under the embedded rules, or under a parameter document laid over
/// them.
///
/// `case_json` is the case as JSON (UTF-8, NUL-terminated). `rules` is NULL for the embedded
/// parameters, or a parameter document (TOML, or JSON when it starts with `{`) whose values
/// override them; the last 4 documents are kept loaded (compared by their whole text), so a
/// document passed again is not parsed again; `jz_rules_load` remains the way to load one once
/// and share it explicitly.
///
/// Returns an owned JSON answer, `{"ok": …}` or `{"error": …}`, to be released with `jz_free`.
/// Returns NULL only if memory runs out (Rust's allocator aborts the process first, so NULL is
/// not seen in practice; check for it anyway).
///
/// # Safety
/// `case_json` and `rules` are each NULL or a pointer to a NUL-terminated string that stays
/// valid and unchanged during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_evaluate(
    case_json: *const c_char,
    rules: *const c_char,
) -> *mut c_char {
    guarded(|| {
        // SAFETY: the caller's contract covers both pointers.
        let case = match unsafe { read_arg(case_json, "case_json") } {
            Ok(c) => c,
            Err(answer) => return answer,
        };
        if rules.is_null() {
            return jiuzhu_core::evaluate_json(case);
        }
        // SAFETY: as above.
        let text = match unsafe { read_arg(rules, "rules") } {
            Ok(t) => t,
            Err(answer) => return answer,
        };
        match cached_book(text) {
            Ok(book) => jiuzhu_core::evaluate_json_with(case, &book),
            Err(answer) => answer,
        }
    })
}

/// Evaluates one household and answers with the decisions in writing it calls for (S0 Arts.
/// 45, 48): `{"ok": [<notice>, …]}`, each notice with its kind, programme, reasons and whole
/// text (Chinese first, then English; members by key only), or `{"error": …}` as `jz_evaluate`.
///
/// `rules` is NULL for the embedded parameters or a parameter document, as for `jz_evaluate`.
/// Returns an owned string to be released with `jz_free`.
///
/// # Safety
/// As `jz_evaluate`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_notices(case_json: *const c_char, rules: *const c_char) -> *mut c_char {
    guarded(|| {
        // SAFETY: the caller's contract covers both pointers.
        let case = match unsafe { read_arg(case_json, "case_json") } {
            Ok(c) => c,
            Err(answer) => return answer,
        };
        if rules.is_null() {
            return jiuzhu_core::evaluate_notices_json(case);
        }
        // SAFETY: as above.
        match unsafe { load(rules) } {
            Ok(book) => jiuzhu_core::evaluate_notices_json_with(case, &book),
            Err(answer) => answer,
        }
    })
}

/// Evaluates one household with a rule book loaded by `jz_rules_load`.
///
/// Returns an owned JSON answer, `{"ok": …}` or `{"error": …}`, to be released with `jz_free`;
/// a NULL handle or case gives an error answer. Returns NULL only if memory runs out, as
/// `jz_evaluate`.
///
/// # Safety
/// `rules` is NULL or a live handle from `jz_rules_load` that no thread frees during the call.
/// `case_json` is NULL or a pointer to a NUL-terminated string that stays valid and unchanged
/// during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_evaluate_with(
    rules: *const JzRules,
    case_json: *const c_char,
) -> *mut c_char {
    guarded(|| {
        // SAFETY: a handle from jz_rules_load, still live, by the caller's contract.
        let Some(handle) = (unsafe { rules.as_ref() }) else {
            return error_answer(
                ErrorCode::NullArgument.as_str(),
                None,
                "rules is NULL; pass a handle from jz_rules_load",
            );
        };
        // SAFETY: the caller's contract covers the pointer.
        match unsafe { read_arg(case_json, "case_json") } {
            Ok(case) => jiuzhu_core::evaluate_json_with(case, &handle.book),
            Err(answer) => answer,
        }
    })
}

/// Reads the options of `jz_evaluate_options`: NULL for the defaults, else a JSON object such
/// as `{"explain": "none"}`. Only the library's own words are kept in the error answer.
///
/// # Safety
/// As [`read_arg`].
unsafe fn read_options(options_json: *const c_char) -> Result<jiuzhu_core::Options, String> {
    if options_json.is_null() {
        return Ok(jiuzhu_core::Options::default());
    }
    // SAFETY: passed on from the caller's contract.
    let text = unsafe { read_arg(options_json, "options_json") }?;
    serde_json::from_str(text).map_err(|_| {
        error_answer(
            ErrorCode::Malformed.as_str(),
            Some("options"),
            "options_json must be a JSON object with the optional field explain: \"none\", \"findings\" or \"sentences\"",
        )
    })
}

/// Evaluates one household with options: how much explanation the answer carries.
///
/// `rules` is NULL for the embedded parameters or a live handle from `jz_rules_load`.
/// `case_json` is the case as JSON. `options_json` is NULL for the default answer (the same as
/// `jz_evaluate_with`'s, byte for byte) or a JSON object, every field optional:
/// `{"explain": "none"}` answers with every decision and no findings (the quickest and
/// smallest answer), `"findings"` with the findings but without their Chinese and English
/// sentences (`zh`, `en`), `"sentences"` (the default) with both; `{"case_digest": false}`
/// leaves out the audit stamp's `case_digest` (and the SHA-256 work over the case). Options
/// that do not read give a `malformed` error answer with the path `options`.
///
/// Returns an owned JSON answer, `{"ok": …}` or `{"error": …}`, to be released with `jz_free`;
/// NULL only if memory runs out, as `jz_evaluate`.
///
/// # Safety
/// `rules` is NULL or a live handle from `jz_rules_load` that no thread frees during the call.
/// `case_json` and `options_json` are each NULL or a pointer to a NUL-terminated string that
/// stays valid and unchanged during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_evaluate_options(
    rules: *const JzRules,
    case_json: *const c_char,
    options_json: *const c_char,
) -> *mut c_char {
    guarded(|| {
        // SAFETY: the caller's contract covers the pointer.
        let case = match unsafe { read_arg(case_json, "case_json") } {
            Ok(c) => c,
            Err(answer) => return answer,
        };
        // SAFETY: as above.
        let options = match unsafe { read_options(options_json) } {
            Ok(o) => o,
            Err(answer) => return answer,
        };
        // SAFETY: NULL or a handle from jz_rules_load, still live, by the caller's contract.
        let book = match unsafe { rules.as_ref() } {
            Some(handle) => &handle.book,
            None => jiuzhu_core::embedded_rules(),
        };
        jiuzhu_core::evaluate_json_with_options(case, book, &options)
    })
}

/// Loads a rule book once for many evaluations: the embedded parameters, with `rules` laid
/// over them when it is not NULL (TOML, or JSON when it starts with `{`).
///
/// On success returns a handle (release it with `jz_rules_free`) and, when `error_out` is not
/// NULL, sets `*error_out` to NULL. On failure returns NULL and, when `error_out` is not NULL,
/// sets `*error_out` to an owned JSON error answer (release it with `jz_free`).
///
/// # Safety
/// `rules` is NULL or a pointer to a NUL-terminated string that stays valid and unchanged during
/// the call. `error_out` is NULL or points to writable storage for one `char *`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_rules_load(
    rules: *const c_char,
    error_out: *mut *mut c_char,
) -> *mut JzRules {
    // SAFETY: the caller's contract covers the pointer.
    let result = catch_unwind(|| unsafe { load(rules) }).unwrap_or_else(|_| Err(panic_answer()));
    let (handle, error) = match result {
        Ok(book) => (
            Box::into_raw(Box::new(JzRules { book })),
            std::ptr::null_mut(),
        ),
        Err(answer) => (std::ptr::null_mut(), into_c(answer)),
    };
    if error_out.is_null() {
        if !error.is_null() {
            // SAFETY: made by into_c just above and not handed out.
            drop(unsafe { CString::from_raw(error) });
        }
    } else {
        // SAFETY: error_out is writable by the caller's contract.
        unsafe { error_out.write(error) };
    }
    handle
}

/// Releases a handle from `jz_rules_load`. NULL is ignored.
///
/// # Safety
/// `rules` is NULL or a handle from `jz_rules_load` not yet released, which no other thread is
/// using; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_rules_free(rules: *mut JzRules) {
    if rules.is_null() {
        return;
    }
    // SAFETY: a live handle made by Box::into_raw in jz_rules_load, released once.
    let b = unsafe { Box::from_raw(rules) };
    // Dropping a rule book does not panic, but a panic must still not cross the boundary.
    let _ = catch_unwind(AssertUnwindSafe(move || drop(b)));
}

/// Releases a string returned by `jz_evaluate`, `jz_evaluate_with`, `jz_evaluate_options`,
/// `jz_notices` or `jz_rules_load`.
/// NULL is ignored.
///
/// # Safety
/// `s` is NULL or a string returned by this library and not yet released; it must not be used
/// afterwards. Never pass the string from `jz_version`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jz_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: made by CString::into_raw in this library and released once.
    drop(unsafe { CString::from_raw(s) });
}

/// The library's version text, `jiuzhu-ffi <crate version> (rule catalogue <version>)`.
///
/// Static: valid for the life of the process; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn jz_version() -> *const c_char {
    VERSION.as_ptr().cast()
}

const VERSION_PARTS: [&str; 5] = [
    "jiuzhu-ffi ",
    env!("CARGO_PKG_VERSION"),
    " (rule catalogue ",
    RULE_CATALOGUE_VERSION,
    ")",
];

// The two items below are evaluated at compile time: an index out of range there is a build
// error, never a panic at run time.
#[allow(clippy::indexing_slicing)]
const VERSION_LEN: usize = {
    let mut n = 1; // the closing NUL
    let mut i = 0;
    while i < VERSION_PARTS.len() {
        n += VERSION_PARTS[i].len();
        i += 1;
    }
    n
};

/// The version text with its closing NUL, built at compile time; no NUL inside.
#[allow(clippy::indexing_slicing)]
static VERSION: [u8; VERSION_LEN] = {
    let mut out = [0u8; VERSION_LEN];
    let mut at = 0;
    let mut i = 0;
    while i < VERSION_PARTS.len() {
        let part = VERSION_PARTS[i].as_bytes();
        let mut j = 0;
        while j < part.len() {
            assert!(part[j] != 0, "the version text must not hold a NUL byte");
            out[at] = part[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests;
