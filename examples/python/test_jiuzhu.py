"""Self-check of the ctypes client: ``python3 examples/python/test_jiuzhu.py``.

Needs the shared library (see ``jiuzhu.py`` for how it is found). Run by the Rust test
``ffi/tests/python.rs`` when python3 is on PATH.
"""

import sys
import unittest
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import jiuzhu  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
URBAN_GAP = (REPO / "examples" / "households" / "urban-gap.json").read_text(encoding="utf-8")

# Zhenyuan sets its own urban standard of 700 a month from 2026-01-01 (an example figure).
ZHENYUAN_700 = """
[division]
code = "621027"
name = "Zhenyuan (test override)"

[[param]]
name = "dibao_standard_urban_month"
from = "2026-01-01"
value = 700
status = "unconfirmed"
source = "test override"
"""


def dibao(answer):
    for p in answer["ok"]["programmes"]:
        if p["programme"] == "minimum_living":
            return p
    raise AssertionError("no minimum_living programme in the answer")


class ClientTest(unittest.TestCase):
    def test_sample_household(self):
        p = dibao(jiuzhu.evaluate(URBAN_GAP))
        self.assertEqual(p["outcome"], "eligible")
        # Gansu's urban standard 623 x 3 persons - 620 household income a month
        self.assertEqual(Decimal(p["monthly_amount"]), Decimal("1249"))

    def test_dict_and_str_and_bytes_give_one_answer(self):
        import json

        as_dict = jiuzhu.evaluate(json.loads(URBAN_GAP))
        self.assertEqual(as_dict, jiuzhu.evaluate(URBAN_GAP))
        self.assertEqual(as_dict, jiuzhu.evaluate(URBAN_GAP.encode("utf-8")))

    def test_decimal_and_date_values_are_written_as_strings(self):
        import datetime
        import json

        case = json.loads(URBAN_GAP)
        case["evaluation_date"] = datetime.date(2026, 11, 1)
        case["household"]["incomes"][0]["amount"] = Decimal("9600")
        self.assertEqual(jiuzhu.evaluate(case), jiuzhu.evaluate(URBAN_GAP))

    def test_rules_document(self):
        p = dibao(jiuzhu.evaluate(URBAN_GAP, rules=ZHENYUAN_700))
        # a local urban standard of 700: 700 x 3 - 620
        self.assertEqual(p["monthly_amount"], "1480")
        with jiuzhu.Rules(ZHENYUAN_700) as rules:
            self.assertEqual(rules.evaluate_raw(URBAN_GAP), jiuzhu.evaluate_raw(URBAN_GAP, ZHENYUAN_700))
        with self.assertRaises(ValueError):
            rules.evaluate(URBAN_GAP)

    def test_errors(self):
        self.assertEqual(jiuzhu.evaluate(None)["error"]["code"], "null_argument")
        self.assertEqual(jiuzhu.evaluate(b"{\"a\": \"\xff\"}")["error"]["code"], "invalid_utf8")
        self.assertEqual(jiuzhu.evaluate("{\"evaluation_date\": ")["error"]["code"], "malformed")
        bad = "[division]\ncode = \"62\"\nname = \"t\"\n"
        self.assertEqual(jiuzhu.evaluate(URBAN_GAP, rules=bad)["error"]["code"], "bad_rules")
        with self.assertRaises(jiuzhu.JiuzhuError) as caught:
            jiuzhu.Rules(bad)
        self.assertEqual(caught.exception.answer["error"]["path"], "division.code")

    def test_version(self):
        self.assertTrue(jiuzhu.version().startswith("jiuzhu-ffi "), jiuzhu.version())
        self.assertIn("rule catalogue", jiuzhu.version())

    def test_eight_threads(self):
        want = jiuzhu.evaluate_raw(URBAN_GAP)
        with jiuzhu.Rules() as rules, ThreadPoolExecutor(max_workers=8) as pool:
            calls = [pool.submit(jiuzhu.evaluate_raw, URBAN_GAP) for _ in range(16)]
            calls += [pool.submit(rules.evaluate_raw, URBAN_GAP) for _ in range(16)]
            for c in calls:
                self.assertEqual(c.result(), want)


if __name__ == "__main__":
    unittest.main()
