"""A small ctypes client for libjiuzhu, the C ABI of the jiuzhu rules engine.

Copy this file into your project; it needs only the Python standard library and the shared
library (``libjiuzhu.so`` on Linux, ``libjiuzhu.dylib`` on macOS, ``jiuzhu.dll`` on Windows),
built with ``cargo build --release -p jiuzhu-ffi``.

    import jiuzhu
    answer = jiuzhu.evaluate({"evaluation_date": "2026-11-01", ...})
    if "ok" in answer:
        for p in answer["ok"]["programmes"]:
            print(p["programme"], p["outcome"], p.get("monthly_amount"))
    else:
        print(answer["error"]["code"], answer["error"]["message"])

    with jiuzhu.Rules(open("my-county.toml").read()) as rules:   # parsed once
        answer = rules.evaluate(case)

The library is found through the ``JIUZHU_LIB`` environment variable (a path to the file), else
in ``target/release`` or ``target/debug`` of the repository this file sits in, else by the
system's loader. Amounts in answers are decimal strings; parse them with ``decimal.Decimal``,
never ``float``.

Every string the library returns is freed with ``jz_free`` exactly once, inside this module:
callers only ever see Python objects. All functions are safe to call from many threads.

Run ``python3 jiuzhu.py CASE.json [RULES.toml]`` to print the library's raw JSON answer.
"""

import ctypes
import datetime
import decimal
import json
import os
import sys
from pathlib import Path

__all__ = ["evaluate", "evaluate_raw", "version", "Rules", "JiuzhuError", "load_library"]


class JiuzhuError(Exception):
    """A parameter document did not load; ``.answer`` holds the library's error answer."""

    def __init__(self, answer):
        self.answer = answer
        err = answer.get("error", {})
        super().__init__(f"{err.get('code')}: {err.get('message')}")


def _library_names():
    if sys.platform == "win32":
        return ["jiuzhu.dll"]
    if sys.platform == "darwin":
        return ["libjiuzhu.dylib"]
    return ["libjiuzhu.so"]


def _candidates():
    env = os.environ.get("JIUZHU_LIB")
    if env:
        yield env
        return
    repo = Path(__file__).resolve().parents[2]
    for profile in ("release", "debug"):
        for name in _library_names():
            path = repo / "target" / profile / name
            if path.is_file():
                yield str(path)
    yield from _library_names()  # left to the system loader


def load_library(path=None):
    """Loads libjiuzhu and declares its entry points. Called once, on first use."""
    paths = [path] if path else list(_candidates())
    last = None
    for p in paths:
        try:
            lib = ctypes.CDLL(p)
            break
        except OSError as e:
            last = e
    else:
        raise OSError(f"libjiuzhu not found (set JIUZHU_LIB); last error: {last}")

    # Returned strings are declared c_void_p, not c_char_p: ctypes would copy a c_char_p into
    # bytes and lose the pointer that jz_free needs.
    lib.jz_evaluate.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.jz_evaluate.restype = ctypes.c_void_p
    lib.jz_evaluate_with.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.jz_evaluate_with.restype = ctypes.c_void_p
    lib.jz_rules_load.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.jz_rules_load.restype = ctypes.c_void_p
    lib.jz_rules_free.argtypes = [ctypes.c_void_p]
    lib.jz_rules_free.restype = None
    lib.jz_free.argtypes = [ctypes.c_void_p]
    lib.jz_free.restype = None
    lib.jz_version.argtypes = []
    lib.jz_version.restype = ctypes.c_char_p  # static: never freed
    return lib


_lib = None


def _get():
    global _lib
    if _lib is None:
        _lib = load_library()
    return _lib


def _text(value):
    """A case or parameter document as UTF-8 bytes (None stays None, for NULL)."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value, ensure_ascii=False, default=_json_default).encode("utf-8")


def _json_default(value):
    """Writes Decimal amounts as decimal strings (never floats) and dates as YYYY-MM-DD."""
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _take(ptr):
    """Copies an owned answer out of the library and frees it, exactly once."""
    if not ptr:
        raise MemoryError("libjiuzhu could not allocate its answer")
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        _get().jz_free(ptr)


def evaluate_raw(case, rules=None):
    """The library's JSON answer as text, exactly as it wrote it.

    ``case`` is a dict (written as JSON), a JSON string or UTF-8 bytes. ``rules`` is None for
    the embedded parameters, or a parameter document (TOML, or JSON) laid over them.
    """
    return _take(_get().jz_evaluate(_text(case), _text(rules)))


def evaluate(case, rules=None):
    """Evaluates one household; returns ``{"ok": ...}`` or ``{"error": ...}`` as a dict."""
    return json.loads(evaluate_raw(case, rules))


def version():
    """The library's version text (crate and rule-catalogue versions)."""
    return _get().jz_version().decode("utf-8")


class Rules:
    """A parameter document loaded once and reused for many cases; safe to share by threads.

    Release it with ``close()`` or a ``with`` block (it is also released when collected).
    """

    def __init__(self, document=None):
        self._handle = None
        lib = _get()
        error = ctypes.c_void_p()
        self._handle = lib.jz_rules_load(_text(document), ctypes.byref(error))
        if not self._handle:
            raise JiuzhuError(json.loads(_take(error.value)))

    def evaluate_raw(self, case):
        """As the module's ``evaluate_raw``, under these rules."""
        if not self._handle:
            raise ValueError("the rules were closed")
        return _take(_get().jz_evaluate_with(self._handle, _text(case)))

    def evaluate(self, case):
        """As the module's ``evaluate``, under these rules."""
        return json.loads(self.evaluate_raw(case))

    def close(self):
        """Releases the handle; later calls raise ValueError."""
        if self._handle:
            _get().jz_rules_free(self._handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may already be gone
            pass


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(f"usage: {sys.argv[0]} CASE.json [RULES.toml]")
    # Bytes as they are on disk, and UTF-8 out whatever the locale, so that the output can be
    # compared byte for byte with other clients.
    case_bytes = Path(sys.argv[1]).read_bytes()
    rules_bytes = Path(sys.argv[2]).read_bytes() if len(sys.argv) == 3 else None
    sys.stdout.buffer.write(evaluate_raw(case_bytes, rules_bytes).encode("utf-8") + b"\n")
